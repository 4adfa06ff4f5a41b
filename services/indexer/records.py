"""The rows an EnrichedArticle becomes: one definition for every backend.

Pure logic. Timestamps are normalised to UTC; the event's date interval falls back to the
publication day where the TimeExpression has no resolved dates (durations, sets), so every
event has a sortable, filterable interval.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from services.indexer.query import name_key
from shared.models import EnrichedArticle, Event


@dataclass(frozen=True)
class EntityRow:
    name: str
    key: str
    kind: str
    country_code: str | None
    mentions: int


@dataclass(frozen=True)
class PlaceRow:
    name: str
    key: str
    kind: str
    country_code: str | None
    lat: float | None
    lon: float | None
    mentions: int


@dataclass(frozen=True)
class EventRow:
    id: str
    type: str | None
    quad: str | None
    trigger: str
    sources: list[str]
    targets: list[str]
    places: list[str]
    date_value: str
    """The TIMEX3 value, "" for an undated event."""
    date_start: dt.date
    date_end: dt.date
    date_source: str
    confidence: float
    sentence: str
    raw: str
    actors: list[tuple[str, str, str]]
    """(name, key, role) with role `source` or `target`."""
    place_names: list[tuple[str, str]]
    """(name, key), deduplicated by key."""
    countries: list[str]
    """Country codes of the event's actors and places, as the article's entities/places give."""


@dataclass(frozen=True)
class ArticleRecord:
    id: str
    url: str
    title: str
    text: str
    summary: str
    source: str
    published_at: dt.datetime
    extracted_at: dt.datetime
    raw: str
    entities: list[EntityRow]
    places: list[PlaceRow]
    events: list[EventRow]


def utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC)


def _event_row(
    event: Event,
    published_day: dt.date,
    entity_countries: dict[str, str],
    place_countries: dict[str, str],
) -> EventRow:
    # An undated event sorts by its publication day; date-range filters leave it out
    # (`date_source` "unknown", `date_value` "").
    date = event.date
    start = (date and (date.start_date or date.end_date)) or published_day
    end = (date and (date.end_date or date.start_date)) or published_day
    if end < start:
        start, end = end, start
    actors: dict[tuple[str, str], str] = {}
    for role, names in (("source", event.sources), ("target", event.targets)):
        for name in names:
            actors.setdefault((name_key(name), role), name)
    places: dict[str, str] = {}
    for name in event.places:
        places.setdefault(name_key(name), name)
    countries = {entity_countries[key] for key, _ in actors if key in entity_countries}
    countries |= {place_countries[key] for key in places if key in place_countries}
    return EventRow(
        id=event.id,
        type=event.type,
        quad=event.quad,
        trigger=event.trigger,
        sources=list(event.sources),
        targets=list(event.targets),
        places=list(event.places),
        date_value=date.value if date is not None else "",
        date_start=start,
        date_end=end,
        date_source=event.date_source,
        confidence=event.confidence,
        sentence=event.sentence,
        raw=event.model_dump_json(),
        actors=[(name, key, role) for (key, role), name in actors.items()],
        place_names=[(name, key) for key, name in places.items()],
        countries=sorted(countries),
    )


def _codes(pairs: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, code in pairs:
        if code:
            found.setdefault(name_key(name), code)
    return found


def to_record(enriched: EnrichedArticle) -> ArticleRecord:
    article = enriched.article
    published = utc(article.published_at)
    entity_countries = _codes((e.name, e.country_code) for e in enriched.entities)
    place_countries = _codes((p.name, p.country_code) for p in enriched.places)
    return ArticleRecord(
        id=article.id,
        url=article.url,
        title=article.title,
        text=article.text,
        summary=article.summary,
        source=article.source,
        published_at=published,
        extracted_at=utc(enriched.extracted_at),
        raw=enriched.model_dump_json(),
        entities=[
            EntityRow(e.name, name_key(e.name), e.kind, e.country_code, len(e.mentions))
            for e in enriched.entities
        ],
        places=[
            PlaceRow(
                p.name, name_key(p.name), p.kind, p.country_code, p.lat, p.lon, len(p.mentions)
            )
            for p in enriched.places
        ],
        events=[
            _event_row(event, published.date(), entity_countries, place_countries)
            # An id is the key of an event row; should one repeat, the later one wins.
            for event in {e.id: e for e in enriched.events}.values()
        ],
    )


def latest_per_article(batch: Sequence[EnrichedArticle]) -> list[EnrichedArticle]:
    """One message per article id (the latest extraction; the later message on a tie), in id
    order so that concurrent writers lock rows in the same order and cannot deadlock."""
    chosen: dict[str, EnrichedArticle] = {}
    for enriched in batch:
        key = enriched.article.id
        held = chosen.get(key)
        if held is None or enriched.extracted_at >= held.extracted_at:
            chosen[key] = enriched
    return [chosen[key] for key in sorted(chosen)]
