"""Frozen models of the workspace, as the loader validates it from the user's TOML.

Durations are held in minutes, time ranges as `TimeRange`, date-times as aware datetimes in the
profile's time zone. Unknown keys are refused: in a hand-written file they are almost always
typos. Validation needs two facts from `diklat.toml` (the JP length and the time zone); the loader
passes them as pydantic validation context.

The models are frozen stdlib dataclasses; pydantic validates them only in the loader (workspace.py),
reading the `Annotated` markers and `__pydantic_config__` below, and is never imported otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import field
from datetime import date, datetime, time, timedelta
from typing import Annotated, Any, ClassVar, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..i18n import Catalog, zone_abbreviation
from ..record import Record
from .values import (
    Invalid,
    TimeRange,
    check_day,
    check_id,
    check_rrule,
    parse_duration,
    parse_time,
    parse_time_range,
    zone_name,
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
            "id": "tulis tanggal seperti 2026-12-01 atau tanggal dan jam seperti 2026-12-01T09:00:00, tanpa tanda kutip",
            "en": "write a date as 2026-12-01 or a date and time as 2026-12-01T09:00:00, without quotes",
        },
        "timezone": {
            "id": "'{text}' bukan zona waktu yang dikenal",
            "en": "'{text}' is not a known time zone",
        },
        "timezone_fix": {
            "id": 'pakai "Asia/Jakarta" (WIB), "Asia/Pontianak" (WIB), "Asia/Makassar" (WITA) atau "Asia/Jayapura" (WIT)',
            "en": 'use "Asia/Jakarta" (WIB), "Asia/Pontianak" (WIB), "Asia/Makassar" (WITA) or "Asia/Jayapura" (WIT)',
        },
        "place_timezone_fix": {
            "id": 'tulis WIB, WITA atau WIT, atau nama IANA seperti "Asia/Jakarta" (WIB), "Asia/Makassar" (WITA), "Asia/Jayapura" (WIT)',
            "en": 'write WIB, WITA or WIT, or an IANA name such as "Asia/Jakarta" (WIB), "Asia/Makassar" (WITA), "Asia/Jayapura" (WIT)',
        },
        "crosses_midnight": {
            "id": "{range} {zone} adalah {start}-{end} {yours} di zona Anda: melewati tengah malam",
            "en": "{range} {zone} is {start}-{end} {yours} in your zone: it runs past midnight",
        },
        "crosses_midnight_fix": {
            "id": "diklat merencanakan per hari: pecah menjadi dua, bagian setelah tengah malam sebagai sesi/acara tersendiri pada hari berikutnya",
            "en": "diklat plans a day at a time: split it in two, the part after midnight as its own session or event on the next day",
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
        "event_both": {
            "id": "acara berisi 'date' dan 'rrule' sekaligus",
            "en": "the event has both 'date' and 'rrule'",
        },
        "event_both_fix": {
            "id": "pakai 'date' (dan 'until') untuk acara sekali atau beberapa hari, atau 'rrule' dengan 'from' untuk acara berulang",
            "en": "use 'date' (and 'until') for an event once or over days, or 'rrule' with 'from' for a repeating one",
        },
        "from_without_rule": {
            "id": "'from' hanya dibaca bersama '{rule}'; di sini tidak ada '{rule}', jadi tanggal ini diabaikan",
            "en": "'from' is read only with '{rule}'; there is no '{rule}' here, so this date would be ignored",
        },
        "from_without_rule_fix": {
            "id": "hapus 'from', atau tambahkan {rule} = \"FREQ=WEEKLY;BYDAY=MO\"",
            "en": "delete 'from', or add {rule} = \"FREQ=WEEKLY;BYDAY=MO\"",
        },
        "task_dates_without_recurs": {
            "id": "'{name}' hanya dibaca pada tugas berulang (recurs); di sini tanggal ini diabaikan",
            "en": "'{name}' is read only on a recurring task (recurs); here this date would be ignored",
        },
        "task_dates_without_recurs_fix": {
            "id": "untuk 'jangan sebelum tanggal ini' tulis available = {day}; untuk tugas rutin tambahkan recurs",
            "en": "for 'not before this date' write available = {day}; for a routine duty add recurs",
        },
        "due_on_recurring": {
            "id": "tugas berulang tidak memakai 'due': setiap kejadian jatuh tempo di akhir harinya",
            "en": "a recurring task does not read 'due': each occurrence is due at the end of its day",
        },
        "due_on_recurring_fix": {
            "id": "hapus 'due'; 'until' mengakhiri pengulangan",
            "en": "delete 'due'; 'until' ends the recurrence",
        },
        "available_after_due": {
            "id": "'available' ({available}) jatuh sesudah 'due' ({due}): tugas ini tidak pernah bisa dikerjakan tepat waktu",
            "en": "'available' ({available}) comes after 'due' ({due}): the task can never be done in time",
        },
        "available_fix": {
            "id": "perbaiki salah satu tanggal; 'available' adalah hari paling awal tugas boleh dikerjakan",
            "en": "correct one of the dates; 'available' is the first day the task may be worked on",
        },
        "session_before_start": {
            "id": "sesi pada {day} jatuh sebelum pelatihan mulai ({start})",
            "en": "the session on {day} falls before the training starts ({start})",
        },
        "session_after_end": {
            "id": "sesi pada {day} jatuh sesudah pelatihan selesai ({end})",
            "en": "the session on {day} falls after the training ends ({end})",
        },
        "session_dates_fix": {
            "id": "perbaiki tanggal sesi, atau 'start'/'end' pelatihannya",
            "en": "correct the session's date, or the training's 'start'/'end'",
        },
        "session_never": {
            "id": "sesi berulang '{rule}' tidak pernah terjadi antara {first} dan {last}",
            "en": "the repeating session '{rule}' never meets between {first} and {last}",
        },
        "session_never_fix": {
            "id": "periksa BYDAY pada rrule dan tanggal 'from'/'until'",
            "en": "check the rule's BYDAY and the 'from'/'until' dates",
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
    """Bounds of a number (ge, le) or a text (min_length), checked by pydantic's own schema.

    The value is strict: TOML has real types, so `horizon_days = "14"` (text) or `true` (a yes/no)
    is refused, not read as 14 or 1.
    """

    __slots__ = ("limits",)

    def __init__(self, **limits: int) -> None:
        self.limits = limits

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return {**handler(source), **self.limits, "strict": True}


class Strict:
    """A TOML value of exactly its type: `important = 1` or `"true"` is not a yes/no."""

    __slots__ = ()

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return {**handler(source), "strict": True}


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
        return check_day(value)
    if isinstance(value, str):
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            raise Invalid("not_date", "date_fix", catalog=M, text=value) from None
        return check_day(day)
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
    if isinstance(value, date):
        check_day(value.date() if isinstance(value, datetime) else value)
    if isinstance(value, datetime):
        tz = ZoneInfo(_ctx(info, "timezone", "Asia/Jakarta"))
        if value.tzinfo is None:
            return value.replace(tzinfo=tz)
        return value.astimezone(tz)
    if isinstance(value, date):
        return value
    raise Invalid("date_type", "moment_fix", catalog=M)


def _zone(value: str, info: Any) -> str:
    """The user's own zone: an IANA name, or WIB, WITA, WIT as places are written."""
    name = zone_name(value)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file
        raise Invalid("timezone", "timezone_fix", catalog=M, text=value) from None
    return name


