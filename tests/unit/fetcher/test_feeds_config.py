"""Feeds file: TOML validation, OPML import (defused), appending new feeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.fetcher.feeds_config import (
    FeedConfig,
    FeedsFileError,
    add_feeds,
    load_feeds,
    parse_feeds_toml,
    parse_opml,
)

OPML = b"""<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body>
<outline text="News"><outline text="World" title="World News" type="rss"
  xmlUrl="https://example.com/world.xml"/>
<outline text="Dup" xmlUrl="https://example.com/world.xml"/></outline>
<outline text="Podcast" xmlUrl="itpc://example.com/pod"/>
<outline text="Tech" xmlUrl="http://tech.example.org/feed"/></body></opml>"""


def test_toml_with_durations() -> None:
    feeds = parse_feeds_toml(
        """
[[feeds]]
url = "https://example.com/a.xml"
name = "A"
interval = "15m"

[[feeds]]
url = "https://example.com/b.xml"
interval = 7200
"""
    )
    assert [(f.url, f.name, f.interval) for f in feeds] == [
        ("https://example.com/a.xml", "A", 900.0),
        ("https://example.com/b.xml", None, 7200.0),
    ]


@pytest.mark.parametrize(
    "bad",
    [
        '[[feeds]]\nurl = "ftp://example.com/x"',
        '[[feeds]]\nurl = "https://example.com/x"\ninterval = "5s"',
        '[[feeds]]\nurl = "https://example.com/x"\ncolour = "red"',
        "[[feeds]\nurl =",
    ],
)
def test_invalid_toml_names_the_problem(bad: str) -> None:
    with pytest.raises(FeedsFileError):
        parse_feeds_toml(bad)


def test_missing_file_means_no_feeds(tmp_path: Path) -> None:
    assert load_feeds(tmp_path / "absent.toml") == []


def test_opml_import_nested_dedup_and_http_only() -> None:
    feeds = parse_opml(OPML)
    assert [(f.url, f.name) for f in feeds] == [
        ("https://example.com/world.xml", "World News"),
        ("http://tech.example.org/feed", "Tech"),
    ]


def test_opml_with_entities_is_refused() -> None:
    hostile = b'<?xml version="1.0"?><!DOCTYPE o [<!ENTITY x "y">]><opml><body/></opml>'
    with pytest.raises(FeedsFileError):
        parse_opml(hostile)


def test_add_feeds_appends_only_new_and_keeps_comments(tmp_path: Path) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text('# my feeds\n[[feeds]]\nurl = "https://example.com/world.xml"\n')
    added = add_feeds(
        path, [*parse_opml(OPML), FeedConfig(url="https://x.example/f", name='Q"uote')]
    )
    assert [f.url for f in added] == ["http://tech.example.org/feed", "https://x.example/f"]
    assert path.read_text().startswith("# my feeds\n")
    assert [f.name for f in load_feeds(path)] == [None, "Tech", 'Q"uote']
    assert add_feeds(path, parse_opml(OPML)) == []
