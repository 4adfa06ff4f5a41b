"""What a parsed feed gives the rest of the fetcher, whatever its format."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

FeedFormat = Literal["rss", "atom", "rdf", "json", "unknown"]


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed, plain text only (HTML already flattened)."""

    url: str | None
    title: str = ""
    summary: str = ""
    content_text: str = ""
    authors: tuple[str, ...] = ()
    published: dt.datetime | None = None  # aware, UTC
    guid: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's title, its items, and how it was read."""

    title: str
    items: list[FeedItem] = field(default_factory=list)
    format: FeedFormat = "unknown"
    encoding: str = "utf-8"
    bozo: bool = False  # malformed but readable, as feedparser says
