"""`newsflow search`: the search API on the command line, a page at a time or all of it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
from rich.console import Console

from services.cli.output import one_line, plural, print_articles, print_events
from services.cli.settings import CliSettings
from shared.settings import load

# A search is an interactive request; anything slower than this means the API is unwell.
TIMEOUT_SECONDS = 30.0
# A page a person reads in a terminal.
DEFAULT_PAGE_SIZE = 20
# Page size of `--all`: the API's largest page, so a script makes the fewest requests.
ALL_PAGE_SIZE = 100


class SearchFailed(Exception):
    """The API could not be reached or refused the request; `code` is the exit status."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class Api:
    url: str
    client: httpx.Client

    def page(self, params: dict[str, str]) -> dict[str, Any]:
        try:
            response = self.client.get(self.url, params=params, timeout=TIMEOUT_SECONDS)
        except httpx.HTTPError as exc:
            raise SearchFailed(
                f"cannot reach the search API at {self.url} ({type(exc).__name__}); start it "
                "with `newsflow up`, or set NEWSFLOW_API_URL (or NEWSFLOW_API_PORT)",
                3,
            ) from None
        if response.status_code >= 400:
            raise SearchFailed(_error_line(response), 2 if response.status_code < 500 else 1)
        body: dict[str, Any] = response.json()
        return body


def _error_line(response: httpx.Response) -> str:
    """The API's error as one line: its message (which names the parameter), then the status."""
    try:
        body = response.json()
    except ValueError:
        body = None
    message = body.get("message") if isinstance(body, dict) else None
    if not message and isinstance(body, dict) and "detail" in body:
        message = json.dumps(body["detail"])
    text = one_line(message or response.text or response.reason_phrase)
    return f"{text} (HTTP {response.status_code})"


def pages(api: Api, params: dict[str, str]) -> Iterator[dict[str, Any]]:
    """Every page of a search, following `next_cursor`; facets only on the first."""
    body = api.page(params)
    yield body
    while body.get("next_cursor"):
        body = api.page({**params, "cursor": body["next_cursor"], "facets": "false"})
        yield body


def heading(kind: str, shown: int, total: int | None, exact: bool = True) -> str:
    """ "3 of 201 articles", "2 events", "0 articles", "20 of over 1,000 articles" (the API
    counts up to 1,001: `total_exact` false)."""
    noun = kind[:-1]
    if not exact and total is not None:
        return f"{shown} of over {plural(total - 1, noun)}"
    if total is None or total == shown:
        return plural(shown, noun)
    return f"{shown} of {plural(total, noun)}"


def run_search(params: dict[str, str], *, as_json: bool, every_page: bool) -> int:
    settings = load(CliSettings)
    err = Console(stderr=True)
    kind = params.get("type", "articles")
    default = ALL_PAGE_SIZE if every_page else DEFAULT_PAGE_SIZE
    params = {**params, "limit": params.get("limit", str(default))}
    with httpx.Client() as client:
        api = Api(settings.search_api + "/v1/search", client)
        try:
            if as_json:
                # One API body per line: exactly what the API returned, page after page.
                for body in pages(api, params) if every_page else [api.page(params)]:
                    print(json.dumps(body, ensure_ascii=False))
                return 0
            bodies = list(pages(api, params)) if every_page else [api.page(params)]
        except SearchFailed as exc:
            err.print(f"newsflow: {exc}", soft_wrap=True, markup=False, highlight=False)
            return exc.code
    results = [hit for body in bodies for hit in body.get("results", [])]
    first, last = bodies[0], bodies[-1]
    out = Console()
    title = heading(kind, len(results), first.get("total"), first.get("total_exact", True))
    understood = (first.get("query") or {}).get("q_understood")
    if understood and " ".join(params.get("q", "").split()) != understood:
        title += f" for {understood}"
    if kind == "events":
        print_events(out, title, results)
    else:
        print_articles(out, title, results)
    if last.get("next_cursor"):
        # The token on a line of its own: whole, to be copied, however narrow the terminal.
        err.print("next page (or --all for every page):", markup=False, highlight=False)
        err.print(f"--cursor {last['next_cursor']}", soft_wrap=True, markup=False, highlight=False)
    return 0
