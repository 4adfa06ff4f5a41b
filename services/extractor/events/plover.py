"""PLOVER event types from trigger words (Halterman et al., PLOVER codebook, 2023).

Verbs, event nouns, phrasal verbs and light verbs by type are in `lexicon_plover` (what each
type covers, and the lines the PLOVER manual draws, are in its docstring); this module builds the
tables and looks words up. Lemmas are spaCy's (lower case). A clause whose trigger is in no
table has no type, and is no event.

| type | verbs (selection) | nouns after a light verb |
|---|---|---|
| AGREE | agree, sign, accept, ratify, settle, promise | agreement, deal, accord, truce |
| CONSULT | meet, talk, discuss, visit, negotiate, host, call, convene | talks, meeting, visit |
| SUPPORT | support, praise, endorse, back, welcome, thank, laud | support, endorsement |
| CONCEDE | concede, apologize, yield, cede, ease, pardon, accede | concession, apology, amnesty |
| COOPERATE | cooperate, collaborate, ally, partner, extradite | cooperation, exercise |
| AID | aid, donate, supply, provide, fund, help, rescue, lend | aid, assistance, loan, bailout |
| RETREAT | withdraw, retreat, evacuate, release, free, resign, surrender | withdrawal, ceasefire |
| INVESTIGATE | investigate, probe, inspect, examine, question, subpoena | investigation, inquiry |
| DEMAND | demand, urge, press, call (for), insist (on), ask, order | demand, appeal, request |
| DISAPPROVE | criticise, condemn, accuse, sue, indict, prosecute, complain | lawsuit, complaint |
| REJECT | reject, refuse, deny, veto, decline, boycott, defy, rule (out) | rejection, refusal |
| THREATEN | threaten, warn, intimidate | threat, warning, ultimatum |
| SANCTION | sanction, embargo, expel, ban, suspend, prohibit, cancel, call (off) | sanctions, ban |
| PROTEST | protest, march, rally, riot, picket, demonstrate (against) | protest, rally, walkout |
| CRIME | steal, rob, smuggle, bribe, hack, loot, embezzle, launder | theft, fraud, bribery |
| MOBILIZE | deploy, mobilize, mass, station, reinforce, redeploy | mobilization, deployment |
| COERCE | arrest, detain, deport, jail, raid, seize, confiscate, convict, sentence | arrest, raid |
| ASSAULT | attack, strike, bomb, kill, murder, stab, kidnap, blow (up), gun (down) | attack, war |

"strike" is read as ASSAULT: in international news it is far more often a military strike
than a labour one; "struck a deal" is AGREE because "strike" is also a light verb.

`NOMINAL_TYPES` is the subset of the noun table whose nouns name an event on their own, with no
light verb ("talks between Russia and Ukraine", "U.S. sanctions on Russia", "an attack on Kyiv");
`nouns` reads them. The nouns left out, which alone more often name something else ("call",
"rally", "war", "fire"), are listed with their reasons at `lexicon_plover.NEEDS_A_LIGHT_VERB`.

A modifier can change what the noun names: an "air raid" is an assault, not a police raid, and a
"hunger strike" a protest, not a military strike. `COMPOUND_TYPES` keys such nouns on the
modifier and the noun ("air raid"); `noun_type` and `nominal_type` take the modifier and look the
pair up before the noun alone. Each pair's noun is in the noun table, so a reader need only look
for a modifier once the noun is an event noun.

The lemmas are those of the parse table, where the few that spaCy's small model gets wrong
("staged" -> "stag", "raped" -> "rap") are already repaired (`parse.table`).

Look words up with the functions below (`verb_type`, `noun_type`, `nominal_type`, ...), which
casefold them, rather than in the tables: the readers and the tests then take one path.
"""

from __future__ import annotations

import re

from services.extractor.events.lexicon_plover import (
    COMPOUNDS,
    NEEDS_A_LIGHT_VERB,
    NOUNS,
    OBJECT_TYPES,
    PHRASAL,
    VERBS,
)
from services.extractor.events.lexicon_plover import CONDEMNING_WORDS as CONDEMNING_WORDS
from services.extractor.events.lexicon_plover import ENDING_VERBS as ENDING_VERBS
from services.extractor.events.lexicon_plover import LIGHT_VERBS as LIGHT_VERBS
from shared.models import QUAD_OF_TYPE, EventType, Quad

# Modifier and event noun whose type differs from the noun's alone (see the module docstring).
COMPOUND_TYPES: dict[str, EventType] = COMPOUNDS

# Verb plus particle or preposition whose type differs from the bare verb's ("call for").
PHRASAL_TYPES: dict[tuple[str, str], EventType] = PHRASAL

VERB_TYPES: dict[str, EventType] = {
    lemma: kind for kind, lemmas in VERBS.items() for lemma in lemmas
}
NOUN_TYPES: dict[str, EventType] = {
    lemma: kind for kind, lemmas in NOUNS.items() for lemma in lemmas
}
NOMINAL_TYPES: dict[str, EventType] = {
    lemma: kind for lemma, kind in NOUN_TYPES.items() if lemma not in NEEDS_A_LIGHT_VERB
}


def verb_type(lemma: str) -> EventType | None:
    """The PLOVER type of a trigger verb's lemma, or None."""
    return VERB_TYPES.get(lemma.casefold())


def object_type(lemma: str, object_lemma: str) -> tuple[bool, EventType | None]:
    """Whether a verb's direct object decides its type, and the type it decides ("sent
    troops": MOBILIZE; "released a statement": None, no event)."""
    key = (lemma.casefold(), object_lemma.casefold())
    return key in OBJECT_TYPES, OBJECT_TYPES.get(key)


def phrasal_type(lemma: str, particle: str) -> EventType | None:
    """The type of a verb with its particle or preposition ("call" + "for" -> DEMAND), or None."""
    return PHRASAL_TYPES.get((lemma.casefold(), particle.casefold()))


def noun_type(lemma: str, modifier: str = "") -> EventType | None:
    """The PLOVER type of an event noun's lemma ("talk", "invasion"), with the modifier right
    before it when there is one ("air" + "raid" -> ASSAULT), or None."""
    return _typed_noun(NOUN_TYPES, lemma, modifier)


def nominal_type(lemma: str, modifier: str = "") -> EventType | None:
    """The PLOVER type of a noun that names an event by itself ("talks", "sanctions"), with the
    modifier right before it when there is one ("air" + "raid" -> ASSAULT), or None."""
    return _typed_noun(NOMINAL_TYPES, lemma, modifier)


def _typed_noun(table: dict[str, EventType], lemma: str, modifier: str) -> EventType | None:
    """`table`'s type of the noun, or its compound's where the pair has one of its own."""
    key = lemma.casefold()
    kind = table.get(key)
    if modifier and kind is not None:
        if key == "strike" and _LASTING.search(modifier):
            return "PROTEST"  # "a two-day strike", "a 48-hour strike": a labour strike
        return COMPOUND_TYPES.get(f"{modifier.casefold()} {key}", kind)
    return kind


# A strike that lasts a stated time is a labour strike: an attack is not counted in days.
_LASTING = re.compile(r"(?:^|-)(?:day|days|hour|hours|week|weeks|month)$")


def quad_of(kind: EventType | None) -> Quad | None:
    """The PLOVER quad class of a type (None for an untyped event)."""
    return None if kind is None else QUAD_OF_TYPE[kind]
