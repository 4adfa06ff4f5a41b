from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.language import Language

from services.extractor.actors.canonical import find_actors
from services.extractor.actors.mentions import read_candidates
from services.extractor.events.reader import Clause, find_events, publication_date, read_clauses
from services.extractor.parse.candidates import sentence_of_tokens
from services.extractor.parse.table import parse_table
from services.extractor.pipeline import Extractor
from services.extractor.places.gazetteer import Gazetteer
from services.extractor.places.geocode import geocode
from shared.models import Event, TimeExpression

ARTICLE = "0123456789abcdef0123456789abcdef"
PUBLISHED = dt.datetime(2025, 12, 20, 9, 30, tzinfo=dt.UTC)

Read = Callable[..., list[Event]]
ReadClauses = Callable[..., list[Clause]]


def _friday(text: str) -> list[TimeExpression]:
    """A stand-in for `dates.find_times`: every "Friday" is 2025-12-19."""
    start = text.find("Friday")
    if start < 0:
        return []
    day = dt.date(2025, 12, 19)
    return [
        TimeExpression(
            text="Friday",
            start=start,
            end=start + 6,
            sentence=0,
            type="DATE",
            value=day.isoformat(),
            start_date=day,
            end_date=day,
            anchored=True,
        )
    ]


def _soon(text: str) -> list[TimeExpression]:
    """A stand-in for `dates.find_times` on "soon": a reference to the future, no interval."""
    start = text.find("soon")
    if start < 0:
        return []
    return [
        TimeExpression(
            text="soon",
            start=start,
            end=start + 4,
            sentence=0,
            type="DATE",
            value="FUTURE_REF",
            anchored=True,
        )
    ]


@pytest.fixture
def read(nlp: Language, gazetteer: Gazetteer) -> Read:
    def events_of(text: str, times: Callable[[str], list[TimeExpression]] = _friday) -> list[Event]:
        doc = nlp(text)
        candidates = read_candidates(doc, gazetteer)
        actors = find_actors(doc, candidates, gazetteer, sentence_of_tokens(doc))
        clauses = read_clauses(
            doc,
            article_id=ARTICLE,
            actors=actors,
            places=geocode(candidates, gazetteer),
            times=times(text),
            published_at=PUBLISHED,
        )
        found = find_events(clauses, article_id=ARTICLE)
        for number, event in enumerate(found):
            assert event.id == f"{ARTICLE}-{number}"
            assert text[event.start : event.end] == event.sentence
            assert (
                text[event.trigger_span.start : event.trigger_span.end] == event.trigger_span.text
            )
            assert 0 <= event.confidence <= 1
        return found

    return events_of


@pytest.fixture
def clauses(nlp: Language, gazetteer: Gazetteer) -> ReadClauses:
    """Every reading, before the contract's filter: how the arguments of a clause that is no
    event (untyped, negated, hypothetical) are read."""

    def clauses_of(
        text: str, times: Callable[[str], list[TimeExpression]] = _friday
    ) -> list[Clause]:
        doc = nlp(text)
        candidates = read_candidates(doc, gazetteer)
        actors = find_actors(doc, candidates, gazetteer, sentence_of_tokens(doc))
        return read_clauses(
            doc,
            article_id=ARTICLE,
            actors=actors,
            places=geocode(candidates, gazetteer),
            times=times(text),
            published_at=PUBLISHED,
        )

    return clauses_of


def _clause(found: list[Clause], trigger: str) -> Clause:
    matching = [c for c in found if c.trigger == trigger]
    assert len(matching) == 1, [(c.trigger, c.sources, c.targets) for c in found]
    return matching[0]


def _value(event: Event | Clause) -> str | None:
    return event.date.value if event.date is not None else None


def _one(events: list[Event], trigger: str) -> Event:
    matching = [e for e in events if e.trigger == trigger]
    assert len(matching) == 1, [(e.trigger, e.sources, e.targets) for e in events]
    return matching[0]


def test_who_did_what_to_whom_where_and_when(read: Read) -> None:
    meet = _one(read("Russian officials met US negotiators in Geneva on Friday."), "meet")
    # The officials and the negotiators, each with their country (RU GOV, US GOV).
    assert (meet.sources, meet.targets, meet.places) == (
        ["Russian officials"],
        ["US negotiators"],
        ["Geneva"],
    )
    assert (meet.type, meet.quad) == ("CONSULT", "verbal_cooperation")
    assert (_value(meet), meet.date_source) == ("2025-12-19", "explicit")
    assert meet.confidence == pytest.approx(1.0)


def test_publication_date_stands_in(read: Read) -> None:
    condemn = _one(read("China condemned the United States."), "condemn")
    assert condemn.type == "DISAPPROVE"
    assert condemn.date_source == "publication"
    assert condemn.date == publication_date(PUBLISHED)
    assert (condemn.date.start, condemn.date.sentence, condemn.date.anchored) == (None, None, False)
    assert _value(condemn) == condemn.date.text == "2025-12-20"
    assert condemn.confidence < 1


def test_a_date_without_an_interval_is_no_event_date(read: Read) -> None:
    # "soon" (FUTURE_REF) names no calendar interval: an index filtering events by date range
    # could not place the event, and a future one takes no publication date: no date.
    meet = _one(read("Russia will soon meet Ukraine in Geneva.", times=_soon), "meet")
    assert (meet.date, meet.date_source) == (None, "unknown")
    dated = _one(read("Russia will meet Ukraine in Geneva on Friday."), "meet")
    assert (_value(dated), dated.date_source) == ("2025-12-19", "explicit")
    assert meet.confidence < dated.confidence  # no bonus for an explicit date


def test_control_chain_passes_subject_place_and_date(read: Read, clauses: ReadClauses) -> None:
    text = "Russian officials are set to arrive in Florida on Friday to meet with US negotiators."
    meet = _clause(clauses(text), "meet")
    assert (meet.sources, meet.targets, meet.places) == (
        ["Russian officials"],
        ["US negotiators"],
        ["Florida"],
    )
    assert _value(meet) == "2025-12-19"
    # The purpose of a scheduled trip is scheduled with it (a purpose alone is no event).
    assert meet.not_event is None
    assert "set" not in {c.trigger for c in clauses(text)}
    scheduled = _one(read("US negotiators are set to meet Russian officials on Friday."), "meet")
    assert (scheduled.type, scheduled.sources, scheduled.targets) == (
        "CONSULT",
        ["US negotiators"],
        ["Russian officials"],
    )
    assert _value(scheduled) == "2025-12-19"


def test_reported_speech_reads_the_content_clause(read: Read) -> None:
    events = read("Secretary of State Marco Rubio said that Russia attacked Ukraine.")
    assert [e.trigger for e in events] == ["attack"]
    assert (events[0].sources, events[0].targets, events[0].type) == (
        ["Russia"],
        ["Ukraine"],
        "ASSAULT",
    )


def test_pronoun_in_content_clause_is_the_speaker(read: Read) -> None:
    events = read(
        "Ukraine’s top negotiator Rustem Umerov spoke. “We agreed with our American partners "
        "on further steps,” Umerov wrote, adding that he had informed President Volodymyr "
        "Zelensky."
    )
    agree = _one(events, "agree")
    inform = _one(events, "inform")
    # "We" is the speaker's side: the article makes Umerov Ukraine's negotiator. "he" is Umerov.
    assert (agree.sources, agree.targets, agree.type) == (
        ["Ukraine"],
        ["United States"],
        "AGREE",
    )
    assert (inform.sources, inform.targets) == (["Rustem Umerov"], ["Volodymyr Zelensky"])


def test_passive_swaps_source_and_target(read: Read) -> None:
    criticise = _one(read("Israel was criticised by France."), "criticise")
    assert (criticise.sources, criticise.targets) == (["France"], ["Israel"])


def test_typed_verb_absorbs_its_infinitive(read: Read) -> None:
    events = read("Iran threatened to strike Israel.")
    assert [e.trigger for e in events] == ["threaten"]
    assert (events[0].type, events[0].targets) == ("THREATEN", ["Israel"])


def test_negation_is_no_event(read: Read, clauses: ReadClauses) -> None:
    assert read("Turkey did not support Sweden.") == []
    support = _clause(clauses("Turkey did not support Sweden."), "support")
    assert (support.kind, support.not_event) == ("SUPPORT", "not asserted")
    assert support.confidence < _one(read("Turkey supported Sweden."), "support").confidence


def test_light_verb_takes_the_type_of_its_noun(read: Read) -> None:
    impose = _one(read("The United States imposed sanctions on Iran."), "impose")
    assert (impose.type, impose.sources, impose.targets) == (
        "SANCTION",
        ["United States"],
        ["Iran"],
    )


def test_relative_clause_and_apposition(read: Read) -> None:
    events = read(
        "President Vladimir Putin‘s envoy, Kirill Dmitriev, is leading the Russian delegation "
        "that will meet with diplomat Steve Witkoff and Trump’s son-in-law, Jared Kushner."
    )
    meet = _one(events, "meet")
    assert meet.sources == ["Russian delegation"]
    assert meet.targets == ["Steve Witkoff", "Jared Kushner"]
    assert "lead" not in {e.trigger for e in events}  # untyped: read, but no event


def test_apposition_names_the_subject(clauses: ReadClauses) -> None:
    found = clauses(
        "President Vladimir Putin‘s envoy, Kirill Dmitriev, is leading the Russian delegation "
        "that will meet with diplomat Steve Witkoff and Trump’s son-in-law, Jared Kushner."
    )
    lead = _clause(found, "lead")
    assert (lead.sources, lead.not_event) == (["Kirill Dmitriev"], "untyped")


def test_conjoined_subjects_and_untyped_verbs(read: Read, clauses: ReadClauses) -> None:
    text = "France and Germany received delegations from Ukraine."
    receive = _clause(clauses(text), "receive")
    assert (receive.sources, receive.targets) == (
        ["France", "Germany"],
        ["delegations from Ukraine"],
    )
    assert (receive.kind, receive.not_event) == (None, "untyped")
    assert "receive" not in {e.trigger for e in read(text)}


def test_clause_without_actors_is_no_event(read: Read) -> None:
    assert read("Progress has been made in discussions to end the war.") == []


def test_event_ids_follow_text_order(read: Read) -> None:
    events = read("Emmanuel Macron met Olaf Scholz in Berlin. Macron later praised Scholz.")
    assert [(e.trigger, e.sentence_index) for e in events] == [("meet", 0), ("praise", 1)]
    assert events[1].sources == ["Emmanuel Macron"]
    assert events[1].targets == ["Olaf Scholz"]
    assert events[1].sentence == "Macron later praised Scholz."


# --- events named by a noun -------------------------------------------------------------------


def test_talks_between_two_sides_are_both_sources(read: Read) -> None:
    talks = _one(read("Talks between Russia and Ukraine resumed on Friday."), "talk")
    assert (talks.type, talks.quad) == ("CONSULT", "verbal_cooperation")
    assert (talks.sources, talks.targets) == (["Russia", "Ukraine"], [])
    assert (_value(talks), talks.date_source) == ("2025-12-19", "explicit")
    assert talks.trigger_span.text == "Talks"


def test_possessor_is_source_and_with_is_target(read: Read) -> None:
    meeting = _one(
        read("Steve Witkoff's meeting with Kirill Dmitriev in Miami was productive."), "meeting"
    )
    assert (meeting.type, meeting.sources, meeting.targets) == (
        "CONSULT",
        ["Steve Witkoff"],
        ["Kirill Dmitriev"],
    )
    assert meeting.places == ["Miami"]  # in the noun's own phrase, though the noun is a subject
    assert meeting.date_source == "publication"


def test_hyphenated_compound_names_both_sides_in_text_order(read: Read) -> None:
    talks = _one(read("The Russia-Ukraine negotiations stalled."), "negotiation")
    assert (talks.type, talks.sources, talks.targets) == ("CONSULT", ["Russia", "Ukraine"], [])


def test_compound_source_and_on_target(read: Read) -> None:
    sanctions = _one(read("U.S. sanctions on Russia hurt the economy."), "sanction")
    assert (sanctions.type, sanctions.sources, sanctions.targets) == (
        "SANCTION",
        ["United States"],
        ["Russia"],
    )


def test_compound_country_alone_is_ambiguous_for_material_acts(read: Read) -> None:
    # "the Iran sanctions" are sanctions on Iran, "the Kuwait invasion" an invasion of Kuwait.
    assert "sanction" not in {e.trigger for e in read("The Iran sanctions were lifted.")}
    assert "invasion" not in {e.trigger for e in read("Prices rose after the Kuwait invasion.")}


def test_attack_on_target_by_source(read: Read) -> None:
    # One attack, told by the verb whose subject it is, with its victims.
    attack = _one(read("An attack on Kyiv by Russian forces killed three people."), "kill")
    assert (attack.type, attack.sources, attack.targets) == (
        "ASSAULT",
        ["Russian forces"],
        ["people", "Ukraine"],
    )


def test_protest_against_target(read: Read) -> None:
    protests = _one(
        read("Protests against the Serbian government spread across Belgrade."), "protest"
    )
    assert (protests.type, protests.sources, protests.targets) == (
        "PROTEST",
        [],
        ["Serbian government"],
    )
    assert protests.places == ["Belgrade"]


def test_possessor_of_an_arrest_is_its_patient(read: Read) -> None:
    arrest = _one(read("Imran Khan's arrest angered Pakistan."), "arrest")
    assert (arrest.type, arrest.sources, arrest.targets) == ("COERCE", [], ["Khan"])
    by_police = _one(
        read("The arrest of Imran Khan by Pakistani police angered his supporters."), "arrest"
    )
    assert (by_police.sources, by_police.targets) == (["Pakistani police"], ["Imran Khan"])


def test_visit_to_a_capital(read: Read) -> None:
    visit = _one(read("Volodymyr Zelensky's visit to Washington ended."), "visit")
    assert (visit.type, visit.sources, visit.targets) == (
        "CONSULT",
        ["Volodymyr Zelensky"],
        ["United States"],
    )


def test_light_verb_event_is_not_counted_twice(read: Read) -> None:
    events = read("The United States held talks with Russia.")
    assert [(e.trigger, e.type, e.sources, e.targets) for e in events] == [
        ("hold", "CONSULT", ["United States"], ["Russia"])
    ]


def test_verb_of_the_same_type_takes_the_nouns_participants(read: Read) -> None:
    events = read("Iran agreed to a deal with the United States.")
    assert [(e.trigger, e.type, e.sources, e.targets) for e in events] == [
        ("agree", "AGREE", ["Iran"], ["United States"])
    ]


def test_verb_of_another_type_keeps_the_noun_event(read: Read) -> None:
    events = read("Russia condemned the U.S. sanctions on Iran.")
    assert (_one(events, "condemn").type, _one(events, "condemn").sources) == (
        "DISAPPROVE",
        ["Russia"],
    )
    sanctions = _one(events, "sanction")
    assert (sanctions.sources, sanctions.targets) == (["United States"], ["Iran"])
    assert [e.trigger for e in events] == ["condemn", "sanction"]  # text order


def _acts(events: list[Event]) -> list[tuple[str, str | None, list[str], list[str]]]:
    return [(e.trigger, e.type, e.sources, e.targets) for e in events]


def test_negated_verb_of_the_nouns_type_is_one_reading(read: Read, clauses: ReadClauses) -> None:
    # One act, not done: the verb's reading takes the noun's target; no AGREE "deal" of its own,
    # and, negated, no event at all.
    for text, trigger in (
        ("Iran did not agree to a deal with the United States.", "agree"),
        ("Iran did not sign the deal with the United States.", "sign"),
    ):
        found = clauses(text)
        assert [c.trigger for c in found] == [trigger]
        assert (found[0].sources, found[0].targets) == (["Iran"], ["United States"])
        assert found[0].not_event == "not asserted"
        assert read(text) == []


def test_event_noun_under_a_refusal_or_negation_is_no_event(
    read: Read, clauses: ReadClauses
) -> None:
    refused = read("Iran refused to sign a deal with the United States.")
    # The other party of the refused deal is the refusal's target.
    assert _acts(refused) == [("refuse", "REJECT", ["Iran"], ["United States"])]
    unwanted = read("Iran did not want a deal with the United States.")
    assert "deal" not in {e.trigger for e in unwanted}
    unsigned = read("The deal with Iran was not signed.")
    assert "deal" not in {e.trigger for e in unsigned}
    # Only the verbs that control the noun's clause deny it: not a conjunct or a participle.
    welcomed = "Russia rejected the plan and welcomed talks with Ukraine."
    assert ("talk", "CONSULT", [], ["Ukraine"]) in _acts(read(welcomed))
    # Talks called for are asked, not held: read, but no event.
    called = "Russia rejected the plan, calling for talks with Ukraine."
    talk = _clause(clauses(called), "talk")
    assert (talk.kind, talk.targets, talk.not_event) == ("CONSULT", ["Ukraine"], "not asserted")


def test_another_verbs_negation_keeps_the_noun_event(read: Read) -> None:
    # The attack, the raid and the assistance took place: the negated verb says something else.
    attack = _one(read("Russia did not condemn the attack on Kyiv."), "attack")
    assert (attack.type, attack.targets) == ("ASSAULT", ["Ukraine"])
    raid = _one(
        read("The U.S. air raid on Afghanistan and Sudan is not linked with the probe."), "raid"
    )
    assert (raid.sources, raid.targets) == (["United States"], ["Afghanistan", "Sudan"])
    assistance = _one(
        read(
            "The financial assistance from the World Bank and the International Monetary Fund "
            "is not helping."
        ),
        "assistance",
    )
    assert assistance.sources == ["World Bank", "International Monetary Fund"]


def test_event_nouns_are_found_by_their_casefolded_lemma(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    # A lemmatizer that keeps the case ("Talk") still gives the noun's event.
    text = "Talks between Russia and Ukraine resumed on Friday."
    doc = nlp(text)
    tokens = parse_table(doc)
    tokens[0].lemma_ = "Talk"
    candidates = read_candidates(doc, gazetteer)
    sentence_of = sentence_of_tokens(doc)
    clauses = read_clauses(
        doc,
        article_id=ARTICLE,
        actors=find_actors(doc, candidates, gazetteer, sentence_of, tokens),
        places=geocode(candidates, gazetteer),
        times=_friday(text),
        published_at=PUBLISHED,
        sentence_of=sentence_of,
        tokens=tokens,
    )
    events = find_events(clauses, article_id=ARTICLE)
    assert _acts(events) == [("talk", "CONSULT", ["Russia", "Ukraine"], [])]


def test_denied_event_nouns_are_no_events(read: Read) -> None:
    ruled_out = read("Russia ruled out any meeting between Vladimir Putin and Volodymyr Zelensky.")
    assert "meeting" not in {e.trigger for e in ruled_out}
    assert read("There were no talks between Israel and Hamas.") == []


def test_noun_qualifying_a_thing_is_no_event(clauses: ReadClauses) -> None:
    found = clauses("Russia bought attack helicopters from Iran.")
    assert [c.trigger for c in found] == ["buy"]


def test_sought_event_noun_is_hypothetical(read: Read, clauses: ReadClauses) -> None:
    sought = _clause(clauses("Ukraine called for talks with Russia."), "talk")
    held = _one(read("Talks with Russia ended."), "talk")
    assert sought.targets == held.targets == ["Russia"]
    assert sought.not_event == "not asserted"
    assert sought.confidence < held.confidence


def test_noun_event_is_less_sure_than_the_verb_event(read: Read) -> None:
    noun = _one(read("Russia's attack on Ukraine on Friday shocked Europe."), "attack")
    verb = _one(read("Russia attacked Ukraine on Friday."), "attack")
    assert (noun.sources, noun.targets, _value(noun)) == (["Russia"], ["Ukraine"], "2025-12-19")
    assert (verb.sources, verb.targets, _value(verb)) == (["Russia"], ["Ukraine"], "2025-12-19")
    assert (noun.trigger_span.text, verb.trigger_span.text) == ("attack", "attacked")
    assert noun.confidence < verb.confidence


def test_threat_of_strikes_is_two_events(read: Read) -> None:
    events = read("Vladimir Putin's threat of nuclear strikes against NATO alarmed Europe.")
    threat, strikes = _one(events, "threat"), _one(events, "strike")
    # NATO is threatened, as the strikes threatened would hit it
    assert (threat.type, threat.sources, threat.targets) == (
        "THREATEN",
        ["Vladimir Putin"],
        ["NATO"],
    )
    assert (strikes.type, strikes.sources, strikes.targets) == ("ASSAULT", [], ["NATO"])


def test_an_attacked_building_is_the_target_not_the_attacker(read: Read) -> None:
    # "the U.S. Embassy bombings": the embassy (and whose it is) was bombed; it bombed no one.
    suspect = _one(
        read("Police arrested a suspect in the U.S. Embassy bombings in Nairobi."), "bombing"
    )
    assert (suspect.type, suspect.sources, suspect.targets) == ("ASSAULT", [], ["U.S. Embassy"])
    # An adjective before a common building word may say whose it is or who struck it
    # ("the Israeli embassy attack", "the Israeli hospital strike"): it names neither side.
    for text in (
        "Hamas claimed the Israeli embassy attack.",
        "The Israeli hospital strike killed 30.",
    ):
        assert all("Israel" not in e.sources + e.targets for e in read(text)), text
    lower = _one(read("The U.S. embassy bombing shocked Tanzania."), "bombing")
    assert (lower.sources, lower.targets) == ([], ["United States"])
    of = _one(read("The bombing of the U.S. Embassy in Nairobi killed 200 people."), "kill")
    assert (of.sources, of.targets) == ([], ["people", "U.S. Embassy"])
    # The verb whose subject the bombings are does not take the embassy as its agent either.
    killed = read("The U.S. Embassy bombings killed 200 people.")
    assert _acts(killed) == [("kill", "ASSAULT", [], ["people", "U.S. Embassy"])]
    # A modifier that names no building keeps its reading: Hamas attacked the base.
    rockets = _one(read("The Hamas rocket attack on the Israeli army base killed two."), "kill")
    assert (rockets.sources, rockets.targets) == (["Hamas"], ["Israel"])


def test_passive_light_verb_is_its_nouns_event(read: Read) -> None:
    # As "Russia and Ukraine held talks" reads: one CONSULT, both sides as sources, no "hold".
    talks = read("Talks were held between Russia and Ukraine on Friday.")
    assert _acts(talks) == [("talk", "CONSULT", ["Russia", "Ukraine"], [])]
    assert _value(talks[0]) == "2025-12-19"
    assert _acts(read("A meeting was held with Iran.")) == [("meeting", "CONSULT", [], ["Iran"])]
    assert _acts(read("Talks were held by Russia with Ukraine.")) == [
        ("talk", "CONSULT", ["Russia"], ["Ukraine"])
    ]
    assert _acts(read("Sanctions were imposed on Iran by the United States.")) == [
        ("sanction", "SANCTION", ["United States"], ["Iran"])
    ]
    assert read("Talks were not held between Russia and Ukraine.") == []


def test_a_compound_event_noun_takes_the_compounds_type(read: Read) -> None:
    # An air raid is an assault; a raid alone stays a police raid (COERCE).
    air = _one(read("The U.S. air raid on Afghanistan and Sudan angered Pakistan."), "raid")
    assert (air.type, air.sources, air.targets) == (
        "ASSAULT",
        ["United States"],
        ["Afghanistan", "Sudan"],
    )
    launched = _one(read("Israel launched an air raid on Lebanon."), "launch")
    assert (launched.type, launched.sources, launched.targets) == (
        "ASSAULT",
        ["Israel"],
        ["Lebanon"],
    )
    police = _one(read("Kenyan police carried out a raid on Al-Shabaab."), "carry")
    assert police.type == "COERCE"
    hunger = _one(read("Navalny's hunger strike alarmed Germany."), "strike")
    assert (hunger.type, hunger.sources) == ("PROTEST", ["Navalny"])


# --- "we" in a quotation ----------------------------------------------------------------------


def test_quoted_we_is_the_speakers_country(clauses: ReadClauses) -> None:
    found = clauses(
        "Ukraine’s top negotiator Rustem Umerov arrived in Miami. “We are ready to meet,” "
        "Umerov said."
    )
    meet = _clause(found, "meet")
    assert (meet.kind, meet.sources, meet.targets) == ("CONSULT", ["Ukraine"], [])
    assert meet.not_event == "not asserted"  # a readiness, not a meeting
    assert meet.confidence < 0.5  # hedged, read through a pronoun and a side


def test_quoted_we_lowers_the_confidence(read: Read) -> None:
    quoted = _one(read("“We met Russia,” Ukraine’s top negotiator Rustem Umerov said."), "meet")
    named = _one(
        read("Ukraine’s top negotiator Rustem Umerov said that Ukraine met Russia."), "meet"
    )
    assert (
        (quoted.sources, quoted.targets)
        == (named.sources, named.targets)
        == (
            ["Ukraine"],
            ["Russia"],
        )
    )
    assert quoted.confidence < named.confidence


def test_quoted_we_without_a_tie_is_the_speaker(read: Read) -> None:
    # The quote spans two sentences; the speaker comes after it. Rubio is tied to no country.
    meet = _one(
        read("“It is up to them. We will meet Russia on Friday,” Marco Rubio said."), "meet"
    )
    assert (meet.sources, meet.targets, _value(meet)) == (
        ["Marco Rubio"],
        ["Russia"],
        "2025-12-19",
    )


def test_quoted_us_and_our(read: Read) -> None:
    attack = _one(
        read("“Russia attacked us,” said Ukrainian President Volodymyr Zelensky."), "attack"
    )
    assert (attack.sources, attack.targets) == (["Russia"], ["Ukraine"])
    talks = _one(
        read("“Our talks with Russia went well,” Ukraine’s top negotiator Rustem Umerov said."),
        "talk",
    )
    assert (talks.sources, talks.targets) == (["Ukraine"], ["Russia"])


def test_quoted_i_is_the_speaker_not_the_side(read: Read) -> None:
    meet = _one(read("“I will meet Vladimir Putin,” US President Donald Trump said."), "meet")
    assert (meet.sources, meet.targets) == (["Donald Trump"], ["Vladimir Putin"])


def test_we_without_a_speaker_names_no_one(read: Read) -> None:
    for text in ("We will meet Russia on Friday.", "“We will meet Russia on Friday.”"):
        meet = _one(read(text), "meet")
        assert (meet.sources, meet.targets) == ([], ["Russia"]), text
    assert read("“We are ready to meet.”") == []


def test_a_figure_that_moved_is_no_event(read: Read) -> None:
    # The company only owns the shares; the exchange is where they traded, not a target.
    events = read("Bethlehem Steel Corp. shares rose 50 cents on the New York Stock Exchange.")
    assert [e.trigger for e in events] == []
    # A person or country subject still acts.
    assert _one(read("Bethlehem Steel Corp. sued Nippon Steel."), "sue").sources == [
        "Bethlehem Steel Corp."
    ]


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        ("General Motors Corp. wants to buy 15% of Jaguar PLC.", "buy", "Jaguar PLC"),
        ("Institut Merieux holds a 12.5% stake in Connaught BioSciences.", "hold",
         "Connaught BioSciences"),
        ("Hewlett-Packard Co. raised its stake in Octel Communications Corp.", "raise",
         "Octel Communications Corp."),
    ],
)  # fmt: skip
def test_a_holding_names_the_company_it_is_in(
    clauses: ReadClauses, text: str, trigger: str, target: str
) -> None:
    assert target in _clause(clauses(text), trigger).targets


