"""Small, fast views of feed HTML: its plain text and its first image.

Regular expressions rather than an HTML parser: this runs on every entry of every feed, needs
only text for summaries and one src attribute, and never produces HTML that is served
(the pipeline sanitizes content_html separately).
"""

from __future__ import annotations

import html
import re

# One pass for what becomes a space: invisible content (scripts, styles, comments) and block tags.
_INVISIBLE_OR_BLOCK = re.compile(
    r"<(script|style|template)\b.*?</\1\s*>|<!--.*?-->"
    r"|</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|blockquote|section|article)\b[^>]*>",
    re.I | re.S,
)
_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<![^<>]*>")
_UNCLOSED_INVISIBLE = re.compile(r"<(script|style|template)\b(?:(?!</\1).)*\Z", re.I | re.S)
_IMG_SRC = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s>"']+))""", re.I)

SUMMARY_CHARS = 600  # summaries are cut to about this length: a snippet, not the article


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed."""
    if "<" in markup:
        text = _TAG.sub("", _INVISIBLE_OR_BLOCK.sub(" ", markup))
    else:
        text = markup
    if "&" in text:
        text = html.unescape(text)
    return collapse_whitespace(text)


def collapse_whitespace(text: str) -> str:
    """" ".join(text.split()), without rebuilding text that is already one line of single spaces.

    Splitting allocates a string per word; most titles and plain descriptions need no change.
    Every whitespace character but the ASCII space is non-printable, so isprintable() plus the
    two checks below prove the text would come back unchanged.
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def summary_text(markup: str, limit: int = SUMMARY_CHARS) -> str:
    """Plain-text summary of HTML of any length, about `limit` characters at most.

    Only a prefix of long markup is converted: a summary needs the opening, and stripping a
    whole article per entry would dominate the cost of parsing a feed.
    """
    window = limit * 2
    if len(markup) <= window:
        return shorten(html_to_text(markup), limit)
    text = html_to_text(_cut_markup(markup, window))
    if len(text) < limit:  # markup-heavy HTML: look further
        text = html_to_text(_cut_markup(markup, limit * 10))
    return shorten(text, limit)


def _cut_markup(markup: str, size: int) -> str:
    """The first `size` characters of markup, without a trailing half tag or unclosed script."""
    if len(markup) <= size:
        return markup
    markup = markup[:size]
    last_open = markup.rfind("<")
    if last_open > markup.rfind(">"):
        markup = markup[:last_open]
    return _UNCLOSED_INVISIBLE.sub("", markup)


def shorten(text: str, limit: int = SUMMARY_CHARS) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip() + "…"


def first_image_src(markup: str) -> str | None:
    if "<img" not in markup and "<IMG" not in markup:
        return None
    match = _IMG_SRC.search(markup)
    if match is None:
        return None
    src = html.unescape(next(g for g in match.groups() if g)).strip()
    return None if src.startswith("data:") else src
