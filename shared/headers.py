"""The Kafka headers of Newsflow's messages: their names, values and meanings.

Every message we publish says what its bytes are (`content-type`) and which version of its
topic's schema it follows (`newsflow.schema.version`), so a consumer can tell both without
parsing the value. A dead letter carries Kafka Connect's `__connect.errors.*` headers plus ours.
`shared.contract` documents all of them in the AsyncAPI document from the tables below.
"""

from __future__ import annotations

import functools
from typing import Final

from shared import topics
from shared.models import Article, EnrichedArticle, EventMessage, Message

H_CONTENT_TYPE: Final = "content-type"
H_SCHEMA_VERSION: Final = "newsflow.schema.version"
JSON: Final = "application/json"
# What a dead letter's bytes are when the original did not say (a foreign producer's record).
OCTET_STREAM: Final = "application/octet-stream"

# The payload model of each topic (the DLQ carries the original bytes, whatever they are).
PAYLOADS: Final[dict[str, type[Message]]] = {
    topics.ARTICLES: Article,
    topics.ENRICHED: EnrichedArticle,
    topics.EVENTS: EventMessage,
}

# Kafka Connect's dead-letter header names, so existing tooling can read ours.
H_TOPIC: Final = "__connect.errors.topic"
H_PARTITION: Final = "__connect.errors.partition"
H_OFFSET: Final = "__connect.errors.offset"
H_SERVICE: Final = "__connect.errors.connector.name"
H_STAGE: Final = "__connect.errors.stage"
H_CLASS: Final = "__connect.errors.exception.class.name"
H_MESSAGE: Final = "__connect.errors.exception.message"
H_STACK: Final = "__connect.errors.exception.stacktrace"
H_REASON: Final = "newsflow.dlq.reason"
H_ATTEMPTS: Final = "newsflow.dlq.attempts"
# Added by `newsflow dlq replay`, so a message that comes back to the DLQ shows its history.
H_REPLAYED: Final = "newsflow.replayed.from"
# FastStream's own message id, on every message its broker publishes.
H_CORRELATION_ID: Final = "correlation_id"

# The reasons (`H_REASON`) every consumer dead-letters for (shared/consume.py); a service's
# work may add its own (`reject_reasons`: the extractor's article it failed on).
INVALID_MESSAGE: Final = "invalid_message"
RETRIES_EXHAUSTED: Final = "retries_exhausted"
PROCESSING_FAILED: Final = "processing_failed"
DLQ_REASONS: Final = (INVALID_MESSAGE, RETRIES_EXHAUSTED, PROCESSING_FAILED)
# Error messages and stack traces can be long (pydantic lists every field); a header is not a log.
MAX_HEADER_CHARS: Final = 4000

# Name -> meaning, for the AsyncAPI document.
MESSAGE_HEADERS: Final = {
    H_CONTENT_TYPE: f"Always {JSON}: the value is the UTF-8 JSON of the topic's schema.",
    H_SCHEMA_VERSION: "The value's `schema_version`, as text: which version of the topic's "
    "schema it follows (additive changes keep it; a breaking one makes a new topic).",
    H_CORRELATION_ID: "FastStream's message id (absent from records replayed by `newsflow dlq`).",
    H_REPLAYED: "Only on a record re-sent by `newsflow dlq replay`: the dead letter it came from "
    "(`news.dlq.v1:PARTITION:OFFSET`).",
}
DEAD_LETTER_HEADERS: Final = {
    H_TOPIC: "Topic the original record was read from.",
    H_PARTITION: "Its partition.",
    H_OFFSET: "Its offset.",
    H_SERVICE: "The service that dead-lettered it (fetcher, extractor, indexer).",
    H_STAGE: "VALUE_CONVERTER when the value did not validate, else TASK_PUT.",
    H_CLASS: "Qualified class name of the error.",
    H_MESSAGE: f"The error message (at most {MAX_HEADER_CHARS} characters).",
    H_STACK: f"The end of the stack trace (at most {MAX_HEADER_CHARS} characters).",
    # The extractor's own reason is named here, not imported: shared imports no service (a
    # test checks it is still the extractor's).
    H_REASON: f"{', '.join(DLQ_REASONS)} or extraction_failed.",
    H_ATTEMPTS: "How many times the work was tried.",
    H_CONTENT_TYPE: f"The original's (`{JSON}` for ours), else `{OCTET_STREAM}`.",
}


@functools.cache  # read on every message published; the models do not change
def schema_version(topic: str) -> int:
    """The schema version of what we publish to `topic`."""
    default = PAYLOADS[topic].model_fields["schema_version"].default
    assert isinstance(default, int)  # every Message declares an int default
    return default


def message_headers(topic: str) -> dict[str, str]:
    """The headers of every message we publish to `topic` (one of `PAYLOADS`)."""
    return {H_CONTENT_TYPE: JSON, H_SCHEMA_VERSION: str(schema_version(topic))}
