"""The indexer service: enriched articles in, upserted into the index; the search API."""

from __future__ import annotations

import datetime as dt
import time

from services.indexer import metrics
from services.indexer.api import create_api
from services.indexer.settings import IndexerSettings
from services.indexer.store import StoreUnavailable, open_store
from shared import topics
from shared.consume import Item, TransientError, subscribe_batches
from shared.kafka import make_broker
from shared.lag import lag_loop
from shared.models import EnrichedArticle
from shared.runtime import Service, add_ops_routes

SERVICE = "indexer"
GROUP_ID = "newsflow-indexer"


def build(settings: IndexerSettings) -> Service:
    broker = make_broker(
        settings, service=SERVICE, consumes=[topics.ENRICHED], publishes=[topics.DLQ]
    )
    store = open_store(settings.resolved_index_url(), pool_size=settings.index_pool_size)

    async def work(items: list[Item[EnrichedArticle]]) -> None:
        batch = [item.value for item in items]
        started = time.perf_counter()
        try:
            await store.upsert(batch)
        except StoreUnavailable as exc:
            # Retried; held while the database is away, dead-lettered only if it answers.
            raise TransientError(str(exc)) from exc
        metrics.INDEX_WRITE_DURATION.observe(time.perf_counter() - started)
        metrics.observe_indexed(batch, dt.datetime.now(dt.UTC))

    consumer = subscribe_batches(
        broker,
        topics.ENRICHED,
        service=SERVICE,
        group_id=GROUP_ID,
        model=EnrichedArticle,
        work=work,
        settings=settings,
        max_records=settings.batch_size,
        batch_timeout_ms=int(settings.batch_max_wait_seconds * 1000),
        stores=[store.ping],
    )

    service: Service

    async def ready() -> bool:
        return await service.ready() and await store.ping()

    api = create_api(
        store,
        ready=ready,
        observe_search=metrics.observe_search,
        # A maximum below the default page size lowers the default too, so a request without
        # `limit` is served rather than refused.
        default_limit=min(settings.search_default_limit, settings.search_max_limit),
        max_limit=settings.search_max_limit,
        facet_size=settings.facet_size,
    )
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
        consumers=[consumer],
    )
    add_ops_routes(api, ready, health=False)
    return service
