"""Topic names of DESIGN.md. A change that breaks old readers gets a new `.vN` topic.

Enriched articles and events are at `.v2`: an event's date became nullable and its date
source took new values, which a `.v1` reader cannot parse (docs/choices.md, "Messaging").
"""

from typing import Final

ARTICLES: Final = "news.articles.v1"
ENRICHED: Final = "news.enriched.v2"
EVENTS: Final = "news.events.v2"
DLQ: Final = "news.dlq.v1"

ALL: Final = (ARTICLES, ENRICHED, EVENTS, DLQ)
