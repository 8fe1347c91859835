"""The least possible number of late jobs for one person's queue: Moore-Hodgson's algorithm.

Time is the working-minute line: a job's deadline is the number of free working minutes between
the start of the plan and its due instant (`Job.capacity`), so holidays, breaks, meetings and
training sessions are already taken out. All jobs are available from the start, so splitting work
across days (preemption) gains nothing over doing each job in one piece, and Moore-Hodgson gives
the exact minimum of 1||ΣUj: in deadline order, add each job to the on-time set, and whenever the
set no longer fits before the current deadline, drop its longest job.

The line ignores what only makes a real plan harder (the smallest block, day boundaries), so no
planner can beat this count, and one that reaches it is optimal for the number of late tasks.
Run on the important jobs alone, it also bounds the number of late important jobs from below.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable


def moore_hodgson(jobs: Iterable[tuple[str, int, int]]) -> list[str]:
    """The ids of a smallest set of jobs that must be late; jobs are (id, minutes, deadline)."""
    on_time: list[tuple[int, str]] = []  # max-heap by minutes, as (-minutes, id)
    late: list[str] = []
    total = 0
    for jid, minutes, deadline in sorted(jobs, key=lambda j: (j[2], j[0])):
        heapq.heappush(on_time, (-minutes, jid))
        total += minutes
        if total > deadline:
            neg, dropped = heapq.heappop(on_time)
            total += neg
            late.append(dropped)
    return late


def late_if_in_order(jobs: Iterable[tuple[str, int, int]]) -> list[str]:
    """Earliest-deadline-first without dropping anything: the cascade Moore-Hodgson avoids."""
    late = []
    total = 0
    for jid, minutes, deadline in sorted(jobs, key=lambda j: (j[2], j[0])):
        total += minutes
        if total > deadline:
            late.append(jid)
    return late
