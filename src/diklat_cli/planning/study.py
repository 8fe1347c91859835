"""Self-study: each running training's weekly quota, pro rata for a partial week, spread over the
study windows of its days (not office time), under the daily and weekly caps.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..workspace.models import Training
from .jobs import monday
from .line import Horizon, minute
from .plan import Block, Suggestion, Unscheduled

STUDY_BLOCK_CAP = 30  # study windows are short (12.10-12.40): a longer min_block would waste them

Spans = list[tuple[int, int]]


class _Study:
    """What the weeks share: each day's study windows left, each day's study minutes, and where a
    training's study blocks end (a short remainder rather lengthens one of them)."""

    def __init__(self, hz: Horizon) -> None:
        self.hz = hz
        self.min_block = min(hz.ws.planning.min_block, STUDY_BLOCK_CAP)
        self.free: dict[date, Spans] = {}
        self.day_used: dict[date, int] = {}
        self.ends: set[tuple[str, int]] = set()
        self.week_used = 0
        self.blocks: list[Block] = []
        self.missing: list[Unscheduled] = []

    def windows(self, d: date) -> Spans:
        if d not in self.free:
            self.free[d] = [(minute(a), minute(b)) for a, b in self.hz.cal.study_time(d)]
        return self.free[d]


def study(hz: Horizon) -> tuple[list[Block], list[Unscheduled]]:
    """The study blocks of the horizon, and each week whose windows could not hold its quota."""
    trainings = sorted(
        (
            t
            for t in hz.ws.trainings
            if t.study_per_week and t.end >= hz.today and t.start <= hz.last
        ),
        key=lambda t: t.id,
    )
    s = _Study(hz)
    if not trainings:
        return s.blocks, s.missing
    week = monday(hz.today)
    while week <= hz.last:
        s.week_used = 0
        for t in trainings:
            _week(s, t, week)
        week += timedelta(days=7)
    return s.blocks, s.missing


def _week(s: _Study, t: Training, week: date) -> None:
    """One training's quota of one week, a chunk a day in turn until it is placed or nothing fits."""
    hz, st = s.hz, s.hz.ws.study
    assert t.study_per_week is not None
    lo, hi = max(t.start, hz.today, week), min(t.end, hz.last, week + timedelta(days=6))
    if lo > hi:
        return
    days = [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]
    quota = round(t.study_per_week * len(days) / 7 / 5) * 5
    eligible = [d for d in days if s.windows(d)]
    left = quota
    chunk = max(s.min_block, -(-quota // max(1, len(eligible)) // 5) * 5)
    placed = True
    while left > 0 and placed:
        placed = False
        for d in eligible:
            if left <= 0:
                break
            cap = min(
                chunk, left, st.max_per_day - s.day_used.get(d, 0), st.max_per_week - s.week_used
            )
            size = _block(s, t, d, cap, min(s.min_block, left))
            if size:
                s.day_used[d] = s.day_used.get(d, 0) + size
                s.week_used += size
                left -= size
                placed = True
    if left > 0:
        s.missing.append(
            Unscheduled(
                ref=t.id,
                minutes=left,
                reason="study_short",
                suggestion=Suggestion(code="study_fix"),
                week=week,
                per_day=st.max_per_day,
                per_week=st.max_per_week,
            )
        )


def _block(s: _Study, t: Training, d: date, cap: int, need: int) -> int:
    """Place up to `cap` minutes (at least `need`) of study for `t` on day d; the minutes placed."""
    spans = s.free[d]
    if cap < need or not spans:
        return 0
    # a short remainder rather lengthens a block already there than makes a sliver
    pick = next(
        (i for i, (a, b) in enumerate(spans) if b - a >= cap and (t.id, a) in s.ends),
        None,
    )
    if pick is None or cap >= s.min_block:
        pick = next((i for i, (a, b) in enumerate(spans) if b - a >= cap), pick)
    if pick is None:
        longest = max(range(len(spans)), key=lambda i: spans[i][1] - spans[i][0])
        if spans[longest][1] - spans[longest][0] < need:
            return 0
        pick = longest
        cap = spans[pick][1] - spans[pick][0]
    a, b = spans[pick]
    spans[pick : pick + 1] = [(a + cap, b)] if a + cap < b else []
    s.blocks.append(Block(s.hz.dt(a), s.hz.dt(a + cap), "study", t.id, t.title))
    s.ends.add((t.id, a + cap))
    return cap


__all__ = ["STUDY_BLOCK_CAP", "study"]
