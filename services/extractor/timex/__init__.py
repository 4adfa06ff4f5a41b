"""Time expressions: finding them in a parsed text and normalising them to TIMEX3 values.

Entry: `find_times` (`tagger`). Below it: `scan` runs the `rules` over the text, `values` holds
the TIMEX3 values and the calendar arithmetic, `quantities` the numbers and durations,
`modifiers` "early", "late", "about"; `lexicon` the words (months, weekdays, units, time zones)
that other stages read too, and `regex_needs` the literal-substring prefilter of the rules.
May import: nothing of the extractor outside this package (spaCy and dateutil only).
"""

from services.extractor.timex.tagger import find_times

__all__ = ["find_times"]
