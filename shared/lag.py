"""Consumer lag: how far a consumer group's committed offsets trail the end of its topic."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient

from shared.kafka import admin_kwargs
from shared.metrics import CONSUMER_LAG
from shared.settings import NewsflowSettings

log = logging.getLogger(__name__)

# Lag moves with batches of seconds; Prometheus scrapes every 15 s by default.
LAG_INTERVAL_SECONDS = 15.0


async def group_lag(settings: NewsflowSettings, group_id: str, topic: str) -> int:
    """Messages not yet committed by `group_id` on `topic`, summed over its partitions."""
    kwargs = admin_kwargs(settings)
    async with contextlib.AsyncExitStack() as clients:
        # Each client is closed even when the next one fails to start.
        admin = AIOKafkaAdminClient(**kwargs)
        await admin.start()
        clients.push_async_callback(admin.close)
        consumer = AIOKafkaConsumer(enable_auto_commit=False, **kwargs)
        await consumer.start()
        clients.push_async_callback(consumer.stop)
        partitions = [
            TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())
        ]
        if not partitions:
            return 0
        ends = await consumer.end_offsets(partitions)
        committed = await admin.list_consumer_group_offsets(group_id, partitions=partitions)
        total = 0
        for tp in partitions:
            meta = committed.get(tp)
            done = meta.offset if meta is not None and meta.offset >= 0 else 0
            total += max(0, ends[tp] - done)
        return total


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
