"""make_plan(workspace, today, ...) -> Plan: the pure planning core, step by step.

1. The horizon's free working time becomes one line of minutes (line.py: epoch minutes, so a
   block is two integers until the plan is built).
2. Every task or occurrence (and each missed one) becomes a `Job` on it, or a status already
   settled; delegate-quadrant work gets a suggestion of who could take it (jobs.py).
3. Which jobs stay on time (Moore-Hodgson, important ones first), and the sweep that places the
   work (sweep.py, with the room before each deadline in slack.py).
4. The placed minutes become blocks, statuses and what did not fit (outcome.py); self-study goes
   into the study windows (study.py); each day gets its fixed blocks, breaks and note.

Everything returned is a value: render/ puts it in words. docs/planning-choices.md explains
each choice.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from operator import attrgetter

from ..workspace.holidays_id import HolidayData
from ..workspace.models import Workspace
from ..workspace.state import Progress
from .calendar import BusyEvent, Calendar, subtract
from .focus import focus_for
from .job import Job
from .jobs import work
from .line import POMODORO_WORK, Horizon, Line, cut_at, minute, split_slots
from .ontime import rank_jobs, select_on_time
from .outcome import outcome
from .placing import Kept, place_focused
from .plan import Block, DayKind, DayNote, DayPlan, Estimated, Moved, Plan, TaskStatus
from .previous import PlanRecord, Span, moved, pins
from .study import study

_KIND_ORDER = {"event": 0, "training": 1, "break": 2, "task": 3, "study": 4}


def make_plan(
    ws: Workspace,
    today: date,
    *,
    holidays: HolidayData,
    progress: Progress | None = None,
    busy: Sequence[BusyEvent] = (),
    now: datetime | None = None,
    calendar: Calendar | None = None,
    slivers: bool = True,
    previous: PlanRecord | None = None,
) -> Plan:
    """The plan of the horizon from `today`.

    `now` (optional, the shell's clock): on today, work is placed only from that moment on, so a
    plan made at ten does not fill the morning that has gone. `calendar` (optional): the user's
    time for these same `ws`, `holidays` and `busy`, when the caller has one that spans the
    horizon (the CLI shares one with `conflicts.find`). `slivers` False: every block keeps its
    task's min_block even where a deadline would need a shorter one (the plan a sliver is
    measured against). `previous` (optional): the last plan made, whose task blocks this one
    keeps where they still work (previous.py); the plan says what it could not keep and why.
    Everything else is a pure function of the arguments.
    """
    last = today + timedelta(days=ws.planning.horizon_days - 1)
    if calendar is not None and calendar.first <= today and last <= calendar.last:
        cal = calendar
    else:
        cal = Calendar(ws, holidays, today, last, busy)
    hz = Horizon(ws, cal, today, last)
    free_by_day, free_before, cut = _free_time(hz, now)

    todo = work(hz, progress or Progress(), free_before)
    if previous is not None and previous.day <= today:
        gaps, changes = _place_keeping(hz, todo.jobs, free_by_day, slivers, previous, cut)
    else:
        gaps, changes = _place_all(hz, todo.jobs, free_by_day, slivers), []
    done = outcome(hz, todo.jobs, gaps, todo.load)
    study_blocks, study_missing = study(hz)
    for sb in study_blocks:
        done.blocks[sb.start.date()].append(sb)

    days = [_day_plan(hz, d, done.blocks[d], free_by_day[d], done.used.get(d, 0)) for d in hz.days]
    warnings = [
        Estimated(d, holidays.days[d].name)
        for d in sorted(holidays.estimated)
        if today <= d <= last and d in holidays.days
    ]
    return Plan(
        timezone=ws.profile.timezone,
        today=today,
        days=tuple(days),
        tasks=tuple(_in_order(todo.settled + done.statuses)),
        unscheduled=tuple(done.unscheduled + study_missing),
        warnings=tuple(warnings),
        since=previous.made if previous is not None and previous.day <= today else None,
        moved=tuple(changes),
    )


def _in_order(statuses: list[TaskStatus]) -> list[TaskStatus]:
    """Open work first, then delegated, then done or skipped; each by urgency, then id."""
    # two sorts on one plain key each: a year of statuses compares tuples slowly
    statuses.sort(key=attrgetter("id"))
    statuses.sort(key=attrgetter("urgency"), reverse=True)
    return [s for group in _status_groups(statuses) for s in group]


def _status_groups(statuses: list[TaskStatus]) -> tuple[list[TaskStatus], ...]:
    groups: tuple[list[TaskStatus], ...] = ([], [], [], [])
    for s in statuses:
        groups[2 * (s.done or s.skipped) + (s.delegated_to is not None)].append(s)
    return groups


_KIND_ORDER = {"event": 0, "training": 1, "break": 2, "task": 3, "study": 4}


def _free_time(
    hz: Horizon, now: datetime | None
) -> tuple[dict[date, list[tuple[int, int]]], dict[date, int], int]:
    """Each day's free working time in epoch minutes (from `now` on, today), the free minutes
    from today up to the start of each day (and of the day after the last), and the minute
    the plan starts at."""
    cal, today = hz.cal, hz.today
    free_by_day = {d: [(minute(a), minute(b)) for a, b in cal.free(d)] for d in hz.days}
    cut = hz.start_m
    if now is not None and now.astimezone(hz.tz).date() == today:
        cut = -(-minute(now) // 5) * 5  # from the next five minutes on
        free_by_day[today] = [(max(a, cut), b) for a, b in free_by_day[today] if b > cut]
    free_before: dict[date, int] = {}
    running = 0
    for d in [*hz.days, hz.last + timedelta(days=1)]:
        free_before[d] = running
        running += sum(e - s for s, e in free_by_day.get(d, ()))
    return free_by_day, free_before, cut


def _place_keeping(
    hz: Horizon,
    jobs: list[Job],
    free_by_day: dict[date, list[Span]],
    slivers: bool,
    previous: PlanRecord,
    cut: int,
) -> tuple[list[Span], list[Moved]]:
    """Place the work keeping the last plan's blocks where they still work (previous.py), and
    say what moved. A kept block is the sweep's first choice at its time, under the guard that
    keeps every on-time deadline's room (sweep.py), so it gives way only where a deadline needs
    the time. Should the plan still have work late that the last plan had on time and a plan
    made afresh has on time, it is the plan made afresh."""
    wanted = pins(hz, jobs, previous, free_by_day, cut, lambda d: _day_note(hz, d))
    by_id = {j.id: j for j in jobs if j.id in wanted.spans}
    kept = sorted(
        ((a, b, by_id[ref]) for ref, spans in wanted.spans.items() for a, b in spans),
        key=_kept_start,
    )
    gaps = _place_all(hz, jobs, free_by_day, slivers, kept, previous.late)
    newly = {j.id for j in _late(hz, jobs)} - previous.late
    if newly:
        gaps = _place_all(hz, jobs, free_by_day, slivers)
        endangered = newly - {j.id for j in _late(hz, jobs)}
        if not endangered:
            gaps = _place_all(hz, jobs, free_by_day, slivers, kept, previous.late)
        return gaps, moved(hz, jobs, wanted, [j for j in jobs if j.id in endangered])
    return gaps, moved(hz, jobs, wanted, [])


def _kept_start(k: Kept) -> int:
    return k[0]


def _late(hz: Horizon, jobs: list[Job]) -> list[Job]:
    """The jobs whose deadline in the horizon the placement meets late or not at all (as
    outcome.py says; work overdue before today is late in every plan, and left out)."""
    start_m, end_m = hz.start_m, hz.end_m
    return [
        j
        for j in jobs
        if start_m < j.due_m <= end_m and (j.rem > 0 or (j.blocks and j.blocks[-1][1] > j.due_m))
    ]


def _place_all(
    hz: Horizon,
    jobs: list[Job],
    free_by_day: dict[date, list[tuple[int, int]]],
    slivers: bool = True,
    kept: Sequence[Kept] = (),
    late_before: frozenset[str] = frozenset(),
) -> list[tuple[int, int]]:
    """Choose the on-time set and place every job on the line of free time; returns the gaps
    between work pieces (pomodoro rests, slack) that may show as breaks. `kept`: blocks of the
    last plan, the sweep's first choice at their time; `late_before`, the work it had late."""
    p, start_m, end_m = hz.ws.planning, hz.start_m, hz.end_m
    if p.pomodoro:
        for j in jobs:
            j.mb = min(j.mb, POMODORO_WORK)
    releases = sorted({j.release_m for j in jobs if start_m < j.release_m < end_m})
    shortest = min((j.mb for j in jobs), default=p.min_block)

    def line_for(slack: int) -> tuple[Line, list[tuple[int, int]]]:
        slots: list[tuple[int, int]] = []
        gaps: list[tuple[int, int]] = []
        for d in hz.days:
            # a gap shorter than any task's min_block between two meetings is no time for work
            usable = [(a, b) for a, b in free_by_day[d] if b - a >= shortest]
            s, g = split_slots(usable, slack, p.pomodoro)
            slots += s
            gaps += g
        if slack and kept:  # the day's end kept free does not take a kept block
            slots = _with_kept(slots, kept)
        return Line(cut_at(slots, releases)), gaps

    full, gaps_full = line_for(0)
    for j in jobs:  # every flag set: a plan that keeps the last one's blocks may place again
        j.pref = 0
        j.rem = j.need
        j.beyond = j.due is None or j.due_m > end_m
        # overdue, or too big for the time between its start and its deadline
        j.late = not j.beyond and (
            j.due_m <= start_m or j.rem > full.upto(j.due_m) - full.upto(j.release_m)
        )
        j.overdue = j.late and j.due_m <= start_m
        j.too_big = j.late and not j.overdue
        j.ontime = False
    rank_jobs(jobs)
    select_on_time([j for j in jobs if not j.beyond and not j.late], full, late_before)
    focus = focus_for(hz)

    if p.slack > 0:
        line, gaps = line_for(p.slack)
        chosen = {j.id for j in jobs if j.ontime}
        # slack never costs a deadline that could be met (and is given up before min_block)
        if place_focused(jobs, line, False, kept, focus):
            for j in jobs:
                j.ontime = j.id in chosen
                j.late = not j.ontime and not j.beyond
            gaps = gaps_full
            place_focused(jobs, full, slivers, kept, focus)
        return gaps
    place_focused(jobs, full, slivers, kept, focus)
    return gaps_full


