"""The state of the sweep that places the work (placing.py runs it): it gives each moment to the
most preferred job (do before plan, important before not, urgency, deadline) *if* every on-time
deadline still has room for it (slack.py); otherwise to the earliest deadline (EDF), which is
the floor. With `planning.max_switches` or `planning.focus` set, focus.py's `FocusSweep`
caps the switches between tasks in a day and prefers important work in the morning, under the
same guard.

`make_plan` (schedule.py) turns tasks into `Job`s (jobs.py), the calendar into a `Line` (line.py)
and chooses the on-time set (ontime.py) before the sweep. docs/planning-choices.md explains each
choice.
"""

from __future__ import annotations

import heapq
from bisect import insort
from operator import attrgetter

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


class Ready:
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


class Sweep:
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
        self.ready = Ready(self.entries, PREF_TRIES)
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


__all__ = ["PREF_TRIES", "Ready", "Sweep"]
