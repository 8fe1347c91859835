"""What every plan presenter says the same way: kinds, quadrants, times, day notes, a day's load.

The terminal, Markdown and JSON views share these so that a block is "Sesi pelatihan daring" and a
day off says why in every one of them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import field
from datetime import date, datetime, time, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from ..i18n import Catalog, Lang, format_date, format_duration, format_time, zone_abbreviation
from ..planning.plan import Block, Conflict, DayPlan, Plan, Quadrant, TaskStatus
from ..record import Record
from . import plan_words

T = TypeVar("T")

M = Catalog(
    {
        # block kinds
        "kind.task": {"id": "Tugas", "en": "Task"},
        "kind.study": {"id": "Belajar mandiri", "en": "Self-study"},
        "kind.online": {"id": "Sesi pelatihan daring", "en": "Online training session"},
        "kind.offline": {"id": "Sesi pelatihan luring", "en": "In-class training session"},
        "kind.training": {"id": "Sesi pelatihan", "en": "Training session"},
        "kind.event": {"id": "Rapat", "en": "Meeting"},
        "kind.allday": {"id": "Acara", "en": "Event"},
        "kind.break": {"id": "Istirahat", "en": "Break"},
        # quadrants
        "q.do": {"id": "kerjakan", "en": "do now"},
        "q.plan": {"id": "jadwalkan", "en": "schedule"},
        "q.delegate": {"id": "delegasikan", "en": "delegate"},
        "q.drop": {"id": "tunda", "en": "drop"},
        "qlong.do": {"id": "mendesak dan penting", "en": "urgent and important"},
        "qlong.plan": {"id": "penting, belum mendesak", "en": "important, not urgent"},
        "qlong.delegate": {"id": "mendesak, kurang penting", "en": "urgent, less important"},
        "qlong.drop": {
            "id": "tidak mendesak dan tidak penting",
            "en": "neither urgent nor important",
        },
        # urgency terms, as the prioritiser names them
        "term.due": {"id": "tenggat makin dekat", "en": "due date approaching"},
        "term.overdue": {"id": "lewat tenggat", "en": "overdue"},
        "term.important": {"id": "penting", "en": "important"},
        "term.age": {"id": "lama menunggu", "en": "waiting time"},
        "term.waiting": {"id": "belum bisa dimulai", "en": "not available yet"},
        "term.forced": {"id": "ditandai mendesak", "en": "marked urgent"},
        "term.not_urgent": {"id": "ditandai tidak mendesak", "en": "marked not urgent"},
        # severities
        "sev.error": {"id": "masalah", "en": "problem"},
        "sev.warning": {"id": "peringatan", "en": "warning"},
        "sev.info": {"id": "catatan", "en": "note"},
        # times and days
        "all_day": {"id": "seharian", "en": "all day"},
        "head.today": {
            "id": "Rencana hari ini — {date} ({zone})",
            "en": "Today's plan — {date} ({zone})",
        },
        "head.tomorrow": {"id": "Besok — {date}", "en": "Tomorrow — {date}"},
        "head.other": {"id": "{date}", "en": "{date}"},
        "head.week": {
            "id": "Sepekan — {first} s.d. {last} ({zone})",
            "en": "Week — {first} to {last} ({zone})",
        },
        "off.weekend": {"id": "Akhir pekan", "en": "Weekend"},
        "off.away": {"id": "Pelatihan luring: {title}", "en": "At training: {title}"},
        "off.other": {"id": "Bukan hari kerja", "en": "Not a working day"},
        "off.prefix": {"id": "Libur — {why}", "en": "Day off — {why}"},
        "off.prefix_away": {"id": "Tidak di kantor — {why}", "en": "Away from the office — {why}"},
        "past": {"id": "sudah lewat", "en": "past"},
        "no_blocks": {"id": "Belum ada yang terjadwal.", "en": "Nothing scheduled."},
        # the load of a day
        "load": {
            "id": "Beban: {parts} · bebas {free} dari {work}",
            "en": "Load: {parts} · free {free} of {work}",
        },
        "load.off": {"id": "Beban: {parts}", "en": "Load: {parts}"},
        "load.task": {"id": "tugas {d}", "en": "tasks {d}"},
        "load.study": {"id": "belajar {d}", "en": "study {d}"},
        "load.fixed": {"id": "rapat/sesi {d}", "en": "meetings/sessions {d}"},
        "load.none": {"id": "kosong", "en": "nothing"},
        "load.more": {"id": "+{n} lainnya", "en": "+{n} more"},
        # sections
        "sec.unscheduled": {"id": "Belum terjadwal", "en": "Unscheduled"},
        "sec.late": {"id": "Melewati tenggat", "en": "Past the deadline"},
        "sec.conflicts": {"id": "Bentrok dan risiko", "en": "Clashes and risks"},
        "sec.delegated": {"id": "Didelegasikan", "en": "Delegated"},
        "sec.suggested": {
            "id": "Bisa didelegasikan — saran, tetap di rencana Anda",
            "en": "Could be delegated — suggestions, still in your plan",
        },
        "sec.missed": {"id": "Terlewat", "en": "Missed"},
        "sec.explain": {"id": "Urgensi tugas", "en": "Task urgency"},
        "sec.warnings": {"id": "Catatan", "en": "Notes"},
        "suggestion": {"id": "Saran: {text}", "en": "Suggestion: {text}"},
        "more_rows": {
            "id": "dan {n} lainnya — diklat plan --format json untuk semuanya",
            "en": "and {n} more — diklat plan --format json for all of them",
        },
        "more_clashes": {
            "id": "dan {n} lainnya — diklat check untuk semuanya",
            "en": "and {n} more — diklat check for all of them",
        },
        "more_notes": {
            "id": "Saran untuk tiap temuan{more}: diklat check",
            "en": "Suggestions for each finding{more}: diklat check",
        },
        "more_notes.n": {
            "id": " dan {n} catatan lain",
            "en": " and 1 more note| and {n} more notes",
        },
        "next_working": {
            "id": "Hari kerja berikutnya: {date} — diklat plan --days {n}",
            "en": "Next working day: {date} — diklat plan --days {n}",
        },
        "late.line": {
            "id": "selesai {finish}, tenggat {due}",
            "en": "finishes {finish}, due {due}",
        },
        "late.never": {
            "id": "tidak selesai dalam rentang rencana, tenggat {due}",
            "en": "not finished within the planning horizon, due {due}",
        },
        "due": {"id": "tenggat {due}", "en": "due {due}"},
        "no_due": {"id": "tanpa tenggat", "en": "no due date"},
        "to": {"id": "kepada {name}", "en": "to {name}"},
        "urgency": {"id": "urgensi {n}", "en": "urgency {n}"},
        "no_terms": {"id": "tidak ada faktor urgensi", "en": "no urgency terms"},
        # week grid headers
        "col.day": {"id": "Hari", "en": "Day"},
        "col.planned": {"id": "Terencana", "en": "Planned"},
        "col.free": {"id": "Bebas", "en": "Free"},
        "col.load": {"id": "Beban", "en": "Load"},
        "col.what": {"id": "Isinya", "en": "What fills it"},
        "col.task": {"id": "Tugas", "en": "Task"},
        "col.quadrant": {"id": "Kuadran", "en": "Quadrant"},
        "col.urgency": {"id": "Urgensi", "en": "Urgency"},
        "col.terms": {"id": "Rincian", "en": "Terms"},
        "col.minutes": {"id": "Durasi", "en": "Time"},
        "col.reason": {"id": "Alasan", "en": "Reason"},
    }
)


# lines of "what moved since the last plan" before "and N more": a glance, not a log
MOVED_LIMIT = 6


class View(Record):
    """What to show of a plan, and in which words."""

    lang: Lang
    dates: tuple[date, ...]  # the days to show, in order (may include days before the plan)
    colleagues: Mapping[str, str] = field(default_factory=dict)  # colleague id -> name
    explain: bool = False
    week: bool = False
    # rows shown in each list section (what did not fit, late, delegated) before "and N more":
    # nobody reads thousands of lines, and the JSON keeps them all
    limit: int = 10
    explain_limit: int = 50  # --explain is asked for, so it may run longer


def zone(plan: Plan) -> str:
    return zone_abbreviation(plan.timezone)


def local(plan: Plan, moment: datetime) -> datetime:
    """A block's instant in the plan's zone (planners hand back aware datetimes in any zone)."""
    return moment.astimezone(ZoneInfo(plan.timezone))


def is_all_day(plan: Plan, b: Block) -> bool:
    s, e = local(plan, b.start), local(plan, b.end)
    return s.time() == time() and e.time() == time() and e.date() > s.date()


def span(plan: Plan, b: Block, lang: Lang) -> str:
    """'07.30–09.00' (id) / '07:30–09:00' (en); 'seharian' for a whole-day block."""
    if is_all_day(plan, b):
        return M(lang, "all_day")
    return f"{format_time(local(plan, b.start), lang)}–{format_time(local(plan, b.end), lang)}"


def kind_label(plan: Plan, b: Block, lang: Lang) -> str:
    if b.kind == "training":
        if b.mode == "online" or (b.link and b.mode != "offline"):
            return M(lang, "kind.online")
        if b.mode == "offline":
            return M(lang, "kind.offline")
        return M(lang, "kind.training")
    if b.kind == "event" and is_all_day(plan, b):
        return M(lang, "kind.allday")
    return M(lang, f"kind.{b.kind}")


def block_note(b: Block, lang: Lang) -> str:
    """The planner's reason for a block; a training's mode is said by its kind already."""
    return "" if b.kind == "training" else plan_words.block_note(b, lang)


def block_title(plan: Plan, b: Block, lang: Lang) -> str:
    """The title without a leading "Belajar mandiri: " that the kind column says already."""
    title = plan_words.block_title(b, lang)
    prefix = kind_label(plan, b, lang) + ": "
    return title[len(prefix) :] if title.startswith(prefix) else title


def quadrant_label(q: Quadrant, lang: Lang) -> str:
    """kerjakan / jadwalkan / delegasikan / tunda (do now / schedule / delegate / drop): the one
    label of a quadrant every view shows."""
    return M(lang, f"q.{q}")


def quadrant_long(q: Quadrant, lang: Lang) -> str:
    return M(lang, f"qlong.{q}")


def term_label(name: str, lang: Lang) -> str:
    """A term in words, as the prioritiser names it; an unknown term shows by its name."""
    try:
        return M(lang, f"term.{name}")
    except KeyError:
        return name


def severity_label(sev: str, lang: Lang) -> str:
    return M(lang, f"sev.{sev}") if sev in ("error", "warning", "info") else sev


def count(n: int, lang: Lang) -> str:
    """'9.990' in Indonesian, '9,990' in English."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "id" else text


