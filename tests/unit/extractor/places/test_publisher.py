"""The publisher's country from its domain."""

from __future__ import annotations

import pytest

from services.extractor.places.publisher import publisher_country


@pytest.mark.parametrize(
    ("source", "country"),
    [
        ("stuff.co.nz", "NZ"),
        ("bbc.co.uk", "GB"),
        ("spiegel.de", "DE"),
        ("abc.net.au", "AU"),
        ("elpais.es.", "ES"),
        ("nytimes.com", None),
        ("example.org", None),
        ("techcrunch.io", None),
        ("news.tv", None),
        ("local", None),
        ("", None),
        ("stuff.co.nz:443", "NZ"),
        ("https://www.Stuff.co.NZ/world/x", "NZ"),
        ("xn--p1ai.рф", None),
        ("nrk.no", "NO"),
        ("europa.eu", "EU"),  # not a country: the caller checks the code against the gazetteer
    ],
)
def test_publisher_country(source: str, country: str | None) -> None:
    assert publisher_country(source) == country
