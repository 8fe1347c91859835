"""Finding the workspace folder and loading its TOML files into one validated `Workspace`.

TOML parsers keep no positions, so `LineMap` scans the text once more and maps a validation
error's location (table, index, key) back to the line it came from. Every problem in every file
is collected before anything is raised: people fix their files in one pass, not one error per run.
Each problem says, in the user's language, what is wrong and how to write it instead.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, get_args, get_type_hints
from zoneinfo import ZoneInfo

from .errors import Problem, WorkspaceError
from .i18n import DEFAULT_LANG, Catalog, Lang, parse_lang
from .models import (
    CalendarSource,
    Colleague,
    Event,
    Export,
    Holiday,
    Model,
    Planning,
    Profile,
    Quiet,
    Ramadan,
    Study,
    Task,
    Training,
    Workspace,
    Workweek,
    toml_name,
)
from .values import Invalid

if TYPE_CHECKING:
    from pydantic import TypeAdapter

# The modules below are imported where they are used, not here: a workspace served from the cache
# (load_cached) needs none of them, and `diklat plan` starts faster without them.
# pydantic (validation), tomllib (reading TOML), difflib (suggestions), calendar (month lengths).

MARKER = "diklat.toml"
ENV_WORKSPACE = "DIKLAT_WORKSPACE"

# the item tables any file may hold: TOML name -> (Workspace field, model)
ITEM_TABLES: dict[str, tuple[str, type[Model]]] = {
    "task": ("tasks", Task),
    "training": ("trainings", Training),
    "event": ("events", Event),
    "quiet": ("quiet", Quiet),
    "colleague": ("colleagues", Colleague),
    "calendar": ("calendars", CalendarSource),
    "holiday": ("holidays", Holiday),
}
# the settings tables, which only diklat.toml holds: TOML name -> model
SETTINGS_TABLES: dict[str, type[Model]] = {
    "profile": Profile,
    "workweek": Workweek,
    "ramadan": Ramadan,
    "study": Study,
    "planning": Planning,
    "export": Export,
}

# Indonesian words people reach for instead of the English keys
_INDONESIAN_KEYS = {
    "judul": "title",
    "nama": "name",
    "tenggat": "due",
    "batas": "due",
    "durasi": "estimate",
    "estimasi": "estimate",
    "mulai": "start",
    "selesai": "end",
    "tanggal": "date",
    "jam": "time",
    "waktu": "time",
    "lokasi": "location",
    "tempat": "location",
    "penting": "important",
    "mendesak": "urgent",
    "jabatan": "position",
    "keahlian": "skills",
    "dokumen": "documents",
    "kontak": "contact",
    "catatan": "notes",
    "tugas": "task",
    "pelatihan": "training",
    "diklat": "training",
    "rapat": "event",
    "acara": "event",
    "rekan": "colleague",
    "pegawai": "colleague",
    "libur": "holiday",
    "profil": "profile",
}

# what to write when a required key is missing
_EXAMPLES = {
    "id": '"tugas-1"',
    "title": '"Laporan realisasi TW IV"',
    "name": '"Rina Wulandari"',
    "estimate": '"2h"',
    "start": "2027-02-01",
    "end": "2027-02-12",
    "date": "2026-12-03",
    "path": '"kantor.ics"',
    "hours": '"07:30-16:00"',
}

M = Catalog(
    {
        # --- the folder and its files
        "no_folder": {
            "id": "folder ruang kerja tidak ada",
            "en": "the workspace folder does not exist",
        },
        "no_folder_fix": {
            "id": "buat dengan 'diklat init {path}' atau tunjuk folder lain dengan --workspace",
            "en": "create it with 'diklat init {path}' or point to another folder with --workspace",
        },
        "no_marker": {
            "id": "berkas ini belum ada; berkas inilah yang menandai sebuah ruang kerja",
            "en": "this file is missing; it is the file that marks a workspace",
        },
        "no_marker_fix": {
            "id": "buat ruang kerja dengan 'diklat init'",
            "en": "create a workspace with 'diklat init'",
        },
        "unreadable": {
            "id": "berkas tidak dapat dibaca ({reason})",
            "en": "the file cannot be read ({reason})",
        },
        "unreadable_fix": {
            "id": "periksa hak akses berkas",
            "en": "check the file's permissions",
        },
        "not_utf8": {
            "id": "berkas bukan teks UTF-8",
            "en": "the file is not UTF-8 text",
        },
        "not_utf8_fix": {
            "id": "simpan ulang sebagai UTF-8 (Notepad++: Encoding > UTF-8; VS Code: Save with Encoding > UTF-8)",
            "en": "save it again as UTF-8 (Notepad++: Encoding > UTF-8; VS Code: Save with Encoding > UTF-8)",
        },
        "no_profile": {
            "id": "tabel [profile] belum ada",
            "en": "the [profile] table is missing",
        },
        "no_profile_fix": {
            "id": "tambahkan [profile] dengan paling sedikit name = \"Nama Anda\" (atau buat contoh dengan 'diklat init')",
            "en": "add [profile] with at least name = \"Your Name\" (or make a starter with 'diklat init')",
        },
        # --- TOML syntax
        "toml_generic": {
            "id": "penulisan TOML keliru ({detail})",
            "en": "TOML syntax error ({detail})",
        },
        "toml_generic_fix": {
            "id": "periksa tanda kutip, kurung dan '=' di baris ini",
            "en": "check the quotes, brackets and '=' on this line",
        },
        "bad_date": {
            "id": "tanggal {value} tidak ada",
            "en": "the date {value} does not exist",
        },
        "bad_date_fix": {
            "id": "periksa bulan (01-12) dan tanggalnya",
            "en": "check the month (01-12) and the day",
        },
        "bad_date_month_fix": {
            "id": "{month} {year} hanya sampai tanggal {days}",
            "en": "{month} {year} has only {days} days",
        },
        "needs_quotes": {
            "id": "teks {value} perlu tanda kutip",
            "en": "the text {value} needs quotes",
        },
        "needs_quotes_fix": {
            "id": 'tulis {key} = "{value}"',
            "en": 'write {key} = "{value}"',
        },
        "date_form": {
            "id": "{value} bukan bentuk tanggal TOML",
            "en": "{value} is not a TOML date",
        },
        "date_form_fix": {
            "id": "tulis tahun-bulan-tanggal dengan dua angka, tanpa tanda kutip, seperti 2026-12-01",
            "en": "write year-month-day with two-digit month and day, without quotes, as 2026-12-01",
        },
        "bool_form": {
            "id": "'{value}' bukan nilai ya/tidak dalam TOML",
            "en": "'{value}' is not a TOML yes/no value",
        },
        "bool_form_fix": {
            "id": "tulis true atau false (huruf kecil, tanpa tanda kutip)",
            "en": "write true or false (lower case, without quotes)",
        },
        "list_comma": {
            "id": "daftar [...] tidak lengkap",
            "en": "the list [...] is not complete",
        },
        "list_comma_fix": {
            "id": 'pisahkan isinya dengan koma dan tutup dengan ], seperti ["a", "b"]',
            "en": 'separate its items with commas and close it with ], as ["a", "b"]',
        },
        "header": {
            "id": "nama tabel tidak ditutup",
            "en": "the table name is not closed",
        },
        "header_fix": {
            "id": "tulis [nama] untuk pengaturan atau [[nama]] untuk butir, seperti [[task]]",
            "en": "write [name] for settings or [[name]] for items, as [[task]]",
        },
        "outside": {
            "id": "'{key}' berada di luar tabel",
            "en": "'{key}' stands outside any table",
        },
        "outside_fix": {
            "id": "pindahkan ke bawah {table}",
            "en": "move it under {table}",
        },
        "outside_any_fix": {
            "id": "pindahkan ke bawah tabelnya, seperti [planning] atau [[task]]",
            "en": "move it under its table, such as [planning] or [[task]]",
        },
        "trailing": {
            "id": "ada tulisan lain sesudah nilai",
            "en": "there is more after the value",
        },
        "trailing_fix": {
            "id": "satu kunci = nilai per baris; teks diberi tanda kutip, komentar diawali #",
            "en": "one key = value per line; text in quotes, comments after #",
        },
        "no_equals": {
            "id": "tidak ada '=' sesudah nama kunci",
            "en": "there is no '=' after the key",
        },
        "no_equals_fix": {
            "id": "tulis kunci = nilai; nama kunci tanpa spasi (pakai _ atau -)",
            "en": "write key = value; a key has no spaces (use _ or -)",
        },
        "declared_twice": {
            "id": "tabel ini ditulis dua kali",
            "en": "this table is written twice",
        },
        "declared_twice_fix": {
            "id": "gabungkan keduanya; untuk daftar butir pakai kurung ganda, seperti [[task]]",
            "en": "merge the two; for a list of items use double brackets, as [[task]]",
        },
        "key_twice": {
            "id": "kunci '{key}' ditulis dua kali",
            "en": "the key '{key}' is written twice",
        },
        "key_twice_fix": {
            "id": "hapus salah satunya",
            "en": "delete one of them",
        },
        "unclosed_string": {
            "id": "tanda kutip teks tidak ditutup",
            "en": "the text's quotes are not closed",
        },
        "unclosed_string_fix": {
            "id": 'tutup teks dengan " di baris yang sama',
            "en": 'close the text with " on the same line',
        },
        "unclosed": {
            "id": "kurung [ atau { tidak ditutup",
            "en": "a [ or { is not closed",
        },
        "unclosed_fix": {
            "id": "tutup daftar dengan ] dan tabel sebaris dengan }",
            "en": "close a list with ] and an inline table with }",
        },
        "backslash": {
            "id": "garis miring terbalik (\\) di dalam teks",
            "en": "a backslash (\\) inside text",
        },
        "backslash_fix": {
            "id": "pakai / atau tulis \\\\, atau pakai tanda kutip tunggal: 'C:\\Dokumen'",
            "en": "use / or write \\\\, or use single quotes: 'C:\\Documents'",
        },
        # --- values (pydantic's error types, in plain words)
        "missing": {
            "id": "'{key}' belum diisi",
            "en": "'{key}' is missing",
        },
        "missing_fix": {
            "id": "tambahkan {key} = {example}",
            "en": "add {key} = {example}",
        },
        "unknown_key": {
            "id": "kunci '{key}' tidak dikenal",
            "en": "unknown key '{key}'",
        },
        "unknown_table": {
            "id": "tabel '{key}' tidak dikenal",
            "en": "unknown table '{key}'",
        },
        "did_you_mean": {
            "id": "maksud Anda '{near}'?",
            "en": "did you mean '{near}'?",
        },
        "known_keys": {
            "id": "kunci yang dikenal di sini: {keys}",
            "en": "the keys known here: {keys}",
        },
        "known_tables": {
            "id": "tabel yang dikenal: {keys}",
            "en": "the known tables: {keys}",
        },
        "settings_elsewhere": {
            "id": "tabel [{key}] hanya dibaca dari diklat.toml",
            "en": "the [{key}] table is read from diklat.toml only",
        },
        "settings_elsewhere_fix": {
            "id": "pindahkan ke diklat.toml",
            "en": "move it to diklat.toml",
        },
        "not_text": {
            "id": "harus berupa teks, bukan {given}",
            "en": "must be text, not {given}",
        },
        "not_text_fix": {
            "id": 'tulis dalam tanda kutip, seperti "{plain}"',
            "en": 'write it in quotes, as "{plain}"',
        },
        "empty": {
            "id": "'{key}' masih kosong",
            "en": "'{key}' is empty",
        },
        "empty_fix": {
            "id": 'isi di antara tanda kutip: {key} = "..."',
            "en": 'write it between the quotes: {key} = "..."',
        },
        "not_bool": {
            "id": "harus true atau false, bukan {given}",
            "en": "must be true or false, not {given}",
        },
        "not_bool_fix": {
            "id": "tulis true atau false, tanpa tanda kutip",
            "en": "write true or false, without quotes",
        },
        "not_int": {
            "id": "harus bilangan bulat, bukan {given}",
            "en": "must be a whole number, not {given}",
        },
        "not_int_fix": {
            "id": "tulis angka tanpa tanda kutip, seperti 14",
            "en": "write a number without quotes, as 14",
        },
        "too_small": {
            "id": "{given} terlalu kecil",
            "en": "{given} is too small",
        },
        "too_small_fix": {
            "id": "paling kecil {limit}",
            "en": "the least is {limit}",
        },
        "too_large": {
            "id": "{given} terlalu besar",
            "en": "{given} is too large",
        },
        "too_large_fix": {
            "id": "paling besar {limit}",
            "en": "the most is {limit}",
        },
        "not_choice": {
            "id": "{given} bukan pilihan yang dikenal",
            "en": "{given} is not one of the choices",
        },
        "not_choice_fix": {
            "id": "pilih salah satu: {choices}",
            "en": "choose one of: {choices}",
        },
        "not_list": {
            "id": "harus berupa daftar, bukan {given}",
            "en": "must be a list, not {given}",
        },
        "not_list_fix": {
            "id": "tulis dalam kurung siku, seperti [{given}]",
            "en": "write it in square brackets, as [{given}]",
        },
        "not_table": {
            "id": "harus berupa tabel, bukan {given}",
            "en": "must be a table, not {given}",
        },
        "not_table_fix": {
            "id": "tulis sebagai tabel: {table} dengan baris kunci = nilai di bawahnya",
            "en": "write it as a table: {table} with key = value lines below it",
        },
        "bad_value": {
            "id": "nilai {given} tidak dapat dipakai",
            "en": "the value {given} cannot be used",
        },
        "bad_value_fix": {
            "id": "lihat docs/workspace.md untuk bentuk yang benar",
            "en": "see docs/workspace.md for the right form",
        },
        # --- the workspace as a whole
        "duplicate": {
            "id": "id '{id}' dipakai dua kali untuk {kind} (juga di {other})",
            "en": "the id '{id}' is used twice for {kind} (also at {other})",
        },
        "duplicate_fix": {
            "id": "beri setiap {kind} id sendiri",
            "en": "give each {kind} its own id",
        },
        "no_colleague": {
            "id": "tidak ada rekan dengan id '{id}'",
            "en": "there is no colleague with the id '{id}'",
        },
        "no_colleague_near_fix": {
            "id": "maksud Anda '{near}'? Atau tambahkan [[colleague]] dengan id = \"{id}\"",
            "en": "did you mean '{near}'? Or add a [[colleague]] with id = \"{id}\"",
        },
        "no_colleague_fix": {
            "id": 'tambahkan [[colleague]] dengan id = "{id}"',
            "en": 'add a [[colleague]] with id = "{id}"',
        },
        "no_calendar": {
            "id": "berkas kalender '{path}' tidak ada",
            "en": "the calendar file '{path}' does not exist",
        },
        "no_calendar_fix": {
            "id": "path dihitung dari folder ruang kerja ({root}); periksa nama berkasnya",
            "en": "the path is relative to the workspace folder ({root}); check the file name",
        },
        "and": {"id": "atau", "en": "or"},
        "given_table": {"id": "tabel", "en": "a table"},
        "given_list": {"id": "daftar", "en": "a list"},
        "given_date": {"id": "tanggal {value}", "en": "the date {value}"},
    }
)


@dataclass(frozen=True)
class Found:
    """Where the workspace is, and how it was found (for the notice the CLI prints)."""

    path: Path
    how: str  # "option" | "env" | "cwd" | "user" | "demo"


def demo_path() -> Path:
    return Path(__file__).parent / "demo"


def find(option: Path | None, env: Mapping[str, str], cwd: Path, user_dir: Path) -> Found:
    """Discovery order of the contract: option, DIKLAT_WORKSPACE, cwd, user data folder, demo."""
    if option is not None:
        return Found(option, "option")
    if env.get(ENV_WORKSPACE):
        return Found(Path(env[ENV_WORKSPACE]).expanduser(), "env")
    if (cwd / MARKER).is_file():
        return Found(cwd, "cwd")
    if (user_dir / MARKER).is_file():
        return Found(user_dir, "user")
    return Found(demo_path(), "demo")


# --- locating lines --------------------------------------------------------------------------


class _Stop(Exception):
    """The scanner met text it does not understand: keep what it mapped so far."""


_BARE = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR_END = frozenset(",]}#\n\r")


class LineMap:
    """Maps paths such as ('task', 2, 'estimate') to 1-based line numbers of one file's text.

    A small structural scanner of TOML: headers ([t], [[t]], [[training.session]] under the
    current training), dotted and quoted keys, arrays and inline tables over several lines (each
    element gets its own path: ('colleague', 0, 'away', 1, 'end')), strings of every kind. It is
    tolerant: on text it cannot follow it keeps what it has mapped so far.
    """

    def __init__(self, text: str) -> None:
        self.lines: dict[tuple[Any, ...], int] = {}
        self.repeated: list[tuple[int, str]] = []  # (line, key) of keys assigned twice
        self._text = text
        self._pos = 0
        self._line = 1
        self._counters: dict[tuple[Any, ...], int] = {}
        self._assigned: set[tuple[Any, ...]] = set()
        with contextlib.suppress(_Stop, IndexError):
            self._document()

    def find(self, path: tuple[Any, ...]) -> int | None:
        """The line of the longest prefix of `path` that the text names."""
        for n in range(len(path), 0, -1):
            if path[:n] in self.lines:
                return self.lines[path[:n]]
        return None

    # the scanner

    def _peek(self, n: int = 1) -> str:
        return self._text[self._pos : self._pos + n]

    def _advance(self, n: int = 1) -> None:
        self._line += self._text.count("\n", self._pos, self._pos + n)
        self._pos += n

    def _at_end(self) -> bool:
        return self._pos >= len(self._text)

    def _blank(self, newlines: bool) -> None:
        """Skip spaces (and, when allowed, newlines and comments)."""
        while not self._at_end():
            c = self._peek()
            if c in " \t" or (newlines and c in "\r\n"):
                self._advance()
            elif newlines and c == "#":
                self._skip_comment()
            else:
                return

    def _skip_comment(self) -> None:
        end = self._text.find("\n", self._pos)
        self._advance((len(self._text) if end < 0 else end) - self._pos)

    def _mark(self, path: tuple[Any, ...], line: int) -> None:
        self.lines.setdefault(path, line)

    def _document(self) -> None:
        table: tuple[Any, ...] = ()
        while True:
            self._blank(newlines=True)
            if self._at_end():
                return
            line = self._line
            if self._peek(2) == "[[":
                self._advance(2)
                names = self._key()
                self._blank(newlines=False)
                if self._peek(2) != "]]":
                    raise _Stop
                self._advance(2)
                array = self._resolve(names)
                self._counters[array] = self._counters.get(array, -1) + 1
                table = (*array, self._counters[array])
                self._mark(array, line)
                self._mark(table, line)
            elif self._peek() == "[":
                self._advance()
                names = self._key()
                self._blank(newlines=False)
                if self._peek() != "]":
                    raise _Stop
                self._advance()
                table = self._resolve(names)
                for n in range(1, len(table) + 1):  # [workweek.fri] also names workweek
                    self._mark(table[:n], line)
            else:
                self._pair(table, line)
            self._blank(newlines=False)
            if self._peek() == "#":
                self._skip_comment()

    def _resolve(self, names: tuple[str, ...]) -> tuple[Any, ...]:
        """Insert the current index of each enclosing array of tables: training.session -> training, 3, session."""
        out: tuple[Any, ...] = ()
        for k, name in enumerate(names):
            out = (*out, name)
            if k < len(names) - 1 and out in self._counters:
                out = (*out, self._counters[out])
        return out

    def _pair(self, table: tuple[Any, ...], line: int) -> None:
        keys = self._key()
        self._blank(newlines=False)
        if self._peek() != "=":
            raise _Stop
        self._advance()
        self._blank(newlines=False)
        path = (*table, *keys)
        for n in range(len(table) + 1, len(path) + 1):
            self._mark(path[:n], line)
        if path in self._assigned:
            self.repeated.append((line, ".".join(str(k) for k in keys)))
        self._assigned.add(path)
        self._value(path)

    def _key(self) -> tuple[str, ...]:
        parts: list[str] = []
        while True:
            self._blank(newlines=False)
            c = self._peek()
            if c == '"':
                parts.append(self._basic_string())
            elif c == "'":
                end = self._text.index("'", self._pos + 1)
                parts.append(self._text[self._pos + 1 : end])
                self._advance(end + 1 - self._pos)
            else:
                m = _BARE.match(self._text, self._pos)
                if not m:
                    raise _Stop
                parts.append(m.group())
                self._advance(len(m.group()))
            self._blank(newlines=False)
            if self._peek() != ".":
                return tuple(parts)
            self._advance()

    def _basic_string(self) -> str:
        i = self._pos + 1
        out = []
        while self._text[i] != '"':
            if self._text[i] == "\\":
                out.append(self._text[i + 1])
                i += 2
            elif self._text[i] == "\n":
                raise _Stop
            else:
                out.append(self._text[i])
                i += 1
        self._advance(i + 1 - self._pos)
        return "".join(out)

    def _value(self, path: tuple[Any, ...]) -> None:
        c = self._peek()
        if self._peek(3) in ('"""', "'''"):
            quote = self._peek(3)
            i = self._pos + 3
            while self._text[i : i + 3] != quote:
                i += 2 if quote == '"""' and self._text[i] == "\\" else 1
            i += 3
            while self._text[i : i + 1] == quote[0]:  # up to two quotes may end the content
                i += 1
            self._advance(i - self._pos)
        elif c == '"':
            self._basic_string()
        elif c == "'":
            end = self._text.index("'", self._pos + 1)
            self._advance(end + 1 - self._pos)
        elif c == "[":
            self._advance()
            index = 0
            while True:
                self._blank(newlines=True)
                if self._peek() == "]":
                    self._advance()
                    return
                self._mark((*path, index), self._line)
                self._value((*path, index))
                index += 1
                self._blank(newlines=True)
                if self._peek() == ",":
                    self._advance()
                elif self._peek() != "]":
                    raise _Stop
        elif c == "{":
            self._advance()
            while True:
                self._blank(newlines=True)
                if self._peek() == "}":
                    self._advance()
                    return
                line = self._line
                keys = self._key()
                self._blank(newlines=False)
                if self._peek() != "=":
                    raise _Stop
                self._advance()
                self._blank(newlines=False)
                inner = (*path, *keys)
                for n in range(len(path) + 1, len(inner) + 1):
                    self._mark(inner[:n], line)
                self._value(inner)
                self._blank(newlines=True)
                if self._peek() == ",":
                    self._advance()
        else:
            i = self._pos
            while i < len(self._text) and self._text[i] not in _SCALAR_END:
                i += 1
            if i == self._pos:
                raise _Stop
            self._advance(i - self._pos)


