"""Fetching without Kafka: a URL to articles (`newsflow fetch`), and one poll of one feed.

`poll_feed` is the service's unit of work: conditional GET, parse, skip what was seen, fetch the
new items' pages under the per-host limits, hand each article to `publish` and mark it seen only
after `publish` returned (the broker acknowledged it). An article that repeats a published one by
URL, by exact text or by near-duplicate text (near_duplicates.py) is not published; its URLs
are recorded as aliases of the published one.

Two polls running at once may both publish one syndicated story when neither has marked it seen
yet (the check and the mark straddle the `publish` await): at-least-once, as everywhere else.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import random
import time
from collections import Counter
from collections.abc import AsyncGenerator, Awaitable, Callable
from contextlib import aclosing
from dataclasses import dataclass, field, replace
from typing import Literal
from urllib.parse import urlsplit

from shared.identity import article_id
from shared.models import Article

from .articles import EmptyArticleError, build_article
from .decoding import decode
from .errors import ContentError, FetchError, HTTPStatusError, RefusedError
from .feed_model import FeedItem, ParsedFeed
from .feeds import parse_feed
from .feeds_config import FeedConfig
from .host_limits import HostLimiter
from .near_duplicates import Fingerprint, fingerprint
from .pages import PageExtraction, extract_page
from .safe_http import FEED_ACCEPT, PAGE_ACCEPT, FetchResult, SafeClient
from .schedule import Bounds, disable_reason, failure_delay, next_interval
from .settings import FetcherSettings
from .state import Duplicate, FeedSchedule, FetcherState, Validators, off_loop

log = logging.getLogger(__name__)

PollOutcome = Literal["ok", "not_modified", "error", "refused", "disabled"]
Publish = Callable[[Article], Awaitable[None]]
_HTML_MEDIA = ("text/html", "application/xhtml+xml")
# Items whose pages are in flight at once per poll; the per-host limits are the tighter bound
# for a single-publisher feed, this one bounds memory for aggregator feeds.
MAX_PARALLEL_ITEMS = 8
# Below this many characters a page extraction counts as failed (reason `empty_page`) and the
# feed text stands in; matches articles.MIN_PAGE_TEXT_CHARS in spirit, kept low to count only
# real failures.
_EMPTY_PAGE_CHARS = 1


@dataclass(slots=True)
class Tally:
    """Counts for metrics; every key is a bounded label value (no URLs)."""

    bytes_fetched: int = 0
    bytes_by_kind: Counter[str] = field(default_factory=Counter)  # kind: feed|page
    page_status_classes: Counter[str] = field(default_factory=Counter)
    extraction_failures: Counter[str] = field(default_factory=Counter)
    # Items not published again, by reason: url (link, redirect or alias already published),
    # content (identical normalised text), near (near-duplicate text). Sums to `duplicates`.
    duplicates: Counter[str] = field(default_factory=Counter)


@dataclass(slots=True)
class FetchOutcome:
    """What `fetch_url` found at one URL."""

    url: str
    final_url: str
    kind: Literal["feed", "page"]
    articles: list[Article] = field(default_factory=list)
    feed_title: str | None = None
    already_seen: int = 0
    tally: Tally = field(default_factory=Tally)


@dataclass(slots=True)
class PollResult:
    """One poll of one feed, for logs and metrics.

    Label values: outcome ok|not_modified|error|refused|disabled; reason (errors.py reasons,
    `publish`, or None); status_class 2xx|3xx|4xx|5xx|None; extraction failure reasons
    page_<fetch reason>|not_html|empty_page|empty; duplicate reasons (tally.duplicates)
    url|content|near.
    """

    feed_url: str
    outcome: PollOutcome
    reason: str | None = None
    status: int | None = None
    items_in_feed: int = 0
    new_items: int = 0
    # Items found now to repeat a published story (counted once: they are recorded as aliases)
    duplicates: int = 0
    # and items handled on an earlier poll (published or counted then), skipped unfetched.
    already_seen: int = 0
    next_poll_at: float = 0.0
    disabled_reason: str | None = None
    tally: Tally = field(default_factory=Tally)

    @property
    def status_class(self) -> str | None:
        return None if self.status is None else f"{self.status // 100}xx"


def status_class(status: int) -> str:
    return f"{status // 100}xx"


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _is_html(result: FetchResult) -> bool:
    media = (result.content_type or "").split(";")[0].strip().lower()
    if media in _HTML_MEDIA:
        return True
    head = result.body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


@dataclass(slots=True)
class _Fetcher:
    """The shared machinery of fetch_url and poll_feed."""

    client: SafeClient
    settings: FetcherSettings
    limiter: HostLimiter
    tally: Tally

    async def get(
        self,
        url: str,
        *,
        accept: str,
        etag: str | None = None,
        last_modified: str | None = None,
        kind: str = "feed",
    ) -> FetchResult:
        async with self.limiter.slot(_host(url)):
            try:
                result = await self.client.fetch(
                    url, etag=etag, last_modified=last_modified, accept=accept
                )
            except HTTPStatusError as exc:
                self.tally.page_status_classes[status_class(exc.status)] += 1
                raise
        self.tally.bytes_fetched += result.wire_bytes
        self.tally.bytes_by_kind[kind] += result.wire_bytes
        return result

    async def page(self, url: str) -> tuple[PageExtraction | None, str]:
        """The page's extraction and final URL; None (with a failure counted) when unusable."""
        try:
            result = await self.get(url, accept=PAGE_ACCEPT, kind="page")
        except FetchError as exc:
            self.tally.extraction_failures[f"page_{exc.reason}"] += 1
            log.info("page fetch failed: %s: %s", url, exc)
            return None, url
        self.tally.page_status_classes[status_class(result.status)] += 1
        if not _is_html(result):
            self.tally.extraction_failures["not_html"] += 1
            return None, result.final_url
        text, _encoding = decode(result.body, result.charset)
        page = await asyncio.to_thread(extract_page, text, url=result.final_url)
        if len(page.text) < _EMPTY_PAGE_CHARS:
            self.tally.extraction_failures["empty_page"] += 1
        return page, result.final_url

    async def article(self, item: FeedItem, feed_url: str | None) -> _Built:
        """Article for a feed item plus the other URLs that lead to it (for dedup aliases)."""
        assert item.url is not None  # callers skip link-less items
        page: PageExtraction | None = None
        final_url = item.url
        if self.settings.fetch_pages:
            page, final_url = await self.page(item.url)
        try:
            article = build_article(
                url=final_url,
                fetched_at=dt.datetime.now(dt.UTC),
                item=item,
                page=page,
                feed_url=feed_url,
            )
        except EmptyArticleError:
            self.tally.extraction_failures["empty"] += 1
            raise
        sketch = await asyncio.to_thread(fingerprint, article.text)
        return _Built(article, [item.url, final_url], sketch)

    async def articles(
        self, items: list[FeedItem], feed_url: str | None
    ) -> AsyncGenerator[_Built, None]:
        """Articles of `items` in completion order; pages fetched concurrently (the host
        limiter decides how many hit one publisher). Items without text are skipped."""
        gate = asyncio.Semaphore(MAX_PARALLEL_ITEMS)

        async def one(item: FeedItem) -> _Built | None:
            async with gate:
                try:
                    return await self.article(item, feed_url)
                except EmptyArticleError:
                    return None

        tasks = [asyncio.ensure_future(one(item)) for item in items]
        try:
            for next_done in asyncio.as_completed(tasks):
                built = await next_done
                if built is not None:
                    yield built
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)


