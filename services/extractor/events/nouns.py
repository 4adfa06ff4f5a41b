"""Events named by a noun: "talks between Russia and Ukraine", "U.S. sanctions on Russia".

News often names an event with a noun (`plover.nominal_type`) rather than a verb. This module
reads, from the dependency parse, which dependents of such a noun name its participants, and
builds its event (`noun_event`) with the reader of clauses in `events` (`ClauseReader`: who a
dependent names, where and when). Roles, by dependent:

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
Modifiers are read through chained actor names ("Russia-Ukraine") but not through other words,
and an event noun that qualifies a thing ("attack helicopters", "investigation departments")
names no event. An assault's modifier naming a building or site ("embassy", "base", "hospital",
`_BUILDING_WORDS`) says what was attacked: it, the actor it is part of ("the U.S. Embassy
bombings") and the modifiers before it ("the Israeli embassy attack", "the U.S. embassy
bombing": whose building) are targets, never the agent.

A noun's type is read on the modifier right before it where the pair has one of its own
(`plover.COMPOUND_TYPES`: an "air raid" is an ASSAULT, a "raid" COERCE). An event noun that is
the passive subject of a light verb ("talks were held between Russia and Ukraine", "sanctions
were imposed on Iran by the US") takes the verb's prepositional and "by" phrases as its own:
the verb only carries it (`passive_carrier`), as "held talks" does, and makes no event.

No event is counted twice: a noun that is the object of a light verb which made an event ("held
talks with") is that event; a noun under a verb whose type (before negation) is the noun's
("agreed to a deal with the US", "did not sign the deal with Iran") adds its targets to the
verb's event, negated or not.

Otherwise such an event is not read when the noun is denied: "no talks", a governing verb that
rules it out ("ruled out any meeting", "cancelled the summit", `_DENYING_VERBS`), or a verb that
would bring it about or seeks it (a light verb, a verb of the noun's type or of seeking: "hold
talks", "sign a deal", "want a deal"), whose object it is, negated or refused up its control
chain (the verb whose infinitive it is, and so on: "did not want a deal", "the deal was not
signed", "refused to sign a deal", "did not want to hold talks"). Another verb's negation says
nothing of the event ("did not condemn the attack", "the raid is not linked with the probe",
"the assistance is not helping"), and a conjunct or a participle is no control chain ("rejected
the plan, calling for talks": the talks are sought, not denied). An event is hypothetical
(lower confidence) under "any" or "possible"/"potential" and under verbs that seek it rather
than report it ("called for talks", "want a deal", `_SEEKING_VERBS`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from services.extractor.actors.agents import actor_lemma
from services.extractor.actors.canonical import Actors
from services.extractor.actors.demonyms import is_demonym
from services.extractor.actors.mentions import VENUE_WORDS
from services.extractor.events.clauses import (
    CHARGING_VERBS,
    SCHEDULING_GOVERNORS,
    SUBJECT_DEPS,
    chain,
    controller,
    is_hedged,
    is_negated,
    reading,
    short_of_doing,
)
from services.extractor.events.plover import LIGHT_VERBS, nominal_type, noun_type, verb_type
from services.extractor.parse.table import Tok, subtree_until
from shared.models import EventType, TimeExpression

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
    {"arrest", "detention", "deportation", "expulsion", "murder", "kidnapping", "shooting",
     "killing", "slaying", "stabbing", "beating", "assassination", "abduction", "execution",
     "torture", "rape", "extradition", "imprisonment", "conviction", "indictment", "release"}
)  # fmt: skip
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Buildings and sites an assault is made on: a modifier of an assault noun naming one says what
# was attacked, not who attacked ("the U.S. Embassy bombings", "the army base attack").
_BUILDING_WORDS = frozenset(
    {
        "embassy", "consulate", "base", "headquarters", "hospital", "school", "barracks",
        "building", "office", "station", "airport", "airfield", "port", "church", "mosque",
        "synagogue", "temple", "hotel", "market", "university", "college", "factory", "plant",
        "refinery", "facility", "center", "centre", "tower", "bridge", "checkpoint", "outpost",
        "prison", "camp", "compound", "mission", "residence", "palace", "parliament", "clinic",
    }
)  # fmt: skip
_BUILDING_PLURALS = frozenset(
    {"embassies", "consulates", "bases", "hospitals", "schools", "buildings", "offices",
     "stations", "airports", "churches", "mosques", "temples", "hotels", "markets", "factories",
     "plants", "refineries", "facilities", "centers", "centres", "towers", "bridges",
     "checkpoints", "outposts", "prisons", "camps", "compounds", "missions", "clinics"}
)  # fmt: skip
# Light verbs whose passive subject is the event noun they carry ("talks were held").
_PASSIVE_CARRIED_DEPS = frozenset({"prep", "agent"})
# Governing verbs that say the event does not (or will not) take place.
_DENYING_VERBS = frozenset(
    {
        "rule", "cancel", "postpone", "delay", "scrap", "reject", "refuse", "deny", "oppose",
        "block", "prevent", "avoid", "suspend", "halt", "abandon", "drop", "shelve",
    }
)  # fmt: skip
# Nouns of calling an event off ("a postponement of his visit"), and verbs that do it to their
# object only ("killed a planned endorsement"; not "killed in an attack").
_CALLING_OFF_NOUNS = frozenset(
    {"postponement", "cancellation", "cancelation", "suspension", "delay", "scrapping",
     "abandonment", "halt", "deferral"}
)  # fmt: skip
_CALLING_OFF_VERBS = frozenset({"kill", "defer", "nix", "axe", "ax"})
# Participles that say an act was undone or cut back ("reduced tariffs", "lifted sanctions").
_UNDONE = frozenset({"reduced", "lowered", "lifted", "eased", "suspended", "cancelled", "canceled"})
# Governing verbs that ask for the event rather than report it.
_SEEKING_VERBS = frozenset(
    {
        "seek", "want", "propose", "call", "urge", "demand", "hope", "push", "plan", "invite",
        "need", "ask", "request", "press", "await", "consider", "suggest", "offer", "discuss",
        "threaten", "fear", "expect", "prepare", "speculate", "require", "contemplate", "mull",
        "warn",  # "warned of sanctions against Moscow": held over, not imposed
    }
)  # fmt: skip
# Nouns of asking, offering or threatening: an event noun under one is sought, not reported.
_SEEKING_NOUNS = frozenset(
    {"call", "demand", "request", "appeal", "proposal", "plan", "threat", "offer", "push",
     "bid", "plea", "ultimatum", "possibility", "prospect", "option", "idea", "risk", "chance",
     "hope", "reward", "bounty",
     # wanted: "reaffirmed his preference for a diplomatic deal with Iran"
     "preference", "desire", "wish", "appetite", "aspiration", "ambition",
     # feared, not reported: "expressing concern over police raids", "fears of a crackdown"
     "concern", "fear", "worry", "danger", "spectre", "specter",
     # promised, not given: "assurances of aid", "a pledge of support", "a vow of revenge"
     "assurance", "promise", "pledge", "guarantee", "commitment", "vow"}
)  # fmt: skip
# How a noun phrase hangs under the noun that has its event in view without a clause of its
# own: "the possibility of imposing tariffs", "threats to impose sanctions".
_NONFINITE_DEPS = frozenset({"pcomp", "acl", "relcl", "xcomp"})
_HYPOTHETICAL_DETERMINERS = frozenset({"any"})
_HYPOTHETICAL_ADJECTIVES = frozenset(
    {"possible", "potential", "hypothetical", "eventual", "threatened", "proposed"}
)  # "the threatened tariffs", "proposed sanctions": not imposed
# Adjectives that make an event noun a standing state: "the long-standing partnership between
# the U.S. and Canada", "their decades-old alliance".
_STANDING_ADJECTIVES = frozenset(
    {"long-standing", "longstanding", "longtime", "long-time", "decades-long", "decades-old",
     "years-long", "enduring", "traditional", "age-old", "lasting"}
)  # fmt: skip
# Dependencies that start a clause of its own: a noun phrase's tokens stop there.
_CLAUSE_DEPS = frozenset(
    {"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis", "appos", "pcomp"}
)
# Verbs whose object or participle is their event noun's happening, now: the light verbs and
# those that enact or schedule it.
_REALISING_VERBS = LIGHT_VERBS | frozenset({"set", "schedule", "slate", "plan", "fix"})
# Nouns of which a gathering is a part ("a new round of talks").
_UNITS = frozenset({"round", "series", "session", "part", "day"})
# Prepositions whose event noun is the occasion of the verb's act ("killed in an attack").
_OCCASION_PREPOSITIONS = frozenset({"in", "during"})
# How many verbs up a control chain a denial is looked for ("did not want to try to sign"): a
# guard against parse cycles; real chains are short.
_CONTROL_LIMIT = 8


@dataclass
class Slots:
    """The dependents of an event noun that name its participants: possessors and modifiers as
    themselves, prepositional and "agent" phrases as the preposition (whose objects they are).
    `parties` ("between X and Y") are sources when no other source names an actor, else targets;
    when `person_patients`, a person named by a modifier is a target; when `ambiguous_countries`,
    a country named by a compound is a source only if the noun has a target. `attacked` are
    modifiers naming what an assault was made on (`attacked_modifiers`): their actors are
    targets."""

    sources: list[Tok] = field(default_factory=list)
    targets: list[Tok] = field(default_factory=list)
    parties: list[Tok] = field(default_factory=list)
    attacked: list[Tok] = field(default_factory=list)
    person_patients: bool = False
    ambiguous_countries: bool = False


def event_noun_type(token: Tok) -> EventType | None:
    """The type of the event `token` names by itself (`plover.nominal_type`, with the modifier
    right before it: "air raid"), or None."""
    if token.pos_ != "NOUN":
        return None
    return _with_compound(nominal_type, token)


def event_noun_kind(token: Tok) -> EventType | None:
    """The type of the event a noun names after a light verb ("launched an air raid":
    `plover.noun_type`, with the modifier right before it), or None."""
    return _with_compound(noun_type, token)


def _with_compound(lookup: Callable[[str, str], EventType | None], token: Tok) -> EventType | None:
    kind = lookup(token.lemma_, "")
    if kind is None or not token.children:
        return kind  # the compound is read only for a known noun that has modifiers
    if _a_display(token):
        return None
    return lookup(token.lemma_, compound_word(token))


def _a_display(noun: Tok) -> bool:
    """ "the demonstrations of Denmark's contribution", "a show of force": a display of a
    thing, no protest (a demonstration of students is one)."""
    if noun.lemma_.casefold() not in _DISPLAYS:
        return False
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "of"
        and any(
            o.dep_ == "pobj" and o.pos_ == "NOUN" and actor_lemma(o.lemma_, o.lower_) is None
            for o in prep.children
        )
        for prep in noun.children
    )


# Nouns of protest that are also nouns of showing something.
_DISPLAYS = frozenset({"demonstration", "show", "display"})


def compound_word(noun: Tok) -> str:
    """The lower-case modifier right before `noun` ("air" of "air raid", "air-raid", "miners"
    of "miners' strike"), or ""."""
    word = ""
    for child in noun.children:  # left children first, in text order
        if child.i > noun.i:
            break
        if child.dep_ in {"compound", "amod", "poss"}:
            word = child.lower_
    return word


def attacked_modifiers(noun: Tok, kind: EventType | None) -> list[Tok]:
    """The modifiers of an assault noun that name what was attacked: a building word ("the
    embassy bombing", "the U.S. Embassy bombings") and the modifiers before it, which say whose
    building it is ("the Israeli embassy attack", which the parser leaves flat)."""
    if kind != "ASSAULT":
        return []
    last = -1
    for child in noun.children:
        if child.i > noun.i:
            break
        if child.dep_ in _MODIFIER_DEPS and names_building(child):
            last = child.i
    if last < 0:
        return []
    return [c for c in noun.children if c.i <= last and c.dep_ in _MODIFIER_DEPS]


def _ambiguous_owner(modifier: Tok) -> bool:
    """ "the Israeli hospital strike", "the Russian school attack": an adjective before a
    common building word may say whose the building is or who struck it; it names neither
    side (a proper name, "the U.S. Embassy bombings", says whose)."""
    if modifier.dep_ != "amod" or names_building(modifier):
        return False
    head = modifier.head
    building = (
        head
        if names_building(head)
        else next((c for c in head.children if names_building(c)), None)
    )
    return building is None or building.text.islower()


def names_building(token: Tok) -> bool:
    """ "embassy", "Embassy", and the plural of a proper noun, whose lemma spaCy keeps as is."""
    return token.lemma_.casefold() in _BUILDING_WORDS or token.lower_ in _BUILDING_PLURALS


def names_venue(token: Tok) -> bool:
    """ "Oval Office", "White House": a proper name ending in a word for a building or site."""
    return token.pos_ == "PROPN" and token.lower_ in VENUE_WORDS


def is_event_noun(token: Tok) -> bool:
    """Whether `token` names an event by itself."""
    return event_noun_type(token) is not None


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
    lemma = noun.lemma_.casefold()
    possessor: Tok | None = None
    has_of = False
    attacked = attacked_modifiers(noun, kind)
    slots.attacked.extend(attacked)
    for child in _dependents(noun):
        dep = child.dep_
        if dep == "poss":
            possessor = child
        elif dep in _MODIFIER_DEPS and child in attacked:
            continue
        elif dep in _MODIFIER_DEPS and kind == "CONSULT" and names_venue(child):
            continue  # "their Oval Office meeting", "her White House visit": where, not who
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
                agent = kind in _OF_IS_SOURCE and lemma not in _OF_IS_TARGET_NOUNS
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
        patient = lemma in _PATIENT_POSSESSOR and not has_of
        (targets if patient else sources).append(possessor)
    return slots


def passive_carrier(noun: Tok) -> Tok | None:
    """The light verb whose passive subject `noun` is ("talks were held", "sanctions were
    imposed"): the verb carries the noun's event and its prepositions name the noun's
    participants ("were held between Russia and Ukraine"), as the noun's own would."""
    head = noun.head
    if noun.dep_ != "nsubjpass" or head is noun or head.lemma_.casefold() not in LIGHT_VERBS:
        return None
    return head


def _dependents(noun: Tok) -> list[Tok]:
    """The noun's dependents, and those of the passive light verb that carries it."""
    carrier = passive_carrier(noun)
    if carrier is None:
        return list(noun.children)
    carried = [c for c in carrier.children if c.dep_ in _PASSIVE_CARRIED_DEPS]
    return [*noun.children, *carried]


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


def denied(noun: Tok, verb: Tok | None, kind: EventType) -> bool:
    """ "no talks", "ruled out any meeting", "did not sign the deal", "refused to sign a deal":
    the event (of type `kind`) is not; `verb` is the noun's governing verb (module docstring)."""
    if _says_no(noun):
        return True
    if verb is None:
        return False
    return _rules_out(verb) or _negated_for(noun, verb, kind)


def _says_no(noun: Tok) -> bool:
    """ "no talks"; "a postponement of his visit", "killed a planned endorsement", "reduced
    tariffs": called off or cut back."""
    if any(child.lower_ == "no" for child in noun.children):
        return True
    if any(c.dep_ == "amod" and c.lower_ in _UNDONE for c in noun.children):
        return True  # "reduced tariffs", "lifted sanctions": less of it, no new act
    if noun.dep_ == "dobj" and noun.head.lemma_.casefold() in _CALLING_OFF_VERBS:
        return True
    head = noun.head
    return (
        noun.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lemma_.casefold() in _CALLING_OFF_NOUNS
    )


def _terms_under(noun: Tok) -> bool:
    """ "Under the NFL collective bargaining agreement, each player will receive": an
    arrangement acted under stands; it is not the happening told."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "under"


def _standing(noun: Tok) -> bool:
    """ "the long-standing partnership": a state, no happening."""
    words = [c for c in noun.children if c.dep_ in {"amod", "compound"}]
    # "long-standing" may be three tokens ("long", "-", "standing")
    text = " ".join(" ".join(t.lower_ for t in w.subtree) for w in words)
    return any(word in _STANDING_ADJECTIVES for word in text.replace(" - ", "-").split())


def _rules_out(verb: Tok) -> bool:
    return verb.lemma_.casefold() in _DENYING_VERBS


def _negated_for(noun: Tok, verb: Tok, kind: EventType) -> bool:
    """Whether `verb`, which would bring about or seeks the noun's event, is negated or refused
    up its control chain."""
    if not _brings_about(noun, verb, kind):
        return False
    clause: Tok | None = verb
    for _ in range(_CONTROL_LIMIT):
        if clause is None:
            return False
        if any(c.dep_ == "neg" for c in clause.children) or _rules_out(clause):
            return True
        clause = controller(clause)
    return False


def _brings_about(noun: Tok, verb: Tok, kind: EventType) -> bool:
    """ "hold talks", "sign a deal", "the deal was signed", "agree to a deal", "want a deal": the
    noun is the verb's object (not its subject: "the talks did not end") and the verb a light
    verb, a verb of the noun's type or a verb of seeking."""
    head = noun.head
    if head is verb:
        if noun.dep_ == "nsubj":
            return False
    elif not (head.dep_ == "prep" and head.head is verb):
        return False
    lemma = verb.lemma_.casefold()
    return lemma in LIGHT_VERBS or lemma in _SEEKING_VERBS or verb_type(lemma) == kind


# Verbs that say of their subject event whether, or how far, it happens.
_OCCURRENCE_VERBS = frozenset(
    {"take", "happen", "occur", "resume", "begin", "start", "end", "continue", "proceed", "go",
     "materialize", "materialise", "succeed", "collapse", "conclude", "open", "close", "stop",
     "come", "break", "arrive"}
)  # fmt: skip


def hypothetical(noun: Tok, verb: Tok | None) -> bool:
    """ "any meeting", "possible sanctions", "called for talks": asked about, not reported."""
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in _HYPOTHETICAL_DETERMINERS:
            return True
        if child.dep_ == "amod" and child.lower_ in _HYPOTHETICAL_ADJECTIVES:
            # not "the threatened tariffs took effect on Friday": they came about
            return not (
                verb is not None
                and noun.head is verb
                and noun.dep_ in SUBJECT_DEPS
                and verb.lemma_.casefold() in _OCCURRENCE_VERBS
            )
    # "a call for his resignation", "demands for talks": asked for, on the way up to the verb.
    above = noun
    led = False  # through "leading to": "a reward for information leading to the arrest"
    for _ in range(12):  # a few prepositions and nouns up; a guard against parse cycles
        below, above = above, above.head
        if led and above.pos_ == "VERB" and above.lemma_.casefold() in _SEEKING_VERBS:
            return True  # "$650,000 is being offered for information leading to his arrest"
        if above.head is above:
            break
        if _leads_on(above):
            led = True  # "information that leads to the arrest": as sought as the information
            continue
        if above.pos_ in {"VERB", "AUX"} and not _nonfinite(above):
            break
        if above.pos_ == "NOUN" and above.lemma_.casefold() in _SEEKING_NOUNS:
            return True
        if above.pos_ in {"ADJ", "PRON"}:
            # "the arrest of those responsible for the slaying": the slaying is what makes
            # them who they are, no act sought
            break
        if above.pos_ in {"VERB", "AUX"} and short_of_doing(above):
            return True  # "came close to authorizing strikes", "open to strengthening ties"
        if (
            below is not noun
            and below.pos_ in {"VERB", "AUX"}
            and not _leads_on(below)  # passed through: "information leading to"
            and above.pos_ == "NOUN"
        ):
            break  # "the man imposing tariffs": the noun a participle describes seeks nothing
    if verb is None:
        return False
    if verb.lemma_.casefold() in _SEEKING_VERBS:
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.casefold() in _SEEKING_VERBS:
        return True  # "threatened to impose a tariff": the tariff is threatened
    # "will respond to an Iraqi attack", "could face a strike": an indefinite event of a future
    # or modal clause has not happened.
    # ... and so has a bare plural: "will survive limited military strikes".
    indefinite = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children) or (
        noun.tag_ == "NNS" and not any(c.dep_ in {"det", "poss"} for c in noun.children)
    )
    return indefinite and (reading(verb) == "future" or is_hedged(verb, chain(verb)))


def _leads_on(verb: Tok) -> bool:
    """ "leading to", "that leads to": a participle or relative clause of leading, which a
    sought thing's result is as sought as (not "the clashes led to the arrest": a cause)."""
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.casefold() == "lead"
        and all(c.tag_ in {"WDT", "WP"} for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"})
    )


def _nonfinite(verb: Tok) -> bool:
    """A gerund or infinitive inside a noun phrase ("of imposing", "to impose"), without a
    subject of its own."""
    return verb.dep_ in _NONFINITE_DEPS and not any(
        c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children
    )


def phrase_tokens(noun: Tok, event_nouns: frozenset[int]) -> list[Tok]:
    """The noun phrase's own tokens, for its date and places: its dependents, not entering
    clauses or other event nouns ("sanctions over the 2022 invasion": 2022 is the invasion's),
    except a participle that brings the noun's event about or schedules it ("talks set for
    Tuesday in Geneva", "the ban introduced in December", "the raid carried out on Friday")."""
    return subtree_until(
        noun,
        lambda child: (
            (child.dep_ in _CLAUSE_DEPS and not (child.head is noun and _realises(child)))
            or child.i in event_nouns
        ),
    )


def _realises(clause: Tok) -> bool:
    """A subjectless participle of a light or scheduling verb ("held", "set", "scheduled")."""
    return (
        clause.dep_ == "acl"
        and clause.tag_ == "VBN"
        and clause.lemma_.casefold() in _REALISING_VERBS
        and not any(c.dep_ in SUBJECT_DEPS for c in clause.children)
    )


def tells_of(noun: Tok, verb: Tok | None) -> bool:
    """Whether `verb`'s clause tells when the noun's event happens: the noun is its subject
    ("talks ended on Friday"), the object of a verb that carries it ("introduced a ban in
    December", `LIGHT_VERBS`) or receives it ("won the backing of"), or the occasion of its
    act ("were killed in a strike last Wednesday", "met during the summit"). As another object
    ("condemned the sanctions") the clause's time is that of the other act, and the noun names
    an earlier happening."""
    if verb is None:
        return False
    noun = _unit_of(noun)  # "a second round of talks took place on Tuesday": the round's
    if noun.head is verb:
        return noun.dep_ in SUBJECT_DEPS or (
            noun.dep_ == "dobj"
            # "the announcement followed a meeting with Rutte": just before, that day
            and verb.lemma_.casefold() in _REALISING_VERBS | _RECEIVING_VERBS | {"follow"}
        )
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.head is not verb:
        return False
    if preposition.dep_ == "agent" or _come_to(noun, verb):
        # "in 1978, the world was shocked by the assassination of Markov", "came to the aid
        # of Chad on Friday"
        return True
    if verb.lemma_.casefold() in CHARGING_VERBS:
        return False  # "charged with murder Thursday in the slaying of a doctor": before
    return preposition.dep_ == "prep" and (
        preposition.lower_ in _OCCASION_PREPOSITIONS
        # "After a two-hour meeting with King Hussein, Bush said": just before, that day
        or (preposition.lower_ in _JUST_AFTER and _known_or_counted(noun) and _finite(verb))
        or (preposition.lower_ == "for" and verb.lemma_.casefold() in _GOING_FOR)
        or _means_of_the_subject(noun, verb)  # "retaliated with strikes on Friday"
    )


# Prepositions of what came just before the clause's act ("after a meeting", "following
# talks"); not "since" (a stretch of time) nor "before" (any time earlier).
_JUST_AFTER = frozenset({"after", "following"})


def _finite(verb: Tok) -> bool:
    """A clause that tells an act of its own time ("Bush said"), not a participle heading
    that describes ("Serving in a caretaker capacity after his resignation")."""
    return verb.tag_ in {"VBD", "VBZ", "VBP"} or any(c.dep_ == "aux" for c in verb.children)


def _known_or_counted(noun: Tok) -> bool:
    """ "after a two-hour meeting", "after the talks": one happening, not "after years of
    attacks" or "after attacks", many."""
    return noun.tag_ == "NN" or any(
        c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children
    )


# Deeds someone is charged with, and the verbs that charge: a court's or a prosecutor's word
# that they did it (an arrest, a suspicion or anyone's accusation is not; an acquittal says
# they did not).
_DEEDS = frozenset({"ASSAULT", "CRIME"})
_CHARGES = frozenset({"charge", "indict", "convict", "sentence", "prosecute", "try"})
_DEED_PREPOSITIONS = frozenset({"in", "of", "with", "for"})


def _deed_charged(noun: Tok, verb: Tok) -> bool:
    """Whether `noun` names the deed `verb` charges someone with, through charges that are
    deeds themselves ("charged Kopp with attempted murder in the 1995 shooting", "indicted in
    the slaying"; not "with negligence in the shooting")."""
    if verb.lemma_.casefold() not in _CHARGES:
        return False
    token = noun
    for _ in range(3):  # "in the shooting" of "with murder" of "charged"
        preposition = token.head
        if token.dep_ != "pobj" or preposition.lower_ not in _DEED_PREPOSITIONS:
            return False
        if preposition.head is verb:
            return True
        token = preposition.head
        if event_noun_type(token) not in _DEEDS:
            return False  # "of negligence in the shooting": the charge is no deed's
    return False


def _unit_of(noun: Tok) -> Tok:
    """The noun a gathering stands in as a part of: "round" in "for a new round of talks"."""
    of = noun.head
    if noun.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.casefold() in _UNITS:
        return of.head
    return noun


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


# --- the event -------------------------------------------------------------------------------


class ClauseReader(Protocol):
    """What reading a noun event needs from the reader of clauses (`events`)."""

    @property
    def actors(self) -> Actors: ...

    def slot_actors(self, slot: Tok) -> tuple[list[str], bool]:
        """The actors a possessor or a preposition of an event noun names, and whether they
        were read straight from the text (not through a pronoun)."""
        ...

    def modifier_chain(self, token: Tok) -> list[str]:
        """The actors a modifier names, through chained modifiers ("the Russia-Ukraine talks")."""
        ...

    def subject_names(self, verb: Tok) -> list[str]:
        """The actors of a verb's subject (inherited from its governor where it has none)."""
        ...

    def object_actors(self, verb: Tok, event_noun: Tok | None) -> list[str]:
        """The actors a verb acts on: its objects', a passive's subject's."""
        ...

    def threatened(self, act: Tok) -> list[str]:
        """Whom a threatened act would hurt when its object names no one."""
        ...

    def asked_of(self, noun: Tok, kind: EventType | None) -> list[str]:
        """Whom a demand or a threat is made of, as the act it asks for or threatens names."""
        ...

    def setting(
        self, anchor: Tok, clauses: list[Tok], own: list[Tok], *, clause_date: bool
    ) -> tuple[list[str], TimeExpression | None]:
        """Places and date: those of the `own` tokens, else of `clauses` nearest first (their
        date only when `clause_date`); places else those of `anchor`'s sentence."""
        ...


class VerbEvent(Protocol):
    """The event a verb made, as far as an event noun it governs needs to know."""

    event_noun: Tok | None  # the noun a light verb carries ("held talks"): its event is this
    plain_kind: EventType | None  # the type before negation ("did not agree": AGREE)
    sources: list[str]
    targets: list[str]


@dataclass
class NounEvent:
    """The event an event noun names: who, where, when, and whether it is hedged (negated or
    hypothetical) and read straight from the text."""

    sources: list[str]
    targets: list[str]
    places: list[str]
    date: TimeExpression | None
    direct: bool
    hedged: bool


@dataclass
class _Side:
    """Actors on one side of a noun event, in order without repeats, and whether all were read
    straight from the text."""

    names: list[str] = field(default_factory=list)
    direct: bool = True

    def extend(self, names: list[str], direct: bool = True) -> None:
        for name in names:
            if name not in self.names:
                self.names.append(name)
        self.direct = self.direct and direct


def noun_event(
    reader: ClauseReader,
    noun: Tok,
    kind: EventType,
    verb_events: Mapping[int, VerbEvent],
    event_nouns: frozenset[int],
) -> NounEvent | None:
    """The event `noun` (of type `kind`) names, if it has actor participants and is no event of
    its clause's verb (module docstring); `verb_events` are the sentence's verb events by token,
    `event_nouns` its event nouns' tokens. A verb event of the noun's type takes its targets."""
    if reader.actors.at(noun) is not None or modifies_a_thing(noun):
        return None  # part of a name ("the Peace Summit") or of another noun ("attack helicopters")
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        return None  # "DD Acquisition is a partnership of ...": what something is, a state
    if _says_no(noun) or _standing(noun) or _terms_under(noun):
        return None
    verb = governing_verb(noun)
    carrier = verb_events.get(verb.i) if verb is not None else None
    if carrier is not None and carrier.event_noun is noun:
        return None  # "held talks with": the light verb's event is the noun's
    if verb is not None and _rules_out(verb):
        return None  # "cancelled the summit", "suspended the sanctions": no event to merge with
    if carrier is not None and carrier.plain_kind == kind:
        # "Iran (did not) agree(d) to a deal with the US": one event, the verb's, with the
        # noun's targets.
        sources, targets, _, _ = _participants(reader, noun, kind, verb)
        if not carrier.sources:  # "Russia's attack on Ukraine killed dozens": Russia's act
            carrier.sources.extend(s for s in sources if s not in carrier.targets)
        carrier.targets.extend(t for t in targets if t not in carrier.targets + carrier.sources)
        return None
    if verb is not None and _negated_for(noun, verb, kind):
        return None
    sources, targets, direct, homes = _participants(reader, noun, kind, verb)
    if verb is not None and _received(noun, verb, kind):
        # "earned the endorsement of Trump", "received aid from Japan": the giver is the
        # source, whatever preposition names it, and the clause's subject the recipient; an
        # attack's doers are named as its own ("survived a Russian attack": Russia's).
        if kind != "ASSAULT":
            sources = [name for name in sources + targets if name not in sources] or sources
        recipients = reader.subject_names(verb)
        sources = [name for name in sources if name not in recipients]
        targets = recipients
        direct = False
    if (
        not sources
        and targets
        and kind in _DEEDS
        and verb is not None
        and _deed_charged(noun, verb)
    ):
        # "charged Kopp with attempted murder in the 1995 shooting of Dr. Short", "Kopp was
        # indicted in the killing of Slepian": the one charged is its alleged doer (a charge
        # named by no victim, "charged with murder", is the charge, no deed of its own)
        sources = [s for s in reader.object_actors(verb, None) if s not in targets]
        direct = False
    if not sources and verb is not None and _means_of_the_subject(noun, verb):
        # "began the year with a raid on Venezuela", "retaliated with air strikes"
        sources = [s for s in reader.subject_names(verb) if s not in targets]
    if (
        not sources
        and verb is not None
        and noun.dep_ == "dobj"
        and noun.head is verb
        and verb.dep_ == "pcomp"
        and verb.lemma_.casefold() in LIGHT_VERBS
    ):
        # "in the wake of the United States imposing 25% tariffs on India": a light verb that
        # makes no event of its own (a gerund under a preposition) still says whose it is
        sources = [s for s in reader.subject_names(verb) if s not in targets]
    if (
        not sources
        and verb is not None
        and (
            _gathering_of_the_subject(noun, kind)  # "made the remarks during a meeting with"
            or _forced_by_the_subject(noun, verb, kind)  # "took the child by force in a raid"
            or _made_by_the_subject(noun, verb, kind)  # "negotiating deals with India"
            or _come_to(noun, verb)  # "France came to the aid of Chad"
        )
    ):
        # the clause's subject took part in what its verb's phrase names
        sources = [s for s in reader.subject_names(verb) if s not in targets]
        direct = False
    if not sources and not targets and not homes:
        return None
    clauses = chain(verb) if verb is not None else []
    # The clause's date is the event's when the clause tells of the event ("talks ended on
    # Friday"), i.e. when the noun, or the round of them it is in, is its subject; as an
    # object ("condemned the sanctions") the clause's date is that of the other act.
    unit = _unit_of(noun)
    subject = verb is not None and unit.head is verb and unit.dep_ in SUBJECT_DEPS
    own = phrase_tokens(noun, event_nouns)
    places, date = reader.setting(noun, clauses, own, clause_date=tells_of(noun, verb))
    places = places or homes  # "the Iran protests": its people protested, in Iran
    # The clause's negation or modal is the noun's only when the clause says whether the
    # noun's event happens ("talks would resume", "the strike did not take place"); "did not
    # condemn the attack" or "the raid is not linked with the probe" presuppose it.
    hedged = hypothetical(noun, verb) or (
        verb is not None
        and (
            # "the loan may be extended", "talks were not held": a passive light verb too
            (
                subject
                and (
                    verb.lemma_.casefold() in _OCCURRENCE_VERBS
                    or verb.lemma_.casefold() in LIGHT_VERBS
                )
            )
            or _come_to(noun, verb)  # "would come to the rescue of the U.S."
        )
        and (is_negated(verb, None) or is_hedged(verb, clauses))
    )
    return NounEvent(sources, targets, places, date, direct, hedged)


# Verbs of coming to someone's side, whose "to" names the act they come to do ("came to the
# aid of", "rushed to the defence of").
_COMING = frozenset({"come", "rush", "race", "run", "go", "leap", "spring", "fly"})


def _come_to(noun: Tok, verb: Tok) -> bool:
    """ "would come to the rescue of the U.S.": the verb's clause says whether the act the
    noun names is done."""
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "to"
        and noun.head.head is verb
        and verb.lemma_.casefold() in _COMING
    )


