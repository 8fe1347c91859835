"""Reading the user's own calendars ([[calendar]] .ics exports) as busy time.

Exports from Google, Outlook and Thunderbird each bend the standard their own way: Google writes
UTC with a non-standard X-WR-TIMEZONE, Outlook Windows zone names ("SE Asia Standard Time"),
people write TZID=WIB by hand. Unknown zones are never shifted silently: they are read in the
profile's zone and reported. A file is untrusted input: it is capped in size, in the span read
and in the occurrences expanded, so a hostile or broken file costs a message, never a hang.

A training's `sessions_from` file is read the same way (sources/sessions.py), through the public
names here: `Unusable`, `CalendarReading`, `broken`, `parse_calendars` and `prepare`.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..errors import Problem, WorkspaceError
from ..i18n import Catalog, Lang, format_date, zone_abbreviation
from ..planning.calendar import BusyEvent
from .models import CalendarSource, Workspace
from .values import ZONE_ALIASES, zone_name

if TYPE_CHECKING:
    from icalendar import Calendar, Component, Event

    from . import icsscan

MAX_BYTES = 20 * 1024 * 1024  # a decade of a busy office calendar is a few MB
ENV_MAX_MB = "DIKLAT_MAX_CALENDAR_MB"  # raises (or lowers) MAX_BYTES, in megabytes


def max_bytes() -> int:
    """The size limit of one calendar file: DIKLAT_MAX_CALENDAR_MB when it is a number, else 20 MB."""
    import os

    try:
        mb = float(os.environ.get(ENV_MAX_MB, ""))
    except ValueError:
        return MAX_BYTES
    return int(mb * 2**20) if 0 < mb < 2**20 else MAX_BYTES


MAX_OCCURRENCES = 10_000  # per file, within the window: 20 meetings a day for over a year
MAX_WINDOW_DAYS = 800  # the longest span any command needs (a year's horizon, a long training)
MAX_PER_DAY = 48  # a series repeating more often than every half hour is not a meeting
MAX_EVENT_DAYS = 400  # an event longer than this is a mistake (DTSTART 1900, DTEND 2026)
MAX_WARNINGS = 10  # per file: a broken export should not bury the plan
MAX_SECONDS = 2.0  # the time one file's recurring events may take; the rest are left out


def _clock() -> float:
    import time as _time

    return _time.monotonic()


# properties whose values are date-times that may carry a TZID
_TIMED = ("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "RDATE", "DUE")

M = Catalog(
    {
        "where": {"id": "[[calendar]] path", "en": "[[calendar]] path"},
        "missing": {"id": "berkas tidak ada", "en": "the file does not exist"},
        "missing_fix": {
            "id": "ekspor kalender Anda ke berkas .ics di ruang kerja, atau perbaiki 'path' (relatif terhadap ruang kerja)",
            "en": "export your calendar as an .ics file into the workspace, or fix 'path' (relative to the workspace)",
        },
        "unreadable": {
            "id": "berkas tidak dapat dibaca ({error})",
            "en": "cannot be read ({error})",
        },
        "too_big": {
            "id": "berkas terlalu besar ({mb} MB; batasnya {limit} MB)",
            "en": "the file is too big ({mb} MB; the limit is {limit} MB)",
        },
        "too_big_fix": {
            "id": "ekspor hanya kalender dan rentang waktu yang Anda perlukan, atau naikkan batasnya (mis. {env}=50)",
            "en": "export only the calendar and the period you need, or raise the limit (e.g. {env}=50)",
        },
        "not_utf8": {"id": "bukan teks UTF-8", "en": "is not UTF-8 text"},
        "not_utf8_fix": {
            "id": "ekspor ulang dari aplikasi kalender Anda (UTF-8), atau ubah dengan 'iconv -f WINDOWS-1252 -t UTF-8'",
            "en": "export it again from your calendar app (UTF-8), or convert it with 'iconv -f WINDOWS-1252 -t UTF-8'",
        },
        "not_ical": {
            "id": "bukan berkas iCalendar (.ics): {error}",
            "en": "is not an iCalendar (.ics) file: {error}",
        },
        "not_ical_fix": {
            "id": "pilih berkas hasil 'Ekspor' kalender (diawali BEGIN:VCALENDAR)",
            "en": "use the file your calendar app's 'Export' wrote (it starts with BEGIN:VCALENDAR)",
        },
        "no_calendar": {"id": "tidak berisi BEGIN:VCALENDAR", "en": "holds no BEGIN:VCALENDAR"},
        "bad_event": {
            "id": "{file}: acara '{event}' dilewati: {error}",
            "en": "{file}: event '{event}' skipped: {error}",
        },
        "no_start": {"id": "tidak ada DTSTART", "en": "it has no DTSTART"},
        "bad_value": {"id": "nilai {prop} rusak ({error})", "en": "bad {prop} value ({error})"},
        "too_often": {
            "id": "berulang lebih dari {n} kali sehari ({rule})",
            "en": "repeats more than {n} times a day ({rule})",
        },
        "never": {
            "id": "aturan pengulangan tidak pernah terjadi ({rule})",
            "en": "its recurrence rule never occurs ({rule})",
        },
        "bad_series": {
            "id": "{file}: acara berulang '{event}' dilewati: {error}",
            "en": "{file}: recurring event '{event}' skipped: {error}",
        },
        "unknown_tz": {
            "id": "{file}: acara '{event}': zona waktu '{tzid}' tidak dikenal; dibaca sebagai {zone} ({abbr}). Periksa jamnya.",
            "en": "{file}: event '{event}': unknown time zone '{tzid}'; read as {zone} ({abbr}). Check its times.",
        },
        "bad_wr_tz": {
            "id": "{file}: X-WR-TIMEZONE '{tzid}' tidak dikenal; waktu tanpa zona dibaca sebagai {zone}.",
            "en": "{file}: unknown X-WR-TIMEZONE '{tzid}'; times without a zone are read as {zone}.",
        },
        "capped": {
            "id": "{file}: lebih dari {n} kejadian sebelum {day}; sisanya diabaikan (mis. '{event}').",
            "en": "{file}: more than {n} occurrences before {day}; the rest are ignored (e.g. '{event}').",
        },
        "too_many": {
            "id": "{file}: lebih dari {n} acara pada rentang ini; {dropped} sisanya diabaikan.",
            "en": "{file}: more than {n} events in this period; the other {dropped} are ignored.",
        },
        "window": {
            "id": "Kalender Anda hanya dibaca sampai {day} ({n} hari).",
            "en": "Your calendars are read only up to {day} ({n} day).|"
            "Your calendars are read only up to {day} ({n} days).",
        },
        "untitled": {"id": "tanpa judul", "en": "untitled"},
        "more_warnings": {
            "id": "{file}: {n} peringatan lain tidak ditampilkan.",
            "en": "{file}: {n} more warnings not shown.",
        },
        "too_long": {
            "id": "{file}: acara '{event}' dilewati: lebih dari {n} hari.",
            "en": "{file}: event '{event}' skipped: it lasts more than {n} days.",
        },
        "slow": {
            "id": "{file}: acara berulangnya butuh lebih dari {seconds:g} detik; {n} acara berulang dilewati.",
            "en": "{file}: its recurring events take over {seconds:g} seconds; {n} recurring events left out.",
        },
        "unclosed": {
            "id": "BEGIN:{name} (baris {begun}) tidak pernah ditutup dengan END:{name}; berkas berakhir di sini",
            "en": "BEGIN:{name} (line {begun}) is never closed by END:{name}; the file ends here",
        },
        "bad_end": {
            "id": "END:{got} di tempat END:{expected} seharusnya",
            "en": "END:{got} where END:{expected} should be",
        },
        "stray_end": {
            "id": "END:{got} tanpa BEGIN:{got} sebelumnya",
            "en": "END:{got} without a BEGIN:{got} before it",
        },
        "too_deep": {
            "id": "komponen bersarang lebih dari {n} tingkat",
            "en": "components nested more than {n} deep",
        },
        "broken_fix": {
            "id": "ekspor ulang kalender dari aplikasinya: berkas ini terpotong atau rusak",
            "en": "export the calendar again from its app: this file is cut short or damaged",
        },
        "overdated": {
            "id": "{file}: {dropped} acara dengan lebih dari {n} tanggal EXDATE/RDATE diabaikan.",
            "en": "{file}: {dropped} events with more than {n} EXDATE/RDATE dates are ignored.",
        },
        "bad_zone": {
            "id": "{file}: zona waktu '{tzid}' dilewati: aturannya tidak tahunan, atau peralihannya lebih dari 1000.",
            "en": "{file}: time zone '{tzid}' left out: its rules are not yearly, or it has over 1000 transitions.",
        },
    }
)


class Unusable(Exception):
    """The file cannot be used at all: one problem, naming it (exit 3)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class CalendarReading:
    """One file being read: its name as shown to the user, the zones, and what went wrong."""

    name: str
    tz: ZoneInfo
    lang: Lang
    warnings: list[str] = field(default_factory=list)
    deadline: float = field(default_factory=lambda: _clock() + MAX_SECONDS)
    left_out: int = 0  # recurring events not read for want of time

    def out_of_time(self) -> bool:
        """The file has had its time: what is not read yet is left out (and counted)."""
        if _clock() < self.deadline:
            return False
        self.left_out += 1
        return True

    hidden: int = 0  # warnings past MAX_WARNINGS, counted

    def warn(self, key: str, **params: object) -> None:
        text = M(self.lang, key, file=self.name, **params)
        if text in self.warnings:
            return
        if len(self.warnings) >= MAX_WARNINGS:
            self.hidden += 1
            return
        self.warnings.append(text)


