"""Sectors of actors: the common nouns that name an actor, and the agent code each says.

The agent codes are Phoenix/PLOVER's (`shared.models.Agent`). Our lexicon is written here, by
code, as singular lemmas; plurals come from the lemma (`plural`). It was chosen with Phoenix's
agents dictionary as the reference (../shared/corpora/event-dictionaries/Phoenix.agents.txt,
read, not copied) and by what the TimeBank/AQUAINT texts and the demo articles use, and follows
its conventions: a ministry of any kind is GOV (Phoenix's "defence ministry" is GOV·MIL, the
government first), a "court official" JUD, an "army officer" MIL, "government troops" MIL.
Where Phoenix and our brief differ we say so beside the word.

How a phrase gets its code (`agent_of_phrase`): a role noun that says no sector by itself
("official", "officer", "spokesman", "leader") takes the code of its modifier ("army officers"
MIL, "company officials" BUS, "opposition leader" OPP), else its own default if it has one
("officials" GOV, "officers" COP); a noun that names its sector keeps it ("government troops"
MIL, "student protesters" OPP), unless the modifier says the people fight or oppose the state
("rebel soldiers" REB, "opposition lawmakers" OPP).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable

from services.extractor.actors.demonyms import is_demonym
from services.extractor.actors.names import is_role_word
from services.extractor.parse.table import Tok
from shared.models import Agent

# fmt: off
# Nouns that name an actor of one sector, singular lemmas, by code.
# People named with whom they back ("Abacha supporters"): the name says whose side, not who acts.
PARTISANS = frozenset({"supporter", "loyalist", "follower", "partisan"})
# Kin, named by whose they are ("Elian's father", "Lazaro Gonzalez's family").
KIN = frozenset(
    {"father", "mother", "son", "daughter", "wife", "husband", "brother", "sister", "cousin",
     "uncle", "aunt", "nephew", "niece", "grandfather", "grandmother", "grandson",
     "granddaughter", "parent", "relative", "family", "widow"}
)
_NOUNS: dict[Agent, tuple[str, ...]] = {
    "GOV": (
        "government", "administration", "ministry", "minister", "official", "authority",
        "president", "premier", "chancellor", "governor", "mayor", "diplomat", "ambassador",
        "envoy", "embassy", "consulate", "regime", "cabinet", "junta", "negotiator",
        "delegation", "regulator", "bureaucrat", "king", "queen", "monarch", "dictator",
        "councillor", "councilman", "councilwoman", "commissioner", "statesman", "council",
        "commission", "committee",
        # states by their weight: "middle powers", "great powers", "world powers"; states
        # named together ("Western nations", "Gulf Arab countries"; one is named by its name)
        "power", "nation", "country",
    ),
    "MIL": (
        "soldier", "troop", "army", "military", "force", "serviceman", "servicewoman",
        "marine", "sailor", "airman", "paratrooper", "commando", "general", "colonel",
        "commander", "navy", "peacekeeper", "reservist", "conscript", "warplane", "warship",
        "gunship", "bomber",  # Phoenix's: the aircraft ("Russian bombers"); `_PHRASES`
    ),
    "COP": (
        "police", "policeman", "policewoman", "officer", "cop", "detective", "trooper",
        "constable", "sheriff", "gendarme", "investigator",
    ),
    # Phoenix codes lawyers JUD too: they act in the courts, whichever side they are on.
    "JUD": (
        "judge", "court", "prosecutor", "magistrate", "justice", "jury", "juror", "tribunal",
        "judiciary", "lawyer", "attorney",
    ),
    "LEG": (
        "lawmaker", "legislator", "parliament", "congress", "senate", "senator", "congressman",
        "congresswoman", "legislature", "parliamentarian", "mp", "assembly",
    ),
    # "militant", "jihadist": Phoenix has UAF (armed, of no side); news uses them of
    # insurgents.
    "REB": ("rebel", "insurgent", "militant", "guerrilla", "separatist", "jihadist"),
    "UAF": ("gunman", "militia", "militiaman", "terrorist", "fighter", "sniper"),
    "OPP": (
        "protester", "protestor", "demonstrator", "activist", "opposition", "dissident",
        "exile", "campaigner", "marcher", "rioter", "defector", "critic",
    ),
    # Not "people", "person", "man" (Phoenix's own PPL, no sector: "people familiar with");
    # "woman", "child", "victim" are Phoenix's CVL, named mostly as who suffered an act.
    # "expatriate": Phoenix has REF; expatriates chose to live abroad.
    "CVL": (
        "civilian", "resident", "villager", "voter", "citizen", "inhabitant", "bystander",
        "pedestrian", "passenger", "tourist", "settler", "crowd", "mob", "immigrant",
        "emigre", "émigré", "expatriate", "diaspora", "woman", "child", "boy", "girl",
        "teenager", "victim", "hostage", "foreigner",
        # "Abacha supporters": people on someone's side, named with whom they back
        *sorted(PARTISANS),
        # Phoenix's CVL tenant and taxpayers; not customers or consumers, with whom one
        # talks and trades more than one acts ("talking warmly with her customers")
        "tenant", "taxpayer",
        # kin, as Phoenix's MOTHER: named by whose they are ("Elian's father", `commons`)
        *sorted(KIN),
    ),
    "BUS": (
        "company", "firm", "corporation", "bank", "investor", "businessman", "businesswoman",
        "executive", "entrepreneur", "trader", "manufacturer", "retailer", "insurer", "lender",
        "employer", "shareholder", "stockholder", "automaker", "carmaker", "airline",
        "conglomerate", "contractor", "merchant", "broker", "ceo",
    ),
    "MED": (
        "journalist", "reporter", "newspaper", "correspondent", "editor", "broadcaster",
        "photographer", "cameraman", "columnist", "medium", "magazine", "publisher",
    ),
    "EDU": (
        "student", "teacher", "university", "professor", "college", "school", "pupil",
        "lecturer", "academic", "scholar",
    ),
    "HLH": ("doctor", "physician", "nurse", "hospital", "surgeon", "paramedic", "medic", "clinic"),
    # "migrant": Phoenix has CVL; the brief and news read migrants with refugees.
    "REF": ("refugee", "migrant", "evacuee"),
    "NGO": ("charity",),
    # "looter": Phoenix has REB; news uses it of rioters and thieves.
    "CRM": (
        "criminal", "gang", "gangster", "smuggler", "trafficker", "kidnapper", "robber",
        "thief", "murderer", "mafia", "cartel", "pirate", "poacher", "looter", "burglar",
        "hijacker", "assailant", "bandit", "attacker", "shooter", "suspect",
    ),
    "SPY": ("spy", "spymaster"),
    "AGR": ("farmer", "fisherman", "peasant", "rancher", "herder", "grower"),
    "LAB": ("worker", "employee", "unionist", "striker", "laborer", "labourer", "miner"),
    "PTY": ("politician",),
    "ELI": ("oligarch", "aristocrat"),
    "REL": (
        "cleric", "priest", "imam", "rabbi", "bishop", "archbishop", "clergy", "clergyman",
        "monk", "nun", "pastor", "worshipper", "pilgrim", "mullah",
    ),
    "ENV": ("environmentalist", "conservationist"),
}

# Two-word phrases (modifier lemma, head lemma) whose code is not their head's.
_PHRASES: dict[tuple[str, str], Agent] = {
    ("suicide", "bomber"): "REB",  # Phoenix's SUICIDE_BOMBER: who bombs, not an aircraft
    ("attorney", "general"): "GOV", ("secretary", "general"): "GOV",
    ("solicitor", "general"): "GOV", ("inspector", "general"): "GOV",
    ("surgeon", "general"): "GOV", ("consul", "general"): "GOV",
    ("prime", "minister"): "GOV", ("vice", "president"): "GOV",
    ("police", "force"): "COP", ("security", "force"): "COP", ("riot", "police"): "COP",
    ("border", "guard"): "COP", ("prison", "guard"): "COP", ("law", "enforcement"): "COP",
    ("peacekeeping", "force"): "MIL", ("armed", "force"): "MIL", ("special", "force"): "MIL",
    ("air", "force"): "MIL", ("coast", "guard"): "MIL", ("national", "guard"): "MIL",
    ("fighter", "jet"): "MIL", ("state", "medium"): "GOV", ("state", "television"): "GOV",
    ("state", "radio"): "GOV", ("news", "agency"): "MED", ("aid", "worker"): "NGO",
    ("aid", "group"): "NGO", ("aid", "agency"): "NGO", ("relief", "agency"): "NGO",
    ("relief", "worker"): "NGO", ("rights", "group"): "NGO", ("health", "worker"): "HLH",
    ("asylum", "seeker"): "REF", ("trade", "union"): "LAB", ("labor", "union"): "LAB",
    ("labour", "union"): "LAB", ("drug", "lord"): "CRM", ("chief", "executive"): "BUS",
    ("environmental", "group"): "ENV", ("former", "president"): "ELI",
}

# Phrases of a lexicon head that name no actor ("a task force", "the labor force").
_NOT_ACTORS = frozenset(
    {("task", "force"), ("labor", "force"), ("labour", "force"), ("work", "force"),
     ("market", "force"), ("sales", "force"), ("driving", "force"), ("security", "guard")}
)  # fmt: skip
# Modifiers that say a sector ("army officers", "military officials", "company officials").
_MODIFIERS: dict[str, Agent] = {
    "police": "COP", "army": "MIL", "military": "MIL", "naval": "MIL", "navy": "MIL",
    "government": "GOV", "governmental": "GOV", "federal": "GOV", "diplomatic": "GOV",
    "ministry": "GOV", "court": "JUD", "judicial": "JUD", "congressional": "LEG",
    "parliamentary": "LEG", "rebel": "REB", "insurgent": "REB", "guerrilla": "REB",
    "militant": "REB", "separatist": "REB", "opposition": "OPP", "dissident": "OPP",
    "company": "BUS", "corporate": "BUS", "industry": "BUS", "bank": "BUS", "union": "LAB",
    "labor": "LAB", "labour": "LAB", "party": "PTY", "hospital": "HLH", "medical": "HLH",
    "school": "EDU", "university": "EDU", "student": "EDU", "intelligence": "SPY",
    "militia": "UAF", "church": "REL", "religious": "REL", "faith": "REL", "parliament": "LEG",
    "business": "BUS", "administration": "GOV", "coalition": "MIL", "executive": "BUS",
    "financial": "BUS", "operating": "BUS", "fund": "BUS", "thrift": "BUS", "firm": "BUS",
    "airline": "BUS", "exchange": "BUS", "insurance": "BUS", "law-enforcement": "COP",
    "enforcement": "COP", "immigration": "GOV", "customs": "GOV", "election": "GOV",
    "health": "GOV", "tax": "GOV", "transport": "GOV",
    "transportation": "GOV", "defense": "GOV", "defence": "GOV", "security": "GOV",
    "finance": "GOV", "interior": "GOV", "state": "GOV", "city": "GOV",
    "county": "GOV", "town": "GOV", "village": "GOV", "municipal": "GOV", "prison": "COP",
    "border": "COP", "justice": "GOV", "energy": "GOV", "agriculture": "GOV",
    "education": "GOV", "treasury": "GOV", "embassy": "GOV", "cabinet": "GOV",
    "provincial": "GOV",
    # "rights groups", "human rights organisations", "aid groups": non-governmental bodies
    "right": "NGO", "aid": "NGO", "advocacy": "NGO", "humanitarian": "NGO", "charity": "NGO",
}
# fmt: on

# Modifiers that put their people against the state, whatever the head noun says.
_SIDE_TAKERS: frozenset[Agent] = frozenset({"REB", "OPP"})

# Role nouns with no sector of their own: a modifier gives one ("police spokesman" COP), else
# the default here ("officials" GOV, "officers" COP, as Phoenix and news read them alone).
_ROLES: dict[str, Agent | None] = {
    "official": "GOV", "officer": "COP", "commander": "MIL", "negotiator": "GOV",
    "authority": "GOV", "employee": "LAB", "worker": "LAB", "investigator": "COP",
    "spokesman": None, "spokeswoman": None, "spokesperson": None, "leader": None, "chief": None,
    "member": None, "representative": None, "staff": None, "personnel": None, "unit": None,
    "guard": None, "agent": None, "agency": None, "department": None,
    "force": "MIL", "group": None,
    # "a Tanzanian man", "two Afghan nationals": people a nationality names; alone ("people
    # familiar with", "a man") no actor, as Phoenix's PPL has no sector.
    "man": None, "person": None, "people": None, "national": None,
    "other": None,  # "five others were killed": people counted
    # "the board" alone says no sector ("school board" EDU, "county board" GOV).
    "board": None,
}  # fmt: skip

# Bodies rather than people: their actors are organisations, the rest groups.
INSTITUTIONS = frozenset(
    {"government", "administration", "ministry", "embassy", "consulate", "regime", "cabinet",
     "junta", "delegation", "army", "military", "navy", "court", "tribunal", "judiciary",
     "jury", "parliament", "congress", "senate", "legislature", "assembly", "company", "firm",
     "corporation", "bank", "airline", "conglomerate", "newspaper", "magazine", "broadcaster",
     "university", "college", "school", "hospital", "clinic", "charity", "cartel", "mafia",
     "militia", "gang", "agency", "department", "group", "publisher", "council",
     "commission", "committee", "board"}
)  # fmt: skip
# Two-word bodies whose head alone is a person noun ("the coast guard", "a police force").
INSTITUTION_PHRASES = frozenset(
    {("coast", "guard"), ("national", "guard"), ("police", "force"), ("security", "force"),
     ("peacekeeping", "force"), ("air", "force"), ("news", "agency"), ("aid", "agency")}
)  # fmt: skip
# Bodies that "the ..." names again after the article named them ("Nashua Corp. ... the
# company", "the Defence Ministry ... the ministry"): the event reader resolves those, so a
# definite singular one is no actor of its own here.
ANAPHORIC_INSTITUTIONS = frozenset(
    {"ministry", "embassy", "consulate", "company", "firm", "corporation", "bank", "airline",
     "conglomerate", "newspaper", "magazine", "broadcaster", "university", "college",
     "school", "hospital", "clinic", "charity", "agency", "department", "group", "delegation",
     "cartel", "gang", "publisher"}
)  # fmt: skip
# Nouns that name actors only in the plural ("the authorities", "Russian forces"; not "the
# authority to", "the use of force"). Not "businesses": more often units bought and sold.
PLURAL_ONLY = frozenset(
    {"authority", "force", "justice", "medium", "power", "nation", "country"}
)  # fmt: skip
# Nouns with no plural of their own that stand for many people ("the police", "the clergy").
COLLECTIVES = frozenset(
    {"police", "clergy", "military", "staff", "personnel", "opposition", "diaspora",
     "judiciary", "law enforcement"}
)  # fmt: skip
# Sectors through which a state acts: "Russian officials", "Turkish police" are the state's
# (PLOVER codes them with the country first); "Indonesian students" act for themselves.
STATE_AGENTS: frozenset[Agent] = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def _plural(lemma: str) -> str:
    if lemma in COLLECTIVES:
        return lemma
    if lemma == "thief":
        return "thieves"
    if lemma.endswith(("man", "woman")) and lemma not in {"german", "shaman"}:
        return f"{lemma[:-3]}men"
    if lemma.endswith("person"):
        return f"{lemma[:-6]}people"
    if lemma.endswith("y") and lemma[-2:-1] not in set("aeiou"):
        return f"{lemma[:-1]}ies"
    if lemma.endswith(("s", "sh", "ch", "x")):
        return f"{lemma}es"
    if lemma == "medium":
        return "media"
    return f"{lemma}s"


def plural(lemma: str) -> str:
    """The plural of a lexicon noun ("official" -> "officials", "policeman" -> "policemen")."""
    return _plural(lemma.casefold())


def _build() -> tuple[dict[str, Agent | None], dict[str, str]]:
    agents: dict[str, Agent | None] = {}
    for code, nouns in _NOUNS.items():
        for noun in nouns:
            agents.setdefault(noun, code)
    for role, default in _ROLES.items():
        agents[role] = default
    lemma_of = {plural(noun): noun for noun in agents}
    return agents, lemma_of


_AGENT_OF, _LEMMA_OF_PLURAL = _build()


def actor_lemma(lemma: str, lower: str) -> str | None:
    """The lexicon noun a token is (by its lemma, or its plural form when the lemmatiser
    missed it), else None."""
    key = lemma.casefold()
    if key in _AGENT_OF:
        return key
    return _LEMMA_OF_PLURAL.get(lower)


# Nouns of people that a nationality makes civilians ("a Tanzanian man", "Afghan nationals").
NATIONALS = frozenset({"man", "person", "people", "national", "other"})


def is_role(lemma: str) -> bool:
    """A role noun that says no sector by itself ("official", "spokesman", "leader")."""
    return lemma in _ROLES


def modifier_agent(word: str) -> Agent | None:
    """The sector a modifier says ("army" MIL in "army officers"), else None."""
    return _MODIFIERS.get(word.casefold())


def agent_of_phrase(
    head: str, modifiers: Iterable[str] = (), unknown: Iterable[str] = ()
) -> Agent | None:
    """The code of a phrase with lexicon noun `head` (a lemma) and its modifier lemmas, nearest
    last (module docstring). `unknown` are other nouns that modify it: a role noun they modify
    says no sector ("crane officials", "fund officials" are a company's); none of "forces"
    ("market forces") or "task force" either."""
    words = [m.casefold() for m in modifiers]
    if words and (code := _PHRASES.get((words[-1], head))) is not None:
        return code
    if words and (words[-1], head) in _NOT_ACTORS:
        return None
    if head in _ROLES and _ROLES[head] != "LAB" and any(w not in _MODIFIERS for w in unknown):
        return None  # not "tech workers", "auto workers": workers of a trade all the same
    said = [code for word in words if (code := _MODIFIERS.get(word)) is not None]
    taken = [code for code in said if code in _SIDE_TAKERS]
    if taken:
        return taken[-1]
    if head in _ROLES and said:
        return said[-1]
    return _AGENT_OF.get(head)


# Titles before a person's name and the code each says (a role word of the lexicon says its
# own: "Senator", "Judge"). Only titles that say a sector in news: not "Dr." (a degree) or
# "Sgt." (police and army both).
_TITLES: dict[str, Agent] = {
    "gen": "MIL", "col": "MIL", "lt": "MIL", "adm": "MIL", "admiral": "MIL", "maj": "MIL",
    "brig": "MIL", "marshal": "MIL", "sen": "LEG", "rep": "LEG", "gov": "GOV",
    "secretary": "GOV", "prince": "GOV", "princess": "GOV", "emir": "GOV", "sultan": "GOV",
    "pope": "REL", "rev": "REL", "reverend": "REL", "cardinal": "REL", "ayatollah": "REL",
    "tycoon": "BUS", "det": "COP", "insp": "COP",
}  # fmt: skip
# Words of a title's tenure, no role themselves ("Bangladesh's interim leader", "acting Prime
# Minister"): the walk back over a title goes on past them.
_TENURE = frozenset(
    {"interim", "acting", "caretaker", "new", "incoming", "outgoing", "transitional",
     "longtime", "ousted", "exiled", "late", "former", "then"}
)  # fmt: skip
# Lexicon nouns that are no title before a name ("a business deal", "the force of").
_NO_TITLE = frozenset({"force", "business", "medium", "unit", "source", "group", "staff"})


def is_title_word(token: Tok) -> bool:
    """Whether a token before a name may be a word of its title ("Russian", "Defence",
    "Minister", "Gen.", "top", "opposition")."""
    if token.pos_ in {"PUNCT", "SPACE", "DET", "ADP", "NUM", "VERB", "AUX", "PRON"}:
        return False
    word = token.lower_.strip(".")
    return (
        word in _TITLES
        or word in _TENURE
        or word in _AGENT_OF
        or word in _MODIFIERS
        or is_role_word(token.text)
        or is_demonym(token.text)
    )


def agent_of_title(words: list[str]) -> Agent | None:
    """The code the title words before a name say ("Russian Defence Minister" GOV, "Gen." MIL,
    "opposition leader" OPP, "Judge" JUD), the last role word heading them; None when none."""
    bare = [w.strip(".,").casefold() for w in words]
    for i in range(len(bare) - 1, -1, -1):
        word = bare[i]
        if word in _NO_TITLE:
            continue
        lemma = word if word in _AGENT_OF else _LEMMA_OF_PLURAL.get(word)
        if lemma is not None:
            code = agent_of_phrase(lemma, bare[:i])
            if code is not None:
                return code
        if word in _TITLES:
            return _TITLES[word]
    return None


# The last word of an organisation's name and the code it says ("the Defence Ministry" GOV,
# "the Supreme Court" JUD, "Sheba Hospital" HLH). Not "bank" ("World Bank", central banks),
# "union" ("European Union") or "assembly" (the UN's): the head alone does not say which.
_ORGANISATION_HEADS: dict[str, Agent] = {
    "ministry": "GOV", "department": "GOV", "administration": "GOV", "government": "GOV",
    "cabinet": "GOV", "embassy": "GOV", "consulate": "GOV", "court": "JUD", "tribunal": "JUD",
    "parliament": "LEG", "congress": "LEG", "senate": "LEG", "legislature": "LEG",
    "army": "MIL", "navy": "MIL", "military": "MIL", "marines": "MIL", "guard": "MIL",
    "brigade": "MIL", "regiment": "MIL", "battalion": "MIL", "police": "COP",
    "constabulary": "COP", "university": "EDU", "college": "EDU", "school": "EDU",
    "academy": "EDU", "hospital": "HLH", "clinic": "HLH", "party": "PTY", "airlines": "BUS",
    "airline": "BUS", "corp": "BUS", "corporation": "BUS", "inc": "BUS", "ltd": "BUS",
    "plc": "BUS", "llc": "BUS", "co": "BUS", "company": "BUS", "newspaper": "MED",
    "television": "MED", "tv": "MED", "radio": "MED", "broadcasting": "MED",
}  # fmt: skip
# Words of a name that say its sector wherever they stand ("Air Force", "Armed Forces").
_ORGANISATION_PHRASES: dict[tuple[str, str], Agent] = {
    ("air", "force"): "MIL", ("armed", "forces"): "MIL", ("news", "agency"): "MED",
    ("intelligence", "agency"): "SPY", ("intelligence", "service"): "SPY",
    ("security", "service"): "SPY",
}  # fmt: skip


# News outlets the news quotes and is interviewed by, whose names say no sector: wires,
# broadcasters, papers (MED). Our list; "spoke to Reuters" is an interview, no consultation.
NEWS_OUTLETS = frozenset(
    {"reuters", "ap", "associated press", "the associated press", "afp", "agence france-presse",
     "agence france presse", "bloomberg", "bloomberg news", "cnn", "bbc", "bbc news",
     "al jazeera", "xinhua", "tass", "interfax", "ria novosti", "politico", "axios", "nbc",
     "nbc news", "cbs", "cbs news", "abc", "abc news", "fox news", "msnbc", "npr", "sky news",
     "euronews", "kyodo", "yonhap", "irna", "anadolu", "anadolu agency", "wafa", "dpa",
     "the new york times", "new york times", "the washington post", "washington post",
     "the guardian", "financial times", "the financial times", "the wall street journal",
     "wall street journal", "the times", "the telegraph", "the economist", "time",
     "middle east eye", "dawn", "the hindu", "haaretz", "the times of israel", "le monde",
     "der spiegel", "al arabiya", "press tv", "rt", "cgtn", "nhk", "ani", "pti"}
)  # fmt: skip


@functools.lru_cache(maxsize=4096)  # names recur within and across articles
def agent_of_organisation(name: str) -> Agent | None:
    """The code an organisation's own name says by its head noun ("Russian Defence Ministry"
    GOV, "Ministry of Defence" GOV, "Supreme Court" JUD), or a news outlet's (MED), else
    None."""
    if name.strip().casefold() in NEWS_OUTLETS:
        return "MED"
    words = [w.strip(".,'’").casefold() for w in name.split()]
    words = [w for w in words if w]
    if not words:
        return None
    # "Ministry of Defence": the word before "of".
    head = words[words.index("of", 1) - 1] if "of" in words[1:] else words[-1]
    for pair in itertools.pairwise(words):
        if pair in _ORGANISATION_PHRASES:
            return _ORGANISATION_PHRASES[pair]
    return _ORGANISATION_HEADS.get(head)
