"""find_times on parsed text: offsets, sentences, tense from the parse, spaCy's vetoes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from services.extractor.dates import clause_tense, find_times
from services.extractor.evaluation import SEED_PREFIX

SAT = dt.datetime(2025, 12, 20, 9, tzinfo=dt.UTC)
# A Wednesday: the coming and the last Saturday differ.
WED = dt.datetime(2025, 12, 17, 9, tzinfo=dt.UTC)


def _values(parse: Callable[[str], Doc], text: str, when: dt.datetime) -> dict[str, str]:
    return {t.text: t.value for t in find_times(parse(text), when)}


def test_seed_article_reading(parse: Callable[[str], Doc], seed_article_text: str) -> None:
    text = seed_article_text.removeprefix(SEED_PREFIX)
    times = find_times(parse(text), SAT)
    by_text: dict[str, set[str]] = {}
    for t in times:
        by_text.setdefault(t.text, set()).add(t.value)
    assert by_text["Saturday"] == {"2025-12-20"}
    assert by_text["Friday"] == {"2025-12-19"}
    assert by_text["February 2022"] == {"2022-02"}
    assert by_text["June 2024"] == {"2024-06"}
    assert by_text["this month"] == {"2025-12"}
    assert by_text["nearly four years"] == {"P4Y"}
    assert by_text["earlier this week"] == {"2025-W51"}
    assert by_text["the end of the year"] == {"2025"}
    four_years = next(t for t in times if t.text == "nearly four years")
    assert (four_years.type, four_years.start_date, four_years.anchored) == (
        "DURATION",
        None,
        False,
    )


def test_offsets_and_sentences_point_into_the_text(
    parse: Callable[[str], Doc], seed_article_text: str
) -> None:
    doc = parse(seed_article_text.removeprefix(SEED_PREFIX))
    sentences = list(doc.sents)
    times = find_times(doc, SAT)
    assert times
    for t in times:
        assert t.start is not None
        assert t.end is not None
        assert t.sentence is not None
        assert doc.text[t.start : t.end] == t.text
        sentence = sentences[t.sentence]
        assert sentence.start_char <= t.start
        assert t.end <= sentence.end_char


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Russian officials are set to arrive in Florida on Saturday.", "2025-12-20"),
        ("Talks on Saturday ended without a deal.", "2025-12-13"),
        ("The ministers will meet on Saturday in Geneva.", "2025-12-20"),
        ("The ministers met on Saturday in Geneva.", "2025-12-13"),
        ("The delegation plans to visit Kyiv on Saturday.", "2025-12-20"),
        ("The talks have been held on Saturday.", "2025-12-13"),
    ],
)
def test_weekday_by_clause_tense(parse: Callable[[str], Doc], text: str, value: str) -> None:
    assert _values(parse, text, WED)["Saturday"] == value


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # What a scheduling verb arranges lies ahead, whatever the verb's own tense.
        ("The company has scheduled a news conference Thursday.", "Thursday", "2025-12-18"),
        ("Protesters planned a large rally on Saturday.", "Saturday", "2025-12-20"),
        # ... but a date before the verb is when the planning happened.
        ("On Monday, the government planned new taxes.", "Monday", "2025-12-15"),
        # "be to" looks ahead; so does "as soon as".
        ("Shares are to resume trading Tuesday.", "Tuesday", "2025-12-23"),
        ("The troops would be ready to leave as soon as Tuesday.", "Tuesday", "2025-12-23"),
        # A participle's own past does not decide for a scheduling verb: its clause does.
        ("A summit set for April will decide.", "April", "2026-04"),
        ("The order issued Tuesday was lifted.", "Tuesday", "2025-12-16"),
    ],
)
def test_tense_of_arrangements(
    parse: Callable[[str], Doc], text: str, expression: str, value: str
) -> None:
    assert _values(parse, text, WED)[expression] == value


def test_story_time_anchors_anaphora(parse: Callable[[str], Doc]) -> None:
    text = (
        "He fled to Florida in June 1998 and returned later that year. On May 22, 1995, he "
        "was promoted, and the following year he moved to Paris."
    )
    values = _values(parse, text, WED)
    assert values["later that year"] == "1998"
    assert values["the following year"] == "1996"


def test_month_with_relative_year_is_one_expression(parse: Callable[[str], Doc]) -> None:
    values = _values(parse, "In July last year the leadership split.", WED)
    assert values == {"July last year": "2024-07"}


def test_clause_tense_of_infinitive_with_future_governor(parse: Callable[[str], Doc]) -> None:
    doc = parse("Officials are expected to sign the deal on Monday.")
    monday = next(t for t in doc if t.text == "Monday")
    assert clause_tense(doc[monday.i : monday.i + 1]) == "future"


def test_clause_tense_none_without_verb(parse: Callable[[str], Doc]) -> None:
    doc = parse("Talks on Friday")
    friday = next(t for t in doc if t.text == "Friday")
    assert clause_tense(doc[friday.i : friday.i + 1]) is None


def test_may_the_modal_is_not_a_month(parse: Callable[[str], Doc]) -> None:
    values = _values(parse, "May the talks resume? He said they may resume in May.", SAT)
    assert list(values) == ["May"]
    assert values["May"] in ("2025-05", "2026-05")


def test_bare_year_needs_a_preposition_or_ner(parse: Callable[[str], Doc]) -> None:
    values = _values(parse, "The plant hired 2000 workers in 1998.", SAT)
    assert values == {"1998": "1998"}


def test_year_earlier_reads_the_topic_quarter(parse: Callable[[str], Doc]) -> None:
    text = "Profit rose in the third quarter. It was $5 million a year earlier."
    values = _values(parse, text, dt.datetime(1989, 10, 26, tzinfo=dt.UTC))
    assert values == {"the third quarter": "1989-Q3", "a year earlier": "1988-Q3"}


def test_no_times_in_text_without_any(parse: Callable[[str], Doc]) -> None:
    assert find_times(parse("The minister spoke to reporters in Kyiv."), SAT) == []
