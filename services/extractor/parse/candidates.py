"""Candidate mentions: entity spans of the parse, trimmed, with the label Newsflow settled on.

`actors.mentions` reads them from spaCy's entities and repairs their labels; `actors` and
`places` take them from there. The type lives here, below both, so that neither imports the
other's stage to read it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc


@dataclass(frozen=True)
class Candidate:
    """One trimmed entity span with its (repaired) label."""

    label: str
    text: str
    start: int
    end: int
    first: int  # first token index
    stop: int  # one past the last token index
    root: int  # token index of the span's syntactic root
    sentence: int
    modifier: bool = False  # modifies a common noun ("US negotiators", "Russian officials")


def sentence_of_tokens(doc: Doc) -> list[int]:
    """The sentence index (in `list(doc.sents)`) of every token."""
    index = [0] * len(doc)
    for number, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            index[i] = number
    return index
