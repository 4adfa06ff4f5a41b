"""The PostgreSQL store: asyncpg pool, a generated `tsvector` with a GIN index, upserts.

Same search SQL (`sql`) and upserts (`upsert`) as the SQLite store, and the same tables but
four: an article's actors, places and countries are arrays of its row (`article_arrays`), and
an event's places and countries of its own (`EVENT_ARRAYS`). A second GIN index holds each
article's adjacent word pairs, from which phrases are found (`PAIRS`). Text columns that are
sorted or compared in keyset conditions use the "C" collation, so ordering is by code
point as in SQLite, whatever the database's locale. Query text becomes a tsquery expression
(`text_query.pg_tsquery`) in which every term is a bound parameter.

The tables live in the connection's current schema (`public` unless the URL or role says
otherwise); `schema` puts them in a named one instead, where `newsflow reindex` builds a new
index before moving its tables in (`store.rebuild`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from typing import Any

import asyncpg

from services.indexer.query import SearchQuery, name_key
from services.indexer.records import (
    EVENT_SLOTS,
    ArticleRecord,
    latest_per_article,
    stored_message,
    to_record,
    unpack,
    unpacked_article,
)
from services.indexer.results import (
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
    names_by_article,
    search_page,
    total_is_exact,
)
from services.indexer.store.sql import (
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
from services.indexer.store.upsert import (
    ARTICLE_ARRAYS,
    Upsert,
    article_arrays,
    column_names,
    names,
)
from services.indexer.text_query import TextQuery, pg_tsquery
from shared.models import EnrichedArticle

# Any constant will do; it only has to be the same in every indexer so that two starting at
# once create the schema one after the other.
SCHEMA_LOCK_KEY = 0x6E657773  # "news"
# Bounds connect and each statement, so a dead server fails a batch (which is retried)
# instead of hanging the consumer.
CONNECT_TIMEOUT_SECONDS = 10.0
COMMAND_TIMEOUT_SECONDS = 60.0
# Snippet shape: one fragment of about a sentence, like the SQLite store's snippet().
HEADLINE_OPTIONS = (
    f"StartSel={HIGHLIGHT_START}, StopSel={HIGHLIGHT_END}, MaxWords=30, MinWords=12, MaxFragments=1"
)

# The pairs of adjacent lexemes of a tsvector ("last year"), and of a phrase: the index of
# the first (`articles_pairs`) answers which articles hold a phrase's pairs, all of which an
# article matching the phrase holds. GIN holds words without their positions, so a phrase whose
# words are common was tested on every article holding them (41,000 for "million year", none
# matching, 84-88 ms p95 at 100,000 articles); its pairs are in the few articles that match.
# A pair is two lexemes at positions p and p + 1 of the stored tsvector, the positions its `@@`
# tests a phrase's `<->` on, so every article that matches holds them. Of a phrase, only
# positions holding one lexeme make pairs (a dictionary giving two at one place would need
# either, not both); a phrase with no two adjacent indexed words ("end of the war": 'end' <3>
# 'war') has none, and is looked for by its words (`PostgresDialect.text_match`).
# COST: ten thousand times an operator's, so that no plan computes the pairs of every row it
# passes (about 100 microseconds an article) where it can read them from the index.
PAIRS = """
CREATE OR REPLACE FUNCTION newsflow_word_pairs(tsvector) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$
    WITH w AS (SELECT u.lexeme, x.p FROM pg_catalog.unnest($1) AS u,
               pg_catalog.unnest(u.positions) AS x(p))
    SELECT coalesce(pg_catalog.array_agg(DISTINCT a.lexeme || ' ' || b.lexeme), '{}')
    FROM w a JOIN w b ON b.p = a.p + 1
