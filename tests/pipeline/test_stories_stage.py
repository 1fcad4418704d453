"""The stories stage runs behind ingest: a failing model never costs an article, and what it left
unplaced is placed by the next pass (or the next start)."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from loopback import LoopbackSite, Route
from strichka.app import App
from strichka.pipeline import stories_stage
from strichka.pipeline.local import crawl_once
from strichka.search import SearchQuery
from strichka.settings import Settings
from strichka.sources.catalogue import add_feed
from strichka.storage.schema import articles

PAGE = """<html><head><meta charset="utf-8"><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{body}</p>
</article></body></html>"""
STORIES = [
    ("Уламки дрона пошкодили склад у Полтаві", "Уламки збитого дрона впали на територію складу в Полтаві. "
     "Рятувальники гасили пожежу всю ніч, постраждалих немає, повідомили в обласній адміністрації."),
    ("Ремонт мосту в Черкасах завершать до зими", "Підрядник обіцяє відкрити рух мостом у Черкасах до грудня. "
     "Міська рада виділила додаткові кошти на заміну опор і асфальтування під'їздів."),
    ("У Львові відкрили нову бібліотеку", "Нова бібліотека у Львові працюватиме щодня без вихідних. "
     "Читачам пропонують двадцять тисяч книжок, коворкінг і гуртки для дітей."),
]


@pytest.fixture
def site():
    s = LoopbackSite()
    items = []
    for n, (title, body) in enumerate(STORIES):
        s.routes[f"/a{n}.html"] = Route(200, {"Content-Type": "text/html"}, PAGE.format(title=title, body=body).encode())
        items.append(f"<item><title>{title}</title><link>{s.url(f'/a{n}.html')}</link><guid>a{n}</guid>"
                     f"<pubDate>Sat, 21 Nov 2026 1{n}:00:00 +0000</pubDate></item>")
    s.routes["/rss"] = Route(200, {"Content-Type": "application/rss+xml"},
                             f'<rss version="2.0"><channel><title>t</title>{"".join(items)}</channel></rss>'.encode())
    yield s
    s.close()


def test_a_failing_model_costs_no_article_and_the_next_pass_places_them(site, database_url, tmp_path, monkeypatch):
    settings = Settings.load(environ={}, home=str(tmp_path / "d"), database_url=database_url,
                             allow_private_networks=True, embedder="hash", extract_processes=-1)
    app = App.build(settings)
    with app.engine.begin() as conn:
        add_feed(conn, feed_url=site.url("/rss"), name="Вісті", lang="uk")

    def broken_model(embedder, texts):
        raise RuntimeError("the embedding model crashed")

    monkeypatch.setattr(stories_stage, "stored_vectors", broken_model)
    first = asyncio.run(crawl_once(app))
    assert (first.articles_created, first.articles_failed, first.stories_assigned) == (3, 0, 0)
    with app.engine.connect() as conn:
        stored = conn.execute(select(articles.c.title, articles.c.story_id)).all()
    assert sorted(t for t, _ in stored) == sorted(t for t, _ in STORIES)
    assert all(story_id is None for _, story_id in stored)
    # Stored and searchable although the model is down.
    assert len(app.searcher.search(SearchQuery("бібліотека")).hits) == 1

    monkeypatch.undo()
    second = asyncio.run(crawl_once(app))  # nothing new in the feed: only the stage's leftovers
    assert (second.articles_created, second.stories_assigned) == (0, 3)
    with app.engine.connect() as conn:
        story_ids = [s for (s,) in conn.execute(select(articles.c.story_id))]
    assert all(story_ids) and len(set(story_ids)) == 3
    app.close()


def test_an_article_submitted_twice_is_queued_once():
    async def scenario() -> tuple[int, int, int]:
        # No database: the one attempt fails, and is counted once.
        stage = stories_stage.StoriesStage(None, None, embedder="hash", processes=-1)  # type: ignore[arg-type]
        await stage.submit(7)
        await stage.submit(7)  # e.g. a pass's recovery sweep meeting an article still in the queue
        queued = stage.unplaced
        await stage.drain()
        await stage.close()
        return queued, stage.failed, stage.unplaced

    assert asyncio.run(scenario()) == (1, 1, 0)
