"""Recurring events that began long ago, started again near the window.

dateutil (under recurring-ical-events) walks a series from its DTSTART, period by period: a
daily meeting since 1900 costs 46,000 steps before the first one in view, one since the year 1
three quarters of a million, every run. Written out (`values.explicit`), a rule gives the same
occurrences from any later start of one of its periods, so the event is moved to its first
occurrence at or after the period nearest the window. What the window sees does not change.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from .values import DAY_FREQS, explicit, period_start, rule_parts

if TYPE_CHECKING:
    from icalendar import Component

# the most occurrences one period of each frequency can hold, before BYHOUR and the like
_PER_PERIOD = {"DAILY": 1, "WEEKLY": 7, "MONTHLY": 31, "YEARLY": 366}
_PERIODS_PER_DAY = {"HOURLY": 24, "MINUTELY": 1440, "SECONDLY": 86400}


def shift(event: Component, target: date, last: date) -> None:
    """Move `event`'s one RRULE series to start near `target` (before the window) when it began
    earlier; leave it as it is when that cannot be done exactly."""
    rules = event.get("RRULE")
    start = getattr(event.get("DTSTART"), "dt", None)
    if rules is None or isinstance(rules, list) or not isinstance(start, date):
        return
    day = start.date() if isinstance(start, datetime) else start
    if day >= target:
        return
    parts = rule_parts(rules.to_ical().decode("ascii", "replace"))
    if not parts or "FREQ" not in parts:
        return
    freq = parts["FREQ"].upper()
    if "COUNT" in parts:
        if not _count_outlasts(parts, freq, day, last):
            return
        del parts["COUNT"]  # it cannot run out before the window ends: the same occurrences
    steps = explicit(parts, day) if freq in DAY_FREQS else parts
    daily = {"FREQ": "DAILY", "INTERVAL": parts.get("INTERVAL", "1")}
    new_day = period_start(steps if freq in DAY_FREQS else daily, day, target)
    if new_day <= day:
        return
    _move(event, steps, start, new_day)


def _count_outlasts(parts: dict[str, str], freq: str, day: date, last: date) -> bool:
    """COUNT is larger than the occurrences the rule could have had by `last`."""
    try:
        count, n = int(parts["COUNT"]), max(1, int(parts.get("INTERVAL", "1")))
    except ValueError:
        return False
    if freq not in _PER_PERIOD and freq not in _PERIODS_PER_DAY:
        return False
    per_period = _PER_PERIOD.get(freq, 1)
    for part in ("BYHOUR", "BYMINUTE", "BYSECOND"):
        if part in parts:
            per_period *= len(parts[part].split(","))
    days = (last - day).days + 2
    if freq in _PERIODS_PER_DAY:
        units = days * _PERIODS_PER_DAY[freq]
    else:  # the shortest month and year: never fewer periods than there are
        units = days // {"DAILY": 1, "WEEKLY": 7, "MONTHLY": 28, "YEARLY": 365}[freq] + 1
    return count > (units // n + 2) * per_period


def _move(event: Component, parts: dict[str, str], start: date, new_day: date) -> None:
    from dateutil.rrule import rrulestr
    from icalendar import vRecur

    text = ";".join(f"{k}={v}" for k, v in parts.items())
    if isinstance(start, datetime):
        anchor: Any = datetime.combine(new_day, start.time(), start.tzinfo)
    else:
        anchor = datetime.combine(new_day, time())
    try:
        found = rrulestr(text, dtstart=anchor).after(anchor, inc=True)
    except (ValueError, TypeError, OverflowError):
        return  # recurring-ical-events reads it as it is
    end = getattr(event.get("DTEND"), "dt", None)
    if found is None:
        del event["RRULE"]  # it ended before the window: only DTSTART and RDATEs remain
        return
    new_start = found if isinstance(start, datetime) else found.date()
    if end is not None:
        if type(end) is not type(start):
            return
        length: timedelta = end - start
        _replace(event, "DTEND", new_start + length)
    _replace(event, "DTSTART", new_start)
    event["RRULE"] = vRecur.from_ical(text)


def _replace(event: Component, name: str, value: date) -> None:
    """Set a date-time property, keeping its parameters (TZID): the value keeps its tzinfo."""
    from icalendar import vDDDTypes

    params = dict(event[name].params)
    prop = vDDDTypes(value)
    prop.params.update(params)
    event[name] = prop
