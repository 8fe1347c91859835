"""handover.py, the pure part: the absence, who takes what and why, the return tasks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from pathlib import Path

from diklat_cli.planning.calendar import Calendar
from diklat_cli.planning.handover import (
    absence,
    checkin_time,
    for_colleague,
    make_sheet,
    meetings,
    people,
    return_work,
    work_items,
)
from diklat_cli.render.handover import _md_cell, knowledge_task, place_of, receiver_reason
from diklat_cli.workspace.holidays_id import HolidayData, HolidayInfo
from diklat_cli.workspace.loader import load
from diklat_cli.workspace.models import Profile, Workspace
from diklat_cli.workspace.state import Progress, TaskProgress
from diklat_cli.workspace.values import parse_time_range

FIXTURE = Path(__file__).parent / "fixtures" / "handover"
IMLEK = HolidayData({date(2027, 2, 5): HolidayInfo("Cuti Bersama Tahun Baru Imlek", "government")})


def fixture() -> tuple[Workspace, Calendar]:
    ws = load(FIXTURE)
    return ws, Calendar(ws, IMLEK, date(2027, 1, 1), date(2027, 4, 30))


def test_a_holiday_inside_the_classes_does_not_end_the_stretch() -> None:
    ws, cal = fixture()
    pkp = ws.training("pkp")
    assert pkp is not None
    ab = absence(ws, pkp, cal)
    (stretch,) = ab.stretches
    assert (stretch.first, stretch.last, stretch.back) == (
        date(2027, 2, 1),
        date(2027, 2, 12),
        date(2027, 2, 15),
    )
    assert date(2027, 2, 5) not in stretch.days  # Imlek: no class, no office
    assert ab.working_days_away == 9
    # five working days after the return: Monday 15 to Friday 19 February
    assert stretch.carry_until == date(2027, 2, 19)
    assert len(ab.online) == 12  # Tuesdays and Thursdays, 16 February to 25 March


def test_who_takes_each_task_and_why() -> None:
    ws, cal = fixture()
    pkp = ws.training("pkp")
    assert pkp is not None
    progress = Progress({"draf-renja": TaskProgress(spent_minutes=240)})
    items = {it.task.id: it for it in work_items(ws, pkp, cal, progress)}
    assert list(items) == [
        "surat",
        "lap-tw4",
        "monev",
        "revisi-renja",
        "bahan-musren",
        "draf-renja",
    ]
    assert (items["lap-tw4"].receiver.id, items["lap-tw4"].source) == ("budi", "handover_to")  # type: ignore[union-attr]
    assert (items["bahan-musren"].receiver.id, items["bahan-musren"].source) == (  # type: ignore[union-attr]
        "dewi",
        "delegate_to",
    )
    monev = items["monev"]
    assert monev.receiver is not None and monev.receiver.id == "dewi"
    assert receiver_reason(monev.source, monev.reason, "id") == (
        "Budi Santoso, S.Sos. berhalangan pada 9 Feb 2027; disarankan: keahlian: monev; "
        "sisa kapasitas 4 jam dari 4 jam per minggu"
    )
    assert items["surat"].occurrences == (date(2027, 2, 3), date(2027, 2, 10))
    assert items["surat"].minutes == 90
    assert (items["draf-renja"].why, items["draf-renja"].spent, items["draf-renja"].minutes) == (
        "progress",
        240,
        360,
    )


def test_done_work_is_not_handed_over() -> None:
    ws, cal = fixture()
    pkp = ws.training("pkp")
    assert pkp is not None
    done = Progress(
        {"lap-tw4": TaskProgress(done=True), "surat@2027-02-03": TaskProgress(done=True)}
    )
    items = {it.task.id: it for it in work_items(ws, pkp, cal, done)}
    assert "lap-tw4" not in items
    assert items["surat"].occurrences == (date(2027, 2, 10),)


def test_meetings_on_class_days_and_during_online_sessions() -> None:
    ws, cal = fixture()
    pkp = ws.training("pkp")
    assert pkp is not None
    found = {m.title: m for m in meetings(ws, pkp, cal)}
    assert found["Rapat koordinasi bidang"].dates == (date(2027, 2, 1), date(2027, 2, 8))
    assert found["Rapat koordinasi bidang"].attendee.id == "sari"  # type: ignore[union-attr]
    # Tuesdays 13.30: on class days, then during the 13.00-15.00 online sessions
    assert len(found["Rapat minggon"].dates) == 8
    assert found["Rapat minggon"].attendee.id == "budi"  # type: ignore[union-attr]


def test_per_colleague_sheets_split_the_work() -> None:
    ws, cal = fixture()
    pkp = ws.training("pkp")
    assert pkp is not None
    sheet = make_sheet(ws, pkp, date(2027, 1, 25), cal=cal, progress=Progress())
    assert [c.id for c in people(sheet)] == ["budi", "dewi", "sari"]
    sari = for_colleague(sheet, ws.colleague("sari"))  # type: ignore[arg-type]
    assert sari.items == ()
    assert [m.title for m in sari.meetings] == ["Rapat koordinasi bidang"]
    assert sari.deputy is not None and sari.deputy.id == "sari"


def test_return_tasks_fill_the_first_working_days_back() -> None:
    ws, cal = fixture()
    pkp = ws.training("pkp")
    assert pkp is not None
    tasks = [knowledge_task(k, "id") for k in return_work(ws, pkp, cal)]
    assert [(t.id, t.estimate, t.available, t.due) for t in tasks] == [
        ("pkp-ringkasan", 120, date(2027, 2, 15), date(2027, 2, 17)),
        ("pkp-templat", 60, date(2027, 2, 15), date(2027, 2, 19)),
        ("pkp-berbagi", 60, date(2027, 2, 15), date(2027, 2, 26)),
    ]
    assert all("berbagi-ilmu" in t.tags for t in tasks)
    assert tasks[0].title == (
        "Ringkasan materi Pelatihan Kepemimpinan Pengawas (PKP) Angkatan III untuk tim"
    )


def test_return_tasks_without_a_calendar_use_the_work_week() -> None:
    ws, _ = fixture()
    pkp = ws.training("pkp")
    assert pkp is not None
    assert [k.due for k in return_work(ws, pkp)] == [
        date(2027, 2, 17),
        date(2027, 2, 19),
        date(2027, 2, 26),
    ]


def test_checkin_is_after_class() -> None:
    ws, _ = fixture()
    pkp = ws.training("pkp")
    assert pkp is not None
    assert checkin_time(pkp) == time(16, 15)
    evening = replace(pkp.session[0], time=parse_time_range("08:00-17:00"))
    assert checkin_time(replace(pkp, session=(evening,))) == time(17, 15)
    own = replace(pkp, checkin=time(12, 10))
    assert checkin_time(own) == time(12, 10)


def test_the_signing_place_comes_from_the_unit() -> None:
    assert place_of(Profile(name="R", unit="Bidang Perencanaan, Bappeda Kabupaten Contoh")) == (
        "Contoh"
    )
    assert place_of(Profile(name="R", unit="BPKAD Kota Tanjung Pinang")) == "Tanjung Pinang"
    assert place_of(Profile(name="R", unit="Bappeda", place="Sleman")) == "Sleman"
    assert place_of(Profile(name="R", unit="Bappeda")) == ""


def test_markdown_cells_keep_the_table_whole() -> None:
    assert _md_cell("SIPD | e-Monev\nlalu kirim") == "SIPD \\| e-Monev lalu kirim"


def test_the_return_sheet_keeps_work_finished_since() -> None:
    ws, cal = fixture()
    pkp = ws.training("pkp")
    assert pkp is not None
    progress = Progress(
        {
            "lap-tw4": TaskProgress(done=True),
            "surat@2027-02-03": TaskProgress(done=True),
            "surat@2027-02-10": TaskProgress(done=True),
        }
    )
    sheet = make_sheet(ws, pkp, date(2027, 2, 15), cal=cal, progress=progress, returning=True)
    done = {it.task.id: it.done for it in sheet.items}
    assert done["lap-tw4"] is True
    assert done["surat"] is True
    assert done["monev"] is False
    # meetings still to come (online sessions after the return) are not thanked for yet
    minggon = next(m for m in sheet.meetings if m.title == "Rapat minggon")
    assert minggon.dates == (date(2027, 2, 2), date(2027, 2, 9))
