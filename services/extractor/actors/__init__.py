"""Actors: who the article names, one canonical entity per person, organisation, country or group.

`mentions` reads the entity spans of the parse and repairs spaCy's clearest label errors (a
city read as a person, a demonym as a place), for the actors here and the places of `places`;
`commons` finds the actors named by a common noun ("Turkish police", "protesters"), with the
sector lexicon of `agents`; `canonical` clusters all mentions into actors with one name each,
returned as `lookup.Actors`, reading the title before a person's name once (`titles`: the
sector, offices and country it gives); `names` knows people's names and titles, `given_names`
the first names (Faker's lists, `given_names.txt`), `demonyms` the words for the people of a
country.
May import: `parse`, `places` (the gazetteer, place names), `timex.lexicon` and the extractor's
`settings`; never `events`.
"""