$$;
CREATE OR REPLACE FUNCTION newsflow_phrase_pairs(text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    WITH w AS (SELECT pg_catalog.min(u.lexeme) AS lexeme, x.p
               FROM pg_catalog.unnest(pg_catalog.to_tsvector('english'::regconfig, $1)) AS u,
               pg_catalog.unnest(u.positions) AS x(p)
               GROUP BY x.p HAVING pg_catalog.count(*) = 1)
    SELECT coalesce(pg_catalog.array_agg(DISTINCT a.lexeme || ' ' || b.lexeme), '{}')
    FROM w a JOIN w b ON b.p = a.p + 1
$$;
"""

# Deduplication: B-tree indexes whose entries end with their values, not with the row's
# unique key, so that B-tree deduplication keeps one entry per value with a list of its
# rows' addresses (6 bytes each), where an entry per row with its key took 40-64 bytes. Built
# at 20,000 articles: an event's date 8.4 -> 1.4 MB, its type and date 10.2 -> 1.8, an actor
# and date 25.7 -> 9.6, the actors' rows by event 17.4 -> 7.5. A page sorts a day's events by
# key (an incremental sort of the rows the index gives in date order), and reads each actor
# row for its event's key, which the index held.
# GIN: the indexes of a few keys a row (an article's actors, places and countries, an event's
# places and countries) take them straight into the index, not through a pending list: the
# next insert that fills the list moves it into the index and leaves its pages free for the
# next list, a third of the index (articles_entities 5.0 MB at 20,000 articles, 0.95 built).
SCHEMA = (
    PAIRS
    + """
CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL);
-- One spelling of each actor's and place's key, the latest written, and its number, by
-- which an actor's event rows name it (`NAMES`).
CREATE TABLE IF NOT EXISTS names (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key text COLLATE "C" NOT NULL UNIQUE, name text NOT NULL
);
-- The message (`raw`) holds the article's text, title, url, source and summary, compressed
-- (`records.pack`): a hit's are read from it (`_hit_row`), the text's words from `tsv`.
CREATE TABLE IF NOT EXISTS articles (
    id text COLLATE "C" PRIMARY KEY,
    doc bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    published_at timestamptz NOT NULL,
    extracted_at timestamptz NOT NULL,
    indexed_at timestamptz NOT NULL,
    raw bytea NOT NULL,
    -- Computed from the title and the text as the row is written (`ARTICLES_MANY`). A
    -- tsvector is capped at 1 MB; 250,000 characters of text stay well below it, and a long
    -- read's opening quarter-million characters carry its searchable words. Kept in the row
    -- (`IN_ROW`), compressed by lz4, which reads back fast.
    tsv tsvector COMPRESSION lz4 NOT NULL,
    -- Its actors' and places' keys (`ARTICLE_ARRAYS`), and their countries (`COUNTRY`).
    -- NULL where it has none. Kept in the row (`IN_ROW`).
    entity_keys text[] COLLATE "C", place_keys text[] COLLATE "C", countries int2[]
);
CREATE INDEX IF NOT EXISTS articles_tsv ON articles USING gin (tsv);
-- Each pair of words next to each other in an article, so that a phrase's articles are found
-- from the index (`PAIRS`); computed from the tsvector, never stored in the row.
CREATE INDEX IF NOT EXISTS articles_pairs ON articles USING gin (newsflow_word_pairs(tsv));
CREATE INDEX IF NOT EXISTS articles_published ON articles (published_at, id);
-- A few keys a row, written straight into the index (see the GIN note above).
CREATE INDEX IF NOT EXISTS articles_entities ON articles USING gin (entity_keys)
    WITH (fastupdate = off);
CREATE INDEX IF NOT EXISTS articles_places ON articles USING gin (place_keys)
    WITH (fastupdate = off);
CREATE INDEX IF NOT EXISTS articles_countries ON articles USING gin (countries)
    WITH (fastupdate = off);
