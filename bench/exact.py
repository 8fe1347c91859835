"""The exact optimum of small instances with release dates, by CP-SAT (OR-Tools).

Runs in its own environment (bench/.venv-ortools, made by bench/run.py), so it imports nothing of
diklat: it reads the slot models bench/instances.py writes (one JSON object a line on stdin) and
prints one JSON result a line.

Time is a line of 15-minute slots of free working time, cut into `runs` (a block cannot cross a
break, a meeting or a night). Task t may use the slots [release, deadline); it is on time when
all its `size` slots lie there. Late work is not placed at all: only which tasks can be on time
matters for the count. Three solves per instance:

- `preemptive`: any split allowed. No plan can have fewer late tasks (a bound). Slots between
  two consecutive releases or deadlines are alike to every task, so this one counts slots per
  such segment (small and fast) instead of placing each slot.
- `blocks`: every block at least min(min_block, size) slots, the rule diklat keeps except where a
  deadline needs a sliver. Both minimise (late important, late) lexicographically: no important
  task late when the important tasks alone fit, then the fewest late.
- `focus` (when every task can be on time under the block rule): a least fragmented plan with
  every task on time (fewest blocks, then each task's work of a day together), as intervals.

Usage: python exact.py [--time-limit SECONDS] < models.jsonl > results.jsonl
"""

from __future__ import annotations

import itertools
import json
import sys
import time
from typing import Any

from ortools.sat.python import cp_model


class Model:
    """The block rule's model. x[t][s]: slot s goes to task t; on[t]: task t is on time (all its
    slots in its window); every block at least min(min_block, size) slots in one run."""

    def __init__(self, inst: dict[str, Any]) -> None:
        self.inst = inst
        self.m = cp_model.CpModel()
        self.run_of = [0] * inst["slots"]
        for r, (a, b) in enumerate(inst["runs"]):
            for s in range(a, b):
                self.run_of[s] = r
        self.x: list[dict[int, cp_model.IntVar]] = []
        self.on: list[cp_model.IntVar] = []
        self.starts: list[cp_model.LinearExpr] = []  # one term per block start
        by_slot: dict[int, list[cp_model.IntVar]] = {}
        for i, t in enumerate(inst["tasks"]):
            window = range(t["release"], min(t["deadline"], inst["slots"]))
            xs = {s: self.m.new_bool_var(f"x{i}_{s}") for s in window}
            on = self.m.new_bool_var(f"on{i}")
            self.m.add(sum(xs.values()) == t["size"] * on)
            for s, v in xs.items():
                by_slot.setdefault(s, []).append(v)
            self.x.append(xs)
            self.on.append(on)
            self._min_block(xs, t["min_block"])
        for vs in by_slot.values():
            self.m.add_at_most_one(vs)

    def prev(self, xs: dict[int, cp_model.IntVar], s: int) -> cp_model.IntVar | int:
        """The task's variable of the slot before s in the same run, or 0."""
        if s - 1 in xs and self.run_of[s - 1] == self.run_of[s]:
            return xs[s - 1]
        return 0

    def _min_block(self, xs: dict[int, cp_model.IntVar], k: int) -> None:
        runs = self.inst["runs"]
        for s, v in xs.items():
            start = v - self.prev(xs, s)
            end = runs[self.run_of[s]][1]
            if any(s + j not in xs or s + j >= end for j in range(k)):
                self.m.add(start <= 0)  # a block starting here could not reach its minimum
                continue
            for j in range(1, k):
                self.m.add(xs[s + j] >= start)

    def late_counts(self) -> tuple[cp_model.LinearExpr, cp_model.LinearExpr]:
        tasks = self.inst["tasks"]
        late_imp = sum(1 - on for on, t in zip(self.on, tasks, strict=True) if t["important"])
        late = sum(1 - on for on in self.on)
        return late_imp, late


