"""PLOVER event types from trigger words (Halterman et al., PLOVER codebook, 2023).

Two tables: `VERB_TYPES` maps a trigger verb's lemma to its PLOVER category; `NOUN_TYPES`
maps an event noun to one, used when the verb is a light verb that only carries the noun
("held talks", "launched an invasion", "imposed sanctions"). Lemmas are spaCy's (lower case).
A verb in neither table gives an untyped event (`type` null), as the contract allows.

| type | verbs (selection) | nouns after a light verb |
|---|---|---|
| AGREE | agree, sign, accept, ratify, settle | agreement, deal, accord, truce |
| CONSULT | meet, talk, discuss, visit, negotiate, host, call | talks, meeting, summit, visit |
| SUPPORT | support, praise, endorse, back, welcome, thank | support |
| CONCEDE | concede, apologize, yield, cede, release, ease | concession, apology |
| COOPERATE | cooperate, collaborate, ally, partner | cooperation, exercise |
| AID | aid, donate, supply, provide, fund, help, rescue | aid, assistance, funding |
| RETREAT | withdraw, retreat, evacuate, pull | withdrawal, retreat, ceasefire |
| INVESTIGATE | investigate, probe, inspect, examine, question | investigation, probe, inquiry |
| DEMAND | demand, urge, press, call (for), insist (on), ask | demand, ultimatum, appeal |
| DISAPPROVE | criticise, condemn, denounce, accuse, blame, sue | criticism, condemnation |
| REJECT | reject, refuse, deny, veto, decline, boycott | rejection, veto, boycott |
| THREATEN | threaten, warn | threat, warning |
| SANCTION | sanction, embargo, expel, ban, suspend, freeze | sanctions, embargo, ban, tariff |
| PROTEST | protest, demonstrate, march, rally, strike (labour) | protest, rally, hunger strike |
| CRIME | steal, murder, rob, kidnap, smuggle, bribe, hack | theft, murder, robbery |
| MOBILIZE | deploy, mobilize, mobilise, mass, station | mobilization, deployment |
| COERCE | arrest, detain, force, seize (people), deport, jail | arrest, crackdown, raid |
| ASSAULT | attack, strike, bomb, shell, invade, kill, capture | attack, invasion, air raid |

"strike" is read as ASSAULT: in international news it is far more often a military strike
than a labour one.

`NOMINAL_TYPES` is the subset of the noun table whose nouns name an event on their own, with no
light verb ("talks between Russia and Ukraine", "U.S. sanctions on Russia", "an attack on Kyiv");
`nouns` reads them. Left out, because alone they more often name something else: "call"
(a call for / a phone call), "package", "exercise" (also an exercise of rights), "support" (mostly
material, so AID, or public opinion), "settlement" (also a colony), "appeal" (also in court),
"rally" (also a campaign or market rally), "march", "demand" (mostly economic: "demand for
American exports") and "compromise" (a compromise between two sides is an agreement, not a
concession).

A modifier can change what the noun names: an "air raid" is an assault, not a police raid, and a
"hunger strike" a protest, not a military strike. `COMPOUND_TYPES` keys such nouns on the
modifier and the noun ("air raid"); `noun_type` and `nominal_type` take the modifier and look the
pair up before the noun alone. Each pair's noun is in the noun table, so a reader need only look
for a modifier once the noun is an event noun.

Look words up with the functions below (`verb_type`, `noun_type`, `nominal_type`, ...), which
casefold them, rather than in the tables: the readers and the tests then take one path.
"""

from __future__ import annotations

from shared.models import QUAD_OF_TYPE, EventType, Quad

_VERBS: dict[EventType, tuple[str, ...]] = {
    "AGREE": ("agree", "sign", "accept", "ratify", "settle", "approve", "pledge"),
    "CONSULT": (
        "meet", "talk", "discuss", "visit", "negotiate", "host", "consult", "confer",
        "mediate", "inform", "brief", "call", "phone", "telephone",
    ),
    "SUPPORT": (
        "support", "praise", "endorse", "back", "welcome", "thank", "commend", "applaud",
        "congratulate", "defend", "hail",
    ),
    "CONCEDE": (
        "concede", "apologize", "apologise", "yield", "cede", "release", "ease", "relent",
        "compromise", "pardon", "free",
    ),
    "COOPERATE": ("cooperate", "collaborate", "ally", "partner", "coordinate", "join"),
    "AID": (
        "aid", "donate", "supply", "provide", "fund", "help", "rescue", "assist", "finance",
        "arm", "shelter",
    ),
    "RETREAT": ("withdraw", "retreat", "evacuate", "pull", "demobilize", "disarm"),
    "INVESTIGATE": (
        "investigate", "probe", "inspect", "examine", "question", "interrogate", "audit",
    ),
    "DEMAND": ("demand", "urge", "press", "insist", "ask", "appeal", "request"),
    "DISAPPROVE": (
        "criticise", "criticize", "condemn", "denounce", "accuse", "blame", "sue", "rebuke",
        "censure", "deplore", "slam", "decry", "assail", "object", "chide", "scold",
    ),
    "REJECT": (
        "reject", "refuse", "deny", "veto", "decline", "boycott", "dismiss", "rebuff", "resist",
    ),
    "THREATEN": ("threaten", "warn", "menace"),
    "SANCTION": (
        "sanction", "embargo", "expel", "ban", "suspend", "freeze", "blacklist", "penalize",
    ),
    "PROTEST": ("protest", "demonstrate", "march", "rally", "riot"),
    "CRIME": ("steal", "murder", "rob", "kidnap", "smuggle", "bribe", "hack", "loot", "defraud"),
    "MOBILIZE": ("deploy", "mobilize", "mobilise", "mass", "station", "reinforce"),
    "COERCE": (
        "arrest", "detain", "force", "deport", "jail", "imprison", "raid", "censor", "torture",
    ),
    "ASSAULT": (
        "attack", "strike", "bomb", "shell", "invade", "kill", "capture", "seize", "occupy",
        "fire", "shoot", "assault", "raze", "destroy", "wound", "ambush", "target", "hit",
    ),
}  # fmt: skip

