"""Feed parsing: strichka.feeds.parse_feed next to feedparser, same files, same run.

    .venv/bin/python bench/feeds.py [--json] [--rounds N] [--shared PATH]

Times are CPU seconds of this process (time.process_time), so other work on a shared machine
does not tilt the ratio; each file counts with the best of --rounds parses, for both parsers. Prints, per corpus folder: feeds/s and entries/s of both parsers, the speed ratio, and the
entries strichka lost against feedparser (files where it found fewer). Then, over feedparser's
own wellformed/ and illformed/ cases, how many strichka reads with the same entries (same
count, same titles as plain text, same links). Goal: ≥ 20× feedparser, no entry lost.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import feedparser
import orjson

from strichka.errors import FeedError
from strichka.feeds import parse_feed
from strichka.feeds.html_text import html_to_text
from strichka.models import ParsedFeed

REPO = Path(__file__).resolve().parents[1]
FOLDERS = (
    "fastfeedparser/benchmark_subset",
    "fastfeedparser/tests/integration",
    "miniflux",
    "simplepie",
    "ua_ru_samples",
)
FEED_URL = "http://127.0.0.1:8097/feed.xml"
_HEADER_CHARSET = re.compile(rb"Header:\s*Content-type:[^\n]*?charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_EXPECTED_OUTPUT = re.compile(r"^(?!json_feed_sample\.json$).*\.json$")  # golden outputs, not feeds


@dataclass
class FolderFigures:
    folder: str
    files: int = 0
    strichka_seconds: float = 0.0
    feedparser_seconds: float = 0.0
    strichka_entries: int = 0
    feedparser_entries: int = 0
    entries_lost: int = 0
    files_losing: list[str] = field(default_factory=list)

    def rates(self) -> dict[str, float | None]:
        s, f = self.strichka_seconds or 1e-9, self.feedparser_seconds or 1e-9
        return {
            "strichka_feeds_per_s": self.files / s,
            "feedparser_feeds_per_s": self.files / f,
            "strichka_entries_per_s": self.strichka_entries / s,
            "feedparser_entries_per_s": self.feedparser_entries / f,
            "speed_ratio": f / s if self.files else None,
        }


def feed_files(root: Path) -> list[Path]:
    names = (p for p in sorted(root.rglob("*")) if p.is_file() and p.suffix in (".xml", ".json", ".rss", ".atom"))
    return [p for p in names if not _EXPECTED_OUTPUT.match(p.name) and "scraper" not in p.parts]


def http_charset_of(body: bytes) -> str | None:
    """feedparser's encoding cases carry their Content-Type header in a leading comment."""
    match = _HEADER_CHARSET.search(body[:600])
    return match.group(1).decode("ascii") if match else None


def run_strichka(body: bytes, charset: str | None) -> ParsedFeed | None:
    try:
        return parse_feed(body, url=FEED_URL, http_charset=charset)
    except FeedError:
        return None


def run_feedparser(body: bytes, charset: str | None) -> feedparser.FeedParserDict:
    headers = {"content-location": FEED_URL}
    if charset:
        headers["content-type"] = f"application/xml; charset={charset}"
    return feedparser.parse(body, response_headers=headers)


def best_of(rounds: int, parse: Any, body: bytes, charset: str | None) -> tuple[Any, float]:
    """The fastest of `rounds` parses, in CPU seconds — for both parsers alike, as timeit advises:
    slower rounds measure the machine (caches cold after the other parser ran), not the parser."""
    best, result = float("inf"), None
    for _ in range(rounds):
        started = time.process_time()
        result = parse(body, charset)
        best = min(best, time.process_time() - started)
    return result, best


def measure_folder(shared: Path, folder: str, rounds: int) -> FolderFigures:
    figures = FolderFigures(folder)
    for path in feed_files(shared / "corpora" / "feeds" / folder):
        body = path.read_bytes()
        charset = http_charset_of(body)
        ours, seconds = best_of(rounds, run_strichka, body, charset)
        figures.strichka_seconds += seconds
        theirs, seconds = best_of(rounds, run_feedparser, body, charset)
        figures.feedparser_seconds += seconds
        found, expected = len(ours.entries) if ours else 0, len(theirs.entries)
        figures.files += 1
        figures.strichka_entries += found
        figures.feedparser_entries += expected
        if found < expected:
            figures.entries_lost += expected - found
            figures.files_losing.append(f"{path.relative_to(shared)} ({found}<{expected})")
    return figures


