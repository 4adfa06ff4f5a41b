"""Named-entity spans read from a parsed article, trimmed and with spaCy's clearest errors fixed.

Shared by `actors` and `geocode`. Each candidate's character span is trimmed of a leading
"the" and a trailing possessive ("Trump’s" -> "Trump"), so `text[start:end]` is the name itself.
A person's name the model cut at a particle takes the particles and the surname after it
("Ursula von" of "Ursula von der Leyen", whose "Leyen" it tagged a place). A country's or a
national capital's own name the model left untagged is that place ("Officials met. Denmark sent
more troops", "Russia attacked Kyiv"; not one that is also a given name, "Chad", "Paris"). A
name the model cut before its generational suffix takes it ("Frank Sinatra, Jr."; a "Jr." it
made a name of its own joins the name before), an
organisation's name loses an unclosed short form ("the Shanghai Cooperation Organization
(SCO") and what comes before the quote mark opening it ("Trump’s ‘Board of Peace"), and a
ship's name is no one's ("the U.S.S. Abraham Lincoln").
Label repairs made here (the person/organisation vote is left to `actors`):
- a demonym ("Ukrainian", tagged GPE) is NORP;
- a "person" whose name is a gazetteer country or large city ("Kyiv") is GPE, unless it is a
  name or surname of a person the article names in full;
- a "place" that is no gazetteer name but a word of a person named in full ("Scholz") is PERSON;
- an "organisation" after a locative preposition that the gazetteer knows ("from Bakhmut") is GPE;
- a "person", "people" or "organisation" that a region word makes a first-level region ("the
  Donetsk Oblast", "the Kherson region") is GPE;
- a "place" the gazetteer lacks that acts or is acted on as an actor ("Alibaba cut jobs",
  "investigate Burisma") is ORG; the plural of a surname of a person named in full ("the
  Bidens") is a group.
"""

from __future__ import annotations

import dataclasses
import re

import numpy
from spacy.attrs import ORTH, TAG
from spacy.tokens import Doc, Span, Token

from services.extractor.actors.agents import INSTITUTIONS, NEWS_OUTLETS
from services.extractor.actors.demonyms import is_demonym
from services.extractor.actors.given_names import is_given_name
from services.extractor.actors.names import (
    GENERATIONS,
    HONORIFICS,
    NAME_PARTICLES,
    canonical_person,
    is_role_word,
    organisation_short_names,
)
from services.extractor.parse.candidates import Candidate, sentence_of_tokens
from services.extractor.parse.dateline import find_dateline
from services.extractor.parse.words import possessive_suffix_length
from services.extractor.places.gazetteer import MIN_POPULATION_TO_OVERRULE_PERSON, Gazetteer
from services.extractor.places.names import (
    PLACE_PREPOSITIONS,
    WATER_WORDS,
    region_core,
    region_word_around,
)
from services.extractor.timex.lexicon import MONTHS, TIME_ZONE, WEEKDAYS

# The labels Newsflow reads; others (DATE, MONEY, ...) belong to other modules or none.
LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"})

_ARTICLES = frozenset({"the", "The", "THE"})
# Prepositions after which an ORG-tagged gazetteer name is a place ("withdrew from Bakhmut").
_LOCATIVE = PLACE_PREPOSITIONS | {"to", "around", "across"}


def _trim(doc: Doc, text: str, span: Span) -> tuple[int, int, int, int] | None:
    """Token and character bounds of `span` without a leading article or trailing possessive."""
    first, stop = span.start, span.end
    # Each doc[i] builds a new Token: take each one once.
    while first < stop:
        token = doc[first]
        if not (token.text in _ARTICLES or token.is_punct):
            break
        first += 1
    while stop > first:
        token = doc[stop - 1]
        if not (token.tag_ == "POS" or token.is_punct):
            break
        stop -= 1
    if first >= stop:
        return None
    last = doc[stop - 1]
    start_char = doc[first].idx
    end_char = last.idx + len(last.text)
    end_char -= possessive_suffix_length(text[start_char:end_char])
    if end_char <= start_char:
        return None
    return first, stop, start_char, end_char


