"""Lexical fingerprints of an article used to compare it with others: stems, names, numbers.

Stems are language-specific (Snowball for ru/en, a suffix stripper for uk) so that «ракета»,
«ракети» and «ракетами» count as one word. Names and numbers are also keyed on a Latin
transliteration so that «Зеленський», «Зеленский» and "Zelensky" meet across languages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from strichka.stories.entities import LEAD_CHARS, PeopleNamed, people_named
from strichka.text.stemmers import stem_word

WORD = re.compile(r"[^\W\d_]+(?:['’ʼ-][^\W\d_]+)*|\d+(?:[.,:]\d+)*", re.UNICODE)
SENTENCE_START = re.compile(r"(?:^|[.!?…:«\"“]\s*|\n)$")

_QUOTED = re.compile(r"«([^«»]{1,80})»|“([^“”]{1,80})”|„([^„“”]{1,80})[“”]|\"([^\"]{1,80})\"")
_QUOTED_NAME_WORDS = 4  # longer quotes are speech or titles of works that rarely recur verbatim
_SPEECH_BEFORE = re.compile(r"[:—–-]\s*$")  # «Липпи: «От нынешней ситуации ...»»

_SNOWBALL = {"ru": "russian", "en": "english"}
_UK_ENDINGS = re.compile(
    r"(ськими|ськиx|ського|ській|ська|ські|ський|ськ|ами|ями|ові|еві|ого|ому|ими|ій|ий|ої|ою|ею|ах|ях|"
    r"ів|їв|ом|ем|ам|ям|а|я|о|е|у|ю|і|ї|и|ь)$"
)
_CYR = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "e",
        "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m",
        "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h",
        "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "u",
        "я": "a", "'": "", "’": "", "ʼ": "",
    }
)
# Capitalised words that start many sentences or are calendar words: not names of anything.
_NOT_NAMES = frozenset(
    "в у на и й і та а но але the a an in on at of to for and but by with from as it this that he she they "
    "we i его её их він вона вони он она они это це этот цей по за из з із к до от від о про при для не "
    "понедельник вторник среда четверг пятница суббота воскресенье понеділок вівторок середа четвер "
    "пʼятниця п'ятниця субота неділя monday tuesday wednesday thursday friday saturday sunday "
    "january february march april may june july august september october november december "
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря "
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня".split()
)


def stem(word: str, lang: str | None) -> str:
    return _stem_cached(word.lower().replace("ё", "е"), lang if lang in ("ru", "en", "uk") else _guess(word))


@lru_cache(maxsize=200_000)
def _stem_cached(word: str, lang: str) -> str:
    if word[0].isdigit():
        return word
    if lang == "uk":
        stemmed = _UK_ENDINGS.sub("", word) if len(word) > 4 else word
        return stemmed or word
    language = _SNOWBALL.get(lang)
    return stem_word(word, language) if language else word


def _guess(word: str) -> str:
    if any("a" <= ch <= "z" for ch in word.lower()):
        return "en"
    if any(ch in "іїєґ" for ch in word.lower()):
        return "uk"
    return "ru"


def name_key(word: str) -> str:
    """A language-neutral key for a proper name: Latin transliteration, first five letters."""
    return word.lower().translate(_CYR).replace("y", "i").replace("j", "i")[:5]


@dataclass(frozen=True)
class Fingerprint:
    title_stems: frozenset[str]
    body_stems: frozenset[str]
    names: frozenset[str]  # name_key of capitalised words that do not start a sentence
    numbers: frozenset[str]
    title_names: frozenset[str]  # every capitalised headline word: «Погода в Бресте» vs «в Гомеле»
    title_numbers: frozenset[str]  # «на 8 ноября» vs «на 18 ноября» are different stories
    # Stems of each «quoted name» of the headline («фотоконкурса «Кофемания»» vs «конкурсе «На спорте»»),
    # and, only when there is one, the stems of headline + lead, where the other article's names are sought.
    title_quotes: tuple[tuple[str, ...], ...] = ()
    lead_stems: tuple[str, ...] = ()
    # Russian only, with natasha: people named in the headline and lead, found when matching first asks.
    people: PeopleNamed | None = field(default=None, compare=False)


def fingerprint(title: str, text: str, lang: str | None, *, body_chars: int = 1500) -> Fingerprint:
    body = text[:body_chars]
    title_words = WORD.findall(title)
    body_words = WORD.findall(body)
    title_quotes = tuple(_stems(name, lang) for name in quoted_names(title))
    return Fingerprint(
        title_stems=frozenset(stem(w, lang) for w in title_words if len(w) > 2 or w.isdigit()),
        body_stems=frozenset(stem(w, lang) for w in body_words if len(w) > 3),
        names=frozenset(_names(title) | _names(body)),
        numbers=frozenset(_numbers(title_words + body_words)),
        title_names=frozenset(
            name_key(w) for w in title_words if w[0].isupper() and len(w) >= 3 and w.lower() not in _NOT_NAMES
        ),
        title_numbers=frozenset(_number_key(w) for w in title_words if w[0].isdigit()),
        title_quotes=title_quotes,
        lead_stems=_stems(f"{title} {text[:LEAD_CHARS]}", lang) if title_quotes else (),
        people=people_named(title, text, lang, name_key),
    )


def quoted_names(title: str) -> list[str]:
    """Names a headline puts in quotes: «Кофемания», “Mayday”. Not speech («Липпи: «Мы можем ...»»,
    long or after a colon or dash) and not scare quotes («похоронили», «раздавал пропуска»), which
    start with a small letter; a name starts with a capital or a digit."""
    names = []
    for match in _QUOTED.finditer(title):
        name = next(group for group in match.groups() if group is not None).strip()
        words = WORD.findall(name)
        if not words or len(words) > _QUOTED_NAME_WORDS or not (name[0].isupper() or name[0].isdigit()):
            continue
        if _SPEECH_BEFORE.search(title[: match.start()]):
            continue
        names.append(name)
    return names


def quoted_name_conflict(a: Fingerprint, b: Fingerprint) -> bool:
    """Both headlines quote names and neither article's headline or lead has a name the other quotes:
    two contests, films or clubs. An outlet quoted on both sides («Слуга народа») shares its name."""
    if not a.title_quotes or not b.title_quotes:
        return False
    return not any(_contains(b.lead_stems, name) for name in a.title_quotes) and not any(
        _contains(a.lead_stems, name) for name in b.title_quotes
    )


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(_same_stems(words[i : i + size], phrase) for i in range(len(words) - size + 1))


def _same_stems(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    return all(_same_stem(word, part) for word, part in zip(words, phrase, strict=True))


def _same_stem(a: str, b: str) -> bool:
    # Snowball cuts names unevenly («Локомотива» -> локомотив, «Локомотив» -> локомот).
    short, long = sorted((a, b), key=len)
    return short == long or (len(short) >= 4 and long.startswith(short))


def _stems(text: str, lang: str | None) -> tuple[str, ...]:
    return tuple(stem(word, lang) for word in WORD.findall(text))


def _names(text: str) -> set[str]:
    found = set()
    for match in WORD.finditer(text):
        word = match.group()
        if not word[0].isupper() or len(word) < 3 or word.lower() in _NOT_NAMES:
            continue
        if word.isupper() or not SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()]):
            found.add(name_key(word))
    return found


_THOUSANDS = re.compile(r"[.,](?=\d{3}(?:\D|$))")


def _number_key(word: str) -> str:
    """«14,5» and "14.5" are one number, "9,200" and «9200» another."""
    return _THOUSANDS.sub("", word).replace(",", ".")


def _numbers(words: list[str]) -> set[str]:
    # Years and small counts are everywhere; only numbers with some information content count.
    out = set()
    for word in words:
        if word[0].isdigit():
            digits = _number_key(word)
            if len(digits) >= 2 and not (len(digits) == 4 and digits.startswith(("19", "20"))):
                out.add(digits)
    return out


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set found in the other (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
