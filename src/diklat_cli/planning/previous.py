"""The last plan as an input: which of its task blocks today's plan keeps, and what moved.

A plan is read every morning. A person who planned her Wednesday on Monday and finds it
reshuffled on Tuesday stops reading it, so the planner keeps the task blocks of the last plan
(`PlanRecord`, which the shell records in `.diklat/plans/`) where they still work:

- the time is still ahead and still free (no new meeting, session, holiday or busy event);
- the task is still open, may start by then, and has that much work left;
- no deadline needs the time: a kept block is the sweep's first choice at its time under the
  guard that keeps every on-time deadline's room (sweep.py), and where the guard refuses it the
  earliest deadline takes the time.

What the last plan had and this one
gives to something else is a `Moved`, with the reason; what is simply finished (done early,
recorded progress) is not a move.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from .job import Job
from .line import Horizon, minute
from .plan import Block, DayNote, MoveCode, Moved, Plan

RECORD_DAYS = 14  # the days of a plan that the next one keeps where it can (the default horizon)

Span = tuple[int, int]  # epoch minutes, [start, end)


class RecordedBlock(NamedTuple):
    """One task block of a recorded plan."""

    ref: str
    start: datetime
    end: datetime


@dataclass(frozen=True)
class PlanRecord:
    """What a plan said, as the next plan reads it: its day, when it was made, its task blocks
    over its first `RECORD_DAYS` days, and the work that was late in it."""

    day: date
    made: datetime
    blocks: tuple[RecordedBlock, ...]
    late: frozenset[str]


def record_of(plan: Plan, made: datetime, days: int = RECORD_DAYS) -> PlanRecord:
    """The record of `plan` (made at `made`) that tomorrow's plan starts from."""
    blocks = tuple(
        RecordedBlock(b.ref, b.start, b.end)
        for d in plan.days[:days]
        for b in d.blocks
        if b.kind == "task" and b.ref is not None
    )
    return PlanRecord(plan.today, made, blocks, frozenset(t.id for t in plan.tasks if t.late))


class Dropped(NamedTuple):
    """A recorded block (part) this plan cannot keep whatever the deadlines: its time is taken
    (`busy`: by `block`; `off`: the day is no longer a working day, `note` says why) or the
    task starts later now (`start`)."""

    ref: str
    span: Span
    code: MoveCode
    block: Block | None = None
    note: DayNote | None = None


@dataclass
class Pins:
    """The recorded blocks that may be kept, by job id (in time order, within each job's work
    left), the parts that cannot be, and the jobs the record names."""

    spans: dict[str, list[Span]]
    dropped: list[Dropped]
    jobs: dict[str, Job]  # the jobs the record names, by id


def pins(
    hz: Horizon,
    jobs: Iterable[Job],
    record: PlanRecord,
    free_by_day: dict[date, list[Span]],
    cut: int,
    note_of: Callable[[date], DayNote | None],
) -> Pins:
    """The blocks of `record` from minute `cut` on (the clock, when planning the real today),
    clipped to the time still free and to each task's work left; `note_of(day)` says why a
    day is not a working day."""
    refs = {k.ref for k in record.blocks}
    by_id = {j.id: j for j in jobs if j.id in refs}
    out = Pins({}, [], by_id)
    left = {ref: j.need for ref, j in by_id.items()}
    taken = cut  # the end of the last block kept: blocks are read by start, none may overlap
    for k in sorted(record.blocks, key=lambda k: (k.start, k.ref)):
        job = by_id.get(k.ref)
        span = _ahead(hz, k, cut)
        if job is None or span is None:
            continue  # finished, handed over or gone from the files; or in the past
        if span[0] < job.release_m:
            out.dropped.append(Dropped(k.ref, span, "start"))
            continue
        day = k.start.astimezone(hz.tz).date()
        parts = [p for p in _within(span, free_by_day.get(day, [])) if p[0] >= taken]
        whole = span[1] - span[0]
        parts = [p for p in parts if p[1] - p[0] >= min(job.mb, whole)]
        for gap in _gaps(span, parts):
            out.dropped.append(_why_taken(hz, k.ref, gap, day, note_of))
        for a, b in parts:
            if left[k.ref] <= 0:
                break
            b = min(b, a + left[k.ref])
            left[k.ref] -= b - a
            out.spans.setdefault(k.ref, []).append((a, b))
            taken = b
    return out


