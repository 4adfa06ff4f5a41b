"""Local inputs as Articles: text, HTML and JSON files for `newsflow ingest` and `extract`.

Text files may start with a `date YYYY-MM-DD` header (as the seed article does); it is metadata,
not text, and gives the publication date when `--published` is not given.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from services.cli.textfile import split_date_header
from shared.identity import article_id, canonical_url, content_hash, source_domain
from shared.models import Article, DateSource

SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".json", ".jsonl"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
# A first line this short with no final full stop reads as a headline, not a paragraph.
MAX_TITLE_CHARS = 140


class InputError(ValueError):
    """A local input that cannot become an article (the message says which and why)."""


class LooseArticle(BaseModel):
    """What a JSON input needs: text and a date; the rest is filled in."""

    model_config = ConfigDict(extra="ignore")

    text: str
    published_at: dt.datetime | dt.date | None = None
    id: str | None = Field(default=None, pattern=r"^[0-9a-f]{32}$")
    title: str = ""
    url: str | None = None
    source: str | None = None
    summary: str = ""
    authors: list[str] = Field(default_factory=list)
    language: str | None = None


def parse_when(value: str) -> dt.datetime:
    """A `--published` value: a date (midnight UTC) or an ISO datetime (UTC if naive)."""
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"not an ISO date or datetime: {value!r}") from exc
    return as_utc(parsed)


def as_utc(value: dt.datetime | dt.date) -> dt.datetime:
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time(), dt.UTC)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def title_and_body(text: str) -> tuple[str, str]:
    """A headline line if the text starts with one, else the first sentence as title."""
    text = text.strip()
    first, _, rest = text.partition("\n")
    first = first.strip()
    if rest.strip() and len(first) <= MAX_TITLE_CHARS and not first.endswith("."):
        return first, rest.strip()
    sentence = _SENTENCE_END.split(first, maxsplit=1)[0]
    return sentence[:MAX_TITLE_CHARS], text


def text_url(text: str) -> str:
    """A stable URN for a text with no URL, so the same text always gets the same id."""
    return "urn:newsflow:text:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def build_article(
    loose: LooseArticle,
    *,
    default_published: dt.datetime | None,
    published_source: DateSource = "given",
    fallback_url: str | None = None,
    now: dt.datetime | None = None,
) -> Article:
    now = now or dt.datetime.now(dt.UTC)
    url = canonical_url(loose.url) if loose.url else (fallback_url or text_url(loose.text))
    if loose.published_at is not None:
        published, source = as_utc(loose.published_at), published_source
    elif default_published is not None:
        published, source = default_published, published_source
    else:
        published, source = now, "fetched"
    return Article(
        id=loose.id or article_id(url),
        url=url,
        feed_url=None,
        source=loose.source or source_domain(url) or "local",
        title=loose.title,
        text=loose.text,
        summary=loose.summary,
        authors=loose.authors,
        language=loose.language,
        published_at=published,
        published_at_source=source,
        fetched_at=now,
        content_hash=content_hash(loose.text),
    )


def records_from_json(data: bytes, name: str) -> Iterator[dict[str, Any]]:
    """Objects from a JSON document (one object or a list) or JSON lines.

    A malformed file's error is whole: what the parser expected, and the line and column.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start}), so not JSON") from exc
    stripped = text.lstrip()
    document_error: json.JSONDecodeError | None = None
    if stripped.startswith("[") or (stripped.startswith("{") and not name.endswith(".jsonl")):
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as exc:
            parsed, document_error = None, exc
        if isinstance(parsed, list):
            yield from (p for p in parsed if isinstance(p, dict))
            return
        if isinstance(parsed, dict):
            yield parsed
            return
    yield from (obj for _, obj in records_from_lines(text.splitlines(), name, document_error))


def records_from_lines(
    lines: Iterable[str], name: str, document_error: json.JSONDecodeError | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Objects from JSON lines, as they are read, each with its line number; `document_error`
    is why the whole text was no JSON document, reported when its first line is no JSON
    either."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            if document_error is not None and number == 1:
                # Not JSON lines either: the document's own error says where it broke.
                raise InputError(f"{name}: not JSON: {document_error}") from document_error
            raise InputError(f"{name}:{number}: not JSON: {exc}") from exc
        if not isinstance(obj, dict):
            raise InputError(f"{name}:{number}: expected a JSON object")
        yield number, obj


def loose_from_record(obj: dict[str, Any], where: str) -> LooseArticle:
    try:
        if {"content_hash", "fetched_at", "published_at_source"} <= obj.keys():
            full = Article.model_validate(obj)
            return LooseArticle.model_validate(full.model_dump())
        return LooseArticle.model_validate(obj)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        raise InputError(f"{where}: {field}: {first['msg']}") from exc


def loose_from_text_file(raw: str) -> tuple[LooseArticle, dt.date | None]:
    header_date, text = split_date_header(raw)
    title, body = title_and_body(text)
    return LooseArticle(text=body, title=title), header_date


def iter_files(path: Path) -> Iterator[Path]:
    """The file, or every file under the folder but hidden ones (`.DS_Store`, `.git/`):
    files of other types are yielded too, so they are counted as skipped, not lost."""
    if path.is_dir():
        yield from sorted(
            p
            for p in path.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
    elif path.is_file():
        yield path
    else:
        raise InputError(f"{path}: no such file or folder")


# Above this share of control characters a "text" file is binary: text has none but tabs and
# line ends, and random bytes read as Latin-1 are a quarter control characters.
MAX_CONTROL_SHARE = 0.02


def decode_text(data: bytes, name: str) -> str:
    """A text file's text: UTF-8, else Latin-1 (never fails); binary content is refused."""
    if b"\x00" in data:
        raise InputError(f"{name}: binary content (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    control = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    if text and control / len(text) > MAX_CONTROL_SHARE:
        raise InputError(f"{name}: binary content ({control / len(text):.0%} control characters)")
    return text
