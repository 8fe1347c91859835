"""The one place where the plan-following benchmarks (exact, stability, focus) reach into diklat.

Everything else in bench/measures.py sees plain values: a plan is the task blocks of each day and
each task's state, with the names of the `diklat plan --format json` contract. The planner's
signature is being reshaped (its `lang` parameter goes away), so `plan` passes only the arguments
`make_plan` still takes; progress is recorded with the same functions `diklat done` calls.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from diklat_cli.workspace.holidays_id import HolidayCache, HolidayData, holiday_data
from diklat_cli.workspace.loader import load
from diklat_cli.workspace.state import STATE_DIR, load_progress, record_progress, save_progress


@dataclass(frozen=True)
class PlanBlock:
    start: datetime
    end: datetime
    ref: str

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


@dataclass(frozen=True)
class PlanTask:
    id: str
    important: bool
    due: datetime | None
    finish: datetime | None
    remaining_minutes: int
    scheduled_minutes: int
    estimate_minutes: int
    done: bool

    @property
    def late(self) -> bool:
        """As the quality table counts it: minutes left unplaced, or the last block after due."""
        if self.done or self.due is None:
            return False
        if self.remaining_minutes > 0:
            return True
        return self.finish is not None and self.finish > self.due


@dataclass(frozen=True)
class PlanView:
    today: date
    working: dict[date, bool]
    blocks: dict[date, list[PlanBlock]]  # task blocks only, in time order
    tasks: dict[str, PlanTask]


_HOLIDAYS: dict[tuple[int, int], HolidayData] = {}
_CACHE_FILE: list[Path | None] = [None]


def use_holiday_cache(path: Path | None) -> None:
    """Where the holiday data is kept between runs (bench/results/, as the other parts do)."""
    _CACHE_FILE[0] = path


def holidays(first: date, last: date) -> HolidayData:
    key = (first.year, last.year)
    if key not in _HOLIDAYS:
        cache = HolidayCache(_CACHE_FILE[0])
        _HOLIDAYS[key] = holiday_data(
            range(first.year, last.year + 1), public=True, cuti_bersama=True, cache=cache
        )
        cache.save()
    return _HOLIDAYS[key]


def free_time(folder: Path, first: date, last: date) -> dict[date, list[tuple[datetime, datetime]]]:
    """The workspace's free working time per day (what the planner may fill), from its Calendar."""
    from diklat_cli.planning.calendar import Calendar

    ws = load(folder)
    cal = Calendar(ws, holidays(first, last), first, last)
    return {d: list(cal.free(d)) for d in cal.days()}


@lru_cache(maxsize=1)
def _make_plan_params() -> frozenset[str]:
    from diklat_cli.planning.schedule import make_plan

    return frozenset(inspect.signature(make_plan).parameters)


def plan(folder: Path, today: date) -> PlanView:
    """diklat's plan of the workspace in `folder` from the morning of `today`, with its progress."""
    from diklat_cli.planning.schedule import make_plan

    ws = load(folder)
    last = today + timedelta(days=ws.planning.horizon_days)
    kwargs: dict[str, Any] = {
        "holidays": holidays(today, last),
        "progress": load_progress(folder / STATE_DIR),
    }
    if "lang" in _make_plan_params():
        kwargs["lang"] = "en"
    p = make_plan(ws, today, **kwargs)
    important = {t.id: t.important for t in ws.tasks}
    tasks = {
        t.id: PlanTask(
            id=t.id,
            important=getattr(t, "important", important.get(t.id.split("@")[0], False)),
            due=t.due,
            finish=t.finish,
            remaining_minutes=t.remaining_minutes,
            scheduled_minutes=t.scheduled_minutes,
            estimate_minutes=t.estimate_minutes,
            done=getattr(t, "done", False),
        )
        for t in p.tasks
    }
    blocks = {
        d.date: [PlanBlock(b.start, b.end, b.ref) for b in d.blocks if b.kind == "task" and b.ref]
        for d in p.days
    }
    return PlanView(today, {d.date: d.working for d in p.days}, blocks, tasks)


def record(folder: Path, ref: str, at: datetime, spent: int | None = None) -> None:
    """`diklat done REF` (spent=None) or `diklat done REF --spent Nm`, recorded at `at`."""
    state = folder / STATE_DIR
    progress = load_progress(state)
    if spent is None:
        updated = record_progress(progress, ref, now=at, done=True)
    else:
        updated = record_progress(progress, ref, now=at, spent=spent)
    save_progress(state, updated)
