"""The user's time: working days and hours, breaks, holidays, Ramadan, days away, fixed blocks.

`Calendar` answers, for any date, what kind of day it is, which fixed blocks it holds (meetings,
training sessions, busy time from the user's own calendars, breaks), and what free time is left
for work and for self-study. It is pure: the holiday data and imported busy time come in as values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property, lru_cache
from zoneinfo import ZoneInfo

from ..workspace.holidays_id import HolidayData, HolidayInfo
from ..workspace.models import DayHours, Event, Session, Training, Workspace
from ..workspace.values import TimeRange, expand_rrule
from .plan import Block

Interval = tuple[datetime, datetime]


@dataclass(frozen=True)
class BusyEvent:
    """Busy time read from one of the user's calendars (.ics)."""

    start: datetime
    end: datetime
    title: str
    source: str = ""
    all_day: bool = False


@dataclass(frozen=True)
class DayInfo:
    """What kind of day a date is for the user: working, away, holiday, Ramadan."""

    date: date
    working: bool  # an office working day: in the work week, not a holiday, not away
    hours: TimeRange | None  # working hours when the day is in the work week and not a holiday
    breaks: tuple[TimeRange, ...]
    ramadan: bool
    holiday: HolidayInfo | None
    away: Training | None  # at an offline training session all day
    place: str | None = None  # away in another zone: its IANA name (that day runs on its clock)

    @property
    def in_workweek(self) -> bool:
        return self.hours is not None


def subtract(spans: Iterable[Interval], cuts: Iterable[Interval]) -> list[Interval]:
    """`spans` with every part covered by `cuts` removed; both are lists of (start, end)."""
    out = sorted(spans)
    for c0, c1 in sorted(cuts):
        nxt: list[Interval] = []
        for s0, s1 in out:
            if c1 <= s0 or c0 >= s1:
                nxt.append((s0, s1))
                continue
            if s0 < c0:
                nxt.append((s0, c0))
            if c1 < s1:
                nxt.append((c1, s1))
        out = nxt
    return out


def session_days(
    session: Session, first: date, last: date, is_off: Callable[[date], bool] | None = None
) -> list[date]:
    """The days in [first, last] on which a session meets.

    A run of days (`date` to `until`) skips weekends and holidays unless `weekends = true`;
    `is_off(day)` tells which days are off.
    """
    if session.rrule and session.from_:
        hi = min(last, session.until) if session.until else last
        return expand_rrule(session.rrule, session.from_, first, hi)
    assert session.date is not None
    lo = max(first, session.date)
    hi = min(last, session.until or session.date)
    days = []
    d = lo
    while d <= hi:
        if session.weekends or session.until is None or not (is_off and is_off(d)):
            days.append(d)
        d += timedelta(days=1)
    return days


def event_days(event: Event, first: date, last: date) -> list[date]:
    if event.rrule and event.from_:
        hi = min(last, event.until) if event.until else last
        return expand_rrule(event.rrule, event.from_, first, hi)
    assert event.date is not None
    lo, hi = max(first, event.date), min(last, event.until or event.date)
    return [lo + timedelta(days=i) for i in range((hi - lo).days + 1)] if lo <= hi else []


def sessions(training: Training) -> tuple[Session, ...]:
    """A training's sessions, as the plan, `check`, the handover and the export all read them.

    An offline training without `[[training.session]]` is in class on every working day from
    `start` to `end`: one offline run of days stands for it, so those days are days away. An
    online or blended training without sessions has no day in class that diklat could know of
    (most of a blended course is self-study at the workplace): it takes no day away, only its
    study time.
    """
    if training.session or training.format != "offline":
        return training.session
    return (_whole_run(training.start, training.end),)


@lru_cache(maxsize=64)
def _whole_run(start: date, end: date) -> Session:
    return Session(date=start, until=end, mode="offline")


def session_zone(training: Training, session: Session) -> str | None:
    """The zone a session's hours are in: its own, else its training's (None: the user's)."""
    return session.timezone or training.timezone


@lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def instants(span: TimeRange, d: date, zone: str | None, tz: ZoneInfo) -> Interval:
    """`span` on day `d` read on the clock of `zone` (None: of `tz`), as instants in `tz`.

    An online class run from Jakarta at 13:00-16:00 WIB is 14:00-17:00 in Makassar.
    """
    if zone is None or zone == tz.key:
        return span.on(d, tz)
    s, e = span.on(d, _zone(zone))
    return s.astimezone(tz), e.astimezone(tz)


def _in_zone(block: Block, zone: str | None) -> Block:
    return block._replace(zone=zone) if zone else block


def horizon(ws: Workspace, today: date) -> tuple[date, date]:
    """The days the plan covers: `planning.horizon_days` from `today` on, today included."""
    return today, today + timedelta(days=ws.planning.horizon_days - 1)


