"""Interface languages (uk, ru, en): gettext catalogues read from .po at start-up, Babel formatting.

The .po files are compiled in memory when the app starts, so there is no build step and a
translator's edit shows up on the next start.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale
from babel.dates import format_datetime, format_timedelta
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

LANGS = ("uk", "ru", "en")
LOCALE_DIR = Path(__file__).with_name("locale")
DEFAULT_TZ = "Europe/Kyiv"
LANG_COOKIE = "lang"
TZ_COOKIE = "tz"



def _(message: str) -> str:
    """Marks a msgid for extraction (pybabel / the catalogue test); translated at render time."""
    return message


# The slugs strichka.stories.categories assigns (a test keeps them equal) and their labels (msgids).
CATEGORY_LABELS: dict[str, str] = {
    "politics": _("Politics"),
    "war": _("War & defence"),
    "economy": _("Economy"),
    "world": _("World"),
    "society": _("Society"),
    "technology": _("Technology"),
    "science": _("Science"),
    "sports": _("Sports"),
    "culture": _("Culture & entertainment"),
    "health": _("Health"),
    "other": _("Other"),
}

# SearchQueryError.code -> the message readers see, translated.
SEARCH_ERRORS: dict[str, str] = {
    "empty_query": _("Type at least one word to search for."),
    "bad_limit": _("Too many results asked for at once."),
    "bad_offset": _("Results can only be paged this far; narrow the search instead."),
    "bad_sort": _("Results can be sorted by relevance or by date."),
    "bad_dates": _("Check the dates: use the form YYYY-MM-DD."),
}

LANGUAGE_NAMES = {"uk": "Українська", "ru": "Русский", "en": "English"}


@lru_cache(maxsize=len(LANGS))
def translations(lang: str) -> Translations:
    po_path = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    if not po_path.exists():
        return Translations()
    with po_path.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer)


@lru_cache(maxsize=len(LANGS))
def babel_locale(lang: str) -> Locale:
    """Parsed once: Babel would parse the locale string again on every date it formats."""
    return Locale.parse(lang)


@lru_cache(maxsize=1024)
def language_name(code: str, lang: str) -> str:
    """«українська» for ("uk", "uk"): the name of a language in the interface language."""
    try:
        return Locale.parse(code).get_display_name(babel_locale(lang)) or code
    except (ValueError, TypeError, LookupError):
        return code


@lru_cache(maxsize=8192)  # related cards repeat the newest articles of a category page after page
def _format_datetime(value: dt.datetime, fmt: str, zone: ZoneInfo, lang: str) -> str:
    if fmt == "medium":
        fmt = "d MMMM y, HH:mm"
    elif fmt == "short":
        fmt = "d MMM, HH:mm"
    return format_datetime(value, fmt, tzinfo=zone, locale=babel_locale(lang))


@lru_cache(maxsize=512)
def reader_zone(name: str | None) -> ZoneInfo:
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return ZoneInfo(DEFAULT_TZ)


def pick_lang(query_lang: str | None, cookie_lang: str | None, accept_language: str | None, default: str) -> str:
    """?lang= beats the remembered cookie, which beats the browser's Accept-Language."""
    for candidate in (query_lang, cookie_lang):
        if candidate in LANGS:
            return candidate  # type: ignore[return-value]
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGS:
            return code
    return default if default in LANGS else LANGS[0]


@dataclass(frozen=True)
class Localizer:
    """Everything language- and zone-dependent a page needs, for one reader."""

    lang: str
    zone: ZoneInfo

    @property
    def gettext(self) -> Callable[[str], str]:
        return translations(self.lang).gettext

    @property
    def ngettext(self) -> Callable[[str, str, int], str]:
        return translations(self.lang).ngettext

    def category(self, slug: str | None) -> str:
        if not slug:
            return ""
        label = CATEGORY_LABELS.get(slug)
        return self.gettext(label) if label else slug.replace("_", " ").capitalize()

    def datetime(self, value: dt.datetime | None, fmt: str = "medium") -> str:
        if value is None:
            return ""
        return _format_datetime(value, fmt, self.zone, self.lang)

    def date(self, value: dt.datetime | None) -> str:
        return format_datetime(value, "d MMMM y", tzinfo=self.zone, locale=babel_locale(self.lang)) if value else ""

    def age(self, value: dt.datetime | None, now: dt.datetime | None = None) -> str:
        if value is None:
            return ""
        delta = value - (now or dt.datetime.now(dt.UTC))
        return format_timedelta(delta, add_direction=True, locale=babel_locale(self.lang), threshold=1.0)

    def number(self, value: float, digits: int = 0) -> str:
        pattern = "#,##0" if digits == 0 else "#,##0." + "0" * digits
        return format_decimal(value, format=pattern, locale=babel_locale(self.lang))

    def language_name(self, code: str) -> str:
        return language_name(code, self.lang)
