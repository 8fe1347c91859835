"""From tasks to the work the sweep places: each task or occurrence becomes a `Job`, or a status
already settled (done, skipped, nothing left, delegated by the user).

Work leaves the user's plan only when the user said so (`delegate_to`). A delegate-quadrant task
(urgent, less important) keeps its time in the plan with a suggestion of who could take it; only
`planning.auto_delegate` hands it over, and its status then says the planner chose.

A routine task's occurrence whose day has passed with nothing recorded stays as overdue work, up
to `planning.missed_weeks` back, until `diklat done` records it done or skipped.

A routine task's occurrence opens the day after the previous one is due, unless that window holds
too little working time (a week of Lebaran leave): then it shares the previous window.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from ..workspace.models import Colleague, Task
from ..workspace.state import Progress
from .job import Job
from .line import Horizon, minute
from .occurrences import Ref, occurrences
from .plan import DelegateHint, TaskStatus
from .prioritise import Ranking, rank
from .slack import INF

Instant = tuple[datetime, int, date]  # an instant, its epoch minute and its day in the user's zone
Load = dict[tuple[str, date], int]  # minutes handed to each colleague, by (id, week's Monday)


@dataclass
class Work:
    """The tasks as work to place (`jobs`) and statuses already settled; `load`: the minutes
    handed to each colleague per week, for the suggestions of what does not fit."""

    jobs: list[Job] = field(default_factory=list)
    settled: list[TaskStatus] = field(default_factory=list)
    load: Load = field(default_factory=dict)


class _Item(NamedTuple):
    """One task, or one occurrence of a routine task, with its due and start instants."""

    ref: str
    task: Task
    due: Instant | None
    release: Instant | None
    key: tuple[object, ...]  # the dates its due and start are known by: it ranks as they do
    missed: bool = False  # an occurrence whose day passed before today


def work(hz: Horizon, progress: Progress, free_before: dict[date, int]) -> Work:
    """Every task and occurrence of the horizon (and the missed ones before it) as a job or a
    settled status, in id order; delegate-quadrant work gets a colleague who could take it."""
    instants = _Instants(hz)
    ranker = _Ranker(hz)
    out = Work()
    to_delegate: list[Job] = []
    for task in sorted(hz.ws.tasks, key=lambda t: t.id):
        for item in _items(hz, task, instants, free_before):
            if item.missed and _recorded(progress, item.ref):
                continue  # a past occurrence done or skipped: history, not the plan's business
            r = ranker.rank(item)
            job = _job_or_status(hz, item, r, progress, out.settled)
            if job is None:
                continue
            if r.quadrant == "delegate" and task.tags and not task.hold_until_return:
                to_delegate.append(job)
            out.jobs.append(job)
    auto = hz.ws.planning.auto_delegate
    # a suggestion counts the suggestions before it, so two do not count on the same room
    picks = _delegate(hz, to_delegate, out.load if auto else {})
    if not auto:
        for j, hint in picks:
            j.suggest = hint
        return out
    out.settled += (
        _status(j.id, j.task, j.ranking, j.need, j.due, delegated_to=h.colleague, auto=True)
        for j, h in picks
    )
    given = {j.id for j, _ in picks}
    out.jobs = [j for j in out.jobs if j.id not in given]
    return out


def _recorded(progress: Progress, ref: str) -> bool:
    p = progress.of(ref)
    return p.done or p.skipped


def _items(
    hz: Horizon, task: Task, instants: _Instants, free_before: dict[date, int]
) -> list[_Item]:
    """A one-off task as one item; a routine task as its occurrences in the horizon."""
    available = instants.start(task.available)
    if not (task.recurs and task.from_):
        due = instants.end(task.due)
        return [_Item(task.id, task, due, available, (task.due, task.available))]
    items = _missed(hz, task, instants, available)
    prev: date | None = None
    opened: date | None = None  # the day the current occurrence may start
    for d in occurrences(task, max(hz.today, task.from_), hz.last):
        if prev is not None:
            nxt = prev + timedelta(days=1)
            if free_before[d + timedelta(days=1)] - free_before[nxt] >= task.estimate:
                opened = nxt
        opens = instants.start(opened)
        key: object = opened
        if available is not None and (opens is None or available[0] > opens[0]):
            opens, key = available, task.available
        items.append(_Item(str(Ref(task.id, d)), task, instants.end(d), opens, (d, key)))
        prev = d
    return items


def _missed(hz: Horizon, task: Task, instants: _Instants, available: Instant | None) -> list[_Item]:
    """The occurrences of the last `planning.missed_weeks` weeks before today (from `from` on):
    overdue work, open now, until recorded done or skipped."""
    assert task.from_ is not None
    weeks = hz.ws.planning.missed_weeks
    first = max(task.from_, hz.today - timedelta(weeks=weeks))
    yesterday = hz.today - timedelta(days=1)
    if weeks == 0 or first > yesterday:
        return []
    return [
        _Item(str(Ref(task.id, d)), task, instants.end(d), available, (d, task.available), True)
        for d in occurrences(task, first, yesterday)
    ]


def _job_or_status(
    hz: Horizon, item: _Item, r: Ranking, progress: Progress, settled: list[TaskStatus]
) -> Job | None:
    """The item's job, or None when its status is settled already (added to `settled`)."""
    task = item.task
    due = item.due[0] if item.due else None
    done = progress.of(item.ref)
    need = max(0, task.estimate - done.spent_minutes)
    if done.done:
        settled.append(_status(item.ref, task, r, 0, due, done=True))
    elif done.skipped:
        settled.append(_status(item.ref, task, r, 0, due, skipped=True))
    elif task.delegate_to:
        settled.append(_status(item.ref, task, r, need, due, delegated_to=task.delegate_to))
    elif need == 0:
        settled.append(_status(item.ref, task, r, 0, due))
    else:
        return Job(
            item.ref,
            task,
            due,
            item.due[1] if item.due else INF,
            item.due[2] if item.due else None,
            item.release[0] if item.release else None,
            item.release[1] if item.release else -INF,
            need,
            r,
            task.min_block or hz.ws.planning.min_block,
        )
    return None


