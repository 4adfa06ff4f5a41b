"""The feeds file (TOML, `[[feeds]]` tables) and OPML import.

```toml
[[feeds]]
url = "https://www.example.com/world/rss.xml"
name = "Example World"
interval = "15m"        # optional: fixed poll interval (seconds or 90s / 15m / 2h)
```
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import defusedxml.ElementTree as SafeET
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

# Below a minute, polling a feed is abuse whatever the operator wants.
MIN_FEED_INTERVAL_SECONDS = 60.0
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT_SECONDS = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}


class FeedsFileError(ValueError):
    """The feeds file or OPML document is unreadable or invalid (message names the place)."""


class FeedConfig(BaseModel):
    """One feed the operator asked for."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    url: str = Field(description="The feed's http(s) URL.")
    name: str | None = Field(default=None, description="Display name.")
    interval: float | None = Field(
        default=None, description="Fixed poll interval in seconds; unset means adaptive."
    )
    enabled: bool = True

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        value = value.strip()
        parts = urlsplit(value)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise ValueError(f"not an http(s) URL: {value!r}")
        return value

    @field_validator("interval", mode="before")
    @classmethod
    def _duration(cls, value: object) -> object:
        if isinstance(value, str):
            match = _DURATION.match(value)
            if match is None:
                raise ValueError(f"not a duration (e.g. 900, 15m, 2h): {value!r}")
            value = float(match.group(1)) * _UNIT_SECONDS[match.group(2)]
        if isinstance(value, int | float) and value < MIN_FEED_INTERVAL_SECONDS:
            raise ValueError(f"interval below {MIN_FEED_INTERVAL_SECONDS:.0f} s")
        return value


class FeedsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    feeds: list[FeedConfig] = Field(default_factory=list)


def parse_feeds_toml(text: str, *, source: str = "feeds file") -> list[FeedConfig]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FeedsFileError(f"{source}: {exc}") from exc
    try:
        feeds = FeedsFile.model_validate(data).feeds
    except ValidationError as exc:
        raise FeedsFileError(f"{source}: {exc}") from exc
    seen: set[str] = set()
    unique = []
    for feed in feeds:
        if feed.url not in seen:
            seen.add(feed.url)
            unique.append(feed)
    return unique


def load_feeds(path: Path) -> list[FeedConfig]:
    """The feeds in `path`; a missing file means no feeds yet."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return parse_feeds_toml(text, source=str(path))


def parse_opml(data: bytes) -> list[FeedConfig]:
    """Every `<outline xmlUrl=...>` of an OPML document, nested folders included.

    defusedxml refuses entity declarations and external references (OPML files come from
    other tools and the web).
    """
    try:
        root = SafeET.fromstring(data)
    except Exception as exc:  # defusedxml raises ParseError or its own *Forbidden errors
        raise FeedsFileError(f"OPML: {type(exc).__name__}: {exc}") from exc
    feeds: list[FeedConfig] = []
    seen: set[str] = set()
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if not url or url in seen:
            continue
        name = (outline.get("title") or outline.get("text") or "").strip() or None
        try:
            feeds.append(FeedConfig(url=url, name=name))
        except ValidationError:
            continue  # a non-http(s) outline (podcast apps use other schemes): not ours
        seen.add(url)
    return feeds


def _toml_string(value: str) -> str:
    # JSON string escapes are a subset of TOML basic-string escapes.
    return json.dumps(value, ensure_ascii=False)


def feed_to_toml(feed: FeedConfig) -> str:
    lines = ["[[feeds]]", f"url = {_toml_string(feed.url)}"]
    if feed.name:
        lines.append(f"name = {_toml_string(feed.name)}")
    if feed.interval is not None:
        lines.append(f"interval = {feed.interval:g}")
    if not feed.enabled:
        lines.append("enabled = false")
    return "\n".join(lines) + "\n"


def add_feeds(path: Path, feeds: list[FeedConfig]) -> list[FeedConfig]:
    """Append feeds not already in the file (by URL); return those added.

    Appending keeps the operator's comments and order; the result is re-read to prove it parses.
    """
    existing = {feed.url for feed in load_feeds(path)}
    added = []
    for feed in feeds:
        if feed.url not in existing:
            existing.add(feed.url)
            added.append(feed)
    if not added:
        return []
    path.parent.mkdir(parents=True, exist_ok=True)
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    separator = "" if not old or old.endswith("\n\n") else ("\n" if old.endswith("\n") else "\n\n")
    new = old + separator + "\n".join(feed_to_toml(feed) for feed in added)
    parse_feeds_toml(new, source=str(path))
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(new, encoding="utf-8")
    tmp.replace(path)
    return added
