"""The indexer service: enriched articles in, a searchable index and the search API out.

`app` is the FastStream consumer, `api` the HTTP search API; `records` turns an
EnrichedArticle into rows, `query` validates a search, `text_query` reads its `q` (the
search language) and renders it for each engine, `results` shapes what it returns, and
`store` writes and searches the index (SQLite FTS5 or PostgreSQL). May import: `shared` only.
"""
