"""PostgreSQL's index of schema 6 as that version created it (main at 74cb878), to test that a
store opening one rebuilds it from its messages: schema 7's indexes, with the text, title, url,
source and summary in columns of the article row (the message packed without the text), each
key's name beside it (an article's `entity_names` and `place_names`, an event's `place_names`,
an actor row's `name`), an actor row's key where schema 7 has its number, no `names` table,
and countries as text. SQLite's tables of schemas 4 to 6 are schema 7's (`sqlite.SAME_SINCE`)."""

from __future__ import annotations

from services.indexer.store.postgres import SCHEMA
from tests.unit.indexer import schema_5


def _table(schema: str, name: str) -> str:
    """The CREATE TABLE statement of `name` in `schema`, with its closing `);`."""
    start = schema.index(f"CREATE TABLE IF NOT EXISTS {name} (")
    return schema[start : schema.index(");", start) + 2]


_ARTICLES_5 = _table(schema_5.POSTGRES, "articles")
# Schema 5's articles with the arrays of their actors, places and countries, names beside keys.
_ARTICLES_6 = _ARTICLES_5.replace(
    "    ) STORED\n);",
    """    ) STORED,
    entity_keys text[] COLLATE "C", entity_names text[] COLLATE "C",
    place_keys text[] COLLATE "C", place_names text[] COLLATE "C", countries text[] COLLATE "C"
);""",
)
assert _ARTICLES_6 != _ARTICLES_5
_ACTORS_6 = """CREATE TABLE IF NOT EXISTS event_actors (
    n bigint NOT NULL, key text COLLATE "C" NOT NULL, name text COLLATE "C" NOT NULL,
    date_start date NOT NULL
);"""

POSTGRES = (
    SCHEMA.replace(_table(SCHEMA, "names"), "")
    .replace(_table(SCHEMA, "articles"), _ARTICLES_6)
    .replace(_table(SCHEMA, "events"), _table(schema_5.POSTGRES, "events"))
    .replace(_table(SCHEMA, "event_actors"), _ACTORS_6)
    .replace("event_actors (actor, date_start DESC)", "event_actors (key, date_start DESC)")
)
assert "(key, date_start DESC)" in POSTGRES
