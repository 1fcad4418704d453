"""Fetcher against a real local server: conditional GET, headers, statuses, redirects, errors."""

from __future__ import annotations

import asyncio
import gzip
import socket
import zlib
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler

import pytest
from fetch_server import LocalServer, resolve_to_loopback, send

from strichka.errors import FetchError, HTTPStatusError, TooLargeError, TooManyRedirectsError
from strichka.fetch import Fetcher
from strichka.models import FetchResult
from strichka.settings import Settings

LOCAL = Settings(allow_private_networks=True, fetch_timeout=5.0)


def fetch(url: str, settings: Settings = LOCAL, **kwargs: object) -> FetchResult:
    async def go() -> FetchResult:
        async with Fetcher(settings) as fetcher:
            return await fetcher.fetch(url, **kwargs)  # type: ignore[arg-type]

    return asyncio.run(go())


def test_etag_then_304_on_second_call(server: LocalServer) -> None:
    @server.route("/feed.xml")
    def feed(h: BaseHTTPRequestHandler) -> None:
        if h.headers.get("If-None-Match") == '"v1"':
            send(h, 304, headers={"ETag": '"v1"'})
        else:
            send(h, 200, b"<rss/>", {"ETag": '"v1"', "Content-Type": "application/rss+xml"})

    async def go() -> tuple[FetchResult, FetchResult]:
        async with Fetcher(LOCAL) as fetcher:
            first = await fetcher.fetch(server.url("/feed.xml"), kind="feed")
            second = await fetcher.fetch(server.url("/feed.xml"), kind="feed", etag=first.etag)
            return first, second

    first, second = asyncio.run(go())
    assert (first.status, first.body, first.etag) == (200, b"<rss/>", '"v1"')
    assert first.content_type == "application/rss+xml"
    assert second.not_modified and second.status == 304 and second.body == b""
    assert second.etag == '"v1"'
    assert server.seen[1].headers["if-none-match"] == '"v1"'


def test_last_modified_sent_back_as_if_modified_since(server: LocalServer) -> None:
    stamp = "Sat, 21 Nov 2026 10:00:00 GMT"

    @server.route("/page")
    def page(h: BaseHTTPRequestHandler) -> None:
        if h.headers.get("If-Modified-Since") == stamp:
            send(h, 304)
        else:
            send(h, 200, b"<html>hi</html>", {"Last-Modified": stamp})

    first = fetch(server.url("/page"))
    second = fetch(server.url("/page"), last_modified=first.last_modified)
    assert first.status == 200 and first.last_modified == stamp
    assert second.not_modified and second.body == b""


def test_user_agent_accept_and_encoding_reach_the_server(server: LocalServer) -> None:
    server.route("/x")(lambda h: send(h, 200, b"ok"))
    settings = Settings(allow_private_networks=True, user_agent="strichka-test/9 (+https://example.org)")
    fetch(server.url("/x"), settings, kind="feed")
    headers = server.seen[0].headers
    assert headers["user-agent"] == "strichka-test/9 (+https://example.org)"
    assert "application/rss+xml" in headers["accept"]
    assert "gzip" in headers["accept-encoding"]


def test_headers_charset_and_max_age_are_reported(server: LocalServer) -> None:
    @server.route("/x")
    def page(h: BaseHTTPRequestHandler) -> None:
        send(h, 200, "привіт".encode("cp1251"), {
            "Content-Type": 'text/html; charset="Windows-1251"',
            "Cache-Control": "public, max-age=600",
        })

    result = fetch(server.url("/x"))
    assert result.charset == "windows-1251"
    assert result.body == "привіт".encode("cp1251")  # not decoded: that is charset.decode_document's job
    assert result.max_age == 600
    assert result.headers["cache-control"] == "public, max-age=600"


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [("gzip", gzip.compress), ("deflate", zlib.compress), ("deflate", lambda b: zlib.compress(b)[2:-4])],
    ids=["gzip", "deflate-zlib", "deflate-raw"],
)
def test_compressed_bodies_are_decoded(server: LocalServer, encoding: str, compress) -> None:  # type: ignore[no-untyped-def]
    text = "Новини дня. " * 2000

    @server.route("/z")
    def page(h: BaseHTTPRequestHandler) -> None:
        send(h, 200, compress(text.encode()), {"Content-Encoding": encoding})

    assert fetch(server.url("/z")).body.decode() == text


def test_unsupported_content_encoding_is_a_clear_error(server: LocalServer) -> None:
    server.route("/z")(lambda h: send(h, 200, b"\x28\xb5\x2f\xfd", {"Content-Encoding": "zstd"}))
    with pytest.raises(FetchError, match="unsupported Content-Encoding 'zstd'"):
        fetch(server.url("/z"))


def test_429_carries_retry_after_seconds(server: LocalServer) -> None:
    server.route("/busy")(lambda h: send(h, 429, b"slow down", {"Retry-After": "120"}))
    with pytest.raises(HTTPStatusError) as caught:
        fetch(server.url("/busy"))
    assert caught.value.status == 429
    assert caught.value.retry_after == 120.0
    assert caught.value.url == server.url("/busy")


