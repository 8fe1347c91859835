"""`diklat check`: every clash and risk in the workspace, in words; `--suggest` ranks better dates.

Exit 1 when there is an error or a warning, 0 otherwise: notes (info, such as the JP tally or
work already handed over) never fail a script.
"""

import sys
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from ..errors import ExitCode, UsageError
from ..i18n import Catalog
from .base import app
from .context import DateOption, Options, options, parse_day

M = Catalog(
    {
        "no_training": {
            "id": "tidak ada pelatihan dengan id '{id}'; yang ada: {known}",
            "en": "no training with id '{id}'; there are: {known}",
        },
        "too_long": {
            "id": "rentang --from..--to paling panjang {n} hari",
            "en": "the --from..--to range is at most {n} days",
        },
        "bad_range": {
            "id": "--from {a} sesudah --to {b}",
            "en": "--from {a} is after --to {b}",
        },
    }
)


MAX_SUGGEST_DAYS = 366  # a year of start dates: about a second; a century was minutes


class Format(StrEnum):
    terminal = "terminal"
    json = "json"


def _date(flag: str, value: str | None, lang: str) -> date | None:
    if value is None:
        return None
    return parse_day(value, flag, "en" if lang == "en" else "id")


@app.command()
def check(
    ctx: typer.Context,
    date_: DateOption = None,
    format_: Annotated[Format, typer.Option("--format", help="terminal | json.")] = Format.terminal,
    suggest: Annotated[
        str | None,
        typer.Option(
            "--suggest",
            metavar="TRAINING",
            help="Rank other start dates for this training (its id), best first.",
        ),
    ] = None,
    from_: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="With --suggest: earliest start (default: 4 weeks before; never before today "
            "plus 5 working days).",
        ),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option("--to", help="With --suggest: latest start (default: 4 weeks after)."),
    ] = None,
) -> None:
    """Periksa bentrok jadwal dan beban kerja / check clashes and workload.

    Busy periods, meetings during online sessions, deadlines while away, overloaded weeks and
    colleagues, a missing Plh, the year's JP. Exit 1 when there is an error or a warning.

    Example: diklat check --date 2027-01-04   ·   diklat check --suggest pkp-2027
    """
    from .. import compose
    from ..render import check as render

    o = options(ctx)
    ws = o.ws
    lang = o.language
    today = o.day(date_)
    if suggest is not None:
        _suggest(o, suggest, from_, to, today, as_json=format_ is Format.json)
        return
    first, last = compose.plan_window(ws, today)
    _, found = compose.plan_and_findings(
        ws,
        today,
        holidays=o.holidays(first, last),
        busy=o.busy(first, last),
        progress=o.progress(),
        previous=o.last_plan(today),
    )
    if format_ is Format.json:
        typer.echo(render.findings_json(found, today, lang))
    else:
        render.findings(render.console(file=sys.stdout, no_color=o.no_color), found, today, lang)
    if any(f.severity != "info" for f in found):
        raise typer.Exit(int(ExitCode.FINDINGS))


def _suggest(
    o: Options,
    training_id: str,
    from_: str | None,
    to: str | None,
    today: date,
    *,
    as_json: bool,
) -> None:
    """`--suggest TRAINING`: other start dates for the training, best first."""
    from .. import compose
    from ..planning import suggest as sg
    from ..render import check as render

    ws, lang = o.ws, o.language
    training = ws.training(training_id)
    if training is None:
        known = ", ".join(t.id for t in ws.trainings) or "-"
        raise UsageError(M(lang, "no_training", id=training_id, known=known))
    first = _date("--from", from_, lang)
    last = _date("--to", to, lang)
    if first is not None and last is not None and first > last:
        raise UsageError(M(lang, "bad_range", a=first, b=last))
    if last is not None and (last - (first or today)).days + 1 > MAX_SUGGEST_DAYS:
        raise UsageError(M(lang, "too_long", n=MAX_SUGGEST_DAYS))
    lo, hi = compose.suggest_window(training, today, first, last)
    p_first, p_last = compose.plan_window(ws, today)
    lo, hi = min(lo, p_first), max(hi, p_last)
    found = compose.suggestions(
        ws,
        training,
        today,
        first,
        last,
        holidays=o.holidays(lo, hi),
        busy=o.busy(lo, hi),
        progress=o.progress(),
    )
    if as_json:
        typer.echo(render.suggestions_json(training, found, lang))
    else:
        out = render.console(file=sys.stdout, no_color=o.no_color)
        render.suggestions(out, training, found, lang, sg.SHOWN)
