"""The SKP note: a year's competence development, as the user pastes it into e-Kinerja.

An ASN's training belongs in the SKP (PermenPANRB 6/2022): each training of the year with its
dates, JP and certificate, and the knowledge-sharing done after it. A training belongs to the
year it ends (as SIASN records it, and as `check`'s JP line counts). The knowledge-sharing is
what the return sheet proposes (`handover --return`), or the user's own [[task]]s tagged
"berbagi-ilmu" and the training's id; `diklat done` marks each finished.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from ..record import Record
from ..workspace.models import Task, Training, Workspace
from ..workspace.state import Progress
from .calendar import Calendar
from .conflicts import jp_year
from .handover import Knowledge, return_work

Status = Literal["done", "underway", "planned"]
SHARING_TAG = "berbagi-ilmu"


class Sharing(Record):
    """One piece of knowledge-sharing after a training, and whether it is recorded as done.

    Either the user's own task or the work the return sheet proposes (`knowledge`, worded by
    the renderer).
    """

    id: str
    task: Task | None
    knowledge: Knowledge | None
    due: date | None
    done: bool


class Entry(Record):
    """One training of the year."""

    training: Training
    status: Status
    sharing: tuple[Sharing, ...]


class SkpNote(Record):
    """The year's trainings, the JP they bring and the yearly target."""

    year: int
    today: date
    entries: tuple[Entry, ...]
    jp_done: float
    jp_underway: float
    jp_planned: float
    target: int


def _due(task: Task) -> date | None:
    return task.due.date() if isinstance(task.due, datetime) else task.due


def sharing(ws: Workspace, training: Training, cal: Calendar, progress: Progress) -> list[Sharing]:
    """The knowledge-sharing of a training: the user's own tasks for it, else the proposed ones."""
    own = [t for t in ws.tasks if SHARING_TAG in t.tags and training.id in t.tags]
    out = [Sharing(t.id, t, None, _due(t), progress.of(t.id).done) for t in own]
    for k in return_work(ws, training, cal):
        if any(o.id == k.task_id for o in own):
            continue
        task = ws.task(k.task_id)  # the user wrote the proposed task into the workspace
        if task is not None:
            out.append(Sharing(k.task_id, task, None, _due(task), progress.of(k.task_id).done))
        else:
            out.append(Sharing(k.task_id, None, k, k.due, progress.of(k.task_id).done))
    return out


def make_note(ws: Workspace, year: int, today: date, cal: Calendar, progress: Progress) -> SkpNote:
    """The SKP note of `year`, as things stand on `today`."""
    entries: list[Entry] = []
    for t in sorted(ws.trainings, key=lambda t: (t.start, t.end, t.id)):
        if t.end.year != year:
            continue
        status: Status = "done" if t.end < today else "underway" if t.start <= today else "planned"
        entries.append(Entry(t, status, tuple(sharing(ws, t, cal, progress))))
    total = float(sum(e.training.jp for e in entries))
    if year == today.year:
        done, underway, planned = jp_year(ws, today)
    else:  # a year gone is all done; a year to come all planned
        done, underway, planned = (total, 0.0, 0.0) if year < today.year else (0.0, 0.0, total)
    return SkpNote(
        year=year,
        today=today,
        entries=tuple(entries),
        jp_done=done,
        jp_underway=underway,
        jp_planned=planned,
        target=ws.planning.annual_jp_target,
    )
