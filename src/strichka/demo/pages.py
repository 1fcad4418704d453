"""HTML of the demo outlets: article pages wrapped in the boilerplate of the real web, home pages.

The article body holds exactly catalog.body_blocks(); everything else on the page (menu, cookie
banner, ads, related links, share buttons, subscription box, comments, footer) is what an extractor
must leave out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from .catalog import Paragraph, Picture, body_blocks
from .model import DemoArticle, Outlet

_KYIV = ZoneInfo("Europe/Kyiv")
_MONTHS = {
    "uk": ("січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"),
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"),
}
_RSS_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml", "json": "application/feed+json"}


def visible_date(moment: datetime, lang: str) -> str:
    """Dates as outlets print them: Kyiv local time, no zone, in the outlet's language."""
    local = moment.astimezone(_KYIV)
    if lang == "en":
        return f"{local.strftime('%B')} {local.day}, {local.year}, {local:%H:%M}"
    return f"{local.day} {_MONTHS[lang][local.month - 1]} {local.year}, {local:%H:%M}"


def _head(outlet: Outlet, base_url: str, title: str, extra: str = "") -> str:
    feed_href = f"{base_url}/{outlet.slug}/{outlet.feed_path}"
    return (
        f'<!DOCTYPE html>\n<html lang="{outlet.lang}">\n<head>\n<meta charset="{outlet.encoding}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f'<link rel="alternate" type="{_RSS_TYPES[outlet.feed_format]}" title="{escape(outlet.name)}" href="{feed_href}">\n'
        f'<link rel="icon" type="image/png" href="{base_url}/{outlet.slug}/favicon.png">\n'
        f"{extra}"
        "<style>body{font-family:Georgia,serif;margin:0}header,footer{background:#222;color:#eee;padding:8px}"
        ".cookie-banner{position:fixed;bottom:0;background:#ffd;padding:6px}.ad{background:#eee;margin:8px}</style>\n"
        "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}</script>\n"
        "</head>\n"
    )


def _chrome_top(outlet: Outlet, base_url: str) -> str:
    style = outlet.style
    menu = "".join(f'<li><a href="{base_url}/{outlet.slug}/">{escape(item)}</a></li>' for item in style.menu)
    return (
        f'<body>\n<div class="cookie-banner" id="cookie-consent"><p>{escape(style.cookie_text)}</p>'
        '<button type="button">OK</button></div>\n'
        f'<header class="site-header"><a class="logo" href="{base_url}/{outlet.slug}/">{escape(outlet.name)}</a>'
        f'<span class="tagline">{escape(outlet.tagline)}</span><nav class="main-menu"><ul>{menu}</ul></nav></header>\n'
        f'<div class="ad ad-top" data-ad-slot="top">{escape(style.ad_text)}</div>\n'
    )


def _chrome_bottom(outlet: Outlet) -> str:
    return (
        f'<footer class="site-footer"><p>{escape(outlet.style.footer_text)}</p>'
        '<ul class="footer-links"><li><a href="#">Про нас / About</a></li><li><a href="#">Контакти</a></li>'
        '<li><a href="#">Реклама</a></li></ul></footer>\n'
        '<script>document.getElementById("cookie-consent").onclick=function(){this.remove()}</script>\n'
        "</body>\n</html>\n"
    )


def _picture_html(picture: Picture, base_url: str, outlet: Outlet, alt: str) -> str:
    image = picture.image
    src = f"{base_url}/{outlet.slug}/img/{image.file_name}"
    img = f'<img src="{src}" alt="{escape(image.caption or alt)}" loading="lazy">'
    if image.figure:
        caption = f"{escape(image.caption)}. " if image.caption else ""
        return f"<figure>{img}<figcaption>{caption}{escape(picture.credit_line)}</figcaption></figure>"
    return f'<div class="photo">{img}</div>'


def _meta_tags(article: DemoArticle, outlet: Outlet, base_url: str, published: datetime) -> str:
    if not outlet.style.date_in_meta:
        return ""
    lead = article.images[0]
    tags = [
        ('property="og:type"', "article"),
        ('property="og:title"', article.title),
        ('property="og:url"', f"{base_url}{article.path}"),
        ('property="og:image"', f"{base_url}/{outlet.slug}/img/{lead.file_name}"),
        ('property="og:site_name"', outlet.name),
        ('property="article:published_time"', published.isoformat()),
    ]
    if article.author:
        tags += [('name="author"', article.author), ('property="article:author"', article.author)]
    return "".join(f'<meta {key} content="{escape(value)}">\n' for key, value in tags)


