"""The focus settings as the sweep reads them (`planning.max_switches`, `planning.focus`): a value
with each horizon day's first minute and the end of its morning on the line's clock.

`FocusSweep` (the sweep of sweep.py with the focus rules) does the rest: at most `max_switches` switches between tasks
in a working day unless a deadline needs another task, and with `morning`, important work (`do`,
`plan`) preferred before the lunch break and the rest after it. docs/planning-choices.md says why.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime, time

from .job import Job
from .line import Horizon, Line, minute
from .sweep import PREF_TRIES, Ready, Sweep

LUNCH_FROM = time(11)  # the first break starting from then on is the lunch break
NOON = time(12)  # the end of the morning on a day without such a break


@dataclass(frozen=True, slots=True)
class Focus:
    """What the sweep needs to keep focus: the cap (None: none), the morning preference, and
    each horizon day's first minute and end of morning (epoch minutes, ascending)."""

    max_switches: int | None
    morning: bool
    day_starts: tuple[int, ...]
    mornings_end: tuple[int, ...]


def focus_for(hz: Horizon) -> Focus | None:
    """The focus of this horizon, or None when both settings are off (the sweep as it is)."""
    p = hz.ws.planning
    if p.max_switches is None and p.focus == "none":
        return None
    tz = hz.tz
    starts, ends = [], []
    for d in hz.days:
        starts.append(minute(datetime.combine(d, time(), tz)))
        info = hz.cal.day(d)
        lunch = [b.start for b in info.breaks if b.start >= LUNCH_FROM]
        ends.append(minute(datetime.combine(d, min(lunch, default=NOON), tz)))
    return Focus(p.max_switches, p.focus == "morning", tuple(starts), tuple(ends))


class _Both:
    """The released work in two preference orders at once: the main one and the afternoon's
    (`pm_rank`: a main rank's place in it)."""

    def __init__(self, main: Ready, other: Ready, pm_rank: list[int]) -> None:
        self.main, self.other, self.pm_rank = main, other, pm_rank

    def push(self, r: int) -> None:
        self.main.push(r)
        self.other.push(self.pm_rank[r])

    def push_all(self, ranks: list[int]) -> None:
        self.main.push_all(ranks)
        self.other.push_all(sorted(self.pm_rank[r] for r in ranks))


class FocusSweep(Sweep):
    """The sweep with `planning.max_switches` and `planning.focus`.

    The cap: once a working day has had its switches between tasks, only the task at hand goes
    on; when it cannot (finished, or no room), the time stays free as long as every deadline has
    room for the rest of the day to stay free, else the earliest deadline goes now (a switch a
    deadline needs: `Job.extra_switches`). Morning: before the lunch break the preference order
    is the usual one (important work first); after it the less important work comes first
    (`_afternoon_order`). Every try passes the same deadline guard as the plain sweep's.
    """

    def __init__(self, jobs: list[Job], line: Line, focus: Focus) -> None:
        super().__init__(jobs, line)
        self.line = line
        for j in jobs:
            j.extra_switches = []
        self.focus = focus
        self.cap = focus.max_switches
        self.day = -1
        self.last: Job | None = None  # the task placed last today
        self.switches = 0
        self.day_end_w = 0  # the free minutes of the line before the day's end
        self.morning = True
        self.am_ready = self.ready
        self.pm_main: list[int] = []
        if focus.morning:
            self._afternoon_order()

    def _afternoon_order(self) -> None:
        """The afternoon's preference order: on-time work before late work as in the morning,
        but within each the less important (`delegate`, `drop`) before the important."""
        entries = self.entries

        def key(r: int) -> tuple[bool, bool, int]:
            j, late = entries[r]
            return late and not j.overdue, j.ranking.quadrant in ("do", "plan"), r

        order = sorted(range(len(entries)), key=key)
        pm_rank = [0] * len(order)
        for i, r in enumerate(order):
            pm_rank[r] = i
        self.pm_main = order
        self.pm_ready = Ready([entries[r] for r in order], PREF_TRIES)
        self.ready = _Both(self.am_ready, self.pm_ready, pm_rank)  # type: ignore[assignment]

    def enter(self, s: int) -> None:
        d = bisect_right(self.focus.day_starts, s) - 1
        if d != self.day:
            self.day, self.last, self.switches = d, None, 0
            starts = self.focus.day_starts
            self.day_end_w = (
                self.line.upto(starts[d + 1]) if d + 1 < len(starts) else self.line.total
            )
        self.morning = s < self.focus.mornings_end[d]

    def choose(self, avail: int, w: int) -> tuple[Job, int] | None:
        last = self.last
        if self.cap is not None and last is not None and self.switches >= self.cap:
            return self._capped(last, avail, w)
        if self.morning or not self.pm_main:
            ranks = self.am_ready.best()
        else:
            ranks = [self.pm_main[p] for p in self.pm_ready.best()]
        for r in ranks:
            size = self._try(r, avail, w)
            if size > 0:
                return self.entries[r][0], size
        return self.deadline_first(avail, w)

    def _capped(self, last: Job, avail: int, w: int) -> tuple[Job, int] | None:
        """No switch left today: the task at hand, else nothing, else what a deadline needs."""
        if last.rem > 0:
            size = self._try(last.pref, avail, w)
            if size > 0:
                return last, size
        top = self.earliest.top()
        if top is None or top.beyond:  # (no deadline in the horizon: nothing needs it today)
            return None
        rest = self.day_end_w - w  # free minutes left today
        if top.dl < self.n:  # an on-time deadline without room for a free rest of the day
            needed = not self.slack.at_least(w, rest)
        else:  # work given up that still meets its deadline if it starts today
            before = self.line.upto(top.due_m) - w
            needed = top.rem <= before < top.rem + rest
        if not needed:
            return None  # the cap holds all day: the rest of the slot stays free
        return self.deadline_first(avail, w)

    def put(self, j: Job, t: int, size: int) -> None:
        last = self.last
        if j is not last:
            if last is not None:
                self.switches += 1
                if self.cap is not None and self.switches > self.cap:
                    j.extra_switches.append(t)  # a deadline needed this switch
            self.last = j
        super().put(j, t, size)


__all__ = ["Focus", "FocusSweep", "focus_for"]
