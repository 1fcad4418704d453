"""Limits that protect strichka from hostile or broken servers: size, bombs, time, concurrency."""

from __future__ import annotations

import asyncio
import threading
import tracemalloc
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest
from fetch_server import LocalServer, resolve_to_loopback, send, send_chunked

from strichka.errors import FetchTimeoutError, TooLargeError
from strichka.fetch import Fetcher
from strichka.models import FetchResult
from strichka.settings import Settings

LOCAL = Settings(allow_private_networks=True, fetch_timeout=10.0)
GIGABYTE = 1 << 30
MEGABYTE = 1 << 20


def fetch(url: str, settings: Settings = LOCAL, **kwargs: object) -> FetchResult:
    async def go() -> FetchResult:
        async with Fetcher(settings) as fetcher:
            return await fetcher.fetch(url, **kwargs)  # type: ignore[arg-type]

    return asyncio.run(go())


def compressed_zeros(compress, flush, finish, stop: threading.Event) -> Iterator[bytes]:  # type: ignore[no-untyped-def]
    """1 GB of zeros, compressed lazily so the server only does the work the client asks for.

    Flushed every 64 MB of input, as a streaming server would: each chunk inflates to 64 MB.
    """
    block = bytes(MEGABYTE)
    pending = b""
    for count in range(1, GIGABYTE // MEGABYTE + 1):
        if stop.is_set():
            return
        pending += compress(block)
        if count % 64 == 0:
            yield pending + flush()
            pending = b""
    yield pending + finish()


def peak_memory_of(run) -> int:  # type: ignore[no-untyped-def]
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_gzip_bomb_is_stopped_at_the_limit_without_inflating_it(server: LocalServer) -> None:
    @server.route("/bomb.xml")
    def bomb(h: BaseHTTPRequestHandler) -> None:
        gz = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
        chunks = compressed_zeros(gz.compress, lambda: gz.flush(zlib.Z_SYNC_FLUSH), gz.flush, server.stopping)
        send_chunked(h, 200, chunks, {"Content-Encoding": "gzip"})

    def run() -> None:
        with pytest.raises(TooLargeError, match="after gzip decompression"):
            fetch(server.url("/bomb.xml"), max_bytes=MEGABYTE)

    # One decoded 64 KB piece at a time: inflating a whole network chunk (~64 MB) at once would show.
    assert peak_memory_of(run) < 8 * MEGABYTE


def test_brotli_bomb_is_stopped_at_the_limit(server: LocalServer) -> None:
    brotli = pytest.importorskip("brotli")

    @server.route("/bomb.html")
    def bomb(h: BaseHTTPRequestHandler) -> None:
        compressor = brotli.Compressor(quality=5)
        chunks = compressed_zeros(compressor.process, compressor.flush, compressor.finish, server.stopping)
        send_chunked(h, 200, chunks, {"Content-Encoding": "br"})

    def run() -> None:
        with pytest.raises(TooLargeError, match="after br decompression"):
            fetch(server.url("/bomb.html"), max_bytes=MEGABYTE)

    assert peak_memory_of(run) < 8 * MEGABYTE


def test_brotli_body_is_decoded(server: LocalServer) -> None:
    brotli = pytest.importorskip("brotli")
    text = "Зведення Генштабу. " * 5000
    server.route("/br")(lambda h: send(h, 200, brotli.compress(text.encode()), {"Content-Encoding": "br"}))
    assert fetch(server.url("/br")).body.decode() == text


def test_content_length_over_the_limit_is_refused_before_reading(server: LocalServer) -> None:
    @server.route("/huge.jpg")
    def huge(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Length", str(5 * GIGABYTE))
        h.end_headers()
        h.wfile.write(b"\xff\xd8" + bytes(1000))
        h.close_connection = True

    with pytest.raises(TooLargeError, match=f"Content-Length {5 * GIGABYTE} bytes is over the limit of 20000000"):
        fetch(server.url("/huge.jpg"), kind="image")


def test_limit_is_exact_for_plain_streamed_bodies(server: LocalServer) -> None:
    def stream(size: int) -> None:
        server.route(f"/{size}")(lambda h: send_chunked(h, 200, iter([b"a" * (size - 1), b"b"]), {}))

    stream(1000)
    stream(1001)
    assert len(fetch(server.url("/1000"), max_bytes=1000).body) == 1000
    with pytest.raises(TooLargeError, match="over the limit of 1000 bytes"):
        fetch(server.url("/1001"), max_bytes=1000)


def test_slow_drip_fails_at_the_overall_deadline(server: LocalServer) -> None:
    @server.route("/drip")
    def drip(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Length", "10000")
        h.end_headers()
        try:
            # Each byte comes well within the per-read timeout; only the whole-body deadline stops it.
            while not server.stopping.wait(0.15):
                h.wfile.write(b"x")
                h.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            h.close_connection = True

    settings = Settings(allow_private_networks=True, fetch_timeout=0.6)
    with pytest.raises(FetchTimeoutError, match="no complete response within 0.6 s") as caught:
        fetch(server.url("/drip"), settings)
    assert caught.value.url == server.url("/drip")


class Gate:
    """Requests that wait at the server until the test lets them go; counts who is inside."""

    def __init__(self) -> None:
        self.inside = 0
        self.most_inside = 0
        self.events: list[str] = []
        self.condition = threading.Condition()
        self.opened = threading.Event()

    def hold(self, name: str) -> None:
        with self.condition:
            self.inside += 1
            self.most_inside = max(self.most_inside, self.inside)
            self.events.append(f"arrive {name}")
            self.condition.notify_all()
        self.opened.wait(timeout=30)
        with self.condition:
            self.inside -= 1

    def wait_for_arrivals(self, count: int) -> bool:
        with self.condition:
            return self.condition.wait_for(lambda: len(self.events) >= count, timeout=30)

    def open(self) -> None:
        with self.condition:
            self.events.append("open")
        self.opened.set()


def test_per_host_concurrency_limits_requests_to_one_host(server: LocalServer) -> None:
    gate = Gate()

    @server.route("/hold")
    def hold(h: BaseHTTPRequestHandler) -> None:
        gate.hold("busy")
        send(h, 200, b"held")

    server.route("/quick")(lambda h: send(h, 200, b"quick"))
    settings = Settings(allow_private_networks=True, per_host_concurrency=2, total_concurrency=16)

    async def go() -> tuple[list[FetchResult], FetchResult, int]:
        async with Fetcher(settings, resolver=resolve_to_loopback) as fetcher:
            busy = [asyncio.create_task(fetcher.fetch(server.url("/hold", "busy.example"))) for _ in range(4)]
            assert await asyncio.to_thread(gate.wait_for_arrivals, 2)
            # Another host is not held up by the busy one, and its round trip gives the two
            # queued busy.example requests every chance to reach the server if nothing stopped them.
            quick = await fetcher.fetch(server.url("/quick", "idle.example"))
            arrivals_while_full = len(gate.events)
            gate.open()
            return list(await asyncio.gather(*busy)), quick, arrivals_while_full

    busy, quick, arrivals_while_full = asyncio.run(go())
    assert arrivals_while_full == 2
    assert gate.most_inside == 2
    assert [r.body for r in busy] == [b"held"] * 4 and quick.body == b"quick"
    assert server.hits("/hold") == 4


def test_total_concurrency_limits_requests_across_hosts(server: LocalServer) -> None:
    gate = Gate()

    @server.route("/hold")
    def hold(h: BaseHTTPRequestHandler) -> None:
        gate.hold(h.headers["Host"].split(":")[0])
        send(h, 200, b"held")

    settings = Settings(allow_private_networks=True, per_host_concurrency=2, total_concurrency=2)

    async def go() -> None:
        async with Fetcher(settings, resolver=resolve_to_loopback) as fetcher:
            tasks = [
                asyncio.create_task(fetcher.fetch(server.url("/hold", f"host{n}.example"))) for n in range(3)
            ]
            assert await asyncio.to_thread(gate.wait_for_arrivals, 2)
            gate.open()
            await asyncio.gather(*tasks)

    asyncio.run(go())
    assert gate.most_inside == 2
    assert gate.events.index("open") == 2  # the third host got in only after the gate opened
