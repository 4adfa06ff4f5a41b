"""Real servers for integration tests: the bundled Kafka-compatible broker on a free port."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from shared.bundled_broker import BundledBroker, free_port
from shared.models import EnrichedArticle
from shared.runtime import Service


@pytest.fixture
async def kafka(tmp_path: Path) -> AsyncIterator[str]:
    """A fresh broker per test: the services' topic names are fixed, so tests must not share."""
    broker = BundledBroker(log_path=tmp_path / "broker.log")
    await broker.start()
    try:
        yield broker.bootstrap
    finally:
        broker.stop()


@pytest.fixture
def service_env(kafka: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    env = {
        "NEWSFLOW_KAFKA_BOOTSTRAP": kafka,
        "NEWSFLOW_KAFKA_IDEMPOTENCE": "false",
        "NEWSFLOW_STATE_DIR": str(tmp_path / "state"),
        "NEWSFLOW_OPS_PORT": str(free_port()),
        "NEWSFLOW_API_PORT": str(free_port()),
        "NEWSFLOW_RETRY_BACKOFF_SECONDS": "0.05",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


@contextlib.asynccontextmanager
async def running(service: Service) -> AsyncIterator[Service]:
    """Run a service in this process until the block ends, then stop it as SIGTERM would."""
    stop = asyncio.Event()
    task = asyncio.create_task(service.run(stop, handle_signals=False))
    try:
        for _ in range(600):
            if service.started or task.done():
                break
            await asyncio.sleep(0.1)
        if task.done():
            task.result()
        assert service.started, "service did not start"
        yield service
    finally:
        stop.set()
        await asyncio.wait_for(task, 60)


async def produce(bootstrap: str, topic: str, items: list[tuple[bytes, bytes]]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        for key, value in items:
            await producer.send_and_wait(topic, value, key=key)
    finally:
        await producer.stop()


async def collect(
    bootstrap: str,
    topic: str,
    until: Callable[[list[tuple[bytes | None, bytes, dict[str, bytes]]]], bool],
    timeout: float = 60.0,
) -> list[tuple[bytes | None, bytes, dict[str, bytes]]]:
    """Read a topic from the beginning until `until(records)` holds (or fail after timeout)."""
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", enable_auto_commit=False
    )
    await consumer.start()
    got: list[tuple[bytes | None, bytes, dict[str, bytes]]] = []
    try:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not until(got):
            if loop.time() > deadline:
                raise AssertionError(f"timed out on {topic}; got {len(got)} records")
            batches = await consumer.getmany(timeout_ms=500)
            for records in batches.values():
                got.extend((r.key, r.value or b"", dict(r.headers)) for r in records)
        return got
    finally:
        await consumer.stop()


async def records_in(bootstrap: str, topic: str) -> int:
    """How many records `topic` holds now: the sum of its partitions' end offsets."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        return sum((await consumer.end_offsets(partitions)).values())
    finally:
        await consumer.stop()


async def eventually(check: Callable[[], Awaitable[bool]], timeout: float = 60.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not await check():
        if loop.time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.2)


async def newsflow(*args: str) -> tuple[int, str]:
    """Run `newsflow ARGS` as a process (the environment the fixtures set); status, stderr."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "services.cli.main",
        *args,
        env={**os.environ, "COLUMNS": "200"},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _, err = await asyncio.wait_for(process.communicate(), 180)
    assert process.returncode is not None
    return process.returncode, err.decode()


def payload(batch: list[EnrichedArticle]) -> list[tuple[bytes, bytes]]:
    return [(e.article.id.encode(), e.model_dump_json().encode()) for e in batch]