def test_a_holding_in_a_market_acts_on_no_country(clauses: ReadClauses) -> None:
    control = _clause(
        clauses("Ratners Group controls 25% of the British jewelry market."), "control"
    )
    assert control.targets == []


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # A question, not a demand.
        ("McCaw Cellular asked how the public interest would be served.", "ask"),
        ("In a town hall, officials asked the question: Could Iran strike?", "ask"),
        # the reporters' question the saying answers
        ("Asked on Friday for a preview of his speech, Trump told reporters he would win.", "ask"),
        # an inverted condition, no obligation of the President
        ("Should the President pursue that avenue, the case is murky, experts told TIME.", "tell"),
        ('"Hallelujah," Madeleine Albright exclaimed.', "exclaim"),
        ("Consolidated Freightways reported a loss, citing losses at Emery Worldwide.", "cite"),
    ],
)
def test_saying_by_its_clause_is_no_event(read: Read, text: str, trigger: str) -> None:
    assert trigger not in {e.trigger for e in read(text)}


@pytest.mark.parametrize(
    ("text", "trigger", "kind"),
    [
        # "on Friday" is a time: no "call on" (DEMAND).
        ("Russia called Ukraine on Friday.", "call", "CONSULT"),
        ("Russia called on Ukraine to withdraw.", "call", "DEMAND"),
        ("On Monday, Russia called for Ukraine to withdraw.", "call", "DEMAND"),
        ("Iran asked Iraq to withdraw its troops.", "ask", "DEMAND"),
        ("Russia agreed with Ukraine on a ceasefire.", "agree", "AGREE"),
        ("Israel and the PLO agreed that talks would resume.", "agree", "AGREE"),
        ("Iraq declined to release the hostages.", "decline", "REJECT"),
        # a retort and a rebuttal
        ("Mark Rutte pushed back on Wednesday against the claim.", "push", "REJECT"),
        ("Canadian Prime Minister Mark Carney hit back at Iran on Wednesday.", "hit", "DISAPPROVE"),
    ],
)
def test_the_same_verbs_with_a_party_are_events(
    read: Read, text: str, trigger: str, kind: str
) -> None:
    assert _one(read(text), trigger).type == kind


def test_calling_someone_something_is_no_phone_call(clauses: ReadClauses) -> None:
    call = _clause(clauses("Saddam Hussein called President Bush a liar."), "call")
    assert (call.sources, call.targets, call.kind) == (["Saddam Hussein"], ["Bush"], None)


@pytest.mark.parametrize(
    ("text", "trigger", "kind", "targets"),
    [
        # A light verb that ends a meeting carries it ("wrapped up a meeting with").
        ("Kofi Annan wrapped up a meeting with Saddam Hussein in Baghdad.", "wrap", "CONSULT",
         ["Saddam Hussein"]),
        ("Britain filed a complaint against Libya.", "file", "DISAPPROVE", ["Libya"]),
        ("Canada charged James Kopp with attempted murder.", "charge", "DISAPPROVE",
         ["James Kopp"]),
    ],
)  # fmt: skip
def test_light_and_phrasal_verbs_type_the_event(
    read: Read, text: str, trigger: str, kind: str, targets: list[str]
) -> None:
    event = _one(read(text), trigger)
    assert (event.type, event.targets) == (kind, targets)


def test_exiles_act_for_themselves_not_for_their_state(clauses: ReadClauses) -> None:
    vow = _clause(clauses("Cuban exiles in Miami vowed to impede the ruling."), "vow")
    assert vow.sources == ["Cuban exiles"]


def test_charged_with_a_task_is_no_accusation(clauses: ReadClauses) -> None:
    task = _clause(
        clauses("The Security Council charged the inspectors with verifying that Iraq complied."),
        "charge",
    )
    assert task.kind is None
    slaying = _clause(clauses("On May 6, police charged James Kopp with the slaying."), "charge")
    assert slaying.kind == "DISAPPROVE"


def test_a_stance_word_that_is_the_subject_names_its_people(clauses: ReadClauses) -> None:
    hope = _clause(clauses("Pro-republicans hope to elect an Australian president."), "elect")
    assert hope.sources == ["Pro-republicans"]


@pytest.mark.parametrize(
    "text",
    [
        "Juan Miguel Gonzalez wants Elian back.",
        "Paribas still needs the go-ahead from the Commission des Operations de Bourse.",
        "Iraq seems ready.",
        "Dataproducts officials declined to comment on the suit.",
        "Dataproducts officials declined to discuss the talks with DPC Acquisition.",
        "Mr. Roy of Nashua Corp. couldn't be reached.",
        "The unit had more than $110 million in sales, according to Advanced Medical Corp.",
    ],
)
def test_states_no_comment_and_attributions_are_no_events(read: Read, text: str) -> None:
    assert read(text) == []


def test_becoming_a_member_is_an_event(clauses: ReadClauses) -> None:
    become = _clause(clauses("Poland became a member of NATO on Friday."), "become")
    assert become.sources == ["Poland"]


def test_declining_something_else_is_still_a_refusal(read: Read) -> None:
    decline = _one(read("Iraq declined to withdraw from Kuwait."), "decline")
    assert decline.type == "REJECT"


# --- what is an event: the contract's filter (docs/EVENTS.md, "What is an event") ----------


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("If Trump agrees to Beijing's demands, China will buy soybeans.", "agree"),
        ("Russia sent troops to Syria to attack rebels.", "attack"),
        ("Putin insisted that Ukraine withdraw from Donetsk.", "withdraw"),
        ("None of those doctors were killed.", "kill"),
        ("Ukraine arrested no Russians.", "arrest"),
        ("Russia plans to attack Ukraine.", "attack"),
        ("Russia could attack Ukraine.", "attack"),
        ("Iran hopes to sign a deal with France.", "sign"),
        ("Did Russia attack Ukraine?", "attack"),
        # a plural's bare form under a past verb of asking: what is asked for
        ("Sanders suggested that Italian leaders reject the plan.", "reject"),
        # an obligation now, a liking, a risk, an expectation with no date
        ("“We have to talk with Russia,” the official said.", "talk"),
        ("Europe loves to discuss the future with Russia.", "discuss"),
        ("Leaders risk being targeted by Russia.", "target"),
        ("Raids are expected to target Haitian immigrants in Ohio.", "target"),
    ],
)
def test_what_is_not_asserted_is_no_event(
    read: Read, clauses: ReadClauses, text: str, trigger: str
) -> None:
    assert trigger not in {e.trigger for e in read(text)}
    assert _clause(clauses(text), trigger).not_event in {"not asserted", "planned"}


def test_what_had_to_be_done_was_done(read: Read) -> None:
    assert _one(read("Police had to arrest three men on Friday."), "arrest").type == "COERCE"


def test_questioning_whether_is_a_doubt_voiced(read: Read) -> None:
    text = "Trump questioned whether NATO members would come to America's aid on Friday."
    assert _one(read(text), "question").type == "DISAPPROVE"
    assert _one(read("Police questioned two suspects on Friday."), "question").type == (
        "INVESTIGATE"
    )


def test_they_is_no_gathering(read: Read) -> None:
    """A forum or a conference is where people met: "they" passes over it."""
    text = (
        "Police officers met at the World Economic Forum in Davos on Friday. "
        "They arrested two men on Friday."
    )
    assert _one(read(text), "arrest").sources == ["police officers"]


def test_pushing_back_a_thing_is_no_rebuttal(read: Read) -> None:
    text = "Police pushed back the protesters on Friday. The firm pushed back the launch."
    assert [e for e in read(text) if e.type == "REJECT"] == []
    walked = _one(read("The minister walked back the remarks on Friday."), "walk")
    assert walked.type == "CONCEDE"


def test_an_offer_to_act_is_an_intent_to_cooperate(read: Read) -> None:
    """PLOVER codes CAMEO's "express intent to cooperate" (03) AGREE: the offer is the
    event, what is offered not yet one."""
    found = read("The president has offered to help offset Jordan's costs.")
    assert [(e.trigger, e.type) for e in found] == [("offer", "AGREE")]


def test_a_plan_with_a_date_is_scheduled(read: Read) -> None:
    attack = _one(read("Russia plans to attack Ukraine on Friday."), "attack")
    assert (_value(attack), attack.date_source) == ("2025-12-19", "explicit")


def test_the_purpose_of_a_scheduled_trip_is_scheduled(read: Read) -> None:
    text = "Russian officials are set to arrive in Florida on Friday to meet with US negotiators."
    meet = _one(read(text), "meet")
    assert (meet.type, _value(meet)) == ("CONSULT", "2025-12-19")


def test_a_participle_after_its_noun_is_a_passive(read: Read) -> None:
    detain = _one(read("Ukraine freed Russians detained by Poland."), "detain")
    # Detained Russians are people of Russia (a group with its code), not its state.
    assert (detain.type, detain.sources, detain.targets) == ("COERCE", ["Poland"], ["Russians"])


# --- dates by tense, paragraph and dateline (docs/EVENTS.md, "Dates") -----------------------


def _dated(extractor: Extractor, text: str, trigger: str) -> tuple[str | None, str]:
    events = extractor.extract_one(text, PUBLISHED).events
    found = [e for e in events if e.trigger == trigger]
    assert len(found) == 1, [(e.trigger, e.type) for e in events]
    return _value(found[0]), found[0].date_source


def test_background_and_future_clauses_take_no_publication_date(extractor: Extractor) -> None:
    assert _dated(extractor, "Bolivia's army had attacked protesters.", "attack") == (
        None,
        "unknown",
    )
    assert _dated(extractor, "Bolivia's army will attack Peru.", "attack") == (None, "unknown")
    assert _dated(extractor, "Chile condemned the government that invaded Peru.", "invade") == (
        None,
        "unknown",
    )
    # A stance held in a present relative clause is no act at all (`_STANCES_HELD`).
    text = "Peru was jailed over allegations of fraud, which Bolivia denies."
    assert [e.trigger for e in _events(extractor, text)] == ["jail"]
    text = "Russia's hostile actions have included attacking Polish rail lines."
    assert _dated(extractor, text, "attack") == (None, "unknown")
    # The past and the present perfect of a recent happening: the publication date.
    assert _dated(extractor, "Bolivia's army attacked Peru.", "attack") == (
        "2025-12-20",
        "publication",
    )


def test_the_one_charged_with_a_deed_is_its_alleged_doer(extractor: Extractor) -> None:
    """ "charged Kopp with attempted murder in the 1995 shooting of Dr. Short": Kopp shot him,
    the charge says; a charge that names no victim ("charged with murder") is no deed."""
    text = "Canada charged Kopp with attempted murder in the 1995 shooting of Dr. Hugh Short."
    shooting = _trigger(_events(extractor, text), "shooting")
    assert (shooting.sources, shooting.targets) == (["Kopp"], ["Hugh Short"])
    text = "Kopp was indicted on Friday in the killing of Barnett Slepian."
    assert _trigger(_events(extractor, text), "killing").sources == ["Kopp"]
    text = "Kopp was charged with murder on Friday."
    assert [e.trigger for e in _events(extractor, text)] == ["charge"]
    # Anyone's accusation of something else near the deed is no charge of it.
    text = "Slepian's family accused police of negligence in the shooting of Barnett Slepian."
    assert _trigger(_events(extractor, text), "shooting").sources == []


def test_a_participle_clause_shares_its_governors_date(extractor: Extractor) -> None:
    """ "said on Wednesday that he had reached a deal ..., easing a standoff and backing away
    from plans": the easing and the backing away are the reaching's, dated by its context."""
    text = (
        "Donald Trump said on Friday that he had reached a deal with NATO, easing a standoff "
        "with European allies and backing away from plans to impose tariffs."
    )
    assert _dated(extractor, text, "reach") == ("2025-12-19", "context")
    assert _dated(extractor, text, "ease") == ("2025-12-19", "context")
    assert _dated(extractor, text, "back") == ("2025-12-19", "context")


def test_a_past_clause_takes_the_date_of_its_paragraph(extractor: Extractor) -> None:
    text = (
        "On Tuesday, Chile's president met Peru's envoy in Lima. He also criticised Bolivia.\n\n"
        "Argentina criticised Uruguay."
    )
    events = extractor.extract_one(text, PUBLISHED).events
    dates = {e.sentence: (_value(e), e.date_source) for e in events if e.trigger == "criticise"}
    assert dates["He also criticised Bolivia."] == ("2025-12-16", "context")
    # A later paragraph with no date of its own: the day the opening gives the story.
    assert dates["Argentina criticised Uruguay."] == ("2025-12-16", "context")


def test_a_date_modifying_a_noun_dates_the_noun(extractor: Extractor) -> None:
    text = "Prosecutors investigated a 2010 rape allegation against Assange on Friday."
    value, source = _dated(extractor, text, "investigate")
    assert (value, source) == ("2025-12-19", "explicit")
    # ... unless the noun is the clause's subject: the 1995 shooting was the wounding.
    assert _dated(extractor, "The 1995 shooting wounded Hugh Short.", "wound") == (
        "1995",
        "explicit",
    )
    # A date in a noun's phrase hung on another noun is no setting of the clause: the charge
    # is Friday's, the shooting 1995's.
    text = "On Friday, Canada charged Kopp with murder in the 1995 shooting of Hugh Short."
    assert _dated(extractor, text, "charge") == ("2025-12-19", "explicit")
    assert _dated(extractor, text, "shooting") == ("1995", "explicit")
    # The date right before its noun, where the parser tore the phrase apart.
    text = "Kopp was indicted last year in the October 1998 shooting death of Barnett Slepian."
    assert _dated(extractor, text, "shooting") == ("1998-10", "explicit")


def test_a_dateline_gives_the_story_day_and_no_actor(extractor: Extractor) -> None:
    text = (
        "WASHINGTON, March 12 (Xinhua) --\n\n"
        "Poland, Hungary and the Czech Republic formally joined NATO at a ceremony.\n\n"
        "The three foreign ministers signed documents of accession."
    )
    events = extractor.extract_one(text, dt.datetime(2025, 3, 13, tzinfo=dt.UTC)).events
    signed = [e for e in events if e.trigger == "sign"]
    assert signed
    assert (_value(signed[0]), signed[0].date_source) == ("2025-03-12", "context")
    hanoi = "HANOI, Vietnam (AP) — Defense Secretary Mark Esper accused China of intimidation."
    accuse = _one(extractor.extract_one(hanoi, PUBLISHED).events, "accuse")
    assert (accuse.sources, accuse.targets) == (["Mark Esper"], ["China"])


# --- who: descriptions and pronouns named again, a noun's infinitive ------------------------


def test_a_definite_description_is_the_actor_named_before(read: Read) -> None:
    text = "President Vladimir Putin met Xi Jinping in Moscow. The president criticised NATO."
    assert _one(read(text), "criticise").sources == ["Vladimir Putin"]
    company = "Nashua Corp. rejected the offer. The company sued Cerberus."
    assert _one(read(company), "sue").sources == ["Nashua Corp."]


def test_they_is_the_group_named_before(read: Read) -> None:
    text = "Protesters gathered in Paris. They attacked police."
    assert (_one(read(text), "attack").sources, _one(read(text), "attack").targets) == (
        ["protesters"],
        ["police"],
    )


def test_a_conjunct_of_a_nouns_infinitive_is_no_clause(clauses: ReadClauses) -> None:
    found = clauses("Putin demanded Ukraine abandon its ambition to join NATO and withdraw.")
    assert "withdraw" not in {c.trigger for c in found}


def test_at_is_where_unless_the_act_is_aimed(read: Read) -> None:
    rally = _one(read("Protesters rallied at the Indiana Statehouse on Friday."), "rally")
    assert rally.targets == []
    fired = _one(read("Iran fired at Israel."), "fire")
    assert fired.targets == ["Israel"]


def test_a_bare_participle_and_a_conjunct_of_a_passive_are_passives(read: Read) -> None:
    text = "Rescued on Friday by fishermen off the Florida coast, Elian Gonzalez became famous."
    rescue = _one(read(text), "rescue")
    assert (rescue.sources, rescue.targets) == (["fishermen"], ["Elian Gonzalez"])
    released = _one(read("Kopp was located, interviewed and released by the FBI."), "release")
    assert (released.sources, released.targets) == (["FBI"], ["Kopp"])


def test_a_strike_of_workers_is_a_protest(read: Read) -> None:
    held = _one(read("Polish miners held a miners' strike in Katowice."), "hold")
    assert (held.type, held.sources) == ("PROTEST", ["Polish miners"])
    nationwide = _one(read("Workers staged a nationwide strike on Friday."), "stage")
    assert nationwide.type == "PROTEST"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # An amount moved, not an act.
        ("Shell eased 1 to 416 on turnover of 4.8 million shares.", "ease"),
        # No comment is no refusal.
        ("A company official declined further comment.", "decline"),
        # Under a negated governor, an infinitive did not happen.
        ("These bombings will not cause America to retreat.", "retreat"),
        # An indefinite event of a future clause has not happened.
        ("Israel will respond to an Iraqi attack on Jordan.", "attack"),
        # What is checked or denied is not reported as done.
        ("Inspectors are verifying that Iraq has destroyed its missiles.", "destroy"),
        ("Iran denied that its troops attacked Iraq.", "attack"),
        # Obligations, abilities and the formulas of asking are no act either.
        ("The plan must be approved by the court.", "approve"),
        ("Bush can call up 200,000 reservists.", "call"),
        ("Asked to comment, a Justice Department spokesman declined.", "ask"),
        ("A Kellogg officer, who asked not to be named, said the project was stopped.", "ask"),
    ],
)
def test_more_that_is_not_reported_as_done(read: Read, text: str, trigger: str) -> None:
    assert trigger not in {e.trigger for e in read(text)}


def test_a_clause_at_another_time_takes_no_publication_date(extractor: Extractor) -> None:
    text = "Police spotted Kopp's car in Amherst weeks before Slepian was killed."
    assert _dated(extractor, text, "kill") == (None, "unknown")


def test_a_verb_of_the_nouns_type_is_the_one_event(read: Read) -> None:
    kill = _one(read("Russia's attack on Ukraine on Friday killed dozens."), "kill")
    assert (kill.type, kill.sources, kill.targets) == ("ASSAULT", ["Russia"], ["Ukraine"])


def test_violence_with_no_one_named_is_an_event_of_its_place_and_time(
    extractor: Extractor,
) -> None:
    text = "At least 82 people were killed in Nairobi on Friday."
    kill = _one(extractor.extract_one(text, PUBLISHED).events, "kill")
    # Counted people are who was harmed.
    assert (kill.type, kill.sources, kill.targets, kill.places) == (
        "ASSAULT",
        [],
        ["people"],
        ["Nairobi"],
    )
    # ... but not a bare mention with neither.
    assert extractor.extract_one("Many people were killed.", PUBLISHED).events == []


def test_informing_someone_of_something_is_saying(read: Read) -> None:
    text = "One of Bush's sons has informed John Sununu that he has lost support."
    assert "inform" not in {e.trigger for e in read(text)}
    briefed = _one(read("Rubio briefed Zelensky in Kyiv on Friday."), "brief")
    assert briefed.type == "CONSULT"


def test_a_when_clause_happens_at_its_governors_time(extractor: Extractor) -> None:
    text = "The city needed protection in 1979 when the Soviet Union invaded Afghanistan."
    invade = _one(extractor.extract_one(text, PUBLISHED).events, "invade")
    assert (_value(invade), invade.date_source) == ("1979", "explicit")


def test_the_possessor_of_a_shooting_is_shot(read: Read) -> None:
    shooting = _one(read("Slepian's shooting shocked Buffalo on Friday."), "shooting")
    assert (shooting.sources, shooting.targets) == ([], ["Slepian"])


def test_an_office_named_again_is_its_holder_from_an_earlier_paragraph(
    extractor: Extractor,
) -> None:
    text = (
        "President George Bush flew to Maine on Friday.\n\n"
        "Officials said the president met with John Sununu on Sunday."
    )
    meet = _one(extractor.extract_one(text, PUBLISHED).events, "meet")
    assert (meet.sources, meet.targets) == (["George Bush"], ["John Sununu"])


# --- issue 10, second round: whole-extractor readings (real time expressions) ---------------


def _events(extractor: Extractor, text: str) -> list[Event]:
    return extractor.extract_one(text, PUBLISHED).events


def _trigger(events: list[Event], trigger: str) -> Event:
    return _one(events, trigger)


def test_calling_something_a_name_is_no_phone_call(extractor: Extractor) -> None:
    text = "The European Union on Friday called the annexation illegal."
    assert [e.type for e in _events(extractor, text)] == ["DISAPPROVE"]  # a condemnation
    assert _events(extractor, "The European Union on Friday called the talks useful.") == []


def test_what_a_statement_verb_acts_on_decides_also_in_the_passive(extractor: Extractor) -> None:
    """ "a statement released by the royal court" is no release of prisoners (RETREAT)."""
    events = _events(
        extractor, "Jordan objected, according to a statement released by the royal court."
    )
    assert [e.trigger for e in events if e.type == "RETREAT"] == []


def test_an_act_considered_as_a_subject_is_no_report(extractor: Extractor) -> None:
    events = _events(extractor, "Marco Rubio said reaching a deal with Iran would be hard.")
    assert [e.trigger for e in events] == []


def test_a_habit_in_the_present_is_no_event(extractor: Extractor) -> None:
    assert _events(extractor, "The European Commission regularly rejects such criticism.") == []


def test_repeated_or_earlier_acts_have_no_publication_date(extractor: Extractor) -> None:
    threatened = _trigger(
        _events(extractor, "Iran has repeatedly threatened to close the Strait of Hormuz."),
        "threaten",
    )
    assert (threatened.date, threatened.date_source) == (None, "unknown")
    approved = _trigger(
        _events(extractor, "The measures have already been approved by most EU states."),
        "approve",
    )
    assert (approved.date, approved.date_source) == (None, "unknown")


def test_a_clause_at_the_time_of_its_governor_takes_its_date(extractor: Extractor) -> None:
    """ "as" clause under an infinitive: the date is the clause the infinitive hangs on."""
    text = (
        "Pakistan and Austria on Monday agreed to strengthen ties as Prime Minister Shehbaz "
        "Sharif met Chancellor Christian Stocker in Vienna."
    )
    met = _trigger(_events(extractor, text), "meet")
    assert (_value(met), met.sources, met.targets) == (
        "2025-12-15",
        ["Shehbaz Sharif"],
        ["Christian Stocker"],
    )


