"""The free working time of the horizon as one line of minutes, and how it is cut into slots.

Minutes are epoch minutes, so a block is two integers until the plan is built.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, datetime, time, timedelta

from ..workspace.models import Workspace
from .calendar import Calendar

POMODORO_WORK, POMODORO_REST = 25, 5
MINUTE = timedelta(
    minutes=1
)  # n * MINUTE: a multiplication, where timedelta(minutes=n) parses keywords


def minute(dt: datetime) -> int:
    """The epoch minute of an instant."""
    return int(dt.timestamp()) // 60


class Horizon:
    """The days one plan covers, the user's calendar over them, and the clock of its line."""

    def __init__(self, ws: Workspace, cal: Calendar, today: date, last: date) -> None:
        self.ws, self.cal, self.today, self.last = ws, cal, today, last
        self.tz = tz = cal.tz
        self.days = [today + timedelta(days=i) for i in range((last - today).days + 1)]
        self.origin = datetime.combine(today, time(), tz)  # today's midnight
        self.start_m = minute(self.origin)
        self.end_m = minute(datetime.combine(last + timedelta(days=1), time(), tz))
        # Indonesia keeps one UTC offset all year: a minute is then a fixed step from today's
        # midnight; a zone that changes it gets the exact conversion
        noons = [today + timedelta(days=i) for i in range(0, (last - today).days + 1, 7)] + [last]
        self.fixed_offset = len({datetime.combine(d, time(12), tz).utcoffset() for d in noons}) == 1

    def dt(self, m: int) -> datetime:
        """The instant of epoch minute m, in the user's zone."""
        if self.fixed_offset:
            return self.origin + (m - self.start_m) * MINUTE
        return datetime.fromtimestamp(m * 60, self.tz)


class Line:
    """Free time as sorted (start, end) minute slots, with the cumulative minutes before each."""

    def __init__(self, slots: list[tuple[int, int]]) -> None:
        self.slots = slots
        self.starts = [s for s, _ in slots]
        self.before: list[int] = []
        acc = 0
        for s, e in slots:
            self.before.append(acc)
            acc += e - s
        self.total = acc
        self._upto: dict[int, int] = {}  # thousands of jobs share a few hundred due instants

    def upto(self, m: int) -> int:
        """Free minutes before minute `m`."""
        hit = self._upto.get(m)
        if hit is not None:
            return hit
        k = bisect_right(self.starts, m) - 1
        if k < 0:
            free = 0
        else:
            s, e = self.slots[k]
            free = self.before[k] + (m - s if m < e else e - s)  # m >= s: bisect found its slot
        self._upto[m] = free
        return free


def split_slots(
    free: list[tuple[int, int]], slack: int, pomodoro: bool
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """One day's free slots after keeping `slack` percent free (the day's end) and pomodoro cuts."""
    if slack:
        keep = sum(e - s for s, e in free) * (100 - slack) // 100
        kept = []
        for s, e in free:
            if keep <= 0:
                break
            take = min(e - s, keep)
            kept.append((s, s + take))
            keep -= take
        free = kept
    if not pomodoro:
        return free, []
    pieces, gaps = [], []
    for s, e in free:
        t = s
        while e - t > POMODORO_WORK:
            pieces.append((t, t + POMODORO_WORK))
            rest_end = min(t + POMODORO_WORK + POMODORO_REST, e)
            gaps.append((t + POMODORO_WORK, rest_end))
            t = rest_end
        if t < e:
            pieces.append((t, e))
    return pieces, gaps


def cut_at(slots: list[tuple[int, int]], points: list[int]) -> list[tuple[int, int]]:
    """Split slots at release instants, so a job released mid-slot competes from that moment."""
    if not points:
        return slots
    out = []
    for s, e in slots:
        i = bisect_right(points, s)
        t = s
        while i < len(points) and points[i] < e:
            out.append((t, points[i]))
            t = points[i]
            i += 1
        out.append((t, e))
    return out


__all__ = ["POMODORO_REST", "POMODORO_WORK", "Horizon", "Line", "cut_at", "minute", "split_slots"]
