"""The runner's site profiles: a bounded number of hosts in memory, the rest in the database."""

from __future__ import annotations

from sqlalchemy import func, select

from strichka.extract.blocks import fingerprint
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