def test_material_acts_in_the_present_of_running_text_are_states(extractor: Extractor) -> None:
    assert (
        _events(extractor, "Regent Hong Kong occupies a prime spot overlooking the harbour.") == []
    )
    # A headline's present reports the news.
    imposed = _trigger(_events(extractor, "Israel imposes restrictions on Al-Aqsa"), "impose")
    assert (imposed.type, imposed.sources) == ("SANCTION", ["Israel"])


def test_the_one_date_of_a_sentence_dates_a_clause_the_parser_cut_off(
    extractor: Extractor,
) -> None:
    """The parser hangs "in a bomb attack on Friday" on "injured"; the killing is Friday's."""
    text = "Two children were killed and 58 injured in a bomb attack on Friday in Nairobi."
    killed = _trigger(_events(extractor, text), "kill")
    assert (killed.targets, _value(killed), killed.date_source) == (
        ["children"],
        "2025-12-19",
        "context",
    )


def test_a_later_coordinated_act_keeps_its_date_to_itself(extractor: Extractor) -> None:
    text = "Corbett was convicted and sentenced to life in prison but released on parole in 1980."
    events = _events(extractor, text)
    assert _value(_trigger(events, "release")) == "1980"
    assert _value(_trigger(events, "convict")) != "1980"


def test_a_clause_inside_a_dated_noun_phrase_takes_its_date(extractor: Extractor) -> None:
    text = (
        "Rudolph has been on the run since the January 1998 bombing of a clinic that killed "
        "an officer and maimed a nurse."
    )
    assert _value(_trigger(_events(extractor, text), "maim")) == "1998-01"


def test_a_date_that_names_another_noun_is_not_the_sentences(extractor: Extractor) -> None:
    """ "ahead of Tuesday's negotiations": the date of the negotiations, not of the meeting."""
    text = "Rafael Grossi met Abbas Araghchi in Geneva ahead of Tuesday's negotiations."
    met = _trigger(_events(extractor, text), "meet")
    assert _value(met) != "2025-12-16"


def test_an_act_on_what_an_actor_owns_is_an_act_on_the_owner(extractor: Extractor) -> None:
    raided = _trigger(
        _events(extractor, "Police raided the offices of Samsung in Seoul on Monday."), "raid"
    )
    assert (raided.sources, raided.targets) == (["police"], ["Samsung"])
    seized = _trigger(_events(extractor, "Prosecutors seized Smith's devices on Monday."), "seize")
    assert seized.targets == ["Smith"]


def test_now_is_no_event_date(extractor: Extractor) -> None:
    """ "now" (PRESENT_REF) names no calendar day: the clause is dated as if it had none."""
    shelling = _trigger(_events(extractor, "Russia is now shelling Kharkiv."), "shell")
    assert (_value(shelling), shelling.date_source) == ("2025-12-20", "publication")


def test_a_description_names_again_the_holder_of_that_office(extractor: Extractor) -> None:
    """ "the prime minister" is Sharif, not the chancellor named last; "the premier" too."""
    text = (
        "Prime Minister Shehbaz Sharif met Chancellor Christian Stocker in Vienna on Monday. "
        "The prime minister invited Austrian businesses to a forum. "
        "The chancellor thanked the premier."
    )
    events = _events(extractor, text)
    assert _trigger(events, "invite").sources == ["Shehbaz Sharif"]
    thanked = _trigger(events, "thank")
    assert (thanked.sources, thanked.targets) == (["Christian Stocker"], ["Shehbaz Sharif"])


def test_an_office_nobody_is_named_for_is_an_actor_of_its_own(extractor: Extractor) -> None:
    enriched = extractor.extract_one("The mayor vetoed the bill on Monday.", PUBLISHED)
    vetoed = _trigger(enriched.events, "veto")
    assert (vetoed.type, vetoed.sources) == ("REJECT", ["mayor"])
    mayor = next(e for e in enriched.entities if e.name == "mayor")
    assert (mayor.kind, mayor.agent, [m.text for m in mayor.mentions]) == (
        "person",
        "GOV",
        ["mayor"],
    )
    # Named before: the holder, and no actor of its own.
    enriched = extractor.extract_one(
        "Mayor Eric Adams spoke on Monday. The mayor vetoed the bill.", PUBLISHED
    )
    assert _trigger(enriched.events, "veto").sources == ["Eric Adams"]
    assert "mayor" not in {e.name for e in enriched.entities}
    # Someone the paragraph named with no office said is the likeliest holder.
    events = _events(extractor, "Donald Trump spoke on Monday. The president imposed tariffs.")
    assert _trigger(events, "impose").sources == ["Donald Trump"]


def test_he_and_she_agree_with_the_given_name(extractor: Extractor) -> None:
    """ "She" after "Kamala Harris met Donald Trump" is Harris, not the nearer Trump."""
    text = "Kamala Harris met Donald Trump on Monday. She criticised him on Tuesday."
    criticised = _trigger(_events(extractor, text), "criticise")
    assert criticised.sources == ["Kamala Harris"]


def test_he_in_a_new_sentence_is_the_subject_of_the_one_before(extractor: Extractor) -> None:
    text = "John Smith met Donald Trump on Monday. He attacked Vladimir Putin on Tuesday."
    attacked = _trigger(_events(extractor, text), "attack")
    assert (attacked.sources, attacked.targets) == (["John Smith"], ["Vladimir Putin"])


def test_the_other_party_of_a_thing_acted_on_is_a_target(extractor: Extractor) -> None:
    """ "signed an agreement with the GCC", "filed a complaint against Barrot"."""
    signed = _trigger(
        _events(extractor, "Pakistan signed a trade agreement with Qatar on Monday."), "sign"
    )
    assert (signed.sources, signed.targets) == (["Pakistan"], ["Qatar"])
    filed = _trigger(
        _events(extractor, "French lawyers filed a complaint against Jean-Noel Barrot on Monday."),
        "file",
    )
    assert filed.targets == ["Jean-Noel Barrot"]


def test_a_venue_the_model_calls_an_organisation_is_where(extractor: Extractor) -> None:
    met = _trigger(
        _events(extractor, "Asim Munir met Mohamed bin Zayed at Qasr Al Shati Palace on Monday."),
        "meet",
    )
    assert met.places == ["Qasr Al Shati Palace"]
    # Elsewhere the building may act: "The White House said".
    rejected = _trigger(
        _events(extractor, "The White House rejected the plan on Monday."), "reject"
    )
    assert rejected.sources == ["White House"]


def test_a_past_clause_far_from_any_date_happened_on_the_days_news(
    extractor: Extractor,
) -> None:
    """A Saturday paper: "on Friday" in the opening dates the undated past clauses that
    follow, not the publication day; "recently" dates nothing."""
    text = (
        "Pakistan and Austria on Friday agreed to deepen ties.\n\n"
        "The talks covered trade.\n\n"
        "Shehbaz Sharif thanked Christian Stocker for the meetings.\n\n"
        "Pakistan has recently signed a trade agreement with Qatar."
    )
    events = _events(extractor, text)
    thanked = _trigger(events, "thank")
    assert (_value(thanked), thanked.date_source) == ("2025-12-19", "context")
    signed = _trigger(events, "sign")
    assert (signed.date, signed.date_source) == (None, "unknown")


def test_a_future_a_condition_governs_is_no_event(extractor: Extractor) -> None:
    text = "King Charles III will, if approached, support the police."
    assert _events(extractor, text) == []
    assert [e.trigger for e in _events(extractor, "King Charles III will support the police.")] == [
        "support"
    ]


def test_what_is_called_for_or_threatened_has_not_happened(extractor: Extractor) -> None:
    text = "The comment prompted a call for the resignation of Randy Fine on Monday."
    assert "resignation" not in {e.trigger for e in _events(extractor, text)}
    text = "Donald Trump threatened on Saturday to impose a 25% tariff on Denmark."
    events = _events(extractor, text)
    assert [e.type for e in events] == ["THREATEN"]


def test_what_was_scheduled_then_is_no_report_that_it_happened(extractor: Extractor) -> None:
    text = "The European Parliament had been set to approve the deal on Wednesday."
    assert _events(extractor, text) == []


def test_habits_in_participles_and_with_consistently(extractor: Extractor) -> None:
    assert _events(extractor, "Indonesia consistently rejects all attempts at annexation.") == []
    text = "The administration spent months on its enemies, frequently targeting Democrats."
    assert "target" not in {e.trigger for e in _events(extractor, text)}


def test_an_untagged_given_name_names_the_one_person_who_has_it(extractor: Extractor) -> None:
    """The model tags no entity in "PM Shehbaz and Stocker held ...": the given name of the
    titled Shehbaz Sharif is him."""
    text = (
        "Prime Minister Shehbaz Sharif arrived in Vienna on Monday. PM Shehbaz and Stocker "
        "held a restricted meeting at the Federal Chancellery."
    )
    held = _trigger(_events(extractor, text), "hold")
    assert held.sources == ["Shehbaz Sharif", "Stocker"]


def test_a_gathering_that_sets_a_clause_has_its_subject(extractor: Extractor) -> None:
    text = "Speaking during a visit to Hungary on Monday, Marco Rubio said the deal was dead."
    visit = _trigger(_events(extractor, text), "visit")
    assert (visit.sources, visit.targets) == (["Marco Rubio"], ["Hungary"])
    # Someone else's visit ("my visit", "Modi's visit") is not the subject's.
    text = "Jeffrey Epstein wrote an email after Narendra Modi's visit to Israel."
    assert all(e.sources != ["Jeffrey Epstein"] for e in _events(extractor, text))


def test_what_a_verb_acts_on_gives_its_sense(extractor: Extractor) -> None:
    """ "struck a deal" agrees, "struck a tone" and "killed the project" hurt no one, and
    "released its R1 model" freed no one; also through a relative clause."""
    assert _trigger(
        _events(extractor, "The EU and Japan struck a deal on Friday."), "strike"
    ).type == ("AGREE")
    for text in (
        "Marco Rubio struck a warmer tone on Friday.",
        "Adam Mosseri killed the project on Friday.",
        "On Friday, DeepSeek released its R1 model.",
    ):
        assert _events(extractor, text) == [], text
    text = "The row put in doubt trade deals the U.S. struck with the U.K. in May."
    assert [e.type for e in _events(extractor, text) if e.trigger == "strike"] == ["AGREE"]


def test_a_place_that_modifies_a_topic_is_not_where(extractor: Extractor) -> None:
    refused = _trigger(
        _events(extractor, "Denmark refused on Friday over the Greenland tussle."), "refuse"
    )
    assert refused.places == []
    rallied = _trigger(
        _events(extractor, "Protesters rallied in Russia's capital on Friday."), "rally"
    )
    assert rallied.places == ["Russia"]


def test_councils_commissions_and_committees_act(extractor: Extractor) -> None:
    fined = _trigger(_events(extractor, "The commission fined Google on Monday."), "fine")
    assert (fined.sources, fined.targets) == (["commission"], ["Google"])
    banned = _trigger(
        _events(extractor, "The city council voted on Tuesday to ban gas stoves."), "ban"
    )
    assert banned.sources == ["city council"]


def test_him_her_and_them_name_the_one_acted_on(extractor: Extractor) -> None:
    praised = _trigger(
        _events(extractor, "Zelensky met Trump on Friday. Trump praised him."), "praise"
    )
    assert praised.targets == ["Zelensky"]  # not Trump, the clause's own subject
    text = "Kamala Harris met Donald Trump on Monday. She criticised him on Tuesday."
    assert _trigger(_events(extractor, text), "criticise").targets == ["Donald Trump"]


def test_a_noun_its_clause_brings_about_or_is_the_occasion_of_takes_its_date(
    extractor: Extractor,
) -> None:
    """The object of a light verb is its happening now ("introduced a ban in December", also
    in a "re-" form), the object of "in" the occasion of the clause's act ("killed in a
    strike last Wednesday"); another object names an earlier happening ("condemned the
    sanctions on Monday": Monday is the condemning's)."""
    introduced = _trigger(
        _events(extractor, "In December, Australia introduced a blanket ban on social media."),
        "introduce",
    )
    assert (introduced.type, introduced.sources, _value(introduced)) == (
        "SANCTION",
        ["Australia"],
        "2025-12",
    )
    assert introduced.targets == []  # "social media" are platforms, not the press
    reimposed = _trigger(
        _events(extractor, "China reimposed a ban on Japanese seafood on Friday."), "reimpose"
    )
    assert (reimposed.type, reimposed.sources, reimposed.targets) == (
        "SANCTION",
        ["China"],
        ["Japan"],
    )
    text = (
        "Last Wednesday, two children were killed and a dozen wounded in one strike on a"
        " school, while another severely damaged a United Nations warehouse."
    )
    assert _value(_trigger(_events(extractor, text), "strike")) == "2025-12-17"
    condemned = _events(extractor, "Russia condemned the sanctions on Monday.")
    assert [(e.trigger, _value(e)) for e in condemned] == [("condemn", "2025-12-15")]


def test_a_where_clause_and_a_conjunct_share_their_governors_date(extractor: Extractor) -> None:
    text = (
        "Pedro Sánchez announced the ban on Tuesday at a summit in Dubai, where he criticized"
        " tech companies."
    )
    assert _value(_trigger(_events(extractor, text), "criticize")) == "2025-12-16"
    text = "Mandelson resigned from the Labour Party and stepped down from the Lords last week."
    assert _value(_trigger(_events(extractor, text), "resign")) == "2025-W50"


def test_a_colon_dateline_after_summary_bullets_places_the_story(extractor: Extractor) -> None:
    text = (
        "• Palestinians condemn the move\n\n• Hamas rejects the plan\n\n"
        "KHARTOUM: Paramilitary fighters attacked a market on Monday, killing 28 people."
    )
    events = _events(extractor, text)
    attacked = _trigger(events, "attack")
    assert attacked.places == ["Khartoum"]
    assert "Khartoum" not in attacked.sources


def test_a_people_adjective_of_something_else_is_no_actor(extractor: Extractor) -> None:
    events = _events(extractor, "Democrats and Jewish groups condemned the remarks on Monday.")
    assert _trigger(events, "condemn").sources == ["Democrats"]
    text = "Eight Muslim countries condemned the Israeli move on Tuesday."
    # the countries condemned, not Muslims
    assert _trigger(_events(extractor, text), "condemn").sources == ["Muslim countries"]


def test_a_journey_happens_at_its_destination_with_its_traveller(extractor: Extractor) -> None:
    began = _trigger(
        _events(extractor, "Shehbaz Sharif began a two-day visit to Austria on Sunday."), "begin"
    )
    assert (began.sources, began.targets, began.places) == (
        ["Shehbaz Sharif"],
        ["Austria"],
        ["Austria"],
    )
    text = "Abbas Araghchi arrived in Geneva on Monday for a new round of negotiations with the US."
    talks = _trigger(_events(extractor, text), "negotiation")
    assert (talks.sources, talks.targets, talks.places, _value(talks)) == (
        ["Abbas Araghchi"],
        ["United States"],
        ["Geneva"],
        "2025-12-15",
    )


def test_what_is_met_or_released_decides_whether_anyone_met_or_was_freed(
    extractor: Extractor,
) -> None:
    assert _events(extractor, "Prosecutors said the Democrats had met the threshold.") == []
    assert _events(extractor, "A YouGov poll released on Friday found that Trump lost.") == []
    text = "Some lawmakers are urging Starmer to consider stepping down."
    assert [e.trigger for e in _events(extractor, text)] == ["urge"]


def test_what_a_subject_receives_it_is_the_target_of(extractor: Extractor) -> None:
    text = "Angela Merkel earned the endorsement of Donald Trump on Friday."
    endorsed = _trigger(_events(extractor, text), "endorsement")
    assert (endorsed.sources, endorsed.targets, _value(endorsed)) == (
        ["Donald Trump"],
        ["Angela Merkel"],
        "2025-12-19",
    )
    text = "Randy Fine entered Congress after receiving an endorsement from Donald Trump."
    assert _value(_trigger(_events(extractor, text), "endorsement")) is None  # earlier


def test_a_dateline_places_the_fresh_news_not_the_background(extractor: Extractor) -> None:
    text = (
        "WASHINGTON: CAIR urged House leaders on Friday to censure Randy Fine. In 2019, Fine"
        " attacked a mosque."
    )
    events = _events(extractor, text)
    assert _trigger(events, "urge").places == ["Washington"]
    assert _trigger(events, "attack").places == []


def test_the_person_in_apposition_to_a_role_acts_and_rallying_around_supports(
    extractor: Extractor,
) -> None:
    text = "The leader of the Conservative Party, Kemi Badenoch, criticised Starmer on Monday."
    assert _trigger(_events(extractor, text), "criticise").sources == ["Kemi Badenoch"]
    rallied = _trigger(
        _events(extractor, "Cabinet ministers rallied around Keir Starmer on Monday."), "rally"
    )
    assert rallied.type == "SUPPORT"


def test_a_bare_year_is_not_carried_and_a_prepositional_clause_keeps_its_date(
    extractor: Extractor,
) -> None:
    text = (
        "Bangladesh was founded in 1971 after a war. Voters approved the new charter"
        " in a referendum."
    )
    approved = _trigger(_events(extractor, text), "approve")
    assert _value(approved) != "1971"
    text = (
        "Macron arrived in Mumbai on Friday for his fourth visit to India since taking office"
        " in 2017."
    )
    assert _value(_trigger(_events(extractor, text), "visit")) == "2025-12-19"


def test_calling_or_saying_something_unlawful_condemns_it(extractor: Extractor) -> None:
    """A condemning label is a DISAPPROVE act (CAMEO codes "* PLAN UNACCEPTABLE" 111); another
    label is none ("called the talks productive"), nor is an expletive's judgement."""
    text = "Antonio Guterres said on Friday that the new measure was destabilising and unlawful."
    said = _trigger(_events(extractor, text), "say")
    assert (said.type, said.sources) == ("DISAPPROVE", ["Antonio Guterres"])
    text = "Jairam Ramesh called the approval of the tribunal deeply disappointing on Friday."
    assert _trigger(_events(extractor, text), "call").type == "DISAPPROVE"
    assert _events(extractor, "Volodymyr Zelensky called the talks productive on Friday.") == []
    assert _events(extractor, "Antonio Guterres said it was illegal to enter Gaza.") == []
    text = "Iran held a military drill on Friday in the Strait of Hormuz."
    assert _trigger(_events(extractor, text), "hold").type == "MOBILIZE"


def test_figures_guesses_and_denied_doers_are_no_events(extractor: Extractor) -> None:
    """ "was forced to sidestep" (no one forcing), "the scandal is threatening" (a thing),
    "Hopefully Iran will negotiate" (a wish), "Not a single officer refused" (denied), "nations
    that support Kyiv" (a stance describing them)."""
    for text in (
        "Anutin was forced on Friday to sidestep this keystone issue.",
        "The scandal is threatening Keir Starmer's premiership.",
        "Hopefully Iran will negotiate with the United States on Friday.",
        "Not a single officer refused the order on Friday.",
    ):
        assert _events(extractor, text) == [], text
    text = "Police forced protesters to leave the square on Friday."
    assert _trigger(_events(extractor, text), "force").type == "COERCE"
    text = "The statement threatened Israel with retaliation on Friday."
    assert [e.type for e in _events(extractor, text)] in ([], ["THREATEN"])
    text = "Western nations that support Ukraine met in Brussels on Friday."
    assert "support" not in [e.trigger for e in _events(extractor, text)]


def test_a_household_that_acts_is_an_organisation_and_its_by_phrase_the_source(
    extractor: Extractor,
) -> None:
    """ "evicted from his royal residence by Buckingham Palace": spaCy tags the palace a
    facility and hangs "by" on the residence; the palace acts, as the Kremlin does."""
    text = "Andrew was evicted from his royal residence by Buckingham Palace in October."
    evicted = _trigger(_events(extractor, text), "evict")
    assert (evicted.sources, evicted.targets) == (["Buckingham Palace"], ["Andrew"])
    text = "Protesters gathered outside Buckingham Palace on Friday."
    assert "Buckingham Palace" not in [s for e in _events(extractor, text) for s in e.sources]


def test_people_of_a_country_acted_on_are_people_not_the_state(extractor: Extractor) -> None:
    text = "More than 550 Palestinians have been killed by Israeli strikes since Friday."
    killed = _trigger(_events(extractor, text), "kill")
    assert (killed.sources, killed.targets) == (["Israel"], ["Palestinians"])
    palestinians = next(
        e for e in extractor.extract_one(text, PUBLISHED).entities if e.name == "Palestinians"
    )
    assert (palestinians.kind, palestinians.country_code) == ("group", "PS")


def test_headline_infinitives_are_ahead_and_since_clauses_span_many_days(
    extractor: Extractor,
) -> None:
    """ "Netanyahu to meet Trump" is scheduled, not dated by the publication; "have been killed
    since the ceasefire" counts many days, none of them the publication's; a noun that is the
    agent of a dated passive happened then ("In 1978 ... shocked by the assassination")."""
    assert _dated(extractor, "Netanyahu to meet Trump", "meet") == (None, "unknown")
    text = "More than 550 Palestinians have been killed by Israeli strikes since the ceasefire."
    assert _dated(extractor, text, "kill") == (None, "unknown")
    text = "In 1978, the world was shocked by the assassination of Georgi Markov."
    assert _dated(extractor, text, "assassination") == ("1978", "explicit")


def test_what_a_side_withdraws_is_its_own(extractor: Extractor) -> None:
    text = "Trump pulled the United States out of the World Health Organization on Friday."
    pulled = _trigger(_events(extractor, text), "pull")
    assert (pulled.type, pulled.sources, pulled.targets) == (
        "RETREAT",
        ["Trump"],
        ["World Health Organization"],
    )


def test_a_relative_pronoun_acted_on_is_its_antecedent(extractor: Extractor) -> None:
    text = "The ceremony honoured Polish soldiers who were killed in Afghanistan in 2011."
    assert _trigger(_events(extractor, text), "kill").targets == ["Polish soldiers"]
    text = "Bin Laden, who is accused of masterminding the attack, is on the list."
    assert _trigger(_events(extractor, text), "accuse").targets == ["Bin Laden"]


def test_the_country_names_again_the_last_country(extractor: Extractor) -> None:
    text = "Trump met Carney about Canada on Wednesday. He accused the country of getting freebies."
    accused = _trigger(_events(extractor, text), "accuse")
    assert accused.targets == ["Canada"]


def test_what_is_aimed_at_is_no_place(extractor: Extractor) -> None:
    text = "Trump lashed out at Canada on Wednesday during his speech."
    assert _trigger(_events(extractor, text), "lash").places == []


def test_a_time_clause_in_the_present_under_a_past_is_yet_to_come(extractor: Extractor) -> None:
    """ "until Denmark agrees": a time to come, no happening; "when he returned" one."""
    text = "Trump threatened to tariff European allies until Denmark agrees to sell Greenland."
    assert "agree" not in {e.trigger for e in _events(extractor, text)}
    text = "Police arrested him on Friday when he returned to Paris."
    assert _trigger(_events(extractor, text), "arrest").type == "COERCE"


def test_a_sentence_place_of_another_clause_is_not_where(extractor: Extractor) -> None:
    """The place of another clause or of a topic does not place an act that names none."""
    text = "Earlier this month, Trump threatened to intervene in Iran, months after he spoke."
    assert _trigger(_events(extractor, text), "threaten").places == []
    text = "Rubio spoke with al-Sudani on Sunday about stability in the Middle East."
    assert _trigger(_events(extractor, text), "speak").places == []


def test_a_material_act_happens_where_its_target_or_the_story_is(extractor: Extractor) -> None:
    """With no place of its own, an attack happened where the country attacked is, or where a
    story set in one country is set; a verbal act is placed by neither."""
    text = "The United States raided Venezuela on Saturday, officials said."
    assert _trigger(_events(extractor, text), "raid").places == ["Venezuela"]
    text = (
        "Protests spread across Iran on Thursday, and the death toll in Iran rose.\n\n"
        "Security forces killed dozens of protesters in Tehran and Isfahan, rights groups said. "
        "The authorities arrested hundreds of students on Friday. "
        "Donald Trump condemned the killings on Friday."
    )
    found = _events(extractor, text)
    assert _trigger(found, "arrest").places == ["Iran"]
    assert _trigger(found, "condemn").places == []


