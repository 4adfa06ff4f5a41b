"""The event readings of `make eval`: TimeML event gold read right, and our events scored
against it (reportable share, TLINK date accuracy), on a hand-made document."""

from __future__ import annotations

import datetime as dt

import pytest

from eval.events import (
    EventCounts,
    reliable_negation,
    same_date,
    score_events,
    why_not_reportable,
)
from eval.timeml import GoldEvent, read_timeml
from tests.factories import article, enriched, event

# Made up for this test: four events, one negated, one modal, one a state; two TLINKs put
# "met" inside Friday (one from the event's side, one from the time's) and "attacked" in 2025.
TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-12-20" functionInDocument="CREATION_TIME">
20251220</TIMEX3></DCT>
<TEXT>
Envoys <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on <TIMEX3 tid="t1" type="DATE"
 value="2025-12-19">Friday</TIMEX3>. Rebels <EVENT eid="e2" class="OCCURRENCE">attacked</EVENT>
 in <TIMEX3 tid="t2" type="DATE" value="2025">2025</TIMEX3>, did not <EVENT eid="e3"
 class="OCCURRENCE">withdraw</EVENT>, could <EVENT eid="e4" class="I_ACTION">agree</EVENT> and
 <EVENT eid="e5" class="STATE">remain</EVENT> wary.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" polarity="POS"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" polarity="POS"/>
<MAKEINSTANCE eventID="e3" eiid="ei3" tense="PAST" polarity="NEG"/>
<MAKEINSTANCE eventID="e4" eiid="ei4" tense="NONE" polarity="POS" modality="could"/>
<MAKEINSTANCE eventID="e5" eiid="ei5" tense="PRESENT" polarity="POS"/>
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1"/>
<TLINK lid="l2" relType="INCLUDES" timeID="t1" relatedToEventInstance="ei1"/>
<TLINK lid="l3" relType="DURING" eventInstanceID="ei2" relatedToTime="t2"/>
<TLINK lid="l4" relType="BEFORE" eventInstanceID="ei3" relatedToTime="t0"/>
</TEXT>
</TimeML>
""".replace("</TEXT>\n</TimeML>", "</TimeML>")


def gold_events() -> dict[str, GoldEvent]:
    document = read_timeml("handmade", TIMEML)
    return {document.text[e.start : e.end]: e for e in document.events}


def test_events_are_read_with_class_polarity_modality_and_dates() -> None:
    events = gold_events()
    assert list(events) == ["met", "attacked", "withdraw", "agree", "remain"]
    assert events["met"].dates == {"2025-12-19"}
    assert events["attacked"].dates == {"2025"}
    assert events["withdraw"].dates == frozenset()  # BEFORE is no inclusion
    assert (events["withdraw"].negated, events["agree"].modal) == (True, True)
    assert events["remain"].cls == "STATE"


def test_why_not_reportable() -> None:
    events = gold_events()
    assert why_not_reportable(events["met"], negation=True) is None
    assert why_not_reportable(events["withdraw"], negation=True) == "NEG"
    assert why_not_reportable(events["withdraw"], negation=False) is None
    assert why_not_reportable(events["agree"], negation=True) == "MODAL"
    assert why_not_reportable(events["remain"], negation=True) == "STATE"


def test_a_document_that_negates_most_events_has_no_usable_polarity() -> None:
    document = read_timeml("handmade", TIMEML)
    assert reliable_negation(document)
    everything_negated = TIMEML.replace('polarity="POS"', 'polarity="NEG"')
    assert not reliable_negation(read_timeml("negated", everything_negated))


def test_same_date_takes_a_time_on_the_gold_day() -> None:
    assert same_date("2025-12-19", frozenset({"2025-12-19"}))
    assert same_date("2025-12-19TNI", frozenset({"2025-12-19"}))
    assert not same_date("2025-12-20", frozenset({"2025-12-19"}))
    # one form on both sides: the gold's unpadded week, its times of day
    assert same_date("2000-W06", frozenset({"2000-W6"}))
    assert not same_date("2000-W16", frozenset({"2000-W6"}))
    assert same_date("2000-01-07TNI", frozenset({"2000-01-07TEV"}))
    assert same_date("2000-01-28", frozenset({"2000-01-28TMO"}))
    assert not same_date("2000-01", frozenset({"2000-01-28"}))


def test_score_counts_reportable_triggers_and_right_dates() -> None:
    document = read_timeml("handmade", TIMEML)
    text = document.text
    source = article(text=text, published_at=dt.datetime(2025, 12, 20, tzinfo=dt.UTC))
    friday = ("2025-12-19", dt.date(2025, 12, 19), dt.date(2025, 12, 19))
    ours = [
        event(source, 0, trigger="meet", sentence=text, date=friday),  # reportable, date right
        event(source, 1, type="ASSAULT", trigger="attack", sentence=text),  # publication: wrong
        event(source, 2, type="RETREAT", trigger="withdraw", sentence=text),  # negated
        event(source, 3, type="AGREE", trigger="agree", sentence=text),  # modal
        event(source, 4, type="PROTEST", trigger="envoy", sentence=text),  # no gold event
    ]
    spans = {"meet": "met", "attack": "attacked", "withdraw": "withdraw", "agree": "agree",
             "envoy": "Envoys"}  # fmt: skip
    for e in ours:
        word = spans[e.trigger]
        start = text.index(word)
        e.trigger_span = e.trigger_span.model_copy(
            update={"text": word, "start": start, "end": start + len(word)}
        )
    counts = score_events(document, enriched(source, events=ours))
    assert (counts.events, counts.in_gold, counts.reportable) == (5, 4, 2)
    assert (counts.linked, counts.date_right) == (2, 1)
    assert counts.kinds == {"NEG": 1, "MODAL": 1, "not an event in the gold": 1}
    scores = counts.scores()
    assert scores["reportable_share"] == pytest.approx(2 / 5)
    assert scores["tlink_date_accuracy"] == pytest.approx(1 / 2)
    assert [m[1] for m in counts.misses] == ["attacked"]


def test_counts_add_up() -> None:
    total = EventCounts()
    total.add(EventCounts(events=2, reportable=1, linked=1, date_right=1))
    total.add(EventCounts(events=2, reportable=2, linked=1, date_right=0))
    assert total.scores()["reportable_share"] == pytest.approx(3 / 4)
    assert total.scores()["tlink_date_accuracy"] == pytest.approx(1 / 2)