class Calendar:
    """Answers questions about the user's days between `first` and `last` (inclusive)."""

    def __init__(
        self,
        ws: Workspace,
        holidays: HolidayData,
        first: date,
        last: date,
        busy: Sequence[BusyEvent] = (),
    ) -> None:
        self.ws = ws
        self.holidays = holidays
        self.first = first
        self.last = last
        self.tz = ZoneInfo(ws.profile.timezone)
        self._busy = busy
        self._local: dict[date, HolidayInfo] = {}
        self._working_overrides: set[date] = set()
        for h in ws.holidays:
            if h.working:
                self._working_overrides.add(h.date)
            else:
                self._local[h.date] = HolidayInfo(h.title, "local")
        self._days: dict[date, DayInfo] = {}
        self._work_time: dict[date, list[Interval]] = {}

    # --- what kind of day ---------------------------------------------------------------

    def holiday(self, d: date) -> HolidayInfo | None:
        if d in self._working_overrides:
            return None
        return self._local.get(d) or self.holidays.days.get(d)

    def is_ramadan(self, d: date) -> bool:
        r = self.ws.ramadan
        if not r.enabled:
            return False
        if r.start and r.end:
            return r.start <= d <= r.end
        return any(a <= d <= b for a, b in self.holidays.ramadan)

    def is_off(self, d: date) -> bool:
        """A day off: outside the work week, or a holiday (a stretch away is not a day off)."""
        return self.ws.workweek.for_day(d.weekday()) is None or self.holiday(d) is not None

    @cached_property
    def _away(self) -> dict[date, tuple[Training, str | None]]:
        """Days at an offline session (`sessions`: an offline training without any is away from
        start to end), for every training, and the zone of the place when it is not the user's."""
        away: dict[date, tuple[Training, str | None]] = {}
        for t in self.ws.trainings:
            for s in sessions(t):
                if s.mode != "offline":
                    continue
                zone = session_zone(t, s)
                place = zone if zone and zone != self.tz.key else None
                for d in session_days(s, self.first, self.last, self.is_off):
                    away.setdefault(d, (t, place))
        return away

    def day(self, d: date) -> DayInfo:
        if d in self._days:
            return self._days[d]
        hours: DayHours | None = self.ws.workweek.for_day(d.weekday())
        holiday = self.holiday(d)
        ramadan = self.is_ramadan(d)
        if hours is not None and ramadan:
            hours = self.ws.ramadan.for_day(d.weekday())
        if holiday is not None:
            hours = None
        away, place = self._away.get(d, (None, None))
        info = DayInfo(
            date=d,
            working=hours is not None and away is None,
            hours=hours.hours if hours else None,
            breaks=hours.breaks if hours else (),
            ramadan=ramadan,
            holiday=holiday,
            away=away,
            place=place,
        )
        self._days[d] = info
        return info

    def days(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range((self.last - self.first).days + 1)]

    def end_of_work(self, d: date) -> datetime:
        """When a task due on `d` is due: the end of that day's hours, else the day's end."""
        info = self.day(d)
        if info.hours is not None:
            return datetime.combine(d, info.hours.end, self.tz)
        return datetime.combine(d, time(23, 59), self.tz)  # a day off: its date, read as such

    def working_days_between(self, after: date, until: date, limit: int) -> int:
        """Working days d with after < d <= until, counting no further than `limit` (it is enough
        to know that a deadline is more than `limit` working days away)."""
        n = 0
        d = after + timedelta(days=1)
        while d <= until and n < limit:
            if self.day(d).working:
                n += 1
            d += timedelta(days=1)
        return n

    # --- fixed blocks -------------------------------------------------------------------

    @cached_property
    def _fixed(self) -> dict[date, list[Block]]:
        """Each item's blocks, by the day they fall on in the user's zone.

        Hours in another zone (`timezone` on an event, a training or a session) are read on that
        zone's clock and held as instants in the user's, on the day they fall on there (an online
        class at 22:00 WIB is the next day's 00:00 WIT); the loader refuses hours that would run
        past midnight on the user's clock, so a block stays within one day.
        """
        out: dict[date, list[Block]] = {}
        tz = self.tz
        # hours on another clock may fall on the day before or after on the user's
        before = self.first - timedelta(days=1)
        away = self._away
        for ev in self.ws.events:
            zone = ev.timezone if ev.timezone != tz.key else None
            for d in event_days(ev, before if zone else self.first, self.last):
                if d in away or self.cancelled(ev, d):
                    continue  # she is in class, or the meeting is not held: not her busy time
                if ev.time is None:
                    s, e = (
                        datetime.combine(d, time(), tz),
                        datetime.combine(d + timedelta(days=1), time(), tz),
                    )
                else:
                    s, e = instants(ev.time, d, zone, tz)
                block = Block(s, e, "event", ev.id, ev.title, location=ev.location, link=ev.link)
                out.setdefault(s.date(), []).append(_in_zone(block, zone))
        for t in self.ws.trainings:
            for sess in sessions(t):
                zone = session_zone(t, sess)
                zone = zone if zone != tz.key else None
                for d in session_days(sess, before if zone else self.first, self.last, self.is_off):
                    if sess.time is None:  # offline, no hours given: the whole working day
                        day_hours = self.ws.workweek.for_day(
                            d.weekday()
                        ) or self.ws.workweek.for_day(0)
                        assert day_hours is not None
                        s, e = instants(day_hours.hours, d, zone, tz)
                    else:
                        s, e = instants(sess.time, d, zone, tz)
                    block = Block(
                        s,
                        e,
                        "training",
                        t.id,
                        sess.title or t.title,
                        location=sess.location or t.location,
                        link=sess.link,
                        mode=sess.mode,
                    )
                    # an offline day stays on its date; an online hour goes where it falls
                    on = s.date() if sess.mode == "online" else d
                    out.setdefault(on, []).append(_in_zone(block, zone))
        for b in self._busy:
            start, end = b.start.astimezone(tz), b.end.astimezone(tz)
            d = start.date()
            while d <= end.date() and d <= self.last:
                if d >= self.first:
                    day_start = datetime.combine(d, time(), tz)
                    s = max(start, day_start)
                    e = min(end, day_start + timedelta(days=1))
                    if s < e:
                        out.setdefault(d, []).append(Block(s, e, "event", None, b.title))
                d += timedelta(days=1)
        out.pop(before, None)
        for blocks in out.values():
            blocks.sort(key=lambda b: (b.start, b.end, b.title))
        return out

    def meets(self, t: Training, s: Session, first: date, last: date) -> list[date]:
        """The user's days in which session `s` of `t` has its blocks, for its days in [first,
        last]: an online hour on another clock may fall on the day before or after."""
        zone = session_zone(t, s)
        days = session_days(s, first, last, self.is_off)
        if s.mode != "online" or s.time is None or zone is None or zone == self.tz.key:
            return days
        return sorted({instants(s.time, d, zone, self.tz)[0].date() for d in days})

    def cancelled(self, ev: Event, d: date) -> bool:
        """An occurrence of a repeating event on a holiday is not held (one dated on a holiday
        by hand is: the user wrote that day)."""
        return bool(ev.rrule) and self.holiday(d) is not None

    def fixed(self, d: date) -> list[Block]:
        """Meetings, training sessions and imported busy time on `d`, in time order."""
        return list(self._fixed.get(d, []))

    # --- free time ----------------------------------------------------------------------

    def work_time(self, d: date) -> list[Interval]:
        """Working hours minus breaks on an office day (empty on days off and days away)."""
        spans = self._work_time.get(d)
        if spans is None:  # asked for each day by the planner, the plan and the clash checks
            info = self.day(d)
            if not info.working or info.hours is None:
                spans = []
            else:
                spans = subtract(
                    [info.hours.on(d, self.tz)], [b.on(d, self.tz) for b in info.breaks]
                )
            self._work_time[d] = spans
        return list(spans)

    def free(self, d: date) -> list[Interval]:
        """Working time not taken by a fixed block: where task work can go."""
        return subtract(self.work_time(d), [(b.start, b.end) for b in self.fixed(d)])

    def study_time(self, d: date) -> list[Interval]:
        """Study windows on `d`, outside working time and fixed blocks.

        Weekdays use `study.windows` (Ramadan: `study.ramadan_windows`); weekends and holidays
        use `study.weekend_windows`. Friday's long break is kept for Jumat prayer. On a day away
        at an offline session in another zone, the windows and the day's hours are read on the
        clock of that place (a week of classes in Jakarta runs on Jakarta's clock), and kept
        within the user's own day.
        """
        info = self.day(d)
        st = self.ws.study
        if info.in_workweek or info.away is not None:
            windows = st.ramadan_windows if info.ramadan else st.windows
        else:
            windows = st.weekend_windows
        tz = self.tz
        spans = [instants(w, d, info.place, tz) for w in windows]
        cuts = [(b.start, b.end) for b in self.fixed(d)]
        if info.hours is not None:
            here = [instants(info.hours, d, info.place, tz)]
            cuts += self.work_time(d) if info.working else here
            if d.weekday() == 4:
                cuts += [instants(b, d, info.place, tz) for b in info.breaks]
        if info.place is not None:
            day = datetime.combine(d, time(), tz)
            cuts += [(day - timedelta(days=1), day), (day + timedelta(days=1), day + timedelta(2))]
        return subtract(spans, cuts)
