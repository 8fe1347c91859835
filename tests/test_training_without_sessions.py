"""A training without `[[training.session]]`: plan, check, handover and export read the same days
away (planning.calendar.sessions). Offline: in class on every working day from start to end.
Online or blended: no day away, only study time."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diklat_cli.cli import main
from diklat_cli.planning.calendar import Calendar
from diklat_cli.planning.handover import offline_days
from diklat_cli.workspace.holidays_id import HolidayData, HolidayInfo
from diklat_cli.workspace.loader import validate
from diklat_cli.workspace.models import Workspace

WS = """\
[profile]
name = "Rina"
supervisor = "budi"

[[colleague]]
id = "budi"
name = "Budi"

[[colleague]]
id = "sari"
name = "Sari"

[[training]]
id = "pkp"
title = "PKP Angkatan III"
start = 2026-12-07
end = 2026-12-11
handover_to = "sari"
format = "{format}"
{session}
[[task]]
id = "spj"
title = "SPJ perjalanan"
estimate = "12h"
due = 2026-12-10

[[task]]
id = "rka"
title = "RKA"
estimate = "40h"
due = 2026-12-18
"""

SESSION = """
[[training.session]]
date = 2026-12-07
until = 2026-12-11
"""

AWAY = [date(2026, 12, 7) + timedelta(days=i) for i in range(5)]  # Monday to Friday

# how the training is written, and whether its days are days away
KINDS = {
    "offline, no sessions": ("offline", "", True),
    "offline, one run of sessions": ("offline", SESSION, True),
    "blended, no sessions": ("blended", "", False),
    "online, no sessions": ("online", "", False),
}


def workspace(tmp_path: Path, kind: str) -> Path:
    fmt, session, _ = KINDS[kind]
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "diklat.toml").write_text(WS.format(format=fmt, session=session), "utf-8")
    return tmp_path


def run(ws: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["-w", str(ws), *args, "--date", "2026-12-04"])
    return code, capsys.readouterr().out


def plan_days(ws: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    code, out = run(ws, capsys, "plan", "-n", "10", "--format", "json")
    assert code == 0
    return {d["date"]: d for d in json.loads(out)["days"]}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_plan_check_handover_and_export_agree(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    away = KINDS[kind][2]
    ws = workspace(tmp_path, kind)

    days = plan_days(ws, capsys)
    for d in AWAY:
        day = days[d.isoformat()]
        kinds = {b["kind"] for b in day["blocks"]}
        assert day["working"] is not away
        assert ("task" in kinds) is not away  # away: no work planned in class
        assert ("training" in kinds) is away

    _, out = run(ws, capsys, "check", "--format", "json")
    findings = json.loads(out)["findings"]
    due_away = [f for f in findings if f["kind"] == "due-away"]
    assert bool(due_away) is away
    assert all(f["refs"] == ["spj", "pkp"] for f in due_away)
    # a blended course surely has days in class: check says they are not known
    unknown = [f for f in findings if f["kind"] == "no-sessions"]
    assert [(f["severity"], f["refs"]) for f in unknown] == (
        [("info", ["pkp"])] if kind == "blended, no sessions" else []
    )

    code, sheet = run(ws, capsys, "handover", "pkp")
    assert code == 0
    stretch = "Tidak di kantor (luring): Senin, 7 Desember 2026 s.d. Jumat, 11 Desember 2026"
    assert (stretch in sheet) is away
    assert ("| SPJ perjalanan |" in sheet) is away  # handed over only when she is away

    code, ics = run(ws, capsys, "export", "--from", "2026-12-07", "--to", "2026-12-11")
    assert code == 0
    events = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    in_class = sorted(e.start for e in events if str(e["SUMMARY"]) == "PKP Angkatan III")
    assert in_class == (AWAY if away else [])


def test_an_offline_training_without_sessions_plans_as_one_run_of_sessions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    implicit = plan_days(workspace(tmp_path / "a", "offline, no sessions"), capsys)
    explicit = plan_days(workspace(tmp_path / "b", "offline, one run of sessions"), capsys)
    assert implicit == explicit


@st.composite
def trainings(draw: st.DrawFn) -> tuple[Workspace, HolidayData, date, date]:
    start = date(2026, 11, 2) + timedelta(days=draw(st.integers(0, 40)))
    end = start + timedelta(days=draw(st.integers(0, 30)))
    training: dict[str, Any] = {
        "id": "t",
        "title": "T",
        "start": start,
        "end": end,
        "format": draw(st.sampled_from(["offline", "blended", "online"])),
    }
    if draw(st.booleans()):
        first = start + timedelta(days=draw(st.integers(0, (end - start).days)))
        training["session"] = [
            {
                "date": first,
                "until": first + timedelta(days=draw(st.integers(0, (end - first).days))),
                "mode": draw(st.sampled_from(["offline", "online"])),
                "time": "08:00-12:00",
            }
        ]
    holidays = {
        start + timedelta(days=i): HolidayInfo(name="Libur", kind="public")
        for i in draw(st.sets(st.integers(0, (end - start).days), max_size=3))
    }
    ws = validate(Workspace, {"profile": {"name": "Rina"}, "trainings": [training]})
    return ws, HolidayData(days=holidays), start, end


@settings(max_examples=150, deadline=None)
@given(trainings())
def test_the_calendar_and_the_handover_read_the_same_days_away(
    case: tuple[Workspace, HolidayData, date, date],
) -> None:
    ws, holidays, start, end = case
    cal = Calendar(ws, holidays, start - timedelta(days=3), end + timedelta(days=30))
    (training,) = ws.trainings
    handover = set(offline_days(ws, training, cal))
    run = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    calendar = {d for d in run if cal.day(d).away is not None}
    assert calendar == handover
    if not training.session:  # the format alone decides: offline is away on every working day
        working = {d for d in run if not cal.is_off(d)}
        assert calendar == (working if training.format == "offline" else set())
