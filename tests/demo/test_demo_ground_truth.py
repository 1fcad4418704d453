"""The ground truth is consistent with itself and with the pages a crawler will fetch."""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from pathlib import Path

import httpx

from strichka.demo import DemoServer, ground_truth, write_ground_truth
from strichka.demo.outlets import OUTLETS

_FIELDS = {"url", "outlet", "outlet_lang", "lang", "title", "text", "story", "origin_outlet", "category",
           "is_news", "published_at", "images"}


def test_records_have_every_field() -> None:
    records = ground_truth()
    assert len(records) >= 60
    for record in records:
        assert _FIELDS <= record.keys(), record["url"]
        assert record["lang"] in {"uk", "ru", "en"}
        assert 1 <= len(record["images"]) <= 3
        assert 3 <= len(record["text"].split("\n\n")) <= 8
    assert len({r["url"] for r in records}) == len(records)


def test_stories_span_outlets_and_languages() -> None:
    stories: dict[str, list[dict]] = defaultdict(list)
    for record in ground_truth():
        if record["story"]:
            stories[record["story"]].append(record)
    assert len(stories) >= 14
    for story, members in stories.items():
        assert len(members) >= 2, story
        # one article per outlet and language (the agency also runs an English service)
        assert len({(m["outlet"], m["lang"]) for m in members}) == len(members), story
        first = min(members, key=lambda m: m["published_at"])
        assert all(m["origin_outlet"] == first["outlet"] for m in members), story
    multilingual = [s for s, members in stories.items() if len({m["lang"] for m in members}) >= 2]
    assert len(multilingual) >= 10
    assert len({m["origin_outlet"] for ms in stories.values() for m in ms}) >= 5  # not always the agency


def test_singletons_and_not_news() -> None:
    records = ground_truth()
    singles = [r for r in records if r["story"] is None]
    assert len(singles) >= 10
    assert all(r["origin_outlet"] == r["outlet"] for r in singles)
    not_news = [r for r in records if not r["is_news"]]
    assert len(not_news) == 3 and all(r["story"] is None for r in not_news)
    assert any(r["lang"] != r["outlet_lang"] for r in records)  # language is per article, not per outlet


def test_attribution_and_credit_lines_are_part_of_the_text() -> None:
    texts = [r["text"] for r in ground_truth()]
    assert sum("Як передає УкрПрес-Інфо" in t for t in texts) >= 1
    assert sum("сообщает УкрПресс-Инфо" in t for t in texts) >= 3
    assert sum("— УкрПрес-Інфо" in t for t in texts) >= 1
    assert sum("according to UkrPres-Info" in t for t in texts) >= 2
    assert sum(bool(re.search(r"\n\n(Фото|Photo): [^\n]+$", t)) for t in texts) >= 50


def test_near_duplicates_share_most_paragraphs() -> None:
    records = ground_truth()
    agency = {p for r in records if r["outlet"] == "Агентство УкрПрес-Інфо" for p in r["text"].split("\n\n")}
    copies = [r for r in records if r["outlet"] != "Агентство УкрПрес-Інфо"
              and sum(p in agency for p in r["text"].split("\n\n")) >= 3]
    assert len(copies) >= 3


def test_body_paragraphs_appear_in_the_page_and_boilerplate_does_not_leak(
    late_web: DemoServer, http: httpx.Client
) -> None:
    outlets = {o.name: o for o in OUTLETS}
    for record in late_web.ground_truth():
        response = http.get(record["url"])
        page = response.content.decode(outlets[record["outlet"]].encoding)
        for paragraph in record["text"].split("\n\n"):
            assert f"<p>{html.escape(paragraph)}</p>" in page, (record["url"], paragraph)
        style = outlets[record["outlet"]].style
        for boilerplate in (style.cookie_text, style.ad_text, style.subscribe_text, style.comments[0][1]):
            assert boilerplate not in record["text"]
            assert html.escape(boilerplate) in page


def test_published_times_are_iso_and_images_point_at_the_server(late_web: DemoServer) -> None:
    for record in late_web.ground_truth():
        assert record["published_at"].endswith("+00:00")
        for image in record["images"]:
            assert image["url"].startswith(late_web.base_url + "/")
    bad = [i for r in late_web.ground_truth() for i in r["images"] if i["bad"]]
    assert sorted(i["bad"] for i in bad) == ["html_as_jpeg", "svg_script", "truncated_jpeg"]


def test_write_ground_truth_round_trips(tmp_path: Path, late_web: DemoServer) -> None:
    path = late_web.write_ground_truth(tmp_path / "sub" / "truth.json")
    assert json.loads(path.read_text(encoding="utf-8")) == late_web.ground_truth()
    module_level = write_ground_truth(tmp_path / "default.json")
    assert json.loads(module_level.read_text(encoding="utf-8")) == ground_truth()
