"""One test per exit code, as the README documents them: 0, 1, 2, 3, 70."""

from __future__ import annotations

from pathlib import Path

import pytest

from diklat_cli.cli import main
from diklat_cli.errors import ExitCode

PROFILE = '[profile]\nname = "Rina"\n'
CLEAN = PROFILE + '[[task]]\nid = "a"\ntitle = "Laporan"\nestimate = "1h"\ndue = 2026-12-04\n'
# an online session at the same time as a meeting: the multitasking `check` warns about
CLASH = (
    PROFILE
    + '[[training]]\nid = "t"\ntitle = "Bimtek"\nformat = "online"\nstart = 2026-12-01\n'
    + 'end = 2026-12-01\n[[training.session]]\ndate = 2026-12-01\ntime = "13:00-15:00"\n'
    + 'mode = "online"\n[[event]]\ntitle = "Rapat anggaran"\ndate = 2026-12-01\n'
    + 'time = "14:00-15:00"\n'
)


def _workspace(tmp_path: Path, text: str) -> str:
    (tmp_path / "diklat.toml").write_text(text, encoding="utf-8")
    return str(tmp_path)


def test_0_ok(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["-w", _workspace(tmp_path, CLEAN), "plan", "--date", "2026-12-01"])
    assert code == ExitCode.OK == 0
    assert "Laporan" in capsys.readouterr().out


def test_1_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["-w", _workspace(tmp_path, CLASH), "check", "--date", "2026-11-30"])
    assert code == ExitCode.FINDINGS == 1
    assert "Rapat anggaran" in capsys.readouterr().out


def test_2_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--no-such-option"]) == ExitCode.USAGE == 2
    assert "opsi --no-such-option tidak dikenal" in capsys.readouterr().err


def test_3_invalid_workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["-w", _workspace(tmp_path, "[profile]\n"), "plan"])
    assert code == ExitCode.INVALID_WORKSPACE == 3
    assert capsys.readouterr().err == (
        "diklat: ruang kerja tidak dapat dipakai; 1 masalah:\n"
        f"  {tmp_path}/diklat.toml:1: profile: 'name' belum diisi; "
        'tambahkan name, misalnya name = "Rina Wulandari"\n'
    )


def _boom(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom")


def test_70_internal_error_is_one_line_with_a_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("diklat_cli.planning.schedule.make_plan", _boom)
    code = main(["-w", _workspace(tmp_path, CLEAN), "plan", "--date", "2026-12-01"])
    assert code == ExitCode.INTERNAL == 70
    assert capsys.readouterr().err == (
        "diklat: kesalahan internal (RuntimeError: boom). Jalankan lagi dengan --debug untuk melihat "
        "jejaknya, lalu laporkan.\n"
    )


def test_70_with_debug_shows_the_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("diklat_cli.planning.schedule.make_plan", _boom)
    ws = _workspace(tmp_path, CLEAN)
    assert main(["--debug", "-w", ws, "plan", "--date", "2026-12-01"]) == 70
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):\n")
    assert 'in _boom\n    raise RuntimeError("boom")\nRuntimeError: boom\n' in err


def test_global_options_work_after_the_command_too(
    contract_workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`diklat plan --lang en -w DIR` is what people type; it must not be a usage error."""
    code = main(["plan", "--date", "2026-12-01", "--lang", "en", "-w", str(contract_workspace)])
    assert code == 0
    assert "Today's plan" in capsys.readouterr().out
