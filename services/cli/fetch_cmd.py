"""`newsflow fetch URL...`: fetch as the fetcher would and print the articles."""

from __future__ import annotations

import sys

from rich.console import Console

from services.cli.output import plural, print_rows
from services.fetcher.errors import FetchError
from services.fetcher.fetch import fetch_url
from services.fetcher.safe_http import SafeClient
from services.fetcher.settings import FetcherSettings
from shared.settings import load


async def run_fetch(urls: list[str], *, allow_private: bool, as_json: bool) -> int:
    settings = load(FetcherSettings)
    if allow_private:
        settings = settings.model_copy(update={"allow_private_addresses": True})
    err = Console(stderr=True)
    failed = 0
    rows: list[list[str]] = []
    async with SafeClient(settings) as client:
        for url in urls:
            try:
                outcome = await fetch_url(client, url, settings=settings)
            except FetchError as exc:
                failed += 1
                err.print(
                    f"newsflow: {url}: refused or failed ({exc.reason}): {exc}",
                    soft_wrap=True,
                    markup=False,
                    highlight=False,
                )
                continue
            for article in outcome.articles:
                if as_json:
                    sys.stdout.write(article.model_dump_json() + "\n")
                    sys.stdout.flush()
                else:
                    rows.append(
                        [
                            article.published_at.date().isoformat(),
                            article.title,
                            article.source,
                            str(len(article.text.split())),
                            article.url,
                        ]
                    )
    if not as_json:
        columns = ("published", "title", "source", "words", "url")
        print_rows(Console(), plural(len(rows), "article"), columns, rows, whole=4)
    return 1 if failed else 0
