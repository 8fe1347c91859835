"""Slack (planning.slack) keeps part of each day free, but never at the cost of a deadline.

Found by tests/test_properties.py: with slack, a job due at 08.00 on a Monday had its last minutes
placed 07.30-08.30, across the deadline inside that morning's slot; the pass with slack did not
count it as missed, so the plan kept the slack and the task came out late.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from diklat_cli.planning.schedule import make_plan
from diklat_cli.workspace.holidays_id import HolidayData
from diklat_cli.workspace.loader import validate
from diklat_cli.workspace.models import Workspace

TZ = ZoneInfo("Asia/Jakarta")
MONDAY = date(2026, 11, 30)


def workspace(slack: int) -> Workspace:
    return validate(
        Workspace,
        {
            "profile": {"name": "Rina"},
            "planning": {"horizon_days": 8, "min_block": "30m", "slack": slack},
            "tasks": [
                {
                    "id": "lapkin",
                    "title": "Laporan kinerja",
                    "estimate": "10h30m",
                    # 5 h on Thursday from 10.00, 7 h 30 m on Friday, 30 m on Monday: it fits,
                    # but not in the 80 % of each day that a slack of 20 leaves
                    "available": datetime(2026, 12, 3, 10, 0, tzinfo=TZ),
                    "due": datetime(2026, 12, 7, 8, 0, tzinfo=TZ),
                },
            ],
        },
    )


def test_slack_gives_way_when_a_deadline_inside_a_slot_would_be_missed() -> None:
    plan = make_plan(workspace(20), MONDAY, holidays=HolidayData({}))
    t = plan.task("lapkin")
    assert t is not None
    assert not t.late
    assert t.finish == datetime(2026, 12, 4, 14, 30, tzinfo=TZ)
    ends = [b.end for d in plan.days for b in d.blocks if b.kind == "task"]
    assert max(ends) <= datetime(2026, 12, 7, 8, 0, tzinfo=TZ)


def test_the_same_work_without_slack_is_planned_the_same_way() -> None:
    with_slack = make_plan(workspace(20), MONDAY, holidays=HolidayData({}))
    without = make_plan(workspace(0), MONDAY, holidays=HolidayData({}))
    assert with_slack.days == without.days
