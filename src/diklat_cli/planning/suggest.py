"""`diklat check --suggest`: rank the start dates a training could move to, best first, with why.

Each candidate moves the whole training (every session, keeping its length and weekdays) and
counts what it would hit. The penalty points are a plain sum so the reason can be shown term by
term: a day in an `avoid` busy period 10, in a `caution` one 3, a day shared with another training
10, a deadline on a day in class 5 (important 8), a routine duty on such a day 1, a meeting missed
or clashing 1 (an online session on a meeting 2), a session on a holiday 2. Ties go to the date
nearest the offered one.

Only the future is suggested: a candidate starts no earlier than `LEAD_DAYS` working days after
today, the time it takes to ask the supervisor and get the surat tugas. A window that begins
before that is moved (`window` says from where); the current dates are scored all the same, for
comparison, even when they are past or too near.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Literal

from ..record import Record
from ..workspace.holidays_id import HolidayData
from ..workspace.models import Session, Training, Workspace
from .calendar import BusyEvent, Calendar, event_days, instants, session_days, session_zone
from .conflicts import concerns
from .handover import Plans, absence
from .occurrences import Ref, occurrences
from .plan import Plan

WINDOW_WEEKS = 4  # default: candidates from four weeks before to four weeks after the offered start
SHOWN = 5
LEAD_DAYS = 5  # working days from today to the earliest start: the supervisor, the surat tugas
LEAD_SPAN = timedelta(days=31)  # calendar days that surely hold LEAD_DAYS working days

AVOID_DAY, CAUTION_DAY, TRAINING_DAY = 10, 3, 10
DEADLINE, IMPORTANT_DEADLINE, ROUTINE = 5, 8, 1
MEETING, ONLINE_MEETING, HOLIDAY = 1, 2, 2

Hit = Literal["quiet", "training", "deadlines", "routine", "meetings", "holidays"]


class Reason(Record):
    """One term of a candidate's penalty, before words (render/check.py writes them)."""

    hit: Hit
    n: int  # days, deadlines, duties, meetings or sessions
    points: int  # what it adds to the candidate's penalty
    title: str = ""  # the busy period's or the other training's title
    level: str = ""  # the busy period's level: "avoid" or "caution"
    deadlines: tuple[tuple[str, date], ...] = ()  # (task title, due day)


class Candidate(Record):
    """One possible start date for a training, with its cost and the reasons."""

    start: date
    end: date
    penalty: int  # the sum of its reasons' points
    reasons: tuple[Reason, ...]  # empty: it hits nothing
    current: bool  # the dates the training has now


def default_window(training: Training) -> tuple[date, date]:
    weeks = timedelta(weeks=WINDOW_WEEKS)
    return training.start - weeks, training.start + weeks


class Window(Record):
    """The starts `rank` looks at: from `first` to `last`, none before `earliest`."""

    first: date
    last: date
    earliest: date  # today plus LEAD_DAYS working days
    moved_from: date | None = None  # the first start asked for (or the default), when too early


def earliest_start(today: date, is_off: Callable[[date], bool], lead: int = LEAD_DAYS) -> date:
    """The `lead`-th working day after `today`: the first start there is time to arrange."""
    d, n = today, 0
    while n < lead:
        d += timedelta(days=1)
        if not is_off(d):
            n += 1
    return d


def window(
    training: Training,
    today: date,
    is_off: Callable[[date], bool],
    first: date | None = None,
    last: date | None = None,
) -> Window:
    """The starts to rank: `first`..`last` (default +/- four weeks), moved forward when `first`
    is before the earliest start; a window wholly too early keeps its length from there."""
    lo, hi = default_window(training)
    first, last = first or lo, last or hi
    earliest = earliest_start(today, is_off)
    if first >= earliest:
        return Window(first=first, last=last, earliest=earliest)
    return Window(
        first=earliest,
        last=max(last, earliest + (last - first)) if last < earliest else last,
        earliest=earliest,
        moved_from=first,
    )


def shifted(training: Training, days: int) -> Training:
    """The same training `days` later (earlier when negative): every session moves with it."""
    delta = timedelta(days=days)

    def move(d: date | None) -> date | None:
        return d + delta if d is not None else None

    sessions: list[Session] = [
        replace(s, date=move(s.date), until=move(s.until), from_=move(s.from_))
        for s in training.session
    ]
    return replace(
        training,
        start=training.start + delta,
        end=training.end + delta,
        session=tuple(sessions),
    )


