from __future__ import annotations

from typing import get_args

import pytest

from services.extractor.events.plover import (
    NOMINAL_TYPES,
    NOUN_TYPES,
    VERB_TYPES,
    nominal_type,
    noun_type,
    phrasal_type,
    quad_of,
    verb_type,
)
from shared.models import QUAD_OF_TYPE, EventType


def test_every_plover_type_has_trigger_verbs() -> None:
    assert set(VERB_TYPES.values()) == set(get_args(EventType))


def test_noun_table_only_uses_plover_types() -> None:
    assert set(NOUN_TYPES.values()) <= set(get_args(EventType))


@pytest.mark.parametrize(
    ("lemma", "kind"),
    [
        ("meet", "CONSULT"), ("talk", "CONSULT"), ("discuss", "CONSULT"), ("visit", "CONSULT"),
        ("agree", "AGREE"), ("sign", "AGREE"),
        ("attack", "ASSAULT"), ("strike", "ASSAULT"), ("bomb", "ASSAULT"), ("shell", "ASSAULT"),
        ("sanction", "SANCTION"), ("protest", "PROTEST"), ("demand", "DEMAND"),
        ("criticise", "DISAPPROVE"), ("condemn", "DISAPPROVE"),
        ("reject", "REJECT"), ("refuse", "REJECT"),
        ("threaten", "THREATEN"), ("warn", "THREATEN"),
        ("arrest", "COERCE"), ("detain", "COERCE"),
        ("aid", "AID"), ("donate", "AID"), ("withdraw", "RETREAT"), ("retreat", "RETREAT"),
        ("deploy", "MOBILIZE"), ("mobilize", "MOBILIZE"),
        ("investigate", "INVESTIGATE"), ("probe", "INVESTIGATE"),
        ("support", "SUPPORT"), ("praise", "SUPPORT"), ("endorse", "SUPPORT"),
        ("concede", "CONCEDE"), ("apologize", "CONCEDE"), ("cooperate", "COOPERATE"),
        ("steal", "CRIME"), ("murder", "CRIME"),
        ("assail", "DISAPPROVE"), ("object", "DISAPPROVE"), ("resist", "REJECT"),
    ],
)  # fmt: skip
def test_brief_lexicon(lemma: str, kind: EventType) -> None:
    assert verb_type(lemma) == kind


def test_unknown_verb_is_untyped() -> None:
    assert verb_type("arrive") is None
    assert quad_of(None) is None


def test_nouns_and_phrasal_verbs() -> None:
    assert noun_type("talk") == "CONSULT"
    assert noun_type("invasion") == "ASSAULT"
    assert phrasal_type("call", "for") == "DEMAND"
    assert phrasal_type("call", "up") is None
    assert phrasal_type("turn", "down") == "REJECT"
    assert phrasal_type("charge", "with") == "DISAPPROVE"
    assert noun_type("objection") == "DISAPPROVE"


def test_quad_comes_from_the_shared_table() -> None:
    for kind in get_args(EventType):
        assert quad_of(kind) == QUAD_OF_TYPE[kind]


@pytest.mark.parametrize(
    ("lemma", "kind"),
    [
        ("talk", "CONSULT"), ("negotiation", "CONSULT"), ("meeting", "CONSULT"),
        ("summit", "CONSULT"), ("agreement", "AGREE"), ("deal", "AGREE"), ("accord", "AGREE"),
        ("sanction", "SANCTION"), ("embargo", "SANCTION"), ("attack", "ASSAULT"),
        ("strike", "ASSAULT"), ("bombing", "ASSAULT"), ("shelling", "ASSAULT"),
        ("protest", "PROTEST"), ("demonstration", "PROTEST"), ("aid", "AID"),
        ("investigation", "INVESTIGATE"), ("probe", "INVESTIGATE"), ("threat", "THREATEN"),
    ],
)  # fmt: skip
def test_nouns_that_name_an_event_alone(lemma: str, kind: EventType) -> None:
    assert nominal_type(lemma) == kind
    assert noun_type(lemma) == kind  # and after a light verb
    assert nominal_type(lemma.capitalize()) == kind  # a lemma that kept its case


def test_vague_nouns_need_a_light_verb() -> None:
    for lemma in ("call", "package", "support", "settlement", "rally", "demand"):
        assert noun_type(lemma) is not None, lemma
        assert nominal_type(lemma) is None, lemma
    assert set(NOMINAL_TYPES.items()) < set(NOUN_TYPES.items())
