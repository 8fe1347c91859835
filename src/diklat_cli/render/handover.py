"""The handover and return sheets as Markdown or print-ready HTML, from Jinja2 templates.

The templates get plain words only (every date, time and label already written in the sheet's
language), so an office that replaces a template with its own (a `templates/` folder in the
workspace, same file names) never has to format a date. The variables are listed in
docs/check-and-handover.md. HTML is autoescaped: everything users typed is escaped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Literal

from ..i18n import (
    Catalog,
    Lang,
    day_name,
    format_date,
    format_duration,
    format_time,
    zone_abbreviation,
)
from ..planning.handover import Knowledge, MeetingItem, Pick, Sheet, Source, WorkItem
from ..workspace.models import Colleague, Profile, Task
from ..workspace.values import format_duration_value
from .escape import md_inline, terminal

Kind = Literal["handover", "return"]
Format = Literal["markdown", "html"]

TEMPLATE_NAMES = {
    ("handover", "markdown"): "handover.md.j2",
    ("handover", "html"): "handover.html.j2",
    ("return", "markdown"): "return.md.j2",
    ("return", "html"): "return.html.j2",
}

L = Catalog(
    {
        "title": {"id": "LEMBAR SERAH TERIMA TUGAS", "en": "HANDOVER OF DUTIES"},
        "subtitle": {
            "id": "SELAMA MENGIKUTI PELATIHAN",
            "en": "WHILE ATTENDING A TRAINING",
        },
        "return_title": {"id": "LEMBAR PENGEMBALIAN TUGAS", "en": "RETURN OF DUTIES"},
        "return_subtitle": {
            "id": "SETELAH MENGIKUTI PELATIHAN",
            "en": "AFTER ATTENDING A TRAINING",
        },
        "for_colleague": {"id": "Lembar untuk {name}", "en": "Sheet for {name}"},
        "number": {"id": "Nomor", "en": "Number"},
        "basis": {"id": "Dasar", "en": "Basis"},
        "basis_blank": {
            "id": "Surat Tugas Nomor ........................ tanggal ....................",
            "en": "Assignment letter No. ........................ dated ....................",
        },
        "opening": {
            "id": "Pada hari ini, {date}, yang bertanda tangan di bawah ini:",
            "en": "On {date}, the undersigned:",
        },
        "first_party": {"id": "PIHAK PERTAMA", "en": "FIRST PARTY"},
        "second_party": {"id": "PIHAK KEDUA", "en": "SECOND PARTY"},
        "first_role": {
            "id": "yang menyerahkan tugas, selanjutnya disebut PIHAK PERTAMA;",
            "en": "who hands over the duties, hereinafter the FIRST PARTY;",
        },
        "second_role": {
            "id": "yang menerima tugas, selanjutnya disebut PIHAK KEDUA.",
            "en": "who takes over the duties, hereinafter the SECOND PARTY.",
        },
        "name": {"id": "Nama", "en": "Name"},
        "nip": {"id": "NIP", "en": "NIP"},
        "rank": {"id": "Pangkat/Gol.", "en": "Rank/grade"},
        "position": {"id": "Jabatan", "en": "Position"},
        "unit": {"id": "Unit kerja", "en": "Unit"},
        "contact": {"id": "Kontak", "en": "Contact"},
        "statement": {
            "id": "PIHAK PERTAMA menyerahkan kepada PIHAK KEDUA pekerjaan berikut selama PIHAK "
            "PERTAMA mengikuti pelatihan, dan PIHAK KEDUA menerimanya.",
            "en": "The FIRST PARTY hands the following work to the SECOND PARTY while the FIRST "
            "PARTY attends the training, and the SECOND PARTY accepts it.",
        },
        "sec_training": {"id": "Pelatihan", "en": "The training"},
        "training": {"id": "Nama pelatihan", "en": "Training"},
        "provider": {"id": "Penyelenggara", "en": "Provider"},
        "location": {"id": "Tempat", "en": "Place"},
        "format": {"id": "Bentuk", "en": "Format"},
        "period": {"id": "Waktu", "en": "Period"},
        "away": {"id": "Tidak di kantor (luring)", "en": "Away from the office (in class)"},
        "online": {"id": "Sesi daring", "en": "Online sessions"},
        "back": {"id": "Kembali bertugas", "en": "Back at the office"},
        "fmt_offline": {"id": "Klasikal (luring)", "en": "In class (offline)"},
        "fmt_online": {"id": "Daring", "en": "Online"},
        "fmt_blended": {"id": "Blended (luring dan daring)", "en": "Blended (in class and online)"},
        "sec_work": {"id": "Daftar pekerjaan", "en": "The work"},
        "col_no": {"id": "No", "en": "No"},
        "col_task": {"id": "Uraian tugas dan langkah (SOP)", "en": "Task and steps (SOP)"},
        "col_status": {"id": "Status / tenggat", "en": "Status / deadline"},
        "col_who": {"id": "Dikerjakan oleh", "en": "Taken by"},
        "col_docs": {"id": "Dokumen dan kontak", "en": "Documents and contacts"},
        "sop": {"id": "Langkah", "en": "Steps"},
        "documents": {"id": "Dokumen", "en": "Documents"},
        "contacts": {"id": "Kontak", "en": "Contacts"},
        "notes": {"id": "Catatan", "en": "Notes"},
        "deadline": {"id": "Tenggat", "en": "Deadline"},
        "status": {"id": "Status", "en": "Status"},
        "hold": {
            "id": "Keputusan menunggu PIHAK PERTAMA kembali",
            "en": "Decisions wait for the FIRST PARTY's return",
        },
        "no_work": {
            "id": "Tidak ada pekerjaan yang tersisa untuk diserahkan: menurut rencana, yang jatuh "
            "tempo atau sedang berjalan selama pelatihan selesai sebelum berangkat.",
            "en": "No work is left to hand over: by the plan, what is due or in progress during "
            "the training is done before you leave.",
        },
        "no_work_return": {
            "id": "Tidak ada pekerjaan yang jatuh tempo atau sedang berjalan selama pelatihan.",
            "en": "No work is due or in progress during the training.",
        },
        "no_passwords": {
            "id": "Jangan menyerahkan kata sandi atau token. Gunakan akses yang didelegasikan "
            "(akun/peran sendiri di SIPD, e-Kinerja, SPSE, atau folder bersama).",
            "en": "Hand over no passwords or tokens. Use delegated access (the colleague's own "
            "account or role in each application, or a shared folder).",
        },
        "sec_meetings": {"id": "Rapat selama tidak di kantor", "en": "Meetings while away"},
        "col_meeting": {"id": "Rapat", "en": "Meeting"},
        "col_when": {"id": "Waktu", "en": "When"},
        "col_attends": {"id": "Hadir mewakili", "en": "Attends instead"},
        "no_meetings": {
            "id": "Tidak ada rapat selama tidak di kantor.",
            "en": "No meetings while away.",
        },
        "sec_deputy": {"id": "Pelaksana Harian (Plh)", "en": "Acting official (Plh)"},
        "deputy_intro": {
            "id": "Selama PIHAK PERTAMA berhalangan sementara, tugas jabatan sehari-hari "
            "dilaksanakan oleh Plh berikut berdasarkan Surat Perintah Nomor ....................:",
            "en": "While the FIRST PARTY is temporarily away, the routine duties of the post are "
            "carried out by this Plh, by Surat Perintah No. ....................:",
        },
        "deputy_limits_intro": {
            "id": "Sesuai SE Kepala BKN Nomor 1/SE/I/2021, Plh tidak berwenang mengambil "
            "keputusan atau tindakan yang bersifat strategis dan yang berdampak pada perubahan "
            "status hukum pada aspek:",
            "en": "Under SE Kepala BKN No. 1/SE/I/2021, a Plh may not take strategic decisions or "
            "actions that change legal status in:",
        },
        "limit_org": {"id": "organisasi;", "en": "organisation;"},
        "limit_staff": {
            "id": "kepegawaian (mengangkat, memindahkan, memberhentikan pegawai);",
            "en": "staffing (appointing, transferring or dismissing staff);",
        },
        "limit_budget": {"id": "alokasi anggaran.", "en": "budget allocation."},
        "no_deputy": {
            "id": "Tidak ada Plh yang ditunjuk; keputusan jabatan menunggu PIHAK PERTAMA atau "
            "atasan langsung.",
            "en": "No Plh is named; decisions of the post wait for the FIRST PARTY or the "
            "supervisor.",
        },
        "sec_contact": {"id": "Komunikasi", "en": "Keeping in touch"},
        "checkin": {
            "id": "Setiap hari kerja pukul {time}, di luar jam pelatihan, PIHAK PERTAMA dan PIHAK "
            "KEDUA berkoordinasi singkat (telepon atau pesan) tentang pekerjaan di atas. Hal "
            "mendesak dapat disampaikan kapan saja; keputusan strategis disampaikan kepada "
            "atasan langsung.",
            "en": "Every working day at {time}, outside class hours, the parties check in briefly "
            "(call or message) on the work above. Urgent matters may come at any time; "
            "strategic decisions go to the supervisor.",
        },
        "sec_things": {"id": "Barang, kas dan akses", "en": "Goods, cash and access"},
        "things_intro": {
            "id": "Diserahkan langsung dan diperiksa bersama:",
            "en": "Handed over in person and checked together:",
        },
        "cash_intro": {
            "id": "Kas bendahara per {date}, dihitung bersama oleh PIHAK PERTAMA dan PIHAK KEDUA:",
            "en": "The treasurer's cash as of {date}, counted together by both parties:",
        },
        "cash_bku": {
            "id": "Saldo Buku Kas Umum (BKU): Rp ........................",
            "en": "General cash book (BKU) balance: Rp ........................",
        },
        "cash_hand": {
            "id": "Kas tunai (hasil penghitungan kas): Rp ........................",
            "en": "Cash in hand (as counted): Rp ........................",
        },
        "cash_bank": {
            "id": "Saldo rekening bank: Rp ........................",
            "en": "Bank account balance: Rp ........................",
        },
        "cash_spj": {
            "id": "Buku pembantu dan berkas SPJ yang belum selesai: ........................",
            "en": "Subsidiary books and unfinished SPJ files: ........................",
        },
        "sec_hold": {
            "id": "Menunggu PIHAK PERTAMA kembali",
            "en": "Waiting for the FIRST PARTY's return",
        },
        "closing": {
            "id": "Demikian lembar serah terima ini dibuat dalam rangkap secukupnya untuk "
            "dipergunakan sebagaimana mestinya.",
            "en": "This sheet is made in as many copies as needed, to be used as appropriate.",
        },
        "acknowledged": {"id": "Mengetahui,", "en": "Acknowledged by,"},
        "supervisor": {"id": "Atasan langsung", "en": "Supervisor"},
        "blank": {"id": "........................", "en": "........................"},
        "src_delegate_to": {"id": "ditetapkan di tugas", "en": "set on the task"},
        "src_handover_to": {"id": "penerima utama", "en": "default receiver"},
        "st_done": {"id": "Selesai", "en": "Done"},
        "st_open": {"id": "Belum tercatat selesai", "en": "Not recorded as done"},
        "st_new": {"id": "Belum dimulai", "en": "Not started"},
        "st_progress": {
            "id": "Sedang dikerjakan: {spent} dari {total} ({pct}%)",
            "en": "In progress: {spent} of {total} ({pct}%)",
        },
        "st_routine": {
            "id": "Rutin, {n} kali: {dates}",
            "en": "Routine, once: {dates}|Routine, {n} times: {dates}",
        },
        "st_left": {"id": "sisa {left}", "en": "{left} left"},
        "no_due": {"id": "tanpa tenggat", "en": "no deadline"},
        "nobody": {"id": "(belum ditentukan)", "en": "(not decided)"},
        "range": {"id": "{a} s.d. {b}", "en": "{a} to {b}"},
        "weekly": {"id": "setiap {days}", "en": "every {days}"},
        "and": {"id": "dan", "en": "and"},
        "whole_day": {"id": "sepanjang hari", "en": "all day"},
        # the return sheet
        "return_opening": {
            "id": "PIHAK PERTAMA telah kembali bertugas pada {date} setelah mengikuti pelatihan "
            "dan menerima kembali pekerjaan yang diserahkan.",
            "en": "The FIRST PARTY is back at the office from {date} after the training and takes "
            "back the work that was handed over.",
        },
        "sec_covered": {"id": "Yang dikerjakan rekan", "en": "What colleagues covered"},
        "covered_by": {"id": "Dikerjakan oleh {name}", "en": "Covered by {name}"},
        "meetings_attended": {"id": "Rapat yang dihadiri", "en": "Meetings attended"},
        "thanks": {
            "id": "Terima kasih, {name}, atas bantuan Anda menjaga pekerjaan selama saya mengikuti "
            "{training}.",
            "en": "Thank you, {name}, for keeping the work going while I attended {training}.",
        },
        "sec_knowledge": {"id": "Berbagi ilmu", "en": "Knowledge sharing"},
        "knowledge_intro": {
            "id": "Agar ilmu dari pelatihan bermanfaat bagi tim, pada hari-hari pertama kembali:",
            "en": "So that the team gains from the training, in the first days back:",
        },
        "knowledge_toml": {
            "id": "Tambahkan ke berkas TOML ruang kerja agar masuk rencana harian (diklat tidak "
            "pernah mengubah berkas Anda):",
            "en": "Add these to a TOML file of the workspace so the daily plan holds them (diklat "
            "never edits your files):",
        },
        "col_item": {"id": "Kegiatan", "en": "Item"},
        "col_by": {"id": "Paling lambat", "en": "By"},
        "col_effort": {"id": "Perkiraan waktu", "en": "Effort"},
        "decide_now": {
            "id": "Keputusan yang kini menunggu PIHAK PERTAMA",
            "en": "Decisions now waiting for the FIRST PARTY",
        },
        "return_closing": {
            "id": "Demikian lembar pengembalian tugas ini dibuat untuk dipergunakan sebagaimana "
            "mestinya.",
            "en": "This sheet is made to be used as appropriate.",
        },
    }
)

# why a colleague takes a task (the sheet and `diklat check` say it alike), and the return
# sheet's knowledge-sharing tasks, written in the workspace's language (they go into its TOML)
W = Catalog(
    {
        "src_none": {
            "id": "belum ada rekan yang cocok; tentukan bersama atasan",
            "en": "no colleague fits; decide with your supervisor",
        },
        "why_skills": {"id": "keahlian: {skills}", "en": "skills: {skills}"},
        "why_capacity": {
            "id": "sisa kapasitas {left} dari {cap} per minggu",
            "en": "{left} of {cap} a week still free",
        },
        "why_no_capacity": {"id": "kapasitas belum dicatat", "en": "capacity not recorded"},
        "why_default_away": {
            "id": "{name} berhalangan pada {day}",
            "en": "{name} is away on {day}",
        },
        "suggested": {"id": "disarankan: {why}", "en": "suggested: {why}"},
        "ks_summary": {
            "id": "Ringkasan materi {training} untuk tim",
            "en": "Summary of {training} for the team",
        },
        "ks_template": {
            "id": "Bagikan templat/alat dari {training}",
            "en": "Share a template or tool from {training}",
        },
        "ks_session": {
            "id": "Siapkan berbagi ilmu 30 menit (briefing pagi) tentang {training}",
            "en": "Prepare a 30-minute knowledge-sharing talk (morning briefing) on {training}",
        },
        "ks_summary_note": {
            "id": "PDF atau salindia singkat, dibagikan lewat grup kantor atau rapat mingguan.",
            "en": "A short PDF or slides, shared in the office group or the weekly meeting.",
        },
        "ks_template_note": {
            "id": "Misalnya templat perencanaan, daftar periksa, atau alur layanan yang dipelajari.",
            "en": "For example a planning template, a checklist or a service flowchart learned there.",
        },
        "ks_session_note": {
            "id": "Jadwalkan di briefing pagi atau rapat koordinasi berikutnya.",
            "en": "Put it on the next morning briefing or coordination meeting.",
        },
    }
)

DEPUTY_LIMITS = ("limit_org", "limit_staff", "limit_budget")
BLANK_PARTY = dict.fromkeys(("name", "nip", "rank", "position", "unit", "contact"), "")


# --- words -------------------------------------------------------------------------------------


def _full(d: date, lang: Lang) -> str:
    return format_date(d, lang, "full")


def _range(a: date, b: date, lang: Lang) -> str:
    if a == b:
        return _full(a, lang)
    return L(lang, "range", a=_full(a, lang), b=_full(b, lang))


def _dates(days: Sequence[date], lang: Lang) -> str:
    if not days:
        return ""
    if len({d.year for d in days}) > 1:
        return ", ".join(f"{format_date(d, lang, 'short')} {d.year}" for d in days)
    text = ", ".join(format_date(d, lang, "short") for d in days)
    return f"{text} {days[-1].year}"


def _moment(value: date | datetime | None, lang: Lang, tz: str) -> str:
    if value is None:
        return L(lang, "no_due")
    if isinstance(value, datetime):
        return f"{_full(value.date(), lang)}, {format_time(value, lang)} {zone_abbreviation(tz)}"
    return _full(value, lang)


def _party(p: Profile | Colleague, unit: str = "") -> dict[str, str]:
    return {
        "name": p.name,
        "nip": p.nip,
        "rank": p.rank,
        "position": p.position,
        "unit": getattr(p, "unit", "") or unit,
        "contact": getattr(p, "contact", ""),
    }


def place_of(profile: Profile) -> str:
    """Where the sheet is signed: `profile.place`, else the town in the unit's name."""
    if profile.place:
        return profile.place
    m = re.search(r"\b(?:Kabupaten|Kota|Kab\.)\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)", profile.unit)
    return m.group(1) if m else ""


