from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from services.extractor.actors.canonical import Actors, find_actors
from services.extractor.actors.mentions import read_candidates
from services.extractor.actors.names import organisation_short_names
from services.extractor.parse.candidates import sentence_of_tokens
from services.extractor.pipeline import Extractor
from services.extractor.places.gazetteer import Gazetteer
from shared.models import Entity
from tests.unit.conftest import SEED_PUBLISHED

ReadActors = Callable[[str], Actors]


@pytest.fixture
def actors_of(nlp: Language, gazetteer: Gazetteer) -> ReadActors:
    def read(text: str) -> Actors:
        doc = nlp(text)
        found = find_actors(
            doc, read_candidates(doc, gazetteer), gazetteer, sentence_of_tokens(doc)
        )
        for entity in found.entities:
            for m in entity.mentions:
                assert text[m.start : m.end] == m.text
                assert m.sentence < len(list(doc.sents))
        return found

    return read


def _by_name(actors: Actors) -> dict[str, Entity]:
    return {e.name: e for e in actors.entities}


def test_titles_surnames_and_typographic_possessives_merge(actors_of: ReadActors) -> None:
    found = actors_of(
        "President Vladimir Putin‘s envoy arrived. Putin said little. "
        "Later Putin’s aides spoke to Donald Trump. Trump’s team listened."
    )
    people = _by_name(found)
    assert {m.text for m in people["Vladimir Putin"].mentions} == {"Vladimir Putin", "Putin"}
    assert len(people["Vladimir Putin"].mentions) == 3
    assert people["Donald Trump"].kind == "person"
    assert len(people["Donald Trump"].mentions) == 2
    assert "Putin" not in people
    assert "Trump" not in people


def test_a_city_is_never_a_person(actors_of: ReadActors) -> None:
    # The model tags both "Kyiv" here PERSON (checked); the gazetteer overrules it.
    found = actors_of(
        "The meeting comes as talks between US, Ukrainian and European negotiators on Friday "
        "ended with all sides saying progress had been made on agreeing security guarantees "
        "for Kyiv.\n\nKyiv says it will not cede land that Moscow’s forces have failed to "
        "capture in nearly four years of war."
    )
    assert all(e.kind != "person" for e in found.entities)
    # A capital used as an actor stands for its country.
    by_name = _by_name(found)
    assert by_name["Ukraine"].country_code == "UA"
    assert [m.text for m in by_name["Ukraine"].mentions] == ["Ukrainian", "Kyiv", "Kyiv"]
    assert [m.text for m in by_name["Russia"].mentions] == ["Moscow"]


def test_capital_as_location_is_no_actor(actors_of: ReadActors) -> None:
    found = actors_of("Putin spoke at a press conference in Moscow.")
    assert "Russia" not in _by_name(found)


def test_demonyms_map_to_their_country(actors_of: ReadActors) -> None:
    found = actors_of("Russian officials met American and Ukrainian negotiators in Geneva.")
    codes = {e.name: (e.kind, e.country_code) for e in found.entities}
    assert codes["Russia"] == ("country", "RU")
    assert codes["United States"] == ("country", "US")
    assert codes["Ukraine"] == ("country", "UA")


def test_country_aliases_are_one_actor(actors_of: ReadActors) -> None:
    found = actors_of("US negotiators arrived. The United States said America would help.")
    us = _by_name(found)["United States"]
    assert {m.text for m in us.mentions} == {"US", "United States", "America"}


def test_supranational_demonym_is_a_group(actors_of: ReadActors) -> None:
    europe = _by_name(actors_of("European negotiators met on Friday."))["Europe"]
    assert (europe.kind, europe.country_code) == ("group", None)


def test_organisations_keep_their_mentions(actors_of: ReadActors) -> None:
    found = actors_of("NATO met in Brussels. Reuters reported that NATO agreed.")
    by_name = _by_name(found)
    assert by_name["NATO"].kind == "organization"
    assert len(by_name["NATO"].mentions) == 2
    assert by_name["Reuters"].kind == "organization"


