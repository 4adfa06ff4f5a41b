"""Bytes to text, in the order the web trusts: HTTP charset, BOM, in-document declaration,
then a statistical detector.

We decode ourselves instead of letting feedparser or trafilatura guess, so every parser sees the
same text and the encoding used is known (and testable).
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

# Where a declaration may be found: the XML declaration is at the start and HTML5 requires the
# meta charset within the first 1024 bytes; 4096 tolerates long comments and <head> preambles.
_SNIFF_BYTES = 4096

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE BOM.
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
)

# XML 1.0 Appendix F: a document without BOM reveals its encoding family in its first bytes.
_XML_FAMILY: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
)

_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)

# Labels that promise a single-byte legacy charset. Such a label on a body that is valid UTF-8
# with non-ASCII bytes is nearly always wrong (servers default to ISO-8859-1): multi-byte UTF-8
# sequences almost never occur by chance in Latin-1 text.
_LEGACY_SINGLE_BYTE = frozenset({"latin-1", "iso8859-1", "ascii", "cp1252", "windows-1252"})

# Invalid UTF-8 sequences tolerated: at most one per this many non-ASCII bytes (1%).
_MAX_BAD_UTF8_SHARE = 100

_HIGH_BYTES = bytes(range(0x80, 0x100))

# WHATWG Encoding Standard: these labels mean windows-1252 on the web.
_WEB_ALIASES = {"iso8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252"}


def _codec_name(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return _WEB_ALIASES.get(name, name)


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        pass
    if codec == "utf-8":
        return _mostly_utf8(data)
    return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with replacement characters when the invalid sequences are a stray few.

    A page declared UTF-8 that holds one corrupt byte (a truncated copy-paste deep in a comment)
    is still UTF-8: browsers decode it with U+FFFD and so do we, instead of handing the whole
    page to the detector, which then guesses a legacy charset and garbles every letter. A page
    mislabelled UTF-8 but written in Latin-1 fails at nearly every non-ASCII byte and stays
    rejected.
    """
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    return text if high and bad * _MAX_BAD_UTF8_SHARE <= high else None


def _prefers_utf8(data: bytes, codec: str) -> bool:
    if codec not in _LEGACY_SINGLE_BYTE or data.isascii():
        return False
    return _try(data, "utf-8") is not None


def _declared(data: bytes) -> str | None:
    head = data[:_SNIFF_BYTES]
    for prefix, codec in _XML_FAMILY:
        if head.startswith(prefix):
            return codec
    match = _XML_DECL.match(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    label = _codec_name(match.group(1).decode("ascii"))
    # A UTF-16/32 label inside an ASCII-readable declaration contradicts itself: the bytes we
    # just read as ASCII cannot be UTF-16.
    if label is not None and label.startswith(("utf-16", "utf-32")):
        return None
    return label


def charset_from_content_type(content_type: str | None) -> str | None:
    """The `charset` parameter of a Content-Type header value, if any."""
    if not content_type:
        return None
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def decode(data: bytes, http_charset: str | None = None) -> tuple[str, str]:
    """Decode a document; return (text without BOM, Python codec name used).

    Order: HTTP charset, BOM, XML declaration or HTML meta, charset-normalizer, and finally UTF-8
    with replacement characters so a mangled byte never loses the whole document. A candidate
    that does not decode cleanly is skipped, except that UTF-8 tolerates a stray few invalid
    sequences (`_mostly_utf8`).
    """
    candidates: list[str] = []
    http_codec = _codec_name(http_charset)
    if http_codec:
        candidates.append("utf-8" if _prefers_utf8(data, http_codec) else http_codec)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            candidates.append(codec)
            # The BOM is certain; with a conflicting HTTP charset we still try the header first
            # (feedparser's and RFC 7303's order), the BOM next.
            break
    declared = _declared(data)
    if declared:
        candidates.append("utf-8" if _prefers_utf8(data, declared) else declared)
    for candidate in candidates:
        text = _try(data, candidate)
        if text is not None:
            return _strip_bom(text), candidate
    if data.isascii():
        return data.decode("ascii"), "ascii"
    as_utf8 = _try(data, "utf-8")
    if as_utf8 is not None:
        return _strip_bom(as_utf8), "utf-8"
    best = from_bytes(data).best()
    if best is not None and best.encoding:
        codec = _codec_name(best.encoding) or "utf-8"
        text = _try(data, codec)
        if text is not None:
            return _strip_bom(text), codec
    return _strip_bom(data.decode("utf-8", errors="replace")), "utf-8"


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text
