"""The extractor's logic end to end: articles in, EnrichedArticles (and per-article stats) out.

`Extractor` parses batches with `nlp.pipe`, then reads times (`timex`), actors, places and events
from each parse. It never raises on an article: unusable text gives a well-formed
EnrichedArticle with empty lists, marked `skipped` (its stats' outcome says the same), and an
unexpected failure while parsing or reading one article is logged with the article id and
reported as outcome "error", with its exception, for that article alone. An error's
EnrichedArticle is empty and is no reading of the article: the service dead-letters the article
instead of publishing it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import gc
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeAlias

from spacy.attrs import IS_ALPHA
from spacy.tokens import Doc

from services.extractor import timex
from services.extractor.actors.canonical import find_actors
from services.extractor.actors.mentions import read_candidates
from services.extractor.events.reader import find_events, read_clauses
from services.extractor.parse.candidates import sentence_of_tokens
from services.extractor.parse.model import load_model, model_info
from services.extractor.parse.table import parse_table
from services.extractor.parse.textcheck import check_text, load_identifier
from services.extractor.places.gazetteer import DEFAULT_MIN_CITY_POPULATION, load_gazetteer
from services.extractor.places.geocode import geocode
from services.extractor.places.publisher import publisher_country
from services.extractor.settings import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_CACHE_DIR,
    DEFAULT_MAX_CHARS,
    DEFAULT_MODEL,
    ExtractorSettings,
)
from shared.identity import article_id as make_article_id
from shared.identity import content_hash
from shared.models import (
    Article,
    EnrichedArticle,
    Entity,
    Event,
    ExtractorInfo,
    Place,
    SkipReason,
    TimeExpression,
)
from shared.version import VERSION

logger = logging.getLogger(__name__)

# Source of articles given as plain text rather than fetched.
LOCAL_SOURCE = "local"

Outcome: TypeAlias = Literal["ok", "error"] | SkipReason


@dataclass(frozen=True)
class ArticleStats:
    """Counters for one article, for the service's metrics (no metrics library here)."""

    article_id: str
    outcome: Outcome
    truncated: bool = False
    chars_parsed: int = 0
    sentences: int = 0
    entities: int = 0
    places: int = 0
    times: int = 0
    events: int = 0


@dataclass(frozen=True)
class Extraction:
    """What was read of one article; `error` is what failed when the outcome is "error"."""

    enriched: EnrichedArticle
    stats: ArticleStats
    error: BaseException | None = None


def _original(text: str, start: int, end: int, parsed: str) -> str | None:
    """What `text` holds where the parse read `parsed`: the same characters, or the same
    word in other case (a shouted headline read in the body's casing); None when a blanked
    control character changed it."""
    original = text[start:end]
    return original if original.casefold() == parsed.casefold() else None


def _give_back_spans(
    text: str,
    groups: Sequence[Sequence[Entity | Place]],
    times: list[TimeExpression],
    events: Sequence[Event],
) -> list[TimeExpression]:
    """Every reported span reads the original `text` (`parse.textcheck`): mentions and times
    that a blanked control character changed are dropped, and an event's sentence and
    trigger are the original's characters."""
    for group in groups:
        for item in group:
            kept = []
            for m in item.mentions:
                original = _original(text, m.start, m.end, m.text)
                if original is not None:
                    m.text = original
                    kept.append(m)
            item.mentions = kept
    kept_times = []
    for t in times:
        if t.start is None or t.end is None:
            kept_times.append(t)
            continue
        original = _original(text, t.start, t.end, t.text)
        if original is not None:
            kept_times.append(t.model_copy(update={"text": original}))
    for event in events:
        event.sentence = text[event.start : event.end]
        span = event.trigger_span
        span.text = text[span.start : span.end]
    return kept_times


