"""Why a task comes first: an urgency score made of named terms, and the Eisenhower quadrant.

The score follows Taskwarrior's urgency (a sum of coefficient x term, each term in 0..1), so that
`diklat why TASK` can show it term by term. The score orders work; the quadrant (urgent x
important) says what to do about it. Pure: `now` and the working-day count come in as values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from .plan import Quadrant, UrgencyTerm

# Taskwarrior's defaults where a term exists there (due 12.0, priority H 6.0, age 2.0, waiting
# -3.0); `overdue` and `forced` are ours: an overdue task outranks any task still on time, and
# `urgent = true` in the file is the user's own word that it cannot wait.
COEFFICIENTS: dict[str, float] = {
    "due": 12.0,
    "overdue": 4.0,
    "important": 6.0,
    "age": 2.0,
    "waiting": -3.0,
    "forced": 8.0,
    "not_urgent": -4.0,
}
AGE_MAX_DAYS = 30.0  # waiting time counts fully after a month (Taskwarrior: a year of age)

QUADRANTS: tuple[Quadrant, ...] = ("do", "plan", "delegate", "drop")


@dataclass(frozen=True)
class Ranking:
    """A task's urgency score, its terms and its quadrant; and the urgency the planner orders
    work by (`urgency_when_placed`), worked out once for the thousands of jobs that share it."""

    urgency: float
    terms: tuple[UrgencyTerm, ...]
    urgent: bool
    important: bool
    quadrant: Quadrant
    placing_urgency: float


def due_value(days_overdue: float) -> float:
    """Taskwarrior's due term: 0.2 at 14 days out rising in a straight line to 1.0 at 7 days late."""
    if days_overdue >= 7.0:
        return 1.0
    if days_overdue >= -14.0:
        return (days_overdue + 14.0) * 0.8 / 21.0 + 0.2
    return 0.2


def quadrant(urgent: bool, important: bool) -> Quadrant:
    if urgent:
        return "do" if important else "delegate"
    return "plan" if important else "drop"


def rank(
    *,
    now: datetime,
    due: datetime | None,
    available: datetime | None,
    important: bool,
    forced: bool | None,
    working_days_to_due: int | None,
    urgent_within_days: int,
) -> Ranking:
    """Score and quadrant of one task (or occurrence) as seen at `now`, the start of today.

    `working_days_to_due` counts the working days after today up to the due day (0 when it is due
    today or overdue); urgent means it is at most `urgent_within_days`, unless `forced` says.
    """
    terms: list[UrgencyTerm] = []
    if due is not None:
        days_overdue = (now - due).total_seconds() / 86400.0
        terms.append(_term("due", round(due_value(days_overdue), 4)))
        if due <= now:
            terms.append(_term("overdue", 1.0))
    if important:
        terms.append(_term("important", 1.0))
    if available is not None:
        if available > now:
            terms.append(_term("waiting", 1.0))
        elif available < now:
            age = min(1.0, (now - available).total_seconds() / 86400.0 / AGE_MAX_DAYS)
            terms.append(_term("age", round(age, 4)))
    if forced is True:
        terms.append(_term("forced", 1.0))
    elif forced is False:
        terms.append(_term("not_urgent", 1.0))
    if forced is not None:
        urgent = forced
    else:
        urgent = working_days_to_due is not None and working_days_to_due <= urgent_within_days
    urgency = round(sum(t.score for t in terms), 4)  # 0, an int, with no terms
    placing = urgency_when_placed(urgency, terms)
    return Ranking(urgency, tuple(terms), urgent, important, quadrant(urgent, important), placing)


def urgency_when_placed(urgency: float, terms: Sequence[UrgencyTerm]) -> float:
    """The urgency the planner orders work by: as of the day the work can be placed, not today.

    Work is placed only once it is available, so its `waiting` term (Taskwarrior's -3 while
    `available` is ahead) is spent by then: counting it would put a task that arrives on
    Wednesday behind one it outranks on Wednesday in today's plan, and ahead of it in
    Wednesday's (the plan reordering itself as days pass)."""
    for t in terms:
        if t.name == "waiting":
            return urgency - t.score
    return urgency


_TERMS: dict[tuple[str, float], UrgencyTerm] = {}


def _term(name: str, value: float) -> UrgencyTerm:
    # a year of tasks ranks a few thousand times with a few hundred distinct terms
    term = _TERMS.get((name, value))
    if term is None:
        term = _TERMS[name, value] = UrgencyTerm(name, value, COEFFICIENTS[name])
    return term