def rank(
    ws: Workspace,
    training: Training,
    *,
    holidays: HolidayData,
    busy: Sequence[BusyEvent] = (),
    first: date | None = None,
    last: date | None = None,
    earliest: date | None = None,
    plan: Plan | None = None,
) -> list[Candidate]:
    """Every candidate start in [first, last] (default: +/- four weeks), none before `earliest`,
    best first. The current start is among them when it is in that range."""
    lo, hi = default_window(training)
    first, last = first or lo, last or hi
    if earliest is not None:
        first = max(first, earliest)
    length = training.end - training.start
    cal = _calendar(ws, holidays, busy, training, first, last)
    keep_weekday = length.days >= 4  # a week-long course starts on its weekday (usually Monday)
    out: list[Candidate] = []
    d = first
    while d <= last:
        ok = not cal.is_off(d) and (not keep_weekday or d.weekday() == training.start.weekday())
        if ok or d == training.start:
            moved = shifted(training, (d - training.start).days)
            out.append(_score(ws, cal, busy, moved, training, plan))
        d += timedelta(days=1)
    out.sort(key=lambda c: (c.penalty, abs((c.start - training.start).days), c.start))
    return out


def _calendar(
    ws: Workspace,
    holidays: HolidayData,
    busy: Sequence[BusyEvent],
    training: Training,
    first: date,
    last: date,
) -> Calendar:
    length = training.end - training.start
    return Calendar(
        ws, holidays, first - timedelta(days=7), last + length + timedelta(days=21), busy
    )


def current(
    ws: Workspace,
    training: Training,
    *,
    holidays: HolidayData,
    busy: Sequence[BusyEvent] = (),
    plan: Plan | None = None,
) -> Candidate:
    """The training's own dates scored like a candidate, to compare the suggestions with."""
    cal = _calendar(ws, holidays, busy, training, training.start, training.start)
    return _score(ws, cal, busy, training, training, plan)


def _score(
    ws: Workspace,
    cal: Calendar,
    busy: Sequence[BusyEvent],
    t: Training,
    original: Training,
    plan: Plan | None = None,
) -> Candidate:
    days: set[date] = set()
    for s in t.session:
        days.update(session_days(s, t.start, t.end, cal.is_off))
    if t.format == "offline" or not t.session:
        days.update(t.start + timedelta(days=i) for i in range((t.end - t.start).days + 1))
    work_days = {d for d in days if not cal.is_off(d)}
    # the stretches away, holidays inside them included: a deadline there is missed just the same
    away = {
        s.first + timedelta(days=i)
        for s in absence(ws, t, cal, after_days=0).stretches
        for i in range((s.last - s.first).days + 1)
    }
    reasons = [
        *_busy_periods(ws, work_days),
        *_other_trainings(ws, cal, work_days, original),
        *_work_away(ws, away, plan),
        *_meetings(ws, cal, busy, t, away),
        *_holidays(cal, t),
    ]
    return Candidate(
        start=t.start,
        end=t.end,
        penalty=sum(r.points for r in reasons),
        reasons=tuple(reasons),
        current=t.start == original.start,
    )


def _busy_periods(ws: Workspace, work_days: set[date]) -> list[Reason]:
    out = []
    for q in ws.quiet:
        if not concerns(q, ws.profile.roles):
            continue
        n = sum(1 for d in work_days if q.start <= d <= q.end)
        if n:
            points = n * (AVOID_DAY if q.level == "avoid" else CAUTION_DAY)
            out.append(Reason("quiet", n, points, title=q.title, level=q.level))
    return out


def _other_trainings(
    ws: Workspace, cal: Calendar, work_days: set[date], original: Training
) -> list[Reason]:
    out = []
    for other in ws.trainings:
        if other.id == original.id:
            continue
        other_days: set[date] = set()
        for s in other.session:
            other_days.update(session_days(s, other.start, other.end, cal.is_off))
        if not other.session:
            other_days.update(
                other.start + timedelta(days=i) for i in range((other.end - other.start).days + 1)
            )
        n = len(work_days & other_days)
        if n:
            out.append(Reason("training", n, n * TRAINING_DAY, title=other.title))
    return out


