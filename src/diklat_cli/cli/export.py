"""`diklat export`: the plan and the training sessions as an .ics file for the user's calendar app.

The file's bytes are the same for the same plan: UIDs come from identity, and DTSTAMP and
SEQUENCE from `.diklat/export.toml`, which this command keeps up to date under `.diklat/lock`,
so two exports at once both keep their identities. A state that cannot be saved (a read-only
workspace) costs only the revision numbers: the file is written anyway, with a warning.
"""

import contextlib
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo

import typer

from .. import compose
from ..errors import UsageError
from ..i18n import Catalog, Lang, format_date
from ..planning.calendar import horizon
from ..render.escape import terminal
from ..workspace.models import Workspace
from ..workspace.state import (
    ExportState,
    StateUnwritable,
    load_export_state,
    locked,
    save_export_state,
)
from .base import app
from .context import DateOption, Options, options, parse_day
from .output import write_output

M = Catalog(
    {
        "reversed": {
            "id": "--to {last} sebelum --from {first}",
            "en": "--to {last} is before --from {first}",
        },
        "too_long": {
            "id": "rentang --from..--to paling panjang {n} hari",
            "en": "the --from..--to range is at most {n} days",
        },
        "written": {
            "id": "{n} acara ({first} s.d. {last}) ditulis ke {path}.\n"
            "Impor ke kalender khusus 'Diklat'; untuk memperbarui, kosongkan kalender itu lalu impor lagi "
            "(lihat docs/calendars.md).",
            "en": "{n} events ({first} to {last}) written to {path}.\n"
            "Import them into a dedicated 'Diklat' calendar; to update, empty that calendar and import again "
            "(see docs/calendars.md).",
        },
        "unsaved": {
            "id": "Peringatan: identitas ekspor tidak dapat disimpan di {path} ({reason}). Berkas "
            ".ics tetap dibuat, tetapi nomor revisi acara yang berubah tidak tercatat: bila diimpor "
            "lagi, acara bisa muncul dua kali atau tidak diperbarui. Kosongkan kalender 'Diklat' "
            "sebelum mengimpor (lihat docs/calendars.md).",
            "en": "Warning: the export identities could not be saved in {path} ({reason}). The "
            ".ics is written anyway, but the revisions of changed events are not remembered: a "
            "re-import may duplicate events or not update them. Empty the 'Diklat' calendar before "
            "importing (see docs/calendars.md).",
        },
    }
)

MAX_DAYS = 732  # two years: a training's whole run fits; an endless export does not


def _day(o: Options, option: str, value: str | None, default: date) -> date:
    if not value:
        return default
    return parse_day(value, option, o.current_lang())


@app.command()
def export(
    ctx: typer.Context,
    from_: Annotated[
        str | None,
        typer.Option("--from", help="First day (YYYY-MM-DD); default: today.", show_default=False),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option(
            "--to", help="Last day; default: the end of the planning horizon.", show_default=False
        ),
    ] = None,
    date_: DateOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the .ics here (default: stdout).", show_default=False
        ),
    ] = None,
    include_events: Annotated[
        bool,
        typer.Option(
            "--include-events",
            help="Also export the workspace's [[event]]s (usually already in your calendar).",
        ),
    ] = False,
) -> None:
    """Ekspor rencana dan sesi pelatihan ke .ics / export the plan and sessions as .ics.

    Example: diklat export --output diklat.ics
    """
    o = options(ctx)
    today = o.day(date_)
    ws = o.ws
    lang = o.language
    first = _day(o, "--from", from_, today)
    last = _day(o, "--to", to, horizon(ws, today)[1])
    if last < first:
        raise UsageError(M(lang, "reversed", first=first, last=last))
    if (last - first).days + 1 > MAX_DAYS:
        raise UsageError(M(lang, "too_long", n=MAX_DAYS))
    ws, (lo, hi), (plan_first, plan_last) = compose.export_windows(ws, today, first, last)
    plan, cal = compose.export(
        ws,
        today,
        first,
        last,
        holidays=o.holidays(lo, hi),
        progress=o.progress(),
        busy=o.busy(plan_first, plan_last),
        previous=o.last_plan(today),
    )
    state_dir = o.state_dir
    now = _stamp(ws, today, demo=state_dir is None)

    def ical(state: ExportState) -> tuple[bytes, ExportState]:
        from ..render.ics import to_ical

        return to_ical(
            plan,
            ws,
            first,
            last,
            calendar=cal,
            state=state,
            now=now,
            include_events=include_events,
            lang=lang,
        )

    data, unsaved = _with_identities(state_dir, ical)
    if unsaved is not None:
        typer.echo(terminal(M(lang, "unsaved", path=unsaved.path, reason=unsaved.reason)), err=True)
    _write(data, output, first, last, lang)


def _with_identities(
    state_dir: Path | None, ical: Callable[[ExportState], tuple[bytes, ExportState]]
) -> tuple[bytes, StateUnwritable | None]:
    """The .ics made against the identities of earlier exports, the new ones saved.

    Read, change and write happen under `.diklat/lock`, as `diklat done` does, so two exports at
    once lose nothing. When the state cannot be saved (a read-only workspace, a full disk) the file
    is still made, and the reason comes back for a warning; nothing is lost when nothing changed.
    """
    if state_dir is None:  # the demo keeps no state
        return ical(ExportState())[0], None
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(locked(state_dir))
        except StateUnwritable as exc:
            unsaved: StateUnwritable | None = exc
        else:
            unsaved = None
        state = load_export_state(state_dir)
        data, new_state = ical(state)
        if new_state == state:
            return data, None
        if unsaved is None:
            try:
                save_export_state(state_dir, new_state)
            except StateUnwritable as exc:
                unsaved = exc
        return data, unsaved


def _stamp(ws: Workspace, today: date, *, demo: bool) -> datetime:
    """The moment of this export (DTSTAMP of what changed)."""
    if demo:
        # the demo keeps no state, yet the same day must give the same bytes: stamp its midnight
        return datetime.combine(today, time(), ZoneInfo(ws.profile.timezone)).astimezone(UTC)
    return datetime.now(UTC)


def _write(data: bytes, output: Path | None, first: date, last: date, lang: Lang) -> None:
    """The file to stdout, or to `output` and a line saying what was written."""
    if output is None:
        out = typer.get_binary_stream("stdout")
        out.write(data)  # bytes, never text: a text stream on Windows would double the CRs
        out.flush()
        return
    write_output(output, data, lang)
    typer.echo(
        M(
            lang,
            "written",
            n=data.count(b"BEGIN:VEVENT"),
            first=format_date(first, lang, "long"),
            last=format_date(last, lang, "long"),
            path=output,
        )
    )
