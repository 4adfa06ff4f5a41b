"""The fetcher service: polls the configured feeds and publishes their new articles."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from pathlib import Path

from fastapi import FastAPI

from services.fetcher import metrics
from services.fetcher.feeds_config import FeedConfig, FeedsFileError, load_feeds
from services.fetcher.fetch import poll_feed
from services.fetcher.host_limits import HostLimiter
from services.fetcher.safe_http import SafeClient
from services.fetcher.settings import FetcherSettings
from services.fetcher.state import FetcherState, off_loop
from shared import topics
from shared.kafka import make_broker, publish_all
from shared.models import Article
from shared.runtime import Service, add_ops_routes

log = logging.getLogger(__name__)

SERVICE = "fetcher"
# Polls in flight at once: each holds at most a feed and a few pages in memory; the per-host
# limits keep any one publisher from seeing more than its share.
MAX_CONCURRENT_POLLS = 32
# How often the scheduler wakes to look for due feeds and a changed feeds file.
TICK_SECONDS = 1.0


class FeedList:
    """The feeds file, re-read when it changes, so `newsflow feeds add` needs no restart."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.mtime: float | None = None
        self.feeds: list[FeedConfig] = []

    def current(self) -> list[FeedConfig]:
        try:
            mtime = self.path.stat().st_mtime
        except FileNotFoundError:
            if self.mtime is not None or not self.feeds:
                log.warning("feeds file not found; polling nothing", extra={"path": str(self.path)})
            self.mtime, self.feeds = None, []
            return self.feeds
        if mtime != self.mtime:
            self.mtime = mtime
            try:
                self.feeds = load_feeds(self.path)
                log.info("feeds loaded", extra={"path": str(self.path), "feeds": len(self.feeds)})
            except FeedsFileError as exc:
                # A typo must not stop collection.
                log.error(
                    "feeds file invalid; keeping the previous list", extra={"error": str(exc)}
                )
        return self.feeds


def build(settings: FetcherSettings) -> Service:
    broker = make_broker(settings, service=SERVICE, publishes=[topics.ARTICLES])
    broker.publisher(topics.ARTICLES, title="articles", schema=Article)
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    state = FetcherState(settings.state_db)
    limiter = HostLimiter(settings.per_host_concurrency, settings.per_host_rate)
    feeds = FeedList(settings.resolved_feeds_file)

    async def publish(article: Article) -> None:
        # Waits for the broker's acknowledgement: only then is the item marked seen.
        value = article.model_dump_json().encode()
        await publish_all(broker, [(topics.ARTICLES, article.id, value)])
        metrics.ARTICLES_PUBLISHED.inc()

    async def poll_one(client: SafeClient, feed: FeedConfig, gate: asyncio.Semaphore) -> None:
        async with gate:
            started = time.perf_counter()
            result = await poll_feed(client, feed, state, settings, publish, limiter=limiter)
            metrics.observe_poll(feed, result, time.perf_counter() - started)
            log.info(
                "polled feed",
                extra={
                    "feed": metrics.feed_label(feed),
                    "outcome": result.outcome,
                    "reason": result.reason,
                    "status": result.status,
                    "new": result.new_items,
                    "duplicates": result.duplicates,
                    "already_seen": result.already_seen,
                },
            )

    async def poll_loop(stop: asyncio.Event) -> None:
        gate = asyncio.Semaphore(MAX_CONCURRENT_POLLS)
        running: dict[str, asyncio.Task[None]] = {}
        async with SafeClient(settings) as client:
            while not stop.is_set():
                now = time.time()
                for feed in feeds.current():
                    if feed.url in running or not feed.enabled:
                        continue
                    default = feed.interval or settings.default_poll_interval_seconds
                    schedule = await off_loop(state.schedule, feed.url, default_interval=default)
                    if not schedule.disabled and schedule.next_poll_at <= now:
                        running[feed.url] = asyncio.create_task(poll_one(client, feed, gate))
                for url, task in list(running.items()):
                    if task.done():
                        del running[url]
                        if not task.cancelled() and task.exception() is not None:
                            log.error("poll crashed", exc_info=task.exception())
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), TICK_SECONDS)
            # Let polls in hand finish publishing; anything unpublished stays unseen.
            if running:
                await asyncio.wait(running.values(), timeout=20)
                for task in running.values():
                    task.cancel()

    async def close_state() -> None:
        state.close()

    service = Service(
        name=SERVICE,
        settings=settings,
        broker=broker,
        app=FastAPI(title="newsflow fetcher"),
        host=settings.ops_host,
        port=settings.ops_port,
        shutdown=[close_state],
        loops=[poll_loop],
    )
    add_ops_routes(service.app, service.ready)
    return service
