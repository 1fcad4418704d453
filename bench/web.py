"""Web bench: N articles in SQLite, `strichka serve` in its own process, a load generator in another.

Measures home, article, story and search pages (requests/s, p50/p95/p99 latency) next to an anchor:
a bare ASGI "ok" app on the same uvicorn set-up, measured in the same run (the ceiling of Python
server + loopback + load generator on this machine), printed as a ratio. Hot runs read a working set (newest articles,
top stories, a few queries: what readers of a news site actually hit); cold runs spread over the
whole database so every request misses the page cache.

    .venv/bin/python bench/web.py [--json] [--articles N] [--seconds S] [--home DIR] [--workers N]

--workers N serves through `strichka serve --workers N` (N processes) instead of one process.

--home DIR keeps the database in DIR and reuses it on the next run (same articles, built once;
migrated to the newest schema first), so code before and after a change is measured on one database.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import httpx

WORDS = {
    "uk": ("ракета ракети ракетами оборона уряд міністр переговори економіка бюджет зерно експорт порт "
           "енергетика тариф сесія парламент закон суд вибори фронт армія дрон область місто школа лікарня "
           "наука університет футбол матч збірна перемога культура виставка театр погода мороз дощ").split(),
    "ru": ("ракета ракеты ракетами оборона правительство министр переговоры экономика бюджет зерно экспорт "
           "порт энергетика тариф парламент закон суд выборы фронт армия дрон область город школа больница "
           "наука университет футбол матч сборная победа культура выставка театр погода мороз дождь").split(),
    "en": ("missile missiles defence government minister talks economy budget grain export port energy "
           "tariff parliament law court election front army drone region city school hospital science "
           "university football match team victory culture exhibition theatre weather frost rain").split(),
}
SYLLABLES = {
    "uk": "ка ро ви на ти ль ме до за пі сі ко ле ні го ра ту бу ва ми ні че жи ці".split(),
    "ru": "ка ро вы на ты ль ме до за пи си ко ле ни го ра ту бу ва ми не че жи цы".split(),
    "en": "ka ro vi na ti le me do za pi si ko le ni go ra tu bu va mi ne che ji tsi".split(),
}
VOCAB_SIZE = 6000


def vocabulary(lang: str, rnd: random.Random) -> tuple[list[str], list[float]]:
    """A Zipf-distributed vocabulary: made-up filler words with the real news words spread among
    the frequent ranks, so a query word matches ~0.2-3% of articles, as in a real news archive."""
    made_up = list(dict.fromkeys(
        "".join(rnd.choice(SYLLABLES[lang]) for _ in range(rnd.randint(2, 4))) for _ in range(VOCAB_SIZE * 2)
    ))[:VOCAB_SIZE]
    for n, word in enumerate(WORDS[lang]):
        made_up.insert(300 + n * 40, word)
    weights = [1.0 / (rank + 8) for rank in range(len(made_up))]
    total = 0.0
    cumulative = []
    for w in weights:
        total += w
        cumulative.append(total)
    return made_up, cumulative


CATEGORIES = ("society", "economy", "technology", "sports", "entertainment", "science")
SOURCES = 60
ARTICLES_PER_STORY = 4
STORY_SHARE = 0.4  # of articles that belong to a story


def build_database(home: Path, n_articles: int, seed: int = 7) -> dict[str, list]:
    from sqlalchemy import insert

    from strichka.search import open_searcher
    from strichka.settings import Settings
    from strichka.storage.database import create_db_engine, migrate
    from strichka.storage.schema import article_images, articles, feeds, images, sources, stories

    rnd = random.Random(seed)
    settings = Settings(home=str(home))
    engine = create_db_engine(settings.resolved_database_url)
    migrate(engine)
    now = datetime.now(UTC).replace(microsecond=0)
    langs = ("uk", "ru", "en")
    vocabs = {lang: vocabulary(lang, rnd) for lang in langs}
    with engine.begin() as conn:
        conn.execute(insert(sources), [
            dict(id=i, name=f"Outlet {i}", lang=langs[i % 3], site_url=f"https://outlet{i}.example",
                 weight=1.0, created_at=now) for i in range(1, SOURCES + 1)
        ])
        conn.execute(insert(feeds), [
            dict(source_id=i, url=f"https://outlet{i}.example/rss", error_count=0, next_check_at=now,
                 last_success_at=now, created_at=now) for i in range(1, SOURCES + 1)
        ])
        n_stories = int(n_articles * STORY_SHARE) // ARTICLES_PER_STORY
        conn.execute(insert(stories), [
            dict(id=s, title=f"Story {s}", titles={}, lang="uk", category=CATEGORIES[s % 6], is_news=True,
                 first_article_id=None, first_source_id=(s % SOURCES) + 1, article_count=ARTICLES_PER_STORY,
                 source_count=ARTICLES_PER_STORY, languages="uk,ru,en", score=rnd.random() * 10,
                 created_at=now, updated_at=now - timedelta(minutes=s), lead_image_id=None)
            for s in range(1, n_stories + 1)
        ])
        batch_a, batch_i, batch_ai = [], [], []
        for i in range(1, n_articles + 1):
            lang = langs[i % 3]
            words, cumulative = vocabs[lang]
            drawn = rnd.choices(words, cum_weights=cumulative, k=168)
            title = " ".join(drawn[:8]).capitalize()
            paras = [" ".join(drawn[8 + 40 * k: 48 + 40 * k]).capitalize() + "." for k in range(4)]
            story = (i - 1) // ARTICLES_PER_STORY + 1 if i <= n_stories * ARTICLES_PER_STORY else None
            url = f"https://outlet{(i % SOURCES) + 1}.example/news/{i}"
            image_url = f"https://cdn.example/{i}.jpg"
            batch_a.append(dict(
                id=i, source_id=(i % SOURCES) + 1, url=url, title=title, text="\n\n".join(paras),
                html="".join(f"<p>{p}</p>" for p in paras), description=paras[0][:200], lang=lang,
                published_at=now - timedelta(seconds=(n_articles - i) * 30), fetched_at=now,
                lead_image_url=image_url, credits=[], feed_categories=[], category=CATEGORIES[i % 6],
                is_news=True, story_id=story, word_count=160,
            ))
            key = f"feed/{(i % SOURCES) + 1}/{i:032x}.jpg"
            batch_i.append(dict(id=i, original_url=image_url, source_id=(i % SOURCES) + 1, key=key,
                                content_type="image/jpeg", width=960, height=540, byte_size=50_000,
                                thumbnails={"320": key[:-4] + ".w320.webp"}, status="ok", created_at=now))
            batch_ai.append(dict(article_id=i, image_id=i, position=0, caption="", credit="", alt=""))
            if len(batch_a) == 5000 or i == n_articles:
                conn.execute(insert(articles), batch_a)
                conn.execute(insert(images), batch_i)
                conn.execute(insert(article_images), batch_ai)
                batch_a, batch_i, batch_ai = [], [], []
        from sqlalchemy import text

        conn.execute(text(
            "UPDATE stories SET first_article_id = (SELECT MIN(id) FROM articles WHERE story_id = stories.id),"
            " lead_image_id = (SELECT MIN(id) FROM articles WHERE story_id = stories.id)"
        ))
    searcher = open_searcher(engine)
    with engine.begin() as conn:
        searcher.index_articles(conn, list(range(1, n_articles + 1)))
    engine.dispose()
    return {"n_stories": [n_stories]}


def reuse_database(home: Path, n_articles: int) -> int | None:
    """The number of stories of a database built here before with n_articles, else None."""
    from sqlalchemy import func, select

    from strichka.settings import Settings
    from strichka.storage.database import create_db_engine, migrate
    from strichka.storage.schema import articles, stories

    settings = Settings(home=str(home))
    if not settings.resolved_database_url.startswith("sqlite:///"):
        return None
    if not Path(settings.resolved_database_url.removeprefix("sqlite:///")).exists():
        return None
    engine = create_db_engine(settings.resolved_database_url)
    try:
        migrate(engine)  # a database built by older code gets the newer indexes
        with engine.connect() as conn:
            built = conn.execute(select(func.count()).select_from(articles)).scalar_one()
            n_stories = conn.execute(select(func.count()).select_from(stories)).scalar_one()
    finally:
        engine.dispose()
    if built != n_articles:
        raise SystemExit(f"{home} holds {built} articles, not {n_articles}: pick another --home")
    return int(n_stories)


ANCHOR_CODE = """
import socket, sys, uvicorn
async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"ok"})
config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
uvicorn.Server(config).run(sockets=[socket.socket(fileno=int(sys.argv[1]))])
"""

SERVER_CODE = """
import socket, sys
from strichka.app import App
from strichka.runner import make_server
from strichka.settings import Settings
app = App.build(Settings(home=sys.argv[2]), migrate_db=False)
server = make_server(app, host="127.0.0.1", port=1)
server.run(sockets=[socket.socket(fileno=int(sys.argv[1]))])
"""

WRK_SCRIPT = """
local paths = {}
for line in io.lines(%s) do paths[#paths + 1] = line end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('RESULT {"requests": %%d, "duration_us": %%d, "errors": %%d, "non2xx": %%d, "p50": %%d, "p95": %%d, "p99": %%d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


def start_server(code: str, *args: str, ready_path: str = "/") -> tuple[subprocess.Popen, str]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(1024)
    proc = subprocess.Popen([sys.executable, "-c", code, str(sock.fileno()), *args], pass_fds=[sock.fileno()])
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    sock.close()
    httpx.get(base + ready_path, timeout=120)  # answers once the server runs: no sleeping
    return proc, base


def start_workers(home: Path, workers: int) -> tuple[subprocess.Popen, str]:
    """`strichka serve --workers N` as a reader's site would run it; ready once it answers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "strichka", "--data-dir", str(home), "serve",
                             "--workers", str(workers), "--port", str(port)])
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            httpx.get(base + "/", timeout=120)
            return proc, base
        except httpx.TransportError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("strichka serve --workers did not start") from None


def run_wrk(base: str, paths: list[str], seconds: float, connections: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as fh:
        fh.write("\n".join(quote(p, safe="/?=&+") for p in paths) + "\n")
        path_file = fh.name
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(WRK_SCRIPT % json.dumps(path_file))
        script = fh.name
    try:
        done = subprocess.run(
            ["wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--timeout", "5s", "-s", script, base],
            capture_output=True, text=True,
        )
    finally:
        os.unlink(script)
        os.unlink(path_file)
    if "RESULT " not in done.stdout:
        raise RuntimeError(f"wrk failed: {done.stderr.strip() or done.stdout.strip()}")
    out = done.stdout
    data = json.loads(out.split("RESULT ", 1)[1].splitlines()[0])
    return {
        "rps": data["requests"] / (data["duration_us"] / 1e6),
        "p50_ms": data["p50"] / 1000, "p95_ms": data["p95"] / 1000, "p99_ms": data["p99"] / 1000,
        "requests": data["requests"], "errors": data["errors"], "non2xx": data["non2xx"],
    }


def run_python_client(base: str, paths: list[str], seconds: float, connections: int) -> dict:
    """Fallback when wrk is missing: an asyncio httpx client in its own process."""
    code = """
import asyncio, json, sys, time, httpx
base, seconds, conc = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
paths = json.load(sys.stdin)  # 20,000 paths do not fit on a command line
lat, errors = [], 0
async def worker(client, start, k):
    global errors
    i = k
    while time.perf_counter() - start < seconds:
        t = time.perf_counter()
        r = await client.get(paths[i % len(paths)]); i += conc
        lat.append(time.perf_counter() - t)
        errors += r.status_code >= 400
async def main():
    async with httpx.AsyncClient(base_url=base, limits=httpx.Limits(max_connections=conc)) as c:
        start = time.perf_counter()
        await asyncio.gather(*(worker(c, start, k) for k in range(conc)))
        return time.perf_counter() - start
took = asyncio.run(main()); lat.sort()
q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] * 1000
print(json.dumps({"rps": len(lat) / took, "p50_ms": q(.5), "p95_ms": q(.95), "p99_ms": q(.99),
                  "requests": len(lat), "errors": 0, "non2xx": errors}))
