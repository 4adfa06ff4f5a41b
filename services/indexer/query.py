"""What a search asks for: the validated query model and its cursor.

Pure logic, no I/O. The free text `q` is read by `text_query` (its language, and its rendering
for each store); every other parameter is checked here, and each error names its parameter and
the forms it accepts.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import math
import re
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)

from services.indexer.text_query import QueryError, TextQuery, parse
from shared.models import EventType

__all__ = ["QueryError"]  # re-exported: the one error of a query that cannot be run

SearchType = Literal["articles", "events"]
Order = Literal["rank", "published", "event"]

# The API contract of the brief: pages of 1..100 results; bigger pages make facets and snippets
# the slow part of a request, and clients page with the cursor instead.
MAX_LIMIT = 100
DEFAULT_LIMIT = 20
# Long enough for any sensible query, short enough to bound the work a single request can ask.
MAX_Q_CHARS = 500
# Each term is one more posting list to intersect; 32 covers pasted headlines.
MAX_TERMS = 32
# Filter values are names ("Vladimir Putin", "Hallandale Beach"); 200 leaves room for long ones.
MAX_NAME_CHARS = 200
# A cursor holds an order tag, a sort value and an id: well under 200 bytes of base64.
MAX_CURSOR_CHARS = 512
# An event's key in the index is a signed 64-bit integer; 18 decimal digits always fit.
MAX_EVENT_KEY_DIGITS = 18

DATE_FORMS = "YYYY-MM-DD, YYYY-MM or YYYY"


class FieldError(ValueError):
    """A validation error that belongs to one parameter although it is checked across several
    (`since` after `until`, a cursor of another kind of query): the API names `field`."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _clean_text(value: str) -> str:
    """Reject what no database accepts in a text parameter (NUL, lone surrogates)."""
    if any(unicodedata.category(ch) == "Cc" and ch not in "\t\n\r" for ch in value):
        raise ValueError("must not contain control characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError("must be valid Unicode text") from exc
    return value


def name_key(name: str) -> str:
    """The case-insensitive key of an actor or place name, the same on every backend."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _period(value: object, *, end: bool) -> object:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD; a year or month means its first or last day."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if re.fullmatch(r"\d{4}", text):
        return dt.date(int(text), 12, 31) if end else dt.date(int(text), 1, 1)
    found = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if found:
        year, month = int(found.group(1)), int(found.group(2))
        if not 1 <= month <= 12:
            raise ValueError(f"{text} has no month {month:02d}; the forms are {DATE_FORMS}")
        if not end:
            return dt.date(year, month, 1)
        if month == 12:
            return dt.date(year, 12, 31)
        return dt.date(year, month + 1, 1) - dt.timedelta(days=1)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError(f"must be a date: {DATE_FORMS} (no time of day)")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"{text} is not a day of the calendar; the forms are {DATE_FORMS}"
        ) from None


SinceDate = Annotated[dt.date, BeforeValidator(lambda v: _period(v, end=False))]
UntilDate = Annotated[dt.date, BeforeValidator(lambda v: _period(v, end=True))]


class Cursor(BaseModel):
    """Where the previous page stopped, as the last row's sort key (keyset pagination).

    `o` names the ordering, so a cursor from one kind of query is refused by another; `s` is the
    last sort value (a score, a timestamp or a date, as JSON), `id` the last row's id (an
    article's id; an event's integer key in the index, in decimal).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    o: Order
    s: float | str
    id: str = Field(min_length=1, max_length=200)

    @model_validator(mode="after")
    def _sort_value_fits(self) -> Cursor:
        if self.o == "rank":
            if not (isinstance(self.s, float) and math.isfinite(self.s)):
                raise ValueError("rank cursor needs a finite numeric sort value")
        elif not isinstance(self.s, str):
            raise ValueError(f"{self.o} cursor needs an ISO date or timestamp")
        elif self.o == "published":
            if dt.datetime.fromisoformat(self.s).tzinfo is None:
                raise ValueError("published cursor needs an aware timestamp")
        else:
            dt.date.fromisoformat(self.s)
            digits = self.id.isascii() and self.id.isdecimal()
            if not (digits and len(self.id) <= MAX_EVENT_KEY_DIGITS):
                raise ValueError("event cursor needs the decimal key of an event")
        return self

    def encode(self) -> str:
        raw = json.dumps(self.model_dump(), separators=(",", ":"), ensure_ascii=True)
        return base64.urlsafe_b64encode(raw.encode("ascii")).decode("ascii").rstrip("=")

    @classmethod
    def decode(cls, token: str) -> Cursor:
        """Parse an opaque cursor; any malformation is a `QueryError`."""
        if len(token) > MAX_CURSOR_CHARS:
            raise QueryError(f"is longer than any this API issues ({MAX_CURSOR_CHARS} characters)")
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
            data: Any = json.loads(raw.decode("utf-8"))
            return cls.model_validate(data)
        except (binascii.Error, UnicodeDecodeError, ValueError, ValidationError) as exc:
            raise QueryError(
                "is not one this API issued; pass the next_cursor of the previous page unchanged"
            ) from exc


