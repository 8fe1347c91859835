"""Who takes over what while the user is away at a training, and the handover sheet as a value.

Pure: the calendar, the progress and `today` come in as values; the sheet is rendered elsewhere
(render/handover.py, from Jinja2 templates an office may replace with its own).

The absence is the training's offline days (a run of class days is one stretch away from the
office); for online sessions only their hours, which matter for the meetings someone must attend
in the user's place. The work to hand over is every task due on an offline day or within
`AFTER_RETURN` working days after a stretch ends, every task in progress, and every occurrence of
a routine duty on an offline day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field, replace
from datetime import date, datetime, time, timedelta
from typing import Literal

from ..record import Record
from ..workspace.models import Colleague, Event, Task, Training, Workspace
from ..workspace.state import Progress
from ..workspace.values import TimeRange
from .calendar import (
    BusyEvent,
    Calendar,
    event_days,
    instants,
    session_days,
    session_zone,
    sessions,
)
from .occurrences import Ref, occurrences
from .plan import Plan

AFTER_RETURN = 5  # working days after a stretch away whose deadlines the receivers must also carry
DEFAULT_CHECKIN = time(16, 15)  # after class hours, before the office closes (domain.md 7.6)

# --- the absence -------------------------------------------------------------------------------


class Stretch(Record):
    """Consecutive offline days (off days between them do not break a stretch)."""

    first: date
    last: date
    back: date  # the first working day at the office again
    days: tuple[date, ...]  # the offline days themselves
    carry_until: date  # deadlines up to this day are handed over too


class Absence(Record):
    """The days and session times the user is away for one training."""

    training: Training
    stretches: tuple[Stretch, ...]
    online: tuple[tuple[datetime, datetime], ...]  # the hours of online sessions

    @property
    def offline_days(self) -> tuple[date, ...]:
        return tuple(d for s in self.stretches for d in s.days)

    @property
    def working_days_away(self) -> int:
        return sum(len(s.days) for s in self.stretches)

    def first_day(self) -> date:
        if self.stretches:
            return self.stretches[0].first
        return self.online[0][0].date() if self.online else self.training.start

    def last_day(self) -> date:
        if self.stretches:
            return self.stretches[-1].last
        return self.online[-1][0].date() if self.online else self.training.end

    def return_day(self) -> date:
        """The first day back at the office after the last stretch (or after the training)."""
        return self.stretches[-1].back if self.stretches else self.training.end + timedelta(days=1)

    def in_window(self, d: date) -> bool:
        return any(s.first <= d <= s.carry_until for s in self.stretches)


def next_working_days(ws: Workspace, cal: Calendar, after: date, n: int) -> list[date]:
    """The `n` working days after `after` (holidays and days off skipped)."""
    out: list[date] = []
    d = after
    while len(out) < n:
        d += timedelta(days=1)
        if not cal.is_off(d):
            out.append(d)
    return out


def offline_days(ws: Workspace, training: Training, cal: Calendar) -> list[date]:
    """The training's days in class, read as the calendar reads them (`calendar.sessions`: an
    offline training without sessions is in class on its working days from start to end)."""
    days: set[date] = set()
    for s in sessions(training):
        if s.mode == "offline":
            days.update(session_days(s, training.start, training.end, cal.is_off))
    return sorted(days)


def absence(
    ws: Workspace, training: Training, cal: Calendar, after_days: int = AFTER_RETURN
) -> Absence:
    days = offline_days(ws, training, cal)
    stretches: list[Stretch] = []
    run: list[date] = []

    def close() -> None:
        if run:
            back = next_working_days(ws, cal, run[-1], 1)[0]
            carry = next_working_days(ws, cal, run[-1], after_days)[-1] if after_days else run[-1]
            stretches.append(Stretch(run[0], run[-1], back, tuple(run), carry))

    for d in days:
        # a gap of only weekends and holidays keeps the stretch going
        if run and any(
            not cal.is_off(run[-1] + timedelta(days=i)) for i in range(1, (d - run[-1]).days)
        ):
            close()
            run = []
        run.append(d)
    close()
    online: list[tuple[datetime, datetime]] = []
    for s in training.session:
        if s.mode == "online" and s.time is not None:
            for d in session_days(s, training.start, training.end, cal.is_off):
                online.append(instants(s.time, d, session_zone(training, s), cal.tz))
    return Absence(training, tuple(stretches), tuple(sorted(online)))


# --- the work ----------------------------------------------------------------------------------

Source = Literal["delegate_to", "handover_to", "suggested", "none"]
Why = Literal["due", "after", "progress", "recurring"]


class Pick(Record):
    """Why a colleague was suggested (or none found) when neither the task nor the training names
    one who can take it; render/handover.py puts it into words."""

    default_away: str | None = None  # the training's default receiver, away on `day`
    day: date | None = None
    skills: tuple[str, ...] = ()  # the receiver's skills the task is tagged with
    capacity: int | None = None  # the receiver's minutes a week; None: not recorded
    left: int = 0  # of which still free a week


class WorkItem(Record):
    """One row of the handover sheet's work table: a task and who takes it, and why."""

    task: Task
    why: Why
    occurrences: tuple[date, ...]  # recurring duties: the days they fall on in the absence
    due: date | datetime | None
    minutes: int  # effort still to do (every occurrence counted)
    spent: int  # recorded with `diklat done`
    done: bool
    receiver: Colleague | None
    source: Source
    reason: Pick  # why this receiver, when `source` is "suggested" or "none"

    @property
    def need_day(self) -> date | None:
        """The day the receiver must have it done."""
        if self.occurrences:
            return self.occurrences[0]
        if isinstance(self.due, datetime):
            return self.due.date()
        return self.due


