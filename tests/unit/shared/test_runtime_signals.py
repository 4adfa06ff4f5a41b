"""A service stopped while it is still starting exits cleanly (no Kafka needed)."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

_STARTING = """
import time
from shared.runtime import stop_cleanly_while_starting
stop_cleanly_while_starting()
print("starting", flush=True)
time.sleep(60)  # a model load, say
print("started", flush=True)
"""


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_while_starting_exits_with_zero(sig: signal.Signals) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", _STARTING],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "starting"
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert "started" not in out
    assert "Traceback" not in err
