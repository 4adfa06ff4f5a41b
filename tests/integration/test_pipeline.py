"""The extractor and indexer as services on the real bundled broker."""

from __future__ import annotations

import json

import httpx
import pytest
from prometheus_client import REGISTRY

from services.cli.dlq_cmd import read_groups
from services.extractor.app import build as build_extractor
from services.extractor.settings import ExtractorSettings
from services.indexer.app import build as build_indexer
from services.indexer.settings import IndexerSettings
from shared import topics
from shared.headers import (
    H_CLASS,
    H_CONTENT_TYPE,
    H_OFFSET,
    H_REASON,
    H_SCHEMA_VERSION,
    H_SERVICE,
    H_TOPIC,
)
from shared.models import EnrichedArticle, EventMessage
from shared.settings import NewsflowSettings
from tests import faults
from tests.integration.conftest import collect, eventually, produce, running
from tests.samples import article, failing_article

FRENCH = (
    "Les négociateurs russes et américains se sont retrouvés vendredi à Genève pour une "
    "nouvelle série de pourparlers sur la guerre en Ukraine."
)

pytestmark = pytest.mark.timeout(180)


async def test_article_becomes_enriched_article_and_events(service_env: dict[str, str]) -> None:
    kafka = service_env["NEWSFLOW_KAFKA_BOOTSTRAP"]
    sent = article()
    async with running(build_extractor(ExtractorSettings())):
        await produce(kafka, topics.ARTICLES, [(sent.id.encode(), sent.model_dump_json().encode())])
        enriched_records = await collect(kafka, topics.ENRICHED, lambda got: len(got) >= 1)
        enriched = EnrichedArticle.model_validate_json(enriched_records[0][1])
        assert enriched_records[0][0] == sent.id.encode()
        assert enriched.article == sent
        assert {"Steve Witkoff", "Jared Kushner"} <= {e.name for e in enriched.entities}
        for mention in (m for e in enriched.entities for m in e.mentions):
            assert sent.text[mention.start : mention.end] == mention.text
        assert enriched.events, "the Florida meeting is an event"
        event_records = await collect(
            kafka, topics.EVENTS, lambda got: len(got) >= len(enriched.events)
        )
        messages = [EventMessage.model_validate_json(v) for _, v, _ in event_records]
        assert [k for k, _, _ in event_records] == [m.event.id.encode() for m in messages]
        assert {m.event.id for m in messages} == {e.id for e in enriched.events}
        assert all(m.url == sent.url and m.published_at == sent.published_at for m in messages)
    # Every output says what it is: JSON of the topic's schema version (2 for both .v2 topics).
    for _, _, headers in enriched_records + event_records:
        assert headers[H_CONTENT_TYPE] == b"application/json"
        assert headers[H_SCHEMA_VERSION] == b"2"


async def test_invalid_messages_go_to_the_dlq_and_the_rest_flow(
    service_env: dict[str, str],
) -> None:
    kafka = service_env["NEWSFLOW_KAFKA_BOOTSTRAP"]
    good = article()
    async with running(build_extractor(ExtractorSettings())):
        await produce(
            kafka,
            topics.ARTICLES,
            [
                (b"bad-1", b"\xff\xfe not json"),
                (b"bad-2", json.dumps({"id": "x", "text": "missing fields"}).encode()),
                (good.id.encode(), good.model_dump_json().encode()),
            ],
        )
        dead = await collect(kafka, topics.DLQ, lambda got: len(got) >= 2)
        await collect(kafka, topics.ENRICHED, lambda got: len(got) >= 1)
    assert sorted(k or b"" for k, _, _ in dead) == [b"bad-1", b"bad-2"]
    for _, _, headers in dead:
        assert headers[H_TOPIC] == topics.ARTICLES.encode()
        assert headers[H_SERVICE] == b"extractor"
        assert headers[H_REASON] == b"invalid_message"
        assert headers[H_OFFSET].isdigit()
        # The originals came with no content type: the dead letter says bytes.
        assert headers[H_CONTENT_TYPE] == b"application/octet-stream"
    assert b"\xff\xfe not json" in [v for _, v, _ in dead], "the original bytes are kept"
    # What `newsflow dlq list` reads.
    groups = await read_groups(NewsflowSettings())
    assert [len(g.refs) for g in groups] == [1, 1]
    assert {g.reason for g in groups} == {"invalid_message"}


