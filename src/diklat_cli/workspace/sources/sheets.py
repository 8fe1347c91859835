"""Tasks from a sheet: a CSV (Excel, Google Sheets, LibreOffice) or an Excel workbook (.xlsx).

The header row is found by its names, in Indonesian or English (Tugas/Judul/Title, Tenggat/Due,
...); `columns` in [[tasks_from]] names others. Rows are numbered as the spreadsheet shows
them, so `tugas.xlsx:12` is row 12 on screen. openpyxl is imported only when a workbook is read.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Mapping
from typing import Any

from ...i18n import Catalog
from ..values import Invalid
from .common import (
    MAX_ROWS,
    Draft,
    People,
    Reading,
    duration_text,
    parse_when,
    parse_yes,
    slug,
    split_list,
    text_of,
)

M = Catalog(
    {
        "no_title_column": {
            "id": "tidak ada kolom judul tugas (Tugas, Judul atau Title) di {n} baris pertama",
            "en": "no task title column (Tugas, Judul or Title) in the first {n} rows",
        },
        "no_title_column_fix": {
            "id": 'beri judul kolom "Tugas", atau tulis columns = { title = "Nama kolom Anda" } di [[tasks_from]]',
            "en": 'name the column "Title", or write columns = { title = "Your column" } in [[tasks_from]]',
        },
        "no_column": {
            "id": "kolom '{column}' (untuk {key}) tidak ada; yang ada: {known}",
            "en": "there is no column '{column}' (for {key}); there are: {known}",
        },
        "no_column_fix": {
            "id": "perbaiki nama kolom di columns pada [[tasks_from]]",
            "en": "fix the column's name in columns of [[tasks_from]]",
        },
        "unknown_key": {
            "id": "'{key}' di columns bukan kunci [[task]] yang dibaca dari lembar",
            "en": "'{key}' in columns is not a [[task]] key read from a sheet",
        },
        "unknown_key_fix": {
            "id": "pakai salah satu dari: {keys}",
            "en": "use one of: {keys}",
        },
        "no_sheet": {
            "id": "lembar '{sheet}' tidak ada; yang ada: {known}",
            "en": "there is no sheet '{sheet}'; there are: {known}",
        },
        "no_sheet_fix": {
            "id": "perbaiki 'sheet' di [[tasks_from]]",
            "en": "fix 'sheet' in [[tasks_from]]",
        },
        "not_xlsx": {
            "id": "bukan buku kerja Excel .xlsx ({error})",
            "en": "is not an Excel .xlsx workbook ({error})",
        },
        "not_xlsx_fix": {
            "id": "simpan ulang sebagai .xlsx (Excel 2007 ke atas) atau ekspor sebagai CSV",
            "en": "save it again as .xlsx (Excel 2007 or later) or export it as CSV",
        },
    }
)

HEADER_SEARCH = 10  # rows above the header: a sheet's own title, the unit's name, a blank line

# the names a header may have, by [[task]] key ("done" marks a row to skip)
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "kode", "kode tugas", "task id", "no tugas", "nomor tugas"),
    "title": (
        "tugas",
        "judul",
        "title",
        "nama tugas",
        "uraian tugas",
        "uraian",
        "kegiatan",
        "task",
    ),
    "due": ("tenggat", "batas waktu", "due", "due date", "deadline", "tenggat waktu"),
    "available": ("mulai", "start", "start date", "tanggal mulai", "mulai tanggal"),
    "estimate": ("estimasi", "estimate", "durasi", "perkiraan waktu", "lama", "duration"),
    "important": ("penting", "important"),
    "urgent": ("mendesak", "urgent"),
    "delegate_to": ("delegasi", "pic", "assignee", "penanggung jawab", "didelegasikan ke"),
    "tags": ("tag", "tags", "label", "labels"),
    "notes": ("catatan", "notes", "keterangan"),
    "done": ("selesai", "done", "status", "sudah selesai"),
}
Rows = list[tuple[int, list[Any]]]  # (row number as the spreadsheet shows it, cells)
Formulas = dict[int, dict[int, str]]  # row -> column -> a formula whose value was never saved


_DONE_WORDS = {"selesai", "done", "completed", "complete", "closed", "tuntas", "beres", "sudah"}


def normal(header: str) -> str:
    """'Estimasi (jam)' -> 'estimasi'; 'Batas Waktu:' -> 'batas waktu'."""
    text = re.sub(r"\(.*?\)", " ", header.casefold())
    return " ".join(re.sub(r"[^\w/ ]+", " ", text).split())


def read_csv(reading: Reading, raw: bytes) -> Rows | None:
    """The records of a CSV, numbered from 1; None (and a problem) when it is not text."""
    head = raw[:8192]
    if head.startswith(b"PK\x03\x04") or b"\x00" in head:
        kind = "zip/xlsx" if head.startswith(b"PK") else "NUL"
        line = raw[: raw.find(b"\x00")].count(b"\n") + 1 if b"\x00" in head else 1
        reading.add(line, "", reading.say("binary", kind=kind), reading.say("binary_fix"))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")  # Excel's "CSV" on Windows
    sample = text[:4096]
    delimiter = max((",", ";", "\t"), key=lambda d: sample.split("\n", 1)[0].count(d))
    records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [(n, list(r)) for n, r in enumerate(records, start=1)]


def read_xlsx(reading: Reading, raw: bytes, sheet: str) -> tuple[Rows, Formulas] | None:
    """The rows of a workbook's sheet, with the cells whose formula has no saved value."""
    try:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException, ...
        reading.add(
            None, "", M(reading.lang, "not_xlsx", error=exc), M(reading.lang, "not_xlsx_fix")
        )
        return None
    if sheet and sheet not in book.sheetnames:
        known = ", ".join(book.sheetnames)
        reading.add(
            None,
            "",
            M(reading.lang, "no_sheet", sheet=sheet, known=known),
            M(reading.lang, "no_sheet_fix"),
        )
        return None
    ws = book[sheet] if sheet else book.worksheets[0]
    rows: Rows = []
    formulas: Formulas = {}
    for n, cells in enumerate(ws.iter_rows(), start=1):
        values = []
        for i, cell in enumerate(cells):
            value = getattr(cell, "value", None)
            if getattr(cell, "data_type", "") == "f":
                formulas.setdefault(n, {})[i] = str(value)
            values.append(value)
        rows.append((n, values))
        if n > MAX_ROWS + HEADER_SEARCH + 1:
            break
    book.close()
    if formulas:  # the values Excel saved beside the formulas
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        ws = book[sheet] if sheet else book.worksheets[0]
        for n, cells in enumerate(ws.iter_rows(), start=1):
            if n > len(rows):
                break
            for i in list(formulas.get(n, ())):
                value = getattr(cells[i], "value", None) if i < len(cells) else None
                rows[n - 1][1][i] = value
                if value is not None:
                    del formulas[n][i]
        book.close()
    return rows, {n: f for n, f in formulas.items() if f}


