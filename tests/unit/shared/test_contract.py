from pathlib import Path

from shared.contract import documents

DOCS = Path(__file__).resolve().parents[3] / "docs" / "schemas"


def test_committed_schemas_are_fresh() -> None:
    expected = documents()
    stale = [
        name
        for name, text in expected.items()
        if not (DOCS / name).exists() or (DOCS / name).read_text(encoding="utf-8") != text
    ]
    assert not stale, f"stale or missing: {stale}; run `make schemas` and commit docs/schemas"


def test_asyncapi_names_every_topic_of_the_design() -> None:
    import json

    doc = json.loads(documents()["asyncapi.json"])
    addresses = {c["address"] for c in doc["channels"].values()}
    assert addresses == {"news.articles.v1", "news.enriched.v2", "news.events.v2", "news.dlq.v1"}
    assert "Event" in doc["components"]["schemas"]
