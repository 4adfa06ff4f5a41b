"""The SQLite store: FTS5 full-text search over title and text, WAL mode, stdlib sqlite3.

sqlite3 blocks, so every call runs in a worker thread (`asyncio.to_thread`). One writer
connection (SQLite allows one writer; an asyncio lock queues batches) and a small pool of
read-only connections, which WAL lets read while a batch is being written.

`newsflow reindex` replaces the index by pointing its path at a new file (`store.rebuild`):
before each batch and each search the store checks which file the path names, and reopens on
the new one when it changed, so a running indexer and its API follow the swap.

`article_fts` is an external-content FTS5 table over `articles(title, text)`, kept in step by
triggers, so the text is stored once; the `porter` stemmer makes "talks" find "talk", close to
PostgreSQL's `english` configuration.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from services.indexer.query import SearchQuery
from services.indexer.records import (
    ArticleRecord,
    latest_per_article,
    stored_message,
    to_record,
    unpack,
)
from services.indexer.results import (
    ELLIPSIS,
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    EventHit,
    Facets,
    SearchPage,
    UpsertStats,
)
from services.indexer.store import sql
from services.indexer.store.base import (
    DEFAULT_FACET_SIZE,
    REBUILD_BATCH,
    SCHEMA_VERSION,
    QueryRejected,
    SchemaMismatch,
    StoreError,
    StoreUnavailable,
)
from services.indexer.store.rows import (
    event_with_id,
    facets_from_rows,
    iso_timestamp,
    names_by_article,
    search_page,
    total_is_exact,
)
from services.indexer.store.sql import (
    ARTICLE_COLUMNS,
    Params,
    Planned,
    TextMatch,
    article_plan,
    count_sql,
    event_plan,
    event_sql,
    facets_sql,
    page_sql,
    share_sql,
    window_sql,
)
from services.indexer.store.upsert import Upsert
from services.indexer.text_query import TextQuery, fts5_match
from shared.models import EnrichedArticle

T = TypeVar("T")

# How long a connection waits for another's lock before SQLITE_BUSY: longer than any batch
# commit, so only a stuck process makes a writer give up (and the batch is retried).
BUSY_TIMEOUT_SECONDS = 30.0
# bm25 weights of (title, text): a headline hit counts 2.5 times a body hit, the ratio of
# PostgreSQL's default weights for the A (title) and B (text) labels (1.0 / 0.4).
BM25_WEIGHTS = (2.5, 1.0)
# Tokens of context in a snippet: about one sentence around the best match.
SNIPPET_TOKENS = 24
# The page size of a file the store creates (`_connect`).
PAGE_SIZE = 16384

# An article's short columns come first: SQLite reads a row's columns in order, and a text
# that spills into overflow pages would otherwise be read to reach a date behind it.
# An event's row has no text id: the id is its article's id and its ordinal, read from the
# message, and the event is found by its article (`get_event`); events sort by date, latest
# first, then by key `n` (the rowid, which every index entry holds anyway, in ascending order
# under a descending date).
# Child tables are WITHOUT ROWID with the integer key first in their primary key (then the
# row's position in the message, or its value): a row is stored once, in key order, and an
# article's or event's rows are one range of it, which facets read for a sample of articles
# in one seek each; each has one more index per filter, (value, key). An actor's index holds
# its events' start date before the key (the key, as the primary key, ends every entry), in the
# order events are listed: an actor and a date range are one range of it.
SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    doc INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    published_at TEXT NOT NULL,
    extracted_at TEXT NOT NULL,
    indexed_at TEXT NOT NULL,
    source TEXT NOT NULL,
    url TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    text TEXT NOT NULL,
    raw BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published_at, id);
CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(
    title, text, content='articles', content_rowid='doc',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_fts (rowid, title, text) VALUES (new.doc, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO article_fts (article_fts, rowid, title, text)
    VALUES ('delete', old.doc, old.title, old.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE OF title, text ON articles
WHEN old.title IS NOT new.title OR old.text IS NOT new.text BEGIN
    INSERT INTO article_fts (article_fts, rowid, title, text)
    VALUES ('delete', old.doc, old.title, old.text);
    INSERT INTO article_fts (rowid, title, text) VALUES (new.doc, new.title, new.text);
END;
CREATE TABLE IF NOT EXISTS entities (
    doc INTEGER NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL,
    kind TEXT NOT NULL, country_code TEXT, mentions INTEGER NOT NULL,
    PRIMARY KEY (doc, position)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entities_key ON entities (key, doc);
CREATE INDEX IF NOT EXISTS entities_country ON entities (country_code, doc);
CREATE TABLE IF NOT EXISTS places (
    doc INTEGER NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL,
    kind TEXT NOT NULL, country_code TEXT, lat REAL, lon REAL, mentions INTEGER NOT NULL,
    PRIMARY KEY (doc, position)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS places_key ON places (key, doc);
CREATE INDEX IF NOT EXISTS places_country ON places (country_code, doc);
CREATE TABLE IF NOT EXISTS events (
    n INTEGER PRIMARY KEY, type TEXT NOT NULL,
    date_start TEXT NOT NULL, date_end TEXT NOT NULL, dated INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS events_date ON events (date_start DESC);
CREATE INDEX IF NOT EXISTS events_type_date ON events (type, date_start DESC);
CREATE TABLE IF NOT EXISTS event_actors (
    n INTEGER NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, date_start TEXT NOT NULL,
    PRIMARY KEY (n, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_actors_key ON event_actors (key, date_start DESC);
CREATE TABLE IF NOT EXISTS event_places (
    n INTEGER NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (n, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_places_key ON event_places (key, n);
CREATE TABLE IF NOT EXISTS event_countries (
    n INTEGER NOT NULL, country_code TEXT NOT NULL, PRIMARY KEY (n, country_code)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_countries_code ON event_countries (country_code, n);
CREATE TABLE IF NOT EXISTS event_span (days INTEGER NOT NULL);
INSERT INTO event_span (days) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM event_span);
"""

