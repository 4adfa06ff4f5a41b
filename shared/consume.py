"""How every consumer handles a batch: validate, work with bounded retries, dead-letter, commit.

Exceptions, and what each means for the message in hand::

    Exception
    ├── pydantic.ValidationError ........ the message is not what the topic promises: dead-letter
    ├── TRANSIENT (infrastructure) ...... the broker or a store is away: retry with backoff, then
    │   ├── aiokafka.errors.KafkaError     raise, so the batch is not committed and is redelivered
    │   ├── OSError / TimeoutError         (the consumer keeps trying; nothing is lost)
    │   └── TransientError                 (a store's own "try again later")
    └── anything else ................... a bug or an input we cannot handle: retry (bounded), then
                                          isolate the message that fails and dead-letter only it

`work` may also return what to publish (sent and acknowledged by the broker before the batch
commits) and the messages it rejects with a reason (dead-lettered at once, as the extractor
does with an article it failed on: never published as an empty reading).

The caller's handler commits the batch only after `process_batch` returns (FastStream
`AckPolicy.NACK_ON_ERROR`: an exception rewinds the partitions instead of committing).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import traceback
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from aiokafka.errors import KafkaError
from faststream import AckPolicy
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from pydantic import BaseModel, ValidationError

from shared import topics
from shared.kafka import AUTO_OFFSET_RESET, publish_all
from shared.metrics import DLQ_MESSAGES, MESSAGES_PROCESSED
from shared.settings import NewsflowSettings

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

# Kafka Connect's dead-letter header names, so existing tooling can read ours.
H_TOPIC = "__connect.errors.topic"
H_PARTITION = "__connect.errors.partition"
H_OFFSET = "__connect.errors.offset"
H_SERVICE = "__connect.errors.connector.name"
H_STAGE = "__connect.errors.stage"
H_CLASS = "__connect.errors.exception.class.name"
H_MESSAGE = "__connect.errors.exception.message"
H_STACK = "__connect.errors.exception.stacktrace"
H_REASON = "newsflow.dlq.reason"
H_ATTEMPTS = "newsflow.dlq.attempts"
# Error messages and stack traces can be long (pydantic lists every field); a header is not a log.
MAX_HEADER_CHARS = 4000


class TransientError(Exception):
    """A store or dependency is temporarily unavailable: retry, never dead-letter."""


TRANSIENT: tuple[type[BaseException], ...] = (KafkaError, OSError, TimeoutError, TransientError)


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


# Publishes (value, topic, key=, headers=) and waits for the broker: KafkaBroker.publish.
Publish = Callable[..., Awaitable[Any]]
# A message to publish: (topic, key, value).
Output = tuple[str, str, bytes]
# Publishes outputs and waits until the broker acknowledged all: shared.kafka.publish_all.
PublishAll = Callable[[list[Output]], Awaitable[None]]


@dataclass(frozen=True)
class Item(Generic[M]):
    """A validated message with the record it came from."""

    record: Record
    value: M


@dataclass(frozen=True)
class Rejected(Generic[M]):
    """A message `work` could not process and that no retry would help: dead-letter it."""

    item: Item[M]
    reason: str
    error: BaseException


@dataclass
class Done(Generic[M]):
    """What `work` made of a batch: messages to publish, and messages it rejected."""

    outputs: list[Output] = field(default_factory=list)
    rejected: list[Rejected[M]] = field(default_factory=list)

    def add(self, other: Done[M] | None) -> None:
        if other is not None:
            self.outputs.extend(other.outputs)
            self.rejected.extend(other.rejected)


# Work on a batch: write it somewhere (return None), or say what to publish and what to reject.
Work = Callable[[list[Item[M]]], Awaitable["Done[M] | None"]]


@dataclass(frozen=True)
class RetryPolicy:
    retries: int = 3
    backoff_seconds: float = 0.5

    async def run(self, work: Callable[[], Awaitable[None]]) -> None:
        """Run `work`, retrying up to `retries` times with exponential backoff."""
        for attempt in range(self.retries + 1):
            try:
                await work()
                return
            except Exception:
                if attempt == self.retries:
                    raise
                await asyncio.sleep(self.backoff_seconds * (2**attempt))


def dead_letter_headers(
    record: Record, *, service: str, reason: str, error: BaseException, attempts: int
) -> dict[str, str]:
    """The original headers plus Kafka Connect's `__connect.errors.*` and ours."""
    headers = {k: v.decode("utf-8", "replace") for k, v in record.headers or ()}
    stack = "".join(traceback.format_exception(error))
    headers.update(
        {
            H_TOPIC: record.topic,
            H_PARTITION: str(record.partition),
            H_OFFSET: str(record.offset),
            H_SERVICE: service,
            H_STAGE: "VALUE_CONVERTER" if reason == "invalid_message" else "TASK_PUT",
            H_CLASS: f"{type(error).__module__}.{type(error).__qualname__}",
            H_MESSAGE: str(error)[:MAX_HEADER_CHARS],
            H_STACK: stack[-MAX_HEADER_CHARS:],
            H_REASON: reason,
            H_ATTEMPTS: str(attempts),
        }
    )
    return headers


