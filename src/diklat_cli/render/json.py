"""`diklat plan --format json`: the contract of docs/workspace-format.md, plus a few useful keys.

The contract's keys never change; the extra keys (`quadrant`, `note`, `link`, `title`, `urgency`,
`due`, `suggestion`, ...) are additions that scripts may ignore. Output is stable: the same plan
gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from ..plan import Block, Conflict, DayPlan, Plan, TaskStatus, Unscheduled
from .words import View, off_reason, shown_days

SCHEMA_VERSION = 1


def _block(b: Block) -> dict[str, Any]:
    return {
        "start": b.start.isoformat(),
        "end": b.end.isoformat(),
        "kind": b.kind,
        "ref": b.ref if b.kind in ("task", "study", "training") else None,
        "title": b.title,
        "minutes": b.minutes,
        "quadrant": b.quadrant,
        "note": b.note,
        "location": b.location,
        "link": b.link,
        "busy": b.busy,
    }


def _day(day: DayPlan, view: View) -> dict[str, Any]:
    return {
        "date": day.date.isoformat(),
        "working": day.working,
        "note": day.note if day.working else off_reason(day, view.lang),
        "blocks": [_block(b) for b in sorted(day.blocks, key=lambda b: (b.start, b.end))],
        "free_minutes": day.free_minutes,
        "work_minutes": day.work_minutes,
    }


def _task(t: TaskStatus) -> dict[str, Any]:
    return {
        "id": t.id,
        "quadrant": t.quadrant,
        "scheduled_minutes": t.scheduled_minutes,
        "remaining_minutes": t.remaining_minutes,
        "late": t.late,
        "delegated_to": t.delegated_to,
        "title": t.title,
        "urgency": round(t.urgency, 3),
        "terms": [
            {
                "name": x.name,
                "value": round(x.value, 3),
                "coefficient": x.coefficient,
                "score": round(x.score, 3),
            }
            for x in t.terms
        ],
        "estimate_minutes": t.estimate_minutes,
        "due": t.due.isoformat() if t.due else None,
        "finish": t.finish.isoformat() if t.finish else None,
        "important": t.important,
        "urgent": t.urgent,
        "done": t.done,
    }


def _unscheduled(u: Unscheduled) -> dict[str, Any]:
    return {"ref": u.ref, "minutes": u.minutes, "reason": u.reason, "suggestion": u.suggestion}


def _conflict(c: Conflict) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "severity": c.severity,
        "message": c.message,
        "refs": list(c.refs),
        "suggestion": c.suggestion,
    }


def to_dict(plan: Plan, view: View) -> dict[str, Any]:
    """The plan as plain JSON values: the days in `view`, every task, all that did not fit."""
    return {
        "version": SCHEMA_VERSION,
        "timezone": plan.timezone,
        "today": plan.today.isoformat(),
        "language": view.lang,
        "days": [_day(day, view) for _, day in shown_days(plan, view) if day is not None],
        "tasks": [_task(t) for t in plan.tasks],
        "unscheduled": [_unscheduled(u) for u in plan.unscheduled],
        "conflicts": [_conflict(c) for c in plan.conflicts],
        "warnings": list(plan.warnings),
    }


def render(plan: Plan, view: View) -> str:
    return json.dumps(to_dict(plan, view), ensure_ascii=False, indent=2) + "\n"