def test_surname_tagged_as_organisation_is_voted_a_person(actors_of: ReadActors) -> None:
    # The small model tags "Witkoff" ORG here; the full name's PERSON vote wins.
    found = actors_of(
        "Russia will meet with diplomat Steve Witkoff. Previous meetings have taken place at "
        "Witkoff’s golf club in Miami."
    )
    witkoff = _by_name(found)["Steve Witkoff"]
    assert witkoff.kind == "person"
    assert [m.text for m in witkoff.mentions] == ["Steve Witkoff", "Witkoff"]


def test_role_noun_and_given_name_repair_an_organisation_tag(actors_of: ReadActors) -> None:
    found = actors_of(
        "Ukraine’s top negotiator Rustem Umerov said the teams held talks. "
        "“We agreed,” Umerov wrote."
    )
    umerov = _by_name(found)["Rustem Umerov"]
    assert umerov.kind == "person"
    assert [m.text for m in umerov.mentions] == ["Rustem Umerov", "Umerov"]


def test_token_index_covers_every_mention(actors_of: ReadActors) -> None:
    found = actors_of("Marco Rubio met Russian officials.")
    assert set(found.by_token.values()) == {"Marco Rubio", "Russia"}
    assert found.kinds["Marco Rubio"] == "person"


def test_a_title_without_a_name_is_not_a_person(actors_of: ReadActors) -> None:
    # The model tags "U.S. Surgeon" PERSON beside "David Satcher" (checked).
    found = actors_of(
        "NAIROBI, Kenya (AP) _  U.S. Surgeon General David Satcher on Wednesday led a team of "
        "medical specialists to Africa to help victims of terrorist attacks."
    )
    people = [e.name for e in found.entities if e.kind == "person"]
    assert people == ["David Satcher"]


def test_a_surname_tagged_norp_joins_its_person(actors_of: ReadActors) -> None:
    # The model tags the later "Slepian"s NORP (checked): they are still Barnett Slepian.
    found = actors_of(
        "Kopp has eluded authorities since they obtained a warrant for him in the sniper "
        "shooting of Dr. Barnett Slepian, a 52-year-old obstetrician-gynecologist. The official "
        "said the hair was in a cap that authorities found very near the location from which "
        "the sniper is thought to have fired the rifle bullet that killed Slepian as he stood "
        "in the kitchen of his home. Authorities obtained a material-witness arrest warrant for "
        "Kopp after they said Kopp's car was spotted in Amherst in the weeks before Slepian was "
        "killed."
    )
    people = _by_name(found)
    assert [e.name for e in found.entities if "Slepian" in e.name] == ["Barnett Slepian"]
    assert {m.text for m in people["Barnett Slepian"].mentions} == {"Barnett Slepian", "Slepian"}
    # No group but the authorities, a common-noun actor ("Slepian" tagged NORP is none).
    assert [e.name for e in found.entities if e.kind == "group"] == ["authorities"]


def test_armed_forces_named_by_country_stay_organisations(actors_of: ReadActors) -> None:
    found = actors_of("The U.S. Navy and the Russian Army held exercises near the coast.")
    organisations = {e.name for e in found.entities if e.kind == "organization"}
    assert "U.S. Navy" in organisations


def test_a_first_name_alone_joins_the_only_person_who_has_it(actors_of: ReadActors) -> None:
    found = actors_of(
        "The decision to return 6-year-old Elian Gonzalez to Cuba does not guarantee that the "
        "boy will go home soon. Elian has been staying with relatives in Miami. His father, "
        "Juan Miguel Gonzalez, wants Elian back."
    )
    people = _by_name(found)
    assert "Elian" not in people
    assert [m.text for m in people["Elian Gonzalez"].mentions] == [
        "Elian Gonzalez",
        "Elian",
        "Elian",
    ]


def test_a_first_name_shared_by_two_people_stays_apart(actors_of: ReadActors) -> None:
    found = actors_of("John Smith met John Brown in London. John said the talks went well.")
    people = _by_name(found)
    assert len(people["John Smith"].mentions) == 1
    assert len(people["John Brown"].mentions) == 1


