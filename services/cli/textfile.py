"""Plain-text article files: the optional `date YYYY-MM-DD` header before the text.

The seed sample (and files written the same way for `newsflow extract`) start with a line or
prefix such as " date 2025-12-20 " that is metadata, not article text.
"""

from __future__ import annotations

import datetime as dt
import re

# A leading "date YYYY-MM-DD" followed by whitespace; the date may stand on its own line or
# run straight into the first sentence (as in samples/seed-article.txt).
_DATE_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+", re.IGNORECASE)


def split_date_header(text: str) -> tuple[dt.date | None, str]:
    """The date of a leading `date YYYY-MM-DD` header and the text after it.

    Text without a header (or with an impossible date such as 2025-02-30) comes back unchanged
    with `None`, so a sentence that happens to start with "date" is never eaten.
    """
    match = _DATE_HEADER.match(text)
    if match is None:
        return None, text
    try:
        day = dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None, text
    return day, text[match.end() :]
