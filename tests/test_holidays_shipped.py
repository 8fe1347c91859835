"""The holiday years shipped with diklat are the `holidays` package's, and a first run uses them.

`src/diklat_cli/data/holidays-id.json` is a golden file: after `uv lock` brings a new `holidays`
release (new cuti bersama decrees), rewrite it with
`DIKLAT_UPDATE_GOLDEN=1 uv run pytest tests/test_holidays_shipped.py` and read the diff.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from diklat_cli.workspace.holidays_id import (
    SHIPPED,
    HolidayCache,
    holiday_data,
    installed_version,
    shipped_data,
)


def test_the_shipped_years_are_what_the_installed_package_computes() -> None:
    fresh = shipped_data()
    if os.environ.get("DIKLAT_UPDATE_GOLDEN"):
        text = json.dumps(fresh, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
        SHIPPED.write_text(text, "utf-8")
    shipped = json.loads(SHIPPED.read_text("utf-8"))
    assert shipped == fresh, (
        "holidays changed: DIKLAT_UPDATE_GOLDEN=1 uv run pytest tests/test_holidays_shipped.py"
    )


def test_the_version_comes_from_the_installed_distribution() -> None:
    from importlib.metadata import version

    assert installed_version() == version("holidays")


def test_a_first_run_plans_without_importing_holidays(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from diklat_cli.workspace.holidays_id import HolidayCache, holiday_data\n"
        f"cache = HolidayCache(Path({str(tmp_path)!r}) / 'holidays.json')\n"
        "data = holiday_data([2026, 2027], public=True, cuti_bersama=True, cache=cache)\n"
        "cache.save()\n"
        "print(len(data.days), 'holidays' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    assert int(out[0]) > 30
    assert out[1] == "False"
    assert not (tmp_path / "holidays.json").exists()  # nothing was computed, nothing to keep


def test_christmas_and_its_cuti_bersama_come_from_the_shipped_file() -> None:
    data = holiday_data([2026], public=True, cuti_bersama=True, cache=HolidayCache(None))
    assert data.days[date(2026, 12, 25)].kind == "public"
    assert data.days[date(2026, 12, 24)].kind == "government"
    assert data.years_without_cuti_bersama == ()


def test_a_cache_from_another_holidays_release_is_not_used(tmp_path: Path) -> None:
    """After an upgrade of `holidays`, years it now knows better are computed again."""
    stale = {
        "holidays_version": "0.1",
        "years": {
            "2040": {"public": {"2040-07-15": "Libur lama"}, "government": {}, "ramadan": []}
        },
    }
    path = tmp_path / "holidays.json"
    path.write_text(json.dumps(stale), "utf-8")
    cache = HolidayCache(path)
    data = holiday_data([2040], public=True, cuti_bersama=False, cache=cache)
    assert all(h.name != "Libur lama" for h in data.days.values())
    assert date(2040, 1, 1) in data.days  # Tahun Baru, from the installed package
    cache.save()
    saved = json.loads(path.read_text("utf-8"))
    assert saved["holidays_version"] == installed_version()
    assert "2040" in saved["years"]
    # the next run serves the year from the cache, as computed
    again = holiday_data([2040], public=True, cuti_bersama=False, cache=HolidayCache(path))
    assert again == data
