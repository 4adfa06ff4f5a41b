from __future__ import annotations

from services.extractor.parse.textcheck import (
    _CONTROL,
    _is_control,
    check_text,
    looks_english,
    truncate,
)

ENGLISH = (
    "Russian officials are set to arrive in Florida on Saturday to meet with US negotiators "
    "for the latest round of talks aimed at ending the war in Ukraine."
)
GERMAN = (
    "Der Bundeskanzler hat am Montag in Berlin mit dem französischen Präsidenten über die "
    "Lage in der Ukraine gesprochen und neue Hilfen angekündigt, wie ein Sprecher mitteilte."
)


def test_empty_and_whitespace_are_skipped() -> None:
    assert check_text("", max_chars=100).skip == "empty"
    assert check_text(" \n\t ", max_chars=100).skip == "empty"


def test_binary_is_skipped() -> None:
    assert check_text("\x00\x01\x02PNG\x03\x04", max_chars=100).skip == "binary"
    assert check_text("\ufffd" * 50 + "abc", max_chars=100).skip == "binary"


def test_stray_controls_become_spaces_keeping_offsets() -> None:
    checked = check_text(ENGLISH.replace(" ", "\x0b", 1), max_chars=1000)
    assert checked.skip is None
    assert checked.text == ENGLISH


def test_language() -> None:
    assert looks_english(ENGLISH)
    assert not looks_english(GERMAN)
    assert check_text(GERMAN, max_chars=1000).skip == "not_english"
    assert check_text(ENGLISH, max_chars=1000, language="de").skip == "not_english"
    assert check_text("Kyiv, Moscow", max_chars=1000).skip is None  # too short to judge


def test_truncation_prefers_a_paragraph_then_a_sentence() -> None:
    text = "First paragraph here.\n\nSecond one. Third sentence goes on and on."
    assert truncate(text, 30) == "First paragraph here."
    assert truncate("One sentence here. Another sentence here. And more.", 45) == (
        "One sentence here. Another sentence here."
    )
    assert truncate("x" * 50, 20) == "x" * 20
    checked = check_text(ENGLISH * 3, max_chars=200)
    assert checked.truncated
    assert checked.text is not None
    assert ENGLISH.startswith(checked.text[:50])
    assert len(checked.text) <= 200


def test_control_class_matches_unicode_categories() -> None:
    every = "".join(chr(cp) for cp in range(0x110000))
    expected = [cp for cp in range(0x110000) if _is_control(chr(cp))]
    assert [ord(m.group()) for m in _CONTROL.finditer(every)] == expected
