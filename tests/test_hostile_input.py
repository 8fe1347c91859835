"""Every input answered in seconds, nothing executed: hostile calendars, recurrences, TOML and
special files. The files are generated (tests/hostile.py), none is committed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hostile
from diklat_cli.cli import main
from diklat_cli.workspace.icsimport import read_calendars
from diklat_cli.workspace.models import CalendarSource, Profile, Workspace

PROFILE = '[profile]\nname = "Rina"\n'
TASK = '[[task]]\nid = "a"\ntitle = "Laporan"\nestimate = "1h"\ndue = 2026-12-04\n'


def workspace(root: Path, text: str = PROFILE + TASK, **files: bytes | str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "diklat.toml").write_text(text, encoding="utf-8")
    for name, content in files.items():
        data = content.encode() if isinstance(content, str) else content
        (root / name.replace("__", ".")).write_bytes(data)
    return root


def plan(root: Path, *more: str) -> int:
    return main(["-w", str(root), "plan", "--date", "2026-12-01", *more])


# --- hostile calendars ------------------------------------------------------------------------

REFUSED = {
    "unclosed_vevent": ":6006:",
    "nested": ":11:",
    "unclosed_many": ":25:",
}  # exit 3, at this line of cal.ics
WARNED = {  # exit 0, with a warning naming cal.ics that says what was left out
    "vtimezone_secondly": "Kacau",
    "yearly_never": "tidak pernah terjadi",
    "setpos_never": "tidak pernah terjadi",
    "never_distinct": "butuh lebih dari 2 detik",
    "many_events": "2000",
    "broken_dtstart": "DTSTART",
    "exdates_many": "lebih dari 5000 tanggal",
    "zone_transitions": "Z1",
    "series_many": "2000",
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(hostile.CALENDARS))
def test_a_hostile_calendar_is_answered(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """exit 3 naming the file and the line, or exit 0 with a warning naming the file."""
    text = PROFILE + TASK + '[[calendar]]\npath = "cal.ics"\n'
    root = workspace(tmp_path / "ws", text, cal__ics=hostile.CALENDARS[name]())
    code = plan(root)
    err = capsys.readouterr().err
    if name in REFUSED:
        assert code == 3
        assert f"cal.ics{REFUSED[name]}" in err
    else:
        assert code == 0, err
        if name in WARNED:
            assert re.search(rf"cal\.ics: .*{WARNED[name]}", err), err


def _series(start: str, rule: str) -> bytes:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\nBEGIN:VEVENT\r\nUID:s\r\nSUMMARY:Apel\r\n"
        f"DTSTART;TZID=Asia/Jakarta:{start}\r\nDURATION:PT45M\r\nRRULE:{rule}\r\n"
        "EXDATE;TZID=Asia/Jakarta:20261204T073000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    ).encode()


def _busy(tmp_path: Path, data: bytes, first: date, last: date) -> list[tuple[datetime, str]]:
    (tmp_path / "k.ics").write_bytes(data)
    ws = Workspace(profile=Profile(name="Rina"), calendars=(CalendarSource(path="k.ics"),))
    events, _ = read_calendars(ws, tmp_path, first, last)
    return [(e.start, e.title) for e in events]


RULES = [
    "FREQ=DAILY",
    "FREQ=DAILY;INTERVAL=3",
    "FREQ=WEEKLY;BYDAY=MO,FR;INTERVAL=2",
    "FREQ=WEEKLY;INTERVAL=3;WKST=SU",
    "FREQ=MONTHLY",
    "FREQ=MONTHLY;BYDAY=-1FR;INTERVAL=2",
    "FREQ=MONTHLY;BYMONTHDAY=31",
    "FREQ=YEARLY;INTERVAL=2",
    "FREQ=DAILY;COUNT=100000",
    "FREQ=HOURLY;INTERVAL=7",
]


@settings(max_examples=40, deadline=None)
@given(
    rule=st.sampled_from(RULES),
    start=st.dates(date(1950, 1, 1), date(2026, 6, 1)),
    first=st.dates(date(2026, 11, 1), date(2027, 3, 1)),
    length=st.integers(0, 40),
)
def test_a_series_that_began_long_ago_gives_the_occurrences_of_its_start(
    tmp_path_factory: pytest.TempPathFactory, rule: str, start: date, first: date, length: int
) -> None:
    """A series is restarted near the window (icsseries); the window sees what it always saw."""
    import recurring_ical_events
    from icalendar import Calendar

    data = _series(f"{start:%Y%m%d}T073000", rule)
    last = first + timedelta(days=length)
    tz = ZoneInfo("Asia/Jakarta")
    lo = datetime.combine(first, datetime.min.time(), tz)
    hi = datetime.combine(last + timedelta(days=1), datetime.min.time(), tz)
    expected = [
        (o.start, "Apel")
        for o in recurring_ical_events.of(Calendar.from_ical(data)).between(lo, hi)
    ]
    got = _busy(tmp_path_factory.mktemp("c"), data, first, last)
    assert got == sorted(expected)


def test_a_series_from_the_year_one_is_read_in_its_window(tmp_path: Path) -> None:
    got = _busy(
        tmp_path, _series("00010101T073000", "FREQ=DAILY"), date(2026, 12, 3), date(2026, 12, 5)
    )
    assert [s.day for s, _ in got] == [3, 5]  # the 4th is an EXDATE


# --- the workspace's own recurrences ----------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=SECONDLY", "lebih sering dari sehari sekali (SECONDLY)"),
        ("FREQ=MINUTELY;INTERVAL=5", "lebih sering dari sehari sekali (MINUTELY)"),
        ("FREQ=HOURLY", "lebih sering dari sehari sekali (HOURLY)"),
        ("FREQ=DAILY;INTERVAL=0", "INTERVAL harus bilangan bulat 1 sampai 999"),
        ("FREQ=WEEKLY;INTERVAL=-1", "INTERVAL harus bilangan bulat 1 sampai 999"),
        ("FREQ=DAILY;BYHOUR=1,2,3", "BYHOUR tidak dipakai"),
        ("FREQ=DAILY;COUNT=10000000", "COUNT lebih dari 10000"),
        ("FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30", "tidak pernah terjadi"),
        ("FREQ=DAILY;BYSETPOS=2", "tidak pernah terjadi"),
        ("FREQ=WEEKLY\nDTSTART:19000101", "bukan aturan pengulangan"),
    ],
)
def test_a_recurrence_that_would_not_finish_is_refused_at_its_line(
    rule: str, words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    task = f'[[task]]\nid = "r"\ntitle = "Rekap"\nestimate = "1h"\nfrom = 2026-01-01\nrecurs = {rule!r}\n'
    root = workspace(tmp_path, PROFILE, tugas__toml=task.replace("'", '"').replace('\n"', '\\n"'))
    assert plan(root) == 3
    err = capsys.readouterr().err
    assert "tugas.toml:6: " in err and words in err, err


@pytest.mark.parametrize("anchor", ["1900-01-01", "1900-01-03"])  # dates start in 1900
def test_a_recurrence_anchored_long_ago_is_planned(
    anchor: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    task = f'[[task]]\nid = "r"\ntitle = "Rekap harian"\nestimate = "30m"\nfrom = {anchor}\nrecurs = "FREQ=DAILY"\n'
    root = workspace(tmp_path, PROFILE, tugas__toml=task)
    assert plan(root) == 0
    assert "Rekap harian" in capsys.readouterr().out


# --- TOML that grew with its square ---------------------------------------------------------


def test_a_very_long_dotted_header_is_refused_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = "[" + ".".join(["a"] * 40_000) + "]\nx = 1\n"
    root = workspace(tmp_path, PROFILE + TASK, lain__toml="# catatan\n" + header)
    assert plan(root) == 3
    err = capsys.readouterr().err
    assert "lain.toml:2: " in err and "lebih dari 32 bagian" in err


def test_arrays_nested_hundreds_deep_are_refused_at_their_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = workspace(tmp_path, PROFILE + TASK, lain__toml="\n\nx = " + "[" * 600 + "]" * 600 + "\n")
    assert plan(root) == 3
    assert "lain.toml:3: " in capsys.readouterr().err


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("diklat_cli.workspace.loader.MAX_TOML_BYTES", 1000)
    root = workspace(tmp_path, PROFILE + TASK, besar__toml="# " + "x" * 2000 + "\n")
    assert plan(root) == 3
    err = capsys.readouterr().err
    assert "besar.toml: berkas terlalu besar" in err


def test_a_calendar_limit_is_raised_by_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = PROFILE + TASK + '[[calendar]]\npath = "cal.ics"\n'
    root = workspace(tmp_path, text, cal__ics=hostile.many_events(2000))  # about 200 KB
    monkeypatch.setenv("DIKLAT_MAX_CALENDAR_MB", "0.1")
    assert plan(root) == 3
    assert "DIKLAT_MAX_CALENDAR_MB=50" in capsys.readouterr().err
    monkeypatch.setenv("DIKLAT_MAX_CALENDAR_MB", "1")
    assert plan(root) == 0


# --- special files ------------------------------------------------------------------------------


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """A real process with a time limit: a FIFO that blocks would hang the test otherwise."""
    cmd = [sys.executable, "-m", "diklat_cli", "-w", str(root), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60, env=os.environ.copy())


needs_posix = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero are POSIX")


@needs_posix
@pytest.mark.slow
def test_special_files_are_refused_without_waiting(tmp_path: Path) -> None:
    root = workspace(tmp_path / "fifo")
    (root / "diklat.toml").unlink()
    os.mkfifo(root / "diklat.toml")
    done = _run(root, "plan")
    assert done.returncode == 3 and "diklat.toml: bukan berkas biasa" in done.stderr

    root = workspace(tmp_path / "zero")
    (root / "diklat.toml").unlink()
    (root / "diklat.toml").symlink_to("/dev/zero")
    done = _run(root, "plan")
    assert done.returncode == 3 and "diklat.toml: bukan berkas biasa" in done.stderr

    root = workspace(tmp_path / "other", PROFILE + TASK + '[[calendar]]\npath = "cal.ics"\n')
    os.mkfifo(root / "lain.toml")  # a FIFO among the files: not a file, not read
    os.mkfifo(root / "cal.ics")
    (root / ".diklat").mkdir()
    (root / ".diklat" / "progress.toml").symlink_to("/dev/zero")
    done = _run(root, "plan", "--date", "2026-12-01")
    assert done.returncode == 3
    assert "berkas kalender 'cal.ics' tidak ada" in done.stderr, done.stderr
    (root / "cal.ics").unlink()
    (root / "cal.ics").write_bytes(hostile.broken_dtstart())
    done = _run(root, "plan", "--date", "2026-12-01")
    assert done.returncode == 3 and "progress.toml: tidak dapat dibaca" in done.stderr


def test_an_unclosed_event_is_refused_at_the_line_where_the_file_ends(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Folded lines count as the lines they are in the file."""
    data = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\nBEGIN:VEVENT\r\nUID:a\r\n"
        "DESCRIPTION:satu\r\n dua\r\n tiga\r\nSUMMARY:Rapat\r\n"
    )
    text = PROFILE + TASK + '[[calendar]]\npath = "cal.ics"\n'
    root = workspace(tmp_path, text, cal__ics=data)
    assert plan(root, "--lang", "en") == 3
    err = capsys.readouterr().err
    assert (
        "cal.ics:9: [[calendar]] path: BEGIN:VEVENT (line 4) is never closed by END:VEVENT" in err
    )