def read_candidates(
    doc: Doc,
    gazetteer: Gazetteer,
    *,
    text: str | None = None,
    sentence_of: list[int] | None = None,
) -> list[Candidate]:
    """The article's PERSON/ORG/NORP/GPE/LOC/FAC spans in text order, trimmed and repaired.

    `text` (`doc.text`) and `sentence_of` (`sentence_of_tokens(doc)`) are computed when the
    caller has not: Doc.text joins every token again on each access.
    """
    sentence = sentence_of_tokens(doc) if sentence_of is None else sentence_of
    text = doc.text if text is None else text
    raw: list[Candidate] = []
    for ent in doc.ents:
        label = ent.label_
        if label not in LABELS:
            continue
        bounds = _trim(doc, text, ent)
        if bounds is None:
            continue
        first, stop, start, end = bounds
        if raw and first < raw[-1].stop:
            continue  # "Leyen" inside "Ursula von der Leyen", which took it in
        if first > 0 and doc[first - 1].text.upper() in _SHIP_PREFIXES:
            continue  # "the U.S.S. Abraham Lincoln": a ship, no person and no place
        if label in {"PERSON", "ORG"}:
            if doc[first].text in GENERATIONS and stop - first == 1:
                # "Sinatra, Jr.’s friend": the model made the suffix a name of its own.
                if raw and raw[-1].stop == first - 1 and doc[first - 1].text == ",":
                    named = raw.pop()
                    raw.append(
                        _candidate(
                            doc, text, "PERSON", named.first, stop, named.start, end, sentence
                        )
                    )
                continue
            if label == "PERSON":
                stop, end = _with_particles(doc, stop, end)  # "Ursula von" + "der Leyen"
            extended = _with_generation(doc, stop, end)
            if extended != (stop, end) and (
                label == "PERSON" or doc[extended[0] - 1].text in _JUNIOR
            ):
                label, (stop, end) = "PERSON", extended  # only a person is a "Jr."
        if label == "ORG" and (opened := _unclosed(doc, first, stop, _PARENTHESES)) is not None:
            # "the Shanghai Cooperation Organization (SCO": the short name's bracket unclosed.
            bounds = _trim(doc, text, doc[first:opened])
            if bounds is None:
                continue
            first, stop, start, end = bounds
        quoted = _unclosed(doc, first, stop, _QUOTES) if label == "ORG" else None
        if quoted is not None and quoted + 1 < stop:
            # "Trump’s ‘Board of Peace’ meeting": the model took in the possessor and the
            # quote mark that opens the body's name, and left out the one that closes it.
            bounds = _trim(doc, text, doc[quoted + 1 : stop])
            if bounds is None:
                continue
            first, stop, start, end = bounds
        if label in {"PERSON", "ORG"} and (given := _name_after_office(doc, first, stop)):
            # "Secretary of Transportation Sean Duffy": the model took the office's field in
            label, first, start = "PERSON", given, doc[given].idx
        if stop - first == 1 and doc[first].tag_.startswith("VB"):
            continue  # "Rescued on Nov. 25 by fishermen, ...": a verb is nobody's name
        if _TIME_ZONE.fullmatch(text, start, end):
            continue  # "10:35 a.m. (0735 GMT)": a clock's zone is no organisation
        if label == "NORP" and _stance_on_a_thing(doc, text[start:end], first, stop):
            continue  # "anti-Saudi demonstrations": a stance, not a people
        if label in {"GPE", "LOC"} and text.startswith("Little ", start - 7) and first > 0:
            # "Little Havana" (in Miami) cut short: not Havana, Cuba.
            first, start = first - 1, doc[first - 1].idx
        if label == "NORP" and stop < len(doc) and _names_a_water(doc, stop):
            # "the Persian gulf": the model cut the water's name short.
            label, stop, end = "LOC", stop + 1, doc[stop].idx + len(doc[stop].text)
        raw.append(_candidate(doc, text, label, first, stop, start, end, sentence))
    dateline = _dateline_places(doc, text, gazetteer, sentence)
    if dateline:
        # "JERUSALEM: The Israeli government ...": the model often tags a dateline's capitals
        # as an organisation, or not at all; the dateline names the city a story is filed from.
        raw = sorted(
            [c for c in raw if not any(c.start < d.end and d.start < c.end for d in dateline)]
            + dateline,
            key=lambda c: c.start,
        )
    untagged = _untagged_names(doc, text, raw, gazetteer, sentence)
    if untagged:
        raw = sorted(raw + untagged, key=lambda c: c.start)
    person_words = {
        word.casefold()
        for c in raw
        if c.label == "PERSON" and len(canonical_person(c.text).split()) > 1
        for word in canonical_person(c.text).split()
    }
    # One-word names right after a title: "President Bush" makes every "Bush" of the article
    # the person, though a town abroad (Būsh, Egypt, 136,000) is called so too.
    titled = {c.text.casefold() for c in raw if _after_honorific(doc, c, gazetteer)}
    return [_repair(doc, c, gazetteer, person_words, titled, text) for c in raw]


