"""Real calendar clients read diklat's .ics: every event at the right instant in WIB, WITA and WIT.

khal and calcurse are the clients themselves; ical.js is the parser Thunderbird builds on; libical
is what Evolution and GNOME use. `.ci/install-clients` installs them. Locally a missing client
skips its test with the reason; in CI (CI=true) it fails, so a broken install cannot pass as green.

The expected instants are written out by hand from the local times and each zone's offset, not
computed with the code under test.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from diklat_cli.planning.calendar import Calendar
from diklat_cli.planning.plan import Block, DayPlan, Plan
from diklat_cli.render.ics import to_ical
from diklat_cli.workspace.holidays_id import HolidayData
from diklat_cli.workspace.loader import validate
from diklat_cli.workspace.models import Event, Profile, Training, Workspace
from diklat_cli.workspace.state import ExportState

pytestmark = pytest.mark.clients

HERE = Path(__file__).resolve().parent
ZONES = {"Asia/Jakarta": 7, "Asia/Makassar": 8, "Asia/Jayapura": 9}  # WIB, WITA, WIT
MON = date(2026, 11, 30)
FIRST, LAST = MON, MON + timedelta(days=6)

# (summary, local day offset from MON, local start, local end); None times = all day
TIMED = [
    ("Laporan TW IV", 0, time(7, 30), time(9, 0)),
    ("Rapat koordinasi", 0, time(8, 0), time(9, 0)),
    ("Belajar mandiri: PKP", 0, time(19, 45), time(21, 15)),
    ("Rekap absensi", 1, time(6, 15), time(7, 15)),  # before 07.00 WIT: the previous UTC day
    ("PKP sesi daring", 1, time(13, 0), time(15, 0)),
]
ALL_DAY = [("PKP Angkatan III", 2), ("PKP Angkatan III", 3)]

Seen = set[tuple[str, str, str]]


def expected(zone: str) -> Seen:
    offset = timedelta(hours=ZONES[zone])
    out: Seen = set()
    for summary, day, start, end in TIMED:
        d = MON + timedelta(days=day)
        s = datetime.combine(d, start) - offset
        e = datetime.combine(d, end) - offset
        out.add((summary, f"{s:%Y-%m-%dT%H:%M:%SZ}", f"{e:%Y-%m-%dT%H:%M:%SZ}"))
    for summary, day in ALL_DAY:
        d = MON + timedelta(days=day)
        out.add((summary, d.isoformat(), (d + timedelta(days=1)).isoformat()))
    return out


def workspace(zone: str) -> Workspace:
    training = validate(
        Training,
        {
            "id": "pkp",
            "title": "PKP Angkatan III",
            "location": "Kampus BPSDM",
            "start": "2026-12-01",
            "end": "2026-12-31",
            "session": [
                {"date": "2026-12-02", "until": "2026-12-03", "mode": "offline"},
                {
                    "title": "PKP sesi daring",
                    "date": "2026-12-01",
                    "time": "13:00-15:00",
                    "mode": "online",
                    "link": "https://zoom.us/j/123",
                },
            ],
        },
    )
    meeting = validate(
        Event,
        {"id": "rakor", "title": "Rapat koordinasi", "date": "2026-11-30", "time": "08:00-09:00"},
    )
    return Workspace(
        profile=Profile(name="Rina Wulandari", timezone=zone),
        trainings=(training,),
        events=(meeting,),
    )


def export(zone: str, tmp_path: Path, shift: timedelta = timedelta()) -> Path:
    tz = ZoneInfo(zone)

    def at(day: int, t: time) -> datetime:
        return datetime.combine(MON + timedelta(days=day), t, tz) + shift

    blocks = [
        Block(at(0, time(7, 30)), at(0, time(9)), "task", "lap-tw4", "Laporan TW IV"),
        Block(at(0, time(19, 45)), at(0, time(21, 15)), "study", "pkp", "PKP"),
        Block(
            at(1, time(6, 15)), at(1, time(7, 15)), "task", "absensi@2026-12-01", "Rekap absensi"
        ),
    ]
    days = tuple(
        DayPlan(
            MON + timedelta(days=i),
            True,
            None,
            tuple(b for b in blocks if b.start.date() == MON + timedelta(days=i)),
        )
        for i in range(7)
    )
    plan = Plan(zone, MON, days, ())
    ws = workspace(zone)
    data, _ = to_ical(
        plan,
        ws,
        FIRST,
        LAST,
        calendar=Calendar(ws, HolidayData(), FIRST, LAST),
        state=ExportState(),
        now=datetime(2026, 11, 29, tzinfo=UTC),
        include_events=True,
    )
    path = tmp_path / f"diklat-{zone.split('/')[1]}.ics"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def need(ok: bool, reason: str) -> None:
    if ok:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI must have it (bash .ci/install-clients)")
    pytest.skip(f"{reason} (install with: bash .ci/install-clients)")


def run(cmd: list[str], **kw: object) -> str:
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False, **kw)  # type: ignore[call-overload]
    assert result.returncode == 0, f"{cmd[0]} failed ({result.returncode}):\n{result.stderr}"
    return str(result.stdout)


# --- the clients ----------------------------------------------------------------------------


def read_khal(ics: Path, tmp_path: Path, local: str = "UTC") -> Seen:
    need(shutil.which("khal") is not None, "khal is not installed")
    cal = tmp_path / "khal" / "cal"
    cal.mkdir(parents=True)
    config = tmp_path / "xdg-config" / "khal" / "config"
    config.parent.mkdir(parents=True)
    # UTC as khal's local zone turns its listing into the instants themselves
    config.write_text(
        f"""[calendars]
