"""make_plan(workspace, today, ...) -> Plan: the pure planning core.

PLACEHOLDER until the planner lands: it lays out the fixed blocks and breaks only.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from .calendar import BusyEvent, Calendar
from .holidays_id import HolidayData
from .i18n import Lang
from .models import Workspace
from .plan import DayPlan, Plan
from .state import Progress


def make_plan(
    ws: Workspace,
    today: date,
    *,
    holidays: HolidayData,
    progress: Progress | None = None,
    busy: Sequence[BusyEvent] = (),
    lang: Lang = "id",
) -> Plan:
    last = today + timedelta(days=ws.planning.horizon_days - 1)
    cal = Calendar(ws, holidays, today, last, busy)
    days = []
    for d in cal.days():
        info = cal.day(d)
        blocks = sorted(cal.fixed(d) + cal.breaks(d), key=lambda b: (b.start, b.end))
        days.append(
            DayPlan(d, info.working, info.holiday.name if info.holiday else None, tuple(blocks))
        )
    return Plan(ws.profile.timezone, today, tuple(days), ())
