"""A tiny HTTP server on 127.0.0.1 whose responses a test sets up path by path."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


class LoopbackSite:
    """`site.routes[path] = Route(...)`; `site.hits[path]` counts requests; `site.url(path)`."""

    def __init__(self) -> None:
        self.routes: dict[str, Route | Callable[[dict[str, str]], Route]] = {}
        self.hits: dict[str, int] = {}
        self.request_headers: dict[str, dict[str, str]] = {}
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                site.hits[self.path] = site.hits.get(self.path, 0) + 1
                headers = {k.lower(): v for k, v in self.headers.items()}
                site.request_headers[self.path] = headers
                route = site.routes.get(self.path, Route(404, {"Content-Type": "text/plain"}, b"not found"))
                if callable(route):
                    route = route(headers)
                self.send_response(route.status)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