_NOUNS: dict[EventType, tuple[str, ...]] = {
    "AGREE": ("agreement", "deal", "accord", "truce", "treaty", "pact", "settlement", "armistice"),
    "CONSULT": (
        "talk", "meeting", "summit", "visit", "negotiation", "discussion", "consultation", "call",
    ),
    "SUPPORT": ("support", "endorsement"),
    "CONCEDE": ("concession", "apology", "compromise"),
    "COOPERATE": ("cooperation", "exercise", "partnership"),
    "AID": ("aid", "assistance", "funding", "loan", "package"),
    "RETREAT": ("withdrawal", "retreat", "ceasefire", "evacuation"),
    "INVESTIGATE": ("investigation", "probe", "inquiry", "inspection"),
    "DEMAND": ("demand", "ultimatum", "appeal"),
    "DISAPPROVE": (
        "criticism", "condemnation", "complaint", "lawsuit", "accusation", "objection",
    ),
    "REJECT": ("rejection", "veto", "boycott"),
    "THREATEN": ("threat", "warning"),
    "SANCTION": ("sanction", "embargo", "ban", "tariff", "restriction", "expulsion"),
    "PROTEST": ("protest", "demonstration", "rally", "march"),
    "CRIME": ("theft", "murder", "robbery", "kidnapping", "fraud"),
    "MOBILIZE": ("mobilization", "mobilisation", "deployment"),
    "COERCE": ("arrest", "crackdown", "raid", "detention", "deportation"),
    "ASSAULT": (
        "attack", "invasion", "offensive", "strike", "bombing", "assault", "airstrike",
        "shelling", "bombardment", "incursion",
    ),
}  # fmt: skip

# Modifier and event noun whose type differs from the noun's alone (see the module docstring).
COMPOUND_TYPES: dict[str, EventType] = {
    "air raid": "ASSAULT",
    "bombing raid": "ASSAULT",
    "hunger strike": "PROTEST",
    "general strike": "PROTEST",
    "labor strike": "PROTEST",
    "labour strike": "PROTEST",
}

# Event nouns too vague to name an event without a light verb (see the module docstring).
_NEEDS_A_LIGHT_VERB = frozenset(
    {"call", "package", "exercise", "support", "settlement", "appeal", "rally", "march",
     "compromise", "demand"}
)  # fmt: skip

# Verbs that carry the event of their object noun instead of one of their own.
LIGHT_VERBS = frozenset(
    {
        "hold", "have", "launch", "conduct", "begin", "start", "open", "stage", "impose",
        "reach", "make", "take", "attend", "carry", "mount", "resume", "announce", "give",
        "offer", "seal", "unveil", "host", "join", "file", "wrap", "conclude",
    }
)  # fmt: skip

# Verb plus particle or preposition whose type differs from the bare verb's ("call for").
PHRASAL_TYPES: dict[tuple[str, str], EventType] = {
    ("call", "for"): "DEMAND",
    ("call", "on"): "DEMAND",
    ("pull", "out"): "RETREAT",
    ("pull", "back"): "RETREAT",
    ("back", "down"): "CONCEDE",
    ("step", "down"): "CONCEDE",
    ("crack", "down"): "COERCE",
    ("speak", "with"): "CONSULT",
    ("speak", "to"): "CONSULT",
    ("sit", "down"): "CONSULT",
    ("lash", "out"): "DISAPPROVE",
    ("hand", "over"): "CONCEDE",
    ("turn", "down"): "REJECT",
    ("charge", "with"): "DISAPPROVE",
}

VERB_TYPES: dict[str, EventType] = {
    lemma: kind for kind, lemmas in _VERBS.items() for lemma in lemmas
}
NOUN_TYPES: dict[str, EventType] = {
    lemma: kind for kind, lemmas in _NOUNS.items() for lemma in lemmas
}
NOMINAL_TYPES: dict[str, EventType] = {
    lemma: kind for lemma, kind in NOUN_TYPES.items() if lemma not in _NEEDS_A_LIGHT_VERB
}

# Types that describe a cooperative act: a negated one ("will not cede") is a refusal.
COOPERATIVE_TYPES = frozenset(
    kind for kind, quad in QUAD_OF_TYPE.items() if quad.endswith("cooperation")
)


def verb_type(lemma: str) -> EventType | None:
    """The PLOVER type of a trigger verb's lemma, or None."""
    return VERB_TYPES.get(lemma.casefold())


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
        return COMPOUND_TYPES.get(f"{modifier.casefold()} {key}", kind)
    return kind


def quad_of(kind: EventType | None) -> Quad | None:
    """The PLOVER quad class of a type (None for an untyped event)."""
    return None if kind is None else QUAD_OF_TYPE[kind]
