"""The days a routine task falls on, and the reference that names one of them: `ID@YYYY-MM-DD`.

A plan entry, a progress record, `diklat why` and `diklat done` all name work by a reference: a
task's id for a one-off task, the id and the day for one occurrence of a routine task
(`lap-mingguan@2026-12-14`). This module is the one place that builds and reads that form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..workspace.models import Task
from ..workspace.values import expand_rrule


@dataclass(frozen=True)
class Ref:
    """A task (`day` None) or one occurrence of a routine task."""

    task: str
    day: date | None = None

    @classmethod
    def parse(cls, text: str) -> Ref:
        """`lap@2026-12-14` or `lap`; ValueError when the part after `@` is not a date."""
        base, at, when = text.partition("@")
        return cls(base, date.fromisoformat(when) if at else None)

    def __str__(self) -> str:
        return self.task if self.day is None else f"{self.task}@{self.day.isoformat()}"


def task_id(ref: str) -> str:
    """The task a reference names: `lap@2026-12-14` -> `lap`, `lap` -> `lap`."""
    return ref.partition("@")[0]


def occurrences(task: Task, first: date, last: date) -> list[date]:
    """The days from `first` to `last` a routine task falls on (within its `from` and `until`).

    A one-off task has none.
    """
    if not task.recurs or task.from_ is None:
        return []
    hi = min(last, task.until) if task.until else last
    return expand_rrule(task.recurs, task.from_, first, hi)
