"""What clashes: busy periods, meetings vs online sessions, overload, deadlines while away.

`find` is pure: the holidays, the imported busy time and `today` come in as values. It looks at
trainings that have not ended yet and at work due from today on; each finding is a value: how
bad, which items, and its facts (planning/findings.py), which render/findings.py puts into
words. `diklat check` prints them; `diklat plan` merges them into the day.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import field
from datetime import date, datetime, timedelta
from typing import Literal

from ..record import Record
from ..workspace.holidays_id import HolidayData
from ..workspace.models import Quiet, Training, Workspace
from ..workspace.state import Progress
from .calendar import BusyEvent, Calendar, event_days, session_days
from .findings import (
    BusyPeriod,
    ColleagueAway,
    ColleagueLoad,
    DueAway,
    HolidaySession,
    JpCeiling,
    JpTally,
    MeetingClash,
    Need,
    NoDeputy,
    NoSessions,
    Overload,
    TrainingClash,
)
from .handover import AFTER_RETURN, WorkItem, absence, left_at_departure
from .occurrences import Ref, occurrences
from .plan import Conflict, Plan, Severity

LONG_ABSENCE = 3  # more working days away than this needs a Plh (SE BKN 1/SE/I/2021 practice)
JP_WARN_FROM = (7, 1)  # from 1 July a year short of its JP target is a warning, before a note
PPPK_JP_CEILING = 24  # PP 49/2018 Pasal 40: at most 24 JP a year for PPPK (domain.md 2.2)


def window(ws: Workspace, today: date) -> tuple[date, date]:
    """The days `find` looks at: running trainings and deadlines from today, a year at most."""
    first = today
    last = today + timedelta(days=ws.planning.horizon_days)
    for t in ws.trainings:
        if t.end >= today:
            first = min(first, t.start)
            last = max(last, t.end + timedelta(days=21))
    last = max(last, max((_day(t.due) or today for t in ws.tasks), default=today))
    return first, min(last, today + timedelta(days=400))


def _day(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


class _Ctx(Record):
    """What every check of one `find` call shares: workspace, calendar, the plan if any."""

    ws: Workspace
    today: date
    cal: Calendar
    plan: Plan | None

    progress: Progress = field(default_factory=Progress)
    _left: dict[str, list[WorkItem]] = field(default_factory=dict)

    def left(self, t: Training) -> list[WorkItem]:
        """What the plan leaves undone when the user leaves for `t`, and for whom."""
        if t.id not in self._left:
            self._left[t.id] = left_at_departure(self.ws, t, self.cal, self.progress, self.plan)
        return self._left[t.id]

    def handed_over(self, active: Iterable[Training]) -> dict[str, int]:
        """Minutes of each task (or occurrence) a named colleague takes while she is away:
        no longer hers to fit into her weeks."""
        out: dict[str, int] = {}
        for t in active:
            for it in self.left(t):
                if it.receiver is None or it.source == "suggested":
                    continue  # a suggestion is hers until she hands it over
                if it.occurrences:
                    for d in it.occurrences:
                        out[str(Ref(it.task.id, d))] = it.task.estimate
                else:
                    out[it.task.id] = it.minutes
        return out

    def remaining(self, ref: str, estimate: int) -> int:
        """Effort left: the plan's figure when it knows the task (it has the progress)."""
        if self.plan is not None:
            st = self.plan.task(ref)
            if st is not None:
                return 0 if st.done else st.estimate_minutes
        return estimate


