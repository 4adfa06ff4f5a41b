"""Which dependents of an event noun name its participants, on real parses."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from services.extractor.events.nouns import (
    attacked_modifiers,
    denied,
    event_noun_kind,
    event_noun_type,
    governing_verb,
    hypothetical,
    is_event_noun,
    modifies_a_thing,
    participant_slots,
    partner_after,
    passive_carrier,
    phrase_tokens,
)
from services.extractor.events.plover import nominal_type
from services.extractor.parse.table import Tok, parse_table

Parse = Callable[[str], Doc]


def _noun(parse: Parse, text: str, word: str) -> Tok:
    table = parse_table(parse(text))
    return next(t for t in table if t.text == word)


def _texts(tokens: list[Tok]) -> list[str]:
    return [t.text for t in tokens]


def _slots(parse: Parse, text: str, word: str) -> tuple[list[str], list[str], list[str]]:
    noun = _noun(parse, text, word)
    kind = nominal_type(noun.lemma_)
    assert kind is not None
    slots = participant_slots(noun, kind)
    return _texts(slots.sources), _texts(slots.targets), _texts(slots.parties)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Talks between Russia and Ukraine resumed.", "Talks", ([], [], ["between"])),
        ("Witkoff's meeting with Dmitriev ended.", "meeting", (["Witkoff"], ["with"], [])),
        ("U.S. sanctions on Russia hurt.", "sanctions", (["U.S."], ["on"], [])),
        ("An attack on Kyiv by Russian forces began.", "attack", (["by"], ["on"], [])),
        ("The invasion of Ukraine began.", "invasion", ([], ["of"], [])),
        ("Withdrawal of Russian troops from Kherson began.", "Withdrawal", (["of"], ["from"], [])),
        ("Aid from Japan reached Kyiv.", "Aid", (["from"], [], [])),
        ("Protests against the government spread.", "Protests", ([], ["against"], [])),
        # Topic and venue of talks are no parties; "of" after a threat is its content.
        ("Talks on Ukraine at the White House ended.", "Talks", ([], [], [])),
        ("The threat of strikes grew.", "threat", ([], [], [])),
    ],
)  # fmt: skip
def test_participant_slots(
    parse: Parse, text: str, word: str, expected: tuple[list[str], list[str], list[str]]
) -> None:
    assert _slots(parse, text, word) == expected


def test_possessor_of_an_arrest_is_its_patient_unless_of_names_one(parse: Parse) -> None:
    assert _slots(parse, "Navalny's arrest angered Europe.", "arrest") == ([], ["Navalny"], [])
    own = _slots(parse, "Russia's arrest of Navalny angered Europe.", "arrest")
    assert own == (["Russia"], ["of"], [])


def test_by_hung_on_the_object_of_of_is_the_agent(parse: Parse) -> None:
    sources, targets, _ = _slots(
        parse, "The arrest of Imran Khan by Pakistani police angered many.", "arrest"
    )
    assert (sources, targets) == (["by"], ["of"])


def test_person_patients_and_ambiguous_countries_by_type(parse: Parse) -> None:
    probe = _noun(parse, "The FBI investigation ended.", "investigation")
    slots = participant_slots(probe, "INVESTIGATE")
    assert (slots.person_patients, slots.ambiguous_countries) == (True, True)
    talks = participant_slots(_noun(parse, "US talks ended.", "talks"), "CONSULT")
    assert (talks.person_patients, talks.ambiguous_countries) == (False, False)


def test_governing_verb_and_denial(parse: Parse) -> None:
    noun = _noun(parse, "Russia ruled out any meeting between the two leaders.", "meeting")
    verb = governing_verb(noun)
    assert verb is not None
    assert verb.lemma_ == "rule"
    assert denied(noun, verb, "CONSULT")
    assert hypothetical(noun, verb)  # "any"
    held = _noun(parse, "The meeting between the two leaders ended.", "meeting")
    assert not denied(held, governing_verb(held), "CONSULT")
    assert not hypothetical(held, governing_verb(held))
    assert denied(_noun(parse, "There were no talks.", "talks"), None, "CONSULT")
    assert governing_verb(_noun(parse, "Talks in Geneva", "Talks")) is None


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Iran refused to sign a deal with the United States.", "deal", True),
        ("Iran did not sign the deal.", "deal", True),
        ("The deal with Iran was not signed.", "deal", True),
        ("Iran did not want a deal.", "deal", True),
        ("Iran did not want to sign a deal.", "deal", True),  # negated up the control chain
        ("Iran refused to hold talks with the United States.", "talks", True),
        ("Russia wants to cancel the summit with Ukraine.", "summit", True),
        ("Iran signed the deal.", "deal", False),
        # Another verb's negation says nothing of the event.
        ("Russia did not condemn the attack on Kyiv.", "attack", False),
        ("Russia did not comment on the invasion of Ukraine.", "invasion", False),
        ("The assistance from the World Bank is not helping.", "assistance", False),
        ("The U.S. air raid on Sudan is not linked with the probe.", "raid", False),
        # A conjunct or a participle is no control chain.
        ("Russia rejected the plan and welcomed talks with Ukraine.", "talks", False),
        ("Russia rejected the plan, calling for talks with Ukraine.", "talks", False),
    ],
)
def test_denied_under_a_negated_or_refused_verb_that_would_bring_it_about(
    parse: Parse, text: str, word: str, expected: bool
) -> None:
    noun = _noun(parse, text, word)
    kind = nominal_type(noun.lemma_)
    assert kind is not None
    assert denied(noun, governing_verb(noun), kind) is expected


def test_sought_event_is_hypothetical(parse: Parse) -> None:
    noun = _noun(parse, "Ukraine called for talks with Russia.", "talks")
    assert hypothetical(noun, governing_verb(noun))
    assert hypothetical(_noun(parse, "A possible strike worries Iraq.", "strike"), None)


def test_event_noun_qualifying_a_thing(parse: Parse) -> None:
    helicopters = _noun(parse, "Russia bought attack helicopters.", "attack")
    assert is_event_noun(helicopters)
    assert modifies_a_thing(helicopters)
    murder = _noun(parse, "The murder investigation ended.", "murder")
    assert not modifies_a_thing(murder)  # it qualifies another event


def test_event_nouns_are_read_by_their_casefolded_lemma(parse: Parse) -> None:
    # As `plover.nominal_type` reads them: a lemmatizer that keeps the case changes nothing.
    assert is_event_noun(Tok(0, "Talks", 0, "talks", "NOUN", "NNS", "ROOT", "Talk"))
    assert not is_event_noun(Tok(0, "Talks", 0, "talks", "PROPN", "NNP", "ROOT", "Talk"))
    evacuation = _noun(parse, "The evacuation of Yellowknife began.", "evacuation")
    evacuation.lemma_ = "Evacuation"
    slots = participant_slots(evacuation, "RETREAT")
    assert (_texts(slots.sources), _texts(slots.targets)) == ([], ["of"])


def test_phrase_tokens_stop_at_clauses_and_other_event_nouns(parse: Parse) -> None:
    table = parse_table(parse("Sanctions over the 2022 invasion, which shocked Europe, rose."))
    sanctions = next(t for t in table if t.text == "Sanctions")
    invasion = next(t for t in table if t.text == "invasion")
    words = _texts(phrase_tokens(sanctions, frozenset({sanctions.i, invasion.i})))
    assert words == ["Sanctions", "over"]
    assert "Europe" not in _texts(phrase_tokens(invasion, frozenset({invasion.i})))


def test_partner_hung_on_the_verb(parse: Parse) -> None:
    text = (
        "The meeting follows US talks on Friday with Ukrainian and European officials, the latest "
        "discussions of a peace plan."
    )
    noun = _noun(parse, text, "talks")
    verb = governing_verb(noun)
    assert verb is not None
    partner = partner_after(noun, verb, "CONSULT")
    assert partner is not None
    assert partner.text == "with"
    assert partner_after(noun, verb, "ASSAULT") is None


def test_modifiers_naming_an_attacked_building(parse: Parse) -> None:
    embassy = _noun(parse, "Hamas claimed the Israeli embassy attack.", "attack")
    assert _texts(attacked_modifiers(embassy, "ASSAULT")) == ["Israeli", "embassy"]
    slots = participant_slots(embassy, "ASSAULT")
    assert (_texts(slots.sources), _texts(slots.attacked)) == ([], ["Israeli", "embassy"])
    named = _noun(parse, "The U.S. Embassy bombings killed 200 people.", "bombings")
    assert _texts(participant_slots(named, "ASSAULT").attacked) == ["Embassy"]
    assert _texts(participant_slots(named, "ASSAULT").sources) == []
    # Only for assaults, and only modifiers up to the building word.
    assert attacked_modifiers(embassy, "PROTEST") == []
    rockets = _noun(parse, "The Hamas rocket attack on the base killed two.", "attack")
    assert attacked_modifiers(rockets, "ASSAULT") == []
    assert _texts(participant_slots(rockets, "ASSAULT").sources) == ["Hamas", "rocket"]


def test_passive_light_verb_lends_its_prepositions(parse: Parse) -> None:
    talks = _noun(parse, "Talks were held between Russia and Ukraine in Geneva.", "Talks")
    carrier = passive_carrier(talks)
    assert carrier is not None
    assert carrier.lemma_ == "hold"
    assert _slots(parse, "Talks were held between Russia and Ukraine.", "Talks") == (
        [],
        [],
        ["between"],
    )
    assert _slots(parse, "Talks were held by Russia with Ukraine.", "Talks") == (
        ["by"],
        ["with"],
        [],
    )
    # Not a light verb, or not passive: the verb's phrases are its own.
    assert passive_carrier(_noun(parse, "Talks were criticised by Russia.", "Talks")) is None
    assert passive_carrier(_noun(parse, "Talks between them ended.", "Talks")) is None


@pytest.mark.parametrize(
    ("text", "word", "nominal", "after_light_verb"),
    [
        ("The air raid on Gaza ended.", "raid", "ASSAULT", "ASSAULT"),
        ("The air-raid on Gaza ended.", "raid", "ASSAULT", "ASSAULT"),
        ("The police raid on the camp ended.", "raid", "COERCE", "COERCE"),
        ("The raid on the camp ended.", "raid", "COERCE", "COERCE"),
        ("His hunger strike ended.", "strike", "PROTEST", "PROTEST"),
        ("The air strike on Gaza ended.", "strike", "ASSAULT", "ASSAULT"),
    ],
)
def test_a_compound_event_noun_is_typed_on_the_compound(
    parse: Parse, text: str, word: str, nominal: str, after_light_verb: str
) -> None:
    noun = _noun(parse, text, word)
    assert event_noun_type(noun) == nominal
    assert event_noun_kind(noun) == after_light_verb