def _place_zone(value: Any, info: Any) -> str:
    """The zone of a place: an IANA name, or WIB, WITA, WIT (read as their IANA zones)."""
    if not isinstance(value, str):
        raise Invalid("timezone", "place_timezone_fix", catalog=M, text=value)
    name = zone_name(value)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file
        raise Invalid("timezone", "place_timezone_fix", catalog=M, text=value) from None
    return name


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
PlaceZone = Annotated[
    str,
    Parsed(
        _place_zone,
        {"type": "string", "examples": ["WIB", "WITA", "WIT", "Asia/Jakarta"]},
    ),
]
Flag = Annotated[bool, Strict()]  # true or false, nothing else
# characters: a title, a name or a note longer than this is a mistake (a whole file pasted in)
MAX_TEXT = 5000
Text = Annotated[str, Limits(max_length=MAX_TEXT)]


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


PostKind = Literal["struktural", "fungsional", "pelaksana"]

# A functional post's title carries its jenjang (keahlian: Ahli Pertama to Ahli Utama;
# keterampilan: Pemula to Penyelia). Managerial posts (pimpinan tinggi, administrator, pengawas)
# go by their names and the usual abbreviations. Whole words: a Kasir is not a Kasi, nor a
# Kelurahan a Lurah. Patterns, not compiled here: `re` compiles them on first use, off the
# path of a plan served from the cache.
_JENJANG = r"\b(ahli\s+(pertama|muda|madya|utama)|pemula|terampil|mahir|penyelia)\b"
_MANAGERIAL = (
    r"\b(kepala|kadis|kaban|kabid|kabag|kasubbag|kasubag|kasubbid|kasubid|kasubdit|kasi|kasie|"
    r"kasubsi|karo|camat|lurah|sekretaris|sekda|sekdis|sekcam|direktur|deputi|inspektur|irban|"
    r"asisten\s+(pemerintahan|perekonomian|administrasi))\b"
)