def _status(it: WorkItem, lang: Lang, returning: bool) -> str:
    if it.occurrences:
        text = L.count(lang, "st_routine", len(it.occurrences), dates=_dates(it.occurrences, lang))
        if returning:
            text += f" · {L(lang, 'st_done' if it.done else 'st_open')}"
        return text
    if returning:
        return L(lang, "st_done" if it.done else "st_open")
    if it.spent > 0:
        total = it.spent + it.minutes
        return L(
            lang,
            "st_progress",
            spent=format_duration(it.spent, lang),
            total=format_duration(total, lang),
            pct=round(100 * it.spent / total) if total else 100,
        )
    return f"{L(lang, 'st_new')} · {L(lang, 'st_left', left=format_duration(it.minutes, lang))}"


def receiver_reason(source: Source, pick: Pick, lang: Lang) -> str:
    """Why this colleague takes the work (or why nobody does yet), in words."""
    if source in ("delegate_to", "handover_to"):
        return L(lang, f"src_{source}")
    prefix = ""
    if pick.default_away is not None and pick.day is not None:
        day = format_date(pick.day, lang, "medium")
        prefix = W(lang, "why_default_away", name=pick.default_away, day=day) + "; "
    if source == "none":
        return prefix + W(lang, "src_none")
    parts = [W(lang, "why_skills", skills=", ".join(pick.skills))] if pick.skills else []
    if pick.capacity is not None:
        left, cap = format_duration(pick.left, lang), format_duration(pick.capacity, lang)
        parts.append(W(lang, "why_capacity", left=left, cap=cap))
    else:
        parts.append(W(lang, "why_no_capacity"))
    return prefix + W(lang, "suggested", why="; ".join(parts))


