"""Highlighted snippets, computed in Python from the article text so both backends show the same.

A snippet is the sentence holding the most distinct query terms (extended by the next sentence
when short, clipped around the first match when long); every word whose term is a query term is
wrapped in <mark>, so «ракетою» is marked for the query «ракета». Output is escaped plain text.

Speed: a word seen for the first time costs a morphological analysis (60 µs for a dictionary word,
~400 µs for an unknown one), which made snippets most of a search's time until the word cache was
warm. A plain Cyrillic word can only stand for a query term if it starts with a letter some form of
that term starts with (lemma and form share their first letter, suppletive forms such as «люди» of
«человек» come from the term's own paradigm), so the others are never analysed.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Sequence
from functools import cache, lru_cache

from sqlalchemy import Connection, select

from strichka.search.documents import body_text
from strichka.storage.schema import articles
from strichka.text.normalize import CYRILLIC_LANGS, WORD, _morph, document_cyrillic_lang, word_readings

SNIPPET_CHARS = 240
SCAN_CHARS = 30_000  # the first screens of an article hold the matches worth showing
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+|\n\s*")
_SPACES = re.compile(r"\s+")
_ENDS = (".", "!", "?", "…")
Match = tuple[int, int, frozenset[str]]  # a word's span and the query terms it stands for
_PLAIN_CYRILLIC_ANY_CASE = re.compile(r"[а-яіїєґёА-ЯІЇЄҐЁ]+")
# The dictionaries read е as ё (ru) and г as ґ (uk): «губернатор» may be read as «ґубернатор».
_FOLD = str.maketrans("ёґ", "ег")


def load_snippets(conn: Connection, article_ids: Sequence[int], terms: frozenset[str]) -> dict[int, str]:
    rows = conn.execute(
        select(articles.c.id, articles.c.description, articles.c.text, articles.c.lang).where(
            articles.c.id.in_(article_ids)
        )
    )
    return {row.id: make_snippet(body_text(row.description, row.text), row.lang, terms) for row in rows}


def make_snippet(text: str, lang: str | None, terms: frozenset[str]) -> str:
    text = text[:SCAN_CHARS]
    matches = spans_of_terms(text, lang, terms)
    starts = [0] + [m.end() for m in _SENTENCE_BREAK.finditer(text)]
    if not matches:
        return _render(text, 0, _clip_end(text, 0, SNIPPET_CHARS), [])
    sentence = _best_sentence(starts, matches)
    start = starts[sentence]
    end = starts[sentence + 1] if sentence + 1 < len(starts) else len(text)
    while end - start < SNIPPET_CHARS // 2 and end < len(text):  # a short sentence: add the next one
        following = bisect.bisect_right(starts, end)
        end = starts[following] if following < len(starts) else len(text)
    if end - start > SNIPPET_CHARS:
        first = next(m[0] for m in matches if m[0] >= start)
        if first - start > SNIPPET_CHARS // 3:
            start = _clip_start(text, first - SNIPPET_CHARS // 4)
        end = _clip_end(text, start, SNIPPET_CHARS)
    return _render(text, start, end, matches)


def spans_of_terms(text: str, lang: str | None, terms: frozenset[str]) -> list[Match]:
    """(start, end, the query terms it stands for) for each word of `text` that stands for one of
    `terms`, analysing only words that may: a plain Cyrillic word must open as some form of a term
    does (an initial, maybe after a comparative prefix such as «най»/«наи»)."""
    cyrillic_lang = document_cyrillic_lang(text, lang)
    may_open = _opening_of(terms)
    tokens = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]  # one pass over the text
    wanted: dict[str, frozenset[str]] = {}
    for word in {token[2] for token in tokens}:
        # two regex matches: this runs for every word of every hit
        if not may_open.match(word) and _PLAIN_CYRILLIC_ANY_CASE.fullmatch(word):
            continue
        common = terms.intersection(word_readings(word, cyrillic_lang))
        if common:
            wanted[word] = common
    if not wanted:
        return []
    return [(start, end, wanted[word]) for start, end, word in tokens if word in wanted]


@lru_cache(maxsize=8192)
def term_initials(term: str) -> frozenset[str]:
    """First letters of every word form that may be read as this term, in either dictionary;
    a superset is harmless, a missing letter would lose a highlight."""
    initials = {term[:1]}
    for lang in CYRILLIC_LANGS:
        for parse in _morph(lang).parse(term):
            initials.update(form.word[:1] for form in parse.lexeme)
    return frozenset(i.translate(_FOLD) for i in initials if i)


@lru_cache(maxsize=1024)
def _opening_of(terms: frozenset[str]) -> re.Pattern[str]:
    """Matches the start of every plain Cyrillic word that may stand for these terms: an initial
    (either case; е also as ё, г also as ґ), maybe after a comparative prefix (порече → рекий,
    найкращий: the lemma has not the prefix its comparative carries)."""
    initials = frozenset().union(*(term_initials(term) for term in terms))
    openers = set(initials)
    for plain, variant in (("е", "ё"), ("г", "ґ")):
        if plain in initials:
            openers.add(variant)
    if not openers:
        return re.compile(r"(?!)")  # nothing can match
    letters = "".join(re.escape(c) for c in sorted(openers))
    prefixes = "|".join(re.escape(p) for p in _paradigm_prefixes())
    return re.compile(f"(?:{prefixes})?[{letters}]", re.IGNORECASE)


@cache
def _paradigm_prefixes() -> tuple[str, ...]:
    prefixes = {p for lang in CYRILLIC_LANGS for p in _morph(lang).dictionary.paradigm_prefixes if p}
    return tuple(sorted(prefixes))


def _best_sentence(starts: list[int], matches: list[Match]) -> int:
    terms_per_sentence: dict[int, set[str]] = {}
    for start, _end, terms in matches:
        terms_per_sentence.setdefault(bisect.bisect_right(starts, start) - 1, set()).update(terms)
    # most distinct terms; the earliest sentence among equals
    return max(terms_per_sentence, key=lambda s: (len(terms_per_sentence[s]), -s))


def _clip_start(text: str, position: int) -> int:
    space = text.find(" ", position)
    return space + 1 if space != -1 else position


def _clip_end(text: str, start: int, length: int) -> int:
    end = start + length
    if end >= len(text):
        return len(text)
    space = text.rfind(" ", start, end)
    return space if space > start else end


def _render(text: str, start: int, end: int, matches: list[Match]) -> str:
    before = text[max(0, start - 4) : start]
    parts = [] if start == 0 or "\n" in before or before.rstrip()[-1:] in _ENDS else ["…"]
    cursor = start
    for match_start, match_end, _term in matches:
        if match_start < start or match_end > end:
            continue
        parts.append(_plain(text[cursor:match_start]))
        parts.append(f"<mark>{_plain(text[match_start:match_end])}</mark>")
        cursor = match_end
    parts.append(_plain(text[cursor:end]))
    snippet = "".join(parts).strip()
    if end < len(text) and text[max(0, end - 4) : end].rstrip()[-1:] not in _ENDS:
        snippet += "…"
    return snippet


def _plain(fragment: str) -> str:
    return html.escape(_SPACES.sub(" ", fragment), quote=False)
