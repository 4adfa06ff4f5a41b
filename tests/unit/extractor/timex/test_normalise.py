"""The pure normaliser: one case (at least) per rule, no spaCy."""

from __future__ import annotations

import datetime as dt

import pytest

from services.extractor.timex import scan as timex_scan
from services.extractor.timex.quantities import number
from services.extractor.timex.rules import RULES, Context
from services.extractor.timex.scan import resolve, scan
from services.extractor.timex.tagger import normalise
from services.extractor.timex.values import (
    Tense,
    dates_of,
    day_near,
    interval,
    month_near,
    value_at,
    weekday_near,
)

# The seed article's date: a Saturday.
SAT = dt.date(2025, 12, 20)
# A Wednesday, so that "Saturday" ahead and behind differ.
WED = dt.date(2025, 12, 17)
# An earnings-season date of the Wall Street Journal part of TimeBank (a Thursday, in Q4).
WSJ = dt.date(1989, 10, 26)

CASES: list[tuple[str, str, dt.date, Tense | None, str, str]] = [
    # (rule, text, anchor, tense, type, value)
    ("full_date", "Dec. 19, 2025", SAT, None, "DATE", "2025-12-19"),
    ("full_date", "Friday, March 4, 1998", SAT, None, "DATE", "1998-03-04"),
    ("full_date_dmy", "20 December 2025", SAT, None, "DATE", "2025-12-20"),
    ("numeric_date", "2025-12-19", SAT, None, "DATE", "2025-12-19"),
    ("numeric_date", "12/19/2025", SAT, None, "DATE", "2025-12-19"),
    ("month_day", "Jan. 14", SAT, None, "DATE", "2026-01-14"),
    ("month_day", "Nov. 17", SAT, "past", "DATE", "2025-11-17"),
    ("day_month", "14 January", SAT, None, "DATE", "2026-01-14"),
    ("day_month", "the 3rd of December", SAT, "past", "DATE", "2025-12-03"),
    ("week_of", "the week of March 6", dt.date(2000, 2, 24), None, "DATE", "2000-W10"),
    ("month_year", "February 2022", SAT, None, "DATE", "2022-02"),
    ("month_year", "June of 2024", SAT, None, "DATE", "2024-06"),
    # Broadcast transcripts spell the year out.
    ("month_year", "January nineteen ninety-seven", SAT, None, "DATE", "1997-01"),
    ("month_rel_year", "June last year", SAT, None, "DATE", "2024-06"),
    ("month_rel_year", "January this year", SAT, "future", "DATE", "2025-01"),
    ("month", "June", SAT, "past", "DATE", "2025-06"),
    ("month", "February", SAT, "future", "DATE", "2026-02"),
    ("month", "last March", SAT, None, "DATE", "2025-03"),
    ("year", "1990", SAT, None, "DATE", "1990"),
    ("fiscal_year", "fiscal 1989", SAT, None, "DATE", "1989"),
    ("decade", "the 1990s", SAT, None, "DATE", "199"),
    ("decade", "the '80s", SAT, None, "DATE", "198"),
    ("decade_word", "the nineties", SAT, None, "DATE", "199"),
    ("decade_word", "the nineteen-sixties", SAT, None, "DATE", "196"),
    # "the early" is a modifier, read before the match.
    ("decade_word", "the early nineties", SAT, None, "DATE", "199"),
    ("century", "the 20th century", SAT, None, "DATE", "19"),
    # Without "the" when it modifies a noun: "the fabled 11th century temple".
    ("century", "11th century", SAT, None, "DATE", "10"),
    ("season", "last fall", dt.date(1999, 4, 10), None, "DATE", "1998-FA"),
    ("season", "this summer", SAT, None, "DATE", "2025-SU"),
    ("season", "the winter of 1994", SAT, None, "DATE", "1994-WI"),
    ("season", "the winter of nineteen ninety-four", SAT, None, "DATE", "1994-WI"),
    ("quarter", "the third quarter", WSJ, None, "DATE", "1989-Q3"),
    ("quarter", "the fourth quarter", dt.date(1998, 1, 26), None, "DATE", "1997-Q4"),
    ("quarter", "third-quarter", WSJ, None, "DATE", "1989-Q3"),
    ("quarter", "the second quarter of 1990", WSJ, None, "DATE", "1990-Q2"),
    ("latest_quarter", "the latest quarter", WSJ, None, "DATE", "1989-Q3"),
    ("year_quarter", "this year's third quarter", WSJ, None, "DATE", "1989-Q3"),
    ("year_quarter", "next year's first quarter", WSJ, None, "DATE", "1990-Q1"),
    ("half", "the first half of 1990", WSJ, None, "DATE", "1990-H1"),
    ("half", "the first two quarters of 1990", WSJ, None, "DATE", "1990-H1"),
    ("year_period", "the 1988 period", WSJ, None, "DATE", "1988"),
    ("spelled_year", "nineteen ninety-six", SAT, None, "DATE", "1996"),
    ("year_earlier", "a year earlier", WSJ, None, "DATE", "1988"),
    ("year_earlier", "year-ago", WSJ, None, "DATE", "1988"),
    ("year_earlier", "the quarter a year ago", WSJ, None, "DATE", "1988"),
    ("named_day", "yesterday", SAT, None, "DATE", "2025-12-19"),
    ("named_day", "tomorrow", SAT, None, "DATE", "2025-12-21"),
    ("named_day", "today", SAT, None, "DATE", "2025-12-20"),
    ("named_day", "tonight", SAT, None, "TIME", "2025-12-20TNI"),
    ("part_of_day", "this morning", SAT, None, "TIME", "2025-12-20TMO"),
    ("part_of_day", "Friday night", SAT, None, "TIME", "2025-12-19TNI"),
    ("part_of_day", "last night", SAT, None, "TIME", "2025-12-19TNI"),
    ("clock", "3 p.m.", SAT, None, "TIME", "2025-12-20T15:00"),
    ("clock", "10:35 a.m.", SAT, None, "TIME", "2025-12-20T10:35"),
    ("clock", "10 p.m. Wednesday", SAT, None, "TIME", "2025-12-17T22:00"),
    ("clock", "noon", SAT, None, "TIME", "2025-12-20T12:00"),
    # "midnight Friday" is a clock time, not "mid" + "night".
    ("clock", "midnight Friday", SAT, "past", "TIME", "2025-12-19T24:00"),
    ("soon", "soon", SAT, "future", "DATE", "FUTURE_REF"),
    ("soon", "as soon as possible", SAT, None, "DATE", "FUTURE_REF"),
    ("reference_word", "now", SAT, None, "DATE", "PRESENT_REF"),
    ("reference_word", "recently", SAT, None, "DATE", "PAST_REF"),
    ("reference_word", "the near future", SAT, None, "DATE", "FUTURE_REF"),
    ("reference_word", "then current", SAT, None, "DATE", "PAST_REF"),
    ("anaphoric", "the following year", SAT, None, "DATE", "2026"),
    ("anaphoric", "the previous month", SAT, None, "DATE", "2025-11"),
    ("anaphoric", "the next day", SAT, None, "DATE", "2025-12-21"),
    ("year_end", "year-end", SAT, None, "DATE", "2025"),
    ("year_end", "year's end", SAT, None, "DATE", "2025"),
    ("this_unit", "this month", SAT, None, "DATE", "2025-12"),
    ("this_unit", "last month", SAT, None, "DATE", "2025-11"),
    ("this_unit", "this year", SAT, None, "DATE", "2025"),
    ("this_unit", "next year", SAT, None, "DATE", "2026"),
    ("this_unit", "this week", SAT, None, "DATE", "2025-W51"),
    ("this_unit", "last week", SAT, None, "DATE", "2025-W50"),
    ("this_unit", "the past year", SAT, None, "DATE", "2024"),
    ("this_unit", "the weekend", WED, "past", "DATE", "2025-W50-WE"),
    ("this_unit", "the past decade", SAT, None, "DURATION", "P10Y"),
    ("ago", "two days ago", SAT, None, "DATE", "2025-12-18"),
    ("ago", "five years ago", SAT, None, "DATE", "2020"),
    ("ago", "a month ago", SAT, None, "DATE", "2025-11"),
    ("ago", "several years ago", SAT, None, "DATE", "PAST_REF"),
    ("duration", "four years", SAT, None, "DURATION", "P4Y"),
    ("duration", "the past two months", SAT, None, "DURATION", "P2M"),
    ("duration", "24 hours", SAT, None, "DURATION", "PT24H"),
    ("duration", "several weeks", SAT, None, "DURATION", "PXW"),
    ("duration", "five-year", SAT, None, "DURATION", "P5Y"),
    ("duration", "two and a half years", SAT, None, "DURATION", "P2Y6M"),
    ("duration", "5 1/2 hours", SAT, None, "DURATION", "PT5H30M"),
    ("duration", "a minute and a half", SAT, None, "DURATION", "PT1M30S"),
    ("duration", "20 more years", SAT, None, "DURATION", "P20Y"),
    ("duration", "eight trading days", SAT, None, "DURATION", "P8D"),
    ("duration", "the next couple of years", SAT, None, "DURATION", "P2Y"),
    ("half_unit", "half an hour", SAT, None, "DURATION", "PT30M"),
    ("unit_period", "a three-year period", SAT, None, "DURATION", "P3Y"),
    ("vague_span", "recent weeks", SAT, None, "DURATION", "PXW"),
    ("vague_span", "years", SAT, None, "DURATION", "PXY"),
    ("vague_span", "recent years", SAT, None, "DATE", "PAST_REF"),
    ("vague_span", "recent months", SAT, None, "DURATION", "PXM"),
    ("set_word", "daily", SAT, None, "SET", "P1D"),
    ("every", "every Monday", SAT, None, "SET", "XXXX-WXX-1"),
    ("every", "each July", SAT, None, "SET", "XXXX-07"),
    ("every", "every two years", SAT, None, "SET", "P2Y"),
    ("weekday_set", "Tuesday nights", SAT, None, "SET", "XXXX-WXX-2TNI"),
    ("weekday", "Saturday", SAT, "future", "DATE", "2025-12-20"),
    ("weekday", "Friday", SAT, "past", "DATE", "2025-12-19"),
    ("weekday", "next Tuesday", SAT, None, "DATE", "2025-12-23"),
    ("weekday", "last Saturday", SAT, None, "DATE", "2025-12-13"),
    ("holiday", "Christmas", SAT, "future", "DATE", "2025-12-25"),
    ("holiday", "Thanksgiving", SAT, "past", "DATE", "2025-11-27"),
    # The Tuesday after the first Monday of November.
    ("holiday", "Election Day", dt.date(1998, 10, 26), "future", "DATE", "1998-11-03"),
    # The ISO week holding Easter: begun on its Monday, six days before Easter 2000.
    ("holiday", "Easter week", dt.date(2000, 4, 17), "past", "DATE", "2000-W16"),
]