def find(
    ws: Workspace,
    today: date,
    *,
    holidays: HolidayData,
    busy: Sequence[BusyEvent] = (),
    plan: Plan | None = None,
    calendar: Calendar | None = None,
    progress: Progress | None = None,
) -> list[Conflict]:
    """Every finding about the workspace from `today` on, errors first.

    `calendar`: the user's time for these same `ws`, `holidays` and `busy`, when the caller has
    one that spans `window(ws, today)` (the CLI shares the plan's). With `plan`, the work
    handed over is what it leaves undone at departure (`handover.left_at_departure`).
    """
    first, last = window(ws, today)
    if calendar is None or not (calendar.first <= first and last <= calendar.last):
        calendar = Calendar(ws, holidays, first, last, busy)
    cx = _Ctx(ws, today, calendar, plan, progress or Progress())
    active = [t for t in ws.trainings if t.end >= today]
    found: list[Conflict] = []
    for t in active:
        found += _quiet(cx, t)
        found += _meetings(cx, t)
        found += _holiday_sessions(cx, t)
        found += _due_away(cx, t)
        found += _no_deputy(cx, t)
        found += _no_sessions(t)
        found += _colleagues(cx, t)
    found += _training_clashes(cx, active)
    found += _overload(cx, last, cx.handed_over(active))
    found += _jp(cx)
    return by_severity(found)


SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def by_severity(found: Iterable[Conflict]) -> list[Conflict]:
    """Errors first, then warnings, then notes; in their order within each."""
    return sorted(found, key=lambda c: SEVERITY_ORDER[c.severity])


# --- busy periods ------------------------------------------------------------------------------


def training_days(cx: _Ctx, t: Training) -> list[date]:
    """Days a training takes from today on: every session day; an offline training's whole run."""
    days: set[date] = set()
    for s in t.session:
        days.update(session_days(s, t.start, t.end, cx.cal.is_off))
    if t.format == "offline" or not t.session:
        days.update(t.start + timedelta(days=i) for i in range((t.end - t.start).days + 1))
    return sorted(d for d in days if d >= cx.today)


def concerns(q: Quiet, roles: Iterable[str]) -> bool:
    """A busy period without roles (or for `umum`) concerns everyone."""
    return not q.roles or "umum" in q.roles or bool(set(q.roles) & set(roles))


def _quiet(cx: _Ctx, t: Training) -> list[Conflict]:
    days = training_days(cx, t)
    out = []
    for q in cx.ws.quiet:
        if not concerns(q, cx.ws.profile.roles):
            continue
        hit = [d for d in days if q.start <= d <= q.end]
        if not hit:
            continue
        out.append(
            Conflict(
                severity="error" if q.level == "avoid" else "warning",
                facts=BusyPeriod(
                    training=t.title,
                    training_id=t.id,
                    days=tuple(hit),
                    period=q.title,
                    start=q.start,
                    end=q.end,
                    roles=q.roles if q.roles and "umum" not in q.roles else (),
                    level=q.level,
                ),
                refs=(t.id, *((q.id,) if q.id else ())),
            )
        )
    return out


# --- clashes with meetings and with other trainings ----------------------------------------------


def _spans(cx: _Ctx, t: Training, d: date) -> list[tuple[datetime, datetime, str]]:
    return [
        (b.start, b.end, b.mode or "")
        for b in cx.cal.fixed(d)
        if b.kind == "training" and b.ref == t.id
    ]


def _meetings(cx: _Ctx, t: Training) -> list[Conflict]:
    hits: dict[str, list[date]] = {}
    for s in t.session:
        if s.mode != "online":
            continue
        for d in cx.cal.meets(t, s, max(t.start, cx.today), t.end):
            sessions = [x for x in _spans(cx, t, d) if x[2] == "online"]
            for b in cx.cal.fixed(d):
                if b.kind != "event" or not b.busy:  # all-day notes do not take the user away
                    continue
                if any(b.start < e and s0 < b.end for s0, e, _ in sessions):
                    hits.setdefault(b.title, [])
                    if d not in hits[b.title]:
                        hits[b.title].append(d)
    return [
        Conflict(
            severity="warning",
            facts=MeetingClash(training=t.title, meeting=title, dates=tuple(days)),
            refs=(t.id,),
        )
        for title, days in hits.items()
    ]


