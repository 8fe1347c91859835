"""The placement core: which tasks stay on time, and where their work goes on the line of free time.

The free working time of the horizon is one line of minutes (epoch minutes, so a block is two
integers until the plan is built). `make_plan` (schedule.py) turns tasks into `Job`s and the
calendar into a `Line`; here:

1. `select_on_time`: Moore-Hodgson, run twice (important tasks first, then the rest with the
   important set locked), keeps the most tasks on time and never trades an important task for
   unimportant ones; what it drops is late, and is placed after the on-time work.
2. `place`: a sweep through the free time gives each moment to the most preferred task (do before
   plan, important before not, urgency, deadline) *if* every on-time deadline still fits in the
   time left before it (a small index of "free time before each deadline minus work due by it");
   otherwise to the earliest deadline (EDF), which is the floor.

docs/planning-choices.md explains each choice.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Sequence
from datetime import datetime
from operator import itemgetter

from .models import Task
from .prioritise import QUADRANTS, Ranking

INF = 1 << 60
PREF_TRIES = 4  # preferred tasks tried at one moment before falling back to the earliest deadline
POMODORO_WORK, POMODORO_REST = 25, 5


class _SuffixMin:
    """Range minimum under suffix additions, in blocks of ~sqrt(n) (fast in pure Python).

    Placing work on the k-th deadline adds to every entry from k on (or, the same to a query that
    starts before k, takes it from the entries before k). `tot[b]` is block b's minimum; entries
    hold their value less the additions that covered their whole block (`lazy[b]`), so an addition
    touches one partial block and two short lists, all in C-level slices. Queries start at the
    earliest open deadline and never go back, so entries and blocks before it may go stale.
    """

    def __init__(self, values: Sequence[int]) -> None:
        n = len(values)
        size = 16
        while size * size < n:
            size *= 2
        self.size = size
        self.vals = list(values)
        self.nb = max(1, -(-n // size))
        self.lazy = [0] * self.nb
        self.version = 0  # bumped by every addition, so callers may cache a minimum
        self.tot = [min(self.vals[b * size : (b + 1) * size], default=INF) for b in range(self.nb)]

    def add_from(self, k: int, v: int) -> None:
        """Add v to entries k, k+1, ... n-1."""
        self.version += 1
        size, vals = self.size, self.vals
        if k >= len(vals):
            return
        b = k // size
        end = min((b + 1) * size, len(vals))
        vals[k:end] = [x + v for x in vals[k:end]]
        self.tot[b] = min(vals[b * size : end]) + self.lazy[b]
        if b + 1 < self.nb:
            self.lazy[b + 1 :] = [x + v for x in self.lazy[b + 1 :]]
            self.tot[b + 1 :] = [x + v for x in self.tot[b + 1 :]]

    def take_range(self, a: int, b: int, v: int) -> None:
        """Take v >= 0 from entries a .. b-1 (a short range: the open deadlines before one job's).

        Values only go down, so a block's minimum is the lower of the old one and the new values.
        """
        if a >= b:
            return
        self.version += 1
        size, vals, lazy, tot = self.size, self.vals, self.lazy, self.tot
        ba, bb = a // size, (b - 1) // size
        end = min((ba + 1) * size, b)
        vals[a:end] = part = [x - v for x in vals[a:end]]
        tot[ba] = min(tot[ba], min(part) + lazy[ba])
        if bb > ba:
            if bb > ba + 1:
                lazy[ba + 1 : bb] = [x - v for x in lazy[ba + 1 : bb]]
                tot[ba + 1 : bb] = [x - v for x in tot[ba + 1 : bb]]
            vals[bb * size : b] = part = [x - v for x in vals[bb * size : b]]
            tot[bb] = min(tot[bb], min(part) + lazy[bb])

    def suffix(self, lo: int) -> tuple[int, int]:
        """Minimum of entries lo .. n-1 and the first index holding it ((INF, n) when empty)."""
        vals, n = self.vals, len(self.vals)
        if lo >= n:
            return INF, n
        size, lazy, tot = self.size, self.lazy, self.tot
        bl = lo // size
        end = min((bl + 1) * size, n)
        head = min(vals[lo:end]) + lazy[bl]
        if bl + 1 < self.nb:
            rest = min(tot[bl + 1 :])
            if rest < head:
                b = tot.index(rest, bl + 1)
                return rest, vals.index(rest - lazy[b], b * size, min((b + 1) * size, n))
        return head, vals.index(head - lazy[bl], lo, end)

    def min(self, lo: int, hi: int) -> int:
        """Minimum of entries lo .. hi-1 (INF when empty)."""
        if lo >= hi:
            return INF
        size, vals = self.size, self.vals
        bl, bh = lo // size, (hi - 1) // size
        if bl == bh:
            return min(vals[lo:hi]) + self.lazy[bl]
        best = min(
            min(vals[lo : (bl + 1) * size]) + self.lazy[bl],
            min(vals[bh * size : hi]) + self.lazy[bh],
        )
        if bh > bl + 1:
            best = min(best, min(self.tot[bl + 1 : bh]))
        return best


class Job:
    """One task or occurrence while it is being placed (mutable, slotted: the hot path)."""

    __slots__ = (
        "beyond",
        "blocks",
        "dl",
        "due",
        "due_m",
        "id",
        "late",
        "mb",
        "need",
        "ontime",
        "overdue",
        "pref",
        "ranking",
        "release",
        "release_m",
        "rem",
        "task",
        "title",
        "too_big",
    )

    def __init__(
        self,
        ref: str,
        task: Task,
        due: datetime | None,
        due_m: int,
        release: datetime | None,
        release_m: int,
        need: int,
        ranking: Ranking,
        min_block: int,
    ) -> None:
        self.id = ref
        self.task = task
        self.title = task.title
        self.due = due
        self.due_m = due_m
        self.release = release
        self.release_m = release_m
        self.need = need
        self.ranking = ranking
        self.mb = min_block
        self.ontime = (
            False  # chosen to meet its deadline (only jobs with a deadline in the horizon)
        )
        self.late = False  # cannot meet its deadline: placed after the on-time work
        self.beyond = False  # due after the horizon, or no due at all: no deadline to meet here
        self.overdue = False  # its deadline has passed already
        self.too_big = False  # more work than the free time between its start and its deadline
        self.rem = need
        self.blocks: list[list[int]] = []
        self.pref = 0
        self.dl = 0


def pref_key(j: Job, late: bool) -> tuple[int, int, float, int, str]:
    q = j.ranking.quadrant
    # work already overdue competes by its urgency (within the slack the deadlines leave: the
    # sweep's guard); work the plan had to give up goes after the work that stays on time
    tier = 2 if q == "drop" else (1 if late and not j.overdue else 0)
    return (tier, _QUADRANT_INDEX[q], -j.ranking.urgency, j.due_m, j.id)


_QUADRANT_INDEX = {q: i for i, q in enumerate(QUADRANTS)}


def _fit(j: Job, avail: int, bound: int, strict: bool) -> int:
    """Minutes of `j` to place in `avail` minutes (at most `bound`), keeping blocks >= min_block."""
    # comparisons rather than min(): this runs for every try of the sweep
    cap = avail if avail < bound else bound
    rem, mb = j.rem, j.mb
    if cap < mb and cap < rem:
        return 0
    size = rem if rem < cap else cap
    left = rem - size
    if 0 < left < mb:  # would leave an orphan sliver: leave a whole block for later instead
        shorter = rem - mb
        if shorter >= mb:
            return shorter
        return 0 if strict else size
    return size


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

    def upto(self, m: int) -> int:
        """Free minutes before minute `m`."""
        k = bisect_right(self.starts, m) - 1
        if k < 0:
            return 0
        s, e = self.slots[k]
        return self.before[k] + (m - s if m < e else e - s)  # m >= s: bisect found its slot


def select_on_time(cands: list[Job], line: Line) -> None:
    """Mark the on-time set: most important tasks on time, then most tasks (Moore-Hodgson)."""

    def moore(order: list[Job], locked: set[str]) -> set[str]:
        kept: set[str] = set()
        heap: list[tuple[int, int, str]] = []
        total = 0
        for j in order:
            kept.add(j.id)
            total += j.rem
            if j.id not in locked:
                heapq.heappush(heap, (-j.rem, -j.pref, j.id))
            cap = line.upto(j.due_m)
            while total > cap and heap:
                neg, _, jid = heapq.heappop(heap)
                kept.discard(jid)
                total += neg
        return kept

    order = sorted(cands, key=lambda j: (j.due_m, j.pref))
    important = moore([j for j in order if j.ranking.important], set())
    kept = moore(order, important)
    for j in cands:
        j.ontime = j.id in kept
        j.late = not j.ontime


def place(jobs: list[Job], line: Line) -> list[Job]:
    """Sweep the free time once, giving each moment to the preferred job the deadlines allow.

    Returns the on-time jobs that missed their deadline anyway (release times, block sizes):
    they are demoted to late work the moment their deadline passes, so that they stop counting
    against the deadlines after theirs.
    """
    for j in jobs:
        j.rem = j.need
        j.blocks = []
    # every job has two places in each order: as it is now, and as late work if it gets demoted
    keyed = []
    for j in jobs:
        for late in (True,) if j.late else (False, True):
            key = pref_key(j, late)
            keyed.append(((*key, late), (late, j.due_m, key), (j, late)))
    keyed.sort(key=itemgetter(0))
    pref_order = [v for _, _, v in keyed]
    pref_rank = {(v[0].id, v[1]): i for i, v in enumerate(pref_order)}
    keyed.sort(key=itemgetter(1))
    edf_order = [v for _, _, v in keyed]
    edf_rank = {(v[0].id, v[1]): i for i, v in enumerate(edf_order)}
    for j in jobs:
        j.pref = pref_rank[(j.id, j.late)]
    dl_jobs = sorted((j for j in jobs if j.ontime), key=lambda j: (j.due_m, j.pref))
    n = len(dl_jobs)
    values = []
    demand = 0
    for k, j in enumerate(dl_jobs):
        j.dl = k
        demand += j.need
        values.append(line.upto(j.due_m) - demand)
    for j in jobs:
        if not j.ontime:
            j.dl = n
    tree = _SuffixMin(values)
    by_release = sorted(jobs, key=lambda j: (j.release_m, j.pref))
    pref_heap: list[int] = []
    queued = bytearray(len(pref_order))  # in pref_heap already: never twice
    edf_heap: list[int] = []
    missed: list[Job] = []

    def enqueue(r: int) -> None:
        if not queued[r]:
            queued[r] = 1
            heapq.heappush(pref_heap, r)

    ri = lo = 0
    seen = (-1, -1)
    least_raw, arg = INF, n
    # placing work on a job adds to the entries from its own on; every query starts at `lo`, so
    # that is the same as adding to all (one offset, `base`) and taking it back from the few
    # entries between `lo` and the job: the job is usually near the earliest open deadline
    base = 0
    for si, (s, e) in enumerate(line.slots):
        t = s
        w = line.before[si]
        while t < e:
            while ri < len(by_release) and by_release[ri].release_m <= t:
                j = by_release[ri]
                enqueue(j.pref)
                heapq.heappush(edf_heap, edf_rank[(j.id, j.late)])
                ri += 1
            while lo < n and dl_jobs[lo].due_m <= t:
                j = dl_jobs[lo]
                # a passed deadline no longer constrains anything: every query starts at `lo`
                if j.rem > 0:  # missed: late work from now on, no longer owed to later deadlines
                    tree.add_from(lo + 1, j.rem)
                    j.ontime, j.late, j.dl = False, True, n
                    j.pref = pref_rank[(j.id, True)]
                    if j.release_m <= t:
                        enqueue(j.pref)
                        heapq.heappush(edf_heap, edf_rank[(j.id, True)])
                    missed.append(j)
                lo += 1
            avail = e - t
            if seen != (tree.version, lo):
                seen = (tree.version, lo)
                least_raw, arg = tree.suffix(lo)
            slack = least_raw + base - w
            tried: list[int] = []
            chosen: Job | None = None
            size = 0
            while pref_heap and len(tried) < PREF_TRIES:
                r = heapq.heappop(pref_heap)
                queued[r] = 0
                j, late = pref_order[r]
                if j.rem <= 0 or late != j.late:
                    continue
                tried.append(r)
                if j.dl <= lo:
                    bound = INF  # no deadline before this job's still to protect
                elif slack >= avail or slack >= j.rem or j.dl > arg:
                    # every deadline has room, or the tightest one is before this job's already
                    bound = slack
                else:
                    bound = tree.min(lo, j.dl) + base - w
                # fragments matter only while there is room; near a deadline, minutes do
                size = _fit(j, avail, bound, strict=slack >= avail)
                if size > 0:
                    chosen = j
                    break
            if chosen is None:
                while edf_heap:
                    j, late = edf_order[edf_heap[0]]
                    if j.rem > 0 and late == j.late:
                        break
                    heapq.heappop(edf_heap)
                if edf_heap:
                    # the earliest deadline may always go (EDF is the floor); other work only
                    # within the slack the deadlines leave
                    j = edf_order[edf_heap[0]][0]
                    on_time = j.dl < n
                    bound = INF if on_time or lo >= n else slack
                    size = _fit(j, avail, bound, strict=slack >= avail)
                    if size == 0 and on_time:  # a sliver beats idle time before a deadline
                        size = _fit(j, avail, INF, strict=False)
                        if size == 0 and slack < avail:  # even below min_block, when it is tight
                            size = min(avail, j.rem)
                    if size > 0:
                        chosen = j
            for r in tried:
                j = pref_order[r][0]
                if j.rem > 0 and j is not chosen:
                    enqueue(r)
            if chosen is None:
                break
            if chosen.blocks and chosen.blocks[-1][1] == t:
                chosen.blocks[-1][1] = t + size
            else:
                chosen.blocks.append([t, t + size])
            chosen.rem -= size
            if chosen.rem > 0:
                enqueue(chosen.pref)
            if chosen.dl < n:
                if chosen.dl - lo <= n - chosen.dl:
                    base += size
                    tree.take_range(lo, chosen.dl, size)
                else:
                    tree.add_from(chosen.dl, size)
            t += size
            w += size
    for j in dl_jobs[lo:]:  # deadlines after the last free minute
        if j.rem > 0:
            j.ontime, j.late = False, True
            missed.append(j)
    # a slot may run on past a deadline inside it: work placed there misses the deadline as well
    missed += [j for j in dl_jobs if j.ontime and j.blocks and j.blocks[-1][1] > j.due_m]
    return missed


def misses(j: Job) -> bool:
    if j.due is None or j.need == 0:
        return False
    return j.rem > 0 or (bool(j.blocks) and j.blocks[-1][1] > j.due_m)


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


__all__ = [
    "INF",
    "POMODORO_REST",
    "POMODORO_WORK",
    "Job",
    "Line",
    "cut_at",
    "misses",
    "place",
    "pref_key",
    "select_on_time",
    "split_slots",
]
