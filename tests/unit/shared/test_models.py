import datetime as dt

import pytest
from pydantic import ValidationError

from shared.identity import article_id, canonical_url, content_hash
from shared.models import QUAD_OF_TYPE, Article, EventType, Mention

NOW = dt.datetime(2025, 12, 20, 12, tzinfo=dt.UTC)


def make_article(**overrides: object) -> Article:
    fields: dict[str, object] = {
        "id": article_id("https://example.com/a"),
        "url": "https://example.com/a",
        "source": "example.com",
        "title": "T",
        "text": "Some text.",
        "published_at": NOW,
        "published_at_source": "feed",
        "fetched_at": NOW,
        "content_hash": content_hash("Some text."),
    }
    fields.update(overrides)
    return Article.model_validate(fields)


def test_article_round_trips_through_json() -> None:
    article = make_article()
    assert Article.model_validate_json(article.model_dump_json()) == article
    assert article.schema_version == 1


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError, match="extra"):
        make_article(surprise=1)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValidationError):
        make_article(published_at=dt.datetime(2025, 1, 1))


def test_id_must_be_32_hex() -> None:
    with pytest.raises(ValidationError):
        make_article(id="not-an-id")


def test_mention_end_before_start_is_refused() -> None:
    with pytest.raises(ValidationError):
        Mention(text="x", start=5, end=4, sentence=0)


def test_every_plover_type_has_a_quad() -> None:
    assert set(QUAD_OF_TYPE) == set(EventType.__args__)  # type: ignore[attr-defined]


def test_article_id_is_stable_over_tracking_parameters() -> None:
    plain = "https://example.com/news/story"
    tracked = "https://EXAMPLE.com/news/story?utm_source=rss&utm_medium=feed#comments"
    assert canonical_url(tracked) == canonical_url(plain)
    assert article_id(tracked) == article_id(plain)
    assert len(article_id(plain)) == 32


def test_content_hash_ignores_case_punctuation_and_spacing() -> None:
    assert content_hash("Hello,  World!\n") == content_hash("hello world")
    assert content_hash("hello world") != content_hash("hello there")
