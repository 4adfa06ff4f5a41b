"""The indexer's own metrics: writes, freshness and search."""

from __future__ import annotations

import datetime as dt

from prometheus_client import Counter, Histogram

from shared.metrics import zero
from shared.models import EnrichedArticle

# The search types the API serves (an unknown `type` is counted as `invalid`, always a 400).
_SEARCH_TYPES = ("articles", "events")

INDEX_WRITES = Counter("newsflow_index_writes", "Rows upserted into the index.", ["kind"])
INDEX_WRITE_DURATION = Histogram(
    "newsflow_index_write_duration_seconds",
    "Wall time of one batched upsert transaction.",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
FRESHNESS = Histogram(
    "newsflow_freshness_seconds",
    "Seconds from publication (since=published) or fetch (since=fetched) to indexed.",
    ["since"],
    # From seconds (a live feed) to weeks (a backfill or a feed with old items).
    buckets=(1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 4 * 3600, 86400, 7 * 86400, 30 * 86400),
)
SEARCH_REQUESTS = Counter(
    "newsflow_search_requests",
    "Search API requests by result type and HTTP status.",
    ["type", "status"],
)
SEARCH_DURATION = Histogram(
    "newsflow_search_duration_seconds",
    "Search API latency.",
    ["type"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
)

zero(INDEX_WRITES, kind=["articles", "events"])
zero(FRESHNESS, since=["published", "fetched"])
# 200 served, 400 a bad parameter, 500 a failure, 503 the store away: what the alert divides.
zero(SEARCH_REQUESTS, type=_SEARCH_TYPES, status=["200", "400", "500", "503"])
zero(SEARCH_REQUESTS, type=["invalid"], status=["400"])
zero(SEARCH_DURATION, type=[*_SEARCH_TYPES, "invalid"])


def observe_indexed(batch: list[EnrichedArticle], now: dt.datetime) -> None:
    for enriched in batch:
        article = enriched.article
        FRESHNESS.labels(since="published").observe(
            max(0.0, (now - article.published_at).total_seconds())
        )
        FRESHNESS.labels(since="fetched").observe(
            max(0.0, (now - article.fetched_at).total_seconds())
        )
    INDEX_WRITES.labels(kind="articles").inc(len(batch))
    INDEX_WRITES.labels(kind="events").inc(sum(len(e.events) for e in batch))


def observe_search(kind: str, status: int, seconds: float) -> None:
    SEARCH_REQUESTS.labels(type=kind, status=str(status)).inc()
    SEARCH_DURATION.labels(type=kind).observe(seconds)
