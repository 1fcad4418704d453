"""StoryIndex end to end with the multilingual embedder: joins, splits, duplicates, window, related."""

from __future__ import annotations

from datetime import timedelta

from stories_samples import FOOTBALL, HOROSCOPE, KYIV_STRIKE, RATE_CUT, make_article

from strichka.stories import RestoreRow, StoryIndex


def add_all(index, samples, *, first_id, minutes_apart=15, start=0):
    out = []
    for n, (lang, source, title, text) in enumerate(samples):
        article = make_article(first_id + n, title, text, lang=lang, source=source, minutes=start + n * minutes_apart)
        out.append(index.add(article))
    return out


def test_reports_of_one_event_in_three_languages_join_one_story(e5):
    index = StoryIndex(e5)
    strike = add_all(index, KYIV_STRIKE, first_id=1)
    assert len({a.story_id for a in strike}) == 1
    view = index.story(strike[0].story_id)
    assert set(view.languages) == {"uk", "ru", "en"}
    assert view.titles["en"].startswith("Russian missile attack")
    assert view.titles["ru"].startswith("Россия")
    assert view.first_article_id == 1
    assert view.first_reported_by == "Укрінформ"  # УНІАН's rewrite says «Як передає Укрінформ»
    assert view.category == "war"


def test_unrelated_events_open_their_own_stories(e5):
    index = StoryIndex(e5)
    strike = add_all(index, KYIV_STRIKE, first_id=1)
    rate = add_all(index, RATE_CUT, first_id=10, start=5)
    football = add_all(index, FOOTBALL, first_id=20, start=7)
    assert len({a.story_id for a in rate}) == 1
    stories = {strike[0].story_id, rate[0].story_id, football[0].story_id}
    assert len(stories) == 3
    assert rate[0].new_story and not rate[1].new_story
    assert index.story(rate[0].story_id).category == "economy"
    assert index.story(football[0].story_id).category == "sports"


def test_republished_agency_text_is_marked_duplicate_of_the_original(e5):
    index = StoryIndex(e5)
    lang, source, title, text = KYIV_STRIKE[0]
    body = text + " " + " ".join(["Рятувальники працюють на місці влучання, розбирають завали будинку."] * 3)
    original = index.add(make_article(1, title, body, lang=lang, source=source))
    copy = index.add(make_article(2, "Ракетний удар по Києву: троє загиблих", body + "\n\nДжерело: Укрінформ.",
                                  source="Регіональна газета", minutes=40))
    other = index.add(make_article(3, *RATE_CUT[0][2:], minutes=50))
    assert copy.duplicate_of == original.article_id
    assert copy.story_id == original.story_id
    assert other.duplicate_of is None
    assert index.story(original.story_id).duplicate_count == 1


def test_adding_the_same_article_twice_changes_nothing(e5):
    index = StoryIndex(e5)
    article = make_article(1, *KYIV_STRIKE[0][2:])
    first = index.add(article)
    again = index.add(article)
    assert again.story_id == first.story_id and len(index) == 1


def test_articles_outside_the_window_leave_the_index_and_do_not_join(e5):
    index = StoryIndex(e5, window_hours=24)
    lang, source, title, text = KYIV_STRIKE[0]
    old = index.add(make_article(1, title, text, lang=lang, source=source))
    later = index.add(make_article(2, *KYIV_STRIKE[2][2:], lang="ru", minutes=60 * 30))
    assert later.story_id != old.story_id
    assert index.story_of(1) is None and len(index) == 1


def test_related_lists_story_mates_first_then_nearest_other_stories(e5):
    index = StoryIndex(e5)
    strike = add_all(index, KYIV_STRIKE, first_id=1)
    add_all(index, RATE_CUT, first_id=10, start=5)
    add_all(index, FOOTBALL, first_id=20, start=7)
    related = index.related(1, k=5)
    mates = {a.article_id for a in strike} - {1}
    assert set(related[: len(mates)]) == mates
    rest = related[len(mates):]
    assert rest and all(index.story_of(i) != strike[0].story_id for i in rest)
    assert len({index.story_of(i) for i in rest}) == len(rest)  # one per other story


def test_not_news_is_kept_but_ranks_below_every_news_story(e5):
    index = StoryIndex(e5)
    horoscope = index.add(make_article(30, *HOROSCOPE[2:], minutes=100))
    football = add_all(index, FOOTBALL, first_id=20)
    strike = add_all(index, KYIV_STRIKE, first_id=1)
    assert not horoscope.is_news and football[0].is_news
    top = index.top_stories(10)
    assert [v.story_id for v in top][0] == strike[0].story_id  # four outlets, three languages
    assert top[-1].story_id == horoscope.story_id and top[-1].score < 0 < top[-2].score


