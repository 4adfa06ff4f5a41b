"""The hand-judged event sample on held-out articles: the judge's pack, and the figures.

The articles are fixed in `eval/heldout_events.txt` and never used to write or tune a rule.
`python -m eval.heldout pack DIR` runs the whole extractor on them and writes, for a judge who
sees only the protocol (`eval/judged/PROTOCOL.md`) and the output:
- `DIR/articles/<n>.txt`: each article's text, paragraphs numbered;
- `DIR/sample.jsonl`: the events drawn at random (`--sample`, `--seed`), each with its
  sentence and fields, minus the ones whose every field a verdict file already judged;
- `DIR/recall.md`: every event of the recall articles, for the analyst's list.
`python -m eval.heldout score VERDICTS...` reads the judge's verdicts (one JSON object per
event: its `key`, the `fields` judged and a verdict per field) and prints the figures of the
sample the pack would draw now. A verdict is reused wherever an event's key and field value
match, so re-judging after a change costs only the events that changed. The verdict files
(`eval/judged/*.jsonl`) hold keys, field values and booleans, never the articles' texts.
`--list` names another list in the same form: a development sample, judged the same way by a
judge who sees only the protocol, shows where the rules fail without touching the held-out set.
Such a list may also name TimeBank and AQUAINT documents (`timeml:<folder>/<file>`, published
at noon of the document's creation day): news whose roles and places no gold covers.
The development and blind samples of docs/QUALITY.md are kept in `eval/dev/` (`<name>.txt`,
never a held-out item) with their verdicts (`eval/dev/judged/<name>-<commit>.jsonl`, as the
held-out ones: keys, field values and booleans), so a later round scores them again with
`score --list eval/dev/R.txt --sample 1000 --verdicts eval/dev/judged/R-*.jsonl` and judges
only what changed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eval.texts import FEEDS, PAGES, TIMEML, MissingMaterial, _read, text_of

if TYPE_CHECKING:
    from shared.models import EnrichedArticle, Event

LIST = Path(__file__).with_name("heldout_events.txt")
JUDGED = Path(__file__).with_name("judged")
DEV = Path(__file__).with_name("dev")
SAMPLE = 160
SEED = 20261206
# The fields a judge rules on for a real event, as the protocol names them.
FIELDS = ("type", "sources", "targets", "date", "place")
# The articles whose events an analyst lists for recall: the 8 hard-news pages and the
# first four feed items of the list.
RECALL_PAGES = ("002", "038", "054", "086", "116", "125", "160", "165")
RECALL_FEED_ITEMS = 4


@dataclass(frozen=True)
class Heldout:
    doc: str  # an eval.texts document name: "page:page-002.html", "feed:<file>#<i>"
    published: dt.datetime


def heldout_list(path: Path = LIST) -> list[Heldout]:
    """The held-out articles, each with the publication time the extractor is given: the
    listed date, else the page's own."""
    from services.fetcher.pages import extract_page

    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, second, third = line.split("\t", 2)
        if name.startswith("timeml:"):
            # A TimeBank or AQUAINT document, published at noon of its creation day.
            from eval.timeml import read_timeml

            file = name.partition(":")[2]
            created = read_timeml(file, _read(TIMEML / file).decode("utf-8")).creation_time
            doc = name
            when = dt.datetime.combine(created, dt.time(12), tzinfo=dt.UTC)
        elif name.endswith(".html"):
            date = second
            doc = f"page:{name}"
            if date != "-":
                when = dt.datetime.fromisoformat(date).replace(tzinfo=dt.UTC)
            else:
                html = _read(PAGES / name).decode("utf-8", errors="replace")
                published = extract_page(html).published
                if published is None:
                    raise ValueError(f"{name}: no date listed and none on the page")
                when = published
        else:
            if not (FEEDS / name.partition("#")[0]).is_file():
                raise MissingMaterial(f"{FEEDS / name} is absent")
            doc = f"feed:{name}"
            when = dt.datetime.fromisoformat(third).astimezone(dt.UTC)
        articles.append(Heldout(doc, when))
    return articles


