"""Generated contract documents: JSON Schemas of the messages and an AsyncAPI 3.0 document.

`python -m shared.contract docs/schemas` (or `make schemas`) writes them; a test fails when the
committed files differ from what the code generates.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from shared import topics
from shared.models import Article, EnrichedArticle, EventMessage
from shared.version import VERSION

# (topic, payload model or None for raw bytes, key, who writes, who reads): DESIGN.md's table.
CHANNELS: tuple[tuple[str, type[BaseModel] | None, str, str, str], ...] = (
    (topics.ARTICLES, Article, "article id", "fetcher, newsflow ingest", "extractor"),
    (topics.ENRICHED, EnrichedArticle, "article id", "extractor", "indexer"),
    (topics.EVENTS, EventMessage, "event id", "extractor", "downstream consumers"),
    (topics.DLQ, None, "original key", "any service", "operators (newsflow dlq)"),
)


def json_schemas() -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema, one per top-level message."""
    return {
        f"{model.__name__}.schema.json": model.model_json_schema(mode="serialization")
        for _, model, *_ in CHANNELS
        if model is not None
    }


def asyncapi() -> dict[str, Any]:
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    schemas: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for topic, model, key, writers, readers in CHANNELS:
        channel_id = topic.replace(".", "_")
        if model is not None:
            schema = model.model_json_schema(
                mode="serialization", ref_template="#/components/schemas/{model}"
            )
            schemas.update(schema.pop("$defs", {}))
            schemas[model.__name__] = schema
            payload: dict[str, Any] = {"$ref": f"#/components/schemas/{model.__name__}"}
            name = model.__name__
        else:
            payload = {"type": "string", "format": "binary", "description": "original bytes"}
            name = "DeadLetter"
        messages[name] = {
            "name": name,
            "contentType": "application/json" if model else "application/octet-stream",
            "payload": payload,
            "bindings": {"kafka": {"key": {"type": "string", "description": key}}},
        }
        channels[channel_id] = {
            "address": topic,
            "description": f"Written by {writers}; read by {readers}.",
            "messages": {name: {"$ref": f"#/components/messages/{name}"}},
        }
        operations[f"publish_{channel_id}"] = {
            "action": "send",
            "channel": {"$ref": f"#/channels/{channel_id}"},
            "summary": f"{writers} publish to {topic}",
        }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "Newsflow",
            "version": VERSION.split("+")[0],
            "description": "Topics and messages of the Newsflow pipeline (see DESIGN.md).",
        },
        "defaultContentType": "application/json",
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
