"""The least possible number of late jobs for one person's queue: Moore-Hodgson's algorithm.

Time is the working-minute line: a job's deadline is the number of free working minutes between
the start of the plan and its due instant (`Job.capacity`), so holidays, breaks, meetings and
training sessions are already taken out. All jobs are available from the start, so splitting work
across days (preemption) gains nothing over doing each job in one piece, and Moore-Hodgson gives
the exact minimum of 1||ΣUj: in deadline order, add each job to the on-time set, and whenever the
set no longer fits before the current deadline, drop its longest job.

The line ignores what only makes a real plan harder (the smallest block, day boundaries), so no
planner can beat this count, and one that reaches it is optimal for the number of late tasks.
Run on the important jobs alone, it also bounds the number of late important jobs from below;
`important_first` gives the least number of late jobs among the plans that keep that many
important jobs on time (the order of concern the planner follows).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable


def moore_hodgson(
    jobs: Iterable[tuple[str, int, int]], locked: frozenset[str] = frozenset()
) -> list[str]:
    """The ids of a smallest set of jobs that must be late; jobs are (id, minutes, deadline).

    `locked` jobs are never chosen to be late (they must fit on their own): the result is then
    the smallest number of the other jobs that must be late while every locked job is on time.
    The exchange argument behind Moore-Hodgson holds for the unlocked jobs alone: at the first
    deadline that overflows, one unlocked job up to it must go, and the longest frees the most.
    """
    on_time: list[tuple[int, str]] = []  # max-heap of the unlocked by minutes, as (-minutes, id)
    late: list[str] = []
    total = 0
    for jid, minutes, deadline in sorted(jobs, key=lambda j: (j[2], j[0])):
        total += minutes
        if jid not in locked:
            heapq.heappush(on_time, (-minutes, jid))
        while total > deadline and on_time:
            neg, dropped = heapq.heappop(on_time)
            total += neg
            late.append(dropped)
        if total > deadline:
            raise ValueError("the locked jobs do not fit before their own deadlines")
    return late


def important_first(jobs: list[tuple[str, int, int]], important: set[str]) -> tuple[int, int]:
    """(late important, late in all) of the plan that first keeps the most important jobs on
    time and then the most jobs: the least possible for a planner that never lets an important
    task be late to save unimportant ones (Moore-Hodgson twice)."""
    imp = [j for j in jobs if j[0] in important]
    late_imp = set(moore_hodgson(imp))
    kept = frozenset(j[0] for j in imp if j[0] not in late_imp)
    rest = [j for j in jobs if j[0] not in late_imp]
    return len(late_imp), len(late_imp) + len(moore_hodgson(rest, kept))


def late_if_in_order(jobs: Iterable[tuple[str, int, int]]) -> list[str]:
    """Earliest-deadline-first without dropping anything: the cascade Moore-Hodgson avoids."""
    late = []
    total = 0
    for jid, minutes, deadline in sorted(jobs, key=lambda j: (j[2], j[0])):
        total += minutes
        if total > deadline:
            late.append(jid)
    return late
