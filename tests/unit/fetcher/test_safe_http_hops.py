"""Every redirect hop is checked: scheme, private addresses (literal and resolved), loops."""

from __future__ import annotations

import gzip
import ipaddress

import httpx
import pytest

from services.fetcher.addresses import IPAddress, address_refusal, checked_addresses
from services.fetcher.errors import RefusedError
from services.fetcher.safe_http import SafeClient, parse_retry_after
from services.fetcher.settings import FetcherSettings

PUBLIC = ipaddress.ip_address("93.184.216.34")
DNS = {
    "news.example.com": [PUBLIC],
    "intranet.example.com": [ipaddress.ip_address("10.1.2.3")],
    "rebind.example.com": [PUBLIC, ipaddress.ip_address("127.0.0.1")],
}


async def fake_resolve(host: str, port: int) -> list[IPAddress]:
    return DNS[host]


def client_for(routes: dict[str, httpx.Response], **overrides: object) -> SafeClient:
    requested: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requested.append(str(request.url))
        return routes[str(request.url)]

    settings = FetcherSettings(allow_private_addresses=False, **overrides)  # type: ignore[arg-type]
    client = SafeClient(settings, transport=httpx.MockTransport(handler), resolve=fake_resolve)
    client.requested = requested  # type: ignore[attr-defined]  # test bookkeeping
    return client


def streamed(data: bytes, headers: dict[str, str] | None = None) -> httpx.Response:
    """A 200 whose body is streamed like a network response (content= would be pre-read)."""
    return httpx.Response(200, stream=httpx.ByteStream(data), headers=headers)


def redirect(to: str, status: int = 302) -> httpx.Response:
    return httpx.Response(status, headers={"Location": to})


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1/admin",
        "http://10.0.0.8/",
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data/",
        "http://intranet.example.com/",
        "http://rebind.example.com/",
    ],
)
async def test_redirect_to_a_private_address_is_refused_before_connecting(target: str) -> None:
    client = client_for({"https://news.example.com/feed": redirect(target)})
    async with client:
        with pytest.raises(RefusedError) as caught:
            await client.fetch("https://news.example.com/feed")
    assert caught.value.reason == "private_address"
    assert client.requested == ["https://news.example.com/feed"]  # type: ignore[attr-defined]


async def test_redirect_to_another_scheme_is_refused() -> None:
    client = client_for({"https://news.example.com/feed": redirect("file:///etc/passwd")})
    async with client:
        with pytest.raises(RefusedError) as caught:
            await client.fetch("https://news.example.com/feed")
    assert caught.value.reason == "scheme"


async def test_public_redirect_chain_is_followed_and_permanence_tracked() -> None:
    routes = {
        "http://news.example.com/feed": redirect("https://news.example.com/feed", 301),
        "https://news.example.com/feed": redirect("https://news.example.com/rss", 302),
        "https://news.example.com/rss": streamed(b"<rss/>"),
    }
    async with client_for(routes) as client:
        result = await client.fetch("http://news.example.com/feed")
    assert result.final_url == "https://news.example.com/rss"
    assert result.redirects == 2
    assert result.permanent_redirect is None  # a 302 in the chain: not permanent


async def test_deflate_and_unknown_encodings() -> None:
    import zlib

    routes = {
        "https://news.example.com/z": streamed(
            zlib.compress(b"zlib body"), {"Content-Encoding": "deflate"}
        ),
        "https://news.example.com/br": streamed(b"\x00\x01", {"Content-Encoding": "br"}),
        "https://news.example.com/gz": streamed(
            gzip.compress(b"g" * 5000), {"Content-Encoding": "gzip"}
        ),
    }
    async with client_for(routes, max_decompressed_bytes=4096) as client:
        assert (await client.fetch("https://news.example.com/z")).body == b"zlib body"
        with pytest.raises(RefusedError) as unknown:
            await client.fetch("https://news.example.com/br")
        with pytest.raises(RefusedError) as big:
            await client.fetch("https://news.example.com/gz")
    assert unknown.value.reason == "bad_encoding"
    assert big.value.reason == "too_large"


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("100.64.0.1", "private"),
        ("169.254.169.254", "link_local"),
        ("224.0.0.1", "multicast"),
        ("239.255.255.250", "multicast"),
        ("0.0.0.0", "reserved"),
        ("240.0.0.1", "reserved"),
        ("::1", "loopback"),
        ("fe80::1", "link_local"),
        ("fd00::1", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),
        ("2002:7f00:1::", "loopback"),  # 6to4 wrapping 127.0.0.1
        ("93.184.216.34", None),
        ("2606:4700::6810:85e5", None),
    ],
)
def test_address_classification(address: str, reason: str | None) -> None:
    assert address_refusal(ipaddress.ip_address(address)) == reason


async def test_checked_addresses_allows_private_when_told() -> None:
    ips = await checked_addresses(
        "intranet.example.com", 80, allow_private=True, resolve=fake_resolve
    )
    assert [str(ip) for ip in ips] == ["10.1.2.3"]


def test_retry_after_forms() -> None:
    import datetime as dt

    now = dt.datetime(2025, 12, 20, 10, 0, tzinfo=dt.UTC)
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Sat, 20 Dec 2025 10:05:00 GMT", now) == 300.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None
