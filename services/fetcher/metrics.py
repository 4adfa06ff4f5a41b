"""The fetcher's metrics: polls, HTTP, bytes, refusals, articles, per-feed freshness."""

from __future__ import annotations

import hashlib
from typing import get_args

from prometheus_client import Counter, Gauge, Histogram

from services.fetcher.errors import RefusalReason
from services.fetcher.feeds_config import FeedConfig
from services.fetcher.fetch import PollOutcome, PollResult
from services.fetcher.state import DuplicateReason
from shared.metrics import zero

_REFUSALS = set(get_args(RefusalReason))
_KINDS = ("feed", "page")
_STATUS_CLASSES = ("2xx", "3xx", "4xx", "5xx", "none")

FEED_POLLS = Counter("newsflow_feed_polls", "Feed polls by outcome.", ["outcome"])
HTTP_RESPONSES = Counter(
    "newsflow_http_responses", "HTTP responses by kind and status class.", ["kind", "status_class"]
)
FETCHED_BYTES = Counter("newsflow_fetched_bytes", "Bytes read on the wire.", ["kind"])
FETCH_DURATION = Histogram(
    "newsflow_fetch_duration_seconds",
    "Time of one feed poll, its new items' pages included (kind=feed).",
    ["kind"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120),
)
REFUSALS = Counter("newsflow_fetch_refusals", "Fetches refused by policy, by reason.", ["reason"])
ARTICLES_PUBLISHED = Counter("newsflow_articles_published", "Articles published.")
DEDUPLICATED = Counter(
    "newsflow_articles_deduplicated",
    "Feed items not published again: already seen by canonical URL or content hash.",
    ["reason"],
)
EXTRACTION_FAILURES = Counter(
    "newsflow_page_extraction_failures",
    "Article pages with no usable main text (the feed's text stands in).",
    ["reason"],
)
LAST_SUCCESS = Gauge(
    "newsflow_feed_last_success_timestamp_seconds",
    "Unix time of each feed's last successful poll.",
    ["feed"],
)

# Every series a poll may touch exists at zero from the start (the per-feed gauge has no value
# to start at, and page failures of other fetch reasons appear when they first happen).
zero(FEED_POLLS, outcome=get_args(PollOutcome))
zero(HTTP_RESPONSES, kind=_KINDS, status_class=_STATUS_CLASSES)
zero(FETCHED_BYTES, kind=_KINDS)
zero(FETCH_DURATION, kind=["feed"])
zero(REFUSALS, reason=_REFUSALS)
zero(DEDUPLICATED, reason=get_args(DuplicateReason))
zero(EXTRACTION_FAILURES, reason=["not_html", "empty_page", "empty"])


def feed_label(feed: FeedConfig) -> str:
    """A bounded, URL-free label: the feed's name, else a short hash of its URL."""
    return feed.name or "feed-" + hashlib.sha256(feed.url.encode()).hexdigest()[:8]


def observe_poll(feed: FeedConfig, result: PollResult, seconds: float) -> None:
    FEED_POLLS.labels(outcome=result.outcome).inc()
    if result.outcome == "disabled":
        return
    FETCH_DURATION.labels(kind="feed").observe(seconds)
    HTTP_RESPONSES.labels(kind="feed", status_class=result.status_class or "none").inc()
    for status_class, n in result.tally.page_status_classes.items():
        HTTP_RESPONSES.labels(kind="page", status_class=status_class).inc(n)
    for kind, n in result.tally.bytes_by_kind.items():
        FETCHED_BYTES.labels(kind=kind).inc(n)
    if result.outcome == "refused" and result.reason:
        REFUSALS.labels(reason=result.reason).inc()
    for reason, n in result.tally.extraction_failures.items():
        EXTRACTION_FAILURES.labels(reason=reason).inc(n)
        page_reason = reason.removeprefix("page_")
        if page_reason in _REFUSALS:
            REFUSALS.labels(reason=page_reason).inc(n)
    for reason, n in result.tally.duplicates.items():
        DEDUPLICATED.labels(reason=reason).inc(n)
    if result.outcome in ("ok", "not_modified"):
        LAST_SUCCESS.labels(feed=feed_label(feed)).set_to_current_time()
