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
        "rrule_too_fine": {
            "id": "'{text}' berulang lebih sering dari sehari sekali ({freq}); rencana disusun per hari",
            "en": "'{text}' repeats more often than once a day ({freq}); plans are made by the day",
        },
        "rrule_too_fine_fix": {
            "id": "pakai FREQ=DAILY, WEEKLY, MONTHLY atau YEARLY; jamnya ditulis di 'time'",
            "en": "use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY; the time of day goes in 'time'",
        },
        "rrule_time_part": {
            "id": "'{text}': {part} tidak dipakai, jamnya ditulis di 'time'",
            "en": "'{text}': {part} is not used, the time of day goes in 'time'",
        },
        "rrule_time_part_fix": {
            "id": "hapus {part} dari aturan ini",
            "en": "remove {part} from the rule",
        },
        "rrule_interval": {
            "id": "'{text}': INTERVAL harus bilangan bulat 1 sampai {max}",
            "en": "'{text}': INTERVAL must be a whole number from 1 to {max}",
        },
        "rrule_interval_fix": {
            "id": "hapus INTERVAL (artinya 1), atau tulis seperti INTERVAL=2 untuk dua minggu sekali",
            "en": "leave INTERVAL out (it means 1), or write e.g. INTERVAL=2 for every other week",
        },
        "rrule_count": {
            "id": "'{text}': COUNT lebih dari {max}",
            "en": "'{text}': COUNT is over {max}",
        },
        "rrule_count_fix": {
            "id": "tulis tanggal akhirnya, seperti UNTIL=20271231, atau hapus COUNT",
            "en": "write its last day instead, as UNTIL=20271231, or leave COUNT out",
        },
        "rrule_count_until": {
            "id": "'{text}': COUNT dan UNTIL tidak boleh dipakai bersama",
            "en": "'{text}': COUNT and UNTIL cannot be used together",
        },
        "rrule_count_until_fix": {
            "id": "pakai salah satunya saja",
            "en": "keep one of them",
        },
        "rrule_never": {
            "id": "'{text}' tidak pernah terjadi (misalnya 30 Februari)",
            "en": "'{text}' never occurs (30 February, for instance)",
        },
        "rrule_never_fix": {
            "id": "periksa BYMONTH, BYMONTHDAY, BYDAY dan BYSETPOS",
            "en": "check BYMONTH, BYMONTHDAY, BYDAY and BYSETPOS",
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


# --- recurrences -------------------------------------------------------------------------------
#
# A recurrence is the one value whose cost is not bounded by its length: "FREQ=SECONDLY" or
# "INTERVAL=0" never finish, and dateutil walks a rule from its first occurrence, and a rule that
# never matches (30 February) to the year 9999. So rules are checked when read (by the day,
# INTERVAL 1-999, COUNT at most 10,000, no time-of-day parts, at least one occurrence), and
# expanded from the period nearest the window asked for, never from an anchor in 1900.

DAY_FREQS = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
_FINE_FREQS = ("HOURLY", "MINUTELY", "SECONDLY")
MAX_INTERVAL = 999
MAX_COUNT = 10_000
_CYCLE_YEARS = 400  # the Gregorian calendar repeats itself (weekdays included) every 400 years
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# what dateutil raises on rules it accepted but cannot follow
_RULE_ERRORS = (ValueError, TypeError, OverflowError, IndexError, KeyError)


def rule_parts(text: str) -> dict[str, str] | None:
    """NAME=VALUE parts of a one-line rule, names upper-cased; None when it is not that shape."""
    if any(c in text for c in "\r\n\0"):
        return None  # dateutil would read further lines as DTSTART, RDATE, EXRULE...
    parts: dict[str, str] = {}
    for item in text.split(";"):
        name, eq, value = item.partition("=")
        name = name.strip().upper()
        if not item.strip():
            continue
        if not eq or not name or name in parts:
            return None
        parts[name] = value.strip()
    return parts


def _join(parts: dict[str, str]) -> str:
    return ";".join(f"{k}={v}" for k, v in parts.items())


@lru_cache(maxsize=512)
def check_rrule(text: str) -> str:
    """An RFC 5545 RRULE by the day that python-dateutil accepts (the 'RRULE:' prefix is optional).

    Refused: finer than a day, INTERVAL outside 1-999, COUNT over 10,000, BYHOUR/BYMINUTE/BYSECOND,
    and a rule that never occurs.
    """
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    parts = rule_parts(body)
    if not parts or "FREQ" not in parts:
        raise Invalid("not_rrule", "rrule_fix", text=text)
    freq = parts["FREQ"].upper()
    if freq in _FINE_FREQS:
        raise Invalid("rrule_too_fine", "rrule_too_fine_fix", text=text, freq=freq)
    for part in ("BYHOUR", "BYMINUTE", "BYSECOND"):
        if part in parts:
            raise Invalid("rrule_time_part", "rrule_time_part_fix", text=text, part=part)
    interval = parts.get("INTERVAL", "1")
    if not interval.isdigit() or not 1 <= int(interval) <= MAX_INTERVAL:
        raise Invalid("rrule_interval", "rrule_interval_fix", text=text, max=MAX_INTERVAL)
    count = parts.get("COUNT", "1")
    if count.isdigit() and int(count) > MAX_COUNT:
        raise Invalid("rrule_count", "rrule_count_fix", text=text, max=MAX_COUNT)
    if freq not in DAY_FREQS:
        raise Invalid("not_rrule", "rrule_fix", text=text)
    if "COUNT" in parts and "UNTIL" in parts:  # RFC 5545 forbids it; dateutil only warns
        raise Invalid("rrule_count_until", "rrule_count_until_fix", text=text)
    from dateutil.rrule import rrulestr

    try:
        rrulestr(body, dtstart=datetime(2000, 1, 1))
        never = never_occurs(body, date(2000, 1, 1))
    except _RULE_ERRORS:  # dateutil's own checks miss some (BYMONTH=0 fails when iterated)
        raise Invalid("not_rrule", "rrule_fix", text=text) from None
    if never:
        raise Invalid("rrule_never", "rrule_never_fix", text=text)
    return body


def explicit(parts: dict[str, str], anchor: date) -> dict[str, str]:
    """`parts` with what a rule takes from its anchor (the day, the weekday) written out.

    dateutil, like RFC 5545, fills a rule without day filters from DTSTART; once written out, the
    rule gives the same days from any later start of one of its periods.
    """
    out = dict(parts)
    freq = out["FREQ"].upper()
    if any(k in out for k in ("BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYEASTER")):
        return out
    if freq == "YEARLY":
        out.setdefault("BYMONTH", str(anchor.month))
        out["BYMONTHDAY"] = str(anchor.day)
    elif freq == "MONTHLY":
        out["BYMONTHDAY"] = str(anchor.day)
    elif freq == "WEEKLY":
        out["BYDAY"] = _WEEKDAYS[anchor.weekday()]
    return out


def period_start(parts: dict[str, str], anchor: date, target: date) -> date:
    """The start of the latest period of the rule at or before `target` (anchor when none later,
    or when that start would fall outside the calendar: a week starting before the year 1)."""
    try:
        return _period_start(parts, anchor, target)
    except (OverflowError, ValueError):
        return anchor


def _period_start(parts: dict[str, str], anchor: date, target: date) -> date:
    """The start of the latest period of the rule at or before `target` (anchor when none later).

    Periods are counted from the anchor's own (its day, its WKST week, its month, its year) in
    steps of INTERVAL, so the rule, written out (`explicit`), keeps its phase.
    """
    freq = parts["FREQ"].upper()
    n = int(parts.get("INTERVAL", "1") or 1)
    if target <= anchor:
        return anchor
    if freq == "DAILY":
        k = (target - anchor).days // n * n
        return anchor + timedelta(days=k) if k > 0 else anchor
    if freq == "WEEKLY":
        wkst = _WEEKDAYS.index(parts.get("WKST", "MO").upper()[:2] or "MO")
        week = anchor - timedelta(days=(anchor.weekday() - wkst) % 7)
        k = (target - week).days // 7 // n * n
        return week + timedelta(weeks=k) if k > 0 else anchor
    if freq == "MONTHLY":
        months = (target.year - anchor.year) * 12 + target.month - anchor.month
        k = months // n * n
        if k <= 0:
            return anchor
        m = anchor.month - 1 + k
        return date(anchor.year + m // 12, m % 12 + 1, 1)
    k = (target.year - anchor.year) // n * n
    return date(anchor.year + k, 1, 1) if k > 0 else anchor


@lru_cache(maxsize=1024)
def never_occurs(rule: str, anchor: date) -> bool:
    """No day ever matches `rule` from `anchor` on (COUNT and UNTIL aside); raises what dateutil
    raises on a rule it cannot follow (_RULE_ERRORS).

    dateutil searches such a rule to the year 9999 (seconds for a daily rule); here it starts from
    the period nearest one full calendar cycle (400 years, times INTERVAL) before the end, which
    holds every pattern the rule can make, so the search costs at most that cycle.
    """
    from dateutil.rrule import rrulestr

    parts = rule_parts(rule)
    if not parts or "FREQ" not in parts:
        return False
    parts = explicit(parts, anchor)
    parts.pop("COUNT", None)
    parts.pop("UNTIL", None)
    n = int(parts.get("INTERVAL", "1") or 1)
    last_year = 9999 - _CYCLE_YEARS * n - 1
    start = (
        period_start(parts, anchor, date(last_year, 1, 1)) if last_year > anchor.year else anchor
    )
    rr = rrulestr(_join(parts), dtstart=datetime.combine(start, time()))
    return rr.after(datetime.combine(start, time()), inc=True) is None


def expand_rrule(rule: str, anchor: date, first: date, last: date) -> list[date]:
    """The days in [first, last] on which `rule`, anchored at `anchor`, occurs."""
    if last < first or last < anchor:
        return []
    days = _occurrences(rule, anchor, max(first, anchor).year, last.year)
    return list(days[bisect_left(days, max(first, anchor)) : bisect_right(days, last)])


@lru_cache(maxsize=1024)
def _occurrences(rule: str, anchor: date, first_year: int, last_year: int) -> tuple[date, ...]:
    """Every day of `rule` from `anchor` in the years `first_year`..`last_year`, kept.

    The planner, the clash checks and the calendar ask for the same rules over overlapping ranges,
    so answers cover whole years. The rule starts from its period nearest 1 January of
    `first_year` (a rule with COUNT from the anchor, its count being small), and a rule that never
    occurs is not searched (see `never_occurs`).
    """
    from dateutil.rrule import rrulestr

    parts = rule_parts(rule)
    try:
        if not parts or never_occurs(rule, anchor):
            return ()
    except _RULE_ERRORS:
        return ()
    start = anchor
    if "COUNT" not in parts:
        parts = explicit(parts, anchor)
        start = period_start(parts, anchor, date(first_year, 1, 1))
    out: list[date] = []
    try:
        for d in rrulestr(_join(parts), dtstart=datetime.combine(start, time())):
            if d.year > last_year:
                break
            if d.date() >= anchor:
                out.append(d.date())
    except _RULE_ERRORS:  # a rule that reaches past the year 1 or 9999
        pass
    return tuple(out)


# the names Indonesians write a zone with, and the IANA zone each stands for
ZONE_ALIASES = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}


def zone_name(text: str) -> str:
    """The IANA name of a zone as people write it: WIB, WITA and WIT (any case) read as theirs."""
    text = text.strip()
    return ZONE_ALIASES.get(text.upper(), text)
