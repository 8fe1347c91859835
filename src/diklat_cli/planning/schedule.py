"""make_plan(workspace, today, ...) -> Plan: the pure planning core.

The free working time of the horizon becomes one line of minutes (epoch minutes, so a block is two
integers until the plan is built), and every task or occurrence a `Job` on it. On that line
(sweep.py):

1. Which tasks stay on time. Moore-Hodgson, run twice (important tasks first, then the rest with
   the important set locked), keeps the most tasks on time and never trades an important task for
   unimportant ones; what it drops is late, and is placed after the on-time work.
2. Where the work goes. A sweep through the free time gives each moment to the most preferred
   task (do before plan, important before not, urgency, deadline) *if* every on-time deadline
   still fits in the time left before it (a small index of "free time before each deadline
   minus work due by it"); otherwise to the earliest deadline (EDF), which is the floor.

Here: the jobs, their priorities and delegation; self-study, which goes into the study windows,
week by week, under the daily and weekly caps; and the plan built from the placed minutes.

docs/planning-choices.md explains each choice.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from operator import attrgetter
from zoneinfo import ZoneInfo

from ..i18n import Catalog, Lang, format_date, format_duration
from ..workspace.holidays_id import HolidayData
from ..workspace.models import Colleague, Task, Workspace
from ..workspace.state import Progress
from .calendar import BusyEvent, Calendar, subtract
from .occurrences import Ref, occurrences
from .plan import Block, DayPlan, Plan, Quadrant, TaskStatus, Unscheduled
from .prioritise import Ranking, rank
from .sweep import (
    INF,
    POMODORO_WORK,
    Job,
    Line,
    cut_at,
    place,
    rank_jobs,
    select_on_time,
    split_slots,
)

STUDY_BLOCK_CAP = 30  # study windows are short (12.10-12.40): a longer min_block would waste them

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
        "away": {"id": "Pelatihan luring: {title}", "en": "Offline training: {title}"},
        "weekend": {"id": "Akhir pekan", "en": "Weekend"},
        "off": {"id": "Bukan hari kerja", "en": "Not a working day"},
        "ramadan": {"id": "Ramadan", "en": "Ramadan"},
        "due": {"id": "tenggat {date}", "en": "due {date}"},
        "late": {"id": "terlambat: tenggat {date}", "en": "late: due {date}"},
        "overdue": {"id": "lewat tenggat {date}", "en": "overdue since {date}"},
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
            "id": "Baru bisa dikerjakan mulai {date}, sesudah akhir rencana ({last})",
            "en": "It can only start on {date}, after the plan ends ({last})",
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
        "estimated": {
            "id": "{name} ({date}) masih tanggal perkiraan; pastikan dengan keputusan resmi",
            "en": "{name} ({date}) is an estimated date; check the official decree",
        },
    }
)


@lru_cache(maxsize=1024)
def _day_text(d: date, lang: Lang, style: str = "short") -> str:
    # babel is slow per call and thousands of blocks share a few hundred due dates
    return format_date(d, lang, style)  # type: ignore[arg-type]


def _minute(dt: datetime) -> int:
    return int(dt.timestamp()) // 60


@dataclass
class _Ctx:
    """What the placement passes of one `make_plan` call share."""

    ws: Workspace
    cal: Calendar
    today: date
    last: date
    lang: Lang
    tz: ZoneInfo

    fixed_offset: bool = False  # the zone keeps one UTC offset over the horizon (Indonesia)
    origin_m: int = 0
    origin: datetime | None = None

    def dt(self, m: int) -> datetime:
        if self.fixed_offset and self.origin is not None:
            return self.origin + timedelta(minutes=m - self.origin_m)
        return datetime.fromtimestamp(m * 60, self.tz)

    def d(self, day: date, style: str = "medium") -> str:
        return _day_text(day, self.lang, style)


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _colleague_for(
    cx: _Ctx,
    task: Task,
    minutes: int,
    until: date,
    load: dict[tuple[str, date], int],
) -> Colleague | None:
    """A colleague with a skill the task is tagged with, spare capacity that week, not away."""
    if not task.tags or not cx.ws.colleagues:
        return None
    week = _monday(min(max(until, cx.today), cx.last))
    tags = set(task.tags)
    best: tuple[int, int, str] | None = None
    found: Colleague | None = None
    for c in cx.ws.colleagues:
        if c.capacity is None or not tags & set(c.skills):
            continue
        spare = c.capacity - load.get((c.id, week), 0)
        if spare < minutes:
            continue
        if any(a.start <= until and a.end >= cx.today for a in c.away):
            continue
        key = (-len(tags & set(c.skills)), -spare, c.id)
        if best is None or key < best:
            best, found = key, c
    return found


def _study(cx: _Ctx) -> tuple[list[Block], list[Unscheduled]]:
    """Each running training's weekly quota, pro rata for partial weeks, spread over the days."""
    ws, st = cx.ws, cx.ws.study
    trainings = sorted(
        (t for t in ws.trainings if t.study_per_week and t.end >= cx.today and t.start <= cx.last),
        key=lambda t: t.id,
    )
    blocks: list[Block] = []
    missing: list[Unscheduled] = []
    if not trainings:
        return blocks, missing
    min_block = min(ws.planning.min_block, STUDY_BLOCK_CAP)
    free: dict[date, list[tuple[int, int]]] = {}
    day_used: dict[date, int] = {}
    ends: set[tuple[str, int]] = set()  # where a study block ends, by training
    week = _monday(cx.today)
    while week <= cx.last:
        week_used = 0
        for t in trainings:
            assert t.study_per_week is not None
            lo, hi = max(t.start, cx.today, week), min(t.end, cx.last, week + timedelta(days=6))
            if lo > hi:
                continue
            days = [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]
            quota = round(t.study_per_week * len(days) / 7 / 5) * 5
            for d in days:
                if d not in free:
                    free[d] = [(_minute(a), _minute(b)) for a, b in cx.cal.study_time(d)]
            eligible = [d for d in days if free[d]]
            left = quota
            chunk = max(min_block, -(-quota // max(1, len(eligible)) // 5) * 5)
            placed = True
            while left > 0 and placed:
                placed = False
                for d in eligible:
                    if left <= 0:
                        break
                    cap = min(
                        chunk,
                        left,
                        st.max_per_day - day_used.get(d, 0),
                        st.max_per_week - week_used,
                    )
                    need = min(min_block, left)
                    if cap < need:
                        continue
                    spans = free[d]
                    if not spans:
                        continue
                    # a short remainder rather lengthens a block already there than makes a sliver
                    pick = next(
                        (i for i, (a, b) in enumerate(spans) if b - a >= cap and (t.id, a) in ends),
                        None,
                    )
                    if pick is None or cap >= min_block:
                        pick = next((i for i, (a, b) in enumerate(spans) if b - a >= cap), pick)
                    if pick is None:
                        longest = max(range(len(spans)), key=lambda i: spans[i][1] - spans[i][0])
                        if spans[longest][1] - spans[longest][0] < need:
                            continue
                        pick = longest
                        cap = spans[pick][1] - spans[pick][0]
                    a, b = spans[pick]
                    spans[pick : pick + 1] = [(a + cap, b)] if a + cap < b else []
                    blocks.append(
                        Block(
                            cx.dt(a),
                            cx.dt(a + cap),
                            "study",
                            t.id,
                            M(cx.lang, "study", title=t.title),
                        )
                    )
                    ends.add((t.id, a + cap))
                    day_used[d] = day_used.get(d, 0) + cap
                    week_used += cap
                    left -= cap
                    placed = True
            if left > 0:
                missing.append(
                    Unscheduled(
                        t.id,
                        left,
                        M(
                            cx.lang,
                            "study_short",
                            week=cx.d(week),
                            per_day=format_duration(st.max_per_day, cx.lang),
                            per_week=format_duration(st.max_per_week, cx.lang),
                        ),
                        M(cx.lang, "study_fix"),
                    )
                )
        week += timedelta(days=7)
    return blocks, missing


def _day_note(cx: _Ctx, d: date) -> str | None:
    info = cx.cal.day(d)
    if info.holiday is not None:
        key = {"public": "holiday", "government": "cuti", "local": "local"}[info.holiday.kind]
        return M(cx.lang, key, name=info.holiday.name)
    if info.away is not None:
        return M(cx.lang, "away", title=info.away.title)
    if not info.in_workweek:
        return M(cx.lang, "weekend" if d.weekday() >= 5 else "off")
    if info.ramadan:
        return M(cx.lang, "ramadan")
    return None


# A year's plan makes 10,000 task blocks and 10,000 statuses. A frozen dataclass's __init__
# calls object.__setattr__ once a field; these fill the same fields straight into the object's
# __dict__, three times as fast, and give an equal object (tests/test_sweep.py checks both
# against the classes, so a field added to plan.py shows up there).
_new = object.__new__


def _task_block(
    start: datetime, end: datetime, ref: str, title: str, quadrant: Quadrant, note: str
) -> Block:
    """Block(start, end, "task", ref, title, quadrant, note)."""
    block: Block = _new(Block)
    d = block.__dict__
    d["start"] = start
    d["end"] = end
    d["kind"] = "task"
    d["ref"] = ref
    d["title"] = title
    d["quadrant"] = quadrant
    d["note"] = note
    d["location"] = ""
    d["link"] = ""
    d["busy"] = True
    return block


def _task_status(j: Job, r: Ranking, end: datetime | None, late: bool) -> TaskStatus:
    """The TaskStatus of a job the sweep placed (or could not place)."""
    status: TaskStatus = _new(TaskStatus)
    d = status.__dict__
    d["id"] = j.id
    d["title"] = j.title
    d["quadrant"] = r.quadrant
    d["urgency"] = r.urgency
    d["terms"] = r.terms
    d["estimate_minutes"] = j.need
    d["scheduled_minutes"] = j.need - j.rem
    d["remaining_minutes"] = j.rem
    d["due"] = j.due
    d["finish"] = end
    d["late"] = late
    d["delegated_to"] = None
    d["important"] = j.task.important
    d["urgent"] = r.urgent
    d["done"] = False
    return status


def _unscheduled(ref: str, minutes: int, reason: str, suggestion: str) -> Unscheduled:
    """Unscheduled(ref, minutes, reason, suggestion): a year over capacity lists thousands."""
    item: Unscheduled = _new(Unscheduled)
    d = item.__dict__
    d["ref"] = ref
    d["minutes"] = minutes
    d["reason"] = reason
    d["suggestion"] = suggestion
    return item


def _status_groups(statuses: list[TaskStatus]) -> tuple[list[TaskStatus], ...]:
    groups: tuple[list[TaskStatus], ...] = ([], [], [], [])
    for s in statuses:
        groups[2 * s.done + (s.delegated_to is not None)].append(s)
    return groups


_KIND_ORDER = {"event": 0, "training": 1, "break": 2, "task": 3, "study": 4}


def make_plan(
    ws: Workspace,
    today: date,
    *,
    holidays: HolidayData,
    progress: Progress | None = None,
    busy: Sequence[BusyEvent] = (),
    lang: Lang = "id",
    now: datetime | None = None,
    calendar: Calendar | None = None,
) -> Plan:
    """The plan of the horizon from `today`.

    `now` (optional, the shell's clock): on today, work is placed only from that moment on, so a
    plan made at ten does not fill the morning that has gone. `calendar` (optional): the user's
    time for these same `ws`, `holidays` and `busy`, when the caller has one that spans the
    horizon (the CLI shares one with `conflicts.find`). Everything else is a pure function of the
    arguments.
    """
    # A year's plan builds some 100,000 objects that all live until it is returned: the cyclic
    # collector's passes over them (and over the workspace) free nothing and cost about a sixth
    # of the time. It is switched back on as it was found.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _make_plan(ws, today, holidays, progress, busy, lang, now, calendar)
    finally:
        if collecting:
            gc.enable()


def _make_plan(
    ws: Workspace,
    today: date,
    holidays: HolidayData,
    progress: Progress | None,
    busy: Sequence[BusyEvent],
    lang: Lang,
    now: datetime | None,
    calendar: Calendar | None,
) -> Plan:
    p = ws.planning
    last = today + timedelta(days=p.horizon_days - 1)
    if calendar is not None and calendar.first <= today and last <= calendar.last:
        cal = calendar
    else:
        cal = Calendar(ws, holidays, today, last, busy)
    tz = cal.tz
    cx = _Ctx(ws, cal, today, last, lang, tz)
    cx.origin = datetime.combine(today, time(), tz)
    cx.origin_m = _minute(cx.origin)
    # Indonesia keeps one UTC offset all year; a zone that changes it gets the slow, exact path
    noons = [today + timedelta(days=i) for i in range(0, (last - today).days + 1, 7)] + [last]
    cx.fixed_offset = len({datetime.combine(d, time(12), tz).utcoffset() for d in noons}) == 1
    progress = progress or Progress()
    midnight = datetime.combine(today, time(), tz)
    start_m = _minute(midnight)
    end_m = _minute(datetime.combine(last + timedelta(days=1), time(), tz))
    days = [today + timedelta(days=i) for i in range((last - today).days + 1)]
    free_by_day, free_before = _free_time(cx, days, now)

    statuses, jobs, load = _work(cx, progress, free_before, midnight)
    gaps = _place_all(cx, jobs, days, free_by_day, start_m, end_m)

    job_statuses, unscheduled, blocks_by_day, used = _outcome(
        cx, jobs, days, gaps, start_m, end_m, load
    )
    statuses += job_statuses

    study_blocks, study_missing = _study(cx)
    for sb in study_blocks:
        blocks_by_day[sb.start.date()].append(sb)
    unscheduled += study_missing

    out_days = [_day_plan(cx, d, blocks_by_day[d], free_by_day[d], used.get(d, 0)) for d in days]

    warnings = [
        M(lang, "estimated", name=holidays.days[d].name, date=cx.d(d, "full"))
        for d in sorted(holidays.estimated)
        if today <= d <= last and d in holidays.days
    ]
    # open work first, then delegated, then done; each by urgency, then id (two sorts on one
    # plain key each: a year of statuses compares tuples slowly)
    statuses.sort(key=attrgetter("id"))
    statuses.sort(key=attrgetter("urgency"), reverse=True)
    statuses = [s for group in _status_groups(statuses) for s in group]
    return Plan(
        timezone=ws.profile.timezone,
        today=today,
        days=tuple(out_days),
        tasks=tuple(statuses),
        unscheduled=tuple(unscheduled),
        warnings=tuple(warnings),
    )


def _work(
    cx: _Ctx, progress: Progress, free_before: dict[date, int], midnight: datetime
) -> tuple[list[TaskStatus], list[Job], dict[tuple[str, date], int]]:
    """The tasks and their occurrences as jobs to place, or as statuses already settled (done,
    nothing left, delegated); delegate-quadrant work goes to a colleague who fits. Also the
    minutes handed to each colleague per week, for the suggestions of what does not fit."""
    ws, cal, today, last, tz = cx.ws, cx.cal, cx.today, cx.last, cx.tz
    p = ws.planning
    statuses: list[TaskStatus] = []
    jobs: list[Job] = []
    load: dict[tuple[str, date], int] = {}  # colleague's handed-over minutes per week

    # thousands of tasks share a few hundred dates: each date's instant (and its minute) is made
    # once, and the date itself is the cheap key (an aware datetime hashes through its zone)
    instants: dict[tuple[date | datetime, bool], tuple[datetime, int]] = {}

    def when(value: date | datetime | None, end: bool) -> tuple[datetime, int] | None:
        if value is None:
            return None
        hit = instants.get((value, end))
        if hit is None:
            if isinstance(value, datetime):
                at = value
            else:
                at = cal.end_of_work(value) if end else datetime.combine(value, time(), tz)
            hit = instants[value, end] = (at, _minute(at))
        return hit

    ranked: dict[tuple[object, ...], Ranking] = {}
    working_days: dict[date, int] = {}  # from today to a due day, as far as urgency looks

    def ranking(
        task: Task, due: datetime | None, release: datetime | None, key: tuple[object, ...]
    ) -> Ranking:
        # rank each combination of due, start and flags once
        key = (*key, task.important, task.urgent)
        r = ranked.get(key)
        if r is None:
            r = ranked[key] = _ranking(task, due, release)
        return r

    def _ranking(task: Task, due: datetime | None, release: datetime | None) -> Ranking:
        days_left: int | None = None
        if due is not None:
            due_day = due.astimezone(tz).date()
            days_left = working_days.get(due_day)
            if days_left is None:
                days_left = working_days[due_day] = (
                    0
                    if due_day <= today
                    else cal.working_days_between(today, due_day, p.urgent_within_days + 1)
                )
        return rank(
            now=midnight,
            due=due,
            available=release,
            important=task.important,
            forced=task.urgent,
            working_days_to_due=days_left,
            urgent_within_days=p.urgent_within_days,
        )

    def status(
        ref: str,
        task: Task,
        r: Ranking,
        need: int,
        due: datetime | None,
        *,
        scheduled: int = 0,
        remaining: int = 0,
        finish: datetime | None = None,
        late: bool = False,
        delegated_to: str | None = None,
        done: bool = False,
    ) -> TaskStatus:
        return TaskStatus(
            id=ref,
            title=task.title,
            quadrant=r.quadrant,
            urgency=r.urgency,
            terms=r.terms,
            estimate_minutes=need,
            scheduled_minutes=scheduled,
            remaining_minutes=remaining,
            due=due,
            finish=finish,
            late=late,
            delegated_to=delegated_to,
            important=task.important,
            urgent=r.urgent,
            done=done,
        )

    pending_delegate: list[Job] = []
    Instant = tuple[datetime, int] | None
    for task in sorted(ws.tasks, key=lambda t: t.id):
        # (ref, due, release, the key the due and the release are known by)
        items: list[tuple[str, Instant, Instant, tuple[object, ...]]] = []
        available = when(task.available, end=False)
        if task.recurs and task.from_:
            prev: date | None = None
            opened: date | None = None  # the day the current occurrence may start
            for d in occurrences(task, max(today, task.from_), last):
                # an occurrence opens the day after the previous one; one whose window holds
                # too little working time (a week of Lebaran leave) shares the previous window
                if prev is not None:
                    nxt = prev + timedelta(days=1)
                    if free_before[d + timedelta(days=1)] - free_before[nxt] >= task.estimate:
                        opened = nxt
                opens = when(opened, end=False)
                rkey: object = opened
                if available is not None and (opens is None or available[0] > opens[0]):
                    opens, rkey = available, task.available
                items.append((str(Ref(task.id, d)), when(d, True), opens, (d, rkey)))
                prev = d
        elif not task.delegate_to and task.estimate > 0 and task.id not in progress.tasks:
            # the common case, inline: a one-off task with no progress recorded
            due_at = when(task.due, True)
            rank_key: tuple[object, ...] = (task.due, task.available, task.important, task.urgent)
            r = ranked.get(rank_key)  # ranking(), inline
            if r is None:
                due = due_at[0] if due_at else None
                release = available[0] if available else None
                r = ranked[rank_key] = _ranking(task, due, release)
            job = Job(
                task.id,
                task,
                due_at[0] if due_at else None,
                due_at[1] if due_at else INF,
                available[0] if available else None,
                available[1] if available else -INF,
                task.estimate,
                r,
                task.min_block or p.min_block,
            )
            if r.quadrant == "delegate" and task.tags and not task.hold_until_return:
                pending_delegate.append(job)
            jobs.append(job)
            continue
        else:
            items.append((task.id, when(task.due, True), available, (task.due, task.available)))
        for ref, due_at, release_at, key in items:
            due = due_at[0] if due_at else None
            release = release_at[0] if release_at else None
            tp = progress.of(ref)
            need = max(0, task.estimate - tp.spent_minutes)
            r = ranking(task, due, release, key)
            if tp.done:
                statuses.append(status(ref, task, r, 0, due, done=True))
            elif task.delegate_to:
                statuses.append(status(ref, task, r, need, due, delegated_to=task.delegate_to))
            elif need == 0:
                statuses.append(status(ref, task, r, 0, due))
            else:
                job = Job(
                    ref,
                    task,
                    due,
                    due_at[1] if due_at else INF,
                    release,
                    release_at[1] if release_at else -INF,
                    need,
                    r,
                    task.min_block or p.min_block,
                )
                if r.quadrant == "delegate" and task.tags and not task.hold_until_return:
                    pending_delegate.append(job)
                jobs.append(job)

    delegated = _delegate(cx, pending_delegate, load)
    statuses += (
        status(j.id, j.task, j.ranking, j.need, j.due, delegated_to=to) for j, to in delegated
    )
    given = {j.id for j, _ in delegated}
    jobs = [j for j in jobs if j.id not in given]
    return statuses, jobs, load


def _outcome(
    cx: _Ctx,
    jobs: list[Job],
    days: list[date],
    gaps: list[tuple[int, int]],
    start_m: int,
    end_m: int,
    load: dict[tuple[str, date], int],
) -> tuple[list[TaskStatus], list[Unscheduled], dict[date, list[Block]], dict[date, int]]:
    """What the sweep made of the jobs: their statuses, what did not fit (with a reason and a
    suggestion), the task blocks and pomodoro rests of each day, and each day's minutes used."""
    lang, tz, last = cx.lang, cx.tz, cx.last
    statuses: list[TaskStatus] = []
    unscheduled: list[Unscheduled] = []
    blocks_by_day: dict[date, list[Block]] = {d: [] for d in days}
    task_edges: set[int] = set()
    task_starts: set[int] = set()
    last_text = cx.d(last)
    # thousands of blocks and statuses share a few hundred due dates, notes, reasons and edges
    notes: dict[tuple[date, str], str] = {}
    texts: dict[tuple[str, object], str] = {}
    due_days: dict[int, date] = {}
    instant: dict[int, datetime] = {}
    task_minutes: dict[date, int] = {}  # task work placed on each day
    dt = cx.dt
    if cx.fixed_offset:  # Indonesia: a minute is the same offset from today's midnight all year
        origin, origin_m = cx.origin, cx.origin_m
        assert origin is not None
        # each day's midnight plus the minute of the day: one addition of two made once
        midnights = [origin + timedelta(days=i) for i in range(len(days) + 1)]
        of_day: dict[int, timedelta] = {}

        def dt(m: int) -> datetime:
            day, minute = divmod(m - origin_m, 1440)
            step = of_day.get(minute)
            if step is None:
                step = of_day[minute] = timedelta(minutes=minute)
            return midnights[day] + step

    get_instant = instant.get
    for j in sorted(jobs, key=attrgetter("pref")):
        due_m = j.due_m
        due_day: date | None = None
        blocks = j.blocks
        late = False
        if j.due is not None:
            due_day = due_days.get(due_m)
            if due_day is None:
                due_day = due_days[due_m] = j.due.astimezone(tz).date()
            # finished after its due instant, or not at all
            late = due_m <= end_m and (
                due_m <= start_m or j.rem > 0 or (bool(blocks) and blocks[-1][1] > due_m)
            )
        note = ""
        if due_day is not None:
            kind = ("overdue" if due_m <= start_m else "late") if late else "due"
            note = notes.get((due_day, kind), "")
            if not note:
                note = notes[due_day, kind] = M(lang, kind, date=cx.d(due_day, "short"))
        end: datetime | None = None  # the end of its last block: when it is finished
        r = j.ranking
        if blocks:
            ref, title, quadrant = j.id, j.title, r.quadrant
            for a, b in blocks:
                start = get_instant(a)
                if start is None:
                    start = instant[a] = dt(a)
                end = get_instant(b)
                if end is None:
                    end = instant[b] = dt(b)
                day = start.date()
                blocks_by_day[day].append(_task_block(start, end, ref, title, quadrant, note))
                task_minutes[day] = task_minutes.get(day, 0) + b - a
            if gaps:
                task_edges.update(b for _, b in blocks)
                task_starts.update(a for a, _ in blocks)
        statuses.append(_task_status(j, r, end, late))
        if j.rem > 0:
            if j.release_m >= end_m and j.release is not None:
                text_key: tuple[str, object] = ("after", j.release_m)
                reason = texts.get(text_key, "")
                if not reason:
                    on = cx.d(j.release.astimezone(tz).date())
                    reason = texts[text_key] = M(lang, "after", date=on, last=last_text)
            elif due_day is not None and due_m <= end_m:
                why = "overdue_full" if j.overdue else ("too_big" if j.too_big else "given_up")
                text_key = (why, due_day)
                reason = texts.get(text_key, "")
                if not reason:
                    reason = texts[text_key] = M(lang, why, last=last_text, due=cx.d(due_day))
            else:
                reason = texts.get(("full", None), "")
                if not reason:
                    reason = texts["full", None] = M(lang, "full", last=last_text)
            c = _colleague_for(cx, j.task, j.rem, due_day or last, load)
            if c is not None:
                skill = next(s for s in c.skills if s in j.task.tags)
                assert c.capacity is not None
                hint = M(
                    lang,
                    "colleague",
                    name=c.name,
                    skill=skill,
                    cap=format_duration(c.capacity, lang),
                    id=c.id,
                )
            elif due_day is not None:
                text_key = ("move_due", due_day)
                hint = texts.get(text_key, "")
                if not hint:
                    hint = texts[text_key] = M(lang, "move_due", due=cx.d(due_day))
            else:
                hint = M(lang, "horizon")
            unscheduled.append(_unscheduled(j.id, j.rem, reason, hint))

    rest_by_day: dict[date, int] = {}
    for a, b in gaps:  # a pomodoro rest shows only between two pieces of work
        if a in task_edges and b in task_starts:
            start = cx.dt(a)
            rest_by_day[start.date()] = rest_by_day.get(start.date(), 0) + b - a
            blocks_by_day[start.date()].append(
                Block(start, cx.dt(b), "break", None, M(lang, "pomodoro"))
            )

    for d, minutes in rest_by_day.items():
        task_minutes[d] = task_minutes.get(d, 0) + minutes
    return statuses, unscheduled, blocks_by_day, task_minutes


def _free_time(
    cx: _Ctx, days: list[date], now: datetime | None
) -> tuple[dict[date, list[tuple[int, int]]], dict[date, int]]:
    """Each day's free working time in epoch minutes (from `now` on, today), and the free minutes
    from today up to the start of each day (and of the day after the last)."""
    cal, today = cx.cal, cx.today
    free_by_day = {d: [(_minute(a), _minute(b)) for a, b in cal.free(d)] for d in days}
    if now is not None and now.astimezone(cx.tz).date() == today:
        cut = -(-_minute(now) // 5) * 5  # from the next five minutes on
        free_by_day[today] = [(max(a, cut), b) for a, b in free_by_day[today] if b > cut]
    free_before: dict[date, int] = {}
    running = 0
    for d in [*days, cx.last + timedelta(days=1)]:
        free_before[d] = running
        running += sum(e - s for s, e in free_by_day.get(d, ()))
    return free_by_day, free_before


def _delegate(
    cx: _Ctx, pending: list[Job], load: dict[tuple[str, date], int]
) -> list[tuple[Job, str]]:
    """Delegate-quadrant work to a colleague who fits, most urgent first: (job, colleague id)."""
    out: list[tuple[Job, str]] = []
    for job in sorted(pending, key=lambda j: (-j.ranking.urgency, j.id)):
        until = job.due.astimezone(cx.tz).date() if job.due else cx.last
        c = _colleague_for(cx, job.task, job.need, until, load)
        if c is None:
            continue
        key = (c.id, _monday(min(max(until, cx.today), cx.last)))
        load[key] = load.get(key, 0) + job.need
        out.append((job, c.id))
    return out


def _place_all(
    cx: _Ctx,
    jobs: list[Job],
    days: list[date],
    free_by_day: dict[date, list[tuple[int, int]]],
    start_m: int,
    end_m: int,
) -> list[tuple[int, int]]:
    """Choose the on-time set and place every job on the line of free time; returns the gaps
    between work pieces (pomodoro rests, slack) that may show as breaks."""
    p = cx.ws.planning
    if p.pomodoro:
        for j in jobs:
            j.mb = min(j.mb, POMODORO_WORK)
    releases = sorted({j.release_m for j in jobs if start_m < j.release_m < end_m})
    shortest = min((j.mb for j in jobs), default=p.min_block)

    def line_for(slack: int) -> tuple[Line, list[tuple[int, int]]]:
        slots: list[tuple[int, int]] = []
        gaps: list[tuple[int, int]] = []
        for d in days:
            # a gap shorter than any task's min_block between two meetings is no time for work
            usable = [(a, b) for a, b in free_by_day[d] if b - a >= shortest]
            s, g = split_slots(usable, slack, p.pomodoro)
            slots += s
            gaps += g
        return Line(cut_at(slots, releases)), gaps

    full, gaps_full = line_for(0)
    for j in jobs:
        j.pref = 0
        if j.due is None or j.due_m > end_m:
            j.beyond = True
        elif j.due_m <= start_m or j.need > full.upto(j.due_m) - full.upto(j.release_m):
            j.late = True  # overdue, or too big for the time between its start and its deadline
            j.overdue = j.due_m <= start_m
            j.too_big = not j.overdue
    rank_jobs(jobs)
    select_on_time([j for j in jobs if not j.beyond and not j.late], full)

    if p.slack > 0:
        line, gaps = line_for(p.slack)
        chosen = {j.id for j in jobs if j.ontime}
        if place(jobs, line):  # slack never costs a deadline that could be met
            for j in jobs:
                j.ontime = j.id in chosen
                j.late = not j.ontime and not j.beyond
            gaps = gaps_full
            place(jobs, full)
        return gaps
    place(jobs, full)
    return gaps_full


def _day_plan(
    cx: _Ctx, d: date, placed: list[Block], free: list[tuple[int, int]], used: int
) -> DayPlan:
    """One day: its fixed blocks, breaks and placed work in time order, and how full it is."""
    cal, lang, tz = cx.cal, cx.lang, cx.tz
    info = cal.day(d)
    fixed = []
    for fb in cal.fixed(d):
        if fb.kind == "training" and fb.note in ("offline", "online"):
            fb = Block(
                fb.start,
                fb.end,
                fb.kind,
                fb.ref,
                fb.title,
                fb.quadrant,
                M(lang, fb.note),
                fb.location,
                fb.link,
                fb.busy,
                fb.zone,
            )
        fixed.append(fb)
    study_here = [(b.start, b.end) for b in placed if b.kind == "study"]
    breaks: list[Block] = []
    if info.working:
        cuts = [(b.start, b.end) for b in fixed] + study_here
        for br in info.breaks:
            for x0, x1 in subtract([br.on(d, tz)], cuts):
                breaks.append(Block(x0, x1, "break", None, M(lang, "break")))
    # no two placed blocks share a start: sorted once, with the rest, unless study merges
    merged = _merge_study(placed) if study_here else placed
    all_blocks = sorted(fixed + breaks + merged, key=_block_order)
    work = sum(_minute(x1) - _minute(x0) for x0, x1 in cal.work_time(d))
    return DayPlan(
        date=d,
        working=info.working,
        note=_day_note(cx, d),
        blocks=tuple(all_blocks),
        free_minutes=max(0, sum(e - s for s, e in free) - used),
        work_minutes=work,
    )


def _block_order(b: Block) -> tuple[datetime, datetime, int]:
    return (b.start, b.end, _KIND_ORDER[b.kind])


def _merge_study(blocks: list[Block]) -> list[Block]:
    """Join back-to-back study blocks of the same training into one."""
    out: list[Block] = []
    for b in sorted(blocks, key=_block_order):
        prev = out[-1] if out else None
        if (
            prev is not None
            and b.kind == "study"
            and prev.kind == "study"
            and prev.ref == b.ref
            and prev.end == b.start
        ):
            out[-1] = Block(prev.start, b.end, "study", b.ref, b.title)
        else:
            out.append(b)
    return out


__all__ = ["make_plan"]
