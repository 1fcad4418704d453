"""What one outlet repeats on every page (menus, footers, "most read" lists) is not the article.

The pipeline keeps one SiteLearner per host, learned from other pages of that host, stored in the
database between runs (pipeline.site_profiles), and passes its decisive SiteProfile in with each page.
"""

from __future__ import annotations

import hashlib
import sys
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from strichka.extract.blocks import fingerprint
from strichka.extract.parse import parse_page, strip_non_article

_BLOCKISH = (
    "p",
    "div",
    "li",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dd",
    "dt",
    "span",
    "a",
    "b",
    "strong",
    "font",
)
_MAX_BLOCK_CHARS = 400  # long paragraphs repeat across pages only when quoted, never as furniture

# Blocks one host's profile remembers: a pruning keeps the most-seen half. Furniture is at most a few
# hundred blocks a page, and the decisive ones number at most ~4x a page's blocks (see decisive), so
# the pruned half holds every block that decides a verdict with room for newcomers still climbing.
# About 90 bytes a block in memory: ~0.5 MB a host at the cap.
MAX_BLOCKS_PER_HOST = 6_000
# Counts and pages are halved when a host reaches this many pages: the verdicts keep their ratio,
# and furniture from a redesign becomes decisive within ~this many pages instead of never.
HALVE_AT_PAGES = 2_000
_BLOB_VERSION = 1


def block_key(print_text: str) -> int:
    """A block fingerprint as 64 stable bits (the same in every process and after a restart): ~36
    bytes in memory instead of up to ~900 for the text; a collision between two blocks of one host
    is a one in 10^11 chance."""
    return int.from_bytes(hashlib.blake2b(print_text.encode(), digest_size=8).digest(), "little")


