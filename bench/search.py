"""Search: indexing speed and query latency on synthetic uk/ru/en news, SQLite FTS5 backend.

    .venv/bin/python bench/search.py [--json] [--articles N] [--queries Q] [--seed S] [--backend postgres]

Generates N articles (default 100,000) from word lists of real news words, inflected with pymorphy3
(uk, ru) or by hand (en), sampled with a Zipf-like skew; stores them in a temporary SQLite
database (or a throwaway PostgreSQL one) with the real migrations; then
- indexes them with strichka (morphology, every lemma reading) next to the anchor: the database's
  own full-text index over the raw title and text (FTS5 table; to_tsvector('simple') + GIN), no
  morphology — same rows, same run;
- runs Q (default 500) random queries (1–3 words, inflected forms, a fifth with filters, a fifth
  sorted by date) through Searcher.search, snippets included, and prints p50/p95/p99 latency next
  to the same queries as raw words on the anchor index (no snippets). Goal: p95 ≤ 100 ms.
"""

from __future__ import annotations

import argparse
import random
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import pymorphy3
from sqlalchemy import Engine, insert, text

from strichka.search import SearchQuery, open_searcher
from strichka.storage.database import create_db_engine, migrate
from strichka.storage.schema import articles, sources

UK = """війна ракета дрон удар обстріл місто область столиця президент уряд міністр парламент закон
вибори партія депутат армія солдат фронт наступ оборона бригада командир техніка танк артилерія
ворог окупант звільнення населення людина дитина родина лікарня школа університет студент вчитель
економіка бюджет податок ціна гривня долар банк кредит інфляція зарплата пенсія робота підприємство
завод енергетика електроенергія світло газ вугілля нафта відключення генератор зима тепло вода
погода дощ сніг мороз вітер спека літо весна осінь ранок вечір ніч день тиждень місяць рік
футбол матч команда гравець тренер чемпіонат перемога поразка рахунок гол стадіон турнір медаль
культура театр вистава фільм кіно музика концерт співак книга письменник виставка музей художник
суд справа вирок прокурор поліція злочин затримання розслідування корупція хабар слідчий адвокат
дорога міст залізниця потяг літак аеропорт порт корабель зерно експорт імпорт торгівля кордон
переговори угода санкція союзник партнер допомога зброя постачання делегація саміт візит заява
новий великий важливий український російський європейський американський державний місцевий
заявити повідомити розповісти відбутися зробити отримати допомогти захистити збити атакувати
Київ Харків Одеса Львів Дніпро Запоріжжя Херсон Миколаїв Полтава Чернігів Суми Житомир Вінниця"""
RU = """война ракета беспилотник удар обстрел город область столица президент правительство министр
парламент закон выборы партия депутат армия солдат фронт наступление оборона командир техника танк
противник население человек ребёнок семья больница школа университет студент учитель экономика
бюджет налог цена рубль доллар банк кредит инфляция зарплата пенсия работа предприятие завод
энергетика электричество свет газ нефть отключение генератор зима тепло вода погода дождь снег
мороз ветер жара лето весна осень утро вечер ночь день неделя месяц год футбол матч команда игрок
тренер чемпионат победа поражение счёт гол стадион турнир медаль культура театр спектакль фильм
кино музыка концерт певец книга писатель выставка музей художник суд дело приговор прокурор полиция
преступление задержание расследование коррупция взятка следователь адвокат дорога мост железная
поезд самолёт аэропорт порт корабль зерно экспорт импорт торговля граница переговоры соглашение
санкция союзник партнёр помощь оружие поставка делегация саммит визит заявление новый большой
важный украинский российский европейский американский государственный местный заявить сообщить
рассказать состояться сделать получить помочь защитить сбить атаковать Киев Харьков Одесса Москва"""
EN = """war wars missile missiles drone drones strike strikes striking struck attack attacks attacked
city cities region regions capital president presidents government governments minister ministers
parliament law laws election elections party parties army armies soldier soldiers front offensive
defence enemy civilians people child children family families hospital hospitals school schools
economy budget tax taxes price prices bank banks loan loans inflation salary salaries pension work
worker workers plant factory energy electricity power gas oil outage outages generator winter heat
water weather rain snow frost wind summer spring autumn morning evening night day week month year
football match matches team teams player players coach championship victory defeat score goal
stadium tournament medal culture theatre play film films music concert singer book books writer
exhibition museum artist court courts case cases verdict prosecutor police crime crimes arrest
investigation investigations corruption bribe lawyer road roads bridge bridges railway train trains
plane planes airport port ship ships grain export exports import trade border talks deal deals
sanction sanctions ally allies partner partners aid weapon weapons supply supplies delegation summit
visit visits statement new big important Ukrainian Russian European American state local said says
say report reported reports help helped defend defended shot down Kyiv Kharkiv Odesa Lviv Moscow"""
FILLER = {"uk": "і в у на з до за про що це як не та але".split(), "ru": "и в на с до за о что это как не но".split(),
          "en": "the a of to in on and for with by is was that it".split()}