def _ahead(hz: Horizon, k: RecordedBlock, cut: int) -> Span | None:
    """The part of a recorded block from minute `cut` (the clock, or today's start) to the end
    of the horizon; None when none is."""
    a, b = max(minute(k.start), cut), min(minute(k.end), hz.end_m)
    return (a, b) if a < b else None


def _within(span: Span, free: list[Span]) -> list[Span]:
    a, b = span
    return [(max(a, s), min(b, e)) for s, e in free if s < b and e > a]


def _gaps(span: Span, parts: list[Span]) -> list[Span]:
    out, at = [], span[0]
    for a, b in parts:
        if a > at:
            out.append((at, a))
        at = b
    if at < span[1]:
        out.append((at, span[1]))
    return out


def _why_taken(
    hz: Horizon, ref: str, gap: Span, day: date, note_of: Callable[[date], DayNote | None]
) -> Dropped:
    """Why part of a recorded block is no longer free: the fixed block now there, or the day."""
    info = hz.cal.day(day) if hz.today <= day <= hz.last else None
    if info is not None and not info.working:
        return Dropped(ref, gap, "off", note=note_of(day))
    for b in hz.cal.fixed(day) if info is not None else ():
        if b.busy and minute(b.start) < gap[1] and gap[0] < minute(b.end):
            return Dropped(ref, gap, "busy", block=b)
    return Dropped(ref, gap, "busy")  # a new break or shorter hours


def moved(hz: Horizon, jobs: list[Job], wanted: Pins, endangered: list[Job]) -> list[Moved]:
    """What the last plan had that this one does not give to the same task, after the sweep:
    the parts it could not keep (their reason), then the wanted blocks that gave way to a
    deadline (`endangered`: the work that would have been late with them)."""
    kept, by_id = wanted.spans, wanted.jobs
    out: list[Moved] = []
    for d in wanted.dropped:
        j = by_id[d.ref]
        cause, c0, c1 = "", None, None
        if d.block is not None:
            cause, c0, c1 = d.block.title, d.block.start, d.block.end
        elif d.note is not None:
            cause = d.note.name
        out.append(_moved(hz, j, kept, d.span, d.code, cause, None, c0, c1))
    owner = _Owners(jobs)  # built on first use: blocks give way only when a deadline needs it
    for ref, spans in wanted.spans.items():
        j = by_id[ref]
        for gap in _lost(spans, [(a, b) for a, b in j.blocks]):
            other = owner.at(gap) or (endangered[0] if endangered else None)
            cause_ref = other.id if other is not None else None
            cause = other.title if other is not None else ""
            out.append(_moved(hz, j, kept, gap, "deadline", cause, cause_ref, None, None))
    out.sort(key=lambda m: (m.start, m.ref))
    return out


def _moved(
    hz: Horizon,
    j: Job,
    kept: dict[str, list[Span]],
    span: Span,
    code: MoveCode,
    cause: str,
    cause_ref: str | None,
    c0: datetime | None,
    c1: datetime | None,
) -> Moved:
    """The move of `span` of job `j`: `to` is where its work now starts outside the blocks
    kept from the last plan (None when all of it is there, or none of it fits)."""
    mine = kept.get(j.id, [])
    new = [a for a, b in j.blocks if not any(x <= a and b <= y for x, y in mine)]
    to = hz.dt(min(new)) if new else None
    return Moved(j.id, j.title, hz.dt(span[0]), hz.dt(span[1]), code, cause, cause_ref, c0, c1, to)


def _lost(wanted: list[Span], kept: list[Span]) -> list[Span]:
    """The parts of the wanted spans that the kept ones do not cover."""
    out: list[Span] = []
    for span in wanted:
        inside = sorted(_within(span, kept))
        out += _gaps(span, inside)
    return out


class _Owners:
    """Which job now holds part of a span (the earliest such block's)."""

    def __init__(self, jobs: list[Job]) -> None:
        self.jobs = jobs
        self.blocks: list[tuple[int, int, Job]] | None = None

    def at(self, span: Span) -> Job | None:
        if self.blocks is None:
            self.blocks = sorted(((a, b, j) for j in self.jobs for a, b in j.blocks), key=_start)
        for a, b, j in self.blocks:
            if a >= span[1]:
                break
            if span[0] < b:
                return j
        return None


def _start(item: tuple[int, int, Job]) -> int:
    return item[0]


__all__ = ["RECORD_DAYS", "Pins", "PlanRecord", "RecordedBlock", "moved", "pins", "record_of"]
