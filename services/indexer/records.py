"""The rows an EnrichedArticle becomes, and the message packed beside them: one definition
for every backend.

Pure logic. Timestamps are normalised to UTC; the event's date interval falls back to the
publication day where the TimeExpression has no resolved dates (durations, sets), so every
event has a sortable, filterable interval.

The message itself is kept once, as `raw`: its JSON without the article's text (the `text`
column holds that) nor what the text and the article give back exactly (an event's sentence,
id and article id; a mention's words), zlib-compressed with a preset dictionary of the
message's field names (`pack`). Every field a search returns that no column holds (an event's
sentence, sources, confidence, ...) is read back from it with the text (`unpacked`), so the
rows hold only what is filtered, sorted or counted.
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

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


# Event keys: an event's integer key is its article's `doc` times this, plus its position in the
# message's event list, so an article's events are one key range and need no index of their own.
# A message is capped at about a megabyte and an event takes over a hundred bytes of it, so an
# article never holds this many.
EVENT_SLOTS = 1 << 20
# zlib's default: level 9 saves about 2% more for twice the time of a write.
COMPRESSION_LEVEL = 6


@dataclass(frozen=True)
class EventRow:
    position: int
    """Index in the message's `events`: where `raw` holds the whole Event (its id, date value,
    each actor's role, ...)."""
    type: str
    date_start: dt.date
    date_end: dt.date
    date_source: str
    actors: list[tuple[str, str]]
    """(name, key), deduplicated by key: an actor who is both source and target is one."""
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
    raw: bytes
    """The packed message (`pack`)."""
    entities: list[EntityRow]
    places: list[PlaceRow]
    events: list[EventRow]


def utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC)


def _event_row(
    event: Event,
    position: int,
    published_day: dt.date,
    entity_countries: dict[str, str],
    place_countries: dict[str, str],
) -> EventRow:
    # An undated event sorts by its publication day; date-range filters leave it out
    # (`date_source` "unknown").
    date = event.date
    start = (date and (date.start_date or date.end_date)) or published_day
    end = (date and (date.end_date or date.start_date)) or published_day
    if end < start:
        start, end = end, start
    actors: dict[str, str] = {}
    for name in (*event.sources, *event.targets):
        actors.setdefault(name_key(name), name)
    places: dict[str, str] = {}
    for name in event.places:
        places.setdefault(name_key(name), name)
    countries = {entity_countries[key] for key in actors if key in entity_countries}
    countries |= {place_countries[key] for key in places if key in place_countries}
    return EventRow(
        position=position,
        type=event.type,
        date_start=start,
        date_end=end,
        date_source=event.date_source,
        actors=[(name, key) for key, name in actors.items()],
        place_names=[(name, key) for key, name in places.items()],
        countries=sorted(countries),
    )


def _codes(pairs: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, code in pairs:
        if code:
            found.setdefault(name_key(name), code)
    return found


def to_record(enriched: EnrichedArticle, *, with_text: bool = False) -> ArticleRecord:
    """The rows of a message; `with_text`: its packed message holds the text (`pack`)."""
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
        raw=pack(enriched, with_text=with_text),
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
            _event_row(
                enriched.events[position],
                position,
                published.date(),
                entity_countries,
                place_countries,
            )
            for position in _positions(enriched.events)
        ],
    )


def _positions(events: Sequence[Event]) -> list[int]:
    """The position of each distinct event id, in order of first appearance; an id is the key
    of an event row, so should one repeat, the later event wins."""
    if len(events) > EVENT_SLOTS:
        raise ValueError(f"{len(events)} events in one article; at most {EVENT_SLOTS} are indexed")
    last = {event.id: position for position, event in enumerate(events)}
    return list(last.values())


# zlib's preset dictionary for packed messages: the field names and common values of a
# message's JSON, which a message of a few kB otherwise spells out once before it can refer
# back to them. Part of the stored format: a message packed with it cannot be read without
# it, so it never changes (another would need a marker of its own). Messages packed before it
# (index schema 2) carry no dictionary, and zlib reads them as they are.
PACK_DICTIONARY = (
    b'{"schema_version":1,"article":{"schema_version":1,"id":"","url":"https://","feed_url":null,'
    b'"source":"","title":"","text":"","summary":"","authors":[],"language":"en",'
    b'"published_at":"","published_at_source":"page","fetched_at":"","content_hash":""},'
    b'"skipped":null,"extractor":{"name":"newsflow-extractor","version":"","model":'
    b'"en_core_web_sm","model_version":""},"extracted_at":"",'
    b'"kind":"organization","kind":"group","kind":"country","kind":"region","kind":"location",'
    b'"kind":"facility","kind":"city","lat":,"lon":,"geonames_id":null,'
    b'"type":"DURATION","type":"SET","type":"TIME","anchored":false,'
    b'"trigger":"","trigger_span":{"start":0,"end":,"sentence":},'
    b'"AGREE""CONSULT""SUPPORT""CONCEDE""COOPERATE""AID""RETREAT""INVESTIGATE""DEMAND"'
    b'"DISAPPROVE""REJECT""THREATEN""SANCTION""PROTEST""CRIME""MOBILIZE""COERCE""ASSAULT"'
    b'"mode":null,"context":null,"quad":"verbal_cooperation","quad":"material_cooperation",'
    b'"quad":"material_conflict","quad":"verbal_conflict","sources":[],"targets":[],"places":[],'
    b'"date_source":"context","date_source":"publication","date_source":"unknown",'
    b'"date_source":"explicit","confidence":0.'
    b'"date":{"start":null,"end":null,"sentence":null,"type":"DATE","value":"","start_date":"",'
    b'"end_date":"","anchored":true},"sentence_index":,"start":,"end":,"trigger":"'
    b'"times":[{"text":"","start":,"end":,"sentence":,"type":"DATE","value":"","start_date":"",'
    b'"end_date":"","anchored":true}],"events":[{"sentence_index":'
    b'"places":[{"name":"","kind":"city","country_code":"","lat":,"lon":,"geonames_id":null,'
    b'"mentions":[{"start":,"end":,"sentence":}]}],'
    b'"entities":[{"name":"","kind":"person","country_code":null,"agent":null,'
    b'"mentions":[{"start":,"end":,"sentence":},{"start":,"end":,"sentence":}]},{"name":"'
)


