"""A real search API for tests that talk to it over a socket: uvicorn serving `create_api` over
a SQLite index in a thread of its own, with its own event loop."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import httpx
import uvicorn

from services.indexer.api import create_api
from services.indexer.store.sqlite import SqliteStore
from shared.bundled_broker import free_port
from shared.models import EnrichedArticle

# Opening SQLite and starting uvicorn take well under a second; a loaded CI machine may not.
START_SECONDS = 60.0


@contextlib.contextmanager
def serving(path: Path, batch: Sequence[EnrichedArticle]) -> Iterator[int]:
    """The port of an API over a new index at `path` holding `batch`, until the block ends."""
    port = free_port()
    started = threading.Event()
    holder: dict[str, uvicorn.Server] = {}

    async def serve() -> None:
        store = SqliteStore(path)
        await store.open()
        await store.upsert(batch)
        config = uvicorn.Config(create_api(store), host="127.0.0.1", port=port, log_level="error")
        holder["server"] = uvicorn.Server(config)
        started.set()
        try:
            await holder["server"].serve()
        finally:
            await store.close()

    thread = threading.Thread(target=lambda: asyncio.run(serve()), daemon=True)
    thread.start()
    assert started.wait(START_SECONDS), "the API did not start"
    deadline = time.monotonic() + START_SECONDS
    while True:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"http://127.0.0.1:{port}/healthz").status_code == 200:
                break
        assert time.monotonic() < deadline, "the API did not answer"
        time.sleep(0.1)
    try:
        yield port
    finally:
        holder["server"].should_exit = True
        thread.join(30)
