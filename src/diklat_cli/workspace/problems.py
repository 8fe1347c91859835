"""What is wrong in a workspace file, in the user's words: the loader's messages.

tomllib and pydantic describe a problem in their own terms ("Expected newline", "extra_forbidden");
these functions say, in the user's language, what is wrong and how to write it instead, with the
line it is on (from `tomlpos.LineMap`) and a path people can read ('task[lap-tw4].estimate').
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from ..i18n import Catalog, Lang, format_date
from .models import Model
from .tables import ITEM_TABLES, known_keys
from .tomlpos import LineMap
from .values import Invalid, visible

# difflib (suggestions) and calendar (month lengths) are imported where they are used: a
# workspace without problems needs neither.

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
        "no_seconds": {
            "id": "{value}: jam dalam TOML ditulis dengan detik",
            "en": "{value}: a time in TOML is written with its seconds",
        },
        "no_seconds_fix": {
            "id": "tulis {value}",
            "en": "write {value}",
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
        "no_value": {
            "id": "'{key}' belum diberi nilai",
            "en": "'{key}' has no value",
        },
        "no_value_fix": {
            "id": 'tulis nilainya sesudah =, seperti {key} = "..."',
            "en": 'write its value after =, as {key} = "..."',
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
            "id": "tambahkan {key}, misalnya {key} = {example}",
            "en": "add {key}, for example {key} = {example}",
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
        "too_long": {
            "id": "teks ini terlalu panjang ({n} karakter)",
            "en": "this text is too long ({n} characters)",
        },
        "too_long_fix": {
            "id": "paling panjang {limit} karakter; teks panjang simpan di dokumen dan tulis letaknya di documents",
            "en": "the most is {limit} characters; keep long text in a document and write where it is in documents",
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
            "id": "lihat docs/workspace-reference.md untuk bentuk yang benar",
            "en": "see docs/workspace-reference.md for the right form",
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
        "names_you": {
            "id": "'{key}' menunjuk '{id}', yaitu Anda sendiri ({same} sama dengan [profile])",
            "en": "'{key}' names '{id}', who is you ({same} as in [profile])",
        },
        "same_nip": {"id": "NIP-nya", "en": "the same NIP"},
        "same_name": {"id": "namanya", "en": "the same name"},
        "names_you_supervisor_fix": {
            "id": "tulis id rekan atasan langsung Anda",
            "en": "write the colleague id of your direct supervisor",
        },
        "names_you_delegate_to_fix": {
            "id": "tulis id rekan lain, atau hapus delegate_to bila Anda sendiri yang mengerjakan",
            "en": "write another colleague's id, or delete delegate_to when you do it yourself",
        },
        "names_you_handover_to_fix": {
            "id": "tulis id rekan yang menerima tugas selama Anda pergi",
            "en": "write the id of the colleague who takes your tasks while you are away",
        },
        "names_you_deputy_fix": {
            "id": "tulis id rekan yang ditunjuk sebagai Plh selama Anda pergi",
            "en": "write the id of the colleague appointed Plh while you are away",
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


def explain_syntax(text: str, message: str, lang: Lang) -> tuple[int | None, str, str, str]:
    """(line, where, what, fix) for a tomllib error, in plain words."""
    m = re.search(r"\(at line (\d+), column (\d+)\)", message)
    detail = re.sub(r"\s*\(at (?:line \d+, column \d+|end of document)\)", "", message)
    lines = text.splitlines()
    line = int(m.group(1)) if m else None
    if line is None:
        repeated = LineMap(text).repeated
        if repeated and detail.startswith("Cannot overwrite"):
            at, key = repeated[0]
            return at, key, M(lang, "key_twice", key=key), M(lang, "key_twice_fix")
        if "at end of document" in message:
            # the file ends inside a string, a list, a table or a header: its last line
            return _at_the_end(lines, detail, lang)
        return None, "", M(lang, "toml_generic", detail=detail), M(lang, "toml_generic_fix")
    source = lines[line - 1] if 0 < line <= len(lines) else ""
    pair = re.match(r"\s*([A-Za-z0-9_.\"' -]+?)\s*=\s*(.*?)\s*(#.*)?$", source)
    key = pair.group(1).strip() if pair else ""
    value = pair.group(2) if pair else ""
    if dm := re.match(r"(\d{4})-(\d{2})-(\d{2})(?=$|[T ,\]}])", value):
        try:
            date(int(dm.group(1)), int(dm.group(2)), int(dm.group(3)))
        except ValueError:
            return line, key, *_bad_date(dm.group(0), lang)
    if detail.startswith(("Expected newline", "Invalid value")) and value:
        plain = value.rstrip(",").strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", plain):
            fixed = f"{plain}:00"
            return (
                line,
                key,
                M(lang, "no_seconds", value=plain),
                M(lang, "no_seconds_fix", value=fixed),
            )
        if re.fullmatch(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}", plain):
            return line, key, M(lang, "date_form", value=plain), M(lang, "date_form_fix")
        if plain.lower() in ("true", "false", "ya", "tidak", "yes", "no", "benar", "salah"):
            return line, key, M(lang, "bool_form", value=plain), M(lang, "bool_form_fix")
        clock = r"\d{1,2}[:.]\d{2}"
        if re.fullmatch(rf"{clock}(\s*(-|–|—|s\.d\.?)\s*{clock})?", plain) or (
            re.fullmatch(r"[^\"'\[\]{}=#]+", plain)
            and not re.fullmatch(r"[-+]?[\d_.eE:+-]+|inf|nan", plain)
        ):
            return (
                line,
                key,
                M(lang, "needs_quotes", value=plain),
                M(lang, "needs_quotes_fix", key=key, value=plain),
            )
        return line, key, M(lang, "trailing"), M(lang, "trailing_fix")
    if detail.startswith("Invalid date"):
        return line, key, *_bad_date(value, lang)
    if detail.startswith("Unclosed array"):
        return line, key, M(lang, "list_comma"), M(lang, "list_comma_fix")
    if detail.startswith(("Expected ']'", "Expected ']]'")):
        return line, "", M(lang, "header"), M(lang, "header_fix")
    if detail.startswith("Expected '='"):
        return line, "", M(lang, "no_equals"), M(lang, "no_equals_fix")
    if detail.startswith("Cannot overwrite") and key:
        return line, key, M(lang, "key_twice", key=key), M(lang, "key_twice_fix")
    if detail.startswith("Cannot declare"):
        return line, source.strip(), M(lang, "declared_twice"), M(lang, "declared_twice_fix")
    if detail.startswith("Illegal character") and "\\n" in detail:
        return line, key, M(lang, "unclosed_string"), M(lang, "unclosed_string_fix")
    if detail.startswith(("Unescaped '\\'", "Invalid hex value")):
        return line, key, M(lang, "backslash"), M(lang, "backslash_fix")
    return line, key, M(lang, "toml_generic", detail=detail), M(lang, "toml_generic_fix")


def _at_the_end(lines: list[str], detail: str, lang: Lang) -> tuple[int | None, str, str, str]:
    """A file that ends where TOML cannot (a file cut short): told at its last line."""
    line = max(len(lines), 1)
    last = lines[-1].strip() if lines else ""
    if detail.startswith("Unterminated string"):
        key = last.split("=", 1)[0].strip() if "=" in last else ""
        return line, key, M(lang, "unclosed_string"), M(lang, "unclosed_string_fix")
    if last.startswith("[") and not last.endswith("]"):
        return line, "", M(lang, "header"), M(lang, "header_fix")
    if detail.startswith("Expected '='"):
        return line, "", M(lang, "no_equals"), M(lang, "no_equals_fix")
    if detail.startswith("Invalid value") and last.endswith("="):
        key = last[:-1].strip()
        return line, key, M(lang, "no_value", key=key), M(lang, "no_value_fix", key=key)
    return line, "", M(lang, "unclosed"), M(lang, "unclosed_fix")


def _bad_date(value: str, lang: Lang) -> tuple[str, str]:
    what = M(lang, "bad_date", value=value)
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m and 1 <= int(m.group(2)) <= 12 and int(m.group(1)) >= 1:  # year 0 has no month names
        import calendar as _calendar

        year, month = int(m.group(1)), int(m.group(2))
        month_name = format_date(date(year, month, 1), lang, "long").split(" ")[1]
        days = _calendar.monthrange(year, month)[1]
        return what, M(lang, "bad_date_month_fix", month=month_name, year=year, days=days)
    return what, M(lang, "bad_date_fix")


def explain_errors(
    model: type[Model],
    errors: list[Any],
    prefix: tuple[Any, ...],
    data: Mapping[str, Any],
    lines: LineMap,
    lang: Lang,
) -> list[tuple[int | None, str, str, str]]:
    """`explain_invalid` for each of pydantic's errors of one table, a typo told once.

    `estimte = "6h"` is an unknown key and leaves `estimate` missing: only the typo is reported
    (its fix names the key meant), not a missing key with an example value nobody wrote.
    """
    meant = {
        (tuple(e["loc"][:-1]), near)
        for e in errors
        if e["type"] in ("extra_forbidden", "unexpected_keyword_argument")
        and isinstance(e["loc"][-1], str)
        and (near := _near(e["loc"][-1], known_keys(model, tuple(e["loc"][:-1]))))
    }
    return [
        explain_invalid(model, e, prefix, data, lines, lang)
        for e in errors
        if not (
            e["type"] in ("missing", "missing_keyword_only_argument")
            and (tuple(e["loc"][:-1]), e["loc"][-1]) in meant
        )
    ]


def explain_invalid(
    model: type[Model],
    err: Any,
    prefix: tuple[Any, ...],
    data: Mapping[str, Any],
    lines: LineMap,
    lang: Lang,
) -> tuple[int | None, str, str, str]:
    """(line, where, what, fix) for one of pydantic's errors in a table of `data` (a whole file).

    `prefix` is where the table that `model` validated stands in the file: ('task', 2).
    """
    loc = tuple(err["loc"])
    kind = err["type"]
    given = _given(err.get("input"), lang)
    ctx = err.get("ctx") or {}
    error = ctx.get("error")
    if isinstance(error, Invalid) and error.at:
        loc = (*loc, *(error.at if isinstance(error.at, tuple) else (error.at,)))
    path = (*prefix, *loc)
    line = lines.find(path)
    where = describe_path(path, data)
    key = visible(str(loc[-1])) if loc and isinstance(loc[-1], str) else ""
    if kind in ("missing", "missing_keyword_only_argument"):
        what = M(lang, "missing", key=key)
        fix = M(lang, "missing_fix", key=key, example=_EXAMPLES.get(key, "..."))
        where = describe_path(path[:-1], data)
    elif kind in ("extra_forbidden", "unexpected_keyword_argument"):
        known = known_keys(model, loc[:-1])
        what = M(lang, "unknown_key", key=key)
        fix = suggest(key, known, "known_keys", lang)
    elif isinstance(error, Invalid):
        what, fix = error.what(lang), error.fix(lang)
    elif kind in ("string_type", "string_sub_type"):
        what = M(lang, "not_text", given=given)
        fix = M(lang, "not_text_fix", plain=_plain(err.get("input")))
    elif kind in ("bool_type", "bool_parsing"):
        what, fix = M(lang, "not_bool", given=given), M(lang, "not_bool_fix")
    elif kind.startswith("int_"):
        what, fix = M(lang, "not_int", given=given), M(lang, "not_int_fix")
    elif kind in ("greater_than_equal", "greater_than"):
        limit = ctx.get("ge", ctx.get("gt"))
        what, fix = M(lang, "too_small", given=given), M(lang, "too_small_fix", limit=limit)
    elif kind in ("less_than_equal", "less_than"):
        limit = ctx.get("le", ctx.get("lt"))
        what, fix = M(lang, "too_large", given=given), M(lang, "too_large_fix", limit=limit)
    elif kind == "literal_error":
        choices = str(ctx.get("expected", "")).replace(" or ", f" {M(lang, 'and')} ")
        what = M(lang, "not_choice", given=given)
        fix = M(lang, "not_choice_fix", choices=choices.replace("'", '"'))
    elif kind == "string_too_long":
        n = len(err.get("input") or "")
        limit = ctx.get("max_length")
        what, fix = M(lang, "too_long", n=n), M(lang, "too_long_fix", limit=limit)
    elif kind == "string_too_short":
        what, fix = M(lang, "empty", key=key), M(lang, "empty_fix", key=key)
    elif kind in ("tuple_type", "list_type", "iterable_type"):
        what = M(lang, "not_list", given=given)
        fix = M(lang, "not_list_fix", given=given)
    elif kind in (
        "model_type",
        "model_attributes_type",
        "dict_type",
        "dataclass_type",
        "dataclass_args_type",
    ):
        what = M(lang, "not_table", given=given)
        names = [p for p in path if isinstance(p, str)]
        table = ".".join(names)
        listed = names[-1] in (*ITEM_TABLES, "session", "away")  # arrays of tables
        fix = M(lang, "not_table_fix", table=f"[[{table}]]" if listed else f"[{table}]")
    else:
        what, fix = M(lang, "bad_value", given=given), M(lang, "bad_value_fix")
    return line, where, what, fix


def suggest(key: str, known: list[str], listing: str, lang: Lang) -> str:
    """'did you mean ...?' for a mistyped or Indonesian key, else the `listing` of known keys."""
    near = _near(key, known)
    if near:
        return M(lang, "did_you_mean", near=near)
    return M(lang, listing, keys=", ".join(known))


def _near(key: str, known: list[str]) -> str | None:
    """The known key meant by a mistyped or Indonesian one, if any."""
    import difflib

    near = _INDONESIAN_KEYS.get(key.lower())
    if near in known:
        return near
    close = difflib.get_close_matches(key.lower(), known, n=1, cutoff=0.6)
    return close[0] if close else None


def _given(value: Any, lang: Lang) -> str:
    """A value as the user wrote it in TOML, for messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{visible(value)}"'
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


def describe_path(path: tuple[Any, ...], data: Mapping[str, Any]) -> str:
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
            out += ("." if out else "") + visible(str(part))
            node = node.get(part) if isinstance(node, dict) else None
    return out