def recall_docs(articles: Sequence[Heldout]) -> list[str]:
    pages = [a.doc for a in articles if a.doc.startswith("page:") and a.doc[10:13] in RECALL_PAGES]
    feeds = [a.doc for a in articles if a.doc.startswith("feed:")][:RECALL_FEED_ITEMS]
    return pages + feeds


def event_key(doc: str, event: Event) -> str:
    return f"{doc}|{event.trigger_span.start}|{event.trigger_span.end}"


def event_fields(event: Event) -> dict[str, Any]:
    """An event's judged fields as the judge sees them."""
    date = None
    if event.date is not None:
        date = event.date.value
    return {
        "type": event.type,
        "sources": list(event.sources),
        "targets": list(event.targets),
        "date": date,
        "date_source": event.date_source,
        "place": list(event.places),
    }


def read_all(extractor: Any, articles: Sequence[Heldout]) -> list[tuple[str, str, EnrichedArticle]]:
    from eval.events import extract_texts

    texts = [(a.doc, text_of(a.doc), a.published) for a in articles]
    enriched = extract_texts(
        extractor, [(f"urn:newsflow:heldout:{doc}", text, when) for doc, text, when in texts]
    )
    return [(doc, text, e) for (doc, text, _), e in zip(texts, enriched, strict=True)]


def all_events(read: Iterable[tuple[str, str, EnrichedArticle]]) -> list[dict[str, Any]]:
    rows = []
    for doc, _, enriched in read:
        for event in enriched.events:
            rows.append(
                {
                    "key": event_key(doc, event),
                    "doc": doc,
                    "published": enriched.article.published_at.isoformat(),
                    "sentence": event.sentence,
                    "trigger": event.trigger_span.text,
                    "fields": event_fields(event),
                }
            )
    return rows


def draw(rows: Sequence[dict[str, Any]], n: int = SAMPLE, seed: int = SEED) -> list[dict[str, Any]]:
    """The sample: `n` events drawn at random, in the order the extractor gave them.

    Each event's lot is a hash of the seed and its key, and the `n` lowest are drawn: an
    event's place in the draw does not hang on the others, so a change that adds or removes
    one event swaps at most one in the sample, and the verdicts already given keep counting.
    """
    if len(rows) <= n:
        return list(rows)

    def lot(row: dict[str, Any]) -> bytes:
        return hashlib.sha256(f"{seed}|{row['key']}".encode()).digest()

    chosen = {row["key"] for row in sorted(rows, key=lot)[:n]}
    return [row for row in rows if row["key"] in chosen]