def test_a_story_that_names_one_country_most_sets_its_material_acts(extractor: Extractor) -> None:
    """Half of the places in Myanmar and five times as many as any other country's: its
    killings and bombings happened there, while what China and Russia did is not placed."""
    text = (
        "Voters in Myanmar went to the polls on Sunday in Mandalay and Yangon.\n\n"
        "China and Russia have backed the junta, while India, the U.K. and the U.S. watched. "
        "Myanmar has been at war since the coup.\n\n"
        "Hundreds of people were killed in military crackdowns in the months after the coup, "
        "and the junta has bombed towns across Myanmar."
    )
    found = _events(extractor, text)
    assert _trigger(found, "kill").places == ["Myanmar"]
    assert _trigger(found, "back").places == []
    # With China named as often as the U.K., the U.S. and India together, no country sets it.
    crowded = text.replace("while India", "while China, India").replace(
        "in Mandalay and Yangon", "in Mandalay"
    )
    assert _trigger(_events(extractor, crowded), "kill").places == []


def test_a_dateline_in_the_leading_country_sets_the_story(extractor: Extractor) -> None:
    """ "O'SMACH, Cambodia (AP)": a story filed in the country it names most, ahead of the
    next by half again, is set there, though a third of its places are elsewhere."""
    text = (
        "PAILIN, Cambodia (AP) _ The rebels of Cambodia said Thursday they hold Battambang.\n\n"
        "Thailand and Britain have sent envoys to Phnom Penh, and Thai officials in Bangkok "
        "and Surin watched.\n\n"
        "A British engineer, Christopher Howes, was kidnapped by guerrillas in 1996."
    )
    assert _trigger(_events(extractor, text), "kidnap").places == ["Cambodia"]
    # Filed elsewhere, the same count sets nothing.
    filed = text.replace("PAILIN, Cambodia (AP) _ ", "")
    assert _trigger(_events(extractor, filed), "kidnap").places == []


def test_forces_of_a_nationality_are_a_group_of_its_country(extractor: Extractor) -> None:
    text = "Iranian security forces killed dozens of protesters on Friday."
    killed = _trigger(_events(extractor, text), "kill")
    assert killed.sources == ["Iranian security forces"]
    forces = next(
        e
        for e in extractor.extract_one(text, PUBLISHED).entities
        if e.name == "Iranian security forces"
    )
    assert (forces.country_code, forces.agent) == ("IR", "COP")


def test_the_forces_a_side_moves_are_its_own(extractor: Extractor) -> None:
    sent = _trigger(_events(extractor, "Britain sent troops to Greenland on Friday."), "send")
    assert (sent.sources, sent.targets) == (["United Kingdom"], ["Greenland"])
    text = "As protesters gathered, riot police deployed in Lagos on Friday to break up a rally."
    assert _trigger(_events(extractor, text), "deploy").sources == ["riot police"]


def test_a_threat_is_aimed_at_the_country_its_act_would_hit(extractor: Extractor) -> None:
    text = "Donald Trump threatened to intervene in Iran on Friday."
    assert _trigger(_events(extractor, text), "threaten").targets == ["Iran"]
    # The act threatened, though parsed as an adverbial; goods hit are their country's.
    text = "Donald Trump threatened on Friday to impose tariffs on Chinese goods."
    assert _trigger(_events(extractor, text), "threaten").targets == ["China"]
    text = "Donald Trump threatened to impose a 10% tariff on imports from Denmark."
    assert _trigger(_events(extractor, text), "threaten").targets == ["Denmark"]
    banned = _trigger(_events(extractor, "China banned imports from Japan on Friday."), "ban")
    assert banned.targets == ["Japan"]
    # Tariffs cut back are no sanction.
    text = "The deal includes billions of dollars in reduced tariffs on imports from Japan."
    assert [e.trigger for e in _events(extractor, text)] == []


def test_they_is_not_whom_the_speaker_told(extractor: Extractor) -> None:
    """ "told reporters they had a very good meeting": not the reporters' meeting."""
    text = (
        "NATO leaders met in Davos on Wednesday. Mark Rutte told reporters on Wednesday "
        "that they had agreed a framework."
    )
    assert all("reporters" not in e.sources for e in _events(extractor, text))


def test_a_condemning_label_is_disapproval(extractor: Extractor) -> None:
    text = "Alistair Carns referred to the claims as “utterly ridiculous” on Friday."
    assert _trigger(_events(extractor, text), "refer").type == "DISAPPROVE"
    text = "Kemi Badenoch called the remarks nonsense on Friday."
    assert _trigger(_events(extractor, text), "call").type == "DISAPPROVE"


def test_those_included_act_with_the_group(extractor: Extractor) -> None:
    text = "Critics, including the U.S., blamed al-Maliki on Friday for eroding the promise."
    blamed = _trigger(_events(extractor, text), "blame")
    assert blamed.sources == ["critics", "United States"]


def test_an_act_done_with_is_the_subjects(extractor: Extractor) -> None:
    """ "began the year with a raid": the subject raided; "charged Kopp with murder" is no
    murder of the court's, and "was met with protests" no meeting."""
    text = "The Trump Administration began the year with a raid on Venezuela."
    assert _trigger(_events(extractor, text), "raid").sources == ["Trump Administration"]
    text = "Israel retaliated with air strikes on Gaza on Friday."
    struck = _trigger(_events(extractor, text), "strike")
    assert (struck.sources, _value(struck)) == (["Israel"], "2025-12-19")
    text = "A Canadian warrant charged Kopp with attempted murder on Friday."
    assert "murder" not in {e.trigger for e in _events(extractor, text)}
    text = "The minister was met with protests in Paris on Friday."
    assert "meet" not in {e.trigger for e in _events(extractor, text)}


def test_two_given_names_and_a_surname_are_a_person(extractor: Extractor) -> None:
    text = (
        "María Corina Machado met Donald Trump on Thursday. Machado said she gave him "
        "her medal when she met with Trump for lunch."
    )
    entities = extractor.extract_one(text, PUBLISHED).entities
    machado = [e for e in entities if "Machado" in e.name]
    assert [(e.name, e.kind) for e in machado] == [("María Corina Machado", "person")]


def test_a_persons_title_gives_their_country(extractor: Extractor) -> None:
    text = (
        "U.K. Prime Minister Keir Starmer met Venezuelan opposition leader María Corina "
        "Machado and Iraq's Prime Minister Mohammed Shia al-Sudani on Friday. "
        "President Donald Trump spoke."
    )
    codes = {e.name: e.country_code for e in extractor.extract_one(text, PUBLISHED).entities}
    assert codes["Keir Starmer"] == "GB"
    assert codes["María Corina Machado"] == "VE"
    assert codes["Mohammed Shia al-Sudani"] == "IQ"
    assert codes["Donald Trump"] is None  # no country in his title here


def test_a_local_doers_act_happens_where_the_story_is(extractor: Extractor) -> None:
    text = (
        "Venezuela held protests on Thursday across Venezuela as Venezuela's crisis deepened."
        "\n\nVenezuelan opposition leader María Corina Machado criticized the government on "
        "Friday. Donald Trump threatened Venezuela on Friday."
    )
    found = _events(extractor, text)
    assert _trigger(found, "criticize").places == ["Venezuela"]
    assert _trigger(found, "threaten").places == []


def test_a_present_perfect_past_the_opening_is_background(extractor: Extractor) -> None:
    text = (
        "Police have arrested six people over the attack, officials said.\n\n"
        "The attack shocked the town.\n\n"
        "The government has refused to rule out new sanctions."
    )
    found = _events(extractor, text)
    assert _trigger(found, "arrest").date_source == "publication"
    refused = _trigger(found, "refuse")
    assert (refused.date, refused.date_source) == (None, "unknown")


def test_what_is_yet_to_happen_or_only_urged_is_no_event(extractor: Extractor) -> None:
    """ "has yet to disarm" has not; "suggested that the oil be confiscated" and "pushed for
    the senator to be censured" say what is wanted."""
    found = _events(
        extractor,
        "Hamas has yet to disarm. Zelensky suggested on Friday that all Russian oil be "
        "confiscated. Hegseth pushed on Friday for the senator to be formally censured.",
    )
    triggers = {e.trigger for e in found}
    assert not triggers & {"disarm", "confiscate", "censure"}
    assert "push" in triggers


def test_telling_and_headings_are_no_events(extractor: Extractor) -> None:
    """ "the figures provided by hospitals" tells, and a section heading names a topic."""
    text = (
        "He doubted the figures provided by hospitals on Friday. Japan provided aid to the "
        "refugees on Friday.\n\nAl-Aqsa restrictions\n\nIsrael imposes restrictions on Al-Aqsa"
    )
    found = _events(extractor, text)
    assert [e.trigger for e in found if e.type == "AID"] == ["provide"]
    assert _trigger(found, "provide").sources == ["Japan"]
    assert [e.trigger for e in found if e.type == "SANCTION"] == ["impose"]


def test_a_titled_full_name_is_a_person_whatever_the_bare_surname_tags(
    extractor: Extractor,
) -> None:
    """ "U.S. President Donald Trump" once, then many a bare "Trump's" the model tags ORG: he
    stays a person, and an untagged "Trump" is him."""
    text = (
        "Keir Starmer broke ranks with U.S. President Donald Trump on Monday. Trump threatened "
        "to impose a tariff on the U.K. until Denmark relents.\n\n"
        + " ".join(f"Trump's plan {i} worried Trump's allies." for i in range(4))
    )
    result = extractor.extract_one(text, PUBLISHED)
    trump = next(e for e in result.entities if e.name == "Donald Trump")
    assert trump.kind == "person"
    assert _trigger(result.events, "threaten").sources == ["Donald Trump"]


def test_a_countrys_protests_are_its_peoples_there(extractor: Extractor) -> None:
    protests = _trigger(_events(extractor, "Iran protests grew on Friday."), "protest")
    assert (protests.sources, protests.places) == ([], ["Iran"])


def test_an_ordered_act_is_the_orderers(extractor: Extractor) -> None:
    """ "ordered the arrest of Maduro" is an arrest; "ordered residents to leave" a demand."""
    text = "Donald Trump ordered the arrest of Nicolas Maduro on Friday."
    ordered = _trigger(_events(extractor, text), "order")
    assert (ordered.type, ordered.sources, ordered.targets) == (
        "COERCE",
        ["Donald Trump"],
        ["Nicolas Maduro"],
    )
    text = "Israel ordered residents to leave on Friday."
    assert _trigger(_events(extractor, text), "order").type == "DEMAND"


def test_backing_away_concedes(extractor: Extractor) -> None:
    text = "Donald Trump said on Friday he was backing away from plans to impose tariffs."
    assert _trigger(_events(extractor, text), "back").type == "CONCEDE"
    text = "Al-Sudani suspended his bid for a second term on Friday."
    assert _trigger(_events(extractor, text), "suspend").type == "RETREAT"


def test_police_and_coercing_states_act_at_home(extractor: Extractor) -> None:
    """With no place of their own: police, security forces and courts act in their country, a
    state coerces in its own; an army's strike is placed by neither."""
    text = "Iran arrested activists on Friday, and Israel struck targets in Lebanon and Syria."
    found = _events(extractor, text)
    assert _trigger(found, "arrest").places == ["Iran"]
    text = "Israel struck targets on Friday, Iran said. Iran and Syria condemned it."
    assert _trigger(_events(extractor, text), "strike").places == []


def test_another_acts_place_is_not_the_acts(extractor: Extractor) -> None:
    """ "condemned the killings in Iraq": Iraq is where the killings were; the act done in an
    attack or summoned to a meeting shares that occasion's place."""
    text = "Iran condemned the killings in Iraq on Friday."
    assert _trigger(_events(extractor, text), "condemn").places == []
    text = "Police were killed in an attack in Kabul on Friday."
    assert _trigger(_events(extractor, text), "kill").places == ["Kabul"]


def test_a_doers_verbal_acts_that_day_happen_where_they_spoke(extractor: Extractor) -> None:
    text = (
        "Zelensky criticized European leaders in a speech in Davos on Thursday. He thanked "
        "Macron for his support on Thursday.\n\nOn Friday, Zelensky urged Europe to act."
    )
    found = _events(extractor, text)
    assert _trigger(found, "thank").places == ["Davos"]
    assert _trigger(found, "urge").places == []  # another day


def test_a_persons_acts_that_day_happen_where_the_text_puts_them(extractor: Extractor) -> None:
    """Where a person was on a day, said by any verb ("said at the forum in Davos on
    Thursday", "Speaking at a press conference in London"), places their acts of that day
    told anywhere in the article, before or after; a person the text puts in two places that
    day went from one to the other in the order told: an act told before either is placed by
    neither, one told after is where they were last put. An act of another day is not
    placed."""
    text = (
        "Ukrainian President Volodymyr Zelensky criticized European leaders on Thursday.\n\n"
        "“Europe avoids taking action,” Zelensky said at the World Economic Forum in Davos on "
        "Thursday.\n\nZelensky also thanked Emmanuel Macron for his support.\n\n"
        "On Friday, Zelensky urged Europe to act."
    )
    found = _events(extractor, text)
    assert _trigger(found, "criticize").places == ["Davos"]
    assert _trigger(found, "thank").places == ["Davos"]
    assert _trigger(found, "urge").places == []  # another day
    torn = text.replace("Zelensky also", "Zelensky arrived in Berlin on Thursday. He also")
    found = _events(extractor, torn)
    assert _trigger(found, "criticize").places == []
    assert _trigger(found, "thank").places == ["Berlin"]
    text = (
        "Speaking at a press conference in London on Monday, Prime Minister Keir Starmer "
        "rejected the tariffs.\n\nStarmer criticized Donald Trump on Monday."
    )
    assert _trigger(_events(extractor, text), "criticize").places == ["London"]
    # A topic's place is no whereabouts: "in reference to the rift over Greenland".
    text = (
        "Zelensky criticized Europe on Thursday.\n\nZelensky said on Thursday, in reference "
        "to the rift over Greenland, that Europe was lost."
    )
    assert _trigger(_events(extractor, text), "criticize").places == []


def test_a_travellers_acts_follow_the_narrative_not_the_dateline(extractor: Extractor) -> None:
    """Filed in Nairobi, a story follows Albright from Dar es Salaam: a sentence that opens on
    a place sets its paragraph's scene and puts its doer there; going to a place puts them
    there from then on (not where they came from)."""
    text = (
        "NAIROBI, Kenya (AP) _ Albright arrived in Tanzania on Tuesday.\n\n"
        "In Dar es Salaam, Albright laid a wreath. She also criticized Sudan.\n\n"
        "Albright then praised Tanzanian police.\n\n"
        "Albright then headed to Nairobi on Tuesday. She had flown in from Washington.\n\n"
        "Albright condemned Iran."
    )
    found = _events(extractor, text)
    assert _trigger(found, "criticize").places == ["Dar es Salaam"]
    assert _trigger(found, "praise").places == ["Dar es Salaam"]
    assert _trigger(found, "condemn").places == ["Nairobi"]
    # A scene is not where an older act its sentence tells of happened.
    text = (
        "WASHINGTON (AP) - Albright spoke on Tuesday.\n\n"
        "In Geneva, Albright said Saddam Hussein had threatened Kuwait in 1990."
    )
    assert _trigger(_events(extractor, text), "threaten").places == []
    # Moving something somewhere is no going there.
    text = (
        "WASHINGTON (AP) - Donald Trump moved the U.S. embassy to Jerusalem on Monday.\n\n"
        "Trump also criticized Iran on Monday."
    )
    assert _trigger(_events(extractor, text), "criticize").places == ["Washington"]


def test_a_place_in_what_words_are_about_is_the_topics(extractor: Extractor) -> None:
    """ "called for the replacement of U.S. forces in the Persian Gulf": the gulf is where
    the forces are, not where Libya called; "demanded in Geneva" is where it was said."""
    text = "Libya called for the replacement of U.S. forces in the Persian Gulf on Friday."
    assert _trigger(_events(extractor, text), "call").places == []
    text = "Gadhafi called for an emergency Security Council meeting in Geneva on Friday."
    assert _trigger(_events(extractor, text), "call").places == []
    text = "Albright used a speech on Friday to defend NATO's role in Kosovo."
    assert _trigger(_events(extractor, text), "defend").places == []
    text = "Iran demanded in Geneva on Friday the withdrawal of troops."
    assert _trigger(_events(extractor, text), "demand").places == ["Geneva"]
    text = "Trump criticized Denmark at a rally in Ohio on Friday."
    assert _trigger(_events(extractor, text), "criticize").places == ["Ohio"]
    # "On the sidelines of the forum in Davos" is where, not what about.
    text = (
        "Donald Trump urged European leaders on the sidelines of the forum in Davos on "
        "Thursday to raise defence spending."
    )
    assert _trigger(_events(extractor, text), "urge").places == ["Davos"]
    text = "Angela Merkel criticized Donald Trump on Monday on a trip to Washington."
    assert _trigger(_events(extractor, text), "criticize").places == ["Washington"]
    # People told to do something are where they were told.
    text = "Iraqi authorities ordered all Americans in Kuwait to assemble on Friday."
    assert _trigger(_events(extractor, text), "order").places == ["Kuwait"]


def test_what_a_noun_has_in_view_is_no_event(extractor: Extractor) -> None:
    """ "options to strike Iran", "the possibility of imposing tariffs", "threats to annex
    Canada": the noun names an act as possible or wanted; "requires companies to provide" an
    obligation, no happening until dated."""
    for text in [
        "Trump said on Friday he was presented with options to strike Iran.",
        "Trump on Friday floated the possibility of imposing tariffs on France.",
        "The speech came after Trump's threats to annex Canada on Friday.",
        "Activists said on Friday that the law requires Meta to provide aid to Ukraine.",
    ]:
        found = _events(extractor, text)
        assert not {e.type for e in found} & {"ASSAULT", "SANCTION", "COERCE", "AID"}, text
    # A noun that only owns the act keeps it: the visit happened.
    text = "A major goal of Kuchma's visit to Russia on Friday was the signing of a program."
    assert _trigger(_events(extractor, text), "visit").type == "CONSULT"


def test_a_disaster_kills_with_no_doer(extractor: Extractor) -> None:
    for text in [
        "The deadly floods killed over 100 people in Texas on Friday.",
        "On Friday, Hurricane Melissa swept Cuba, destroying homes.",
        "The storm, which killed 12 people in Cuba on Friday, moved north.",
    ]:
        assert not [e for e in _events(extractor, text) if e.type == "ASSAULT"], text
    text = "Militants killed 12 people in Kabul on Friday."
    assert _trigger(_events(extractor, text), "kill").type == "ASSAULT"


def test_an_order_or_appeal_in_the_imperative_is_no_event(extractor: Extractor) -> None:
    for text in [
        "“Iranian Patriots, KEEP PROTESTING!” Trump wrote on Friday.",
        "Arrest them all, the minister said on Friday.",
    ]:
        assert not [e for e in _events(extractor, text) if e.type in {"PROTEST", "COERCE"}]


def test_attacking_someone_for_something_is_criticism(extractor: Extractor) -> None:
    text = "Vance attacked European governments for running in fear of voters on Friday."
    assert _trigger(_events(extractor, text), "attack").type == "DISAPPROVE"
    text = "Rebels attacked the convoy for hours on Friday."
    assert _trigger(_events(extractor, text), "attack").type == "ASSAULT"


def test_he_opening_sentences_in_a_row_is_one_person(extractor: Extractor) -> None:
    text = (
        "Vice President J.D. Vance spoke in Munich on Friday.\n\nHe set the tone early on.\n\n"
        "He criticized the United Kingdom on Friday."
    )
    assert _trigger(_events(extractor, text), "criticize").sources == ["J.D. Vance"]


def test_the_countries_of_a_phrase_all_act(extractor: Extractor) -> None:
    text = (
        "The foreign ministers of Pakistan, Egypt, Jordan and Qatar condemned the Israeli "
        "move on Friday."
    )
    condemn = _trigger(_events(extractor, text), "condemn")
    assert condemn.sources == ["foreign ministers of Pakistan", "Egypt", "Jordan", "Qatar"]
    assert condemn.targets == ["Israel"]


def test_the_author_of_what_is_condemned_is_the_target(extractor: Extractor) -> None:
    for text, target in [
        ("Democrats criticized President Donald Trump's statement on Friday.", "Donald Trump"),
        ("Cuba on Friday denounced the aggression of the United States.", "United States"),
        ("Iran rejected Washington's offer on Friday.", "United States"),
    ]:
        (event,) = _events(extractor, text)
        assert event.targets == [target], text


def test_a_foreign_doers_act_is_not_placed_in_the_storys_country(extractor: Extractor) -> None:
    text = (
        "Macron arrived in India on Friday. India and France signed deals in New Delhi on "
        "Friday, and India bought jets.\n\nIndia has not condemned Russia's 2022 invasion."
    )
    assert _trigger(_events(extractor, text), "invasion").places == []


def test_a_quotation_going_on_keeps_its_speaker(extractor: Extractor) -> None:
    """A verbless quotation after an attributed one is the same speaker's: "I" is the
    speaker, and "they" is never the speaker."""
    text = (
        "“We are angry,” said Mohammad Karimi, a protest leader. “I met the governor on "
        "Friday. They attacked the crowd on Friday.”"
    )
    found = _events(extractor, text)
    assert _trigger(found, "meet").sources == ["Mohammad Karimi"]
    assert "Mohammad Karimi" not in _trigger(found, "attack").sources


def test_an_attack_filed_from_elsewhere_happens_where_its_targets_are(
    extractor: Extractor,
) -> None:
    """The dateline is where the story was filed; an attack on people of another country is
    placed in their country, or the place of it the article names most."""
    text = (
        "JERUSALEM: Israeli forces killed 12 Palestinians on Sunday, Gaza's civil defence "
        "agency said.\n\nThe strikes hit Gaza on Sunday, and more people fled Gaza.\n\n"
        "Israel approved a plan on Sunday."
    )
    found = _events(extractor, text)
    assert _trigger(found, "kill").places == ["Gaza"]
    assert _trigger(found, "approve").places == ["Jerusalem"]


def test_a_happening_named_again_keeps_its_date(extractor: Extractor) -> None:
    """ "McSweeney resigned on Sunday ... McSweeney's resignation is not enough": the noun
    names Sunday's resignation again; welcoming it is done to him."""
    text = (
        "Morgan McSweeney resigned on Sunday.\n\nLawmakers welcomed McSweeney's resignation."
        "\n\nBut McSweeney's resignation is not enough, Ian Byrne said."
    )
    found = _events(extractor, text)
    (sunday,) = {_value(e) for e in found if e.trigger in {"resign", "resignation"}}
    assert sunday is not None
    assert [t.split()[-1] for t in _trigger(found, "welcome").targets] == ["McSweeney"]


def test_a_then_title_tells_of_the_past(extractor: Extractor) -> None:
    text = "The offer from the Canadian government was accepted by then-Gov. Rick Snyder."
    accept = _trigger(_events(extractor, text), "accept")
    assert (accept.date, accept.date_source) == (None, "unknown")
    assert accept.targets == ["Canadian government"]


def test_what_a_statement_does_its_author_does(extractor: Extractor) -> None:
    """ "released a statement condemning the move": the one who released it condemned, on
    the clause's date; a report's owner accuses; under a condition, nothing happened."""
    text = "On Friday, Pakistan released a statement condemning the Israeli move."
    condemn = _trigger(_events(extractor, text), "condemn")
    assert (condemn.sources, condemn.targets, _value(condemn)) == (
        ["Pakistan"],
        ["Israel"],
        "2025-12-19",
    )
    text = "The UN's report accusing Israel of genocide was published on Friday."
    assert _trigger(_events(extractor, text), "accuse").sources == ["UN"]
    text = "Iran threatened on Friday to act if Israel did not sign a statement condemning Hamas."
    assert not [e for e in _events(extractor, text) if e.trigger == "condemn"]


def test_whom_a_demand_is_asked_of_is_its_target(extractor: Extractor) -> None:
    text = "Elon Musk on Friday called for the European Union to be abolished."
    assert _trigger(_events(extractor, text), "call").targets == ["European Union"]
    text = "Emmanuel Macron on Friday pushed for the European Union to use its tools."
    assert _trigger(_events(extractor, text), "push").targets == ["European Union"]
    # A demanded event noun: the party it would be held with or done to.
    text = "Donald Trump called for immediate negotiations with Denmark on Saturday."
    assert _trigger(_events(extractor, text), "call").targets == ["Denmark"]
    text = "The European Union called for sanctions on Russia on Friday."
    assert _trigger(_events(extractor, text), "call").targets == ["Russia"]
    # A plan or a deal states its terms; it asks nothing of anyone.
    text = "The accord signed on Friday calls for Hewlett-Packard to buy Octel shares."
    assert [e.type for e in _events(extractor, text) if e.trigger == "call"] == []


