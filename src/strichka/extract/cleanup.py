"""Clean-up of what extractors leave behind: share/subscribe calls, «Читайте також» lines, link lists,
site furniture. Attribution and photo-credit lines are never dropped (credits.is_credit_line)."""

from __future__ import annotations

import re

from strichka.extract.blocks import Block
from strichka.extract.credits import is_credit_line
from strichka.extract.site_profile import SiteProfile

_LEFTOVER = re.compile(
    r"""^\W{0,3}(
      читай(те)?\s+(також|также|еще|ще|більше|больше|по\s+темі|по\s+теме)|дивіться\s+також|дивись\s+також|смотрите\s+также|смотри\s+также|горячие\s+темы|гарячі\s+теми|see\s+also|read\s+(also|more)
    | related(\s+(articles?|stories|news|posts))?\s*:?$|more\s+on\s+this|recommended|you\s+may\s+also\s+like
    | по\s+теме|по\s+темі|на\s+тему|теги|тэги|мітки|tags?\s*:|темы?\s*:
    | (поділитися|поширити|поделиться|share(\s+this)?(\s+(article|story|on))?)\b
    | (підпис(уйтесь|атися|уйся|ка)|подпис(ывайтесь|аться|ывайся|ка)|subscribe|sign\s+up\s+for|follow\s+us|join\s+us)\b
    | (ответить|відповісти|reply|читать\s+(новость|далее|полностью)|читати\s+(далі|новину|повністю)|подробнее|детальніше|read\s+more|continue\s+reading)\W*$
    | .{0,60}ctrl\s*\+\s*(enter|insert)
    | (коментарі|комментарии|comments?)\s*(\(\d+\)|:)?$|(додати|добавить|написати|оставить)\s+(коментар|комментарий)
    | (реклама|advertisement|sponsored|партнерський\s+матеріал|партнерский\s+материал)\s*$
    | (версія\s+для\s+друку|версия\s+для\s+печати|print(\s+this)?|надрукувати|распечатать)\s*$
    | (наш(і|и)\s+(канал|сторінк)|приєднуйтесь|присоединяйтесь)|(telegram|телеграм|viber|facebook|twitter|instagram)\s*$
    | .{0,30}(помітили|помітите|знайшли|знайдете|заметили|заметите|нашли|найдете|notice)\s+(помилку|ошибку|an?\s+error|a\s+typo)
    | ©|all\s+rights\s+reserved|усі\s+права\s+захищен|все\s+права\s+защищен|при\s+(использовании|використанні|цитуванні|цитировании)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_LEFTOVER_CHARS = 160
_LETTER = re.compile(r"[^\W\d_]")
_LINK_LINE_DENSITY = 0.6


_SUBSTANTIAL_CHARS = 120


def is_leftover_phrase(block: Block) -> bool:
    """Share/subscribe/«Читайте також» calls: furniture wherever they stand."""
    return len(block.text) <= _MAX_LEFTOVER_CHARS and _LEFTOVER.search(block.text) is not None


def is_edge_furniture(block: Block, profile: SiteProfile | None) -> bool:
    """Link lists, bare numbers, site-wide blocks: furniture when they stand outside the article's run of prose."""
    text = block.text
    if not _LETTER.search(text):
        return block.tag not in (
            "td",
            "th",
        )  # figures in a table are data, elsewhere they are dates and counters
    if block.link_density >= _LINK_LINE_DENSITY:
        return block.tag not in ("td", "th")
    return profile is not None and profile.pages > 0 and len(text) < 400 and profile.is_boilerplate(text)


def _is_substantial(block: Block) -> bool:
    return len(block.text) >= _SUBSTANTIAL_CHARS and block.link_density < 0.3 and not block.in_list


def clean_blocks(blocks: list[Block], profile: SiteProfile | None, *, edges_only: bool = True) -> list[Block]:
    prose = [n for n, b in enumerate(blocks) if _is_substantial(b)]
    first, last = (prose[0], prose[-1]) if prose else (len(blocks), -1)
    kept = []
    for n, block in enumerate(blocks):
        if is_credit_line(block.text):
            kept.append(block)
        elif is_leftover_phrase(block):
            continue
        elif (n < first or n > last or not edges_only) and is_edge_furniture(block, profile):
            continue
        else:
            kept.append(block)
    return kept