def judged_files() -> list[Path]:
    """The committed verdict files, oldest first as `eval/judged/ORDER` lists them, so that
    `Verdicts.load` lets the newest ruling on a field value stand."""
    listed = [
        line.strip()
        for line in (JUDGED / "ORDER").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return [JUDGED / name for name in listed]


class Verdicts:
    """Judged events: `real` by key; each field's verdict by key and value."""

    def __init__(self, records: Iterable[dict[str, Any]] = ()) -> None:
        self.real: dict[str, bool] = {}
        self.fields: dict[tuple[str, str, str], bool] = {}
        for record in records:
            self.add(record)

    def add(self, record: dict[str, Any]) -> None:
        key = record["key"]
        self.real[key] = bool(record["real"])
        for name in FIELDS:
            verdict = record.get("verdict", {}).get(name)
            if verdict is not None:
                self.fields[(key, name, _value(record["fields"], name))] = bool(verdict)

    def judged(self, row: dict[str, Any]) -> dict[str, bool | None] | None:
        """The verdicts of `row`, or None when any of them is still to be judged."""
        real = self.real.get(row["key"])
        if real is None:
            return None
        out: dict[str, bool | None] = {"real": real}
        for name in FIELDS:
            verdict = self.fields.get((row["key"], name, _value(row["fields"], name)))
            if real and verdict is None:
                return None
            out[name] = verdict if real else None
        return out

    @classmethod
    def load(cls, paths: Iterable[Path]) -> Verdicts:
        """The verdicts of `paths`, in order: a later file's ruling on the same key and field
        value replaces an earlier one's."""
        verdicts = cls()
        for path in paths:
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    verdicts.add(json.loads(line))
        return verdicts


def _value(fields: dict[str, Any], name: str) -> str:
    if name == "date":
        return json.dumps([fields.get("date"), fields.get("date_source")])
    return json.dumps(fields.get(name), sort_keys=True)


def figures(sample: Sequence[dict[str, Any]], verdicts: Verdicts) -> dict[str, Any]:
    judged = [(row, verdicts.judged(row)) for row in sample]
    missing = sum(v is None for _, v in judged)
    rows = [v for _, v in judged if v is not None]
    real = [v for v in rows if v["real"]]
    out: dict[str, Any] = {"sampled": len(sample), "unjudged": missing, "real": len(real)}
    for name in FIELDS:
        out[f"{name}_right"] = sum(bool(v[name]) for v in real)
    out["all_right"] = sum(all(v[name] for name in FIELDS) for v in real)
    return out


def heldout_figures(
    extractor: Any,
    verdicts: Verdicts | None = None,
    n: int = SAMPLE,
    seed: int = SEED,
    listed: Path = LIST,
) -> dict[str, Any] | None:
    """The judged sample's figures for the extractor as it is now, with how many sampled
    events no verdict covers yet (judge them to report the figures); None without ../shared.
    `verdicts` are the committed ones (`eval/judged/*.jsonl`) unless given."""
    try:
        rows = all_events(read_all(extractor, heldout_list(listed)))
    except MissingMaterial:
        return None
    if verdicts is None:
        verdicts = Verdicts.load(judged_files())
    result = figures(draw(rows, n, seed), verdicts)
    result["events"] = len(rows)
    return result


def pack(
    extractor: Any, out: Path, verdicts: Verdicts, n: int, seed: int, listed: Path = LIST
) -> dict[str, Any]:
    articles = heldout_list(listed)
    read = read_all(extractor, articles)
    rows = all_events(read)
    sample = draw(rows, n, seed)
    (out / "articles").mkdir(parents=True, exist_ok=True)
    names = {}
    for number, (doc, text, enriched) in enumerate(read, 1):
        names[doc] = f"{number:02d}"
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        body = "\n\n".join(f"[{i}] {p}" for i, p in enumerate(paragraphs, 1))
        published = enriched.article.published_at
        header = f"article {number:02d} ({doc})\npublished {published:%Y-%m-%d %H:%M} UTC\n\n"
        (out / "articles" / f"{number:02d}.txt").write_text(header + body + "\n", encoding="utf-8")
    todo = [{**row, "article": names[row["doc"]]} for row in sample if verdicts.judged(row) is None]
    with (out / "sample.jsonl").open("w", encoding="utf-8") as handle:
        for row in todo:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    with (out / "all_events.jsonl").open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(
                json.dumps({**row, "article": names[row["doc"]]}, ensure_ascii=False) + "\n"
            )
    lines = []
    for doc in recall_docs(articles):
        lines.append(f"## article {names[doc]} ({doc})\n")
        for row in rows:
            if row["doc"] == doc:
                f = row["fields"]
                lines.append(
                    f"- {row['key']}: {f['type']} trigger {row['trigger']!r};"
                    f" sources {f['sources']}; targets {f['targets']};"
                    f" date {f['date']} ({f['date_source']}); places {f['place']}"
                    f"\n  sentence: {row['sentence']}"
                )
        lines.append("")
    (out / "recall.md").write_text("\n".join(lines), encoding="utf-8")
    return {"events": len(rows), "sampled": len(sample), "to_judge": len(todo)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.heldout", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("pack", "score"):
        command = commands.add_parser(name)
        command.add_argument("--sample", type=int, default=SAMPLE)
        command.add_argument("--seed", type=int, default=SEED)
        command.add_argument("--verdicts", type=Path, nargs="*", default=judged_files())
        # Another list in the same form, for a development sample judged the same way.
        command.add_argument("--list", type=Path, default=LIST, dest="listed")
        if name == "pack":
            command.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    from eval.model import load_extractor

    verdicts = Verdicts.load(args.verdicts)
    extractor = load_extractor()
    if args.command == "pack":
        print(json.dumps(pack(extractor, args.out, verdicts, args.sample, args.seed, args.listed)))
        return 0
    print(json.dumps(heldout_figures(extractor, verdicts, args.sample, args.seed, args.listed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
