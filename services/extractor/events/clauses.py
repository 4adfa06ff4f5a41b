"""A verb's clause in the dependency parse: its tokens, the clauses it takes its subject from,
and whether it says its event happened (negated: "did not meet"; hypothetical: "may meet",
"hopes to meet", "ready to meet").

Pure functions of the parse, shared by the readers of verb events (`events`) and of noun events
(`nouns`).
"""

from __future__ import annotations

from typing import Literal

from services.extractor.parse.table import Tok, subtree_until

# Verbs that hand their subject to the infinitive they govern and are not events themselves.
CONTROL_VERBS = frozenset(
    {
        "set", "plan", "expect", "try", "seek", "want", "hope", "aim", "intend", "go", "begin",
        "start", "continue", "need", "schedule", "prepare", "attempt", "fail", "have", "be",
        "wish", "decide", "manage", "appear", "seem", "tend", "look", "move", "like", "choose",
        "get", "stand", "scramble", "rush", "struggle", "resume", "keep", "love", "prefer",
    }
)  # fmt: skip
# Verbs that ask an act of their object ("urged Iran to stop", "telling the President to
# apologize"): the act is asked, not done, and the asker acts in what follows.
_ASKING = frozenset(
    {"tell", "ask", "urge", "order", "push", "encourage", "press", "implore", "beg", "invite",
     "call"}
)  # fmt: skip
# Governing verbs that make what they control hypothetical.
_IRREALIS_CONTROL = _ASKING | frozenset(
    {"hope", "want", "try", "seek", "wish", "fail", "attempt", "need", "consider", "contemplate",
     "mull", "weigh", "seem", "appear", "risk",
     # a liking, no act: "Europe loves to discuss the future"
     "love", "like", "prefer"}
)  # fmt: skip
# "must be approved" (an obligation) and "can call up reservists" (an ability) are no more a
# report of the act than "may" is.
_MODALS = frozenset(
    {"may", "might", "could", "would", "should", "must", "can", "ca", "ought", "shall"}
)
# Adverbs that make a clause a guess or a wish ("Hopefully Iran will negotiate").
_HEDGING_ADVERBS = frozenset({"hopefully", "perhaps", "maybe", "possibly", "probably"})
# Adjectives whose infinitive is scheduled, not merely intended ("due to meet").
_SCHEDULED_ADJECTIVES = frozenset({"due", "set", "poised", "scheduled"})
# Dependencies that start a clause of its own.
_CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "csubjpass", "pcomp"}
)
_VERBAL = frozenset({"VERB", "AUX"})
# How many clauses a chain follows: a guard against parse cycles; real chains are short.
CHAIN_LIMIT = 8


# Documents that speak for their authors ("the statement condemned the attack", "released a
# statement condemning the move").
SPEAKING_DOCUMENTS = frozenset(
    {"statement", "report", "letter", "resolution", "ruling", "decision", "order", "bill", "law",
     "communique", "declaration", "judgment", "judgement", "verdict", "memo", "post", "tweet",
     "motion", "petition", "lawsuit", "complaint", "filing", "indictment", "message", "note",
     "editorial", "document", "agreement", "deal", "treaty", "plan", "proposal", "draft"}
)  # fmt: skip


def document_act(verb: Tok) -> bool:
    """ "released a statement condemning the move", "a statement that condemned it": what a
    document does in a participle or a relative clause after it, its author does, when the
    author issued it."""
    if verb.head.lemma_.casefold() not in SPEAKING_DOCUMENTS:
        return False
    if verb.dep_ == "acl":
        return verb.tag_ == "VBG"
    # In the past: what it said when issued ("a law that penalizes criticism" states terms).
    return (
        verb.dep_ == "relcl"
        and verb.tag_ == "VBD"
        and any(
            (c.dep_ == "nsubj" and c.tag_ in {"WDT", "WP"})
            # "a statement in which they rejected": what its authors said in it
            or (c.dep_ == "prep" and c.lower_ == "in" and any(o.tag_ == "WDT" for o in c.children))
            for c in verb.children
        )
    )


