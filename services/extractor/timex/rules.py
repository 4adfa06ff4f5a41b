"""The rules: each is a pattern for a kind of time expression and the function that normalises it.

Spans follow the TimeML (TempEval-3) conventions: no leading preposition ("Friday", not
"on Friday"), determiners inside ("the past two months") and modifiers too ("nearly four
years", "the end of the year"), which `modifiers` reads. `scan` runs the rules
over a text; `quantities` reads the quantities they hold.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateutil.easter import easter

from services.extractor.timex.lexicon import (
    DAY_NUMBER,
    MONTH,
    MONTHS,
    NUMBER,
    NUMBER_WORDS,
    ORDINALS,
    PART_OF_DAY,
    PARTS_OF_DAY,
    SEASON,
    SEASONS,
    SPELLED_YEAR,
    TIME_ZONE,
    UNIT,
    UNIT_SINGULAR,
    VAGUE,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
)
from services.extractor.timex.quantities import duration_value, number, unit_of, year_number
from services.extractor.timex.values import (
    Tense,
    Timex,
    dates_of,
    day_near,
    interval,
    month_near,
    quarter_of,
    shift,
    shift_quarter,
    value_at,
    week_value,
    weekday_near,
)


@dataclass(frozen=True)
class Context:
    """What a rule needs beyond the text: the anchor, the clause's tense, the topic time.

    `reference` is the value of the last specific quarter of the document before the
    expression: "a year earlier" in an earnings report means that quarter a year before.
    `narrative` is the value of the last date of any kind before it, the story's time that
    "that year" and "the following month" refer to (HeidelTime's reference time).
    `after_amount`: an amount or what is counted stands right before the expression ("$1
    billion a year", "four flights a week", "twice a week"), so that "a year" is how often.
    """

    anchor: dt.date
    tense: Tense | None = None
    reference: str | None = None
    narrative: str | None = None
    firm: bool = False
    after_amount: bool = False

    def __post_init__(self) -> None:
        # A page dated the year 1 or 9999: the rules build dates a year either side of the
        # anchor ("next Christmas", "in December"), which would leave the calendar; they read
        # it from the nearest day a year inside. Longer moves (`values.shift`) say
        # BeyondCalendar, which gives no value.
        inside = min(max(self.anchor, _EARLIEST_ANCHOR), _LATEST_ANCHOR)
        if inside != self.anchor:
            object.__setattr__(self, "anchor", inside)


# The calendar less a year at each end: the anchors the rules read from.
_EARLIEST_ANCHOR = dt.date(dt.MINYEAR + 1, 1, 1)
_LATEST_ANCHOR = dt.date(dt.MAXYEAR - 1, 12, 31)


Handler = Callable[[re.Match[str], Context], Timex | None]


@dataclass(frozen=True)
class Rule:
    """One kind of time expression. `confirm` asks the caller to check it (a bare year)."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    confirm: bool = False


def _compile(pattern: str) -> re.Pattern[str]:
    # Word boundaries on both sides; "mid-" may precede an expression, but nothing may follow
    # with a hyphen ("five-year-old" is not "five-year").
    return re.compile(rf"(?<![\w'])(?:{pattern})(?![\w-])", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# Building Timex values


def date(value: str, *, anchored: bool, kind: str = "DATE") -> Timex:
    """A DATE (or TIME) with the interval its value covers."""
    span = interval(value)
    start, end = span if span else (None, None)
    return Timex("TIME" if kind == "TIME" else "DATE", value, start, end, anchored)


def _day_value(day: dt.date, part: str | None = None) -> str:
    return day.isoformat() + (f"T{part}" if part else "")


# ---------------------------------------------------------------------------------------------
# Handlers


def _month_of(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS[key] if key in MONTHS else MONTHS[key[:3]]


def _weekday_of(name: str) -> int:
    return WEEKDAYS[name.lower().rstrip(".")]


def _day_of(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _full_date(m: re.Match[str], ctx: Context) -> Timex | None:
    try:
        day = dt.date(int(m["year"]), _month_of(m["month"]), _day_of(m["day"]))
    except ValueError:
        return None
    return date(day.isoformat(), anchored=False)


def _month_day(m: re.Match[str], ctx: Context) -> Timex | None:
    month, number = _month_of(m["month"]), _day_of(m["day"])
    day = day_near(ctx.anchor, month, number, ctx.tense, firm=ctx.firm)
    weekday = m.groupdict().get("dayname")
    if day is not None and weekday and day.weekday() != _weekday_of(weekday):
        # "Saturday, April 25": the weekday names the year when the tense guessed wrong.
        named = [
            d for d in dates_of(ctx.anchor, month, number) if d.weekday() == _weekday_of(weekday)
        ]
        if named:
            day = min(named, key=lambda d: abs((d - ctx.anchor).days))
    return date(day.isoformat(), anchored=True) if day else None


def _numeric_date(m: re.Match[str], ctx: Context) -> Timex | None:
    year = int(m["year"])
    year += 1900 if year < 100 and year > 30 else 2000 if year < 100 else 0
    try:
        day = dt.date(year, int(m["month"]), int(m["day"]))
    except ValueError:
        return None
    return date(day.isoformat(), anchored=False)


def _month_year(m: re.Match[str], ctx: Context) -> Timex | None:
    year = year_number(m["year"])
    if year is None:
        return None
    return date(f"{year:04d}-{_month_of(m['month']):02d}", anchored=False)


# "the annual March for Life", "the March of the Combatant Mothers": a procession, not a month.
_MARCH_BEFORE = re.compile(r"(?:\b(?:the|a|annual)\s*)(?:``|[\"“])?\s*$", re.IGNORECASE)
_MARCH_AFTER = re.compile(r"\s+(?:of|for|on|against)\b")


def _procession(m: re.Match[str]) -> bool:
    start, end = m.span("month")
    return (
        m["month"].lower() == "march"
        and not m["rel"]
        and _MARCH_AFTER.match(m.string, end) is not None
        and _MARCH_BEFORE.search(m.string, max(0, start - 12), start) is not None
    )


def _month_alone(m: re.Match[str], ctx: Context) -> Timex | None:
    name = m["month"]
    if len(name) <= 4 and name.lower() not in ("may", "june", "july") and not name.endswith("."):
        return None  # "Jan" alone is a first name (Jan Kavan); "Jan." is the month
    if _procession(m):
        return None
    month = _month_of(name)
    rel = (m["rel"] or "").lower()
    if rel == "last":
        year = ctx.anchor.year if month < ctx.anchor.month else ctx.anchor.year - 1
    elif rel == "next":
        year = ctx.anchor.year if month > ctx.anchor.month else ctx.anchor.year + 1
    elif rel == "this":
        year = ctx.anchor.year
    else:
        year = month_near(ctx.anchor, month, ctx.tense, firm=ctx.firm)
    return date(f"{year:04d}-{month:02d}", anchored=True)


def _year_alone(m: re.Match[str], ctx: Context) -> Timex | None:
    return date(f"{int(m['year']):04d}", anchored=False)


def _decade(m: re.Match[str], ctx: Context) -> Timex | None:
    digits = m["decade"]
    if len(digits) == 2:  # '80s: the twentieth century unless that lies in the future
        century = 19 if 1900 + int(digits) <= ctx.anchor.year else 18
        return date(f"{century}{digits[0]}", anchored=True)
    return date(digits[:3], anchored=False)


_CENTURY_WORDS = {
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty first": 21,
}


def _century(m: re.Match[str], ctx: Context) -> Timex | None:
    word = m["ord"].lower()
    ordinal = _CENTURY_WORDS.get(word) or int(re.sub(r"\D", "", word))
    return date(f"{ordinal - 1:02d}", anchored=False)


def _season_index(day: dt.date) -> tuple[int, int]:
    """(year, season 0..3 = SP, SU, FA, WI) holding `day`; December opens that year's winter."""
    if day.month in (1, 2):
        return day.year - 1, 3
    return day.year, (day.month - 3) // 3


_SEASON_CODES = ("SP", "SU", "FA", "WI")


# A capitalised season inside a name: "the Arab Spring", "``Spring of Life'' demonstrations".
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)\b(?P<word>[A-Z][a-z]+)\s+$")
_NAME_AFTER = re.compile(r"\s+(?:of\s+)?[A-Z]")  # "Summer of Love", "Summer Olympics"
_NOT_NAMES = frozenset(
    {"The", "This", "That", "Last", "Next", "In", "By", "Since", "During", "Until", "Early"}
    | {"Late", "Mid", "Each", "Every", "Its", "Their", "Our"}
)


def _season_name(m: re.Match[str]) -> bool:
    start, end = m.span("season")
    if not m["season"][0].isupper() or (m["rel"] and m["rel"].lower() != "the") or m["year"]:
        return False
    if _NAME_AFTER.match(m.string, end):
        return True
    before = _NAME_BEFORE.search(m.string, max(0, start - 20), start)
    return before is not None and before["word"] not in _NOT_NAMES


def _season(m: re.Match[str], ctx: Context) -> Timex | None:
    code = SEASONS[m["season"].lower()]
    if m["year"]:
        year = year_number(m["year"])
        return date(f"{year:04d}-{code}", anchored=False) if year is not None else None
    wanted = _SEASON_CODES.index(code)
    year, current = _season_index(ctx.anchor)
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower()).removeprefix("the ").removeprefix("this ")
    if rel in ("last", "past", "previous"):
        year -= 1 if wanted >= current else 0
    elif rel in ("next", "coming"):
        year += 1 if wanted <= current else 0
    elif ctx.tense == "past" and wanted > current:
        year -= 1
    elif ctx.tense == "future" and wanted < current:
        year += 1
    return date(f"{year:04d}-{code}", anchored=True)


def _quarter_year(word: str | None, ctx: Context) -> int | None:
    if not word:
        return None
    word = word.lower()
    if word.isdigit():
        return int(word)
    return ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[word.split()[0]]


def _quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    ordinal = ORDINALS[m["ord"].lower()] if m["ord"] else int(m["q"])
    year = _quarter_year(m["year"], ctx)
    if year is not None:
        return date(f"{year:04d}-Q{ordinal}", anchored=not m["year"].isdigit())
    current = quarter_of(ctx.anchor)
    year = ctx.anchor.year
    if ordinal > current and ctx.tense != "future":
        year -= 1
    return date(f"{year:04d}-Q{ordinal}", anchored=True)


def _reference_quarter(ctx: Context) -> tuple[int, int] | None:
    found = re.fullmatch(r"(\d{4})-Q([1-4])", ctx.reference or "")
    return (int(found[1]), int(found[2])) if found else None


def _latest_quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "The latest quarter" of a report: the topic quarter, else the last one completed."""
    rel = (m["rel"] or "").lower()
    if rel in ("current", "this"):
        year, quarter = ctx.anchor.year, quarter_of(ctx.anchor)
    elif rel == "next":
        year, quarter = shift_quarter(ctx.anchor.year, quarter_of(ctx.anchor), 1)
    elif not rel:
        year, quarter = _reference_quarter(ctx) or shift_quarter(
            ctx.anchor.year, quarter_of(ctx.anchor), -1
        )
    else:
        year, quarter = shift_quarter(ctx.anchor.year, quarter_of(ctx.anchor), -1)
    return date(f"{year:04d}-Q{quarter}", anchored=True)


def _year_quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "this year's third quarter", "last year's quarter" (the topic quarter in that year)."""
    year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    if m["ord"]:
        quarter = ORDINALS[m["ord"].lower()]
    else:
        topic = _reference_quarter(ctx)
        quarter = topic[1] if topic else quarter_of(ctx.anchor)
    return date(f"{year:04d}-Q{quarter}", anchored=True)


def _half(m: re.Match[str], ctx: Context) -> Timex | None:
    half = 1 if m["half"].lower() == "first" else 2
    year = _quarter_year(m["year"], ctx)
    if year is None:
        year = ctx.anchor.year
        if ctx.tense != "future" and half == 2 and ctx.anchor.month <= 6:
            year -= 1
    return date(f"{year:04d}-H{half}", anchored=not (m["year"] or "").isdigit())


def _year_earlier(m: re.Match[str], ctx: Context) -> Timex | None:
    """'A year earlier', "year-ago": the topic quarter a year before, else last year."""
    topic = _reference_quarter(ctx)
    if topic:
        return date(f"{topic[0] - 1:04d}-Q{topic[1]}", anchored=True)
    return date(f"{ctx.anchor.year - 1:04d}", anchored=True)


def _year_period(m: re.Match[str], ctx: Context) -> Timex | None:
    """'The 1988 quarter': the topic quarter in that year, else the year."""
    topic = _reference_quarter(ctx)
    if topic and m["what"].lower() != "year":
        return date(f"{m['year']}-Q{topic[1]}", anchored=True)
    return date(m["year"], anchored=False)


def _spelled_year(m: re.Match[str], ctx: Context) -> Timex | None:
    """'nineteen ninety-six', "the year two thousand"."""
    if m["n"]:
        rest = number(m["n"])
        return date(f"19{int(rest):02d}", anchored=False) if rest and rest < 100 else None
    rest = number(m["n2"]) if m["n2"] else 0
    return date(f"{2000 + int(rest or 0):04d}", anchored=False) if (rest or 0) < 100 else None


_DAY_OFFSETS = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}


def _named_day(m: re.Match[str], ctx: Context) -> Timex | None:
    word = re.sub(r"\s+", " ", m[0].lower())
    day = ctx.anchor + dt.timedelta(days=_DAY_OFFSETS[word])
    if word == "tonight":
        return date(_day_value(day, "NI"), anchored=True, kind="TIME")
    return date(day.isoformat(), anchored=True)


def _day_word(word: str, ctx: Context) -> dt.date | None:
    word = word.lower()
    if word in ("this", "today", "tonight"):
        return ctx.anchor
    if word in ("yesterday", "last"):
        return ctx.anchor - dt.timedelta(days=1)
    if word == "tomorrow":
        return ctx.anchor + dt.timedelta(days=1)
    if word.rstrip(".") in WEEKDAYS:
        return weekday_near(ctx.anchor, _weekday_of(word), ctx.tense)
    return None


def _part_of_day(m: re.Match[str], ctx: Context) -> Timex | None:
    day = _day_word(m["day"], ctx)
    if day is None:
        return None
    part = PARTS_OF_DAY[m["part"].lower()]
    return date(_day_value(day, part), anchored=True, kind="TIME")


_CLOCK_WORDS = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}


def _clock(m: re.Match[str], ctx: Context) -> Timex | None:
    if m["word"]:
        clock = _CLOCK_WORDS[m["word"].lower()]
    else:
        hour = int(m["h"])
        meridiem = (m["ap"] or "").lower().replace(" ", "").replace(".", "")
        if hour > 24 or (meridiem and not 1 <= hour <= 12):
            return None
        if meridiem == "pm" and hour != 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
        clock = f"{hour:02d}:{m['min'] or '00'}"
    day: dt.date | None = ctx.anchor
    if m["day"] or m["later"]:
        day = _day_word(m["day"] or m["later"], ctx)
    elif m["month"]:
        day = day_near(
            ctx.anchor, _month_of(m["month"]), _day_of(m["dom"]), ctx.tense, firm=ctx.firm
        )
    if day is None:
        return None
    return date(f"{day.isoformat()}T{clock}", anchored=True, kind="TIME")


_REFS = {
    "PRESENT_REF": (
        "now",
        "currently",
        "current",
        "at present",
        "presently",
        "nowadays",
        "these days",
        "at the moment",
        "the present",
    ),
    "PAST_REF": (
        "recently",
        "lately",
        "the past",
        "more recently",
        "most recently",
        "then current",
    ),
    "FUTURE_REF": (
        "the future",
        "the near future",
        "the near term",
        "the short term",
        "the long term",
        "the long run",
        "the short run",
        "a later date",
    ),
}
_REF_OF = {word: ref for ref, words in _REFS.items() for word in words}


# "the past three summers", "the past few seasons": an adjective, not the past itself.
_NEXT_WORD = re.compile(r"\s+([\w-]+)")
_COUNTS = frozenset(NUMBER_WORDS) | {"few", "several", "many", "some", "couple", "numerous"}


def _count_after(m: re.Match[str]) -> bool:
    found = _NEXT_WORD.match(m.string, m.end())
    if found is None:
        return False
    word = found[1].lower()
    return word[0].isdigit() or word in _COUNTS or word.split("-")[0] in _COUNTS


def _reference_word(m: re.Match[str], ctx: Context) -> Timex | None:
    words = re.sub(r"\s+", " ", m[0].lower())
    if words == "the past" and _count_after(m):
        return None
    value = _REF_OF[words]
    if value == "PRESENT_REF":
        return Timex("DATE", value, ctx.anchor, ctx.anchor, anchored=True)
    return Timex("DATE", value, anchored=True)


_UNIT_CODE = {
    "day": "D",
    "week": "W",
    "weekend": "W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "Y",
    "century": "Y",
}


def _this_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "this week", "last month", "next year", "the past year", "the weekend"."""
    rel = re.sub(r"\s+", " ", (m["rel"] or "the").lower())
    unit_word = m["unit"].lower()
    unit, size = _UNIT_CODE[unit_word], {"decade": 10, "century": 100}.get(unit_word, 1)
    step = 0
    if rel in ("last", "the last", "the past", "past", "the previous", "previous", "the latest"):
        step = -1
    elif rel in ("next", "the next", "the coming", "coming", "the following"):
        step = 1
    if size > 1 and step:  # "the past decade": TimeML reads a span of ten years
        return Timex("DURATION", f"P{size}Y")
    if size == 1 and unit == "Q":
        return _latest_quarter(m, ctx) if step <= 0 and rel != "this" else None
    if unit_word == "weekend" and not step and ctx.tense != "future" and ctx.anchor.weekday() < 5:
        step = -1  # a weekday's "the weekend" in a report of what happened is the one just past
    day = shift(ctx.anchor, step * size, unit)
    value = value_at(day, unit, size)
    if unit_word == "weekend":
        value += "-WE"
    return date(value, anchored=True)


def _ago(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "two days ago", "five years earlier", "a month from now"."""
    direction = -1 if m["dir"].lower() in ("ago", "earlier", "before", "back") else 1
    quantity = number(m["n"]) if m["n"] else None
    unit, size = unit_of(m["unit"])
    if unit.startswith("T"):
        return None
    if quantity is None or quantity != int(quantity):
        return Timex("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", anchored=True)
    day = shift(ctx.anchor, direction * int(quantity) * size, unit)
    return date(value_at(day, unit if size == 1 else "Y"), anchored=True)


def _duration(m: re.Match[str], ctx: Context) -> Timex | None:
    words = (m["n"] or "").lower()
    unit_word = m["unit"].lower()
    if unit_word == "quarters" and m[0][m.start("unit") - m.start() - 1] == "-":
        return None  # "three-quarters" is a fraction
    if (
        unit_word.startswith("quarter")
        and words in ("a", "an", "one", "three")
        and m[0].lower().startswith(words)
        and _OF_AFTER.match(m.string, m.end())
    ):
        return None  # "more than a quarter of the market", "three quarters of its sales"
    if unit_word == "second" and words in ("a", "an"):
        return None  # "a second term", "a second time"
    quantity = None if not words or re.fullmatch(VAGUE, words) else number(words)
    if words and quantity is None and not re.fullmatch(VAGUE, words):
        return None
    groups = m.groupdict()
    if (groups.get("half") or groups.get("half2")) and quantity is not None:
        quantity += 0.5
    if ctx.after_amount and words in ("a", "an") and m[0].lower() == f"{words} {unit_word}":
        return Timex("SET", duration_value(1, unit_word))  # "$1 billion a year": a rate
    return Timex("DURATION", duration_value(quantity, m["unit"]))


_OF_AFTER = re.compile(rf"\s+of\b(?!\s+(?:fiscal\s+)?{YEAR})", re.IGNORECASE)


def _half_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    unit, _ = unit_of(m["unit"])
    if unit == "TH":
        return Timex("DURATION", "PT30M")
    return Timex("DURATION", duration_value(0.5, m["unit"]))


def _vague_span(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "recent weeks", "coming months", "years": an unknown number of units.

    "In recent years" and "in past years" place something in the vague past rather than
    measure it (TimeBank's PAST_REF); shorter units are more often a stretch measured.
    """
    rel = (m["rel"] or "").lower()
    if rel in ("recent", "past") and m["unit"].lower() == "years":
        return Timex("DATE", "PAST_REF", anchored=True)
    return Timex("DURATION", duration_value(None, m["unit"]))


_EVERY = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "yearly": "P1Y",
    "hourly": "PT1H",
}


def _set_word(m: re.Match[str], ctx: Context) -> Timex | None:
    return Timex("SET", _EVERY[m[0].lower()])


def _every(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "every Monday", "each July", "every two years", "every morning"."""
    what = m["what"]
    if what.rstrip(".").lower() in WEEKDAYS and what[0].isupper():
        return Timex("SET", f"XXXX-WXX-{_weekday_of(what) + 1}")
    if what.lower().rstrip(".") in MONTHS and what[0].isupper():
        return Timex("SET", f"XXXX-{_month_of(what):02d}")
    if what.lower() in PARTS_OF_DAY:
        return Timex("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[what.lower()]}")
    if what.lower() == "weekend":
        return Timex("SET", "XXXX-WXX-WE")
    quantity = number(m["n"]) if m["n"] else 1
    if m["other"]:
        quantity = 2
    return Timex("SET", duration_value(quantity, what))


def _weekday_set(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "Mondays", "Tuesday nights": a weekday in the plural recurs."""
    value = f"XXXX-WXX-{_weekday_of(m['day']) + 1}"
    if m["part"]:
        value += "T" + PARTS_OF_DAY[m["part"].lower().rstrip("s")]
    return Timex("SET", value)


def _weekday(m: re.Match[str], ctx: Context) -> Timex | None:
    weekday = _weekday_of(m["day"])
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    base = ctx.anchor
    story = _NARRATIVE_PRECISION["D"].match(ctx.narrative or "")
    if rel.startswith("the ") and story:
        base = dt.date.fromisoformat(story[0])  # "the previous Friday": before the story's day
    ahead = (weekday - base.weekday()) % 7
    if rel in ("last", "this past", "past", "the previous"):
        day = base - dt.timedelta(days=(7 - ahead) if ahead else 7)
    elif rel in ("next", "this coming", "coming", "the following"):
        day = base + dt.timedelta(days=ahead or 7)
    else:
        day = weekday_near(ctx.anchor, weekday, ctx.tense)
    return date(day.isoformat(), anchored=True)


def _weekday_date(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "Friday, Dec. 19": the date decides; the weekday only confirms it."""
    return _full_date(m, ctx) if m["year"] else _month_day(m, ctx)


def _holiday_day(name: str, year: int) -> dt.date:
    name = re.sub(r"\s+", " ", name.lower())
    if name.startswith("christmas eve"):
        return dt.date(year, 12, 24)
    if name.startswith("christmas"):
        return dt.date(year, 12, 25)
    if name.startswith("new year's eve"):
        return dt.date(year, 12, 31)
    if name.startswith("new year"):
        return dt.date(year, 1, 1)
    if name.startswith("thanksgiving"):
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name.startswith("easter"):
        return easter(year)
    if name.startswith("independence"):
        return dt.date(year, 7, 4)
    if name.startswith("halloween"):
        return dt.date(year, 10, 31)
    if name.startswith("valentine"):
        return dt.date(year, 2, 14)
    if name.startswith("election"):  # the Tuesday after the first Monday of November
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(0 - first.weekday()) % 7 + 1)
    return dt.date(year, 11, 11)  # veterans day, the last alternative


def _holiday(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "Christmas", "last Thanksgiving", "Easter week" (the ISO week holding Easter)."""
    week = bool(m["week"])
    if m["year"]:
        day = _holiday_day(m["name"], int(m["year"]))
        return date(week_value(day) if week else day.isoformat(), anchored=False)
    rel = (m["rel"] or "").lower()
    options = [_holiday_day(m["name"], ctx.anchor.year + step) for step in (-1, 0, 1)]
    # A week has begun on its Monday: "as Easter week began" six days before Easter.
    begins = {d: d - dt.timedelta(days=d.weekday()) if week else d for d in options}
    if rel == "last" or (not rel and ctx.tense == "past"):
        chosen = max(d for d in options if begins[d] <= ctx.anchor)
    elif rel == "next" or (not rel and ctx.tense == "future"):
        chosen = min(d for d in options if d >= ctx.anchor)
    else:
        chosen = min(options, key=lambda d: abs((d - ctx.anchor).days))
    return date(week_value(chosen) if week else chosen.isoformat(), anchored=True)


def _period_end(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the quarter ended Sept. 30": a period that has ended, so the last such day, up to a
    year back (fiscal years end months before their reports)."""
    ended = [
        d for d in dates_of(ctx.anchor, _month_of(m["month"]), _day_of(m["day"])) if d <= ctx.anchor
    ]
    return date(max(ended).isoformat(), anchored=True) if ended else None


def _month_rel_year(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "January this year", "June last year": the month in the year the words name."""
    year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return date(f"{year:04d}-{_month_of(m['month']):02d}", anchored=True)


_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
# How precise a story time must be to anchor each unit ("the following month" needs a month).
_NARRATIVE_PRECISION = {
    "D": _ISO_DAY,
    "W": _ISO_DAY,
    "M": re.compile(r"\d{4}-\d\d"),
    "Q": re.compile(r"\d{4}-(?:\d\d|Q[1-4])"),
    "Y": re.compile(r"\d{4}"),
}
_BEFORE_AFTER = {"before": "previous", "after": "following"}
_ANAPHORIC_STEP = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "prior": -1}


def _anaphoric(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "that year", "the following month", "the previous day": relative to the story's time.

    The story's time is the last date mentioned before (`ctx.narrative`) when it is precise
    enough for the unit, else (as in HeidelTime) the publication date.
    """
    unit = _UNIT_CODE[m["unit"].lower()]
    step = _ANAPHORIC_STEP.get((m["rel"] or "").lower(), 0)
    narrative = ctx.narrative or ""
    found = _NARRATIVE_PRECISION[unit].match(narrative)
    span = interval(narrative) if found else None
    base = ctx.anchor if span is None else span[0]
    return date(value_at(shift(base, step, unit), unit), anchored=True)


def _week_of(m: re.Match[str], ctx: Context) -> Timex | None:
    inner = _month_day(m, ctx)
    if inner is None or inner.start_date is None:
        return None
    return date(week_value(inner.start_date), anchored=inner.anchored)


# ---------------------------------------------------------------------------------------------
# The rule table. Order breaks ties between equally long matches: earlier wins.

_DECADES = (
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
)
_DECADE_WORDS = "|".join(_DECADES)
_NUM = rf"(?P<n>{NUMBER}|{VAGUE})"
_DAYNAME = rf"(?P<dayname>{WEEKDAY}),?\s+"
_PERIOD_REL = (
    r"(?P<rel>this|last|next|the past|past|the last|the next|the coming|the previous|"
    r"the following|the current|the latest|the same|the)"
)

RULES: tuple[Rule, ...] = (
    Rule(
        "full_date",
        _compile(
            rf"(?:{_DAYNAME})?(?:(?P<month>{MONTH})\s+(?P<day>{DAY_NUMBER})(?:,\s*|\s+)"
            rf"(?P<year>{YEAR})(?!\d))"
        ),
        _full_date,
    ),
    Rule(
        "full_date_dmy",
        _compile(
            rf"(?:{_DAYNAME})?(?:the\s+)?(?P<day>{DAY_NUMBER})\s+(?:of\s+)?(?P<month>{MONTH}),?"
            rf"\s+(?P<year>{YEAR})"
        ),
        _full_date,
    ),
    Rule(
        "numeric_date",
        _compile(
            r"(?P<year>\d{4})-(?P<month>[01]\d)-(?P<day>[0-3]\d)"
            r"|(?P<m2>[01]?\d)/(?P<d2>[0-3]?\d)/(?P<y2>\d{4}|\d\d)"
        ),
        lambda m, ctx: (
            _numeric_date(m, ctx)
            if m["year"]
            else _numeric_date(
                re.fullmatch(
                    r"(?P<month>\d+)/(?P<day>\d+)/(?P<year>\d+)", f"{m['m2']}/{m['d2']}/{m['y2']}"
                )
                or m,
                ctx,
            )
        ),
    ),
    Rule(
        "period_end",
        _compile(rf"(?<=ended\s)(?P<month>{MONTH})\s+(?P<day>{DAY_NUMBER})(?![\d,]\d)"),
        _period_end,
    ),
    Rule(
        "month_day",
        _compile(rf"(?:{_DAYNAME})?(?P<month>{MONTH})\s+(?P<day>{DAY_NUMBER})(?![\d,]\d)"),
        _month_day,
    ),
    Rule(
        "day_month",
        _compile(
            rf"(?:{_DAYNAME})?(?:the\s+)?(?P<day>{DAY_NUMBER})\s+(?:of\s+)?(?P<month>{MONTH})"
        ),
        _month_day,
    ),
    Rule(
        "week_of",
        _compile(rf"the\s+week\s+of\s+(?P<month>{MONTH})\s+(?P<day>{DAY_NUMBER})"),
        lambda m, ctx: _week_of(m, ctx),
    ),
    Rule(
        "month_year",
        _compile(rf"(?P<month>{MONTH}),?\s+(?:of\s+)?(?P<year>{YEAR}|{SPELLED_YEAR})"),
        _month_year,
    ),
    Rule(
        "month_rel_year",
        _compile(rf"(?P<month>{MONTH}),?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year"),
        _month_rel_year,
    ),
    Rule(
        "month",
        _compile(rf"(?:(?P<rel>last|next|this)\s+)?(?P<month>{MONTH})(?!\s+\d)"),
        _month_alone,
    ),
    Rule(
        "year",
        # Not a clock time: "(1900 GMT)", "at 1400 hours".
        _compile(rf"(?P<year>{YEAR})(?!s|\d|-\d|,\d|\.\d|\s*(?:{TIME_ZONE}|hours)\b)"),
        _year_alone,
        confirm=True,
    ),
    Rule(
        "fiscal_year",
        _compile(
            rf"(?:the\s+)?(?:fiscal|calendar)\s+(?:year\s+)?(?P<year>{YEAR})|the\s+year\s+(?P<y2>{YEAR})"
        ),
        lambda m, ctx: date(m["year"] or m["y2"], anchored=False),
    ),
    Rule(
        "decade",
        _compile(r"(?:the\s+)?(?:(?P<decade>1[5-9]\d0|20\d0)s|'(?P<d2>\d0)s)"),
        lambda m, ctx: _decade(re.fullmatch(r"(?P<decade>\d+)", m["decade"] or m["d2"]) or m, ctx),
    ),
    Rule(
        "decade_word",
        # "the nineties", "the nineteen-sixties": only with "the" ("in his sixties" is an age),
        # which may stand before a modifier ("the early nineties": the modifier is read apart).
        _compile(
            r"(?:the\s+|(?<=the\searly\s)|(?<=the\slate\s)|(?<=the\smid\s)|(?<=the\smid-))"
            rf"(?:nineteen[- ]?)?(?P<word>{_DECADE_WORDS})"
        ),
        lambda m, ctx: date(f"19{_DECADES.index(m['word'].lower()) + 2}", anchored=False),
    ),
    Rule(
        "century",
        _compile(
            # "the 20th century"; "a 20th century democrat", "the fabled 11th century temple".
            r"(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|eighteenth|nineteenth|twentieth"
            r"|twenty[- ]first)\s+century"
        ),
        _century,
    ),
    Rule(
        "season",
        _compile(
            r"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|the past|the coming|past|the)"
            r"\s+)?"
            rf"(?P<season>{SEASON})"
            rf"(?:\s+(?:of\s+)?(?P<year>{YEAR}|{SPELLED_YEAR}))?"
        ),
        lambda m, ctx: (
            None
            if (m["season"].lower() == "fall" and not (m["rel"] or m["year"])) or _season_name(m)
            else _season(m, ctx)
        ),
    ),
    Rule(
        "quarter",
        _compile(
            r"(?:the\s+(?=(?:(?:fiscal|calendar)\s+)?\w+\s+quarter))?(?:(?:fiscal|calendar)\s+)?"
            r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[- ](?:fiscal[- ])?quarter"
            rf"(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR}|this year|last year|next year))?"
            rf"|(?:the\s+)?(?P<y2>{YEAR})\s+(?P<o2>first|second|third|fourth)[- ]quarter"
            rf"|Q(?P<q>[1-4])\s+(?P<y3>{YEAR})"
        ),
        lambda m, ctx: (
            _quarter(m, ctx)
            if not (m["y2"] or m["y3"])
            else date(
                f"{m['y2'] or m['y3']}-Q{ORDINALS[m['o2'].lower()] if m['o2'] else m['q']}",
                anchored=False,
            )
        ),
    ),
    Rule(
        "year_quarter",
        _compile(
            r"(?P<rel>this|last|next)\s+year['’]s\s+"
            r"(?:(?P<ord>first|second|third|fourth|final)[- ])?(?:fiscal\s+)?quarter"
        ),
        _year_quarter,
    ),
    Rule(
        "latest_quarter",
        _compile(
            r"(?:the\s+)?(?P<rel>latest|last|previous|past|most recent|recent|current|this|next)?"
            r"\s*(?:fiscal\s+)?quarter(?!s)|the\s+latest\s+period"
        ),
        lambda m, ctx: (
            _latest_quarter(m, ctx)
            if m[0].lower().startswith(("the", "this", "last", "next", "current", "latest"))
            else None
        ),
    ),
    Rule(
        "half",
        _compile(
            # "the first two quarters of 1990" is that year's first half; without a year,
            # "the last two quarters" is a span back from now (a duration).
            r"(?:the\s+)?(?P<half>first|second|last|latter)\s+"
            r"(?:half|two\s+quarters(?=\s+of\s+(?:fiscal\s+)?(?:\d|this|last|next)))"
            rf"(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR}|this year|last year|next year))?"
        ),
        _half,
    ),
    Rule(
        "year_earlier",
        _compile(
            r"the\s+(?:comparable\s+|same\s+|corresponding\s+)?year[- ](?:earlier|ago)"
            r"\s+(?:(?:first|second|third|fourth)[- ])?(?:quarter|period|fiscal year|year|month)"
            r"|year[- ](?:earlier|ago)"
            r"|a\s+year\s+(?:earlier|ago|before)"
            r"|the\s+(?:(?:same|corresponding|comparable)\s+)?(?:period|quarter)\s+"
            r"(?:a\s+year\s+(?:ago|earlier)|last\s+year)"
        ),
        _year_earlier,
    ),
    Rule(
        "year_period",
        _compile(rf"the\s+(?P<year>{YEAR})\s+(?P<what>quarter|period|year)"),
        _year_period,
    ),
    Rule(
        "spelled_year",
        _compile(
            rf"(?:the\s+year\s+)?(?:nineteen\s+(?:hundred\s+(?:and\s+)?)?(?P<n>{NUMBER})"
            rf"|two\s+thousand(?:\s+(?:and\s+)?(?P<n2>{NUMBER}))?)"
        ),
        _spelled_year,
    ),
    Rule(
        "named_day",
        _compile(
            r"today|tonight|yesterday|tomorrow|the\s+day\s+(?:before\s+yesterday|after\s+tomorrow)"
        ),
        _named_day,
    ),
    Rule(
        "part_of_day",
        _compile(
            rf"(?P<day>this|yesterday|tomorrow|today|last|{WEEKDAY})\s+(?P<part>{PART_OF_DAY})"
            # "mid-afternoon Friday", but not "midnight Friday" (the clock rule's).
            rf"|(?:(?:early|late)[- ]?|mid[- ])?(?P<p2>{PART_OF_DAY})\s+(?:on\s+)?"
            # Not a weekday that opens a full date ("the morning on Friday 20 June").
            rf"(?P<d2>yesterday|today|tomorrow|{WEEKDAY}(?!,?\s+(?:{DAY_NUMBER}|{MONTH})\b))"
        ),
        lambda m, ctx: (
            _part_of_day(m, ctx)
            if m["day"]
            else _part_of_day(
                re.fullmatch(r"(?P<day>\S+) (?P<part>\S+)", f"{m['d2']} {m['p2']}") or m, ctx
            )
        ),
    ),
    Rule(
        "clock",
        _compile(
            r"(?:(?P<h>[012]?\d)(?:[:.](?P<min>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\.?|[ap]m(?!\w))"
            rf"|(?P<h2>[012]?\d):(?P<min2>[0-5]\d)(?=\s*(?:{TIME_ZONE}|local|hours?)\b)"
            r"|(?P<word>(?<![Hh]igh\s)noon|midday|midnight))"
            rf"(?:\s+(?:{TIME_ZONE}|local\s+time))?"
            rf"(?:,?\s+(?:on\s+)?(?:(?P<day>today|tonight|yesterday|tomorrow|{WEEKDAY})"
            rf"|(?P<month>{MONTH})\s+(?P<dom>{DAY_NUMBER})))?"
            # "10:35 a.m. (0735 GMT) Friday": the day after the bracketed conversion dates
            # the time; the weekday stays an expression of its own.
            rf"(?(day)|(?(month)|(?=\s*\((?:\d{{1,2}}:?\d\d|[^()]{{0,12}}[ap]\.?m\.?)\s*"
            rf"{TIME_ZONE}\),?\s+(?:on\s+)?(?P<later>{WEEKDAY})\b)?))"
        ),
        lambda m, ctx: (
            _clock(m, ctx)
            if not m["h2"]
            else _clock(
                re.fullmatch(
                    r"(?P<h>\d+):(?P<min>\d+)(?P<ap>)(?P<word>)(?P<day>)(?P<month>)(?P<dom>)"
                    r"(?P<later>)",
                    f"{m['h2']}:{m['min2']}",
                )
                or m,
                ctx,
            )
        ),
    ),
    Rule(
        "part_alone",
        # "by mid afternoon", "late-evening": the day is the publication's.
        _compile(
            r"(?:(?<=early[- ])|(?<=late[- ])|(?<=mid[- ]))"
            r"(?P<part>morning|afternoon|evening)(?!\s+(?:hours?|news|paper|edition|show)\b)"
        ),
        lambda m, ctx: date(
            _day_value(ctx.anchor, PARTS_OF_DAY[m["part"].lower()]), anchored=True, kind="TIME"
        ),
    ),
    Rule(
        "soon",
        # An adverb of what lies ahead; not "as soon as Tuesday", "soon after", nor a past
        # narrative's "was soon released".
        _compile(
            r"as\s+soon\s+as\s+possible"
            r"|(?<!\bas\s)soon(?!\s+(?:after|afterwards?|thereafter|before|as)\b)"
        ),
        lambda m, ctx: None if ctx.tense == "past" else Timex("DATE", "FUTURE_REF", anchored=True),
    ),
    Rule(
        "reference_word",
        _compile(
            "|".join(sorted((w.replace(" ", r"\s+") for w in _REF_OF), key=len, reverse=True))
        ),
        _reference_word,
    ),
    Rule(
        "fiscal_period",
        # "the year ended March 31": twelve months named by their end, not a calendar year.
        _compile(r"the\s+(?:fiscal\s+)?year(?=\s+end(?:ed|ing)\b)"),
        lambda m, ctx: Timex("DURATION", "P1Y"),
    ),
    Rule(
        "anaphoric",
        _compile(
            r"(?:that|the\s+(?P<rel>following|next|previous|preceding|prior))\s+"
            r"(?P<unit>year|month|quarter|week)"
            r"|(?:(?<=[Ee]arlier\s)|(?<=[Ll]ater\s))(?:that|in\s+the)\s+(?P<u2>day)"
            r"|the\s+(?P<r2>following|next|previous|preceding|prior)\s+(?P<u3>day)"
            # "down from $450 million the year before": before the story's time, when nothing
            # follows "before" to say before what.
            r"|the\s+(?P<u4>year|month|week|day)\s+(?P<r4>before|after)(?=\s*(?:[.,;:)]|$))"
        ),
        lambda m, ctx: (
            _anaphoric(
                re.fullmatch(
                    r"(?P<rel>\w*) (?P<unit>\w+)",
                    f"{_BEFORE_AFTER.get(m['r4'] or '', m['r2'] or '')} "
                    f"{m['u2'] or m['u3'] or m['u4']}",
                )
                or m,
                ctx,
            )
            if (m["u2"] or m["u3"] or m["u4"])
            else _anaphoric(m, ctx)
        ),
    ),
    Rule(
        "year_end",
        _compile(r"year[- ]end|year['’]s\s+end"),
        lambda m, ctx: date(f"{ctx.anchor.year:04d}", anchored=True),
    ),
    Rule(
        "this_unit",
        _compile(
            rf"{_PERIOD_REL}\s+(?:(?:fiscal|full|calendar)\s+)?"
            r"(?P<unit>week|weekend|month|year|quarter|decade|century)"
        ),
        lambda m, ctx: None if (m["rel"] or "").lower() == "the same" else _this_unit(m, ctx),
    ),
    Rule(
        "ago",
        _compile(
            rf"{_NUM}[- ](?P<unit>{UNIT})(?:\s+or\s+so)?\s+"
            # "three days later" is TimeML's duration "three days" and the signal "later".
            r"(?P<dir>ago|earlier|from\s+now|hence)"
            rf"|(?P<unit2>{UNIT})\s+(?P<dir2>ago)"
        ),
        lambda m, ctx: _ago(m, ctx) if m["unit"] else Timex("DATE", "PAST_REF", anchored=True),
    ),
    Rule(
        "duration",
        _compile(
            # No article before an adjectival duration: "a 16-hour flight", "a five year low".
            rf"(?:(?:the|a|an)\s+(?!{NUMBER}[- ]{UNIT_SINGULAR}(?![\w-])))?"
            r"(?:(?:past|last|next|first|final|coming|previous|following|latest|initial|remaining"
            r"|recent|additional|further|other|full|entire|whole|better\s+part\s+of\s+the)\s+)?"
            rf"{_NUM}(?P<half>\s+and\s+a\s+half|\s+1/2)?"
            r"(?:\s+(?:more|trading|business|working|calendar|straight|consecutive))?"
            rf"[- ](?P<unit>{UNIT})(?:-long)?(?P<half2>\s+and\s+a\s+half)?(?![- ]olds?\b)"
        ),
        _duration,
    ),
    Rule(
        "half_unit",
        _compile(rf"half\s+an?\s+(?P<unit>{UNIT_SINGULAR})|an?\s+half[- ](?P<u2>{UNIT_SINGULAR})"),
        lambda m, ctx: (
            _half_unit(m, ctx)
            if m["unit"]
            else _half_unit(re.fullmatch(r"(?P<unit>\w+)", m["u2"]) or m, ctx)
        ),
    ),
    Rule(
        "unit_period",
        _compile(
            rf"an?\s+{_NUM}-(?P<unit>{UNIT_SINGULAR})\s+(?:period|span|stretch|term|interval|time)"
        ),
        _duration,
    ),
    Rule(
        "vague_span",
        _compile(
            r"(?:(?P<rel>(?:the\s+)?(?:recent|coming|past|last|next|following|previous))\s+)?"
            # Not an age: "52 years old".
            r"(?P<unit>days|weeks|months|years|decades|centuries)(?!\s+old\b)"
        ),
        _vague_span,
    ),
    Rule("set_word", _compile("|".join(_EVERY)), _set_word),
    Rule(
        "every",
        _compile(
            rf"(?:every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<n>{NUMBER})\s+)?"
            rf"(?P<what>{WEEKDAY}|{MONTH}|{UNIT}|weekend|morning|afternoon|evening|night)"
        ),
        _every,
    ),
    Rule(
        "weekday_set",
        _compile(rf"(?P<day>{WEEKDAY})(?:s|\s+(?P<part>mornings|afternoons|evenings|nights))"),
        _weekday_set,
    ),
    Rule(
        "weekday",
        _compile(
            rf"(?:(?P<rel>last|next|this\s+past|this\s+coming|this|coming|past|the\s+previous|the\s+following)\s+)?"
            rf"(?P<day>{WEEKDAY})"
        ),
        _weekday,
    ),
    Rule(
        "holiday",
        _compile(
            r"(?:(?P<rel>last|next|this)\s+)?(?P<name>(?-i:Christmas(?:\s+(?:Eve|Day))?|"
            r"New\s+Year's(?:\s+(?:Eve|Day))?|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|"
            r"Independence\s+Day|Halloween|Valentine's\s+Day|Veterans\s+Day|Election\s+Day))"
            r"(?P<week>\s+week)?"
            rf"(?:\s+(?P<year>{YEAR}))?"
        ),
        _holiday,
    ),
)

RULES_BY_NAME = {rule.name: rule for rule in RULES}
