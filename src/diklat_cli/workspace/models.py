"""Frozen models of the workspace, as the loader validates it from the user's TOML.

Durations are held in minutes, time ranges as `TimeRange`, date-times as aware datetimes in the
profile's time zone. Unknown keys are refused: in a hand-written file they are almost always
typos. Validation needs two facts from `diklat.toml` (the JP length and the time zone); the loader
passes them as pydantic validation context.

The models are frozen stdlib dataclasses; pydantic validates them only in the loader (workspace.py),
reading the `Annotated` markers and `__pydantic_config__` below, and is never imported otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field
from datetime import date, datetime, time
from typing import Annotated, Any, ClassVar, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..i18n import Catalog
from ..record import Record
from .values import (
    Invalid,
    TimeRange,
    check_id,
    check_rrule,
    parse_duration,
    parse_time,
    parse_time_range,
)

M = Catalog(
    {
        "duration_type": {
            "id": "durasi harus berupa teks",
            "en": "a duration is text",
        },
        "zero_duration": {
            "id": "durasi '{text}' tidak lebih dari nol",
            "en": "the duration '{text}' is not longer than zero",
        },
        "duration_fix": {
            "id": 'tulis seperti "90m", "1h30m", "1.5h" atau "3jp", dalam tanda kutip',
            "en": 'write it as "90m", "1h30m", "1.5h" or "3jp", in quotes',
        },
        "range_type": {
            "id": "rentang waktu harus berupa teks",
            "en": "a time range is text",
        },
        "range_fix": {
            "id": 'tulis seperti "07:30-16:00", dalam tanda kutip',
            "en": 'write it as "07:30-16:00", in quotes',
        },
        "time_type": {
            "id": "jam harus berupa teks",
            "en": "a time is text",
        },
        "time_fix": {
            "id": 'tulis seperti "16:15", dalam tanda kutip',
            "en": 'write it as "16:15", in quotes',
        },
        "id_type": {
            "id": "id harus berupa teks",
            "en": "an id is text",
        },
        "id_fix": {
            "id": 'tulis seperti "lap-tw4", dalam tanda kutip',
            "en": 'write it as "lap-tw4", in quotes',
        },
        "rrule_type": {
            "id": "aturan pengulangan harus berupa teks",
            "en": "a recurrence rule is text",
        },
        "rrule_fix": {
            "id": 'tulis seperti "FREQ=WEEKLY;BYDAY=MO", dalam tanda kutip',
            "en": 'write it as "FREQ=WEEKLY;BYDAY=MO", in quotes',
        },
        "date_with_time": {
            "id": "di sini hanya tanggal, tanpa jam",
            "en": "only a date goes here, without a time",
        },
        "not_date": {
            "id": "'{text}' bukan tanggal",
            "en": "'{text}' is not a date",
        },
        "date_type": {
            "id": "di sini harus tanggal",
            "en": "a date goes here",
        },
        "date_fix": {
            "id": "tulis tanggal tanpa tanda kutip, seperti 2026-12-01",
            "en": "write the date without quotes, as 2026-12-01",
        },
        "moment_fix": {
            "id": "tulis tanggal seperti 2026-12-01 atau tanggal dan jam seperti 2026-12-01T09:00, tanpa tanda kutip",
            "en": "write a date as 2026-12-01 or a date and time as 2026-12-01T09:00, without quotes",
        },
        "timezone": {
            "id": "'{text}' bukan zona waktu yang dikenal",
            "en": "'{text}' is not a known time zone",
        },
        "timezone_fix": {
            "id": 'pakai "Asia/Jakarta" (WIB), "Asia/Pontianak" (WIB), "Asia/Makassar" (WITA) atau "Asia/Jayapura" (WIT)',
            "en": 'use "Asia/Jakarta" (WIB), "Asia/Pontianak" (WIB), "Asia/Makassar" (WITA) or "Asia/Jayapura" (WIT)',
        },
        "recurring_needs_from": {
            "id": "tugas berulang (recurs) perlu 'from', tanggal mulai pengulangannya",
            "en": "a recurring task (recurs) needs 'from', the date its recurrence starts",
        },
        "from_fix": {
            "id": "tambahkan from = 2026-11-02 (tanggal pertama)",
            "en": "add from = 2026-11-02 (the first date)",
        },
        "until_before_from": {
            "id": "'until' ({until}) lebih awal daripada '{first}' ({start})",
            "en": "'until' ({until}) is before '{first}' ({start})",
        },
        "until_fix": {
            "id": "tukar kedua tanggal atau perbaiki salah satunya",
            "en": "swap the two dates or correct one of them",
        },
        "end_before_start": {
            "id": "'end' ({end}) lebih awal daripada 'start' ({start})",
            "en": "'end' ({end}) is before 'start' ({start})",
        },
        "session_rrule_needs_from": {
            "id": "sesi berulang (rrule) perlu 'from', tanggal mulainya",
            "en": "a repeating session (rrule) needs 'from', the date it starts",
        },
        "session_both": {
            "id": "sesi berisi 'date' dan 'rrule' sekaligus",
            "en": "the session has both 'date' and 'rrule'",
        },
        "session_both_fix": {
            "id": "pakai 'date' (dan 'until') untuk rangkaian hari, atau 'rrule' dengan 'from' untuk sesi mingguan",
            "en": "use 'date' (and 'until') for a run of days, or 'rrule' with 'from' for a weekly session",
        },
        "session_needs_date": {
            "id": "sesi perlu 'date' (dan 'until' untuk rangkaian hari) atau 'rrule' dengan 'from'",
            "en": "a session needs 'date' (and 'until' for a run of days) or 'rrule' with 'from'",
        },
        "session_needs_date_fix": {
            "id": "tambahkan date = 2027-02-01",
            "en": "add date = 2027-02-01",
        },
        "online_needs_time": {
            "id": "sesi daring (online) perlu 'time'",
            "en": "an online session needs 'time'",
        },
        "online_needs_time_fix": {
            "id": 'tambahkan time = "13:00-15:00"',
            "en": 'add time = "13:00-15:00"',
        },
        "event_rrule_needs_from": {
            "id": "acara berulang (rrule) perlu 'from', tanggal mulainya",
            "en": "a repeating event (rrule) needs 'from', the date it starts",
        },
        "event_needs_date": {
            "id": "acara perlu 'date', atau 'rrule' dengan 'from'",
            "en": "an event needs 'date', or 'rrule' with 'from'",
        },
        "event_needs_date_fix": {
            "id": "tambahkan date = 2026-12-03",
            "en": "add date = 2026-12-03",
        },
    }
)

# JSON Schema of the value forms, for `diklat schema`: what the user writes, not what we hold
DURATION_PATTERN = r"^\s*(\d+([.,]\d+)?\s*([jJ][pP]|[jJ][aA][mM]|[jJ]|[hH]|[mM][eE][nN][iI][tT]|[mM][iI][nN]|[mM])\s*)+$"
TIME_PATTERN = r"^\s*\d{1,2}[:.]\d{2}\s*$"
RANGE_PATTERN = r"^\s*\d{1,2}[:.]\d{2}\s*(-|–|—|s\.d\.?)\s*\d{1,2}[:.]\d{2}\s*$"
ID_PATTERN = r"^[A-Za-z0-9_-]+$"
MOMENT_PATTERN = r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$"

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def toml_name(name: str) -> str:
    """The key a field is written as in TOML: `from` is a Python keyword, so the field is `from_`."""
    return "from" if name == "from_" else name


# --- value forms: markers that pydantic reads when the loader validates ---------------------------
#
# The models are plain dataclasses so that a workspace served from the cache, and planning, never
# import pydantic (its import alone costs more than planning a day). Pydantic finds these markers
# in `Annotated[...]` when the loader builds a validator; pydantic_core is imported only then.


class Parsed:
    """A value form parsed by `parse(value, info)`: before pydantic's check of the type, or after.

    `info` is pydantic's ValidationInfo: `info.context` holds the facts the loader passes
    (jp_minutes, timezone), `info.data` the keys of the table validated so far. `json_schema`
    describes what people write, for `diklat schema`.
    """

    __slots__ = ("after", "json_schema", "parse")

    def __init__(
        self,
        parse: Callable[[Any, Any], Any],
        json_schema: dict[str, Any] | None = None,
        *,
        after: bool = False,
    ) -> None:
        self.parse = parse
        self.json_schema = json_schema
        self.after = after

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        if self.after:
            return core_schema.with_info_after_validator_function(self.parse, handler(source))
        return core_schema.with_info_before_validator_function(self.parse, handler(source))

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> Any:
        return dict(self.json_schema) if self.json_schema is not None else handler(schema)


class Limits:
    """Bounds of a number (ge, le) or a text (min_length), checked by pydantic's own schema."""

    __slots__ = ("limits",)

    def __init__(self, **limits: int) -> None:
        self.limits = limits

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return {**handler(source), **self.limits}