def _issuer(document: Tok) -> Tok | None:
    """The verb that issued, signed or released `document` ("released a statement",
    "signed onto the statement"): its object, or its preposition's."""
    if document.dep_ == "dobj" and document.head.pos_ in _VERBAL:
        return document.head
    prep = document.head
    if document.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ in _VERBAL:
        return prep.head
    return None


def first_conjunct(verb: Tok) -> Tok:
    """The first of the verbs `verb` is joined to ("apologise" of "apologise or withdraw")."""
    for _ in range(CHAIN_LIMIT):  # a guard against parse cycles
        if verb.dep_ != "conj" or verb.head is verb:
            break
        verb = verb.head
    return verb


# A clause's subjects, active and passive.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def is_infinitive(verb: Tok) -> bool:
    """Whether `verb` is a to-infinitive ("to meet")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# Verbs that charge someone with a deed named by a gerund ("convicted of helping to defraud",
# "charged with attacking", "arrested for selling"): the one charged is the deed's doer.
CHARGING_VERBS = frozenset(
    {"accuse", "convict", "charge", "indict", "arrest", "sentence", "suspect", "jail",
     "detain", "prosecute", "try", "acquit", "fine", "punish", "blame", "sue"}
)  # fmt: skip
_CHARGE_PREPOSITIONS = frozenset({"of", "with", "for"})


def charged_deed(verb: Tok) -> bool:
    """ "convicted of helping", "charged with attacking": a gerund naming the deed someone is
    charged with."""
    head = verb.head
    return (
        verb.dep_ == "pcomp"
        and head.lower_ in _CHARGE_PREPOSITIONS
        and head.head.pos_ in _VERBAL
        and head.head.lemma_.casefold() in CHARGING_VERBS
    )


def governor(verb: Tok) -> Tok | None:
    """The clause `verb` takes its subject from: infinitive, conjunct or participle heads, and
    the verb whose object a document is for what the document does ("Pakistan released a
    statement condemning ...")."""
    head = verb.head
    if document_act(verb) and (issuer := _issuer(head)) is not None:
        return issuer
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
        return head.head  # "we are ready to meet": the copula has the subject
    if charged_deed(verb):
        return head.head  # "was convicted of helping to defraud": the convicted did it
    if gerund_clause(verb):
        return head.head  # "left Paris after congratulating Merz": the one who left did it
    if head is verb or head.pos_ not in _VERBAL:
        return None
    if verb.dep_ == "conj" and verb.tag_ in {"VBD", "VBG", "VBZ"} and is_infinitive(head):
        # "expects Hamas to comply ... and called for", "telling tourists to avoid traveling
        # and reimposing a ban": a past tense or a participle joins no infinitive; the
        # parser's misplaced conjunct is one of the nearest clause above of its own form
        joined = head.head
        for _ in range(CHAIN_LIMIT):
            if joined.tag_ == verb.tag_ or joined.head is joined:
                break
            joined = joined.head
        return joined if joined.tag_ == verb.tag_ and joined is not verb else head
    if verb.dep_ in {"xcomp", "conj"}:
        return head
    if verb.dep_ == "advcl":
        purpose = is_infinitive(verb)
        participle = verb.tag_ in {"VBG", "VBN"}
        if (
            participle
            and head.dep_ == "xcomp"
            and head.head.lemma_ in _ASKING
            and after_comma(verb)
        ):
            # "urged middle powers to stand up for themselves, accusing great powers": the
            # one who urged accused, whatever clause the parser hung the participle on
            return head.head
        if purpose or participle:
            return head
    return None


# Prepositions whose gerund is a clause of the governing verb's doer, told as happening
# ("after congratulating", "by arresting", "while visiting"; not "without consulting").
_GERUND_CLAUSE_PREPOSITIONS = frozenset({"after", "before", "by", "while", "since", "upon"})


def gerund_clause(verb: Tok) -> bool:
    """ "left Paris after congratulating Merz", "began the year by arresting Maduro": a
    gerund after a preposition of time or means on a verb is an act of that verb's doer; after
    "with", of a subject of its own ("with Israel and Hamas blaming each other")."""
    head = verb.head
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or head.head.pos_ not in _VERBAL:
        return False
    if head.lower_ == "with":
        # "violence has continued, with Israel and Hamas blaming each other": a clause with
        # a subject of its own
        return any(c.dep_ == "nsubj" for c in verb.children)
    return head.lower_ in _GERUND_CLAUSE_PREPOSITIONS


def after_comma(verb: Tok) -> bool:
    """Whether a comma of its governor's stands right before `verb`'s clause."""
    first = min(t.i for t in verb.subtree)
    return any(t.i == first - 1 and t.text == "," for t in verb.head.children)


def chain(verb: Tok) -> list[Tok]:
    """`verb` and the clauses it inherits its subject from, nearest first."""
    verbs = [verb]
    while len(verbs) < CHAIN_LIMIT:
        head = governor(verbs[-1])
        if head is None or any(c.dep_ == "nsubj" for c in verbs[-1].children):
            break
        verbs.append(head)
    return verbs


def clause_tokens(verb: Tok) -> list[Tok]:
    """The tokens of `verb`'s clause, in text order, without the clauses it governs."""
    return subtree_until(verb, _is_clause)


def _is_clause(token: Tok) -> bool:
    return token.dep_ in _CLAUSE_DEPS and token.pos_ in _VERBAL


def controller(verb: Tok) -> Tok | None:
    """The verb whose infinitive `verb` is ("refused to sign", "is not ready to sign": the
    copula), or None."""
    if verb.dep_ != "xcomp" or verb.head is verb:
        return None
    head = verb.head
    if head.pos_ == "ADJ" and head.dep_ == "acomp":
        return head.head
    return head


def is_negated(verb: Tok, event_noun: Tok | None) -> bool:
    """ "did not meet", "made no deal" (`event_noun`: the noun a light verb carries), "did not
    want to meet", "is not ready to meet"."""
    if any(c.dep_ == "neg" or c.lower_ in {"neither", "nor"} for c in verb.children):
        return True  # "did not meet"; "neither approves nor disapproves"
    if verb.dep_ == "conj" and any(c.lower_ in {"neither", "nor"} for c in verb.head.children):
        return True  # "neither attacked nor threatened": the parser hangs "nor" on the first
    if any(_no_one(c) for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}):
        return True  # "None of those doctors were killed", "no one was hurt"
    if event_noun is not None and any(c.lower_ == "no" for c in event_noun.children):
        return True
    infinitive = verb.dep_ == "ccomp" and is_infinitive(verb)
    if verb.dep_ != "xcomp" and not infinitive:
        return False
    head = verb.head
    if head.pos_ == "ADJ" and head.dep_ == "acomp":
        head = head.head  # "we are not ready to meet"
    if head.lemma_ in {"have", "be"} and any(
        c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children
    ):
        return True  # "Hamas has yet to disarm", "is yet to respond": not so far
    # "did not want to meet", "will not cause America to back down"
    return any(c.dep_ == "neg" for c in head.children)


