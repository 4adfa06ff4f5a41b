"""Lines in capitals read with the body's casing, offsets unchanged."""

from __future__ import annotations

import random

from services.extractor.parse.casing import recase_shouting

STORY = (
    "CUTTITTA BACK FOR ITALY AFTER NATO TALKS\n\n"
    "Italy recalled Marcello Cuttitta on Thursday, a day after the NATO summit."
)


def test_a_shouted_headline_takes_the_bodys_casing() -> None:
    assert recase_shouting(STORY).splitlines()[0] == "Cuttitta back for Italy after NATO talks"
    assert recase_shouting(STORY).splitlines()[2:] == STORY.splitlines()[2:]


def test_a_short_word_the_body_never_writes_stays_an_acronym() -> None:
    text = "NBA BASKETBALL - STANDINGS\n\nNew York 25 10. Boston 20 15."
    assert recase_shouting(text).splitlines()[0] == "NBA basketball - standings"


def test_text_without_a_body_or_without_shouting_is_left_alone() -> None:
    assert recase_shouting("ALL OF THIS IS IN CAPITALS\nAND SO IS THIS") == (
        "ALL OF THIS IS IN CAPITALS\nAND SO IS THIS"
    )
    assert recase_shouting("Italy recalled Cuttitta.\nThe FBI said.") == (
        "Italy recalled Cuttitta.\nThe FBI said."
    )
    assert recase_shouting("ROME 1996\nItaly won.") == "ROME 1996\nItaly won."  # too short


def test_only_the_case_changes_and_never_a_length() -> None:
    """Random texts over letters whose case mapping changes length ("ß", "İ", "ﬁ")."""
    rng = random.Random(20261206)
    alphabet = "abcdeßİﬁ ABCDE\n.,'’"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(200)))
        recased = recase_shouting(text)
        assert len(recased) == len(text)
        assert all(a == b or a.lower() == b.lower() for a, b in zip(recased, text, strict=True)), (
            text,
            recased,
        )