def find_header(rows: Rows, mapping: Mapping[str, str]) -> tuple[int, dict[str, int]] | None:
    """The header's index in `rows` and the column of each key it names."""
    wanted_title = normal(mapping["title"]) if "title" in mapping else None
    for index, (_, cells) in enumerate(rows[:HEADER_SEARCH]):
        names = [normal(text_of(c)) for c in cells]
        if wanted_title is not None and wanted_title in names:
            return index, columns_of(names, mapping)
        if wanted_title is None and any(n in ALIASES["title"] for n in names):
            return index, columns_of(names, mapping)
    return None


def columns_of(names: list[str], mapping: Mapping[str, str]) -> dict[str, int]:
    """The column of each key: named in `mapping`, else the first header among its aliases."""
    out: dict[str, int] = {}
    for key, aliases in ALIASES.items():
        wanted = (normal(mapping[key]),) if key in mapping else aliases
        for i, name in enumerate(names):
            if name and name in wanted:
                out[key] = i
                break
    return out


def is_done(value: Any) -> bool:
    """A "Selesai" or "Status" cell that says the row is finished (a date there counts too)."""
    text = text_of(value).casefold()
    if not text:
        return False
    if text in _DONE_WORDS:
        return True
    try:
        if parse_yes(value):
            return True
    except Invalid:
        pass
    try:
        return parse_when(value) is not None
    except Invalid:
        return False


