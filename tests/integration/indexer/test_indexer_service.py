"""The indexer service on the real broker, writing to the real PostgreSQL."""

from __future__ import annotations

import asyncpg
import httpx
import pytest

from services.indexer.app import build
from services.indexer.settings import IndexerSettings
from services.indexer.store import open_store
from shared import topics
from shared.dlq import H_ATTEMPTS, H_REASON, H_SERVICE
from tests.factories import many
from tests.integration.conftest import collect, eventually, produce, running

pytestmark = pytest.mark.timeout(180)


async def test_enriched_articles_land_in_postgres_once(
    service_env: dict[str, str], empty_pg: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSFLOW_INDEX_URL", empty_pg)
    kafka = service_env["NEWSFLOW_KAFKA_BOOTSTRAP"]
    batch = many(25)
    payload = [(e.article.id.encode(), e.model_dump_json().encode()) for e in batch]
    api = f"http://127.0.0.1:{service_env['NEWSFLOW_API_PORT']}"
    async with running(build(IndexerSettings())), httpx.AsyncClient(base_url=api) as client:
        # Twice: a redelivered batch is an upsert of the same rows.
        await produce(kafka, topics.ENRICHED, payload + payload)

        async def all_there() -> bool:
            body = (
                await client.get("/v1/search", params={"q": "ceasefire", "limit": "100"})
            ).json()
            return bool(body.get("total") == len(batch))

        await eventually(all_there)
        body = (await client.get("/v1/search", params={"q": "ceasefire", "limit": "100"})).json()
        assert sorted(r["id"] for r in body["results"]) == sorted(e.article.id for e in batch)
        assert (await client.get("/readyz")).status_code == 200


async def test_a_write_that_always_times_out_is_dead_lettered_and_the_partition_moves_on(
    service_env: dict[str, str], empty_pg: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12, item 2: PostgreSQL answers, but one article's write hits the statement timeout
    every time (a trigger sleeps on it): after the bounded retries it is dead-lettered with
    reason retries_exhausted, and the articles after it on the same partition are indexed."""
    for name, setting in {
        "NEWSFLOW_INDEX_URL": empty_pg,
        "NEWSFLOW_MAX_RETRIES": "1",
        "NEWSFLOW_KAFKA_PARTITIONS": "1",
    }.items():
        monkeypatch.setenv(name, setting)
    kafka = service_env["NEWSFLOW_KAFKA_BOOTSTRAP"]
    batch = many(6)
    slow = batch[2]
    store = open_store(empty_pg)
    await store.open()  # the tables, so the trigger has one to sit on
    await store.close()
    database = empty_pg.rsplit("/", 1)[1]
    conn = await asyncpg.connect(empty_pg)
    try:
        await conn.execute(
            f"""
            CREATE FUNCTION slow_article() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.id = '{slow.article.id}' THEN PERFORM pg_sleep(30); END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER slow_article BEFORE INSERT OR UPDATE ON articles
                FOR EACH ROW EXECUTE FUNCTION slow_article();
            ALTER DATABASE "{database}" SET statement_timeout = '1s';
            """
        )
        api = f"http://127.0.0.1:{service_env['NEWSFLOW_API_PORT']}"
        async with running(build(IndexerSettings())), httpx.AsyncClient(base_url=api) as client:
            payload = [(e.article.id.encode(), e.model_dump_json().encode()) for e in batch]
            await produce(kafka, topics.ENRICHED, payload[:5])
            dead = await collect(kafka, topics.DLQ, lambda got: len(got) >= 1, timeout=120)
            await produce(kafka, topics.ENRICHED, payload[5:])

            async def the_rest_indexed() -> bool:
                body = (await client.get("/v1/search", params={"q": "ceasefire"})).json()
                return bool(body.get("total") == len(batch) - 1)

            await eventually(the_rest_indexed)
            body = (await client.get("/v1/search", params={"q": "ceasefire"})).json()
            assert slow.article.id not in {r["id"] for r in body["results"]}
            assert (await client.get("/readyz")).status_code == 200
    finally:
        await conn.execute(f'ALTER DATABASE "{database}" RESET statement_timeout')
        await conn.close()
    [(key, value, headers)] = dead
    assert key == slow.article.id.encode()
    assert value == slow.model_dump_json().encode()
    assert headers[H_REASON] == b"retries_exhausted"
    assert headers[H_SERVICE] == b"indexer"
    assert headers[H_ATTEMPTS] == b"2"
