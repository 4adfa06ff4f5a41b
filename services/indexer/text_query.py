"""The search box's language (`q`): one parser, and its rendering for SQLite FTS5 and PostgreSQL.

What people type, as in web search boxes and Elasticsearch's `simple_query_string`:

- `word word`: every word must occur (implicit AND); words are stemmed ("talks" finds "talk");
- `"a phrase"`: these words in this order;
- `-word`, `-"a phrase"`, `NOT word`: results with it are left out;
- `word OR word`: either; OR binds tighter than the space, so `trade tariffs OR sanctions` is
  trade AND (tariffs OR sanctions), as in Google's search box;
- `word*`: a word starting so (at least two letters or digits before the `*`), or the word
  itself. The indexes hold stems ("negoti" for "negotiations"), so a prefix matches the start
  of a stem, and the word itself is searched stemmed: `negotiations*` finds "negotiations".

`OR`, `AND` and `NOT` are operators only in capitals (`AND` is what the space means anyway);
in lower case they are common words. Anything else is taken as words: punctuation splits words
as the indexes split them, and an unbalanced quote runs to the end. Common English words
("the", "of", "not", ...) are not indexed by PostgreSQL, so a term made only of them is left
out on both stores, and the response's `q_understood` says what was searched. What cannot be
read unambiguously is refused (`QueryError`, a 400 naming `q`): an OR or NOT with nothing on
one side, an excluded term as an alternative of OR, only exclusions, parentheses together with
operators (they do not group), a one-letter prefix.

Both renderings quote every term, so no user input is ever read as the engine's own syntax;
each engine splits and stems a term exactly as it split and stemmed the documents.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

# A prefix of one letter expands to a large share of the vocabulary; two keep it useful
# ("EU*") and the index lookup bounded.
MIN_PREFIX_CHARS = 2

# PostgreSQL's `english` stop words (tsearch_data/english.stop, the Snowball list): to_tsvector
# leaves them out of the index, so a term made only of them can match nothing there. The same
# terms are left out of the SQLite query, so both stores answer alike; an integration test
# checks this list against the server.
STOP_WORDS = frozenset(
    """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his himself
    she her hers herself it its itself they them their theirs themselves what which who whom
    this that these those am is are was were be been being have has had having do does did
    doing a an the and but if or because as until while of at by for with about against between
    into through during before after above below to from up down in out on off over under again
    further then once here there when where why how all any both each few more most other some
    such no nor not only own same so than too very s t can will just don should now
    """.split()  # noqa: SIM905
)

# The language in a few lines (under 72 columns, for an 80-column `--help`), for the OpenAPI
# description, `newsflow search --help` and the README (tests check that each says it).
SYNTAX = """\
words       every word must occur (stemmed: talks finds talk)
"a phrase"  these words in this order
-word       leave out results with it (also -"a phrase" and NOT word)
a OR b      either; OR binds tighter than the space: a b OR c means
            a AND (b OR c)
