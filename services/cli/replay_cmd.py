"""`newsflow reindex` and `newsflow reextract`: replay a topic from its beginning.

Both consume under a consumer group of their own, new for each run, that starts at the
earliest offset, so the live services' groups are never moved. "Caught up" means the group's
committed offsets reached the topic's end offsets as they were when the replay started (then,
for reindex, as they are again just before the swap): `shared.lag` reads both and counts what
is left, as it does for the services' lag gauge, and the same numbers drive the progress bar.

- `reextract` runs the extractor service itself under that group, so a replayed article goes
  through the same batches, retries and dead-lettering as a live one. It publishes to the
  same topics with the same keys, and each EnrichedArticle carries the extractor's version and
  model and a new `extracted_at`: the indexer replaces older readings with it.
- `reindex` writes `news.enriched.v2` into a new index (`store.rebuild`) while the live
  indexer goes on writing the old one. Caught up, it swaps the new index in at once, then goes
  on writing what arrived meanwhile, up to the end offsets taken after the swap: a message the
  live indexer wrote into the old index in the last moment is written again into the new one,
  so none is lost at the switch, and readers never see a half-built index.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from aiokafka import TopicPartition
from fastapi import FastAPI
from rich.console import Console
from rich.progress import MofNCompleteColumn, Progress

from services.cli.output import plural
from services.indexer.query import SearchQuery
from services.indexer.settings import IndexerSettings
from services.indexer.store import Store, StoreUnavailable, open_store
from services.indexer.store.rebuild import Rebuild, rebuild_for
from shared import topics
from shared.consume import Item, TransientError, subscribe_batches
from shared.kafka import ensure_topics, make_broker
from shared.lag import GroupOffsets
from shared.models import EnrichedArticle
from shared.runtime import Service
from shared.settings import load

# How often the committed offsets are read for the progress bar and the caught-up check.
POLL_SECONDS = 0.5
# After the first catch-up, messages that arrived meanwhile are caught up with again before
# the swap, so the new index goes live as complete as the old; under a steady stream a round
# never ends empty, and the drain after the swap takes whatever is left.
CATCH_UP_ROUNDS = 3
# Reindex's own ops server (it has no API): any free port.
OPS_PORT = 0


def run_name(command: str) -> str:
    """A consumer group of its own for this run: `newsflow-reindex-20261206T101500Z`."""
    return f"newsflow-{command}-{dt.datetime.now(dt.UTC).strftime('%Y%m%dT%H%M%SZ')}"


async def catch_up(
    offsets: GroupOffsets, ends: dict[TopicPartition, int], shown: Callable[[int], object]
) -> None:
    """Wait until the group committed up to `ends` on every partition, passing `shown`
    how many messages it has done so far."""
    total = offsets.total(ends)
    while left := offsets.lag(ends, await offsets.committed()):
        shown(total - left)
        await asyncio.sleep(POLL_SECONDS)
    shown(total)


@dataclass
class Replay:
    """What the command reports when it ends."""

    group: str
    # What a stop (Ctrl-C, SIGTERM) leaves, said when one comes.
    stopped: str = "stopped"
    messages: int = 0
    finished: bool = False
    notes: list[str] = field(default_factory=list)
    code: int = 0


async def _run(service: Service, control: Callable[[], Awaitable[None]], replay: Replay) -> None:
    """Run `service` until `control` returns, or until Ctrl-C or SIGTERM (which cancel it),
    then stop the service as SIGTERM would: the batch in hand is finished and committed."""

    async def loop(stop: asyncio.Event) -> None:
        work = asyncio.ensure_future(control())
        stopped = asyncio.ensure_future(stop.wait())
        await asyncio.wait({work, stopped}, return_when=asyncio.FIRST_COMPLETED)
        stopped.cancel()
        if not work.done():
            work.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await work
        replay.finished = work.done() and not work.cancelled()

    service.loops.append(loop)
    await service.run()
    if not replay.finished:
        replay.code = 130  # as a shell reports a command stopped by Ctrl-C
        replay.notes.append(replay.stopped)


def _progress(console: Console) -> Progress:
    """A bar with messages done of all, the rate's estimate of the time left, on stderr."""
    return Progress(*Progress.get_default_columns(), MofNCompleteColumn(), console=console)


async def run_reextract(group: str | None) -> int:
    """Re-run the extractor over every article in `news.articles.v1`."""
    from services.extractor.app import build
    from services.extractor.settings import ExtractorSettings

    settings = load(ExtractorSettings)
    await ensure_topics(settings)  # Kafka away: the command's one-line error, exit status 3
    replay = Replay(group or run_name("reextract"))
    replay.stopped = (
        f"stopped; `newsflow reextract --group {replay.group}` goes on from where it stopped"
    )
    console = Console(stderr=True)
    settings = settings.model_copy(update={"group_id": replay.group, "ops_port": OPS_PORT})
    console.print(
        f"re-extracting {topics.ARTICLES} with consumer group {replay.group} "
        f"(model {settings.spacy_model})",
        highlight=False,
        soft_wrap=True,
    )
    async with GroupOffsets(settings, topics.ARTICLES, replay.group) as offsets:
        ends = await offsets.ends()
        total = offsets.total(ends)
        # A continued run (`--group`) starts where the group stopped.
        left = offsets.lag(ends, await offsets.committed())

        async def control() -> None:
            with _progress(console) as progress:
                task = progress.add_task("re-extracting", total=total)
                await catch_up(offsets, ends, lambda n: progress.update(task, completed=n))
            replay.messages = left

        if left:
            await _run(build(settings), control, replay)  # build loads the model (seconds)
        else:
            replay.finished = True
    if replay.finished:
        console.print(
            f"re-extracted {plural(replay.messages, 'article')} of {topics.ARTICLES} "
            f"({total} in all) into {topics.ENRICHED} and {topics.EVENTS}",
            highlight=False,
        )
    for note in replay.notes:
        console.print(note, highlight=False, soft_wrap=True)
    return replay.code


