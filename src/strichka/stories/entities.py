"""People named in a Russian headline and lead, found by natasha's news NER (slovnet, offline).

Two reports of one kind of event often differ only in WHO acts: «Путин ... с Токаевым» and
«Лукашенко поздравил Токаева», «Bloomberg изменил заголовок» and «Пушков назвал материал
Bloomberg ...». e5 puts such pairs close together; the people named tell them apart. Only Russian
text gets the NER (natasha is trained on Russian news); when natasha is not installed there are no
people and matching is as without them.

The NER costs ~3 ms an article on one core, so it runs on first use only: matching asks for the
people of articles whose score already clears the join threshold (see matching.pair_score).
"""

from __future__ import annotations

import importlib.util
import logging
import threading
from collections.abc import Callable
from functools import cached_property
from typing import Any

log = logging.getLogger(__name__)

LEAD_CHARS = 300  # as much of the body as the embedded text has (index.LEAD_CHARS)
_NATASHA = importlib.util.find_spec("natasha") is not None
_load_lock = threading.Lock()
_tagger: Any = None
_tagger_failed = False


class PeopleNamed:
    """Surname keys of the people a headline and its lead name, keyed as the article's other
    names are (features.name_key: inflections and transliterations share a key)."""

    def __init__(self, title: str, lead: str, key: Callable[[str], str]) -> None:
        self._title = title
        self._lead = lead
        self._key = key

    @cached_property
    def in_title(self) -> frozenset[str]:
        return _surnames(self._title, self._key)

    @cached_property
    def in_title_and_lead(self) -> frozenset[str]:
        return self.in_title | _surnames(self._lead, self._key)


def people_named(title: str, text: str, lang: str | None, key: Callable[[str], str]) -> PeopleNamed | None:
    """The people of a Russian article (found when first asked for); None for other languages or without natasha."""
    if lang != "ru" or not _NATASHA:
        return None
    return PeopleNamed(title, text[:LEAD_CHARS], key)


def person_conflict(a: PeopleNamed, b: PeopleNamed, a_names: frozenset[str], b_names: frozenset[str]) -> bool:
    """Do two articles name different actors? Either a person in one headline is not mentioned
    anywhere in the other article (a_names/b_names: name_key of its capitalised words), or both
    headlines-with-leads name people and share none («Аксенов» vs «Черняк» on Crimea's season)."""
    if any(person not in b_names for person in a.in_title) or any(person not in a_names for person in b.in_title):
        return True
    people_a, people_b = a.in_title_and_lead, b.in_title_and_lead
    return bool(people_a and people_b and not people_a & people_b)


def _surnames(text: str, key: Callable[[str], str]) -> frozenset[str]:
    tagger = _ner()
    if tagger is None or not text.strip():
        return frozenset()
    spans = tagger(text).spans  # slovnet's inference keeps no state between calls: threads may share it
    found = (_surname(text[span.start : span.stop]) for span in spans if span.type == "PER")
    return frozenset(key(surname) for surname in found if surname)


def _surname(person: str) -> str | None:
    """«Касым-Жомарта Токаева» -> «Токаева», «В.В. Путин» -> «Путин»: the surname is the last word."""
    words = [w for w in person.replace(".", " ").split() if len(w) >= 3]
    return words[-1] if words else None


def _ner() -> Any:
    """natasha's NewsNERTagger, loaded once (~2 s, ~30 MB); None when natasha cannot be loaded."""
    global _tagger, _tagger_failed
    if _tagger is not None or _tagger_failed:
        return _tagger
    with _load_lock:
        if _tagger is None and not _tagger_failed:
            try:
                from natasha import NewsEmbedding, NewsNERTagger

                _tagger = NewsNERTagger(NewsEmbedding())
            except Exception:  # a broken install must not stop the stories stage: match without people
                log.exception("natasha's NER could not be loaded; matching Russian articles without people")
                _tagger_failed = True
    return _tagger
