"""End to end: the demo news web crawled by the real pipeline, checked against its ground truth.

Runs on the embedded stack (SQLite + media folder) and on the scale-out one (PostgreSQL + S3 on
loopback, when PostgreSQL is reachable): every published article ingested once, with its language and
body text; a re-crawl adds nothing; articles published later arrive on the next pass; images are
mirrored under feed/<source id>/<md5 of the original URL>.<ext>, bad ones refused.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from strichka.app import App
from strichka.demo import DemoClock, start_demo_web
from strichka.pipeline.local import crawl_once
from strichka.runner import subscribe_demo_outlets
from strichka.settings import Settings
from strichka.storage.schema import article_images, articles, entries, images, sources


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def token_f1(truth: str, got: str) -> float:
    from collections import Counter

    t, g = Counter(words(truth)), Counter(words(got))
    common = sum((t & g).values())
    if not common:
        return 0.0
    precision, recall = common / sum(g.values()), common / sum(t.values())
    return 2 * precision * recall / (precision + recall)


@pytest.fixture
def demo_web():
    web = start_demo_web(clock=DemoClock())
    yield web
    web.stop()


@pytest.fixture
def app(database_url, tmp_path, request):
    """The embedded stack (SQLite, media folder, extraction in worker processes) or the scale-out
    one (PostgreSQL, S3 on loopback, extraction in threads): every test here runs on both."""
    scale_out = not database_url.startswith("sqlite")
    settings = Settings.load(
        environ={}, home=str(tmp_path / "data"), database_url=database_url, allow_private_networks=True,
        embedder="hash", fetch_timeout=10.0, extract_processes=-1 if scale_out else 0,
        media_url=request.getfixturevalue("s3_media_url") if scale_out else "",
        s3_endpoint=request.getfixturevalue("s3_server") if scale_out else "",
    )
    app = App.build(settings)
    yield app
    app.close()


def stored_articles(app: App) -> dict[str, dict]:
    query = select(articles, sources.c.name.label("outlet")).join(sources)
    with app.engine.connect() as conn:
        return {row.url: row._asdict() for row in conn.execute(query)}


def test_demo_web_is_ingested_once_with_language_and_body(demo_web, app):
    asyncio.run(subscribe_demo_outlets(app, demo_web))
    asyncio.run(crawl_once(app))
    truth = {r["url"]: r for r in demo_web.ground_truth()}
    published = set(demo_web.published_urls())
    got = stored_articles(app)

    assert set(got) == published, f"missing {published - set(got)}; unexpected {set(got) - published}"
    for url, article in got.items():
        expected = truth[url]
        assert article["lang"] == expected["lang"], url
        assert article["outlet"] == expected["outlet"], url
        assert token_f1(expected["text"], article["text"]) >= 0.9, (url, article["text"][:300])
    scores = [token_f1(truth[u]["text"], a["text"]) for u, a in got.items()]
    assert sum(scores) / len(scores) >= 0.97
    # Credit lines are kept: every «Фото: …»/"Photo: …" line of the truth is in the stored text.
    for url, article in got.items():
        for line in truth[url]["text"].split("\n\n"):
            if re.match(r"^(Фото|Photo)\b", line):
                assert line in article["text"], (url, line)
    # No script or event handler survives into stored HTML.
    assert not any(re.search(r"<script|onerror=|javascript:", a["html"], re.I) for a in got.values())

    # A second pass finds nothing new and duplicates nothing.
    asyncio.run(crawl_once(app, deps=None))
    assert len(stored_articles(app)) == len(published)

    # Time passes on the demo web: the articles published meanwhile arrive on the next pass.
    demo_web.clock.advance(minutes=24 * 60)
    with app.engine.begin() as conn:
        from sqlalchemy import update

        from strichka.storage.schema import feeds

        conn.execute(update(feeds).values(next_check_at=demo_web.clock.now() - timedelta(days=365)))
    asyncio.run(crawl_once(app))
    later = stored_articles(app)
    assert set(later) == set(demo_web.published_urls()) and len(later) > len(published)
    with app.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(entries).where(entries.c.status != "done")) == 0


def test_demo_images_are_mirrored_under_the_key_scheme_and_bad_ones_refused(demo_web, app):
    asyncio.run(subscribe_demo_outlets(app, demo_web))
    asyncio.run(crawl_once(app))
    published = set(demo_web.published_urls())
    truth_images = {
        img["url"]: img for r in demo_web.ground_truth() if r["url"] in published for img in r["images"]
    }
    with app.engine.connect() as conn:
        rows = {r.original_url: r for r in conn.execute(select(images))}
        used = {r.image_id for r in conn.execute(select(article_images))}
    assert set(truth_images) <= set(rows)
    for url, img in truth_images.items():
        row = rows[url]
        assert row.id in used
        if img["bad"]:
            assert row.status == "refused" and row.error, url
            continue
        assert row.status == "ok", (url, row.error)
        md5 = hashlib.md5(url.encode()).hexdigest()
        assert re.fullmatch(rf"feed/{row.source_id}/{md5}\.(jpg|png|webp|gif|avif)", row.key), row.key
        assert app.media.head(row.key) is not None
        for width, key in row.thumbnails.items():
            assert app.media.head(key) is not None, (width, key)
    with app.engine.connect() as conn:  # each outlet's own icon, though they all share one host
        icons = {r.name: r.icon_key for r in conn.execute(select(sources.c.name, sources.c.icon_key))}
    assert all(icons.values()) and len({app.media.get(key) for key in icons.values()}) > len(icons) // 2, icons


def test_a_deleted_article_stays_deleted_after_recrawl(demo_web, app):
    from sqlalchemy import update

    from strichka.storage.articles_repo import delete_article
    from strichka.storage.schema import feeds

    asyncio.run(subscribe_demo_outlets(app, demo_web))
    asyncio.run(crawl_once(app))
    before = stored_articles(app)
    victim = next(iter(before.values()))
    with app.engine.begin() as conn:
        assert delete_article(conn, victim["id"])
        conn.execute(update(feeds).values(next_check_at=None, etag=None, last_modified=None))
    asyncio.run(crawl_once(app))
    after = stored_articles(app)
    assert victim["url"] not in after and len(after) == len(before) - 1


def test_the_same_photo_from_other_outlets_is_found_by_perceptual_hash(demo_web, app):
    from strichka.storage.images_repo import similar_images

    demo_web.clock.advance(minutes=60)
    asyncio.run(subscribe_demo_outlets(app, demo_web))
    asyncio.run(crawl_once(app))
    photo_of = {img["url"]: img["photo"] for r in demo_web.ground_truth() for img in r["images"] if not img["bad"]}
    with app.engine.connect() as conn:
        rows = conn.execute(select(images.c.id, images.c.original_url).where(images.c.status == "ok")).all()
        checked = 0
        for image_id, url in rows:
            same = {u for u, p in photo_of.items() if p == photo_of[url] and u != url}
            if not same:
                continue
            found = {s.original_url for s in similar_images(conn, image_id)}
            assert same <= found, (url, same - found)
            assert all(photo_of[u] == photo_of[url] for u in found), (url, found)
            checked += 1
    assert checked >= 20
