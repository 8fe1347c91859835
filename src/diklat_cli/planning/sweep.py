"""Where the work goes: one sweep through the free time gives each moment to the most preferred
job (do before plan, important before not, urgency, deadline) *if* every on-time deadline still
has room for it (slack.py); otherwise to the earliest deadline (EDF), which is the floor. With
`planning.max_switches` or `planning.focus` set (focus.py), `_FocusSweep` caps the switches
between tasks in a day and prefers important work in the morning, under the same guard.

`make_plan` (schedule.py) turns tasks into `Job`s (jobs.py), the calendar into a `Line` (line.py)
and chooses the on-time set (ontime.py) before the sweep. docs/planning-choices.md explains each
choice.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right, insort
from collections.abc import Callable, Sequence
from operator import attrgetter

from .focus import Focus
from .job import Job
from .line import Line
from .slack import INF, Slack

PREF_TRIES = 4  # preferred tasks tried at one moment before falling back to the earliest deadline


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


Entry = tuple[Job, bool]  # a job as on-time work (False) or as late work (True)


def _live(e: Entry) -> bool:
    """The entry still stands for work to place: the job has work left and is (still) on time
    or late as the entry says."""
    return e[0].rem > 0 and e[1] == e[0].late


class _Ready:
    """Released work waiting, by rank in the preference order: the `size` best ranks, sorted, in
    `front` (the ones tried at each moment), the rest in a heap, all above them. An entry that went
    stale (its job finished, or was demoted to late work) is dropped when it reaches the front."""

    def __init__(self, entries: list[Entry], size: int) -> None:
        self.entries = entries
        self.size = size
        self.front: list[int] = []
        self.heap: list[int] = []
        self.queued = bytearray(len(entries))

    def push(self, r: int) -> None:
        if self.queued[r]:
            return
        self.queued[r] = 1
        front = self.front
        if len(front) < self.size:
            insort(front, r)
        elif r < front[-1]:
            insort(front, r)
            heapq.heappush(self.heap, front.pop())
        else:
            heapq.heappush(self.heap, r)

    def push_all(self, ranks: list[int]) -> None:
        """Several at once; `ranks` ascending (the first release: often every job at once)."""
        if self.front or self.heap:
            for r in ranks:
                self.push(r)
            return
        for r in ranks:
            self.queued[r] = 1
        self.front, self.heap = ranks[: self.size], ranks[self.size :]  # a sorted list is a heap

    def best(self) -> list[int]:
        """The `size` best live ranks (fewer when fewer wait), best first."""
        entries = self.entries
        for r in self.front:
            j, late = entries[r]
            if j.rem <= 0 or late != j.late:
                break  # a stale entry: rebuild the front
        else:
            return self.front
        keep = []
        for r in self.front:
            if _live(entries[r]):
                keep.append(r)
            else:
                self.queued[r] = 0
        while len(keep) < self.size and self.heap:
            r = heapq.heappop(self.heap)
            if _live(entries[r]):
                keep.append(r)
            else:
                self.queued[r] = 0
        self.front = keep
        return keep


class _Earliest:
    """Released work by its place in the EDF order; stale entries are dropped on the way up."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.heap: list[int] = []

    def push(self, i: int) -> None:
        heapq.heappush(self.heap, i)

    def push_all(self, places: list[int]) -> None:
        """Several at once, ascending."""
        if self.heap:
            for i in places:
                heapq.heappush(self.heap, i)
        else:
            self.heap = places

    def top(self) -> Job | None:
        heap, entries = self.heap, self.entries
        while heap and not _live(entries[heap[0]]):
            heapq.heappop(heap)
        return entries[heap[0]][0] if heap else None


class _Orders:
    """Every job has two entries in each order: as it is now, and as late work if it gets demoted
    (a job late from the start has only the second). The preference order is by tier, then by
    `pos` (`rank_jobs`), then on-time before late; the EDF order by on-time before late, then
    deadline, then the preference order. Sets each job's `rank_on`, `rank_late`, `pref` and its
    deadline index `dl` (n for work with no deadline to meet)."""

    def __init__(self, jobs: list[Job]) -> None:
        tiers: tuple[list[Entry], list[Entry], list[Entry]] = ([], [], [])
        for j in sorted(jobs, key=attrgetter("pos")):
            on, as_late = (2, 2) if j.ranking.quadrant == "drop" else (0, 0 if j.overdue else 1)
            if not j.late:
                tiers[on].append((j, False))
            tiers[as_late].append((j, True))
        self.pref: list[Entry] = tiers[0] + tiers[1] + tiers[2]
        for i, (j, late) in enumerate(self.pref):
            if late:
                j.rank_late = i
            else:
                j.rank_on = i
        for j in jobs:
            j.pref = j.rank_late if j.late else j.rank_on
        # each part already in preference order: a stable sort by deadline keeps it for ties
        self.edf = sorted((e for e in self.pref if not e[1]), key=_entry_due)
        self.edf += sorted((e for e in self.pref if e[1]), key=_entry_due)
        self.edf_place = [0] * len(self.pref)  # by preference rank
        for i, (j, late) in enumerate(self.edf):
            self.edf_place[j.rank_late if late else j.rank_on] = i
        # the on-time jobs by deadline, then preference
        self.deadlines = [j for j, late in self.edf if not late and j.ontime]
        for k, j in enumerate(self.deadlines):
            j.dl = k
        for j in jobs:
            if not j.ontime:
                j.dl = len(self.deadlines)


