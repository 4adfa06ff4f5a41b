"""TIMEX3 values and the calendar: the interval a value covers, and the arithmetic rules need.

Pure functions on `datetime.date`; no spaCy, no text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from dateutil.relativedelta import relativedelta

from services.extractor.timex.lexicon import SEASON_FIRST_MONTH

TimexKind = Literal["DATE", "TIME", "DURATION", "SET"]
Tense = Literal["past", "present", "future"]


@dataclass(frozen=True)
class Timex:
    """A normalised time expression (TIMEX3 type, value and modifier) with its interval."""

    type: TimexKind
    value: str
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    anchored: bool = False
    mod: str | None = None


def interval(value: str) -> tuple[dt.date, dt.date] | None:
    """The inclusive calendar interval a TIMEX3 date value covers, or None when it has none."""
    for pattern, build in _INTERVALS:
        match = pattern.fullmatch(value)
        if match:
            try:
                return build(match)
            except ValueError:  # an impossible date such as 1998-02-30 covers nothing
                return None
    return None


def _day(match: re.Match[str]) -> tuple[dt.date, dt.date]:
    day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    return day, day


def _month(match: re.Match[str]) -> tuple[dt.date, dt.date]:
    first = dt.date(int(match["y"]), int(match["m"]), 1)
    return first, first + relativedelta(months=1, days=-1)


def _year(match: re.Match[str]) -> tuple[dt.date, dt.date]:
    year = int(match["y"])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _week(match: re.Match[str]) -> tuple[dt.date, dt.date]:
    monday = dt.date.fromisocalendar(int(match["y"]), int(match["w"]), 1)
    if match["we"]:
        return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
    return monday, monday + dt.timedelta(days=6)


def _quarter(match: re.Match[str]) -> tuple[dt.date, dt.date]:
    first = dt.date(int(match["y"]), 3 * int(match["q"]) - 2, 1)
    return first, first + relativedelta(months=3, days=-1)


def _half(match: re.Match[str]) -> tuple[dt.date, dt.date]:
    first = dt.date(int(match["y"]), 6 * int(match["h"]) - 5, 1)
    return first, first + relativedelta(months=6, days=-1)


def _season(match: re.Match[str]) -> tuple[dt.date, dt.date]:
    first = dt.date(int(match["y"]), SEASON_FIRST_MONTH[match["s"]], 1)
    return first, first + relativedelta(months=3, days=-1)


def _decade(match: re.Match[str]) -> tuple[dt.date, dt.date]:
    start = int(match["d"]) * 10
    return dt.date(start, 1, 1), dt.date(start + 9, 12, 31)


def _century(match: re.Match[str]) -> tuple[dt.date, dt.date]:
    start = int(match["c"]) * 100
    return dt.date(max(start, 1), 1, 1), dt.date(start + 99, 12, 31)


_INTERVALS = (
    (re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:T.*)?"), _day),
    (re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)"), _month),
    (re.compile(r"(?P<y>\d{4})"), _year),
    (re.compile(r"(?P<y>\d{4})-W(?P<w>\d\d?)(?P<we>-WE)?"), _week),
    (re.compile(r"(?P<y>\d{4})-Q(?P<q>[1-4])"), _quarter),
    (re.compile(r"(?P<y>\d{4})-H(?P<h>[12])"), _half),
    (re.compile(r"(?P<y>\d{4})-(?P<s>SP|SU|FA|WI)"), _season),
    (re.compile(r"(?P<d>\d{3})"), _decade),
    (re.compile(r"(?P<c>\d{2})"), _century),
)


def week_value(day: dt.date) -> str:
    """The ISO week holding `day`, as TIMEX3 writes it (2025-W51)."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, by: int) -> tuple[int, int]:
    index = year * 4 + quarter - 1 + by
    return index // 4, index % 4 + 1


class BeyondCalendar(OverflowError):
    """A date moved outside the years 1 to 9999 (an anchor near either end): no TIMEX3 value."""