def read_post(position: str) -> PostKind:
    """The kind of post a title names: 'Kepala Bidang Perencanaan' is struktural, 'Analis
    Kebijakan Ahli Pertama' fungsional, 'Pengadministrasi Umum' pelaksana (and so is a blank).

    A jenjang wins: a functional title never needs a Plh. Titles this cannot read are set with
    `post` in [profile].
    """
    if re.search(_JENJANG, position, re.IGNORECASE):
        return "fungsional"
    if re.search(_MANAGERIAL, position, re.IGNORECASE):
        return "struktural"
    return "pelaksana"


class Profile(Model, kw_only=True):
    """[profile]: who plans, and how their documents and messages are written."""

    name: Annotated[str, Limits(min_length=1, max_length=MAX_TEXT)]
    nip: Text = ""
    position: Text = ""
    unit: Text = ""
    rank: Text = ""  # pangkat/golongan, e.g. "Penata (III/c)"
    employment: Literal["PNS", "PPPK"] = "PNS"
    roles: tuple[Text, ...] = ()
    supervisor: Id | None = None
    timezone: TimeZone = "Asia/Jakarta"
    language: Literal["id", "en"] = "id"
    place: Text = ""  # where documents are signed ("Kota Contoh"); defaults to the unit's town
    post: PostKind | None = None  # the kind of post, when `position` cannot tell it

    @property
    def post_kind(self) -> PostKind:
        """struktural, fungsional or pelaksana: `post` when set, else read from `position`."""
        return self.post or read_post(self.position)

    @property
    def needs_plh(self) -> bool:
        """A Plh stands in only for a managerial post (SE BKN 1/SE/I/2021); for the others a
        handover of their tasks (handover_to) is enough."""
        return self.post_kind == "struktural"


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

    enabled: Flag = True
    start: Day | None = None  # override the holiday calendar's (estimated) first day
    end: End | None = None  # override the last day
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
    pomodoro: Flag = False
    urgent_within_days: Annotated[int, Limits(ge=0, le=60)] = 2
    holidays: Flag = True
    cuti_bersama: Flag = True
    jp_minutes: Annotated[int, Limits(ge=1, le=120)] = 45
    annual_jp_target: Annotated[int, Limits(ge=0, le=1000)] = 20
    slack: Annotated[int, Limits(ge=0, le=50)] = (
        0  # percent of each working day kept free when deadlines allow
    )
    auto_delegate: Flag = False  # the planner hands delegate-quadrant work over (else: suggests)
    missed_weeks: Annotated[int, Limits(ge=0, le=52)] = 4  # missed occurrences kept as overdue
    # focus (planning/focus.py): a cap on the switches between tasks in a working day (None: no
    # cap), and where important work goes ("morning": before the lunch break)
    max_switches: Annotated[int, Limits(ge=0, le=50)] | None = None
    focus: Literal["none", "morning"] = "none"


