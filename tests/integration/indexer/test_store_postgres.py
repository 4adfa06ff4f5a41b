"""The shared store cases over a real PostgreSQL, plus what only PostgreSQL has."""

from __future__ import annotations

import asyncio
import datetime as dt

import asyncpg
import pytest

from services.indexer.query import build_query
from services.indexer.records import EVENT_SLOTS, pack
from services.indexer.store import SCHEMA_VERSION, SchemaMismatch, StoreUnavailable, postgres, sql
from services.indexer.store.postgres import PostgresStore
from shared.models import EnrichedArticle
from tests import factories as f
from tests.unit.indexer import schema_2, schema_3, schema_4, schema_5, schema_6
from tests.unit.indexer.store_cases import (
    CORPUS,
    Older,
    Reopen,
    StoreCases,
    assert_holds_the_corpus,
)


class TestPostgresStore(StoreCases):
    @pytest.fixture
    def reopen(self, empty_pg: str) -> Reopen:
        return lambda: PostgresStore(empty_pg, pool_size=4)


async def test_schema_has_gin_index_and_version(empty_pg: str) -> None:
    store = PostgresStore(empty_pg)
    await store.open()
    await store.close()
    conn = await asyncpg.connect(empty_pg)
    try:
        indexdef = await conn.fetchval(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'articles_tsv'"
        )
        assert "USING gin (tsv)" in indexdef
        assert await _tsv_storage(conn) == ("m", "l")
        assert await conn.fetchval("SELECT max(version) FROM schema_version") == SCHEMA_VERSION
    finally:
        await conn.close()


async def test_a_key_is_shown_in_its_latest_spelling(empty_pg: str) -> None:
    """PostgreSQL keeps one name per key (`postgres.NAMES`): hits, article facets and event
    facets all show the spelling the latest article written gave it, and each article's own
    spelling is in its message (`get_article`). SQLite shows each article's own."""
    first, second = (
        f.article(f"https://example.com/spelling-{i}", text="Truce talks.") for i in (1, 2)
    )
    made = [
        f.enriched(
            of,
            entities=[f.entity(name, country_code="UA")],
            places=[f.place(place, country_code="UA")],
            events=[f.event(of, 0, sources=[name], places=[place])],
        )
        for of, name, place in ((first, "ACME Corp", "KYIV"), (second, "Acme corp", "Kyiv"))
    ]
    store = PostgresStore(empty_pg)
    await store.open()
    try:
        for one in made:  # one batch each: the second is the latest written
            await store.upsert([one])
        hits = (await store.search(build_query({"actor": "acme CORP"}))).results
        assert [getattr(hit, "entities", None) for hit in hits] == [["Acme corp"]] * 2
        for kind in ("articles", "events"):
            facets = await store.facets(build_query({"country": "UA", "type": kind}))
            assert [(c.value, c.count) for c in facets.actors] == [("Acme corp", 2)]
            assert [(c.value, c.count) for c in facets.places] == [("Kyiv", 2)]
            assert [(c.value, c.count) for c in facets.countries] == [("UA", 2)]
        kept = await store.get_article(first.id)
        assert kept is not None
        assert [e.name for e in kept.entities] == ["ACME Corp"]
        assert kept.article.text == "Truce talks."
    finally:
        await store.close()


async def test_concurrent_opens_create_the_schema_once(empty_pg: str) -> None:
    stores = [PostgresStore(empty_pg, pool_size=1) for _ in range(4)]
    await asyncio.gather(*(s.open() for s in stores))
    try:
        assert all([await s.ping() for s in stores])
    finally:
        await asyncio.gather(*(s.close() for s in stores))


async def test_concurrent_writers_of_the_same_articles(empty_pg: str) -> None:
    """Two indexers redelivered the same batch at once: no deadlock, no duplicate rows."""
    a, b = PostgresStore(empty_pg, pool_size=2), PostgresStore(empty_pg, pool_size=2)
    await asyncio.gather(a.open(), b.open())
    try:
        batch = CORPUS + f.many(20)
        await asyncio.gather(a.upsert(batch), b.upsert(list(reversed(batch))))
        page = await a.search(build_query({"type": "events", "limit": 100}))
        assert page.total == 25
        assert len({hit.id for hit in page.results}) == 25
    finally:
        await asyncio.gather(a.close(), b.close())


