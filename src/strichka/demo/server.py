"""Serves the demo web on loopback from a background thread (stdlib ThreadingHTTPServer: starts at once)."""

from __future__ import annotations

import socket
import sys
import threading
from dataclasses import dataclass
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any

from .clock import DemoClock
from .ground_truth import demo_opml, ground_truth, write_ground_truth
from .outlets import OUTLETS
from .site import DemoSite, Response


@dataclass(frozen=True)
class DemoOutlet:
    name: str
    lang: str
    feed_url: str
    home_url: str
    encoding: str
    slug: str = ""
    feed_format: str = "rss"
    # True: add this outlet by home_url, so that feed discovery via <link rel="alternate"> is exercised.
    discover_via_home: bool = False


class _Handler(BaseHTTPRequestHandler):
    server: _DemoHTTPServer
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle on, keep-alive clients wait ~40 ms per response.
    disable_nagle_algorithm = True

    def do_GET(self) -> None:  # noqa: N802 (stdlib naming)
        self._send(self.server.site.respond(self.path, dict(self.headers.items())), with_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._send(self.server.site.respond(self.path, dict(self.headers.items())), with_body=False)

    def _send(self, response: Response, *, with_body: bool) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers:
            self.send_header(name, value)
        self.end_headers()
        if with_body and response.body:
            self.wfile.write(response.body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass  # a crawl makes hundreds of requests; the demo's console stays readable


class _DemoHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    site: DemoSite

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that drops an idle keep-alive connection, as every pooling client does when it
        # closes, is no error of the demo's: the stdlib would print a traceback to the console.
        exc = sys.exc_info()[1]
        if isinstance(exc, ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)


class _DemoHTTP6Server(_DemoHTTPServer):
    address_family = socket.AF_INET6


class DemoServer:
    """The running demo web. Use as a context manager, or call stop()."""

    def __init__(self, httpd: _DemoHTTPServer, site: DemoSite) -> None:
        self._httpd = httpd
        self._site = site
        self._thread = threading.Thread(target=httpd.serve_forever, name="strichka-demo-web", daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        return self._site.base_url

    @property
    def clock(self) -> DemoClock:
        return self._site.clock

    @property
    def site(self) -> DemoSite:
        return self._site

    @property
    def outlets(self) -> list[DemoOutlet]:
        return [
            DemoOutlet(
                name=o.name, lang=o.lang, feed_url=f"{self.base_url}/{o.slug}/{o.feed_path}",
                home_url=f"{self.base_url}/{o.slug}/", encoding=o.encoding, slug=o.slug,
                feed_format=o.feed_format, discover_via_home=o.feed_only_via_alternate,
            )
            for o in OUTLETS
        ]

    def ground_truth(self) -> list[dict[str, Any]]:
        return ground_truth(self.base_url, start=self.clock.start)

    def write_ground_truth(self, path: str | Path) -> Path:
        return write_ground_truth(path, self.base_url, start=self.clock.start)

    def opml(self) -> str:
        return demo_opml(self.base_url)

    def published_urls(self, at: datetime | None = None) -> list[str]:
        """URLs of the articles visible at `at` (default: now on the demo clock)."""
        moment = at or self.clock.now()
        return [r["url"] for r in self.ground_truth() if datetime.fromisoformat(r["published_at"]) <= moment]

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> DemoServer:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def start_demo_web(*, host: str = "127.0.0.1", port: int = 0, clock: DemoClock | None = None) -> DemoServer:
    """Starts the demo web in a background thread; port 0 picks a free port (see .base_url)."""
    server_class = _DemoHTTP6Server if ":" in host else _DemoHTTPServer
    httpd = server_class((host, port), _Handler)
    bound_port = httpd.server_address[1]
    url_host = f"[{host}]" if ":" in host else host
    site = DemoSite(f"http://{url_host}:{bound_port}", clock or DemoClock())
    httpd.site = site
    return DemoServer(httpd, site)
