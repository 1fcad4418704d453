"""Inline images of the article with their captions and photo credits («Фото: Міноборони»)."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from strichka.extract.blocks import fingerprint, squash
from strichka.models import ArticleImage

_CREDIT_IN_CAPTION = re.compile(
    r"(фото|світлина|photo|image|credit|источник|джерело|ілюстрація|иллюстрация)\s*:.*$|©.*$|\((getty|reuters|ap|afp|epa)[^)]*\)\s*$",
    re.IGNORECASE,
)
_CREDIT_CLASS = re.compile(r"credit|copyright|author|source|byline", re.IGNORECASE)
_MAX_IMAGES = 30
_MAX_LEVELS_UP = 3


def split_credit(caption: str) -> tuple[str, str]:
    """'Солдати на навчаннях. Фото: Міноборони' → ('Солдати на навчаннях.', 'Фото: Міноборони')."""
    match = _CREDIT_IN_CAPTION.search(caption)
    if not match:
        return caption, ""
    return caption[: match.start()].strip(" |–—-"), match.group(0).strip()


def _image_url(img: HtmlElement, base_url: str) -> str | None:
    for attribute in ("src", "data-src", "data-lazy-src", "data-original"):
        value = (img.get(attribute) or "").strip()
        if value and not value.startswith("data:"):
            url = urljoin(base_url, value)
            return url if urlsplit(url).scheme in ("http", "https") else None
    return None


def _caption_of(img: HtmlElement) -> tuple[str, str]:
    figure = next((a for a in img.iterancestors("figure")), None)
    caption, credit = "", ""
    if figure is not None:
        figcaption = figure.find(".//figcaption")
        if figcaption is not None:
            for element in figcaption.iter():
                if _CREDIT_CLASS.search(element.get("class", "")) and element is not figcaption:
                    credit = squash(element.text_content())
            caption = squash(figcaption.text_content())
            if credit and caption.endswith(credit):
                caption = caption[: -len(credit)].strip()
    if not credit:
        caption, credit = split_credit(caption)
    return caption, credit


def _in_article(img: HtmlElement, body_prints: set[str], known: dict[HtmlElement, bool]) -> bool:
    """An image belongs to the article when a nearby ancestor also holds a paragraph of the body."""
    for level, ancestor in enumerate(img.iterancestors()):
        if level >= _MAX_LEVELS_UP or ancestor.tag in ("body", "html"):
            return False
        if ancestor not in known:
            known[ancestor] = any(fingerprint(p.text_content()) in body_prints for p in ancestor.iter("p"))
        if known[ancestor]:
            return True
    return False


def article_images(
    tree: HtmlElement, *, base_url: str, body_lines: list[str], skip: str | None
) -> tuple[ArticleImage, ...]:
    return tuple(
        image for _, image in placed_images(tree, base_url=base_url, body_lines=body_lines, skip=skip)
    )


def placed_images(
    tree: HtmlElement, *, base_url: str, body_lines: list[str], skip: str | None
) -> list[tuple[HtmlElement, ArticleImage]]:
    """The article's images with the <img> they came from, in page order."""
    body_prints = {fingerprint(line) for line in body_lines if len(line) > 40}
    found: list[tuple[HtmlElement, ArticleImage]] = []
    seen = {skip} if skip else set()
    known: dict[HtmlElement, bool] = {}
    for img in tree.iter("img"):
        if next(img.iterancestors("a"), None) is not None and next(img.iterancestors("figure"), None) is None:
            continue  # a linked thumbnail is a teaser for another story
        url = _image_url(img, base_url)
        if not url or url in seen or not _in_article(img, body_prints, known):
            continue
        seen.add(url)
        caption, credit = _caption_of(img)
        found.append(
            (img, ArticleImage(url=url, caption=caption, credit=credit, alt=squash(img.get("alt", ""))))
        )
        if len(found) >= _MAX_IMAGES:
            break
    return found
