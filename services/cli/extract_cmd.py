"""`newsflow extract`: the extractor on local text, without Kafka."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console

from services.cli.inputs import (
    InputError,
    as_utc,
    build_article,
    decode_text,
    loose_from_record,
    loose_from_text_file,
    parse_when,
    records_from_json,
)
from services.cli.output import plural, print_rows
from services.extractor.pipeline import process_extractor
from services.extractor.settings import ExtractorSettings
from shared.models import Article, EnrichedArticle
from shared.settings import load


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror}") from exc


def articles_from_jsonl(path: Path) -> list[Article]:
    articles = []
    for number, obj in enumerate(records_from_json(_read(path), path.name), 1):
        loose = loose_from_record(obj, f"{path}:{number}")
        if loose.published_at is None:
            raise InputError(f"{path}:{number}: published_at is required")
        articles.append(build_article(loose, default_published=None))
    return articles


def article_from_file(path: Path, published: str | None) -> Article:
    raw = decode_text(_read(path), str(path))
    loose, header_date = loose_from_text_file(raw)
    when = parse_when(published) if published else (as_utc(header_date) if header_date else None)
    return build_article(loose, default_published=when)


def summary(enriched: EnrichedArticle) -> list[list[str]]:
    """One row (kind, value, detail) per actor, place, time and event found."""
    table: list[list[str]] = []
    for entity in enriched.entities:
        table.append(
            [
                "actor",
                entity.name,
                f"{entity.kind} {entity.country_code or ''} {entity.agent or ''} "
                f"×{len(entity.mentions)}",
            ]
        )
    for place in enriched.places:
        where = (
            f"{place.lat:.2f},{place.lon:.2f}"
            if place.lat is not None and place.lon is not None
            else "?"
        )
        table.append(["place", place.name, f"{place.kind} {place.country_code or ''} {where}"])
    for time in enriched.times:
        table.append(["time", time.text, f"{time.type} {time.value}"])
    for event in enriched.events:
        who, whom = ", ".join(event.sources) or "-", ", ".join(event.targets) or "-"
        when = event.date.value if event.date else "?"
        table.append(
            [
                "event",
                f"{who} {event.trigger} {whom}",
                f"{event.type} {when} {', '.join(event.places)}",
            ]
        )
    return table


def run_extract(
    *, file: Path | None, jsonl: Path | None, published: str | None, as_json: bool
) -> int:
    """Print what the extractor found; the exit status is 1 when an article failed (its
    empty result is printed all the same, and the log says why), else 0."""
    articles = articles_from_jsonl(jsonl) if jsonl else [article_from_file(file, published)]  # type: ignore[arg-type]
    settings = load(ExtractorSettings)
    extractor = process_extractor(settings)
    extractions = extractor.run(articles)
    if as_json:
        for extraction in extractions:
            sys.stdout.write(extraction.enriched.model_dump_json() + "\n")
    else:
        console = Console()
        for extraction in extractions:
            article = extraction.enriched.article
            rows = summary(extraction.enriched)
            print_rows(console, article.title or article.id, ("kind", "value", "detail"), rows)
    failed = [e.stats.article_id for e in extractions if e.stats.outcome == "error"]
    if failed:
        sys.stderr.write(
            f"extraction failed for {len(failed)} of {plural(len(extractions), 'article')}: "
            f"{', '.join(failed[:5])}{' ...' if len(failed) > 5 else ''} (the log says why)\n"
        )
        return 1
    return 0
