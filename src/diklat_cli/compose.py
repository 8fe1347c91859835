"""What each command shows, composed from the core: its days, calendar, plan and findings.

The commands (cli/) read the outside world (files, environment, clock, the user's calendars) and
print; the core (planning/) answers questions about plain values. Between them, this module knows
which days a command needs and which parts of the core answer it:

    first, last = compose.plan_window(ws, today)   # the days to read
    # the command reads the holidays and busy time of first..last, and the progress
    plan = compose.plan_with_findings(ws, today, holidays=..., busy=..., progress=...)

Everything here takes plain values (workspace, holidays, busy time, progress, today, now) and is
as pure as the core, so the commands import this module and never each other.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from .planning.calendar import BusyEvent, Calendar, horizon
from .planning.plan import Conflict, Plan
from .workspace.holidays_id import HolidayData
from .workspace.models import Training, Workspace
from .workspace.state import Progress

if TYPE_CHECKING:
    from .planning.handover import Sheet
    from .planning.previous import PlanRecord
    from .planning.suggest import Suggestions

# The planner, the clash checks and the handover builder are imported by the functions that use
# them: `diklat handover` needs no planner, `diklat export` no clash checks.

Window = tuple[date, date]

HANDOVER_BEFORE = timedelta(days=7)  # a week before the training (or today), for the first stretch
HANDOVER_AFTER = timedelta(days=45)  # work due soon after, and ten working days back (return)


# --- the plan and its findings (plan, check, why) ------------------------------------------------


def stretched(ws: Workspace, today: date, until: date) -> Workspace:
    """The workspace planned far enough ahead to reach `until` (never less than configured)."""
    days = (until - today).days + 1
    if days <= ws.planning.horizon_days:
        return ws
    planning = dataclasses.replace(ws.planning, horizon_days=days)
    return dataclasses.replace(ws, planning=planning)


def plan_window(ws: Workspace, today: date) -> Window:
    """The days the plan and its findings need: the horizon, and past it a training's whole run
    and the deadlines the clash checks look at."""
    from .planning import conflicts

    first, last = conflicts.window(ws, today)
    return min(first, today), max(last, today + timedelta(days=ws.planning.horizon_days))


def plan_and_findings(
    ws: Workspace,
    today: date,
    *,
    holidays: HolidayData,
    busy: Sequence[BusyEvent],
    progress: Progress,
    now: datetime | None = None,
    previous: PlanRecord | None = None,
) -> tuple[Plan, list[Conflict]]:
    """The plan of the horizon and what `conflicts.find` reports, from one calendar over
    `plan_window` (each would otherwise work out every day again).

    `holidays` and `busy` cover `plan_window(ws, today)`; `now` is the clock when planning the
    real today: the part of the day already gone gets no work; `previous`, the last plan
    recorded, whose blocks the plan keeps where they still work.
    """
    from .planning import conflicts, schedule

    first, last = plan_window(ws, today)
    cal = Calendar(ws, holidays, first, last, busy)
    p = schedule.make_plan(
        ws,
        today,
        holidays=holidays,
        progress=progress,
        busy=busy,
        now=now,
        calendar=cal,
        previous=previous,
    )
    found = conflicts.find(
        ws, today, holidays=holidays, busy=busy, plan=p, calendar=cal, progress=progress
    )
    return p, found


def with_conflicts(plan: Plan, found: Sequence[Conflict]) -> Plan:
    """The planner's own conflicts and what `conflicts.find` reports that the plan does not
    already hold (the same value is the same finding), errors first."""
    from .planning.conflicts import by_severity

    known = set(plan.conflicts)
    extra = tuple(c for c in found if c not in known)
    return dataclasses.replace(plan, conflicts=tuple(by_severity(plan.conflicts + extra)))


def plan_with_findings(
    ws: Workspace,
    today: date,
    *,
    holidays: HolidayData,
    busy: Sequence[BusyEvent],
    progress: Progress,
    now: datetime | None = None,
    previous: PlanRecord | None = None,
) -> Plan:
    """The plan with what `conflicts.find` reports merged in: what `diklat plan` shows."""
    p, found = plan_and_findings(
        ws, today, holidays=holidays, busy=busy, progress=progress, now=now, previous=previous
    )
    return with_conflicts(p, found)


def suggest_window(
    training: Training, today: date, first: date | None, last: date | None
) -> Window:
    """The days `check --suggest` reads for starts from `first` to `last` (default: four weeks
    either side): from the earlier of today and `first` to the latest start's whole run, the
    earliest start (today plus the lead time) and the current dates included."""
    from .planning import suggest

    lo, hi = suggest.default_window(training)
    first, last = first or lo, last or hi
    span = max(last - first, timedelta(0))
    latest = max(last, training.start, today + suggest.LEAD_SPAN + span)
    begin = min(first, today, training.start) - timedelta(days=7)
    return begin, latest + (training.end - training.start) + timedelta(days=21)


def suggestions(
    ws: Workspace,
    training: Training,
    today: date,
    first: date | None,
    last: date | None,
    *,
    holidays: HolidayData,
    busy: Sequence[BusyEvent],
    progress: Progress,
) -> Suggestions:
    """`check --suggest`: better start dates, weighing only the work the plan leaves undone at
    each candidate's departure; `holidays` and `busy` cover `suggest_window` and `plan_window`."""
    from .planning import schedule, suggest

    plan = schedule.make_plan(ws, today, holidays=holidays, progress=progress, busy=busy)
    return suggest.suggest(
        ws, training, today, holidays=holidays, busy=busy, first=first, last=last, plan=plan
    )