# Subjects and objects that deny the clause: "none of them", "nobody", "no one", "no troops".
_NO_ONE = frozenset({"none", "nobody", "nothing", "noone"})


def _no_one(noun: Tok) -> bool:
    if noun.lower_ in _NO_ONE:
        return True
    if noun.lower_ == "one" and any(c.lower_ == "no" for c in noun.children):
        return True
    # "no officer", "not a single officer", "not one officer"
    return any(
        (c.dep_ == "det" and c.lower_ == "no") or (c.dep_ == "neg" and c.i < noun.i)
        for c in noun.children
    )


def is_hedged(verb: Tok, clauses: list[Tok]) -> bool:
    """Hypothetical: a modal in one of `clauses` (`verb`'s `chain`: "may meet"), under a verb
    of wishing or trying ("hopes to meet") or an adjective's infinitive ("ready to meet", not
    "due to meet")."""
    for clause in clauses:
        if any(
            (c.dep_ == "aux" and c.lower_ in _MODALS)
            or (c.dep_ == "advmod" and c.lower_ in _HEDGING_ADVERBS)
            for c in clause.children
        ):
            return True
    if verb.dep_ in {"csubj", "csubjpass"} and verb.head is not verb:
        # "reaching a deal would be hard": the subject clause of a modal or judged predicate
        # is an act considered, not one reported.
        head = verb.head
        return any(c.dep_ == "aux" and c.lower_ in _MODALS for c in head.children) or any(
            c.dep_ == "acomp" for c in head.children
        )
    if short_of_doing(verb):
        return True
    if gerund_clause(verb) and verb.head.head.lemma_.casefold() in _NEEDING:
        return True  # "needed guarantees before agreeing to any end of the war": a condition
    if verb.dep_ == "conj":
        # "have failed to apologise or withdraw their calls": what holds the first conjunct
        # (a verb of wishing, trying or failing over it) holds each one joined to it
        first = first_conjunct(verb)
        # (not a participle the parser joined to an infinitive: "telling tourists to avoid
        # traveling and reimposing a ban" reimposed it)
        return (
            first.pos_ in _VERBAL
            and first.tag_ == verb.tag_
            and first.dep_ in {"xcomp", "ccomp"}
            and is_hedged(first, [])
        )
    if verb.dep_ == "ccomp" and is_infinitive(verb):
        return verb.head.lemma_ in _IRREALIS_CONTROL  # "wants the government to agree"
    if verb.dep_ != "xcomp":
        return False
    head = verb.head
    if head.pos_ == "ADJ":  # "ready to meet", "likely to strike"; not "due to meet"
        return head.lemma_.casefold() not in _SCHEDULED_ADJECTIVES
    if head.lemma_ == "have" and head.tag_ in {"VBP", "VBZ"}:
        return True  # "We have to talk": an obligation now; "had to flee" was done
    return head.lemma_ in _IRREALIS_CONTROL


