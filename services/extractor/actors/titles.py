"""Titles: what the words before a person's name, and an apposition beside it, say of them.

One walk back over the words before a name ("U.K. Prime Minister Keir Starmer", "Iraq's Prime
Minister ...") gives its title words and the country they name; with the name's own leading
title words and its apposition ("Kirill Dmitriev, Putin's envoy") they give a `Title`:
- `agent`: the sector the title says ("President" GOV, "Gen." MIL, "opposition leader" OPP);
- `offices`: the offices held, as descriptions would name them again ("Prime Minister"
  {"prime minister", "minister"});
- `country`: the country the title names, only when it has a role word ("Russian Vladimir" has
  none).
"""

from __future__ import annotations

from dataclasses import dataclass

from services.extractor.actors.agents import (
    actor_lemma,
    agent_of_phrase,
    agent_of_title,
    is_title_word,
)
from services.extractor.actors.demonyms import country_of_demonym
from services.extractor.actors.names import is_role_word, leading_title_words
from services.extractor.parse.candidates import Candidate
from services.extractor.parse.table import Tok
from services.extractor.parse.words import strip_possessive
from services.extractor.places.gazetteer import Gazetteer
from shared.models import Agent

__all__ = ["NO_TITLE", "Title", "read_title"]

# How many tokens before a name a title may take, possessive endings included ("Iraq's Deputy
# Prime Minister"): enough for a country and a role with its modifiers, short of the clause
# before the title.
_REACH = 6
# Title words before the name the sector is read from: the role word that heads a title stands
# nearest the name, so four words hold it and its modifiers.
_AGENT_WORDS = 4
# Title words, the name's own included, the offices are read from.
_OFFICE_WORDS = 6


@dataclass(frozen=True)
class Title:
    """What a person mention's title says: sector, offices and country (none when no title)."""

    agent: Agent | None
    offices: frozenset[str]
    country: str | None


NO_TITLE = Title(agent=None, offices=frozenset(), country=None)


@dataclass(frozen=True)
class _Before:
    """The words before a name: its title words, nearest first, and the country they name."""

    titles: list[str]
    country: str | None


def read_title(tokens: list[Tok], gazetteer: Gazetteer, c: Candidate) -> Title:
    """The title of a person mention: "President Vladimir Putin" GOV, "Russian Defence
    Minister X" GOV and RU, "Gen. X" MIL, "Putin's envoy, Kirill Dmitriev" GOV and {"envoy"}."""
    if c.label == "COMMON":
        return NO_TITLE
    words = strip_possessive(c.text).split()
    own = words[: leading_title_words(words)]
    before = _words_before(tokens, gazetteer, c.first)
    role = _apposition(tokens[c.root])
    agent = agent_of_title(before.titles[:_AGENT_WORDS][::-1] + own)
    if agent is None:
        agent = _agent_of_role(role)
    country = before.country or _country_of_role(role, gazetteer)
    if agent is None and country is not None and before.titles[:1] == ["leader"]:
        agent = "GOV"  # "Bangladesh's interim leader Muhammad Yunus": the state's head
    reach = max(0, _OFFICE_WORDS - len(own))
    return Title(
        agent=agent,
        offices=_offices(before.titles[:reach][::-1] + own, role),
        country=country,
    )


def _words_before(tokens: list[Tok], gazetteer: Gazetteer, first: int) -> _Before:
    """Walk back from token `first` over the title before it, once: the title words standing
    right before the name, nearest first, and the country that title names ("U.K. Prime
    Minister" GB, "Iraq's Prime Minister" IQ; None when no role word is in it)."""
    titles: list[str] = []
    in_title = True  # still in the run of title words that ends at the name
    code: str | None = None
    role = False
    for i in range(first - 1, max(first - 1 - _REACH, -1), -1):
        token = tokens[i]
        title_word = is_title_word(token)
        in_title = in_title and title_word
        if in_title:
            titles.append(token.text)
        if token.tag_ == "POS":
            continue  # "Iraq's": the country's possessive ending is part of the title
        found = _country_word(token, gazetteer)
        if found is not None:
            code = code or found
        elif title_word:
            role = role or _names_a_role(token)
        else:
            break
    return _Before(titles=titles, country=code if role else None)


def _names_a_role(token: Tok) -> bool:
    """Whether a title word names a role ("Minister", "leader"), not only a modifier of one."""
    return is_role_word(token.text) or actor_lemma(token.lemma_, token.lower_) is not None


def _apposition(root: Tok) -> Tok | None:
    """The noun in apposition to a name ("Putin's envoy, Kirill Dmitriev", "Kirill Dmitriev,
    Putin's envoy"), else None."""
    if root.dep_ == "appos":
        role: Tok | None = root.head
    else:
        role = next((t for t in root.children if t.dep_ == "appos"), None)
    return role if role is not None and role.pos_ == "NOUN" else None


def _country_of_role(role: Tok | None, gazetteer: Gazetteer) -> str | None:
    """The country an apposition's role names ("Iran's top diplomat, Abbas Araghchi" IR,
    "a Russian envoy"), where the role names an actor ("Putin's envoy" names no country)."""
    if role is None or actor_lemma(role.lemma_, role.lower_) is None:
        return None
    for child in role.children:
        if child.dep_ in {"poss", "amod", "compound"}:
            code = _country_word(child, gazetteer)
            if code is not None:
                return code
    return None


def _country_word(token: Tok, gazetteer: Gazetteer) -> str | None:
    """The country a word of a title names: a demonym's, or a capitalised country's name
    (also where the tagger took it for a common noun: "Bangladesh’s")."""
    code = country_of_demonym(token.text)
    if code is None and (token.pos_ == "PROPN" or token.text[:1].isupper()):
        entry = gazetteer.country(token.text)
        code = entry.country_code if entry is not None else None
    return code


def _agent_of_role(role: Tok | None) -> Agent | None:
    """The sector an apposition's noun phrase says ("Putin's envoy" GOV)."""
    if role is None:
        return None
    lemma = actor_lemma(role.lemma_, role.lower_)
    if lemma is None:
        return None
    modifiers = [t.lemma_.casefold() for t in role.children if t.dep_ in {"compound", "amod"}]
    return agent_of_phrase(lemma, modifiers)


def _offices(titles: list[str], role: Tok | None) -> frozenset[str]:
    """The offices named by title words in text order and an apposition's noun phrase, each
    alone and with the word before it ("prime minister", "minister")."""
    words = list(titles)
    if role is not None:
        words.extend(t.text for t in role.children if t.dep_ in {"compound", "amod"})
        words.append(role.text)
    offices: set[str] = set()
    lowered = [w.casefold().rstrip(".") for w in words]
    for end, word in enumerate(lowered):
        lemma = actor_lemma(word, word)
        if lemma is None:
            continue
        offices.add(lemma)
        if end > 0:
            offices.add(f"{lowered[end - 1]} {lemma}")
    return frozenset(offices)