@pytest.mark.parametrize(("day", "wib"), [(date(2026, 12, 1), 15), (date(2026, 7, 1), 14)])
def test_a_time_zone_from_the_year_one_still_gives_its_offsets(
    tmp_path: Path, day: date, wib: int
) -> None:
    """Its rules are read from two years before the window: winter +01:00, summer +02:00."""
    data = hostile.vtimezone_from_year_one(1).replace(b"20261201T", f"{day:%Y%m%d}T".encode())
    got = _busy(tmp_path, data, day, day)
    assert [(s.date(), s.hour) for s, _ in got] == [(day, wib)]


def test_the_scan_keeps_what_is_read_and_leaves_the_rest() -> None:
    from diklat_cli.workspace.icsscan import scan

    data = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\n"
        b"BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Rapat\r\nDTSTART:20261201T010000Z\r\nDURATION:PT1H\r\n"
        b"DESCRIPTION:panjang\r\n sekali\r\nBEGIN:VALARM\r\nTRIGGER:-PT5M\r\nEND:VALARM\r\n"
        b"END:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20200101T010000Z\r\nDTEND:20200101T020000Z\r\n"
        b"RRULE:FREQ=WEEKLY;UNTIL=20211231T000000Z\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:c\r\nDTSTART:20200101T010000Z\r\nDTEND:20200101T020000Z\r\n"
        b"RRULE:FREQ=WEEKLY;UNTIL=20211231T000000Z\r\nRDATE:20261202T010000Z\r\nEND:VEVENT\r\n"
        b"BEGIN:VTODO\r\nUID:d\r\nEND:VTODO\r\nEND:VCALENDAR\r\n"
    )
    text = scan(data, date(2026, 11, 30), date(2026, 12, 13)).text.decode()
    assert "UID:a" in text and "SUMMARY:Rapat" in text
    assert "DESCRIPTION" not in text and "VALARM" not in text  # not read, not parsed
    assert "UID:b" not in text  # a series that ended before the window
    assert "UID:c" in text  # ended, but an RDATE brings it into view
    assert "VTODO" not in text