class Export(Model, kw_only=True):
    """[export]: the .ics export."""

    reminder_minutes: Annotated[int, Limits(ge=0, le=10080)] = 10
    calendar_name: Text = ""


# --- items -----------------------------------------------------------------------------------


class Task(Model, kw_only=True):
    """[[task]]: a piece of office work, perhaps recurring (recurs, from, until)."""

    id: Id
    title: Text
    estimate: Duration
    due: Moment | None = None
    available: Moment | None = None
    important: Flag = False
    urgent: Flag | None = None
    min_block: Duration | None = None
    needs_office: Flag = False
    delegate_to: Id | None = None
    sop: tuple[Text, ...] = ()
    documents: tuple[Text, ...] = ()
    contacts: tuple[Text, ...] = ()
    tags: tuple[Text, ...] = ()
    notes: Text = ""
    hold_until_return: Flag = False  # decisions only the user may take: wait for them
    recurs: RRule | None = None
    from_: Day | None = None
    until: Day | None = None

    def __post_init__(self) -> None:
        if self.recurs and self.from_ is None:
            raise Invalid("recurring_needs_from", "from_fix", at="recurs", catalog=M)
        if not self.recurs:
            for key, day in (("from", self.from_), ("until", self.until)):
                if day is not None:
                    raise Invalid(
                        "task_dates_without_recurs",
                        "task_dates_without_recurs_fix",
                        at=key,
                        catalog=M,
                        name=key,
                        day=day,
                    )
        if self.recurs and self.due is not None:
            raise Invalid("due_on_recurring", "due_on_recurring_fix", at="due", catalog=M)
        if self.available is not None and self.due is not None and _after(self.available, self.due):
            raise Invalid(
                "available_after_due",
                "available_fix",
                at="available",
                catalog=M,
                available=_shown(self.available),
                due=_shown(self.due),
            )
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

    title: Text = ""
    date: Day | None = None
    until: Day | None = None
    rrule: RRule | None = None
    from_: Day | None = None
    time: Range | None = None
    timezone: PlaceZone | None = None  # the zone `time` is in; absent: the training's
    mode: Literal["offline", "online"] = "offline"
    location: Text = ""
    link: Text = ""
    weekends: Flag = False  # a run of days includes Saturdays, Sundays and holidays
    uid: str = ""  # the organiser's UID (sessions_from): export writes the same event back
    recurrence_id: Moment | None = None  # with `uid`: which occurrence of the organiser's series

    def __post_init__(self) -> None:
        _check_when(self, "session")
        if self.mode == "online" and self.time is None:
            raise Invalid("online_needs_time", "online_needs_time_fix", at="mode", catalog=M)


