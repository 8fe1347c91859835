from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from babel.dates import format_date as babel_format_date
from hypothesis import given, settings
from hypothesis import strategies as st

from diklat_cli.i18n import Catalog, format_date, format_duration, format_time, use_name_cache


def test_office_style_full_date() -> None:
    assert format_date(date(2026, 11, 30), "id") == "Senin, 30 November 2026"
    assert format_date(date(2026, 12, 5), "id") == "Sabtu, 5 Desember 2026"  # not "05"
    assert format_date(date(2026, 11, 30), "en") == "Monday, 30 November 2026"


@settings(max_examples=200)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)))
def test_dates_say_what_babel_says(d: date) -> None:
    patterns = {
        "full": "EEEE, d MMMM y",
        "long": "d MMMM y",
        "medium": "d MMM y",
        "short": "EEE d MMM",
    }
    for lang, locale in (("id", "id"), ("en", "en_GB")):
        for style, pattern in patterns.items():
            assert format_date(d, lang, style) == babel_format_date(d, pattern, locale=locale)  # type: ignore[arg-type]


def test_names_come_from_the_cache_once_written(tmp_path: Path) -> None:
    cache = tmp_path / "names.json"
    use_name_cache(cache)
    try:
        assert format_date(date(2026, 8, 17), "id", "short") == "Sen 17 Agu"
        assert cache.is_file()
        cache.write_text(cache.read_text("utf-8").replace("Senin", "SENIN"), "utf-8")
        use_name_cache(cache)  # a new run reads the file instead of babel
        assert format_date(date(2026, 8, 17), "id") == "SENIN, 17 Agustus 2026"
    finally:
        use_name_cache(None)


def test_times_use_a_dot_in_indonesian() -> None:
    from datetime import time

    assert format_time(time(7, 30), "id") == "07.30"
    assert format_time(time(7, 30), "en") == "07:30"


def test_a_message_without_a_translation_is_refused() -> None:
    with pytest.raises(ValueError, match="no text for"):
        Catalog({"greeting": {"id": "Selamat pagi"}})  # type: ignore[dict-item]


@pytest.mark.parametrize(
    ("minutes", "id_", "en"),
    [
        (450, "7 jam 30 menit", "7 hours 30 minutes"),
        (60, "1 jam", "1 hour"),
        (61, "1 jam 1 menit", "1 hour 1 minute"),
        (45, "45 menit", "45 minutes"),
        (0, "0 menit", "0 minutes"),
    ],
)
def test_durations_read_as_people_write_them(minutes: int, id_: str, en: str) -> None:
    """Issue 9: "7 j 30 m" is no office's way of writing a duration."""
    assert format_duration(minutes, "id") == id_
    assert format_duration(minutes, "en") == en


@given(st.integers(0, 99 * 60))
def test_the_compact_form_fits_the_week_grid_and_is_never_j_and_m(minutes: int) -> None:
    for lang in ("id", "en"):
        text = format_duration(minutes, lang, compact=True)  # type: ignore[arg-type]
        assert len(text) <= 8
        assert not re.search(r"\d j\b|\d m\b", text)
    hours = format_duration(minutes, "id", compact=True)
    if minutes >= 60:
        assert (
            abs(float(hours.removesuffix(" jam").replace(",", ".")) - minutes / 60) <= 0.05 + 1e-9
        )


def test_english_counts_are_plural_words_not_brackets() -> None:
    cat = Catalog({"n": {"id": "{n} masalah", "en": "{n} problem|{n} problems"}})
    assert [cat.count("en", "n", n) for n in (0, 1, 2)] == ["0 problems", "1 problem", "2 problems"]
    assert cat.count("id", "n", 1) == "1 masalah"