def _ctx(info: Any, key: str, default: Any) -> Any:
    return (info.context or {}).get(key, default)


def _duration(value: Any, info: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, str):
        raise Invalid("duration_type", "duration_fix", catalog=M)
    minutes = parse_duration(value, _ctx(info, "jp_minutes", 45))
    if minutes <= 0:
        raise Invalid("zero_duration", "duration_fix", catalog=M, text=value)
    return minutes


def _time_range(value: Any, info: Any) -> TimeRange:
    if isinstance(value, TimeRange):
        return value
    if not isinstance(value, str):
        raise Invalid("range_type", "range_fix", catalog=M)
    return parse_time_range(value)


def _time(value: Any, info: Any) -> time:
    if isinstance(value, time):
        return value
    if not isinstance(value, str):
        raise Invalid("time_type", "time_fix", catalog=M)
    return parse_time(value)


def _id(value: Any, info: Any) -> str:
    if not isinstance(value, str):
        raise Invalid("id_type", "id_fix", catalog=M)
    return check_id(value)


def _rrule(value: Any, info: Any) -> str:
    if not isinstance(value, str):
        raise Invalid("rrule_type", "rrule_fix", catalog=M)
    return check_rrule(value)


def _date(value: Any, info: Any) -> date:
    if isinstance(value, datetime):
        raise Invalid("date_with_time", "date_fix", catalog=M)
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise Invalid("not_date", "date_fix", catalog=M, text=value) from None
    raise Invalid("date_type", "date_fix", catalog=M)