# Verbs of a need or a demand, whose gerund clause is a condition set, no act done.
_NEEDING = frozenset({"need", "require", "demand", "insist", "want", "expect"})
# Words whose "to" and gerund name an act not done: "came close to authorizing strikes", "open
# to strengthening cooperation", "ready to sign".
_SHORT_OF = frozenset({"close", "open", "ready", "willing", "prepared", "eager", "near"})


def short_of_doing(verb: Tok) -> bool:
    """ "came close to authorizing", "is open to strengthening": a gerund after one of
    `_SHORT_OF` and "to"."""
    return (
        verb.dep_ == "pcomp"
        and verb.head.lower_ == "to"
        and verb.head.head.lemma_.casefold() in _SHORT_OF
    )


# Auxiliaries that put a clause in the future ("will meet") or the past perfect ("had met").
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})
_PERFECT_PAST_AUX = frozenset({"had", "'d"})
_PERFECT_AUX = frozenset({"has", "have", "'ve", "'s"})
_PAST_BE_AUX = frozenset({"was", "were"})
PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "'m"})
# Governors whose infinitive is scheduled ("are set to meet", "is due to sign").
SCHEDULING_GOVERNORS = frozenset({"set", "due", "schedule", "poised", "expect", "plan"})

Reading = Literal["recent", "past", "background", "future"]
# A gerund after these is at a time of its own, before its governor's ("entered Congress after
# receiving an endorsement").
_SINCE = frozenset({"after", "since"})


