"""Lines in capitals read with the body's casing, offsets unchanged."""

from __future__ import annotations

import random

from services.extractor.parse.casing import (
    MIN_SHOUTED_LETTERS,
    SHOUTED_SHARE,
    _shouted,
    recase_shouting,
)

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


def _shouted_by_letters(line: str) -> bool:
    """The definition `_shouted` shortcuts: nine tenths of at least eight letters in capitals."""
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= MIN_SHOUTED_LETTERS and sum(ch.isupper() for ch in letters) >= (
        SHOUTED_SHARE * len(letters)
    )


def test_the_shortcut_for_quiet_lines_decides_as_the_letters_do() -> None:
    rng = random.Random(15)
    # Lower, upper and uncased letters, accented and dotted ones, digits, punctuation, a lone
    # surrogate; lines near the nine-tenths boundary are frequent.
    alphabet = "aAzZ  ’éÉßİı1.,\n\ud800日ǅ"
    for _ in range(50_000):
        line = "".join(
            rng.choice(alphabet) if rng.random() < 0.3 else rng.choice("ABCDEFGHIJ")
            for _ in range(rng.randint(0, 40))
        )
        assert _shouted(line) == _shouted_by_letters(line), repr(line)
