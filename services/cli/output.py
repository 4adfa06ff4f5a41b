"""What the command line prints: counts, durations, one-line errors, tables that fit the terminal.

Every command says "1 article" and "2 articles" through `plural`, a duration through
`duration`, and draws its tables here, so a result looks the same whichever command shows it.
Below `WIDE_COLUMNS` a table becomes a compact list: one line per result cut with an ellipsis,
and URLs printed whole on a line of their own (a cut URL cannot be opened).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

# Narrower terminals get the compact layout: six columns of an events table in 80 columns
# leave each about ten characters.
WIDE_COLUMNS = 100
# A source domain rarely needs more; the title takes what is left.
SOURCE_COLUMNS = 24


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """ "1 article", "2 articles", "0 articles" ("1 match", "2 matches" with `nouns`)."""
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def duration(seconds: float) -> str:
    """To the second: "0 s", "42 s", "8 min 43 s", "2 h 05 min 09 s"."""
    total = max(0, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min {secs:02d} s"
    if minutes:
        return f"{minutes} min {secs} s"
    return f"{secs} s"


def one_line(text: str, limit: int = 300) -> str:
    """A message as one line: whitespace runs collapsed, cut with an ellipsis past `limit`."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def _day(value: Any) -> str:
    return str(value or "")[:10]


def _names(values: Iterable[str] | None) -> str:
    return ", ".join(values or []) or "-"


def event_cells(event: dict[str, Any]) -> list[str]:
    """when, who, what, whom, where of an event (the Event fields as JSON)."""
    date = event.get("date") or {}
    return [
        str(date.get("value") or "?"),
        _names(event.get("sources")),
        f"{event.get('trigger', '')} ({event.get('type') or 'untyped'})",
        _names(event.get("targets")),
        _names(event.get("places")),
    ]


def _water_fill(naturals: list[int], available: int) -> list[int]:
    """Widths for columns whose natural widths exceed `available`: the widest are cut to one
    common cap, as high as fits, so short columns are never cut and long ones share the rest."""
    if sum(naturals) <= available:
        return naturals
    low, high = 1, max(naturals)
    while low < high:
        cap = (low + high + 1) // 2
        if sum(min(n, cap) for n in naturals) <= available:
            low = cap
        else:
            high = cap - 1
    return [min(n, low) for n in naturals]


def _table(
    title: str, columns: Sequence[str], rows: Sequence[Sequence[str]], width: int
) -> Table | None:
    """A table of one line per row that fits `width`, long values cut with an ellipsis; None
    when it cannot fit with every column at least a few characters wide."""
    table = Table(title=title, title_justify="left")
    # Borders and one space of padding on each side of each column.
    available = width - (3 * len(columns) + 1)
    naturals = [max([len(name)] + [len(row[i]) for row in rows]) for i, name in enumerate(columns)]
    widths = _water_fill(naturals, available)
    if min(widths) < min(8, min(naturals)):
        return None
    for name, column_width in zip(columns, widths, strict=True):
        table.add_column(name, width=column_width, no_wrap=True, overflow="ellipsis")
    for row in rows:
        table.add_row(*row)
    return table


def print_events(console: Console, title: str, events: Sequence[dict[str, Any]]) -> None:
    """Events with their article's title: a table of one row per event, or compact lines."""
    width = console.width
    rows = [[*event_cells(e), str(e.get("title", ""))] for e in events]
    columns = ("when", "who", "what", "whom", "where", "article")
    table = _table(title, columns, rows, width) if width >= WIDE_COLUMNS else None
    if table is not None:
        console.print(table)
        return
    console.print(title, soft_wrap=True, markup=False)
    for when, who, what, whom, where, article in rows:
        head = f"{when}  {who} → {what} → {whom}"
        if where != "-":
            head += f"  in {where}"
        console.print(Text(_cut(head, width)), soft_wrap=True)
        console.print(Text(_cut("    " + article, width)), soft_wrap=True)


def print_rows(
    console: Console,
    title: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    whole: int | None = None,
) -> None:
    """Rows as a table of one line each, or as compact lines below `WIDE_COLUMNS` or when the
    table cannot fit. Column `whole` (a URL) is never cut: in the table it keeps its full
    width, in the compact layout it has a line of its own."""
    width = console.width
    table = None
    if width >= WIDE_COLUMNS:
        kept = [i for i in range(len(columns)) if i != whole]
        kept_width = max([len(columns[whole])] + [len(r[whole]) for r in rows]) if whole else 0
        rest = _table(
            title,
            [columns[i] for i in kept],
            [[r[i] for i in kept] for r in rows],
            width - (kept_width + 3 if whole is not None else 0),
        )
        if rest is not None:
            table = Table(title=title, title_justify="left")
            widths = iter(c.width for c in rest.columns)
            for i, name in enumerate(columns):
                if i == whole:
                    table.add_column(name, width=kept_width, no_wrap=True)
                else:
                    table.add_column(name, width=next(widths), no_wrap=True, overflow="ellipsis")
            for row in rows:
                table.add_row(*row)
    if table is not None:
        console.print(table)
        return
    console.print(title, soft_wrap=True, markup=False)
    for row in rows:
        head = "  ".join(cell for i, cell in enumerate(row) if i != whole and cell)
        console.print(Text(_cut(head, width)), soft_wrap=True)
        if whole is not None:
            # The terminal may wrap a long URL, but the text stays whole, so it can be opened.
            console.print(Text("    " + row[whole]), soft_wrap=True)


def print_articles(console: Console, title: str, articles: Sequence[dict[str, Any]]) -> None:
    """Articles: published, title, source and a URL that is never cut."""
    rows = [
        [
            _day(a.get("published_at")),
            str(a.get("title", "")),
            _cut(str(a.get("source", "")), SOURCE_COLUMNS),
            str(a.get("url", "")),
        ]
        for a in articles
    ]
    print_rows(console, title, ("published", "title", "source", "url"), rows, whole=3)
