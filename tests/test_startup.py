"""`diklat plan` starts fast: a cached workspace and planning import no validator and no parser.

Pydantic validates the TOML files only when they changed (workspace.load_cached); importing it
costs more than planning a day. These run in a fresh interpreter, since the test process has
imported everything already.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from diklat_cli import __version__

SCRIPT = """
import json, sys
from datetime import date
from pathlib import Path
import diklat_cli.cli
from diklat_cli.workspace.holidays_id import HolidayData
from diklat_cli.i18n import use_name_cache
from diklat_cli.planning.schedule import make_plan
from diklat_cli.workspace.loader import demo_path, load_cached

use_name_cache(Path({cache!r}) / "names.json")  # as the app does: babel once, then its names
ws = load_cached(demo_path(), Path({cache!r}))
plan = make_plan(ws, date(2026, 12, 1), holidays=HolidayData())
heavy = ("pydantic", "pydantic_core", "tomllib", "jinja2", "icalendar", "holidays", "babel",
         "openpyxl", "diklat_cli.workspace.sources")
print(json.dumps([len(plan.days), sorted(m for m in heavy if m in sys.modules)]))
"""


def _run(cache: Path) -> tuple[int, list[str]]:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(cache=str(cache))],
        capture_output=True,
        text=True,
        check=True,
    )
    days, imported = json.loads(out.stdout)
    return days, imported


def test_a_cached_workspace_plans_without_pydantic_or_a_toml_parser(tmp_path: Path) -> None:
    first_days, first = _run(tmp_path)  # validates the files, and caches them
    # babel: only when the plan is put in words; the demo reads a sheet, Trello and Asana export
    assert {"pydantic", "tomllib", "diklat_cli.workspace.sources"} <= set(first)
    days, imported = _run(tmp_path)
    assert days == first_days > 0
    assert imported == []


def test_only_the_command_process_collects_garbage_less_often() -> None:
    script = (
        "import gc, sys\n"
        "import diklat_cli.cli\n"
        "library = gc.get_threshold()[0]\n"
        "import diklat_cli.entry\n"
        "print(library, gc.get_threshold()[0])\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["700", "100000"]


def test_the_diklat_command_and_python_m_start_the_same_way() -> None:
    """Both go through diklat_cli.entry, which sets the collector before the app is imported."""
    script = Path(sys.executable).parent / "diklat"  # the console script of this environment
    for cmd in ([str(script), "--version"], [sys.executable, "-m", "diklat_cli", "--version"]):
        out = subprocess.run(cmd, capture_output=True, text=True)
        assert (out.returncode, out.stdout) == (0, f"diklat {__version__}\n"), cmd
    source = script.read_text("utf-8")
    assert "from diklat_cli.entry import run" in source