# The suffixes only a person's name takes ("Artemis II" and "World War II" are no people).
_JUNIOR = frozenset({"Jr.", "Jr", "Sr.", "Sr"})
# The prefixes of a ship's name ("U.S.S. Abraham Lincoln", "HMS Prince of Wales").
_SHIP_PREFIXES = frozenset({"USS", "U.S.S.", "HMS", "H.M.S.", "INS", "USNS", "RFS", "HMCS"})


def _name_after_office(doc: Doc, first: int, stop: int) -> int | None:
    """Where the person's name starts in a span after "<role> of" that opens with the
    office's field ("Secretary of Transportation Sean Duffy": "Sean"), or None."""
    if first < 2 or doc[first - 1].lower_ != "of" or not is_role_word(doc[first - 2].text):
        return None
    for i in range(first + 1, stop - 1):
        if is_given_name(doc[i].text):
            return i
    return None


def _with_particles(doc: Doc, stop: int, end: int) -> tuple[int, int]:
    """A name's end past the particles and surname the model cut off ("Ursula von" of
    "Ursula von der Leyen": the model tagged "Leyen" a place)."""
    after = stop
    while after < len(doc) and doc[after].lower_ in NAME_PARTICLES and doc[after].is_lower:
        after += 1
    # particles after the span, or the span ends in one ("Ursula von"): the surname next
    cut = after > stop or doc[stop - 1].lower_ in NAME_PARTICLES
    if cut and after < len(doc) and doc[after].is_title and doc[after].pos_ == "PROPN":
        return after + 1, doc[after].idx + len(doc[after].text)
    return stop, end


def _with_generation(doc: Doc, stop: int, end: int) -> tuple[int, int]:
    """A name's end past a generational suffix the model left out ("Frank Sinatra, Jr.")."""
    for gap in (0, 1):
        after = stop + gap
        if after < len(doc) and doc[after].text in GENERATIONS:
            if gap and doc[stop].text != ",":
                break
            return after + 1, doc[after].idx + len(doc[after].text)
    return stop, end


def _unclosed(
    doc: Doc, first: int, stop: int, marks: tuple[frozenset[str], frozenset[str]]
) -> int | None:
    """The token index of the last opening mark in the span ("(", "‘") that no closing one
    in it closes, or None."""
    opening, closing = marks
    opened = None
    for i in range(first, stop):
        text = doc[i].text
        if text in opening:
            opened = i
        elif text in closing:
            opened = None
    return opened


_PARENTHESES = (frozenset({"("}), frozenset({")"}))
_QUOTES = (frozenset({"‘", "“"}), frozenset({"’", "”"}))


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
# A word of a name: capitalised letters, an apostrophe or a hyphen inside ("O'Brien").
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)?")


