"""RSS 0.9x/1.0/2.0, Atom, RDF and JSON Feed bytes to FeedItems.

The bytes are decoded by `decoding.decode` (so the encoding is ours, not a guess), hostile XML is
refused by `xml_guard` before feedparser sees anything, and feedparser gets a byte stream (never
a string, which it would treat as a URL or file name).
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import logging
import re
import time
from typing import Any

import feedparser

from .decoding import charset_from_content_type, decode
from .errors import ContentError
from .feed_model import FeedFormat, FeedItem, ParsedFeed
from .html_text import html_to_text
from .json_feed import looks_like_json_feed, parse_json_feed
from .xml_guard import neutralise

log = logging.getLogger(__name__)

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_UTF8_DECL = '<?xml version="1.0" encoding="utf-8"?>'
_SPACES = re.compile(r"\s+")


def parse_feed(
    body: bytes, *, content_type: str | None = None, base_url: str | None = None
) -> ParsedFeed:
    """Parse a feed document of any supported format.

    Raises ContentError: reason `hostile_xml` (entity declarations), `not_a_feed` (nothing
    feed-like in it). A malformed ("bozo") feed that still yields entries or a title is returned
    with `bozo=True`.
    """
    http_charset = charset_from_content_type(content_type)
    if looks_like_json_feed(body, content_type):
        text, encoding = decode(body, http_charset or "utf-8")
        if text.lstrip()[:1] == "{":
            feed = parse_json_feed(text)
            return ParsedFeed(feed.title, feed.items, "json", encoding)
    text, encoding = decode(body, http_charset)
    text, _doctype = neutralise(text)
    text = _UTF8_DECL + _XML_DECL.sub("", text, count=1)
    headers = {"content-type": "application/xml; charset=utf-8"}
    if base_url:
        headers["content-location"] = base_url
    try:
        result = feedparser.parse(
            io.BytesIO(text.encode("utf-8", errors="surrogatepass")),
            response_headers=headers,
            resolve_relative_uris=True,
            sanitize_html=True,
        )
    except Exception as exc:  # feedparser on hostile input: reported as a reason, not hidden
        log.warning("feedparser failed: %s: %s", type(exc).__name__, exc)
        raise ContentError(
            f"feed parser failed: {type(exc).__name__}", reason="not_a_feed"
        ) from exc
    entries = result.get("entries") or []
    feed_info = result.get("feed") or {}
    title = _detail_text(feed_info.get("title"), feed_info.get("title_detail"))
    bozo = bool(result.get("bozo"))
    if not entries and not title and (bozo or not result.get("version")):
        raise ContentError("no feed in the document", reason="not_a_feed")
    items = [_item(entry) for entry in entries]
    return ParsedFeed(title, items, _format(str(result.get("version") or "")), encoding, bozo)


def _format(version: str) -> FeedFormat:
    if version.startswith(("rss090", "rss10")):
        return "rdf"
    if version.startswith("rss"):
        return "rss"
    if version.startswith("atom"):
        return "atom"
    return "unknown"


def _detail_text(value: Any, detail: Any) -> str:
    if not isinstance(value, str):
        return ""
    # No detail: feedparser made the value itself (an Atom entry's summary copied from its
    # HTML content, with no type), so its markup is read as HTML; plain text passes unchanged.
    kind = str(detail.get("type", "")) if isinstance(detail, dict) else "html"
    if "html" in kind:
        return html_to_text(value)
    return _SPACES.sub(" ", value).strip()


def _struct_to_utc(value: Any) -> dt.datetime | None:
    if not isinstance(value, time.struct_time):
        return None
    try:
        # feedparser's *_parsed values are UTC 9-tuples.
        return dt.datetime.fromtimestamp(calendar.timegm(value), tz=dt.UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _authors(entry: Any) -> tuple[str, ...]:
    names: list[str] = []
    for author in entry.get("authors") or []:
        if isinstance(author, dict) and isinstance(author.get("name"), str):
            names.append(author["name"].strip())
    if not names and isinstance(entry.get("author"), str):
        names.append(entry["author"].strip())
    return tuple(dict.fromkeys(n for n in names if n))


def _content(entry: Any) -> str:
    texts = [
        _detail_text(part.get("value"), part)
        for part in entry.get("content") or []
        if isinstance(part, dict)
    ]
    return max(texts, key=len, default="")


def _url(entry: Any) -> str | None:
    link = entry.get("link")
    if isinstance(link, str) and link.strip():
        return link.strip()
    guid = entry.get("id")
    # RSS 2.0: a guid is a permalink unless isPermaLink="false"; feedparser only tells us it
    # is a URL by its shape.
    if isinstance(guid, str) and guid.startswith(("http://", "https://")):
        return guid.strip()
    return None


def _item(entry: Any) -> FeedItem:
    published = None
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        published = _struct_to_utc(entry.get(key))
        if published is not None:
            break
    guid = entry.get("id")
    return FeedItem(
        url=_url(entry),
        title=_detail_text(entry.get("title"), entry.get("title_detail")),
        summary=_detail_text(entry.get("summary"), entry.get("summary_detail")),
        content_text=_content(entry),
        authors=_authors(entry),
        published=published,
        guid=guid if isinstance(guid, str) and guid else None,
    )
