"""What every task source shares: the rows' problems, Indonesian dates and yes/no, ids, people.

A source reader turns its file into `Draft`s (the keys of a [[task]], as a person would write
them, and the column each came from); `to_tasks` validates them with the [[task]] model, so an
imported task is exactly a task written in TOML, and a bad cell is reported as
`FILE:ROW: COLUMN: what; how to fix`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from ...errors import Problem
from ...i18n import Catalog, Lang
from ..models import Colleague, Task
from ..values import Invalid

MAX_BYTES = 20 * 1024 * 1024  # an office's task list is kilobytes; a board export a few MB
MAX_ROWS = 10_000  # tasks per source: five times the largest office list we plan for

M = Catalog(
    {
        "missing": {"id": "berkas tidak ada", "en": "the file does not exist"},
        "missing_fix": {
            "id": "simpan ekspornya di folder ruang kerja, atau perbaiki 'path' (relatif terhadap ruang kerja)",
            "en": "save the export in the workspace folder, or fix 'path' (relative to the workspace)",
        },
        "unreadable": {
            "id": "berkas tidak dapat dibaca ({error})",
            "en": "the file cannot be read ({error})",
        },
        "unreadable_fix": {"id": "periksa hak akses berkas", "en": "check the file's permissions"},
        "too_big": {
            "id": "berkas terlalu besar ({mb} MB; batasnya {limit} MB)",
            "en": "the file is too big ({mb} MB; the limit is {limit} MB)",
        },
        "too_big_fix": {
            "id": "ekspor hanya daftar tugas yang masih berjalan",
            "en": "export only the tasks still open",
        },
        "too_many": {
            "id": "lebih dari {n} baris tugas; sisanya tidak dibaca",
            "en": "more than {n} task rows; the rest is not read",
        },
        "too_many_fix": {
            "id": "pisahkan daftar atau buang baris yang sudah selesai",
            "en": "split the list or remove the rows already done",
        },
        "binary": {
            "id": "bukan berkas teks ({kind})",
            "en": "is not a text file ({kind})",
        },
        "binary_fix": {
            "id": "ekspor ulang sebagai CSV (UTF-8) atau simpan sebagai .xlsx",
            "en": "export it again as CSV (UTF-8) or save it as .xlsx",
        },
        "not_date": {"id": "'{text}' bukan tanggal", "en": "'{text}' is not a date"},
        "date_fix": {
            "id": 'tulis seperti "31/12/2026", "31 Des 2026" atau "2026-12-31" (boleh dengan jam "14:00")',
            "en": 'write it as "31/12/2026", "31 Dec 2026" or "2026-12-31" (a time "14:00" may follow)',
        },
        "not_bool": {"id": "'{text}' bukan ya/tidak", "en": "'{text}' is not yes/no"},
        "bool_fix": {
            "id": 'tulis "ya" atau "tidak" (juga Y/N, TRUE/FALSE, 1/0), atau kosongkan',
            "en": 'write "yes" or "no" (or Y/N, TRUE/FALSE, 1/0), or leave it empty',
        },
        "no_title": {"id": "baris tanpa judul tugas", "en": "the row has no task title"},
        "no_title_fix": {
            "id": "isi judulnya, atau kosongkan seluruh baris",
            "en": "fill in its title, or empty the whole row",
        },
        "formula": {
            "id": "rumus tanpa nilai tersimpan ({formula})",
            "en": "a formula without a saved value ({formula})",
        },
        "formula_fix": {
            "id": "buka dan simpan ulang di Excel/LibreOffice agar nilainya tersimpan, atau ekspor sebagai CSV",
            "en": "open and save it again in Excel/LibreOffice so its value is stored, or export it as CSV",
        },
        "duplicate": {
            "id": "id '{id}' sudah dipakai ({other})",
            "en": "the id '{id}' is already used ({other})",
        },
        "duplicate_fix": {
            "id": "beri id lain di kolom ID, atau ubah judulnya",
            "en": "give it another id in the ID column, or change its title",
        },
        "no_colleague": {
            "id": "'{who}' tidak ada di [[colleague]]",
            "en": "'{who}' is not a [[colleague]]",
        },
        "no_colleague_fix": {
            "id": "tambahkan [[colleague]] dengan id atau name itu, atau kosongkan selnya",
            "en": "add a [[colleague]] with that id or name, or empty the cell",
        },
        "bad_value": {
            "id": "nilai tidak dapat dipakai ({error})",
            "en": "unusable value ({error})",
        },
        "bad_value_fix": {"id": "perbaiki selnya", "en": "correct the cell"},
        "hours_or_minutes": {
            "id": "angka {text} tanpa satuan",
            "en": "the number {text} has no unit",
        },
        "hours_or_minutes_fix": {
            "id": 'tulis "2 jam" atau "90 menit", atau beri kolom nama "Estimasi (jam)"',
            "en": 'write "2 jam" or "90 min", or name the column "Estimate (hours)"',
        },
    }
)

# the words an Indonesian or English sheet writes for yes and no (and for "done")
_YES = {
    "ya",
    "y",
    "yes",
    "true",
    "benar",
    "1",
    "x",
    "v",
    "✓",
    "✔",
    "ok",
    "sudah",
    "selesai",
    "done",
}
_NO = {"tidak", "t", "n", "no", "false", "salah", "0", "-", "belum", "tdk"}

_MONTHS = {
    "jan": 1, "januari": 1, "january": 1,
    "feb": 2, "peb": 2, "februari": 2, "pebruari": 2, "february": 2,
    "mar": 3, "maret": 3, "march": 3,
    "apr": 4, "april": 4,
    "mei": 5, "may": 5,
    "jun": 6, "juni": 6, "june": 6,
    "jul": 7, "juli": 7, "july": 7,
    "agu": 8, "agt": 8, "ags": 8, "agst": 8, "aug": 8, "agustus": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9,
    "okt": 10, "oct": 10, "oktober": 10, "october": 10,
    "nov": 11, "nop": 11, "november": 11, "nopember": 11,
    "des": 12, "dec": 12, "desember": 12, "december": 12,
}  # fmt: skip

_TIME = r"(?:[ T,]+(?:pukul\s+|jam\s+)?(\d{1,2})[:.](\d{2})(?::\d{2}(?:\.\d+)?)?)?"
_NUMERIC = re.compile(rf"^(\d{{1,2}})[/.-](\d{{1,2}})[/.-](\d{{4}}){_TIME}$", re.I)
_ISO = re.compile(rf"^(\d{{4}})-(\d{{2}})-(\d{{2}}){_TIME}(?:Z|[+-]\d{{2}}:?\d{{2}})?$", re.I)
_NAMED = re.compile(rf"^(\d{{1,2}})\s+([A-Za-z]+)\.?\s+(\d{{4}}){_TIME}$", re.I)
_NAMED_EN = re.compile(rf"^([A-Za-z]+)\.?\s+(\d{{1,2}}),?\s+(\d{{4}}){_TIME}$", re.I)
_WEEKDAY = re.compile(r"^[A-Za-z']+,\s*")  # "Senin, 31 Des 2026"


def parse_when(value: Any) -> date | datetime | None:
    """A date (or a date and time) as a sheet holds it; None when empty; `Invalid` when unreadable.

    "31/12/2026" is day first, as Indonesia writes it; months are Indonesian or English, full
    or short ("31 Des 2026", "Dec 31, 2026"); ISO dates pass; a cell Excel typed is a datetime.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.time() != time() else value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    text = _WEEKDAY.sub("", text)
    parts: tuple[str, ...] | None = None
    if m := _ISO.match(text):
        parts = (m[3], m[2], m[1], m[4] or "", m[5] or "")
    elif m := _NUMERIC.match(text):
        parts = (m[1], m[2], m[3], m[4] or "", m[5] or "")
    elif (m := _NAMED.match(text)) and m[2].lower() in _MONTHS:
        parts = (m[1], str(_MONTHS[m[2].lower()]), m[3], m[4] or "", m[5] or "")
    elif (m := _NAMED_EN.match(text)) and m[1].lower() in _MONTHS:
        parts = (m[2], str(_MONTHS[m[1].lower()]), m[3], m[4] or "", m[5] or "")
    if parts is None:
        raise Invalid("not_date", "date_fix", catalog=M, text=text)
    day, month, year, hour, minute = parts
    try:
        d = date(int(year), int(month), int(day))
        if not hour:
            return d
        return datetime.combine(d, time(int(hour), int(minute)))
    except ValueError:
        raise Invalid("not_date", "date_fix", catalog=M, text=text) from None


