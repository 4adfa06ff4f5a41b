"""What a person's title says: sector, offices and country, read in one walk over the title."""

from __future__ import annotations

import dataclasses

import pytest
from spacy.language import Language

from services.extractor.actors.mentions import read_candidates
from services.extractor.actors.titles import NO_TITLE, Title, read_title
from services.extractor.parse.table import parse_table
from services.extractor.places.gazetteer import Gazetteer


def _title_of(nlp: Language, gazetteer: Gazetteer, text: str, name: str) -> Title:
    doc = nlp(text)
    (person,) = [c for c in read_candidates(doc, gazetteer) if c.text == name]
    return read_title(parse_table(doc), gazetteer, person)


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "U.K. Prime Minister Keir Starmer spoke on Monday.",
            "Keir Starmer",
            Title("GOV", frozenset({"prime minister", "minister"}), "GB"),
        ),
        (  # the possessive ending is part of the title
            "Iraq's Prime Minister Mohammed Shia al-Sudani said the talks went well.",
            "Mohammed Shia al-Sudani",
            Title("GOV", frozenset({"prime minister", "minister"}), "IQ"),
        ),
        (  # five title words before the name, the country among them
            "The former Russian Deputy Prime Minister Alexander Novak spoke.",
            "Alexander Novak",
            Title("GOV", frozenset({"prime minister", "minister"}), "RU"),
        ),
        (
            "Venezuelan opposition leader María Corina Machado left the country.",
            "María Corina Machado",
            Title(
                "OPP",
                frozenset({"venezuelan opposition", "opposition", "opposition leader", "leader"}),
                "VE",
            ),
        ),
        (
            "Gen. Mark Milley spoke to reporters.",
            "Mark Milley",
            Title("MIL", frozenset(), None),
        ),
        (
            "Chancellor Christian Stocker met the press.",
            "Christian Stocker",
            Title("GOV", frozenset({"chancellor"}), None),
        ),
        (  # the apposition, not a title before the name
            "Kirill Dmitriev, Putin's envoy, arrived in Miami.",
            "Kirill Dmitriev",
            Title("GOV", frozenset({"envoy"}), None),
        ),
        (  # a word of tenure keeps the walk going; a country's leader is its government's
            "Bangladesh’s interim leader Muhammad Yunus stepped down on Monday.",
            "Muhammad Yunus",
            Title("GOV", frozenset({"interim leader", "leader"}), "BD"),
        ),
        (  # the apposition's country
            "Iran's top diplomat, Abbas Araghchi, met Rafael Grossi.",
            "Abbas Araghchi",
            Title("GOV", frozenset({"top diplomat", "diplomat"}), "IR"),
        ),
        (  # a demonym with no role word is no title: no country
            "Russian Vladimir Ivanov won the race.",
            "Vladimir Ivanov",
            NO_TITLE,
        ),
    ],
)
def test_a_title_says_sector_offices_and_country(
    nlp: Language, gazetteer: Gazetteer, text: str, name: str, title: Title
) -> None:
    assert _title_of(nlp, gazetteer, text, name) == title


def test_a_common_noun_has_no_title(nlp: Language, gazetteer: Gazetteer) -> None:
    doc = nlp("Russian President Vladimir Putin spoke.")
    (person,) = [c for c in read_candidates(doc, gazetteer) if c.text == "Vladimir Putin"]
    assert read_title(parse_table(doc), gazetteer, person).agent == "GOV"
    common = dataclasses.replace(person, label="COMMON")
    assert read_title(parse_table(doc), gazetteer, common) == NO_TITLE
