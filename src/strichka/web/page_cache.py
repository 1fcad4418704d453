"""A pure-ASGI page cache with ETags in front of the app: hot pages never reach a handler.

Pages are keyed by (path, query, interface language, reader time zone) and kept for a short
TTL, so a new article shows up within seconds while a burst of readers costs one render.
Every cacheable answer carries a strong ETag; a matching If-None-Match gets a 304.
A page just past its TTL is still served while one background render replaces it
(stale-while-revalidate), so a hot page never makes readers wait for a render.
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from http.cookies import SimpleCookie
from typing import Any

from strichka.web.i18n import LANG_COOKIE, TZ_COOKIE, pick_lang

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

UNCACHED_PREFIXES = ("/admin", "/media/", "/static/", "/healthz")
# An article page changes rarely (its related block only grows) and a search is dear to run:
# keep them longer than the listings.
LONG_TTL_PREFIXES = ("/article/", "/api/v1/articles/", "/search", "/api/v1/search")
LONG_TTL_FACTOR = 6
MAX_CACHED_BODY = 2_000_000


@dataclass(frozen=True)
class CachedPage:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes
    expires: float


class PageStore:
    """Bounded LRU of rendered pages; cleared when the admin changes sources."""

    def __init__(self, ttl: float = 10.0, max_entries: int = 4096, stale_grace: float | None = None) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self.stale_grace = ttl * 6 if stale_grace is None else stale_grace
        self._pages: OrderedDict[tuple[Any, ...], CachedPage] = OrderedDict()
        self.refreshing: set[asyncio.Task[Any]] = set()  # background renders (the loop holds weak refs)

    def get(self, key: tuple[Any, ...], now: float) -> CachedPage | None:
        """The page while fresh, else None."""
        page = self._pages.get(key)
        if page is None or page.expires <= now:
            return None
        return page

    def stale(self, key: tuple[Any, ...], now: float) -> CachedPage | None:
        """An expired page still young enough to show while a fresh one renders."""
        page = self._pages.get(key)
        if page is None:
            return None
        if page.expires + self.stale_grace <= now:
            del self._pages[key]
            return None
        return page

    def put(self, key: tuple[Any, ...], page: CachedPage) -> None:
        self._pages[key] = page
        self._pages.move_to_end(key)
        while len(self._pages) > self.max_entries:
            self._pages.popitem(last=False)

    def clear(self) -> None:
        self._pages.clear()


def etag_of(body: bytes) -> bytes:
    return b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    for key, value in headers:
        if key == name:
            return value
    return None


def _etag_matches(if_none_match: bytes | None, etag: bytes) -> bool:
    if not if_none_match:
        return False
    wanted = {t.strip().removeprefix(b"W/") for t in if_none_match.split(b",")}
    return etag in wanted or b"*" in wanted


class PageCacheMiddleware:
    def __init__(
        self, app: ASGIApp, *, store: PageStore, default_lang: str,
        before_lookup: Callable[[float], None] | None = None,
    ) -> None:
        self.app = app
        self.store = store
        self.before_lookup = before_lookup  # e.g. drop every page when another worker changed the sources
        self.default_lang = default_lang
        # One render per missing page: concurrent readers of the same page wait for it (no stampede).
        self._inflight: dict[tuple[Any, ...], asyncio.Future[CachedPage | None]] = {}

    def _key(self, scope: Scope) -> tuple[Any, ...] | None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            return None
        path: str = scope["path"]
        if path.startswith(UNCACHED_PREFIXES):
            return None
        query: bytes = scope.get("query_string", b"")
        if b"lang=" in query and not path.startswith(("/search", "/api/")):
            return None  # the answer sets the language cookie
        headers = scope["headers"]
        cookie_raw = _header(headers, b"cookie")
        lang_cookie = tz = None
        if cookie_raw:
            jar = SimpleCookie()
            try:
                jar.load(cookie_raw.decode("latin-1"))
            except Exception:  # noqa: BLE001 - a garbled cookie header only disables caching
                return None
            lang_cookie = jar[LANG_COOKIE].value if LANG_COOKIE in jar else None
            tz = jar[TZ_COOKIE].value if TZ_COOKIE in jar else None
        accept = _header(headers, b"accept-language")
        lang = pick_lang(None, lang_cookie, accept.decode("latin-1") if accept else None, self.default_lang)
        return (_header(headers, b"host"), path, query, lang, tz)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = self._key(scope)
        if key is None:
            await self.app(scope, receive, send)
            return
        if_none_match = _header(scope["headers"], b"if-none-match")
        now = time.monotonic()
        if self.before_lookup is not None:
            self.before_lookup(now)
        page = self.store.get(key, now)
        if page is None:
            page = self.store.stale(key, now)
            if page is not None and key not in self._inflight:
                task = asyncio.create_task(self._refresh(dict(scope), key, now))
                self.store.refreshing.add(task)
                task.add_done_callback(self.store.refreshing.discard)
        if page is None:
            pending = self._inflight.get(key)
            if pending is not None:
                page = await asyncio.shield(pending)
        if page is None:
            page = await self._render_once(scope, receive, send, key, now)
            if page is None:
                return
        await self._answer(scope, send, page, if_none_match)

    async def _refresh(self, scope: Scope, key: tuple[Any, ...], now: float) -> None:
        async def no_body() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def discard(message: Message) -> None:
            return None

        if key in self._inflight:
            return  # readers of the stale page asked twice before the first refresh started
        await self._render_once(scope, no_body, discard, key, now)

    async def _render_once(
        self, scope: Scope, receive: Receive, send: Send, key: tuple[Any, ...], now: float
    ) -> CachedPage | None:
        pending: asyncio.Future[CachedPage | None] = asyncio.get_running_loop().create_future()
        self._inflight[key] = pending
        page = None
        try:
            page = await self._render(scope, receive, send, key, now)
        finally:
            if self._inflight.get(key) is pending:
                del self._inflight[key]
            # followers get the page only when it was cacheable (no cookie, no error)
            pending.set_result(self.store.get(key, now))
        return page

    async def _render(
        self, scope: Scope, receive: Receive, send: Send, key: tuple[Any, ...], now: float
    ) -> CachedPage | None:
        start: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        # HEAD renders the GET page (routes answer GET only); _send leaves the body out.
        await self.app({**scope, "method": "GET"}, receive, capture)
        body = b"".join(chunks)
        headers = [(k, v) for k, v in start.get("headers", []) if k != b"content-length"]
        status = int(start.get("status", 500))
        etag = etag_of(body)
        storable = (
            status == 200
            and len(body) <= MAX_CACHED_BODY
            and _header(headers, b"set-cookie") is None
            and b"no-store" not in (_header(headers, b"cache-control") or b"")
        )
        ttl = self.store.ttl * (LONG_TTL_FACTOR if key[1].startswith(LONG_TTL_PREFIXES) else 1)
        page = CachedPage(status, headers, body, etag, now + ttl)
        if storable:
            self.store.put(key, page)
        elif status != 200:
            await self._send(scope, send, status, headers, body)
            return None
        return page

    async def _answer(self, scope: Scope, send: Send, page: CachedPage, if_none_match: bytes | None) -> None:
        headers = page.headers + [(b"etag", page.etag)]
        if _etag_matches(if_none_match, page.etag):
            kept = [(k, v) for k, v in headers if k in (b"etag", b"cache-control", b"vary", b"content-language")]
            await self._send(scope, send, 304, kept, b"", length=False)
            return
        await self._send(scope, send, page.status, headers, page.body)

    @staticmethod
    async def _send(
        scope: Scope, send: Send, status: int, headers: list[tuple[bytes, bytes]], body: bytes, length: bool = True
    ) -> None:
        out = list(headers)
        if length:
            out.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": out})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
