"""Which IP addresses strichka may connect to.

Feed and article URLs come from outside (outlets, OPML files, redirects), so a hostile or
mistaken one must not make the server talk to its own network: only globally routable
unicast addresses pass unless the operator turns the guard off.
"""

from __future__ import annotations

from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address

from strichka.settings import env_name

IPAddress = IPv4Address | IPv6Address

_SHARED_ADDRESS_SPACE = IPv4Network("100.64.0.0/10")  # carrier-grade NAT, RFC 6598
_NAT64_WELL_KNOWN = IPv6Network("64:ff9b::/96")  # RFC 6052: the low 32 bits are an IPv4 address

# Order matters only for the message: the most specific name comes first.
_CATEGORIES = (
    ("is_unspecified", "unspecified"),
    ("is_loopback", "loopback"),
    ("is_link_local", "link-local"),
    ("is_multicast", "multicast"),
    ("is_private", "private"),
    ("is_reserved", "reserved"),
)

ALLOW_HINT = f"set {env_name('allow_private_networks')}=1 to allow it"


def parse_address(text: str) -> IPAddress:
    """An address as returned by getaddrinfo (IPv6 may carry a %scope suffix)."""
    return ip_address(text)


def blocked_reason(address: IPAddress) -> str | None:
    """Why connecting to `address` is refused ("loopback", "private" …), or None if it is public."""
    if isinstance(address, IPv6Address):
        embedded = _embedded_ipv4(address)
        if address.ipv4_mapped is not None:
            # ::ffff:a.b.c.d *is* a.b.c.d on a dual-stack socket: judge the IPv4 address alone.
            return _ipv4_mapped_reason(address.ipv4_mapped)
        if embedded is not None:
            inner = blocked_reason(embedded)
            if inner is not None:
                return f"{inner} (embedded in {address})"
    for attribute, name in _CATEGORIES:
        if getattr(address, attribute):
            return name
    if isinstance(address, IPv4Address) and address in _SHARED_ADDRESS_SPACE:
        return "carrier-grade NAT"
    if not address.is_global:
        return "non-global"
    return None


def _ipv4_mapped_reason(address: IPv4Address) -> str | None:
    inner = blocked_reason(address)
    return None if inner is None else f"{inner} (IPv4-mapped)"


def _embedded_ipv4(address: IPv6Address) -> IPv4Address | None:
    """The IPv4 address a 6to4, Teredo or NAT64 address forwards to, if any."""
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64_WELL_KNOWN:
        return IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def describe_refusal(host: str, address: str, reason: str) -> str:
    shown = host if host == address else f"{host} resolves to {address}, which"
    return (
        f"{shown} is a {reason} address; strichka does not fetch from its own network — {ALLOW_HINT}"
    )
