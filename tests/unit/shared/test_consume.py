from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from aiokafka.errors import KafkaConnectionError, KafkaTimeoutError
from pydantic import BaseModel

from shared.consume import (
    BatchProcessor,
    Done,
    Item,
    Rejected,
    RetryPolicy,
    TransientError,
    Unavailable,
)
from shared.dlq import Record
from shared.headers import H_ATTEMPTS, H_OFFSET, H_REASON, H_TOPIC


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


async def test_while_a_dependency_is_down_nothing_is_dead_lettered_and_the_batch_is_held() -> None:
    async def work(items: list[Item[Ping]]) -> None:
        raise KafkaConnectionError("broker away")

    async def down() -> bool:
        return False

    sent = Sent()
    process = BatchProcessor("svc", Ping, work, sent, NO_WAIT, available=down)
    process.outage_hold_seconds = 0.2
    with pytest.raises(Unavailable):
        await process([FakeRecord(b'{"n": 1}', 0)])
    assert sent.items == []
    assert process.blocked, "the service reports unready"
    # Redelivered while still down: held again, before any work.
    with pytest.raises(Unavailable):
        await process([FakeRecord(b'{"n": 1}', 0)])
    assert sent.items == []


async def test_after_an_outage_the_same_batch_goes_on() -> None:
    answers = iter([False, False, True])
    seen_blocked: list[bool] = []
    calls: list[int] = []

    async def comes_back() -> bool:
        seen_blocked.append(process.blocked)
        return next(answers, True)

    async def work(items: list[Item[Ping]]) -> None:
        calls.append(len(calls))
        if len(calls) <= 3:  # the first try and both retries: the store is away
            raise TransientError("store away")

    sent = Sent()
    process = BatchProcessor("svc", Ping, work, sent, NO_WAIT, available=comes_back)
    await process([FakeRecord(b'{"n": 1}', 0)])
    assert sent.items == []
    assert len(calls) == 4
    assert seen_blocked[1:] == [True, True]
    assert not process.blocked


async def test_a_message_that_always_times_out_is_dead_lettered_after_the_bound() -> None:
    calls: list[list[int]] = []

    async def work(items: list[Item[Ping]]) -> None:
        calls.append([i.value.n for i in items])
        if any(i.value.n == 2 for i in items):
            raise TimeoutError("statement timeout")

    sent = Sent()
    await BatchProcessor("svc", Ping, work, sent, NO_WAIT)(
        [FakeRecord(b'{"n": 1}', 0), FakeRecord(b'{"n": 2}', 1), FakeRecord(b'{"n": 3}', 2)]
    )
    assert calls.count([1, 2, 3]) == 3  # the batch: once and 2 retries
    assert calls.count([2]) == 3  # then alone: once and 2 retries
    assert [1] in calls
    assert [3] in calls
    [(_, _, _, headers)] = sent.items
    assert headers[H_REASON] == "retries_exhausted"
    assert headers[H_OFFSET] == "1"
    assert headers[H_ATTEMPTS] == "3"


async def test_when_only_the_publish_fails_only_the_publish_is_retried() -> None:
    works: list[int] = []
    publishes: list[int] = []

    async def work(items: list[Item[Ping]]) -> Done[Ping]:
        works.append(len(items))
        return Done(outputs=[("out", "k", b"v")])

    async def publish_all(outputs: list[tuple[str, str, bytes]]) -> None:
        publishes.append(len(outputs))
        if len(publishes) < 3:
            raise KafkaTimeoutError()

    await BatchProcessor("svc", Ping, work, Sent(), NO_WAIT, publish_all)(
        [FakeRecord(b'{"n": 1}', 0)]
    )
    assert works == [1]
    assert publishes == [1, 1, 1]


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


@dataclass
class FakeLedger:
    origins: set[tuple[str, int, int]] = field(default_factory=set)

    async def holds(self, record: Record) -> bool:
        return (record.topic, record.partition, record.offset) in self.origins

    def add(self, record: Record) -> None:
        self.origins.add((record.topic, record.partition, record.offset))

    async def close(self) -> None:
        pass


async def test_a_record_whose_dead_letter_is_in_the_topic_is_not_dead_lettered_again() -> None:
    async def work(items: list[Item[Ping]]) -> None:
        pass

    sent = Sent()
    ledger = FakeLedger({("in", 0, 1)})  # written before a crash, never committed
    process = BatchProcessor("svc", Ping, work, sent, NO_WAIT, ledger=ledger)
    await process([FakeRecord(b"not json", 1), FakeRecord(b"not json either", 2)])
    assert [headers[H_OFFSET] for *_, headers in sent.items] == ["2"]
    await process([FakeRecord(b"not json either", 2)])  # redelivered again
    assert len(sent.items) == 1
