"""Personal names: titles and possessives off ("President Vladimir Putin‘s" -> "Vladimir Putin").

Titles come from nameparser's list of some 800 honorifics and offices, plus the role nouns news
puts before names that it lacks; given names from Faker's per-locale first-name lists
(`given_names`).
"""

from __future__ import annotations

import functools

from services.extractor.actors.demonyms import is_demonym
from services.extractor.actors.given_names import is_given_name
from services.extractor.parse.words import strip_possessive

# Role nouns that precede names in news copy but are missing from nameparser's titles.
_EXTRA_ROLES = frozenset(
    {
        "negotiator",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "advisor",
        "official",
        "tycoon",
        "mr",
        "ms",
        "mrs",
        "top",
        "former",
        "acting",
        "incoming",
        "outgoing",
        "then",
        "opposition",
        "national",
        "security",
        "defence",
        "defense",
        "interior",
        "finance",
    }
)

# Head nouns that make a name an organisation whatever the model's label ("Warsaw Pact",
# "Labour Party", "Metropolitan Police"): the last word of the name, compared in lower case.
_ORGANISATION_HEADS = frozenset(
    {
        "administration",
        "agency",
        "airlines",
        "alliance",
        "army",
        "assembly",
        "association",
        "authority",
        "bank",
        "board",
        "brigade",
        "bureau",
        "cabinet",
        "cathedral",
        "clinic",
        "command",
        "commission",
        "committee",
        "company",
        "congress",
        "corp",
        "corporation",
        "council",
        "court",
        "department",
        "federation",
        "forces",
        "foundation",
        "front",
        "fund",
        "government",
        "group",
        "guard",
        "hospital",
        "inc",
        "institute",
        "league",
        "ltd",
        "marines",
        "ministry",
        "movement",
        "museum",
        "navy",
        "network",
        "organisation",
        "organization",
        "pact",
        "parliament",
        "party",
        "police",
        "school",
        "senate",
        "service",
        "union",
        "university",
    }
)


@functools.cache
def titles() -> frozenset[str]:
    """nameparser's titles (lower case, no dots), read once per process on first use.

    Importing nameparser costs ~30 ms of CPU once per process; a copy kept on disk saved that
    (issue 15 measured 26-29 ms), below the noise of a start-up of ~1.5 s CPU, so there is none.
    """
    from nameparser.config import CONSTANTS  # deferred: only the first name read needs it

    return frozenset(CONSTANTS.titles)


# Words that join a multi-word title ("Secretary of State") and go with it.
_TITLE_JOINERS = frozenset({"of", "the", "for", "and"})

# Suffixes that are not the surname ("Martin Luther King Jr.").
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# The same suffixes as a tokenised text writes them: a word of the name before them.
GENERATIONS = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})


def _bare(word: str) -> str:
    return word.strip(".,").casefold()


# Titles a monarch, prince or pope is known by with one name ("King Hussein").
REGNAL_TITLES = frozenset(
    {"king", "queen", "prince", "princess", "pope", "sheikh", "sheik", "emir", "sultan"}
)
# Titles that only stand before a person's name (a narrower set than `is_role_word`'s): a
# one-word "place" right after one is the person ("President Bush", "Mr. Reno").
HONORIFICS = REGNAL_TITLES | {
    "president", "mr", "mrs", "ms", "sen", "senator", "gov", "governor", "rep", "dr",
    "chancellor", "premier", "secretary", "minister", "ambassador", "judge", "mayor",
    "chairman", "ayatollah", "gen", "col", "adm", "sgt", "lt",
}  # fmt: skip


# Words an article reads again and again ("President", "Mr."): each decided once. Bounded,
# so that a service running for weeks keeps its memory flat; 0.5 µs saved a call.
@functools.lru_cache(maxsize=1 << 16)
def is_role_word(word: str) -> bool:
    """A title or role noun that may stand before a name ("President", "envoy", "Mr")."""
    bare = _bare(word)
    # nameparser's own membership test: lower case, outer dots stripped.
    return bare.lower().strip(".") in titles() or bare in _EXTRA_ROLES


def leading_title_words(words: list[str]) -> int:
    """How many leading words are titles, role nouns or demonyms (always leaving one word)."""
    count = 0
    while count < len(words) - 1:
        word = words[count]
        joiner = _bare(word) in _TITLE_JOINERS and count > 0 and is_role_word(words[count + 1])
        if not (joiner or is_role_word(word) or is_demonym(word)):
            break
        count += 1
    return count


def canonical_person(text: str) -> str:
    """The bare name: no title, demonym or possessive ("Russian President Putin’s" -> "Putin")."""
    words = strip_possessive(text.strip()).split()
    if not words:
        return text.strip()
    # "Frank Sinatra, Jr." is "Frank Sinatra Jr.": the comma only sets the suffix off.
    words = [
        w[:-1] if w.endswith(",") and i + 1 < len(words) and words[i + 1] in GENERATIONS else w
        for i, w in enumerate(words)
    ]
    return " ".join(words[leading_title_words(words) :])


