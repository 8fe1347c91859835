"""`diklat plan`: the time-blocked plan of today (or several days, or a week), and what needs care.

The plan is always computed over the whole horizon, so today's blocks already make room for what
is due next week; the options only choose how much of it to show and in which form.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from .. import compose
from ..errors import ExitCode
from .base import app
from .context import DateOption, options

if TYPE_CHECKING:
    from ..planning.plan import Plan
    from ..render.words import View


class Format(StrEnum):
    terminal = "terminal"
    json = "json"
    markdown = "markdown"


def week_of(today: date) -> tuple[date, ...]:
    """Monday to Sunday of today's week; from Saturday on, the coming week (this one is over)."""
    monday = today - timedelta(days=today.weekday())
    if today.weekday() >= 5:
        monday += timedelta(days=7)
    return tuple(monday + timedelta(days=i) for i in range(7))


def shown_dates(today: date, days: int, week: bool) -> tuple[date, ...]:
    if week:
        return week_of(today)
    return tuple(today + timedelta(days=i) for i in range(days))


@app.command()
def plan(
    ctx: typer.Context,
    date: DateOption = None,
    days: Annotated[
        int,
        typer.Option("--days", "-n", min=1, max=366, help="Tampilkan N hari / show N days."),
    ] = 1,
    week: Annotated[
        bool,
        typer.Option("--week", help="Kisi sepekan Senin-Minggu / a Monday-Sunday week grid."),
    ] = False,
    explain: Annotated[
        bool,
        typer.Option("--explain", help="Rincian urgensi tiap tugas / each task's urgency terms."),
    ] = False,
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", help="terminal | json | markdown."),
    ] = Format.terminal,
    fresh: Annotated[
        bool,
        typer.Option(
            "--fresh",
            help="Susun dari awal, tanpa mempertahankan rencana sebelumnya / plan from scratch, "
            "without keeping the last plan's blocks.",
        ),
    ] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Keluar dengan kode 1 bila ada yang belum terjadwal atau terlambat / "
            "exit 1 when anything is unscheduled or late.",
        ),
    ] = False,
) -> None:
    """Rencana hari ini / today's time-blocked plan.

    \b
    Examples:
      diklat plan
      diklat plan --date 2026-12-01 --days 3
      diklat plan --week
      diklat plan --fresh
      diklat plan --format json > rencana.json
    """
    o = options(ctx)
    today = o.day(date)
    dates = shown_dates(today, days, week)
    ws = compose.stretched(o.ws, today, dates[-1])
    first, last = compose.plan_window(ws, today)
    p = compose.plan_with_findings(
        ws,
        today,
        holidays=o.holidays(first, last),
        busy=o.busy(first, last),
        progress=o.progress(),
        now=None if date else o.now(),
        previous=o.last_plan(today, fresh),
    )
    o.keep_plan(p, today)
    from ..render.words import View

    view = View(
        lang=o.language,
        dates=dates,
        colleagues={c.id: c.name for c in ws.colleagues},
        explain=explain,
        week=week,
    )
    _show(p, view, fmt, o.no_color)
    if strict and (p.unscheduled or any(t.late for t in p.tasks)):
        raise typer.Exit(int(ExitCode.FINDINGS))


def _show(p: Plan, view: View, fmt: Format, no_color: bool) -> None:
    """The plan on stdout in the format asked for."""
    if fmt is Format.json:
        from ..render import json as render_json

        for part in render_json.chunks(p, view):  # a year of tasks: no one huge string
            typer.echo(part, nl=False)
    elif fmt is Format.markdown:
        from ..render import markdown

        typer.echo(markdown.render(p, view), nl=False)
    else:
        from ..render.terminal import make_console, render_plan

        render_plan(make_console(no_color=no_color), p, view)
