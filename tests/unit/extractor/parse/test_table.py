from __future__ import annotations

from spacy.language import Language

from services.extractor.parse.table import parse_table, subtree_until

_TEXT = (
    "Russian officials are set to arrive in Miami on Saturday, where they will meet "
    "Trump’s envoy, Steve Witkoff.\n\nKyiv said the talks with Moscow were useful."
)


def test_table_reads_like_the_doc(nlp: Language) -> None:
    doc = nlp(_TEXT)
    table = parse_table(doc)
    assert len(table) == len(doc)
    for tok, token in zip(table, doc, strict=True):
        assert (tok.i, tok.text, tok.idx, tok.lower_) == (
            token.i,
            token.text,
            token.idx,
            token.lower_,
        )
        assert (tok.pos_, tok.tag_, tok.dep_, tok.lemma_) == (
            token.pos_,
            token.tag_,
            token.dep_,
            token.lemma_,
        )
        assert tok.head.i == token.head.i
        assert [c.i for c in tok.children] == [c.i for c in token.children]
        assert [t.i for t in tok.subtree] == [t.i for t in token.subtree]


def test_roots_are_their_own_heads(nlp: Language) -> None:
    table = parse_table(nlp(_TEXT))
    roots = [tok for tok in table if tok.dep_ == "ROOT"]
    assert len(roots) == 2
    assert all(root.head is root for root in roots)


def test_empty_doc_gives_an_empty_table(nlp: Language) -> None:
    assert parse_table(nlp("")) == []


def test_subtree_until_leaves_out_what_it_stops_at(nlp: Language) -> None:
    table = parse_table(nlp("Kyiv said the talks with Moscow were useful."))
    said = next(tok for tok in table if tok.text == "said")
    assert subtree_until(said, lambda child: False) == list(said.subtree)
    # Without the content clause: the verb, its subject and the full stop, in text order.
    clause = subtree_until(said, lambda child: child.dep_ == "ccomp")
    assert [tok.text for tok in clause] == ["Kyiv", "said", "."]
    talks = next(tok for tok in table if tok.text == "talks")
    assert [tok.text for tok in subtree_until(talks, lambda child: child.text == "with")] == [
        "the",
        "talks",
    ]


def test_lemmas_the_model_gets_wrong_are_repaired(nlp: Language) -> None:
    # The model reads "hopes" as "hop" and "staged" as "stag": a hedge and a protest lost.
    table = parse_table(
        nlp("Iran hopes to sign. Students staged rallies. Rebels raped and looted. Iraq waged war.")
    )
    lemmas = {t.text: t.lemma_ for t in table}
    assert (lemmas["hopes"], lemmas["staged"]) == ("hope", "stage")
    assert (lemmas["raped"], lemmas["waged"], lemmas["looted"]) == ("rape", "wage", "loot")
    readied = parse_table(nlp("Indonesia has readied 8,000 troops."))
    assert readied[2].lemma_ == "ready"  # the model's "readie": a mobilisation lost


def test_a_past_tense_hung_on_a_noun_under_a_verbless_root_is_the_verb(nlp: Language) -> None:
    text = (
        "Lawmaker Jairam Ramesh from the opposition Congress party called the tribunal’s "
        "approval “deeply disappointing”."
    )
    doc = nlp(text)
    called = next(t for t in doc if t.text == "called")
    assert (called.dep_, called.head.pos_) == ("acl", "NOUN")  # the parser's reading
    assert called.sent.root.pos_ == "ADJ"
    table = parse_table(doc)
    verb = table[called.i]
    assert (verb.dep_, verb.head) == ("ROOT", verb)
    subjects = [c.text for c in verb.children if c.dep_ == "nsubj"]
    assert subjects == ["Ramesh"]
    assert [t.i for t in verb.subtree] == list(range(len(doc)))  # one tree, no cycle


def test_a_relative_clause_hung_on_a_noun_stays(nlp: Language) -> None:
    text = (
        "The winner of the 1920 Literature prize—a Norwegian writer who received the award for "
        "Growth of the Soil, a 1917 novel that tells the story of a man settling and cultivating "
        "a farm in rural Norway that the Nobel committee called a “monumental work”—sold his "
        "medal to German Propaganda Minister Joseph Goebbels."
    )
    doc = nlp(text)
    called = next(t for t in doc if t.text == "called")
    assert (called.dep_, called.tag_) == ("acl", "VBD")  # the parser's reading
    table = parse_table(doc)
    assert table[called.i].head.i == called.head.i  # "that ... called": a relative, left