def capped(rows: Sequence[T], limit: int) -> tuple[Sequence[T], int]:
    """The first `limit` rows (in the plan's own order) and how many are left out."""
    return rows[:limit], max(0, len(rows) - limit)


def more_rows(left: int, lang: Lang, key: str = "more_rows") -> str:
    """'dan 9.990 lainnya — diklat plan --format json untuk semuanya' (`key`: where to see them)."""
    return M(lang, key, n=count(left, lang))


def number(x: float, lang: Lang, places: int = 2) -> str:
    """'0,80' in Indonesian, '0.80' in English."""
    text = f"{x:.{places}f}"
    return text.replace(".", ",") if lang == "id" else text


def moment(plan: Plan, when: datetime, lang: Lang) -> str:
    """'Kamis, 3 Desember 2026 16.00'."""
    w = local(plan, when)
    return f"{format_date(w.date(), lang)} {format_time(w, lang)}"


def due_text(plan: Plan, t: TaskStatus, lang: Lang) -> str:
    return M(lang, "due", due=moment(plan, t.due, lang)) if t.due else M(lang, "no_due")


def heading(plan: Plan, d: date, lang: Lang) -> str:
    text = format_date(d, lang)
    if d == plan.today:
        return M(lang, "head.today", date=text, zone=zone(plan))
    if d == plan.today + timedelta(days=1):
        return M(lang, "head.tomorrow", date=text)
    return M(lang, "head.other", date=text)


