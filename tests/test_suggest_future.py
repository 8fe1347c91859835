"""`check --suggest` suggests only the future (issue 9, point 3): no start before today plus the
lead time to ask the supervisor, a `--from` in the past moved with a note, the current dates kept."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diklat_cli.cli import main
from diklat_cli.planning.suggest import LEAD_DAYS, earliest_start, suggest
from diklat_cli.workspace.holidays_id import HolidayData
from diklat_cli.workspace.loader import load

WS = """[profile]
name = "Rina"
position = "Analis Kebijakan Ahli Pertama"

[planning]
annual_jp_target = 0

[[training]]
id = "renstra"
title = "Penyusunan Renstra"
format = "offline"
start = 2026-11-30
end = 2026-12-04
handover_to = "fajar"
[[training.session]]
date = 2026-11-30
until = 2026-12-04
time = "08:00-16:00"

[[colleague]]
id = "fajar"
name = "Fajar"

[[task]]
id = "lap"
title = "Laporan triwulan"
estimate = "2h"
due = 2026-12-18
"""


def _ws(tmp_path: Path) -> Path:
    (tmp_path / "diklat.toml").write_text(WS, "utf-8")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


def test_the_issue_case_ranks_no_past_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # on 7 December the default window (2 Nov to 28 Dec) lay mostly in the past
    args = ("-w", str(_ws(tmp_path)), "check", "--suggest", "renstra", "--date", "2026-12-07")
    code, out = run(capsys, *args, "--format", "json")
    assert code == 0
    data = json.loads(out)
    starts = [date.fromisoformat(c["start"]) for c in data["candidates"]]
    assert starts and min(starts) >= date(2026, 12, 14)  # 5 working days after Mon 7 Dec
    assert data["earliest"] == "2026-12-14"
    assert data["moved_from"] == "2026-11-02"
    # the current dates are still scored, for comparison, though they are past
    assert data["current"]["start"] == "2026-11-30" and data["current"]["current"] is True
    code, out = run(capsys, *args)
    words = " ".join(out.split())
    assert "Usulan mulai paling awal 14 Des 2026, 5 hari kerja dari hari ini" in words
    assert "bukan 2 Nov 2026" in words
    assert "– 30 Nov 2026 – 4 Des 2026" in words and "(jadwal sekarang)" in words
    assert "10 Nov 2026" not in words and "24 Nov 2026" not in words


def test_a_from_in_the_past_is_moved_with_a_note_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(
        capsys,
        "-w",
        str(_ws(tmp_path)),
        "--lang",
        "en",
        "check",
        "--suggest",
        "renstra",
        "--date",
        "2026-12-07",
        "--from",
        "2026-10-01",
        "--to",
        "2026-11-15",
    )
    assert code == 0
    words = " ".join(out.split())
    # a window wholly past keeps its length from the earliest start
    assert "14 Dec 2026 to 28 Jan 2027" in words
    assert "Suggestions start on 14 Dec 2026 at the earliest" in words
    assert "not 1 Oct 2026" in words


def test_a_future_window_is_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(
        capsys,
        "-w",
        str(_ws(tmp_path)),
        "check",
        "--suggest",
        "renstra",
        "--date",
        "2026-12-07",
        "--from",
        "2027-01-04",
        "--to",
        "2027-02-01",
        "--format",
        "json",
    )
    assert code == 0
    data = json.loads(out)
    assert (data["first"], data["moved_from"], data["note"]) == ("2027-01-04", None, None)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    today=st.dates(date(2026, 10, 1), date(2027, 3, 1)),
    offset=st.integers(-90, 60),
    span=st.integers(0, 60),
)
def test_no_candidate_before_today_plus_the_lead(
    tmp_path: Path, today: date, offset: int, span: int
) -> None:
    ws = load(_ws(tmp_path))
    training = ws.training("renstra")
    assert training is not None
    first = today + timedelta(days=offset)
    holidays = HolidayData()
    found = suggest(
        ws, training, today, holidays=holidays, first=first, last=first + timedelta(days=span)
    )
    earliest = earliest_start(today, lambda d: d.weekday() >= 5)
    assert earliest > today and (earliest - today).days >= LEAD_DAYS
    assert all(c.start >= earliest for c in found.ranked)
    assert found.window.first >= earliest
    assert (found.window.moved_from is not None) == (first < earliest)
    assert found.current.start == training.start