def knowledge_task(k: Knowledge, lang: Lang) -> Task:
    """A piece of knowledge-sharing work as a task for the workspace (and the planner)."""
    return Task(
        id=k.task_id,
        title=W(lang, f"ks_{k.what}", training=k.training.title),
        estimate=k.minutes,
        available=k.available,
        due=k.due,
        important=k.important,
        tags=("berbagi-ilmu", k.training.id),
        notes=W(lang, f"ks_{k.what}_note"),
    )


def _item(n: int, it: WorkItem, lang: Lang, tz: str, returning: bool) -> dict[str, Any]:
    who = it.receiver.name if it.receiver else L(lang, "nobody")
    reason = receiver_reason(it.source, it.reason, lang)
    return {
        "no": n,
        "id": it.task.id,
        "title": it.task.title,
        "status": _status(it, lang, returning),
        "deadline": _dates(it.occurrences, lang) if it.occurrences else _moment(it.due, lang, tz),
        "receiver": who,
        "receiver_id": it.receiver.id if it.receiver else "",
        "reason": reason,
        "sop": list(it.task.sop),
        "documents": list(it.task.documents),
        "contacts": list(it.task.contacts),
        "notes": it.task.notes,
        "hold": it.task.hold_until_return,
        "has_due": bool(it.occurrences) or it.due is not None,
        "done": it.done,
    }