LANG_SHARE = {"uk": 0.5, "ru": 0.3, "en": 0.2}
SOURCES, CATEGORIES = 50, ("war", "politics", "economy", "sport", "culture", "society", "tech", "world")
START = datetime(2026, 1, 1, tzinfo=UTC)
PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


def vocabulary(seed: int) -> dict[str, list[str]]:
    """Word forms per language, most frequent first (a lemma's forms stay at its rank)."""
    morph = {lang: pymorphy3.MorphAnalyzer(lang=lang) for lang in ("uk", "ru")}
    forms: dict[str, list[str]] = {"en": EN.split()}
    for lang, lemmas in (("uk", UK), ("ru", RU)):
        words: list[str] = []
        for lemma in lemmas.split():
            lexeme = morph[lang].parse(lemma.lower())[0].lexeme
            inflected = list(dict.fromkeys(p.word for p in lexeme))[:8]
            words.extend(w.capitalize() if lemma[0].isupper() else w for w in inflected)
        forms[lang] = words
    return forms


class Writer:
    def __init__(self, forms: dict[str, list[str]], rng: random.Random) -> None:
        self.forms, self.rng = forms, rng
        self.weights = {lang: _zipf(len(words)) for lang, words in forms.items()}

    def words(self, lang: str, count: int) -> list[str]:
        chosen = self.rng.choices(self.forms[lang], cum_weights=self.weights[lang], k=count)
        filler = FILLER[lang]
        return [w if self.rng.random() > 0.3 else self.rng.choice(filler) for w in chosen]

    def sentence(self, lang: str) -> str:
        words = self.words(lang, self.rng.randint(6, 18))
        return " ".join(words).capitalize() + self.rng.choice([".", ".", ".", "!", "?"])

    def article(self, number: int) -> dict[str, object]:
        lang = self.rng.choices(list(LANG_SHARE), weights=list(LANG_SHARE.values()))[0]
        body = " ".join(self.sentence(lang) for _ in range(self.rng.randint(5, 16)))
        published = START + timedelta(minutes=number * 5 + self.rng.randint(0, 4))
        return {
            "source_id": self.rng.randint(1, SOURCES), "url": f"https://bench.example/{number}",
            "title": " ".join(self.words(lang, self.rng.randint(5, 10))).capitalize(), "text": body,
            "html": "", "description": "", "lang": lang, "published_at": published, "fetched_at": published,
            "credits": [], "feed_categories": [], "category": self.rng.choice(CATEGORIES), "is_news": True,
            "word_count": body.count(" ") + 1,
        }


def _zipf(n: int) -> list[float]:
    total, cumulative = 0.0, []
    for rank in range(n):
        total += 1 / (rank + 1) ** 0.8
        cumulative.append(total)
    return cumulative


def load(engine, writer: Writer, count: int) -> None:  # type: ignore[no-untyped-def]
    with engine.begin() as conn:
        conn.execute(insert(sources), [{"id": i, "name": f"Outlet {i}", "weight": 1.0, "created_at": START}
                                       for i in range(1, SOURCES + 1)])
        for start in range(0, count, 2000):
            conn.execute(insert(articles), [writer.article(n) for n in range(start, min(count, start + 2000))])


def index_strichka(engine, count: int) -> float:  # type: ignore[no-untyped-def]
    searcher = open_searcher(engine)
    began = time.perf_counter()
    for start in range(1, count + 1, 1000):
        with engine.begin() as conn:
            searcher.index_articles(conn, range(start, min(count + 1, start + 1000)))
    return time.perf_counter() - began


def index_anchor(engine) -> float:  # type: ignore[no-untyped-def]
    """The raw text in the database's own full-text index, no morphology: the speed to compare with."""
    postgres = engine.dialect.name == "postgresql"
    with engine.begin() as conn:
        if postgres:
            conn.execute(text("CREATE TABLE anchor_docs (id integer PRIMARY KEY, terms tsvector NOT NULL)"))
        else:
            conn.execute(text("CREATE VIRTUAL TABLE anchor_fts USING fts5(title, body)"))
    began = time.perf_counter()
    with engine.begin() as conn:
        if postgres:
            conn.execute(text("INSERT INTO anchor_docs SELECT id, to_tsvector('simple', title || ' ' || text) "
                              "FROM articles"))
            conn.execute(text("CREATE INDEX ix_anchor_docs ON anchor_docs USING gin (terms)"))
        else:
            conn.execute(text("INSERT INTO anchor_fts (rowid, title, body) SELECT id, title, text FROM articles"))
    return time.perf_counter() - began


