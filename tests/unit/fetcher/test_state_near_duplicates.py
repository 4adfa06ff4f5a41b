"""The near-duplicate index in SQLite: found across reopen, aliases recorded, bounded, migrated."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from services.fetcher import state as state_module
from services.fetcher.articles import build_article
from services.fetcher.feed_model import FeedItem
from services.fetcher.near_duplicates import fingerprint
from services.fetcher.state import Duplicate, FetcherState
from shared.models import Article

from .test_near_duplicates import FOLLOW_UP, WIRE, boilerplate, every_change

NOW = dt.datetime(2025, 12, 20, 12, 0, tzinfo=dt.UTC)


def article(url: str, text: str) -> Article:
    return build_article(url=url, fetched_at=NOW, item=FeedItem(url=url, content_text=text))


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def publish(state: FetcherState, a: Article, *aliases: str) -> None:
    state.mark_published(a, aliases=aliases, fingerprint=fingerprint(a.text))


def test_near_duplicate_found_after_reopen_and_alias_recorded(tmp_path: Path) -> None:
    db = tmp_path / "fetcher.sqlite3"
    original = article("https://wire.example.com/border-talks", WIRE)
    copy = article("https://daily.example.org/world/geneva-talks", every_change(WIRE))
    unrelated = article("https://wire.example.com/proposals", FOLLOW_UP)
    with FetcherState(db) as state:
        publish(state, original, "https://feeds.example.com/r/1")
    with FetcherState(db) as state:
        found = state.find_duplicate(copy, fingerprint(copy.text))
        assert found is not None
        assert found.reason == "near"
        assert found.article_id == original.id
        assert 0.5 <= found.similarity < 1.0
        assert state.find_duplicate(unrelated, fingerprint(unrelated.text)) is None
        state.record_duplicate(found, ["https://feeds.example.org/item/9", copy.url])
    with FetcherState(db) as state:
        aliases = state.aliases(original.id)
        assert [(a.url, a.reason) for a in aliases] == [
            ("https://feeds.example.com/r/1", "url"),
            ("https://daily.example.org/world/geneva-talks", "near"),
            ("https://feeds.example.org/item/9", "near"),
        ]
        assert aliases[1].similarity == found.similarity
        # The copy's URL is now known: the next poll skips it before fetching its page.
        assert state.is_url_seen(copy.url)
        again = state.find_duplicate(copy, fingerprint(copy.text))
        assert again == Duplicate("url", original.id)


def test_exact_text_is_a_content_duplicate_before_near(tmp_path: Path) -> None:
    with FetcherState(tmp_path / "s.sqlite3") as state:
        original = article("https://a.example.com/1", WIRE)
        publish(state, original)
        same = article("https://b.example.com/2", WIRE.upper())  # same normalised text
        found = state.find_duplicate(same, fingerprint(same.text))
        assert found == Duplicate("content", original.id)


def test_without_fingerprint_only_exact_duplicates_are_found(tmp_path: Path) -> None:
    with FetcherState(tmp_path / "s.sqlite3") as state:
        publish(state, article("https://a.example.com/1", WIRE))
        copy = article("https://b.example.com/2", boilerplate(WIRE))
        assert state.find_duplicate(copy, None) is None
        assert state.find_duplicate(copy, fingerprint(copy.text)) is not None


def test_index_forgets_old_entries_but_seen_keeps_them(tmp_path: Path) -> None:
    clock = Clock(1_000_000.0)
    db = tmp_path / "s.sqlite3"
    original = article("https://a.example.com/1", WIRE)
    copy = article("https://b.example.com/2", boilerplate(WIRE))
    with FetcherState(db, clock=clock) as state:
        publish(state, original)
        assert state.near_index_size() == 1
        clock.now += state_module.NEAR_INDEX_MAX_AGE_SECONDS + 1
        assert state.prune_near_index() == 1
        assert state.near_index_size() == 0
        assert state.find_duplicate(copy, fingerprint(copy.text)) is None
        assert state.is_url_seen(original.url)
    raw = sqlite3.connect(db)
    assert raw.execute("SELECT count(*) FROM near_band").fetchone() == (0,)
    raw.close()


def test_index_keeps_at_most_max_entries_newest_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(state_module, "NEAR_INDEX_MAX_ENTRIES", 2)
    clock = Clock(1_000_000.0)
    with FetcherState(tmp_path / "s.sqlite3", clock=clock) as state:
        stories = [article(f"https://a.example.com/{n}", f"Story {n}. " + WIRE) for n in range(3)]
        for story in stories:
            clock.now += 1
            publish(state, story)
        assert state.prune_near_index() == 1
        assert state.near_index_size() == 2
        probe = article("https://b.example.com/x", boilerplate("Story 2. " + WIRE))
        found = state.find_duplicate(probe, fingerprint(probe.text))
        assert found is not None
        assert found.article_id == stories[2].id  # the oldest entry went, the newest stayed


def test_opens_a_database_from_before_the_index(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    raw = sqlite3.connect(db)
    raw.executescript(
        "CREATE TABLE seen_alias (alias_id TEXT PRIMARY KEY, url TEXT NOT NULL, "
        "article_id TEXT NOT NULL);"
        "INSERT INTO seen_alias VALUES ('x', 'https://old.example.com/r', 'abc');"
    )
    raw.close()
    with FetcherState(db) as state:
        [alias] = state.aliases("abc")
        assert (alias.url, alias.reason, alias.similarity) == (
            "https://old.example.com/r",
            "url",
            None,
        )