def _no_sessions(t: Training) -> list[Conflict]:
    """A blended training without sessions has no day away (calendar.sessions): say so, since
    its days in class are then planned as office days."""
    if t.session or t.format != "blended":
        return []
    facts = NoSessions(training=t.title, start=t.start, end=t.end)
    return [Conflict(severity="info", facts=facts, refs=(t.id,))]


def _training_clashes(cx: _Ctx, active: list[Training]) -> list[Conflict]:
    out = []
    for i, a in enumerate(active):
        for b in active[i + 1 :]:
            common = sorted(set(training_days(cx, a)) & set(training_days(cx, b)))
            clash = []
            for d in common:
                sa, sb = _spans(cx, a, d), _spans(cx, b, d)
                whole_day = any(x[2] == "offline" for x in sa + sb) or not sa or not sb
                if whole_day or any(x0 < y1 and y0 < x1 for x0, x1, _ in sa for y0, y1, _ in sb):
                    clash.append(d)
            if clash:
                out.append(
                    Conflict(
                        severity="error",
                        facts=TrainingClash(a=a.title, b=b.title, dates=tuple(clash)),
                        refs=(a.id, b.id),
                    )
                )
    return out


def _holiday_sessions(cx: _Ctx, t: Training) -> list[Conflict]:
    days = sorted(
        {
            d
            for s in t.session
            for d in session_days(s, max(t.start, cx.today), t.end, cx.cal.is_off)
            if cx.cal.holiday(d) is not None
        }
    )
    if not days:
        return []
    names = sorted({h.name for d in days if (h := cx.cal.holiday(d))})
    return [
        Conflict(
            severity="warning",
            facts=HolidaySession(training=t.title, dates=tuple(days), names=tuple(names)),
            refs=(t.id,),
        )
    ]


# --- work while away ---------------------------------------------------------------------------


def _due_away(cx: _Ctx, t: Training) -> list[Conflict]:
    ab = absence(cx.ws, t, cx.cal)
    # a holiday inside a stretch away is no day at the office either
    away = {
        s.first + timedelta(days=i)
        for s in ab.stretches
        for i in range((s.last - s.first).days + 1)
        if s.first + timedelta(days=i) >= cx.today
    }
    if not away:
        return []
    # what the plan leaves undone at departure, with the receiver the handover sheet names
    items = {it.task.id: it for it in cx.left(t)}
    lo = min(away)
    before = next(
        (lo - timedelta(days=i) for i in range(1, 15) if not cx.cal.is_off(lo - timedelta(days=i))),
        lo - timedelta(days=1),
    )
    out = []
    for task in cx.ws.tasks:
        it = items.get(task.id)
        if it is None:
            continue  # nothing left of it when she leaves (or not due while away)
        if task.recurs and task.from_:
            # a routine duty falling on a holiday does not happen that day
            days = [d for d in it.occurrences if d in away and not cx.cal.is_off(d)]
        else:
            due = _day(task.due)
            days = [due] if due in away else []
        if not days:
            continue
        receiver = it.receiver if it and it.source != "suggested" else None
        candidate = it if it and it.receiver and it.source == "suggested" else None
        out.append(
            Conflict(
                severity="info" if receiver else "warning",
                facts=DueAway(
                    task=task.title,
                    training=t.title,
                    training_id=t.id,
                    dates=tuple(days),
                    before=before,
                    covered_by=receiver.name if receiver else None,
                    candidate=candidate.receiver.name if candidate and candidate.receiver else None,
                    why=candidate.reason if candidate else None,
                ),
                refs=(task.id, t.id),
            )
        )
    return out


