"""How every consumer handles a batch: validate, work with bounded retries, dead-letter, commit.

Exceptions, and what each means for the message in hand::

    Exception
    ├── pydantic.ValidationError ........ the message is not what the topic promises: dead-letter
    │                                     at once (reason `INVALID_MESSAGE`)
    ├── TRANSIENT ....................... maybe the broker or a store is away: retry the batch
    │   ├── aiokafka.errors.KafkaError     with backoff (bounded); then ask them (`available`):
    │   ├── OSError / TimeoutError         - one is down: an outage. Stop consuming, report
    │   └── TransientError                   unready, wait until it answers, then go on with the
    │                                        same batch; nothing is dead-lettered or lost
    │                                      - all answer: the batch itself fails. Isolate the
    │                                        message that does (each alone, bounded retries) and
    │                                        dead-letter it (reason `RETRIES_EXHAUSTED`)
    └── anything else ................... a bug or an input we cannot handle: isolate the message
                                          that fails (bounded retries), dead-letter it alone
                                          (reason `PROCESSING_FAILED`)

The reasons are shared/headers.py's. `work` may also return what to publish and the messages
it rejects with a reason of its own (the extractor's article it failed on: dead-lettered at
once, never published as an empty reading).
Outputs are published after `work`, with their own retries: when only the publish failed, the
publish is retried, not the work. Dead letters go the same way.

The caller's handler commits the batch only after the processor returns, that is after every
output and dead letter was acknowledged by the broker (FastStream `AckPolicy.NACK_ON_ERROR`: an
exception rewinds the partitions instead of committing, and the batch is redelivered).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from aiokafka.errors import KafkaError
from faststream import AckPolicy
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from pydantic import BaseModel, ValidationError

from shared import topics
from shared.dlq import DeadLetterIndex, Record, dead_letter_headers
from shared.headers import DLQ_REASONS, INVALID_MESSAGE, PROCESSING_FAILED, RETRIES_EXHAUSTED
from shared.kafka import AUTO_OFFSET_RESET, publish_all
from shared.metrics import DLQ_MESSAGES, MESSAGES_PROCESSED, OUTCOMES, zero
from shared.settings import NewsflowSettings

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)


class TransientError(Exception):
    """A store or dependency is temporarily unavailable: retry, then ask whether it is down."""


class Unavailable(TransientError):
    """A dependency stayed down while the batch waited: rewind, so the batch is redelivered."""


TRANSIENT: tuple[type[BaseException], ...] = (KafkaError, OSError, TimeoutError, TransientError)


class Ledger(Protocol):
    """What the dead-letter topic already holds (`shared.dlq.DeadLetterIndex`)."""

    async def holds(self, record: Record) -> bool: ...
    def add(self, record: Record) -> None: ...
    async def close(self) -> None: ...


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
    attempts: int = 1


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


T = TypeVar("T")
# While a dependency is down, ask it again at most this often (backoff doubles up to it) ...
MAX_PROBE_INTERVAL_SECONDS = 5.0
# ... and hold the batch at most this long before rewinding it: the consumer polls again well
# within Kafka's max.poll.interval.ms (300 s), so it keeps its partitions through an outage.
OUTAGE_HOLD_SECONDS = 60.0
# A broker that has not answered a metadata request in this long counts as down.
PING_TIMEOUT_SECONDS = 2.0
# How long the broker may hold a fetch that finds no new record. Apache Kafka answers as soon
# as one arrives, whatever this is; the bundled broker (Tansu 0.6) holds the fetch the whole
# time, so aiokafka's default (500 ms) made each hop wait 0.12 s (median) and 0.23 s (p95)
# for a record at 10/s, against 0.024 and 0.058 s at 100 ms (docs/BENCHMARKS.md, "Pipeline").
# An idle consumer then asks ten times a second: nothing to the broker.
FETCH_MAX_WAIT_MS = 100


@dataclass(frozen=True)
class RetryPolicy:
    retries: int = 3
    backoff_seconds: float = 0.5

    async def run(
        self,
        work: Callable[[], Awaitable[T]],
        retry_on: tuple[type[BaseException], ...] = (Exception,),
    ) -> T:
        """Run `work`, retrying up to `retries` times with exponential backoff on `retry_on`."""
        for attempt in range(self.retries + 1):
            try:
                return await work()
            except retry_on:
                if attempt == self.retries:
                    raise
                await asyncio.sleep(self.backoff_seconds * (2**attempt))
        raise AssertionError("unreachable")  # the loop returns or raises


async def _always() -> bool:
    return True


@dataclass
class BatchProcessor(Generic[M]):
    """Validates a batch of records as `model`, runs `work` on it, dead-letters what fails.

    `available` asks the broker and the stores whether they answer; while one does not, the
    processor holds its batch (`blocked`: the service reports unready) instead of
    dead-lettering messages that are not at fault.
    """

    service: str
    model: type[M]
    work: Work[M]
    publish: Publish
    retry: RetryPolicy
    publish_all: PublishAll | None = None
    available: Callable[[], Awaitable[bool]] = _always
    # Without one, a record redelivered after a crash may be dead-lettered twice.
    ledger: Ledger | None = None
    dlq_topic: str = topics.DLQ
    outage_hold_seconds: float = OUTAGE_HOLD_SECONDS
    # The reasons `work` gives its Rejected messages, so their DLQ series exist from the start.
    reject_reasons: Sequence[str] = ()
    blocked: bool = False
    _stopping: asyncio.Event = field(default_factory=asyncio.Event)

    def __post_init__(self) -> None:
        zero(MESSAGES_PROCESSED, service=[self.service], outcome=OUTCOMES)
        zero(DLQ_MESSAGES, service=[self.service], reason=[*DLQ_REASONS, *self.reject_reasons])

    def stop(self) -> None:
        """End any wait for a dependency: the batch in hand is rewound, not committed."""
        self._stopping.set()

    async def close(self) -> None:
        if self.ledger is not None:
            await self.ledger.close()

    async def __call__(self, records: Sequence[Record]) -> None:
        if self.blocked:
            await self._until_available()
        items: list[Item[M]] = []
        done: Done[M] = Done()
        for record in records:
            try:
                items.append(Item(record, self.model.model_validate_json(record.value or b"")))
            except ValidationError as exc:
                await self._dead_letter(record, INVALID_MESSAGE, exc, 1)
        if items:
            done = await self._work(items)
        if done.outputs:
            if self.publish_all is None:
                raise TypeError("work returned outputs but the processor cannot publish them")
            publish_all = self.publish_all
            await self._deliver(lambda: publish_all(done.outputs))
        for rejected in done.rejected:
            await self._dead_letter(
                rejected.item.record, rejected.reason, rejected.error, rejected.attempts
            )
        MESSAGES_PROCESSED.labels(service=self.service, outcome="ok").inc(
            len(items) - len(done.rejected)
        )

    async def _work(self, items: list[Item[M]]) -> Done[M]:
        """`work` on the whole batch (the common case, and what makes batching pay), else on
        each message alone."""
        while True:
            try:
                return _done(await self.retry.run(lambda: self.work(items), TRANSIENT))
            except TRANSIENT as exc:
                if await self._available():
                    failure = exc
                    break
                await self._outage()
            except Exception as exc:
                failure = exc
                break
        log.warning("batch failed; isolating the failing message", exc_info=failure)
        done: Done[M] = Done()
        for item in items:
            done.add(await self._work_one(item))
        return done

    async def _work_one(self, item: Item[M]) -> Done[M]:
        attempts = self.retry.retries + 1
        while True:
            try:
                return _done(await self.retry.run(lambda: self.work([item])))
            except TRANSIENT as exc:
                if await self._available():
                    return Done(rejected=[Rejected(item, RETRIES_EXHAUSTED, exc, attempts)])
                await self._outage()
            except Exception as exc:
                return Done(rejected=[Rejected(item, PROCESSING_FAILED, exc, attempts)])

    async def _deliver(self, send: Callable[[], Awaitable[T]]) -> T:
        """Send with bounded retries; while the broker is down, hold and send again."""
        while True:
            try:
                return await self.retry.run(send)
            except TRANSIENT:
                if await self._available():
                    raise
                await self._outage()

    async def _dead_letter(
        self, record: Record, reason: str, error: BaseException, attempts: int
    ) -> None:
        headers = dead_letter_headers(
            record, service=self.service, reason=reason, error=error, attempts=attempts
        )
        value = record.value or b""
        ledger = self.ledger

        async def send() -> bool:
            if ledger is not None and await ledger.holds(record):
                return False  # redelivered after a crash: its dead letter is in the topic
            await self.publish(value, self.dlq_topic, key=record.key, headers=headers)
            if ledger is not None:
                ledger.add(record)
            return True

        sent = await self._deliver(send)
        if sent:
            DLQ_MESSAGES.labels(service=self.service, reason=reason).inc()
        # Its outcome either way; a process killed before its commit took its counters along.
        MESSAGES_PROCESSED.labels(service=self.service, outcome="dead_lettered").inc()
        log.warning(
            "dead-lettered a message" if sent else "already dead-lettered; moving on",
            extra={
                "reason": reason,
                "error_class": type(error).__name__,
                "topic": record.topic,
                "partition": record.partition,
                "offset": record.offset,
            },
        )

    async def _available(self) -> bool:
        try:
            return await self.available()
        except Exception:  # a probe that fails is an answer: not available
            return False

    async def _outage(self) -> None:
        """A dependency is down: stop consuming (hold the batch) until it is back."""
        if not self.blocked:
            log.error("a dependency is down; holding the batch until it answers")
            self.blocked = True
        await self._until_available()

    async def _until_available(self) -> None:
        """Wait until `available`; rewind the batch (raise) after the hold time or on stop."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.outage_hold_seconds
        delay = max(self.retry.backoff_seconds, 0.05)
        while not await self._available():
            left = deadline - loop.time()
            if left <= 0 or self._stopping.is_set():
                raise Unavailable("a dependency is still down; the batch is redelivered")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), min(delay, left))
            delay = min(delay * 2, MAX_PROBE_INTERVAL_SECONDS)
        if self.blocked:
            log.warning("dependencies answer again; consuming")
            self.blocked = False


