"""decode(): HTTP charset, BOM, declaration, detector, in that order."""

from __future__ import annotations

import codecs

import pytest

from services.fetcher.decoding import charset_from_content_type, decode

TEXT = "Zürich café — “quoted”"


def test_http_charset_wins_when_it_decodes() -> None:
    body = f'<?xml version="1.0" encoding="utf-8"?><t>{TEXT}</t>'.encode("utf-16-le")
    text, used = decode(body, "utf-16-le")
    assert used == "utf-16-le"
    assert TEXT in text


def test_wrong_http_charset_falls_through_to_declaration() -> None:
    body = f'<?xml version="1.0" encoding="windows-1252"?><t>{TEXT}</t>'.encode("cp1252")
    text, used = decode(body, "utf-8")
    assert used == "cp1252"
    assert TEXT in text


def test_latin1_label_on_utf8_body_reads_utf8() -> None:
    body = f"<p>{TEXT}</p>".encode()
    text, used = decode(body, "iso-8859-1")
    assert used == "utf-8"
    assert TEXT in text


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_bom_decides_without_header(bom: bytes, codec: str) -> None:
    text, used = decode(bom + f"<t>{TEXT}</t>".encode(codec))
    assert used == codec
    assert text == f"<t>{TEXT}</t>"  # BOM removed


def test_html_meta_charset() -> None:
    body = f'<html><head><meta charset="windows-1251"></head><p>Привет {TEXT[:6]}</p>'
    text, used = decode(body.encode("cp1251", errors="ignore"))
    assert used == "cp1251"
    assert "Привет" in text


def test_utf16_without_bom_is_recognised_from_the_first_bytes() -> None:
    body = f'<?xml version="1.0"?><t>{TEXT}</t>'.encode("utf-16-be")
    text, used = decode(body)
    assert used == "utf-16-be"
    assert TEXT in text


def test_undeclared_legacy_bytes_use_the_detector() -> None:
    sentence = "Der Bürgermeister äußerte sich über die Straßenbahn und die Öffnungszeiten. "
    text, used = decode((sentence * 20).encode("cp1252"))
    assert "Bürgermeister äußerte" in text
    assert used not in ("utf-8", "ascii")


def test_bogus_labels_are_ignored() -> None:
    body = b'<?xml version="1.0" encoding="x-no-such"?><t>plain</t>'
    text, used = decode(body, "bogus-charset")
    assert text.endswith("<t>plain</t>")
    assert used == "ascii"


def test_invalid_bytes_never_raise() -> None:
    text, used = decode(b"\xff\xfe\xfa<t>\x80\x81</t>" + bytes(range(128, 256)))
    assert isinstance(text, str)
    assert used


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("text/xml; charset=UTF-8", "UTF-8"),
        ('application/rss+xml; charset="iso-8859-1"', "iso-8859-1"),
        ("text/html", None),
        (None, None),
    ],
)
def test_charset_from_content_type(header: str | None, expected: str | None) -> None:
    assert charset_from_content_type(header) == expected


def test_declared_utf8_with_one_corrupt_byte_stays_utf8() -> None:
    # A Polish page (trafilatura's evaluation corpus) declares UTF-8 and holds one bad byte
    # 97 kB in: strict decoding failed and the detector garbled every letter as mac-latin2.
    body = ('<meta charset="UTF-8"><p>Nie możemy pozwolić na nękania</p>' * 200).encode()
    body += b"<!-- \xc3( -->"
    text, used = decode(body)
    assert used == "utf-8"
    assert "Nie możemy pozwolić na nękania" in text
    assert text.count("\ufffd") == 1


def test_latin1_body_mislabelled_utf8_is_still_rejected() -> None:
    body = ('<meta charset="utf-8"><p>Zürich café déjà vu</p>' * 50).encode("cp1252")
    text, used = decode(body)
    assert used != "utf-8"  # the detector's turn: it reads the letters, not U+FFFD
    assert "\ufffd" not in text
    assert "Zürich café" in text
