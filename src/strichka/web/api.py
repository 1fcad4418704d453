"""JSON API under /api/v1: articles, stories, sources, categories, search. orjson, cursor pages.

ETags and 304s come from the page cache in front of the app; validation errors are 400s.
"""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import HTTPException, Query, Request
from fastapi.responses import Response

from strichka.web import queries_articles as qa
from strichka.web import queries_sources as qs
from strichka.web import queries_stories as qst
from strichka.web.i18n import CATEGORY_LABELS, LANGS, Localizer, reader_zone
from strichka.web.params import MAX_LIMIT, Cursor, parse_cursor, row_id
from strichka.web.search_form import parse_search_form, run_search, safe_snippet
from strichka.web.site import site_of
from strichka.web.views import ArticleCard, ArticleFull, FeedHealth, ImageView, SourceRef, StoryCard


class ORJSONResponse(Response):
    """JSON via orjson (FastAPI's own ORJSONResponse is deprecated)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page")]
CursorParam = Annotated[str | None, Query(description="next_cursor of the previous page")]


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def image_json(request: Request, img: ImageView | None) -> dict[str, Any] | None:
    if img is None:
        return None
    base = _base(request)
    return {
        "original_url": img.original_url,
        "key": img.key,
        "url": base + img.url if img.url else None,
        "width": img.width,
        "height": img.height,
        "thumbnails": {str(w): f"{base}/media/{k}" for w, k in img.thumbnails},
        "caption": img.caption,
        "credit": img.credit,
        "alt": img.alt,
    }


def source_json(src: SourceRef) -> dict[str, Any]:
    return {"id": src.id, "name": src.name, "lang": src.lang, "site_url": src.site_url}


def card_json(request: Request, c: ArticleCard) -> dict[str, Any]:
    return {
        "id": c.id,
        "url": c.url,
        "permalink": f"{_base(request)}/article/{c.id}",
        "title": c.title,
        "source": {"id": c.source.id, "name": c.source.name},
        "lang": c.lang,
        "published_at": c.published_at.isoformat(),
        "category": c.category,
        "story_id": c.story_id,
        "lead_image": image_json(request, c.image),
    }


def article_json(request: Request, a: ArticleFull) -> dict[str, Any]:
    data = card_json(request, a.card)
    data.update({
        "text": a.text,
        "html": a.html,
        "author": a.author,
        "updated_at": a.updated_at.isoformat() if a.updated_at else None,
        "credits": list(a.credits),
        "images": [image_json(request, img) for img in a.images],
    })
    return data


def story_json(request: Request, s: StoryCard) -> dict[str, Any]:
    return {
        "id": s.id,
        "permalink": f"{_base(request)}/story/{s.id}",
        "title": s.title,
        "titles": s.titles,
        "category": s.category,
        "article_count": s.article_count,
        "source_count": s.source_count,
        "languages": list(s.languages),
        "score": s.score,
        "created_at": s.created_at.isoformat(),
        "updated_at": s.updated_at.isoformat(),
        "first_article_id": s.first_article_id,
        "first_source": {"id": s.first_source.id, "name": s.first_source.name} if s.first_source else None,
        "lead_image": image_json(request, s.image),
    }


def _stamp(value: Any) -> str | None:
    return value.isoformat() if value else None


def feed_json(f: FeedHealth) -> dict[str, Any]:
    return {
        "id": f.id, "url": f.url, "title": f.title, "status": f.status,
        "last_success_at": _stamp(f.last_success_at), "last_error": f.last_error,
        "last_error_at": _stamp(f.last_error_at), "error_count": f.error_count,
        "next_check_at": _stamp(f.next_check_at),
    }


def _page(items: list[dict[str, Any]], nxt: Cursor | None) -> ORJSONResponse:
    """One page of a list: its items and the cursor of the next page (null on the last)."""
    return ORJSONResponse({"items": items, "next_cursor": nxt.encode() if nxt else None})


def list_articles(request: Request, cursor: CursorParam = None, limit: Limit = 20) -> ORJSONResponse:
    """Newest articles first; follow next_cursor for older ones."""
    position = parse_cursor(cursor)
    with site_of(request).app.engine.connect() as conn:
        cards, nxt = qa.latest_articles(conn, limit=limit, cursor=position, include_duplicates=True)
    return _page([card_json(request, c) for c in cards], nxt)


def get_article(request: Request, article_id: int) -> ORJSONResponse:
    """One article with its text, sanitized HTML and images (original and mirrored URLs)."""
    article_id = row_id(article_id)
    with site_of(request).app.engine.connect() as conn:
        article = qa.article_by_id(conn, article_id)
    if article is None:
        raise HTTPException(404, "no such article")
    return ORJSONResponse(article_json(request, article))


def list_stories(request: Request, cursor: CursorParam = None, limit: Limit = 20) -> ORJSONResponse:
    """Stories by last update, newest first."""
    position = parse_cursor(cursor)
    with site_of(request).app.engine.connect() as conn:
        cards, nxt = qst.recent_stories(conn, limit=limit, cursor=position)
    return _page([story_json(request, s) for s in cards], nxt)


def get_story(request: Request, story_id: int) -> ORJSONResponse:
    """One story with every article on it, oldest first, and whom each article cites."""
    story_id = row_id(story_id)
    with site_of(request).app.engine.connect() as conn:
        story = qst.story_by_id(conn, story_id)
        if story is None:
            raise HTTPException(404, "no such story")
        coverage = qa.story_cards(conn, story_id)
        cites = qst.citations_for(conn, [c.id for c in coverage])
    data = story_json(request, story)
    data["articles"] = [
        {**card_json(request, c), "cites": [
            {"name": x.cited_name, "source_id": x.cited_source_id} for x in cites.get(c.id, [])
        ]}
        for c in coverage
    ]
    return ORJSONResponse(data)


def list_sources(request: Request) -> ORJSONResponse:
    """Every outlet with its feeds' health and articles per day over the last week."""
    with site_of(request).app.engine.connect() as conn:
        listing = qs.sources_with_stats(conn)
    return ORJSONResponse({"items": [
        {**source_json(s.source), "articles_per_day": round(s.articles_per_day, 2),
         "feeds": [feed_json(f) for f in s.feeds]}
        for s in listing
    ]})


