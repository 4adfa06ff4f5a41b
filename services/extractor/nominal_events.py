"""Events named by a noun: "talks between Russia and Ukraine", "U.S. sanctions on Russia".

News often names an event with a noun (`plover.NOMINAL_TYPES`) rather than a verb. This module
reads, from the dependency parse alone, which dependents of such a noun name its participants;
`events` turns them into actors and builds the event. Roles, by dependent:

- possessor: source ("Witkoff's meeting"); the target for a noun whose possessor is its
  patient (below);
- compound or nationality adjective: source ("U.S. sanctions on Russia", "the Russia-Ukraine
  talks", "Russian strikes"), except a person for the types in `_PERSON_MODIFIER_IS_PATIENT`
  and a country named by a compound for the types in `_COMPOUND_COUNTRY_IS_AMBIGUOUS` (below);
- "by": source ("an attack on Kyiv by Russian forces");
- "between", "among": all parties (below: "talks between Russia and Ukraine");
- "with", "to", "towards": target ("Witkoff's meeting with Dmitriev", "a visit to China");
- "against", "on", "upon", "into", "for": target ("sanctions on Russia", "aid for Kyiv"),
  except for the talk-like types (below);
- "of": source for the types in `_OF_IS_SOURCE` ("the withdrawal of Russian troops", "the
  demands of Ukraine"), nothing for THREATEN ("the threat of NATO air strikes" says what is
  threatened), else target ("the invasion of Ukraine", "the evacuation of Yellowknife");
- "from": target for RETREAT ("withdrawal from Ukraine"), else source ("aid from Japan").

Parties "between X and Y" are all sources, as conjoined subjects of a verb are ("Russia and
Ukraine met": sources Russia, Ukraine, no target): the noun says they act together, not who acts
on whom. When another dependent names a source, they are its targets.

For talk-like types (`_PARTNER_ONLY`: CONSULT, AGREE, COOPERATE) "on", "over", "for" and "at"
name the topic or the venue ("talks on Ukraine", "a meeting at the White House"), not a party;
PROTEST takes only "against". The possessor of an arrest, detention, deportation, expulsion,
murder or kidnapping is its patient ("Navalny's arrest") unless an "of" names the patient; so is
a person named by the compound of an investigation, crime or coercion ("the Bin Laden
investigation", "the Slepian murder"; "the FBI investigation" is the FBI's). For material acts
a country named by a compound is as often the target or the place as the agent ("the Kuwait
invasion", "the Iran sanctions", "Ukraine aid", "the Hong Kong protests" against "U.S.
sanctions"): it is the source only when the noun names a target too ("U.S. sanctions on
Russia"), else it is left out; a nationality adjective ("Iraqi invasion") is the agent.
Modifiers are read through chained actor names ("Russia-Ukraine") but not through other words
("the Kenya embassy bombing"), and an event noun that qualifies a thing ("attack helicopters",
"investigation departments") names no event.

Such an event is not read when the noun is denied: "no talks", or under a verb that rules it out
("ruled out any meeting", "cancelled the summit", `_DENYING_VERBS`). It is hypothetical (lower
confidence) under "any" or "possible"/"potential" and under verbs that seek it rather than
report it ("called for talks", "want a deal", `_SEEKING_VERBS`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from services.extractor.parse_table import Tok
from services.extractor.plover import NOMINAL_TYPES
from shared.models import EventType

# Types whose "on/over/for/at" object is a topic or venue, not a party.
_PARTNER_ONLY = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_PARTNER_PREPOSITIONS = frozenset({"with", "to", "toward", "towards"})
_PROTEST_PREPOSITIONS = frozenset({"against"})
_TARGET_PREPOSITIONS = frozenset(
    {"with", "to", "toward", "towards", "against", "on", "upon", "into", "for"}
)
_PARTY_PREPOSITIONS = frozenset({"between", "among", "amongst"})
# "the withdrawal of Russian troops": the object of "of" is who acts, for these types; but what
# is evacuated is the object of "the evacuation of Yellowknife".
_OF_IS_SOURCE = frozenset({"CONSULT", "PROTEST", "RETREAT", "MOBILIZE", "COOPERATE", "DEMAND"})
_OF_IS_TARGET_NOUNS = frozenset({"evacuation"})
# "the threat of NATO air strikes": the object of "of" is what is threatened, not whom.
_OF_IS_CONTENT = frozenset({"THREATEN"})
# Types whose person-naming compound is the one it is done to: "the Bin Laden investigation",
# "the Slepian murder", "the Navalny arrest" (but "the FBI investigation").
_PERSON_MODIFIER_IS_PATIENT = frozenset({"INVESTIGATE", "CRIME", "COERCE"})
# Material acts, whose compound country is as often the target or the place as the agent.
_COMPOUND_COUNTRY_IS_AMBIGUOUS = frozenset(
    {"ASSAULT", "SANCTION", "AID", "PROTEST", "INVESTIGATE", "COERCE", "CRIME", "RETREAT",
     "MOBILIZE"}
)  # fmt: skip
# Nouns whose possessor is the one it is done to ("Navalny's arrest").
_PATIENT_POSSESSOR = frozenset(
    {"arrest", "detention", "deportation", "expulsion", "murder", "kidnapping"}
)
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Governing verbs that say the event does not (or will not) take place.
_DENYING_VERBS = frozenset(
    {
        "rule", "cancel", "postpone", "delay", "scrap", "reject", "refuse", "deny", "oppose",
        "block", "prevent", "avoid", "suspend", "halt", "abandon", "drop", "shelve",
    }
)  # fmt: skip
# Governing verbs that ask for the event rather than report it.
_SEEKING_VERBS = frozenset(
    {
        "seek", "want", "propose", "call", "urge", "demand", "hope", "push", "plan", "invite",
        "need", "ask", "request", "press", "await", "consider", "suggest", "offer", "discuss",
        "threaten", "fear", "expect", "prepare",
    }
)  # fmt: skip
_HYPOTHETICAL_DETERMINERS = frozenset({"any"})
_HYPOTHETICAL_ADJECTIVES = frozenset({"possible", "potential", "hypothetical", "eventual"})
# Dependencies that start a clause of its own: a noun phrase's tokens stop there.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis", "appos"})


@dataclass
class Slots:
    """The dependents of an event noun that name its participants: possessors and modifiers as
    themselves, prepositional and "agent" phrases as the preposition (whose objects they are).
    `parties` ("between X and Y") are sources when no other source names an actor, else targets;
    when `person_patients`, a person named by a modifier is a target; when `ambiguous_countries`,
    a country named by a compound is a source only if the noun has a target."""

    sources: list[Tok] = field(default_factory=list)
    targets: list[Tok] = field(default_factory=list)
    parties: list[Tok] = field(default_factory=list)
    person_patients: bool = False
    ambiguous_countries: bool = False


def is_event_noun(token: Tok) -> bool:
    """Whether `token` names an event by itself (`plover.NOMINAL_TYPES`)."""
    return token.pos_ == "NOUN" and token.lemma_ in NOMINAL_TYPES


def modifies_a_thing(noun: Tok) -> bool:
    """ "investigation departments", "attack helicopters": the noun qualifies another thing and
    names no event ("the murder investigation": the murder is one)."""
    return noun.dep_ in {"compound", "amod"} and not is_event_noun(noun.head)


def participant_slots(noun: Tok, kind: EventType) -> Slots:
    """The dependents of event noun `noun` that name its participants (module docstring)."""
    slots = Slots(
        person_patients=kind in _PERSON_MODIFIER_IS_PATIENT,
        ambiguous_countries=kind in _COMPOUND_COUNTRY_IS_AMBIGUOUS,
    )
    sources, targets = slots.sources, slots.targets
    possessor: Tok | None = None
    has_of = False
    for child in noun.children:
        dep = child.dep_
        if dep == "poss":
            possessor = child
        elif dep in _MODIFIER_DEPS or dep == "agent":
            sources.append(child)
        elif dep == "prep":
            word = child.lower_
            if word == "by":
                sources.append(child)
            elif word in _PARTY_PREPOSITIONS:
                slots.parties.append(child)
            elif word == "of":
                has_of = True
                if kind in _OF_IS_CONTENT:
                    continue
                agent = kind in _OF_IS_SOURCE and noun.lemma_ not in _OF_IS_TARGET_NOUNS
                (sources if agent else targets).append(child)
                # "the arrest of Imran Khan by Pakistani police": the parser often hangs the
                # agent's "by" on the object of "of"; it is the noun's.
                sources.extend(
                    by
                    for pobj in child.children
                    if pobj.dep_ == "pobj"
                    for by in pobj.children
                    if by.dep_ == "prep" and by.lower_ == "by"
                )
            elif word == "from":
                (targets if kind == "RETREAT" else sources).append(child)
            elif word in _target_prepositions(kind):
                targets.append(child)
    if possessor is not None:
        patient = noun.lemma_.casefold() in _PATIENT_POSSESSOR and not has_of
        (targets if patient else sources).append(possessor)
    return slots


def _target_prepositions(kind: EventType) -> frozenset[str]:
    if kind in _PARTNER_ONLY:
        return _PARTNER_PREPOSITIONS
    if kind == "PROTEST":
        return _PROTEST_PREPOSITIONS
    return _TARGET_PREPOSITIONS


def governing_verb(noun: Tok) -> Tok | None:
    """The verb of the clause the noun phrase belongs to ("talks ... ended", "imposed sanctions"),
    or None for a verbless fragment (a headline)."""
    token = noun
    for _ in range(12):  # noun phrases nest a few prepositions deep; a guard against cycles
        head = token.head
        if head is token:
            return None
        if head.pos_ in {"VERB", "AUX"}:
            return head
        token = head
    return None


def denied(noun: Tok, verb: Tok | None) -> bool:
    """ "no talks", "ruled out any meeting", "cancelled the summit": the event is not."""
    if any(child.lower_ == "no" for child in noun.children):
        return True
    return verb is not None and verb.lemma_.casefold() in _DENYING_VERBS


def hypothetical(noun: Tok, verb: Tok | None) -> bool:
    """ "any meeting", "possible sanctions", "called for talks": asked about, not reported."""
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in _HYPOTHETICAL_DETERMINERS:
            return True
        if child.dep_ == "amod" and child.lower_ in _HYPOTHETICAL_ADJECTIVES:
            return True
    return verb is not None and verb.lemma_.casefold() in _SEEKING_VERBS


def phrase_tokens(noun: Tok, event_nouns: frozenset[int]) -> list[Tok]:
    """The noun phrase's own tokens, for its date and places: its dependents, not entering
    clauses or other event nouns ("sanctions over the 2022 invasion": 2022 is the invasion's)."""
    tokens: list[Tok] = []
    stack = [noun]
    while stack:
        token = stack.pop()
        tokens.append(token)
        for child in token.children:
            if child.dep_ in _CLAUSE_DEPS or child.i in event_nouns:
                continue
            stack.append(child)
    return sorted(tokens, key=lambda t: t.i)


def partner_after(noun: Tok, verb: Tok, kind: EventType) -> Tok | None:
    """A "with" phrase the parser hung on the verb right after a talk-like noun object ("follows
    US talks on Friday with Ukrainian officials"): the talks' partner, not the verb's."""
    if kind not in _PARTNER_ONLY or noun.head is not verb or noun.dep_ != "dobj":
        return None
    end = max(t.i for t in noun.subtree)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "with" and child.i == end + 1:
            return child
    return None
