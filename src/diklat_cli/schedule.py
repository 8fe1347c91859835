"""make_plan(workspace, today, ...) -> Plan: the pure planning core.

The free working time of the horizon becomes one line of minutes (epoch minutes, so a block is two
integers until the plan is built). On that line:

1. Which tasks stay on time. Moore-Hodgson, run twice (important tasks first, then the rest with
   the important set locked), keeps the most tasks on time and never trades an important task for
   unimportant ones; what it drops is late, and is placed after the on-time work.
2. Where the work goes. A sweep through the free time gives each moment to the most preferred
   task (do before plan, important before not, urgency, deadline) *if* every on-time deadline
   still fits in the time left before it (a small index of "free time before each deadline
   minus work due by it"); otherwise to the earliest deadline (EDF), which is the floor.
3. Self-study goes into the study windows, week by week, under the daily and weekly caps.

docs/planning-choices.md explains each choice.
"""

from __future__ import annotations

import gc
import heapq
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from operator import itemgetter
from zoneinfo import ZoneInfo

from .calendar import BusyEvent, Calendar, subtract
from .holidays_id import HolidayData
from .i18n import Catalog, Lang, format_date, format_duration
from .models import Colleague, Task, Workspace
from .plan import Block, DayPlan, Plan, TaskStatus, Unscheduled
from .prioritise import QUADRANTS, Ranking, rank
from .state import Progress
from .values import expand_rrule

INF = 1 << 60
PREF_TRIES = 4  # preferred tasks tried at one moment before falling back to the earliest deadline
POMODORO_WORK, POMODORO_REST = 25, 5
STUDY_BLOCK_CAP = 30  # study windows are short (12.10-12.40): a longer min_block would waste them

M = Catalog(
    {
        "break": {"id": "Istirahat", "en": "Break"},
        "pomodoro": {"id": "Jeda pomodoro", "en": "Pomodoro break"},
        "study": {"id": "Belajar mandiri: {title}", "en": "Self-study: {title}"},
        "offline": {"id": "luring", "en": "offline"},
        "online": {"id": "daring", "en": "online"},
        "holiday": {"id": "{name}", "en": "Public holiday: {name}"},
        "cuti": {"id": "Cuti bersama: {name}", "en": "Joint leave (cuti bersama): {name}"},
        "local": {"id": "{name}", "en": "Day off: {name}"},
        "away": {"id": "Pelatihan luring: {title}", "en": "Offline training: {title}"},
        "weekend": {"id": "Akhir pekan", "en": "Weekend"},
        "off": {"id": "Bukan hari kerja", "en": "Not a working day"},
        "ramadan": {"id": "Ramadan", "en": "Ramadan"},
        "due": {"id": "tenggat {date}", "en": "due {date}"},
        "late": {"id": "terlambat: tenggat {date}", "en": "late: due {date}"},
        "overdue": {"id": "lewat tenggat {date}", "en": "overdue since {date}"},
        "given_up": {
            "id": "Tidak muat sebelum tenggat {due} tanpa membuat tugas lain terlambat, dan waktu "
            "kerja luang sesudahnya sampai {last} sudah penuh",
            "en": "It does not fit before its deadline ({due}) without making other tasks late, "
            "and the free working time after it up to {last} is full",
        },
        "too_big": {
            "id": "Waktu kerja luang sebelum tenggat {due} tidak cukup untuk seluruhnya, dan "
            "sesudahnya sampai {last} sudah penuh",
            "en": "The free working time before its deadline ({due}) cannot hold all of it, and "
            "the time after it up to {last} is full",
        },
        "overdue_full": {
            "id": "Sudah lewat tenggat {due}, dan waktu kerja luang sampai {last} sudah penuh",
            "en": "Overdue since {due}, and the free working time up to {last} is full",
        },
        "full": {
            "id": "Waktu kerja luang sampai {last} tidak cukup untuk menyelesaikannya",
            "en": "Not enough free working time up to {last} to finish it",
        },
        "after": {
            "id": "Baru bisa dikerjakan mulai {date}, sesudah akhir rencana ({last})",
            "en": "It can only start on {date}, after the plan ends ({last})",
        },
        "study_short": {
            "id": "Jendela belajar minggu {week} tidak cukup (batas {per_day} sehari, {per_week} seminggu)",
            "en": "The study windows of the week of {week} are not enough (caps {per_day} a day, {per_week} a week)",
        },
        "colleague": {
            "id": "Serahkan ke {name} (keahlian {skill}, kapasitas {cap} seminggu): delegate_to = "
            '"{id}"',
            "en": 'Hand it to {name} (skill {skill}, capacity {cap} a week): delegate_to = "{id}"',
        },
        "move_due": {
            "id": "Minta atasan memundurkan tenggat {due}, atau kurangi lingkupnya",
            "en": "Ask your supervisor to move the deadline ({due}), or cut its scope",
        },
        "horizon": {
            "id": "Kurangi perkiraannya, atau perpanjang planning.horizon_days",
            "en": "Reduce its estimate, or lengthen planning.horizon_days",
        },
        "study_fix": {
            "id": "Tambahkan study.weekend_windows atau jendela belajar lain, atau naikkan "
            "study.max_per_day / max_per_week",
            "en": "Add study.weekend_windows or other study windows, or raise "
            "study.max_per_day / max_per_week",
        },
        "estimated": {
            "id": "{name} ({date}) masih tanggal perkiraan; pastikan dengan keputusan resmi",
            "en": "{name} ({date}) is an estimated date; check the official decree",
        },
    }
)