@pytest.mark.parametrize(
    ("rule", "text", "anchor", "tense", "kind", "value"),
    CASES,
    ids=[f"{case[0]}:{case[1]}" for case in CASES],
)
def test_rule_reads_expression(
    rule: str, text: str, anchor: dt.date, tense: Tense | None, kind: str, value: str
) -> None:
    found = [m for m in scan(text, Context(anchor, tense)) if (m.start, m.end) == (0, len(text))]
    assert [m.rule for m in found] == [rule]
    timex = normalise(text, anchor, tense=tense)
    assert timex is not None
    assert (timex.type, timex.value) == (kind, value)


# Rules that read the words around the expression, so their cases are whole sentences:
# (rule, sentence, expression, anchor, type, value).
IN_CONTEXT: list[tuple[str, str, str, dt.date, str, str]] = [
    # A fiscal year named by its end is twelve months, not a calendar year.
    ("fiscal_period", "Sales for the year ended June 30 rose.", "the year", WSJ, "DURATION", "P1Y"),
    (
        "fiscal_period",
        "Profit in the fiscal year ending in May fell.",
        "the fiscal year",
        WSJ,
        "DURATION",
        "P1Y",
    ),
    # A period that "ended" on a day: that day has passed, even ten months back.
    (
        "period_end",
        "Revenue for the year ended Dec. 31 rose.",
        "Dec. 31",
        WSJ,
        "DATE",
        "1988-12-31",
    ),
    (
        "period_end",
        "Sales in the quarter ended Sept. 30 fell.",
        "Sept. 30",
        WSJ,
        "DATE",
        "1989-09-30",
    ),
    (
        "anaphoric",
        "Talks stalled and later that day they resumed.",
        "later that day",
        SAT,
        "DATE",
        "2025-12-20",
    ),
    (
        "anaphoric",
        "She met him for lunch earlier in the day.",
        "earlier in the day",
        SAT,
        "DATE",
        "2025-12-20",
    ),
    # "the year before" with nothing after it to say before what: the story's time.
    (
        "anaphoric",
        "Sales fell to $300 million, down from $450 million the year before.",
        "the year before",
        SAT,
        "DATE",
        "2024",
    ),
    # "by mid afternoon": the day is the publication's.
    (
        "part_alone",
        "By mid afternoon, officials were saying the operation was over.",
        "mid afternoon",
        dt.date(1998, 3, 6),
        "TIME",
        "1998-03-06TAF",
    ),
    ("duration", "The deal could take as long as a month.", "a month", WSJ, "DURATION", "P1M"),
    # The weekday after a bracketed time-zone conversion dates the clock time.
    (
        "clock",
        "The blast occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a building.",
        "about 10:35 a.m.",
        dt.date(1998, 8, 8),
        "TIME",
        "1998-08-07T10:35",
    ),
    # Without the weekday the publication's day stays.
    ("clock", "It ended at 3 p.m. (1900 GMT).", "3 p.m.", SAT, "TIME", "2025-12-20T15:00"),
    # "the last two quarters" with no year is a span back from now, not a half-year.
    (
        "duration",
        "Sales fell in the last two quarters.",
        "the last two quarters",
        WSJ,
        "DURATION",
        "P2Q",
    ),
]