class Extractor:
    """Loads the model and gazetteer once; `extract` is then pure and thread-confined."""

    def __init__(
        self,
        model_name: str = DEFAULT_MODEL,
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        max_chars: int = DEFAULT_MAX_CHARS,
        n_process: int = 1,
        min_city_population: int = DEFAULT_MIN_CITY_POPULATION,
        cache_dir: Path | None = DEFAULT_CACHE_DIR,
    ) -> None:
        self.nlp = load_model(model_name)
        load_identifier()
        self.gazetteer = load_gazetteer(min_city_population, cache_dir)
        self.batch_size = batch_size
        self.max_chars = max_chars
        self.n_process = n_process
        info = model_info(self.nlp)
        self.info = ExtractorInfo(version=VERSION, model=info.name, model_version=info.version)

    def extract(
        self, articles: Sequence[Article], *, now: dt.datetime | None = None
    ) -> list[EnrichedArticle]:
        """One EnrichedArticle per article, in order."""
        return [extraction.enriched for extraction in self.run(articles, now=now)]

    def run(
        self, articles: Sequence[Article], *, now: dt.datetime | None = None
    ) -> list[Extraction]:
        """Like `extract`, with each article's stats.

        The batch is parsed and read inside a spaCy memory zone: the strings its new words added
        to the vocabulary are freed when it ends, so a long-running extractor's memory stays
        flat. No Doc, Token or string hash may outlive the zone, and none does: the results are
        pydantic models of plain strings (the parse table's hash-to-string memo keeps strings).
        """
        with self.nlp.memory_zone():
            return self._run(articles, now=now)

    def _run(self, articles: Sequence[Article], *, now: dt.datetime | None) -> list[Extraction]:
        extracted_at = now or dt.datetime.now(dt.UTC)
        checked = [
            check_text(a.text, max_chars=self.max_chars, language=a.language) for a in articles
        ]
        texts = [(c.text, i) for i, c in enumerate(checked) if c.text is not None]
        parsed_text = {i: text for text, i in texts}
        docs: dict[int, Doc | Exception] = dict(
            (i, doc) for doc, i in self._parse([t for t, _ in texts], [i for _, i in texts])
        )
        results: list[Extraction] = []
        for i, article in enumerate(articles):
            check = checked[i]
            empty = EnrichedArticle(article=article, extractor=self.info, extracted_at=extracted_at)
            if check.skip is not None:
                skipped = empty.model_copy(update={"skipped": check.skip})
                results.append(Extraction(skipped, ArticleStats(article.id, check.skip)))
                continue
            doc = docs[i]
            if isinstance(doc, Exception):
                results.append(Extraction(empty, ArticleStats(article.id, "error"), doc))
                continue
            results.append(
                self._read(article, doc, parsed_text[i], empty, truncated=check.truncated)
            )
        return results

    def extract_one(
        self,
        text: str,
        published_at: dt.datetime,
        *,
        article_id: str | None = None,
        title: str = "",
        url: str | None = None,
    ) -> EnrichedArticle:
        """Extract from one plain text (the `newsflow extract` command)."""
        now = dt.datetime.now(dt.UTC)
        article = local_article(
            text, published_at, article_id=article_id, title=title, url=url, now=now
        )
        return self.extract([article], now=now)[0]

    def _parse(self, texts: list[str], keys: list[int]) -> Iterator[tuple[Doc | Exception, int]]:
        """Parse in batches; if a batch fails, parse its texts one by one so one bad text
        costs only itself (its exception stands in for its parse)."""
        try:
            docs = list(self.nlp.pipe(texts, batch_size=self.batch_size, n_process=self.n_process))
        except Exception:
            logger.exception("batch parse failed; parsing %d texts one by one", len(texts))
            for text, key in zip(texts, keys, strict=True):
                try:
                    yield self.nlp(text), key
                except Exception as exc:
                    logger.exception("parse failed", extra={"article_id_index": key})
                    yield exc, key
            return
        yield from zip(docs, keys, strict=True)

    def _read(
        self, article: Article, doc: Doc, text: str, empty: EnrichedArticle, *, truncated: bool
    ) -> Extraction:
        """Read `doc`, the parse of `text` (spaCy's tokens always rebuild their text exactly, so
        `text` is `doc.text`, which would join a Token per word to rebuild it)."""
        parsed = len(text)
        stats = ArticleStats(article.id, "no_sentences", truncated, parsed)
        if not doc.to_array(IS_ALPHA).any():
            return Extraction(empty.model_copy(update={"skipped": "no_sentences"}), stats)
        try:
            sentence_of = sentence_of_tokens(doc)
            tokens = parse_table(doc)
            times = timex.find_times(doc, article.published_at, text=text)
            candidates = read_candidates(doc, self.gazetteer, text=text, sentence_of=sentence_of)
            actors = find_actors(doc, candidates, self.gazetteer, sentence_of, tokens)
            times = without_names(times, actors.entities, doc)
            places = geocode(
                candidates,
                self.gazetteer,
                text=text,
                publisher=publisher_country(article.source),
            )
            clauses = read_clauses(
                doc,
                article_id=article.id,
                actors=actors,
                places=places,
                times=times,
                published_at=article.published_at,
                text=text,
                sentence_of=sentence_of,
                tokens=tokens,
            )
            events = find_events(clauses, article_id=article.id)
        except Exception as exc:
            logger.exception("extraction failed", extra={"article_id": article.id})
            return Extraction(empty, ArticleStats(article.id, "error", truncated, parsed), exc)
        if not article.text.startswith(text):
            # Control characters were blanked or a shouted line recased for the parse.
            times = _give_back_spans(article.text, (actors.entities, places.places), times, events)
        enriched = EnrichedArticle(
            article=article,
            entities=actors.entities,
            places=places.places,
            times=times,
            events=events,
            extractor=self.info,
            extracted_at=empty.extracted_at,
        )
        return Extraction(
            enriched,
            ArticleStats(
                article.id,
                "ok",
                truncated,
                parsed,
                sentences=sentence_of[-1] + 1 if sentence_of else 0,
                entities=len(enriched.entities),
                places=len(enriched.places),
                times=len(times),
                events=len(events),
            ),
        )