# --- reading files ---------------------------------------------------------------------------


@dataclass
class _File:
    path: Path
    name: str  # as shown in messages
    data: dict[str, Any]
    text: str

    @cached_property
    def lines(self) -> LineMap:
        """Scanned only when a problem needs a line: a large valid workspace never pays for it."""
        return LineMap(self.text)


@dataclass
class _Loader:
    root: Path
    lang: Lang
    cwd: Path
    problems: list[Problem] = field(default_factory=list)

    def name(self, path: Path) -> str:
        """A path as the user can open it from where they are: relative to cwd when inside it."""
        try:
            return path.resolve().relative_to(self.cwd.resolve()).as_posix()
        except ValueError:
            return str(path)

    def add(self, file: str, line: int | None, where: str, what: str, fix: str = "") -> None:
        self.problems.append(Problem(file, line, where, what, fix))

    def say(self, message: str, /, **params: Any) -> str:
        return M(self.lang, message, **params)

    def read(self, path: Path) -> _File | None:
        name = self.name(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            self.add(
                name,
                None,
                "",
                self.say("unreadable", reason=exc.strerror),
                self.say("unreadable_fix"),
            )
            return None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            self.add(name, line, "", self.say("not_utf8"), self.say("not_utf8_fix"))
            return None
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            self.add(name, *self._syntax(text, str(exc)))
            return None
        return _File(path, name, data, text)

    def _syntax(self, text: str, message: str) -> tuple[int | None, str, str, str]:
        """(line, where, what, fix) for a tomllib error, in plain words."""
        m = re.search(r"\(at line (\d+), column (\d+)\)", message)
        detail = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", message)
        lines = text.splitlines()
        line = int(m.group(1)) if m else None
        if line is None:
            repeated = LineMap(text).repeated
            if repeated and detail.startswith("Cannot overwrite"):
                at, key = repeated[0]
                return at, key, self.say("key_twice", key=key), self.say("key_twice_fix")
            if detail.startswith(("Invalid value", "Unclosed")):
                return len(lines) or None, "", self.say("unclosed"), self.say("unclosed_fix")
            return None, "", self.say("toml_generic", detail=detail), self.say("toml_generic_fix")
        source = lines[line - 1] if 0 < line <= len(lines) else ""
        pair = re.match(r"\s*([A-Za-z0-9_.\"' -]+?)\s*=\s*(.*?)\s*(#.*)?$", source)
        key = pair.group(1).strip() if pair else ""
        value = pair.group(2) if pair else ""
        if dm := re.match(r"(\d{4})-(\d{2})-(\d{2})(?=$|[T ,\]}])", value):
            try:
                date(int(dm.group(1)), int(dm.group(2)), int(dm.group(3)))
            except ValueError:
                return line, key, *self._bad_date(dm.group(0))
        if detail.startswith(("Expected newline", "Invalid value")) and value:
            plain = value.rstrip(",").strip()
            if re.fullmatch(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}", plain):
                return line, key, self.say("date_form", value=plain), self.say("date_form_fix")
            if plain.lower() in ("true", "false", "ya", "tidak", "yes", "no", "benar", "salah"):
                return line, key, self.say("bool_form", value=plain), self.say("bool_form_fix")
            clock = r"\d{1,2}[:.]\d{2}"
            if re.fullmatch(rf"{clock}(\s*(-|–|—|s\.d\.?)\s*{clock})?", plain) or (
                re.fullmatch(r"[^\"'\[\]{}=#]+", plain)
                and not re.fullmatch(r"[-+]?[\d_.eE:+-]+|inf|nan", plain)
            ):
                return (
                    line,
                    key,
                    self.say("needs_quotes", value=plain),
                    self.say("needs_quotes_fix", key=key, value=plain),
                )
            return line, key, self.say("trailing"), self.say("trailing_fix")
        if detail.startswith("Invalid date"):
            return line, key, *self._bad_date(value)
        if detail.startswith("Unclosed array"):
            return line, key, self.say("list_comma"), self.say("list_comma_fix")
        if detail.startswith(("Expected ']'", "Expected ']]'")):
            return line, "", self.say("header"), self.say("header_fix")
        if detail.startswith("Expected '='"):
            return line, "", self.say("no_equals"), self.say("no_equals_fix")
        if detail.startswith("Cannot overwrite") and key:
            return line, key, self.say("key_twice", key=key), self.say("key_twice_fix")
        if detail.startswith("Cannot declare"):
            return line, source.strip(), self.say("declared_twice"), self.say("declared_twice_fix")
        if detail.startswith("Illegal character") and "\\n" in detail:
            return line, key, self.say("unclosed_string"), self.say("unclosed_string_fix")
        if detail.startswith(("Unescaped '\\'", "Invalid hex value")):
            return line, key, self.say("backslash"), self.say("backslash_fix")
        return line, key, self.say("toml_generic", detail=detail), self.say("toml_generic_fix")

    def _bad_date(self, value: str) -> tuple[str, str]:
        what = self.say("bad_date", value=value)
        m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
        if m and 1 <= int(m.group(2)) <= 12:
            import calendar as _calendar

            from .i18n import format_date

            year, month = int(m.group(1)), int(m.group(2))
            month_name = format_date(date(year, month, 1), self.lang, "long").split(" ")[1]
            days = _calendar.monthrange(year, month)[1]
            return what, self.say("bad_date_month_fix", month=month_name, year=year, days=days)
        return what, self.say("bad_date_fix")

    # validation

    def validate(
        self,
        model: type[Model],
        data: Any,
        context: dict[str, Any],
        f: _File,
        prefix: tuple[Any, ...],
    ) -> Any:
        from pydantic import ValidationError

        try:
            return adapter(model).validate_python(data, context=context)
        except ValidationError as exc:
            for err in exc.errors():
                self._explain(model, err, f, prefix, data)
            return None

    def _explain(
        self,
        model: type[Model],
        err: Any,
        f: _File,
        prefix: tuple[Any, ...],
        data: Any,
    ) -> None:
        loc = tuple(err["loc"])
        kind = err["type"]
        given = _given(err.get("input"), self.lang)
        ctx = err.get("ctx") or {}
        error = ctx.get("error")
        if isinstance(error, Invalid) and error.at:
            loc = (*loc, error.at)
        path = (*prefix, *loc)
        line = f.lines.find(path)
        where = _where(path, f.data)
        key = str(loc[-1]) if loc and isinstance(loc[-1], str) else ""
        if kind in ("missing", "missing_keyword_only_argument"):
            what = self.say("missing", key=key)
            fix = self.say("missing_fix", key=key, example=_EXAMPLES.get(key, "..."))
            where = _where(path[:-1], f.data)
        elif kind in ("extra_forbidden", "unexpected_keyword_argument"):
            known = _known_keys(model, loc[:-1])
            what = self.say("unknown_key", key=key)
            fix = self._suggest(key, known, "known_keys")
        elif isinstance(error, Invalid):
            what, fix = error.what(self.lang), error.fix(self.lang)
        elif kind in ("string_type", "string_sub_type"):
            what = self.say("not_text", given=given)
            fix = self.say("not_text_fix", plain=_plain(err.get("input")))
        elif kind in ("bool_type", "bool_parsing"):
            what, fix = self.say("not_bool", given=given), self.say("not_bool_fix")
        elif kind.startswith("int_"):
            what, fix = self.say("not_int", given=given), self.say("not_int_fix")
        elif kind in ("greater_than_equal", "greater_than"):
            limit = ctx.get("ge", ctx.get("gt"))
            what, fix = self.say("too_small", given=given), self.say("too_small_fix", limit=limit)
        elif kind in ("less_than_equal", "less_than"):
            limit = ctx.get("le", ctx.get("lt"))
            what, fix = self.say("too_large", given=given), self.say("too_large_fix", limit=limit)
        elif kind == "literal_error":
            choices = str(ctx.get("expected", "")).replace(" or ", f" {self.say('and')} ")
            what = self.say("not_choice", given=given)
            fix = self.say("not_choice_fix", choices=choices.replace("'", '"'))
        elif kind == "string_too_short":
            what, fix = self.say("empty", key=key), self.say("empty_fix", key=key)
        elif kind in ("tuple_type", "list_type", "iterable_type"):
            what = self.say("not_list", given=given)
            fix = self.say("not_list_fix", given=given)
        elif kind in (
            "model_type",
            "model_attributes_type",
            "dict_type",
            "dataclass_type",
            "dataclass_args_type",
        ):
            what = self.say("not_table", given=given)
            names = [p for p in path if isinstance(p, str)]
            table = ".".join(names)
            listed = names[-1] in (*ITEM_TABLES, "session", "away")  # arrays of tables
            fix = self.say("not_table_fix", table=f"[[{table}]]" if listed else f"[{table}]")
        else:
            what, fix = self.say("bad_value", given=given), self.say("bad_value_fix")
        self.add(f.name, line, where, what, fix)

    def _suggest(self, key: str, known: list[str], listing: str) -> str:
        import difflib

        near = _INDONESIAN_KEYS.get(key.lower())
        if near not in known:
            close = difflib.get_close_matches(key.lower(), known, n=1, cutoff=0.6)
            near = close[0] if close else None
        if near:
            return self.say("did_you_mean", near=near)
        return self.say(listing, keys=", ".join(known))


def _known_keys(model: type[Model], loc: tuple[Any, ...]) -> list[str]:
    """The keys a table at `loc` inside `model` accepts (by their TOML names)."""
    current: type[Model] | None = model
    for part in loc:
        if current is None:
            return []
        if isinstance(part, int):
            continue
        hints = get_type_hints(current)
        found = next((n for n in hints if toml_name(n) == part), None)
        current = _model_in(hints[found]) if found else None
    if current is None:
        return []
    return [toml_name(f.name) for f in dataclasses.fields(current)]


def _model_in(annotation: Any) -> type[Model] | None:
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return annotation
    for arg in get_args(annotation):
        if (found := _model_in(arg)) is not None:
            return found
    return None


def _given(value: Any, lang: Lang) -> str:
    """A value as the user wrote it in TOML, for messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, dict):
        return M(lang, "given_table")
    if isinstance(value, list | tuple):
        return M(lang, "given_list")
    if isinstance(value, date):
        return M(lang, "given_date", value=value.isoformat())
    return str(value)


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return "..." if isinstance(value, dict) else str(value)


def _where(path: tuple[Any, ...], data: Mapping[str, Any]) -> str:
    """'task[lap-tw4].estimate', 'training[pkp-2027].session[2].time', 'study.windows[3]'."""
    out = ""
    node: Any = data
    for part in path:
        if isinstance(part, int):
            item = node[part] if isinstance(node, list) and part < len(node) else None
            ident = item.get("id") if isinstance(item, dict) else None
            label = ident if isinstance(ident, str) and re.fullmatch(r"[\w-]+", ident) else part + 1
            out += f"[{label}]"
            node = item
        else:
            out += ("." if out else "") + str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return out


# --- loading ---------------------------------------------------------------------------------


def _language_of(marker: Path) -> Lang | None:
    """profile.language, when diklat.toml can be read well enough to tell."""
    import tomllib

    try:
        text = marker.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    try:
        profile = tomllib.loads(text).get("profile")
        value = profile.get("language") if isinstance(profile, dict) else None
        return parse_lang(value) if isinstance(value, str) else None
    except tomllib.TOMLDecodeError:
        m = re.search(r"""^\s*language\s*=\s*["']([A-Za-z_-]+)["']""", text, re.MULTILINE)
        return parse_lang(m.group(1)) if m else None


def _context(main: _File) -> dict[str, Any]:
    """The two facts from diklat.toml that validating dates and durations needs."""
    planning = main.data.get("planning")
    profile = main.data.get("profile")
    jp = planning.get("jp_minutes") if isinstance(planning, dict) else None
    tz = profile.get("timezone") if isinstance(profile, dict) else None
    try:
        ZoneInfo(tz) if isinstance(tz, str) and tz else None
    except (ValueError, KeyError):  # the profile reports it; meanwhile read dates in WIB
        tz = None
    return {
        "jp_minutes": jp if isinstance(jp, int) and not isinstance(jp, bool) and jp > 0 else 45,
        "timezone": tz if isinstance(tz, str) and tz else "Asia/Jakarta",
    }


def load(root: Path, lang: Lang | None = None, cwd: Path | None = None) -> Workspace:
    """Read every TOML file of the workspace at `root`; raise `WorkspaceError` with every problem.

    `lang` is the language the user asked for (--lang, DIKLAT_LANG); without it, problems are
    written in profile.language when diklat.toml says so, else in Indonesian. File names are
    shown relative to `cwd` (the current folder) when the files are inside it.
    """
    marker = root / MARKER
    language = lang or _language_of(marker) or DEFAULT_LANG
    ld = _Loader(root, language, cwd or Path.cwd())
    if not root.is_dir():
        ld.add(str(root), None, "", ld.say("no_folder"), ld.say("no_folder_fix", path=root))
        raise WorkspaceError(ld.problems, language)
    if not marker.is_file():
        ld.add(ld.name(marker), None, "", ld.say("no_marker"), ld.say("no_marker_fix"))
        raise WorkspaceError(ld.problems, language)
    paths = [
        marker,
        *sorted(
            p
            for p in root.rglob("*.toml")
            if p != marker
            and p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(root).parts)
        ),
    ]
    files = [f for p in paths if (f := ld.read(p)) is not None]
    if not files or files[0].path != marker:
        raise WorkspaceError(ld.problems, language)
    main = files[0]
    if not isinstance(main.data.get("profile"), dict):
        ld.add(
            main.name,
            main.lines.find(("profile",)),
            "",
            ld.say("no_profile"),
            ld.say("no_profile_fix"),
        )
    context = _context(main)
    settings: dict[str, Any] = {}
    items: dict[str, list[Any]] = {name: [] for name, _ in ITEM_TABLES.values()}
    entries: list[_Entry] = []
    for f in files:
        for key, value in f.data.items():
            if key in ITEM_TABLES:
                name, model = ITEM_TABLES[key]
                listed = value if isinstance(value, list) else [value]
                for i, data in enumerate(listed):
                    prefix = (key, i) if isinstance(value, list) else (key,)
                    entries.append(_Entry(key, data, f, prefix))
                    item = ld.validate(model, data, context, f, prefix)
                    if item is not None:
                        items[name].append(item)
            elif key in SETTINGS_TABLES and f is main:
                if key == "profile" and not isinstance(value, dict):
                    continue  # reported above
                settings[key] = ld.validate(SETTINGS_TABLES[key], value, context, f, (key,))
            elif key in SETTINGS_TABLES:
                ld.add(
                    f.name,
                    f.lines.find((key,)),
                    key,
                    ld.say("settings_elsewhere", key=key),
                    ld.say("settings_elsewhere_fix"),
                )
            elif not isinstance(value, dict | list):
                # a key = value above the first [table], or a table name forgotten
                home = _home_of(key)
                ld.add(
                    f.name,
                    f.lines.find((key,)),
                    key,
                    ld.say("outside", key=key),
                    ld.say("outside_fix", table=home) if home else ld.say("outside_any_fix"),
                )
            else:
                ld.add(
                    f.name,
                    f.lines.find((key,)),
                    key,
                    ld.say("unknown_table", key=key),
                    ld._suggest(key, [*ITEM_TABLES, *SETTINGS_TABLES], "known_tables"),
                )
    profile = main.data.get("profile")
    if isinstance(profile, dict):
        entries.append(_Entry("profile", profile, main, ("profile",)))
    # the checks across files read what people wrote, so that a typo elsewhere in an item
    # does not hide its duplicate id or its unknown colleague
    _check_ids(ld, entries)
    _check_references(ld, entries)
    _check_calendars(ld, entries)
    if ld.problems:
        raise WorkspaceError(ld.problems, language)
    fields: dict[str, Any] = {**settings, **{k: tuple(v) for k, v in items.items()}}
    return Workspace(**fields)


M_ = TypeVar("M_", bound=Model)


_ADAPTERS: dict[type[Model], TypeAdapter[Any]] = {}


def adapter(model: type[Model]) -> TypeAdapter[Any]:
    """Pydantic's validator of `model`, built on first use (pydantic is imported only here)."""
    if model not in _ADAPTERS:
        from pydantic import TypeAdapter

        _ADAPTERS[model] = TypeAdapter(model)
    return _ADAPTERS[model]


def validate(model: type[M_], data: Any, context: Mapping[str, Any] | None = None) -> M_:
    """`data` as people write it (a table of TOML) validated into `model`; raises ValidationError.

    `context` holds the two facts from diklat.toml that dates and durations need: jp_minutes and
    timezone (see `_context`).
    """
    result: M_ = adapter(model).validate_python(data, context=dict(context or {}))
    return result


def _home_of(key: str) -> str | None:
    """The table whose model has `key`, written as in TOML: '[planning]', '[[task]]'."""
    for name, model in SETTINGS_TABLES.items():
        if key in _known_keys(model, ()):
            return f"[{name}]"
    for name, (_, model) in ITEM_TABLES.items():
        if key in _known_keys(model, ()):
            return f"[[{name}]]"
    return None


@dataclass(frozen=True)
class _Entry:
    """One table as written: an item of `table`, or the profile."""

    table: str
    data: Any
    file: _File
    prefix: tuple[Any, ...]

    def text(self, key: str) -> str | None:
        value = self.data.get(key) if isinstance(self.data, dict) else None
        return value if isinstance(value, str) else None

    def place(self, key: str) -> tuple[str, int | None, str]:
        path = (*self.prefix, key)
        return self.file.name, self.file.lines.find(path), _where(path, self.file.data)


def _check_ids(ld: _Loader, entries: list[_Entry]) -> None:
    seen: dict[tuple[str, str], _Entry] = {}
    for entry in entries:
        ident = entry.text("id")
        if ident is None or entry.table == "profile":
            continue
        first = seen.setdefault((entry.table, ident), entry)
        if first is entry:
            continue
        first_file, first_line, _ = first.place("id")
        other = f"{first_file}:{first_line}" if first_line else first_file
        kind = f"[[{entry.table}]]"
        ld.add(
            *entry.place("id"),
            ld.say("duplicate", id=ident, kind=kind, other=other),
            ld.say("duplicate_fix", kind=kind),
        )


# the keys that name a colleague, by table
REFERENCES = {
    "profile": ("supervisor",),
    "task": ("delegate_to",),
    "training": ("handover_to", "deputy"),
    "event": ("delegate_to",),
}


def _check_references(ld: _Loader, entries: list[_Entry]) -> None:
    known = sorted(
        {i for e in entries if e.table == "colleague" and (i := e.text("id")) is not None}
    )
    for entry in entries:
        for key in REFERENCES.get(entry.table, ()):
            ident = entry.text(key)
            if ident is None or ident in known:
                continue
            import difflib

            near = difflib.get_close_matches(ident, known, n=1, cutoff=0.6)
            fix = (
                ld.say("no_colleague_near_fix", near=near[0], id=ident)
                if near
                else ld.say("no_colleague_fix", id=ident)
            )
            ld.add(*entry.place(key), ld.say("no_colleague", id=ident), fix)


def _check_calendars(ld: _Loader, entries: list[_Entry]) -> None:
    for entry in entries:
        text = entry.text("path") if entry.table == "calendar" else None
        if not text:
            continue
        path = Path(text).expanduser()
        if (path if path.is_absolute() else ld.root / path).is_file():
            continue
        root = "." if ld.root.resolve() == ld.cwd.resolve() else ld.name(ld.root)
        ld.add(
            *entry.place("path"),
            ld.say("no_calendar", path=text),
            ld.say("no_calendar_fix", root=root),
        )


def user_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path("diklat", appauthor=False)


def environ() -> Mapping[str, str]:
    return os.environ


# --- the validated workspace, cached -----------------------------------------------------------

_CACHE_FORMAT = 2  # 2: the models are dataclasses, no longer pydantic models


def _fingerprint(root: Path) -> str:
    """What a validated workspace depends on: diklat's version and every TOML file's identity."""
    import hashlib

    from . import __version__

    h = hashlib.sha256(f"{_CACHE_FORMAT}\0{__version__}\0{root.resolve()}".encode())
    for p in sorted(root.rglob("*.toml")):
        rel = p.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        st = p.stat()
        h.update(f"\0{rel.as_posix()}\0{st.st_mtime_ns}\0{st.st_size}".encode())
    return h.hexdigest()


def load_cached(
    root: Path, cache_dir: Path | None, lang: Lang | None = None, cwd: Path | None = None
) -> Workspace:
    """`load`, served from a pickle in `cache_dir` while no file of the workspace has changed.

    Validating the files costs more than planning the day (pydantic builds its validators on
    first use), and the files change far less often than `diklat plan` runs. Only a workspace that
    loaded cleanly is cached; a change to any TOML file (time stamp or size) loads it afresh, and so
    does a `[[calendar]]` file that has gone missing, so every problem is still reported.
    """
    import pickle

    if cache_dir is None or not root.is_dir() or not (root / MARKER).is_file():
        return load(root, lang, cwd)
    try:
        key = _fingerprint(root)
    except OSError:
        return load(root, lang, cwd)
    path = cache_dir / "workspaces" / f"{key[:32]}.pickle"
    with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        cached = pickle.loads(path.read_bytes())  # our own file, in the user's cache
        if isinstance(cached, Workspace) and all(
            (root / c.path).is_file() for c in cached.calendars
        ):
            return cached
    ws = load(root, lang, cwd)
    from .state import write_atomic

    with contextlib.suppress(OSError, pickle.PicklingError):
        write_atomic(path, pickle.dumps(ws, protocol=pickle.HIGHEST_PROTOCOL))
    return ws
