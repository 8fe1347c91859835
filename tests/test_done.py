"""`diklat done`: progress goes to .diklat/progress.toml, and the plan follows it."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from diklat_cli.cli import main

WS = """[profile]
name = "Rina"

[[task]]
id = "lap-tw4"
title = "Laporan realisasi TW IV"
estimate = "6h"
due = 2026-12-11

[[task]]
id = "absensi"
title = "Rekap absensi bidang"
estimate = "45m"
recurs = "FREQ=WEEKLY;BYDAY=FR"
from = 2026-11-06
"""


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    (tmp_path / "diklat.toml").write_text(WS, encoding="utf-8")
    return tmp_path


def run(ws: Path, *args: str) -> int:
    return main(["-w", str(ws), *args])


def test_spent_time_is_recorded_and_leaves_only_the_rest(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(ws, "done", "lap-tw4", "--spent", "1h30m") == 0
    assert run(ws, "done", "lap-tw4", "--spent", "30m") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == (
        "Tercatat 30 menit untuk Laporan realisasi TW IV (lap-tw4); sisa 4 jam dari perkiraan 6 jam."
    )
    data = tomllib.loads((ws / ".diklat" / "progress.toml").read_text("utf-8"))
    assert data["task"]["lap-tw4"]["spent_minutes"] == 120
    assert data["task"]["lap-tw4"]["done"] is False
    assert (ws / "diklat.toml").read_text("utf-8") == WS  # the user's file is never written
    assert run(ws, "plan", "--date", "2026-12-01", "--format", "json") == 0
    assert '"scheduled_minutes": 240' in capsys.readouterr().out


def test_done_takes_the_task_out_of_the_plan(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(ws, "--lang", "en", "done", "lap-tw4") == 0
    assert (
        capsys.readouterr().out == "Done: Laporan realisasi TW IV (lap-tw4). It leaves the plan.\n"
    )
    assert run(ws, "plan", "--date", "2026-12-01") == 0
    assert "Laporan realisasi" not in capsys.readouterr().out
    assert run(ws, "done", "lap-tw4", "--undo") == 0
    assert "kembali ke rencana" in capsys.readouterr().out


def test_a_recurring_task_records_its_next_occurrence(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(ws, "done", "absensi@2026-12-04") == 0
    assert "(absensi@2026-12-04)" in capsys.readouterr().out
    data = tomllib.loads((ws / ".diklat" / "progress.toml").read_text("utf-8"))
    assert data["task"]["absensi@2026-12-04"]["done"] is True
    assert run(ws, "done", "absensi@2026-12-03") == 2
    err = capsys.readouterr().err
    assert err == (
        "diklat: 'absensi' tidak jatuh pada 3 Desember 2026. Yang terdekat: absensi@2026-12-04.\n"
    )


def test_an_unknown_id_suggests_the_near_one(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(ws, "done", "lap-tw5") == 2
    assert capsys.readouterr().err == (
        "diklat: tidak ada tugas 'lap-tw5' di ruang kerja ini. Maksud Anda 'lap-tw4'?\n"
    )
    assert not (ws / ".diklat").exists()


def test_a_bad_duration_is_a_usage_error(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(ws, "--lang", "en", "done", "lap-tw4", "--spent", "sejam") == 2
    assert capsys.readouterr().err == (
        "diklat: --spent 'sejam' is not a duration; write it as 45m, 1h30m or 2jp.\n"
    )


def test_the_demo_cannot_record_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # no workspace here or in the (isolated) home: the demo
    assert main(["--lang", "en", "done", "lap-tw4"]) == 2
    err = capsys.readouterr().err
    assert "This is the demo workspace: progress cannot be recorded here." in err
