"""The embedded demo: it loads, and on any day it shows a real working week ahead."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from diklat_cli.cli import main
from diklat_cli.demo import ANCHOR, offset, shift_to
from diklat_cli.workspace.loader import demo_path, load

DAYS = [
    date(2026, 11, 30),  # the anchor Monday itself
    date(2026, 11, 29),  # a Sunday: the coming week
    date(2027, 3, 6),  # a Saturday
    date(2027, 2, 17),  # a Wednesday in Ramadan 1448 H
    date(2026, 3, 5),  # a Thursday in Ramadan 1447 H, before the anchor
    date(2031, 8, 15),  # a Friday years ahead
]


def test_the_demo_loads_as_written() -> None:
    ws = load(demo_path())
    assert ws.profile.position == "Perencana Ahli Muda"
    assert 8 <= len(ws.tasks) <= 12
    # one source of each kind: a sheet, a Trello board, an Asana project, an invitation
    assert {"rekap-surat", "trello-N7tLmR2k", "asana-1209000000000001"} <= {t.id for t in ws.tasks}
    assert [s.path.rsplit(".", 1)[1] for s in ws.task_sources] == ["csv", "json", "csv"]
    assert [t.id for t in ws.trainings] == ["pkp"]
    assert ws.profile.supervisor == "kabid"


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_the_shifted_demo_is_a_real_week(today: date) -> None:
    ws = shift_to(load(demo_path()), today)
    training = ws.trainings[0]
    # the training starts about two weeks ahead, on the weekday it was written for
    assert 9 <= (training.start - today).days <= 16
    assert training.start.weekday() == 0
    written = [s for s in training.session if not s.uid]
    assert all(s.date is None or s.date.weekday() == 0 for s in written)
    # the weekly online sessions come from the organiser's invitation (jadwal-pkp.ics): Tuesdays
    read = [s for s in training.session if s.uid]
    assert len(read) == 9 and all(s.date is not None and s.date.weekday() == 1 for s in read)
    # deadlines in the coming days
    dues = sorted(
        t.due.date() if isinstance(t.due, datetime) else t.due
        for t in ws.tasks
        if isinstance(t.due, date)
    )
    assert any(0 <= (d - today).days <= 7 for d in dues)
    # the Monday meeting stays on Monday, the Friday routine on Friday
    rakor = next(e for e in ws.events if e.id == "rakor")
    assert rakor.from_ is not None and rakor.from_.weekday() == 0
    absensi = ws.task("absensi")
    assert absensi is not None and absensi.from_ is not None and absensi.from_.weekday() == 4
    # every other date moved with it
    budi = ws.colleague("budi")
    assert budi is not None and budi.away[0].start == date(2026, 12, 28) + offset(today)
    assert ws.quiet[0].start == date(2027, 1, 11) + offset(today)
    assert ws.holidays[0].date == date(2027, 1, 14) + offset(today)


def test_shifting_is_by_whole_weeks() -> None:
    for n in range(60):
        day = ANCHOR + timedelta(days=n * 5 - 100)
        assert offset(day).days % 7 == 0


def test_the_demo_is_planned_without_a_workspace(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan"]) == 0
    err = capsys.readouterr().err
    assert "Memakai ruang kerja contoh (demo). Buat milik Anda dengan 'diklat init'." in err


def test_the_demo_follows_date(capsys: pytest.CaptureFixture[str]) -> None:
    # a Wednesday long after the anchor: the demo's week is that week, its tasks due around it
    assert main(["plan", "--date", "2031-08-13", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert '"date": "2031-08-13"' in out
    assert '"kind": "task"' in out
