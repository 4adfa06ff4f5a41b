"""A loopback news site: an RSS feed with article pages, for `newsflow up --demo` and the tests.

The demo articles (articles.json) are original text written by the Newsflow team, with
real-world-style actors, places and relative dates, so the whole flow runs with no internet.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class DemoArticle:
    slug: str
    title: str
    author: str
    published_at: dt.datetime
    paragraphs: tuple[str, ...]


def load_demo_articles(now: dt.datetime | None = None) -> list[DemoArticle]:
    """The bundled demo articles, dated relative to `now` (so "on Monday" stays plausible)."""
    now = now or dt.datetime.now(dt.UTC)
    raw = json.loads(resources.files(__package__).joinpath("articles.json").read_text("utf-8"))
    # An hour ago, so "today's" article is never in the future (the fetcher rejects those).
    base = now.replace(minute=0, second=0, microsecond=0) - dt.timedelta(hours=1)
    return [
        DemoArticle(
            slug=item["slug"],
            title=item["title"],
            author=item["author"],
            published_at=base - dt.timedelta(days=int(item["days_ago"])),
            paragraphs=tuple(item["paragraphs"]),
        )
        for item in raw
    ]


def render_page(article: DemoArticle) -> str:
    """An article page with the usual boilerplate around the main text, as real sites have."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in article.paragraphs)
    iso = article.published_at.isoformat()
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(article.title)} | Demo News</title>
<meta name="author" content="{html.escape(article.author)}">
<meta property="article:published_time" content="{iso}">
</head><body>
<header><nav><a href="/">Home</a> | <a href="/world">World</a></nav></header>
<main><article>
<h1>{html.escape(article.title)}</h1>
<p class="byline">By {html.escape(article.author)} · <time datetime="{iso}">{iso[:10]}</time></p>
{body}
</article></main>
<footer><p>© Demo News. All rights reserved. <a href="/privacy">Privacy</a></p></footer>
</body></html>"""


def render_feed(base_url: str, articles: Sequence[DemoArticle]) -> str:
    items = "\n".join(
        f"""<item><title>{html.escape(a.title)}</title>
<link>{base_url}/articles/{a.slug}.html</link>
<guid>{base_url}/articles/{a.slug}.html</guid>
<pubDate>{format_datetime(a.published_at)}</pubDate>
<description>{html.escape(a.paragraphs[0])}</description></item>"""
        for a in articles
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Demo News</title><link>{base_url}/</link>
<description>Newsflow demo feed</description>
{items}
</channel></rss>"""


class DemoSite:
    """Serves /feed.xml and /articles/<slug>.html on a loopback port, in a thread."""

    def __init__(self, articles: Sequence[DemoArticle], host: str = "127.0.0.1", port: int = 0):
        self.articles = list(articles)
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site._serve(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # the demo's access log would drown the events table

        self.server = ThreadingHTTPServer((host, port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def feed_url(self) -> str:
        return f"{self.base_url}/feed.xml"

    def add(self, article: DemoArticle) -> None:
        self.articles.append(article)

    def _serve(self, request: BaseHTTPRequestHandler) -> None:
        path = request.path.split("?", 1)[0]
        pages = {f"/articles/{a.slug}.html": a for a in self.articles}
        if path == "/feed.xml":
            body, ctype = render_feed(self.base_url, self.articles), "application/rss+xml"
        elif path in pages:
            body, ctype = render_page(pages[path]), "text/html"
        else:
            request.send_error(404)
            return
        data = body.encode("utf-8")
        request.send_response(200)
        request.send_header("Content-Type", f"{ctype}; charset=utf-8")
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        request.wfile.write(data)

    def start(self) -> DemoSite:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
