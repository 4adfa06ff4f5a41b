from __future__ import annotations

import re

import pytest

from services.extractor.timex.regex_needs import fold, may_match, required_substrings
from services.extractor.timex.rules import RULES
from services.extractor.timex.scan import _NEEDS

SAMPLES = [
    "Talks on Friday ended; officials will meet again on Saturday, December 20, 2025.",
    "THREE YEARS AGO the quarter ended in Q3; the fiscal year 2024 was the past decade's best.",
    "At 10:30 a.m. tomorrow morning, every Monday since the 1990s, mid-June, last spring.",
    "Nearly four years since February 2022, earlier this week, the end of the year.",
    "Sunday, the 3rd of March ... two weeks later; the first half; hourly; Christmas Eve.",
    "İN THE PAST ſEVEN DAYS",  # characters IGNORECASE matches to ASCII letters
]


def test_fold_covers_every_ignorecase_equivalent_of_ascii() -> None:
    ascii_class = re.compile("[\x00-\x7f]", re.IGNORECASE)
    for code in range(0x80, 0x110000):
        char = chr(code)
        if ascii_class.fullmatch(char):
            folded = fold(char)
            assert len(folded) == 1, hex(code)
            assert re.fullmatch(re.escape(folded), char, re.IGNORECASE), hex(code)


def test_fold_keeps_one_character_per_character() -> None:
    assert [hex(c) for c in range(0x110000) if len(fold(chr(c))) != 1] == []


def test_needs_of_simple_patterns() -> None:
    assert required_substrings(re.compile(r"\d+ (?:days?|weeks?) ago")) == frozenset({" ago"})
    assert required_substrings(re.compile(r"(?:spring|fall)\s+\d{4}")) == frozenset(
        {"spring", "fall"}
    )
    assert required_substrings(re.compile(r"(?:next )?\d{4}")) is None
    assert required_substrings(re.compile(r"(?=quarter)\w+")) == frozenset({"quarter"})


@pytest.mark.parametrize("text", SAMPLES)
def test_no_rule_is_skipped_where_it_matches(text: str) -> None:
    folded = fold(text)
    for rule, needs in zip(RULES, _NEEDS, strict=True):
        if rule.pattern.search(text):
            assert may_match(needs, folded), rule.name


@pytest.mark.parametrize("text", SAMPLES)
def test_remembering_the_substrings_found_decides_alike(text: str) -> None:
    folded = fold(text)
    seen: dict[str, bool] = {}
    assert [may_match(needs, folded, seen) for needs in _NEEDS] == [
        may_match(needs, folded) for needs in _NEEDS
    ]
    assert seen  # the rules' substrings were each searched for once


def test_most_rules_have_needs() -> None:
    assert sum(needs is not None for needs in _NEEDS) >= len(RULES) - 2
