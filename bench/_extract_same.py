"""Did a speed-up change what the extractor reads? Its output, byte for byte, before and after.

A check, not a benchmark (`python -m bench` skips modules named with a leading underscore).

Runs `newsflow extract --jsonl FILE --json` (a fresh process, as a user runs it) on a fixed set of
texts: `extract_cost`'s first TEXTS benchmark texts and the 256 TimeBank/AQUAINT documents of
`../shared` (each dated by its creation time; skipped with a note when ../shared is absent).
Each output line is kept without its two clock readings (`extracted_at`, `article.fetched_at`),
so two runs of the same code give the same bytes.

`python -m bench._extract_same --record FILE` writes that output (run it on the old code);
`python -m bench._extract_same --against FILE` runs the current code and exits 1 when any line
differs, naming the first few articles that do. Run it before each commit of a speed-up.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.extract_cost import REPO, make_texts
from eval.texts import TIMEML, MissingMaterial

# The benchmark texts: varied news prose like the steady-state bench reads.
TEXTS = 100
# Fields that hold the time of the run, not what was read.
CLOCK_FIELDS = ("extracted_at",)
ARTICLE_CLOCK_FIELDS = ("fetched_at",)


def records() -> list[dict[str, str]]:
    """The JSON-lines records to extract: benchmark texts, then TimeBank/AQUAINT documents."""
    found = make_texts(TEXTS)
    try:
        from eval.timeml import read_timeml

        paths = sorted(TIMEML.rglob("*.tml"))
        if not paths:
            raise MissingMaterial(str(TIMEML))
        for path in paths:
            doc = read_timeml(path.name, path.read_text(encoding="utf-8"))
            found.append(
                {
                    "text": doc.text,
                    "published_at": doc.creation_time.isoformat(),
                    "url": f"https://bench.example/timeml/{path.parent.name}/{path.name}",
                }
            )
    except MissingMaterial:
        print(f"note: {TIMEML} is absent; only the benchmark texts are read", file=sys.stderr)
    return found


def _without_clocks(line: str) -> str:
    data: dict[str, Any] = json.loads(line)
    for name in CLOCK_FIELDS:
        data.pop(name, None)
    for name in ARTICLE_CLOCK_FIELDS:
        data["article"].pop(name, None)
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def extract() -> list[str]:
    """The current code's output on `records()`, one line per article, clocks removed."""
    with tempfile.TemporaryDirectory(prefix="newsflow-same-") as tmp:
        jsonl = Path(tmp) / "texts.jsonl"
        jsonl.write_text("".join(json.dumps(r) + "\n" for r in records()), encoding="utf-8")
        out = subprocess.run(
            [sys.executable, "-m", "services.cli.main", "extract", "--jsonl", str(jsonl), "--json"],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO,
        ).stdout
    return [_without_clocks(line) for line in out.splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench._extract_same", description=__doc__)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--record", type=Path, help="write the current output here")
    group.add_argument("--against", type=Path, help="compare the current output with this")
    args = parser.parse_args(argv)
    lines = extract()
    if args.record:
        args.record.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        print(f"extract_same: recorded {len(lines)} articles in {args.record}")
        return 0
    expected = args.against.read_text(encoding="utf-8").splitlines()
    differ = [
        json.loads(old)["article"]["url"]
        for old, new in zip(expected, lines, strict=False)
        if old != new
    ]
    if len(expected) != len(lines) or differ:
        print(
            f"FAIL: {len(differ)} of {len(expected)} articles differ "
            f"({len(lines)} extracted now): {differ[:5]}"
        )
        return 1
    print(f"ok: {len(lines)} articles, output identical")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
