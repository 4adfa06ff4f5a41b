"""The fetcher's SQLite state never runs on the event loop while 500 feeds are polled (issue 12,
item 5): its calls wait on the disk and on locks (5 s busy timeout), which would stall every
other feed's poll, the heartbeats and /metrics. Checked by the thread each call runs on, not by
a stopwatch: a stall's length depends on the machine, the thread does not."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

from services.fetcher.feeds_config import FeedConfig
from services.fetcher.fetch import poll_feed
from services.fetcher.safe_http import SafeClient
from services.fetcher.state import FetcherState
from shared.models import Article

from .conftest import LocalServer, send
from .test_poll_feed import make_settings

FEEDS = 500
# As the service polls: at most this many at once (services.fetcher.app.MAX_CONCURRENT_POLLS).
AT_ONCE = 32


class ThreadRecordingState(FetcherState):
    """The real state, noting the thread of each public call."""

    calls: list[tuple[str, int]] | None = None

    def __getattribute__(self, name: str) -> Any:
        found = super().__getattribute__(name)
        if name.startswith("_") or not callable(found):
            return found
        calls = super().__getattribute__("__dict__").get("calls")
        if calls is None:  # while __init__ runs
            return found

        def call(*args: Any, **kwargs: Any) -> Any:
            calls.append((name, threading.get_ident()))
            return found(*args, **kwargs)

        return call


def feed_of(n: int, base: str) -> Callable[[BaseHTTPRequestHandler], None]:
    body = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {n}</title>
<item><title>Story {n}</title><link>{base}/story/{n}</link>
<pubDate>Sat, 20 Dec 2025 09:00:00 GMT</pubDate>
<description>Story {n} from feed {n}: its page is gone, this text stands in.</description></item>
</channel></rss>""".encode()
    return lambda h: send(h, 200, body, {"Content-Type": "text/xml"})


async def test_state_calls_of_500_feed_polls_run_off_the_event_loop(
    server: LocalServer, tmp_path: Path
) -> None:
    for n in range(FEEDS):
        server.routes[f"/feed/{n}"] = feed_of(n, server.base)
    settings = make_settings(tmp_path)
    published: list[Article] = []

    async def publish(article: Article) -> None:
        published.append(article)

    loop_thread = threading.get_ident()
    gate = asyncio.Semaphore(AT_ONCE)
    state = ThreadRecordingState(settings.state_db)
    state.calls = []
    try:
        async with SafeClient(settings) as client:

            async def poll(n: int) -> str:
                async with gate:
                    feed = FeedConfig(url=server.url(f"/feed/{n}"))
                    return (await poll_feed(client, feed, state, settings, publish)).outcome

            outcomes = await asyncio.gather(*(poll(n) for n in range(FEEDS)))
        calls = list(state.calls)
    finally:
        state.close()
    assert outcomes == ["ok"] * FEEDS
    assert len(published) == FEEDS
    names = {name for name, _ in calls}
    assert {"schedule", "validators", "mark_published", "save_schedule"} <= names
    on_loop = [name for name, thread in calls if thread == loop_thread]
    assert on_loop == [], f"{len(on_loop)} state calls ran on the event loop: {set(on_loop)}"
