"""refresh_feed against feeds served on loopback: new entries, 304s, and failures kept to their feed."""

import asyncio
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from loopback import LoopbackSite, Route
from strichka.fetch import Fetcher
from strichka.pipeline.deps import PipelineDeps
from strichka.pipeline.refresh import refresh_feed
from strichka.settings import Settings
from strichka.sources.catalogue import add_feed, list_feed_status
from strichka.storage import feeds_repo
from strichka.storage.schema import entries, fetch_log

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Вісті</title><link>{base}/</link>
<item><title>Перша новина</title><link>{base}/news/1.html</link><guid>n1</guid>
<pubDate>Sat, 21 Nov 2026 10:00:00 +0000</pubDate></item>
<item><title>Друга новина</title><link>{base}/news/2.html</link><guid>n2</guid>
<pubDate>Sat, 21 Nov 2026 11:00:00 +0000</pubDate></item>
</channel></rss>"""


@pytest.fixture
def site():
    s = LoopbackSite()
    yield s
    s.close()


def refresh_all(engine, settings: Settings):
    async def go():
        async with Fetcher(settings) as fetcher:
            deps = PipelineDeps(settings=settings, engine=engine, fetcher=fetcher, media=None, searcher=None)
            with engine.connect() as conn:
                due = feeds_repo.due_feeds(conn, datetime.now(UTC), limit=None)
            return [await refresh_feed(feed, deps) for feed in due]

    return asyncio.run(go())


def force_due(engine):
    from sqlalchemy import update

    from strichka.storage.schema import feeds

    with engine.begin() as conn:
        conn.execute(update(feeds).values(next_check_at=datetime(2000, 1, 1, tzinfo=UTC)))


def test_new_entries_are_stored_once_and_a_304_changes_nothing(site, engine, settings):
    body = RSS.format(base=site.url("")).encode()

    def feed(headers):
        if headers.get("if-none-match") == '"v1"':
            return Route(304, {"ETag": '"v1"'})
        return Route(200, {"Content-Type": "application/rss+xml", "ETag": '"v1"'}, body)

    site.routes["/rss"] = feed
    with engine.begin() as conn:
        add_feed(conn, feed_url=site.url("/rss"), name="Вісті", lang="uk")
    first = refresh_all(engine, settings)
    assert [o.new_entries for o in first] == [2]
    force_due(engine)
    second = refresh_all(engine, settings)
    assert second[0].not_modified and second[0].new_entries == 0
    assert site.request_headers["/rss"]["if-none-match"] == '"v1"'
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(entries)) == 2
        assert conn.scalar(select(func.count()).select_from(fetch_log)) == 2
        status = list_feed_status(conn)[0]
    assert status.last_success_at is not None and status.error_count == 0
    assert status.next_check_at > datetime.now(UTC)


def test_a_broken_feed_gets_its_own_error_and_backoff_while_the_others_go_on(site, engine, settings):
    site.routes["/good"] = Route(200, {"Content-Type": "application/rss+xml"}, RSS.format(base=site.url("")).encode())
    site.routes["/html"] = Route(200, {"Content-Type": "text/html"}, b"<html><body><h1>Welcome</h1></body></html>")
    site.routes["/down"] = Route(503, {"Retry-After": "7200"}, b"busy")
    with engine.begin() as conn:
        for path in ("/good", "/html", "/down"):
            add_feed(conn, feed_url=site.url(path), name=path, lang="uk")
    outcomes = {o.url.rsplit("/", 1)[1]: o for o in refresh_all(engine, settings)}
    assert outcomes["good"].new_entries == 2 and outcomes["good"].error is None
    assert "HTML" in outcomes["html"].error
    assert "503" in outcomes["down"].error
    with engine.connect() as conn:
        status = {s.url.rsplit("/", 1)[1]: s for s in list_feed_status(conn)}
    assert status["html"].error_count == 1 and status["html"].last_error
    wait = (status["down"].next_check_at - datetime.now(UTC)).total_seconds()
    assert 7000 < wait <= 7200  # Retry-After honoured over the first backoff step


def test_a_feed_failing_again_backs_off_longer_but_is_retried(site, engine, settings):
    site.routes["/bad"] = Route(200, {"Content-Type": "application/rss+xml"}, b"\x00\x01 not xml at all")
    with engine.begin() as conn:
        add_feed(conn, feed_url=site.url("/bad"), name="bad")
    waits = []
    for _ in range(3):
        force_due(engine)
        refresh_all(engine, settings)
        with engine.connect() as conn:
            waits.append((list_feed_status(conn)[0].next_check_at - datetime.now(UTC)).total_seconds())
    assert waits[0] < waits[1] < waits[2] <= settings.max_error_backoff
