"""`diklat plan`: the time-blocked plan of today (or several days, or a week), and what needs care.

The plan is always computed over the whole horizon, so today's blocks already make room for what
is due next week; the options only choose how much of it to show and in which form.
"""

import dataclasses
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Annotated

import typer

from ..errors import ExitCode
from ..planning.calendar import Calendar
from ..planning.plan import Conflict, Plan
from ..planning.schedule import make_plan
from ..workspace.models import Workspace
from .base import app
from .context import DateOption, Options, options


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


def _with_horizon(ws: Workspace, days: int) -> Workspace:
    """The workspace planned far enough ahead to show `days` days (never less than configured)."""
    if days <= ws.planning.horizon_days:
        return ws
    planning = dataclasses.replace(ws.planning, horizon_days=days)
    return dataclasses.replace(ws, planning=planning)


def with_conflicts(plan: Plan, found: Sequence[Conflict]) -> Plan:
    """The planner's own conflicts and what `conflicts.find` reports, each once, errors first."""
    known = {(c.kind, c.message) for c in plan.conflicts}
    extra = tuple(c for c in found if (c.kind, c.message) not in known)
    order = {"error": 0, "warning": 1, "info": 2}
    merged = sorted(plan.conflicts + extra, key=lambda c: order.get(c.severity, 3))
    return dataclasses.replace(plan, conflicts=tuple(merged))


def build_plan(
    o: Options, today: date, show_until: date | None = None, now: datetime | None = None
) -> tuple[Workspace, Plan]:
    """The plan from `today` over the horizon (stretched to reach `show_until`), with its clashes.

    `now` is the clock when planning the real today: the part of the day already gone gets no work.
    """
    ws = o.ws
    if show_until is not None:
        ws = _with_horizon(ws, (show_until - today).days + 1)
    p, found = plan_and_findings(o, ws, today, now)
    return ws, with_conflicts(p, found)


def plan_and_findings(
    o: Options, ws: Workspace, today: date, now: datetime | None = None
) -> tuple[Plan, list[Conflict]]:
    """The plan of the horizon and what `conflicts.find` reports, from one calendar (each would
    otherwise work out every day again). The clashes look past the horizon (a training's whole
    run), so the calendar and the holidays do too."""
    from ..planning import conflicts

    first, last = conflicts.window(ws, today)
    first, last = min(first, today), max(last, today + timedelta(days=ws.planning.horizon_days))
    holidays = o.holidays(first, last)
    busy = o.busy(first, last)
    lang = o.language
    cal = Calendar(ws, holidays, first, last, busy)
    p = make_plan(
        ws,
        today,
        holidays=holidays,
        progress=o.progress(),
        busy=busy,
        now=now,
        calendar=cal,
    )
    found = conflicts.find(ws, today, holidays=holidays, busy=busy, lang=lang, plan=p, calendar=cal)
    return p, found


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
      diklat plan --format json > rencana.json
    """
    o = options(ctx)
    today = o.day(date)
    dates = shown_dates(today, days, week)
    ws, p = build_plan(o, today, dates[-1], now=None if date else o.now())
    from ..render.words import View

    view = View(
        lang=o.language,
        dates=dates,
        colleagues={c.id: c.name for c in ws.colleagues},
        explain=explain,
        week=week,
    )
    if fmt is Format.json:
        from ..render import json as render_json

        for part in render_json.chunks(p, view):  # a year of tasks: no one huge string
            typer.echo(part, nl=False)
    elif fmt is Format.markdown:
        from ..render import markdown

        typer.echo(markdown.render(p, view), nl=False)
    else:
        from ..render.terminal import make_console, render_plan

        render_plan(make_console(no_color=bool(o.env.get("NO_COLOR"))), p, view)
    if strict and (p.unscheduled or any(t.late for t in p.tasks)):
        raise typer.Exit(int(ExitCode.FINDINGS))
