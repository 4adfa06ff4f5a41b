"""Near-duplicate text: syndicated variants of one wire story match, different stories do not."""

from __future__ import annotations

import itertools
import re

import pytest

from services.fetcher.near_duplicates import (
    MIN_WORDS,
    containment,
    fingerprint,
    same_story,
    similarity,
)
from tests.conftest import material

WIRE = """\
Negotiators from both governments met behind closed doors in Geneva on Saturday for a third round \
of talks on the disputed border, officials said, and both delegations described the session as \
constructive after nearly nine hours of discussion.

The talks focused on the return of displaced families to villages along the frontier and on a \
joint commission that would mark the boundary on the ground. A senior official who asked not to \
be named because he was not authorised to speak publicly said the two sides had agreed on the \
membership of the commission but not on its mandate.

"We have narrowed the gaps, but the hardest questions are still in front of us," the chief \
mediator told reporters outside the conference hall late on Saturday evening.

The dispute flared last spring when troops from both countries exchanged fire near a mountain \
pass, killing four soldiers and forcing thousands of villagers to flee. A ceasefire brokered by \
regional leaders has largely held since June, although both sides have accused each other of \
violations.

Diplomats said a fourth round could take place next month if the delegations exchange written \
proposals on the mandate of the commission in the meantime. Aid groups have urged the \
governments to allow families to return before the winter, when snow closes the roads to many \
of the affected villages.
"""


def boilerplate(text: str) -> str:
    """The same story on a site that adds its own lines around it."""
    return (
        "Advertisement\n\nSign up for our morning newsletter and never miss a story.\n\n"
        + text
        + "\nCopyright 2025 The Associated Press. All rights reserved. This material may not be "
        "published, broadcast, rewritten or redistributed.\n\nRead more: World news"
    )


def new_headline(text: str) -> str:
    """A site that keeps its own headline as the first line of the text."""
    return "Border talks end with progress on commission, not mandate\n\n" + text


def edited(text: str) -> str:
    """A copy editor's pass: a handful of words changed, British spelling, a dropped clause."""
    for old, new in (
        ("Saturday", "Sat."),
        ("authorised", "authorized"),
        ("nearly nine hours", "almost nine hours"),
        ("told reporters", "said"),
        ("forcing thousands of villagers to flee", "displacing thousands of villagers"),
        ("Aid groups", "Humanitarian organisations"),
    ):
        text = text.replace(old, new, 1)
    return text


def byline(text: str) -> str:
    """The wire's dateline and byline prefixed, as most subscribers print it."""
    return "By JANE DOE Associated Press\n\nGENEVA (AP) — " + text


def truncated(text: str) -> str:
    """A site that runs only the first paragraphs of the wire copy."""
    return "\n\n".join(text.split("\n\n")[:3])


def every_change(text: str) -> str:
    return boilerplate(byline(new_headline(edited(text))))


SAME_TOPIC_OTHER_STORY = """\
Residents of the frontier villages said on Sunday they had little hope that the talks in Geneva \
would let them go home soon. In a crowded camp near the provincial capital, families who fled \
the fighting last spring said they had not been consulted by either government.

"They talk about commissions and mandates, but nobody asks us what we need," said a farmer who \
has lived in a tent with his five children since April. Aid workers said food supplies in the \
camp would last only until the end of the month without new funding.

The governments met in Geneva on Saturday for a third round of negotiations on the disputed \
border. Officials described the session as constructive but announced no agreement on the \
mandate of a joint boundary commission.

The camp's clinic has recorded a rise in respiratory infections as temperatures drop, and local \
officials have asked for blankets and heaters before the first snow.
"""

