"""related_cards runs prepared statements with bound parameters: the limit and the exclusions must
follow each call's arguments, not whatever the first call bound."""

from __future__ import annotations

from strichka.web import queries_articles as qa


def _related_ids(site, name: str, limit: int) -> list[int]:
    with site.app.engine.connect() as conn:
        article = qa.article_by_id(conn, site.article_ids[name])
        assert article is not None
        return [c.id for c in qa.related_cards(conn, article.card, limit=limit)]


def test_related_limit_cuts_story_members_first(site):
    ids = site.article_ids
    assert _related_ids(site, "grain_uk", 1) == [ids["grain_ru"]]  # newest other member of the story


def test_related_fills_with_same_category_without_self_or_repeats(site):
    ids = site.article_ids
    found = _related_ids(site, "grain_uk", 8)
    assert found[:2] == [ids["grain_ru"], ids["grain_en"]]  # story members, newest first
    assert ids["hostile_uk"] in found[2:]  # same category, no story
    assert ids["grain_uk"] not in found
    assert ids["tech_uk"] not in found
    assert len(found) == len(set(found))


def test_related_of_article_without_story_excludes_itself(site):
    ids = site.article_ids
    found = _related_ids(site, "hostile_uk", 8)
    assert ids["hostile_uk"] not in found
    assert {ids["grain_en"], ids["grain_uk"], ids["grain_ru"]} <= set(found)
    assert _related_ids(site, "hostile_uk", 2) == found[:2]


def test_related_from_the_category_pool_is_what_the_query_returns(site):
    from strichka.web.category_pool import CategoryPool

    pool = CategoryPool(ttl=60.0, load=qa.newest_in_category)
    with site.app.engine.connect() as conn:
        for name in site.article_ids:
            article = qa.article_by_id(conn, site.article_ids[name])
            assert article is not None
            for limit in (1, 2, 8):
                queried = qa.related_cards(conn, article.card, limit=limit)
                pooled = qa.related_cards(conn, article.card, limit=limit, pool=pool.newest)
                assert [c.id for c in pooled] == [c.id for c in queried], (name, limit)


def test_related_pool_too_short_falls_back_to_the_query(site):
    ids = site.article_ids
    with site.app.engine.connect() as conn:
        article = qa.article_by_id(conn, ids["hostile_uk"])
        assert article is not None
        expected = [c.id for c in qa.related_cards(conn, article.card, limit=8)]
        # a pool holding only the article itself cannot fill the block: the query does
        only_self = lambda _conn, _category: [article.card]  # noqa: E731
        assert [c.id for c in qa.related_cards(conn, article.card, limit=8, pool=only_self)] == expected
