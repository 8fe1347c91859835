"""`diklat why TASK`: one task's quadrant, urgency terms, due date, blocks, and why it is late.

For every reference it accepts it says what is true: in the plan (open, overdue, missed, handed
over, done), recorded done (when) or skipped, beyond the horizon, missed too long ago to be kept,
or not a day the task falls on.
"""

import difflib
from datetime import date as Date
from datetime import timedelta
from typing import Annotated

import typer

from .. import compose
from ..errors import UsageError
from ..i18n import Catalog, Lang, format_date
from ..planning.occurrences import Ref, occurrences, task_id
from ..planning.plan import Plan, TaskStatus
from ..workspace.models import Workspace
from ..workspace.state import Progress
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
        "done": {
            "id": "'{task}' sudah selesai (dicatat {when}).",
            "en": "'{task}' is done (recorded {when}).",
        },
        "skipped": {
            "id": "'{task}' dilewati: tidak diperlukan kali ini (dicatat {when}).",
            "en": "'{task}' was skipped: not needed this time (recorded {when}).",
        },
        "beyond": {
            "id": "'{task}' di luar rentang rencana: rencana berakhir {last}; lihat dengan "
            "'diklat plan --date {day}'.",
            "en": "'{task}' is beyond the planning horizon: the plan ends {last}; see it with "
            "'diklat plan --date {day}'.",
        },
        "next": {
            "id": "'{task}' tidak punya kejadian dalam rentang rencana (s.d. {last}); yang "
            "berikutnya: {ref}.",
            "en": "'{task}' has no occurrence within the planning horizon (to {last}); the next "
            "one: {ref}.",
        },
        "absent": {
            "id": "'{task}' tidak ada dalam rencana s.d. {last}, dan tidak ada catatan 'diklat "
            "done' untuknya.",
            "en": "'{task}' is not in the plan to {last}, and 'diklat done' has no record of it.",
        },
        "none_left": {
            "id": "'{task}' tidak punya kejadian lagi dalam rentang rencana (s.d. {last}).",
            "en": "'{task}' has no more occurrences within the planning horizon (to {last}).",
        },
        "too_old": {
            "id": "'{task}' terlewat tanpa catatan, lebih dari {weeks} minggu lalu "
            "(planning.missed_weeks), jadi tidak lagi di rencana; catat dengan 'diklat done "
            "{task}' atau 'diklat done {task} --skip'.",
            "en": "'{task}' was missed with nothing recorded more than {weeks} weeks ago "
            "(planning.missed_weeks), so it is no longer in the plan; record it with 'diklat "
            "done {task}' or 'diklat done {task} --skip'.",
        },
        "not_on": {
            "id": "'{base}' tidak jatuh pada {day}; tidak ada '{task}'.",
            "en": "'{base}' does not fall on {day}; there is no '{task}'.",
        },
        "bad_date": {
            "id": "'{task}': bagian sesudah @ bukan tanggal; tulis seperti {base}@2026-12-14",
            "en": "'{task}': the part after @ is not a date; write it as {base}@2026-12-14",
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
    progress = o.progress()
    p = compose.plan_with_findings(
        ws,
        today,
        holidays=o.holidays(first, last),
        busy=o.busy(first, last),
        progress=progress,
        previous=o.last_plan(today),
    )
    recorded = _recorded(progress, task, lang)
    if recorded:
        typer.echo(recorded)
        return
    found = matching(p, task)
    if not found:
        base = task_id(task)
        if ws.task(base) is not None:  # known, only not planned: not a mistake of the user's
            typer.echo(_not_in_plan(ws, p, task, lang))
            return
        ids = sorted({t.id for t in p.tasks} | {t.id for t in ws.tasks})
        near = difflib.get_close_matches(task, ids, n=1, cutoff=0.5)
        hint = M(lang, "did_you_mean", near=near[0]) if near else M(lang, "list")
        raise UsageError(M(lang, "unknown", task=task) + hint)
    from ..render.terminal import make_console, render_why
    from ..render.words import View

    view = View(lang=lang, dates=(today,), colleagues={c.id: c.name for c in ws.colleagues})
    render_why(make_console(no_color=o.no_color), p, found, view)


def _recorded(progress: Progress, ref: str, lang: Lang) -> str | None:
    """What `diklat done` recorded for exactly this reference: done or skipped, and when."""
    rec = progress.tasks.get(ref)
    if rec is None or not (rec.done or rec.skipped):
        return None
    when = format_date(rec.updated.date(), lang, "long") if rec.updated else "-"
    return M(lang, "skipped" if rec.skipped else "done", task=ref, when=when)


def _not_in_plan(ws: Workspace, plan: Plan, ref: str, lang: Lang) -> str:
    """Why a known task or occurrence is not in the plan: beyond the horizon, missed too long
    ago, or not a day the task falls on."""
    base, at, when = ref.partition("@")
    task = ws.task(base)
    assert task is not None
    last = plan.days[-1].date if plan.days else plan.today
    last_text = format_date(last, lang, "long")
    if not (task.recurs and task.from_):
        return M(lang, "absent", task=ref, last=last_text)
    if not at:
        later = occurrences(task, last + timedelta(days=1), last + timedelta(days=400))
        if later:
            return M(lang, "next", task=ref, last=last_text, ref=str(Ref(base, later[0])))
        return M(lang, "none_left", task=ref, last=last_text)
    try:
        day = Date.fromisoformat(when)
    except ValueError:
        raise UsageError(M(lang, "bad_date", task=ref, base=base)) from None
    if not occurrences(task, day, day):
        raise UsageError(M(lang, "not_on", base=base, day=format_date(day, lang, "long"), task=ref))
    if day > last:
        return M(lang, "beyond", task=ref, last=last_text, day=day.isoformat())
    return M(lang, "too_old", task=ref, weeks=ws.planning.missed_weeks)
