"""The command line: a thin shell over App and the pipeline. No logic lives here."""

from __future__ import annotations

import asyncio
import logging
import sys
from pathlib import Path
from typing import Any

import click

from strichka.errors import StrichkaError
from strichka.settings import Settings, describe


class StrichkaGroup(click.Group):
    """Turns strichka's own errors into one clear line (exit 1) instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (StrichkaError, ValueError) as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=StrichkaGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data-dir", envvar="STRICHKA_HOME", default=None, help="Data directory (default ./data).")
@click.option("-v", "--verbose", is_flag=True, help="Log every fetch and step.")
@click.version_option(package_name="strichka")
@click.pass_context
def cli(ctx: click.Context, data_dir: str | None, verbose: bool) -> None:
    """strichka — a self-hosted news aggregator: feeds, full articles, mirrored images, stories.

    Every option can also be set as an environment variable STRICHKA_<NAME> (see `strichka settings`).
    """
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        datefmt="%H:%M:%S",
    )
    ctx.obj = Settings.load(home=data_dir)


def _app(ctx: click.Context) -> Any:
    from strichka.app import App

    return App.build(ctx.obj)


@cli.command()
def settings() -> None:
    """List every setting with its environment variable, default and meaning."""
    for _name, env, default, help_text in describe():
        click.echo(f"{env}={default!r}\n    {help_text}")


# ---------------------------------------------------------------- sources
@cli.group()
def sources() -> None:
    """Manage outlets and their feeds."""


@sources.command("add")
@click.argument("url")
@click.option("--name", help="Outlet name; the same name adds a feed to the same outlet.")
@click.option("--lang", help="Language hint: uk, ru, en …")
@click.pass_context
def sources_add(ctx: click.Context, url: str, name: str | None, lang: str | None) -> None:
    """Add a feed by its URL, or by the URL of a page that links its feed."""
    from strichka.fetch import Fetcher
    from strichka.sources.subscribe import subscribe

    app = _app(ctx)

    async def go() -> Any:
        async with Fetcher(app.settings) as fetcher:
            return await subscribe(
                url, engine=app.engine, fetcher=fetcher, max_bytes=app.settings.max_body_bytes, name=name, lang=lang
            )

    sub = asyncio.run(go())
    click.echo(f"added {sub.feed_url} to «{sub.name}» (source {sub.source_id}, {sub.entries} entries now)")


@sources.command("add-defaults")
@click.pass_context
def sources_add_defaults(ctx: click.Context) -> None:
    """Add strichka's default list of real Ukrainian, Russian-language and English outlets."""
    from strichka.sources.catalogue import add_feed
    from strichka.sources.defaults import default_sources

    app = _app(ctx)
    with app.engine.begin() as conn:
        for item in default_sources():
            add_feed(conn, feed_url=item.url, name=item.name, lang=item.lang, site_url=item.site)
    click.echo(f"{len(default_sources())} default feeds in the catalogue; `strichka crawl --once` fetches them")


@sources.command("list")
@click.pass_context
def sources_list(ctx: click.Context) -> None:
    """Each feed with its outlet, article count, last success, last error and next check."""
    from strichka.sources.catalogue import list_feed_status

    with _app(ctx).engine.connect() as conn:
        rows = list_feed_status(conn)
    if not rows:
        click.echo("no sources yet: `strichka sources add URL` or `strichka sources add-defaults`")
    for r in rows:
        click.echo(f"[{r.source_id}] {r.source_name} ({r.lang or '?'}) — {r.article_count} articles\n    {r.url}")
        click.echo(f"    last success: {_when(r.last_success_at)}   next check: {_when(r.next_check_at)}")
        if r.error_count:
            click.echo(f"    last error ({r.error_count} in a row, {_when(r.last_error_at)}): {r.last_error}")


@sources.command("remove")
@click.argument("name_or_id")
@click.pass_context
def sources_remove(ctx: click.Context, name_or_id: str) -> None:
    """Remove an outlet (by name or id) with its feeds and articles."""
    from strichka.sources.catalogue import find_source, remove_source

    with _app(ctx).engine.begin() as conn:
        source_id = find_source(conn, name_or_id)
        if source_id is None:
            raise click.ClickException(f"no source {name_or_id!r}: see `strichka sources list`")
        removal = remove_source(conn, source_id)
    click.echo(f"removed source {source_id} with {removal.summary()}")


@sources.command("import-opml")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", help="Language hint for outlines that do not give one.")
@click.pass_context
def sources_import_opml(ctx: click.Context, file: Path, lang: str | None) -> None:
    """Add every feed of an OPML file (outlets by outline title)."""
    from strichka.sources.catalogue import add_feed
    from strichka.sources.opml import parse_opml

    outlines = parse_opml(file.read_bytes())
    with _app(ctx).engine.begin() as conn:
        for o in outlines:
            add_feed(conn, feed_url=o.xml_url, name=o.title or o.xml_url, lang=o.lang or lang, site_url=o.html_url)
    click.echo(f"imported {len(outlines)} feeds from {file}")


@sources.command("export-opml")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File (default: stdout).")
@click.pass_context
def sources_export_opml(ctx: click.Context, output: Path | None) -> None:
    """Write every feed as OPML."""
    from strichka.sources.catalogue import list_feed_status
    from strichka.sources.opml import OpmlOutline, write_opml

    with _app(ctx).engine.connect() as conn:
        rows = list_feed_status(conn)
    data = write_opml(
        [OpmlOutline(title=r.source_name, xml_url=r.url, html_url=None, lang=r.lang) for r in rows], "strichka"
    )
    if output:
        output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)


@cli.group()
def articles() -> None:
    """Stored articles."""


