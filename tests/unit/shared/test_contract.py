"""The generated contract: fresh on disk, servers, operations and headers, open schemas."""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema
import pytest
from pydantic import ValidationError

from services.extractor.app import EXTRACTION_FAILED
from shared.contract import documents
from shared.dlq import dead_letter_headers
from shared.headers import (
    DLQ_REASONS,
    H_CLASS,
    H_CONTENT_TYPE,
    H_MESSAGE,
    H_OFFSET,
    H_PARTITION,
    H_REASON,
    H_SCHEMA_VERSION,
    H_STACK,
    H_TOPIC,
    MAX_HEADER_CHARS,
    PROCESSING_FAILED,
)
from shared.models import Article
from tests.conftest import IN_CI, REPO
from tests.samples import article

DOCS = Path(__file__).resolve().parents[3] / "docs" / "schemas"
# npm's @asyncapi/specs, unpacked by `make tools`.
ASYNCAPI_3 = REPO / ".venv" / "asyncapi-specs" / "schemas" / "3.0.0-without-$id.json"


def test_committed_schemas_are_fresh() -> None:
    expected = documents()
    stale = [
        name
        for name, text in expected.items()
        if not (DOCS / name).exists() or (DOCS / name).read_text(encoding="utf-8") != text
    ]
    assert not stale, f"stale or missing: {stale}; run `make schemas` and commit docs/schemas"


def test_asyncapi_names_every_topic_of_the_design() -> None:
    doc = json.loads(documents()["asyncapi.json"])
    addresses = {c["address"] for c in doc["channels"].values()}
    assert addresses == {"news.articles.v1", "news.enriched.v2", "news.events.v2", "news.dlq.v1"}
    assert "Event" in doc["components"]["schemas"]


def test_asyncapi_has_servers_operations_both_ways_and_headers() -> None:
    doc = json.loads(documents()["asyncapi.json"])
    assert {s["host"] for s in doc["servers"].values()} == {"127.0.0.1:{port}", "kafka:9092"}
    assert all(s["protocol"] == "kafka" for s in doc["servers"].values())
    for channel_id in doc["channels"]:
        actions = {
            op["action"]
            for op in doc["operations"].values()
            if op["channel"]["$ref"] == f"#/channels/{channel_id}"
        }
        assert actions == {"send", "receive"}, channel_id
    messages = doc["components"]["messages"]
    article = messages["Article"]["headers"]
    assert article["properties"][H_CONTENT_TYPE]["const"] == "application/json"
    assert article["properties"][H_SCHEMA_VERSION]["const"] == "1"
    assert set(article["required"]) == {H_CONTENT_TYPE, H_SCHEMA_VERSION}
    assert messages["EventMessage"]["headers"]["properties"][H_SCHEMA_VERSION]["const"] == "2"
    dead = messages["DeadLetter"]["headers"]
    assert {H_TOPIC, H_PARTITION, H_OFFSET, H_CLASS, H_MESSAGE, H_REASON} <= set(dead["required"])


@dataclass
class Poison:
    """A record as a consumer read it: what `dead_letter_headers` reads."""

    topic: str = "news.articles.v1"
    partition: int = 0
    offset: int = 7
    key: bytes | None = b"k"
    value: bytes | None = b"{}"
    headers: list[tuple[str, bytes]] = field(default_factory=list)


def test_the_dead_letter_headers_say_every_reason_and_the_cut_the_code_makes() -> None:
    doc = json.loads(documents()["asyncapi.json"])
    described = doc["components"]["messages"]["DeadLetter"]["headers"]["properties"]
    named = set(re.findall(r"\w+", described[H_REASON]["description"]))
    assert {*DLQ_REASONS, EXTRACTION_FAILED} <= named
    error = ValueError("x" * (MAX_HEADER_CHARS + 1))
    headers = dead_letter_headers(
        Poison(), service="extractor", reason=PROCESSING_FAILED, error=error, attempts=3
    )
    assert len(headers[H_MESSAGE]) == MAX_HEADER_CHARS
    assert f"at most {len(headers[H_MESSAGE])} characters" in described[H_MESSAGE]["description"]
    assert f"at most {len(headers[H_STACK])} characters" in described[H_STACK]["description"]


def test_published_schemas_accept_unknown_properties_and_our_models_do_not() -> None:

    message = json.loads(article().model_dump_json())
    message["added_in_a_later_release"] = {"any": "thing"}
    for name, text in documents().items():
        assert '"additionalProperties": false' not in text, name
    schema = json.loads(documents()["Article.schema.json"])
    jsonschema.Draft202012Validator(schema).validate(message)
    with pytest.raises(ValidationError):
        Article.model_validate(message)


def test_asyncapi_document_validates_against_the_official_asyncapi_3_schema() -> None:
    if not ASYNCAPI_3.exists():
        if IN_CI:
            pytest.fail(f"{ASYNCAPI_3} is missing; `make tools` fetches it")
        pytest.skip(f"{ASYNCAPI_3} is absent (`make tools` fetches it)")
    schema = json.loads(ASYNCAPI_3.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    doc = json.loads(documents()["asyncapi.json"])
    assert [e.message for e in validator.iter_errors(doc)] == []
    # The validator does look inside: an operation with an action AsyncAPI 3 lacks is refused.
    doc["operations"]["send_news_dlq_v1"]["action"] = "publish"
    assert list(validator.iter_errors(doc))
