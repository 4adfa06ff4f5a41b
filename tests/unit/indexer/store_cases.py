"""Behaviour every `Store` must have, written once and run against each backend.

A backend's test module subclasses `StoreCases` and provides the fixture `reopen`: a function
returning a new, unopened store over one fresh, empty database (the same database on every
call). Not collected by itself (the file name does not start with `test_`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable
from typing import Any, NamedTuple

import pytest

from services.indexer.query import SearchQuery, build_query
from services.indexer.results import ArticleHit, EventHit, Facets, SearchPage, UpsertStats
from services.indexer.store import Store, sql
from shared.models import EnrichedArticle, Event
from tests import factories as f

Reopen = Callable[[], Store]

HOSTILE = [
    '"',
    '""',
    '"""',
    "AND (",
    "NEAR(",
    "NEAR(a b, 3)",
    "talks OR",
    "OR talks",
    "NOT talks",
    "-talks",
    "talks*",
    "*",
    "title:talks",
    "^talks",
    "{title text}: talks",
    "talks AND (Miami OR",
    "'; DROP TABLE articles; --",
    "a'b\"c",
    "\\",
    "talks & | ! <-> :*",
    "(",
    ")",
    "talks)",
    "ünïcödé ταλκς 会谈",
    "🙂 talks",
    "x" * 400,
]


class Older(NamedTuple):
    """An index of an older schema, for a test of its rebuild: its tables, a message as it
    stored it, and the statement and row of an event (none: its event rows are not made, a
    rebuild drops them unread)."""

    schema: str
    stored: Callable[[EnrichedArticle], object]
    events: str = ""
    event: Callable[[int, Event], tuple[object, ...]] = lambda n, v: (n,)


async def assert_holds_the_corpus(store: Store) -> None:
    """`store` (open) serves every CORPUS article whole, searches them and lists their events:
    what an index rebuilt from its stored messages must do."""
    assert [await store.get_article(e.article.id) for e in CORPUS] == CORPUS
    page = await store.search(build_query({"q": "Kushner", "actor": "Kirill Dmitriev"}))
    assert [hit.id for hit in page.results] == [CORPUS[0].article.id]
    events = await store.search(build_query({"type": "events", "limit": 100}))
    assert events.total == sum(len(e.events) for e in CORPUS)


def q(**params: Any) -> SearchQuery:
    return build_query(params)


def ids(page: SearchPage) -> list[str]:
    return [hit.id for hit in page.results]


def articles(page: SearchPage) -> list[ArticleHit]:
    hits = [hit for hit in page.results if isinstance(hit, ArticleHit)]
    assert len(hits) == len(page.results)
    return hits


def events(page: SearchPage) -> list[EventHit]:
    hits = [hit for hit in page.results if isinstance(hit, EventHit)]
    assert len(hits) == len(page.results)
    return hits


CORPUS = f.corpus()
FLORIDA, BERLIN, SANCTIONS, MARKETS = (e.article.id for e in CORPUS)


def counts(facets: Facets, name: str) -> dict[str, int]:
    return {c.value: c.count for c in getattr(facets, name)}


async def collect(store: Store, query: SearchQuery) -> tuple[list[str], list[int]]:
    """Every id over all pages, and the size of each page."""
    seen: list[str] = []
    sizes: list[int] = []
    params = query.model_dump(exclude_none=True)
    cursor: str | None = None
    for _ in range(100):
        page = await store.search(build_query({**params, "cursor": cursor}))
        seen += ids(page)
        sizes.append(len(page.results))
        cursor = page.next_cursor
        if cursor is None:
            return seen, sizes
    raise AssertionError("pagination did not end")