def _work_away(ws: Workspace, away: set[date], plan: Plan | None) -> list[Reason]:
    """Deadlines on a day away, and routine duties that fall then (someone must take them);
    with the plan, only what it leaves undone on the first day away (`left_at_departure`)."""
    deadlines: list[tuple[str, date]] = []
    points = routine = 0
    leave = min(away) if away else None
    plans = Plans.of(plan, [leave]) if plan is not None and leave is not None else None

    def undone(ref: str, estimate: int) -> bool:
        return plans is None or leave is None or plans.left(ref, leave, estimate) > 0

    for task in ws.tasks:
        if task.recurs and task.from_ and away:
            routine += sum(
                1
                for d in occurrences(task, min(away), max(away))
                if d in away and undone(str(Ref(task.id, d)), task.estimate)
            )
            continue
        due = task.due.date() if isinstance(task.due, datetime) else task.due
        if due is not None and due in away and undone(task.id, task.estimate):
            points += IMPORTANT_DEADLINE if task.important else DEADLINE
            deadlines.append((task.title, due))
    out = []
    if deadlines:
        out.append(Reason("deadlines", len(deadlines), points, deadlines=tuple(deadlines)))
    if routine:
        out.append(Reason("routine", routine, routine * ROUTINE))
    return out


def _meetings(
    ws: Workspace, cal: Calendar, busy: Sequence[BusyEvent], t: Training, away: set[date]
) -> list[Reason]:
    """Meetings on a day away (missed) or during an online session (clashing)."""
    online = [
        instants(s.time, d, session_zone(t, s), cal.tz)
        for s in t.session
        if s.mode == "online" and s.time is not None
        for d in session_days(s, t.start, t.end, cal.is_off)
    ]
    spans: list[tuple[datetime, datetime]] = []
    for ev in ws.events:
        for d in event_days(ev, t.start, t.end):
            if cal.cancelled(ev, d):
                continue
            if ev.time:
                spans.append(instants(ev.time, d, ev.timezone, cal.tz))
            else:
                spans.append(
                    (datetime.combine(d, time(), cal.tz), datetime.combine(d, time.max, cal.tz))
                )
    spans += [(b.start.astimezone(cal.tz), b.end.astimezone(cal.tz)) for b in busy]
    points = meetings = 0
    for s0, e0 in spans:
        if s0.date() in away:
            points += MEETING
            meetings += 1
        elif any(s0 < e1 and s1 < e0 for s1, e1 in online):
            points += ONLINE_MEETING
            meetings += 1
    return [Reason("meetings", meetings, points)] if meetings else []


def _holidays(cal: Calendar, t: Training) -> list[Reason]:
    on_holiday = sum(
        1
        for s in t.session
        if s.rrule or s.until is None or s.weekends
        for d in session_days(s, t.start, t.end, cal.is_off)
        if cal.holiday(d) is not None
    )
    return [Reason("holidays", on_holiday, on_holiday * HOLIDAY)] if on_holiday else []


class Suggestions(Record):
    """What `check --suggest` shows: the starts looked at, ranked best first, and the current."""

    window: Window
    ranked: tuple[Candidate, ...]  # none before `window.earliest`
    current: Candidate  # the training's own dates, past or not


def suggest(
    ws: Workspace,
    training: Training,
    today: date,
    *,
    holidays: HolidayData,
    busy: Sequence[BusyEvent] = (),
    first: date | None = None,
    last: date | None = None,
    plan: Plan | None = None,
) -> Suggestions:
    """Better start dates from the earliest one there is time to arrange; `holidays` and `busy`
    cover `today` to the latest start's run and the current dates. With `plan`, work it finishes
    before a candidate's first day away costs that candidate nothing."""
    near = Calendar(ws, holidays, today, today + LEAD_SPAN)
    w = window(training, today, near.is_off, first, last)
    ranked = rank(ws, training, holidays=holidays, busy=busy, first=w.first, last=w.last, plan=plan)
    now = next((c for c in ranked if c.current), None)
    if now is None:
        now = current(ws, training, holidays=holidays, busy=busy, plan=plan)
    return Suggestions(window=w, ranked=tuple(ranked), current=now)
