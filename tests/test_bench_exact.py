"""The plan-following benchmark's inputs are honest: its workspaces load, its solver is exact.

bench/measures.py compares diklat with the optimum that bench/exact.py (CP-SAT) finds on
instances bench/instances.py writes. If the generator drifted from the workspace format, or the
solver's model from the rules it claims, every figure would be wrong. The solver needs OR-Tools,
which is not a dependency of diklat: those tests run where it is importable (here or in
bench/.venv-ortools, which bench/run.py makes) and are skipped otherwise.
"""

from __future__ import annotations

import itertools
import json
import random
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from diklat_cli.cli import main
from diklat_cli.workspace.loader import load

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import adapter  # noqa: E402
import instances  # noqa: E402
import measures  # noqa: E402


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_small_instances_are_workspaces_diklat_loads_and_plans(tmp_path: Path, seed: int) -> None:
    inst = instances.small(seed, tmp_path / "ws")
    ws = load(tmp_path / "ws")

    assert 3 <= len(ws.tasks) <= 12
    assert [t.id for t in ws.tasks] == [t["id"] for t in inst.tasks]
    assert all(t.estimate % instances.SLOT == 0 and t.due is not None for t in ws.tasks)
    assert ws.planning.horizon_days == inst.days
    plan = adapter.plan(tmp_path / "ws", inst.first)
    assert set(plan.tasks) == {t.id for t in ws.tasks}
    last = inst.first + timedelta(days=inst.days - 1)
    model = instances.slot_model(inst, adapter.free_time(tmp_path / "ws", inst.first, last))
    assert model["slots"] == sum(b - a for a, b in model["runs"])
    assert all(0 <= t["release"] <= model["slots"] for t in model["tasks"])


def test_months_load_and_recording_a_day_shrinks_the_plan(tmp_path: Path) -> None:
    inst = instances.month(4, tmp_path / "ws")
    assert 15 <= len(load(tmp_path / "ws").tasks) <= 30
    first = adapter.plan(tmp_path / "ws", inst.first)
    day = next(d for d in sorted(first.blocks) if first.blocks[d])
    measures._record_day(tmp_path / "ws", first, day, ZoneInfo("Asia/Jakarta"))
    after = adapter.plan(tmp_path / "ws", day + timedelta(days=1))
    worked = sum(b.minutes for b in first.blocks[day])
    assert worked > 0

    def left(plan: adapter.PlanView) -> int:
        return sum(t.estimate_minutes for t in plan.tasks.values() if not t.done)

    assert left(after) == left(first) - worked


def test_the_adapter_reads_the_plan_diklat_plan_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inst = instances.month(5, tmp_path / "ws")
    first = adapter.plan(tmp_path / "ws", inst.first)
    day = next(d for d in sorted(first.blocks) if first.blocks[d])
    adapter.record(tmp_path / "ws", first.blocks[day][0].ref, datetime(2027, 1, 1), spent=30)
    later = day + timedelta(days=1)

    capsys.readouterr()
    assert main(["-w", str(tmp_path / "ws"), *adapter.plan_args(tmp_path / "ws", later)]) in (0, 1)
    printed = adapter.from_json(json.loads(capsys.readouterr().out))
    in_process = adapter.plan(tmp_path / "ws", later)
    assert printed == in_process
    assert any(printed.blocks.values())


def test_changed_counts_minutes_that_change_task() -> None:
    old = {1: "a", 2: "a", 3: "b"}
    assert measures.changed(old, dict(old)) == (0.0, 0)
    assert measures.changed(old, {1: "a", 2: "b", 3: "b", 4: "c"}) == (0.5, 1)


# --- the exact solver against brute force ----------------------------------------------------


def _solver_python() -> str | None:
    for py in (sys.executable, str(BENCH / ".venv-ortools" / "bin" / "python")):
        if not Path(py).exists():
            continue
        ok = subprocess.run([py, "-c", "import ortools"], capture_output=True, check=False)
        if ok.returncode == 0:
            return py
    return None


def _tiny(rng: random.Random, ident: int) -> dict[str, Any]:
    """Up to 6 slots in two or three runs, 1-3 tasks, often one that must be one piece."""
    slots = rng.randint(4, 6)
    cuts = sorted(rng.sample(range(1, slots), rng.randint(1, 2)))
    bounds = [0, *cuts, slots]
    tasks = []
    for i in range(rng.randint(1, 3)):
        size = rng.randint(1, 4)
        release = rng.randint(0, slots - 1)
        tasks.append(
            {
                "id": f"t{i}",
                "size": size,
                "release": release,
                "deadline": rng.randint(release + 1, slots),
                "important": rng.random() < 0.4,
                "min_block": size if rng.random() < 0.5 else rng.randint(1, size),
            }
        )
    return {
        "id": ident,
        "slots": slots,
        "runs": [[a, b] for a, b in itertools.pairwise(bounds)],
        "run_day": [*sorted(rng.randint(0, 1) for _ in cuts), 1],
        "tasks": tasks,
    }


