"""Interface languages: every string translated, switchable, remembered; Babel dates."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from strichka.web.i18n import LANGS, Localizer, pick_lang, reader_zone

WEB = Path(__file__).resolve().parents[2] / "src" / "strichka" / "web"


def _msgids() -> set[str]:
    found = extract_from_dir(
        str(WEB),
        method_map=[("templates/**.html", "jinja2.ext:babel_extract"), ("**.py", "python")],
        options_map={"templates/**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True"}},
    )
    return {m if isinstance(m, str) else m[0] for _, _, m, _, _ in found}


def test_every_interface_string_is_translated_in_every_language():
    wanted = _msgids()
    assert len(wanted) > 50
    for lang in LANGS:
        with (WEB / "locale" / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        missing = [m for m in wanted if m not in catalog or not catalog[m].string
                   or (isinstance(catalog[m].string, tuple) and not all(catalog[m].string))]
        assert not missing, f"{lang}: {missing[:5]}"


def test_language_switch_is_remembered(client):
    assert "Головні події" in client.get("/").text  # default: uk
    switched = client.get("/set-lang/en?next=/sources", follow_redirects=False)
    assert switched.status_code == 303 and switched.headers["location"] == "/sources"
    assert "lang=en" in switched.headers["set-cookie"]
    html = client.get("/").text  # TestClient keeps the cookie
    assert "Top stories" in html and '<html lang="en">' in html
    ru = client.get("/?lang=ru")
    assert "Главные события" in ru.text and "lang=ru" in ru.headers["set-cookie"]
    assert "Главные события" in client.get("/").text


def test_switch_refuses_offsite_redirects(client):
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        page = client.get("/set-lang/ru", params={"next": target}, follow_redirects=False)
        assert page.headers["location"] == "/"


def test_accept_language_and_search_lang_filter(client, site):
    assert "Top stories" in client.get("/", headers={"accept-language": "en-GB,en;q=0.9"}).text
    # on /search, lang= filters articles and leaves the interface alone
    html = client.get("/search", params={"q": "ракета", "lang": "ru"}).text
    assert '<html lang="uk">' in html


def test_pick_lang_order():
    assert pick_lang("ru", "en", "uk", "uk") == "ru"
    assert pick_lang("xx", "en", "ru", "uk") == "en"
    assert pick_lang(None, None, "de-DE,ru;q=0.5", "uk") == "ru"
    assert pick_lang(None, None, None, "en") == "en"


def test_dates_numbers_and_zones():
    when = datetime(2026, 3, 8, 22, 30, tzinfo=UTC)
    assert Localizer("uk", reader_zone("Europe/Kyiv")).datetime(when) == "9 березня 2026, 00:30"
    assert Localizer("ru", reader_zone("UTC")).datetime(when) == "8 марта 2026, 22:30"
    assert Localizer("en", reader_zone("Not/AZone")).datetime(when).startswith("9 March 2026")
    assert Localizer("uk", reader_zone(None)).number(1234.5, 1) == "1\xa0234,5"
    assert Localizer("en", reader_zone(None)).category("economy") == "Economy"
    assert Localizer("ru", reader_zone(None)).category("sports") == "Спорт"


def test_tz_cookie_changes_rendered_time(client, site):
    url = f"/article/{site.article_ids['rockets_uk']}"
    kyiv = client.get(url).text
    client.cookies.set("tz", "America/New_York")
    new_york = client.get(url).text
    stamp = lambda html: html.split('data-fmt="medium">')[1].split("<")[0]  # noqa: E731
    assert stamp(kyiv) != stamp(new_york)


def test_category_slugs_match_the_stories_step():
    from strichka.stories.categories import CATEGORIES
    from strichka.web.i18n import CATEGORY_LABELS

    assert tuple(CATEGORY_LABELS) == tuple(CATEGORIES)
