"""How long `make_plan` takes on the 10,000-task years with the last plan as an input.

`diklat plan` for today keeps the plan it recorded in `.diklat/plans/` (issue 13), so every
morning's plan now starts from a record. This times, in this process, `make_plan` on the
generated years of bench/generate.py (the ones `--only scale,quality` plan from scratch):

- afresh: no previous plan;
- same day: with the record of the plan just made for the same day (the second `diklat plan`
  of a morning: nothing to move);
- next day: the next day's plan once the day's blocks are recorded as done (as bench/measures.py
  records them), afresh and with the record of this day's plan (the first `diklat plan` of a
  morning after following the plan);
- day skipped: the next day's plan with the record but nothing recorded (the day's planned work
  was not done and must go elsewhere).

The runs of the cases are interleaved (A, B, C, ...) after one warm-up each, and each case is
reported by the least wall and CPU time of `--runs` (7). Run with
`uv run python bench/keep_timing.py [--sizes 10000] [--runs 7]`.
"""

from __future__ import annotations

import argparse
import sys
import time as clock
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results"


def _timed(fn: Callable[[], Any]) -> tuple[float, float]:
    w0, c0 = clock.perf_counter(), clock.process_time()
    fn()
    return clock.perf_counter() - w0, clock.process_time() - c0


def interleaved(cases: dict[str, Callable[[], Any]], runs: int) -> dict[str, dict[str, float]]:
    """The least wall and CPU seconds of each case over `runs` interleaved runs."""
    for fn in cases.values():
        fn()
    got: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, fn in cases.items():
            got[name].append(_timed(fn))
    return {
        name: {"wall": min(w for w, _ in xs), "cpu": min(c for _, c in xs)}
        for name, xs in got.items()
    }


def workspace(n: int, load: str) -> Path:
    """The generated year of `n` tasks at `load`, written (as run.py does) when missing."""
    from generate import cached_holidays, generate, write

    case = RESULTS / "work" / f"n{n}-{load}"
    if not (case / "workspace").is_dir():
        hol = cached_holidays(RESULTS / "holidays-cache.json")
        write(generate(n, load, holidays=hol, min_block="15m"), case)
    return case / "workspace"


def followed(plan: Any, day: date, evening: datetime) -> Any:
    """The progress after following `plan` on `day`: a task whose last block was that day done,
    else the minutes of its blocks spent (bench/measures.py's `diklat done`, in memory)."""
    from diklat_cli.workspace.state import Progress, record_progress

    progress = Progress()
    status = {t.id: t for t in plan.tasks}
    spent: dict[str, int] = {}
    for b in plan.day(day).blocks if plan.day(day) else ():
        if b.kind == "task" and b.ref:
            spent[b.ref] = spent.get(b.ref, 0) + int((b.end - b.start).total_seconds() // 60)
    for ref, minutes in spent.items():
        t = status.get(ref)
        finished = t is not None and not t.remaining_minutes and t.finish and t.finish.date() == day
        if finished:
            progress = record_progress(progress, ref, now=evening, done=True)
        else:
            progress = record_progress(progress, ref, now=evening, spent=minutes)
    return progress


def time_case(folder: Path, today: date, runs: int) -> dict[str, Any]:
    from diklat_cli.planning.previous import record_of
    from diklat_cli.planning.schedule import make_plan
    from diklat_cli.workspace.holidays_id import HolidayCache, holiday_data
    from diklat_cli.workspace.loader import load

    ws = load(folder)
    tomorrow = today + timedelta(days=1)
    last = tomorrow + timedelta(days=ws.planning.horizon_days)
    cache = HolidayCache(RESULTS / "holidays-cache.json")
    hol = holiday_data(
        range(today.year, last.year + 1), public=True, cuti_bersama=True, cache=cache
    )
    cache.save()
    tz = ZoneInfo("Asia/Jakarta")
    plan = make_plan(ws, today, holidays=hol)
    record = record_of(plan, datetime.combine(today, time(7), tz))
    done = followed(plan, today, datetime.combine(today, time(17), tz))
    cases: dict[str, Callable[[], Any]] = {
        "afresh": lambda: make_plan(ws, today, holidays=hol),
        "same_day": lambda: make_plan(ws, today, holidays=hol, previous=record),
        "next_afresh": lambda: make_plan(ws, tomorrow, holidays=hol, progress=done),
        "next_kept": lambda: make_plan(ws, tomorrow, holidays=hol, progress=done, previous=record),
        "skipped": lambda: make_plan(ws, tomorrow, holidays=hol, previous=record),
    }
    same, nxt, skipped = cases["same_day"](), cases["next_kept"](), cases["skipped"]()
    return {
        "tasks": len(ws.tasks),
        "recorded_blocks": len(record.blocks),
        "same_day_equal": [d.blocks for d in same.days] == [d.blocks for d in plan.days],
        "moved": {"same_day": len(same.moved), "next_kept": len(nxt.moved)}
        | {"skipped": len(skipped.moved)},
        "times": interleaved(cases, runs),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="10000", help="comma-separated N (10000)")
    parser.add_argument("--runs", type=int, default=7, help="runs of each case (7)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(BENCH))
    from generate import LOADS, TODAY

    print(
        "| N | load | recorded blocks | afresh | same day, kept | next day afresh | "
        "next day, kept | day skipped, kept | moves listed: same day / next day / skipped |"
    )
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in (int(s) for s in args.sizes.split(",")):
        for load in LOADS:
            r = time_case(workspace(n, load), TODAY, args.runs)
            t, m = r["times"], r["moved"]
            cells = [f"{t[k]['wall'] * 1000:.0f} ms ({t[k]['cpu'] * 1000:.0f} CPU)" for k in t]
            print(
                f"| {n:,} | {load} | {r['recorded_blocks']:,} | {' | '.join(cells)} | "
                f"{m['same_day']} / {m['next_kept']} / {m['skipped']}"
                f"{'' if r['same_day_equal'] else ' (same day differs!)'} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
