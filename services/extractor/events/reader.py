"""Events from the dependency parse: who did what to whom, where and when.

`read_clauses` reads a verb's clause (its subject and object actors, places and time) and the
event nouns with actor participants (`nouns`), typed with `plover`. What counts as an event,
how sources, targets, places and dates are chosen, and how confidence is scored is the event
contract in docs/EVENTS.md; this module implements it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from services.extractor.actors.agents import (
    ANAPHORIC_INSTITUTIONS,
    INSTITUTIONS,
    KIN,
    NATIONALS,
    actor_lemma,
    agent_of_phrase,
    plural,
)
from services.extractor.actors.canonical import Actors, used_as_actor
from services.extractor.actors.commons import GROUPINGS
from services.extractor.actors.demonyms import is_demonym
from services.extractor.actors.given_names import gender_of
from services.extractor.actors.names import is_role_word
from services.extractor.events.clauses import (
    CHAIN_LIMIT,
    CONTROL_VERBS,
    PRESENT_BE,
    SPEAKING_DOCUMENTS,
    SUBJECT_DEPS,
    Reading,
    after_comma,
    at_the_time_of,
    chain,
    charged_deed,
    clause_tokens,
    document_act,
    first_conjunct,
    gerund_clause,
    governor,
    is_conditional,
    is_future_in_past,
    is_habitual,
    is_hedged,
    is_imperative,
    is_infinitive,
    is_negated,
    is_nonfactive,
    is_perfect,
    is_planned,
    is_subjunctive,
    reading,
)
from services.extractor.events.nouns import (
    attacked_modifiers,
    event_noun_kind,
    event_noun_type,
    governing_verb,
    is_event_noun,
    names_building,
    noun_event,
    sited,
    tells_of,
)
from services.extractor.events.plover import (
    CONDEMNING_WORDS,
    ENDING_VERBS,
    LIGHT_VERBS,
    nominal_type,
    noun_type,
    object_type,
    phrasal_type,
    verb_type,
)
from services.extractor.events.quotes import FIRST_PERSON, Speakers
from services.extractor.parse.candidates import sentence_of_tokens
from services.extractor.parse.dateline import Dateline, find_dateline
from services.extractor.parse.table import Tok, parse_table, subtree_until
from services.extractor.places.geocode import Places
from services.extractor.timex.lexicon import MONTHS, WEEKDAYS
from shared.models import (
    QUAD_OF_TYPE,
    Agent,
    EntityKind,
    Event,
    EventDateSource,
    EventType,
    Mention,
    TimeExpression,
)

# Verbs of saying: their content clause is the event, they are not.
SPEECH_VERBS = frozenset(
    {
        "say", "tell", "add", "write", "state", "claim", "insist", "note", "explain", "argue",
        "stress", "reply", "comment", "acknowledge", "announce", "report", "declare", "suggest",
        "believe", "think", "predict", "confirm", "admit", "recall", "post", "tweet", "respond",
        "indicate", "signal", "assert", "maintain", "reiterate", "emphasize", "emphasise",
        "mention", "describe", "quote", "hope", "know", "feel", "expect", "fear",
        "exclaim", "remark", "contend", "allege", "testify", "cite", "downplay", "echo",
        "articulate",
    }
)  # fmt: skip
# States and wishes, which no one does to anyone ("wants him back", "still needs the
# go-ahead", "seems allied"): never an event, though their infinitive may be one ("wants to
# visit"). Not "become": "became members of NATO" is joining it.
_STATE_VERBS = frozenset({"want", "need", "seem", "suspect", "wish", "deserve", "lack", "resemble"})
# What "declined to ..." refuses when it is only no comment: no refusal (REJECT) of anything.
_NO_COMMENT = frozenset(
    {"comment", "elaborate", "say", "discuss", "specify", "identify", "disclose", "name",
     "speculate", "confirm"}
)  # fmt: skip
# "asked how ...": a question, not a demand. ("Agreed that ..." stays AGREE: "Israel and the
# PLO agreed that talks would resume" is an agreement, though "agrees that" may be an opinion.)
_QUESTION_WORDS = frozenset({"how", "what", "why", "whether", "if", "who", "when", "where"})
# What a person is charged with when accused ("charged Kopp with attempted murder").
_CHARGES = frozenset(
    {"murder", "homicide", "manslaughter", "assault", "fraud", "theft", "robbery", "kidnapping",
     "espionage", "spying", "treason", "conspiracy", "bribery", "smuggling", "trafficking",
     "terrorism", "corruption", "crime", "offense", "offence", "violation", "count", "rape",
     "embezzlement", "perjury", "obstruction", "contempt", "possession", "sabotage", "arson",
     "extortion", "racketeering", "sedition", "genocide", "atrocity", "negligence", "slaying",
     "killing", "bombing", "shooting", "stabbing", "attack", "hijacking", "abduction"}
)  # fmt: skip
# Objects of a preposition that make it a time, not a verb's particle ("called on Friday"),
# besides month and weekday names (`timex.lexicon`).
_TIME_NOUNS = frozenset(
    {"today", "tomorrow", "yesterday", "day", "week", "weekend", "month", "year", "morning",
     "afternoon", "evening", "night", "hour", "minute", "decade", "while"}
)  # fmt: skip
# Verbs of saying that are an event when they have no content clause ("warned Kyiv").
_SPEECH_UNLESS_BARE = frozenset({"warn", "inform", "notify", "brief", "assure", "remind"})
# Verbs that attribute a content clause or a quotation to a speaker.
_SAYING = SPEECH_VERBS | _SPEECH_UNLESS_BARE
# Nouns whose possessor is the actor ("Moscow's forces", "Trump's administration").
AGENT_NOUNS = frozenset(
    {
        "force", "troop", "army", "military", "government", "administration", "official",
        "delegation", "negotiator", "diplomat", "minister", "ministry", "leader", "envoy",
        "team", "navy", "police", "authority", "spokesman", "spokeswoman", "spokesperson",
        "president", "cabinet", "parliament", "regime", "soldier", "fighter", "representative",
        "ambassador", "embassy", "agency", "intelligence", "service", "officer", "member",
    }
)  # fmt: skip
# Event nouns of force, whose makers did what befell people in them ("killed in air strikes").
_FORCEFUL = frozenset({"ASSAULT", "COERCE"})
# "all of Ukraine": the actor is the object of "of".
_QUANTIFIERS = frozenset(
    {"all", "some", "part", "most", "much", "rest", "both", "each", "many", "several", "none"}
)
# "40% of Jaguar", "shares of Octel", "a stake in Kofcoh", "control of Octel": the company
# named as the object of "of" (or of "in" after a stake or an interest), not a word that
# modifies it ("25% of the British jewelry market" is no act on Britain).
_HOLDINGS = frozenset(
    {"%", "percent", "stake", "share", "majority", "minority", "control", "portion", "interest"}
)
# What an actor says, decides or does, named as a thing: condemning, rejecting or backing it
# is done to its author ("criticized Trump's statement", "denounced the aggression of the
# United States"), and as a subject it speaks for its author.
_DEEDS = frozenset(
    {"statement", "remark", "comment", "claim", "decision", "move", "plan", "proposal",
     "offer", "policy", "order", "announcement", "measure", "step", "action", "aggression",
     "demand", "request", "word", "speech", "post", "message", "letter", "attempt", "conduct",
     "behaviour", "behavior", "rhetoric", "stance", "position", "approach", "strategy",
     "tactic", "campaign", "ultimatum", "threat", "accusation", "allegation",
     "push", "bid", "effort", "initiative", "call", "drive"}
)  # fmt: skip
# What an actor owns or occupies: an act on it is an act on its owner ("raided the offices of
# Samsung", "seized Smith's devices", "froze the assets of three banks", "shelled the
# rebels' positions").
_BELONGINGS = frozenset(
    {"home", "house", "residence", "apartment", "office", "headquarters", "premises",
     "compound", "property", "asset", "account", "fund", "device", "phone", "computer",
     "laptop", "car", "vehicle", "convoy", "ship", "vessel", "plane", "aircraft", "base",
     "position", "camp", "facility", "plant", "factory", "warehouse", "store", "shop",
     "document", "record", "file", "email", "data", "server", "website", "passport",
     # weapons, whose possessor used them ("killed by a sniper's bullet")
     "bullet", "bomb", "gun", "rifle", "gunfire", "rocket", "missile", "shell", "grenade",
     "knife", "weapon", "drone", "artillery"}
)  # fmt: skip
# Parts and papers of a company, whose owner a holding is in ("51% of Cineplex's unit").
_COMPANY_PARTS = frozenset(
    {"unit", "subsidiary", "division", "arm", "affiliate", "business", "operation", "stock",
     "share", "common", "company", "concern"}
)  # fmt: skip
# Offices one person holds at a time, which a description names exactly ("the chancellor" is
# not the prime minister) and which act as actors of their own when the article names no
# holder ("the mayor vetoed"); "the lawmaker", "the official" may be anyone of the sector.
_SINGLE_HOLDER_OFFICES = frozenset(
    {"president", "chancellor", "minister", "premier", "mayor", "governor", "king", "queen",
     "monarch", "commissioner", "ambassador", "envoy", "judge", "prosecutor", "sheriff",
     "senator", "dictator", "councillor"}
)  # fmt: skip
# Subjects that are figures or securities, not doers: "Bethlehem shares rose", "net at GM's
# finance arm fell". The company named around them did nothing in the clause.
_FIGURE_NOUNS = frozenset(
    {"share", "stock", "price", "net", "profit", "earnings", "revenue", "sale", "income",
     "loss", "volume", "bond", "dividend", "asset", "output", "margin", "debt", "index",
     "yield", "turnover", "trading", "valuation", "unemployment", "joblessness", "inflation"}
)  # fmt: skip
# Prepositions whose object is a target ("meet with", "sanctions on", "out of").
# Prepositions after a verb's object that name the other party of the act ("a deal with X").
_COUNTERPART_PREPOSITIONS = frozenset(
    {"with", "against", "on", "upon", "into", "to", "toward", "towards", "between"}
)
# Things "for" someone that are aimed at them ("a warrant for Kopp"), not done for their good
# ("a tax increase for retirees").
_AIMED_FOR = frozenset({"warrant", "summons", "subpoena", "indictment", "bounty", "manhunt"})
TARGET_PREPOSITIONS = frozenset(
    {"with", "against", "to", "toward", "towards", "on", "upon", "at", "into", "from",
     "between", "among", "over", "out", "of"}
)  # fmt: skip
# Prepositions of an event noun that name the other party or the one it is done to.
_PARTY_OF_A_NOUN = frozenset({"with", "against", "on", "upon", "to", "toward", "towards"})
# Verbs after which "at" names whom the act is aimed at ("fired at police"); after others it
# names where ("protested at the embassy", "met at the White House").
_AIMING = frozenset(
    {"fire", "shoot", "aim", "hurl", "throw", "point", "lash", "swipe", "jab", "strike", "lunge",
     "shout", "yell", "scream", "laugh", "sneer", "glare", "target", "direct"}
)  # fmt: skip
# Prepositions whose object is where something happens.
LOCATIVE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "inside", "outside", "across", "around", "throughout", "within",
     "into", "to", "from", "over", "along", "off", "through", "towards", "toward"}
)  # fmt: skip
# What befalls people, whom an inquiry into it is about ("the death of John Smith").
_BEFALLING = frozenset({"death", "disappearance", "murder", "killing", "shooting", "stabbing"})
# Verbs whose object is the place they happen in ("visited Washington", "toured Gaza").
_VISITING = frozenset({"visit", "tour"})
# Nouns of travel, whose "to" names where they happen ("a two-day visit to Austria").
_JOURNEYS = frozenset({"visit", "trip", "tour", "journey", "voyage", "pilgrimage", "mission"})
# A place that modifies a noun is where it is only when the noun is a place too ("in Russia's
# capital", "in the Gaza Strip", "at the Kenya embassy"), not a topic ("the Greenland tussle").
_MODIFIER_OF_A_NOUN = frozenset({"compound", "nmod", "poss"})
_PLACE_NOUNS = frozenset(
    {"capital", "city", "town", "village", "region", "province", "state", "county", "district",
     "area", "border", "coast", "island", "port", "camp", "base", "embassy", "consulate",
     "headquarters", "airport", "square", "street", "neighbourhood", "neighborhood", "suburb",
     "outskirts", "centre", "center", "east", "west", "north", "south", "side", "part",
     "territory", "zone", "front", "frontier", "valley", "strip", "bank", "sea", "gulf",
     "river", "mountain", "hospital", "prison", "school", "office", "home", "residence",
     "township", "municipality", "enclave", "countryside", "heartland", "highlands"}
)  # fmt: skip


def _phrase_of_place(name: Tok) -> Tok | None:
    """The preposition of the phrase of place a place name stands in ("in Dar es Salaam", "on
    the outskirts of Kabul"), whatever it belongs to; None for none, for a whence ("from
    Tokyo") or an attribution ("according to Tehran")."""
    token = name
    for _ in range(CHAIN_LIMIT):
        if token.dep_ not in _NOMINAL_DEPS or token.head is token:
            break
        token = token.head
    token = _up_from_a_part(token)
    preposition = token.head
    if token.dep_ != "pobj" or not _of_place(preposition) or preposition.lower_ == "from":
        return None
    return None if preposition.head.lower_ == "according" else preposition


def _of_place(preposition: Tok) -> bool:
    """A preposition of place: "in", "at", ...; "on" before a place's edge ("on the outskirts
    of Kabul", "on the coast")."""
    if preposition.lemma_.casefold() in LOCATIVE_PREPOSITIONS:
        return True
    return preposition.lower_ == "on" and any(
        c.dep_ == "pobj" and c.lemma_.casefold() in _EDGES for c in preposition.children
    )


def _holds_a_place(noun: Tok) -> bool:
    return noun.pos_ == "PROPN" or noun.lemma_.casefold() in _PLACE_NOUNS


# Nouns of a part or the ground of a place, whose "of" names the place ("off the coast of
# Florida", "on the outskirts of Kabul", "in the streets of Tehran", "the city of Mosul").
_PARTS_OF_PLACES = frozenset(
    {"coast", "shore", "outskirts", "outskirt", "edge", "street", "suburb", "heart", "centre",
     "center", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
     "part", "area", "city", "town", "village", "port", "island", "waters", "region",
     "province", "district", "capital"}
)  # fmt: skip


# Parts of a place that "on" puts something at.
_EDGES = frozenset({"coast", "shore", "outskirts", "outskirt", "edge"})


def _up_from_a_part(token: Tok) -> Tok:
    """The phrase a place named by the part it is of stands in: "the coast" of "off the coast
    of Florida"; the place itself otherwise."""
    for _ in range(CHAIN_LIMIT):
        if not (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.pos_ == "NOUN"
            and token.head.head.lemma_.casefold() in _PARTS_OF_PLACES
        ):
            break
        token = token.head.head
    return token


# Verbs in these positions modify a noun or are gerunds without a clause of their own.
_NOT_EVENTS_DEPS = frozenset({"amod", "acl", "pcomp", "compound", "aux", "auxpass"})
# Dependencies along which a place name sits inside its locative phrase ("in Miami's Beach").
_NOMINAL_DEPS = frozenset({"compound", "nmod", "poss", "conj", "appos"})
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
# Nouns whose possessor is whom they are of: agents ("Moscow's forces"), belongings, deeds and
# documents ("Trump's statement"), whose acts are the possessor's or done to it.
_OWNED = AGENT_NOUNS | _BELONGINGS | _DEEDS | SPEAKING_DOCUMENTS
_DEFINITE = frozenset({"the", "that", "this", "these", "those"})
_SIDE_NOUNS = frozenset({"side", "country", "nation", "leader", "government", "party"})
# Verbs that ask an act of their object with an infinitive ("told X to", "pushed X to").
_TELLING = frozenset({"tell", "push", "encourage", "instruct", "direct"})
# Sectors whose word before an event noun names its doer ("police raids", "army strikes",
# "government crackdown"), and state bodies named for a building, which are rather hit.
_ARMED_OR_STATE = frozenset({"COP", "MIL", "REB", "GOV", "SPY", "UAF"})
_BUILDINGS = frozenset({"embassy", "consulate"})
# Sides an adjective names as the doer of an attack ("a militant attack", "rebel shelling").
_ARMED = frozenset({"REB", "UAF"})
_PERIOD_BOUNDS = frozenset({"since", "until", "till"})
# Whoever a relative clause in the present describes ("those who refuse to leave").
_ANYONE = frozenset(
    {"those", "anyone", "anybody", "whoever", "everyone", "everybody", "someone", "one"}
)
# How many sentences in a row opening with the same pronoun ("He ... He ... He") one person is
# followed through.
_PRONOUN_CHAIN = 4
# The most conjuncts a list of actors is read to ("the U.S., Belgium, Canada, ...").
_LONGEST_LIST = 40
# The sectors of forces a government moves: what it sends or deploys, not whom it acts on.
_FORCES = frozenset({"MIL", "COP"})
# Adverbs the parser may read where a phrasal verb has its particle ("backing away from").
_PARTICLE_ADVERBS = frozenset({"away", "back", "off", "out", "down", "up"})
# Prepositions whose event noun is the occasion or the destination of the act, sharing its
# place ("killed in an attack in Kabul", "summoned ambassadors to a meeting in Brussels").
_OCCASIONS = frozenset({"in", "during", "at", "amid", "to", "for"})
# Verbs whose direct object is what the parties talk about, never one of them.
_TOPIC_VERBS = frozenset({"discuss", "debate"})
# Prepositions whose object is what an act is about, not where it happened.
_TOPIC_PREPOSITIONS = frozenset({"about", "over", "regarding", "concerning"})
# Nouns by which a text names again the last country it named ("the country", "the nation").
_COUNTRY_NOUNS = frozenset({"country", "nation"})
# How a date modifies a noun rather than a clause ("a July 10 meeting", "last year's attack").
_NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod"})
# Words that open a clause at the same time as the clause it modifies.
_SETTING_PREPOSITIONS = frozenset(
    {"in", "at", "during", "on", "after", "before", "since", "until", "following", "throughout"}
)
_FIRST_PERSON = frozenset({"i", "we"})  # as subjects
_POSSESSIVE_PERSONAL = frozenset({"his", "her"})
# The gender each personal pronoun says, against a person's given name (`gender_of`).
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
# Pronouns that name the one an act is done to ("praised him", "accused them").
_OBJECT_PRONOUNS = frozenset({"him", "her", "them"})


def _agrees(name: str, pronoun: str) -> bool:
    """Whether a person `name` may be `pronoun`: "she" is not Donald Trump, "he" not Olena
    Zelenska; a name whose gender the list does not know agrees with both. "They" is no
    gathering ("the World Economic Forum", "the Munich Security Conference": where people
    met, not who acts)."""
    if pronoun == "they":
        return name.rsplit(" ", 1)[-1].casefold() not in _GATHERING_NAMES
    said = _PRONOUN_GENDER.get(pronoun)
    if said is None:
        return True
    first = name.split(" ", 1)[0]
    gender = gender_of(first)
    return gender is None or gender == said


_THIRD_PERSONAL = frozenset({"he", "she"})
# The last words of the names of gatherings, which "they" does not name.
_GATHERING_NAMES = frozenset(
    {"forum", "conference", "summit", "games", "olympics", "festival", "expo", "fair",
     "convention", "week"}
)  # fmt: skip
_THIRD_OTHER = frozenset({"it", "they"})

# Types of act that news reports without naming who did it or to whom ("82 were killed").
_MATERIAL_WITHOUT_ACTORS = frozenset({"ASSAULT", "COERCE", "CRIME", "PROTEST"})
# Confidence components (see the module docstring).
_BASE = 0.3
_TYPED = 0.25
_BOTH_SIDES = 0.15
_EXPLICIT_DATE = 0.1
_PLACED = 0.1
_DIRECT = 0.1
_HEDGED = 0.6
_NOMINAL = 0.8
_SIDE = 0.8


@dataclass
class _Found:
    names: list[str] = field(default_factory=list)
    direct: bool = True

    def extend(self, names: list[str]) -> None:
        for name in names:
            if name not in self.names:
                self.names.append(name)


def publication_date(published_at: dt.datetime) -> TimeExpression:
    """The stand-in date of an event whose clause names none."""
    day = published_at.date()
    return TimeExpression(
        text=day.isoformat(),
        type="DATE",
        value=day.isoformat(),
        start_date=day,
        end_date=day,
        anchored=False,
    )


class _Reader:
    def __init__(
        self,
        tokens: list[Tok],
        actors: Actors,
        places: Places,
        times: list[TimeExpression],
        sentences: list[Span],
        sentence_of: list[int],
        dateline: Dateline | None = None,
        text: str = "",
        published: dt.date | None = None,
    ) -> None:
        self.tokens = tokens
        self.text = text
        self.published = published
        self.actors = actors
        self.places = places
        self.sentences = sentences
        self.sentence_of = sentence_of
        # Only a date that is a calendar interval can be an event's: the index filters events
        # by date range, and "soon" (FUTURE_REF) or "recently" (PAST_REF) has none.
        self.time_at: dict[int, TimeExpression] = {}
        # The first token of each span that runs up to now ("over the past four years", "in
        # recent weeks"): a clause it governs tells of many acts or a long one, not the day's.
        self.span_at: set[int] = set()
        starts: list[int] = []  # token start offsets, read when a date needs them
        for time in times:
            if (
                time.type == "DURATION"
                and time.start is not None
                and time.text.casefold().startswith(_SPANS_TO_NOW)
            ):
                starts = starts or [token.idx for token in tokens]
                self.span_at.add(max(0, bisect.bisect_right(starts, time.start) - 1))
            if time.start is None or time.end is None or time.start_date is None:
                continue
            if time.type not in {"DATE", "TIME"} or not _NAMES_A_YEAR.match(time.value or ""):
                continue  # "now" (PRESENT_REF) has the publication day, and says nothing
            starts = starts or [token.idx for token in tokens]
            first = max(0, bisect.bisect_right(starts, time.start) - 1)
            stop = max(first + 1, bisect.bisect_left(starts, time.end))
            for i in range(first, min(stop, len(tokens))):
                self.time_at.setdefault(i, time)
        self.speakers = Speakers(tokens, sentence_of, actors, _SAYING, self.subject_names)
        # The two parties of the last act between two, which "both sides" names again, and
        # the two doers of the last act two did together, whom "the pair" names again.
        self.last_pair: list[str] = []
        self.last_doers: list[str] = []
        # A dateline ("HANOI, Vietnam (AP) —") says where the story was filed: its words are
        # no actor of any event, and its place is an event's when the clause names none.
        self.dateline_first = self.dateline_stop = 0  # its tokens (`parse.dateline.Dateline`)
        self.dateline_places: list[str] = []
        if dateline is not None:
            starts = starts or [token.idx for token in tokens]
            self.dateline_first = bisect.bisect_left(starts, dateline.place[0])
            self.dateline_stop = bisect.bisect_left(starts, dateline.end)
            for i in range(self.dateline_first, self.dateline_stop):
                name = places.by_token.get(i)
                if name is not None and name not in self.dateline_places:
                    self.dateline_places.append(name)

    # --- actors of a noun phrase -------------------------------------------------------------

    def noun_actors(self, token: Tok, depth: int = 0, listed: int = 0) -> list[str]:
        # guards against parse cycles through appos chains, and through a list's conjuncts
        if depth > 6 or listed > _LONGEST_LIST:
            return []
        if self.dateline_first <= token.i < self.dateline_stop:
            # The parser may hang the subject on the dateline ("HANOI (AP) — Esper accused"):
            # the name after it is the actor, the dateline's words are none.
            return [
                name
                for child in token.children
                if child.dep_ in {"appos", "conj"} and child.i >= self.dateline_stop
                for name in self.noun_actors(child, depth + 1)
            ]
        if self.last_pair and _both_sides(token):
            return list(self.last_pair)  # "Iran and the US ... the two sides resumed talks"
        if self.last_doers and _the_pair(token):
            return list(self.last_doers)  # "Akram and his father attacked ... The pair"
        found = _Found()
        # "Turkish police detained ...": the police, not Turkey (`at` names the state its organ
        # acts for, which the modifiers of a phrase with no actor of its own still give).
        own = self.actors.phrase_at(token) or self.actors.at(token) or self._place_as_actor(token)
        if own is None and token.pos_ == "PRON" and token.lower_ in FIRST_PERSON:
            head = token.head
            return self.speakers.first_person(token, head if head.pos_ in {"VERB", "AUX"} else None)
        if own is None and token.pos_ == "PRON" and token.lower_ in _OBJECT_PRONOUNS:
            return self._object_pronoun(token)
        appositions = [
            name
            for child in token.children
            if child.dep_ == "appos"
            for name in self.noun_actors(child, depth + 1)
        ]
        if not appositions and token.pos_ == "NOUN":
            appositions = self._lost_apposition(token)
        kinds = self.actors.kinds
        named_people = bool(appositions) and all(kinds.get(n) == "person" for n in appositions)
        if own is None and token.pos_ == "NOUN" and not named_people:
            # ("The Danish foreign minister, Lars Løkke Rasmussen,": the apposition names him)
            own = self._described(token)
        elif (
            self._titled_office(token)
            and (own is None or kinds.get(own) == "country")
            and not any(kinds.get(name) == "person" for name in appositions)
        ):
            # "the President", "the U.S. President dismissed": the holder named before
            own = self._described(token) or own
        if (
            own is not None
            and appositions
            and token.pos_ in {"NOUN", "NUM"}
            and kinds.get(own) != "person"
            and all(kinds.get(name) == "person" for name in appositions)
        ):
            # "The leader of the Conservative Party, Kemi Badenoch, said": she did; "by one of
            # Epstein's victims, the late Virginia Giuffre": she
            own = None
        if own is not None:
            found.extend([own])
            found.extend(self._other_owners(token))
        elif appositions:
            found.extend(appositions)
        else:
            attacked: list[Tok] | None = None  # read once, when a modifier names an actor
            # "U.S. allies": others, of the state the name's modifier names (not "European
            # allies", of that people; "NATO allies" are its members; "his US counterpart" is
            # American)
            peers = token.lemma_.casefold() in _SIDES
            for child in token.children:
                if child.dep_ in {"compound", "amod", "nmod"}:
                    names = self._modifier_actors(child)
                    if (
                        peers
                        and child.pos_ == "PROPN"
                        and all(self.actors.kinds.get(name) == "country" for name in names)
                    ):
                        continue
                    if names and attacked is None:
                        attacked = attacked_modifiers(token, event_noun_type(token))
                    # "the U.S. Embassy bombings": the embassy was attacked; it attacked no one.
                    if names and child not in (attacked or ()):
                        found.extend(names)
                elif child.dep_ == "poss" and (
                    token.lemma_.casefold() in _OWNED
                    or is_event_noun(token)  # "welcomed McSweeney's resignation": his act
                ):
                    found.extend(self.noun_actors(child, depth + 1))
                elif child.dep_ == "prep" and (
                    (child.lemma_ == "of" and token.lemma_.casefold() in _BELONGINGS)
                    or (child.lemma_ in {"of", "from", "by"} and token.lemma_.casefold() in _DEEDS)
                ):
                    # "raided the home of a Post reporter", "froze the assets of three banks"
                    found.extend(self._prep_objects(child, depth + 1))
                elif (
                    child.dep_ == "prep"
                    and child.lemma_ in {"of", "in"}
                    and token.lemma_.casefold() in _HOLDINGS
                ):
                    found.extend(self._named_objects(child))
                elif (
                    child.dep_ == "prep"
                    and child.lower_ in {"by", "between"}
                    and event_noun_kind(token) is not None
                ):
                    # "the war between the army and the RSF", "attacks by both sides": theirs
                    found.extend(self._prep_objects(child, depth + 1))
                elif child.dep_ == "prep" and (
                    (child.lemma_ == "of" and token.lemma_.casefold() in _QUANTIFIERS | GROUPINGS)
                    or (child.lemma_ in {"from", "of"} and token.lemma_.casefold() in AGENT_NOUNS)
                ):
                    found.extend(self._prep_objects(child, depth + 1))
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "including" and found.names:
                # "Critics, including the U.S., blamed": the ones included acted too
                found.extend(self._prep_objects(child, depth + 1))
                continue
            if child.dep_ != "conj":
                continue
            if any(grand.dep_ == "case" for grand in child.children):
                found.extend(self._possessed_apposition(child, depth + 1))
            else:
                # the parser chains a list's conjuncts, each on the one before ("the U.S.,
                # Belgium, Canada, ... and the United Kingdom signed": all twelve)
                found.extend(self.noun_actors(child, depth, listed + 1))
        return found.names

    def _place_as_actor(self, token: Tok) -> str | None:
        """A region named as a place that the article also has as an actor, where it stands
        as one ("Zelensky criticized Europe" after "European leaders"): that actor."""
        name = self.places.by_token.get(token.i)
        if name is None or self.actors.kinds.get(name) != "group":
            return None
        at = token.dep_ == "pobj" and token.head.lemma_.casefold() in LOCATIVE_PREPOSITIONS
        return None if at else name

    def _titled_office(self, noun: Tok) -> bool:
        """ "the President", "the U.S. President", "the Prime Minister": an office of one
        holder written as a title."""
        lemma = actor_lemma(noun.lemma_, noun.lower_)
        return noun.pos_ == "PROPN" and lemma in _SINGLE_HOLDER_OFFICES

    def _described(self, noun: Tok) -> str | None:
        """The actor a definite description names again ("the president", "the ministry",
        "the company"): the last one of its kind and sector before it in the paragraph."""
        if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children):
            return None
        if noun.tag_ not in {"NN", "NNP"}:
            return None  # plurals ("the officials") are actors of their own
        if noun.lower_ in _COUNTRY_NOUNS:
            # "lashed out at Canada, accusing the country of": the last country named
            return self.actors.antecedent(noun, kinds={"country"})
        head_word = noun.lower_
        named = self.actors.antecedent(
            noun,
            kinds={"organization"},
            across_paragraphs=True,
            # a one-word name is the word's homonym ("the first time" is not TIME)
            where=lambda name: " " in name and name.rsplit(None, 1)[-1].casefold() == head_word,
        )
        if named is not None:
            return named  # "the European Union ... the union": the body it ends the name of
        lemma = actor_lemma(noun.lemma_, noun.lower_)
        if lemma is None:
            return None
        agent = agent_of_phrase(lemma)
        if lemma in ANAPHORIC_INSTITUTIONS:
            states = self._countries_before(noun)
            if states:
                return states[0]  # "the U.S. consulate", "the Russian ministry": the state's
            # "the ministry" is no school named before it: a body of its sector, or of none
            sectors = None if agent is None else {agent, None}
            body = self.actors.antecedent(noun, kinds={"organization"}, agents=sectors)
            if body is None and agent in _PUBLIC_SECTORS and noun.dep_ in SUBJECT_DEPS:
                return self._as_described(noun, agent)  # "The ministry said", none named
            return body
        if agent is None or lemma in INSTITUTIONS or lemma in KIN:
            # "the spokesman" says no sector; "the government" is an actor itself; "the
            # sister" is someone's, not the last civilian named
            return None
        # A person named by office ("the president", "the minister") is named again well after
        # the paragraph that introduced them; a body ("the company") is looked for nearer.
        # "the prime minister" is not the chancellor named last.
        # "the U.S. President", "the British prime minister": whose office, not which one;
        # its holder is of that country (when the article says whose)
        whose = {self.actors.country_code(name) for name in self._countries_before(noun)}
        modifiers = [
            c
            for c in noun.children
            if c.dep_ in {"compound", "amod"}
            and not is_demonym(c.text)
            and self.actors.kinds.get(self.actors.at(c) or "") != "country"
        ]
        office = f"{modifiers[-1].lower_} {lemma}" if modifiers else lemma
        named = self.actors.antecedent(
            noun,
            agents={agent},
            kinds={"person"},
            across_paragraphs=True,
            office=office if lemma in _SINGLE_HOLDER_OFFICES else None,
            where=(lambda name: self.actors.country_code(name) in whose | {None})
            if whose
            else None,
        )
        if named is not None or lemma not in _SINGLE_HOLDER_OFFICES:
            return named
        # "Donald Trump spoke ... The president imposed tariffs": a person the paragraph named
        # with no office said is the likeliest holder (news gives a title at first mention,
        # so one given none is rarely someone of another office).
        untitled = self.actors.antecedent(
            noun, kinds={"person"}, where=lambda name: not self.actors.offices.get(name)
        )
        if untitled is not None:
            return untitled
        # "The mayor vetoed the bill", no mayor named before: the office is the actor.
        return self._as_described(noun, agent)

    def _countries_before(self, noun: Tok) -> list[str]:
        """The countries a noun's modifiers name ("the U.S. President", "the Russian
        ministry")."""
        return [
            name
            for c in noun.children
            if c.dep_ in {"compound", "amod"}
            and (name := self.actors.at(c)) is not None
            and self.actors.kinds.get(name) == "country"
        ]

    def _as_described(self, noun: Tok, agent: Agent) -> str:
        """A definite description no actor before it answers ("the mayor", "the ministry")
        as an actor of its own, with its sector."""
        words = [c for c in noun.children if c.dep_ in {"compound", "amod"} and c.i < noun.i]
        first = min([noun, *words], key=lambda t: t.i)
        if any(t.i != first.i + k for k, t in enumerate(sorted([*words, noun], key=lambda t: t.i))):
            first = noun  # a modifier apart from the noun: the noun alone
        end = noun.idx + len(noun.text)
        said = self.text[first.idx : end]
        mention = Mention(text=said, start=first.idx, end=end, sentence=self.sentence_of[noun.i])
        proper = any(t.pos_ == "PROPN" for t in self.tokens[first.i : noun.i + 1])
        return self.actors.described(said if proper else said.casefold(), agent, mention, first.i)

    def _modifier_actors(self, token: Tok) -> list[str]:
        own = self.actors.at(token) or self._sector_modifier(token)
        if own is None:
            return []
        names = [own]
        for child in token.children:
            if child.dep_ == "conj":
                names.extend(n for n in self._modifier_actors(child) if n not in names)
        return names

    def _other_owners(self, token: Tok) -> list[str]:
        """ "the foreign ministers of Pakistan, Egypt and Qatar": the phrase names the first
        country's; the countries conjoined with it have theirs there too."""
        return [
            name
            for child in token.children
            if child.dep_ == "prep" and child.lower_ == "of"
            for pobj in child.children
            if pobj.dep_ == "pobj"
            for name in self._modifier_actors(pobj)[1:]
        ]

    def _possessed_apposition(self, possessor: Tok, depth: int) -> list[str]:
        """ "Witkoff and Trump’s son-in-law, Jared Kushner": the conjunct is Kushner, not Trump."""
        end = self.sentences[self.sentence_of[possessor.i]].end
        for token in self.tokens[possessor.i + 1 : min(possessor.i + 6, end)]:
            if token.pos_ not in {"NOUN", "PROPN"}:
                continue
            names = [
                name
                for child in token.children
                if child.dep_ == "appos"
                for name in self.noun_actors(child, depth + 1)
            ]
            return names or self._name_after_comma(token, end)
        return []

    def _lost_apposition(self, noun: Tok) -> list[str]:
        """The person a common noun is said to be where the parser lost the apposition: "a
        German immigrant named Bruno Richard Hauptmann", "by an escaped murderer, Joseph
        Corbett, looking for" (not "a man, Smith said": the subject of a finite verb)."""
        if noun.lemma_.casefold() in _HEADS or is_role_word(noun.text):
            # "with the head of the International Atomic Energy Agency, Rafael Grossi": the
            # parser hangs the apposition on the body the role is of
            people = [
                name
                for of in noun.children
                if of.dep_ == "prep" and of.lower_ == "of"
                for body in of.children
                for named in body.children
                if named.dep_ == "appos"
                and (name := self.actors.at(named)) is not None
                and self.actors.kinds.get(name) == "person"
            ]
            if people:
                return people[:1]
        for child in noun.children:
            if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_ in _NAMING:
                for named in child.children:
                    if named.dep_ in {"oprd", "dobj", "attr"}:
                        name = self.actors.at(named)
                        if name is not None and self.actors.kinds.get(name) == "person":
                            return [name]
        after = noun.i + 1
        if after + 1 >= len(self.tokens) or self.tokens[after].text != ",":
            return []
        if actor_lemma(noun.lemma_, noun.lower_) is None:
            return []  # "On Monday morning, Starmer's director": no one is a morning
        name = self.actors.at(self.tokens[after + 1])
        if name is None or self.actors.kinds.get(name) != "person":
            return []
        person = self.tokens[after + 1]
        while person.dep_ == "compound" and person.head.i > person.i:
            person = person.head
        verb = person.head
        if person.dep_ in {"poss", "compound", "amod"}:
            return []  # "a man, Smith's brother": the name modifies another noun
        if person.dep_ in {"nsubj", "nsubjpass"} and (
            verb.tag_ in {"VBD", "VBZ", "VBP", "MD"} or verb.lemma_ in _SAYING
        ):
            return []
        return [name]

    def _name_after_comma(self, noun: Tok, end: int) -> list[str]:
        """The parser sometimes loses the apposition of "son-in-law, Jared Kushner": take the
        actor right after the comma that closes the noun phrase."""
        for token in self.tokens[noun.i + 1 : min(noun.i + 8, end - 1)]:
            if token.pos_ in {"VERB", "CCONJ", "AUX"}:
                return []
            if token.text == ",":
                name = self.actors.at(self.tokens[token.i + 1])
                return [name] if name is not None else []
        return []

    def _named_objects(self, preposition: Tok) -> list[str]:
        """The companies a holding is in: an object that is an actor itself, its apposition
        ("the steelmaker -- National Steel Corp."), or the owner of a unit or stock named by
        it ("Cineplex's Film House unit"); not a word that only modifies a market or a figure.
        """
        names: list[str] = []
        for pobj in (c for c in preposition.children if c.dep_ == "pobj"):
            own = self._modifier_actors(pobj)
            if not own:
                own = [n for c in pobj.children if c.dep_ == "appos" for n in self.noun_actors(c)]
            if not own and pobj.lemma_.casefold() in _COMPANY_PARTS:
                own = [
                    n
                    for c in pobj.children
                    if c.dep_ in {"compound", "poss"}
                    for n in self._modifier_actors(c)
                ]
            names.extend(n for n in own if n not in names)
        return names

    def _possessors(self, verb: Tok, thing: Tok) -> list[str]:
        """Whose thing a stance is taken on or an inquiry looks into: "defended Greenland's
        sovereignty", "criticized Denmark's handling of the crisis", "audited the firm's
        books" (it reaches the owner); not what is done to a thing ("released Navalny's body
        to his mother"), nor a group's ("our children's futures")."""
        if verb_type(verb.lemma_) not in _OWNERS_REACHED:
            return []
        return self._owners_of(thing)

    def _owners_of(self, thing: Tok) -> list[str]:
        """The named owners of a thing ("the company's accounts"), no group's; not of those on
        someone's side ("criticized Washington's allies": others)."""
        if thing.lemma_.casefold() in _SIDES:
            return []
        return [
            name
            for child in thing.children
            if child.dep_ == "poss"
            for name in self.noun_actors(child)
            if self.actors.kinds.get(name) in {"person", "organization", "country"}
        ]

    def befallen(self, happening: Tok) -> list[str]:
        """Whom a happening an inquiry looks into befell: "investigating the death of John
        Smith", "the shooting of two police officers", "Smith's killing"."""
        if happening.lemma_.casefold() not in _BEFALLING:
            return []
        return [
            name
            for child in happening.children
            if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "of")
            for victim in ([child] if child.dep_ == "poss" else child.children)
            if victim.dep_ in {"poss", "pobj"}
            for name in self.noun_actors(victim)
        ]

    def _object_counterparts(self, thing: Tok) -> list[str]:
        """The actors a thing acted on is with, against or for: "signed an agreement with the
        GCC", "negotiating deals with India, China and the U.K.", "imposed tariffs on
        Canada", "filed a complaint against Barrot", "issued a warrant for Kopp"."""
        return [
            name
            for child in thing.children
            if child.dep_ == "prep"
            and (
                child.lemma_.casefold() in _COUNTERPART_PREPOSITIONS
                or (child.lower_ == "for" and thing.lemma_.casefold() in _AIMED_FOR)
            )
            for name in self._prep_objects(child)
        ]

    def _origin_of_goods(self, noun: Tok, depth: int = 0) -> list[str]:
        """The country goods come from, whom a tariff or a ban on them hits ("a tariff on
        imports from Denmark", "banned imports from Japan")."""
        if noun.lemma_.casefold() not in _GOODS or depth >= CHAIN_LIMIT:
            return []
        return [
            name
            for origin in noun.children
            if origin.dep_ == "prep" and origin.lower_ == "from"
            for name in self._prep_objects(origin, depth + 1)
        ]

    def _prep_objects(self, preposition: Tok, depth: int = 0) -> list[str]:
        names: list[str] = []
        for child in preposition.children:
            if child.dep_ == "pobj":
                names.extend(
                    self.noun_actors(child, depth + 1)
                    or self._origin_of_goods(child, depth)
                    # "an investigation into the company's accounts": whose thing it is; "into
                    # the death of John Smith": whom it befell
                    or (
                        (self._owners_of(child) or self.befallen(child))
                        if preposition.lower_ == "into"
                        else []
                    )
                )
            elif child.dep_ in {"prep", "conj"}:
                names.extend(self._prep_objects(child, depth + 1))
            elif child.dep_ == "pcomp" and preposition.lower_ == "into":
                # "an investigation into whether Donald Trump obstructed justice": into him
                names.extend(self._named_subjects(child, {"nsubj", "nsubjpass"}))
        return names

    # --- subjects ------------------------------------------------------------------------------

    def subject_actors(self, verb: Tok, depth: int = 0) -> _Found:
        """The actors of `verb`'s subject, inherited from the governing clause where it has none."""
        found = _Found()
        if depth > 8:
            return found
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        for subject in subjects:
            if subject.tag_ in _RELATIVE_TAGS and verb.dep_ == "relcl":
                if document_act(verb):
                    continue  # "a statement that condemned": its author's act, below
                if _told_event(verb) is None:
                    antecedent = _antecedent_phrase(verb)
                    if (member := _member_of(antecedent)) is not None:
                        found.extend(self.noun_actors(member))
                    found.extend(self.noun_actors(antecedent))
                found.direct = False
            elif subject.tag_ in _RELATIVE_TAGS and (noun := self._stranded_antecedent(subject)):
                # "anger over Khamenei's remarks that blamed Trump", the relative clause hung
                # on the verb: the noun before "that" is what it says of
                found.extend(self.noun_actors(noun))
                found.direct = False
            elif subject.pos_ == "PRON":
                found.extend(self._pronoun_actors(subject, verb))
                found.direct = False
                # "He and Palestinian leader Yasser Arafat meet": the pronoun's conjuncts too
                for other in subject.children:
                    if other.dep_ == "conj":
                        found.extend(self.noun_actors(other))
            elif self._is_figure(subject):
                continue  # "Bethlehem shares rose": a figure moved, no one acted
            else:
                found.extend(self.noun_actors(subject))
        if found.names or (subjects and not document_act(verb)):
            return found
        if document_act(verb):
            # "the UN's report accusing Israel": its author; else the one who issued it
            own = self.noun_actors(verb.head)
            if own:
                return _Found(own, direct=False)
        if _for_a_deed(verb):
            # "sanctioned Russia for invading Ukraine", "imposed a tariff on Denmark for sending
            # troops", "was fined for polluting": the one it is done to did the deed
            return _Found(self._punished(verb.head.head), direct=False)
        head = governor(verb)
        if head is None:
            return found
        if verb.dep_ == "xcomp" or (verb.dep_ == "pcomp" and not gerund_clause(verb)):
            # "urged Iran to stop", "accused Smith of attacking": the object does it (not in
            # "left Paris after congratulating Merz")
            controllers = [c for c in head.children if c.dep_ in {"dobj", "dative"}]
            objects = [n for c in controllers for n in self.noun_actors(c)]
            if objects:
                return _Found(objects, direct=False)
        inherited = self.subject_actors(head, depth + 1)
        return _Found(inherited.names, direct=False)

    def _punished(self, verb: Tok) -> list[str]:
        """Whom an act of reward or punishment is done to: its object, its passive subject,
        or the one its "on" or "against" names ("a tariff on Denmark")."""
        names: list[str] = []
        for child in verb.children:
            if child.dep_ in {"dobj", "nsubjpass"}:
                names.extend(n for n in self.noun_actors(child) if n not in names)
        if names:
            return names
        for thing in (verb, *(c for c in verb.children if c.dep_ == "dobj")):
            for child in thing.children:
                if child.dep_ == "prep" and child.lower_ in {"on", "against"}:
                    names.extend(n for n in self._prep_objects(child) if n not in names)
        return names

    def _stranded_antecedent(self, pronoun: Tok) -> Tok | None:
        """The noun right before a relative pronoun whose clause the parser did not hang on
        it, else None."""
        if pronoun.head.dep_ == "relcl" or pronoun.i == 0:
            return None
        before = self.tokens[pronoun.i - 1]
        return before if before.pos_ in {"NOUN", "PROPN"} else None

    def _is_figure(self, noun: Tok) -> bool:
        return noun.lemma_.casefold() in _FIGURE_NOUNS and self.actors.at(noun) is None

    def figure_moved(self, verb: Tok) -> bool:
        """Whether the verb's active subjects are all figures or securities ("shares rose"), or
        the verb moves by an amount ("Shell eased 1 to 416", "Intel fell 3/8")."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects and all(self._is_figure(s) for s in subjects):
            return True
        return any(
            c.dep_ in {"dobj", "npadvmod"} and c.tag_ == "CD" for c in verb.children
        ) and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)

    def subject_names(self, verb: Tok) -> list[str]:
        return self.subject_actors(verb).names

    def _pronoun_actors(self, pronoun: Tok, verb: Tok) -> list[str]:
        word = pronoun.lower_
        if word in _FIRST_PERSON:
            return self.speakers.first_person(pronoun, verb)
        speaker = self.speakers.of_clause(verb)
        if speaker and all(self.outlet(n) for n in speaker):
            speaker = None  # "Reuters reported the bloc could suspend a deal it struck"
        if speaker:
            people = all(self.actors.kinds.get(n) == "person" for n in speaker)
            agree = all(_agrees(n, word) for n in speaker)
            if (word in _THIRD_PERSONAL and people and agree) or (
                word in _THIRD_OTHER and not people
            ):
                return speaker
        if word in _THIRD_PERSONAL:
            return (
                self._subject_ahead(pronoun, word)
                or self._same_pronoun_above(pronoun, word)
                or self._previous_person(pronoun)
                or self._antecedent(pronoun, {"person"})
            )
        if word == "they":
            # Not whom the speaker told, nor the speaker of a quotation ("“They started
            # shooting,” said a resident": a speaker says "we" of their own).
            passed_over = self._addressees(verb) | frozenset(self.speakers.of_quote(pronoun))
            pair = self._coordinated_subject(pronoun, passed_over)
            if pair:
                return pair  # "The U.S. and Iran held talks. They agreed ..."
            return self._antecedent(pronoun, {"group", "organization"}, passed_over)
        if word == "it":
            return self._near_body(pronoun)
        return []

    def _subject_ahead(self, pronoun: Tok, word: str) -> list[str]:
        """The person "he" or "she" names ahead of it: the subject of the main clause when the
        pronoun's clause is set before it ("As he did earlier in the week when denouncing
        the threat, Starmer doubled down": Starmer, not the last man named before)."""
        clause = pronoun.head
        if pronoun.dep_ not in {"nsubj", "nsubjpass"} or clause.dep_ != "advcl":
            return []
        main = clause.head
        if main.i < clause.i:
            return []
        for subject in main.children:
            if subject.dep_ in {"nsubj", "nsubjpass"} and subject.i > clause.i:
                # a name, not a description ("when he and Gorbachev spoke, the President")
                name = self.actors.at(subject)
                if name is not None and self.actors.kinds.get(name) == "person":
                    return [name] if _agrees(name, word) else []
        return []

    def _same_pronoun_above(self, pronoun: Tok, word: str, depth: int = 0) -> list[str]:
        """The person a subject "he" or "she" names when a clause above its own in the
        sentence has the same pronoun as subject: whom that one names ("He mocked Macron's
        sunglasses before recounting how he said he forced France's leader": not Macron; "He
        contrasted his record with Joe Biden, whom he derided": not Biden)."""
        if pronoun.dep_ not in {"nsubj", "nsubjpass"} or depth > _PRONOUN_CHAIN:
            return []
        clause = pronoun.head
        for _ in range(CHAIN_LIMIT):
            above = governing_verb(clause.head) if clause.dep_ == "relcl" else clause.head
            if above is None or above is clause or clause.dep_ == "ROOT":
                return []
            clause = above
            for subject in clause.children:
                if subject.dep_ not in {"nsubj", "nsubjpass"} or subject.i > pronoun.i:
                    continue
                if subject.lower_ in _PRONOUN_GENDER and (
                    _PRONOUN_GENDER[subject.lower_] == _PRONOUN_GENDER.get(word)
                ):
                    return self._same_pronoun_above(subject, word, depth + 1) or (
                        self._previous_person(subject)
                    )
                return []  # another subject above: the nearest person rule decides
        return []

    def _coordinated_subject(self, pronoun: Tok, passed_over: frozenset[str]) -> list[str]:
        """The actors of the last subject before `pronoun` in its paragraph when that subject
        joins two or more ("Israel and Hamas agreed to a truce. They ..."): what "they" names
        first, countries included."""
        paragraph = self.actors.paragraph_of
        for first, stop, _ in reversed(self.actors.spans):
            if stop > pronoun.i:
                continue
            if paragraph and paragraph[first] != paragraph[pronoun.i]:
                return []
            top = _joined_phrase(self.tokens[stop - 1])
            if top.dep_ not in {"nsubj", "nsubjpass"}:
                return []
            names = [n for n in self.noun_actors(top) if n not in passed_over]
            return names if len(names) > 1 else []
        return []

    def _near_body(self, pronoun: Tok) -> list[str]:
        """Whom "it" names as a doer: the organisation or country that is the nearest subject
        before it, in its sentence or the one before ("SAFEnet raised concerns, and it accused
        Meta"); an object or a name farther back is more often not what "it" is."""
        number = self.sentence_of[pronoun.i]
        own = self.sentences[number].start
        previous = self.sentences[number - 1].start if number > 0 else own
        # Nearest first: a main clause's subject, then any, in its sentence; then the sentence
        # before, likewise ("Since KKR bought RJR, it has agreed": KKR).
        for first, stop in ((own, pronoun.i), (previous, own)):
            subjects = [
                t
                for t in reversed(self.tokens[first:stop])
                if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ != "PRON"
            ]
            main = [t for t in subjects if _main_clause(t.head)]
            for token in main + [t for t in subjects if t not in main]:
                name = self.actors.phrase_at(token) or self.actors.at(token)
                if (
                    name is not None
                    and self.actors.kinds.get(name) in {"organization", "country"}
                    and not self.outlet(name)  # "Reuters reported": it tells
                ):
                    return [name]
        return []

    def _antecedent(
        self, pronoun: Tok, kinds: set[EntityKind], passed_over: frozenset[str] = frozenset()
    ) -> list[str]:
        word = pronoun.lower_
        found = self.actors.antecedent(
            pronoun,
            kinds=kinds,
            where=lambda name: _agrees(name, word) and name not in passed_over,
        )
        if found is None:
            return []
        if word != "they":
            return [found]
        # "Tanzanian police and FBI agents searched ... They refused": every conjunct
        mention = next(
            (
                stop - 1
                for first, stop, name in reversed(self.actors.spans)
                if name == found and stop <= pronoun.i
            ),
            None,
        )
        if mention is None:
            return [found]
        together = [
            name
            for name in self.noun_actors(_joined_phrase(self.tokens[mention]))
            if self.actors.kinds.get(name) in kinds and name not in passed_over
        ]
        return together if found in together else [found]

    def _addressees(self, verb: Tok) -> frozenset[str]:
        """Whom the verb of saying over `verb`'s clause was said to: "told reporters they had
        a very good meeting" is not the reporters' meeting."""
        saying = self.speakers.saying_verb(verb)
        if saying is None:
            return frozenset()
        names: set[str] = set()
        # "told reporters they had ... and confirmed they reached": and up to the first verb
        for _ in range(CHAIN_LIMIT):
            if saying.lemma_ in _SAYING:
                for child in saying.children:
                    if child.dep_ in {"dobj", "dative"}:
                        names.update(self.noun_actors(child))
                    elif child.dep_ == "prep" and child.lower_ == "to":
                        names.update(self._prep_objects(child))
            if saying.dep_ not in {"conj", "ccomp"} or saying.head is saying:
                break
            saying = saying.head
        return frozenset(names)

    # --- an event noun's participants (`nouns.ClauseReader`) -------------------------

    def slot_actors(self, slot: Tok) -> tuple[list[str], bool]:
        """The actors an event noun's possessor ("Witkoff's", "our", "his") or preposition
        ("with Dmitriev") names, and whether read straight from the text (no pronoun)."""
        if slot.dep_ != "poss":
            return self._prep_objects(slot), True
        if slot.pos_ != "PRON":
            return self.noun_actors(slot), True
        if slot.lower_ in _POSSESSIVE_PERSONAL:
            return self._previous_person(slot), False
        return self.noun_actors(slot), False

    def modifier_chain(self, token: Tok, depth: int = 0) -> list[str]:
        """The actors among an event noun's modifiers, through chained compounds and conjuncts
        ("the Russia-Ukraine talks": Russia modifies Ukraine, which modifies talks), not through
        other words ("the Kenya embassy bombing": Kenya says which embassy)."""
        own = self.actors.at(token) or self._sector_modifier(token)
        if own is None:
            return []
        found = _Found()
        chained = [
            child
            for child in token.children
            if depth < 4  # chains of modifiers are short; a guard against parse cycles
            and child.dep_ in {"compound", "amod", "nmod", "conj"}
        ]
        for child in chained:  # in text order: "Russia-Ukraine" is Russia, then Ukraine
            if child.i < token.i:
                found.extend(self.modifier_chain(child, depth + 1))
        found.extend([own])
        for child in chained:
            if child.i > token.i:
                found.extend(self.modifier_chain(child, depth + 1))
        return found.names

    def _sector_modifier(self, token: Tok) -> str | None:
        """ "police raids", "army strikes", "government crackdown": a lexicon noun that
        modifies an event noun is its doer, an actor of its own named by the word."""
        # "a militant attack", "a rebel assault": an adjective of an armed side says it too
        adjective = token.dep_ == "amod" and token.pos_ == "ADJ"
        if not (adjective or (token.dep_ == "compound" and token.pos_ == "NOUN")):
            return None
        if not is_event_noun(token.head):
            return None  # not "a police station": a place, not a doer
        lemma = actor_lemma(token.lemma_, token.lower_)
        agent = agent_of_phrase(lemma) if lemma is not None else None
        if lemma is None or agent not in _ARMED_OR_STATE or lemma in _BUILDINGS:
            return None  # "citizen assistance", "the embassy bombings": no doer said
        if adjective and agent not in _ARMED:
            return None  # "a government crackdown" is a noun's; "military strikes" no one's
        mention = Mention(
            text=token.text,
            start=token.idx,
            end=token.idx + len(token.text),
            sentence=self.sentence_of[token.i],
        )
        kind: EntityKind = "organization" if lemma in INSTITUTIONS else "group"
        name = f"{lemma}s" if adjective else token.lower_  # "militants", as the side is called
        return self.actors.described(name, agent, mention, token.i, kind=kind)

    def _previous_person(self, pronoun: Tok, depth: int = 0) -> list[str]:
        """The person a pronoun names: the nearest one before it in its sentence, else the
        subject of the sentence before (the one it is about: "Smith met Trump on Monday. He
        said ..." is Smith; where that subject is the same pronoun, "He set the tone. He
        singled out ...", whom it names), else the nearest there; one the pronoun agrees
        with."""
        number = self.sentence_of[pronoun.i]
        word = pronoun.lower_
        own = self.sentences[number].start
        # "After traveling to Beijing to meet with Xi, he announced": a subject pronoun is not
        # a person named in a clause set before it on its own verb; that clause is its doer's.
        preposed = {
            t.i
            for c in pronoun.head.children
            if pronoun.dep_ in SUBJECT_DEPS and c.dep_ in {"advcl", "prep"} and c.i < pronoun.i
            for t in c.subtree
        }
        before = [i for i in range(pronoun.i - 1, own - 1, -1) if i not in preposed]
        found = self._nearest_person(before, word)
        if found or number == 0:
            return found
        previous = self.sentences[number - 1]
        for token in self.tokens[previous.start : previous.end]:
            if token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "ROOT":
                # "He said ...", "Her comments came ...": whom that pronoun names
                same = [
                    t
                    for t in (token, *(c for c in token.children if c.dep_ == "poss"))
                    if t.lower_ in _PRONOUN_GENDER
                    and _PRONOUN_GENDER[t.lower_] == _PRONOUN_GENDER.get(word)
                ]
                if same and depth < _PRONOUN_CHAIN:
                    return self._previous_person(same[0], depth + 1)
                subject = self._nearest_person(
                    range(token.i, max(token.i - 4, previous.start - 1), -1), word
                )
                if subject:
                    return subject
        return self._nearest_person(range(own - 1, previous.start - 1, -1), word)

    def _object_pronoun(self, pronoun: Tok) -> list[str]:
        """Whom "him", "her" or "them" names: as "he", "she" or "they" would, passing over the
        subject of its own clause ("Trump praised him" is not Trump)."""
        if pronoun.dep_ in {"dobj", "dative"}:
            verb = pronoun.head
        elif pronoun.dep_ == "pobj" and pronoun.head.dep_ == "prep":
            verb = pronoun.head.head
        else:
            return []  # "some of them said": a subject's pronoun is read as one
        if verb.pos_ not in _VERBAL:
            return []
        # The names in the clause's own subject (read off the tokens: no resolving again).
        subjects = {
            name
            for child in verb.children
            if child.dep_ in {"nsubj", "nsubjpass"}
            for t in subtree_until(child, lambda _: False)
            if (name := self.actors.by_token.get(t.i)) is not None
        }
        word = pronoun.lower_
        if word == "them":
            # people named by a common noun first ("thanked employees for traveling to the
            # United States, and asked them to stand"): a state is rather "it"
            found = self.actors.antecedent(
                pronoun, kinds={"group"}, where=lambda n: n not in subjects
            ) or self.actors.antecedent(
                pronoun,
                kinds={"group", "organization", "country"},
                where=lambda n: n not in subjects,
            )
            return [found] if found is not None else []
        number = self.sentence_of[pronoun.i]
        start = self.sentences[number - 1].start if number > 0 else 0
        return self._nearest_person(range(pronoun.i - 1, start - 1, -1), word, subjects)

    def _nearest_person(
        self, indices: Sequence[int], pronoun: str, passed_over: set[str] | None = None
    ) -> list[str]:
        """The first person at `indices` that `pronoun` may name, other than `passed_over`."""
        for i in indices:
            name = self.actors.by_token.get(i)
            if (
                name is not None
                and self.actors.kinds.get(name) == "person"
                and _agrees(name, pronoun)
                and not (passed_over and name in passed_over)
            ):
                return [name]
        return []

    # --- objects -------------------------------------------------------------------------------

    def object_actors(self, verb: Tok, event_noun: Tok | None) -> list[str]:
        found = _Found()
        for child in verb.children:
            if (
                child.dep_ in {"dobj", "nsubjpass"}
                and child.tag_ in _RELATIVE_TAGS
                and verb.dep_ == "relcl"
            ):
                # "soldiers who were killed", "the man whom police arrested": the antecedent
                found.extend(self.noun_actors(_antecedent_phrase(verb)))
            elif child.dep_ == "dative" and child.pos_ == "ADP":
                found.extend(self._prep_objects(child))  # "lent to Meridian National"
            elif (
                child.dep_ == "dobj"
                and verb.lemma_.casefold() in _TOPIC_VERBS
                and self.actors.at(child) is not None
            ):
                continue  # "discussed Greenland with Rasmussen": the topic, not a party
            elif child.dep_ in {"dobj", "dative", "obj"}:
                named = self.noun_actors(child)
                if (
                    verb_type(verb.lemma_) == "INVESTIGATE"
                    and self.actors.phrase_at(child) is None
                    and self.actors.at(child) is None
                ):
                    # "investigating Donald Trump's ties to Russia": him, not whom they are with
                    named = self._owners_of(child) or self.befallen(child) or named
                found.extend(
                    named
                    or self._object_counterparts(child)
                    or self._possessors(verb, child)
                    or self._origin_of_goods(child)
                )
            elif child.dep_ == "prep" and child.lemma_.casefold() in TARGET_PREPOSITIONS:
                if child.lemma_.casefold() == "at" and not _aims(verb):
                    continue  # "rallied at the Statehouse": where, not against whom
                found.extend(self._prep_objects(child))
            elif child.dep_ == "agent":
                continue
            elif child.dep_ == "prep" and phrasal_type(verb.lemma_, child.lower_) == "DEMAND":
                # "called for immediate negotiations with Denmark", "called for sanctions on
                # Russia": the one the demanded act would be done with or to
                found.extend(
                    [
                        name
                        for asked in child.children
                        if asked.dep_ == "pobj" and is_event_noun(asked)
                        for name in self._party_objects(asked)
                    ]
                )
            elif child.dep_ == "ccomp" and verb.lemma_ not in SPEECH_VERBS:
                if not _warns_of_a_reprisal(verb):  # "the EU response will be": its own side
                    found.extend(self._named_subjects(child, {"nsubj"}))
            elif child.dep_ in {"advcl", "xcomp"} and any(
                g.dep_ == "mark" and g.lower_ == "for" for g in child.children
            ):
                # "pushed for the E.U. to use its tool", "called for the EU to be abolished":
                # the one the demanded act is asked of
                found.extend(self._named_subjects(child, {"nsubj", "nsubjpass"}))
            elif child.dep_ == "nsubjpass" and child.lower_ in _THIRD_PERSONAL:
                found.extend(self._pronoun_actors(child, verb))  # "He was sentenced"
            elif child.dep_ == "nsubjpass":
                found.extend(self.noun_actors(child))
        if event_noun is not None:
            for child in event_noun.children:
                if child.dep_ == "prep" and child.lemma_.casefold() in TARGET_PREPOSITIONS:
                    found.extend(self._prep_objects(child))
            found.extend(self.asked_of(event_noun, noun_type(event_noun.lemma_)))
        if verb.dep_ == "relcl" and not any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children):
            relative_subject = any(c.tag_ in _RELATIVE_TAGS for c in verb.children)
            if not relative_subject:
                found.extend(self.noun_actors(verb.head))
        return found.names

    def _party_objects(self, noun: Tok) -> list[str]:
        """The actors an event noun's prepositions of a party name ("talks with Denmark",
        "sanctions on Russia")."""
        return [
            name
            for child in noun.children
            if child.dep_ == "prep" and child.lower_ in _PARTY_OF_A_NOUN
            for name in self._prep_objects(child)
        ]

    def _named_subjects(self, clause: Tok, deps: set[str]) -> list[str]:
        """The actors of a clause's subjects that are no pronoun."""
        return [
            name
            for c in clause.children
            if c.dep_ in deps and c.pos_ != "PRON"
            for name in self.noun_actors(c)
        ]

    def passive_sources(self, verb: Tok) -> list[str]:
        """The passive's "by" agents, also where the parser hung "by" on the noun of a
        phrase before it ("evicted from his residence by Buckingham Palace")."""
        names = [
            name
            for child in verb.children
            if child.dep_ == "agent"
            for name in self._prep_objects(child)
        ]
        if names:
            return names
        for child in verb.children:
            if child.dep_ != "prep" or child.lower_ == "by":
                continue
            for noun in child.children:
                for by in noun.children:
                    if by.dep_ == "prep" and by.lower_ == "by" and noun.dep_ == "pobj":
                        names.extend(self._prep_objects(by))
        if names:
            return names
        # "killed in Israeli strikes", "arrested in a police crackdown": the ones whose
        # violence it was did it
        return [
            name
            for child in verb.children
            if child.dep_ == "prep" and child.lower_ in {"in", "during"}
            for noun in child.children
            if noun.dep_ == "pobj" and event_noun_type(noun) in _FORCEFUL
            for name in self.noun_actors(noun)
        ]

    # --- places and times ----------------------------------------------------------------------

    def _locative(self, token: Tok, owner: Tok | None = None) -> bool:
        name = token
        token = _up_from_a_part(token)
        while token.dep_ in _NOMINAL_DEPS and token.head is not token:
            head = token.head
            if head.lemma_.casefold() in _BUILDINGS and not sited(token):
                return False  # "at U.S. embassies in Nairobi": whose, not where
            if token.dep_ in _MODIFIER_OF_A_NOUN and not _holds_a_place(head):
                if sited(name) and names_building(head):
                    token = head  # "a Birmingham, Ala., abortion clinic": where it stands
                    continue
                building = token is not name and names_building(token)
                if token is name and self._occasion_venue(name, head):
                    return True  # "lashed out at Canada during his Davos address"
                if not (building and sited(name) and is_event_noun(head)):
                    return False  # "over the Greenland tussle": the tussle is no place
                if head is owner:
                    return True  # "the Kenya embassy bombing": where the embassy stands
            token = head
        if (
            owner is not None
            and token is not name
            and sited(name)
            and names_building(token)
            and token.dep_ == "pobj"
            and token.head.lower_ in {"of", "on", "against"}
            and token.head.head is owner
        ):
            return True  # "the bombing of a Birmingham clinic": where the clinic stands
        if token.dep_ == "dobj" and token.head.lemma_.casefold() in _VISITING:
            return True  # "visited Washington": the host and the place
        if token.dep_ != "pobj" or not _of_place(token.head):
            return False
        # "a visit to Austria": the host is the visit's target and its place too.
        preposition = token.head
        if preposition.lower_ == "to" and preposition.head.lower_ == "according":
            return False  # "according to Tehran": who says so
        if preposition.lower_ == "to" and preposition.head.lemma_.casefold() in _JOURNEYS:
            return True
        if preposition.lower_ == "at" and _aims(preposition.head):
            return False  # "lashed out at Canada", "fired at the convoy": aimed at, not where
        holder = preposition.head
        if (
            preposition.lower_ == "from"
            and holder.dep_ == "pobj"
            and holder.head.lower_ == "by"
            and not is_event_noun(holder)
        ):
            return False  # "requested by officials from Greenland": whence the doers came
        if holder.dep_ == "pobj" and holder.head.lower_ in _TOPIC_PREPOSITIONS:
            return False  # "spoke about stability in the Middle East": the topic's place
        # "condemned the killings in Iran", "arrested in connection with the bombings of
        # embassies in Kenya": the place of another event noun's phrase is that noun's, not
        # the act's; but "killed in an attack in Kabul", "met during talks in Geneva": the
        # occasion's is the act's.
        for _ in range(CHAIN_LIMIT):
            if holder is owner or holder.pos_ not in {"NOUN", "PROPN"}:
                break
            if holder.pos_ == "NOUN" and event_noun_type(holder) is not None:
                # ... and "bombings at embassies in Nairobi killed 258": the subject's place
                occasion = holder.dep_ == "pobj" and holder.head.lower_ in _OCCASIONS
                if not occasion and holder.dep_ not in {"nsubj", "nsubjpass"}:
                    return False
                break
            if holder.dep_ == "pobj" and holder.head.dep_ == "prep":
                holder = holder.head.head  # "embassies" of "the bombings of embassies"
            elif holder.dep_ in {"compound", "conj", "appos"}:
                holder = holder.head
            else:
                break
        # "on the outskirts of Kabul" (`_of_place`): no one the act was on
        return preposition.lower_ == "on" or not used_as_actor(token)

    def _occasion_venue(self, name: Tok, noun: Tok) -> bool:
        """ "during his Davos address", "at the Geneva talks": a town before the occasion an
        act happened during or at is where the occasion was (a country is rather its topic:
        "at the Iran talks")."""
        place = self.places.by_token.get(name.i)
        return (
            name.dep_ == "compound"
            and noun.dep_ == "pobj"
            and noun.head.lower_ in {"during", "at"}
            and place is not None
            and self.actors.kinds.get(place) != "country"
        )

    def _told_events_place(self, verb: Tok) -> list[str]:
        """ "the bombing of a Birmingham clinic that killed an officer": the killing was where
        the bombing was (`_told_event`)."""
        event = _told_event(first_conjunct(verb))
        if event is None:
            return []
        return self.places_in(list(event.subtree), skip_subjects=False, owner=event)

    def _where_clause_place(self, verb: Tok) -> list[str]:
        """ "Oklahoma City, where 168 people were killed": the place a where-clause is on."""
        first = first_conjunct(verb)
        if first.dep_ != "relcl" or not any(
            c.dep_ == "advmod" and c.lower_ == "where" for c in first.children
        ):
            return []
        name = self.places.by_token.get(first.head.i)
        return [name] if name is not None else []

    def _pointed_there(self, verb: Tok) -> list[str]:
        """ "The FBI investigation in Dar es Salaam ... has questioned 100 people there": the
        place "there" points at, the last one the text named in a phrase of place before it,
        in its sentence or the one before."""
        there = next(
            (
                adverb
                for holder in (verb, *(c for c in verb.children if c.dep_ == "dobj"))
                for adverb in holder.children
                if adverb.dep_ == "advmod" and adverb.lower_ == "there"
            ),
            None,
        )
        if there is None:
            return []
        sentence = self.sentence_of[there.i]
        by_a_noun: list[str] = []
        for i in range(there.i - 1, -1, -1):
            if self.sentence_of[i] < sentence - 1:
                break
            name = self.places.by_token.get(i)
            phrase = _phrase_of_place(self.tokens[i]) if name is not None else None
            if phrase is None or name is None:
                continue
            if phrase.head.pos_ in {"VERB", "AUX"}:
                return [name]  # "met in Istanbul ... for talks on the war in Ukraine": Istanbul
            by_a_noun = by_a_noun or [name]  # "the FBI investigation in Dar es Salaam"
        return by_a_noun

    def _simultaneous_places(self, verb: Tok, owner: Tok | None) -> list[str]:
        """ "Pakistan and Austria agreed ... as Sharif met Stocker in Vienna": a clause and the
        clause at its time (a when- or as-clause, either way round) happen in one place."""
        # The parser may hang the as-clause on the verb's infinitive ("agreed to strengthen
        # ties as Sharif met ...").
        heads = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        others = [c for h in heads for c in h.children if at_the_time_of(c)]
        if at_the_time_of(verb):
            others.append(verb.head)
        for other in others:
            places = self.places_in(clause_tokens(other), owner=owner)
            if places:
                return places
        return []

    def places_in(
        self, tokens: list[Tok], *, skip_subjects: bool = True, owner: Tok | None = None
    ) -> list[str]:
        """Locative place names among `tokens`, leaving out those inside a subject ("officials
        from Kenya visited ...": Kenya says who, not where) unless `skip_subjects` is false."""
        by_token = self.places.by_token
        placed = [token for token in tokens if token.i in by_token]
        if not placed:  # most clauses name no place: skip walking their subjects
            return []
        subjects = [t for t in tokens if t.dep_ in {"nsubj", "nsubjpass"}] if skip_subjects else []
        in_subject = {t.i for subject in subjects for t in subject.subtree}
        names: list[str] = []
        for token in placed:
            if token.i in in_subject and not _where_the_subject_is(token, subjects):
                continue
            name = by_token[token.i]
            if name not in names and self._locative(token, owner):
                names.append(name)
        return names

    def topic_places(self, verb: Tok) -> set[str]:
        """The places `verb`'s clause names only inside what it is about: its object (a thing,
        not people), its complement clause, or a preposition's object ("called for the
        replacement of U.S. forces in the Persian Gulf", "to defend NATO's involvement in
        Kosovo"); not one said where it was said ("demanded in Geneva", "said at a rally in
        Ohio"), nor where the people it was said to are ("ordered all Americans in Kuwait")."""
        about: set[int] = set()
        for child in verb.children:
            dep = child.dep_
            preposition = (
                dep == "prep"
                and child.lower_ in _ABOUT_PREPOSITIONS
                # "on the sidelines of the forum in Davos", "on a trip to Washington": where
                # ("called for a meeting in Geneva" is what about)
                and not (
                    child.lower_ == "on"
                    and any(
                        o.lower_ in _VENUE_NOUNS or o.lemma_.casefold() in _VENUE_NOUNS | _JOURNEYS
                        for o in child.children
                    )
                )
            )
            if dep == "dobj" and self.actors.at(child) is not None:
                continue  # "ordered all Americans in Kuwait": where the people told were
            if dep in {"dobj", "xcomp", "ccomp"} or preposition:
                about.update(t.i for t in child.subtree)
        if not about:
            return set()
        tokens = clause_tokens(verb)
        everywhere = set(self.places_in(tokens))
        elsewhere = set(self.places_in([t for t in tokens if t.i not in about]))
        return everywhere - elsewhere

    def struck_places(self, verb: Tok, event_noun: Tok | None) -> list[str]:
        """The places an attack or a raid was made on: "attacked Kyiv", "struck Odesa",
        "launched a strike on Kyiv", "airstrikes on Gaza": it happened there."""
        heads = [verb] if event_noun is None else [verb, event_noun]
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        for head in heads:
            objects.extend(
                o
                for prep in head.children
                if prep.dep_ == "prep" and prep.lower_ in {"on", "against"}
                for o in prep.children
                if o.dep_ == "pobj"
            )
        names: list[str] = []
        for o in objects:
            for token in (o, *(c for c in o.children if c.dep_ == "conj")):
                name = self.places.by_token.get(token.i)
                if name is not None and name not in names:
                    names.append(name)
        return names

    def outlet(self, name: str) -> bool:
        """Whether the actor is a news outlet (MED): it tells of acts, it seldom does them."""
        return self.actors.agents.get(name) == "MED"

    def threatened(self, act: Tok) -> list[str]:
        """Whom a threatened act would hurt when its object names no one: the country it is
        in ("threatened to intervene in Iran")."""
        return self.countries_in(clause_tokens(act))

    def asked_of(self, noun: Tok, kind: EventType | None) -> list[str]:
        """Whom a demand or a warning is made of, as its "that" clause asks them ("demands
        that Iran reduce its stockpile", "a warning that Hamas must disarm"; not a pronoun,
        maybe the doer's own side: "demands that they be heard"; nor a clause that tells: "a
        warning that Hamas was planning an attack"), and whom a threat's act is aimed at
        ("threats of military action against Tehran", "his threat of sanctions on
        Venezuela")."""
        if kind not in _ASKED_OF:
            return []
        names: list[str] = []
        for child in noun.children:
            if child.dep_ in {"acl", "ccomp"} and _asks(child):
                names.extend(self._named_subjects(child, {"nsubj", "nsubjpass"}))
            elif child.dep_ == "prep" and child.lower_ == "of" and kind == "THREATEN":
                for act in child.children:
                    if act.dep_ == "pobj":
                        names.extend(self.aimed_at(act))
        return names

    def aimed_at(self, act: Tok) -> list[str]:
        """Whom an act a noun names is aimed at ("sanctions against Moscow", "tariffs on
        Mexico")."""
        return [
            name
            for child in act.children
            if child.dep_ == "prep" and child.lower_ in _AIMED_AT
            for name in self._prep_objects(child)
        ]

    def countries_in(self, tokens: list[Tok]) -> list[str]:
        """The countries among the locative places of `tokens` that are also actors."""
        return [name for name in self.places_in(tokens) if self.actors.kinds.get(name) == "country"]

    def over_a_span(self, verb: Tok) -> bool:
        """Whether a span up to now governs `verb`'s clause or one above it ("Over the past
        four years, officials have blamed 145 acts on Russia", "In recent weeks, Denmark has
        increased its presence, joined by Germany")."""
        if not self.span_at:
            return False
        for i in self.span_at:
            token = self.tokens[i]
            for _ in range(CHAIN_LIMIT):
                if token.pos_ == "VERB" or token.head is token:
                    break
                token = token.head
            if token.pos_ == "VERB" and _descends(verb, token):
                return True
        return False

    def time_in(self, verb: Tok, tokens: list[Tok]) -> TimeExpression | None:
        """The clause's first date that dates its verb; a relative clause on a date ("June
        2024, when ...") has it. A date that modifies a noun ("testified about a July 10
        meeting", "a 2010 allegation") dates that noun's happening, not the verb's."""
        first = first_conjunct(verb)  # "the bombing that killed an officer and maimed a nurse"
        if first.dep_ in {"relcl", "acl"}:
            # "June 2024, when ...", "the January 1998 bombing that killed an officer", "the
            # Feb. 23 accord signed by Annan": the noun's date is the clause's.
            # "the 1998 bombing of a clinic that killed an officer": the bombing's
            noun = _told_event(first) or first.head
            dated = self.noun_date(noun)
            if dated is not None:
                return dated
        own = self._dating(verb, tokens, own_first=True)
        if own is not None:
            return own
        for subject in verb.children:
            # "The Aug. 7, 1998, bombings killed more than 200 people": the act the subject
            # noun names did it then
            if subject.dep_ == "nsubj" and is_event_noun(subject):
                dated = self.noun_date(subject)
                if dated is not None:
                    return dated
        if _just_before_or_after(first):
            # "embarked on the expansion in 1993 after Clinton met Havel": in that year too;
            # a day or a week of the governor's is not the clause's
            head = first.head.head if first.dep_ == "pcomp" else first.head
            time = self._dating(head, clause_tokens(head))
            if time is not None and _COARSE.fullmatch(time.value):
                return time
        # "announced the ban on Tuesday at the summit in Dubai, where he criticized ...": a
        # where-clause on a place of its governor's act happens at that act's time.
        governor = None
        if first.dep_ == "relcl" and any(
            c.dep_ == "advmod" and c.lower_ == "where" for c in first.children
        ):
            governor = governing_verb(first.head)
        # "the Soviet Union invaded Afghanistan" in "in 1979, when the Soviet Union invaded
        # Afghanistan": a when-clause happens at its governor's time.
        # "agreed on Monday to strengthen ties as Sharif met Stocker": or of the clause its
        # governor takes its subject from.
        elif at_the_time_of(verb):
            governor = verb.head
        for governing in chain(governor) if governor is not None else []:
            time = self._dating(governing, clause_tokens(governing))
            if time is not None:
                return time
        # "73 soldiers were killed when two helicopters crashed last February": at the time
        # of its when-clause.
        for child in verb.children:
            if at_the_time_of(child):
                time = self._dating(child, clause_tokens(child))
                if time is not None:
                    return time
        return self._occasion_time(verb)

    def noun_date(self, noun: Tok) -> TimeExpression | None:
        """The date that modifies a noun: "the January 1998 bombing", "last year's strikes",
        also where the parser left the date unattached right before it ("the Dec. 21, 1988,
        bombing")."""
        if noun.i in self.time_at:
            return self.time_at[noun.i]
        for child in noun.children:
            if child.dep_ in _NOUN_MODIFIER_DEPS and child.i in self.time_at:
                return self.time_at[child.i]
        before = noun.i - 1
        while before >= 0 and self.tokens[before].text in {",", "'s", "’s"}:
            before -= 1
        time = self.time_at.get(before) if before >= 0 else None
        if time is None:
            return None
        first = before
        while first > 0 and self.time_at.get(first - 1) is time:
            first -= 1
        article = self.tokens[first - 1].lower_ if first > 0 else ""
        if time.text.casefold().startswith("the ") or article in {"the", "a", "an"}:
            return time  # a date with the noun's article is the noun's, not an adverb's
        return None

    def _occasion_time(self, verb: Tok) -> TimeExpression | None:
        """ "5,000 people were killed in the protests that gripped Iran this month": an act
        during an occasion with a date of its own (a modifier, or its relative clause's) has
        that date."""
        for preposition in verb.children:
            if preposition.dep_ != "prep" or preposition.lower_ not in {"in", "during", "amid"}:
                continue
            for noun in preposition.children:
                if noun.dep_ != "pobj" or not is_event_noun(noun):
                    continue
                for child in noun.children:
                    if child.dep_ in _NOUN_MODIFIER_DEPS and child.i in self.time_at:
                        return self.time_at[child.i]
                    if child.dep_ == "relcl":
                        time = self._dating(child, clause_tokens(child))
                        if time is not None:
                            return time
        return None

    def _dating(
        self, verb: Tok, tokens: list[Tok], *, own_first: bool = False
    ) -> TimeExpression | None:
        """The first date among `tokens` (`verb`'s clause) that dates the verb, not a noun;
        with `own_first`, one the verb holds itself before one inside another phrase ("After
        the election in 2020, Smith sued Jones in 2021": 2021; a governor's date for a clause
        at its time stays the first, as the parser misplaces those clauses: "In contrast to
        Thursday, when ... were arrested, protesters were calmer Friday")."""
        dates = []
        for token in tokens:
            time = self.time_at.get(token.i)
            if time is None or self._dates_a_noun(token, time, verb):
                continue
            if _bounds_a_period(token, self.time_at):
                continue  # "has killed 50 people since 2017": from then on, not then
            if self.before_the_perfect(verb, time):
                continue
            dates.append((token, time))
        if own_first:
            for token, time in dates:
                if _held_by(token, time, verb, self.time_at):
                    return time
        return dates[0][1] if dates else None

    def _left_by_the_perfect(self, noun: Tok) -> TimeExpression | None:
        """The time right after a noun's phrase that the parser hung on a present perfect
        which cannot take it ("has been arrested in connection with the bombings last year"):
        the noun's."""
        after = max(t.i for t in noun.subtree) + 1
        time = self.time_at.get(after)
        if time is None or after >= len(self.tokens):
            return None
        token = self.tokens[after]
        for _ in range(CHAIN_LIMIT):  # up from the expression to the word it hangs on
            if self.time_at.get(token.head.i) is not time or token.head is token:
                break
            token = token.head
        verb = token.head
        return time if verb.pos_ in _VERBAL and self.before_the_perfect(verb, time) else None

    def before_the_perfect(self, verb: Tok, time: TimeExpression) -> bool:
        """Whether `time` is a definite past that English does not give a present perfect
        ("has been arrested in connection with the bombings last year"): it ended over a week
        before publication, so it dates something else the clause names, never `verb`."""
        if self.published is None or time.end_date is None or not is_perfect(verb):
            return False
        return time.end_date < self.published - _LEAD_DAY_WITHIN

    def scene(self, sentence: Span) -> list[str]:
        """The places a sentence opens with, set off by a comma, on its main verb ("In Dar es
        Salaam, she laid a wreath"): where the passage that follows in its paragraph happens."""
        first = self.tokens[sentence.start]
        if first.lower_ not in {"in", "at"} or first.dep_ != "prep":
            return []
        if first.head.pos_ not in _VERBAL or first.head.dep_ != "ROOT":
            return []
        phrase = list(first.subtree)  # the parser may hang the comma inside it
        end = phrase[-1].i + (phrase[-1].text != ",")
        if end >= sentence.end or self.tokens[end].text != ",":
            return []
        # the preposition's own object ("In Dar es Salaam") or the venue it names ("In a
        # ceremony at the Truman Library here"), not a place inside another noun of it ("In
        # response to the bombing in Nairobi")
        own = [o for o in first.children if o.dep_ == "pobj"]
        if any(o.lemma_.casefold() in _VENUE_NOUNS for o in own):
            return self.places_in(phrase)
        return self.places_in([t for t in phrase if _name_head(t) in own])

    def lone_date(self, sentence: Span, verb: Tok, published: dt.date) -> TimeExpression | None:
        """The date of `verb`'s sentence when it names just one calendar date, no later than
        publication, that no other happening claims: "Six people were killed and 58 injured
        in a car bomb attack on Friday", where the parser hangs the date on "injured". Not a
        date that modifies a noun ("Tuesday's negotiations", "its 2007 decision"), nor one of
        a coordinated verb ("convicted ... but released on parole in 1980") or of a clause at
        another time ("after Trump threatened action last month")."""
        found: dict[int, tuple[TimeExpression, Tok]] = {}
        for token in self.tokens[sentence.start : sentence.end]:
            time = self.time_at.get(token.i)
            if time is not None and id(time) not in found:
                found[id(time)] = (time, token)
        if len(found) != 1:
            return None
        ((time, first),) = found.values()
        if not _carried(time, published) or not _CALENDAR_VALUE.match(time.value or ""):
            return None
        last = first
        while last.i + 1 < sentence.end and self.time_at.get(last.i + 1) is time:
            last = self.tokens[last.i + 1]
        outside = last.head  # the word the expression hangs on
        for token in (first, last):
            if token.head.i not in range(first.i, last.i + 1):
                outside = token.head
        if outside.pos_ in {"NOUN", "PROPN"} and outside.i > last.i:
            # "Tuesday's negotiations", "a 2010 allegation": the noun's date, unless the clause
            # is inside the noun's phrase ("the January 1998 bombing of a clinic that killed
            # an officer and maimed a nurse").
            return time if _descends(verb, outside) else None
        owner = outside
        for _ in range(12):
            if owner.pos_ in _VERBAL or owner.head is owner:
                break
            owner = owner.head
        if owner is verb:
            return time
        if first_conjunct(owner) is first_conjunct(verb) and (
            self._in_sequence(verb, owner) or _another_doers_act(verb, owner)
        ):
            return None  # "convicted ... but released on parole in 1980": the other's date
        if owner.dep_ in {"acl", "relcl"} and owner.head.pos_ in {"NOUN", "PROPN"}:
            return None  # "a nation founded in 1971": the date of what describes a noun
        if any(c.dep_ == "mark" and c.lower_ in _ELSEWHEN for c in owner.children):
            return None
        return time

    def _in_sequence(self, verb: Tok, other: Tok) -> bool:
        """Whether two coordinated verbs happen at different times: joined by "but" or "yet",
        or the other "later" or "then" ("were killed and 58 injured on Friday" share theirs)."""
        low, high = sorted((verb.i, other.i))
        if any(t.dep_ == "cc" and t.lower_ in _CONTRASTS for t in self.tokens[low:high]):
            return True
        return any(c.dep_ == "advmod" and c.lower_ in _SEQUENCE for c in other.children)

    def _dates_a_noun(self, token: Tok, time: TimeExpression, verb: Tok) -> bool:
        """Whether `time` (holding `token`) modifies a noun directly ("a July 10 meeting", "a
        2010 allegation"), other than the clause's subject ("the 1995 shooting wounded Short":
        the wounding was the shooting) or setting. A date in a prepositional phrase after a
        noun ("shot in the back on Friday") is left to the verb: the parser often hangs those
        on the wrong word, as it hangs a spelled year on a name ("In nineteen ninety-one
        Charles Keating ..."), which is why a proper noun takes no date."""
        for _ in range(12):  # a time expression is a few words; a guard against cycles
            head = token.head
            if head is token or head is verb:
                return False
            if self.time_at.get(head.i) is not time:
                return (
                    token.dep_ in _NOUN_MODIFIER_DEPS
                    and head.pos_ == "NOUN"
                    and head.dep_ not in {"nsubj", "nsubjpass"}
                    and not _is_setting(head)
                )
            token = head
        return False

    def setting(
        self,
        anchor: Tok,
        clauses: list[Tok],
        own: list[Tok],
        *,
        clause_date: bool = True,
        sentence_places: bool = True,
    ) -> tuple[list[str], TimeExpression | None]:
        """Places and date: those of the `own` tokens (an event noun's phrase), else of the
        `clauses` (a `chain`), nearest first, their date only when `clause_date`; places else
        the dateline's. Not the other places of the sentence: they are mostly a topic's or
        another clause's ("threatened to intervene in Iran", "spoke ... about the Middle
        East"); `Ground` places an act the clause does not."""
        places: list[str] = []
        date: TimeExpression | None = None
        # The event noun whose act this is: its own phrase's places are the act's; another
        # event noun's are that noun's ("condemned the killings in Iran").
        owner = anchor if anchor.pos_ == "NOUN" else _event_noun(anchor)
        if own:
            places = self.places_in(own, skip_subjects=False, owner=owner)
            date = next(
                (
                    self.time_at[t.i]
                    for t in own
                    if t.i in self.time_at and not _bounds_a_period(t, self.time_at)
                ),
                None,
            ) or self._left_by_the_perfect(anchor)
            if date is None and anchor.pos_ == "NOUN":
                # "in the October 1998 shooting death", which the parser tore apart
                date = self.noun_date(anchor)
        for clause in clauses:
            if places and (date is not None or not clause_date):
                break
            tokens = clause_tokens(clause)
            places = places or self.places_in(tokens, owner=owner)
            if clause_date and date is None:
                date = self.time_in(clause, tokens)
        if not places and anchor.pos_ == "VERB":
            places = (
                self._simultaneous_places(anchor, owner)
                or self._where_clause_place(anchor)
                or self._told_events_place(anchor)
                or self._pointed_there(anchor)
            )
        if not sentence_places:
            return places, date
        if not places and self.dateline_places:
            return DatelinePlaces(self.dateline_places), date
        return places, date


