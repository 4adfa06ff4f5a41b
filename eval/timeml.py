"""TimeML documents and TempEval-3 scoring of time expressions (Task A), without spaCy.

Reading: the document creation time is the `<DCT>` TIMEX3 (`functionInDocument=
"CREATION_TIME"`); the text is the `<TEXT>` element with its tags removed, and the gold
expressions are the TIMEX3 elements inside it, as character offsets into that text. The gold
events are the EVENT elements (their class), with what their MAKEINSTANCEs say (polarity,
modality) and the DATE expressions their TLINKs put them in (`GoldEvent`).

Scoring as TempEval-3 (UzZaman et al., SemEval-2013 Task 1): strict matches share both
offsets, relaxed ones overlap; each system expression is paired with at most one gold one.
Attribute F1 (type, value) counts a pair as correct when the attribute is equal, which equals
the attribute's accuracy over the relaxed pairs times relaxed F1.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import fromstring


class TimeMLError(ValueError):
    """A document that is not TimeML as TempEval-3 distributes it (no DCT or no TEXT)."""


@dataclass(frozen=True)
class Tagged:
    """A time expression with its offsets, TIMEX3 type and value (gold or predicted)."""

    start: int
    end: int
    type: str
    value: str


# Relations that put an event inside a time (event first), and their converses (time first).
INSIDE = frozenset({"IS_INCLUDED", "DURING", "SIMULTANEOUS"})
CONTAINS = frozenset({"INCLUDES", "SIMULTANEOUS", "DURING_INV"})


@dataclass(frozen=True)
class GoldEvent:
    """A TimeML EVENT: its span, class, and what its instances say.

    `negated` and `modal` are true when any instance is (polarity NEG; a modality other than
    "none"); `dates` are the values of the DATE expressions a TLINK puts the event in.
    """

    start: int
    end: int
    eid: str
    cls: str
    negated: bool = False
    modal: bool = False
    dates: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Document:
    name: str
    creation_time: dt.date
    text: str
    gold: tuple[Tagged, ...]
    events: tuple[GoldEvent, ...] = ()


@dataclass
class _Walk:
    parts: list[str] = field(default_factory=list)
    timexes: list[Tagged] = field(default_factory=list)
    timex_ids: dict[str, Tagged] = field(default_factory=dict)
    events: list[tuple[int, int, str, str]] = field(default_factory=list)


def _timexes(element: Element, walk: _Walk, offset: int) -> int:
    """Append `element`'s text to the walk, recording TIMEX3 and EVENT offsets; return the
    new offset."""
    start = offset
    if element.text:
        walk.parts.append(element.text)
        offset += len(element.text)
    for child in element:
        offset = _timexes(child, walk, offset)
        if child.tail:
            walk.parts.append(child.tail)
            offset += len(child.tail)
    if element.tag == "TIMEX3":
        tagged = Tagged(start, offset, element.get("type", ""), element.get("value", ""))
        walk.timexes.append(tagged)
        walk.timex_ids[element.get("tid", "")] = tagged
    elif element.tag == "EVENT":
        walk.events.append((start, offset, element.get("eid", ""), element.get("class", "")))
    return offset


def _gold_events(root: Element, walk: _Walk) -> tuple[GoldEvent, ...]:
    """The EVENTs of the walk with their instances' polarity and modality and their dates."""
    event_of: dict[str, str] = {}  # instance id -> event id
    negated: set[str] = set()
    modal: set[str] = set()
    for instance in root.iter("MAKEINSTANCE"):
        eid = instance.get("eventID", "")
        event_of[instance.get("eiid", "")] = eid
        if instance.get("polarity", "POS").upper() == "NEG":
            negated.add(eid)
        if instance.get("modality", "none").strip().lower() not in {"", "none"}:
            modal.add(eid)
    dates: dict[str, set[str]] = {}
    for link in root.iter("TLINK"):
        relation = link.get("relType", "")
        event_id, time_id = link.get("eventInstanceID"), link.get("relatedToTime")
        if not (event_id and time_id and relation in INSIDE):
            event_id, time_id = link.get("relatedToEventInstance"), link.get("timeID")
            if not (event_id and time_id and relation in CONTAINS):
                continue
        timex = walk.timex_ids.get(time_id)
        if timex is not None and timex.type == "DATE" and event_id in event_of:
            dates.setdefault(event_of[event_id], set()).add(timex.value)
    return tuple(
        GoldEvent(
            start,
            end,
            eid,
            cls,
            negated=eid in negated,
            modal=eid in modal,
            dates=frozenset(dates.get(eid, ())),
        )
        for start, end, eid, cls in sorted(walk.events)
    )


