"""The demo web publishes over time: nothing later than the demo clock is listed or served."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import feedparser
import httpx
import pytest

from strichka.demo import DEFAULT_START, DemoClock, DemoServer, start_demo_web


def _listed_links(web: DemoServer, client: httpx.Client) -> Counter[str]:
    links: Counter[str] = Counter()
    for outlet in web.outlets:
        response = client.get(outlet.feed_url)
        if outlet.feed_format == "json":
            links.update(item["url"] for item in response.json()["items"])
        else:
            links.update(entry.link for entry in feedparser.parse(response.content).entries)
    return links


def test_clock_gates_feeds_and_pages() -> None:
    clock = DemoClock()
    with start_demo_web(clock=clock) as web, httpx.Client(timeout=10) as client:
        truth = web.ground_truth()
        due = [r for r in truth if datetime.fromisoformat(r["published_at"]) <= clock.now()]
        later = [r for r in truth if r not in due]
        assert 0.6 <= len(due) / len(truth) <= 0.8  # most at start, the rest while the demo runs
        listed = _listed_links(web, client)
        assert set(listed) == {r["url"] for r in due} == set(web.published_urls())
        for record in later:
            assert client.get(record["url"]).status_code == 404, record["url"]

        first_late = min(later, key=lambda r: r["published_at"])
        clock.advance((datetime.fromisoformat(first_late["published_at"]) - clock.now()).total_seconds())
        assert client.get(first_late["url"]).status_code == 200
        assert first_late["url"] in _listed_links(web, client)

        clock.advance(minutes=15)
        listed = _listed_links(web, client)
        assert set(listed) == {r["url"] for r in truth}
        assert max(listed.values()) == 1  # each article listed once


def test_scheduled_articles_spread_over_ten_minutes() -> None:
    with start_demo_web() as web:
        offsets = [
            datetime.fromisoformat(r["published_at"]) - web.clock.start for r in web.ground_truth()
        ]
    late = [o for o in offsets if o > timedelta(0)]
    assert late and max(late) <= timedelta(minutes=10)
    assert len({o for o in late}) >= 8  # not all at once


def test_published_article_is_served_with_its_feed_date(late_web: DemoServer, http: httpx.Client) -> None:
    outlet = next(o for o in late_web.outlets if o.feed_format == "rss")
    entries = feedparser.parse(http.get(outlet.feed_url).content).entries
    truth = {r["url"]: r for r in late_web.ground_truth()}
    for entry in entries:
        published = datetime(*entry.published_parsed[:6], tzinfo=UTC)
        assert published == datetime.fromisoformat(truth[entry.link]["published_at"])
        assert http.get(entry.link).status_code == 200


def test_clock_only_moves_forward_and_needs_a_timezone() -> None:
    clock = DemoClock()
    assert clock.now() == DEFAULT_START
    assert clock.advance(minutes=2) == DEFAULT_START + timedelta(minutes=2)
    with pytest.raises(ValueError):
        clock.advance(-1)
    with pytest.raises(ValueError):
        DemoClock(datetime(2026, 1, 1))


def test_real_time_clock_starts_now() -> None:
    before = datetime.now(UTC) - timedelta(seconds=1)
    clock = DemoClock.following_real_time()
    assert before <= clock.start <= datetime.now(UTC)
    assert clock.now() >= clock.start
