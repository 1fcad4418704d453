"""Reader pages over the small dataset: what a reader sees and relies on."""

from __future__ import annotations

import re


def test_home_shows_top_stories_largest_first_then_latest_feed(client, site):
    page = client.get("/")
    assert page.status_code == 200
    html = page.text
    rockets = html.index(f'href="/story/{site.story_ids["rockets"]}"')
    grain = html.index(f'href="/story/{site.story_ids["grain"]}"')
    assert rockets < grain  # higher score first
    assert "Міністр оборони обговорив постачання ракет для ППО" in html  # uk headline of the story
    assert "3 видання" in html  # plural form in Ukrainian
    latest = html[html.index('id="latest-h"'):]
    newest = latest.index(f'/article/{site.article_ids["noimage_en"]}"')
    older = latest.index(f'/article/{site.article_ids["culture_uk"]}"')
    assert newest < older


def test_home_without_stories_falls_back_to_latest_articles(client, site):
    from sqlalchemy import delete

    from strichka.storage.schema import stories

    with site.app.engine.begin() as conn:
        conn.execute(delete(stories))
    html = client.get("/").text
    top = html[html.index('id="top-h"'):html.index('id="latest-h"')]
    assert f'/article/{site.article_ids["noimage_en"]}"' in top


def test_home_pagination_by_cursor_reaches_every_article_once(client, site):
    seen: list[str] = []
    url = "/"
    for _ in range(10):
        html = client.get(url).text
        feed = html[html.index('id="latest-h"'):]
        seen += re.findall(r'<h3 class="card-title"><a href="/article/(\d+)"', feed)
        more = re.search(r'href="/\?cursor=([^"]+)"', feed)
        if not more:
            break
        url = "/?cursor=" + more.group(1)
    assert sorted(map(int, seen)) == sorted(site.article_ids.values())


def test_article_page_has_seed_shape(client, site):
    html = client.get(f"/article/{site.article_ids['rockets_uk']}").text
    assert '<h1 class="article-title">Міністр оборони обговорив постачання ракет для ППО</h1>' in html
    key = site.image_keys["rockets_uk"]
    assert f'src="/media/{key[:-4]}.w320.webp"' in html or f'/media/{key}' in html  # lead image from the mirror
    assert 'srcset="/media/' in html and 'width="960" height="540"' in html
    assert "Як передає Укрінформ" in html  # credit line kept
    assert "Фото: Міноборони" in html  # photo credit
    assert 'href="https://visti.example/news/rockets_uk"' in html  # link to the original
    assert 'src="https://visti.example/' not in html  # nothing hot-linked from the outlet, icon included
    assert re.search(r'<time datetime="20\d\d-\d\d-\d\dT[^"]+\+00:00"', html)
    related = html[html.index('id="rel-h"'):]
    assert f'/article/{site.article_ids["rockets_ru"]}"' in related
    assert f'/article/{site.article_ids["rockets_en"]}"' in related
    assert f'/story/{site.story_ids["rockets"]}"' in html


def test_related_puts_same_story_before_same_category(client, site):
    html = client.get(f"/article/{site.article_ids['grain_uk']}").text
    related = html[html.index('id="rel-h"'):]
    story_pos = related.index(f'/article/{site.article_ids["grain_en"]}"')
    category_pos = related.index(f'/article/{site.article_ids["hostile_uk"]}"')
    assert story_pos < category_pos
    assert f'/article/{site.article_ids["tech_uk"]}"' not in related


def test_unmirrored_image_falls_back_to_original_url(client, site):
    html = client.get(f"/article/{site.article_ids['grain_ru']}").text
    assert 'src="https://cdn.example/grain_ru.jpg"' in html


def test_titles_are_escaped_everywhere(client, site):
    article_id = site.article_ids["hostile_uk"]
    for url in ("/", f"/article/{article_id}", "/category/economy", f"/source/{site.source_ids['uk']}"):
        html = client.get(url).text
        assert "<script>alert" not in html, url
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html, url
    assert "<b>зростуть</b>" not in client.get(f"/article/{article_id}").text


def test_story_page_full_coverage(client, site):
    html = client.get(f"/story/{site.story_ids['rockets']}").text
    order = [html.index(f'/article/{site.article_ids[k]}"') for k in ("rockets_uk", "rockets_ru", "rockets_en")]
    assert order == sorted(order)  # time order, oldest first
    assert "Першим повідомив" in html and "Вісті Дніпра" in html
    assert "is-first" in html
    assert "посилається на" in html and "Ukrinform" in html
    for code in ("UK", "RU", "EN"):
        assert f">{code}</span>" in html