def generation(name: str) -> str | None:
    """The generational suffix ending `name` ("Jr" of "Robert F. Kennedy Jr."), or None."""
    words = name.split()
    last = _bare(words[-1]) if len(words) > 1 else ""
    return last if last in _SUFFIXES else None


def has_organisation_head(name: str) -> bool:
    """Whether `name` ends in a noun or legal form only organisations end in ("Warsaw Pact",
    "Stroh Brewery Co.": yes; "Zaldy Co", a surname without the form's dot: no)."""
    words = name.split()
    if len(words) < 2:
        return False
    return words[-1].replace(".", "").casefold() in _ORGANISATION_HEADS or is_legal_form(words[-1])


# Legal forms after a company's name, which short references leave out ("Nashua Corp." is
# "Nashua"). Some are also surnames ("Co", "Sa"): those count only written as forms are, with
# their dots or in capitals ("Co.", "S.A.", "AG").
_LEGAL_FORMS = frozenset({"corp", "gmbh", "holdings", "inc", "llc", "ltd", "plc"})
_DOTTED_LEGAL_FORMS = frozenset({"ag", "bv", "co", "cos", "lp", "nv", "sa", "spa"})
# Company-name heads that short references also leave out ("Ratners Group PLC" is "Ratners",
# "Crossland Savings Bank" is "Crossland").
_COMPANY_HEADS = frozenset(
    {"airlines", "airways", "bank", "group", "holdings", "industries", "systems", "technologies",
     "pharmaceuticals", "motors", "communications", "networks", "enterprises", "partners",
     "securities", "software", "stores", "brands", "foods", "resources", "petroleum"}
)  # fmt: skip
# Words that open many organisations' names and are no short name of any one of them.
_GENERIC_OPENERS = frozenset(
    {"bank", "first", "general", "federal", "international", "national", "new", "royal"}
    | {"united"}
)


def is_legal_form(word: str) -> bool:
    """ "Inc.", "Corp", "PLC", "Co.", "S.A.", "AG"; not "Co" or "Sa" (also surnames)."""
    bare = word.replace(".", "").casefold()
    if bare in _LEGAL_FORMS:
        return True
    return bare in _DOTTED_LEGAL_FORMS and ("." in word or (len(word) > 1 and word.isupper()))


def _is_initial(word: str) -> bool:
    return "." in word and len(word.replace(".", "")) <= 2


def organisation_short_names(name: str) -> set[str]:
    """The one-word names a text may call a company by later: "Nashua" for "Nashua Corp.",
    "Weisfield" for "Weisfield's Inc.", "Crossland" for "Crossland Savings Bank".

    Only names with a legal form or a company head have them (not "Trump Organization" or
    "Clinton Foundation", whose first word is a person's name more often than theirs), and not
    a first word that is an initial or generic; the caller rules out words that are also
    places or people in the article, or that stand after a title ("President Trump").
    """
    words = strip_possessive(name).split()
    if words and words[0].casefold() == "the":
        words = words[1:]
    company = False
    while len(words) > 1 and (is_legal_form(words[-1]) or words[-1].casefold() in _COMPANY_HEADS):
        words.pop()
        company = True
    if not company or not words:
        return set()
    first = strip_possessive(words[0])
    if _bare(first) in _GENERIC_OPENERS or is_role_word(first) or _is_initial(first):
        return set()
    return {first} if first[:1].isupper() else set()


def acronym(name: str) -> str | None:
    """The initials a text may call a body of several capitalised words by: "EU" for
    "European Union", "SCO" for "Shanghai Cooperation Organization" (the small words "of",
    "the", "and", "for" left out); None for a name of fewer than two such words."""
    words = [w for w in strip_possessive(name).split() if w.casefold() not in _ACRONYM_SKIPS]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return "".join(w[0] for w in words)


# Words an acronym leaves out ("Organisation of Islamic Cooperation": OIC).
_ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "on", "in", "&"})


def without_initials(name: str) -> list[str]:
    """The words of `name` that are no initials ("Gabrielle M. Union": Gabrielle, Union)."""
    return [w for w in name.split() if not _is_initial(w)]


def surname(name: str) -> str:
    """The word a later bare mention uses ("Vladimir Putin" -> "Putin")."""
    words = [w for w in name.split() if _bare(w) not in _SUFFIXES] or name.split()
    return words[-1] if words else name


def particle_surname(name: str) -> str | None:
    """The surname with the particles before it that a later mention keeps ("Ursula von der
    Leyen" -> "von der Leyen"), or None when the name has none."""
    words = [w for w in name.split() if _bare(w) not in _SUFFIXES]
    first = len(words) - 1
    while first > 1 and words[first - 1].casefold() in NAME_PARTICLES:
        first -= 1
    return " ".join(words[first:]) if first < len(words) - 1 else None


# Words inside a person's name before the surname ("von der Leyen", "bin Salman").
NAME_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "da", "di", "del", "della", "du", "le", "la", "bin",
     "ibn", "al", "el", "ter", "ten", "zu", "dos", "das"}
)  # fmt: skip


def has_known_given_name(name: str) -> bool:
    """Whether the first word of `name` is a known given name ("Rustem Umerov": yes)."""
    words = name.split()
    if len(words) < 2:
        return False
    return is_given_name(words[0])
