"""JSON API: the fields issue 2 promises, cursor pagination, ETag/304, 400s and 404s."""

from __future__ import annotations


def test_article_json_has_every_promised_field(client, site):
    article_id = site.article_ids["rockets_uk"]
    data = client.get(f"/api/v1/articles/{article_id}").json()
    assert data["id"] == article_id
    assert data["url"] == "https://visti.example/news/rockets_uk"
    assert data["permalink"] == f"http://strichka.test/article/{article_id}"
    assert data["title"] == "Міністр оборони обговорив постачання ракет для ППО"
    assert data["source"] == {"id": site.source_ids["uk"], "name": "Вісті Дніпра"}
    assert data["lang"] == "uk"
    assert data["published_at"].endswith("+00:00")
    assert "ракетами" in data["text"] and data["html"].startswith("<p>")
    key = site.image_keys["rockets_uk"]
    lead = data["lead_image"]
    assert lead["original_url"] == "https://cdn.example/rockets_uk.jpg"
    assert lead["key"] == key and lead["url"] == f"http://strichka.test/media/{key}"
    assert [img["original_url"] for img in data["images"]] == ["https://cdn.example/rockets_uk.jpg"]
    assert data["images"][0]["credit"] == "Фото: Міноборони"


def test_unmirrored_image_has_null_url_and_key(client, site):
    data = client.get(f"/api/v1/articles/{site.article_ids['grain_ru']}").json()
    assert data["images"][0]["url"] is None and data["images"][0]["key"] is None
    assert data["images"][0]["original_url"] == "https://cdn.example/grain_ru.jpg"


def test_article_list_cursor_walks_all_articles_newest_first(client, site):
    ids, stamps, url = [], [], "/api/v1/articles?limit=5"
    while url:
        page = client.get(url).json()
        ids += [item["id"] for item in page["items"]]
        stamps += [item["published_at"] for item in page["items"]]
        url = f"/api/v1/articles?limit=5&cursor={page['next_cursor']}" if page["next_cursor"] else None
    assert sorted(ids) == sorted(site.article_ids.values()) and len(ids) == len(set(ids))
    assert stamps == sorted(stamps, reverse=True)


def test_etag_and_304(client):
    first = client.get("/api/v1/articles")
    etag = first.headers["etag"]
    again = client.get("/api/v1/articles", headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b""
    assert client.get("/api/v1/articles", headers={"if-none-match": '"other"'}).status_code == 200


def test_stories_sources_categories_search(client, site):
    stories = client.get("/api/v1/stories").json()["items"]
    assert {s["id"] for s in stories} == set(site.story_ids.values())
    story = client.get(f"/api/v1/stories/{site.story_ids['rockets']}").json()
    assert [a["id"] for a in story["articles"]][0] == site.article_ids["rockets_uk"]
    assert story["first_source"]["name"] == "Вісті Дніпра"
    ru = next(a for a in story["articles"] if a["id"] == site.article_ids["rockets_ru"])
    assert ru["cites"] == [{"name": "Вісті Дніпра", "source_id": site.source_ids["uk"]}]
    sources = client.get("/api/v1/sources").json()["items"]
    broken = next(s for s in sources if s["id"] == site.source_ids["ru"])
    assert broken["feeds"][0]["status"] == "error"
    cats = {c["slug"]: c for c in client.get("/api/v1/categories").json()["items"]}
    assert cats["economy"]["labels"] == {"uk": "Економіка", "ru": "Экономика", "en": "Economy"}
    assert cats["economy"]["article_count"] == 4
    found = client.get("/api/v1/search", params={"q": "ракетами", "lang": "uk"}).json()
    assert [i["id"] for i in found["items"]] == [site.article_ids["rockets_uk"]]
    assert "<mark>" in found["items"][0]["snippet_html"]


def test_api_errors_are_json(client):
    missing = client.get("/api/v1/articles/424242")
    assert missing.status_code == 404 and missing.json()["error"]
    for url in ("/api/v1/articles?limit=0", "/api/v1/articles?limit=x", "/api/v1/articles?cursor=zzz",
                "/api/v1/articles/abc", "/api/v1/search", "/api/v1/search?q=a&sort=up",
                "/api/v1/search?q=a&from=31-12-2025", "/api/v1/stories?cursor=%00"):
        page = client.get(url)
        assert page.status_code == 400, url
        assert page.headers["content-type"].startswith("application/json")
        assert page.json()["error"]


def test_openapi_lists_api_only(client):
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/articles/{article_id}" in spec["paths"]
    assert "/api/v1/search" in spec["paths"]
    assert not [p for p in spec["paths"] if not p.startswith("/api/v1/")]
