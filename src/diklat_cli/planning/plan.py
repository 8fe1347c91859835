"""The value `make_plan` returns: days of time blocks, the state of each task, what did not fit.

Plain immutable values rather than pydantic models: nothing here is validated from user input.
What the planner makes by the thousand (a year of a heavy workload: 10,000 `Block`s and
`TaskStatus`es, a `DueNote` each, and the `Unscheduled` work with its `Suggestion` when the year
is overloaded) are NamedTuples, which are built as a tuple is; a frozen
dataclass sets each field through `object.__setattr__` (docs/startup.md has the figure). The
rest are frozen records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Literal, NamedTuple

from ..record import Record

if TYPE_CHECKING:
    from .findings import Facts

BlockKind = Literal["task", "study", "training", "event", "break"]
Quadrant = Literal["do", "plan", "delegate", "drop"]
Severity = Literal["error", "warning", "info"]
TrainingMode = Literal["online", "offline"]
DueKind = Literal["due", "late", "overdue"]  # on time / finishes after it / passed before today
DayKind = Literal["holiday", "cuti", "local", "away", "weekend", "off", "ramadan"]
ReasonCode = Literal["given_up", "too_big", "overdue_full", "full", "after", "study_short"]
SuggestionCode = Literal["colleague", "move_due", "horizon", "study_fix"]
MoveCode = Literal["busy", "off", "start", "deadline"]


class DueNote(NamedTuple):
    """Why a task block sits where it does: the task's due day, and whether the block meets it."""

    kind: DueKind
    day: date


class Block(NamedTuple):
    """A span of one day's time given to one thing: task, study, training, event or break."""

    start: datetime
    end: datetime
    kind: BlockKind
    ref: str | None  # task id (occurrences: ID@YYYY-MM-DD) or training id; None for events/breaks
    title: str  # the task's, training's or event's own title ("" for a break)
    quadrant: Quadrant | None = None
    due: DueNote | None = None  # a task block: its due day, met or not
    mode: TrainingMode | None = None  # a training session: online or offline
    location: str = ""
    link: str = ""
    busy: bool = True  # False for blocks that do not make the user unavailable (all-day notes)
    pomodoro: bool = False  # a break: a pomodoro rest between two pieces of work, not a set break
    sliver: bool = False  # a task block under its min_block: a tight deadline needed the minutes
    extra_switch: bool = False  # a task block past planning.max_switches: a deadline needed it
    zone: str | None = None  # the IANA zone of the place whose clock the item was written in,
    # when it is not the user's (an online class run from Jakarta for a user in Makassar)

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


class DayNote(Record):
    """Why a day is not an ordinary office day: a holiday (public, joint leave, local) or a
    training away (with its name or title), a weekend or other day off, or a Ramadan day."""

    kind: DayKind
    name: str = ""


class DayPlan(Record):
    """One day of the plan: its blocks in time order and how full it is."""

    date: date
    working: bool
    note: DayNote | None
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


class DelegateHint(NamedTuple):
    """Who could take a delegate-quadrant task, and why: the task's tags the colleague has as
    skills, the capacity left in the week of its due day (minutes), and not away until then.
    A suggestion only (the work stays in the user's plan), unless `planning.auto_delegate`."""

    colleague: str  # id
    name: str
    skills: tuple[str, ...]
    spare: int
    week: date  # the Monday of the week the room is counted in
    until: date  # not away from today up to this day


class TaskStatus(NamedTuple):
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
    suggest: DelegateHint | None = None  # who could take it (a delegate-quadrant task)
    auto_delegated: bool = False  # `delegated_to` chosen by the planner (planning.auto_delegate)
    skipped: bool = False  # recorded "not needed this time" (diklat done --skip)
    missed: bool = False  # a routine task's occurrence whose day passed with nothing recorded


class Suggestion(NamedTuple):
    """What to do about work that does not fit: hand it to a colleague (`colleague` with the
    matching skill and weekly capacity in minutes), move its deadline (`move_due`), shrink it or
    plan further ahead (`horizon`), or open more study time (`study_fix`)."""

    code: SuggestionCode
    due: date | None = None
    colleague: str = ""  # id
    name: str = ""
    skill: str = ""
    capacity: int = 0


class Unscheduled(NamedTuple):
    """Work the horizon could not hold, why (a code with its dates), and what to do about it.

    given_up: it fits before `due` only by making other tasks late, and after it up to `last` is
    full; too_big: the time before `due` cannot hold it, and after it is full; overdue_full: past
    `due`, and up to `last` is full; full: no deadline in the horizon, up to `last` is full;
    after: it can only start on `start`, after `last`; `due` is the task's due day whatever the
    reason (the suggestion to move it names it too); study_short: the study windows of the week
    of `week` cannot hold it under the caps `per_day` and `per_week` (minutes).
    """

    ref: str
    minutes: int
    reason: ReasonCode
    suggestion: Suggestion | None = None
    last: date | None = None
    due: date | None = None
    start: date | None = None
    week: date | None = None
    per_day: int = 0
    per_week: int = 0


class Moved(NamedTuple):
    """A task block of the last plan (`start`-`end`) that this plan gives to something else,
    and why: `busy`, the time now holds `cause` (a meeting, session or busy event,
    `cause_start`-`cause_end`); `off`, the day is no longer a working day (`cause`: the holiday
    or training, "" for a day off); `start`, the task may now start only later; `deadline`,
    keeping it would make other work late (`cause_ref`: the task now in that time, or the one
    that needed the room; `cause` its title). `to`: where the task's work now starts, outside
    the blocks kept, if the plan still holds some of it."""

    ref: str
    title: str
    start: datetime
    end: datetime
    code: MoveCode
    cause: str = ""
    cause_ref: str | None = None
    cause_start: datetime | None = None
    cause_end: datetime | None = None
    to: datetime | None = None


class Estimated(Record):
    """A holiday in the horizon whose date is an estimate, to check against the official decree."""

    day: date
    name: str


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
    warnings: tuple[Estimated, ...] = field(default=())
    since: datetime | None = None  # when the last plan this one keeps was made (None: afresh)
    moved: tuple[Moved, ...] = ()  # what of the last plan this one does not keep, and why

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
