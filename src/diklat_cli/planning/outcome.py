"""What the sweep made of the jobs: their statuses, the task blocks and pomodoro rests of each
day, and what did not fit, with the reason and a suggestion (as values: render/ words them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from operator import attrgetter

from .job import Job
from .jobs import Load, colleague_for
from .line import Horizon
from .plan import Block, DueKind, DueNote, ReasonCode, Suggestion, TaskStatus, Unscheduled


@dataclass
class Outcome:
    statuses: list[TaskStatus] = field(default_factory=list)
    unscheduled: list[Unscheduled] = field(default_factory=list)
    blocks: dict[date, list[Block]] = field(default_factory=dict)  # task blocks and rests, by day
    used: dict[date, int] = field(default_factory=dict)  # their minutes, by day


def outcome(hz: Horizon, jobs: list[Job], gaps: list[tuple[int, int]], load: Load) -> Outcome:
    """Each job in the preference order: its blocks, its status, and what is left of it; then
    the pomodoro rests that fall between two pieces of work."""
    out = Outcome(blocks={d: [] for d in hz.days})
    for j in sorted(jobs, key=attrgetter("pref")):
        due_day = j.due_day
        late = due_day is not None and _late(hz, j)
        note = None if due_day is None else DueNote(_due_kind(hz, j, late), due_day)
        end = _put_blocks(hz, j, note, out)
        out.statuses.append(_task_status(hz, j, end, late))
        if j.rem > 0:
            out.unscheduled.append(_unscheduled(hz, j, due_day, load))
    if gaps:
        _put_rests(hz, gaps, jobs, out)
    return out


def _late(hz: Horizon, j: Job) -> bool:
    """A deadline in the horizon that the job meets late or not at all."""
    due_m = j.due_m
    if due_m > hz.end_m:
        return False
    return due_m <= hz.start_m or j.rem > 0 or (bool(j.blocks) and j.blocks[-1][1] > due_m)


def _due_kind(hz: Horizon, j: Job, late: bool) -> DueKind:
    if not late:
        return "due"
    return "overdue" if j.due_m <= hz.start_m else "late"


def _put_blocks(hz: Horizon, j: Job, note: DueNote | None, out: Outcome) -> datetime | None:
    """The job's task blocks into their days; the end of the last one (when it is finished)."""
    end: datetime | None = None
    quadrant = j.ranking.quadrant
    extras = j.extra_switches  # (focus.py: switches past the daily cap a deadline needed)
    for a, b in j.blocks:
        start, end = hz.dt(a), hz.dt(b)
        day = start.date()
        sliver = b - a < j.mb and b - a < j.need  # the sweep cuts one only for a tight deadline
        extra = bool(extras) and any(a <= m < b for m in extras)
        out.blocks[day].append(
            Block(
                start, end, "task", j.id, j.title, quadrant, note, sliver=sliver, extra_switch=extra
            )
        )
        out.used[day] = out.used.get(day, 0) + b - a
    return end


def _put_rests(hz: Horizon, gaps: list[tuple[int, int]], jobs: list[Job], out: Outcome) -> None:
    """A pomodoro rest shows only between two pieces of work."""
    ends = {b for j in jobs for _, b in j.blocks}
    starts = {a for j in jobs for a, _ in j.blocks}
    rests: dict[date, int] = {}
    for a, b in gaps:
        if a in ends and b in starts:
            start = hz.dt(a)
            rests[start.date()] = rests.get(start.date(), 0) + b - a
            out.blocks[start.date()].append(
                Block(start, hz.dt(b), "break", None, "", pomodoro=True)
            )
    for d, minutes in rests.items():
        out.used[d] = out.used.get(d, 0) + minutes


def _task_status(hz: Horizon, j: Job, end: datetime | None, late: bool) -> TaskStatus:
    """The status of a job the sweep placed (or could not place)."""
    r = j.ranking
    return TaskStatus(
        id=j.id,
        title=j.title,
        quadrant=r.quadrant,
        urgency=r.urgency,
        terms=r.terms,
        estimate_minutes=j.need,
        scheduled_minutes=j.need - j.rem,
        remaining_minutes=j.rem,
        due=j.due,
        finish=end,
        late=late,
        delegated_to=None,
        important=j.task.important,
        urgent=r.urgent,
        suggest=j.suggest,
        missed=j.due_day is not None and j.due_day < hz.today and "@" in j.id,
    )


def _unscheduled(hz: Horizon, j: Job, due_day: date | None, load: Load) -> Unscheduled:
    """Why a job's remaining work did not fit, and what to do about it."""
    reason: ReasonCode
    start: date | None = None
    if j.release_m >= hz.end_m and j.release is not None:
        reason, start = "after", j.release.astimezone(hz.tz).date()
    elif due_day is not None and j.due_m <= hz.end_m:
        reason = "overdue_full" if j.overdue else ("too_big" if j.too_big else "given_up")
    else:
        reason = "full"
    c = colleague_for(hz, j.task, j.rem, due_day or hz.last, load)
    if c is not None:
        assert c.capacity is not None
        skill = next(s for s in c.skills if s in j.task.tags)
        hint = Suggestion(
            code="colleague", colleague=c.id, name=c.name, skill=skill, capacity=c.capacity
        )
    elif due_day is not None:
        hint = Suggestion(code="move_due", due=due_day)
    else:
        hint = Suggestion(code="horizon")
    return Unscheduled(
        ref=j.id,
        minutes=j.rem,
        reason=reason,
        suggestion=hint,
        last=hz.last,
        due=due_day,
        start=start,
    )
