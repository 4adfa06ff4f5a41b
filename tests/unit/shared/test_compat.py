"""Schema evolution: what we publish now against the released schemas, and the checker itself
on the changes that break a reader and those that do not."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from shared import topics
from shared.compat import breaking_changes, check, released_schemas
from shared.contract import published_schemas
from shared.headers import PAYLOADS
from tests.conftest import REPO

RELEASED = REPO / "docs" / "schemas" / "released"


def test_every_topic_we_publish_has_a_released_schema() -> None:
    assert set(released_schemas(RELEASED)) == set(PAYLOADS)


def test_what_we_publish_now_reads_with_every_released_schema() -> None:
    report = check(RELEASED)
    assert report == {topic: [] for topic in PAYLOADS}, report


OLD: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
        "kind": {"enum": ["a", "b"]},
        "date": {"$ref": "#/$defs/Date"},
        "tags": {"type": "array", "items": {"type": "string", "maxLength": 10}},
        "note": {"type": "string"},
    },
    "required": ["id", "kind", "date"],
    "$defs": {
        "Date": {
            "type": "object",
            "properties": {"value": {"type": "string"}},
            "required": ["value"],
        }
    },
}


def changed(edit: str) -> dict[str, Any]:
    new = copy.deepcopy(OLD)
    props = new["properties"]
    if edit == "nullable date":
        props["date"] = {"anyOf": [{"$ref": "#/$defs/Date"}, {"type": "null"}]}
    elif edit == "new kind":
        props["kind"] = {"enum": ["a", "b", "c"]}
    elif edit == "optional kind":
        new["required"] = ["id", "date"]
    elif edit == "longer tags":
        props["tags"]["items"]["maxLength"] = 20
    elif edit == "other pattern":
        props["id"]["pattern"] = "^[0-9a-z]+$"
    elif edit == "date value optional":
        new["$defs"]["Date"]["required"] = []
    elif edit == "note a number":
        props["note"] = {"type": "integer"}
    elif edit == "new optional field":
        props["added"] = {"type": "integer"}
    elif edit == "new required field":
        props["added"] = {"type": "integer"}
        new["required"].append("added")
    elif edit == "fewer kinds":
        props["kind"] = {"const": "a"}
    elif edit == "note dropped":
        del props["note"]
    elif edit == "shorter tags":
        props["tags"]["items"]["maxLength"] = 5
    return new


@pytest.mark.parametrize(
    ("edit", "where"),
    [
        ("nullable date", "$.date: type"),
        ("new kind", "$.kind: values"),
        ("optional kind", "$.kind: no longer required"),
        ("longer tags", "$.tags[]: maxLength"),
        ("other pattern", "$.id: pattern"),
        ("date value optional", "$.date.value: no longer required"),
        ("note a number", "$.note: type"),
    ],
)
def test_a_change_that_breaks_a_reader_is_named(edit: str, where: str) -> None:
    problems = breaking_changes(OLD, changed(edit))
    assert any(p.startswith(where) for p in problems), problems


@pytest.mark.parametrize(
    "edit",
    ["new optional field", "new required field", "fewer kinds", "note dropped", "shorter tags"],
)
def test_additive_and_narrowing_changes_break_no_reader(edit: str) -> None:
    assert breaking_changes(OLD, changed(edit)) == []


def test_the_change_that_made_events_v2_would_have_been_caught() -> None:
    # EventMessage as `.v1` readers knew it: a date always there, two date sources.
    new = published_schemas()[topics.EVENTS]
    old = copy.deepcopy(new)
    event = old["$defs"]["Event"]
    event["properties"]["date"] = {"$ref": "#/$defs/TimeExpression"}
    event["required"] = sorted({*event.get("required", []), "date"})
    event["properties"]["date_source"] = {"enum": ["explicit", "publication"], "type": "string"}
    problems = breaking_changes(old, new)
    assert any(p.startswith("$.event.date: type") for p in problems), problems
    assert any(p.startswith("$.event.date_source: values") for p in problems), problems