def _untagged_names(
    doc: Doc, text: str, raw: list[Candidate], gazetteer: Gazetteer, sentence: list[int]
) -> list[Candidate]:
    """People's full names the model left untagged ("Sanae Takaichi won the election"): two or
    three capitalised proper nouns, none a title, a place, a month or a body's word, either
    opening with a known given name or whose last word the text uses again alone ("...
    Takaichi said"). Non-Western names the small model often misses in world news."""
    covered = {i for c in raw for i in range(c.first, c.stop)}
    # The name-like proper nouns, found from the tag array: a Token per word costs more.
    proper = doc.to_array(TAG) == doc.vocab.strings["NNP"]
    named = [int(i) for i in numpy.flatnonzero(proper) if _NAME_WORD.fullmatch(doc[int(i)].text)]
    alone: dict[str, int] = {}
    countries: list[Candidate] = []  # countries' own names the model left untagged
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(named):
        first = stop = named[k]
        while k < len(named) and named[k] == stop:
            stop, k = stop + 1, k + 1
        if stop - first > 1:
            runs.append((first, stop))
        elif first not in covered and (first == 0 or doc[first - 1].lower_ not in _DETERMINERS):
            # used alone, untagged, as a name is ("Takaichi said"; not "the Bill")
            alone[doc[first].text] = alone.get(doc[first].text, 0) + 1
            word = doc[first].text
            country = gazetteer.country(word)
            # its own name, not a fragment of one ("States formally allied with ..."), or a
            # national capital's ("Russia attacked Kyiv"; not "Lima" alone, a given name)
            own_name = country is not None and country.name == word
            if (own_name or gazetteer.capital_country(word)) and not is_given_name(word):
                # "Officials met. Denmark sent more troops": a country's own name, untagged
                start, end = doc[first].idx, doc[first].idx + len(word)
                countries.append(
                    _candidate(doc, text, "GPE", first, first + 1, start, end, sentence)
                )
    # "Dominion sued Giuliani" after "Dominion Voting Systems": a company's short name,
    # untagged where the model tagged its full name
    # (not a word a person of the article is named by, nor a place's: "Koch" of "Koch
    # Industries" beside Charles Koch)
    people = {w for c in raw if c.label == "PERSON" for w in c.text.split()}
    shorts = {
        short
        for c in raw
        if c.label == "ORG"
        for short in organisation_short_names(c.text)
        if short not in people and not gazetteer.is_place(short, 0)
    }
    found: list[Candidate] = []
    # the tokens that spell one, found from the word array: a Token per word costs more
    spelled = (
        numpy.flatnonzero(numpy.isin(doc.to_array(ORTH), [doc.vocab.strings[w] for w in shorts]))
        if shorts
        else ()
    )
    for i in (int(i) for i in spelled):
        token = doc[i]
        if i in covered or token.pos_ not in {"PROPN", "NOUN"}:
            continue
        if (i > 0 and doc[i - 1].text[:1].isupper()) or (
            i + 1 < len(doc) and doc[i + 1].text[:1].isupper()
        ):
            continue  # a word of another name
        start, end = token.idx, token.idx + len(token.text)
        found.append(_candidate(doc, text, "ORG", i, i + 1, start, end, sentence))
    for first, stop in runs:
        words = [t.text for t in doc[first:stop]]
        if stop - first > 3 or any(i in covered for i in range(first, stop)):
            continue
        after = doc[stop].text.rstrip(".").casefold() if stop < len(doc) else ""
        if after in _NOT_NAME_WORDS:
            continue  # "Polly Peck International Inc.": a company's name
        if any(w.casefold() in _NOT_NAME_WORDS or is_role_word(w) or is_demonym(w) for w in words):
            continue
        if any(gazetteer.is_place(w, 0) for w in words) or gazetteer.is_place(" ".join(words), 0):
            continue
        if not (is_given_name(words[0]) or alone.get(words[-1], 0) > 0):
            continue
        start, end = doc[first].idx, doc[stop - 1].idx + len(doc[stop - 1].text)
        found.append(_candidate(doc, text, "PERSON", first, stop, start, end, sentence))
    return sorted(found + countries, key=lambda c: c.start)


def _candidate(
    doc: Doc,
    text: str,
    label: str,
    first: int,
    stop: int,
    start: int,
    end: int,
    sentence: list[int],
) -> Candidate:
    root = doc[first:stop].root  # Span.root walks the span's heads: find it once
    return Candidate(
        label=label,
        text=text[start:end],
        start=start,
        end=end,
        first=first,
        stop=stop,
        root=root.i,
        sentence=sentence[first],
        modifier=_is_modifier(root),
    )


def _dateline_places(
    doc: Doc, text: str, gazetteer: Gazetteer, sentence: list[int]
) -> list[Candidate]:
    """The places of the dateline opening `text` ("JERUSALEM / ISLAMABAD: ..."), those the
    gazetteer knows, as GPE candidates."""
    found = find_dateline(text)
    if found is None:
        return []
    start, end = found.place
    places: list[Candidate] = []
    for part in _DATELINE_PARTS.finditer(text, start, end):
        span = doc.char_span(part.start(), part.end(), alignment_mode="contract")
        if span is None or not len(span) or not gazetteer.is_place(part.group(), 0):
            continue
        places.append(
            Candidate(
                label="GPE",
                text=part.group(),
                start=part.start(),
                end=part.end(),
                first=span.start,
                stop=span.end,
                root=span.root.i,
                sentence=sentence[span.start],
            )
        )
    return places


