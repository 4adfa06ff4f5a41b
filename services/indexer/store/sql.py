"""The search SQL shared by both stores: filters, keyset pagination, ordering and facets.

Only the full-text match (`text_query`'s rendering for the engine), the relevance score and the
parameter style differ between SQLite and PostgreSQL; a `Dialect` supplies those, so both
backends answer a query the same way.
Every value reaches the database as a bound parameter, never as SQL text.

Orderings (and their cursors):
- `rank`: articles with query text, best first (`score` ascending: lower is better on both
  backends), then id;
- `published`: articles without text, newest first, then id descending;
- `event`: events by the start of their date interval, latest first, then by key `n` (their
  article's `doc`, then their position in it; the cursor's id is the key).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

from services.indexer.query import Cursor, SearchQuery, day_after, day_start, name_key
from services.indexer.records import EVENT_SLOTS, article_of_event
from services.indexer.text_query import TextQuery

# How many of a query's matches are ranked, and counted by the facets and the total: its most
# recently indexed ones (highest `doc`). Scoring a match costs the engine a read of its term
# statistics (bm25: the document's length; ts_rank: its whole tsvector), some 10-30
# microseconds, so ranking the 50,000 matches of a common word took 0.4 s on SQLite and 1.5 s
# on PostgreSQL at 100,000 articles (issue 15); 1,000 costs a few milliseconds at any size, and
# covers 50 pages of 20, more than anyone reads. The total counts up to one past it.
RECENT_MATCHES = 1_000

# How many of a query's first results the facets count (`facets_sql`; articles: the most
# recently indexed, events: the latest dated): their GROUP BYs read every entity, place and
# event row of the sample (about 7, 3 and 10 per article), so their cost is the sample's size;
# at 1,000 they took 50-300 ms at 100,000 articles (issue 15). The top values of a facet are
# plain in a few hundred results, and the response says the counts are of a sample
# (`approximate`, `counted`).
FACET_SAMPLE = 300

# Broad or narrow: a query's filters are tried on a small sample of the rows they would be
# tested on (`share_sql`), and hold for a share of it. A narrow filter is answered by listing
# the keys it selects from its index; a broad one by testing it row by row (a probe of its
# index) in the order the statement reads, which finds a count's or a page's rows after about
# (rows wanted / share) probes, where listing reads all of its keys: 90,000 for a country in
# 90% of 100,000 articles. Probing one row costs many times listing one key, so probes pay from
# a share each dialect sets (`Dialect.broad_share`, measured at 100,000 articles: about a
# quarter on PostgreSQL, a tenth on SQLite); a filter in 1-5% of the rows, listed, costs a few
# thousand keys, probed it would cost 20,000-100,000 probes.
SHARE_SAMPLE = 256

# An event's article: its key divided by the slots (the article's `doc`), and the key range of
# the article's events, so that a plan can go from either side through a primary key.
EVENT_OF_ARTICLE = (
    f"a.doc = e.n / {EVENT_SLOTS} AND e.n >= a.doc * {EVENT_SLOTS} "
    f"AND e.n < (a.doc + 1) * {EVENT_SLOTS}"
)


class EventValues(NamedTuple):
    """One kind of an event's values (its actors, places or countries): as rows of a table
    of their own, (n, key[, name]), or as arrays in the event's row (`Dialect.event_arrays`),
    its keys and, where they have them, their names at the same places."""

    table: str
    key: str
    array: str
    names: str | None


class ArticleValues(NamedTuple):
    """One kind of an article's values (its actors or places): as rows of a table of their
    own, (doc, position, name, key, ..., country_code), or as arrays in the article's row
    (`Dialect.article_arrays`), its keys and their names at the same places."""

    table: str
    array: str
    names: str


# The kinds of an article's values, by the name of their facet; their countries are the
# `countries` array of the article's row, or the `country_code` of each table's rows.
ARTICLE_VALUES = {
    "actors": ArticleValues("entities", "entity_keys", "entity_names"),
    "places": ArticleValues("places", "place_keys", "place_names"),
}

# The kinds of an event's values, by the name of their facet.
EVENT_VALUES = {
    "actors": EventValues("event_actors", "key", "actors", "actor_names"),
    "places": EventValues("event_places", "key", "places", "place_names"),
    "countries": EventValues("event_countries", "country_code", "countries", None),
}


class Dialect(Protocol):
    article_arrays: bool
    """Whether an article's actors, places and countries are arrays of its row
    (`ARTICLE_VALUES`) rather than rows of their tables."""
    event_arrays: frozenset[str]
    """The kinds of `EVENT_VALUES` kept as arrays in the event's row, the others as rows of
    their tables."""
    broad_share: float
    """The share of the sampled rows from which filters are probed rather than listed."""
    event_actor: str
    """The column of `event_actors` that holds the actor: its `key`, or its number in `names`
    (`actor`), which the store looks up for a query (`event_plan`'s `actor`)."""
    names: bool
    """Whether a key's name is read from the `names` table, one spelling per key (`NAMES`),
    rather than kept beside each key in the rows that hold it."""
    article_columns: str
    """The columns of an article hit (`ARTICLE_COLUMNS`, or what a store makes them from)."""
    text: str
    """The SQL of an article's text beside its message (`a.raw`), for its events: its column,
    or '' where the message holds it (`records.pack`)."""
    per_row: str
    """What ends a probe's subquery so that it is run per row, never replaced by a hash of
    every key it could match (PostgreSQL's hashed SubPlan of an EXISTS read all 212,000 rows of
    a country in 90% of the articles to answer a count that stops after 1,100 articles)."""

    def param(self, index: int) -> str:
        """The placeholder of the index-th (1-based) parameter."""

    def timestamp(self, value: dt.datetime) -> object:
        """A UTC timestamp as the backend stores it."""

    def day(self, value: dt.date) -> object:
        """A calendar day as the backend stores it."""

    def days_before(self, day: str, days: str) -> str:
        """The SQL of the day `days` (an SQL integer) before `day` (a parameter's placeholder)."""

    def text_match(self, text: TextQuery, params: Params) -> TextMatch:
        """How the engine matches and ranks `text`, binding its terms through `params`."""

    def keys(self, values: list[int], params: Params) -> str:
        """A subquery of one column, `doc`: the integers `values`, bound through `params`."""

    def country(self, code: str) -> object:
        """A country code (two capital letters) as the backend stores it."""

    def country_code(self, column: str) -> str:
        """The SQL of a stored country's code (`country`'s inverse) from `column`."""


@dataclass(frozen=True)
class TextMatch:
    """A text query in a dialect's SQL.

    `join` (after `articles a`) and `condition` select the matching articles without scoring
    them, `doc` being their key in the order the engine yields matches fastest: what the total,
    the facets and the ranking window (`window_sql`) take. `rank(window, params)` gives the
    join and the condition that select the window's articles (their keys, as `window_sql`
    gave them) for `score` to rank (lower is better), binding what they need through
    `params`: what a page takes, without finding the window's matches again."""

    join: str
    condition: str
    doc: str
    rank: Callable[[list[int], Params], tuple[str, str]]
    score: str


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
    """The FROM clause, WHERE conditions and parameters of a query's result set.

    A text query is in it twice: `text_join`/`text_condition` select its matches without
    scoring them (the ranking window, the total, the facets), and `ranking`/`score` rank a
    page of the window's rows (`page_sql`). `doc` is the article key to take the most recent
    matches by.
    """

    params: Params
    base: str
    conditions: list[str]
    score: str | None = None
    ranking: Callable[[list[int], Params], tuple[str, str]] | None = None
    text_join: str = ""
    text_condition: str | None = None
    doc: str = "a.doc"
    probes: dict[int, str] = field(default_factory=dict)
    """Per filter condition (by index), the same filter as a probe of its index per row."""
    key: str = "a.doc"
    """The result's integer key: an article's `doc`, an event's `n`."""
    start: str = "e.date_start"
    """An event's start date, as the index that drives an event plan holds it."""
    order: str = "a.doc DESC"
    """The order of the results listed (pages of events; the share of the filters is sampled
    in it, `share_sql`): the most recent rows."""

    def filter(self, listed: str, probe: str) -> None:
        """Add a filter as a list of the keys it selects (`listed`), with its probe form."""
        self.probes[len(self.conditions)] = probe
        self.conditions.append(listed)

    def probing_where(self) -> str:
        """The conditions with each filter as a probe: for a page of a broad result set,
        which a scan in page order meets at once, where listing its keys reads them all."""
        return _and([*self.probing_conditions(), *filter(None, [self.text_condition])])

    def probing_conditions(self) -> list[str]:
        """The conditions but the text's, each filter as a probe."""
        return [self.probes.get(i, c) for i, c in enumerate(self.conditions)]

    def filtered(self, broad: bool) -> str:
        """The conditions of the unscored result set, each filter listed, or probed if `broad`."""
        return self.probing_where() if broad else self.where

    @property
    def source(self) -> str:
        """The FROM clause of the unscored result set (count, facets, unranked pages)."""
        return self.base + self.text_join

    @property
    def where(self) -> str:
        """The conditions of the unscored result set."""
        return _and([*self.conditions, *filter(None, [self.text_condition])])


class Planned(NamedTuple):
    """A query's plan, whether its filters are probed row by row rather than listed
    (`share_sql`, `is_broad`), and a ranked query's window (`window_sql`): a store makes one
    per request, for its total, its page and its facets' sample."""

    plan: Plan
    broad: bool
    window: list[int] | None = None


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
    match = plan.params.dialect.text_match(text, plan.params)
    plan.text_join, plan.text_condition, plan.doc = match.join, match.condition, match.doc
    plan.score, plan.ranking = match.score, match.rank


def article_plan(query: SearchQuery, dialect: Dialect) -> Plan:
    """The articles a query matches (ignoring its cursor).

    Filters are uncorrelated `IN (subquery)` over the integer `doc`: each is evaluated once
    from its index, where a correlated EXISTS probes the index once per candidate article,
    which only pays when most candidates match (`Plan.probing_where`, for broad queries).
    """
    plan = Plan(Params(dialect), "articles a", [])
    p, d = plan.params, dialect
    _with_text(plan, query.text)
    for value, kind in ((query.actor, "actors"), (query.place, "places")):
        if value:
            key, values = p(name_key(value)), ARTICLE_VALUES[kind]
            if d.article_arrays:
                _array_filter(plan, f"a.{values.array}", key)
                continue
            table = values.table
            plan.filter(
                f"a.doc IN (SELECT doc FROM {table} WHERE key = {key})",
                f"EXISTS (SELECT 1 FROM {table} x WHERE x.key = {key} AND x.doc = a.doc"
                f"{d.per_row})",
            )
    if query.country and d.article_arrays:
        _array_filter(plan, "a.countries", p(d.country(query.country)), "int2")
    elif query.country:
        cc = p(query.country)
        plan.filter(
            f"a.doc IN (SELECT doc FROM entities WHERE country_code = {cc} "
            f"UNION SELECT doc FROM places WHERE country_code = {cc})",
            f"(EXISTS (SELECT 1 FROM entities x WHERE x.country_code = {cc} AND x.doc = a.doc"
            f"{d.per_row}) OR EXISTS (SELECT 1 FROM places x WHERE x.country_code = {cc} "
            f"AND x.doc = a.doc{d.per_row}))",
        )
    if query.event_type:
        kind = p(query.event_type)
        plan.filter(
            f"a.doc IN (SELECT n / {EVENT_SLOTS} FROM events WHERE type = {kind})",
            f"EXISTS (SELECT 1 FROM events x WHERE x.n >= a.doc * {EVENT_SLOTS} "
            f"AND x.n < (a.doc + 1) * {EVENT_SLOTS} AND x.type = {kind}{d.per_row})",
        )
    _published_bounds(plan, "a.published_at", query.since, query.until)
    _published_bounds(plan, "a.published_at", query.published_since, query.published_until)
    plan.order = f"{plan.doc} DESC"
    return plan


# The longest interval the index holds, in days, read by the statement itself; a store that
# reads it first passes it to `event_plan` as a value, which the planner can estimate a date
# range with (PostgreSQL guessed 1,462 rows of a range holding 115,000 from this subquery,
# and sorted them all for a page of 21).
SPAN = "(SELECT max(days) FROM event_span)"


def event_plan(
    query: SearchQuery, dialect: Dialect, span: int | None = None, actor: object = None
) -> Plan:
    """The events a query matches (ignoring its cursor). Query text selects the events of
    the articles it matches: an event's sentence alone often names its actors only by pronoun.

    An actor with a date range drives the plan: the actor's rows hold their event's start, and
    its index, (key, date_start DESC) (and the key on SQLite, where the key ends every entry;
    PostgreSQL sorts a day's few by key), lists the actor's events of the range in the order a
    page lists events, so a count, a page or the facets' sample read the first of them and
    stop. As a filter of the events of the range, the actor's every event was listed and
    joined to the range, or the range's events probed one by one (80 ms on SQLite, 150 on
    PostgreSQL for an actor in 5% of a range's events; 100-270 for the most common actors).
    `actor`: the query's actor as `event_actors` holds it (`Dialect.event_actor`), where it is
    not its key."""
    # Their articles are joined only for what they hold: text, publication dates (a count of
    # 1,001 events read 1,001 article rows for nothing).
    published = query.published_since is not None or query.published_until is not None
    articles = f" JOIN articles a ON {EVENT_OF_ARTICLE}" if query.text or published else ""
    plan = Plan(
        Params(dialect),
        f"events e{articles}",
        [],
        key="e.n",
        order="e.date_start DESC, e.n ASC",
    )
    p, d = plan.params, dialect
    _with_text(plan, query.text)
    starts = _event_starts(query, plan.params, span)
    key = query.actor and name_key(query.actor)
    held = None if not key else key if actor is None else actor
    if held is not None and starts:
        plan.base = f"event_actors ea JOIN events e ON e.n = ea.n{articles}"
        plan.key, plan.start, plan.order = "ea.n", "ea.date_start", "ea.date_start DESC, ea.n ASC"
        plan.conditions.append(f"ea.{d.event_actor} = {p(held)}")
        held = None
    for value, kind in (
        (held, "actors"),
        (query.place and name_key(query.place), "places"),
        (query.country, "countries"),
    ):
        if value is not None and value != "":
            rows = EVENT_VALUES[kind]
            v = p(d.country(str(value)) if kind == "countries" else value)
            if kind in d.event_arrays:
                _array_filter(plan, f"e.{rows.array}", v, "int2" if kind == "countries" else "text")
                continue
            table, column = rows.table, d.event_actor if kind == "actors" else rows.key
            plan.filter(
                f"e.n IN (SELECT n FROM {table} WHERE {column} = {v})",
                f"EXISTS (SELECT 1 FROM {table} x WHERE x.{column} = {v} AND x.n = e.n{d.per_row})",
            )
    if query.event_type:
        plan.conditions.append(f"e.type = {p(query.event_type)}")
    if query.since is not None:
        plan.conditions.append(f"e.date_end >= {p(d.day(query.since))}")
    # Once: PostgreSQL took the same bounds on the actor's rows and the events for two
    # independent conditions, and estimated 274 rows of 3,053, hashing the range's events.
    plan.conditions += [f"{plan.start} {bound}" for bound in starts]
    if query.since is not None or query.until is not None:
        # An undated event's interval is only its sort position, not when it happened.
        plan.conditions.append("e.dated")
    _published_bounds(plan, "a.published_at", query.published_since, query.published_until)
    return plan


def _array_filter(plan: Plan, array: str, value: str, element: str = "text") -> None:
    """Filter on an array column holding a value (a bound parameter's placeholder) of the
    array's `element` type: the listed form may read the array's GIN index, the probe tests
    the row."""
    plan.filter(f"{array} @> ARRAY[{value}::{element}]", f"{value}::{element} = ANY({array})")


def _event_starts(query: SearchQuery, p: Params, span: int | None) -> list[str]:
    """The bounds a query's event date range puts on an event's start (`>= ...`, `<= ...`).

    No interval is longer than `event_span` says, so an event that ends after `since` starts
    at most that long before it: a lower bound on date_start, which the date indexes can seek
    to, where scanning them from the start of time met every older event before the count or
    the facets' sample was full."""
    d = p.dialect
    starts = []
    if query.since is not None:
        since = p(d.day(query.since))
        starts.append(f">= {d.days_before(since, SPAN if span is None else p(span))}")
    if query.until is not None:
        starts.append(f"<= {p(d.day(query.until))}")
    return starts


# An article hit's columns where its article row holds them (`Dialect.article_columns`).
ARTICLE_COLUMNS = (
    "a.id, a.url, a.title, a.source, a.published_at, substr(a.text, 1, 1000) AS lead, a.summary"
)


def event_columns(dialect: Dialect) -> str:
    """An event hit's columns: it is read from its article's message (its url, title and
    source too), whose sentences come from the text."""
    return f"a.raw, e.n, a.published_at, e.date_start, {dialect.text}"


def event_sql(event_id: str, dialect: Dialect) -> tuple[str, list[object]]:
    """The events of the article an event id names (the id is its article's id and its ordinal,
    `records`): the event is the one of them with that id (`rows.event_with_id`). Event rows
    keep no text id, whose index cost more than half a kB per article (issue 15)."""
    sql = (
        f"SELECT {event_columns(dialect)} FROM articles a JOIN events e ON {EVENT_OF_ARTICLE} "
        f"WHERE a.id = {dialect.param(1)}"
    )
    return sql, [article_of_event(event_id)]


def window_sql(
    plan: Plan, *, broad: bool = False, docs: tuple[int, int] | None = None
) -> tuple[str, list[object]]:
    """The keys (`doc`) of a text query's most recent matches, newest first, up to one past
    `RECENT_MATCHES`: its count and its ranking window in one pass (`page_sql`'s `window`).
    Matching a row is the cost of a text query (on PostgreSQL its tsvector read and tested:
    about 10 microseconds, 8,700 rows for the 1,001 newest matches of "last year" at 100,000
    articles), and the count, the window's lowest key and the ranking each matched them again,
    on both stores. `docs` (low, high): only the matches with keys from low up to high
    (excluded), a range of a window looked for range by range."""
    p = plan.params.copy()
    within = [] if docs is None else [f"{plan.doc} >= {p(docs[0])}", f"{plan.doc} < {p(docs[1])}"]
    sql = (
        f"SELECT {plan.doc} FROM {plan.source} WHERE {_and([plan.filtered(broad), *within])} "
        f"ORDER BY {plan.doc} DESC LIMIT {RECENT_MATCHES + 1}"
    )
    return sql, p.values


def page_sql(
    query: SearchQuery, plan: Plan, *, broad: bool = False, window: list[int] | None = None
) -> tuple[str, list[object]]:
    """The SELECT of one page (one row more than the limit, to know whether there is a next).

    `broad`: the query has more results than the window (its count says so), so its filters
    probe their indexes row by row in page order (`Plan.probing_where`), which finds a page
    after a few dozen rows, instead of listing every key they select.

    `window`: a ranked query's matches as `window_sql` gave them: the page ranks the first
    `RECENT_MATCHES` of those rows (`TextMatch.rank`), which match the whole query already,
    instead of finding the window's matches again.

    The page's keys are chosen first, in a subquery that reads only the sort columns, and the
    columns shown are read for those rows alone: selected beside the sort, an article's lead
    (its text) or an event's message were read for every match before the sort kept 21.
    """
    p = plan.params.copy()
    d = p.dialect
    after: Cursor | None = query.after
    limit = p(query.limit + 1)
    if query.order == "rank":
        assert plan.score is not None
        assert plan.ranking is not None
        assert window is not None, "a ranked page takes its window (window_sql)"
        join, ranked = plan.ranking(window[:RECENT_MATCHES], p)
        # The filters again, as probes of these rows only: the rows match them already, but a
        # PostgreSQL statement has to use every parameter it is given.
        conditions = [ranked, *plan.probing_conditions()]
        source = "articles a" + join
        if after is not None:
            s, i = p(after.s), p(after.id)
            conditions.append(f"({plan.score} > {s} OR ({plan.score} = {s} AND a.id > {i}))")
        keys = (
            f"SELECT a.doc AS doc, a.id AS id, {plan.score} AS score FROM {source} "
            f"WHERE {_and(conditions)} ORDER BY score ASC, a.id ASC LIMIT {limit}"
        )
        sql = (
            f"SELECT {d.article_columns}, k.score FROM ({keys}) k JOIN articles a ON a.doc = k.doc "
            "ORDER BY k.score ASC, k.id ASC"
        )
        return sql, p.values
    conditions = [plan.filtered(broad)]
    if query.order == "published":
        if after is not None:
            assert isinstance(after.s, str)
            s, i = p(d.timestamp(dt.datetime.fromisoformat(after.s))), p(after.id)
            conditions.append(f"(a.published_at < {s} OR (a.published_at = {s} AND a.id < {i}))")
        keys = (
            f"SELECT a.doc AS doc, a.published_at AS published_at, a.id AS id FROM {plan.source} "
            f"WHERE {_and(conditions)} ORDER BY a.published_at DESC, a.id DESC LIMIT {limit}"
        )
        sql = (
            f"SELECT {d.article_columns}, NULL AS score FROM ({keys}) k "
            "JOIN articles a ON a.doc = k.doc ORDER BY k.published_at DESC, k.id DESC"
        )
        return sql, p.values
    if after is not None:
        assert isinstance(after.s, str)
        s, i = p(d.day(dt.date.fromisoformat(after.s))), p(int(after.id))
        start, key = plan.start, plan.key
        conditions.append(f"({start} < {s} OR ({start} = {s} AND {key} > {i}))")
    keys = (
        f"SELECT {plan.key} AS n FROM {plan.source} "
        f"WHERE {_and(conditions)} ORDER BY {plan.order} LIMIT {limit}"
    )
    sql = (
        f"SELECT {event_columns(d)} FROM ({keys}) k JOIN events e ON e.n = k.n "
        f"JOIN articles a ON {EVENT_OF_ARTICLE} ORDER BY e.date_start DESC, e.n ASC"
    )
    return sql, p.values


def share_sql(plan: Plan) -> tuple[str, list[object]] | None:
    """(rows sampled, rows the filters hold for) over the `SHARE_SAMPLE` most recent rows that
    the query's other conditions (text, dates, type) select; None when it has no filter.
    Only a choice of plan depends on it (`is_broad`), never a result."""
    if not plan.probes:
        return None
    plain = [c for i, c in enumerate(plan.conditions) if i not in plan.probes]
    probes = _and([plan.probes[i] for i in sorted(plan.probes)])
    sample = (
        f"SELECT {plan.key} FROM {plan.source} "
        f"WHERE {_and([*plain, *filter(None, [plan.text_condition])])} "
        f"ORDER BY {plan.order} LIMIT {SHARE_SAMPLE}"
    )
    sql = (
        f"SELECT count(*), coalesce(sum(CASE WHEN {probes} THEN 1 ELSE 0 END), 0) "
        f"FROM {plan.base} WHERE {plan.key} IN ({sample})"
    )
    return sql, list(plan.params.values)


def is_broad(sampled: int, held: int, share: float) -> bool:
    """Whether filters that hold for `held` of `sampled` rows are probed rather than listed:
    for at least `share` of them, or so few rows to test that probing them all is cheap."""
    return sampled < SHARE_SAMPLE or held >= sampled * share


def count_sql(plan: Plan, *, broad: bool = False) -> tuple[str, list[object]]:
    """The number of results, counted up to one past `RECENT_MATCHES` (more is then known to
    exist, not how many): a count reads every row it counts, so an exact total of a broad
    query cost as much as all its facets did. A `broad` query's filters are probes, so the
    count stops after the rows it needs, where a list of a broad filter's keys is read whole."""
    sql = (
        f"SELECT count(*) FROM (SELECT 1 FROM {plan.source} WHERE {plan.filtered(broad)} "
        f"LIMIT {RECENT_MATCHES + 1}) c"
    )
    return sql, list(plan.params.values)


def _and(conditions: list[str]) -> str:
    return " AND ".join(conditions) if conditions else "TRUE"


def _top(facet: str, select: str, size: str) -> str:
    return (
        f"SELECT '{facet}' AS facet, value, n FROM ({select} "
        f"ORDER BY n DESC, value ASC LIMIT {size}) AS {facet}_top"
    )


# The facet row that says how many results the counts are over (`rows.facets_from_rows`).
COUNTED = "counted"


def _event_facet(kind: str, in_sample: str, dialect: Dialect) -> str:
    """(value, n) of each key of one kind of the sample's event values: its name (the key's
    in `names`, or the least, where events name it differently) and how many events have it."""
    rows = EVENT_VALUES[kind]
    named = rows.names is not None and not dialect.names
    if kind in dialect.event_arrays:
        arrays, columns = f"ev.{rows.array}", "key"
        if named:
            arrays, columns = f"{arrays}, ev.{rows.names}", "key, name"
        source, key = f"events ev, unnest({arrays}) AS x({columns}) WHERE ev.n", "x.key"
    else:
        column = dialect.event_actor if kind == "actors" else rows.key
        source, key = f"{rows.table} x WHERE x.n", f"x.{column}"
    if rows.names is None:
        value = dialect.country_code(key)
    elif named:
        value = "min(x.name)"
    else:
        counts = f"SELECT {key} AS key, count(*) AS n FROM {source} {in_sample} GROUP BY {key}"
        return _named(counts, "key" if key == "x.key" else "id")
    return f"SELECT {value} AS value, count(*) AS n FROM {source} {in_sample} GROUP BY {key}"


def _named(counts: str, column: str = "key") -> str:
    """(value, n) of a statement's (key, n) rows: each key's name from `names`, where the keys
    are its `column` (`key`, or `id`: `Dialect.event_actor`)."""
    return (
        f"SELECT coalesce(nm.name, g.key::text) AS value, g.n FROM ({counts}) g "
        f"LEFT JOIN names nm ON nm.{column} = g.key"
    )


def _article_facets(in_sample: str, dialect: Dialect) -> dict[str, str]:
    """(value, n) of each actor, place and country of the sample's articles, by facet: its
    name (the least, where articles name it differently) and how many articles have it."""
    count = "count(DISTINCT a.doc) AS n FROM articles a"
    if dialect.article_arrays:
        selects = {
            kind: _named(
                f"SELECT x.key, {count}, unnest(a.{v.array}) AS x(key) "
                f"WHERE a.doc {in_sample} GROUP BY x.key"
            )
            if dialect.names
            else f"SELECT min(x.name) AS value, {count}, unnest(a.{v.array}, a.{v.names}) "
            f"AS x(key, name) WHERE a.doc {in_sample} GROUP BY x.key"
            for kind, v in ARTICLE_VALUES.items()
        }
        selects["countries"] = (
            f"SELECT {dialect.country_code('x.cc')} AS value, {count}, unnest(a.countries) "
            f"AS x(cc) WHERE a.doc {in_sample} GROUP BY x.cc"
        )
        return selects
    selects = {
        kind: f"SELECT min(x.name) AS value, count(DISTINCT x.doc) AS n FROM {v.table} x "
        f"WHERE x.doc {in_sample} GROUP BY x.key"
        for kind, v in ARTICLE_VALUES.items()
    }
    selects["countries"] = (
        "SELECT x.cc AS value, count(DISTINCT x.doc) AS n FROM ("
        f"SELECT doc, country_code AS cc FROM entities WHERE doc {in_sample} UNION ALL "
        f"SELECT doc, country_code AS cc FROM places WHERE doc {in_sample}) x "
        "WHERE x.cc IS NOT NULL GROUP BY x.cc"
    )
    return selects


def facets_sql(
    query: SearchQuery,
    plan: Plan,
    size: int,
    *,
    broad: bool = False,
    window: list[int] | None = None,
) -> tuple[str, list[object]]:
    """One statement giving (facet, value, n) rows: the top values of each facet over the
    query's first `FACET_SAMPLE` results (all of them when there are no more; articles: the
    most recently indexed, events: the latest dated, as pages list them), n being the number
    of those results that have the value (so, below the sample, n is what the query would
    return with the value added as a filter); and a row (COUNTED, NULL, count) saying over
    how many results they were counted, up to `FACET_SAMPLE + 1` (one past the sample, which
    tells that the counts are of a sample). `broad`: the filters are probes (`count_sql`).

    The sample is taken in an order an index of the query yields (an article's integer key,
    an event's date), so it costs the sample's rows, not the whole result set's; and the rows
    of the facets are reached from the sample through the key's index. `window`: a ranked
    query's keys as `window_sql` found them, newest first, whose first ones are the sample:
    its text is not matched again (a PostgreSQL phrase rarer than its words was tested on
    every article by the plan of its newest matches).
    """
    p = plan.params.copy() if window is None else Params(plan.params.dialect)
    n = p(size)
    where = plan.filtered(broad)
    if query.type == "articles":
        matched = (
            f"SELECT {plan.doc} AS doc FROM {plan.source} WHERE {where} "
            f"ORDER BY {plan.doc} DESC LIMIT {p(FACET_SAMPLE + 1)}"
            if window is None
            else p.dialect.keys(window[: FACET_SAMPLE + 1], p)
        )
        in_sample = "IN (SELECT doc FROM matched)"
        parts = [
            *(
                _top(kind, select, n)
                for kind, select in _article_facets(in_sample, p.dialect).items()
            ),
            _top(
                "event_types",
                "SELECT ev.type AS value, count(DISTINCT m.doc) AS n FROM matched m "
                f"JOIN events ev ON ev.n >= m.doc * {EVENT_SLOTS} "
                f"AND ev.n < (m.doc + 1) * {EVENT_SLOTS} GROUP BY ev.type",
                n,
            ),
        ]
    else:
        # Events in the order they are listed (the date indexes' order), which stops after
        # the sample; by key, the sample sorted every event of a date range first.
        matched = (
            f"SELECT {plan.key} AS n FROM {plan.source} WHERE {where} "
            f"ORDER BY {plan.order} LIMIT {p(FACET_SAMPLE + 1)}"
        )
        in_sample = "IN (SELECT n FROM matched)"
        parts = [
            *(
                _top(kind, _event_facet(kind, in_sample, p.dialect), n)
                for kind in ("actors", "places", "countries")
            ),
            _top(
                "event_types",
                f"SELECT ev.type AS value, count(*) AS n FROM events ev WHERE ev.n {in_sample} "
                "GROUP BY ev.type",
                n,
            ),
        ]
    counted = f"SELECT '{COUNTED}' AS facet, NULL AS value, count(*) AS n FROM matched"
    sql = f"WITH matched AS MATERIALIZED ({matched}) " + " UNION ALL ".join([counted, *parts])
    return sql, p.values