def solve(model: Model, limit: float) -> tuple[cp_model.CpSolver, str]:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = limit
    solver.parameters.num_workers = 2
    solver.parameters.random_seed = 1
    status = solver.solve(model.m)
    return solver, solver.status_name(status)


def late_result(inst: dict[str, Any], on_time: list[bool], status: str) -> dict[str, Any]:
    late_ids = [t["id"] for t, ok in zip(inst["tasks"], on_time, strict=True) if not ok]
    imp = {t["id"] for t in inst["tasks"] if t["important"]}
    return {
        "status": status,
        "late": len(late_ids),
        "late_important": sum(1 for x in late_ids if x in imp),
        "late_ids": late_ids,
    }


def preemptive(inst: dict[str, Any], limit: float) -> dict[str, Any]:
    """(late important, late) with any split: slots between two consecutive releases or
    deadlines are alike to every task, so only how many of them each task gets matters."""
    tasks = inst["tasks"]
    cuts = sorted(
        {0, inst["slots"], *(t["release"] for t in tasks), *(t["deadline"] for t in tasks)}
    )
    segments = [(a, b) for a, b in itertools.pairwise(cuts) if b > a]
    m = cp_model.CpModel()
    on = [m.new_bool_var(f"on{i}") for i in range(len(tasks))]
    load: dict[int, list[cp_model.IntVar]] = {}
    for i, t in enumerate(tasks):
        parts = []
        for g, (a, b) in enumerate(segments):
            if t["release"] <= a and b <= min(t["deadline"], inst["slots"]):
                v = m.new_int_var(0, b - a, f"a{i}_{g}")
                parts.append(v)
                load.setdefault(g, []).append(v)
        m.add(sum(parts) == t["size"] * on[i])
    for g, vs in load.items():
        m.add(sum(vs) <= segments[g][1] - segments[g][0])
    weight = len(tasks) + 1
    m.minimize(
        sum((weight if t["important"] else 1) * (1 - o) for t, o in zip(tasks, on, strict=True))
    )
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = limit
    solver.parameters.num_workers = 2
    status = solver.status_name(solver.solve(m))
    if status not in ("OPTIMAL", "FEASIBLE"):
        return {"status": status}
    return late_result(inst, [solver.boolean_value(o) for o in on], status)


def with_blocks(inst: dict[str, Any], limit: float, bound: dict[str, Any]) -> dict[str, Any]:
    """(late important, late) under the block rule, as one weighted objective. diklat's own
    plan (`hint`, `hint_late`) is where the search starts; the optimum with any split (`bound`)
    is a floor, which often proves the first plan found optimal at once."""
    model = Model(inst)
    late_imp, late = model.late_counts()
    weight = len(inst["tasks"]) + 1
    model.m.minimize(weight * late_imp + late)
    if bound.get("status") == "OPTIMAL":
        model.m.add(weight * late_imp + late >= weight * bound["late_important"] + bound["late"])
    if inst.get("hint"):
        for i, (t, xs) in enumerate(zip(inst["tasks"], model.x, strict=True)):
            on_time = t["id"] not in inst.get("hint_late", [])
            model.m.add_hint(model.on[i], on_time)
            for s, v in xs.items():
                model.m.add_hint(v, on_time and inst["hint"][s] == i)
    solver, status = solve(model, limit)
    if status not in ("OPTIMAL", "FEASIBLE"):
        return {"status": status}
    on_time = [solver.boolean_value(on) for on in model.on]
    return {**late_result(inst, on_time, status), "owner": owners(model, solver)}


def owners(model: Model, solver: cp_model.CpSolver) -> list[int]:
    """The plan found: the task index of each slot, -1 where it stays free."""
    owner = [-1] * model.inst["slots"]
    for i, xs in enumerate(model.x):
        for s, v in xs.items():
            if solver.boolean_value(v):
                owner[s] = i
    return owner


