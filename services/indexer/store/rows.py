"""Result rows into hits, the next cursor and facets: the same for both stores.

Rows are the columns of `sql.ARTICLE_COLUMNS` (+ score) and `sql.event_columns`; SQLite gives
timestamps and dates as ISO text, PostgreSQL as datetime objects, and both are accepted; an
event comes whole from its article's packed message (`records.unpacked`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from services.indexer.query import Cursor, SearchQuery
from services.indexer.records import EVENT_SLOTS, unpacked
from services.indexer.results import (
    ArticleHit,
    EventHit,
    FacetCount,
    Facets,
    SearchPage,
    lead_snippet,
)
from services.indexer.store import sql
from services.indexer.store.sql import COUNTED

Row = Sequence[Any]


def iso_timestamp(value: str | dt.datetime) -> str:
    """One text form of a UTC timestamp (microseconds, +00:00): SQLite stores it and compares
    it as text, so every writer and every cursor must produce exactly this form."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds")


def iso_day(value: str | dt.date) -> str:
    return value if isinstance(value, str) else value.isoformat()


def article_hits(
    rows: Iterable[Row],
    entities: Mapping[str, list[str]],
    snippets: Mapping[str, str],
) -> list[ArticleHit]:
    hits = []
    for article_id, url, title, source, published_at, lead, summary, score in rows:
        snippet = snippets.get(article_id) or lead_snippet(summary or lead)
        hits.append(
            ArticleHit(
                id=article_id,
                url=url,
                title=title,
                source=source,
                published_at=dt.datetime.fromisoformat(iso_timestamp(published_at)),
                snippet=snippet,
                entities=entities.get(article_id, []),
                score=None if score is None else -float(score),
            )
        )
    return hits


def event_hits(rows: Iterable[Row]) -> list[EventHit]:
    """Events from their article's packed message: the event at its key's position, with its
    article's url, title and source."""
    hits = []
    messages: dict[int, dict[str, Any]] = {}  # by article: its key range (`EVENT_SLOTS`)
    for raw, n, published_at, _start, text in rows:
        doc = n // EVENT_SLOTS
        if doc not in messages:
            messages[doc] = unpacked(raw, text)
        message = messages[doc]
        article = message["article"]
        hits.append(
            EventHit.model_validate(
                {
                    **message["events"][n % EVENT_SLOTS],
                    "url": article["url"],
                    "title": article["title"],
                    "source": article["source"],
                    "published_at": iso_timestamp(published_at),
                }
            )
        )
    return hits


def event_with_id(rows: Iterable[Row], event_id: str) -> EventHit | None:
    """The event of `sql.event_sql`'s rows that has the id, if one has."""
    return next((hit for hit in event_hits(rows) if hit.id == event_id), None)


def next_cursor(query: SearchQuery, rows: Sequence[Row]) -> str | None:
    """The cursor after the last row of a full page; None when the page is the last.

    `rows` holds up to `limit + 1` rows: the extra row only tells that another page exists.
    """
    if len(rows) <= query.limit:
        return None
    last = rows[query.limit - 1]
    if query.order == "rank":
        return Cursor(o="rank", s=float(last[7]), id=last[0]).encode()
    if query.order == "published":
        return Cursor(o="published", s=iso_timestamp(last[4]), id=last[0]).encode()
    return Cursor(o="event", s=iso_day(last[3]), id=str(last[1])).encode()


def search_page(
    query: SearchQuery,
    rows: Sequence[Row],
    total: int,
    entities: Mapping[str, list[str]] | None = None,
    snippets: Mapping[str, str] | None = None,
) -> SearchPage:
    """The page `sql.page_sql`'s rows (up to `limit + 1`) make, with the query's `total` and,
    for articles, their entities' names and their snippets by article id."""
    shown = rows[: query.limit]
    hits = (
        event_hits(shown)
        if query.type == "events"
        else article_hits(shown, entities or {}, snippets or {})
    )
    return SearchPage(
        results=hits,
        next_cursor=next_cursor(query, rows),
        total=total,
        total_exact=total_is_exact(total),
    )


def total_is_exact(total: int) -> bool:
    """Whether a count of `sql.count_sql` is every result (it stops one past the window)."""
    return total <= sql.RECENT_MATCHES


def facets_from_rows(rows: Iterable[Row]) -> Facets:
    """`sql.facets_sql`'s rows into facets; approximate when they counted more than
    `sql.FACET_SAMPLE` results (the statement stops one past it)."""
    counted = 0
    found: dict[str, list[FacetCount]] = {
        "actors": [],
        "places": [],
        "countries": [],
        "event_types": [],
    }
    for facet, value, count in rows:
        if facet == COUNTED:
            counted = int(count)
        else:
            found[facet].append(FacetCount(value=value, count=int(count)))
    for counts in found.values():
        # UNION ALL keeps each part's order on both engines in practice, but SQL does not
        # promise it; sort again so the answer never depends on the plan.
        counts.sort(key=lambda c: (-c.count, c.value))
    return Facets(**found, counted=counted, approximate=counted > sql.FACET_SAMPLE)


# Actor names per article hit: enough for a result line; the article endpoint has all of them.
MAX_HIT_ENTITIES = 20


def names_by_article(rows: Iterable[Sequence[Any]]) -> dict[str, list[str]]:
    """(article_id, name) rows, most mentioned first -> each article's first distinct names."""
    names: dict[str, list[str]] = {}
    for article_id, name in rows:
        held = names.setdefault(article_id, [])
        if len(held) < MAX_HIT_ENTITIES and name not in held:
            held.append(name)
    return names
