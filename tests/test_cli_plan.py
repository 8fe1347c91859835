"""`diklat plan` and `diklat why` end to end, through the Typer app, on the contract's workspace."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jsonschema
import pytest
from typer.testing import CliRunner

from diklat_cli.cli import app, main
from diklat_cli.errors import ExitCode
from diklat_cli.planning import schedule
from diklat_cli.planning.plan import Plan, TaskStatus, Unscheduled, UrgencyTerm

SCHEMA = json.loads((Path(__file__).parent / "plan.schema.json").read_text("utf-8"))
THURSDAY = "2026-12-03"  # the contract's "Rapat evaluasi TW IV", 09:00-11:30

runner = CliRunner()


def run(ws: Path, *args: str) -> Any:
    return runner.invoke(app, ["-w", str(ws), *args])


def test_plan_shows_the_day_of_the_contract_workspace(contract_workspace: Path) -> None:
    result = run(contract_workspace, "plan", "--date", THURSDAY)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Rencana hari ini — Kamis, 3 Desember 2026 (WIB)\n")
    assert re.search(r"09\.00–11\.30 +Rapat +Rapat evaluasi TW IV", result.output)
    assert re.search(r"12\.00–13\.00 +Istirahat", result.output)
    assert "Beban: " in result.output


def test_plan_in_english_and_over_several_days(contract_workspace: Path) -> None:
    result = run(contract_workspace, "--lang", "en", "plan", "--date", THURSDAY, "--days", "3")
    assert result.exit_code == 0, result.output
    assert "Today's plan — Thursday, 3 December 2026 (WIB)" in result.output
    assert "Tomorrow — Friday, 4 December 2026" in result.output
    assert "Saturday, 5 December 2026\n Day off — Weekend" in result.output
    assert re.search(r"09:00–11:30 +Meeting +Rapat evaluasi TW IV", result.output)


def test_plan_week_grid(contract_workspace: Path) -> None:
    result = run(contract_workspace, "plan", "--date", THURSDAY, "--week")
    assert result.exit_code == 0, result.output
    assert "Sepekan — 30 November 2026 s.d. 6 Desember 2026 (WIB)" in result.output
    assert re.search(r"Sen 30 Nov +— +— +sudah lewat", result.output)
    assert re.search(r"Sab 5 Des +— +— +Akhir pekan", result.output)


def test_week_from_saturday_shows_the_coming_week(contract_workspace: Path) -> None:
    result = run(contract_workspace, "plan", "--date", "2026-12-05", "--week")
    assert "Sepekan — 7 Desember 2026 s.d. 13 Desember 2026 (WIB)" in result.output


def test_plan_json_follows_the_contract(contract_workspace: Path) -> None:
    result = run(contract_workspace, "plan", "--date", THURSDAY, "--format", "json", "--days", "2")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    jsonschema.validate(data, SCHEMA)
    assert data["timezone"] == "Asia/Jakarta"
    assert [d["date"] for d in data["days"]] == ["2026-12-03", "2026-12-04"]
    meeting = next(b for b in data["days"][0]["blocks"] if b["title"] == "Rapat evaluasi TW IV")
    assert (meeting["start"], meeting["end"]) == (
        "2026-12-03T09:00:00+07:00",
        "2026-12-03T11:30:00+07:00",
    )
    assert (meeting["kind"], meeting["ref"]) == ("event", None)


def test_plan_markdown(contract_workspace: Path) -> None:
    result = run(contract_workspace, "plan", "--date", THURSDAY, "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Rencana hari ini — Kamis, 3 Desember 2026 (WIB)\n\n")
    assert "- **09.00–11.30** Rapat: Rapat evaluasi TW IV" in result.output


def test_plan_help_shows_examples() -> None:
    result = runner.invoke(app, ["plan", "--help"])
    assert result.exit_code == 0
    assert "diklat plan --date 2026-12-01 --days 3" in result.output
    assert "--week" in result.output and "--strict" in result.output


def test_bad_date_is_a_usage_error(
    contract_workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["-w", str(contract_workspace), "plan", "--date", "3 Desember"])
    assert code == ExitCode.USAGE
    assert "--date '3 Desember' bukan tanggal; tulis seperti 2026-12-01" in capsys.readouterr().err


def _overloaded(real: Plan) -> Plan:
    """The real plan, with one task that could not be placed."""
    late = TaskStatus(
        "arsip",
        "Penataan arsip",
        "drop",
        1.0,
        (),
        600,
        0,
        600,
        None,
        None,
        True,
        None,
        False,
        False,
    )
    return Plan(
        real.timezone,
        real.today,
        real.days,
        (*real.tasks, late),
        (Unscheduled(ref="arsip", minutes=600, reason="full", last=real.days[-1].date),),
        real.conflicts,
    )


def test_strict_exits_1_when_something_does_not_fit(
    contract_workspace: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real_make_plan = schedule.make_plan
    monkeypatch.setattr(
        schedule, "make_plan", lambda *a, **kw: _overloaded(real_make_plan(*a, **kw))
    )
    args = ["-w", str(contract_workspace), "plan", "--date", THURSDAY]
    assert main(args) == ExitCode.OK  # without --strict, a plan with gaps is still a plan
    assert main([*args, "--strict"]) == ExitCode.FINDINGS
    assert "Penataan arsip  arsip  10 jam  Waktu kerja luang sampai" in capsys.readouterr().out


def test_strict_exits_0_when_everything_fits(
    contract_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_make_plan = schedule.make_plan

    def fitting(*a: Any, **kw: Any) -> Plan:
        p = real_make_plan(*a, **kw)
        tasks = tuple(t._replace(late=False, remaining_minutes=0) for t in p.tasks)
        return Plan(p.timezone, p.today, p.days, tasks, (), p.conflicts)

    monkeypatch.setattr(schedule, "make_plan", fitting)
    assert main(["-w", str(contract_workspace), "plan", "--date", THURSDAY, "--strict"]) == 0


@pytest.mark.parametrize("no_color", [False, True])
def test_no_color_is_respected(
    contract_workspace: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    no_color: bool,
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")  # as on a terminal: rich would colour
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    assert main(["-w", str(contract_workspace), "plan", "--date", THURSDAY]) == 0
    out = capsys.readouterr().out
    assert "Rapat evaluasi TW IV" in out
    assert ("\x1b" in out) is not no_color


def _with_lap(real: Plan) -> Plan:
    """The real plan's days, with the status of lap-tw4 written out, so `why` can be pinned."""
    lap = TaskStatus(
        "lap-tw4",
        "Laporan realisasi TW IV",
        "do",
        15.6,
        (UrgencyTerm("due", 0.8, 12.0), UrgencyTerm("important", 1.0, 6.0)),
        360,
        0,
        0,
        datetime(2027, 1, 12, 16, tzinfo=ZoneInfo("Asia/Jakarta")),
        None,
        False,
        "budi",
        True,
        True,
    )
    others = tuple(t for t in real.tasks if t.id != "lap-tw4")
    return Plan(real.timezone, real.today, real.days, (lap, *others), (), real.conflicts)


