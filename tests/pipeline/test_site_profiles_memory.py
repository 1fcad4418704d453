"""The runner's site profiles: a bounded number of hosts in memory, the rest in the database."""

from __future__ import annotations

from sqlalchemy import func, select

from strichka.extract.blocks import fingerprint
from strichka.extract.site_profile import block_key
from strichka.pipeline.site_profiles import SiteProfiles
from strichka.storage.schema import site_profiles

FURNITURE = ["Головна", "Новини", "Усі права захищено"]


def _page(host: str, n: int) -> frozenset[str]:
    own = f"Абзац сторінки {'а' * (n + 1)} сайту {host}"  # letters: fingerprints read digits as 0
    return frozenset(fingerprint(b) for b in [*FURNITURE, f"Редакція {host}", own])


def test_hosts_past_the_bound_are_stored_and_come_back_when_met_again(engine):
    profiles = SiteProfiles(max_hosts=4, save_every=1_000)
    hosts = [f"site{chr(0x61 + k)}.example.ua" for k in range(20)]
    for n in range(3):
        for host in hosts:
            profiles.learn(host, _page(host, n), engine)
            assert len(profiles) <= 4
    profiles.save_all(engine)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(site_profiles)) == len(hosts)
    for host in hosts:  # pages learned before an eviction were not lost: 3 pages, furniture known
        profile = profiles.decisive(host, engine)
        assert profile is not None and profile.pages == 3
        assert profile.is_boilerplate(f"Редакція {host}") and profile.is_boilerplate("Головна")
        assert len(profiles) <= 4


def test_a_new_runner_starts_from_what_the_last_one_saved(engine):
    first = SiteProfiles(save_every=2)
    host = "news.example.ua"
    assert first.decisive(host, engine) is None  # nothing known yet
    first.learn(host, _page(host, 0), engine)
    first.learn(host, _page(host, 1), engine)  # the second page triggers a save, no save_all
    first.learn(host, _page(host, 2), engine)  # not yet saved: lost with the runner
    second = SiteProfiles()
    profile = second.decisive(host, engine)
    assert profile is not None and profile.pages == 2
    assert profile.is_boilerplate("Усі права захищено")
    assert not profile.is_boilerplate("Рядок, якого не було на жодній сторінці")


def test_two_workers_learning_one_host_both_keep_their_pages(engine):
    """Celery runs several workers, each with its own profiles: a save adds to the other's, not over it."""
    host = "news.example.ua"
    first, second = SiteProfiles(save_every=1), SiteProfiles(save_every=1)
    for n in range(6):  # pages alternate between the workers, each saved at once
        (first if n % 2 else second).learn(host, _page(host, n), engine)
    stored = SiteProfiles().decisive(host, engine)
    assert stored is not None and stored.pages == 6
    assert stored.block_pages[block_key(fingerprint("Головна"))] == 6
    # and each worker now knows what the other learned: its next page is judged on all six
    assert first.decisive(host, engine).pages == 6
    first.learn(host, _page(host, 6), engine)
    assert SiteProfiles().decisive(host, engine).pages == 7


def test_a_lone_runner_saving_often_stores_exactly_what_it_learned(engine):
    host = "news.example.ua"
    profiles = SiteProfiles(save_every=2)
    for n in range(9):
        profiles.learn(host, _page(host, n), engine)
    profiles.save_all(engine)
    stored = SiteProfiles().decisive(host, engine)
    assert stored is not None and stored.pages == 9
    assert stored.block_pages == profiles.decisive(host, engine).block_pages