class Training(Model, kw_only=True):
    """[[training]]: a training (diklat) and its sessions."""

    id: Id
    title: Text
    kind: Literal["latsar", "fungsional", "teknis", "kepemimpinan", "other"] = "other"
    format: Literal["offline", "blended", "online"] = "offline"
    provider: Text = ""
    location: Text = ""
    timezone: PlaceZone | None = None  # where it is held: its sessions' hours are in this zone
    start: Day
    end: End
    jp: Annotated[int, Limits(ge=0)] = 0
    study_per_week: Duration | None = None
    handover_to: Id | None = None
    deputy: Id | None = None
    basis: Text = ""  # the surat tugas number, when known
    checkin: ClockTime | None = None  # daily check-in with the office while away
    handover_items: tuple[Text, ...] = ()  # keys, stamps, inventory, access handed over in person
    certificate: Text = ""  # the certificate's number (STTPP/sertifikat), for the SKP note
    session: tuple[Session, ...] = ()
    sessions_from: Text = ""  # the organiser's .ics (an LMS feed, an invitation), in the workspace
    sessions_match: Text = ""  # only its events whose SUMMARY or CATEGORIES contain this
    sessions_mode: Literal["auto", "online", "offline"] = "auto"  # auto: online when it has a link

    def contradictions(self) -> list[Invalid]:
        """Sessions outside the training's own dates, or that never meet: each at its key.

        A method, not a check in `__post_init__`: every such session is reported at once.
        """
        out: list[Invalid] = []
        for i, s in enumerate(self.session):
            first = s.from_ if s.rrule else s.date
            last = s.until or (None if s.rrule else s.date)
            if first is None:
                continue
            key = "from" if s.rrule else "date"
            if first < self.start:
                out.append(_outside(("session", i, key), "session_before_start", first, self))
            elif first > self.end:
                out.append(_outside(("session", i, key), "session_after_end", first, self))
                continue
            if last is not None and last > self.end:
                out.append(_outside(("session", i, "until"), "session_after_end", last, self))
            end = min(last or self.end, self.end)
            if s.rrule and not _meets(s.rrule, first, end):
                out.append(
                    Invalid(
                        "session_never",
                        "session_never_fix",
                        at=("session", i, "rrule"),
                        catalog=M,
                        rule=s.rrule,
                        first=first,
                        last=end,
                    )
                )
        return out


def midnight_problems(item: Training | Event, yours: str) -> list[Invalid]:
    """Hours in another zone that cross midnight on the user's clock (`yours`), each at its
    `time`: the plan is a day at a time, and a block belongs to one day. Hours that fall wholly
    on the day before or after (22:00-23:30 WIB is 00:00-01:30 WIT) are not a problem.

    Checked on the item's first date: Indonesia's zones keep one offset all year.
    """
    if isinstance(item, Event):
        found = _crosses(item.time, item.timezone, item.from_ or item.date, yours, "time")
        return [found] if found else []
    out = []
    for i, s in enumerate(item.session):
        first = s.from_ if s.rrule else s.date
        at = ("session", i, "time")
        found = _crosses(s.time, s.timezone or item.timezone, first, yours, at)
        if found:
            out.append(found)
    return out


def _crosses(
    span: TimeRange | None,
    zone: str | None,
    day: date | None,
    yours: str,
    at: str | tuple[str | int, ...],
) -> Invalid | None:
    if span is None or zone is None or day is None or zone == yours:
        return None
    here = ZoneInfo(yours)
    start, end = (moment.astimezone(here) for moment in span.on(day, ZoneInfo(zone)))
    # wholly on another day is fine (the plan shows it on that day); across midnight is not
    midnight = datetime.combine(start.date() + timedelta(days=1), time(), here)
    if end.date() == start.date() or end == midnight:
        return None
    return Invalid(
        "crosses_midnight",
        "crosses_midnight_fix",
        at=at,
        catalog=M,
        range=str(span),
        zone=zone_abbreviation(zone),
        start=f"{start:%H:%M}",
        end=f"{end:%H:%M}",
        yours=zone_abbreviation(yours),
    )


def _outside(at: tuple[str | int, ...], key: str, day: date, t: Training) -> Invalid:
    return Invalid(key, "session_dates_fix", at=at, catalog=M, day=day, start=t.start, end=t.end)


def _meets(rule: str, first: date, last: date) -> bool:
    from .values import expand_rrule

    return bool(expand_rrule(rule, first, first, last))


def _after(available: date | datetime, due: date | datetime) -> bool:
    """`available` (the start of its day, or its instant) is later than `due` (the end of its day)."""
    if isinstance(available, datetime) and isinstance(due, datetime):
        return available >= due
    start = available.date() if isinstance(available, datetime) else available
    end = due.date() if isinstance(due, datetime) else due
    return start > end


