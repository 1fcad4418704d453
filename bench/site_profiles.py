"""Site profiles: memory of many hosts' profiles and the cost of one page's update, before and after.

    .venv/bin/python bench/site_profiles.py [--hosts 500] [--pages 200] [--long-pages 2000] [--before REV]

Synthetic outlets: each host has 30 blocks of furniture on every page (menus, footer), a "most read"
list of 10 drawn from 60 headlines of its own, and 25 paragraphs of the page's own (20-60 words of
random letters: fingerprints read digits as 0). The same seed makes the same pages for both sides.

- before: extract/site_profile.py as it was at --before (git show), grown as the pipeline grew it:
  `profile.decisive()` shipped, then `profiles[host] = profile.with_page(prints)` (a dict copy a page);
- after: the pipeline's SiteProfiles registry (SiteLearner per host: decisive() + learn(), in place),
  its database writes left out (they are timed on their own: one save of a host at the cap).

Memory: tracemalloc's traced bytes held by the profiles of --hosts hosts x --pages pages, and by one
host of --long-pages pages, each measured in its own child process. Update cost: mean microseconds per page of decisive + update (hashing
of the page's fingerprints included, their making from the page not) over the last 100 pages of a host
at --pages and at --long-pages pages, one core, no tracing.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
import types
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from strichka.extract.blocks import fingerprint

REPO = Path(__file__).resolve().parents[1]
LETTERS = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"


def host_pages(host: int, pages: int) -> Iterator[frozenset[str]]:
    """One host's pages as the fingerprints extract_page would return."""
    rng = random.Random(host)
    vocabulary = ["".join(rng.choices(LETTERS, k=rng.randint(2, 10))) for _ in range(3000)]

    def line(words: int) -> str:
        return " ".join(rng.choices(vocabulary, k=words))

    furniture = [line(rng.randint(1, 12)) for _ in range(30)]
    headlines = [line(rng.randint(6, 14)) for _ in range(60)]
    for _ in range(pages):
        own = [line(rng.randint(20, 60)) for _ in range(25)]
        yield frozenset(fingerprint(b) for b in furniture + rng.sample(headlines, 10) + own)


def old_module(rev: str) -> types.ModuleType:
    source = subprocess.run(["git", "show", f"{rev}:src/strichka/extract/site_profile.py"], cwd=REPO,
                            check=True, capture_output=True, text=True).stdout
    module = types.ModuleType("site_profile_before")
    sys.modules[module.__name__] = module  # dataclasses look their module up
    exec(compile(source, f"{rev}:site_profile.py", "exec"), module.__dict__)
    return module


class Before:
    def __init__(self, rev: str) -> None:
        self.profile_class = old_module(rev).SiteProfile
        self.profiles: dict[str, Any] = {}

    def page(self, host: str, prints: frozenset[str]) -> None:
        profile = self.profiles.get(host)
        _shipped = profile.decisive() if profile else None
        self.profiles[host] = (profile or self.profile_class()).with_page(prints)


class After:
    def __init__(self, _rev: str) -> None:
        from strichka.pipeline.site_profiles import SiteProfiles

        self.profiles = SiteProfiles(save_every=10**9)  # loads are stubbed out and nothing is saved: memory only

    def page(self, host: str, prints: frozenset[str]) -> None:
        _shipped = self.profiles.decisive(host, None)  # type: ignore[arg-type]
        self.profiles.learn(host, prints, None)  # type: ignore[arg-type]


SIDES: dict[str, Callable[[str], Any]] = {"before": Before, "after": After}


def memory(side: str, rev: str, hosts: int, pages: int) -> dict[str, float]:
    from strichka.pipeline import site_profiles

    site_profiles.SiteProfiles._load = lambda self, host, engine: None  # type: ignore[method-assign]
    runner = SIDES[side](rev)
    tracemalloc.start()
    start = tracemalloc.get_traced_memory()[0]
    for host in range(hosts):
        for prints in host_pages(host, pages):
            runner.page(f"host{host}", prints)
    held = tracemalloc.get_traced_memory()[0] - start
    tracemalloc.stop()
    return {"mb": held / 1e6, "kb_per_host": held / hosts / 1e3}