def test_an_upper_case_dateline_city_is_a_place_not_a_group(extractor: Extractor) -> None:
    # The model tags "BUFFALO" NORP (checked).
    found = extractor.extract_one(
        "BUFFALO, N.Y. (AP) --  About 500 people attended a Sunday night memorial service for "
        "the Buffalo-area physician who performed abortions.",
        SEED_PUBLISHED,
    )
    assert all(e.name.casefold() != "buffalo" for e in found.entities)
    buffalo = [p for p in found.places if p.mentions[0].text == "BUFFALO"]
    assert [(p.name, p.kind, p.country_code) for p in buffalo] == [("Buffalo", "city", "US")]


def test_a_sentence_initial_verb_is_nobody(actors_of: ReadActors) -> None:
    # The model tags "Rescued" PERSON (checked).
    found = actors_of(
        "Rescued on Nov. 25 by fishermen off the Florida coast, Elian has become the subject of "
        "an international custody battle."
    )
    by_name = _by_name(found)
    assert "Rescued" not in by_name
    assert by_name["Elian"].kind == "person"


def test_an_acronym_before_a_title_is_the_employer(actors_of: ReadActors) -> None:
    found = actors_of(
        "They said they would appeal the decision, announced Wednesday by INS Commissioner "
        "Doris Meissner, that Elian must be returned to his father by Jan. 14."
    )
    by_name = _by_name(found)
    assert by_name["INS"].kind == "organization"
    assert by_name["Doris Meissner"].kind == "person"


def test_a_first_name_that_is_a_country_is_kept(actors_of: ReadActors) -> None:
    found = actors_of("Chad Smith met the mayor on Monday. Chad said the talks went well.")
    people = _by_name(found)
    assert [m.text for m in people["Chad Smith"].mentions] == ["Chad Smith", "Chad"]


def test_a_surname_tagged_norp_joins_the_name_used_alone(actors_of: ReadActors) -> None:
    # No full name in the text: the model tags "Slepian" NORP three times, PERSON once (checked).
    found = actors_of(
        "Slepian's lawyer, Glenn Edward Murray, said the sniper's bullet entered through a "
        "partially draped kitchen window, hit Slepian in the back and exited through his chest. "
        "Slepian's wife and one son tried to revive him. But one abortion opponent, the Rev. "
        "Donald Spitz, the founder of Pro-Life Virginia, described Slepian's killer as a "
        "``hero'' for ending the physician's ``bloodthirsty practice.''"
    )
    slepian = [e for e in found.entities if e.name.startswith("Slepian")]
    assert len(slepian) == 1
    assert slepian[0].kind == "person"


def test_a_company_is_one_actor_under_its_short_name(actors_of: ReadActors) -> None:
    found = actors_of(
        "Nashua Corp., rumored a potential takeover target for six months, said that a Dutch "
        "company has sought U.S. approval to buy up to 25% of Nashua's shares. Nashua said it "
        "had no plans to sell. Crossland Savings Bank's stock plummeted on Friday. Crossland "
        "said it would suspend its dividend."
    )
    by_name = _by_name(found)
    assert "Nashua" not in by_name
    assert "Crossland" not in by_name
    assert by_name["Nashua Corp."].kind == "organization"
    assert {m.text for m in by_name["Nashua Corp."].mentions} == {"Nashua Corp.", "Nashua"}
    assert {m.text for m in by_name["Crossland Savings Bank"].mentions} == {
        "Crossland Savings Bank",
        "Crossland",
    }


def test_a_short_name_the_model_left_untagged_is_the_company(actors_of: ReadActors) -> None:
    """ "Dominion sued Giuliani" after "Dominion Voting Systems": the model tags the full
    name and leaves the short one a common noun; it is the company all the same."""
    found = actors_of(
        "Rudy Giuliani claimed that Dominion Voting Systems manipulated its results. Dominion "
        "sued Giuliani for defamation."
    )
    by_name = _by_name(found)
    assert "Dominion" not in by_name
    assert {m.text for m in by_name["Dominion Voting Systems"].mentions} == {
        "Dominion Voting Systems",
        "Dominion",
    }


