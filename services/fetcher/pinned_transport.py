"""An httpx transport that connects only to addresses it has checked itself.

httpcore asks its network backend to `connect_tcp(host, port)`; ours resolves the host, refuses
private addresses (unless allowed) and connects to the checked IP, so a DNS answer that changes
between check and connect (rebinding) cannot slip through. TLS still verifies the certificate
against the host name, because httpcore passes the URL's host as `server_hostname`.
"""

from __future__ import annotations

import ssl
import typing

import httpcore
import httpx

from .addresses import Resolver, checked_addresses, system_resolve
from .errors import NetworkError


class CheckedNetworkBackend(httpcore.AsyncNetworkBackend):
    """Resolve, check and connect to the checked address; try each in order."""

    def __init__(self, *, allow_private: bool, resolve: Resolver = system_resolve) -> None:
        self._inner = httpcore.AnyIOBackend()
        self._allow_private = allow_private
        self._resolve = resolve

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await checked_addresses(
            host, port, allow_private=self._allow_private, resolve=self._resolve
        )
        last: Exception | None = None
        for ip in addresses:
            try:
                return await self._inner.connect_tcp(
                    str(ip),
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        raise NetworkError(f"cannot connect to {host}:{port}: {last}", reason="connect")

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise NetworkError("unix sockets are not used by the fetcher", reason="connect")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class PinnedTransport(httpx.AsyncHTTPTransport):
    """`httpx.AsyncHTTPTransport` whose connection pool uses `CheckedNetworkBackend`.

    httpx 0.28 has no public parameter for the network backend, so the pool built by the parent
    is replaced by one with the same settings plus ours (pinned: httpx>=0.28,<0.29). Environment
    proxies are ignored on purpose: through a proxy the address we check is not the one used.
    """

    def __init__(
        self,
        *,
        allow_private: bool,
        resolve: Resolver = system_resolve,
        limits: httpx.Limits | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        limits = limits or httpx.Limits()
        super().__init__(trust_env=False, limits=limits)
        context = ssl_context or httpx.create_ssl_context(trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=CheckedNetworkBackend(allow_private=allow_private, resolve=resolve),
        )