# --- the handover sheet --------------------------------------------------------------------------


def handover_window(ws: Workspace, training: Training, today: date) -> Window:
    """The days a handover (or return) sheet needs: the absence, what is due soon after it, the
    first working days back, and the plan's horizon (what it leaves undone is handed over)."""
    first = min(training.start, today) - HANDOVER_BEFORE
    last = max(training.end + HANDOVER_AFTER, horizon(ws, today)[1])
    return first, last


def sheet(
    ws: Workspace,
    training: Training,
    today: date,
    *,
    holidays: HolidayData,
    busy: Sequence[BusyEvent],
    progress: Progress,
    returning: bool = False,
    previous: PlanRecord | None = None,
) -> Sheet:
    """The handover sheet (with `returning`, the return sheet); `holidays` and `busy` cover
    `handover_window(ws, training, today)`.

    The work handed over is what the plan (the one `diklat plan` and `check` show) leaves
    undone on the first day away; the return sheet reports on what was handed over.
    """
    from .planning.handover import make_sheet

    first, last = handover_window(ws, training, today)
    cal = Calendar(ws, holidays, first, last, busy)
    plan = None
    if not returning:
        from .planning.schedule import make_plan

        plan = make_plan(
            ws,
            today,
            holidays=holidays,
            progress=progress,
            busy=busy,
            calendar=cal,
            previous=previous,
        )
    return make_sheet(
        ws,
        training,
        today,
        cal=cal,
        progress=progress,
        busy=busy,
        returning=returning,
        plan=plan,
    )


# --- the export ----------------------------------------------------------------------------------


def export_windows(
    ws: Workspace, today: date, first: date, last: date
) -> tuple[Workspace, Window, Window]:
    """For an export of `first`..`last`: the workspace planned far enough to reach `last`, the
    days whose holidays it needs (the export's and the plan's), and the plan's own days (for the
    busy time the planner works around)."""
    ws = stretched(ws, today, last)
    plan_first, plan_last = horizon(ws, today)
    return ws, (min(first, today), max(last, plan_last)), (plan_first, plan_last)


def export(
    ws: Workspace,
    today: date,
    first: date,
    last: date,
    *,
    holidays: HolidayData,
    busy: Sequence[BusyEvent],
    progress: Progress,
    previous: PlanRecord | None = None,
) -> tuple[Plan, Calendar]:
    """The plan to export and the calendar of `first`..`last` (which days are off, for the
    training sessions); `ws` as `export_windows` stretched it."""
    from .planning.schedule import make_plan

    plan = make_plan(ws, today, holidays=holidays, progress=progress, busy=busy, previous=previous)
    return plan, Calendar(ws, holidays, first, last)