@dataclass(frozen=True, slots=True)
class _Built:
    """An item's article, the URLs that led to it, and its near-duplicate fingerprint."""

    article: Article
    urls: list[str]
    fingerprint: Fingerprint | None


async def _unseen(
    feed: ParsedFeed, settings: FetcherSettings, state: FetcherState | None
) -> tuple[list[FeedItem], int]:
    """The feed's new items (`_new_items`) not yet seen in `state`, and how many were: an item
    published, or counted as a duplicate and recorded, on an earlier poll was counted then."""
    items = _new_items(feed, settings)
    if state is None:
        return items, 0
    fresh = [i for i in items if not await off_loop(state.is_seen, article_id(i.url or ""))]
    return fresh, len(items) - len(fresh)


async def fetch_url(
    client: SafeClient,
    url: str,
    *,
    settings: FetcherSettings,
    state: FetcherState | None = None,
    limiter: HostLimiter | None = None,
) -> FetchOutcome:
    """Articles at `url`: a feed yields its items' articles (pages fetched when
    `settings.fetch_pages`), a page yields one article. With `state`, items already published
    are skipped (counted in `already_seen`); nothing is marked seen here.

    Raises FetchError (errors.py) when `url` itself cannot be fetched or read.
    """
    limiter = limiter or HostLimiter(settings.per_host_concurrency, settings.per_host_rate)
    fetcher = _Fetcher(client, settings, limiter, Tally())
    result = await fetcher.get(url, accept=FEED_ACCEPT + ", text/html;q=0.7")
    if _is_html(result):
        text, _encoding = decode(result.body, result.charset)
        page = await asyncio.to_thread(extract_page, text, url=result.final_url)
        article = build_article(url=result.final_url, fetched_at=dt.datetime.now(dt.UTC), page=page)
        outcome = FetchOutcome(url, result.final_url, "page", tally=fetcher.tally)
        sketch = await asyncio.to_thread(fingerprint, article.text)
        if await _duplicate(state, article, sketch, fetcher.tally) is not None:
            outcome.already_seen = 1
        else:
            outcome.articles.append(article)
        return outcome
    feed = await _parse(result)
    outcome = FetchOutcome(
        url, result.final_url, "feed", feed_title=feed.title, tally=fetcher.tally
    )
    fresh, outcome.already_seen = await _unseen(feed, settings, state)
    async with aclosing(fetcher.articles(fresh, result.final_url)) as built:
        async for one in built:
            if await _duplicate(state, one.article, one.fingerprint, fetcher.tally) is not None:
                outcome.already_seen += 1
                continue
            outcome.articles.append(one.article)
    return outcome


