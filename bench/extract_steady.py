"""The extractor's steady state beside its start-up, and what each start-up trick buys.

A service starts once and runs for weeks, so its cost is the steady state; `extract_cost` times
whole processes, start-up included. Here, on `extract_cost`'s texts:

- **steady:** one long-running process holds both sides, bare `spacy.load` + `nlp.pipe` and
  ours (`process_extractor`, `Extractor.run` in batches of 32, each `EnrichedArticle`'s JSON),
  warms each up with one pass, then times ROUNDS passes of each, alternating batch by batch.
  Target: ours' median pass within MAX_STEADY_COST (10%) of bare's, in CPU time
  (`time.process_time`, which other work on a shared machine moves less than wall time; wall
  time is shown beside it).
- **start-up:** whole processes from exec until the first article is read (bare: `spacy.load`
  and one `nlp(text)`; ours: `process_extractor` and one `Extractor.run`), alternating,
  STARTS each; shown, no target.
- **tricks** (`--tricks`): the same two measures with one trick undone at a time, to see what
  each buys: the gazetteer's on-disk index (`places.cache`), the tokenizer read with our
  suffixes (`parse.model`), the time rules' substring pre-filter (`timex.regex_needs`), and the
  attribute rules and lemmas read by table (`parse.attribute_rules`, `parse.lemmas`).
  (A disk copy of nameparser's titles was measured too and removed: docs/BENCHMARKS.md.)

`python -m bench.extract_steady [--texts N] [--rounds R] [--tricks]`
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_suffix_regex

from bench.extract_cost import BATCH_SIZE, MODEL, REPO, compile_project, make_texts
from services.extractor import pipeline
from services.extractor.parse import model
from services.extractor.parse.attribute_rules import use_rules
from services.extractor.parse.lemmas import use_lemma_memo
from services.extractor.pipeline import local_article, process_extractor
from services.extractor.places.gazetteer import load_gazetteer
from services.extractor.settings import ExtractorSettings
from services.extractor.timex import scan
from shared.models import Article

DEFAULT_TEXTS = 300
DEFAULT_ROUNDS = 5
STARTS = 5
# Issue 15: the extractor's steady-state cost within 10% of bare spaCy.
MAX_STEADY_COST = 1.10
TRICKS = ("gazetteer-cache", "tokenizer-reload", "regex-needs", "attribute-table", "lemma-memo")


def _plain_load(name: str) -> Language:
    """The model as spaCy loads it, then our suffixes set on its tokenizer (which re-reads
    its special cases), the paragraph component and the tables: `parse.model` without the
    reload."""
    nlp = spacy.load(name)
    suffixes = [*(nlp.Defaults.suffixes or ()), *model._EXTRA_SUFFIXES]
    assert isinstance(nlp.tokenizer, Tokenizer)
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    nlp.add_pipe(model.PARAGRAPH_COMPONENT, before="parser")
    use_rules(nlp)
    use_lemma_memo(nlp)
    return nlp


def _undo(tricks: list[str]) -> None:
    """Undo tricks in this process, before the extractor is built: a benchmark's patches of
    the modules' globals (through their namespaces, which the type checker does not follow)."""
    if "gazetteer-cache" in tricks:  # build the city index in memory, as without a cache
        # (`Extractor` passes the cache directory by position: replace it, not add to it.)
        vars(pipeline)["load_gazetteer"] = lambda population, _cache_dir: load_gazetteer(
            population, None
        )
    if "tokenizer-reload" in tricks:
        vars(pipeline)["load_model"] = _plain_load
    if "regex-needs" in tricks:  # every time rule runs on every text
        vars(scan)["_NEEDS"] = tuple(None for _ in scan._NEEDS)
    if "attribute-table" in tricks:  # spaCy's AttributeRuler stays in the pipeline
        vars(model)["use_rules"] = lambda nlp: False
    if "lemma-memo" in tricks:  # spaCy's lemmatizer stays in the pipeline
        vars(model)["use_lemma_memo"] = lambda nlp: False


def _articles(jsonl: Path) -> list[Article]:
    """`extract_cost`'s records as the Articles `newsflow extract --jsonl` makes of them."""
    records = [json.loads(line) for line in jsonl.open(encoding="utf-8")]
    return [
        local_article(
            r["text"],
            dt.datetime.fromisoformat(r["published_at"]).replace(tzinfo=dt.UTC),
            url=r["url"],
        )
        for r in records
    ]


def child(mode: str, side: str, jsonl: Path, rounds: int, undo: list[str]) -> None:
    """The measured process: prints one JSON line."""
    texts = [json.loads(line)["text"] for line in jsonl.open(encoding="utf-8")]
    if mode == "start":
        if side == "bare":
            spacy.load(MODEL)(texts[0])
        else:
            _undo(undo)
            process_extractor(ExtractorSettings()).run(_articles(jsonl)[:1])
        print(json.dumps({"cpu": time.process_time()}))
        return
    _undo(undo)
    bare_nlp = spacy.load(MODEL)
    extractor = process_extractor(ExtractorSettings())
    articles = _articles(jsonl)

    def bare(batch: int) -> None:
        for _ in bare_nlp.pipe(texts[batch : batch + BATCH_SIZE], batch_size=BATCH_SIZE):
            pass

    def ours(batch: int) -> None:
        for result in extractor.run(articles[batch : batch + BATCH_SIZE]):
            result.enriched.model_dump_json()

    # The sides alternate batch by batch (which goes first alternating too), so that a change
    # in the machine's load falls on both alike; a pass is the sum of its batches.
    timed: dict[str, list[tuple[float, float]]] = {"bare": [], "ours": []}
    for number in range(rounds + 1):
        spent = {"bare": [0.0, 0.0], "ours": [0.0, 0.0]}
        for index, batch in enumerate(range(0, len(texts), BATCH_SIZE)):
            pair = [("bare", bare), ("ours", ours)]
            for name, run in pair if (number + index) % 2 == 0 else reversed(pair):
                cpu, wall = time.process_time(), time.perf_counter()
                run(batch)
                spent[name][0] += time.process_time() - cpu
                spent[name][1] += time.perf_counter() - wall
        if number:  # the first round warms both up
            for name, (cpu, wall) in spent.items():
                timed[name].append((cpu, wall))
    print(json.dumps(timed))


