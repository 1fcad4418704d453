"""A real HTTP/1.1 server on 127.0.0.1, port 0, run in threads beside the test's event loop.

Imported by the fetch tests by its unique module name (the suite has no __init__ packages).

Each test registers handlers per path; a handler gets the BaseHTTPRequestHandler and writes
the response itself, so it can stream, drip, block on an event or send broken data.
"""

from __future__ import annotations

import ssl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


@dataclass
class LocalServer:
    httpd: ThreadingHTTPServer
    routes: dict[str, Handler] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def port(self) -> int:
        return int(self.httpd.server_address[1])

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def route(self, path: str) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.routes[path] = handler
            return handler

        return register

    def hits(self, path: str) -> int:
        with self.lock:
            return sum(1 for s in self.seen if s.path == path)


def send(
    handler: BaseHTTPRequestHandler,
    status: int,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
) -> None:
    handler.send_response(status)
    all_headers = {"Content-Length": str(len(body))} | (headers or {})
    for name, value in all_headers.items():
        handler.send_header(name, value)
    handler.end_headers()
    if body:
        handler.wfile.write(body)


def send_chunked(handler: BaseHTTPRequestHandler, status: int, chunks: Iterator[bytes], headers: dict[str, str]) -> None:
    """Stream `chunks` with chunked transfer encoding until done or the client hangs up."""
    handler.send_response(status)
    for name, value in (headers | {"Transfer-Encoding": "chunked"}).items():
        handler.send_header(name, value)
    handler.end_headers()
    try:
        for chunk in chunks:
            if chunk:
                handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                handler.wfile.flush()
        handler.wfile.write(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        handler.close_connection = True


def _make_handler(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class RoutedHandler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            path = self.path.split("?")[0]
            with server.lock:
                server.seen.append(Seen(path, {k.lower(): v for k, v in self.headers.items()}))
            handler = server.routes.get(path)
            if handler is None:
                send(self, 404, b"not found")
                return
            handler(self)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return RoutedHandler


async def resolve_to_loopback(host: str, port: int) -> list[str]:
    """Every host name is this machine: lets tests use public-looking names for the local server."""
    return ["127.0.0.1"]


@contextmanager
def running_server(tls: ssl.SSLContext | None = None) -> Iterator[LocalServer]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    if tls is not None:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    httpd.daemon_threads = True
    httpd.block_on_close = False
    local = LocalServer(httpd)
    httpd.RequestHandlerClass = _make_handler(local)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield local
    finally:
        local.stopping.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join()
