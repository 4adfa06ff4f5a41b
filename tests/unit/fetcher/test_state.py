"""SQLite state: persistence across reopen, dedup by id, alias URL and content hash."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from services.fetcher.articles import build_article
from services.fetcher.feed_model import FeedItem
from services.fetcher.state import FeedSchedule, FetcherState, Validators
from shared.identity import article_id, content_hash

NOW = dt.datetime(2025, 12, 20, 12, 0, tzinfo=dt.UTC)


def test_seen_survives_reopen_and_matches_aliases_and_hash(tmp_path: Path) -> None:
    db = tmp_path / "state" / "fetcher.sqlite3"
    article = build_article(
        url="https://example.com/story",
        fetched_at=NOW,
        item=FeedItem(url="https://example.com/story", content_text="Same words."),
    )
    with FetcherState(db) as state:
        assert not state.is_seen(article.id, article.content_hash)
        state.mark_published(article, aliases=["https://feeds.example.com/redirect/story"])
    with FetcherState(db) as state:
        assert state.is_seen(article.id)
        assert state.is_url_seen("https://example.com/story?utm_source=rss")  # canonical form
        assert state.is_url_seen("https://feeds.example.com/redirect/story")
        other_url = article_id("https://mirror.example.net/copy")
        assert state.is_seen(other_url, content_hash("same WORDS"))
        assert not state.is_seen(other_url, content_hash("different words"))
        assert state.seen_count() == 1


def test_validators_schedule_and_redirect_persist(tmp_path: Path) -> None:
    db = tmp_path / "fetcher.sqlite3"
    feed = "https://example.com/feed"
    with FetcherState(db) as state:
        assert state.validators(feed) == Validators()
        fresh = state.schedule(feed, default_interval=900)
        assert fresh == FeedSchedule(url=feed, interval=900)
        state.save_validators(
            feed, Validators('"e1"', "Sat, 20 Dec 2025 10:00:00 GMT"), interval=900
        )
        state.save_schedule(
            FeedSchedule(
                url=feed,
                interval=450,
                next_poll_at=1000.5,
                failures=2,
                failing_since=10.0,
                last_error="status_5xx (HTTP 503)",
                items_total=7,
                disabled=True,
                disabled_reason="failing",
            )
        )
        state.set_permanent_redirect(feed, "https://example.com/new-feed", interval=900)
    with FetcherState(db) as state:
        assert state.validators(feed).etag == '"e1"'
        schedule = state.schedule(feed, default_interval=900)
        assert schedule.interval == 450
        assert schedule.failures == 2
        assert schedule.disabled
        assert schedule.disabled_reason == "failing"
        assert schedule.redirect_to == "https://example.com/new-feed"
        assert state.permanent_redirect(feed) == "https://example.com/new-feed"
        state.enable(feed)
        enabled = state.schedule(feed, default_interval=900)
        assert not enabled.disabled
        assert enabled.failures == 0
        assert [s.url for s in state.schedules()] == [feed]


def test_wal_mode_lets_another_connection_read(tmp_path: Path) -> None:
    db = tmp_path / "fetcher.sqlite3"
    with FetcherState(db) as state:
        state.save_validators("https://e.com/f", Validators("x", None), interval=900)
        reader = sqlite3.connect(db)
        try:
            assert reader.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert reader.execute("SELECT etag FROM feeds").fetchone()[0] == "x"
        finally:
            reader.close()
