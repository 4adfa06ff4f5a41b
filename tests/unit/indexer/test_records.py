"""How an EnrichedArticle becomes rows, and the pure helpers around pages."""

from __future__ import annotations

import datetime as dt
import json
import zlib

from services.indexer.records import PACK_DICTIONARY, latest_per_article, pack, to_record, unpack
from services.indexer.results import ELLIPSIS, UpsertStats, lead_snippet
from services.indexer.store.rows import iso_timestamp
from shared.models import EnrichedArticle, TimeExpression
from tests import factories as f
from tests.unit.indexer import schema_2
from tests.unit.indexer.store_cases import CORPUS


def test_event_interval_falls_back_to_the_publication_day() -> None:
    a = f.article(
        published_at=dt.datetime(2025, 12, 20, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    )
    duration = TimeExpression(
        text="nearly four years", type="DURATION", value="P4Y", anchored=False
    )
    ev = f.event(a, 0).model_copy(update={"date": duration, "date_source": "explicit"})
    (row,) = to_record(f.enriched(a, events=[ev])).events
    # 23:30 at UTC-5 is the 21st in UTC, the day the index files it under.
    assert (row.date_start, row.date_end) == (dt.date(2025, 12, 21), dt.date(2025, 12, 21))


def test_open_ended_interval_uses_the_known_end() -> None:
    a = f.article()
    ev = f.event(a, 0, date=("2025-12", None, dt.date(2025, 12, 31)))
    (row,) = to_record(f.enriched(a, events=[ev])).events
    assert (row.date_start, row.date_end) == (dt.date(2025, 12, 31), dt.date(2025, 12, 31))


def test_event_actors_places_and_countries() -> None:
    record = to_record(CORPUS[0])
    first = record.events[0]
    assert first.actors == [
        ("Kirill Dmitriev", "kirill dmitriev"),
        ("Steve Witkoff", "steve witkoff"),
        ("Jared Kushner", "jared kushner"),
    ]
    assert first.place_names == [("Florida", "florida")]
    assert first.countries == ["RU", "US"]
    assert record.events[1].countries == ["RU"]


def test_repeated_names_and_ids_collapse() -> None:
    a = f.article()
    ev = f.event(a, 0, sources=["Putin", "putin"], targets=["Putin"], places=["Kyiv", "KYIV"])
    record = to_record(f.enriched(a, events=[ev, ev]))
    (row,) = record.events
    # One row per actor, the first spelling: an actor who is also a target is still one.
    assert row.actors == [("Putin", "putin")]
    assert row.place_names == [("Kyiv", "kyiv")]


def test_timestamps_are_utc() -> None:
    a = f.article(
        published_at=dt.datetime(2025, 12, 20, 12, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    )
    record = to_record(f.enriched(a))
    assert record.published_at == dt.datetime(2025, 12, 20, 9, tzinfo=dt.UTC)
    assert iso_timestamp(record.published_at) == "2025-12-20T09:00:00.000000+00:00"
    assert iso_timestamp("2025-12-20T12:00:00+03:00") == "2025-12-20T09:00:00.000000+00:00"


def test_latest_per_article_keeps_the_latest_in_id_order() -> None:
    old = CORPUS[0]
    newer = old.model_copy(update={"extracted_at": old.extracted_at + dt.timedelta(hours=1)})
    chosen = latest_per_article([newer, *CORPUS[1:], old])
    assert [e.article.id for e in chosen] == sorted(e.article.id for e in CORPUS)
    assert newer in chosen
    assert old not in chosen


def test_lead_snippet() -> None:
    assert lead_snippet("Short\n\ntext.") == "Short text."
    long = "word " * 100
    snippet = lead_snippet(long, limit=50)
    assert snippet.endswith(ELLIPSIS)
    assert len(snippet) <= 51
    assert not snippet[:-1].endswith(" ")


def test_upsert_stats_add() -> None:
    assert UpsertStats(1, 0, 2, 0) + UpsertStats(0, 1, 3, 1) == UpsertStats(1, 1, 5, 1)


def test_packed_message_leaves_out_what_its_text_gives_back() -> None:
    enriched = _sliced(CORPUS[0])
    stored = json.loads(zlib.decompressobj(zdict=PACK_DICTIONARY).decompress(pack(enriched)))
    assert "text" not in stored["article"]
    for event in stored["events"]:
        assert set(event).isdisjoint({"sentence", "id", "article_id"})
    assert all("text" not in m for e in stored["entities"] for m in e["mentions"])
    assert unpack(pack(enriched), enriched.article.text) == enriched


def _sliced(enriched: EnrichedArticle) -> EnrichedArticle:
    """The message with each event's sentence and each mention's words the text between
    their offsets, as the extractor makes them."""
    text = enriched.article.text
    events = [
        e.model_copy(update={"sentence": text[e.start : e.end], "id": f"{e.article_id}-{i}"})
        for i, e in enumerate(enriched.events)
    ]
    entities = [
        e.model_copy(
            update={
                "mentions": [
                    m.model_copy(update={"text": text[m.start : m.end]}) for m in e.mentions
                ]
            }
        )
        for e in enriched.entities
    ]
    return enriched.model_copy(update={"events": events, "entities": entities})


def test_packed_message_keeps_what_its_text_would_not_give_back() -> None:
    """A field is left out only where putting it back from the text gives it exactly."""
    enriched = CORPUS[0]
    event = enriched.events[0].model_copy(update={"sentence": "Another sentence.", "id": "x-9"})
    entity = enriched.entities[0]
    mention = entity.mentions[0].model_copy(update={"text": "someone else"})
    odd = enriched.model_copy(
        update={
            "events": [event, *enriched.events[1:]],
            "entities": [entity.model_copy(update={"mentions": [mention]}), *enriched.entities[1:]],
        }
    )
    stored = json.loads(zlib.decompressobj(zdict=PACK_DICTIONARY).decompress(pack(odd)))
    assert (stored["events"][0]["sentence"], stored["events"][0]["id"]) == (
        "Another sentence.",
        "x-9",
    )
    assert stored["entities"][0]["mentions"][0]["text"] == "someone else"
    assert unpack(pack(odd), odd.article.text) == odd


def test_schema_2_messages_unpack() -> None:
    """Messages packed by schema 2 (whole events, no dictionary) read back as they were."""
    enriched = CORPUS[0]
    assert unpack(schema_2.pack(enriched), enriched.article.text) == enriched
