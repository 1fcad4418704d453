"""Reader pages: home, article, story ("full coverage"), source. Server-rendered, no JS needed."""

from __future__ import annotations

from fastapi import HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from strichka.web import queries_articles as qa
from strichka.web import queries_sources as qs
from strichka.web import queries_stories as qst
from strichka.web.body_images import enhance_body_images
from strichka.web.i18n import LANG_COOKIE, LANGS
from strichka.web.params import parse_cursor, row_id
from strichka.web.site import ONE_YEAR, site_of
from strichka.web.views import ArticleFull, ImageView

HOME_STORIES = 12
FEED_PAGE = 30


def home(request: Request) -> Response:
    site = site_of(request)
    cursor = parse_cursor(request.query_params.get("cursor"))
    with site.app.engine.connect() as conn:
        stories = qst.top_stories(conn, limit=HOME_STORIES) if cursor is None else []
        latest, next_cursor = qa.latest_articles(conn, limit=FEED_PAGE, cursor=cursor)
    return site.render(request, "home.html", {
        "stories": stories,
        "latest": latest,
        "next_cursor": next_cursor.encode() if next_cursor else None,
        "first_page": cursor is None,
    })


def article_page(request: Request, article_id: int) -> Response:
    article_id = row_id(article_id)
    site = site_of(request)
    with site.app.engine.connect() as conn:
        article = qa.article_by_id(conn, article_id)
        if article is None:
            raise HTTPException(404)
        related = qa.related_cards(
            conn, article.card, limit=8, pool=site.category_pool.newest, nearest=site.neighbours.nearest_ids
        )
        story = qst.story_by_id(conn, article.card.story_id) if article.card.story_id else None
        cites = qst.citations_for(conn, [article_id]).get(article_id, [])
    lead = lead_image_outside_body(article)
    return site.render(request, "article.html", {
        "a": article,
        "card": article.card,
        "lead": lead,
        "body_html": enhance_body_images(article.html, article.images),
        "photo_credits": photo_credits(article),
        # attribution lines already in the body are not repeated under it
        "extra_credits": [line for line in article.credits if line not in article.text],
        "related": related,
        "story": story,
        "cites": cites,
    })


def lead_image_outside_body(article: ArticleFull) -> ImageView | None:
    """The lead image, unless the body already shows it (no picture twice)."""
    lead = article.card.image
    if lead is None and article.images:
        lead = article.images[0]
    if lead is None:
        return None
    if lead.original_url in article.html or (lead.url and lead.url in article.html):
        return None
    for img in article.images:
        if img.original_url == lead.original_url:
            return img  # carries caption and credit
    return lead


def photo_credits(article: ArticleFull) -> list[str]:
    seen: list[str] = []
    for img in article.images:
        if img.credit and img.credit not in seen:
            seen.append(img.credit)
    return seen


def story_page(request: Request, story_id: int) -> Response:
    story_id = row_id(story_id)
    site = site_of(request)
    with site.app.engine.connect() as conn:
        story = qst.story_by_id(conn, story_id)
        if story is None:
            raise HTTPException(404)
        coverage = qa.story_cards(conn, story_id)
        cites = qst.citations_for(conn, [c.id for c in coverage])
    langs = sorted({c.lang for c in coverage if c.lang} | set(story.languages))
    outlets = {c.source.id: c.source for c in coverage}
    names_by_id = {s.id: s.name for s in outlets.values()}
    first_id = story.first_article_id or (coverage[0].id if coverage else None)
    return site.render(request, "story.html", {
        "story": story,
        "coverage": coverage,
        "cites": cites,
        "names_by_id": names_by_id,
        "languages": langs,
        "outlet_count": len(outlets),
        "first_id": first_id,
    })


def source_page(request: Request, source_id: int) -> Response:
    source_id = row_id(source_id)
    site = site_of(request)
    cursor = parse_cursor(request.query_params.get("cursor"))
    with site.app.engine.connect() as conn:
        source = qs.source_by_id(conn, source_id)
        if source is None:
            raise HTTPException(404)
        stats = qs.source_stats(conn, source)
        latest, next_cursor = qa.latest_articles(
            conn, limit=FEED_PAGE, cursor=cursor, source_id=source_id, include_duplicates=True
        )
    return site.render(request, "source.html", {
        "source": source,
        "stats": stats,
        "latest": latest,
        "next_cursor": next_cursor.encode() if next_cursor else None,
    })


def sources_page(request: Request) -> Response:
    site = site_of(request)
    with site.app.engine.connect() as conn:
        listing = qs.sources_with_stats(conn)
    return site.render(request, "sources.html", {"listing": listing})


def set_lang(request: Request, code: str) -> Response:
    """Language switcher target: remembers the choice and goes back where the reader was."""
    if code not in LANGS:
        raise HTTPException(404)
    target = request.query_params.get("next") or "/"
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        target = "/"
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(LANG_COOKIE, code, max_age=ONE_YEAR, samesite="lax")
    return response
