"""The value `make_plan` returns: days of time blocks, the state of each task, what did not fit.

Plain frozen dataclasses rather than pydantic models: a year of a heavy workload is thousands of
blocks, and nothing here is validated from user input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from ..record import Record

if TYPE_CHECKING:
    from .findings import Facts

BlockKind = Literal["task", "study", "training", "event", "break"]
Quadrant = Literal["do", "plan", "delegate", "drop"]
Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Block:
    """A span of one day's time given to one thing: task, study, training, event or break."""

    start: datetime
    end: datetime
    kind: BlockKind
    ref: str | None  # task id (occurrences: ID@YYYY-MM-DD) or training id; None for events/breaks
    title: str
    quadrant: Quadrant | None = None
    note: str = ""  # the planner's reason for the block, in words ("tenggat Kamis")
    location: str = ""
    link: str = ""
    busy: bool = True  # False for blocks that do not make the user unavailable (all-day notes)
    zone: str | None = None  # the IANA zone of the place whose clock the item was written in,
    # when it is not the user's (an online class run from Jakarta for a user in Makassar)

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


class DayPlan(Record):
    """One day of the plan: its blocks in time order and how full it is."""

    date: date
    working: bool
    note: str | None  # "Hari libur nasional: ...", "Pelatihan luring: ...", "Ramadan"
    blocks: tuple[Block, ...] = ()
    free_minutes: int = 0  # working minutes left unplanned
    work_minutes: int = 0  # working minutes of the day (hours minus breaks)


@dataclass(frozen=True)
class UrgencyTerm:
    """One named term of a task's urgency score, as `diklat why` shows it."""

    name: str  # "due", "overdue", "important", "waiting", "forced"
    value: float  # 0..1
    coefficient: float

    @property
    def score(self) -> float:
        return self.value * self.coefficient


@dataclass(frozen=True)
class TaskStatus:
    """Where a task (or an occurrence of a routine one) stands in the plan."""

    id: str
    title: str
    quadrant: Quadrant
    urgency: float
    terms: tuple[UrgencyTerm, ...]
    estimate_minutes: int  # effort left at the start of planning (estimate minus progress)
    scheduled_minutes: int
    remaining_minutes: int  # not placed within the horizon
    due: datetime | None
    finish: datetime | None  # end of the last placed block
    late: bool  # finishes after its due instant, or cannot be finished in the horizon
    delegated_to: str | None
    important: bool
    urgent: bool
    done: bool = False


class Unscheduled(Record):
    """Work the horizon could not hold, with the reason in words."""

    ref: str
    minutes: int
    reason: str
    suggestion: str = ""


class Conflict(Record):
    """A clash or risk as a value: how bad, its facts, the items involved.

    `facts` (planning/findings.py) holds the titles, dates and numbers; render/findings.py
    words them, the same in every format.
    """

    severity: Severity
    facts: Facts
    refs: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        """The finding's kind as the JSON contract names it: "quiet", "due-away", "jp", ..."""
        return self.facts.kind


class Plan(Record):
    """The whole plan over the horizon: what `make_plan` returns and every presenter reads."""

    timezone: str
    today: date
    days: tuple[DayPlan, ...]
    tasks: tuple[TaskStatus, ...]
    unscheduled: tuple[Unscheduled, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def day(self, d: date) -> DayPlan | None:
        return self._days_by_date.get(d)

    def task(self, tid: str) -> TaskStatus | None:
        return self._tasks_by_id.get(tid)

    # indexes built on first use: callers look up thousands of tasks in a year's plan
    @cached_property
    def _days_by_date(self) -> dict[date, DayPlan]:
        return {x.date: x for x in self.days}

    @cached_property
    def _tasks_by_id(self) -> dict[str, TaskStatus]:
        return {t.id: t for t in self.tasks}