@pytest.mark.parametrize(
    ("rule", "sentence", "expression", "anchor", "kind", "value"),
    IN_CONTEXT,
    ids=[f"{case[0]}:{case[2]}" for case in IN_CONTEXT],
)
def test_rule_reads_expression_in_context(
    rule: str, sentence: str, expression: str, anchor: dt.date, kind: str, value: str
) -> None:
    start = sentence.index(expression)
    found = [m for m in scan(sentence, Context(anchor)) if m.rule == rule]
    assert [(m.start, m.end) for m in found] == [(start, start + len(expression))]
    timex = resolve(found[0], Context(anchor))
    assert timex is not None
    assert (timex.type, timex.value) == (kind, value)


@pytest.mark.parametrize(
    ("text", "after_amount", "kind", "value"),
    [
        # What stands before is the parse's to tell (dates.find_times): "$1 billion a year".
        ("a year", True, "SET", "P1Y"),
        ("an hour", True, "SET", "PT1H"),
        ("a year", False, "DURATION", "P1Y"),
        # Only a bare "a year" is a rate: "$1 billion two years" is not.
        ("two years", True, "DURATION", "P2Y"),
    ],
)
def test_a_bare_unit_after_an_amount_is_a_rate(
    text: str, after_amount: bool, kind: str, value: str
) -> None:
    (match,) = scan(text, Context(WSJ))
    timex = resolve(match, Context(WSJ, after_amount=after_amount))
    assert timex is not None
    assert (timex.type, timex.value) == (kind, value)


