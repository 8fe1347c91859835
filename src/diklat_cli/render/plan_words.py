"""The plan's own words: what the planner's values say, in the user's language.

The planner returns values (a block's due day, a training's mode, a day's kind of day off, why
work did not fit and what to do about it); this module is the one place they become sentences,
so the terminal, Markdown, JSON and .ics views say the same thing in the same words.
"""

from __future__ import annotations

from datetime import date

from ..i18n import Catalog, Lang, format_date, format_duration
from ..planning.plan import (
    Block,
    DayNote,
    DelegateHint,
    Estimated,
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
        "local": {"id": "{name}", "en": "Day off: {name}"},
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
