"""`diklat check --suggest`: rank the start dates a training could move to, best first, with why.

Each candidate moves the whole training (every session, keeping its length and weekdays) and
counts what it would hit. The penalty points are a plain sum so the reason can be shown term by
term: a day in an `avoid` busy period 10, in a `caution` one 3, a day shared with another training
10, a deadline on a day in class 5 (important 8), a routine duty on such a day 1, a meeting missed
or clashing 1 (an online session on a meeting 2), a session on a holiday 2. Ties go to the date
nearest the offered one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from ..i18n import Catalog, Lang, format_date
from ..record import Record
from ..workspace.holidays_id import HolidayData
from ..workspace.models import Session, Training, Workspace
from .calendar import BusyEvent, Calendar, event_days, session_days
from .conflicts import concerns
from .handover import absence, is_off
from .occurrences import occurrences

WINDOW_WEEKS = 4  # default: candidates from four weeks before to four weeks after the offered start
SHOWN = 5

AVOID_DAY, CAUTION_DAY, TRAINING_DAY = 10, 3, 10
DEADLINE, IMPORTANT_DEADLINE, ROUTINE = 5, 8, 1
MEETING, ONLINE_MEETING, HOLIDAY = 1, 2, 2

M = Catalog(
    {
        "quiet": {
            "id": '{n} hari di masa sibuk "{title}" ({level})',
            "en": 'days in the busy period "{title}" ({level}): {n}',
        },
        "avoid": {"id": "hindari", "en": "avoid"},
        "caution": {"id": "hati-hati", "en": "caution"},
        "training": {
            "id": '{n} hari bersamaan dengan "{title}"',
            "en": 'days at the same time as "{title}": {n}',
        },
        "deadlines": {
            "id": "{n} tenggat saat di kelas: {titles}",
            "en": "deadlines while in class: {titles}",
        },
        "routine": {
            "id": "{n} tugas rutin dialihkan",
            "en": "routine duties to hand over: {n}",
        },
        "meetings": {
            "id": "{n} rapat terlewat atau bentrok",
            "en": "meetings missed or clashing: {n}",
        },
        "holidays": {
            "id": "{n} sesi pada hari libur",
            "en": "sessions on a holiday: {n}",
        },
        "clear": {"id": "tidak mengenai apa pun", "en": "hits nothing"},
    }
)


class Candidate(Record):
    """One possible start date for a training, with its cost and the reasons."""

    start: date
    end: date
    penalty: int
    reasons: tuple[str, ...]
    current: bool  # the dates the training has now


def default_window(training: Training) -> tuple[date, date]:
    weeks = timedelta(weeks=WINDOW_WEEKS)
    return training.start - weeks, training.start + weeks


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
    lang: Lang = "id",
) -> list[Candidate]:
    """Every candidate start in [first, last] (default: +/- four weeks), best first."""
    lo, hi = default_window(training)
    first, last = first or lo, last or hi
    length = training.end - training.start
    cal = Calendar(
        ws, holidays, first - timedelta(days=7), last + length + timedelta(days=21), busy
    )
    keep_weekday = length.days >= 4  # a week-long course starts on its weekday (usually Monday)
    out: list[Candidate] = []
    d = first
    while d <= last:
        ok = not is_off(ws, cal, d) and (
            not keep_weekday or d.weekday() == training.start.weekday()
        )
        if ok or d == training.start:
            moved = shifted(training, (d - training.start).days)
            out.append(_score(ws, cal, busy, moved, training, lang))
        d += timedelta(days=1)
    out.sort(key=lambda c: (c.penalty, abs((c.start - training.start).days), c.start))
    return out


def _score(
    ws: Workspace,
    cal: Calendar,
    busy: Sequence[BusyEvent],
    t: Training,
    original: Training,
    lang: Lang,
) -> Candidate:
    def off(d: date) -> bool:
        return is_off(ws, cal, d)

    days: set[date] = set()
    for s in t.session:
        days.update(session_days(s, t.start, t.end, off))
    if t.format == "offline" or not t.session:
        days.update(t.start + timedelta(days=i) for i in range((t.end - t.start).days + 1))
    work_days = {d for d in days if not off(d)}
    # the stretches away, holidays inside them included: a deadline there is missed just the same
    away = {
        s.first + timedelta(days=i)
        for s in absence(ws, t, cal, after_days=0).stretches
        for i in range((s.last - s.first).days + 1)
    }
    penalty = 0
    reasons: list[str] = []

    for q in ws.quiet:
        if not concerns(q, ws.profile.roles):
            continue
        n = sum(1 for d in work_days if q.start <= d <= q.end)
        if n:
            penalty += n * (AVOID_DAY if q.level == "avoid" else CAUTION_DAY)
            reasons.append(M(lang, "quiet", n=n, title=q.title, level=M(lang, q.level)))

    for other in ws.trainings:
        if other.id == original.id:
            continue
        other_days: set[date] = set()
        for s in other.session:
            other_days.update(session_days(s, other.start, other.end, off))
        if not other.session:
            other_days.update(
                other.start + timedelta(days=i) for i in range((other.end - other.start).days + 1)
            )
        n = len(work_days & other_days)
        if n:
            penalty += n * TRAINING_DAY
            reasons.append(M(lang, "training", n=n, title=other.title))

    deadlines: list[str] = []
    routine = 0
    for task in ws.tasks:
        if task.recurs and task.from_ and away:
            routine += sum(1 for d in occurrences(task, min(away), max(away)) if d in away)
            continue
        due = task.due.date() if isinstance(task.due, datetime) else task.due
        if due in away:
            penalty += IMPORTANT_DEADLINE if task.important else DEADLINE
            deadlines.append(f"{task.title} ({format_date(due, lang, 'medium')})")
    if deadlines:
        reasons.append(M(lang, "deadlines", n=len(deadlines), titles="; ".join(deadlines)))
    if routine:
        penalty += routine * ROUTINE
        reasons.append(M(lang, "routine", n=routine))

    online = [
        s.time.on(d, cal.tz)
        for s in t.session
        if s.mode == "online" and s.time is not None
        for d in session_days(s, t.start, t.end, off)
    ]
    meetings = 0
    spans: list[tuple[datetime, datetime]] = []
    for ev in ws.events:
        for d in event_days(ev, t.start, t.end):
            if ev.time:
                spans.append(ev.time.on(d, cal.tz))
            else:
                spans.append(
                    (datetime.combine(d, time(), cal.tz), datetime.combine(d, time.max, cal.tz))
                )
    spans += [(b.start.astimezone(cal.tz), b.end.astimezone(cal.tz)) for b in busy]
    for s0, e0 in spans:
        if s0.date() in away:
            penalty += MEETING
            meetings += 1
        elif any(s0 < e1 and s1 < e0 for s1, e1 in online):
            penalty += ONLINE_MEETING
            meetings += 1
    if meetings:
        reasons.append(M(lang, "meetings", n=meetings))

    on_holiday = sum(
        1
        for s in t.session
        if s.rrule or s.until is None or s.weekends
        for d in session_days(s, t.start, t.end, off)
        if cal.holiday(d) is not None
    )
    if on_holiday:
        penalty += on_holiday * HOLIDAY
        reasons.append(M(lang, "holidays", n=on_holiday))

    return Candidate(
        start=t.start,
        end=t.end,
        penalty=penalty,
        reasons=tuple(reasons) or (M(lang, "clear"),),
        current=t.start == original.start,
    )