def _no_deputy(cx: _Ctx, t: Training) -> list[Conflict]:
    ab = absence(cx.ws, t, cx.cal)
    n = max((len(s.days) for s in ab.stretches), default=0)
    if t.deputy or not cx.ws.profile.needs_plh or n <= LONG_ABSENCE or ab.last_day() < cx.today:
        return []
    return [Conflict(severity="warning", facts=NoDeputy(training=t.title, days=n), refs=(t.id,))]


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _colleagues(cx: _Ctx, t: Training) -> list[Conflict]:
    ab = absence(cx.ws, t, cx.cal)
    if not ab.stretches or ab.last_day() < cx.today:
        return []
    items = cx.left(t)
    out: list[Conflict] = []
    load: dict[tuple[str, date], list[tuple[int, str]]] = {}
    for it in items:
        c = it.receiver
        if c is None:
            continue
        need = it.need_day or ab.first_day()
        # work due after the return is done while the user is still away: count it in the last week
        week = _monday(min(need, ab.last_day()))
        load.setdefault((c.id, week), []).append((it.minutes, it.task.title))
        if c.is_away(need):
            out.append(_away(cx, c.id, need, "task", it.task.title))
    for (cid, week), parts in sorted(load.items()):
        c = cx.ws.colleague(cid)
        total = sum(m for m, _ in parts)
        if c is None or c.capacity is None or total <= c.capacity:
            continue
        out.append(
            Conflict(
                severity="warning",
                facts=ColleagueLoad(
                    name=c.name,
                    week=week,
                    minutes=total,
                    capacity=c.capacity,
                    titles=tuple(dict.fromkeys(title for _, title in parts)),
                ),
                refs=(c.id, t.id),
            )
        )
    deputy = cx.ws.colleague(t.deputy)
    if deputy is not None:
        gone = [d for d in ab.offline_days if deputy.is_away(d)]
        if gone:
            out.append(_away(cx, deputy.id, gone[0], "deputy", t.title))
    for ev in cx.ws.events:
        who = cx.ws.colleague(ev.delegate_to)
        if who is None:
            continue
        for d in event_days(ev, max(cx.today, ab.first_day()), ab.last_day()):
            if d in ab.offline_days and who.is_away(d) and not cx.cal.cancelled(ev, d):
                out.append(_away(cx, who.id, d, "meeting", ev.title))
                break
    return out


def _away(cx: _Ctx, cid: str, day: date, need: Need, title: str) -> Conflict:
    c = cx.ws.colleague(cid)
    assert c is not None
    spell = next(a for a in c.away if a.start <= day <= a.end)
    return Conflict(
        severity="warning",
        facts=ColleagueAway(
            name=c.name, start=spell.start, end=spell.end, day=day, need=need, title=title
        ),
        refs=(cid,),
    )


# --- the user's own load -----------------------------------------------------------------------


