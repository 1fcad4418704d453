"""The site's shared state for one FastAPI app: the App, the Jinja environments, the reader's locale."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from strichka.app import App
from strichka.storage.site_state import PAGES_GENERATION, CounterWatch
from strichka.web.category_pool import CategoryPool
from strichka.web.i18n import (
    CATEGORY_LABELS,
    LANG_COOKIE,
    LANGS,
    LANGUAGE_NAMES,
    TZ_COOKIE,
    Localizer,
    pick_lang,
    reader_zone,
    translations,
)
from strichka.web.neighbours import NeighbourIndex
from strichka.web.page_cache import PageStore
from strichka.web.queries_articles import newest_in_category

TEMPLATE_DIR = Path(__file__).with_name("templates")
NAV_CATEGORIES = tuple(slug for slug in CATEGORY_LABELS if slug != "other")
ONE_YEAR = 365 * 24 * 3600
FILTERING_LANG_PATHS = ("/search", "/api/")
# Runs before first paint so a reader's chosen theme never flashes; allowed by its hash in the CSP.
THEME_SCRIPT = 'try{var m=localStorage.getItem("theme");if(m)document.documentElement.dataset.theme=m}catch(e){}'
_THEME_HASH = base64.b64encode(hashlib.sha256(THEME_SCRIPT.encode()).digest()).decode()
# Article HTML is sanitized in storage; the policy is a second wall: no foreign scripts, frames or forms.
CONTENT_SECURITY_POLICY = (
    f"default-src 'self'; script-src 'self' 'sha256-{_THEME_HASH}'; img-src * data:; "
    "style-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"
)


def _make_env(lang: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=select_autoescape(["html", "xml"], default_for_string=True),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    return env


class Site:
    def __init__(self, app: App, *, page_ttl: float = 10.0) -> None:
        self.app = app
        self.settings = app.settings
        self.envs = {lang: _make_env(lang) for lang in LANGS}
        self.pages = PageStore(ttl=page_ttl)
        self.category_pool = CategoryPool(ttl=page_ttl, load=newest_in_category)
        self.neighbours = NeighbourIndex(app.engine, window_hours=app.settings.story_window_hours)
        # Each web worker caches on its own: an outlet removed through another one (or the CLI) moves this.
        self.generation = CounterWatch(app.engine, PAGES_GENERATION)
        # Without a configured key, tokens die with the server, which is what a login session does too;
        # `serve --workers N` hands its processes one random key (they must accept each other's forms).
        self.secret = app.settings.web_secret.encode() or secrets.token_bytes(32)

    def localizer(self, request: Request) -> Localizer:
        lang = pick_lang(
            interface_lang_param(request),
            request.cookies.get(LANG_COOKIE),
            request.headers.get("accept-language"),
            self.settings.default_lang,
        )
        return Localizer(lang=lang, zone=reader_zone(request.cookies.get(TZ_COOKIE)))

    def render(
        self, request: Request, template: str, context: Mapping[str, Any], *, status: int = 200,
        loc: Localizer | None = None, headers: Mapping[str, str] | None = None,
    ) -> HTMLResponse:
        loc = loc or self.localizer(request)
        env = self.envs[loc.lang]
        page = env.get_template(template).render(
            t=loc,
            lang=loc.lang,
            langs=LANGS,
            language_names=LANGUAGE_NAMES,
            nav_categories=NAV_CATEGORIES,
            path=request.url.path,
            lang_link=lambda code: switch_link(request, code),
            theme_script=THEME_SCRIPT,
            **context,
        )
        response = HTMLResponse(page, status_code=status, headers=dict(headers or {}))
        response.headers["content-language"] = loc.lang
        response.headers["vary"] = "Cookie, Accept-Language"
        response.headers["content-security-policy"] = CONTENT_SECURITY_POLICY
        response.headers["x-content-type-options"] = "nosniff"
        response.headers["referrer-policy"] = "strict-origin-when-cross-origin"
        wanted = interface_lang_param(request)
        if wanted in LANGS:
            response.set_cookie(LANG_COOKIE, wanted, max_age=ONE_YEAR, samesite="lax", httponly=False)
        return response

    def forget_pages(self) -> None:
        """After the operator changes sources: no page or related block shows what is gone."""
        self.pages.clear()
        self.category_pool.clear()

    def forget_pages_if_changed(self, now: float) -> None:
        """Before a cached page is looked up: another process may have changed the sources."""
        if self.generation.moved(now):
            self.forget_pages()

    def csrf_token(self) -> str:
        return hmac.new(self.secret, self.settings.admin_password.encode(), "sha256").hexdigest()

    def csrf_ok(self, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(token or "", self.csrf_token())


def interface_lang_param(request: Request) -> str | None:
    """?lang= picks the interface language, except where it filters results by article language."""
    if request.url.path.startswith(FILTERING_LANG_PATHS):
        return None
    return request.query_params.get("lang")


def switch_link(request: Request, code: str) -> str:
    here = request.url.path
    params = {k: v for k, v in request.query_params.items() if not (k == "lang" and interface_lang_param(request))}
    if params:
        here += "?" + urlencode(params)
    return f"/set-lang/{code}?" + urlencode({"next": here})


def site_of(request: Request) -> Site:
    return request.app.state.site  # type: ignore[no-any-return]
