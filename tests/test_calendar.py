from __future__ import annotations

from datetime import date, time
from pathlib import Path

from diklat_cli.planning.calendar import Calendar
from diklat_cli.workspace.holidays_id import HolidayData, HolidayInfo
from diklat_cli.workspace.loader import load


def _hm(spans: list[tuple]) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(a.strftime("%H:%M"), b.strftime("%H:%M")) for a, b in spans]


def test_thursday_free_time_skips_break_and_meeting(contract_workspace: Path) -> None:
    ws = load(contract_workspace)
    cal = Calendar(ws, HolidayData(), date(2026, 12, 1), date(2026, 12, 31))
    # Rapat evaluasi TW IV 09:00-11:30 and the 12:00-13:00 break leave three pieces
    assert _hm(cal.free(date(2026, 12, 3))) == [
        ("07:30", "09:00"),
        ("11:30", "12:00"),
        ("13:00", "16:00"),
    ]


def test_friday_keeps_the_long_break_for_jumat_prayer(contract_workspace: Path) -> None:
    ws = load(contract_workspace)
    cal = Calendar(ws, HolidayData(), date(2026, 12, 1), date(2026, 12, 31))
    friday = date(2026, 12, 4)
    assert _hm(cal.free(friday)) == [("07:30", "11:30"), ("13:00", "16:30")]
    assert ("12:10", "12:40") not in _hm(cal.study_time(friday))


def test_holiday_is_not_a_working_day(contract_workspace: Path) -> None:
    ws = load(contract_workspace)
    xmas = date(2026, 12, 25)
    cal = Calendar(ws, HolidayData({xmas: HolidayInfo("Hari Raya Natal", "public")}), xmas, xmas)
    assert not cal.day(xmas).working
    assert cal.free(xmas) == []


def test_ramadan_hours_start_at_eight(contract_workspace: Path) -> None:
    ws = load(contract_workspace)
    d = date(2027, 2, 23)  # a Tuesday in Ramadan 1448 H, after the PKP's offline fortnight
    cal = Calendar(ws, HolidayData(ramadan=((date(2027, 2, 8), date(2027, 3, 9)),)), d, d)
    assert cal.day(d).ramadan
    assert cal.day(d).hours is not None and cal.day(d).hours.start == time(8, 0)


def test_offline_session_days_are_days_away(contract_workspace: Path) -> None:
    ws = load(contract_workspace)
    cal = Calendar(ws, HolidayData(), date(2027, 2, 1), date(2027, 2, 14))
    assert cal.day(date(2027, 2, 2)).away is not None
    assert cal.free(date(2027, 2, 2)) == []
    assert cal.day(date(2027, 2, 6)).away is None  # Saturday: a run of days skips weekends


def test_a_due_date_ends_with_that_days_hours(contract_workspace: Path) -> None:
    ws = load(contract_workspace)
    cal = Calendar(ws, HolidayData(), date(2026, 12, 1), date(2026, 12, 31))
    assert f"{cal.end_of_work(date(2026, 12, 3)):%H:%M}" == "16:00"
    assert f"{cal.end_of_work(date(2026, 12, 4)):%H:%M}" == "16:30"  # Friday
    assert f"{cal.end_of_work(date(2026, 12, 5)):%Y-%m-%d %H:%M}" == "2026-12-05 23:59"


def test_working_days_skip_weekends_and_holidays(contract_workspace: Path) -> None:
    ws = load(contract_workspace)
    hol = HolidayData({date(2026, 12, 7): HolidayInfo("Libur", "public")})
    cal = Calendar(ws, hol, date(2026, 12, 1), date(2026, 12, 31))
    friday = date(2026, 12, 4)
    assert cal.working_days_between(friday, date(2026, 12, 9), limit=10) == 2  # Tue, Wed
    assert cal.working_days_between(friday, date(2026, 12, 31), limit=3) == 3  # stops early
    assert cal.working_days_between(friday, friday, limit=3) == 0


def test_a_day_off_is_a_weekend_or_a_holiday_and_any_calendar_says_so(
    contract_workspace: Path,
) -> None:
    ws = load(contract_workspace)
    xmas = date(2026, 12, 25)
    holidays = HolidayData({xmas: HolidayInfo("Hari Raya Natal", "public")})
    narrow = Calendar(ws, holidays, date(2026, 12, 1), date(2026, 12, 2))
    wide = Calendar(ws, holidays, date(2026, 11, 1), date(2027, 1, 31))
    for cal in (narrow, wide):  # the question does not depend on the calendar's span
        assert cal.is_off(xmas)
        assert cal.is_off(date(2026, 12, 26))  # a Saturday
        assert not cal.is_off(date(2026, 12, 24))
        # the answer agrees with the day's own description
        for d in (xmas, date(2026, 12, 26), date(2026, 12, 24)):
            assert cal.is_off(d) == (cal.day(d).hours is None)
