"""SafeClient against a real local server that misbehaves on purpose."""

from __future__ import annotations

import gzip
from http.server import BaseHTTPRequestHandler

import pytest

from services.fetcher.errors import HTTPStatusError, NetworkError, RefusedError
from services.fetcher.feeds import parse_feed
from services.fetcher.safe_http import SafeClient
from services.fetcher.settings import FetcherSettings

from .conftest import Handler, LocalServer, drip, endless, gzip_bomb, send

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Local</title>
<item><title>One</title><link>http://127.0.0.1/a</link></item>
</channel></rss>"""


def settings(**overrides: object) -> FetcherSettings:
    base: dict[str, object] = {"allow_private_addresses": True, "max_total_seconds": 10.0}
    base.update(overrides)
    return FetcherSettings(**base)  # type: ignore[arg-type]  # test overrides by name


async def test_conditional_get_returns_304_with_validators(server: LocalServer) -> None:
    def feed(h: BaseHTTPRequestHandler) -> None:
        if h.headers.get("If-None-Match") == '"v1"':
            send(h, 304, headers={"ETag": '"v1"'})
        else:
            send(h, 200, RSS, {"ETag": '"v1"', "Last-Modified": "Sat, 20 Dec 2025 10:00:00 GMT"})

    server.routes["/feed"] = feed
    async with SafeClient(settings()) as client:
        first = await client.fetch(server.url("/feed"))
        second = await client.fetch(
            server.url("/feed"), etag=first.etag, last_modified=first.last_modified
        )
    assert first.status == 200
    assert first.etag == '"v1"'
    assert first.body == RSS
    assert second.not_modified
    assert second.body == b""
    assert server.requests[1][1]["if-modified-since"] == "Sat, 20 Dec 2025 10:00:00 GMT"


async def test_429_carries_retry_after(server: LocalServer) -> None:
    server.routes["/busy"] = lambda h: send(h, 429, b"slow down", {"Retry-After": "120"})
    async with SafeClient(settings()) as client:
        with pytest.raises(HTTPStatusError) as caught:
            await client.fetch(server.url("/busy"))
    assert caught.value.status == 429
    assert caught.value.retry_after == 120.0
    assert caught.value.retryable


async def test_410_is_gone_and_not_retryable(server: LocalServer) -> None:
    server.routes["/gone"] = lambda h: send(h, 410)
    async with SafeClient(settings()) as client:
        with pytest.raises(HTTPStatusError) as caught:
            await client.fetch(server.url("/gone"))
    assert caught.value.reason == "gone"
    assert not caught.value.retryable


async def test_redirect_loop_is_refused(server: LocalServer) -> None:
    server.routes["/a"] = lambda h: send(h, 302, headers={"Location": "/b"})
    server.routes["/b"] = lambda h: send(h, 302, headers={"Location": "/a"})
    async with SafeClient(settings()) as client:
        with pytest.raises(RefusedError) as caught:
            await client.fetch(server.url("/a"))
    assert caught.value.reason == "redirect_loop"


async def test_long_redirect_chain_is_refused(server: LocalServer) -> None:
    def hop(n: int) -> Handler:
        return lambda h: send(h, 301, headers={"Location": f"/r{n + 1}"})

    for n in range(10):
        server.routes[f"/r{n}"] = hop(n)
    async with SafeClient(settings(max_redirects=3)) as client:
        with pytest.raises(RefusedError) as caught:
            await client.fetch(server.url("/r0"))
    assert caught.value.reason == "too_many_redirects"
    assert len(server.requests) == 4


async def test_permanent_redirect_is_reported(server: LocalServer) -> None:
    server.routes["/old"] = lambda h: send(h, 301, headers={"Location": "/new"})
    server.routes["/new"] = lambda h: send(h, 200, RSS, {"Content-Type": "application/rss+xml"})
    async with SafeClient(settings()) as client:
        result = await client.fetch(server.url("/old"))
    assert result.final_url == server.url("/new")
    assert result.permanent_redirect == server.url("/new")
    assert result.redirects == 1


async def test_loopback_refused_without_allow_private(server: LocalServer) -> None:
    server.routes["/feed"] = lambda h: send(h, 200, RSS)
    async with SafeClient(settings(allow_private_addresses=False)) as client:
        with pytest.raises(RefusedError) as caught:
            await client.fetch(server.url("/feed"))
    assert caught.value.reason == "private_address"
    assert server.requests == []  # refused before connecting


async def test_pinned_transport_refuses_loopback_even_without_hop_check(
    server: LocalServer,
) -> None:
    """The connect-time check alone (the one that pins the address) refuses loopback."""
    from services.fetcher.pinned_transport import PinnedTransport

    server.routes["/feed"] = lambda h: send(h, 200, RSS)
    transport = PinnedTransport(allow_private=False)
    # allow_private=True turns off the hop pre-check only; the transport still checks.
    async with SafeClient(settings(), transport=transport) as client:
        with pytest.raises(RefusedError) as caught:
            await client.fetch(server.url("/feed"))
    assert caught.value.reason == "private_address"
    assert server.requests == []


async def test_wrong_charset_header_still_decodes(server: LocalServer) -> None:
    body = '<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel>'
    body += "<title>Caf\u00e9 \u201cnews\u201d</title></channel></rss>"
    server.routes["/feed"] = lambda h: send(
        h, 200, body.encode("cp1252"), {"Content-Type": "application/xml; charset=utf-8"}
    )
    async with SafeClient(settings()) as client:
        result = await client.fetch(server.url("/feed"))
    parsed = parse_feed(result.body, content_type=result.content_type)
    assert result.charset == "utf-8"
    assert parsed.title == "Caf\u00e9 \u201cnews\u201d"
    assert parsed.encoding == "cp1252"


async def test_gzip_is_decoded(server: LocalServer) -> None:
    server.routes["/feed"] = lambda h: send(
        h, 200, gzip.compress(RSS), {"Content-Encoding": "gzip"}
    )
    async with SafeClient(settings()) as client:
        result = await client.fetch(server.url("/feed"))
    assert result.body == RSS
    assert server.requests[0][1]["accept-encoding"] == "gzip, deflate"


async def test_gzip_bomb_is_cut_at_the_decompressed_cap(server: LocalServer) -> None:
    bomb = gzip_bomb(50 * 1024 * 1024)
    assert len(bomb) < 100 * 1024  # small on the wire: only the decompressed cap can stop it
    server.routes["/bomb"] = lambda h: send(h, 200, bomb, {"Content-Encoding": "gzip"})
    async with SafeClient(settings(max_decompressed_bytes=1024 * 1024)) as client:
        with pytest.raises(RefusedError) as caught:
            await client.fetch(server.url("/bomb"))
    assert caught.value.reason == "too_large"


async def test_endless_body_is_cut_at_the_wire_cap(server: LocalServer) -> None:
    server.routes["/endless"] = endless
    async with SafeClient(settings(max_bytes=512 * 1024)) as client:
        with pytest.raises(RefusedError) as caught:
            await client.fetch(server.url("/endless"))
    assert caught.value.reason == "too_large"


async def test_declared_length_over_cap_is_refused_before_reading(server: LocalServer) -> None:
    server.routes["/big"] = lambda h: send(h, 200, b"x" * 4096)
    async with SafeClient(settings(max_bytes=1024)) as client:
        with pytest.raises(RefusedError) as caught:
            await client.fetch(server.url("/big"))
    assert caught.value.reason == "too_large"


async def test_slow_drip_is_cut_by_the_overall_deadline(server: LocalServer) -> None:
    server.routes["/drip"] = drip
    # Each byte arrives well within the read timeout; only the total deadline can end this.
    slow = settings(max_total_seconds=1.5, read_timeout_seconds=5.0)
    async with SafeClient(slow) as client:
        with pytest.raises(RefusedError) as caught:
            await client.fetch(server.url("/drip"))
    assert caught.value.reason == "too_slow"
    assert caught.value.retryable


async def test_connection_refused_is_a_network_error() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    async with SafeClient(settings()) as client:
        with pytest.raises(NetworkError) as caught:
            await client.fetch(f"http://127.0.0.1:{port}/")
    assert caught.value.reason == "connect"