def _with_kept(slots: list[Span], kept: Sequence[Kept]) -> list[Span]:
    """The slots and the kept blocks together, as sorted spans that do not overlap."""
    out: list[list[int]] = []
    for a, b in sorted([*slots, *((k[0], k[1]) for k in kept)]):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _day_plan(
    hz: Horizon, d: date, placed: list[Block], free: list[tuple[int, int]], used: int
) -> DayPlan:
    """One day: its fixed blocks, breaks and placed work in time order, and how full it is."""
    cal, tz = hz.cal, hz.tz
    info = cal.day(d)
    fixed = cal.fixed(d)
    study_here = [(b.start, b.end) for b in placed if b.kind == "study"]
    breaks: list[Block] = []
    if info.working:
        cuts = [(b.start, b.end) for b in fixed] + study_here
        for br in info.breaks:
            for x0, x1 in subtract([br.on(d, tz)], cuts):
                breaks.append(Block(x0, x1, "break", None, ""))
    # no two placed blocks share a start: sorted once, with the rest, unless study merges
    merged = _merge_study(placed) if study_here else placed
    all_blocks = sorted(fixed + breaks + merged, key=_block_order)
    work = sum(minute(x1) - minute(x0) for x0, x1 in cal.work_time(d))
    return DayPlan(
        date=d,
        working=info.working,
        note=_day_note(hz, d),
        blocks=tuple(all_blocks),
        free_minutes=max(0, sum(e - s for s, e in free) - used),
        work_minutes=work,
    )