def anchor_search(conn, query: SearchQuery) -> None:  # type: ignore[no-untyped-def]
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT id FROM anchor_docs, plainto_tsquery('simple', :q) AS q WHERE terms @@ q "
                          "ORDER BY ts_rank(terms, q) DESC LIMIT 20"), {"q": query.text}).all()
        return
    match = " AND ".join('"' + w + '"' for w in query.text.split())
    conn.execute(text("SELECT rowid FROM anchor_fts WHERE anchor_fts MATCH :m ORDER BY rank LIMIT 20"),
                 {"m": match}).all()


@contextmanager
def bench_database(backend: str) -> Iterator[Engine]:
    """A fresh database: a temporary SQLite file, or a randomly named PostgreSQL database dropped after."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="strichka-bench-search-") as tmp:
            engine = create_db_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
            migrate(engine)
            yield engine
            engine.dispose()
        return
    import psycopg

    name = f"strichka_bench_search_{secrets.token_hex(4)}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        engine = create_db_engine(PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name)
        try:
            migrate(engine)
            yield engine
        finally:
            engine.dispose()
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def random_queries(writer: Writer, rng: random.Random, count: int) -> list[SearchQuery]:
    queries = []
    for _ in range(count):
        lang = rng.choices(list(LANG_SHARE), weights=list(LANG_SHARE.values()))[0]
        words = [rng.choice(writer.forms[lang]) for _ in range(rng.choice([1, 1, 2, 2, 3]))]
        filters: dict[str, object] = {}
        if rng.random() < 0.2:
            filters = rng.choice([{"langs": (lang,)}, {"source_ids": (rng.randint(1, SOURCES),)},
                                  {"categories": (rng.choice(CATEGORIES),)},
                                  {"date_from": START + timedelta(days=rng.randint(0, 300)),
                                   "date_to": START + timedelta(days=rng.randint(301, 400))}])
        sort = "date" if rng.random() < 0.2 else "relevance"
        queries.append(SearchQuery(" ".join(words), sort=sort, **filters))  # type: ignore[arg-type]
    return queries


def time_queries(run, queries: list[SearchQuery]) -> list[float]:  # type: ignore[no-untyped-def]
    for query in queries[:10]:  # warm the page cache and the lemma cache
        run(query)
    latencies = []
    for query in queries:
        began = time.perf_counter()
        run(query)
        latencies.append((time.perf_counter() - began) * 1000)
    return latencies


def percentiles(values: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return {"p50": round(cuts[49], 2), "p95": round(cuts[94], 2), "p99": round(cuts[98], 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite",
                        help="postgres: a throwaway database at 127.0.0.1:5432, user postgres")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    writer = Writer(vocabulary(args.seed), rng)
    with bench_database(args.backend) as engine:
        load(engine, writer, args.articles)
        with engine.connect() as conn:
            words = conn.execute(text("SELECT sum(word_count) FROM articles")).scalar_one()
        strichka_s = index_strichka(engine, args.articles)
        anchor_s = index_anchor(engine)
        if engine.dialect.name == "postgresql":  # planner statistics, as autovacuum keeps on a live database
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE"))
        searcher = open_searcher(engine)
        queries = random_queries(writer, rng, args.queries)
        strichka_ms = time_queries(searcher.search, queries)
        hits = sum(len(searcher.search(q).hits) > 0 for q in queries[:100])
        with engine.connect() as conn:
            anchor_ms = time_queries(lambda query: anchor_search(conn, query), queries)
    figures = {
        "backend": args.backend, "articles": args.articles, "words": words, "queries": len(queries),
        "index_articles_per_s": round(args.articles / strichka_s), "index_words_per_s": round(words / strichka_s),
        "anchor_index_articles_per_s": round(args.articles / anchor_s),
        "index_speed_vs_anchor": round(anchor_s / strichka_s, 3),
        "query_ms": percentiles(strichka_ms), "anchor_query_ms": percentiles(anchor_ms),
        "queries_with_hits_of_first_100": hits, "goal_p95_ms": 100,
    }
    if args.json:
        sys.stdout.write(orjson.dumps(figures, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    print(f"{args.backend}: {args.articles:,} articles, {words:,} words; {len(queries)} queries")
    print(f"indexing  strichka {figures['index_articles_per_s']:>8,} articles/s ({figures['index_words_per_s']:,} words/s)"
          f"   anchor raw text {figures['anchor_index_articles_per_s']:>8,} articles/s"
          f"   ratio {figures['index_speed_vs_anchor']}×")
    for name, values in (("strichka", figures["query_ms"]), ("anchor  ", figures["anchor_query_ms"])):
        print(f"query ms  {name}  p50 {values['p50']:>7}  p95 {values['p95']:>7}  p99 {values['p99']:>7}")
    print(f"goal p95 ≤ 100 ms: {'met' if figures['query_ms']['p95'] <= 100 else 'NOT met'}")


if __name__ == "__main__":
    main()