@dataclass
class BatchProcessor(Generic[M]):
    """Validates a batch of records as `model`, runs `work` on it, dead-letters what fails."""

    service: str
    model: type[M]
    work: Work[M]
    publish: Publish
    retry: RetryPolicy
    publish_all: PublishAll | None = None
    dlq_topic: str = topics.DLQ

    async def dead_letter(
        self, record: Record, reason: str, error: BaseException, attempts: int | None = None
    ) -> None:
        if attempts is None:
            attempts = 1 if reason == "invalid_message" else self.retry.retries + 1
        headers = dead_letter_headers(
            record, service=self.service, reason=reason, error=error, attempts=attempts
        )
        await self.publish(record.value or b"", self.dlq_topic, key=record.key, headers=headers)
        DLQ_MESSAGES.labels(service=self.service, reason=reason).inc()
        MESSAGES_PROCESSED.labels(service=self.service, outcome="dead_lettered").inc()
        log.warning(
            "dead-lettered a message",
            extra={
                "reason": reason,
                "error_class": type(error).__name__,
                "topic": record.topic,
                "partition": record.partition,
                "offset": record.offset,
            },
        )

    async def __call__(self, records: Sequence[Record]) -> None:
        items: list[Item[M]] = []
        for record in records:
            try:
                items.append(Item(record, self.model.model_validate_json(record.value or b"")))
            except ValidationError as exc:
                await self.dead_letter(record, "invalid_message", exc)
        if not items:
            return
        done: Done[M] = Done()
        try:
            # The whole batch once: the common case, and what makes batching pay.
            done.add(await self.work(items))
        except TRANSIENT:
            # Infrastructure: retry the batch; if it is still away, let the batch be redelivered.
            await self.retry.run(lambda: self._collect(items, done))
        except Exception:
            log.exception("batch failed; isolating the failing message", extra={"n": len(items)})
            done = await self._one_by_one(items)
        await self._finish(done, len(items))

    async def _collect(self, items: list[Item[M]], done: Done[M]) -> None:
        done.add(await self.work(items))

    async def _finish(self, done: Done[M], n: int) -> None:
        """Publish the outputs, then dead-letter the rejected: all acknowledged before commit."""
        if done.outputs:
            if self.publish_all is None:
                raise TypeError("work returned outputs but the processor cannot publish them")
            await self.publish_all(done.outputs)
        for rejected in done.rejected:
            await self.dead_letter(rejected.item.record, rejected.reason, rejected.error, 1)
        MESSAGES_PROCESSED.labels(service=self.service, outcome="ok").inc(n - len(done.rejected))

    async def _one_by_one(self, items: list[Item[M]]) -> Done[M]:
        done: Done[M] = Done()
        for item in items:
            try:
                await self.retry.run(lambda item=item: self._collect([item], done))  # type: ignore[misc]
            except TRANSIENT:
                raise
            except Exception as exc:
                await self.dead_letter(item.record, "processing_failed", exc)
        return done


def subscribe_batches(
    broker: KafkaBroker,
    topic: str,
    *,
    service: str,
    group_id: str,
    model: type[M],
    work: Work[M],
    settings: NewsflowSettings,
    max_records: int,
    batch_timeout_ms: int = 200,
) -> BatchProcessor[M]:
    """Consume `topic` in batches with `work`, committing each batch only after it is done."""
    process = BatchProcessor(
        service=service,
        model=model,
        work=work,
        publish=broker.publish,
        retry=RetryPolicy(settings.max_retries, settings.retry_backoff_seconds),
        publish_all=functools.partial(publish_all, broker),
    )

    @broker.subscriber(
        topic,
        group_id=group_id,
        batch=True,
        max_records=max_records,
        batch_timeout_ms=batch_timeout_ms,
        auto_offset_reset=AUTO_OFFSET_RESET,
        # An exception (the broker or a store away) rewinds instead of committing.
        ack_policy=AckPolicy.NACK_ON_ERROR,
        title=topic,
    )
    async def on_batch(message: KafkaMessage) -> None:
        records = message.raw_message
        await process(records if isinstance(records, tuple) else (records,))

    return process
