"""Page → article: candidates (trafilatura, readability), chooser, clean-up, metadata, sanitize (always last)."""

from strichka.extract.article import PageExtraction, article_to_json, extract_article, extract_page
from strichka.extract.sanitize import sanitize_html
from strichka.extract.site_profile import SiteProfile, learn_site_profile

__all__ = [
    "PageExtraction",
    "SiteProfile",
    "article_to_json",
    "extract_article",
    "extract_page",
    "learn_site_profile",
    "sanitize_html",
]