async def test_indexer_makes_enriched_articles_searchable_once(service_env: dict[str, str]) -> None:
    kafka = service_env["NEWSFLOW_KAFKA_BOOTSTRAP"]
    api = f"http://127.0.0.1:{service_env['NEWSFLOW_API_PORT']}"
    settings = IndexerSettings()
    async with running(build_extractor(ExtractorSettings())), running(build_indexer(settings)):
        sent = article()
        payload = (sent.id.encode(), sent.model_dump_json().encode())
        await produce(kafka, topics.ARTICLES, [payload])
        async with httpx.AsyncClient(base_url=api, timeout=10) as client:

            async def found() -> bool:
                r = await client.get("/v1/search", params={"q": "Witkoff"})
                return r.status_code == 200 and len(r.json()["results"]) == 1

            await eventually(found)
            written = REGISTRY.get_sample_value("newsflow_index_writes_total", {"kind": "articles"})
            events = (
                await client.get("/v1/search", params={"type": "events", "actor": "Steve Witkoff"})
            ).json()
            assert events["results"], events
            # A redelivered article (the same message again) changes nothing in the index.
            await produce(kafka, topics.ARTICLES, [payload])
            await collect(kafka, topics.ENRICHED, lambda got: len(got) >= 2)

            async def settled() -> bool:
                now = REGISTRY.get_sample_value("newsflow_index_writes_total", {"kind": "articles"})
                return now == (written or 0) + 1

            await eventually(settled)
            again = (await client.get("/v1/search", params={"q": "Witkoff"})).json()
            assert len(again["results"]) == 1
            events_again = (
                await client.get("/v1/search", params={"type": "events", "actor": "Steve Witkoff"})
            ).json()
            assert len(events_again["results"]) == len(events["results"])
            assert (await client.get("/readyz")).status_code == 200


async def test_an_extraction_error_keeps_the_good_reading_and_dead_letters_the_article(
    service_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12, item 1: the article the extractor fails on goes to the DLQ with its reason,
    is counted, and the reading indexed before stays; a text skipped on purpose is published,
    marked."""
    faults.install(monkeypatch)
    kafka = service_env["NEWSFLOW_KAFKA_BOOTSTRAP"]
    api = f"http://127.0.0.1:{service_env['NEWSFLOW_API_PORT']}"
    good = article()
    bad = failing_article(good.url)
    french = article(FRENCH, url="https://news.example.com/fr", title="Pourparlers")
    assert bad.id == good.id
    failures = ("newsflow_extraction_failures_total", {"reason": "error"})
    failures_before = REGISTRY.get_sample_value(*failures) or 0
    async with (
        running(build_extractor(ExtractorSettings())),
        running(build_indexer(IndexerSettings())),
        httpx.AsyncClient(base_url=api, timeout=10) as client,
    ):
        await produce(kafka, topics.ARTICLES, [(good.id.encode(), good.model_dump_json().encode())])

        async def indexed() -> bool:
            return (await client.get(f"/v1/articles/{good.id}")).status_code == 200

        await eventually(indexed)
        first = EnrichedArticle.model_validate((await client.get(f"/v1/articles/{good.id}")).json())
        assert first.entities
        assert first.events
        await produce(
            kafka,
            topics.ARTICLES,
            [
                (bad.id.encode(), bad.model_dump_json().encode()),
                (french.id.encode(), french.model_dump_json().encode()),
            ],
        )
        dead = await collect(kafka, topics.DLQ, lambda got: len(got) >= 1)
        enriched = await collect(kafka, topics.ENRICHED, lambda got: len(got) >= 2)

        async def french_indexed() -> bool:
            return (await client.get(f"/v1/articles/{french.id}")).status_code == 200

        await eventually(french_indexed)
        kept = EnrichedArticle.model_validate((await client.get(f"/v1/articles/{good.id}")).json())
    assert kept == first, "the good reading stays in the index"
    [(key, value, headers)] = dead
    assert key == bad.id.encode()
    assert value == bad.model_dump_json().encode(), "the original bytes"
    assert headers[H_REASON] == b"extraction_failed"
    assert headers[H_SERVICE] == b"extractor"
    assert headers[H_CLASS] == b"tests.faults.InjectedFault"
    published = [EnrichedArticle.model_validate_json(v) for _, v, _ in enriched]
    assert len(published) == 2, "nothing published for the failure"
    by_id = {e.article.id: e for e in published}
    assert (by_id[good.id].skipped, by_id[french.id].skipped) == (None, "not_english")
    assert by_id[good.id].article == good
    assert by_id[french.id].entities == []
    assert by_id[french.id].events == []
    assert REGISTRY.get_sample_value(*failures) == failures_before + 1