async def _duplicate(
    state: FetcherState | None, article: Article, sketch: Fingerprint | None, tally: Tally
) -> Duplicate | None:
    """What published article `article` repeats (counted in `tally` by reason), None when it
    is new; records nothing."""
    found = None if state is None else await off_loop(state.find_duplicate, article, sketch)
    if found is not None:
        tally.duplicates[found.reason] += 1
    return found


async def _parse(result: FetchResult) -> ParsedFeed:
    return await asyncio.to_thread(
        parse_feed, result.body, content_type=result.content_type, base_url=result.final_url
    )


def _new_items(feed: ParsedFeed, settings: FetcherSettings) -> list[FeedItem]:
    """Items with a link, each link once, at most `max_items_per_poll`."""
    seen: set[str] = set()
    items = []
    for item in feed.items:
        if not item.url or item.url in seen or urlsplit(item.url).scheme not in ("http", "https"):
            continue
        seen.add(item.url)
        items.append(item)
    return items[: settings.max_items_per_poll]


async def poll_feed(
    client: SafeClient,
    feed: FeedConfig,
    state: FetcherState,
    settings: FetcherSettings,
    publish: Publish,
    *,
    limiter: HostLimiter | None = None,
    now: Callable[[], float] = time.time,
    rng: random.Random | None = None,
) -> PollResult:
    """Poll one feed once and update its schedule; never raises for feed trouble (the result
    says what happened). An exception from `publish` ends the poll with outcome `error`, reason
    `publish`; the unpublished items stay unseen and are retried on the next poll."""
    default_interval = feed.interval or settings.default_poll_interval_seconds
    schedule = await off_loop(state.schedule, feed.url, default_interval=default_interval)
    if schedule.disabled or not feed.enabled:
        reason = schedule.disabled_reason if schedule.disabled else "config"
        return PollResult(feed.url, "disabled", disabled_reason=reason)
    limiter = limiter or HostLimiter(settings.per_host_concurrency, settings.per_host_rate)
    fetcher = _Fetcher(client, settings, limiter, Tally())
    poll = _Poll(feed, state, settings, schedule, now, rng, fetcher.tally)
    validators = await off_loop(state.validators, feed.url)
    target = schedule.redirect_to or feed.url
    try:
        result = await fetcher.get(
            target,
            etag=validators.etag,
            last_modified=validators.last_modified,
            accept=FEED_ACCEPT,
        )
    except HTTPStatusError as exc:
        return await poll.failed(
            "error", exc.reason, status=exc.status, retry_after=exc.retry_after
        )
    except RefusedError as exc:
        return await poll.failed("refused", exc.reason)
    except FetchError as exc:
        return await poll.failed("error", exc.reason)
    if result.permanent_redirect:
        await off_loop(
            state.set_permanent_redirect,
            feed.url,
            result.permanent_redirect,
            interval=default_interval,
        )
        schedule = poll.schedule = replace(schedule, redirect_to=result.permanent_redirect)
    if result.not_modified:
        return await poll.succeeded("not_modified", result.status, new_items=0, items_in_feed=0)
    try:
        parsed = await _parse(result)
    except ContentError as exc:
        return await poll.failed("error", exc.reason, status=result.status)
    outcome = PollResult(feed.url, "ok", status=result.status, items_in_feed=len(parsed.items))
    fresh, outcome.already_seen = await _unseen(parsed, settings, state)
    async with aclosing(fetcher.articles(fresh, feed.url)) as built:
        async for one in built:
            article = one.article
            duplicate = await _duplicate(state, article, one.fingerprint, fetcher.tally)
            if duplicate is not None:
                outcome.duplicates += 1
                # The repeat's URLs (canonical first: one alias per canonical URL is kept) now
                # lead to the published article: skipped before any fetch next time, and
                # listed as where else the story ran.
                await off_loop(state.record_duplicate, duplicate, [article.url, *one.urls])
                continue
            try:
                await publish(article)
            except Exception as exc:  # the broker's failure: retried next poll, never lost
                name = type(exc).__name__
                log.warning("publish failed for %s: %s: %s", article.id, name, exc)
                return await poll.publish_failed(outcome)
            await off_loop(
                state.mark_published, article, aliases=one.urls, fingerprint=one.fingerprint
            )
            outcome.new_items += 1
    # Validators only after every new item was published: a crash before this point makes the
    # next poll a full GET again instead of a 304 that would hide unpublished items.
    await off_loop(
        state.save_validators,
        feed.url,
        Validators(result.etag, result.last_modified),
        interval=default_interval,
    )
    return await poll.succeeded(
        "ok",
        result.status,
        new_items=outcome.new_items,
        items_in_feed=outcome.items_in_feed,
        duplicates=outcome.duplicates,
        already_seen=outcome.already_seen,
    )


