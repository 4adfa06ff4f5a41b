"""The model's attribute rules (tag to POS and morphology, pronoun and auxiliary lemmas) applied
by table lookup: the same rules and the same result as spaCy's AttributeRuler, for a fraction
of its cost.

The AttributeRuler runs its patterns (179 in en_core_web_sm) through spaCy's Matcher, whose IN,
NOT_IN and REGEX predicates are Python calls per token and pattern, then builds a Span per
match to set its attributes: 2.8 ms a text, 15% of the whole parse. A token's matches depend
only on the few attributes the patterns test (LOWER, TAG, DEP, IS_SPACE) of it and its
neighbours, so `AttributeTable` evaluates the ruler's own patterns once per combination of
those values seen (a bounded memo), and writes each token's attributes with one array write.

Precedence is the ruler's: its matches are applied in the order the patterns were added, so
for each token and attribute the last-added pattern that matches with that token as its target
wins. `compile_rules` returns None for a ruler whose patterns use anything else (operators,
other attributes or predicates, extension attributes): the ruler then stays in place.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

COMPONENT = "newsflow_attribute_rules"

# What the patterns may test, in the order of the token's row; and what they may set.
_TESTED = ("LOWER", "TAG", "DEP", "IS_SPACE")
_TESTED_IDS = [LOWER, TAG, DEP, IS_SPACE]
_SET_IDS = [TAG, POS, MORPH, LEMMA, DEP]
_PREDICATES = frozenset({"IN", "NOT_IN", "REGEX"})
# Distinct (LOWER, TAG, DEP, IS_SPACE) rows remembered; the lower-case word makes them
# unbounded over a long run, so the memo starts again past this (~10,000 rows are seen in 300
# news texts; a row costs ~0.2 kB).
MEMO_ROWS = 1 << 16


# A token row's reading: the (column, value) pairs its own rules set, those rules, and the ids
# of the specs of longer alternatives it meets.
_Check: TypeAlias = Callable[[Any], bool]
_Row: TypeAlias = tuple[tuple[tuple[int, int], ...], tuple[int, ...], frozenset[int]]


class _Unsupported(Exception):
    """A pattern this table cannot read: keep the AttributeRuler."""


def _found(pattern: re.Pattern[str], seen: str) -> bool:
    return pattern.search(seen) is not None


def _within(members: frozenset[str], seen: str) -> bool:
    return seen in members


def _without(members: frozenset[str], seen: str) -> bool:
    return seen not in members


def _test(name: str, value: Any) -> _Check:
    """A check of one token attribute's string value (or IS_SPACE's bool) against a spec."""
    if name == "IS_SPACE":
        if not isinstance(value, bool):
            raise _Unsupported(value)
        return lambda seen: seen == value
    if isinstance(value, str):
        return lambda seen: seen == value
    if not isinstance(value, dict) or not value or not set(value) <= _PREDICATES:
        raise _Unsupported(value)
    checks: list[_Check] = []
    for predicate, argument in value.items():
        if predicate == "REGEX":
            if not isinstance(argument, str):
                raise _Unsupported(argument)
            checks.append(functools.partial(_found, re.compile(argument)))
            continue
        if not isinstance(argument, list) or not all(isinstance(a, str) for a in argument):
            raise _Unsupported(argument)
        members = frozenset(argument)
        if predicate == "IN":
            checks.append(functools.partial(_within, members))
        else:
            checks.append(functools.partial(_without, members))
    return lambda seen: all(check(seen) for check in checks)


def _spec(spec: dict[str, Any]) -> list[tuple[int, _Check]]:
    """One token's spec as (position in the row, check) pairs."""
    if not isinstance(spec, dict):
        raise _Unsupported(spec)
    checks = []
    for name, value in spec.items():
        if name.upper() not in _TESTED:
            raise _Unsupported(name)
        checks.append((_TESTED.index(name.upper()), _test(name.upper(), value)))
    return checks


@dataclass(frozen=True)
class _Alternative:
    """One token sequence of a pattern: the rule it applies and the token it targets."""

    rule: int
    specs: tuple[tuple[tuple[int, _Check], ...], ...]
    target: int  # from the match's start


