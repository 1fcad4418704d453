"""Long-running processes: the site alone, the site plus the crawler, and the demo."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import signal
import socket
from typing import Any

import uvicorn

from strichka.app import App
from strichka.errors import ConfigError
from strichka.settings import Settings

log = logging.getLogger("strichka.run")


def make_server(app: App, *, host: str | None, port: int | None) -> uvicorn.Server:
    from strichka.web import create_app

    config = uvicorn.Config(
        create_app(app), host=host or app.settings.host, port=port or app.settings.port,
        log_level="warning", access_log=False, lifespan="on",
    )
    return uvicorn.Server(config)


def ensure_port_free(host: str, port: int) -> None:
    """Fail now, in one line, rather than after a crawl pass with the server's own traceback."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise ConfigError(
                f"cannot serve on {host}:{port}: {exc.strerror or exc} — stop what uses it "
                "(another strichka?) or choose another port with --port"
            ) from exc


def serve_in_workers(settings: Settings, *, host: str | None, port: int | None, workers: int) -> None:
    """The site in several processes (uvicorn's supervisor restarts one that dies); no crawling.

    Uncached pages and searches use a core each: one process tops out at one core. Each worker keeps
    its own page cache; an outlet removed in one reaches the others' caches within a second
    (site_state.CounterWatch). Admin form keys must match across workers, so they share one."""
    import secrets

    host, port = host or settings.host, port or settings.port
    ensure_port_free(host, port)
    App.build(settings).close()  # migrate once, here, not in N workers at the same time
    shared = dataclasses.replace(settings, web_secret=settings.web_secret or secrets.token_hex(32))
    os.environ.update(shared.to_environ())
    print(f"strichka is serving http://{host}:{port}/ in {workers} processes", flush=True)
    uvicorn.run(
        "strichka.web.workers:create_worker_app", factory=True, host=host, port=port, workers=workers,
        log_level="warning", access_log=False, lifespan="on",
    )


async def crawl_beside_web_workers(app: App, *, host: str | None, port: int | None, workers: int) -> None:
    """`strichka run --workers N`: the crawler here, the site in N processes of `serve --workers N`
    started beside it (same settings). Ends, saying why, when the site stops."""
    import subprocess
    import sys

    host, port = host or app.settings.host, port or app.settings.port
    ensure_port_free(host, port)
    web = subprocess.Popen(
        [sys.executable, "-m", "strichka", "serve", "--workers", str(workers), "--host", host, "--port", str(port)],
        env={**os.environ, **app.settings.to_environ()},
    )
    stop = asyncio.Event()
    crawler = asyncio.create_task(crawl_loop(app, stop))
    asked_to_stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):  # Ctrl-C or a service manager: stop both, quietly
        asyncio.get_running_loop().add_signal_handler(sig, asked_to_stop.set)
    site_ended = asyncio.create_task(asyncio.to_thread(web.wait))
    stop_asked = asyncio.create_task(asked_to_stop.wait())
    try:
        await asyncio.wait({site_ended, stop_asked}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stop.set()
        stop_asked.cancel()
        await crawler
        if web.poll() is None:
            web.terminate()
        await site_ended
    if not asked_to_stop.is_set():
        raise ConfigError(f"the site's processes stopped (exit code {web.returncode}); the crawler stopped with them")


async def serve_forever(app: App, *, host: str | None, port: int | None, crawl: bool) -> None:
    """Serve until interrupted; with crawl=True the crawler loop runs beside the server."""
    server = make_server(app, host=host, port=port)
    ensure_port_free(server.config.host, server.config.port)
    stop = asyncio.Event()
    crawler = None
    if crawl:
        crawler = asyncio.create_task(crawl_loop(app, stop))
    config = server.config
    print(f"strichka is serving http://{config.host}:{config.port}/", flush=True)
    try:
        await server.serve()
    finally:
        stop.set()
        if crawler is not None:
            await crawler


async def subscribe_demo_outlets(app: App, web: Any) -> None:
    """Subscribe as a user would: by feed URL, or by home page where the feed is only linked."""
    from strichka.fetch import Fetcher
    from strichka.sources.subscribe import subscribe

    async with Fetcher(app.settings) as fetcher:
        for outlet in web.outlets:
            url = outlet.home_url if outlet.discover_via_home else outlet.feed_url
            await subscribe(
                url, engine=app.engine, fetcher=fetcher, max_bytes=app.settings.max_body_bytes,
                name=outlet.name, lang=outlet.lang,
            )


async def crawl_loop(app: App, stop: asyncio.Event) -> None:
    """In process by default; with STRICHKA_REDIS_URL, hand due feeds to Celery workers instead."""
    if not app.settings.redis_url:
        from strichka.pipeline.local import run_forever

        await run_forever(app, stop)
        return
    from strichka.pipeline import celery_tasks

    celery_tasks.configure(app.settings)
    while not stop.is_set():
        try:
            sent = await asyncio.to_thread(celery_tasks.dispatch_due_feeds, app)
            await asyncio.to_thread(celery_tasks.housekeeping_task.delay)
            log.info("handed %d due feeds and the housekeeping to the workers", len(sent))
        except Exception:  # noqa: BLE001 — a broker hiccup must not stop the site; logged in full
            log.exception("could not hand feeds to the workers; retrying next tick")
        try:
            await asyncio.wait_for(stop.wait(), timeout=app.settings.crawl_interval)
        except TimeoutError:
            pass


async def run_demo(settings: Settings, *, port: int, web_port: int) -> None:
    """Start the simulated news web, subscribe to its outlets, crawl it once, then run."""
    from strichka.demo import DemoClock, start_demo_web
    from strichka.pipeline.local import crawl_once

    settings = dataclasses.replace(
        settings, home=str(settings.home_path / "demo"), allow_private_networks=True, crawl_interval=20,
        min_check_interval=20,
    )
    ensure_port_free("127.0.0.1", port)  # before the crawl, not after it
    app = App.build(settings)
    web = start_demo_web(port=web_port, clock=DemoClock.following_real_time())
    try:
        print(f"simulated news web: {web.base_url} ({len(web.outlets)} outlets)", flush=True)
        await subscribe_demo_outlets(app, web)
        report = await crawl_once(app, progress=True)
        print(f"first pass: {report.summary()}", flush=True)
        await serve_forever(app, host="127.0.0.1", port=port, crawl=True)
    finally:
        web.stop()