[[diklat]]
path = {cal}
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = {local}
default_timezone = {local}
""",
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(config.parent.parent),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "XDG_CACHE_HOME": str(tmp_path / "xdg-cache"),
    }
    run(["khal", "import", "--batch", "-a", "diklat", str(ics)], env=env)
    out = run(
        [
            "khal",
            "list",
            "--day-format",
            "",
            "--format",
            "{start}|{end}|{all-day}|{title}",
            "2026-11-28",
            "10d",
        ],
        env=env,
    )
    seen: Seen = set()
    for line in filter(None, out.splitlines()):
        start, end, all_day, title = line.split("|", 3)
        if all_day == "True":
            last = date.fromisoformat(end)  # khal shows the last day, not the exclusive end
            seen.add((title, start, (last + timedelta(days=1)).isoformat()))
        else:
            seen.add((title, start, end) if local != "UTC" else (title, _utc(start), _utc(end)))
    return seen


def read_calcurse(ics: Path, tmp_path: Path) -> Seen:
    need(shutil.which("calcurse") is not None, "calcurse is not installed")
    store = tmp_path / "calcurse"
    store.mkdir()
    env = {**os.environ, "TZ": "UTC"}  # calcurse shows times in TZ: UTC shows the instants
    report = run(["calcurse", "-D", str(store), "-i", str(ics)], env=env)
    assert "0 skipped" in report, report
    out = run(
        [
            "calcurse",
            "-D",
            str(store),
            "--input-datefmt",
            "4",
            "-Q",
            "--from",
            "2026-11-28",
            "--to",
            "2026-12-08",
            "--format-apt",
            "apt|%(start:%Y-%m-%d %H:%M)|%(end:%Y-%m-%d %H:%M)|%m\\n",
            "--format-event",
            "event|%m\\n",
        ],
        env=env,
    )
    seen: Seen = set()
    day = ""
    for line in filter(None, out.splitlines()):
        if line.endswith(":") and "|" not in line:
            day = datetime.strptime(line[:-1], "%m/%d/%y").date().isoformat()  # the day heading
        elif line.startswith("apt|"):
            _, start, end, title = line.split("|", 3)
            seen.add((title, _utc(start), _utc(end)))
        elif line.startswith("event|"):
            next_day = date.fromisoformat(day) + timedelta(days=1)
            seen.add((line.split("|", 1)[1], day, next_day.isoformat()))
    return seen


def read_icaljs(ics: Path, tmp_path: Path) -> Seen:
    node = shutil.which("node")
    need(node is not None, "node is not installed")
    need(
        (HERE / "node_modules" / "ical.js" / "package.json").is_file(),
        "ical.js is not installed in tests/clients/node_modules",
    )
    assert node is not None
    return _json_lines(run([node, str(HERE / "icaljs_instants.mjs"), str(ics)]))


def read_libical(ics: Path, tmp_path: Path) -> Seen:
    python = Path("/usr/bin/python3")
    probe = (
        subprocess.run(
            [str(python), "-c", "import gi; gi.require_version('ICalGLib', '3.0')"],
            capture_output=True,
            check=False,
        )
        if python.is_file()
        else None
    )
    need(
        probe is not None and probe.returncode == 0,
        "libical's GObject bindings (gir1.2-ical-3.0, python3-gi) are not installed",
    )
    return _json_lines(run([str(python), str(HERE / "libical_instants.py"), str(ics)]))


def _utc(text: str) -> str:
    return f"{datetime.strptime(text.strip(), '%Y-%m-%d %H:%M'):%Y-%m-%dT%H:%M:%SZ}"


def _json_lines(out: str) -> Seen:
    seen: Seen = set()
    for line in filter(None, out.splitlines()):
        ev = json.loads(line)
        start, end = (ev["start"].replace(".000Z", "Z"), ev["end"].replace(".000Z", "Z"))
        seen.add((ev["summary"], start, end))
    return seen


CLIENTS: dict[str, Callable[[Path, Path], Seen]] = {
    "khal": read_khal,
    "calcurse": read_calcurse,
    "ical.js": read_icaljs,
    "libical": read_libical,
}


@pytest.mark.parametrize("zone", list(ZONES))
@pytest.mark.parametrize("client", list(CLIENTS))
def test_client_sees_every_event_at_the_right_instant(
    client: str, zone: str, tmp_path: Path
) -> None:
    ics = export(zone, tmp_path)
    seen = CLIENTS[client](ics, tmp_path)
    assert seen == expected(zone)


def test_icaljs_finds_one_vtimezone_per_tzid_reminders_and_transparency(tmp_path: Path) -> None:
    node = shutil.which("node")
    need(node is not None and (HERE / "node_modules" / "ical.js").is_dir(), "ical.js is missing")
    assert node is not None
    out = run([node, str(HERE / "icaljs_instants.mjs"), str(export("Asia/Makassar", tmp_path))])
    events = [json.loads(line) for line in out.splitlines()]
    timed = [e for e in events if not e["allDay"]]
    assert {e["zone"] for e in timed} == {"Asia/Makassar"}
    assert all(e["alarms"] == ["DISPLAY -PT10M"] for e in timed)
    assert all(e["alarms"] == [] for e in events if e["allDay"])
    assert {e["transp"] for e in events} == {"OPAQUE"}


def test_khal_updates_a_moved_block_in_place(tmp_path: Path) -> None:
    """khal keys events by UID: re-importing a revised plan moves the block, with no duplicate."""
    need(shutil.which("khal") is not None, "khal is not installed")
    first = export("Asia/Jakarta", tmp_path / "a")
    seen = read_khal(first, tmp_path)
    assert ("Laporan TW IV", "2026-11-30T00:30:00Z", "2026-11-30T02:00:00Z") in seen
    later = export("Asia/Jakarta", tmp_path / "b", shift=timedelta(hours=1))
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path / "xdg-config"),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "XDG_CACHE_HOME": str(tmp_path / "xdg-cache"),
    }
    run(["khal", "import", "--batch", "-a", "diklat", str(later)], env=env)
    files = list((tmp_path / "khal" / "cal").iterdir())
    assert len(files) == len(expected("Asia/Jakarta"))
    out = run(["khal", "list", "--format", "{start}|{title}", "2026-11-30", "1d"], env=env)
    assert "2026-11-30 01:30|Laporan TW IV" in out


def test_calcurse_duplicates_on_a_second_import(tmp_path: Path) -> None:
    """calcurse keeps no UIDs: why docs/calendars.md says to empty the calendar before updating."""
    need(shutil.which("calcurse") is not None, "calcurse is not installed")
    ics = export("Asia/Jakarta", tmp_path)
    store = tmp_path / "calcurse"
    store.mkdir()
    env = {**os.environ, "TZ": "UTC"}
    run(["calcurse", "-D", str(store), "-i", str(ics)], env=env)
    once = (store / "apts").read_text(encoding="utf-8").splitlines()
    run(["calcurse", "-D", str(store), "-i", str(ics)], env=env)
    twice = (store / "apts").read_text(encoding="utf-8").splitlines()
    assert len(once) == len(expected("Asia/Jakarta"))
    assert len(twice) == 2 * len(once)


# --- hours written on another clock (issue 9, point 7) -----------------------------------------

# a user in Makassar (WITA): a class run from Jakarta at 13.00-15.00 WIB, a call from Jayapura at
# 09.00-10.00 WIT; each is written in its own zone, and is the same instant everywhere
ELSEWHERE = {
    ("Kelas daring dari Jakarta", "2026-12-01T06:00:00Z", "2026-12-01T08:00:00Z"),
    ("Rapat daring dari Jayapura", "2026-12-02T00:00:00Z", "2026-12-02T01:00:00Z"),
}


def export_elsewhere(tmp_path: Path) -> Path:
    training = validate(
        Training,
        {
            "id": "pka",
            "title": "Pelatihan Analis Kebijakan",
            "timezone": "WIB",
            "start": "2026-12-01",
            "end": "2026-12-31",
            "session": [
                {
                    "title": "Kelas daring dari Jakarta",
                    "date": "2026-12-01",
                    "time": "13:00-15:00",
                    "mode": "online",
                }
            ],
        },
    )
    call = validate(
        Event,
        {
            "title": "Rapat daring dari Jayapura",
            "date": "2026-12-02",
            "time": "09:00-10:00",
            "timezone": "Asia/Jayapura",
        },
    )
    ws = Workspace(
        profile=Profile(name="Nurul Hidayah", timezone="Asia/Makassar"),
        trainings=(training,),
        events=(call,),
    )
    plan = Plan("Asia/Makassar", MON, (), ())
    data, _ = to_ical(
        plan,
        ws,
        FIRST,
        LAST,
        calendar=Calendar(ws, HolidayData(), FIRST, LAST),
        state=ExportState(),
        now=datetime(2026, 11, 29, tzinfo=UTC),
        include_events=True,
    )
    path = tmp_path / "diklat-elsewhere.ics"
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("client", list(CLIENTS))
def test_client_sees_hours_written_on_another_clock_at_the_right_instant(
    client: str, tmp_path: Path
) -> None:
    ics = export_elsewhere(tmp_path)
    assert b"DTSTART;TZID=Asia/Jakarta:20261201T130000" in ics.read_bytes()
    assert b"DTSTART;TZID=Asia/Jayapura:20261202T090000" in ics.read_bytes()
    assert CLIENTS[client](ics, tmp_path) == ELSEWHERE


def test_khal_in_makassar_shows_a_jakarta_class_an_hour_later(tmp_path: Path) -> None:
    seen = read_khal(export_elsewhere(tmp_path), tmp_path, local="Asia/Makassar")
    assert seen == {
        ("Kelas daring dari Jakarta", "2026-12-01 14:00", "2026-12-01 16:00"),
        ("Rapat daring dari Jayapura", "2026-12-02 08:00", "2026-12-02 09:00"),
    }