def test_a_place_or_a_generic_word_is_no_short_name(actors_of: ReadActors) -> None:
    found = actors_of(
        "The Federal Trade Commission and the Delaware Chancery Court reviewed the offer. "
        "Federal officials in Delaware declined to comment."
    )
    by_name = _by_name(found)
    assert len(by_name["Federal Trade Commission"].mentions) == 1
    assert len(by_name["Delaware Chancery Court"].mentions) == 1


@pytest.mark.parametrize(
    ("text", "person", "organisation"),
    [
        (
            "The Trump Organization said it would appeal. President Trump said the ruling was "
            "unfair. Trump also attacked the judge.",
            "Trump",
            "Trump Organization",
        ),
        (
            "The Clinton Foundation said it had done nothing wrong. Former President Clinton "
            "denied the report.",
            "Clinton",
            "Clinton Foundation",
        ),
    ],
)
def test_a_person_is_not_swallowed_by_an_organisation_named_after_them(
    actors_of: ReadActors, text: str, person: str, organisation: str
) -> None:
    by_name = _by_name(actors_of(text))
    assert by_name[organisation].kind == "organization"
    assert all(m.text != person for m in by_name[organisation].mentions)
    assert by_name[person].kind == "person"


def test_short_names_come_from_the_company_not_its_articles_or_founders() -> None:
    assert organisation_short_names("The Walt Disney Co.") == {"Walt"}
    assert organisation_short_names("Ford Motor Co.") == {"Ford"}
    assert organisation_short_names("J.P. Morgan Chase & Co.") == set()
    assert organisation_short_names("Bank of America Corp.") == set()
    assert organisation_short_names("Trump Organization") == set()
    assert organisation_short_names("Nashua Corp.") == {"Nashua"}
    assert organisation_short_names("Ratners Group PLC") == {"Ratners"}
    assert organisation_short_names("Allianz AG") == {"Allianz"}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        pytest.param(
            # The model tags "Warsaw Pact" PERSON here (checked).
            "The Netherlands early this week became the last country to ratify NATO expansion "
            "to include the three former Warsaw Pact nations.",
            "Warsaw Pact",
            "organization",
            id="an organisation's head noun outvotes a person label",
        ),
        pytest.param(
            "He was taken to Millard Fillmore Suburban Hospital, where he died an hour later.",
            "Millard Fillmore Suburban Hospital",
            "organization",
            id="a long name ending in an institution's word",
        ),
        pytest.param(
            "Tennis great Margaret Court criticized the players on Sunday.",
            "Margaret Court",
            "person",
            id="a given name and a surname that is an institution's word",
        ),
        pytest.param(
            "Philippine lawmaker Zaldy Co denied the charges on Monday.",
            "Zaldy Co",
            "person",
            id="a surname like a legal form but without its dot",
        ),
        pytest.param(
            "Actress Gabrielle M. Union said she would attend the gala.",
            "Gabrielle M. Union",
            "person",
            id="a middle initial and a title",
        ),
    ],
)
def test_the_kind_of_a_name(actors_of: ReadActors, text: str, name: str, kind: str) -> None:
    assert _by_name(actors_of(text))[name].kind == kind


def test_a_name_after_a_title_is_the_person_not_a_town(actors_of: ReadActors) -> None:
    # "Bush" alone is also Būsh, Egypt (136,000 people), large enough for the rule that makes
    # a one-word "person" a city; "President Bush" says whose name it is in this article.
    found = actors_of("President Bush met the king. Bush denounced the invasion today.")
    bush = _by_name(found)["Bush"]
    assert bush.kind == "person"
    assert [m.text for m in bush.mentions] == ["Bush", "Bush"]
    # Without the title the town still wins, as it does for "Kyiv".
    assert "Bush" not in _by_name(actors_of("Bush denounced the invasion today."))


