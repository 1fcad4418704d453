"""/healthz for load balancers, /api/v1/status for the operator: what is failing, what is waiting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlalchemy.exc import OperationalError

from strichka.storage.schema import articles, feeds


def test_healthz_says_ok_while_the_database_answers(client):
    answer = client.get("/healthz")
    assert answer.status_code == 200 and answer.text == "ok\n"
    assert answer.headers["cache-control"] == "no-store"


def test_healthz_says_503_and_why_when_the_database_does_not(client, site, monkeypatch):
    assert client.get("/healthz").status_code == 200

    def refuse():
        raise OperationalError("SELECT 1", {}, Exception("could not connect to server: Connection refused"))

    monkeypatch.setattr(site.app.engine, "connect", refuse)
    answer = client.get("/healthz")
    assert answer.status_code == 503 and "Connection refused" in answer.text  # not a cached "ok"


def test_status_counts_failing_feeds_and_articles_waiting_for_their_story(client, site):
    before = client.get("/api/v1/status").json()
    assert before["articles"]["total"] == 12 and before["sources"] == 3
    assert before["articles"]["newest_stored_at"] is not None
    with site.app.engine.begin() as conn:
        conn.execute(update(feeds).values(error_count=2,
                                          next_check_at=datetime.now(UTC) - timedelta(hours=3)))
        conn.execute(update(articles).where(articles.c.id == site.article_ids["grain_en"]).values(story_id=None))
    after = client.get("/api/v1/status?fresh=1").json()  # a new URL: the cached answer is 10 s old at most
    assert after["feeds"]["failing"] == after["feeds"]["total"] == after["feeds"]["overdue_over_an_hour"] > 0
    assert after["articles"]["waiting_for_story"] == before["articles"]["waiting_for_story"] + 1
