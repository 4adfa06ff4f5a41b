"""PostgreSQL's index of schema 6 as that version created it (main at 74cb878), to test that a
store opening one rebuilds it from its messages: schema 7's indexes, with the text, title, url,
source and summary in columns of the article row (the message packed without the text), each
key's name beside it (an article's `entity_names` and `place_names`, an event's `place_names`,
an actor row's `name`), no `names` table, and countries as text. SQLite's tables of schemas 4
to 6 are schema 7's (`sqlite.SAME_SINCE`)."""

from __future__ import annotations

from services.indexer.store.postgres import SCHEMA
from tests.unit.indexer import schema_5


def _table(schema: str, name: str) -> str:
    """The CREATE TABLE statement of `name` in `schema`, with its closing `);`."""
    start = schema.index(f"CREATE TABLE IF NOT EXISTS {name} (")
    return schema[start : schema.index(");", start) + 2]


_ARTICLES_6 = """CREATE TABLE IF NOT EXISTS articles (
    id text COLLATE "C" PRIMARY KEY,
    doc bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    published_at timestamptz NOT NULL,
    extracted_at timestamptz NOT NULL,
    indexed_at timestamptz NOT NULL,
    source text NOT NULL,
    url text NOT NULL,
    title text NOT NULL,
    summary text NOT NULL,
    text text NOT NULL,
    raw bytea NOT NULL,
    tsv tsvector COMPRESSION lz4 GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, title), 'A')
        || setweight(to_tsvector('english'::regconfig, left(text, 250000)), 'B')
    ) STORED,
    entity_keys text[] COLLATE "C", entity_names text[] COLLATE "C",
    place_keys text[] COLLATE "C", place_names text[] COLLATE "C", countries text[] COLLATE "C"
);"""
_ACTORS_6 = """CREATE TABLE IF NOT EXISTS event_actors (
    n bigint NOT NULL, key text COLLATE "C" NOT NULL, name text COLLATE "C" NOT NULL,
    date_start date NOT NULL
);"""

POSTGRES = (
    SCHEMA.replace(_table(SCHEMA, "names"), "")
    .replace(_table(SCHEMA, "articles"), _ARTICLES_6)
    .replace(_table(SCHEMA, "events"), _table(schema_5.POSTGRES, "events"))
    .replace(_table(SCHEMA, "event_actors"), _ACTORS_6)
)
