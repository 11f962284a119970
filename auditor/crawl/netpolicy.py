"""The network policy every fetch obeys: the crawl's, ``check``'s and every stylesheet, logo or font.

- http and https only;
- only the spec's hosts (``brand.domains`` and each source's ``allowed_domains``, subdomains
  included); a spec with none allows nothing;
- no loopback, link-local (cloud metadata), private, shared or reserved address, unless the spec
  names it in ``crawl.allow_private`` (an address or a network: ``[127.0.0.1]``, ``[10.0.0.0/8]``).
  IP literals and the proxy's address are checked before the request is sent; host names are
  checked by the resolver when the connection is made (no second lookup an attacker could answer
  differently). Through a proxy, the proxy resolves the names it is sent.

Redirects are re-checked at every hop because each hop is a new request through the same
middlewares. Time and size limits are Scrapy's (DOWNLOAD_TIMEOUT, DOWNLOAD_MAXSIZE, which also
bounds decompressed bodies).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from scrapy.exceptions import IgnoreRequest
from scrapy.resolver import CachingThreadedResolver
from twisted.internet import defer
from twisted.internet.error import DNSLookupError

SCHEMES = frozenset({"http", "https"})
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class PolicyRefused(IgnoreRequest):
    """The network policy refused a request; the message is the recorded reason."""


class BlockedAddress(DNSLookupError):
    """A host name resolved to an address the policy refuses."""


# host name -> why the resolver refused it: Twisted reports a refused name as a failed lookup
# ("no results"), so the fetch log finds the reason here.
REFUSED_NAMES: dict[str, str] = {}


def networks(entries: Iterable[str]) -> tuple[list[Network], list[str]]:
    """Networks from ``crawl.allow_private`` entries, and the entries that are not addresses."""
    found: list[Network] = []
    bad: list[str] = []
    for entry in entries:
        try:
            found.append(ipaddress.ip_network(str(entry).strip(), strict=False))
        except ValueError:
            bad.append(str(entry))
    return found, bad


def address_kind(address: Address) -> str | None:
    """Why an address is not public ("loopback", "link-local" ...), or None for a public one."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local (cloud metadata)" if str(address).startswith("169.254.169.") else "link-local"
    if address.is_multicast:
        return "multicast"
    if address.is_unspecified:
        return "unspecified"
    if address.is_private:
        return "private"
    if not address.is_global:
        return "reserved"
    return None


def ip_literal(host: str) -> Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def domain_host(domain: str) -> str:
    """The host part of a spec domain (``shop.example``, ``shop.example:8080``, ``[::1]:8080``)."""
    domain = domain.lower().strip()
    if domain.startswith("["):
        return domain[1 : domain.index("]")] if "]" in domain else domain.strip("[]")
    if domain.count(":") == 1:
        domain = domain.split(":", 1)[0]
    return domain.rstrip(".")


def host_allowed(host: str, domains: Iterable[str]) -> bool:
    """The host is one of ``domains`` or a subdomain of one (as Scrapy's offsite filter reads)."""
    host = host.lower().rstrip(".")
    for domain in domains:
        domain = domain_host(domain)
        if domain and (host == domain or host.endswith("." + domain)):
            return True
    return False


@dataclass
class NetPolicy:
    """Which URLs and addresses may be fetched."""

    hosts: Sequence[str] = ()
    allow_private: Sequence[Network] = field(default_factory=list)

    @classmethod
    def from_settings(cls, settings: Any) -> NetPolicy:
        allowed, _bad = networks(settings.getlist("AUDITOR_ALLOW_PRIVATE"))
        return cls(tuple(settings.getlist("AUDITOR_ALLOWED_HOSTS")), allowed)

    @classmethod
    def from_spec(cls, spec: Any) -> NetPolicy:
        allowed, _bad = networks(getattr(spec.crawl, "allow_private", None) or [])
        return cls(tuple(spec.allowed_domains()), allowed)

    def address_refusal(self, address: Address, host: str) -> str | None:
        """The reason ``address`` (what ``host`` is) may not be reached, or None."""
        kind = address_kind(address)
        if kind is None or any(address in net for net in self.allow_private):
            return None
        shown = host if host == str(address) else f"{host} resolves to {address}"
        return f"policy: {shown}, a {kind} address (not in crawl.allow_private)"

    def url_refusal(self, url: str) -> str | None:
        """The reason the policy refuses ``url`` without a DNS lookup, or None."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in SCHEMES:
            return f"policy: a {scheme or 'relative'}: URL (only http and https are fetched)"
        host = parts.hostname or ""
        if not host:
            return "policy: a URL without a host"
        if not self.hosts:
            return "policy: the spec allows no hosts (brand.domains, sources' allowed_domains)"
        if not host_allowed(host, self.hosts):
            return f"policy: host {host} is not one of the spec's domains"
        literal = ip_literal(host)
        if literal is not None:
            return self.address_refusal(literal, host)
        return None

    def proxy_refusal(self, proxy: str) -> str | None:
        """The reason the spec's proxy may not be used (its address), or None."""
        host = urlsplit(proxy if "://" in proxy else f"http://{proxy}").hostname or ""
        for address in resolve(host):
            refusal = self.address_refusal(address, host)
            if refusal is not None:
                return refusal.replace("policy: ", "policy: proxy ", 1)
        return None


def resolve(host: str) -> list[Address]:
    """Every address ``host`` names (an IP literal names itself); [] when it does not resolve."""
    literal = ip_literal(host)
    if literal is not None:
        return [literal]
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return []
    return [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]


class PolicyResolver(CachingThreadedResolver):
    """Scrapy's caching resolver that refuses names resolving to addresses the policy forbids.

    The address checked is the address connected to: the check cannot be raced by a second
    DNS answer."""

    policy: NetPolicy = NetPolicy()

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> PolicyResolver:
        resolver = super().from_crawler(crawler, reactor)
        resolver.policy = NetPolicy.from_settings(crawler.settings)
        return resolver

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> defer.Deferred:
        d = super().getHostByName(name, timeout)
        d.addCallback(self._checked, name)
        return d

    def _checked(self, address: str, name: str) -> str:
        refusal = self.policy.address_refusal(ipaddress.ip_address(address), name)
        if refusal is not None:
            REFUSED_NAMES[name] = refusal
            raise BlockedAddress(refusal)
        return address
