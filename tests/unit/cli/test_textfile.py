from __future__ import annotations

import datetime as dt

import pytest

from services.cli.textfile import split_date_header


def test_header_running_into_the_first_sentence() -> None:
    day, text = split_date_header(" date 2025-12-20 Russian officials are set to arrive.")
    assert day == dt.date(2025, 12, 20)
    assert text == "Russian officials are set to arrive."


def test_header_on_its_own_line() -> None:
    assert split_date_header("date 2024-02-29\n\nBody.") == (dt.date(2024, 2, 29), "Body.")


@pytest.mark.parametrize(
    "text",
    ["Russian officials met.", "date night in Paris", "date 2025-02-30 impossible day", ""],
)
def test_text_without_a_valid_header_is_unchanged(text: str) -> None:
    assert split_date_header(text) == (None, text)