def _meeting(m: MeetingItem, lang: Lang, tz: str) -> dict[str, str]:
    tz = (m.event.timezone if m.event else None) or tz  # its hours are on its own clock
    hours = (
        f"{format_time(m.time.start, lang)}–{format_time(m.time.end, lang)} {zone_abbreviation(tz)}"
        if m.time
        else L(lang, "whole_day")
    )
    return {
        "title": m.title,
        "when": f"{_dates(m.dates, lang)}, {hours}",
        "location": m.location,
        "attendee": m.attendee.name if m.attendee else L(lang, "nobody"),
        "attendee_id": m.attendee.id if m.attendee else "",
    }


def _weekday_names(days: Sequence[date], lang: Lang) -> str:
    seen = sorted({d.weekday(): d for d in days}.items())
    names = [day_name(d, lang) for _, d in seen]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {L(lang, 'and')} {names[-1]}"


def _online(sheet: Sheet, lang: Lang, tz: str) -> list[str]:
    """Online sessions, one line per run of same-hour sessions."""
    runs: dict[tuple[time, time], list[date]] = {}
    for start, end in sheet.absence.online:
        runs.setdefault((start.time(), end.time()), []).append(start.date())
    out = []
    for (s, e), days in runs.items():
        hours = f"{format_time(s, lang)}–{format_time(e, lang)} {zone_abbreviation(tz)}"
        if len(days) == 1:
            out.append(f"{_full(days[0], lang)}, {hours}")
        else:
            every = L(lang, "weekly", days=_weekday_names(days, lang))
            span = L(
                lang,
                "range",
                a=format_date(days[0], lang, "long"),
                b=format_date(days[-1], lang, "long"),
            )
            out.append(f"{every}, {hours} ({span})")
    return out