def test_a_title_full_of_dots_is_text_not_a_long_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    title = ".".join(["1"] * 40)
    task = f'[[task]]\nid = "b"\ntitle = "Versi {title}"\nestimate = "1h"\ndue = 2026-12-04\n'
    root = workspace(tmp_path, PROFILE + TASK + task)
    assert plan(root) == 0, capsys.readouterr().err


def test_an_end_with_nothing_open_is_refused_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by the fuzz (seed 7): a second END:VCALENDAR."""
    data = hostile.broken_dtstart() + b"END:VCALENDAR\r\n"
    text = PROFILE + TASK + '[[calendar]]\npath = "cal.ics"\n'
    root = workspace(tmp_path, text, cal__ics=data)
    assert plan(root, "--lang", "en") == 3
    err = capsys.readouterr().err
    assert "cal.ics:9: [[calendar]] path: END:VCALENDAR without a BEGIN:VCALENDAR before it" in err


def test_a_time_zone_name_too_long_for_a_file_name_is_an_unknown_zone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by the fuzz (seed 11): zoneinfo looks the name up as a file, and the OS refuses."""
    data = hostile.broken_dtstart().replace(
        b"PRODID:-//hostile//EN\r\n", b"PRODID:t\r\nX-WR-TIMEZONE:" + b"9" * 400 + b"\r\n"
    )
    text = PROFILE + TASK + '[[calendar]]\npath = "cal.ics"\n'
    root = workspace(tmp_path, text, cal__ics=data)
    assert plan(root) == 0
    assert "X-WR-TIMEZONE '999" in capsys.readouterr().err


def test_an_event_of_a_century_is_skipped_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by the fuzz (seed 23): a weekly event from 1900 to 2026 gave the planner five
    thousand busy blocks of 126 years each, and it walked every day of each."""
    data = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\n"
        "DTSTART;TZID=Asia/Jakarta:19000101\r\nDTEND;TZID=Asia/Jakarta:20260105T080000\r\n"
        "RRULE:FREQ=WEEKLY;BYDAY=MO\r\nSUMMARY:Apel pagi\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    text = PROFILE + TASK + '[[calendar]]\npath = "cal.ics"\n'
    root = workspace(tmp_path, text, cal__ics=data)
    assert main(["-w", str(root), "plan", "--date", "1997-09-02"]) == 0
    assert "cal.ics: acara 'Apel pagi' dilewati: lebih dari 400 hari." in capsys.readouterr().err