def _moment(value: Any, info: Any) -> date | datetime:
    """A date, or a date-time made aware in the profile's zone (an explicit offset is honoured)."""
    if isinstance(value, str):
        text = value.strip()
        try:
            value = (
                datetime.fromisoformat(text)
                if "T" in text or " " in text
                else date.fromisoformat(text)
            )
        except ValueError:
            raise Invalid("not_date", "moment_fix", catalog=M, text=value) from None
    if isinstance(value, datetime):
        tz = ZoneInfo(_ctx(info, "timezone", "Asia/Jakarta"))
        if value.tzinfo is None:
            return value.replace(tzinfo=tz)
        return value.astimezone(tz)
    if isinstance(value, date):
        return value
    raise Invalid("date_type", "moment_fix", catalog=M)


def _zone(value: str, info: Any) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file
        raise Invalid("timezone", "timezone_fix", catalog=M, text=value) from None
    return value


def _not_before_start(value: date, info: Any) -> date:
    # a check of the key, not of the table: it runs even when another key of the table is wrong
    start = info.data.get("start")
    if isinstance(start, date) and value < start:
        raise Invalid("end_before_start", "until_fix", catalog=M, end=value, start=start)
    return value


DURATION = Parsed(
    _duration, {"type": "string", "pattern": DURATION_PATTERN, "examples": ["1h30m", "3jp"]}
)
Duration = Annotated[int, DURATION]
Range = Annotated[
    TimeRange,
    Parsed(_time_range, {"type": "string", "pattern": RANGE_PATTERN, "examples": ["07:30-16:00"]}),
]
ClockTime = Annotated[
    time, Parsed(_time, {"type": "string", "pattern": TIME_PATTERN, "examples": ["16:15"]})
]
Id = Annotated[str, Parsed(_id, {"type": "string", "pattern": ID_PATTERN, "examples": ["lap-tw4"]})]
RRule = Annotated[
    str,
    Parsed(
        _rrule,
        {"type": "string", "pattern": "[Ff][Rr][Ee][Qq]=", "examples": ["FREQ=WEEKLY;BYDAY=MO,WE"]},
    ),
]
Day = Annotated[date, Parsed(_date, {"type": "string", "format": "date"})]
End = Annotated[
    date, Parsed(_date, {"type": "string", "format": "date"}), Parsed(_not_before_start, after=True)
]
Moment = Annotated[date | datetime, Parsed(_moment, {"type": "string", "pattern": MOMENT_PATTERN})]
TimeZone = Annotated[str, Parsed(_zone, after=True)]


