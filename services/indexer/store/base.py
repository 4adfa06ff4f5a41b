"""What every index store shares: the `Store` protocol, its errors and constants.

Errors a store raises::

    StoreError                 any failure of the index itself
    ├── StoreUnavailable       cannot reach or lock the database: retry the batch with backoff
    │                          (indexer); answer 503 (API)
    ├── SchemaMismatch         the database holds a newer schema than this code: stop the
    │                          process, an operator must upgrade it
    └── QueryRejected          the engine refused a query's text: answer 400, never retry

A message that fails validation never reaches the store (the caller dead-letters it).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from services.indexer.query import SearchQuery
from services.indexer.results import EventHit, Facets, SearchPage, UpsertStats
from shared.models import EnrichedArticle

# Bumped when the tables change shape; a store refuses to open a database with a newer one and
# rebuilds one of an older one from the messages it holds (version 1: text ids in every row, the
# message stored whole and again per event; version 2: each event's text id in its row, with a
# unique index and in both date indexes, the message packed without a dictionary and with its
# events' sentences; version 3: an actor's event rows without their start date, so an actor
# and a date range were two lists joined; version 4, on PostgreSQL: no index of word pairs, and
# an event's actors, places and countries as rows of their own tables; version 5, on
# PostgreSQL: an article's actors and places as rows of their own tables; version 6, on
# PostgreSQL: names beside every key, the text in a column, countries as text).
SCHEMA_VERSION = 7
# Messages read from an old index per step of its rebuild: a few MB in memory at a time.
REBUILD_BATCH = 500
# Top values per facet unless the caller asks otherwise.
DEFAULT_FACET_SIZE = 10


class StoreError(Exception):
    """A failure of the index store."""


class StoreUnavailable(StoreError):
    """The database cannot be reached or is busy: transient, retry."""


class SchemaMismatch(StoreError):
    """The database was written by a newer Newsflow: permanent until an upgrade."""


class QueryRejected(StoreError):
    """The search engine refused the query text: the client's fault."""


class Store(Protocol):
    """An index of enriched articles and their events, with search.

    `upsert` is idempotent: writing the same EnrichedArticle again changes nothing, and a newer
    extraction of an article replaces its entities, places and events (events it no longer has
    are removed). An older extraction than the one stored is skipped (counted as stale).
    """

    async def open(self) -> None:
        """Connect and create the schema (idempotent)."""

    async def close(self) -> None:
        """Release connections; safe to call twice."""

    async def ping(self) -> bool:
        """True when the database answers a trivial query."""

    async def upsert(self, batch: Sequence[EnrichedArticle]) -> UpsertStats:
        """Write a batch in one transaction."""

    async def search(self, query: SearchQuery) -> SearchPage:
        """One page of articles or events, with the next page's cursor."""

    async def facets(self, query: SearchQuery, size: int = DEFAULT_FACET_SIZE) -> Facets:
        """Top actors, places, countries and event types over the query's results (over its
        `sql.RECENT_MATCHES` most recently indexed when it has more: `Facets.approximate`)."""

    async def search_with_facets(
        self, query: SearchQuery, size: int = DEFAULT_FACET_SIZE
    ) -> tuple[SearchPage, Facets]:
        """`search` and `facets` of one query, from one plan of it (one sample of its filters'
        share, one connection)."""

    async def get_article(self, article_id: str) -> EnrichedArticle | None:
        """The stored EnrichedArticle, or None."""

    async def get_event(self, event_id: str) -> EventHit | None:
        """The stored event with its article's headline facts, or None."""


def sqlite_path(url: str) -> Path:
    """The file of a `sqlite:///path` URL (`sqlite:////abs/path` for an absolute path)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or len(url) == len(prefix):
        raise ValueError(f"expected sqlite:///path, got {url!r}")
    path = url[len(prefix) :].split("?", 1)[0]
    if path == ":memory:":
        raise ValueError("an in-memory SQLite index cannot be shared by connections; use a file")
    return Path(path)
