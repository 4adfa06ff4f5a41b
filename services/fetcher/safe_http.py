"""HTTP GET for untrusted URLs: http(s) and public addresses only, bounded in hops, bytes, time.

Redirects are followed here, not by httpx, so every hop is checked (scheme, addresses, loops)
and a chain of permanent redirects is reported for the feed's new address.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from types import TracebackType

import httpx

from .addresses import Resolver, address_refusal, check_scheme, checked_addresses, system_resolve
from .decoding import charset_from_content_type
from .decompress import CappedDecoder
from .errors import FetchError, HTTPStatusError, NetworkError, RefusedError
from .pinned_transport import PinnedTransport
from .settings import FetcherSettings

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECTS = frozenset({301, 308})
# We decode gzip and deflate ourselves under a size cap; offering br/zstd would need their
# decoders and a cap for each.
ACCEPT_ENCODING = "gzip, deflate"
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A response we accepted: 2xx with its decoded (Content-Encoding) body, or 304."""

    url: str  # as requested
    final_url: str  # after redirects
    status: int
    headers: Mapping[str, str]
    body: bytes
    content_type: str | None
    charset: str | None  # from the Content-Type header only
    etag: str | None
    last_modified: str | None
    permanent_redirect: str | None  # target when every hop was a 301/308
    retry_after: float | None
    wire_bytes: int  # bytes received, compressed, over all hops
    redirects: int

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def parse_retry_after(value: str | None, now: dt.datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After value (delay-seconds or HTTP-date); None if unusable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - (now or dt.datetime.now(dt.UTC))).total_seconds())


class SafeClient:
    """An `httpx.AsyncClient` with the fetcher's safety rules; use as an async context manager.

    `transport` replaces the pinned transport in tests (httpx.MockTransport); hop checks still
    run through `resolve`.
    """

    def __init__(
        self,
        settings: FetcherSettings,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        resolve: Resolver = system_resolve,
    ) -> None:
        self.settings = settings
        self._resolve = resolve
        self._allow_private = settings.allow_private_addresses
        timeout = httpx.Timeout(
            connect=settings.connect_timeout_seconds,
            read=settings.read_timeout_seconds,
            write=settings.read_timeout_seconds,
            pool=settings.connect_timeout_seconds,
        )
        self._client = httpx.AsyncClient(
            transport=transport
            or PinnedTransport(allow_private=self._allow_private, resolve=resolve),
            follow_redirects=False,
            timeout=timeout,
            trust_env=False,
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": ACCEPT_ENCODING},
        )

    async def __aenter__(self) -> SafeClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = PAGE_ACCEPT,
    ) -> FetchResult:
        """GET `url` under every limit; raise a FetchError subclass (see errors.py) otherwise."""
        try:
            async with asyncio.timeout(self.settings.max_total_seconds):
                return await self._fetch(url, etag, last_modified, accept)
        except TimeoutError:
            raise RefusedError(
                f"no complete response within {self.settings.max_total_seconds} s",
                reason="too_slow",
            ) from None
        except httpx.TimeoutException as exc:
            raise NetworkError(f"timeout: {type(exc).__name__}", reason="timeout") from exc
        except httpx.ConnectError as exc:
            raise NetworkError(f"connect: {exc}", reason="connect") from exc
        except (httpx.RemoteProtocolError, httpx.LocalProtocolError) as exc:
            raise NetworkError(f"protocol: {exc}", reason="protocol") from exc
        except httpx.UnsupportedProtocol as exc:
            raise RefusedError(str(exc), reason="scheme") from exc
        except httpx.InvalidURL as exc:
            raise FetchError(f"invalid URL: {exc}", reason="invalid_url") from exc
        except httpx.TransportError as exc:
            raise NetworkError(f"{type(exc).__name__}: {exc}", reason="network") from exc

    async def _fetch(
        self, url: str, etag: str | None, last_modified: str | None, accept: str
    ) -> FetchResult:
        current = httpx.URL(url)
        visited = {str(current)}
        permanent: str | None = None
        all_permanent = True
        wire = 0
        for hop in range(self.settings.max_redirects + 1):
            await self._check_hop(current)
            headers = {"Accept": accept}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            request = self._client.build_request("GET", current, headers=headers)
            response = await self._client.send(request, stream=True)
            try:
                self._check_peer(response)
                location = response.headers.get("location")
                if response.status_code in REDIRECT_STATUSES and location:
                    target = current.join(location)
                    if str(target) in visited:
                        raise RefusedError(f"redirect loop at {target}", reason="redirect_loop")
                    visited.add(str(target))
                    all_permanent = all_permanent and response.status_code in PERMANENT_REDIRECTS
                    permanent = str(target) if all_permanent else None
                    current = target
                    continue
                retry_after = parse_retry_after(response.headers.get("retry-after"))
                status = response.status_code
                if status != 304 and not 200 <= status < 300:
                    raise HTTPStatusError(
                        f"HTTP {status} from {current}",
                        status=status,
                        retry_after=retry_after,
                        url=str(current),
                    )
                body = b"" if status == 304 else await self._read(response)
                content_type = response.headers.get("content-type")
                return FetchResult(
                    url=url,
                    final_url=str(current),
                    status=status,
                    headers=dict(response.headers),
                    body=body,
                    content_type=content_type,
                    charset=charset_from_content_type(content_type),
                    etag=response.headers.get("etag"),
                    last_modified=response.headers.get("last-modified"),
                    permanent_redirect=permanent,
                    retry_after=retry_after,
                    wire_bytes=wire + response.num_bytes_downloaded,
                    redirects=hop,
                )
            finally:
                wire += response.num_bytes_downloaded
                await response.aclose()
        raise RefusedError(
            f"more than {self.settings.max_redirects} redirects from {url}",
            reason="too_many_redirects",
        )

    async def _check_hop(self, url: httpx.URL) -> None:
        """Scheme and destination of one hop, before any connection is made."""
        check_scheme(url.scheme)
        if not url.host:
            raise FetchError(f"no host in {url}", reason="invalid_url")
        if not self._allow_private:
            port = url.port or (443 if url.scheme == "https" else 80)
            await checked_addresses(url.host, port, allow_private=False, resolve=self._resolve)

    def _check_peer(self, response: httpx.Response) -> None:
        """The address actually connected must be allowed too (belt and braces)."""
        if self._allow_private:
            return
        stream = response.extensions.get("network_stream")
        if stream is None:
            return  # MockTransport and other in-memory transports
        peer = stream.get_extra_info("server_addr")
        if not peer:
            return
        try:
            ip = ipaddress.ip_address(str(peer[0]).split("%")[0])
        except ValueError:
            return
        why = address_refusal(ip)
        if why is not None:
            raise RefusedError(f"connected to a {why} address {ip}", reason="private_address")

    async def _read(self, response: httpx.Response) -> bytes:
        limit = self.settings.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise RefusedError(f"Content-Length {declared} exceeds {limit}", reason="too_large")
        decoder = CappedDecoder(
            response.headers.get("content-encoding"), self.settings.max_decompressed_bytes
        )
        parts: list[bytes] = []
        async for raw in response.aiter_raw():
            if response.num_bytes_downloaded > limit:
                raise RefusedError(f"body exceeds {limit} bytes on the wire", reason="too_large")
            parts.extend(decoder.feed(raw))
        parts.extend(decoder.flush())
        return b"".join(parts)
