"""The indexer service on the real broker, writing to the real PostgreSQL."""

from __future__ import annotations

import asyncio

import asyncpg
import httpx
import pytest

from services.indexer.app import build
from services.indexer.settings import IndexerSettings
from services.indexer.store import open_store
from shared import topics
from shared.bundled_broker import free_port
from shared.headers import H_ATTEMPTS, H_REASON, H_SERVICE
from shared.models import EnrichedArticle
from tests.factories import many
from tests.integration.conftest import collect, eventually, produce, records_in, running

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


class Proxy:
    """A TCP proxy on a loopback port to PostgreSQL: cut, the database is away for the indexer."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.port = free_port()
        self.server: asyncio.Server | None = None
        self.writers: set[asyncio.StreamWriter] = set()

    async def open(self) -> None:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)

    async def cut(self) -> None:
        """Refuse new connections and drop those open, as a database that went down."""
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()
            self.server = None
        for writer in list(self.writers):
            writer.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        self.writers |= {writer, up_writer}

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            try:
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            except OSError:
                pass
            finally:
                dst.close()
                self.writers.discard(dst)

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))


async def test_while_the_database_is_down_the_indexer_holds_its_batch_and_is_unready(
    service_env: dict[str, str], empty_pg: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12, item 2: the store itself down is no poison message: nothing is dead-lettered,
    /readyz answers 503 until it is back, and then the held article is indexed."""
    proxy = Proxy(5432)
    await proxy.open()
    database = empty_pg.rsplit("/", 1)[1]
    monkeypatch.setenv(
        "NEWSFLOW_INDEX_URL", f"postgresql://postgres@127.0.0.1:{proxy.port}/{database}"
    )
    monkeypatch.setenv("NEWSFLOW_MAX_RETRIES", "1")
    kafka = service_env["NEWSFLOW_KAFKA_BOOTSTRAP"]
    first, held = many(2)
    api = f"http://127.0.0.1:{service_env['NEWSFLOW_API_PORT']}"
    try:
        async with (
            running(build(IndexerSettings())) as service,
            httpx.AsyncClient(base_url=api) as client,
        ):

            async def holding() -> bool:
                return service.consumers[0].blocked

            async def indexed(enriched: EnrichedArticle) -> bool:
                r = await client.get(f"/v1/articles/{enriched.article.id}")
                return r.status_code == 200

            async def ready() -> bool:
                return (await client.get("/readyz")).status_code == 200

            async def unready() -> bool:
                return not await ready()

            await produce(
                kafka,
                topics.ENRICHED,
                [(first.article.id.encode(), first.model_dump_json().encode())],
            )
            await eventually(lambda: indexed(first))
            await proxy.cut()
            await produce(
                kafka,
                topics.ENRICHED,
                [(held.article.id.encode(), held.model_dump_json().encode())],
            )
            await eventually(holding)  # it tried, failed, asked and found the database away
            assert await unready()
            await proxy.open()
            await eventually(lambda: indexed(held), timeout=120)
            await eventually(ready)
    finally:
        await proxy.cut()
    assert await records_in(kafka, topics.DLQ) == 0, "an outage dead-letters nothing"


async def test_the_search_settings_reach_the_api(
    service_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12, item 6: `NEWSFLOW_SEARCH_MAX_LIMIT` and `NEWSFLOW_FACET_SIZE` shape what the
    service's API serves (they used to stop at the settings object: the API served 100 with a
    maximum of 5). A maximum below the default page size (20) caps the default as well."""
    for name, setting in {
        "NEWSFLOW_SEARCH_MAX_LIMIT": "5",
        "NEWSFLOW_FACET_SIZE": "1",
    }.items():
        monkeypatch.setenv(name, setting)
    kafka = service_env["NEWSFLOW_KAFKA_BOOTSTRAP"]
    batch = many(12)
    payload = [(e.article.id.encode(), e.model_dump_json().encode()) for e in batch]
    api = f"http://127.0.0.1:{service_env['NEWSFLOW_API_PORT']}"
    async with running(build(IndexerSettings())), httpx.AsyncClient(base_url=api) as client:
        await produce(kafka, topics.ENRICHED, payload)

        async def all_there() -> bool:
            body = (await client.get("/v1/search", params={"q": "ceasefire"})).json()
            return bool(body.get("total") == len(batch))

        await eventually(all_there)
        too_many = await client.get("/v1/search", params={"q": "ceasefire", "limit": "6"})
        assert too_many.status_code == 400
        assert too_many.json()["details"] == [{"field": "limit", "message": "must be at most 5"}]
        fewer = (await client.get("/v1/search", params={"q": "ceasefire", "limit": "3"})).json()
        assert len(fewer["results"]) == 3
        default = (await client.get("/v1/search", params={"q": "ceasefire"})).json()
        assert len(default["results"]) == 5
        facets = [default["facets"][name] for name in ("actors", "places", "countries")]
        facets.append(default["facets"]["event_types"])
        assert any(facets), "the articles have facet values to cut"
        assert all(len(values) <= 1 for values in facets)
        assert (default["facets"]["counted"], default["facets"]["approximate"]) == (12, False)
