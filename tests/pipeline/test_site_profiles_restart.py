"""After a restart an outlet's furniture is known from its first page on: profiles outlive the process."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from loopback import LoopbackSite, Route
from strichka.app import App
from strichka.pipeline.local import crawl_once
from strichka.pipeline.process import extract_from_bytes
from strichka.settings import Settings
from strichka.sources.catalogue import add_feed
from strichka.storage.schema import articles, feeds, site_profiles

FURNITURE = "Редакція «Вістей» працює щодня з восьмої ранку до опівночі, листи надсилайте на пошту редакції"
STORIES = [
    ("Київ отримав нові тролейбуси",
     "До столиці прибули двадцять нових тролейбусів, які вийдуть на маршрути вже наступного тижня, "
     "повідомили в міській адміністрації.",
     "Машини закупили за кошти міського бюджету та кредиту європейського банку."),
    ("У Львові відкрили новий міст",
     "Через річку Полтву збудували пішохідний міст завдовжки сто метрів, він з'єднав два житлові масиви "
     "на півночі міста.",
     "Будівництво тривало півтора року й коштувало місту сорок мільйонів гривень."),
    ("Одеса готується до сезону",
     "Міська влада оголосила про ремонт пляжів та нових рятувальних веж уздовж усього узбережжя, "
     "роботи почнуться вже навесні.",
     "Перші відпочивальники очікуються на початку червня, кажуть у мерії."),
    ("Харків відновлює школи",
     "Після обстрілів у місті відремонтували вже дванадцять шкіл, ще вісім чекають на ремонт, "
     "розповіли в департаменті освіти.",
     "Роботи фінансують міжнародні партнери та обласна адміністрація."),
]


def _page(n: int) -> bytes:
    title, lead, more = STORIES[n]
    return f"""<html lang="uk"><head><meta charset="utf-8"><title>{title}</title></head><body>
<nav><a href="/">Головна</a> <a href="/news">Новини</a></nav><article><h1>{title}</h1>
<p>{lead}</p><p>{more}</p><p>{FURNITURE}</p></article></body></html>""".encode()


@pytest.fixture
def site():
    s = LoopbackSite()
    yield s
    s.close()


def _publish(site: LoopbackSite, count: int) -> None:
    for n in range(count):
        site.routes[f"/news/{n}.html"] = Route(200, {"Content-Type": "text/html; charset=utf-8"}, _page(n))
    items = "".join(
        f"<item><title>{STORIES[n][0]}</title><link>{site.url(f'/news/{n}.html')}</link><guid>n{n}</guid>"
        f"<pubDate>Sat, 21 Nov 2026 1{n}:00:00 +0000</pubDate></item>"
        for n in range(count)
    )
    site.routes["/rss"] = Route(200, {"Content-Type": "application/rss+xml"},
                                f'<rss version="2.0"><channel><title>Вісті</title>{items}</channel></rss>'.encode())


def test_after_a_restart_the_first_page_comes_without_the_outlets_furniture(site, database_url, tmp_path):
    last = len(STORIES) - 1
    alone = extract_from_bytes(_page(last), url=site.url(f"/news/{last}.html"), http_charset="utf-8")
    assert FURNITURE in alone.text  # on its own the page cannot tell its furniture from its text

    settings = Settings.load(environ={}, home=str(tmp_path / "d"), database_url=database_url,
                             allow_private_networks=True, embedder="hash", extract_processes=-1)
    _publish(site, last)
    app = App.build(settings)
    with app.engine.begin() as conn:
        add_feed(conn, feed_url=site.url("/rss"), name="Вісті", lang="uk")
    assert asyncio.run(crawl_once(app)).articles_created == last
    app.close()

    _publish(site, last + 1)  # a new story while strichka was down
    app = App.build(settings)  # a new process over the same data
    with app.engine.begin() as conn:
        stored_pages = conn.scalar(select(site_profiles.c.pages).where(site_profiles.c.host == "127.0.0.1"))
        conn.execute(feeds.update().values(next_check_at=datetime.now(UTC) - timedelta(seconds=1)))  # due again
    assert stored_pages == last
    assert asyncio.run(crawl_once(app)).articles_created == 1
    with app.engine.connect() as conn:
        text = conn.scalar(select(articles.c.text).where(articles.c.url == site.url(f"/news/{last}.html")))
    app.close()
    assert STORIES[last][1] in text and STORIES[last][2] in text
    assert FURNITURE not in text