def _floor(pages: int) -> int:
    # with few pages one sighting elsewhere is enough; with many, a block must be common
    return max(1, pages // 4)


@dataclass(frozen=True)
class SiteProfile:
    """Blocks seen on the outlet's pages (block_key of the fingerprint), with the number of pages each was
    seen on. Never changed once made: this is what crosses to an extraction worker (picklable)."""

    pages: int = 0
    block_pages: Mapping[int, int] = field(default_factory=dict)

    def with_page(self, prints: Iterable[str]) -> SiteProfile:
        """The profile after one more page (extract_page returns each page's prints). Copies every block:
        for one-off use (tests, benches); the pipeline grows a SiteLearner in place."""
        learner = SiteLearner(self.pages, dict(self.block_pages))
        learner.add_page(prints)
        return learner.profile()

    def decisive(self) -> SiteProfile:
        """The same verdicts with only the blocks that can be judged boilerplate: what the
        pipeline ships to an extraction worker with each page, instead of every block ever seen."""
        floor = _floor(self.pages)
        return SiteProfile(self.pages, {key: n for key, n in self.block_pages.items() if n >= floor})

    def is_boilerplate(self, text: str) -> bool:
        return self.block_pages.get(block_key(fingerprint(text)), 0) >= _floor(self.pages)


class SiteLearner:
    """One host's profile as the pipeline grows it, in place: a page costs O(its blocks + the decisive
    blocks), not O(every block seen). Not thread-safe: one thread (the event loop's) owns it; what
    leaves it (decisive, profile) is an immutable SiteProfile."""

    def __init__(self, pages: int = 0, block_pages: dict[int, int] | None = None) -> None:
        self.pages = pages
        self.block_pages: dict[int, int] = block_pages if block_pages is not None else {}
        self.unsaved_pages = 0  # pages learned since the profile was last stored
        # Sightings since the last save, so a save can add them to what other workers stored meanwhile
        # (merged_with) instead of overwriting it; unusable once counts were halved (_halved_since_save).
        self._unsaved_counts: dict[int, int] = {}
        self._halved_since_save = False
        self._decisive_keys = self._keys_at_floor()
        self._decisive: SiteProfile | None = None  # made on demand, until the next page

    def add_page(self, prints: Iterable[str]) -> None:
        old_floor = _floor(self.pages)
        self.pages += 1
        self.unsaved_pages += 1
        floor = _floor(self.pages)
        counts = self.block_pages
        unsaved = self._unsaved_counts
        decisive = self._decisive_keys
        for key in {block_key(text) for text in prints}:
            n = counts.get(key, 0) + 1
            counts[key] = n
            unsaved[key] = unsaved.get(key, 0) + 1
            if n >= floor:
                decisive.add(key)
        if floor > old_floor:  # counts only grow, so only the decisive blocks can fall below the new floor
            self._decisive_keys = {key for key in decisive if counts[key] >= floor}
        self._keep_bounded()
        self._decisive = None

    def decisive(self) -> SiteProfile:
        """What SiteProfile.decisive would give for this profile, kept up to date page by page."""
        if self._decisive is None:
            counts = self.block_pages
            self._decisive = SiteProfile(self.pages, {key: counts[key] for key in self._decisive_keys})
        return self._decisive

    def profile(self) -> SiteProfile:
        """Every block, as an immutable copy (O(blocks))."""
        return SiteProfile(self.pages, dict(self.block_pages))

    def merged_with(self, stored: SiteLearner | None) -> SiteLearner:
        """What to store when `stored` is the host's profile in the database now: it plus the pages learned
        here since the last save. Several Celery workers learn one host at once; each adds its own pages
        instead of the last save erasing the others'. With one runner, stored + unsaved is this very
        profile. After a halving here the unsaved counts no longer add up: this profile wins as it is."""
        if stored is None or self._halved_since_save:
            return self
        counts = dict(stored.block_pages)
        for key, n in self._unsaved_counts.items():
            counts[key] = counts.get(key, 0) + n
        merged = SiteLearner(stored.pages + self.unsaved_pages, counts)
        merged._keep_bounded()
        return merged

    def mark_saved(self) -> None:
        self.unsaved_pages = 0
        self._unsaved_counts = {}
        self._halved_since_save = False

    def to_blob(self) -> bytes:
        """The block counts for the database: version byte, then 64-bit keys and 32-bit counts, little-endian."""
        keys = array("Q", self.block_pages.keys())
        counts = array("I", self.block_pages.values())
        if sys.byteorder == "big":
            keys.byteswap()
            counts.byteswap()
        return bytes((_BLOB_VERSION,)) + keys.tobytes() + counts.tobytes()

    @classmethod
    def from_blob(cls, pages: int, blob: bytes) -> SiteLearner:
        """Raises ValueError on a blob this version cannot read."""
        if not blob or blob[0] != _BLOB_VERSION or (len(blob) - 1) % 12:
            raise ValueError(f"site profile blob of {len(blob)} bytes, version {blob[:1]!r}: not readable")
        n = (len(blob) - 1) // 12
        keys = array("Q")
        keys.frombytes(blob[1 : 1 + 8 * n])
        counts = array("I")
        counts.frombytes(blob[1 + 8 * n :])
        if sys.byteorder == "big":
            keys.byteswap()
            counts.byteswap()
        return cls(pages, dict(zip(keys, counts, strict=True)))

    def _keys_at_floor(self) -> set[int]:
        floor = _floor(self.pages)
        return {key for key, n in self.block_pages.items() if n >= floor}

    def _keep_bounded(self) -> None:
        if self.pages >= HALVE_AT_PAGES:
            self._halve()
        if len(self.block_pages) > MAX_BLOCKS_PER_HOST:  # after a halving: that may be a new dict
            self._prune()

    def _halve(self) -> None:
        self.pages //= 2
        self.block_pages = {key: n // 2 for key, n in self.block_pages.items() if n >= 2}
        self._decisive_keys = self._keys_at_floor()
        self._halved_since_save = True

    def _prune(self) -> None:
        """Forget the least-seen blocks (one-offs first: furniture repeats) until half the cap is left."""
        keep = MAX_BLOCKS_PER_HOST // 2
        seen_times = Counter(self.block_pages.values())
        remaining = len(self.block_pages)
        threshold = 0  # blocks seen on `threshold` pages or fewer go
        for times in sorted(seen_times):
            if remaining <= keep:
                break
            remaining -= seen_times[times]
            threshold = times
        self.block_pages = {key: n for key, n in self.block_pages.items() if n > threshold}
        self._decisive_keys = {key for key in self._decisive_keys if key in self.block_pages}


_CONTAINERS = frozenset(("div", "p", "ul", "ol", "li", "table", "tbody", "tr", "td", "th", "section", "article",
                         "header", "footer", "nav", "aside", "form", "dl", "h1", "h2", "h3"))  # fmt: skip


def page_fingerprints(tree: HtmlElement) -> frozenset[str]:
    """Fingerprints of the page's leaf blocks (no block children): the lines an extractor can return."""
    return page_and_link_fingerprints(tree)[0]


def page_and_link_fingerprints(tree: HtmlElement) -> tuple[frozenset[str], frozenset[str]]:
    """Leaf-block fingerprints and, from the same walk, those of link texts."""
    found = set()
    links = set()
    for element in tree.iter(_BLOCKISH):
        if any(child.tag in _CONTAINERS for child in element):
            continue
        raw = element.text_content()
        if len(raw) > 4 * _MAX_BLOCK_CHARS:  # whitespace aside, far too long to be furniture
            continue
        text = fingerprint(raw)
        if 2 <= len(text) <= _MAX_BLOCK_CHARS:
            found.add(text)
            if element.tag == "a":
                links.add(text)
    return frozenset(found), frozenset(links)


def profile_from_fingerprints(pages: list[frozenset[str]]) -> SiteProfile:
    learner = SiteLearner()
    for page in pages:
        learner.add_page(page)
    return learner.profile()


def _fingerprints_of(html: str, url: str) -> frozenset[str]:
    tree = parse_page(html, url=url)
    strip_non_article(tree)  # as extract_page does before it fingerprints
    return page_fingerprints(tree)


def learn_site_profile(pages: list[str], *, url: str = "") -> SiteProfile:
    """Learn from other pages of one outlet (never include the page being extracted). The pipeline can
    instead grow a SiteLearner page by page: learner.add_page(extract_page(...).fingerprints)."""
    return profile_from_fingerprints([_fingerprints_of(html, url) for html in pages])