def test_every_rule_has_a_case() -> None:
    cased = {case[0] for case in CASES} | {case[0] for case in IN_CONTEXT}
    assert {rule.name for rule in RULES} == cased


@pytest.mark.parametrize(
    ("text", "narrative", "value"),
    [
        # The story's time, not the publication date: "On May 22, 1995, ... the following year".
        ("the following year", "1995-05-22", "1996"),
        ("that year", "1995-05-22", "1995"),
        ("the following month", "1989-03", "1989-04"),
        ("the previous day", "1995-05-22", "1995-05-21"),
        # Too coarse a story time for the unit: the publication date instead.
        ("the following month", "1995", "2026-01"),
        ("that year", None, "2025"),
    ],
)
def test_anaphoric_expressions_follow_the_story_time(
    text: str, narrative: str | None, value: str
) -> None:
    timex = normalise(text, SAT, narrative=narrative)
    assert timex is not None
    assert timex.value == value


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        # DESIGN.md: "are set to arrive on Saturday" is the coming Saturday.
        ("Saturday", "future", "2025-12-20"),
        ("Saturday", "present", "2025-12-20"),
        ("Saturday", "past", "2025-12-13"),
        ("Saturday", None, "2025-12-13"),
        # The present tense takes the nearer: "the meeting follows talks on Monday".
        ("Monday", "present", "2025-12-15"),
        ("Friday", "present", "2025-12-19"),
        ("Wednesday", "past", "2025-12-17"),
        ("Wednesday", "future", "2025-12-17"),
    ],
)
def test_weekday_follows_tense(text: str, tense: Tense | None, value: str) -> None:
    timex = normalise(text, WED, tense=tense)
    assert timex is not None
    assert timex.value == value