@articles.command("remove")
@click.argument("article_id", type=int)
@click.pass_context
def articles_remove(ctx: click.Context, article_id: int) -> None:
    """Delete an article for good: later crawls never bring it back."""
    from strichka.storage.articles_repo import delete_article

    app = _app(ctx)
    with app.engine.begin() as conn:
        if not delete_article(conn, article_id):
            raise click.ClickException(f"no article {article_id}")
        app.searcher.remove_articles(conn, [article_id])
    click.echo(f"article {article_id} deleted; its feed entries stay marked deleted")


# ---------------------------------------------------------------- crawling and serving
@cli.command()
@click.option("--once", is_flag=True, required=True, help="One pass over due feeds and their new articles.")
@click.pass_context
def crawl(ctx: click.Context, once: bool) -> None:
    """Fetch due feeds and their new articles, with a progress bar, then exit."""
    from strichka.pipeline.local import crawl_once

    report = asyncio.run(crawl_once(_app(ctx), progress=True))
    click.echo(report.summary())


@cli.command()
@click.option("--host", default=None, help="Listen address (default 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (default 8080).")
@click.option(
    "--workers", type=click.IntRange(min=1), default=None,
    help="Web processes (default STRICHKA_WEB_WORKERS, 1): uncached pages and searches use one core each.",
)
@click.pass_context
def serve(ctx: click.Context, host: str | None, port: int | None, workers: int | None) -> None:
    """Serve the site, API and feeds (no crawling)."""
    from strichka.runner import serve_forever, serve_in_workers

    workers = workers or ctx.obj.web_workers
    if workers > 1:
        serve_in_workers(ctx.obj, host=host, port=port, workers=workers)
        return
    asyncio.run(serve_forever(_app(ctx), host=host, port=port, crawl=False))


@cli.command()
@click.option("--host", default=None, help="Listen address (default 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (default 8080).")
@click.option(
    "--workers", type=click.IntRange(min=1), default=None,
    help="Web processes beside the crawler (default STRICHKA_WEB_WORKERS, 1: the site in the crawler's process).",
)
@click.pass_context
def run(ctx: click.Context, host: str | None, port: int | None, workers: int | None) -> None:
    """Crawl continuously and serve the site (in one process, or with --workers N in N more).

    On an empty catalogue the default outlet list is added first; a dead feed among them shows up
    in `strichka sources list` with its error and is retried with backoff, it never stops the run.
    """
    from strichka.runner import crawl_beside_web_workers, serve_forever
    from strichka.sources.catalogue import list_feed_status

    app = _app(ctx)
    with app.engine.connect() as conn:
        empty = not list_feed_status(conn)
    if empty:
        ctx.invoke(sources_add_defaults)
    workers = workers or ctx.obj.web_workers
    if workers > 1:
        asyncio.run(crawl_beside_web_workers(app, host=host, port=port, workers=workers))
        return
    asyncio.run(serve_forever(app, host=host, port=port, crawl=True))


@cli.command()
@click.option("--queues", default="celery,stories", show_default=True, help="Queues to consume.")
@click.option("--concurrency", type=int, default=2, show_default=True, help="Worker processes.")
@click.pass_context
def worker(ctx: click.Context, queues: str, concurrency: int) -> None:
    """A Celery worker for the scale-out setup (needs STRICHKA_REDIS_URL).

    Run the `stories` queue in exactly one worker with --concurrency 1: clustering keeps one index.
    """
    from strichka.pipeline import celery_tasks

    if not ctx.obj.redis_url:
        raise click.ClickException("STRICHKA_REDIS_URL is not set: workers need a Redis broker, e.g. redis://127.0.0.1:6379/0")
    celery_tasks.configure(ctx.obj).worker_main(
        ["worker", "--queues", queues, "--concurrency", str(concurrency), "--loglevel", "INFO"]
    )


@cli.command()
@click.option("--port", type=int, default=8080, help="Port of the strichka site (default 8080).")
@click.option("--web-port", type=int, default=0, help="Port of the simulated news web (default: any free).")
@click.pass_context
def demo(ctx: click.Context, port: int, web_port: int) -> None:
    """Start a simulated news web on loopback, crawl it, and serve strichka at http://127.0.0.1:PORT."""
    from strichka.runner import run_demo

    asyncio.run(run_demo(ctx.obj, port=port, web_port=web_port))


# ---------------------------------------------------------------- tools
@cli.command()
@click.argument("path_or_url")
@click.option("--url", help="The page's URL, for relative links, when PATH_OR_URL is a file.")
@click.option("--format", "fmt", type=click.Choice(["json", "text", "html"]), default="json", show_default=True)
@click.pass_context
def extract(ctx: click.Context, path_or_url: str, url: str | None, fmt: str) -> None:
    """Extract the article from a saved page or a URL and print it."""
    from strichka.tools.extract_command import extract_and_format

    click.echo(asyncio.run(extract_and_format(ctx.obj, path_or_url, url=url, fmt=fmt)))


@cli.group()
def media() -> None:
    """Mirrored images: garbage collection."""


@media.command("gc")
@click.option("--dry-run", is_flag=True, help="Only say what would be removed.")
@click.option("--originals-older-than", type=int, default=None, help="Also drop originals older than N days.")
@click.pass_context
def media_gc(ctx: click.Context, dry_run: bool, originals_older_than: int | None) -> None:
    """Remove stored images no article uses any more."""
    from strichka.tools.media_gc import run_media_gc

    click.echo(run_media_gc(_app(ctx), dry_run=dry_run, originals_older_than=originals_older_than))


def _when(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "never"


def main() -> None:
    cli(prog_name="strichka")
