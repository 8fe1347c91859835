"""Plan one generated case with taskdog's in-process optimiser; print which jobs end up late.

Runs in taskdog's own environment (Python 3.12+, bench/.venv-taskdog), so it imports nothing of
diklat: it reads the case's peers.json that bench/generate.py wrote.

taskdog plans whole days against a daily hour capacity (`max_hours_per_day`). The same working
time is given to it as follows: the capacity is the longest working day (7.5 h); a day with less
free time (meetings, training sessions, Ramadan hours) starts with the difference already
allocated, and days without working time (holidays, days away at training) are holidays to its
holiday checker. Its greedy strategy orders the tasks by days to deadline, then priority, and
fills each day from the start; a task that cannot be finished by its deadline's day is not
scheduled at all. A scheduled task counts as late when its last day is after its due date; a task
due at a time of day counts as on time when it finishes that day (day granularity cannot say
more; this favours taskdog).

Usage: python taskdog_plan.py PEERS_JSON [--algorithm greedy]
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

from taskdog_core.application.dto.optimize_params import OptimizeParams
from taskdog_core.application.services.optimization.strategy_factory import StrategyFactory
from taskdog_core.domain.entities.task import Task
from taskdog_core.domain.services.holiday_checker import IHolidayChecker


class DaysOff(IHolidayChecker):
    def __init__(self, days: set[date]) -> None:
        self.days = days

    def is_holiday(self, check_date: date) -> bool:
        return check_date in self.days

    def get_holidays_in_range(self, start_date: date, end_date: date) -> set[date]:
        return {d for d in self.days if start_date <= d <= end_date}


def main(argv: list[str]) -> int:
    path = argv[1]
    algorithm = argv[argv.index("--algorithm") + 1] if "--algorithm" in argv else "greedy"
    data: dict[str, Any] = json.loads(Path(path).read_text("utf-8"))
    day_free = {date.fromisoformat(k): v for k, v in data["day_free"].items()}
    day_work = {date.fromisoformat(k): v for k, v in data["day_work"].items()}
    cap_minutes = max(day_work.values())
    off = {d for d, m in day_free.items() if m == 0 and d.weekday() < 5}
    existing = {d: (cap_minutes - m) / 60 for d, m in day_free.items() if 0 < m < cap_minutes}
    jobs = data["jobs"]
    tasks = []
    for i, j in enumerate(jobs, start=1):
        deadline = None
        if j["due"]:
            deadline = datetime.fromisoformat(j["due"]).replace(tzinfo=None)
        tasks.append(
            Task(
                name=j["title"][:100],
                id=i,
                priority=3 if j["important"] else 1,
                deadline=deadline,
                estimated_duration=j["minutes"] / 60,
            )
        )
    today = date.fromisoformat(data["today"])
    params = OptimizeParams(
        start_date=datetime.combine(today, datetime.min.time()),
        max_hours_per_day=cap_minutes / 60,
        holiday_checker=DaysOff(off),
    )
    strategy = StrategyFactory.create(algorithm)
    t0 = time.perf_counter()
    result = strategy.optimize_tasks(tasks, existing, params)
    seconds = time.perf_counter() - t0
    planned = {t.id: t for t in result.tasks}
    late: list[str] = []
    for i, j in enumerate(jobs, start=1):
        if not j["due"]:
            continue
        t = planned.get(i)
        if t is None or t.planned_end is None:
            late.append(j["id"])
            continue
        if t.planned_end.date() > date.fromisoformat(j["due_date"]):
            late.append(j["id"])
    json.dump(
        {
            "algorithm": algorithm,
            "seconds": seconds,
            "late": late,
            "unscheduled": len(result.failures),
        },
        sys.stdout,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
