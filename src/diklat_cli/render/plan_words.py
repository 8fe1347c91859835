"""The plan's own words: what the planner's values say, in the user's language.

The planner returns values (a block's due day, a training's mode, a day's kind of day off, why
work did not fit and what to do about it); this module is the one place they become sentences,
so the terminal, Markdown, JSON and .ics views say the same thing in the same words.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from ..i18n import Catalog, Lang, format_date, format_duration, format_time
from ..planning.plan import (
    Block,
    DayNote,
    DelegateHint,
    Estimated,
    Moved,
    Plan,
    Suggestion,
    TaskStatus,
    Unscheduled,
)

M = Catalog(
    {
        "break": {"id": "Istirahat", "en": "Break"},
        "pomodoro": {"id": "Jeda pomodoro", "en": "Pomodoro break"},
        "study": {"id": "Belajar mandiri: {title}", "en": "Self-study: {title}"},
        "offline": {"id": "luring", "en": "offline"},
        "online": {"id": "daring", "en": "online"},
        "holiday": {"id": "{name}", "en": "Public holiday: {name}"},
        "cuti": {"id": "Cuti bersama: {name}", "en": "Joint leave (cuti bersama): {name}"},
        "local": {"id": "{name}", "en": "Local holiday: {name}"},
        "away": {"id": "Pelatihan luring: {name}", "en": "Offline training: {name}"},
        "weekend": {"id": "Akhir pekan", "en": "Weekend"},
        "off": {"id": "Bukan hari kerja", "en": "Not a working day"},
        "ramadan": {"id": "Ramadan", "en": "Ramadan"},
        "due": {"id": "tenggat {date}", "en": "due {date}"},
        "late": {"id": "terlambat: tenggat {date}", "en": "late: due {date}"},
        "overdue": {"id": "lewat tenggat {date}", "en": "overdue since {date}"},
        "sliver": {
            "id": "{note}; blok pendek: tenggat membutuhkannya",
            "en": "{note}; short block: the deadline needs it",
        },
        "extra_switch": {
            "id": "{note}; ganti tugas melebihi batas harian: tenggat membutuhkannya",
            "en": "{note}; a switch past the daily cap: the deadline needs it",
        },
        "given_up": {
            "id": "Tidak muat sebelum tenggat {due} tanpa membuat tugas lain terlambat, dan waktu "
            "kerja luang sesudahnya sampai {last} sudah penuh",
            "en": "It does not fit before its deadline ({due}) without making other tasks late, "
            "and the free working time after it up to {last} is full",
        },
        "too_big": {
            "id": "Waktu kerja luang sebelum tenggat {due} tidak cukup untuk seluruhnya, dan "
            "sesudahnya sampai {last} sudah penuh",
            "en": "The free working time before its deadline ({due}) cannot hold all of it, and "
            "the time after it up to {last} is full",
        },
        "overdue_full": {
            "id": "Sudah lewat tenggat {due}, dan waktu kerja luang sampai {last} sudah penuh",
            "en": "Overdue since {due}, and the free working time up to {last} is full",
        },
        "full": {
            "id": "Waktu kerja luang sampai {last} tidak cukup untuk menyelesaikannya",
            "en": "Not enough free working time up to {last} to finish it",
        },
        "after": {
            "id": "Baru bisa dikerjakan mulai {start}, sesudah akhir rencana ({last})",
            "en": "It can only start on {start}, after the plan ends ({last})",
        },
        "study_short": {
            "id": "Jendela belajar minggu {week} tidak cukup (batas {per_day} sehari, {per_week} seminggu)",
            "en": "The study windows of the week of {week} are not enough (caps {per_day} a day, {per_week} a week)",
        },
        "colleague": {
            "id": "Serahkan ke {name} (keahlian {skill}, kapasitas {cap} seminggu): delegate_to = "
            '"{id}"',
            "en": 'Hand it to {name} (skill {skill}, capacity {cap} a week): delegate_to = "{id}"',
        },
        "move_due": {
            "id": "Minta atasan memundurkan tenggat {due}, atau kurangi lingkupnya",
            "en": "Ask your supervisor to move the deadline ({due}), or cut its scope",
        },
        "horizon": {
            "id": "Kurangi perkiraannya, atau perpanjang planning.horizon_days",
            "en": "Reduce its estimate, or lengthen planning.horizon_days",
        },
        "study_fix": {
            "id": "Tambahkan study.weekend_windows atau jendela belajar lain, atau naikkan "
            "study.max_per_day / max_per_week",
            "en": "Add study.weekend_windows or other study windows, or raise "
            "study.max_per_day / max_per_week",
        },
        "hint": {
            "id": '{name} bisa mengambilnya ({reasons}); bila Anda sepakat: delegate_to = "{id}"',
            "en": '{name} could take it ({reasons}); if you agree: delegate_to = "{id}"',
        },
        "hint.routine": {
            "id": " (untuk setiap kejadian)",
            "en": " (for every occurrence)",
        },
        "hint.skills": {"id": "keahlian {skills}", "en": "skill {skills}|skills {skills}"},
        "hint.room": {
            "id": "longgar {spare} minggu {week}",
            "en": "{spare} free in the week of {week}",
        },
        "hint.here": {"id": "tidak pergi s.d. {until}", "en": "not away until {until}"},
        "auto": {
            "id": "dipilih oleh perencana, bukan oleh Anda (planning.auto_delegate = true)",
            "en": "chosen by the planner, not by you (planning.auto_delegate = true)",
        },
        "missed": {
            "id": "{title}: {n} kejadian terlewat ({days}); catat dengan diklat done {id}@TANGGAL "
            "(atau --skip bila tidak diperlukan)",
            "en": "{title}: 1 missed occurrence ({days}); record it with diklat done {id}@DATE "
            "(or --skip when it is not needed)|{title}: {n} missed occurrences ({days}); record "
            "each with diklat done {id}@DATE (or --skip when it is not needed)",
        },
        "skipped": {
            "id": "dilewati: tidak diperlukan kali ini",
            "en": "skipped: not needed this time",
        },
        "estimated": {
            "id": "{name} ({date}) masih tanggal perkiraan; pastikan dengan keputusan resmi",
            "en": "{name} ({date}) is an estimated date; check the official decree",
        },
        # what moved since the last plan, and why (Plan.moved)
        "moved.since": {
            "id": "Berubah sejak rencana {when}",
            "en": "Changed since the plan of {when}",
        },
        "moved.since_unknown": {
            "id": "Berubah sejak rencana sebelumnya",
            "en": "Changed since the last plan",
        },
        "moved.busy": {
            "id": "waktunya kini terisi {cause}{at}",
            "en": "its time now holds {cause}{at}",
        },
        "moved.busy_unnamed": {
            "id": "waktunya kini bukan waktu kerja yang bebas (istirahat atau jam kerja berubah)",
            "en": "its time is no longer free working time (a break, or the working hours changed)",
        },
        "moved.holiday": {
            "id": "hari itu kini libur ({cause})",
            "en": "that day is now a day off ({cause})",
        },
        "moved.away": {
            "id": "hari itu kini Anda mengikuti pelatihan ({cause})",
            "en": "that day you are now away at training ({cause})",
        },
        "moved.off": {
            "id": "hari itu kini bukan hari kerja",
            "en": "that day is no longer a working day",
        },
        "moved.start": {
            "id": "tugas ini kini baru dapat dimulai kemudian",
            "en": "this task can now only start later",
        },
        "moved.deadline": {
            "id": "memberi tempat bagi «{cause}» agar tenggatnya terpenuhi",
            "en": "it makes room for “{cause}” to meet its deadline",
        },
        "moved.deadline_unnamed": {
            "id": "memberi tempat bagi tugas lain agar tenggatnya terpenuhi",
            "en": "it makes room for other work to meet its deadline",
        },
        "moved.to": {"id": "→ kini {when}", "en": "→ now {when}"},
        "moved.nowhere": {"id": "→ belum terjadwal", "en": "→ not scheduled yet"},
    }
)


def block_title(b: Block, lang: Lang) -> str:
    """A block's title as the plan gives it: 'Belajar mandiri: PKP', 'Istirahat', 'Laporan TW IV'."""
    if b.kind == "study":
        return M(lang, "study", title=b.title)
    if b.kind == "break":
        return M(lang, "pomodoro" if b.pomodoro else "break")
    return b.title


