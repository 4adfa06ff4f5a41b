"""The search API over a SQLite store in tmp_path, called in-process (httpx ASGITransport)."""

from __future__ import annotations

import json
import random
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from services.indexer.api import create_api
from services.indexer.query import SearchQuery
from services.indexer.results import SearchPage
from services.indexer.store import QueryRejected, StoreUnavailable
from services.indexer.store.sqlite import SqliteStore
from shared.models import Event
from tests import factories as f
from tests.unit.indexer.store_cases import BERLIN, CORPUS, FLORIDA, HOSTILE, SANCTIONS

Observed = list[tuple[str, int, float]]
ARTICLE_KEYS = {"id", "url", "title", "source", "published_at", "snippet", "entities", "score"}
EVENT_KEYS = set(Event.model_fields) | {"url", "title", "source", "published_at"}


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SqliteStore]:
    store = SqliteStore(tmp_path / "index.sqlite3", readers=2)
    await store.open()
    await store.upsert(CORPUS)
    yield store
    await store.close()


@pytest.fixture
def observed() -> Observed:
    return []


def client_for(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


@pytest.fixture
async def client(store: SqliteStore, observed: Observed) -> AsyncIterator[httpx.AsyncClient]:
    app = create_api(store, observe_search=lambda *args: observed.append(args))
    async with client_for(app) as client:
        yield client


async def test_article_search_response(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/search", params={"q": "talks"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"results", "next_cursor", "total", "total_exact", "query", "facets"}
    assert body["total_exact"] is True
    assert [hit["id"] for hit in body["results"]] == [BERLIN, FLORIDA]
    assert all(set(hit) == ARTICLE_KEYS for hit in body["results"])
    assert body["total"] == 2
    assert body["next_cursor"] is None
    assert body["query"]["q"] == "talks"
    assert body["query"]["type"] == "articles"
    assert set(body["facets"]) == {
        "actors",
        "places",
        "countries",
        "event_types",
        "counted",
        "approximate",
    }
    assert (body["facets"]["counted"], body["facets"]["approximate"]) == (2, False)
    assert {"value": "UA", "count": 2} in body["facets"]["countries"]


async def test_event_search_response(client: httpx.AsyncClient) -> None:
    response = await client.get(
        "/v1/search", params={"type": "events", "actor": "russia", "since": "2025-11"}
    )
    assert response.status_code == 200
    body = response.json()
    assert [hit["id"] for hit in body["results"]] == [f"{BERLIN}-1", f"{SANCTIONS}-0"]
    assert all(set(hit) == EVENT_KEYS for hit in body["results"])
    first = body["results"][0]
    assert first["title"] == CORPUS[1].article.title
    assert first["date"]["value"] == "2025-12"
    assert body["query"]["since"] == "2025-11-01"
    assert body["facets"]["event_types"] == [
        {"value": "DEMAND", "count": 1},
        {"value": "SANCTION", "count": 1},
    ]


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"since": "last week"}, "since", "must be a date: YYYY-MM-DD, YYYY-MM or YYYY"),
        ({"since": "2025-13-45"}, "since", "2025-13-45 is not a day of the calendar"),
        ({"since": "2025-12-20T10:00:00"}, "since", "(no time of day)"),
        ({"until": "2025-02-30"}, "until", "is not a day of the calendar"),
        ({"published_since": "2025-1"}, "published_since", "YYYY-MM-DD, YYYY-MM or YYYY"),
        ({"since": "2025-12-02", "until": "2025-12-01"}, "since", "since 2025-12-02 is after"),
        ({"published_since": "2026", "published_until": "2025"}, "published_since", "after"),
        ({"type": "people"}, "type", "'articles' or 'events'"),
        ({"event_type": "HUG"}, "event_type", "'CONSULT'"),
        ({"country": "Ukraine"}, "country", "alpha-2 code such as UA"),
        ({"limit": "0"}, "limit", "must be a whole number from 1 to 100"),
        ({"limit": "101"}, "limit", "from 1 to 100"),
        ({"limit": "ten"}, "limit", "from 1 to 100"),
        ({"cursor": "garbage!"}, "cursor", "pass the next_cursor of the previous page"),
        ({"cursor": "e30"}, "cursor", "not one this API issued"),
        ({"q": '"'}, "q", "holds no searchable word"),
        ({"q": "( ) * -"}, "q", "holds no searchable word"),
        ({"q": "the of"}, "q", "only common words"),
        ({"q": "-talks"}, "q", "-word and NOT only exclude"),
        ({"q": "talks OR"}, "q", "OR needs"),
        ({"q": "talks\x00"}, "q", "control characters"),
        ({"actor": "x" * 500}, "actor", "at most 200 characters"),
        ({"facets": "maybe"}, "facets", "must be true or false"),
        ({"acter": "Putin"}, "acter", "unknown parameter; did you mean actor?"),
        ({"q": "talks", "sort": "date"}, "sort", "unknown parameter"),
    ],
)
async def test_bad_queries_are_400(
    client: httpx.AsyncClient, params: dict[str, str], field: str, message: str
) -> None:
    response = await client.get("/v1/search", params=params)
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["error"] == "bad_request"
    assert [d["field"] for d in body["details"]] == [field]
    assert message in body["details"][0]["message"]
    assert body["message"].startswith(f"{field}: ")


async def test_every_unknown_parameter_is_named(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/search", params={"acter": "x", "q": "talks", "palce": "y"})
    assert response.status_code == 400
    assert [d["field"] for d in response.json()["details"]] == ["acter", "palce"]


async def test_the_query_as_understood(client: httpx.AsyncClient) -> None:
    body = (await client.get("/v1/search", params={"q": "the talks NOT Miami"})).json()
    assert body["query"]["q"] == "the talks NOT Miami"
    assert body["query"]["q_understood"] == "talks -Miami"
    assert [hit["id"] for hit in body["results"]] == [BERLIN]
    plain = (await client.get("/v1/search")).json()
    assert plain["query"]["q_understood"] is None


async def test_openapi_documents_what_the_api_returns(client: httpx.AsyncClient) -> None:
    schema = (await client.get("/openapi.json")).json()
    search = schema["paths"]["/v1/search"]["get"]
    assert set(search["responses"]) == {"200", "400", "503"}
    assert "422" not in json.dumps(schema["paths"])
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    assert '"a phrase"' in schema["info"]["description"]
    assert "OR binds tighter" in schema["info"]["description"]
    (q,) = [p for p in search["parameters"] if p["name"] == "q"]
    assert "-word" in q["description"]


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
async def test_docs_pages_load_nothing_from_another_host(
    client: httpx.AsyncClient, page: str
) -> None:
    html = (await client.get(page)).text
    sources = re.findall(r"""(?:src|href)\s*[=:]\s*['"]([^'"]+)['"]""", html)
    sources += re.findall(r"""(?:url|openapi_url)\s*:\s*['"]([^'"]+)['"]""", html)
    assert sources, html
    for source in sources:
        assert source.startswith("/"), f"{page} loads {source}"
        asset = await client.get(source)
        assert asset.status_code == 200, source
    assert "http://" not in html.replace("http://test", "")
    assert "https://" not in html


async def test_cursor_of_another_kind_of_query_is_400(client: httpx.AsyncClient) -> None:
    page = (await client.get("/v1/search", params={"type": "events", "limit": 1})).json()
    response = await client.get(
        "/v1/search", params={"type": "articles", "cursor": page["next_cursor"]}
    )
    assert response.status_code == 400
    assert "different kind of query" in response.json()["message"]


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("kind", ["articles", "events"])
async def test_hostile_text_is_never_a_server_error(
    client: httpx.AsyncClient, text: str, kind: str
) -> None:
    response = await client.get("/v1/search", params={"q": text, "type": kind})
    assert response.status_code in (200, 400), response.text
    assert isinstance(response.json(), dict)


async def test_pages_follow_the_cursor(client: httpx.AsyncClient, store: SqliteStore) -> None:
    await store.upsert(f.many(11))
    seen: list[str] = []
    cursor = None
    for _ in range(10):
        params = {"limit": "4", "facets": "false"} | ({"cursor": cursor} if cursor else {})
        body = (await client.get("/v1/search", params=params)).json()
        assert body["facets"] is None
        assert body["total"] == 15
        seen += [hit["id"] for hit in body["results"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 15


async def test_limit_defaults_and_ceiling_from_settings(store: SqliteStore) -> None:
    async with client_for(create_api(store, default_limit=2, max_limit=3)) as client:
        body = (await client.get("/v1/search")).json()
        assert len(body["results"]) == 2
        assert body["next_cursor"] is not None
        assert (await client.get("/v1/search", params={"limit": 3})).status_code == 200
        too_many = await client.get("/v1/search", params={"limit": 4})
        assert too_many.status_code == 400
        assert too_many.json()["details"] == [{"field": "limit", "message": "must be at most 3"}]


async def test_same_message_twice_gives_the_same_answers(
    client: httpx.AsyncClient, store: SqliteStore
) -> None:
    queries = [{}, {"q": "talks"}, {"type": "events"}, {"type": "events", "country": "RU"}]
    before = [(await client.get("/v1/search", params=p)).json() for p in queries]
    await store.upsert(CORPUS)
    await store.upsert(list(reversed(CORPUS)))
    after = [(await client.get("/v1/search", params=p)).json() for p in queries]
    assert after == before


async def test_article_by_id(client: httpx.AsyncClient) -> None:
    response = await client.get(f"/v1/articles/{FLORIDA}")
    assert response.status_code == 200
    assert response.json() == json.loads(CORPUS[0].model_dump_json())
    missing = await client.get("/v1/articles/" + "0" * 32)
    assert missing.status_code == 404
    assert missing.json()["error"] == "not_found"


async def test_event_by_id(client: httpx.AsyncClient) -> None:
    response = await client.get(f"/v1/events/{FLORIDA}-0")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == EVENT_KEYS
    assert body["sources"] == ["Kirill Dmitriev"]
    assert body["url"] == CORPUS[0].article.url
    assert (await client.get(f"/v1/events/{FLORIDA}-9")).status_code == 404


async def test_search_latency_is_observed(client: httpx.AsyncClient, observed: Observed) -> None:
    await client.get("/v1/search", params={"type": "events"})
    await client.get("/v1/search", params={"since": "never"})
    await client.get("/v1/search", params={"type": "people"})
    await client.get("/healthz")
    assert [(kind, status) for kind, status, _ in observed] == [
        ("events", 200),
        ("articles", 400),
        ("invalid", 400),
    ]
    assert all(seconds >= 0 for _, _, seconds in observed)


async def test_health_and_readiness(store: SqliteStore) -> None:
    consuming = True

    async def ready() -> bool:
        return consuming

    async with client_for(create_api(store, ready=ready)) as client:
        assert (await client.get("/healthz")).json() == {"status": "ok"}
        response = await client.get("/readyz")
        assert response.status_code == 200
        assert response.json() == {"status": "ready", "store": True, "service": True}
        consuming = False
        response = await client.get("/readyz")
        assert response.status_code == 503
        assert response.json()["service"] is False
        consuming = True
        await store.close()
        response = await client.get("/readyz")
        assert response.status_code == 503
        assert response.json() == {"status": "not ready", "store": False, "service": True}


async def test_failing_readiness_check_is_not_ready(store: SqliteStore) -> None:
    async def ready() -> bool:
        raise RuntimeError("consumer crashed")

    async with client_for(create_api(store, ready=ready)) as client:
        assert (await client.get("/readyz")).status_code == 503


async def test_health_routes_can_be_left_to_the_service(store: SqliteStore) -> None:
    async with client_for(create_api(store, health_routes=False)) as client:
        assert (await client.get("/healthz")).status_code == 404


def failing(exc: Exception) -> Callable[..., Awaitable[SearchPage]]:
    async def search(_query: SearchQuery, *_size: int) -> SearchPage:
        raise exc

    return search


@pytest.mark.parametrize(
    ("exc", "status", "error"),
    [
        (StoreUnavailable("connection refused"), 503, "unavailable"),
        (QueryRejected("fts5: syntax error"), 400, "bad_request"),
    ],
)
async def test_store_failures_map_to_statuses(
    store: SqliteStore,
    monkeypatch: pytest.MonkeyPatch,
    exc: Exception,
    status: int,
    error: str,
) -> None:
    monkeypatch.setattr(store, "search", failing(exc))
    monkeypatch.setattr(store, "search_with_facets", failing(exc))
    async with client_for(create_api(store)) as client:
        for facets in ("true", "false"):
            response = await client.get("/v1/search", params={"q": "talks", "facets": facets})
            assert response.status_code == status
            assert response.json()["error"] == error


async def test_openapi_documents_the_search(client: httpx.AsyncClient) -> None:
    assert (await client.get("/docs")).status_code == 200
    spec = (await client.get("/openapi.json")).json()
    params = {p["name"] for p in spec["paths"]["/v1/search"]["get"]["parameters"]}
    assert params >= {
        "q",
        "actor",
        "place",
        "country",
        "type",
        "event_type",
        "since",
        "until",
        "published_since",
        "published_until",
        "limit",
        "cursor",
    }
    assert "/v1/articles/{article_id}" in spec["paths"]
    assert "/v1/events/{event_id}" in spec["paths"]


async def test_shuffled_syntax_is_never_a_server_error(client: httpx.AsyncClient) -> None:
    """400 seeded shuffles of words, operators, engine syntax and odd characters: each is a 200
    or a 400 whose message names q, never a 500."""
    pieces = [
        *("talks", "Miami", "Witk*", "the", "OR", "AND", "NOT", "-", "*", '"', "(", ")", ":"),
        *("^", "NEAR", "{", "}", "'", "\\", "&", "|", "!", "<->", ":*", "e-mail", "会谈", "\t"),
        *("ünï*", "12:*", "x*y", "-*", "🙂", "\u200b", "%", "$1", "::tsquery", ";", "--"),
    ]
    rng = random.Random(14)
    codes = {200: 0, 400: 0}
    for _ in range(400):
        text = "".join(p + rng.choice(["", " "]) for p in rng.choices(pieces, k=rng.randint(1, 7)))
        kind = rng.choice(["articles", "events"])
        response = await client.get("/v1/search", params={"q": text, "type": kind})
        assert response.status_code in codes, (text, response.text)
        codes[response.status_code] += 1
        if response.status_code == 400:
            assert response.json()["details"][0]["field"] == "q", text
    assert min(codes.values()) >= 50, codes