# Acts done in a place to the people or state there: with no place of their own, they happened
# where their target is, or where the story is set ("a raid on Venezuela", "protesters were
# killed" in a story set in Iran). Verbal acts are not: "Trump threatened Iran" was said in no
# place the text gives.
_GROUNDED_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "CRIME"})
# A story is set in one country when at least this share of its place mentions (3 or more)
# are in it and its opening paragraph or dateline names it; its material acts are, too, when
# that country has a third of them and this many times as many as any other (`_STORY_LEAD`).
_STORY_SHARE = 0.6
_STORY_MENTIONS = 3
_STORY_LEAD = 3
_DATELINE_LEAD = 1.5
# Sectors that act in their own country ("Turkish police", "Iranian security forces").
_HOME_AGENTS = frozenset({"COP", "JUD"})
# The sectors of a state's own bodies (not armies, which act abroad as often).
_STATE_SECTORS = frozenset({"GOV", "COP", "JUD", "LEG"})
# People who protest where they live ("Iranian protesters", "Kenyan students").
_PEOPLE_AGENTS = frozenset({"OPP", "CVL", "EDU", "LAB", "AGR"})


class Ground:
    """Where a material act with no place of its own happened: the country of its target
    (a country, or people of one: "Iranian protesters"), else the country the story is set
    in. Built once per article from its places and actors."""

    def __init__(
        self, places: Places, actors: Actors, opening_end: int, dateline: Sequence[str] = ()
    ) -> None:
        # Each country's place name, where the article names it as a place; else its place
        # the article names most, twice or more ("Gaza" for the Palestinians).
        self.country_place: dict[str, str] = {}
        named_most: dict[str, int] = {}
        for p in places.places:
            if not p.country_code or p.kind == "country" or len(p.mentions) < 2:
                continue
            if len(p.mentions) > named_most.get(p.country_code, 0):
                named_most[p.country_code] = len(p.mentions)
                self.country_place[p.country_code] = p.name
        for p in places.places:
            if p.kind == "country" and p.country_code:
                self.country_place[p.country_code] = p.name
        self.country_of = {e.name: e.country_code for e in actors.entities if e.country_code}
        self.code_of_place = {p.name: p.country_code for p in places.places}
        self.agent_of = actors.agents
        self.kind_of = actors.kinds
        counts: dict[str, int] = {}
        opening: set[str] = set()
        for place in places.places:
            if not place.country_code:
                continue
            for mention in place.mentions:
                counts[place.country_code] = counts.get(place.country_code, 0) + 1
                if mention.start < opening_end:
                    opening.add(place.country_code)
        total = sum(counts.values())
        # Every place the story names is in one country: a domestic story ("Texas voters
        # approved", in a story naming Austin and Houston), whose acts by no one of another
        # country happen there.
        self.domestic = len(counts) == 1 and total >= _STORY_MENTIONS
        # The country the story is set in: where most of its places are (`story`), or far
        # more of them than any other country's (`setting`: a story set in Myanmar that names
        # China, Russia and the U.S. twice each in its background). Material acts happen in
        # the setting; a verbal act is placed by the story only (a Canadian's speech in a
        # story about Canada may have been given in Davos).
        self.story: str | None = None
        self.story_code: str | None = None
        self.setting: str | None = None
        self.setting_code: str | None = None
        if total >= _STORY_MENTIONS:
            ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
            code, most = ranked[0]
            runner_up = ranked[1][1] if len(ranked) > 1 else 0
            where = self.country_place.get(code) if code in opening else None
            if where is not None and most >= _STORY_SHARE * total:
                self.story, self.story_code = where, code
            # A dateline in the country names it where the story happened ("O'SMACH, Cambodia
            # (AP)"): set there when the country leads the others.
            filed = code in {self.code_of_place.get(name) for name in dateline}
            lead = _DATELINE_LEAD if filed else _STORY_LEAD
            if where is not None and (
                self.story is not None or (most >= lead * runner_up and most > total / 3)
            ):
                self.setting, self.setting_code = where, code

    def place_of(self, kind: EventType | None, sources: list[str], targets: list[str]) -> list[str]:
        if kind not in _GROUNDED_TYPES:
            return self._at_home(sources, targets)
        there = self.target_place(targets)
        if there:
            return there  # "a raid on Venezuela": there, even in a story elsewhere
        home = self.home_place(kind, sources)
        if home:
            return home  # "Iranian security forces killed protesters", "Iran arrested activists"
        if any(self.country_of.get(s) not in {None, self.setting_code} for s in sources):
            return []  # "Russia's 2022 invasion", told in a story set in India: not there
        return [self.setting] if self.setting is not None else []

    def home_place(self, kind: EventType | None, sources: list[str]) -> list[str]:
        """The place of the country of the first source that does an act of `kind` at home."""
        for source in sources:
            code = self.country_of.get(source)
            if code is not None and self._at_home_doer(kind, source):
                return self._in(code)
        return []

    def target_place(self, targets: list[str]) -> list[str]:
        """The place of the first target's country the article names as a place."""
        for target in targets:
            code = self.country_of.get(target)
            if code is not None and not _nationals(target):
                return self._in(code)
        return []

    def abroad(self, place: list[str], dateline: list[str]) -> bool:
        """Whether `place` is in another country than every place of the dateline."""
        codes = {self.code_of_place.get(name) for name in dateline}
        return bool(place) and self.code_of_place.get(place[0]) not in codes

    def dateline_country(self, dateline: list[str]) -> list[str]:
        """The country of the dateline's first place, where the article names it as a place
        (the dateline itself where it does not)."""
        code = self.code_of_place.get(dateline[0]) if dateline else None
        country = self.country_place.get(code) if code is not None else None
        return [country] if country is not None and country not in dateline else dateline

    def said_elsewhere(self, dateline: list[str], sources: list[str], targets: list[str]) -> bool:
        """Whether a verbal act is of doers all of other countries than the dateline's, done
        to none of its country ("JAKARTA: ... Italy offers to train a Gaza police force"): the
        story was filed there, the act done at the doers' home or wherever they were."""
        here = {self.code_of_place.get(name) for name in dateline} - {None}
        doers = [self.country_of.get(source) for source in sources]
        if not here or not doers or None in doers or here & set(doers):
            return False
        return not here & {self.country_of.get(target) for target in targets}

    def _in(self, code: str) -> list[str]:
        """The country's place, where the article names it as one."""
        place = self.country_place.get(code)
        return [place] if place is not None else []

    def _at_home_doer(self, kind: EventType | None, source: str) -> bool:
        """Whether `source` does an act of `kind` in its own country: police, security
        forces and courts whatever they do; a state or government when it coerces (arrests,
        crackdowns); people when they protest. Not armies: they act abroad as often."""
        agent = self.agent_of.get(source)
        if agent in _HOME_AGENTS:
            return True
        if kind == "COERCE":
            return agent == "GOV" or self.kind_of.get(source) == "country"
        return kind == "PROTEST" and agent in _PEOPLE_AGENTS

    def _state_body(self, source: str) -> bool:
        """A body of a state's own sectors that the text gives no country ("the interim
        government", "the tribunal", "police"): in a story set in one country, that one's."""
        return (
            self.kind_of.get(source) in {"organization", "group"}
            and self.country_of.get(source) is None
            and self.agent_of.get(source) in _STATE_SECTORS
        )

    def _at_home(self, sources: list[str], targets: list[str]) -> list[str]:
        """Any act in a story set in one country whose doer is of that country, a state body
        of none ("the interim government"), or no one named ("Akram has been charged"), and
        whose actors are of no other ("Venezuelan opposition leader María Corina Machado was
        barred"): there. Not a foreigner's word about it ("Trump threatened Iran")."""
        if self.story is None:
            return []
        story = self.story_code
        codes = [self.country_of.get(name) for name in (*sources, *targets)]
        if (
            story not in {self.country_of.get(name) for name in sources}
            and not (self.domestic and all(self.kind_of.get(s) != "person" for s in sources))
            and not all(self._state_body(s) for s in sources)
        ):
            return []  # a person of no known country may be a foreigner ("Trump threatened")
        return [self.story] if all(code in {None, story} for code in codes) else []