async def test_newer_schema_is_refused(empty_pg: str) -> None:
    store = PostgresStore(empty_pg)
    await store.open()
    await store.close()
    conn = await asyncpg.connect(empty_pg)
    try:
        await conn.execute("UPDATE schema_version SET version = $1", SCHEMA_VERSION + 1)
    finally:
        await conn.close()
    with pytest.raises(SchemaMismatch, match="newer"):
        await PostgresStore(empty_pg).open()


async def test_unreachable_server_is_unavailable() -> None:
    # Port 9 (discard) is closed on the loopback interface of any test machine.
    store = PostgresStore("postgresql://postgres@127.0.0.1:9/none")
    with pytest.raises(StoreUnavailable):
        await store.open()
    assert not await store.ping()


# Version 1's articles table and one of its other tables, as it created them.
VERSION_1 = """
CREATE TABLE schema_version (version integer NOT NULL);
CREATE TABLE articles (
    id text COLLATE "C" PRIMARY KEY, url text NOT NULL, title text NOT NULL,
    text text NOT NULL, summary text NOT NULL, source text NOT NULL,
    published_at timestamptz NOT NULL, extracted_at timestamptz NOT NULL,
    indexed_at timestamptz NOT NULL, raw text NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, text)) STORED
);
CREATE INDEX articles_tsv ON articles USING gin (tsv);
CREATE INDEX articles_published ON articles (published_at, id);
CREATE TABLE entities (article_id text NOT NULL, name text NOT NULL, key text NOT NULL);
"""


def _json(enriched: EnrichedArticle) -> str:
    return enriched.model_dump_json()


OLDER = {
    1: Older(VERSION_1, _json),
    2: Older(
        schema_2.POSTGRES,
        schema_2.pack,
        "INSERT INTO events (n, id, type, date_start, date_end, dated) "
        "VALUES ($1, $2, $3, '2025-01-01', '2025-01-01', true)",
        lambda n, v: (n, v.id, v.type),
    ),
    3: Older(
        schema_3.POSTGRES,
        pack,
        "INSERT INTO events (n, type, date_start, date_end, dated) "
        "VALUES ($1, $2, '2025-01-01', '2025-01-01', true)",
        lambda n, v: (n, v.type),
    ),
    4: Older(
        schema_4.POSTGRES,
        pack,
        "INSERT INTO events (n, type, date_start, date_end, dated) "
        "VALUES ($1, $2, '2025-01-01', '2025-01-01', true)",
        lambda n, v: (n, v.type),
    ),
    5: Older(
        schema_5.POSTGRES,
        pack,
        "INSERT INTO events (n, type, date_start, date_end, dated) "
        "VALUES ($1, $2, '2025-01-01', '2025-01-01', true)",
        lambda n, v: (n, v.type),
    ),
    6: Older(
        schema_6.POSTGRES,
        pack,
        "INSERT INTO events (n, type, date_start, date_end, dated) "
        "VALUES ($1, $2, '2025-01-01', '2025-01-01', true)",
        lambda n, v: (n, v.type),
    ),
}


