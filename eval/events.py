"""Events against TimeBank + AQUAINT's event gold: are ours real happenings, and rightly dated?

Every TimeML EVENT has a class, and each of its instances a polarity and a modality; TLINKs put
events inside times. Two readings of our events (the whole extractor, each document published
at its creation time, noon UTC) follow:
- **reportable share**: of all our events, the share whose trigger is a gold EVENT of class
  OCCURRENCE, I_ACTION or ASPECTUAL, asserted (polarity POS) and without a modal. A trigger
  the annotators did not mark as an event at all counts against us.
- **TLINK date accuracy**: of our dated events whose trigger is a gold EVENT that a TLINK puts
  inside a DATE (IS_INCLUDED, DURING, SIMULTANEOUS, or the converse from the time), the share
  whose date value is one of those DATE values (a TIME value on that day counts: the gold
  links events to DATEs, while our date may be the finer "1999-02-04TNI"). Gold values that
  are no calendar interval (PRESENT_REF, PAST_REF, 1998-WXX, 199X) are left out: the
  contract gives an event only calendar dates, so none could match; they are counted apart.

Polarity: in 25 AQUAINT documents more than half of the instances are NEG (in most of them
every one is: "rushed", "stepped", "shaking"), an artefact of the cleaned release, not negation;
in a document where most instances are NEG, polarity is not read (`UNRELIABLE_NEGATION`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eval.timeml import Document, GoldEvent

if TYPE_CHECKING:
    from services.extractor.pipeline import Extractor
    from shared.models import EnrichedArticle

# Classes of happenings a consumer can act on: things that occur, intentional actions
# (which PLOVER types: "demanded", "agreed") and their beginnings and ends; not reporting,
# states, perceptions or intensional states (believe, want).
REPORTABLE_CLASSES = frozenset({"OCCURRENCE", "I_ACTION", "ASPECTUAL"})
# A calendar date or interval: a day, week, month, quarter, half or year, fully specified. An
# event's date is one (the index filters by date range); gold values such as PRESENT_REF,
# 1998-WXX or 199X are no calendar interval and no event date of ours could equal them.
CALENDAR = re.compile(r"^\d{4}(?:-(?:\d\d(?:-\d\d)?|W\d\d?|Q\d|H\d))?(?:T.*)?$")
# A document where more than this share of event instances is NEG has no usable polarity.
UNRELIABLE_NEGATION = 0.5
# Documents per extractor batch: large enough to amortise, small enough for 2 cores' memory.
_BATCH = 16


@dataclass
class EventCounts:
    """Tallies of the two readings; they add across documents."""

    events: int = 0
    in_gold: int = 0
    reportable: int = 0
    linked: int = 0
    date_right: int = 0
    # Events the gold dates only by values that are no calendar interval (left out of `linked`).
    underspecified: int = 0
    # Why matched events are not reportable, and how dated events miss: for `--errors`.
    kinds: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[str, str, str, str, str, str]] = field(default_factory=list)

    def add(self, other: EventCounts) -> None:
        self.events += other.events
        self.in_gold += other.in_gold
        self.reportable += other.reportable
        self.linked += other.linked
        self.date_right += other.date_right
        self.underspecified += other.underspecified
        self.kinds.update(other.kinds)
        self.misses.extend(other.misses)

    def scores(self) -> dict[str, float]:
        return {
            "events": float(self.events),
            "trigger_in_gold": self.in_gold / self.events if self.events else 0.0,
            "reportable_share": self.reportable / self.events if self.events else 0.0,
            "tlink_dated": float(self.linked),
            "tlink_date_accuracy": self.date_right / self.linked if self.linked else 0.0,
        }


def reliable_negation(document: Document) -> bool:
    negated = sum(event.negated for event in document.events)
    return not document.events or negated / len(document.events) <= UNRELIABLE_NEGATION


def why_not_reportable(event: GoldEvent, negation: bool) -> str | None:
    """Why a gold event is no reportable happening, or None when it is one."""
    if event.cls not in REPORTABLE_CLASSES:
        return event.cls
    if negation and event.negated:
        return "NEG"
    if event.modal:
        return "MODAL"
    return None


def same_date(value: str, gold: frozenset[str]) -> bool:
    """Whether `value` is one of the gold DATE values, or a time on one of their days (our
    "1999-02-04TNI", "the night of Feb. 4", against the gold's DATE "1999-02-04"), compared
    in one form: a week's number zero-padded (the gold writes "2000-W6" for ISO "2000-W06")
    and a time reduced to its day on either side (the gold links "rallied Friday night" to
    "2000-01-07TEV", our value is "2000-01-07TNI")."""
    return _day(value) in {_day(g) for g in gold}


_WEEK = re.compile(r"-W(\d)(?!\d)")


def _day(value: str) -> str:
    return _WEEK.sub(r"-W0\1", value.split("T", 1)[0])


def gold_at(
    events: Sequence[GoldEvent], starts: list[int], start: int, end: int
) -> GoldEvent | None:
    """The gold event whose span overlaps [start, end), nearest first."""
    i = bisect.bisect_right(starts, start) - 1
    for j in (i, i + 1):
        if 0 <= j < len(events) and events[j].start < end and start < events[j].end:
            return events[j]
    return None


def score_events(document: Document, enriched: EnrichedArticle) -> EventCounts:
    counts = EventCounts()
    negation = reliable_negation(document)
    starts = [event.start for event in document.events]
    for event in enriched.events:
        counts.events += 1
        span = event.trigger_span
        gold = gold_at(document.events, starts, span.start, span.end)
        if gold is None:
            counts.kinds["not an event in the gold"] += 1
            continue
        counts.in_gold += 1
        reason = why_not_reportable(gold, negation)
        if reason is None:
            counts.reportable += 1
        else:
            counts.kinds[reason] += 1
        dates = frozenset(v for v in gold.dates if CALENDAR.match(v))
        if gold.dates and not dates:
            counts.underspecified += 1
        if dates and event.date is not None:
            counts.linked += 1
            if same_date(event.date.value, dates):
                counts.date_right += 1
            else:
                counts.misses.append(
                    (
                        document.name,
                        span.text,
                        event.date.value,
                        event.date_source,
                        "|".join(sorted(dates)),
                        event.sentence,
                    )
                )
    return counts


def extract(extractor: Extractor, documents: Sequence[Document]) -> list[EnrichedArticle]:
    """The whole extractor's reading of each document, published at its creation time."""
    return extract_texts(
        extractor,
        [
            (
                f"urn:newsflow:timeml:{d.name}",
                d.text,
                dt.datetime.combine(d.creation_time, dt.time(12), tzinfo=dt.UTC),
            )
            for d in documents
        ],
    )


def extract_texts(
    extractor: Extractor, texts: Sequence[tuple[str, str, dt.datetime]]
) -> list[EnrichedArticle]:
    """The extractor's reading of each (url, text, publication time), in batches."""
    from services.extractor.pipeline import local_article

    now = dt.datetime.now(dt.UTC)
    articles = [local_article(text, when, url=url, now=now) for url, text, when in texts]
    results: list[EnrichedArticle] = []
    for first in range(0, len(articles), _BATCH):
        results.extend(extractor.extract(articles[first : first + _BATCH], now=now))
    return results


def evaluate_events(extractor: Extractor, documents: Sequence[Document]) -> EventCounts:
    total = EventCounts()
    for document, enriched in zip(documents, extract(extractor, documents), strict=True):
        total.add(score_events(document, enriched))
    return total
