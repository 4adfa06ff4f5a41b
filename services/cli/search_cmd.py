"""`newsflow search`: the search API on the command line."""

from __future__ import annotations

import json
from typing import Any

import httpx
from rich.console import Console
from rich.table import Table

from services.cli.settings import CliSettings
from shared.settings import load

# A search is an interactive request; anything slower than this means the API is unwell.
TIMEOUT_SECONDS = 30.0


def _when(value: Any) -> str:
    return str(value or "")[:10]


def results_table(kind: str, results: list[dict[str, Any]]) -> Table:
    table = Table(title=f"{len(results)} {kind}")
    if kind == "events":
        for column in ("when", "who", "what", "whom", "where", "title"):
            table.add_column(column)
        for r in results:
            date = r.get("date") or {}
            table.add_row(
                str(date.get("value", "")),
                ", ".join(r.get("sources") or []) or "-",
                f"{r.get('trigger', '')} ({r.get('type') or 'untyped'})",
                ", ".join(r.get("targets") or []) or "-",
                ", ".join(r.get("places") or []) or "-",
                str(r.get("title", "")),
            )
    else:
        for column in ("published", "title", "source", "url"):
            table.add_column(column)
        for r in results:
            table.add_row(
                _when(r.get("published_at")),
                str(r.get("title", "")),
                str(r.get("source", "")),
                str(r.get("url", "")),
            )
    return table


def run_search(params: dict[str, str], *, as_json: bool) -> int:
    settings = load(CliSettings)
    url = settings.api_url.rstrip("/") + "/v1/search"
    console = Console(stderr=True)
    try:
        response = httpx.get(url, params=params, timeout=TIMEOUT_SECONDS)
    except httpx.HTTPError as exc:
        console.print(
            f"newsflow: cannot reach the search API at {url} ({exc}); is `newsflow up` running?"
        )
        return 3
    if response.status_code >= 400:
        try:
            detail = response.json().get("detail", response.text)
        except ValueError:
            detail = response.text
        text = detail if isinstance(detail, str) else json.dumps(detail)
        console.print(f"newsflow: search failed ({response.status_code}): {text}")
        return 2 if response.status_code < 500 else 1
    body = response.json()
    if as_json:
        print(json.dumps(body, ensure_ascii=False))
        return 0
    Console().print(results_table(params.get("type", "articles"), body.get("results", [])))
    return 0
