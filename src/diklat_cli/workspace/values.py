"""The value forms people write in the workspace: durations, time ranges, recurrences, ids.

Each parser raises `Invalid` (a `ValueError`) that knows its message in both languages: what is
wrong and how to write it instead. The loader adds the file and line, and picks the language.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from ..i18n import Catalog, Lang

M = Catalog(
    {
        "empty_duration": {
            "id": "durasi kosong",
            "en": "the duration is empty",
        },
        "not_duration": {
            "id": "'{text}' bukan durasi",
            "en": "'{text}' is not a duration",
        },
        "duration_fix": {
            "id": 'tulis seperti "90m", "1h30m", "1.5h", "2h" atau "3jp", dalam tanda kutip',
            "en": 'write it as "90m", "1h30m", "1.5h", "2h" or "3jp", in quotes',
        },
        "long_duration": {
            "id": "durasi '{text}' lebih dari {hours} jam",
            "en": "the duration '{text}' is longer than {hours} hours",
        },
        "long_duration_fix": {
            "id": "tulis sisa pekerjaan yang nyata; pecah pekerjaan yang besar menjadi beberapa tugas",
            "en": "write the work that is really left; split big work into several tasks",
        },
        "day_range": {
            "id": "tanggal {text} di luar {first} s.d. {last}",
            "en": "the date {text} is outside {first} to {last}",
        },
        "day_range_fix": {
            "id": "periksa tahunnya; untuk pengulangan tanpa akhir, hapus 'until'",
            "en": "check the year; for a recurrence without an end, leave 'until' out",
        },
        "zero_duration": {
            "id": "durasi '{text}' tidak lebih dari nol",
            "en": "the duration '{text}' is not longer than zero",
        },
        "not_time": {
            "id": "'{text}' bukan jam",
            "en": "'{text}' is not a time",
        },
        "time_fix": {
            "id": 'tulis seperti "16:15" atau "16.15", dalam tanda kutip',
            "en": 'write it as "16:15" or "16.15", in quotes',
        },
        "not_time_of_day": {
            "id": "'{text}' bukan jam yang ada (jam 00-23, menit 00-59)",
            "en": "'{text}' is not a time of day (hours 00-23, minutes 00-59)",
        },
        "not_range": {
            "id": "'{text}' bukan rentang waktu",
            "en": "'{text}' is not a time range",
        },
        "range_fix": {
            "id": 'tulis jam mulai dan jam selesai, seperti "07:30-16:00" atau "07.30-16.00", dalam tanda kutip',
            "en": 'write a start and an end, as "07:30-16:00" or "07.30-16.00", in quotes',
        },
        "range_reversed": {
            "id": "'{text}' selesai sebelum mulai",
            "en": "'{text}' ends before it starts",
        },
        "range_reversed_fix": {
            "id": 'tulis jam mulai lebih dulu, seperti "13:00-15:00" (rentang tidak boleh melewati tengah malam)',
            "en": 'write the start first, as "13:00-15:00" (a range cannot cross midnight)',
        },
        "not_id": {
            "id": "'{text}' bukan id",
            "en": "'{text}' is not an id",
        },
        "id_fix": {
            "id": 'pakai huruf, angka, - dan _ saja, tanpa spasi, seperti "lap-tw4"',
            "en": 'use letters, digits, - and _ only, no spaces, as "lap-tw4"',
        },
        "not_rrule": {
            "id": "'{text}' bukan aturan pengulangan (RRULE)",
            "en": "'{text}' is not a recurrence rule (RRULE)",
        },
        "rrule_fix": {
            "id": 'tulis seperti "FREQ=WEEKLY;BYDAY=MO,WE" atau "FREQ=MONTHLY;BYMONTHDAY=10"',
            "en": 'write it as "FREQ=WEEKLY;BYDAY=MO,WE" or "FREQ=MONTHLY;BYMONTHDAY=10"',
        },
    }
)


# The days diklat plans between: a wider year is a typo (0226 for 2026), and date arithmetic near
# Python's date.min and date.max (windows, horizons, recurrences) would overflow.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)
MAX_DURATION_HOURS = 10_000  # a duration longer than this (a year of work days) is a typo


class Invalid(ValueError):
    """A value a user wrote that cannot be used: a message key of a catalog, and its parameters.

    `str()` is the English text, for logs and for code that does not know the user's language;
    `what(lang)` and `fix(lang)` are what the user reads. `at` names the key the problem is
    about, when a check of a whole table finds it (e.g. 'until' before 'from'), or the path to it
    inside the table (('session', 2, 'date')).
    """

    def __init__(
        self,
        key: str,
        fix: str = "",
        *,
        at: str | tuple[str | int, ...] = "",
        catalog: Catalog = M,
        **params: Any,
    ) -> None:
        self.key = key
        self.fix_key = fix
        self.at = at
        self.catalog = catalog
        self.params = {k: visible(v) if isinstance(v, str) else v for k, v in params.items()}
        super().__init__(self.text("en"))

    def what(self, lang: Lang) -> str:
        return self.catalog(lang, self.key, **self.params)

    def fix(self, lang: Lang) -> str:
        return self.catalog(lang, self.fix_key, **self.params) if self.fix_key else ""

    def text(self, lang: Lang) -> str:
        fix = self.fix(lang)
        return f"{self.what(lang)}; {fix}" if fix else self.what(lang)


def visible(text: str) -> str:
    """`text` with its control characters written as escapes ('rekap\\n'): a value quoted in a
    message stays on its line, and nothing in it reaches the terminal as a control."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


