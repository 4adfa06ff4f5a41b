"""What several benchmarks share: ending a child process, publishing a batch of articles.

Not a benchmark itself (`bench.__main__` runs only modules whose names do not start with "_").
"""

from __future__ import annotations

import asyncio
import math
import subprocess
from typing import Any

from aiokafka import AIOKafkaProducer

from shared import topics
from shared.models import Article


def stop(process: subprocess.Popen[Any], timeout: float) -> None:
    """SIGTERM, then SIGKILL when it has not ended within `timeout` seconds."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def producer(bootstrap: str, *, linger_ms: int = 5) -> AIOKafkaProducer:
    """A plain producer, as another system feeding Newsflow would be (the bundled broker has no
    idempotent producer); not started."""
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        acks="all",
        linger_ms=linger_ms,
        max_request_size=4 * 1024 * 1024,
    )


async def publish_at_once(bootstrap: str, batch: list[Article], *, linger_ms: int = 5) -> None:
    """Every article of `batch` to the articles topic, keyed by id, as fast as it goes."""
    kafka = producer(bootstrap, linger_ms=linger_ms)
    await kafka.start()
    try:
        sent = [
            await kafka.send(topics.ARTICLES, a.model_dump_json().encode(), key=a.id.encode())
            for a in batch
        ]
        await asyncio.gather(*sent)
    finally:
        await kafka.stop()


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: the smallest value with at least `share` of them at or below."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1))]
