"""The network policy: schemes, hosts and addresses refused with a reason; the spec's checks; a
host name that resolves to a loopback address refused by the resolver when connecting."""

from __future__ import annotations

import ipaddress
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from auditor.crawl.netpolicy import NetPolicy, address_kind, networks
from auditor.spec import SpecError, load_spec
from auditor.store.engine import make_engine
from tests.crawl.fault_world import BRAND_YAML, STORES, write_spec
from tests.crawl.server import ProxyServer, VirtualHosts

ROOT = Path(__file__).resolve().parents[2]
POLICY = NetPolicy(("www.furnco.example", "10.0.0.1", "169.254.169.254", "[::1]", "localhost:8080"))


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "policy: a file: URL (only http and https are fetched)"),
        ("ftp://www.furnco.example/x", "policy: a ftp: URL (only http and https are fetched)"),
        ("gopher://www.furnco.example/", "policy: a gopher: URL (only http and https are fetched)"),
        ("http://elsewhere.example/", "policy: host elsewhere.example is not one of the spec's domains"),
        ("http://www.furnco.example.evil.example/", "policy: host www.furnco.example.evil.example is not "
         "one of the spec's domains"),
        ("http://169.254.169.254/latest/meta-data/",
         "policy: 169.254.169.254, a link-local (cloud metadata) address (not in crawl.allow_private)"),
        ("http://10.0.0.1/", "policy: 10.0.0.1, a private address (not in crawl.allow_private)"),
        ("http://[::1]:8080/", "policy: ::1, a loopback address (not in crawl.allow_private)"),
        ("https://www.furnco.example/stores/", None),
        ("http://localhost.evil.example/", "policy: host localhost.evil.example is not one of the spec's "
         "domains"),
        ("http://localhost:8080/x", None),  # a name: its address is checked when connecting
        ("http://cdn.www.furnco.example/a.css", None),  # a subdomain of an allowed domain
    ],
)
def test_urls_the_policy_refuses_and_why(url: str, reason: str | None) -> None:
    assert POLICY.url_refusal(url) == reason


@pytest.mark.parametrize(
    ("address", "kind"),
    [("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"),
     ("10.1.2.3", "private"), ("172.16.0.1", "private"), ("172.31.255.254", "private"),
     ("192.168.1.1", "private"), ("fc00::1", "private"), ("fd12:3456::1", "private"),
     ("169.254.169.254", "link-local (cloud metadata)"), ("169.254.1.1", "link-local"),
     ("fe80::1", "link-local"), ("::ffff:127.0.0.1", "loopback"), ("::ffff:10.0.0.1", "private"),
     ("0.0.0.0", "unspecified"), ("100.64.0.1", "reserved"), ("224.0.0.1", "multicast"),
     ("93.184.216.34", None), ("2606:2800:220:1::", None), ("172.32.0.1", None)],
)  # fmt: skip
def test_address_kinds(address: str, kind: str | None) -> None:
    assert address_kind(ipaddress.ip_address(address)) == kind


def test_allow_private_opens_only_what_it_names() -> None:
    allowed, bad = networks(["127.0.0.1", "10.0.0.0/8", "not-an-address"])
    assert bad == ["not-an-address"]
    policy = NetPolicy(("localhost", "10.2.3.4", "127.0.0.2"), allowed)
    assert policy.url_refusal("http://10.2.3.4/") is None
    assert policy.url_refusal("http://127.0.0.2/").startswith("policy: 127.0.0.2, a loopback")
    assert policy.proxy_refusal("http://127.0.0.1:8080") is None
    assert NetPolicy(("x.example",)).proxy_refusal("http://127.0.0.1:8080") == (
        "policy: proxy 127.0.0.1, a loopback address (not in crawl.allow_private)")


def test_no_hosts_allows_nothing() -> None:
    assert NetPolicy(()).url_refusal("http://www.furnco.example/") == (
        "policy: the spec allows no hosts (brand.domains, sources' allowed_domains)")


def _spec(tmp_path: Path, yaml: str) -> Path:
    path = write_spec(tmp_path, "http://127.0.0.1:9")
    path.write_text(yaml)
    return path


def _problems(path: Path) -> list[str]:
    with pytest.raises(SpecError) as caught:
        load_spec(path)
    return [str(p) for p in caught.value.problems]


def test_a_spec_without_allowed_hosts_is_invalid(tmp_path: Path) -> None:
    yaml = (BRAND_YAML.replace("domains: [www.furnco.example]", "domains: []")
            .replace("allowed_domains: [yellowbook.example]", "allowed_domains: []")
            .replace("allowed_domains: [reviewhub.example]", "allowed_domains: []")
            .replace("PROXY", "null"))  # fmt: skip
    path = _spec(tmp_path, yaml)
    line = yaml.splitlines().index("  domains: []") + 1
    assert _problems(path) == [
        f"{path}:{line}: no allowed hosts: list the brand's domains in brand.domains and each source's "
        "in its allowed_domains (nothing is fetched from a host not listed)"
    ]


