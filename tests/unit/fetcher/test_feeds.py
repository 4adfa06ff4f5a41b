"""Feed parsing: formats, hostile XML refused before feedparser, bozo feeds kept."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from services.fetcher.articles import choose_text
from services.fetcher.errors import ContentError
from services.fetcher.feeds import parse_feed
from services.fetcher.xml_guard import neutralise

RSS2 = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>News</title>
<item><title>Talks in Miami</title><link>https://example.com/a?utm_source=rss</link>
<guid isPermaLink="false">id-1</guid><dc:creator>Jane Doe</dc:creator>
<pubDate>Sat, 20 Dec 2025 15:00:00 +0100</pubDate>
<description>&lt;p&gt;Short &amp;amp; sweet.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>First para.</p><p>Second <b>para</b>.</p>
<script>x()</script>]]></content:encoded>
</item></channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title>
<entry><title type="html">A &lt;b&gt;bold&lt;/b&gt; claim</title>
<link rel="alternate" href="/post/1"/><id>urn:uuid:1</id>
<updated>2025-12-19T12:00:00Z</updated><author><name>Ann</name></author><author><name>Bob</name></author>
<summary>Summary text</summary></entry></feed>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.org/"><title>RDF news</title></channel>
<item rdf:about="https://example.org/x"><title>RDF item</title><link>https://example.org/x</link>
<dc:date>2025-12-18T06:00:00+00:00</dc:date></item></rdf:RDF>"""

RSS091 = b"""<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
 "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old</title><item><title>Old item</title>
<link>http://example.net/old</link></item></channel></rss>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>&lol9;</title></channel></rss>"""

QUADRATIC = (
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "'
    + b"x" * 50_000
    + b'">]><rss version="2.0"><channel><title>'
    + b"&a;" * 10_000
    + b"</title></channel></rss>"
)

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&xxe;</title></channel></rss>"""

PARAMETER_XXE = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://127.0.0.1:1/evil.dtd"> %remote;]>
<rss version="2.0"><channel><title>t</title></channel></rss>"""


def test_rss2_item_fields() -> None:
    feed = parse_feed(RSS2, content_type="application/rss+xml")
    (item,) = feed.items
    assert feed.format == "rss"
    assert feed.title == "News"
    assert item.url == "https://example.com/a?utm_source=rss"
    assert item.title == "Talks in Miami"
    assert item.summary == "Short & sweet."
    assert item.content_text == "First para.\n\nSecond para."
    assert item.authors == ("Jane Doe",)
    assert item.guid == "id-1"
    assert item.published == dt.datetime(2025, 12, 20, 14, 0, tzinfo=dt.UTC)


def test_atom_relative_link_html_title_and_authors() -> None:
    feed = parse_feed(ATOM, base_url="https://blog.example.com/feed.atom")
    (item,) = feed.items
    assert feed.format == "atom"
    assert item.url == "https://blog.example.com/post/1"
    assert item.title == "A bold claim"
    assert item.authors == ("Ann", "Bob")
    assert item.published == dt.datetime(2025, 12, 19, 12, 0, tzinfo=dt.UTC)


def test_rdf() -> None:
    feed = parse_feed(RDF)
    assert feed.format == "rdf"
    assert [i.title for i in feed.items] == ["RDF item"]
    assert feed.items[0].published == dt.datetime(2025, 12, 18, 6, 0, tzinfo=dt.UTC)


def test_external_dtd_doctype_is_removed_and_feed_still_parses() -> None:
    text, doctype = neutralise(RSS091.decode())
    assert doctype is not None
    assert "netscape" in doctype
    assert "<!DOCTYPE" not in text
    assert [i.url for i in parse_feed(RSS091).items] == ["http://example.net/old"]


@pytest.mark.parametrize(
    "hostile",
    [BILLION_LAUGHS, QUADRATIC, XXE, PARAMETER_XXE],
    ids=["billion_laughs", "quadratic_blowup", "xxe", "parameter_entity_xxe"],
)
def test_entity_declarations_are_refused(hostile: bytes) -> None:
    with pytest.raises(ContentError) as caught:
        parse_feed(hostile)
    assert caught.value.reason == "hostile_xml"


