"""Places have time zones (issue 9, point 7): hours written on another clock are the right
instants in `plan`, `check` and `export`, and a day away in another zone runs on its clock.

The workspace is the issue's: a JF analyst at Bappeda Kota Makassar (WITA) on a blended course
run from Jakarta (WIB): Zoom classes on Tuesdays and Thursdays in December at 13.00-16.00 WIB,
then a week of classes in Jakarta in January.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar as ICalendar

from diklat_cli import compose
from diklat_cli.cli import main
from diklat_cli.render.ics import to_ical
from diklat_cli.workspace.holidays_id import HolidayData
from diklat_cli.workspace.loader import load
from diklat_cli.workspace.state import ExportState, Progress

WITA = ZoneInfo("Asia/Makassar")
WIB = ZoneInfo("Asia/Jakarta")

PROFILE = """[profile]
name = "Nurul Hidayah, S.IP."
nip = "199503122020122015"
position = "Analis Kebijakan Ahli Pertama"
unit = "Bappeda Kota Makassar"
timezone = "Asia/Makassar"

[study]
windows = ["19:00-21:00"]

[planning]
annual_jp_target = 0
"""

COURSE = """[[training]]
id = "pka"
title = "Pelatihan Analis Kebijakan"
format = "blended"
location = "Jakarta"
timezone = "WIB"
start = 2026-12-01
end = 2027-01-15
handover_to = "andi"
study_per_week = "3h"

[[training.session]]
title = "Kelas daring"
rrule = "FREQ=WEEKLY;BYDAY=TU,TH"
from = 2026-12-01
until = 2026-12-23
time = "13:00-16:00"
mode = "online"
link = "https://zoom.us/j/123"

[[training.session]]
title = "Klasikal di Jakarta"
date = 2027-01-11
until = 2027-01-15
time = "08:00-16:00"
"""

OFFICE = """[[colleague]]
id = "andi"
name = "Andi Saputra, S.E."

[[event]]
id = "rapat-selasa"
title = "Rapat bidang"
rrule = "FREQ=WEEKLY;BYDAY=TU"
from = 2026-11-03
time = "08:00-09:00"

[[event]]
id = "telepon"
title = "Telepon Kemendagri"
date = 2026-12-10
time = "16:00-17:00"

[[event]]
id = "siang"
title = "Makan siang bersama"
date = 2026-12-15
time = "13:00-14:00"

[[task]]
id = "renstra"
title = "Telaah Renstra"
estimate = "12h"
due = 2026-12-18
important = true
"""


def workspace(tmp_path: Path, *, course: str = COURSE, profile: str = PROFILE) -> Path:
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "diklat.toml").write_text(profile, "utf-8")
    (tmp_path / "diklat-pka.toml").write_text(course, "utf-8")
    (tmp_path / "kantor.toml").write_text(OFFICE, "utf-8")
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def plan_json(capsys: pytest.CaptureFixture[str], ws: Path, day: str, *more: str) -> dict:
    code, out, err = run(capsys, "-w", str(ws), "plan", "--date", day, "-f", "json", *more)
    assert code in (0, 1), err
    return json.loads(out)


def blocks(data: dict, day: str) -> list[dict]:
    return next(d["blocks"] for d in data["days"] if d["date"] == day)


def instant(text: str) -> datetime:
    return datetime.fromisoformat(text)


# --- plan --------------------------------------------------------------------------------------


def test_an_online_class_from_jakarta_is_an_hour_later_in_makassar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = plan_json(capsys, workspace(tmp_path), "2026-12-08")
    zoom = next(b for b in blocks(data, "2026-12-08") if b["kind"] == "training")
    assert zoom["start"] == "2026-12-08T14:00:00+08:00"
    assert zoom["end"] == "2026-12-08T17:00:00+08:00"
    assert zoom["timezone"] == "Asia/Jakarta"
    assert zoom["local_start"] == "2026-12-08T13:00:00+07:00"
    assert zoom["local_end"] == "2026-12-08T16:00:00+07:00"
    meeting = next(b for b in blocks(data, "2026-12-08") if b["kind"] == "event")
    assert meeting["timezone"] is None and meeting["local_start"] is None


def test_the_planner_places_work_around_the_right_instants(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """13.00-14.00 WITA is free on a class day (the class is 14.00-17.00 WITA); nothing of the
    user's work lands in the class."""
    data = plan_json(capsys, workspace(tmp_path), "2026-12-08", "--days", "3")
    day = blocks(data, "2026-12-08")
    zoom = next(b for b in day if b["kind"] == "training")
    tasks = [b for b in day if b["kind"] == "task"]
    assert any(b["start"] == "2026-12-08T13:00:00+08:00" for b in tasks)
    for b in tasks:
        assert instant(b["end"]) <= instant(zoom["start"]) or instant(b["start"]) >= instant(
            zoom["end"]
        )