def read_calendars(
    ws: Workspace,
    root: Path,
    first: date,
    last: date,
    lang: Lang = "id",
    cache: Path | None = None,
) -> tuple[list[BusyEvent], list[str]]:
    """Busy time from every [[calendar]] of the workspace between `first` and `last` (inclusive).

    Returns the events and the warnings to print; raises `WorkspaceError` with one problem per
    file that cannot be used at all. With `cache`, a file read before for the same window is not
    parsed again (nor icalendar imported): `diklat plan` runs every morning on the same files.
    """
    tz = ZoneInfo(ws.profile.timezone)
    warnings: list[str] = []
    if (last - first).days > MAX_WINDOW_DAYS:
        last = first + timedelta(days=MAX_WINDOW_DAYS)
        if ws.calendars:
            warnings.append(
                M.count(lang, "window", MAX_WINDOW_DAYS, day=format_date(last, lang, "long"))
            )
    busy: list[BusyEvent] = []
    problems: list[Problem] = []
    memo = _Cache(cache)
    for source in ws.calendars:
        key = _cache_key(source, root, tz, first, last, lang)
        hit = memo.get(key)
        if hit is not None:
            events, notes = hit
        else:
            try:
                events, notes = read_calendar(source, root, tz, first, last, lang)
            except Unusable as exc:
                problems.append(exc.problem)
                continue
            memo.put(key, events, notes)
        busy.extend(events)
        warnings.extend(notes)
    if problems:
        raise WorkspaceError(problems)
    memo.save()
    busy.sort(key=lambda b: (b.start, b.end, b.title))
    return busy, warnings


