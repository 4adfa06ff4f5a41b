"""The search box's language: how `q` is read, refused, and rendered for FTS5 (a real one).

The same readings run against both real stores in `store_cases.py` and the parity test.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.indexer.text_query import (
    STOP_WORDS,
    SYNTAX,
    QueryError,
    Term,
    TextQuery,
    fts5_match,
    parse,
    pg_tsquery,
)
from tests.unit.indexer.store_cases import HOSTILE


@pytest.mark.parametrize(
    ("text", "understood"),
    [
        ("putin witkoff", "putin witkoff"),
        ('"Jared Kushner" Miami', '"Jared Kushner" Miami'),
        ('  "  Jared   Kushner " ', '"Jared Kushner"'),
        ('"unbalanced phrase', '"unbalanced phrase"'),
        ("trade tariffs OR sanctions", "trade tariffs OR sanctions"),
        ("a1 OR b2 OR c3 d4", "a1 OR b2 OR c3 d4"),
        ("talks -Moscow", "talks -Moscow"),
        ('talks -"Red Square"', 'talks -"Red Square"'),
        ("talks NOT Moscow", "talks -Moscow"),
        ("NOT Moscow talks", "talks -Moscow"),
        ("--Moscow talks", "talks -Moscow"),
        ("talks AND Miami", "talks Miami"),
        ("Witk*", "Witk*"),
        ("negotiations*", "negotiations*"),
        ("e-mai*", "e-mai*"),
        # Lower-case operators are words, and common words are not searched.
        ("trump or biden", "trump biden"),
        ("the talks of the week", "talks week"),
        ("talks not Moscow", "talks Moscow"),
        ('"end of the war"', '"end of the war"'),
        # Anything else is words.
        ("AND ( NEAR(", "NEAR("),
        ("title:talks", "title:talks"),
        ('a"b', '"b"'),
        ("talks - Moscow", "talks Moscow"),
        ("ünïcödé ταλκς 会谈", "ünïcödé ταλκς 会谈"),
        ("talks)", "talks)"),
        ("NEAR(a b, 3)", "NEAR(a b, 3)"),
        ("Witkoff**", "Witkoff*"),
        ("*Witkoff", "*Witkoff"),
    ],
)
def test_reading(text: str, understood: str) -> None:
    assert str(parse(text)) == understood


def test_structure() -> None:
    read = parse('trade tariffs OR "import duties" -"trade war" NOT China e*U OR EU*')
    assert read.groups == (
        (Term("trade"),),
        (Term("tariffs"), Term("import duties", phrase=True)),
        (Term("e*U"), Term("EU", prefix=True)),
    )
    assert read.excluded == (Term("trade war", phrase=True), Term("China"))
    assert parse("the talks").ignored == ("the",)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("talks OR", "OR needs a word or phrase to include on each side"),
        ("OR talks", "OR needs"),
        ("talks OR OR Miami", "OR needs"),
        ("-talks OR Miami", "OR needs"),
        ("talks OR -Miami", "excluded term cannot be an alternative of OR"),
        ("talks OR NOT Miami", "excluded term cannot be an alternative of OR"),
        ("talks NOT", "NOT needs a word or phrase after it"),
        ("talks NOT NOT Miami", "NOT NOT"),
        ("talks OR AND Miami", "AND cannot follow OR"),
        ("-talks", "needs a word or phrase to find; -word and NOT only exclude"),
        ("NOT talks -Miami", "only exclude"),
        ("the of and", "only common words that are not indexed (the, of, and)"),
        ('"to be" or', "only common words"),
        ('" ( ) * -', "no searchable word"),
        ("", "no searchable word"),
        ("a*", "a prefix needs at least 2 letters or digits"),
        ("(talks OR Miami) Kyiv", "parentheses do not group terms"),
        ("talks -(Miami)", "parentheses do not group"),
    ],
)
def test_refused(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse(text)


def test_parentheses_without_operators_are_words() -> None:
    assert str(parse("Putin (Russia)")) == "Putin (Russia)"
    assert str(parse('"a (b) OR c" d')) == '"(b) OR c" d'  # a common word ends a phrase


def test_stop_words_are_postgresql_english_list() -> None:
    # The Snowball list PostgreSQL ships; the integration test checks each against the server.
    assert len(STOP_WORDS) == 127
    assert {"the", "not", "or", "and", "don", "s"} <= STOP_WORDS
    assert "talks" not in STOP_WORDS


def test_syntax_names_every_form() -> None:
    for form in ('"a phrase"', "-word", "NOT word", "a OR b", "word*", "capitals"):
        assert form in SYNTAX
    assert max(len(line) for line in SYNTAX.splitlines()) <= 72


@pytest.fixture(scope="module")
def fts() -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE t USING fts5(title, text, "
        "tokenize='porter unicode61 remove_diacritics 2')"
    )
    rows = [
        ("Trade talks", "tariffs on steel"),
        ("Trade war", "sanctions and tariffs"),
        ("Witkoff in Miami", "negotiations resumed on Saturday"),
        ("The end of the war", "e-mail from Kyiv"),
    ]
    conn.executemany("INSERT INTO t VALUES (?, ?)", rows)
    yield conn
    conn.close()


def matches(conn: sqlite3.Connection, text: str) -> list[int]:
    expression = fts5_match(parse(text))
    rows = conn.execute("SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid", (expression,))
    return [row[0] for row in rows]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("trade", [1, 2]),
        ("trade tariffs", [1, 2]),
        ("trade -war", [1]),
        ("trade NOT war", [1]),
        ('trade -"trade war"', [1]),
        ("steel OR sanctions", [1, 2]),
        ("trade steel OR sanctions", [1, 2]),
        ("trade steel OR Miami", [1]),
        ("Witk*", [3]),
        ("negotiations*", [3]),  # the word itself, stemmed, though the index holds "negoti"
        ("negoti*", [3]),
        ("e-mai*", [4]),
        ('"end of the war"', [4]),
        ('"war end"', []),
        ("NOT war trade", [1]),
        ("trade OR Witkoff -tariffs", [3]),
        ("talks or Miami", []),  # lower-case "or" is a word, and left out: talks AND Miami
    ],
)
def test_fts5_reading(fts: sqlite3.Connection, text: str, rows: list[int]) -> None:
    assert matches(fts, text) == rows


def test_raw_syntax_would_have_failed(fts: sqlite3.Connection) -> None:
    """The quoting is not vacuous: these inputs are FTS5 syntax errors when passed raw."""
    for raw in ('"', "AND (", "NEAR(", "talks)"):
        with pytest.raises(sqlite3.OperationalError, match=r"fts5|unterminated"):
            fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (raw,)).fetchone()


def _accepted_by_fts5(conn: sqlite3.Connection, text: str) -> None:
    try:
        read = parse(text)
    except QueryError:
        return
    assert read.groups, "a reading always has something to find"
    conn.execute("SELECT count(*) FROM t WHERE t MATCH ?", (fts5_match(read),)).fetchone()


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_refused_or_valid_fts5(fts: sqlite3.Connection, text: str) -> None:
    _accepted_by_fts5(fts, text)


# Pieces people type and the engines' own syntax, shuffled together.
_PIECES = st.sampled_from(
    [
        "trade",
        "Witk",
        "talks",
        "the",
        "OR",
        "AND",
        "NOT",
        "or",
        "-",
        "--",
        "*",
        '"',
        "(",
        ")",
        ":",
        "^",
        "NEAR",
        "{",
        "}",
        "'",
        "\\",
        "&",
        "|",
        "!",
        "<->",
        ":*",
        "e-mail",
        "会谈",
        "é",
        " ",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=12).map("".join))
def test_any_text_is_refused_or_valid_fts5(text: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61')")
    conn.execute("INSERT INTO t VALUES ('trade talks with Witkoff')")
    try:
        _accepted_by_fts5(conn, text.replace("\x00", ""))
    finally:
        conn.close()


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=10).map(" ".join))
def test_rendering_binds_every_term(text: str) -> None:
    try:
        read = parse(text)
    except QueryError:
        return
    bound: list[object] = []

    def param(value: object) -> str:
        bound.append(value)
        return f"${len(bound)}"

    sql = pg_tsquery(read, param)
    # No user text in the SQL itself: its only string literal is the configuration's name.
    assert set(re.findall(r"'[^']*'", sql)) == {"'english'"}
    assert len(bound) >= len(read.terms)


def test_reading_is_a_fixed_point() -> None:
    """What the API echoes as understood reads the same again."""
    for text in ['trade tariffs OR "import duties" -"trade war" NOT China', "Witk* -e-mail"]:
        once = parse(text)
        assert parse(str(once)) == TextQuery(once.groups, once.excluded)
