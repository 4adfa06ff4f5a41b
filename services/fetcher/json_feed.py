"""JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) to FeedItems."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .errors import ContentError
from .feed_model import FeedItem, ParsedFeed
from .html_text import html_to_text

VERSION_PREFIX = "https://jsonfeed.org/version/"
# Version 1 feeds in the wild often still say http://.
_VERSION_PREFIXES = (VERSION_PREFIX, "http://jsonfeed.org/version/")


def looks_like_json_feed(body: bytes, content_type: str | None) -> bool:
    """Cheap test before parsing: a JSON media type or a body starting with '{'."""
    media = (content_type or "").split(";")[0].strip().lower()
    if media in ("application/feed+json", "application/json"):
        return True
    return body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _date(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:
        # RFC 3339 requires an offset; a bare time is most likely UTC.
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)


def _authors(obj: dict[str, Any]) -> tuple[str, ...]:
    names: list[str] = []
    authors = obj.get("authors")
    if isinstance(authors, list):
        names.extend(_text(a.get("name")) for a in authors if isinstance(a, dict))
    author = obj.get("author")  # version 1.0
    if isinstance(author, dict):
        names.append(_text(author.get("name")))
    return tuple(dict.fromkeys(n for n in names if n))


def _item(obj: dict[str, Any], feed_authors: tuple[str, ...]) -> FeedItem:
    url = _text(obj.get("url")) or _text(obj.get("external_url")) or None
    content = _text(obj.get("content_text")) or html_to_text(_text(obj.get("content_html")))
    guid = obj.get("id")
    return FeedItem(
        url=url,
        title=html_to_text(_text(obj.get("title"))),
        summary=html_to_text(_text(obj.get("summary"))),
        content_text=content,
        authors=_authors(obj) or feed_authors,
        published=_date(obj.get("date_published")) or _date(obj.get("date_modified")),
        guid=str(guid) if guid is not None else None,
    )


def parse_json_feed(text: str) -> ParsedFeed:
    """Parse a JSON Feed; raise ContentError(reason="not_a_feed") for other JSON."""
    try:
        data = json.loads(text)
    except ValueError as exc:  # JSONDecodeError and deeply nested input (RecursionError is not)
        raise ContentError(f"invalid JSON: {exc}", reason="not_a_feed") from None
    except RecursionError:
        raise ContentError("JSON nested too deeply", reason="not_a_feed") from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith(_VERSION_PREFIXES):
        raise ContentError("JSON without a JSON Feed version", reason="not_a_feed")
    items = data.get("items")
    feed_authors = _authors(data)
    entries = [
        _item(obj, feed_authors) for obj in (items if isinstance(items, list) else [])
        if isinstance(obj, dict)
    ]  # fmt: skip
    return ParsedFeed(title=_text(data.get("title")), items=entries, format="json")
