"""Stable identities: canonical URLs, article ids, publisher domains."""

from __future__ import annotations

import pytest
from courlan import normalize_url

from services.cli.inputs import text_url
from shared.identity import article_id, canonical_url, source_domain


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.BBC.co.uk/news/1", "bbc.co.uk"),
        ("http://news.example.com:8080/x", "news.example.com"),
        ("urn:newsflow:text:0123", ""),
    ],
)
def test_source_domain(url: str, domain: str) -> None:
    assert source_domain(url) == domain


@pytest.mark.parametrize("text", ["Putin met Witkoff.", "", "Ünïcode ✓ text\n\nwith paragraphs"])
def test_own_urns_skip_courlan_and_keep_the_same_id(text: str) -> None:
    urn = text_url(text)
    # The shortcut must not change an id: courlan leaves these URNs as they are.
    assert canonical_url(urn) == urn == normalize_url(urn, strict=True, trailing_slash=False)
    assert canonical_url(f"  {urn}\n") == urn
    assert article_id(urn) == article_id(f" {urn} ")


def test_real_urls_still_go_through_courlan() -> None:
    assert canonical_url("https://Example.com/a?utm_source=x#frag") == "https://example.com/a"


@pytest.mark.parametrize(
    "urn",
    [
        "urn:newsflow:text:0123456789abcdef0123456789abcdef#frag",
        "urn:newsflow:text:0123456789abcdef0123456789abcdef?utm_source=x",
        "urn:newsflow:text:0123456789abcdef0123456789abcdef/",
        "URN:newsflow:text:0123456789abcdef0123456789abcdef",
    ],
)
def test_other_urn_forms_are_canonicalised_as_before(urn: str) -> None:
    assert canonical_url(urn) == normalize_url(urn, strict=True, trailing_slash=False)