CACHE_VERSION = 2  # raise when reading changes, so old results are not reused


def _cache_key(
    source: CalendarSource, root: Path, tz: ZoneInfo, first: date, last: date, lang: Lang
) -> str | None:
    path = _resolve(source, root)
    try:
        st = path.stat()
    except OSError:
        return None
    parts = (
        CACHE_VERSION,
        str(path.resolve()),
        st.st_mtime_ns,
        st.st_ctime_ns,  # an export copied over with its old time stamp (cp -p) is read again
        st.st_size,
        tz.key,
        first,
        last,
        lang,
    )
    return "|".join(str(p) for p in parts)


class _Cache:
    """Busy time of recent reads, by file identity and window, in the user's cache folder."""

    KEEP = 16

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, Any] = {}
        self.dirty = False
        if path is None:
            return
        from .files import MAX_STATE_BYTES, read_limited

        try:
            data = json.loads(read_limited(path, MAX_STATE_BYTES))
        except (OSError, ValueError, RecursionError):  # a damaged cache only costs time
            return
        if isinstance(data, dict):
            self.entries = data

    def get(self, key: str | None) -> tuple[list[BusyEvent], list[str]] | None:
        entry = self.entries.get(key) if key else None
        if not isinstance(entry, dict):
            return None
        try:
            events = [
                BusyEvent(datetime.fromisoformat(s), datetime.fromisoformat(e), t, src, bool(a))
                for s, e, t, src, a in entry["busy"]
            ]
            return events, [str(w) for w in entry["warnings"]]
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, key: str | None, events: list[BusyEvent], warnings: list[str]) -> None:
        if key is None or self.path is None:
            return
        self.entries.pop(key, None)
        self.entries[key] = {
            "busy": [
                [b.start.isoformat(), b.end.isoformat(), b.title, b.source, b.all_day]
                for b in events
            ],
            "warnings": warnings,
        }
        self.dirty = True

    def save(self) -> None:
        if not self.dirty or self.path is None:
            return
        from .state import write_atomic

        recent = dict(list(self.entries.items())[-self.KEEP :])
        with contextlib.suppress(OSError):  # a cache that cannot be written only costs time
            write_atomic(self.path, json.dumps(recent, ensure_ascii=False).encode("utf-8"))