# defaults of the work week (Perpres 21/2023) and of Ramadan; a TimeRange is frozen, so shared
_OFFICE_HOURS = TimeRange(time(7, 30), time(16, 0))
_RAMADAN_HOURS = TimeRange(time(8, 0), time(15, 0))


class Model(Record, kw_only=True):
    """The base of every workspace model: frozen, keyword-only records (record.py).

    `__pydantic_config__` is the loader's validation config, a plain dict so that defining the
    models needs no pydantic: unknown keys are refused (typos), and `from_` is read as `from`.
    No slots: a frozen slotted dataclass unpickles through a Python `__setstate__` per object,
    2.4 times slower than a `__dict__` (measured on 3000 tasks), and the cache is a pickle.
    Every model has a docstring: without one, `dataclass` builds it from `inspect.signature`,
    which costs about a millisecond a class at import.
    """

    __pydantic_config__: ClassVar[dict[str, Any]] = {
        "extra": "forbid",
        "alias_generator": toml_name,
        "populate_by_name": True,
    }


# --- diklat.toml -----------------------------------------------------------------------------


class Profile(Model, kw_only=True):
    """[profile]: who plans, and how their documents and messages are written."""

    name: Annotated[str, Limits(min_length=1)]
    nip: str = ""
    position: str = ""
    unit: str = ""
    rank: str = ""  # pangkat/golongan, e.g. "Penata (III/c)"
    employment: Literal["PNS", "PPPK"] = "PNS"
    roles: tuple[str, ...] = ()
    supervisor: Id | None = None
    timezone: TimeZone = "Asia/Jakarta"
    language: Literal["id", "en"] = "id"
    place: str = ""  # where documents are signed ("Kota Contoh"); defaults to the unit's town


class DayHours(Model, kw_only=True):
    """One working day: its hours and its breaks."""

    hours: Range
    breaks: tuple[Range, ...] = ()


class Workweek(Model, kw_only=True):
    """[workweek]: the working days and hours (Perpres 21/2023 by default, longer Friday break)."""

    days: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri")
    hours: Range = _OFFICE_HOURS
    breaks: tuple[Range, ...] = (TimeRange(time(12, 0), time(13, 0)),)
    mon: DayHours | None = None
    tue: DayHours | None = None
    wed: DayHours | None = None
    thu: DayHours | None = None
    fri: DayHours | None = field(
        default_factory=lambda: DayHours(
            hours=TimeRange(time(7, 30), time(16, 30)),
            breaks=(TimeRange(time(11, 30), time(13, 0)),),
        )
    )
    sat: DayHours | None = None
    sun: DayHours | None = None

    def for_day(self, weekday: int) -> DayHours | None:
        """Hours on a weekday (0 = Monday), or None when it is not a working day."""
        name = WEEKDAYS[weekday]
        if name not in self.days:
            return None
        override: DayHours | None = getattr(self, name)
        return override or DayHours(hours=self.hours, breaks=self.breaks)