def week_heading(plan: Plan, view: View) -> str:
    lang = view.lang
    return M(
        lang,
        "head.week",
        first=format_date(view.dates[0], lang, "long"),
        last=format_date(view.dates[-1], lang, "long"),
        zone=zone(plan),
    )


def off_line(day: DayPlan, lang: Lang) -> str:
    """'Libur — Akhir pekan', or 'Tidak di kantor — Pelatihan luring: …' on a day away."""
    away = any(b.kind == "training" and b.mode == "offline" for b in day.blocks)
    return M(lang, "off.prefix_away" if away else "off.prefix", why=off_reason(day, lang))


def off_reason(day: DayPlan, lang: Lang) -> str:
    """Why a day has no office work: the planner's note, else what its blocks and weekday say."""
    if day.note:
        return plan_words.day_note(day.note, lang)
    away = next((b for b in day.blocks if b.kind == "training" and b.mode == "offline"), None)
    if away is not None:
        return M(lang, "off.away", title=away.title)
    if day.date.weekday() >= 5:
        return M(lang, "off.weekend")
    return M(lang, "off.other")


def task_title(plan: Plan, ref: str) -> str:
    t = plan.task(ref)
    return t.title if t else ref


def colleague(view: View, cid: str) -> str:
    return view.colleagues.get(cid, cid)


class Load(Record):
    """How full a day is: planned minutes by kind, and what is left free."""

    task: int
    study: int
    fixed: int  # sessions and meetings
    free: int
    work: int

    @property
    def planned(self) -> int:
        return self.task + self.study + self.fixed


