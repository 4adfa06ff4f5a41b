"""PostgreSQL's index of schema 5 as that version created it (main at 445081c), to test that a
store opening one rebuilds it from its messages: an article's actors and places as rows of
their own tables (`entities`, `places`), and an index of word pairs made with a function of the
same name as schema 6's. SQLite's tables of schema 4 and 5 are schema 6's (`sqlite.SAME_SINCE`)."""

from __future__ import annotations

POSTGRES = """CREATE OR REPLACE FUNCTION newsflow_word_pairs(tsvector) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$
    WITH w AS (SELECT u.lexeme, x.p FROM pg_catalog.unnest($1) AS u,
               pg_catalog.unnest(u.positions) AS x(p))
    SELECT coalesce(pg_catalog.array_agg(DISTINCT a.lexeme || ' ' || b.lexeme), '{}')
    FROM w a JOIN w b ON b.p = a.p + 1
$$;
CREATE OR REPLACE FUNCTION newsflow_phrase_pairs(text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    WITH w AS (SELECT pg_catalog.min(u.lexeme) AS lexeme, x.p
               FROM pg_catalog.unnest(pg_catalog.to_tsvector('english'::regconfig, $1)) AS u,
               pg_catalog.unnest(u.positions) AS x(p)
               GROUP BY x.p HAVING pg_catalog.count(*) = 1)
    SELECT coalesce(pg_catalog.array_agg(DISTINCT a.lexeme || ' ' || b.lexeme), '{}')
    FROM w a JOIN w b ON b.p = a.p + 1
$$;

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
    -- long read's opening quarter-million characters carry its searchable words. Kept in
    -- the row (`TSV_IN_ROW`), compressed by lz4, which reads back fast.
    tsv tsvector COMPRESSION lz4 GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, title), 'A')
        || setweight(to_tsvector('english'::regconfig, left(text, 250000)), 'B')
    ) STORED
);
CREATE INDEX IF NOT EXISTS articles_tsv ON articles USING gin (tsv);
-- Each pair of words next to each other in an article, so that a phrase's articles are found
-- from the index (`PAIRS`); computed from the tsvector, never stored in the row.
CREATE INDEX IF NOT EXISTS articles_pairs ON articles USING gin (newsflow_word_pairs(tsv));
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
-- An event's places and countries are arrays of its row (`EVENT_ARRAYS`): keys, and the
-- places' names at the same places; NULL where it has none.
CREATE TABLE IF NOT EXISTS events (
    n bigint PRIMARY KEY, type text COLLATE "C" NOT NULL,
    date_start date NOT NULL, date_end date NOT NULL, dated boolean NOT NULL,
    places text[] COLLATE "C", place_names text[] COLLATE "C", countries text[] COLLATE "C"
);
CREATE INDEX IF NOT EXISTS events_date ON events (date_start DESC, n);
CREATE INDEX IF NOT EXISTS events_type_date ON events (type, date_start DESC, n);
CREATE INDEX IF NOT EXISTS events_places ON events USING gin (places);
CREATE INDEX IF NOT EXISTS events_countries ON events USING gin (countries);
CREATE TABLE IF NOT EXISTS event_actors (
    n bigint NOT NULL, key text COLLATE "C" NOT NULL, name text COLLATE "C" NOT NULL,
    date_start date NOT NULL, PRIMARY KEY (n, key)
);
-- An actor and a date range of its events are one range of this index (`sql.event_plan`).
CREATE INDEX IF NOT EXISTS event_actors_key ON event_actors (key, date_start DESC, n);
CREATE TABLE IF NOT EXISTS event_span (days integer NOT NULL);
INSERT INTO event_span (days) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM event_span);
ALTER TABLE articles ALTER COLUMN tsv SET STORAGE MAIN;
"""
