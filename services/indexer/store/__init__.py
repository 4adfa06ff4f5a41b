"""The index store: where enriched articles are written and searched, on SQLite or PostgreSQL.

Callers import from here (`open_store`, `Store`, the errors and constants); the modules are:

- `base`: the `Store` protocol, the error tree and the schema constants;
- `sql`: the search SQL of a query, the same for both backends but for a `Dialect`;
- `upsert`: the statements of one article's upsert, from the same `Dialect`;
- `rows`: result rows into hits, cursors and facets;
- `sqlite`, `postgres`: the backends, which run that SQL on their driver;
- `rebuild`: a new index built beside the live one and swapped in (`newsflow reindex`); like
  this `__init__`, it imports a backend only when a URL asks for it.

`base` and `sql` import nothing of the package, `upsert` and `rows` only `sql`, and the
backends only those four, never this `__init__`; it imports a backend only inside `open_store`, so a
process loads only the driver it uses.
"""

from __future__ import annotations

from services.indexer.store.base import (
    DEFAULT_FACET_SIZE,
    SCHEMA_VERSION,
    QueryRejected,
    SchemaMismatch,
    Store,
    StoreError,
    StoreUnavailable,
    sqlite_path,
)
from services.indexer.store.sql import FACET_SAMPLE, RECENT_MATCHES

__all__ = [
    "DEFAULT_FACET_SIZE",
    "FACET_SAMPLE",
    "RECENT_MATCHES",
    "SCHEMA_VERSION",
    "QueryRejected",
    "SchemaMismatch",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "open_store",
    "sqlite_path",
]


def open_store(url: str, *, pool_size: int = 8) -> Store:
    """The store for an index URL: `sqlite:///path` or `postgresql://...` (not yet opened)."""
    scheme = url.split(":", 1)[0].lower()
    if scheme == "sqlite":
        from services.indexer.store.sqlite import SqliteStore

        return SqliteStore(sqlite_path(url), readers=pool_size)
    if scheme in ("postgresql", "postgres"):
        from services.indexer.store.postgres import PostgresStore

        return PostgresStore(url, pool_size=pool_size)
    raise ValueError(f"unsupported index URL scheme {scheme!r}: use sqlite:/// or postgresql://")
