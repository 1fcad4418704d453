"""create_app(app): the FastAPI application serving strichka's site, API, feeds and media."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from strichka.app import App
from strichka.web.api import ORJSONResponse
from strichka.web.page_cache import PageCacheMiddleware
from strichka.web.params import BadParam
from strichka.web.routes import ROUTES
from strichka.web.site import Site, site_of

STATIC_DIR = Path(__file__).with_name("static")


def create_app(app: App, *, page_ttl: float = 10.0) -> FastAPI:
    """The web app over an already built App. It only reads storage (admin excepted)."""
    web = FastAPI(
        title="strichka API",
        version="1",
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
    )
    site = Site(app, page_ttl=page_ttl)
    web.state.site = site
    web.state.strichka = app
    for route in ROUTES:
        web.add_api_route(
            route.path, route.endpoint, methods=list(route.methods), name=route.name,
            include_in_schema=route.api, response_class=ORJSONResponse if route.api else Response,
        )
    web.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    web.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    web.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    web.add_exception_handler(BadParam, _bad_param)  # type: ignore[arg-type]
    web.add_middleware(
        PageCacheMiddleware, store=site.pages, default_lang=app.settings.default_lang,
        before_lookup=site.forget_pages_if_changed,
    )
    return web


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error_page(request: Request, status: int, message: str | None, headers: dict[str, str] | None = None) -> Response:
    if _wants_json(request):
        return ORJSONResponse({"error": message or _default_message(status), "status": status},
                              status_code=status, headers=headers)
    site = site_of(request)
    response = site.render(request, "error.html", {"status": status, "message": message}, status=status,
                           headers=headers)
    return response


def _default_message(status: int) -> str:
    return {400: "bad request", 401: "authentication required", 403: "forbidden", 404: "not found",
            405: "method not allowed"}.get(status, "error")


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    detail = exc.detail if isinstance(exc.detail, str) and exc.detail != _http_phrase(exc.status_code) else None
    return _error_page(request, exc.status_code, detail, headers=dict(exc.headers or {}))


def _http_phrase(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
    parts = []
    for err in exc.errors():
        where = ".".join(str(x) for x in err.get("loc", ())[1:]) or "request"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return _error_page(request, 400, "; ".join(parts) or "invalid request")


async def _bad_param(request: Request, exc: BadParam) -> Response:
    return _error_page(request, 400, str(exc))