def _task_toml(task: Task) -> str:
    def s(v: str) -> str:
        return json.dumps(v, ensure_ascii=False)

    lines = [
        "[[task]]",
        f"id = {s(task.id)}",
        f"title = {s(task.title)}",
        f"estimate = {s(format_duration_value(task.estimate))}",
    ]
    if task.available is not None:
        lines.append(f"available = {task.available.isoformat()}")
    if task.due is not None:
        lines.append(f"due = {task.due.isoformat()}")
    if task.important:
        lines.append("important = true")
    if task.tags:
        lines.append(f"tags = [{', '.join(s(t) for t in task.tags)}]")
    if task.notes:
        lines.append(f"notes = {s(task.notes)}")
    return "\n".join(lines)


def is_treasurer(profile: Profile) -> bool:
    """A bendahara hands over cash too (domain.md 7.6 item 6): by role tag or by position."""
    return "bendahara" in (r.lower() for r in profile.roles) or (
        "bendahara" in profile.position.lower()
    )


def _labels(sheet: Sheet, lang: Lang, tz: str) -> dict[str, str]:
    """Every label of the catalog, those with a date or a time filled in."""
    labels = {key: L(lang, key) for key in L.keys()}  # noqa: SIM118  (a Catalog, not a dict)
    labels["checkin"] = L(
        lang, "checkin", time=f"{format_time(sheet.checkin, lang)} {zone_abbreviation(tz)}"
    )
    labels["opening"] = L(lang, "opening", date=_full(sheet.today, lang))
    labels["cash_intro"] = L(lang, "cash_intro", date=_full(sheet.today, lang))
    back = sheet.absence.return_day()
    labels["return_opening"] = L(lang, "return_opening", date=_full(back, lang))
    return labels


