"""Events: who did what to whom, where and when, typed with PLOVER (docs/EVENTS.md).

`reader` reads the events of a parsed article from its verbs and event nouns; `clauses` walks
a verb's clause (governor, negation, hedging); `nouns` the participants of an event noun;
`quotes` who speaks in a quotation; `plover` the lookups of PLOVER types by verb, phrase,
object and noun, over the tables of `lexicon_plover`.
May import: `parse`, `timex`, `places`, `actors`.
"""
