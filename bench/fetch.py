"""Fetching: strichka's Fetcher next to a plain httpx.AsyncClient, same local server, same run.

    .venv/bin/python bench/fetch.py [--json] [--pages N]

Prints two figures, each with its anchor:
- pages/s fetching N gzip'd 20 KB pages from a loopback server, 8 at a time (overhead of the
  address guard, limiter and bounded decoder against httpx's own pipeline);
- peak traced memory while refusing a gzip bomb (1 GB of zeros) at a 1 MB limit, against httpx
  reading aiter_bytes() under the same limit.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import threading
import time
import tracemalloc
import zlib
from collections.abc import Awaitable, Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import orjson

from strichka.errors import TooLargeError
from strichka.fetch import Fetcher
from strichka.settings import Settings

PAGE = gzip.compress(("<p>Новини дня: " + "текст " * 3000 + "</p>").encode())
LIMIT = 1 << 20


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802
        if self.path.startswith("/bomb"):
            self._bomb()
            return
        self.send_response(200)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def _bomb(self) -> None:
        self.send_response(200)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        squeeze = zlib.compressobj(6, zlib.DEFLATED, 31)
        block = bytes(1 << 20)
        pending = b""
        try:
            # Flushed every 64 MB of zeros, as a streaming server would: ~64 KB on the wire each time.
            for count in range(1, 1025):
                pending += squeeze.compress(block)
                if count % 64 == 0:
                    chunk, pending = pending + squeeze.flush(zlib.Z_SYNC_FLUSH), b""
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            tail = pending + squeeze.flush()
            self.wfile.write(b"%x\r\n%s\r\n0\r\n\r\n" % (len(tail), tail))
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:
        pass


async def pages_per_second(get: Callable[[str], Awaitable[int]], base: str, pages: int) -> float:
    gate = asyncio.Semaphore(8)

    async def one(n: int) -> int:
        async with gate:
            return await get(f"{base}/page/{n}")

    start = time.perf_counter()
    sizes = await asyncio.gather(*(one(n) for n in range(pages)))
    elapsed = time.perf_counter() - start
    assert all(size > 15_000 for size in sizes)
    return pages / elapsed


async def httpx_body(client: httpx.AsyncClient, url: str, limit: int) -> int:
    async with client.stream("GET", url) as response:
        size = 0
        async for piece in response.aiter_bytes():
            size += len(piece)
            if size > limit:
                raise TooLargeError(url, "over the limit")
        return size


def peak_memory(run: Callable[[], Awaitable[object]]) -> int:
    tracemalloc.start()
    try:
        try:
            asyncio.run(run())  # type: ignore[arg-type]
        except TooLargeError:
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


async def throughput(base: str, pages: int) -> dict[str, float]:
    settings = Settings(allow_private_networks=True, per_host_concurrency=8, total_concurrency=8)
    async with httpx.AsyncClient() as client:
        anchor = await pages_per_second(lambda url: httpx_body(client, url, 8_000_000), base, pages)
    async with Fetcher(settings) as fetcher:
        ours = await pages_per_second(lambda url: _length(fetcher.fetch(url)), base, pages)
    return {"httpx_pages_per_s": anchor, "strichka_pages_per_s": ours, "speed_ratio": ours / anchor}


async def _length(result: Awaitable[object]) -> int:
    return len((await result).body)  # type: ignore[attr-defined]


def bomb_memory(base: str) -> dict[str, float]:
    async def with_httpx() -> None:
        async with httpx.AsyncClient() as client:
            await httpx_body(client, f"{base}/bomb", LIMIT)

    async def with_strichka() -> None:
        async with Fetcher(Settings(allow_private_networks=True)) as fetcher:
            await fetcher.fetch(f"{base}/bomb", max_bytes=LIMIT)

    anchor, ours = peak_memory(with_httpx), peak_memory(with_strichka)
    return {"httpx_peak_bytes": anchor, "strichka_peak_bytes": ours, "memory_ratio": ours / anchor}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--pages", type=int, default=400)
    args = parser.parse_args()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        figures = asyncio.run(throughput(base, args.pages)) | bomb_memory(base)
    finally:
        httpd.shutdown()
    if args.json:
        print(orjson.dumps(figures).decode())
        return
    print(f"pages/s, {args.pages} gzip'd 20 KB pages, 8 at a time:")
    print(f"  httpx (anchor) {figures['httpx_pages_per_s']:8.0f}   strichka {figures['strichka_pages_per_s']:8.0f}"
          f"   ratio {figures['speed_ratio']:.2f}")
    print("peak traced memory refusing a 1 GB gzip bomb at a 1 MB limit:")
    print(f"  httpx (anchor) {figures['httpx_peak_bytes'] / 2**20:8.1f} MB"
          f"   strichka {figures['strichka_peak_bytes'] / 2**20:6.1f} MB   ratio {figures['memory_ratio']:.3f}")


if __name__ == "__main__":
    main()
