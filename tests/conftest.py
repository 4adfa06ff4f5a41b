"""Test tiers by folder (unit / integration / e2e) and the read-only `../shared` material."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_MATERIAL = REPO.parent / "shared"
IN_CI = bool(os.environ.get("CI"))
TIERS = ("unit", "integration", "e2e")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        parts = Path(str(item.fspath)).relative_to(REPO / "tests").parts
        if parts and parts[0] in TIERS:
            item.add_marker(getattr(pytest.mark, parts[0]))


def material(*parts: str) -> Path:
    """A path in ../shared (read-only, never copied); skip where absent, fail in CI."""
    path = SHARED_MATERIAL.joinpath(*parts)
    if not path.exists():
        if IN_CI:
            pytest.fail(f"{path} is missing; CI must have ../shared beside the repository")
        pytest.skip(f"{path} is absent (outside CI)")
    return path


def program(name: str) -> str:
    """A program the Makefile installs (Debian's `prometheus` gives `prometheus`, `promtool`);
    skip where absent, fail in CI."""
    path = shutil.which(name)
    if path is None:
        if IN_CI:
            pytest.fail(f"{name} is missing; `make install` installs it")
        pytest.skip(f"{name} is not installed (`make install` installs it)")
    return path


@pytest.fixture(scope="session")
def seed_article_text() -> str:
    return material("samples", "seed-article.txt").read_text(encoding="utf-8")
