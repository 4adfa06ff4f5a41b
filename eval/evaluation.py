"""`make eval`: score the time-expression tagger against gold data and the recorded floors.

Five readings are scored:
- TimeBank + AQUAINT (TempEval-3's TBAQ-cleaned, in ../shared; never copied here): strict
  and relaxed span F1, type and value F1, as TempEval-3 Task A computes them;
- the same documents' event gold (`events`): the share of our events that are reportable
  happenings, and the share of our TLINK-dated events whose date is right;
- persons, organisations and places on the hand-made gold of `eval/gold/mentions.jsonl`
  (`mentions`), beside bare spaCy on the same texts, and the countries and places of its
  place mentions (`places`, `eval/gold/places.jsonl`);
- the seed article (../shared/samples): the dates DESIGN.md says a right reading finds, and
  its people, places and the Florida talks (`seed_reading`).

The scores are compared with eval/floors.json; the exit status is 1 when any falls below its
floor, 2 when the gold material is missing. Run: `python -m eval.evaluation`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

from eval.events import EventCounts, evaluate_events
from eval.heldout import heldout_figures
from eval.mentions import GOLD as MENTION_GOLD
from eval.mentions import LABELS, MentionReading, evaluate_mentions, read_gold
from eval.model import MODEL, load_extractor
from eval.places import GOLD as PLACE_GOLD
from eval.places import PlaceCounts, evaluate_places
from eval.places import read_gold as read_place_gold
from eval.seed_reading import Check, check_reading

if TYPE_CHECKING:
    from services.extractor.pipeline import Extractor

from eval.texts import SHARED, TIMEML, MissingMaterial
from eval.timeml import Counts, Document, Tagged, read_timeml, score
from services.extractor.timex.tagger import find_times

REPO = Path(__file__).resolve().parents[1]
CORPUS = TIMEML
SEED_ARTICLE = SHARED / "samples" / "seed-article.txt"
FLOORS = REPO / "eval" / "floors.json"
# Documents per spaCy batch: large enough to amortise, small enough for 2 cores' memory.
_BATCH = 16
# The subset scored by the unit test: every SUBSET_STEP-th document keeps it under a minute.
SUBSET_STEP = 4

SEED_PUBLISHED = dt.datetime(2025, 12, 20, tzinfo=dt.UTC)
# The dateline the sample carries in front of its text.
SEED_PREFIX = " date 2025-12-20 "
# DESIGN.md's right reading of the seed article: (expression, TIMEX3 value).
SEED_EXPECTED: tuple[tuple[str, str], ...] = (
    ("Saturday", "2025-12-20"),
    ("Friday", "2025-12-19"),
    ("February 2022", "2022-02"),
    ("June 2024", "2024-06"),
    ("this month", "2025-12"),
    ("nearly four years", "P4Y"),
    ("earlier this week", "2025-W51"),
    ("the end of the year", "2025"),
)


@dataclass(frozen=True)
class SeedCheck:
    expression: str
    expected: str
    found: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return bool(self.found) and all(value == self.expected for value in self.found)


def load_corpus(root: Path = CORPUS) -> dict[str, list[Document]]:
    """The TimeML documents under `root`, by sub-corpus folder (TimeBank, AQUAINT)."""
    if not root.is_dir():
        raise MissingMaterial(f"{root} is absent; it lives in ../shared and is never copied")
    corpora: dict[str, list[Document]] = {}
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        files = sorted(folder.glob("*.tml"))
        corpora[folder.name] = [read_timeml(f.name, f.read_text(encoding="utf-8")) for f in files]
    return corpora


def subset(documents: Sequence[Document], step: int = SUBSET_STEP) -> list[Document]:
    """A fixed, evenly spread share of `documents`: every `step`-th in name order."""
    return list(documents[::step])


def tag(nlp: Any, documents: Sequence[Document]) -> list[list[Tagged]]:
    """The tagger's expressions for each document, anchored at its creation time."""
    anchors = [dt.datetime.combine(d.creation_time, dt.time(12), tzinfo=dt.UTC) for d in documents]
    tagged = []
    for doc, anchor in zip(
        nlp.pipe((d.text for d in documents), batch_size=_BATCH), anchors, strict=True
    ):
        times = find_times(doc, anchor)
        tagged.append(
            [
                Tagged(t.start or 0, t.end or 0, t.type, t.value)
                for t in times
                if t.start is not None
            ]
        )
    return tagged