class Ramadan(Model, kw_only=True):
    """[ramadan]: the shorter working hours during Ramadan."""

    enabled: bool = True
    start: Day | None = None  # override the holiday calendar's (estimated) first day
    end: Day | None = None  # override the last day
    hours: Range = _RAMADAN_HOURS
    breaks: tuple[Range, ...] = (TimeRange(time(12, 0), time(12, 30)),)
    mon: DayHours | None = None
    tue: DayHours | None = None
    wed: DayHours | None = None
    thu: DayHours | None = None
    fri: DayHours | None = field(
        default_factory=lambda: DayHours(
            hours=TimeRange(time(8, 0), time(15, 30)),
            breaks=(TimeRange(time(11, 30), time(12, 30)),),
        )
    )
    sat: DayHours | None = None
    sun: DayHours | None = None

    def for_day(self, weekday: int) -> DayHours:
        override: DayHours | None = getattr(self, WEEKDAYS[weekday])
        return override or DayHours(hours=self.hours, breaks=self.breaks)


class Study(Model, kw_only=True):
    """[study]: the off-peak windows for self-study, and how much of it a day and a week."""

    windows: tuple[Range, ...] = tuple(
        parse_time_range(r) for r in ("06:15-07:15", "12:10-12:40", "16:15-17:00", "19:45-21:15")
    )
    weekend_windows: tuple[Range, ...] = ()
    ramadan_windows: tuple[Range, ...] = tuple(
        parse_time_range(r) for r in ("04:45-05:30", "20:45-21:30")
    )
    max_per_day: Duration = 90
    max_per_week: Duration = 360


class Planning(Model, kw_only=True):
    """[planning]: how far ahead and how finely the planner plans."""

    horizon_days: Annotated[int, Limits(ge=1, le=366)] = 14
    min_block: Duration = 30
    pomodoro: bool = False
    urgent_within_days: Annotated[int, Limits(ge=0, le=60)] = 2
    holidays: bool = True
    cuti_bersama: bool = True
    jp_minutes: Annotated[int, Limits(ge=1, le=120)] = 45
    annual_jp_target: Annotated[int, Limits(ge=0, le=1000)] = 20
    slack: Annotated[int, Limits(ge=0, le=50)] = (
        0  # percent of each working day kept free when deadlines allow
    )


class Export(Model, kw_only=True):
    """[export]: the .ics export."""

    reminder_minutes: Annotated[int, Limits(ge=0, le=10080)] = 10
    calendar_name: str = ""


# --- items -----------------------------------------------------------------------------------


class Task(Model, kw_only=True):
    """[[task]]: a piece of office work, perhaps recurring (recurs, from, until)."""

    id: Id
    title: str
    estimate: Duration
    due: Moment | None = None
    available: Moment | None = None
    important: bool = False
    urgent: bool | None = None
    min_block: Duration | None = None
    needs_office: bool = False
    delegate_to: Id | None = None
    sop: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    notes: str = ""
    hold_until_return: bool = False  # decisions only the user may take: wait for them
    recurs: RRule | None = None
    from_: Day | None = None
    until: Day | None = None

    def __post_init__(self) -> None:
        if self.recurs and self.from_ is None:
            raise Invalid("recurring_needs_from", "from_fix", at="recurs", catalog=M)
        if self.until and self.from_ and self.until < self.from_:
            raise Invalid(
                "until_before_from",
                "until_fix",
                at="until",
                catalog=M,
                until=self.until,
                first="from",
                start=self.from_,
            )


class Session(Model, kw_only=True):
    """[[training.session]]: a run of days (date, until) or a repeating session (rrule, from)."""

    title: str = ""
    date: Day | None = None
    until: Day | None = None
    rrule: RRule | None = None
    from_: Day | None = None
    time: Range | None = None
    mode: Literal["offline", "online"] = "offline"
    location: str = ""
    link: str = ""
    weekends: bool = False  # a run of days includes Saturdays, Sundays and holidays

    def __post_init__(self) -> None:
        if self.rrule:
            if self.from_ is None:
                raise Invalid("session_rrule_needs_from", "from_fix", at="rrule", catalog=M)
            if self.date is not None:
                raise Invalid("session_both", "session_both_fix", at="date", catalog=M)
        elif self.date is None:
            raise Invalid("session_needs_date", "session_needs_date_fix", catalog=M)
        first = self.from_ if self.rrule else self.date
        if self.until and first and self.until < first:
            raise Invalid(
                "until_before_from",
                "until_fix",
                at="until",
                catalog=M,
                until=self.until,
                first="from" if self.rrule else "date",
                start=first,
            )
        if self.mode == "online" and self.time is None:
            raise Invalid("online_needs_time", "online_needs_time_fix", at="mode", catalog=M)