def test_a_region_an_article_has_as_an_actor_is_one_where_it_stands_as_one(
    extractor: Extractor,
) -> None:
    """After "European leaders", "criticized Europe" is aimed at the same actor; a liking
    ("Europe loves to discuss") is no act, and "in Europe" stays a place."""
    text = (
        "Volodymyr Zelensky criticized European leaders on Thursday. Zelensky then encouraged "
        "Europe on Thursday to look inward. “Europe loves to discuss the future,” he said. "
        "Police in Europe arrested two men on Thursday."
    )
    found = _events(extractor, text)
    assert _trigger(found, "encourage").targets == ["Europe"]
    assert [e.trigger for e in found if e.sources == ["Europe"]] == []
    assert _trigger(found, "arrest").targets == ["men"]


def test_states_and_concerns_are_no_events(extractor: Extractor) -> None:
    """A present passive is a state ("such actions are supported by a majority"), a present
    relative clause on "those" a rule for whoever ("those who refuse to leave"), a warning of
    something a concern voiced, no threat."""
    for text in [
        "Brussels says such actions are supported by a majority of citizens in Europe.",
        "The law sets harsher sanctions on those who refuse to leave Europe.",
        "On Friday, Marco Rubio warned of a new era in geopolitics.",
    ]:
        assert _events(extractor, text) == [], text
    assert _trigger(_events(extractor, "Iran warned Israel on Friday."), "warn").type == (
        "THREATEN"
    )


def test_speaking_to_a_news_outlet_is_an_interview(extractor: Extractor) -> None:
    assert _events(extractor, "Iranian officials spoke to Reuters on Friday.") == []
    text = "Academics who spoke to Middle East Eye on Friday defended the term."
    assert [e.trigger for e in _events(extractor, text)] == ["defend"]
    text = "Iranian officials spoke to Oman on Friday."
    assert _trigger(_events(extractor, text), "speak").type == "CONSULT"


def test_it_is_the_body_that_was_the_subject(extractor: Extractor) -> None:
    text = "On Friday, Iraq raised oil prices, and it accused Kuwait of overproducing oil."
    assert _trigger(_events(extractor, text), "accuse").sources == ["Iraq"]
    text = (
        "Last month, digital rights group Southeast Asia Freedom of Expression Network "
        "raised concerns that social media companies in Indonesia have imposed heavy "
        "restrictions, and it accused Meta of taking down protest-related content."
    )
    accused = _trigger(_events(extractor, text), "accuse")
    assert accused.sources == ["Southeast Asia Freedom of Expression Network"]


def test_warnings_that_are_no_threats(extractor: Extractor) -> None:
    text = "Macron on Friday warned against vassalization by the United States."
    assert _trigger(_events(extractor, text), "warn").type == "DISAPPROVE"
    text = "Zelensky warned Macron not to capitulate on Friday."
    assert _trigger(_events(extractor, text), "warn").type == "DEMAND"


def test_an_as_clause_shares_its_place(extractor: Extractor) -> None:
    text = (
        "Pakistan and Austria on Monday agreed to strengthen ties as Prime Minister Shehbaz "
        "Sharif met Chancellor Christian Stocker in Vienna."
    )
    assert _trigger(_events(extractor, text), "agree").places == ["Vienna"]


def test_since_starts_a_stretch_and_dates_no_act(extractor: Extractor) -> None:
    text = "Israel has killed 50 people in Gaza since 2017, officials said on Friday."
    assert _value(_trigger(_events(extractor, text), "kill")) != "2017"
    text = "Rudolph has been hunted since the January 1998 bombing of a clinic in Birmingham."
    assert _value(_trigger(_events(extractor, text), "bombing")) == "1998-01"


def test_hitting_out_at_aims_at_a_target(extractor: Extractor) -> None:
    text = "Rights groups hit out on Monday at EU reforms, calling on officials to drop them."
    hit = _trigger(_events(extractor, text), "hit")
    assert (hit.type, hit.targets, hit.places) == ("DISAPPROVE", ["EU"], [])


def test_telling_someone_to_act_demands_it(extractor: Extractor) -> None:
    text = "Greenland's Prime Minister Jens-Frederik Nielsen told the U.S. to back off on Friday."
    (event,) = _events(extractor, text)  # no concession by the U.S.
    assert (event.type, event.sources, event.targets) == (
        "DEMAND",
        ["Jens-Frederik Nielsen"],
        ["United States"],
    )


def test_a_sector_word_before_an_event_noun_is_its_doer(extractor: Extractor) -> None:
    text = "Police raids on opposition offices sparked protests in Lagos on Friday."
    assert _trigger(_events(extractor, text), "raid").sources == ["police"]
    text = "The embassy bombings on Friday killed 12 people in Nairobi."
    assert all("embassy" not in e.sources for e in _events(extractor, text))


def test_the_body_a_name_ends_with_is_named_again(extractor: Extractor) -> None:
    text = (
        "The European Union fined Meta on Friday.\n\nBrendan Carr also condemned the union "
        "on Friday."
    )
    assert _trigger(_events(extractor, text), "condemn").targets == ["European Union"]


def test_neither_nor_denies_both(extractor: Extractor) -> None:
    assert _events(extractor, "Iran neither attacked nor threatened Israel on Friday.") == []


def test_questioning_a_decision_is_criticism(extractor: Extractor) -> None:
    text = "Macron on Friday questioned the wisdom of the decision by Donald Trump."
    assert _trigger(_events(extractor, text), "question").type == "DISAPPROVE"
    text = "Police questioned the suspect on Friday."
    assert _trigger(_events(extractor, text), "question").type == "INVESTIGATE"


def test_lexicon_of_strikes_ties_boats_and_understandings(extractor: Extractor) -> None:
    for text, trigger, kind in [
        ("Kenyan airport workers held a two-day strike on Monday.", "hold", "PROTEST"),
        ("Israel launched strikes on Gaza on Monday.", "launch", "ASSAULT"),
        ("Qatar and Venezuela strengthened ties on Monday.", "strengthen", "COOPERATE"),
        ("US forces sank three drug boats on Monday.", "sink", "ASSAULT"),
        ("Iran and the US reached an understanding on Tuesday.", "reach", "AGREE"),
        ("Iran launched military exercises on Monday.", "launch", "MOBILIZE"),
    ]:
        assert _trigger(_events(extractor, text), trigger).type == kind, text


def test_an_acts_toll_is_no_second_act(extractor: Extractor) -> None:
    """ "sank three boats, killing 11": one attack; "slammed the decision, calling it an
    escalation": one condemnation."""
    text = "US forces sank three drug boats on Monday, killing 11 people."
    assert [e.trigger for e in _events(extractor, text)] == ["sink"]
    text = "Israel struck Gaza on Monday, prompting Hamas to condemn it."
    assert {e.trigger for e in _events(extractor, text)} == {"strike", "condemn"}


def test_traded_expressed_assembled_and_set_for(extractor: Extractor) -> None:
    for text, trigger, kind in [
        ("Iran and the U.S. traded threats on Monday.", "trade", "THREATEN"),
        ("Marco Rubio expressed support for Viktor Orban on Monday.", "express", "SUPPORT"),
        ("The US assembled a massive naval force in the region on Monday.", "assemble",
         "MOBILIZE"),
    ]:  # fmt: skip
        assert _trigger(_events(extractor, text), trigger).type == kind, text
    text = "The US and Iran are set for negotiations in Geneva on Tuesday."
    talks = _trigger(_events(extractor, text), "negotiation")
    assert (talks.sources, _value(talks)) == (["United States", "Iran"], "2025-12-23")


def test_labels_publications_and_ended_strikes(extractor: Extractor) -> None:
    text = "Belgian authorities on Monday called the intervention dangerous disinformation."
    assert _trigger(_events(extractor, text), "call").type == "DISAPPROVE"
    text = "Workers suspended their strike on Monday."
    assert _trigger(_events(extractor, text), "suspend").type == "CONCEDE"
    assert _events(extractor, "Virginia Giuffre released her memoir on Monday.") == []
    text = "Israel released 90 prisoners on Monday."
    assert _trigger(_events(extractor, text), "release").type == "RETREAT"


def test_a_present_as_clause_is_going_on(extractor: Extractor) -> None:
    text = (
        "Representatives of the U.S. and Iran will meet in Geneva on Tuesday as the U.S. "
        "builds up military forces in the region."
    )
    assert _trigger(_events(extractor, text), "build").type == "MOBILIZE"
    # Not a present of habit or state: "Regent Hong Kong occupies a prime spot".
    assert _events(extractor, "The army occupies the hills above Kyiv.") == []


def test_asking_for_and_pushing_to_are_demands(extractor: Extractor) -> None:
    text = "Iran asked on Tuesday for talks with the United States."
    assert _trigger(_events(extractor, text), "ask").type == "DEMAND"
    text = "The United States pushed Ukraine on Tuesday to accept the deal."
    push = _trigger(_events(extractor, text), "push")
    assert (push.type, push.targets) == ("DEMAND", ["Ukraine"])
    text = "“I have lost a son,” Gonzalez told reporters, referring to his son's death."
    assert _events(extractor, text) == []


def test_both_sides_are_the_last_two_parties(extractor: Extractor) -> None:
    text = (
        "Iran held talks with the United States in Oman on Friday.\n\nThe two sides "
        "resumed indirect talks on Saturday, and both sides agreed on guiding principles."
    )
    found = _events(extractor, text)
    assert _trigger(found, "resume").sources == ["Iran", "United States"]
    assert _trigger(found, "agree").sources == ["Iran", "United States"]
    text = "Iran met Iraq on Friday. Police arrested two Cuban exile leaders on Saturday."
    assert _trigger(_events(extractor, text), "arrest").targets != ["Iran", "Iraq"]


def test_a_definite_past_belongs_to_a_noun_not_to_the_present_perfect(
    extractor: Extractor,
) -> None:
    """English gives a present perfect no definite past time ("has been arrested ... last
    year" is not said): the time dates the event noun before it, and the arrest is news."""
    text = (
        "Another man has been arrested in connection with the bombings of U.S. embassies in "
        "Kenya and Tanzania last year, police said today."
    )
    events = _events(extractor, text)
    bombing = _trigger(events, "bombing")
    assert (_value(bombing), bombing.date_source) == ("2024", "explicit")
    assert all(_value(e) != "2024" for e in events if e.trigger == "arrest")
    # A time of the week before publication still dates the verb ("has arrested ... on Monday").
    monday = _trigger(
        _events(extractor, "Police have arrested six protesters on Monday."), "arrest"
    )
    assert (_value(monday), monday.date_source) == ("2025-12-15", "explicit")


def test_a_dateline_on_its_own_line_does_not_end_the_opening(extractor: Extractor) -> None:
    """ "CAPE TOWN, South Africa (AP) --" above the first paragraph: the story's opening is the
    paragraph after it, whose present perfect is the day's news."""
    text = (
        "\n\nCAPE TOWN, South Africa (AP) --\n\nPolice have arrested a Tanzanian man, officials "
        "said.\n\nThe man was questioned by the FBI."
    )
    arrest = _trigger(_events(extractor, text), "arrest")
    assert (_value(arrest), arrest.date_source) == ("2025-12-20", "publication")
    assert arrest.targets == ["Tanzanian man"]
    assert arrest.places == ["Cape Town", "South Africa"]


def test_an_attack_on_a_person_told_again_is_one_happening(extractor: Extractor) -> None:
    """The doers, date and place of a named person's attack carry to its other tellings."""
    text = (
        "Kopp was seen days after a sniper killed Barnett Slepian in Amherst.\n\n"
        "Kopp was spotted near the scene of the Oct. 23 slaying of Slepian.\n\n"
        "The FBI is investigating the attack on Slepian."
    )
    events = [e for e in _events(extractor, text) if e.type == "ASSAULT"]
    assert len(events) == 3
    for event in events:
        assert (event.sources, event.targets) == (["sniper"], ["Barnett Slepian"])
        assert _value(event) == "2025-10-23"
        assert event.places == ["Amherst"]
    # The finest date of its tellings is the attack's.
    text = (
        "Christopher Howes was abducted in March 1996 by the Khmer Rouge.\n\n"
        "Police said Howes was kidnapped on March 26, 1996, near Anlong Veng."
    )
    tellings = _events(extractor, text.replace("Christopher", "Briton Christopher"))
    assert tellings[0].targets == ["Christopher Howes"]  # a national's noun is no name
    assert [(e.trigger, _value(e)) for e in tellings] == [
        ("abduct", "1996-03-26"),
        ("kidnap", "1996-03-26"),
    ]
    # Attacks on groups repeat: each keeps its own date.
    text = "Police killed two protesters on Monday.\n\nPolice killed three protesters in 2019."
    kills = _events(extractor, text)
    assert [_value(e) for e in kills] == ["2025-12-15", "2019"]


def test_a_building_named_for_its_country_places_the_attack(read: Read) -> None:
    """ "the Kenya embassy bombing": Kenya is where the embassy stood, not whom it hit; a
    demonym or an abbreviation says whose ("the U.S. embassy bombing")."""
    bombing = _one(read("Clinton condemned the Kenya embassy bombing."), "bombing")
    assert (bombing.targets, bombing.places) == ([], ["Kenya"])
    killed = _one(read("Twelve Americans were killed in the Kenya embassy bombing."), "kill")
    assert (killed.targets, killed.places) == (["Americans"], ["Kenya"])
    ours = _one(read("Clinton condemned the U.S. embassy bombing."), "bombing")
    assert ours.targets == ["United States"]


def test_where_the_subject_is_its_act_is(read: Read) -> None:
    """ "Police in Lagos arrested", "people in Germany demonstrated": there; "officials from
    Kenya visited" came from Kenya, and visited no place in it."""
    assert _one(read("Police in Lagos arrested 12 people."), "arrest").places == ["Lagos"]
    text = "Thousands of people in Germany protested against unemployment on Monday."
    protest = _one(read(text), "protest")
    assert (protest.sources, protest.places) == (["people"], ["Germany"])
    visit = _one(read("Officials from Kenya visited Washington officials."), "visit")
    assert "Kenya" not in visit.places


def test_the_one_charged_with_a_deed_did_it_before(extractor: Extractor) -> None:
    """ "convicted in 1991 of helping to defraud investors": the convicted is the deed's doer,
    and the deed came before the conviction, at no date the clause gives."""
    text = "In 1991 Charles Keating was convicted in state court of helping to defraud investors."
    fraud = _trigger(_events(extractor, text), "defraud")
    assert (fraud.type, fraud.sources, fraud.targets) == (
        "CRIME",
        ["Charles Keating"],
        ["investors"],
    )
    assert (_value(fraud), fraud.date_source) == (None, "unknown")


def test_a_toll_is_where_its_attack_was(read: Read) -> None:
    """ "Bombings at U.S. embassies in Nairobi and Dar es Salaam killed 258": the places of the
    attack that is the subject are the killing's; "U.S. embassies" says whose, not where."""
    text = "Bombings at U.S. embassies in Nairobi and Dar es Salaam killed 258 people on Friday."
    killed = _one(read(text), "kill")
    assert killed.places == ["Nairobi", "Dar es Salaam"]
    assert killed.targets == ["people"]


def test_a_where_clause_happens_at_its_place(read: Read) -> None:
    text = "He worked in Oklahoma City, where 168 people were killed in a bombing in 1995."
    assert _one(read(text), "kill").places == ["Oklahoma City"]


def test_states_and_evaluations_are_no_happenings(read: Read) -> None:
    """A participle of a standing relation ("funded by Saudi Arabia"), an evaluated infinitive
    ("it was unfair to penalize") and a thing's help ("tax rates helped") are no acts."""
    for text in (
        "The Islamic Saudi Academy, funded by the government of Saudi Arabia, can move.",
        "Supporters said it was unfair to penalize the children.",
        "Lower Dutch corporate tax rates helped the company keep its tax outlay flat.",
    ):
        assert read(text) == [], text
    assert _one(read("Japan helped flood victims on Monday."), "help").type == "AID"


def test_ending_a_gathering_is_the_gathering_sending_planes_mobilises(read: Read) -> None:
    """ "ended a two-day visit": the visit, its doer the subject; ending a war or a strike is
    no war or strike. "sent more planes to the Gulf": forces moved."""
    visit = _one(read("Rudolf Scharping ended a two-day visit to Poland on Saturday."), "end")
    assert (visit.type, visit.sources, visit.targets) == (
        "CONSULT",
        ["Rudolf Scharping"],
        ["Poland"],
    )
    assert all(e.type != "ASSAULT" for e in read("Israel ended the war in Gaza on Monday."))
    sent = _one(read("The Pentagon sent more planes to the Gulf on Friday."), "send")
    assert (sent.type, sent.sources) == ("MOBILIZE", ["Pentagon"])


def test_police_who_tell_of_an_arrest_made_it(read: Read) -> None:
    """ "Another man has been arrested ..., police said": an agentless arrest the police report
    is theirs; "a man" is one civilian, "the man" someone the reader resolves."""
    text = "Another man has been arrested in connection with the bombings, police said today."
    arrest = _one(read(text), "arrest")
    assert (arrest.sources, arrest.targets) == (["police"], ["man"])
    told = _one(read("Six people were detained on Monday, a lawyer said."), "detain")
    assert told.sources == []


def test_a_relative_after_an_attacks_object_tells_the_attack(extractor: Extractor) -> None:
    """ "the January 1998 bombing of a Birmingham, Ala., abortion clinic that killed an
    officer": the bombing killed, at its date; the clinic stood in Birmingham and did
    nothing."""
    text = (
        "Rudolph has been on the run since the January 1998 bombing of a Birmingham, Ala., "
        "abortion clinic that killed an off-duty police officer."
    )
    events = _events(extractor, text)
    killed = _one(events, "kill")
    assert (killed.sources, _value(killed)) == ([], "1998-01")
    assert _one(events, "bombing").places == ["Birmingham"]


def test_seeming_labelling_and_foreigners(read: Read) -> None:
    assert read("Justices seemed to agree that the law was unfair.") == []
    assert read("Cooper called the program part of a plan.") == []
    assert _one(read("Trump called Macron on Friday."), "call").type == "CONSULT"
    arrest = _one(read("Tanzanian police arrested 14 foreigners on Monday."), "arrest")
    assert arrest.targets == ["foreigners"]


def test_police_abroad_act_at_home_whatever_the_dateline(read: Read) -> None:
    text = (
        "WASHINGTON (AP) -- Albright thanked Kenya and Tanzania on Tuesday. Tanzanian police "
        "arrested 14 foreigners on Tuesday."
    )
    assert _one(read(text), "arrest").places == ["Tanzania"]


def test_the_other_party_of_a_deal_a_loan_or_a_warrant(extractor: Extractor) -> None:
    """ "agreed to be acquired by Star States Corp.", "lent to Meridian National Corp.",
    "issued a warrant for Kopp": the other party is the target, also where the parser took the
    period of a "Corp." ending the sentence for the sentence's end."""
    text = (
        "Diversified Investment Group Inc. said it agreed to be acquired by Star States Corp. "
        "The McAlpine family also lent to Meridian National Corp. on Friday. Authorities "
        "issued a material witness warrant for Kopp on Friday."
    )
    events = _events(extractor, text)
    assert _trigger(events, "agree").targets == ["Star States Corp."]
    assert _trigger(events, "lend").targets == ["Meridian National Corp."]
    assert _trigger(events, "issue").targets == ["Kopp"]


def test_whom_one_hires_to_act_has_not_acted(read: Read) -> None:
    text = "Crossland Savings retained investment bankers to assist it in selling assets."
    assert read(text) == []
    assert {
        e.trigger for e in read("Israel struck Gaza on Friday, prompting Hamas to condemn it.")
    } == {
        "strike",
        "condemn",
    }


def test_stances_and_what_something_is_are_states(read: Read) -> None:
    """Favouring a law is a stance unless dated; "is a partnership of" says what something
    is; "the loan may be extended" is the loan's modal."""
    for text in (
        "The Justice Department, which supported the statute, filed no brief.",
        "DD Acquisition is a partnership of Unicorp Canada and Cara Operations Ltd.",
        "The loan to Meridian by McAlpine may be extended.",
    ):
        assert [e for e in read(text) if e.type in {"SUPPORT", "COOPERATE", "AID"}] == [], text
    assert _one(read("The U.S. backed the resolution on Friday."), "back").type == "SUPPORT"


def test_a_weapons_owner_used_it_and_a_toll_shares_its_attacks_place(
    extractor: Extractor,
) -> None:
    killed = _trigger(
        _events(extractor, "Dr. Barnett Slepian was killed in his kitchen by a sniper's bullet."),
        "kill",
    )
    assert killed.sources == ["sniper"]
    text = (
        "Rudolph has been on the run since the January 1998 bombing of a Birmingham, Ala., "
        "abortion clinic that killed an off-duty police officer."
    )
    assert _trigger(_events(extractor, text), "kill").places == ["Birmingham"]


def test_saying_a_named_party_must_act_demands_it(read: Read) -> None:
    """ "said the United States must hold off": a demand of the United States; not a belief,
    a state or what should be done to a thing."""
    for text, target in (
        (
            "Primakov said the United States must hold off until Annan visits Baghdad.",
            "United States",
        ),
        ("Clinton warned that Iraq must comply with the resolutions.", "Iraq"),
        # the one named as warned or told, by the pronoun that refers to it
        ("Donald Trump warned Hamas on Saturday that it must disarm.", "Hamas"),
    ):
        demand = _one(read(text), "say" if "said" in text else "warn")
        assert (demand.type, demand.targets) == ("DEMAND", [target]), text
    for text in (
        "The nun said she thought Elian should stay in the United States.",
        "Gonzalez said a child should be with his parents.",
        "Nadeau said the sale of the businesses should be completed soon.",
        "She told reporters on Friday that they should wait.",  # the press is no addressee
    ):
        assert [e for e in read(text) if e.type == "DEMAND"] == [], text


def test_warning_someone_of_force_threatens_them(read: Read) -> None:
    """ "warned Saddam of punishing air strikes": a threat; "warned residents of landslides"
    and "warned of a deep rift" voice a concern."""
    threat = _one(
        read("Senior US officials warned Saddam of punishing air strikes on Friday."), "warn"
    )
    assert (threat.type, threat.targets) == ("THREATEN", ["Saddam"])
    assert read("Officials warned residents of landslides on Friday.") == []
    assert read("The EU warned of a deep rift on Friday.") == []


def test_the_deed_one_is_arrested_in_is_earlier(extractor: Extractor) -> None:
    """ "arrested Kopp on Thursday in the slaying of a doctor": the slaying was before the
    arrest, not on Thursday; "killed on Monday in the attack": the occasion is that day."""
    events = _events(extractor, "Police arrested Kopp on Thursday in the slaying of a doctor.")
    assert _value(_trigger(events, "slaying")) is None
    assert _value(_trigger(events, "arrest")) == "2025-12-18"


def test_an_agentless_arrest_after_one_has_its_doers(read: Read) -> None:
    """ "Tanzania expelled five Iraqis ... Five Iraqis also were deported": the same hands;
    attacks told one after another keep their own."""
    text = (
        "Tanzania expelled five Iraqis and a Libyan on Friday. Five Iraqis also were deported "
        "on Friday."
    )
    assert _one(read(text), "deport").sources == ["Tanzania"]
    text = "A sniper killed a doctor on Friday. A bombing killed two guards on Friday."
    assert all(e.sources == [] for e in read(text) if e.targets == ["guards"])


def test_a_plural_relative_clause_on_a_coordination(read: Read) -> None:
    text = "Tanzania expelled five Iraqis and a Libyan who were questioned by the FBI on Friday."
    assert _one(read(text), "question").targets == ["Iraqis", "Libyan"]


def test_people_a_local_story_names_and_what_is_for_them(read: Read) -> None:
    """Tenants are civilian actors; "a tax increase for tenants" is done for them, not to them,
    where "a warrant for Kopp" is aimed at him."""
    evicted = _one(read("Police evicted tenants from the building on Friday."), "evict")
    assert evicted.targets == ["tenants"]
    approved = _one(read("Voters approved a tax increase for tenants on Friday."), "approve")
    assert approved.targets == []


def test_saying_a_party_breaks_the_law_condemns_it(read: Read) -> None:
    text = "Iraq responded on Friday that Washington would break international law."
    accused = _one(read(text), "respond")
    assert (accused.type, accused.sources, accused.targets) == (
        "DISAPPROVE",
        ["Iraq"],
        ["United States"],  # a capital stands for its state
    )
    assert read("He said on Friday that the deal would break records.") == []


def test_he_in_a_clause_set_before_the_main_one_is_its_subject(read: Read) -> None:
    text = (
        "Keir Starmer spoke. Donald Trump threatened tariffs. As he did earlier in the week"
        " when denouncing Trump's tariffs threat, Starmer doubled down."
    )
    assert _one(read(text), "denounce").sources == ["Keir Starmer"]


def test_he_under_a_clause_whose_subject_is_he_is_that_he(read: Read) -> None:
    """A subject "he" below a clause whose subject is "he" names whom that one names, not the
    nearest man before it: a possessor of the object, or the antecedent of "whom"."""
    text = (
        "President Donald Trump spoke on Friday. He mocked Macron's sunglasses before "
        "recounting how he said he forced France's leader to cut prices. He contrasted his "
        "record with former President Joe Biden, whom he repeatedly derided as a failure."
    )
    events = read(text)
    assert _one(events, "force").sources == ["Donald Trump"]
    derided = _one(events, "deride")
    assert (derided.sources, derided.targets) == (["Donald Trump"], ["Joe Biden"])


