"""Consumer lag: how far a consumer group's committed offsets trail the end of its topic.

`GroupOffsets` reads a topic's beginning and end offsets and a group's committed ones;
`lag_of` is the arithmetic over them. The services' lag gauge (`lag_loop`) and the command
line's replays (`services/cli/replay_cmd.py`) both count with these two.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine, Mapping
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from shared.kafka import admin_kwargs
from shared.metrics import CONSUMER_LAG
from shared.settings import NewsflowSettings

log = logging.getLogger(__name__)

# Lag moves with batches of seconds; Prometheus scrapes every 15 s by default.
LAG_INTERVAL_SECONDS = 15.0


def lag_of(
    begin: Mapping[TopicPartition, int],
    ends: Mapping[TopicPartition, int],
    committed: Mapping[TopicPartition, int],
) -> int:
    """Messages from where the group goes on to `ends`, summed over the partitions of `begin`.

    A group goes on from its committed offset, or from the beginning where it committed none;
    a committed offset below the beginning (retention deleted the messages after it) goes on
    from the beginning too, since messages no longer in the log are no one's lag.
    """
    return sum(
        max(0, ends[tp] - max(committed.get(tp, start), start)) for tp, start in begin.items()
    )


class GroupOffsets:
    """A topic's beginning and end offsets and a group's committed ones, per partition.

    The beginning offsets are read once, on entering; the end and committed ones on each call.
    """

    def __init__(self, settings: NewsflowSettings, topic: str, group: str) -> None:
        self.topic = topic
        self.group = group
        self._kwargs = admin_kwargs(settings)
        self._stack = contextlib.AsyncExitStack()
        self._admin: AIOKafkaAdminClient | None = None
        self._consumer: AIOKafkaConsumer | None = None
        self.partitions: list[TopicPartition] = []
        self.begin: dict[TopicPartition, int] = {}

    async def __aenter__(self) -> GroupOffsets:
        try:
            await self._start()
        except BaseException:
            # Each client started is closed even when the next one fails to start.
            await self._stack.aclose()
            raise
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._stack.aclose()

    async def _start(self) -> None:
        admin = AIOKafkaAdminClient(**self._kwargs)
        await admin.start()
        self._stack.push_async_callback(admin.close)
        consumer = AIOKafkaConsumer(enable_auto_commit=False, **self._kwargs)
        await consumer.start()
        self._stack.push_async_callback(consumer.stop)
        self._admin, self._consumer = admin, consumer
        await consumer.topics()
        numbers = sorted(consumer.partitions_for_topic(self.topic) or ())
        self.partitions = [TopicPartition(self.topic, p) for p in numbers]
        if self.partitions:
            self.begin = dict(await consumer.beginning_offsets(self.partitions))

    async def ends(self) -> dict[TopicPartition, int]:
        """The topic's end offsets: the offset the next message will get, per partition."""
        assert self._consumer is not None
        if not self.partitions:
            return {}
        return dict(await self._consumer.end_offsets(self.partitions))

    async def committed(self) -> dict[TopicPartition, int]:
        """The group's next offset on each partition where it committed one."""
        assert self._admin is not None
        if not self.partitions:
            return {}
        got = await self._admin.list_consumer_group_offsets(self.group, partitions=self.partitions)
        return {
            tp: meta.offset
            for tp in self.partitions
            if (meta := got.get(tp)) is not None and meta.offset >= 0
        }

    def lag(
        self, ends: Mapping[TopicPartition, int], committed: Mapping[TopicPartition, int]
    ) -> int:
        """The messages the group has still to do up to `ends` (see `lag_of`)."""
        return lag_of(self.begin, ends, committed)

    def total(self, ends: Mapping[TopicPartition, int]) -> int:
        """The messages from the beginning up to `ends`: all that a new group has to do."""
        return lag_of(self.begin, ends, {})


async def group_lag(settings: NewsflowSettings, group_id: str, topic: str) -> int:
    """Messages not yet committed by `group_id` on `topic`, summed over its partitions."""
    async with GroupOffsets(settings, topic, group_id) as offsets:
        return offsets.lag(await offsets.ends(), await offsets.committed())


def lag_loop(
    settings: NewsflowSettings, service: str, group_id: str, topic: str
) -> Callable[[asyncio.Event], Coroutine[Any, Any, None]]:
    """A Service loop that keeps `newsflow_consumer_lag_messages{service}` current."""

    async def loop(stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                CONSUMER_LAG.labels(service=service).set(await group_lag(settings, group_id, topic))
            except Exception as exc:  # lag is advisory: log, keep the gauge, try again
                log.debug("consumer lag not measured", extra={"error": repr(exc)})
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), LAG_INTERVAL_SECONDS)

    return loop
