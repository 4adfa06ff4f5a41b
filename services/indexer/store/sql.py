"""The search SQL shared by both stores: filters, keyset pagination, ordering and facets.

Only the full-text match (`text_query`'s rendering for the engine), the relevance score and the
parameter style differ between SQLite and PostgreSQL; a `Dialect` supplies those, so both
backends answer a query the same way.
Every value reaches the database as a bound parameter, never as SQL text.

Orderings (and their cursors):
- `rank`: articles with query text, best first (`score` ascending: lower is better on both
  backends), then id;
- `published`: articles without text, newest first, then id descending;
- `event`: events by the start of their date interval, latest first, then id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from services.indexer.query import Cursor, SearchQuery, day_after, day_start, name_key
from services.indexer.text_query import TextQuery


class Dialect(Protocol):
    def param(self, index: int) -> str:
        """The placeholder of the index-th (1-based) parameter."""

    def timestamp(self, value: dt.datetime) -> object:
        """A UTC timestamp as the backend stores it."""

    def day(self, value: dt.date) -> object:
        """A calendar day as the backend stores it."""

    def json_array(self, param: str) -> str:
        """The SQL storing a parameter that holds a JSON array as text."""

    def text_match(self, text: TextQuery, params: Params) -> tuple[str, str | None, str]:
        """(join after `articles a`, condition or None, score expression; lower is better),
        binding the query's terms through `params`."""


@dataclass
class Params:
    dialect: Dialect
    values: list[object] = field(default_factory=list)

    def __call__(self, value: object) -> str:
        self.values.append(value)
        return self.dialect.param(len(self.values))

    def copy(self) -> Params:
        return Params(self.dialect, list(self.values))


@dataclass
class Plan:
    """The FROM clause, WHERE conditions and parameters of a query's result set."""

    params: Params
    source: str
    conditions: list[str]
    score: str | None = None

    @property
    def where(self) -> str:
        return " AND ".join(self.conditions) if self.conditions else "TRUE"


def _published_bounds(
    plan: Plan, column: str, since: dt.date | None, until: dt.date | None
) -> None:
    p, d = plan.params, plan.params.dialect
    if since is not None:
        plan.conditions.append(f"{column} >= {p(d.timestamp(day_start(since)))}")
    if until is not None:
        after = day_after(until)
        if after is not None:
            plan.conditions.append(f"{column} < {p(d.timestamp(day_start(after)))}")


def _with_text(plan: Plan, text: TextQuery | None) -> None:
    if text is None:
        return
    join, condition, score = plan.params.dialect.text_match(text, plan.params)
    plan.source += join
    if condition:
        plan.conditions.append(condition)
    plan.score = score


def article_plan(query: SearchQuery, dialect: Dialect) -> Plan:
    """The articles a query matches (ignoring its cursor).

    Filters are uncorrelated `IN (subquery)`: each is evaluated once from its index, where a
    correlated EXISTS makes SQLite rescan the filter's rows for every candidate article.
    """
    plan = Plan(Params(dialect), "articles a", [])
    p = plan.params
    _with_text(plan, query.text)
    if query.actor:
        plan.conditions.append(
            f"a.id IN (SELECT article_id FROM entities WHERE key = {p(name_key(query.actor))})"
        )
    if query.place:
        plan.conditions.append(
            f"a.id IN (SELECT article_id FROM places WHERE key = {p(name_key(query.place))})"
        )
    if query.country:
        cc = p(query.country)
        plan.conditions.append(
            f"a.id IN (SELECT article_id FROM entities WHERE country_code = {cc} "
            f"UNION SELECT article_id FROM places WHERE country_code = {cc})"
        )
    if query.event_type:
        plan.conditions.append(
            f"a.id IN (SELECT article_id FROM events WHERE type = {p(query.event_type)})"
        )
    _published_bounds(plan, "a.published_at", query.since, query.until)
    _published_bounds(plan, "a.published_at", query.published_since, query.published_until)
    return plan


def event_plan(query: SearchQuery, dialect: Dialect) -> Plan:
    """The events a query matches (ignoring its cursor). Query text selects the events of
    the articles it matches: an event's sentence alone often names its actors only by pronoun."""
    plan = Plan(Params(dialect), "events e JOIN articles a ON a.id = e.article_id", [])
    p, d = plan.params, dialect
    _with_text(plan, query.text)
    if query.actor:
        plan.conditions.append(
            f"e.id IN (SELECT event_id FROM event_actors WHERE key = {p(name_key(query.actor))})"
        )
    if query.place:
        plan.conditions.append(
            f"e.id IN (SELECT event_id FROM event_places WHERE key = {p(name_key(query.place))})"
        )
    if query.country:
        plan.conditions.append(
            "e.id IN (SELECT event_id FROM event_countries "
            f"WHERE country_code = {p(query.country)})"
        )
    if query.event_type:
        plan.conditions.append(f"e.type = {p(query.event_type)}")
    if query.since is not None:
        plan.conditions.append(f"e.date_end >= {p(d.day(query.since))}")
    if query.until is not None:
        plan.conditions.append(f"e.date_start <= {p(d.day(query.until))}")
    if query.since is not None or query.until is not None:
        # An undated event's interval is only its sort position, not when it happened.
        plan.conditions.append("e.date_source <> 'unknown'")
    _published_bounds(plan, "a.published_at", query.published_since, query.published_until)
    return plan


