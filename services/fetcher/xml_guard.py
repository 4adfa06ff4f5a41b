"""Neutralise hostile XML before any parser sees it.

Billion laughs and quadratic blowup need entity *declarations*; XXE needs an external entity
declaration or an external DTD that the parser fetches. No legitimate news feed declares
entities, so a document whose prolog declares any is refused (as defusedxml's
`EntitiesForbidden` does), and every remaining DOCTYPE is removed so no parser can be asked to
load an external DTD. feedparser's expat runs with external general entities off as well, and
its own `replace_doctype` is a further layer; this one does not rely on either.
"""

from __future__ import annotations

import re

from .errors import ContentError

# The prolog ends at the first element start tag: a '<' followed by a name start character.
_FIRST_ELEMENT = re.compile(r"<[A-Za-z_:]")
_ENTITY_DECL = re.compile(r"<!ENTITY", re.I)
_DOCTYPE_START = re.compile(r"<!DOCTYPE", re.I)
# A DOCTYPE without an internal subset: <!DOCTYPE rss PUBLIC "..." "...">
_SIMPLE_DOCTYPE = re.compile(r"<!DOCTYPE[^\[>]*>", re.I)
# With an internal subset (entity declarations were refused before this runs).
_SUBSET_DOCTYPE = re.compile(r"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.I | re.S)


def prolog(text: str) -> str:
    """The part of a document before its root element (where a DOCTYPE must be)."""
    match = _FIRST_ELEMENT.search(text)
    return text if match is None else text[: match.start()]


def neutralise(text: str) -> tuple[str, str | None]:
    """Return (text without DOCTYPE, the DOCTYPE removed or None); refuse entity declarations.

    Raises ContentError(reason="hostile_xml") when the prolog declares entities.
    """
    head = prolog(text)
    if _ENTITY_DECL.search(head):
        raise ContentError("the document declares XML entities", reason="hostile_xml")
    if not _DOCTYPE_START.search(head):
        return text, None
    match = _SUBSET_DOCTYPE.search(head) or _SIMPLE_DOCTYPE.search(head)
    if match is None:
        # An unterminated DOCTYPE: cut the prolog from it, nothing in there is content.
        start = _DOCTYPE_START.search(head)
        assert start is not None  # searched just above
        return text[: start.start()] + text[len(head) :], head[start.start() :]
    return text[: match.start()] + text[match.end() :], match.group(0)
