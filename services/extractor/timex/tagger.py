"""Time expressions: find them in a parsed article and normalise them to TIMEX3 values.

The rules (`rules`, run by `scan`) find and read the expressions in the plain text;
spaCy's parse adds what the words alone do not say: the tense of the clause ("are set to
arrive on Saturday" looks ahead, "talks on Friday ended" looks back), whether "May" is a month
or a verb, whether "a year" follows an amount ("$1 billion a year": how often) or a verb
("takes a year": how long), and whether "the twenties" is a temperature.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re

from spacy.tokens import Doc, Span, Token

from services.extractor.timex.rules import Context
from services.extractor.timex.scan import Match, normalise, resolve, scan
from services.extractor.timex.values import Tense, Timex, interval
from shared.models import TimeExpression

__all__ = ["Timex", "clause_reading", "clause_tense", "find_times", "normalise"]

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
# ... but "could not be reached Wednesday", "could be located" report an attempt made.
_PAST_MODALS = frozenset({"could"})
# How many steps up the parse a time expression may be from its verb; beyond that the
# attachment is too uncertain to trust a tense.
_MAX_CLIMB = 6
# Words that are a month only when spaCy does not read them as a verb or a modal.
_VERB_LIKE_MONTHS = frozenset({"may", "march"})
# How far before a date "since" may stand, and the words that may come between
# ("since shortly after the Oct. 23 slaying").
_SINCE_REACH = 5
_SINCE_GAP = frozenset({"ADV", "ADP", "DET", "ADJ", "NUM", "SCONJ"})
# Prepositions naming where something ends ("until Nov. 9"; not "to": "from May to June"),
# and the verbs that put such an end ahead ("extended its offer to Nov. 20").
_END_POINTS = frozenset({"until", "till", "through", "by"})
_EXTENDED_TO = frozenset({"until", "till", "through", "to"})
_EXTENDING = frozenset({"extend", "postpone", "delay", "defer", "adjourn", "give", "push", "move"})
# Nouns a date may hang from and still be its verb's: "on the night of Oct. 23".
_TIME_NOUNS = frozenset({"night", "morning", "afternoon", "evening", "day", "week", "weekend"})
# The tags of a preposition before a bare year ("in 1990", "since 2014").
_PREPOSITION_TAGS = frozenset({"IN", "TO"})
# A bare year is believable with a preposition or spaCy's DATE label; "1,500" and "2000
# workers" are neither.
_YEAR_LABELS = frozenset({"DATE"})
_DETERMINER_TAGS = frozenset({"DT", "POS", "PRP$"})
# Rules that read the topic time; their own values must not become it ("a year earlier").
_RELATIVE_TO_REFERENCE = frozenset({"year_earlier", "latest_quarter", "year_period"})
# The topic time of earnings reports, which "a year earlier" and "the quarter" refer to.
_YEAR_SPECIFIC = re.compile(r"\d{4}-Q[1-4]")
# A reporting period of several months, the topic of the figures after it.
_MONTHS_PERIOD = re.compile(
    r"the\s+(?:first\s+|latest\s+|past\s+)?(?:six|nine)\s+months", re.IGNORECASE
)
# A day named without a year ("on December 11"), in a paragraph told at an older year a day
# named with its year gave ("kidnapped on December 8, 1963 ... delivered on December 11"), is
# in that year: the narrative's reference time; otherwise it is read against the publication.
# Not after a year or a month alone ("dating to 1994. In January", "in July 1997 ... will join
# on March 12"), and not for a month alone: in TimeBank and AQUAINT those are background, and
# all 10 such readings differed from the gold, which this reading leaves as it was.
_YEARLESS = frozenset({"month_day", "day_month"})
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
# A blank line ends a paragraph (as in `events.reader`; `timex` depends on no other package).
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
# A value on the calendar (a year or finer): the story's time for "that year" after it.
_CALENDAR_VALUE = re.compile(r"\d{4}(?!\d)")
# What a rate's "a year" follows: an amount ("$1 billion a year", "500 a day") or what is
# counted ("four flights a week", "five times a year"); not a verb ("takes a year", "lasts a
# week"). spaCy tags "twice" and "once" as adverbs or predeterminers, so they are named.
_AMOUNT_TAGS = frozenset({"CD", "NNS", "NNPS"})
_HOW_OFTEN = frozenset({"once", "twice", "thrice"})
# The rules that read it (a bare "a year" is the duration rule's): no other match pays for it.
_RATE_RULES = frozenset({"duration"})
# A decade word is a temperature, not a time, where a level stands or moves to it: "Highs will
# be in the twenties", "Temperatures dropped into the thirties" (lemmas of the level's nouns,
# of the verbs that move it, and of the prepositions of where it moves to).
_LEVEL_NOUNS = frozenset(
    {"high", "low", "temperature", "temp", "reading", "mercury", "thermometer", "degree", "chill"}
)
_LEVEL_VERBS = frozenset(
    {"drop", "fall", "rise", "climb", "plunge", "slip", "sink", "dip", "tumble", "plummet"}
    | {"soar", "jump", "hover", "reach", "warm", "cool"}
)
_DESTINATIONS = frozenset({"into", "to"})


def _verb_tense(verb: Token) -> Tense | None:
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxiliaries}
    if words & _FUTURE_AUXILIARIES:
        return "future"
    if any(a.tag_ == "VBD" for a in auxiliaries) or any(
        a.lower_ in ("has", "have", "had", "'ve", "'s") and verb.tag_ == "VBN" for a in auxiliaries
    ):
        return "past"
    if words & _FORWARD_MODALS and not (words & _PAST_MODALS and _attempted(verb, auxiliaries)):
        return "future"
    if auxiliaries and verb.tag_ in ("VBN", "VBG"):
        return "present" if any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries) else None
    if verb.tag_ in ("VBD", "VBN"):
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


def _pluperfect(verb: Token) -> bool:
    """ "had been due", "had planned": a plan made before a past time, overtaken since."""
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def _attempted(verb: Token, auxiliaries: list[Token]) -> bool:
    """ "could not be reached", "could be located": a passive or negated "could" looks back."""
    passive = verb.tag_ == "VBN" and any(a.dep_ == "auxpass" for a in auxiliaries)
    return passive or any(c.dep_ == "neg" for c in verb.children)


def _as_soon_as(span: Span) -> bool:
    """ "as soon as Tuesday", "as early as Tuesday": the earliest a coming event may happen."""
    start, doc = span.start, span.doc
    return (
        start >= 3
        and doc[start - 3].lower_ == doc[start - 1].lower_ == "as"
        and doc[start - 2].lower_ in ("soon", "early")
    )


def _since(span: Span) -> bool:
    """ "since Oct. 23", "since shortly after the Oct. 23 slaying": a time already past."""
    for token in reversed(span.doc[max(0, span.start - _SINCE_REACH) : span.start]):
        if token.lower_ == "since":
            return True
        if token.pos_ not in _SINCE_GAP:
            return False
    return False


def _preposition(span: Span) -> str | None:
    """The preposition the expression is the object of ("until" in "until mid-November")."""
    root = span.root
    if root.dep_ == "pobj" and root.head.pos_ == "ADP" and root.head not in span:
        return root.head.lower_
    return None


def _scheduled(verb: Token, preposition: str | None) -> bool:
    """A verb that arranges what follows it: "scheduled", "planned", "set for", "expected".

    A date before the verb is when the arranging happened ("On Friday, they planned ...").
    """
    lemma = verb.lemma_.lower()
    if lemma in ("set", "expect", "due"):  # "set fire", "expected" alone: only as participles
        # "a record set on Aug. 6" happened then; "a summit set for April" is arranged.
        return verb.tag_ == "VBN" and not (lemma == "set" and preposition == "on")
    return lemma in _SCHEDULING


def _toward(tense: Tense | None, verb: Token, preposition: str | None) -> Tense | None:
    """The tense of a date that ends what its verb began ("gave them until mid-November").

    A deadline given, extended or put off lies ahead; any other end point ("until",
    "through", "by") of a past event may lie on either side of the publication date.
    """
    if preposition in _EXTENDED_TO and verb.lemma_.lower() in _EXTENDING:
        return "future"
    if preposition in _END_POINTS and tense == "past":
        return "present"
    return tense


def clause_reading(span: Span) -> tuple[Tense | None, bool]:
    """The tense of the clause holding `span`, and whether that tense is the date's own.

    The tense is read from the verb the expression hangs from. What a scheduling verb
    arranges lies ahead ("planned a rally on Saturday"), as does the infinitive of "be to"
    ("is to resume trading Tuesday"); an infinitive under an adjective takes the tense of the
    adjective's verb ("would be ready to leave Tuesday"); an infinitive's or a participle's
    event takes its governor's tense, but only loosely ("asked it to respond by Oct. 31").

    The tense is firm when the expression hangs straight from a finite verb, through no more
    than its preposition and a time noun ("was shot on the night of Oct. 23"): then it
    decides how far back or ahead the date may lie. Through any other noun or adjective
    ("the Jan. 14 deadline", "payable Dec. 7"), a non-finite verb, or an end point
    ("until Nov. 9") it only leans.
    """
    if _as_soon_as(span):
        return "future", True
    if _since(span):
        return "past", True
    preposition = _preposition(span)
    firm = preposition not in _END_POINTS
    participle = False
    token = span.root
    for _ in range(_MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX") and token not in span:
            if any(c.dep_ == "mark" and span.end <= c.i < token.i for c in token.children):
                return None, False  # a clause that opens after the date ("... that it could")
            if _scheduled(token, preposition) and token.i < span.start:
                if token.dep_ != "acl":
                    return ("past" if _pluperfect(token) else "future"), firm
                token = token.head  # "a summit set for April": the noun's own clause decides
                firm = False
                continue
            infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)
            if token.tag_ == "VB" and infinitive and token.head is not token:
                governor = token.head
                lemma = governor.lemma_.lower()
                if lemma in _FUTURE_GOVERNORS or (lemma == "be" and token.dep_ == "xcomp"):
                    # ... unless the plan itself lies back: "it had been due to expire Friday".
                    planner = governor.head if governor.pos_ == "ADJ" else governor
                    return ("past" if _pluperfect(planner) else "future"), False
                if governor.pos_ == "ADJ":
                    token = governor  # "ready to leave": read the verb above the adjective
                    firm = False
                    continue
                tense = _verb_tense(governor)
                return _toward(tense, governor, preposition), False
            tense = _verb_tense(token)
            if tense is not None and not (participle and tense == "present"):
                return _toward(tense, token, preposition), firm
            if participle or token.tag_ not in ("VB", "VBG"):
                return None, False
            # A bare infinitive or participle ("rising to a high in June"): its governor's
            # past or future holds for it, loosely; a present says nothing of its time.
            participle = token.tag_ == "VBG"
            firm = False
        elif token not in span and token.pos_ != "ADP" and token.lower_ not in _TIME_NOUNS:
            firm = False
        if token.head is token:
            return None, False
        token = token.head
    return None, False


def clause_tense(span: Span) -> Tense | None:
    """The tense of the clause holding `span` (see `clause_reading`)."""
    return clause_reading(span)[0]


def _after_amount(span: Span) -> bool:
    """ "a year" after an amount or what is counted: how often, not how long (see `Context`)."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.tag_ in _AMOUNT_TAGS or before.lower_ in _HOW_OFTEN