def context(sheet: Sheet, profile: Profile, lang: Lang, *, returning: bool) -> dict[str, Any]:
    """Everything a template may use, already in words."""
    tz = profile.timezone
    t = sheet.training
    ab = sheet.absence
    items = [_item(i, it, lang, tz, returning) for i, it in enumerate(sheet.items, 1)]
    meetings = [_meeting(m, lang, tz) for m in sheet.meetings]
    labels = _labels(sheet, lang, tz)
    if returning:  # the return sheet reports from the dates alone, not from the plan
        labels["no_work"] = L(lang, "no_work_return")
    # the knowledge-sharing tasks go into the workspace's files: in the workspace's language
    knowledge = [knowledge_task(k, profile.language) for k in sheet.knowledge]
    covered = []
    for c in sheet.receivers:
        covered.append(
            {
                "name": c.name,
                "id": c.id,
                "work": [i for i in items if i["receiver_id"] == c.id],
                "meetings": [m for m in meetings if m["attendee_id"] == c.id],
                "thanks": L(lang, "thanks", name=c.name, training=t.title),
            }
        )
    return {
        "lang": lang,
        "t": labels,
        "unit": profile.unit,
        "training": {
            "id": t.id,
            "title": t.title,
            "provider": t.provider,
            "location": t.location,
            "format": L(lang, f"fmt_{t.format}"),
            "period": _range(t.start, t.end, lang),
            "basis": t.basis,
        },
        "away": [_range(s.first, s.last, lang) for s in ab.stretches],
        "online": _online(sheet, lang, tz),
        "back": _full(ab.return_day(), lang) if ab.stretches else "",
        "first_party": _party(profile),
        # nobody named yet: one blank PIHAK KEDUA to fill in by hand on the printed sheet
        "second_parties": [_party(c) for c in sheet.receivers] or [BLANK_PARTY],
        "for_colleague": sheet.for_colleague.name if sheet.for_colleague else "",
        "items": items,
        "hold_items": [i for i in items if i["hold"]],
        "things": list(t.handover_items),
        "cash": is_treasurer(profile),
        "meetings": meetings,
        "deputy": _party(sheet.deputy) if sheet.deputy else None,
        "deputy_limits": [L(lang, k) for k in DEPUTY_LIMITS],
        "checkin": f"{format_time(sheet.checkin, lang)} {zone_abbreviation(tz)}",
        "supervisor": _party(sheet.supervisor) if sheet.supervisor else None,
        # the Plh signs too when not already a receiver
        "deputy_signs": sheet.deputy is not None
        and all(c.id != sheet.deputy.id for c in sheet.receivers),
        "place": place_of(profile),
        "signed": format_date(sheet.today, lang, "long"),
        "covered": covered,
        "knowledge": [
            {
                "title": k.title,
                "notes": k.notes,
                "due": _moment(k.due, lang, tz),
                "effort": format_duration(k.estimate, lang),
            }
            for k in knowledge
        ],
        "knowledge_toml": "\n\n".join(_task_toml(k) for k in knowledge),
    }