def parse_yes(value: Any) -> bool | None:
    """Yes/no as a sheet writes it; None when empty; `Invalid` when neither."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value)
    text = str(value).strip().lower()
    if not text:
        return None
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise Invalid("not_bool", "bool_fix", catalog=M, text=str(value).strip())


def duration_text(value: Any, header: str) -> str | None:
    """An estimate cell as the [[task]] model reads it: "2 jam" stays, a bare 2 takes the header's unit."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise Invalid("hours_or_minutes", "hours_or_minutes_fix", catalog=M, text=value)
    text = str(value).strip()
    if not text:
        return None
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        unit = header.lower()
        if re.search(r"menit|min", unit):
            return f"{text}m"
        if re.search(r"jam|hour|\bh\b|\bj\b", unit):
            return f"{text}h"
        raise Invalid("hours_or_minutes", "hours_or_minutes_fix", catalog=M, text=text)
    return text


def slug(text: str, limit: int = 40) -> str:
    """An id from a title: 'Laporan Realisasi TW IV' -> 'laporan-realisasi-tw-iv'."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return s[:limit].rstrip("-")


def split_list(value: Any) -> tuple[str, ...]:
    """'laporan, keuangan' or 'laporan; keuangan' -> ('laporan', 'keuangan')."""
    if value is None:
        return ()
    return tuple(p.strip() for p in re.split(r"[,;\n]", str(value)) if p.strip())


def text_of(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


_TITLES = re.compile(r"^(?:(?:prof|dr|drs|dra|ir|h|hj|kh)\.?\s+)+", re.I)


def person_key(name: str) -> str:
    """A name without its academic titles: 'Dr. Budi Santoso, S.Sos., M.Si.' -> 'budi santoso'."""
    plain = _TITLES.sub("", name.split(",")[0].strip())
    return " ".join(re.sub(r"[^\w@.+-]+", " ", plain.casefold()).split())


class People:
    """Finding a colleague by what an export writes: their id, name (titles aside) or contact."""

    def __init__(self, colleagues: tuple[Colleague, ...], me: str = "") -> None:
        self.by: dict[str, str] = {}
        for c in colleagues:
            for key in (c.id, c.name, c.contact):
                if key:
                    self.by.setdefault(key.strip().casefold(), c.id)
                    self.by.setdefault(person_key(key), c.id)
        self.me = person_key(me)

    def find(self, *names: str) -> str | None:
        for name in names:
            if not name or not name.strip():
                continue
            found = self.by.get(name.strip().casefold()) or self.by.get(person_key(name))
            if found:
                return found
        return None

    def is_me(self, name: str) -> bool:
        return bool(self.me) and person_key(name) == self.me


@dataclass
class Draft:
    """One task as a source has it, before validation: [[task]] keys and where each came from."""

    row: int | None  # the row in the file (the header is row 1); None where a file has no rows
    data: dict[str, Any]
    columns: dict[str, str] = field(default_factory=dict)  # key -> the file's column name
    where: str = ""  # for files without rows: "card 'Rekap surat'"


@dataclass
class Reading:
    """One source file being read: its name as shown, the language, and its problems so far."""

    name: str
    path: Path
    lang: Lang
    problems: list[Problem] = field(default_factory=list)

    def add(self, row: int | None, where: str, what: str, fix: str = "") -> None:
        self.problems.append(Problem(self.name, row, where, what, fix))

    def say(self, key: str, /, **params: Any) -> str:
        return M(self.lang, key, **params)

    def invalid(self, row: int | None, where: str, exc: Invalid) -> None:
        self.add(row, where, exc.what(self.lang), exc.fix(self.lang))

    def raw(self) -> bytes | None:
        """The file's bytes, or None (and a problem) when it is missing, unreadable or too big."""
        try:
            size = self.path.stat().st_size
            if not self.path.is_file():
                raise FileNotFoundError
        except FileNotFoundError:
            self.add(None, "", self.say("missing"), self.say("missing_fix"))
            return None
        except OSError as exc:
            self.add(
                None, "", self.say("unreadable", error=exc.strerror), self.say("unreadable_fix")
            )
            return None
        if size > MAX_BYTES:
            mb, limit = round(size / 2**20, 1), MAX_BYTES // 2**20
            self.add(None, "", self.say("too_big", mb=mb, limit=limit), self.say("too_big_fix"))
            return None
        try:
            return self.path.read_bytes()[: MAX_BYTES + 1]
        except OSError as exc:
            self.add(
                None, "", self.say("unreadable", error=exc.strerror), self.say("unreadable_fix")
            )
            return None


def to_tasks(drafts: list[Draft], reading: Reading, context: dict[str, Any]) -> list[Task]:
    """The drafts validated by the [[task]] model; each bad cell becomes a problem of its row."""
    from pydantic import ValidationError

    from ..loader import adapter
    from ..models import toml_name

    validator = adapter(Task)
    out: list[Task] = []
    for d in drafts:
        try:
            out.append(validator.validate_python(d.data, context=context))
        except ValidationError as exc:
            for err in exc.errors():
                loc = err.get("loc") or ()
                error = (err.get("ctx") or {}).get("error")
                at = error.at if isinstance(error, Invalid) else ""
                key = at if isinstance(at, str) else str(at[-1]) if at else ""
                key = key or (toml_name(str(loc[0])) if loc else "")
                column = d.columns.get(key, key)
                where = f"{d.where}: {column}" if d.where and column else d.where or column
                if isinstance(error, Invalid):
                    reading.invalid(d.row, where, error)
                else:
                    reading.add(
                        d.row,
                        where,
                        reading.say("bad_value", error=err.get("msg", "")),
                        reading.say("bad_value_fix"),
                    )
    return out
