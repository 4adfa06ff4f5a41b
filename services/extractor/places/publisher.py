"""The publisher's country, from its domain: context for places an article leaves ambiguous.

A country-code top-level domain names the country a publisher writes from ("stuff.co.nz": NZ,
"bbc.co.uk": GB); generic ones (.com, .org, .news) and country codes sold for other uses (.io,
.tv, .co, .ai, ...) say nothing, so they give None. The last label is enough: public-suffix
rules ("co.uk") only matter for finding the registrable domain, which is not needed here, so no
suffix-list library is used.
"""

from __future__ import annotations

from urllib.parse import urlsplit

# ccTLDs that differ from the ISO 3166-1 code of their country.
_TLD_COUNTRY = {"uk": "GB"}
# ccTLDs marketed worldwide for their letters, not their country.
_GENERIC_USE = frozenset(
    {"ai", "am", "cc", "co", "cx", "fm", "gg", "gl", "im", "io", "la", "ly", "md", "me", "ms"}
    | {"nu", "sc", "sh", "tk", "to", "tv", "vc", "ws"}
)


def publisher_country(source: str) -> str | None:
    """The ISO 3166-1 alpha-2 code a publisher's domain points to, or None.

    `source` is `Article.source` (the publisher's domain, e.g. "bbc.co.uk"; a URL or a port is
    read for its host); a value that is no domain (the "local" of texts given on the command
    line) gives None. The caller checks that
    the code is a country it knows.
    """
    host = urlsplit(source if "//" in source else f"//{source}").hostname or ""
    labels = host.rstrip(".").rsplit(".", 1)
    if len(labels) != 2:
        return None
    tld = labels[1]
    if len(tld) != 2 or not (tld.isascii() and tld.isalpha()) or tld in _GENERIC_USE:
        return None
    return _TLD_COUNTRY.get(tld, tld.upper())