@lru_cache(maxsize=1024)
def _day_text(d: date, lang: Lang, style: str = "short") -> str:
    # babel is slow per call and thousands of blocks share a few hundred due dates
    return format_date(d, lang, style)  # type: ignore[arg-type]


def _minute(dt: datetime) -> int:
    return int(dt.timestamp()) // 60


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


class _Job:
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


def _pref_key(j: _Job, late: bool) -> tuple[int, int, float, int, str]:
    q = j.ranking.quadrant
    # work already overdue competes by its urgency (within the slack the deadlines leave: the
    # sweep's guard); work the plan had to give up goes after the work that stays on time
    tier = 2 if q == "drop" else (1 if late and not j.overdue else 0)
    return (tier, _QUADRANT_INDEX[q], -j.ranking.urgency, j.due_m, j.id)


_QUADRANT_INDEX = {q: i for i, q in enumerate(QUADRANTS)}


def _fit(j: _Job, avail: int, bound: int, strict: bool) -> int:
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


class _Line:
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


def _select(cands: list[_Job], line: _Line) -> None:
    """Mark the on-time set: most important tasks on time, then most tasks (Moore-Hodgson)."""

    def moore(order: list[_Job], locked: set[str]) -> set[str]:
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


def _place(jobs: list[_Job], line: _Line) -> list[_Job]:
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
            key = _pref_key(j, late)
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
    missed: list[_Job] = []

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
            chosen: _Job | None = None
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


def _misses(j: _Job) -> bool:
    if j.due is None or j.need == 0:
        return False
    return j.rem > 0 or (bool(j.blocks) and j.blocks[-1][1] > j.due_m)


