"""The page-reading machinery: every syntax, the schema.org hierarchy, values not trusted, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from auditor.crawl.reading import read_page
from auditor.crawl.schema_types import ancestors, is_location_type

PAGES = Path(__file__).parent.parent / "data" / "real_pages"


def jsonld(*objects: object) -> str:
    texts = (json.dumps(o, ensure_ascii=False) for o in objects)
    blocks = "".join(f'<script type="application/ld+json">{text}</script>' for text in texts)
    return f"<html><head>{blocks}</head><body></body></html>"


def only(reading):
    assert len(reading.locations) == 1, reading
    return reading.locations[0]


@pytest.mark.parametrize(
    "kind", ["GroceryStore", "ConvenienceStore", "BankOrCreditUnion", "Bakery", "AccountingService",
             "Restaurant", "CafeOrCoffeeShop", "Dentist", "SkiResort", "TouristAttraction"],
)  # fmt: skip
def test_any_local_business_or_place_subtype_is_read(kind: str) -> None:
    record = only(read_page(jsonld({"@type": kind, "name": "Shop", "telephone": "+44 20 7946 0000"}), ""))
    assert record["name"] == "Shop" and record.origins["name"] == "json-ld"


def test_the_hierarchy_is_the_real_one() -> None:
    assert {"Store", "LocalBusiness", "Organization", "Place"} <= ancestors("GroceryStore")
    assert is_location_type({"Hotel"}) and not is_location_type({"Organization"})


def test_graph_reads_the_business_not_the_organisation() -> None:
    page = jsonld({"@context": "https://schema.org", "@graph": [
        {"@type": "Organization", "name": "Brand Group", "url": "https://brand.example.org/"},
        {"@type": "WebSite", "name": "Brand"},
        {"@type": "ConvenienceStore", "name": "Brand Leeds", "telephone": "0113 496 0000",
         "address": {"@type": "PostalAddress", "streetAddress": "1 Briggate", "addressLocality": "Leeds",
                     "postalCode": "LS1 6HD", "addressCountry": "GB"}},
    ]})  # fmt: skip
    reading = read_page(page, "")
    record = only(reading)
    assert record["name"] == "Brand Leeds"
    assert record["address"] == {"street": "1 Briggate", "locality": "Leeds", "postcode": "LS1 6HD",
                                 "country": "GB"}  # fmt: skip
    assert any("an organisation with no address" in line for line in reading.unread)


def test_address_list_first_empty_and_name_only_inside_the_address() -> None:
    page = jsonld({"@type": "Store", "address": [
        {"@type": "PostalAddress"},
        {"@type": "PostalAddress", "name": "Corner Shop", "streetAddress": "2 Rue Haute",
         "addressLocality": "Liège", "postalCode": "4000", "addressCountry": "Belgique"},
    ]})  # fmt: skip
    record = only(read_page(page, ""))
    assert record["name"] == "Corner Shop"
    assert record["address"]["street"] == "2 Rue Haute" and record["address"]["country"] == "Belgique"


def test_several_businesses_on_one_page_are_several_locations() -> None:
    page = jsonld({"@type": "ItemList", "itemListElement": [
        {"@type": "ListItem", "item": {"@type": "Bakery", "name": "A", "telephone": "+49 30 901820"}},
        {"@type": "ListItem", "item": {"@type": "Bakery", "name": "B", "telephone": "+49 30 901821"}},
    ]})  # fmt: skip
    assert [r["name"] for r in read_page(page, "").locations] == ["A", "B"]


def test_rdfa_and_opengraph_are_read() -> None:
    rdfa = """<html><body vocab="https://schema.org/"><div typeof="Bakery"><span property="name">Crumb</span>
      <div property="address" typeof="PostalAddress"><span property="streetAddress">5 Mill Lane</span>
      <span property="addressLocality">York</span></div><span property="telephone">01904 000000</span>
      </div></body></html>"""
    record = only(read_page(rdfa, ""))
    assert record["name"] == "Crumb" and record.origins["phone"] == "rdfa"
    assert record["address"] == {"street": "5 Mill Lane", "locality": "York"}
    og = """<html><head><meta property="og:site_name" content="Crumb"><meta property="og:street-address"
      content="5 Mill Lane"><meta property="og:locality" content="York"></head><body></body></html>"""
    record = only(read_page(og, ""))
    assert record.origins["address"] == "opengraph" and record["address"]["locality"] == "York"


def test_microdata_datetime_attribute_and_unclosed_tags() -> None:
    reading = read_page((PAGES / "us_wolfs_sandwiches_aston_pa.html").read_bytes(), "")
    assert any("'Mo,Tu,We,Th,Fr,Sa,Su 11:00-22:00'" in line for line in reading.unread)  # not trusted
    record = only(read_page((PAGES / "de_spoekenkieker_st_peter_ording.html").read_bytes(), ""))
    assert record["address"]["locality"] == "St. Peter-Ording"
    assert record["hours"] == "Mo,Tu 9:00-24:00" and record["phone"] == "04863 9502727"


def test_specifications_of_one_day_add_up() -> None:
    record = only(read_page((PAGES / "de_zahnarzt_dold_rheinfelden.html").read_bytes(), ""))
    assert record["hours"] == "Mo-Th 08:30-11:00,14:00-16:00; Fr 08:30-11:00"


def test_placeholders_and_conflicts_are_not_values() -> None:
    record = only(read_page((PAGES / "sk_lekaren_europa_banska_bystrica.html").read_bytes(), ""))
    assert "placeholder" in record.problems["phone"] and "placeholder" in record.problems["website"]
    assert "hours" not in record.problems
    record = only(read_page((PAGES / "es_asador_la_perla_castro_urdiales.html").read_bytes(), ""))
    assert "different values" in record.problems["phone"]
    assert "placeholder domain" in record.problems["website"]
    record = only(read_page((PAGES / "gb_brookshill_farm_devon.html").read_bytes(), ""))
    assert record.problems["phone"] == "a US number for a location in GB"
    assert "name" not in record.problems and "address" not in record.problems


def test_text_reader_for_pages_without_structured_data() -> None:
    page = """<html lang="de"><head><title>Bäckerei Korn | Filiale Mitte</title></head><body>
      <h1>Bäckerei Korn</h1><address>Torstraße 12, 10119 Berlin</address>
      <a href="tel:+493012345678">Anrufen</a>
      <table><tr><td>Montag</td><td>07:00-18:00</td></tr><tr><td>Dienstag</td><td>07:00-18:00</td></tr></table>
      </body></html>"""
    reading = read_page(page, "https://korn.example.de/mitte")
    record = only(reading)
    assert record["phone"] == "+493012345678" and record["address"] == "Torstraße 12, 10119 Berlin"
    assert record["name"] == "Bäckerei Korn" and "Montag" in record["hours"]
    assert set(record.origins.values()) == {"heuristic"}
    assert reading.country == "DE"


def test_selectors_read_a_page_without_schema_data() -> None:
    page = '<html><body><h2 class="n">Shop 9</h2><p class="t">+61 2 9999 0000</p></body></html>'
    record = only(read_page(page, "", syntaxes=(), fields={"name": "h2.n::text", "phone": ".t::text"},
                            generic=False))  # fmt: skip
    assert record == {"name": "Shop 9", "phone": "+61 2 9999 0000"}
    assert record.origins == {"name": "selector", "phone": "selector"}


# -- bad input: a recorded reason, never a crash or a false value ---------------------------------


def test_ten_megabytes_of_jsonld() -> None:
    huge = {"@type": "Store", "name": "Big", "description": "x" * 10_000_000}
    small = {"@type": "Store", "name": "Small", "telephone": "+44 20 7946 0001"}
    reading = read_page(jsonld(huge, small), "")
    assert [r["name"] for r in reading.locations] == ["Small"]
    assert any("read limit" in line for line in reading.unread)


def test_deeply_nested_arrays() -> None:
    deep = '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
    reading = read_page(f"<html><head>{deep}</head></html>", "")
    assert reading.locations == [] and reading.unread
    nested: dict = {"@type": "Store", "name": "Deep", "telephone": "+44 20 7946 0002"}
    cursor = nested
    for _ in range(200):
        cursor["subOrganization"] = {"@type": "Thing"}
        cursor = cursor["subOrganization"]
    reading = read_page(jsonld(nested), "")
    assert only(reading)["name"] == "Deep" and any("nesting deeper" in line for line in reading.unread)


def test_invalid_jsonld_is_reported() -> None:
    page = '<html><head><script type="application/ld+json">{"@type": "Store", "name": </script></head></html>'
    reading = read_page(page, "")
    assert reading.locations == [] and reading.unread[0].startswith("malformed JSON-LD")


def test_hostile_script_in_a_name() -> None:
    name = 'Shop</script><script>alert("x")</script>'
    obj = {"@type": "Store", "name": name, "telephone": "+44 20 7946 0003"}
    escaped = json.dumps(obj).replace("</", "<\\/")  # as a careful template writes it
    page = f'<html><head><script type="application/ld+json">{escaped}</script></head></html>'
    record = only(read_page(page, ""))
    assert record.problems["name"] == "the value carries HTML or script markup"
    raw = jsonld(obj)  # unescaped: the script ends early, the block is malformed
    reading = read_page(raw, "")
    assert reading.unread[0].startswith("malformed JSON-LD")
    assert all("name" not in r or "name" in r.problems for r in reading.locations)


def test_mixed_encodings() -> None:
    good = jsonld({"@type": "Store", "name": "Café Müller", "telephone": "+49 30 901822"}).encode("utf-8")
    latin = jsonld({"@type": "Store", "name": "Café Süd", "telephone": "+49 30 901823"}).encode("latin-1")
    reading = read_page(good + latin, "")
    names = {r["name"]: r.problems.get("name") for r in reading.locations}
    trusted = {name for name, problem in names.items() if problem is None}
    assert trusted and trusted <= {"Café Müller", "Café Süd"}
    assert set(names.values()) - {None} == {"the text was decoded with the wrong encoding"}


def test_undecodable_bytes_do_not_crash() -> None:
    reading = read_page(b"\xff\xfe\x00<\x00h\x00t\x00m\x00l\x00>" + bytes(range(256)), "")
    assert reading.locations == [] or all(isinstance(r, dict) for r in reading.locations)


def test_dummy_numbers_but_not_real_ones_with_runs() -> None:
    from auditor.crawl.placeholders import phone_placeholder, url_placeholder

    for dummy in ("+34 123 456 789", "123-456-7890", "000 000 0000", "Your Telephone Number"):
        assert phone_placeholder(dummy), dummy
    for real in ("030 12345678", "03 20 12 34 56", "0640755336", "+49 7623 62484"):
        assert phone_placeholder(real) is None, real
    assert url_placeholder("https://www.yourwebsite.com/") and url_placeholder("http://example.com/menu")
    assert url_placeholder("https://gasthausgraf.at") is None


def test_head_office_beside_a_store_is_not_a_location_and_clock_forms() -> None:
    office = {"@type": "Organization", "name": "Brand Ltd",
              "address": {"streetAddress": "1 HQ Way", "addressLocality": "York"}}
    store = {"@type": "Store", "name": "Brand Leeds", "openingHoursSpecification": [
        {"dayOfWeek": "Monday", "opens": "09:00:00+01:00", "closes": "17:30:00"},
        {"dayOfWeek": "https://schema.org/Tuesday", "opens": "9:00 AM", "closes": "5:30 PM"}]}  # fmt: skip
    reading = read_page(jsonld(office, store), "")
    record = only(reading)
    assert record["name"] == "Brand Leeds"
    assert record["hours"] == "Mo 09:00-17:30; Tu 9:00 AM-5:30 PM"
    assert any("organisation beside" in line for line in reading.unread)


def test_graph_nodes_linked_by_id() -> None:
    page = jsonld({"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": "https://b.example.org/#page",
         "about": {"@id": "https://b.example.org/#shop"}},
        {"@type": ["Organization", "Place"], "@id": "https://b.example.org/#shop", "name": "Shop One",
         "address": {"@id": "https://b.example.org/#address"}, "telephone": "+44 20 7946 0004"},
        {"@type": "PostalAddress", "@id": "https://b.example.org/#address",
         "streetAddress": "3 Kings Road", "addressLocality": "Reading", "postalCode": "RG1 3AR",
         "addressCountry": "GB"},
    ]})  # fmt: skip
    record = only(read_page(page, ""))
    assert record["name"] == "Shop One" and record["address"]["postcode"] == "RG1 3AR"


def test_text_reader_address_over_two_lines() -> None:
    page = """<html lang="de-DE"><body><h1>Bäckerei Korn</h1><p>Torstraße 12<br>10119 Berlin</p>
      <p>Tel. 030 901820</p></body></html>"""
    record = only(read_page(page, ""))
    assert record["address"] == "Torstraße 12, 10119 Berlin" and record["phone"] == "030 901820"


def test_text_reader_regular_week_not_dated_exceptions() -> None:
    page = """<html lang="en-US"><head><title>Ridge - Hours</title></head><body><p>Regular hours<br>
      Monday: closed<br>Tuesday to Sunday: 9am - 5pm<br>Exceptions<br>
      Monday 12/26/22 9am - 4pm<br>Tuesday 12/27/22 9am - 4pm<br>Saturday 12/31/22 9am - 4pm</p>
      </body></html>"""
    record = only(read_page(page, ""))
    assert "12/26" not in record["hours"] and record["hours"].startswith("Monday: closed")


def test_markup_hours_the_visible_text_contradicts_give_way_to_the_text() -> None:
    reading = read_page((PAGES / "us_wolfs_sandwiches_aston_pa.html").read_bytes(), "")
    record = only(reading)
    assert "hours" not in record.problems and record.origins["hours"] == "heuristic"
    assert record["hours"].startswith("Mon-Thurs 11 - 10")
    assert any("the page's text shows other hours" in line for line in reading.unread)
    record = only(read_page((PAGES / "de_spoekenkieker_st_peter_ording.html").read_bytes(), ""))
    assert "hours" not in record.problems  # the visible table says the same


def test_day_of_week_written_as_text() -> None:
    from auditor.crawl.schema_org import hours_text

    specs = [{"dayOfWeek": "Monday, Tuesday", "opens": "09:00", "closes": "17:00"},
             {"dayOfWeek": "Sa-Su", "opens": "10:00", "closes": "14:00"}]  # fmt: skip
    assert hours_text({"openingHoursSpecification": specs})[0] == "Mo,Tu 09:00-17:00; Sa,Su 10:00-14:00"


def test_a_headline_is_not_a_name() -> None:
    page = """<html lang="fr-FR"><head><title>La boulangerie du village va fermer ses portes - Le Courrier
      </title></head><body><p>Horaires : lundi 7h-20h</p><p>Tél. 02 43 00 00 01</p></body></html>"""
    record = only(read_page(page, ""))
    assert "name" not in record


def test_hours_told_in_a_long_paragraph_are_read_from_its_sentences() -> None:
    filler = "The same family has run the bakery for three generations and bakes every loaf on site. " * 4
    page = f"""<html lang="en"><body><h1>Corner Bakery</h1><p>{filler}It opens Tuesday to Saturday from
      7 am to 6 pm. On Sundays the doors open from 8 to 12. Lunch is served from 12 to 2.</p>
      <p>Tel. (555) 201-3344</p></body></html>"""
    record = only(read_page(page, "", country="US"))
    assert "Tuesday to Saturday" in record["hours"] and "Lunch" not in record["hours"]
    assert record.origins["hours"] == "heuristic"


def test_a_page_telling_several_places_hours_in_prose_reads_none() -> None:
    reading = read_page((PAGES / "de_saarland_restaurants_list_kunz.html").read_bytes(), "")
    assert all("hours" not in location for location in reading.locations)
    assert any("several paragraphs tell opening hours" in line for line in reading.unread)


def test_a_closure_notice_in_the_page_content_is_its_status() -> None:
    page = """<html lang="en"><head><script type="application/ld+json">{"@context": "https://schema.org",
      "@type": "Restaurant", "name": "Echo Park", "telephone": "+13236624410"}</script></head><body>
      <header><p>Our Newtown shop is temporarily closed.</p></header>
      <main><h1>Echo Park</h1><div class="notice"><p><strong>This location is permanently closed.</strong>
      After nine great years we served our last pie on September 27, 2026.</p></div>
      <table><tr><th>Sunday</th><td>Closed</td></tr></table></main></body></html>"""
    record = only(read_page(page, ""))
    assert record["status"] == "This location is permanently closed."
    assert record.origins["status"] == "heuristic"


@pytest.mark.parametrize(
    "content",
    [
        "<p>Sunday: Closed</p>",  # a day of the hours table
        "<p>Temporarily closed today from 2pm.</p>",  # a notice of the hour
        "<p>Closed permanently.</p><p>Temporarily closed.</p>",  # two notices that disagree
    ],
)
def test_no_closure_notice_is_read_from_hours_or_disagreeing_notices(content: str) -> None:
    page = f"""<html lang="en"><body><main><h1>Echo Park</h1>{content}
      <p>Tel. (323) 662-4410</p></main></body></html>"""
    record = only(read_page(page, "", country="US"))
    assert "status" not in record


def test_a_page_of_several_places_is_read_one_listing_a_block_or_not_at_all() -> None:
    page = """<html><body><div class="biz"><h2 class="n">Nordhem Möbler Stockholm</h2>
      <p class="h">Mån–Fre 10–19</p></div><div class="biz"><h2 class="n">Möbelhuset AB</h2>
      <p class="h">Mån–Fre 10–18</p></div></body></html>"""
    fields = {"name": ".n::text", "hours": ".h::text"}
    merged = read_page(page, "", fields=fields, generic=False, syntaxes=())
    assert merged.locations == [] and "the page lists 2 places" in merged.unread[0]
    each = read_page(page, "", fields=fields, generic=False, syntaxes=(), blocks="div.biz")
    assert [(r["name"], r["hours"]) for r in each.locations] == [
        ("Nordhem Möbler Stockholm", "Mån–Fre 10–19"), ("Möbelhuset AB", "Mån–Fre 10–18")]


def test_a_listing_read_without_a_spec_states_no_country_it_does_not_name() -> None:
    from auditor.crawl.listing_country import stated_country

    assert stated_country({"address": "Kirchstraße 22, 66606 St. Wendel-Bliesen"}, "") is None
    assert stated_country({"address": "Storgata 5, 0155 Oslo, Norge"}, "") == "NO"
    assert stated_country({"address": "1 Main St, Springfield, IL 62701, USA"}, "") == "US"


def test_holiday_hours_under_a_heading_are_read_beside_structured_data() -> None:
    page = """<html lang="en-IE"><head><script type="application/ld+json">{"@context": "https://schema.org",
      "@type": "Restaurant", "name": "The Anchor Dublin", "telephone": "+353 1 555 0101",
      "openingHours": "Mo-Su 12:00-23:00"}</script></head><body><main><h1>The Anchor Dublin</h1>
      <h2>Festive opening</h2><p>Christmas Eve: usual hours</p><p>Christmas Day: closed</p>
      <p>St Stephen's Day: 12pm – 11pm</p><p>Sunday roasts and a proper pint.</p></main></body></html>"""
    record = only(read_page(page, ""))
    assert record["holiday_hours"].splitlines() == [
        "Christmas Eve: usual hours", "Christmas Day: closed", "St Stephen's Day: 12pm – 11pm"]
    assert record.origins["holiday_hours"] == "heuristic"


