"""Indonesian and English text: message catalogs that live next to the code that uses them.

Each module that prints or writes words keeps its own `Catalog`. A catalog refuses, at import
time, a key that lacks one of the languages, so a missing translation is a failing test, never
an English word in an Indonesian plan.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path
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

    def count(self, lang: Lang, key: str, n: int, /, **params: object) -> str:
        """A message about `n` things: a text 'one|many' gives the singular when n is 1.

        English counts ("1 problem", "2 problems"); Indonesian words have one form ("2 masalah").
        `n` is a parameter of the text too.
        """
        text = self._messages[key][lang]
        if "|" in text:
            one, many = text.split("|", 1)
            text = one if n == 1 else many
        return text.format(n=n, **params)

    def keys(self) -> list[str]:
        return list(self._messages)


# Babel is the source of the day and month names, but loading its locale data costs more than
# planning a whole day; the few names a date needs are taken from it once and kept in a small
# JSON file when the CLI names a cache folder (`use_name_cache`).
_name_cache_path: Path | None = None


def use_name_cache(path: Path | None) -> None:
    """Keep the CLDR names babel gives in `path` (JSON), so later runs need not load babel."""
    global _name_cache_path
    _name_cache_path = path
    _names.cache_clear()


def _babel_names(lang: Lang) -> dict[str, list[str]]:
    from babel import Locale

    loc = Locale.parse("id" if lang == "id" else "en_GB")
    return {
        "days": [loc.days["format"]["wide"][i] for i in range(7)],
        "days_short": [loc.days["format"]["abbreviated"][i] for i in range(7)],
        "months": [loc.months["format"]["wide"][i] for i in range(1, 13)],
        "months_short": [loc.months["format"]["abbreviated"][i] for i in range(1, 13)],
    }


@lru_cache(maxsize=4)
def _names(lang: Lang) -> dict[str, list[str]]:
    path = _name_cache_path
    if path is not None:
        try:
            cached = json.loads(path.read_text("utf-8"))
            if isinstance(cached, dict) and isinstance(cached.get(lang), dict):
                return {k: list(v) for k, v in cached[lang].items()}
        except (OSError, ValueError):
            pass
    names = {lang_: _babel_names(lang_) for lang_ in LANGS}
    if path is not None:
        from .workspace.state import write_atomic

        # a cache that cannot be written is simply not kept
        with contextlib.suppress(OSError):
            write_atomic(path, json.dumps(names, ensure_ascii=False).encode())
    return names[lang]


def format_date(
    d: date, lang: Lang, style: Literal["full", "long", "medium", "short"] = "full"
) -> str:
    """'Senin, 30 November 2026' (full), '30 November 2026' (long), '30 Nov 2026' (medium),
    'Sen 30 Nov' (short).

    CLDR's own full pattern pads the day ("05 Desember"); offices write "5", so these are
    babel's names in the explicit patterns `EEEE, d MMMM y`, `d MMMM y`, `d MMM y`, `EEE d MMM`.
    """
    n = _names(lang)
    if style == "full":
        return f"{n['days'][d.weekday()]}, {d.day} {n['months'][d.month - 1]} {d.year}"
    if style == "long":
        return f"{d.day} {n['months'][d.month - 1]} {d.year}"
    if style == "medium":
        return f"{d.day} {n['months_short'][d.month - 1]} {d.year}"
    return f"{n['days_short'][d.weekday()]} {d.day} {n['months_short'][d.month - 1]}"


def day_name(d: date, lang: Lang, short: bool = False) -> str:
    """'Senin' / 'Sen'."""
    return _names(lang)["days_short" if short else "days"][d.weekday()]


def format_time(t: time | datetime, lang: Lang) -> str:
    """'07.30' in Indonesian (PUEBI), '07:30' in English."""
    sep = "." if lang == "id" else ":"
    return f"{t.hour:02d}{sep}{t.minute:02d}"


def format_duration(minutes: int, lang: Lang, *, compact: bool = False) -> str:
    """'7 jam 30 menit' / '7 hours 30 minutes': a duration as people write it.

    `compact` is for the narrowest columns only (the terminal's week grid): hours with one
    decimal, '7,5 jam' / '7.5 h', and '45 menit' / '45 min' under an hour, at most 8 characters
    up to 99 hours.
    """
    h, m = divmod(int(minutes), 60)
    if compact:
        if not h:
            return f"{m} menit" if lang == "id" else f"{m} min"
        hours = f"{minutes / 60:.1f}".removesuffix(".0")
        return f"{hours.replace('.', ',')} jam" if lang == "id" else f"{hours} h"
    if lang == "id":
        parts = [f"{h} jam"] if h else []
        return " ".join([*parts, f"{m} menit"] if m or not h else parts)
    parts = [f"{h} hour{'' if h == 1 else 's'}"] if h else []
    if m or not h:
        parts.append(f"{m} minute{'' if m == 1 else 's'}")
    return " ".join(parts)


ZONE_ABBREVIATIONS = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


def zone_abbreviation(tz_name: str) -> str:
    """WIB / WITA / WIT for Indonesian zones, the IANA name elsewhere."""
    return ZONE_ABBREVIATIONS.get(tz_name, tz_name)
