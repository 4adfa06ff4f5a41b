"""Generated contract documents: JSON Schemas of the messages and an AsyncAPI 3.0 document.

`python -m shared.contract docs/schemas` (or `make schemas`) writes them; a test fails when the
committed files differ from what the code generates.

The published schemas accept properties they do not name (no `additionalProperties: false`):
a consumer that validates with them keeps working when a later release adds a field, which is
what makes an additive change additive. Our own models stay strict (`extra="forbid"`) about
what we read. `shared.compat` tells which schema changes would break such a consumer.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from shared import topics
from shared.headers import (
    DEAD_LETTER_HEADERS,
    JSON,
    MESSAGE_HEADERS,
    OCTET_STREAM,
    PAYLOADS,
    message_headers,
)
from shared.version import VERSION

# (topic, key, who writes, who reads): DESIGN.md's table.
CHANNELS: tuple[tuple[str, str, str, str], ...] = (
    (topics.ARTICLES, "article id", "fetcher, newsflow ingest", "extractor"),
    (topics.ENRICHED, "article id", "extractor", "indexer"),
    (topics.EVENTS, "event id", "extractor", "downstream consumers"),
    (topics.DLQ, "original key", "any service", "operators (newsflow dlq)"),
)

# Where the topics are: the bundled broker of `newsflow up` and the Kafka of docker-compose.yml.
SERVERS: dict[str, Any] = {
    "bundled": {
        "host": "127.0.0.1:{port}",
        "protocol": "kafka",
        "description": "The Tansu broker `newsflow up` starts when NEWSFLOW_KAFKA_BOOTSTRAP is "
        "unset: a free loopback port, recorded in the state directory. Memory only; no "
        "idempotent producer; librdkafka clients older than 2.1 cannot connect (README).",
        "variables": {"port": {"description": "The port `newsflow up` prints and records."}},
    },
    "compose": {
        "host": "kafka:9092",
        "protocol": "kafka",
        "description": "Apache Kafka of docker-compose.yml on the compose network "
        "(localhost:29092 from the host).",
    },
}


def open_schema(schema: Any) -> Any:
    """`schema` without `additionalProperties: false` anywhere: unknown properties allowed."""
    if isinstance(schema, dict):
        return {
            key: open_schema(value)
            for key, value in schema.items()
            if not (key == "additionalProperties" and value is False)
        }
    if isinstance(schema, list):
        return [open_schema(value) for value in schema]
    return schema


def published_schemas() -> dict[str, dict[str, Any]]:
    """Topic -> the JSON Schema we publish for its messages (what `shared.compat` checks)."""
    return {
        topic: open_schema(model.model_json_schema(mode="serialization"))
        for topic, model in PAYLOADS.items()
    }


def json_schemas() -> dict[str, dict[str, Any]]:
    """File name -> published JSON Schema, one per top-level message."""
    return {
        f"{PAYLOADS[topic].__name__}.schema.json": schema
        for topic, schema in published_schemas().items()
    }


def _headers_schema(
    described: dict[str, str], required: Iterable[str], const: dict[str, str]
) -> dict[str, Any]:
    properties: dict[str, Any] = {
        name: {"type": "string", "description": text} for name, text in described.items()
    }
    for name, value in const.items():
        properties[name]["const"] = value
    return {
        "type": "object",
        "properties": properties,
        "required": sorted(required),
        # Other headers may come along (a dead letter keeps the original's).
        "additionalProperties": {"type": "string"},
    }


def _message(topic: str, key: str) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """(message name, message object, component schemas) for the messages of `topic`."""
    model = PAYLOADS.get(topic)
    bindings = {"kafka": {"key": {"type": "string", "description": key}}}
    if model is None:
        return (
            "DeadLetter",
            {
                "name": "DeadLetter",
                "summary": "The original key and bytes of a record a service could not process.",
                "contentType": OCTET_STREAM,
                "payload": {"type": "string", "format": "binary", "description": "original bytes"},
                "headers": _headers_schema(DEAD_LETTER_HEADERS, DEAD_LETTER_HEADERS, {}),
                "bindings": bindings,
            },
            {},
        )
    schema = open_schema(
        model.model_json_schema(mode="serialization", ref_template="#/components/schemas/{model}")
    )
    components = {**schema.pop("$defs", {}), model.__name__: schema}
    fixed = message_headers(topic)
    message = {
        "name": model.__name__,
        "contentType": JSON,
        "payload": {"$ref": f"#/components/schemas/{model.__name__}"},
        "headers": _headers_schema(MESSAGE_HEADERS, fixed, fixed),
        "bindings": bindings,
    }
    return model.__name__, message, components


def asyncapi() -> dict[str, Any]:
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    schemas: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for topic, key, writers, readers in CHANNELS:
        channel_id = topic.replace(".", "_")
        name, message, components = _message(topic, key)
        messages[name] = message
        schemas.update(components)
        channels[channel_id] = {
            "address": topic,
            "description": f"Written by {writers}; read by {readers}.",
            "messages": {name: {"$ref": f"#/components/messages/{name}"}},
        }
        for action, who, verb in (("send", writers, "publish to"), ("receive", readers, "read")):
            operations[f"{action}_{channel_id}"] = {
                "action": action,
                "channel": {"$ref": f"#/channels/{channel_id}"},
                "messages": [{"$ref": f"#/channels/{channel_id}/messages/{name}"}],
                "summary": f"{who} {verb} {topic}",
            }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "Newsflow",
            "version": VERSION.split("+")[0],
            "description": "Topics and messages of the Newsflow pipeline (see DESIGN.md). "
            "Payload schemas accept properties they do not name: fields may be added to a "
            "topic's messages; a change that breaks readers makes a new topic (`.v2`).",
        },
        "defaultContentType": JSON,
        "servers": SERVERS,
        "channels": channels,
        "operations": operations,
        "components": {"schemas": schemas, "messages": messages},
    }


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def documents() -> dict[str, str]:
    """Relative path under the output folder -> file content."""
    out = {name: render(schema) for name, schema in json_schemas().items()}
    out["asyncapi.json"] = render(asyncapi())
    return out


def main(folder: str) -> None:
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    for name, text in documents().items():
        (target / name).write_text(text, encoding="utf-8")
        print(f"wrote {target / name}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/schemas")
