"""poll_feed and fetch_url end to end against a local server: feed, pages, state, schedule."""

from __future__ import annotations

import random
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from services.fetcher.feeds_config import FeedConfig
from services.fetcher.fetch import fetch_url, poll_feed
from services.fetcher.safe_http import SafeClient
from services.fetcher.settings import FetcherSettings
from services.fetcher.state import FetcherState
from shared.models import Article

from .conftest import Handler, LocalServer, send

# Two different stories: near-identical texts would be published once (near_duplicates.py).
PARAGRAPHS = {
    "1": (
        "Negotiators met in Miami on Saturday to discuss the proposal, officials said, and both "
        "sides described the talks as constructive after several hours of discussion. ",
        "A second round is planned for next month, when the delegations expect to exchange "
        "written drafts on the remaining points of the agreement. ",
    ),
    "2": (
        "Heavy rain flooded roads across the northern valley overnight, and emergency crews "
        "evacuated dozens of homes near the river before dawn on Sunday. ",
        "Forecasters warned that more storms would arrive by Tuesday and urged drivers to "
        "avoid the mountain passes until the water recedes. ",
    ),
}


def page(title: str, date: str, n: str = "1") -> bytes:
    first, second = PARAGRAPHS[n]
    return f"""<!doctype html><html lang="en"><head><title>{title}</title>
<meta property="article:published_time" content="{date}">
<meta name="author" content="Ann Writer"></head>
<body><article><h1>{title}</h1><p>{title}: {first * 2}</p><p>{second}</p></article>
</body></html>""".encode()


def rss(base: str) -> bytes:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Local news</title>
<item><title>First story</title><link>{base}/story/1</link>
<pubDate>Sat, 20 Dec 2025 09:00:00 GMT</pubDate><description>Lead one.</description></item>
<item><title>Second story</title><link>{base}/story/2</link>
<pubDate>Sat, 20 Dec 2025 08:00:00 GMT</pubDate><description>Lead two.</description></item>
<item><title>Broken page</title><link>{base}/story/missing</link>
<pubDate>Fri, 19 Dec 2025 08:00:00 GMT</pubDate>
<description>Only the feed has this text, and it is the fallback.</description></item>
</channel></rss>""".encode()


def make_settings(tmp_path: Path) -> FetcherSettings:
    return FetcherSettings(
        state_dir=tmp_path,
        allow_private_addresses=True,
        per_host_rate=100.0,
        max_total_seconds=10.0,
    )


def serve_feed(server: LocalServer) -> None:
    def feed(h: BaseHTTPRequestHandler) -> None:
        if h.headers.get("If-None-Match") == '"feed-v1"':
            send(h, 304, headers={"ETag": '"feed-v1"'})
        else:
            send(h, 200, rss(server.base), {"ETag": '"feed-v1"', "Content-Type": "text/xml"})

    server.routes["/feed"] = feed

    def story(n: str, date: str) -> Handler:
        html = page(f"Story {n}", date, n)
        return lambda h: send(h, 200, html, {"Content-Type": "text/html; charset=utf-8"})

    for n, date in (("1", "2025-12-20T10:30:00+00:00"), ("2", "2025-12-20T08:15:00+00:00")):
        server.routes[f"/story/{n}"] = story(n, date)


async def test_poll_publishes_new_items_then_304_then_nothing_new(
    server: LocalServer, tmp_path: Path
) -> None:
    serve_feed(server)
    settings = make_settings(tmp_path)
    published: list[Article] = []

    async def publish(article: Article) -> None:
        published.append(article)

    feed = FeedConfig(url=server.url("/feed"))
    with FetcherState(settings.state_db) as state:
        async with SafeClient(settings) as client:
            first = await poll_feed(client, feed, state, settings, publish, rng=random.Random(1))
            second = await poll_feed(client, feed, state, settings, publish)
            state.save_validators(feed.url, type(state.validators(feed.url))(), interval=900)
            third = await poll_feed(client, feed, state, settings, publish)

    assert first.outcome == "ok"
    assert first.new_items == 3
    assert first.items_in_feed == 3
    assert first.tally.extraction_failures == {"page_status_4xx": 1}
    assert first.tally.bytes_fetched > 0
    by_url = {a.url: a for a in published}
    story1 = by_url[server.url("/story/1")]
    assert story1.published_at_source == "page"
    assert story1.published_at.isoformat() == "2025-12-20T10:30:00+00:00"
    assert story1.text.count("\n\n") == 1
    assert story1.authors == ["Ann Writer"]
    assert story1.language == "en"
    fallback = by_url[server.url("/story/missing")]
    assert fallback.text == "Only the feed has this text, and it is the fallback."
    assert fallback.published_at_source == "feed"

    assert second.outcome == "not_modified"
    assert second.status == 304
    # Validators cleared: a full GET again, but every item is already seen: published by this
    # feed, so no duplicate of anything (counting them again would grow the counter every poll).
    assert third.outcome == "ok"
    assert third.new_items == 0
    assert third.already_seen == 3
    assert third.duplicates == 0
    assert not third.tally.duplicates
    assert len(published) == 3


async def test_items_are_not_marked_seen_when_publish_fails(
    server: LocalServer, tmp_path: Path
) -> None:
    serve_feed(server)
    settings = make_settings(tmp_path)

    async def broker_down(article: Article) -> None:
        raise ConnectionError("broker unavailable")

    published: list[Article] = []

    async def publish(article: Article) -> None:
        published.append(article)

    feed = FeedConfig(url=server.url("/feed"))
    with FetcherState(settings.state_db) as state:
        async with SafeClient(settings) as client:
            failed = await poll_feed(client, feed, state, settings, broker_down)
            assert state.validators(feed.url).etag is None  # next poll is a full GET
            retried = await poll_feed(client, feed, state, settings, publish)
    assert failed.outcome == "error"
    assert failed.reason == "publish"
    assert retried.new_items == 3
    assert len(published) == 3


async def test_410_disables_the_feed(server: LocalServer, tmp_path: Path) -> None:
    server.routes["/feed"] = lambda h: send(h, 410)
    settings = make_settings(tmp_path)

    async def publish(article: Article) -> None:
        raise AssertionError("nothing to publish")

    feed = FeedConfig(url=server.url("/feed"))
    with FetcherState(settings.state_db) as state:
        async with SafeClient(settings) as client:
            gone = await poll_feed(client, feed, state, settings, publish)
            again = await poll_feed(client, feed, state, settings, publish)
        schedule = state.schedule(feed.url, default_interval=900)
    assert gone.outcome == "disabled"
    assert gone.disabled_reason == "gone"
    assert gone.status_class == "4xx"
    assert again.outcome == "disabled"
    assert schedule.disabled
    assert len(server.requests) == 1


async def test_429_schedules_after_retry_after(server: LocalServer, tmp_path: Path) -> None:
    server.routes["/feed"] = lambda h: send(h, 429, headers={"Retry-After": "3600"})
    settings = make_settings(tmp_path)

    async def publish(article: Article) -> None:
        raise AssertionError("nothing to publish")

    feed = FeedConfig(url=server.url("/feed"))
    with FetcherState(settings.state_db) as state:
        async with SafeClient(settings) as client:
            result = await poll_feed(client, feed, state, settings, publish, now=lambda: 1000.0)
    assert result.outcome == "error"
    assert result.reason == "status_4xx"
    assert result.next_poll_at >= 1000.0 + 3600


async def test_billion_laughs_feed_is_refused_as_content(
    server: LocalServer, tmp_path: Path
) -> None:
    lol = b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title></channel></rss>"""
    server.routes["/feed"] = lambda h: send(h, 200, lol, {"Content-Type": "application/rss+xml"})
    settings = make_settings(tmp_path)

    async def publish(article: Article) -> None:
        raise AssertionError("nothing to publish")

    feed = FeedConfig(url=server.url("/feed"))
    with FetcherState(settings.state_db) as state:
        async with SafeClient(settings) as client:
            result = await poll_feed(client, feed, state, settings, publish)
    assert result.outcome == "error"
    assert result.reason == "hostile_xml"


