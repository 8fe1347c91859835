"""`diklat done TASK [--spent 1h30m]`: record progress, so tomorrow's plan has only what remains.

The record goes to `.diklat/progress.toml` in the workspace (written atomically); the user's own
TOML is never touched, so the same files keep working on another machine without the state.
"""

import difflib
from datetime import date, datetime, timedelta
from typing import Annotated
from zoneinfo import ZoneInfo

import typer

from ..errors import UsageError
from ..i18n import Catalog, Lang, format_date, format_duration
from ..workspace.models import Task, Workspace
from ..workspace.state import Progress, load_progress, locked, record_progress, save_progress
from ..workspace.values import expand_rrule, parse_duration
from .base import app
from .context import options

M = Catalog(
    {
        "demo": {
            "id": "Ini ruang kerja contoh (demo): kemajuan tidak dapat dicatat di sini. Buat ruang "
            "kerja Anda sendiri dengan 'diklat init', lalu catat dengan 'diklat done'.",
            "en": "This is the demo workspace: progress cannot be recorded here. Create your own "
            "workspace with 'diklat init', then record with 'diklat done'.",
        },
        "unknown": {
            "id": "tidak ada tugas '{id}' di ruang kerja ini.",
            "en": "there is no task '{id}' in this workspace.",
        },
        "near": {"id": " Maksud Anda '{near}'?", "en": " Did you mean '{near}'?"},
        "known": {
            "id": " Id tugas yang ada: {ids}.",
            "en": " The task ids are: {ids}.",
        },
        "not_recurring": {
            "id": "'{id}' bukan tugas berulang; tulis '{id}' saja.",
            "en": "'{id}' is not a recurring task; write just '{id}'.",
        },
        "no_occurrence": {
            "id": "'{id}' tidak jatuh pada {date}.{near}",
            "en": "'{id}' does not fall on {date}.{near}",
        },
        "nearest": {
            "id": " Yang terdekat: {ref}.",
            "en": " The nearest: {ref}.",
        },
        "bad_occurrence_date": {
            "id": "'{value}' bukan tanggal; tulis seperti {id}@2026-12-04.",
            "en": "'{value}' is not a date; write it as {id}@2026-12-04.",
        },
        "no_next": {
            "id": "'{id}' tidak punya kejadian lagi mulai {date}; sebut tanggalnya: {id}@YYYY-MM-DD.",
            "en": "'{id}' has no occurrence from {date} on; name the date: {id}@YYYY-MM-DD.",
        },
        "bad_spent": {
            "id": "--spent '{value}' bukan durasi; tulis seperti 45m, 1h30m atau 2jp.",
            "en": "--spent '{value}' is not a duration; write it as 45m, 1h30m or 2jp.",
        },
        "done": {
            "id": "Selesai: {title} ({id}). Tugas ini keluar dari rencana.",
            "en": "Done: {title} ({id}). It leaves the plan.",
        },
        "spent": {
            "id": "Tercatat {spent} untuk {title} ({id}); sisa {left} dari perkiraan {estimate}.",
            "en": "Recorded {spent} on {title} ({id}); {left} of the {estimate} estimate left.",
        },
        "spent_all": {
            "id": " Perkiraannya sudah habis: bila sudah selesai, jalankan 'diklat done {id}'.",
            "en": " The estimate is used up: when it is finished, run 'diklat done {id}'.",
        },
        "undo": {
            "id": "Catatan untuk {title} ({id}) dihapus; tugas kembali ke rencana.",
            "en": "The record for {title} ({id}) is removed; the task is back in the plan.",
        },
    }
)


def _unknown(lang: Lang, ws: Workspace, value: str) -> UsageError:
    ids = sorted(t.id for t in ws.tasks)
    near = difflib.get_close_matches(value.split("@")[0], ids, n=1, cutoff=0.6)
    text = M(lang, "unknown", id=value)
    if near:
        text += M(lang, "near", near=near[0] + value[len(value.split("@")[0]) :])
    elif ids and len(ids) <= 12:
        text += M(lang, "known", ids=", ".join(ids))
    return UsageError(text)


