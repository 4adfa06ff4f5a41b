"""Article assembly: ids, source, date precedence, text fallback."""

from __future__ import annotations

import datetime as dt

import pytest

from services.fetcher.articles import EmptyArticleError, build_article
from services.fetcher.feed_model import FeedItem
from services.fetcher.pages import PageExtraction
from shared.identity import article_id, content_hash

FETCHED = dt.datetime(2025, 12, 21, 8, 0, tzinfo=dt.UTC)
LONG = "Paragraph one of the article with enough words to count as the real text. " * 4
ITEM = FeedItem(
    url="https://www.example.com/world/story?utm_source=rss",
    title="Feed title",
    summary="Feed summary.",
    content_text="Feed content text.",
    authors=("Feed Author",),
    published=dt.datetime(2025, 12, 20, 9, 30, tzinfo=dt.UTC),
)


def test_page_wins_for_text_title_date_and_language() -> None:
    page = PageExtraction(
        text=LONG + "\n\n" + LONG,
        title="Page title",
        authors=("Page Author",),
        published=dt.datetime(2025, 12, 20, 10, 0, tzinfo=dt.UTC),
        published_has_time=True,
        language="en",
    )
    article = build_article(
        url=ITEM.url or "",
        fetched_at=FETCHED,
        item=ITEM,
        page=page,
        feed_url="https://www.example.com/feed",
    )
    assert article.url == "https://www.example.com/world/story"
    assert article.id == article_id("https://www.example.com/world/story")
    assert article.source == "example.com"
    assert article.title == "Page title"
    assert [p.strip() for p in article.text.split("\n\n")] == [LONG.strip(), LONG.strip()]
    assert article.authors == ["Page Author"]
    assert article.language == "en"
    assert article.published_at_source == "page"
    assert article.published_at.hour == 10
    assert article.summary == "Feed summary."
    assert article.content_hash == content_hash(article.text)
    assert article.feed_url == "https://www.example.com/feed"


def test_day_only_page_date_yields_to_feed_time_on_that_day() -> None:
    page = PageExtraction(
        text=LONG, published=dt.datetime(2025, 12, 20, tzinfo=dt.UTC), published_has_time=False
    )
    article = build_article(url="https://example.com/a", fetched_at=FETCHED, item=ITEM, page=page)
    assert article.published_at_source == "feed"
    assert article.published_at == ITEM.published


def test_feed_text_is_the_fallback_when_the_page_is_empty() -> None:
    page = PageExtraction(text="", title="")
    article = build_article(url="https://example.com/a", fetched_at=FETCHED, item=ITEM, page=page)
    assert article.text == "Feed content text."
    assert article.title == "Feed title"
    assert article.authors == ["Feed Author"]
    assert article.published_at_source == "feed"


def test_fetch_time_is_the_last_resort_and_future_dates_are_ignored() -> None:
    future = FeedItem(
        url="https://example.com/b",
        content_text="Text.",
        published=FETCHED + dt.timedelta(days=30),
    )
    article = build_article(url="https://example.com/b", fetched_at=FETCHED, item=future)
    assert article.published_at_source == "fetched"
    assert article.published_at == FETCHED


def test_no_text_at_all_is_refused() -> None:
    with pytest.raises(EmptyArticleError):
        build_article(url="https://example.com/c", fetched_at=FETCHED, item=FeedItem(url="x"))


def test_teasers_for_other_stories_and_shortcodes_are_not_the_articles_text() -> None:
    text = (
        "Starmer condemned the remarks on Friday.\n\n"
        "[time-brightcove not-tgx=\u201dtrue\u201d]\n\n"
        "Read More: Trump Refuses to Rule Out Leaving NATO Over Greenland Tussle\n\n"
        "RELATED: Denmark Beefs Up Military Presence in Greenland\n\n"
        "Read more about the alliance in our guide: it is prose, and it stays.\n\n"
        "Healey said the troops answered the call."
    )
    item = FeedItem(url="https://example.com/a", title="T", summary="", content_text=text)
    article = build_article(url="https://example.com/a", fetched_at=FETCHED, item=item)
    assert article.text.split("\n\n") == [
        "Starmer condemned the remarks on Friday.",
        "Read more about the alliance in our guide: it is prose, and it stays.",
        "Healey said the troops answered the call.",
    ]
