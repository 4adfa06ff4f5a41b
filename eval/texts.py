"""The texts of the hand-made gold sets, read from ../shared the way the services read them.

A gold document is named by where its text comes from, so the gold files hold offsets and
labels, never the publishers' texts:
- `timeml:<folder>/<file>`: a TimeBank or AQUAINT document's text (`eval.timeml`);
- `page:<file>`: an `articles-trafilatura-eval` page, extracted as the fetcher extracts it;
- `feed:<feed file>#<index>`: a feed item's text as the fetcher takes it from a real feed.
`text_of` raises `MissingMaterial` when ../shared is absent; callers check each text against
the digest the gold recorded, so a changed extraction shows instead of shifting offsets.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from eval.timeml import read_timeml

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TIMEML = SHARED / "corpora" / "timeml" / "TBAQ-cleaned"
PAGES = SHARED / "corpora" / "articles-trafilatura-eval" / "pages"
FEEDS = SHARED / "corpora" / "feeds" / "real" / "fastfeedparser_benchmark_news"


class MissingMaterial(FileNotFoundError):
    """Material of ../shared (a corpus, the seed article) is not beside the repository."""


def _read(path: Path) -> bytes:
    if not path.is_file():
        raise MissingMaterial(f"{path} is absent; it lives in ../shared and is never copied")
    return path.read_bytes()


def text_of(doc: str) -> str:
    """The text of gold document `doc` (module docstring)."""
    kind, _, name = doc.partition(":")
    if kind == "timeml":
        return read_timeml(Path(name).name, _read(TIMEML / name).decode("utf-8")).text
    if kind == "page":
        from services.fetcher.pages import extract_page  # deferred: trafilatura is slow to import

        html = _read(PAGES / name).decode("utf-8", errors="replace")
        page = extract_page(html)
        return page.text or page.title or ""
    if kind == "feed":
        from services.fetcher.articles import choose_text
        from services.fetcher.feeds import parse_feed

        feed_file, _, index = name.partition("#")
        item = parse_feed(_read(FEEDS / feed_file)).items[int(index)]
        return choose_text(None, item) or item.title or ""
    raise ValueError(f"unknown gold document kind {doc!r}")


def digest(text: str) -> str:
    """The first 16 hex digits of the text's sha256: what a gold file records."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