def block_note(b: Block, lang: Lang) -> str:
    """The planner's note on a block: a task's due day ('tenggat Kam 3 Des'), a session's mode
    ('luring'); '' for the rest."""
    if b.due is not None:
        due = M(lang, b.due.kind, date=format_date(b.due.day, lang, "short"))
        if b.extra_switch:
            due = M(lang, "extra_switch", note=due)
        return M(lang, "sliver", note=due) if b.sliver else due
    if b.mode is not None:
        return M(lang, b.mode)
    return ""


def day_note(note: DayNote, lang: Lang) -> str:
    """'Cuti bersama: Natal', 'Pelatihan luring: Bimtek SIPD', 'Akhir pekan', 'Ramadan'."""
    return M(lang, note.kind, name=note.name)


def reason(u: Unscheduled, lang: Lang) -> str:
    """Why work did not fit, in a sentence."""

    def day(d: date | None) -> str:
        assert d is not None  # each reason carries the dates it names
        return format_date(d, lang, "medium")

    if u.reason == "study_short":
        return M(
            lang,
            "study_short",
            week=day(u.week),
            per_day=format_duration(u.per_day, lang),
            per_week=format_duration(u.per_week, lang),
        )
    last = day(u.last)
    if u.reason == "after":
        return M(lang, "after", start=day(u.start), last=last)
    if u.reason == "full":
        return M(lang, "full", last=last)
    return M(lang, u.reason, due=day(u.due), last=last)