def _due_day(task: Task) -> date | None:
    if task.due is None:
        return None
    return task.due.date() if isinstance(task.due, datetime) else task.due


Chosen = tuple[Task, Why, tuple[date, ...], int]  # the task, why, its occurrences, minutes left


def _selected(
    ws: Workspace, ab: Absence, progress: Progress, with_done: bool = False
) -> list[Chosen]:
    offline = set(ab.offline_days)
    out: list[Chosen] = []
    for task in ws.tasks:
        if task.recurs:
            if not ab.stretches:
                continue
            occ = tuple(
                d
                for d in occurrences(task, ab.stretches[0].first, ab.stretches[-1].last)
                if d in offline and (with_done or not progress.of(str(Ref(task.id, d))).done)
            )
            if occ:
                out.append((task, "recurring", occ, task.estimate * len(occ)))
            continue
        p = progress.of(task.id)
        if p.done and not with_done:
            continue
        due = _due_day(task)
        left = max(0, task.estimate - p.spent_minutes)
        if due is not None and due in offline:
            out.append((task, "due", (), left))
        elif due is not None and ab.in_window(due):
            out.append((task, "after", (), left))
        elif (p.spent_minutes > 0 or (with_done and p.done)) and (
            due is None or due >= ab.first_day()
        ):
            out.append((task, "progress", (), left))
    return out


def _undone(c: Chosen, ab: Absence, plans: Plans) -> Chosen | None:
    """`c` with only what the plan leaves undone at departure; None when nothing is."""
    task, why, occ, minutes = c
    if occ:
        left = {d: plans.left(str(Ref(task.id, d)), departure(ab, d), task.estimate) for d in occ}
        occ = tuple(d for d in occ if left[d] > 0)
        return (task, why, occ, sum(left[d] for d in occ)) if occ else None
    left_now = plans.left(task.id, departure(ab, _due_day(task)), minutes)
    return (task, why, occ, left_now) if left_now > 0 else None


def _spent(task: Task, recorded: int, left: int, planned: bool) -> int:
    return max(recorded, task.estimate - left) if planned else recorded