@dataclass(slots=True)
class _Poll:
    """Schedule updates at the end of a poll."""

    feed: FeedConfig
    state: FetcherState
    settings: FetcherSettings
    schedule: FeedSchedule
    now: Callable[[], float]
    rng: random.Random | None
    tally: Tally

    async def succeeded(
        self,
        outcome: PollOutcome,
        status: int,
        *,
        new_items: int,
        items_in_feed: int,
        duplicates: int = 0,
        already_seen: int = 0,
    ) -> PollResult:
        now = self.now()
        if self.feed.interval is not None:
            interval = self.feed.interval
        else:
            bounds = Bounds(
                self.settings.min_poll_interval_seconds, self.settings.max_poll_interval_seconds
            )
            interval = next_interval(self.schedule.interval, new_items, bounds)
        schedule = replace(
            self.schedule,
            interval=interval,
            next_poll_at=now + interval,
            failures=0,
            failing_since=None,
            last_success_at=now,
            items_total=self.schedule.items_total + new_items,
        )
        await off_loop(self.state.save_schedule, schedule)
        return PollResult(
            self.feed.url,
            outcome,
            status=status,
            items_in_feed=items_in_feed,
            new_items=new_items,
            duplicates=duplicates,
            already_seen=already_seen,
            next_poll_at=schedule.next_poll_at,
            tally=self.tally,
        )

    async def failed(
        self,
        outcome: PollOutcome,
        reason: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> PollResult:
        now = self.now()
        failures = self.schedule.failures + 1
        failing_since = self.schedule.failing_since or now
        disabled = disable_reason(
            status=status,
            failures=failures,
            failing_since=failing_since,
            now=now,
            max_failures=self.settings.max_consecutive_failures,
            max_failing_seconds=self.settings.disable_after_failing_seconds,
        )
        delay = failure_delay(failures, status=status, retry_after=retry_after, rng=self.rng)
        schedule = replace(
            self.schedule,
            next_poll_at=now + delay,
            failures=failures,
            failing_since=failing_since,
            last_error=reason if status is None else f"{reason} (HTTP {status})",
            last_error_at=now,
            disabled=disabled is not None,
            disabled_reason=disabled,
        )
        await off_loop(self.state.save_schedule, schedule)
        return PollResult(
            self.feed.url,
            "disabled" if disabled else outcome,
            reason=reason,
            status=status,
            next_poll_at=schedule.next_poll_at,
            disabled_reason=disabled,
            tally=self.tally,
        )

    async def publish_failed(self, partial: PollResult) -> PollResult:
        """The broker is away: retry soon, and do not count it against the feed."""
        now = self.now()
        schedule = replace(
            self.schedule,
            next_poll_at=now + self.settings.min_poll_interval_seconds,
            last_error="publish",
            last_error_at=now,
            items_total=self.schedule.items_total + partial.new_items,
        )
        await off_loop(self.state.save_schedule, schedule)
        partial.outcome = "error"
        partial.reason = "publish"
        partial.next_poll_at = schedule.next_poll_at
        partial.tally = self.tally
        return partial
