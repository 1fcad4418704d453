"""The scale-out runner: the same steps as Celery tasks through a real Redis broker and a real worker."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from loopback import LoopbackSite, Route
from strichka.app import App
from strichka.settings import Settings
from strichka.sources.catalogue import add_feed
from strichka.storage.schema import articles

# Parallel test processes never share queues. One prefix per process: Celery caches its broker
# and result connections, so the options must not change between tests.
PREFIX = {"global_keyprefix": f"strichka-test-{uuid.uuid4().hex}:"}

PAGE = """<html><head><title>{title}</title></head><body><nav>Головна | Політика | Спорт</nav>
<article><h1>{title}</h1>{paras}</article><footer>© Вісті</footer></body></html>"""


@pytest.fixture
def news_site():
    site = LoopbackSite()
    items = []
    for n in range(3):
        title = f"Новина номер {n}: у Вінниці відкрили міст через Південний Буг"
        paras = "".join(
            f"<p>Абзац {i} новини {n}. Міська рада повідомила, що рух мостом відкрили о восьмій ранку, "
            f"а ремонт тривав {n + i + 3} місяців і коштував {n * 10 + i} мільйонів гривень.</p>"
            for i in range(4)
        )
        site.routes[f"/news/{n}.html"] = Route(200, {"Content-Type": "text/html; charset=utf-8"},
                                               PAGE.format(title=title, paras=paras).encode())
        items.append(f"<item><title>{title}</title><link>{site.url(f'/news/{n}.html')}</link><guid>g{n}</guid>"
                     f"<pubDate>Sat, 21 Nov 2026 1{n}:00:00 +0000</pubDate></item>")
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Вісті</title>{"".join(items)}</channel></rss>'
    site.routes["/rss"] = Route(200, {"Content-Type": "application/rss+xml"}, feed.encode())
    yield site
    site.close()


@pytest.fixture
def scale_out(news_site, database_url, redis_url, tmp_path):
    """(app, the configured Celery app) over a catalogue holding the news site's feed."""
    from strichka.pipeline import celery_tasks

    settings = Settings.load(
        environ={}, home=str(tmp_path / "data"), database_url=database_url, redis_url=redis_url,
        allow_private_networks=True, embedder="hash", extract_processes=-1,
    )
    app = App.build(settings)
    with app.engine.begin() as conn:
        add_feed(conn, feed_url=news_site.url("/rss"), name="Вісті", lang="uk")
    yield app, celery_tasks.configure(
        settings, broker_transport_options=PREFIX, result_backend_transport_options=PREFIX
    )
    app.close()


def test_due_feeds_go_through_celery_workers_to_stored_clustered_articles(scale_out):
    from celery.contrib.testing.worker import start_worker

    from strichka.pipeline import celery_tasks

    app, celery_app = scale_out
    with start_worker(celery_app, pool="solo", queues=["celery", "stories"], perform_ping_check=False):
        refresh_ids = celery_tasks.dispatch_due_feeds(app)
        assert len(refresh_ids) == 1
        assert celery_tasks.dispatch_due_feeds(app) == []  # leased: not handed out twice
        process_ids = celery_app.AsyncResult(refresh_ids[0]).get(timeout=60)
        outcomes = [celery_app.AsyncResult(i).get(timeout=60) for i in process_ids]
        for outcome in outcomes:
            assert outcome["article_id"] and outcome["story_task_id"], outcome
            celery_app.AsyncResult(outcome["story_task_id"]).get(timeout=60)
    with app.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(articles)) == 3
        assert conn.scalar(select(func.count()).select_from(articles).where(articles.c.story_id.is_(None))) == 0


def test_housekeeping_requeues_articles_whose_stories_task_was_lost(scale_out):
    from datetime import UTC, datetime, timedelta

    from celery.contrib.testing.worker import start_worker
    from sqlalchemy import update

    from strichka.pipeline import celery_tasks

    app, celery_app = scale_out
    # A worker without the stories queue: the articles are stored, their stories tasks wait.
    with start_worker(celery_app, pool="solo", queues=["celery"], perform_ping_check=False):
        process_ids = celery_app.AsyncResult(celery_tasks.dispatch_due_feeds(app)[0]).get(timeout=60)
        assert all(celery_app.AsyncResult(i).get(timeout=60)["story_task_id"] for i in process_ids)
    with celery_app.connection_for_write() as broker:  # ... and are lost, as when a broker restarts empty
        assert broker.default_channel.queue_purge(celery_tasks.STORIES_QUEUE) == 3
    with app.engine.begin() as conn:  # stored a while ago
        conn.execute(update(articles).values(fetched_at=datetime.now(UTC) - timedelta(hours=1)))
        assert conn.scalar(select(func.count()).select_from(articles).where(articles.c.story_id.is_(None))) == 3
    with start_worker(celery_app, pool="solo", queues=["celery", "stories"], perform_ping_check=False):
        done = celery_tasks.housekeeping_task.delay().get(timeout=60)
        assert len(done["stories_task_ids"]) == 3
        for task_id in done["stories_task_ids"]:
            celery_app.AsyncResult(task_id).get(timeout=60)
    with app.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(articles).where(articles.c.story_id.is_(None))) == 0