def evaluate(nlp: Any, documents: Sequence[Document]) -> Counts:
    """TempEval-3 tallies of the tagger over `documents`."""
    total = Counts()
    for document, system in zip(documents, tag(nlp, documents), strict=True):
        total.add(score(document.gold, system, document.name))
    return total


def seed_reading(nlp: Any, text: str) -> list[SeedCheck]:
    """Each expected seed-article date: the values the tagger gave every such expression."""
    times = find_times(nlp(text.removeprefix(SEED_PREFIX)), SEED_PUBLISHED)
    return [
        SeedCheck(expr, value, tuple(t.value for t in times if t.text == expr))
        for expr, value in SEED_EXPECTED
    ]


def full_seed_reading(extractor: Extractor, text: str) -> list[Check]:
    """The people, places and the Florida talks of DESIGN.md, from the whole extractor."""
    from services.cli.textfile import split_date_header

    _, body = split_date_header(text)
    return check_reading(extractor.extract_one(body, SEED_PUBLISHED))


def below_floors(scores: dict[str, dict[str, float]], floors: dict[str, Any]) -> list[str]:
    """The scores under their floors, as messages; a floor whose score is missing counts."""
    failures = []
    for reading, wanted in floors.items():
        if reading.startswith("_"):
            continue
        for name, floor in wanted.items():
            achieved = scores.get(reading, {}).get(name)
            if achieved is None:
                failures.append(f"{reading}.{name}: not measured (floor {floor})")
            elif achieved < floor:
                failures.append(f"{reading}.{name}: {achieved:.4f} < floor {floor}")
    return failures


def _table(rows: Iterable[tuple[str, Counts]]) -> Table:
    table = Table(title="Time expressions (TempEval-3 Task A)")
    table.add_column("corpus")
    for column in ("gold", "system", "strict P", "strict R", "strict F1", "relaxed F1"):
        table.add_column(column, justify="right")
    for column in ("type F1", "value acc", "value F1"):
        table.add_column(column, justify="right")
    for name, counts in rows:
        s = counts.scores()
        table.add_row(
            name,
            str(counts.gold),
            str(counts.system),
            *(
                f"{s[key]:.3f}"
                for key in (
                    "strict_precision",
                    "strict_recall",
                    "strict_f1",
                    "relaxed_f1",
                    "type_f1",
                    "value_accuracy",
                    "value_f1",
                )
            ),
        )
    return table


def _print_errors(console: Console, corpora: dict[str, list[Document]], counts: Counts) -> None:
    texts = {d.name: d.text for docs in corpora.values() for d in docs}
    for name, gold, system in counts.errors:
        text = texts[name]
        g = f"{text[gold.start : gold.end]!r} {gold.type} {gold.value}" if gold else "-"
        p = f"{text[system.start : system.end]!r} {system.type} {system.value}" if system else "-"
        sys.stdout.write(f"{name}\tgold {g}\tsystem {p}\n")


def _events_table(counts: EventCounts) -> Table:
    table = Table(title="Events against the TimeML event gold (eval/events.py)")
    for column in (
        "events",
        "trigger a gold event",
        "reportable share",
        "TLINK-dated",
        "date right",
    ):
        table.add_column(column, justify="right")
    s = counts.scores()
    table.add_row(
        str(counts.events),
        f"{s['trigger_in_gold']:.3f}",
        f"{s['reportable_share']:.3f}",
        str(counts.linked),
        f"{s['tlink_date_accuracy']:.3f}",
    )
    return table


def _mentions_table(reading: MentionReading) -> Table:
    table = Table(title=f"Mentions against the hand-made gold ({reading.documents} documents)")
    table.add_column("system")
    for column in ("micro F1", *(f"{label} F1" for label in LABELS)):
        table.add_column(column, justify="right")
    for name, counts in (("bare spaCy", reading.bare), ("Newsflow", reading.ours)):
        table.add_row(name, f"{counts.f1():.3f}", *(f"{counts.f1(label):.3f}" for label in LABELS))
    return table


