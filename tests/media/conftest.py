"""Media fixtures: a real S3 API server on loopback (moto's server mode), both object stores,
and a loopback HTTP server that serves image bytes to the real Fetcher."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from media_servers import ImageServer, s3_client

from strichka.media.s3 import S3Store
from strichka.media.store import LocalStore, ObjectStore


@pytest.fixture
def s3_endpoint(s3_server: str) -> str:
    """The session's loopback S3 server (tests/conftest.py)."""
    return s3_server


@pytest.fixture
def s3_bucket(s3_endpoint: str) -> tuple[Any, str]:
    """A fresh bucket per test on the shared loopback server: tests never see each other's objects."""
    client = s3_client(s3_endpoint)
    bucket = f"strichka-{uuid.uuid4().hex[:16]}"
    client.create_bucket(Bucket=bucket)
    return client, bucket


@pytest.fixture(params=["local", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> ObjectStore:
    if request.param == "local":
        return LocalStore(tmp_path / "media")
    client, bucket = request.getfixturevalue("s3_bucket")
    return S3Store(bucket, "media", client=client)


@pytest.fixture
def image_server() -> Iterator[ImageServer]:
    stop = threading.Event()
    server_ref: dict[str, ImageServer] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            state = server_ref["state"]
            state.hits[self.path] = state.hits.get(self.path, 0) + 1
            status, headers, body = state.routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"no"))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.path in state.drip:
                for byte in body:
                    if stop.wait(0.2):  # the slow drip itself, not a synchronisation
                        return
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                return
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    server_ref["state"] = ImageServer(base=f"http://127.0.0.1:{httpd.server_address[1]}")
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server_ref["state"]
    finally:
        stop.set()
        httpd.shutdown()
        httpd.server_close()
