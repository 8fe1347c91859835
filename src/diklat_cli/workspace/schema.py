"""The JSON Schema of the workspace files, for editors that check TOML as people type.

One schema accepts any of the workspace's files: every settings table and item array is
optional, nothing else is allowed. It is generated from the models, then made to describe what
people write rather than what the program holds: durations and time ranges are strings with
patterns, dates are strings with format date, defaults are shown in their TOML form, and every
key carries a description in Indonesian and English.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any, get_args, get_type_hints

from .models import DURATION, DayHours, Model, Session, toml_name
from .values import TimeRange, format_duration_value

SCHEMA_ID = "https://diklat.invalid/diklat.schema.json"

# descriptions: "Indonesian / English", by model and key ("" = the table itself)
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "Profile": {
        "": "Profil Anda (wajib, di diklat.toml) / Your profile (required, in diklat.toml)",
        "name": "Nama lengkap dengan gelar / Full name with titles",
        "nip": "NIP (18 digit) / Civil servant number",
        "position": "Jabatan / Position",
        "unit": "Unit kerja / Unit",
        "rank": "Pangkat/golongan, mis. Penata (III/c) / Rank and grade",
        "employment": "PNS atau PPPK / Civil servant or contract (PPPK)",
        "roles": "Peran untuk masa sibuk: keu, ren, pbj, umum, atau tag Anda / Roles that busy periods concern",
        "supervisor": "Id rekan atasan langsung; tanda tangan 'Mengetahui' / Colleague id of your supervisor",
        "timezone": "Zona waktu Anda: WIB, WITA, WIT atau nama IANA (Asia/Jakarta, Asia/Makassar, Asia/Jayapura) / Your time zone: WIB, WITA, WIT or an IANA name",
        "language": "Bahasa keluaran: id atau en / Output language: id or en",
        "place": "Tempat penandatanganan dokumen, mis. Kota Contoh / Where documents are signed",
        "post": "Jenis jabatan bila tidak terbaca dari position: struktural (perlu Plh saat pergi), "
        "fungsional atau pelaksana / Kind of post when position does not tell it: struktural "
        "(needs a Plh while away), fungsional or pelaksana",
    },
    "Workweek": {
        "": "Hari dan jam kerja (bawaan Perpres 21/2023) / Working days and hours (Perpres 21/2023 default)",
        "days": "Hari kerja / Working days",
        "hours": "Jam kerja, mis. 07:30-16:00 / Working hours",
        "breaks": "Jam istirahat / Breaks",
        "mon": "Pengaturan khusus Senin / Monday override",
        "tue": "Pengaturan khusus Selasa / Tuesday override",
        "wed": "Pengaturan khusus Rabu / Wednesday override",
        "thu": "Pengaturan khusus Kamis / Thursday override",
        "fri": "Pengaturan khusus Jumat (istirahat lebih panjang untuk salat Jumat) / Friday override",
        "sat": "Pengaturan khusus Sabtu / Saturday override",
        "sun": "Pengaturan khusus Minggu / Sunday override",
    },
    "DayHours": {
        "": "Jam kerja satu hari / One day's hours",
        "hours": "Jam kerja / Working hours",
        "breaks": "Jam istirahat / Breaks",
    },
    "Ramadan": {
        "": "Jam kerja selama Ramadan / Working hours during Ramadan",
        "enabled": "Pakai jam Ramadan (bawaan: ya) / Use Ramadan hours (default: yes)",
        "start": "Hari pertama Ramadan, bila berbeda dari kalender / First day, when it differs from the calendar",
        "end": "Hari terakhir Ramadan / Last day of Ramadan",
        "hours": "Jam kerja / Working hours",
        "breaks": "Jam istirahat / Breaks",
    },
    "Study": {
        "": "Jendela belajar mandiri di luar jam sibuk / Off-peak self-study windows",
        "windows": "Jendela belajar hari kerja / Study windows on working days",
        "weekend_windows": "Jendela belajar akhir pekan (opsional) / Weekend study windows (opt-in)",
        "ramadan_windows": "Jendela belajar selama Ramadan / Study windows during Ramadan",
        "max_per_day": "Paling lama belajar per hari / Most study per day",
        "max_per_week": "Paling lama belajar per pekan / Most study per week",
    },
    "Planning": {
        "": "Pengaturan perencanaan / Planning settings",
        "horizon_days": "Berapa hari ke depan yang dilihat perencana / Days the planner looks ahead",
        "min_block": "Blok kerja terpendek / Shortest block worth scheduling",
        "pomodoro": "Pecah blok panjang menjadi 25 menit fokus + 5 menit jeda / Split long blocks",
        "urgent_within_days": "Tenggat dalam sekian hari kerja = mendesak / Due within this many working days = urgent",
        "holidays": "Lewati hari libur nasional / Skip national holidays",
        "cuti_bersama": "Lewati cuti bersama / Skip joint leave days",
        "jp_minutes": "Panjang 1 JP dalam menit / Minutes in one JP",
        "annual_jp_target": "Target JP setahun / Yearly JP target",
        "slack": "Persen hari kerja yang dibiarkan kosong bila tenggat memungkinkan / Percent of each day kept free",
        "auto_delegate": "Serahkan tugas kuadran delegasikan ke rekan secara otomatis (bawaan: hanya saran) / Hand delegate-quadrant work to a colleague automatically (default: only suggest)",
        "missed_weeks": "Kejadian tugas berulang yang terlewat tetap di rencana sampai sekian minggu ke belakang / Missed occurrences of a routine task stay in the plan this many weeks back",
        "max_switches": "Paling banyak sekian kali berganti tugas dalam sehari, kecuali tenggat membutuhkannya (bawaan: tanpa batas) / At most this many switches between tasks a day, unless a deadline needs more (default: no cap)",
        "focus": '"morning": pekerjaan penting di pagi hari, sebelum istirahat siang / "morning": important work in the morning, before the lunch break',
    },
    "Export": {
        "": "Pengaturan ekspor .ics / Calendar export settings",
        "reminder_minutes": "Pengingat sekian menit sebelumnya / Reminder minutes before",
        "calendar_name": "Nama kalender / Calendar name",
    },
    "Task": {
        "": "Pekerjaan kantor / A piece of office work",
        "id": "Id unik: huruf, angka, - dan _ / Unique id",
        "title": "Judul / Title",
        "estimate": "Sisa waktu kerja, mis. 6h, 90m, 3jp / Effort still to do",
        "due": "Tenggat: tanggal (akhir hari kerja) atau tanggal-jam / Deadline: a date or a date-time",
        "available": "Tidak dikerjakan sebelum tanggal ini / Not before this date",
        "important": "Penting / Important",
        "urgent": "Paksa mendesak (atau tidak) / Force urgent (or not)",
        "min_block": "Blok terpendek untuk tugas ini / Shortest block for this task",
        "needs_office": "Hanya bisa di kantor / Cannot be done while away at offline training",
        "delegate_to": "Id rekan yang mengerjakan / Colleague id who does it",
        "sop": "Langkah SOP ringkas / SOP steps",
        "documents": "Letak dokumen / Where the documents are",
        "contacts": "Kontak terkait / Contacts",
        "tags": "Tag, dicocokkan dengan keahlian rekan / Tags, matched with colleagues' skills",
        "notes": "Catatan untuk lembar serah terima / Notes for the handover sheet",
        "hold_until_return": "Keputusan menunggu Anda kembali / Decisions wait for your return",
        "recurs": "Pengulangan (RRULE), mis. FREQ=WEEKLY;BYDAY=FR / Recurrence",
        "from": "Tanggal mulai pengulangan / First date of the recurrence",
        "until": "Tanggal akhir pengulangan / Last date of the recurrence",
    },
    "Training": {
        "": "Pelatihan (diklat) / A training",
        "id": "Id unik / Unique id",
        "title": "Nama pelatihan / Title",
        "kind": "Jenis: latsar, fungsional, teknis, kepemimpinan, other / Kind",
        "format": "Bentuk: offline (klasikal), blended, online (daring) / Format",
        "provider": "Penyelenggara / Provider",
        "location": "Tempat / Location",
        "timezone": "Zona waktu tempat pelatihan: WIB, WITA, WIT atau nama IANA; jam sesinya menurut zona ini / Time zone where it is held: WIB, WITA, WIT or an IANA name; its sessions' hours are on that clock",
        "start": "Tanggal mulai / Start date",
        "end": "Tanggal selesai / End date",
        "jp": "Jumlah JP / Hours of learning (JP)",
        "study_per_week": "Belajar mandiri per pekan / Self-study per week",
        "handover_to": "Id rekan penerima tugas selama pergi / Colleague who takes your tasks",
        "deputy": "Id rekan Plh (pelaksana harian) / Colleague acting for you (Plh)",
        "basis": "Nomor surat tugas / Assignment letter number",
        "checkin": "Jam kabar harian ke kantor, mis. 16:15 / Daily check-in time",
        "handover_items": "Barang/akses yang diserahkan langsung / Keys, stamps, access handed over in person",
        "certificate": "Nomor sertifikat/STTPP, untuk catatan SKP / Certificate number, for the SKP note",
        "session": "Sesi pelatihan / Training sessions",
        "sessions_from": "Jadwal penyelenggara (.ics: LMS, undangan Zoom/Teams), dari folder ruang kerja / The organiser's schedule (.ics), relative to the workspace",
        "sessions_match": "Hanya acara yang SUMMARY atau CATEGORIES-nya memuat teks ini / Only events whose SUMMARY or CATEGORIES contain this",
        "sessions_mode": "auto (daring bila ada tautan Zoom/Teams/Meet), online, offline / auto (online when it has a meeting link), online, offline",
    },
    "Session": {
        "": "Sesi pelatihan: rangkaian hari (date/until) atau berulang (rrule/from) / A run of days or a repeating session",
        "title": "Nama sesi / Title",
        "date": "Tanggal (hari pertama) / Date (first day)",
        "until": "Hari terakhir / Last day",
        "rrule": "Pengulangan (RRULE) / Recurrence",
        "from": "Tanggal mulai pengulangan / First date of the recurrence",
        "time": "Jam sesi / Session time",
        "timezone": "Zona waktu jam sesi (bawaan: zona pelatihan): WIB, WITA, WIT atau nama IANA / Time zone of the session's hours (default: the training's)",
        "mode": "offline (luring: seharian pergi) atau online (daring: di meja) / Away, or at your desk",
        "location": "Tempat / Location",
        "link": "Tautan Zoom/Teams / Meeting link",
        "weekends": "Termasuk Sabtu, Minggu dan hari libur / Includes weekends and holidays",
        "uid": "UID acara penyelenggara (diisi sessions_from) / The organiser's event UID (set by sessions_from)",
        "recurrence_id": "Kejadian mana dari acara berulang penyelenggara / Which occurrence of the organiser's series",
    },
    "Event": {
        "": "Rapat atau acara tetap / A meeting or fixed commitment",
        "id": "Id (opsional) / Id (optional)",
        "title": "Judul / Title",
        "date": "Tanggal / Date",
        "until": "Hari terakhir (acara beberapa hari) / Last day (several days)",
        "rrule": "Pengulangan (RRULE) / Recurrence",
        "from": "Tanggal mulai pengulangan / First date of the recurrence",
        "time": "Jam; kosong = sepanjang hari / Time; absent = all day",
        "timezone": "Zona waktu jam acara (bawaan: zona Anda): WIB, WITA, WIT atau nama IANA / Time zone of the event's hours (default: yours)",
        "location": "Tempat / Location",
        "link": "Tautan rapat daring / Meeting link",
        "delegate_to": "Id rekan yang hadir mewakili saat Anda pergi / Colleague who attends for you",
    },
    "Quiet": {
        "": "Masa sibuk kantor / A busy period of the office",
        "id": "Id (opsional) / Id (optional)",
        "title": "Judul / Title",
        "start": "Tanggal mulai / Start date",
        "end": "Tanggal selesai / End date",
        "roles": "Peran yang terdampak; kosong = semua / Roles concerned; empty = everyone",
        "level": "avoid (hindari) atau caution (waspada) / avoid or caution",
    },
    "Away": {
        "": "Masa rekan tidak di kantor / A period a colleague is away",
        "start": "Tanggal mulai / Start date",
        "end": "Tanggal selesai / End date",
    },
    "Colleague": {
        "": "Rekan kerja / A colleague",
        "id": "Id unik / Unique id",
        "name": "Nama lengkap / Full name",
        "nip": "NIP",
        "position": "Jabatan / Position",
        "rank": "Pangkat/golongan / Rank and grade",
        "contact": "Kontak / Contact",
        "skills": "Keahlian, dicocokkan dengan tag tugas / Skills, matched with task tags",
        "capacity": "Waktu luang per pekan untuk tugas titipan / Spare time a week for handed-over work",
        "away": "Masa tidak di kantor / Periods away",
    },
    "CalendarSource": {
        "": "Kalender yang ada (.ics) sebagai waktu sibuk / An existing calendar (.ics) as busy time",
        "path": "Path berkas .ics, dari folder ruang kerja / Path of the .ics file, relative to the workspace",
        "name": "Nama kalender / Name",
    },
    "TaskSource": {
        "": "Tugas dari lembar kerja (CSV, XLSX), papan Trello (JSON) atau proyek Asana (CSV) / Tasks from a sheet, a Trello board or an Asana project",
        "path": "Path berkas ekspor, dari folder ruang kerja / Path of the export, relative to the workspace",
        "format": "auto (dari akhiran berkas), sheet, trello, asana / auto (by the file's ending), sheet, trello, asana",
        "sheet": "Nama lembar di buku kerja .xlsx (bawaan: yang pertama) / The workbook's sheet (default: the first)",
        "columns": 'Nama kolom lain, per kunci [[task]], mis. { title = "Uraian" } / Other column names, by [[task]] key',
        "lists": "Daftar Trello atau bagian Asana yang dibaca (bawaan: semua yang terbuka) / Trello lists or Asana sections to read",
        "estimate": "Estimasi bila berkas tidak menyebutnya / Estimate when the file gives none",
        "tags": "Tag yang ditambahkan ke setiap tugas / Tags added to every task",
        "id_prefix": "Awalan id, bila dua berkas memberi id yang sama / Before every id, when two files give the same ids",
    },
    "Holiday": {
        "": "Hari libur daerah atau khusus / A regional or ad-hoc day off",
        "date": "Tanggal / Date",
        "title": "Nama hari libur / Title",
        "working": "true: hari libur nasional yang tetap masuk kerja / true: a national holiday the office works",
    },
}

ROOT_DESCRIPTION = (
    "Berkas ruang kerja diklat (diklat.toml, tugas.toml, ...): tabel pengaturan hanya di diklat.toml, "
    "butir [[task]], [[training]], ... di berkas mana pun. / A diklat workspace file: settings tables "
    "in diklat.toml only, item tables in any file."
)

SETTINGS = ("profile", "workweek", "ramadan", "study", "planning", "export")
ITEMS = ("task", "training", "event", "quiet", "colleague", "calendar", "holiday", "tasks_from")


def workspace_schema() -> dict[str, Any]:
    """One JSON Schema (draft 2020-12) that any workspace TOML file validates against."""
    from pydantic import TypeAdapter

    from .loader import adapter
    from .tables import ITEM_TABLES, SETTINGS_TABLES

    models: list[type[Model]] = [
        *(SETTINGS_TABLES[name] for name in SETTINGS),
        *(ITEM_TABLES[name][1] for name in ITEMS),
    ]
    refs, generated = TypeAdapter.json_schemas(
        [(m.__name__, "validation", adapter(m)) for m in models], ref_template="#/$defs/{model}"
    )
    defs: dict[str, Any] = generated["$defs"]
    for name, definition in defs.items():
        _tidy(name, definition)
    properties: dict[str, Any] = {}
    for name in SETTINGS:
        ref = refs[(SETTINGS_TABLES[name].__name__, "validation")]
        properties[name] = {**ref}
    for name in ITEMS:
        ref = refs[(ITEM_TABLES[name][1].__name__, "validation")]
        model_name = ref["$ref"].rsplit("/", 1)[1]
        properties[name] = {
            "type": "array",
            "items": ref,
            "description": DESCRIPTIONS.get(model_name, {}).get("", ""),
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "diklat workspace",
        "description": ROOT_DESCRIPTION,
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
        "$defs": dict(sorted(defs.items())),
    }


def _tidy(name: str, definition: dict[str, Any]) -> None:
    """Bilingual descriptions, no 'null' (TOML has none), defaults as people write them."""
    from . import models

    texts = DESCRIPTIONS.get(name, {})
    model = getattr(models, name, None)
    definition.pop("title", None)
    if texts.get(""):
        definition.pop("description", None)  # a model's docstring is for developers, in English
        definition["description"] = texts[""]
    for key, prop in definition.get("properties", {}).items():
        prop.pop("title", None)
        if "anyOf" in prop:
            options = [o for o in prop["anyOf"] if o != {"type": "null"}]
            if len(options) == 1:
                del prop["anyOf"]
                prop.update(options[0])
            else:
                prop["anyOf"] = options
        if texts.get(key):
            prop["description"] = texts[key]
        if "default" in prop:
            field = _field(model, key)
            default = _toml_default(prop["default"], field)
            if default is None:
                del prop["default"]
            else:
                prop["default"] = default


def _field(model: Any, key: str) -> tuple[Any, Any] | None:
    """(default, annotation) of the field written as `key` in TOML."""
    if not (isinstance(model, type) and issubclass(model, Model)):
        return None
    hints = get_type_hints(model, include_extras=True)
    return next(
        ((f.default, hints[f.name]) for f in dataclasses.fields(model) if toml_name(f.name) == key),
        None,
    )


def _toml_default(generated: Any, field: tuple[Any, Any] | None) -> Any:
    """The default as a user would write it in TOML, or None when there is nothing to show."""
    if field is None or generated is None:
        return None
    value, annotation = field
    if value is dataclasses.MISSING:  # a default_factory: pydantic showed none either
        return None
    if DURATION in get_args(annotation) and isinstance(value, int):
        return format_duration_value(value)
    return _plain(value)


def _plain(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, TimeRange):
        return str(value)
    if isinstance(value, DayHours):
        return {"hours": str(value.hours), "breaks": [str(b) for b in value.breaks]}
    if isinstance(value, Session):  # never a default; here for completeness of the walk
        return None
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