def _present(verb: Tok) -> bool:
    """ "are negotiating", "negotiates": a present tense, simple or progressive."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return verb.tag_ in {"VBZ", "VBP"} or (verb.tag_ == "VBG" and bool(auxes & PRESENT_BE))


# Subordinators that put a clause at another time than its governor's ("weeks before he was
# killed", "since he left").
_OTHER_TIME = frozenset({"before", "after", "since", "until", "till", "once"})


def reading(verb: Tok) -> Reading:
    """When the clause of `verb` says its happening is, from tense and aspect alone:
    - "future": "will meet", "are set to meet" (dated only by a time expression of its own);
    - "background": the past perfect ("had been holding") or a past relative clause ("the
      government that ousted Morales"): before the story's time, so never the publication date;
    - "past": the simple or progressive past ("arrested", "was fighting"): the story's time,
      which the paragraph may have given ("on Tuesday ... He also testified");
    - "recent": present perfect and present ("has arrested", "attacks", "is meeting"): the
      publication date stands for it.
    An infinitive or participle takes its governor's reading."""
    trigger = verb
    for _ in range(CHAIN_LIMIT):
        auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
        if auxes & _FUTURE_AUX:
            return "future"
        if verb.head is verb and "to" in auxes:
            return "future"  # a headline's "Netanyahu to meet Trump"
        if any(c.dep_ == "prep" and c.lower_ == "since" for c in verb.children):
            return "background"  # "have been killed since the ceasefire": many days, no one
        if verb is trigger and _told_by_a_report(verb, auxes):
            verb = verb.head  # "said he had talked", "said that France supports": then
            continue
        if auxes & _PERFECT_PAST_AUX:
            return "background"
        if document_act(verb) and (issuer := _issuer(verb.head)) is not None:
            verb = issuer  # "released a statement that condemned": when it was released
            continue
        if verb.dep_ == "relcl" and verb.tag_ in {"VBD", "VBN"} and not auxes & _PERFECT_AUX:
            return "background"
        if verb.dep_ == "relcl" and verb.tag_ in {"VBZ", "VBP"} and not auxes:
            return "background"  # "allegations which she denies": a stance held, no day's act
        if verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _OTHER_TIME for c in verb.children
        ):
            return "background"  # "before Slepian was killed": another time than the story's
        if gerund_clause(verb) and verb.head.lower_ not in _SINCE:
            # "he said, before delivering a stark warning to Hamas", "began the year by
            # arresting Maduro": at the time of the clause it is told in; "are negotiating
            # before offering": yet to come
            governing = verb.head.head
            if verb.head.lower_ == "before" and _present(governing):
                return "future"
            verb = governing
            continue
        if verb.dep_ == "pcomp" and verb.head.lower_ in _OTHER_TIME:
            return "background"  # "after receiving an endorsement": the parser's preposition
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ == "for":
            return "background"  # "sanctioned Russia for invading Ukraine": the deed came before
        if charged_deed(verb):
            return "background"  # "convicted in 1991 of defrauding investors": before then
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and _names_the_befallen(verb.head):
            # "the number of protesters killed", "2,000 people detained in the crackdown": a
            # participle tells what befell those its noun names, not the story's act
            return "background"
        if at_the_time_of(verb) and reading(verb.head) == "background":
            # "A previous attempt collapsed when Israel launched strikes": at its time
            return "background"
        if verb.tag_ == "VBD" or auxes & _PAST_BE_AUX:
            return "background" if _earlier(verb) else "past"
        if auxes & (_PERFECT_AUX | PRESENT_BE) or verb.tag_ in {"VBZ", "VBP"}:
            # "has arrested", "attacks", "is negotiating"
            return "background" if _earlier(verb) else "recent"
        head = verb.head
        if head is verb or (
            head.pos_ not in _VERBAL and not (head.pos_ == "ADJ" and head.dep_ == "acomp")
        ):
            break
        if head.lemma_.casefold() in _LISTING:
            return "background"  # "have included blowing up rail lines": what a list holds
        if verb.dep_ == "xcomp" and head.lemma_.casefold() in SCHEDULING_GOVERNORS:
            return "future"
        if verb.dep_ == "xcomp" and head.lemma_.casefold() == "go" and head.tag_ == "VBG":
            return "future"  # "is going to start"
        verb = head.head if head.pos_ == "ADJ" else head
    return "past"


# Verbs of what a whole holds: an act they govern is an item of a list or a record, not the
# day's news ("has included blowing up rail lines", "lists 43 Danish soldiers killed").
_LISTING = frozenset({"include", "list", "contain", "involve", "feature", "comprise"})
# Adverbs of frequency: a present clause with one is a habit ("regularly rejects"), a past one
# a series of happenings with no one date ("has repeatedly threatened").
_FREQUENCY = frozenset(
    {"regularly", "repeatedly", "often", "usually", "always", "routinely", "frequently",
     "generally", "typically", "sometimes", "constantly", "habitually", "traditionally",
     "commonly", "normally", "increasingly", "occasionally", "continually", "continuously",
     "consistently", "oftentimes", "persistently", "invariably"}
)  # fmt: skip
# Adverbs that put a perfect or past clause before the story's time ("has already approved").
_EARLIER = frozenset(
    {"already", "previously", "earlier", "formerly", "once", "ever", "long", "recently", "lately"}
)