def _block_order(b: Block) -> tuple[datetime, datetime, int]:
    return (b.start, b.end, _KIND_ORDER[b.kind])


def _merge_study(blocks: list[Block]) -> list[Block]:
    """Join back-to-back study blocks of the same training into one."""
    out: list[Block] = []
    for b in sorted(blocks, key=_block_order):
        prev = out[-1] if out else None
        if (
            prev is not None
            and b.kind == "study"
            and prev.kind == "study"
            and prev.ref == b.ref
            and prev.end == b.start
        ):
            out[-1] = Block(prev.start, b.end, "study", b.ref, b.title)
        else:
            out.append(b)
    return out


_HOLIDAY_KIND: dict[str, DayKind] = {"public": "holiday", "government": "cuti", "local": "local"}


def _day_note(hz: Horizon, d: date) -> DayNote | None:
    """Why a day is not an ordinary office day, if it is not."""
    info = hz.cal.day(d)
    if info.holiday is not None:
        return DayNote(_HOLIDAY_KIND[info.holiday.kind], info.holiday.name)
    if info.away is not None:
        return DayNote("away", info.away.title)
    if not info.in_workweek:
        return DayNote("weekend" if d.weekday() >= 5 else "off")
    if info.ramadan:
        return DayNote("ramadan")
    return None


__all__ = ["make_plan"]
