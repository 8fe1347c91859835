"""`diklat jp`: the year's trainings, JP, certificates and knowledge-sharing, for the SKP."""

from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..i18n import Catalog
from .base import app
from .context import DateOption, options

M = Catalog({"wrote": {"id": "Ditulis: {path}", "en": "Written: {path}"}})


class Format(StrEnum):
    markdown = "markdown"
    json = "json"


@app.command()
def jp(
    ctx: typer.Context,
    year: Annotated[
        int | None,
        typer.Option(
            "--year", min=2000, max=2100, help="The year (default: this year).", show_default=False
        ),
    ] = None,
    format_: Annotated[Format, typer.Option("--format", help="markdown | json.")] = Format.markdown,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of the terminal."),
    ] = None,
    date_: DateOption = None,
) -> None:
    """Catatan JP untuk SKP / the year's training for the SKP (e-Kinerja).

    Example: diklat jp --year 2026 --format json
    """
    from ..planning.calendar import Calendar
    from ..planning.skp import make_note
    from ..render import skp as render
    from .output import write_output

    o = options(ctx)
    ws = o.ws
    lang = o.language
    today = o.day(date_)
    the_year = year or today.year
    ending = [t for t in ws.trainings if t.end.year == the_year]
    first = min([date(the_year, 1, 1), *(t.start for t in ending)])
    # the knowledge-sharing falls in the working days after a training
    last = max([date(the_year, 12, 31), *(t.end + timedelta(days=45) for t in ending)])
    cal = Calendar(ws, o.holidays(first, last), first, last)
    note = make_note(ws, the_year, today, cal, o.progress())
    if format_ is Format.json:
        text = render.to_json(note, ws.profile)
    else:
        text = render.markdown(note, ws.profile, lang)
    if not text.endswith("\n"):
        text += "\n"  # the shell prompt goes on a line of its own
    if output is None:
        typer.echo(text, nl=False)
        return
    write_output(output, text.encode("utf-8"), lang)
    typer.echo(M(lang, "wrote", path=output), err=True)
