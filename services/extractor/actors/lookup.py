"""`Actors`: an article's actors and which of them stands at each token, for the event reader.

`at` is whom an event names at a token; `phrase_at` the common-noun actor whose phrase holds
it, also where `at` names its country instead ("Russian officials": `at` gives Russia, as the
events have always read a state's organs); `antecedent` the last actor of a sector or kind
named earlier in the paragraph, for the pronouns and definite descriptions the reader resolves
("he", "they", "the president", "the ministry").
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from spacy.tokens import Token

from services.extractor.parse.table import Tok
from shared.models import Agent, Entity, EntityKind, Mention


@dataclass(frozen=True)
class Actors:
    """The article's actors and, for the event reader, which token belongs to which actor."""

    entities: list[Entity]
    by_token: dict[int, str]
    kinds: dict[str, EntityKind]
    # The sector of each actor by name, where the text says it (`Entity.agent`).
    agents: dict[str, Agent | None] = field(default_factory=dict)
    # Token -> the common-noun actor whose name the token is part of (its head, modifiers).
    phrases: dict[int, str] = field(default_factory=dict)
    # Every mention as (first token, one past its last token, actor name), in text order.
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    # The paragraph of every token (paragraphs are separated by a blank line).
    paragraph_of: list[int] = field(default_factory=list)
    # The offices each person is named with ("prime minister", "minister", "chancellor"), as
    # a description names them again ("the chancellor").
    offices: dict[str, frozenset[str]] = field(default_factory=dict)

    def at(self, token: Token | Tok) -> str | None:
        """The entity name of the actor `token` is part of, if any."""
        return self.by_token.get(token.i)

    def phrase_at(self, token: Token | Tok) -> str | None:
        """The common-noun actor ("Turkish police", "protesters") whose phrase holds `token`,
        also where `at` gives the country that the state organ acts for."""
        return self.phrases.get(token.i)

    def antecedent(
        self,
        before: Token | Tok | int,
        *,
        agents: Collection[Agent | None] | None = None,
        kinds: Collection[EntityKind] | None = None,
        across_paragraphs: bool = False,
        office: str | None = None,
        where: Callable[[str], bool] | None = None,
    ) -> str | None:
        """The actor mentioned last before token `before` in its paragraph whose agent is one
        of `agents` (None among them: no sector said) and whose kind one of `kinds` (either
        unrestricted when None), else None.

        For the reader's pronouns and definite descriptions: "the president" is
        `antecedent(i, agents={"GOV"}, kinds={"person"})`, "the ministry" `agents={"GOV"},
        kinds={"organization"}`, "they" `kinds={"group", "organization", "country"}`. A mention
        that ends after `before` (the phrase holding it) does not count. `across_paragraphs`
        looks back over the whole text before it ("the president" of an earlier paragraph).
        `office` ("chancellor", "prime minister") passes over people named with another office,
        `where` over names it refuses ("she" is not Donald Trump).
        """
        index = before if isinstance(before, int) else before.i
        if not self.spans or index <= 0:
            return None
        paragraph = self.paragraph_of[index] if index < len(self.paragraph_of) else None
        # Spans sort by their first token: the candidates start before `index`.
        last = bisect.bisect_left(self.spans, (index, -1, ""))
        for first, stop, name in reversed(self.spans[:last]):
            if stop > index:
                continue
            if (
                not across_paragraphs
                and paragraph is not None
                and self.paragraph_of[first] != paragraph
            ):
                return None
            if agents is not None and self.agents.get(name) not in agents:
                continue
            if kinds is not None and self.kinds.get(name) not in kinds:
                continue
            if office is not None and not self._may_hold(name, office):
                continue
            if where is not None and not where(name):
                continue
            return name
        return None

    def country_code(self, name: str) -> str | None:
        """The country an actor is of (a country's own code for a country)."""
        entity = self._entity(name)
        return entity.country_code if entity is not None else None

    def _entity(self, name: str) -> Entity | None:
        return next((e for e in self.entities if e.name == name), None)

    def _may_hold(self, name: str, office: str) -> bool:
        """Whether the person `name` may be "the <office>": named with that office, or with
        none ("Witkoff" may be "the envoy"; "Chancellor Stocker" is not "the prime minister")."""
        held = self.offices.get(name)
        return not held or _SAME_OFFICE.get(office, office) in held

    def described(
        self,
        name: str,
        agent: Agent | None,
        mention: Mention,
        first: int,
        kind: EntityKind = "person",
    ) -> str:
        """The actor a description names when the article names no one it could be ("the
        mayor vetoed the bill", with no mayor named before; "police raids": a group): an actor
        of its own, named by the description ("mayor", "police"), added on first use with this
        mention."""
        entity = self._entity(name)
        if entity is None:
            entity = Entity(name=name, kind=kind, agent=agent)
            self.entities.append(entity)
            self.kinds[name] = kind
            self.agents[name] = agent
            if kind == "person":
                self.offices[name] = frozenset({_SAME_OFFICE.get(name, name)})
        if all(m.start != mention.start for m in entity.mentions):
            entity.mentions.append(mention)
            entity.mentions.sort(key=lambda m: m.start)
            bisect.insort(self.spans, (first, first + 1, name))
        return name


# Offices named two ways ("the premier" is the prime minister).
_SAME_OFFICE = {"premier": "prime minister"}


def paragraphs_of_tokens(tokens: list[Tok]) -> list[int]:
    """The paragraph index of every token: a whitespace token holding a blank line ends one."""
    index: list[int] = []
    paragraph = 0
    for token in tokens:
        index.append(paragraph)
        if token.pos_ == "SPACE" and token.text.count("\n") >= 2:
            paragraph += 1
    return index