def _level(span: Span) -> bool:
    """ "in the twenties" where a temperature stands or moves: a level, not the 1920s."""
    root = span.root
    head, preposition = root.head, None
    if root.dep_ == "pobj" and head.pos_ == "ADP":
        head, preposition = head.head, head.lower_
    if head.lemma_.lower() in _LEVEL_NOUNS:  # "highs in the twenties"
        return True
    if head.pos_ not in ("VERB", "AUX"):
        return False
    if head.lemma_.lower() in _LEVEL_VERBS and (
        preposition in _DESTINATIONS or (preposition is None and root.dep_ == "dobj")
    ):
        return True  # "dropped into the thirties", "reached the nineties"
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _LEVEL_NOUNS for c in head.children
    )


# Entities whose words may look like times without being one ("the Six-Day War").
_NAME_LABELS = frozenset({"EVENT", "ORG", "FAC", "WORK_OF_ART", "PRODUCT", "LAW"})


def _believable(match: Match, span: Span) -> bool:
    """spaCy's word classes veto the rules' guesses: "May" the modal, "2000 workers", a
    temperature "in the twenties"."""
    for token in span:
        if token.lower_ in _VERB_LIKE_MONTHS and token.pos_ in ("VERB", "AUX"):
            return False
    if _part_of_a_name(span):
        return False
    if match.rule == "decade_word":
        return not _level(span)
    if not match.confirm:
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.tag_ in _PREPOSITION_TAGS:
        return True
    dated = any(token.ent_type_ in _YEAR_LABELS for token in span)
    head = span.root.head
    if span.root.dep_ == "nummod" and head.tag_ == "NNS":  # "2000 workers"
        # ... unless a dated year modifies the noun among other words: "the 1992 protests",
        # "1990 BellSouth earnings", "the company's 1989 operating results".
        modifier = before is not None and before.tag_ in _DETERMINER_TAGS
        return dated and (modifier or head.i > span.end)
    return dated


