"""`diklat export` end to end: files, stdout, state, errors and exit codes."""

from __future__ import annotations

import tomllib
from pathlib import Path

import icalendar
import pytest
from typer.testing import CliRunner

from diklat_cli.cli import app, main
from diklat_cli.workspace.loader import demo_path

runner = CliRunner()

PROFILE = """\
[profile]
name = "Rina Wulandari"
nip = "198705122010012003"
timezone = "{tz}"
language = "{lang}"
"""

TRAINING = """\
[[training]]
id = "pkp"
title = "PKP Angkatan III"
location = "Kampus BPSDM"
start = 2026-12-01
end = 2026-12-31

[[training.session]]
date = 2026-12-02
until = 2026-12-03
mode = "offline"

[[training.session]]
date = 2026-12-01
time = "{online}"
mode = "online"
link = "https://zoom.us/j/123"

[[event]]
id = "rakor"
title = "Rapat koordinasi"
date = 2026-12-01
time = "08:00-09:00"
"""

KANTOR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
    "BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20261101T000000Z\r\n"
    "DTSTART;TZID=Kantor:20261201T100000\r\nDTEND;TZID=Kantor:20261201T110000\r\n"
    "SUMMARY:Apel\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def make_ws(
    root: Path,
    tz: str = "Asia/Jakarta",
    lang: str = "id",
    online: str = "13:00-15:00",
    calendar: str | None = None,
) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    text = PROFILE.format(tz=tz, lang=lang)
    if calendar is not None:
        (root / "kantor.ics").write_bytes(calendar.encode("utf-8"))
        text += '\n[[calendar]]\npath = "kantor.ics"\n'
    (root / "diklat.toml").write_text(text, encoding="utf-8")
    (root / "pelatihan.toml").write_text(TRAINING.format(online=online), encoding="utf-8")
    return root


def run(ws: Path, *args: str) -> tuple[int, bytes, str]:
    result = runner.invoke(app, ["-w", str(ws), "export", "--date", "2026-11-30", *args])
    return result.exit_code, result.stdout_bytes, result.stderr


def test_export_to_stdout_is_bytes_with_crlf(tmp_path: Path) -> None:
    code, out, _ = run(make_ws(tmp_path / "ws"))
    assert code == 0
    assert out.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert b"\r\r\n" not in out and out.count(b"\n") == out.count(b"\r\n")
    cal = icalendar.Calendar.from_ical(out)
    titles = sorted(str(e["SUMMARY"]) for e in cal.walk("VEVENT"))
    # events stay out without --include-events
    assert titles == ["PKP Angkatan III"] * 3


def test_export_to_a_file_and_remembers_identities(tmp_path: Path) -> None:
    ws = make_ws(tmp_path / "ws")
    target = tmp_path / "diklat.ics"
    code, out, _ = run(ws, "--output", str(target), "--include-events")
    assert code == 0
    assert out.decode() == (
        f"4 acara (30 November 2026 s.d. 13 Desember 2026) ditulis ke {target}.\n"
        "Impor ke kalender khusus 'Diklat'; untuk memperbarui, kosongkan kalender itu lalu impor "
        "lagi (lihat docs/calendars.md).\n"
    )
    first = target.read_bytes()
    state = tomllib.loads((ws / ".diklat" / "export.toml").read_text("utf-8"))
    assert len(state["event"]) == 4
    assert {v["sequence"] for v in state["event"].values()} == {0}
    assert not list(target.parent.glob(".*.tmp"))  # the atomic write left no temp file

    code, _, _ = run(ws, "--output", str(target), "--include-events")
    assert code == 0
    assert target.read_bytes() == first  # same plan, same bytes


def test_a_moved_session_gets_sequence_one_and_the_rest_stay(tmp_path: Path) -> None:
    ws = make_ws(tmp_path / "ws")
    target = tmp_path / "diklat.ics"
    run(ws, "-o", str(target))
    before = {
        str(e["UID"]): e for e in icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    }
    make_ws(ws, online="14:00-16:00")
    run(ws, "-o", str(target))
    after = {
        str(e["UID"]): e for e in icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    }
    assert before.keys() == after.keys()
    changed = [uid for uid in after if after[uid]["SEQUENCE"] == 1]
    assert len(changed) == 1
    (uid,) = changed
    assert after[uid].start.hour == 14
    assert after[uid]["DTSTAMP"].dt >= before[uid]["DTSTAMP"].dt
    unchanged = [u for u in after if u != uid]
    assert all(after[u]["DTSTAMP"].dt == before[u]["DTSTAMP"].dt for u in unchanged)


