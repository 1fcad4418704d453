"""Who an article says it took its news from: «Як передає Укрінформ», «— УНІАН», "according to Reuters".

Each found attribution becomes an edge (citing article → cited outlet) for the story's origin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from strichka.stories.features import WORD, name_key
from strichka.text.normalize import is_first_name


@dataclass(frozen=True)
class Citation:
    cited_name: str  # the outlet as written: «Укрінформ», "Reuters"
    phrase: str  # the words that said so, for the story page


# An outlet name: a capitalised word (Cyrillic or Latin), optionally followed by one or two more,
# or a quoted name («Інтерфакс-Україна», "The Guardian").
_NAME = r"(?:«[^»\n]{2,40}»|\"[^\"\n]{2,40}\"|[A-ZА-ЯІЇЄҐЁ][\w\-]*(?:\.\w[\w\-]*)*(?:[ \-](?:[A-ZА-ЯІЇЄҐЁ][\w\-]*(?:\.\w[\w\-]*)*|News|Post|Times|Today|\d+)){0,2})"

_BEFORE = [  # the verb or phrase comes before the outlet
    r"(?:як|як про це|про це) (?:передає|повідомляє|пише|повідомило|повідомила|інформує)",
    r"(?:як |об этом )?(?:передает|передаёт|сообщает|сообщило|сообщила|пишет|информирует)",
    r"(?:за даними|за інформацією|з посиланням на|по данным|по информации|со ссылкой на)",
    r"(?:повідомляє|повідомила|повідомило|передає|пише)",
    r"(?:according to|reported by|citing|as reported by)",
]
_AFTER = [  # the outlet comes before the verb: "Reuters reported", «Укрінформ повідомляє»
    r"(?:reported|reports|said|says|wrote) (?:on|that|earlier)?",
]
_BEFORE_RE = re.compile(r"(?<!\w)((?i:" + "|".join(_BEFORE) + r"))\s+(" + _NAME + r")")
_AFTER_RE = re.compile(r"(" + _NAME + r")\s+(" + "|".join(_AFTER) + r")", re.UNICODE)
_DASH_RE = re.compile(r"(?:^|(?<=\s))[—–-]\s*(" + _NAME + r")\s*\.?\s*$", re.MULTILINE)
# Words the patterns catch that are people or generic nouns, not outlets.
_NOT_OUTLETS = frozenset(
    "він вона вони воно он она они оно it he she they we the a this that which who джерело джерела источник "
    "источники source sources його її их міністр министр president президент officials people police "
    "спикер речник пресслужба пресс-служба".split()
)


def find_citations(text: str, *, limit: int = 5) -> tuple[Citation, ...]:
    """Outlets the text attributes its news to, in the order found, each once."""
    found: dict[str, Citation] = {}
    head = text[:4000]
    tail = text[-600:]
    for match in _BEFORE_RE.finditer(head):
        _keep(found, match.group(2), match.group(0))
    for match in _AFTER_RE.finditer(head):
        _keep(found, match.group(1), match.group(0))
    for match in _DASH_RE.finditer(head[:300] + "\n" + tail):
        _keep(found, match.group(1), match.group(0))
    return tuple(found.values())[:limit]


def _keep(found: dict[str, Citation], raw_name: str, phrase: str) -> None:
    name = raw_name.strip(" .,«»\"")
    if not name or name.lower() in _NOT_OUTLETS or name.split()[0].lower() in _NOT_OUTLETS:
        return
    if len(name) < 2 or name.lower() in found:
        return
    if is_first_name(name.split()[0]):  # «за даними Тимура Ткаченка»: a person, not an outlet
        return
    found[name.lower()] = Citation(cited_name=name, phrase=" ".join(phrase.split())[:200])


_GENERIC_WORDS = frozenset(
    "агентство агентства інформаційне информационное видання издание газета телеканал радіо радио "
    "agency news the daily online інформагентство информагентство".split()
)


def outlet_keys(name: str) -> tuple[str, ...]:
    """Transliterated keys of the significant words of an outlet's name, in order."""
    return tuple(name_key(w) for w in WORD.findall(name) if w.lower() not in _GENERIC_WORDS and len(w) > 2)


def same_outlet(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two outlet_keys name one outlet: «УкрПресс-Инфо» is «Агентство УкрПрес-Інфо», «Карпатский
    вестник» is «Карпатський вісник», but «Українська правда» is not «Українські новини»."""
    if not a or not b or a[0] != b[0]:
        return False
    return all(x[0] == y[0] for x, y in zip(a[1:], b[1:], strict=False))