def article_page(
    article: DemoArticle, outlet: Outlet, base_url: str, published: datetime, related: Sequence[DemoArticle]
) -> str:
    style = outlet.style
    extra = _meta_tags(article, outlet, base_url, published) + f'<link rel="canonical" href="{base_url}{article.path}">\n'
    byline = ""
    if not style.date_in_meta:
        author = f' · <span class="author">{escape(article.author)}</span>' if article.author else ""
        byline = f'<div class="byline"><time>{visible_date(published, outlet.lang)}</time>{author}</div>\n'
    body = []
    for block in body_blocks(article):
        if isinstance(block, Paragraph):
            body.append(f"<p>{escape(block.text)}</p>")
        else:
            body.append(_picture_html(block, base_url, outlet, article.title))
    related_items = "".join(f'<li><a href="{base_url}{other.path}">{escape(other.title)}</a></li>' for other in related)
    comments = "".join(
        f'<div class="comment"><span class="comment-author">{escape(user)}</span><p>{escape(text)}</p></div>'
        for user, text in style.comments
    )
    return (
        _head(outlet, base_url, f"{article.title} — {outlet.name}", extra)
        + _chrome_top(outlet, base_url)
        + '<main class="content">\n<article class="post">\n'
        + f'<div class="breadcrumbs"><a href="{base_url}/{outlet.slug}/">{escape(outlet.name)}</a></div>\n'
        + f"<h1>{escape(article.title)}</h1>\n{byline}"
        + f'<div class="{style.body_class}">\n' + "\n".join(body) + "\n</div>\n"
        + f'<div class="share-buttons"><span>{escape(style.share_text)}</span> <a href="#">Facebook</a> '
        '<a href="#">Telegram</a> <a href="#">X</a> <a href="#">Viber</a></div>\n'
        + "</article>\n"
        + f'<div class="ad ad-inline" data-ad-slot="inline">{escape(style.ad_text)}</div>\n'
        + f'<aside class="related-news"><h3>{escape(style.related_heading)}</h3><ul>{related_items}</ul></aside>\n'
        + f'<div class="subscribe-box"><p>{escape(style.subscribe_text)}</p><form><input type="email"><button>OK</button></form></div>\n'
        + f'<section class="comments" id="comments"><h3>{escape(style.comments_heading)} ({len(style.comments)})</h3>'
        + comments + "</section>\n</main>\n"
        + _chrome_bottom(outlet)
    )


def home_page(outlet: Outlet, base_url: str, listed: Sequence[tuple[DemoArticle, datetime]]) -> str:
    items = "".join(
        f'<li class="news-item"><span class="time">{visible_date(moment, outlet.lang)}</span> '
        f'<a href="{base_url}{article.path}">{escape(article.title)}</a></li>'
        for article, moment in listed
    )
    feed_link = ""
    if not outlet.feed_only_via_alternate:
        feed_link = f'<p class="rss"><a href="{base_url}/{outlet.slug}/{outlet.feed_path}">RSS</a></p>'
    return (
        _head(outlet, base_url, f"{outlet.name} — {outlet.tagline}")
        + _chrome_top(outlet, base_url)
        + f'<main class="content"><h1>{escape(outlet.name)}</h1><ul class="news-list">{items}</ul>{feed_link}</main>\n'
        + _chrome_bottom(outlet)
    )


def index_page(base_url: str, outlets: Sequence[Outlet]) -> str:
    items = "".join(
        f'<li><a href="{base_url}/{o.slug}/">{escape(o.name)}</a> ({o.lang}, {o.feed_format}, {o.encoding})</li>'
        for o in outlets
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>strichka demo web</title></head>'
        f"<body><h1>strichka demo web</h1><p>Fictional outlets for tests and the demo.</p><ul>{items}</ul>"
        f'<p><a href="{base_url}/opml.xml">OPML</a> · <a href="{base_url}/ground-truth.json">ground truth</a></p>'
        "</body></html>\n"
    )