FOLLOW_UP = """\
The two governments exchanged written proposals on Wednesday on the mandate of a joint border \
commission, diplomats said, clearing the way for a fourth round of talks in Geneva next month.

The proposals were delivered through the mediator's office and were not made public. A diplomat \
familiar with the documents said they differ mainly on whether the commission may rule on \
disputed villages or only map the line agreed in earlier treaties.

The dispute flared last spring when troops from both countries exchanged fire near a mountain \
pass, killing four soldiers and forcing thousands of villagers to flee. A ceasefire brokered by \
regional leaders has largely held since June.

Aid groups welcomed the step but said families should not have to wait for a final deal to go \
home before the winter.
"""


def score(a: str, b: str) -> float | None:
    fa, fb = fingerprint(a), fingerprint(b)
    assert fa is not None
    assert fb is not None
    return same_story(fa, fb)


@pytest.mark.parametrize(
    "variant", [boilerplate, new_headline, edited, byline, truncated, every_change]
)
def test_syndicated_variants_are_the_same_story(variant: object) -> None:
    assert callable(variant)
    copy = variant(WIRE)
    assert copy != WIRE
    assert score(WIRE, copy) is not None
    assert score(copy, WIRE) is not None  # symmetric: whichever site came first


@pytest.mark.parametrize("other", [SAME_TOPIC_OTHER_STORY, FOLLOW_UP])
def test_other_stories_on_the_same_topic_are_not(other: str) -> None:
    assert score(WIRE, other) is None
    assert score(every_change(WIRE), other) is None


def test_identical_text_scores_one_and_unrelated_close_to_zero() -> None:
    fa, fb = fingerprint(WIRE), fingerprint(boilerplate(WIRE))
    fc = fingerprint(FOLLOW_UP)
    assert fa is not None
    assert fb is not None
    assert fc is not None
    assert similarity(fa.signature, fa.signature) == 1.0
    assert similarity(fa.signature, fc.signature) < 0.2
    assert fa.band_keys != fb.band_keys  # not identical signatures...
    assert set(fa.band_keys) & set(fb.band_keys)  # ...but they meet in the index


def test_short_texts_are_left_to_the_exact_hash() -> None:
    short = " ".join(WIRE.split()[: MIN_WORDS - 1])
    assert fingerprint(short) is None
    assert fingerprint(" ".join(WIRE.split()[:MIN_WORDS])) is not None


def test_fingerprints_are_stable_across_calls() -> None:
    # Signatures stored in SQLite yesterday are compared with today's.
    assert fingerprint(WIRE) == fingerprint(WIRE)


def test_containment_estimate() -> None:
    # B inside A, |A| = 300, |B| = 100: J = 1/3, containment 1.
    assert containment(1 / 3, 300, 100) == pytest.approx(1.0)
    assert containment(0.0, 300, 100) == 0.0
    assert containment(0.5, 0, 100) == 0.0


def _timeml_texts() -> dict[str, str]:
    root = material("corpora", "timeml", "TBAQ-cleaned")
    texts = {}
    for path in sorted(root.glob("*/*.tml")):
        raw = path.read_text(encoding="utf-8")
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        assert body is not None, path.name
        texts[path.name] = re.sub(r"<[^>]+>", "", body.group(1))
    return texts


def test_real_wire_stories_match_only_their_own_versions() -> None:
    """256 AP, NYT, Xinhua and WSJ stories, many on the same events (the 1998 embassy bombings,
    the Elian Gonzalez case): only the three repeated wire stories in the corpus match, among
    them a Xinhua story and its copy cut to half its length."""
    prints = {name: fingerprint(text) for name, text in _timeml_texts().items()}
    matches = set()
    for (a, fa), (b, fb) in itertools.combinations(prints.items(), 2):
        if fa is not None and fb is not None and same_story(fa, fb) is not None:
            matches.add(frozenset((a, b)))
    assert matches == {
        frozenset(("APW20000107.0088.tml", "APW20000115.0209.tml")),  # the same story resent
        frozenset(("APW20000216.0193.tml", "APW20000216.0272.tml")),  # an updated version
        frozenset(("XIE19990313.0031.tml", "XIE19990313.0229.tml")),  # short and full version
    }