# The names of a dateline's place, which may name two ("JERUSALEM / ISLAMABAD").
_DATELINE_PARTS = re.compile(r"[^\s/][^/]*[^\s/]|[^\s/]")

# People nouns a stance adjective may make a group of ("anti-Orange protesters").
_STANCE_PEOPLE = frozenset(
    {"protester", "protestor", "demonstrator", "militant", "rebel", "guerrilla", "activist",
     "group", "faction", "party", "force", "fighter", "supporter", "politician", "leader",
     "exile", "unionist", "loyalist", "republican", "nationalist", "student", "crowd",
     "militiaman", "militia", "gunman", "troop", "soldier", "mob", "lawmaker", "legislator",
     "deputy", "candidate", "voter", "official", "government", "regime", "movement",
     "organization", "organisation", "camp", "wing", "bloc", "coalition", "alliance"}
)  # fmt: skip


def _names_a_water(doc: Doc, i: int) -> bool:
    """ "the Persian gulf": a water word right after the people's name, heading its own
    phrase ("an American sea captain", "Iranian sea mines", "British Channel 4" name none)."""
    word = doc[i]
    if word.lower_ not in WATER_WORDS or word.dep_ in {"compound", "amod", "nmod"}:
        return False
    return i + 1 >= len(doc) or not (doc[i + 1].like_num or doc[i + 1].pos_ == "PROPN")


def _stance_on_a_thing(doc: Doc, text: str, first: int, stop: int) -> bool:
    """ "anti-Saudi", "pro-Iranian" before anything but people ("anti-Saudi demonstrations",
    "his anti-Soviet views"): a stance, no actor. Before people ("anti-Orange protesters")
    the group stays."""
    if not text.casefold().startswith(("anti-", "pro-")):
        return False
    root = doc[first:stop].root
    if root.dep_ not in {"amod", "compound", "nmod"}:
        return False  # "Pro-republicans hope ...": the word itself names the people
    return root.head.lemma_.casefold() not in _STANCE_PEOPLE


_TIME_ZONE = re.compile(TIME_ZONE)


def _written_as_a_place(doc: Doc, candidate: Candidate, article: str) -> bool:
    """ "in Lincoln", "Lincoln, Neb.": written as a place, whatever a title elsewhere says
    ("President Lincoln")."""
    if candidate.first > 0 and doc[candidate.first - 1].lower_ in PLACE_PREPOSITIONS:
        return True
    after = article[candidate.end : candidate.end + 3]
    return len(after) == 3 and after[0] == "," and after[1] == " " and after[2].isupper()


def _after_honorific(doc: Doc, candidate: Candidate, gazetteer: Gazetteer) -> bool:
    """A one-word PERSON, GPE or LOC span right after a capitalised title, not a country."""
    if candidate.label not in {"PERSON", "GPE", "LOC"}:
        return False
    if candidate.stop - candidate.first != 1 or candidate.first == 0:
        return False
    title = doc[candidate.first - 1].text
    return (
        title[:1].isupper()
        and title.casefold().rstrip(".") in HONORIFICS
        and gazetteer.country(candidate.text) is None
    )


def _is_modifier(root: Token) -> bool:
    return root.dep_ in {"compound", "amod"} and root.head.pos_ == "NOUN"


def _in_locative_phrase(token: Token) -> bool:
    return token.dep_ == "pobj" and token.head.lemma_.casefold() in _LOCATIVE


# Last words of a building's or venue's name: after "at", "in", "inside", ... it is where
# something happens, though the model tags it an organisation (it may act as one elsewhere:
# "the Chancellery said"); before a gathering, where it met ("their Oval Office meeting").
VENUE_WORDS = frozenset(
    {"palace", "chancellery", "office", "hall", "stadium", "arena", "hotel", "airport", "airbase",
     "square", "bridge", "prison", "mosque", "church", "cathedral", "temple", "synagogue",
     "museum", "centre", "center", "building", "tower", "castle", "fort", "park", "plaza",
     "compound", "residence", "house", "station", "port", "harbour", "harbor", "camp"}
)  # fmt: skip
_VENUE_PREPOSITIONS = frozenset({"at", "in", "inside", "outside", "near", "into", "from"})


