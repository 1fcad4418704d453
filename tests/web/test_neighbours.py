"""Related by meaning: the nearest recent articles outside the article's own story."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from sqlalchemy import insert, update

from strichka.storage.schema import articles, sources, stories
from strichka.web.neighbours import FULL_RELOAD_SECONDS, REFRESH_SECONDS, NeighbourIndex

NOW = datetime.now(UTC)


def _unit(values: list[float]) -> bytes:
    vector = np.array(values + [0.0] * (8 - len(values)), dtype=np.float32)
    return (vector / np.linalg.norm(vector)).astype("<f4").tobytes()


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def stored(engine):
    with engine.begin() as conn:
        conn.execute(insert(sources).values(id=1, name="Вісті", created_at=NOW))
        conn.execute(insert(stories), [
            {"id": s, "title": f"story {s}", "titles": {}, "created_at": NOW, "updated_at": NOW} for s in (1, 2, 3)
        ])

    def add(article_id: int, vector: list[float] | None, story: int | None, *, hours_ago: float = 1) -> None:
        with engine.begin() as conn:
            conn.execute(insert(articles).values(
                id=article_id, source_id=1, url=f"https://visti.example/{article_id}", title=f"a{article_id}",
                text="", html="", published_at=NOW - timedelta(hours=hours_ago), fetched_at=NOW,
                story_id=story, embedding=_unit(vector) if vector else None,
            ))

    return add


def test_nearest_come_best_first_outside_the_story_and_above_the_floor(engine, stored):
    stored(1, [1, 0.10], story=1)
    stored(2, [1, 0.05], story=1)  # the same story: shown as the story's own, not here
    stored(3, [1, 0.30], story=2)
    stored(4, [1, 0.60], story=3)
    stored(5, [0, 1], story=3)  # unrelated: below the floor
    stored(6, [1, 0.1], story=2, hours_ago=24 * 30)  # long ago: outside the window
    index = NeighbourIndex(engine, window_hours=168)
    assert index.nearest(1, exclude_story=1, limit=5) == [3, 4]
    assert index.nearest(1, exclude_story=None, limit=1) == [2]
    assert index.nearest(99, exclude_story=None, limit=5) == []  # not embedded (yet): nothing, no error


def test_articles_embedded_later_join_on_refresh_and_old_ones_leave_on_a_full_reload(engine, stored):
    clock = Clock()
    stored(1, [1, 0.1], story=1)
    stored(2, None, story=None)  # stored, not yet embedded by the stories stage
    index = NeighbourIndex(engine, window_hours=48, clock=clock)
    assert index.nearest(1, exclude_story=1, limit=5) == []
    with engine.begin() as conn:
        conn.execute(update(articles).where(articles.c.id == 2).values(story_id=2, embedding=_unit([1, 0.2])))
    assert index.nearest(1, exclude_story=1, limit=5) == []  # still the loaded copy
    clock.now += REFRESH_SECONDS
    assert index.nearest(1, exclude_story=1, limit=5) == [2]
    with engine.begin() as conn:  # article 2 is now older than the window
        conn.execute(update(articles).where(articles.c.id == 2).values(published_at=NOW - timedelta(hours=72)))
    clock.now += FULL_RELOAD_SECONDS
    assert index.nearest(1, exclude_story=1, limit=5) == []
    assert len(index) == 1


def test_the_article_page_shows_the_nearest_report_of_another_story_after_its_own_story(site, client):
    ids = site.article_ids
    with site.app.engine.begin() as conn:
        for key, vector in (("rockets_uk", [1, 0.1]), ("grain_uk", [1, 0.2]), ("rockets_ru", [1, 0.1])):
            conn.execute(update(articles).where(articles.c.id == ids[key]).values(embedding=_unit(vector)))
    html = client.get(f"/article/{ids['rockets_uk']}").text
    related = html[html.index('id="rel-h"'):]
    own = related.index(f'/article/{ids["rockets_ru"]}"')
    near = related.index(f'/article/{ids["grain_uk"]}"')  # another story and category, but about the same
    assert own < near
