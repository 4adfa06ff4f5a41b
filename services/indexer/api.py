"""The search HTTP API: `/v1/search`, `/v1/articles/{id}`, `/v1/events/{id}`, health.

Every client mistake (an unknown or misspelt parameter, a bad date, an unknown type, a forged
cursor, a limit out of range, a query the search language cannot read) is answered 400 with a
JSON body naming the parameter and the forms it accepts; the store being down is 503. The app
holds no Kafka or metrics code: the service wires latency into Prometheus through
`observe_search` and mounts `/metrics` itself.

`/docs` (Swagger UI) and `/redoc` load their scripts from this server, never from a CDN.

Error body: `{"error": "bad_request" | "not_found" | "unavailable" | "internal",
"message": str, "details": [{"field": str, "message": str}]}`.
"""

from __future__ import annotations

import difflib
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Annotated, Any

import fastapi_offline
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, ValidationError

from services.indexer.query import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    FieldError,
    SearchQuery,
    SearchType,
    build_query,
)
from services.indexer.results import ArticleHit, EventHit, Facets
from services.indexer.store import (
    DEFAULT_FACET_SIZE,
    FACET_SAMPLE,
    RECENT_MATCHES,
    QueryRejected,
    Store,
    StoreError,
    StoreUnavailable,
)
from services.indexer.text_query import SYNTAX
from shared.models import EnrichedArticle

log = logging.getLogger(__name__)

ObserveSearch = Callable[[str, int, float], None]
"""Called after every `/v1/search` request with the search type (`articles`, `events`, or
`invalid` for an unknown one), the HTTP status and the seconds it took."""

SEARCH_PATH = "/v1/search"
# Swagger UI's and ReDoc's scripts and styles, shipped in the fastapi-offline wheel.
DOCS_ASSETS = Path(fastapi_offline.__file__).parent / "static"


class SearchResponse(BaseModel):
    results: list[ArticleHit] | list[EventHit]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null at end.")
    total: int | None = Field(
        description=f"Results over all pages, counted up to {RECENT_MATCHES + 1:,}: when there "
        "are more, `total_exact` is false. A text query's pages rank its "
        f"{RECENT_MATCHES:,} most recently indexed matches, so they end there."
    )
    total_exact: bool = Field(description="False when there are more results than `total`.")
    query: dict[str, Any] = Field(
        description="The query as understood: dates resolved, and `q_understood`, the text "
        'query as searched (`trade (tariffs OR sanctions) -"trade war"`; common words left out).'
    )
    facets: Facets | None = Field(
        description=f"Top values over the results (over the first {FACET_SAMPLE:,} when there "
        "are more: `facets.approximate`); null if not asked."
    )


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


# Pydantic's wording of a type error, said in the API's terms with the forms it accepts.
_MESSAGES = {
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "bool_parsing": "must be true or false",
    "greater_than_equal": "must be at least {ge}",
    "less_than_equal": "must be at most {le}",
    "string_too_long": "must be at most {max_length} characters",
}


def _details(errors: Sequence[Any]) -> list[ErrorDetail]:
    details = []
    for err in errors:
        names = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body")]
        ctx = err.get("ctx") or {}
        cause = ctx.get("error")
        if isinstance(cause, FieldError):
            names = [cause.field]
        template = _MESSAGES.get(str(err.get("type")))
        if template is not None:
            message = template.format(**ctx)
        else:
            message = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        if names == ["limit"]:
            message = f"must be a whole number from 1 to {MAX_LIMIT}"
        details.append(ErrorDetail(field=".".join(names) or "query", message=message))
    return details


def _bad_request(errors: Sequence[Any]) -> Any:
    details = _details(errors)
    message = "; ".join(f"{d.field}: {d.message}" for d in details) or "invalid request"
    return _error(400, "bad_request", message, details)


_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {
        "model": ErrorBody,
        "description": "A parameter is unknown or invalid; `details` names each with the forms "
        "it accepts.",
    },
    503: {"model": ErrorBody, "description": "The index is unavailable."},
}


# What /v1/search accepts: the query model's fields and `facets`; anything else is refused.
SEARCH_PARAMETERS = frozenset(SearchQuery.model_fields) | {"facets"}

DESCRIPTION = (
    "Full-text search over indexed news articles and their dated events.\n\n"
    "The query language of `q`:\n\n```\n" + SYNTAX + "\n```\n\n"
    "Every client error is a 400 whose body names the parameter (`details[].field`); an "
    "unknown parameter is refused, never ignored.\n\n"
    f"A broad query stays fast: its answer is exact over its {RECENT_MATCHES:,} most recently "
    "indexed results. Text is ranked over those, `total` counts up to "
    f"{RECENT_MATCHES + 1:,} (then `total_exact` is false), and facets are counted over the "
    f"first {FACET_SAMPLE:,} results (articles: the most recently indexed; events: the latest "
    "dated, as they are listed; then `facets.approximate` is true and `facets.counted` says "
    "how many results the counts are over)."
)
ONE_LINE = 'words are ANDed, "a phrase" keeps order, -word or NOT word excludes, a OR b, prefix*.'


def _unknown(name: str) -> str:
    close = difflib.get_close_matches(name, sorted(SEARCH_PARAMETERS), n=1)
    hint = f"; did you mean {close[0]}?" if close else ""
    return f"unknown parameter{hint} (known: {', '.join(sorted(SEARCH_PARAMETERS))})"


def _add_docs(app: FastAPI) -> None:
    """Swagger UI at /docs and ReDoc at /redoc from the assets of the installed
    fastapi-offline package, so the pages work with no network; and an OpenAPI document that
    says what the API returns (its 400s, not FastAPI's default 422)."""
    app.mount("/docs-assets", StaticFiles(directory=DOCS_ASSETS), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def swagger() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title}: Swagger UI",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/docs-assets/favicon.png",
        )

    @app.get("/redoc", include_in_schema=False)
    async def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title}: ReDoc",
            redoc_js_url="/docs-assets/redoc.standalone.js",
            redoc_favicon_url="/docs-assets/favicon.png",
            with_google_fonts=False,
        )

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            for path in schema.get("paths", {}).values():
                for operation in path.values():
                    operation.get("responses", {}).pop("422", None)
            for name in ("HTTPValidationError", "ValidationError"):
                schema.get("components", {}).get("schemas", {}).pop(name, None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


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
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
    )
    _add_docs(app)

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
        request: Request,
        q: Annotated[
            str | None,
            Query(description="Free text in the query language (see above): " + ONE_LINE),
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
        unknown = sorted(set(request.query_params) - SEARCH_PARAMETERS)
        if unknown:
            details = [ErrorDetail(field=name, message=_unknown(name)) for name in unknown]
            message = "; ".join(f"{d.field}: {d.message}" for d in details)
            return _error(400, "bad_request", message, details)
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
        found = None
        if facets:
            page, found = await store.search_with_facets(query, facet_size)
        else:
            page = await store.search(query)
        understood = str(query.text) if query.text else None
        return SearchResponse(
            results=page.results,
            next_cursor=page.next_cursor,
            total=page.total,
            total_exact=page.total_exact,
            query={**query.model_dump(mode="json"), "q_understood": understood},
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
