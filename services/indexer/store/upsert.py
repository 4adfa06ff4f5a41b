"""One article's upsert as SQL statements: written once, run by each backend on its driver.

What an upsert writes depends on what the index holds, so it takes three steps, which a
backend runs in the batch's transaction (sqlite3 in a worker thread, asyncpg awaited):

1. `Upsert.article`: insert the article row, or update it unless the index holds a later
   extraction; `RETURNING doc` gives its integer key, or no row when the record is stale:
   nothing more is written, so a replayed old message cannot roll the index back;
2. `Upsert.held_events`: the keys of the events the index holds for the article (its key
   range, `records.EVENT_SLOTS` keys from `doc * EVENT_SLOTS`);
3. `Upsert.rest`: the statements replacing its entities, places, events and their rows, with
   what they count; `Upsert.merged` runs those of a whole batch together, one statement each.

Child rows carry the article's `doc` and the event's integer key `n`, never the 32- and
35-character text ids, which would be repeated in every row and index entry.
Every step is idempotent: writing the same record again changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from services.indexer.records import EVENT_SLOTS, ArticleRecord, EventRow
from services.indexer.results import UpsertStats
from services.indexer.store.sql import EVENT_VALUES, Dialect

Params = tuple[object, ...]
Statement = tuple[str, Params]

ARTICLE_COLUMNS = (
    "id, url, title, text, summary, source, published_at, extracted_at, indexed_at, raw"
)
# An article's actors' and places' keys and its countries as arrays of its row, where a
# dialect keeps them so (`Dialect.article_arrays`; `article_arrays` gives their values); their
# names are the `names` table's (`Dialect.names`).
ARTICLE_ARRAYS = "entity_keys, place_keys, countries"
EVENT_COLUMNS = "n, type, date_start, date_end, dated"


@dataclass(frozen=True)
class Rest:
    """The statements of an upsert after its article row is written, and what they count."""

    batches: list[tuple[str, list[Params]]]
    """(sql, one parameter tuple per execution) in order; a statement with none is left out."""
    stats: UpsertStats
    span: int = 0
    """The longest interval of its events, in days (`event_span` holds the index's longest)."""


def event_range(doc: int) -> tuple[int, int]:
    """The first event key of an article and the first past it."""
    return doc * EVENT_SLOTS, (doc + 1) * EVENT_SLOTS


class Upsert:
    """The upsert statements of one dialect, built once per backend."""

    def __init__(self, dialect: Dialect) -> None:
        self._dialect = dialect
        p = dialect.param
        # indexed_at is when the article first became searchable, so an update keeps it.
        self._article = (
            _insert(dialect, "articles", ARTICLE_COLUMNS)
            + _update(ARTICLE_COLUMNS, keep={"id", "indexed_at"})
            + " WHERE excluded.extracted_at >= articles.extracted_at RETURNING doc"
        )
        in_range = f"n >= {p(1)} AND n < {p(2)}"
        self._held_events = f"SELECT n FROM events WHERE {in_range}"
        # Where an article's actors and places are arrays of its row, its row is all there is.
        self._article_rows = not dialect.article_arrays
        self._delete_entities = f"DELETE FROM entities WHERE doc = {p(1)}"
        self._delete_places = f"DELETE FROM places WHERE doc = {p(1)}"
        self._insert_entities = _insert(
            dialect, "entities", "doc, position, name, key, kind, country_code, mentions"
        )
        self._insert_places = _insert(
            dialect,
            "places",
            "doc, position, name, key, kind, country_code, lat, lon, mentions",
        )
        # The tables of an article's event rows, deleted and inserted again with its events;
        # the kinds a dialect keeps as arrays are written in the event's row.
        self._arrays = [k for k in EVENT_VALUES if k in dialect.event_arrays]
        tables = [v.table for k, v in EVENT_VALUES.items() if k not in dialect.event_arrays]
        self._delete_events = [
            f"DELETE FROM {table} WHERE {in_range}" for table in (*tables, "events")
        ]
        # Names beside the keys unless the `names` table holds them (`Dialect.names`).
        self._names = not dialect.names
        arrays = [
            column
            for kind in self._arrays
            for column in (EVENT_VALUES[kind].array, EVENT_VALUES[kind].names)
            if column is not None and (self._names or column == EVENT_VALUES[kind].array)
        ]
        # The delete above leaves no event of the article, whose key range is its own.
        self._insert_event = _insert(dialect, "events", ", ".join([EVENT_COLUMNS, *arrays]))
        # An actor's row holds its key (and name), or its number in `names` (`Dialect.names`).
        self._insert_actors = _insert(
            dialect,
            "event_actors",
            "n, key, name, date_start" if self._names else f"n, {dialect.event_actor}, date_start",
        )
        self._insert_event_places = _insert(dialect, "event_places", "n, key, name")
        self._insert_countries = _insert(dialect, "event_countries", "n, country_code")
        self._rows_of = {
            "actors": self._insert_actors,
            "places": self._insert_event_places,
            "countries": self._insert_countries,
        }
        # Kept as an upper bound: a longer interval widens it, a removed one leaves it.
        self._widen_span = f"UPDATE event_span SET days = {p(1)} WHERE days < {p(1)}"
        # The order every batch runs its statements in: an article's deletes before its inserts.
        self._order = [
            self._delete_entities,
            self._delete_places,
            self._insert_entities,
            self._insert_places,
            *self._delete_events,
            self._insert_event,
            self._insert_actors,
            self._insert_event_places,
            self._insert_countries,
        ]

    def article(self, r: ArticleRecord, now: dt.datetime) -> Statement:
        """Write the article row; no row returned means the record is stale, else its doc."""
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

    def held_events(self, doc: int) -> Statement:
        """The keys of the events the index holds for the article, one per row."""
        return self._held_events, event_range(doc)

    def rest(
        self,
        r: ArticleRecord,
        doc: int,
        held_events: list[int],
        numbers: Mapping[str, int] | None = None,
    ) -> Rest:
        """The writes after a kept article row, given its doc and `held_events`' answer, and
        where `event_actors` holds an actor's number, not its key, each key's (`names`)."""
        d = self._dialect
        first, _ = event_range(doc)
        gone = set(held_events) - {first + e.position for e in r.events}
        of_article: list[Params] = [(doc,)]
        batches: list[tuple[str, list[Params]]] = []
        if self._article_rows:
            batches += [
                (self._delete_entities, of_article),
                (self._delete_places, of_article),
                (
                    self._insert_entities,
                    [
                        (doc, i, e.name, e.key, e.kind, e.country_code, e.mentions)
                        for i, e in enumerate(r.entities)
                    ],
                ),
                (
                    self._insert_places,
                    [
                        (doc, i, p.name, p.key, p.kind, p.country_code, p.lat, p.lon, p.mentions)
                        for i, p in enumerate(r.places)
                    ],
                ),
            ]
        if held_events:
            batches += [(sql, [event_range(doc)]) for sql in self._delete_events]
        batches.append(
            (
                self._insert_event,
                [
                    (
                        first + e.position,
                        e.type,
                        d.day(e.date_start),
                        d.day(e.date_end),
                        e.date_source != "unknown",
                        *(a for kind in self._arrays for a in self._event_arrays(kind, e)),
                    )
                    for e in r.events
                ],
            )
        )
        rows: dict[str, list[Params]] = {
            "actors": [
                (
                    first + e.position,
                    key if numbers is None else numbers[key],
                    *([name] if self._names else []),
                    d.day(e.date_start),
                )
                for e in r.events
                for name, key in e.actors
            ],
            "places": [
                (first + e.position, key, name) for e in r.events for name, key in e.place_names
            ],
            "countries": [
                (first + e.position, d.country(code)) for e in r.events for code in e.countries
            ],
        }
        batches += [(self._rows_of[kind], rows[kind]) for kind in rows if kind not in self._arrays]
        stats = UpsertStats(articles=1, events=len(r.events), events_removed=len(gone))
        span = max(((e.date_end - e.date_start).days for e in r.events), default=0)
        return Rest([(sql, rows) for sql, rows in batches if rows], stats, span)

    def _event_arrays(self, kind: str, event: EventRow) -> tuple[Sequence[object] | None, ...]:
        """`_arrays`, as the dialect stores them: codes by `Dialect.country`, names only where
        the rows keep them."""
        arrays = _arrays(kind, event)
        if kind == "countries":
            codes = arrays[0]
            return (None if codes is None else [self._dialect.country(c) for c in codes],)
        return arrays if self._names else arrays[:1]

    def merged(self, rests: list[Rest]) -> list[tuple[str, list[Params]]]:
        """The statements of several articles' `rest`, one per statement (each run once with
        all their rows), in the order that puts every article's deletes before its inserts:
        a batch of 100 articles is a dozen round trips to PostgreSQL instead of a thousand."""
        rows: dict[str, list[Params]] = {sql: [] for sql in self._order}
        for rest in rests:
            for sql, params in rest.batches:
                rows[sql] += params
        merged = [(sql, rows[sql]) for sql in self._order if rows[sql]]
        span = max((rest.span for rest in rests), default=0)
        return [*merged, (self._widen_span, [(span,)])] if span else merged


def article_arrays(r: ArticleRecord) -> tuple[list[str] | None, ...]:
    """The values of `ARTICLE_ARRAYS` for an article: its actors' keys, most mentioned first
    (then by name), as search hits list their names; its places' keys in the message's order;
    the distinct country codes of both. NULL for none, as `_arrays`."""
    entities = sorted(r.entities, key=lambda e: (-e.mentions, e.name))
    codes = [e.country_code for e in r.entities] + [p.country_code for p in r.places]
    countries = {code for code in codes if code}
    return (
        [e.key for e in entities] or None,
        [p.key for p in r.places] or None,
        sorted(countries) or None,
    )


def names(records: Sequence[ArticleRecord]) -> dict[str, str]:
    """Each key the records' actors, places and events name, with its latest spelling: the
    last record's, and in a record its events' after its actors' and places'."""
    found: dict[str, str] = {}
    for r in records:
        found.update((e.key, e.name) for e in r.entities)
        found.update((p.key, p.name) for p in r.places)
        for e in r.events:
            found.update((key, name) for name, key in (*e.actors, *e.place_names))
    return found


def _arrays(kind: str, event: EventRow) -> tuple[list[str] | None, ...]:
    """An event's values of one kind as the arrays of its row (`sql.EVENT_VALUES`): its keys,
    and their names where they have them; NULL when it has none, which no filter matches and
    no facet counts, in fewer bytes than an empty array."""
    if kind == "countries":
        return (list(event.countries) or None,)
    pairs = event.actors if kind == "actors" else event.place_names
    if not pairs:
        return None, None
    return [key for _, key in pairs], [name for name, _ in pairs]


def column_names(columns: str) -> list[str]:
    """The names of a list of columns (`ARTICLE_COLUMNS`, ...)."""
    return [name.strip() for name in columns.split(",")]


def _insert(dialect: Dialect, table: str, columns: str) -> str:
    names = column_names(columns)
    values = [dialect.param(i) for i in range(1, len(names) + 1)]
    return f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(values)})"


def _update(columns: str, *, keep: set[str]) -> str:
    assignments = [
        f"{name} = excluded.{name}" for name in column_names(columns) if name not in keep
    ]
    return f" ON CONFLICT (id) DO UPDATE SET {', '.join(assignments)}"
