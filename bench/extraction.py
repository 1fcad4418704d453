#!/usr/bin/env python3
"""Article-body extraction: strichka next to trafilatura (default and favor_precision) and readability-lxml,
on the same pages, in the same run, round-robin page by page so machine load hits every tool alike.

usage: bench/extraction.py --corpus DIR [--json] [--limit N] [--tools strichka,readability]

DIR holds html/<id>.html[.gz] and ground-truth.json ({id: {"articleBody": ..., "url": ...}}). Scored by
../shared/tools/score_extraction.py (imported, not re-implemented). trafilatura runs with
include_comments=False, the body-only setting the published benchmark figures use.

strichka gets the SiteProfile the pipeline would have: learned from the same host's earlier pages (corpus
order), never from the page itself; learning it is part of strichka's timed work.
The validation split (md5(id) % 4 == 0) was never looked at while tuning; both splits are printed.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import trafilatura
from readability import Document

from strichka.errors import ExtractError
from strichka.extract import SiteProfile, extract_page

REPO = Path(__file__).resolve().parents[1]
SCORER = REPO / ".." / "shared" / "tools" / "score_extraction.py"


def load_scorer(path: Path):  # type: ignore[no-untyped-def]
    if not path.exists():
        sys.exit(f"scorer not found: {path} (pass --scorer)")
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def load_corpus(corpus: Path, limit: int | None) -> tuple[dict[str, dict], dict[str, str]]:
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {}
    for path in sorted((corpus / "html").iterdir()):
        page_id = path.name.split(".html")[0]
        if page_id not in truth:
            continue
        raw = path.read_bytes()
        pages[page_id] = (gzip.decompress(raw) if path.name.endswith(".gz") else raw).decode(
            "utf-8", "replace"
        )
        if limit and len(pages) >= limit:
            break
    return {i: truth[i] for i in pages}, pages


def host_of(page_id: str, entry: dict) -> str:
    url = entry.get("url") or ""
    host = urlsplit(url).hostname if url else None
    return host or (page_id.split("_")[1] if page_id.count("_") >= 2 else page_id)


def page_url(page_id: str, entry: dict) -> str:
    url = entry.get("url") or ""
    return url if urlsplit(url).path not in ("", "/") else f"http://{host_of(page_id, entry)}/{page_id}"


def readability_text(html: str) -> str:
    summary = Document(html).summary(html_partial=True)
    return lxml.html.fromstring(summary).text_content() if summary.strip() else ""


class Strichka:
    """extract_page in corpus order with one SiteProfile per host grown from that host's earlier pages,
    exactly as the pipeline grows it; the page's own fingerprints come from the same parse (timed)."""

    def __init__(self, truth: dict[str, dict]) -> None:
        self.truth = truth
        self.profiles: dict[str, SiteProfile] = {}

    def __call__(self, page_id: str, html: str) -> str:
        host = host_of(page_id, self.truth[page_id])
        profile = self.profiles.get(host)
        try:
            result = extract_page(html, url=page_url(page_id, self.truth[page_id]), site_profile=profile)
        except ExtractError:
            return ""
        self.profiles[host] = (profile or SiteProfile()).with_page(result.fingerprints)
        return result.article.text


def run(corpus: Path, tools: list[str], limit: int | None, scorer_path: Path) -> dict[str, dict[str, float]]:
    scorer = load_scorer(scorer_path)
    truth, pages = load_corpus(corpus, limit)
    strichka = Strichka(truth)
    runners: dict[str, Callable[[str, str], str]] = {
        "strichka": strichka,
        "trafilatura": lambda i, h: trafilatura.extract(h, include_comments=False) or "",
        "trafilatura_precision": lambda i, h: (
            trafilatura.extract(h, include_comments=False, favor_precision=True) or ""
        ),
        "readability": lambda i, h: readability_text(h),
    }
    first_id, first_html = next(iter(pages.items()))
    for tool in tools:  # warm-up: one-time imports and model loads are not per-page costs
        runners[tool](first_id, first_html)
    strichka.profiles.clear()
    seconds = {t: 0.0 for t in tools}
    predictions: dict[str, dict[str, dict[str, str]]] = {t: {} for t in tools}
    for page_id, html in pages.items():
        for tool in tools:
            start = time.perf_counter()
            text = runners[tool](page_id, html)
            seconds[tool] += time.perf_counter() - start
            predictions[tool][page_id] = {"articleBody": text}
    validation = {i for i in truth if int(hashlib.md5(i.encode()).hexdigest(), 16) % 4 == 0}
    results = {}
    for tool in tools:
        full = scorer.score(truth, predictions[tool])
        dev = scorer.score({i: e for i, e in truth.items() if i not in validation}, predictions[tool])
        val = (
            scorer.score({i: e for i, e in truth.items() if i in validation}, predictions[tool])
            if validation
            else full
        )
        results[tool] = {
            "f1": round(full["f1"], 4),
            "precision": round(full["precision"], 4),
            "recall": round(full["recall"], 4),
            "pages_per_s": round(len(pages) / seconds[tool], 2) if seconds[tool] else 0.0,
            "f1_dev": round(dev["f1"], 4),
            "f1_validation": round(val["f1"], 4),
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object {tool: {f1, precision, recall, pages_per_s}}",
    )
    parser.add_argument("--limit", type=int, default=None, help="first N pages only (quick runs)")
    parser.add_argument("--tools", default="strichka,trafilatura,trafilatura_precision,readability")
    parser.add_argument("--scorer", type=Path, default=SCORER)
    args = parser.parse_args()
    if not (args.corpus / "ground-truth.json").exists():
        sys.exit(f"{args.corpus}: no ground-truth.json")
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    results = run(args.corpus, tools, args.limit, args.scorer)
    if args.json:
        print(json.dumps(results))
        return
    base = results.get("trafilatura", {}).get("pages_per_s")
    print(f"{args.corpus.name}: {len(tools)} tools")
    print(
        f"{'tool':24} {'F1':>6} {'prec':>6} {'recall':>6} {'F1 dev':>7} {'F1 val':>7} {'pages/s':>8} {'× traf':>7}"
    )
    for tool, r in sorted(results.items(), key=lambda kv: -kv[1]["f1"]):
        ratio = f"{r['pages_per_s'] / base:.2f}" if base else "-"
        print(
            f"{tool:24} {r['f1']:6.3f} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1_dev']:7.3f} "
            f"{r['f1_validation']:7.3f} {r['pages_per_s']:8.1f} {ratio:>7}"
        )


if __name__ == "__main__":
    main()
