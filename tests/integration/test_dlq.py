"""The dead-letter topic holds each poison origin once; `newsflow dlq` lists and replays by
origin, a page at a time (issue 12, item 3)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from aiokafka import AIOKafkaProducer
from aiokafka.structs import RecordMetadata
from pydantic import ValidationError

from services.extractor.app import build as build_extractor
from services.extractor.settings import ExtractorSettings
from shared import topics
from shared.dlq import dead_letter_headers
from shared.headers import H_REASON
from shared.lag import group_lag
from shared.models import Article
from tests.integration.conftest import collect, eventually, produce, records_in, running
from tests.integration.test_cli import newsflow
from tests.samples import article

pytestmark = pytest.mark.timeout(240)


class Sent:
    """A record as the consumer saw it: what `dead_letter_headers` reads."""

    def __init__(self, meta: RecordMetadata, key: bytes, value: bytes) -> None:
        self.topic, self.partition, self.offset = meta.topic, meta.partition, meta.offset
        self.key, self.value = key, value
        self.headers: list[tuple[str, bytes]] = []


async def send(kafka: str, topic: str, key: bytes, value: bytes, **kw: Any) -> RecordMetadata:
    producer = AIOKafkaProducer(bootstrap_servers=kafka, acks="all")
    await producer.start()
    try:
        return await producer.send_and_wait(topic, value, key=key, **kw)
    finally:
        await producer.stop()


async def dead_letter_as_a_killed_extractor_did(kafka: str, poison: Sent) -> None:
    """The state a SIGKILL leaves between the DLQ write and the offset commit."""
    try:
        Article.model_validate_json(poison.value)
    except ValidationError as exc:
        error = exc
    headers = dead_letter_headers(
        poison, service="extractor", reason="invalid_message", error=error, attempts=1
    )
    await send(
        kafka,
        topics.DLQ,
        poison.key,
        poison.value,
        headers=[(k, v.encode()) for k, v in headers.items()],
    )


async def test_a_poison_message_redelivered_after_a_kill_is_dead_lettered_once(
    service_env: dict[str, str],
) -> None:
    kafka = service_env["NEWSFLOW_KAFKA_BOOTSTRAP"]
    poison = Sent(await send(kafka, topics.ARTICLES, b"poison", b"{}"), b"poison", b"{}")
    await dead_letter_as_a_killed_extractor_did(kafka, poison)
    good = article()
    await produce(kafka, topics.ARTICLES, [(good.id.encode(), good.model_dump_json().encode())])
    async with running(build_extractor(ExtractorSettings())):
        await collect(kafka, topics.ENRICHED, lambda got: len(got) >= 1)

        async def all_committed() -> bool:
            return await group_lag(ExtractorSettings(), "newsflow-extractor", topics.ARTICLES) == 0

        await eventually(all_committed)
    dead = await collect(kafka, topics.DLQ, lambda got: len(got) >= 1)
    assert [key for key, _, _ in dead] == [b"poison"], "the redelivered poison is not sent again"
    assert await records_in(kafka, topics.DLQ) == 1
    listed = newsflow("dlq", "list", "--json", env=service_env)
    assert listed.returncode == 0, listed.stderr
    [group] = [json.loads(line) for line in listed.stdout.splitlines()]
    assert group["count"] == 1
    assert group["origin"] == {
        "service": "extractor",
        "topic": topics.ARTICLES,
        "partition": poison.partition,
        "offset": poison.offset,
    }


async def test_dlq_list_groups_by_origin_pages_and_replay_sends_each_origin_once(
    service_env: dict[str, str],
) -> None:
    kafka = service_env["NEWSFLOW_KAFKA_BOOTSTRAP"]
    poisons = [
        Sent(await send(kafka, topics.ARTICLES, f"p{n}".encode(), b"{}"), f"p{n}".encode(), b"{}")
        for n in range(3)
    ]
    # Before issue 12 a redelivery after a kill dead-lettered an origin again: the topic may
    # hold copies written by older versions.
    for poison in (poisons[0], poisons[1], poisons[0], poisons[2], poisons[0]):
        await dead_letter_as_a_killed_extractor_did(kafka, poison)
    listed = newsflow("dlq", "list", "--json", env=service_env)
    assert listed.returncode == 0, listed.stderr
    groups = [json.loads(line) for line in listed.stdout.splitlines()]
    assert sorted((g["key"], g["count"]) for g in groups) == [("p0", 3), ("p1", 1), ("p2", 1)]
    assert all(g["headers"][H_REASON] == "invalid_message" for g in groups)

    first = newsflow("dlq", "list", "--json", "--limit", "2", env=service_env)
    page = [json.loads(line) for line in first.stdout.splitlines()]
    assert len(page) == 2
    rest = newsflow("dlq", "list", "--json", "--after", page[-1]["ref"], env=service_env)
    assert [g["ref"] for g in page] + [
        json.loads(line)["ref"] for line in rest.stdout.splitlines()
    ] == [g["ref"] for g in groups]
    table = newsflow("dlq", "list", "--limit", "2", env=service_env)
    assert "2 of 3 dead-lettered origins" in table.stdout
    assert f"--after {page[-1]['ref']}" in table.stdout

    replayed = newsflow("dlq", "replay", env=service_env)
    assert replayed.returncode == 0, replayed.stderr
    again = await collect(kafka, topics.ARTICLES, lambda got: len(got) >= 6)
    assert await records_in(kafka, topics.ARTICLES) == 6, "3 originals, 3 replayed"
    resent = [key for key, _, headers in again if "newsflow.replayed.from" in headers]
    assert sorted(k or b"" for k in resent) == [b"p0", b"p1", b"p2"], "each origin once"
    bad = newsflow("dlq", "list", "--after", "nonsense", env=service_env)
    assert bad.returncode == 2