def test_text_reader_address_block_lines_and_no_company_line_from_the_footer() -> None:
    page = """<html lang="en-CA"><body><header><a href="tel:18005550199">Call us</a></header>
      <main><h1>Harbor &amp; Pine Burnaby</h1>
      <address>4700 Kingsway<br>Burnaby, BC V5H 4M1<br>Canada</address></main>
      <footer>Customer care 1-800-555-0199</footer></body></html>"""
    reading = read_page(page, "")
    record = only(reading)
    assert record["address"] == "4700 Kingsway, Burnaby, BC V5H 4M1, Canada"
    assert "phone" not in record  # the chain's toll-free line is no store's number
    assert reading.unread == []  # "V5H 4M1" is a postcode, not hours-like text
    with_store = page.replace("<footer>", "<footer>Store: (604) 555-0159. ")
    assert only(read_page(with_store, ""))["phone"] == "(604) 555-0159"
    in_content = page.replace("</address>", "</address><p>Tel. (604) 555-0159</p>")
    assert only(read_page(in_content, ""))["phone"] == "(604) 555-0159"


@pytest.mark.parametrize(
    ("line", "address"),
    [
        ("27 rue des Sarrazins 59000 Lille", "27 rue des Sarrazins, 59000 Lille"),
        ("Veldstraat 52, 9000 Gent", "Veldstraat 52, 9000 Gent"),
        ("Langstrasse 87, CH-8004 Zürich", "Langstrasse 87, CH-8004 Zürich"),
    ],
)
def test_text_reader_unlabelled_address_lines(line: str, address: str) -> None:
    page = f"<html><body><h1>Maison Levain</h1><p>{line}</p></body></html>"
    assert only(read_page(page, ""))["address"] == address


