"""Which destinations the fetcher may connect to: pure checks plus one resolver call."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Awaitable, Callable

import anyio

from .errors import NetworkError, RefusedError

ALLOWED_SCHEMES = frozenset({"http", "https"})

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[IPAddress]]]


def address_refusal(ip: IPAddress) -> str | None:
    """Why connecting to `ip` is refused without `allow_private`, or None when it is public.

    `is_global` is false for private (RFC 1918), loopback, link-local, unique-local (fc00::/7),
    shared (100.64/10), documentation, benchmarking and reserved ranges; multicast needs its own
    test because 224/4 counts as "global". IPv4-mapped and 6to4/Teredo-embedded IPv4 addresses
    are judged by the IPv4 address they carry.
    """
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            return address_refusal(embedded)
    if ip.is_multicast:
        return "multicast"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link_local"
    if ip.is_unspecified or ip.is_reserved:
        return "reserved"
    if not ip.is_global:
        return "private"
    return None


def check_scheme(scheme: str) -> None:
    if scheme.lower() not in ALLOWED_SCHEMES:
        raise RefusedError(f"scheme {scheme!r} is not http(s)", reason="scheme")


def literal_ip(host: str) -> IPAddress | None:
    """The address when `host` is an IP literal (brackets allowed), else None."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


async def system_resolve(host: str, port: int) -> list[IPAddress]:
    """All addresses of `host` from the system resolver, in its preference order."""
    try:
        infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise NetworkError(f"cannot resolve {host}: {exc}", reason="dns") from exc
    addresses: list[IPAddress] = []
    for info in infos:
        # getaddrinfo may append %scope to link-local IPv6; the scope is not part of the address.
        ip = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if ip not in addresses:
            addresses.append(ip)
    if not addresses:
        raise NetworkError(f"no address for {host}", reason="dns")
    return addresses


async def checked_addresses(
    host: str, port: int, *, allow_private: bool, resolve: Resolver = system_resolve
) -> list[IPAddress]:
    """Resolve `host` and return the addresses we may connect to.

    Refuses when ANY resolved address is private: a name that mixes public and private
    addresses is a DNS rebinding set-up, not a misconfiguration we should work around.
    """
    literal = literal_ip(host)
    addresses = [literal] if literal is not None else await resolve(host, port)
    if allow_private:
        return addresses
    for ip in addresses:
        why = address_refusal(ip)
        if why is not None:
            raise RefusedError(f"{host} resolves to a {why} address {ip}", reason="private_address")
    return addresses