def pack(enriched: EnrichedArticle, *, with_text: bool = False) -> bytes:
    """The message as stored: compressed JSON, without what `unpacked` puts back from the
    article's text exactly (a field is left out only where it would be), and without the text
    itself where a column holds it; `with_text`, the text is in the message and nowhere else
    (PostgreSQL from index schema 7: compressed with the rest, 0.5 kB an article less than in
    a column of its own, which neither pglz nor lz4 shrinks)."""
    article = enriched.article
    text = article.text
    left_out: dict[str, Any] = {} if with_text else {"article": {"text"}}
    mentions = {
        facet: {
            i: {"mentions": {j: {"text"} for j, m in enumerate(found.mentions) if _sliced(m, text)}}
            for i, found in enumerate(getattr(enriched, facet))
        }
        for facet in ("entities", "places")
    }
    left_out |= {facet: found for facet, found in mentions.items() if found}
    events = {}
    for position, event in enumerate(enriched.events):
        fields = set()
        if event.sentence == text[event.start : event.end]:
            fields.add("sentence")
        if event.article_id == article.id:
            fields.add("article_id")
        if event.id == _event_id(article.id, position):
            fields.add("id")
        if fields:
            events[position] = fields
    if events:
        left_out["events"] = events
    packer = zlib.compressobj(COMPRESSION_LEVEL, zdict=PACK_DICTIONARY)
    return packer.compress(enriched.model_dump_json(exclude=left_out).encode()) + packer.flush()


def _sliced(mention: Any, text: str) -> bool:
    """Whether a mention's words are the text between its offsets."""
    return bool(mention.text == text[mention.start : mention.end])


def _event_id(article_id: str, position: int) -> str:
    """An event's id as the extractor makes it: its article's id and its ordinal."""
    return f"{article_id}-{position}"


def article_of_event(event_id: str) -> str:
    """The article id an event id (`_event_id`) names."""
    return event_id.rpartition("-")[0]


def unpacked(raw: bytes, text: str = "") -> dict[str, Any]:
    """The stored message as JSON data, with what `pack` left out put back from its article's
    text: the message's own where it was packed with it, else `text` (the article's own `text`
    field is then left empty: callers that want it set it)."""
    data = _decoded(raw)
    text = data["article"].setdefault("text", "") or text
    article_id = data["article"]["id"]
    for found in (*data["entities"], *data["places"]):
        for mention in found["mentions"]:
            mention.setdefault("text", text[mention["start"] : mention["end"]])
    for position, event in enumerate(data["events"]):
        event.setdefault("sentence", text[event["start"] : event["end"]])
        event.setdefault("article_id", article_id)
        event.setdefault("id", _event_id(article_id, position))
    return data


def unpacked_article(raw: bytes) -> dict[str, Any]:
    """The stored message's article as JSON data: its text empty unless packed with it."""
    article: dict[str, Any] = _decoded(raw)["article"]
    article.setdefault("text", "")
    return article


def _decoded(raw: bytes) -> dict[str, Any]:
    """The JSON data `pack` compressed, as it stored it."""
    data: dict[str, Any] = json.loads(zlib.decompressobj(zdict=PACK_DICTIONARY).decompress(raw))
    return data


def unpack(raw: bytes, text: str) -> EnrichedArticle:
    """The message `pack` stored, with its article's text put back (`text`, unless the message
    holds its own)."""
    data = unpacked(raw, text)
    data["article"]["text"] = data["article"]["text"] or text
    return EnrichedArticle.model_validate(data)


def stored_message(version: int, raw: bytes, text: str) -> EnrichedArticle:
    """The message an index of `version` stored (raw) with its article's text: schema 1 kept
    the JSON whole, later schemas pack it (`pack`)."""
    if version == 1:
        return EnrichedArticle.model_validate_json(raw)
    return unpack(raw, text)


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
