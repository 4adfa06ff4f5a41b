"""One wire story on two sites' feeds: published once, the second site's URLs recorded."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler
from pathlib import Path

from services.fetcher.feeds_config import FeedConfig
from services.fetcher.fetch import poll_feed
from services.fetcher.safe_http import SafeClient
from services.fetcher.settings import FetcherSettings
from services.fetcher.state import FetcherState
from shared.models import Article
from tests.unit.fetcher.test_near_duplicates import WIRE, boilerplate, byline, edited

from .conftest import LocalServer, send


def site_page(site: str, headline: str, text: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n") if p.strip())
    return f"""<!doctype html><html lang="en"><head><title>{headline} | {site}</title>
<meta property="article:published_time" content="2025-12-20T10:30:00+00:00"></head>
<body><nav><a href="/">{site} home</a></nav><article><h1>{headline}</h1>{paragraphs}</article>
<footer>{site}, all rights reserved</footer></body></html>""".encode()


def site_feed(base: str, site: str, headline: str) -> bytes:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>{site}</title>
<item><title>{headline}</title><link>{base}/{site}/story?utm_source=rss</link>
<pubDate>Sat, 20 Dec 2025 10:30:00 GMT</pubDate><description>Talks in Geneva.</description></item>
</channel></rss>""".encode()


def serve_site(server: LocalServer, site: str, headline: str, text: str) -> None:
    page = site_page(site, headline, text)
    feed = site_feed(server.base, site, headline)
    etag = f'"{site}-v1"'

    def feed_route(h: BaseHTTPRequestHandler) -> None:
        if h.headers.get("If-None-Match") == etag:
            send(h, 304, headers={"ETag": etag})
        else:
            send(h, 200, feed, {"ETag": etag, "Content-Type": "application/rss+xml"})

    server.routes[f"/{site}/feed"] = feed_route
    server.routes[f"/{site}/story"] = lambda h: send(
        h, 200, page, {"Content-Type": "text/html; charset=utf-8"}
    )


async def test_syndicated_story_is_published_once_with_the_other_url_recorded(
    server: LocalServer, tmp_path: Path
) -> None:
    serve_site(server, "herald", "Border talks make progress", WIRE)
    serve_site(
        server, "gazette", "Geneva talks: commission agreed", boilerplate(byline(edited(WIRE)))
    )
    settings = FetcherSettings(
        state_dir=tmp_path, allow_private_addresses=True, per_host_rate=100.0
    )
    published: list[Article] = []

    async def publish(article: Article) -> None:
        published.append(article)

    herald = FeedConfig(url=server.url("/herald/feed"))
    gazette = FeedConfig(url=server.url("/gazette/feed"))
    with FetcherState(settings.state_db) as state:
        async with SafeClient(settings) as client:
            first = await poll_feed(client, herald, state, settings, publish)
            second = await poll_feed(client, gazette, state, settings, publish)
        [story] = published
        aliases = state.aliases(story.id)

    assert first.new_items == 1
    assert story.url == server.url("/herald/story")
    assert second.outcome == "ok"
    assert second.new_items == 0
    assert second.duplicates == 1
    assert second.tally.duplicates == {"near": 1}
    near = {a.url for a in aliases if a.reason == "near"}
    assert server.url("/gazette/story") in near
    assert all(a.similarity is not None and a.similarity >= 0.5 for a in aliases if a.url in near)

    # After a restart, with the gazette feed fetched in full again, its item is known by URL:
    # skipped without fetching the page, and not counted again (it was counted when found).
    with FetcherState(settings.state_db) as state:
        state.save_validators(gazette.url, type(state.validators(gazette.url))(), interval=900)
        page_requests_before = sum(1 for path, _ in server.requests if path == "/gazette/story")
        async with SafeClient(settings) as client:
            third = await poll_feed(client, gazette, state, settings, publish)
    page_requests_after = sum(1 for path, _ in server.requests if path == "/gazette/story")
    assert third.outcome == "ok"
    assert third.new_items == 0
    assert third.already_seen == 1
    assert not third.tally.duplicates
    assert page_requests_after == page_requests_before
    assert len(published) == 1
