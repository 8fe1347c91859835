"""A block's hours on the clock of the place it was written for, beside the user's own.

An online class run from Jakarta at 13.00-16.00 WIB is 14.00-17.00 for a user in Makassar: every
plan view shows the user's time first and the place's time beside it ("14.00–17.00 (13.00–16.00
WIB)"), and the JSON gives both (`timezone`, `local_start`, `local_end`).
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from ..i18n import Lang, format_time, zone_abbreviation
from ..planning.plan import Block, Plan
from .words import is_all_day, local


def local_span(plan: Plan, b: Block, lang: Lang) -> str:
    """'13.00–16.00 WIB' when the block's place reads another clock than the user's; else ''."""
    if not b.zone or is_all_day(plan, b):
        return ""
    there = ZoneInfo(b.zone)
    s, e = b.start.astimezone(there), b.end.astimezone(there)
    if s.utcoffset() == local(plan, b.start).utcoffset():
        return ""
    return f"{format_time(s, lang)}–{format_time(e, lang)} {zone_abbreviation(b.zone)}"


def beside(plan: Plan, b: Block, lang: Lang) -> str:
    """' (13.00–16.00 WIB)' to follow the user's time, or ''."""
    there = local_span(plan, b, lang)
    return f" ({there})" if there else ""


def local_times(b: Block) -> dict[str, Any]:
    """The JSON keys of a block's place: its zone and its instants on that clock (null when the
    block is on the user's own clock)."""
    if not b.zone:
        return {"timezone": None, "local_start": None, "local_end": None}
    there = ZoneInfo(b.zone)
    return {
        "timezone": b.zone,
        "local_start": b.start.astimezone(there).isoformat(),
        "local_end": b.end.astimezone(there).isoformat(),
    }
