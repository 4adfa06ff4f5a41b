"""The extractor service: articles in, enriched articles and events out.

An article the extractor fails on is dead-lettered (reason `extraction_failed`), never published
as an empty reading: that would replace an earlier good one in the index. An article skipped on
purpose (empty, binary, not English) is published with `skipped` saying why.
"""

from __future__ import annotations

import asyncio
import logging
import time

from fastapi import FastAPI

from services.extractor import metrics
from services.extractor.pipeline import process_extractor
from services.extractor.settings import ExtractorSettings
from shared import topics
from shared.consume import Done, Item, Rejected, subscribe_batches
from shared.kafka import make_broker
from shared.lag import lag_loop
from shared.models import Article, EnrichedArticle, EventMessage
from shared.runtime import Service, add_ops_routes

SERVICE = "extractor"
# The dead-letter reason of an article the extractor failed on.
EXTRACTION_FAILED = "extraction_failed"
log = logging.getLogger(__name__)


def event_messages(enriched: EnrichedArticle) -> list[EventMessage]:
    article = enriched.article
    return [
        EventMessage(
            event=event,
            url=article.url,
            title=article.title,
            source=article.source,
            published_at=article.published_at,
        )
        for event in enriched.events
    ]


def build(settings: ExtractorSettings) -> Service:
    broker = make_broker(
        settings,
        service=SERVICE,
        consumes=[topics.ARTICLES],
        publishes=[topics.ENRICHED, topics.EVENTS, topics.DLQ],
    )
    # Loads the model (seconds) before consuming, so readiness means "can work".
    log.info("loading the spaCy model", extra={"model": settings.spacy_model})
    extractor = process_extractor(settings)

    # Declared for the AsyncAPI document; the batch processor publishes `work`'s outputs.
    broker.publisher(topics.ENRICHED, title="enriched", schema=EnrichedArticle)
    broker.publisher(topics.EVENTS, title="events", schema=EventMessage)

    async def work(items: list[Item[Article]]) -> Done[Article]:
        started = time.perf_counter()
        # spaCy is CPU-bound: keep the event loop (heartbeats, /metrics) responsive.
        results = await asyncio.to_thread(extractor.run, [item.value for item in items])
        metrics.EXTRACTION_DURATION.observe(time.perf_counter() - started)
        metrics.SPACY_STRINGS.set(len(extractor.nlp.vocab.strings))
        done: Done[Article] = Done()
        for item, result in zip(items, results, strict=True):
            metrics.observe(result.enriched, result.stats)
            if result.error is not None:
                done.rejected.append(Rejected(item, EXTRACTION_FAILED, result.error))
                continue
            enriched = result.enriched
            done.outputs.append(
                (topics.ENRICHED, enriched.article.id, enriched.model_dump_json().encode())
            )
            for message in event_messages(enriched):
                done.outputs.append(
                    (topics.EVENTS, message.event.id, message.model_dump_json().encode())
                )
        return done

    consumer = subscribe_batches(
        broker,
        topics.ARTICLES,
        service=SERVICE,
        group_id=settings.group_id,
        model=Article,
        work=work,
        settings=settings,
        max_records=settings.batch_size,
        reject_reasons=(EXTRACTION_FAILED,),
    )

    service = Service(
        name=SERVICE,
        settings=settings,
        broker=broker,
        app=FastAPI(title="newsflow extractor"),
        host=settings.ops_host,
        port=settings.ops_port,
        loops=[lag_loop(settings, SERVICE, settings.group_id, topics.ARTICLES)],
        consumers=[consumer],
    )
    add_ops_routes(service.app, service.ready)
    return service
