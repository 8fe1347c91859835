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
        typer.Option("--from", help="With --suggest: earliest start (default: 4 weeks before)."),
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
        _suggest(o, suggest, from_, to, as_json=format_ is Format.json)
        return
    first, last = compose.plan_window(ws, today)
    _, found = compose.plan_and_findings(
        ws,
        today,
        holidays=o.holidays(first, last),
        busy=o.busy(first, last),
        progress=o.progress(),
    )
    if format_ is Format.json:
        typer.echo(render.findings_json(found, today, lang))
    else:
        render.findings(render.console(file=sys.stdout, no_color=o.no_color), found, today, lang)
    if any(f.severity != "info" for f in found):
        raise typer.Exit(int(ExitCode.FINDINGS))


def _suggest(
    o: Options, training_id: str, from_: str | None, to: str | None, *, as_json: bool
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
    lo, hi = sg.default_window(training)
    first = _date("--from", from_, lang) or lo
    last = _date("--to", to, lang) or hi
    if first > last:
        raise UsageError(M(lang, "bad_range", a=first, b=last))
    if (last - first).days + 1 > MAX_SUGGEST_DAYS:
        raise UsageError(M(lang, "too_long", n=MAX_SUGGEST_DAYS))
    lo, hi = compose.suggest_window(training, first, last)
    ranked = sg.rank(
        ws, training, holidays=o.holidays(lo, hi), busy=o.busy(lo, hi), first=first, last=last
    )
    if as_json:
        typer.echo(render.suggestions_json(training, ranked, lang))
    else:
        out = render.console(file=sys.stdout, no_color=o.no_color)
        render.suggestions(out, training, ranked, first, last, lang, sg.SHOWN)