def _resolve(source: CalendarSource, root: Path) -> Path:
    path = Path(source.path).expanduser()
    return path if path.is_absolute() else root / path


def read_calendar(
    source: CalendarSource, root: Path, tz: ZoneInfo, first: date, last: date, lang: Lang = "id"
) -> tuple[list[BusyEvent], list[str]]:
    """Busy time from one .ics file; raises `Unusable` when the file cannot be read at all."""
    name = source.path
    path = _resolve(source, root)
    where = M(lang, "where")

    def unusable(what: str, fix: str = "", line: int | None = None) -> Unusable:
        return Unusable(Problem(name, line, where, what, fix))

    from .files import NotRegular, TooBig, read_limited

    limit = max_bytes()
    try:
        raw = read_limited(path, limit)
    except (FileNotFoundError, NotRegular):  # a folder, a FIFO, a device: not an export
        raise unusable(M(lang, "missing"), M(lang, "missing_fix")) from None
    except TooBig as exc:
        raise unusable(
            M(lang, "too_big", mb=round(exc.size / 2**20, 1), limit=round(limit / 2**20, 1)),
            M(lang, "too_big_fix", env=ENV_MAX_MB),
        ) from None
    except OSError as exc:
        raise unusable(M(lang, "unreadable", error=exc.strerror)) from None
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise unusable(M(lang, "not_utf8"), M(lang, "not_utf8_fix"), line) from None
    from . import icsscan

    try:
        scanned = icsscan.scan(raw.removeprefix(b"\xef\xbb\xbf"), first, last)
    except icsscan.Broken as exc:
        raise unusable(broken(exc, lang), M(lang, "broken_fix"), exc.line) from None
    cals = parse_calendars(scanned.text, unusable, lang)
    reading = CalendarReading(name, tz, lang)
    if scanned.dropped:
        reading.warn("too_many", n=icsscan.MAX_EVENTS, dropped=scanned.dropped)
    if scanned.overdated:
        reading.warn("overdated", n=icsscan.MAX_DATES, dropped=scanned.overdated)
    for tzid in scanned.bad_zones:
        reading.warn("bad_zone", tzid=tzid)
    start = datetime.combine(first, time(), tz)
    stop = datetime.combine(last + timedelta(days=1), time(), tz)
    busy: list[BusyEvent] = []
    for cal in cals:
        busy.extend(_busy(cal, reading, start, stop, MAX_OCCURRENCES - len(busy)))
    notes = reading.warnings
    if reading.left_out:
        notes.append(M(lang, "slow", file=name, n=reading.left_out, seconds=MAX_SECONDS))
    if reading.hidden:
        notes.append(M(lang, "more_warnings", file=name, n=reading.hidden))
    return busy, notes