# --- templates ---------------------------------------------------------------------------------


class _Verbatim(str):
    """Markdown that diklat wrote itself (labels, a TOML block, an escaped cell): kept as it is."""


def _md_cell(value: object) -> str:
    """Text safe inside a Markdown table cell: no pipes, no line breaks, nothing Markdown reads."""
    return value if isinstance(value, _Verbatim) else _Verbatim(md_inline(str(value)).strip())


def _html_finalize(value: object) -> object:
    """Every `{{ value }}` of an HTML template: no control characters (autoescape does the rest)."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return terminal(value)
    return value


def _md_finalize(value: object) -> object:
    """Every `{{ value }}` of a Markdown template: what users typed is inert (render/escape.py)."""
    if isinstance(value, _Verbatim | int | float):
        return value
    return md_inline(str(value))


def render(
    sheet: Sheet,
    profile: Profile,
    lang: Lang,
    *,
    kind: Kind,
    fmt: Format,
    workspace: Path | None = None,
) -> str:
    """The sheet as text; a template in `<workspace>/templates/` replaces the built-in one.

    Templates run in a sandbox (render/sandbox.py): one from a shared workspace can fill in the
    sheet and nothing else. HTML is autoescaped; in Markdown every value is escaped as it is
    written (`_md_finalize`), so a title cannot add rows, headings, HTML or links.
    """
    import jinja2

    from . import sandbox

    folders = []
    if workspace is not None:
        folders = [workspace / "templates" / "handover", workspace / "templates"]
    folders.append(Path(__file__).resolve().parent.parent / "templates" / "handover")
    env = sandbox.environment(
        folders,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2")),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        finalize=_md_finalize if fmt == "markdown" else _html_finalize,
    )
    env.filters["cell"] = _md_cell
    values = context(sheet, profile, lang, returning=kind == "return")
    if fmt == "markdown":
        values["t"] = {k: _Verbatim(v) for k, v in values["t"].items()}
        values["knowledge_toml"] = _Verbatim(values["knowledge_toml"])
    return sandbox.render(env, TEMPLATE_NAMES[(kind, fmt)], values, lang)
