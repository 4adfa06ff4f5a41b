"""The README's command reference says what `newsflow --help` says, and the search language."""

from __future__ import annotations

import re
from typing import Any

import typer.main

from services.cli.main import app
from services.indexer.text_query import SYNTAX
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
# Options every command has, or the shell's, which a reference need not repeat.
IMPLIED = {"--help", "--install-completion", "--show-completion"}


def _reference() -> list[str]:
    """The entries of the README's command-line block: a `newsflow ...` line and the indented
    lines that continue it."""
    block = README.split("## Command line", 1)[1].split("```", 2)[1]
    entries: list[str] = []
    for line in block.splitlines():
        if line.startswith("newsflow"):
            entries.append(line)
        elif line.startswith(" ") and entries:
            entries[-1] += " " + line.strip()
    return entries


def _commands() -> dict[str, set[str]]:
    """Every command's path ("search", "feeds add") and its long options."""
    root = typer.main.get_command(app)
    assert hasattr(root, "commands")
    out: dict[str, set[str]] = {"": _options(root)}

    def walk(group: Any, prefix: str) -> None:
        for name, command in group.commands.items():
            path = f"{prefix}{name}"
            if hasattr(command, "commands"):
                walk(command, path + " ")
            else:
                out[path] = _options(command)

    walk(root, "")
    return out


def _options(command: Any) -> set[str]:
    names = {o for p in command.params for o in (*p.opts, *p.secondary_opts) if o.startswith("--")}
    return names - IMPLIED


def _entries_of(path: str) -> list[str]:
    *group, name = path.split(" ")
    head = f"newsflow {group[0]} " if group else "newsflow "
    return [e for e in _reference() if e.startswith(head) and re.search(rf"(^|[ |]){name}\b", e)]


def test_every_command_and_option_is_in_the_readme() -> None:
    for path, options in _commands().items():
        entries = _entries_of(path) if path else [e for e in _reference() if "--version" in e]
        assert entries, f"`newsflow {path}` is missing from the README's command reference"
        text = " ".join(entries)
        for option in options:
            assert option in text, f"`newsflow {path} {option}` is missing from the README"


def test_the_readme_names_no_option_the_commands_lack() -> None:
    known = set().union(*_commands().values())
    for entry in _reference():
        for option in re.findall(r"--[a-z][a-z-]*", entry):
            assert option in known, f"{option} in the README is no option of newsflow"


def test_the_readme_documents_the_search_language() -> None:
    assert SYNTAX in README
