"""The indexer's settings: where the index lives, where the API listens, how big batches are."""

from __future__ import annotations

from pydantic import Field

from shared.settings import NewsflowSettings, per_service

# The default index sits in the shared state directory so `newsflow up` and `newsflow search`
# find the same file without configuration (DESIGN.md: sqlite is the default store).
DEFAULT_INDEX_FILE = "index.sqlite3"


class IndexerSettings(NewsflowSettings):
    """`NEWSFLOW_*` settings of the indexer and its search API."""

    index_url: str | None = Field(
        default=None,
        description="sqlite:///path or postgresql://...; unset means "
        "sqlite:///<state_dir>/index.sqlite3.",
    )
    api_host: str = Field(default="127.0.0.1", description="Address the search API binds.")
    api_port: int = Field(default=8000, ge=1, le=65535, description="Port of the search API.")
    batch_size: int = Field(
        # One transaction per batch: 100 enriched articles is a few MB of rows, small enough that
        # a batch commits in well under a second on SQLite and large enough to amortise fsyncs.
        default=100,
        ge=1,
        le=10_000,
        validation_alias=per_service("indexer", "batch_size"),
        description="Enriched articles written per transaction (NEWSFLOW_INDEXER_BATCH_SIZE).",
    )
    batch_max_wait_seconds: float = Field(
        # Freshness matters more than batch fullness when the feed is quiet.
        default=1.0,
        gt=0,
        le=60,
        description="Longest wait for a batch to fill before writing what is in hand.",
    )
    search_default_limit: int = Field(
        default=20, ge=1, le=100, description="Results per page when `limit` is not given."
    )
    search_max_limit: int = Field(
        # 100 is the hard ceiling of the query model; an operator may lower it, not raise it.
        default=100,
        ge=1,
        le=100,
        description="Largest `limit` the API accepts.",
    )
    facet_size: int = Field(
        default=10, ge=1, le=100, description="Values returned per facet (top N)."
    )
    index_pool_size: int = Field(
        # Enough connections for the writer plus a handful of concurrent searches.
        default=8,
        ge=1,
        le=100,
        description="PostgreSQL pool size / SQLite reader connections.",
    )

    def resolved_index_url(self) -> str:
        """The store URL to open: the setting, else the SQLite file in the state directory."""
        if self.index_url:
            return self.index_url
        return f"sqlite:///{self.state_dir / DEFAULT_INDEX_FILE}"
