"""The shared store cases over a real PostgreSQL, plus what only PostgreSQL has."""

from __future__ import annotations

import asyncio

import asyncpg
import pytest

from services.indexer.query import build_query
from services.indexer.store import SCHEMA_VERSION, SchemaMismatch, StoreUnavailable
from services.indexer.store.postgres import PostgresStore
from tests import factories as f
from tests.unit.indexer.store_cases import CORPUS, Reopen, StoreCases


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
        assert await conn.fetchval("SELECT max(version) FROM schema_version") == SCHEMA_VERSION
    finally:
        await conn.close()


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
