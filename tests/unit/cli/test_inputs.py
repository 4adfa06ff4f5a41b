import datetime as dt
import json
from pathlib import Path

import pytest

from services.cli.demo.site import load_demo_articles, render_page
from services.cli.extract_cmd import article_from_file, articles_from_jsonl
from services.cli.ingest_cmd import articles_from_file
from services.cli.inputs import InputError, decode_text, iter_files, parse_when, title_and_body
from services.cli.textfile import split_date_header


def test_date_header_is_metadata_not_text() -> None:
    when, text = split_date_header(" date 2025-12-20 Russian officials are set to arrive.")
    assert when == dt.date(2025, 12, 20)
    assert text == "Russian officials are set to arrive."
    assert split_date_header("No header here.") == (None, "No header here.")


def test_headline_line_becomes_the_title() -> None:
    assert title_and_body("Big news\n\nIt happened today.") == ("Big news", "It happened today.")
    title, body = title_and_body("It happened today. More followed.")
    assert title == "It happened today."
    assert body == "It happened today. More followed."


def test_published_accepts_dates_and_datetimes() -> None:
    assert parse_when("2025-12-20") == dt.datetime(2025, 12, 20, tzinfo=dt.UTC)
    assert parse_when("2025-12-20T10:00:00+02:00") == dt.datetime(2025, 12, 20, 8, tzinfo=dt.UTC)
    with pytest.raises(InputError, match="not an ISO date"):
        parse_when("yesterday")


def test_text_file_uses_its_date_header_unless_given(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(" date 2025-12-20 Officials met in Kyiv on Friday. They agreed.")
    article = article_from_file(path, None)
    assert article.published_at == dt.datetime(2025, 12, 20, tzinfo=dt.UTC)
    assert article.published_at_source == "given"
    assert article.text.startswith("Officials met in Kyiv")
    assert article_from_file(path, "2024-01-02").published_at.date() == dt.date(2024, 1, 2)
    # The same file always gets the same id: a re-ingest is an upsert, not a new article.
    assert articles_from_file(path, None)[0].id == articles_from_file(path, None)[0].id


def test_jsonl_keeps_input_order_and_requires_dates(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    rows = [
        {"text": "First text.", "published_at": "2025-01-01"},
        {"text": "Second text.", "published_at": "2025-01-02T00:00:00Z", "title": "Two"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    articles = list(articles_from_jsonl(path))
    assert [a.text for a in articles] == ["First text.", "Second text."]
    assert articles[1].title == "Two"
    path.write_text(json.dumps({"text": "No date."}) + "\n")
    with pytest.raises(InputError, match="published_at is required"):
        list(articles_from_jsonl(path))
    path.write_text("{not json\n")
    with pytest.raises(InputError, match=r"in.jsonl:1: not JSON"):
        list(articles_from_jsonl(path))


def test_html_file_is_extracted_like_a_fetched_page(tmp_path: Path) -> None:
    demo = load_demo_articles(dt.datetime(2025, 12, 20, 12, tzinfo=dt.UTC))[0]
    path = tmp_path / "page.html"
    path.write_text(render_page(demo))
    [article] = articles_from_file(path, None)
    assert article.title == demo.title
    assert demo.paragraphs[1] in article.text
    assert "All rights reserved" not in article.text
    assert article.published_at_source == "page"


def test_json_file_may_hold_a_list_and_bad_items_name_their_place(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    path.write_text(json.dumps([{"text": "A.", "published_at": "2025-01-01"}, {"text": "B."}]))
    articles = articles_from_file(path, dt.datetime(2025, 2, 2, tzinfo=dt.UTC))
    assert [a.text for a in articles] == ["A.", "B."]
    assert articles[1].published_at.date() == dt.date(2025, 2, 2)
    path.write_text(json.dumps([{"title": "no text"}]))
    with pytest.raises(InputError, match=r"many.json:1: text"):
        articles_from_file(path, None)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01binary\x02", r"binary content \(NUL bytes\), not text"),
        (bytes(range(1, 32)) * 20 + b"text", r"binary content \(\d+% control characters\)"),
    ],
)
def test_binary_text_files_are_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "looks-like.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        articles_from_file(path, None)
    with pytest.raises(InputError, match=message):
        article_from_file(path, None)  # `newsflow extract` refuses it the same way


def test_latin1_and_utf8_text_are_text() -> None:
    assert decode_text("Zürich, São Paulo\n\ttabbed".encode(), "a") == "Zürich, São Paulo\n\ttabbed"
    assert decode_text("Zürich".encode("latin-1"), "a") == "Zürich"
    assert decode_text("\ufeffBOM first".encode(), "a") == "BOM first"


def test_unsupported_types_are_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "doc.pdf"
    path.write_bytes(b"%PDF-1.4 Officials met in Kyiv.")
    with pytest.raises(InputError, match=r"doc.pdf: unsupported type .pdf; ingest reads .htm"):
        articles_from_file(path, None)


def test_folders_yield_every_file_but_hidden_ones(tmp_path: Path) -> None:
    for name in ("a.txt", "doc.pdf", "sub/b.json", ".DS_Store", ".git/config"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_files(tmp_path)]
    assert found == ["a.txt", "doc.pdf", "sub/b.json"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '{"text": "Officials met",\n "title": [broken',
            r"broken.json: not JSON: Expecting value: line 2 column 12 \(char 37\)$",
        ),
        ('[{"text": "a"}, {"text": ', r"not JSON: Expecting value: line 1 column 26 \(char 25\)$"),
        ('{"text": "a"}\n{"text": }\n', r"broken.json:2: not JSON: Expecting value: line 1"),
        ("\xff\xfe", r"not UTF-8 text \(byte 0\), so not JSON"),
    ],
)
def test_malformed_json_says_where_whole(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(content.encode("latin-1") if content.startswith("\xff") else content.encode())
    with pytest.raises(InputError, match=message):
        articles_from_file(path, None)