def test_entity_text_inside_content_is_not_mistaken_for_a_declaration() -> None:
    body = RSS2.replace(b"First para.", b"Write &lt;!ENTITY x&gt; to declare")
    (item,) = parse_feed(body).items
    assert "<!ENTITY x>" in item.content_text


def test_bozo_feed_with_entries_is_not_a_failure() -> None:
    broken = b"""<rss version="2.0"><channel><title>Broken & co</title>
<item><title>Still here</title><link>https://example.com/s</link></item>
<item><title>Unclosed<link>https://example.com/u</link></item></channel>"""
    feed = parse_feed(broken)
    assert feed.bozo
    assert "Still here" in [i.title for i in feed.items]


def test_garbage_is_not_a_feed() -> None:
    with pytest.raises(ContentError) as caught:
        parse_feed(b"\x00\x01 this is not xml at all")
    assert caught.value.reason == "not_a_feed"


def _json_feed(version: str, **extra: object) -> bytes:
    item: dict[str, object] = {
        "id": "42",
        "url": "https://example.org/42",
        "title": "JSON item",
        "content_html": "<p>One.</p><p>Two.</p>",
        "date_published": "2025-12-20T10:00:00-05:00",
    }
    item.update(extra)
    return json.dumps({"version": version, "title": "JF", "items": [item]}).encode()


def test_json_feed_1_1() -> None:
    body = _json_feed("https://jsonfeed.org/version/1.1", authors=[{"name": "Ann"}])
    feed = parse_feed(body, content_type="application/feed+json")
    (item,) = feed.items
    assert feed.format == "json"
    assert item.content_text == "One.\n\nTwo."
    assert item.authors == ("Ann",)
    assert item.guid == "42"
    assert item.published == dt.datetime(2025, 12, 20, 15, 0, tzinfo=dt.UTC)


def test_json_feed_1_0_author_and_text() -> None:
    body = _json_feed(
        "https://jsonfeed.org/version/1", author={"name": "Old Style"}, content_text="Plain."
    )
    (item,) = parse_feed(body).items
    assert item.authors == ("Old Style",)
    assert item.content_text == "Plain."


def test_json_that_is_not_a_feed() -> None:
    with pytest.raises(ContentError) as caught:
        parse_feed(b'{"hello": "world"}', content_type="application/json")
    assert caught.value.reason == "not_a_feed"


def test_soft_hyphens_are_dropped_from_feed_text() -> None:
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>N</title><item>'
        b"<title>Talks</title><link>https://example.com/a</link><description>"
        b"&lt;p&gt;Israeli forces killed 12 Palest\xc2\xadinians on Sun&amp;shy;day.&lt;/p&gt;"
        b"</description></item></channel></rss>"
    )
    (item,) = parse_feed(rss).items
    assert item.summary == "Israeli forces killed 12 Palestinians on Sunday."


def test_a_summary_feedparser_copies_from_html_content_is_plain_text() -> None:
    # kottke.org's Atom entries carry only <content type="html">; feedparser copies it to
    # the summary without a type, and the longer of the two became the article's text.
    atom = (
        b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        b"<title>Blog</title><entry><title>Cabs</title><id>urn:1</id>"
        b'<link href="https://example.com/cabs"/><updated>2026-02-05T19:20:49Z</updated>'
        b'<content type="html"><![CDATA[<p>Kareem Rahma <a href="https://x.example/">asks'
        b" drivers</a> to take him &#8220;home&#8221;.</p><p>Second.</p>]]></content>"
        b"</entry></feed>"
    )
    (item,) = parse_feed(atom).items
    plain = "Kareem Rahma asks drivers to take him \u201chome\u201d.\n\nSecond."
    assert item.content_text == plain
    assert item.summary == plain
    assert choose_text(None, item) == plain
