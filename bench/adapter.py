"""The one place where the plan-following benchmarks (exact, stability, focus) reach into diklat.

Everything else in bench/measures.py sees plain values: a plan is the task blocks of each day and
each task's state, with the names of the `diklat plan --format json` contract. Two ways in, the
same plan (tests/test_bench_exact.py checks they agree):

- "api" (the default): `make_plan` in this process, as `diklat plan --date DAY` calls it. The
  planner's signature is being reshaped (its `lang` parameter goes away, `previous` came), so
  only the arguments it takes are passed. Progress is recorded with the functions `diklat done`
  calls. Given the plan of the evening before (`after`), the morning's plan keeps it as
  `diklat plan` does with the plan it recorded in `.diklat/plans/` (`previous=record_of(...)`),
  where the planner takes a previous plan at all (`keeps_previous`).
- "cli" (`bench/run.py --via cli`): the `diklat` command itself, `plan --format json` and
  `done`, in a child process each time: slower, and independent of the core's signature. The
  command records its plan only when it plans the real today, never with `--date`, so this way
  every plan is made afresh.
"""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
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
    moved: int = 0  # entries of Plan.moved: the last plan's blocks this one did not keep
    source: Any = field(default=None, compare=False, repr=False)  # the Plan itself (api only)


VIA = ["api"]  # or "cli"


def use(via: str) -> None:
    """Plan and record through the API (in process) or the `diklat` command."""
    if via not in ("api", "cli"):
        raise ValueError(via)
    VIA[0] = via


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


def keeps_previous() -> bool:
    """Whether a plan made here keeps the last one: in process, with a planner that takes it
    (the planners before issue 13's `previous` plan afresh, which gives the "before")."""
    return VIA[0] == "api" and "previous" in _make_plan_params()


def plan(
    folder: Path, today: date, after: PlanView | None = None, made: datetime | None = None
) -> PlanView:
    """diklat's plan of the workspace in `folder` from the morning of `today`, with its progress;
    keeping `after`, the plan recorded at `made` (the evening before), where `keeps_previous`."""
    if VIA[0] == "cli":
        return from_json(json.loads(cli(folder, *plan_args(folder, today))))
    from diklat_cli.planning.schedule import make_plan

    ws = load(folder)
    last = today + timedelta(days=ws.planning.horizon_days)
    kwargs: dict[str, Any] = {
        "holidays": holidays(today, last),
        "progress": load_progress(folder / STATE_DIR),
    }
    if "lang" in _make_plan_params():
        kwargs["lang"] = "en"
    if after is not None and after.source is not None and keeps_previous():
        from diklat_cli.planning.previous import record_of

        if made is None:
            raise ValueError("a plan kept needs the instant it was recorded at (made)")
        kwargs["previous"] = record_of(after.source, made)
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
    working = {d.date: d.working for d in p.days}
    return PlanView(today, working, blocks, tasks, len(getattr(p, "moved", ())), p)


def plan_args(folder: Path, today: date) -> list[str]:
    """`diklat plan` showing the whole horizon, and no more (more days would stretch it)."""
    days = load(folder).planning.horizon_days
    return ["plan", "--date", today.isoformat(), "--days", str(days), "--format", "json"]


def from_json(data: dict[str, Any]) -> PlanView:
    """A plan from `diklat plan --format json` (the contract's keys)."""

    def moment(value: str | None) -> datetime | None:
        return datetime.fromisoformat(value) if value else None

    tasks = {
        t["id"]: PlanTask(
            id=t["id"],
            important=bool(t.get("important", False)),
            due=moment(t.get("due")),
            finish=moment(t.get("finish")),
            remaining_minutes=t["remaining_minutes"],
            scheduled_minutes=t["scheduled_minutes"],
            estimate_minutes=t["estimate_minutes"],
            done=bool(t.get("done", False)),
        )
        for t in data["tasks"]
    }
    blocks = {
        date.fromisoformat(d["date"]): [
            PlanBlock(
                datetime.fromisoformat(b["start"]), datetime.fromisoformat(b["end"]), b["ref"]
            )
            for b in d["blocks"]
            if b["kind"] == "task" and b["ref"]
        ]
        for d in data["days"]
    }
    working = {date.fromisoformat(d["date"]): d["working"] for d in data["days"]}
    moved = len(data.get("moved", ()))
    return PlanView(date.fromisoformat(data["today"]), working, blocks, tasks, moved)


def cli(folder: Path, *args: str) -> str:
    """Run the `diklat` command on the workspace; its standard output."""
    cmd = [sys.executable, "-m", "diklat_cli", "-w", str(folder), *args]
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIKLAT_")}
    env["XDG_CACHE_HOME"] = str(Path(__file__).resolve().parent / "results" / "cli-cache")
    out = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    if out.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)}: exit {out.returncode}: {out.stderr.strip()}")
    return out.stdout


def record(folder: Path, ref: str, at: datetime, spent: int | None = None) -> None:
    """`diklat done REF` (spent=None) or `diklat done REF --spent Nm`, recorded at `at` (through
    the command: when it runs, which the plan does not read)."""
    if VIA[0] == "cli":
        cli(folder, "done", ref, *(["--spent", f"{spent}m"] if spent is not None else []))
        return
    state = folder / STATE_DIR
    progress = load_progress(state)
    if spent is None:
        updated = record_progress(progress, ref, now=at, done=True)
    else:
        updated = record_progress(progress, ref, now=at, spent=spent)
    save_progress(state, updated)
