"""Fetcher: one GET with every limit a crawler of other people's servers needs.

Redirects are followed here, hop by hop, so each hop gets the scheme check, its own host's
concurrency slot and (through the guarded transport) the address check. Bodies are read
raw and decoded by strichka.fetch.decoding so the size limit counts decompressed bytes.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime
from http.cookiejar import CookieJar, DefaultCookiePolicy
from ipaddress import ip_address
from types import TracebackType

import httpx

from strichka.errors import (
    BlockedAddressError,
    FetchError,
    FetchTimeoutError,
    HTTPStatusError,
    TooManyRedirectsError,
)
from strichka.fetch.address_guard import blocked_reason, describe_refusal
from strichka.fetch.body import read_body
from strichka.fetch.decoding import accept_encoding
from strichka.fetch.network import (
    AddressRefused,
    CachingResolver,
    GuardedTransport,
    HostUnresolvable,
    Resolver,
)
from strichka.fetch.politeness import HostLimiter
from strichka.fetch.retry_after import parse_cache_control_max_age, parse_retry_after
from strichka.models import FetchResult
from strichka.settings import Settings

ACCEPT_BY_KIND = {
    "page": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8",
    "feed": (
        "application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,"
        "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.8"
    ),
    "image": "image/avif,image/webp,image/png,image/jpeg,image/*;q=0.9,*/*;q=0.5",
}
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class _Redirect:
    location: httpx.URL


class Fetcher:
    """Async HTTP GETs for feeds, pages and images.

    Share one per event loop (its limits and connection pool are bound to the loop that first
    uses it) and close it when done. Without `transport` it connects only to public addresses
    unless settings.allow_private_networks; `resolver` replaces DNS (tests, split-horizon setups).
    """

    def __init__(
        self,
        settings: Settings,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        resolver: Resolver | None = None,
    ) -> None:
        self._settings = settings
        if transport is not None and resolver is not None:
            raise ValueError("resolver is used by the built-in transport only; pass one or the other")
        self._own_resolver: CachingResolver | None = None
        if transport is None:
            if resolver is None:
                resolver = self._own_resolver = CachingResolver()
            # An injected transport (tests, the demo's in-process web) is trusted as given.
            transport = GuardedTransport(
                resolver=resolver,
                allow_private_networks=settings.allow_private_networks,
                max_connections=settings.total_concurrency,
            )
        self._client = httpx.AsyncClient(
            transport=transport,
            follow_redirects=False,
            trust_env=False,  # no module reads the environment: proxies come from settings if ever
            timeout=httpx.Timeout(settings.fetch_timeout),
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": accept_encoding()},
            # Cookies live for one fetch (see _CookieJar use below), never across outlets.
            cookies=httpx.Cookies(CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))),
        )
        self._limiter = HostLimiter(
            per_host=settings.per_host_concurrency, total=settings.total_concurrency
        )

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()
        if self._own_resolver is not None:
            self._own_resolver.close()

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        max_bytes: int | None = None,
        accept: str | None = None,
        kind: str = "page",
    ) -> FetchResult:
        """GET `url`; 200 → body, 304 → FetchResult(status=304, body=b""); anything else raises FetchError."""
        if kind not in ACCEPT_BY_KIND:
            raise ValueError(f"kind must be one of {sorted(ACCEPT_BY_KIND)}, not {kind!r}")
        limit = max_bytes if max_bytes is not None else self._default_limit(kind)
        headers = {"Accept": accept or ACCEPT_BY_KIND[kind]}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        cookies = httpx.Cookies()
        current = _checked_url(url, url, self._settings)
        seen: set[tuple[str, str]] = set()
        for _hop in range(self._settings.max_redirects + 1):
            request = self._client.build_request("GET", current, headers=headers)
            cookies.set_cookie_header(request)
            # Same URL with the same cookies again means the server will answer the same way.
            visit = (str(current), request.headers.get("cookie", ""))
            if visit in seen:
                raise TooManyRedirectsError(url, f"redirect loop: {current} redirects back to itself")
            seen.add(visit)
            outcome = await self._one_hop(url, request, cookies, limit, etag)
            if isinstance(outcome, FetchResult):
                return outcome
            current = _checked_url(url, str(outcome.location), self._settings)
        raise TooManyRedirectsError(url, f"more than {self._settings.max_redirects} redirects")

    def _default_limit(self, kind: str) -> int:
        return self._settings.max_image_bytes if kind == "image" else self._settings.max_body_bytes

    async def _one_hop(
        self, url: str, request: httpx.Request, cookies: httpx.Cookies, limit: int, etag: str | None
    ) -> FetchResult | _Redirect:
        timeout = self._settings.fetch_timeout
        async with self._limiter.slot(request.url.host):
            try:
                # httpx's timeouts are per read; this deadline bounds the whole exchange, so a
                # server dripping one byte a second cannot hold a slot forever.
                async with asyncio.timeout(timeout):
                    return await self._exchange(url, request, cookies, limit, etag)
            except TimeoutError as exc:
                raise FetchTimeoutError(url, f"no complete response within {timeout:g} s") from exc
            except httpx.TimeoutException as exc:
                raise FetchTimeoutError(url, f"timed out: {type(exc).__name__}") from exc
            except AddressRefused as exc:
                raise BlockedAddressError(url, str(exc)) from exc
            except HostUnresolvable as exc:
                raise FetchError(url, str(exc)) from exc
            except httpx.ConnectError as exc:
                raise FetchError(url, str(exc) or "connection failed") from exc
            except httpx.HTTPError as exc:
                raise FetchError(url, f"HTTP exchange failed: {type(exc).__name__}: {exc}") from exc

    async def _exchange(
        self, url: str, request: httpx.Request, cookies: httpx.Cookies, limit: int, etag: str | None
    ) -> FetchResult | _Redirect:
        response = await self._client.send(request, stream=True)
        try:
            cookies.extract_cookies(response)
            status = response.status_code
            if status in REDIRECT_STATUSES:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(url, f"HTTP {status} redirect without a Location header")
                return _Redirect(request.url.join(location.strip()))
            retry_after = parse_retry_after(response.headers.get("retry-after"), datetime.now(UTC))
            if status >= 400:
                raise HTTPStatusError(url, status, retry_after)
            if 300 <= status < 400 and status != 304:
                raise FetchError(url, f"HTTP {status} is not a response strichka can use")
            body = b"" if status == 304 else await read_body(response, limit, url)
            return FetchResult(
                url=str(request.url),
                status=status,
                headers=dict(response.headers.items()),
                body=body,
                charset=_header_charset(response),
                etag=response.headers.get("etag") or (etag if status == 304 else None),
                last_modified=response.headers.get("last-modified"),
                max_age=parse_cache_control_max_age(response.headers.get("cache-control")),
                retry_after=retry_after,
            )
        finally:
            await response.aclose()


def _checked_url(original: str, candidate: str, settings: Settings) -> httpx.URL:
    """Parse and check one hop's URL: http(s) only, a host, and no literal blocked address."""
    try:
        parsed = httpx.URL(candidate)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise FetchError(original, f"invalid URL {candidate!r}: {exc}") from exc
    if parsed.scheme not in ("http", "https"):
        shown = parsed.scheme or "(none)"
        raise FetchError(original, f"unsupported URL scheme {shown!r} in {candidate}: only http and https are fetched")
    if not parsed.host:
        raise FetchError(original, f"URL without a host: {candidate}")
    if not settings.allow_private_networks:
        # The transport checks again after resolving; this catches literals even with an injected transport.
        try:
            literal = ip_address(parsed.host)
        except ValueError:
            return parsed
        reason = blocked_reason(literal)
        if reason is not None:
            raise BlockedAddressError(original, describe_refusal(parsed.host, parsed.host, reason))
    return parsed


def _header_charset(response: httpx.Response) -> str | None:
    charset = response.charset_encoding
    return charset.strip().strip("'\"").lower() or None if charset else None