class AttributeTable:
    """A ruler's patterns and attributes, applied per token by lookup (`__call__`)."""

    def __init__(self, alternatives: Sequence[_Alternative], attrs: Sequence[dict[int, int]]):
        self._alternatives = tuple(alternatives)
        self._specs = [s for a in alternatives for s in a.specs]
        # Which spec ids each alternative needs, token by token.
        ids = iter(range(len(self._specs)))
        self._needs = [tuple(next(ids) for _ in a.specs) for a in alternatives]
        self._singles = frozenset(i for i, a in enumerate(alternatives) if len(a.specs) == 1)
        self._longer = frozenset(
            i for a, needs in enumerate(self._needs) if a not in self._singles for i in needs
        )
        # The longer alternatives by the spec their first token must meet.
        self._opening: dict[int, list[int]] = {}
        for a, needs in enumerate(self._needs):
            if a not in self._singles:
                self._opening.setdefault(needs[0], []).append(a)
        self._attrs = [[(_SET_IDS.index(k), v) for k, v in a.items()] for a in attrs]
        self._memo: dict[tuple[int, ...], _Row] = {}
        self._merged: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}

    def _read_row(self, row: tuple[int, ...], strings: Any) -> _Row:
        """What a token with this row of tested values gets: the attributes of the rules it
        matches alone, those rules, and the specs of longer alternatives that it meets."""
        values = (strings[row[0]], strings[row[1]], strings[row[2]], bool(row[3]))
        met = {
            i for i, spec in enumerate(self._specs) if all(check(values[at]) for at, check in spec)
        }
        rules = tuple(
            sorted({self._alternatives[a].rule for a in self._singles if self._needs[a][0] in met})
        )
        return self._merge(rules), rules, frozenset(met & self._longer)

    def _merge(self, rules: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """The (column, value) pairs `rules` (ascending) set, the later rule's value winning."""
        merged = self._merged.get(rules)
        if merged is None:
            final: dict[int, int] = {}
            for rule in rules:
                final.update(self._attrs[rule])
            merged = self._merged[rules] = tuple(final.items())
        return merged

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        memo = self._memo
        if len(memo) > MEMO_ROWS:
            memo.clear()
        strings = doc.vocab.strings
        found = []
        for row in doc.to_array(_TESTED_IDS).tolist():
            key = tuple(row)
            hit = memo.get(key)
            if hit is None:
                hit = memo[key] = self._read_row(key, strings)
            found.append(hit)
        if any(hit[2] for hit in found):
            pairs = self._with_longer(found)
        else:
            pairs = [hit[0] for hit in found]
        values = doc.to_array(_SET_IDS).tolist()
        for token, sets in zip(values, pairs, strict=True):
            for column, value in sets:
                token[column] = value
        doc.from_array(_SET_IDS, np.array(values, dtype=np.uint64))  # type: ignore[arg-type]  # spaCy types it as thinc's Ints2d, an alias of ndarray
        return doc

    def _with_longer(self, found: list[_Row]) -> list[tuple[tuple[int, int], ...]]:
        """Each token's attributes, with the rules of alternatives longer than one token that
        match added to their targets."""
        rules = [hit[1] for hit in found]
        for start, (_, _, met) in enumerate(found):
            for spec in met:
                for a in self._opening.get(spec, ()):
                    needs = self._needs[a]
                    if start + len(needs) <= len(found) and all(
                        needs[k] in found[start + k][2] for k in range(1, len(needs))
                    ):
                        at = start + self._alternatives[a].target
                        rules[at] = tuple(sorted({*rules[at], self._alternatives[a].rule}))
        return [self._merge(matched) for matched in rules]


def compile_rules(ruler: AttributeRuler) -> AttributeTable | None:
    """`ruler`'s patterns as an AttributeTable, or None when one uses what the table cannot
    read."""
    matcher = ruler.matcher
    alternatives = []
    try:
        if len(matcher) != len(ruler.attrs):
            raise _Unsupported("matcher")
        for rule, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True)):
            if not set(attrs) <= set(_SET_IDS):
                raise _Unsupported(attrs)
            on_match, patterns = matcher.get(str(rule))
            # A greedy filter would drop overlapping matches (the ruler never sets one).
            greedy = getattr(matcher, "_filter", {}).get(ruler.vocab.strings[str(rule)])
            if on_match is not None or greedy is not None:
                raise _Unsupported(rule)
            for pattern in patterns:
                specs = tuple(tuple(_spec(spec)) for spec in pattern)
                target = index if index >= 0 else len(specs) + index
                if not specs or not 0 <= target < len(specs):
                    raise _Unsupported(pattern)
                alternatives.append(_Alternative(rule, specs, target))
    except _Unsupported:
        return None
    return AttributeTable(alternatives, [dict(a) for a in ruler.attrs])


@Language.factory(COMPONENT)
def _make(nlp: Language, name: str) -> _Applier:
    return _Applier()


class _Applier:
    """The pipeline component: holds the table `use_rules` gives it, and the ruler it was read
    from (which is what the pipeline would otherwise run)."""

    def __init__(self) -> None:
        self.table: AttributeTable | None = None
        self.ruler: AttributeRuler | None = None

    def __call__(self, doc: Doc) -> Doc:
        assert self.table is not None, "use_rules() sets the table before any parse"
        return self.table(doc)


def use_rules(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put the table in place of `nlp`'s AttributeRuler `name` (same name, same place); False,
    with nothing changed, when there is none or its patterns cannot be read so."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if type(ruler) is not AttributeRuler:
        return False
    table = compile_rules(ruler)
    if table is None:
        return False
    applier = nlp.replace_pipe(name, COMPONENT)
    assert isinstance(applier, _Applier)
    applier.table, applier.ruler = table, ruler
    return True
