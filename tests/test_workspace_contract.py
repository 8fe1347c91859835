"""The contract page, when a checkout has it beside it, still matches examples/kontrak verbatim.

The examples themselves load in every checkout (test_workspace.py); this compares them with the
contract page kept outside the repository, and is skipped where that page is absent."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from diklat_cli.workspace.loader import load

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT.parent / "shared" / "docs" / "workspace-format.md"
EXAMPLES = ROOT / "examples" / "kontrak"


def _blocks(kind: str) -> list[str]:
    if not PAGE.is_file():
        pytest.skip(f"{PAGE} is not beside this checkout")
    return re.findall(rf"^```{kind}\n(.*?)^```", PAGE.read_text("utf-8"), re.S | re.M)


def _without_header(path: Path) -> str:
    """The example file minus its first line, the comment that says where it comes from."""
    return path.read_text("utf-8").split("\n", 1)[1]


def test_the_examples_folder_holds_the_page_verbatim() -> None:
    settings, items = _blocks("toml")
    assert _without_header(EXAMPLES / "diklat.toml") == settings
    assert _without_header(EXAMPLES / "items.toml") == items


def test_the_page_examples_load_together(tmp_path: Path) -> None:
    settings, items = _blocks("toml")
    (tmp_path / "diklat.toml").write_text(settings, encoding="utf-8")
    (tmp_path / "items.toml").write_text(items, encoding="utf-8")
    shutil.copy(EXAMPLES / "kantor.ics", tmp_path / "kantor.ics")
    ws = load(tmp_path)
    assert ws.profile.name == "Rina Wulandari, S.E."
    assert [t.id for t in ws.trainings] == ["pkp-2027"]
    assert len(ws.trainings[0].session) == 2
    assert [c.id for c in ws.colleagues] == ["budi", "sari", "kabid"]
    assert ws.calendars[0].path == "kantor.ics"
    assert ws.study.max_per_day == 90
    assert ws.planning.horizon_days == 14
