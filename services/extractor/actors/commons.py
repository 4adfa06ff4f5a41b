"""Common-noun actors: "Turkish police", "protesters", "the government", "U.S. troops".

A noun phrase is an actor mention when its head is a lexicon noun (`agents`) and it stands
where actors stand: a subject, an object, a possessor, a by-phrase or the object of a
relational preposition ("clashed with police", "thousands of protesters"), or a conjunct of
one. Not as a modifier ("the police station", "a government spokesman" is the spokesman) nor
after a locative preposition ("appeared in court").

- Name: the head with the modifiers that say whose or which it is: a country or nationality
  ("Turkish", "U.S.", "Russia's"), a compound ("riot police", "border guards") and the few
  adjectives that name a branch ("military", "federal"); never determiners, numbers or other
  adjectives ("six police officers" is "police officers", "senior Russian officials" "Russian
  officials"). Common words are lower-cased ("Police arrested" is "police"). The mention is the
  text from the first of those modifiers to the head.
- Country: the one country its modifiers name (a demonym, a country's name or a capital
  possessor: "Moscow's forces" RU), else null.
- Which are no actor of their own: a person noun in the singular unless it is indefinite ("a
  soldier"; "the president", "his lawyer" are someone the reader resolves), a definite
  institution the article names elsewhere ("the company" after "Nashua Corp.", "the court"
  after "the Supreme Court"), a phrase whose modifier is a named organisation or person
  ("Hamas militants", "Trump's administration": the named actor acts), and a role noun whose
  sector nothing says ("a spokesman", "business leaders"; "European leaders", "Arab
  leaders", "Iranian leaders" are the heads of those states, GOV, and "world leaders" and
  "global leaders" the heads of many).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from services.extractor.actors.agents import (
    ANAPHORIC_INSTITUTIONS,
    COLLECTIVES,
    INSTITUTION_PHRASES,
    INSTITUTIONS,
    KIN,
    NATIONALS,
    PARTISANS,
    PLURAL_ONLY,
    STATE_AGENTS,
    actor_lemma,
    agent_of_phrase,
    is_role,
    modifier_agent,
    plural,
)
from services.extractor.actors.demonyms import (
    country_of_demonym,
    former_state_of_demonym,
    group_of_demonym,
    is_demonym,
)
from services.extractor.parse.candidates import Candidate
from services.extractor.parse.table import Tok
from services.extractor.places.gazetteer import Gazetteer
from services.extractor.places.names import former_country
from shared.models import Agent, EntityKind

# Role nouns with no sector of their own that a nationality makes the heads of states.
_LEADERS = frozenset({"leader"})
# Modifiers that make them the heads of many states: "world leaders", "global leaders".
_OF_STATES = frozenset({"world", "global", "foreign", "western", "regional"})
# Nouns of states named together, actors only where a modifier says which ("Western
# nations", "Gulf Arab countries", "Eight Muslim countries").
_STATES_TOGETHER = frozenset({"country", "nation"})
# Modifier and lexicon noun that together name a thing, no actor.
_THING_PHRASES = frozenset({("social", "medium"), ("social", "media")})
# Where a noun phrase names a doer or a done-to.
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "obj", "poss"})
# Prepositions whose object is an actor, not a place or a time ("by police", "with rebels",
# "attack on police", "thousands of protesters"; not "in court", "to prison").
_ACTOR_PREPOSITIONS = frozenset(
    {"by", "with", "against", "between", "among", "amongst", "for", "on", "upon", "from", "of",
     "toward", "towards", "including"}
)  # fmt: skip
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
# Tokens that may stand between kept modifiers ("US and European", "Russia's").
_FILLER_DEPS = frozenset({"cc", "punct", "case"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_INDEFINITE = frozenset({"a", "an", "another"})
# Adjectives that say which branch or level, kept in the name ("federal agents", "armed
# forces", "Islamist militants"); other adjectives ("senior", "angry", "local") are not.
_KEPT_ADJECTIVES = frozenset(
    {"military", "naval", "federal", "provincial", "municipal", "judicial", "diplomatic",
     "global", "western",
     "congressional", "parliamentary", "governmental", "foreign", "armed", "special",
     "islamist", "islamic", "muslim", "christian", "jewish", "catholic", "shiite", "sunni",
     "kurdish", "tribal", "royal", "presidential", "medical", "religious", "corporate",
     "state", "national", "rebel", "opposition", "militant", "insurgent", "separatist",
     "pro-government", "anti-government", "environmental", "intelligence", "riot",
     # which states: "middle powers", "great powers", "regional powers", "nuclear powers"
     "middle", "great", "major", "regional", "nuclear", "world"}
)  # fmt: skip
# Nouns of number or of a body made of its members whose "of"-object is the actor:
# "thousands of protesters marched", "a coalition of 43 faith leaders sent a letter".
GROUPINGS = frozenset(
    {"thousand", "hundred", "dozen", "score", "million", "ten", "number", "handful", "couple",
     "group", "crowd", "majority", "lot", "band", "coalition", "alliance", "bloc", "gang",
     "contingent", "consortium"}
)  # fmt: skip
# Heads before which a capital stands for its state ("the Baghdad government").
_SEATS_OF_POWER = frozenset({"government", "regime", "administration", "leadership", "cabinet"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_NOUNS = frozenset({"NOUN", "PROPN"})
# Labels of named actors that win over a common noun they modify ("Hamas militants").
_NAMED = frozenset({"ORG", "PERSON", "FAC"})


@dataclass(frozen=True)
class CommonNoun:
    """One common-noun actor mention."""

    key: str  # the same actor within an article: country codes and lemmas of name and head
    lemma: str  # the head's lexicon noun
    name: str  # as written, without determiners and numbers
    plural_name: str  # the name with the head in the plural ("a Cuban exile": "Cuban exiles")
    plural: bool
    bare: bool  # the head alone ("police", "the government")
    kind: EntityKind
    agent: Agent
    country_code: str | None
    mention: Candidate
    # Tokens `Actors.at` maps to this actor: the head, the words of its name and a quantity
    # noun over it ("thousands of protesters"); for a state organ that a named country or
    # people modifies ("Russian officials") only `Actors.phrase_at` maps them (canonical).
    tokens: tuple[int, ...]
    named_modifiers: tuple[int, ...]  # tokens of modifiers that are named actors
    claimed: tuple[Candidate, ...]  # a people's name taken over by the group ("Cuban exiles")
    demonyms: tuple[Candidate, ...]  # nationality words the model missed ("Turkish police")

    @property
    def state_organ(self) -> bool:
        """Whether the state acts through this actor ("Russian officials", "Turkish police")."""
        return self.agent in STATE_AGENTS


@dataclass
class _Phrase:
    """What the modifiers of a common-noun head say, gathered as `_Reader.read` walks them."""

    kept: dict[int, Tok] = field(default_factory=dict)  # the tokens of the name
    sector: dict[int, str] = field(default_factory=dict)  # words that may say a sector
    unknown: list[str] = field(default_factory=list)  # other nouns ("crane officials")
    codes: list[str] = field(default_factory=list)  # countries; "" for a people of none
    keys: list[str] = field(default_factory=list)
    named: list[int] = field(default_factory=list)  # tokens of named actors
    claimed: list[Candidate] = field(default_factory=list)
    demonyms: list[Candidate] = field(default_factory=list)

    def keep(
        self,
        tokens: list[Tok],
        key: str,
        *,
        code: str | None = None,
        sector: str | None = None,
        unknown: bool = False,
    ) -> None:
        self.kept.update((t.i, t) for t in tokens)
        self.keys.append(key)
        if code is not None:
            self.codes.append(code)
        if sector is not None:
            self.sector[tokens[0].i] = sector
            if unknown and modifier_agent(sector) is None:
                self.unknown.append(sector)

    def add_named(self, tokens: list[Tok], c: Candidate, code: str | None) -> None:
        """A country or people ("Turkish", "U.S.", "Russia's", "Kurdish") in the phrase."""
        self.kept.update((t.i, t) for t in tokens)
        self.named.append(c.first)
        self.claimed.append(c)
        if code is not None:
            self.codes.append(code)
        elif group_of_demonym(c.text) is not None:
            self.codes.append("")  # "European officials": of no one country
        self.keys.append(code or group_of_demonym(c.text) or c.text.casefold())


def _hyphenated_word(tokens: list[Tok], token: Tok) -> range:
    """The tokens of the hyphenated word `token` is part of ("Soviet", "-", "style")."""
    first = last = token.i
    while first >= 2 and tokens[first - 1].text == "-":
        first -= 2
    while last + 2 < len(tokens) and tokens[last + 1].text == "-":
        last += 2
    return range(first, last + 1)


def _kept_adjective(word: str) -> bool:
    return word in _KEPT_ADJECTIVES or modifier_agent(word) is not None


def _stands_as_actor(token: Tok) -> bool:
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ in _ACTOR_DEPS:
        return True
    return token.dep_ == "pobj" and token.head.lower_ in _ACTOR_PREPOSITIONS


class _Reader:
    def __init__(
        self,
        doc: Doc,
        tokens: list[Tok],
        candidates: list[Candidate],
        gazetteer: Gazetteer,
        sentence_of: list[int],
    ) -> None:
        self.doc = doc
        self.tokens = tokens
        self.gazetteer = gazetteer
        self.sentence_of = sentence_of
        self.covered: dict[int, Candidate] = {}
        # The head words of the organisations the article names, with where each is first
        # named ("the Supreme Court": court).
        self.named_heads: dict[str, int] = {}
        for c in candidates:
            for i in range(c.first, c.stop):
                self.covered[i] = c
            if c.label == "ORG":
                words = c.text.casefold().split()
                head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
                self.named_heads.setdefault(head, c.start)

    def _country(self, c: Candidate, token: Tok, head: str) -> tuple[str | None, bool]:
        """The country code a modifier's entity span names, and whether it names an actor
        (a country, a former state, a nationality or a people); a place that is no country
        ("Istanbul police") names none. A capital stands for its state before a government
        word ("Moscow's forces", "the Baghdad government")."""
        if c.label == "NORP":
            code = country_of_demonym(c.text)
            if code is None and (former := former_state_of_demonym(c.text)) is not None:
                code = former_country(former)
            return code, True
        if c.label in {"GPE", "ORG"}:
            country = self.gazetteer.country(c.text)
            if country is not None and country.country_code:
                return country.country_code, True
            if (code := former_country(c.text)) is not None:
                return code, True
            if c.label == "GPE" and (token.dep_ == "poss" or head in _SEATS_OF_POWER):
                code = self.gazetteer.capital_country(c.text)
                if code is not None:
                    return code, True
        return None, False

    def read(self, head: Tok, lemma: str) -> CommonNoun | None:
        many = head.tag_ in _PLURAL_TAGS or lemma in COLLECTIVES
        definite = indefinite = False
        quantity: int | None = None
        for child in head.children:
            if child.dep_ == "det":
                definite = definite or child.lower_ in _DEFINITE
                indefinite = indefinite or child.lower_ in _INDEFINITE
            elif child.dep_ == "poss" and child.i not in self.covered:
                definite = True  # "his lawyer", "the company's employees"
            elif child.dep_ == "appos" and self._is_person(child):
                return None  # "a new chief executive officer, Richard A. Gilleland"
            elif (
                child.dep_ == "amod"
                and lemma == "force"
                and not _kept_adjective(child.lower_)
                and not is_demonym(child.text)
            ):
                return None  # "internal and external forces", "Satanic forces"; not "Iranian"
            elif child.dep_ in {"amod", "compound"} and (child.lower_, lemma) in _THING_PHRASES:
                return None  # "banned social media": platforms, not the press
        if head.dep_ == "pobj" and head.head.lower_ == "of":
            over = head.head.head
            if over.lemma_.casefold() in GROUPINGS or over.pos_ == "NUM":
                quantity = over.i
        counted = quantity is not None or any(c.dep_ == "nummod" for c in head.children)
        kin_of = False  # kin named by whose they are
        phrase = _Phrase()
        pending = [c for c in head.children if c.dep_ in _MODIFIER_DEPS and c.i < head.i]
        while pending:
            token = pending.pop()
            if token.i in phrase.kept:
                continue
            hyphenated = _hyphenated_word(self.tokens, token)
            if len(hyphenated) > 1 and (
                self._not_a_nationality(hyphenated)
                or not _kept_adjective(self.tokens[hyphenated[-1]].lower_)
                or any(self.tokens[i].pos_ in {"ADP", "DET"} for i in hyphenated)
            ):
                # "Soviet-style", "Iranian-backed", "non-profit", "low-profit", "out-of-state":
                # a word of its own, no nationality or sector ("law-enforcement officials"
                # keep theirs).
                continue
            if len(hyphenated) > 1:  # "pro-government", "law-enforcement": the whole word
                phrase.kept.update((i, self.tokens[i]) for i in hyphenated if i != token.i)
            c = self.covered.get(token.i)
            if c is not None:
                code, actor = self._country(c, token, lemma)
                if c.label in _NAMED and not actor and lemma in PARTISANS:
                    phrase.keep(self.tokens[c.first : c.stop], c.text.casefold())
                    continue  # "Abacha supporters": a side's people, not Abacha
                if c.label == "PERSON" and token.dep_ == "poss" and lemma in KIN:
                    phrase.keep(self.tokens[c.first : c.stop], c.text.casefold())
                    kin_of = True  # "Elian's father": his, and someone else
                    continue
                if c.label in _NAMED and not actor:
                    return None  # "Hamas militants", "Trump's lawyers": the named actor acts
                if c.label == "NORP" or actor:
                    phrase.add_named(self.tokens[c.first : c.stop], c, code)
                elif self.tokens[c.stop].pos_ != "PUNCT":  # "Istanbul police", not "Ala., "
                    phrase.keep(self.tokens[c.first : c.stop], c.text.casefold())
                else:
                    continue
            elif token.dep_ == "poss":
                definite = definite or token.pos_ != "PRON"
                continue  # "the company's employees": another's, not part of the name
            elif (
                token.pos_ in {"ADJ", "PROPN"}
                and (code := country_of_demonym(token.text)) is not None
            ):
                # a nationality the model missed, tagged an adjective or a name ("Bangladeshi")
                phrase.keep([token], code, code=code)
                phrase.demonyms.append(self._candidate(token, "NORP"))
            elif token.pos_ == "PROPN" and (code := self._country_name(token)) is not None:
                phrase.keep([token], code, code=code)  # "the Cyprus government"
            elif token.tag_ == "NNS" and modifier_agent(token.lemma_) is None:
                continue  # "high fees regulators imposed": a misread, not a modifier
            elif token.pos_ in _NOUNS or _kept_adjective(token.lower_):
                word = token.lemma_.casefold() if token.pos_ in _NOUNS else token.lower_
                phrase.keep(
                    [token], word, sector=word, unknown=token.pos_ == "NOUN" and token.head is head
                )
            else:
                continue  # "six", "senior", "angry"
            pending.extend(
                c for c in token.children if c.dep_ in {"conj", "compound", "amod"} and c.i < head.i
            )
        last = head.i
        after = self._country_after(head)
        if after is not None:  # "delegations from Ukraine", "the government of Syria"
            c, code = after
            phrase.add_named(self.tokens[head.i + 1 : c.stop], c, code)
            last = c.stop - 1
        kept = phrase.kept
        modifier_words = [phrase.sector[i] for i in sorted(phrase.sector)]
        if lemma in PLURAL_ONLY and not many and not modifier_words:
            return None  # "the authority to", "the use of force"
        if lemma in _STATES_TOGETHER and not kept:
            return None  # "countries that oppose", "our two countries": no states said which
        agent = agent_of_phrase(lemma, modifier_words, phrase.unknown)
        if agent is None and lemma in NATIONALS and (phrase.codes or counted or indefinite):
            # "a Tanzanian man", "killed 224 people", "thousands of people demonstrated",
            # "another man was arrested": civilians, of a country, counted or one; not
            # "people familiar with the matter", "the man"
            agent = "CVL"
        if (
            agent is None
            and lemma in _LEADERS
            and (phrase.codes or any(t.lower_ in _OF_STATES for t in phrase.kept.values()))
        ):
            # "European leaders", "Arab leaders", "world leaders": the states' heads, GOV
            agent = "GOV"
        if agent is None:
            return None  # "a spokesman", "crane officials", "business leaders": no sector said
        institution = lemma in INSTITUTIONS or (
            bool(modifier_words) and (modifier_words[-1], lemma) in INSTITUTION_PHRASES
        )
        if not many and not institution and not indefinite and not kin_of:
            return None  # "the president", "his lawyer": someone the reader resolves
        if lemma in KIN and not many and not kin_of:
            return None  # "a relative said", "joining a family": no one's kin named
        if not many and institution and definite and not phrase.named:
            if lemma in ANAPHORIC_INSTITUTIONS:
                return None  # "the company", "the ministry": a body named before
            if self.named_heads.get(lemma, head.idx) < head.idx:
                return None  # "the Supreme Court ... the court"
        first = min((i for i in kept if i < head.i), default=head.i)
        start = self.tokens[first].idx
        end = self.tokens[last].idx + len(self.tokens[last].text)
        name = self._name(kept, head, first, last, head.lower_)
        if many or institution:
            plural_name = name
        else:
            plural_name = self._name(kept, head, first, last, plural(lemma))
        distinct = sorted(set(phrase.codes))
        mention = Candidate(
            label="COMMON",
            text=self.doc[first : last + 1].text,
            start=start,
            end=end,
            first=first,
            stop=last + 1,
            root=head.i,
            sentence=self.sentence_of[head.i],
        )
        mapped = sorted([*kept, head.i] + ([quantity] if quantity is not None else []))
        return CommonNoun(
            key=" ".join([*sorted(phrase.keys), lemma]),
            lemma=lemma,
            name=name,
            plural_name=plural_name,
            plural=many,
            bare=not kept,
            kind="organization" if institution else "group",
            agent=agent,
            country_code=(distinct[0] or None) if len(distinct) == 1 else None,
            mention=mention,
            tokens=tuple(mapped),
            named_modifiers=tuple(phrase.named),
            claimed=tuple(phrase.claimed),
            demonyms=tuple(phrase.demonyms),
        )

    def _not_a_nationality(self, word: range) -> bool:
        """Whether a hyphenated word starts with a nationality or "non" and so says no
        nationality or sector of its own ("Soviet-style", "U.S.-backed", "non-profit")."""
        first = self.tokens[word.start]
        c = self.covered.get(first.i)
        return (
            (c is not None and c.label in {"NORP", "GPE"})
            or country_of_demonym(first.text) is not None
            or first.lower_ == "non"
        )

    def _is_person(self, token: Tok) -> bool:
        c = self.covered.get(token.i)
        return c is not None and c.label == "PERSON"

    def _country_name(self, token: Tok) -> str | None:
        """The code of a country's name the model did not tag ("the Cyprus government")."""
        country = self.gazetteer.country(token.text)
        return country.country_code if country is not None and country.country_code else None

    def _country_after(self, head: Tok) -> tuple[Candidate, str | None] | None:
        """A country or people named right after the head by "from" or "of" ("delegations
        from Ukraine", "the government of Syria"): its span and country code."""
        for child in head.children:
            if child.dep_ != "prep" or child.i != head.i + 1 or child.lower_ not in {"from", "of"}:
                continue
            for pobj in child.children:
                c = self.covered.get(pobj.i)
                if pobj.dep_ != "pobj" or c is None or c.first > child.i + 2:
                    continue
                if c.first == child.i + 2 and self.tokens[child.i + 1].dep_ != "det":
                    continue
                code, actor = self._country(c, pobj, "")
                if actor:
                    return c, code
        return None

    def _name(self, kept: dict[int, Tok], head: Tok, first: int, last: int, word: str) -> str:
        """The words of the name as written, common words in lower case, the head as `word`,
        with the words that join them ("US and European officials", "Russia’s forces")."""
        keep = set(kept) | {head.i}
        text = ""
        previous = -2
        for token in self.doc[first : last + 1]:
            i = token.i
            if i not in keep:
                # "Russia's", "US and European", "US, Ukrainian and", "law-enforcement": the
                # words that join two words of the name, or a possessive ending.
                joins = token.dep_ in _FILLER_DEPS or token.text == "-"
                after = token.dep_ == "case" or (i + 1 <= last and i + 1 in keep)
                if not (joins and previous == i - 1 and after):
                    continue
            form = word if i == head.i else token.text
            # A common word, or a word of ours the tagger took for a name at the start of a
            # sentence ("Riot police").
            common = token.pos_ in {"NOUN", "ADJ"} or _kept_adjective(token.lower_)
            if i != head.i and i not in self.covered and common and not is_demonym(form):
                form = form.lower()
            if text:
                text += self.doc[previous].whitespace_ if previous == i - 1 else " "
            text += form
            previous = i
        return text

    def _candidate(self, token: Tok, label: str) -> Candidate:
        return Candidate(
            label=label,
            text=token.text,
            start=token.idx,
            end=token.idx + len(token.text),
            first=token.i,
            stop=token.i + 1,
            root=token.i,
            sentence=self.sentence_of[token.i],
            modifier=True,
        )