def _split_slots(
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


def _cut_at(slots: list[tuple[int, int]], points: list[int]) -> list[tuple[int, int]]:
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


@dataclass
class _Ctx:
    """What the placement passes of one `make_plan` call share."""

    ws: Workspace
    cal: Calendar
    today: date
    last: date
    lang: Lang
    tz: ZoneInfo

    fixed_offset: bool = False  # the zone keeps one UTC offset over the horizon (Indonesia)
    origin_m: int = 0
    origin: datetime | None = None

    def dt(self, m: int) -> datetime:
        if self.fixed_offset and self.origin is not None:
            return self.origin + timedelta(minutes=m - self.origin_m)
        return datetime.fromtimestamp(m * 60, self.tz)

    def d(self, day: date, style: str = "medium") -> str:
        return _day_text(day, self.lang, style)


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _colleague_for(
    cx: _Ctx,
    task: Task,
    minutes: int,
    until: date,
    load: dict[tuple[str, date], int],
) -> Colleague | None:
    """A colleague with a skill the task is tagged with, spare capacity that week, not away."""
    week = _monday(min(max(until, cx.today), cx.last))
    tags = set(task.tags)
    best: tuple[int, int, str] | None = None
    found: Colleague | None = None
    for c in cx.ws.colleagues:
        if c.capacity is None or not tags & set(c.skills):
            continue
        spare = c.capacity - load.get((c.id, week), 0)
        if spare < minutes:
            continue
        if any(a.start <= until and a.end >= cx.today for a in c.away):
            continue
        key = (-len(tags & set(c.skills)), -spare, c.id)
        if best is None or key < best:
            best, found = key, c
    return found


def _study(cx: _Ctx) -> tuple[list[Block], list[Unscheduled]]:
    """Each running training's weekly quota, pro rata for partial weeks, spread over the days."""
    ws, st = cx.ws, cx.ws.study
    trainings = sorted(
        (t for t in ws.trainings if t.study_per_week and t.end >= cx.today and t.start <= cx.last),
        key=lambda t: t.id,
    )
    blocks: list[Block] = []
    missing: list[Unscheduled] = []
    if not trainings:
        return blocks, missing
    min_block = min(ws.planning.min_block, STUDY_BLOCK_CAP)
    free: dict[date, list[tuple[int, int]]] = {}
    day_used: dict[date, int] = {}
    ends: set[tuple[str, int]] = set()  # where a study block ends, by training
    week = _monday(cx.today)
    while week <= cx.last:
        week_used = 0
        for t in trainings:
            assert t.study_per_week is not None
            lo, hi = max(t.start, cx.today, week), min(t.end, cx.last, week + timedelta(days=6))
            if lo > hi:
                continue
            days = [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]
            quota = round(t.study_per_week * len(days) / 7 / 5) * 5
            for d in days:
                if d not in free:
                    free[d] = [(_minute(a), _minute(b)) for a, b in cx.cal.study_time(d)]
            eligible = [d for d in days if free[d]]
            left = quota
            chunk = max(min_block, -(-quota // max(1, len(eligible)) // 5) * 5)
            placed = True
            while left > 0 and placed:
                placed = False
                for d in eligible:
                    if left <= 0:
                        break
                    cap = min(
                        chunk,
                        left,
                        st.max_per_day - day_used.get(d, 0),
                        st.max_per_week - week_used,
                    )
                    need = min(min_block, left)
                    if cap < need:
                        continue
                    spans = free[d]
                    if not spans:
                        continue
                    # a short remainder rather lengthens a block already there than makes a sliver
                    pick = next(
                        (i for i, (a, b) in enumerate(spans) if b - a >= cap and (t.id, a) in ends),
                        None,
                    )
                    if pick is None or cap >= min_block:
                        pick = next((i for i, (a, b) in enumerate(spans) if b - a >= cap), pick)
                    if pick is None:
                        longest = max(range(len(spans)), key=lambda i: spans[i][1] - spans[i][0])
                        if spans[longest][1] - spans[longest][0] < need:
                            continue
                        pick = longest
                        cap = spans[pick][1] - spans[pick][0]
                    a, b = spans[pick]
                    spans[pick : pick + 1] = [(a + cap, b)] if a + cap < b else []
                    blocks.append(
                        Block(
                            cx.dt(a),
                            cx.dt(a + cap),
                            "study",
                            t.id,
                            M(cx.lang, "study", title=t.title),
                        )
                    )
                    ends.add((t.id, a + cap))
                    day_used[d] = day_used.get(d, 0) + cap
                    week_used += cap
                    left -= cap
                    placed = True
            if left > 0:
                missing.append(
                    Unscheduled(
                        t.id,
                        left,
                        M(
                            cx.lang,
                            "study_short",
                            week=cx.d(week),
                            per_day=format_duration(st.max_per_day, cx.lang),
                            per_week=format_duration(st.max_per_week, cx.lang),
                        ),
                        M(cx.lang, "study_fix"),
                    )
                )
        week += timedelta(days=7)
    return blocks, missing


def _day_note(cx: _Ctx, d: date) -> str | None:
    info = cx.cal.day(d)
    if info.holiday is not None:
        key = {"public": "holiday", "government": "cuti", "local": "local"}[info.holiday.kind]
        return M(cx.lang, key, name=info.holiday.name)
    if info.away is not None:
        return M(cx.lang, "away", title=info.away.title)
    if not info.in_workweek:
        return M(cx.lang, "weekend" if d.weekday() >= 5 else "off")
    if info.ramadan:
        return M(cx.lang, "ramadan")
    return None


_KIND_ORDER = {"event": 0, "training": 1, "break": 2, "task": 3, "study": 4}


def make_plan(
    ws: Workspace,
    today: date,
    *,
    holidays: HolidayData,
    progress: Progress | None = None,
    busy: Sequence[BusyEvent] = (),
    lang: Lang = "id",
    now: datetime | None = None,
) -> Plan:
    """The plan of the horizon from `today`.

    `now` (optional, the shell's clock): on today, work is placed only from that moment on, so a
    plan made at ten does not fill the morning that has gone. Everything else is a pure function
    of the arguments.
    """
    # A year's plan builds some 100,000 objects that all live until it is returned: the cyclic
    # collector's passes over them (and over the workspace) free nothing and cost about a sixth
    # of the time. It is switched back on as it was found.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _make_plan(ws, today, holidays, progress, busy, lang, now)
    finally:
        if collecting:
            gc.enable()


def _make_plan(
    ws: Workspace,
    today: date,
    holidays: HolidayData,
    progress: Progress | None,
    busy: Sequence[BusyEvent],
    lang: Lang,
    now: datetime | None,
) -> Plan:
    p = ws.planning
    last = today + timedelta(days=p.horizon_days - 1)
    cal = Calendar(ws, holidays, today, last, busy)
    tz = cal.tz
    cx = _Ctx(ws, cal, today, last, lang, tz)
    cx.origin = datetime.combine(today, time(), tz)
    cx.origin_m = _minute(cx.origin)
    # Indonesia keeps one UTC offset all year; a zone that changes it gets the slow, exact path
    noons = [today + timedelta(days=i) for i in range(0, (last - today).days + 1, 7)] + [last]
    cx.fixed_offset = len({datetime.combine(d, time(12), tz).utcoffset() for d in noons}) == 1
    progress = progress or Progress()
    midnight = datetime.combine(today, time(), tz)
    start_m = _minute(midnight)
    end_m = _minute(datetime.combine(last + timedelta(days=1), time(), tz))
    days = cal.days()
    free_by_day = {d: [(_minute(a), _minute(b)) for a, b in cal.free(d)] for d in days}
    if now is not None and now.astimezone(tz).date() == today:
        cut = -(-_minute(now) // 5) * 5  # from the next five minutes on
        free_by_day[today] = [(max(a, cut), b) for a, b in free_by_day[today] if b > cut]
    free_before: dict[date, int] = {}  # free minutes from today up to the start of a day
    running = 0
    for d in [*days, last + timedelta(days=1)]:
        free_before[d] = running
        running += sum(e - s for s, e in free_by_day.get(d, ()))

    # --- the work: tasks and occurrences ---------------------------------------------------
    statuses: list[TaskStatus] = []
    jobs: list[_Job] = []
    load: dict[tuple[str, date], int] = {}  # colleague's handed-over minutes per week

    # thousands of tasks share a few hundred dates: each date's instant (and its minute) is made
    # once, and the date itself is the cheap key (an aware datetime hashes through its zone)
    instants: dict[tuple[date | datetime, bool], tuple[datetime, int]] = {}

    def when(value: date | datetime | None, end: bool) -> tuple[datetime, int] | None:
        if value is None:
            return None
        hit = instants.get((value, end))
        if hit is None:
            if isinstance(value, datetime):
                at = value
            else:
                at = cal.end_of_work(value) if end else datetime.combine(value, time(), tz)
            hit = instants[value, end] = (at, _minute(at))
        return hit

    ranked: dict[tuple[object, ...], Ranking] = {}

    def ranking(
        task: Task, due: datetime | None, release: datetime | None, key: tuple[object, ...]
    ) -> Ranking:
        # rank each combination of due, start and flags once
        key = (*key, task.important, task.urgent)
        r = ranked.get(key)
        if r is None:
            r = ranked[key] = _ranking(task, due, release)
        return r

    def _ranking(task: Task, due: datetime | None, release: datetime | None) -> Ranking:
        days_left: int | None = None
        if due is not None:
            due_day = due.astimezone(tz).date()
            days_left = (
                0
                if due_day <= today
                else cal.working_days_between(today, due_day, p.urgent_within_days + 1)
            )
        return rank(
            now=midnight,
            due=due,
            available=release,
            important=task.important,
            forced=task.urgent,
            working_days_to_due=days_left,
            urgent_within_days=p.urgent_within_days,
        )

    def status(
        ref: str,
        task: Task,
        r: Ranking,
        need: int,
        due: datetime | None,
        *,
        scheduled: int = 0,
        remaining: int = 0,
        finish: datetime | None = None,
        late: bool = False,
        delegated_to: str | None = None,
        done: bool = False,
    ) -> TaskStatus:
        return TaskStatus(
            id=ref,
            title=task.title,
            quadrant=r.quadrant,
            urgency=r.urgency,
            terms=r.terms,
            estimate_minutes=need,
            scheduled_minutes=scheduled,
            remaining_minutes=remaining,
            due=due,
            finish=finish,
            late=late,
            delegated_to=delegated_to,
            important=task.important,
            urgent=r.urgent,
            done=done,
        )

    pending_delegate: list[_Job] = []
    Instant = tuple[datetime, int] | None
    for task in sorted(ws.tasks, key=lambda t: t.id):
        # (ref, due, release, the key the due and the release are known by)
        items: list[tuple[str, Instant, Instant, tuple[object, ...]]] = []
        available = when(task.available, end=False)
        if task.recurs and task.from_:
            lo = max(today, task.from_)
            hi = min(last, task.until) if task.until else last
            prev: date | None = None
            opened: date | None = None  # the day the current occurrence may start
            for d in expand_rrule(task.recurs, task.from_, lo, hi):
                # an occurrence opens the day after the previous one; one whose window holds
                # too little working time (a week of Lebaran leave) shares the previous window
                if prev is not None:
                    nxt = prev + timedelta(days=1)
                    if free_before[d + timedelta(days=1)] - free_before[nxt] >= task.estimate:
                        opened = nxt
                opens = when(opened, end=False)
                rkey: object = opened
                if available is not None and (opens is None or available[0] > opens[0]):
                    opens, rkey = available, task.available
                items.append((f"{task.id}@{d.isoformat()}", when(d, True), opens, (d, rkey)))
                prev = d
        else:
            items.append((task.id, when(task.due, True), available, (task.due, task.available)))
        for ref, due_at, release_at, key in items:
            due = due_at[0] if due_at else None
            release = release_at[0] if release_at else None
            tp = progress.of(ref)
            need = max(0, task.estimate - tp.spent_minutes)
            r = ranking(task, due, release, key)
            if tp.done:
                statuses.append(status(ref, task, r, 0, due, done=True))
            elif task.delegate_to:
                statuses.append(status(ref, task, r, need, due, delegated_to=task.delegate_to))
            elif need == 0:
                statuses.append(status(ref, task, r, 0, due))
            else:
                job = _Job(
                    ref,
                    task,
                    due,
                    due_at[1] if due_at else INF,
                    release,
                    release_at[1] if release_at else -INF,
                    need,
                    r,
                    task.min_block or p.min_block,
                )
                if r.quadrant == "delegate" and task.tags and not task.hold_until_return:
                    pending_delegate.append(job)
                jobs.append(job)

    # delegate-quadrant work goes to a colleague who fits, most urgent first
    delegated: set[str] = set()
    for job in sorted(pending_delegate, key=lambda j: (-j.ranking.urgency, j.id)):
        until = job.due.astimezone(tz).date() if job.due else last
        c = _colleague_for(cx, job.task, job.need, until, load)
        if c is None:
            continue
        key = (c.id, _monday(min(max(until, today), last)))
        load[key] = load.get(key, 0) + job.need
        delegated.add(job.id)
        statuses.append(status(job.id, job.task, job.ranking, job.need, job.due, delegated_to=c.id))
    jobs = [j for j in jobs if j.id not in delegated]

    # --- the line of free time ---------------------------------------------------------------
    if p.pomodoro:
        for j in jobs:
            j.mb = min(j.mb, POMODORO_WORK)
    releases = sorted({j.release_m for j in jobs if start_m < j.release_m < end_m})

    shortest = min((j.mb for j in jobs), default=p.min_block)

    def line_for(slack: int) -> tuple[_Line, list[tuple[int, int]]]:
        slots: list[tuple[int, int]] = []
        gaps: list[tuple[int, int]] = []
        for d in days:
            # a gap shorter than any task's min_block between two meetings is no time for work
            usable = [(a, b) for a, b in free_by_day[d] if b - a >= shortest]
            s, g = _split_slots(usable, slack, p.pomodoro)
            slots += s
            gaps += g
        return _Line(_cut_at(slots, releases)), gaps

    full, gaps_full = line_for(0)
    for j in jobs:
        j.pref = 0
        if j.due is None or j.due_m > end_m:
            j.beyond = True
        elif j.due_m <= start_m or j.need > full.upto(j.due_m) - full.upto(j.release_m):
            j.late = True  # overdue, or too big for the time between its start and its deadline
            j.overdue = j.due_m <= start_m
            j.too_big = not j.overdue
    for i, j in enumerate(sorted(jobs, key=lambda j: _pref_key(j, j.late))):
        j.pref = i
    _select([j for j in jobs if not j.beyond and not j.late], full)

    if p.slack > 0:
        line, gaps = line_for(p.slack)
        chosen = {j.id for j in jobs if j.ontime}
        if _place(jobs, line):  # slack never costs a deadline that could be met
            for j in jobs:
                j.ontime = j.id in chosen
                j.late = not j.ontime and not j.beyond
            line, gaps = full, gaps_full
            _place(jobs, line)
    else:
        line, gaps = full, gaps_full
        _place(jobs, line)

    # --- statuses and what did not fit -----------------------------------------------------
    unscheduled: list[Unscheduled] = []
    blocks_by_day: dict[date, list[Block]] = {d: [] for d in days}
    task_edges: set[int] = set()
    task_starts: set[int] = set()
    last_text = cx.d(last)
    notes: dict[tuple[date, str], str] = {}  # thousands of blocks share a few hundred notes
    dt = cx.dt
    if cx.fixed_offset:  # Indonesia: a minute is the same offset from today's midnight all year
        origin, origin_m = cx.origin, cx.origin_m

        def dt(m: int) -> datetime:
            return origin + timedelta(minutes=m - origin_m)

    for j in sorted(jobs, key=lambda j: j.pref):
        due_day = j.due.astimezone(tz).date() if j.due else None
        late = j.due is not None and j.due_m <= end_m and (j.due_m <= start_m or _misses(j))
        note = ""
        if due_day is not None:
            kind = ("overdue" if j.due_m <= start_m else "late") if late else "due"
            note = notes.get((due_day, kind), "")
            if not note:
                note = notes[due_day, kind] = M(lang, kind, date=cx.d(due_day, "short"))
        end: datetime | None = None  # the end of its last block: when it is finished
        for a, b in j.blocks:
            start, end = dt(a), dt(b)
            blocks_by_day[start.date()].append(
                Block(start, end, "task", j.id, j.title, j.ranking.quadrant, note)
            )
            task_edges.add(b)
            task_starts.add(a)
        r = j.ranking
        statuses.append(
            TaskStatus(
                j.id,
                j.title,
                r.quadrant,
                r.urgency,
                r.terms,
                j.need,
                j.need - j.rem,
                j.rem,
                j.due,
                end,
                late,
                None,
                j.task.important,
                r.urgent,
            )
        )
        if j.rem > 0:
            if j.release_m >= end_m and j.release is not None:
                reason = M(
                    lang, "after", date=cx.d(j.release.astimezone(tz).date()), last=last_text
                )
            elif due_day is not None and j.due_m <= end_m:
                why = "overdue_full" if j.overdue else ("too_big" if j.too_big else "given_up")
                reason = M(lang, why, last=last_text, due=cx.d(due_day))
            else:
                reason = M(lang, "full", last=last_text)
            c = _colleague_for(cx, j.task, j.rem, due_day or last, load)
            if c is not None:
                skill = next(s for s in c.skills if s in j.task.tags)
                assert c.capacity is not None
                hint = M(
                    lang,
                    "colleague",
                    name=c.name,
                    skill=skill,
                    cap=format_duration(c.capacity, lang),
                    id=c.id,
                )
            elif due_day is not None:
                hint = M(lang, "move_due", due=cx.d(due_day))
            else:
                hint = M(lang, "horizon")
            unscheduled.append(Unscheduled(j.id, j.rem, reason, hint))

    rest_by_day: dict[date, int] = {}
    for a, b in gaps:  # a pomodoro rest shows only between two pieces of work
        if a in task_edges and b in task_starts:
            start = cx.dt(a)
            rest_by_day[start.date()] = rest_by_day.get(start.date(), 0) + b - a
            blocks_by_day[start.date()].append(
                Block(start, cx.dt(b), "break", None, M(lang, "pomodoro"))
            )

    study_blocks, study_missing = _study(cx)
    for sb in study_blocks:
        blocks_by_day[sb.start.date()].append(sb)
    unscheduled += study_missing

    # --- the days ----------------------------------------------------------------------------
    out_days: list[DayPlan] = []
    for d in days:
        info = cal.day(d)
        fixed = []
        for fb in cal.fixed(d):
            if fb.kind == "training" and fb.note in ("offline", "online"):
                fb = Block(
                    fb.start,
                    fb.end,
                    fb.kind,
                    fb.ref,
                    fb.title,
                    fb.quadrant,
                    M(lang, fb.note),
                    fb.location,
                    fb.link,
                    fb.busy,
                )
            fixed.append(fb)
        placed = blocks_by_day[d]
        study_here = [(b.start, b.end) for b in placed if b.kind == "study"]
        breaks: list[Block] = []
        if info.working:
            cuts = [(b.start, b.end) for b in fixed] + study_here
            for br in info.breaks:
                for x0, x1 in subtract([br.on(d, tz)], cuts):
                    breaks.append(Block(x0, x1, "break", None, M(lang, "break")))
        merged = _merge_study(placed)
        all_blocks = sorted(
            fixed + breaks + merged, key=lambda b: (b.start, b.end, _KIND_ORDER[b.kind])
        )
        work = sum(_minute(x1) - _minute(x0) for x0, x1 in cal.work_time(d))
        free = sum(e - s for s, e in free_by_day[d])
        used = sum(b.minutes for b in merged if b.kind == "task") + rest_by_day.get(d, 0)
        out_days.append(
            DayPlan(
                date=d,
                working=info.working,
                note=_day_note(cx, d),
                blocks=tuple(all_blocks),
                free_minutes=max(0, free - used),
                work_minutes=work,
            )
        )

    warnings = [
        M(lang, "estimated", name=holidays.days[d].name, date=cx.d(d, "full"))
        for d in sorted(holidays.estimated)
        if today <= d <= last and d in holidays.days
    ]
    statuses.sort(key=lambda s: (s.done, s.delegated_to is not None, -s.urgency, s.id))
    return Plan(
        timezone=ws.profile.timezone,
        today=today,
        days=tuple(out_days),
        tasks=tuple(statuses),
        unscheduled=tuple(unscheduled),
        warnings=tuple(warnings),
    )


def _merge_study(blocks: list[Block]) -> list[Block]:
    """Join back-to-back study blocks of the same training into one."""
    out: list[Block] = []
    for b in sorted(blocks, key=lambda b: (b.start, b.end, _KIND_ORDER[b.kind])):
        prev = out[-1] if out else None
        if (
            prev is not None
            and b.kind == "study"
            and prev.kind == "study"
            and prev.ref == b.ref
            and prev.end == b.start
        ):
            out[-1] = Block(prev.start, b.end, "study", b.ref, b.title)
        else:
            out.append(b)
    return out


__all__ = ["make_plan"]
