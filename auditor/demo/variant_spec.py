"""The brand.yaml of a variant world, written as a user writes it from the docs.

Only what a user can see is used: the brand's own facts, the roster, and for each source what its
pages look like (the markup they carry, the classes around the values, how they paginate). Nothing
the generator knows about planted defects or traps goes into the spec.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from auditor.demo.conventions import COUNTRIES, FORBIDDEN, Conventions, SourceStyle, languages_of

if TYPE_CHECKING:
    from auditor.demo.variant import VStore

NEXT_PAGE = {
    "rel_next": "a[rel=next]::attr(href)",
    "next_class": "a.next::attr(href)",
    "numbered": "nav.pager a::attr(href)",
    "offset": "a.more::attr(href)",
}
STARS = {
    "attr": ".stars::attr(data-rating)",
    "fraction": ".score::text",
    "glyphs": ".stars::text",
    "aria": ".rating::attr(aria-label)",
    "class": ".stars::attr(class)",
    "width": ".stars-fill::attr(style)",
}


def _q(value: str) -> str:
    """A YAML scalar in double quotes (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _directory(style: SourceStyle, conv: Conventions) -> list[str]:
    from auditor.demo.variant import index_url

    if style.markup == "json_api":  # docs/sources.md: a JSON API, address parts picked with JMESPath
        parts = "streetAddress: line1, addressLocality: city, addressRegion: region, postalCode: zip"
        return [
            f"  - id: {style.id}",
            "    kind: listing",
            f"    title: {style.id.title()}",
            f"    allowed_domains: [{style.host}]",
            f"    start_urls: [{_q(index_url(style, conv, 1))}]",
            "    adapter:",
            "      type: json_api",
            "      records: results",
            "      next: paging.next",
            "      fields:",
            "        id: place_id",
            "        name: title",
            f"        address: {_q('location.{' + parts + ', addressCountry: country}')}",
            "        phone: contact.phone",
            "        website: url",
            "        hours: hours",
            "        status: status",
            "        rating: rating",
        ]
    lines = [
        f"  - id: {style.id}",
        "    kind: listing",
        f"    title: {style.id.title()}",
        f"    allowed_domains: [{style.host}]",
        f"    start_urls: [{_q(index_url(style, conv, 1))}]",
        '    follow: "a.entry::attr(href)"',
        f"    next_page: {_q(NEXT_PAGE[style.pagination])}",
    ]
    if declares_carries(conv) and style.hours == "none":
        lines += _carries({"hours": False})
    if style.markup != "css":
        # docs/sources.md: the syntax's own adapter, or `auto` (every syntax the page has); the
        # closure banner is plain text, added with a selector
        kind = "auto" if conv.seed % 2 == 0 else {"jsonld_graph": "jsonld"}.get(style.markup, style.markup)
        lines += [
            "    adapter:",
            f"      type: {kind}",
            f"      types: [{conv.brand.business_type}]",
            "      fields:",
            '        status: ".status::text"',
        ]
    else:
        lines += [
            "    adapter:",
            "      type: css",
            "      fields:",
            '        name: "h1.biz-name::text"',
            '        address: ".addr *::text"',
            '        phone: ".tel::text"',
            '        website: "a.web::attr(href)"',
            '        status: ".status::text"',
            '        rating: ".rating::text"',
        ]
        if style.hours != "none":
            lines.append('        hours: "table.hours tr"')
    return lines


def _reviews(conv: Conventions) -> list[str]:
    from auditor.demo.variant import REVIEW_HOSTS, review_source_id, site_base

    source = review_source_id(conv)
    if conv.reviews_where == "embedded":
        domain = site_base(conv).removeprefix("http://")
        if conv.review_markup == "jsonld":  # schema.org Review objects in the page's JSON-LD
            carried = {
                k: False
                for k, shown in (("dates", conv.dates != "none"), ("replies", conv.replies))
                if not shown
            }
            return [
                f"  - id: {source}",
                "    kind: reviews",
                "    title: Reviews on our store pages",
                f"    allowed_domains: [{domain}]",
                '    url_template: "{website}"',
                "    adapter: {type: jsonld}",
                *(_carries(carried) if declares_carries(conv) else []),
            ]
        lines = [
            f"  - id: {source}",
            "    kind: reviews",
            "    title: Reviews on our store pages",
            f"    allowed_domains: [{domain}]",
            '    url_template: "{website}"',
        ]
    else:
        host = REVIEW_HOSTS.get(conv.language, REVIEW_HOSTS["en"])
        lines = [
            f"  - id: {source}",
            "    kind: reviews",
            f"    title: {source.title()}",
            f"    allowed_domains: [{host}]",
            f'    url_template: "http://{host}/{conv.brand.slug}/{{store_id}}"',
            f"    next_page: {_q(NEXT_PAGE[conv.review_pagination])}",
        ]
    fields = {"key": "::attr(data-id)", "author": ".author::text", "text": "p.text::text"}
    if conv.stars != "none":
        fields["stars"] = f".meta {STARS[conv.stars]}"
    if conv.dates == "iso":
        fields["date"] = ".meta time::attr(datetime)"
    elif conv.dates in ("text", "numeric"):
        fields["date"] = ".meta .date::text"
    if conv.replies:
        fields["reply"] = ".reply p.reply-text::text"
        if conv.dates == "iso":
            fields["reply_date"] = ".reply time::attr(datetime)"
        elif conv.dates in ("text", "numeric"):
            fields["reply_date"] = ".reply .date::text"
    if declares_carries(conv):
        shows = (("stars", conv.stars != "none"), ("dates", conv.dates != "none"), ("replies", conv.replies))
        lines += _carries({k: False for k, shown in shows if not shown})
    lines += ["    adapter:", "      type: css", "      review: article.review", "      review_fields:"]
    lines += [f"        {k}: {_q(v)}" for k, v in fields.items()]
    return lines


def _required_phrases(conv: Conventions) -> list[str]:
    """One line per phrase, limited to the countries (and languages, where a country has several)
    that must show it."""
    where: dict[str, tuple[list[str], list[str]]] = {}
    for code in conv.countries:
        country = COUNTRIES[code]
        for language, phrase in country.disclaimer.items():
            countries, languages = where.setdefault(phrase, ([], []))
            countries.append(code)
            if len(country.disclaimer) > 1:
                languages.append(language)
    if len(where) == 1:
        return [f"    - {{text: {_q(next(iter(where)))}, scope: site}}"]
    lines = []
    for phrase, (countries, languages) in where.items():
        limit = f"country: [{', '.join(countries)}]"
        if languages:
            limit += f", language: [{', '.join(languages)}]"
        lines.append(f"    - {{text: {_q(phrase)}, scope: site, {limit}}}")
    return lines


def declares_carries(conv: Conventions) -> bool:
    """Some users state what a source does not show (``carries``); others leave it to be inferred."""
    return conv.seed % 2 == 0


def _carries(declared: dict[str, bool]) -> list[str]:
    if not declared:
        return []
    return [f"    carries: {{{', '.join(f'{k}: {str(v).lower()}' for k, v in declared.items())}}}"]


def _legal(conv: Conventions) -> list[str]:
    names = list(dict.fromkeys(f"{conv.brand.name} {COUNTRIES[c].legal_suffix}" for c in conv.countries))
    if len(names) == 1:
        return [f"  legal_name: {_q(names[0])}"]
    return [f"  legal_names: [{', '.join(_q(n) for n in names)}]"]


def _fallbacks(conv: Conventions) -> list[str]:
    """Some brands list the families their CSS stacks fall back to; others leave it to the default."""
    if conv.seed % 2:
        return []
    families = [f.strip().strip('"') for stack in conv.brand.fallbacks for f in stack.split(",")]
    named = [f for f in dict.fromkeys(families) if f not in ("serif", "sans-serif")]
    return [f"  font_fallbacks: [{', '.join(_q(f) for f in named)}]"]


def spec_text(conv: Conventions, stores: list[VStore]) -> str:
    from auditor.demo.variant import site_base

    brand = conv.brand
    base = site_base(conv)
    regions = sorted({s.region for s in stores})
    languages = languages_of(conv.countries)
    allow = sorted({"/" + s.website.removeprefix(base).strip("/").rsplit("/", 1)[0] + "/" for s in stores})
    forbidden = [FORBIDDEN[lang].lower() for lang in languages]
    lines = [
        f"# {brand.name}: {len(stores)} stores in {', '.join(conv.countries)}.",
        "version: 1",
        "brand:",
        f"  name: {_q(brand.name)}",
        f"  retired_names: [{_q(brand.retired)}]",
        *_legal(conv),
        f"  domains: [{base.removeprefix('http://')}]",
        f"  contact: audits@{brand.slug}.example",
        f"country: {conv.countries[0]}",
        f"languages: [{', '.join(languages)}]",
        f"regions: [{', '.join(_q(r) for r in regions)}]",
        "roster: roster.csv",
        "identity:",
        "  palette:",
        f"    - {{name: primary, hex: {_q(brand.palette[0])}}}",
        f"    - {{name: accent, hex: {_q(brand.palette[1])}}}",
        f"  fonts: [{', '.join(_q(f) for f in brand.fonts)}]",
        *_fallbacks(conv),
        "  logo: [assets/logo.png]",
        "voice:",
        "  required_phrases:",
        *_required_phrases(conv),
        f"  forbidden_phrases: [{', '.join(_q(f) for f in forbidden)}]",
        "site:",
        f"  sitemap: {base}/sitemap.xml",
        f"  allow: [{', '.join(_q(a) for a in allow)}]",
        "sources:",
    ]
    for style in conv.directories:
        lines += _directory(style, conv)
    if conv.script_directory is not None:  # seen in a browser: the user reads it like the others
        lines += [*_directory(conv.script_directory, conv)[:7], "    adapter: {type: auto}"]
    lines += _reviews(conv)
    lines += [
        "scoring:",
        "  rating_floor: 3.8",
        "crawl:",
        "  max_depth: 6",
        "  concurrency: 16",
        "  download_timeout: 10",
        "  retries: 1",
        "  proxy: null",
        "rules: [default]",
        "",
    ]
    return "\n".join(lines)