# Prepositions that make an event noun the setting of its clause ("during a meeting with").
_SETTING_PREPOSITIONS = frozenset({"during", "at", "in"})
# What is given, and the verbs whose subject gets it ("earned the endorsement of Trump").
_GIVEN = frozenset({"SUPPORT", "AID", "CONCEDE"})
_RECEIVING_VERBS = frozenset(
    {"receive", "earn", "win", "get", "secure", "obtain", "gain", "accept", "enjoy", "welcome"}
)
# Verbs of coming and going or of being scheduled, whose "for" names the gathering their subject
# goes to or is set for ("arrived for talks", "are set for negotiations on Tuesday"): the
# subject takes part, at the clause's time.
_GOING_FOR = (
    frozenset(
        {"arrive", "come", "travel", "fly", "go", "head", "leave", "land", "return", "gather"}
    )
    | SCHEDULING_GOVERNORS
)
# Types of gathering the subject of the clause they set takes part in.
_GATHERINGS = frozenset({"CONSULT"})


def _received(noun: Tok, verb: Tok, kind: EventType) -> bool:
    """ "won the backing of", "received aid from": a giving noun its clause's subject gets;
    "has faced condemnation from Democrats", "drew criticism from", "survived the attack": a
    hostile act it bears."""
    lemma = verb.lemma_.casefold()
    return (
        noun.head is verb
        and noun.dep_ == "dobj"
        and (
            (kind in _GIVEN and lemma in _RECEIVING_VERBS)
            or (kind in _BORNE and lemma in _BEARING_VERBS)
            or (kind == "ASSAULT" and lemma in _SURVIVING_VERBS)
        )
    )