class StoreCases:
    @pytest.fixture
    async def store(self, reopen: Reopen) -> AsyncIterator[Store]:
        store = reopen()
        await store.open()
        yield store
        await store.close()

    @pytest.fixture
    async def loaded(self, store: Store) -> Store:
        await store.upsert(CORPUS)
        return store

    # -- writes ---------------------------------------------------------------------------

    async def test_ping_and_empty_search(self, store: Store) -> None:
        assert await store.ping()
        page = await store.search(q())
        assert page.results == []
        assert page.total == 0
        assert page.next_cursor is None

    async def test_upsert_counts_rows(self, store: Store) -> None:
        stats = await store.upsert(CORPUS)
        assert stats == UpsertStats(articles=4, stale=0, events=5, events_removed=0)
        assert (await store.search(q())).total == 4
        assert (await store.search(q(type="events"))).total == 5

    async def test_empty_batch_writes_nothing(self, store: Store) -> None:
        assert await store.upsert([]) == UpsertStats()

    async def test_redelivery_changes_nothing(self, loaded: Store) -> None:
        queries = [q(), q(q="talks"), q(type="events"), q(country="RU", type="events")]
        before = [await loaded.search(x) for x in queries]
        facets_before = [await loaded.facets(x) for x in queries]
        stats = await loaded.upsert(CORPUS)
        assert stats.events_removed == 0
        assert stats.stale == 0
        after = [await loaded.search(x) for x in queries]
        assert after == before
        assert [await loaded.facets(x) for x in queries] == facets_before
        assert await loaded.get_article(FLORIDA) == CORPUS[0]

    async def test_reupsert_with_fewer_events_removes_the_rest(self, loaded: Store) -> None:
        old = CORPUS[0]
        newer = old.model_copy(
            update={
                "events": old.events[:1],
                "extracted_at": old.extracted_at + dt.timedelta(hours=1),
            }
        )
        stats = await loaded.upsert([newer])
        assert stats == UpsertStats(articles=1, events=1, events_removed=1)
        assert await loaded.get_event(f"{FLORIDA}-1") is None
        assert await loaded.get_event(f"{FLORIDA}-0") is not None
        page = await loaded.search(q(type="events", actor="Vladimir Putin"))
        assert page.results == []
        facets = await loaded.facets(q(type="events"))
        assert "Vladimir Putin" not in counts(facets, "actors")
        assert counts(facets, "event_types")["DEMAND"] == 1

    async def test_reupsert_replaces_entities_and_text(self, loaded: Store) -> None:
        old = CORPUS[2]
        article = old.article.model_copy(update={"title": "Embargo widened", "text": "Embargo."})
        newer = old.model_copy(
            update={
                "article": article,
                "entities": [f.entity("Janet Yellen", country_code="US")],
                "extracted_at": old.extracted_at + dt.timedelta(hours=1),
            }
        )
        await loaded.upsert([newer])
        assert ids(await loaded.search(q(q="embargo"))) == [SANCTIONS]
        assert ids(await loaded.search(q(q="banks"))) == []
        assert ids(await loaded.search(q(actor="Marco Rubio"))) == []
        assert ids(await loaded.search(q(actor="janet yellen"))) == [SANCTIONS]

    async def test_older_extraction_is_skipped(self, loaded: Store) -> None:
        old = CORPUS[0]
        older = old.model_copy(
            update={"events": [], "extracted_at": old.extracted_at - dt.timedelta(days=1)}
        )
        stats = await loaded.upsert([older])
        assert stats == UpsertStats(stale=1)
        assert await loaded.get_article(FLORIDA) == old

    async def test_batch_keeps_the_latest_copy_of_an_article(self, store: Store) -> None:
        old = CORPUS[0]
        newer = old.model_copy(
            update={"events": [], "extracted_at": old.extracted_at + dt.timedelta(hours=1)}
        )
        stats = await store.upsert([newer, old])
        assert stats == UpsertStats(articles=1, events=0)
        assert await store.get_article(FLORIDA) == newer

    async def test_reopen_keeps_data_and_schema(self, loaded: Store, reopen: Reopen) -> None:
        again = reopen()
        await again.open()
        try:
            assert ids(await again.search(q(q="Kushner"))) == [FLORIDA]
        finally:
            await again.close()

    # -- articles -------------------------------------------------------------------------

    async def test_newest_first_without_text(self, loaded: Store) -> None:
        page = await loaded.search(q())
        assert ids(page) == [FLORIDA, BERLIN, SANCTIONS, MARKETS]
        assert all(hit.score is None for hit in articles(page))

    async def test_title_match_ranks_above_body_match(self, loaded: Store) -> None:
        page = await loaded.search(q(q="talks"))
        assert ids(page) == [BERLIN, FLORIDA]
        scores = [hit.score for hit in articles(page)]
        assert scores[0] is not None
        assert scores[1] is not None
        assert scores[0] > scores[1]

    async def test_words_are_anded_and_stemmed(self, loaded: Store) -> None:
        assert ids(await loaded.search(q(q="sanction"))) == [SANCTIONS]
        assert ids(await loaded.search(q(q="talks Miami"))) == [FLORIDA]
        assert ids(await loaded.search(q(q="talks Moscow"))) == []

    async def test_quoted_phrase_keeps_word_order(self, loaded: Store) -> None:
        assert ids(await loaded.search(q(q='"Jared Kushner"'))) == [FLORIDA]
        assert ids(await loaded.search(q(q='"Kushner Jared"'))) == []

    async def test_a_rare_phrase_of_common_words_is_found_exactly(self, store: Store) -> None:
        """Both words in every article, next to each other in one order in some: the phrase
        finds exactly those (PostgreSQL answers it from its index of word pairs), with words,
        common words inside, another phrase, alternatives and exclusions around it."""
        texts = [
            "The year began; a million people marched.",
            "A million a year is what the mill paid.",
            "Last year a million people marched, a million year on year.",
            "The end of the war came a year later, a million said.",
            "Year after year, the million-strong march grew.",
            "The million-strong year of the war ended.",
        ]
        made = [
            f.enriched(f.article(f"https://example.com/phrase/{i}", text=text))
            for i, text in enumerate(texts)
        ]
        await store.upsert(made)
        art = [e.article.id for e in made]

        async def found(text: str) -> list[str]:
            return sorted(ids(await store.search(q(q=text, limit=20))))

        assert await found('"million year"') == [art[2]]
        assert await found('"year million"') == []
        assert await found('"million people marched"') == sorted([art[0], art[2]])
        assert await found('"million people" last') == [art[2]]
        assert await found('"end of the war"') == [art[3]]
        assert await found('"end of war"') == []
        assert await found('"million-strong march"') == [art[4]]
        assert await found('"million strong year"') == [art[5]]
        assert await found('"million year" OR "year later"') == sorted([art[2], art[3]])
        assert await found('"million people" -"last year"') == [art[0]]
        assert await found('year -"million year"') == sorted(set(art) - {art[2]})
        page = await store.search(q(q='"million year"', type="events"))
        assert {hit.article_id for hit in events(page)} <= {art[2]}

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            # OR, exclusion, NOT, prefixes, and their combinations.
            ("Kushner OR Moscow", [FLORIDA, SANCTIONS]),
            ("talks Kushner OR Umerov", [BERLIN, FLORIDA]),
            ("talks -Miami", [BERLIN]),
            ("talks NOT Miami", [BERLIN]),
            ('talks -"Jared Kushner"', [BERLIN]),
            ('talks -"Kushner Jared"', [BERLIN, FLORIDA]),
            ("Witk*", [FLORIDA]),
            ("sanction*", [SANCTIONS]),
            ("negotiators*", [FLORIDA]),
            ("invest* OR bank* -Rubio", [MARKETS]),
            ("Dmitr* Miami OR Berlin", [FLORIDA]),
            # Lower-case operators and common words are words that are not searched.
            ("the talks in Miami", [FLORIDA]),
            ("talks not Miami", [FLORIDA]),
        ],
    )
    async def test_query_language(self, loaded: Store, text: str, expected: list[str]) -> None:
        page = await loaded.search(q(q=text, limit=10))
        assert sorted(ids(page)) == sorted(expected)
        assert page.total == len(expected)
        events = await loaded.search(q(q=text, type="events", limit=10))
        assert {hit.article_id for hit in events.results if isinstance(hit, EventHit)} <= set(
            expected
        )

    async def test_excluded_words_leave_out_snippets_safely(self, loaded: Store) -> None:
        (hit,) = articles(await loaded.search(q(q="talks -Miami")))
        assert "**talks**" in hit.snippet

    @pytest.mark.parametrize("text", HOSTILE)
    async def test_hostile_text_never_raises(self, loaded: Store, text: str) -> None:
        try:
            query = q(q=text)
        except ValueError:
            return  # refused by validation: the API answers 400
        page = await loaded.search(query)
        assert isinstance(page.total, int)
        await loaded.facets(query)
        await loaded.search(q(q=text, type="events"))

    async def test_hit_fields(self, loaded: Store) -> None:
        (hit,) = articles(await loaded.search(q(q="Kushner")))
        source = CORPUS[0].article
        assert (hit.id, hit.url, hit.title, hit.source) == (
            source.id,
            source.url,
            source.title,
            source.source,
        )
        assert hit.published_at == source.published_at
        assert "**Kushner**" in hit.snippet
        # Most mentioned first: Putin has three mentions, Dmitriev two.
        assert hit.entities[:2] == ["Vladimir Putin", "Kirill Dmitriev"]
        assert set(hit.entities) == {e.name for e in CORPUS[0].entities}

    async def test_snippet_without_text_is_the_lead(self, loaded: Store) -> None:
        page = await loaded.search(q(country="DE"))
        assert articles(page)[0].snippet.startswith("Rustem Umerov held talks")

    async def test_actor_filter_is_case_insensitive(self, loaded: Store) -> None:
        assert ids(await loaded.search(q(actor="vladimir PUTIN"))) == [FLORIDA]
        assert ids(await loaded.search(q(actor="Putin"))) == []
        assert ids(await loaded.search(q(actor="Russia"))) == [BERLIN, SANCTIONS]

    async def test_place_country_and_event_type_filters(self, loaded: Store) -> None:
        assert ids(await loaded.search(q(place="moscow"))) == [SANCTIONS]
        assert ids(await loaded.search(q(country="ua"))) == [FLORIDA, BERLIN]
        assert ids(await loaded.search(q(country="DE"))) == [BERLIN]
        assert ids(await loaded.search(q(event_type="sanction"))) == [SANCTIONS]
        assert ids(await loaded.search(q(event_type="DEMAND", country="US"))) == [FLORIDA]

    async def test_publication_days_are_inclusive(self, loaded: Store) -> None:
        day = await loaded.search(q(since="2025-12-15", until="2025-12-15"))
        assert ids(day) == [BERLIN]
        assert ids(await loaded.search(q(since="2025-12"))) == [FLORIDA, BERLIN]
        assert ids(await loaded.search(q(until="2025-11"))) == [SANCTIONS, MARKETS]
        assert ids(await loaded.search(q(published_since="2025-12-16"))) == [FLORIDA]
        assert ids(await loaded.search(q(until="9999-12-31", since="0001-01-01"))) == [
            FLORIDA,
            BERLIN,
            SANCTIONS,
            MARKETS,
        ]

    async def test_text_with_filters(self, loaded: Store) -> None:
        assert ids(await loaded.search(q(q="talks", country="DE"))) == [BERLIN]
        assert ids(await loaded.search(q(q="talks", since="2025-12-16"))) == [FLORIDA]

    # -- events ---------------------------------------------------------------------------

    async def test_events_latest_date_first(self, loaded: Store) -> None:
        page = await loaded.search(q(type="events"))
        assert ids(page) == [
            f"{FLORIDA}-0",
            f"{FLORIDA}-1",
            f"{BERLIN}-0",
            f"{BERLIN}-1",
            f"{SANCTIONS}-0",
        ]

    async def test_event_hit_carries_article_facts(self, loaded: Store) -> None:
        (hit,) = events(await loaded.search(q(type="events", event_type="SANCTION")))
        expected = CORPUS[2].events[0]
        assert hit.model_dump(include=set(type(expected).model_fields)) == expected.model_dump()
        assert (hit.url, hit.title, hit.source) == (
            CORPUS[2].article.url,
            CORPUS[2].article.title,
            CORPUS[2].article.source,
        )
        assert await loaded.get_event(expected.id) == hit

    async def test_event_dates_overlap_the_range(self, loaded: Store) -> None:
        page = await loaded.search(q(type="events", since="2025-12-10", until="2025-12-14"))
        # The 2025-12-14 meeting, and the demand dated "this month" (2025-12-01..31).
        assert ids(page) == [f"{BERLIN}-0", f"{BERLIN}-1"]
        page = await loaded.search(q(type="events", since="2025-11-29", until="2025-11-29"))
        assert ids(page) == [f"{SANCTIONS}-0"]

    async def test_event_filters(self, loaded: Store) -> None:
        by_actor = await loaded.search(q(type="events", actor="russia"))
        assert ids(by_actor) == [f"{BERLIN}-1", f"{SANCTIONS}-0"]
        by_place = await loaded.search(q(type="events", place="Florida"))
        assert ids(by_place) == [f"{FLORIDA}-0"]
        by_country = await loaded.search(q(type="events", country="US"))
        assert ids(by_country) == [f"{FLORIDA}-0", f"{SANCTIONS}-0"]
        by_type = await loaded.search(q(type="events", event_type="CONSULT"))
        assert ids(by_type) == [f"{FLORIDA}-0", f"{BERLIN}-0"]
        by_text = await loaded.search(q(type="events", q="banks"))
        assert ids(by_text) == [f"{SANCTIONS}-0"]
        by_publication = await loaded.search(
            q(type="events", published_since="2025-12-01", published_until="2025-12-19")
        )
        assert ids(by_publication) == [f"{BERLIN}-0", f"{BERLIN}-1"]

    # -- facets ---------------------------------------------------------------------------

    async def test_article_facets(self, loaded: Store) -> None:
        facets = await loaded.facets(q())
        assert counts(facets, "countries") == {"RU": 3, "US": 2, "UA": 2, "DE": 1}
        assert counts(facets, "event_types") == {"CONSULT": 2, "DEMAND": 2, "SANCTION": 1}
        assert counts(facets, "actors")["Russia"] == 2
        assert facets.actors[0].value == "Russia"
        text_facets = await loaded.facets(q(q="talks"))
        assert counts(text_facets, "places") == {
            "Berlin": 1,
            "Florida": 1,
            "Kyiv": 1,
            "Miami": 1,
            "Ukraine": 1,
        }

    async def test_names_of_any_characters_are_kept_whole(self, store: Store) -> None:
        """Names are stored as they are, whatever they hold (PostgreSQL passes an article's
        as array literals): quotes, a backslash, braces, commas, spaces, accents."""
        odd = ['Tom "T" O\'Neil, Jr.', "back\\slash {x}", "NULL", " São Paulo "]
        made = f.enriched(
            f.article("https://example.com/odd-names", text="Odd names."),
            entities=[
                f.entity(name, country_code="BR", mentions=4 - i) for i, name in enumerate(odd)
            ],
            places=[f.place(name, country_code="PT") for name in odd],
        )
        await store.upsert([made])
        (hit,) = articles(await store.search(q(actor=odd[0])))
        assert hit.entities == odd, "most mentioned first"
        for name in odd:
            assert ids(await store.search(q(actor=name, place=name, country="PT"))) == [hit.id]
        facets = await store.facets(q(country="BR"))
        assert counts(facets, "actors") == counts(facets, "places") == dict.fromkeys(odd, 1)
        assert counts(facets, "countries") == {"BR": 1, "PT": 1}

    async def test_event_facets(self, loaded: Store) -> None:
        facets = await loaded.facets(q(type="events"))
        assert counts(facets, "actors")["Russia"] == 2
        assert counts(facets, "countries") == {"RU": 4, "US": 2, "UA": 2, "DE": 1}
        assert counts(facets, "event_types") == {"CONSULT": 2, "DEMAND": 2, "SANCTION": 1}
        assert counts(facets, "places") == {"Berlin": 1, "Florida": 1, "Moscow": 1}

    async def test_facet_size_bounds_each_facet(self, loaded: Store) -> None:
        facets = await loaded.facets(q(), size=2)
        assert [len(facets.actors), len(facets.countries)] == [2, 2]
        assert [c.value for c in facets.countries] == ["RU", "UA"]  # tie on 2: by value

    @pytest.mark.parametrize("kind", ["articles", "events"])
    async def test_facet_count_is_the_filtered_total(self, loaded: Store, kind: str) -> None:
        """A facet's count is what the query returns with that value as a filter."""
        facets = await loaded.facets(q(type=kind), size=50)
        checked = 0
        for facet, param in [
            ("actors", "actor"),
            ("places", "place"),
            ("countries", "country"),
            ("event_types", "event_type"),
        ]:
            for value in getattr(facets, facet):
                page = await loaded.search(q(type=kind, **{param: value.value}))
                assert page.total == value.count, (facet, value)
                checked += 1
        assert checked >= 15

    # -- pagination -----------------------------------------------------------------------

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({}, 25),
            ({"q": "ceasefire"}, 25),
            ({"type": "events"}, 25),
            ({"q": "talks", "type": "events", "since": "2025-01-01"}, 25),
        ],
    )
    async def test_pages_cover_everything_once(
        self, store: Store, params: dict[str, Any], expected: int
    ) -> None:
        await store.upsert(f.many(25))
        seen, sizes = await collect(store, q(limit=10, **params))
        assert len(seen) == expected
        assert len(set(seen)) == expected
        assert sizes == [10, 10, 5]
        whole = await store.search(q(limit=100, **params))
        assert ids(whole) == seen
        assert whole.total == expected

    async def test_exact_last_page_has_no_cursor(self, store: Store) -> None:
        await store.upsert(f.many(10))
        page = await store.search(q(limit=10))
        assert len(page.results) == 10
        assert page.next_cursor is None

    async def test_cursor_is_stable_when_newer_articles_arrive(self, store: Store) -> None:
        await store.upsert(f.many(6))
        first = await store.search(q(limit=3))
        await store.upsert(f.many(9)[6:])  # three newer articles land between the pages
        second = await store.search(q(limit=3, cursor=first.next_cursor))
        older = [e.article.id for e in reversed(f.many(6))]
        assert ids(first) + ids(second) == older

    # -- broad queries: the most recently indexed matches ---------------------------------

    @pytest.fixture
    async def window_of_three(self, store: Store, monkeypatch: pytest.MonkeyPatch) -> list[str]:
        """Ten articles written one by one and a window of three (the facets' sample too): the
        ids, oldest first."""
        monkeypatch.setattr(sql, "RECENT_MATCHES", 3)
        monkeypatch.setattr(sql, "FACET_SAMPLE", 3)
        written = f.many(10)
        for enriched in written:
            await store.upsert([enriched])
        return [e.article.id for e in written]

    async def test_text_is_ranked_over_the_most_recent_matches(
        self, store: Store, window_of_three: list[str]
    ) -> None:
        page = await store.search(q(q="ceasefire", limit=2))
        assert (page.total, page.total_exact) == (4, False), "counted to one past the window"
        narrow = await store.search(q(q='"Report 2" OR "Report 3"'))
        assert (narrow.total, narrow.total_exact) == (2, True)
        seen, sizes = await collect(store, q(q="ceasefire", limit=2))
        assert sorted(seen) == sorted(window_of_three[-3:])
        assert sizes == [2, 1]
        # The window is over what the whole query matches: an old article is found by a
        # query that matches it.
        assert ids(await store.search(q(q='ceasefire "Report 1"'))) == [window_of_three[1]]

    async def test_text_facets_count_the_newest_of_the_window(
        self, store: Store, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A ranked query's facets count the first of the matches its window found (the text is
        not matched again): one past the sample, the newest."""
        monkeypatch.setattr(sql, "RECENT_MATCHES", 6)
        monkeypatch.setattr(sql, "FACET_SAMPLE", 2)
        written = f.many(5)
        for enriched in written:
            await store.upsert([enriched])
        page, facets = await store.search_with_facets(q(q="ceasefire"))
        assert (page.total, facets.counted, facets.approximate) == (5, 3, True)
        assert counts(facets, "actors") == {"Kirill Dmitriev": 3}
        newest = await store.search_with_facets(q(q='ceasefire "Report 4"'))
        assert (newest[1].counted, newest[1].approximate) == (1, False)

    async def test_facets_over_the_most_recent_matches_say_so(
        self, store: Store, window_of_three: list[str]
    ) -> None:
        broad = await store.facets(q())
        assert (broad.counted, broad.approximate) == (4, True)
        assert counts(broad, "actors") == {"Kirill Dmitriev": 4}
        assert counts(broad, "event_types") == {"CONSULT": 4}
        events = await store.facets(q(type="events"))
        assert (events.counted, events.approximate) == (4, True)
        assert counts(events, "countries") == {"RU": 4}
        narrow = await store.facets(q(q='"Report 2" OR "Report 3"'))
        assert (narrow.counted, narrow.approximate) == (2, False)
        assert counts(narrow, "actors") == {"Kirill Dmitriev": 2}

    @pytest.mark.parametrize(
        "params",
        [
            {"actor": "Kirill Dmitriev"},
            {"country": "RU"},
            {"event_type": "CONSULT", "since": "2025-01-01"},
            {"type": "events", "actor": "kirill dmitriev"},
            {"type": "events", "country": "RU", "since": "2025-01-01"},
        ],
    )
    @pytest.mark.parametrize("choice", ["probed", "listed"])
    async def test_broad_filters_page_through_everything(
        self,
        store: Store,
        window_of_three: list[str],
        params: dict[str, Any],
        choice: str,
        monkeypatch: pytest.MonkeyPatch,
    ) -> None:
        """Past the window, filters probe row by row (or list their keys, when their sampled
        share says narrow): the same pages, in the same order, the same facets."""
        if choice == "listed":
            # A sample of one row, and a share no filter reaches: every filter is listed.
            monkeypatch.setattr(sql, "SHARE_SAMPLE", 1)
            monkeypatch.setattr(sql, "is_broad", lambda sampled, held, share: False)
        facets = await store.facets(q(**params))
        assert (facets.counted, facets.approximate) == (4, True)
        assert counts(facets, "event_types") == {"CONSULT": 4}
        seen, sizes = await collect(store, q(limit=4, **params))
        if params.get("type"):
            # Every event is dated its article's day, 2025-01-01: ties go by key, the order
            # their articles were first indexed in.
            assert seen == [f"{i}-0" for i in window_of_three]
        else:
            assert seen == window_of_three[::-1]  # newest first
        assert sizes == [4, 4, 2]

    async def test_the_sampled_share_chooses_probes_or_lists(
        self, store: Store, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Filters that hold for at least the dialect's `broad_share` of the `SHARE_SAMPLE` most
        recent rows are probed; fewer, listed; where fewer rows than the sample are there to
        test, probed."""
        written = f.many(10)
        other = f.article("https://example.com/other", text="Report on the ceasefire.")
        old = f.enriched(other, entities=[f.entity("Olaf Scholz", country_code="DE")])
        await store.upsert([old])  # the oldest: outside a sample of the four most recent
        for enriched in written:
            await store.upsert([enriched])
        chosen: list[tuple[int, int, bool]] = []
        decide = sql.is_broad

        def spy(sampled: int, held: int, share: float) -> bool:
            chosen.append((sampled, held, decide(sampled, held, 0.5)))
            return chosen[-1][2]

        monkeypatch.setattr(sql, "is_broad", spy)
        monkeypatch.setattr(sql, "SHARE_SAMPLE", 4)
        broad = await store.search(q(actor="Kirill Dmitriev", limit=20))
        narrow = await store.search(q(actor="Olaf Scholz"))
        few = await store.search(q(q="Report", actor="Olaf Scholz", since="2025-12-01"))
        unfiltered = await store.search(q(q="ceasefire"))
        assert chosen == [(4, 4, True), (4, 0, False), (1, 1, True)], chosen
        assert ids(broad) == [e.article.id for e in reversed(written)]
        assert ids(narrow) == [other.id]
        assert ids(few) == [other.id]
        assert unfiltered.total == 11, "no filter, nothing sampled"

    async def test_an_actors_events_in_a_date_range(self, store: Store) -> None:
        """An actor's events in a date range (read from the actor's index, which holds each
        event's start): those that overlap it, latest first, page by page, a long one that
        started before it included; an event moved out of the range by a newer extraction
        leaves it."""
        a = f.article("https://example.com/dated", text="Talks, again and again.")
        d = dt.date
        dated = [
            f.event(a, 0, sources=["Olaf Scholz"], date=("2025-03", d(2025, 3, 1), d(2025, 3, 31))),
            f.event(a, 1, sources=["Olaf Scholz"], date=("2025", d(2024, 6, 1), d(2025, 6, 1))),
            f.event(a, 2, targets=["Olaf Scholz"], date=("2025-03-20", d(2025, 3, 20), None)),
            f.event(a, 3, sources=["Olaf Scholz"], date=("2025-05-02", d(2025, 5, 2), None)),
            f.event(a, 4, sources=["Marco Rubio"], date=("2025-03-21", d(2025, 3, 21), None)),
        ]
        await store.upsert([*CORPUS, f.enriched(a, events=dated)])
        march = q(type="events", actor="olaf scholz", since="2025-03-15", until="2025-03-31")
        assert ids(await store.search(march)) == [f"{a.id}-2", f"{a.id}-0", f"{a.id}-1"]
        one_by_one = q(**{**march.model_dump(exclude_none=True), "limit": 1})
        assert await collect(store, one_by_one) == (
            [f"{a.id}-2", f"{a.id}-0", f"{a.id}-1"],
            [1, 1, 1],
        )
        moved = dated[2].model_copy(
            update={"date": dated[3].date, "date_source": dated[3].date_source}
        )
        first = f.enriched(a, events=dated)
        later = f.enriched(
            a, events=[*dated[:2], moved], extracted_at=first.extracted_at + dt.timedelta(hours=1)
        )
        await store.upsert([later])
        assert ids(await store.search(march)) == [f"{a.id}-0", f"{a.id}-1"]
        page, facets = await store.search_with_facets(march)
        assert (ids(page), counts(facets, "actors")) == (
            [f"{a.id}-0", f"{a.id}-1"],
            {"Olaf Scholz": 2},
        )

    @pytest.mark.parametrize(
        "params",
        [
            {},
            {"q": "talks"},
            {"actor": "Russia"},
            {"type": "events", "country": "RU", "since": "2025-11-01"},
            {"type": "events", "actor": "russia", "since": "2025-01-01", "until": "2025-12-31"},
        ],
    )
    async def test_search_with_facets_is_search_and_facets(
        self, loaded: Store, params: dict[str, Any]
    ) -> None:
        query = q(**params)
        both = await loaded.search_with_facets(query, size=3)
        assert both == (await loaded.search(query), await loaded.facets(query, size=3))
        assert both[0].results, "the query matches"

    async def test_a_long_interval_overlaps_a_late_day(self, loaded: Store) -> None:
        """The date filters seek from `since` less the longest interval held: a year-long
        event still overlaps its last weeks."""
        a = f.article("https://example.com/year-review", text="A year of talks.")
        year = f.event(a, 0, date=("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)))
        await loaded.upsert([f.enriched(a, events=[year])])
        late = q(type="events", since="2024-12-15", until="2024-12-16")
        assert ids(await loaded.search(late)) == [year.id]
        assert (await loaded.facets(late)).counted == 1
