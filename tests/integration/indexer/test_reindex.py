"""`newsflow reindex` as a process, on the real broker and real stores (SQLite, PostgreSQL).

The indexer runs in this process and serves its API the whole time; the command runs as an
operator runs them, while articles keep arriving and a reader keeps searching.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import httpx
import pytest
from aiokafka import AIOKafkaProducer

from services.indexer.app import build
from services.indexer.query import SearchQuery
from services.indexer.settings import IndexerSettings
from services.indexer.store import open_store
from shared import topics
from tests.factories import many
from tests.integration.conftest import eventually, newsflow, payload, produce, running

pytestmark = pytest.mark.timeout(240)

ARTICLES = many(61)
# In the topic before the rebuild starts, arriving while it runs, and only in the old index.
FIRST, ARRIVING, GHOST = ARTICLES[:40], ARTICLES[40:60], ARTICLES[60]
EVERY_ID = {e.article.id for e in FIRST + ARRIVING}


async def total(client: httpx.AsyncClient) -> int:
    body = (await client.get("/v1/search", params={"q": "ceasefire", "limit": "1"})).json()
    return int(body["total"])


async def ids(client: httpx.AsyncClient) -> set[str]:
    body = (await client.get("/v1/search", params={"q": "ceasefire", "limit": "100"})).json()
    return {r["id"] for r in body["results"]}


def _link_target(path: Path) -> str:
    """The name of the file a link points to ("" when `path` is no link)."""
    return path.resolve().name if path.is_symlink() else ""


@pytest.fixture
async def api(service_env: dict[str, str]) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(
        base_url=f"http://127.0.0.1:{service_env['NEWSFLOW_API_PORT']}"
    ) as client:
        yield client


async def rebuild_under_load(kafka: str, client: httpx.AsyncClient) -> list[tuple[int, int]]:
    """Run `newsflow reindex --allow-fewer` while articles arrive and a reader searches; the
    (status, total) of every search the reader made."""
    seen: list[tuple[int, int]] = []
    done = asyncio.Event()

    async def read() -> None:
        while not done.is_set():
            response = await client.get("/v1/search", params={"q": "ceasefire", "limit": "1"})
            seen.append((response.status_code, int(response.json().get("total") or 0)))
            await asyncio.sleep(0.05)

    async def arrive() -> None:
        for one in ARRIVING:
            await produce(kafka, topics.ENRICHED, payload([one]))
            await asyncio.sleep(0.1)

    reader, producer = asyncio.create_task(read()), asyncio.create_task(arrive())
    code, err = await newsflow("reindex", "--allow-fewer")
    await producer
    done.set()
    await reader
    assert code == 0, err
    assert "replaced the index" in err
    return seen


async def test_reindex_swaps_a_new_sqlite_index_in_while_the_indexer_serves(
    service_env: dict[str, str], api: httpx.AsyncClient
) -> None:
    kafka = service_env["NEWSFLOW_KAFKA_BOOTSTRAP"]
    settings = IndexerSettings()
    index = Path(settings.resolved_index_url().removeprefix("sqlite:///"))
    async with running(build(settings)):
        await produce(kafka, topics.ENRICHED, payload(FIRST))

        async def first_indexed() -> bool:
            return await total(api) == len(FIRST)

        await eventually(first_indexed)
        # An article only the index holds: a rebuild from the topic cannot have it.
        store = open_store(settings.resolved_index_url())
        await store.open()
        await store.upsert([GHOST])
        await store.close()
        assert await total(api) == len(FIRST) + 1

        # Fewer articles than the live index: refused, the live index kept, nothing left over.
        code, err = await newsflow("reindex")
        assert code == 1, err
        assert "--allow-fewer" in err
        assert await total(api) == len(FIRST) + 1
        assert sorted(p.name for p in index.parent.glob("index.sqlite3*")) == [
            "index.sqlite3",
            "index.sqlite3-shm",
            "index.sqlite3-wal",
        ]

        seen = await rebuild_under_load(kafka, api)

        async def all_arrived() -> bool:
            return await total(api) == len(EVERY_ID)

        await eventually(all_arrived)
        assert await ids(api) == EVERY_ID  # the ghost is gone: the index was rebuilt
    # Readers never saw a half-built index: every answer was whole, never below what the
    # topic held when the rebuild began.
    assert seen
    assert {status for status, _ in seen} == {200}
    assert min(count for _, count in seen) >= len(FIRST)
    assert _link_target(index).startswith("index.sqlite3.")


async def test_reindex_moves_new_postgres_tables_in_and_leaves_other_tables(
    service_env: dict[str, str],
    api: httpx.AsyncClient,
    empty_pg: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEWSFLOW_INDEX_URL", empty_pg)
    kafka = service_env["NEWSFLOW_KAFKA_BOOTSTRAP"]
    async with running(build(IndexerSettings())):
        await produce(kafka, topics.ENRICHED, payload(FIRST))

        async def first_indexed() -> bool:
            return await total(api) == len(FIRST)

        await eventually(first_indexed)
        store = open_store(empty_pg)
        await store.open()
        await store.upsert([GHOST])
        await store.close()
        conn = await asyncpg.connect(empty_pg)
        try:
            await conn.execute(
                "CREATE TABLE public.not_ours (x int); INSERT INTO not_ours VALUES (7)"
            )
            seen = await rebuild_under_load(kafka, api)

            async def all_arrived() -> bool:
                return await total(api) == len(EVERY_ID)

            await eventually(all_arrived)
            assert await ids(api) == EVERY_ID
            assert await conn.fetchval("SELECT x FROM public.not_ours") == 7
            # The functions of the new index moved in with its tables, the old ones went.
            functions = await conn.fetch(
                "SELECT s.nspname FROM pg_proc p JOIN pg_namespace s ON s.oid = p.pronamespace "
                "WHERE p.proname LIKE 'newsflow%'"
            )
            assert [r[0] for r in functions] == ["public", "public"]
            found = await api.get("/v1/search", params={"q": '"report 7 on"'})
            assert found.json()["total"] == 1
            schemas = await conn.fetch(
                "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'public%'"
            )
            assert [r[0] for r in schemas] == ["public"]
        finally:
            await conn.close()
    assert {status for status, _ in seen} == {200}
    assert min(count for _, count in seen) >= len(FIRST)


def _rebuilds(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("index.sqlite3.*"))


async def test_a_reindex_stopped_before_the_swap_leaves_the_live_index_as_it_was(
    service_env: dict[str, str],
) -> None:
    kafka = service_env["NEWSFLOW_KAFKA_BOOTSTRAP"]
    settings = IndexerSettings()
    store = open_store(settings.resolved_index_url())
    await store.open()
    await store.upsert(FIRST)
    await store.close()
    # Enough that the rebuild is still running when it is stopped; sent without waiting for
    # each acknowledgement, which would take longer than the test.
    producer = AIOKafkaProducer(bootstrap_servers=kafka, acks="all")
    await producer.start()
    try:
        sent = [await producer.send(topics.ENRICHED, v, key=k) for k, v in payload(many(3000))]
        await asyncio.gather(*sent)
    finally:
        await producer.stop()
    state = settings.state_dir
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "services.cli.main",
        "reindex",
        env=dict(os.environ),
        stderr=asyncio.subprocess.PIPE,
    )

    async def building() -> bool:
        return bool(_rebuilds(state))

    await eventually(building)  # the new index exists: the command is running its consumer
    process.send_signal(signal.SIGINT)
    _, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 130, err.decode()
    assert "stopped; the live index is as it was" in err.decode()
    assert _rebuilds(state) == []
    assert not (state / "index.sqlite3").is_symlink()
    store = open_store(settings.resolved_index_url())
    await store.open()
    try:
        assert {h.id for h in (await store.search(SearchQuery(limit=100))).results} == {
            e.article.id for e in FIRST
        }
    finally:
        await store.close()