def test_text_reader_closures_on_calendar_days_are_holiday_hours() -> None:
    page = """<html lang="nl-BE"><body><h1>Maison Levain Gent</h1><p>Veldstraat 52, 9000 Gent</p>
      <p>Openingsuren: ma-za: 7u-18u, zondag gesloten</p><p>Gesloten op 25 december en 1 januari</p>
      </body></html>"""
    assert only(read_page(page, ""))["holiday_hours"] == "Gesloten op 25 december en 1 januari"


def test_text_reader_holiday_lines_in_words_and_a_week_line_naming_holidays_in_general() -> None:
    page = """<html lang="es-MX"><body><h1>Café Aurora Roma</h1><p>Av. Álvaro Obregón 130, 06700 CDMX</p>
      <p>Horario: Lunes a viernes de 7 a 21 h</p>
      <p>Cerrado el 25 de diciembre y el 1 de enero.</p></body></html>"""
    assert only(read_page(page, ""))["holiday_hours"] == "Cerrado el 25 de diciembre y el 1 de enero."
    week = """<html lang="en-AU"><body><h1>Greenleaf Newtown</h1><p>301 King Street, Newtown NSW 2042</p>
      <p>Mon–Fri 8:30am–6pm · Sat 9am–5pm · Sun &amp; public holidays 10am–4pm</p>
      <p>Christmas Day: Closed</p><p>ANZAC Day: from 1pm</p></body></html>"""
    assert only(read_page(week, ""))["holiday_hours"] == "Christmas Day: Closed\nANZAC Day: from 1pm"


def test_a_real_madrid_number_is_no_dummy_run() -> None:
    from auditor.crawl.placeholders import phone_placeholder

    assert phone_placeholder("+34 912 345 678") is None
    assert phone_placeholder("+34 123 456 789") is not None


def test_a_weekday_label_is_no_holiday_name() -> None:
    page = """<html lang="it-IT"><body><h1>Furn.Co Milano</h1><p>Via Torino 12, 20123 Milano</p>
      <p>lunedì: 9.00–13.00 / 15.30–19.30</p><p>martedì: 9.00–13.00 / 15.30–19.30</p></body></html>"""
    assert "holiday_hours" not in only(read_page(page, ""))  # "lunedì" is no "Lunedì dell'Angelo"
