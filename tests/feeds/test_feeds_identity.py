"""Entry identity: GUID, else URL, else a hash of title + content; kinds never collide."""

from __future__ import annotations

from strichka.feeds.identity import entry_identity


def test_guid_wins_over_url() -> None:
    assert entry_identity(guid="abc-1", url="https://e.ua/1", title="t", content="c") == "guid:abc-1"


def test_blank_guid_falls_back_to_url() -> None:
    assert entry_identity(guid="   ", url=" https://e.ua/1 ", title="t", content="c") == "url:https://e.ua/1"


def test_without_guid_or_url_the_hash_depends_on_title_and_content() -> None:
    first = entry_identity(guid=None, url=None, title="Title", content="<p>Body</p>")
    again = entry_identity(guid="", url="", title=" Title ", content="<p>Body</p>\n")
    other = entry_identity(guid=None, url=None, title="Title", content="<p>Other body</p>")
    assert first.startswith("sha256:") and len(first) == len("sha256:") + 64
    assert first == again
    assert first != other


def test_kinds_are_prefixed_so_equal_values_do_not_collide() -> None:
    as_guid = entry_identity(guid="https://e.ua/1", url=None, title="", content="")
    as_url = entry_identity(guid=None, url="https://e.ua/1", title="", content="")
    assert as_guid != as_url


def test_very_long_keys_are_hashed_but_stay_stable_and_distinct() -> None:
    long_a = "https://e.ua/" + "a" * 2000
    long_b = "https://e.ua/" + "a" * 1999 + "b"
    key_a = entry_identity(guid=None, url=long_a, title="", content="")
    assert key_a.startswith("url-sha256:") and len(key_a) < 100
    assert key_a == entry_identity(guid=None, url=long_a, title="x", content="y")
    assert key_a != entry_identity(guid=None, url=long_b, title="", content="")