# What an index of an older version holds besides its articles, dropped when it is rebuilt:
# every row of it is made again from the messages (`articles.raw`).
OLDER_DROPPED = (
    *(("TRIGGER", f"articles_fts_{op}") for op in ("insert", "delete", "update")),
    ("TABLE", "article_fts"),
    ("INDEX", "articles_published"),
    *(("TABLE", t) for t in ("entities", "places", "events")),
    *(("TABLE", t) for t in ("event_actors", "event_places", "event_countries", "event_span")),
)


# The oldest version whose SQLite tables are this version's: versions 5, 6 and 7 changed
# PostgreSQL's only, so a version 4, 5 or 6 file is kept as it is (its version number raised).
SAME_SINCE = 4


class SqliteDialect:
    """Numbered `?N` parameters, ISO text timestamps, FTS5 MATCH and bm25."""

    # No arrays: an article's and an event's actors, places and countries are rows of their
    # tables (WITHOUT ROWID, with no per-row header to save).
    article_arrays = False
    event_arrays: frozenset[str] = frozenset()
    # Each row keeps its own spelling of a key and its text and fields in columns: the rows
    # are WITHOUT ROWID, and the text is the FTS5 table's content as well.
    names = False
    event_actor = "key"
    article_columns = ARTICLE_COLUMNS
    text = "a.text"

    # SQLite runs a correlated EXISTS per row as it is.
    per_row = ""
    # Measured at 100,000 articles, count and facets: a country in 6% of the articles took 35
    # ms listed, 94 probed; one in 10%, 61 listed, 43 probed; in 23%, 60 listed, 35 probed.
    broad_share = 1 / 10

    def param(self, index: int) -> str:
        return f"?{index}"

    def timestamp(self, value: dt.datetime) -> object:
        return iso_timestamp(value)

    def day(self, value: dt.date) -> object:
        return value.isoformat()

    def days_before(self, day: str, days: str) -> str:
        return f"date({day}, '-' || {days} || ' days')"

    def keys(self, values: list[int], params: Params) -> str:
        return f"SELECT value AS doc FROM json_each({params(json.dumps(values))})"

    def country(self, code: str) -> object:
        return code

    def country_code(self, column: str) -> str:
        return column

    def text_match(self, text: TextQuery, params: Params) -> TextMatch:
        # One parameter serves both forms: SQLite numbers them, and a statement may leave one out.
        param = params(fts5_match(text))
        title, body = BM25_WEIGHTS

        def rank(window: list[int], params: Params) -> tuple[str, str]:
            # FTS5 takes the window's lowest key as a bound of its scan, and only the window's
            # rows are scored: a page's twenty of them.
            join = (
                f" JOIN (SELECT rowid AS doc, bm25(article_fts, {title}, {body}) AS score "
                f"FROM article_fts WHERE article_fts MATCH {param} "
                f"AND rowid >= {params(min(window, default=0))}) m ON m.doc = a.doc"
            )
            return join, f"a.doc IN ({self.keys(window, params)})"

        # Unscored, the matches join the articles from the FTS5 table, which yields them in
        # rowid order: a count or the most recent few stop early instead of listing them all.
        join = " JOIN article_fts ON article_fts.rowid = a.doc"
        return TextMatch(join, f"article_fts MATCH {param}", "article_fts.rowid", rank, "m.score")


