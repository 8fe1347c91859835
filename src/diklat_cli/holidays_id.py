"""Indonesian national holidays, cuti bersama and Ramadan dates, from the `holidays` package.

Importing `holidays` costs more than the whole rest of `diklat plan`, so the years computed here
are kept in a small JSON cache (see `HolidayCache`); the CLI decides where it lives. The
planning core only ever sees the resulting `HolidayData` value.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

from .record import Record

HolidayKind = Literal["public", "government", "local"]


class HolidayInfo(Record):
    """One day off, by name and kind."""

    name: str
    kind: HolidayKind  # public = libur nasional, government = cuti bersama, local = the user's own


class HolidayData(Record):
    """Days off by date, Ramadan periods, and the years that had no cuti bersama data."""

    days: dict[date, HolidayInfo] = field(default_factory=dict)
    ramadan: tuple[tuple[date, date], ...] = ()
    years_without_cuti_bersama: tuple[int, ...] = ()
    estimated: frozenset[date] = frozenset()


def _year(year: int) -> dict[str, Any]:
    import holidays  # slow: see the module docstring
    from holidays.countries.indonesia import IndonesiaIslamicHolidays

    public = holidays.country_holidays("ID", years=year, categories=("public",), language="id")
    gov = holidays.country_holidays("ID", years=year, categories=("government",), language="id")
    islamic = IndonesiaIslamicHolidays()
    ramadan = []
    fitri = sorted(d for d, _ in islamic.eid_al_fitr_dates(year))
    for begin, _estimated in islamic.ramadan_beginning_dates(year):
        if begin.year != year:
            continue
        end = next((f - timedelta(days=1) for f in fitri if f > begin), begin + timedelta(days=29))
        ramadan.append([begin.isoformat(), end.isoformat()])
    return {
        "public": {d.isoformat(): str(n) for d, n in sorted(public.items())},
        "government": {d.isoformat(): str(n) for d, n in sorted(gov.items())},
        "ramadan": ramadan,
    }


class HolidayCache:
    """Years already computed, in a JSON file keyed by the `holidays` package version."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.years: dict[str, Any] = {}
        self.version = ""
        self.dirty = False
        if path is not None and path.is_file():
            try:
                raw = json.loads(path.read_text("utf-8"))
                self.version = str(raw.get("holidays_version", ""))
                self.years = dict(raw.get("years", {}))
            except (OSError, ValueError):
                self.years = {}

    def year(self, year: int) -> dict[str, Any]:
        key = str(year)
        if key not in self.years:
            self.years[key] = _year(year)
            self.dirty = True
        return dict(self.years[key])

    def save(self) -> None:
        """Write the cache atomically; a cache that cannot be written is simply not kept."""
        if self.path is None or not self.dirty:
            return
        from importlib.metadata import version

        from .state import write_atomic

        try:
            payload = {"holidays_version": version("holidays"), "years": self.years}
            write_atomic(self.path, json.dumps(payload, sort_keys=True).encode())
        except OSError:
            pass


def holiday_data(
    years: Iterable[int], *, public: bool, cuti_bersama: bool, cache: HolidayCache | None = None
) -> HolidayData:
    cache = cache or HolidayCache(None)
    days: dict[date, HolidayInfo] = {}
    ramadan: list[tuple[date, date]] = []
    missing: list[int] = []
    estimated: set[date] = set()
    for year in sorted(set(years)):
        data = cache.year(year)
        if public:
            for d, name in data["public"].items():
                days[date.fromisoformat(d)] = HolidayInfo(name, "public")
                if "(perkiraan)" in name:
                    estimated.add(date.fromisoformat(d))
        if cuti_bersama:
            if not data["government"]:
                missing.append(year)
            for d, name in data["government"].items():
                days.setdefault(date.fromisoformat(d), HolidayInfo(name, "government"))
        ramadan.extend((date.fromisoformat(a), date.fromisoformat(b)) for a, b in data["ramadan"])
    return HolidayData(days, tuple(sorted(set(ramadan))), tuple(missing), frozenset(estimated))
