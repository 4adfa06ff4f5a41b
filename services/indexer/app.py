"""The indexer service: enriched articles in, upserted into the index; the search API."""

from __future__ import annotations

import datetime as dt
import time

from faststream import AckPolicy
from faststream.kafka.annotations import KafkaMessage

from services.indexer import metrics
from services.indexer.api import create_api
from services.indexer.settings import IndexerSettings
from services.indexer.store import StoreUnavailable, open_store
from shared import topics
from shared.consume import BatchProcessor, Item, RetryPolicy, TransientError
from shared.kafka import AUTO_OFFSET_RESET, make_broker
from shared.lag import lag_loop
from shared.models import EnrichedArticle
from shared.runtime import Service, add_ops_routes

SERVICE = "indexer"
GROUP_ID = "newsflow-indexer"


def build(settings: IndexerSettings) -> Service:
    broker = make_broker(settings, service=SERVICE)
    store = open_store(settings.resolved_index_url(), pool_size=settings.index_pool_size)

    async def work(items: list[Item[EnrichedArticle]]) -> None:
        batch = [item.value for item in items]
        started = time.perf_counter()
        try:
            await store.upsert(batch)
        except StoreUnavailable as exc:
            # The database is away: the batch is redelivered, never dead-lettered.
            raise TransientError(str(exc)) from exc
        metrics.INDEX_WRITE_DURATION.observe(time.perf_counter() - started)
        metrics.observe_indexed(batch, dt.datetime.now(dt.UTC))

    process = BatchProcessor(
        service=SERVICE,
        model=EnrichedArticle,
        work=work,
        publish=broker.publish,
        retry=RetryPolicy(settings.max_retries, settings.retry_backoff_seconds),
    )

    @broker.subscriber(
        topics.ENRICHED,
        group_id=GROUP_ID,
        batch=True,
        max_records=settings.batch_size,
        batch_timeout_ms=int(settings.batch_max_wait_seconds * 1000),
        auto_offset_reset=AUTO_OFFSET_RESET,
        ack_policy=AckPolicy.NACK_ON_ERROR,
        title="enriched",
    )
    async def on_enriched(message: KafkaMessage) -> None:
        records = message.raw_message
        await process(records if isinstance(records, tuple) else (records,))

    service: Service

    async def ready() -> bool:
        return await service.ready() and await store.ping()

    api = create_api(store, ready=ready, observe_search=metrics.observe_search)
    service = Service(
        name=SERVICE,
        settings=settings,
        broker=broker,
        app=api,
        host=settings.api_host,
        port=settings.api_port,
        startup=[store.open],
        shutdown=[store.close],
        loops=[lag_loop(settings, SERVICE, GROUP_ID, topics.ENRICHED)],
    )
    add_ops_routes(api, ready, health=False)
    return service
