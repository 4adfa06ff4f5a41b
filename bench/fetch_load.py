"""Polling load: 1,000 feeds from one local server, most answering 304, through `poll_feed`.

A uvicorn + Starlette server in a child process (so its CPU is not the poller's) serves FEEDS
RSS feeds on 127.0.0.1. Feed n carries an ETag; a conditional request with it gets a 304, except
for one feed in CHANGING_EVERY, which has a new item at every poll (its page is then fetched,
extracted, fingerprinted and checked for duplicates, as in production). Each page's text is
random words, so no two are near-duplicates.

The poller is the service's own path: `services.fetcher.fetch.poll_feed` with a real
`FetcherState` (SQLite in a temporary folder), a real `SafeClient` with `allow_private_addresses`
(the server is on loopback), POLL_CONCURRENCY polls in flight like the service loop, and
`publish` a no-op coroutine that only counts (no broker: this measures the fetcher, not Kafka).
Every feed is polled once per round, whatever its schedule says (the service loop would wait for
`next_poll_at`; here the point is the cost of a poll).

All feeds share one host here, whereas 1,000 real feeds span hundreds of publishers with their
own limits; the per-host limiter is therefore raised to the poll concurrency and a rate that
never binds, or it alone (2 in flight, 1/s) would cap the run at 60 polls a minute.

Rounds: one warm-up (first poll of every feed: full GET, one page each), then ROUNDS measured.
Targets: at least TARGET_POLLS_PER_MINUTE over the measured rounds, and resident memory flat:
growth from the end of the first measured round to the end of the last at most
MEMORY_SLACK_MB. Everything stops by itself: fixed rounds and a DEADLINE_SECONDS cap.
Run: `python -m bench.fetch_load`.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import resource
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench._common import stop
from services.fetcher.feeds_config import FeedConfig
from services.fetcher.fetch import poll_feed
from services.fetcher.host_limits import HostLimiter
from services.fetcher.safe_http import SafeClient
from services.fetcher.settings import FetcherSettings
from services.fetcher.state import FetcherState
from shared.models import Article

# The figure: 1,000 feeds from one instance.
FEEDS = 1000
# One feed in 20 (5%) has a new item at each poll; news feeds polled every few minutes mostly
# have nothing new, which is what makes 304s the common case.
CHANGING_EVERY = 20
# Items per feed document: a new one plus four already seen (skipped by URL, no page fetch).
ITEMS_PER_FEED = 5
# Measured rounds after the warm-up: 10,000 polls, enough to see memory settle or grow.
ROUNDS = 10
# Polls in flight at once, as the service loop's MAX_CONCURRENT_POLLS.
POLL_CONCURRENCY = 32
# A per-host rate that never binds (see the module docstring).
UNBOUND_RATE = 100_000.0
# The target.
TARGET_POLLS_PER_MINUTE = 1000.0
# Allowed growth of resident memory over the measured rounds. The state database gains ~50
# articles a round and SQLite's page cache (2 MB by default) fills; a leak of one poll's
# worth of objects per poll (a response, a parsed feed: tens of kB) would pass this by far.
MEMORY_SLACK_MB = 16.0
# Hard stop for the whole run, server start included.
DEADLINE_SECONDS = 300.0
# How long the server may take to accept connections.
SERVER_START_SECONDS = 20.0
# Words for the generated pages: enough distinct ones that random 3-word shingles never repeat.
_SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "ta", "vo", "shi", "den", "par", "gol", "bri")


def _words(seed: int, count: int) -> str:
    rng = random.Random(seed)
    return " ".join(
        "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 3))) for _ in range(count)
    )


def _feed_document(base: str, n: int, version: int) -> bytes:
    items = "".join(
        f"<item><title>Story {n}.{v}</title><link>{base}/page/{n}/{v}</link>"
        f"<pubDate>Sat, 20 Dec 2025 09:00:00 GMT</pubDate><description>Lead {n}.{v}."
        "</description></item>"
        for v in range(version, max(version - ITEMS_PER_FEED, 0), -1)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {n}</title>'
        f"{items}</channel></rss>"
    ).encode()


def _page(n: int, version: int) -> bytes:
    paragraphs = "".join(f"<p>{_words(n * 1_000_003 + version * 7 + k, 60)}.</p>" for k in range(3))
    return (
        f'<!doctype html><html lang="en"><head><title>Story {n}.{version}</title></head>'
        f"<body><article><h1>Story {n}.{version}</h1>{paragraphs}</article></body></html>"
    ).encode()


def serve(port: int) -> None:
    """The feed server (child process): runs until terminated."""
    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    base = f"http://127.0.0.1:{port}"
    versions: dict[int, int] = {}

    async def feed(request: Request) -> Response:
        n = int(request.path_params["n"])
        if n % CHANGING_EVERY == 0:
            versions[n] = versions.get(n, 0) + 1
        version = versions.get(n, 1)
        etag = f'"f{n}-v{version}"'
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers={"ETag": etag})
        body = _feed_document(base, n, version)
        return Response(body, media_type="application/rss+xml", headers={"ETag": etag})

    async def page(request: Request) -> Response:
        n, version = int(request.path_params["n"]), int(request.path_params["v"])
        return Response(_page(n, version), media_type="text/html; charset=utf-8")

    app = Starlette(routes=[Route("/feed/{n:int}", feed), Route("/page/{n:int}/{v:int}", page)])
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def rss_mb() -> float:
    """Resident memory now (Linux /proc), else the peak from getrusage."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass(slots=True)