@pytest.mark.parametrize(
    ("text", "mod", "start", "end"),
    [
        # "Earlier this week" on a Saturday: Monday up to yesterday.
        ("earlier this week", "START", dt.date(2025, 12, 15), dt.date(2025, 12, 19)),
        ("later this month", "END", dt.date(2025, 12, 21), dt.date(2025, 12, 31)),
        ("the end of the year", "END", dt.date(2025, 9, 1), dt.date(2025, 12, 31)),
        ("early 1990", "START", dt.date(1990, 1, 1), dt.date(1990, 5, 2)),
        ("mid-November", "MID", dt.date(2025, 11, 10), dt.date(2025, 11, 21)),
    ],
)
def test_modifier_narrows_interval(text: str, mod: str, start: dt.date, end: dt.date) -> None:
    timex = normalise(text, SAT, tense="past")
    assert timex is not None
    assert (timex.mod, timex.start_date, timex.end_date) == (mod, start, end)


@pytest.mark.parametrize(
    ("text", "value", "mod"),
    [
        ("nearly four years", "P4Y", "APPROX"),
        ("at least 30 days", "P30D", "EQUAL_OR_MORE"),
        ("more than four hours", "PT4H", "MORE_THAN"),
        ("about two years ago", "2023", "APPROX"),
    ],
)
def test_quantity_modifier_inside_span(text: str, value: str, mod: str) -> None:
    timex = normalise(text, SAT)
    assert timex is not None
    assert (timex.value, timex.mod) == (value, mod)


def test_durations_and_sets_have_no_interval() -> None:
    for text in ("nearly four years", "every Monday"):
        timex = normalise(text, SAT)
        assert timex is not None
        assert (timex.start_date, timex.end_date, timex.anchored) == (None, None, False)


def test_relative_dates_are_anchored_and_absolute_ones_not() -> None:
    relative, absolute = normalise("this month", SAT), normalise("February 2022", SAT)
    assert relative is not None
    assert absolute is not None
    assert (relative.anchored, absolute.anchored) == (True, False)
    assert (relative.start_date, relative.end_date) == (dt.date(2025, 12, 1), SAT.replace(day=31))


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        ("a year earlier", "1989-Q3", "1988-Q3"),
        ("the quarter", "1989-Q2", "1989-Q2"),
        ("the 1988 quarter", "1989-Q3", "1988-Q3"),
        ("last year's quarter", "1989-Q3", "1988-Q3"),
    ],
)
def test_topic_quarter_resolves_report_language(text: str, reference: str, value: str) -> None:
    timex = normalise(text, WSJ, reference=reference)
    assert timex is not None
    assert timex.value == value


@pytest.mark.parametrize(
    "text",
    ["on Friday", "6-year-old", "may", "the", "1,500", "Friday night talks", "earlier"],
)
def test_not_a_whole_expression(text: str) -> None:
    assert normalise(text, SAT) is None


def test_spans_follow_timeml() -> None:
    text = "Talks on Friday ended; over the past two months and the end of the year."
    spans = [text[m.start : m.end] for m in scan(text, Context(SAT))]
    assert spans == ["Friday", "the past two months", "the end of the year"]


def test_later_is_a_signal_outside_a_duration() -> None:
    # TimeML: "three days later" is the duration "three days" and the signal "later".
    text = "Three days later, a man aged 52 years old resigned."
    found = [(text[m.start : m.end], m.timex.value) for m in scan(text, Context(SAT))]
    assert found == [("Three days", "P3D")]


def test_a_before_an_adjectival_duration_stays_outside() -> None:
    text = "a 16-hour flight, a five year low and a three-year period"
    spans = [text[m.start : m.end] for m in scan(text, Context(SAT))]
    assert spans == ["16-hour", "five year", "a three-year period"]


