"""Reading the user's .ics exports (Google, Outlook, hand-written, hostile) as busy time."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from diklat_cli.errors import WorkspaceError
from diklat_cli.planning.calendar import BusyEvent
from diklat_cli.workspace.icsimport import MAX_OCCURRENCES, read_calendars
from diklat_cli.workspace.models import CalendarSource, Profile, Workspace

JKT = ZoneInfo("Asia/Jakarta")
MKS = ZoneInfo("Asia/Makassar")
FIRST, LAST = date(2026, 11, 30), date(2026, 12, 13)


def ics(*lines: str) -> bytes:
    """A calendar file as clients write it: CRLF line ends."""
    return "".join(f"{line}\r\n" for line in lines).encode("utf-8")


def vevent(*lines: str) -> tuple[str, ...]:
    return ("BEGIN:VEVENT", "DTSTAMP:20261101T000000Z", *lines, "END:VEVENT")


def cal(*events: tuple[str, ...], head: tuple[str, ...] = ()) -> bytes:
    body = [line for ev in events for line in ev]
    return ics(
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//test//EN", *head, *body, "END:VCALENDAR"
    )


GOOGLE = cal(
    # weekly Mon/Wed 09:00 WIB stored in UTC; Wed 2 Dec cancelled; Mon 7 Dec moved to 11:00
    vevent(
        "UID:rapat@google.com",
        "DTSTART:20261130T020000Z",
        "DTEND:20261130T030000Z",
        "RRULE:FREQ=WEEKLY;BYDAY=MO,WE",
        "EXDATE:20261202T020000Z",
        "SUMMARY:Rapat mingguan",
    ),
    vevent(
        "UID:rapat@google.com",
        "RECURRENCE-ID:20261207T020000Z",
        "DTSTART:20261207T040000Z",
        "DTEND:20261207T050000Z",
        "SUMMARY:Rapat mingguan (dipindah)",
    ),
    vevent(
        "UID:float@google.com",
        "DTSTART:20261201T130000",
        "DTEND:20261201T140000",
        "SUMMARY:Konsultasi",
    ),
    vevent(
        "UID:free@google.com",
        "DTSTART:20261201T080000Z",
        "DTEND:20261201T090000Z",
        "TRANSP:TRANSPARENT",
        "SUMMARY:Bisa diganggu",
    ),
    vevent(
        "UID:holiday@google.com",
        "DTSTART;VALUE=DATE:20261225",
        "DTEND;VALUE=DATE:20261226",
        "TRANSP:TRANSPARENT",
        "SUMMARY:Hari Raya Natal",
    ),
    vevent(
        "UID:cuti@google.com",
        "DTSTART;VALUE=DATE:20261203",
        "DTEND;VALUE=DATE:20261205",
        "SUMMARY:Cuti",
    ),
    head=("X-WR-CALNAME:Kantor", "X-WR-TIMEZONE:Asia/Jakarta"),
)

OUTLOOK_TZ = (
    "BEGIN:VTIMEZONE",
    "TZID:SE Asia Standard Time",
    "BEGIN:STANDARD",
    "DTSTART:16010101T000000",
    "TZOFFSETFROM:+0700",
    "TZOFFSETTO:+0700",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:16010101T000000",
    "TZOFFSETFROM:+0700",
    "TZOFFSETTO:+0700",
    "END:DAYLIGHT",
    "END:VTIMEZONE",
)

OUTLOOK = cal(
    OUTLOOK_TZ,
    vevent(
        "UID:040000008200E00074C5B7101A82E00800000000",
        "DTSTART;TZID=SE Asia Standard Time:20261130T070000",
        "DTEND;TZID=SE Asia Standard Time:20261130T073000",
        "RRULE:FREQ=WEEKLY;UNTIL=20261203T170000Z;BYDAY=MO,TU,WE,TH,FR",
        "EXDATE;TZID=SE Asia Standard Time:20261202T070000",
        "SUMMARY:Apel pagi",
        "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
    ),
    vevent(
        "UID:040000008200E00074C5B7101A82E00800000001",
        "DTSTART;TZID=Singapore Standard Time:20261201T140000",
        "DTEND;TZID=Singapore Standard Time:20261201T150000",
        "SUMMARY:Rapat dengan provinsi",
    ),
    vevent(
        "UID:040000008200E00074C5B7101A82E00800000002",
        "DTSTART;TZID=SE Asia Standard Time:20261201T100000",
        "DTEND;TZID=SE Asia Standard Time:20261201T110000",
        "SUMMARY:Tentatif",
        "X-MICROSOFT-CDO-BUSYSTATUS:FREE",
    ),
    vevent(
        "UID:040000008200E00074C5B7101A82E00800000003",
        "DTSTART;TZID=SE Asia Standard Time:20261201T110000",
        "DTEND;TZID=SE Asia Standard Time:20261201T120000",
        "STATUS:CANCELLED",
        "SUMMARY:Dibatalkan",
    ),
    head=("METHOD:PUBLISH", "X-WR-CALNAME:Calendar"),
)


def make_ws(tmp_path: Path, files: dict[str, bytes], tz: str = "Asia/Jakarta") -> Workspace:
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return Workspace(
        profile=Profile(name="Rina", timezone=tz),
        calendars=tuple(CalendarSource(path=name) for name in files),
    )


def read(
    tmp_path: Path, data: bytes, tz: str = "Asia/Jakarta", first: date = FIRST, last: date = LAST
) -> tuple[list[BusyEvent], list[str]]:
    ws = make_ws(tmp_path, {"kantor.ics": data}, tz)
    return read_calendars(ws, tmp_path, first, last, "id")


def spans(events: list[BusyEvent], tz: ZoneInfo = JKT) -> list[tuple[str, str, str]]:
    return [
        (
            e.title,
            e.start.astimezone(tz).strftime("%a %d %H:%M"),
            e.end.astimezone(tz).strftime("%H:%M"),
        )
        for e in events
    ]


def test_google_export_with_exdate_override_floating_transparent_and_all_day(
    tmp_path: Path,
) -> None:
    events, warnings = read(tmp_path, GOOGLE)
    assert warnings == []
    assert spans(events) == [
        ("Rapat mingguan", "Mon 30 09:00", "10:00"),
        ("Konsultasi", "Tue 01 13:00", "14:00"),  # floating: read in X-WR-TIMEZONE
        ("Cuti", "Thu 03 00:00", "00:00"),  # two whole local days, end exclusive
        ("Rapat mingguan (dipindah)", "Mon 07 11:00", "12:00"),
        ("Rapat mingguan", "Wed 09 09:00", "10:00"),
    ]
    cuti = events[2]
    assert cuti.all_day and cuti.end == datetime(2026, 12, 5, tzinfo=JKT)
    assert {e.source for e in events} == {"kantor.ics"}


def test_google_floating_time_stays_in_its_calendar_zone_for_a_wita_planner(
    tmp_path: Path,
) -> None:
    events, _ = read(tmp_path, GOOGLE, tz="Asia/Makassar")
    (konsultasi,) = [e for e in events if e.title == "Konsultasi"]
    assert konsultasi.start == datetime(2026, 12, 1, 14, 0, tzinfo=MKS)  # 13.00 WIB = 14.00 WITA
    (cuti,) = [e for e in events if e.title == "Cuti"]
    assert cuti.start == datetime(2026, 12, 3, tzinfo=MKS)  # all day: the planner's local day


def test_outlook_export_with_windows_zones_and_busy_status(tmp_path: Path) -> None:
    events, warnings = read(tmp_path, OUTLOOK)
    assert warnings == []
    assert spans(events) == [
        ("Apel pagi", "Mon 30 07:00", "07:30"),
        ("Apel pagi", "Tue 01 07:00", "07:30"),
        # Singapore Standard Time has no VTIMEZONE: resolved through the Windows zone map, +08
        ("Rapat dengan provinsi", "Tue 01 13:00", "14:00"),
        ("Apel pagi", "Thu 03 07:00", "07:30"),  # Wed 2 is an EXDATE; UNTIL ends the series
    ]


@pytest.mark.parametrize(("tzid", "hour_wib"), [("WIB", 9), ("WITA", 8), ("WIT", 7), ("wita", 8)])
def test_indonesian_abbreviations_as_tzid_are_mapped(
    tmp_path: Path, tzid: str, hour_wib: int
) -> None:
    data = cal(
        vevent(
            "UID:a",
            f"DTSTART;TZID={tzid}:20261201T090000",
            f"DTEND;TZID={tzid}:20261201T100000",
            "SUMMARY:Rapat",
        ),
        head=("X-WR-TIMEZONE:Asia/Jayapura",),  # must not capture a TZID it does not own
    )
    events, warnings = read(tmp_path, data)
    assert warnings == []
    assert events[0].start == datetime(2026, 12, 1, hour_wib, tzinfo=JKT)


def test_unknown_tzid_is_a_warning_and_read_in_the_profile_zone(tmp_path: Path) -> None:
    data = cal(
        vevent(
            "UID:a",
            "DTSTART;TZID=Kantor Pusat:20261201T090000",
            "DTEND;TZID=Kantor Pusat:20261201T100000",
            "SUMMARY:Rapat pusat",
        ),
        head=("X-WR-TIMEZONE:Asia/Jayapura",),
    )
    events, warnings = read(tmp_path, data, tz="Asia/Makassar")
    assert warnings == [
        "kantor.ics: acara 'Rapat pusat': zona waktu 'Kantor Pusat' tidak dikenal; "
        "dibaca sebagai Asia/Makassar (WITA). Periksa jamnya."
    ]
    assert events[0].start == datetime(2026, 12, 1, 9, tzinfo=MKS)


def test_floating_time_without_calendar_zone_is_in_the_profile_zone(tmp_path: Path) -> None:
    data = cal(vevent("UID:a", "DTSTART:20261201T090000", "DTEND:20261201T100000", "SUMMARY:X"))
    events, _ = read(tmp_path, data, tz="Asia/Makassar")
    assert events[0].start == datetime(2026, 12, 1, 9, tzinfo=MKS)


def test_unknown_x_wr_timezone_is_a_warning(tmp_path: Path) -> None:
    data = cal(
        vevent("UID:a", "DTSTART:20261201T090000", "DTEND:20261201T100000", "SUMMARY:X"),
        head=("X-WR-TIMEZONE:Mars/Olympus",),
    )
    events, warnings = read(tmp_path, data)
    assert warnings == [
        "kantor.ics: X-WR-TIMEZONE 'Mars/Olympus' tidak dikenal; waktu tanpa zona dibaca sebagai "
        "Asia/Jakarta."
    ]
    assert events[0].start == datetime(2026, 12, 1, 9, tzinfo=JKT)


def test_all_day_without_dtend_is_one_day(tmp_path: Path) -> None:
    data = cal(vevent("UID:a", "DTSTART;VALUE=DATE:20261201", "SUMMARY:Dinas luar"))
    (e,), _ = read(tmp_path, data)
    assert (e.start, e.end) == (
        datetime(2026, 12, 1, tzinfo=JKT),
        datetime(2026, 12, 2, tzinfo=JKT),
    )


def test_a_bad_date_skips_that_event_with_a_warning_naming_it(tmp_path: Path) -> None:
    data = cal(
        vevent("UID:a", "DTSTART:2026-12-01 09:00", "SUMMARY:Rapat rusak"),
        vevent("UID:b", "DTSTART:20261201T100000", "DTEND:20261201T110000", "SUMMARY:Baik"),
    )
    events, warnings = read(tmp_path, data)
    assert [e.title for e in events] == ["Baik"]
    assert warnings == [
        "kantor.ics: acara 'Rapat rusak' dilewati: nilai DTSTART rusak "
        "(Wrong datetime format: 2026-12-01 09:00)"
    ]


def test_endless_secondly_rule_is_skipped_without_a_hang(tmp_path: Path) -> None:
    data = cal(
        vevent(
            "UID:spam",
            "DTSTART:20261201T090000Z",
            "DTEND:20261201T090001Z",
            "RRULE:FREQ=SECONDLY",
            "SUMMARY:Spam",
        ),
        vevent("UID:b", "DTSTART:20261201T100000", "DTEND:20261201T110000", "SUMMARY:Baik"),
    )
    # a 1000-year window is clamped too; neither may take more than a moment
    events, warnings = read(tmp_path, data, first=FIRST, last=date(3026, 11, 30))
    assert [e.title for e in events] == ["Baik"]
    assert warnings == [
        "Kalender Anda hanya dibaca sampai 7 Februari 2029 (800 hari).",
        "kantor.ics: acara 'Spam' dilewati: berulang lebih dari 48 kali sehari (FREQ=SECONDLY)",
    ]


def test_a_rule_that_never_occurs_is_skipped(tmp_path: Path) -> None:
    data = cal(
        vevent(
            "UID:never",
            "DTSTART:20261201T090000Z",
            "DTEND:20261201T100000Z",
            "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",
            "SUMMARY:Tak pernah",
        )
    )
    events, warnings = read(tmp_path, data)
    assert events == []
    assert warnings == [
        "kantor.ics: acara 'Tak pernah' dilewati: aturan pengulangan tidak pernah terjadi "
        "(FREQ=DAILY;BYMONTHDAY=30;BYMONTH=2)"
    ]


def test_occurrences_are_capped_per_file(tmp_path: Path) -> None:
    many = [
        vevent(
            f"UID:e{i}",
            "DTSTART;TZID=Asia/Jakarta:20261201T090000",
            "DTEND;TZID=Asia/Jakarta:20261201T093000",
            "RRULE:FREQ=HOURLY;INTERVAL=1",
            f"SUMMARY:Seri {i}",
        )
        for i in range(60)
    ]
    events, warnings = read(tmp_path, cal(*many), first=FIRST, last=date(2026, 12, 31))
    assert len(events) == MAX_OCCURRENCES
    assert len(warnings) == 1
    assert warnings[0].startswith("kantor.ics: lebih dari 10000 kejadian sebelum 31 Desember 2026;")


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    ws = Workspace(profile=Profile(name="R"), calendars=(CalendarSource(path="hilang.ics"),))
    with pytest.raises(WorkspaceError) as info:
        read_calendars(ws, tmp_path, FIRST, LAST, "id")
    assert str(info.value) == (
        "hilang.ics: [[calendar]] path: berkas tidak ada; ekspor kalender Anda ke berkas .ics di "
        "ruang kerja, atau perbaiki 'path' (relatif terhadap ruang kerja)"
    )


def test_not_utf8_is_an_error_with_the_line(tmp_path: Path) -> None:
    data = cal(vevent("UID:a", "DTSTART:20261201T090000", "SUMMARY:Caf\u00e9")).replace(
        "é".encode(), "é".encode("latin-1")
    )
    with pytest.raises(WorkspaceError) as info:
        read(tmp_path, data)
    (problem,) = info.value.problems
    assert (problem.file, problem.line, problem.what) == ("kantor.ics", 8, "bukan teks UTF-8")


def test_not_icalendar_at_all_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError) as info:
        read(tmp_path, b"Subject,Start Date\r\nRapat,12/01/2026\r\n")
    assert str(info.value) == (
        "kantor.ics: [[calendar]] path: tidak berisi BEGIN:VCALENDAR; pilih berkas hasil 'Ekspor' "
        "kalender (diawali BEGIN:VCALENDAR)"
    )


def test_a_huge_file_is_an_error_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import diklat_cli.workspace.icsimport as mod

    monkeypatch.setattr(mod, "MAX_BYTES", 1000)
    with pytest.raises(WorkspaceError) as info:
        read(tmp_path, GOOGLE)
    assert "berkas terlalu besar" in str(info.value)


def test_every_unusable_file_is_reported_at_once(tmp_path: Path) -> None:
    ws = make_ws(tmp_path, {"a.ics": b"garbage", "b.ics": b"\xff\xfe"})
    with pytest.raises(WorkspaceError) as info:
        read_calendars(ws, tmp_path, FIRST, LAST, "en")
    assert [(p.file, p.what) for p in info.value.problems] == [
        ("a.ics", "holds no BEGIN:VCALENDAR"),
        ("b.ics", "is not UTF-8 text"),
    ]


def test_byte_order_mark_and_lf_line_ends_are_accepted(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + GOOGLE.replace(b"\r\n", b"\n")
    events, _ = read(tmp_path, data)
    assert len(events) == 5


def test_busy_time_feeds_the_calendar_free_time(tmp_path: Path) -> None:
    from diklat_cli.planning.calendar import Calendar
    from diklat_cli.workspace.holidays_id import HolidayData

    events, _ = read(tmp_path, OUTLOOK)
    ws = Workspace(profile=Profile(name="R"))
    calendar = Calendar(ws, HolidayData(), FIRST, LAST, events)
    free = calendar.free(date(2026, 12, 1))
    day = date(2026, 12, 1)
    assert (datetime.combine(day, time(7, 30), JKT), datetime.combine(day, time(12), JKT)) in free
    assert all(
        not (s < datetime.combine(day, time(14), JKT) and e > datetime.combine(day, time(13), JKT))
        for s, e in free
    )


def test_years_of_past_meetings_do_not_hide_a_series_that_started_long_ago(
    tmp_path: Path,
) -> None:
    old = [
        vevent(
            f"UID:old{i}",
            f"DTSTART:2019{m:02d}10T020000Z",
            "DTEND:20190110T030000Z",
            "SUMMARY:Lama",
        )
        for i, m in enumerate(range(1, 13))
    ]
    data = cal(
        *old,
        vevent(
            "UID:apel",
            "DTSTART;TZID=Asia/Jakarta:20190107T073000",
            "DTEND;TZID=Asia/Jakarta:20190107T080000",
            "RRULE:FREQ=WEEKLY;BYDAY=MO",
            "SUMMARY:Apel pagi",
        ),
        vevent(  # began before the window, still running in it
            "UID:dinas",
            "DTSTART;VALUE=DATE:20261125",
            "DTEND;VALUE=DATE:20261202",
            "SUMMARY:Dinas luar",
        ),
        vevent("UID:dur", "DTSTART:20261128T020000Z", "DURATION:P3D", "SUMMARY:Dengan durasi"),
    )
    events, warnings = read(tmp_path, data)
    assert warnings == []
    assert sorted({e.title for e in events}) == ["Apel pagi", "Dengan durasi", "Dinas luar"]
    assert [e.start.date() for e in events if e.title == "Apel pagi"] == [
        date(2026, 11, 30),
        date(2026, 12, 7),
    ]


def test_a_cached_read_is_reused_until_the_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    import diklat_cli.workspace.icsimport as mod

    ws = make_ws(tmp_path, {"kantor.ics": GOOGLE})
    cache = tmp_path / "cache" / "calendars.json"
    first = read_calendars(ws, tmp_path, FIRST, LAST, "id", cache)
    assert cache.is_file()

    def boom(*args: object, **kw: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(mod, "read_calendar", boom)
    assert read_calendars(ws, tmp_path, FIRST, LAST, "id", cache) == first
    with pytest.raises(AssertionError, match="parsed again"):  # another window
        read_calendars(ws, tmp_path, FIRST, date(2026, 12, 20), "id", cache)
    os.utime(tmp_path / "kantor.ics", ns=(1, 1))  # the user exported again
    with pytest.raises(AssertionError, match="parsed again"):
        read_calendars(ws, tmp_path, FIRST, LAST, "id", cache)


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=WEEKLY;BYMONTH=4,6;BYMONTHDAY=31",
        "FREQ=DAILY;BYMONTHDAY=-32",
        "FREQ=DAILY;BYYEARDAY=366;BYMONTH=1",
    ],
)
def test_rules_that_never_occur_are_caught_before_expansion(tmp_path: Path, rule: str) -> None:
    data = cal(vevent("UID:n", "DTSTART:20261201T090000Z", f"RRULE:{rule}", "SUMMARY:Tak pernah"))
    events, warnings = read(tmp_path, data)
    assert events == []
    assert len(warnings) == 1 and "aturan pengulangan tidak pernah terjadi" in warnings[0]


def test_29_february_is_a_rule_that_does_occur(tmp_path: Path) -> None:
    data = cal(
        vevent(
            "UID:kabisat",
            "DTSTART;VALUE=DATE:20261201",
            "RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29",
            "SUMMARY:Kabisat",
        )
    )
    events, warnings = read(tmp_path, data, first=date(2028, 2, 28), last=date(2028, 3, 1))
    assert warnings == []
    assert [e.start.date() for e in events] == [date(2028, 2, 29)]


def test_too_many_events_in_the_window_are_cut_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import diklat_cli.workspace.icsscan as mod

    monkeypatch.setattr(mod, "MAX_EVENTS", 3)
    data = cal(
        *(
            vevent(
                f"UID:{i}", f"DTSTART:202612{i + 1:02d}T020000Z", f"DTEND:202612{i + 1:02d}T030000Z"
            )
            for i in range(5)
        ),
        vevent("UID:old", "DTSTART:20190101T020000Z", "DTEND:20190101T030000Z"),
    )
    events, warnings = read(tmp_path, data)
    assert len(events) == 3
    assert warnings == ["kantor.ics: lebih dari 3 acara pada rentang ini; 2 sisanya diabaikan."]
