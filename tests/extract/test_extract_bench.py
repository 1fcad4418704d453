"""bench/extraction.py runs every tool on the same pages and reports the documented JSON shape."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared"
CORPUS = SHARED / "corpora" / "extraction" / "scrapinghub"
SCORER = SHARED / "tools" / "score_extraction.py"


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_extraction", REPO / "bench" / "extraction.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.mark.corpus
def test_bench_reports_every_tool_on_the_same_pages() -> None:
    if not (CORPUS / "ground-truth.json").exists() or not SCORER.exists():
        pytest.skip(f"{CORPUS} or {SCORER} absent: the shared corpora are not on this machine")
    tools = ["strichka", "trafilatura", "trafilatura_precision", "readability"]
    results = _bench().run(CORPUS, tools, 4, SCORER)
    assert set(results) == set(tools)
    for figures in results.values():
        assert {"f1", "precision", "recall", "pages_per_s"} <= set(figures)
        assert 0.0 <= figures["f1"] <= 1.0 and figures["pages_per_s"] > 0
    assert (
        results["strichka"]["f1"] > 0.5
    )  # four real articles: an extractor that works gets most words right
