"""Indonesian national holidays, cuti bersama and Ramadan dates, from the `holidays` package.

Importing `holidays` and computing a year costs more than the whole rest of `diklat plan`. So
diklat ships the years 2020-2035 as computed by the `holidays` version in uv.lock
(`data/holidays-id.json`, checked against the package by a test), and keeps any other year it
computes in a small JSON cache (see `HolidayCache`); the CLI decides where that lives. Both are
used only while the installed `holidays` is the version they came from: a newer release (new
cuti bersama decrees) is computed afresh. The planning core only sees the `HolidayData` value.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from dataclasses import field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

from ..record import Record

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


SHIPPED = Path(__file__).parent.parent / "data" / "holidays-id.json"
SHIPPED_YEARS = range(2020, 2036)


def shipped_data() -> dict[str, Any]:
    """What `data/holidays-id.json` holds: the shipped years and the `holidays` version."""
    return {
        "holidays_version": installed_version(),
        "years": {str(y): _year(y) for y in SHIPPED_YEARS},
    }


def installed_version() -> str:
    """The installed `holidays` version, read from its dist-info folder's name.

    `importlib.metadata` would take about 50 ms to say the same, and importing the package
    about 100 ms; listing the folders on `sys.path` takes well under one.
    """
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")  # noqa: PTH208  (names only, no Path objects)
        except OSError:
            continue
        if "holidays" in names:
            for name in names:
                if name.startswith("holidays-") and name.endswith(".dist-info"):
                    return name.removeprefix("holidays-").removesuffix(".dist-info")
            break
    from importlib.metadata import version  # installed some other way

    return version("holidays")


def _read(path: Path | None, version: str) -> dict[str, Any]:
    """The years in a holidays JSON file made by `version` of `holidays`, else nothing."""
    if path is None:
        return {}
    from .files import MAX_STATE_BYTES, read_limited

    try:
        raw = json.loads(read_limited(path, MAX_STATE_BYTES))
    except (OSError, ValueError, RecursionError):  # a damaged cache is computed again
        return {}
    if not isinstance(raw, dict) or raw.get("holidays_version") != version:
        return {}
    years = raw.get("years", {})
    return dict(years) if isinstance(years, dict) else {}


class HolidayCache:
    """Years already computed: shipped with diklat, or in a JSON file of the user's cache."""

    def __init__(self, path: Path | None, shipped: Path | None = SHIPPED) -> None:
        self.path = path
        self.version = installed_version()
        self.years = _read(path, self.version)
        self.shipped_path = shipped
        self._shipped: dict[str, Any] | None = None
        self.dirty = False

    def _from_shipped(self, key: str) -> dict[str, Any] | None:
        if self._shipped is None:
            self._shipped = _read(self.shipped_path, self.version)
        return self._shipped.get(key)

    def year(self, year: int) -> dict[str, Any]:
        key = str(year)
        if key in self.years:
            return dict(self.years[key])
        shipped = self._from_shipped(key)
        if shipped is not None:
            return dict(shipped)
        self.years[key] = _year(year)
        self.dirty = True
        return dict(self.years[key])

    def save(self) -> None:
        """Write the cache atomically; a cache that cannot be written is simply not kept."""
        if self.path is None or not self.dirty:
            return
        from .state import write_atomic

        try:
            payload = {"holidays_version": self.version, "years": self.years}
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