word*       words starting so (2 letters or digits at least)
OR, AND and NOT are operators in capitals only. Common words (the, of,
not, ...) are not searched; other punctuation separates words;
parentheses do not group."""

_OPERATORS = ("OR", "AND", "NOT")
# A chunk of the input: a quoted phrase (the closing quote optional), or a run of other
# non-space characters.
_CHUNK = re.compile(r'(-*)"([^"]*)"?|([^\s"]+)')
# The words of a term as both indexes see them: runs of letters and digits.
_WORD = re.compile(r"[^\W_]+")


class QueryError(ValueError):
    """A `q` that cannot be read unambiguously (the API answers 400 naming `q`)."""


@dataclass(frozen=True)
class Term:
    """A word (`text` may hold punctuation, as typed), a phrase or a prefix."""

    text: str
    phrase: bool = False
    prefix: bool = False

    @property
    def words(self) -> list[str]:
        return _WORD.findall(self.text.lower())

    def __str__(self) -> str:
        if self.phrase:
            return f'"{self.text}"'
        return self.text + ("*" if self.prefix else "")


@dataclass(frozen=True)
class TextQuery:
    """All `groups` must match (each by any one of its terms), none of `excluded`."""

    groups: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()
    ignored: tuple[str, ...] = ()

    @property
    def terms(self) -> tuple[Term, ...]:
        return tuple(t for group in self.groups for t in group) + self.excluded

    @property
    def has_phrase(self) -> bool:
        """Whether a term it must match is several words (a phrase, or a prefix after words):
        an index of words, without their positions, holds more articles than match it."""
        return any(len(t.words) > 1 for group in self.groups for t in group)

    def __str__(self) -> str:
        """The query as understood, in the language itself (`trade tariffs OR sanctions -x`),
        so it reads back the same."""
        parts = [" OR ".join(map(str, group)) for group in self.groups]
        return " ".join(parts + [f"-{t}" for t in self.excluded])


@dataclass
class _Chunk:
    text: str
    phrase: bool
    negated: bool

    @property
    def operator(self) -> str | None:
        return self.text if not self.phrase and self.text in _OPERATORS else None


def _chunks(q: str) -> list[_Chunk]:
    out = []
    for match in _CHUNK.finditer(q):
        dashes, phrase, word = match.group(1), match.group(2), match.group(3)
        if phrase is not None:
            out.append(_Chunk(" ".join(phrase.split()), True, bool(dashes)))
            continue
        stripped = word.lstrip("-")
        if stripped and stripped != word:
            out.append(_Chunk(stripped, False, True))
        else:
            out.append(_Chunk(word, False, False))
    return out


def _term(chunk: _Chunk) -> Term | None:
    """The term of a chunk, or None when it holds no letter or digit."""
    if chunk.phrase:
        return Term(chunk.text, phrase=True) if _WORD.search(chunk.text) else None
    text, prefix = chunk.text, False
    if text.endswith("*"):
        text, prefix = text.rstrip("*"), True
    words = _WORD.findall(text)
    if not words:
        return None
    if prefix and len(words[-1]) < MIN_PREFIX_CHARS:
        raise QueryError(
            f"{chunk.text}: a prefix needs at least {MIN_PREFIX_CHARS} letters or digits "
            "before the *"
        )
    return Term(text, prefix=prefix)


def _common(word: str) -> bool:
    return all(w in STOP_WORDS for w in _WORD.findall(word.lower()))


def _trimmed(phrase: Term) -> Term:
    """A phrase without the common words at its ends, which PostgreSQL drops there (inside,
    it keeps their places: "end of the war" is 'end' <3> 'war')."""
    words = phrase.text.split()
    while words and _common(words[0]):
        words.pop(0)
    while words and _common(words[-1]):
        words.pop()
    return Term(" ".join(words), phrase=True)


def _outside_quotes(q: str) -> str:
    return re.sub(r'"[^"]*"?', " ", q)


def parse(q: str) -> TextQuery:
    """Read the search box's text; `QueryError` says what cannot be read and how to write it."""
    q = unicodedata.normalize("NFKC", q)
    chunks = _chunks(q)
    has_operator = any(c.operator in ("OR", "NOT") or c.negated for c in chunks)
    if has_operator and re.search(r"[()]", _outside_quotes(q)):
        raise QueryError(
            "parentheses do not group terms; OR binds tighter than the space, "
            "so `a b OR c` means a AND (b OR c)"
        )
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    ignored: list[str] = []
    want_alternative = False  # an OR was read and waits for its right-hand term
    negate_next = False  # a NOT was read
    last_excluded = False
    for chunk in chunks:
        op = chunk.operator
        if op == "OR":
            if not groups or want_alternative or negate_next or last_excluded:
                raise QueryError("OR needs a word or phrase to include on each side")
            want_alternative = True
            continue
        if op == "AND":
            if want_alternative or negate_next:
                raise QueryError("AND cannot follow OR or NOT")
            continue
        if op == "NOT":
            if want_alternative:
                raise QueryError("an excluded term cannot be an alternative of OR")
            if negate_next:
                raise QueryError("NOT NOT: write the word to exclude after one NOT")
            negate_next = True
            continue
        term = _term(chunk)
        negated = chunk.negated or negate_next
        negate_next = False
        if term is None:
            continue
        if negated:
            if want_alternative:
                raise QueryError("an excluded term cannot be an alternative of OR")
            excluded.append(term)
            last_excluded = True
            continue
        last_excluded = False
        if want_alternative:
            groups[-1].append(term)
            want_alternative = False
        else:
            groups.append([term])
    if want_alternative:
        raise QueryError("OR needs a word or phrase to include on each side")
    if negate_next:
        raise QueryError("NOT needs a word or phrase after it")

    def kept(terms: list[Term]) -> tuple[Term, ...]:
        out = []
        for term in terms:
            if not term.prefix and all(w in STOP_WORDS for w in term.words):
                ignored.append(str(term))
            elif term.phrase:
                out.append(_trimmed(term))
            else:
                out.append(term)
        return tuple(out)

    kept_groups = tuple(g for g in (kept(group) for group in groups) if g)
    kept_excluded = kept(excluded)
    if not kept_groups:
        if groups:
            raise QueryError(
                f"holds only common words that are not indexed ({', '.join(ignored)}); "
                "add a more specific word"
            )
        if excluded:
            raise QueryError("needs a word or phrase to find; -word and NOT only exclude")
        raise QueryError("holds no searchable word (letters or digits)")
    return TextQuery(kept_groups, kept_excluded, tuple(ignored))