def get_source(request: Request, source_id: int) -> ORJSONResponse:
    source_id = row_id(source_id)
    with site_of(request).app.engine.connect() as conn:
        source = qs.source_by_id(conn, source_id)
        if source is None:
            raise HTTPException(404, "no such source")
        stats = qs.source_stats(conn, source)
    return ORJSONResponse({**source_json(source), "articles_per_day": round(stats.articles_per_day, 2),
                           "feeds": [feed_json(f) for f in stats.feeds]})


def list_categories(request: Request) -> ORJSONResponse:
    """Category slugs with their labels in the three interface languages and article counts."""
    with site_of(request).app.engine.connect() as conn:
        counts = dict(qs.categories_in_use(conn))
    zone = reader_zone(None)
    return ORJSONResponse({"items": [
        {"slug": slug, "labels": {lang: Localizer(lang, zone).category(slug) for lang in LANGS},
         "article_count": counts.get(slug, 0)}
        for slug in CATEGORY_LABELS
    ]})


def search(
    request: Request,
    q: Annotated[str, Query(max_length=500, description="Words to find (morphology-aware)")],
    source: Annotated[int | None, Query(ge=1)] = None,
    lang: Annotated[str | None, Query(description="Article language: uk, ru, en")] = None,
    category: str | None = None,
    date_from: Annotated[str | None, Query(alias="from", description="YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="YYYY-MM-DD")] = None,
    sort: Annotated[str, Query(pattern="^(relevance|date)$")] = "relevance",
    page: Annotated[int, Query(ge=1, le=50)] = 1,
) -> ORJSONResponse:
    """Full-text search with filters; snippets carry <mark> highlights."""
    from strichka.search import SearchQueryError

    form = parse_search_form(request.query_params)
    if not form.q:
        raise HTTPException(400, "q: give some words to search for")
    site = site_of(request)
    try:
        result = run_search(site.app.searcher, form)
    except SearchQueryError as exc:
        raise HTTPException(400, str(exc)) from exc
    with site.app.engine.connect() as conn:
        cards = qa.cards_by_ids(conn, [h.article_id for h in result.hits])
    by_id = {h.article_id: h for h in result.hits}
    return ORJSONResponse({
        "total": result.total,
        "page": form.page,
        "items": [
            {**card_json(request, c), "score": by_id[c.id].score, "snippet_html": safe_snippet(by_id[c.id].snippet_html)}
            for c in cards
        ],
    })
