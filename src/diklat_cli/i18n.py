"""Indonesian and English text: message catalogs that live next to the code that uses them.

Each module that prints or writes words keeps its own `Catalog`. A catalog refuses, at import
time, a key that lacks one of the languages, so a missing translation is a failing test, never
an English word in an Indonesian plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from functools import lru_cache
from typing import Literal, get_args

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "id"


def parse_lang(value: str | None) -> Lang | None:
    """The language named by a flag or an environment variable (`id`, `en`, `en_US`, ...)."""
    if not value:
        return None
    short = value.strip().lower().replace("-", "_").split("_")[0]
    for lang in LANGS:
        if short == lang:
            return lang
    return None


class Catalog:
    """Messages by key, in every language; `cat(lang, key, **params)` formats one."""

    def __init__(self, messages: Mapping[str, Mapping[Lang, str]]) -> None:
        for key, texts in messages.items():
            missing = [lang for lang in LANGS if lang not in texts]
            if missing:
                raise ValueError(f"message {key!r} has no text for {missing}")
        self._messages = messages

    def __call__(self, lang: Lang, key: str, /, **params: object) -> str:
        text = self._messages[key][lang]
        return text.format(**params) if params else text

    def keys(self) -> list[str]:
        return list(self._messages)


@lru_cache(maxsize=8)
def _locale(lang: Lang) -> object:
    from babel import Locale  # babel is slow to import: only where dates are written

    return Locale.parse("id" if lang == "id" else "en_GB")


def format_date(
    d: date, lang: Lang, style: Literal["full", "long", "medium", "short"] = "full"
) -> str:
    """'Senin, 30 November 2026' (full), '30 November 2026' (long), '30 Nov 2026' (medium)."""
    from babel.dates import format_date as babel_format_date

    patterns = {
        "full": "EEEE, d MMMM y",  # CLDR's full pads the day ("05 Desember"); offices write "5"
        "long": "d MMMM y",
        "medium": "d MMM y",
        "short": "EEE d MMM",
    }
    return babel_format_date(d, patterns[style], locale=_locale(lang))  # type: ignore[arg-type]


def format_time(t: time | datetime, lang: Lang) -> str:
    """'07.30' in Indonesian (PUEBI), '07:30' in English."""
    sep = "." if lang == "id" else ":"
    return f"{t.hour:02d}{sep}{t.minute:02d}"


def format_duration(minutes: int, lang: Lang) -> str:
    """'1 j 30 m' / '1h 30m': short, for tables."""
    h, m = divmod(int(minutes), 60)
    hu, mu = ("j", "m") if lang == "id" else ("h", "m")
    if h and m:
        return f"{h} {hu} {m} {mu}" if lang == "id" else f"{h}{hu} {m}{mu}"
    if h:
        return f"{h} {hu}" if lang == "id" else f"{h}{hu}"
    return f"{m} {mu}" if lang == "id" else f"{m}{mu}"


ZONE_ABBREVIATIONS = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


def zone_abbreviation(tz_name: str) -> str:
    """WIB / WITA / WIT for Indonesian zones, the IANA name elsewhere."""
    return ZONE_ABBREVIATIONS.get(tz_name, tz_name)
