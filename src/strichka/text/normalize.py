"""Words → search terms: one lemma or stem per word, the same on the index side and the query side.

Rules:
- Cyrillic words are lemmatised with pymorphy3 (Ukrainian or Russian dictionary), Latin words are
  stemmed with Snowball English, anything else (digits, other scripts) is kept lowercased.
- lowercase, ё→е, every apostrophe variant (’ʼ`‘´) means the same, stress marks and soft hyphens are
  ignored; the apostrophe is dropped from the term so a term is always one FTS token (м'ята → мята).
- A word's language is read from its own letters first (і ї є ґ → uk, ы э ъ ё → ru, Latin → en);
  only a word that could be either uk or ru takes the document's language.
- Results are cached per (word, language): a news corpus reuses a small vocabulary, so after warm-up
  indexing costs a regex match and a dict lookup per word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

from strichka.text.stemmers import stem_word

# A word: letters/digits, with stress marks, soft hyphens and apostrophes allowed inside it. Matched
# a run of letters at a time (1.5x faster than a character at a time: snippets walk every hit's text).
WORD = re.compile(r"[^\W_]+(?:(?:[\u0300-\u036f\u00ad\u200c\u200d]|['’ʼ`‘´](?=[^\W_]))[^\W_]*)*")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'", "´": "'"})
_INVISIBLE = re.compile(r"[\u0300-\u036f\u00ad\u200c\u200d]")
_UK_ONLY = frozenset("іїєґ")
_RU_ONLY = frozenset("ыэъё")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-z]")
# Latin letters that look like Cyrillic ones: a Cyrillic word typed with a stray Latin «а» still matches.
_LATIN_TO_CYRILLIC = str.maketrans("aceiopxykmthb", "асеіорхукмтнв")
_CYRILLIC_TO_LATIN = str.maketrans("асеіорхукмтнв", "aceiopxykmthb")
MAX_WORD_CHARS = 64  # longer "words" are URLs, hashes or garbage: not searchable
CYRILLIC_LANGS = ("uk", "ru")
MAX_READINGS = 3  # «вибори»: вибори, вибір, вибороти — more is noise


def index_terms(text: str, lang: str | None, *, all_readings: bool = False) -> list[str]:
    """Every word of `text` as its search term, in order (duplicates kept: frequencies matter).

    A word with several possible lemmas (uk «Києві»: київ or кий) gives its most likely one, or with
    `all_readings` every one of them (at most MAX_READINGS): the search index takes them all, so
    whichever lemma a query word has, the article is found.
    """
    cyrillic_lang = document_cyrillic_lang(text, lang)
    terms: list[str] = []
    for word in WORD.findall(text):
        readings = word_readings(word, cyrillic_lang)
        if all_readings:
            terms.extend(readings)
        elif readings:
            terms.append(readings[0])
    return terms


def term_spans(text: str, lang: str | None) -> Iterator[tuple[int, int, tuple[str, ...]]]:
    """(start, end, every reading) for each word of `text`; offsets point into `text` as given."""
    cyrillic_lang = document_cyrillic_lang(text, lang)
    for match in WORD.finditer(text):
        readings = word_readings(match.group(), cyrillic_lang)
        if readings:
            yield match.start(), match.end(), readings


def query_term_alternatives(text: str) -> list[frozenset[str]]:
    """For each word of a query: every term it may have been indexed under.

    A reader's query has no language, and a word such as «ракети» reads as Ukrainian or Russian,
    so an ambiguous Cyrillic word yields the readings of both.
    """
    groups = []
    for word in WORD.findall(text):
        alternatives = frozenset(t for lang in CYRILLIC_LANGS for t in word_readings(word, lang))
        if alternatives:
            groups.append(alternatives)
    return groups


def document_cyrillic_lang(text: str, lang: str | None) -> str:
    """The language ambiguous Cyrillic words of this document are read in: uk or ru."""
    base = (lang or "").lower()[:2]
    if base in CYRILLIC_LANGS:
        return base
    sample = text[:5000].lower()
    uk_votes = sum(sample.count(c) for c in _UK_ONLY)
    ru_votes = sum(sample.count(c) for c in _RU_ONLY)
    return "ru" if ru_votes > uk_votes else "uk"  # the project's home language wins a tie


def word_term(word: str, cyrillic_lang: str) -> str:
    """The most likely search term of one word ('' when the word is not searchable)."""
    readings = word_readings(word, cyrillic_lang)
    return readings[0] if readings else ""


@lru_cache(maxsize=1 << 19)
def word_readings(word: str, cyrillic_lang: str) -> tuple[str, ...]:
    """Every search term one word may stand for, most likely first; () when not searchable."""
    if len(word) > MAX_WORD_CHARS:
        return ()
    if word.isascii():
        lowered = word.lower().replace("'", "").replace("`", "")
        return (lowered if lowered.isdigit() else _english_stem(lowered),)
    cleaned = _clean(word)
    has_cyrillic = _CYRILLIC.search(cleaned) is not None
    has_latin = _LATIN.search(cleaned) is not None
    if has_cyrillic and has_latin:
        cleaned = _unmix_scripts(cleaned)
        has_cyrillic = _CYRILLIC.search(cleaned) is not None
        has_latin = _LATIN.search(cleaned) is not None
    if has_cyrillic and not has_latin:
        letters = set(cleaned)
        word_lang = "uk" if letters & _UK_ONLY else "ru" if letters & _RU_ONLY else cyrillic_lang
        return _lemmas(cleaned, word_lang)
    if has_latin and not has_cyrillic and cleaned.isascii():
        return (_english_stem(cleaned.replace("'", "")),)
    return (cleaned.replace("'", "").replace("ё", "е"),)


def _clean(word: str) -> str:
    word = word.translate(_APOSTROPHES)
    if not unicodedata.is_normalized("NFC", word):
        word = unicodedata.normalize("NFC", word)
    return _INVISIBLE.sub("", word).lower()


def _unmix_scripts(word: str) -> str:
    """Rewrite look-alike letters into the script most of the word is written in."""
    cyrillic = len(_CYRILLIC.findall(word))
    latin = len(_LATIN.findall(word))
    return word.translate(_LATIN_TO_CYRILLIC if cyrillic >= latin else _CYRILLIC_TO_LATIN)


def _lemmas(word: str, lang: str) -> tuple[str, ...]:
    parses = _morph(lang).parse(word)
    if not parses:
        return (word.replace("'", "").replace("ё", "е"),)
    # The Russian dictionary scores its readings: a 1-in-100 reading (света as a name) is noise.
    floor = parses[0].score / 10
    lemmas = (p.normal_form.replace("'", "").replace("ё", "е") for p in parses if p.score >= floor)
    return tuple(dict.fromkeys(lemmas))[:MAX_READINGS]


def _english_stem(word: str) -> str:
    return stem_word(word, "english")


_CYRILLIC_WORD = re.compile(r"[А-ЯІЇЄҐЁа-яіїєґё'’ʼ-]+")


def is_first_name(word: str) -> bool:
    """Whether a Cyrillic word reads first as a given name («Тимура», «Олександра») in the Ukrainian
    or the Russian dictionary: "за даними Тимура Ткаченка" quotes a person, not an outlet."""
    if not word or not _CYRILLIC_WORD.fullmatch(word):
        return False
    return any((parses := _morph(lang).parse(word)) and "Name" in parses[0].tag for lang in ("uk", "ru"))


@cache
def _morph(lang: str) -> Any:
    import pymorphy3  # loading a dictionary takes ~0.3 s: only when the first Cyrillic word arrives

    return pymorphy3.MorphAnalyzer(lang=lang)
