"""The Searcher contract, run against SQLite FTS5 and PostgreSQL (see conftest.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from search_support import BASE_TIME, AddArticles
from sqlalchemy import Engine, delete, update

from strichka.search import Searcher, SearchPage, SearchQuery, SearchQueryError
from strichka.storage.schema import articles


def found(searcher: Searcher, text: str, **filters: object) -> list[int]:
    return [hit.article_id for hit in searcher.search(SearchQuery(text, **filters)).hits]  # type: ignore[arg-type]


def test_ukrainian_query_finds_inflected_forms(searcher: Searcher, add_articles: AddArticles) -> None:
    ids = add_articles(
        {"title": "Нічна атака", "text": "Над Києвом збили ракети."},
        {"title": "Удар по Одесі", "text": "Ворог атакував порт ракетами."},
        {"title": "Новини ППО", "text": "Зенітники влучили ракетою в ціль."},
        {"title": "Погода", "text": "Завтра у Львові дощ і вітер."},
    )
    assert sorted(found(searcher, "ракета")) == sorted(ids[:3])
    assert sorted(found(searcher, "ракетами")) == sorted(ids[:3])


def test_russian_query_finds_inflected_forms(searcher: Searcher, add_articles: AddArticles) -> None:
    ids = add_articles(
        {"title": "Ночная атака", "text": "Над городом сбили ракеты.", "lang": "ru"},
        {"title": "Удар по порту", "text": "Противник атаковал порт ракетами.", "lang": "ru"},
        {"title": "Погода", "text": "Завтра в Харькове ожидается дождь.", "lang": "ru"},
    )
    assert sorted(found(searcher, "ракета")) == sorted(ids[:2])
    assert found(searcher, "дождями") == [ids[2]]


def test_english_query_finds_singular_and_plural(searcher: Searcher, add_articles: AddArticles) -> None:
    ids = add_articles(
        {"title": "Air defence", "text": "A missile was shot down over the capital.", "lang": "en"},
        {"title": "Markets", "text": "Stocks rallied on Friday.", "lang": "en"},
    )
    assert found(searcher, "missiles") == [ids[0]]


def test_apostrophes_and_yo_are_unified(searcher: Searcher, add_articles: AddArticles) -> None:
    ids = add_articles(
        {"title": "Ринок", "text": "На ринку з’явилася м’ята."},
        {"title": "Праздник", "text": "На площади поставили ёлку.", "lang": "ru"},
    )
    assert found(searcher, "з'явилася") == [ids[0]]
    assert found(searcher, "мʼята") == [ids[0]]
    assert found(searcher, "елка") == [ids[1]]


def test_mixed_script_query_needs_every_word(searcher: Searcher, add_articles: AddArticles) -> None:
    ids = add_articles(
        {"title": "Зеленський у Брюсселі", "text": "Президент зустрівся з NATO Secretary General."},
        {"title": "Зеленський у Києві", "text": "Президент провів нараду."},
    )
    assert found(searcher, "Зеленського NATO") == [ids[0]]


def test_filters_by_source_language_category_and_dates(searcher: Searcher, add_articles: AddArticles) -> None:
    a, b, c, d = add_articles(
        {"title": "Ракети", "text": "Текст.", "source_id": 1, "lang": "uk", "category": "war"},
        {"title": "Ракеты", "text": "Текст.", "source_id": 2, "lang": "ru", "category": "war"},
        {"title": "Ракети", "text": "Текст.", "source_id": 2, "lang": "uk", "category": "tech"},
        {"title": "Missiles", "text": "Text.", "source_id": 3, "lang": "en", "category": "war"},
    )
    assert sorted(found(searcher, "ракета", source_ids=(2,))) == sorted([b, c])
    assert found(searcher, "ракета", langs=("ru",)) == [b]
    assert sorted(found(searcher, "ракета", categories=("war",))) == sorted([a, b])
    published = {i: BASE_TIME + timedelta(hours=n) for n, i in enumerate([a, b, c, d], start=1)}
    window = {"date_from": published[b], "date_to": published[c]}  # from inclusive, to exclusive
    assert found(searcher, "ракета", **window) == [b]
    assert found(searcher, "missile", source_ids=(3,), langs=("en",), categories=("war",)) == [d]
    assert found(searcher, "missile", source_ids=(1,)) == []


def test_sort_by_date_and_by_relevance(searcher: Searcher, add_articles: AddArticles) -> None:
    in_body, in_title_and_body, in_body_late = add_articles(
        {"title": "Зведення за добу", "text": "Серед іншого, згадали про дрони. Решта новин про погоду."},
        {"title": "Атака дронів на Харків", "text": "Дрони атакували місто вночі, дрон влучив у будинок."},
        {"title": "Огляд тижня", "text": "Економіка, спорт, культура і трохи про дрони."},
    )
    by_date = found(searcher, "дрон", sort="date")
    assert by_date == [in_body_late, in_title_and_body, in_body]
    by_relevance = found(searcher, "дрон", sort="relevance")
    assert by_relevance[0] == in_title_and_body
    scores = [hit.score for hit in searcher.search(SearchQuery("дрон")).hits]
    assert scores == sorted(scores, reverse=True)


def test_paging_reports_the_total(searcher: Searcher, add_articles: AddArticles) -> None:
    add_articles(*({"title": f"Вибори {n}", "text": "Про вибори."} for n in range(25)))
    add_articles({"title": "Інше", "text": "Ні про що."})
    pages = [searcher.search(SearchQuery("вибори", sort="date", limit=10, offset=o)) for o in (0, 10, 20, 30)]
    assert [len(p.hits) for p in pages] == [10, 10, 5, 0]
    assert {p.total for p in pages} == {25}
    seen = [hit.article_id for p in pages for hit in p.hits]
    assert len(set(seen)) == 25


def test_snippet_marks_inflected_forms_and_escapes_text(searcher: Searcher, add_articles: AddArticles) -> None:
    add_articles(
        {
            "title": "Обстріл",
            "text": "Перше речення без збігів. Ворог випустив <b>ракети</b> & дрони, а ППО збила ракетою одну.",
        }
    )
    (hit,) = searcher.search(SearchQuery("ракета")).hits
    assert "<mark>ракети</mark>" in hit.snippet_html
    assert "<mark>ракетою</mark>" in hit.snippet_html
    assert "&lt;b&gt;" in hit.snippet_html and "&amp;" in hit.snippet_html
    assert "<b>" not in hit.snippet_html
    assert "Перше речення" not in hit.snippet_html  # the sentence with the matches is shown


@pytest.mark.parametrize(
    "hostile",
    [
        '"',
        '"ракета',
        "*",
        "ракет*",
        "NEAR(ракета дрон",
        "ракета NEAR/2 дрон",
        "-ракета",
        "ракета -дрон",
        "(ракета",
        "ракета AND",
        "AND OR NOT",
        "title:ракета",
        "{title}: ракета",
        "^ракета",
        "ракета' OR 1=1; DROP TABLE articles; --",
        "'); DELETE FROM search_fts; --",
        "ракета & | ! <-> :*",
        "\\ракета\\",
        "😀🚀 ракета 🇺🇦",
        "ракета " * 1000,
        "р" * 5000,
        " ".join(f"слово{n}" for n in range(800)),
        "\x00ракета\x00",
        "ракета\u200bдрон",
        "",
        "   ",
    ],
)
def test_hostile_queries_work_or_are_refused_cleanly(
    searcher: Searcher, add_articles: AddArticles, hostile: str
) -> None:
    add_articles({"title": "Ракета і дрон", "text": "Ракета влучила, дрон збили."})
    try:
        page = searcher.search(SearchQuery(hostile))
    except SearchQueryError as exc:
        assert str(exc)
        return
    assert isinstance(page, SearchPage)
    assert found(searcher, "ракета") != []  # nothing was dropped or deleted


def test_bad_paging_is_refused(searcher: Searcher) -> None:
    for query in (SearchQuery("ракета", limit=0), SearchQuery("ракета", limit=10_000), SearchQuery("ракета", offset=-1)):
        with pytest.raises(SearchQueryError):
            searcher.search(query)


def test_reindex_after_update(engine: Engine, searcher: Searcher, add_articles: AddArticles) -> None:
    (article_id,) = add_articles({"title": "Старий заголовок", "text": "Йшлося про вибори."})
    with engine.begin() as conn:
        conn.execute(
            update(articles).where(articles.c.id == article_id).values(title="Новий заголовок", text="Про футбол.")
        )
        searcher.index_articles(conn, [article_id])
    assert found(searcher, "вибори") == []
    assert found(searcher, "футболу") == [article_id]
    assert searcher.search(SearchQuery("заголовок")).total == 1



def test_filters_follow_later_changes_without_reindex(
    engine: Engine, searcher: Searcher, add_articles: AddArticles
) -> None:
    (article_id,) = add_articles({"title": "Матч", "text": "Про футбол.", "category": None, "lang": "uk"})
    later = BASE_TIME + timedelta(days=40)
    with engine.begin() as conn:  # the stories step sets the category after the article was indexed
        conn.execute(
            update(articles)
            .where(articles.c.id == article_id)
            .values(category="sport", lang="ru", source_id=1, published_at=later)
        )
    assert found(searcher, "футбол", categories=("sport",)) == [article_id]
    assert found(searcher, "футбол", langs=("ru",)) == [article_id]
    assert found(searcher, "футбол", langs=("uk",)) == []
    day = later.replace(hour=0)
    assert found(searcher, "футбол", date_from=day, date_to=day + timedelta(days=1)) == [article_id]
    assert found(searcher, "футбол", date_to=day) == []


def test_remove_and_delete(engine: Engine, searcher: Searcher, add_articles: AddArticles) -> None:
    removed, deleted, kept = add_articles(*({"title": "Енергетика", "text": "Відключення світла."} for _ in range(3)))
    with engine.begin() as conn:
        searcher.remove_articles(conn, [removed])
        conn.execute(delete(articles).where(articles.c.id == deleted))
        searcher.index_articles(conn, [deleted])  # an id that is gone is simply not indexed
    assert found(searcher, "світло") == [kept]


def test_indexing_follows_the_callers_transaction(
    engine: Engine, searcher: Searcher, add_articles: AddArticles
) -> None:
    (article_id,) = add_articles({"title": "Тиша", "text": "Нічого."})
    with pytest.raises(RuntimeError), engine.begin() as conn:
        conn.execute(update(articles).where(articles.c.id == article_id).values(text="Сирени лунали."))
        searcher.index_articles(conn, [article_id])
        raise RuntimeError("the pipeline failed after indexing")
    assert found(searcher, "сирена") == []
    assert found(searcher, "нічого") == [article_id]


def test_rebuild_indexes_everything(searcher: Searcher, add_articles: AddArticles) -> None:
    ids = add_articles(*({"title": f"Театр {n}", "text": "Прем’єра вистави."} for n in range(7)), index=False)
    assert found(searcher, "вистава") == []
    assert searcher.rebuild() == 7
    assert sorted(found(searcher, "вистави", limit=50)) == sorted(ids)


def test_date_ranges_whole_days_open_ends_and_totals(searcher: Searcher, add_articles: AddArticles) -> None:
    days = [BASE_TIME - timedelta(days=400), BASE_TIME - timedelta(days=31), BASE_TIME, BASE_TIME + timedelta(days=2)]
    ids = add_articles(*({"title": "Бюджет", "text": "Про бюджет.", "published_at": day} for day in days))
    midnight = BASE_TIME.replace(hour=0)

    def check(expected: list[int], **window: object) -> None:
        page = searcher.search(SearchQuery("бюджет", sort="date", **window))  # type: ignore[arg-type]
        assert sorted(hit.article_id for hit in page.hits) == sorted(expected)
        assert page.total == len(expected)

    check(ids[2:], date_from=midnight)
    check(ids[:2], date_to=midnight)
    check([ids[2]], date_from=midnight, date_to=midnight + timedelta(days=1))
    check(ids[1:3], date_from=midnight - timedelta(days=60), date_to=midnight + timedelta(hours=13))
    check([], date_from=midnight, date_to=midnight)


def test_query_words_never_match_filter_data(searcher: Searcher, add_articles: AddArticles) -> None:
    add_articles({"title": "Новина", "text": "Текст.", "source_id": 7, "category": "war", "lang": "uk"})
    for probe in ("s7", "7", "war", "uk", "d20261101", "facets"):
        assert found(searcher, probe) == [], probe


def test_total_is_counted_up_to_the_cap(
    searcher: Searcher, add_articles: AddArticles, monkeypatch: pytest.MonkeyPatch
) -> None:
    import strichka.search.postgres
    import strichka.search.sqlite_fts

    for backend in (strichka.search.sqlite_fts, strichka.search.postgres):
        monkeypatch.setattr(backend, "TOTAL_CAP", 4)
    add_articles(*({"title": "Мости", "text": "Про міст."} for _ in range(6)))
    assert searcher.search(SearchQuery("міст", limit=2)).total == 4
    assert searcher.search(SearchQuery("міст", limit=2, offset=4)).total == 6  # a last page knows
