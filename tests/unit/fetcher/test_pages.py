"""Page extraction: text paragraphs, metadata, date bounds, language."""

from __future__ import annotations

import datetime as dt

from services.fetcher.pages import extract_page, page_date, page_language

NOW = dt.datetime(2025, 12, 21, tzinfo=dt.UTC)
BODY = "The delegation arrived on Saturday and talks continued late into the evening. " * 3


def html(meta: str = "", lang: str = "en-GB") -> str:
    return f"""<!doctype html><html lang="{lang}"><head><title>Talks resume | Example</title>
{meta}<meta name="author" content="Jane Doe and John Roe"></head><body>
<nav><a href="/">Home</a></nav><article><h1>Talks resume</h1>
<p>First: {BODY}</p><p>Second: {BODY}</p></article>
<footer>(c) 1985 Example</footer></body></html>"""


def test_text_title_authors_language() -> None:
    page = extract_page(html(), url="https://example.com/talks", now=NOW)
    assert page.title == "Talks resume"
    paragraphs = page.text.split("\n\n")
    assert [p[:7] for p in paragraphs] == ["First: ", "Second:"]
    assert page.authors == ("Jane Doe", "John Roe")
    assert page.language == "en"


def test_date_with_time_from_metadata() -> None:
    meta = '<meta property="article:published_time" content="2025-12-20T14:30:00+01:00">'
    when, has_time = page_date(html(meta), now=NOW)
    assert when == dt.datetime(2025, 12, 20, 13, 30, tzinfo=dt.UTC)
    assert has_time


def test_future_and_ancient_dates_are_rejected() -> None:
    future = '<meta property="article:published_time" content="2031-01-01T00:00:00+00:00">'
    ancient = '<meta property="article:published_time" content="1979-05-01T00:00:00+00:00">'
    assert page_date(html(future), now=NOW)[0] is None
    assert page_date(html(ancient), now=NOW)[0] is None


def test_language_from_meta_and_missing() -> None:
    meta = '<meta http-equiv="Content-Language" content="de-AT">'
    assert page_language(html(meta, lang="")) == "de"
    assert page_language("<html><body>nothing</body></html>") is None


def test_garbage_never_raises() -> None:
    page = extract_page("\x00<<<not html>>>", now=NOW)
    assert "not html" not in page.text
    assert page.published is None
    assert page.title == ""


def test_text_is_nfc_like_trafilatura_extract() -> None:
    # U+09DF is a composition exclusion: NFC writes it as U+09AF U+09BC. trafilatura's
    # `extract` returns NFC, `bare_extraction` does not; gold segments and other sites use NFC.
    sentence = "কুষ্টিয়া আসনের সংসদ সদস্য আজ শনিবার সকালে গ্রামে এসেছিলেন। " * 6
    html = f"<html><body><article><p>{sentence}</p><p>{sentence}</p></article></body></html>"
    page = extract_page(html, now=NOW)
    assert page.text
    assert "\u09df" not in page.text
    assert "\u09af\u09bc" in page.text


def test_soft_hyphens_are_dropped_from_the_text() -> None:
    """ "Palest&shy;inian", "Sun&shy;day": a typesetter's hint that splits the word for the
    parser and for search."""
    sentence = "The Palest&shy;inian Authority met on Sun&shy;day and talks went on. " * 6
    html = f"<html><body><article><p>{sentence}</p><p>{sentence}</p></article></body></html>"
    page = extract_page(html, now=NOW)
    assert "Palestinian Authority met on Sunday" in page.text
    assert "\u00ad" not in page.text
