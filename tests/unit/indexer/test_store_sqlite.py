"""The shared store cases over SQLite files in tmp_path, plus what only SQLite has."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from services.indexer.query import build_query
from services.indexer.records import EVENT_SLOTS, pack
from services.indexer.store import (
    SCHEMA_VERSION,
    QueryRejected,
    SchemaMismatch,
    StoreError,
    StoreUnavailable,
    open_store,
    sqlite_path,
)
from services.indexer.store.sqlite import SqliteStore, _store_error
from tests.unit.indexer import schema_2, schema_3
from tests.unit.indexer.store_cases import (
    CORPUS,
    Older,
    Reopen,
    StoreCases,
    assert_holds_the_corpus,
)


class TestSqliteStore(StoreCases):
    @pytest.fixture
    def reopen(self, tmp_path: Path) -> Reopen:
        path = tmp_path / "state" / "index.sqlite3"
        return lambda: SqliteStore(path, readers=2)


async def test_database_is_in_wal_mode(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "index.sqlite3")
    await store.open()
    await store.upsert(CORPUS)
    await store.close()
    with sqlite3.connect(tmp_path / "index.sqlite3") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA page_size").fetchone()[0] == 16384
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(CORPUS)
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]


async def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite3"
    store = SqliteStore(path)
    await store.open()
    await store.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    with pytest.raises(SchemaMismatch, match="newer"):
        await SqliteStore(path).open()


async def test_unopened_store_is_unavailable(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "index.sqlite3")
    assert not await store.ping()
    with pytest.raises(StoreUnavailable):
        await store.search(build_query({}))
    with pytest.raises(StoreUnavailable):
        await store.upsert(CORPUS)


async def test_close_twice_is_harmless(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "index.sqlite3")
    await store.open()
    await store.close()
    await store.close()
    assert not await store.ping()


def test_open_store_chooses_by_scheme(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/x.sqlite3")
    assert isinstance(store, SqliteStore)
    assert store.path == tmp_path / "x.sqlite3"
    assert sqlite_path("sqlite:///relative/index.sqlite3") == Path("relative/index.sqlite3")
    from services.indexer.store.postgres import PostgresStore

    assert isinstance(open_store("postgresql://postgres@127.0.0.1/x"), PostgresStore)
    assert isinstance(open_store("postgres://postgres@127.0.0.1/x"), PostgresStore)


@pytest.mark.parametrize(
    "url", ["mysql://x/y", "sqlite://", "sqlite:///", "sqlite:///:memory:", "index.sqlite3"]
)
def test_open_store_refuses_other_urls(url: str) -> None:
    with pytest.raises(ValueError, match=r"sqlite|scheme|memory"):
        open_store(url)


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ('fts5: syntax error near "AND"', QueryRejected),
        ("unterminated string", QueryRejected),
        ("database is locked", StoreUnavailable),
        ("no such table: articles", StoreError),
    ],
)
def test_sqlite_errors_are_classified(message: str, kind: type[StoreError]) -> None:
    error = _store_error(sqlite3.OperationalError(message))
    assert type(error) is kind


# Version 1's articles table, search index and one of its other tables, as it created them.
VERSION_1 = """
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version VALUES (1);
CREATE TABLE articles (
    doc INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, url TEXT NOT NULL, title TEXT NOT NULL,
    text TEXT NOT NULL, summary TEXT NOT NULL, source TEXT NOT NULL,
    published_at TEXT NOT NULL, extracted_at TEXT NOT NULL, indexed_at TEXT NOT NULL,
    raw TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published_at, id);