@pytest.mark.parametrize(
    ("lang", "line"),
    [("id", "13.00–16.00 WIB"), ("en", "13:00–16:00 WIB")],
)
def test_terminal_shows_the_users_time_and_the_local_time_beside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, line: str
) -> None:
    code, out, _ = run(
        capsys, "-w", str(workspace(tmp_path)), "--lang", lang, "plan", "--date", "2026-12-08"
    )
    assert code in (0, 1)
    rows = out.splitlines()
    at = next(i for i, r in enumerate(rows) if "Kelas daring" in r)
    assert ("14.00–17.00" if lang == "id" else "14:00–17:00") in rows[at]
    assert line in rows[at + 1]


def test_markdown_shows_the_local_time_beside(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "-w", str(workspace(tmp_path)), "plan", "--date", "2026-12-08", "-f", "markdown"
    )
    assert code in (0, 1)
    assert "- **14.00–17.00** (13.00–16.00 WIB) Sesi pelatihan daring: Kelas daring" in out
    assert "- **08.00–09.00** Rapat: Rapat bidang" in out  # the user's own clock: nothing beside


def test_a_week_in_jakarta_runs_on_jakartas_clock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Her office hours do not apply while away (no work is planned), the class is 08.00-16.00
    WIB (09.00-17.00 WITA), and the study window 19.00-21.00 is Jakarta's: 20.00-22.00 WITA."""
    data = plan_json(capsys, workspace(tmp_path), "2027-01-11", "--days", "5")
    for d in ("2027-01-11", "2027-01-12", "2027-01-13", "2027-01-14", "2027-01-15"):
        day = blocks(data, d)
        assert not [b for b in day if b["kind"] == "task"]
        klas = next(b for b in day if b["kind"] == "training")
        assert klas["start"] == f"{d}T09:00:00+08:00" and klas["end"] == f"{d}T17:00:00+08:00"
        assert klas["local_start"] == f"{d}T08:00:00+07:00"
        for b in day:
            if b["kind"] == "study":
                start, end = instant(b["start"]), instant(b["end"])
                assert time(20) <= start.astimezone(WITA).time(), b
                assert end.astimezone(WIB).time() <= time(21), b
    assert any(b["kind"] == "study" for d in data["days"] for b in d["blocks"])


def test_at_home_the_study_windows_stay_on_the_users_clock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = plan_json(capsys, workspace(tmp_path), "2026-12-08", "--days", "7")
    studies = [b for d in data["days"] for b in d["blocks"] if b["kind"] == "study"]
    assert studies
    for b in studies:
        assert time(19) <= instant(b["start"]).astimezone(WITA).time()
        assert instant(b["end"]).astimezone(WITA).time() <= time(21)


# --- check -------------------------------------------------------------------------------------


