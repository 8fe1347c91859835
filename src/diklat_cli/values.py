"""The value forms people write in the workspace: durations, time ranges, recurrences, ids.

Each parser raises `ValueError` with a message that says what was expected, in words a user
understands; the loader adds the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache

_DURATION_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*(jp|jam|j|h|menit|min|m)(?![a-z])", re.IGNORECASE)
_ID = re.compile(r"^[A-Za-z0-9_-]+$")
_TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*$")


def parse_duration(text: str, jp_minutes: int = 45) -> int:
    """Minutes in '90m', '1h30m', '1.5h', '2h', '3jp' (also '1 jam 30 menit')."""
    s = text.strip().lower()
    if not s:
        raise ValueError("durasi kosong / empty duration")
    pos = 0
    total = 0.0
    for m in _DURATION_PART.finditer(s):
        if s[pos : m.start()].strip():
            break
        amount = float(m.group(1).replace(",", "."))
        unit = m.group(2)
        if unit == "jp":
            total += amount * jp_minutes
        elif unit in ("h", "j", "jam"):
            total += amount * 60
        else:
            total += amount
        pos = m.end()
    if pos == 0 or s[pos:].strip():
        raise ValueError(f"'{text}' is not a duration")
    return round(total)


def format_duration_value(minutes: int) -> str:
    """The canonical form written back into TOML (state files, `diklat init`)."""
    h, m = divmod(minutes, 60)
    return f"{h}h{m}m" if h and m else (f"{h}h" if h else f"{m}m")


def parse_time(text: str) -> time:
    """'07:30' or '07.30'; '24:00' is the end of the day."""
    m = _TIME.match(text)
    if not m:
        raise ValueError(f"'{text}' is not a time")
    h, mi = int(m.group(1)), int(m.group(2))
    if h == 24 and mi == 0:
        return time.max.replace(second=0, microsecond=0)  # 23:59, close enough for a day's end
    if h > 23 or mi > 59:
        raise ValueError(f"'{text}' is not a time of day")
    return time(h, mi)


@dataclass(frozen=True, order=True)
class TimeRange:
    """A same-day span of clock time, start before end."""

    start: time
    end: time

    @property
    def minutes(self) -> int:
        return (self.end.hour * 60 + self.end.minute) - (self.start.hour * 60 + self.start.minute)

    def on(self, day: date, tz: object) -> tuple[datetime, datetime]:
        """The span as aware datetimes on `day` in `tz`."""
        return (
            datetime.combine(day, self.start, tzinfo=tz),  # type: ignore[arg-type]
            datetime.combine(day, self.end, tzinfo=tz),  # type: ignore[arg-type]
        )

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


def parse_time_range(text: str) -> TimeRange:
    """'07:30-16:00' or '07.30-16.00' (an en dash or 's.d.' works too)."""
    parts = re.split(r"\s*(?:-|–|—|s\.d\.?)\s*", text.strip(), maxsplit=1)
    if len(parts) != 2:
        raise ValueError(f"'{text}' is not a time range")
    start, end = parse_time(parts[0]), parse_time(parts[1])
    if end <= start:
        raise ValueError(f"'{text}' ends before it starts")
    return TimeRange(start, end)


def check_id(text: str) -> str:
    if not _ID.match(text):
        raise ValueError(f"'{text}' is not an id")
    return text


@lru_cache(maxsize=512)
def check_rrule(text: str) -> str:
    """An RFC 5545 RRULE that python-dateutil accepts (the 'RRULE:' prefix is optional)."""
    from dateutil.rrule import rrulestr

    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    if not body or "FREQ=" not in body.upper():
        raise ValueError(f"'{text}' is not a recurrence rule")
    try:
        rrulestr(body, dtstart=datetime(2000, 1, 1))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"'{text}' is not a recurrence rule ({exc})") from None
    return body


def expand_rrule(rule: str, anchor: date, first: date, last: date) -> list[date]:
    """The days in [first, last] on which `rule`, anchored at `anchor`, occurs."""
    from dateutil.rrule import rrulestr

    if last < first:
        return []
    start = datetime.combine(anchor, time())
    rr = rrulestr(rule, dtstart=start)
    lo = datetime.combine(max(first, anchor), time())
    hi = datetime.combine(last, time())
    return [d.date() for d in rr.between(lo - timedelta(seconds=1), hi, inc=True)]