def test_the_president_is_the_holder_of_the_office_named_before(read: Read) -> None:
    text = (
        "President Donald Trump met Russian President Vladimir Putin on Friday. Later the U.S."
        " President dismissed the idea. The Russian President criticized Denmark on Friday."
    )
    events = read(text)
    assert _one(events, "dismiss").sources == ["Donald Trump"]
    assert _one(events, "criticize").sources == ["Vladimir Putin"]
    # An apposition names the holder itself.
    text = (
        "Tony Blair spoke on Friday. The U.K. Prime Minister, Keir Starmer, was asked by"
        " Trump to serve on the board."
    )
    assert _one(read(text), "ask").targets == ["Keir Starmer"]


def test_a_venue_before_a_meeting_is_no_participant(read: Read) -> None:
    text = (
        "Maria Machado spoke on Friday. Her comments came as talks resumed. Coinciding with her"
        " White House visit, officials traveled to Caracas."
    )
    assert _one(read(text), "visit").sources == ["Maria Machado"]


def test_what_one_is_told_to_do_has_not_happened(read: Read) -> None:
    text = "Starmer stopped short of telling President Trump to apologize on Friday."
    assert [e.trigger for e in read(text)] == []


def test_an_act_during_an_occasion_is_at_its_town_and_time(read: Read) -> None:
    text = "Iran condemned the United States at the Geneva talks on Friday."
    assert _one(read(text), "condemn").places == ["Geneva"]
    # a country before the occasion is its topic, not where it was
    text = "He condemned the United States at the Iran talks on Friday."
    assert _one(read(text), "condemn").places == []
    text = "Police killed two protesters in the protests that gripped Iran on Friday."
    killed = _one(read(text), "kill")
    assert (_value(killed), killed.date_source) == ("2025-12-19", "explicit")


def test_a_past_tense_joined_to_an_infinitive_is_the_finite_clauses(read: Read) -> None:
    # The parser joins "called" to "comply"; Hamas is whom Witkoff called on, not the caller.
    text = (
        "Steve Witkoff also emphasized that the U.S. expects Hamas to comply fully with its"
        " obligations and called for the group to release the body of Ran Gvili on Friday."
    )
    called = _one(read(text), "call")
    assert (called.sources, called.targets) == (["Steve Witkoff"], ["Hamas"])


def test_powers_are_states_by_their_weight(read: Read) -> None:
    text = (
        "Mark Carney also urged middle powers to stand up for themselves, accusing"
        " “great powers” of using economic pressure to yield results."
    )
    events = read(text)
    assert _one(events, "urge").targets == ["middle powers"]
    accused = _one(events, "accuse")
    # the one who urged accused, though the parser hangs "accusing" on "stand up"
    assert (accused.sources, accused.targets) == (["Mark Carney"], ["great powers"])
    # "power" in the singular is no actor
    assert _one(read("Russia seized power on Friday."), "seize").targets == []


def test_a_relative_clause_hung_on_the_verb_says_of_the_noun_before(read: Read) -> None:
    # The parser hangs "that blamed" on "reacted"; the remarks blamed, so their author did.
    text = (
        "Ali Khamenei spoke. But in that same interview, Donald Trump reacted with anger over"
        " Khamenei’s remarks that blamed Trump for the high death toll in Iran on Friday."
    )
    blamed = _one(read(text), "blame")
    assert (blamed.sources, blamed.targets) == (["Ali Khamenei"], ["Donald Trump"])


def test_where_a_passive_acts_doers_come_from_is_not_where_it_was(read: Read) -> None:
    text = "The talks were requested by officials from Greenland on Friday."
    assert _one(read(text), "request").places == []


def test_acts_come_close_to_wanted_of_others_or_open_to_are_not_done(read: Read) -> None:
    for text in (
        "Donald Trump came close to authorizing military strikes against Iran on Friday.",
        "Greenland was open to strengthening cooperation with the United States on Friday.",
        "Donald Trump wants the government of Venezuela to agree to elections on Friday.",
    ):
        assert read(text) == [], text


def test_a_long_standing_relation_is_a_state(read: Read) -> None:
    text = "Mark Carney celebrated the long-standing partnership between the U.S. and Canada."
    assert [e.trigger for e in read(text)] == []


def test_them_names_people_before_a_state(read: Read) -> None:
    text = (
        "Marc Benioff thanked employees for traveling to the United States for the meeting on"
        " Friday, and asked them to stand."
    )
    assert _one(read(text), "ask").targets == ["employees"]


def test_a_greeting_is_no_event(read: Read) -> None:
    events = read("Welcome to Reuters! Iran welcomes the deal.")
    assert [(e.trigger, e.sources) for e in events] == [("welcome", ["Iran"])]


def test_acts_speculated_about_required_or_survived_ahead_have_not_happened(read: Read) -> None:
    for text in (
        "The regime will survive limited military strikes by the United States.",
        "Analysts have speculated about a coup by the Revolutionary Guard on Friday.",
        "That will require negotiations with the Trump Administration.",
    ):
        assert read(text) == [], text


def test_an_arrangement_acted_under_is_no_happening(read: Read) -> None:
    text = "Under the NFL collective bargaining agreement, each player will receive $178,000."
    assert read(text) == []
    # "already under investigation" is a state too (TimeML's gold: STATE)
    text = "Eight killings were already under investigation by the Newark Police Department."
    assert read(text) == []


def test_a_participle_joined_to_an_infinitive_is_the_participles_above(read: Read) -> None:
    text = (
        "Beijing has responded with attempts to isolate Japan, telling Chinese tourists to"
        " “avoid traveling” there in the near future and reimposing a ban on Japanese seafood"
        " imports."
    )
    banned = _one(read(text), "reimpose")
    assert (banned.sources, banned.targets) == (["China"], ["Japan"])


def test_a_passage_told_among_older_dates_is_not_the_news_day(read: Read) -> None:
    text = (
        "Police arrested a man on Friday.\n\nThe case recalls others.\n\n"
        "In 1960, Adolph Coors III was kidnapped near Denver. Police arrested Joseph Corbett."
    )

    def friday_and_1960(text: str) -> list[TimeExpression]:
        start = text.find("1960")
        year = TimeExpression(
            text="1960",
            start=start,
            end=start + 4,
            sentence=2,
            type="DATE",
            value="1960",
            start_date=dt.date(1960, 1, 1),
            end_date=dt.date(1960, 12, 31),
            anchored=True,
        )
        return [*_friday(text), year]

    arrests = [e for e in read(text, friday_and_1960) if e.trigger == "arrest"]
    assert [(e.targets, e.date_source) for e in arrests] == [
        (["man"], "explicit"),
        (["Joseph Corbett"], "unknown"),
    ]
    # A noun's date ("last year's strikes") and a span up to now ("over the past year") set
    # no passage back then.
    for told in ("Rioters praised last year's strikes.", "Rioters gathered over the past year."):
        text = f"Police arrested a man on Friday.\n\nThe case recalls others.\n\n{told} "
        text += "Police arrested Joseph Corbett."
        phrase = "last year" if "last year" in told else "the past year"

        def friday_and_last_year(text: str, phrase: str = phrase) -> list[TimeExpression]:
            start = text.find(phrase)
            year = TimeExpression(
                text=phrase,
                start=start,
                end=start + len(phrase),
                sentence=2,
                type="DATE",
                value="2024",
                start_date=dt.date(2024, 1, 1),
                end_date=dt.date(2024, 12, 31),
                anchored=True,
            )
            return [*_friday(text), year]

        arrests = [e for e in read(text, friday_and_last_year) if e.trigger == "arrest"]
        assert [(e.targets, e.date_source) for e in arrests][1] == (["Joseph Corbett"], "context")


def test_acts_over_a_span_up_to_now_have_no_one_day(extractor: Extractor) -> None:
    """ "Over the past four years, officials have blamed 145 acts on Russia", "In recent
    weeks, Denmark has sent troops, joined by Germany": many acts or a long one, not the
    day's news; the next sentence's act of Friday keeps its day."""
    text = (
        "Over the past four years, European officials have blamed 145 acts on Russia.\n\n"
        "In recent weeks, Denmark has sent troops to Greenland, joined by Germany.\n\n"
        "Police arrested two men on Friday."
    )
    found = _events(extractor, text)
    assert [(e.trigger, e.date_source) for e in found] == [
        ("blame", "unknown"),
        ("send", "unknown"),
        ("join", "unknown"),
        ("arrest", "explicit"),
    ]


def test_a_present_progressive_is_the_news_of_now(read: Read) -> None:
    text = "Russia attacked Kyiv on Friday.\n\nWestinghouse is negotiating with Russia."
    talks = _one(read(text), "negotiate")
    assert (_value(talks), talks.date_source) == ("2025-12-20", "publication")


def test_festivities_hosted_and_marched_in_are_no_gathering_or_protest(read: Read) -> None:
    assert read("Australia will host the Games in 2032. She summoned her courage.") == []
    text = "The Italian delegation marched in the parade at the opening ceremony on Friday."
    assert read(text) == []
    text = "More than 2,000 protesters rallied in Portadown against the parades on Friday."
    assert _one(read(text), "rally").type == "PROTEST"


def test_saying_ones_own_country_must_act_is_a_policy(read: Read) -> None:
    text = (
        "British Prime Minister Keir Starmer said on Friday that Britain must increase defence"
        " spending. Keir Starmer said on Friday that Russia must withdraw."
    )
    assert [(e.trigger, e.targets) for e in read(text)] == [("say", ["Russia"])]


def test_an_armed_sides_adjective_names_the_attackers(read: Read) -> None:
    assert _one(read("A rebel attack killed five soldiers on Friday."), "kill").sources == [
        "rebels"
    ]
    text = "Israel said it was responding to a militant attack on its soldiers on Friday."
    assert _one(read(text), "attack").sources == ["militants"]


def test_a_hostile_act_the_subject_faces_is_done_to_it(read: Read) -> None:
    text = "Congressman Randy Fine has faced condemnation from Democrats on Friday."
    condemned = _one(read(text), "condemnation")
    assert (condemned.sources, condemned.targets) == (["Democrats"], ["Randy Fine"])
    # An attack survived happened, to the survivor, where the clause says.
    text = "Hugh Short survived the attack at his home in Ancaster, Ontario, on Friday."
    attack = _one(read(text), "attack")
    assert (attack.sources, attack.targets, attack.places) == ([], ["Hugh Short"], ["Ancaster"])
    # ... by the attackers its noun names.
    text = "President Volodymyr Zelensky survived a Russian attack on Ukraine on Friday."
    attack = _one(read(text), "attack")
    assert (attack.sources, attack.targets) == (["Russia"], ["Volodymyr Zelensky"])


def test_a_named_person_in_apposition_to_one_of_a_group_is_the_doer(read: Read) -> None:
    text = (
        "Prince Andrew was accused of sexual abuse himself by one of Epstein’s victims, the late"
        " Virginia Giuffre."
    )
    assert _one(read(text), "accuse").sources == ["Virginia Giuffre"]


def test_what_happens_each_time_is_no_event(read: Read) -> None:
    text = (
        "When a government kills thousands of its own people, it crosses a threshold. When a"
        " U.S. president makes threats and fails to follow through, adversaries adjust. When"
        " Israeli troops attacked the camp on Friday, residents fled."
    )
    assert [e.trigger for e in read(text)] == ["attack"]


def test_a_gerund_heading_names_a_topic(read: Read) -> None:
    text = "Defending Greenland by force\n\nIsrael deploys police around Al-Aqsa"
    assert [e.trigger for e in read(text)] == ["deploy"]


def test_what_a_document_said_is_its_authors_act_when_issued(extractor: Extractor) -> None:
    text = (
        "The party leaders released a joint statement on Tuesday in which they rejected Trump’s"
        " remarks.\n\nThe ministry issued a statement on Tuesday that condemned Israel.\n\nThe"
        " junta enacted a law in 2024 that penalizes calling for a boycott."
    )
    events = extractor.extract_one(text, PUBLISHED).events
    assert [(e.trigger, _value(e), e.date_source) for e in events] == [
        ("reject", "2025-12-16", "context"),
        ("condemn", "2025-12-16", "context"),
    ]
    assert events[1].sources == ["ministry"]  # no body named before: the ministry itself


def test_one_of_the_group_who_acted_acted(read: Read) -> None:
    text = (
        "Italian Prime Minister Giorgia Meloni was among the European leaders who signed the"
        " statement on Friday. Protesters were among those who attacked police on Friday."
    )
    events = read(text)
    assert _one(events, "sign").sources == ["Giorgia Meloni", "European leaders"]
    assert _one(events, "attack").sources == ["protesters"]


def test_the_press_is_no_party_and_a_question_no_demand(read: Read) -> None:
    text = (
        "Speaking to reporters in Beijing on Friday, Mark Carney backed Denmark. A reporter asked"
        " Meloni about Trump’s policies on Friday. Putin spoke with Trump on Friday."
    )
    assert [e.trigger for e in read(text)] == ["back", "speak"]


def test_standing_ties_and_displays_are_no_happenings(read: Read) -> None:
    text = (
        "Denmark already has treaties with the United States. Putin had talks with Xi on Friday."
        " The demonstrations of Denmark’s goodwill impressed Trump on Friday. Demonstrations of"
        " students filled Dhaka on Friday."
    )
    assert [e.trigger for e in read(text)] == ["have", "demonstration"]


def test_a_person_the_parser_left_beside_a_description_is_the_doer(read: Read) -> None:
    text = (
        "Adolph Coors was abducted by an escaped murderer, Joseph Corbett, looking for money. A"
        " German immigrant named Bruno Hauptmann was convicted on Friday. On Friday morning,"
        " Starmer’s director, Tim Allan, stepped down."
    )
    events = read(text)
    assert _one(events, "abduct").sources == ["Joseph Corbett"]
    assert _one(events, "convict").targets == ["Bruno Hauptmann"]
    assert _one(events, "step").targets == []


def test_acts_said_again_or_aired_are_typed_by_their_noun(read: Read) -> None:
    text = (
        "President Donald Trump aired grievances against Jerome Powell on Friday. Trump"
        " reiterated his demand for Greenland on Friday. Steve Witkoff outlined demands on"
        " Friday. The regime imposed an internet blackout on Friday. Giuliani was disbarred on"
        " Friday. He repeated the question on Friday."
    )
    assert [(e.trigger, e.type) for e in read(text)] == [
        ("air", "DISAPPROVE"),
        ("reiterate", "DEMAND"),
        ("outline", "DEMAND"),
        ("impose", "COERCE"),
        ("disbar", "SANCTION"),
    ]
    assert _one(read(text), "air").targets == ["Jerome Powell"]


def test_backing_a_bodys_push_backs_the_body(read: Read) -> None:
    text = (
        "Jean-Noel Barrot backed the European Parliament's push to suspend the deal on Friday."
        " Dennise Laboy said Marjorie Velazquez's push to approve the rezoning incensed her."
        " On Friday, Trump succeeded in getting NATO leaders to agree to raise spending."
    )
    events = read(text)
    assert [(e.trigger, e.targets) for e in events] == [
        ("back", ["European Parliament"]),
        ("agree", []),  # got them to agree: they did
    ]


def test_a_stance_on_a_thing_reaches_its_owner(read: Read) -> None:
    text = (
        "Pedro Sánchez defended Greenland's sovereignty on Friday. Emmanuel Macron criticized"
        " Denmark's handling of the crisis on Friday. Russia released Navalny's body to his"
        " mother on Friday. The United States imposed tariffs on Friday in the wake of India"
        " imposing tariffs on Canada."
    )
    events = read(text)
    assert _one(events, "defend").targets == ["Greenland"]
    assert _one(events, "criticize").targets == ["Denmark"]
    assert _one(events, "release").targets == []  # a body is no stance's object
    # a gerund under a preposition makes no event, but says whose its noun's act is
    assert [e.sources for e in events if e.trigger == "tariff"] == [["India"]]


def test_what_holds_the_first_conjunct_holds_the_next(read: Read) -> None:
    text = (
        "European officials have failed to apologise or withdraw their calls on Friday. Iran"
        " wants to attack and destroy Israel. Putin agreed to meet and talk with Trump on"
        " Friday."
    )
    assert [e.trigger for e in read(text)] == ["agree", "talk"]


def test_a_fall_feared_or_failed_acts_are_no_events(read: Read) -> None:
    text = (
        "Respondents think the U.S. will decline in global influence. Exports declined on"
        " Friday. Iran declined the offer on Friday. The groups expressed concern over police"
        " raids on Friday. The American assistance that had been promised did not arrive."
    )
    # the promise was made; the assistance promised never came
    assert [(e.trigger, e.type) for e in read(text)] == [
        ("decline", "REJECT"),
        ("promise", "AGREE"),
    ]


def test_another_doers_joined_act_keeps_its_date(extractor: Extractor) -> None:
    text = (
        "Dominion sued Giuliani for defamation, and Giuliani reached a confidential settlement"
        " in March 2024.\n\nSix people were killed and 58 injured in a car bomb attack in"
        " March 2024."
    )
    assert _dated(extractor, text, "sue") != ("2024-03", "context")  # the settlement's month
    assert _dated(extractor, text, "reach") == ("2024-03", "explicit")
    assert _dated(extractor, text, "kill") == ("2024-03", "context")


def test_a_description_with_a_named_person_beside_it_is_that_person(read: Read) -> None:
    text = (
        "The Danish foreign minister, Lars Løkke Rasmussen, met J.D. Vance on Friday. Denmark"
        " reinforced its ties with Japan on Friday. NATO reinforced its eastern flank on Friday."
    )
    events = read(text)
    assert _one(events, "meet").sources == ["Lars Løkke Rasmussen"]
    assert [e.sources for e in events if e.trigger == "reinforce"] == [["NATO"]]


def test_signing_a_document_told_before_has_its_date(extractor: Extractor) -> None:
    text = (
        "In March 2024, Macron joined six other European leaders in signing a joint statement"
        " that said Greenland belongs to its people.\n\nPrime Minister Keir Starmer, who was"
        " among the seven European leaders to sign onto the joint statement, has also"
        " reaffirmed Greenland's sovereignty. Trump rejected the statement."
    )
    assert _dated(extractor, text, "sign") == ("2024-03", "context")
    assert _dated(extractor, text, "reject") != ("2024-03", "context")  # a later act on it


def test_a_warning_of_a_reprisal_to_come_is_a_threat(read: Read) -> None:
    text = (
        "Ursula von der Leyen warned on Friday that the EU response will be unflinching. Mette"
        " Frederiksen warned on Friday that a U.S. invasion would be the end of NATO."
    )
    threat = _one(read(text), "warn")
    assert (threat.type, threat.sources, threat.targets) == (
        "THREATEN",
        ["Ursula von der Leyen"],
        [],  # the response is the EU's own
    )


def test_the_first_sentence_after_a_colon_dateline_is_read(extractor: Extractor) -> None:
    # Parsed with its dateline, the sentence's verb hung on "KHARTOUM" and no event was read.
    text = "KHARTOUM: A drone attack on a crowded market in central Sudan killed 28 people."
    killed = _trigger(_events(extractor, text), "kill")
    assert (killed.type, killed.targets, killed.places) == ("ASSAULT", ["people"], ["Sudan"])


def test_an_attack_subjects_target_places_its_toll(extractor: Extractor) -> None:
    killed = _trigger(
        _events(extractor, "An attack on a market in Kabul killed 28 people."), "kill"
    )
    assert killed.places == ["Kabul"]
    # a report on a place is no act there
    text = "A report on banks in Kabul criticised 28 officials."
    assert all(e.places == [] for e in _events(extractor, text))


def test_a_dateline_places_no_word_of_foreign_doers_to_others(extractor: Extractor) -> None:
    text = (
        "JAKARTA: Indonesia praised Egypt on Monday, officials said. "
        "Italy offered to train a Gaza police force, Tajani said. "
        "Italy also praised Indonesia on Monday."
    )
    events = _events(extractor, text)
    assert _trigger(events, "offer").places == []  # said in Rome, reported from Jakarta
    praised = [e for e in events if e.trigger == "praise"]
    assert [(e.sources, e.places) for e in praised] == [
        (["Indonesia"], ["Jakarta"]),
        (["Italy"], ["Jakarta"]),  # done to Indonesia: there
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Erdogan announced on Monday a postponement of his visit to Abu Dhabi.",
        "Bezos killed a planned endorsement of Kamala Harris in 2024.",  # no one died
        "Jean-Luc Brunel, who killed himself in jail, ran a model agency.",  # no one attacked
        "Police said the suspects planned it for months, releasing pictures of them on Monday.",
        "He pulled a similar trick in Paris on Monday.",
        "Federal agents had a warrant on Monday.",  # held, not issued
        "The fund has met all the redemptions on Monday.",  # no meeting
        "American Medical canceled real estate leases on Monday.",  # no visit called off
        "But Bezos is largely to blame for the paper's woes, said Alex Kirshner.",  # a judgement
        "He reaffirmed Pakistan's commitment to a stronger partnership with Austria.",
        "The West fears the programme is aimed at making a bomb, which Tehran denies.",
        "“His post is exactly to the point, and I totally agree with that,” Rutte said.",
        "Netanyahu reaffirmed his preference for a diplomatic deal with Iran.",  # wanted
        "On Thursday, Trump signed an executive order on AI.",  # a decree, no agreement
    ],
)
def test_what_was_called_off_or_done_to_oneself_or_to_things_is_no_event(
    extractor: Extractor, text: str
) -> None:
    assert [(e.trigger, e.type) for e in _events(extractor, text)] == []


def test_an_attack_told_beside_its_postponed_sequel_stays(extractor: Extractor) -> None:
    text = "Two people were killed in an attack on Monday. Russia pulled its troops back."
    assert [e.type for e in _events(extractor, text)] == ["ASSAULT", "RETREAT"]


def test_a_domestic_storys_acts_happen_in_its_country(extractor: Extractor) -> None:
    text = (
        "Abilene, Texas, is booming. Houston and Austin watch, as all of Texas does.\n\n"
        "Abilene's City Council agreed to tax breaks in 2025. The mayor praised the council "
        "on Monday, while Chinese officials criticised the plan on Monday."
    )
    events = _events(extractor, text)
    assert _trigger(events, "agree").places == ["Texas"]
    # a person of no known country may be a foreigner; another country's actors are
    assert _trigger(events, "praise").places == []
    assert _trigger(events, "criticise").places == []


def test_an_attack_under_a_dateline_is_in_its_country_not_its_city(extractor: Extractor) -> None:
    text = (
        "KHARTOUM: The war in Sudan goes on, a rights group said on Friday. "
        "On Friday, two children were killed in one strike on a school."
    )
    assert _trigger(_events(extractor, text), "kill").places == ["Sudan"]
    # without the country named, the dateline's city stands
    text = "KHARTOUM: On Friday, two children were killed in one strike on a school."
    assert _trigger(_events(extractor, text), "kill").places == ["Khartoum"]


def test_what_a_previous_one_did_and_its_when_clause_are_background(extractor: Extractor) -> None:
    text = (
        "Iran's foreign minister arrived in Geneva on Monday for talks.\n\n"
        "A previous attempt at negotiations collapsed when Israel launched strikes on Iran."
    )
    launched = _trigger(_events(extractor, text), "launch")
    assert (launched.date, launched.date_source) == (None, "unknown")


def test_a_stranded_past_tense_under_a_verbless_root_is_read(extractor: Extractor) -> None:
    text = (
        "Lawmaker Jairam Ramesh from the opposition Congress party called the tribunal’s "
        "approval “deeply disappointing”."
    )
    called = _trigger(_events(extractor, text), "call")
    assert (called.type, called.sources) == ("DISAPPROVE", ["Jairam Ramesh"])


def test_the_pair_are_the_two_who_last_acted_together(extractor: Extractor) -> None:
    text = (
        "Naveed Akram and his father, Sajid, allegedly attacked a Hanukkah celebration in "
        "December. The pair also recorded a video in October railing against Zionists."
    )
    railing = _trigger(_events(extractor, text), "rail")
    assert railing.sources == ["Naveed Akram", "Sajid"]


def test_a_light_verb_carries_the_event_of_a_round_of_them(extractor: Extractor) -> None:
    text = "Iran and the US held a second round of talks in Geneva on Monday."
    held = _trigger(_events(extractor, text), "hold")
    assert (held.type, held.sources, held.places) == (
        "CONSULT",
        ["Iran", "United States"],
        ["Geneva"],
    )
    assert held.date is not None
    assert held.date.value == "2025-12-15"
    assert [e.trigger for e in _events(extractor, text)] == ["hold"]  # one event, not two


