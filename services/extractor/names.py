"""Personal names: titles and possessives off ("President Vladimir Putin‘s" -> "Vladimir Putin").

Titles come from nameparser's list of some 800 honorifics and offices, plus the role nouns news
puts before names that it lacks; given names from Faker's per-locale first-name lists
(`given_names`).
"""

from __future__ import annotations

import functools
import importlib.metadata
import logging
import os
import re
from pathlib import Path

from services.extractor import gazetteer_cache
from services.extractor.demonyms import is_demonym
from services.extractor.given_names import is_given_name

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

logger = logging.getLogger(__name__)


def _titles_from_nameparser() -> frozenset[str]:
    from nameparser.config import CONSTANTS  # deferred: importing nameparser costs ~40 ms

    return frozenset(CONSTANTS.titles)


def _read_titles(path: Path) -> frozenset[str] | None:
    try:
        return frozenset(path.read_text(encoding="utf-8").split("\n"))
    except (OSError, UnicodeDecodeError):
        return None


def _write_titles(path: Path, titles: frozenset[str]) -> None:
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary.write_text("\n".join(sorted(titles)), encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        logger.info("titles cache %s not written: %s", path, exc)


# Where `titles` keeps its copy unless told otherwise (~/.cache/newsflow).
_DEFAULT_CACHE = gazetteer_cache.default_cache_dir()


@functools.cache
def titles(cache_dir: Path | None = _DEFAULT_CACHE) -> frozenset[str]:
    """nameparser's titles (lower case, no dots), read once per process.

    Importing nameparser takes ~40 ms of every start, for one set of words: the set is kept
    in the user's cache directory (beside the gazetteer's), one file per nameparser version,
    and read from there when present.
    """
    if cache_dir is None:
        return _titles_from_nameparser()
    try:
        version = importlib.metadata.version("nameparser")
    except importlib.metadata.PackageNotFoundError:
        return _titles_from_nameparser()
    path = cache_dir / f"nameparser-titles-{version}.txt"
    cached = _read_titles(path)
    if cached:
        return cached
    found = _titles_from_nameparser()
    _write_titles(path, found)
    return found


# Words that join a multi-word title ("Secretary of State") and go with it.
_TITLE_JOINERS = frozenset({"of", "the", "for", "and"})

# A possessive ending in any of the apostrophes news text uses.
_POSSESSIVE = re.compile(r"(?:['’‘`´][sS]?|[sS]['’])$")

# Suffixes that are not the surname ("Martin Luther King Jr.").
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _bare(word: str) -> str:
    return word.strip(".,").casefold()


def is_role_word(word: str) -> bool:
    """A title or role noun that may stand before a name ("President", "envoy", "Mr")."""
    bare = _bare(word)
    # nameparser's own membership test: lower case, outer dots stripped.
    return bare.lower().strip(".") in titles() or bare in _EXTRA_ROLES


def possessive_suffix_length(text: str) -> int:
    """How many characters at the end of `text` are a possessive ending ("Putin‘s" -> 2).

    A plural possessive ("officials’") keeps its "s": only the apostrophe goes.
    """
    match = _POSSESSIVE.search(text)
    if match is None or match.start() == 0:
        return 0
    suffix = match.group(0)
    return 1 if suffix[0] in "sS" else len(suffix)


def strip_possessive(text: str) -> str:
    cut = possessive_suffix_length(text)
    return text[: len(text) - cut] if cut else text


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
    return " ".join(words[leading_title_words(words) :])


def has_organisation_head(name: str) -> bool:
    """Whether `name` ends in a noun or legal form only organisations end in ("Warsaw Pact",
    "Stroh Brewery Co.": yes)."""
    words = name.split()
    if len(words) < 2:
        return False
    last = words[-1].replace(".", "").casefold()
    return last in _ORGANISATION_HEADS or last in _LEGAL_FORMS


# Legal forms and holding words after a company's name, which short references leave out:
# "Nashua Corp." is "Nashua", "Ratners Group PLC" is "Ratners" (compared without dots).
_LEGAL_FORMS = frozenset(
    {"ag", "bv", "co", "corp", "cos", "gmbh", "group", "holdings", "inc", "llc", "lp", "ltd"}
    | {"nv", "plc", "sa", "spa"}
)
# Words that open many organisations' names and are no short name of any one of them.
_GENERIC_OPENERS = frozenset(
    {"first", "general", "federal", "international", "national", "new", "royal", "united"}
)


def organisation_short_names(name: str) -> set[str]:
    """The one-word names a text may call an organisation by later: "Nashua" for "Nashua
    Corp.", "Weisfield" for "Weisfield's Inc.", "Crossland" for "Crossland Savings Bank".

    Only names with a legal form or an organisation's head noun have them; the caller rules
    out words that are also places or people.
    """
    words = strip_possessive(name).split()
    legal = 0
    while len(words) > 1 and words[-1].replace(".", "").casefold() in _LEGAL_FORMS:
        words.pop()
        legal += 1
    if not legal and not has_organisation_head(name):
        return set()
    first = strip_possessive(words[0])
    if len(words) > 1 and (_bare(first) in _GENERIC_OPENERS or is_role_word(first)):
        return set()
    return {first} if first[:1].isupper() else set()


def surname(name: str) -> str:
    """The word a later bare mention uses ("Vladimir Putin" -> "Putin")."""
    words = [w for w in name.split() if _bare(w) not in _SUFFIXES] or name.split()
    return words[-1] if words else name


def has_known_given_name(name: str) -> bool:
    """Whether the first word of `name` is a known given name ("Rustem Umerov": yes)."""
    words = name.split()
    if len(words) < 2:
        return False
    return is_given_name(words[0])
