"""What a running `newsflow up` records in the state directory for the other commands.

The bundled broker's address is `shared.settings`' business (every service reads it); this is
the command line's own: the feeds file `up` gave its fetcher (with `--demo`, a file of its
own), so `newsflow feeds list` in another terminal lists the feeds actually polled.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

UP_STATE_FILE = "up.json"


def record_up(state_dir: Path, feeds_file: Path) -> None:
    path = state_dir / UP_STATE_FILE
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"pid": os.getpid(), "feeds_file": str(feeds_file.resolve())}))
    tmp.replace(path)


def clear_up(state_dir: Path) -> None:
    (state_dir / UP_STATE_FILE).unlink(missing_ok=True)


def polled_feeds_file(state_dir: Path) -> Path | None:
    """The feeds file of a `newsflow up` still running on this state directory, or None."""
    try:
        data = json.loads((state_dir / UP_STATE_FILE).read_text())
        pid, feeds = int(data["pid"]), Path(data["feeds_file"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None  # left behind by an `up` that was killed
    except PermissionError:
        pass  # alive, another user's
    return feeds