def _python(*args: str) -> list[str]:
    return [sys.executable, "-m", "bench.extract_steady", *args]


@dataclass(frozen=True)
class Steady:
    bare_cpu: float
    ours_cpu: float
    bare_wall: float
    ours_wall: float

    @property
    def cost(self) -> float:
        """Ours over bare, median CPU seconds of a pass."""
        return self.ours_cpu / self.bare_cpu


def steady(jsonl: Path, rounds: int, undo: list[str]) -> Steady:
    out = subprocess.run(
        _python(
            "--child",
            "steady",
            "--side",
            "both",
            "--jsonl",
            str(jsonl),
            "--rounds",
            str(rounds),
            "--undo",
            ",".join(undo),
        ),
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout
    timed = json.loads(out.splitlines()[-1])

    def median(name: str, index: int) -> float:
        return float(statistics.median(run[index] for run in timed[name]))

    return Steady(median("bare", 0), median("ours", 0), median("bare", 1), median("ours", 1))


@dataclass(frozen=True)
class Start:
    wall: float
    cpu: float


def start(jsonl: Path, side: str, undo: list[str]) -> Start:
    began = time.perf_counter()
    out = subprocess.run(
        _python(
            "--child", "start", "--side", side, "--jsonl", str(jsonl), "--undo", ",".join(undo)
        ),
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout
    wall = time.perf_counter() - began
    return Start(wall, float(json.loads(out.splitlines()[-1])["cpu"]))


def starts(jsonl: Path, variants: list[list[str]], count: int) -> dict[str, list[Start]]:
    """`count` whole processes of bare and of each variant of ours, in turn."""
    found: dict[str, list[Start]] = {"bare": [], **{_name(v): [] for v in variants}}
    for _ in range(count):
        found["bare"].append(start(jsonl, "bare", []))
        for variant in variants:
            found[_name(variant)].append(start(jsonl, "ours", variant))
    return found


def _name(undo: list[str]) -> str:
    return "ours" if not undo else "ours without " + ", ".join(undo)


def table(started: dict[str, list[Start]], measured: dict[str, Steady], texts: int) -> str:
    """Start-up (medians of whole processes) and steady state (ms per text, in one process)."""
    rows = [
        "side | start-up wall s | start-up CPU s | steady CPU ms/text: ours, bare | ours/bare "
        "(CPU) | steady wall ms/text: ours, bare"
    ]
    for name, runs in started.items():
        wall = statistics.median(s.wall for s in runs)
        cpu = statistics.median(s.cpu for s in runs)
        st = measured.get(name)
        if st is None:
            rows.append(f"{name} | {wall:.2f} | {cpu:.2f} | | |")
            continue
        rows.append(
            f"{name} | {wall:.2f} | {cpu:.2f} | {1000 * st.ours_cpu / texts:.2f}, "
            f"{1000 * st.bare_cpu / texts:.2f} | {st.cost:.3f} | "
            f"{1000 * st.ours_wall / texts:.2f}, {1000 * st.bare_wall / texts:.2f}"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.extract_steady", description=__doc__)
    parser.add_argument("--texts", type=int, default=DEFAULT_TEXTS)
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS)
    parser.add_argument("--starts", type=int, default=STARTS)
    parser.add_argument("--tricks", action="store_true", help="also undo each trick in turn")
    parser.add_argument("--child", choices=("start", "steady"), help=argparse.SUPPRESS)
    parser.add_argument("--side", default="both", help=argparse.SUPPRESS)
    parser.add_argument("--jsonl", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--undo", default="", help=argparse.SUPPRESS)
    args = parser.parse_args([] if argv is None else argv)
    undo = [t for t in args.undo.split(",") if t]
    if args.child:
        child(args.child, args.side, args.jsonl, args.rounds, undo)
        return 0
    variants: list[list[str]] = [[]] + ([[t] for t in TRICKS] if args.tricks else [])
    compile_project()
    with tempfile.TemporaryDirectory(prefix="newsflow-steady-") as tmp:
        jsonl = Path(tmp) / "texts.jsonl"
        records = make_texts(args.texts)
        jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        start(jsonl, "ours", [])  # unmeasured: fills the disk caches and the page cache
        started = starts(jsonl, variants, args.starts)
        measured = {_name(v): steady(jsonl, args.rounds, v) for v in variants}
    print(f"extract_steady: {args.texts} texts, {args.rounds} timed passes a side after a warm-up")
    print(table(started, measured, args.texts))
    cost = measured["ours"].cost
    if cost > MAX_STEADY_COST:
        print(f"FAIL: steady-state cost {cost:.3f} x bare > {MAX_STEADY_COST}")
        return 1
    print(f"ok: steady-state cost {cost:.3f} x bare <= {MAX_STEADY_COST}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