"""
    out = subprocess.run([sys.executable, "-c", code, base, str(seconds), str(connections)],
                         input=json.dumps(paths), capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--home", type=Path, help="build the database here once and reuse it afterwards")
    parser.add_argument("--workers", type=int, default=1, help="web processes (strichka serve --workers)")
    args = parser.parse_args()
    load = run_wrk if shutil.which("wrk") else run_python_client
    rnd = random.Random(11)
    with tempfile.TemporaryDirectory(prefix="strichka-web-bench-") as tmp:
        home = args.home or Path(tmp)
        t0 = time.perf_counter()
        n_stories = reuse_database(home, args.articles) if args.home else None
        if n_stories is None:
            n_stories = build_database(home, args.articles)["n_stories"][0]
        load_seconds = time.perf_counter() - t0
        anchor_proc, anchor_base = start_server(ANCHOR_CODE)
        try:
            anchor_result = load(anchor_base, ["/"], args.seconds, args.connections)
        finally:
            anchor_proc.terminate()
            anchor_proc.wait(timeout=30)
        proc, base = start_workers(home, args.workers) if args.workers > 1 else start_server(SERVER_CODE, str(home))
        try:
            newest = list(range(args.articles, max(0, args.articles - 200), -1))
            queries = ["ракета", "ракетами", "ракеты", "missiles", "зерно експорт", "переговоры министр",
                       "football match", "енергетика тариф", "выборы", "university science"]
            # n= is ignored by the search but makes every URL a page-cache miss
            cold_searches = [
                "/search?q=" + "+".join(rnd.sample(WORDS[lang], 2)) + f"&sort={sort}&n={n}"
                for n, (sort, lang) in enumerate(
                    (rnd.choice(("relevance", "date")), rnd.choice(("uk", "ru", "en"))) for _ in range(6000)
                )
            ]
            rnd.shuffle(cold_searches)
            c = args.connections
            scenarios = [  # (name, paths, connections)
                ("home", ["/"], c),
                ("article (hot: 200 newest)", [f"/article/{i}" for i in newest], c),
                ("story (hot: 50 top)", [f"/story/{s}" for s in range(1, min(n_stories, 50) + 1)], c),
                ("search (hot: 10 queries)", ["/search?q=" + q for q in queries], c),
                ("article (cold: random of all)",
                 [f"/article/{rnd.randint(1, args.articles)}?n={n}" for n in range(20000)], c),
                ("search (cold: cache misses)", cold_searches[:3000], c),
                ("search (cold, 2 connections)", cold_searches[3000:], 2),
            ]
            results = {"anchor: bare ASGI app": anchor_result}
            for name, paths, connections in scenarios:
                if "(hot" in name or name == "home":
                    for p in paths[:200]:
                        httpx.get(base + p, timeout=30)  # warm the page cache
                results[name] = load(base, paths, args.seconds, connections)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    anchor = results["anchor: bare ASGI app"]["rps"]
    report = {"articles": args.articles, "stories": n_stories, "web_workers": args.workers, "load_seconds": round(load_seconds, 1),
              "load_generator": load.__name__, "connections": args.connections, "results": results}
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{args.articles:,} articles, {n_stories:,} stories loaded in {load_seconds:.1f}s; "
          f"load generator {load.__name__}, {args.connections} connections, {args.seconds:.0f}s each, "
          f"{args.workers} web process(es)")
    print("(the 'x anchor' ratio is req/s over the anchor's; cold runs miss the page cache on every request)")
    print(f"{'scenario':34} {'req/s':>8} {'x anchor':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
    for name, r in results.items():
        print(f"{name:34} {r['rps']:8.0f} {r['rps'] / anchor:9.2f} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} "
              f"{r['p99_ms']:8.1f} {r['non2xx'] + r['errors']:8d}")
    print("goals: article and home >= 1500 req/s with p99 <= 50 ms; search p95 <= 100 ms")


if __name__ == "__main__":
    main()
