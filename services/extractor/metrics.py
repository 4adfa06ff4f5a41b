"""The extractor's own metrics (FastStream's middleware adds per-handler RED metrics)."""

from typing import get_args

from prometheus_client import Counter, Gauge, Histogram

from services.extractor.pipeline import ArticleStats
from shared.metrics import zero
from shared.models import EnrichedArticle, EventType, SkipReason

# Counts per article: most articles have a handful to a few dozen of each.
_COUNT_BUCKETS = (0, 1, 2, 5, 10, 20, 50, 100, 200)

EXTRACTION_FAILURES = Counter(
    "newsflow_extraction_failures", "Articles the extractor could not fully process.", ["reason"]
)
EXTRACTION_DURATION = Histogram(
    "newsflow_extraction_duration_seconds",
    "Wall time to extract one batch of articles.",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
ENTITIES = Histogram("newsflow_article_entities", "Actors per article.", buckets=_COUNT_BUCKETS)
PLACES = Histogram("newsflow_article_places", "Places per article.", buckets=_COUNT_BUCKETS)
TIMES = Histogram("newsflow_article_times", "Time expressions per article.", buckets=_COUNT_BUCKETS)
EVENTS = Histogram("newsflow_article_events", "Events per article.", buckets=_COUNT_BUCKETS)
SPACY_STRINGS = Gauge(
    "newsflow_spacy_strings",
    "Strings in spaCy's vocabulary after the last batch: flat when each batch's new words are "
    "freed (memory zones), growing with every new word otherwise.",
)
EVENTS_PUBLISHED = Counter(
    "newsflow_events_published", "Events published, by PLOVER type.", ["type"]
)

# `error` (dead-lettered), `truncated` (a text cut at the model's limit), and the skip reasons.
zero(EXTRACTION_FAILURES, reason=["error", "truncated", *get_args(SkipReason)])
zero(EVENTS_PUBLISHED, type=get_args(EventType))


def observe(enriched: EnrichedArticle, stats: ArticleStats) -> None:
    if stats.outcome != "ok":
        EXTRACTION_FAILURES.labels(reason=stats.outcome).inc()
    if stats.truncated:
        EXTRACTION_FAILURES.labels(reason="truncated").inc()
    ENTITIES.observe(len(enriched.entities))
    PLACES.observe(len(enriched.places))
    TIMES.observe(len(enriched.times))
    EVENTS.observe(len(enriched.events))
    for event in enriched.events:
        EVENTS_PUBLISHED.labels(type=event.type).inc()
