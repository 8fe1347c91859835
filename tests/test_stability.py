"""The plan holds still: yesterday's plan is an input, and only what a change forces moves (issue 13)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from diklat_cli.planning.plan import Plan
from diklat_cli.planning.previous import PlanRecord, record_of
from diklat_cli.planning.schedule import make_plan
from diklat_cli.workspace.holidays_id import HolidayData
from diklat_cli.workspace.loader import validate
from diklat_cli.workspace.models import Workspace
from diklat_cli.workspace.state import Progress, TaskProgress
from test_properties import SETTINGS, Case, cases

MONDAY = date(2026, 11, 30)


def followed(plan: Plan, day: date, progress: Progress) -> Progress:
    """`progress` after working exactly as `plan` said on `day` (what `diklat done` records)."""
    tasks = dict(progress.tasks)
    for b in plan.day(day).blocks if plan.day(day) else ():
        if b.kind == "task" and b.ref is not None:
            was = tasks.get(b.ref, TaskProgress())
            tasks[b.ref] = replace(was, spent_minutes=was.spent_minutes + b.minutes)
    return Progress(tasks=tasks)


def task_blocks(plan: Plan, first: date, last: date) -> set[tuple[str, datetime, datetime]]:
    """The minutes each task holds from `first` to `last`, as (task, minute, next minute)."""
    return _minutes(
        {
            (b.ref, b.start, b.end)
            for d in plan.days
            if first <= d.date <= last
            for b in d.blocks
            if b.kind == "task" and b.ref is not None
        }
    )


def _minutes(blocks: set[tuple[str, datetime, datetime]]) -> set[tuple[str, datetime, datetime]]:
    """Each block cut into its minutes, so that two ways of cutting the same time compare equal."""
    out = set()
    for ref, a, b in blocks:
        t = a
        while t < b:
            out.add((ref, t, t + timedelta(minutes=1)))
            t += timedelta(minutes=1)
    return out


def _evening(ws: Workspace, day: date) -> datetime:
    return datetime.combine(day, time(17), ZoneInfo(ws.profile.timezone))


def _due_on(ws: Workspace, day: date) -> bool:
    return any(t.due is not None and _day_of(t.due) == day for t in ws.tasks)


def _day_of(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


@SETTINGS
@given(cases(recurring=False))
def test_following_the_plan_with_nothing_new_moves_nothing(case: Case) -> None:
    """Each evening the day's blocks are recorded as done; the next morning's plan keeps every
    block of the evening's plan, and says nothing moved."""
    ws, today, holidays = case
    tomorrow = today + timedelta(days=1)
    last = today + timedelta(days=ws.planning.horizon_days - 1)
    if _due_on(ws, last + timedelta(days=1)):
        return  # a deadline the evening's plan could not see (past its horizon) is news
    evening = make_plan(ws, today, holidays=holidays)
    record = record_of(evening, _evening(ws, today))
    progress = followed(evening, today, Progress())
    morning = make_plan(ws, tomorrow, holidays=holidays, progress=progress, previous=record)
    assert morning.moved == ()
    assert morning.since == record.made
    kept = task_blocks(evening, tomorrow, last)
    assert kept <= task_blocks(morning, tomorrow, last)


EXTRA: dict[str, Any] = {"id": "tambahan", "title": "Tugas tambahan", "estimate": "1h"}


@SETTINGS
@given(cases(recurring=False), st.integers(0, 4), st.booleans(), st.integers(0, 30))
def test_a_change_never_costs_a_deadline_the_fresh_plan_meets(
    case: Case, due_in: int, important: bool, meeting_at: int
) -> None:
    """With one task and one meeting added overnight, the plan that keeps yesterday's blocks
    has no task late that yesterday's plan had on time and a plan made afresh has on time;
    and every block it does not keep is listed with a reason."""
    ws, today, holidays = case
    tomorrow = today + timedelta(days=1)
    evening = make_plan(ws, today, holidays=holidays)
    record = record_of(evening, _evening(ws, today))
    progress = followed(evening, today, Progress())
    extra = {**EXTRA, "due": (tomorrow + timedelta(days=due_in)).isoformat()}
    extra["important"] = important
    hour = 8 + meeting_at % 8
    meeting = {
        "title": "Rapat baru",
        "date": (tomorrow + timedelta(days=meeting_at // 8)).isoformat(),
        "time": f"{hour:02d}:00-{hour + 1:02d}:00",
    }
    changed = _with(ws, extra, meeting)
    morning = make_plan(changed, tomorrow, holidays=holidays, progress=progress, previous=record)
    afresh = make_plan(changed, tomorrow, holidays=holidays, progress=progress)
    on_time_afresh = {t.id for t in afresh.tasks if not t.late}
    endangered = {
        t.id for t in morning.tasks if t.late and t.id not in record.late and t.id in on_time_afresh
    }
    assert endangered == set()
    _every_lost_block_is_listed(record, morning, tomorrow)


def _with(ws: Workspace, task: dict[str, Any], event: dict[str, Any]) -> Workspace:
    new = validate(Workspace, {"profile": {"name": "Rina"}, "tasks": [task], "events": [event]})
    return replace(ws, tasks=(*ws.tasks, *new.tasks), events=(*ws.events, *new.events))


def _every_lost_block_is_listed(record: PlanRecord, morning: Plan, first: date) -> None:
    last = morning.days[-1].date
    have = task_blocks(morning, first, last)
    listed = _minutes({(m.ref, m.start, m.end) for m in morning.moved})
    open_ = {t.id for t in morning.tasks if t.remaining_minutes + t.scheduled_minutes > 0}
    for ref, a, b in _minutes({(k.ref, k.start, k.end) for k in record.blocks}):
        if first <= a.date() <= last and ref in open_ and (ref, a, b) not in have:
            assert (ref, a, b) in listed


def test_pomodoro_rests_stay_between_the_kept_pieces() -> None:
    ws = validate(
        Workspace,
        {
            "profile": {"name": "Rina"},
            "planning": {"pomodoro": True},
            "tasks": [
                {"id": "a", "title": "Laporan", "estimate": "12h", "due": "2026-12-04"},
                {"id": "b", "title": "Arsip", "estimate": "3h"},
            ],
        },
    )
    evening = make_plan(ws, MONDAY, holidays=HolidayData())
    progress = followed(evening, MONDAY, Progress())
    tuesday = MONDAY + timedelta(days=1)
    record = record_of(evening, _evening(ws, MONDAY))
    morning = make_plan(ws, tuesday, holidays=HolidayData(), progress=progress, previous=record)
    shape = [(b.start, b.end, b.kind, b.ref) for b in morning.days[0].blocks]
    planned = [(b.start, b.end, b.kind, b.ref) for b in evening.day(tuesday).blocks]
    assert morning.moved == ()
    assert shape == planned
    assert sum(b.pomodoro for b in morning.days[0].blocks) >= 5
