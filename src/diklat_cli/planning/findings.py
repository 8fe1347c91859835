"""What the clash checks found, as values: one small record per kind of finding.

A `Conflict` (planning/plan.py) carries one of these as its `facts`: the titles the user typed,
the dates, the minutes and the counts a sentence is made from, never the sentence. The words are
written in one place, render/findings.py, so the terminal, Markdown and JSON say the same thing.
Each record's `kind` is the finding's kind as the JSON contract names it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar, Literal

from ..record import Record

if TYPE_CHECKING:
    from .handover import Pick


class BusyPeriod(Record):
    """A training falls in a busy period (`[[quiet]]`) that concerns the user's roles."""

    kind: ClassVar[str] = "quiet"
    training: str  # the training's title
    training_id: str
    days: tuple[date, ...]  # the training's days inside the period
    period: str  # the busy period's title
    start: date
    end: date
    roles: tuple[str, ...]  # the roles it concerns; () when it concerns everyone
    level: Literal["avoid", "caution"]


class MeetingClash(Record):
    """An online session of a training overlaps a meeting the user attends."""

    kind: ClassVar[str] = "meeting"
    training: str
    meeting: str
    dates: tuple[date, ...]


class TrainingClash(Record):
    """Two trainings take place at the same time."""

    kind: ClassVar[str] = "trainings"
    a: str
    b: str
    dates: tuple[date, ...]


class HolidaySession(Record):
    """A session of a training is set on a holiday."""

    kind: ClassVar[str] = "holiday"
    training: str
    dates: tuple[date, ...]
    names: tuple[str, ...]  # the holidays' names, sorted


class DueAway(Record):
    """Work falls due while the user is away at an offline training."""

    kind: ClassVar[str] = "due-away"
    task: str
    training: str
    training_id: str
    dates: tuple[date, ...]
    before: date  # the last working day before leaving
    covered_by: str | None = None  # the colleague named to take it (delegate_to, handover_to)
    candidate: str | None = None  # else a colleague who could, and why
    why: Pick | None = None


class NoDeputy(Record):
    """A long absence with no Plh named."""

    kind: ClassVar[str] = "no-deputy"
    training: str
    days: int  # working days away in the longest stretch


class NoSessions(Record):
    """A blended training without sessions: no day of it is known to be in class."""

    kind: ClassVar[str] = "no-sessions"
    training: str
    start: date
    end: date


class ColleagueLoad(Record):
    """A colleague receives more handed-over work in a week than their capacity."""

    kind: ClassVar[str] = "colleague-load"
    name: str
    week: date  # its Monday
    minutes: int
    capacity: int  # minutes a week
    titles: tuple[str, ...]


Need = Literal["task", "deputy", "meeting"]


class ColleagueAway(Record):
    """A colleague is needed on a day they are away."""

    kind: ClassVar[str] = "colleague-away"
    name: str
    start: date  # their time away
    end: date
    day: date
    need: Need  # for a task, as Plh, at a meeting
    title: str  # the task's, training's or meeting's title


class Overload(Record):
    """The work due by the end of a week cannot fit the working time left before it."""

    kind: ClassVar[str] = "overload"
    week: date  # its Monday
    titles: tuple[str, ...]  # the work due that week, each title once
    need: int  # minutes
    free: int
    short: int


class JpTally(Record):
    """The year's JP (training hours) against the target."""

    kind: ClassVar[str] = "jp"
    year: int
    done: int  # JP of the trainings finished this year
    underway: int | None  # about as many from the one under way; None: none worth naming
    planned: int
    target: int
    state: Literal["met", "track", "short"]
    short: int = 0  # JP still missing when `state` is "short"


class JpCeiling(Record):
    """A PPPK's year above the 24 JP of PP 49/2018 Pasal 40."""

    kind: ClassVar[str] = "jp"
    year: int
    total: int


Facts = (
    BusyPeriod
    | MeetingClash
    | TrainingClash
    | HolidaySession
    | DueAway
    | NoDeputy
    | NoSessions
    | ColleagueLoad
    | ColleagueAway
    | Overload
    | JpTally
    | JpCeiling
)
