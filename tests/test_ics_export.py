"""The .ics presenter on hand-built plans: what a calendar app will read from it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diklat_cli.planning.calendar import Calendar
from diklat_cli.planning.plan import Block, DayPlan, DueNote, Plan
from diklat_cli.render import plan_words
from diklat_cli.render.escape import ics_text
from diklat_cli.render.ics import event_uid, items, to_ical
from diklat_cli.workspace.holidays_id import HolidayData, HolidayInfo
from diklat_cli.workspace.loader import validate
from diklat_cli.workspace.models import Event as WsEvent
from diklat_cli.workspace.models import Export, Profile, Training, Workspace
from diklat_cli.workspace.state import ExportIdentity, ExportState

JKT = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)
NO_HOLIDAYS = HolidayData()


def at(d: date, hh: int, mm: int = 0, tz: ZoneInfo = JKT) -> datetime:
    return datetime.combine(d, time(hh, mm), tz)


MON = date(2026, 11, 30)
TUE = MON + timedelta(days=1)


def workspace(tz: str = "Asia/Jakarta", **extra: object) -> Workspace:
    data: dict[str, object] = {
        "profile": {"name": "Rina Wulandari", "nip": "198705122010012003", "timezone": tz},
        "training": [
            {
                "id": "pkp",
                "title": "PKP Angkatan III",
                "provider": "BPSDM Provinsi",
                "location": "Kampus BPSDM",
                "start": "2026-12-01",
                "end": "2026-12-31",
                "session": [
                    {
                        "date": "2026-12-02",
                        "until": "2026-12-07",
                        "time": "08:00-16:00",
                        "mode": "offline",
                    },
                    {
                        "date": "2026-12-01",
                        "time": "13:00-15:00",
                        "mode": "online",
                        "link": "https://zoom.us/j/123",
                    },
                ],
            }
        ],
        **extra,
    }
    trainings = tuple(validate(Training, t) for t in data.pop("training"))  # type: ignore[attr-defined]
    events = tuple(
        validate(WsEvent, e, {"timezone": tz})
        for e in data.pop("event", [])  # type: ignore[attr-defined]
    )
    export = validate(Export, data.pop("export", {}))
    return Workspace(
        profile=validate(Profile, data["profile"]),
        trainings=trainings,
        events=events,
        export=export,
    )


def plan_with(*blocks: Block, tz: str = "Asia/Jakarta") -> Plan:
    days = {}
    for b in blocks:
        days.setdefault(b.start.date(), []).append(b)
    return Plan(
        tz,
        MON,
        tuple(DayPlan(d, True, None, tuple(bs)) for d, bs in sorted(days.items())),
        (),
    )


def export(
    plan: Plan,
    ws: Workspace,
    state: ExportState | None = None,
    now: datetime = NOW,
    **kw: object,
) -> tuple[bytes, ExportState]:
    return to_ical(
        plan,
        ws,
        kw.pop("first", MON),  # type: ignore[arg-type]
        kw.pop("last", MON + timedelta(days=13)),  # type: ignore[arg-type]
        calendar=calendar(ws, kw.pop("holidays", NO_HOLIDAYS)),  # type: ignore[arg-type]
        state=state or ExportState(),
        now=now,
        **kw,  # type: ignore[arg-type]
    )


def calendar(ws: Workspace, holidays: HolidayData = NO_HOLIDAYS) -> Calendar:
    """Which days are off, for the sessions of a run of days: any span answers that."""
    return Calendar(ws, holidays, MON, MON + timedelta(days=13))


def vevents(data: bytes) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return list(cal.walk("VEVENT"))


def by_summary(data: bytes, summary: str) -> list[icalendar.Event]:
    return [e for e in vevents(data) if str(e["SUMMARY"]) == summary]


THU = date(2026, 12, 3)
TASK = Block(
    at(MON, 7, 30), at(MON, 9), "task", "lap-tw4", "Laporan TW IV", due=DueNote("due", THU)
)
STUDY = Block(at(MON, 19, 45), at(MON, 21, 15), "study", "pkp", "PKP")
BREAK = Block(at(MON, 12), at(MON, 13), "break", None, "")
BUSY = Block(at(MON, 9), at(MON, 10), "event", None, "Apel pagi")


def test_calendar_header_follows_the_checklist() -> None:
    data, _ = export(plan_with(TASK), workspace())
    text = data.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//diklat//diklat 0.1//ID\r\n")
    assert "X-WR-CALNAME:Diklat – Rina Wulandari\r\n" in text
    assert "X-WR-TIMEZONE:Asia/Jakarta\r\n" in text
    assert "METHOD" not in text  # a personal plan: no iTIP method, no ORGANIZER
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")  # CRLF only


def test_calendar_name_from_settings_and_english_prodid() -> None:
    ws = workspace(export={"calendar_name": "Kerja & Diklat"})
    data, _ = export(plan_with(TASK), ws, lang="en")
    assert b"X-WR-CALNAME:Kerja & Diklat\r\n" in data
    assert b"PRODID:-//diklat//diklat 0.1//EN\r\n" in data


def test_plan_blocks_become_timed_events_with_tzid_and_a_reminder() -> None:
    data, _ = export(plan_with(TASK, STUDY, BREAK, BUSY), workspace())
    summaries = [str(e["SUMMARY"]) for e in vevents(data)]
    assert "Istirahat" not in summaries  # breaks and imported busy time stay out
    assert "Apel pagi" not in summaries
    (task,) = by_summary(data, "Laporan TW IV")
    assert b"DTSTART;TZID=Asia/Jakarta:20261130T073000\r\n" in task.to_ical()
    assert b"DTEND;TZID=Asia/Jakarta:20261130T090000\r\n" in task.to_ical()
    assert task.start == at(MON, 7, 30)
    assert list(task.categories) == ["Diklat", "Tugas"]
    assert str(task["TRANSP"]) == "OPAQUE"
    assert "tenggat Kam 3 Des" in str(task["DESCRIPTION"])
    (alarm,) = task.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm["TRIGGER"].dt == timedelta(minutes=-10)
    (study,) = by_summary(data, "Belajar mandiri: PKP")
    assert list(study.categories) == ["Diklat", "Belajar"]


def test_a_block_that_does_not_make_the_user_busy_is_transparent() -> None:
    note = Block(at(MON, 16, 15), at(MON, 17), "study", "pkp", "Bacaan ringan", busy=False)
    (ev,) = by_summary(export(plan_with(note), workspace())[0], "Belajar mandiri: Bacaan ringan")
    assert str(ev["TRANSP"]) == "TRANSPARENT"


def test_reminder_minutes_zero_means_no_alarm_and_others_are_honoured() -> None:
    data, _ = export(plan_with(TASK), workspace(export={"reminder_minutes": 0}))
    assert b"BEGIN:VALARM" not in data
    data, _ = export(plan_with(TASK), workspace(export={"reminder_minutes": 30}))
    assert b"TRIGGER:-PT30M\r\n" in data


def test_offline_days_are_all_day_events_and_skip_the_weekend() -> None:
    data, _ = export(plan_with(), workspace())
    offline = [e for e in vevents(data) if "Luring" in e.categories]
    assert [e.start for e in offline] == [
        date(2026, 12, 2),
        date(2026, 12, 3),
        date(2026, 12, 4),
        date(2026, 12, 7),  # Sat 5 and Sun 6 are not class days
    ]
    first = offline[0]
    assert first.end == date(2026, 12, 3)  # DTEND is exclusive
    assert b"DTSTART;VALUE=DATE:20261202\r\n" in first.to_ical()
    assert b"TZID" not in first.to_ical()
    assert not first.walk("VALARM")  # a 23.50 ring the night before helps no one
    assert str(first["LOCATION"]) == "Kampus BPSDM"
    assert "Jam: 08.00–16.00" in str(first["DESCRIPTION"])


def test_offline_run_skips_a_holiday() -> None:
    holidays = HolidayData(days={date(2026, 12, 3): HolidayInfo("Libur", "public")})
    data, _ = export(plan_with(), workspace(), holidays=holidays)
    days = [e.start for e in vevents(data) if "Luring" in e.categories]
    assert date(2026, 12, 3) not in days and date(2026, 12, 2) in days


def test_online_session_carries_its_link_where_a_phone_taps_it() -> None:
    data, _ = export(plan_with(), workspace())
    (online,) = [e for e in vevents(data) if "Daring" in e.categories]
    assert online.start == at(TUE, 13)
    assert str(online["URL"]) == "https://zoom.us/j/123"
    assert str(online["LOCATION"]) == "https://zoom.us/j/123"  # not the campus of the training
    assert "Tautan: https://zoom.us/j/123" in str(online["DESCRIPTION"])
    assert len(online.walk("VALARM")) == 1


def test_events_only_with_include_events() -> None:
    ws = workspace(
        event=[
            {
                "id": "rakor",
                "title": "Rapat koordinasi",
                "rrule": "FREQ=WEEKLY;BYDAY=MO",
                "from": "2026-11-02",
                "time": "08:00-09:00",
                "link": "https://teams.microsoft.com/l/x",
            }
        ]
    )
    assert not by_summary(export(plan_with(), ws)[0], "Rapat koordinasi")
    data, _ = export(plan_with(), ws, include_events=True)
    meetings = by_summary(data, "Rapat koordinasi")
    assert [m.start for m in meetings] == [at(MON, 8), at(MON + timedelta(days=7), 8)]
    assert list(meetings[0].categories) == ["Diklat", "Rapat"]
    assert str(meetings[0]["URL"]) == "https://teams.microsoft.com/l/x"


@pytest.mark.parametrize("tz", ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"])
def test_one_vtimezone_for_the_zone_used_without_comment(tz: str) -> None:
    zone = ZoneInfo(tz)
    block = Block(at(MON, 9, tz=zone), at(MON, 10, tz=zone), "task", "t", "T")
    data, _ = export(plan_with(block, tz=tz), workspace(tz))
    cal = icalendar.Calendar.from_ical(data)
    assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == [tz]
    assert b"COMMENT" not in data
    assert not cal.get_missing_tzids() - {tz} and cal.timezones
    assert data.index(b"BEGIN:VTIMEZONE") < data.index(b"BEGIN:VEVENT")
    (ev,) = by_summary(data, "T")
    assert f"DTSTART;TZID={tz}:20261130T090000".encode() in ev.to_ical()


def test_a_block_in_another_zone_is_written_in_the_profile_zone() -> None:
    utc_block = Block(
        datetime(2026, 11, 30, 2, tzinfo=UTC),
        datetime(2026, 11, 30, 3, tzinfo=UTC),
        "task",
        "t",
        "T",
    )
    data, _ = export(plan_with(utc_block), workspace())
    assert b"DTSTART;TZID=Asia/Jakarta:20261130T090000\r\n" in data


def test_uid_comes_from_identity_not_from_time_or_title() -> None:
    ws = workspace()
    first, _ = export(plan_with(TASK), ws)
    moved = Block(at(MON, 13), at(MON, 14), "task", "lap-tw4", "Laporan TW IV (revisi)")
    second, _ = export(plan_with(moved), ws)
    (a,) = by_summary(first, "Laporan TW IV")
    (b,) = by_summary(second, "Laporan TW IV (revisi)")
    assert str(a["UID"]) == str(b["UID"]) == event_uid(ws, f"task/lap-tw4/{MON}/0")
    assert str(a["UID"]).endswith("@diklat")


def test_two_blocks_of_one_task_on_a_day_get_distinct_uids() -> None:
    again = Block(at(MON, 13), at(MON, 14), "task", "lap-tw4", "Laporan TW IV")
    data, _ = export(plan_with(TASK, again), workspace())
    uids = [str(e["UID"]) for e in by_summary(data, "Laporan TW IV")]
    assert len(set(uids)) == 2


def test_all_uids_in_a_file_are_unique() -> None:
    data, _ = export(plan_with(TASK, STUDY), workspace(), include_events=True)
    uids = [str(e["UID"]) for e in vevents(data)]
    assert len(uids) == len(set(uids)) > 5


def test_same_plan_twice_gives_the_same_bytes() -> None:
    ws = workspace()
    data1, state1 = export(plan_with(TASK, STUDY), ws)
    data2, state2 = export(plan_with(TASK, STUDY), ws, state1, now=NOW + timedelta(days=1))
    assert data1 == data2
    assert state1 == state2


def test_a_changed_block_gets_a_higher_sequence_and_a_new_stamp() -> None:
    ws = workspace()
    _, state = export(plan_with(TASK, STUDY), ws)
    later = NOW + timedelta(hours=5, microseconds=123)
    moved = Block(
        at(MON, 9, 30), at(MON, 11), "task", "lap-tw4", "Laporan TW IV", due=DueNote("due", THU)
    )
    data, new_state = export(plan_with(moved, STUDY), ws, state, now=later)
    (task,) = by_summary(data, "Laporan TW IV")
    (study,) = by_summary(data, "Belajar mandiri: PKP")
    assert task["SEQUENCE"] == 1
    assert b"DTSTAMP:20261130T060000Z\r\n" in task.to_ical()
    assert study["SEQUENCE"] == 0
    assert b"DTSTAMP:20261130T010000Z\r\n" in study.to_ical()  # unchanged: its first stamp
    uid = str(task["UID"])
    assert new_state.events[uid] == ExportIdentity(
        new_state.events[uid].hash, 1, datetime(2026, 11, 30, 6, tzinfo=UTC)
    )
    assert new_state.events[uid].hash != state.events[uid].hash


def test_identities_outside_this_export_are_kept() -> None:
    ws = workspace()
    kept = ExportIdentity("0123456789abcdef", 4, NOW)
    _, state = export(plan_with(TASK), ws, ExportState({"old@diklat": kept}))
    assert state.events["old@diklat"] == kept


def test_export_range_limits_every_kind() -> None:
    data, _ = export(plan_with(TASK), workspace(), first=date(2026, 12, 3), last=date(2026, 12, 3))
    assert [e.start for e in vevents(data)] == [date(2026, 12, 3)]


def test_text_is_escaped_and_long_lines_folded_at_75_octets() -> None:
    title = "Modul 1; Bab 2, latihan\\soal " + "é" * 60
    block = Block(at(MON, 9), at(MON, 10), "task", "t", title)
    data, _ = export(plan_with(block), workspace())
    assert b"SUMMARY:Modul 1\\; Bab 2\\, latihan\\\\soal" in data
    assert max(len(line) for line in data.split(b"\r\n")) <= 75
    for line in data.split(b"\r\n"):
        line.decode("utf-8")  # never a multibyte character split across a fold
    assert len(by_summary(data, title)) == 1


def test_items_in_english() -> None:
    ws = workspace()
    entries = items(plan_with(TASK), ws, MON, TUE, calendar=calendar(ws), lang="en")
    online = next(i for i in entries if i.kind == "training")
    assert online.categories == ("Diklat", "Training", "Online")
    assert online.description.startswith("Online session: attend from your desk.")
    task = next(i for i in entries if i.kind == "task")
    assert task.categories == ("Diklat", "Task")


def test_a_task_block_carries_its_steps_documents_and_the_done_command() -> None:
    from diklat_cli.workspace.models import Task

    task = validate(
        Task,
        {
            "id": "absensi",
            "title": "Rekap absensi",
            "estimate": "45m",
            "recurs": "FREQ=WEEKLY;BYDAY=MO",
            "from": "2026-11-02",
            "sop": ["Unduh rekap", "Kirim ke Subbag Umum"],
            "documents": ["Drive: Absensi", "SIPD"],
        },
    )
    ws = replace(workspace(), tasks=(task,))
    block = Block(at(MON, 14), at(MON, 14, 45), "task", "absensi@2026-11-30", "Rekap absensi")
    (ev,) = by_summary(export(plan_with(block), ws)[0], "Rekap absensi")
    assert str(ev["DESCRIPTION"]) == (
        "Langkah:\n- Unduh rekap\n- Kirim ke Subbag Umum\nDokumen: Drive: Absensi; SIPD\n"
        "Catat kemajuan: diklat done absensi"
    )
    (study,) = by_summary(export(plan_with(STUDY), ws)[0], "Belajar mandiri: PKP")
    assert str(study["DESCRIPTION"]) == "Belajar mandiri untuk PKP Angkatan III"


def test_an_empty_range_is_still_a_valid_calendar() -> None:
    data, state = export(plan_with(), workspace(), first=date(2027, 6, 1), last=date(2027, 6, 2))
    cal = icalendar.Calendar.from_ical(data)
    cal.validate()  # at least one component
    assert not list(cal.walk("VEVENT"))
    assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == ["Asia/Jakarta"]
    assert state == ExportState()


_blocks = st.lists(
    st.tuples(
        st.integers(0, 6),  # day
        st.integers(0, 22 * 4),  # start, in quarter hours
        st.integers(1, 8),  # length, in quarter hours
        st.sampled_from(["task", "study"]),
        st.sampled_from(["lap", "sipd", "absensi@2026-12-01", "pkp"]),
        st.text(min_size=1, max_size=40).filter(lambda t: t.strip() == t and "\r" not in t),
    ),
    max_size=12,
)


@settings(max_examples=40, deadline=None)
@given(_blocks, st.sampled_from(["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]))
def test_any_plan_round_trips_with_unique_uids_and_stable_bytes(
    specs: list[tuple[int, int, int, str, str, str]], tz: str
) -> None:
    zone = ZoneInfo(tz)
    blocks = [
        Block(
            at(MON + timedelta(days=d), 0, tz=zone) + timedelta(minutes=15 * s),
            at(MON + timedelta(days=d), 0, tz=zone) + timedelta(minutes=15 * (s + n)),
            kind,  # type: ignore[arg-type]
            ref,
            title,
        )
        for d, s, n, kind, ref, title in specs
    ]
    ws = replace(workspace(tz), trainings=())
    data, state = export(plan_with(*blocks, tz=tz), ws)
    events = vevents(data)
    assert len(events) == len(blocks)
    assert len({str(e["UID"]) for e in events}) == len(blocks)
    assert sorted((e.start, e.end, str(e["SUMMARY"])) for e in events) == sorted(
        (b.start, b.end, ics_text(plan_words.block_title(b, "id")))
        for b in blocks  # no control characters
    )
    again, _ = export(plan_with(*blocks, tz=tz), ws, state, now=NOW + timedelta(days=3))
    assert again == data