def test_check_compares_the_right_instants(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A call at 16.00-17.00 WITA falls in the class (14.00-17.00 WITA); lunch at 13.00-14.00 WITA
    does not, though both would read the other way on Jakarta's clock."""
    code, out, _ = run(
        capsys, "-w", str(workspace(tmp_path)), "check", "--date", "2026-12-07", "--format", "json"
    )
    assert code == 1
    clashes = [f["message"] for f in json.loads(out)["findings"] if f["kind"] == "meeting"]
    assert any('"Telepon Kemendagri"' in m for m in clashes)
    assert not any('"Makan siang bersama"' in m for m in clashes)
    assert not any('"Rapat bidang"' in m for m in clashes)


# --- export ------------------------------------------------------------------------------------


def test_export_writes_the_session_in_its_own_zone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.ics"
    ws = workspace(tmp_path / "ws")
    code, _, err = run(
        capsys,
        "-w",
        str(ws),
        "export",
        "--date",
        "2026-12-07",
        "--from",
        "2026-12-08",
        "--to",
        "2026-12-10",
        "--include-events",
        "-o",
        str(out),
    )
    assert code == 0, err
    raw = out.read_bytes()
    assert b"DTSTART;TZID=Asia/Jakarta:20261208T130000" in raw
    assert b"DTSTART;TZID=Asia/Makassar:20261208T080000" in raw  # her own meeting, her clock
    cal = ICalendar.from_ical(raw)
    assert not cal.get_missing_tzids()
    assert {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")} == {"Asia/Jakarta", "Asia/Makassar"}
    zoom = next(e for e in cal.walk("VEVENT") if str(e["SUMMARY"]) == "Kelas daring")
    assert zoom.decoded("DTSTART") == datetime(2026, 12, 8, 14, tzinfo=WITA)
    assert "Jam: 13.00–16.00 WIB" in str(zoom["DESCRIPTION"])


# --- what the loader refuses or reads -----------------------------------------------------------


def test_an_unknown_zone_is_refused_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = workspace(tmp_path, course=COURSE.replace('timezone = "WIB"', 'timezone = "Jakarta"'))
    code, _, err = run(capsys, "-w", str(ws), "--lang", "en", "plan", "--date", "2026-12-08")
    assert code == 3
    assert "diklat-pka.toml:6: training[pka].timezone: 'Jakarta' is not a known time zone" in err
    assert 'write WIB, WITA or WIT, or an IANA name such as "Asia/Jakarta" (WIB)' in err


@pytest.mark.parametrize(
    ("written", "zone"),
    [("wita", "Asia/Makassar"), ("WIT", "Asia/Jayapura"), ("Asia/Pontianak", "Asia/Pontianak")],
)
def test_the_indonesian_names_are_read_as_their_zones(
    tmp_path: Path, written: str, zone: str
) -> None:
    ws = workspace(tmp_path, course=COURSE.replace('timezone = "WIB"', f'timezone = "{written}"'))
    assert load(ws).trainings[0].timezone == zone


def test_a_session_inherits_its_trainings_zone_and_may_set_its_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    course = COURSE.replace(
        'time = "08:00-16:00"\n', 'time = "08:00-16:00"\ntimezone = "Asia/Makassar"\n'
    )
    data = plan_json(capsys, workspace(tmp_path, course=course), "2027-01-11", "--days", "1")
    klas = next(b for b in blocks(data, "2027-01-11") if b["kind"] == "training")
    assert klas["start"] == "2027-01-11T08:00:00+08:00"
    assert klas["timezone"] is None  # on the user's own clock


WIT_PROFILE = PROFILE.replace("Asia/Makassar", "Asia/Jayapura")


def test_hours_past_midnight_on_the_users_clock_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """21.00-23.00 WIB is 23.00-01.00 WIT: a block of one day cannot hold it."""
    course = COURSE.replace('"13:00-16:00"', '"21:00-23:00"')
    ws = workspace(tmp_path, course=course, profile=WIT_PROFILE)
    code, _, err = run(capsys, "-w", str(ws), "--lang", "en", "plan", "--date", "2026-12-08")
    assert code == 3
    line = course.splitlines().index('time = "21:00-23:00"') + 1
    assert (
        f"/diklat-pka.toml:{line}: training[pka].session[1].time: 21:00-23:00 WIB is 23:00-01:00 WIT "
        "in your zone: it runs past midnight; diklat plans a day at a time: split it in two"
    ) in err
    assert "Traceback" not in err


def test_hours_wholly_on_the_next_day_are_on_that_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """22.00-23.30 WIB on Tuesday is 00.00-01.30 WIT on Wednesday."""
    course = COURSE.replace('"13:00-16:00"', '"22:00-23:30"')
    ws = workspace(tmp_path, course=course, profile=WIT_PROFILE)
    data = plan_json(capsys, ws, "2026-12-08", "--days", "2")
    assert not [b for b in blocks(data, "2026-12-08") if b["kind"] == "training"]
    zoom = next(b for b in blocks(data, "2026-12-09") if b["kind"] == "training")
    assert zoom["start"] == "2026-12-09T00:00:00+09:00"
    assert zoom["local_start"] == "2026-12-08T22:00:00+07:00"


# --- one instant in plan JSON, check and export, for any pair of zones ---------------------------

ZONES = [
    "Asia/Jakarta",
    "Asia/Pontianak",
    "Asia/Makassar",
    "Asia/Jayapura",
    "UTC",
    "Asia/Kolkata",  # +05:30
    "Asia/Kathmandu",  # +05:45
    "Australia/Darwin",  # +09:30
    "Asia/Tokyo",
]
MONDAY = date(2026, 12, 7)


def _hhmm(moment: datetime) -> str:
    return f"{moment:%H:%M}"


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    yours=st.sampled_from(ZONES),
    theirs=st.sampled_from(ZONES),
    start=st.integers(6 * 4, 18 * 4).map(lambda q: time(q // 4, q % 4 * 15)),
    quarters=st.integers(2, 12),
    weekday=st.integers(1, 3),
)
# 06.00 WIB on Tuesday is 23.00 UTC on Monday: the class and the meeting are Monday's for the user
@example(yours="UTC", theirs="Asia/Jakarta", start=time(6), quarters=2, weekday=1)
@example(yours="Asia/Jakarta", theirs="Asia/Jayapura", start=time(6, 30), quarters=4, weekday=2)
def test_one_instant_in_plan_check_and_export(
    tmp_path_factory: pytest.TempPathFactory,
    yours: str,
    theirs: str,
    start: time,
    quarters: int,
    weekday: int,
) -> None:
    day = MONDAY + timedelta(days=weekday)
    begin = datetime.combine(day, start, ZoneInfo(theirs))
    end = begin + timedelta(minutes=15 * quarters)
    here = ZoneInfo(yours)
    mine0, mine1 = begin.astimezone(here), end.astimezone(here)
    if mine0.date() != mine1.date() or mine0.time() < time(0, 15):
        return  # refused or on another day: the tests above
    before = mine0 - timedelta(minutes=15)
    root = tmp_path_factory.mktemp("zones")
    (root / "diklat.toml").write_text(
        f'[profile]\nname = "Rina"\ntimezone = "{yours}"\n[planning]\nannual_jp_target = 0\n'
    )
    (root / "items.toml").write_text(
        f'[[training]]\nid = "t"\ntitle = "Kelas"\ntimezone = "{theirs}"\n'
        f"start = {day}\nend = {day}\n"
        f'[[training.session]]\ndate = {day}\ntime = "{begin:%H:%M}-{end:%H:%M}"\n'
        'mode = "online"\n'
        # the first touches the class's start and the second overlaps it by 15 minutes
        f'[[event]]\ntitle = "Sebelum"\ndate = {mine0.date()}\n'
        f'time = "{_hhmm(before)}-{_hhmm(mine0)}"\n'
        f'[[event]]\ntitle = "Bersamaan"\ndate = {mine0.date()}\n'
        f'time = "{_hhmm(mine0)}-{_hhmm(mine0 + timedelta(minutes=15))}"\n'
    )
    ws = load(root)
    none = HolidayData()
    plan, found = compose.plan_and_findings(ws, MONDAY, holidays=none, busy=(), progress=Progress())
    [block] = [b for d in plan.days for b in d.blocks if b.kind == "training"]
    assert (block.start, block.end) == (begin, end)
    clashes = [c.facts.meeting for c in found if c.facts.kind == "meeting"]
    assert clashes == ["Bersamaan"]
    wide, _, _ = compose.export_windows(ws, MONDAY, day, day)
    eplan, cal = compose.export(wide, MONDAY, day, day, holidays=none, busy=(), progress=Progress())
    raw, _ = to_ical(
        eplan, wide, day, day, calendar=cal, state=ExportState(), now=begin, include_events=False
    )
    [event] = [e for e in ICalendar.from_ical(raw).walk("VEVENT") if str(e["SUMMARY"]) == "Kelas"]
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (begin, end)


def test_the_handover_sheet_gives_a_meeting_its_own_zone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A call written 09.00-10.00 WIT during the week in Jakarta: the colleague who attends it
    reads its hours as written, with its zone, and the Zoom classes in the user's WITA."""
    ws = workspace(tmp_path)
    (ws / "jayapura.toml").write_text(
        '[[event]]\ntitle = "Rapat daring Papua"\ndate = 2027-01-12\ntime = "09:00-10:00"\n'
        'timezone = "WIT"\n',
        "utf-8",
    )
    code, out, err = run(capsys, "-w", str(ws), "handover", "pka", "--date", "2026-11-30")
    assert code == 0, err
    assert "09.00–10.00 WIT" in out
    assert "14.00–17.00 WITA" in out