def broken(exc: icsscan.Broken, lang: Lang) -> str:
    """What the first pass (icsscan) found wrong with the file, in the user's words."""
    return M(lang, exc.key, **exc.params)


def parse_calendars(raw: bytes, unusable: Any, lang: Lang) -> list[Calendar]:
    """The VCALENDARs of the scanned text; `unusable(what, fix)` makes the error it raises."""
    from icalendar import Calendar

    if b"BEGIN:VCALENDAR" not in raw[:4096].upper():
        raise unusable(M(lang, "no_calendar"), M(lang, "not_ical_fix"), None)
    try:
        cals = Calendar.from_ical(raw, multiple=True)
    except Exception as exc:  # icalendar raises ValueError, KeyError, IndexError on garbage
        raise unusable(M(lang, "not_ical", error=exc), M(lang, "not_ical_fix")) from None
    cals = [c for c in cals if c.name == "VCALENDAR"]
    if not cals:
        raise unusable(M(lang, "no_calendar"), M(lang, "not_ical_fix"))
    return cals


def _title(component: Component, lang: Lang) -> str:
    summary = str(component.get("SUMMARY", "")).strip()
    if summary:
        return summary
    try:
        dt = getattr(component["DTSTART"], "dt", None)
    except Exception:  # none, or one icalendar kept as broken (DTSTART:INVALID-DATE)
        dt = None
    return f"{M(lang, 'untitled')}, {dt:%Y-%m-%d}" if isinstance(dt, date) else M(lang, "untitled")


def _busy(
    cal: Calendar, reading: CalendarReading, start: datetime, stop: datetime, budget: int
) -> Iterator[BusyEvent]:
    import recurring_ical_events

    floating = prepare(cal, reading, start.date(), stop.date())
    try:
        query = recurring_ical_events.of(cal, skip_bad_series=True)
        series_list = list(query.series)
    except Exception as exc:  # a series too broken even to be skipped
        reading.warn("bad_series", event="VCALENDAR", error=exc)
        return
    n = 0
    for series in series_list:
        if reading.out_of_time():
            continue
        try:
            for occurrence in series.between(start, stop):
                if n >= budget:
                    stop_day = (stop - timedelta(days=1)).date()
                    reading.warn(
                        "capped",
                        n=MAX_OCCURRENCES,
                        day=format_date(stop_day, reading.lang, "long"),
                        event=_title(occurrence.as_component(False), reading.lang),
                    )
                    return
                n += 1
                event = occurrence.as_component(False)
                b = _to_busy(event, floating, reading)
                if b is not None and b.end - b.start > timedelta(days=MAX_EVENT_DAYS):
                    reading.warn("too_long", event=b.title, n=MAX_EVENT_DAYS)
                elif b is not None:
                    yield b
        except Exception as exc:
            title = _series_title(series, reading.lang)
            reading.warn("bad_series", event=title, error=exc)


def _series_title(series: Any, lang: Lang) -> str:
    try:
        return _title(series.components[0]._component, lang)  # no public accessor in 3.8
    except Exception:  # the series is broken already; its UID still names it
        return str(getattr(series, "uid", "")) or M(lang, "untitled")


def prepare(cal: Calendar, reading: CalendarReading, first: date, last: date) -> ZoneInfo:
    """Make `cal` safe to expand between `first` and `last` (`_screen`), and return the zone its
    floating times are in: Google's X-WR-TIMEZONE, else the user's."""
    floating = _wr_timezone(cal, reading) or reading.tz
    _screen(cal, reading, first, last)
    return floating


