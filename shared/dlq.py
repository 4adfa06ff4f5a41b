"""The dead-letter topic: what a dead letter carries, and reading the topic back by origin.

A dead letter is the original key and bytes with Kafka Connect's `__connect.errors.*` headers
plus ours (named in shared/headers.py); its origin is the (topic, partition, offset) it came
from. A consumer killed after dead-lettering a record and before committing gets the record
again: `DeadLetterIndex` tells it the origin is already in the topic, so each poison origin is
dead-lettered once. The operator's `newsflow dlq` reads the topic with the same
`DeadLetterReader`, a page at a time.
"""

from __future__ import annotations

import traceback
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from aiokafka import AIOKafkaConsumer, TopicPartition

from shared import topics
from shared.headers import (
    H_ATTEMPTS,
    H_CLASS,
    H_CONTENT_TYPE,
    H_MESSAGE,
    H_OFFSET,
    H_PARTITION,
    H_REASON,
    H_SERVICE,
    H_STACK,
    H_STAGE,
    H_TOPIC,
    INVALID_MESSAGE,
    MAX_HEADER_CHARS,
    OCTET_STREAM,
)
from shared.kafka import admin_kwargs
from shared.settings import NewsflowSettings

# Records per fetch when reading the topic back: a page, not the whole topic, is in memory.
PAGE_RECORDS = 500
# How long one fetch waits for records the end offsets promise.
FETCH_TIMEOUT_MS = 1000


class Record(Protocol):
    """What we read of an aiokafka ConsumerRecord."""

    @property
    def topic(self) -> str: ...
    @property
    def partition(self) -> int: ...
    @property
    def offset(self) -> int: ...
    @property
    def key(self) -> bytes | None: ...
    @property
    def value(self) -> bytes | None: ...
    @property
    def headers(self) -> Sequence[tuple[str, bytes]]: ...


class Origin(NamedTuple):
    """Where a dead-lettered message came from, and which service sent it away."""

    service: str
    topic: str
    partition: int
    offset: int

    def __str__(self) -> str:
        return f"{self.topic}[{self.partition}]@{self.offset}"


def dead_letter_headers(
    record: Record, *, service: str, reason: str, error: BaseException, attempts: int
) -> dict[str, str]:
    """The original headers plus Kafka Connect's `__connect.errors.*` and ours."""
    headers = {k: v.decode("utf-8", "replace") for k, v in record.headers or ()}
    if not headers.get(H_CONTENT_TYPE):
        headers[H_CONTENT_TYPE] = OCTET_STREAM
    stack = "".join(traceback.format_exception(error))
    headers.update(
        {
            H_TOPIC: record.topic,
            H_PARTITION: str(record.partition),
            H_OFFSET: str(record.offset),
            H_SERVICE: service,
            H_STAGE: "VALUE_CONVERTER" if reason == INVALID_MESSAGE else "TASK_PUT",
            H_CLASS: f"{type(error).__module__}.{type(error).__qualname__}",
            H_MESSAGE: str(error)[:MAX_HEADER_CHARS],
            H_STACK: stack[-MAX_HEADER_CHARS:],
            H_REASON: reason,
            H_ATTEMPTS: str(attempts),
        }
    )
    return headers


@dataclass(frozen=True)
class DeadLetter:
    """One record of the dead-letter topic."""

    partition: int
    offset: int
    key: bytes | None
    value: bytes
    headers: dict[str, str]

    @property
    def ref(self) -> str:
        """PARTITION:OFFSET in the dead-letter topic."""
        return f"{self.partition}:{self.offset}"

    @property
    def origin(self) -> Origin | None:
        """Where it came from; None for a record without our headers (written by hand)."""
        h = self.headers
        try:
            return Origin(h[H_SERVICE], h[H_TOPIC], int(h[H_PARTITION]), int(h[H_OFFSET]))
        except (KeyError, ValueError):
            return None

    def as_json(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "key": self.key.decode("utf-8", "replace") if self.key else None,
            "bytes": len(self.value),
            "headers": self.headers,
        }