class Training(Model, kw_only=True):
    """[[training]]: a training (diklat) and its sessions."""

    id: Id
    title: str
    kind: Literal["latsar", "fungsional", "teknis", "kepemimpinan", "other"] = "other"
    format: Literal["offline", "blended", "online"] = "offline"
    provider: str = ""
    location: str = ""
    start: Day
    end: End
    jp: Annotated[int, Limits(ge=0)] = 0
    study_per_week: Duration | None = None
    handover_to: Id | None = None
    deputy: Id | None = None
    basis: str = ""  # the surat tugas number, when known
    checkin: ClockTime | None = None  # daily check-in with the office while away
    handover_items: tuple[str, ...] = ()  # keys, stamps, inventory, access handed over in person
    session: tuple[Session, ...] = ()


class Event(Model, kw_only=True):
    """[[event]]: a meeting or fixed commitment, once, over days or repeating."""

    id: Id | None = None
    title: str
    date: Day | None = None
    until: Day | None = None
    rrule: RRule | None = None
    from_: Day | None = None
    time: Range | None = None  # absent: the whole day
    location: str = ""
    link: str = ""
    delegate_to: Id | None = None  # who attends in the user's place while away

    def __post_init__(self) -> None:
        if self.rrule:
            if self.from_ is None:
                raise Invalid("event_rrule_needs_from", "from_fix", at="rrule", catalog=M)
        elif self.date is None:
            raise Invalid("event_needs_date", "event_needs_date_fix", catalog=M)
        first = self.from_ if self.rrule else self.date
        if self.until and first and self.until < first:
            raise Invalid(
                "until_before_from",
                "until_fix",
                at="until",
                catalog=M,
                until=self.until,
                first="from" if self.rrule else "date",
                start=first,
            )


class Quiet(Model, kw_only=True):
    """[[quiet]]: a busy period of the office (closing the books, audits)."""

    id: Id | None = None
    title: str
    start: Day
    end: End
    roles: tuple[str, ...] = ()
    level: Literal["avoid", "caution"] = "caution"


class Away(Model, kw_only=True):
    """A period a colleague is away."""

    start: Day
    end: End


class Colleague(Model, kw_only=True):
    """[[colleague]]: who can take work over while the user is away."""

    id: Id
    name: str
    nip: str = ""
    position: str = ""
    rank: str = ""
    contact: str = ""
    skills: tuple[str, ...] = ()
    capacity: Duration | None = None  # spare time a week for handed-over work
    away: tuple[Away, ...] = ()

    def is_away(self, day: date) -> bool:
        return any(a.start <= day <= a.end for a in self.away)


class CalendarSource(Model, kw_only=True):
    """[[calendar]]: an existing .ics calendar read as busy time."""

    path: str
    name: str = ""


class Holiday(Model, kw_only=True):
    """A regional or ad-hoc day off (or, with `working = true`, a national one the office works)."""

    date: Day
    title: str
    working: bool = False


class Workspace(Model, kw_only=True):
    """Everything the planner needs from the user's files, as one value."""

    profile: Profile
    workweek: Workweek = field(default_factory=Workweek)
    ramadan: Ramadan = field(default_factory=Ramadan)
    study: Study = field(default_factory=Study)
    planning: Planning = field(default_factory=Planning)
    export: Export = field(default_factory=Export)
    tasks: tuple[Task, ...] = ()
    trainings: tuple[Training, ...] = ()
    events: tuple[Event, ...] = ()
    quiet: tuple[Quiet, ...] = ()
    colleagues: tuple[Colleague, ...] = ()
    calendars: tuple[CalendarSource, ...] = ()
    holidays: tuple[Holiday, ...] = ()

    def colleague(self, cid: str | None) -> Colleague | None:
        return next((c for c in self.colleagues if c.id == cid), None) if cid else None

    def training(self, tid: str) -> Training | None:
        return next((t for t in self.trainings if t.id == tid), None)

    def task(self, tid: str) -> Task | None:
        return next((t for t in self.tasks if t.id == tid), None)
