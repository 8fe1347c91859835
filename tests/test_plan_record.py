"""`diklat plan` records today's plan in .diklat/plans/, and the next plan keeps its blocks."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from diklat_cli.cli import main
from diklat_cli.cli.context import Options

JAKARTA = ZoneInfo("Asia/Jakarta")
MONDAY = datetime(2026, 12, 7, 7, 0, tzinfo=JAKARTA)  # before office hours

WS = """[profile]
name = "Rina"

[[task]]
id = "lap-tw4"
title = "Laporan realisasi TW IV"
estimate = "10h"
due = 2026-12-11

[[task]]
id = "spj"
title = "SPJ perjalanan dinas"
estimate = "3h"
due = 2026-12-18
"""

MEETING = """
[[event]]
title = "Rapat mendadak"
date = 2026-12-08
time = "08:00-10:00"
"""


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "diklat.toml").write_text(WS, encoding="utf-8")
    clock(monkeypatch, MONDAY)
    return tmp_path


def clock(monkeypatch: pytest.MonkeyPatch, at: datetime) -> None:
    monkeypatch.setattr(
        Options, "now", lambda self: at.astimezone(ZoneInfo(self.ws.profile.timezone))
    )


def run(ws: Path, *args: str) -> int:
    return main(["-w", str(ws), *args])


def plan_json(ws: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    capsys.readouterr()
    assert run(ws, "plan", "--format", "json", *args) == 0
    return json.loads(capsys.readouterr().out)


def blocks(plan: dict, day: str) -> list[tuple[str, str, str]]:
    d = next(d for d in plan["days"] if d["date"] == day)
    return [(b["ref"], b["start"], b["end"]) for b in d["blocks"] if b["kind"] == "task"]


def test_todays_plan_is_recorded_and_a_look_at_another_day_is_not(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(ws, "plan") == 0
    record = ws / ".diklat" / "plans" / "2026-12-07.json"
    data = json.loads(record.read_text("utf-8"))
    assert data["day"] == "2026-12-07"
    assert ["lap-tw4", "2026-12-07T07:30:00+07:00", "2026-12-07T12:00:00+07:00"] in data["blocks"]
    assert run(ws, "plan", "--date", "2026-12-09") == 0
    assert sorted(p.name for p in record.parent.iterdir()) == ["2026-12-07.json"]
    assert (ws / "diklat.toml").read_text("utf-8") == WS  # the user's file is never written


def test_the_next_morning_keeps_yesterdays_blocks_unless_a_change_forces_them(
    ws: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monday = plan_json(ws, capsys, "--days", "2")
    assert monday["since"] is None
    # a meeting arrives overnight over Tuesday's first two hours
    (ws / "diklat.toml").write_text(WS + MEETING, encoding="utf-8")
    assert run(ws, "done", "lap-tw4", "--spent", "7h") == 0  # Monday went as planned
    clock(monkeypatch, MONDAY + timedelta(days=1))
    tuesday = plan_json(ws, capsys)
    assert tuesday["since"] == "2026-12-07T07:00:00+07:00"
    kept = [b for b in blocks(monday, "2026-12-08") if b[1] >= "2026-12-08T10:00"]
    assert set(kept) <= set(blocks(tuesday, "2026-12-08"))
    assert [(m["ref"], m["code"], m["cause"]) for m in tuesday["moved"]] == [
        ("lap-tw4", "busy", "Rapat mendadak")
    ]
    fresh = plan_json(ws, capsys, "--fresh")
    assert fresh["since"] is None and fresh["moved"] == []


def test_a_damaged_record_is_said_and_the_plan_is_made_afresh(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = ws / ".diklat" / "plans"
    folder.mkdir(parents=True)
    (folder / "2026-12-06.json").write_text('{"version": 1, "blocks": [["x"', encoding="utf-8")
    assert run(ws, "plan") == 0
    err = capsys.readouterr().err
    assert "2026-12-06.json tidak dapat dibaca" in err and "dibuat dari awal" in err
    assert (folder / "2026-12-07.json").exists()  # today's plan is recorded all the same


def test_a_foreign_record_cannot_smuggle_work_into_the_plan(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = ws / ".diklat" / "plans"
    folder.mkdir(parents=True)
    record = {
        "version": 1,
        "day": "2026-12-06",
        "made": "2026-12-06T17:00:00+07:00",
        "late": [],
        "blocks": [
            ["tidak-ada", "2026-12-07T08:00:00+07:00", "2026-12-07T12:00:00+07:00"],
            ["spj", "2026-12-07T08:00:00+07:00", "2026-12-07T23:00:00+07:00"],
        ],
    }
    (folder / "2026-12-06.json").write_text(json.dumps(record), encoding="utf-8")
    plan = plan_json(ws, capsys)
    refs = {b[0] for d in plan["days"] for b in blocks(plan, d["date"])}
    assert "tidak-ada" not in refs  # a block of a task the files do not hold is not kept
    spj = [b for b in blocks(plan, "2026-12-07") if b[0] == "spj"]
    assert all(b[2] <= "2026-12-07T16:00:00+07:00" for b in spj)  # only within working time
    assert sum(t["scheduled_minutes"] for t in plan["tasks"] if t["id"] == "spj") == 180


def test_a_workspace_that_cannot_keep_the_plan_still_gets_it(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (ws / ".diklat").mkdir()
    (ws / ".diklat" / "plans").write_text("", encoding="utf-8")  # a file where the folder goes
    assert run(ws, "plan") == 0
    captured = capsys.readouterr()
    assert "Laporan realisasi TW IV" in captured.out
    assert "tidak dapat disimpan untuk besok" in captured.err


def test_only_the_newest_fortnight_of_records_is_kept(
    ws: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(20):
        clock(monkeypatch, MONDAY + timedelta(days=i))
        assert run(ws, "plan") == 0
    names = sorted(p.name for p in (ws / ".diklat" / "plans").iterdir())
    assert len(names) == 14 and names[-1] == f"{date(2026, 12, 26)}.json"