# Hostile acts, and the verbs whose subject bears them ("faced condemnation", "drew criticism").
_BORNE = frozenset({"DISAPPROVE", "SANCTION", "THREATEN", "DEMAND", "INVESTIGATE"})
_BEARING_VERBS = frozenset({"face", "draw", "attract", "suffer", "endure", "incur"})
# Verbs whose subject was the one attacked ("survived the attack at his home", "repelled
# repeated attacks"): the attack happened, to them.
_SURVIVING_VERBS = frozenset({"survive", "suffer", "endure", "withstand", "repel", "repulse"})


# Verbs "with" whose event noun the subject meets, not does ("was met with protests"), nor
# those whose "with" says what another is charged with or linked to ("charged Kopp with
# attempted murder").
_MET_WITH = frozenset(
    {"meet", "greet", "face", "receive", "confront", "answer", "threaten", "charge", "accuse",
     "indict", "link", "connect", "associate", "credit", "tie", "compare", "confuse", "identify"}
)  # fmt: skip


def _means_of_the_subject(noun: Tok, verb: Tok) -> bool:
    """ "began the year with a raid", "responded with strikes": an act that an active verb's
    subject does "with" is the subject's."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "with" or noun.head.head is not verb:
        return False
    return verb.lemma_.casefold() not in _MET_WITH and _active(verb)


def _active(verb: Tok) -> bool:
    """Whether a verb is in the active voice (its subject acts)."""
    return not any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def _forced_by_the_subject(noun: Tok, verb: Tok, kind: EventType) -> bool:
    """ "Federal agents took the child by force in a pre-dawn raid", "police arrested 20
    people in a raid": a raid or an attack an active act of its kind, or of laying hands, is
    done in is its doer's (not "two soldiers died in an attack", "were killed in a raid":
    its victims'; nor "arrested a suspect in the embassy bombings": another's deed)."""
    if kind not in _FORCE or noun.dep_ != "pobj" or any(c.dep_ == "poss" for c in noun.children):
        return False
    preposition = noun.head
    if preposition.lower_ not in {"in", "during"} or preposition.head is not verb:
        return False
    if not _active(verb):
        return False
    lemma = verb.lemma_.casefold()
    own = verb_type(lemma)
    return own == kind or (own is None and lemma in _FORCIBLE)


_FORCE = frozenset({"ASSAULT", "COERCE"})
# Verbs of laying hands on someone or something, typed or not ("took the child by force").
_FORCIBLE = frozenset({"take", "storm", "enter", "search", "seize", "capture", "grab"})


def _made_by_the_subject(noun: Tok, verb: Tok, kind: EventType) -> bool:
    """ "negotiated a deal with India", "cut deals with Arab tyrants", "signed a pact with
    Tokyo": an agreement an active verb of making one has as its object is its subject's (not
    a broker's: "brokered a deal between Israel and Hamas" is theirs)."""
    if kind not in _AGREEMENTS or noun.head is not verb or noun.dep_ != "dobj":
        return False
    if verb.lemma_.casefold() not in _MAKING_AGREEMENTS or verb.tag_ == "VB":
        return False  # "to renegotiate better agreements": not made yet
    if any(
        c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in _PARTY_PREPOSITIONS)
        for c in noun.children
    ):
        return False  # "negotiated Iran's deal", "a deal between Israel and Hamas"
    return _active(verb)