def find_common_nouns(
    doc: Doc,
    tokens: list[Tok],
    candidates: list[Candidate],
    gazetteer: Gazetteer,
    sentence_of: list[int],
) -> list[CommonNoun]:
    """The article's common-noun actor mentions in text order (module docstring); a token of
    an entity span is never one (a named actor wins)."""
    reader: _Reader | None = None
    found: list[CommonNoun] = []
    for token in tokens:
        if token.pos_ not in _NOUNS:
            continue
        lemma = actor_lemma(token.lemma_, token.lower_)
        if lemma is None or not _stands_as_actor(token):
            continue
        if reader is None:  # most sentences have none: build the index on the first
            reader = _Reader(doc, tokens, candidates, gazetteer, sentence_of)
        if token.i in reader.covered:
            continue
        if (
            token.pos_ == "PROPN"
            and not is_role(lemma)
            and token.text[:1].isupper()
            and not _sentence_start(tokens, sentence_of, token)
        ):
            # "Sen. Carl Levin", "Marine Corps": a capitalised word inside a sentence is part
            # of a name, not the common noun ("Police" starts a sentence, "police" is common).
            continue
        common = reader.read(token, lemma)
        if common is not None:
            found.append(common)
    return found


def _sentence_start(tokens: list[Tok], sentence_of: list[int], token: Tok) -> bool:
    i = token.i - 1
    while i >= 0 and (tokens[i].pos_ in {"PUNCT", "SPACE"} or tokens[i].dep_ == "det"):
        i -= 1
    return i < 0 or sentence_of[i] != sentence_of[token.i]
