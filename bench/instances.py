"""Small seeded workspaces with what real weeks have, for the exact, stability and focus measures.

- `small(seed)`: one or two weeks, 3-12 tasks, some `available` only later in the window, due
  dates (some at a time of day), a weekly meeting and one-off meetings, the national holidays
  and sometimes a local one (`[[holiday]]`), a `min_block` for the workspace and some tasks, and
  a load of 0.8x-1.6x of the free working minutes up to the last deadline. Every quantity is on
  a 15-minute grid, so the exact solver (bench/exact.py) can work in 15-minute slots.
- `month(seed)`: six weeks of 15-30 tasks at 0.6x-1.1x load with the default horizon (14 days),
  for following the plan day by day.

`write` makes a real workspace folder (diklat.toml, tugas.toml); `slot_model` turns an instance
and its free time into the plain JSON that bench/exact.py reads (no diklat there).
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import tomli_w

TZ = "Asia/Jakarta"
SLOT = 15  # minutes
FIRST_MONDAY = date(2027, 1, 4)
MIN_BLOCKS = ("15m", "30m", "30m", "60m")  # the workspace's planning.min_block
PLANNING_EXTRA: dict[str, Any] = {}  # more [planning] keys for every workspace (run.py --planning)
TASK_MIN_BLOCKS = (45, 60, 90, 120)  # a task's own min_block, minutes


@dataclass
class Instance:
    """One generated workspace: its window, settings, items and what the tasks ask for."""

    seed: int
    first: date
    days: int  # the window (and the small instances' horizon)
    settings: dict[str, Any]
    items: dict[str, Any]
    load: float  # the load asked for; the tasks' work over the free minutes up to the last due
    min_block: int  # the workspace's, minutes

    @property
    def tasks(self) -> list[dict[str, Any]]:
        return list(self.items.get("task", []))

    def task_min_block(self, task: dict[str, Any]) -> int:
        own = task.get("min_block")
        return int(own[:-1]) if own else self.min_block


def _settings(horizon: int | None, min_block: str) -> dict[str, Any]:
    planning: dict[str, Any] = {"min_block": min_block}
    if horizon is not None:
        planning["horizon_days"] = horizon
    return {
        "profile": {"name": "Rina Wulandari, S.E.", "timezone": TZ, "language": "id"},
        "planning": planning,
    }


def _meetings(rng: random.Random, first: date, days: int, count: int) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = []
    if rng.random() < 0.7:
        events.append(
            {
                "title": "Rapat koordinasi bidang",
                "rrule": "FREQ=WEEKLY;BYDAY=MO",
                "from": first,
                "time": "08:00-09:00",
            }
        )
    for i in range(count):
        d = first + timedelta(days=rng.randrange(days))
        if d.weekday() >= 5:
            d -= timedelta(days=d.weekday() - 4)
        start = 8 * 60 + 30 * rng.randrange(14)  # 08:00 to 14:30
        end = min(start + rng.choice((60, 90, 120)), 16 * 60)
        events.append(
            {
                "title": f"Rapat pembahasan {i + 1}",
                "date": d,
                "time": f"{start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}",
            }
        )
    return events


def _skeleton(
    rng: random.Random, seed: int, weeks: int, horizon: int | None, meetings: int
) -> Instance:
    first = FIRST_MONDAY + timedelta(weeks=rng.randrange(50))
    days = 7 * weeks
    min_block = rng.choice(MIN_BLOCKS)
    items: dict[str, Any] = {"event": _meetings(rng, first, days, meetings)}
    if rng.random() < 0.3:
        d = first + timedelta(days=rng.randrange(5))
        items["holiday"] = [{"date": d, "title": "Hari jadi kabupaten"}]
    return Instance(
        seed, first, days, _settings(horizon, min_block), items, 0.0, int(min_block[:-1])
    )


def _tasks(
    rng: random.Random,
    inst: Instance,
    free: dict[date, int],
    n: int,
    load: float,
    release_share: float,
) -> None:
    """Draw n tasks over the window's working days and scale them to `load` (15-minute grid)."""
    working = [d for d in sorted(free) if free[d] > 0]
    lo, hi = math.log(30), math.log(900)
    drafts = []
    for i in range(n):
        r = 0
        if rng.random() < release_share:
            r = rng.randrange(1, max(2, len(working) * 2 // 3))
        u = rng.randrange(r, len(working))
        task: dict[str, Any] = {
            "id": f"t{i + 1:02d}",
            "title": f"Tugas {i + 1}",
            "important": rng.random() < 0.35,
        }
        if r:
            task["available"] = working[r]
        if rng.random() < 0.15:
            task["due"] = datetime.combine(working[u], time(rng.randrange(9, 16), 0))
        else:
            task["due"] = working[u]
        if rng.random() < 0.3:
            task["min_block"] = f"{rng.choice(TASK_MIN_BLOCKS)}m"
        drafts.append((task, math.exp(rng.uniform(lo, hi))))
    last_due = max(_day(t["due"]) for t, _ in drafts)
    capacity = sum(m for d, m in free.items() if d <= last_due)
    scale = load * capacity / sum(s for _, s in drafts)
    for task, shape in drafts:
        task["estimate"] = f"{max(1, round(shape * scale / SLOT)) * SLOT}m"
    inst.items["task"] = [t for t, _ in drafts]
    inst.load = sum(int(t["estimate"][:-1]) for t, _ in drafts) / capacity if capacity else 0.0


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def small(seed: int, folder: Path) -> Instance:
    """A week or two of 3-12 tasks at 0.8x-1.6x load, written to `folder` (a workspace)."""
    rng = random.Random(seed)
    weeks = rng.choice((1, 2))
    inst, free = _window(
        rng, folder, lambda: _skeleton(rng, seed, weeks, 7 * weeks, rng.randrange(0, 2 * weeks + 1))
    )
    _tasks(rng, inst, free, rng.randint(3, 12), rng.uniform(0.8, 1.6), 0.4)
    write(inst, folder)
    return inst


def month(seed: int, folder: Path) -> Instance:
    """Six weeks of 15-30 tasks at 0.6x-1.1x load, the default horizon, written to `folder`."""
    rng = random.Random(seed)
    inst, free = _window(rng, folder, lambda: _skeleton(rng, seed, 6, None, rng.randrange(3, 9)))
    _tasks(rng, inst, free, rng.randint(15, 30), rng.uniform(0.6, 1.1), 0.3)
    write(inst, folder)
    return inst


def _window(
    rng: random.Random, folder: Path, draw: Callable[[], Instance]
) -> tuple[Instance, dict[date, int]]:
    """A skeleton whose window has at least three working days (Lebaran's leave can take a
    whole week), written to `folder`, and its free minutes per day."""
    from adapter import free_time

    while True:
        inst = draw()
        write(inst, folder)
        last = inst.first + timedelta(days=inst.days - 1)
        free = free_minutes(free_time(folder, inst.first, last))
        if sum(1 for m in free.values() if m > 0) >= 3:
            return inst, free


def free_minutes(free: dict[date, list[tuple[datetime, datetime]]]) -> dict[date, int]:
    return {
        d: sum(int((b - a).total_seconds() // 60) for a, b in spans) for d, spans in free.items()
    }


def write(inst: Instance, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    settings = {**inst.settings, "planning": {**inst.settings["planning"], **PLANNING_EXTRA}}
    (folder / "diklat.toml").write_text(tomli_w.dumps(settings), "utf-8")
    (folder / "tugas.toml").write_text(tomli_w.dumps(inst.items), "utf-8")
    return folder


def due_instant(value: date | datetime) -> datetime:
    """A date-time as it is; a date as the end of that day (no free slot of it comes later)."""
    tz = ZoneInfo(TZ)
    if isinstance(value, datetime):
        return value.replace(tzinfo=tz)
    return datetime.combine(value, time(23, 59), tz)


def slot_model(inst: Instance, free: dict[date, list[tuple[datetime, datetime]]]) -> dict[str, Any]:
    """The instance on a line of 15-minute slots of free time, for bench/exact.py.

    `runs` are the stretches of consecutive free slots (a block cannot cross a break, a meeting
    or a night); `run_day` says which day each belongs to. A task may use slots from `release`
    (the first slot from the start of its `available` day) up to, not including, `deadline`.
    """
    tz = ZoneInfo(TZ)
    starts: list[datetime] = []
    runs: list[list[int]] = []
    run_day: list[int] = []
    for k, d in enumerate(sorted(free)):
        spans = sorted(free[d])
        merged: list[list[datetime]] = []
        for a, b in spans:
            if merged and merged[-1][1] == a:
                merged[-1][1] = b
            else:
                merged.append([a, b])
        for a, b in merged:
            n = int((b - a).total_seconds() // 60) // SLOT
            if n:
                runs.append([len(starts), len(starts) + n])
                run_day.append(k)
                starts += [a + timedelta(minutes=SLOT * i) for i in range(n)]
    tasks = []
    for t in inst.tasks:
        avail = t.get("available")
        rel = datetime.combine(avail, time(0), tz) if avail else None
        due = due_instant(t["due"])
        size = int(t["estimate"][:-1]) // SLOT
        tasks.append(
            {
                "id": t["id"],
                "size": size,
                "release": sum(1 for s in starts if rel is not None and s < rel),
                "deadline": sum(1 for s in starts if s + timedelta(minutes=SLOT) <= due),
                "important": bool(t["important"]),
                "min_block": min(size, max(1, inst.task_min_block(t) // SLOT)),
            }
        )
    return {
        "id": inst.seed,
        "slots": len(starts),
        "runs": runs,
        "run_day": run_day,
        "tasks": tasks,
        "starts": [int(s.timestamp()) // 60 for s in starts],
    }


def hint(model: dict[str, Any], blocks: list[tuple[datetime, datetime, str]]) -> list[int]:
    """A plan's blocks as the task index of each slot (-1: none), for the solver's search."""
    index = {t["id"]: i for i, t in enumerate(model["tasks"])}
    at = {m: s for s, m in enumerate(model["starts"])}
    owner = [-1] * model["slots"]
    for start, end, ref in blocks:
        m = int(start.timestamp()) // 60
        while m + SLOT <= int(end.timestamp()) // 60:
            if m in at and ref in index:
                owner[at[m]] = index[ref]
            m += SLOT
    return owner
