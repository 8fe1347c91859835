"""Placing the work: one sweep through the line of free time (sweep.py holds its state), with the
last plan's blocks as its first choice at their time (`kept`, previous.py) and the focus
settings (focus.py). `make_plan` (schedule.py) calls `place_focused` after choosing the on-time
set (ontime.py); docs/planning-choices.md explains each choice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .focus import Focus, FocusSweep
from .job import Job
from .line import Line
from .sweep import Sweep

Kept = tuple[int, int, Job]  # a block of the last plan to keep if the deadlines allow


def place_focused(
    jobs: list[Job],
    line: Line,
    slivers: bool = True,
    kept: Sequence[Kept] = (),
    focus: Focus | None = None,
) -> list[Job]:
    """`place`, with every block at least its task's min_block unless the job's own deadline (or
    an earlier one) has less room than the time at hand; with `slivers` False, never shorter
    (the plan a short block is measured against). Returns what `place` returns."""
    for j in jobs:
        j.sliver_ok = slivers
    return place(jobs, line, kept, focus)


def place(
    jobs: list[Job], line: Line, kept: Sequence[Kept] = (), focus: Focus | None = None
) -> list[Job]:
    """Sweep the free time once, giving each moment to the preferred job the deadlines allow;
    a block of the last plan (`kept`, sorted by start) is the first choice at its time, under
    the same guard (and with `focus`, the switch cap and the morning preference: `FocusSweep`).

    Returns the on-time jobs that missed their deadline anyway (release times, block sizes):
    they are demoted to late work the moment their deadline passes, so that they stop counting
    against the deadlines after theirs.
    """
    sweep = Sweep(jobs, line) if focus is None else FocusSweep(jobs, line, focus)
    enter = None if focus is None else sweep.enter
    if kept:
        _place_keeping(sweep, line, _Kept(kept, sweep), enter)
        return sweep.finish()
    for si, (s, e) in enumerate(line.slots):
        if enter is not None:
            enter(s)
        t, w = s, line.before[si]  # w: the free minutes of the line before t
        while t < e:
            sweep.release(t)
            sweep.expire(t)
            chosen = sweep.choose(e - t, w)
            if chosen is None:
                break  # nothing may go here: the rest of the slot stays free
            job, size = chosen
            sweep.put(job, t, size)
            t += size
            w += size
    return sweep.finish()


def _place_keeping(
    sweep: Sweep, line: Line, kept: _Kept, enter: Callable[[int], None] | None
) -> None:
    """The sweep, where a kept block goes first at its time if the deadlines have room for it
    (its minutes are held for it until then); other work stops where a kept block starts, and
    where one gives way, the earliest deadline takes its time."""
    for si, (s, e) in enumerate(line.slots):
        if enter is not None:
            enter(s)
        t, w = s, line.before[si]
        while t < e:
            sweep.release(t)
            sweep.expire(t)
            k = kept.next(t, e)
            end = e if k is None else min(k[1], e) if k[0] <= t else k[0]
            refused = False
            if k is not None and k[0] <= t:
                size = sweep.keep(k[2], t, end - t, w)
                if size > 0:
                    sweep.put(k[2], t, size)
                    t += size
                    w += size
                    continue
                refused = True
            chosen = (refused and sweep.deadline_first(end - t, w)) or sweep.choose(end - t, w)
            if chosen is None:
                if end == e:
                    break
                w += end - t  # idle up to the kept block (or past the one that gave way)
                t = end
                continue
            job, size = chosen
            sweep.put(job, t, size)
            t += size
            w += size
    kept.release_all()


class _Kept:
    """The kept blocks in start order, read forward as the sweep moves on. Each holds its
    minutes of its job's work (out of `rem`, so other moments do not spend them) until the
    sweep reaches it, or passes it without placing it; a block past its job's deadline, which
    on-time work may not use, holds none."""

    def __init__(self, kept: Sequence[Kept], sweep: Sweep) -> None:
        self.kept, self.sweep, self.i = kept, sweep, 0
        self.held = [0] * len(kept)
        last: dict[str, int] = {}  # each job's last block that holds minutes
        for x, (a, b, j) in enumerate(kept):
            if j.dl < sweep.n and b > j.due_m:
                continue
            hold = min(b - a, j.rem)
            j.rem -= hold
            self.held[x] = hold
            last[j.id] = x
        for x in last.values():  # a rest too short for a block of its own stays with them
            j = kept[x][2]
            if 0 < j.rem < j.mb:
                self.held[x] += j.rem
                j.rem = 0

    def next(self, t: int, e: int) -> Kept | None:
        """The kept block at t (its minutes given back to its job now), else the next one
        starting before e."""
        kept = self.kept
        while self.i < len(kept) and kept[self.i][1] <= t:
            self._give_back(self.i, t)
            self.i += 1
        if self.i < len(kept) and kept[self.i][0] < e:
            if kept[self.i][0] <= t:
                self._give_back(self.i, t)
            return kept[self.i]
        return None

    def release_all(self) -> None:
        """The minutes of the blocks the sweep never reached go back to their jobs."""
        for x in range(self.i, len(self.kept)):
            self._give_back(x, None)

    def _give_back(self, x: int, t: int | None) -> None:
        hold = self.held[x]
        if hold:
            self.held[x] = 0
            j = self.kept[x][2]
            j.rem += hold
            if t is not None and j.rem == hold:  # it had nothing left: back into the queues
                self.sweep.requeue(j, t)


__all__ = ["Kept", "place", "place_focused"]
