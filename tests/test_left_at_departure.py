"""One truth between `plan`, `check` and `handover` (issue 9, point 5): what is handed over is
what the plan leaves undone on the first day away, and only that counts as a colleague's load."""

from __future__ import annotations

import json
import tempfile
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diklat_cli import compose
from diklat_cli.cli import main
from diklat_cli.planning.calendar import Calendar
from diklat_cli.planning.handover import left_at_departure
from diklat_cli.workspace.holidays_id import HolidayData
from diklat_cli.workspace.loader import load
from diklat_cli.workspace.state import Progress

TODAY = date(2026, 12, 7)
LEAVE = date(2027, 1, 4)  # the week of classes in Jakarta

PROFILE = """[profile]
name = "Nurul Hidayah, S.E."
position = "Analis Kebijakan Ahli Pertama"
timezone = "Asia/Makassar"

[planning]
annual_jp_target = 0
horizon_days = 42
"""

TRAINING = """
[[training]]
id = "renstra"
title = "Penyusunan Renstra"
format = "offline"
start = 2027-01-04
end = 2027-01-08
handover_to = "fajar"
[[training.session]]
date = 2027-01-04
until = 2027-01-08
time = "08:00-16:00"
location = "Jakarta"

[[colleague]]
id = "fajar"
name = "Fajar"
capacity = "10h"
"""

HERS = """
[[task]]
id = "lap-tw"
title = "Laporan triwulan"
estimate = "12h"
due = 2027-01-06

[[task]]
id = "spj"
title = "SPJ perjalanan dinas"
estimate = "11h"
available = 2027-01-04
due = 2027-01-07
"""


def _ws(folder: Path, tasks: str = HERS) -> Path:
    (folder / "diklat.toml").write_text(PROFILE, "utf-8")
    (folder / "items.toml").write_text(TRAINING + tasks, "utf-8")
    return folder


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_the_issue_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = str(_ws(tmp_path))
    code, out = _run(capsys, "-w", ws, "plan", "--date", "2026-12-07", "--format", "json")
    report = next(t for t in json.loads(out)["tasks"] if t["id"] == "lap-tw")
    assert report["finish"] < "2026-12-11"  # the plan finishes it weeks before she leaves
    code, out = _run(capsys, "-w", ws, "check", "--date", "2026-12-07", "--format", "json")
    said = [f for f in json.loads(out)["findings"] if f["kind"] in ("colleague-load", "due-away")]
    # the SPJ, which cannot start before she leaves, is Fajar's; the report is not
    assert any("SPJ perjalanan dinas" in f["message"] for f in said)
    assert not any("Laporan triwulan" in f["message"] for f in said), said
    # what Fajar takes is not her own overload in the week she is away
    overload = [f for f in json.loads(out)["findings"] if f["kind"] == "overload"]
    assert not any("spj" in f["refs"] for f in overload), overload
    load = [f for f in said if f["kind"] == "colleague-load"]
    assert load and all("11 hours" in f["message"] or "11 jam" in f["message"] for f in load)
    code, out = _run(capsys, "-w", ws, "handover", "renstra", "--date", "2026-12-07")
    assert code == 0
    assert "SPJ perjalanan dinas" in out and "Laporan triwulan" not in out


tasks = st.lists(
    st.tuples(st.integers(1, 16), st.integers(1, 45), st.integers(0, 40)),
    min_size=1,
    max_size=6,
)


@settings(max_examples=25, deadline=None)
@given(tasks)
def test_nothing_finished_before_departure_is_handed_over(
    spec: list[tuple[int, int, int]],
) -> None:
    text = "".join(
        f'\n[[task]]\nid = "t{i}"\ntitle = "Tugas {i}"\nestimate = "{h}h"\n'
        f"due = {date.fromordinal(TODAY.toordinal() + due).isoformat()}\n"
        + (
            f"available = {date.fromordinal(TODAY.toordinal() + min(av, due)).isoformat()}\n"
            if av
            else ""
        )
        for i, (h, due, av) in enumerate(spec)
    )
    with tempfile.TemporaryDirectory() as folder:
        ws = load(_ws(Path(folder), text))
    training = ws.training("renstra")
    assert training is not None
    holidays, progress = HolidayData(), Progress()
    plan, found = compose.plan_and_findings(
        ws, TODAY, holidays=holidays, busy=(), progress=progress
    )
    cal = Calendar(ws, holidays, *compose.plan_window(ws, TODAY))
    left = left_at_departure(ws, training, cal, progress, plan)
    leave = datetime.combine(LEAVE, time(), ZoneInfo("Asia/Makassar"))
    finished = {
        s.id
        for s in plan.tasks
        if s.remaining_minutes == 0 and (s.finish is None or s.finish <= leave)
    }
    assert not finished & {it.task.id for it in left}
    titles = {it.task.title for it in left}
    for f in found:
        if f.kind in ("colleague-load", "due-away"):
            named = getattr(f.facts, "titles", None) or (f.facts.task,)  # type: ignore[attr-defined]
            assert set(named) <= titles, (f, titles)
    # what Fajar takes in full is not her overload
    taken = {
        it.task.id
        for it in left
        if it.source == "handover_to"
        and (s := plan.task(it.task.id))
        and it.minutes >= s.estimate_minutes
    }
    for f in found:
        if f.kind == "overload":
            assert not taken & set(f.refs), (f, taken)
    sheet = compose.sheet(ws, training, TODAY, holidays=holidays, busy=(), progress=progress)
    assert [it.task.id for it in sheet.items] == [it.task.id for it in left]


def test_what_a_colleague_takes_is_not_her_overload(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # on New Year's Day there is no working day left before she leaves on Monday 4 January
    ws = str(_ws(tmp_path))
    code, out = _run(capsys, "-w", ws, "check", "--date", "2027-01-01", "--format", "json")
    assert code == 1
    found = json.loads(out)["findings"]
    assert any(f["kind"] == "due-away" and "spj" in f["refs"] for f in found)
    assert not any(f["kind"] == "overload" and "spj" in f["refs"] for f in found), found


def test_a_sheet_with_nothing_left_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # only the report, which the plan finishes in December
    ws = str(_ws(tmp_path, HERS[: HERS.index('[[task]]\nid = "spj"')]))
    code, out = _run(
        capsys, "-w", ws, "--lang", "en", "handover", "renstra", "--date", "2026-12-07"
    )
    assert code == 0
    assert "No work is left to hand over: by the plan, what is due or in progress" in " ".join(
        out.split()
    )
