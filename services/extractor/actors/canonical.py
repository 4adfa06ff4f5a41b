"""Actors: one canonical Entity per real-world person, organisation, country or group.

From the repaired entity spans (`mentions`):
- countries: a GPE that is a country ("US", "the United States") and a demonym ("Russian
  officials", "Ukrainians") become the country (ISO code, GeoNames name); a national capital
  used as an actor rather than a location ("Kyiv says", "acceptable to Moscow", "Moscow's
  forces") stands for its country, as event coding conventionally reads such metonymy;
- groups: supranational demonyms ("European" -> Europe) and other NORP spans;
- common-noun actors (`commons`): "Turkish police", "protesters", "the government", one per
  name, a bare noun joining the one specific actor of its head ("police" -> "Turkish police");
  a nationality word they take over ("Cuban exiles") is no mention of the state;
- people and organisations: PERSON and ORG spans clustered by name; a bare surname ("Putin",
  "Trump’s") joins the full name ("Vladimir Putin") it shares; titles and possessives are
  stripped (`names`). The cluster's kind is a vote over its mentions, because spaCy's small
  model often tags a surname ORG. Votes: a multi-word PERSON mention counts 2 (full names are
  where the model is most reliable), any other mention 1; a person also gets 1 for a role noun
  beside the name ("top negotiator Rustem Umerov") and 1 for a known given name when there is
  other person evidence. Ties go to person when any mention says person.
A given name alone joins the one person of that given name named before it ("Elian" after
"Elian Gonzalez"; "Savannah Guthrie's mother, Nancy" is no Nancy Garrido named later), and a
given name joined to a full name takes its surname ("Phillip and Nancy Garrido": Phillip
Garrido). A surname keeps its particles ("Von der Leyen" is Ursula von der Leyen; "Salman"
alone still joins Mohammed bin Salman). A surname with a generational suffix ("Getty III",
"Kennedy Jr.") joins the one named in full with that suffix, never the father. A body's
initials ("EU", "SCO", "OIC") name the body written out in the article, and a city that news
names for the body seated there ("Brussels drew up a list": the European Union) does when it
acts.
Bare surnames the model missed ("Umerov wrote") are added as mentions of the person they name.
Agents (`agents`): a common noun's from its phrase, a person's from a title or apposition
("President", "Gen.", "Putin's envoy, ..."; `titles`, which also reads the offices and country
a title names), an organisation's from its head noun ("Ministry").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from services.extractor.actors.agents import agent_of_organisation
from services.extractor.actors.commons import CommonNoun, find_common_nouns
from services.extractor.actors.demonyms import (
    country_of_demonym,
    former_state_of_demonym,
    group_of_demonym,
    is_demonym,
)
from services.extractor.actors.given_names import is_given_name
from services.extractor.actors.lookup import Actors, paragraphs_of_tokens
from services.extractor.actors.mentions import known_organisation
from services.extractor.actors.names import (
    NAME_PARTICLES,
    REGNAL_TITLES,
    acronym,
    canonical_person,
    generation,
    has_known_given_name,
    has_organisation_head,
    is_role_word,
    organisation_short_names,
    particle_surname,
    surname,
    without_initials,
)
from services.extractor.actors.titles import Title, read_title
from services.extractor.parse.candidates import Candidate
from services.extractor.parse.table import Tok, parse_table
from services.extractor.parse.words import strip_possessive
from services.extractor.places.gazetteer import MIN_POPULATION_TO_OVERRULE_PERSON, Gazetteer
from services.extractor.places.names import former_country, former_name
from shared.models import Agent, Entity, EntityKind, Mention

__all__ = ["Actors", "find_actors", "used_as_actor"]

# Dependency roles in which a capital's name stands for its government, not a location.
_ACTOR_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "agent", "dative"})
# Prepositions whose object is an actor ("guarantees for Kyiv", "talks with Moscow").
_ACTOR_PREPOSITIONS = frozenset({"for", "with", "against", "by", "on", "upon"})

# Weights of the person/organisation vote (see the module docstring).
_FULL_NAME_VOTE = 2
_MENTION_VOTE = 1
_CUE_VOTE = 1


# Where a word the tagger took for a common noun stands as a person would (a surname).
_PERSON_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "conj", "appos"})


@dataclass
class _Cluster:
    name: str
    kind: EntityKind | None  # fixed for countries and groups; voted for names
    country_code: str | None = None
    members: list[Candidate] = field(default_factory=list)
    person_votes: int = 0
    org_votes: int = 0
    role_cue: bool = False
    agent: Agent | None = None  # fixed for common nouns; read from titles and heads for names
    common: bool = False  # a common-noun actor ("Turkish police")
    full_person: bool = False  # a mention of the full name tagged PERSON

    def decide(self) -> EntityKind:
        if self.kind is not None:
            return self.kind
        if known_organisation(self.name):
            return "organization"  # "WikiLeaks founder Julian Assange": a role cue, no person
        named_as_person = self.role_cue and not self.org_votes  # "Actress ... Union"
        if has_organisation_head(self.name) and not (
            named_as_person or _given_and_surname(self.name)
        ):
            return "organization"  # "Warsaw Pact"; but "Margaret Court" is a person
        person = self.person_votes
        if self.role_cue:
            person += _CUE_VOTE
        if (person > 0) and has_known_given_name(self.name):
            person += _CUE_VOTE
        if _two_given_names_and_surname(self.name):
            return "person"  # "María Corina Machado", whatever the tagger said
        if self.full_person and self.role_cue and has_known_given_name(self.name):
            # "U.S. President Donald Trump", tagged a person in full: the model's ORG tags of a
            # bare "Trump's" do not outvote that
            return "person"
        if self.full_person and self._org_tags_only_on_the_surname():
            # "Sanae Takaichi ... Takaichi said": a body goes by its first word ("Goldman"),
            # a person by the last; the model's ORG tags of that last word alone are its error
            return "person"
        return "person" if person > 0 and person >= self.org_votes else "organization"

    def _org_tags_only_on_the_surname(self) -> bool:
        last = surname(self.name).casefold()
        org_tagged = [m for m in self.members if m.label == "ORG"]
        return len(self.name.split()) > 1 and all(
            strip_possessive(m.text).casefold() == last for m in org_tagged
        )


def _two_given_names_and_surname(name: str) -> bool:
    """ "María Corina Machado", "John Paul Jones": two known given names and a surname, the
    shape of a person's name and of no organisation's (`decide` has ruled out known
    organisations and institution heads before)."""
    words = name.split()
    return (
        len(words) == 3
        and all(w[:1].isupper() for w in words)
        and is_given_name(words[0])
        and is_given_name(words[1])
    )


def _given_and_surname(name: str) -> bool:
    """ "Margaret Court", "Gabrielle M. Union": a given name and a surname (a longer name ending
    in an institution's word is the institution: "Millard Fillmore Suburban Hospital")."""
    return len(without_initials(name)) == 2 and has_known_given_name(name)


def used_as_actor(token: Token | Tok) -> bool:
    """Whether a place name in this position names an actor ("Kyiv says") or a place."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ in _ACTOR_ROLES:
        return True
    if token.dep_ != "pobj":
        return False
    preposition = token.head
    if preposition.lemma_ in _ACTOR_PREPOSITIONS:
        return True
    return preposition.lemma_ == "to" and preposition.head.pos_ in {"ADJ", "NOUN"}


# Titles of offices that a field names ("Treasury Secretary", "Defence Minister").
_OFFICE_TITLES = frozenset({"secretary", "minister", "commissioner", "director", "administrator"})


def _role_cue(tokens: list[Tok], candidate: Candidate) -> bool:
    if candidate.text.isupper():
        return False  # "INS Commissioner Doris Meissner": an acronym is the employer
    if candidate.first > 0 and is_role_word(tokens[candidate.first - 1].text):
        return True
    root = tokens[candidate.root]
    role = root.head
    if root.dep_ == "compound" and is_role_word(role.text):
        # "Treasury Secretary Scott Bessent": what comes before an office's title is its
        # field, no person ("Putin spokesman Dmitry Peskov" is Putin's aide)
        return role.lower_ not in _OFFICE_TITLES or role.dep_ != "compound"
    return _in_apposition_to_a_role(root)


def _in_apposition_to_a_role(root: Tok) -> bool:
    """ "his father, Sajid,", "Sajid, his father,": a word a role says is someone's name."""
    if root.dep_ == "appos" and is_role_word(root.head.text):
        return True
    return any(c.dep_ == "appos" and is_role_word(c.text) for c in root.children)


# Cities that news names for the body seated there, not for their country, when they act.
_SEATS = {"brussels": "European Union"}


def _surname_alone(name: str) -> str | None:
    """The surname a name of several words with no given name is, as `_People.with_surname`
    looks it up: "Von der Leyen" (with its particles), "Getty" of "Getty III"; else None."""
    words = name.split()
    if len(words) > 1 and all(w.casefold() in NAME_PARTICLES for w in words[:-1]):
        return name
    if len(words) == 2 and generation(name) is not None:
        return words[0]
    return None


def _org_name(text: str) -> str:
    return " ".join(strip_possessive(text).split())


class _People:
    """The article's people with full names, by surname and by given name, for the single
    words that may name one of them ("Putin", "Elian")."""

    def __init__(self, clusters: Iterable[_Cluster]) -> None:
        self.by_surname: dict[str, list[_Cluster]] = {}
        self.by_given_name: dict[str, list[_Cluster]] = {}
        for cluster in clusters:
            self.by_surname.setdefault(surname(cluster.name).casefold(), []).append(cluster)
            if (particles := particle_surname(cluster.name)) is not None:  # "Von der Leyen"
                self.by_surname.setdefault(particles.casefold(), []).append(cluster)
            given = cluster.name.split()[0].casefold()
            self.by_given_name.setdefault(given, []).append(cluster)

    def with_surname(self, word: str, before: int, suffix: str | None = None) -> _Cluster | None:
        """The person `word` is the surname of: the one called by it last before offset
        `before` ("Saddam Hussein ... King Hussein ... Hussein said" is the king; "Elian"
        alone does not call the boy by the surname his father shares), else the first one
        named. With a generational `suffix` ("Getty III"), only one who has it."""
        key = word.casefold()
        matches = self.by_surname.get(key)
        if matches and suffix is not None:
            matches = [c for c in matches if generation(c.name) == suffix]
        if not matches:
            return None
        # A person the article calls by the given name alone ("Elian") is not the one its
        # bare surname names when another person has that surname (his father).
        # A monarch known by one name ("King Hussein") is no namesake of that kind.
        namesakes = [c for c in matches if c.name.split()[0].casefold() not in REGNAL_TITLES]
        adults = [c for c in namesakes if not self._called_by_given_name(c)]
        if adults and len(adults) < len(namesakes):
            matches = adults + [c for c in matches if c not in namesakes]
        last_before = {
            id(c): max(
                (m.start for m in c.members if m.start < before and key in m.text.casefold()),
                default=-1,
            )
            for c in matches
        }
        if all(start < 0 for start in last_before.values()):
            return min(matches, key=lambda c: min(m.start for m in c.members))
        return max(matches, key=lambda c: last_before[id(c)])

    @staticmethod
    def _called_by_given_name(cluster: _Cluster) -> bool:
        given = cluster.name.split()[0].casefold()
        return any(m.text.casefold() == given for m in cluster.members)

    def with_given_name(self, word: str, before: int) -> _Cluster | None:
        """The one person whose full name starts with `word` and was named before offset
        `before` ("Elian" after "Elian Gonzalez": a given name alone refers back; "Savannah
        Guthrie's mother, Nancy" is no Nancy Garrido named later); None when no one or
        several do, or when `word` is also someone's surname."""
        key = word.casefold()
        matches = self.by_given_name.get(key, [])
        if len(matches) != 1 or key in self.by_surname:
            return None
        if min(m.start for m in matches[0].members) >= before:
            return None
        return matches[0]


class _Builder:
    def __init__(self, tokens: list[Tok], gazetteer: Gazetteer) -> None:
        self.tokens = tokens
        self.gazetteer = gazetteer
        self.clusters: dict[str, _Cluster] = {}
        # Single-word NORP spans that are no demonym: a person's surname if one has it.
        self.maybe_surnames: list[Candidate] = []
        # Organisations by the one word the text may call each by (`_short_names`).
        self.short_names: dict[str, _Cluster] = {}
        # The common-noun reading of each common-noun mention (`add_common`).
        self.commons: dict[Candidate, CommonNoun] = {}
        # What each person mention's title says (`_title`).
        self.titles: dict[Candidate, Title] = {}

    def _add(self, key: str, name: str, kind: EntityKind | None, c: Candidate) -> _Cluster:
        cluster = self.clusters.get(key)
        if cluster is None:
            cluster = self.clusters[key] = _Cluster(name=name, kind=kind)
        cluster.members.append(c)
        return cluster

    def add_country(self, code: str, c: Candidate) -> None:
        country = self.gazetteer.country_by_code(code)
        cluster = self._add(f"country:{code}", country.name if country else c.text, "country", c)
        cluster.country_code = code

    def _regnal_title(self, c: Candidate) -> str | None:
        """The title a monarch or prince is known by with one name ("King Hussein", "Prince
        Charles"): that name is no surname to join with another person's."""
        words = strip_possessive(c.text).split()
        if len(words) >= 2 and words[-2].casefold() in REGNAL_TITLES:
            return words[-2]
        if len(words) == 1 and c.first > 0:
            before = self.tokens[c.first - 1].text
            if before.casefold() in REGNAL_TITLES:
                return before
        return None

    def add_former_state(self, name: str, c: Candidate) -> bool:
        """ "the Soviet Union", "Soviet officials": an actor of its own under the state's
        name, coded as the state that continues it (RU). False when `name` names none."""
        code = former_country(name)
        if code is None:
            return False
        canonical = former_name(name)  # "USSR", "U.S.S.R." and "the Soviet Union" are one
        cluster = self._add(f"former:{code}:{canonical.casefold()}", canonical, "country", c)
        cluster.country_code = code
        return True

    def add_fixed(self, c: Candidate) -> list[Candidate]:
        """Countries and groups; returns the person/organisation spans left for clustering."""
        if c.label == "NORP":
            code = country_of_demonym(c.text)
            former = former_state_of_demonym(c.text)
            if code is None and former is not None:
                code = former_country(former)
            if former is not None:
                self.add_former_state(former, c)
            elif code is not None and self._people(c):
                # "more than 550 Palestinians have been killed": people of the country, not
                # its state; a group that keeps the country's code.
                name = _org_name(c.text)
                cluster = self._add(f"people:{code}:{name.casefold()}", name, "group", c)
                cluster.country_code = code
            elif code is not None:
                self.add_country(code, c)
            elif group_of_demonym(c.text) is None and len(c.text.split()) == 1:
                self.maybe_surnames.append(c)  # "killed Slepian": a group only if no one's name
            else:
                group = group_of_demonym(c.text) or _org_name(c.text)
                self._add(f"group:{group.casefold()}", group, "group", c)
            return []
        if c.label == "ORG" and len(c.text.split()) == 1 and is_role_word(c.text):
            return []  # "Secretary of State Marco Rubio" tags "State" ORG
        country = self.gazetteer.country(c.text)
        if c.label in {"GPE", "ORG"} and country is not None and country.country_code:
            self.add_country(country.country_code, c)
            return []
        if c.label in {"GPE", "ORG"} and self.add_former_state(strip_possessive(c.text), c):
            return []
        if c.label == "GPE":
            if not used_as_actor(self.tokens[c.root]):
                return []
            body = _SEATS.get(strip_possessive(c.text).casefold())
            if body is not None:
                cluster = self._add(f"named:{body.casefold()}", body, None, c)
                self._vote(cluster, c, full_name=False)  # "Brussels drew up a list": the EU
                return []
            code = self.gazetteer.capital_country(c.text)
            if code is not None:
                self.add_country(code, c)
            return []
        return [c]

    def _people(self, c: Candidate) -> bool:
        """Whether a demonym span is a plural noun naming people ("Palestinians", "Iranians"),
        not an adjective or the state ("Palestinian officials", "the Israelis said" aside), or
        one person ("expelled five Iraqis and a Libyan")."""
        root = self.tokens[c.root]
        if c.modifier or root.dep_ in {"amod", "compound"}:
            return False
        if any(d.dep_ == "det" and d.lower_ in {"a", "an", "another"} for d in root.children):
            return True  # "and a Libyan", which the tagger may take for an adjective
        return (
            root.tag_ in {"NNPS", "NNS"}
            and c.text.endswith("s")
            and root.dep_ not in {"nsubj", "poss"}
        )

    def _titles_only(self, text: str) -> bool:
        """ "U.S. Surgeon", "Foreign Minister": a role with demonyms and countries, but no name
        (a lone "Chad" or "Jordan" has no role word: it may be a person's name)."""
        words = strip_possessive(text).split()
        return any(is_role_word(w) for w in words) and all(
            is_role_word(w) or is_demonym(w) or self.gazetteer.country(w) is not None for w in words
        )

    def add_named(self, named: list[Candidate]) -> None:
        full: list[tuple[Candidate, str]] = []
        single: list[tuple[Candidate, str]] = []
        for c, name in self._names(named):
            (full if len(name.split()) > 1 else single).append((c, name))
        for c, name in full:
            if _surname_alone(name) is not None:
                single.append((c, name))  # "Getty III", "Von der Leyen": whoever has it in full
                continue
            self._vote(self._add(f"named:{name.casefold()}", name, None, c), c, full_name=True)
        # The people with full names are settled now: a single word only joins one of them.
        people = _People(self._personlike())
        self.short_names = self._short_names(people, single)
        for c, word in sorted(single, key=lambda pair: pair[0].start):
            suffix = generation(word)
            cluster = (
                people.with_surname(_surname_alone(word) or word, c.start, suffix)
                or (None if suffix else people.with_given_name(word, c.start))
                or self.short_names.get(word.casefold())
            )
            if cluster is None:
                cluster = self._add(f"named:{word.casefold()}", word, None, c)
            else:
                cluster.members.append(c)
            self._vote(cluster, c, full_name=False)

    def _names(self, named: list[Candidate]) -> list[tuple[Candidate, str]]:
        """Each name span with the name it gives: a person's without titles, an
        organisation's, a monarch's with the title; a given name coordinated with a full
        name takes its surname ("Phillip and Nancy Garrido": Phillip Garrido)."""
        out: list[tuple[Candidate, str]] = []
        for i, c in enumerate(named):
            if self._titles_only(c.text) and not has_organisation_head(c.text):
                continue
            name = canonical_person(c.text) if c.label == "PERSON" else _org_name(c.text)
            if c.label == "ORG" and len(name.split()) > 1 and _role_cue(self.tokens, c):
                name = canonical_person(name)
            if len(name.split()) == 1 and (regnal := self._regnal_title(c)) is not None:
                name = f"{regnal} {name}"  # "King Hussein" is not Saddam Hussein
            if len(name.split()) == 1 and i + 1 < len(named):
                name = self._shared_surname(c, name, named[i + 1])
            out.append((c, name))
        return out

    def _shared_surname(self, c: Candidate, name: str, after: Candidate) -> str:
        """ "Phillip" of "Phillip and Nancy Garrido": a known given name, then "and" and a
        person's given name and surname, is that surname's bearer too."""
        if not (
            c.label == "PERSON"
            and after.label == "PERSON"
            and after.first == c.stop + 1
            and self.tokens[c.stop].lower_ in {"and", "&"}
            and is_given_name(name)
        ):
            return name
        words = canonical_person(after.text).split()
        if len(words) != 2 or not is_given_name(words[0]):
            return name
        return f"{name} {words[1]}"

    def _short_names(
        self, people: _People, single: list[tuple[Candidate, str]]
    ) -> dict[str, _Cluster]:
        """Companies by the one word a text may call each by ("Nashua" for "Nashua Corp."),
        where that word names no other organisation, person or place, and never stands
        after a title ("President Trump")."""
        titled = {
            word.casefold()
            for c, word in single
            if c.label == "PERSON" and c.first > 0 and is_role_word(self.tokens[c.first - 1].text)
        }
        found: dict[str, list[_Cluster]] = {}
        for cluster in self.clusters.values():
            if cluster.kind is not None or cluster.person_votes > cluster.org_votes:
                continue
            initials = acronym(cluster.name)
            if initials is not None and initials.casefold() not in people.by_surname:
                found.setdefault(initials.casefold(), []).append(cluster)  # "EU", "SCO"
            for short in organisation_short_names(cluster.name):
                key = short.casefold()
                if key in people.by_surname or key in people.by_given_name or key in titled:
                    continue
                if is_demonym(short) or self.gazetteer.is_place(
                    short, MIN_POPULATION_TO_OVERRULE_PERSON
                ):
                    continue
                found.setdefault(key, []).append(cluster)
        return {key: clusters[0] for key, clusters in found.items() if len(clusters) == 1}

    def _vote(self, cluster: _Cluster, c: Candidate, *, full_name: bool) -> None:
        if c.label == "PERSON":
            cluster.person_votes += _FULL_NAME_VOTE if full_name else _MENTION_VOTE
            cluster.full_person = cluster.full_person or full_name
        else:
            cluster.org_votes += _MENTION_VOTE
        cluster.role_cue = cluster.role_cue or _role_cue(self.tokens, c)

    def _personlike(self) -> Iterable[_Cluster]:
        for cluster in self.clusters.values():
            named = cluster.kind is None and len(cluster.name.split()) > 1
            if named and (
                cluster.person_votes > 0
                or cluster.role_cue
                or _two_given_names_and_surname(cluster.name)
            ):
                yield cluster

    def add_norp_surnames(self) -> None:
        """Single-word NORP spans: a mention of the person whose surname they are, else a group."""
        people = _People(self._personlike())
        for c in self.maybe_surnames:
            token = self.tokens[c.first]
            if (
                c.stop - c.first == 1
                and token.pos_ == "ADJ"
                and token.dep_ in {"amod", "compound"}
                and token.head.pos_ == "NOUN"
            ):
                # "Muslim countries", "Jewish groups", "Republican leaders", "Muslim identity":
                # an adjective saying which, of a thing or of people it does not name.
                continue
            word = _org_name(c.text)
            # The person with that surname, else the name the article already uses alone
            # ("Slepian" tagged PERSON once and NORP five times).
            person = (
                people.with_surname(word, c.start)
                or self.clusters.get(f"named:{word.casefold()}")
                or self.short_names.get(word.casefold())
            )
            if person is not None:
                person.members.append(c)
            else:
                self._add(f"group:{word.casefold()}", word, "group", c)

    def add_missed_surnames(self, sentence_of: list[int]) -> None:
        """Untagged given names and surnames of the article's people, where they stand as a
        name would."""
        covered = {
            i for cl in self.clusters.values() for m in cl.members for i in range(m.first, m.stop)
        }
        people = {
            surname(c.name): c
            for c in self.clusters.values()
            if c.kind is None and c.decide() == "person" and len(c.name.split()) > 1
        }
        # "PM Shehbaz and Stocker held talks": a given name the model left untagged names the
        # one person of the article who has it (not when two share it, or it is a surname).
        firsts: dict[str, _Cluster | None] = {}
        for c in people.values():
            first = c.name.split()[0]
            titled = any(self._title(m).agent is not None for m in c.members)
            if is_given_name(first) or titled:  # not "Oshkosh" of a company misread
                firsts[first] = None if first in firsts or first in people else c
        # "his father, Sajid, ... Sajid was shot": a person the article names by one word
        # only, with a role that makes the word a person's name, and no place.
        singles = {
            c.name: c
            for c in self.clusters.values()
            if c.kind is None
            and " " not in c.name
            and any(_in_apposition_to_a_role(self.tokens[m.root]) for m in c.members)
            and c.decide() == "person"
            and c.name not in people
            and c.name not in firsts
            and not self.gazetteer.is_place(c.name, 0)
        }
        for token in self.tokens:
            cluster = people.get(token.text) or firsts.get(token.text) or singles.get(token.text)
            if cluster is None or token.i in covered:
                continue
            if token.pos_ != "PROPN" and not (
                token.pos_ == "NOUN" and token.text in people and token.dep_ in _PERSON_DEPS
            ):
                continue  # "Howes had been working", tagged a plural noun; not "Weeks later"
            following = self.tokens[token.i + 1] if token.i + 1 < len(self.tokens) else None
            if following is not None and following.pos_ == "PROPN" and token.text in firsts:
                continue  # "Shehbaz Ahmed": another person's full name
            cluster.members.append(
                Candidate(
                    label="PERSON",
                    text=token.text,
                    start=token.idx,
                    end=token.idx + len(token.text),
                    first=token.i,
                    stop=token.i + 1,
                    root=token.i,
                    sentence=sentence_of[token.i],
                )
            )

    def add_common(self, commons: list[CommonNoun]) -> None:
        """Common-noun actors, one per name. A bare noun ("police") joins the one more specific
        actor of its head ("Turkish police") when the article has exactly one and named it
        before (an institution only in the same number: "multinational companies" are not "a
        construction company"), and an organisation the article names by that word ("the
        senate": "the Senate")."""
        specific: dict[str, dict[str, CommonNoun]] = {}  # lemma -> key -> first mention
        for common in commons:
            if not common.bare:
                specific.setdefault(common.lemma, {}).setdefault(common.key, common)
        named = {
            cluster.name.casefold(): cluster
            for cluster in self.clusters.values()
            if cluster.kind is None and cluster.decide() == "organization"
        }
        # The specific ones first: a cluster is named by the phrase that made it.
        for common in sorted(commons, key=lambda common: common.bare):
            self.commons[common.mention] = common
            key = common.key
            if common.bare:
                if (organisation := named.get(common.name.casefold())) is not None:
                    organisation.members.append(common.mention)
                    organisation.agent = organisation.agent or common.agent
                    continue
                ones = list(specific.get(common.lemma, {}).values())
                if len(ones) == 1 and _refers_back(common, ones[0]):
                    key = ones[0].key
            cluster = self.clusters.get(f"common:{key}")
            if cluster is None:
                cluster = self._add(f"common:{key}", common.name, common.kind, common.mention)
                cluster.agent = common.agent
                cluster.country_code = common.country_code
                cluster.common = True
            else:
                cluster.members.append(common.mention)
            if common.key == key and common.plural and common.kind == "group":
                first = self.commons[cluster.members[0]]
                if not first.plural and first.key == key:
                    cluster.name = first.plural_name  # "a Cuban exile ... Cuban exiles"

    def _named_agent(self, cluster: _Cluster, kind: EntityKind) -> Agent | None:
        if kind == "organization":
            return agent_of_organisation(cluster.name)
        if kind != "person":
            return None
        said = Counter(a for m in cluster.members if (a := self._title(m).agent) is not None)
        return said.most_common(1)[0][0] if said else None

    def _title(self, c: Candidate) -> Title:
        """What the title of mention `c` says (`titles`), read once per mention: the sector
        is asked for while clustering and again, with offices and country, when building."""
        title = self.titles.get(c)
        if title is None:
            title = self.titles[c] = read_title(self.tokens, self.gazetteer, c)
        return title

    def build(self, paragraph_of: list[int]) -> Actors:
        entities: list[Entity] = []
        offices: dict[str, frozenset[str]] = {}
        by_token: dict[int, str] = {}
        kinds: dict[str, EntityKind] = {}
        agents: dict[str, Agent | None] = {}
        phrases: dict[int, str] = {}
        spans: list[tuple[int, int, str]] = []
        # Names first, then common nouns: a named actor keeps its tokens.
        ordered = sorted(self.clusters.values(), key=lambda c: c.common)
        for cluster in ordered:
            kind = cluster.decide()
            name = cluster.name
            if name in kinds:  # two clusters with one display name: keep them apart
                name = f"{name} ({kind})"
            agent = cluster.agent
            if not cluster.common:
                agent = self._named_agent(cluster, kind) or agent
            seen: set[tuple[int, int]] = set()
            mentions: list[Mention] = []
            for m in sorted(cluster.members, key=lambda m: m.start):
                if (m.start, m.end) in seen:
                    continue
                seen.add((m.start, m.end))
                mentions.append(Mention(text=m.text, start=m.start, end=m.end, sentence=m.sentence))
                spans.append((m.first, m.stop, name))
                common = self.commons.get(m)
                if common is None:
                    for i in range(m.first, m.stop):
                        by_token[i] = name
                    continue
                # A state organ that a named country or people modifies acts for it: the
                # reader reads that name from the modifier, as before ("Russian officials").
                for_state = common.state_organ and any(
                    i in by_token for i in common.named_modifiers
                )
                for i in common.tokens:
                    phrases.setdefault(i, name)
                    if not for_state:
                        by_token.setdefault(i, name)
            kinds[name] = kind
            agents[name] = agent
            country_code = cluster.country_code
            if kind == "person" and not cluster.common:
                held = frozenset().union(*(self._title(m).offices for m in cluster.members))
                if held:
                    offices[name] = held
                titled = Counter(
                    code for m in cluster.members if (code := self._title(m).country) is not None
                )
                if titled:
                    country_code = titled.most_common(1)[0][0]
            entities.append(
                Entity(
                    name=name,
                    kind=kind,
                    country_code=country_code,
                    agent=agent,
                    mentions=mentions,
                )
            )
        entities.sort(key=lambda e: e.mentions[0].start if e.mentions else 0)
        spans.sort()
        return Actors(
            entities=entities,
            by_token=by_token,
            kinds=kinds,
            agents=agents,
            phrases=phrases,
            spans=spans,
            paragraph_of=paragraph_of,
            offices=offices,
        )


def _refers_back(bare: CommonNoun, specific: CommonNoun) -> bool:
    """Whether a bare noun may name again the specific actor of its head named before it."""
    if specific.mention.start > bare.mention.start:
        return False
    return bare.kind == "group" or bare.plural == specific.plural


def find_actors(
    doc: Doc,
    candidates: list[Candidate],
    gazetteer: Gazetteer,
    sentence_of: list[int],
    tokens: list[Tok] | None = None,
) -> Actors:
    """The article's actors from its repaired entity spans and its common-noun phrases (see
    the module docstring); `tokens` is `parse_table(doc)`, computed when the caller has not."""
    tokens = parse_table(doc) if tokens is None else tokens
    builder = _Builder(tokens, gazetteer)
    commons = find_common_nouns(doc, tokens, candidates, gazetteer, sentence_of)
    # "Cuban exiles", "Indonesian students": the people's name is the group's, not a mention of
    # the state; "Turkish police" keeps it (and a nationality the model missed becomes one).
    claimed = {c for common in commons if not common.state_organ for c in common.claimed}
    missed = [c for common in commons if common.state_organ for c in common.demonyms]
    named: list[Candidate] = []
    for c in sorted([*candidates, *missed], key=lambda c: c.start):
        if c.label in {"PERSON", "ORG", "NORP", "GPE"} and c not in claimed:
            named.extend(builder.add_fixed(c))
    builder.add_named(named)
    builder.add_norp_surnames()
    builder.add_missed_surnames(sentence_of)
    builder.add_common(commons)
    return builder.build(paragraphs_of_tokens(tokens))
