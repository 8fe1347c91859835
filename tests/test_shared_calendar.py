"""The CLI gives the planner and the clash checks one calendar; the answers must not change."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from diklat_cli.demo import shift_to
from diklat_cli.planning.calendar import Calendar
from diklat_cli.planning.conflicts import find, window
from diklat_cli.planning.schedule import make_plan
from diklat_cli.workspace.holidays_id import HolidayCache, holiday_data
from diklat_cli.workspace.loader import demo_path, load


@pytest.mark.parametrize("today", [date(2026, 12, 1), date(2027, 1, 12), date(2027, 2, 15)])
def test_one_wider_calendar_gives_the_same_plan_and_clashes(today: date) -> None:
    ws = shift_to(load(demo_path()), today)
    first, last = window(ws, today)
    first = min(first, today) - timedelta(days=30)  # wider than either needs
    holidays = holiday_data(
        range(first.year, last.year + 1), public=True, cuti_bersama=True, cache=HolidayCache(None)
    )
    shared = Calendar(ws, holidays, first, last)
    alone = make_plan(ws, today, holidays=holidays)
    together = make_plan(ws, today, holidays=holidays, calendar=shared)
    assert together == alone
    assert together.days[0].date == today
    assert find(ws, today, holidays=holidays, plan=alone, calendar=shared) == find(
        ws, today, holidays=holidays, plan=alone
    )


def test_a_calendar_too_short_for_the_horizon_is_not_used() -> None:
    today = date(2026, 12, 1)
    ws = shift_to(load(demo_path()), today)
    holidays = holiday_data([2026, 2027], public=True, cuti_bersama=True, cache=HolidayCache(None))
    short = Calendar(ws, holidays, today, today + timedelta(days=2))
    plan = make_plan(ws, today, holidays=holidays, calendar=short)
    assert plan == make_plan(ws, today, holidays=holidays)
    assert len(plan.days) == ws.planning.horizon_days
