"""`newsflow feeds list|add|import-opml`: the fetcher's feeds and their health."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.console import Console

from services.cli.output import plural, print_rows
from services.cli.up_state import polled_feeds_file
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
    polled = polled_feeds_file(settings.state_dir) if settings.feeds_file is None else None
    if polled is not None:
        path = polled  # what a running `newsflow up` (perhaps --demo) gave its fetcher
    err = Console(stderr=True)
    try:
        feeds = load_feeds(path) if path.exists() else []
    except FeedsFileError as exc:
        err.print(f"newsflow: {exc}")
        return 2
    rows: list[list[str]] = []
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
            rows.append(
                [
                    feed.name or "-",
                    health,
                    _when(s.last_success_at),
                    f"{_when(s.last_error_at)} {s.last_error or ''}".strip()
                    if s.last_error
                    else "-",
                    str(s.items_total),
                    _when(s.next_poll_at) if s.next_poll_at else "now",
                    feed.url,
                ]
            )
    columns = ("name", "health", "last success", "last error", "items", "next poll", "url")
    print_rows(Console(), f"{plural(len(feeds), 'feed')} in {path}", columns, rows, whole=6)
    return 0


def run_feeds_add(url: str, name: str | None) -> int:
    settings = load(FetcherSettings)
    try:
        added = add_feeds(settings.resolved_feeds_file, [FeedConfig(url=url, name=name)])
    except (FeedsFileError, ValueError) as exc:
        Console(stderr=True).print(f"newsflow: {exc}")
        return 2
    print(f"added {plural(len(added), 'feed')} to {settings.resolved_feeds_file}")
    return 0


def run_feeds_import(file: Path) -> int:
    settings = load(FetcherSettings)
    try:
        feeds = parse_opml(file.read_bytes())
        added = add_feeds(settings.resolved_feeds_file, feeds)
    except (OSError, FeedsFileError) as exc:
        Console(stderr=True).print(f"newsflow: {exc}")
        return 2
    print(
        f"imported {len(added)} new of {plural(len(feeds), 'feed')} "
        f"into {settings.resolved_feeds_file}"
    )
    return 0
