"""The free working time of the horizon as one line of minutes, and how it is cut into slots.

Minutes are epoch minutes, so a block is two integers until the plan is built.
"""

from __future__ import annotations

from bisect import bisect_right

POMODORO_WORK, POMODORO_REST = 25, 5


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


__all__ = ["POMODORO_REST", "POMODORO_WORK", "Line", "cut_at", "split_slots"]
