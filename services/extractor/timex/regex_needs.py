"""Which substrings a regular expression cannot match without, read from its parse tree.

The time rules are some thirty case-insensitive patterns that open with a lookbehind, so the
regex engine cannot skip ahead to a likely start and tries every one at every position of the
article. Most articles lack the words most rules need ("ago", "quarter", a month name): a
substring test on the folded text tells which rules cannot match, and skipping them keeps
the result identical and halves the scan.

`required_substrings(p)` is a set S of lower-case ASCII strings such that whenever `p` matches
in a text (with or without IGNORECASE), some s in S occurs in `fold(text)`. None means no
such set was found (the pattern is then always run).
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# The regex parser and its opcodes: private stdlib modules (stable through 3.11-3.13) that the
# type stubs leave out; the public aliases sre_parse/sre_constants warn as deprecated.
sre_parse: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")

Needs = frozenset[str]

# Characters that IGNORECASE matches to an ASCII letter although their lower case is not that
# one letter ("İ" lowers to two characters, "i" and a combining dot): folded like the engine
# matches them. Found by testing every code point; a unit test re-checks.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def fold(text: str) -> str:
    """`text` as the needs are written: lower case, with IGNORECASE's special equivalences."""
    # Most texts hold none of the three, and then the table changes nothing: `translate` with
    # a dict walks every character in Python's slow path (0.1 ms of a 1,300-character article),
    # three plain searches do not.
    if "İ" in text or "ı" in text or "ſ" in text:
        return text.translate(_FOLD).lower()
    return text.lower()


def _selective(needs: Needs) -> tuple[int, int]:
    # Prefer sets whose shortest member is longest (rarer in text), then fewer members.
    return (min(len(s) for s in needs), -len(needs))


def _sequence(items: Any) -> Needs | None:
    """Needs of a sequence: those of whichever element (or literal run) is most selective."""
    best: Needs | None = None
    run: list[str] = []

    def consider(needs: Needs | None) -> None:
        nonlocal best
        if needs and (best is None or _selective(needs) > _selective(best)):
            best = needs

    def flush() -> None:
        if run:
            consider(_ascii(frozenset({"".join(run).lower()})))
            run.clear()

    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        flush()
        consider(_node(op, av))
    flush()
    return best


def _ascii(needs: Needs) -> Needs | None:
    # Non-ASCII literals would need IGNORECASE's full equivalence table; give up on them.
    return needs if all(s.isascii() for s in needs) else None


def _node(op: Any, av: Any) -> Needs | None:
    if op is sre.SUBPATTERN:
        return _sequence(av[3])
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            needs = _sequence(branch)
            if needs is None:
                return None  # this alternative needs nothing
            union |= needs
        return frozenset(union)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, body = av
        return _sequence(body) if low >= 1 else None
    if op is sre.ATOMIC_GROUP:
        return _sequence(av)
    if op is sre.ASSERT:
        # A positive lookaround's text is in the article even if outside the match.
        return _sequence(av[1])
    return None  # classes, anchors, negative lookarounds, back references


def required_substrings(pattern: re.Pattern[str]) -> Needs | None:
    """A set of strings one of which `fold(text)` contains whenever `pattern` matches in text.

    It parses the pattern again (~3 ms over all the time rules, once at import): compiling
    from one shared parse would need CPython's private compiler API, whose shape changes
    between versions.
    """
    return _sequence(sre_parse.parse(pattern.pattern, pattern.flags))


def may_match(needs: Needs | None, folded: str, seen: dict[str, bool] | None = None) -> bool:
    """False only when a pattern with these needs cannot match the text folded to `folded`.

    `seen` remembers, for one text, which substrings it holds: the rules share most of theirs
    (six of them the 24 month names), so each is searched for once per text.
    """
    if needs is None:
        return True
    if seen is None:
        return any(s in folded for s in needs)
    for s in needs:
        found = seen.get(s)
        if found is None:
            found = seen[s] = s in folded
        if found:
            return True
    return False