-- An event's places and countries are arrays of its row (`EVENT_ARRAYS`): keys and codes
-- (`COUNTRY`); NULL where it has none.
CREATE TABLE IF NOT EXISTS events (
    n bigint PRIMARY KEY, type text COLLATE "C" NOT NULL,
    date_start date NOT NULL, date_end date NOT NULL, dated boolean NOT NULL,
    places text[] COLLATE "C", countries int2[]
);
-- Without the key `n` after the date (see the deduplication note above).
CREATE INDEX IF NOT EXISTS events_date ON events (date_start DESC);
CREATE INDEX IF NOT EXISTS events_type_date ON events (type, date_start DESC);
CREATE INDEX IF NOT EXISTS events_places ON events USING gin (places) WITH (fastupdate = off);
CREATE INDEX IF NOT EXISTS events_countries ON events USING gin (countries) WITH (fastupdate = off);
-- An event's actors' rows, each by its number in `names`, unique but for the index's sake no
-- primary key (deduplication, above): an article's events are written after its old ones are
-- deleted.
CREATE TABLE IF NOT EXISTS event_actors (
    n bigint NOT NULL, actor integer NOT NULL, date_start date NOT NULL
);
CREATE INDEX IF NOT EXISTS event_actors_n ON event_actors (n);
-- An actor and a date range of its events are one range of this index (`sql.event_plan`).
CREATE INDEX IF NOT EXISTS event_actors_key ON event_actors (actor, date_start DESC);
CREATE TABLE IF NOT EXISTS event_span (days integer NOT NULL);
INSERT INTO event_span (days) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM event_span);
"""
)

# A new articles table keeps each tsvector in its row: stored out of line (as PostgreSQL does
# with a value of 2 kB, the average here), each test of a phrase or a rank of an article read
# it through the TOAST index and its chunks, five buffers, where the row is one: the articles
# holding "million" and "year" (41,000 of 100,000) were tested for the phrase in 200 ms, in
# the row 95 (the file 4% larger). So are the arrays of its actors, places and countries,
# which filters test row by row: a row is over the 2 kB at which PostgreSQL moves values out,
# largest first, and once the text and the message are out, the arrays would be next. Run
# when the table is made (a catalog change, it locks it).
IN_ROW = "ALTER TABLE articles " + ", ".join(
    f"ALTER COLUMN {column} SET STORAGE MAIN" for column in ["tsv", *column_names(ARTICLE_ARRAYS)]
)
# An index of an older version is rebuilt from its messages (`articles.raw`): these go, its
# articles table is set aside under another name (with its primary key; version 2's unique
# `doc` too) and read back. Its indexes go first, whose names the new table's take (an index
# of that name on the table set aside would stand for the new one's: IF NOT EXISTS).
OLDER_DROPPED = """
DROP TABLE IF EXISTS entities, places, events, event_actors, event_places, event_countries,
    event_span, names;
DROP INDEX IF EXISTS articles_tsv, articles_published, articles_pairs, articles_entities,
    articles_places, articles_countries;