DIALECT = SqliteDialect()
UPSERT = Upsert(DIALECT)


def _connect(path: Path, *, reader: bool) -> sqlite3.Connection:
    # isolation_level=None: no implicit transactions; writes say BEGIN IMMEDIATE themselves.
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
    )
    if reader:
        conn.execute("PRAGMA query_only = ON")
    else:
        # Pages of 16 kB for a new file (an existing one keeps its own): an article's row
        # (text and packed message, about 3 kB) filled a page of 4 kB alone, a quarter of it
        # empty. At 5,000 articles: 10.1 -> 9.3 MB per 1,000 articles, writes no slower.
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: the indexer commits Kafka offsets right after a batch commits, so a commit
        # must survive power loss, or the articles in it are lost for good.
        conn.execute("PRAGMA synchronous = FULL")
    return conn


# How sqlite3 words the errors of a MATCH expression it cannot parse. Never expected (query
# text is quoted term by term), but should one slip through it is the query's fault.
_QUERY_ERRORS = ("fts5:", "unterminated string", "no such column")
# How it words a database that is busy or out of reach: worth retrying.
_TRANSIENT_ERRORS = ("database is locked", "database table is locked", "unable to open", "disk i/o")


def _store_error(exc: sqlite3.Error) -> StoreError:
    message = str(exc)
    lowered = message.lower()
    if isinstance(exc, sqlite3.OperationalError) and lowered.startswith(_QUERY_ERRORS):
        return QueryRejected(message)
    if isinstance(exc, sqlite3.OperationalError) and lowered.startswith(_TRANSIENT_ERRORS):
        return StoreUnavailable(message)
    return StoreError(f"{type(exc).__name__}: {message}")


