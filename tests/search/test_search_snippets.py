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


def test_forms_starting_unlike_their_lemma_are_still_marked() -> None:
    # Snippets skip analysing words no form of a query term starts like; suppletive and
    # prefixed forms come from the term's own paradigm, so they are still found.
    assert "<mark>людей</mark>" in snippet("На площі було багато людей.", "человек", lang="ru")
    assert "<mark>лучше</mark>" in snippet("Сегодня погода лучше, чем вчера.", "хороший", lang="ru")
    assert "<mark>Ёлку</mark>" in snippet("Ёлку поставили на площади.", "елка", lang="ru")


def test_snippet_spans_match_the_normaliser_on_every_word() -> None:
    from strichka.search.snippets import spans_of_terms
    from strichka.text import normalize

    text = ("Міністр заявив, що уряд підготував новий бюджет. Людей евакуювали з області. "
            "Найкращий результат показала збірна; кращих новин немає. Ёж, ежи и людей посчитали. "
            "Drones and missiles hit the port, ракетами і дронами.")
    for query in ("уряд бюджет", "людина", "добрий", "ёж", "missile drone", "ракета", "область", "человек"):
        terms = parse_query_terms(query).all_terms
        for lang in ("uk", "ru", None):
            assert spans_of_terms(text, lang, terms) == normalize.spans_of_terms(text, lang, terms), (query, lang)


def test_snippet_words_are_the_normalisers_words() -> None:
    from strichka.search.snippets import WORD_RUNS
    from strichka.text.normalize import _WORD

    text = ("м'ята п’ять ʼ Ро\u0301ма сло\u00adво a_b 12,5 x'' 'abc' д`ом т‘е '' пів-року "
            "Zürich naïve e\u0301cole ЗМІ's \u200cзвук\u200d кінець’")
    assert [m.span() for m in WORD_RUNS.finditer(text)] == [m.span() for m in _WORD.finditer(text)]


def test_word_filter_regex_agrees_with_its_rule() -> None:
    from strichka.search.snippets import _PLAIN_CYRILLIC_ANY_CASE, _opening_of, may_stand_for, term_initials

    words = ("Ракета ракетою Поракетний наиракетнейший найкращий Найкращий Ёлка ёлка Ґанок Губернатор "
             "людей Людей Мне мене д'Артаньян Rocket x2 2024 щонайкраще якнайшвидше порече Порече "
             "кращий елка ганок місто Москва").split()
    for query in ("ракета", "добрий", "елка", "ганок", "губернатор", "человек", "я", "кращий", "рекий"):
        terms = parse_query_terms(query).all_terms
        initials = frozenset().union(*(term_initials(t) for t in terms))
        for word in words:
            fast = bool(_opening_of(terms).match(word)) or not _PLAIN_CYRILLIC_ANY_CASE.fullmatch(word)
            assert fast == may_stand_for(word, initials), (query, word)