def _in_venue_phrase(token: Token) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ in _VENUE_PREPOSITIONS


def _names_region(article: str, candidate: Candidate, gazetteer: Gazetteer) -> bool:
    """Whether a region word in or around the span makes it a first-level region."""
    worded = region_core(candidate.text) is not None or region_word_around(
        article, candidate.start, candidate.end
    )
    return worded and bool(gazetteer.regions(candidate.text))


# Head nouns that say an apposition names a body ("Burisma, a Ukrainian gas company"), beside
# the lexicon's institutions.
_BODY_NOUNS = INSTITUTIONS | frozenset(
    {"startup", "platform", "network", "outlet", "website", "site", "app", "service",
     "organisation", "organization", "foundation", "institute", "association", "union",
     "brand", "maker", "giant", "operator", "provider", "developer", "producer", "chain",
     "retailer", "lender", "insurer", "broadcaster", "manufacturer", "carrier", "exchange"}
) - {"publisher"}  # fmt: skip


# Last words that make a name a body's, whatever place it names first.
_NAMING_BODIES = frozenset(
    {"network", "foundation", "institute", "association", "union", "council", "committee",
     "commission", "coalition", "alliance", "federation", "movement", "organisation",
     "organization", "society", "forum", "centre", "center", "watch", "initiative", "fund",
     "trust", "agency", "group", "league", "front", "party", "project", "program", "programme"}
)  # fmt: skip
# Words that are no part of a person's name, though capitalised.
_NOT_NAME_WORDS = (
    frozenset(MONTHS) | frozenset(WEEKDAYS) | VENUE_WORDS | _NAMING_BODIES
) | frozenset(
    {"court", "street", "road", "avenue", "times", "post", "news", "day", "act", "bill",
     "law", "war", "treaty", "accord", "plan", "doctrine", "crisis", "baby", "award", "prize",
     "international", "national", "global", "holdings", "industries", "bank", "capital",
     "partners", "inc", "corp", "co", "ltd", "plc", "llc", "sa", "ag"}
)  # fmt: skip


# Last words of the name of a text that binds or rules: spaCy's LAW ("the Kyoto Protocol"),
# which the model also tags ORG ("the Washington Treaty"). Not "pact": the Warsaw Pact was an
# alliance.
_DOCUMENTS = frozenset(
    {"treaty", "accord", "accords", "agreement", "protocol", "convention", "charter", "act",
     "bill", "declaration", "resolution", "amendment", "doctrine"}
)  # fmt: skip


def _described_as_a_body(root: Token) -> bool:
    """Whether the name has an apposition headed by a body noun ("Burisma, a Ukrainian gas
    company", "Full Fact, a fact-checking charity"), or is one ("the charity, Full Fact")."""
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    return any(n.pos_ == "NOUN" and n.lemma_.casefold() in _BODY_NOUNS for n in nouns)


def _described_as_a_place(root: Token) -> bool:
    """Whether the name has an apposition headed by a noun of settlement ("Yasuj, a city in
    southwestern Iran") or is one, or is where people live ("a resident of Yasuj")."""
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    if any(n.pos_ == "NOUN" and n.lemma_.casefold() in _SETTLEMENT_NOUNS for n in nouns):
        return True
    return (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lemma_.casefold() in _DWELLERS
    )


# Nouns that describe a named place ("Yasuj, a city in Iran").
_SETTLEMENT_NOUNS = frozenset(
    {"city", "town", "village", "province", "district", "county", "region", "suburb",
     "neighbourhood", "neighborhood", "capital", "port", "island", "state", "municipality",
     "hamlet", "enclave", "governorate", "prefecture"}
)  # fmt: skip
# People named by where they live ("a resident of Yasuj", "the outskirts of Goma").
_DWELLERS = frozenset(
    {"resident", "inhabitant", "native", "outskirts", "suburb", "street", "centre", "center",
     "mayor"}
)  # fmt: skip


def _is_agent(root: Token) -> bool:
    """Whether the name is the "by" agent of a passive ("evicted by Buckingham Palace"), also
    where the parser hung "by" on the noun before it ("from his residence by the Palace")."""
    if root.dep_ != "pobj" or root.head.lower_ != "by":
        return False
    if root.head.dep_ == "agent":
        return True
    verb = root.head.head
    for _ in range(4):  # a prepositional phrase or two up to its verb
        if verb.pos_ in {"VERB", "AUX"} or verb.head is verb:
            break
        verb = verb.head
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)