def _plain(value: str) -> str:
    return " ".join(html_to_text(value or "").split())


def _expected_title(entry: feedparser.FeedParserDict) -> str:
    """feedparser's title as plain text: its title_detail says whether the value is HTML."""
    title = entry.get("title") or ""
    if entry.get("title_detail", {}).get("type") == "text/plain":
        return " ".join(title.split())
    return _plain(title)


def same_entries(ours: ParsedFeed | None, theirs: feedparser.FeedParserDict) -> bool:
    mine = ours.entries if ours else ()
    if len(mine) != len(theirs.entries):
        return False
    for entry, expected in zip(mine, theirs.entries, strict=True):
        if " ".join(entry.title.split()) != _expected_title(expected):
            return False
        if (entry.url or "") != (expected.get("link") or ""):
            return False
    return True


def conformance(shared: Path) -> dict[str, object]:
    tests = shared / "corpora" / "feeds" / "feedparser" / "tests"
    result: dict[str, object] = {}
    for suite in ("wellformed", "illformed"):
        cases = [p for p in sorted((tests / suite).rglob("*")) if p.is_file()]
        differing: list[str] = []
        same = 0
        for path in cases:
            body = path.read_bytes()
            charset = http_charset_of(body)
            if same_entries(run_strichka(body, charset), run_feedparser(body, charset)):
                same += 1
            else:
                differing.append(str(path.relative_to(tests)))
        result[suite] = {"cases": len(cases), "same_entries": same, "differing": differing}
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.add_argument("--rounds", type=int, default=1, help="parses per file and parser; the fastest counts (use 5 or more)")
    parser.add_argument("--shared", type=Path, default=REPO / ".." / "shared", help="the shared data folder")
    parser.add_argument("--no-conformance", action="store_true", help="skip feedparser's own test cases")
    args = parser.parse_args()
    if not (args.shared / "corpora" / "feeds").is_dir():
        print(f"no corpora at {args.shared}: nothing to measure", file=sys.stderr)
        return 1
    folders = [measure_folder(args.shared, folder, args.rounds) for folder in FOLDERS]
    report: dict[str, object] = {
        "anchor": f"feedparser {feedparser.__version__}",
        "folders": [{**asdict(f), **f.rates()} for f in folders],
    }
    if not args.no_conformance:
        report["feedparser_cases"] = conformance(args.shared)
    if args.json:
        print(orjson.dumps(report, option=orjson.OPT_INDENT_2).decode())
    else:
        print_table(folders, report.get("feedparser_cases"))
    return 0


def print_table(folders: list[FolderFigures], cases: object) -> None:
    print(f"{'folder':36} {'files':>5} {'strichka f/s':>12} {'feedparser f/s':>14} {'ratio':>6} "
          f"{'strichka e/s':>12} {'feedparser e/s':>14} {'entries':>11} {'lost':>4}")
    for f in folders:
        if not f.files:  # a folder whose feeds are missing from this copy of the corpora
            print(f"{f.folder:36} {0:5}   no feed files here: nothing measured")
            continue
        r = f.rates()
        assert r["speed_ratio"] is not None
        print(f"{f.folder:36} {f.files:5} {r['strichka_feeds_per_s']:12.0f} {r['feedparser_feeds_per_s']:14.1f} "
              f"{r['speed_ratio']:5.1f}× {r['strichka_entries_per_s']:12.0f} {r['feedparser_entries_per_s']:14.0f} "
              f"{f.strichka_entries:5}/{f.feedparser_entries:<5} {f.entries_lost:4}")
        for name in f.files_losing:
            print(f"    lost entries: {name}")
    if isinstance(cases, dict):
        for suite, figures in cases.items():
            print(f"feedparser {suite}/: same entries as feedparser in {figures['same_entries']} of "
                  f"{figures['cases']} cases")


if __name__ == "__main__":
    raise SystemExit(main())