@pytest.mark.parametrize("version", sorted(OLDER))
async def test_older_index_is_rebuilt_from_its_messages(empty_pg: str, version: int) -> None:
    """Version 1 stored each message whole as JSON; 2 packed it without its text and gave
    every event row its text id; 3 kept no event date in an actor's rows; 4 had no index of
    word pairs; 5 kept an article's actors and places in tables of their own; 6 kept the text
    in a column, each key's name beside it and countries as text. The store
    rebuilds such an index from the messages (and their texts), keeping when each was
    indexed, and its phrases are found from the pairs."""
    older = OLDER[version]
    indexed_at = dt.datetime(2025, 12, 21, tzinfo=dt.UTC)
    conn = await asyncpg.connect(empty_pg)
    try:
        await conn.execute(older.schema)
        await conn.execute("INSERT INTO schema_version VALUES ($1)", version)
        for e in CORPUS:
            a = e.article
            await conn.execute(
                "INSERT INTO articles (id, url, title, text, summary, source, published_at, "
                "extracted_at, indexed_at, raw) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9)",
                a.id, a.url, a.title, a.text, a.summary, a.source, a.published_at, indexed_at,
                older.stored(e),
            )  # fmt: skip
            if older.events:
                doc = await conn.fetchval("SELECT doc FROM articles WHERE id = $1", a.id)
                events = [older.event(doc * EVENT_SLOTS + i, v) for i, v in enumerate(e.events)]
                await conn.executemany(older.events, events)
    finally:
        await conn.close()
    store = PostgresStore(empty_pg)
    await store.open()
    try:
        await assert_holds_the_corpus(store)
        await store.upsert(f.many(2))  # the new table's own key sequence
        assert (await store.search(build_query({"q": "ceasefire"}))).total == 2
        assert (await store.search(build_query({"q": '"Jared Kushner"'}))).total == 1
    finally:
        await store.close()
    conn = await asyncpg.connect(empty_pg)
    try:
        assert await conn.fetchval("SELECT max(version) FROM schema_version") == SCHEMA_VERSION
        kept = await conn.fetch("SELECT DISTINCT indexed_at FROM articles")
        assert indexed_at in [row[0] for row in kept]
        columns = await conn.fetch(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_name IN ('events', 'event_actors') OR (table_name = 'articles' "
            "AND data_type = 'ARRAY')"
        )
        assert {(row[0], row[1]) for row in columns} == {
            *(("events", c) for c in ("n", "type", "date_start", "date_end", "dated")),
            *(("events", c) for c in ("places", "countries")),
            *(("event_actors", c) for c in ("n", "actor", "date_start")),
            *(("articles", c) for c in ("entity_keys", "place_keys", "countries")),
        }
        text = "SELECT count(*) FROM information_schema.columns WHERE table_name = 'articles' "
        assert await conn.fetchval(text + "AND column_name IN ('text', 'url', 'title')") == 0
        assert await conn.fetchval("SELECT count(*) FROM names") > 0
        for gone in ("event_places", "event_countries", "entities", "places"):
            assert await conn.fetchval("SELECT to_regclass($1)", gone) is None
        assert await conn.fetchval("SELECT to_regclass('articles_old')") is None
        for index in ("articles_pairs", "articles_entities", "articles_countries"):
            made = "SELECT indrelid::regclass::text FROM pg_index WHERE indexrelid = $1::regclass"
            assert await conn.fetchval(made, index) == "articles"
        assert await _tsv_storage(conn) == ("m", "l"), "in the row, lz4 (IN_ROW)"
        if older.events:
            # The articles keep the order they were first indexed in (not their ids').
            by_doc = await conn.fetch("SELECT id FROM articles ORDER BY doc")
            written = [e.article.id for e in CORPUS]
            assert [row[0] for row in by_doc][: len(CORPUS)] == written != sorted(written)
    finally:
        await conn.close()


async def _tsv_storage(conn: asyncpg.Connection) -> tuple[str, str]:
    """How the articles' tsvector is stored: (attstorage, attcompression)."""
    row = await conn.fetchrow(
        "SELECT attstorage::text, attcompression::text FROM pg_attribute "
        "WHERE attrelid = 'articles'::regclass AND attname = 'tsv'"
    )
    assert row is not None
    return row[0], row[1]


async def test_connections_plan_for_their_parameters(empty_pg: str) -> None:
    """Prepared statements never fall back to a generic plan, and no query is JIT-compiled or
    started on parallel workers."""
    store = PostgresStore(empty_pg, pool_size=1)
    await store.open()
    try:
        async with store._conn() as conn:
            assert await conn.fetchval("SHOW plan_cache_mode") == "force_custom_plan"
            assert await conn.fetchval("SHOW jit") == "off"
            assert await conn.fetchval("SHOW max_parallel_workers_per_gather") == "0"
    finally:
        await store.close()


@pytest.mark.parametrize("first_range", [1, 2, 8_192])
async def test_a_phrase_is_looked_for_range_by_range(
    empty_pg: str, monkeypatch: pytest.MonkeyPatch, first_range: int
) -> None:
    """A phrase's window is tested range by range of keys, newest first, on the articles that
    hold its words: the same window whatever range it starts with, whether the ranges grow by
    the matches found so far or, none found, take all the rest."""
    monkeypatch.setattr(postgres, "PHRASE_RANGE", first_range)
    monkeypatch.setattr(sql, "RECENT_MATCHES", 3)
    made = []
    for i in range(12):
        # The phrase in every third article and in the oldest; the words alone in the rest.
        text = "Talks on peace went on."
        if i % 3 == 2:
            text = "The peace talks went on."
        elif i == 0:
            text = "The peace talks began."
        made.append(f.enriched(f.article(f"https://example.com/talks/{i}", text=text)))
    store = PostgresStore(empty_pg, pool_size=1)
    await store.open()
    try:
        for enriched in made:
            await store.upsert([enriched])

        async def found(text: str) -> tuple[int | None, set[str]]:
            page = await store.search(build_query({"q": text, "limit": 10}))
            return page.total, {hit.id for hit in page.results}

        newest = {made[i].article.id for i in (11, 8, 5)}
        assert await found('"peace talks"') == (4, newest), "one past the window of three"
        assert await found('"peace talks began"') == (1, {made[0].article.id})
        assert await found('"talks peace"') == (0, set())
        await store.upsert([f.enriched(f.article("https://example.com/talks/12", text="Talks."))])
        assert await found('"peace talks"') == (4, newest)
    finally:
        await store.close()


# Words that are in most of `_random_texts`' articles, in every order, with common words (not
# indexed: gaps in the positions) and a hyphenated compound (three lexemes at three places).
_VOCABULARY = "peace talks talk resumed end of the war well-known envoy said year".split()  # noqa: SIM905


def _random_texts(seed: int, count: int) -> list[str]:
    import random

    rng = random.Random(seed)
    return [" ".join(rng.choices(_VOCABULARY, k=rng.randrange(3, 30))) for _ in range(count)]


async def test_phrases_find_what_the_tsvector_matches(empty_pg: str) -> None:
    """Over random texts of a few common words, every phrase of one to four of them finds
    exactly the articles whose tsvector matches it (the plain `@@` test, without the pairs),
    and each of those holds the phrase's pairs (the index never leaves one out)."""
    import random

    texts = _random_texts(15, 90)
    made = [
        f.enriched(f.article(f"https://example.com/random/{i}", title="", text=text))
        for i, text in enumerate(texts)
    ]
    store = PostgresStore(empty_pg, pool_size=1)
    await store.open()
    rng = random.Random(5)
    phrases = {" ".join(rng.choices(_VOCABULARY, k=rng.randrange(1, 5))) for _ in range(150)}
    conn = await asyncpg.connect(empty_pg)
    try:
        await store.upsert(made)
        tested = found = 0
        for phrase in sorted(phrases):
            try:
                query = build_query({"q": f'"{phrase}"', "limit": 100})
            except ValueError:
                continue  # common words only: refused, as on any store
            assert query.text is not None
            page = await store.search(query)
            matching = await conn.fetch(
                "SELECT id, newsflow_word_pairs(tsv) @> newsflow_phrase_pairs($1) FROM articles "
                "WHERE ts_match_vq(tsv, phraseto_tsquery('english'::regconfig, $1))",
                query.text.groups[0][0].text,
            )
            assert sorted(hit.id for hit in page.results) == sorted(r[0] for r in matching), phrase
            assert all(r[1] for r in matching), phrase
            tested, found = tested + 1, found + len(matching)
        assert tested > 100
        assert 0 < found < tested * len(texts) / 2, "some phrases found, many rare or absent"
    finally:
        await conn.close()
        await store.close()


async def test_a_phrase_window_reads_the_pairs_index(empty_pg: str) -> None:
    """The statement of a phrase's window (`postgres._phrase_window`) finds the articles from
    the index of word pairs and tests the phrase only on those; a phrase with no two adjacent
    indexed words is looked for by its words."""
    store = PostgresStore(empty_pg, pool_size=1)
    await store.open()
    made = [
        f.enriched(f.article(f"https://example.com/plan/{i}", text=text))
        for i, text in enumerate(_random_texts(3, 200))
    ]
    try:
        await store.upsert(made)

        async def plan_of(text: str) -> str:
            query = build_query({"q": text})
            window = sql.window_sql(sql.article_plan(query, postgres.DIALECT), docs=(0, 1000))
            async with store._conn() as conn, conn.transaction():
                await conn.execute("ANALYZE articles")
                await conn.execute("SET LOCAL enable_indexscan = off")
                await conn.execute("SET LOCAL enable_seqscan = off")
                rows = await conn.fetch("EXPLAIN " + window[0], *window[1])
            return "\n".join(row[0] for row in rows)

        plan = await plan_of('"envoy said peace"')
        assert "Bitmap Index Scan on articles_pairs" in plan
        assert "articles_tsv" not in plan
        assert any("Filter:" in line and "ts_match_vq(" in line for line in plan.splitlines())
        plan = await plan_of('"end of the war"')
        assert "articles_pairs" not in plan
        assert "(tsv @@ '''end'' <3> ''war'''::tsquery)" in plan
    finally:
        await store.close()
