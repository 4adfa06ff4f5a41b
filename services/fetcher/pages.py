"""An article page's main text and metadata (trafilatura, htmldate)."""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

import htmldate
import trafilatura
from trafilatura.settings import use_config

from .html_text import without_typesetting

log = logging.getLogger(__name__)

# Online news starts in the 1990s; an earlier date on a page is a copyright line or a typo.
MIN_PAGE_DATE = dt.datetime(1990, 1, 1, tzinfo=dt.UTC)
# Clock skew between us and the publisher; anything later than this is a wrong date.
FUTURE_TOLERANCE = dt.timedelta(days=1)
# trafilatura's tree-size guard: pages with more elements are pathological (endless lists).
MAX_TREE_SIZE = 200_000
_CONFIG = use_config()
_CONFIG.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_SIZE))
# Its signal-based timeout only works in the main thread; our overall HTTP deadline and size caps
# bound the input instead.
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
_LANG = re.compile(r"^([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*$")
_SPLIT_AUTHORS = re.compile(r"\s*(?:;|\band\b|&|\|)\s*")


@dataclass(frozen=True, slots=True)
class PageExtraction:
    """What a page says about itself; empty strings and None where it says nothing."""

    text: str  # paragraphs separated by a blank line
    title: str = ""
    authors: tuple[str, ...] = ()
    published: dt.datetime | None = None  # aware UTC
    published_has_time: bool = False  # False: a calendar day only (midnight stands in)
    language: str | None = None  # ISO 639-1


def extract_page(
    html: str, *, url: str | None = None, now: dt.datetime | None = None
) -> PageExtraction:
    """Main text, title, authors, date and language of an HTML page; never raises on bad HTML."""
    now = now or dt.datetime.now(dt.UTC)
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            config=_CONFIG,
        )
    except Exception as exc:  # trafilatura on arbitrary HTML: logged, then the feed text is used
        log.warning("trafilatura failed on %s: %s", url, type(exc).__name__)
        doc = None
    title = _clean(getattr(doc, "title", None))
    text = _paragraphs(getattr(doc, "text", None), title)
    authors = _split_authors(getattr(doc, "author", None))
    published, has_time = page_date(html, url=url, now=now)
    return PageExtraction(
        text=text,
        title=title,
        authors=authors,
        published=published,
        published_has_time=has_time,
        language=page_language(html),
    )


def _clean(value: object) -> str:
    return " ".join(_nfc(value).split()) if isinstance(value, str) else ""


def _nfc(text: str) -> str:
    # trafilatura's `extract` returns NFC but `bare_extraction` does not; without it a page
    # written with precomposed Bengali or Devanagari letters (composition exclusions) matches
    # neither the gold segments nor the same story from another site.
    return unicodedata.normalize("NFC", without_typesetting(text))


def _paragraphs(text: object, title: str) -> str:
    if not isinstance(text, str):
        return ""
    text = _nfc(text)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    # trafilatura keeps the headline as the first line; it is the title, not body text.
    if lines and title and lines[0] == title:
        lines = lines[1:]
    return "\n\n".join(lines)


def _split_authors(value: object) -> tuple[str, ...]:
    if not isinstance(value, str):
        return ()
    names = (" ".join(n.split()) for n in _SPLIT_AUTHORS.split(value))
    return tuple(dict.fromkeys(n for n in names if n))


def page_date(
    html: str, *, url: str | None = None, now: dt.datetime | None = None
) -> tuple[dt.datetime | None, bool]:
    """The page's original publication date (UTC) and whether it carries a time of day.

    Dates before 1990 or in the future are rejected (None).
    """
    now = now or dt.datetime.now(dt.UTC)
    try:
        found = htmldate.find_date(
            html,
            url=url,
            original_date=True,
            outputformat="%Y-%m-%dT%H:%M:%S%z",
            min_date=MIN_PAGE_DATE.strftime("%Y-%m-%d"),
            max_date=(now + FUTURE_TOLERANCE).strftime("%Y-%m-%d"),
        )
    except Exception as exc:  # htmldate on arbitrary HTML: logged, then the feed date is used
        log.warning("htmldate failed on %s: %s", url, type(exc).__name__)
        return None, False
    if not found:
        return None, False
    try:
        parsed = dt.datetime.strptime(found, "%Y-%m-%dT%H:%M:%S%z")
        has_time = True
    except ValueError:
        try:
            parsed = dt.datetime.strptime(found[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=dt.UTC)
        except ValueError:
            return None, False
        # Without an offset htmldate found a calendar day; midnight only stands in for it.
        has_time = parsed.time() != dt.time(0, 0)
    parsed = parsed.astimezone(dt.UTC)
    if parsed < MIN_PAGE_DATE or parsed > now + FUTURE_TOLERANCE:
        return None, False
    return parsed, has_time


class _LanguageHints(HTMLParser):
    """Collects <html lang> and language <meta> values; stops caring after </head>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k.lower(): v or "" for k, v in attrs}
        if tag == "html":
            self.values += [attr.get("lang", ""), attr.get("xml:lang", "")]
        elif tag == "meta":
            key = (attr.get("http-equiv") or attr.get("property") or attr.get("name") or "").lower()
            if key in _LANGUAGE_METAS:
                self.values.append(attr.get("content", ""))


_LANGUAGE_METAS = frozenset({"content-language", "og:locale", "language", "dc.language"})
# Language hints live in <html> and <head>; the head rarely passes this many characters.
_HEAD_CHARS = 200_000


def page_language(html: str) -> str | None:
    """ISO 639-1 code from <html lang>, Content-Language meta or og:locale; None if absent."""
    end = html.lower().find("</head")
    parser = _LanguageHints()
    parser.feed(html[: end if end >= 0 else _HEAD_CHARS])
    for value in parser.values:
        match = _LANG.match((value or "").strip())
        if match:
            return match.group(1).lower()
    return None
