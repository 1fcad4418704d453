"""The allow-list every stored or served piece of third-party HTML passes through. Sanitize runs LAST, by rule:
nothing may touch the HTML after it."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import nh3

_TAGS = {
    "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "q", "cite",
    "figure", "figcaption", "img", "a", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small", "mark",
    "code", "pre", "hr", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "abbr", "time",
}  # fmt: skip
_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "srcset", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "abbr": {"title"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
# their content is never text a reader should see
_DROP_WITH_CONTENT = {"script", "style", "noscript", "iframe", "object", "embed", "svg", "math", "template",
                      "form", "button", "select", "textarea", "head", "title"}  # fmt: skip
_SCHEMES = {"http", "https", "mailto"}
_URL_ATTRIBUTES = {"href", "src", "cite"}


def _absolute(url: str, base_url: str) -> str | None:
    url = url.strip()
    if not url:
        return None
    joined = urljoin(base_url, url) if base_url else url
    scheme = urlsplit(joined).scheme.lower()
    return joined if scheme in _SCHEMES else None


def _srcset(value: str, base_url: str) -> str | None:
    kept = []
    for candidate in value.split(","):
        parts = candidate.split()
        if not parts:
            continue
        url = _absolute(parts[0], base_url)
        if url and urlsplit(url).scheme in ("http", "https"):
            kept.append(" ".join([url, *parts[1:2]]))
    return ", ".join(kept) or None


def sanitize_html(html: str, *, base_url: str) -> str:
    """Allow-listed article HTML: absolute http(s) URLs, links rel="nofollow noopener", no scripts, handlers,
    styles, frames or javascript:/data: URLs."""

    def attribute_filter(tag: str, attribute: str, value: str) -> str | None:
        if attribute == "srcset":
            return _srcset(value, base_url)
        if attribute in _URL_ATTRIBUTES:
            url = _absolute(value, base_url)
            if url is None or (tag == "img" and not url.startswith(("http://", "https://"))):
                return None
            return url
        if attribute in ("width", "height"):
            return value if value.isdigit() else None
        if attribute == "loading":
            return value if value in ("lazy", "eager") else None
        return value

    return nh3.clean(
        html,
        tags=_TAGS,
        clean_content_tags=_DROP_WITH_CONTENT,
        attributes=_ATTRIBUTES,
        attribute_filter=attribute_filter,
        strip_comments=True,
        link_rel="nofollow noopener",
        url_schemes=_SCHEMES,
        url_relative=lambda url: _absolute(url, base_url),
    ).strip()