@pytest.mark.parametrize(
    ("text", "value"),
    [("twenty-four", 24), ("3", 3), ("a", 1), ("1,000", 1000), ("two thousand", 2000)],
)
def test_number_words(text: str, value: int) -> None:
    assert number(text) == value


def test_number_vague_is_none() -> None:
    assert number("several") is None


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2025-12-20", dt.date(2025, 12, 20), dt.date(2025, 12, 20)),
        ("2025-12-20TMO", dt.date(2025, 12, 20), dt.date(2025, 12, 20)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2025-W51", dt.date(2025, 12, 15), dt.date(2025, 12, 21)),
        ("2025-W51-WE", dt.date(2025, 12, 20), dt.date(2025, 12, 21)),
        ("2025-Q3", dt.date(2025, 7, 1), dt.date(2025, 9, 30)),
        ("2025-H2", dt.date(2025, 7, 1), dt.date(2025, 12, 31)),
        ("2025-WI", dt.date(2025, 12, 1), dt.date(2026, 2, 28)),
        ("199", dt.date(1990, 1, 1), dt.date(1999, 12, 31)),
        ("19", dt.date(1900, 1, 1), dt.date(1999, 12, 31)),
    ],
)
def test_interval_of_value(value: str, start: dt.date, end: dt.date) -> None:
    assert interval(value) == (start, end)


@pytest.mark.parametrize("value", ["P4Y", "PRESENT_REF", "XXXX-WXX-1", "1998-02-30"])
def test_values_without_interval(value: str) -> None:
    assert interval(value) is None


def test_calendar_helpers() -> None:
    assert weekday_near(SAT, 5, "past") == SAT
    assert weekday_near(SAT, 0, "future") == dt.date(2025, 12, 22)
    assert month_near(SAT, 1, None) == 2026
    assert month_near(SAT, 7, None) == 2025
    assert day_near(SAT, 2, 29, None) == dt.date(2024, 2, 29)
    assert dates_of(SAT, 2, 29) == [dt.date(2024, 2, 29)]
    assert dates_of(SAT, 3, 30) == [dt.date(y, 3, 30) for y in (2024, 2025, 2026)]
    assert value_at(SAT, "Y", 10) == "202"


def test_scanning_by_anchor_windows_finds_what_the_whole_text_holds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Windows around month names and units must lose nothing the whole-text scan finds.
    text = (
        "On Friday, Dec. 19, 2025 the talks ended; for the year ended March 31 sales rose. "
        "Three days later, about 5 1/2 hours before noon, nearly four years after June 2024, "
        "the 3rd of December and the week of March 6 came, two weeks ago and last March. "
        "In January this year, for the past two months, a five year low, year-end, "
        "the following month and the previous year's third quarter; recent years."
    )

    def spans() -> list[tuple[int, int, str, str]]:
        return [(m.start, m.end, m.rule, m.timex.value) for m in scan(text, Context(SAT))]

    windowed = spans()
    monkeypatch.setattr(timex_scan, "_ANCHORS", {})
    assert spans() == windowed
    assert len(windowed) >= 15


def test_a_unit_inside_a_word_anchors_no_window_and_loses_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Units close to words that hold one ("Monday", "today", "holiday"), and weekdays: only
    # the units and weekdays that stand as words of their own open windows, and those hold
    # every match.
    text = (
        "On Monday,two-day talks began; yesterday's three-week truce, the holiday-season "
        "10-day sale and today's five-year plan.\nSaturday:the year before, Monday-month-long "
        "strikes, a Sunday(2 hours) wait, that day; Tuesday's half-hour and midday weeks later. "
        "Since last Friday, on Sundays and Friday nights, this coming\n\nMonday, the following "
        "Thursday and a Wednesday-night vote; holidays, Saturdays."
    )

    def spans() -> list[tuple[int, int, str, str]]:
        return [(m.start, m.end, m.rule, m.timex.value) for m in scan(text, Context(SAT))]

    windowed = spans()
    monkeypatch.setattr(timex_scan, "_ANCHORS", {})
    assert spans() == windowed
    assert len(windowed) >= 14


