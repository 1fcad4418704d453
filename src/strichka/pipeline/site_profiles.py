"""The runner's per-host site profiles: bounded in memory, loaded lazily, stored between runs.

Calls come from the event loop's thread only (like every database write in the pipeline: SQLite has
one writer); what goes to an extraction worker is the immutable SiteProfile from `decisive`.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from strichka.extract.site_profile import SiteLearner, SiteProfile
from strichka.storage import site_profiles_repo

log = logging.getLogger("strichka.site_profiles")

# Hosts kept in memory, least recently used dropped first (saved before they go). At the per-host cap
# (extract.site_profile.MAX_BLOCKS_PER_HOST) that is at most ~0.5 GB; typical hosts take a tenth of it.
# Above the number of outlets crawled, so a pass never reloads a host it evicted.
MAX_HOSTS = 1_000
# A host's profile is written back after this many new pages (and at the end of each crawl pass):
# a crash loses at most this many pages of learning per host.
SAVE_EVERY_PAGES = 25
_MAX_HOST_CHARS = 255  # the column's width; longer is no DNS name


class SiteProfiles:
    def __init__(self, max_hosts: int = MAX_HOSTS, save_every: int = SAVE_EVERY_PAGES) -> None:
        self.max_hosts = max_hosts
        self.save_every = save_every
        self._hosts: OrderedDict[str, SiteLearner] = OrderedDict()

    def __len__(self) -> int:
        return len(self._hosts)

    def decisive(self, host: str, engine: Engine) -> SiteProfile | None:
        """What to ship with the host's next page; None while nothing is known of the host."""
        learner = self._learner(host, engine)
        return learner.decisive() if learner.pages else None

    def learn(self, host: str, prints: Iterable[str], engine: Engine) -> None:
        """One more page of the host (its block fingerprints, from extract_page)."""
        learner = self._learner(host, engine)
        learner.add_page(prints)
        if learner.unsaved_pages >= self.save_every:
            self._save(host, learner, engine)

    def save_all(self, engine: Engine) -> int:
        """Store every profile with unsaved pages (the end of a crawl pass); returns how many were stored."""
        return sum(self._save(host, learner, engine) for host, learner in list(self._hosts.items())
                   if learner.unsaved_pages)

    def _learner(self, host: str, engine: Engine) -> SiteLearner:
        learner = self._hosts.get(host)
        if learner is not None:
            self._hosts.move_to_end(host)
            return learner
        learner = self._load(host, engine) or SiteLearner()
        self._hosts[host] = learner
        while len(self._hosts) > self.max_hosts:
            old_host, old = self._hosts.popitem(last=False)
            if old.unsaved_pages:
                self._save(old_host, old, engine)
        return learner

    @staticmethod
    def _stored(host: str) -> bool:
        return 0 < len(host) <= _MAX_HOST_CHARS

    def _load(self, host: str, engine: Engine) -> SiteLearner | None:
        if not self._stored(host):
            return None
        try:
            with engine.connect() as conn:
                return site_profiles_repo.load_site_profile(conn, host)
        except SQLAlchemyError as exc:  # the page is still extracted, only without what the host repeats
            log.warning("site profile of %s could not be read: %s", host, exc)
            return None

    def _save(self, host: str, learner: SiteLearner, engine: Engine) -> bool:
        if not self._stored(host):
            return False
        try:
            with engine.begin() as conn:
                # Other workers (Celery) may have stored pages of this host since: add ours to theirs.
                stored = site_profiles_repo.load_site_profile(conn, host, for_update=True)
                merged = learner.merged_with(stored)
                site_profiles_repo.save_site_profile(conn, host, merged, datetime.now(UTC))
        except SQLAlchemyError as exc:  # kept unsaved: the next save tries again
            log.warning("site profile of %s could not be stored: %s", host, exc)
            return False
        merged.mark_saved()
        if merged is not learner and host in self._hosts:
            self._hosts[host] = merged  # from now on this worker also knows the others' pages
        return True