def _overload(cx: _Ctx, last: date, handed: dict[str, int]) -> list[Conflict]:
    """Weeks where work due by their end cannot fit the free time from today (EDF feasibility).

    Work a named colleague takes while she is away (`handed`) is theirs, not hers."""
    # weeks by the ordinal of their Monday: a year of 10,000 tasks passes through this loop
    by_week: dict[int, list[tuple[int, str, str]]] = {}

    def remaining(ref: str, estimate: int) -> int:
        left = cx.remaining(ref, estimate)
        return max(0, left - handed[ref]) if ref in handed else left

    first_day, last_day = cx.today.toordinal(), last.toordinal()
    for task in cx.ws.tasks:
        if task.delegate_to:
            continue  # the colleague's work, not the user's
        if task.recurs and task.from_:
            for d in occurrences(task, cx.today, last):
                ref = str(Ref(task.id, d))
                by_week.setdefault(d.toordinal() - d.weekday(), []).append(
                    (remaining(ref, task.estimate), task.id, task.title)
                )
            continue
        day = _day(task.due)
        if day is None:
            continue
        n = day.toordinal()
        if n < first_day or n > last_day:
            continue
        by_week.setdefault(n - day.weekday(), []).append(
            (remaining(task.id, task.estimate), task.id, task.title)
        )
    if handed:  # what a colleague takes in full is not hers to name either
        by_week = {n: [x for x in parts if x[0] > 0] for n, parts in by_week.items()}
    due = {date.fromordinal(n): parts for n, parts in by_week.items() if parts}
    if not due:
        return []
    out = []
    need_total = free_total = 0
    deficit = 0
    week = _monday(cx.today)
    while week <= max(due):
        free = 0
        for i in range(7):
            d = week + timedelta(days=i)
            if cx.today <= d <= last:
                free += sum(int((e - s).total_seconds() // 60) for s, e in cx.cal.free(d))
        parts = due.get(week, [])
        need = sum(m for m, _, _ in parts)
        need_total += need
        free_total += free
        new_deficit = max(0, need_total - free_total)
        short = new_deficit - deficit
        if short > 0 and need > 0:
            out.append(
                Conflict(
                    severity="warning",
                    facts=Overload(
                        week=week,
                        titles=tuple(dict.fromkeys(title for _, _, title in parts)),
                        need=need,
                        free=max(0, need - short),
                        short=short,
                    ),
                    refs=tuple(dict.fromkeys(tid for _, tid, _ in parts)),
                )
            )
        deficit = new_deficit
        week += timedelta(days=7)
    return out


def jp_year(ws: Workspace, today: date) -> tuple[float, float, float]:
    """(finished, under way so far, planned rest) JP of the year; a training counts in the year it ends.

    SIASN records a certificate when a training ends, so a training belongs to its end year. One
    under way counts pro rata by the days gone (shown as "about"); the rest of it, and every
    training still to come this year, counts as planned.
    """
    done = underway = planned = 0.0
    for t in ws.trainings:
        if t.end.year != today.year or not t.jp:
            continue
        if t.end < today:
            done += t.jp
        elif t.start <= today:
            total = (t.end - t.start).days + 1
            gone = (today - t.start).days
            underway += t.jp * gone / total
            planned += t.jp * (total - gone) / total
        else:
            planned += t.jp
    return done, underway, planned


def _jp(cx: _Ctx) -> list[Conflict]:
    target = cx.ws.planning.annual_jp_target
    pppk = cx.ws.profile.employment == "PPPK"
    if target <= 0 and not pppk:
        return []
    done, underway, planned = jp_year(cx.ws, cx.today)
    so_far = done + underway
    refs = tuple(t.id for t in cx.ws.trainings if t.end.year == cx.today.year)
    out: list[Conflict] = []
    if target > 0:
        out.append(_jp_target(cx, target, done, underway, planned, refs))
    total = round(so_far + planned)
    if pppk and total > PPPK_JP_CEILING:
        out.append(
            Conflict(
                severity="info",  # the rule may have changed (domain.md 2.2): a note, not a fault
                facts=JpCeiling(year=cx.today.year, total=total),
                refs=refs,
            )
        )
    return out


def _jp_target(
    cx: _Ctx, target: int, done: float, underway: float, planned: float, refs: tuple[str, ...]
) -> Conflict:
    so_far = done + underway
    sev: Severity
    state: Literal["met", "track", "short"]
    short = 0
    if done >= target:
        state, sev = "met", "info"
    elif so_far + planned >= target:
        state, sev = "track", "info"
    else:
        # early in the year a shortfall is a reminder; from July on there is little time left
        late = (cx.today.month, cx.today.day) >= JP_WARN_FROM
        state, sev = "short", "warning" if late else "info"
        short = round(target - so_far - planned + 0.49)
    facts = JpTally(
        year=cx.today.year,
        done=round(done),
        underway=round(underway) if underway >= 0.5 else None,
        planned=round(planned),
        target=target,
        state=state,
        short=short,
    )
    return Conflict(severity=sev, facts=facts, refs=refs)


__all__ = [
    "AFTER_RETURN",
    "LONG_ABSENCE",
    "SEVERITY_ORDER",
    "by_severity",
    "concerns",
    "find",
    "jp_year",
    "training_days",
    "window",
]
