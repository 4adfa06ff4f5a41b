"""`newsflow extract --jsonl` streams: it writes a batch's results before it has read the rest
of its input (issue 12, item 4), in input order."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from shared.models import EnrichedArticle

pytestmark = pytest.mark.timeout(240)

TEXTS = [
    "Kenyan President William Ruto met Samia Suluhu Hassan in Nairobi on Thursday.",
    "Japan protested to China on Tuesday.",
    "",
    "Police arrested six protesters in Lagos on Monday.",
    "The European Union imposed sanctions on Belarus on Friday.",
]
# Long enough for a loaded machine to load the model and extract a batch.
FIRST_BATCH_SECONDS = 180.0


def line(n: int) -> str:
    return json.dumps({"text": TEXTS[n], "published_at": "2025-06-07", "id": f"{n:032x}"}) + "\n"


def test_results_come_out_before_the_input_ends_and_in_its_order(tmp_path: Path) -> None:
    fifo = tmp_path / "in.jsonl"
    os.mkfifo(fifo)
    log = tmp_path / "stderr.log"
    with log.open("w") as errors:
        proc = subprocess.Popen(
            [sys.executable, "-m", "services.cli.main", "extract", "--jsonl", str(fifo), "--json"],
            env={**os.environ, "NEWSFLOW_BATCH_SIZE": "2"},
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )
    out: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert proc.stdout is not None
        for text in proc.stdout:
            out.put(text)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        with fifo.open("w") as writer:
            writer.write(line(0) + line(1))
            writer.flush()
            # The writer holds the rest back: only a streaming reader can answer now.
            first = [out.get(timeout=FIRST_BATCH_SECONDS) for _ in range(2)]
            writer.write("".join(line(n) for n in range(2, len(TEXTS))))
        code = proc.wait(timeout=FIRST_BATCH_SECONDS)
        reader.join(timeout=FIRST_BATCH_SECONDS)  # to the end of its output
    finally:
        proc.kill()
        proc.wait()
        reader.join(timeout=10)
        if proc.stdout is not None:
            proc.stdout.close()
    rest = []
    while not out.empty():
        rest.append(out.get())
    assert code == 0, log.read_text()
    results = [EnrichedArticle.model_validate_json(x) for x in first + rest]
    assert [r.article.id for r in results] == [f"{n:032x}" for n in range(len(TEXTS))]
    assert "William Ruto" in {e.name for e in results[0].entities}
    assert results[2].skipped == "empty"
