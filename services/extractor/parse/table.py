"""A parsed article's tokens as plain Python objects, read out of spaCy once per article.

Every attribute of a spaCy `Token` is computed on each access: `dep_` and `lemma_` look their
string up in the vocabulary, `head` and `children` build new Token objects. The event reader
walks the dependency tree hundreds of times per article, and those reads were most of its time.
`parse_table` copies what the readers use with one `Doc.to_array` call, each string looked up
once; `Tok` has the same attribute names as `Token`, so code reads either.

The table also mends three of the model's errors that every stage would otherwise read: lemmas
it gets wrong (`_LEMMA_REPAIRS`), a company's name stranded after the period of its "Corp."
(`_reattach_stranded_name`), and a sentence's past-tense verb hung on the noun before it
under a verbless root (`_raise_stranded_verb`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from operator import attrgetter

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LOWER, ORTH, POS, TAG
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.strings import StringStore
from spacy.tokens import Doc

# Attributes copied per token, in `Doc.to_array` column order.
_COLUMNS = [ORTH, LOWER, POS, TAG, DEP, LEMMA, HEAD, IDX]
# Distinct strings remembered across articles (words, lemmas, labels); past this the memo starts
# over, so a long-running service does not grow without bound. A day of news uses fewer.
_MEMO_LIMIT = 200_000
# Forms the model's lemmatizer gets wrong, keyed by the word as written, since some wrong
# lemmas are words of their own ("raped" -> "rap", as "rapped"): "hopes" -> "hop" hides a
# hedge, "staged rallies" -> "stag" a protest, "fined" -> "fin" a sanction.
_LEMMA_REPAIRS = {
    **dict.fromkeys(("hopes", "hoped", "hoping"), "hope"),
    **dict.fromkeys(("staged", "stages", "staging"), "stage"),
    **dict.fromkeys(("waged", "waging"), "wage"),
    **dict.fromkeys(("fined", "fining"), "fine"),
    **dict.fromkeys(("lambasted", "lambasts", "lambasting"), "lambaste"),
    **dict.fromkeys(("raped", "rapes", "raping"), "rape"),
    **dict.fromkeys(("readied", "readies"), "ready"),  # "readie": "readied 8,000 troops"
    "retook": "retake",
    "audits": "audit",
}
_strings_memo: dict[int, str] = {}
_POSITION = attrgetter("i")


class Tok:
    """One token: the subset of `spacy.tokens.Token` the extractor reads, as plain values."""

    __slots__ = ("children", "dep_", "head", "i", "idx", "lemma_", "lower_", "pos_", "tag_", "text")

    def __init__(
        self, i: int, text: str, idx: int, lower: str, pos: str, tag: str, dep: str, lemma: str
    ) -> None:
        self.i = i
        self.text = text
        self.idx = idx
        self.lower_ = lower
        self.pos_ = pos
        self.tag_ = tag
        self.dep_ = dep
        self.lemma_ = lemma
        self.head: Tok = self
        # In text order, as spaCy's `Token.children` yields them (left children, then right).
        # Most tokens have none: they share one empty tuple rather than each owning a list
        # (allocating a list per token was half the cost of the table).
        self.children: Sequence[Tok] = ()

    @property
    def subtree(self) -> Iterator[Tok]:
        """The token and its descendants, in spaCy's `Token.subtree` order."""
        for child in self.children:
            if child.i < self.i:
                yield from child.subtree
        yield self
        for child in self.children:
            if child.i > self.i:
                yield from child.subtree

    def __repr__(self) -> str:
        return f"Tok({self.i}, {self.text!r})"


def subtree_until(token: Tok, stop: Callable[[Tok], bool]) -> list[Tok]:
    """`token` and its descendants in text order, not entering a child for which `stop` is true
    (nor anything under it): a clause without its sub-clauses, a noun phrase without the
    clauses and other event nouns it holds."""
    tokens = [token]
    # Walked in place: `tokens` doubles as the queue (the event reader calls this for every
    # clause, so it avoids a stack and a generator per token).
    for top in tokens:
        for child in top.children:
            if not stop(child):
                tokens.append(child)
    tokens.sort(key=_POSITION)
    return tokens


def _strings(hashes: list[int], store: StringStore) -> list[str]:
    memo = _strings_memo
    if len(memo) > _MEMO_LIMIT:
        memo.clear()
    for key in set(hashes).difference(memo):
        memo[key] = store[key]
    return list(map(memo.__getitem__, hashes))


