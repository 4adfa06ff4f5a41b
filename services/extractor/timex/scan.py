"""Running the time rules over a text: where each may match, which matches win, reading again.

`scan(text, ...)` finds every rule match in a text (with the modifiers before it) and keeps the
longest where they overlap; `resolve` reads a match again in a richer context (the clause's
tense from the parse); `normalise(text, anchor, ...)` reads one whole expression.

Two pre-filters keep the scan cheap and its result identical: a rule is skipped when the text
lacks every substring its pattern needs (`regex_needs`), and the costliest rules are run only
in windows around their anchor words (month names, duration units).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from services.extractor.timex.lexicon import MONTHS
from services.extractor.timex.modifiers import apply_modifier, modifier_before
from services.extractor.timex.regex_needs import fold, may_match, required_substrings
from services.extractor.timex.rules import RULES, RULES_BY_NAME, Context, Rule
from services.extractor.timex.values import Tense, Timex


@dataclass(frozen=True)
class Match:
    """A normalised expression found in a text: `text[start:end]`.

    `found` is the rule's own match and `modifiers` the words before it in the order they
    were applied, so that `resolve` can read the expression again in a richer context.
    """

    start: int
    end: int
    rule: str
    timex: Timex
    confirm: bool = False
    found: re.Match[str] | None = None
    modifiers: tuple[str, ...] = ()


# For each rule, the substrings it cannot match without (`regex_needs`), read from its pattern.
_NEEDS = tuple(required_substrings(rule.pattern) for rule in RULES)
# Order breaks ties between equally long matches: the earlier rule wins.
_ORDER = {rule.name: index for index, rule in enumerate(RULES)}


@dataclass(frozen=True)
class _Anchor:
    """Words every match of some rules contains, and how far such a match reaches around them.

    The rules' patterns are tried at every position of the text; one plain search for their
    anchor word in the folded text (month names, duration units) finds the few places worth
    trying, and each rule then scans only windows around those. `before` and `after` bound a
    match's extent (and its lookarounds) on either side of the anchor word, so the windows
    hold every match the whole text holds.
    """

    pattern: re.Pattern[str]
    before: int
    after: int
    # Only where the word opens after no letter: the anchor words of these rules stand as
    # words of their own in every match. Checked here rather than by a lookbehind in the
    # pattern, which would stop the regex engine skipping to the words' first letters.
    word_start: bool = False


_MONTH_ANCHOR = _Anchor(
    re.compile(r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b"), 40, 40
)
# Every rule anchored on a unit holds it as a word of its own, after a space, a hyphen or the
# match's opening (which follows no letter): a unit inside a word ("Monday", "today",
# "yesterday") anchors none, and skipping those halves the text the windows cover.
_UNIT_ANCHOR = _Anchor(
    re.compile(r"second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur|millenni"),
    100,
    40,
    word_start=True,
)
_AGO_ANCHOR = _Anchor(re.compile(r"\b(?:ago|earlier|hence|from\s+now)\b"), 100, 10)
# A weekday as a word of its own: the last word of "weekday" ("last Friday", "the following
# Monday") and the first of "weekday_set" ("Sundays", "Friday nights").
_WEEKDAY_ANCHOR = _Anchor(
    re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"), 40, 40, word_start=True
)
# The rules worth scanning by window: the costliest, whose matches always hold the anchor.
_ANCHORS: dict[str, _Anchor] = {
    "full_date": _MONTH_ANCHOR,
    "full_date_dmy": _MONTH_ANCHOR,
    "period_end": _MONTH_ANCHOR,
    "month_day": _MONTH_ANCHOR,
    "day_month": _MONTH_ANCHOR,
    "week_of": _MONTH_ANCHOR,
    "month_year": _MONTH_ANCHOR,
    "month_rel_year": _MONTH_ANCHOR,
    "month": _MONTH_ANCHOR,
    "ago": _AGO_ANCHOR,
    "duration": _UNIT_ANCHOR,
    "unit_period": _UNIT_ANCHOR,
    "half_unit": _UNIT_ANCHOR,
    "vague_span": _UNIT_ANCHOR,
    "this_unit": _UNIT_ANCHOR,
    "anaphoric": _UNIT_ANCHOR,
    "year_earlier": _UNIT_ANCHOR,
    "year_quarter": _UNIT_ANCHOR,
    "fiscal_period": _UNIT_ANCHOR,
    "year_end": _UNIT_ANCHOR,
    "weekday": _WEEKDAY_ANCHOR,
    "weekday_set": _WEEKDAY_ANCHOR,
}
_SPACE = re.compile(r"\s")


def _windows(anchor: _Anchor, text: str, folded: str) -> list[tuple[int, int]]:
    """Disjoint stretches of `text` that hold every match of a rule with this anchor.

    Each ends on a space (or the text's end), so no word is cut where a window ends.
    """
    windows: list[tuple[int, int]] = []
    for found in anchor.pattern.finditer(folded):
        if anchor.word_start and "a" <= folded[found.start() - 1 : found.start()] <= "z":
            continue
        start = max(0, found.start() - anchor.before)
        space = _SPACE.search(text, min(len(text), found.end() + anchor.after))
        end = space.start() if space else len(text)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _matches(
    rule: Rule, text: str, folded: str, cache: dict[int, list[tuple[int, int]]]
) -> Iterator[re.Match[str]]:
    anchor = _ANCHORS.get(rule.name)
    if anchor is None:
        yield from rule.pattern.finditer(text)
        return
    windows = cache.get(id(anchor))
    if windows is None:
        windows = cache[id(anchor)] = _windows(anchor, text, folded)
    for start, end in windows:
        yield from rule.pattern.finditer(text, start, end)


def _read(rule: Rule, found: re.Match[str], ctx: Context) -> Timex | None:
    """`rule`'s reading of `found`, or None where its arithmetic leaves the calendar ("last
    week" of a page dated the year 1): such a date has no TIMEX3 value."""
    try:
        return rule.handler(found, ctx)
    except OverflowError:  # values.BeyondCalendar, or date arithmetic's own
        return None


def _candidates(text: str, ctx: Context) -> Iterator[Match]:
    folded = fold(text)
    windows: dict[int, list[tuple[int, int]]] = {}
    seen: dict[str, bool] = {}
    for rule, needs in zip(RULES, _NEEDS, strict=True):
        if not may_match(needs, folded, seen):
            continue  # lacks every word the rule needs: it cannot match (`regex_needs`)
        for found in _matches(rule, text, folded, windows):
            timex = _read(rule, found, ctx)
            if timex is None:
                continue
            start = found.start()
            words: list[str] = []
            # Modifiers stack: "at least the past 18 months".
            while (before := modifier_before(text, start, timex, rule.name)) is not None:
                start, word = before
                timex = apply_modifier(timex, word, ctx.anchor)
                words.append(word)
            yield Match(start, found.end(), rule.name, timex, rule.confirm, found, tuple(words))


def scan(text: str, ctx: Context) -> list[Match]:
    """The time expressions of `text`, longest first where they overlap, in text order."""
    found = sorted(
        _candidates(text, ctx),
        key=lambda m: (-(m.end - m.start), m.start, _ORDER[m.rule]),
    )
    chosen: list[Match] = []
    taken: list[tuple[int, int]] = []
    for match in found:
        if any(match.start < end and start < match.end for start, end in taken):
            continue
        chosen.append(match)
        taken.append((match.start, match.end))
    return sorted(chosen, key=lambda m: m.start)


def resolve(match: Match, ctx: Context) -> Timex | None:
    """`match` read again in `ctx` (the clause's tense, the story's time), or None.

    The rule that found it reads it in its place in the text, so context around it that the
    rule's pattern looked at ("the year ended ...") still counts.
    """
    if match.found is None:
        return match.timex
    timex = _read(RULES_BY_NAME[match.rule], match.found, ctx)
    for word in match.modifiers:
        if timex is None:
            break
        timex = apply_modifier(timex, word, ctx.anchor)
    return timex


def normalise(
    text: str,
    anchor: dt.date,
    *,
    tense: Tense | None = None,
    reference: str | None = None,
    narrative: str | None = None,
) -> Timex | None:
    """The TIMEX3 reading of one whole expression ("nearly four years" -> P4Y), or None."""
    text = text.strip()
    ctx = Context(anchor, tense, reference, narrative)
    for match in scan(text, ctx):
        if match.start == 0 and match.end == len(text):
            return match.timex
    return None