def _pieces(inst: dict[str, Any], owner: tuple[int, ...]) -> tuple[list[tuple[int, int]], int]:
    """Each block as (task, length), and the switches between tasks within a day."""
    blocks: list[tuple[int, int]] = []
    last: dict[int, int] = {}
    switches = 0
    for r, (a, b) in enumerate(inst["runs"]):
        day = inst["run_day"][r]
        for s in range(a, b):
            o = owner[s]
            if o < 0:
                continue
            if s > a and owner[s - 1] == o:
                blocks[-1] = (o, blocks[-1][1] + 1)
            else:
                blocks.append((o, 1))
            switches += day in last and last[day] != o
            last[day] = o
    return blocks, switches


def _brute(inst: dict[str, Any]) -> dict[str, Any]:
    tasks = inst["tasks"]
    best: dict[str, Any] = {"preemptive": None, "blocks": None, "focus": None}
    for owner in itertools.product(range(-1, len(tasks)), repeat=inst["slots"]):
        used = [[s for s, o in enumerate(owner) if o == i] for i in range(len(tasks))]
        if any(
            s < t["release"] or s >= t["deadline"]
            for t, u in zip(tasks, used, strict=True)
            for s in u
        ):
            continue
        if any(len(u) not in (0, t["size"]) for t, u in zip(tasks, used, strict=True)):
            continue
        late = [len(u) == 0 for u in used]
        key = (sum(x for x, t in zip(late, tasks, strict=True) if t["important"]), sum(late))
        best["preemptive"] = min(best["preemptive"] or key, key)
        blocks, switches = _pieces(inst, owner)
        if any(n < tasks[o]["min_block"] for o, n in blocks):
            continue
        best["blocks"] = min(best["blocks"] or key, key)
        if not any(late):
            frag = len(blocks) + switches
            best["focus"] = min(best["focus"] if best["focus"] is not None else frag, frag)
    return best


# Four slots in one run; b must take slot 1 and c slot 3, so a (two slots in one piece) cannot
# be on time with them: one task is late under the block rule, none with any split.
SPLIT_ONLY = {
    "id": 99,
    "slots": 4,
    "runs": [[0, 4]],
    "run_day": [0],
    "tasks": [
        {"id": "a", "size": 2, "release": 0, "deadline": 4, "important": True, "min_block": 2},
        {"id": "b", "size": 1, "release": 1, "deadline": 2, "important": False, "min_block": 1},
        {"id": "c", "size": 1, "release": 3, "deadline": 4, "important": False, "min_block": 1},
    ],
}


def test_the_exact_solver_agrees_with_brute_force_on_tiny_instances() -> None:
    py = _solver_python()
    if py is None:
        pytest.skip("OR-Tools is not installed (bench/run.py installs it in bench/.venv-ortools)")
    rng = random.Random(13)
    tiny = [_tiny(rng, i) for i in range(20)] + [SPLIT_ONLY]
    out = subprocess.run(
        [py, str(BENCH / "exact.py"), "--time-limit", "20"],
        input="\n".join(json.dumps(t) for t in tiny) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    results = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(results) == len(tiny)
    for inst, got in zip(tiny, results, strict=True):
        want = _brute(inst)
        for part in ("preemptive", "blocks"):
            assert got[part]["status"] == "OPTIMAL"
            assert (got[part]["late_important"], got[part]["late"]) == want[part], (part, inst)
        blocks, _ = _pieces(inst, tuple(got["blocks"]["owner"]))
        assert all(n >= inst["tasks"][o]["min_block"] for o, n in blocks), inst
        if want["blocks"] == (0, 0):  # a least fragmented plan: valid, and counted right
            owner = tuple(got["focus"]["owner"])
            pieces, switches = _pieces(inst, owner)
            assert all(n >= inst["tasks"][o]["min_block"] for o, n in pieces), inst
            for i, t in enumerate(inst["tasks"]):
                used = [s for s, o in enumerate(owner) if o == i]
                assert len(used) == t["size"], inst
                assert all(t["release"] <= s < t["deadline"] for s in used), inst
            assert (got["focus"]["blocks"], got["focus"]["switches"]) == (len(pieces), switches)
            assert len(pieces) + switches >= want["focus"]
        else:
            assert "focus" not in got
    split_only = results[-1]
    assert split_only["preemptive"]["late"] == 0
    assert split_only["blocks"]["late_ids"] in (["b"], ["c"])  # never the important one