_DURATION_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*(jp|jam|j|h|menit|min|m)(?![a-z])", re.IGNORECASE)
# matched whole (fullmatch): a `$` would let "rekap\n" through
_ID = re.compile(r"[A-Za-z0-9_-]+")
_TIME = re.compile(r"\s*(\d{1,2})[:.](\d{2})\s*")


def parse_duration(text: str, jp_minutes: int = 45) -> int:
    """Minutes in '90m', '1h30m', '1.5h', '2h', '3jp' (also '1 jam 30 menit')."""
    s = text.strip().lower()
    if not s:
        raise Invalid("empty_duration", "duration_fix")
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
        raise Invalid("not_duration", "duration_fix", text=text)
    if not total <= MAX_DURATION_HOURS * 60:  # also infinity, from 400 digits
        raise Invalid("long_duration", "long_duration_fix", text=text, hours=MAX_DURATION_HOURS)
    return round(total)


def check_day(day: date) -> date:
    """`day` when it lies between FIRST_DAY and LAST_DAY; `Invalid` otherwise."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise Invalid("day_range", "day_range_fix", text=day, first=FIRST_DAY, last=LAST_DAY)
    return day


def format_duration_value(minutes: int) -> str:
    """The canonical form written back into TOML (state files, `diklat init`)."""
    h, m = divmod(minutes, 60)
    return f"{h}h{m}m" if h and m else (f"{h}h" if h else f"{m}m")


def parse_time(text: str) -> time:
    """'07:30' or '07.30'; '24:00' is the end of the day."""
    m = _TIME.fullmatch(text)
    if not m:
        raise Invalid("not_time", "time_fix", text=text)
    h, mi = int(m.group(1)), int(m.group(2))
    if h == 24 and mi == 0:
        return time.max.replace(second=0, microsecond=0)  # 23:59, close enough for a day's end
    if h > 23 or mi > 59:
        raise Invalid("not_time_of_day", "time_fix", text=text)
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
        raise Invalid("not_range", "range_fix", text=text)
    try:
        start, end = parse_time(parts[0]), parse_time(parts[1])
    except Invalid:
        raise Invalid("not_range", "range_fix", text=text) from None
    if end <= start:
        raise Invalid("range_reversed", "range_reversed_fix", text=text)
    return TimeRange(start, end)


def check_id(text: str) -> str:
    if not _ID.fullmatch(text):
        raise Invalid("not_id", "id_fix", text=text)
    return text


@lru_cache(maxsize=512)
def check_rrule(text: str) -> str:
    """An RFC 5545 RRULE that python-dateutil accepts (the 'RRULE:' prefix is optional)."""
    from dateutil.rrule import rrulestr

    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    if not body or "FREQ=" not in body.upper():
        raise Invalid("not_rrule", "rrule_fix", text=text)
    try:
        rrulestr(body, dtstart=datetime(2000, 1, 1))
    except (ValueError, TypeError):
        raise Invalid("not_rrule", "rrule_fix", text=text) from None
    return body


def expand_rrule(rule: str, anchor: date, first: date, last: date) -> list[date]:
    """The days in [first, last] on which `rule`, anchored at `anchor`, occurs."""
    if last < first:
        return []
    days = _occurrences(rule, anchor, date(last.year, 12, 31))
    return list(days[bisect_left(days, max(first, anchor)) : bisect_right(days, last)])


@lru_cache(maxsize=1024)
def _occurrences(rule: str, anchor: date, until: date) -> tuple[date, ...]:
    """Every day of `rule` from `anchor` to `until`, kept: the planner, the clash checks and the
    calendar ask for the same rules over overlapping ranges, and dateutil walks each rule from its
    first occurrence whatever the range asked (a year of a weekly rule: about 0.3 ms). Ranges end
    on 31 December so that those questions share one answer."""
    from dateutil.rrule import rrulestr

    start = datetime.combine(anchor, time())
    rr = rrulestr(rule, dtstart=start)
    hi = datetime.combine(until + timedelta(days=1), time())
    return tuple(d.date() for d in rr.between(start - timedelta(seconds=1), hi, inc=False))