def test_former_states_are_actors_coded_as_their_successor(actors_of: ReadActors) -> None:
    found = actors_of(
        "The Soviet Union objected, and Soviet officials protested to West German diplomats. "
        "West Germany said nothing."
    )
    by_name = _by_name(found)
    assert by_name["Soviet Union"].country_code == "RU"
    assert [m.text for m in by_name["Soviet Union"].mentions] == ["Soviet Union", "Soviet"]
    assert (by_name["West Germany"].kind, by_name["West Germany"].country_code) == (
        "country",
        "DE",
    )
    assert {m.text for m in by_name["West Germany"].mentions} == {"West German", "West Germany"}
    # Not merged into today's Russia and Germany: the article speaks of the former states.
    assert "Russia" not in by_name
    assert "Germany" not in by_name


def test_exiles_and_rebels_of_a_country_are_a_group_not_its_state(
    actors_of: ReadActors,
) -> None:
    found = actors_of("Cuban exiles in Miami vowed to fight. Cuban officials condemned them.")
    by_name = _by_name(found)
    assert (by_name["Cuban exiles"].kind, by_name["Cuban exiles"].country_code) == ("group", "CU")
    # "Cuban officials" still speak for Cuba.
    assert [m.text for m in by_name["Cuba"].mentions] == ["Cuban"]


def test_a_king_known_by_one_name_is_not_a_namesake_by_surname(actors_of: ReadActors) -> None:
    found = actors_of(
        "Iraqi President Saddam Hussein sent a message. King Hussein of Jordan met the envoy "
        "on Thursday. Hussein said the talks went well. Later, Saddam Hussein denounced the "
        "talks. Hussein also threatened Kuwait."
    )
    by_name = _by_name(found)
    assert [m.text for m in by_name["King Hussein"].mentions] == ["Hussein", "Hussein"]
    # Each bare "Hussein" is the one last called so: the king, then Saddam Hussein again.
    assert [m.text for m in by_name["Saddam Hussein"].mentions] == [
        "Saddam Hussein",
        "Saddam Hussein",
        "Hussein",
    ]


def test_a_shared_surname_is_the_person_last_called_by_it(actors_of: ReadActors) -> None:
    # The boy is called "Elian"; "Gonzalez" alone is the father, even after the boy's full
    # name comes again.
    found = actors_of(
        "Elian Gonzalez, 6, was rescued at sea. Elian now lives in Miami. His father, Juan "
        "Miguel Gonzalez, wants him back. A judge heard the case of Elian Gonzalez on Monday. "
        "Gonzalez said he would fly to Miami."
    )
    father = _by_name(found)["Juan Miguel Gonzalez"]
    assert "Gonzalez" in [m.text for m in father.mentions]


def test_a_stance_is_no_actor_unless_it_names_people(actors_of: ReadActors) -> None:
    found = _by_name(actors_of("He leads anti-Orange protests. Anti-Saudi protesters marched."))
    assert "anti-Orange" not in found
    # The people with the stance are the group, protesters by their noun (no country: the
    # stance is against Saudi Arabia).
    protesters = found["Anti-Saudi protesters"]
    assert (protesters.kind, protesters.agent, protesters.country_code) == ("group", "OPP", None)


def test_review_cases_of_former_states_monarchs_and_groups(actors_of: ReadActors) -> None:
    found = _by_name(
        actors_of(
            "The USSR and the U.S.S.R. and the Soviet Union are one state. Soviet dissidents "
            "criticized Moscow. A Cuban exile spoke. Cuban exiles marched."
        )
    )
    assert {m.text for m in found["Soviet Union"].mentions} == {"USSR", "U.S.S.R.", "Soviet Union"}
    assert found["Soviet dissidents"].country_code == "RU"
    assert len(found["Cuban exiles"].mentions) == 2
    # "Saddam" is his given name, yet the bare "Hussein" right after him is still him: the king
    # is no namesake of the kind a child and his father are.
    saddam = _by_name(
        actors_of(
            "Saddam Hussein met King Hussein. Later Saddam Hussein warned the West. Saddam was "
            "defiant. Hussein said the talks failed."
        )
    )["Saddam Hussein"]
    assert "Hussein" in [m.text for m in saddam.mentions]


