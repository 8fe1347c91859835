"""The last plan made for each day, in `.diklat/plans/`: what the next plan starts from.

`diklat plan` for today writes `plans/YYYY-MM-DD.json` (atomically, like all of diklat's state):
the task blocks of its first two weeks and the work that was late in it. A plan for a day reads
the newest record of that day or before (planning/previous.py keeps its blocks where they still
work). The record is JSON, not TOML like the rest of the state: a year of small tasks writes a
thousand blocks every morning, and JSON reads and writes them in a millisecond.

A record is diklat's own, but a workspace may come from someone else: a record that is not one
diklat wrote (damaged, foreign, too big) is refused as a whole (`Unreadable`), and the plan is
then made afresh; losing it loses only the plan's memory of yesterday, never recorded work.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from ..planning.previous import PlanRecord, RecordedBlock
from .files import MAX_STATE_BYTES, read_limited
from .state import write_atomic

PLANS_DIR = "plans"
PLAN_VERSION = 1
KEEP_RECORDS = 14  # the newest records kept; older ones are removed when a plan is recorded
MAX_BLOCKS = 100_000  # more than two weeks of any plan: a record with more is not diklat's


class Unreadable(Exception):
    """A plan record diklat cannot use: `path` and what is wrong with it."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def load_last_plan(state_dir: Path | None, day: date) -> PlanRecord | None:
    """The newest plan recorded for `day` or a day before it; None when there is none.
    Raises `Unreadable` for a record that is not one diklat wrote."""
    if state_dir is None:
        return None
    folder = state_dir / PLANS_DIR
    try:
        names = [p.name for p in folder.iterdir()]
    except OSError:
        return None
    days = sorted(d for d in map(_day_of_name, names) if d is not None and d <= day)
    if not days:
        return None
    path = folder / f"{days[-1].isoformat()}.json"
    try:
        data = json.loads(read_limited(path, MAX_STATE_BYTES))
        return _record(data)
    except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError, RecursionError) as exc:
        raise Unreadable(path, str(exc)) from None


def save_plan(state_dir: Path, record: PlanRecord) -> None:
    """Record the plan of `record.day`, replacing an earlier one of that day; keep the newest
    `KEEP_RECORDS`. Raises OSError when the folder cannot be written."""
    folder = state_dir / PLANS_DIR
    data = {
        "version": PLAN_VERSION,
        "day": record.day.isoformat(),
        "made": record.made.isoformat(),
        "late": sorted(record.late),
        "blocks": [[k.ref, k.start.isoformat(), k.end.isoformat()] for k in record.blocks],
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    write_atomic(folder / f"{record.day.isoformat()}.json", text.encode("utf-8"))
    _prune(folder)


def _prune(folder: Path) -> None:
    days = sorted(d for d in (_day_of_name(p.name) for p in folder.iterdir()) if d is not None)
    for d in days[:-KEEP_RECORDS]:
        (folder / f"{d.isoformat()}.json").unlink(missing_ok=True)


def _day_of_name(name: str) -> date | None:
    stem, dot, ext = name.partition(".")
    if ext != "json" or not dot or len(stem) != 10:
        return None
    try:
        return date.fromisoformat(stem)
    except ValueError:
        return None


def _record(data: object) -> PlanRecord:
    """The record in `data`; ValueError or TypeError when it is not one diklat wrote."""
    if not isinstance(data, dict):
        raise TypeError("not a JSON object")
    if data.get("version") != PLAN_VERSION:
        raise ValueError(f"version {data.get('version')!r}; this diklat reads {PLAN_VERSION}")
    blocks, late = data["blocks"], data["late"]
    if not isinstance(blocks, list) or not isinstance(late, list) or len(blocks) > MAX_BLOCKS:
        raise TypeError("blocks and late must be lists (of at most 100,000 blocks)")
    kept = []
    for item in blocks:
        ref, start, end = item
        if not isinstance(ref, str):
            raise TypeError(f"block {item!r}: its task is not a text")
        a, b = _instant(start), _instant(end)
        if not a < b:
            raise ValueError(f"block {item!r} ends before it starts")
        kept.append(RecordedBlock(ref, a, b))
    if not all(isinstance(x, str) for x in late):
        raise TypeError("late holds something other than task ids")
    made = _instant(data["made"])
    return PlanRecord(date.fromisoformat(data["day"]), made, tuple(kept), frozenset(late))


def _instant(value: object) -> datetime:
    if not isinstance(value, str):
        raise TypeError(f"{value!r} is not a date-time")
    at = datetime.fromisoformat(value)
    if at.tzinfo is None:
        raise ValueError(f"{value!r} has no UTC offset")
    return at


__all__ = ["Unreadable", "load_last_plan", "save_plan"]
