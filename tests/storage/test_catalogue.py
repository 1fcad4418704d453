import pytest
from sqlalchemy import func, select

from strichka.errors import ConfigError
from strichka.sources.catalogue import add_feed, find_source, list_feed_status, remove_source
from strichka.sources.defaults import default_sources
from strichka.storage.schema import feeds, sources


def test_same_name_adds_a_feed_to_the_same_outlet_and_adding_twice_is_harmless(engine):
    with engine.begin() as conn:
        a = add_feed(conn, feed_url="https://example.ua/rss", name="Вісті", lang="uk")
        b = add_feed(conn, feed_url="https://example.ua/ru/rss", name="Вісті", lang="uk")
        again = add_feed(conn, feed_url="https://example.ua/rss", name="Вісті")
    assert a[0] == b[0] and a[1] != b[1]
    assert again == a
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(feeds)) == 2
        assert [r.url for r in list_feed_status(conn)] == ["https://example.ua/rss", "https://example.ua/ru/rss"]


def test_source_ids_are_never_reused_after_removal(engine):
    """The id is part of media keys; a new outlet must not inherit an old one's images."""
    with engine.begin() as conn:
        first, _ = add_feed(conn, feed_url="https://a.example/rss", name="A")
        remove_source(conn, first)
        second, _ = add_feed(conn, feed_url="https://b.example/rss", name="B")
    assert second > first
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(feeds)) == 1
        assert find_source(conn, "B") == second and find_source(conn, str(second)) == second
        assert find_source(conn, "A") is None


def test_non_http_urls_are_refused_with_a_hint(engine):
    with engine.begin() as conn, pytest.raises(ConfigError, match="full address"):
        add_feed(conn, feed_url="ftp://example.ua/rss", name="X")


def test_default_list_is_all_https_with_names_and_languages(engine):
    items = default_sources()
    assert len(items) == 30
    assert all(i.url.startswith("https://") and i.lang in {"uk", "ru", "en"} for i in items)
    with engine.begin() as conn:
        for i in items:
            add_feed(conn, feed_url=i.url, name=i.name, lang=i.lang, site_url=i.site)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(sources)) == 30
