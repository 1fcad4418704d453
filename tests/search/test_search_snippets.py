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


# The plain rules the fast paths must agree with: a word as a character-at-a-time pattern, every
# word's readings compared with the query terms, and the initial-letter rule the filter encodes.
_REFERENCE_WORD = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f\u00ad\u200c\u200d]|['’ʼ`‘´](?=[^\W_]))*")
_PLAIN_CYRILLIC = re.compile(r"[а-яіїєґё]+")


def _reference_spans(text: str, lang: str | None, terms: frozenset[str]) -> list:
    from strichka.text.normalize import document_cyrillic_lang, word_readings

    cyrillic_lang = document_cyrillic_lang(text, lang)
    out = []
    for m in _REFERENCE_WORD.finditer(text):
        common = terms.intersection(word_readings(m.group(), cyrillic_lang))
        if common:
            out.append((m.start(), m.end(), common))
    return out


def _may_stand_for(word: str, initials: frozenset[str]) -> bool:
    """False only for a plain Cyrillic word that cannot be read as a term with these initials."""
    from strichka.search.snippets import _FOLD, _paradigm_prefixes

    lowered = word.lower()
    if lowered[0].translate(_FOLD) in initials or not _PLAIN_CYRILLIC.fullmatch(lowered):
        return True
    return any(
        lowered.startswith(prefix) and lowered[len(prefix) : len(prefix) + 1].translate(_FOLD) in initials
        for prefix in _paradigm_prefixes()
    )


def test_snippet_spans_match_the_normaliser_on_every_word() -> None:
    from strichka.search.snippets import spans_of_terms

    text = ("Міністр заявив, що уряд підготував новий бюджет. Людей евакуювали з області. "
            "Найкращий результат показала збірна; кращих новин немає. Ёж, ежи и людей посчитали. "
            "Drones and missiles hit the port, ракетами і дронами.")
    for query in ("уряд бюджет", "людина", "добрий", "ёж", "missile drone", "ракета", "область", "человек"):
        terms = parse_query_terms(query).all_terms
        for lang in ("uk", "ru", None):
            assert spans_of_terms(text, lang, terms) == _reference_spans(text, lang, terms), (query, lang)


def test_snippet_words_are_the_normalisers_words() -> None:
    from strichka.text.normalize import WORD

    text = ("м'ята п’ять ʼ Ро\u0301ма сло\u00adво a_b 12,5 x'' 'abc' д`ом т‘е '' пів-року "
            "Zürich naïve e\u0301cole ЗМІ's \u200cзвук\u200d кінець’")
    assert [m.span() for m in WORD.finditer(text)] == [m.span() for m in _REFERENCE_WORD.finditer(text)]


def test_word_filter_regex_agrees_with_its_rule() -> None:
    from strichka.search.snippets import _PLAIN_CYRILLIC_ANY_CASE, _opening_of, term_initials

    words = ("Ракета ракетою Поракетний наиракетнейший найкращий Найкращий Ёлка ёлка Ґанок Губернатор "
             "людей Людей Мне мене д'Артаньян Rocket x2 2024 щонайкраще якнайшвидше порече Порече "
             "кращий елка ганок місто Москва").split()
    for query in ("ракета", "добрий", "елка", "ганок", "губернатор", "человек", "я", "кращий", "рекий"):
        terms = parse_query_terms(query).all_terms
        initials = frozenset().union(*(term_initials(t) for t in terms))
        for word in words:
            fast = bool(_opening_of(terms).match(word)) or not _PLAIN_CYRILLIC_ANY_CASE.fullmatch(word)
            assert fast == _may_stand_for(word, initials), (query, word)
