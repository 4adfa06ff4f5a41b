from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from aiokafka.errors import KafkaConnectionError
from pydantic import BaseModel

from shared.consume import (
    H_OFFSET,
    H_REASON,
    H_TOPIC,
    BatchProcessor,
    Done,
    Item,
    Rejected,
    RetryPolicy,
)


class Ping(BaseModel):
    n: int


@dataclass
class FakeRecord:
    value: bytes | None
    offset: int
    topic: str = "in"
    partition: int = 0
    key: bytes | None = b"k"
    headers: tuple[tuple[str, bytes], ...] = ()


@dataclass
class Sent:
    items: list[tuple[bytes, str, bytes | None, dict[str, str]]] = field(default_factory=list)

    async def __call__(
        self, value: bytes, topic: str, *, key: bytes | None, headers: dict[str, str]
    ) -> Any:
        self.items.append((value, topic, key, headers))


NO_WAIT = RetryPolicy(retries=2, backoff_seconds=0)


async def test_invalid_message_goes_to_dlq_and_the_rest_are_processed() -> None:
    done: list[int] = []

    async def work(items: list[Item[Ping]]) -> None:
        done.extend(i.value.n for i in items)

    sent = Sent()
    process = BatchProcessor("svc", Ping, work, sent, NO_WAIT)
    await process(
        [FakeRecord(b'{"n": 1}', 0), FakeRecord(b"not json", 1), FakeRecord(b'{"n": 3}', 2)]
    )
    assert done == [1, 3]
    assert len(sent.items) == 1
    value, topic, key, headers = sent.items[0]
    assert (value, topic, key) == (b"not json", "news.dlq.v1", b"k")
    assert headers[H_REASON] == "invalid_message"
    assert headers[H_TOPIC] == "in"
    assert headers[H_OFFSET] == "1"


async def test_a_poison_message_is_isolated_after_bounded_retries() -> None:
    calls: list[list[int]] = []

    async def work(items: list[Item[Ping]]) -> None:
        calls.append([i.value.n for i in items])
        if any(i.value.n == 2 for i in items):
            raise ValueError("cannot handle 2")

    sent = Sent()
    await BatchProcessor("svc", Ping, work, sent, NO_WAIT)(
        [FakeRecord(b'{"n": 1}', 0), FakeRecord(b'{"n": 2}', 1), FakeRecord(b'{"n": 3}', 2)]
    )
    # the batch once, then each alone; "2" is tried 1 + 2 retries times
    assert calls[0] == [1, 2, 3]
    assert calls.count([2]) == 3
    assert [1] in calls
    assert [3] in calls
    assert [h[H_REASON] for *_, h in sent.items] == ["processing_failed"]


async def test_infrastructure_failure_is_raised_not_dead_lettered() -> None:
    async def work(items: list[Item[Ping]]) -> None:
        raise KafkaConnectionError("broker away")

    sent = Sent()
    with pytest.raises(KafkaConnectionError):
        await BatchProcessor("svc", Ping, work, sent, NO_WAIT)([FakeRecord(b'{"n": 1}', 0)])
    assert sent.items == []


async def test_outputs_are_published_and_rejected_messages_dead_lettered() -> None:
    published: list[list[tuple[str, str, bytes]]] = []

    async def publish_all(outputs: list[tuple[str, str, bytes]]) -> None:
        published.append(outputs)

    async def work(items: list[Item[Ping]]) -> Done[Ping]:
        done: Done[Ping] = Done()
        for item in items:
            if item.value.n == 2:
                done.rejected.append(Rejected(item, "extraction_failed", ValueError("no")))
            else:
                done.outputs.append(("out", str(item.value.n), b"x"))
        return done

    sent = Sent()
    await BatchProcessor("svc", Ping, work, sent, NO_WAIT, publish_all)(
        [FakeRecord(b'{"n": 1}', 0), FakeRecord(b'{"n": 2}', 1), FakeRecord(b'{"n": 3}', 2)]
    )
    assert published == [[("out", "1", b"x"), ("out", "3", b"x")]]
    [(value, topic, _, headers)] = sent.items
    assert (value, topic) == (b'{"n": 2}', "news.dlq.v1")
    assert headers[H_REASON] == "extraction_failed"
    assert headers[H_OFFSET] == "1"
