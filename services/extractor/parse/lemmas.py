"""The model's rule lemmatizer with its answers remembered per (word, POS, morphology).

spaCy's rule lemmatizer builds a Token for every word, reads its POS and morphology as strings
and dicts, and only then consults its own cache (which leaves out base forms, most words): 0.34
ms a text. Its answer depends on the word, its POS and its morphology alone (`rule_lemmatize`,
and English's `is_base_form`), so `LemmaMemo` reads those three for the whole doc in one array,
asks the lemmatizer itself once per combination not seen before (a bounded memo), and writes
the lemmas back in one array write. Words the attribute rules gave a lemma keep it, as with
the lemmatizer (which does not overwrite).
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

COMPONENT = "newsflow_lemmas"
_READ = [ORTH, POS, MORPH, LEMMA]
# Combinations remembered: the word makes them unbounded over a long run, so the memo starts
# again past this (300 news texts hold ~6,000).
MEMO_ENTRIES = 1 << 17


class LemmaMemo:
    """The pipeline component: `lemmatizer`'s lemmas, each combination asked once."""

    def __init__(self) -> None:
        self.lemmatizer: Lemmatizer | None = None
        self._memo: dict[tuple[int, int, int], str] = {}
        self._checked = False

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        assert lemmatizer is not None, "use_lemma_memo() sets the lemmatizer before any parse"
        if not self._checked:
            # The lemmatizer checks its tables on its first doc (and raises if they are
            # missing): let it read the first doc itself.
            self._checked = True
            result = lemmatizer(doc)
            assert isinstance(result, Doc)
            return result
        if not len(doc):
            return doc
        memo = self._memo
        if len(memo) > MEMO_ENTRIES:
            memo.clear()
        add = doc.vocab.strings.add
        rows = doc.to_array(_READ).tolist()
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma:  # set by the attribute rules
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            found = memo.get(key)
            if found is None:
                found = memo[key] = lemmatizer.lemmatize(doc[i])[0]
            lemmas.append(add(found))
        doc.from_array([LEMMA], np.array(lemmas, dtype=np.uint64))  # type: ignore[arg-type]  # spaCy types it as thinc's Ints2d, an alias of ndarray
        return doc


@Language.factory(COMPONENT)
def _make(nlp: Language, name: str) -> LemmaMemo:
    return LemmaMemo()


def use_lemma_memo(nlp: Language, name: str = "lemmatizer") -> bool:
    """Put a LemmaMemo in place of `nlp`'s rule lemmatizer `name` (same name, same place);
    False, with nothing changed, when there is none, it reads more than the word, POS and
    morphology (another class or mode), or it overwrites lemmas set before it."""
    if name not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe(name)
    if type(lemmatizer) not in (Lemmatizer, EnglishLemmatizer):
        return False
    assert isinstance(lemmatizer, Lemmatizer)
    if lemmatizer.mode != "rule" or lemmatizer.overwrite:
        return False
    memo = nlp.replace_pipe(name, COMPONENT)
    assert isinstance(memo, LemmaMemo)
    memo.lemmatizer = lemmatizer
    return True