def _names_a_role_holder(root: Token) -> bool:
    """Whether the name is in apposition to a role noun ("the party's leader, Kemi Badenoch")."""
    return root.dep_ == "appos" and root.head.pos_ == "NOUN" and is_role_word(root.head.text)


def _acts(root: Token) -> bool:
    """Whether the name is the subject of a verb ("Alibaba cut jobs"), the object of an act
    done to actors ("investigate Burisma"; not "seized Rukban", where a place can be taken),
    or a conjunct of one."""
    for _ in range(4):  # conjunct chains are short
        if root.dep_ == "nsubj" and root.head.pos_ == "VERB":
            return True
        if root.dep_ == "dobj" and root.head.pos_ == "VERB":
            return root.head.lemma_.casefold() in _ACTS_ON_ACTORS
        if root.dep_ != "conj" or root.head is root:
            return False
        root = root.head
    return False


def _party_of_a_noun(root: Token) -> bool:
    """ "a warning to Hamas", "talks with Hamas": the party of an event noun."""
    return (
        root.dep_ == "pobj"
        and root.head.lower_ in _PARTY_PREPOSITIONS
        and root.head.head.pos_ == "NOUN"
    )


# Prepositions that name a party of an event noun ("a warning to", "talks with").
_PARTY_PREPOSITIONS = frozenset({"to", "with", "against", "by"})
# Verbs whose direct object is a party, never a place ("investigate Burisma", "sued Alibaba");
# verbs that can take a place ("attacked Rukban", "seized Kherson", "left Bakhmut") are not here.
_ACTS_ON_ACTORS = frozenset(
    {"investigate", "probe", "sue", "fine", "sanction", "accuse", "charge", "indict",
     "criticise", "criticize", "condemn", "blame", "meet", "endorse", "back", "support",
     "fund", "pay", "hire", "acquire", "buy", "urge", "ask", "invite", "thank", "praise",
     "warn", "threaten", "reject", "punish", "prosecute", "subpoena", "audit", "defend"}
)  # fmt: skip


_OUTLETS_ALSO_WORDS = frozenset({"time", "dawn", "ap", "abc", "ani", "rt", "pti", "the times"})
# Names the model takes for people or places that are neither, whatever the context: the
# platforms news quotes from are organisations; processes, diseases, currencies and
# technologies are no actors at all (the label EVENT is one Newsflow does not read).
_KNOWN_NAMES: dict[str, str] = {
    **dict.fromkeys(
        ("twitter", "facebook", "instagram", "tiktok", "youtube", "whatsapp", "telegram",
         "linkedin", "reddit", "snapchat", "threads", "bluesky", "truth social", "wikileaks",
         "wikipedia", "spotify", "netflix", "uber", "airbnb", "google", "microsoft", "openai",
         "nvidia", "anthropic"),
        "ORG",
    ),
    # News outlets the model takes for places ("spoke to Middle East Eye"), but not those
    # named by a word that is also a person's or a common one ("Dawn", "Time", "AP").
    **dict.fromkeys(NEWS_OUTLETS - _OUTLETS_ALSO_WORDS, "ORG"),
    **dict.fromkeys(
        ("brexit", "grexit", "obamacare", "medicare", "medicaid", "covid", "covid-19",
         "bitcoin", "ethereum", "ai", "a.i."),
        "EVENT",
    ),
}  # fmt: skip


def known_organisation(name: str) -> bool:
    """Whether `name` is one of the platforms that are organisations in every context."""
    return _KNOWN_NAMES.get(name.casefold()) == "ORG"


