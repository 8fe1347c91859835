"""Issue 9, points 1 and 2, end to end: the plan is the user's own, and nothing disappears.

Her workspace: a weekly Monday report since November (tagged with a skill a colleague has), an
SPJ (urgent, less important: the delegate quadrant), minutes she handed to Andi herself, and
two colleagues, one of them away.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from diklat_cli.cli import main

MONDAY = "2026-12-07"

WS = """[profile]
name = "Nur Aisyah, S.E."
position = "Analis Kebijakan Ahli Pertama"
timezone = "Asia/Makassar"

[planning]
annual_jp_target = 0
{planning}

[[task]]
id = "lap-mingguan"
title = "Laporan mingguan"
estimate = "1h"
recurs = "FREQ=WEEKLY;BYDAY=MO"
from = 2026-11-02
tags = ["laporan"]

[[task]]
id = "spj"
title = "SPJ perjalanan dinas"
estimate = "2h"
due = 2026-12-08
tags = ["keuangan"]

[[task]]
id = "notulen"
title = "Notulen rapat"
estimate = "1h"
due = 2026-12-08
delegate_to = "andi"

[[colleague]]
id = "andi"
name = "Andi"
skills = ["laporan", "keuangan"]
capacity = "10h"

[[colleague]]
id = "fajar"
name = "Fajar"
skills = ["keuangan"]
capacity = "20h"
away = [{{start = 2026-12-07, end = 2026-12-09}}]
"""


def workspace(tmp_path: Path, planning: str = "") -> Path:
    (tmp_path / "diklat.toml").write_text(WS.format(planning=planning), "utf-8")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], ws: Path, *args: str) -> tuple[int, str, str]:
    code = main(["-w", str(ws), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def plan_json(capsys: pytest.CaptureFixture[str], ws: Path) -> dict[str, dict[str, object]]:
    code, out, _ = run(capsys, ws, "plan", "--date", MONDAY, "--format", "json")
    assert code in (0, 1)
    return {t["id"]: t for t in json.loads(out)["tasks"]}


def words(text: str) -> str:
    return " ".join(text.split())


# --- 1. delegation is the user's decision ---------------------------------------------------------


def test_the_delegate_quadrant_suggests_and_the_work_stays(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = workspace(tmp_path)
    tasks = plan_json(capsys, ws)
    spj = tasks["spj"]
    assert spj["quadrant"] == "delegate"
    assert spj["delegated_to"] is None and spj["delegated_by"] is None
    assert spj["scheduled_minutes"] == 120  # it keeps its time in her plan
    # Fajar has the skill and more room, but is away; Andi's week already counts the five
    # weekly reports suggested to him (more urgent: overdue)
    assert spj["delegate_suggestion"] == {
        "colleague": "andi",
        "name": "Andi",
        "reasons": [
            "keahlian keuangan",
            "longgar 5 jam minggu Sen 7 Des",
            "tidak pergi s.d. Sel 8 Des",
        ],
    }
    # what she handed over herself leaves, and says it was her
    assert tasks["notulen"]["delegated_to"] == "andi"
    assert tasks["notulen"]["delegated_by"] == "you"
    assert tasks["notulen"]["delegate_suggestion"] is None

    _, out, _ = run(capsys, ws, "plan", "--date", MONDAY)
    text = words(out)
    assert re.search(r"\d\d\.\d\d–\d\d\.\d\d Tugas SPJ perjalanan dinas spj", text)
    assert "Bisa didelegasikan — saran, tetap di rencana Anda" in text
    assert "Andi bisa mengambilnya (keahlian keuangan;" in text
    assert 'bila Anda sepakat: delegate_to = "andi"' in text


def test_why_says_who_could_take_it_and_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = workspace(tmp_path)
    code, out, _ = run(capsys, ws, "--lang", "en", "why", "spj", "--date", MONDAY)
    assert code == 0
    text = words(out)
    assert "Could delegate Andi could take it (skill keuangan; " in text
    assert "free in the week of Mon 7 Dec; not away until Tue 8 Dec)" in text
    assert "Delegated" not in text
    assert re.search(r"Scheduled Mon 7 Dec \d\d:\d\d–\d\d:\d\d", text)


def test_auto_delegate_hands_it_over_and_says_the_planner_chose(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = workspace(tmp_path, "auto_delegate = true")
    tasks = plan_json(capsys, ws)
    assert tasks["spj"]["delegated_to"] == "andi"
    assert tasks["spj"]["delegated_by"] == "planner"
    assert tasks["spj"]["scheduled_minutes"] == 0
    _, out, _ = run(capsys, ws, "plan", "--date", MONDAY)
    assert "dipilih oleh perencana, bukan oleh Anda (planning.auto_delegate = true)" in words(out)
    _, out, _ = run(capsys, ws, "--lang", "en", "why", "spj", "--date", MONDAY)
    assert "to Andi chosen by the planner, not by you" in words(out)


# --- 2. nothing disappears ----------------------------------------------------------------------


def test_a_missed_occurrence_stays_overdue_and_is_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = workspace(tmp_path)
    tasks = plan_json(capsys, ws)
    # four weeks back (planning.missed_weeks = 4): 9, 16, 23 and 30 November; 2 November is older
    missed = sorted(t for t in tasks if t.startswith("lap-mingguan@2026-11"))
    assert missed == [f"lap-mingguan@2026-11-{d}" for d in ("09", "16", "23", "30")]
    for ref in missed:
        assert tasks[ref]["missed"] is True and tasks[ref]["late"] is True
        assert tasks[ref]["scheduled_minutes"] == 60
    assert tasks["lap-mingguan@2026-12-07"]["missed"] is False
    _, out, _ = run(capsys, ws, "plan", "--date", MONDAY)
    text = words(out)
    assert "Terlewat (4)" in text
    assert (
        "Laporan mingguan: 4 kejadian terlewat (Sen 9 Nov, Sen 16 Nov, Sen 23 Nov, Sen 30 Nov)"
        in text
    )
    assert "lewat tenggat Sen 9 Nov" in text  # its block says it is late
    _, out, _ = run(capsys, ws, "--lang", "en", "plan", "--date", MONDAY)
    assert "Laporan mingguan: 4 missed occurrences" in words(out)


def test_missed_weeks_sets_how_far_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = workspace(tmp_path, "missed_weeks = 1")
    tasks = plan_json(capsys, ws)
    assert sorted(t for t in tasks if t < "lap-mingguan@2026-12-07" and "@" in t) == [
        "lap-mingguan@2026-11-30"
    ]
    ws = workspace(tmp_path, "missed_weeks = 0")
    assert not [t for t in plan_json(capsys, ws) if t < "lap-mingguan@2026-12-07" and "@" in t]


def test_skip_records_not_needed_and_the_occurrence_leaves(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = workspace(tmp_path)
    code, out, _ = run(capsys, ws, "done", "lap-mingguan@2026-11-16", "--skip")
    assert code == 0
    assert out == (
        "Dilewati: Laporan mingguan (lap-mingguan@2026-11-16) tidak diperlukan kali ini. "
        "Kejadian ini keluar dari rencana.\n"
    )
    data = tomllib.loads((ws / ".diklat" / "progress.toml").read_text("utf-8"))
    assert data["task"]["lap-mingguan@2026-11-16"]["skipped"] is True
    assert data["task"]["lap-mingguan@2026-11-16"]["done"] is False
    assert run(capsys, ws, "done", "lap-mingguan@2026-11-23")[0] == 0
    tasks = plan_json(capsys, ws)
    assert "lap-mingguan@2026-11-16" not in tasks and "lap-mingguan@2026-11-23" not in tasks
    assert "lap-mingguan@2026-11-09" in tasks
    _, out, _ = run(capsys, ws, "plan", "--date", MONDAY)
    assert "Laporan mingguan: 2 kejadian terlewat (Sen 9 Nov, Sen 30 Nov)" in words(out)
    # undo brings it back
    assert run(capsys, ws, "done", "lap-mingguan@2026-11-16", "--undo")[0] == 0
    assert "lap-mingguan@2026-11-16" in plan_json(capsys, ws)


def test_skip_is_for_an_occurrence(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = workspace(tmp_path)
    code, _, err = run(capsys, ws, "--lang", "en", "done", "spj", "--skip")
    assert code == 2
    assert "--skip is for one occurrence of a routine task; 'spj' is not one" in err
    code, _, err = run(
        capsys, ws, "--lang", "en", "done", "lap-mingguan", "--skip", "--spent", "1h"
    )
    assert code == 2 and "--skip and --spent do not go together" in err
    assert not (ws / ".diklat" / "progress.toml").exists()


# --- why says what is true for every reference ----------------------------------------------------


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        (
            "lap-mingguan@2026-11-16",
            "'lap-mingguan@2026-11-16' was skipped: not needed this time (recorded ",
        ),
        ("lap-mingguan@2026-11-23", "'lap-mingguan@2026-11-23' is done (recorded "),
        ("lap-mingguan@2026-11-30", "Status missed: its day passed with nothing recorded"),
        ("notulen", "Delegated to Andi"),
        (
            "lap-mingguan@2027-03-01",
            "'lap-mingguan@2027-03-01' is beyond the planning horizon: the plan ends 20 December 2026",
        ),
        (
            "lap-mingguan@2026-11-02",
            "'lap-mingguan@2026-11-02' was missed with nothing recorded more than 4 weeks ago",
        ),
    ],
)
def test_why_says_what_is_true(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], ref: str, expected: str
) -> None:
    ws = workspace(tmp_path)
    run(capsys, ws, "done", "lap-mingguan@2026-11-16", "--skip")
    run(capsys, ws, "done", "lap-mingguan@2026-11-23")
    code, out, err = run(capsys, ws, "--lang", "en", "why", ref, "--date", MONDAY)
    assert code == 0, err
    assert expected in words(out)


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        ("lap-mingguan@2026-12-08", "'lap-mingguan' does not fall on 8 December 2026"),
        ("lap-mingguan@tomorrow", "the part after @ is not a date"),
        ("laporan", "there is no task 'laporan' in the plan"),
    ],
)
def test_why_refuses_what_does_not_exist(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], ref: str, expected: str
) -> None:
    code, _, err = run(capsys, workspace(tmp_path), "--lang", "en", "why", ref, "--date", MONDAY)
    assert code == 2
    assert expected in err


def test_on_a_sunday_the_room_counted_is_the_coming_week(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = workspace(tmp_path)
    code, out, _ = run(capsys, ws, "plan", "--date", "2026-12-06", "--format", "json")
    assert code in (0, 1)
    tasks = {t["id"]: t for t in json.loads(out)["tasks"]}
    missed = tasks["lap-mingguan@2026-11-30"]["delegate_suggestion"]
    assert missed is not None
    assert "minggu Sen 7 Des" in missed["reasons"][1]  # not the week of 30 Nov, which is over
