"""What the extractor costs in machine instructions, which the machine's load does not move.

A check for speed work, not a benchmark (`python -m bench` skips modules named with a leading
underscore). CPU times on this shared 2-core machine move by 10-30% with the other workers;
instruction counts under valgrind's callgrind are the same from run to run, so a change of a
few percent shows. Each side runs in its own process under `valgrind --tool=callgrind`, loads
its model, warms up with one pass over the texts, then counts the instructions of one more
pass (collection is switched on and off around it through callgrind's client requests, from a
small C helper compiled here with the system's `cc` and `valgrind/callgrind.h`):

- **bare:** `spacy.load` and `nlp.pipe`, batch size 32 (as `extract_steady`'s bare side);
- **ours:** `process_extractor` and `Extractor.run` in batches of 32 plus each
  `EnrichedArticle`'s JSON (as `extract_steady`'s side);
- **reading:** ours' reading after the parse alone (`Extractor._read` and the JSON, on docs
  parsed before counting): what Newsflow's own Python costs.

`python -m bench._extract_instructions [--texts N] [--code DIR]` prints instructions per text
for each side and ours/bare. `--code` runs the sides on another checkout of the code (e.g. the
old commit, from `git archive`), with this same texts and helper: old and new side by side.
About 3 minutes per side for the default 24 texts.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.extract_cost import BATCH_SIZE, MODEL, REPO, make_texts

DEFAULT_TEXTS = 24
SIDES = ("bare", "ours", "reading")

_HELPER = """
#include <valgrind/callgrind.h>
void count_start(void) { CALLGRIND_ZERO_STATS; CALLGRIND_TOGGLE_COLLECT; }
void count_stop(void) { CALLGRIND_TOGGLE_COLLECT; CALLGRIND_DUMP_STATS_AT("counted"); }
"""

# The measured process: argv = helper library, side, texts file, model, batch size.
_CHILD = """
import ctypes, datetime as dt, json, sys
helper = ctypes.CDLL(sys.argv[1])
side, jsonl, model, batch = sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
records = [json.loads(line) for line in open(jsonl, encoding="utf-8")]
if side == "bare":
    import spacy
    nlp = spacy.load(model)
    texts = [r["text"] for r in records]
    def work():
        for _ in nlp.pipe(texts, batch_size=batch):
            pass
    work()
    helper.count_start(); work(); helper.count_stop()
    sys.exit(0)
from services.extractor.parse.textcheck import check_text
from services.extractor.pipeline import local_article, process_extractor
from services.extractor.settings import ExtractorSettings
from shared.models import EnrichedArticle
extractor = process_extractor(ExtractorSettings())
articles = [
    local_article(
        r["text"],
        dt.datetime.fromisoformat(r["published_at"]).replace(tzinfo=dt.UTC),
        url=r["url"],
    )
    for r in records
]
if side == "ours":
    def work():
        for start in range(0, len(articles), batch):
            for result in extractor.run(articles[start : start + batch]):
                result.enriched.model_dump_json()
    work()
    helper.count_start(); work(); helper.count_stop()
    sys.exit(0)
now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
with extractor.nlp.memory_zone():
    checked = [check_text(a.text, max_chars=extractor.max_chars) for a in articles]
    docs = list(extractor.nlp.pipe([c.text for c in checked], batch_size=batch))
    def work():
        for article, check, doc in zip(articles, checked, docs):
            empty = EnrichedArticle(article=article, extractor=extractor.info, extracted_at=now)
            read = extractor._read(article, doc, check.text, empty, truncated=check.truncated)
            read.enriched.model_dump_json()
    work()
    helper.count_start(); work(); helper.count_stop()
"""


def _helper(workdir: Path) -> Path:
    source = workdir / "count.c"
    source.write_text(_HELPER, encoding="utf-8")
    library = workdir / "libcount.so"
    subprocess.run(["cc", "-O2", "-shared", "-fPIC", "-o", str(library), str(source)], check=True)
    return library


def count(side: str, jsonl: Path, helper: Path, code: Path, workdir: Path) -> int:
    """Instructions (callgrind's Ir) of one counted pass of `side` over the texts."""
    out = workdir / f"callgrind.{side}"
    env = {
        **os.environ,
        "PYTHONHASHSEED": "0",  # the same set and dict orders in every run
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
    }
    subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--collect-atstart=no",
            f"--callgrind-out-file={out}",
            sys.executable,
            "-c",
            _CHILD,
            str(helper),
            side,
            str(jsonl),
            MODEL,
            str(BATCH_SIZE),
        ],
        check=True,
        cwd=code,
        env=env,
        capture_output=True,
    )
    dumps = list(workdir.glob(f"callgrind.{side}*"))
    for dump in sorted(dumps):
        text = dump.read_text(encoding="utf-8", errors="replace")
        if "Trigger: Client Request: counted" in text.split("\nevents:", 1)[0]:
            for line in text.splitlines():
                if line.startswith(("summary:", "totals:")):
                    return int(line.split()[1])
    raise RuntimeError(f"no counted dump for {side} in {workdir}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench._extract_instructions")
    parser.add_argument("--texts", type=int, default=DEFAULT_TEXTS)
    parser.add_argument("--code", type=Path, default=REPO, help="the checkout to count")
    parser.add_argument("--sides", default=",".join(SIDES))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsflow-instructions-") as tmp:
        workdir = Path(tmp)
        jsonl = workdir / "texts.jsonl"
        records = make_texts(args.texts)
        jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        helper = _helper(workdir)
        counted = {}
        for side in args.sides.split(","):
            counted[side] = count(side, jsonl, helper, args.code.resolve(), workdir)
            print(f"{side}: {counted[side] / args.texts / 1e6:.2f} M instructions/text", flush=True)
    if "bare" in counted and "ours" in counted:
        print(f"ours/bare: {counted['ours'] / counted['bare']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