def _held_by(
    token: Tok, time: TimeExpression, verb: Tok, time_at: dict[int, TimeExpression]
) -> bool:
    """Whether the date `token` is part of hangs on `verb` itself ("sued Jones in 2021",
    "met Friday"), not inside another phrase of its clause ("after the election in 2020")."""
    for _ in range(12):  # a time expression is a few words; a guard against cycles
        head = token.head
        if head is verb:
            return True
        if head is token:
            return False
        if time_at.get(head.i) is not time and not (
            head.dep_ == "prep" and head.head is verb and head.pos_ == "ADP"
        ):
            return False
        token = head
    return False


def _within(date: TimeExpression | None, other: TimeExpression | None) -> bool:
    """Whether `date` is a day (or period) inside `other`'s period."""
    if date is None or other is None or date.start_date is None or other.start_date is None:
        return False
    end = date.end_date or date.start_date
    return other.start_date <= date.start_date and end <= (other.end_date or other.start_date)


def _finer(date: TimeExpression | None, other: TimeExpression | None) -> bool:
    """Whether `date` is a shorter period inside `other`'s: a day of its month."""
    if date is None or other is None or not _within(date, other):
        return False
    return (date.start_date, date.end_date) != (other.start_date, other.end_date)


def _another_doers_act(verb: Tok, other: Tok) -> bool:
    """ "Dominion sued Giuliani, and Giuliani reached a settlement in 2025": a joined clause in
    the active voice with a subject of its own, not the verb's, tells another act at its own
    time ("Six people were killed and 58 injured on Friday" tell one)."""
    own = [c for c in other.children if c.dep_ == "nsubj"]
    if not own or other.tag_ != "VBD":
        return False
    mine = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return not mine or {c.lower_ for c in own} != {c.lower_ for c in mine}