async def test_fetch_url_reads_a_feed_and_a_page(server: LocalServer, tmp_path: Path) -> None:
    serve_feed(server)
    settings = make_settings(tmp_path)
    async with SafeClient(settings) as client:
        feed = await fetch_url(client, server.url("/feed"), settings=settings)
        one = await fetch_url(client, server.url("/story/2"), settings=settings)
    assert feed.kind == "feed"
    assert feed.feed_title == "Local news"
    assert len(feed.articles) == 3
    assert one.kind == "page"
    assert [a.title for a in one.articles] == ["Story 2"]
    assert one.articles[0].published_at_source == "page"


async def test_fetch_url_skips_what_a_poll_published(server: LocalServer, tmp_path: Path) -> None:
    serve_feed(server)
    settings = make_settings(tmp_path)

    async def publish(article: Article) -> None:
        pass

    with FetcherState(settings.state_db) as state:
        async with SafeClient(settings) as client:
            fresh = await fetch_url(client, server.url("/feed"), settings=settings, state=state)
            await poll_feed(client, FeedConfig(url=server.url("/feed")), state, settings, publish)
            feed = await fetch_url(client, server.url("/feed"), settings=settings, state=state)
            one = await fetch_url(client, server.url("/story/2"), settings=settings, state=state)
    assert (len(fresh.articles), fresh.already_seen) == (3, 0)
    # Every item's link was published: skipped before its page is fetched.
    assert (feed.articles, feed.already_seen) == ([], 3)
    assert not feed.tally.duplicates
    # A page asked for by its URL is read, then found to repeat the published one.
    assert (one.articles, one.already_seen) == ([], 1)
    assert one.tally.duplicates == {"url": 1}