def _wr_timezone(cal: Calendar, reading: CalendarReading) -> ZoneInfo | None:
    """Google's X-WR-TIMEZONE; an unknown one is dropped so the library does not stop on it."""
    value = cal.get("X-WR-TIMEZONE")
    if value is None:
        return None
    tzid = zone_name(str(value))
    try:
        zone = ZoneInfo(tzid)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file
        reading.warn("bad_wr_tz", tzid=str(value), zone=reading.tz.key)
        del cal["X-WR-TIMEZONE"]
        return None
    cal["X-WR-TIMEZONE"] = tzid
    return zone


def _screen(cal: Calendar, reading: CalendarReading, first: date, last: date) -> None:
    """Drop the events that cannot be read, warn about each, pin every TZID to a zone, and
    start the series that began long ago near the window (icsseries)."""
    from .icsseries import shift

    keep: list[Component] = []
    for component in cal.subcomponents:
        if component.name != "VEVENT":
            keep.append(component)
            continue
        if component.get("RRULE") is not None and reading.out_of_time():
            continue
        try:
            error = _event_error(component, reading.lang)
        except Exception as exc:  # icalendar raises on a value it kept as broken
            error = str(exc)
        if error:
            reading.warn("bad_event", event=_title(component, reading.lang), error=error)
            continue
        try:
            _pin_zones(component, reading)
            shift(component, first - timedelta(days=_length_days(component) + 2), last)
        except Exception as exc:  # a broken value the checks above did not see
            reading.warn("bad_event", event=_title(component, reading.lang), error=exc)
            continue
        keep.append(component)
    cal.subcomponents[:] = keep


def _length_days(event: Component) -> int:
    """How many days an event lasts, at least 0 (for the margin before the window)."""
    try:
        length = cast("Event", event).duration
    except Exception:  # no end, or a broken one: reported when the event is read
        return 0
    return max(0, length.days + 1)


def _event_error(event: Component, lang: Lang) -> str:
    for prop, message in getattr(event, "errors", None) or []:
        if prop in ("DTSTART", "DTEND", "DURATION", "RRULE", "RECURRENCE-ID", "EXDATE", "RDATE"):
            return M(lang, "bad_value", prop=prop, error=message)
    start = event.get("DTSTART")
    if start is None or not isinstance(getattr(start, "dt", None), date):
        return M(lang, "no_start")
    for rule in _rules(event):
        problem = _rule_problem(rule, start.dt, lang)
        if problem:
            return problem
    return ""


def _rules(event: Component) -> list[Any]:
    value = event.get("RRULE")
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


_PER_DAY = {"SECONDLY": 86400, "MINUTELY": 1440, "HOURLY": 24}


def _rule_problem(rule: Any, dtstart: date, lang: Lang) -> str:
    """Why a recurrence rule would flood or stall the expansion; empty when it is fine."""
    text = rule.to_ical().decode() if hasattr(rule, "to_ical") else str(rule)
    freq = str((rule.get("FREQ") or [""])[0]).upper()
    try:
        interval = int((rule.get("INTERVAL") or [1])[0])
    except (TypeError, ValueError):
        interval = 0
    if interval < 1:  # dateutil would never move on from the first period
        return M(lang, "bad_value", prop="RRULE", error=text)
    per_day = _PER_DAY.get(freq, 1) / interval
    for part in ("BYHOUR", "BYMINUTE", "BYSECOND"):
        values = rule.get(part)
        if values:
            per_day *= len(values)
    if per_day > MAX_PER_DAY:
        return M(lang, "too_often", n=MAX_PER_DAY, rule=text)
    if _never(rule, text, freq, dtstart):
        return M(lang, "never", rule=text)
    return ""


_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # February at its longest


