"""`diklat why TASK`: one task's quadrant, urgency terms, due date, blocks, and why it is late."""

import difflib
from typing import Annotated

import typer

from .. import compose
from ..errors import UsageError
from ..i18n import Catalog
from ..planning.occurrences import task_id
from ..planning.plan import Plan, TaskStatus
from .base import app
from .context import DateOption, options

M = Catalog(
    {
        "unknown": {
            "id": "tidak ada tugas '{task}' dalam rencana",
            "en": "there is no task '{task}' in the plan",
        },
        "did_you_mean": {"id": "; maksud Anda '{near}'?", "en": "; did you mean '{near}'?"},
        "list": {
            "id": "; lihat id tugas dengan 'diklat plan --explain'",
            "en": "; see the task ids with 'diklat plan --explain'",
        },
        "finished": {
            "id": "tugas '{task}' sudah selesai atau di luar rentang rencana ({n} hari)",
            "en": "task '{task}' is finished or outside the planning horizon ({n} day)|"
            "task '{task}' is finished or outside the planning horizon ({n} days)",
        },
    }
)


def matching(plan: Plan, task: str) -> list[TaskStatus]:
    """The task with this id, or every occurrence of a routine task (`absensi` -> `absensi@...`)."""
    exact = plan.task(task)
    if exact is not None:
        return [exact]
    return [t for t in plan.tasks if task_id(t.id) == task]


@app.command()
def why(
    ctx: typer.Context,
    task: Annotated[
        str, typer.Argument(help="Id tugas / task id (e.g. lap-tw4, absensi@2026-12-04).")
    ],
    date: DateOption = None,
) -> None:
    """Mengapa tugas ini dijadwalkan begini / why a task is planned as it is.

    \b
    Examples:
      diklat why lap-tw4
      diklat why absensi@2026-12-04
    """
    o = options(ctx)
    today = o.day(date)
    ws = o.ws
    first, last = compose.plan_window(ws, today)
    lang = o.language
    p = compose.plan_with_findings(
        ws,
        today,
        holidays=o.holidays(first, last),
        busy=o.busy(first, last),
        progress=o.progress(),
        lang=lang,
    )
    found = matching(p, task)
    if not found:
        base = task_id(task)
        if ws.task(base) is not None:  # known, only not planned: not a mistake of the user's
            typer.echo(M.count(lang, "finished", ws.planning.horizon_days, task=task))
            return
        ids = sorted({t.id for t in p.tasks} | {t.id for t in ws.tasks})
        near = difflib.get_close_matches(task, ids, n=1, cutoff=0.5)
        hint = M(lang, "did_you_mean", near=near[0]) if near else M(lang, "list")
        raise UsageError(M(lang, "unknown", task=task) + hint)
    from ..render.terminal import make_console, render_why
    from ..render.words import View

    view = View(lang=lang, dates=(today,), colleagues={c.id: c.name for c in ws.colleagues})
    render_why(make_console(no_color=bool(o.env.get("NO_COLOR"))), p, found, view)
