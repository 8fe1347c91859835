"""A training's `sessions_from`: the organiser's .ics (a Zoom invitation, an LMS feed) as sessions."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime, time
from pathlib import Path

import pytest

from diklat_cli.cli import main
from diklat_cli.workspace.loader import load, load_cached
from diklat_cli.workspace.models import Session

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
PROFILE = '[profile]\nname = "Rina"\n'


def training(body: str = "", *, ics: str, end: str = "2027-03-26") -> str:
    return (
        f'[[training]]\nid = "pkp"\ntitle = "PKP Angkatan II"\nformat = "blended"\n'
        f'start = 2027-02-01\nend = {end}\njp = 830\nsessions_from = "{ics}"\n{body}'
    )


def workspace(tmp_path: Path, text: str, *files: str) -> Path:
    root = tmp_path / "ws"
    root.mkdir(exist_ok=True)
    (root / "diklat.toml").write_text(PROFILE + text, "utf-8")
    for name in files:
        shutil.copy(FIXTURES / name, root / name)
    return root


def sessions(root: Path) -> tuple[Session, ...]:
    return load(root).trainings[0].session


def test_a_zoom_invitation_with_its_exceptions(tmp_path: Path) -> None:
    root = workspace(tmp_path, training(ics="zoom-invite.ics"), "zoom-invite.ics")
    got = sessions(root)
    # eight Tuesdays, less the EXDATE (16 Feb) and the cancelled one (9 Mar); 2 Mar moved to Wed
    assert [s.date for s in got] == [
        date(2027, 2, 2),
        date(2027, 2, 9),
        date(2027, 2, 23),
        date(2027, 3, 3),
        date(2027, 3, 16),
        date(2027, 3, 23),
    ]
    moved = got[3]
    assert str(moved.time) == "09:00-11:30" and str(got[0].time) == "13:00-15:00"
    assert all(s.mode == "online" for s in got)
    assert got[0].link.startswith("https://us06web.zoom.us/j/84412345678")
    assert got[0].location == ""  # Zoom's LOCATION is the link itself
    assert {s.uid for s in got} == {"ZOOM84412345678"}
    assert isinstance(moved.recurrence_id, datetime)
    assert moved.recurrence_id.isoformat() == "2027-03-02T13:00:00+07:00"


def test_a_teams_invitation_from_outlook(tmp_path: Path) -> None:
    root = workspace(tmp_path, training(ics="teams-invite.ics"), "teams-invite.ics")
    [session] = sessions(root)
    assert (session.date, str(session.time), session.mode) == (
        date(2027, 2, 8),
        "09:00-12:00",
        "online",
    )
    assert session.link.startswith("https://teams.microsoft.com/l/meetup-join/19%3ameeting_")
    assert session.location == ""  # "Rapat Microsoft Teams" is no place to go
    assert session.uid.startswith("040000008200E00074C5B7101A82E008")


def test_only_the_trainings_dates_are_taken(tmp_path: Path) -> None:
    text = training(ics="zoom-invite.ics", end="2027-02-10")
    root = workspace(tmp_path, text, "zoom-invite.ics")
    assert [s.date for s in sessions(root)] == [date(2027, 2, 2), date(2027, 2, 9)]


def test_an_lms_feed_filtered_to_this_training(tmp_path: Path) -> None:
    text = training('sessions_match = "pkp-2027"\n', ics="lms-feed.ics")
    root = workspace(tmp_path, text, "lms-feed.ics")
    got = sessions(root)
    titles = [s.title for s in got]
    assert "Latsar CPNS Gol. III - klasikal" not in titles  # another course's event
    assert not any("dikumpulkan" in t for t in titles)  # a deadline takes no time
    webinar = got[0]
    assert (webinar.date, webinar.mode, str(webinar.time)) == (
        date(2027, 2, 1),
        "online",
        "09:00-11:00",  # 02:00Z in WIB
    )
    assert webinar.link == "https://meet.google.com/abc-defg-hij"
    classroom = [s for s in got if s.title.startswith("Pembelajaran klasikal")]
    assert [s.date for s in classroom] == [date(2027, 2, d) for d in range(22, 27)]
    assert {(s.mode, str(s.time), s.location) for s in classroom} == {
        ("offline", "08:00-16:00", "Kampus BPSDM Provinsi, Gedung B")
    }
    seminar = got[-1]
    assert (seminar.date, seminar.until, seminar.time) == (
        date(2027, 3, 24),
        date(2027, 3, 25),
        None,
    )


def test_the_mode_setting_overrides_the_link(tmp_path: Path) -> None:
    text = training('sessions_mode = "offline"\n', ics="zoom-invite.ics")
    root = workspace(tmp_path, text, "zoom-invite.ics")
    assert {s.mode for s in sessions(root)} == {"offline"}


def test_imported_sessions_sit_beside_written_ones_and_the_plan_uses_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    written = '[[training.session]]\ndate = 2027-02-04\ntime = "08:00-12:00"\nmode = "offline"\n'
    root = workspace(tmp_path, training(written, ics="zoom-invite.ics"), "zoom-invite.ics")
    got = sessions(root)
    assert got[0].date == date(2027, 2, 4) and len(got) == 7
    assert main(["-w", str(root), "plan", "--date", "2027-02-02", "--format", "json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    today = plan["days"][0]["blocks"]
    online = [b for b in today if b.get("link", "").startswith("https://us06web.zoom.us")]
    assert [(b["start"][11:16], b["end"][11:16]) for b in online] == [("13:00", "15:00")]


def test_export_keeps_the_organisers_uids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from icalendar import Calendar

    root = workspace(tmp_path, training(ics="zoom-invite.ics"), "zoom-invite.ics")
    args = ["-w", str(root), "export", "--date", "2027-02-01", "--from", "2027-02-01"]
    assert main([*args, "--to", "2027-03-31"]) == 0
    cal = Calendar.from_ical(capsys.readouterr().out)
    ours = [e for e in cal.walk("VEVENT") if str(e["UID"]) == "ZOOM84412345678"]
    rids = [e["RECURRENCE-ID"].dt.isoformat() for e in ours]
    assert len(rids) == len(set(rids)) == 6  # one per occurrence, as the organiser numbers them
    assert "2027-03-02T13:00:00+07:00" in rids  # the moved one keeps its original's identity
    moved = next(e for e in ours if e["RECURRENCE-ID"].dt.date() == date(2027, 3, 2))
    assert moved.start.date() == date(2027, 3, 3) and moved.start.time() == time(9, 0)


def test_a_new_download_of_the_schedule_is_read_at_the_next_run(tmp_path: Path) -> None:
    root = workspace(tmp_path, training(ics="zoom-invite.ics"), "zoom-invite.ics")
    cache = tmp_path / "cache"
    assert load_cached(root, cache).trainings[0].session[0].title.endswith("Mingguan")
    ics = root / "zoom-invite.ics"
    ics.write_text(ics.read_text("utf-8").replace("Mingguan", "Pekan Ini"), "utf-8")
    assert load_cached(root, cache).trainings[0].session[0].title.endswith("Pekan Ini")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x00\x01BEGIN:VCALENDAR", "jadwal.ics:1: bukan berkas teks"),
        (b"<html>Login SIMPEL</html>", "jadwal.ics: tidak berisi BEGIN:VCALENDAR"),
        (
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
            "jadwal.ics: sessions_from: tidak ada acara antara 2027-02-01 dan 2027-03-26",
        ),
    ],
)
def test_a_schedule_that_cannot_be_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str
) -> None:
    root = workspace(tmp_path, training(ics="jadwal.ics"))
    (root / "jadwal.ics").write_bytes(content)
    assert main(["-w", str(root), "plan"]) == 3
    assert expected in capsys.readouterr().err


def test_a_missing_schedule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = workspace(tmp_path, training(ics="jadwal.ics"))
    assert main(["-w", str(root), "--lang", "en", "plan"]) == 3
    assert "jadwal.ics: the file does not exist; save the export" in capsys.readouterr().err


def test_a_schedule_with_a_broken_event_and_one_too_big(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = workspace(tmp_path, training(ics="jadwal.ics"))
    broken = (
        (FIXTURES / "lms-feed.ics")
        .read_text("utf-8")
        .replace("DTSTART:20270201T020000Z", "DTSTART:besok-pagi")
    )
    (root / "jadwal.ics").write_text(broken, "utf-8")
    assert main(["-w", str(root), "plan"]) == 3
    assert "jadwal.ics: acara 'Webinar pembukaan': " in capsys.readouterr().err
    (root / "jadwal.ics").write_bytes(b"BEGIN:VCALENDAR\r\n" + b"X" * (21 * 1024 * 1024))
    assert main(["-w", str(root), "plan"]) == 3
    assert "jadwal.ics: berkas terlalu besar (21.0 MB; batasnya 20 MB)" in capsys.readouterr().err
