from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.language import Language

from services.extractor.actors import find_actors
from services.extractor.events import find_events, publication_date
from services.extractor.gazetteer import Gazetteer
from services.extractor.geocode import geocode
from services.extractor.mentions import read_candidates, sentence_of_tokens
from shared.models import Event, TimeExpression

ARTICLE = "0123456789abcdef0123456789abcdef"
PUBLISHED = dt.datetime(2025, 12, 20, 9, 30, tzinfo=dt.UTC)

Read = Callable[..., list[Event]]


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


@pytest.fixture
def read(nlp: Language, gazetteer: Gazetteer) -> Read:
    def events_of(text: str) -> list[Event]:
        doc = nlp(text)
        candidates = read_candidates(doc, gazetteer)
        actors = find_actors(doc, candidates, gazetteer, sentence_of_tokens(doc))
        found = find_events(
            doc,
            article_id=ARTICLE,
            actors=actors,
            places=geocode(candidates, gazetteer),
            times=_friday(text),
            published_at=PUBLISHED,
        )
        for number, event in enumerate(found):
            assert event.id == f"{ARTICLE}-{number}"
            assert text[event.start : event.end] == event.sentence
            assert (
                text[event.trigger_span.start : event.trigger_span.end] == event.trigger_span.text
            )
            assert 0 <= event.confidence <= 1
        return found

    return events_of


def _one(events: list[Event], trigger: str) -> Event:
    matching = [e for e in events if e.trigger == trigger]
    assert len(matching) == 1, [(e.trigger, e.sources, e.targets) for e in events]
    return matching[0]


def test_who_did_what_to_whom_where_and_when(read: Read) -> None:
    meet = _one(read("Russian officials met US negotiators in Geneva on Friday."), "meet")
    assert (meet.sources, meet.targets, meet.places) == (["Russia"], ["United States"], ["Geneva"])
    assert (meet.type, meet.quad) == ("CONSULT", "verbal_cooperation")
    assert (meet.date.value, meet.date_source) == ("2025-12-19", "explicit")
    assert meet.confidence == pytest.approx(1.0)


def test_publication_date_stands_in(read: Read) -> None:
    condemn = _one(read("China condemned the United States."), "condemn")
    assert condemn.type == "DISAPPROVE"
    assert condemn.date_source == "publication"
    assert condemn.date == publication_date(PUBLISHED)
    assert (condemn.date.start, condemn.date.sentence, condemn.date.anchored) == (None, None, False)
    assert condemn.date.value == condemn.date.text == "2025-12-20"
    assert condemn.confidence < 1


def test_control_chain_passes_subject_place_and_date(read: Read) -> None:
    events = read(
        "Russian officials are set to arrive in Florida on Friday to meet with US negotiators."
    )
    meet = _one(events, "meet")
    assert (meet.sources, meet.targets, meet.places) == (["Russia"], ["United States"], ["Florida"])
    assert meet.date.value == "2025-12-19"
    assert "set" not in {e.trigger for e in events}


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
    assert (agree.sources, agree.targets, agree.type) == (
        ["Rustem Umerov"],
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


def test_negation_turns_cooperation_into_rejection(read: Read) -> None:
    support = _one(read("Turkey did not support Sweden."), "support")
    assert support.type == "REJECT"
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
    assert meet.sources == ["Russia"]
    assert meet.targets == ["Steve Witkoff", "Jared Kushner"]
    assert _one(events, "lead").sources == ["Kirill Dmitriev"]


def test_conjoined_subjects_and_untyped_verbs(read: Read) -> None:
    send = _one(read("France and Germany sent aid to Ukraine."), "send")
    assert (send.sources, send.targets) == (["France", "Germany"], ["Ukraine"])
    assert (send.type, send.quad) == (None, None)


def test_clause_without_actors_is_no_event(read: Read) -> None:
    assert read("Progress has been made in discussions to end the war.") == []


def test_event_ids_follow_text_order(read: Read) -> None:
    events = read("Emmanuel Macron met Olaf Scholz in Berlin. Macron later praised Scholz.")
    assert [(e.trigger, e.sentence_index) for e in events] == [("meet", 0), ("praise", 1)]
    assert events[1].sources == ["Emmanuel Macron"]
    assert events[1].targets == ["Olaf Scholz"]
    assert events[1].sentence == "Macron later praised Scholz."
