"""Stable identities: article ids from canonical URLs and content hashes of normalised text."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urlsplit

# The URNs Newsflow gives texts that have no URL (`urn:newsflow:text:` and 32 lower-case hex
# digits) are canonical as made, so they skip courlan, whose import costs a one-shot command
# ~25 ms. Only that exact form: courlan rewrites others ("...#frag", "...?utm_source=x").
_OWN_URN = re.compile(r"urn:newsflow:text:[0-9a-f]{32}")

_WS = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)


def canonical_url(url: str) -> str:
    """The canonical form of an article URL (courlan: tracking parameters, fragments, case).

    Falls back to the stripped input where courlan cannot parse it, so an odd URL still gets a
    stable id instead of failing the article.
    """
    url = url.strip()
    if _OWN_URN.fullmatch(url):
        return url
    from courlan import normalize_url

    try:
        canonical = normalize_url(url, strict=True, trailing_slash=False)
    except (ValueError, AttributeError):
        return url
    return str(canonical) or url


def article_id(url: str) -> str:
    """32 hex chars of the sha256 of the canonical URL (DESIGN.md)."""
    return hashlib.sha256(canonical_url(url).encode("utf-8")).hexdigest()[:32]


def source_domain(url: str) -> str:
    """The publisher's domain: the URL's host without a leading `www.`."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return host.removeprefix("www.")


def normalise_text(text: str) -> str:
    """Case-, punctuation- and whitespace-insensitive form of a text, for duplicate detection."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _PUNCT.sub(" ", text)
    return _WS.sub(" ", text).strip()


def content_hash(text: str) -> str:
    """The near-duplicate key: 32 hex chars of the sha256 of the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:32]