def suggestion(s: Suggestion | None, lang: Lang) -> str:
    """What to do about work that did not fit, in a sentence ('' when there is nothing to say)."""
    if s is None:
        return ""
    if s.code == "colleague":
        cap = format_duration(s.capacity, lang)
        return M(lang, "colleague", name=s.name, skill=s.skill, cap=cap, id=s.colleague)
    if s.code == "move_due":
        assert s.due is not None
        return M(lang, "move_due", due=format_date(s.due, lang, "medium"))
    return M(lang, s.code)


def warning(w: Estimated, lang: Lang) -> str:
    """'Idulfitri (Senin, 30 Maret 2026) masih tanggal perkiraan; pastikan dengan keputusan resmi'."""
    return M(lang, "estimated", name=w.name, date=format_date(w.day, lang, "full"))


def hint_reasons(h: DelegateHint, lang: Lang) -> list[str]:
    """Why a colleague could take a task: the skill, the room that week, not away."""
    return [
        M.count(lang, "hint.skills", len(h.skills), skills=", ".join(h.skills)),
        M(
            lang,
            "hint.room",
            spare=format_duration(h.spare, lang),
            week=format_date(h.week, lang, "short"),
        ),
        M(lang, "hint.here", until=format_date(h.until, lang, "short")),
    ]


def hint(h: DelegateHint, lang: Lang, *, routine: bool = False) -> str:
    """'Andi could take it (skill spj; 5 hours free in the week of Mon 7 Dec; not away until
    Wed 9 Dec); if you agree: delegate_to = "andi"' (`routine`: the key hands over every
    occurrence, and says so)."""
    reasons = "; ".join(hint_reasons(h, lang))
    text = M(lang, "hint", name=h.name, reasons=reasons, id=h.colleague)
    return text + M(lang, "hint.routine") if routine else text


def auto_delegated(lang: Lang) -> str:
    """The plain word that the planner, not the user, chose the colleague."""
    return M(lang, "auto")


def skipped(lang: Lang) -> str:
    return M(lang, "skipped")


def missed(plan: Plan) -> list[list[TaskStatus]]:
    """The missed occurrences still open, by routine task (in the plan's order)."""
    by_task: dict[str, list[TaskStatus]] = {}
    for t in plan.tasks:
        if t.missed and not (t.done or t.skipped or t.delegated_to):
            by_task.setdefault(t.id.partition("@")[0], []).append(t)
    return [sorted(ts, key=lambda t: t.id) for ts in by_task.values()]


def missed_line(plan: Plan, tasks: list[TaskStatus], lang: Lang) -> str:
    """'Laporan mingguan: 3 kejadian terlewat (Sen 16 Nov, Sen 23 Nov, Sen 30 Nov); ...'."""
    from zoneinfo import ZoneInfo

    tz = ZoneInfo(plan.timezone)
    days = ", ".join(
        format_date(t.due.astimezone(tz).date(), lang, "short") for t in tasks if t.due
    )
    tid = tasks[0].id.partition("@")[0]
    return M.count(lang, "missed", len(tasks), title=tasks[0].title, days=days, id=tid)


# --- what moved since the last plan ----------------------------------------------------------------


def _local(plan: Plan, when: datetime) -> datetime:
    return when.astimezone(ZoneInfo(plan.timezone))


def _day_time(plan: Plan, when: datetime, lang: Lang) -> str:
    """'Selasa, 8 Desember 13.00': the year only when it is not the plan's."""
    w = _local(plan, when)
    day = format_date(w.date(), lang)
    if w.year == plan.today.year:
        day = day.removesuffix(f" {w.year}")
    return f"{day} {format_time(w, lang)}"