def read_timeml(name: str, source: str) -> Document:
    """A TimeML document from its XML source."""
    root = fromstring(source)
    dct = root.find("DCT/TIMEX3")
    text_element = root.find("TEXT")
    if dct is None or text_element is None:
        raise TimeMLError(f"{name}: no DCT TIMEX3 or no TEXT element")
    found = re.match(r"(\d{4})-?(\d\d)-?(\d\d)", dct.get("value", ""))
    if not found:
        raise TimeMLError(f"{name}: creation time {dct.get('value')!r} is not a date")
    creation = dt.date(int(found[1]), int(found[2]), int(found[3]))
    walk = _Walk()
    walk.timex_ids["t0"] = Tagged(0, 0, dct.get("type", "DATE"), dct.get("value", ""))
    walk.timex_ids[dct.get("tid", "t0")] = walk.timex_ids["t0"]
    # The TEXT element's own opening contributes no characters; its children's text does.
    _timexes(text_element, walk, 0)
    return Document(
        name,
        creation,
        "".join(walk.parts),
        tuple(sorted(walk.timexes, key=lambda g: g.start)),
        _gold_events(root, walk),
    )


@dataclass
class Counts:
    """Tallies from which every TempEval-3 Task A score follows; they add across documents."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_correct: int = 0
    value_correct: int = 0
    errors: list[tuple[str, Tagged | None, Tagged | None]] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.system += other.system
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.type_correct += other.type_correct
        self.value_correct += other.value_correct
        self.errors.extend(other.errors)

    def scores(self) -> dict[str, float]:
        """Precision, recall and F1 for strict and relaxed spans, type and value."""
        result: dict[str, float] = {}
        for name, hits in (
            ("strict", self.strict),
            ("relaxed", self.relaxed),
            ("type", self.type_correct),
            ("value", self.value_correct),
        ):
            precision = hits / self.system if self.system else 0.0
            recall = hits / self.gold if self.gold else 0.0
            total = precision + recall
            result[f"{name}_precision"] = precision
            result[f"{name}_recall"] = recall
            result[f"{name}_f1"] = 2 * precision * recall / total if total else 0.0
        result["type_accuracy"] = self.type_correct / self.relaxed if self.relaxed else 0.0
        result["value_accuracy"] = self.value_correct / self.relaxed if self.relaxed else 0.0
        return result


def _overlap(a: Tagged, b: Tagged) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def score(gold: tuple[Tagged, ...] | list[Tagged], system: list[Tagged], name: str = "") -> Counts:
    """Pair system expressions with gold ones (exact spans first, then largest overlap)."""
    counts = Counts(gold=len(gold), system=len(system))
    free = list(gold)
    pairs: list[tuple[Tagged, Tagged]] = []
    unpaired: list[Tagged] = []
    for predicted in system:
        exact = next(
            (g for g in free if (g.start, g.end) == (predicted.start, predicted.end)), None
        )
        if exact is not None:
            free.remove(exact)
            pairs.append((exact, predicted))
            counts.strict += 1
        else:
            unpaired.append(predicted)
    for predicted in unpaired:
        overlapping = [g for g in free if _overlap(g, predicted) > 0]
        if not overlapping:
            counts.errors.append((name, None, predicted))
            continue
        best = max(overlapping, key=lambda g: _overlap(g, predicted))
        free.remove(best)
        pairs.append((best, predicted))
    counts.relaxed = len(pairs)
    for truth, predicted in pairs:
        counts.type_correct += truth.type == predicted.type
        counts.value_correct += truth.value == predicted.value
        if (truth.start, truth.end, truth.value) != (
            predicted.start,
            predicted.end,
            predicted.value,
        ):
            counts.errors.append((name, truth, predicted))
    counts.errors.extend((name, g, None) for g in free)
    return counts
