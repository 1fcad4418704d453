"""OPML import/export: folders become categories, round trips, hostile files stay inert."""

from __future__ import annotations

import pytest

from strichka.errors import ConfigError
from strichka.sources.opml import OpmlOutline, parse_opml, write_opml

EXPORT = """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Мої стрічки</title></head><body>
  <outline text="Україна" title="Україна">
    <outline type="rss" text="УНІАН" xmlUrl="https://rss.unian.net/site/news_ukr.rss"
             htmlUrl="https://www.unian.ua/" language="uk"/>
    <outline text="Регіони"><outline type="rss" title="Львів" text="ignored" xmlUrl="https://lviv.example/rss"/></outline>
  </outline>
  <outline type="rss" text="BBC" xmlUrl="https://feeds.bbci.co.uk/news/rss.xml" category="/World/Europe,/Top"/>
  <outline text="Empty folder"/>
</body></opml>""".encode()


def test_parse_reads_every_feed_outline_with_its_folder_as_category() -> None:
    assert parse_opml(EXPORT) == [
        OpmlOutline(
            title="УНІАН",
            xml_url="https://rss.unian.net/site/news_ukr.rss",
            html_url="https://www.unian.ua/",
            lang="uk",
            category="Україна",
        ),
        OpmlOutline(title="Львів", xml_url="https://lviv.example/rss", category="Регіони"),
        OpmlOutline(title="BBC", xml_url="https://feeds.bbci.co.uk/news/rss.xml", category="Europe"),
    ]


def test_write_then_parse_round_trips() -> None:
    outlines = [
        OpmlOutline(title="A & B <news>", xml_url="https://a.example/rss?x=1&y=2", html_url="https://a.example/",
                    lang="ru", category="Світ"),
        OpmlOutline(title="No folder", xml_url="https://b.example/atom"),
        OpmlOutline(title="Second in folder", xml_url="https://c.example/feed.json", category="Світ"),
    ]
    data = write_opml(outlines, "Експорт strichka")
    assert data.startswith(b"<?xml")
    assert "Експорт strichka".encode() in data
    assert sorted(parse_opml(data), key=lambda o: o.xml_url) == sorted(outlines, key=lambda o: o.xml_url)


def test_external_entities_are_never_expanded(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    hostile = f"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY xxe SYSTEM "file://{secret}"><!ENTITY remote SYSTEM "http://127.0.0.1:9/x">]>
<opml version="1.0"><body>
<outline text="&xxe;" xmlUrl="https://a.example/rss"/>
<outline text="t">&remote;</outline>
<outline text="b" xmlUrl="https://b.example/rss"/>
</body></opml>""".encode()
    outlines = parse_opml(hostile)
    assert [o.xml_url for o in outlines] == ["https://a.example/rss", "https://b.example/rss"]
    assert "TOP-SECRET-VALUE" not in repr(outlines)


def test_billion_laughs_is_not_expanded() -> None:
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    hostile = f"""<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY l0 "lol">{levels}]>
<opml version="2.0"><body><outline text="&l9;" xmlUrl="https://a.example/rss"/></body></opml>""".encode()
    (outline,) = parse_opml(hostile)
    assert len(outline.title) < 100


def test_sloppy_exports_with_bare_ampersands_still_import() -> None:
    sloppy = b'<opml version="1.0"><body><outline text="Tom & Jerry" xmlUrl="https://t.example/?a=1&b=2"/></body></opml>'
    (outline,) = parse_opml(sloppy)
    assert outline.title == "Tom & Jerry" and outline.xml_url == "https://t.example/?a=1&b=2"


@pytest.mark.parametrize("data", [b"", b"not xml at all", b"<rss><channel/></rss>"])
def test_not_opml_raises_config_error(data: bytes) -> None:
    with pytest.raises(ConfigError, match="not an OPML file"):
        parse_opml(data)
