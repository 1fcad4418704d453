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


def test_expired_page_is_served_once_more_while_it_renders_again(client, site):
    import time

    store = client.app.state.site.pages
    url = f"/source/{site.source_ids['en']}"
    assert "Kyiv Ledger" in client.get(url).text
    with site.app.engine.begin() as conn:
        from strichka.storage.schema import sources

        conn.execute(update(sources).where(sources.c.id == site.source_ids["en"]).values(name="Kyiv Gazette"))
    for key, page in list(store._pages.items()):  # age every page past its TTL, inside the grace
        store._pages[key] = page.__class__(page.status, page.headers, page.body, page.etag, time.monotonic() - 1)
    assert "Kyiv Ledger" in client.get(url).text  # stale answer, refresh started

    async def refreshed() -> None:
        import asyncio

        await asyncio.gather(*store.refreshing)

    client.portal.call(refreshed)
    assert "Kyiv Gazette" in client.get(url).text  # the refreshed page


def test_head_answers_like_get_without_body(client, site):
    got = client.get("/")
    head = client.head("/")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["etag"] == got.headers["etag"]
    assert client.head("/article/424242").status_code == 404


def test_stale_page_asked_twice_is_refreshed_once():
    """Two readers of an expired page before its refresh starts: one render, no failed refresh."""
    import asyncio
    import time

    from strichka.web.page_cache import CachedPage, PageCacheMiddleware, PageStore

    renders = []

    async def main() -> None:
        gate = asyncio.get_running_loop().create_future()

        async def slow_page(scope, receive, send):  # a render that waits on the database
            renders.append(scope["path"])
            await gate
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": b"fresh"})

        store = PageStore(ttl=10.0)
        cache = PageCacheMiddleware(slow_page, store=store, default_lang="uk")
        scope = {"type": "http", "method": "GET", "path": "/story/1", "query_string": b"", "headers": []}
        key = cache._key(scope)
        store.put(key, CachedPage(200, [], b"stale", b'"old"', time.monotonic() - 1))
        bodies = []

        async def receive():
            return {"type": "http.request", "body": b""}

        async def send(message):
            if message["type"] == "http.response.body":
                bodies.append(message["body"])

        await asyncio.gather(cache(dict(scope), receive, send), cache(dict(scope), receive, send))
        assert bodies == [b"stale", b"stale"]
        # the refreshes start (FIFO) before the render is let through
        asyncio.get_running_loop().call_soon(gate.set_result, None)
        outcomes = await asyncio.gather(*store.refreshing, return_exceptions=True)
        assert not [o for o in outcomes if isinstance(o, BaseException)]
        assert store.get(key, time.monotonic()).body == b"fresh"

    asyncio.run(main())
    assert renders == ["/story/1"]
