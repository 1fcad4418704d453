"""Search over real news text from ../shared: my.ua seed pages (uk) and the DAnIEL corpus (ru).

Recall check that does not trust the lemmatiser: every article holding any inflected form of a noun
(found by a plain regular expression over the raw text) must be found by the noun's base form,
and every form must give the same articles.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert

from strichka.search import Searcher, SearchQuery, open_searcher
from strichka.storage.database import create_db_engine, migrate
from strichka.storage.schema import articles, sources

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEEDS = SHARED / "seeds"
DANIEL = SHARED / "corpora" / "extraction" / "daniel-ru-dev" / "ground-truth.json"
NOW = datetime(2026, 11, 1, tzinfo=UTC)

pytestmark = pytest.mark.corpus


def _require(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} not found: the shared corpora are not next to this checkout")


def _store(engine: Engine, searcher: Searcher, texts: list[tuple[str, str, str]]) -> list[int]:
    with engine.begin() as conn:
        conn.execute(insert(sources).values(id=1, name="Outlet", weight=1.0, created_at=NOW))
        ids = [
            conn.execute(
                insert(articles).values(
                    source_id=1, url=f"https://example.test/{n}", title=title, text=body, html="",
                    description="", lang=lang, published_at=NOW, fetched_at=NOW, credits=[],
                    feed_categories=[], is_news=True, word_count=0,
                )
            ).inserted_primary_key[0]
            for n, (title, body, lang) in enumerate(texts)
        ]
        searcher.index_articles(conn, ids)
    return ids


def _found(searcher: Searcher, text: str) -> set[int]:
    return {hit.article_id for hit in searcher.search(SearchQuery(text, limit=100)).hits}


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    engine = create_db_engine(f"sqlite:///{tmp_path / 'corpus.db'}")
    migrate(engine)
    return engine


def test_seed_pages_found_by_base_forms(engine: Engine) -> None:
    _require(SEEDS)
    pages = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("/http")]
        pages.append((lines[0], "\n".join(lines[1:]), "uk"))
    searcher = open_searcher(engine)
    france, thales = _store(engine, searcher, pages[:2])
    assert _found(searcher, "ракета") == {france, thales}  # «ракети» in one, «ракет» in the other
    assert _found(searcher, "Франція") == {france}  # «Франції», «Францією»
    assert _found(searcher, "Умєрова") == {france, thales}
    assert _found(searcher, "Thales") == {thales}
    (hit,) = searcher.search(SearchQuery("французька система")).hits
    assert "<mark>французьких</mark> <mark>систем</mark>" in hit.snippet_html


@pytest.mark.parametrize(
    ("forms", "pattern"),
    [
        (("президент", "президента", "президентом"), r"\bпрезидент(?:а|у|ом|е|ы|ов|ам|ами|ах)?\b"),
        (("Украина", "Украины", "Украине"), r"\bукраин(?:а|ы|е|у|ой|ою)\b"),
        (("правительство", "правительства"), r"\bправительств(?:о|а|у|ом|е)\b"),
    ],
)
def test_russian_corpus_every_inflected_form_found(engine: Engine, forms: tuple[str, ...], pattern: str) -> None:
    _require(DANIEL)
    truth = json.loads(DANIEL.read_text(encoding="utf-8"))
    bodies = [item["articleBody"] for item in truth.values()]
    searcher = open_searcher(engine)
    ids = _store(engine, searcher, [(body[:80], body, "ru") for body in bodies])
    holding = {i for i, body in zip(ids, bodies, strict=True) if re.search(pattern, body, re.IGNORECASE)}
    assert holding, pattern
    results = [_found(searcher, form) for form in forms]
    assert all(result == results[0] for result in results), forms
    assert holding <= results[0]
