"""A local HTTP server on 127.0.0.1 that misbehaves on purpose, one route per misbehaviour."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class LocalServer:
    base: str
    routes: dict[str, Handler] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path


def send(
    handler: BaseHTTPRequestHandler,
    status: int,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
) -> None:
    handler.send_response(status)
    for key, value in (headers or {}).items():
        handler.send_header(key, value)
    if "Content-Length" not in (headers or {}):
        handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def gzip_bomb(decompressed_size: int) -> bytes:
    """A small gzip member that inflates to `decompressed_size` zero bytes."""
    return gzip.compress(b"\0" * decompressed_size, compresslevel=9)


def endless(handler: BaseHTTPRequestHandler) -> None:
    """Chunk after chunk with no length: only a byte cap ends it."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/xml")
    handler.end_headers()
    chunk = b"<item>" + b"x" * 65536 + b"</item>"
    try:
        while True:
            handler.wfile.write(chunk)
    except OSError:
        return


def drip(handler: BaseHTTPRequestHandler) -> None:
    """One byte every 0.2 s: each read is quick, the whole response never completes."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/xml")
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    try:
        for _ in range(100000):
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(0.2)
    except OSError:
        return


@pytest.fixture
def server() -> Iterator[LocalServer]:
    state = LocalServer(base="")

    class Routed(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            state.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
            route = state.routes.get(path)
            if route is None:
                send(self, 404, b"not found")
            else:
                route(self)

        def log_message(self, format: str, *args: object) -> None:
            return  # keep test output clean

    class QuietServer(ThreadingHTTPServer):
        def handle_error(self, request: object, client_address: object) -> None:
            return  # clients hanging up on the endless and drip routes is the point

    httpd = QuietServer(("127.0.0.1", 0), Routed)
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()
