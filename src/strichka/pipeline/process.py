"""process_entry: a feed entry becomes a stored article — page, extraction, images, index, story.

The order is fixed here and nowhere else: fetch → decode → extract (sanitize is extraction's last
act) and search terms, in a worker process → store → mirror images → search index → handed to the
stories stage (embedding and clustering), which runs behind ingest: see stories_stage.py.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from urllib.parse import urlsplit

from strichka.errors import StrichkaError
from strichka.extract import SiteProfile
from strichka.extract.article import extract_page
from strichka.fetch.charset import decode_document
from strichka.models import ExtractedArticle
from strichka.pipeline.deps import PipelineDeps
from strichka.pipeline.media_step import mirror_article_images
from strichka.search.documents import SearchDocument, make_document
from strichka.storage import articles_repo
from strichka.storage.feeds_repo import PendingEntry
from strichka.text.language import detect_language

log = logging.getLogger("strichka.process")


@dataclass(frozen=True)
class ProcessOutcome:
    entry_id: int
    article_id: int | None = None
    created: bool = False
    error: str | None = None
    story_task_id: str | None = None  # Celery mode: the stories task this article was handed to


async def process_entry(entry: PendingEntry, deps: PipelineDeps) -> ProcessOutcome:
    """Errors are recorded on the entry (retried with backoff); they never escape."""
    now = datetime.now(UTC)
    try:
        prepared = await fetch_and_prepare(entry, deps)
    except StrichkaError as exc:
        return _failed(entry, str(exc), now, deps)
    except Exception as exc:  # noqa: BLE001 — a page that trips a bug in a parser fails alone, with backoff
        log.exception("article %s: unexpected error while reading the page", entry.url)
        return _failed(entry, f"unexpected error while reading the page: {type(exc).__name__}: {exc}", now, deps)

    article = prepared.article
    # The feed's time comes first: it is to the minute, while a page often shows only the day
    # (read as midnight), which would make a later report look first.
    with deps.engine.begin() as conn:
        article_id, created = articles_repo.save_article(
            conn, article, source_id=entry.source_id, published_at=entry.published_at or article.published_at or now,
            fetched_at=now, feed_categories=entry.categories,
        )
        articles_repo.mark_entry_done(conn, entry.id, article_id)
        stored_images = (
            articles_repo.attach_images(conn, article_id, entry.source_id, article.lead_image, article.images, now)
            if created else []
        )
    if not created:  # the same page reached through another feed: one article, not two
        return ProcessOutcome(entry.id, article_id, created=False)

    await mirror_article_images(article_id, entry.source_id, article.html, stored_images, deps)
    # Searchable before it has a story: the category the stories step sets later reaches the
    # index's filter tokens through the trigger on articles (migration 0002).
    with deps.engine.begin() as conn:
        deps.searcher.index_documents(conn, [replace(prepared.search_document, article_id=article_id)])
    story_task_id = None
    if deps.send_to_stories is not None:
        story_task_id = await deps.send_to_stories(article_id)
    elif deps.stories is not None:
        await deps.stories.submit(article_id)
    return ProcessOutcome(entry.id, article_id, created=True, story_task_id=story_task_id)


def _failed(entry: PendingEntry, error: str, now: datetime, deps: PipelineDeps) -> ProcessOutcome:
    with deps.engine.begin() as conn:
        articles_repo.mark_entry_error(conn, entry.id, entry.attempts, error, now)
    log.warning("article %s (%s): %s", entry.url, entry.source_name, error)
    return ProcessOutcome(entry.id, error=error)


@dataclass(frozen=True)
class PreparedPage:
    """Everything about a page that needs only the page: made in a worker process."""

    article: ExtractedArticle
    search_document: SearchDocument  # article_id 0 until the article is stored
    fingerprints: frozenset[str]  # the page's blocks, for its host's SiteProfile


async def fetch_and_prepare(entry: PendingEntry, deps: PipelineDeps) -> PreparedPage:
    result = await deps.fetcher.fetch(entry.url, max_bytes=deps.settings.max_body_bytes, kind="page")
    host = urlsplit(result.url).hostname or ""
    prepared = await deps.cpu.run(
        prepare_page, result.body, url=result.url, http_charset=result.charset, summary=entry.summary,
        title_hint=entry.title, site_profile=deps.site_profiles.decisive(host, deps.engine),
        source_lang=entry.source_lang,
    )
    deps.site_profiles.learn(host, prepared.fingerprints, deps.engine)
    return replace(prepared, article=complete_from_entry(prepared.article, entry))


def prepare_page(
    body: bytes, *, url: str, http_charset: str | None, summary: str = "", title_hint: str = "",
    site_profile: SiteProfile | None = None, source_lang: str | None = None,
) -> PreparedPage:
    """Page bytes → the article, its search terms and its block fingerprints. Pure."""
    html, _encoding = decode_document(body, http_charset=http_charset, kind="html")
    page = extract_page(html, url=url, summary=summary, title_hint=title_hint, site_profile=site_profile)
    article = page.article
    lang = article.lang or detect_language(f"{title_hint}\n{article.text}", hint=source_lang) or source_lang
    document = make_document(0, title=article.title or title_hint, description=article.description,
                             text=article.text, lang=lang)
    return PreparedPage(replace(article, lang=lang), document, page.fingerprints)


def extract_from_bytes(body: bytes, *, url: str, http_charset: str | None) -> ExtractedArticle:
    """`strichka extract`: the same decoding and extraction the pipeline runs on a first page of a host."""
    return prepare_page(body, url=url, http_charset=http_charset).article


def complete_from_entry(article: ExtractedArticle, entry: PendingEntry) -> ExtractedArticle:
    """What the page did not say, the feed may have: title, author, lead image."""
    return replace(
        article,
        title=article.title or entry.title,
        author=article.author or entry.author,
        lead_image=article.lead_image or entry.image_url,
    )
