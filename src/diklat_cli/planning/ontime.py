"""Which jobs stay on time: the preference order, and Moore-Hodgson run twice (important tasks
first, then the rest with the important set locked), which keeps the most tasks on time and never
trades an important task for unimportant ones; then the chosen set is tested with release dates
(Horn's preemptive earliest-deadline rule) and where a deadline overflows the longest unimportant
task of that window is dropped too. What is dropped is late, and is placed after the on-time
work. docs/planning-choices.md explains the choice.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from operator import attrgetter, itemgetter

from .job import Job
from .line import Line
from .prioritise import QUADRANTS


def _tier(j: Job, late: bool) -> int:
    # work already overdue competes by its urgency (within the slack the deadlines leave: the
    # sweep's guard); work the plan had to give up goes after the work that stays on time
    if j.ranking.quadrant == "drop":
        return 2
    return 1 if late and not j.overdue else 0


def rank_jobs(jobs: list[Job]) -> None:
    """Set each job's place in the preference order: tier, then do before plan before delegate
    before drop, then urgency, deadline and id (`pos` without the tier, `pref` with it); `jobs`
    is left in that order, without the tier."""
    # one stable sort per key, the last key first: a tuple key per job sorts several times slower
    # (in place: `place` finds them in this order)
    by_key = jobs
    by_key.sort(key=attrgetter("id"))
    by_key.sort(key=attrgetter("due_m"))
    by_key.sort(key=attrgetter("ranking.placing_urgency"), reverse=True)
    by_key.sort(key=_quadrant_index)
    for i, j in enumerate(by_key):
        j.pos = i
    tiers: tuple[list[Job], list[Job], list[Job]] = ([], [], [])
    for j in by_key:
        tiers[_tier(j, j.late)].append(j)
    for i, j in enumerate(tiers[0] + tiers[1] + tiers[2]):
        j.pref = i


_QUADRANT_INDEX = {q: i for i, q in enumerate(QUADRANTS)}


def _quadrant_index(j: Job) -> int:
    return _QUADRANT_INDEX[j.ranking.quadrant]


def select_on_time(cands: list[Job], line: Line, late_before: frozenset[str] = frozenset()) -> None:
    """Mark the on-time set: most important tasks on time, then most tasks (Moore-Hodgson).
    `late_before`: the work the last plan had late; of two sets as good, the one that keeps
    it late is chosen (progress on the work can otherwise swap which of two is given up)."""
    order = sorted(cands, key=attrgetter("pref"))
    order.sort(key=attrgetter("due_m"))  # by deadline, then preference
    kept = _feasible(order, line, _moore_twice(order, line, frozenset()))
    if late_before:
        again = _feasible(order, line, _moore_twice(order, line, late_before))
        if _score(order, again) == _score(order, kept):
            kept = again
    for j in cands:
        j.ontime = j.pref in kept
        j.late = not j.ontime


def _moore_twice(order: list[Job], line: Line, first_out: frozenset[str]) -> set[int]:
    """Moore-Hodgson on the important jobs alone, then on all with those locked; each time
    the longest job goes first (of two as long the least preferred), and the ones in
    `first_out` before any other. Jobs are known by `pref`, unique after `rank_jobs`."""
    upto = line.upto

    def moore(jobs: list[Job], locked: set[int]) -> set[int]:
        kept: set[int] = set()
        heap: list[tuple[bool, int, int]] = []
        total = 0
        for j in jobs:
            p = j.pref
            kept.add(p)
            total += j.rem
            if p not in locked:
                heapq.heappush(heap, (j.id not in first_out, -j.rem, -p))
            cap = upto(j.due_m)
            while total > cap and heap:
                _, neg, not_p = heapq.heappop(heap)
                kept.discard(-not_p)
                total += neg
        return kept

    important = moore([j for j in order if j.ranking.important], set())
    return moore(order, important)


def _feasible(order: list[Job], line: Line, kept: set[int]) -> set[int]:
    """Moore's set less what Horn's test with release dates drops."""
    chosen = [j for j in order if j.pref in kept]
    if any(line.upto(j.release_m) > 0 for j in chosen):  # else Moore's set is feasible as it is
        kept -= _without_overflow(chosen, line)
    return kept


def _score(order: list[Job], kept: set[int]) -> tuple[int, int]:
    """How good an on-time set is: the important jobs it keeps, then all it keeps."""
    return (sum(1 for j in order if j.pref in kept and j.ranking.important), len(kept))


def _without_overflow(chosen: list[Job], line: Line) -> set[int]:
    """The jobs (by `pref`) to drop so that the rest meet their deadlines under Horn's rule: in
    each window that overflows, the longest unimportant job (of two as long the least preferred;
    an important one only when the window holds no other)."""
    dropped: set[int] = set()
    upto = line.upto
    # on the line: release, deadline, minutes, and the job
    keep = [(upto(j.release_m), upto(j.due_m), j.rem, j) for j in chosen]
    while True:
        window = _overflow(keep)
        if window is None:
            return dropped
        out = max(window, key=_drop_order)
        dropped.add(out.pref)
        keep = [k for k in keep if k[3] is not out]


def _drop_order(j: Job) -> tuple[bool, int, int]:
    return (not j.ranking.important, j.rem, j.pref)


def _overflow(keep: list[tuple[int, int, int, Job]]) -> list[Job] | None:
    """Horn's rule (preemptive earliest deadline first, with release dates) on the line: None
    when every job meets its deadline, else the jobs of the first window that overflows: those
    released in it and due by its end, which no schedule can all fit."""
    # by release, then preference (one plain key per sort: a tuple key per job sorts slower)
    keep = sorted(keep, key=lambda k: k[3].pref)
    keep.sort(key=itemgetter(0))
    left = [k[2] for k in keep]
    runs: list[tuple[int, int, int]] = []  # start, end and deadline of each piece run
    # what waits, by deadline and preference: the jobs released first (most of a year's work)
    # as one sorted queue, read from `head` on, and the ones released later in a heap
    t, n = (max(0, keep[0][0]), len(keep)) if keep else (0, 0)
    i = bisect_right(keep, t, key=itemgetter(0))
    first = sorted((keep[x][1], keep[x][3].pref, x) for x in range(i))
    head = 0
    heap: list[tuple[int, int, int]] = []
    while i < n or heap or head < len(first):
        if not heap and head == len(first):
            t = max(t, keep[i][0])
        while i < n and keep[i][0] <= t:
            heapq.heappush(heap, (keep[i][1], keep[i][3].pref, i))
            i += 1
        from_first = head < len(first) and (not heap or first[head] < heap[0])
        due, _, at = first[head] if from_first else heap[0]
        if t + left[at] > due:  # this job misses
            return _window(keep, runs, t, due)
        run = left[at] if i >= n else min(left[at], keep[i][0] - t)
        runs.append((t, t + run, due))
        left[at] -= run
        t += run
        if left[at] == 0:
            if from_first:
                head += 1
            else:
                heapq.heappop(heap)
    return None


def _window(
    keep: list[tuple[int, int, int, Job]], runs: list[tuple[int, int, int]], t: int, due: int
) -> list[Job]:
    """The jobs of the window that overflows at deadline `due`: from the start of the busy run
    that reaches `t`, those released in it and due by its end."""
    start = t
    for a, b, d in reversed(runs):
        if b != start or d > due:
            break
        start = a
    return [k[3] for k in keep if k[0] >= start and k[1] <= due]


__all__ = ["rank_jobs", "select_on_time"]
