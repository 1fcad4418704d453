"""The search form's parameters, parsed once for the page, the API and the search feeds."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import nh3

from strichka.web.i18n import CATEGORY_LABELS, LANGS
from strichka.web.params import BadParam, parse_choice, parse_date, parse_int, parse_slug, parse_text

PAGE_SIZE = 20
MAX_PAGE = 50
SORTS = ("relevance", "date")


@dataclass(frozen=True)
class SearchForm:
    q: str = ""
    source: int | None = None
    lang: str | None = None
    category: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "relevance"
    page: int = 1

    @property
    def offset(self) -> int:
        return (self.page - 1) * PAGE_SIZE

    def params(self, **changes: Any) -> dict[str, str]:
        """The form as query parameters (empty ones left out), for links and feeds."""
        values = {
            "q": self.q, "source": self.source, "lang": self.lang, "category": self.category,
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "sort": None if self.sort == "relevance" else self.sort,
            "page": None if self.page == 1 else self.page,
        }
        values.update(changes)
        return {k: str(v) for k, v in values.items() if v not in (None, "")}


def parse_search_form(query: Mapping[str, str]) -> SearchForm:
    lang = query.get("lang") or None
    if lang is not None and lang not in LANGS:
        raise BadParam("lang", "expected one of " + ", ".join(LANGS))
    category = parse_slug("category", query.get("category"))
    if category is not None and category not in CATEGORY_LABELS:
        raise BadParam("category", "no such category")
    date_from = parse_date("from", query.get("from"))
    date_to = parse_date("to", query.get("to"))
    if date_from and date_to and date_from > date_to:
        raise BadParam("from", "is after 'to'")
    return SearchForm(
        q=parse_text("q", query.get("q")),
        source=parse_int("source", query.get("source"), lo=1),
        lang=lang,
        category=category,
        date_from=date_from,
        date_to=date_to,
        sort=parse_choice("sort", query.get("sort"), SORTS, "relevance"),
        page=parse_int("page", query.get("page"), default=1, lo=1, hi=MAX_PAGE) or 1,
    )


def run_search(searcher: Any, form: SearchForm, *, limit: int = PAGE_SIZE) -> Any:
    """Ask the searcher; raises strichka.search.SearchQueryError for queries it cannot use."""
    from strichka.search import SearchQuery

    return searcher.search(SearchQuery(
        form.q,
        source_ids=(form.source,) if form.source else (),
        langs=(form.lang,) if form.lang else (),
        categories=(form.category,) if form.category else (),
        date_from=_day_start(form.date_from),
        date_to=_day_start(form.date_to + timedelta(days=1)) if form.date_to else None,
        sort="date" if form.sort == "date" else "relevance",
        limit=limit,
        offset=form.offset,
    ))


def _day_start(day: date | None) -> datetime | None:
    return datetime.combine(day, time.min, tzinfo=UTC) if day else None


def safe_snippet(snippet_html: str) -> str:
    """Snippets come from the searcher: keep only its <mark> highlights, escape the rest."""
    return nh3.clean(snippet_html or "", tags={"mark"}, attributes={})
