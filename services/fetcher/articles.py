"""An `Article` from a feed item and, where the page was fetched, its extraction."""

from __future__ import annotations

import datetime as dt

from shared.identity import article_id, canonical_url, content_hash, source_domain
from shared.models import Article, DateSource

from .feed_model import FeedItem
from .html_text import without_asides
from .pages import FUTURE_TOLERANCE, MIN_PAGE_DATE, PageExtraction

# A page text shorter than this is a cookie wall, a paywall stub or a failed extraction; the
# feed's own text (often the full article in content:encoded) is then the better text.
MIN_PAGE_TEXT_CHARS = 200


class EmptyArticleError(ValueError):
    """Neither the page nor the feed gave any text: nothing to publish (reason `empty`)."""


def _plausible(when: dt.datetime | None, now: dt.datetime) -> dt.datetime | None:
    if when is None or when < MIN_PAGE_DATE or when > now + FUTURE_TOLERANCE:
        return None
    return when.astimezone(dt.UTC)


def choose_published(
    page: PageExtraction | None, item: FeedItem | None, fetched_at: dt.datetime
) -> tuple[dt.datetime, DateSource]:
    """Publication time and where it came from: page, feed, else the fetch time.

    A page date that is only a calendar day yields to a feed timestamp on the same day, which
    says the same and adds the time of day.
    """
    page_date = _plausible(page.published if page else None, fetched_at)
    feed_date = _plausible(item.published if item else None, fetched_at)
    if page_date is not None and page is not None:
        if not page.published_has_time and feed_date and feed_date.date() == page_date.date():
            return feed_date, "feed"
        return page_date, "page"
    if feed_date is not None:
        return feed_date, "feed"
    return fetched_at, "fetched"


def choose_text(page: PageExtraction | None, item: FeedItem | None) -> str:
    """The page's main text when it has enough, else the longest feed text; without the
    paragraphs that point to other stories (`html_text.without_asides`)."""
    page_text = page.text.strip() if page else ""
    feed_texts = [item.content_text.strip(), item.summary.strip()] if item else []
    feed_text = max(feed_texts, key=len, default="")
    page_wins = len(page_text) >= MIN_PAGE_TEXT_CHARS or len(page_text) >= len(feed_text)
    return without_asides((page_text or feed_text) if page_wins else feed_text)


def build_article(
    *,
    url: str,
    fetched_at: dt.datetime,
    item: FeedItem | None = None,
    page: PageExtraction | None = None,
    feed_url: str | None = None,
) -> Article:
    """Assemble the message; raise EmptyArticleError when there is no text at all.

    `url` is the article's final URL (after redirects) or the item link.
    """
    text = choose_text(page, item)
    title = (page.title if page and page.title else "") or (item.title if item else "")
    if not text:
        # A headline-only item still says something; without even that there is nothing.
        text = title
    if not text:
        raise EmptyArticleError(f"no text for {url}")
    canonical = canonical_url(url)
    published_at, published_source = choose_published(page, item, fetched_at)
    authors = list(page.authors if page and page.authors else (item.authors if item else ()))
    summary = item.summary if item else ""
    return Article(
        id=article_id(canonical),
        url=canonical,
        feed_url=feed_url,
        source=source_domain(canonical),
        title=title,
        text=text,
        summary=summary if summary != text else "",
        authors=authors,
        language=page.language if page else None,
        published_at=published_at,
        published_at_source=published_source,
        fetched_at=fetched_at.astimezone(dt.UTC),
        content_hash=content_hash(text),
    )