def test_503_with_http_date_retry_after(server: LocalServer) -> None:
    later = format_datetime(datetime.now(UTC) + timedelta(hours=1), usegmt=True)
    server.route("/down")(lambda h: send(h, 503, b"", {"Retry-After": later}))
    with pytest.raises(HTTPStatusError) as caught:
        fetch(server.url("/down"))
    assert caught.value.status == 503
    assert caught.value.retry_after is not None
    assert 3000 < caught.value.retry_after <= 3600


def test_404_is_http_status_error_without_retry_after(server: LocalServer) -> None:
    with pytest.raises(HTTPStatusError) as caught:
        fetch(server.url("/missing"))
    assert (caught.value.status, caught.value.retry_after) == (404, None)


def test_redirects_are_followed_to_the_final_url(server: LocalServer) -> None:
    server.route("/old")(lambda h: send(h, 301, headers={"Location": "/mid"}))
    server.route("/mid")(lambda h: send(h, 302, headers={"Location": server.url("/new")}))
    server.route("/new")(lambda h: send(h, 200, b"final"))
    result = fetch(server.url("/old"))
    assert (result.url, result.body) == (server.url("/new"), b"final")


def test_redirect_loop_is_too_many_redirects(server: LocalServer) -> None:
    server.route("/a")(lambda h: send(h, 302, headers={"Location": "/b"}))
    server.route("/b")(lambda h: send(h, 302, headers={"Location": "/a"}))
    with pytest.raises(TooManyRedirectsError, match="loop"):
        fetch(server.url("/a"))
    assert server.hits("/a") == 1 and server.hits("/b") == 1


def test_redirect_chain_longer_than_the_limit(server: LocalServer) -> None:
    for step in range(1, 6):
        server.route(f"/r{step}")(lambda h, step=step: send(h, 302, headers={"Location": f"/r{step - 1}"}))
    server.route("/r0")(lambda h: send(h, 200, b"end"))
    settings = Settings(allow_private_networks=True, max_redirects=3)
    assert fetch(server.url("/r3"), settings).body == b"end"
    with pytest.raises(TooManyRedirectsError, match="more than 3 redirects"):
        fetch(server.url("/r5"), settings)
    assert server.hits("/r1") == 1  # the fourth hop was never requested


def test_cookie_check_redirect_to_itself_is_not_a_loop(server: LocalServer) -> None:
    @server.route("/article")
    def article(h: BaseHTTPRequestHandler) -> None:
        if "seen=1" in (h.headers.get("Cookie") or ""):
            send(h, 200, b"article")
        else:
            send(h, 302, headers={"Location": "/article", "Set-Cookie": "seen=1; Path=/"})

    assert fetch(server.url("/article")).body == b"article"
    # The cookie belongs to that one fetch: the next fetch starts without it.
    assert fetch(server.url("/article")).body == b"article"
    assert [s.headers.get("cookie") for s in server.seen] == [None, "seen=1", None, "seen=1"]


def test_redirect_without_location_is_an_error(server: LocalServer) -> None:
    server.route("/r")(lambda h: send(h, 302))
    with pytest.raises(FetchError, match="without a Location"):
        fetch(server.url("/r"))


@pytest.mark.parametrize("url", ["ftp://example.org/feed", "file:///etc/passwd", "javascript:alert(1)", "gopher://x/"])
def test_non_http_schemes_are_refused(url: str) -> None:
    with pytest.raises(FetchError, match="only http and https") as caught:
        fetch(url)
    assert caught.value.url == url


def test_redirect_to_another_scheme_is_refused(server: LocalServer) -> None:
    server.route("/r")(lambda h: send(h, 302, headers={"Location": "file:///etc/passwd"}))
    with pytest.raises(FetchError, match="unsupported URL scheme 'file'"):
        fetch(server.url("/r"))


def test_connection_refused_says_so() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago and has no listener now
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    async def go() -> None:
        async with Fetcher(LOCAL, resolver=resolve_to_loopback) as fetcher:
            await fetcher.fetch(f"http://closed.example:{port}/")

    with pytest.raises(FetchError, match="connection refused") as caught:
        asyncio.run(go())
    assert caught.value.url == f"http://closed.example:{port}/"


def test_unresolvable_host_is_a_fetch_error() -> None:
    async def no_such_host(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    async def go() -> None:
        async with Fetcher(LOCAL, resolver=no_such_host) as fetcher:
            await fetcher.fetch("https://nowhere.invalid/feed")

    with pytest.raises(FetchError, match="cannot resolve host nowhere.invalid"):
        asyncio.run(go())


def test_resolver_with_a_custom_transport_is_a_usage_error() -> None:
    import httpx

    with pytest.raises(ValueError, match="one or the other"):
        Fetcher(LOCAL, transport=httpx.MockTransport(lambda r: httpx.Response(200)), resolver=resolve_to_loopback)


def test_injected_transport_is_used_as_given() -> None:
    import httpx

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"from the app", headers={"Content-Type": "text/html; charset=utf-8"})

    async def go(max_bytes: int | None = None) -> FetchResult:
        async with Fetcher(Settings(), transport=httpx.MockTransport(answer)) as fetcher:
            return await fetcher.fetch("https://demo-outlet.example/news/1", max_bytes=max_bytes)

    with pytest.raises(TooLargeError):  # the limit holds for responses a transport read already
        asyncio.run(go(max_bytes=5))
    result = asyncio.run(go())
    assert (result.body, result.charset, result.url) == (b"from the app", "utf-8", "https://demo-outlet.example/news/1")
