"""When the operator deletes reports (an outlet removed, `strichka articles remove`), their stories
show what is left: the removed outlet's headline, count and first report go, an emptied story goes,
and the live stories window forgets them so the next report does not bring them back."""

from __future__ import annotations

import time

from sqlalchemy import insert, select
from stories_samples import KYIV_STRIKE, T0, make_article

from strichka.pipeline.story_step import drop_deleted_articles, removals_watch
from strichka.sources.catalogue import remove_source
from strichka.storage import schema, stories_repo
from strichka.storage.articles_repo import delete_article
from strichka.stories import StoryIndex


def _store(engine, index, articles):
    with engine.begin() as conn:
        for article in articles:
            conn.execute(insert(schema.sources).values(id=article.source_id, name=article.source_name, created_at=T0))
            conn.execute(insert(schema.articles).values(
                id=article.id, source_id=article.source_id, url=article.url, title=article.title, text=article.text,
                html="", lang=article.lang, published_at=article.published_at, fetched_at=article.published_at,
            ))
            assignment = index.add(article)
            stories_repo.save_assignment(conn, assignment, index.story(assignment.story_id))


def _story(engine, story_id):
    with engine.connect() as conn:
        return conn.execute(select(schema.stories).where(schema.stories.c.id == story_id)).first()


def test_removing_an_outlet_rebuilds_its_stories_from_the_other_reports(engine, e5):
    reports = [make_article(n + 1, t, x, lang=lg, source=s, minutes=15 * n) for n, (lg, s, t, x) in enumerate(KYIV_STRIKE)]
    index = StoryIndex(e5)
    _store(engine, index, reports)
    before = _story(engine, 1)
    assert before.article_count == 4 and before.first_source_id == 1 and before.titles["uk"] in (
        reports[0].title, reports[1].title)
    watch = removals_watch(engine)

    with engine.begin() as conn:
        removal = remove_source(conn, 1)  # Укрінформ, the first to report
    assert (removal.articles, removal.stories_rebuilt, removal.stories_deleted) == (1, 1, 0)
    assert "1 stories rebuilt" in removal.summary()

    after = _story(engine, 1)
    assert after.article_count == 3 and after.source_count == 3
    assert after.first_article_id == 2 and after.first_source_id == 2  # УНІАН is now the earliest
    assert after.titles["uk"] == reports[1].title  # the only Ukrainian report left
    assert set(after.languages.split(",")) == {"uk", "ru", "en"}

    assert watch.moved(time.monotonic())  # the window's owner hears of it
    assert drop_deleted_articles(index, engine) == 1
    assert index.story(1).article_ids == (2, 3, 4)
    with engine.begin() as conn:  # the next report's save does not bring the removed one back
        later = make_article(5, KYIV_STRIKE[0][2], KYIV_STRIKE[0][3], lang="uk", source="Інше видання", minutes=90)
        conn.execute(insert(schema.sources).values(id=5, name=later.source_name, created_at=T0))
        conn.execute(insert(schema.articles).values(
            id=5, source_id=5, url=later.url, title=later.title, text=later.text, html="", lang="uk",
            published_at=later.published_at, fetched_at=later.published_at,
        ))
        assignment = index.add(later)
        stories_repo.save_assignment(conn, assignment, index.story(assignment.story_id))
    assert assignment.story_id == 1 and _story(engine, 1).article_count == 4 and _story(engine, 1).first_source_id == 2


def test_deleting_every_report_of_a_story_deletes_the_story(engine, e5):
    reports = [make_article(n + 1, t, x, lang=lg, source=s, minutes=15 * n) for n, (lg, s, t, x) in enumerate(KYIV_STRIKE[:2])]
    _store(engine, StoryIndex(e5), reports)
    with engine.begin() as conn:
        assert delete_article(conn, 1)
    assert _story(engine, 1).article_count == 1 and _story(engine, 1).title == reports[1].title
    with engine.begin() as conn:
        assert delete_article(conn, 2)
        assert not delete_article(conn, 2)
    assert _story(engine, 1) is None


def test_a_report_deleted_just_after_the_windows_check_is_not_written_back(engine, e5):
    """The deletion commits between the stories owner's look at the counter and its save: the save
    itself finds the report gone, rebuilds the story and makes the window forget it."""
    from strichka.pipeline.story_step import save_assignment

    reports = [make_article(n + 1, t, x, lang=lg, source=s, minutes=15 * n) for n, (lg, s, t, x) in enumerate(KYIV_STRIKE)]
    index = StoryIndex(e5)
    _store(engine, index, reports[:2])
    with engine.begin() as conn:  # the window has not heard of this one yet
        conn.execute(schema.articles.delete().where(schema.articles.c.id == 1))  # no rebuild, no counter
    with engine.begin() as conn:
        conn.execute(insert(schema.sources).values(id=3, name=reports[2].source_name, created_at=T0))
        conn.execute(insert(schema.articles).values(
            id=3, source_id=3, url=reports[2].url, title=reports[2].title, text=reports[2].text, html="",
            lang="ru", published_at=reports[2].published_at, fetched_at=reports[2].published_at,
        ))
    assignment = index.add(reports[2])
    assert 1 in index.story(assignment.story_id).article_ids  # what the save is handed
    save_assignment(engine, assignment, index.story(assignment.story_id), index)
    story = _story(engine, assignment.story_id)
    assert story.article_count == 2 and story.first_article_id == 2
    assert index.story(assignment.story_id).article_ids == (2, 3)


def test_on_postgresql_a_removal_waits_for_a_placement_into_the_same_story(engine, e5):
    """Stories are locked before their reports are deleted, so the rebuild sees a placement in flight."""
    import pytest
    from sqlalchemy import text, update
    from sqlalchemy.exc import OperationalError

    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer: a removal and a placement never overlap there")
    reports = [make_article(n + 1, t, x, lang=lg, source=s, minutes=15 * n) for n, (lg, s, t, x) in enumerate(KYIV_STRIKE[:2])]
    _store(engine, StoryIndex(e5), reports)
    with engine.connect() as placing, engine.connect() as removing:
        placing.begin()
        placing.execute(update(schema.stories).where(schema.stories.c.id == 1).values(article_count=3))  # in flight
        removing.begin()
        removing.execute(text("SET LOCAL lock_timeout = '200ms'"))
        with pytest.raises(OperationalError, match="lock timeout"):
            stories_repo.stories_of_articles(removing, schema.articles.c.source_id == 1)
        removing.rollback()
        placing.rollback()