def _entry_due(e: Entry) -> int:
    return e[0].due_m


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
    the same guard (and with `focus`, the switch cap and the morning preference: `_FocusSweep`).

    Returns the on-time jobs that missed their deadline anyway (release times, block sizes):
    they are demoted to late work the moment their deadline passes, so that they stop counting
    against the deadlines after theirs.
    """
    sweep = _Sweep(jobs, line) if focus is None else _FocusSweep(jobs, line, focus)
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
    sweep: _Sweep, line: Line, kept: _Kept, enter: Callable[[int], None] | None
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

    def __init__(self, kept: Sequence[Kept], sweep: _Sweep) -> None:
        self.kept, self.sweep, self.i = kept, sweep, 0
        self.held = [0] * len(kept)
        for x, (a, b, j) in enumerate(kept):
            if j.dl < sweep.n and b > j.due_m:
                continue
            hold = min(b - a, j.rem)
            j.rem -= hold
            self.held[x] = hold

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


class _Sweep:
    """The state of one sweep: what is released, which deadlines are open and their room, and
    what each job has placed."""

    def __init__(self, jobs: list[Job], line: Line) -> None:
        for j in jobs:
            j.rem = j.need
            j.blocks = []
        orders = _Orders(jobs)
        self.entries = orders.pref
        self.edf_place = orders.edf_place
        self.deadlines = orders.deadlines
        self.n = len(self.deadlines)
        demand = 0
        values = []
        for j in self.deadlines:
            demand += j.need
            values.append(line.upto(j.due_m) - demand)
        self.slack = Slack(values)
        self.ready = _Ready(self.entries, PREF_TRIES)
        self.earliest = _Earliest(orders.edf)
        by_release = sorted(jobs, key=attrgetter("pref"))
        if by_release and any(j.release_m != by_release[0].release_m for j in by_release):
            by_release.sort(key=attrgetter("release_m"))  # by release, then preference
        self.by_release = by_release
        self.released = 0
        self.missed: list[Job] = []
        # A try that failed for want of room before an earlier deadline (`short_at`) fails again
        # while that deadline is open, its own work is as it was and no room was given back
        # (`Slack.gen`): room only shrinks in between.
        n = len(self.entries)
        self.short_gen = [-1] * n
        self.short_rem = [0] * n
        self.short_at = [0] * n

    def enter(self, s: int) -> None:
        """A slot starts at minute s (only the focus sweep cares)."""

    def release(self, t: int) -> None:
        """Jobs that may start by t join the queues."""
        first = i = self.released
        by_release = self.by_release
        while i < len(by_release) and by_release[i].release_m <= t:
            i += 1
        if i == first:
            return
        self.released = i
        ranks = sorted(j.pref for j in by_release[first:i])
        self.ready.push_all(ranks)
        self.earliest.push_all(sorted(self.edf_place[r] for r in ranks))

    def expire(self, t: int) -> None:
        """Deadlines passed by t close; an on-time job with work left is late work from now on."""
        deadlines, slack = self.deadlines, self.slack
        while slack.lo < self.n and deadlines[slack.lo].due_m <= t:
            j = deadlines[slack.lo]
            slack.pass_deadline(j.rem)
            if j.rem > 0:
                j.ontime, j.late, j.dl = False, True, self.n
                j.pref = j.rank_late
                if j.release_m <= t:
                    self.ready.push(j.pref)
                    self.earliest.push(self.edf_place[j.pref])
                self.missed.append(j)

    def requeue(self, j: Job, t: int) -> None:
        """A job whose work came back (a kept block's minutes) waits in the queues again."""
        if j.release_m <= t:
            self.ready.push(j.pref)
            self.earliest.push(self.edf_place[j.pref])

    def choose(self, avail: int, w: int) -> tuple[Job, int] | None:
        """The job to place at this moment and how many minutes, or None to leave it free: the
        first of the preferred jobs the deadlines have room for, else the earliest deadline."""
        for r in self.ready.best():
            size = self._try(r, avail, w)
            if size > 0:
                return self.entries[r][0], size
        return self.deadline_first(avail, w)

    def _try(self, r: int, avail: int, w: int) -> int:
        j = self.entries[r][0]
        rem, mb = j.rem, j.mb
        if avail < mb and avail < rem:
            return 0  # no block of it fits in what is left of the slot, whatever the room
        slack = self.slack
        known = self.short_gen[r] == slack.gen and self.short_rem[r] == rem
        if known and self.short_at[r] >= slack.lo:
            return 0  # it failed for want of room at a deadline still open: it fails again
        least_block = mb if mb < rem else rem
        if slack.short_before(j.dl, w, least_block):
            return 0
        room, at = slack.room_before(j.dl, w, avail if avail < rem else rem)
        # a preferred job never cuts a short block: where a deadline is tight, the earliest
        # one goes (`deadline_first`), and only its own deadline may need a sliver
        size = rem if (avail if avail < room else room) >= rem else _fit(j, avail, room, True)
        if size == 0 and at >= 0 and room < least_block:
            self.short_gen[r], self.short_rem[r], self.short_at[r] = slack.gen, rem, at
        return size

    def keep(self, j: Job, t: int, avail: int, w: int) -> int:
        """Minutes of a kept block of `j` to place at t: as much of it as its work left, its
        deadline (on-time work ends by it) and the room of the earlier deadlines allow."""
        size = min(avail, j.rem)
        if j.dl < self.n:
            size = min(size, j.due_m - t)
        if size <= 0:
            return 0
        room, _ = self.slack.room_before(j.dl, w, size)
        # as much as the room allows: the rest of the block follows once the deadline short of
        # room has passed (what it owes may be placed already)
        return size if room >= size else max(room, 0)

    def deadline_first(self, avail: int, w: int) -> tuple[Job, int] | None:
        """The earliest deadline may always go (EDF is the floor); late work only within the
        room the deadlines leave."""
        j = self.earliest.top()
        if j is None:
            return None
        rem = j.rem
        on_time = j.dl < self.n
        room = INF
        if not on_time:
            room, _ = self.slack.room_before(j.dl, w, avail if avail < rem else rem)
        size = self._size(j, avail, room, w)
        if size == 0 and on_time and j.sliver_ok and not self.slack.at_least(w, avail):
            # a deadline is tight: a piece that leaves a sliver, or a sliver itself, beats idle
            # minutes before it (the block says a deadline needed it)
            size = _fit(j, avail, INF, strict=False) or min(avail, rem)
        return (j, size) if size > 0 else None

    def _size(self, j: Job, avail: int, room: int, w: int) -> int:
        if (avail if avail < room else room) >= j.rem:
            return j.rem
        # fragments matter only while there is room; near the job's own deadline, minutes do
        return _fit(j, avail, room, strict=not self._tight(j, w, avail))

    def _tight(self, j: Job, w: int, minutes: int) -> bool:
        """The job is on time and a deadline up to its own has less room than `minutes`."""
        if j.dl >= self.n or not j.sliver_ok or self.slack.at_least(w, minutes):
            return False  # (every deadline having that room is the cheap, common answer)
        return self.slack.room_before(j.dl + 1, w, minutes)[0] < minutes

    def put(self, j: Job, t: int, size: int) -> None:
        blocks = j.blocks
        if blocks and blocks[-1][1] == t:
            blocks[-1][1] = t + size
        else:
            blocks.append([t, t + size])
        j.rem -= size
        self.slack.take(j.dl, size)

    def finish(self) -> list[Job]:
        """The on-time jobs that missed their deadline."""
        for j in self.deadlines[self.slack.lo :]:  # deadlines after the last free minute
            if j.rem > 0:
                j.ontime, j.late = False, True
                self.missed.append(j)
        # a slot may run on past a deadline inside it: work placed there misses the deadline too
        return self.missed + [
            j for j in self.deadlines if j.ontime and j.blocks and j.blocks[-1][1] > j.due_m
        ]


class _Both:
    """The released work in two preference orders at once: the main one and the afternoon's
    (`pm_rank`: a main rank's place in it)."""

    def __init__(self, main: _Ready, other: _Ready, pm_rank: list[int]) -> None:
        self.main, self.other, self.pm_rank = main, other, pm_rank

    def push(self, r: int) -> None:
        self.main.push(r)
        self.other.push(self.pm_rank[r])

    def push_all(self, ranks: list[int]) -> None:
        self.main.push_all(ranks)
        self.other.push_all(sorted(self.pm_rank[r] for r in ranks))


class _FocusSweep(_Sweep):
    """The sweep with `planning.max_switches` and `planning.focus` (focus.py).

    The cap: once a working day has had its switches between tasks, only the task at hand goes
    on; when it cannot (finished, or no room), the time stays free as long as every deadline has
    room for the rest of the day to stay free, else the earliest deadline goes now (a switch a
    deadline needs: `Job.extra_switches`). Morning: before the lunch break the preference order is the usual
    one (important work first); after it the less important work comes first
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
        self.pm_ready = _Ready([entries[r] for r in order], PREF_TRIES)
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


__all__ = ["PREF_TRIES", "place", "place_focused"]
