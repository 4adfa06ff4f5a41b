"""Which changes of a published JSON Schema break an existing reader of the topic.

A reader validates with the schema it was built against (the released one, committed under
`docs/schemas/released/`, one file per topic). A new release breaks it when some message the
new schema allows is refused by the old one: a field no longer required, a type or value set
widened (`null` now allowed, a new enum value), a bound or pattern loosened. Adding fields and
tightening are safe, since the published schemas accept properties they do not name.

    python -m shared.compat docs/schemas/released   # the breaking changes, exit status 1 if any

A breaking change needs a new topic version (`news.enriched.v3`) with its own released schema.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from shared.contract import published_schemas

Schema = dict[str, Any]

# Bounds where the new value must not be below the old one (else values once refused pass) ...
_LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
# ... and where it must not be above.
_UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")
# Keywords that must stay as they were when the old schema has them.
_EXACT = ("pattern", "format")


class _Document:
    """A schema document whose local `$ref`s (`#/$defs/Name`) can be followed."""

    def __init__(self, root: Schema) -> None:
        self.root = root

    def resolve(self, node: Any) -> Any:
        seen = set()
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not ref.startswith("#/") or ref in seen:
                raise ValueError(f"cannot follow $ref {ref!r}")
            seen.add(ref)
            target: Any = self.root
            for part in ref[2:].split("/"):
                target = target[part]
            node = target
        return node


def _types(schema: Schema) -> set[str] | None:
    """The JSON types `schema` allows, None when it does not say."""
    declared = schema.get("type")
    if declared is None:
        values = _values(schema)
        return None if values is None else {_json_type(v) for v in values}
    types = {declared} if isinstance(declared, str) else set(declared)
    if "number" in types:
        types.add("integer")  # an integer is a number
    return types


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _values(schema: Schema) -> list[Any] | None:
    """The values `schema` allows when it lists them (enum, const), else None."""
    if "const" in schema:
        return [schema["const"]]
    if "enum" in schema:
        return list(schema["enum"])
    return None


def _branches(schema: Schema) -> list[Any]:
    return list(schema.get("anyOf") or schema.get("oneOf") or [schema])


class _Comparison:
    def __init__(self, old: Schema, new: Schema) -> None:
        self.old = _Document(old)
        self.new = _Document(new)
        self._in_progress: set[tuple[int, int]] = set()

    def breaks(self, old: Any, new: Any, path: str) -> list[str]:
        """How messages valid under `new` at `path` can be invalid under `old`."""
        old, new = self.old.resolve(old), self.new.resolve(new)
        if old is True or old == {} or not isinstance(old, dict):
            return []  # the reader accepts anything here
        if new is True or new == {}:
            return [f"{path}: now unconstrained"]
        key = (id(old), id(new))
        if key in self._in_progress:
            return []  # a recursive schema: already being compared further up
        self._in_progress.add(key)
        try:
            return self._compare_branches(old, new, path)
        finally:
            self._in_progress.discard(key)

    def _compare_branches(self, old: Schema, new: Schema, path: str) -> list[str]:
        old_branches = [self.old.resolve(b) for b in _branches(old)]
        found: list[str] = []
        for branch in _branches(new):
            attempts: list[list[str]] = [
                self._compare_one(o, self.new.resolve(branch), path) for o in old_branches
            ]
            if all(attempts):  # no old branch accepts this new branch: report the closest
                closest: list[str] = min(attempts, key=len)
                found.extend(closest)
        return found

    def _compare_one(self, old: Schema, new: Schema, path: str) -> list[str]:
        if "anyOf" in old or "oneOf" in old or "anyOf" in new or "oneOf" in new:
            return self.breaks(old, new, path)
        found: list[str] = []
        old_types, new_types = _types(old), _types(new)
        if old_types is not None and (new_types is None or not new_types <= old_types):
            widened = sorted((new_types or {"any"}) - old_types)
            found.append(f"{path}: type {sorted(old_types)} now also allows {widened}")
        old_values, new_values = _values(old), _values(new)
        if old_values is not None:
            extra = None if new_values is None else [v for v in new_values if v not in old_values]
            if extra is None or extra:
                found.append(f"{path}: values {old_values} now also allow {extra or 'any'}")
        for name in _LOWER_BOUNDS:
            if name in old and (name not in new or new[name] < old[name]):
                found.append(f"{path}: {name} {old[name]} loosened to {new.get(name)}")
        for name in _UPPER_BOUNDS:
            if name in old and (name not in new or new[name] > old[name]):
                found.append(f"{path}: {name} {old[name]} loosened to {new.get(name)}")
        for name in _EXACT:
            if name in old and new.get(name) != old[name]:
                found.append(f"{path}: {name} {old[name]!r} changed to {new.get(name)!r}")
        found.extend(self._objects(old, new, path))
        if "items" in old:
            found.extend(self.breaks(old["items"], new.get("items", {}), f"{path}[]"))
        return found

    def _objects(self, old: Schema, new: Schema, path: str) -> list[str]:
        found = [
            f"{path}.{name}: no longer required"
            for name in old.get("required", ())
            if name not in new.get("required", ())
        ]
        old_props, new_props = old.get("properties", {}), new.get("properties", {})
        for name, schema in old_props.items():
            if name in new_props:
                found.extend(self.breaks(schema, new_props[name], f"{path}.{name}"))
        if old.get("additionalProperties") is False:
            found.extend(
                f"{path}.{name}: new property the old schema refuses"
                for name in new_props
                if name not in old_props
            )
        return found


def breaking_changes(old: Schema, new: Schema) -> list[str]:
    """What in `new` breaks a reader that validates with `old` (empty: nothing)."""
    comparison = _Comparison(old, new)
    return comparison.breaks(old, new, "$")


def released_schemas(folder: Path) -> dict[str, Schema]:
    """Topic -> its released schema, from `<topic>.schema.json` files."""
    return {
        path.name.removesuffix(".schema.json"): json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.schema.json"))
    }


def check(folder: Path) -> dict[str, list[str]]:
    """Topic -> the breaking changes of what we publish now against its released schema."""
    released = released_schemas(folder)
    report: dict[str, list[str]] = {}
    for topic, current in published_schemas().items():
        if topic not in released:
            report[topic] = [f"no released schema {folder / (topic + '.schema.json')}"]
            continue
        report[topic] = breaking_changes(released[topic], current)
    return report


def main(folder: str) -> int:
    report = check(Path(folder))
    for topic, problems in report.items():
        for problem in problems:
            print(f"{topic}: {problem}")
    return 1 if any(report.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/schemas/released"))
