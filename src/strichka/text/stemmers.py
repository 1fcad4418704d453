"""Snowball stemmers, one per thread.

With PyStemmer installed, snowballstemmer hands out C stemmers that keep state between calls
and are not thread-safe: two threads sharing one corrupt memory (seen as `free(): invalid
pointer`). Extraction, stories and indexing run in worker threads, so each thread gets its own.
"""

from __future__ import annotations

import threading
from typing import Any

import snowballstemmer

_local = threading.local()


def stemmer(language: str) -> Any:
    """The calling thread's stemmer for a Snowball language name ("english", "russian")."""
    cache: dict[str, Any] | None = getattr(_local, "stemmers", None)
    if cache is None:
        cache = _local.stemmers = {}
    if language not in cache:
        cache[language] = snowballstemmer.stemmer(language)
    return cache[language]


def stem_word(word: str, language: str) -> str:
    return stemmer(language).stemWord(word) if word else ""
