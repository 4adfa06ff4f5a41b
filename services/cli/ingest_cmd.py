"""`newsflow ingest PATH`: publish local text, HTML and JSON files as articles (backfills)."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from pathlib import Path

import httpx
from rich.console import Console
from rich.progress import Progress

from services.cli.inputs import (
    SUFFIXES,
    InputError,
    LooseArticle,
    as_utc,
    build_article,
    decode_text,
    iter_files,
    loose_from_record,
    loose_from_text_file,
    parse_when,
    records_from_json,
)
from services.cli.output import duration, plural
from services.cli.settings import CliSettings
from services.fetcher.pages import extract_page
from shared import topics
from shared.kafka import ensure_topics, make_broker, publish_all
from shared.models import Article
from shared.settings import NewsflowSettings, load

# Articles sent per acknowledged round trip: big enough to batch, small enough to show progress.
PUBLISH_CHUNK = 100
# `--wait`: the pipeline takes seconds per batch once spaCy is loaded; ten minutes covers a
# large backfill on a laptop, and anything slower is a stuck pipeline worth a message.
WAIT_SECONDS = 600.0
WAIT_POLL_SECONDS = 0.5
# Clocks of this machine's processes agree; a second covers timestamps' rounding.
CLOCK_SLACK = dt.timedelta(seconds=1)


def articles_from_file(path: Path, published: dt.datetime | None) -> list[Article]:
    """The articles one local file holds (a JSON file may hold many); `InputError` says why a
    file gives none (its type, binary content, malformed JSON, no text)."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        kinds = ", ".join(sorted(SUFFIXES))
        raise InputError(f"{path}: unsupported type {suffix or '(none)'}; ingest reads {kinds}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror}") from exc
    uri = path.resolve().as_uri()
    if suffix in (".json", ".jsonl"):
        out = []
        for number, obj in enumerate(records_from_json(data, str(path)), 1):
            loose = loose_from_record(obj, f"{path}:{number}")
            out.append(
                build_article(loose, default_published=published, fallback_url=f"{uri}#{number}")
            )
        return out
    text = decode_text(data, str(path))
    if suffix in (".html", ".htm"):
        page = extract_page(text, url=uri)
        if not page.text.strip():
            raise InputError(f"{path}: no main text found in the page")
        loose = LooseArticle(
            text=page.text,
            title=page.title,
            authors=list(page.authors),
            language=page.language,
            published_at=page.published if published is None else None,
        )
        return [
            build_article(
                loose,
                default_published=published,
                published_source="page" if published is None else "given",
                fallback_url=uri,
            )
        ]
    loose, header_date = loose_from_text_file(text)
    if not loose.text.strip():
        raise InputError(f"{path}: empty text")
    when = published or (as_utc(header_date) if header_date else None)
    return [build_article(loose, default_published=when, fallback_url=uri)]


async def run_ingest(path: Path, published: str | None, *, wait: bool = False) -> int:
    """Publish the articles of PATH; exit status 1 when a file was skipped or (with `wait`)
    an article did not become searchable in time, 3 when Kafka or the API is away."""
    when = parse_when(published) if published else None
    files = list(iter_files(path))
    if not files:
        raise InputError(f"{path}: no files")
    console = Console(stderr=True)
    articles: list[Article] = []
    skipped = 0
    for file in files:
        try:
            articles.extend(articles_from_file(file, when))
        except InputError as exc:
            skipped += 1
            console.print(f"newsflow: skipped {exc}", soft_wrap=True, markup=False, highlight=False)
    skipped_note = f"; skipped {plural(skipped, 'file')}" if skipped else ""
    if not articles:
        console.print(f"nothing to publish{skipped_note}", highlight=False)
        return 1
    settings = load(NewsflowSettings)
    await ensure_topics(settings)
    broker = make_broker(settings, service="ingest")
    await broker.connect()
    started = time.monotonic()
    published_at = dt.datetime.now(dt.UTC)
    try:
        with Progress(console=console, transient=True) as progress:
            task = progress.add_task("publishing", total=len(articles))
            for start in range(0, len(articles), PUBLISH_CHUNK):
                chunk = articles[start : start + PUBLISH_CHUNK]
                await publish_all(
                    broker, [(topics.ARTICLES, a.id, a.model_dump_json().encode()) for a in chunk]
                )
                progress.advance(task, len(chunk))
    finally:
        await broker.stop()
    console.print(
        f"published {plural(len(articles), 'article')} to {topics.ARTICLES}{skipped_note}",
        highlight=False,
    )
    code = 1 if skipped else 0
    if wait:
        code = max(code, await wait_searchable(articles, published_at, started, console))
    return code


async def wait_searchable(
    articles: list[Article], published_at: dt.datetime, started: float, console: Console
) -> int:
    """Wait until the index holds every article as extracted after `published_at`, asking the
    search API; say how long it took, or how many are missing after `WAIT_SECONDS`."""
    api = load(CliSettings).search_api
    pending = {a.id for a in articles}
    deadline = started + WAIT_SECONDS
    async with httpx.AsyncClient(base_url=api, timeout=10.0) as client:
        with Progress(console=console, transient=True) as progress:
            task = progress.add_task("indexing", total=len(articles))
            while pending and time.monotonic() < deadline:
                for article_id in sorted(pending):
                    try:
                        response = await client.get(f"/v1/articles/{article_id}")
                    except httpx.HTTPError as exc:
                        console.print(
                            f"newsflow: cannot ask the search API at {api} whether the articles "
                            f"are searchable ({type(exc).__name__}); is `newsflow up` running?",
                            soft_wrap=True,
                            highlight=False,
                        )
                        return 3
                    if response.status_code != 200:
                        continue  # not indexed yet (or dead-lettered: the others still count)
                    extracted = dt.datetime.fromisoformat(response.json()["extracted_at"])
                    if extracted < published_at - CLOCK_SLACK:
                        continue  # an earlier ingest of the same text; this one is on its way
                    pending.discard(article_id)
                    progress.advance(task)
                if pending:
                    await asyncio.sleep(WAIT_POLL_SECONDS)
    took = duration(time.monotonic() - started)
    if pending:
        console.print(
            f"{len(articles) - len(pending)} of {plural(len(articles), 'article')} searchable "
            f"after {took}; the rest may be in the dead-letter topic (`newsflow dlq list`)",
            highlight=False,
        )
        return 1
    console.print(f"{plural(len(articles), 'article')} searchable {took} after publishing")
    return 0