def drafts_of(
    reading: Reading,
    rows: Rows,
    formulas: Formulas,
    mapping: Mapping[str, str],
    people: People,
) -> list[Draft]:
    """Each open row of the sheet as a [[task]] draft; problems for what cannot be read."""
    found = find_header(rows, mapping)
    if found is None:
        reading.add(
            rows[0][0] if rows else 1,
            "",
            M(reading.lang, "no_title_column", n=HEADER_SEARCH),
            M(reading.lang, "no_title_column_fix"),
        )
        return []
    index, cols = found
    header_row, header_cells = rows[index]
    for key in mapping:
        if key not in ALIASES:
            keys = ", ".join(ALIASES)
            what = M(reading.lang, "unknown_key", key=key)
            reading.add(None, "columns", what, M(reading.lang, "unknown_key_fix", keys=keys))
    header = [text_of(c) for c in header_cells]
    names = [normal(h) for h in header]
    for key, column in mapping.items():
        if key in ALIASES and normal(column) not in names:
            known = ", ".join(h for h in header if h)
            reading.add(
                header_row,
                column,
                M(reading.lang, "no_column", column=column, key=key, known=known),
                M(reading.lang, "no_column_fix"),
            )
    drafts: list[Draft] = []
    for number, cells in rows[index + 1 :]:
        if number - header_row > MAX_ROWS:
            reading.add(
                number, "", reading.say("too_many", n=MAX_ROWS), reading.say("too_many_fix")
            )
            break
        if not any(text_of(c) for c in cells):
            continue
        draft = _row(reading, number, cells, cols, header, formulas, people)
        if draft is not None:
            drafts.append(draft)
    return drafts


def _row(
    reading: Reading,
    number: int,
    cells: list[Any],
    cols: dict[str, int],
    header: list[str],
    formulas: Formulas,
    people: People,
) -> Draft | None:
    def cell(key: str) -> Any:
        i = cols.get(key)
        return cells[i] if i is not None and i < len(cells) else None

    if "done" in cols and is_done(cell("done")):
        return None
    columns = {key: header[i] for key, i in cols.items()}
    for i, formula in formulas.get(number, {}).items():
        if i in cols.values():
            what = reading.say("formula", formula=formula)
            reading.add(number, header[i], what, reading.say("formula_fix"))
    data: dict[str, Any] = {}
    title = text_of(cell("title"))
    if not title:
        reading.add(number, columns["title"], reading.say("no_title"), reading.say("no_title_fix"))
        return None
    data["title"] = title
    if text_of(cell("id")):
        data["id"] = text_of(cell("id"))
    parsers: dict[str, Callable[[Any], Any]] = {
        "due": parse_when,
        "available": parse_when,
        "important": parse_yes,
        "urgent": parse_yes,
        "estimate": lambda v: duration_text(v, columns.get("estimate", "")),
    }
    for key, parse in parsers.items():
        try:
            value = parse(cell(key))
        except Invalid as exc:
            reading.invalid(number, columns[key], exc)
            continue
        if value is not None:
            data[key] = value
    if tags := split_list(cell("tags")):
        data["tags"] = tags
    if notes := text_of(cell("notes")):
        data["notes"] = notes
    who = text_of(cell("delegate_to"))
    if who and not people.is_me(who):
        found = people.find(who)
        if found is None:
            reading.add(
                number,
                columns["delegate_to"],
                reading.say("no_colleague", who=who),
                reading.say("no_colleague_fix"),
            )
        else:
            data["delegate_to"] = found
    return Draft(number, data, columns)


def read_sheet(
    reading: Reading, mapping: Mapping[str, str], sheet: str, people: People
) -> list[Draft]:
    """Drafts from a CSV or .xlsx file (by its name's ending)."""
    raw = reading.raw()
    if raw is None:
        return []
    formulas: Formulas = {}
    if reading.path.suffix.lower() in (".xlsx", ".xlsm"):
        got = read_xlsx(reading, raw, sheet)
        if got is None:
            return []
        rows, formulas = got
    else:
        csv_rows = read_csv(reading, raw)
        if csv_rows is None:
            return []
        rows = csv_rows
    return drafts_of(reading, rows, formulas, mapping, people)


def with_ids(drafts: list[Draft], prefix: str) -> list[Draft]:
    """Every draft with an id: its own (ID column), else its title's slug, the same at every export."""
    seen: dict[str, int] = {}
    for d in drafts:
        given = d.data.get("id")
        base = given if isinstance(given, str) and given else slug(str(d.data["title"])) or "tugas"
        ident = f"{prefix}{base}"
        if not given:
            n = seen.get(ident, 0) + 1
            seen[ident] = n
            ident = ident if n == 1 else f"{ident}-{n}"  # the same title twice: in sheet order
        d.data["id"] = ident
    return drafts
