from __future__ import annotations

import pytest
from spacy.language import Language

from services.extractor.parse.dateline import find_dateline


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("\n\nNEW YORK (AP) _\n\nThe mayor said.", "NEW YORK"),
        ("\n\nNAIROBI, Kenya (AP) _\n\nBombs exploded.", "NAIROBI"),
        ("\nMOSCOW (AP)_ The mayor of Moscow said.", "MOSCOW"),
        ("\n\nBIRMINGHAM, Ala. (AP) _\n\nA bomb exploded.", "BIRMINGHAM"),
        ("THE HAGUE, Netherlands (AP)_ The court ruled.", "THE HAGUE"),
        ("WASHINGTON -- The Senate voted.", "WASHINGTON"),
        ("LONDON, Dec 5 (Reuters) - Shares fell.", "LONDON"),
        ("KYIV, Ukraine (AP) — Drones struck.", "KYIV"),
        ("KHARTOUM: A drone attack killed 28 people.", "KHARTOUM"),
        (
            "• Israel imposes curbs\n\n• EU objects\n\nJERUSALEM / ISLAMABAD: As Pakistan",
            "JERUSALEM / ISLAMABAD",
        ),
        ("• Israel imposes curbs\n• EU objects\nJERUSALEM: The government", "JERUSALEM"),
        ("\nIn Washington today, the agency said.", None),
        ("U.S. officials said on Monday.", None),
        ("Update: the talks ended.", None),
        ("• A bullet with no dateline after it.\nPolice said", None),
    ],
)
def test_dateline_place(text: str, place: str | None) -> None:
    dateline = find_dateline(text)
    span = None if dateline is None else dateline.place
    assert (None if span is None else text[span[0] : span[1]]) == place


@pytest.mark.parametrize(
    ("text", "root"),
    [
        (
            "KHARTOUM: A drone attack on a crowded market in central Sudan killed 28 people.",
            "killed",
        ),
        (
            "• Italy offers to train Gaza police\nJAKARTA: Indonesia has readied 8,000 troops.",
            "readied",
        ),
        ("KYIV, Ukraine (AP) — Drones struck a power plant overnight.", "struck"),
    ],
)
def test_a_dateline_is_a_sentence_of_its_own(nlp: Language, text: str, root: str) -> None:
    # Parsed with the story's first sentence, the dateline's place became the root and the
    # story's first verb ("killed") a modifier of it.
    dateline = find_dateline(text)
    assert dateline is not None
    sentences = list(nlp(text).sents)
    assert text[dateline.place[0] : dateline.end].strip() in [s.text.strip() for s in sentences]
    assert sentences[-1].root.text == root