def _shown(moment: date | datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M") if isinstance(moment, datetime) else str(moment)


class Event(Model, kw_only=True):
    """[[event]]: a meeting or fixed commitment, once, over days or repeating."""

    id: Id | None = None
    title: Text
    date: Day | None = None
    until: Day | None = None
    rrule: RRule | None = None
    from_: Day | None = None
    time: Range | None = None  # absent: the whole day
    timezone: PlaceZone | None = None  # the zone `time` is in; absent: the profile's
    location: Text = ""
    link: Text = ""
    delegate_to: Id | None = None  # who attends in the user's place while away

    def __post_init__(self) -> None:
        _check_when(self, "event")


def _check_when(item: Session | Event, kind: str) -> None:
    """When a session or an event meets: a run of days (`date`, `until`) or a rule (`rrule`,
    `from`, `until`), never both, and `until` not before the first day."""
    if item.rrule:
        if item.from_ is None:
            raise Invalid(f"{kind}_rrule_needs_from", "from_fix", at="rrule", catalog=M)
        if item.date is not None:
            raise Invalid(f"{kind}_both", f"{kind}_both_fix", at="date", catalog=M)
    elif item.date is None:
        raise Invalid(f"{kind}_needs_date", f"{kind}_needs_date_fix", catalog=M)
    elif item.from_ is not None:
        raise Invalid(
            "from_without_rule", "from_without_rule_fix", at="from", catalog=M, rule="rrule"
        )
    first = item.from_ if item.rrule else item.date
    if item.until and first and item.until < first:
        raise Invalid(
            "until_before_from",
            "until_fix",
            at="until",
            catalog=M,
            until=item.until,
            first="from" if item.rrule else "date",
            start=first,
        )


class Quiet(Model, kw_only=True):
    """[[quiet]]: a busy period of the office (closing the books, audits)."""

    id: Id | None = None
    title: Text
    start: Day
    end: End
    roles: tuple[Text, ...] = ()
    level: Literal["avoid", "caution"] = "caution"


class Away(Model, kw_only=True):
    """A period a colleague is away."""

    start: Day
    end: End


class Colleague(Model, kw_only=True):
    """[[colleague]]: who can take work over while the user is away."""

    id: Id
    name: Text
    nip: Text = ""
    position: Text = ""
    rank: Text = ""
    contact: Text = ""
    skills: tuple[Text, ...] = ()
    capacity: Duration | None = None  # spare time a week for handed-over work
    away: tuple[Away, ...] = ()

    def is_away(self, day: date) -> bool:
        return any(a.start <= day <= a.end for a in self.away)


class CalendarSource(Model, kw_only=True):
    """[[calendar]]: an existing .ics calendar read as busy time."""

    path: Annotated[str, Limits(min_length=1, max_length=MAX_TEXT)]
    name: Text = ""


class TaskSource(Model, kw_only=True):
    """[[tasks_from]]: tasks read from a sheet (CSV, XLSX), a Trello board or an Asana project."""

    path: Annotated[str, Limits(min_length=1, max_length=MAX_TEXT)]
    format: Literal["auto", "sheet", "trello", "asana"] = "auto"  # auto: by the file's ending
    sheet: str = ""  # the workbook's sheet (the first one by default)
    columns: dict[str, str] = field(
        default_factory=dict, hash=False
    )  # [[task]] key -> the file's column
    lists: tuple[str, ...] = ()  # Trello lists or Asana sections to read (all open ones)
    estimate: Duration = 60  # for a task the file gives no estimate
    tags: tuple[str, ...] = ()  # added to every task read
    id_prefix: str = ""  # before every id, when two files would give the same ids


class Holiday(Model, kw_only=True):
    """A regional or ad-hoc day off (or, with `working = true`, a national one the office works)."""

    date: Day
    title: Text
    working: Flag = False


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
    task_sources: tuple[TaskSource, ...] = ()
    # the files besides the TOML that this value was read from (path, mtime_ns, size): the cache
    # serves it only while they are unchanged
    read_files: tuple[tuple[str, int, int, int], ...] = ()

    def colleague(self, cid: str | None) -> Colleague | None:
        return next((c for c in self.colleagues if c.id == cid), None) if cid else None

    def training(self, tid: str) -> Training | None:
        return next((t for t in self.trainings if t.id == tid), None)

    def task(self, tid: str) -> Task | None:
        return next((t for t in self.tasks if t.id == tid), None)
