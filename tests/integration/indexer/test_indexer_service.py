"""The indexer service on the real broker, writing to the real PostgreSQL."""

from __future__ import annotations

import httpx
import pytest

from services.indexer.app import build
from services.indexer.settings import IndexerSettings
from shared import topics
from tests.factories import many
from tests.integration.conftest import eventually, produce, running

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