def update_cost(side: str, rev: str, pages: int) -> float:
    from strichka.pipeline import site_profiles

    site_profiles.SiteProfiles._load = lambda self, host, engine: None  # type: ignore[method-assign]
    runner = SIDES[side](rev)
    spent: list[float] = []
    for prints in host_pages(7, pages):
        started = time.perf_counter()
        runner.page("host", prints)
        spent.append(time.perf_counter() - started)
    return sum(spent[-100:]) / len(spent[-100:]) * 1e6


def save_cost() -> dict[str, float]:
    """One host at the cap written to, and read from, SQLite in a temp dir (WAL, as shipped)."""
    from strichka.extract.site_profile import SiteLearner
    from strichka.storage.database import create_db_engine, migrate
    from strichka.storage.site_profiles_repo import load_site_profile, save_site_profile

    learner = SiteLearner()
    for prints in host_pages(11, 400):
        learner.add_page(prints)
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_db_engine(f"sqlite:///{tmp}/bench.db")
        migrate(engine)
        rounds = 20
        started = time.perf_counter()
        for _ in range(rounds):
            with engine.begin() as conn:
                save_site_profile(conn, "host", learner, datetime.now(UTC))
        saved = (time.perf_counter() - started) / rounds
        started = time.perf_counter()
        for _ in range(rounds):
            with engine.connect() as conn:
                load_site_profile(conn, "host")
        loaded = (time.perf_counter() - started) / rounds
        engine.dispose()
    return {"blocks": len(learner.block_pages), "blob_kb": len(learner.to_blob()) / 1e3,
            "save_ms": saved * 1e3, "load_ms": loaded * 1e3}


def in_child(args: argparse.Namespace, job: str, side: str, hosts: int | None = None, pages: int | None = None) -> Any:
    """Each measurement in a fresh process: memory figures free of the other side's leftovers."""
    command = [sys.executable, __file__, "--job", job, "--side", side, "--hosts", str(hosts or args.hosts),
               "--pages", str(pages or args.pages), "--long-pages", str(args.long_pages), "--before", args.before]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hosts", type=int, default=500)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--long-pages", type=int, default=2000)
    parser.add_argument("--before", default="3d8b1cd", help="git revision of the old site_profile.py")
    parser.add_argument("--job", choices=["memory", "update", "update-long", "save"], help=argparse.SUPPRESS)
    parser.add_argument("--side", choices=sorted(SIDES), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.job == "memory":
        print(json.dumps(memory(args.side, args.before, args.hosts, args.pages)))
        return
    if args.job in ("update", "update-long"):
        pages = args.pages if args.job == "update" else args.long_pages
        print(json.dumps(update_cost(args.side, args.before, pages)))
        return
    if args.job == "save":
        print(json.dumps(save_cost()))
        return
    print(f"{args.hosts} hosts x {args.pages} pages (before = {args.before})")
    for side in ("before", "after"):
        held = in_child(args, "memory", side)
        short = in_child(args, "update", side)
        long = in_child(args, "update-long", side)
        one_long = in_child(args, "memory", side, hosts=1, pages=args.long_pages)
        print(f"{side:>6}: profiles hold {held['mb']:8.1f} MB ({held['kb_per_host']:7.1f} kB/host), "
              f"one host of {args.long_pages} pages {one_long['kb_per_host']:7.1f} kB; "
              f"update {short:7.1f} us/page at {args.pages} pages, {long:7.1f} us/page at {args.long_pages}")
    stored = in_child(args, "save", "after")
    print(f"stored form: a host of {stored['blocks']} blocks is {stored['blob_kb']:.0f} kB; "
          f"save {stored['save_ms']:.2f} ms, load {stored['load_ms']:.2f} ms (SQLite)")


if __name__ == "__main__":
    main()
