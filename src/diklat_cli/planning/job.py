"""One task or occurrence while it is being placed: a `Job`, mutable and slotted (the sweep's hot
path reads and writes its fields thousands of times)."""

from __future__ import annotations

from datetime import date, datetime

from ..workspace.models import Task
from .plan import DelegateHint
from .prioritise import Ranking


class Job:
    """One task or occurrence while it is being placed (mutable, slotted: the hot path)."""

    __slots__ = (
        "beyond",
        "blocks",
        "dl",
        "due",
        "due_day",
        "due_m",
        "extra_switches",
        "id",
        "late",
        "mb",
        "need",
        "ontime",
        "overdue",
        "pos",
        "pref",
        "rank_late",
        "rank_on",
        "ranking",
        "release",
        "release_m",
        "rem",
        "sliver_ok",
        "suggest",
        "task",
        "title",
        "too_big",
    )

    def __init__(
        self,
        ref: str,
        task: Task,
        due: datetime | None,
        due_m: int,
        due_day: date | None,
        release: datetime | None,
        release_m: int,
        need: int,
        ranking: Ranking,
        min_block: int,
    ) -> None:
        self.id = ref
        self.task = task
        self.title = task.title
        self.due = due
        self.due_m = due_m
        self.due_day = due_day  # the due instant's day in the user's zone
        self.release = release
        self.release_m = release_m
        self.need = need
        self.ranking = ranking
        self.mb = min_block
        self.ontime = (
            False  # chosen to meet its deadline (only jobs with a deadline in the horizon)
        )
        self.late = False  # cannot meet its deadline: placed after the on-time work
        self.beyond = False  # due after the horizon, or no due at all: no deadline to meet here
        self.overdue = False  # its deadline has passed already
        self.too_big = False  # more work than the free time between its start and its deadline
        self.rem = need
        self.blocks: list[list[int]] = []
        self.pos = 0  # place in the preference order of all jobs, before tiers (`rank_jobs`)
        self.pref = 0  # rank among all jobs' entries in the preference order, as it is now
        self.rank_on = 0  # ... as on-time work (`place`)
        self.rank_late = 0  # ... as late work (`place`)
        self.dl = 0
        self.sliver_ok = True  # may cut a block under min_block when its deadline is tight
        self.suggest: DelegateHint | None = None  # who could take it (a suggestion only)
        # the minutes where a block of it starts a switch beyond planning.max_switches, which a
        # deadline needed (the focus sweep's)
        self.extra_switches: list[int] = []


__all__ = ["Job"]
