"""The page cache: repeat requests are served from memory, keyed by language; writes clear it."""

from __future__ import annotations

from sqlalchemy import update

from strichka.storage.schema import articles


def test_cached_page_survives_until_cleared(client, site):
    url = f"/article/{site.article_ids['tech_uk']}"
    assert "Український стартап" in client.get(url).text
    with site.app.engine.begin() as conn:
        conn.execute(update(articles).where(articles.c.id == site.article_ids["tech_uk"]).values(title="Новий заголовок"))
    assert "Український стартап" in client.get(url).text  # served from the cache
    client.app.state.site.pages.clear()
    assert "Новий заголовок" in client.get(url).text


def test_cache_is_keyed_by_language(client):
    assert "Головні події" in client.get("/").text
    assert "Top stories" in client.get("/", headers={"accept-language": "en"}).text
    assert "Главные события" in client.get("/", cookies={"lang": "ru"}).text


def test_pages_carry_etags(client):
    first = client.get("/")
    assert client.get("/", headers={"if-none-match": first.headers["etag"]}).status_code == 304


def test_errors_are_not_cached(client, site):
    assert client.get("/article/777777").status_code == 404
    assert client.get("/article/777777").status_code == 404