def test_why_explains_one_task(contract_workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_make_plan = schedule.make_plan
    monkeypatch.setattr(schedule, "make_plan", lambda *a, **kw: _with_lap(real_make_plan(*a, **kw)))
    result = run(contract_workspace, "why", "lap-tw4", "--date", THURSDAY)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Laporan realisasi TW IV  lap-tw4\n")
    assert re.search(r"Kuadran +kerjakan — mendesak dan penting", result.output)
    assert re.search(r"Tenggat +Selasa, 12 Januari 2027 16\.00", result.output)
    assert re.search(r"Urgensi +15,60 *\n +tenggat makin dekat +0,80 × 12,0 = +9,60", result.output)
    assert re.search(r"Didelegasikan +kepada Budi Santoso, S\.Sos\.", result.output)


def test_why_unknown_task_suggests_the_nearest_id(
    contract_workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["-w", str(contract_workspace), "why", "lap-tw3", "--date", THURSDAY])
    assert code == ExitCode.USAGE
    err = capsys.readouterr().err
    assert err == "diklat: tidak ada tugas 'lap-tw3' dalam rencana; maksud Anda 'lap-tw4'?\n"


def test_why_unknown_task_far_from_any_id(
    contract_workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["-w", str(contract_workspace), "--lang", "en", "why", "zzz", "--date", THURSDAY])
    assert code == ExitCode.USAGE
    assert capsys.readouterr().err == (
        "diklat: there is no task 'zzz' in the plan; see the task ids with 'diklat plan --explain'\n"
    )


def test_why_a_routine_shows_its_occurrences(contract_workspace: Path) -> None:
    result = run(contract_workspace, "why", "absensi", "--date", THURSDAY)
    assert result.exit_code == 0, result.output
    # the missed Fridays since `from` come first, then the one of this week
    assert result.output.startswith("Rekap absensi bidang  absensi@2026-11-06\n")
    assert "\nRekap absensi bidang  absensi@2026-12-04\n" in result.output
    assert re.search(r"Tenggat +Jumat, 4 Desember 2026 16\.30", result.output)


def test_why_a_task_that_left_the_plan(
    contract_workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_make_plan = schedule.make_plan

    def finished(*a: Any, **kw: Any) -> Plan:
        p = real_make_plan(*a, **kw)
        tasks = tuple(t for t in p.tasks if t.id != "lap-tw4")
        return Plan(p.timezone, p.today, p.days, tasks, p.unscheduled, p.conflicts)

    monkeypatch.setattr(schedule, "make_plan", finished)
    result = run(contract_workspace, "why", "lap-tw4", "--date", THURSDAY)
    assert result.exit_code == 0
    assert result.output == (
        "'lap-tw4' tidak ada dalam rencana s.d. 16 Desember 2026, dan tidak ada catatan "
        "'diklat done' untuknya.\n"
    )


def test_week_json_holds_the_days_from_today_on(contract_workspace: Path) -> None:
    result = run(contract_workspace, "plan", "--date", THURSDAY, "--week", "--format", "json")
    data = json.loads(result.output)
    jsonschema.validate(data, SCHEMA)
    assert [d["date"] for d in data["days"]] == [
        "2026-12-03",
        "2026-12-04",
        "2026-12-05",
        "2026-12-06",
    ]
    assert data["days"][2]["working"] is False
    assert data["days"][2]["note"] == "Akhir pekan"


def test_the_real_today_gets_no_work_in_the_hours_already_gone(
    contract_workspace: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Run at 10.00, the plan starts work from 10.00; `--date` plans the whole day (`--fresh`:
    the plan recorded at 10.00 would otherwise keep its blocks where they are)."""
    import shutil
    from datetime import date as date_

    contract_workspace = shutil.copytree(contract_workspace, tmp_path / "ws")

    from diklat_cli.cli.context import Options

    real_day = Options.day
    ten = datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    monkeypatch.setattr(Options, "now", lambda self: ten)
    monkeypatch.setattr(
        Options,
        "day",
        lambda self, value: date_(2026, 12, 1) if value is None else real_day(self, value),
    )

    def task_starts(*extra: str) -> list[str]:
        result = CliRunner().invoke(
            app, ["-w", str(contract_workspace), "plan", "--format", "json", *extra]
        )
        assert result.exit_code == 0, result.output
        day = json.loads(result.stdout)["days"][0]
        return [b["start"][11:16] for b in day["blocks"] if b["kind"] == "task"]

    assert task_starts() and min(task_starts()) >= "10:00"
    assert min(task_starts("--date", "2026-12-01", "--fresh")) < "10:00"