@pytest.mark.parametrize(
    "sentence",
    [
        "Protesters gathered at the annual March for Life on Capitol Hill.",
        "His stepmother was at the head of the ``March of the Combatant Mothers.''",
        "Funds hold more than a quarter of the entire high-yield market.",
        "The poster showed Gary Cooper from the film ``High Noon.''",
        "Protests spread across the region in the Arab Spring.",
        "They started a series of ``Spring of Life'' demonstrations.",
        "It had no records for the past three summers.",
        "The delegations marched at the Summer Olympics in Paris.",
    ],
)
def test_names_and_fractions_are_not_times(sentence: str) -> None:
    assert [(m.rule, sentence[m.start : m.end]) for m in scan(sentence, Context(SAT))] == []


def test_soon_in_a_past_narrative_is_not_ahead() -> None:
    found = [m for m in scan("He was soon released.", Context(SAT)) if m.rule == "soon"]
    assert len(found) == 1
    assert resolve(found[0], Context(SAT, "past")) is None
    assert scan("She left soon after the vote.", Context(SAT)) == []


def test_weekday_names_the_year_of_a_month_day() -> None:
    # April 25 was a Saturday in 1998, not in 1997: the past tense alone would go back.
    timex = normalise("Saturday, April 25", dt.date(1998, 4, 24), tense="past")
    assert timex is not None
    assert timex.value == "1998-04-25"


def test_previous_weekday_is_before_the_story_day() -> None:
    timex = normalise("the previous Friday", dt.date(1989, 10, 30), narrative="1989-10-27")
    assert timex is not None
    assert timex.value == "1989-10-20"


@pytest.mark.parametrize(
    ("month", "day", "tense", "firm", "expected"),
    [
        # A tense that is the date's own reaches back a whole year ("was last seen Nov. 3").
        (11, 3, "past", True, dt.date(1998, 11, 3)),
        # One that only leans ("the Nov. 3 deadline") reaches half a year: the nearer wins.
        (11, 3, "past", False, dt.date(1999, 11, 3)),
        (3, 30, "past", False, dt.date(1999, 3, 30)),
    ],
)
def test_day_near_reaches_by_firmness(
    month: int, day: int, tense: Tense, firm: bool, expected: dt.date
) -> None:
    assert day_near(dt.date(1999, 5, 7), month, day, tense, firm=firm) == expected


@pytest.mark.parametrize(
    ("anchor", "month", "firm", "year"),
    [
        # "a cutback in its oil supply in September" in August: the coming September.
        (dt.date(1990, 8, 16), 9, False, 1990),
        # "the October slaying" in April: six months back is still within reach.
        (dt.date(1999, 4, 19), 10, False, 1998),
        # The date's own past tense: back, however far.
        (dt.date(1990, 8, 16), 9, True, 1989),
    ],
)
def test_month_near_reaches_by_firmness(anchor: dt.date, month: int, firm: bool, year: int) -> None:
    assert month_near(anchor, month, "past", firm=firm) == year


@pytest.mark.parametrize("text", ["at 3 p.m. (1900 GMT)", "at 1400 hours", "(2030 UTC)"])
def test_a_clock_time_in_four_digits_is_not_a_year(text: str) -> None:
    assert [m for m in scan(text, Context(SAT)) if m.rule == "year"] == []


@pytest.mark.parametrize(
    "anchor", [dt.date(1, 1, 1), dt.date(1, 1, 3), dt.date(9999, 12, 31)], ids=str
)
@pytest.mark.parametrize(
    "text",
    [
        "last week",
        "yesterday",
        "the next year",
        "two decades ago",
        "in three years",
        "that day",
        "next Christmas",
        "in December",
    ],
)
def test_a_date_beyond_the_calendar_has_no_value_and_raises_nothing(
    anchor: dt.date, text: str
) -> None:
    """Issue 12: a page dated the year 1 made "last week" overflow and the whole article fail."""
    timex = normalise(text, anchor, tense="past")
    if timex is not None and timex.value[:1].isdigit() and timex.type == "DATE":
        assert 1 <= int(timex.value[:4]) <= 9999


def test_a_part_of_day_does_not_cut_a_full_date_short() -> None:
    """ "in the early hours of the morning on Friday 20 June" (in a February paper): the
    weekday opens the date, it is not the morning's day."""
    text = "the early hours of the morning on Friday 20 June"
    found = scan(text, Context(dt.date(2026, 2, 13), "past", None, None))
    assert [(text[m.start : m.end], m.timex and m.timex.value) for m in found] == [
        ("Friday 20 June", "2025-06-20")
    ]
