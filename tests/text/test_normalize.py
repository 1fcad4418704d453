"""Words → search terms: the same term for every inflected form, on any spelling variant."""

from __future__ import annotations

from strichka.text.normalize import (
    index_terms,
    query_term_alternatives,
    term_spans,
    word_term,
)


def test_ukrainian_inflections_share_one_term() -> None:
    terms = index_terms("ракета ракети ракетами ракетою ракет", "uk")
    assert set(terms) == {"ракета"} and len(terms) == 5


def test_russian_inflections_share_one_term() -> None:
    assert set(index_terms("ракеты ракетами ракетой", "ru")) == {"ракета"}
    assert index_terms("шёл", "ru") == index_terms("идти", "ru")


def test_english_words_are_stemmed() -> None:
    assert index_terms("missiles", "en") == index_terms("missile", "en")
    assert index_terms("Strikes", None) == index_terms("strike", None)


def test_spelling_variants_are_unified() -> None:
    apostrophes = {tuple(index_terms(f"м{a}ята", "uk")) for a in "'’ʼ`"}
    assert len(apostrophes) == 1
    assert index_terms("ЁЛКА", "ru") == index_terms("елка", "ru")
    assert index_terms("ра\u0301кета ра\u00adкета", "uk") == index_terms("ракета ракета", "uk")
    assert index_terms("pакета", "uk") == index_terms("ракета", "uk")  # Latin «p» typed by mistake


def test_terms_are_single_tokens_without_apostrophes() -> None:
    for term in index_terms("З’явилася м'ята, п’ять об'єктів; don't", "uk"):
        assert term.isalnum(), term


def test_word_language_comes_from_its_letters() -> None:
    # «її» can only be Ukrainian, «ещё» only Russian, whatever the document says
    assert index_terms("її", "ru") == index_terms("її", "uk")
    assert index_terms("ещё", "uk") == index_terms("еще", "ru")


def test_language_is_guessed_when_unknown() -> None:
    assert index_terms("Російські ракети влучили в Київ", None) == index_terms(
        "Російські ракети влучили в Київ", "uk"
    )
    assert index_terms("Российские ракеты попали в Киев", None) == index_terms(
        "Российские ракеты попали в Киев", "ru"
    )


def test_all_readings_include_every_lemma() -> None:
    assert "київ" in index_terms("Києві", "uk", all_readings=True)
    assert len(index_terms("Києві", "uk")) == 1


def test_digits_kept_and_garbage_dropped() -> None:
    assert index_terms("F-16 у 2024 році", "uk")[:3] == ["f", "16", "у"]
    assert index_terms("a" * 500, "en") == []
    assert index_terms("😀 … — «»", None) == []


def test_spans_point_into_the_original_text() -> None:
    text = "Над «Києвом» — Ра́кети!"
    spans = list(term_spans(text, "uk"))
    assert [text[start:end] for start, end, _ in spans] == ["Над", "Києвом", "Ра́кети"]
    assert spans[2][2][0] == word_term("ракети", "uk") == "ракета"


def test_query_words_carry_both_cyrillic_readings() -> None:
    (group,) = query_term_alternatives("стали")
    assert group >= {"стати", "стать"}  # uk «стати», ru «стать»
    cyrillic, latin = query_term_alternatives("ракети NATO")
    assert "ракета" in cyrillic and latin == frozenset({"nato"})
