"""`diklat handover TRAINING`: the handover sheet (or with `--return`, the return sheet)."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import UsageError
from ..i18n import Catalog
from .base import app
from .context import DateOption, options

M = Catalog(
    {
        "no_training": {
            "id": "tidak ada pelatihan dengan id '{id}'; yang ada: {known}",
            "en": "no training with id '{id}'; there are: {known}",
        },
        "wrote": {"id": "Ditulis: {path}", "en": "Written: {path}"},
        "nobody": {
            "id": "Tidak ada rekan penerima untuk {id}: tulis handover_to, deputy atau delegate_to "
            "dulu.",
            "en": "No receiving colleague for {id}: set handover_to, deputy or delegate_to first.",
        },
    }
)


class Format(StrEnum):
    markdown = "markdown"
    html = "html"


@app.command()
def handover(
    ctx: typer.Context,
    training_id: Annotated[str, typer.Argument(metavar="TRAINING", help="The training's id.")],
    format_: Annotated[
        Format, typer.Option("--format", help="markdown | html (print-ready A4).")
    ] = Format.markdown,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of the terminal."),
    ] = None,
    date_: DateOption = None,
    per_colleague: Annotated[
        bool,
        typer.Option(
            "--per-colleague",
            help="One sheet per receiving colleague (with --output: FILE-stem-ID.ext each).",
        ),
    ] = False,
    returning: Annotated[
        bool,
        typer.Option(
            "--return",
            help="After the training: what each colleague covered, thanks, knowledge sharing.",
        ),
    ] = False,
) -> None:
    """Lembar serah terima tugas / the handover sheet for a training.

    Example: diklat handover pkp-2027 --format html --output serah-terima.html
    """
    from .. import compose
    from ..planning import handover as ho
    from ..render import handover as render
    from .output import write_output

    o = options(ctx)
    ws = o.ws
    lang = o.language
    today = o.day(date_)
    training = ws.training(training_id)
    if training is None:
        known = ", ".join(t.id for t in ws.trainings) or "-"
        raise UsageError(M(lang, "no_training", id=training_id, known=known))
    first, last = compose.handover_window(ws, training, today)
    busy = o.busy(first, last)
    sheet = compose.sheet(
        ws,
        training,
        today,
        holidays=o.holidays(first, last),
        busy=busy,
        progress=o.progress(),
        returning=returning,
        previous=o.last_plan(today),
    )
    kind: render.Kind = "return" if returning else "handover"
    fmt: render.Format = "html" if format_ is Format.html else "markdown"
    folder = None if o.found.how == "demo" else o.found.path
    sheets: list[tuple[str | None, ho.Sheet]] = [(None, sheet)]
    if per_colleague:
        people = ho.people(sheet)
        if not people:
            raise UsageError(M(lang, "nobody", id=training.id))
        sheets = [(c.id, ho.for_colleague(sheet, c)) for c in people]
    for who, one in sheets:
        text = render.render(one, ws.profile, lang, kind=kind, fmt=fmt, workspace=folder)
        if output is None:
            typer.echo(text, nl=False)
            continue
        path = output if who is None else output.with_name(f"{output.stem}-{who}{output.suffix}")
        write_output(path, text.encode("utf-8"), lang)
        typer.echo(M(lang, "wrote", path=path), err=True)
