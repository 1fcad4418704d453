"""Language of an article: uk / ru / en and the rest (py3langid).

Ukrainian and Russian are never left to a statistical model: the letters і ї є ґ (Ukrainian only) and
ы э ъ ё (Russian only) decide, then function words; py3langid answers for everything else.
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache

_CYRILLIC = re.compile(r"[а-яёіїєґўђјљњћџѓќѕ]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z\u00c0-\u024f]", re.IGNORECASE)
_UK_LETTERS = re.compile(r"[іїєґ]", re.IGNORECASE)
_RU_LETTERS = re.compile(r"[ыэё]", re.IGNORECASE)
_HARD_SIGN = re.compile(r"ъ", re.IGNORECASE)  # rare in Russian, everywhere in Bulgarian: weak evidence
_BE_LETTER = re.compile(r"ў", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
_UK_WORDS = frozenset(
    "та що це від які який яка також із зі але або щоб його її них було буде мене тому де як".split()
)
_RU_WORDS = frozenset(
    "и что это от которые который которая также из но или чтобы его ее их было будет меня поэтому где как".split()
)
_SAMPLE_CHARS = 1_500  # a few paragraphs decide; more text only costs time
_MIN_LETTERS = 12
_LANGID_CHARS = 600  # py3langid is sure of a Latin-script language after a paragraph
_CYRILLIC_LANGS = ("uk", "ru", "be", "bg", "sr", "mk", "kk")


@lru_cache(maxsize=2)
def _identifier(langs: tuple[str, ...] | None = None):  # type: ignore[no-untyped-def]
    """The model is loaded once, on first use (~1.5 s); a restricted identifier is a shallow copy sharing it
    (set_languages slices new arrays), so no identifier is ever re-restricted under another thread."""
    if langs:
        restricted = copy.copy(_identifier())
        restricted.set_languages(list(langs))
        return restricted
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _cyrillic_language(sample: str) -> str | None:
    uk_letters = len(_UK_LETTERS.findall(sample))
    ru_letters = len(_RU_LETTERS.findall(sample))
    hard_signs = len(_HARD_SIGN.findall(sample))
    if hard_signs and not ru_letters and hard_signs > 0.005 * len(_CYRILLIC.findall(sample)):
        return None  # Bulgarian-like: let the model choose among the Cyrillic languages
    ru_letters += hard_signs
    if _BE_LETTER.search(sample) and ru_letters and uk_letters:
        return "be"  # Belarusian writes ў with both і and ы
    words = [w.lower() for w in _WORD.findall(sample)]
    # "як", "де" exist in both languages' neighbours; weight words at 1 and letters at 2
    uk_score = 2 * uk_letters + sum(1 for w in words if w in _UK_WORDS and w not in _RU_WORDS)
    ru_score = 2 * ru_letters + sum(1 for w in words if w in _RU_WORDS and w not in _UK_WORDS)
    if uk_score == ru_score == 0:
        return None
    if uk_score >= 1.5 * ru_score and uk_letters >= ru_letters:
        return "uk"
    if ru_score >= 1.5 * uk_score and ru_letters >= uk_letters:
        return "ru"
    return "uk" if uk_letters > ru_letters else "ru" if ru_letters > uk_letters else None


def detect_language(text: str, *, hint: str | None = None) -> str | None:
    """ISO 639-1 code, or the hint (else None) when the text is too short or mixed to tell."""
    sample = text[:_SAMPLE_CHARS]
    head = sample[:_LANGID_CHARS]  # enough to tell the script
    cyrillic = len(_CYRILLIC.findall(head))
    latin = len(_LATIN.findall(head))
    hint = hint.lower()[:2] if hint else None
    if cyrillic + latin < _MIN_LETTERS:
        decided = _cyrillic_language(sample) if cyrillic > latin else None
        return decided or hint
    if cyrillic >= latin:
        decided = _cyrillic_language(sample)
        if decided:
            return decided
        if hint in _CYRILLIC_LANGS:
            return hint
        return str(_identifier(_CYRILLIC_LANGS).classify(sample)[0])
    lang, probability = _identifier().classify(head)
    if probability < 0.5 and hint:
        return hint
    return str(lang)
