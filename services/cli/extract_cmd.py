"""`newsflow extract`: the extractor on local text, without Kafka.

`--jsonl` streams: it reads, extracts and writes one batch (NEWSFLOW_EXTRACTOR_BATCH_SIZE
lines) at a time, in input order, so its memory does not grow with the file. A bad line stops
it there, after the articles before it were written (exit status 2).
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
    records_from_lines,
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


def articles_from_jsonl(path: Path) -> Iterator[Article]:
    """The file's articles as its lines are read (a JSON array, one document, is read whole)."""
    try:
        with path.open(encoding="utf-8-sig") as handle:
            # Read up to the first line with text, without seeking: the file may be a pipe.
            head: list[str] = []
            for line in handle:
                head.append(line)
                if line.strip():
                    break
            lines = itertools.chain(head, handle)
            records: Iterator[tuple[int, dict[str, Any]]]
            if head and head[-1].lstrip().startswith("["):
                records = enumerate(records_from_json("".join(lines).encode(), path.name), 1)
            else:
                records = records_from_lines(lines, path.name)
            for number, obj in records:
                loose = loose_from_record(obj, f"{path}:{number}")
                if loose.published_at is None:
                    raise InputError(f"{path}:{number}: published_at is required")
                yield build_article(loose, default_published=None)
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 ({exc.reason})") from exc


def _batches(articles: Iterator[Article], size: int) -> Iterator[list[Article]]:
    while batch := list(itertools.islice(articles, size)):
        yield batch


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
    """Print what the extractor found, batch by batch; the exit status is 1 when an article
    failed (its empty result is printed all the same, and the log says why), else 0."""
    articles: Iterator[Article] = (
        articles_from_jsonl(jsonl) if jsonl else iter([article_from_file(file, published)])  # type: ignore[arg-type]
    )
    first = list(itertools.islice(articles, 1))  # a missing or bad file fails before the model
    settings = load(ExtractorSettings)
    extractor = process_extractor(settings)
    console = Console()
    failed: list[str] = []
    total = 0
    for batch in _batches(itertools.chain(first, articles), settings.batch_size):
        extractions = extractor.run(batch)
        total += len(extractions)
        for extraction in extractions:
            if as_json:
                sys.stdout.write(extraction.enriched.model_dump_json() + "\n")
            else:
                article = extraction.enriched.article
                rows = summary(extraction.enriched)
                print_rows(console, article.title or article.id, ("kind", "value", "detail"), rows)
        sys.stdout.flush()
        failed.extend(e.stats.article_id for e in extractions if e.stats.outcome == "error")
    if failed:
        sys.stderr.write(
            f"extraction failed for {len(failed)} of {plural(total, 'article')}: "
            f"{', '.join(failed[:5])}{' ...' if len(failed) > 5 else ''} (the log says why)\n"
        )
        return 1
    return 0