class DeadLetterReader:
    """Reads the dead-letter topic from its beginning, a page at a time, up to its end."""

    def __init__(self, settings: NewsflowSettings, topic: str = topics.DLQ) -> None:
        self.topic = topic
        self._settings = settings
        self._consumer: AIOKafkaConsumer | None = None
        self._assigned: list[TopicPartition] = []

    async def start(self) -> AIOKafkaConsumer:
        """The consumer, made on first use (aiokafka wants a running event loop)."""
        if self._consumer is None:
            kwargs = admin_kwargs(self._settings)
            consumer = AIOKafkaConsumer(
                enable_auto_commit=False, auto_offset_reset="earliest", **kwargs
            )
            await consumer.start()
            self._consumer = consumer
        return self._consumer

    async def stop(self) -> None:
        consumer, self._consumer = self._consumer, None
        self._assigned = []
        if consumer is not None:
            await consumer.stop()

    async def _assign(self, consumer: AIOKafkaConsumer) -> list[TopicPartition]:
        """The topic's partitions, assigned from their beginning on first sight (a partition
        added later is picked up on the next read)."""
        partitions = consumer.partitions_for_topic(self.topic) or set()
        if len(partitions) <= len(self._assigned):
            await consumer.topics()  # refresh metadata: the topic may be new or have grown
            partitions = consumer.partitions_for_topic(self.topic) or set()
        if len(partitions) > len(self._assigned):
            new = [TopicPartition(self.topic, p) for p in sorted(partitions)]
            read_to = {tp: await consumer.position(tp) for tp in self._assigned}
            consumer.assign(new)  # forgets the positions: put back where each read stopped
            for tp in new:
                if tp in read_to:
                    consumer.seek(tp, read_to[tp])
                else:
                    await consumer.seek_to_beginning(tp)
            self._assigned = new
        return self._assigned

    async def pages(self) -> AsyncIterator[list[DeadLetter]]:
        """The records from where the last read stopped up to the end as it is now."""
        consumer = await self.start()
        assigned = await self._assign(consumer)
        if not assigned:
            return
        ends = await consumer.end_offsets(assigned)
        while True:
            behind = [tp for tp in assigned if await consumer.position(tp) < ends[tp]]
            if not behind:
                return
            fetched = await consumer.getmany(
                *behind, timeout_ms=FETCH_TIMEOUT_MS, max_records=PAGE_RECORDS
            )
            page = [
                DeadLetter(
                    r.partition,
                    r.offset,
                    r.key,
                    r.value or b"",
                    {k: v.decode("utf-8", "replace") for k, v in r.headers},
                )
                for tp, records in fetched.items()
                for r in records
                if r.offset < ends[tp]
            ]
            if page:
                yield page


class DeadLetterIndex:
    """Which origins one service has already dead-lettered, read from the topic itself.

    Before each check it reads the topic up to its current end, so a record a killed process
    dead-lettered (and the broker acknowledged) is seen by the process that gets it again.
    It keeps only origins (a few dozen bytes each), never the records.
    """

    def __init__(self, settings: NewsflowSettings, service: str) -> None:
        self.service = service
        self._reader = DeadLetterReader(settings)
        self._origins: set[Origin] = set()

    async def holds(self, record: Record) -> bool:
        async for page in self._reader.pages():
            for letter in page:
                origin = letter.origin
                if origin is not None and origin.service == self.service:
                    self._origins.add(origin)
        return self.origin_of(record) in self._origins

    def origin_of(self, record: Record) -> Origin:
        return Origin(self.service, record.topic, record.partition, record.offset)

    def add(self, record: Record) -> None:
        self._origins.add(self.origin_of(record))

    async def close(self) -> None:
        await self._reader.stop()
