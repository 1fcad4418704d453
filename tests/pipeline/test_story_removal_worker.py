"""The Celery stories worker keeps its window in memory: an outlet removed meanwhile (by the admin or
the CLI, in another process) leaves that window before the worker places its next article."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import insert, select

from strichka.app import App
from strichka.pipeline.story_step import assign_story_in_worker
from strichka.settings import Settings
from strichka.sources.catalogue import remove_source
from strichka.storage.schema import articles, sources, stories

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories"))
from stories_samples import KYIV_STRIKE, T0  # noqa: E402  (the stories tests' hand-written reports)


def _store(app: App, number: int, report: tuple[str, str, str, str], minutes: int) -> None:
    lang, outlet, title, text = report
    with app.engine.begin() as conn:
        conn.execute(insert(sources).values(id=number, name=outlet, created_at=T0))
        conn.execute(insert(articles).values(
            id=number, source_id=number, url=f"https://example.org/{number}", title=title, text=text, html="",
            lang=lang, published_at=T0.replace(minute=minutes), fetched_at=T0,
        ))


def test_the_stories_worker_forgets_a_removed_outlet_before_its_next_article(database_url, tmp_path):
    app = App.build(Settings.load(environ={}, home=str(tmp_path), database_url=database_url))
    for number, minutes in ((1, 0), (2, 15)):
        _store(app, number, KYIV_STRIKE[number - 1], minutes)
        assign_story_in_worker(app, number)
    with app.engine.begin() as conn:
        remove_source(conn, 1)  # in another process, as far as the worker knows
    _store(app, 3, KYIV_STRIKE[2], 30)
    assign_story_in_worker(app, 3)
    with app.engine.connect() as conn:
        story_id = conn.scalar(select(articles.c.story_id).where(articles.c.id == 3))
        story = conn.execute(select(stories).where(stories.c.id == story_id)).one()
    assert story.article_count == 2 and story.first_article_id == 2  # not 3 with the removed report
    app.close()