# -- SQLite FTS5 --------------------------------------------------------------------------


def _fts5_term(term: Term) -> str:
    word = '"' + term.text.replace('"', '""') + '"'
    if term.prefix:
        # The words as a phrase whose last word is a prefix of an indexed (stemmed) word, or
        # the word itself, stemmed: the index holds "talk" for "talks", so "talks"* alone would
        # miss the very word typed.
        return "(" + '"' + " ".join(term.words) + '"* OR ' + word + ")"
    return word


def fts5_match(text: TextQuery) -> str:
    """An FTS5 MATCH expression: every term a quoted string, grouping by parentheses."""
    groups = ["(" + " OR ".join(_fts5_term(t) for t in group) + ")" for group in text.groups]
    found = " AND ".join(groups)
    if not text.excluded:
        return found
    return f"({found}) NOT (" + " OR ".join(_fts5_term(t) for t in text.excluded) + ")"


# -- PostgreSQL ---------------------------------------------------------------------------

_PHRASE = "phraseto_tsquery('english'::regconfig, {})"


def _tsquery_lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "':*"


def _pg_term(term: Term, param: Callable[[object], str]) -> str:
    word = _PHRASE.format(param(term.text))
    if not term.prefix:
        return word
    # As in FTS5: the prefix is matched unstemmed against the indexed lexemes, words before it
    # (a prefix written "e-mai*") are a phrase stemmed as the documents were; or the word.
    *lead, last = term.words
    prefix = f"({param(_tsquery_lexeme(last))})::tsquery"
    if lead:
        prefix = f"tsquery_phrase({_PHRASE.format(param(' '.join(lead)))}, {prefix})"
    return f"({prefix} || {word})"


def pg_tsquery(text: TextQuery, param: Callable[[object], str]) -> str:
    """An SQL expression of type tsquery; `param` binds a value and returns its placeholder.

    Every term is its own bound parameter turned into a tsquery by PostgreSQL (phrases with
    `phraseto_tsquery`, which never raises on its input), combined with `&&`, `||` and `!!`.
    """
    groups = ["(" + " || ".join(_pg_term(t, param) for t in group) + ")" for group in text.groups]
    found = " && ".join(groups)
    if not text.excluded:
        return f"({found})"
    excluded = " || ".join(_pg_term(t, param) for t in text.excluded)
    return f"({found} && !!({excluded}))"
