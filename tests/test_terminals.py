"""Terminals as people have them: NO_COLOR in every command, narrow and ordinary widths."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from diklat_cli.cli import main

HANDOVER = Path(__file__).parent / "fixtures" / "handover"

COMMANDS = {
    "plan": ["-w", str(HANDOVER), "plan", "--date", "2027-01-25"],
    "plan --week": ["-w", str(HANDOVER), "plan", "--date", "2027-01-25", "--week"],
    "why": ["-w", str(HANDOVER), "why", "lap-tw4", "--date", "2027-01-04"],
    "check": ["-w", str(HANDOVER), "check", "--date", "2027-01-25"],
    "check --suggest": ["-w", str(HANDOVER), "check", "--suggest", "pkp"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("no_color", [False, True])
def test_every_command_honours_no_color(
    command: str,
    no_color: bool,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")  # as on a terminal: rich would style
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    main(COMMANDS[command])
    out = capsys.readouterr().out
    assert out.strip()
    # the control case shows a terminal gets styles, so the NO_COLOR case can fail:
    # no colour, and no bold, underline or dim either
    assert ("\x1b[" in out) is not no_color


TIME_RANGE = re.compile(r"\d\d\.\d\d–\d\d\.\d\d")


@pytest.mark.parametrize("columns", [60, 80])
def test_times_stay_whole_on_narrow_terminals(
    columns: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    main(["-w", str(HANDOVER), "plan", "--date", "2027-01-04", "--days", "5"])
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert all(len(line) <= columns for line in lines)
    starts = re.findall(r"^ ?(\d\d\.\d\d)–", out, re.M)
    assert starts, out
    # every block's time range is whole: start and end, nothing cut with an ellipsis
    assert len(TIME_RANGE.findall(out)) == len(starts)
    assert "…" not in "".join(line[:14] for line in lines)


@pytest.mark.parametrize("columns", [60, 80])
def test_the_week_grid_is_readable(
    columns: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    main(["-w", str(HANDOVER), "plan", "--date", "2027-01-04", "--week"])
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert all(len(line) <= columns for line in lines)
    # nothing in the grid is cut: no ellipsis, and every day's figures stand on its line
    grid = [line for line in lines if re.match(r"^ ?(Sen|Sel|Rab|Kam|Jum|Sab|Min) ", line)]
    assert len(grid) == 7, out
    assert "…" not in out
    for line in grid:
        assert re.search(r"(\d+ ?[jm]|—)", line), line