CREATE VIRTUAL TABLE article_fts USING fts5(title, text, content='articles', content_rowid='doc');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_fts (rowid, title, text) VALUES (new.doc, new.title, new.text);
END;
CREATE TABLE entities (
    article_id TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL, kind TEXT NOT NULL,
    country_code TEXT, mentions INTEGER NOT NULL
);
CREATE INDEX entities_key ON entities (key, article_id);
"""


async def test_version_1_index_is_rebuilt_from_its_messages(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite3"
    indexed_at = "2025-12-21T00:00:00.000000+00:00"
    with sqlite3.connect(path) as conn:
        conn.executescript(VERSION_1)
        for e in CORPUS:
            a = e.article
            conn.execute(
                "INSERT INTO articles (id, url, title, text, summary, source, published_at, "
                "extracted_at, indexed_at, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (a.id, a.url, a.title, a.text, a.summary, a.source, "x", "x", indexed_at,
                 e.model_dump_json()),
            )  # fmt: skip
    conn.close()
    await _assert_rebuilt(path, indexed_at)


PACKED = {
    2: Older(
        schema_2.SQLITE,
        schema_2.pack,
        "INSERT INTO events (n, id, type, date_start, date_end, dated) "
        "VALUES (?, ?, ?, 'x', 'x', 1)",
        lambda n, v: (n, v.id, v.type),
    ),
    3: Older(
        schema_3.SQLITE,
        pack,
        "INSERT INTO events (n, type, date_start, date_end, dated) VALUES (?, ?, 'x', 'x', 1)",
        lambda n, v: (n, v.type),
    ),
}


@pytest.mark.parametrize("version", sorted(PACKED))
async def test_packed_index_is_rebuilt_from_its_messages(tmp_path: Path, version: int) -> None:
    """Schema 2 packed each message without its text and gave every event row its text id;
    3 kept no event date in an actor's rows. The store rebuilds such an index from the
    messages and their texts."""
    older = PACKED[version]
    path = tmp_path / "index.sqlite3"
    indexed_at = "2025-12-21T00:00:00.000000+00:00"
    with sqlite3.connect(path) as conn:
        conn.executescript(older.schema)
        conn.execute("INSERT INTO schema_version VALUES (?)", (version,))
        for e in CORPUS:
            a = e.article
            doc = conn.execute(
                "INSERT INTO articles (id, url, title, text, summary, source, published_at, "
                "extracted_at, indexed_at, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "RETURNING doc",
                (a.id, a.url, a.title, a.text, a.summary, a.source, "x", "x", indexed_at,
                 older.stored(e)),
            ).fetchone()[0]  # fmt: skip
            events = [older.event(doc * EVENT_SLOTS + i, v) for i, v in enumerate(e.events)]
            conn.executemany(older.events, events)
    conn.close()
    await _assert_rebuilt(path, indexed_at)
    with sqlite3.connect(path) as conn:
        # A file keeps the page size it was made with.
        assert conn.execute("PRAGMA page_size").fetchone()[0] == 4096
        columns = {row[1] for row in conn.execute("PRAGMA table_info(events)")}
        assert columns == {"n", "type", "date_start", "date_end", "dated"}
        columns = {row[1] for row in conn.execute("PRAGMA table_info(event_actors)")}
        assert columns == {"n", "key", "name", "date_start"}
    conn.close()


async def _assert_current(path: Path) -> None:
    """Opened, the index at `path` holds the corpus, and is at the current version."""
    store = SqliteStore(path)
    await store.open()
    try:
        await assert_holds_the_corpus(store)
    finally:
        await store.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
    conn.close()


async def _assert_rebuilt(path: Path, indexed_at: str) -> None:
    """Opening an index of an older schema rebuilds it: it holds the corpus, at the current
    version, with each article's `indexed_at` kept and the old tables gone."""
    await _assert_current(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT DISTINCT indexed_at FROM articles").fetchall() == [
            (indexed_at,)
        ]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema")}
        assert "articles_old" not in tables
    conn.close()


@pytest.mark.parametrize("version", [4, 5])
async def test_a_schema_4_file_is_kept_as_it_is(tmp_path: Path, version: int) -> None:
    """Schemas 5 and 6 changed PostgreSQL's tables only: a schema 4 or 5 file is not rebuilt
    (a rebuild writes every article again), only its version is raised."""
    path = tmp_path / "index.sqlite3"
    store = SqliteStore(path)
    await store.open()
    await store.upsert(CORPUS)
    await store.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE schema_version SET version = ?", (version,))
        # A value no rebuild would write (the corpus's longest event is days long).
        conn.execute("UPDATE event_span SET days = 999")
    conn.close()
    await _assert_current(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT days FROM event_span").fetchall() == [(999,)]
    conn.close()
