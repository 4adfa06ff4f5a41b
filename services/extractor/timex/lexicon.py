"""The words of English time expressions, and the regular-expression pieces built from them.

Month and weekday names are matched case-sensitively (`(?-i:...)`) inside otherwise
case-insensitive patterns: "May", "March" and "Sun" are common words in lower case.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}

# Approximate first month of each TimeML season (northern hemisphere, meteorological).
SEASON_FIRST_MONTH: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# TimeML part-of-day codes.
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "tonight": "NI",
}

ORDINALS: dict[str, int] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": 4,
    "final": 4,
}

_UNITS_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS_WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

NUMBER_WORDS: dict[str, int] = {word: index + 1 for index, word in enumerate(_UNITS_WORDS)}
NUMBER_WORDS.update({word: 20 + 10 * index for index, word in enumerate(_TENS_WORDS)})
NUMBER_WORDS.update({"a": 1, "an": 1, "a single": 1, "dozen": 12, "a dozen": 12})
NUMBER_WORDS.update({"a couple of": 2, "a couple": 2, "couple of": 2})

# Quantities that TimeML writes as "X": "several years" is PXY.
VAGUE_NUMBERS = frozenset(
    {"several", "few", "a few", "some", "many", "a number of", "the next few", "numerous"}
)

# Duration units and their TimeML designators; `T` marks the time part (PT3H).
UNITS: dict[str, tuple[str, int]] = {
    "second": ("TS", 1),
    "minute": ("TM", 1),
    "hour": ("TH", 1),
    "day": ("D", 1),
    "night": ("D", 1),
    "week": ("W", 1),
    "fortnight": ("W", 2),
    "month": ("M", 1),
    "quarter": ("Q", 1),
    "year": ("Y", 1),
    "decade": ("Y", 10),
    "century": ("Y", 100),
    "centurie": ("Y", 100),
    "millennium": ("Y", 1000),
    "millennia": ("Y", 1000),
}


def _alternation(words: list[str]) -> str:
    # Longest first, so "september" wins over "sep" and "twenty-one" over "twenty".
    return "|".join(sorted(words, key=len, reverse=True))


def _cased(words: list[str]) -> str:
    """Names as written in running text: capitalised, or all capitals in headlines."""
    forms = [w.capitalize() for w in words] + [w.upper() for w in words]
    return "(?-i:" + _alternation(forms) + ")"


_MONTH_LONG = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_MONTH_SHORT = [m for m in MONTHS if m not in _MONTH_LONG]
MONTH = rf"(?:{_cased(_MONTH_LONG)}|{_cased(_MONTH_SHORT)}\.?)"
_WEEKDAY_LONG = [d for d in WEEKDAYS if d.endswith("day")]
WEEKDAY = rf"(?:{_cased(_WEEKDAY_LONG)})"
SEASON = rf"(?:{_alternation(list(SEASONS))})"
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
# Time zones news writes after a clock time ("5 p.m. EST", "(0735 GMT)").
TIME_ZONE = r"(?:GMT|UTC|BST|CES?T|[ECMP][SD]T)"
_TEENS_AND_UNITS = _alternation(_UNITS_WORDS)
_TENS = _alternation(_TENS_WORDS)
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:\.\d+)?|(?:{_TENS})(?:[- ](?:{_TEENS_AND_UNITS}))?"
    rf"|{_TEENS_AND_UNITS}|a dozen|dozen|a couple of|a couple|couple of|a single|an|a)"
    r"(?:[- ](?:hundred|thousand))?"
)
VAGUE = r"(?:a few|the next few|several|few|some|many|a number of|numerous)"
_DIGIT_WORDS = _alternation(_UNITS_WORDS[:9])
# A year in words, as broadcast transcripts say it: "nineteen ninety-four", "two thousand".
SPELLED_YEAR = (
    rf"(?:nineteen\s+(?:(?:{_TENS})(?:[- ](?:{_DIGIT_WORDS}))?|hundred\s+and\s+(?:{_DIGIT_WORDS}))"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_DIGIT_WORDS}))?)"
)
UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?"
    r"|centur(?:y|ies)|millenni(?:um|a))"
)
UNIT_SINGULAR = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century)"