def test_source_page_lists_articles_and_feed_health(client, site):
    html = client.get(f"/source/{site.source_ids['ru']}").text
    assert "Киевский курьер" in html
    assert "HTTP 503" in html and "status-error" in html
    assert f'/article/{site.article_ids["sport_ru"]}"' in html
    assert f'/article/{site.article_ids["tech_uk"]}"' not in html


def test_category_and_archive_pages(client, site):
    html = client.get("/category/economy").text
    assert f'/article/{site.article_ids["grain_uk"]}"' in html
    assert f'/article/{site.article_ids["sport_ru"]}"' not in html
    day = site.now.astimezone(__import__("zoneinfo").ZoneInfo("Europe/Kyiv")).date().isoformat()
    page = client.get(f"/archive/{day}")
    assert page.status_code == 200
    assert client.get("/archive", follow_redirects=False).status_code == 302
    assert client.get("/category/nonsense").status_code == 404


def test_search_page_finds_inflected_forms_with_highlights(client, site):
    html = client.get("/search", params={"q": "ракета"}).text
    assert f'/article/{site.article_ids["rockets_uk"]}"' in html
    assert "<mark>" in html
    russian = client.get("/search", params={"q": "ракетами", "lang": "ru"}).text  # finds «ракеты», «ракет»
    assert f'/article/{site.article_ids["rockets_ru"]}"' in russian
    filtered = client.get("/search", params={"q": "ракета", "lang": "ru"}).text
    assert f'/article/{site.article_ids["rockets_ru"]}"' in filtered
    assert f'/article/{site.article_ids["rockets_uk"]}"' not in filtered


def test_search_odd_input_is_handled(client):
    for q in ['"unclosed', "AND OR NOT (", "ракета* ^ NEAR(", "x" * 499, "Київ Kyiv Киев"]:
        assert client.get("/search", params={"q": q}).status_code in (200, 400), q
    assert client.get("/search", params={"q": "x" * 600}).status_code == 400


def test_unknown_ids_are_404_in_reader_language(client):
    page = client.get("/article/987654")
    assert page.status_code == 404
    assert "Сторінку не знайдено" in page.text
    page = client.get("/story/987654", headers={"accept-language": "ru"})
    assert page.status_code == 404 and "Страница не найдена" in page.text
    assert client.get("/article/99999999999999999999999999").status_code == 404
    assert client.get("/source/0").status_code == 404


def test_malformed_query_parameters_are_400_not_500(client):
    for url in ("/?cursor=@@@", "/?cursor=bm90LWEtY3Vyc29y", "/search?q=x&sort=sideways", "/search?q=x&from=yesterday",
                "/search?q=x&source=abc", "/search?q=x&page=-1", "/search?q=x&lang=xx",
                "/search?q=x&from=2026-02-01&to=2026-01-01", "/archive/2026-13-45"):
        page = client.get(url)
        assert page.status_code == 400, url
        assert "Неправильний запит" in page.text


def test_media_route_serves_mirrored_images(client, site):
    key = site.image_keys["rockets_uk"]
    image = client.get(f"/media/{key}")
    assert image.status_code == 200 and image.headers["content-type"] == "image/jpeg"
    again = client.get(f"/media/{key}", headers={"if-none-match": image.headers["etag"]})
    assert again.status_code == 304
    assert client.get("/media/feed/1/missing.jpg").status_code == 404


def test_pages_carry_a_content_security_policy(client, site):
    page = client.get(f"/article/{site.article_ids['rockets_uk']}")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self' 'sha256-" in policy and "object-src 'none'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"


def test_inline_body_images_get_size_and_thumbnails(client, site):
    from sqlalchemy import update

    from strichka.storage.schema import articles

    key = site.image_keys["grain_en"]
    body = f'<p>Ports.</p><figure><img src="/media/{key}" alt="Port of Odesa"><figcaption>Port</figcaption></figure>'
    with site.app.engine.begin() as conn:
        conn.execute(update(articles).where(articles.c.id == site.article_ids["grain_en"]).values(html=body))
    html = client.get(f"/article/{site.article_ids['grain_en']}").text
    tag = html[html.index("<img loading"):].split(">")[0]
    assert f'src="/media/{key}"' in tag and 'width="960" height="540"' in tag
    assert f"/media/{key[:-4]}.w320.webp 320w" in tag and 'alt="Port of Odesa"' in tag
    assert 'class="lead"' not in html  # the lead image is in the body: not shown twice
