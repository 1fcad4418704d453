"""Every URL of the site in one table: path, handler, methods, and whether it is public API."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from strichka.web import admin, api, feeds_out, media_route, pages, pages_lists, status


@dataclass(frozen=True)
class WebRoute:
    path: str
    endpoint: Callable[..., Any]
    name: str
    methods: tuple[str, ...] = ("GET",)
    api: bool = False  # listed in /api/v1/openapi.json


ROUTES: tuple[WebRoute, ...] = (
    # reader pages
    WebRoute("/", pages.home, "home"),
    WebRoute("/article/{article_id:int}", pages.article_page, "article"),
    WebRoute("/story/{story_id:int}", pages.story_page, "story"),
    WebRoute("/source/{source_id:int}", pages.source_page, "source"),
    WebRoute("/sources", pages.sources_page, "sources"),
    WebRoute("/category/{slug}", pages_lists.category_page, "category"),
    WebRoute("/archive", pages_lists.archive_today, "archive_today"),
    WebRoute("/archive/{day}", pages_lists.archive_page, "archive"),
    WebRoute("/search", pages_lists.search_page, "search"),
    WebRoute("/set-lang/{code}", pages.set_lang, "set_lang"),
    # feeds out
    WebRoute("/feed.{fmt}", feeds_out.home_feed, "home_feed"),
    WebRoute("/source/{source_id:int}/feed.{fmt}", feeds_out.source_feed, "source_feed"),
    WebRoute("/category/{slug}/feed.{fmt}", feeds_out.category_feed, "category_feed"),
    WebRoute("/story/{story_id:int}/feed.{fmt}", feeds_out.story_feed, "story_feed"),
    WebRoute("/search/feed.{fmt}", feeds_out.search_feed, "search_feed"),
    # mirrored images
    WebRoute("/media/{key:path}", media_route.serve_media, "media"),
    # operator
    WebRoute("/admin/sources", admin.admin_sources, "admin_sources"),
    WebRoute("/admin/sources/add", admin.admin_add_source, "admin_add_source", methods=("POST",)),
    WebRoute("/admin/sources/{source_id:int}/remove", admin.admin_remove_source, "admin_remove_source",
             methods=("POST",)),
    # JSON API
    WebRoute("/api/v1/articles", api.list_articles, "api_articles", api=True),
    WebRoute("/api/v1/articles/{article_id}", api.get_article, "api_article", api=True),
    WebRoute("/api/v1/stories", api.list_stories, "api_stories", api=True),
    WebRoute("/api/v1/stories/{story_id}", api.get_story, "api_story", api=True),
    WebRoute("/api/v1/sources", api.list_sources, "api_sources", api=True),
    WebRoute("/api/v1/sources/{source_id}", api.get_source, "api_source", api=True),
    WebRoute("/api/v1/categories", api.list_categories, "api_categories", api=True),
    WebRoute("/api/v1/search", api.search, "api_search", api=True),
    WebRoute("/api/v1/status", status.status, "api_status", api=True),
    WebRoute("/healthz", status.healthz, "healthz"),
)
