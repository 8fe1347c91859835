"""`diklat done TASK [--spent 1h30m | --skip]`: record progress, so tomorrow's plan has only what
remains; `--skip` records that one occurrence of a routine task is not needed this time.

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
from ..planning.occurrences import Ref, occurrences, task_id
from ..render.escape import terminal
from ..workspace.models import Task, Workspace
from ..workspace.state import Progress, load_progress, locked, record_progress, save_progress
from ..workspace.values import Invalid, parse_duration
from .base import app
from .context import options, parse_day

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
        "skipped": {
            "id": "Dilewati: {title} ({id}) tidak diperlukan kali ini. Kejadian ini keluar dari "
            "rencana.",
            "en": "Skipped: {title} ({id}) is not needed this time. It leaves the plan.",
        },
        "skip_one_off": {
            "id": "--skip untuk satu kejadian tugas berulang; '{id}' bukan tugas berulang: bila "
            "tidak diperlukan lagi, catat selesai dengan 'diklat done {id}'.",
            "en": "--skip is for one occurrence of a routine task; '{id}' is not one: when it "
            "is no longer needed, record it with 'diklat done {id}'.",
        },
        "skip_spent": {
            "id": "--skip dan --spent tidak bisa dipakai bersama.",
            "en": "--skip and --spent do not go together.",
        },
        "undo": {
            "id": "Catatan untuk {title} ({id}) dihapus; tugas kembali ke rencana.",
            "en": "The record for {title} ({id}) is removed; the task is back in the plan.",
        },
    }
)


def _unknown(lang: Lang, ws: Workspace, value: str) -> UsageError:
    ids = sorted(t.id for t in ws.tasks)
    base, at, when = value.partition("@")
    near = difflib.get_close_matches(base, ids, n=1, cutoff=0.6)
    text = M(lang, "unknown", id=value)
    if near:
        text += M(lang, "near", near=near[0] + at + when)
    elif ids and len(ids) <= 12:
        text += M(lang, "known", ids=", ".join(ids))
    return UsageError(text)


def resolve(ws: Workspace, value: str, today: date, progress: Progress, lang: Lang) -> str:
    """The progress key for what the user typed: a task id, or one occurrence `ID@YYYY-MM-DD`.

    A recurring task's bare id means its oldest occurrence still open (neither done nor
    skipped), from the missed ones the plan keeps (`planning.missed_weeks`) on: the one the plan
    shows first.
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
        bad = M(lang, "bad_occurrence_date", value=when, id=base)
        day = parse_day(when, value, lang, bad, shown=value)
        if occurrences(task, day, day):
            return str(Ref(base, day))
        around = occurrences(task, day - timedelta(days=40), day + timedelta(days=40))
        near = min(around, key=lambda d: (abs((d - day).days), d), default=None)
        hint = M(lang, "nearest", ref=str(Ref(base, near))) if near else ""
        raise UsageError(
            M(lang, "no_occurrence", id=base, date=format_date(day, lang, "long"), near=hint)
        )
    first = today - timedelta(weeks=ws.planning.missed_weeks)
    for day in occurrences(task, first, today + timedelta(days=400)):
        ref = str(Ref(base, day))
        if not (progress.of(ref).done or progress.of(ref).skipped):
            return ref
    raise UsageError(M(lang, "no_next", id=base, date=format_date(today, lang, "long")))


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
    skip: Annotated[
        bool,
        typer.Option(
            "--skip",
            help="Kejadian tugas berulang ini tidak diperlukan kali ini / this occurrence of a "
            "routine task is not needed this time.",
        ),
    ] = False,
) -> None:
    """Catat kemajuan / record progress.

    \b
    Examples:
      diklat done lap-tw4 --spent 1h30m
      diklat done lap-mingguan@2026-12-14 --skip
    """
    o = options(ctx)
    ws, lang, state_dir = o.ws, o.language, o.state_dir
    if state_dir is None:
        raise UsageError(M(lang, "demo"))
    if skip and spent is not None:
        raise UsageError(M(lang, "skip_spent"))
    minutes = _spent(spent, ws, lang)
    today = o.day(None)
    ref = resolve(ws, task, today, load_progress(state_dir), lang)  # a mistake leaves no .diklat/
    if skip and "@" not in ref:
        raise UsageError(M(lang, "skip_one_off", id=ref))
    with locked(state_dir):  # read, change and write as one step: two terminals record both
        progress = load_progress(state_dir)
        ref = resolve(ws, task, today, progress, lang)
        now = datetime.now(ZoneInfo(ws.profile.timezone))
        updated = record_progress(
            progress, ref, now=now, spent=minutes, done=not (spent or skip), undo=undo, skip=skip
        )
        save_progress(state_dir, updated)
    t = ws.task(task_id(ref))
    assert t is not None
    typer.echo(terminal(_recorded(t, ref, minutes, updated, lang, undo=undo, skip=skip)))


def _spent(spent: str | None, ws: Workspace, lang: Lang) -> int:
    """The minutes of `--spent` (0 without it); a usage error when they are not a duration."""
    if spent is None:
        return 0
    try:
        minutes = parse_duration(spent, ws.planning.jp_minutes)
    except Invalid as exc:
        if exc.key == "long_duration":
            raise UsageError(f"--spent: {exc.what(lang)}") from None
        raise UsageError(M(lang, "bad_spent", value=spent)) from None
    if minutes <= 0:
        raise UsageError(M(lang, "bad_spent", value=spent))
    return minutes


def _recorded(
    t: Task, ref: str, minutes: int, updated: Progress, lang: Lang, *, undo: bool, skip: bool
) -> str:
    """What `done` tells the user it recorded."""
    if undo:
        return M(lang, "undo", title=t.title, id=ref)
    if skip:
        return M(lang, "skipped", title=t.title, id=ref)
    if not minutes:
        return M(lang, "done", title=t.title, id=ref)
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
    return text + (M(lang, "spent_all", id=ref) if left == 0 else "")