def resolve(ws: Workspace, value: str, today: date, progress: Progress, lang: Lang) -> str:
    """The progress key for what the user typed: a task id, or one occurrence `ID@YYYY-MM-DD`.

    A recurring task's bare id means its next occurrence from today that is not done yet: the
    one the plan shows.
    """
    base, _, when = value.partition("@")
    task = ws.task(base)
    if task is None:
        raise _unknown(lang, ws, value)
    if not (task.recurs and task.from_):
        if when:
            raise UsageError(M(lang, "not_recurring", id=base))
        return base
    if when:
        try:
            day = date.fromisoformat(when)
        except ValueError:
            raise UsageError(M(lang, "bad_occurrence_date", value=when, id=base)) from None
        if _occurs(task, day, day):
            return f"{base}@{day.isoformat()}"
        around = _occurs(task, day - timedelta(days=40), day + timedelta(days=40))
        near = min(around, key=lambda d: (abs((d - day).days), d), default=None)
        hint = M(lang, "nearest", ref=f"{base}@{near.isoformat()}") if near else ""
        raise UsageError(
            M(lang, "no_occurrence", id=base, date=format_date(day, lang, "long"), near=hint)
        )
    for day in _occurs(task, today, today + timedelta(days=400)):
        ref = f"{base}@{day.isoformat()}"
        if not progress.of(ref).done:
            return ref
    raise UsageError(M(lang, "no_next", id=base, date=format_date(today, lang, "long")))


def _occurs(task: Task, first: date, last: date) -> list[date]:
    assert task.recurs and task.from_
    hi = min(last, task.until) if task.until else last
    return expand_rrule(task.recurs, task.from_, first, hi)


@app.command()
def done(
    ctx: typer.Context,
    task: Annotated[
        str,
        typer.Argument(
            help="Id tugas (tugas berulang: ID atau ID@YYYY-MM-DD) / task id.", show_default=False
        ),
    ],
    spent: Annotated[
        str | None,
        typer.Option(
            "--spent",
            help="Waktu yang sudah dipakai, mis. 1h30m; tanpa ini tugas ditandai selesai / "
            "time spent; without it the task is marked done.",
            show_default=False,
        ),
    ] = None,
    undo: Annotated[
        bool,
        typer.Option("--undo", help="Hapus catatan tugas ini / forget this task's record."),
    ] = False,
) -> None:
    """Catat kemajuan / record progress.

    Example: diklat done lap-tw4 --spent 1h30m
    """
    o = options(ctx)
    ws = o.ws
    lang = o.language
    state_dir = o.state_dir
    if state_dir is None:
        raise UsageError(M(lang, "demo"))
    minutes = 0
    if spent is not None:
        try:
            minutes = parse_duration(spent, ws.planning.jp_minutes)
        except ValueError:
            raise UsageError(M(lang, "bad_spent", value=spent)) from None
        if minutes <= 0:
            raise UsageError(M(lang, "bad_spent", value=spent))
    today = o.day(None)
    resolve(ws, task, today, load_progress(state_dir), lang)  # a mistake leaves no .diklat/
    with locked(state_dir):  # read, change and write as one step: two terminals record both
        progress = load_progress(state_dir)
        ref = resolve(ws, task, today, progress, lang)
        t = ws.task(ref.split("@")[0])
        assert t is not None
        now = datetime.now(ZoneInfo(ws.profile.timezone))
        updated = record_progress(
            progress, ref, now=now, spent=minutes, done=spent is None, undo=undo
        )
        save_progress(state_dir, updated)
    if undo:
        typer.echo(M(lang, "undo", title=t.title, id=ref))
        return
    if spent is None:
        typer.echo(M(lang, "done", title=t.title, id=ref))
        return
    left = max(0, t.estimate - updated.of(ref).spent_minutes)
    text = M(
        lang,
        "spent",
        spent=format_duration(minutes, lang),
        title=t.title,
        id=ref,
        left=format_duration(left, lang),
        estimate=format_duration(t.estimate, lang),
    )
    if left == 0:
        text += M(lang, "spent_all", id=ref)
    typer.echo(text)
