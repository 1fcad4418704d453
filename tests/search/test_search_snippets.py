"""Snippets: the right sentence, inflected forms marked, nothing but <mark> as markup."""

from __future__ import annotations

import re

from strichka.search.query_terms import parse_query_terms
from strichka.search.snippets import SNIPPET_CHARS, make_snippet


def snippet(text: str, query: str, lang: str = "uk") -> str:
    return make_snippet(text, lang, parse_query_terms(query).all_terms)


def test_sentence_with_most_query_words_wins() -> None:
    text = "Ракети летіли вночі. Погода тиха. Над Києвом ППО збила ракети і дрони. Кінець."
    result = snippet(text, "ракета дрон")
    assert result.startswith("Над Києвом ППО збила <mark>ракети</mark> і <mark>дрони</mark>.")


def test_long_text_is_clipped_around_the_match() -> None:
    filler = "слово " * 200
    text = f"{filler}Головне: ракетою влучили в склад. {filler}"
    result = snippet(text, "ракета")
    visible = re.sub(r"</?mark>", "", result)
    assert "<mark>ракетою</mark>" in result
    assert len(visible) <= SNIPPET_CHARS + 2
    assert visible.startswith("…") and visible.endswith("…")


def test_no_match_in_body_shows_the_beginning() -> None:
    text = "Перше речення статті. " + "Далі текст. " * 50
    result = snippet(text, "ракета")
    assert result.startswith("Перше речення статті.") and "<mark>" not in result


def test_only_mark_tags_survive() -> None:
    text = 'Удар <script>alert("x")</script> ракетою & <img src=x onerror=1>'
    result = snippet(text, "ракета")
    assert re.findall(r"<[^>]*>", result) == ["<mark>", "</mark>"]
    assert "&lt;script&gt;" in result and "&amp;" in result


def test_whitespace_collapsed_and_russian_marked() -> None:
    text = "Российские\n\n  ракеты   летели.\tУдар ракетами."
    result = snippet(text, "ракета", "ru")
    assert "\n" not in result and "  " not in result
    assert result.count("<mark>") == 2