@pytest.mark.parametrize(
    ("tz", "line"),
    [
        ("Asia/Jakarta", b"DTSTART;TZID=Asia/Jakarta:20261201T130000"),
        ("Asia/Makassar", b"DTSTART;TZID=Asia/Makassar:20261201T130000"),
        ("Asia/Jayapura", b"DTSTART;TZID=Asia/Jayapura:20261201T130000"),
    ],
)
def test_each_indonesian_zone_has_its_vtimezone(tmp_path: Path, tz: str, line: bytes) -> None:
    _, out, _ = run(make_ws(tmp_path / "ws", tz=tz))
    assert line in out
    assert out.count(b"BEGIN:VTIMEZONE") == 1
    assert f"TZID:{tz}\r\n".encode() in out


def test_range_options(tmp_path: Path) -> None:
    ws = make_ws(tmp_path / "ws")
    _, out, _ = run(ws, "--from", "2026-12-02", "--to", "2026-12-02")
    assert out.count(b"BEGIN:VEVENT") == 1
    assert b"DTSTART;VALUE=DATE:20261202" in out


def test_english_text(tmp_path: Path) -> None:
    ws = make_ws(tmp_path / "ws", lang="en")
    _, out, _ = run(ws)
    assert b"CATEGORIES:Diklat,Training,Online" in out
    assert b"PRODID:-//diklat//diklat 0.1//EN" in out


def test_demo_is_deterministic_and_keeps_no_state(tmp_path: Path) -> None:
    args = ["export", "--date", "2027-02-10"]
    a = runner.invoke(app, args, env={"DIKLAT_WORKSPACE": ""})
    b = runner.invoke(app, args, env={"DIKLAT_WORKSPACE": ""})
    assert a.exit_code == 0, a.stderr
    assert a.stdout_bytes == b.stdout_bytes
    assert b"DTSTAMP:20270209T170000Z" in a.stdout_bytes  # midnight WIB of --date, in UTC
    assert b"SEQUENCE:0" in a.stdout_bytes
    assert not (demo_path() / ".diklat").exists()


def test_calendar_warnings_go_to_stderr(tmp_path: Path) -> None:
    ws = make_ws(tmp_path / "ws", calendar=KANTOR)
    code, out, err = run(ws)
    assert code == 0
    assert out.startswith(b"BEGIN:VCALENDAR")
    assert (
        "kantor.ics: acara 'Apel': zona waktu 'Kantor' tidak dikenal; dibaca sebagai "
        "Asia/Jakarta (WIB). Periksa jamnya." in err
    )


def test_unusable_calendar_file_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = make_ws(tmp_path / "ws", calendar="not a calendar")
    code = main(["-w", str(ws), "export", "--date", "2026-11-30"])
    assert code == 3
    err = capsys.readouterr().err
    assert "kantor.ics: [[calendar]] path: tidak berisi BEGIN:VCALENDAR" in err


def test_bad_dates_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = make_ws(tmp_path / "ws")
    assert main(["-w", str(ws), "export", "--from", "kemarin"]) == 2
    assert "--from 'kemarin' bukan tanggal; tulis seperti 2026-12-01" in capsys.readouterr().err
    code = main(["-w", str(ws), "export", "--from", "2026-12-05", "--to", "2026-12-01"])
    assert code == 2
    assert "--to 2026-12-01 sebelum --from 2026-12-05" in capsys.readouterr().err


def test_export_has_help_with_an_example() -> None:
    result = runner.invoke(app, ["export", "--help"])
    assert result.exit_code == 0
    assert "diklat export --output diklat.ics" in result.stdout
    assert "--include-events" in result.stdout


def test_options_busy_reads_the_calendars_and_warns_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from datetime import date

    from diklat_cli.cli.context import Options

    o = Options(workspace=make_ws(tmp_path / "ws", calendar=KANTOR), env={})
    first = o.busy(date(2026, 11, 30), date(2026, 12, 13))
    second = o.busy(date(2026, 12, 1), date(2026, 12, 1))  # check reads a second window
    assert [(b.title, b.start.hour) for b in first] == [("Apel", 10)]
    assert second == first
    err = capsys.readouterr().err
    assert err.count("zona waktu 'Kantor' tidak dikenal") == 1


def test_output_that_cannot_be_written_exits_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = make_ws(tmp_path / "ws")
    folder = tmp_path / "a-folder"
    folder.mkdir()
    assert main(["-w", str(ws), "export", "--date", "2026-11-30", "-o", str(folder)]) == 3
    assert f"tidak dapat menulis {folder}: itu sebuah folder" in capsys.readouterr().err
