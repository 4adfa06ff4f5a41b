"""Topic names of DESIGN.md. A change that breaks old readers gets a new `.vN` topic."""

from typing import Final

ARTICLES: Final = "news.articles.v1"
ENRICHED: Final = "news.enriched.v1"
EVENTS: Final = "news.events.v1"
DLQ: Final = "news.dlq.v1"

ALL: Final = (ARTICLES, ENRICHED, EVENTS, DLQ)
