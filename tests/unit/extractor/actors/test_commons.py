"""Common-noun actors on real parses: "Police arrested", "Turkish police", "the government"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from services.extractor.actors.canonical import Actors, find_actors
from services.extractor.actors.mentions import read_candidates
from services.extractor.parse.candidates import sentence_of_tokens
from services.extractor.pipeline import Extractor
from services.extractor.places.gazetteer import Gazetteer
from shared.models import Entity
from tests.unit.conftest import SEED_PUBLISHED


@dataclass
class Read:
    doc: Doc
    actors: Actors

    @property
    def by_name(self) -> dict[str, Entity]:
        return {e.name: e for e in self.actors.entities}

    def token(self, word: str, nth: int = 0) -> int:
        """The index of the `nth` token that reads `word`."""
        return [t.i for t in self.doc if t.text == word][nth]

    def at(self, word: str, nth: int = 0) -> str | None:
        return self.actors.by_token.get(self.token(word, nth))

    def phrase_at(self, word: str, nth: int = 0) -> str | None:
        return self.actors.phrase_at(self.doc[self.token(word, nth)])


ReadActors = Callable[[str], Read]


@pytest.fixture
def read(nlp: Language, gazetteer: Gazetteer) -> ReadActors:
    def read_text(text: str) -> Read:
        doc = nlp(text)
        candidates = read_candidates(doc, gazetteer)
        found = find_actors(doc, candidates, gazetteer, sentence_of_tokens(doc))
        sentences = list(doc.sents)
        for entity in found.entities:
            for m in entity.mentions:
                assert text[m.start : m.end] == m.text
                sentence = sentences[m.sentence]
                assert sentence.start_char <= m.start < sentence.end_char
        return Read(doc, found)

    return read_text


def _actor(entity: Entity) -> tuple[str, str | None, str | None]:
    return entity.kind, entity.country_code, entity.agent


@pytest.mark.parametrize(
    ("text", "name", "actor", "head"),
    [
        ("Police arrested six people Monday.", "police", ("group", None, "COP"), "Police"),
        ("106 protesters were killed.", "protesters", ("group", None, "OPP"), "protesters"),
        ("Officers arrested Christopher D. Battin.", "officers", ("group", None, "COP"),
         "Officers"),
        ("Troops shelled the town.", "troops", ("group", None, "MIL"), "Troops"),
        ("Rebels attacked a convoy.", "rebels", ("group", None, "REB"), "Rebels"),
        ("Officials denied it.", "officials", ("group", None, "GOV"), "Officials"),
        ("The government rejected the demand.", "government", ("organization", None, "GOV"),
         "government"),
        ("A court sentenced him to ten years.", "court", ("organization", None, "JUD"), "court"),
        ("Voters rejected the proposal.", "voters", ("group", None, "CVL"), "Voters"),
        ("Indonesian students staged rallies.", "Indonesian students", ("group", "ID", "EDU"),
         "students"),
        ("U.S. troops withdrew.", "U.S. troops", ("group", "US", "MIL"), "troops"),
        ("Iraq condemned the Syrian government.", "Syrian government",
         ("organization", "SY", "GOV"), "government"),
        ("Russia's forces advanced on Kyiv.", "Russia's forces", ("group", "RU", "MIL"), "forces"),
        ("Moscow's forces advanced.", "Moscow's forces", ("group", "RU", "MIL"), "forces"),
        ("France received delegations from Ukraine.", "delegations from Ukraine",
         ("organization", "UA", "GOV"), "delegations"),
        ("On Monday, rights groups condemned it.", "rights groups", ("organization", None, "NGO"),
         "groups"),
        ("Aid groups reached Gaza.", "aid groups", ("organization", None, "NGO"), "groups"),
        # the heads of many states
        ("World leaders began the week in Davos with denunciations of Trump's conduct.",
         "world leaders", ("group", None, "GOV"), "leaders"),
        # a nationality the tagger took for a name
        ("Bangladeshi voters endorsed sweeping reforms on Monday.", "Bangladeshi voters",
         ("group", "BD", "CVL"), "voters"),
        # states named together, by what they have in common
        ("Western nations imposed sanctions on Russia.", "Western nations", ("group", None, "GOV"),
         "nations"),
        ("Israel and the Gulf Arab countries urged caution.", "Gulf Arab countries",
         ("group", None, "GOV"), "countries"),
    ],
)  # fmt: skip
def test_a_common_noun_actor_has_its_name_kind_country_and_agent(
    read: ReadActors, text: str, name: str, actor: tuple[str, str | None, str | None], head: str
) -> None:
    found = read(text)
    assert _actor(found.by_name[name]) == actor
    assert found.phrase_at(head) == name


def test_people_of_a_country_act_for_themselves_and_take_its_name(read: ReadActors) -> None:
    found = read("Indonesian students staged rallies. Cuban exiles in Miami vowed to fight.")
    assert found.at("students") == "Indonesian students"
    assert found.at("Indonesian") == "Indonesian students"
    assert found.at("exiles") == "Cuban exiles"
    # The nationality is the group's word, no mention of the state.
    assert "Indonesia" not in found.by_name
    assert "Cuba" not in found.by_name


def test_a_state_organ_of_a_named_country_acts_for_the_country_in_events(
    read: ReadActors,
) -> None:
    found = read("Turkish police detained 20 people in Istanbul.")
    assert _actor(found.by_name["Turkish police"]) == ("group", "TR", "COP")
    # `at` leaves the head to the modifier, as the event reader has always read "Russian
    # officials"; `phrase_at` names the organ.
    assert found.at("police") is None
    assert found.at("Turkish") == "Turkey"
    assert found.phrase_at("police") == "Turkish police"


def test_names_leave_out_determiners_numbers_and_other_adjectives(read: ReadActors) -> None:
    found = read("Six police officers and senior Russian officials met riot police.")
    officers = found.by_name["police officers"]
    assert [m.text for m in officers.mentions] == ["police officers"]
    assert _actor(officers) == ("group", None, "COP")
    officials = found.by_name["Russian officials"]
    assert [m.text for m in officials.mentions] == ["Russian officials"]
    assert "riot police" in found.by_name


def test_a_bare_noun_joins_the_one_specific_actor_of_its_head(read: ReadActors) -> None:
    found = read("Turkish police detained 20 people. Police said they were students.")
    police = found.by_name["Turkish police"]
    assert [m.text for m in police.mentions] == ["Turkish police", "Police"]
    assert "police" not in found.by_name
    # The bare mention has no country word of its own: `at` names the organ there.
    assert found.at("Police") == "Turkish police"


def test_a_bare_noun_stays_apart_when_several_specific_ones_exist(read: ReadActors) -> None:
    found = read("Turkish police and riot police clashed. Police said ten were hurt.")
    assert {"Turkish police", "riot police", "police"} <= set(found.by_name)


def test_a_bare_noun_before_the_specific_one_stays_apart(read: ReadActors) -> None:
    found = read("Lawyers for the family filed a brief. U.S. government lawyers objected.")
    assert [m.text for m in found.by_name["lawyers"].mentions] == ["Lawyers"]
    assert found.by_name["U.S. government lawyers"].country_code == "US"


def test_a_singular_and_a_plural_mention_are_one_group_named_in_the_plural(
    read: ReadActors,
) -> None:
    found = read("A Cuban exile spoke. Cuban exiles marched.")
    assert [m.text for m in found.by_name["Cuban exiles"].mentions] == [
        "Cuban exile",
        "Cuban exiles",
    ]


def test_the_object_of_a_number_noun_is_the_actor(read: ReadActors) -> None:
    found = read("Thousands of protesters marched on the capital.")
    assert found.at("Thousands") == "protesters"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # Phoenix's "people" is no sector: "six people", "people familiar with the matter".
        ("People familiar with the matter said the talks failed.", "people"),
        # A modifier of a place, not an actor.
        ("The police station was attacked.", "police"),
        # After a locative preposition: where, not who.
        ("He appeared in court on Monday.", "court"),
        # A spokesman of no sector the text names; someone the reader resolves.
        ("A spokesman said the president and his lawyer agreed.", "spokesman"),
        ("A spokesman said the president and his lawyer agreed.", "president"),
        ("A spokesman said the president and his lawyer agreed.", "lawyer"),
        # A definite institution the article named: the reader resolves "the company".
        ("Nashua Corp. said the company would sell a unit.", "company"),
        ("The Supreme Court ruled. The court said so.", "court"),
        # Not forces of arms.
        ("Market forces and internal forces prevailed.", "forces"),
        ("The use of force was condemned.", "force"),
        ("She has the authority to act.", "authority"),
    ],
)
def test_no_actor_where_the_noun_names_none(read: ReadActors, text: str, absent: str) -> None:
    found = read(text)
    assert not [e.name for e in found.actors.entities if e.name.split()[-1] == absent]


def test_a_government_spokesman_is_a_government_actor(read: ReadActors) -> None:
    found = read("A government spokesman said the talks failed.")
    assert _actor(found.by_name["government spokesman"]) == ("group", None, "GOV")


def test_a_named_actor_wins_over_a_common_noun(read: ReadActors) -> None:
    found = read(
        "Hamas militants fired rockets. The Kremlin said President Vladimir Putin met the "
        "Russian Defence Ministry."
    )
    assert found.at("militants") is None  # the reader gives Hamas, from the modifier
    assert not [e for e in found.actors.entities if "militants" in e.name]
    assert found.at("Ministry") == "Russian Defence Ministry"
    assert found.by_name["Russian Defence Ministry"].agent == "GOV"
    assert found.at("Putin") == "Vladimir Putin"


@pytest.mark.parametrize(
    ("text", "name", "agent"),
    [
        ("President Vladimir Putin spoke.", "Vladimir Putin", "GOV"),
        ("Russian Defence Minister Andrei Belousov spoke.", "Andrei Belousov", "GOV"),
        ("Gen. Valery Gerasimov spoke.", "Valery Gerasimov", "MIL"),
        ("Judge Ann Smith ruled.", "Ann Smith", "JUD"),
        ("Sen. Carl Levin objected.", "Carl Levin", "LEG"),
        ("Putin's envoy, Kirill Dmitriev, arrived.", "Kirill Dmitriev", "GOV"),
        ("Opposition leader Alexei Navalny was jailed.", "Alexei Navalny", "OPP"),
        ("The Supreme Court ruled.", "Supreme Court", "JUD"),
        ("The Ministry of Defence said so.", "Ministry of Defence", "GOV"),
        ("Nashua Corp. said so.", "Nashua Corp.", "BUS"),
        # No title: no sector from what we might know of him.
        ("Vladimir Putin spoke.", "Vladimir Putin", None),
    ],
)
def test_named_actors_take_the_agent_their_title_or_head_noun_says(
    read: ReadActors, text: str, name: str, agent: str | None
) -> None:
    assert read(text).by_name[name].agent == agent


def test_the_antecedent_is_the_last_fitting_actor_in_the_paragraph(read: ReadActors) -> None:
    found = read(
        "President Vladimir Putin met Turkish police in Moscow. The president said the "
        "police had agreed.\n\nThe president left."
    )
    actors = found.actors
    first, second = found.token("president", 0), found.token("president", 1)
    assert actors.antecedent(first, agents={"GOV"}, kinds={"person"}) == "Vladimir Putin"
    assert actors.antecedent(first, kinds={"group"}) == "Turkish police"
    assert actors.antecedent(first, agents={"MIL"}) is None
    # A new paragraph: nothing before it counts.
    assert actors.antecedent(second, agents={"GOV"}, kinds={"person"}) is None
    assert actors.paragraph_of[second] == 1


def test_events_of_common_noun_actors_have_sources(extractor: Extractor) -> None:
    enriched = extractor.extract_one(
        "Police arrested six people in Ankara on Monday. Rebels attacked a convoy on Sunday. "
        "Indonesian students staged rallies in Jakarta on Friday.",
        SEED_PUBLISHED,
    )
    sources = {event.trigger: event.sources for event in enriched.events}
    assert sources["arrest"] == ["police"]
    assert sources["attack"] == ["rebels"]
    names = {event.sources[0] for event in enriched.events if event.sources}
    assert "Indonesian students" in names
    for entity in enriched.entities:
        for m in entity.mentions:
            assert enriched.article.text[m.start : m.end] == m.text


def test_people_of_a_nationality_or_counted_are_civilians(read: ReadActors) -> None:
    """ "a Tanzanian man", "Afghan nationals", "an Iraqi", "224 people": people the text
    names by nationality or number are civilian actors, not the country's state; a bare
    "man" or "people" is no actor."""
    found = read("Police said a Tanzanian man was arrested and two Afghan nationals detained.")
    assert _actor(found.by_name["Tanzanian man"]) == ("group", "TZ", "CVL")
    assert _actor(found.by_name["Afghan nationals"]) == ("group", "AF", "CVL")
    assert "Tanzania" not in found.by_name
    expelled = read("Tanzania expelled five Iraqis and a Libyan.")
    assert expelled.by_name["Libyan"].country_code == "LY"
    assert "Libya" not in expelled.by_name
    counted = read("The bombs killed 224 people. A man said people were afraid.")
    assert _actor(counted.by_name["people"]) == ("group", None, "CVL")
    assert [m.start for m in counted.by_name["people"].mentions] == [21]


def test_supporters_of_a_named_person_are_a_side_not_the_person(read: ReadActors) -> None:
    found = read("Thousands of Abacha supporters began a two-day rally in Abuja.")
    assert _actor(found.by_name["Abacha supporters"]) == ("group", None, "CVL")


def test_leaders_of_a_nationality_or_region_are_heads_of_states(read: ReadActors) -> None:
    found = read(
        "Seven European leaders signed the statement. Arab leaders condemned Israel. Iranian"
        " leaders threatened Israel. World leaders met."
    ).by_name
    assert (found["European leaders"].agent, found["European leaders"].country_code) == (
        "GOV",
        None,
    )
    assert found["Arab leaders"].agent == "GOV"
    assert (found["Iranian leaders"].agent, found["Iranian leaders"].country_code) == ("GOV", "IR")
    # the heads of many states: a doer a judge asks for ("world leaders denounced Trump")
    assert (found["world leaders"].agent, found["world leaders"].country_code) == ("GOV", None)


def test_states_named_together_need_a_word_that_says_which(read: ReadActors) -> None:
    """ "countries that oppose his demand", "our two countries", "developing countries": no
    actor of their own (a pair is the two states named before it, `events`)."""
    for text, word in (
        ("He threatened countries that oppose him.", "countries"),
        ("Other nations agreed with him.", "nations"),
        ("They agreed with our two countries.", "countries"),
        ("Developing countries welcome China.", "countries"),
    ):
        assert read(text).phrase_at(word) is None


def test_kin_named_by_whose_they_are_are_actors(read: ReadActors) -> None:
    """ "Elian's father", "Lazaro Gonzalez's family", "the Miami relatives": kin (CVL) named
    by whose they are, or many; not "his father" or "a relative", whom the text leaves open."""
    found = read("In Havana, Elian's father joined President Fidel Castro on Thursday.")
    assert found.phrase_at("father") == "Elian's father"
    assert _actor(found.by_name["Elian's father"]) == ("group", None, "CVL")
    found = read("Reno ordered the Miami relatives to surrender the child.")
    assert found.phrase_at("relatives") == "Miami relatives"
    assert read("His father joined the rally.").phrase_at("father") is None
    assert read("A relative said they are just killing.").phrase_at("relative") is None