async def _count(store: Store) -> int:
    """The articles an index holds."""
    return (await store.search(SearchQuery(limit=1))).total or 0


async def run_reindex(*, allow_fewer: bool = False) -> int:
    """Rebuild the index from `news.enriched.v2` and swap it in when caught up."""
    settings = load(IndexerSettings)
    await ensure_topics(settings)  # Kafka away: the command's one-line error, exit status 3
    url = settings.resolved_index_url()
    rebuild = rebuild_for(url)
    await rebuild.prepare()
    replay = Replay(run_name("reindex"), stopped="stopped; the live index is as it was")
    console = Console(stderr=True)
    console.print(
        f"rebuilding the index from {topics.ENRICHED} into {rebuild.where} "
        f"(consumer group {replay.group})",
        highlight=False,
        soft_wrap=True,
    )
    staging = rebuild.staging(pool_size=1)
    swapped = False
    try:
        swapped = await _reindex(settings, url, rebuild, staging, replay, console, allow_fewer)
    finally:
        if not swapped:
            await rebuild.discard()
    return replay.code


async def _reindex(
    settings: IndexerSettings,
    url: str,
    rebuild: Rebuild,
    staging: Store,
    replay: Replay,
    console: Console,
    allow_fewer: bool,
) -> bool:
    switch = asyncio.Lock()
    stores = {"current": staging}
    opened: list[Store] = [staging]
    swapped = False

    async def work(items: list[Item[EnrichedArticle]]) -> None:
        # The swap waits for the batch in hand; a batch after it goes to the live index.
        async with switch:
            try:
                await stores["current"].upsert([item.value for item in items])
            except StoreUnavailable as exc:
                raise TransientError(str(exc)) from exc

    async def ping() -> bool:
        return await stores["current"].ping()

    broker = make_broker(settings, service="reindex")
    consumer = subscribe_batches(
        broker,
        topics.ENRICHED,
        # The indexer's name: a message the indexer already dead-lettered is not sent again.
        service="indexer",
        group_id=replay.group,
        model=EnrichedArticle,
        work=work,
        settings=settings,
        max_records=settings.batch_size,
        batch_timeout_ms=int(settings.batch_max_wait_seconds * 1000),
        stores=[ping],
    )

    async def close_all() -> None:
        for store in opened:
            await store.close()

    service = Service(
        name="reindex",
        settings=settings,
        broker=broker,
        app=FastAPI(title="newsflow reindex"),
        host="127.0.0.1",
        port=OPS_PORT,
        startup=[staging.open],
        shutdown=[close_all],
        consumers=[consumer],
    )

    async with GroupOffsets(settings, topics.ENRICHED, replay.group) as offsets:

        async def control() -> None:
            nonlocal swapped
            ends = await offsets.ends()
            with _progress(console) as progress:
                task = progress.add_task("indexing", total=offsets.total(ends))

                def shown(done: int) -> None:
                    progress.update(task, completed=done)

                await catch_up(offsets, ends, shown)
                for _ in range(CATCH_UP_ROUNDS):
                    later = await offsets.ends()
                    if later == ends:
                        break
                    ends = later
                    progress.update(task, total=offsets.total(ends))
                    await catch_up(offsets, ends, shown)
            live = open_store(url, pool_size=1)
            await live.open()
            try:
                old = await _count(live)
            finally:
                await live.close()  # holds no file or table the swap replaces
            new = await _count(staging)
            if new < old and not allow_fewer:
                replay.notes.append(
                    f"the new index holds {plural(new, 'article')}, the live one {old}: "
                    f"{topics.ENRICHED} no longer holds some (retention?). The live index is "
                    "kept; pass --allow-fewer to replace it anyway"
                )
                replay.code = 1
                return
            async with switch:
                await rebuild.promote()
                swapped = True
                replay.stopped = (
                    "stopped after the swap: the new index is live, but may lack articles "
                    "that arrived in the rebuild's last seconds; run `newsflow reindex` again"
                )
                live = open_store(url, pool_size=1)
                opened.append(live)
                await live.open()
                stores["current"] = live
            # What arrived until the swap, written into the index that is now live.
            after = await offsets.ends()
            await catch_up(offsets, after, lambda n: None)
            replay.messages = offsets.total(after)
            replay.notes.append(
                f"replaced the index at {url} ({plural(old, 'article')} before, "
                f"{await _count(live)} now)"
            )

        await _run(service, control, replay)
    if swapped:
        console.print(
            f"indexed {plural(replay.messages, 'message')} of {topics.ENRICHED}", highlight=False
        )
    for note in replay.notes:
        console.print(note, highlight=False, soft_wrap=True)
    return swapped
