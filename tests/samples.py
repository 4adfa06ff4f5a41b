"""Articles for tests, built the way the fetcher and `ingest` build them."""

from __future__ import annotations

import datetime as dt

from shared.identity import article_id, content_hash
from shared.models import Article
from tests.faults import MARKER

SEED_PUBLISHED = dt.datetime(2025, 12, 20, tzinfo=dt.UTC)

SHORT_TEXT = (
    "Russian officials are set to arrive in Florida on Saturday to meet with US negotiators "
    "for talks aimed at ending the war in Ukraine.\n\n"
    "Steve Witkoff and Jared Kushner will meet the Russian delegation, officials said on Friday."
)


def article(
    text: str = SHORT_TEXT,
    *,
    url: str = "https://news.example.com/world/florida-talks",
    title: str = "Russian officials to meet US negotiators in Florida",
    published: dt.datetime = SEED_PUBLISHED,
) -> Article:
    return Article(
        id=article_id(url),
        url=url,
        feed_url="https://news.example.com/rss.xml",
        source="news.example.com",
        title=title,
        text=text,
        published_at=published,
        published_at_source="feed",
        fetched_at=published + dt.timedelta(minutes=5),
        content_hash=content_hash(text),
    )


def failing_article(url: str = "https://news.example.com/world/florida-talks") -> Article:
    """The article at `url` as a version the extractor fails on when `tests.faults` is
    installed: its text holds the fault's marker."""
    return article(f"Steve Witkoff met Kirill Dmitriev in Miami last week. {MARKER} said.", url=url)