def _member_of(group: Tok) -> Tok | None:
    """ "Meloni was among the leaders who signed", "Merz was one of the leaders who": the
    subject said to be one of the group a relative clause is on, which did it too."""
    prep = group.head
    if group.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    copula = prep.head
    if prep.lower_ == "of" and copula.lower_ == "one" and copula.dep_ == "attr":
        copula = copula.head
    elif prep.lower_ != "among":
        return None
    if copula.lemma_ != "be":
        return None
    return next((c for c in copula.children if c.dep_ == "nsubj"), None)


def _antecedent_phrase(relative_clause: Tok) -> Tok:
    """The noun a relative clause is on, or the whole coordination when the parser hung a
    plural clause on its last singular conjunct ("five Iraqis and a Libyan who were
    questioned")."""
    head = relative_clause.head
    plural = any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in _PLURAL_AUXILIARIES
        for c in relative_clause.children
    ) or (relative_clause.tag_ == "VBP")
    if not plural or head.dep_ != "conj" or head.tag_ not in {"NN", "NNP", "JJ"}:
        return head
    for _ in range(CHAIN_LIMIT):
        if head.dep_ != "conj" or head.head is head:
            break
        head = head.head
    return head


# Auxiliaries of a plural subject.
_PLURAL_AUXILIARIES = frozenset({"were", "are", "have", "'re", "'ve"})


def _joined_phrase(token: Tok) -> Tok:
    """The head of the phrase `token` is joined or compounded into ("FBI" of "police and FBI
    agents": "police"), whose actors are all its conjuncts'."""
    for _ in range(CHAIN_LIMIT):
        if token.dep_ not in {"conj", "compound"} or token.head is token:
            break
        token = token.head
    return token


def _just_before_or_after(clause: Tok) -> bool:
    """ "after Clinton met Havel", "after receiving an endorsement": a clause set just before
    or after its governor's act."""
    if clause.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in _NEXT_TO for c in clause.children)
    return clause.dep_ == "pcomp" and clause.head.lower_ in _NEXT_TO


_NEXT_TO = frozenset({"after", "before"})


# A year or a month: a time coarse enough to hold what happened just before or after.
_COARSE = re.compile(r"\d{4}(?:-\d\d)?")


def _told_event(clause: Tok) -> Tok | None:
    """The event noun a that- or which-clause tells of when it follows the object of that
    noun's "of" ("the bombing of a Birmingham clinic that killed an officer": the bombing
    killed, not the clinic), else None."""
    if clause.dep_ != "relcl":
        return None
    relative = next((c for c in clause.children if c.tag_ in _RELATIVE_TAGS), None)
    head = clause.head
    if (
        relative is not None
        and relative.lower_ in {"that", "which"}
        and head.dep_ == "pobj"
        and head.head.lower_ == "of"
        and is_event_noun(head.head.head)
    ):
        return head.head.head
    return None


def _where_the_subject_is(place: Tok, subjects: list[Tok]) -> bool:
    """ "Police in Lagos arrested ...", "Thousands of people in Germany demonstrated": where
    the subject is, its act is; not "officials from Kenya visited", where it comes from."""
    token = place
    while token.dep_ in _NOMINAL_DEPS and token.head is not token:
        token = token.head
    if token.dep_ != "pobj" or token.head.lower_ not in {"in", "at"}:
        return False
    holder = token.head.head
    for _ in range(CHAIN_LIMIT):
        if holder in subjects:
            return True
        # "thousands of people in Germany"; "bombings at U.S. embassies in Nairobi killed
        # 258", "an attack on a market in Kabul killed 28": the attack's place is its toll's
        if holder.dep_ != "pobj":
            return False
        preposition = holder.head
        if preposition.lower_ not in {"of", "at", "in"} and not (
            preposition.lower_ in {"on", "against"} and is_event_noun(preposition.head)
        ):
            return False
        holder = preposition.head
    return False


def _nationals(name: str) -> bool:
    """ "a Tanzanian man", "an Iraqi", "Afghan nationals": people of a country, who are as
    often abroad; not its people at large ("Palestinians", "Iranian protesters")."""
    last = name.rsplit(maxsplit=1)[-1].casefold()
    return last in _NATIONAL_WORDS or (
        " " not in name and not last.endswith("s") and is_demonym(name)
    )


# The last words of the names of people a nationality names, singular and plural.
_NATIONAL_WORDS = NATIONALS | {plural(word) for word in NATIONALS}


class DatelinePlaces(list[str]):
    """An event's places that only the dateline gives: where the story was filed, which is
    where its fresh news happened, not where its background did (`_placed`)."""


@dataclass
class _Draft:
    token: Tok  # the trigger: a verb, or an event noun
    trigger: str
    kind: EventType | None
    sources: list[str]
    targets: list[str]
    places: list[str]
    date: TimeExpression | None
    direct: bool
    hedged: bool
    nominal: bool = False
    side: bool = False  # "we" read as the speaker's side
    # A verb event's type before negation, and the noun its light verb carries: what a noun
    # event under the verb compares with (`nouns.VerbEvent`).
    plain_kind: EventType | None = None
    event_noun: Tok | None = None
    # When the clause says the happening is (`clauses.reading`); a noun's is its verb's.
    when: Reading = "past"
    # A present perfect ("has refused"): the story's news only in its opening.
    perfect: bool = False
    # A plan or a purpose, an event only with a date of its own ("plans to visit on Monday").
    planned: bool = False
    # The one past date of the sentence, where the clause has none (`_Reader.lone_date`).
    sentence_date: TimeExpression | None = None


# Verbs that set the act their object names going: "ordered the arrest of Maduro" is an
# arrest by the one who ordered it; with an infinitive ("ordered residents to leave"), a demand.
_ORDERING_VERBS = frozenset({"order", "authorize", "authorise"})


def _event_noun(verb: Tok) -> Tok | None:
    lemma = verb.lemma_.casefold()
    if lemma in ENDING_VERBS:
        return next(
            (c for c in verb.children if c.dep_ == "dobj" and noun_type(c.lemma_) == "CONSULT"),
            None,
        )
    if lemma not in LIGHT_VERBS and lemma not in _ORDERING_VERBS:
        return None
    for child in verb.children:
        if child.dep_ == "dobj" and noun_type(child.lemma_) is not None:
            return None if _a_standing_tie(child) else child
        if child.dep_ == "dobj" and (counted := _counted_event(child)) is not None:
            return counted  # "held a second round of talks", "launched a wave of strikes"
    return None