def _print_event_errors(counts: EventCounts) -> None:
    for reason, number in counts.kinds.most_common():
        sys.stdout.write(f"not reportable\t{reason}\t{number}\n")
    for name, trigger, value, source, gold, sentence in counts.misses:
        sys.stdout.write(f"{name}\tdate {trigger!r} {value} ({source})\tgold {gold}\t{sentence}\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="TBAQ-cleaned folder")
    parser.add_argument("--floors", type=Path, default=FLOORS, help="floors JSON file")
    parser.add_argument("--subset", action="store_true", help="score the unit test's subset")
    parser.add_argument("--errors", action="store_true", help="list every mismatch")
    args = parser.parse_args(argv)
    # Wide enough for the table's ten columns when piped to a file or CI log.
    console = Console(width=140) if not sys.stdout.isatty() else Console()
    try:
        corpora = load_corpus(args.corpus)
        seed_text = SEED_ARTICLE.read_text(encoding="utf-8")
    except (MissingMaterial, FileNotFoundError) as missing:
        console.print(f"[red]{missing}[/red]")
        return 2
    if args.subset:
        corpora = {name: subset(docs) for name, docs in corpora.items()}
    extractor = load_extractor()
    nlp = extractor.nlp
    rows = [(name, evaluate(nlp, docs)) for name, docs in corpora.items()]
    total = Counts()
    for _, counts in rows:
        total.add(counts)
    rows.append(("all", total))
    console.print(_table(rows))
    checks = seed_reading(nlp, seed_text)
    for check in checks:
        mark = "[green]pass[/green]" if check.passed else "[red]FAIL[/red]"
        console.print(f"seed {mark} {check.expression!r} -> {check.expected} (got {check.found})")
    documents = [d for docs in corpora.values() for d in docs]
    event_counts = evaluate_events(extractor, documents)
    console.print(_events_table(event_counts))
    mention_reading: MentionReading | None = None
    if MENTION_GOLD.is_file():
        import spacy  # deferred like load_extractor

        # The stock pipeline, without our repairs: what the extractor is compared with.
        mention_reading = evaluate_mentions(extractor, spacy.load(MODEL), read_gold(MENTION_GOLD))
        console.print(_mentions_table(mention_reading))
        for stale in mention_reading.stale:
            console.print(f"[red]gold text changed, left out[/red] {stale}")
    place_counts: PlaceCounts | None = None
    if PLACE_GOLD.is_file() and mention_reading is not None:
        place_counts = evaluate_places(read_place_gold(PLACE_GOLD), mention_reading.extracted)
        p = place_counts.scores()
        console.print(
            f"Places against the hand-made gold: {place_counts.gold} places, "
            f"found {p['found']:.3f}, right country {p['country_accuracy']:.3f} "
            f"({place_counts.country_right}/{place_counts.with_country}), right place "
            f"{p['place_accuracy']:.3f} ({place_counts.id_right}/{place_counts.with_id})"
        )
    heldout = heldout_figures(extractor)
    if heldout is not None:
        console.print(
            "Held-out events, hand-judged (eval/judged/): "
            + ", ".join(f"{k} {v}" for k, v in heldout.items())
        )
    reading = full_seed_reading(extractor, seed_text)
    for item in reading:
        mark = "[green]pass[/green]" if item.passed else "[red]FAIL[/red]"
        console.print(f"seed {mark} {item.name} ({item.detail})")
    if args.errors:
        _print_errors(console, corpora, total)
        _print_event_errors(event_counts)
    key = "timeml_subset" if args.subset else "timeml"
    scores = {
        key: {k: round(v, 4) for k, v in total.scores().items()},
        f"{key}_events": {k: round(v, 4) for k, v in event_counts.scores().items()},
        "places": (
            {k: round(v, 4) for k, v in place_counts.scores().items()}
            if place_counts is not None
            else {}
        ),
        "mentions": (
            {k: round(v, 4) for k, v in mention_reading.scores().items()}
            if mention_reading is not None
            else {}
        ),
        "seed": {"passed": float(sum(c.passed for c in checks))},
        "seed_reading": {"passed": float(sum(c.passed for c in reading))},
    }
    floors = json.loads(args.floors.read_text(encoding="utf-8"))
    relevant = {k: v for k, v in floors.items() if k in scores}
    failures = below_floors(scores, relevant)
    for failure in failures:
        console.print(f"[red]below floor[/red] {failure}")
    if not failures:
        console.print(f"[green]all scores at or above the floors in {args.floors}[/green]")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
