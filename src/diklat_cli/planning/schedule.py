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

from bisect import bisect_left
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from operator import attrgetter

from ..workspace.holidays_id import HolidayData
from ..workspace.models import Workspace
from ..workspace.state import Progress
from .calendar import BusyEvent, Calendar, subtract
from .job import Job
from .jobs import work
from .line import POMODORO_WORK, Horizon, Line, cut_at, minute, split_slots
from .ontime import rank_jobs, select_on_time
from .outcome import outcome
from .plan import Block, DayKind, DayNote, DayPlan, Estimated, Moved, Plan, TaskStatus
from .previous import PlanRecord, Span, moved, pins
from .study import study
from .sweep import place_focused

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
    say what moved. Blocks give way only where keeping them would make work late that a plan
    made afresh has on time: first the blocks of the work due after the deadline that needs
    the room go to the work that needs it; if that is not enough, the kept blocks of the
    latest days go, the fewest days that make the plan safe (at worst all: afresh)."""
    wanted = pins(hz, jobs, previous, free_by_day, cut, lambda d: _day_note(hz, d))
    spans = {ref: list(s) for ref, s in wanted.spans.items()}
    gaps = _place_all(hz, jobs, free_by_day, slivers, spans)
    newly = [j for j in _late(hz, jobs) if j.id not in previous.late]
    if not newly:
        return gaps, moved(hz, jobs, wanted, [])
    _place_all(hz, jobs, free_by_day, slivers)
    late_afresh = {j.id for j in _late(hz, jobs)}
    by_id = {j.id: j for j in jobs}

    def endangered(kept: dict[str, list[Span]]) -> list[Job]:
        _place_all(hz, jobs, free_by_day, slivers, kept)
        return [j for j in _late(hz, jobs) if j.id not in late_afresh]

    for _ in range(GIVE_WAY_ROUNDS):
        late = endangered(spans)
        if not late:
            break
        _give_way(spans, late, by_id)
    else:
        if endangered(spans):
            spans = _fewest_days_dropped(hz, wanted.spans, endangered)
    gaps = _place_all(hz, jobs, free_by_day, slivers, spans)
    return gaps, moved(hz, jobs, wanted, [j for j in newly if j.id not in late_afresh])


GIVE_WAY_ROUNDS = 3


def _fewest_days_dropped(
    hz: Horizon,
    wanted: dict[str, list[Span]],
    endangered: Callable[[dict[str, list[Span]]], list[Job]],
) -> dict[str, list[Span]]:
    """The kept blocks of the first days only, as many days as keep the plan safe (a binary
    search: keeping none is the plan made afresh, which is)."""
    day = [(a - hz.start_m) // (24 * 60) for spans in wanted.values() for a, _ in spans]
    days = sorted(set(day))

    def upto(k: int) -> dict[str, list[Span]]:
        if k >= len(days):
            return {ref: list(s) for ref, s in wanted.items()}
        end = hz.start_m + days[k] * 24 * 60
        return {ref: [(a, b) for a, b in s if a < end] for ref, s in wanted.items()}

    lo, hi = 0, len(days) - 1  # keeping all of them is known to fail
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if endangered(upto(mid)):
            hi = mid - 1
        else:
            lo = mid
    return upto(lo)


def _late(hz: Horizon, jobs: list[Job]) -> list[Job]:
    """The jobs whose deadline in the horizon the placement meets late or not at all (as
    outcome.py says; work overdue before today is late in every plan, and left out)."""
    start_m, end_m = hz.start_m, hz.end_m
    return [
        j
        for j in jobs
        if start_m < j.due_m <= end_m and (j.rem > 0 or (j.blocks and j.blocks[-1][1] > j.due_m))
    ]


def _give_way(spans: dict[str, list[Span]], endangered: list[Job], by_id: dict[str, Job]) -> None:
    """Hand kept minutes before each endangered deadline to the work that lacks them (after
    its start): the blocks of the work due after it go, that due last first, the latest of
    them first; what is left of a block stays with its task when it is not shorter than the
    task's min_block."""
    for late in sorted(endangered, key=lambda j: j.due_m):
        first, due = late.release_m, late.due_m
        lacking = late.rem + sum(b - max(a, due) for a, b in late.blocks if b > due)
        mine = [(a, b) for a, b in spans.get(late.id, []) if b <= due]  # not its late ones
        room = sorted(
            (
                (by_id[ref].due_m, b, a, ref)
                for ref, ss in spans.items()
                if ref != late.id
                for a, b in ss
                if a < due and b > first and by_id[ref].due_m > due
            ),
            reverse=True,
        )
        for _, b0, a0, ref in room:
            if lacking <= 0:
                break
            end = min(b0, due)
            take = min(lacking, end - max(a0, first))
            mine.append((end - take, end))
            lacking -= take
            other = by_id[ref]
            rest = [(a0, end - take), (end, b0)]
            spans[ref].remove((a0, b0))
            spans[ref] += [(a, b) for a, b in rest if b - a >= min(other.mb, other.need)]
            spans[ref].sort()
        spans[late.id] = sorted(mine)


