"""The models' own rules: defaults of the contract, and the checks of a whole table."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from diklat_cli.workspace.loader import validate
from diklat_cli.workspace.models import Planning, Profile, Session, Task, Workweek, read_post
from diklat_cli.workspace.values import Invalid


def test_default_workweek_is_the_perpres_pattern() -> None:
    ww = Workweek()
    monday, friday = ww.for_day(0), ww.for_day(4)
    assert monday is not None and friday is not None
    assert str(monday.hours) == "07:30-16:00"
    assert str(friday.hours) == "07:30-16:30"
    assert [str(b) for b in friday.breaks] == ["11:30-13:00"]
    assert ww.for_day(5) is None
    minutes = sum(
        d.hours.minutes - sum(b.minutes for b in d.breaks)
        for d in (ww.for_day(i) for i in range(5))
        if d is not None
    )
    assert minutes == 37 * 60 + 30


def test_planning_defaults() -> None:
    p = Planning()
    assert (p.horizon_days, p.min_block, p.jp_minutes, p.annual_jp_target) == (14, 30, 45, 20)


def test_date_time_is_read_in_the_profile_zone() -> None:
    t = validate(
        Task,
        {"id": "a", "title": "A", "estimate": "1h", "due": datetime(2026, 12, 1, 9, 0)},
        context={"timezone": "Asia/Makassar"},
    )
    assert t.due == datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("Asia/Makassar"))


def test_jp_durations_follow_the_setting() -> None:
    t = validate(Task, {"id": "a", "title": "A", "estimate": "2jp"}, context={"jp_minutes": 60})
    assert t.estimate == 120


def _invalid(exc: ValidationError) -> Invalid:
    error = exc.errors()[0]["ctx"]["error"]
    assert isinstance(error, Invalid)
    return error


def test_recurring_task_needs_from() -> None:
    with pytest.raises(ValidationError) as caught:
        validate(Task, {"id": "a", "title": "A", "estimate": "1h", "recurs": "FREQ=DAILY"})
    err = _invalid(caught.value)
    assert err.at == "recurs"
    assert err.text("id") == (
        "tugas berulang (recurs) perlu 'from', tanggal mulai pengulangannya; "
        "tambahkan from = 2026-11-02 (tanggal pertama)"
    )


def test_online_session_needs_a_time() -> None:
    with pytest.raises(ValidationError) as caught:
        validate(Session, {"date": date(2027, 2, 1), "mode": "online"})
    assert _invalid(caught.value).what("en") == "an online session needs 'time'"
    s = validate(Session, {"date": date(2027, 2, 1), "time": "13:00-15:00"})
    assert s.time is not None and s.time.start == time(13)


@pytest.mark.parametrize(
    ("position", "kind"),
    [
        ("Kepala Dinas Pendidikan", "struktural"),
        ("Kepala Badan Perencanaan Pembangunan Daerah", "struktural"),
        ("Kabid Perencanaan", "struktural"),
        ("Kepala Bidang Perencanaan", "struktural"),
        ("Kasubbag Umum dan Kepegawaian", "struktural"),
        ("Kasi Pemerintahan", "struktural"),
        ("Camat Tamalate", "struktural"),
        ("Lurah Maccini", "struktural"),
        ("Sekretaris Dinas", "struktural"),
        ("Kepala UPT Puskesmas", "struktural"),
        ("Direktur RSUD", "struktural"),
        ("Analis Kebijakan Ahli Pertama", "fungsional"),
        ("Perencana Ahli Muda", "fungsional"),
        ("Auditor Ahli Madya", "fungsional"),
        ("Widyaiswara Ahli Utama", "fungsional"),
        ("Pranata Komputer Terampil", "fungsional"),
        ("Arsiparis Mahir", "fungsional"),
        ("Pengelola Pengadaan Barang/Jasa Penyelia", "fungsional"),
        ("Penata Laksana Barang Pemula", "fungsional"),
        ("Pengadministrasi Umum", "pelaksana"),
        ("Kasir", "pelaksana"),  # not a Kasi
        ("Staf Kelurahan Maccini", "pelaksana"),  # not a Lurah
        ("Pengemudi Kecamatan", "pelaksana"),  # not a Camat
        ("", "pelaksana"),
    ],
)
def test_the_kind_of_post_is_read_from_the_title(position: str, kind: str) -> None:
    assert read_post(position) == kind
    assert Profile(name="Rina", position=position).post_kind == kind


def test_an_explicit_post_wins_over_the_title() -> None:
    profile = Profile(name="Rina", position="Kepala Sekolah", post="fungsional")
    assert (profile.post_kind, profile.needs_plh) == ("fungsional", False)
    assert Profile(name="Rina", position="Koordinator", post="struktural").needs_plh
