"""One article's upsert as SQL statements: written once, run by each backend on its driver.

What an upsert writes depends on what the index holds, so it takes three steps, which a
backend runs in the batch's transaction (sqlite3 in a worker thread, asyncpg awaited):

1. `Upsert.article`: insert the article row, or update it unless the index holds a later
   extraction; `RETURNING id` then gives no row, and the record is stale: nothing more is
   written, so a replayed old message cannot roll the index back;
2. `Upsert.held_events`: the ids of the events the index holds for the article;
3. `Upsert.rest`: the statements replacing its entities, places and the rows of its events,
   upserting its events and deleting the held ones it no longer has, with what they count.

Every step is idempotent: writing the same record again changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass

from services.indexer.records import ArticleRecord
from services.indexer.results import UpsertStats
from services.indexer.store.sql import Dialect

Params = tuple[object, ...]
Statement = tuple[str, Params]

ARTICLE_COLUMNS = (
    "id, url, title, text, summary, source, published_at, extracted_at, indexed_at, raw"
)
EVENT_COLUMNS = (
    "id, article_id, type, quad, trigger, sources, targets, places, date_value, date_start, "
    "date_end, date_source, confidence, sentence, published_at, raw"
)
# Lists of names, stored as JSON arrays (jsonb in PostgreSQL).
EVENT_JSON_COLUMNS = frozenset({"sources", "targets", "places"})
# The tables of an event's rows that are deleted and inserted again with it.
EVENT_ROW_TABLES = ("event_actors", "event_places", "event_countries")


@dataclass(frozen=True)
class Rest:
    """The statements of an upsert after its article row is written, and what they count."""

    batches: list[tuple[str, list[Params]]]
    """(sql, one parameter tuple per execution) in order; a statement with none is left out."""
    stats: UpsertStats


class Upsert:
    """The upsert statements of one dialect, built once per backend."""

    def __init__(self, dialect: Dialect) -> None:
        self._dialect = dialect
        p = dialect.param
        # indexed_at is when the article first became searchable, so an update keeps it.
        self._article = (
            _insert(dialect, "articles", ARTICLE_COLUMNS)
            + _update(ARTICLE_COLUMNS, keep={"id", "indexed_at"})
            + " WHERE excluded.extracted_at >= articles.extracted_at RETURNING id"
        )
        self._held_events = f"SELECT id FROM events WHERE article_id = {p(1)}"
        self._delete_entities = f"DELETE FROM entities WHERE article_id = {p(1)}"
        self._delete_places = f"DELETE FROM places WHERE article_id = {p(1)}"
        self._insert_entities = _insert(
            dialect, "entities", "article_id, name, key, kind, country_code, mentions"
        )
        self._insert_places = _insert(
            dialect, "places", "article_id, name, key, kind, country_code, lat, lon, mentions"
        )
        self._delete_event_rows = [
            f"DELETE FROM {table} WHERE event_id IN "
            f"(SELECT id FROM events WHERE article_id = {p(1)})"
            for table in EVENT_ROW_TABLES
        ]
        self._delete_event = f"DELETE FROM events WHERE id = {p(1)}"
        self._upsert_event = _insert(
            dialect, "events", EVENT_COLUMNS, json_columns=EVENT_JSON_COLUMNS
        ) + _update(EVENT_COLUMNS, keep={"id"})
        self._insert_actors = _insert(dialect, "event_actors", "event_id, name, key, role")
        self._insert_event_places = _insert(dialect, "event_places", "event_id, name, key")
        self._insert_countries = _insert(dialect, "event_countries", "event_id, country_code")

    def article(self, r: ArticleRecord, now: dt.datetime) -> Statement:
        """Write the article row; no row returned means the record is stale."""
        ts = self._dialect.timestamp
        params = (
            r.id,
            r.url,
            r.title,
            r.text,
            r.summary,
            r.source,
            ts(r.published_at),
            ts(r.extracted_at),
            ts(now),
            r.raw,
        )
        return self._article, params

    def held_events(self, r: ArticleRecord) -> Statement:
        """The ids of the events the index holds for the article, one per row."""
        return self._held_events, (r.id,)

    def rest(self, r: ArticleRecord, held_events: Iterable[str]) -> Rest:
        """The writes after a kept article row, given `held_events`' answer."""
        d = self._dialect
        published = d.timestamp(r.published_at)
        gone = sorted(set(held_events) - {e.id for e in r.events})
        of_article: list[Params] = [(r.id,)]
        batches: list[tuple[str, list[Params]]] = [
            (self._delete_entities, of_article),
            (self._delete_places, of_article),
            (
                self._insert_entities,
                [(r.id, e.name, e.key, e.kind, e.country_code, e.mentions) for e in r.entities],
            ),
            (
                self._insert_places,
                [
                    (r.id, p.name, p.key, p.kind, p.country_code, p.lat, p.lon, p.mentions)
                    for p in r.places
                ],
            ),
            *((sql, of_article) for sql in self._delete_event_rows),
            (self._delete_event, [(event_id,) for event_id in gone]),
            (
                self._upsert_event,
                [
                    (
                        e.id,
                        r.id,
                        e.type,
                        e.quad,
                        e.trigger,
                        _json(e.sources),
                        _json(e.targets),
                        _json(e.places),
                        e.date_value,
                        d.day(e.date_start),
                        d.day(e.date_end),
                        e.date_source,
                        e.confidence,
                        e.sentence,
                        published,
                        e.raw,
                    )
                    for e in r.events
                ],
            ),
            (
                self._insert_actors,
                [(e.id, name, key, role) for e in r.events for name, key, role in e.actors],
            ),
            (
                self._insert_event_places,
                [(e.id, name, key) for e in r.events for name, key in e.place_names],
            ),
            (
                self._insert_countries,
                [(e.id, code) for e in r.events for code in e.countries],
            ),
        ]
        stats = UpsertStats(articles=1, events=len(r.events), events_removed=len(gone))
        return Rest([(sql, rows) for sql, rows in batches if rows], stats)


def _names(columns: str) -> list[str]:
    return [name.strip() for name in columns.split(",")]


def _insert(
    dialect: Dialect, table: str, columns: str, *, json_columns: frozenset[str] = frozenset()
) -> str:
    names = _names(columns)
    values = [
        dialect.json_array(dialect.param(i)) if name in json_columns else dialect.param(i)
        for i, name in enumerate(names, 1)
    ]
    return f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(values)})"


def _update(columns: str, *, keep: set[str]) -> str:
    assignments = [f"{name} = excluded.{name}" for name in _names(columns) if name not in keep]
    return f" ON CONFLICT (id) DO UPDATE SET {', '.join(assignments)}"


def _json(values: list[str]) -> str:
    return json.dumps(values, ensure_ascii=False)