def test_restore_rebuilds_the_window_and_gives_the_same_assignments(e5):
    first = StoryIndex(e5)
    samples = [(1, KYIV_STRIKE[0], 0), (2, KYIV_STRIKE[1], 15), (10, RATE_CUT[0], 5)]
    articles = [make_article(i, title, text, lang=lang, source=src, minutes=m) for i, (lang, src, title, text), m in samples]
    assignments = [first.add(a) for a in articles]
    rows = [_row(a, s) for a, s in zip(articles, assignments, strict=True)]
    second = StoryIndex(e5)
    assert second.restore(rows) == 3
    for index in (first, second):
        joined = index.add(make_article(3, *KYIV_STRIKE[2][2:], lang="ru", minutes=60))
        assert joined.story_id == assignments[0].story_id
        fresh = index.add(make_article(21, *FOOTBALL[0][2:], minutes=70))
        assert fresh.story_id == 3  # ids continue after the restored stories
    assert first.story(assignments[0].story_id).article_ids == second.story(assignments[0].story_id).article_ids


def _row(a, assignment):
    return RestoreRow(
        id=a.id, source_id=a.source_id, source_name=a.source_name, lang=a.lang, title=a.title, text=a.text,
        published_at=a.published_at, url=a.url, embedding=assignment.embedding, simhash=assignment.simhash,
        story_id=assignment.story_id, duplicate_of=assignment.duplicate_of, category=assignment.category,
        is_news=assignment.is_news,
    )


def test_outlet_weight_raises_the_score(e5):
    index = StoryIndex(e5, source_weights={1: 3.0})
    strike = add_all(index, KYIV_STRIKE[:1], first_id=1)
    rate = add_all(index, RATE_CUT[:1], first_id=2)
    now = index.story(strike[0].story_id).updated_at + timedelta(hours=1)
    assert index.story(strike[0].story_id, now=now).score > index.story(rate[0].story_id, now=now).score


def test_add_many_batches_the_embedding_and_decides_like_add(e5):
    samples = KYIV_STRIKE + RATE_CUT
    articles = [make_article(n + 1, t, x, lang=lg, source=s, minutes=n * 10) for n, (lg, s, t, x) in enumerate(samples)]
    one_by_one = StoryIndex(e5)
    expected = [(a.story_id, a.duplicate_of, a.category) for a in (one_by_one.add(x) for x in articles)]
    batched = StoryIndex(e5).add_many(reversed(articles), batch=4)  # sorted by time before adding
    assert [(a.story_id, a.duplicate_of, a.category) for a in batched] == expected


def test_restore_re_embeds_vectors_stored_by_another_embedder():
    from strichka.text.embeddings import open_embedder

    lang, source, title, text = KYIV_STRIKE[0]
    article = make_article(1, title, text, lang=lang, source=source)
    old = StoryIndex(open_embedder("hash:64")).add(article)
    index = StoryIndex(open_embedder("hash"))
    assert index.restore([_row(article, old)]) == 1
    again = index.add(make_article(2, title, text + " Джерело: Укрінформ.", lang=lang, minutes=5))
    assert again.story_id == old.story_id and len(again.embedding) == 4 * 256


class CountingEmbedder:
    """The hash embedder, counting the texts it is asked to embed."""

    def __init__(self, inner):
        self.inner, self.name, self.dim, self.texts = inner, inner.name, inner.dim, 0

    def embed(self, texts, *, kind):
        self.texts += len(texts)
        return self.inner.embed(texts, kind=kind)


def _republication_samples():
    lang, source, title, text = KYIV_STRIKE[0]
    body = text + " " + " ".join(["Рятувальники працюють на місці влучання, розбирають завали будинку."] * 3)
    return [
        make_article(1, title, body, lang=lang, source=source),
        make_article(2, "Ракетний удар по Києву", body + "\n\nДжерело: Укрінформ.", source="Газета", minutes=40),
        make_article(3, *RATE_CUT[0][2:], minutes=50),
    ]


def test_a_republication_borrows_its_originals_vector_instead_of_embedding_again(hash_embedder):
    from strichka.stories.seed_models import seed_models

    for add in (lambda index, items: [index.add(a) for a in items], lambda index, items: index.add_many(items)):
        counting = CountingEmbedder(hash_embedder)
        seed_models(counting)  # seed sentences are embedded once per embedder, not per article
        counting.texts = 0
        original, copy, other = add(StoryIndex(counting), _republication_samples())
        assert copy.duplicate_of == original.article_id and copy.story_id == original.story_id
        assert copy.embedding == original.embedding and other.embedding != original.embedding
        assert counting.texts == 2
