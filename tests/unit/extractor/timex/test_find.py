"""find_times on parsed text: offsets, sentences, tense from the parse, spaCy's vetoes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from eval.evaluation import SEED_PREFIX
from services.extractor.timex.tagger import clause_tense, find_times

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


def test_year_earlier_after_the_nine_months_is_the_year(parse: Callable[[str], Doc]) -> None:
    text = (
        "Profit rose in the third quarter. For the nine months, net was $9 million, "
        "compared with a loss a year earlier."
    )
    times = find_times(parse(text), dt.datetime(1989, 10, 26, tzinfo=dt.UTC))
    assert [(t.text, t.value) for t in times] == [
        ("the third quarter", "1989-Q3"),
        ("the nine months", "P9M"),
        ("a year earlier", "1988"),
    ]


def test_no_times_in_text_without_any(parse: Callable[[str], Doc]) -> None:
    assert find_times(parse("The minister spoke to reporters in Kyiv."), SAT) == []


def _on(year: int, month: int, day: int) -> dt.datetime:
    return dt.datetime(year, month, day, 12, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("text", "when", "expression", "value"),
    [
        # A month-day by the date's own past verb: back, even more than half a year ("firm").
        pytest.param(
            "He was last seen Nov. 3, the day before police issued a warrant.",
            _on(1999, 5, 7),
            "Nov. 3",
            "1998-11-03",
            id="month_day-own-past-verb",
        ),
        pytest.param(
            "Slepian was shot to death on the night of Oct. 23 as he stood in his kitchen.",
            _on(1999, 5, 5),
            "Oct. 23",
            "1998-10-23",
            id="month_day-through-a-time-noun",
        ),
        # "set on" a day is when it happened; "set for" a day arranges it.
        pytest.param(
            "Stocks rose, leaving the index within 70 points of its record high set on Aug. 6.",
            _on(1998, 2, 6),
            "Aug. 6",
            "1997-08-06",
            id="month_day-set-on",
        ),
        # "since" a time: it has passed, whatever the tense of the clause.
        pytest.param(
            "Investigators have been searching for Kopp since shortly after the Oct. 23 slaying.",
            _on(1999, 5, 6),
            "Oct. 23",
            "1998-10-23",
            id="month_day-since",
        ),
        # A past tense that is not the date's own only leans: the nearer date wins.
        pytest.param(
            "Meissner gave no reason for the Jan. 14 deadline.",
            _on(2000, 1, 5),
            "Jan. 14",
            "2000-01-14",
            id="month_day-under-a-noun",
        ),
        pytest.param(
            "Directors authorized a 3-for-2 split of the common, payable Dec. 7.",
            _on(1989, 10, 27),
            "Dec. 7",
            "1989-12-07",
            id="month_day-under-an-adjective",
        ),
        pytest.param(
            "Dow Jones said it extended its offer until 5 p.m. EST Nov. 9.",
            _on(1989, 11, 2),
            "5 p.m. EST Nov. 9",
            "1989-11-09T17:00",
            id="month_day-extended-until",
        ),
        # The weekday decides the year.
        pytest.param(
            "The Times said in an editorial on Saturday, April 25: the court erred.",
            _on(1998, 4, 24),
            "Saturday, April 25",
            "1998-04-25",
            id="month_day-named-weekday",
        ),
        # A deadline given or extended lies ahead of a past clause.
        pytest.param(
            "The government gave Merieux until mid-November to submit more information.",
            _on(1989, 10, 30),
            "mid-November",
            "1989-11",
            id="month-deadline-given",
        ),
        pytest.param(
            "A group of lenders has extended Control Data $90 million in revolving loans through "
            "January.",
            _on(1989, 10, 30),
            "January",
            "1990-01",
            id="month-extended-through",
        ),
        # An infinitive of purpose under a past verb: its month need not be a year back.
        pytest.param(
            "Dealers placed heavy buy orders to start the first trading day for November "
            "transactions.",
            _on(1989, 10, 30),
            "November",
            "1989-11",
            id="month-infinitive-of-purpose",
        ),
        # An "-ing" participle takes its governor's past ("has fluctuated ... rising").
        pytest.param(
            "Nashua's stock has fluctuated sharply, rising to a high of $42.875 a share in June "
            "from $29.75 in March.",
            _on(1989, 10, 30),
            "March",
            "1989-03",
            id="month-participle",
        ),
        # A month under a noun in a past clause: the coming month, not eleven back.
        pytest.param(
            "Reports said Saudi Arabia told oil companies of a 15-20 percent cutback in its oil "
            "supply in September.",
            _on(1990, 8, 16),
            "September",
            "1990-09",
            id="month-under-a-noun-ahead",
        ),
        pytest.param(
            "More than two-thirds of the systems shipped were products introduced in April.",
            _on(1989, 10, 26),
            "April",
            "1989-04",
            id="month-under-a-noun-back",
        ),
        # A clause that opens after the date ("that ... could") is not the date's.
        pytest.param(
            "President Clinton, meantime, glossed over stern warnings from Moscow on Thursday that "
            "US air strikes against Iraq could do serious harm to relations with the Kremlin.",
            _on(1998, 2, 13),
            "Thursday",
            "1998-02-12",
            id="weekday-clause-after-the-date",
        ),
        # "could be located", "could not be reached": an attempt made.
        pytest.param(
            "Neither he nor Elian's four grandparents could be located Wednesday in Cardenas.",
            _on(2000, 1, 6),
            "Wednesday",
            "2000-01-05",
            id="weekday-could-be-located",
        ),
        pytest.param(
            "U.S. Immigration officials postponed until Tuesday morning any action on the case.",
            _on(2000, 3, 30),
            "Tuesday morning",
            "2000-04-04TMO",
            id="weekday-postponed-until",
        ),
        # A plan of the past perfect was overtaken: "had been due to expire Friday evening".
        pytest.param(
            "The bid was extended to Nov. 16. It had been due to expire Friday evening.",
            _on(1989, 10, 30),
            "Friday evening",
            "1989-10-27TEV",
            id="weekday-past-perfect-plan",
        ),
        pytest.param(
            "The group might come to the U.S. as early as Tuesday.",
            _on(2000, 4, 3),
            "Tuesday",
            "2000-04-04",
            id="weekday-as-early-as",
        ),
    ],
)
def test_date_follows_its_own_clause(
    parse: Callable[[str], Doc], text: str, when: dt.datetime, expression: str, value: str
) -> None:
    assert _values(parse, text, when)[expression] == value


@pytest.mark.parametrize(
    ("text", "expression", "kind", "value"),
    [
        # After an amount or what is counted, "a year" is how often: TimeML's SET.
        pytest.param("Exiles send $1 billion a year to Cuba.", "a year", "SET", "P1Y", id="money"),
        pytest.param("Qantas flies four flights a week.", "a week", "SET", "P1W", id="counted"),
        pytest.param("He meets reporters twice a week.", "a week", "SET", "P1W", id="twice"),
        # After a verb it is how long, even a verb ending in -s.
        pytest.param("The process takes a year.", "a year", "DURATION", "P1Y", id="takes"),
        pytest.param("The review lasts a week.", "a week", "DURATION", "P1W", id="lasts"),
        pytest.param("He serves a year in prison.", "a year", "DURATION", "P1Y", id="serves"),
        pytest.param("It remains a month away.", "a month", "DURATION", "P1M", id="remains"),
    ],
)
def test_a_year_after_an_amount_is_a_rate(
    parse: Callable[[str], Doc], text: str, expression: str, kind: str, value: str
) -> None:
    times = [t for t in find_times(parse(text), WED) if t.text == expression]
    assert [(t.type, t.value) for t in times] == [(kind, value)]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Highs will be in the twenties on Sunday.", id="highs-in"),
        pytest.param("Temperatures dropped into the thirties overnight.", id="temperatures-into"),
        pytest.param("It dropped into the thirties overnight.", id="dropped-into"),
        pytest.param("Daytime highs in the forties are expected.", id="highs-under-a-noun"),
    ],
)
def test_a_temperature_in_the_twenties_is_no_decade(parse: Callable[[str], Doc], text: str) -> None:
    assert [t for t in find_times(parse(text), WED) if "ties" in t.text] == []


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        pytest.param(
            "In the early nineties, the company grew fast.",
            "the early nineties",
            "199",
            id="early-nineties",
        ),
        pytest.param("Sales fell in the nineties.", "the nineties", "199", id="fell-in"),
        pytest.param("He went to high school in the sixties.", "the sixties", "196", id="school"),
    ],
)
def test_a_decade_word_in_a_temporal_use_stays(
    parse: Callable[[str], Doc], text: str, expression: str, value: str
) -> None:
    times = [t for t in find_times(parse(text), WED) if t.text == expression]
    assert [(t.type, t.value) for t in times] == [("DATE", value)]


def test_march_the_procession_is_not_a_month(parse: Callable[[str], Doc]) -> None:
    text = "Police scanned the crowd at the annual March for Life on Capitol Hill in March."
    times = find_times(parse(text), _on(1999, 1, 22))
    assert [(t.text, t.start) for t in times] == [("March", text.rindex("March"))]


def test_soon_looks_ahead_only_outside_a_past_narrative(parse: Callable[[str], Doc]) -> None:
    ahead = _values(parse, "Kellogg soon will begin selling boxes for 99 cents.", WED)
    assert ahead == {"soon": "FUTURE_REF"}
    assert _values(parse, "He was taken to a hospital and was soon released.", WED) == {}


def test_year_as_a_modifier_with_a_date_label(parse: Callable[[str], Doc]) -> None:
    values = _values(
        parse, "Analysts were predicting 1990 BellSouth earnings of $3.90 a share.", WED
    )
    assert values == {"1990": "1990"}


def test_topic_quarter_is_a_reported_one_not_a_forecast(parse: Callable[[str], Doc]) -> None:
    text = (
        "Travelers Corp.'s third-quarter net income rose 11%. Travelers estimated that the "
        "earthquake will result in a fourth-quarter charge of less than $10 million. Earnings "
        "from commercial lines fell, compared with earnings of $6.1 million a year ago."
    )
    values = _values(parse, text, _on(1989, 11, 2))
    assert values["fourth-quarter"] == "1989-Q4"
    assert values["a year ago"] == "1988-Q3"


def test_previous_weekday_counts_from_the_story_day(parse: Callable[[str], Doc]) -> None:
    text = (
        "London share prices closed sharply lower Friday. The index closed down 4.5% from the "
        "previous Friday."
    )
    values = _values(parse, text, _on(1989, 10, 30))
    assert values == {"Friday": "1989-10-27", "the previous Friday": "1989-10-20"}


def test_no_name_part_is_a_time(parse: Callable[[str], Doc]) -> None:
    when = dt.datetime(2019, 11, 20, tzinfo=dt.UTC)
    # A surname ("Timothy Weeks") and the word a name goes on after ("Six-Day" War) are no
    # times; a date that ends a name ("of 1967") and the common noun "weeks" are.
    assert "Weeks" not in _values(parse, "Timothy Weeks was freed on Tuesday.", when)
    assert _values(parse, "Israel won the Six-Day War.", when) == {}
    assert _values(parse, "It was the Six-Day War of 1967.", when) == {"1967": "1967"}
    assert _values(parse, "The talks lasted weeks.", when) == {"weeks": "PXW"}


def test_the_next_year_follows_the_story_time(parse: Callable[[str], Doc]) -> None:
    when = dt.datetime(2019, 11, 20, tzinfo=dt.UTC)
    text = "In 2016, Holcomb ran for governor. He won the election the next year."
    assert _values(parse, text, when)["the next year"] == "2017"
    # Without "the" it is the year after the publication.
    assert _values(parse, "He will run next year.", when) == {"next year": "2020"}


def test_a_day_without_a_year_is_in_the_year_its_paragraph_tells(
    parse: Callable[[str], Doc],
) -> None:
    text = (
        "Sinatra was kidnapped on December 8, 1963. His father paid on December 11. The"
        " conspirators had met in 1962 and talked again in March.\n\nHe was freed on"
        " December 12. Investigators dating the case to 1994 met on Dec. 3."
    )
    values = _values(parse, text, SAT)
    assert values["December 11"] == "1963-12-11"  # the paragraph's day, named with its year
    assert values["March"] == "2025-03"  # a month alone keeps the publication's reading
    assert values["December 12"] == "2025-12-12"  # another paragraph
    assert values["Dec. 3"] == "2025-12-03"  # after a year alone
