"""Clients nobody here wrote, on the bundled broker: the documented example consumer (aiokafka,
validating with the published schema) and librdkafka through `confluent-kafka`."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from collections.abc import AsyncIterator

import pytest
from confluent_kafka import Consumer, Message, Producer
from faststream.kafka import KafkaBroker

from services.extractor.app import event_messages
from shared import topics
from shared.headers import H_CONTENT_TYPE, H_SCHEMA_VERSION
from shared.kafka import ensure_topics, make_broker, publish_all
from shared.lag import group_lag
from shared.models import Article
from shared.settings import NewsflowSettings
from tests import factories
from tests.conftest import REPO
from tests.integration.conftest import collect
from tests.samples import article

EXAMPLE = REPO / "docs" / "examples" / "consume_events.py"
# How long a client may wait for records that are already in the topic; generous for a loaded
# machine, never reached when things work.
WAIT_SECONDS = 60.0

pytestmark = pytest.mark.timeout(180)


@pytest.fixture
async def publisher(service_env: dict[str, str]) -> AsyncIterator[KafkaBroker]:
    """Newsflow's own publishing path (the one the services use), on the test's broker."""
    settings = NewsflowSettings()
    await ensure_topics(settings)
    broker = make_broker(settings, service="test")
    await broker.start()
    try:
        yield broker
    finally:
        await broker.stop()


async def test_the_example_consumer_reads_events_and_a_later_field_refuses_a_broken_one(
    service_env: dict[str, str], publisher: KafkaBroker
) -> None:
    kafka = service_env["NEWSFLOW_KAFKA_BOOTSTRAP"]
    messages = [m for e in factories.corpus() for m in event_messages(e)][:3]
    assert len(messages) == 3
    outputs = [(topics.EVENTS, m.event.id, m.model_dump_json().encode()) for m in messages]
    # A later release adds a field: the published schema lets it through.
    later = json.loads(messages[0].model_dump_json())
    later["event"]["added_later"] = "a field this consumer has never heard of"
    later["event"]["id"] = "f" * 32 + "-9"
    outputs.append((topics.EVENTS, later["event"]["id"], json.dumps(later).encode()))
    # A message that breaks the contract is reported and skipped.
    broken = json.loads(messages[1].model_dump_json())
    del broken["event"]["type"]
    outputs.append((topics.EVENTS, "broken", json.dumps(broken).encode()))
    await publish_all(publisher, outputs)

    run = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, str(EXAMPLE), "--bootstrap", kafka, "--max", "5", "--idle", "20"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    expected = {f"v2 {m.event.id} {m.event.type} {m.title}" for m in messages}
    expected.add(f"v2 {later['event']['id']} {later['event']['type']} {later['title']}")
    assert set(lines) == expected
    assert "'type' is a required property" in run.stderr
    # It committed what it read: its group is at the end of the topic.
    assert await group_lag(NewsflowSettings(), "example-events-consumer", topics.EVENTS) == 0


def _poll(consumer: Consumer, count: int) -> list[Message]:
    got: list[Message] = []
    deadline = time.monotonic() + WAIT_SECONDS
    while len(got) < count and time.monotonic() < deadline:
        message = consumer.poll(1.0)
        if message is None:
            continue
        assert message.error() is None, message.error()
        got.append(message)
    return got


async def test_confluent_kafka_consumes_and_produces_through_librdkafka(
    service_env: dict[str, str], publisher: KafkaBroker
) -> None:
    kafka = service_env["NEWSFLOW_KAFKA_BOOTSTRAP"]
    sent = [article(url=f"https://news.example.com/world/story-{n}") for n in range(3)]
    await publish_all(
        publisher, [(topics.ARTICLES, a.id, a.model_dump_json().encode()) for a in sent]
    )
    consumer = Consumer(
        {
            "bootstrap.servers": kafka,
            "group.id": "librdkafka-reader",
            "auto.offset.reset": "earliest",
            "enable.auto.commit": False,
            # With librdkafka's default session timeout (45 s) the first record came after 23 s
            # on the bundled broker, with 6 s after 3.6 s: the group join waits on it.
            "session.timeout.ms": 6000,
        }
    )
    try:
        consumer.subscribe([topics.ARTICLES])
        got = await asyncio.to_thread(_poll, consumer, len(sent))
        assert len(got) == len(sent)
        await asyncio.to_thread(consumer.commit, asynchronous=False)
    finally:
        await asyncio.to_thread(consumer.close)
    read = [Article.model_validate_json(m.value() or b"") for m in got]
    assert sorted(a.model_dump_json() for a in read) == sorted(a.model_dump_json() for a in sent)
    assert {m.key() for m in got} == {a.id.encode() for a in sent}
    for message in got:
        headers = dict(message.headers() or [])
        assert headers[H_CONTENT_TYPE] == b"application/json"
        assert headers[H_SCHEMA_VERSION] == b"1"
    assert await group_lag(NewsflowSettings(), "librdkafka-reader", topics.ARTICLES) == 0

    # And librdkafka's producer writes what an aiokafka reader gets back, headers included.
    extra = article(url="https://news.example.com/world/from-librdkafka")
    producer = Producer({"bootstrap.servers": kafka, "acks": "all"})
    producer.produce(
        topics.ARTICLES,
        extra.model_dump_json().encode(),
        key=extra.id.encode(),
        headers=[(H_CONTENT_TYPE, b"application/json")],
    )
    assert await asyncio.to_thread(producer.flush, WAIT_SECONDS) == 0
    records = await collect(kafka, topics.ARTICLES, lambda got: len(got) >= len(sent) + 1)
    assert (extra.id.encode(), extra.model_dump_json().encode()) in [(k, v) for k, v, _ in records]
