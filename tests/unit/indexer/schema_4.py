"""PostgreSQL's index of schema 4 as that version created it (main at d01a297), to test that a
store opening one rebuilds it from its messages: schema 3's tables with an actor's event rows
holding their event's start (and their index by it), and the tsvector compressed with lz4.
SQLite's tables of schema 4 are schema 5's (`sqlite.SAME_SINCE`)."""

from __future__ import annotations

from tests.unit.indexer import schema_3

_ACTORS_3 = """CREATE TABLE IF NOT EXISTS event_actors (
    n bigint NOT NULL, key text COLLATE "C" NOT NULL, name text COLLATE "C" NOT NULL,
    PRIMARY KEY (n, key)
);
CREATE INDEX IF NOT EXISTS event_actors_key ON event_actors (key, n);"""
_ACTORS_4 = """CREATE TABLE IF NOT EXISTS event_actors (
    n bigint NOT NULL, key text COLLATE "C" NOT NULL, name text COLLATE "C" NOT NULL,
    date_start date NOT NULL, PRIMARY KEY (n, key)
);
CREATE INDEX IF NOT EXISTS event_actors_key ON event_actors (key, date_start DESC, n);"""
assert _ACTORS_3 in schema_3.POSTGRES

POSTGRES = (
    schema_3.POSTGRES.replace(_ACTORS_3, _ACTORS_4).replace(
        "tsv tsvector GENERATED", "tsv tsvector COMPRESSION lz4 GENERATED"
    )
    + "ALTER TABLE articles ALTER COLUMN tsv SET STORAGE MAIN;\n"
)
