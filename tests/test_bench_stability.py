"""The stability measure follows the plan as `diklat plan` keeps it, and counts what it claims.

bench/measures.py follows each generated month twice: each morning's plan keeping the evening's
(the record `diklat plan` writes to `.diklat/plans/`) and made afresh. If the adapter dropped the
record, or the summary mixed the two ways up, the "with yesterday's plan" figures would be the
old ones under a new name.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import adapter  # noqa: E402
import following_report  # noqa: E402
import instances  # noqa: E402
import measures  # noqa: E402

TZ = ZoneInfo("Asia/Jakarta")


def test_the_morning_plan_keeps_the_evening_plan_it_is_given(tmp_path: Path) -> None:
    assert adapter.keeps_previous()
    inst = instances.month(4, tmp_path / "ws")
    first = adapter.plan(tmp_path / "ws", inst.first)
    day = next(d for d in sorted(first.blocks) if first.blocks[d])
    measures._record_day(tmp_path / "ws", first, day, TZ)
    evening = datetime.combine(day, time(17), TZ)
    morning = day + timedelta(days=1)

    kept = adapter.plan(tmp_path / "ws", morning, first, evening)
    afresh = adapter.plan(tmp_path / "ws", morning)

    assert kept.source.since == evening
    assert afresh.source.since is None
    assert afresh.moved == 0


def test_a_month_is_followed_with_and_without_the_record(tmp_path: Path) -> None:
    kept = measures.follow(4, tmp_path, 2, keep=True)
    afresh = measures.follow(4, tmp_path, 2, keep=False)

    assert (tmp_path / "month-004-kept").is_dir() and (tmp_path / "month-004-afresh").is_dir()
    assert [m["mode"] for m in kept["mornings"]] == ["kept", "kept"]
    assert [m["mode"] for m in afresh["mornings"]] == ["afresh", "afresh"]
    assert all(m["plan_moved"] == 0 == m["plan_moved_added"] for m in afresh["mornings"])
    assert not any(m["fell_back"] or m["fell_back_added"] for m in afresh["mornings"])
    # the added 1-hour task is placed somewhere in the next three working days or not at all
    assert all(0 <= m["need_added"] <= 60 for m in kept["mornings"] + afresh["mornings"])
    assert set(kept["late_important"]) <= set(kept["late"])


def _morning(seed: int, mode: str, **figures: Any) -> dict[str, Any]:
    base = {"seed": seed, "mode": mode, "day": "2027-01-05", "share": 0.0, "moved": 0}
    base |= {"plan_moved": 0, "share_added": 0.0, "moved_added": 0, "plan_moved_added": 0}
    base |= {"need_added": 60, "fell_back": False, "fell_back_added": False, "entering": 0}
    return base | figures


def test_the_summary_keeps_the_two_ways_apart_and_counts_moves_beyond_the_need() -> None:
    months = [
        {
            "seed": 1,
            "mode": "kept",
            "mornings": [
                _morning(1, "kept", moved_added=60, plan_moved_added=1, fell_back_added=True),
                _morning(1, "kept", moved_added=0, need_added=0),
            ],
            "late": ["t1"],
            "late_important": [],
        },
        {
            "seed": 1,
            "mode": "afresh",
            "mornings": [
                _morning(1, "afresh", share=0.5, moved=300, moved_added=240),
                _morning(1, "afresh", moved_added=30),
            ],
            "late": ["t1", "t2"],
            "late_important": ["t2"],
        },
    ]
    s = measures.stability_summary(months)

    k, a = s["kept"], s["afresh"]
    assert (s["months"], s["mornings"]) == (1, 2)
    assert k["nothing_new"]["max"] == 0 and a["nothing_new"]["max"] == 0.5
    assert (k["moved_more_than_needed"], a["moved_more_than_needed"]) == (0, 1)
    assert k["moved_per_needed"] == 1.0 and a["moved_per_needed"] == 270 / 120
    assert (k["plan_moved_one_task"], k["plan_moved_nothing_new"]) == (0.5, 0.0)
    assert (k["late"], a["late"], a["late_important"]) == (1, 2, 1)
    assert (k["fell_back_one_task"], k["listed_one_task"], k["listed_nothing_new"]) == (1, 1, 0)

    verdicts: list[str] = []
    table = following_report._stability_table({**s, "seconds": 1.0}, verdicts)
    assert sum("with yesterday's plan" in row for row in table if row.startswith("|")) == 2
    assert verdicts[0].endswith("(met)") and verdicts[1].endswith("(met)")
    assert verdicts[2].startswith("keeping yesterday's plan makes no more tasks late: 1 late")


def test_without_the_record_the_report_says_why() -> None:
    months = [{"seed": 1, "mode": "afresh", "mornings": [_morning(1, "afresh", share=0.1)]}]
    months[0] |= {"late": [], "late_important": []}
    s = {**measures.stability_summary(months), "seconds": 1.0}

    text = "\n".join(following_report._stability_table(s, [], "cli"))
    assert "with yesterday's plan |" not in text
    assert "`diklat plan --date` does not record its plan" in text


def test_late_ahead_leaves_out_work_due_beyond_the_horizon() -> None:
    def task(ident: str, due: date) -> adapter.PlanTask:
        moment = datetime.combine(due, time(16), TZ)
        return adapter.PlanTask(ident, False, moment, None, 60, 0, 60, False)

    today = date(2027, 1, 4)
    plan = adapter.PlanView(
        today,
        {today + timedelta(days=i): True for i in range(14)},
        {},
        {"in": task("in", date(2027, 1, 17)), "out": task("out", date(2027, 1, 18))},
    )
    assert [t.id for t in measures.late_ahead(plan)] == ["in"]


def test_entering_counts_the_deadlines_that_come_into_the_horizon() -> None:
    def plan(today: date, dues: list[date]) -> adapter.PlanView:
        tasks = {
            f"t{i}": adapter.PlanTask(
                f"t{i}", False, datetime.combine(d, time(16), TZ), None, 0, 60, 60, False
            )
            for i, d in enumerate(dues)
        }
        return adapter.PlanView(
            today, {today + timedelta(days=i): True for i in range(14)}, {}, tasks
        )

    dues = [date(2027, 1, 17), date(2027, 1, 18), date(2027, 1, 18), date(2027, 1, 19)]
    assert measures.entering(plan(date(2027, 1, 4), dues), plan(date(2027, 1, 5), dues)) == 2
    assert measures.entering(plan(date(2027, 1, 5), dues), plan(date(2027, 1, 5), dues)) == 0