def _never(rule: Any, text: str, freq: str, dtstart: date) -> bool:
    """A rule whose filters match no day (30 February) makes dateutil search to the year 9999.

    Month and day filters are checked by arithmetic; the rarer set-position, year-day and
    week-number filters by a search bounded to one cycle of the calendar (values.never_occurs).
    """
    try:
        months = [int(m) for m in rule.get("BYMONTH") or []] or list(range(1, 13))
        days = [int(d) for d in rule.get("BYMONTHDAY") or []]
    except (TypeError, ValueError):
        return False  # the library will report it as a bad series
    if days and not any(
        1 <= m <= 12 and 0 < abs(d) <= _DAYS_IN_MONTH[m - 1] for m in months for d in days
    ):
        return True
    upper = text.upper()
    if not any(p in upper for p in ("BYYEARDAY=", "BYWEEKNO=", "BYSETPOS=")):
        return False
    from .values import DAY_FREQS, never_occurs

    if freq not in DAY_FREQS:
        return False
    day = dtstart.date() if isinstance(dtstart, datetime) else dtstart
    kept = ";".join(
        p for p in upper.split(";") if not p.startswith(("BYHOUR=", "BYMINUTE=", "BYSECOND="))
    )
    return never_occurs(kept, day)


def _pin_zones(event: Component, reading: CalendarReading) -> None:
    """Give every date-time with an unresolved TZID a zone: WIB/WITA/WIT, else the profile's.

    icalendar leaves such values floating, and the expansion would then read them in
    X-WR-TIMEZONE or the machine's zone: a silent shift. Here it is explicit, and reported.
    """
    for prop in _TIMED:
        values = event.get(prop)
        if values is None:
            continue
        for value in values if isinstance(values, list) else [values]:
            for item in _dt_values(value):
                tzid = item.params.get("TZID") if hasattr(item, "params") else None
                dt = getattr(item, "dt", None)
                if not tzid or not isinstance(dt, datetime) or dt.tzinfo is not None:
                    continue
                zone = _alias(str(tzid))
                if zone is None:
                    zone = reading.tz
                    reading.warn(
                        "unknown_tz",
                        event=_title(event, reading.lang),
                        tzid=tzid,
                        zone=zone.key,
                        abbr=zone_abbreviation(zone.key),
                    )
                item.dt = dt.replace(tzinfo=zone)


def _dt_values(value: Any) -> list[Any]:
    """The vDDDTypes inside a property value (EXDATE and RDATE hold lists)."""
    dts = getattr(value, "dts", None)
    if dts is not None:
        for d in dts:  # a list's TZID is on the property, not on each member
            if hasattr(value, "params") and "TZID" in value.params and hasattr(d, "params"):
                d.params.setdefault("TZID", value.params["TZID"])
        return list(dts)
    return [value]


def _alias(tzid: str) -> tzinfo | None:
    """A TZID people (and some Indonesian tools) write by hand, without a VTIMEZONE."""
    name = ZONE_ALIASES.get(tzid.strip().upper())
    return ZoneInfo(name) if name else None


def _to_busy(event: Component, floating: ZoneInfo, reading: CalendarReading) -> BusyEvent | None:
    transp = str(event.get("TRANSP", "OPAQUE")).strip().upper()
    status = str(event.get("STATUS", "")).strip().upper()
    busy_status = str(event.get("X-MICROSOFT-CDO-BUSYSTATUS", "")).strip().upper()
    if transp == "TRANSPARENT" or status == "CANCELLED" or busy_status == "FREE":
        return None
    title = _title(event, reading.lang)
    try:
        s, e = cast("Event", event).start, cast("Event", event).end
    except Exception as exc:  # an end before the start, a broken DURATION
        reading.warn("bad_event", event=title, error=exc)
        return None
    tz = reading.tz
    if not isinstance(s, datetime):
        # all day: the whole local day(s); end is exclusive, and missing means one day
        end_day = e if isinstance(e, date) and not isinstance(e, datetime) and e > s else None
        end_day = end_day or s + timedelta(days=1)
        return BusyEvent(
            datetime.combine(s, time(), tz),
            datetime.combine(end_day, time(), tz),
            title,
            reading.name,
            all_day=True,
        )
    if not isinstance(e, datetime):
        e = s
    s = s if s.tzinfo else s.replace(tzinfo=floating)
    e = e if e.tzinfo else e.replace(tzinfo=floating)
    if e <= s:
        return None  # a reminder-like point in time takes no time from the day
    return BusyEvent(s.astimezone(tz), e.astimezone(tz), title, reading.name)
