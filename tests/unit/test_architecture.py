"""The tree is the architecture: no import circle, stages import only the stages below them.

Reads every module of the project with `ast` (nothing is imported), including imports inside
functions and under TYPE_CHECKING: a deferred import still ties two modules together.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

# The project's own top-level packages; imports of anything else are libraries.
ROOTS = ("shared", "services", "eval", "scripts", "bench")

# What each stage of the extractor may import of the extractor (besides itself); DESIGN.md's
# order: parse, then time expressions, places, actors, events.
EXTRACTOR = "services.extractor"
STAGE_IMPORTS: dict[str, frozenset[str]] = {
    "parse": frozenset(),
    "timex": frozenset(),
    "places": frozenset({"parse", "settings"}),
    "actors": frozenset({"parse", "places", "timex", "settings"}),
    "events": frozenset({"parse", "timex", "places", "actors"}),
}

# The services share nothing but `shared`; only the command line (which runs them all) and
# the tooling outside the runtime may import several.
SERVICES = ("fetcher", "extractor", "indexer")


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict[str, Path]:
    modules = {}
    for root in ROOTS:
        for path in sorted((REPO / root).rglob("*.py")):
            modules[module_name(path)] = path
    return modules


def imported(path: Path, name: str, modules: dict[str, Path]) -> Iterator[str]:
    """The project modules `path` (module `name`) imports, resolved to existing modules."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in modules:
                    yield alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                # `from package import module` imports the module; `from module import name`
                # the module that holds the name.
                target = f"{base}.{alias.name}"
                if target in modules:
                    yield target
                elif base in modules:
                    yield base


def import_graph() -> dict[str, set[str]]:
    modules = project_modules()
    return {
        name: {t for t in imported(path, name, modules) if t != name}
        for name, path in modules.items()
    }


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_circles_finds_a_circle_and_only_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert circles(graph) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_absolute_relative_and_package_imports() -> None:
    graph = import_graph()
    assert "services.extractor.pipeline" in graph["services.extractor.app"]
    # `from services.extractor.places import cache as gazetteer_cache`
    assert "services.extractor.places.cache" in graph["services.extractor.places.gazetteer"]
    # a relative import (`from .conftest import ...`) is outside ROOTS, so check one inside
    assert graph["services.extractor.timex"] == {"services.extractor.timex.tagger"}


def test_no_import_circle_anywhere() -> None:
    assert circles(import_graph()) == []


def stage_of(module: str) -> str | None:
    if not module.startswith(EXTRACTOR + "."):
        return None
    return module.split(".")[2]


def test_extractor_stages_import_only_the_stages_below() -> None:
    wrong = []
    for module, targets in import_graph().items():
        stage = stage_of(module)
        if stage not in STAGE_IMPORTS:
            continue
        for target in targets:
            other = stage_of(target)
            if other is None:
                if target.startswith(("services.", "eval", "scripts", "bench")):
                    wrong.append(f"{module} -> {target}")
            elif other != stage and other not in STAGE_IMPORTS[stage]:
                wrong.append(f"{module} -> {target}")
    assert wrong == []


def test_services_share_only_shared_and_runtime_never_imports_tooling() -> None:
    wrong = []
    for module, targets in import_graph().items():
        top = module.split(".")
        for target in targets:
            if top[0] == "shared" and not target.startswith("shared"):
                wrong.append(f"{module} -> {target}")
            if top[0] in ("shared", "services") and target.split(".")[0] in ("eval", "scripts"):
                wrong.append(f"{module} -> {target}")
            if top[0] == "services" and len(top) > 1 and top[1] in SERVICES:
                service = target.split(".")
                if service[0] == "services" and service[1] != top[1]:
                    wrong.append(f"{module} -> {target}")
    assert wrong == []


@pytest.mark.parametrize(
    "package",
    sorted(
        str(p.parent.relative_to(REPO))
        for root in ROOTS
        for p in (REPO / root).rglob("__init__.py")
    ),
)
def test_every_package_says_what_it_owns(package: str) -> None:
    init = REPO / package / "__init__.py"
    docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
    assert docstring, f"{package}/__init__.py has no docstring saying what the package owns"
