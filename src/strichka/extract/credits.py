"""Attribution and photo-credit lines: short, but part of the article, and kept by every clean-up rule."""

from __future__ import annotations

import re
from functools import lru_cache

_CREDIT = re.compile(
    r"""(
      ^\W{0,3}(фото|фото\s+ілюстративне|світлина|відео|джерело|источник|автор|photo|photos|image|video|source|credit|picture)s?\b\s*[:：-]
    | ^\W{0,3}(як|как)\s+(передає|передают|передає|повідомляє|повідомили|сообщает|сообщают|сообщили|пишет|пише|зазначає|отмечает)
    | ^\W{0,3}(про\s+це|об\s+этом)\s+(повідомляє|повідомили|повідомив|повідомила|пише|написав|написала|сообщает|сообщили|сообщил|сообщила|пишет|написал|написала|заявив|заявила|заявил|розповів|розповіла|рассказал|рассказала)
    | ^\W{0,3}за\s+(даними|інформацією|словами)\b
    | ^\W{0,3}по\s+(данным|информации|словам)\b
    | (передає|передают|повідомляє|сообщает|сообщил[иа]?|пишет|пише|информирует|інформує)\s+[«"„]?[A-ZА-ЯІЇЄҐЁ]
    | ^\W{0,3}(according\s+to|reported\s+by|via)\s
    | \b(reports?|reported|said|told)\s+(reuters|ap|afp|bloomberg|the\s+associated\s+press)\b
    | ^[—–-]\s*[A-ZА-ЯІЇЄҐЁ][\w\s.«»"-]{1,40}$
    | ^\W{0,3}(originally\s+published|first\s+published|this\s+(article|story)\s+(was|has\s+been|first|originally)|adapted\s+from|republished)
    | ^\W{0,3}(матеріал|материал)\s+(підготовлен|подготовлен)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_CREDIT_CHARS = 300


@lru_cache(maxsize=4096)
def is_credit_line(text: str) -> bool:
    """True for «Як передає Укрінформ, …», «Фото: Міноборони», «— УНІАН», "according to Reuters"."""
    return len(text) <= _MAX_CREDIT_CHARS and _CREDIT.search(text) is not None


def credit_lines(lines: list[str]) -> tuple[str, ...]:
    return tuple(line for line in lines if is_credit_line(line))
