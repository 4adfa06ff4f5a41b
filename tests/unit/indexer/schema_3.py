"""An index of schema 3 as that version created it (copied from its stores, commit 306002a), to
test that a store opening one rebuilds it from its messages. Its messages are packed as
`records.pack` packs them still."""

from __future__ import annotations

# SQLite's schema 3.
SQLITE = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    doc INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    published_at TEXT NOT NULL,
    extracted_at TEXT NOT NULL,
    indexed_at TEXT NOT NULL,
    source TEXT NOT NULL,
    url TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    text TEXT NOT NULL,
    raw BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published_at, id);
CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(
    title, text, content='articles', content_rowid='doc',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_fts (rowid, title, text) VALUES (new.doc, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO article_fts (article_fts, rowid, title, text)
    VALUES ('delete', old.doc, old.title, old.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE OF title, text ON articles
WHEN old.title IS NOT new.title OR old.text IS NOT new.text BEGIN
    INSERT INTO article_fts (article_fts, rowid, title, text)
    VALUES ('delete', old.doc, old.title, old.text);
    INSERT INTO article_fts (rowid, title, text) VALUES (new.doc, new.title, new.text);
END;
CREATE TABLE IF NOT EXISTS entities (
    doc INTEGER NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL,
    kind TEXT NOT NULL, country_code TEXT, mentions INTEGER NOT NULL,
    PRIMARY KEY (doc, position)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entities_key ON entities (key, doc);
CREATE INDEX IF NOT EXISTS entities_country ON entities (country_code, doc);
CREATE TABLE IF NOT EXISTS places (
    doc INTEGER NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL,
    kind TEXT NOT NULL, country_code TEXT, lat REAL, lon REAL, mentions INTEGER NOT NULL,
    PRIMARY KEY (doc, position)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS places_key ON places (key, doc);
CREATE INDEX IF NOT EXISTS places_country ON places (country_code, doc);
CREATE TABLE IF NOT EXISTS events (
    n INTEGER PRIMARY KEY, type TEXT NOT NULL,
    date_start TEXT NOT NULL, date_end TEXT NOT NULL, dated INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS events_date ON events (date_start DESC);
CREATE INDEX IF NOT EXISTS events_type_date ON events (type, date_start DESC);
CREATE TABLE IF NOT EXISTS event_actors (
    n INTEGER NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (n, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_actors_key ON event_actors (key, n);
CREATE TABLE IF NOT EXISTS event_places (
    n INTEGER NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, PRIMARY KEY (n, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_places_key ON event_places (key, n);
CREATE TABLE IF NOT EXISTS event_countries (
    n INTEGER NOT NULL, country_code TEXT NOT NULL, PRIMARY KEY (n, country_code)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_countries_code ON event_countries (country_code, n);
CREATE TABLE IF NOT EXISTS event_span (days INTEGER NOT NULL);
INSERT INTO event_span (days) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM event_span);
"""

# PostgreSQL's schema 3.
POSTGRES = """
CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
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
    -- A tsvector is capped at 1 MB; 250,000 characters of text stay well below it, and a
    -- long read's opening quarter-million characters carry its searchable words.
    tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, title), 'A')
        || setweight(to_tsvector('english'::regconfig, left(text, 250000)), 'B')
    ) STORED
);
CREATE INDEX IF NOT EXISTS articles_tsv ON articles USING gin (tsv);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published_at, id);
CREATE TABLE IF NOT EXISTS entities (
    doc bigint NOT NULL, position integer NOT NULL, name text COLLATE "C" NOT NULL,
    key text COLLATE "C" NOT NULL, kind text NOT NULL, country_code text COLLATE "C",
    mentions integer NOT NULL, PRIMARY KEY (doc, position)
);
CREATE INDEX IF NOT EXISTS entities_key ON entities (key, doc);
CREATE INDEX IF NOT EXISTS entities_country ON entities (country_code, doc);
CREATE TABLE IF NOT EXISTS places (
    doc bigint NOT NULL, position integer NOT NULL, name text COLLATE "C" NOT NULL,
    key text COLLATE "C" NOT NULL, kind text NOT NULL, country_code text COLLATE "C",
    lat double precision, lon double precision, mentions integer NOT NULL,
    PRIMARY KEY (doc, position)
);
CREATE INDEX IF NOT EXISTS places_key ON places (key, doc);
CREATE INDEX IF NOT EXISTS places_country ON places (country_code, doc);
CREATE TABLE IF NOT EXISTS events (
    n bigint PRIMARY KEY, type text COLLATE "C" NOT NULL,
    date_start date NOT NULL, date_end date NOT NULL, dated boolean NOT NULL
);
CREATE INDEX IF NOT EXISTS events_date ON events (date_start DESC, n);
CREATE INDEX IF NOT EXISTS events_type_date ON events (type, date_start DESC, n);
CREATE TABLE IF NOT EXISTS event_actors (
    n bigint NOT NULL, key text COLLATE "C" NOT NULL, name text COLLATE "C" NOT NULL,
    PRIMARY KEY (n, key)
);
CREATE INDEX IF NOT EXISTS event_actors_key ON event_actors (key, n);
CREATE TABLE IF NOT EXISTS event_places (
    n bigint NOT NULL, key text COLLATE "C" NOT NULL, name text COLLATE "C" NOT NULL,
    PRIMARY KEY (n, key)
);
CREATE INDEX IF NOT EXISTS event_places_key ON event_places (key, n);
CREATE TABLE IF NOT EXISTS event_countries (
    n bigint NOT NULL, country_code text COLLATE "C" NOT NULL, PRIMARY KEY (n, country_code)
);
CREATE INDEX IF NOT EXISTS event_countries_code ON event_countries (country_code, n);
CREATE TABLE IF NOT EXISTS event_span (days integer NOT NULL);
INSERT INTO event_span (days) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM event_span);
"""
