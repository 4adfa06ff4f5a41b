"""`newsflow reextract` as a process on the real broker: every article read again."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from aiokafka import TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from services.cli.demo.site import load_demo_articles
from services.extractor.settings import DEFAULT_MODEL
from shared import topics
from shared.identity import article_id
from shared.models import EnrichedArticle, EventMessage
from shared.version import VERSION
from tests.factories import article, enriched
from tests.integration.conftest import collect, newsflow, payload, produce, records_in

pytestmark = pytest.mark.timeout(240)


async def test_reextract_reads_every_article_again_under_a_group_of_its_own(
    service_env: dict[str, str],
) -> None:
    kafka = service_env["NEWSFLOW_KAFKA_BOOTSTRAP"]
    demo = load_demo_articles()[:3]
    articles = [
        article(
            f"https://replay.example.com/{d.slug}",
            title=d.title,
            text="\n\n".join(d.paragraphs),
            published_at=d.published_at,
        )
        for d in demo
    ]
    # The readings of an earlier extractor release, as the live topic holds them.
    earlier = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    old = [enriched(a, extracted_at=earlier) for a in articles]
    await produce(
        kafka, topics.ARTICLES, [(a.id.encode(), a.model_dump_json().encode()) for a in articles]
    )
    await produce(kafka, topics.ENRICHED, payload(old))

    code, err = await newsflow("reextract")
    assert code == 0, err
    assert f"re-extracted 3 articles of {topics.ARTICLES} (3 in all)" in err
    assert "consumer group newsflow-reextract-" in err

    records = await collect(kafka, topics.ENRICHED, lambda got: len(got) >= 2 * len(articles))
    latest = {}
    for key, value, _ in records:
        latest[key] = EnrichedArticle.model_validate_json(value)
    assert set(latest) == {a.id.encode() for a in articles}
    for reading in latest.values():
        # The new reading, with the version of the extractor that made it.
        assert reading.extractor.version == VERSION
        assert reading.extractor.model == DEFAULT_MODEL
        assert reading.extracted_at > earlier
        assert reading.article.id == article_id(reading.article.url)
    assert sum(len(r.events) for r in latest.values()) > 0
    events = await collect(
        kafka, topics.EVENTS, lambda got: len(got) >= sum(len(r.events) for r in latest.values())
    )
    for key, value, _ in events:
        message = EventMessage.model_validate_json(value)
        assert key == message.event.id.encode()

    # Continuing the run's group finds nothing left to do, and publishes nothing.
    group = re.search(r"consumer group (newsflow-reextract-\S+)", err)
    assert group is not None
    code, err = await newsflow("reextract", "--group", group[1])
    assert code == 0, err
    assert "re-extracted 0 articles" in err
    assert await records_in(kafka, topics.ENRICHED) == 2 * len(articles)

    # The live extractor's group was never moved.
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka)
    await admin.start()
    try:
        partitions = [TopicPartition(topics.ARTICLES, p) for p in range(4)]  # the default
        live = await admin.list_consumer_group_offsets("newsflow-extractor", partitions=partitions)
    finally:
        await admin.close()
    assert live
    assert all(meta.offset < 0 for meta in live.values())
