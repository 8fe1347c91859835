"""Issue 13's three measures: against an exact solver, stability day by day, and focus.

- exact: small seeded workspaces with release dates (bench/instances.py) planned by diklat and
  solved exactly by CP-SAT (bench/exact.py, in bench/.venv-ortools): late tasks against the
  optimum that keeps important tasks first, under the same block rule.
- focus: on the same plans, blocks shorter than the task's `min_block`, blocks per task and
  switches between tasks per day, against the least fragmented plan the solver finds.
- stability: a user follows the plan for ten working days of generated months, recording each
  evening what the plan put on that day; how much of the next three working days' plan moves
  from one morning to the next, with no new work and with one 1-hour task added; each month
  followed twice, each morning's plan keeping the evening's (as `diklat plan` does with its
  record in `.diklat/plans/`) and made afresh, with the tasks of the month that end up late.

diklat is reached only through bench/adapter.py; bench/following_report.py makes the tables.
"""

from __future__ import annotations

import itertools
import json
import random
import shutil
import statistics
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ORTOOLS_VENV = BENCH / ".venv-ortools"


def note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def ortools_python() -> str | None:
    """The Python of bench/.venv-ortools with ortools installed, made on first use with uv."""
    py = ORTOOLS_VENV / "bin" / "python"
    check = [str(py), "-c", "import ortools"]
    if py.exists() and subprocess.run(check, capture_output=True, check=False).returncode == 0:
        return str(py)
    uv = shutil.which("uv")
    if uv is None:
        note("SKIP exact solver: uv is needed to make bench/.venv-ortools")
        return None
    note(f"installing ortools into {ORTOOLS_VENV} ...")
    subprocess.run([uv, "venv", "-q", "--python", sys.executable, str(ORTOOLS_VENV)], check=False)
    subprocess.run(
        [uv, "pip", "install", "-q", "--python", str(py), "ortools"],
        check=False,
        capture_output=True,
    )
    if py.exists() and subprocess.run(check, capture_output=True, check=False).returncode == 0:
        return str(py)
    note("SKIP exact solver: ortools could not be installed")
    return None


def ortools_version(py: str) -> str:
    out = subprocess.run(
        [py, "-c", "import ortools; print(ortools.__version__)"],
        capture_output=True,
        text=True,
        check=False,
    )
    return out.stdout.strip()


# --- diklat's plan of one small instance, as numbers -----------------------------------------


def merged_blocks(plan: Any) -> dict[date, list[tuple[datetime, datetime, str]]]:
    """Each day's task blocks, touching pieces of one task joined (pomodoro cuts, split reasons)."""
    out: dict[date, list[tuple[datetime, datetime, str]]] = {}
    for d, blocks in plan.blocks.items():
        day: list[tuple[datetime, datetime, str]] = []
        for b in blocks:
            if day and day[-1][2] == b.ref and day[-1][1] == b.start:
                day[-1] = (day[-1][0], b.end, b.ref)
            else:
                day.append((b.start, b.end, b.ref))
        out[d] = day
    return out