def test_a_proxy_on_this_machine_must_be_allowed(tmp_path: Path) -> None:
    yaml = BRAND_YAML.replace("PROXY", "http://127.0.0.1:3128").replace("  allow_private: [127.0.0.1]\n", "")
    path = _spec(tmp_path, yaml)
    line = next(i for i, t in enumerate(yaml.splitlines(), 1) if t.startswith("  proxy:"))
    assert _problems(path) == [
        f"{path}:{line}: proxy 127.0.0.1, a loopback address (not in crawl.allow_private): add it to "
        "crawl.allow_private to use it"
    ]


def test_a_bad_allow_private_entry_is_named(tmp_path: Path) -> None:
    yaml = BRAND_YAML.replace("PROXY", "null").replace("allow_private: [127.0.0.1]", "allow_private: [lan]")
    path = _spec(tmp_path, yaml)
    assert [p.split(": ", 1)[1] for p in _problems(path)] == [
        "crawl.allow_private: 'lan' is not an IP address or network"
    ]


@pytest.mark.server
def test_a_name_resolving_to_loopback_is_refused_when_connecting(tmp_path: Path) -> None:
    """No proxy: ``localhost`` is allowed by name but resolves to 127.0.0.1, which the spec does
    not allow, so the resolver refuses it and the page is never asked for."""
    world = VirtualHosts()
    for store in STORES:
        world.add(f"http://localhost/stores/{store['store_id']}/", "<p>Prices include GST.</p>")
    with ProxyServer(world) as server:
        port = server.httpd.server_address[1]
        yaml = (BRAND_YAML.replace("domains: [www.furnco.example]", "domains: [localhost]")
                .replace("  sitemap: http://www.furnco.example/sitemap.xml\n",
                         f'  url_template: "http://localhost:{port}/stores/{{store_id}}/"\n')
                .replace("  proxy: PROXY\n", "").replace("  allow_private: [127.0.0.1]\n", ""))  # fmt: skip
        path = _spec(tmp_path, yaml)
        db = tmp_path / "audit.db"
        done = subprocess.run(
            [sys.executable, "-m", "auditor.crawl.runner", str(path), str(db), "--loopback", "--quiet",
             "--set", "DOWNLOAD_TIMEOUT=2", "--set", "RETRY_TIMES=0"],
            cwd=ROOT, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-3000:]
    with make_engine(db).connect() as conn:
        rows = conn.execute(text("SELECT url, outcome, error FROM fetch WHERE source = 'site'")).all()
    pages = [r for r in rows if "/stores/" in r.url]
    assert len(pages) == len(STORES)
    for row in pages:
        assert row.outcome == "refused"
        assert row.error == (
            "policy: localhost resolves to 127.0.0.1, a loopback address (not in crawl.allow_private)")
    assert sum(world.hits.values()) == 0


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory):
    from tests.crawl.fault_hostile import build_world, canaries
    from tests.crawl.fault_hostile import write_spec as write_hostile_spec

    folder = tmp_path_factory.mktemp("check")
    secret_file = folder / "secret.txt"
    secret_file.write_text(canaries("c0ffee")["file"])
    with ProxyServer(build_world("c0ffee", secret_file)) as server:
        yield write_hostile_spec(folder, server.proxy_url, secret_file), canaries("c0ffee")


@pytest.mark.server
@pytest.mark.parametrize(
    ("store", "code", "says"),
    [
        ("FC-00008", 1, "not fetched (policy: 169.254.169.254, a link-local (cloud metadata) address"),
        ("FC-00009", 1, "not fetched (policy: redirect to a file: URL"),
        ("FC-00012", 1, "not fetched (too large: body over max_page_bytes (2000000 bytes)"),
        ("FC-00004", 1, "not fetched (timeout: "),
        ("FC-00020", 0, "no findings"),  # its stylesheet (file://) and logo (169.254.169.254) refused
    ],
)
def test_check_fetches_through_the_same_policy(hostile, monkeypatch, store: str, code: int,
                                               says: str) -> None:  # fmt: skip
    from typer.testing import CliRunner

    from auditor.cli import app

    spec, secret = hostile
    monkeypatch.setenv("AUDITOR_TEST_SECRET", secret["env"])
    url = f"http://www.furnco.example/stores/{store}/"
    result = CliRunner().invoke(app, ["check", url, "--spec", str(spec)])
    assert result.exit_code == code, result.output
    assert says in result.output
    assert len(result.output.strip().splitlines()) == 1 or code != 1
    for canary in secret.values():
        assert canary not in result.output