def _part_of_a_name(span: Span) -> bool:
    """A person's name ("Timothy Weeks", "Mr. May") or words a longer name goes on after ("the
    Six-Day War"): no time. A name that is the time itself ("Christmas") or a date that ends a
    name ("the Six-Day War of 1967") stays one."""
    labels = {token.ent_type_ for token in span}
    if labels == {"PERSON"}:
        return True
    if len(labels) != 1 or not labels <= _NAME_LABELS:
        return False
    entity = next((e for e in span.doc.ents if e.start <= span.start and span.end <= e.end), None)
    # More of the name follows ("Six-Day" War); a date that ends it ("... of 1967") is a date.
    return entity is not None and entity.end > span.end


def _reported(timex: Timex, tense: Tense | None, anchor: dt.date) -> bool:
    """A quarter an earnings report is about: one that has ended, or that has begun and is
    not spoken of as ahead ("will result in a fourth-quarter charge" forecasts)."""
    if timex.start_date is None or timex.end_date is None:
        return True
    return timex.end_date < anchor or (timex.start_date <= anchor and tense != "future")


def _in_year(timex: Timex, year: int) -> Timex:
    """`timex`, a month or a day of a month, in `year`, where that day exists."""
    value = f"{year:04d}{timex.value[4:]}"
    span = interval(value)
    if span is None:
        return timex  # February 29 of a year with none
    return dataclasses.replace(
        timex, value=value, start_date=span[0], end_date=span[1], anchored=False
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
    paragraph_starts = [0, *(b.end() for b in _PARAGRAPH_BREAK.finditer(full_text))]
    told: tuple[int, int] | None = None  # the year a date named with one, and its paragraph
    for match in scan(full_text, Context(anchor)):
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None or not _believable(match, span):
            continue
        text = full_text[match.start : match.end]
        tense, firm = clause_reading(span)
        after_amount = match.rule in _RATE_RULES and _after_amount(span)
        timex = resolve(match, Context(anchor, tense, reference, narrative, firm, after_amount))
        if timex is None:
            continue
        paragraph = bisect.bisect_right(paragraph_starts, match.start) - 1
        if (
            told is not None
            and told[1] == paragraph
            and told[0] < anchor.year - 1
            and match.rule in _YEARLESS
            and timex.anchored
        ):
            timex = _in_year(timex, told[0])
        elif timex.type == "DATE" and not timex.anchored and _DAY_VALUE.fullmatch(timex.value):
            told = (int(timex.value[:4]), paragraph)
        if (
            match.rule not in _RELATIVE_TO_REFERENCE
            and _YEAR_SPECIFIC.fullmatch(timex.value)
            and _reported(timex, tense, anchor)
        ):
            reference = timex.value
        elif _MONTHS_PERIOD.fullmatch(text):
            # "For the nine months, ... a year earlier": the topic is no longer a quarter.
            reference = None
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