def parse_table(doc: Doc) -> list[Tok]:
    """`doc`'s tokens as `Tok`s, heads and children linked (`table[i]` is `doc[i]`)."""
    if len(doc) == 0:
        return []
    array = doc.to_array(_COLUMNS)
    store = doc.vocab.strings
    orth, lower, tag, dep, lemma = (
        _strings(array[:, column].tolist(), store) for column in (0, 1, 3, 4, 5)
    )
    pos = [POS_NAMES[key] for key in array[:, 2].tolist()]
    # HEAD is the signed offset to the head, stored in the unsigned array: reinterpret it.
    heads = array[:, 6].astype(np.int64).tolist()
    starts = array[:, 7].tolist()
    if not _LEMMA_REPAIRS.keys().isdisjoint(lower):
        lemma = [_LEMMA_REPAIRS.get(word, found) for word, found in zip(lower, lemma, strict=True)]
    table = list(map(Tok, range(len(orth)), orth, starts, lower, pos, tag, dep, lemma))
    children: dict[int, list[Tok]] = {}
    for i, offset in enumerate(heads):
        if offset:
            token = table[i]
            token.head = table[i + offset]
            found = children.get(i + offset)
            if found is None:
                children[i + offset] = [token]
            else:
                found.append(token)
    for i, found in children.items():
        table[i].children = found
    for token in table:
        if token.dep_ == "punct" and token.pos_ == "PROPN" and token.text.endswith("."):
            _reattach_stranded_name(table, token)
        elif token.dep_ == "acl" and token.tag_ == "VBD":
            _raise_stranded_verb(token)
    return table


def _raise_stranded_verb(verb: Tok) -> None:
    """ "Lawmaker Jairam Ramesh from the opposition Congress party called the tribunal's
    approval 'deeply disappointing'": the parser hung the past tense on the noun before it, as
    it would a participle ("the party called X"), and made the adjective the root. A verb in
    the past tense (the tagger's VBD, not a participle's VBN) modifying a noun, in a sentence
    with no verb at its root, is the sentence's verb: it becomes the root, and the nominal that
    held it, under the old root, its subject (unless it has one: "The facts: The U.S. never
    owned Greenland")."""
    root = verb
    for _ in range(_DEPTH):
        if root.head is root:
            break
        root = root.head
    if root.pos_ in {"VERB", "AUX"} or root.head is not root:
        return
    if any(c.tag_ in _RELATIVES or c.lower_ == "that" for c in verb.children):
        return  # "a novel ... that the Nobel committee called a 'monumental work'": a relative
    holder = verb.head
    for _ in range(_DEPTH):
        if holder is root or holder.head is root:
            break
        holder = holder.head
    if holder is not root and holder.head is not root:
        return
    _attach(verb, verb, "ROOT")
    has_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    if holder is not root:
        _attach(holder, verb, "dep" if has_subject else "nsubj")
        _attach(root, verb, "oprd" if root.pos_ == "ADJ" else "dep")
    else:
        _attach(root, verb, "dep" if has_subject else "nsubj")


def _attach(token: Tok, head: Tok, dep: str) -> None:
    """Hang `token` on `head` (itself for a root) with `dep`, off its old head."""
    old = token.head
    if old is not token:
        old.children = [c for c in old.children if c is not token]
    token.head, token.dep_ = head, dep
    if head is not token:
        head.children = sorted([*head.children, token], key=_POSITION)


_RELATIVES = frozenset({"WDT", "WP", "WP$"})
# How deep a sentence's tree goes, at most: a guard against parse cycles.
_DEPTH = 40


def _reattach_stranded_name(table: list[Tok], name: Tok) -> None:
    """ "agreed to be acquired by Star States Corp. The company ...": the parser reads the
    period of a company's "Corp." or "Inc." that ends a sentence as the sentence's end, and
    hangs the name on the verb as punctuation. The name is the object of the preposition or
    verb right before it, when that has none."""
    first = min([name.i, *(c.i for c in name.children if c.dep_ == "compound")])
    if first == 0 or len(name.text) < 3:
        return
    before = table[first - 1]
    if before.pos_ == "ADP" and not any(c.dep_ == "pobj" for c in before.children):
        dep = "pobj"
    elif before.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in before.children):
        dep = "dobj"
    else:
        return
    _attach(name, before, dep)