def is_perfect(verb: Tok) -> bool:
    """ "has refused", "have also sent": the present perfect, on the verb or, for a conjunct
    or an infinitive, on the clause that governs it ("has refused to rule out")."""
    for _ in range(CHAIN_LIMIT):
        auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
        if auxes & _PERFECT_AUX:
            return True
        if auxes or verb.dep_ not in {"conj", "xcomp"} or verb.head is verb:
            return False
        verb = verb.head
    return False


def is_habitual(verb: Tok) -> bool:
    """ "The EU regularly rejects criticism": a present clause with an adverb of frequency
    says what happens as a rule, not what happened."""
    first = verb
    for _ in range(CHAIN_LIMIT):
        if first.dep_ != "conj" or first.head is first:
            break
        first = first.head
    auxes = {c.lower_ for c in first.children if c.dep_ in {"aux", "auxpass"}}
    if auxes:  # "is regularly rejected"; not "has regularly rejected", "will ..."
        present = first.tag_ == "VBN" and auxes <= PRESENT_BE
    else:
        # "frequently targeting Democrats": a participle clause of habit, too
        present = first.tag_ in {"VBZ", "VBP"} or (first.tag_ == "VBG" and first.dep_ != "ROOT")
    return present and (_frequent(first) or _frequent(verb))


def _frequent(verb: Tok) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in _FREQUENCY for c in verb.children)


def _names_the_befallen(noun: Tok) -> bool:
    """Whether a noun a participle follows is a part of a finite clause, not the clause
    itself: the headline's "106 protesters killed in Iran" is the news, and so is "two
    children were killed and a dozen wounded", the parser's noun standing for the clause it
    shares a verb with."""
    if noun.dep_ == "conj" and noun.head.pos_ in _VERBAL:
        return False
    token = noun
    for _ in range(CHAIN_LIMIT):
        if token.head is token:
            return False
        token = token.head
        if token.tag_ in _FINITE or any(
            c.dep_ in {"aux", "auxpass"} and c.tag_ in _FINITE for c in token.children
        ):
            return True
    return False


# Tags of a finite verb: a clause with one tells its own act.
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _told_by_a_report(verb: Tok, auxes: set[str]) -> bool:
    """Whether a past report told `verb`'s clause at its own time: a past perfect is the
    reported past shifted back ("the message said he had talked with Al Nahyan by phone": he
    talked), unless a time clause of its own puts it earlier ("had spoken to him before the
    mother perished"); a simple present is what held then ("said on Tuesday that France
    supports the push"), not a state ("his trip is still on, the embassy said": to come)."""
    if auxes & _PERFECT_PAST_AUX:
        return _reported(verb) and not any(
            c.dep_ == "advcl" and any(m.lower_ in _OTHER_TIME for m in c.children)
            for c in verb.children
        )
    return verb.tag_ in {"VBZ", "VBP"} and not auxes and verb.lemma_ != "be" and _reported(verb)


def _reported(verb: Tok) -> bool:
    """Whether `verb` heads what a past report told ("said on Tuesday that France supports
    the push", "said he had talked") with no adverb of an earlier time or of many times: it
    is at the report's time."""
    head = verb.head
    return (
        verb.dep_ == "ccomp"
        and head.tag_ == "VBD"
        and head.lemma_.casefold() in _REPORTING
        and not _earlier(verb)
    )


# Verbs that report what happened: a complement in the past perfect or the present is at
# the report's time.
_REPORTING = frozenset(
    {"say", "tell", "report", "announce", "confirm", "add", "state", "write", "post", "tweet",
     "reveal", "disclose"}
)  # fmt: skip


def _earlier(verb: Tok) -> bool:
    """ "has already been approved", "had long opposed", "has repeatedly threatened": a time
    before the story's, or many times; the publication date is none of them."""
    return any(
        (c.dep_ == "advmod" and (c.lower_ in _EARLIER or c.lower_ in _FREQUENCY))
        or (c.dep_ in SUBJECT_DEPS and _an_earlier_one(c))
        for c in verb.children
    )