def focus(inst: dict[str, Any], limit: float) -> dict[str, Any]:
    """A least fragmented plan with every task on time under the block rule.

    Scheduling intervals rather than slots: at most one block of a task between two breaks (a
    second one there would mean a switch away and back), each at least its minimum and inside
    the task's window, none overlapping. Fewest blocks plus (task, day) pairs: each task's work
    of a day then sits together, which is what switches count.
    """
    m = cp_model.CpModel()
    tasks, runs = inst["tasks"], inst["runs"]
    pieces: list[list[tuple[int, cp_model.IntVar, cp_model.IntVar, cp_model.IntVar]]] = []
    intervals, day_terms = [], []
    for i, t in enumerate(tasks):
        mine = []
        for r, (a, b) in enumerate(runs):
            lo, hi = max(a, t["release"]), min(b, t["deadline"])
            if hi - lo < t["min_block"]:
                continue
            here = m.new_bool_var(f"p{i}_{r}")
            start = m.new_int_var(lo, hi - t["min_block"], f"s{i}_{r}")
            size = m.new_int_var(0, hi - lo, f"l{i}_{r}")
            m.add(size >= t["min_block"]).only_enforce_if(here)
            m.add(size == 0).only_enforce_if(~here)
            end = m.new_int_var(lo, hi, f"e{i}_{r}")
            intervals.append(m.new_optional_interval_var(start, size, end, here, f"i{i}_{r}"))
            mine.append((r, here, start, size))
        m.add(sum(size for _, _, _, size in mine) == t["size"])
        by_day: dict[int, list[cp_model.IntVar]] = {}
        for r, here, _, _ in mine:
            by_day.setdefault(inst["run_day"][r], []).append(here)
        for d, heres in by_day.items():
            worked = m.new_bool_var(f"d{i}_{d}")
            m.add_max_equality(worked, heres)
            day_terms.append(worked)
        pieces.append(mine)
    m.add_no_overlap(intervals)
    m.minimize(sum(here for mine in pieces for _, here, _, _ in mine) + sum(day_terms))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = limit
    solver.parameters.num_workers = 2
    solver.parameters.random_seed = 1
    status = solver.status_name(solver.solve(m))
    if status not in ("OPTIMAL", "FEASIBLE"):
        return {"status": status}
    owner = [-1] * inst["slots"]
    for i, mine in enumerate(pieces):
        for _, here, start, size in mine:
            if solver.boolean_value(here):
                first = solver.value(start)
                owner[first : first + solver.value(size)] = [i] * solver.value(size)
    return {"status": status, **fragments(inst, owner), "owner": owner}


def fragments(inst: dict[str, Any], owner: list[int]) -> dict[str, Any]:
    """Blocks (maximal runs of one task's slots inside one run) and switches per day."""
    blocks = 0
    seq_by_day: dict[int, list[int]] = {}
    for r, (a, b) in enumerate(inst["runs"]):
        day = seq_by_day.setdefault(inst["run_day"][r], [])
        for s in range(a, b):
            o = owner[s]
            if o < 0:
                continue
            if s == a or owner[s - 1] != o:
                blocks += 1
            if not day or day[-1] != o:
                day.append(o)
    switches = {d: max(0, len(seq) - 1) for d, seq in seq_by_day.items()}
    return {"blocks": blocks, "switches": sum(switches.values()), "days": len(seq_by_day)}


def main(argv: list[str]) -> int:
    limit = float(argv[argv.index("--time-limit") + 1]) if "--time-limit" in argv else 10.0
    for line in sys.stdin:
        if not line.strip():
            continue
        inst = json.loads(line)
        out: dict[str, Any] = {"id": inst["id"]}
        t0 = time.perf_counter()
        out["preemptive"] = preemptive(inst, limit)
        out["blocks"] = with_blocks(inst, limit, out["preemptive"])
        t1 = time.perf_counter()
        if out["blocks"].get("late") == 0:
            out["focus"] = focus(inst, limit)
        out["seconds"] = {"late": t1 - t0, "focus": time.perf_counter() - t1}
        print(json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