def load(day: DayPlan) -> Load:
    task = study = fixed = 0
    spans: list[tuple[datetime, datetime]] = []
    for b in day.blocks:
        if b.kind == "task":
            task += b.minutes
        elif b.kind == "study":
            study += b.minutes
        elif b.kind in ("training", "event") and b.busy and b.minutes < 24 * 60:
            spans.append((b.start, b.end))  # a whole-day block is a day away, said by the note
    # a meeting during an online session takes the same time once, not twice
    until: datetime | None = None
    for start, end in sorted(spans):
        if until is not None and start < until:
            start = until
        if end > start:
            fixed += int((end - start).total_seconds() // 60)
            until = end
    return Load(task, study, fixed, day.free_minutes, day.work_minutes)


def load_line(day: DayPlan, lang: Lang) -> str:
    ld = load(day)
    parts = [
        M(lang, key, d=format_duration(minutes, lang))
        for key, minutes in (
            ("load.task", ld.task),
            ("load.study", ld.study),
            ("load.fixed", ld.fixed),
        )
        if minutes
    ]
    joined = " · ".join(parts) or M(lang, "load.none")
    if not day.working or not ld.work:
        return M(lang, "load.off", parts=joined)
    return M(
        lang,
        "load",
        parts=joined,
        free=format_duration(ld.free, lang),
        work=format_duration(ld.work, lang),
    )


def fill(plan: Plan, day: DayPlan, lang: Lang) -> list[tuple[str, int]]:
    """What fills a day: (title, minutes), biggest first."""
    minutes: dict[str, int] = {}
    for b in day.blocks:
        if b.kind == "break" or not b.busy or (not day.working and b.kind == "training"):
            continue  # a day away is said by its reason; its session would only repeat it
        title = block_title(plan, b, lang)
        minutes[title] = minutes.get(title, 0) + b.minutes
    return sorted(minutes.items(), key=lambda kv: (-kv[1], kv[0]))


def fillers(plan: Plan, day: DayPlan, lang: Lang, limit: int = 3, width: int = 24) -> list[str]:
    """What fills a day, biggest first: 'Laporan realisasi TW IV 3 j' (long titles cut short)."""
    top = fill(plan, day, lang)
    out = [f"{shorten(title, width)} {format_duration(m, lang)}" for title, m in top[:limit]]
    if len(top) > limit:
        out.append("…")
    return out


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def shown_days(plan: Plan, view: View) -> Iterator[tuple[date, DayPlan | None]]:
    """Each date to show with its day of the plan (None before the plan starts)."""
    for d in view.dates:
        yield d, plan.day(d)


def late_tasks(plan: Plan) -> list[TaskStatus]:
    """Late tasks that are placed in full (the rest are listed as unscheduled already)."""
    unscheduled = {u.ref for u in plan.unscheduled}
    return [t for t in plan.tasks if t.late and t.id not in unscheduled and not t.delegated_to]


def late_text(plan: Plan, t: TaskStatus, lang: Lang) -> str:
    due = moment(plan, t.due, lang) if t.due else "—"
    if t.finish is None or t.remaining_minutes:
        return M(lang, "late.never", due=due)
    return M(lang, "late.line", finish=moment(plan, t.finish, lang), due=due)


def shown_conflicts(plan: Plan) -> tuple[list[Conflict], int]:
    """Errors and warnings for the day's view, and how many notes were left to `diklat check`.

    Notes (the year's JP tally, work already handed over) are worth a look once, not every
    morning; the JSON keeps them all.
    """
    shown = [c for c in plan.conflicts if c.severity != "info"]
    return shown, len(plan.conflicts) - len(shown)


def more_notes(plan: Plan, lang: Lang) -> str:
    """Where the suggestions and the notes left out of the day's view are."""
    _, notes = shown_conflicts(plan)
    more = M.count(lang, "more_notes.n", notes) if notes else ""
    return M(lang, "more_notes", more=more)


def next_working(plan: Plan, d: date, lang: Lang) -> str | None:
    """On a day off: which working day comes next, and how to see it."""
    nxt = next((x for x in plan.days if x.date > d and x.working), None)
    if nxt is None:
        return None
    n = (nxt.date - plan.today).days + 1
    return M(lang, "next_working", date=format_date(nxt.date, lang), n=n)


def delegated(plan: Plan) -> list[TaskStatus]:
    return [t for t in plan.tasks if t.delegated_to]


def suggested(plan: Plan) -> list[tuple[TaskStatus, int]]:
    """Open delegate-quadrant work with a colleague who could take it (still the user's): the
    first of each task's suggested occurrences, and how many there are."""
    first: dict[str, TaskStatus] = {}
    n: dict[str, int] = {}
    for t in plan.tasks:
        if t.suggest is not None and not t.done and not t.delegated_to:
            base = t.id.partition("@")[0]
            first.setdefault(base, t)
            n[base] = n.get(base, 0) + 1
    return [(t, n[base]) for base, t in first.items()]


def ranked(plan: Plan) -> list[TaskStatus]:
    """Tasks by urgency, most urgent first (ties by id, so the order is stable)."""
    return sorted(plan.tasks, key=lambda t: (-t.urgency, t.id))