def test_what_is_discussed_is_no_party_to_the_talk(extractor: Extractor) -> None:
    text = "Officials met on Monday. Marco Rubio discussed Greenland with Rasmussen on Monday."
    discussed = _trigger(_events(extractor, text), "discuss")
    assert (discussed.sources, discussed.targets) == (["Marco Rubio"], ["Rasmussen"])
    # an agreement is still made: "agree to", "agree on"
    text = "Iran and the US agree to hold talks, officials said on Monday."
    assert [e.type for e in _events(extractor, text)] == ["AGREE"]


def test_signing_an_agreement_with_someone_is_still_one(extractor: Extractor) -> None:
    text = "The U.S. and Denmark signed an agreement on Monday granting the U.S. bases."
    signed = _trigger(_events(extractor, text), "sign")
    assert (signed.type, signed.sources) == ("AGREE", ["United States", "Denmark"])


def test_the_one_urged_is_the_target_not_what_it_is_urged_to_act_on(extractor: Extractor) -> None:
    text = "Gov. Jeb Bush also asked President Clinton to reverse the INS order on Monday."
    asked = _trigger(_events(extractor, text), "ask")
    assert (asked.sources, asked.targets) == (["Jeb Bush"], ["Clinton"])
    # with no one addressed, what the act is to be done to is still its target
    text = "Russia threatened on Monday to attack Ukraine."
    assert _trigger(_events(extractor, text), "threaten").targets == ["Ukraine"]


def test_the_members_of_a_coalition_act_when_it_does(extractor: Extractor) -> None:
    text = (
        "In November, a coalition of 43 faith leaders sent a letter to Congress, urging "
        "lawmakers not to preempt state AI laws."
    )
    urging = _trigger(_events(extractor, text), "urge")
    assert (urging.sources, urging.targets) == (["faith leaders"], ["lawmakers"])


def test_a_past_perfect_told_by_a_past_report_is_at_the_reports_time(
    extractor: Extractor,
) -> None:
    text = "The message said on Monday that Erdogan had talked with Al Nahyan by phone."
    talked = _trigger(_events(extractor, text), "talk")
    assert talked.date is not None
    assert (talked.date.value, talked.date_source) == ("2025-12-15", "context")
    # an adverb or a time clause of its own puts it before the report
    for text, trigger in (
        ("The message said on Monday that Erdogan had already talked with Al Nahyan.", "talk"),
        ("She said on Monday that she had spoken to Al Nahyan before the war began.", "speak"),
    ):
        assert _trigger(_events(extractor, text), trigger).date is None


def test_chairing_a_meeting_is_holding_it(extractor: Extractor) -> None:
    text = (
        "Shehbaz Sharif and Christian Stocker met on Monday. The two leaders co-chaired a "
        "meeting of chief executives from Austrian companies."
    )
    chaired = _trigger(_events(extractor, text), "chair")
    assert (chaired.type, chaired.sources) == ("CONSULT", ["Shehbaz Sharif", "Christian Stocker"])
    assert [e.trigger for e in _events(extractor, text)].count("meeting") == 0


def test_the_meeting_told_again_is_the_one_told_before(extractor: Extractor) -> None:
    text = (
        "Shehbaz Sharif and Christian Stocker held a meeting in Vienna on Monday.\n\n"
        "Sharif later termed the meeting with Stocker warm and productive.\n\n"
        "He termed the meeting with Stocker “most warm and productive”."
    )
    again = [e for e in _events(extractor, text) if e.trigger == "meeting"][-1]
    assert again.date is not None
    assert (again.sources, again.targets, again.places) == (
        ["Shehbaz Sharif"],
        ["Christian Stocker"],
        ["Vienna"],
    )
    assert (again.date.value, again.date_source) == ("2025-12-15", "context")


def test_a_participle_after_a_noun_tells_what_befell_no_days_act(extractor: Extractor) -> None:
    text = (
        "Human rights groups are estimating the number of Iranian protesters killed as ranging "
        "from more than 2,600 people to more than 3,400 people."
    )
    killed = _trigger(_events(extractor, text), "kill")
    assert (killed.date, killed.date_source) == (None, "unknown")
    # the clause a gapped participle shares a verb with, and a headline, are the news
    text = "On Monday, two children were killed and a dozen wounded in one strike on a school."
    assert _trigger(_events(extractor, text), "strike").date is not None
    headline = _trigger(_events(extractor, "106 protesters killed in Iran crackdown"), "kill")
    assert headline.date_source == "publication"


def test_a_threat_told_again_is_made_to_the_same_and_its_act_says_whom(
    extractor: Extractor,
) -> None:
    text = (
        "On Saturday, Trump threatened tariffs on Denmark, Norway and Sweden over Greenland.\n\n"
        "Trump's threat is likely to prompt a reciprocal response from Europe."
    )
    again = _trigger(_events(extractor, text), "threat")
    assert (again.sources, again.targets) == (["Trump"], ["Denmark", "Norway", "Sweden"])
    # a threatened act names its target as the verb's does
    text = "Trump's threat to attack Iran alarmed Europe on Monday."
    assert _trigger(_events(extractor, text), "threat").targets == ["Iran"]
    # a visit told after a meeting is not that meeting
    text = (
        "Sharif co-chaired a meeting of chief executives in Vienna on Monday.\n\n"
        "Sharif stressed that his visit carries special significance."
    )
    assert _trigger(_events(extractor, text), "visit").targets == []
    # told first with no date, or named again with a date of the paragraph, or by the noun
    # the first telling carried ("threatened to impose tariffs ... the threat")
    text = (
        "Trump threatened to impose tariffs on Denmark and France. Stocks fell on Monday. "
        "Markets were rattled by Trump's threat, analysts said."
    )
    again = _trigger(_events(extractor, text), "threat")
    assert (again.sources, again.targets) == (["Trump"], ["Denmark", "France"])


def test_a_clash_of_people_and_bodies_is_of_words_and_a_homonym_no_actor(
    extractor: Extractor,
) -> None:
    text = (
        "Officials told TIME on Monday that talks had stalled. This isn’t the first time "
        "Trump has clashed with NATO or E.U. officials since returning to the White House."
    )
    clashed = _trigger(_events(extractor, text), "clash")
    assert (clashed.type, clashed.targets) == ("DISAPPROVE", ["NATO"])
    text = "Police clashed with protesters in Lagos on Monday."
    assert _trigger(_events(extractor, text), "clash").type == "ASSAULT"


def test_a_present_told_by_a_past_report_is_at_the_reports_time(extractor: Extractor) -> None:
    text = (
        "On Tuesday, France’s Foreign Minister Jean-Noel Barrot said France supports the "
        "European Parliament’s push to suspend the trade deal."
    )
    supports = _trigger(_events(extractor, text), "support")
    assert supports.date is not None
    assert (supports.date.value, supports.date_source) == ("2025-12-16", "context")


def test_a_news_outlet_reporting_is_not_what_it_names(extractor: Extractor) -> None:
    text = (
        "The European Union summoned ambassadors to an emergency meeting in Brussels on "
        "Sunday, and Reuters reported the bloc could suspend its work on a U.S. trade deal it "
        "struck in July."
    )
    struck = _trigger(_events(extractor, text), "strike")
    assert struck.sources == ["European Union"]


def test_verbs_joined_before_one_object_or_agent_share_it(extractor: Extractor) -> None:
    """ "shot and killed Ahmed Khan": whom the second verb names was shot too; "arrested and
    charged by police": the police arrested him. Not when the first verb has its own object
    ("attacked the car and killed Khan") or the second its own subject."""
    shot = _trigger(_events(extractor, "Police shot and killed Ahmed Khan on Monday."), "shoot")
    assert (shot.sources, shot.targets) == (["police"], ["Ahmed Khan"])
    arrested = _trigger(
        _events(extractor, "Ahmed Khan was arrested and charged by police on Monday."), "arrest"
    )
    assert (arrested.sources, arrested.targets) == (["police"], ["Ahmed Khan"])
    own = _events(extractor, "Soldiers attacked the convoy and killed Ahmed Khan on Monday.")
    assert _trigger(own, "attack").targets != ["Ahmed Khan"]
    text = "Soldiers attacked on Monday and police arrested Ahmed Khan."
    assert "Ahmed Khan" not in _trigger(_events(extractor, text), "attack").targets


def test_a_one_word_name_given_by_a_role_is_the_target_again(extractor: Extractor) -> None:
    text = (
        "Akram and his father, Sajid, allegedly attacked a Hanukkah celebration in December. "
        "Sajid was shot and killed by police during the attack."
    )
    killed = _trigger(_events(extractor, text), "kill")
    assert (killed.sources, killed.targets) == (["police"], ["Sajid"])


def test_a_state_body_of_no_country_acts_in_the_storys_country(extractor: Extractor) -> None:
    """In a story set in Bangladesh that names India too, "the interim government" (of no
    country the text gives) stepped down in Bangladesh; India's government is another
    country's, and its word is placed nowhere."""
    text = (
        "Bangladesh voted on Thursday in an election watched across Dhaka, Chittagong and "
        "Sylhet, with observers from India.\n\nThe interim government is stepping down on "
        "Monday, its spokesman said. The Indian government welcomed the vote on Monday."
    )
    found = _events(extractor, text)
    assert _trigger(found, "step").places == ["Bangladesh"]
    assert _trigger(found, "welcome").places == []


def test_an_act_of_no_named_doer_happens_in_the_storys_country(extractor: Extractor) -> None:
    """ "Akram has been charged with terrorism", in a story set in Australia that names
    Indonesia too: charged there, by no one the text names."""
    text = (
        "Australia mourned on Sunday after a shooting in Sydney, Melbourne and Bondi left 15 "
        "dead, with visitors from Indonesia among them.\n\nNaveed Akram has been charged with "
        "terrorism and murder."
    )
    found = _events(extractor, text)
    assert _trigger(found, "charge").places == ["Australia"]


def test_the_head_of_a_body_is_the_person_named_after_it(extractor: Extractor) -> None:
    """ "met with the head of the International Atomic Energy Agency, Rafael Grossi": the
    parser hangs the apposition on the agency; the one met is Grossi."""
    text = (
        "Iran's foreign minister met with the head of the International Atomic Energy Agency, "
        "Rafael Grossi, on Monday."
    )
    assert _trigger(_events(extractor, text), "meet").targets == ["Rafael Grossi"]


def test_the_makers_of_violence_did_what_befell_people_in_it(extractor: Extractor) -> None:
    """ "killed in Israeli strikes": Israel killed them; "the war between the army and the
    RSF has killed": both did; "kidnapped by members of the Symbionese Liberation Army": the
    group did."""
    text = "Twelve people were killed in Israeli strikes on Sunday."
    assert _trigger(_events(extractor, text), "kill").sources == ["Israel"]
    text = "The war between the army and the RSF has killed tens of thousands of people."
    assert _trigger(_events(extractor, text), "kill").sources == ["army", "RSF"]
    text = (
        "Patricia Hearst was kidnapped on February 4, 1974, by members of the Symbionese "
        "Liberation Army."
    )
    kidnapped = _trigger(_events(extractor, text), "kidnap")
    assert kidnapped.sources == ["Symbionese Liberation Army"]
    # a place is no maker: "killed in Gaza" names no one
    text = "Twelve people were killed in Gaza on Sunday."
    assert _trigger(_events(extractor, text), "kill").sources == []


def test_a_states_named_body_is_that_state(extractor: Extractor) -> None:
    """ "marched to the U.S. consulate": the body a country names is that state's, not the
    last organisation named before it."""
    text = (
        "Trump said on Friday that talks had stalled. In Nuuk, hundreds of protesters marched "
        "to the U.S. consulate on Saturday."
    )
    assert _trigger(_events(extractor, text), "march").targets == ["United States"]


def test_a_strike_of_working_people_is_a_protest(extractor: Extractor) -> None:
    """ "went on strike" is never a raid; a strike staged by teachers or nurses is a labour
    one, and so is nurses' walking out; a state's strike stays an attack."""
    text = "Auto workers went on strike in Detroit on Monday."
    went = _trigger(_events(extractor, text), "go")
    assert (went.type, went.sources) == ("PROTEST", ["auto workers"])
    text = "Teachers staged a strike in Chicago on Monday."
    assert _trigger(_events(extractor, text), "stage").type == "PROTEST"
    assert _trigger(_events(extractor, "Nurses walked out on Monday."), "walk").type == "PROTEST"
    # walking out of talks halts them (CAMEO 164, SANCTION); a president walking out, none
    text = "Iran walked out of the talks in Geneva on Monday."
    assert _trigger(_events(extractor, text), "walk").type == "SANCTION"
    text = "President Donald Trump walked out on Monday."
    assert [e.trigger for e in _events(extractor, text)] == []
    text = "Russia launched a strike on the port on Monday."
    assert _trigger(_events(extractor, text), "launch").type == "ASSAULT"


def test_an_attack_happens_at_the_place_it_was_made_on(extractor: Extractor) -> None:
    """ "attacked Kyiv", "airstrikes on Gaza": there, also where the model left the capital
    untagged; an attack with a place of its own keeps it."""
    attacked = _trigger(_events(extractor, "Russia attacked Kyiv on Monday."), "attack")
    assert attacked.places == ["Kyiv"]
    text = "Israel carried out airstrikes on Gaza on Sunday."
    assert _trigger(_events(extractor, text), "carry").places == ["Gaza"]
    text = "Russian forces attacked Ukrainian troops in Bakhmut on Monday."
    assert _trigger(_events(extractor, text), "attack").places == ["Bakhmut"]


def test_a_gerund_of_time_or_means_is_an_act_of_the_verbs_doer(extractor: Extractor) -> None:
    """ "left Paris after congratulating Merz", "began the year by arresting Maduro": acts of
    the one who left and began; "without consulting Italy" is none, and in "accused of
    helping Russia" the one accused is the helper."""
    text = "President Emmanuel Macron left Paris after congratulating Friedrich Merz on his win."
    congratulated = _trigger(_events(extractor, text), "congratulate")
    assert (congratulated.sources, congratulated.targets) == (
        ["Emmanuel Macron"],
        ["Friedrich Merz"],
    )
    text = "President Donald Trump began the New Year by arresting Nicolas Maduro."
    arrested = _trigger(_events(extractor, text), "arrest")
    assert (arrested.sources, arrested.targets) == (["Donald Trump"], ["Nicolas Maduro"])
    text = "Merz met Macron on Monday without consulting Italy."
    assert [e.trigger for e in _events(extractor, text)] == ["meet"]
    # after "with", a gerund with a subject of its own
    text = "Violence has continued in Gaza, with Israel and Hamas blaming each other."
    assert _trigger(_events(extractor, text), "blame").sources == ["Israel", "Hamas"]


def test_a_gerund_under_a_need_is_a_condition(extractor: Extractor) -> None:
    text = (
        "Zelensky stressed that Ukraine needed strong security guarantees before agreeing to "
        "any end to the war with Russia."
    )
    assert [e.trigger for e in _events(extractor, text) if e.trigger == "agree"] == []


def test_an_overthrow_is_violence(extractor: Extractor) -> None:
    """CAMEO 180 (unconventional violence), ASSAULT in PLOVER."""
    text = "Rebels overthrew President Bashar al-Assad in December 2024."
    overthrown = _trigger(_events(extractor, text), "overthrow")
    assert (overthrown.type, overthrown.targets) == ("ASSAULT", ["Bashar al-Assad"])


def test_a_states_people_going_to_a_place_is_a_visit(extractor: Extractor) -> None:
    """CAMEO codes arriving and travelling 040/042 (CONSULT): "Shehbaz Sharif arrived in
    Vienna"; migrants arriving are no visit."""
    text = "Prime Minister Shehbaz Sharif arrived in Vienna on Sunday on a two-day visit."
    arrived = _trigger(_events(extractor, text), "arrive")
    assert (arrived.type, arrived.sources, arrived.places) == (
        "CONSULT",
        ["Shehbaz Sharif"],
        ["Vienna"],
    )
    text = "Thousands of migrants arrived in Italy on Sunday."
    assert [e.trigger for e in _events(extractor, text)] == []


def test_doers_of_a_reciprocal_act_are_its_targets_too(extractor: Extractor) -> None:
    text = "Russia and Ukraine accused one another of shelling the plant on Monday."
    accused = _trigger(_events(extractor, text), "accuse")
    assert (accused.sources, accused.targets) == (["Russia", "Ukraine"], ["Russia", "Ukraine"])
    text = "Russia and Ukraine accused the IAEA of bias on Monday."
    assert _trigger(_events(extractor, text), "accuse").targets == ["IAEA"]


def test_a_gerund_of_means_or_before_is_at_its_clauses_time(extractor: Extractor) -> None:
    """ "said on Thursday ..., before delivering a warning": Thursday's; "are negotiating before
    offering": yet to come, no date; "after receiving" is earlier, at no date of its own."""
    text = (
        "President Donald Trump said on Thursday that talks were over, before delivering a "
        "stark warning to Hamas."
    )
    warned = _trigger(_events(extractor, text), "deliver")
    assert warned.date is not None
    assert warned.date.value == "2025-12-18"
    text = "Hamas and Israel are negotiating before signing a deal with Egypt."
    signed = _trigger(_events(extractor, text), "sign")
    assert (signed.date, signed.date_source) == (None, "unknown")


def test_a_subject_pronoun_is_no_one_named_in_a_clause_before_it(extractor: Extractor) -> None:
    """ "After traveling to Beijing to meet with Xi Jinping, he announced": "he" is not Xi,
    whom the clause set before it names; it is the doer of that clause and of the main one."""
    text = (
        "Prime Minister Mark Carney spoke on Monday. After traveling to Beijing last month to "
        "meet with Chinese President Xi Jinping, he announced a new partnership."
    )
    met = _trigger(_events(extractor, text), "meet")
    assert (met.sources, met.targets) == (["Mark Carney"], ["Xi Jinping"])


def test_where_a_doer_was_before_is_no_venue_of_the_day(extractor: Extractor) -> None:
    """ "returned to Bangladesh in December after living in exile in Britain": Britain is
    where he was before December, not where his acts of December happened."""
    text = (
        "Opposition leader Tarique Rahman returned to Bangladesh in December after living in "
        "exile in Britain. In December, Tarique Rahman promised to address the demands of "
        "the protest movement."
    )
    promised = _trigger(_events(extractor, text), "promise")
    assert "United Kingdom" not in promised.places


def test_the_date_of_a_subject_act_or_a_governors_year_dates_the_clause(
    extractor: Extractor,
) -> None:
    """ "The Aug. 7, 1998, bombings killed more than 200 people": then; "the Dec. 21, 1988,
    bombing of Pan Am Flight 103 that killed 259" though the parser leaves the date unhung;
    "in 1993 after Clinton met Havel": that year; "on Monday, ... after he met Macron": no
    day of the governor's."""
    text = "The Aug. 7, 1998, bombings killed more than 200 people."
    assert _value(_trigger(_events(extractor, text), "kill")) == "1998-08-07"
    text = (
        "Two agents were charged in the Dec. 21, 1988, bombing of Pan Am Flight 103 that "
        "killed 259 people."
    )
    assert _value(_trigger(_events(extractor, text), "kill")) == "1988-12-21"
    text = (
        "The Clinton administration embarked on the expansion of NATO in 1993 after President "
        "Bill Clinton met in Washington with President Vaclav Havel."
    )
    assert _value(_trigger(_events(extractor, text), "meet")) == "1993"
    text = "On Monday, President Donald Trump left Paris after he met Emmanuel Macron."
    assert _value(_trigger(_events(extractor, text), "meet")) is None


def test_a_bare_verb_joined_to_a_passive_is_no_passive(extractor: Extractor) -> None:
    """ "She was scheduled to lay flowers, talk to embassy guards and meet with Moi": the
    parser joins "talk" to "scheduled"; a bare verb is no participle, and its doer is hers.
    "Kopp was located, interviewed and released by the FBI" stays a passive."""
    text = (
        "U.S. Secretary of State Madeleine Albright paid tribute Tuesday to bombing victims. "
        "She was scheduled to lay flowers at the bombed embassy, talk to Kenyan embassy guards "
        "and meet with President Daniel arap Moi."
    )
    met = _trigger(_events(extractor, text), "meet")
    assert (met.sources, met.targets) == (["Madeleine Albright"], ["Daniel arap Moi"])


def test_a_round_of_talks_is_dated_by_its_clause(extractor: Extractor) -> None:
    """ "A second round of talks ... took place on Friday": the round is the talks' own
    telling, as "talks took place on Friday" is."""
    text = "A second round of talks between the US and Iran took place in Geneva on Friday."
    talks = _trigger(_events(extractor, text), "talk")
    assert (_value(talks), talks.date_source) == ("2025-12-19", "explicit")
    assert talks.sources == ["United States", "Iran"]


def test_a_bomber_is_an_armed_actor(extractor: Extractor) -> None:
    text = "A suicide bomber killed 12 people at a mosque in Kabul on Friday."
    killed = _trigger(_events(extractor, text), "kill")
    assert (killed.sources, killed.targets) == (["suicide bomber"], ["people"])


def test_sides_trading_fire_act_on_each_other(extractor: Extractor) -> None:
    """ "India and Pakistan exchanged fire": an assault of each side on the other, as "traded
    strikes" is."""
    text = "India and Pakistan exchanged fire across the border on Friday."
    fired = _trigger(_events(extractor, text), "exchange")
    assert fired.type == "ASSAULT"
    assert (fired.sources, fired.targets) == (["India", "Pakistan"], ["India", "Pakistan"])
    text = "Israel and Hezbollah traded strikes on Friday."
    traded = _trigger(_events(extractor, text), "trade")
    assert (traded.sources, traded.targets) == (["Israel", "Hezbollah"], ["Israel", "Hezbollah"])


def test_a_demand_that_someone_act_targets_them(extractor: Extractor) -> None:
    """ "outlined demands that Iran reduce its stockpile": the demand is made of Iran; not
    of the demanders' own side by a pronoun ("their demands that they be heard")."""
    text = "The envoy outlined demands on Friday that Iran reduce its stockpile."
    outlined = _trigger(_events(extractor, text), "outline")
    assert (outlined.type, outlined.targets) == ("DEMAND", ["Iran"])
    text = "The United States made a demand on Friday that China release the two Canadians."
    made = _trigger(_events(extractor, text), "make")
    assert (made.type, made.sources, made.targets) == ("DEMAND", ["United States"], ["China"])
    text = "Protesters repeated their demands on Friday that they be heard."
    assert _trigger(_events(extractor, text), "repeat").targets == []


def test_a_threat_of_an_act_targets_whom_the_act_would_hit(extractor: Extractor) -> None:
    """ "renewed his threat of sanctions on Venezuela": Venezuela is threatened; "warned of
    sanctions against Moscow" threatens Moscow, and the sanctions are not imposed."""
    text = "President Donald Trump renewed his threat of sanctions on Venezuela on Friday."
    renewed = _trigger(_events(extractor, text), "renew")
    assert (renewed.type, renewed.targets) == ("THREATEN", ["Venezuela"])
    events = _events(extractor, "The European Union warned of sanctions against Moscow on Friday.")
    assert [(e.type, e.targets) for e in events] == [("THREATEN", ["Russia"])]
    # a warning about a known attack is no threat, and the attack no new one
    events = _events(extractor, "Police warned about the attack on the mosque on Friday.")
    assert [e.type for e in events] == []


def test_threatened_or_proposed_measures_are_not_imposed(extractor: Extractor) -> None:
    text = "The threatened sanctions against Russia were discussed on Friday."
    assert [e.type for e in _events(extractor, text)] == []
    text = "Brussels published the proposed tariffs on American steel on Friday."
    assert "SANCTION" not in [e.type for e in _events(extractor, text)]


def test_an_arrest_a_reward_is_offered_for_has_not_happened(extractor: Extractor) -> None:
    """ "a reward for information leading to the arrest of the bombers": sought, not made;
    "the protests led to the arrest of 20 students" did happen."""
    text = (
        "Albright offered a reward of up to $2 million for information leading to the arrest "
        "of the bombers on Friday."
    )
    assert [e.type for e in _events(extractor, text)] == []
    text = (
        "A total of $650,000 is being offered for information that leads to the arrest of "
        "James Kopp."
    )
    assert [e.type for e in _events(extractor, text)] == []
    text = "The protests on Friday led to the arrest of 20 students."
    assert [e.type for e in _events(extractor, text)] == ["COERCE"]


def test_an_agreement_made_is_its_makers(extractor: Extractor) -> None:
    """ "negotiated deals with India": the negotiator's deals; not a broker's ("brokered a
    deal between Israel and Hamas" is theirs), nor one still to be made ("to renegotiate")."""
    text = "President Donald Trump negotiated deals with India and China on Friday."
    deals = _trigger(_events(extractor, text), "deal")
    assert (deals.sources, deals.targets) == (["Donald Trump"], ["India", "China"])
    text = "Qatar brokered a deal between Israel and Hamas on Friday."
    deal = _trigger(_events(extractor, text), "deal")
    assert (deal.sources, deal.targets) == (["Israel", "Hamas"], [])
    text = "President Donald Trump is using his leverage to renegotiate better agreements."
    assert [e.type for e in _events(extractor, text)] == []


