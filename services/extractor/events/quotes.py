"""Quotations and who speaks them, so that "we" in a quote can be read as the speaker's side.

A quotation is the tokens between double quotation marks (curly “ ” or straight ", the parser's
`` and '' tags telling a straight opening mark from a closing one). Its speaker is the subject of
the verb of saying that attributes it: right after the closing mark in the same sentence
(`“...,” Umerov wrote`, `“...,” said Rubio`) or right before the opening mark (`Rubio said:
“...”`). A quote with neither has no speaker: a paragraph-long quote attributed only by the
paragraph before it is left unread rather than guessed.

The speaker's side (`speaker_side`) is who "we" in their mouth stands for: the country,
organisation or group the article ties the person to ("Ukraine's top negotiator Rustem Umerov"
-> Ukraine, "Russian President Vladimir Putin" -> Russia, "NATO chief Mark Rutte" -> NATO,
"Dmitry Peskov, the Kremlin spokesman" -> Kremlin), else the person. A tie to another person
("Trump's top diplomat") is not followed.

`Speakers` answers, for one article, who a first-person pronoun is: the speaker of the content
clause it stands in ("Umerov said that we ...") or of the quotation holding it; "I" and "me"
are the speaker, "we", "us" and "our" the speaker's side.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection
from dataclasses import dataclass

from services.extractor.actors.canonical import Actors
from services.extractor.parse.table import Tok

_OPENING = frozenset({"“", "«", "„"})
_CLOSING = frozenset({"”", "»"})
_STRAIGHT = '"'
# Tokens between a closing mark and its verb of saying: `,” Ukraine’s top negotiator Rustem
# Umerov said` is 6; ten leaves room for a longer title and stops before the next clause.
_AFTER_WINDOW = 10
# Tokens between a verb of saying and the opening mark: `said: “`, `told reporters: “`.
_BEFORE_WINDOW = 4
_INTRODUCING = frozenset({":", ","})
# How a person is tied to a side: the modifiers of their name or of its role noun.
_TIE_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
_ROLE_DEPS = frozenset({"compound", "appos"})
_SIDE_KINDS = frozenset({"country", "organization", "group"})
# First-person forms read as the speaker ("I", "me") or the speaker's side ("we", "us", "our").
_FIRST_SINGULAR = frozenset({"i", "me", "my", "mine"})
_FIRST_PLURAL = frozenset({"we", "us", "our", "ours"})
FIRST_PERSON = _FIRST_SINGULAR | _FIRST_PLURAL
# Dependencies through which a clause continues the content clause it is part of ("said that
# they met and agreed", "said that they hope to meet").
_CONTINUING_DEPS = frozenset({"conj", "xcomp"})


@dataclass(frozen=True)
class Quote:
    """A quotation: tokens `start` up to (not including) `stop`, and the verb that attributes it."""

    start: int
    stop: int
    verb: Tok | None


def _mark(token: Tok) -> str | None:
    """ "open", "close" or None for a token that is no double quotation mark."""
    text = token.text
    if text in _OPENING:
        return "open"
    if text in _CLOSING:
        return "close"
    if text == _STRAIGHT:
        return "open" if token.tag_ == "``" else "close"
    return None


def find_quotes(
    tokens: list[Tok], sentence_of: list[int], speech_verbs: Collection[str]
) -> list[Quote]:
    """The quotations among `tokens`, in text order; an unclosed quote is dropped."""
    quotes: list[Quote] = []
    opened: int | None = None
    for token in tokens:
        mark = _mark(token) if token.pos_ == "PUNCT" else None
        if mark == "open":
            opened = token.i
        elif mark == "close" and opened is not None:
            verb = _verb_after(tokens, sentence_of, token.i, speech_verbs) or _verb_before(
                tokens, sentence_of, opened, speech_verbs
            )
            quotes.append(Quote(opened + 1, token.i, verb))
            opened = None
    return quotes


def _verb_after(
    tokens: list[Tok], sentence_of: list[int], close: int, speech_verbs: Collection[str]
) -> Tok | None:
    sentence = sentence_of[close]
    for token in tokens[close + 1 : close + 1 + _AFTER_WINDOW]:
        if sentence_of[token.i] != sentence or _mark(token) is not None:
            return None
        if token.pos_ == "VERB":
            return token if token.lemma_.casefold() in speech_verbs else None
    return None


def _verb_before(
    tokens: list[Tok], sentence_of: list[int], open_: int, speech_verbs: Collection[str]
) -> Tok | None:
    if open_ == 0 or tokens[open_ - 1].text not in _INTRODUCING:
        return None
    sentence = sentence_of[open_ - 1]
    for token in reversed(tokens[max(0, open_ - 1 - _BEFORE_WINDOW) : open_ - 1]):
        if sentence_of[token.i] != sentence or _mark(token) is not None:
            return None
        if token.pos_ == "VERB":
            return token if token.lemma_.casefold() in speech_verbs else None
    return None


def quote_at(quotes: list[Quote], starts: list[int], i: int) -> Quote | None:
    """The quote holding token `i`; `starts` is `[q.start for q in quotes]`."""
    position = bisect.bisect_right(starts, i) - 1
    if position < 0:
        return None
    quote = quotes[position]
    return quote if i < quote.stop else None


def speaker_side(name: str, actors: Actors, tokens: list[Tok]) -> str:
    """The country, organisation or group the article ties person `name` to, else `name`."""
    if actors.kinds.get(name) != "person":
        return name
    by_token = actors.by_token
    for i in sorted(i for i, owner in by_token.items() if owner == name):
        if i > 0 and by_token.get(i - 1) == name:
            continue  # one look per mention, from its first token
        top = tokens[i]
        while top.head is not top and by_token.get(top.head.i) == name:
            top = top.head
        holders = [top]
        holders.extend(
            c for c in top.children if c.dep_ in _ROLE_DEPS and by_token.get(c.i) != name
        )
        if top.dep_ in _ROLE_DEPS and top.head is not top:
            holders.append(top.head)  # "negotiator Rustem Umerov": the role noun heads the name
        before = tokens[i - 1] if i > 0 else None
        if before is not None and before.pos_ == "NOUN" and before not in holders:
            holders.append(before)  # the same, where the parser made name and noun siblings
        for holder in holders:
            for child in holder.children:
                side = by_token.get(child.i)
                if (
                    child.dep_ in _TIE_DEPS
                    and side is not None
                    and side != name
                    and actors.kinds.get(side) in _SIDE_KINDS
                ):
                    return side
    return name


class Speakers:
    """Who speaks a content clause or a quotation of one article, and whose side their "we" is.

    `subject_of(verb)` names the actors of a verb's subject (the reader of clauses in `events`);
    `speech_verbs` are the lemmas of the verbs of saying. Quotations are found, and a quote's
    speaker or a person's side read, only when a pronoun asks; each is kept for the article.
    """

    def __init__(
        self,
        tokens: list[Tok],
        sentence_of: list[int],
        actors: Actors,
        speech_verbs: Collection[str],
        subject_of: Callable[[Tok], list[str]],
    ) -> None:
        self._tokens = tokens
        self._sentence_of = sentence_of
        self._actors = actors
        self._speech_verbs = speech_verbs
        self._subject_of = subject_of
        self._quotes: list[Quote] | None = None
        self._quote_starts: list[int] = []
        self._quote_speakers: dict[int, list[str]] = {}
        self._sides: dict[str, str] = {}
        # How many times "we", "us" or "our" was read as a side: an event read compares counts.
        self.side_reads = 0

    def saying_verb(self, verb: Tok) -> Tok | None:
        """The verb of saying whose content clause `verb` heads (or continues), else None."""
        clause = verb
        while clause.dep_ in _CONTINUING_DEPS and clause.head is not clause:
            clause = clause.head
        if clause.dep_ != "ccomp" or clause.head.lemma_ not in self._speech_verbs:
            return None
        return clause.head

    def of_clause(self, verb: Tok) -> list[str] | None:
        """The speaker when `verb` heads (a conjunct of) the content clause of a verb of saying,
        else None."""
        saying = self.saying_verb(verb)
        return None if saying is None else self._subject_of(saying)

    def first_person(self, pronoun: Tok, verb: Tok | None) -> list[str]:
        """Who first-person `pronoun` (of clause `verb`, if any) is: "I" the speaker, "we" the
        speaker's side; with no known speaker, no one."""
        speaker = (self.of_clause(verb) if verb is not None else None) or self.of_quote(pronoun)
        if not speaker:
            return []
        if pronoun.lower_ not in _FIRST_PLURAL:
            return speaker
        self.side_reads += 1
        sides: list[str] = []
        for name in speaker:
            side = self._sides.get(name)
            if side is None:
                side = self._sides[name] = speaker_side(name, self._actors, self._tokens)
            if side not in sides:
                sides.append(side)
        return sides

    def of_quote(self, token: Tok) -> list[str]:
        """The speaker of the quotation holding `token`, if it has one: its verb's subject, or
        for a quotation with no verb that follows one in the next sentence ("“Fear is back,”
        said a resident. “They started shooting.”"), that one's speaker."""
        if self._quotes is None:
            self._quotes = find_quotes(self._tokens, self._sentence_of, self._speech_verbs)
            self._quote_starts = [quote.start for quote in self._quotes]
        quote = quote_at(self._quotes, self._quote_starts, token.i)
        if quote is not None and quote.verb is None:
            quote = self._continued(quote)
        if quote is None or quote.verb is None:
            return []
        known = self._quote_speakers.get(quote.start)
        if known is None:
            self._quote_speakers[quote.start] = []  # a guard against quotes attributing each other
            known = self._quote_speakers[quote.start] = self._subject_of(quote.verb)
        return known

    def _continued(self, quote: Quote) -> Quote | None:
        """The attributed quotation a verbless one goes on from: the one closing in its
        sentence or the sentence before."""
        assert self._quotes is not None
        position = bisect.bisect_right(self._quote_starts, quote.start - 1) - 1
        if position < 0:
            return None
        before = self._quotes[position]
        near = self._sentence_of[quote.start] - self._sentence_of[before.stop] <= 1
        return before if near and before.verb is not None else None
