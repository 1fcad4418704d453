"""Several web processes over one database (`strichka serve --workers N`): each caches pages on its
own, yet an outlet removed through one is gone from every other's pages, and the admin forms one
process renders are accepted by the others."""

from __future__ import annotations

import dataclasses
import http.client
import re
import socket
import subprocess
import sys
import time
from base64 import b64encode

import pytest
from fastapi.testclient import TestClient
from web_site import ADMIN_PASSWORD, build_site

from strichka.app import App
from strichka.sources.catalogue import remove_source
from strichka.web import create_app

AUTH = ("admin", ADMIN_PASSWORD)
UK_OUTLET = "Вісті Дніпра"  # the uk outlet of build_site, listed on /sources


def _worker(settings) -> TestClient:
    """One more web process: its own App (engine) and its own page cache over the same database."""
    web = create_app(App.build(settings, migrate_db=False))
    web.state.site.generation.check_every = 0  # look at every request: no waiting in a test
    return TestClient(web, base_url="http://strichka.test")


@pytest.fixture
def two_workers(tmp_path):
    site = build_site(tmp_path)
    settings = dataclasses.replace(site.app.settings, web_secret="one key for every worker")
    with _worker(settings) as first, _worker(settings) as second:
        yield site, first, second
    site.app.close()


def test_an_outlet_removed_in_one_worker_leaves_the_others_cached_pages(two_workers):
    site, first, second = two_workers
    assert UK_OUTLET in second.get("/sources").text  # now cached in the second worker
    html = first.get("/admin/sources", auth=AUTH).text
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)
    removed = first.post(f"/admin/sources/{site.source_ids['uk']}/remove", auth=AUTH, data={"csrf": token},
                         follow_redirects=False)
    assert removed.status_code == 303
    assert UK_OUTLET not in second.get("/sources").text


def test_an_outlet_removed_from_the_command_line_leaves_every_cached_page(two_workers):
    site, first, _ = two_workers
    assert UK_OUTLET in first.get("/sources").text
    with site.app.engine.begin() as conn:  # what `strichka sources remove` does
        remove_source(conn, site.source_ids["uk"])
    assert UK_OUTLET not in first.get("/sources").text


def test_an_article_deleted_from_the_command_line_leaves_every_cached_page(two_workers):
    from strichka.storage.articles_repo import delete_article

    site, first, _ = two_workers
    path = f"/article/{site.article_ids['grain_en']}"
    assert first.get(path).status_code == 200  # now cached
    with site.app.engine.begin() as conn:  # what `strichka articles remove` does
        assert delete_article(conn, site.article_ids["grain_en"])
    assert first.get(path).status_code == 404


def test_a_form_from_one_worker_is_accepted_by_another(two_workers):
    site, first, second = two_workers
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', first.get("/admin/sources", auth=AUTH).text).group(1)
    done = second.post("/admin/sources/add", auth=AUTH, follow_redirects=False,
                       data={"feed_url": "https://new.example/rss", "name": "Нове видання", "csrf": token})
    assert done.status_code == 303


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)  # a new connection each time
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read().decode()
    finally:
        conn.close()


def _strichka_with_two_workers(command: str, home, port: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "strichka", "--data-dir", str(home), command, "--workers", "2", "--port", str(port)],
        env={"STRICHKA_ADMIN_PASSWORD": ADMIN_PASSWORD, "PATH": ""}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )


def test_serve_with_two_workers_answers_pages_and_admin_forms(tmp_path):
    site = build_site(tmp_path)
    site.app.close()
    port = _free_port()
    proc = _strichka_with_two_workers("serve", tmp_path, port)
    try:
        assert "in 2 processes" in proc.stdout.readline()
        deadline = time.monotonic() + 60  # the workers import the app: wait until the port answers
        while True:
            try:
                status, home = _get(port, "/")
                break
            except OSError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read()
        assert status == 200 and "Зерновий коридор" in home
        basic = {"Authorization": "Basic " + b64encode(f"admin:{ADMIN_PASSWORD}".encode()).decode()}
        tokens = {re.search(r'name="csrf" value="([0-9a-f]+)"', _get(port, "/admin/sources", basic)[1]).group(1)
                  for _ in range(8)}
        assert len(tokens) == 1  # whichever worker answered, the same key
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _feed_errors(site) -> int:
    from sqlalchemy import func, select

    from strichka.storage.schema import feeds

    with site.app.engine.connect() as conn:
        return int(conn.scalar(select(func.coalesce(func.sum(feeds.c.error_count), 0))))


def test_run_with_two_web_workers_crawls_serves_and_stops_whole(tmp_path):
    import signal

    site = build_site(tmp_path)  # its feeds live on .example hosts: a due one fails at once
    errors_before = _feed_errors(site)
    port = _free_port()
    proc = _strichka_with_two_workers("run", tmp_path, port)
    try:
        deadline = time.monotonic() + 90
        while True:  # until the site answers and the crawler has checked a feed
            try:
                if _get(port, "/")[0] == 200 and _feed_errors(site) > errors_before:
                    break
            except OSError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read()
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
        site.app.close()
    assert proc.returncode == 0 and "Traceback" not in proc.stderr.read()
    with pytest.raises(OSError):  # the site's processes went with it
        _get(port, "/")
