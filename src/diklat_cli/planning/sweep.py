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
from bisect import bisect_right, insort
from collections.abc import Sequence
from datetime import datetime
from operator import attrgetter, sub

from ..workspace.models import Task
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
        self.tot = [min(self.vals[b * size : (b + 1) * size], default=INF) for b in range(self.nb)]

    def add_from(self, k: int, v: int) -> None:
        """Add v to entries k, k+1, ... n-1."""
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

    def take_each(self, a: int, amounts: list[int]) -> None:
        """Take amounts[i] >= 0 from entry a + i: a staircase of short steps in one pass a block."""
        size, vals, lazy, tot = self.size, self.vals, self.lazy, self.tot
        end = a + len(amounts)
        i = 0
        while a < end:
            b = a // size
            stop = min((b + 1) * size, end)
            vals[a:stop] = part = list(map(sub, vals[a:stop], amounts[i : i + stop - a]))
            low = min(part) + lazy[b]
            if low < tot[b]:
                tot[b] = low
            i += stop - a
            a = stop

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

    def min_at(self, lo: int, hi: int) -> tuple[int, int]:
        """Minimum of entries lo .. hi-1 (lo < hi) and the first index holding it."""
        size, vals, lazy, tot = self.size, self.vals, self.lazy, self.tot
        bl, bh = lo // size, (hi - 1) // size
        if bl == bh:
            part = vals[lo:hi]
            least = min(part)
            return least + lazy[bl], lo + part.index(least)
        head_end = (bl + 1) * size
        best = min(vals[lo:head_end]) + lazy[bl]
        b = bl
        if bh > bl + 1:
            mid = min(tot[bl + 1 : bh])
            if mid < best:
                best, b = mid, tot.index(mid, bl + 1, bh)
        tail = min(vals[bh * size : hi]) + lazy[bh]
        if tail < best:
            best, b = tail, bh
        start, end = max(lo, b * size), min(hi, (b + 1) * size)
        return best, vals.index(best - lazy[b], start, end)

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
        "pos",
        "pref",
        "rank_late",
        "rank_on",
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
        self.pos = 0  # place in the preference order of all jobs, before tiers (`rank_jobs`)
        self.pref = 0  # rank among all jobs' entries in the preference order, as it is now
        self.rank_on = 0  # ... as on-time work (`place`)
        self.rank_late = 0  # ... as late work (`place`)
        self.dl = 0


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
    by_key.sort(key=attrgetter("ranking.urgency"), reverse=True)
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


def select_on_time(cands: list[Job], line: Line) -> None:
    """Mark the on-time set: most important tasks on time, then most tasks (Moore-Hodgson)."""

    # jobs are known by `pref`, unique after `rank_jobs`; the longest goes first, and of two as
    # long the least preferred
    def moore(order: list[Job], locked: set[int]) -> set[int]:
        kept: set[int] = set()
        heap: list[tuple[int, int]] = []
        total = 0
        upto = line.upto
        for j in order:
            p = j.pref
            kept.add(p)
            total += j.rem
            if p not in locked:
                heapq.heappush(heap, (-j.rem, -p))
            cap = upto(j.due_m)
            while total > cap and heap:
                neg, not_p = heapq.heappop(heap)
                kept.discard(-not_p)
                total += neg
        return kept

    order = sorted(cands, key=attrgetter("pref"))
    order.sort(key=attrgetter("due_m"))  # by deadline, then preference
    important = moore([j for j in order if j.ranking.important], set())
    kept = moore(order, important)
    for j in cands:
        j.ontime = j.pref in kept
        j.late = not j.ontime


Entry = tuple[Job, bool]  # a job as on-time work (False) or as late work (True)


def _entry_due(e: Entry) -> int:
    return e[0].due_m


