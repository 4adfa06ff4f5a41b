"""Time expressions: find them in a parsed article and normalise them to TIMEX3 values.

The rules (timex_rules) find and read the expressions in the plain text; spaCy's parse adds
what the words alone do not say: the tense of the clause ("are set to arrive on Saturday"
looks ahead, "talks on Friday ended" looks back) and whether "May" is a month or a verb.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from services.extractor.timex_calendar import Tense, Timex
from services.extractor.timex_rules import Context, Match, normalise, resolve, scan
from shared.models import TimeExpression

__all__ = ["Timex", "clause_tense", "find_times", "normalise"]

# Verbs whose infinitive complement lies ahead: "are set to arrive", "plans to visit".
_FUTURE_GOVERNORS = frozenset(
    {
        "set",
        "expect",
        "due",
        "schedule",
        "plan",
        "go",
        "intend",
        "hope",
        "want",
        "aim",
        "prepare",
        "seek",
        "promise",
        "vow",
        "threaten",
        "agree",
        "decide",
        "try",
        "wish",
        "propose",
        "likely",
        "poise",
    }
)
_FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo", "going"})
# Verbs that arrange something ahead: a date they govern is when it will happen ("has
# scheduled a news conference Thursday", "a summit set for April", "planned for March").
_SCHEDULING = frozenset({"schedule", "plan", "slate", "set", "expect", "due"})
# Modals that leave the time open but look ahead more often than back ("may meet Friday").
_FORWARD_MODALS = frozenset({"may", "might", "could", "can", "should", "must", "would"})
# How many steps up the parse a time expression may be from its verb; beyond that the
# attachment is too uncertain to trust a tense.
_MAX_CLIMB = 6
# Words that are a month only when spaCy does not read them as a verb or a modal.
_VERB_LIKE_MONTHS = frozenset({"may", "march"})
# The tags of a preposition before a bare year ("in 1990", "since 2014").
_PREPOSITION_TAGS = frozenset({"IN", "TO"})
# A bare year is believable with a preposition or spaCy's DATE label; "1,500" and "2000
# workers" are neither.
_YEAR_LABELS = frozenset({"DATE"})
# Rules that read the topic time; their own values must not become it ("a year earlier").
_RELATIVE_TO_REFERENCE = frozenset({"year_earlier", "latest_quarter", "year_period"})
# The topic time of earnings reports, which "a year earlier" and "the quarter" refer to.
_YEAR_SPECIFIC = re.compile(r"\d{4}-Q[1-4]")
# A value on the calendar (a year or finer): the story's time for "that year" after it.
_CALENDAR_VALUE = re.compile(r"\d{4}(?!\d)")


def _verb_tense(verb: Token) -> Tense | None:
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxiliaries}
    if words & _FUTURE_AUXILIARIES:
        return "future"
    if any(a.tag_ == "VBD" for a in auxiliaries) or any(
        a.lower_ in ("has", "have", "had", "'ve", "'s") and verb.tag_ == "VBN" for a in auxiliaries
    ):
        return "past"
    if words & _FORWARD_MODALS:
        return "future"
    if auxiliaries and verb.tag_ in ("VBN", "VBG"):
        return "present" if any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries) else None
    if verb.tag_ in ("VBD", "VBN"):
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


def _as_soon_as(span: Span) -> bool:
    """ "as soon as Tuesday": the earliest a coming event may happen."""
    start = span.start
    return start >= 3 and [t.lower_ for t in span.doc[start - 3 : start]] == ["as", "soon", "as"]


def _scheduled(verb: Token) -> bool:
    """A verb that arranges what follows it: "scheduled", "planned", "set for", "expected".

    A date before the verb is when the arranging happened ("On Friday, they planned ...").
    """
    lemma = verb.lemma_.lower()
    if lemma in ("set", "expect", "due"):  # "set fire", "expected" alone: only as participles
        return verb.tag_ == "VBN"
    return lemma in _SCHEDULING


def clause_tense(span: Span) -> Tense | None:
    """The tense of the clause holding `span`, read from the verb it hangs from.

    What a scheduling verb arranges lies ahead ("planned a rally on Saturday"), as does the
    infinitive of "be to" ("is to resume trading Tuesday"); an infinitive under an adjective
    takes the tense of the adjective's verb ("would be ready to leave Tuesday").
    """
    if _as_soon_as(span):
        return "future"
    token = span.root
    for _ in range(_MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX") and token not in span:
            if _scheduled(token) and token.i < span.start:
                if token.dep_ != "acl":
                    return "future"
                token = token.head  # "a summit set for April": the noun's own clause decides
                continue
            infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)
            if token.tag_ == "VB" and infinitive and token.head is not token:
                governor = token.head
                lemma = governor.lemma_.lower()
                if lemma in _FUTURE_GOVERNORS or (lemma == "be" and token.dep_ == "xcomp"):
                    return "future"
                if governor.pos_ == "ADJ":
                    token = governor  # "ready to leave": read the verb above the adjective
                    continue
                return _verb_tense(governor) or None
            tense = _verb_tense(token)
            if tense is not None or token.tag_ != "VB":
                return tense
        if token.head is token:
            return None
        token = token.head
    return None


def _believable(match: Match, span: Span) -> bool:
    """spaCy's word classes veto the rules' guesses: "May" the modal, "2000 workers"."""
    for token in span:
        if token.lower_ in _VERB_LIKE_MONTHS and token.pos_ in ("VERB", "AUX"):
            return False
    if not match.confirm:
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    if span.root.dep_ == "nummod" and span.root.head.tag_ == "NNS":  # "2000 workers"
        return before is not None and before.tag_ in _PREPOSITION_TAGS
    return (before is not None and before.tag_ in _PREPOSITION_TAGS) or any(
        token.ent_type_ in _YEAR_LABELS for token in span
    )


def find_times(
    doc: Doc, published_at: dt.datetime, *, text: str | None = None
) -> list[TimeExpression]:
    """The time expressions of `doc`, offsets into `doc.text`, resolved against `published_at`.

    `text` is `doc.text` when the caller has it already: spaCy joins every token again on each
    read of `doc.text`.
    """
    full_text = doc.text if text is None else text
    anchor = published_at.date()
    sentence_starts = [sent.start_char for sent in doc.sents]
    found: list[TimeExpression] = []
    reference: str | None = None
    narrative: str | None = None
    for match in scan(full_text, Context(anchor)):
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None or not _believable(match, span):
            continue
        text = full_text[match.start : match.end]
        timex = resolve(match, Context(anchor, clause_tense(span), reference, narrative))
        if timex is None:
            continue
        if (
            match.rule not in _RELATIVE_TO_REFERENCE
            and _YEAR_SPECIFIC.fullmatch(timex.value)
            and (timex.start_date is None or timex.start_date <= anchor)
        ):
            reference = timex.value  # a reported quarter: one that has begun, not a forecast
        if timex.type in ("DATE", "TIME") and _CALENDAR_VALUE.match(timex.value):
            narrative = timex.value
        found.append(
            TimeExpression(
                text=text,
                start=match.start,
                end=match.end,
                sentence=max(0, bisect.bisect_right(sentence_starts, match.start) - 1),
                type=timex.type,
                value=timex.value,
                start_date=timex.start_date,
                end_date=timex.end_date,
                anchored=timex.anchored,
            )
        )
    return found
