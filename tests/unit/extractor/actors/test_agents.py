"""The agent lexicon: plurals, phrases, titles and organisations' heads, and Phoenix's codes."""

from __future__ import annotations

import re

import pytest

from services.extractor.actors import agents
from services.extractor.actors.agents import (
    actor_lemma,
    agent_of_organisation,
    agent_of_phrase,
    agent_of_title,
    plural,
)
from tests.conftest import material


@pytest.mark.parametrize(
    ("lemma", "form"),
    [
        ("official", "officials"),
        ("policeman", "policemen"),
        ("police", "police"),
        ("army", "armies"),
        ("attorney", "attorneys"),
        ("embassy", "embassies"),
        ("thief", "thieves"),
        ("medium", "media"),
    ],
)
def test_plurals_come_from_the_lemma(lemma: str, form: str) -> None:
    assert plural(lemma) == form
    assert actor_lemma(form, form) == lemma  # also where the lemmatiser left the plural


@pytest.mark.parametrize(
    ("head", "modifiers", "agent"),
    [
        ("official", [], "GOV"),
        ("officer", [], "COP"),
        ("officer", ["army"], "MIL"),
        ("official", ["company"], "BUS"),
        ("official", ["military"], "MIL"),
        ("troop", ["government"], "MIL"),  # Phoenix: GOVERNMENT_TROOPS is MIL
        ("soldier", ["rebel"], "REB"),
        ("lawmaker", ["opposition"], "OPP"),
        ("protester", ["student"], "OPP"),
        ("general", ["attorney"], "GOV"),
        ("minister", ["prime"], "GOV"),
        ("spokesman", [], None),
        ("spokesman", ["police"], "COP"),
        ("leader", [], None),
        ("leader", ["opposition"], "OPP"),
        ("force", ["task"], None),
        ("ministry", ["defence"], "GOV"),  # Phoenix's DEFENCE_MINISTRY: GOV first
    ],
)
def test_a_phrase_takes_its_code_from_its_head_or_its_modifier(
    head: str, modifiers: list[str], agent: str | None
) -> None:
    assert agent_of_phrase(head, modifiers) == agent


def test_a_role_with_a_noun_that_says_no_sector_has_none() -> None:
    assert agent_of_phrase("official", ["crane"], ["crane"]) is None
    assert agent_of_phrase("official", ["immigration"], ["immigration"]) == "GOV"


@pytest.mark.parametrize(
    ("words", "agent"),
    [
        (["President"], "GOV"),
        (["Russian", "Defence", "Minister"], "GOV"),
        (["Gen."], "MIL"),
        (["Lt.", "Gen."], "MIL"),
        (["Judge"], "JUD"),
        (["Sen."], "LEG"),
        (["Attorney", "General"], "GOV"),
        (["Police", "Chief"], "COP"),
        (["opposition", "leader"], "OPP"),
        (["Mr."], None),
        (["Dr."], None),
    ],
)
def test_titles_say_a_sector(words: list[str], agent: str | None) -> None:
    assert agent_of_title(words) == agent


@pytest.mark.parametrize(
    ("name", "agent"),
    [
        ("Russian Defence Ministry", "GOV"),
        ("Ministry of Defence", "GOV"),
        ("Supreme Court", "JUD"),
        ("Labour Party", "PTY"),
        ("US Air Force", "MIL"),
        ("Nashua Corp.", "BUS"),
        ("World Bank", None),  # "bank" alone does not say which
        ("European Union", None),
        ("Reuters", "MED"),  # a news outlet, by our list
        ("Reuters Holdings Board", None),
    ],
)
def test_an_organisation_takes_the_code_its_head_noun_says(name: str, agent: str | None) -> None:
    assert agent_of_organisation(name) == agent


# Where we differ from Phoenix on purpose (agents.py says why beside each).
# "man", "people", "person": Phoenix's PPL, which has no PLOVER sector; ours says none alone
# and CVL with a nationality ("a Tanzanian man").
_OUR_OWN = {"militant", "jihadist", "migrant", "expatriate", "looter", "man", "people", "person"}
# Phoenix's religions (Christian, Muslim, Jewish, ...) are one sector in PLOVER's agents: REL.
_RELIGIONS = {"CHR", "MUS", "JEW", "HIN", "BUD"}


def test_the_lexicon_agrees_with_phoenix_where_both_have_a_word() -> None:
    """Phoenix's agents file is the reference: a single word both list has its primary code
    (the first three letters: GOVMIL is GOV) unless we say otherwise."""
    path = material("corpora", "event-dictionaries", "Phoenix.agents.txt")
    phoenix: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Z]+)_?\s*(?:\{[^}]*\})?\s*\[~([A-Z]{3})", line)
        if match:
            code = match.group(2)
            phoenix.setdefault(match.group(1).lower(), "REL" if code in _RELIGIONS else code)
    ours = {noun: agents.agent_of_phrase(noun) for noun in agents._AGENT_OF}
    shared = {noun for noun in ours if noun in phoenix and noun not in _OUR_OWN}
    assert len(shared) > 100
    differ = {noun: (ours[noun], phoenix[noun]) for noun in shared if ours[noun] != phoenix[noun]}
    assert differ == {}
