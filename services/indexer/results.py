"""What the store returns: search hits, pages, facets and write statistics."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from shared.models import Event

# Highlight markers around matched words in snippets: Markdown emphasis, which a terminal
# (rich) renders and a web page can show as text without the injection risk of HTML tags.
HIGHLIGHT_START = "**"
HIGHLIGHT_END = "**"
ELLIPSIS = "…"
# About two lines of a result list; the snippet is a preview, the article endpoint has the text.
LEAD_SNIPPET_CHARS = 240


class ArticleHit(BaseModel):
    """One article in a search page."""

    model_config = ConfigDict(extra="forbid")

    id: str
    url: str
    title: str
    source: str
    published_at: AwareDatetime
    snippet: str = Field(
        description=f"Text around the matches, {HIGHLIGHT_START}marked{HIGHLIGHT_END}."
    )
    entities: list[str] = Field(description="Actor names, most mentioned first.")
    score: float | None = Field(
        default=None, description="Relevance when the query has text (higher is better)."
    )


class EventHit(Event):
    """One event in a search page: the Event fields plus its article's headline facts."""

    url: str
    title: str
    source: str
    published_at: AwareDatetime


class FacetCount(BaseModel):
    """A facet value and how many results the query would give with it as a filter (of the
    counted ones, when the facets are approximate)."""

    value: str
    count: int


class Facets(BaseModel):
    """Top values of each filterable field over what a query matches (ignoring paging): over
    all of it, or, when it matches more than a sample's worth, over its first results
    (`approximate`; articles: the most recently indexed, events: the latest dated, in the
    order they are listed), so that a facet never reads every match of a broad query."""

    actors: list[FacetCount] = Field(default_factory=list)
    places: list[FacetCount] = Field(default_factory=list)
    countries: list[FacetCount] = Field(default_factory=list)
    event_types: list[FacetCount] = Field(default_factory=list)
    counted: int = Field(
        default=0,
        description="How many results the counts are over: all of them unless `approximate`.",
    )
    approximate: bool = Field(
        default=False,
        description="True when the query has more results than were counted: the counts are "
        "then those of its first `counted` results (articles: the most recently indexed; "
        "events: the latest dated), a sample, not of all.",
    )


class SearchPage(BaseModel):
    """A page of results and the cursor of the next one (null on the last page)."""

    results: list[ArticleHit] | list[EventHit]
    next_cursor: str | None = None
    total: int | None = Field(
        default=None,
        description="Results over all pages, counted up to one past `store.RECENT_MATCHES` "
        "(a text query's pages reach its most recently indexed matches only).",
    )
    total_exact: bool = Field(
        default=True, description="False when there are more results than `total`."
    )


@dataclass(frozen=True)
class UpsertStats:
    """What one batch write did. `stale` counts articles skipped because the index already
    holds a later extraction of them (a replayed old message must not roll the index back)."""

    articles: int = 0
    stale: int = 0
    events: int = 0
    events_removed: int = 0

    def __add__(self, other: UpsertStats) -> UpsertStats:
        return UpsertStats(
            self.articles + other.articles,
            self.stale + other.stale,
            self.events + other.events,
            self.events_removed + other.events_removed,
        )


def lead_snippet(text: str, limit: int = LEAD_SNIPPET_CHARS) -> str:
    """The opening of a text, cut at a word boundary, for results without query text."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS
