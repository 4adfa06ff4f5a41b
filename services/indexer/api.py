"""The search HTTP API: `/v1/search`, `/v1/articles/{id}`, `/v1/events/{id}`, health.

Every client mistake (a bad date, an unknown type, a forged cursor, a limit out of range,
stray full-text syntax) is answered 400 with a JSON body naming the field; the store being
down is 503. The app holds no Kafka or metrics code: the service wires latency into
Prometheus through `observe_search` and mounts `/metrics` itself.

Error body: `{"error": "bad_request" | "not_found" | "unavailable" | "internal",
"message": str, "details": [{"field": str, "message": str}]}`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, ValidationError

from services.indexer.query import DEFAULT_LIMIT, MAX_LIMIT, SearchType, build_query
from services.indexer.results import ArticleHit, EventHit, Facets
from services.indexer.store import (
    DEFAULT_FACET_SIZE,
    QueryRejected,
    Store,
    StoreError,
    StoreUnavailable,
)
from shared.models import EnrichedArticle

log = logging.getLogger(__name__)

ObserveSearch = Callable[[str, int, float], None]
"""Called after every `/v1/search` request with the search type (`articles`, `events`, or
`invalid` for an unknown one), the HTTP status and the seconds it took."""

SEARCH_PATH = "/v1/search"


class SearchResponse(BaseModel):
    results: list[ArticleHit] | list[EventHit]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null at end.")
    total: int | None = Field(description="Results over all pages.")
    query: dict[str, Any] = Field(description="The query as understood (dates resolved).")
    facets: Facets | None = Field(description="Top values over all results; null if not asked.")


class ErrorDetail(BaseModel):
    field: str
    message: str


class ErrorBody(BaseModel):
    error: str
    message: str
    details: list[ErrorDetail] = Field(default_factory=list)


def _error(status: int, error: str, message: str, details: Sequence[ErrorDetail] = ()) -> Any:
    body = ErrorBody(error=error, message=message, details=list(details))
    return JSONResponse(status_code=status, content=body.model_dump())


def _details(errors: Sequence[Any]) -> list[ErrorDetail]:
    details = []
    for err in errors:
        names = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body")]
        message = str(err.get("msg", "invalid"))
        message = message.removeprefix("Value error, ")
        details.append(ErrorDetail(field=".".join(names) or "query", message=message))
    return details


def _bad_request(errors: Sequence[Any]) -> Any:
    details = _details(errors)
    message = "; ".join(f"{d.field}: {d.message}" for d in details) or "invalid request"
    return _error(400, "bad_request", message, details)


_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A parameter is invalid."},
    503: {"model": ErrorBody, "description": "The index is unavailable."},
}


def create_api(
    store: Store,
    *,
    ready: Callable[[], Awaitable[bool]] | None = None,
    observe_search: ObserveSearch | None = None,
    default_limit: int = DEFAULT_LIMIT,
    max_limit: int = MAX_LIMIT,
    facet_size: int = DEFAULT_FACET_SIZE,
    health_routes: bool = True,
) -> FastAPI:
    """The search API over an opened store.

    `ready` is the service's own readiness (e.g. "consuming"); `/readyz` also pings the store.
    `observe_search` receives type, status and latency of every search request, bad ones too.
    `health_routes=False` leaves `/healthz` and `/readyz` to the caller.
    """
    app = FastAPI(
        title="Newsflow search API",
        version="1",
        description="Full-text search over indexed news articles and their dated events.",
    )

    if observe_search is not None:
        observe = observe_search

        @app.middleware("http")
        async def _observe(
            request: Request, call_next: Callable[[Request], Awaitable[Response]]
        ) -> Response:
            if request.url.path != SEARCH_PATH:
                return await call_next(request)
            started = time.perf_counter()
            kind = request.query_params.get("type", "articles")
            kind = kind if kind in ("articles", "events") else "invalid"
            status = 500
            try:
                response = await call_next(request)
                status = response.status_code
                return response
            finally:
                observe(kind, status, time.perf_counter() - started)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> Any:
        return _bad_request(exc.errors())

    @app.exception_handler(QueryRejected)
    async def _rejected(_request: Request, exc: QueryRejected) -> Any:
        return _error(400, "bad_request", f"the query text cannot be searched: {exc}")

    @app.exception_handler(StoreUnavailable)
    async def _unavailable(_request: Request, exc: StoreUnavailable) -> Any:
        log.warning("index unavailable: %s", exc)
        return _error(503, "unavailable", "the index is unavailable; try again shortly")

    @app.exception_handler(StoreError)
    async def _store_error(_request: Request, exc: StoreError) -> Any:
        log.error("index error: %s", exc)
        return _error(500, "internal", "the index failed to answer")

    @app.get("/v1/search", response_model=SearchResponse, responses=_ERRORS, tags=["search"])
    async def search(
        q: Annotated[
            str | None,
            Query(description='Free text; words are ANDed, "quoted phrases" kept together.'),
        ] = None,
        actor: Annotated[str | None, Query(description="Actor name, case-insensitive.")] = None,
        place: Annotated[str | None, Query(description="Place name, case-insensitive.")] = None,
        country: Annotated[
            str | None, Query(description="ISO 3166-1 alpha-2 of an actor or place.")
        ] = None,
        type: Annotated[SearchType, Query(description="articles or events.")] = "articles",
        event_type: Annotated[str | None, Query(description="PLOVER type, e.g. CONSULT.")] = None,
        since: Annotated[
            str | None,
            Query(description="YYYY[-MM[-DD]]: publication (articles) or event date (events)."),
        ] = None,
        until: Annotated[str | None, Query(description="YYYY[-MM[-DD]], inclusive.")] = None,
        published_since: Annotated[str | None, Query(description="YYYY[-MM[-DD]].")] = None,
        published_until: Annotated[str | None, Query(description="YYYY[-MM[-DD]].")] = None,
        limit: Annotated[int | None, Query(description="Results per page, 1..100.")] = None,
        cursor: Annotated[str | None, Query(description="next_cursor of the last page.")] = None,
        facets: Annotated[bool, Query(description="Include facets.")] = True,
    ) -> Any:
        try:
            query = build_query(
                {
                    "q": q,
                    "actor": actor,
                    "place": place,
                    "country": country,
                    "type": type,
                    "event_type": event_type,
                    "since": since,
                    "until": until,
                    "published_since": published_since,
                    "published_until": published_until,
                    "limit": default_limit if limit is None else limit,
                    "cursor": cursor,
                }
            )
        except ValidationError as exc:
            return _bad_request(exc.errors())
        if query.limit > max_limit:
            detail = ErrorDetail(field="limit", message=f"must be at most {max_limit}")
            return _error(400, "bad_request", f"limit: {detail.message}", [detail])
        page = await store.search(query)
        found = await store.facets(query, facet_size) if facets else None
        return SearchResponse(
            results=page.results,
            next_cursor=page.next_cursor,
            total=page.total,
            query=query.model_dump(mode="json"),
            facets=found,
        )

    @app.get(
        "/v1/articles/{article_id}",
        response_model=EnrichedArticle,
        responses={404: {"model": ErrorBody}, 503: _ERRORS[503]},
        tags=["documents"],
    )
    async def article(article_id: str) -> Any:
        found = await store.get_article(article_id)
        if found is None:
            return _error(404, "not_found", f"no article {article_id!r} in the index")
        return found

    @app.get(
        "/v1/events/{event_id}",
        response_model=EventHit,
        responses={404: {"model": ErrorBody}, 503: _ERRORS[503]},
        tags=["documents"],
    )
    async def event(event_id: str) -> Any:
        found = await store.get_event(event_id)
        if found is None:
            return _error(404, "not_found", f"no event {event_id!r} in the index")
        return found

    if health_routes:
        _add_health(app, store, ready)
    return app


def _add_health(app: FastAPI, store: Store, ready: Callable[[], Awaitable[bool]] | None) -> None:
    @app.get("/healthz", tags=["health"])
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", tags=["health"])
    async def readyz() -> Any:
        store_ok = await store.ping()
        service_ok = True
        if ready is not None:
            try:
                service_ok = await ready()
            except Exception:
                log.exception("readiness check failed")
                service_ok = False
        ok = store_ok and service_ok
        body = {"status": "ready" if ok else "not ready", "store": store_ok, "service": service_ok}
        return JSONResponse(status_code=200 if ok else 503, content=body)
