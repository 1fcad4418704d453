"""Listing pages: category, date archive, search."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from fastapi import HTTPException, Request
from fastapi.responses import Response

from strichka.web import queries_articles as qa
from strichka.web import queries_sources as qs
from strichka.web import queries_stories as qst
from strichka.web.i18n import CATEGORY_LABELS, LANGS, SEARCH_ERRORS
from strichka.web.pages import FEED_PAGE
from strichka.web.params import BadParam, parse_cursor
from strichka.web.search_form import PAGE_SIZE, SORTS, parse_search_form, run_search, safe_snippet
from strichka.web.site import site_of


def category_page(request: Request, slug: str) -> Response:
    if slug not in CATEGORY_LABELS:
        raise HTTPException(404)
    site = site_of(request)
    cursor = parse_cursor(request.query_params.get("cursor"))
    with site.app.engine.connect() as conn:
        stories = qst.top_stories(conn, limit=6, category=slug) if cursor is None else []
        latest, next_cursor = qa.latest_articles(conn, limit=FEED_PAGE, cursor=cursor, category=slug)
    return site.render(request, "category.html", {
        "slug": slug,
        "stories": stories,
        "latest": latest,
        "next_cursor": next_cursor.encode() if next_cursor else None,
    })


def archive_page(request: Request, day: str) -> Response:
    """One calendar day in the reader's time zone."""
    try:
        when = date.fromisoformat(day)
    except ValueError as exc:
        raise BadParam("day", "expected a date like 2026-01-31") from exc
    site = site_of(request)
    loc = site.localizer(request)
    start = datetime.combine(when, time.min, tzinfo=loc.zone).astimezone(UTC)
    end = datetime.combine(when + timedelta(days=1), time.min, tzinfo=loc.zone).astimezone(UTC)
    cursor = parse_cursor(request.query_params.get("cursor"))
    with site.app.engine.connect() as conn:
        latest, next_cursor = qa.latest_articles(
            conn, limit=FEED_PAGE, cursor=cursor, since=start, until=end
        )
    return site.render(request, "archive.html", {
        "day": when,
        "day_start": start,
        "prev_day": (when - timedelta(days=1)).isoformat(),
        "next_day": (when + timedelta(days=1)).isoformat(),
        "latest": latest,
        "next_cursor": next_cursor.encode() if next_cursor else None,
    }, loc=loc)


def archive_today(request: Request) -> Response:
    from fastapi.responses import RedirectResponse

    loc = site_of(request).localizer(request)
    return RedirectResponse(f"/archive/{datetime.now(loc.zone).date().isoformat()}", status_code=302)


def search_page(request: Request) -> Response:
    site = site_of(request)
    form = parse_search_form(request.query_params)
    hits: list[tuple[object, str]] = []
    total = 0
    error = None
    status = 200
    if form.q:
        from strichka.search import SearchQueryError

        try:
            result = run_search(site.app.searcher, form)
        except SearchQueryError as exc:
            loc = site.localizer(request)
            code_msg = SEARCH_ERRORS.get(exc.code)
            error, status = (loc.gettext(code_msg) if code_msg else str(exc)), 400
        else:
            total = result.total
            snippets = {h.article_id: safe_snippet(h.snippet_html) for h in result.hits}
            with site.app.engine.connect() as conn:
                cards = qa.cards_by_ids(conn, [h.article_id for h in result.hits])
            hits = [(c, snippets.get(c.id, "")) for c in cards]
    with site.app.engine.connect() as conn:
        sources = qs.all_sources(conn)
    pages = max(1, -(-total // PAGE_SIZE))
    return site.render(request, "search.html", {
        "form": form,
        "hits": hits,
        "total": total,
        "error": error,
        "sources": sources,
        "article_langs": LANGS,
        "categories": tuple(CATEGORY_LABELS),
        "sorts": SORTS,
        "prev_params": form.params(page=form.page - 1) if form.page > 1 else None,
        "next_params": form.params(page=form.page + 1) if form.page < pages else None,
        "feed_params": form.params(page=None),
    }, status=status)