ARTICLE_COLUMNS = (
    "a.id, a.url, a.title, a.source, a.published_at, substr(a.text, 1, 1000) AS lead, a.summary"
)
EVENT_COLUMNS = "e.raw, a.url, a.title, a.source, a.published_at, e.date_start, e.id"


def page_sql(query: SearchQuery, plan: Plan) -> tuple[str, list[object]]:
    """The SELECT of one page (one row more than the limit, to know whether there is a next)."""
    p = plan.params.copy()
    d = p.dialect
    after: Cursor | None = query.after
    conditions = list(plan.conditions)
    limit = p(query.limit + 1)
    if query.order == "rank":
        assert plan.score is not None
        if after is not None:
            s, i = p(after.s), p(after.id)
            conditions.append(f"({plan.score} > {s} OR ({plan.score} = {s} AND a.id > {i}))")
        sql = (
            f"SELECT {ARTICLE_COLUMNS}, {plan.score} AS score FROM {plan.source} "
            f"WHERE {_and(conditions)} ORDER BY score ASC, a.id ASC LIMIT {limit}"
        )
        return sql, p.values
    if query.order == "published":
        if after is not None:
            assert isinstance(after.s, str)
            s, i = p(d.timestamp(dt.datetime.fromisoformat(after.s))), p(after.id)
            conditions.append(f"(a.published_at < {s} OR (a.published_at = {s} AND a.id < {i}))")
        sql = (
            f"SELECT {ARTICLE_COLUMNS}, NULL AS score FROM {plan.source} "
            f"WHERE {_and(conditions)} ORDER BY a.published_at DESC, a.id DESC LIMIT {limit}"
        )
        return sql, p.values
    if after is not None:
        assert isinstance(after.s, str)
        s, i = p(d.day(dt.date.fromisoformat(after.s))), p(after.id)
        conditions.append(f"(e.date_start < {s} OR (e.date_start = {s} AND e.id > {i}))")
    sql = (
        f"SELECT {EVENT_COLUMNS} FROM {plan.source} "
        f"WHERE {_and(conditions)} ORDER BY e.date_start DESC, e.id ASC LIMIT {limit}"
    )
    return sql, p.values


def count_sql(plan: Plan) -> tuple[str, list[object]]:
    return f"SELECT count(*) FROM {plan.source} WHERE {plan.where}", list(plan.params.values)


def _and(conditions: list[str]) -> str:
    return " AND ".join(conditions) if conditions else "TRUE"


def _top(facet: str, select: str, size: str) -> str:
    return (
        f"SELECT '{facet}' AS facet, value, n FROM ({select} "
        f"ORDER BY n DESC, value ASC LIMIT {size}) AS {facet}_top"
    )


def facets_sql(query: SearchQuery, plan: Plan, size: int) -> tuple[str, list[object]]:
    """One statement giving (facet, value, n) rows: the top values of each facet over the
    whole result set, n being the number of results that have the value (so n is what the
    query would return with the value added as a filter)."""
    p = plan.params.copy()
    n = p(size)
    if query.type == "articles":
        matched = f"SELECT a.id AS id FROM {plan.source} WHERE {plan.where}"
        parts = [
            _top(
                "actors",
                "SELECT min(en.name) AS value, count(DISTINCT en.article_id) AS n "
                "FROM entities en JOIN matched m ON m.id = en.article_id GROUP BY en.key",
                n,
            ),
            _top(
                "places",
                "SELECT min(pl.name) AS value, count(DISTINCT pl.article_id) AS n "
                "FROM places pl JOIN matched m ON m.id = pl.article_id GROUP BY pl.key",
                n,
            ),
            _top(
                "countries",
                "SELECT x.cc AS value, count(DISTINCT x.article_id) AS n FROM ("
                "SELECT article_id, country_code AS cc FROM entities UNION ALL "
                "SELECT article_id, country_code AS cc FROM places) x "
                "JOIN matched m ON m.id = x.article_id WHERE x.cc IS NOT NULL GROUP BY x.cc",
                n,
            ),
            _top(
                "event_types",
                "SELECT ev.type AS value, count(DISTINCT ev.article_id) AS n FROM events ev "
                "JOIN matched m ON m.id = ev.article_id WHERE ev.type IS NOT NULL "
                "GROUP BY ev.type",
                n,
            ),
        ]
    else:
        matched = f"SELECT e.id AS id FROM {plan.source} WHERE {plan.where}"
        parts = [
            _top(
                "actors",
                "SELECT min(ea.name) AS value, count(DISTINCT ea.event_id) AS n "
                "FROM event_actors ea JOIN matched m ON m.id = ea.event_id GROUP BY ea.key",
                n,
            ),
            _top(
                "places",
                "SELECT min(ep.name) AS value, count(DISTINCT ep.event_id) AS n "
                "FROM event_places ep JOIN matched m ON m.id = ep.event_id GROUP BY ep.key",
                n,
            ),
            _top(
                "countries",
                "SELECT ec.country_code AS value, count(DISTINCT ec.event_id) AS n "
                "FROM event_countries ec JOIN matched m ON m.id = ec.event_id "
                "GROUP BY ec.country_code",
                n,
            ),
            _top(
                "event_types",
                "SELECT ev.type AS value, count(*) AS n FROM events ev "
                "JOIN matched m ON m.id = ev.id WHERE ev.type IS NOT NULL GROUP BY ev.type",
                n,
            ),
        ]
    sql = f"WITH matched AS MATERIALIZED ({matched}) " + " UNION ALL ".join(parts)
    return sql, p.values