def _place_all(
    hz: Horizon,
    jobs: list[Job],
    free_by_day: dict[date, list[tuple[int, int]]],
    slivers: bool = True,
    kept: dict[str, list[Span]] | None = None,
) -> list[tuple[int, int]]:
    """Choose the on-time set and place every job on the line of free time; returns the gaps
    between work pieces (pomodoro rests, slack) that may show as breaks. `kept`: blocks of the
    last plan that stay (by job id); the rest of the work goes around them."""
    p, start_m, end_m = hz.ws.planning, hz.start_m, hz.end_m
    _start_over(jobs, kept or {}, p.pomodoro)
    free = free_by_day
    if kept:
        taken = sorted(span for spans in kept.values() for span in spans)
        free = {d: _without(spans, taken) for d, spans in free_by_day.items()}
    releases = sorted({j.release_m for j in jobs if start_m < j.release_m < end_m})
    shortest = min((j.mb for j in jobs), default=p.min_block)

    def line_for(slack: int, free: dict[date, list[Span]]) -> tuple[Line, list[Span]]:
        slots: list[tuple[int, int]] = []
        gaps: list[tuple[int, int]] = []
        for d in hz.days:
            # a gap shorter than any task's min_block between two meetings is no time for work
            usable = [(a, b) for a, b in free[d] if b - a >= shortest]
            s, g = split_slots(usable, slack, p.pomodoro)
            slots += s
            gaps += g
        return Line(cut_at(slots, releases)), gaps

    full, gaps_full = line_for(0, free)
    if kept and p.pomodoro:  # the rests between kept pieces: where the last plan had them
        gaps_full = sorted(set(gaps_full) | set(line_for(0, free_by_day)[1]))
    for j in jobs:
        j.pref = 0
        j.rem = j.need - j.kept_m
        if j.due is None or j.due_m > end_m:
            j.beyond = True
        elif j.due_m <= start_m or j.rem > full.upto(j.due_m) - full.upto(j.release_m):
            j.late = True  # overdue, or too big for the time between its start and its deadline
            j.overdue = j.due_m <= start_m
            j.too_big = not j.overdue
    rank_jobs(jobs)
    select_on_time([j for j in jobs if not j.beyond and not j.late], full)

    if p.slack > 0:
        line, gaps = line_for(p.slack, free)
        chosen = {j.id for j in jobs if j.ontime}
        # slack never costs a deadline that could be met (and is given up before min_block)
        if place_focused(jobs, line, slivers=False):
            for j in jobs:
                j.ontime = j.id in chosen
                j.late = not j.ontime and not j.beyond
            gaps = gaps_full
            place_focused(jobs, full, slivers)
        _join_kept(jobs)
        return gaps
    place_focused(jobs, full, slivers)
    _join_kept(jobs)
    return gaps_full


def _start_over(jobs: list[Job], kept: dict[str, list[Span]], pomodoro: bool) -> None:
    """Every job as before any placement (a plan that keeps the last one's blocks may place
    several times), with the blocks it keeps."""
    for j in jobs:
        j.kept, j.kept_m = [], 0
        j.late = j.ontime = j.overdue = j.too_big = j.beyond = False
        if pomodoro:
            j.mb = min(j.mb, POMODORO_WORK)
    if kept:
        for j in jobs:
            if j.id in kept:
                j.kept = kept[j.id]
                j.kept_m = sum(b - a for a, b in j.kept)


def _without(free: list[Span], taken: list[Span]) -> list[Span]:
    """A day's free spans less the kept blocks (`taken`, sorted) that fall in them."""
    if not free:
        return free
    lo = bisect_left(taken, (free[0][0], free[0][0]))
    hi = bisect_left(taken, (free[-1][1], free[-1][1]))
    return subtract(free, taken[max(0, lo - 1) : hi])


def _join_kept(jobs: list[Job]) -> None:
    """Each job's kept blocks among the ones the sweep placed, touching ones joined."""
    for j in jobs:
        if not j.kept:
            continue
        joined: list[list[int]] = []
        for a, b in sorted([*map(tuple, j.blocks), *j.kept]):
            if joined and joined[-1][1] == a:
                joined[-1][1] = b
            else:
                joined.append([a, b])
        j.blocks = joined


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