ALTER TABLE articles RENAME TO articles_old;
ALTER TABLE articles_old RENAME CONSTRAINT articles_pkey TO articles_old_pkey;
"""
# Version 2's articles have a unique `doc` and its sequence, whose names the new table needs.
OLDER_DOC_KEY = """
ALTER TABLE articles_old RENAME CONSTRAINT articles_doc_key TO articles_old_doc_key;
ALTER SEQUENCE articles_doc_seq RENAME TO articles_old_doc_seq;
"""
# The newest keys a phrase's window is first looked for in (`_phrase_window`): about 1,000
# matches of a phrase in one article of ten, the share of "last year", which tested its words'
# 1,850 articles in this range in 12 ms at 100,000 articles.
PHRASE_RANGE = 8_192
# Every connection: plan each statement for its own parameters. asyncpg prepares statements,
# and from a statement's sixth run PostgreSQL may switch to a generic plan, which estimates the
# rows of an actor or a country as the average: 275 for one that has 92,000, which made country
# pages 1.3 s (issue 15). And no JIT: it compiles for tens of milliseconds whenever the
# estimated cost passes its threshold, which a search over the whole index does, for queries
# that then take a few milliseconds.
SERVER_SETTINGS = {
    "plan_cache_mode": "force_custom_plan",
    "jit": "off",
    # No parallel workers: starting them costs milliseconds a search of a few milliseconds
    # does not win back, on a server whose cores are busy with the pipeline.
    "max_parallel_workers_per_gather": "0",
}

# SQLSTATE classes that mean "try again": connection exceptions (08), insufficient resources
# (53), operator intervention such as a restart (57), serialization failure and deadlock (40).
_TRANSIENT_CLASSES = ("08", "53", "57", "40")


# An event's places and countries as arrays of its row, with GIN indexes, where rows of their
# own tables cost PostgreSQL 24 bytes of header per row and per index entry, and a primary key
# each: 36.7 MB of 178 at 10,000 articles (schema 4), for about 2.4 countries and 0.6 places
# of each event.
EVENT_ARRAYS = frozenset({"places", "countries"})


# A country code as a 2-byte integer, its two letters' codes: an array of them takes 2 bytes
# an element where text took 4 (a 2-byte string and its 2-byte header), 40 -> 29 bytes of an
# event's 2.4 codes and 80 -> 36 of an article's 7 (measured at 20,000 articles, schema 6).
COUNTRY_BASE = 256


def country(code: str) -> int:
    """A country code (two capital letters, as `shared.models` requires) as stored."""
    return ord(code[0]) * COUNTRY_BASE + ord(code[1])


class PostgresDialect:
    """`$N` parameters, native timestamps and dates, tsvector match and ts_rank."""

    # An article's actors, places and countries too: their tables and indexes took 235 MB at
    # 100,000 articles (schema 5), for about 6.5 actors and 3 places of each article.
    article_arrays = True
    event_arrays = EVENT_ARRAYS
    # One spelling a key, from `names`: spelled in every article's and event's rows, names took
    # 76 MB at 100,000 articles (schema 6), for about 5,000 actors and 1,000 places.
    names = True
    # An actor's event rows hold its number in `names`, 4 bytes where its key took 16 (and 8
    # more of alignment), in 2 million rows and their index at 100,000 articles.
    event_actor = "actor"
    # A hit is read from its message (`_hit_row`), which holds its fields and its text.
    article_columns = "a.id, a.raw, a.published_at"
    text = "''"

    # An EXISTS with an OFFSET is not turned into a join or a hashed subplan (the planner
    # leaves such a subquery as it is written): it is run for each row it tests.
    per_row = " OFFSET 0"
    # Measured at 100,000 articles, count and facets: a country in 23% of the articles took
    # 47 ms listed, 58 probed; one in 25%, 59 listed, 48 probed; in 45%, 136 listed, 28 probed.
    broad_share = 1 / 4

    def param(self, index: int) -> str:
        return f"${index}"

    def timestamp(self, value: dt.datetime) -> object:
        return value

    def day(self, value: dt.date) -> object:
        return value

    def days_before(self, day: str, days: str) -> str:
        return f"({day}::date - ({days})::integer)"

    def keys(self, values: list[int], params: Params) -> str:
        return f"SELECT unnest({params(values)}::bigint[]) AS doc"

    def country(self, code: str) -> object:
        return country(code)

    def country_code(self, column: str) -> str:
        return f"(chr({column} / {COUNTRY_BASE}) || chr({column} % {COUNTRY_BASE}))"

    def text_match(self, text: TextQuery, params: Params) -> TextMatch:
        # A phrase's text is bound once, for its tsquery and its pairs (`_matches`): a
        # statement that ranks without testing the match (`sql.page_sql`) uses the first only,
        # and PostgreSQL refuses a parameter no statement uses.
        bound: dict[str, str] = {}

        def bind(value: object) -> str:
            if not isinstance(value, str):
                return params(value)
            if value not in bound:
                bound[value] = params(value)
            return bound[value]

        tsquery = pg_tsquery(text, bind)
        # Normalisation 1 divides by 1 + log(length), as bm25 discounts long documents; the
        # sign makes lower better, as bm25 is in SQLite, so one ordering serves both.
        score = f"(-ts_rank(a.tsv, {tsquery}, 1))::float8"

        def rank(window: list[int], params: Params) -> tuple[str, str]:
            # The window's rows by key: ts_rank reads their tsvectors, no match is tested again.
            return "", f"a.doc = ANY({params(window)}::bigint[])"

        return TextMatch("", _matches(text, tsquery, bind), "a.doc", rank, score)


def _matches(text: TextQuery, tsquery: str, bind: Callable[[object], str]) -> str:
    """The condition of a text match: the tsvector's, and for a query that must match phrases,
    their word pairs' (`PAIRS`) as the index condition and the phrases tested on those rows.

    Which one is decided as the statement is planned: `newsflow_phrase_pairs` of a parameter
    is a constant (connections plan for their parameters, `SERVER_SETTINGS`), so the planner
    folds the CASE-like OR below to one side. The pairs side tests the tsvector with
    `ts_match_vq`, the function of `@@`, which is no index condition: with both indexes the
    planner ANDed their bitmaps, and as a phrase's tsvector match is rechecked on every row,
    the recheck computed each row's pairs too (196 ms for 1,135 rows of "last year" at
    10,000 articles; 5 ms on the pairs alone)."""
    phrases = [
        group[0]
        for group in text.groups
        if len(group) == 1 and not group[0].prefix and len(group[0].words) > 1
    ]
    if not phrases:
        return f"a.tsv @@ {tsquery}"
    pairs = " || ".join(f"newsflow_phrase_pairs({bind(t.text)})" for t in phrases)
    none = f"({pairs}) = '{{}}'::text[]"
    return (
        f"(({none} AND a.tsv @@ {tsquery}) OR (NOT {none} "
        f"AND newsflow_word_pairs(a.tsv) @> ({pairs}) AND ts_match_vq(a.tsv, {tsquery})))"
    )


DIALECT = PostgresDialect()
UPSERT = Upsert(DIALECT)


@contextlib.contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except StoreError:
        raise
    except asyncpg.PostgresError as exc:
        state = str(getattr(exc, "sqlstate", "") or "")
        if state.startswith(_TRANSIENT_CLASSES):
            raise StoreUnavailable(f"{type(exc).__name__}: {exc}") from exc
        if state.startswith("42P"):  # syntax errors in tsquery input and the like
            raise QueryRejected(str(exc)) from exc
        raise StoreError(f"{type(exc).__name__}: {exc}") from exc
    except (OSError, asyncpg.InterfaceError, TimeoutError) as exc:
        raise StoreUnavailable(f"{type(exc).__name__}: {exc}") from exc


class PostgresStore:
    """The `Store` over a PostgreSQL database (asyncpg pool)."""

    def __init__(self, dsn: str, *, pool_size: int = 8, schema: str | None = None) -> None:
        self._dsn = dsn
        self._pool_size = max(1, pool_size)
        self._pool: asyncpg.Pool | None = None
        self.schema = schema

    async def open(self) -> None:
        if self._pool is not None:
            return
        with _errors():
            pool = await asyncpg.create_pool(
                self._dsn,
                min_size=1,
                max_size=self._pool_size,
                timeout=CONNECT_TIMEOUT_SECONDS,
                command_timeout=COMMAND_TIMEOUT_SECONDS,
                server_settings=(
                    {**SERVER_SETTINGS, "search_path": quote_ident(self.schema)}
                    if self.schema
                    else SERVER_SETTINGS
                ),
            )
        try:
            with _errors():
                async with pool.acquire() as conn, conn.transaction():
                    await conn.execute("SELECT pg_advisory_xact_lock($1)", SCHEMA_LOCK_KEY)
                    if self.schema:
                        await conn.execute(
                            f"CREATE SCHEMA IF NOT EXISTS {quote_ident(self.schema)}"
                        )
                    await conn.execute(
                        "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)"
                    )
                    stored = await conn.fetchval("SELECT max(version) FROM schema_version")
                    if stored is not None and stored > SCHEMA_VERSION:
                        raise SchemaMismatch(
                            f"the database has index schema {stored}, newer than this "
                            f"Newsflow ({SCHEMA_VERSION}); upgrade Newsflow"
                        )
                    if stored is not None and stored < SCHEMA_VERSION:
                        await _rebuild_older(conn, stored)
                    else:
                        await conn.execute(SCHEMA)
                        if stored is None:
                            await conn.execute(IN_ROW)
                    if stored != SCHEMA_VERSION:
                        await conn.execute("DELETE FROM schema_version")
                        await conn.execute(
                            "INSERT INTO schema_version (version) VALUES ($1)", SCHEMA_VERSION
                        )
        except BaseException:
            await pool.close()
            raise
        self._pool = pool

    async def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            await pool.close()

    @contextlib.asynccontextmanager
    async def _conn(self) -> AsyncIterator[asyncpg.pool.PoolConnectionProxy[Any]]:
        if self._pool is None:
            raise StoreUnavailable("store is not open")
        with _errors():
            async with self._pool.acquire() as conn:
                yield conn

    async def ping(self) -> bool:
        try:
            async with self._conn() as conn:
                return bool(await conn.fetchval("SELECT 1") == 1)
        except StoreError:
            return False

    async def upsert(self, batch: Sequence[EnrichedArticle]) -> UpsertStats:
        if not batch:
            return UpsertStats()
        records = [to_record(enriched, with_text=True) for enriched in latest_per_article(batch)]
        now = dt.datetime.now(dt.UTC)
        async with self._conn() as conn, conn.transaction():
            return await _write_all(conn, [(record, now) for record in records])

    async def search(self, query: SearchQuery) -> SearchPage:
        async with self._conn() as conn:
            return await _page(conn, query, await _planned(conn, query))

    async def facets(self, query: SearchQuery, size: int = DEFAULT_FACET_SIZE) -> Facets:
        async with self._conn() as conn:
            return await _facets(conn, query, await _planned(conn, query), size)

    async def search_with_facets(
        self, query: SearchQuery, size: int = DEFAULT_FACET_SIZE
    ) -> tuple[SearchPage, Facets]:
        async with self._conn() as conn:
            planned = await _planned(conn, query)
            return await _page(conn, query, planned), await _facets(conn, query, planned, size)

    async def get_article(self, article_id: str) -> EnrichedArticle | None:
        async with self._conn() as conn:
            raw = await conn.fetchval("SELECT raw FROM articles WHERE id = $1", article_id)
        return None if raw is None else unpack(raw, "")

    async def get_event(self, event_id: str) -> EventHit | None:
        sql, params = event_sql(event_id, DIALECT)
        async with self._conn() as conn:
            rows = await conn.fetch(sql, *params)
        return event_with_id(rows, event_id)


def quote_ident(name: str) -> str:
    """`name` as an SQL identifier, whatever characters it holds."""
    return '"' + name.replace('"', '""') + '"'


async def _planned(conn: Any, query: SearchQuery) -> Planned:
    """The query's plan, and whether its filters are probed row by row rather than listed
    (`sql.is_broad`): one of each serves a page and its facets."""
    if query.type == "articles":
        plan = article_plan(query, DIALECT)
    else:
        # The actor's number (none held: 0, which no actor has), and the longest interval as a
        # value the planner sees (`sql.SPAN`).
        actor = None
        if query.actor and name_key(query.actor):
            number = await conn.fetchval(NUMBER, name_key(query.actor))
            actor = 0 if number is None else int(number)
        span = None
        if query.since is not None:
            span = int(await conn.fetchval("SELECT max(days) FROM event_span") or 0)
        plan = event_plan(query, DIALECT, span, actor)
    broad = False
    stated = share_sql(plan)
    if stated is not None:
        statement, params = stated
        row = await conn.fetchrow(statement, *params)
        broad = sql.is_broad(int(row[0]), int(row[1]), DIALECT.broad_share)
    if query.order != "rank":
        return Planned(plan, broad)
    return Planned(plan, broad, await _window(conn, query, Planned(plan, broad)))


async def _page(conn: Any, query: SearchQuery, planned: Planned) -> SearchPage:
    plan, broad, window = planned
    if window is not None:
        total = len(window)
    else:
        sql, params = count_sql(plan, broad=broad)
        total = int(await conn.fetchval(sql, *params))
    sql, params = page_sql(query, plan, broad=broad or not total_is_exact(total), window=window)
    rows = await conn.fetch(sql, *params)
    if query.type == "events":
        return search_page(query, rows, total)
    texts: dict[str, str] = {}
    hits = [_hit_row(row, texts) for row in rows]
    ids = [hit[0] for hit in hits[: query.limit]]
    snippets = await _snippets(conn, query.text, ids, texts) if query.text else {}
    return search_page(query, hits, total, await _entity_names(conn, ids), snippets)


def _hit_row(row: Sequence[Any], texts: dict[str, str]) -> tuple[Any, ...]:
    """A row of `PostgresDialect.article_columns` (and the score) as the columns of an article
    hit (`sql.ARTICLE_COLUMNS`), from its message; its text put in `texts` by id."""
    article_id, raw, published_at, score = row
    article = unpacked_article(raw)
    texts[article_id] = article["text"]
    return (
        article_id,
        article["url"],
        article["title"],
        article["source"],
        published_at,
        article["text"][:LEAD_CHARS],
        article["summary"],
        score,
    )


async def _window(conn: Any, query: SearchQuery, planned: Planned) -> list[int]:
    """`sql.window_sql`'s keys; a phrase's are looked for range by range (`_phrase_window`)."""
    if query.text is not None and query.text.has_phrase:
        return await _phrase_window(conn, planned)
    sql, params = window_sql(planned.plan, broad=planned.broad)
    return [row[0] for row in await conn.fetch(sql, *params)]


async def _phrase_window(conn: Any, planned: Planned) -> list[int]:
    """A phrase's window, tested only on the articles that hold all its word pairs (`PAIRS`),
    or, a phrase with no two adjacent indexed words, all its words.

    A GIN index gives the articles holding a phrase's pairs or words, and each one's tsvector
    is read to test the phrase (a few microseconds). Read newest first, an article at a time,
    a phrase rarer than its words tested every article (675 ms p95 at 100,000 articles;
    "million year": 0 of 41,000 holding both words). Here each statement tests a range of
    keys, the index's bitmap ANDed with the range's (the planner is told to use bitmaps: it
    reckons a tsvector test as cheap as a key's), first the newest `PHRASE_RANGE` keys, then
    as many more as the matches found so far say the window needs (half again), or all the
    rest when none was found: at most the articles holding the pairs are tested, and a common
    phrase stops in its first ranges."""
    found: list[int] = []
    async with conn.transaction():
        # The newest key first, from its index: with index scans off, max() read every row.
        high = int(await conn.fetchval("SELECT coalesce(max(doc), 0) + 1 FROM articles"))
        await conn.execute("SET LOCAL enable_indexscan = off; SET LOCAL enable_seqscan = off")
        top, size = high, PHRASE_RANGE
        while high > 0 and len(found) <= sql.RECENT_MATCHES:
            low = max(high - size, 0)
            statement, params = window_sql(planned.plan, broad=planned.broad, docs=(low, high))
            found += [row[0] for row in await conn.fetch(statement, *params)]
            wanted = sql.RECENT_MATCHES + 1 - len(found)
            size = (top - low) * wanted * 3 // (2 * len(found)) + 1 if found else low
            high = low
    return found[: sql.RECENT_MATCHES + 1]


async def _facets(conn: Any, query: SearchQuery, planned: Planned, size: int) -> Facets:
    plan, broad, window = planned
    sql, params = facets_sql(query, plan, size, broad=broad, window=window)
    return facets_from_rows(await conn.fetch(sql, *params))


# The article rows of a batch in one statement, one array parameter per column: the id, the
# three times, the message, the title and the text (of which the tsvector is made; the message
# holds them), and the `ARTICLE_ARRAYS` of each row as its literal (`{"a","b"}`, or NULL),
# cast: an array parameter cannot hold arrays of different lengths. Returns `id, doc` of each
# row written; none for a record older than the one held.
ARTICLES_MANY = (
    "INSERT INTO articles (id, published_at, extracted_at, indexed_at, raw, tsv, "
    f"{ARTICLE_ARRAYS}) SELECT id, published_at, extracted_at, indexed_at, raw, "
    "setweight(to_tsvector('english'::regconfig, title), 'A') || "
    "setweight(to_tsvector('english'::regconfig, left(body, 250000)), 'B'), "
    "entity_keys::text[], place_keys::text[], countries::int2[] "
    "FROM unnest($1::text[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[], "
    "$5::bytea[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) AS u(id, "
    "published_at, extracted_at, indexed_at, raw, title, body, entity_keys, place_keys, "
    "countries) ON CONFLICT (id) DO UPDATE SET published_at = excluded.published_at, "
    "extracted_at = excluded.extracted_at, raw = excluded.raw, tsv = excluded.tsv, "
    "entity_keys = excluded.entity_keys, place_keys = excluded.place_keys, "
    "countries = excluded.countries "
    "WHERE excluded.extracted_at >= articles.extracted_at RETURNING id, doc"
)
# Each key's latest spelling (`upsert.names`), in key order, so that two writers lock the
# rows in one order; a spelling already held is not written again (a dead row each). Gives
# each key's number: those it wrote, and those held before the statement began; a key another
# writer added since is read after it (`NUMBERS`).
NAMES = (
    "WITH u AS (SELECT key, name FROM unnest($1::text[], $2::text[]) AS u(key, name)), "
    "w AS (INSERT INTO names (key, name) SELECT key, name FROM u ORDER BY key "
    "ON CONFLICT (key) DO UPDATE SET name = excluded.name WHERE names.name <> excluded.name "
    "RETURNING key, id) "
    "SELECT key, id FROM w UNION ALL SELECT n.key, n.id FROM names n JOIN u ON n.key = u.key"
)
NUMBERS = "SELECT key, id FROM names WHERE key = ANY($1::text[])"
NUMBER = "SELECT id FROM names WHERE key = $1"
# The characters of an article's text shown where a hit has no summary nor snippet.
LEAD_CHARS = 1000
# The events held for many articles: their keys, from each article's key range.
HELD_EVENTS_MANY = (
    f"SELECT e.n FROM unnest($1::bigint[]) AS d(doc) JOIN events e "
    f"ON e.n >= d.doc * {EVENT_SLOTS} AND e.n < (d.doc + 1) * {EVENT_SLOTS}"
)


async def _write_all(conn: Any, records: list[tuple[ArticleRecord, dt.datetime]]) -> UpsertStats:
    """Upsert records (of distinct articles), each with its time of indexing, inside the
    caller's transaction: the article rows in one statement, the events they hold in another,
    then the rest of every article in one statement per table (`Upsert.merged`), where one
    statement per article and step made 200 round trips of a batch of 100."""
    stats = UpsertStats()
    if not records:
        return stats
    columns = list(
        zip(
            *(
                (r.id, r.published_at, r.extracted_at, now, r.raw, r.title, r.text, *_literals(r))
                for r, now in records
            ),
            strict=True,
        )
    )
    written = {row[0]: row[1] for row in await conn.fetch(ARTICLES_MANY, *map(list, columns))}
    spelled = names([r for r, _ in records if r.id in written])
    numbers: dict[str, int] = {}
    if spelled:
        rows = await conn.fetch(NAMES, list(spelled), list(spelled.values()))
        numbers = {row[0]: row[1] for row in rows}
        missing = [key for key in spelled if key not in numbers]
        if missing:
            numbers |= {row[0]: row[1] for row in await conn.fetch(NUMBERS, missing)}
    docs = [written[r.id] for r, _ in records if r.id in written]
    held: dict[int, list[int]] = {doc: [] for doc in docs}
    for row in await conn.fetch(HELD_EVENTS_MANY, docs):
        held[row[0] // EVENT_SLOTS].append(row[0])
    rests = []
    for r, _ in records:
        doc = written.get(r.id)
        if doc is None:
            stats += UpsertStats(stale=1)
            continue
        rests.append(UPSERT.rest(r, doc, held[doc], numbers))
    for statement, rows in UPSERT.merged(rests):
        await conn.executemany(statement, rows)
    for rest in rests:
        stats += rest.stats
    return stats


def _literals(r: ArticleRecord) -> tuple[str | None, ...]:
    """The article's `upsert.article_arrays` as array literals (`ARTICLES_MANY`), its
    countries as their numbers (`country`)."""
    keys, places, codes = article_arrays(r)
    return (
        *(
            None if values is None else "{" + ",".join(map(_quoted, values)) + "}"
            for values in (keys, places)
        ),
        None if codes is None else "{" + ",".join(str(country(code)) for code in codes) + "}",
    )


def _quoted(value: str) -> str:
    """An element of an array literal, whatever characters it holds."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


async def _rebuild_older(conn: Any, version: int) -> None:
    """Turn an index of an older version into this version inside the caller's transaction:
    keep its articles' messages, drop every other table, create this schema and write each
    message again, as it was first indexed (its `indexed_at` kept). Version 1 stored the
    message whole as JSON; version 2 packed it without its text (`records.unpack` reads it)."""
    await conn.execute(OLDER_DROPPED)
    if version > 1:
        await conn.execute(OLDER_DOC_KEY)
    await conn.execute(SCHEMA)
    await conn.execute(IN_ROW)
    # In the order the articles were first indexed (their `doc`, from version 2), which is
    # what "most recent" means to a search; version 1 kept no such order.
    # Version 7 on keeps the text in the message (`records.pack`).
    text, key, last = (
        ("text" if version < 7 else "''", "doc", 0) if version > 1 else ("''", "id", "")
    )
    while True:
        rows = await conn.fetch(
            f"SELECT {key}, raw, {text}, indexed_at FROM articles_old WHERE {key} > $1 "
            f"ORDER BY {key} LIMIT $2",
            last,
            REBUILD_BATCH,
        )
        if not rows:
            break
        last = rows[-1][0]
        await _write_all(
            conn,
            [
                (to_record(stored_message(version, raw, body), with_text=True), at)
                for _, raw, body, at in rows
            ],
        )
    await conn.execute("DROP TABLE articles_old")


async def _entity_names(conn: Any, ids: list[str]) -> dict[str, list[str]]:
    if not ids:
        return {}
    # The names are in the order hits list them (`upsert.article_arrays`).
    rows = await conn.fetch(
        "SELECT a.id, coalesce(nm.name, x.key) FROM articles a, unnest(a.entity_keys) WITH "
        "ORDINALITY AS x(key, i) LEFT JOIN names nm ON nm.key = x.key "
        "WHERE a.id = ANY($1::text[]) ORDER BY a.id, x.i",
        ids,
    )
    return names_by_article(rows)


async def _snippets(
    conn: Any, text: TextQuery, ids: list[str], texts: dict[str, str]
) -> dict[str, str]:
    """The hits' snippets, of their texts as their messages gave them (`_hit_row`)."""
    if not ids:
        return {}
    params = Params(DIALECT)
    options, wanted = params(HEADLINE_OPTIONS), params(ids)
    bodies = params([texts[i] for i in ids])
    rows = await conn.fetch(
        f"SELECT u.id, ts_headline('english'::regconfig, left(u.body, 250000), "
        f"{pg_tsquery(text, params)}, {options}) "
        f"FROM unnest({wanted}::text[], {bodies}::text[]) AS u(id, body)",
        *params.values,
    )
    return {row[0]: row[1] for row in rows if row[1]}