def diklat_figures(inst: Any, plan: Any) -> dict[str, Any]:
    tasks = {t["id"]: t for t in inst.tasks}
    late = sorted(t.id for t in plan.tasks.values() if t.late)
    blocks = merged_blocks(plan)
    short, slivers, n_blocks, switches = 0, 0, 0, 0
    lengths: list[int] = []
    # minutes of important and other work, and of them before noon (planning.focus)
    minutes_by = {True: [0, 0], False: [0, 0]}
    for day in blocks.values():
        n_blocks += len(day)
        switches += sum(1 for a, b in itertools.pairwise(day) if a[2] != b[2])
        for start, end, ref in day:
            t = tasks.get(ref)
            if t is None:
                continue
            minutes = int((end - start).total_seconds() // 60)
            lengths.append(minutes)
            minutes_by[t["important"]][0] += minutes
            minutes_by[t["important"]][1] += minutes if start.hour < 12 else 0
            if minutes < min(inst.task_min_block(t), int(t["estimate"][:-1])):
                short += 1
                slivers += minutes <= 15
    return {
        "late": len(late),
        "late_important": sum(1 for x in late if tasks[x]["important"]),
        "late_ids": late,
        "blocks": n_blocks,
        "switches": switches,
        "short_blocks": short,
        "slivers_15m": slivers,
        "block_minutes": lengths,
        "important_minutes": minutes_by[True],
        "other_minutes": minutes_by[False],
    }


def small_runs(count: int, work: Path, time_limit: float, py: str | None) -> list[dict[str, Any]]:
    """Generate, plan and (with ortools) solve `count` small instances; one row each."""
    import adapter
    import instances

    note(f"exact: {count} small instances, planned by diklat and solved by CP-SAT")
    rows: list[dict[str, Any]] = []
    models: list[str] = []
    shutil.rmtree(work, ignore_errors=True)
    for seed in range(1, count + 1):
        folder = work / f"small-{seed:03d}"
        inst = instances.small(seed, folder)
        last = inst.first + timedelta(days=inst.days - 1)
        free = adapter.free_time(folder, inst.first, last)
        model = instances.slot_model(inst, free)
        plan = adapter.plan(folder, inst.first)
        blocks = [b for day in merged_blocks(plan).values() for b in day]
        row = {
            "seed": seed,
            "first": inst.first.isoformat(),
            "days": inst.days,
            "tasks": len(inst.tasks),
            "important": sum(1 for t in inst.tasks if t["important"]),
            "released_later": sum(1 for t in inst.tasks if t.get("available")),
            "load": inst.load,
            "working_days": len(set(model["run_day"])),
            "diklat": diklat_figures(inst, plan),
        }
        hint = {"hint": instances.hint(model, blocks), "hint_late": row["diklat"]["late_ids"]}
        models.append(json.dumps({**model, **hint}))
        rows.append(row)
    if py is None:
        return rows
    out = subprocess.run(
        [py, str(BENCH / "exact.py"), "--time-limit", str(time_limit)],
        input="\n".join(models) + "\n",
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode != 0:
        note("exact solver failed: " + (out.stderr.strip().splitlines() or ["?"])[-1])
        return rows
    solved = {r["id"]: r for r in map(json.loads, out.stdout.splitlines())}
    for row in rows:
        row["exact"] = solved.get(row["seed"], {})
    return rows


def exact_summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """diklat against the optimum under the block rule (and the bound with any split)."""
    both = [r for r in rows if r.get("exact", {}).get("blocks", {}).get("late") is not None]
    s: dict[str, Any] = {"instances": len(rows), "solved": len(both)}
    if not both:
        return s
    opt = [(r["exact"]["blocks"]["late_important"], r["exact"]["blocks"]["late"]) for r in both]
    dik = [(r["diklat"]["late_important"], r["diklat"]["late"]) for r in both]
    pre = [r["exact"]["preemptive"].get("late", 0) for r in both]
    ratios = [d[1] / o[1] for d, o in zip(dik, opt, strict=True) if o[1] > 0]
    feasible = [i for i, o in enumerate(opt) if o[1] == 0]
    s.update(
        proven_optimal=sum(
            r["exact"]["blocks"]["status"] == "OPTIMAL"
            and r["exact"]["preemptive"].get("status") == "OPTIMAL"
            for r in both
        ),
        equal=sum(d == o for d, o in zip(dik, opt, strict=True)),
        better=sum(d < o for d, o in zip(dik, opt, strict=True)),
        worse=sum(d > o for d, o in zip(dik, opt, strict=True)),
        late_diklat=sum(d[1] for d in dik),
        late_optimum=sum(o[1] for o in opt),
        late_preemptive=sum(pre),
        late_important_diklat=sum(d[0] for d in dik),
        late_important_optimum=sum(o[0] for o in opt),
        important_avoidable=[
            r["seed"] for r, d, o in zip(both, dik, opt, strict=True) if d[0] > o[0]
        ],
        mean_ratio=statistics.fmean(ratios) if ratios else None,
        worst_ratio=max(ratios) if ratios else None,
        worst=sorted(
            ((d[1], o[1], r["seed"]) for r, d, o in zip(both, dik, opt, strict=True)),
            key=lambda x: (-(x[0] - x[1]), x[2]),
        )[:5],
        all_feasible=len(feasible),
        feasible_missed=[both[i]["seed"] for i in feasible if dik[i][1] > 0],
        loads=(min(r["load"] for r in both), max(r["load"] for r in both)),
    )
    return s


def _morning_share(rows: list[dict[str, Any]], key: str) -> float:
    """The share of these minutes placed before noon, over all plans."""
    pairs = [r["diklat"].get(key, [0, 0]) for r in rows]
    return sum(p[1] for p in pairs) / max(1, sum(p[0] for p in pairs))


def focus_summary(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Short blocks in every plan; fragments against the least fragmented plan where all fit."""
    with_short = [r for r in rows if r["diklat"]["short_blocks"]]
    s: dict[str, Any] = {
        "plans": len(rows),
        "short_blocks": sum(r["diklat"]["short_blocks"] for r in rows),
        "slivers_15m": sum(r["diklat"]["slivers_15m"] for r in rows),
        "plans_with_short": len(with_short),
    }
    lengths = [m for r in rows for m in r["diklat"]["block_minutes"]]
    s.update(
        blocks_per_task=sum(r["diklat"]["blocks"] for r in rows) / sum(r["tasks"] for r in rows),
        switches_per_day=sum(r["diklat"]["switches"] for r in rows)
        / max(1, sum(r["working_days"] for r in rows)),
        median_block=statistics.median(lengths) if lengths else 0,
        morning_important=_morning_share(rows, "important_minutes"),
        morning_other=_morning_share(rows, "other_minutes"),
    )
    judged = [r for r in with_short if "blocks" in r.get("exact", {})]
    s["judged"] = len(judged)
    s["short_not_needed"] = sum(
        1
        for r in judged
        if (r["exact"]["blocks"]["late_important"], r["exact"]["blocks"]["late"])
        <= (r["diklat"]["late_important"], r["diklat"]["late"])
    )
    cmp = [
        r
        for r in rows
        if r.get("exact", {}).get("focus", {}).get("blocks") is not None
        and r["diklat"]["late"] == 0
    ]
    s["compared"] = len(cmp)
    if cmp:
        tasks = sum(r["tasks"] for r in cmp)
        days = sum(r["working_days"] for r in cmp)
        s.update(
            blocks_diklat=sum(r["diklat"]["blocks"] for r in cmp),
            blocks_least=sum(r["exact"]["focus"]["blocks"] for r in cmp),
            tasks=tasks,
            days=days,
            switches_diklat=sum(r["diklat"]["switches"] for r in cmp),
            switches_least=sum(r["exact"]["focus"]["switches"] for r in cmp),
            least_proven=sum(r["exact"]["focus"]["status"] == "OPTIMAL" for r in cmp),
        )
    return s


# --- stability: following the plan day by day ------------------------------------------------


def task_minutes(plan: Any, days: list[date]) -> dict[int, str]:
    """Minute (since the epoch) -> task, for the task blocks of `days`."""
    out: dict[int, str] = {}
    for d in days:
        for b in plan.blocks.get(d, []):
            first = int(b.start.timestamp()) // 60
            for m in range(first, first + b.minutes):
                out[m] = b.ref
    return out


def changed(old: dict[int, str], new: dict[int, str]) -> tuple[float, int]:
    """(share of the planned minutes, either plan's, that changed task; minutes of the old
    plan's work now elsewhere)."""
    keys = old.keys() | new.keys()
    if not keys:
        return 0.0, 0
    diff = sum(1 for m in keys if old.get(m) != new.get(m))
    moved = sum(1 for m, ref in old.items() if new.get(m) != ref)
    return diff / len(keys), moved


def follow(seed: int, work: Path, days: int, keep: bool = False) -> dict[str, Any]:
    """Follow one generated month for `days` working days, each morning's plan keeping the
    evening's (`keep`, as `diklat plan` does with its record) or made afresh: one row per morning
    after the first, and the tasks of the month that end up late."""
    import adapter
    import instances

    mode = "kept" if keep else "afresh"
    folder = work / f"month-{seed:03d}-{mode}"
    shutil.rmtree(folder, ignore_errors=True)
    inst = instances.month(seed, folder)
    free = adapter.free_time(folder, inst.first, inst.first + timedelta(days=inst.days - 1))
    working = [d for d in sorted(free) if free[d]]
    rng = random.Random(seed * 7919)
    tz = instances.ZoneInfo(instances.TZ)
    mornings = []
    late_done: list[Any] = []
    before = adapter.plan(folder, working[0])
    for i in range(1, days + 1):
        late_done += _record_day(folder, before, working[i - 1], tz)
        evening = datetime.combine(working[i - 1], time(17, 0), tz)
        kept = (before, evening) if keep else (None, None)
        ahead = working[i : i + 3]
        now = adapter.plan(folder, working[i], *kept)
        share, moved = changed(task_minutes(before, ahead), task_minutes(now, ahead))
        fell_back = keep and now.moved > 0 and now.blocks == adapter.plan(folder, working[i]).blocks
        extra = folder / "tambahan.toml"
        due = working[min(len(working) - 1, i + rng.randint(1, 5))]
        extra.write_text(
            "[[task]]\nid = 'tambahan'\ntitle = 'Tugas tambahan'\nestimate = '1h'\n"
            f"due = {due.isoformat()}\nimportant = {'true' if rng.random() < 0.3 else 'false'}\n",
            "utf-8",
        )
        added = adapter.plan(folder, working[i], *kept)
        fell_back_added = (
            keep and added.moved > 0 and added.blocks == adapter.plan(folder, working[i]).blocks
        )
        extra.unlink()
        share_added, moved_added = changed(task_minutes(before, ahead), task_minutes(added, ahead))
        mornings.append(
            {
                "seed": seed,
                "mode": mode,
                "day": working[i].isoformat(),
                "share": share,
                "moved": moved,
                "plan_moved": now.moved,
                "fell_back": fell_back,
                "entering": entering(before, now),
                "share_added": share_added,
                "moved_added": moved_added,
                "plan_moved_added": added.moved,
                "fell_back_added": fell_back_added,
                "need_added": sum(
                    b.minutes for d in ahead for b in added.blocks.get(d, []) if b.ref == "tambahan"
                ),
            }
        )
        before = now
    late = late_done + late_ahead(before)
    return {
        "seed": seed,
        "mode": mode,
        "mornings": mornings,
        "late": sorted(t.id for t in late),
        "late_important": sorted(t.id for t in late if t.important),
    }


def entering(before: Any, now: Any) -> int:
    """The tasks whose deadline comes into the horizon with `now`'s plan: after the last day of
    `before`'s, up to `now`'s (yesterday's plan had them beyond its horizon)."""
    a, b = max(before.working, default=before.today), max(now.working, default=now.today)
    return sum(1 for t in now.tasks.values() if t.due and a < t.due.date() <= b)


def late_ahead(plan: Any) -> list[Any]:
    """The open tasks late in `plan` whose deadline falls within its horizon (one due beyond it
    may simply not be placed yet)."""
    end = max(plan.working, default=plan.today)
    return [t for t in plan.tasks.values() if t.late and t.due and t.due.date() <= end]


def _record_day(folder: Path, plan: Any, day: date, tz: Any) -> list[Any]:
    """The evening's `diklat done`: a task finished that day as done, else the minutes spent.
    Returns the tasks finished that day after their deadline."""
    import adapter

    spent: dict[str, int] = {}
    for b in plan.blocks.get(day, []):
        spent[b.ref] = spent.get(b.ref, 0) + b.minutes
    evening = datetime.combine(day, time(17, 0), tz)
    late = []
    for ref, minutes in spent.items():
        t = plan.tasks.get(ref)
        finished = (
            t is not None and t.remaining_minutes == 0 and t.finish and t.finish.date() == day
        )
        adapter.record(folder, ref, evening, None if finished else minutes)
        if finished and t.due is not None and t.finish > t.due:
            late.append(t)
    return late


def _stats(xs: list[float]) -> dict[str, float]:
    return {
        "mean": statistics.fmean(xs),
        "median": statistics.median(xs),
        "max": max(xs),
        "over_quarter": sum(1 for x in xs if x > 0.25) / len(xs),
        "unchanged": sum(1 for x in xs if x == 0) / len(xs),
    }


def _mode_summary(months: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures of one way of planning each morning (keeping the evening's plan, or afresh)."""
    mornings = [m for month in months for m in month["mornings"]]
    need = sum(m["need_added"] for m in mornings)
    moved = sum(m["moved_added"] for m in mornings)
    return {
        "months": len(months),
        "mornings": len(mornings),
        "nothing_new": _stats([m["share"] for m in mornings]),
        "one_task": _stats([m["share_added"] for m in mornings]),
        "moved_nothing_new": statistics.fmean(m["moved"] for m in mornings),
        "moved_one_task": statistics.fmean(m["moved_added"] for m in mornings),
        "plan_moved_nothing_new": statistics.fmean(m["plan_moved"] > 0 for m in mornings),
        "plan_moved_one_task": statistics.fmean(m["plan_moved_added"] > 0 for m in mornings),
        "need_one_task": statistics.fmean(m["need_added"] for m in mornings),
        "listed_nothing_new": sum(m["plan_moved"] > 0 for m in mornings),
        "fell_back_nothing_new": sum(m["fell_back"] for m in mornings),
        "entering_when_listed": sum(m["plan_moved"] > 0 and m["entering"] > 0 for m in mornings),
        "listed_one_task": sum(m["plan_moved_added"] > 0 for m in mornings),
        "fell_back_one_task": sum(m["fell_back_added"] for m in mornings),
        "moved_fell_back_nothing_new": sum(m["moved"] for m in mornings if m["fell_back"]),
        "moved_fell_back_one_task": sum(m["moved_added"] for m in mornings if m["fell_back_added"]),
        "moved_total_nothing_new": sum(m["moved"] for m in mornings),
        "moved_total_one_task": moved,
        "kept_one_task": _kept_only(mornings),
        "moved_per_needed": moved / need if need else None,
        "moved_more_than_needed": sum(m["moved_added"] > m["need_added"] for m in mornings),
        "late": sum(len(x["late"]) for x in months),
        "late_important": sum(len(x["late_important"]) for x in months),
        "worst": sorted(mornings, key=lambda m: (-m["share"], m["seed"]))[:3],
        "worst_added": sorted(
            mornings, key=lambda m: (-(m["moved_added"] - m["need_added"]), m["seed"])
        )[:3],
    }


def _kept_only(mornings: list[dict[str, Any]]) -> dict[str, Any]:
    """One task added, on the mornings whose plan still keeps yesterday's (not the plan afresh)."""
    rows = [m for m in mornings if not m["fell_back_added"]]
    need = sum(m["need_added"] for m in rows)
    return {
        "mornings": len(rows),
        "moved": sum(m["moved_added"] for m in rows),
        "need": need,
        "moved_per_needed": sum(m["moved_added"] for m in rows) / need if need else None,
        "moved_more_than_needed": sum(m["moved_added"] > m["need_added"] for m in rows),
    }


def stability_summary(months: list[dict[str, Any]]) -> dict[str, Any]:
    """Each way of planning the mornings on its own ("kept": with yesterday's plan, "afresh")."""
    modes = {
        mode: _mode_summary(rows)
        for mode in ("kept", "afresh")
        if (rows := [m for m in months if m["mode"] == mode])
    }
    if not any(m["mornings"] for m in modes.values()):
        return {"mornings": 0}
    first = next(iter(modes.values()))
    return {"months": first["months"], "mornings": first["mornings"], **modes}


def stability_runs(months: int, days: int, work: Path) -> list[dict[str, Any]]:
    """Follow each month twice: keeping the evening's plan (where the planner can) and afresh."""
    import adapter

    modes = (True, False) if adapter.keeps_previous() else (False,)
    note(
        f"stability: following the plan for {days} working days of {months} generated months"
        + (", with yesterday's plan and afresh" if len(modes) == 2 else ", afresh")
    )
    return [follow(seed, work, days, keep) for seed in range(1, months + 1) for keep in modes]
