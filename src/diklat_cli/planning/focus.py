"""The focus settings as the sweep reads them (`planning.max_switches`, `planning.focus`): a value
with each horizon day's first minute and the end of its morning on the line's clock.

The sweep (sweep.py, `_FocusSweep`) does the rest: at most `max_switches` switches between tasks
in a working day unless a deadline needs another task, and with `morning`, important work (`do`,
`plan`) preferred before the lunch break and the rest after it. docs/planning-choices.md says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from .line import Horizon, minute

LUNCH_FROM = time(11)  # the first break starting from then on is the lunch break
NOON = time(12)  # the end of the morning on a day without such a break


@dataclass(frozen=True, slots=True)
class Focus:
    """What the sweep needs to keep focus: the cap (None: none), the morning preference, and
    each horizon day's first minute and end of morning (epoch minutes, ascending)."""

    max_switches: int | None
    morning: bool
    day_starts: tuple[int, ...]
    mornings_end: tuple[int, ...]


def focus_for(hz: Horizon) -> Focus | None:
    """The focus of this horizon, or None when both settings are off (the sweep as it is)."""
    p = hz.ws.planning
    if p.max_switches is None and p.focus == "none":
        return None
    tz = hz.tz
    starts, ends = [], []
    for d in hz.days:
        starts.append(minute(datetime.combine(d, time(), tz)))
        info = hz.cal.day(d)
        lunch = [b.start for b in info.breaks if b.start >= LUNCH_FROM]
        ends.append(minute(datetime.combine(d, min(lunch, default=NOON), tz)))
    return Focus(p.max_switches, p.focus == "morning", tuple(starts), tuple(ends))


__all__ = ["Focus", "focus_for"]