def _an_earlier_one(noun: Tok) -> bool:
    """ "A previous attempt at negotiations collapsed": the subject is one before this one."""
    return any(c.dep_ == "amod" and c.lower_ in _EARLIER_ONES for c in noun.children)


# Adjectives of a happening before the story's own ("a previous attempt", "an earlier round").
_EARLIER_ONES = frozenset({"previous", "prior", "earlier", "past"})


def at_the_time_of(verb: Tok) -> bool:
    """ "when Israel launched strikes", "as Sharif met Stocker": a clause at its governor's
    time."""
    return (
        verb.dep_ == "advcl"
        and verb.head is not verb
        and any(c.dep_ in {"advmod", "mark"} and c.lower_ in _SIMULTANEITY for c in verb.children)
    )


_SIMULTANEITY = frozenset({"when", "while", "as"})


def is_future_in_past(verb: Tok) -> bool:
    """ "had been set to approve the deal", "was due to sign", "was going to meet": what was
    scheduled then, which the text does not report as having happened."""
    if verb.dep_ != "xcomp" or verb.head is verb:
        return False
    head = verb.head
    if head.pos_ == "ADJ" and head.dep_ == "acomp":
        head = head.head
    governor = verb.head.lemma_.casefold()
    if governor not in SCHEDULING_GOVERNORS and governor != "go":
        return False
    auxes = {c.lower_ for c in head.children if c.dep_ in {"aux", "auxpass"}}
    return bool(auxes & (_PERFECT_PAST_AUX | _PAST_BE_AUX)) or (
        head.tag_ == "VBD" and head.lemma_ == "be"
    )


# Subordinators that make a clause a condition, not a report ("if Trump agrees").
_CONDITIONS = frozenset({"if", "unless", "whether", "lest", "provided", "providing"})
# Governors whose infinitive is a plan, a purpose or an obligation, not yet a happening ("plans
# to visit", "requires companies to provide"): a happening once dated.
PLANNING_GOVERNORS = frozenset(
    {"plan", "intend", "aim", "propose", "vow", "promise", "pledge", "require", "expect", "offer"}
)


def is_conditional(clauses: list[Tok]) -> bool:
    """Whether one of `clauses` (a `chain`) is a condition ("if Trump agrees to ...") or a
    purpose infinitive ("went to Moscow to negotiate": what they went for, not what
    happened). The purpose of a scheduled trip is scheduled with it ("are set to arrive on
    Saturday to meet with US negotiators")."""
    for clause in clauses:
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in clause.children):
            return True
        # "will, if approached, support police": a future that a condition governs
        if (
            any(
                c.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children)
                for c in clause.children
            )
            and reading(clause) == "future"
        ):
            return True
        if clause.dep_ == "advcl" and is_infinitive(clause) and reading(clause.head) != "future":
            return True
        if _future_time_clause(clause):
            return True
    return False


# Subordinators of a time clause whose simple present speaks of what is yet to come ("until
# Denmark agrees", "once the deal is signed", "when they arrive").
_FUTURE_TIME_MARKS = frozenset({"until", "till", "once", "when", "before", "after"})


def _future_time_clause(clause: Tok) -> bool:
    """ "threatened to tariff allies until Denmark agrees to sell": a time clause in the simple
    present under a clause that is not itself present tells of a time to come, no happening."""
    if clause.dep_ != "advcl" or clause.head is clause:
        return False
    if not any(c.dep_ == "mark" and c.lower_ in _FUTURE_TIME_MARKS for c in clause.children):
        return False
    auxes = {c.lower_ for c in clause.children if c.dep_ in {"aux", "auxpass"}}
    present = (clause.tag_ in {"VBZ", "VBP"} and not auxes) or (
        clause.tag_ == "VBN" and bool(auxes) and auxes <= PRESENT_BE
    )
    if not present:
        return False
    governor = clause.head
    governor_auxes = {c.lower_ for c in governor.children if c.dep_ in {"aux", "auxpass"}}
    return governor.tag_ not in {"VBZ", "VBP"} and not (
        governor_auxes and governor_auxes <= PRESENT_BE | _PERFECT_AUX
    )