def local_article(
    text: str,
    published_at: dt.datetime,
    *,
    article_id: str | None = None,
    title: str = "",
    url: str | None = None,
    now: dt.datetime | None = None,
) -> Article:
    """An Article for a text read from no feed (the command line, the evaluation): its URL
    is a URN of the text's hash unless given, its publication time the one given (UTC when
    naive)."""
    digest = content_hash(text)
    url = url or f"urn:newsflow:text:{digest}"
    if published_at.tzinfo is None:
        published_at = published_at.replace(tzinfo=dt.UTC)
    return Article(
        id=article_id or make_article_id(url),
        url=url,
        source=LOCAL_SOURCE,
        title=title,
        text=text,
        published_at=published_at,
        published_at_source="given",
        fetched_at=now or dt.datetime.now(dt.UTC),
        content_hash=digest,
    )


def without_names(
    times: list[TimeExpression], entities: list[Entity], doc: Doc
) -> list[TimeExpression]:
    """`times` less the names of people: a time inside a person's mention, or a capitalised
    one that is the surname of a person the article names in full, where it is no opening
    "Weeks later" but a name ("Taliban freed Timothy Weeks ... Weeks spent three years")."""
    people = [e for e in entities if e.kind == "person"]
    if not people:
        return times
    spans = sorted((m.start, m.end) for e in people for m in e.mentions)
    starts = [start for start, _ in spans]
    surnames = {e.name.split()[-1] for e in people if len(e.name.split()) > 1}
    kept = []
    for time in times:
        if time.start is None or time.end is None:
            kept.append(time)
            continue
        i = bisect.bisect_right(starts, time.start) - 1
        if i >= 0 and time.end <= spans[i][1]:
            continue  # inside a person's mention
        if time.text in surnames:
            span = doc.char_span(time.start, time.end, alignment_mode="expand")
            if span is not None and (span.start != span.sent.start or span.root.dep_ in _SUBJECTS):
                continue  # "Weeks spent three years", "told Weeks"
        kept.append(time)
    return kept


# Dependencies that make a capitalised word at a sentence's start its subject, not an adverb.
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def process_extractor(settings: ExtractorSettings) -> Extractor:
    """The one Extractor of a process (the service, `newsflow extract`), built from its settings.

    Then everything loaded so far (the model, vocabulary, gazetteer) is taken out of the cyclic
    collector's sight, for good (`gc.freeze`): its full collections no longer walk them again
    and again while articles are read (~0.3 ms per article on the benchmark). It is
    process-wide and what is frozen is never collected, so it belongs here, once per process,
    not in `Extractor` (tests build several). No `gc.collect()` first: it would cost ~40 ms to
    free a few dozen objects.
    """
    extractor = Extractor(
        settings.spacy_model,
        batch_size=settings.batch_size,
        max_chars=settings.max_chars,
        cache_dir=settings.cache_dir,
    )
    gc.freeze()
    return extractor
