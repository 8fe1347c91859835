"""`diklat plan`: today's time-blocked plan. PLACEHOLDER wiring until the renderers land."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

import typer

from ..schedule import make_plan
from .app import app
from .context import options


@app.command()
def plan(
    ctx: typer.Context,
    date: Annotated[
        str | None, typer.Option("--date", help="Plan as if today were YYYY-MM-DD.")
    ] = None,
) -> None:
    """Rencana hari ini / today's plan.

    Example: diklat plan --date 2026-12-01
    """
    o = options(ctx)
    today = o.day(date)
    ws = o.ws
    last = today + timedelta(days=ws.planning.horizon_days)
    p = make_plan(
        ws,
        today,
        holidays=o.holidays(today, last),
        progress=o.progress(),
        busy=o.busy(today, last),
        lang=o.language,
    )
    for b in p.days[0].blocks:
        typer.echo(f"{b.start:%H:%M}-{b.end:%H:%M} {b.kind} {b.title}")