class Round:
    polls: int
    seconds: float
    rss_mb: float
    outcomes: Counter[str] = field(default_factory=Counter)

    @property
    def per_minute(self) -> float:
        return self.polls / self.seconds * 60 if self.seconds else 0.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(port: int, deadline: float) -> None:
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise TimeoutError(f"feed server on port {port} did not start")


async def poll_rounds(base: str, state_dir: Path, deadline: float) -> tuple[list[Round], int]:
    """Warm-up plus ROUNDS rounds over all feeds; returns the rounds and articles published."""
    settings = FetcherSettings(state_dir=state_dir, allow_private_addresses=True)
    limiter = HostLimiter(POLL_CONCURRENCY, UNBOUND_RATE)
    feeds = [FeedConfig(url=f"{base}/feed/{n}") for n in range(FEEDS)]
    published = 0

    async def publish(article: Article) -> None:
        nonlocal published
        published += 1

    rounds: list[Round] = []
    gate = asyncio.Semaphore(POLL_CONCURRENCY)
    with FetcherState(settings.state_db) as state:
        async with SafeClient(settings) as client:

            async def one(feed: FeedConfig) -> str:
                async with gate:
                    result = await poll_feed(
                        client, feed, state, settings, publish, limiter=limiter
                    )
                    return result.outcome

            for _ in range(ROUNDS + 1):
                if time.monotonic() > deadline:
                    break
                started = time.perf_counter()
                outcomes = Counter(await asyncio.gather(*(one(feed) for feed in feeds)))
                rounds.append(Round(FEEDS, time.perf_counter() - started, rss_mb(), outcomes))
    return rounds, published


def main() -> int:
    deadline = time.monotonic() + DEADLINE_SECONDS
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "bench.fetch_load", "--serve", str(port)],
        cwd=Path(__file__).resolve().parents[1],
    )
    try:
        _wait_for(port, time.monotonic() + SERVER_START_SECONDS)
        with tempfile.TemporaryDirectory() as tmp:
            rounds, published = asyncio.run(
                poll_rounds(f"http://127.0.0.1:{port}", Path(tmp), deadline)
            )
    finally:
        stop(server, 10)
    for i, r in enumerate(rounds):
        label = "warm-up" if i == 0 else f"round {i}"
        outcomes = ", ".join(f"{k} {v}" for k, v in sorted(r.outcomes.items()))
        print(
            f"{label:<9} {r.polls} polls in {r.seconds:6.2f} s = {r.per_minute:8.0f} polls/min; "
            f"RSS {r.rss_mb:6.1f} MB; {outcomes}"
        )
    measured = rounds[1:]
    if len(measured) < ROUNDS:
        print(f"fetch_load: MISSED, only {len(measured)} of {ROUNDS} rounds before the deadline")
        return 1
    polls = sum(r.polls for r in measured)
    per_minute = polls / sum(r.seconds for r in measured) * 60
    growth = measured[-1].rss_mb - measured[0].rss_mb
    fast = per_minute >= TARGET_POLLS_PER_MINUTE
    flat = growth <= MEMORY_SLACK_MB
    print(
        f"feeds {FEEDS}, measured polls {polls}, articles published {published}; "
        f"{per_minute:.0f} polls/min (target >= {TARGET_POLLS_PER_MINUTE:.0f}: "
        f"{'met' if fast else 'MISSED'}); RSS growth over measured rounds {growth:+.1f} MB "
        f"(target <= {MEMORY_SLACK_MB:.0f}: {'met' if flat else 'MISSED'})"
    )
    return 0 if fast and flat else 1


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve(int(sys.argv[2]))
    else:
        sys.exit(main())
