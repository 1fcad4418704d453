"""`strichka extract` prints exactly what the pipeline stores for the same page."""

import asyncio
import json

from click.testing import CliRunner
from sqlalchemy import select

from loopback import LoopbackSite, Route
from strichka.app import App
from strichka.cli import cli
from strichka.pipeline.local import crawl_once
from strichka.settings import Settings
from strichka.sources.catalogue import add_feed
from strichka.storage.schema import articles

PAGE = """<html><head><meta charset="windows-1251"><title>Суд оштрафував забудовника</title>
<meta property="article:published_time" content="2026-11-20T08:15:00+02:00"></head><body>
<nav>Головна | Київ | Політика | Економіка</nav><div class="cookie">Ми використовуємо cookies</div>
<article><h1>Суд оштрафував забудовника за знесення особняка на Подолі</h1>
<p>Господарський суд Києва оштрафував забудовника на 3,4 мільйона гривень за знесення особняка XIX століття.</p>
<p>Як передає Укрінформ, рішення ухвалили в четвер; компанія має 20 днів, щоб оскаржити його.</p>
<p>Міська рада вимагає відновити фасад будинку за збереженими кресленнями архітектора.</p>
<p>Фото: Київська міська рада</p></article>
<aside><h3>Читайте також</h3><a href="/a">Інша новина</a></aside><footer>© 2026 Вісті</footer></body></html>"""


def test_cli_output_equals_the_stored_article(tmp_path):
    site = LoopbackSite()
    try:
        body = PAGE.encode("cp1251")
        site.routes["/news/1.html"] = Route(200, {"Content-Type": "text/html; charset=windows-1251"}, body)
        feed = (f'<rss version="2.0"><channel><title>Вісті</title><item><title>Суд оштрафував забудовника</title>'
                f'<link>{site.url("/news/1.html")}</link><guid>1</guid></item></channel></rss>')
        site.routes["/rss"] = Route(200, {"Content-Type": "application/rss+xml"}, feed.encode())
        settings = Settings.load(environ={}, home=str(tmp_path / "d"), allow_private_networks=True, embedder="hash")
        app = App.build(settings)
        with app.engine.begin() as conn:
            add_feed(conn, feed_url=site.url("/rss"), name="Вісті", lang="uk")
        asyncio.run(crawl_once(app))
        with app.engine.connect() as conn:
            stored = conn.execute(select(articles)).one()
        app.close()

        saved = tmp_path / "page.html"
        saved.write_bytes(body)
        from_file = CliRunner().invoke(cli, ["extract", str(saved), "--url", site.url("/news/1.html")])
        from_url = CliRunner().invoke(
            cli, ["extract", site.url("/news/1.html")], env={"STRICHKA_ALLOW_PRIVATE_NETWORKS": "1"}
        )
    finally:
        site.close()
    for result in (from_file, from_url):
        assert result.exit_code == 0, result.output
        printed = json.loads(result.output)
        assert printed["text"] == stored.text
        assert printed["title"] == stored.title
        assert printed["lang"] == stored.lang == "uk"
        assert "Як передає Укрінформ" in printed["text"] and "Читайте також" not in printed["text"]
    # The stored HTML differs only where images were mirrored; this page has none.
    assert json.loads(from_file.output)["html"] == stored.html
