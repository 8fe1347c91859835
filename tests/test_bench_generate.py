"""The benchmark's generator writes workspaces diklat loads, and its lower bound is the true minimum.

The benchmark itself (bench/run.py) is a script, never part of the test run; this only keeps its
inputs honest: if the generator drifted from the workspace format, every figure would be wrong.
"""

from __future__ import annotations

import itertools
import json
import random
import sys
from pathlib import Path

import pytest

from diklat_cli.workspace.holidays_id import HolidayData
from diklat_cli.workspace.loader import load

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402
from lower_bound import late_if_in_order, moore_hodgson  # noqa: E402


@pytest.mark.parametrize("load_name", ["under", "over"])
def test_generated_workspace_loads_with_the_promised_jobs(tmp_path: Path, load_name: str) -> None:
    gen = generate.generate(40, load_name, holidays=HolidayData())
    paths = generate.write(gen, tmp_path / "case")
    ws = load(paths["workspace"])

    recurring = [t for t in ws.tasks if t.recurs]
    assert len(recurring) == 1
    assert len(gen.jobs) == 40
    assert len(ws.tasks) == 40 - gen.extra["occurrences"] + 1
    assert ws.planning.horizon_days == 365
    assert len(ws.trainings) == 1 and len(ws.events) == 14
    assert len({j.id for j in gen.jobs}) == 40
    assert gen.load == pytest.approx(generate.LOADS[load_name], abs=0.01)

    peers = json.loads(paths["peers"].read_text("utf-8"))
    assert [j["id"] for j in peers["jobs"]] == [j.id for j in gen.jobs]
    assert len(json.loads(paths["taskwarrior"].read_text("utf-8"))) == 40
    # the same estimate in the workspace and for the peers
    minutes = {t.id: t.estimate for t in ws.tasks}
    assert all(minutes[j.id] == j.minutes for j in gen.jobs if "@" not in j.id)


def test_generation_is_deterministic() -> None:
    a = generate.generate(30, "over", holidays=HolidayData())
    b = generate.generate(30, "over", holidays=HolidayData())
    assert a.items == b.items and a.jobs == b.jobs


def test_moore_hodgson_drops_the_longest_job_not_the_latest() -> None:
    jobs = [("a", 3, 3), ("b", 2, 4), ("c", 2, 5)]
    assert moore_hodgson(jobs) == ["a"]
    assert late_if_in_order(jobs) == ["b", "c"]


def test_moore_hodgson_is_the_minimum_on_small_queues() -> None:
    rng = random.Random(7)
    for _ in range(200):
        jobs = [(f"j{i}", rng.randint(1, 6), rng.randint(1, 15)) for i in range(rng.randint(1, 7))]
        best = min(
            len(jobs) - len(kept)
            for r in range(len(jobs) + 1)
            for kept in itertools.combinations(jobs, r)
            if _fits(kept)
        )
        assert len(moore_hodgson(jobs)) == best


def _fits(kept: tuple[tuple[str, int, int], ...]) -> bool:
    total = 0
    for _, minutes, deadline in sorted(kept, key=lambda j: j[2]):
        total += minutes
        if total > deadline:
            return False
    return True


def test_moore_hodgson_with_locked_jobs_is_the_minimum_of_the_others() -> None:
    rng = random.Random(11)
    for _ in range(200):
        jobs = [(f"j{i}", rng.randint(1, 6), rng.randint(1, 15)) for i in range(rng.randint(1, 7))]
        locked = frozenset(j[0] for j in jobs if rng.random() < 0.3)
        if not _fits(tuple(j for j in jobs if j[0] in locked)):
            with pytest.raises(ValueError):
                moore_hodgson(jobs, locked)
            continue
        best = min(
            len(jobs) - len(kept)
            for r in range(len(jobs) + 1)
            for kept in itertools.combinations(jobs, r)
            if locked <= {j[0] for j in kept} and _fits(kept)
        )
        late = moore_hodgson(jobs, locked)
        assert len(late) == best and not locked & set(late)
