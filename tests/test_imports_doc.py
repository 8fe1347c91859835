"""docs/imports.md: every TOML example loads, against real-shaped export files."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from diklat_cli.workspace.loader import load

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "sources"
# the names the page uses -> the fixture that stands for that export
FILES = {
    "tugas-kantor.xlsx": "tugas-kantor.xlsx",
    "tugas-kantor.csv": "google-sheets.csv",
    "trello-board.json": "trello-board.json",
    "asana-export.csv": "asana-export.csv",
    "jadwal-pkp.ics": "lms-feed.ics",
    "undangan-zoom.ics": "zoom-invite.ics",
}
PROFILE = '[profile]\nname = "Rina"\n[[colleague]]\nid = "budi"\nname = "Budi Santoso"\n'


def examples() -> list[str]:
    text = (ROOT / "docs" / "imports.md").read_text("utf-8")
    return re.findall(r"```toml\n(.*?)```", text, re.S)


def test_the_page_shows_each_kind_of_source() -> None:
    found = "\n".join(examples())
    for name in FILES:
        assert f'"{name}"' in found, name


@pytest.mark.parametrize("example", examples())
def test_each_example_loads(tmp_path: Path, example: str) -> None:
    (tmp_path / "diklat.toml").write_text(PROFILE + example, "utf-8")
    for name, fixture in FILES.items():
        shutil.copy(FIXTURES / fixture, tmp_path / name)
    ws = load(tmp_path)
    if "tasks_from" in example:
        assert ws.tasks
    if "sessions_from" in example:
        assert all(t.session for t in ws.trainings)
        assert any(s.uid for t in ws.trainings for s in t.session)
