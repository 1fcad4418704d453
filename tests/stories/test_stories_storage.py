"""stories_repo on a SQLite file: assignments and story state written, the window loaded back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import create_engine, insert, select
from stories_samples import KYIV_STRIKE, RATE_CUT, T0, make_article

from strichka.errors import StorageError
from strichka.storage import schema, stories_repo
from strichka.stories import StoryIndex


@pytest.fixture
def engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'stories.db'}")
    schema.metadata.create_all(engine)
    yield engine
    engine.dispose()


def _store_article(conn, article):
    if conn.execute(select(schema.sources.c.id).where(schema.sources.c.id == article.source_id)).first() is None:
        conn.execute(insert(schema.sources).values(id=article.source_id, name=article.source_name, created_at=T0))
    conn.execute(
        insert(schema.articles).values(
            id=article.id, source_id=article.source_id, url=article.url, title=article.title, text=article.text,
            html="", lang=article.lang, published_at=article.published_at, fetched_at=article.published_at,
        )
    )


def test_assignments_round_trip_through_the_database_and_restore(engine, e5):
    samples = [(1, KYIV_STRIKE[0], 0), (2, KYIV_STRIKE[1], 15), (10, RATE_CUT[0], 5)]
    articles = [make_article(i, t, x, lang=lg, source=s, minutes=m) for i, (lg, s, t, x), m in samples]
    index = StoryIndex(e5)
    with engine.begin() as conn:
        for article in articles:
            _store_article(conn, article)
            assignment = index.add(article)
            stories_repo.save_assignment(conn, assignment, index.story(assignment.story_id))

    with engine.connect() as conn:
        story = conn.execute(select(schema.stories).where(schema.stories.c.id == 1)).one()
        assert story.article_count == 2 and story.source_count == 2 and story.first_article_id == 1
        assert story.titles["uk"] and story.category == "war"
        cited = conn.execute(select(schema.citations.c.article_id, schema.citations.c.cited_name)).all()
        assert (2, "Укрінформ") in cited
        cited_source = conn.execute(
            select(schema.citations.c.cited_source_id).where(schema.citations.c.cited_name == "Укрінформ")
        ).scalar_one()
        assert cited_source == 1  # the cited outlet is a known source: the edge points at it
        rows = stories_repo.load_window(conn, T0 - timedelta(hours=1))
        next_id = stories_repo.next_story_id(conn)
    assert [r.id for r in rows] == [1, 10, 2]
    assert rows[0].published_at.tzinfo is not None

    restored = StoryIndex(e5)
    restored.restore(rows, next_story_id=next_id)
    ru = make_article(3, *KYIV_STRIKE[2][2:], lang="ru", minutes=60)
    assert restored.add(ru).story_id == index.add(ru).story_id == 1


def test_saving_an_assignment_for_a_missing_article_is_a_storage_error(engine, e5):
    index = StoryIndex(e5)
    assignment = index.add(make_article(99, *RATE_CUT[0][2:]))
    with engine.begin() as conn, pytest.raises(StorageError, match="article 99"):
        stories_repo.save_assignment(conn, assignment, index.story(assignment.story_id))
