"""The room the on-time work leaves before each deadline, as the sweep moves along the line.

The jobs chosen to meet their deadline are numbered by deadline, 0 .. n-1. The *room* of deadline
k at line position w (free minutes from the start of the plan) is the free time left before it
less the on-time work due by it that is still to place:

    room(k) = free minutes before deadline k - w - work still owed to deadlines 0 .. k

Placing m minutes of the job of deadline c moves w on by m and pays m of what is owed to the
deadlines from c on: their room stays, the room of the deadlines before c shrinks by m. Late
work (c = n) shrinks every room. A deadline that passes with work still owed gives that work
back to the deadlines after it (it is late work from then on).

`Slack` answers the two questions the sweep asks at each moment, "how much room is there before
this job's deadline" and "has every deadline at least this much room", behind a small interface.
Inside, an index answers range minima (`_SuffixMin`), and three cheap facts spare most queries:
a lower bound of the least room that placements keep true (`floor`), whether it is exact, and
one deadline whose room is followed exactly (the witness: an upper bound of the least room).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import sub

INF = 1 << 60


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


class Slack:
    """The room before each open deadline; see the module's docstring.

    `values[k]` is the free time before deadline k less all the work due by it, at w = 0.
    """

    def __init__(self, values: Sequence[int]) -> None:
        self.n = len(values)
        self.lo = 0  # the first open deadline
        self.gen = 0  # counts the times room was given back (room only shrinks in between)
        self._tree = _SuffixMin(values)
        # work placed since the index was last brought up to date: (deadline index, minutes)
        self._pending: list[tuple[int, int]] = []
        self._base = 0  # what every open entry of the index owes, added back on reading
        self._floor = -INF  # never above the least value (room + w) of the open deadlines
        self._exact = False  # ... and equal to it
        self._arg = self.n  # the first deadline holding the least value, when exact
        self._wit, self._wit_value = self.n, INF  # one open deadline and its exact value

    # --- the line moves on --------------------------------------------------------------------

    def take(self, c: int, minutes: int) -> None:
        """`minutes` placed on the job of deadline c (n: late work)."""
        if c >= self.n:
            return  # w moves on: every room shrinks, no value changes
        self._pending.append((c, minutes))
        if c <= self.lo:  # every open value rises
            self._floor += minutes
        elif c <= self._arg:
            self._exact = False
        if c <= self._wit:
            self._wit_value += minutes

    def pass_deadline(self, missed: int) -> None:
        """The first open deadline has passed with `missed` minutes of its work not placed: they
        no longer count against the deadlines after it."""
        k = self.lo
        self.lo = k + 1
        self._exact = False
        if missed > 0:
            self._pending.append((k + 1, missed))
            self.gen += 1
            if self._wit > k:
                self._wit_value += missed
        if self._wit < self.lo:
            self._wit, self._wit_value = self.n, INF

    # --- questions ----------------------------------------------------------------------------

    def at_least(self, w: int, minutes: int) -> bool:
        """Has every open deadline at least `minutes` of room?"""
        if self._floor - w >= minutes:
            return True
        if not self._exact and self._wit_value - w >= minutes:
            self._query()
        return self._floor - w >= minutes

    def short_before(self, c: int, w: int, minutes: int) -> bool:
        """True if a deadline before c is known, without a query, to have less room than
        `minutes` (False says nothing)."""
        return self._wit < c and self._wit_value - w < minutes

    def room_before(self, c: int, w: int, enough: int) -> tuple[int, int]:
        """The least room of the open deadlines before deadline c, and the first deadline that
        has it; (INF, -1) when there is none or the room is at least `enough`."""
        if c <= self.lo or self._floor - w >= enough:
            return INF, -1
        if not self._exact:
            self._query()
        least = self._floor - w
        if least >= enough:
            return INF, -1
        if c > self._arg:
            return least, self._arg
        self._flush()
        value, at = self._tree.min_at(self.lo, c)
        return value + self._base - w, at

    # --- the index ----------------------------------------------------------------------------

    def _query(self) -> None:
        self._flush()
        raw, at = self._tree.suffix(self.lo)
        self._floor, self._exact, self._arg = raw + self._base, True, at
        self._wit, self._wit_value = at, raw + self._base

    def _flush(self) -> None:
        """Bring the index up to date with the pending work."""
        # placing v on deadline c adds v to the entries from c on; every query starts at `lo`, so
        # that is the same as adding all of it to all (one offset, `_base`) and taking each v
        # back from the entries between `lo` and its c: a staircase, one range per step
        pending, tree, lo = self._pending, self._tree, self.lo
        if not pending:
            return
        pending.sort()
        owed = 0
        for c, v in pending:
            self._base += v
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


__all__ = ["INF", "Slack"]
