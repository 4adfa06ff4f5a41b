"""`newsflow ingest PATH`: publish local text, HTML and JSON files as articles (backfills)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from services.cli.inputs import (
    InputError,
    LooseArticle,
    as_utc,
    build_article,
    iter_files,
    loose_from_record,
    loose_from_text_file,
    parse_when,
    records_from_json,
)
from services.fetcher.pages import extract_page
from shared import topics
from shared.kafka import ensure_topics, make_broker, publish_all
from shared.models import Article
from shared.settings import NewsflowSettings, load

# Articles sent per acknowledged round trip: big enough to batch, small enough to show progress.
PUBLISH_CHUNK = 100


def articles_from_file(path: Path, published: dt.datetime | None) -> list[Article]:
    """The articles one local file holds (a JSON file may hold many)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror}") from exc
    uri = path.resolve().as_uri()
    suffix = path.suffix.lower()
    if suffix in (".json", ".jsonl"):
        out = []
        for number, obj in enumerate(records_from_json(data, path.name), 1):
            loose = loose_from_record(obj, f"{path}:{number}")
            out.append(
                build_article(loose, default_published=published, fallback_url=f"{uri}#{number}")
            )
        return out
    text = data.decode("utf-8", errors="replace")
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


async def run_ingest(path: Path, published: str | None) -> int:
    when = parse_when(published) if published else None
    files = list(iter_files(path))
    if not files:
        raise InputError(f"{path}: no .txt, .html or .json files")
    console = Console(stderr=True)
    articles: list[Article] = []
    failed = 0
    for file in files:
        try:
            articles.extend(articles_from_file(file, when))
        except InputError as exc:
            failed += 1
            console.print(f"newsflow: skipped {exc}")
    settings = load(NewsflowSettings)
    await ensure_topics(settings)
    broker = make_broker(settings, service="ingest")
    await broker.connect()
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
        f"published {len(articles)} articles to {topics.ARTICLES}"
        + (f"; {failed} files skipped" if failed else "")
    )
    return 1 if failed else 0
