"""`newsflow dlq list|replay`: inspect and re-send dead-lettered messages, one per origin.

Both read the topic a page at a time (`shared.dlq.DeadLetterReader`) and keep one summary per
origin (topic, partition, offset), never the records: a long DLQ costs memory by its number of
origins, not its bytes. `replay` sends each origin once, however many copies the topic holds.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from aiokafka import AIOKafkaProducer
from rich.console import Console
from rich.table import Table

from shared import topics
from shared.dlq import DeadLetter, DeadLetterReader, Origin
from shared.headers import H_CLASS, H_MESSAGE, H_REASON, H_REPLAYED, H_SERVICE, H_TOPIC
from shared.kafka import admin_kwargs
from shared.settings import NewsflowSettings, load

# Characters of the error message kept per origin for the table.
ERROR_CHARS = 120


@dataclass
class Group:
    """The dead letters of one origin: the first one's facts, and how many copies there are."""

    ref: str
    origin: Origin | None
    key: str | None
    size: int
    service: str
    reason: str
    error: str
    headers: dict[str, str] = field(default_factory=dict)
    refs: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, letter: DeadLetter, *, keep_headers: bool) -> Group:
        h = letter.headers
        return cls(
            ref=letter.ref,
            origin=letter.origin,
            key=letter.key.decode("utf-8", "replace") if letter.key else None,
            size=len(letter.value),
            service=h.get(H_SERVICE, "?"),
            reason=h.get(H_REASON, "?"),
            error=f"{h.get(H_CLASS, '?').rsplit('.', 1)[-1]}: {h.get(H_MESSAGE, '')[:ERROR_CHARS]}",
            headers=h if keep_headers else {},
            refs=[letter.ref],
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "refs": self.refs,
            "count": len(self.refs),
            "origin": self.origin._asdict() if self.origin else None,
            "key": self.key,
            "bytes": self.size,
            "headers": self.headers,
        }


def _group_key(letter: DeadLetter) -> Origin | str:
    """Its origin; a record without one (written by hand) is a group of its own."""
    return letter.origin or letter.ref


async def read_groups(settings: NewsflowSettings, *, keep_headers: bool = False) -> list[Group]:
    """One group per origin, in the order of their first dead letter."""
    groups: dict[Origin | str, Group] = {}
    reader = DeadLetterReader(settings)
    try:
        async for page in reader.pages():
            for letter in page:
                group = groups.get(_group_key(letter))
                if group is None:
                    groups[_group_key(letter)] = Group.of(letter, keep_headers=keep_headers)
                else:
                    group.refs.append(letter.ref)
    finally:
        await reader.stop()
    return sorted(groups.values(), key=lambda g: tuple(int(n) for n in g.ref.split(":")))


def _after(groups: list[Group], after: str | None) -> list[Group]:
    if after is None:
        return groups
    cursor = tuple(int(n) for n in after.split(":"))
    return [g for g in groups if tuple(int(n) for n in g.ref.split(":")) > cursor]


async def run_dlq_list(limit: int, as_json: bool, after: str | None = None) -> int:
    """A page of `limit` origins after the one whose first dead letter is `after`."""
    if after is not None and not re.fullmatch(r"\d+:\d+", after):
        Console(stderr=True).print(f"newsflow: --after wants PARTITION:OFFSET, not {after!r}")
        return 2
    every = _after(await read_groups(load(NewsflowSettings), keep_headers=as_json), after)
    page = every[:limit]
    if as_json:
        for group in page:
            print(json.dumps(group.as_json(), ensure_ascii=False))
        return 0
    table = Table(title=f"{len(page)} of {len(every)} dead-lettered origins")
    for column in ("ref", "count", "service", "reason", "from", "error"):
        table.add_column(column)
    for g in page:
        table.add_row(g.ref, str(len(g.refs)), g.service, g.reason, str(g.origin or "?"), g.error)
    console = Console()
    console.print(table)
    if len(every) > limit:
        console.print(f"next page: newsflow dlq list --after {page[-1].ref}")
    return 0


async def run_dlq_replay(refs: list[str], service: str | None) -> int:
    """Re-send each chosen origin once, to the topic it came from, as the topic is read."""
    settings = load(NewsflowSettings)
    console = Console(stderr=True)
    wanted = set(refs)
    seen: set[str] = set()
    sent: set[Origin | str] = set()
    reader = DeadLetterReader(settings)
    producer = AIOKafkaProducer(acks="all", **admin_kwargs(settings))
    await producer.start()
    try:
        async for page in reader.pages():
            for d in page:
                seen.add(d.ref)
                if wanted and d.ref not in wanted:
                    continue
                if service is not None and d.headers.get(H_SERVICE) != service:
                    continue
                if _group_key(d) in sent:
                    continue
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
                sent.add(_group_key(d))
                console.print(f"replayed {d.ref} ({d.origin or '?'}) to {target}")
    finally:
        await producer.stop()
        await reader.stop()
    missing = wanted - seen
    for ref in sorted(missing):
        console.print(f"newsflow: no dead-lettered record {ref}")
    return 1 if missing else 0