def _done(result: Done[M] | None) -> Done[M]:
    return result if result is not None else Done()


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
    stores: Sequence[Callable[[], Awaitable[bool]]] = (),
    reject_reasons: Sequence[str] = (),
) -> BatchProcessor[M]:
    """Consume `topic` in batches with `work`, committing each batch only after it is done.

    `stores` are the pings of what `work` writes to; with the broker's, they tell an outage
    from a message that fails. `reject_reasons` are the reasons `work` rejects messages for.
    """

    async def available() -> bool:
        if not await broker.ping(timeout=PING_TIMEOUT_SECONDS):
            return False
        return all([await ping() for ping in stores])

    process = BatchProcessor(
        service=service,
        model=model,
        work=work,
        publish=broker.publish,
        retry=RetryPolicy(settings.max_retries, settings.retry_backoff_seconds),
        publish_all=functools.partial(publish_all, broker),
        available=available,
        ledger=DeadLetterIndex(settings, service),
        reject_reasons=reject_reasons,
    )

    @broker.subscriber(
        topic,
        group_id=group_id,
        batch=True,
        max_records=max_records,
        batch_timeout_ms=batch_timeout_ms,
        fetch_max_wait_ms=FETCH_MAX_WAIT_MS,
        auto_offset_reset=AUTO_OFFSET_RESET,
        # An exception (the broker or a store away) rewinds instead of committing.
        ack_policy=AckPolicy.NACK_ON_ERROR,
        title=topic,
    )
    async def on_batch(message: KafkaMessage) -> None:
        records = message.raw_message
        await process(records if isinstance(records, tuple) else (records,))

    return process
