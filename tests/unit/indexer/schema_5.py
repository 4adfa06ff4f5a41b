"""PostgreSQL's index of schema 5 as that version created it (main at 445081c), to test that a
store opening one rebuilds it from its messages: schema 4's tables with an index of word pairs
(made with the functions schema 6 makes too), and an event's places and countries as arrays of
its row; an article's actors and places still rows of their own tables (`entities`, `places`).
SQLite's tables of schemas 4 and 5 are schema 6's (`sqlite.SAME_SINCE`)."""

from __future__ import annotations

from services.indexer.store.postgres import PAIRS
from tests.unit.indexer import schema_4

_TSV_4 = "CREATE INDEX IF NOT EXISTS articles_tsv ON articles USING gin (tsv);"
_PAIRS_5 = (
    "CREATE INDEX IF NOT EXISTS articles_pairs ON articles USING gin (newsflow_word_pairs(tsv));"
)
_EVENTS_4 = schema_4.POSTGRES[
    schema_4.POSTGRES.index("CREATE TABLE IF NOT EXISTS events (") : schema_4.POSTGRES.index(
        "CREATE TABLE IF NOT EXISTS event_actors ("
    )
]
_PLACES_4 = schema_4.POSTGRES[
    schema_4.POSTGRES.index("CREATE TABLE IF NOT EXISTS event_places (") : schema_4.POSTGRES.index(
        "CREATE TABLE IF NOT EXISTS event_span"
    )
]
_EVENTS_5 = """CREATE TABLE IF NOT EXISTS events (
    n bigint PRIMARY KEY, type text COLLATE "C" NOT NULL,
    date_start date NOT NULL, date_end date NOT NULL, dated boolean NOT NULL,
    places text[] COLLATE "C", place_names text[] COLLATE "C", countries text[] COLLATE "C"
);
CREATE INDEX IF NOT EXISTS events_date ON events (date_start DESC, n);
CREATE INDEX IF NOT EXISTS events_type_date ON events (type, date_start DESC, n);
CREATE INDEX IF NOT EXISTS events_places ON events USING gin (places);
CREATE INDEX IF NOT EXISTS events_countries ON events USING gin (countries);
"""
assert "event_countries_code" in _PLACES_4
assert "events_type_date" in _EVENTS_4

POSTGRES = PAIRS + (
    schema_4.POSTGRES.replace(_TSV_4, f"{_TSV_4}\n{_PAIRS_5}")
    .replace(_EVENTS_4, _EVENTS_5)
    .replace(_PLACES_4, "")
)