def _weeks(ab: Absence) -> int:
    return max(1, -(-ab.working_days_away // 5))


class Plans(Record):
    """What the plan does before the user leaves: minutes it places on each task (or occurrence)
    on the days before each departure, and what each task's status says."""

    plan: Plan
    placed: dict[date, dict[str, int]]  # departure day -> ref -> minutes placed before it

    @classmethod
    def of(cls, plan: Plan, departures: Sequence[date]) -> Plans:
        placed: dict[date, dict[str, int]] = {}
        for dep in departures:
            got: dict[str, int] = {}
            for day in plan.days:
                if day.date >= dep:
                    break
                for b in day.blocks:
                    if b.kind == "task" and b.ref:
                        got[b.ref] = got.get(b.ref, 0) + b.minutes
            placed[dep] = got
        return cls(plan, placed)

    def left(self, ref: str, departure: date, fallback: int) -> int:
        """Effort the plan leaves undone on `ref` when the user leaves on `departure`.

        A task the plan does not place (handed over with `delegate_to`, or unknown to it) keeps
        `fallback`; work the plan's horizon does not reach counts as left.
        """
        st = self.plan.task(ref)
        if st is None or st.delegated_to:
            return fallback
        if st.done:
            return 0
        return max(0, st.estimate_minutes - self.placed.get(departure, {}).get(ref, 0))


def departure(ab: Absence, need: date | None) -> date:
    """The first day away of the stretch a piece of work is needed in (or after)."""
    firsts = [s.first for s in ab.stretches if need is not None and s.first <= need]
    return firsts[-1] if firsts else ab.first_day()


def left_at_departure(
    ws: Workspace,
    training: Training,
    cal: Calendar,
    progress: Progress,
    plan: Plan | None,
) -> list[WorkItem]:
    """What the plan leaves undone when the user leaves for `training`, and for whom: the one
    answer `check` (colleague load, deadlines while away), the handover sheet and `--suggest`
    share. Work the plan finishes before the first day away is not handed over; without a plan,
    every task's effort left (its estimate minus the progress) counts."""
    return work_items(ws, training, cal, progress, plan=plan)


def work_items(
    ws: Workspace,
    training: Training,
    cal: Calendar,
    progress: Progress,
    *,
    with_done: bool = False,
    plan: Plan | None = None,
) -> list[WorkItem]:
    """The tasks to hand over, each with who takes it and why, in deadline order.

    `with_done` keeps the work finished since (the return sheet reports it as done). With a
    `plan`, only what it leaves undone at departure (`left_at_departure`).
    """
    ab = absence(ws, training, cal)
    chosen = _selected(ws, ab, progress, with_done)
    chosen.sort(
        key=lambda c: (c[2][0] if c[2] else (_due_day(c[0]) or date.max), c[0].title, c[0].id)
    )
    if plan is not None:
        plans = Plans.of(plan, [s.first for s in ab.stretches] or [ab.first_day()])
        chosen = [c for c in (_undone(c, ab, plans) for c in chosen) if c is not None]
    weeks = _weeks(ab)
    load: dict[str, int] = {}
    items: list[WorkItem] = []
    for task, why, occ, minutes in chosen:
        p = progress.of(task.id)
        need = occ[0] if occ else (_due_day(task) or ab.first_day())
        receiver, source, reason = _assign(ws, training, task, need, minutes, load, weeks)
        if receiver is not None:
            load[receiver.id] = load.get(receiver.id, 0) + minutes
        items.append(
            WorkItem(
                task=task,
                why=why,
                occurrences=occ,
                due=task.due,
                minutes=minutes,
                # with a plan: what is done by the day she leaves, recorded or planned before
                spent=0 if occ else _spent(task, p.spent_minutes, minutes, plan is not None),
                done=False,
                receiver=receiver,
                source=source,
                reason=reason,
            )
        )
    return items


def _assign(
    ws: Workspace,
    training: Training,
    task: Task,
    need: date,
    minutes: int,
    load: dict[str, int],
    weeks: int,
) -> tuple[Colleague | None, Source, Pick]:
    if task.delegate_to and (c := ws.colleague(task.delegate_to)):
        return c, "delegate_to", Pick()
    default = ws.colleague(training.handover_to)
    if default is not None and not default.is_away(need):
        return default, "handover_to", Pick()
    away = Pick(default_away=default.name, day=need) if default is not None else Pick()
    best: tuple[tuple[int, int, int], Colleague, Pick] | None = None
    for c in ws.colleagues:
        if c.id == ws.profile.supervisor or c.is_away(need):
            continue
        skills = tuple(s for s in c.skills if s in task.tags)
        if c.capacity is not None:
            left = c.capacity * weeks - load.get(c.id, 0)
            if left < minutes:
                continue
            free = max(0, c.capacity - load.get(c.id, 0) // weeks)
        else:
            left = free = -1
        if not skills and c.capacity is None:
            continue  # nothing to go on: better to ask the supervisor than to guess
        rank = (len(skills), 1 if left >= 0 else 0, left)
        if best is None or rank > best[0]:
            best = (rank, c, replace(away, skills=skills, capacity=c.capacity, left=free))
    if best is None:
        return None, "none", away
    return best[1], "suggested", best[2]


# --- meetings ----------------------------------------------------------------------------------


class MeetingItem(Record):
    """A meeting during the absence and who attends in the user's place."""

    title: str
    location: str
    time: TimeRange | None  # None: the whole day
    dates: tuple[date, ...]
    attendee: Colleague | None
    source: Source
    event: Event | None  # None for busy time read from the user's own calendars


def _overlaps(a: tuple[datetime, datetime], b: tuple[datetime, datetime]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def meetings(
    ws: Workspace, training: Training, cal: Calendar, busy: Sequence[BusyEvent] = ()
) -> list[MeetingItem]:
    """Meetings on offline days or during online sessions, and who attends in the user's place."""
    ab = absence(ws, training, cal)
    offline = set(ab.offline_days)
    first, last = training.start, training.end
    default = ws.colleague(training.handover_to)
    out: list[MeetingItem] = []

    def hit(d: date, span: tuple[datetime, datetime] | None) -> bool:
        if d in offline:
            return True
        return span is not None and any(_overlaps(span, o) for o in ab.online if o[0].date() == d)

    for ev in ws.events:
        dates = []
        for d in event_days(ev, first, last):
            if cal.cancelled(ev, d):
                continue
            span = (
                instants(ev.time, d, ev.timezone, cal.tz)
                if ev.time
                else (
                    datetime.combine(d, time(), cal.tz),
                    datetime.combine(d + timedelta(days=1), time(), cal.tz),
                )
            )
            if hit(d, span):
                dates.append(d)
        if not dates:
            continue
        who = ws.colleague(ev.delegate_to)
        source: Source = "delegate_to" if who else ("handover_to" if default else "none")
        out.append(
            MeetingItem(ev.title, ev.location, ev.time, tuple(dates), who or default, source, ev)
        )
    grouped: dict[tuple[str, str, str], list[date]] = {}
    for b in busy:
        s, e = b.start.astimezone(cal.tz), b.end.astimezone(cal.tz)
        d = s.date()
        if first <= d <= last and hit(d, (s, e)):
            grouped.setdefault((b.title, s.strftime("%H:%M"), e.strftime("%H:%M")), []).append(d)
    for (title, s_txt, e_txt), dates in grouped.items():
        tr = None
        if not (s_txt == e_txt == "00:00"):
            tr = TimeRange(time.fromisoformat(s_txt), time.fromisoformat(e_txt))
        out.append(
            MeetingItem(
                title,
                "",
                tr if tr and tr.start < tr.end else None,
                tuple(sorted(dates)),
                default,
                "handover_to" if default else "none",
                None,
            )
        )
    out.sort(key=lambda m: (m.dates[0], m.time.start if m.time else time(), m.title))
    return out


class StandIn(Record):
    """A meeting the user does not attend on one day: the training she is at, who goes for her."""

    training: Training
    attendee: Colleague | None


def stand_ins(
    ws: Workspace, cal: Calendar, first: date, last: date
) -> dict[tuple[int, date], StandIn]:
    """The meetings the handover sheets give to someone between `first` and `last` (on a day in
    class, or during an online session), by the event's index in `ws.events` and the day."""
    index = {id(ev): i for i, ev in enumerate(ws.events)}
    out: dict[tuple[int, date], StandIn] = {}
    for t in ws.trainings:
        if t.end < first or t.start > last:
            continue
        for m in meetings(ws, t, cal):
            if m.event is not None:
                for d in m.dates:
                    out.setdefault((index[id(m.event)], d), StandIn(t, m.attendee))
    return out


def checkin_time(training: Training) -> time:
    """The daily check-in with the office: the training's own, else 16.15 or after class."""
    if training.checkin is not None:
        return training.checkin
    ends = [s.time.end for s in training.session if s.mode == "offline" and s.time is not None]
    latest = max(ends, default=time(0))
    if latest > DEFAULT_CHECKIN:
        t = datetime.combine(date.min, latest) + timedelta(minutes=15)
        return t.time()
    return DEFAULT_CHECKIN


# --- the sheet ---------------------------------------------------------------------------------


class Sheet(Record):
    """Everything one handover (or return) sheet says, before words and layout."""

    training: Training
    absence: Absence
    today: date
    items: tuple[WorkItem, ...]
    meetings: tuple[MeetingItem, ...]
    receivers: tuple[Colleague, ...]  # the PIHAK KEDUA, in order of first appearance
    deputy: Colleague | None
    supervisor: Colleague | None
    checkin: time
    for_colleague: Colleague | None = None  # a sheet for one receiver only
    knowledge: tuple[Knowledge, ...] = field(default=())  # the return sheet's knowledge-sharing


def _receivers(items: Sequence[WorkItem], meets: Sequence[MeetingItem]) -> list[Colleague]:
    seen: dict[str, Colleague] = {}
    for it in items:
        if it.receiver is not None:
            seen.setdefault(it.receiver.id, it.receiver)
    for m in meets:
        if m.attendee is not None:
            seen.setdefault(m.attendee.id, m.attendee)
    return list(seen.values())


def make_sheet(
    ws: Workspace,
    training: Training,
    today: date,
    *,
    cal: Calendar,
    progress: Progress,
    busy: Sequence[BusyEvent] = (),
    returning: bool = False,
    plan: Plan | None = None,
) -> Sheet:
    """The handover sheet (or, with `returning`, the return sheet) for one training.

    With `plan`, the work is what it leaves undone at departure (`left_at_departure`)."""
    if returning:
        items = work_items(ws, training, cal, progress, with_done=True)
    else:
        items = left_at_departure(ws, training, cal, progress, plan)
    if returning:
        # what was handed over, with what the progress file says happened to it since
        items = [_with_progress(it, progress) for it in items]
    meets = meetings(ws, training, cal, busy)
    if returning:
        # the return sheet thanks for what has happened: meetings still to come are not covered yet
        meets = [
            replace(m, dates=tuple(d for d in m.dates if d < today))
            for m in meets
            if any(d < today for d in m.dates)
        ]
    receivers = _receivers(items, meets)
    return Sheet(
        training=training,
        absence=absence(ws, training, cal),
        today=today,
        items=tuple(items),
        meetings=tuple(meets),
        receivers=tuple(receivers),
        deputy=ws.colleague(training.deputy),
        supervisor=ws.colleague(ws.profile.supervisor),
        checkin=checkin_time(training),
        knowledge=tuple(return_work(ws, training, cal)) if returning else (),
    )


def _with_progress(it: WorkItem, progress: Progress) -> WorkItem:
    if it.occurrences:
        done = all(progress.of(str(Ref(it.task.id, d))).done for d in it.occurrences)
    else:
        done = progress.of(it.task.id).done
    return replace(it, done=done)


def for_colleague(sheet: Sheet, colleague: Colleague) -> Sheet:
    """The part of a sheet one receiver signs: their work, their meetings, the Plh if theirs."""
    return replace(
        sheet,
        items=tuple(i for i in sheet.items if i.receiver and i.receiver.id == colleague.id),
        meetings=tuple(m for m in sheet.meetings if m.attendee and m.attendee.id == colleague.id),
        receivers=(colleague,),
        deputy=sheet.deputy if sheet.deputy and sheet.deputy.id == colleague.id else None,
        for_colleague=colleague,
    )


def people(sheet: Sheet) -> list[Colleague]:
    """Everyone who gets a sheet of their own with --per-colleague: receivers, then the Plh."""
    out = list(sheet.receivers)
    if sheet.deputy is not None and all(c.id != sheet.deputy.id for c in out):
        out.append(sheet.deputy)
    return out


# --- coming back -------------------------------------------------------------------------------


Sharing = Literal["summary", "template", "session"]


class Knowledge(Record):
    """One piece of knowledge-sharing work after a training, before it is worded as a task."""

    what: Sharing  # a summary for the team, a template to share, a short talk
    task_id: str
    minutes: int
    available: date  # the first working day back
    due: date
    important: bool
    training: Training


def return_work(ws: Workspace, training: Training, cal: Calendar | None = None) -> list[Knowledge]:
    """Knowledge-sharing work for the first working days back (render/handover.py words it as
    tasks the planner can place).

    Back = the first working day after the training's last offline day (after its end when it has
    none). Without a calendar, working days are the work week's days (holidays not skipped).
    """
    if cal is None:
        from ..workspace.holidays_id import HolidayData

        cal = Calendar(ws, HolidayData(), training.start, training.end + timedelta(days=60))
    days = offline_days(ws, training, cal)
    last = days[-1] if days else training.end
    ahead = next_working_days(ws, cal, last, 10)
    specs: list[tuple[Sharing, str, int, date, bool]] = [
        ("summary", "ringkasan", 120, ahead[2], True),
        ("template", "templat", 60, ahead[4], False),
        ("session", "berbagi", 60, ahead[9], True),
    ]
    return [
        Knowledge(
            what=what,
            task_id=f"{training.id}-{suffix}",
            minutes=minutes,
            available=ahead[0],
            due=due,
            important=important,
            training=training,
        )
        for what, suffix, minutes, due, important in specs
    ]