def _times(plan: Plan, start: datetime, end: datetime, lang: Lang) -> str:
    """'10.00–11.00' within a day; with the days when it spans several; '' for whole days."""
    s, e = _local(plan, start), _local(plan, end)
    if s.time() == time() and e.time() == time():
        return ""
    if s.date() == e.date():
        return f"{format_time(s, lang)}–{format_time(e, lang)}"
    a, b = (f"{format_date(x.date(), lang, 'short')} {format_time(x, lang)}" for x in (s, e))
    return f"{a} – {b}"


def moved_heading(plan: Plan, lang: Lang) -> str:
    """'Berubah sejak rencana Senin, 7 Desember 2026 07.31'."""
    if plan.since is None:
        return M(lang, "moved.since_unknown")
    w = _local(plan, plan.since)
    return M(lang, "moved.since", when=f"{format_date(w.date(), lang)} {format_time(w, lang)}")


def move_groups(plan: Plan) -> list[tuple[Moved, ...]]:
    """The moves as a reader takes them: the parts of one task's day that moved for the same
    reason and go to the same place are one line (a holiday takes the morning and the afternoon
    block of a task: one line, two spans), in the plan's order."""
    groups: dict[tuple[object, ...], list[Moved]] = {}
    for m in plan.moved:
        day = _local(plan, m.start).date()
        key = (m.ref, day, m.code, m.cause, m.cause_ref, m.cause_start, m.cause_end, m.to)
        groups.setdefault(key, []).append(m)
    return [tuple(g) for g in groups.values()]


def move_when(plan: Plan, moves: Sequence[Moved], lang: Lang) -> tuple[str, list[str]]:
    """Where the last plan had the work: its day ('Sel 8 Des') and its times that day
    (['07.30–12.00', '13.00–14.00'])."""
    day = format_date(_local(plan, moves[0].start).date(), lang, "short")
    spans = [
        f"{format_time(_local(plan, m.start), lang)}–{format_time(_local(plan, m.end), lang)}"
        for m in moves
    ]
    return day, spans


def move_reason(plan: Plan, m: Moved, lang: Lang) -> str:
    """Why the last plan's block gave way, in a sentence: 'waktunya kini terisi Rapat
    koordinasi 10.00–11.00', 'hari itu kini libur (Hari Raya Natal)', ..."""
    if m.code == "busy":
        if not m.cause:
            return M(lang, "moved.busy_unnamed")
        at = ""
        if m.cause_start is not None and m.cause_end is not None:
            span = _times(plan, m.cause_start, m.cause_end, lang)
            at = f" {span}" if span else ""
        return M(lang, "moved.busy", cause=m.cause, at=at)
    if m.code == "off":
        day = plan.day(_local(plan, m.start).date())
        note = day.note if day is not None else None
        away = day is not None and any(
            b.kind == "training" and b.mode == "offline" for b in day.blocks
        )
        if away or (note is not None and note.kind == "away"):
            return M(lang, "moved.away", cause=m.cause or (note.name if note else ""))
        return M(lang, "moved.holiday", cause=m.cause) if m.cause else M(lang, "moved.off")
    if m.code == "start":
        return M(lang, "moved.start")
    if m.cause:
        return M(lang, "moved.deadline", cause=m.cause)
    return M(lang, "moved.deadline_unnamed")


def move_to(plan: Plan, m: Moved, lang: Lang) -> str:
    """Where the work goes now: '→ kini Selasa, 8 Desember 13.00' ('→ kini 15.30' later the
    same day); '→ belum terjadwal' when some of it has no place; '' when the blocks kept hold
    all of it."""
    if m.to is not None:
        to = _local(plan, m.to)
        same_day = to.date() == _local(plan, m.start).date()
        when = format_time(to, lang) if same_day else _day_time(plan, m.to, lang)
        return M(lang, "moved.to", when=when)
    task = plan.task(m.ref)
    if task is not None and task.remaining_minutes:
        return M(lang, "moved.nowhere")
    return ""


def move_text(plan: Plan, m: Moved, lang: Lang) -> str:
    """The reason and where the work goes: 'waktunya kini terisi Rapat 10.00–11.00 → kini
    Rabu, 9 Desember 13.00'."""
    to = move_to(plan, m, lang)
    return f"{move_reason(plan, m, lang)} {to}" if to else move_reason(plan, m, lang)