def _status(
    ref: str,
    task: Task,
    r: Ranking,
    need: int,
    due: datetime | None,
    *,
    delegated_to: str | None = None,
    done: bool = False,
    skipped: bool = False,
    auto: bool = False,
) -> TaskStatus:
    """The status of work the sweep does not place."""
    return TaskStatus(
        id=ref,
        title=task.title,
        quadrant=r.quadrant,
        urgency=r.urgency,
        terms=r.terms,
        estimate_minutes=need,
        scheduled_minutes=0,
        remaining_minutes=0,
        due=due,
        finish=None,
        late=False,
        delegated_to=delegated_to,
        important=task.important,
        urgent=r.urgent,
        done=done,
        auto_delegated=auto,
        skipped=skipped,
    )


class _Instants:
    """A date's instant (and its epoch minute) as a task's start (midnight) or due (the end of
    that day's work). Thousands of tasks share a few hundred dates: each is worked out once, and
    the date is the cheap key (an aware datetime hashes through its zone)."""

    def __init__(self, hz: Horizon) -> None:
        self.hz = hz
        self.known: dict[tuple[date | datetime, bool], Instant] = {}

    def start(self, value: date | datetime | None) -> Instant | None:
        return self._instant(value, False)

    def end(self, value: date | datetime | None) -> Instant | None:
        return self._instant(value, True)

    def _instant(self, value: date | datetime | None, end: bool) -> Instant | None:
        if value is None:
            return None
        hit = self.known.get((value, end))
        if hit is None:
            if isinstance(value, datetime):
                at = value
            elif end:
                at = self.hz.cal.end_of_work(value)
            else:
                at = datetime.combine(value, time(), self.hz.tz)
            hit = self.known[value, end] = (at, minute(at), at.astimezone(self.hz.tz).date())
        return hit


class _Ranker:
    """Each task's urgency and quadrant (prioritise.rank), worked out once for each combination
    of due day, start and flags that thousands of tasks share."""

    def __init__(self, hz: Horizon) -> None:
        self.hz = hz
        self.known: dict[tuple[object, ...], Ranking] = {}
        self.working_days: dict[date, int] = {}  # from today to a due day, as far as urgency looks

    def rank(self, item: _Item) -> Ranking:
        task = item.task
        key = (*item.key, task.important, task.urgent)
        r = self.known.get(key)
        if r is None:
            due = item.due[0] if item.due else None
            days_left = None if due is None else self._working_days(due)
            p = self.hz.ws.planning
            r = self.known[key] = rank(
                now=self.hz.origin,
                due=due,
                available=item.release[0] if item.release else None,
                important=task.important,
                forced=task.urgent,
                working_days_to_due=days_left,
                urgent_within_days=p.urgent_within_days,
            )
        return r

    def _working_days(self, due: datetime) -> int:
        hz = self.hz
        day = due.astimezone(hz.tz).date()
        n = self.working_days.get(day)
        if n is None:
            look = hz.ws.planning.urgent_within_days + 1
            n = 0 if day <= hz.today else hz.cal.working_days_between(hz.today, day, look)
            self.working_days[day] = n
        return n


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def colleague_for(
    hz: Horizon, task: Task, minutes: int, until: date, load: Load
) -> Colleague | None:
    """A colleague with a skill the task is tagged with, spare capacity that week, not away."""
    if not task.tags or not hz.ws.colleagues:
        return None
    week = monday(min(max(until, hz.today), hz.last))
    tags = set(task.tags)
    best: tuple[int, int, str] | None = None
    found: Colleague | None = None
    for c in hz.ws.colleagues:
        if c.capacity is None or not tags & set(c.skills):
            continue
        spare = c.capacity - load.get((c.id, week), 0)
        if spare < minutes:
            continue
        if any(a.start <= until and a.end >= hz.today for a in c.away):
            continue
        key = (-len(tags & set(c.skills)), -spare, c.id)
        if best is None or key < best:
            best, found = key, c
    return found


def _delegate(hz: Horizon, pending: list[Job], load: Load) -> list[tuple[Job, DelegateHint]]:
    """A colleague who fits each delegate-quadrant job, most urgent first, with the reasons;
    `load` counts each pick, so the next one sees the room that is left."""
    out: list[tuple[Job, DelegateHint]] = []
    # overdue work is taken from the first working day on (not a weekend's week that is over)
    first = next((d for d in hz.days if hz.cal.day(d).working), hz.today)
    for job in sorted(pending, key=lambda j: (-j.ranking.urgency, j.id)):
        until = max(job.due_day or hz.last, first)
        c = colleague_for(hz, job.task, job.need, until, load)
        if c is None:
            continue
        assert c.capacity is not None
        week = monday(min(until, hz.last))
        key = (c.id, week)
        spare = c.capacity - load.get(key, 0)
        load[key] = load.get(key, 0) + job.need
        skills = tuple(s for s in c.skills if s in job.task.tags)
        out.append((job, DelegateHint(c.id, c.name, skills, spare, week, until)))
    return out


__all__ = ["Work", "colleague_for", "monday", "work"]