class SearchQuery(BaseModel):
    """A validated search: free text, filters, page size and cursor.

    For `type=articles`, `since`/`until` bound the publication date (as do `published_since`/
    `published_until`); for `type=events` they bound the event's date interval (an event
    matches when its interval overlaps [since, until]) and `published_*` bound publication.
    All dates are whole UTC days, inclusive.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    q: str | None = Field(default=None, max_length=MAX_Q_CHARS, description="Free text.")
    actor: str | None = Field(
        default=None,
        max_length=MAX_NAME_CHARS,
        description="Canonical actor name (case-insensitive).",
    )
    place: str | None = Field(
        default=None, max_length=MAX_NAME_CHARS, description="Canonical place name."
    )
    country: str | None = Field(
        default=None, description="ISO 3166-1 alpha-2 of an actor or place.", examples=["UA"]
    )
    type: SearchType = Field(default="articles", description="What to return.")
    event_type: EventType | None = Field(default=None, description="PLOVER event type.")
    since: SinceDate | None = None
    until: UntilDate | None = None
    published_since: SinceDate | None = None
    published_until: UntilDate | None = None
    limit: int = Field(default=DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
    cursor: str | None = Field(default=None, description="`next_cursor` of the previous page.")

    @field_validator("q", "actor", "place", "cursor", mode="after")
    @classmethod
    def _text(cls, value: str | None) -> str | None:
        if value is None:
            return None
        return _clean_text(value) or None

    @field_validator("q", mode="after")
    @classmethod
    def _language(cls, value: str | None) -> str | None:
        if value is not None:
            terms = parse(value).terms
            if len(terms) > MAX_TERMS:
                raise ValueError(f"has {len(terms)} terms; at most {MAX_TERMS} are searched")
        return value

    @field_validator("cursor", mode="after")
    @classmethod
    def _cursor(cls, value: str | None) -> str | None:
        if value is not None:
            Cursor.decode(value)
        return value

    @field_validator("country", mode="before")
    @classmethod
    def _country(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.strip().upper() or None
            if value is not None and not re.fullmatch(r"[A-Z]{2}", value):
                raise ValueError("must be an ISO 3166-1 alpha-2 code such as UA")
        return value

    @field_validator("event_type", mode="before")
    @classmethod
    def _event_type(cls, value: object) -> object:
        if isinstance(value, str):
            return value.strip().upper() or None
        return value

    @model_validator(mode="after")
    def _consistent(self) -> SearchQuery:
        for low, high in (("since", "until"), ("published_since", "published_until")):
            start, end = getattr(self, low), getattr(self, high)
            if start is not None and end is not None and start > end:
                raise FieldError(low, f"{low} {start} is after {high} {end}")
        if self.cursor is not None and Cursor.decode(self.cursor).o != self.order:
            raise FieldError(
                "cursor",
                "belongs to a different kind of query (type, or q given or not); "
                "page with the same parameters that gave the cursor",
            )
        return self

    @property
    def text(self) -> TextQuery | None:
        """The query language's reading of `q` (None without `q`)."""
        return parse(self.q) if self.q else None

    @property
    def order(self) -> Order:
        """Articles by relevance when there is text, else newest first; events by event date."""
        if self.type == "events":
            return "event"
        return "rank" if self.q else "published"

    @property
    def after(self) -> Cursor | None:
        return Cursor.decode(self.cursor) if self.cursor else None


_QUERY = TypeAdapter(SearchQuery)


def build_query(params: dict[str, Any]) -> SearchQuery:
    """Validate raw parameters (e.g. from a URL), dropping the unset ones."""
    return _QUERY.validate_python({k: v for k, v in params.items() if v is not None})


def day_start(day: dt.date) -> dt.datetime:
    """Midnight UTC opening `day`."""
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def day_after(day: dt.date) -> dt.date | None:
    """The day after, or None past the calendar's end (an unbounded upper limit)."""
    return None if day == dt.date.max else day + dt.timedelta(days=1)
