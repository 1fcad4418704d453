"""A small realistic site: 3 outlets (uk/ru/en), 12 articles, 2 stories, mirrored images, citations.

Built on the real migrations, the real object store (a folder) and the real FTS5 searcher.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PIL import Image
from sqlalchemy import insert

from strichka.app import App
from strichka.media.keys import original_key, thumbnail_key
from strichka.media.store import LocalStore
from strichka.search import open_searcher
from strichka.settings import Settings
from strichka.storage.database import create_db_engine, migrate
from strichka.storage.schema import (
    article_images,
    articles,
    citations,
    feeds,
    images,
    sources,
    stories,
)

ADMIN_PASSWORD = "s3cret-admin"
HOSTILE_TITLE = '<script>alert("x")</script> Ціни & «тарифи» <b>зростуть</b>'


@dataclass
class SiteData:
    app: App
    now: datetime
    source_ids: dict[str, int]
    article_ids: dict[str, int]
    story_ids: dict[str, int]
    image_keys: dict[str, str]


def _jpeg(color: tuple[int, int, int], size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    img = Image.new("RGB", size, color)
    for x in range(0, size[0], 40):  # stripes, so screenshots show a real picture
        for y in range(size[1]):
            img.putpixel((x, y), (255, 255, 255))
    img.save(out, "JPEG", quality=80)
    return out.getvalue()


def _webp(data: bytes, width: int) -> bytes:
    img = Image.open(io.BytesIO(data))
    img = img.resize((width, max(1, img.height * width // img.width)))
    out = io.BytesIO()
    img.save(out, "WEBP")
    return out.getvalue()


ARTICLES = [
    # key, source, lang, hours ago, category, story, title, body paragraphs
    (
        "rockets_uk",
        "uk",
        "uk",
        30,
        "society",
        "rockets",
        "Міністр оборони обговорив постачання ракет для ППО",
        [
            "Як передає Укрінформ, про це міністр повідомив у Фейсбуці.",
            "Партнери готові постачати ракети для систем протиповітряної оборони.",
            "Україна вже отримує ракетами посилені системи NASAMS.",
        ],
    ),
    (
        "rockets_ru",
        "ru",
        "ru",
        28,
        "society",
        "rockets",
        "Министр обороны обсудил поставки ракет для ПВО",
        [
            "Как сообщают Вісті Дніпра, министр написал об этом в Фейсбуке.",
            "Партнеры готовы поставлять ракеты для систем противовоздушной обороны.",
        ],
    ),
    (
        "rockets_en",
        "en",
        "en",
        26,
        "society",
        "rockets",
        "Defence minister discusses air-defence missile supplies",
        [
            "As Ukrinform reports, the minister wrote about it on Facebook.",
            "Partners are ready to supply missiles for air-defence systems.",
        ],
    ),
    (
        "grain_en",
        "en",
        "en",
        12,
        "economy",
        "grain",
        "Grain corridor ships record tonnage in October",
        ["Ports in Odesa region handled a record volume of grain.", "Exporters expect growth."],
    ),
    (
        "grain_uk",
        "uk",
        "uk",
        10,
        "economy",
        "grain",
        "Зерновий коридор: рекордний обсяг експорту в жовтні",
        ["Порти Одещини обробили рекордний обсяг зерна.", "Експортери очікують зростання."],
    ),
    (
        "grain_ru",
        "ru",
        "ru",
        9,
        "economy",
        "grain",
        "Зерновой коридор: рекордный объем экспорта в октябре",
        ["Порты Одесской области обработали рекордный объем зерна."],
    ),
    (
        "tech_uk",
        "uk",
        "uk",
        5,
        "technology",
        None,
        "Український стартап показав дрон для розмінування",
        ["Команда з Харкова представила дрон, що знаходить міни."],
    ),
    (
        "sport_ru",
        "ru",
        "ru",
        4,
        "sports",
        None,
        "Сборная Украины по футболу вышла в плей-офф",
        ["Команда одержала победу в последнем матче группы."],
    ),
    (
        "science_en",
        "en",
        "en",
        3,
        "science",
        None,
        "Kyiv physicists publish a new superconductivity result",
        ["The paper reports a transition at a higher temperature."],
    ),
    (
        "hostile_uk",
        "uk",
        "uk",
        2,
        "economy",
        None,
        HOSTILE_TITLE,
        ["Тарифи на електроенергію можуть змінитися з нового року."],
    ),
    (
        "culture_uk",
        "uk",
        "uk",
        1,
        "culture",
        None,
        "У Львові відкрилася виставка сучасного мистецтва",
        ["Виставка триватиме до кінця місяця."],
    ),
    (
        "noimage_en",
        "en",
        "en",
        0.5,
        "technology",
        None,
        "Open-source news reader reaches version one",
        ["The project now reads hundreds of feeds."],
    ),
]


def build_site(tmp_path: Path, *, admin_password: str = ADMIN_PASSWORD) -> SiteData:
    settings = Settings(home=str(tmp_path), admin_password=admin_password)
    engine = create_db_engine(settings.resolved_database_url)
    migrate(engine)
    store = LocalStore(tmp_path / "media", durable=False)
    app = App(settings=settings, engine=engine, media=store, searcher=open_searcher(engine))
    now = datetime.now(UTC).replace(microsecond=0)
    ids: dict[str, int] = {}
    keys: dict[str, str] = {}
    with engine.begin() as conn:
        src = {}
        for code, name, site in (
            ("uk", "Вісті Дніпра", "https://visti.example"),
            ("ru", "Киевский курьер", "https://kurier.example"),
            ("en", "Kyiv Ledger", "https://ledger.example"),
        ):
            src[code] = conn.execute(
                insert(sources).values(
                    name=name, lang=code, site_url=site, weight=1.0, created_at=now - timedelta(days=30)
                )
            ).inserted_primary_key[0]
        conn.execute(
            insert(feeds),
            [
                dict(
                    source_id=src["uk"],
                    url="https://visti.example/rss.xml",
                    title="Вісті",
                    error_count=0,
                    last_checked_at=now - timedelta(minutes=5),
                    last_success_at=now - timedelta(minutes=5),
                    last_error=None,
                    last_error_at=None,
                    next_check_at=now + timedelta(minutes=10),
                    created_at=now - timedelta(days=30),
                ),
                dict(
                    source_id=src["ru"],
                    url="https://kurier.example/feed",
                    title="Курьер",
                    error_count=3,
                    last_checked_at=now - timedelta(minutes=2),
                    last_success_at=now - timedelta(hours=6),
                    last_error="HTTP 503 (https://kurier.example/feed)",
                    last_error_at=now - timedelta(minutes=2),
                    next_check_at=now + timedelta(hours=1),
                    created_at=now - timedelta(days=30),
                ),
                dict(
                    source_id=src["en"],
                    url="https://ledger.example/atom.xml",
                    title=None,
                    error_count=0,
                    last_checked_at=None,
                    last_success_at=None,
                    last_error=None,
                    last_error_at=None,
                    next_check_at=now,
                    created_at=now - timedelta(days=1),
                ),
            ],
        )
        story_ids = {}
        for key, title in (("rockets", "Поставки ракет для ППО"), ("grain", "Рекордний експорт зерна")):
            story_ids[key] = conn.execute(
                insert(stories).values(
                    title=title,
                    titles={},
                    created_at=now,
                    updated_at=now,
                    score=0.0,
                )
            ).inserted_primary_key[0]
        for n, (key, scode, lang, hours, category, story, title, paras) in enumerate(ARTICLES):
            url = f"https://{ {'uk': 'visti', 'ru': 'kurier', 'en': 'ledger'}[scode] }.example/news/{key}"
            image_url = None if key == "noimage_en" else f"https://cdn.example/{key}.jpg"
            body = "".join(f"<p>{p}</p>" for p in paras)
            article_id = conn.execute(
                insert(articles).values(
                    source_id=src[scode],
                    url=url,
                    title=title,
                    text="\n\n".join(paras),
                    html=body,
                    description=paras[0],
                    lang=lang,
                    published_at=now - timedelta(hours=hours),
                    fetched_at=now,
                    lead_image_url=image_url,
                    credits=[p for p in paras if "передає" in p],
                    feed_categories=[],
                    category=category,
                    is_news=True,
                    story_id=story_ids[story] if story else None,
                    word_count=sum(len(p.split()) for p in paras),
                )
            ).inserted_primary_key[0]
            ids[key] = article_id
            if image_url is None:
                continue
            mirrored = (
                key != "grain_ru"
            )  # one image failed to mirror: the page falls back to its original URL
            data = _jpeg(((n * 40) % 255, 90, 160), (960, 540))
            okey = original_key(src[scode], image_url, "jpg")
            thumbs = {}
            if mirrored:
                store.put(okey, data, "image/jpeg")
                tkey = thumbnail_key(okey, 320)
                store.put(tkey, _webp(data, 320), "image/webp")
                thumbs = {"320": tkey}
                keys[key] = okey
            image_id = conn.execute(
                insert(images).values(
                    original_url=image_url,
                    source_id=src[scode],
                    key=okey if mirrored else None,
                    content_type="image/jpeg",
                    width=960,
                    height=540,
                    byte_size=len(data),
                    thumbnails=thumbs,
                    status="ok" if mirrored else "error",
                    error=None if mirrored else "HTTP 404",
                    created_at=now,
                )
            ).inserted_primary_key[0]
            conn.execute(
                insert(article_images).values(
                    article_id=article_id,
                    image_id=image_id,
                    position=0,
                    caption=f"Ілюстрація: {title[:30]}",
                    credit="Фото: Міноборони" if key == "rockets_uk" else "",
                    alt=title[:60],
                )
            )
        conn.execute(
            insert(citations),
            [
                dict(article_id=ids["rockets_ru"], cited_name="Вісті Дніпра", cited_source_id=src["uk"]),
                dict(article_id=ids["rockets_en"], cited_name="Ukrinform", cited_source_id=None),
            ],
        )
        from sqlalchemy import update

        for key, members, first, titles, score, cat in (
            (
                "rockets",
                ("rockets_uk", "rockets_ru", "rockets_en"),
                "rockets_uk",
                {
                    "uk": "Міністр оборони обговорив постачання ракет для ППО",
                    "ru": "Министр обороны обсудил поставки ракет для ПВО",
                    "en": "Defence minister discusses air-defence missile supplies",
                },
                9.0,
                "society",
            ),
            (
                "grain",
                ("grain_en", "grain_uk", "grain_ru"),
                "grain_en",
                {
                    "uk": "Зерновий коридор: рекордний обсяг експорту",
                    "en": "Grain corridor ships record tonnage",
                },
                5.0,
                "economy",
            ),
        ):
            lead_image = conn.execute(
                images.select().where(images.c.original_url == f"https://cdn.example/{first}.jpg")
            ).first()
            conn.execute(
                update(stories)
                .where(stories.c.id == story_ids[key])
                .values(
                    titles=titles,
                    lang="uk",
                    category=cat,
                    first_article_id=ids[first],
                    first_source_id=src[{"rockets": "uk", "grain": "en"}[key]],
                    article_count=len(members),
                    source_count=len(members),
                    languages="uk,ru,en",
                    score=score,
                    lead_image_id=lead_image.id if lead_image else None,
                )
            )
        app.searcher.index_articles(conn, list(ids.values()))
    return SiteData(app, now, {k: int(v) for k, v in src.items()}, ids, story_ids, keys)