def test_full_names_the_model_leaves_untagged_are_people(actors_of: ReadActors) -> None:
    # The model tags neither "Sanae Takaichi" nor "Takaichi" (checked): the last word used
    # again alone makes the pair a name; titles, places, months and acts make none.
    found = _by_name(
        actors_of(
            "Sanae Takaichi won the election. Trump congratulated Takaichi on Sunday. The"
            " Online Safety Act took effect after the Cold War ended."
        )
    )
    assert found["Sanae Takaichi"].kind == "person"
    assert {m.text for m in found["Sanae Takaichi"].mentions} == {"Sanae Takaichi", "Takaichi"}
    assert not any(name in found for name in ("Online Safety Act", "Cold War"))


def test_a_generational_suffix_is_part_of_the_name(actors_of: ReadActors) -> None:
    text = (
        "Frank Sinatra, Jr., the son of a singer, was kidnapped. Two men tied up Sinatra, Jr.’s"
        " friend. Getty III, the grandson of John Paul Getty, was abducted. John Paul Getty III"
        " was freed. Robert F. Kennedy Jr. spoke. Kennedy Jr. left."
    )
    names = _by_name(actors_of(text))
    assert len(names["Frank Sinatra Jr."].mentions) == 2
    assert len(names["John Paul Getty III"].mentions) == 2
    assert len(names["John Paul Getty"].mentions) == 1  # the grandfather stays apart
    assert len(names["Robert F. Kennedy Jr."].mentions) == 2
    assert not {"Jr.", "Sinatra, Jr.", "Getty III", "Kennedy Jr."} & set(names)


def test_a_given_name_alone_refers_back_only(actors_of: ReadActors) -> None:
    text = (
        "Savannah Guthrie’s mother, Nancy, was kidnapped. In 1991 Jaycee Dugard was abducted by a"
        " couple, Phillip and Nancy Garrido. Phillip, a convicted sex offender, and Nancy held"
        " her."
    )
    names = _by_name(actors_of(text))
    assert [m.text for m in names["Nancy Garrido"].mentions] == ["Nancy Garrido", "Nancy"]
    assert [m.text for m in names["Phillip Garrido"].mentions] == ["Phillip", "Phillip"]
    assert "Nancy" in names  # the mother, named before any Nancy Garrido


def test_an_acronym_and_a_seat_name_the_body(actors_of: ReadActors) -> None:
    text = (
        "Modi attended the Shanghai Cooperation Organization (SCO) summit. The SCO condemned the"
        " strike. The European Union warned Russia. The EU imposed sanctions. Brussels drew up"
        " a list of tariffs. He flew to Brussels."
    )
    names = _by_name(actors_of(text))
    assert len(names["Shanghai Cooperation Organization"].mentions) == 2
    assert [m.text for m in names["European Union"].mentions] == [
        "European Union",
        "EU",
        "Brussels",  # acting; the second Brussels is where he flew
    ]
    assert not {"SCO", "EU", "Belgium", "the Shanghai Cooperation Organization (SCO"} & set(names)


def test_a_quoted_bodys_name_loses_its_possessor_and_opening_quote(actors_of: ReadActors) -> None:
    text = "The EU and Rome will attend Trump’s ‘Board of Peace’ meeting on Thursday."
    names = _by_name(actors_of(text))
    assert "Board of Peace" in names
    assert not [name for name in names if "‘" in name]


def test_a_ship_is_no_actor(actors_of: ReadActors) -> None:
    text = (
        "The deployment of the U.S.S. Abraham Lincoln carrier strike group to the Middle East"
        " signals Washington’s seriousness."
    )
    assert [e.kind for e in actors_of(text).entities if e.kind == "person"] == []


def test_org_tags_on_a_persons_surname_alone_do_not_make_an_organisation(
    actors_of: ReadActors,
) -> None:
    text = (
        "Sanae Takaichi made history by becoming Japan's first female prime minister. Takaichi"
        " called a snap election. Takaichi's party leads. Takaichi said the vote matters."
        " Takaichi's rivals objected, and Takaichi replied."
    )
    takaichi = _by_name(actors_of(text))["Sanae Takaichi"]
    assert takaichi.kind == "person"


def test_a_countrys_own_name_the_model_missed_is_the_country(actors_of: ReadActors) -> None:
    text = "Officials met on Monday. Denmark sent more troops to Greenland this week."
    assert _by_name(actors_of(text))["Denmark"].kind == "country"