def place(jobs: list[Job], line: Line) -> list[Job]:
    """Sweep the free time once, giving each moment to the preferred job the deadlines allow.

    Returns the on-time jobs that missed their deadline anyway (release times, block sizes):
    they are demoted to late work the moment their deadline passes, so that they stop counting
    against the deadlines after theirs.
    """
    for j in jobs:
        j.rem = j.need
        j.blocks = []
    # Every job has two entries in each order: as it is now, and as late work if it gets demoted
    # (a job late from the start has only the second). The preference order is by tier, then by
    # `pos` (`rank_jobs`), then on-time before late; the EDF order by on-time before late, then
    # deadline, then the preference order.
    tiers: tuple[list[Entry], list[Entry], list[Entry]] = ([], [], [])
    for j in sorted(jobs, key=attrgetter("pos")):
        if j.ranking.quadrant == "drop":  # _tier(), inline
            on = as_late = 2
        else:
            on, as_late = 0, (0 if j.overdue else 1)
        if not j.late:
            tiers[on].append((j, False))
        tiers[as_late].append((j, True))
    pref_order = tiers[0] + tiers[1] + tiers[2]
    for i, (j, late) in enumerate(pref_order):
        if late:
            j.rank_late = i
        else:
            j.rank_on = i
    for j in jobs:
        j.pref = j.rank_late if j.late else j.rank_on
    # each part already in preference order: a stable sort by deadline keeps it for ties
    edf_order = sorted((e for e in pref_order if not e[1]), key=_entry_due)
    edf_order += sorted((e for e in pref_order if e[1]), key=_entry_due)
    edf_rank = [0] * len(pref_order)  # by preference rank
    for i, (j, late) in enumerate(edf_order):
        edf_rank[j.rank_late if late else j.rank_on] = i
    dl_jobs = [j for j, late in edf_order if not late and j.ontime]  # by deadline, then preference
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
    by_release = sorted(jobs, key=attrgetter("pref"))
    if by_release and any(j.release_m != by_release[0].release_m for j in by_release):
        by_release.sort(key=attrgetter("release_m"))  # by release, then preference
    n_rel = len(by_release)
    n_ranks = len(pref_order)
    pref_job = [j for j, _ in pref_order]
    # Every released job waits by its rank in the preference order: the PREF_TRIES lowest ranks
    # in `front` (ascending, the ones tried at each moment), the rest in `heap`, all above them.
    # Entries of finished or demoted jobs are dropped when they reach the front.
    front: list[int] = []
    heap: list[int] = []
    queued = bytearray(n_ranks)
    # A try that failed for want of room before an earlier deadline (at entry `cert_at`) fails
    # again while that deadline is open, its own work is as it was and no job was demoted
    # (`epoch`): only a demotion gives an entry room back.
    cert_epoch = [-1] * n_ranks
    cert_rem = [0] * n_ranks
    cert_at = [0] * n_ranks
    epoch = 0
    edf_heap: list[int] = []
    missed: list[Job] = []
    # Work on deadline index c not yet in the tree (each adds to the entries from c on). The tree
    # is brought up to date only when a choice needs the exact slack, which most do not.
    pending: list[tuple[int, int]] = []
    k_tries = PREF_TRIES

    def enqueue(r: int) -> None:
        if queued[r]:
            return
        queued[r] = 1
        if len(front) < k_tries:
            insort(front, r)
        elif front and r < front[-1]:
            insort(front, r)
            heapq.heappush(heap, front.pop())
        else:
            heapq.heappush(heap, r)

    def requery(lo: int, base: int) -> tuple[int, int, int]:
        """Bring the tree up to date; the least slack plus the line position, its index, base."""
        # placing v on index c adds v to the entries from c on; every query starts at `lo`, so
        # that is the same as adding all of it to all (one offset, `base`) and taking each v
        # back from the entries between `lo` and its c: a staircase, one range per step
        if pending:
            pending.sort()
            owed = 0
            for c, v in pending:
                base += v
                if c > lo:
                    owed += v
            at = first = lo
            steps: list[int] = []  # what each entry from `first` on owes, one by one
            for c, v in pending:
                if c > at:
                    if at == lo:
                        tree.take_range(lo, c, owed)  # the first step: often long
                    elif c - at > 64:
                        if steps:
                            tree.take_each(first, steps)
                            steps = []
                        tree.take_range(at, c, owed)
                    else:
                        if not steps:
                            first = at
                        steps += [owed] * (c - at)
                    at = c
                if c > lo:
                    owed -= v
            if steps:
                tree.take_each(first, steps)
            pending.clear()
        raw, at = tree.suffix(lo)
        return raw + base, at, base

    ri = lo = 0
    next_release = by_release[0].release_m if by_release else INF
    next_due = dl_jobs[0].due_m if n else INF
    base = 0
    # The least slack of the open deadlines, plus the line position w (work placed on a job
    # with a deadline index >= c raises the entries from c on; late work raises none): exact
    # while `exact`, and `floor` is never above it, so many choices need no query at all.
    exact = False
    least = floor = -INF
    arg = n
    # One open entry whose value is followed exactly (`wit`, the least's index at the last query,
    # until `lo` passes it): no other is below the least, so it bounds the slack from above.
    wit, wit_least = n, INF
    for si, (s, e) in enumerate(line.slots):
        t = s
        w = line.before[si]
        while t < e:
            if next_release <= t:
                first = ri
                while ri < n_rel and by_release[ri].release_m <= t:
                    ri += 1
                if not front and not heap and not edf_heap:
                    # the first release (often everything at once): sorted lists are heaps
                    ranks = sorted(j.pref for j in by_release[first:ri])
                    for r in ranks:
                        queued[r] = 1
                    front[:] = ranks[:k_tries]
                    heap[:] = ranks[k_tries:]
                    edf_heap[:] = sorted(edf_rank[r] for r in ranks)
                else:
                    for j in by_release[first:ri]:
                        enqueue(j.pref)
                        heapq.heappush(edf_heap, edf_rank[j.pref])
                next_release = by_release[ri].release_m if ri < n_rel else INF
            if next_due <= t:
                while lo < n and dl_jobs[lo].due_m <= t:
                    j = dl_jobs[lo]
                    # a passed deadline no longer constrains anything: every query starts at `lo`
                    if j.rem > 0:  # missed: late work from now on, not owed to later deadlines
                        pending.append((lo + 1, j.rem))
                        epoch += 1
                        if wit > lo:
                            wit_least += j.rem
                        j.ontime, j.late, j.dl = False, True, n
                        j.pref = j.rank_late
                        if j.release_m <= t:
                            enqueue(j.pref)
                            heapq.heappush(edf_heap, edf_rank[j.pref])
                        missed.append(j)
                    lo += 1
                next_due = dl_jobs[lo].due_m if lo < n else INF
                exact = False
                if wit < lo:
                    wit, wit_least = n, INF
            avail = e - t
            for r in front:
                j, late = pref_order[r]
                if j.rem <= 0 or late != j.late:
                    keep = []
                    for r in front:
                        j, late = pref_order[r]
                        if j.rem > 0 and late == j.late:
                            keep.append(r)
                        else:
                            queued[r] = 0
                    while len(keep) < k_tries and heap:
                        r = heapq.heappop(heap)
                        j, late = pref_order[r]
                        if j.rem > 0 and late == j.late:
                            keep.append(r)
                        else:
                            queued[r] = 0
                    front[:] = keep
                    break
            chosen: Job | None = None
            size = 0
            for r in front:
                j = pref_job[r]
                rem = j.rem
                if cert_epoch[r] == epoch and cert_rem[r] == rem and cert_at[r] >= lo:
                    continue
                mb = j.mb
                if avail < mb and avail < rem:
                    continue  # no block of it fits in what is left of the slot, whatever the room
                at = -1  # where `bound`, the exact room before the job's deadline, is
                if j.dl <= lo:
                    bound = INF  # no deadline before this job's still to protect
                elif floor - w >= avail or (floor - w >= rem and avail >= rem):
                    bound = INF  # room enough: the slot (or the job) is the limit
                elif wit < j.dl and wit_least - w < (mb if mb < rem else rem):
                    continue  # a deadline before this job's has no room for a block of it
                else:
                    if not exact:
                        least, arg, base = requery(lo, base)
                        floor, exact = least, True
                        wit, wit_least = arg, least
                    slack = least - w
                    if slack >= avail or slack >= rem or j.dl > arg:
                        # every deadline has room, or the tightest one is before this job's
                        bound = slack
                        if j.dl > arg:
                            at = arg
                    else:
                        if pending:
                            least, arg, base = requery(lo, base)
                            wit, wit_least = arg, least
                        bound, at = tree.min_at(lo, j.dl)
                        bound += base - w
                if (avail if avail < bound else bound) >= rem:
                    size = rem
                else:
                    # fragments matter only while there is room; near a deadline, minutes do
                    if floor - w < avail and not exact and wit_least - w >= avail:
                        least, arg, base = requery(lo, base)
                        floor, exact = least, True
                        wit, wit_least = arg, least
                    size = _fit(j, avail, bound, strict=floor - w >= avail)
                if size > 0:
                    chosen = j
                    break
                if at >= 0 and bound < (mb if mb < rem else rem):
                    cert_epoch[r] = epoch
                    cert_rem[r] = rem
                    cert_at[r] = at
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
                    rem = j.rem
                    on_time = j.dl < n
                    if on_time or lo >= n or floor - w >= avail:
                        bound = INF
                    else:
                        if not exact:
                            least, arg, base = requery(lo, base)
                            floor, exact = least, True
                            wit, wit_least = arg, least
                        bound = least - w
                    if (avail if avail < bound else bound) >= rem:
                        size = rem
                    else:
                        if floor - w < avail and not exact and wit_least - w >= avail:
                            least, arg, base = requery(lo, base)
                            floor, exact = least, True
                            wit, wit_least = arg, least
                        strict = floor - w >= avail
                        size = _fit(j, avail, bound, strict)
                        if size == 0 and on_time:  # a sliver beats idle time before a deadline
                            size = _fit(j, avail, INF, strict=False)
                            if size == 0 and not strict:  # even below min_block, when it is tight
                                size = min(avail, rem)
                    if size > 0:
                        chosen = j
            if chosen is None:
                break
            blocks = chosen.blocks
            if blocks and blocks[-1][1] == t:
                blocks[-1][1] = t + size
            else:
                blocks.append([t, t + size])
            chosen.rem -= size
            c = chosen.dl
            if c < n:
                # the entries from c on rise by `size`, the ones before stay: the least moves only
                # when c is at or before the first entry that holds it
                pending.append((c, size))
                if c <= lo:  # every open entry rises
                    least += size
                    floor += size
                elif c <= arg:
                    exact = False
                if c <= wit:
                    wit_least += size
            t += size
            w += size
    for j in dl_jobs[lo:]:  # deadlines after the last free minute
        if j.rem > 0:
            j.ontime, j.late = False, True
            missed.append(j)
    # a slot may run on past a deadline inside it: work placed there misses the deadline as well
    missed += [j for j in dl_jobs if j.ontime and j.blocks and j.blocks[-1][1] > j.due_m]
    return missed


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
    "place",
    "rank_jobs",
    "select_on_time",
    "split_slots",
]
