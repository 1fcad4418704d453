"""Bad article pages fail alone: a clear error on their entry, retried later; the rest is stored."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from loopback import LoopbackSite, Route
from strichka.app import App
from strichka.pipeline.local import crawl_once
from strichka.settings import Settings
from strichka.sources.catalogue import add_feed
from strichka.storage.schema import articles, entries

GOOD = """<html><head><meta charset="windows-1251"><title>Новина</title></head><body>
<nav>Головна | Новини</nav><article><h1>Київ отримав нові тролейбуси</h1>
<p>До столиці прибули двадцять нових тролейбусів, які вийдуть на маршрути вже наступного тижня.</p>
<p>Як передає Укрінформ, машини закупили за кошти міського бюджету та кредиту європейського банку.</p>
<p>Фото: КМДА</p></article><footer>Усі права захищено</footer></body></html>"""


@pytest.fixture
def site():
    s = LoopbackSite()
    yield s
    s.close()


def item(site, n, path):
    return (f"<item><title>item {n}</title><link>{site.url(path)}</link><guid>{path}</guid>"
            f"<pubDate>Sat, 21 Nov 2026 1{n}:00:00 +0000</pubDate></item>")


def test_each_bad_page_gets_its_own_error_and_the_good_one_is_stored(site, database_url, tmp_path):
    site.routes["/good.html"] = Route(200, {"Content-Type": "text/html"}, GOOD.encode("cp1251"))
    site.routes["/gone.html"] = Route(404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>")
    site.routes["/huge.html"] = Route(200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 300_000)
    site.routes["/empty.html"] = Route(200, {"Content-Type": "text/html"}, b"<html><body><nav>menu</nav></body></html>")
    paths = ["/good.html", "/gone.html", "/huge.html", "/empty.html"]
    feed = "".join(item(site, n, p) for n, p in enumerate(paths))
    site.routes["/rss"] = Route(200, {"Content-Type": "application/rss+xml"},
                                f'<rss version="2.0"><channel><title>t</title>{feed}</channel></rss>'.encode())
    settings = Settings.load(environ={}, home=str(tmp_path / "d"), database_url=database_url,
                             allow_private_networks=True, embedder="hash", max_body_bytes=200_000,
                             extract_processes=-1)
    app = App.build(settings)
    with app.engine.begin() as conn:
        add_feed(conn, feed_url=site.url("/rss"), name="Вісті", lang="uk")
    report = asyncio.run(crawl_once(app))
    assert (report.articles_created, report.articles_failed) == (1, 3)
    with app.engine.connect() as conn:
        stored = conn.execute(select(articles.c.text, articles.c.lang)).one()
        errors = {r.url.rsplit("/", 1)[1]: r for r in conn.execute(select(entries).where(entries.c.status == "error"))}
    assert "двадцять нових тролейбусів" in stored.text and stored.lang == "uk"
    assert "Як передає Укрінформ" in stored.text
    assert "404" in errors["gone.html"].error
    assert "200000" in errors["huge.html"].error.replace(",", "").replace(" ", "") or "large" in errors["huge.html"].error
    assert errors["empty.html"].error
    assert all(e.next_attempt_at > datetime.now(UTC) for e in errors.values())

    # The page comes back: once its retry time has come, the entry becomes an article.
    site.routes["/gone.html"] = Route(200, {"Content-Type": "text/html"}, GOOD.replace("двадцять", "тридцять").encode("cp1251"))
    with app.engine.begin() as conn:
        conn.execute(update(entries).values(next_attempt_at=datetime.now(UTC) - timedelta(seconds=1)))
    report = asyncio.run(crawl_once(app))
    assert report.articles_created == 1
    app.close()


def test_an_image_that_failed_for_a_passing_reason_is_mirrored_later_and_the_article_updated(site, database_url, tmp_path):
    import io

    from PIL import Image

    from strichka.storage.schema import images

    buf = io.BytesIO()
    Image.new("RGB", (640, 400), (200, 30, 30)).save(buf, "JPEG")
    more = "<p>Нові машини мають низьку підлогу, кондиціонери та зарядки для телефонів.</p>" * 3
    page = GOOD.replace("<p>Фото: КМДА</p>", more + f'<figure><img src="{site.url("/photo.jpg")}" alt="тролейбус"><figcaption>Фото: КМДА</figcaption></figure>')
    site.routes["/good.html"] = Route(200, {"Content-Type": "text/html"}, page.encode("cp1251"))
    site.routes["/photo.jpg"] = Route(503, {"Content-Type": "text/plain"}, b"busy")
    site.routes["/rss"] = Route(200, {"Content-Type": "application/rss+xml"},
                                f'<rss version="2.0"><channel><title>t</title>{item(site, 1, "/good.html")}</channel></rss>'.encode())
    settings = Settings.load(environ={}, home=str(tmp_path / "d"), database_url=database_url,
                             allow_private_networks=True, embedder="hash", extract_processes=-1)
    app = App.build(settings)
    with app.engine.begin() as conn:
        add_feed(conn, feed_url=site.url("/rss"), name="Вісті", lang="uk")
    asyncio.run(crawl_once(app))
    with app.engine.connect() as conn:
        image = conn.execute(select(images)).one()
        html = conn.scalar(select(articles.c.html))
    assert image.status == "error" and "503" in image.error
    assert site.url("/photo.jpg") in html  # the original URL stays as the fallback

    site.routes["/photo.jpg"] = Route(200, {"Content-Type": "image/jpeg"}, buf.getvalue())
    with app.engine.begin() as conn:
        conn.execute(update(images).values(next_attempt_at=datetime.now(UTC) - timedelta(seconds=1)))
    report = asyncio.run(crawl_once(app))
    assert report.images_recovered == 1
    with app.engine.connect() as conn:
        image = conn.execute(select(images)).one()
        html = conn.scalar(select(articles.c.html))
    assert image.status == "ok" and f"/media/{image.key}" in html
    app.close()


def test_a_bug_met_on_one_page_fails_that_entry_only(site, tmp_path, monkeypatch):
    from strichka.pipeline import process

    real = process.extract_page

    def flaky(html, **kwargs):
        if "boom" in kwargs["url"]:
            raise RuntimeError("parser tripped")
        return real(html, **kwargs)

    monkeypatch.setattr(process, "extract_page", flaky)
    site.routes["/good.html"] = Route(200, {"Content-Type": "text/html"}, GOOD.encode("cp1251"))
    site.routes["/boom.html"] = Route(200, {"Content-Type": "text/html"}, GOOD.encode("cp1251"))
    feed = item(site, 1, "/good.html") + item(site, 2, "/boom.html")
    site.routes["/rss"] = Route(200, {"Content-Type": "application/rss+xml"},
                                f'<rss version="2.0"><channel><title>t</title>{feed}</channel></rss>'.encode())
    settings = Settings.load(environ={}, home=str(tmp_path / "d"), allow_private_networks=True,
                             embedder="hash", extract_processes=-1)
    app = App.build(settings)
    with app.engine.begin() as conn:
        add_feed(conn, feed_url=site.url("/rss"), name="Вісті", lang="uk")
    report = asyncio.run(crawl_once(app))
    assert (report.articles_created, report.articles_failed) == (1, 1)
    with app.engine.connect() as conn:
        error = conn.scalar(select(entries.c.error).where(entries.c.url.like("%boom%")))
    assert "RuntimeError: parser tripped" in error
    app.close()
