"""HTML fragments (feed summaries and content) to plain text with paragraphs kept."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements that end a paragraph when the text is flattened.
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "blockquote", "li", "ul", "ol", "dl", "dt", "dd",
        "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table", "tr", "figure", "figcaption",
        "header", "footer", "aside", "address", "hr", "br",
    }
)  # fmt: skip
# Their text is not prose: scripts, styles, embedded media.
_DROP = frozenset({"script", "style", "noscript", "iframe", "object", "embed", "template"})
_SPACES = re.compile(r"\s+")
_PARA_BREAK = "\x00"  # a marker no text contains after parsing (NUL is dropped below)
_LOOKS_LIKE_HTML = re.compile(r"<[a-zA-Z!/]|&[#a-zA-Z0-9]+;")
# Characters that only tell a typesetter where a word may break: the soft hyphen (U+00AD, as
# in `Palest&shy;inian`). Left in, it splits the word for every reader: the parser ("Sun-day"
# is no weekday), search ("Palestinian" does not match) and a consumer's own matching.
_TYPESETTING = str.maketrans("", "", "\u00ad")


# A paragraph that only points elsewhere: a teaser for another story ("Read more: Starmer
# Breaks With Trump Over Greenland", "RELATED: ...") or a publishing system's shortcode left
# in the text ("[time-brightcove not-tgx="true"]"). Read as the article's own text, a teaser
# gives it another story's actors and events.
_ASIDE = re.compile(
    r"(?i:read\s+more|related(?:\s+stor(?:y|ies))?|see\s+also|also\s+read)\s*:\s.{1,300}"
    r"|\[[a-z][\w-]*(?:\s[^\]]*)?\]",
    re.DOTALL,
)


def without_asides(text: str) -> str:
    """`text` without its teaser and shortcode paragraphs (see `_ASIDE`)."""
    paragraphs = text.split("\n\n")
    kept = [p for p in paragraphs if not _ASIDE.fullmatch(p.strip())]
    return "\n\n".join(kept) if len(kept) < len(paragraphs) else text


def without_typesetting(text: str) -> str:
    """`text` without soft hyphens (see `_TYPESETTING`)."""
    return text.translate(_TYPESETTING)


class _Flattener(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP:
            self._dropping += 1
        elif tag in _BLOCKS:
            self.parts.append(_PARA_BREAK)

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP:
            self._dropping = max(0, self._dropping - 1)
        elif tag in _BLOCKS:
            self.parts.append(_PARA_BREAK)

    def handle_data(self, data: str) -> None:
        if not self._dropping:
            self.parts.append(data.replace(_PARA_BREAK, ""))


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment: paragraphs separated by one blank line.

    `<br>` ends a paragraph too: feeds use `<br><br>` where they mean `</p><p>`.
    """
    if not fragment or not fragment.strip():
        return ""
    if not _LOOKS_LIKE_HTML.search(fragment):
        return _paragraphs(fragment.replace(_PARA_BREAK, "").replace("\n\n", _PARA_BREAK))
    parser = _Flattener()
    parser.feed(fragment)
    parser.close()
    return _paragraphs("".join(parser.parts))


def _paragraphs(flat: str) -> str:
    flat = without_typesetting(flat)
    paragraphs = (_SPACES.sub(" ", chunk).strip() for chunk in flat.split(_PARA_BREAK))
    return "\n\n".join(p for p in paragraphs if p)
