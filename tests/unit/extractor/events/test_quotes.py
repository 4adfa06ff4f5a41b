"""Quotations, their speakers and the speakers' sides, on real parses."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from services.extractor.actors.canonical import Actors, find_actors
from services.extractor.actors.mentions import read_candidates
from services.extractor.events.quotes import Quote, Speakers, find_quotes, quote_at, speaker_side
from services.extractor.events.reader import SPEECH_VERBS
from services.extractor.parse.candidates import sentence_of_tokens
from services.extractor.parse.table import Tok, parse_table
from services.extractor.places.gazetteer import Gazetteer

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


def _speakers(nlp: Language, gazetteer: Gazetteer, text: str) -> tuple[Speakers, list[Tok]]:
    doc = nlp(text)
    candidates = read_candidates(doc, gazetteer)
    tokens = parse_table(doc)
    sentence_of = sentence_of_tokens(doc)
    actors = find_actors(doc, candidates, gazetteer, sentence_of, tokens)

    def subject_of(verb: Tok) -> list[str]:  # a stand-in for the reader of clauses in `events`
        subjects = (actors.at(c) for c in verb.children if c.dep_ == "nsubj")
        return [name for name in subjects if name is not None]

    return Speakers(tokens, sentence_of, actors, SPEECH_VERBS, subject_of), tokens


def test_speakers_read_quoted_we_as_the_side_and_i_as_the_speaker(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    speakers, tokens = _speakers(
        nlp,
        gazetteer,
        "“We met Russia and I am glad,” Ukraine’s top negotiator Rustem Umerov said.",
    )
    we = next(t for t in tokens if t.text == "We")
    i = next(t for t in tokens if t.text == "I")
    assert speakers.first_person(i, i.head) == ["Rustem Umerov"]
    assert speakers.side_reads == 0
    assert speakers.first_person(we, we.head) == ["Ukraine"]
    assert speakers.side_reads == 1


def test_speakers_of_a_content_clause_and_of_no_quote(nlp: Language, gazetteer: Gazetteer) -> None:
    speakers, tokens = _speakers(
        nlp, gazetteer, "Marco Rubio said that we met Russia. We will meet Ukraine."
    )
    met, meet = (next(t for t in tokens if t.text == word) for word in ("met", "meet"))
    assert speakers.of_clause(met) == ["Marco Rubio"]
    assert speakers.of_clause(meet) is None
    we_met, we_meet = (t for t in tokens if t.lower_ == "we")
    assert speakers.first_person(we_met, met) == ["Marco Rubio"]  # no tie to a country
    assert speakers.first_person(we_meet, meet) == []  # no speaker: no one
