"""`newsflow dlq list|replay`: inspect and re-send dead-lettered messages."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from rich.console import Console
from rich.table import Table

from shared import topics
from shared.consume import H_CLASS, H_MESSAGE, H_OFFSET, H_PARTITION, H_REASON, H_SERVICE, H_TOPIC
from shared.kafka import admin_kwargs
from shared.settings import NewsflowSettings, load

# Header we add on replay, so a message that comes back to the DLQ shows its history.
H_REPLAYED = "newsflow.replayed.from"


@dataclass(frozen=True)
class DeadLetter:
    partition: int
    offset: int
    key: bytes | None
    value: bytes
    headers: dict[str, str]

    @property
    def ref(self) -> str:
        return f"{self.partition}:{self.offset}"

    def as_json(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "key": self.key.decode("utf-8", "replace") if self.key else None,
            "bytes": len(self.value),
            "headers": self.headers,
        }


async def read_dead_letters(settings: NewsflowSettings) -> list[DeadLetter]:
    """Every record now in the DLQ topic, from the beginning to its current end."""
    consumer = AIOKafkaConsumer(enable_auto_commit=False, **admin_kwargs(settings))
    await consumer.start()
    try:
        partitions = consumer.partitions_for_topic(topics.DLQ) or set()
        if not partitions:
            await consumer.topics()  # refresh metadata once: the topic may be new
            partitions = consumer.partitions_for_topic(topics.DLQ) or set()
        assigned = [TopicPartition(topics.DLQ, p) for p in sorted(partitions)]
        if not assigned:
            return []
        consumer.assign(assigned)
        await consumer.seek_to_beginning(*assigned)
        ends = await consumer.end_offsets(assigned)
        out: list[DeadLetter] = []

        async def behind() -> bool:
            return any([await consumer.position(tp) < ends[tp] for tp in assigned])

        while await behind():
            batches = await consumer.getmany(*assigned, timeout_ms=1000)
            for records in batches.values():
                for r in records:
                    if r.offset < ends[TopicPartition(r.topic, r.partition)]:
                        out.append(
                            DeadLetter(
                                r.partition,
                                r.offset,
                                r.key,
                                r.value or b"",
                                {k: v.decode("utf-8", "replace") for k, v in r.headers},
                            )
                        )
        return sorted(out, key=lambda d: (d.partition, d.offset))
    finally:
        await consumer.stop()


async def run_dlq_list(limit: int, as_json: bool) -> int:
    letters = (await read_dead_letters(load(NewsflowSettings)))[:limit]
    if as_json:
        for letter in letters:
            print(json.dumps(letter.as_json(), ensure_ascii=False))
        return 0
    table = Table(title=f"{len(letters)} dead-lettered messages")
    for column in ("ref", "service", "reason", "from", "error"):
        table.add_column(column)
    for d in letters:
        h = d.headers
        table.add_row(
            d.ref,
            h.get(H_SERVICE, "?"),
            h.get(H_REASON, "?"),
            f"{h.get(H_TOPIC, '?')}[{h.get(H_PARTITION, '?')}]@{h.get(H_OFFSET, '?')}",
            f"{h.get(H_CLASS, '?').rsplit('.', 1)[-1]}: {h.get(H_MESSAGE, '')[:120]}",
        )
    Console().print(table)
    return 0


async def run_dlq_replay(refs: list[str], service: str | None) -> int:
    settings = load(NewsflowSettings)
    letters = await read_dead_letters(settings)
    chosen = [
        d
        for d in letters
        if (not refs or d.ref in refs) and (service is None or d.headers.get(H_SERVICE) == service)
    ]
    missing = set(refs) - {d.ref for d in letters}
    console = Console(stderr=True)
    for ref in sorted(missing):
        console.print(f"newsflow: no dead-lettered record {ref}")
    producer = AIOKafkaProducer(acks="all", **admin_kwargs(settings))
    await producer.start()
    try:
        for d in chosen:
            target = d.headers.get(H_TOPIC)
            if not target:
                console.print(f"newsflow: {d.ref} names no original topic; skipped")
                continue
            headers = [
                (k, v.encode())
                for k, v in d.headers.items()
                if not k.startswith("__connect.errors.") and not k.startswith("newsflow.dlq.")
            ]
            headers.append((H_REPLAYED, f"{topics.DLQ}:{d.ref}".encode()))
            await producer.send_and_wait(target, d.value, key=d.key, headers=headers)
            console.print(f"replayed {d.ref} to {target}")
    finally:
        await producer.stop()
    return 1 if missing else 0