def _repair(
    doc: Doc,
    candidate: Candidate,
    gazetteer: Gazetteer,
    person_words: set[str],
    titled: set[str],
    article: str,
) -> Candidate:
    label = candidate.label
    text = candidate.text
    known = _KNOWN_NAMES.get(text.casefold())
    if known is not None:
        # "on Twitter" (a platform), "Brexit" (a process): no person, no place; "AI" (a
        # technology) not even an organisation; "outside Google" is no town renamed so
        if label in {"PERSON", "GPE", "LOC", "NORP", "ORG"} or known == "EVENT":
            label = known
    elif label in {"GPE", "NORP", "PERSON", "LOC"} and is_demonym(text):
        label = "NORP"
    elif (
        label in {"GPE", "LOC", "ORG"}
        and text.endswith("s")
        and text[:-1].casefold() in person_words
        and not gazetteer.is_place(text, 0)
    ):
        label = "NORP"  # "the Bidens" after "Hunter Biden": a family, a group of people
    elif (
        label in {"PERSON", "GPE", "LOC", "ORG"}
        and text.casefold() in titled
        and not _written_as_a_place(doc, candidate, article)
    ):
        label = "PERSON"  # "President Bush ... Bush said", not Bush, Egypt nor a company
    elif label == "NORP" and gazetteer.is_place(text, MIN_POPULATION_TO_OVERRULE_PERSON):
        label = "GPE"  # "BUFFALO, N.Y. (AP)": a dateline city the model took for a people
    elif (
        label == "PERSON"
        and text.casefold() not in person_words
        and gazetteer.is_place(text, MIN_POPULATION_TO_OVERRULE_PERSON)
    ):
        label = "GPE"
    elif label in {"GPE", "LOC"} and text.casefold() in person_words:
        if not gazetteer.is_place(text, 0):
            label = "PERSON"  # "Scholz" after "Olaf Scholz"
    elif label == "ORG" and " " not in text and text.casefold() in person_words:
        label = "PERSON"  # "Trump said" after "Donald Trump": the model's "Trump" company
    elif (
        label == "ORG"
        and text.casefold() not in person_words
        and _in_locative_phrase(doc[candidate.root])
        and gazetteer.is_place(text, 0)
        and not gazetteer.only_a_towns_other_name(text)
    ):
        label = "GPE"  # "withdrew from Bakhmut"; not "a warning to Hamas" (Hamm's other name)
    elif label in {"PERSON", "NORP", "ORG"} and _names_region(article, candidate, gazetteer):
        label = "GPE"  # "the Donetsk Oblast", "the Kherson region"
    elif label == "ORG" and " " in text and text.rsplit(None, 1)[-1].casefold() in _DOCUMENTS:
        label = "LAW"  # "signed the Washington Treaty", "the Minsk Accords": a text, no actor
    elif (
        label == "ORG"
        and text.rsplit(None, 1)[-1].casefold() in VENUE_WORDS
        and _in_venue_phrase(doc[candidate.root])
    ):
        label = "FAC"  # "met at Qasr Al Shati Palace", "held talks at the Federal Chancellery"
    elif (
        label in {"GPE", "LOC"}
        and _names_a_role_holder(doc[candidate.root])
        and not gazetteer.is_place(text, 0)
    ):
        label = "PERSON"  # "The leader of the party, Kemi Badenoch, said"
    elif label in {"GPE", "LOC"} and _described_as_a_body(doc[candidate.root]):
        label = "ORG"  # "Burisma, a Ukrainian gas company"
    elif (
        label in {"GPE", "LOC"}
        and " " in text
        and text.rsplit(None, 1)[-1].casefold() in _NAMING_BODIES
        and not gazetteer.is_place(text, 0)
    ):
        label = "ORG"  # "Southeast Asia Freedom of Expression Network": a place in a body's name
    elif label in {"ORG", "PERSON", "NORP"} and _described_as_a_place(doc[candidate.root]):
        label = "GPE"  # "a resident of Yasuj, a city in southwestern Iran"
    elif (
        label == "GPE"
        and _acts(doc[candidate.root])
        and not region_word_around(article, candidate.start, candidate.end)
        and region_core(text) is None
        and not gazetteer.is_place(text, 0)
    ):
        label = "ORG"  # "Alibaba and WeWork cut jobs": a place no gazetteer knows that acts
    elif (
        label == "GPE"
        and (_acts(doc[candidate.root]) or _party_of_a_noun(doc[candidate.root]))
        and gazetteer.only_a_towns_other_name(text)
    ):
        label = "ORG"  # "Hamas said", "a warning to Hamas": a name a small town also goes by
    elif label == "FAC" and (_acts(doc[candidate.root]) or _is_agent(doc[candidate.root])):
        label = "ORG"  # "evicted by Buckingham Palace", "the Kremlin said": the household acts
    return candidate if label == candidate.label else dataclasses.replace(candidate, label=label)