def is_imperative(clauses: list[Tok]) -> bool:
    """ "KEEP PROTESTING", "Release the hostages!": a clause chain whose top is a bare verb
    with no auxiliary asks for the act; a main clause's subject is then a vocative ("Iranian
    Patriots, keep protesting"), a content clause with one is subjunctive (`is_subjunctive`)."""
    top = clauses[-1]
    if (
        top.tag_ == "VBP"
        and top.dep_ == "ROOT"
        and not any(c.dep_ in {"nsubj", "nsubjpass", "expl", "aux"} for c in top.children)
    ):
        return True  # "Welcome back to the Abstract!": no subject, so no present tense
    if top.tag_ != "VB" or any(c.dep_ in {"aux", "auxpass"} for c in top.children):
        return False
    if top.dep_ in {"ROOT", "parataxis"}:
        return True
    # "Arrest them all, he said": a quoted order the parser hangs on the verb of saying.
    return top.dep_ in {"ccomp", "advcl"} and not any(
        c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in top.children
    )


def is_planned(verb: Tok) -> bool:
    """ "plans to visit", "vowed to retaliate": an intention, an event only once scheduled."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.casefold() in PLANNING_GOVERNORS


# Governors whose content clause is checked, sought, doubted or denied, not reported as
# having happened ("verifying that Iraq has destroyed its missiles", "denied that it attacked").
NONFACTIVE_GOVERNORS = frozenset(
    {"verify", "ensure", "check", "determine", "ascertain", "establish", "guarantee", "decide",
     "consider", "discuss", "debate", "deny", "doubt", "question", "wonder", "investigate",
     "examine", "probe", "study", "test", "assess", "evaluate", "dispute", "rule"}
)  # fmt: skip


# Governors that deny what they take: their content clause, or their object's, is not so.
_DENYING = frozenset({"deny", "dispute", "doubt", "question", "reject", "dismiss", "refute",
                      "rebut", "contest", "disprove", "debunk"})  # fmt: skip
# Nouns whose "that" clause is what someone told or holds ("denied reports that ...").
_TOLD_NOUNS = frozenset(
    {"report", "claim", "allegation", "accusation", "suggestion", "rumour", "rumor",
     "speculation", "assertion", "charge", "story", "account", "notion", "idea", "assessment"}
)  # fmt: skip


def is_nonfactive(verb: Tok) -> bool:
    """A content clause of a verb that checks, seeks, doubts or denies it; or of what a
    denial takes ("denied reports that its troops had attacked a hospital", "rejected claims
    that police beat protesters")."""
    if verb.dep_ == "ccomp":
        return verb.head.lemma_.casefold() in NONFACTIVE_GOVERNORS | _DENYING
    noun = verb.head
    return (
        verb.dep_ == "acl"
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
        and noun.lemma_.casefold() in _TOLD_NOUNS
        and noun.dep_ in {"dobj", "nsubjpass"}
        and noun.head.lemma_.casefold() in _DENYING
    )


# Verbs whose content clause in the bare form is what they ask for.
_MANDATIVE = frozenset(
    {"suggest", "insist", "demand", "recommend", "propose", "urge", "ask", "request",
     "require", "order", "advise"}
)  # fmt: skip


def is_subjunctive(verb: Tok) -> bool:
    """ "insisting that Ukraine withdraw", "demanded that he resign", "suggesting that the oil
    be confiscated": a content clause in the bare form, with a subject and no other auxiliary,
    says what is wanted, not what happened; so does an infinitive with "for" ("pushed for the
    senator to be censured")."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if (
        verb.dep_ in {"advcl", "ccomp", "xcomp"}
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)
        and any(c.lower_ == "to" for c in auxes)
    ):
        return True
    bare = verb.tag_ == "VB" and not auxes
    # "suggested that Italian leaders push back": a plural's bare form, read as a present,
    # under a past verb of asking
    bare = bare or (
        verb.tag_ == "VBP"
        and not auxes
        and verb.head.tag_ == "VBD"
        and verb.head.lemma_.casefold() in _MANDATIVE
    )
    bare_passive = (
        verb.tag_ == "VBN" and len(auxes) == 1 and auxes[0].lower_ == "be"
    )  # "that the oil be confiscated"
    return (
        verb.dep_ == "ccomp"
        and (bare or bare_passive)
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    )