def _counted_event(batch: Tok) -> Tok | None:
    """The event noun a batch counts ("a round of talks": talks), or None."""
    if batch.lemma_.casefold() not in _BATCHES:
        return None
    of = next((c for c in batch.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    nouns = [] if of is None else [c for c in of.children if c.dep_ == "pobj"]
    return next((noun for noun in nouns if noun_type(noun.lemma_) is not None), None)


# Nouns that count happenings of one kind ("a round of talks", "a wave of strikes").
_BATCHES = frozenset({"round", "series", "wave", "spate", "string", "flurry", "volley", "cycle"})


def _a_standing_tie(noun: Tok) -> bool:
    """ "Denmark already has treaties in place", "the agreements we already have": a tie
    held, no happening (unlike "had talks")."""
    return noun.lemma_.casefold() in _STANDING_TIES and (
        (noun.dep_ == "dobj" and noun.head.lemma_ == "have")
        or any(c.dep_ == "relcl" and c.lemma_ == "have" for c in noun.children)
    )


# What one has as a standing tie or a licence, not a happening ("has treaties with", "has a
# deal with", "agents had a warrant"), unlike "had talks", "had a meeting".
_STANDING_TIES = frozenset(
    {"treaty", "agreement", "accord", "pact", "deal", "alliance", "contract", "partnership",
     "relation", "tie", "arrangement", "understanding", "relationship", "warrant", "mandate",
     "permit", "licence", "license"}
)  # fmt: skip


# Verbs of vowing, whose vow of force or punishment is a threat (CAMEO's VOW ATTACK, REVENGE).
_VOWING = frozenset({"vow", "swear", "pledge", "promise"})
# Acts of force or punishment a vow may promise, beyond the forceful types.
_PUNISHING = frozenset({"retaliate", "avenge", "punish", "hunt", "crush", "annihilate"})
_REVENGE = frozenset({"revenge", "retaliation", "retribution", "vengeance", "reprisal"})
# What a vow to "kill" or "block" defeats without hurting anyone.
_MEASURES = frozenset(
    {"bill", "law", "legislation", "measure", "plan", "proposal", "deal", "agreement", "idea",
     "initiative", "project", "program", "programme", "policy", "tax", "reform", "motion"}
)  # fmt: skip


def _vows_force(verb: Tok) -> bool:
    """ "vowed to retaliate against Israel", "vowed to find the bombers and bring them to
    justice", "swore revenge": a vow to hurt or punish someone."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.casefold() in _REVENGE:
            return True
        if child.dep_ != "xcomp" or child.pos_ != "VERB" or is_negated(child, None):
            continue  # "pledged not to strike each other's energy facilities": restraint
        for act in (child, *(c for c in child.children if c.dep_ == "conj")):
            lemma = act.lemma_.casefold()
            if any(o.dep_ == "dobj" and o.lemma_.casefold() in _MEASURES for o in act.children):
                continue  # "vowed to kill the bill": a measure defeated, no one hurt
            if verb_type(lemma) in _FORCEFUL | {"SANCTION"} or lemma in _PUNISHING:
                return True
            if lemma == "bring" and any(
                p.lower_ == "to" and any(o.lower_ == "justice" for o in p.children)
                for p in act.children
            ):
                return True  # "bring them to justice"
    return False


# Types of the acts whose "for" and gerund name the deed they answer ("arrested him for
# stealing", "praised her for helping"; not "called for sending troops", what is asked, nor
# "blamed Ukraine for attacking the plant", "sued the city for killing their son": an
# accusation's deed is alleged, as "accused X of attacking" is).
_ANSWERING = frozenset({"SANCTION", "COERCE", "DISAPPROVE", "SUPPORT"})
# Verbs of accusing, whose "for" deed is only alleged ("ridiculed Britain for agreeing to cede
# the islands" and "arrested for protesting abortion" presuppose the deed; "blamed Ukraine for
# attacking the plant" does not, as "accused X of attacking" does not).
_ACCUSING = frozenset(
    {"blame", "accuse", "sue", "charge", "indict", "prosecute", "arraign", "impeach", "fault"}
)  # fmt: skip


def _for_a_deed(verb: Tok) -> bool:
    """ "sanctioned Russia for invading Ukraine": the gerund after "for" on an act of reward or
    punishment is the deed it answers, done by the one it is done to, before it."""
    preposition = verb.head
    return (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and preposition.lower_ == "for"
        and preposition.head.pos_ == "VERB"
        and preposition.head.lemma_.casefold() not in _ACCUSING
        and _event_type(preposition.head, _event_noun(preposition.head)) in _ANSWERING
    )


def _event_type(verb: Tok, event_noun: Tok | None) -> EventType | None:
    """The type the verb (or the noun its light verb carries) names, before negation."""
    if event_noun is not None:
        return event_noun_kind(event_noun)
    lemma = verb.lemma_.casefold()
    if _tells_to(verb):
        return "DEMAND"  # "Nielsen told the U.S. to back off"
    if lemma == "warn" and any(c.dep_ == "xcomp" for c in verb.children):
        return "DEMAND"  # "warned Europeans not to capitulate": told them what to do
    if lemma == "question" and any(
        c.dep_ == "ccomp" and any(m.lower_ in {"whether", "if"} for m in c.children)
        for c in verb.children
    ):
        return "DISAPPROVE"  # "questioned whether they would come to America's aid": a doubt
    if lemma in _VOWING and _vows_force(verb):
        return "THREATEN"  # "vowed to retaliate", "vowed revenge" (CAMEO 138): a threat
    if lemma in _OFFERING and any(c.dep_ == "xcomp" for c in verb.children):
        return "AGREE"  # "offered to help", "offered to host": an intent to cooperate
    if lemma in _FALLING and not any(
        c.dep_ in {"dobj", "xcomp", "nsubjpass", "ccomp"} for c in verb.children
    ):
        return None  # "the U.S. will decline in global influence": a fall, no refusal
    if lemma == "go" and any(
        prep.dep_ == "prep"
        and prep.lower_ == "on"
        and any(n.dep_ == "pobj" and n.lemma_.casefold() == "strike" for n in prep.children)
        for prep in verb.children
    ):
        return "PROTEST"  # "went on strike", "went on a hunger strike": never a raid
    if lemma == "call" and any(c.dep_ == "oprd" for c in verb.children):
        # "what he called 'commissars' for their plans": a label, whatever preposition follows
        return "DISAPPROVE" if _condemns(verb) else None
    for child in verb.children:
        if child.dep_ in {"prt", "prep"} or (
            child.dep_ == "advmod" and child.lower_ in _PARTICLE_ADVERBS
        ):
            kind = _phrasal_kind(verb, child)
            if kind is not None:
                return kind
        if child.dep_ in {"advcl", "ccomp", "xcomp"}:
            # "called for Vacco to revive the unit": "for" marks the demanded clause.
            for mark in child.children:
                if mark.dep_ == "mark" and mark.i < child.i:
                    kind = phrasal_type(verb.lemma_, mark.lemma_)
                    if kind is not None:
                        return kind
    if (
        lemma == "meet"
        and _is_passive(verb)
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
    ):
        return None  # "was met with protests": a response, no meeting
    if lemma == "call" and _names_something(verb):
        # "called the approval deeply disappointing": a condemnation; "called Bush a friend",
        # "calling the talks 'in-depth'": a label, and no phone call.
        return "DISAPPROVE" if _condemns(verb) else None
    if lemma in _SAYING and _condemning_content(verb):
        return "DISAPPROVE"  # "Guterres said the measure was destabilising and unlawful"
    if demanded_clause(verb) is not None:
        return "DEMAND"  # "said the U.S. must hold off until Annan visits Baghdad"
    if lemma in _LABELLING and _labels_as_condemned(verb):
        return "DISAPPROVE"  # "described the claims as ridiculous", "referred to ... as"
    patient = _patient(verb)
    if patient is not None:
        decides, by_object = object_type(verb.lemma_, patient.lemma_)
        if decides:
            return by_object
        if verb_type(verb.lemma_) == "ASSAULT" and patient.lower_ in _REFLEXIVES:
            return None  # "Brunel, who killed himself in jail": no one attacked another
        if lemma == "kill" and is_event_noun(patient):
            return None  # "killed a planned endorsement": called off, no one died
    return verb_type(verb.lemma_)


_REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves"})


# Verbs of refusing that are also verbs of falling, with nothing refused ("shares declined").
_FALLING = frozenset({"decline"})
# Light verbs whose infinitive is an act offered: the offer is an intent to cooperate (PLOVER
# AGREE, CAMEO's "express intent to cooperate"), the act not yet done (`PLANNING_GOVERNORS`).
_OFFERING = frozenset({"offer"})


def _condemns(verb: Tok) -> bool:
    """Whether what "call" labels its object with is a condemnation ("illegal", "a serious
    escalation", "deeply disappointing")."""
    for child in verb.children:
        if child.dep_ == "dobj":
            labels = [c for c in child.children if c.i > child.i and c.pos_ == "ADJ"]
            if _condemning_in_one_phrase(child):
                return True
        elif child.i > verb.i and child.dep_ in {"oprd", "xcomp", "ccomp", "acomp"}:
            labels = [child]
        else:
            continue
        if any(_condemning(label) for label in labels):
            return True
    return False


# Verbs that label something "as" what they say it is.
_LABELLING = frozenset(
    {
        "describe",
        "refer",
        "brand",
        "label",
        "denounce",
        "dismiss",
        "characterize",
        "characterise",
        "portray",
    }
)


def _labels_as_condemned(verb: Tok) -> bool:
    """ "referred to Trump's claims as 'utterly ridiculous'": a label "as" that condemns."""
    return any(
        _condemning(label)
        for child in verb.children
        if child.dep_ == "prep" and child.lower_ == "as"
        for label in child.children
        if label.dep_ in {"pobj", "amod", "acomp", "pcomp"}
    )


def _condemning_content(verb: Tok) -> bool:
    """ "said the measure was unlawful": a content clause that is a condemning predicate of a
    thing the speaker judges (its subject is no first-person "we", whose state it would say)."""
    for clause in verb.children:
        if clause.dep_ == "ccomp" and _violates_a_rule(clause):
            return True  # "responded that a US attack would break international law"
        if clause.dep_ != "ccomp" or clause.lemma_ != "be":
            continue
        if any(c.dep_ in {"xcomp", "ccomp"} for c in clause.children):
            continue  # "it was illegal to enter": an expletive's judgement of an act unnamed
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        if not subjects or (subjects[0].pos_ == "PRON" and subjects[0].lower_ != "it"):
            continue
        if any(c.dep_ in {"acomp", "attr"} and _condemning(c) for c in clause.children):
            return True
    return False


def _warns_of_force(verb: Tok) -> bool:
    """ "warned Saddam of punishing air strikes", "warned Iran of consequences", "warned of
    sanctions against Moscow": a warning to someone, or of an act aimed at someone, of force or
    punishment is a threat."""
    if verb.lemma_.casefold() != "warn":
        return False
    warned = any(c.dep_ == "dobj" for c in verb.children)
    return any(
        (event_noun_type(t) in _HELD_OVER or t.lemma_.casefold() in _REPRISALS)
        # "warned of sanctions against Moscow": a measure held over the one it would hit (not
        # "warned of attacks on hospitals": another's deed; nor "warned about the attack on
        # the mosque", a known one)
        and (warned or (event_noun_type(t) == "SANCTION" and _aimed(t) and not _known(t)))
        for t in _warned_things(verb)
    )


def _aimed(act: Tok) -> bool:
    """Whether a noun's act is aimed at someone ("sanctions against Moscow")."""
    return any(c.dep_ == "prep" and c.lower_ in _AIMED_AT for c in act.children)


def _known(noun: Tok) -> bool:
    """A noun with a definite determiner or a possessor: one the reader knows of."""
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _DEFINITE) for c in noun.children
    )


def _warns_of_a_reprisal(verb: Tok) -> bool:
    """ "warned that the EU response will be unflinching", "warned that there would be
    consequences": a warning whose content is a reprisal to come is a threat (not "warned
    that a U.S. invasion would be the end of NATO": another's act, a concern)."""
    if verb.lemma_.casefold() != "warn":
        return False
    return any(
        n.lemma_.casefold() in _REPRISALS
        for c in verb.children
        if c.dep_ == "ccomp" and (reading(c) == "future" or is_hedged(c, [c]))
        for n in c.children
        if n.dep_ in {"nsubj", "attr", "nsubjpass"}
    )


def _warned_things(verb: Tok) -> list[Tok]:
    """What a warning is of or about ("of sanctions against Moscow"; "of punishing air
    strikes", read as a gerund and its object)."""
    return [
        t
        for c in _warned_of(verb)
        if c.lower_ in {"of", "about"}
        for o in c.children
        for t in (o, *(g for g in o.children if o.dep_ == "pcomp" and g.dep_ == "dobj"))
    ]


def _warned_of(verb: Tok) -> list[Tok]:
    """The prepositions of a warning, on the verb or on whom it warns (the parser hangs "of"
    on either: "warned Saddam of strikes", "warned residents of landslides")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return [c for t in (verb, *objects) for c in t.children if c.dep_ == "prep"]


# Goods, whose country of origin a tariff or a ban on them hits ("on imports from Denmark").
_GOODS = frozenset({"import", "export", "good", "product", "shipment", "commodity"})
# Acts of words about something: a place in what they demand, back, reject or condemn is the
# topic's ("called for the replacement of U.S. forces in the Persian Gulf").
_SAID_ABOUT = frozenset(
    {"DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SUPPORT", "AGREE", "CONCEDE"}
)
# Prepositions whose object is what an act of words is about ("called for", "insisted on").
_ABOUT_PREPOSITIONS = _TOPIC_PREPOSITIONS | {"for", "on", "against", "of"}
# How many sentences a scene set at the opening of one lasts, in its paragraph: a passage
# ("In Dar es Salaam, she laid a wreath. Then she toured the damage.").
_SCENE_SENTENCES = 3
# The types of a noun whose "that" clause says what someone is asked or warned to do.
_ASKED_OF = frozenset({"DEMAND", "THREATEN"})
# The prepositions of whom a threatened act is aimed at ("of sanctions on Venezuela"; not
# "with", its partners: "sanctions with European allies against Russia").
_AIMED_AT = frozenset({"against", "on", "upon"})
# Types of force and punishment a warning holds over someone, and words for reprisals.
_HELD_OVER = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
_REPRISALS = frozenset({"consequence", "retaliation", "reprisal", "response", "action", "force"})


def _asks(clause: Tok) -> bool:
    """A "that" clause of asking: with "must" or "should", or in the subjunctive ("that Iran
    reduce", "that Ukraine be admitted"); not one that tells ("that Hamas was planning")."""
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return False
    auxes = [c.lower_ for c in clause.children if c.dep_ in {"aux", "auxpass"}]
    if any(aux in _OBLIGING for aux in auxes):
        return True
    return (clause.tag_ == "VB" and not auxes) or (clause.tag_ == "VBN" and auxes == ["be"])


def demanded_clause(verb: Tok) -> Tok | None:
    """ "the Russian foreign minister said the U.S. must hold off": a content clause of a verb
    of saying whose named subject must or should act is a demand of it; its clause. Not a
    belief ("thought Elian should stay"), a state ("should be with his parents") or what
    should be done to something ("the sale should be completed")."""
    if verb.lemma_.casefold() not in _DECLARING:
        return None
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.lemma_ == "be" or is_negated(clause, None):
            continue
        obliging = [c for c in clause.children if c.dep_ == "aux" and c.lower_ in _OBLIGING]
        if not obliging:
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        if subjects and obliging[0].i < subjects[0].i:
            continue  # "Should the President pursue that avenue, ...": a condition
        if subjects and subjects[0].pos_ == "PROPN":
            return clause  # a named state, body or person; not "we must", "the boy should"
        if (
            subjects
            and subjects[0].lower_ in _ADDRESSEE_PRONOUNS
            and any(c.dep_ in {"dobj", "dative"} and c.pos_ == "PROPN" for c in verb.children)
        ):
            # "warned Hamas that it must disarm": of the one named as warned; not "told
            # reporters they should wait"
            return clause
    return None


# Pronouns that name whom a verb of saying addresses ("told Iran it must", "warned them they
# should"); not "we", "I", "you", whose obligation the speaker shares or states.
_ADDRESSEE_PRONOUNS = frozenset({"it", "they", "he", "she"})


# Modals that oblige their clause's subject ("must", "should").
_OBLIGING = frozenset({"must", "should", "ought"})
# Verbs of saying out, whose content is a position taken, not a belief ("thought", "believes").
_DECLARING = frozenset(
    {"say", "tell", "insist", "declare", "state", "stress", "reiterate", "add", "announce",
     "warn", "demand", "urge"}
)  # fmt: skip


def _acted_on_clauses(verb: Tok, demanded: Tok | None) -> list[Tok]:
    """The content clauses of a verb of saying whose subject the saying acts on: whom a demand
    is of (`demanded`, its `demanded_clause`: "said the U.S. must hold off"), whom it accuses
    ("saying Washington would break international law")."""
    if demanded is not None:
        return [demanded]
    if verb.lemma_.casefold() not in _SAYING:
        return []
    return [c for c in verb.children if c.dep_ == "ccomp" and _violates_a_rule(c)]


def _violates_a_rule(clause: Tok) -> bool:
    """ "X would break international law", "the sanctions violate the UN charter": a content
    clause that something breaks a law, a charter or an agreement condemns it."""
    return clause.lemma_.casefold() in _VIOLATING and any(
        c.dep_ == "dobj" and c.lemma_.casefold() in _RULES for c in clause.children
    )


# Verbs of breaking a rule, and the rules broken.
_VIOLATING = frozenset({"violate", "break", "breach", "flout", "contravene", "undermine"})
_RULES = frozenset(
    {"law", "charter", "agreement", "accord", "treaty", "resolution", "convention", "ceasefire",
     "truce", "rule", "constitution", "sovereignty", "norm", "obligation", "commitment"}
)  # fmt: skip


def _condemning(word: Tok) -> bool:
    """A condemning adjective or noun, or one of its conjuncts and modifiers ("destabilising
    and unlawful", "a grave violation")."""
    return any(
        w.lemma_.casefold() in CONDEMNING_WORDS or w.lower_ in CONDEMNING_WORDS
        for w in (word, *(c for c in word.children if c.dep_ in {"conj", "amod"}))
    )


def _names_something(verb: Tok) -> bool:
    """ "called Bush a liar", "calls annexation illegal", "calling the talks 'in-depth'":
    "call" with a predicate of its object labels it."""
    if any(c.dep_ in {"oprd", "xcomp", "ccomp"} for c in verb.children):
        return True
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return (
        any(
            c.pos_ == "ADJ" and c.i > o.i
            for o in objects
            for c in verb.children
            if c.dep_ != "dobj"
        )
        or any(c.pos_ == "ADJ" and c.i > o.i for o in objects for c in o.children)
        or any(_condemning_in_one_phrase(o) for o in objects)
        # "called the program part of a plan": a thing is labelled, not phoned; "called a
        # meeting" convenes one, "called his counterpart" phones a person
        or any(
            o.pos_ == "NOUN"
            and not is_event_noun(o)
            and actor_lemma(o.lemma_, o.lower_) is None
            and o.lemma_.casefold() not in _PEERS
            for o in objects
        )
    )


# Nouns of a person's peers, whom one phones ("called his Russian counterpart").
_PEERS = frozenset({"counterpart", "colleague", "ally", "partner", "friend", "rival"})
# Peers who are others on someone's side or against it ("U.S. allies", "China's rivals").
_SIDES = frozenset({"ally", "partner", "friend", "rival"})


def _condemning_in_one_phrase(thing: Tok) -> bool:
    """ "called the remarks nonsense", parsed as one phrase: the label heads it, what it labels
    is its compound."""
    return _condemning(thing) and any(c.dep_ in {"compound", "nmod"} for c in thing.children)


def _patient(verb: Tok) -> Tok | None:
    """What the verb acts on: its direct object, its passive subject, or the noun a reduced
    passive follows ("a statement released by the court")."""
    for child in verb.children:
        if child.dep_ in {"dobj", "nsubjpass"}:
            return child
    if _reduced_passive(verb):
        return verb.head
    # "the trade deals the U.S. struck": the noun a relative clause with no object of its own
    # describes (not "the man who struck the guard": he has an object).
    if (
        verb.dep_ == "relcl"
        and verb.head.pos_ == "NOUN"
        and not any(c.tag_ in _RELATIVE_TAGS and c.dep_ == "nsubj" for c in verb.children)
    ):
        return verb.head
    # "put the trade deal struck last summer in jeopardy", the participle misread as a clause
    # of the verb before it: the noun right before a subjectless participle is what it acts on.
    if verb.tag_ in {"VBD", "VBN"} and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return next((c for c in verb.head.children if c.i == verb.i - 1 and c.pos_ == "NOUN"), None)
    return None


def _names_a_time(preposition: Tok) -> bool:
    """ "called on Friday": a preposition before a time is no particle ("call on" DEMAND)."""
    return preposition.dep_ == "prep" and any(
        c.dep_ == "pobj" and (_is_time_word(c.lower_) or _is_time_word(c.lemma_.casefold()))
        for c in preposition.children
    )


def _is_time_word(word: str) -> bool:
    bare = word.rstrip(".")
    return bare in _TIME_NOUNS or bare in WEEKDAYS or bare in MONTHS


def _phrasal_kind(verb: Tok, particle: Tok) -> EventType | None:
    """The verb's type with this particle or preposition. "Charged ... with" accuses only of
    a crime ("charged Kopp with murder"; "charged the inspectors with verifying" is a task)."""
    if _names_a_time(particle):
        return None
    if (verb.lemma_.casefold(), particle.lemma_.casefold()) == ("charge", "with") and not any(
        (c.dep_ == "pobj" and c.lemma_.casefold() in _CHARGES)
        # "charged with gunning down Dr. Slepian": a crime told by its verb
        or (c.dep_ == "pcomp" and _event_type(c, None) in _CHARGED_DEEDS)
        for c in particle.children
    ):
        return None
    if (verb.lemma_.casefold(), particle.lower_) == ("push", "back") and any(
        c.dep_ == "dobj" for c in verb.children
    ):
        return None  # "pushed back the protesters", "pushed back the launch": no rebuttal
    kind = phrasal_type(verb.lemma_, particle.lemma_)
    if kind == "CONSULT" and any(
        c.dep_ == "pobj" and c.lemma_.casefold() in _THE_PRESS for c in particle.children
    ):
        return None  # "speaking to reporters": saying, with no one consulted
    return kind


# Types of the deeds a charge with a gerund accuses of ("charged with killing", "with
# stealing"); "charged the inspectors with verifying" is a task.
_CHARGED_DEEDS = frozenset({"ASSAULT", "CRIME"})
# Whom one speaks to when one speaks to the public: no party of a consultation.
_THE_PRESS = frozenset(
    {"reporter", "journalist", "press", "medium", "media", "newsman", "correspondent",
     "interviewer", "audience", "crowd", "supporter"}
)  # fmt: skip


def _is_candidate(verb: Tok) -> bool:
    if verb.pos_ != "VERB":
        return False
    if (
        verb.dep_ in _NOT_EVENTS_DEPS
        and not _reduced_passive(verb)
        and not document_act(verb)
        and not gerund_clause(verb)
        and not _for_a_deed(verb)
    ):
        return False
    first = first_conjunct(verb)
    if first is not verb and first.dep_ in _NOT_EVENTS_DEPS and not _reduced_passive(first):
        return False  # "its ambition to join NATO and withdraw": the noun's, as "join" is
    if _infinitival_relative(first):
        return False  # "options to strike Iran": an act the noun names as possible, as acl
    lemma = verb.lemma_.casefold()
    has = {c.dep_ for c in verb.children}
    if lemma in CONTROL_VERBS and "xcomp" in has:
        return False
    if (
        lemma in LIGHT_VERBS
        and lemma not in _OFFERING  # "offered to help": an intent (AGREE)
        and "xcomp" in has
        and _event_noun(verb) is None
    ):
        return False  # "made them leave": no act of its own
    if lemma in LIGHT_VERBS and "nsubjpass" in has and _carries_passive_noun(verb):
        return False  # "talks were held between ...": the noun's event (`nouns`)
    if demanded_clause(verb) is not None:
        return True  # "said the U.S. must hold off", "warned that Iraq must comply": a demand
    if lemma in _SPEECH_UNLESS_BARE:
        # "warned of a deep rift", "warned about the risks": a concern voiced, no threat; but
        # "warned Saddam of punishing air strikes": force held over someone
        if "ccomp" in has:
            return _warns_of_a_reprisal(verb)
        return _warns_of_force(verb) or not any(
            c.lower_ in {"of", "about"} for c in _warned_of(verb)
        )
    if lemma == "ask" and (_asks_a_question(verb) or _asks_nothing(verb)):
        return False
    if lemma in _STATE_VERBS:
        return False
    if lemma == "accord" and verb.lower_ == "according":
        return False  # "according to Advanced Medical": an attribution
    if lemma == "decline" and any(
        c.dep_ == "xcomp" and c.lemma_.casefold() in _NO_COMMENT for c in verb.children
    ):
        return False  # "declined to comment"
    if lemma in _NO_COMMENT and verb.dep_ == "xcomp" and verb.head.lemma_ == "decline":
        return False  # nor is what was not said ("declined to discuss the talks")
    if lemma == "reach" and "nsubjpass" in has and _event_noun(verb) is None:
        return False  # "Mr. Roy couldn't be reached" (for comment)
    if lemma in SPEECH_VERBS and _condemning_content(verb):
        return True  # "said the measure was unlawful": a condemnation, not mere saying
    if _tells_to(verb):
        return True  # "told the U.S. to back off": a demand
    return not (lemma in SPEECH_VERBS and _event_noun(verb) is None)


def _bounds_a_period(token: Tok, time_at: dict[int, TimeExpression]) -> bool:
    """Whether the time expression holding `token` is the object of "since" or "until": it
    starts or ends a stretch of time, and dates no single happening in it (not "since the
    January 1998 bombing": that date is the bombing's)."""
    time = time_at.get(token.i)
    for _ in range(6):  # a time expression is a few words; a guard against cycles
        head = token.head
        if head is token:
            return False
        if head.dep_ == "prep" and head.lower_ in _PERIOD_BOUNDS:
            return True
        if time_at.get(head.i) is not time:
            return False
        token = head
    return False


def _tells_to(verb: Tok) -> bool:
    """ "told the U.S. to back off", "pushed Ukraine to accept the deal": telling or pushing
    someone to do something asks it of them."""
    return (
        verb.lemma_.casefold() in _TELLING
        and any(c.dep_ in {"dobj", "dative"} for c in verb.children)
        and any(
            # the parser reads "pushed Ukraine on Tuesday to accept" as a purpose clause
            c.dep_ in {"xcomp", "advcl"} and is_infinitive(c)
            for c in verb.children
        )
    )


def _aims(verb: Tok) -> bool:
    """Whether the verb's "at" names whom it is aimed at: "fired at", "lashed out at", "hit
    out at", "hit back at"."""
    return verb.lemma_.casefold() in _AIMING or any(
        c.dep_ == "prt" and c.lower_ in {"out", "back"} for c in verb.children
    )


def _both_sides(noun: Tok) -> bool:
    """ "both sides", "the two countries", "both leaders": the two parties named last."""
    if noun.tag_ != "NNS" or noun.lemma_.casefold() not in _SIDE_NOUNS:
        return False
    words = {c.lower_ for c in noun.children}
    if any(c.dep_ in {"amod", "compound", "nmod"} for c in noun.children):
        return False  # "two Cuban exile leaders": others, counted
    return "both" in words or {"the", "two"} <= words


def _the_pair(noun: Tok) -> bool:
    """ "the pair", "the duo": the two who last acted together."""
    return (
        noun.tag_ == "NN"
        and noun.lower_ in {"pair", "duo"}
        and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    )


def _main_clause(verb: Tok) -> bool:
    """Whether `verb` heads the sentence or a clause conjoined with it."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _infinitival_relative(verb: Tok) -> bool:
    """ "a number of options to strike Iran", "his campaign to annex Greenland": the parser
    hangs some infinitives on their noun as relative clauses; like the `acl` ones ("its
    ambition to join NATO") they say what the noun has in view, not what happened."""
    if not is_infinitive(verb):
        return False
    if verb.dep_ == "relcl":
        return not any(c.tag_ in _RELATIVE_TAGS for c in verb.children)
    # "said Velázquez's push to approve the rezoning incensed her": a noun of an aim read as
    # the infinitive's subject (not "getting NATO leaders to agree": they agreed)
    return any(
        c.dep_ == "nsubj" and c.lemma_.casefold() in _DEEDS for c in verb.children
    ) and not any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)


def _is_passive(verb: Tok) -> bool:
    """A passive clause: with a passive auxiliary or subject, a bare past participle that
    opens a clause ("Rescued by fishermen, Elian ..."), or a conjunct of a passive with no
    subject of its own ("had been located, interviewed and released")."""
    for _ in range(8):  # conjunct chains are short; a guard against parse cycles
        deps = {c.dep_ for c in verb.children}
        if deps & {"nsubjpass", "auxpass"}:
            return True
        if deps & {"nsubj", "aux"}:
            return False
        if verb.tag_ == "VBN" and verb.dep_ == "advcl":
            return True
        if verb.dep_ != "conj" or verb.head is verb or verb.tag_ != "VBN":
            return False  # "was scheduled to lay flowers, talk to guards": no participle
        verb = verb.head
    return False


def _shared_tail(verb: Tok) -> Tok | None:
    """The verb a bare "and" or "or" joins right after `verb`, when `verb` has no object,
    complement or agent of its own: what follows the last verb is both's ("shot and killed
    Ahmed Khan", "was arrested and charged by police"). None when `verb` has its own, or
    when the later verb has its own subject (a clause of its own)."""
    if verb.tag_ == "VB":
        return None  # "a crime to attack or blockade a clinic": no act of anyone's
    tail = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
    if tail is None or any(c.dep_ in _SUBJECT_OR_AUX for c in tail.children):
        return None
    between = [c for c in verb.children if verb.i < c.i < tail.i]
    if any(c.dep_ not in {"cc", "punct", "advmod"} for c in between):
        return None
    return tail


def _reduced_passive(verb: Tok) -> bool:
    """ "a man arrested on Monday", "106 protesters killed": a past participle after its noun,
    the passive of an event whose target is that noun."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in {"NOUN", "PROPN"}


def _asks_nothing(verb: Tok) -> bool:
    """ "he asked." (saying), "asked to comment", "asked not to be named": no demand."""
    complements = [
        c
        for c in verb.children
        if c.dep_ in {"dobj", "ccomp", "xcomp", "dative"}
        or (c.dep_ == "prep" and c.lower_ == "for")
    ]  # "asked for data": a request
    if not complements:
        return True
    return any(c.dep_ == "xcomp" and c.lemma_.casefold() in _NO_COMMENT for c in complements)


def _asks_a_question(verb: Tok) -> bool:
    """ "asked how ...", "asked the question", and the reporters' question a saying answers
    ("Asked for a preview of his address, Trump told reporters"): a question, not a demand."""
    if verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.head.lemma_ in _SAYING:
        return not any(c.dep_ in {"nsubj", "nsubjpass", "agent"} for c in verb.children)
    return any(
        (
            child.dep_ == "ccomp"
            and (
                any(g.lower_ in _QUESTION_WORDS and g.i < child.i for g in child.children)
                # "asked how well the public interest would be served": the clause opens on it
                or min(child.subtree, key=lambda t: t.i).lower_ in _QUESTION_WORDS
            )
        )
        or (child.dep_ == "dobj" and child.lemma_.casefold() in _QUESTIONS)
        # "asked her about Trump's policies": a question on a topic, with nothing asked for
        or (
            child.dep_ == "prep"
            and child.lower_ == "about"
            and not any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children)
        )
        for child in verb.children
    )


# What one asks that is no demand: "asked the question", "asked questions".
_QUESTIONS = frozenset({"question", "query"})


def _strike_of_workers(reader: _Reader, noun: Tok | None, sources: list[str]) -> bool:
    """ "Teachers staged a strike", "nurses held a strike": a strike whose doers are all
    working or ordinary people, not armed ones, is a labour strike."""
    if noun is None or noun.lemma_.casefold() != "strike":
        return False
    return _working_people(reader, sources)


def _official_journey(reader: _Reader, verb: Tok, sources: list[str]) -> bool:
    """ "PM Shehbaz arrived in Vienna", "Xi travelled to Moscow": a state's people going to a
    place is a visit (CAMEO 040/042, CONSULT); migrants arriving, or a minister arriving at no
    place the text names, are none."""
    if verb.lemma_.casefold() not in _JOURNEYING or not sources:
        return False
    agents, kinds = reader.actors.agents, reader.actors.kinds
    if not all(agents.get(s) == "GOV" or kinds.get(s) == "country" for s in sources):
        return False
    return bool(reader.places_in(clause_tokens(verb)))


# Verbs of a journey that, by a state's people to a place, is a visit.
_JOURNEYING = frozenset({"arrive", "travel"})  # not "fly": flags fly


def _reciprocal(verb: Tok) -> bool:
    """ "blamed each other", "accused one another", "met with each other"; "traded strikes",
    "exchanged fire": each side at the other."""
    if verb.lemma_.casefold() in _TRADING and any(c.dep_ == "dobj" for c in verb.children):
        return True
    objects = [c for c in verb.children if c.dep_ == "dobj"] + [
        o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
    ]
    pairs = {("other", "each"), ("another", "one"), ("one", "another")}
    return any((o.lower_, d.lower_) in pairs for o in objects for d in o.children)


# Light verbs of an act each side does to the other ("traded accusations").
_TRADING = frozenset({"trade", "exchange"})


def _walkout_type(reader: _Reader, verb: Tok, sources: list[str]) -> EventType | None:
    """ "walked out of the talks": negotiations halted (CAMEO 164, SANCTION); "nurses walked
    out": a strike (PROTEST); anyone else walking out, and any other verb, no act."""
    if verb.lemma_.casefold() != "walk" or not any(
        c.dep_ in {"prt", "advmod", "prep"} and c.lower_ == "out" for c in verb.children
    ):
        return None
    left = [
        o
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in {"of", "out"}
        for p in (c, *(g for g in c.children if g.dep_ == "prep" and g.lower_ == "of"))
        for o in p.children
        if o.dep_ == "pobj"
    ]
    if any(noun_type(o.lemma_) == "CONSULT" for o in left):
        return "SANCTION"
    return "PROTEST" if _working_people(reader, sources) else None


def _working_people(reader: _Reader, sources: list[str]) -> bool:
    """Whether the doers are all working or ordinary people, whose strikes are labour ones."""
    return bool(sources) and all(reader.actors.agents.get(s) in _STRIKING for s in sources)


# Sectors whose strikes are labour ones.
_STRIKING = frozenset({"LAB", "EDU", "HLH", "CVL", "OPP", "AGR"})


def _carries_passive_noun(verb: Tok) -> bool:
    return any(c.dep_ == "nsubjpass" and event_noun_type(c) is not None for c in verb.children)


def _confidence(draft: _Draft, explicit: bool) -> float:
    score = _BASE
    score += _TYPED if draft.kind is not None else 0.0
    score += _BOTH_SIDES if draft.sources and draft.targets else 0.0
    score += _EXPLICIT_DATE if explicit else 0.0
    score += _PLACED if draft.places else 0.0
    score += _DIRECT if draft.direct else 0.0
    if draft.hedged:
        score *= _HEDGED
    if draft.nominal:
        score *= _NOMINAL
    if draft.side:
        score *= _SIDE
    return round(min(1.0, max(0.0, score)), 3)


def _draft(reader: _Reader, verb: Tok) -> _Draft | None:
    if reader.figure_moved(verb):
        return None  # "Bethlehem shares rose 50 cents on the Big Board": a price, no act
    side_reads = reader.speakers.side_reads
    event_noun = _event_noun(verb)
    reduced = _reduced_passive(verb)
    passive = reduced or _is_passive(verb)
    found = _Found(reader.passive_sources(verb)) if passive else reader.subject_actors(verb)
    targets = reader.object_actors(verb, event_noun)
    tail = _shared_tail(verb)
    if tail is not None:
        # "Police shot and killed Ahmed Khan", "was arrested and charged by police": verbs
        # joined before one object or one agent share it.
        if not targets:
            targets = reader.object_actors(tail, None)
        if passive and not found.names:
            found = _Found(reader.passive_sources(tail))
    demanded = demanded_clause(verb)
    for clause in _acted_on_clauses(verb, demanded):
        targets.extend(t for t in reader.subject_names(clause) if t not in targets)
    if reduced:
        targets = [*reader.noun_actors(verb.head), *targets]
    elif passive and not any(c.dep_ == "nsubjpass" for c in verb.children):
        # "Rescued by fishermen, Elian ...", "located, interviewed and released": the subject
        # a passive takes from its governor is what was done to.
        targets = [*reader.subject_actors(verb).names, *targets]
    negated = is_negated(verb, event_noun)
    plain_kind = _event_type(verb, event_noun)
    refusal = (
        negated
        and (plain_kind in _REFUSABLE or verb.lemma_.casefold() in _REFUSABLE_ACTS)
        and _refuses(verb)
        and bool(found.names)
        and _announced_by_the_doer(reader, verb, found.names)
    )
    if refusal:
        # "Iran said it will not negotiate with Washington": a refusal, REJECT
        plain_kind, negated = "REJECT", False
    if _result_of_same_act(verb, plain_kind):
        return None  # "sank three boats, killing 11": the sinking's toll, not a second attack
    if plain_kind == "DEMAND" and _stipulates(verb):
        plain_kind = None  # "the plan calls for LIN to combine ...": terms, asked of no one
    if plain_kind == "COERCE" and _forced_by_circumstance(reader, verb):
        plain_kind = None  # "blew up a rail line, forcing a train to stop": a consequence
    if plain_kind == "CONSULT" and not targets and _talks_alone(verb, found.names):
        plain_kind = None  # "we'll talk", "used his platform to talk about AI": speaking
    if plain_kind == "CONSULT" and targets and all(reader.outlet(t) for t in targets):
        plain_kind = None  # "spoke to Reuters": an interview, no consultation
    if plain_kind == "ASSAULT" and _clash_of_words(reader, verb, found.names + targets):
        plain_kind = "DISAPPROVE"  # "Trump has clashed with NATO officials": words, not arms
    if plain_kind == "ASSAULT" and _strike_of_workers(reader, event_noun, found.names):
        plain_kind = "PROTEST"  # "Teachers staged a strike": a labour strike
    if plain_kind is None:
        plain_kind = _walkout_type(reader, verb, found.names)
    if plain_kind is None and _official_journey(reader, verb, found.names):
        plain_kind = "CONSULT"  # "Shehbaz arrived in Vienna", "travelled to Beijing"
    kind = plain_kind
    if kind is not None:
        # "urged the House to rein in AI chatbots": the actor asked is the target, not what
        # the act asked for would be done to (the object controls the infinitive).
        controlled = [
            c
            for c in verb.children
            if c.dep_ == "xcomp"
            # "threatened on Friday to impose tariffs", the infinitive parsed as an adverbial
            or (kind == "THREATEN" and _infinitive_adverbial(c))
        ]
        if controlled and any(
            c.dep_ in {"dobj", "dative"} and reader.noun_actors(c) for c in verb.children
        ):
            controlled = []
        for child in controlled:
            targets.extend(t for t in reader.object_actors(child, None) if t not in targets)
            if _is_passive(child):  # "agreed to be acquired by Star States Corp."
                targets.extend(t for t in reader.passive_sources(child) if t not in targets)
            if kind == "THREATEN" and not targets:
                targets.extend(reader.threatened(child))
    if kind == "THREATEN" and not targets:
        # "warned of sanctions against Moscow": whom the act warned of is aimed at
        targets.extend(name for act in _warned_things(verb) for name in reader.aimed_at(act))
    sources = found.names
    if passive and not sources and kind in _POLICE_ACTS:
        # "Another man has been arrested ..., police said": the police who tell of an arrest
        # with no one named making it made it.
        sources = [
            name
            for name in reader.speakers.of_clause(verb) or ()
            if reader.actors.agents.get(name) == "COP" and name not in targets
        ]
    if kind == "MOBILIZE":
        # "sent troops to Greenland": the forces moved are the doer's own, no one it acts on;
        # with no doer named ("riot police deployed in Lagos") they are the ones who moved.
        forces = [t for t in targets if reader.actors.agents.get(t) in _FORCES]
        targets = [t for t in targets if t not in forces]
        sources = sources or forces
    if kind == "RETREAT" and verb.lemma_.casefold() in _WITHDRAWING:
        # "Trump pulled the U.S. out of the centre", "withdrew its ambassador from Kyiv": what
        # is withdrawn is the doer's own; the one withdrawn from is the target.
        own = {n for c in verb.children if c.dep_ == "dobj" for n in reader.noun_actors(c)}
        targets = [t for t in targets if t not in own]
    targets = [t for t in targets if t not in sources]
    if not targets and len(sources) > 1 and _reciprocal(verb):
        targets = list(sources)  # "Israel and Hamas blamed each other": each the other's
    if (
        demanded is not None
        and targets
        and all(_own_side(reader.actors, sources, t) for t in targets)
    ):
        return None  # "Starmer said that Britain must increase defence spending": a policy
    clauses = chain(verb)
    when = reading(verb)
    if refusal:
        # "said on Friday it will not negotiate": refused when and where it was said
        when = reading(verb.head)
        clauses = [verb.head]
    occasion = _occasion_of(verb)
    if occasion is not None:
        # "talks mediated by Oman will be held on Tuesday in Geneva": at the talks
        clauses = [*clauses, occasion]
        when = reading(occasion)
    if when in {"past", "recent"} and _of_former_times(reader.tokens, clause_tokens(verb)):
        when = "background"  # "accepted by Michigan's then-Gov. Rick Snyder": years ago
    if when in {"past", "recent"} and reader.over_a_span(verb):
        when = "background"  # "Over the past four years, officials have blamed": no one day
    if not sources and not targets:
        if kind not in _MATERIAL_WITHOUT_ACTORS or when == "future":
            return None
        # "At least 82 were killed in Nairobi on Friday": violence and arrests are reported
        # without naming who; the clause's own place or date makes it a happening.
        places, date = reader.setting(verb, clauses, [], sentence_places=False)
        if not places and date is None:
            return None
    else:
        # "convicted in 1991 of helping to defraud": the charge's time and place are not the
        # deed's
        reach = next((n + 1 for n, c in enumerate(clauses) if charged_deed(c)), len(clauses))
        places, date = reader.setting(verb, clauses[:reach], [])
    if kind in _FORCEFUL and (not places or isinstance(places, DatelinePlaces)):
        places = reader.struck_places(verb, event_noun) or places
    if kind in _SAID_ABOUT and places and not isinstance(places, DatelinePlaces):
        topics = {name for clause in clauses for name in reader.topic_places(clause)}
        if topics:
            places = [p for p in places if p not in topics]
            if not places and reader.dateline_places:
                places = DatelinePlaces(reader.dateline_places)
    return _Draft(
        token=verb,
        trigger=verb.lemma_.casefold(),
        kind=kind,
        sources=sources,
        targets=targets,
        places=places,
        date=date,
        direct=found.direct and len(clauses) == 1,
        hedged=negated
        or (is_hedged(verb, clauses) and not refusal)
        or (occasion is not None and _hedged_occasion(occasion))
        or is_conditional(clauses)
        or is_imperative(clauses)
        or is_subjunctive(verb)
        or is_nonfactive(verb)
        or is_habitual(verb)
        or is_future_in_past(verb)
        or _describes_a_standing(verb)
        or _evaluated(verb)
        or _intended_for_another(verb)
        or (kind == "SUPPORT" and date is None and _favours_a_thing(reader, verb))
        or _figurative(reader, verb, kind, passive),
        side=reader.speakers.side_reads > side_reads,
        plain_kind=plain_kind,
        event_noun=event_noun,
        when=when,
        perfect=when == "recent" and is_perfect(verb),
        planned=is_planned(verb),
    )


# Types of the events people gather for, whose hosts and mediators act at them.
_GATHERINGS = frozenset({"CONSULT", "PROTEST"})


def _occasion_of(verb: Tok) -> Tok | None:
    """The clause an event noun that `verb`'s participle describes stands in: "talks
    mediated by Oman will be held on Tuesday in Geneva", "a summit hosted by Egypt opened in
    Cairo". The participle's act is done at that event, so at its time and place."""
    if verb.dep_ != "acl" or verb.tag_ not in {"VBN", "VBG"}:
        return None
    noun = verb.head
    if noun.pos_ != "NOUN" or event_noun_type(noun) not in _GATHERINGS:
        return None  # not "two killings blamed on the IRA": the blaming came after
    if noun.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        holder = noun.head
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        holder = noun.head.head
    else:
        return None
    if holder is verb or holder.lemma_.casefold() not in _HOLDING:
        return None  # not "Lavrov dismissed the talks hosted by Saudi Arabia": his act's time
    return holder


# Verbs that tell when and where a gathering happens ("talks ... will be held on Tuesday in
# Geneva", "the summit opened in Cairo").
_HOLDING = frozenset(
    {"hold", "open", "begin", "start", "resume", "end", "conclude", "continue", "convene",
     "take", "schedule", "set", "plan", "happen", "occur", "close", "wrap"}
)  # fmt: skip


# Types of the acts whose refusal is a REJECT ("will not negotiate", "would not attend",
# "will not join the board"), and the acts of other types that are refused as such ("will not
# resign", "will not lift the sanctions"). Not a stance forsworn: "will not accept a situation
# where ...", "will never compromise on our security", "will not retreat from the world" are
# words of resolve, no refusal of anything asked (the judges' reading).
_REFUSABLE = frozenset({"CONSULT", "COOPERATE"})
_REFUSABLE_ACTS = frozenset(
    {"resign", "withdraw", "sign", "release", "extradite", "lift", "ratify", "recognize",
     "recognise", "pay"}
)  # fmt: skip
# The auxiliaries of a will, said or reported: "will not", "would not", "won't".
_WILL = frozenset({"will", "would", "wo", "'ll"})
# Verbs by which a doer gives its word, whose content clause of its own will is a refusal.
_ANNOUNCING = frozenset(
    {"say", "tell", "announce", "insist", "reiterate", "confirm", "state", "declare", "stress",
     "add", "write", "post", "tweet", "warn", "vow", "pledge", "respond", "reply"}
)  # fmt: skip
_MODALS_BUT_WILL = frozenset({"may", "might", "could", "should", "must", "can", "ca", "ought"})


def _refuses(verb: Tok) -> bool:
    """ "will not negotiate", "said they would not enter negotiations", "we won't attend":
    a doer's word that it will not do an act is a refusal, no hypothetical; not a passive
    ("would not be allowed"), another modal ("could not attend"), the perfect ("would not have
    signed": it did), a condition or a wish."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if not auxes & _WILL or auxes & (_MODALS_BUT_WILL | {"have"}) or _is_passive(verb):
        return False
    if verb.dep_ in {"advcl", "xcomp", "relcl", "acl", "pcomp"}:
        return False  # "if they would not agree", "hopes they will not", "those who won't"
    if any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
        for c in verb.children
    ):
        return False  # "would not negotiate if sanctions remained": a condition
    return not is_conditional([verb])


def _announced_by_the_doer(reader: _Reader, verb: Tok, doers: list[str]) -> bool:
    """Whether a refusal is the doer's own word: "Hamas said on Friday it would not release
    the hostages", " 'We will not attend,' Frederiksen said"; not an observer's guess
    ("Analysts said Iran would not sign", "Trump predicted that Putin would not sign") nor a
    schedule told by others ("Macron will not attend, the Elysee said"), nor two sides that
    will not meet each other."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.casefold() not in _ANNOUNCING:
        return False
    if len(doers) > 1 and verb.lemma_.casefold() in _TALKING | {"meet"}:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(s.pos_ == "PRON" for s in subjects):
        return True  # "it", "he", "we": the speaker's side
    return bool(set(reader.subject_names(verb.head)) & set(doers))


def _forced_by_circumstance(reader: _Reader, verb: Tok) -> bool:
    """ "blew up a stretch of rail line, forcing a passenger train to stop", "driving up
    rents and forcing people to the streets": "forcing" as a clause's consequence is what
    it caused, no coercion anyone did; not after a forceful act on people ("stormed the
    building, forcing the protesters to leave")."""
    first = first_conjunct(verb)
    if not (
        verb.lemma_.casefold() == "force"
        and verb.tag_ == "VBG"
        and verb.dep_ in {"advcl", "conj"}
        and after_comma(first)
    ):
        return False
    cause = first.head
    forceful = _event_type(cause, _event_noun(cause)) in _FORCEFUL
    # "forcing thousands of civilians to flee", "forcing patients and doctors to leave"
    forced = reader.object_actors(verb, None) or [
        name
        for c in verb.children
        if c.dep_ in {"xcomp", "ccomp"}
        for name in reader.subject_names(c)
    ]
    return not (forceful and forced)


# Verbs of talking, a consultation only with someone to talk with.
_TALKING = frozenset({"talk", "speak"})


def _talks_alone(verb: Tok, doers: list[str]) -> bool:
    """ "Iran does want to talk, and we'll talk", "used his platform to talk about AI": one
    doer talking with no one named to talk with or to speaks, and consults no one (not "the
    two sides talked", "officials talked", "spoke with several colleagues")."""
    if verb.lemma_.casefold() not in _TALKING or len(doers) > 1:
        return False
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if any(s.tag_ in {"NNS", "NNPS"} for s in subjects):
        return False
    # "talked at length with Modi": the parser may hang the partner on another word
    return not any(
        (
            c.dep_ == "prep"
            and c.lower_ in {"with", "to"}
            and any(o.dep_ == "pobj" for o in c.children)
        )
        or (c.dep_ in {"dobj", "dative"} and c.head is verb)
        for c in clause_tokens(verb)
    )


def _hedged_occasion(occasion: Tok) -> bool:
    """ "talks mediated by Oman were not held", "may be held": nor was the mediating."""
    return is_negated(occasion, None) or is_hedged(occasion, chain(occasion))


def _clash_of_words(reader: _Reader, verb: Tok, parties: list[str]) -> bool:
    """ "Trump has clashed with NATO or E.U. officials": a clash of people and bodies of no
    armed or street sector is one of words ("police clashed with protesters" is of arms; a
    country's clash may be either, and stays one)."""
    if verb.lemma_.casefold() not in _CLASHING or not parties:
        return False
    agents = reader.actors.agents
    kinds = reader.actors.kinds
    return all(
        kinds.get(p) in {"person", "organization"} and agents.get(p) not in _ARMED_OR_STREET
        for p in parties
    )


_CLASHING = frozenset({"clash", "spar", "feud"})
# Sectors whose clashes are fights: forces, fighters, criminals and crowds.
_ARMED_OR_STREET = frozenset({"MIL", "COP", "REB", "UAF", "CRM", "SPY", "OPP", "CVL"})


def _own_side(actors: Actors, sources: list[str], name: str) -> bool:
    """Whether `name` is one of the `sources`' own country."""
    code = actors.country_code(name)
    return code is not None and any(actors.country_code(s) == code for s in sources)


def _figurative(reader: _Reader, verb: Tok, kind: EventType | None, passive: bool) -> bool:
    """An act no one does: "was forced to sidestep the issue" (no one forcing), "the scandal
    is threatening his premiership" (a threat whose subject is a thing, not a document that
    speaks for its author as "the statement threatened" does)."""
    lemma = verb.lemma_.casefold()
    if kind in _MATERIAL_CONFLICT and _natural_force(verb):
        return True  # "the floods killed over 100 people": a disaster, no one's attack
    if kind == "PROTEST" and _in_a_ceremony(verb):
        return True  # "the delegation marched in the opening ceremony's parade"
    if passive and lemma in _FORCING and not any(c.dep_ == "agent" for c in verb.children):
        return any(c.dep_ in {"xcomp", "advcl"} and is_infinitive(c) for c in verb.children)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if kind in _GIVING and subjects:
        # "lower tax rates helped the company": a thing helps no one as an act
        return all(
            subject.pos_ == "NOUN"
            and actor_lemma(subject.lemma_, subject.lower_) is None
            and reader.actors.at(subject) is None
            and reader.actors.phrase_at(subject) is None
            and subject.lemma_.casefold() not in SPEAKING_DOCUMENTS
            and not is_event_noun(subject)
            # "the McAlpine family lent": a body a name says whose it is does act
            and not any(
                c.dep_ in {"compound", "poss"} and reader.actors.at(c) is not None
                for c in subject.children
            )
            for subject in subjects
        )
    if kind != "THREATEN":
        return False
    if verb.dep_ == "relcl":
        # "a confrontation that threatens to rupture NATO": the antecedent threatens
        subjects = [_antecedent_phrase(verb) if s.tag_ == "WDT" else s for s in subjects]
    return bool(subjects) and all(
        subject.tag_ == "NN"  # a singular common noun: "eight countries" may act unnamed
        and subject.lemma_.casefold() not in SPEAKING_DOCUMENTS
        and actor_lemma(subject.lemma_, subject.lower_) is None
        and not reader.noun_actors(subject)
        for subject in subjects
    )


# Festive occasions one marches or parades in without protesting.
_CEREMONIES = frozenset(
    {"parade", "ceremony", "procession", "celebration", "festival", "games", "olympics"}
)
# Prepositions of taking part ("in the parade"; not "against the parades").
_WITHIN = frozenset({"in", "at", "during", "toward", "towards", "near", "through"})


def _in_a_ceremony(verb: Tok) -> bool:
    """ "marched in the parade", "paraded at the opening ceremony": no protest."""
    # the noun, a compound of it, or what it is part of ("toward the end of the parade")
    return any(
        word.lemma_.casefold() in _CEREMONIES
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in _WITHIN
        for noun in prep.children
        if noun.dep_ == "pobj"
        for word in [
            noun,
            *(c for c in noun.children if c.dep_ == "compound"),
            *(g for c in noun.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"),
        ]
    )


# Acts that police do, whose agentless passive a police source reports.
_POLICE_ACTS = frozenset({"COERCE", "INVESTIGATE"})
# Types of giving, which only an actor does.
_GIVING = frozenset({"AID", "SUPPORT"})
# Participles that describe a standing relation of the noun they modify ("the academy, funded
# by Saudi Arabia", "a militia backed by Iran"): a state, no happening.
_STANDING = frozenset(
    {"fund", "finance", "back", "own", "run", "operate", "control", "sponsor", "support",
     "base", "affiliate", "link", "ally", "bankroll", "subsidise", "subsidize"}
)  # fmt: skip


def _describes_a_standing(verb: Tok) -> bool:
    """ "the Islamic Saudi Academy, funded by the government of Saudi Arabia": a state."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.casefold() in _STANDING


def _favours_a_thing(reader: _Reader, verb: Tok) -> bool:
    """ "the Justice Department, which supported the statute": being in favour of a law, a
    plan or a policy is a stance, a state; with a day of its own it is an act ("backed the
    resolution on Monday")."""
    if verb.lemma_.casefold() not in _FAVOURING:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and not any(reader.noun_actors(o) for o in objects)


# Verbs of being in favour, whose object a thing is a stance (`_favours_a_thing`).
_FAVOURING = frozenset({"support", "back", "favor", "favour"})


def _intended_for_another(verb: Tok) -> bool:
    """ "retained investment bankers to assist it", "allowed them to leave": the infinitive of
    an object someone hires or lets do it is what the object is for, not what it did (not so
    after a cause: "prompting Hamas to condemn it")."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_.casefold() in _HIRING_OR_LETTING
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and any(c.dep_ == "dobj" for c in head.children)
    )


# Verbs that take someone on, or let them, for an act their infinitive names.
_HIRING_OR_LETTING = frozenset(
    {"hire", "retain", "engage", "appoint", "recruit", "enlist", "commission", "tap", "name",
     "allow", "permit", "authorize", "authorise", "enable", "empower", "license", "let"}
)  # fmt: skip


def _evaluated(verb: Tok) -> bool:
    """ "it was unfair to penalize the children", "it is vital to meet": an infinitive that an
    evaluation takes as its subject says what someone thinks, not what happened."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_ == "be"
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in head.children)
        and any(c.dep_ == "acomp" for c in head.children)
    )


def _result_of_same_act(verb: Tok, kind: EventType | None) -> bool:
    """Whether `verb` is a participle telling the outcome of its governor's act of the same
    type ("carried out shootings ..., killing 22 people"; "slammed the decision, calling it an
    escalation")."""
    if kind is None or verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.head is verb:
        return False
    head = verb.head
    return head.pos_ == "VERB" and _event_type(head, _event_noun(head)) == kind


def _stipulates(verb: Tok) -> bool:
    """Whether `verb`'s subject is a plan, deal or law whose terms it states ("the accord
    called for Hewlett-Packard to buy shares")."""
    return any(c.dep_ == "nsubj" and c.lemma_.casefold() in _STIPULATING for c in verb.children)


def _natural_force(verb: Tok) -> bool:
    """Whether the doer of `verb`'s clause (its own subject, a relative pronoun's antecedent or
    the subject a participle takes from its governor) is a disaster: "Hurricane Melissa swept
    Cuba, destroying homes", "the storm, which killed 12"."""
    for clause in chain(verb):
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        if not subjects:
            continue
        doers = [
            clause.head if s.tag_ in _RELATIVE_TAGS and clause.dep_ == "relcl" else s
            for s in subjects
        ]
        return all(
            d.lemma_.casefold() in _DISASTERS
            or any(c.dep_ == "compound" and c.lemma_.casefold() in _DISASTERS for c in d.children)
            for d in doers
        )
    return False


def _noun_draft(
    reader: _Reader,
    noun: Tok,
    kind: EventType,
    verb_drafts: dict[int, _Draft],
    event_nouns: frozenset[int],
) -> _Draft | None:
    if _a_standing_tie(noun):
        return None
    side_reads = reader.speakers.side_reads
    event = noun_event(reader, noun, kind, verb_drafts, event_nouns)
    if event is None:
        return None
    verb = governing_verb(noun)
    clauses = chain(verb) if verb is not None else []
    return _Draft(
        token=noun,
        trigger=noun.lemma_.casefold(),
        kind=kind,
        sources=event.sources,
        targets=event.targets,
        places=event.places,
        date=event.date,
        direct=event.direct,
        hedged=event.hedged or is_conditional(clauses),
        nominal=True,
        side=reader.speakers.side_reads > side_reads,
        # A noun says when only where its clause tells of it (`tells_of`: "talks ... ended",
        # "held talks"); as another object ("condemned the bombing") or with no verb it names
        # an earlier happening.
        when=reading(verb) if verb is not None and tells_of(noun, verb) else "background",
        planned=verb is not None and is_planned(verb),
    )


class _Context:
    """The dates the text has given before a sentence: what a clause with no date of its own
    is dated by. A past clause takes the last date of the sentences before it in its paragraph
    ("On Tuesday, he testified ... He also said ..."); a past or recent one else the story's
    day, which a dateline may give ("WASHINGTON, March 12 (Xinhua) --")."""

    def __init__(
        self, text: str, times: list[TimeExpression], published: dt.date, dateline: Dateline | None
    ) -> None:
        self.published = published
        self._breaks = [found.end() for found in _PARAGRAPH_BREAK.finditer(text)]
        # Calendar dates no later than the publication day: a past clause's candidates.
        self._times = sorted(
            (t for t in times if _carried(t, published)),
            key=lambda t: t.start or 0,
        )
        self._starts = [t.start or 0 for t in self._times]
        # Dates that set no passage at their time: a noun's ("last year's strikes") and a span
        # up to now ("over the past year").
        self._no_settings = {
            t.start
            for t in self._times
            if text.startswith(("'s", "\u2019s"), t.end or 0)
            or t.text.casefold().startswith(_SPANS_TO_NOW)
        }
        # Calendar dates from the publication day on: what a future clause may be scheduled on.
        self._ahead = sorted(
            (t for t in times if _carried(t, published, ahead=True)),
            key=lambda t: t.start or 0,
        )
        self._ahead_starts = [t.start or 0 for t in self._ahead]
        self.story = next(
            (
                t
                for t in self._times
                if dateline is not None and dateline.place[0] <= (t.start or 0) < dateline.end
            ),
            None,
        )
        self.dateline_end = 0 if dateline is None else dateline.end
        # The day of the story's news, as its opening gives it ("Pakistan and Austria on
        # Monday agreed ..."): the first day of the first two paragraphs within a week before
        # publication. A past clause that no sentence near it dates happened then, not
        # necessarily on the publication day (a Tuesday paper reports Monday's talks).
        # The paragraphs' ends, past blank lines and a dateline on a line of its own
        # ("CAPE TOWN, South Africa (AP) --"): the story opens after them.
        ends = [
            found.start()
            for found in _PARAGRAPH_BREAK.finditer(text)
            if text[self.dateline_end : found.start()].strip()
        ]
        lead_end = ends[1] if len(ends) > 1 else len(text)
        self.lead_end = lead_end
        # Where the first paragraph (or a longer dateline) ends: what a story opens with.
        self.opening_end = max(ends[0] if ends else len(text), self.dateline_end)
        self.lead_day = next(
            (
                t
                for t in self._times
                if (t.start or 0) < lead_end
                and not text.startswith(("'s", "\u2019s"), t.end or 0)  # "Tuesday's talks"
                and t.start_date is not None
                and t.start_date == t.end_date
                and dt.timedelta(0) <= published - t.start_date <= _LEAD_DAY_WITHIN
            ),
            None,
        )

    def scheduled(self, sentence_start: int) -> TimeExpression | None:
        """The last date from the publication day on that the text named before
        `sentence_start`: the day of the happening a later future clause speaks of ("are set
        to meet on Saturday ... the delegation that will meet with Witkoff")."""
        i = bisect.bisect_left(self._ahead_starts, sentence_start) - 1
        return self._ahead[i] if i >= 0 and self._ahead_starts[i] >= self.dateline_end else None

    def moved_back(self, sentence_start: int) -> bool:
        """Whether the last date named before `sentence_start`, past the opening, is older
        than the opening's news ("The 11 most infamous abductions ... In 1960, Adolph Coors
        III was kidnapped"): the story has moved back to then, off the news's day."""
        i = bisect.bisect_left(self._starts, sentence_start) - 1
        if i < 0 or self._starts[i] < self.lead_end:
            return False
        # named in this paragraph or the one before: the time the passage is told at
        paragraph = bisect.bisect_right(self._breaks, sentence_start)
        if bisect.bisect_right(self._breaks, self._starts[i]) < paragraph - 1:
            return False
        time = self._times[i]
        if time.start in self._no_settings:
            return False
        start = time.start_date
        return start is not None and self.published - start > _MOVED_BACK

    def past_day(
        self, sentence_start: int, fallback: TimeExpression
    ) -> tuple[TimeExpression | None, EventDateSource]:
        """The date of a past clause with no time of its own in the sentence at
        `sentence_start`, and where it came from: the last date of its paragraph; none when
        the passage is told among older dates; else the opening's day, the dateline's, or the
        publication's (`fallback`)."""
        carried = self.before(sentence_start)
        if carried is not None:
            return carried, "context"
        if self.moved_back(sentence_start):
            return None, "unknown"  # told among older dates, with none of its own
        if self.story is None and self.lead_day is not None:
            return self.lead_day, "context"
        return self.story_day(fallback)

    def story_day(self, fallback: TimeExpression) -> tuple[TimeExpression, EventDateSource]:
        """The story's day: the dateline's, else the publication's (`fallback`)."""
        if self.story is not None:
            return self.story, "context"
        return fallback, "publication"

    def before(self, sentence_start: int) -> TimeExpression | None:
        """The last date of the sentences before `sentence_start` in its paragraph, or None."""
        paragraph = bisect.bisect_right(self._breaks, sentence_start)
        opening = max(self._breaks[paragraph - 1] if paragraph else 0, self.dateline_end)
        i = bisect.bisect_left(self._starts, sentence_start) - 1
        if i >= 0 and self._starts[i] >= opening and _YEAR_ONLY.match(self._times[i].value or ""):
            return None  # "in 1971 ... voters approved": a year dates what its sentence says
        if i >= 0 and self._starts[i] >= opening:
            return self._times[i]
        return None


def _descends(token: Tok, ancestor: Tok) -> bool:
    for _ in range(40):  # a sentence's depth; a guard against parse cycles
        if token is ancestor:
            return True
        if token.head is token:
            return False
        token = token.head
    return False


# A value that names a calendar interval ("2025-12-19", "2025-W51", "2025-SU", the 1950s
# "195"), not a reference ("PRESENT_REF", "PAST_REF").
_NAMES_A_YEAR = re.compile(r"^\d{3}")
# A calendar day, week, month or year (not PRESENT_REF, not a season).
_CALENDAR_VALUE = re.compile(r"^\d{4}(?:-W\d\d|-\d\d(?:-\d\d)?)?(?:T.*)?$")
_YEAR_ONLY = re.compile(r"^\d{4}$")
# Verbs whose object is withdrawn by its own side ("pulled the U.S. out of the pact").
_WITHDRAWING = frozenset({"withdraw", "pull"})
# Verbs of forcing, whose agentless passive is a figure ("was forced to shy away").
_FORCING = frozenset({"force", "compel", "oblige", "pressure", "pressurise", "pressurize"})
# Documents whose "calls for" states their terms, not a demand of anyone.
_STIPULATING = frozenset(
    {"plan", "accord", "agreement", "deal", "treaty", "law", "bill", "proposal", "draft",
     "budget", "contract", "program", "programme", "measure", "legislation", "rule", "scheme"}
)  # fmt: skip
# Forces of nature and accidents, which kill and destroy without an actor.
_DISASTERS = frozenset(
    {"flood", "flooding", "hurricane", "storm", "typhoon", "cyclone", "tornado", "earthquake",
     "quake", "tsunami", "landslide", "mudslide", "avalanche", "wildfire", "blaze", "fire",
     "drought", "heatwave", "eruption", "volcano", "disease", "virus", "pandemic", "epidemic",
     "outbreak", "famine", "rain", "snow", "snowstorm", "blizzard", "wind", "lightning",
     "accident", "crash", "collision", "derailment"}
)  # fmt: skip
# The types of material conflict a force of nature is mistaken for a doer of.
_MATERIAL_CONFLICT = frozenset({"ASSAULT", "COERCE"})
# Subordinators of a clause at another time than its governor's, or of a comparison.
_ELSEWHEN = frozenset({"before", "after", "since", "until", "till", "once", "than"})
_VERBAL = frozenset({"VERB", "AUX"})
_CONTRASTS = frozenset({"but", "yet"})
_SEQUENCE = frozenset({"later", "then", "eventually", "subsequently", "afterwards", "afterward"})

# A blank line ends a paragraph.
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _carried(time: TimeExpression, published: dt.date, *, ahead: bool = False) -> bool:
    """Whether `time` is a calendar date a later clause may take: no later than the
    publication day for a past clause, from it on (`ahead`) for a future one."""
    if time.start is None or time.type not in {"DATE", "TIME"} or time.start_date is None:
        return False
    if not _NAMES_A_YEAR.match(time.value or ""):
        return False
    if ahead:
        return (
            time.start_date >= published
            and (time.end_date or time.start_date) - (time.start_date) < _LONGEST_SCHEDULE
        )
    return time.start_date <= published


# Time expressions of a span that runs up to the news ("the past year", "the last decade").
_SPANS_TO_NOW = ("the past", "the last", "past", "over the past", "recent")
# How far before publication a date takes the passage told after it off the news's time.
_MOVED_BACK = dt.timedelta(days=366)
# How far before publication the opening's day may be and still be the news's day.
_LEAD_DAY_WITHIN = dt.timedelta(days=7)
# A future clause takes a day or a week ahead, not "next year": too wide to say when.
_LONGEST_SCHEDULE = dt.timedelta(days=7)


def _dated(
    draft: _Draft, context: _Context, sentence_start: int, fallback: TimeExpression
) -> tuple[TimeExpression | None, EventDateSource]:
    """The event's date and where it came from (docs/EVENTS.md, "Dates")."""
    if draft.date is not None:
        return draft.date, "explicit"
    if draft.when == "future":
        scheduled = context.scheduled(sentence_start)
        return (scheduled, "context") if scheduled is not None else (None, "unknown")
    if draft.when == "background":
        return None, "unknown"
    if draft.perfect and sentence_start >= context.lead_end:
        # "Trump has refused to rule out ...", "have also sent troops", past the opening: the
        # present perfect of an act the story does not date is its background, no news of the
        # day (on development sample C, 2 of 16 such publication dates were right).
        return None, "unknown"
    if draft.when == "past":
        # "Six people were killed and 58 injured in a car bomb attack on Friday": the one date
        # of its sentence, which the parser hung on another clause.
        if draft.sentence_date is not None:
            return draft.sentence_date, "context"
        return context.past_day(sentence_start, fallback)
    return context.story_day(fallback)


def _fresh(date: TimeExpression | None, source: EventDateSource, published: dt.date) -> bool:
    """Whether an event is the story's news: dated by the publication, or within a week of it
    ("KHARTOUM: ... on Monday"), not background ("had previously called for", "in 2020")."""
    if source == "publication":
        return True
    if date is None or date.start_date is None:
        return False
    return abs((date.start_date - published).days) <= _LEAD_DAY_WITHIN.days


def _is_setting(noun: Tok) -> bool:
    """ "In Sunday's debate, Spitzer attacked him": a noun after a preposition of time or place
    on the clause is where and when the clause happens, and its date the clause's; not after
    one on a noun, a name or a pronoun ("charged Kopp with murder in the 1995 shooting": the
    shooting's)."""
    preposition = noun.head
    return (
        noun.dep_ == "pobj"
        and preposition.lemma_.casefold() in _SETTING_PREPOSITIONS
        and preposition.head.pos_ not in {"NOUN", "PROPN", "PRON"}
    )


def _skip_own_infinitive(verb: Tok) -> bool:
    """An infinitive under a typed verb belongs to that verb's event ("threatened to strike")."""
    if verb.dep_ != "xcomp":
        return False
    head = verb.head
    return _is_candidate(head) and _event_type(head, _event_noun(head)) is not None


@dataclass(frozen=True)
class Clause:
    """One reading of a verb's clause or an event noun, before the event contract's filter:
    `not_event` says why it is no event ("untyped", "not asserted", "planned"), or is None."""

    sentence_index: int
    sentence: str
    start: int  # of the sentence in the text
    trigger: str
    trigger_span: Mention
    kind: EventType | None
    sources: list[str]
    targets: list[str]
    places: list[str]
    date: TimeExpression | None
    date_source: EventDateSource
    confidence: float
    not_event: str | None


def read_clauses(
    doc: Doc,
    *,
    article_id: str,
    actors: Actors,
    places: Places,
    times: list[TimeExpression],
    published_at: dt.datetime,
    text: str | None = None,
    sentence_of: list[int] | None = None,
    tokens: list[Tok] | None = None,
) -> list[Clause]:
    """Every clause and event noun with actors, in text order, read as an event would be.

    `text` (`doc.text`), `sentence_of` (`parse.candidates.sentence_of_tokens(doc)`) and `tokens`
    (`parse_table(doc)`) are computed when the caller has not: spaCy rebuilds the first two on
    each access, and the callers share the table.
    """
    sentences = list(doc.sents)
    if sentence_of is None:
        sentence_of = sentence_of_tokens(doc)
    full_text = doc.text if text is None else text
    table = parse_table(doc) if tokens is None else tokens
    dateline = find_dateline(full_text)
    reader = _Reader(
        table,
        actors,
        places,
        times,
        sentences,
        sentence_of,
        dateline,
        full_text,
        published_at.date(),
    )
    fallback = publication_date(published_at)
    context = _Context(full_text, times, published_at.date(), dateline)
    ground = Ground(places, actors, context.opening_end, reader.dateline_places)
    whereabouts = _Whereabouts(context, fallback)
    clauses: list[Clause] = []
    # Where each actor last did something the text places, its paragraph and date
    # (`_venue_of`).
    venue: dict[str, tuple[list[str], int, TimeExpression | None]] = {}
    # Each party's last act of each type the text dates (`_told_before`).
    told_acts: dict[tuple[EventType, str], _Told] = {}
    # Each party's last act of each type told with whom it was done to, dated or not: what a
    # later telling by a definite noun takes its roles from (`_told_before`).
    told_roles: dict[tuple[EventType, str], _Told] = {}
    # The date of each document a clause with a date of its own tells of, by its noun
    # ("joined ... in signing a joint statement earlier this month"): what a later signing
    # of "the joint statement" is dated by (`_document_told_before`).
    told_documents: dict[str, TimeExpression] = {}
    # Where each gathering the text placed was, by its word ("a summit in Brussels"): what
    # an act "at the summit" later is placed by (`_occasion_told_before`).
    gatherings: dict[str, list[str]] = {}
    # The places a sentence opened with, its paragraph and number: the scene of the passage
    # it opens (`scene`).
    scene: tuple[int, int, list[str]] = (-1, -1, [])
    for number, sentence in enumerate(sentences):
        opening = reader.scene(sentence)
        if opening and actors.paragraph_of:
            scene = (actors.paragraph_of[sentence.start], number, opening)
        sentence_text = full_text[sentence.start_char : sentence.end_char]
        lead = len(sentence_text) - len(sentence_text.lstrip())
        body = sentence_text.strip()
        start = sentence.start_char + lead
        drafts: list[_Draft] = []
        # The dates the sentence's acts took from the text, by trigger (`_participle_governor`).
        dated_here: dict[int, TimeExpression] = {}
        by_verb: dict[int, _Draft] = {}
        nouns: list[tuple[Tok, EventType]] = []
        documents: list[Tok] = []  # the sentence's documents, for `told_documents`
        for token in table[sentence.start : sentence.end]:
            # Most tokens are neither: test the part of speech before anything else.
            pos = token.pos_
            if pos == "NOUN":
                # The table first: most nouns are none, and need no look at their modifiers.
                noun_kind = nominal_type(token.lemma_) and event_noun_type(token)
                if noun_kind is not None:
                    nouns.append((token, noun_kind))
                if token.lemma_.casefold() in SPEAKING_DOCUMENTS:
                    documents.append(token)
                continue
            if pos != "VERB" or not _is_candidate(token) or _skip_own_infinitive(token):
                continue
            draft = _draft(reader, token)
            if draft is not None:
                drafts.append(draft)
                by_verb[token.i] = draft
        if (
            nouns
            and not body.endswith(_SENTENCE_ENDS)
            and not any(t.pos_ in {"VERB", "AUX"} for t in table[sentence.start : sentence.end])
        ):
            nouns = []  # "Al-Aqsa restrictions": a section's heading names a topic, no event
        if nouns:
            event_nouns = frozenset(noun.i for noun, _ in nouns)
            for noun, noun_kind in nouns:
                nominal = _noun_draft(reader, noun, noun_kind, by_verb, event_nouns)
                if nominal is not None:
                    drafts.append(nominal)
            drafts.sort(key=lambda d: d.token.i)
        question = body.endswith("?")  # "Did Russia attack?": asked, not reported
        headline = not body.endswith(_SENTENCE_ENDS)
        for draft in drafts:
            trigger = draft.token
            draft.hedged = (
                draft.hedged
                or question
                or (headline and _names_a_topic(trigger))
                or _shares_a_view(trigger)
                or (
                    not headline
                    and _generic_present(draft)
                    and not _quoted(body, trigger.idx - start)
                )
            )
            if draft.when == "past" and draft.date is None:
                draft.sentence_date = reader.lone_date(sentence, trigger, published_at.date())
            date, date_source = _dated(draft, context, start, fallback)
            governor = _participle_governor(trigger)
            if date_source == "unknown" and governor in dated_here:
                # "said on Wednesday that he had reached a deal ..., easing a standoff": the
                # easing is the reaching's, whenever that was
                date, date_source = dated_here[governor], "context"
            if _mentions_again(draft):
                act = _told_before(told_acts, draft)
                if act is not None and date_source in {"publication", "unknown"}:
                    date, date_source = act.date, "context"
                if act is None or not _same_act(act.words, _act_word(draft)):
                    act = _told_before(told_roles, draft)  # told before with no date
                if act is not None and _same_act(act.words, _act_word(draft)):
                    # that act ("held a restricted meeting at the Federal Chancellery ... He
                    # termed the meeting with Stocker warm"; "Trump threatened tariffs on
                    # Denmark ... Trump's threat"): its doers, those it was done to, its place
                    draft.sources = draft.sources or [
                        s for s in act.sources if s not in draft.targets
                    ]
                    draft.targets = draft.targets or [
                        t for t in act.targets if t not in draft.sources
                    ]
                    if not draft.places or isinstance(draft.places, DatelinePlaces):
                        draft.places = act.places or draft.places
            if not draft.places or isinstance(draft.places, DatelinePlaces):
                # "During the visit, Starmer met Karp": where that visit was
                draft.places = (
                    _occasion_told_before(told_acts, told_roles, gatherings, draft) or draft.places
                )
            if (
                draft.kind == "CONSULT"
                and draft.places
                and not isinstance(draft.places, DatelinePlaces)
                and _not_event(draft) is None
            ):
                # "met for a summit in Brussels": the meeting's words and its gathering's
                words = [
                    *_act_words(draft),
                    *(
                        t.lemma_.casefold()
                        for t in clause_tokens(trigger)
                        if t.pos_ == "NOUN" and event_noun_type(t) == "CONSULT"
                    ),
                ]
                for word in words:
                    gatherings.setdefault(word, list(draft.places))
            if date_source in {"publication", "unknown"} and draft.when != "future":
                told = _document_told_before(told_documents, trigger)
                if told is not None:
                    date, date_source = told, "context"  # "to sign onto the joint statement"
            if draft.kind:
                dated = date is not None and date_source in {"explicit", "context"}
                act = _Told(
                    _act_words(draft),
                    date if dated else None,
                    list(draft.sources),
                    list(draft.targets),
                    list(draft.places),
                )
                for party in _told_by(draft):
                    if dated:
                        told_acts[(draft.kind, party)] = act
                    # a definite noun's own roles too ("the President's threat to tariff
                    # European allies ... the President's tariffs threat"), never over a
                    # telling's
                    if act.targets and (
                        not _mentions_again(draft) or (draft.kind, party) not in told_roles
                    ):
                        told_roles[(draft.kind, party)] = act
            if date is not None and date_source == "explicit":
                for document in documents:
                    if _descends(document, trigger):  # "joined ... in signing a statement"
                        told_documents.setdefault(document.lemma_.casefold(), date)
            paragraph = actors.paragraph_of[trigger.i] if actors.paragraph_of else 0
            if (
                scene[0] == paragraph
                and number - scene[1] < _SCENE_SENTENCES
                # the scene's sentence's own acts, or the day's ("said Saddam had threatened
                # Kuwait in 1990": not then)
                and (
                    (number == scene[1] and date_source != "explicit")
                    or _fresh(date, date_source, published_at.date())
                )
                and (not draft.places or isinstance(draft.places, DatelinePlaces))
            ):
                # "In Dar es Salaam, she laid a wreath ... She also toured": there, not at the
                # dateline's Nairobi; the day's acts of the next sentences too
                draft.places = list(scene[2])
            if isinstance(draft.places, DatelinePlaces) and (
                not _fresh(date, date_source, published_at.date())
                or (
                    draft.kind not in _GROUNDED_TYPES
                    and ground.said_elsewhere(draft.places, draft.sources, draft.targets)
                )
            ):
                # the background, or a foreign doer's word: "JAKARTA: ... Italy offers"
                draft.places = []
            if (
                draft.places
                and not isinstance(draft.places, DatelinePlaces)
                and date_source == "explicit"
                and draft.when != "background"  # "after living in exile in Britain": before
            ):
                for source in draft.sources:
                    venue[source] = (draft.places, paragraph, date)
            elif not draft.places and draft.kind not in _GROUNDED_TYPES:
                draft.places = _venue_of(venue, draft.sources, paragraph, date)
            if isinstance(draft.places, DatelinePlaces) and draft.kind in _GROUNDED_TYPES:
                # "JERUSALEM: ... Israeli forces killed 12 Palestinians": filed in Jerusalem,
                # done where its targets are.
                # "WASHINGTON ... Tanzanian police arrested 14 foreigners": police act at home
                there = ground.target_place(draft.targets) or ground.home_place(
                    draft.kind, draft.sources
                )
                if ground.abroad(there, draft.places):
                    draft.places = there
                elif draft.kind == "ASSAULT":
                    # "KHARTOUM: ... two children were killed in one strike on a school": a war
                    # is fought across the country, not in the city the story was filed from
                    # (police deployed are rather there: "deploys police around Al-Aqsa")
                    draft.places = ground.dateline_country(draft.places)
            if not draft.places and draft.kind in _GROUNDED_TYPES:
                draft.places = ground.place_of(draft.kind, draft.sources, draft.targets)
            if date is not None and date_source in {"explicit", "context"}:
                dated_here[trigger.i] = date
            parties = list(dict.fromkeys([*draft.sources, *draft.targets]))
            if draft.kind is not None and len(parties) == 2:
                reader.last_pair = parties
            if draft.kind is not None and len(draft.sources) == 2:
                reader.last_doers = list(draft.sources)
            clauses.append(
                Clause(
                    sentence_index=number,
                    sentence=body,
                    start=start,
                    trigger=draft.trigger,
                    trigger_span=Mention(
                        text=trigger.text,
                        start=trigger.idx,
                        end=trigger.idx + len(trigger.text),
                        sentence=number,
                    ),
                    kind=draft.kind,
                    sources=draft.sources,
                    targets=draft.targets,
                    places=draft.places,
                    date=date,
                    date_source=date_source,
                    confidence=_confidence(draft, draft.date is not None),
                    not_event=_not_event(draft),
                )
            )
        whereabouts.see(reader, sentence, start, bool(opening))
    # Acts with no place yet, grounded ones placed above; an untyped clause is no event.
    # A person's whereabouts that day place them better than the dateline does.
    clauses = [
        clause
        if clause.kind is None
        or clause.kind in _GROUNDED_TYPES
        or (clause.places and not isinstance(clause.places, DatelinePlaces))
        else replace(
            clause,
            places=whereabouts.of(_met(clause), clause.date, clause.start)
            or clause.places
            or ground.place_of(clause.kind, clause.sources, clause.targets),
        )
        for clause in clauses
    ]
    return _doers_told_before(_one_attack_per_person(clauses, actors))


def _met(clause: Clause) -> list[str]:
    """Whose whereabouts place an act: its doers'; a meeting's every side's, who were
    together ("Stocker met Sharif": where either was that day)."""
    if clause.kind == "CONSULT" and clause.trigger not in _AT_A_DISTANCE:
        return [*clause.sources, *clause.targets]
    return clause.sources


# Consultations the sides may hold apart ("Trump spoke with Zelensky by phone", "called").
_AT_A_DISTANCE = frozenset({"call", "phone", "telephone", "speak", "talk", "write", "email"})


class _Whereabouts:
    """Where the text puts each person on each day: "Zelensky said at the World Economic Forum
    in Davos on Thursday", "Speaking in Davos on Tuesday, Macron warned". A person is in one
    place on a day, so the acts the text gives them on that day with no place of their own
    happened there: the speech's criticisms, thanks and demands, told in other paragraphs
    ("Zelensky criticized European leaders", "he thanked some of them"). A person the text
    puts in two places on one day went from one to the other in the order it tells: an act
    told after the text put them somewhere is placed there ("she told workers at the embassy
    in Dar es Salaam ... Albright helped hang a poster"), one told before any is not."""

    def __init__(self, context: _Context, fallback: TimeExpression) -> None:
        self._context = context
        self._fallback = fallback
        # Each person's places on a day, with where in the text the sentence putting them
        # there starts.
        self._seen: dict[tuple[str, str], list[tuple[int, list[str]]]] = {}

    def see(self, reader: _Reader, sentence: Span, start: int, opens_on_a_place: bool) -> None:
        """Note where `sentence` (at `start` in the text) puts people: the subjects of the
        verbs it places that did happen (not "threatened to intervene in Iran", "did not speak
        in Kyiv"), on the day of the verb's own time expression, else on the day its past
        clause has (`_Context.past_day`) when its paragraph gave it; the story's day only for
        a speech or an appearance ("Speaking at the forum in Davos, Trump lamented"), a going
        or the main verb of a sentence that opens on a place (`opens_on_a_place`, read once a
        sentence by `_Reader.scene`), not for what a biography tells ("He was born in
        Dhaka")."""
        by_token = reader.places.by_token
        verbs: set[int] = set()
        for i in range(sentence.start, sentence.end):
            if i not in by_token:
                continue
            verb = _sited_verb(reader.tokens[i])
            if verb is None or verb.i in verbs:
                continue
            verbs.add(verb.i)
            if verb.tag_ == "VB" or any(c.dep_ == "neg" for c in verb.children):
                continue
            tokens = clause_tokens(verb)
            places = reader.places_in(tokens)
            if not places:
                continue
            when = reader.time_in(verb, tokens)
            if when is None:
                told = self._context.before(start) is not None
                # "In Dar es Salaam, she laid a wreath": a scene the narrative moves to
                scene = verb.dep_ == "ROOT" and opens_on_a_place
                if told or scene or verb.lemma_.casefold() in _APPEARING | _GOING:
                    when = self._context.past_day(start, self._fallback)[0]
            key_day = _one_day(when)
            if key_day is None:
                continue
            kinds = reader.actors.kinds
            people = [n for n in reader.subject_names(verb) if kinds.get(n) == "person"]
            for person in people:
                self._seen.setdefault((person, key_day), []).append((start, places))

    def of(self, sources: list[str], date: TimeExpression | None, sentence: int) -> list[str]:
        """Where the first of `sources` the text puts somewhere on `date`'s day was, for an
        act told in the sentence that starts at `sentence` in the text."""
        day = _one_day(date)
        if day is None:
            return []
        for source in sources:
            seen = self._seen.get((source, day))
            if not seen:
                continue
            if all(places[0] == seen[0][1][0] for _, places in seen):
                return list(seen[0][1])
            before = [places for start, places in seen if start <= sentence]
            return list(before[-1]) if before else []
        return []


def _sited_verb(place: Tok) -> Tok | None:
    """The verb that `place` says where it happened ("said at the World Economic Forum in
    Davos", "Speaking in Davos"), through prepositions of place and the names or occasions
    between; None when a topic or a thing stands between ("in reference to the rift over
    Greenland", "troops to Greenland")."""
    token = place
    for _ in range(CHAIN_LIMIT):
        if token.dep_ in _NAME_DEPS and token.head is not token:
            token = token.head
            continue
        if token.dep_ != "pobj":
            return None
        preposition = token.head.lower_
        holder = token.head.head
        venue = holder.lemma_.casefold() in _VENUE_NOUNS
        to_venue = venue or token.lemma_.casefold() in _VENUE_NOUNS
        # "headed to Nairobi"; not "moved the embassy to Jerusalem", where the object went
        going = holder.lemma_.casefold() in _GOING and not any(
            c.dep_ == "dobj" for c in holder.children
        )
        if going and preposition == "from":
            return None  # "flown in from Washington": whence, not where
        if preposition not in (_TO_A_VENUE if to_venue else _WHEREABOUTS) and not (
            going and preposition == "to"
        ):
            return None
        if holder.pos_ == "VERB":
            return holder
        if holder.pos_ != "PROPN" and not venue:
            return None
        token = holder
    return None


# Prepositions that say where someone was; the nouns of occasions and venues a place may
# stand under ("at a summit in Brussels", "on the sidelines of the forum in Davos",
# "During a press conference at Downing Street", "Returning to the stage at the forum").
_WHEREABOUTS = frozenset({"in", "at", "from"})
# Verbs of going somewhere: from then on the goer is there ("before heading to Nairobi").
_GOING = frozenset({"head", "travel", "fly", "go", "return", "arrive"})
_TO_A_VENUE = frozenset({"in", "at", "from", "of", "on", "to", "during"})
# Verbs of speaking and appearing: where they were is where the speaker spent the day.
_APPEARING = SPEECH_VERBS | {
    "speak", "address", "deliver", "appear", "talk", "return", "arrive", "visit", "attend",
    "meet", "host", "lament", "warn", "urge", "criticize", "criticise", "praise",
}  # fmt: skip
_VENUE_NOUNS = frozenset(
    {"speech", "address", "summit", "conference", "forum", "meeting", "stage", "sidelines",
     "gathering", "rally", "session", "visit", "talks", "briefing", "interview", "ceremony",
     "event", "appearance", "news", "podium", "hall", "palace", "house", "headquarters"}
)  # fmt: skip


def _one_day(time: TimeExpression | None) -> str | None:
    """The ISO day of a time that names one day ("2026-01-22", "2026-01-22TMO"), else None."""
    if time is None or time.start_date is None or time.start_date != time.end_date:
        return None
    return time.start_date.isoformat()


# Types of coercion whose agentless telling right after one names its doer again (attacks
# are told one after another by different hands: "a clinic bombing in Birmingham killed").
_DOERS_CARRY = {"COERCE": "COERCE", "SANCTION": "COERCE"}


def _name_head(token: Tok) -> Tok:
    """The head of the name `token` is part of, up its compounds, appositions and conjuncts
    ("Dar" of "Dar es Salaam", "Ontario" of "Ancaster, Ontario")."""
    for _ in range(CHAIN_LIMIT):
        if token.dep_ not in _NAME_DEPS or token.head is token:
            break
        token = token.head
    return token


# How the words of a name, or names joined, hang on its head.
_NAME_DEPS = frozenset({"compound", "appos", "conj"})


def _infinitive_adverbial(clause: Tok) -> bool:
    """ "to impose tariffs" hung on its governor as an adverbial clause."""
    return clause.dep_ == "advcl" and clause.tag_ == "VB" and is_infinitive(clause)


def _participle_governor(verb: Tok) -> int | None:
    """The verb a participle clause tells the same moment of ("reached a deal ..., easing a
    standoff and backing away from plans"), by its token; None for any other clause."""
    first = first_conjunct(verb)
    if first.dep_ != "advcl" or first.tag_ != "VBG" or first.head is first:
        return None
    if any(c.dep_ in {"mark", "nsubj"} for c in first.children):
        return None  # "while visiting", "with Israel and Hamas blaming each other"
    return first.head.i


def _doers_told_before(clauses: list[Clause]) -> list[Clause]:
    """ "Tanzania expelled five Iraqis and a Libyan ... Five Iraqis also were deported": an
    arrest, expulsion or deportation told with no doer in the sentence after one (or in the
    same sentence) has that one's doers."""
    last: dict[str, tuple[int, list[str]]] = {}
    for number, clause in enumerate(clauses):
        family = _DOERS_CARRY.get(clause.kind or "")
        if family is None or clause.not_event is not None:
            continue
        if clause.sources:
            last[family] = (clause.sentence_index, clause.sources)
            continue
        told = last.get(family)
        if told is not None and clause.sentence_index - told[0] <= 1:
            sources = [s for s in told[1] if s not in clause.targets]
            if sources:
                clauses[number] = replace(clause, sources=sources)
    return clauses


def _one_attack_per_person(clauses: list[Clause], actors: Actors) -> list[Clause]:
    """An attack on a named person, told again ("a sniper killed Dr. Barnett Slepian in his
    kitchen ... the Oct. 23 slaying of Slepian ... the attack on Slepian"), is one happening:
    each telling takes the doers, the date and the place another telling gives and it lacks.
    A person is attacked once in a story, where an arrest or a charge may repeat; a group or a
    country may be attacked many times."""
    told: dict[str, list[int]] = {}
    for number, clause in enumerate(clauses):
        if clause.kind != "ASSAULT" or clause.not_event is not None:
            continue
        for target in clause.targets:
            if actors.kinds.get(target) == "person" and target[:1].isupper():
                told.setdefault(target, []).append(number)
    for numbers in told.values():
        if len(numbers) < 2:
            continue
        tellings = [clauses[n] for n in numbers]
        sources = next((c.sources for c in tellings if c.sources), [])
        dated = next((c for c in tellings if c.date_source == "explicit"), None)
        for clause in tellings:
            # "abducted in March 1996 ... kidnapped on March 26, 1996": the finer
            explicit = clause.date_source == "explicit"
            if explicit and dated is not None and _finer(clause.date, dated.date):
                dated = clause
        places = next(
            (c.places for c in tellings if c.places and not isinstance(c.places, DatelinePlaces)),
            [],
        )
        for n in numbers:
            clause = clauses[n]
            redated = dated is not None and (
                clause.date_source != "explicit" or _finer(dated.date, clause.date)
            )
            if redated and dated is not None and _within(clause.date, dated.date):
                redated = False  # "captured on March 26, 1996" of an attack "in March 1996"
            clauses[n] = replace(
                clause,
                sources=clause.sources or [s for s in sources if s not in clause.targets],
                date=dated.date if dated is not None and redated else clause.date,
                date_source="context" if redated else clause.date_source,
                places=clause.places or places,
            )
    return clauses


# How a sentence of running text ends; a line without one is a headline or a title, whose
# present tense reports the news ("Israel imposes restrictions").
_SENTENCE_ENDS = (".", "!", "?", '"', "”", "'", "’", ":", ";", ")")
_QUOTES = frozenset('"“”')


def _of_former_times(table: list[Tok], tokens: list[Tok]) -> bool:
    """Whether the clause (`tokens` of the article's `table`) names someone by a title they
    held then ("then-Gov. Rick Snyder", "then-Prime Minister Gordon Brown"): it tells of the
    past, not of the day's news."""
    return any(
        token.lower_ == "then"
        and token.i + 2 < len(table)
        and table[token.i + 1].text == "-"
        and table[token.i + 2].text[:1].isupper()
        for token in tokens
    )


# Verbs that make a document what it is, at its date ("to sign onto the joint statement");
# acts on it ("rejected the statement") come after.
_ISSUING = frozenset(
    {"sign", "cosign", "co-sign", "issue", "release", "publish", "adopt", "draft", "file",
     "submit", "unveil", "pen", "write", "send"}
)  # fmt: skip


def _document_told_before(told: dict[str, TimeExpression], verb: Tok) -> TimeExpression | None:
    """The date of a document told before that `verb` signs, issues or releases, named as
    known: its object or its preposition's ("to sign onto the joint statement")."""
    if verb.lemma_.casefold() not in _ISSUING:
        return None
    for child in verb.children:
        nouns = [child] if child.dep_ == "dobj" else []
        if child.dep_ == "prep":
            nouns = [o for o in child.children if o.dep_ == "pobj"]
        for noun in nouns:
            known = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children)
            if known and (found := told.get(noun.lemma_.casefold())) is not None:
                return found
    return None


def _mentions_again(draft: _Draft) -> bool:
    """An event noun with a definite determiner or a possessor ("McSweeney's resignation",
    "the talks", "that threat") names a happening the reader knows of, maybe told before."""
    return draft.nominal and _known(draft.token)


def _told_before(told: dict[tuple[EventType, str], _Told], draft: _Draft) -> _Told | None:
    """The same party's last act of the same type told before with a date: "Morgan McSweeney
    resigned on Sunday ... McSweeney's resignation is not enough" is Sunday's; a meeting is
    any party's ("Sharif and Stocker held a meeting today ... the meeting with Stocker")."""
    if draft.kind is None:
        return None
    for party in _told_by(draft):
        found = told.get((draft.kind, party))
        if found is not None:
            return found
    return None


def _occasion_told_before(
    acts: dict[tuple[EventType, str], _Told],
    roles: dict[tuple[EventType, str], _Told],
    gatherings: dict[str, list[str]],
    draft: _Draft,
) -> list[str]:
    """The places of the occasion a verb's act happened at, named again by a definite noun
    and told before by the same doer with its place: "Starmer visited Washington ... During
    the visit, Starmer met Karp" happened in Washington; a gathering told before with its
    place, whoever held it ("leaders met for a summit in Brussels ... At the summit, Macron
    warned"), and that gathering named again ("the summit")."""
    if draft.nominal:
        word = draft.token.lemma_.casefold()
        if draft.kind == "CONSULT" and _known(draft.token) and word in gatherings:
            return list(gatherings[word])
        return []
    if draft.kind is None:
        return []
    for preposition in draft.token.children:
        if preposition.dep_ != "prep" or preposition.lower_ not in {"during", "at", "in"}:
            continue  # not "briefed European leaders on the meeting": its topic
        for noun in preposition.children:
            kind = event_noun_type(noun) if noun.dep_ == "pobj" else None
            if kind is None or not _known(noun):
                continue
            word = noun.lemma_.casefold()
            for party in draft.sources:
                for told in (acts.get((kind, party)), roles.get((kind, party))):
                    if told is not None and told.places and _same_act(told.words, word):
                        return list(told.places)
            if kind == "CONSULT" and word in gatherings:
                return list(gatherings[word])
    return []


def _told_by(draft: _Draft) -> list[str]:
    """Whose act a later telling names it by: its doer's; a meeting every side's alike."""
    return [*draft.sources, *draft.targets] if draft.kind == "CONSULT" else list(draft.sources)


@dataclass(frozen=True)
class _Told:
    """An act told before: what a later telling of it by a definite noun takes (its date,
    where it had one, and its roles)."""

    words: tuple[str, ...]  # the act's words: the trigger's lemma, the event noun it carries
    date: TimeExpression | None
    sources: list[str]
    targets: list[str]
    places: list[str]


def _act_word(draft: _Draft) -> str:
    return (draft.event_noun or draft.token).lemma_.casefold()


def _act_words(draft: _Draft) -> tuple[str, ...]:
    """The words a later noun may name the act by: its trigger's ("threatened tariffs":
    "threat") and the event noun it carries ("held a meeting": "the meeting")."""
    words = [draft.token.lemma_.casefold()]
    if draft.event_noun is not None:
        words.append(draft.event_noun.lemma_.casefold())
    return tuple(words)


def _same_act(told: tuple[str, ...], again: str) -> bool:
    """Whether a noun names again the act told by a word of its family ("threatened" and
    "threat", "met" and "meeting", "held a meeting" and "the meeting"; a visit is no meeting):
    one word begins with the other, less a final e ("resign", "resignation"), or the noun is
    the verb's by a change of stem ("invaded" and "the invasion", "sued" and "his lawsuit")."""
    verb = _NOMINALIZED.get(again)
    if verb is not None and verb in told:
        return True
    for word in told:
        shorter, longer = sorted((word.removesuffix("e"), again.removesuffix("e")), key=len)
        if len(shorter) >= _STEM and longer.startswith(shorter):
            return True
    return False


# The shortest word a family of words is told by ("meet", "talk").
_STEM = 4
# Event nouns whose verb's stem differs from theirs, so that neither begins the other: the
# noun names the verb's act again.
_NOMINALIZED = {
    "invasion": "invade", "lawsuit": "sue", "suit": "sue", "detention": "detain",
    "expulsion": "expel", "criticism": "criticize", "decision": "decide",
    "explosion": "explode", "collision": "collide", "intrusion": "intrude",
    "conclusion": "conclude", "defence": "defend", "defense": "defend",
}  # fmt: skip


def _venue_of(
    venue: dict[str, tuple[list[str], int, TimeExpression | None]],
    sources: list[str],
    paragraph: int,
    date: TimeExpression | None,
) -> list[str]:
    """The place where a doer's verbal act happened when the text places it no more: where the
    doer last did something placed and dated by its own clause, in the same paragraph or the
    one before, on the same day ("Zelensky criticized European leaders in a speech in Davos on
    Thursday ... he thanked some of them"): a speech, a press conference, a visit goes on
    there."""
    for source in sources:
        found = venue.get(source)
        if found is None:
            continue
        places, where, when = found
        if paragraph - where > 1:
            continue
        if date is None or when is None or date.value != when.value:
            continue
        return list(places)
    return []


# Verbal acts that a present relative clause holds as a stance, no act of the day ("Western
# nations that support Kyiv", "a bomb, which Tehran denies seeking").
_STANCES_HELD = frozenset({"SUPPORT", "REJECT"})


def _shares_a_view(verb: Tok) -> bool:
    """ "I totally agree with that", "We agree with the President": agreeing with someone or
    something in the simple present is a view shared, quoted or not; no agreement is made
    ("agree to hold talks", "agree on the principles" are)."""
    return (
        verb.lemma_ == "agree"
        and _simple_present(verb)
        and not any(
            c.dep_ in {"xcomp", "ccomp"} or (c.dep_ == "prep" and c.lower_ == "on")
            for c in verb.children
        )
    )


def _generic_present(draft: _Draft) -> bool:
    """ "Regent Hong Kong occupies a prime spot", "data the Federal Reserve provides": an act
    of material cooperation or conflict in the simple present of running text is a state, a
    habit or a synopsis, not a report (a headline's present is; so is a quoted one's); so is
    support that describes a noun ("Western nations that support Kyiv": in favour of)."""
    verb = draft.token
    if draft.nominal or draft.kind is None:
        return False
    if _whenever(verb):
        return True
    if verb.lemma_ == "blame" and verb.dep_ == "xcomp" and verb.head.lemma_ == "be":
        return True  # "Bezos is largely to blame for the paper's woes": whose fault, a judgement
    if _present_passive(verb) and draft.kind != "DISAPPROVE":
        # "such actions are supported by a majority": a state. Not an accusation standing
        # ("Bin Laden is accused of masterminding the attack"): TimeML's gold has 3 of 4
        # such as occurrences.
        return True
    if verb.dep_ == "relcl" and verb.head.lemma_.casefold() in _ANYONE and _simple_present(verb):
        return True  # "those who refuse to leave": whoever does, no one who did
    if QUAD_OF_TYPE[draft.kind].startswith("verbal") and not (
        draft.kind in _STANCES_HELD and verb.dep_ == "relcl"
    ):
        return False
    if at_the_time_of(verb):
        return False  # "... as the U.S. builds up forces in the region": going on now
    return _simple_present(verb)


def _names_a_topic(verb: Tok) -> bool:
    """ "Defending Greenland by force": a heading whose root is a gerund with no subject and
    no auxiliary names a section's topic; it reports nothing ("Israel imposes restrictions"
    does)."""
    return (
        verb.dep_ == "ROOT"
        and verb.tag_ == "VBG"
        and not any(c.dep_ in _SUBJECT_OR_AUX for c in verb.children)
    )


_SUBJECT_OR_AUX = SUBJECT_DEPS | {"aux", "auxpass", "expl"}


def _whenever(verb: Tok) -> bool:
    """ "When a government kills its own people, it crosses a threshold", "when he makes
    promises ..., they remember": a "when" clause in the simple present under a governor in
    the simple present says what happens each time, of any act, verbal or material. Not
    under a future ("When Xi arrives on Monday, he will meet ..." is scheduled)."""
    clause = first_conjunct(verb)
    if clause.dep_ != "advcl" or not _simple_present(verb):
        return False
    if not any(c.dep_ in {"advmod", "mark"} and c.lower_ in _EACH_TIME for c in clause.children):
        return False
    governor = clause.head
    return _simple_present(governor) or (
        governor.lemma_ == "be" and governor.tag_ in {"VBZ", "VBP"}
    )


# Types of a stance taken on something, which reaches whose it is (`_Reader._possessors`).
_STANCES = frozenset({"SUPPORT", "DISAPPROVE", "REJECT"})
# ... and of acts that reach whose thing they are done on ("audited the firm's books").
_OWNERS_REACHED = _STANCES | {"INVESTIGATE"}
# The sectors of a public body that acts in its own name when no body was named before it
# ("The ministry said"); "this company" or "the newspaper" is someone the text introduced.
_PUBLIC_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD"})
# Participles that give a person's name ("a man named X", "a group called Y").
_NAMING = frozenset({"name", "call", "identify"})
# Nouns of the one who leads a body, besides the role words of titles ("the head of the IAEA").
_HEADS = frozenset({"head", "boss"})
# Subordinators of a clause that happens each time its governor's does.
_EACH_TIME = frozenset({"when", "whenever"})


def _simple_present(verb: Tok) -> bool:
    """ "refuses", "support": a present tense with no auxiliary."""
    return verb.tag_ in {"VBZ", "VBP"} and not any(
        c.dep_ in {"aux", "auxpass"} for c in verb.children
    )


def _present_passive(verb: Tok) -> bool:
    """ "is supported by", "are condemned by": a passive in the simple present."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return (
        verb.tag_ == "VBN"
        and len(auxes) == 1
        and auxes[0].dep_ == "auxpass"
        and auxes[0].lower_ in PRESENT_BE
    )


def _quoted(sentence: str, offset: int) -> bool:
    """Whether `offset` of `sentence` lies inside quotation marks."""
    return sum(ch in _QUOTES for ch in sentence[:offset]) % 2 == 1


def _not_event(draft: _Draft) -> str | None:
    """Why the contract does not publish this reading (docs/EVENTS.md), or None."""
    if draft.kind is None:
        return "untyped"
    if draft.hedged:
        return "not asserted"  # negated, hypothetical, conditional, purpose, subjunctive
    if draft.planned and draft.date is None:
        return "planned"  # "plans to visit": an intention until it has a date of its own
    return None


def find_events(clauses: Iterable[Clause], *, article_id: str) -> list[Event]:
    """The article's events in text order, ids `<article_id>-<ordinal>` from 0: the readings
    of `read_clauses` that are reportable happenings of a PLOVER type."""
    events: list[Event] = []
    for clause in clauses:
        kind = clause.kind
        if kind is None or clause.not_event is not None:
            continue
        events.append(
            Event(
                id=f"{article_id}-{len(events)}",
                article_id=article_id,
                sentence=clause.sentence,
                sentence_index=clause.sentence_index,
                start=clause.start,
                end=clause.start + len(clause.sentence),
                trigger=clause.trigger,
                trigger_span=clause.trigger_span,
                type=kind,
                quad=QUAD_OF_TYPE[kind],
                sources=clause.sources,
                targets=clause.targets,
                places=clause.places,
                date=clause.date,
                date_source=clause.date_source,
                confidence=clause.confidence,
            )
        )
    return events
