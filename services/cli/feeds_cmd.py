"""`newsflow feeds list|add|import-opml`: the fetcher's feeds and their health."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.console import Console
from rich.table import Table

from services.fetcher.feeds_config import (
    FeedConfig,
    FeedsFileError,
    add_feeds,
    load_feeds,
    parse_opml,
)
from services.fetcher.settings import FetcherSettings
from services.fetcher.state import FetcherState
from shared.settings import load


def _when(ts: float | None) -> str:
    if ts is None:
        return "-"
    return dt.datetime.fromtimestamp(ts, dt.UTC).strftime("%Y-%m-%d %H:%M:%S")


def run_feeds_list() -> int:
    settings = load(FetcherSettings)
    path = settings.resolved_feeds_file
    err = Console(stderr=True)
    try:
        feeds = load_feeds(path) if path.exists() else []
    except FeedsFileError as exc:
        err.print(f"newsflow: {exc}")
        return 2
    table = Table(title=f"{len(feeds)} feeds in {path}")
    for column in ("name", "url", "health", "last success", "last error", "items", "next poll"):
        table.add_column(column)
    settings.state_dir.mkdir(parents=True, exist_ok=True)
    with FetcherState(settings.state_db) as state:
        for feed in feeds:
            s = state.schedule(
                feed.url, default_interval=feed.interval or settings.default_poll_interval_seconds
            )
            if s.disabled or not feed.enabled:
                health = f"disabled ({s.disabled_reason or 'config'})"
            elif s.failures:
                health = f"failing ×{s.failures}"
            elif s.last_success_at is None:
                health = "new"
            else:
                health = "ok"
            table.add_row(
                feed.name or "-",
                feed.url,
                health,
                _when(s.last_success_at),
                f"{_when(s.last_error_at)} {s.last_error or ''}".strip() if s.last_error else "-",
                str(s.items_total),
                _when(s.next_poll_at) if s.next_poll_at else "now",
            )
    Console().print(table)
    return 0


def run_feeds_add(url: str, name: str | None) -> int:
    settings = load(FetcherSettings)
    try:
        added = add_feeds(settings.resolved_feeds_file, [FeedConfig(url=url, name=name)])
    except (FeedsFileError, ValueError) as exc:
        Console(stderr=True).print(f"newsflow: {exc}")
        return 2
    print(f"added {len(added)} feed(s) to {settings.resolved_feeds_file}")
    return 0


def run_feeds_import(file: Path) -> int:
    settings = load(FetcherSettings)
    try:
        feeds = parse_opml(file.read_bytes())
        added = add_feeds(settings.resolved_feeds_file, feeds)
    except (OSError, FeedsFileError) as exc:
        Console(stderr=True).print(f"newsflow: {exc}")
        return 2
    print(f"imported {len(added)} new of {len(feeds)} feeds into {settings.resolved_feeds_file}")
    return 0