_AGREEMENTS = frozenset({"AGREE"})
# Verbs that make an agreement their subject is a party to ("negotiated a deal").
_MAKING_AGREEMENTS = frozenset(
    {"negotiate", "cut", "sign", "ink", "clinch", "finalize", "finalise", "forge",
     "renegotiate", "approve", "ratify"}
)  # fmt: skip


def _gathering_of_the_subject(noun: Tok, kind: EventType) -> bool:
    """ "made the remarks during a meeting", "arrived in Mumbai for a visit to India": the
    subject of the clause the gathering sets, or that travels for it, takes part."""
    if kind not in _GATHERINGS:
        return False
    if any(c.dep_ == "poss" for c in noun.children):
        return False  # "my visit", "Modi's visit"
    noun = _unit_of(noun)
    if noun.dep_ != "pobj":
        return False
    preposition = noun.head
    word = preposition.lemma_.casefold()
    return word in _SETTING_PREPOSITIONS or (
        word == "for" and preposition.head.lemma_.casefold() in _GOING_FOR
    )


def _participants(
    reader: ClauseReader, noun: Tok, kind: EventType, verb: Tok | None
) -> tuple[list[str], list[str], bool, list[str]]:
    """The noun's sources and targets, whether all were read straight from the text, and the
    countries whose people a protest's modifiers name ("the Iran protests": not the state's)
    or where an attacked building stands ("the Kenya embassy bombing")."""
    slots = participant_slots(noun, kind)
    found = _Side()
    against = _Side()
    countries: list[str] = []  # named by a compound: the source only if there is a target
    homes: list[str] = []
    kinds = reader.actors.kinds
    for slot in slots.sources:
        if slot.dep_ not in _MODIFIER_DEPS:
            found.extend(*reader.slot_actors(slot))
            continue
        for name in reader.modifier_chain(slot):
            if kind == "PROTEST" and kinds.get(name) == "country":
                homes.append(name)  # "the Iran protests", "Iranian protests": not the state
                continue
            if slots.person_patients and kinds.get(name) == "person":
                against.extend([name])
            elif (
                slots.ambiguous_countries and slot.pos_ == "PROPN" and kinds.get(name) == "country"
            ):
                countries.append(name)
            else:
                found.extend([name])
    for slot in slots.targets:
        against.extend(*reader.slot_actors(slot))
    for slot in slots.attacked:
        if not _ambiguous_owner(slot):
            against.extend(_owners(reader, slot))
            # "the Kenya embassy bombing": where the building stands, the attack was
            homes.extend(n for c in slot.children if sited(c) for n in reader.modifier_chain(c))
    partner = partner_after(noun, verb, kind) if verb is not None else None
    if partner is not None:
        against.extend(reader.slot_actors(partner)[0])
    if against.names:
        found.extend(countries)
    parties = _Side()
    for slot in slots.parties:
        parties.extend(reader.slot_actors(slot)[0])
    (against if found.names else found).extend(parties.names)
    against.extend(reader.asked_of(noun, kind))
    sources = found.names
    targets = [t for t in against.names if t not in sources]
    if kind == "THREATEN" and not targets:
        # "his threats to seize Greenland", "Trump's threat to attack Iran": as the verb's
        for act in noun.children:
            if act.dep_ == "acl" and any(c.lower_ == "to" for c in act.children):
                aimed = reader.object_actors(act, None) or reader.threatened(act)
                targets = [t for t in aimed if t not in sources]
    return sources, targets, found.direct and against.direct, homes


def _owners(reader: ClauseReader, modifier: Tok) -> list[str]:
    """The actors a modifier of an assault noun names, or those of its own modifiers when it
    is no actor ("the U.S. embassy bombing": the embassy is the United States')."""
    names = reader.modifier_chain(modifier)
    if names:
        return names
    for child in modifier.children:
        if child.dep_ in _MODIFIER_DEPS and not _ambiguous_owner(child) and not sited(child):
            names.extend(n for n in reader.modifier_chain(child) if n not in names)
    return names


def sited(modifier: Tok) -> bool:
    """ "the Kenya embassy bombing": a country's full name before a building says where it
    stands; its owner is said by a demonym or an abbreviation ("the Kenyan embassy", "the U.S.
    embassy")."""
    word = modifier.text
    return (
        modifier.pos_ == "PROPN"
        and word[:1].isupper()
        and not word.isupper()
        and "." not in word
        and not is_demonym(word)
    )
