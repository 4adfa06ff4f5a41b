"""Quotations, their speakers and the speakers' sides, on real parses."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from services.extractor.actors import Actors, find_actors
from services.extractor.events import SPEECH_VERBS
from services.extractor.gazetteer import Gazetteer
from services.extractor.mentions import read_candidates, sentence_of_tokens
from services.extractor.parse_table import Tok, parse_table
from services.extractor.quotes import Quote, find_quotes, quote_at, speaker_side

Parse = Callable[[str], Doc]


def _quotes(parse: Parse, text: str) -> tuple[list[Tok], list[Quote]]:
    doc = parse(text)
    tokens = parse_table(doc)
    return tokens, find_quotes(tokens, sentence_of_tokens(doc), SPEECH_VERBS)


def _said(tokens: list[Tok], quote: Quote) -> tuple[str, str | None]:
    inside = " ".join(t.text for t in tokens[quote.start : quote.stop])
    return inside, None if quote.verb is None else quote.verb.text


def test_speaker_after_the_closing_mark(parse: Parse) -> None:
    tokens, quotes = _quotes(parse, "“We are ready to meet,” Umerov said. He left.")
    assert [_said(tokens, q) for q in quotes] == [("We are ready to meet ,", "said")]


def test_quote_over_two_sentences_and_inverted_attribution(parse: Parse) -> None:
    tokens, quotes = _quotes(parse, '"It is up to them. We will meet Russia," said Rubio.')
    assert [_said(tokens, q) for q in quotes] == [
        ("It is up to them . We will meet Russia ,", "said")
    ]


def test_speaker_before_the_opening_mark(parse: Parse) -> None:
    tokens, quotes = _quotes(parse, "Zelensky said: “We will never give up.”")
    assert [_said(tokens, q) for q in quotes] == [("We will never give up .", "said")]


def test_quote_without_a_speaker_and_unclosed_quote(parse: Parse) -> None:
    tokens, quotes = _quotes(parse, "“We are ready.” Talks resumed. “Nothing was agreed")
    assert [_said(tokens, q) for q in quotes] == [("We are ready .", None)]


def test_quote_at_finds_the_holding_quote(parse: Parse) -> None:
    tokens, quotes = _quotes(parse, "He left. “We are ready,” Umerov said.")
    starts = [q.start for q in quotes]
    we = next(t for t in tokens if t.text == "We")
    umerov = next(t for t in tokens if t.text == "Umerov")
    assert quote_at(quotes, starts, we.i) == quotes[0]
    assert quote_at(quotes, starts, umerov.i) is None
    assert quote_at(quotes, starts, 0) is None


def _actors(nlp: Language, gazetteer: Gazetteer, text: str) -> tuple[Actors, list[Tok]]:
    doc = nlp(text)
    candidates = read_candidates(doc, gazetteer)
    tokens = parse_table(doc)
    return find_actors(doc, candidates, gazetteer, sentence_of_tokens(doc), tokens), tokens


def test_speaker_side_from_possessor_adjective_or_compound(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    cases = {
        "Ukraine’s top negotiator Rustem Umerov spoke.": ("Rustem Umerov", "Ukraine"),
        "Russian President Vladimir Putin spoke.": ("Vladimir Putin", "Russia"),
        "NATO chief Mark Rutte spoke.": ("Mark Rutte", "NATO"),
    }
    for text, (person, side) in cases.items():
        actors, tokens = _actors(nlp, gazetteer, text)
        assert speaker_side(person, actors, tokens) == side, text


def test_speaker_side_is_the_speaker_without_a_tie_to_a_country(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    actors, tokens = _actors(
        nlp, gazetteer, "Marco Rubio, Donald Trump’s top diplomat, spoke to Russia."
    )
    assert speaker_side("Marco Rubio", actors, tokens) == "Marco Rubio"  # a person is no side
    assert speaker_side("Russia", actors, tokens) == "Russia"  # a country is its own side