def test_only_the_nearest_event_a_reward_seeks_is_sought(extractor: Extractor) -> None:
    """ "a reward for information leading to the arrest of those responsible for Slepian's
    slaying": the arrest is sought; the slaying happened."""
    text = (
        "The Justice Department is offering a $500,000 reward for information leading to the "
        "arrest of those responsible for Barnett Slepian's slaying."
    )
    assert [e.type for e in _events(extractor, text)] == ["ASSAULT"]


def test_an_inquiry_into_someones_thing_targets_them(extractor: Extractor) -> None:
    """ "an investigation into Boeing's accounts", "audited Tesla's books": the owner is
    looked into."""
    text = "Regulators launched an investigation into Boeing's accounts on Friday."
    assert _trigger(_events(extractor, text), "launch").targets == ["Boeing"]
    text = "The Securities and Exchange Commission audited Tesla's books on Friday."
    assert _trigger(_events(extractor, text), "audit").targets == ["Tesla"]
    # into whether someone did something: into them; a thing of theirs, whomever it is with
    text = "Mueller opened an investigation into whether Donald Trump obstructed justice."
    assert _trigger(_events(extractor, text), "open").targets == ["Donald Trump"]
    text = "The FBI is investigating Donald Trump's ties to Russia."
    assert _trigger(_events(extractor, text), "investigate").targets == ["Donald Trump"]


def test_a_thing_that_threatens_makes_no_threat(extractor: Extractor) -> None:
    """ "a confrontation that threatens to rupture NATO" is a danger, as "the dispute
    threatens to derail the talks" is; "Russia, which threatened to attack Ukraine" did."""
    text = "European leaders scrambled to contain a confrontation that threatens to rupture NATO."
    assert [e.type for e in _events(extractor, text)] == []
    text = "Russia, which threatened on Friday to attack Ukraine, said it wants talks."
    threat = _trigger(_events(extractor, text), "threaten")
    assert (threat.sources, threat.targets) == (["Russia"], ["Ukraine"])


def test_a_states_allies_are_others(extractor: Extractor) -> None:
    """ "U.S. allies", "Washington's allies" are not the United States; "European allies",
    "his Swiss counterparts" are of that people, and "NATO allies" its members."""
    text = "China criticized Washington's allies on Friday."
    assert _trigger(_events(extractor, text), "criticize").targets == []
    text = "Vance opened the conference with an attack on the US' European allies on Friday."
    assert "United States" not in _trigger(_events(extractor, text), "attack").targets
    text = "Russia threatened NATO allies on Friday."
    assert _trigger(_events(extractor, text), "threaten").targets == ["NATO"]
    text = "Araghchi held talks with his Swiss and Omani counterparts on Friday."
    assert _trigger(_events(extractor, text), "hold").targets == ["Switzerland", "Oman"]


def test_the_rules_of_threats_and_demands_keep_to_their_own(extractor: Extractor) -> None:
    """A review's cases: a warning of another's attacks threatens no one; a "that" clause that
    tells asks no one; an arrest the clashes led to happened; talks on sanctions that are only
    planned impose none; threatened tariffs that took effect were imposed; one's US
    counterpart is American; a person who threatened did, whoever "who" is; cutting
    cooperation makes none; a state's bombers are its military."""

    def kinds(text: str) -> list[tuple[str, list[str], list[str]]]:
        return [(e.type, e.sources, e.targets) for e in _events(extractor, text)]

    assert kinds("The WHO warned of attacks on hospitals in Gaza on Friday.") == []
    text = "Israel ignored on Friday Egypt's warning that Hamas was planning an attack."
    assert ("THREATEN", ["Egypt"], ["Hamas"]) not in kinds(text)
    text = "Officials called for calm after the clashes led to the arrest of 30 protesters."
    assert ("COERCE", [], ["protesters"]) in kinds(text)
    text = "The EU announced plans for talks on new sanctions against Russia on Friday."
    assert "SANCTION" not in [kind for kind, _, _ in kinds(text)]
    assert kinds("The threatened tariffs on Mexico took effect on Friday.") == [
        ("SANCTION", [], ["Mexico"])
    ]
    assert kinds("Wang Yi met his US counterpart in Beijing on Friday.") == [
        ("CONSULT", ["Wang Yi"], ["United States"])
    ]
    text = "Police arrested a neighbour who threatened to kill John Smith on Friday."
    assert "THREATEN" in [kind for kind, _, _ in kinds(text)]
    text = "Mali cut military cooperation with France on Friday."
    assert all(sources == [] for _, sources, _ in kinds(text))
    assert kinds("Russian bombers struck Kharkiv on Friday.")[0][1] == ["Russian bombers"]


def test_a_named_treaty_is_no_party(extractor: Extractor) -> None:
    """ "signed the Washington Treaty": a text signed, no one it was signed with (the model
    tags the name ORG, as it tags "the Kyoto Protocol" LAW); "the Warsaw Pact" was one."""
    text = "On April 4, 1949, Dean Acheson signed the Washington Treaty, which created NATO."
    signed = _trigger(_events(extractor, text), "sign")
    assert (signed.sources, signed.targets) == (["Dean Acheson"], [])


def test_a_long_list_of_doers_is_read_to_its_end(extractor: Extractor) -> None:
    """The parser chains a list's conjuncts, each on the one before: all twelve signed."""
    text = (
        "The U.S., Belgium, Canada, Denmark, France, Iceland, Italy, Luxembourg, the "
        "Netherlands, Norway, Portugal, and the United Kingdom signed the treaty in April 1949."
    )
    signed = _trigger(_events(extractor, text), "sign")
    assert len(signed.sources) == 12
    assert signed.sources[-1] == "United Kingdom"


def test_a_kin_description_names_no_one_said_before(extractor: Extractor) -> None:
    """ "the sister": someone's kin, not the last civilian named (Elian's father, CVL by his
    kin noun); "Elian's father joined Castro": his father acted."""
    text = (
        "Elian's father, Juan Miguel Gonzalez, arrived in Washington on Friday. The sister "
        "met Cuban exiles in Miami on Friday."
    )
    assert _trigger(_events(extractor, text), "meet").sources == []
    text = "In Havana, Elian's father joined President Fidel Castro on Friday."
    assert _trigger(_events(extractor, text), "join").sources == ["Elian's father"]


def test_a_date_the_verb_holds_comes_before_one_inside_another_phrase(
    extractor: Extractor,
) -> None:
    """ "After the election in 2020, Smith sued Jones in 2021": the suit's year is its own;
    with no date of its own, the phrase's still dates it ("After the election in 2020,
    Smith sued Jones")."""
    text = "After the election in 2020, John Smith sued Mary Jones in 2021."
    assert _value(_trigger(_events(extractor, text), "sue")) == "2021"
    text = (
        "Following Kofi Annan's death in 2018, his widow, Nane Annan, donated his medal in "
        "2024 to the United Nations."
    )
    assert _value(_trigger(_events(extractor, text), "donate")) == "2024"


def test_a_raid_a_forceful_act_is_done_in_is_its_doers(extractor: Extractor) -> None:
    """ "Federal agents took the child by force in a pre-dawn raid": the agents raided; not
    "two soldiers died in an attack", whose victims they were."""
    text = (
        "Federal agents took the child by force in a pre-dawn raid on the Miami relatives' "
        "home on Friday."
    )
    assert _trigger(_events(extractor, text), "raid").sources == ["federal agents"]
    text = "Two soldiers died in an attack on a checkpoint on Friday."
    assert all(e.sources != ["soldiers"] for e in _events(extractor, text))


def test_a_place_named_by_the_part_it_is_of(extractor: Extractor) -> None:
    """ "off the coast of Florida", "on the outskirts of Kabul": the place the part is of is
    where it happened."""
    text = "Elian was rescued off the coast of Florida by two American fishermen on Friday."
    assert _trigger(_events(extractor, text), "rescue").places == ["Florida"]
    text = "Police arrested six men on the outskirts of Kabul on Friday."
    assert _trigger(_events(extractor, text), "arrest").places == ["Kabul"]


def test_there_points_at_the_last_place_named(extractor: Extractor) -> None:
    """ "The FBI investigation in Dar es Salaam ... has questioned 100 people there"; not
    "according to Tehran", who says so."""
    text = (
        "The head of the FBI investigation in Dar es Salaam, Kenneth Piernick, said on Friday "
        "that the bureau has questioned more than 100 people there."
    )
    assert _trigger(_events(extractor, text), "question").places == ["Dar es Salaam"]
    text = "According to Tehran, police arrested six men there on Friday."
    assert _trigger(_events(extractor, text), "arrest").places == []


def test_what_a_denial_takes_did_not_happen(extractor: Extractor) -> None:
    """ "denied reports that its troops had attacked a hospital": the attack is denied, not
    reported; "confirmed reports that" is no denial."""
    text = "Russia on Friday denied reports that its troops had attacked a hospital in Kharkiv."
    assert [e.type for e in _events(extractor, text)] == ["REJECT"]
    text = "Iran dismissed claims that police had arrested 20 protesters in Tehran on Friday."
    assert "COERCE" not in [e.type for e in _events(extractor, text)]


def test_a_noun_of_another_stem_names_the_act_told_before(extractor: Extractor) -> None:
    """ "Iraq invaded Kuwait on Aug. 2 ... since Iraq's invasion": the invasion of Kuwait,
    that day; "sued Hegseth ... his lawsuit" is the suit against Hegseth."""
    text = (
        "Iraq invaded Kuwait on Aug. 2. An international force has mobilized since Iraq's "
        "invasion, which was sparked by disputes over oil."
    )
    invasion = _trigger(_events(extractor, text), "invasion")
    assert (invasion.targets, _value(invasion)) == (["Kuwait"], "2025-08-02")
    text = (
        "Senator Mark Kelly sued Defense Secretary Pete Hegseth on Monday. A judge's ruling "
        "bars the Pentagon from acting against Kelly while his lawsuit plays out."
    )
    assert _trigger(_events(extractor, text), "lawsuit").targets == ["Pete Hegseth"]


def test_who_acts_at_a_gathering_acts_at_its_time_and_place(extractor: Extractor) -> None:
    """ "talks mediated by Oman will be held on Tuesday in Geneva": the mediating is at the
    talks; not "two killings blamed on the IRA", blamed after them."""
    text = "Talks mediated by Oman will be held on Tuesday in Geneva."
    mediated = _trigger(_events(extractor, text), "mediate")
    assert (mediated.places, _value(mediated)) == (["Geneva"], "2025-12-23")
    text = "Talks mediated by Oman were not held in Geneva."
    assert _events(extractor, text) == []
    text = (
        "Sinn Fein was expelled from peace talks on Friday for two killings blamed on the "
        "Irish Republican Army."
    )
    assert all(_value(e) != "2025-12-19" for e in _events(extractor, text) if e.trigger == "blame")


def test_coming_to_the_aid_of_someone_aids_them(extractor: Extractor) -> None:
    """ "France came to the aid of Chad on Friday": France aided Chad that day; "would come
    to the rescue" has not happened."""
    aid = _trigger(_events(extractor, "France came to the aid of Chad on Friday."), "aid")
    assert (aid.sources, aid.targets, _value(aid)) == (["France"], ["Chad"], "2025-12-19")
    text = "The Europeans would come to the rescue of the U.S. if it were attacked."
    assert _events(extractor, text) == []


def test_a_vow_of_force_is_a_threat(extractor: Extractor) -> None:
    """ "vowed to retaliate against Israel", "vowed to find the bombers and bring them to
    justice" (CAMEO 138): a threat to whom the act would hit; "promised to help" is an offer."""
    vow = _trigger(_events(extractor, "Iran on Friday vowed to retaliate against Israel."), "vow")
    assert (vow.type, vow.targets) == ("THREATEN", ["Israel"])
    text = "President Bill Clinton on Thursday vowed to find the bombers and bring them to justice."
    vow = _trigger(_events(extractor, text), "vow")
    assert (vow.type, vow.targets) == ("THREATEN", ["bombers"])
    text = "The minister on Friday promised to help Kenya."
    assert _trigger(_events(extractor, text), "promise").type == "AGREE"


def test_a_visited_place_is_where_the_visit_was(extractor: Extractor) -> None:
    """ "visited Washington in February": the host and the place; "During the visit, Starmer
    met Karp" happened there too (the visit told before by the same doer)."""
    text = (
        "Prime Minister Keir Starmer visited Washington in February. During the visit, "
        "Starmer met Palantir CEO Alex Karp."
    )
    events = _events(extractor, text)
    assert _trigger(events, "visit").places == ["Washington"]
    assert _trigger(events, "meet").places == ["Washington"]


def test_an_inquiry_into_a_happening_is_about_whom_it_befell(extractor: Extractor) -> None:
    """ "investigating the death of John Smith", "an investigation into the killing of
    Barnett Slepian": the inquiry is about them."""
    text = "Police on Friday began investigating the death of John Smith."
    assert _trigger(_events(extractor, text), "investigate").targets == ["John Smith"]
    text = "The FBI on Friday opened an investigation into the killing of Barnett Slepian."
    assert _trigger(_events(extractor, text), "open").targets == ["Barnett Slepian"]


def test_a_definite_noun_names_again_one_told_by_a_definite_noun(extractor: Extractor) -> None:
    """ "Iraq's invasion of Kuwait ... since Iraq's invasion": the first telling, undated, is
    itself a definite noun; its own roles are what the later one takes."""
    text = (
        "Iraq's invasion of Kuwait shocked the world. An international force has mobilized "
        "since Iraq's invasion."
    )
    invasions = [e for e in _events(extractor, text) if e.trigger == "invasion"]
    assert [e.targets for e in invasions] == [["Kuwait"], ["Kuwait"]]


def test_directing_someone_to_act_is_a_demand(extractor: Extractor) -> None:
    """ "instructed police to arrest the protesters": an order to its object, as "told"."""
    text = "Interior Minister John Smith instructed police on Friday to arrest the protesters."
    instructed = _trigger(_events(extractor, text), "instruct")
    assert (instructed.type, instructed.targets) == ("DEMAND", ["police"])


def test_a_charge_told_by_the_deeds_verb(extractor: Extractor) -> None:
    """ "charged with gunning down Dr. Barnett Slepian": a crime told by a gerund; "charged
    the inspectors with verifying" is a task."""
    text = "On Friday, James Kopp was charged with gunning down Dr. Barnett Slepian."
    assert _trigger(_events(extractor, text), "charge").targets == ["James Kopp"]
    text = "On Friday, the U.N. charged the inspectors with verifying the claims."
    assert all(e.trigger != "charge" for e in _events(extractor, text))


def test_asking_how_is_a_question(extractor: Extractor) -> None:
    """ "asked how well the public interest would be served": a question, no demand."""
    text = "On Friday, McCaw asked how well the public interest would be served."
    assert _events(extractor, text) == []


def test_the_deed_a_punishment_answers_is_its_targets(extractor: Extractor) -> None:
    """ "sanctioned Russia in 2022 for invading Ukraine", "imposed a tariff on Norway for
    sending troops": the one punished did the deed, before, on no date the text gives; "called
    for sending troops" asks it."""
    events = _events(extractor, "The EU sanctioned Russia in 2022 for invading Ukraine.")
    invaded = _trigger(events, "invade")
    assert (invaded.sources, invaded.targets, invaded.date) == (["Russia"], ["Ukraine"], None)
    text = (
        "On Saturday, President Donald Trump imposed a 10% tariff on Norway for sending troops "
        "to Greenland."
    )
    assert _trigger(_events(extractor, text), "send").sources == ["Norway"]
    text = "Ukraine called on Friday for sending troops to Kyiv."
    assert all(e.trigger != "send" for e in _events(extractor, text))


def test_a_word_not_to_do_an_act_is_a_refusal(extractor: Extractor) -> None:
    """ "said it will not negotiate with Washington": a refusal, REJECT (the contract); not
    a condition ("would not negotiate if ..."), another modal ("could not attend"), or a
    forceful act forsworn ("will not attack")."""
    text = "Iran said on Friday it will not negotiate with Washington."
    refused = _trigger(_events(extractor, text), "negotiate")
    assert (refused.type, refused.sources, refused.targets) == (
        "REJECT",
        ["Iran"],
        ["United States"],
    )
    assert _value(refused) == "2025-12-19"
    text = "France said on Friday it will not join the board."
    assert _trigger(_events(extractor, text), "join").type == "REJECT"
    for text in (
        "Iran would not negotiate if sanctions remained, the minister said on Friday.",
        "Iran said on Friday it could not attend the talks.",
        "Russia will not attack Ukraine, President Vladimir Putin said on Friday.",
        # words of resolve, no refusal of anything asked
        "The U.K. will never compromise on our national security, an official said on Friday.",
        "Clinton said on Friday the United States will not retreat from the world.",
    ):
        assert _events(extractor, text) == [], text


def test_an_act_only_promised_has_not_happened(extractor: Extractor) -> None:
    """ "counting on assurances of aid": the aid is promised, not given; the pledge is an
    act of its own."""
    text = "Kenya is counting on assurances of aid for the government from Japan."
    assert [e.type for e in _events(extractor, text)] == []
    text = "Japan on Friday made a pledge of aid to Kenya."
    assert [e.type for e in _events(extractor, text)] == ["AGREE"]


def test_a_meeting_is_where_either_side_was_that_day(extractor: Extractor) -> None:
    """ "Putin spoke at a forum in Vladivostok on Friday. Modi met Putin on Friday": where the
    one met was that day."""
    text = (
        "President Vladimir Putin spoke at an economic forum in Vladivostok on Friday. Prime "
        "Minister Narendra Modi met Putin on Friday."
    )
    assert _trigger(_events(extractor, text), "meet").places == ["Vladivostok"]


def test_talking_with_no_one_consults_no_one(extractor: Extractor) -> None:
    """ "Iran does want to talk, and we'll talk", "used his platform to talk about AI": one
    doer talking with no one is speaking; "Iran and the United States talked", "officials
    talked" and "spoke with Putin" are consultations."""
    text = "On Friday, Pope Leo XIV used his platform to talk about AI."
    assert _events(extractor, text) == []
    text = "Iran and the United States talked on Friday. Officials talked on Friday."
    assert [e.type for e in _events(extractor, text)] == ["CONSULT", "CONSULT"]
    text = "President Donald Trump spoke with President Vladimir Putin on Friday."
    assert [e.type for e in _events(extractor, text)] == ["CONSULT"]


def test_forcing_as_a_consequence_is_no_coercion(extractor: Extractor) -> None:
    """ "blew up a stretch of rail line, forcing a passenger train to stop": what the act
    caused; not after a forceful act on people ("stormed the building, forcing the
    protesters to leave")."""
    text = (
        "In November, two soldiers blew up a stretch of rail line outside Warsaw, forcing a "
        "passenger train to stop."
    )
    assert all(e.trigger != "force" for e in _events(extractor, text))
    text = "Police stormed the building on Friday, forcing the protesters to leave."
    assert _trigger(_events(extractor, text), "force").targets == ["protesters"]


# Misreadings a review of the round's rules found, each on a sentence of its own.


def test_a_refusal_is_the_doers_own_word(extractor: Extractor) -> None:
    """ "Hamas said it would not release the hostages" refuses; an observer's guess, a
    counterfactual, a schedule told by others and two sides not meeting do not."""
    text = "Hamas said on Friday it would not release the hostages."
    assert _trigger(_events(extractor, text), "release").type == "REJECT"
    for text in (
        "Analysts said Iran would not sign the agreement before the election.",
        "Trump predicted that Putin would not sign the deal.",
        "Without U.S. pressure, Israel would not have signed the ceasefire deal.",
        "Trump and Xi will not meet at the APEC summit, officials said on Friday.",
        "Macron will not attend the summit because of a scheduling conflict, the Elysee said.",
    ):
        assert all(e.type != "REJECT" for e in _events(extractor, text)), text


def test_an_accusations_deed_is_alleged(extractor: Extractor) -> None:
    """ "Russia blamed Ukraine for attacking the plant": no attack reported, as "accused X of
    attacking" reports none."""
    text = "Russia blamed Ukraine on Friday for attacking the Zaporizhzhia nuclear plant."
    assert [e.type for e in _events(extractor, text)] == ["DISAPPROVE"]


def test_there_points_at_a_verbs_place_first(extractor: Extractor) -> None:
    """ "met in Istanbul ... for talks on ending the war in Ukraine ... there": Istanbul; "in
    Busan from Tokyo ... there": Busan."""
    text = (
        "Ukrainian and Russian delegations met in Istanbul on Friday for talks on ending the war "
        "in Ukraine. Umerov also met Turkish officials there."
    )
    assert [e.places for e in _events(extractor, text)] == [["Istanbul"], ["Istanbul"]]
    text = "Trump arrived in Busan from Tokyo on Wednesday. He met Xi there on Thursday."
    assert _trigger(_events(extractor, text), "meet").places == ["Busan"]


def test_only_a_gatherings_own_clause_times_its_host(extractor: Extractor) -> None:
    """ "In Moscow on Friday, Lavrov dismissed the peace talks hosted by Saudi Arabia": the
    hosting was not in Moscow on Friday."""
    text = "In Moscow on Friday, Lavrov dismissed the peace talks hosted by Saudi Arabia."
    hosted = _trigger(_events(extractor, text), "host")
    assert (hosted.places, hosted.date) == ([], None)


def test_a_vow_of_restraint_is_no_threat(extractor: Extractor) -> None:
    """ "pledged not to strike each other's energy facilities" (AGREE); "vowed to kill the
    bill" hurts no one."""
    text = "Russia and Ukraine pledged on Friday not to strike each other's energy facilities."
    assert _trigger(_events(extractor, text), "pledge").type == "AGREE"
    text = "Senator John Smith vowed on Friday to kill the bill."
    assert all(e.type != "THREATEN" for e in _events(extractor, text))


def test_briefing_on_a_meeting_is_not_at_it(extractor: Extractor) -> None:
    """ "briefed European leaders on the meeting" two days later: the meeting is its topic."""
    text = (
        "Zelensky met Trump at the White House on Monday. On Wednesday, Zelensky briefed "
        "European leaders on the meeting."
    )
    assert _trigger(_events(extractor, text), "brief").places == []


def test_a_phone_call_is_not_where_the_one_called_was(extractor: Extractor) -> None:
    """ "Speaking in Kyiv on Friday, Zelensky said ... Trump spoke with Zelensky by phone on
    Friday": not in Kyiv."""
    text = (
        "Speaking in Kyiv on Friday, President Volodymyr Zelensky said Ukraine needed more air "
        "defenses. President Donald Trump spoke with Zelensky by phone on Friday."
    )
    assert _trigger(_events(extractor, text), "speak").places == []


def test_forcing_people_after_force_is_coercion(extractor: Extractor) -> None:
    """ "overran the city, forcing thousands of civilians to flee": those forced are named
    through "thousands of"."""
    text = "RSF fighters overran the city on Friday, forcing thousands of civilians to flee."
    assert _trigger(_events(extractor, text), "force").targets == ["civilians"]


def test_talking_with_someone_named_further_down(extractor: Extractor) -> None:
    """ "Putin talked at length with Modi": the parser hangs the partner on "length"."""
    text = "President Vladimir Putin talked at length with Prime Minister Narendra Modi on Friday."
    assert [e.type for e in _events(extractor, text)] == ["CONSULT"]


def test_an_act_at_a_gathering_told_before_is_where_it_was(extractor: Extractor) -> None:
    """ "European leaders met for a summit in Brussels ... At the summit, Macron criticized
    Trump": in Brussels, whoever held the summit; "the summit" named again too."""
    text = (
        "European leaders met for a summit in Brussels on Thursday. At the summit, President "
        "Emmanuel Macron criticized President Donald Trump on Thursday."
    )
    events = _events(extractor, text)
    assert _trigger(events, "criticize").places == ["Brussels"]
    assert _trigger(events, "summit").places == ["Brussels"]


def test_a_meeting_just_before_the_clause_is_that_day(extractor: Extractor) -> None:
    """ "After a two-hour meeting with King Hussein, Bush said on Friday": the meeting was that
    day; not "after years of attacks", nor under a heading ("Serving ... after his
    resignation")."""
    text = (
        "After a two-hour meeting with King Hussein of Jordan, President George Bush said on "
        "Friday that he had no hope."
    )
    assert _value(_trigger(_events(extractor, text), "meeting")) == "2025-12-19"
    text = "After years of attacks by rebels, the army withdrew on Friday."
    assert _value(_trigger(_events(extractor, text), "attack")) is None