class SqliteStore:
    """The `Store` over one SQLite file."""

    def __init__(self, path: Path, *, readers: int = 4) -> None:
        self.path = path
        self._readers_wanted = max(1, readers)
        self._writer: sqlite3.Connection | None = None
        self._write_lock = asyncio.Lock()
        self._readers: asyncio.Queue[sqlite3.Connection] = asyncio.Queue()
        self._all: list[sqlite3.Connection] = []
        # The file the connections have open (the path resolved), and its identity.
        self._file = path
        self._identity: tuple[int, int] | None = None
        self._following = asyncio.Lock()

    async def open(self) -> None:
        if self._writer is not None:
            return
        # Resolved once, so every connection opens the same file even if the path is swapped
        # meanwhile; a swap after this is seen by `_follow`.
        self._file = self.path.resolve()
        self._writer = await self._run(self._open_writer)
        self._identity = file_identity(self._file)
        self._all.append(self._writer)
        for _ in range(self._readers_wanted):
            conn = await self._run(lambda: _connect(self._file, reader=True))
            self._all.append(conn)
            self._readers.put_nowait(conn)

    def _open_writer(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = _connect(self._file, reader=False)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            stored = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0]
            if stored is not None and stored > SCHEMA_VERSION:
                raise SchemaMismatch(
                    f"{self.path} has index schema {stored}, newer than this Newsflow "
                    f"({SCHEMA_VERSION}); upgrade Newsflow"
                )
            if stored is not None and stored < SAME_SINCE:
                _rebuild_older(conn, stored)
            else:
                for statement in _statements(SCHEMA):
                    conn.execute(statement)
            if stored != SCHEMA_VERSION:
                conn.execute("DELETE FROM schema_version")
                conn.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            conn.close()
            raise
        return conn

    async def close(self) -> None:
        """Wait for the batch and the searches in hand, then close every connection."""
        if not self._all:
            return
        conns, self._all = self._all, []
        self._identity = None
        async with self._write_lock:
            writer, self._writer = self._writer, None
            for _ in range(len(conns) - 1):
                await self._readers.get()
            if writer is not None:
                # Refreshes the planner's statistics where they went stale, as SQLite advises
                # before closing a connection; cheap when nothing changed.
                with contextlib.suppress(sqlite3.Error):
                    await asyncio.to_thread(writer.execute, "PRAGMA optimize")
        for conn in conns:
            await asyncio.to_thread(conn.close)

    async def ping(self) -> bool:
        try:
            return bool(await self._read(lambda c: c.execute("SELECT 1").fetchone()[0] == 1))
        except StoreError:
            return False

    async def _run(self, fn: Callable[[], T]) -> T:
        try:
            return await asyncio.to_thread(fn)
        except sqlite3.Error as exc:
            raise _store_error(exc) from exc

    async def _follow(self) -> None:
        """Reopen on the file the path names now, if `newsflow reindex` swapped it; callers
        arriving during the reopen wait for it instead of finding the store closed."""
        if not self._following.locked() and not self._swapped():
            return
        async with self._following:
            if self._swapped():
                await self.close()
                await self.open()

    def _swapped(self) -> bool:
        if self._identity is None:
            return False
        now = file_identity(self.path)
        return now is not None and now != self._identity

    async def _read(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        await self._follow()
        if not self._all:
            raise StoreUnavailable("store is not open")
        conn = await self._readers.get()
        try:
            return await self._run(lambda: fn(conn))
        finally:
            self._readers.put_nowait(conn)

    async def upsert(self, batch: Sequence[EnrichedArticle]) -> UpsertStats:
        if not batch:
            return UpsertStats()
        records = [to_record(enriched) for enriched in latest_per_article(batch)]
        await self._follow()
        async with self._write_lock:
            writer = self._writer
            if writer is None:
                raise StoreUnavailable("store is not open")
            return await self._run(lambda: _write(writer, records))

    async def search(self, query: SearchQuery) -> SearchPage:
        return await self._read(lambda c: _page(c, query, _planned(c, query)))

    async def facets(self, query: SearchQuery, size: int = DEFAULT_FACET_SIZE) -> Facets:
        return await self._read(lambda c: _facets(c, query, _planned(c, query), size))

    async def search_with_facets(
        self, query: SearchQuery, size: int = DEFAULT_FACET_SIZE
    ) -> tuple[SearchPage, Facets]:
        def both(conn: sqlite3.Connection) -> tuple[SearchPage, Facets]:
            planned = _planned(conn, query)
            return _page(conn, query, planned), _facets(conn, query, planned, size)

        return await self._read(both)

    async def get_article(self, article_id: str) -> EnrichedArticle | None:
        sql = "SELECT raw, text FROM articles WHERE id = ?"
        row = await self._read(lambda c: c.execute(sql, (article_id,)).fetchone())
        return None if row is None else unpack(row[0], row[1])

    async def get_event(self, event_id: str) -> EventHit | None:
        sql, params = event_sql(event_id, DIALECT)
        rows = await self._read(lambda c: c.execute(sql, params).fetchall())
        return event_with_id(rows, event_id)


def file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file `path` names (following links), or None when it has none."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_dev, st.st_ino


def _statements(script: str) -> list[str]:
    """Split the schema into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    return [s for s in statements if s]


def _write(conn: sqlite3.Connection, records: list[ArticleRecord]) -> UpsertStats:
    now = dt.datetime.now(dt.UTC)
    conn.execute("BEGIN IMMEDIATE")
    try:
        stats = _write_all(conn, [(record, now) for record in records])
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return stats


def _write_all(
    conn: sqlite3.Connection, records: list[tuple[ArticleRecord, dt.datetime]]
) -> UpsertStats:
    """Upsert records, each with its time of indexing, inside the caller's transaction."""
    stats = UpsertStats()
    rests = []
    for r, now in records:
        sql, params = UPSERT.article(r, now)
        kept = conn.execute(sql, params).fetchall()
        if not kept:
            stats += UpsertStats(stale=1)
            continue
        doc = int(kept[0][0])
        sql, params = UPSERT.held_events(doc)
        rests.append(UPSERT.rest(r, doc, [row[0] for row in conn.execute(sql, params)]))
    for sql, rows in UPSERT.merged(rests):
        conn.executemany(sql, rows)
    for rest in rests:
        stats += rest.stats
    return stats


def _rebuild_older(conn: sqlite3.Connection, version: int) -> None:
    """Turn an index of an older version into this version inside the caller's transaction:
    keep its articles' messages, drop every other table, create this schema and write each
    message again, as it was first indexed (its `indexed_at` kept). Version 1 stored the
    message whole as JSON; version 2 packed it without its text (`records.unpack` reads it)."""
    for kind, name in OLDER_DROPPED:
        conn.execute(f"DROP {kind} IF EXISTS {name}")
    conn.execute("ALTER TABLE articles RENAME TO articles_old")
    for statement in _statements(SCHEMA):
        conn.execute(statement)
    text = "text" if version > 1 else "''"
    last = -1
    while True:
        rows = conn.execute(
            f"SELECT doc, raw, {text}, indexed_at FROM articles_old WHERE doc > ? "
            "ORDER BY doc LIMIT ?",
            (last, REBUILD_BATCH),
        ).fetchall()
        if not rows:
            break
        last = rows[-1][0]
        _write_all(
            conn,
            [
                (to_record(stored_message(version, raw, body)), dt.datetime.fromisoformat(at))
                for _, raw, body, at in rows
            ],
        )
    conn.execute("DROP TABLE articles_old")


def _planned(conn: sqlite3.Connection, query: SearchQuery) -> Planned:
    """The query's plan, and whether its filters are probed row by row rather than listed
    (`sql.is_broad`): one of each serves a page and its facets."""
    plan = article_plan(query, DIALECT) if query.type == "articles" else event_plan(query, DIALECT)
    broad = False
    stated = share_sql(plan)
    if stated is not None:
        sampled, held = conn.execute(*stated).fetchone()
        broad = sql.is_broad(int(sampled), int(held), DIALECT.broad_share)
    if query.order != "rank":
        return Planned(plan, broad)
    return Planned(plan, broad, [row[0] for row in conn.execute(*window_sql(plan, broad=broad))])


def _page(conn: sqlite3.Connection, query: SearchQuery, planned: Planned) -> SearchPage:
    plan, broad, window = planned
    if window is not None:
        total = len(window)
    else:
        total = int(conn.execute(*count_sql(plan, broad=broad)).fetchone()[0])
    sql, params = page_sql(query, plan, broad=broad or not total_is_exact(total), window=window)
    rows = conn.execute(sql, params).fetchall()
    if query.type == "events":
        return search_page(query, rows, total)
    ids = [row[0] for row in rows[: query.limit]]
    snippets = _snippets(conn, query.text, ids) if query.text else {}
    return search_page(query, rows, total, _entity_names(conn, ids), snippets)


def _in(ids: list[str], first: int) -> str:
    return ", ".join(f"?{first + i}" for i in range(len(ids)))


def _entity_names(conn: sqlite3.Connection, ids: list[str]) -> dict[str, list[str]]:
    if not ids:
        return {}
    rows = conn.execute(
        "SELECT a.id, en.name FROM articles a JOIN entities en ON en.doc = a.doc "
        f"WHERE a.id IN ({_in(ids, 1)}) ORDER BY a.id, en.mentions DESC, en.name",
        ids,
    )
    return names_by_article(rows)


def _snippets(conn: sqlite3.Connection, text: TextQuery, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    # The page's rowids bound the FTS5 scan (each is one seek), where joining on the article id
    # read every match of the query to keep twenty.
    sql = (
        "SELECT a.id, snippet(article_fts, 1, ?1, ?2, ?3, ?4) FROM article_fts "
        "JOIN articles a ON a.doc = article_fts.rowid WHERE article_fts MATCH ?5 "
        f"AND article_fts.rowid IN (SELECT doc FROM articles WHERE id IN ({_in(ids, 6)}))"
    )
    params: list[Any] = [HIGHLIGHT_START, HIGHLIGHT_END, ELLIPSIS, SNIPPET_TOKENS]
    params += [fts5_match(text), *ids]
    return {row[0]: row[1] for row in conn.execute(sql, params) if row[1]}


def _facets(conn: sqlite3.Connection, query: SearchQuery, planned: Planned, size: int) -> Facets:
    plan, broad, window = planned
    sql, params = facets_sql(query, plan, size, broad=broad, window=window)
    return facets_from_rows(conn.execute(sql, params).fetchall())