def test_name_particles_belong_to_the_surname(actors_of: ReadActors) -> None:
    text = (
        "European Commission President Ursula von der Leyen warned on Tuesday. Von der Leyen"
        " spoke. Crown Prince Mohammed bin Salman met Trump. Salman left."
    )
    names = _by_name(actors_of(text))
    assert [m.text for m in names["Ursula von der Leyen"].mentions] == [
        "Ursula von der Leyen",
        "Von der Leyen",
    ]
    assert len(names["Mohammed bin Salman"].mentions) == 2
    assert not {"Leyen", "Ursula von", "Von der Leyen"} & set(names)


def test_a_one_word_name_a_role_gives_is_the_person_again(actors_of: ReadActors) -> None:
    """ "his father, Sajid, ... Sajid was shot": the model tags the word once (here as an
    organisation); the apposition to a kinship or role word makes it a person's name, and
    its untagged repetitions are that person."""
    text = (
        "Akram and his father, Sajid, allegedly attacked a Hanukkah celebration in December. "
        "Sajid was shot and killed by police during the attack."
    )
    sajid = _by_name(actors_of(text))["Sajid"]
    assert sajid.kind == "person"
    assert [m.start for m in sajid.mentions] == [text.index("Sajid"), text.rindex("Sajid")]


def test_an_offices_field_after_of_is_no_part_of_the_name(actors_of: ReadActors) -> None:
    """ "Secretary of Transportation Sean Duffy": the model takes the field into the name (and
    calls it a body); the name starts at the given name. "Secretary of Homeland Security" with
    no given name in it stays the department's."""
    found = _by_name(
        actors_of(
            "Secretary of Transportation Sean Duffy threatened to sideline the company. "
            "Secretary of Homeland Security Kristi Noem criticized the judge."
        )
    )
    assert found["Sean Duffy"].kind == "person"
    assert "Transportation Sean Duffy" not in found
    assert found["Kristi Noem"].kind == "person"


def test_the_field_before_an_office_title_is_no_person(actors_of: ReadActors) -> None:
    """ "Treasury Secretary Scott Bessent": the word before the title is the office's field,
    not a person the title names; "Putin spokesman Dmitry Peskov" is Putin's aide, and Putin a
    person."""
    found = _by_name(
        actors_of(
            "Treasury Secretary Scott Bessent urged calm on Tuesday. Putin spokesman Dmitry "
            "Peskov said on Monday that talks failed."
        )
    )
    assert found["Scott Bessent"].kind == "person"
    assert "Treasury" not in found or found["Treasury"].kind != "person"
    assert found["Putin"].kind == "person"


def test_workers_of_a_trade_are_workers(actors_of: ReadActors) -> None:
    """ "tech workers", "auto workers": the trade says which workers, and they are workers
    (LAB) still; "fund officials" are no state's."""
    found = _by_name(
        actors_of(
            "Many tech workers protested on Monday. Auto workers went on strike. Fund officials "
            "declined to comment."
        )
    )
    assert (found["tech workers"].kind, found["tech workers"].agent) == ("group", "LAB")
    assert found["auto workers"].agent == "LAB"
    assert "fund officials" not in found or found["fund officials"].agent != "GOV"


def test_a_hyphenated_word_with_a_preposition_is_no_sector(actors_of: ReadActors) -> None:
    """ "out-of-state construction workers": "state" ends the word but says no sector, and the
    name keeps no piece of it."""
    found = _by_name(actors_of("Thousands of out-of-state construction workers flooded the area."))
    assert found["construction workers"].agent == "LAB"
    assert not [name for name in found if name.startswith("-")]


def test_others_counted_are_people(actors_of: ReadActors) -> None:
    """ "five others were killed": people counted, civilians as "five people" are; "others"
    uncounted names no one."""
    found = _by_name(actors_of("Five people were killed and five others were wounded."))
    assert (found["others"].kind, found["others"].agent) == ("group", "CVL")
    assert "others" not in _by_name(actors_of("Among others, the minister spoke."))
