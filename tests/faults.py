"""A fault injected into a real extractor, in this process or in a spawned service.

An extraction error is a bug nobody has met yet, so no honest input makes one; the tests of the
error path (dead-lettered, counted, the good reading kept, once after a kill) make one instead:
with the fault installed, the extractor fails on every article whose text holds `MARKER`, in the
middle of its reading, as a bug in a rule would. Everything around it stays real: the broker,
the consumer, the DLQ, the index. A spawned service gets it through `spawn_env` (Python imports
`tests/fault_site/sitecustomize.py` at start-up, which installs it).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

MARKER = "Quorvex"  # a word no real text holds
ENV = "NEWSFLOW_TEST_FAULT"
_STEP = "read_candidates"  # the reading step of `services.extractor.pipeline` that fails
_ROOT = Path(__file__).resolve().parents[1]


class InjectedFault(RuntimeError):
    """The error the extractor raises on an article holding MARKER."""


def _failing(read: Callable[..., Any]) -> Callable[..., Any]:
    def read_or_fail(doc: Any, *args: Any, **kwargs: Any) -> Any:
        if MARKER in doc.text:
            raise InjectedFault(f"injected fault: the text holds {MARKER!r}")
        return read(doc, *args, **kwargs)

    return read_or_fail


def install(monkeypatch: pytest.MonkeyPatch | None = None) -> None:
    """Make the extractor fail on MARKER (through `monkeypatch` when given, so it is undone)."""
    from services.extractor import pipeline

    failing = _failing(getattr(pipeline, _STEP))
    if monkeypatch is not None:
        monkeypatch.setattr(pipeline, _STEP, failing)
    else:
        setattr(pipeline, _STEP, failing)


def spawn_env() -> dict[str, str]:
    """The environment entries that make a spawned Python process install the fault."""
    path = [str(_ROOT / "tests" / "fault_site"), str(_ROOT), os.environ.get("PYTHONPATH", "")]
    return {"PYTHONPATH": os.pathsep.join(p for p in path if p), ENV: "1"}
