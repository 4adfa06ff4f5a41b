"""The fetcher's settings: one object, `NEWSFLOW_` environment variables, read once at start."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, model_validator

from shared.settings import NewsflowSettings, per_service

FEEDS_FILE_NAME = "feeds.toml"
STATE_DB_NAME = "fetcher.sqlite3"


class FetcherSettings(NewsflowSettings):
    """What the fetcher needs beyond the shared base: feeds, HTTP safety limits, polling."""

    feeds_file: Path | None = Field(
        default=None,
        description="TOML file of feeds ([[feeds]] url=...). Unset: <state_dir>/feeds.toml.",
    )
    allow_private_addresses: bool = Field(
        # Off by default: a feed or redirect pointing at 127.0.0.1 or 10.x is a way to make the
        # fetcher probe the operator's own network (SSRF). Tests on 127.0.0.1 turn it on.
        default=False,
        description="Allow loopback, private, link-local and reserved addresses.",
    )
    user_agent: str = Field(
        # Publishers block anonymous clients; a name and a URL let them contact us instead.
        default="Newsflow/0.1 (+https://github.com/newsflow/newsflow)",
        min_length=1,
    )
    connect_timeout_seconds: float = Field(
        # A healthy server answers SYN in well under a second; 10 s covers slow links.
        default=10.0,
        gt=0,
        le=120,
    )
    read_timeout_seconds: float = Field(
        # Gap allowed between two reads; the overall deadline below bounds the whole response.
        default=20.0,
        gt=0,
        le=300,
    )
    max_bytes: int = Field(
        # Bytes on the wire. The largest real news feeds we have seen are ~2.5 MB; article
        # pages rarely pass 2 MB. 10 MiB leaves room without letting one response eat memory.
        default=10 * 1024 * 1024,
        ge=1024,
    )
    max_decompressed_bytes: int = Field(
        # gzip reaches ~1000:1 on repetitive input, so the wire cap alone does not bound memory.
        # Twice the wire cap: real HTML/XML compresses 4-10x, yet a huge real feed still fits.
        default=20 * 1024 * 1024,
        ge=1024,
    )
    max_total_seconds: float = Field(
        # Overall deadline per fetch (all redirect hops): a server dripping one byte per second
        # never trips a per-read timeout, so this is what cuts it off.
        default=60.0,
        gt=0,
        le=600,
    )
    max_redirects: int = Field(
        # Browsers stop at 20; feeds and article links rarely need more than 3 (http->https,
        # www, tracking hop). 5 ends loops early without breaking real chains.
        default=5,
        ge=0,
        le=20,
    )
    per_host_concurrency: int = Field(
        # Two parallel requests per publisher is polite (RFC 9112 used to say two connections).
        default=2,
        ge=1,
        le=32,
    )
    per_host_rate: float = Field(
        # Requests per second per host: a feed of 50 new items must not hit the publisher with
        # 50 page fetches at once; 1/s keeps us well below any rate limiter.
        default=1.0,
        gt=0,
        le=100,
    )
    min_poll_interval_seconds: float = Field(
        # Busy news feeds change every few minutes; polling faster than 5 min gains little
        # and is what gets clients blocked.
        default=300.0,
        gt=0,
    )
    max_poll_interval_seconds: float = Field(
        # A quiet feed is still checked at least every 6 hours.
        default=6 * 3600.0,
        gt=0,
    )
    default_poll_interval_seconds: float = Field(
        # Start at 15 min; the adaptive interval moves from there.
        default=900.0,
        gt=0,
    )
    max_consecutive_failures: int = Field(
        # With exponential backoff 10 failures already span many hours; together with
        # `disable_after_failing_seconds` a feed is only disabled after a long outage.
        default=10,
        ge=1,
    )
    disable_after_failing_seconds: float = Field(
        # A week of failure: long enough to ride out a site migration or an outage.
        default=7 * 24 * 3600.0,
        gt=0,
    )
    fetch_pages: bool = Field(
        # Feed summaries are often one sentence; the article page has the text to extract.
        default=True,
        description="Fetch each item's page and extract its main text.",
    )
    max_items_per_poll: int = Field(
        # A first poll of a feed with a huge archive would otherwise fetch hundreds of pages.
        default=100,
        ge=1,
    )
    ops_host: str = Field(
        # Loopback by default: metrics are not for the world; containers set 0.0.0.0.
        default="127.0.0.1",
    )
    ops_port: int = Field(
        # 9101: next to node_exporter's 9100, the usual neighbourhood for exporters.
        default=9101,
        ge=1,
        le=65535,
        validation_alias=per_service("fetcher", "ops_port"),
    )

    @model_validator(mode="after")
    def _ordered_intervals(self) -> FetcherSettings:
        lo, hi = self.min_poll_interval_seconds, self.max_poll_interval_seconds
        if lo > hi:
            raise ValueError("min_poll_interval_seconds must not exceed max_poll_interval_seconds")
        if not lo <= self.default_poll_interval_seconds <= hi:
            raise ValueError(
                "default_poll_interval_seconds must lie between min_poll_interval_seconds and "
                "max_poll_interval_seconds"
            )
        return self

    @property
    def resolved_feeds_file(self) -> Path:
        """The feeds file in use: the setting, else `<state_dir>/feeds.toml`."""
        return self.feeds_file if self.feeds_file is not None else self.state_dir / FEEDS_FILE_NAME

    @property
    def state_db(self) -> Path:
        """The fetcher's SQLite state (seen items, validators, schedule)."""
        return self.state_dir / STATE_DB_NAME