def shift(day: dt.date, amount: int, unit: str) -> dt.date:
    """`day` moved by `amount` units (D, W, M, Q, Y); months clip to the month's end.

    Raises BeyondCalendar when the result falls outside the calendar."""
    try:
        if unit == "D":
            return day + dt.timedelta(days=amount)
        if unit == "W":
            return day + dt.timedelta(weeks=amount)
        if unit == "M":
            return day + relativedelta(months=amount)
        if unit == "Q":
            return day + relativedelta(months=3 * amount)
        return day + relativedelta(years=amount)
    except (OverflowError, ValueError) as exc:  # timedelta overflows; relativedelta says year 0
        raise BeyondCalendar(f"{day} moved by {amount} {unit}") from exc


def value_at(day: dt.date, unit: str, amount: int = 1) -> str:
    """The TIMEX3 value of the `unit`-sized period holding `day` (decades for 10 years)."""
    if unit == "D":
        return day.isoformat()
    if unit == "W":
        return week_value(day)
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if amount >= 100:
        return f"{day.year // 100:02d}"
    if amount >= 10:
        return f"{day.year // 10:03d}"
    return f"{day.year:04d}"


def weekday_near(anchor: dt.date, weekday: int, tense: Tense | None) -> dt.date:
    """The `weekday` (0 = Monday) an article dated `anchor` most likely means.

    The publication day's own weekday is that day. Otherwise the future tense looks ahead,
    the past tense (and no tense: news reports what happened) looks back, and the present
    tense takes the nearer of the two ("the meeting follows talks on Friday").
    """
    ahead = (weekday - anchor.weekday()) % 7
    if ahead == 0:
        return anchor
    behind = 7 - ahead
    if tense == "future" or (tense == "present" and ahead < behind):
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=behind)


def month_near(anchor: dt.date, month: int, tense: Tense | None, *, firm: bool = False) -> int:
    """The year of a month named without one: looking back or ahead by tense, else nearest.

    A past tense that is not the date's own (not `firm`) reaches back at most
    `_MONTH_REACH_DAYS`; beyond that the nearer month wins.
    """
    if month == anchor.month:
        return anchor.year
    if tense == "past":
        year = anchor.year if month < anchor.month else anchor.year - 1
        if firm or (anchor - dt.date(year, month, 15)).days < _MONTH_REACH_DAYS:
            return year
    if tense == "future":
        return anchor.year if month > anchor.month else anchor.year + 1
    candidates = (anchor.year - 1, anchor.year, anchor.year + 1)
    return min(candidates, key=lambda year: abs((dt.date(year, month, 15) - anchor).days))


# A tense that is not the date's own looks back or ahead at most half a year; beyond that the
# nearer date wins, as the parse's tense is often a reporting verb's ("said the deadline is
# Jan. 14") or a noun's verb's ("gave no reason for the Jan. 14 deadline").
_TENSE_REACH_DAYS = 183
# A month in a clause whose past is not its own ("a cutback in its oil supply in September")
# lies back at most nine months: the next few months are more likely the coming ones.
_MONTH_REACH_DAYS = 270


def dates_of(anchor: dt.date, month: int, day: int) -> list[dt.date]:
    """`month`/`day` in the year of `anchor` and the years on either side, where it exists."""
    found = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            found.append(dt.date(year, month, day))
        except ValueError:  # February 29 outside leap years
            continue
    return found


def day_near(
    anchor: dt.date, month: int, day: int, tense: Tense | None, *, firm: bool = False
) -> dt.date | None:
    """The date of "March 30" without a year: by tense, within six months unless `firm`."""
    options = dates_of(anchor, month, day)
    if not options:
        return None
    if tense == "past":
        past = [d for d in options if d <= anchor]
        if past and (firm or (anchor - max(past)).days < _TENSE_REACH_DAYS):
            return max(past)
    if tense == "future":
        future = [d for d in options if d >= anchor]
        if future and (firm or (min(future) - anchor).days < _TENSE_REACH_DAYS):
            return min(future)
    return min(options, key=lambda d: abs((d - anchor).days))
