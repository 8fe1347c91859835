"""What clashes: busy periods, meetings vs online sessions, overload, deadlines while away.

`find` is pure: the holidays, the imported busy time and `today` come in as values. It looks at
trainings that have not ended yet and at work due from today on; each finding says what, how bad,
which items, and what to do. `diklat check` prints them; `diklat plan` merges them into the day.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

from ..i18n import Catalog, Lang, format_date, format_duration
from ..record import Record
from ..workspace.holidays_id import HolidayData
from ..workspace.models import Quiet, Training, Workspace
from ..workspace.state import Progress
from .calendar import BusyEvent, Calendar, event_days, session_days
from .handover import AFTER_RETURN, absence, is_off, work_items
from .occurrences import Ref, occurrences
from .plan import Conflict, Plan, Severity

LONG_ABSENCE = 3  # more working days away than this needs a Plh (SE BKN 1/SE/I/2021 practice)
SHOWN_DATES = 4  # dates listed in one message before "and N more"
SHOWN_TITLES = 5  # titles named in one overload message before "and N more" (refs keep them all)
JP_WARN_FROM = (7, 1)  # from 1 July a year short of its JP target is a warning, before a note
PPPK_JP_CEILING = 24  # PP 49/2018 Pasal 40: at most 24 JP a year for PPPK (domain.md 2.2)

M = Catalog(
    {
        "span": {"id": "{a} s.d. {b}", "en": "{a} to {b}"},
        "more": {"id": "dan {n} lainnya", "en": "and {n} more"},
        "quiet": {
            "id": '{training} ({days}) jatuh dalam masa sibuk "{quiet}" ({period}){roles}.',
            "en": '{training} ({days}) falls in the busy period "{quiet}" ({period}){roles}.',
        },
        "quiet_roles": {"id": ", untuk peran {roles}", "en": ", for the roles {roles}"},
        "quiet_fix_avoid": {
            "id": "Konsultasikan dengan atasan sebelum mendaftar, dan cari tanggal lain: "
            "diklat check --suggest {id}",
            "en": "Talk to your supervisor before enrolling, and look for other dates: "
            "diklat check --suggest {id}",
        },
        "quiet_fix_caution": {
            "id": "Sepakati pembagian tugas dengan atasan sebelum berangkat, atau cari tanggal lain: "
            "diklat check --suggest {id}",
            "en": "Agree with your supervisor who covers your work, or look for other dates: "
            "diklat check --suggest {id}",
        },
        "meeting": {
            "id": 'Sesi daring {training} bentrok dengan "{meeting}" pada {dates}.',
            "en": 'An online session of {training} clashes with "{meeting}" on {dates}.',
        },
        "meeting_fix": {
            "id": "Jangan ikut sesi sambil rapat: minta izin kepada pimpinan rapat dan kirim wakil, "
            "atau minta jadwal/rekaman sesi lain kepada penyelenggara.",
            "en": "Do not attend both at once: excuse yourself from the meeting and send someone, "
            "or ask the provider for another slot or the recording.",
        },
        "trainings": {
            "id": "{a} dan {b} berlangsung pada waktu yang sama: {dates}.",
            "en": "{a} and {b} take place at the same time: {dates}.",
        },
        "trainings_fix": {
            "id": "Pilih salah satu, atau minta jadwal lain kepada penyelenggara.",
            "en": "Choose one, or ask a provider for other dates.",
        },
        "due_away": {
            "id": "{task} jatuh tempo saat Anda di pelatihan luring {training}: {dates}.",
            "en": "{task} is due while you are away at {training}: {dates}.",
        },
        "due_away_fix": {
            "id": "Selesaikan sebelum berangkat ({before}), atau serahkan ke rekan: tulis "
            'delegate_to = "..." di tugas atau handover_to = "..." di pelatihan.',
            "en": "Finish it before you leave ({before}), or hand it over: set delegate_to on the "
            "task or handover_to on the training.",
        },
        "due_away_candidate": {
            "id": "Calon penerima: {name} ({why}).",
            "en": "A candidate: {name} ({why}).",
        },
        "due_away_covered": {
            "id": "Diserahkan kepada {name}; pastikan masuk lembar serah terima: diklat handover {id}",
            "en": "Handed to {name}; make sure it is on the handover sheet: diklat handover {id}",
        },
        "overload": {
            "id": "Minggu {week}: pekerjaan yang jatuh tempo ({titles}) butuh {need}, "
            "waktu kerja yang tersisa hanya {free}; kurang {short}.",
            "en": "Week of {week}: the work due ({titles}) needs {need}, "
            "only {free} of working time is left; {short} short.",
        },
        "overload_fix": {
            "id": "Serahkan sebagian ke rekan (delegate_to), bicarakan tenggat dengan atasan, "
            "atau mulai lebih awal.",
            "en": "Hand some of it over (delegate_to), agree a later deadline with your supervisor, "
            "or start earlier.",
        },
        "colleague_load": {
            "id": "{name} menerima {load} pekerjaan limpahan pada minggu {week} ({titles}), "
            "melebihi kapasitasnya {cap} per minggu.",
            "en": "{name} receives {load} of handed-over work in the week of {week} ({titles}), "
            "more than their capacity of {cap} a week.",
        },
        "colleague_load_fix": {
            "id": "Bagi ke rekan lain (delegate_to di tugas), atau selesaikan sebagian sebelum "
            "berangkat.",
            "en": "Share it with another colleague (delegate_to on the task), or finish part of "
            "it before you leave.",
        },
        "colleague_away": {
            "id": "{name} berhalangan ({away}) padahal {what} pada {day}.",
            "en": "{name} is away ({away}) but {what} on {day}.",
        },
        "needed_task": {"id": 'diperlukan untuk "{task}"', "en": 'is needed for "{task}"'},
        "needed_deputy": {
            "id": "ditunjuk sebagai Plh selama {training}",
            "en": "is named Plh during {training}",
        },
        "needed_meeting": {
            "id": 'mewakili Anda di "{meeting}"',
            "en": 'attends "{meeting}" for you',
        },
        "colleague_away_fix": {
            "id": "Tunjuk rekan lain untuk hari itu.",
            "en": "Name another colleague for that day.",
        },
        "holiday": {
            "id": "Sesi {training} dijadwalkan pada hari libur: {dates}.",
            "en": "A session of {training} is set on a holiday: {dates}.",
        },
        "holiday_fix": {
            "id": "Tanyakan kepada penyelenggara apakah sesi itu tetap berjalan.",
            "en": "Ask the provider whether the session still takes place.",
        },
        "no_deputy": {
            "id": "Anda meninggalkan kantor {n} hari kerja untuk {training} tanpa Plh (deputy).",
            "en": "You are away from the office for {n} working days at {training} with no "
            "Plh (deputy) named.",
        },
        "no_deputy_fix": {
            "id": 'Minta atasan menunjuk Plh dengan Surat Perintah, lalu tulis deputy = "..." di '
            "[[training]]; untuk jabatan nonstruktural cukup serah terima tugas (handover_to).",
            "en": "Ask your supervisor to appoint a Plh by Surat Perintah and set deputy on the "
            "[[training]]; for a non-structural post a task handover (handover_to) is enough.",
        },
        "jp_met": {
            "id": "JP tahun {year}: {done} JP dari pelatihan yang selesai{underway}, target {target} "
            "JP sudah terpenuhi.",
            "en": "JP in {year}: {done} JP from finished trainings{underway}; the target of "
            "{target} JP is met.",
        },
        "jp_track": {
            "id": "JP tahun {year}: {done} JP dari pelatihan yang selesai{underway}; dengan yang "
            "direncanakan ({planned} JP) target {target} JP akan terpenuhi.",
            "en": "JP in {year}: {done} JP from finished trainings{underway}; with what is planned "
            "({planned} JP) the target of {target} JP will be met.",
        },
        "jp_short": {
            "id": "JP tahun {year}: {done} JP dari pelatihan yang selesai{underway}, direncanakan "
            "{planned} JP; kurang {short} JP dari target {target} JP.",
            "en": "JP in {year}: {done} JP from finished trainings{underway}, {planned} JP planned; "
            "{short} JP short of the target of {target} JP.",
        },
        "jp_underway": {
            "id": ", sekitar {n} JP dari yang sedang berjalan",
            "en": ", about {n} JP from the one under way",
        },
        "jp_fix_short": {
            "id": "Cari pelatihan, e-learning atau coaching/mentoring yang diakui untuk menutup "
            "kekurangan, dan bicarakan di rencana SKP dengan atasan.",
            "en": "Look for a training, e-learning or coaching that counts to close the gap, and "
            "put it in your SKP plan with your supervisor.",
        },
        "jp_pppk": {
            "id": "JP tahun {year} ({total} JP) melebihi 24 JP: bagi PPPK, PP 49/2018 Pasal 40 "
            "membatasi pengembangan kompetensi paling lama 24 JP dalam 1 tahun masa perjanjian kerja.",
            "en": "JP in {year} ({total} JP) is above 24 JP: for PPPK, PP 49/2018 Article 40 limits "
            "competence development to at most 24 JP in a year of the work agreement.",
        },
        "jp_fix_pppk": {
            "id": "Tanyakan ke bagian kepegawaian (BKPSDM) apakah batas ini masih berlaku sejak UU "
            "20/2023 Pasal 49 mewajibkan setiap ASN terus belajar, dan minta persetujuan atasan.",
            "en": "Ask the personnel office (BKPSDM) whether the limit still applies now that Law "
            "20/2023 Article 49 obliges every ASN to keep learning, and get your supervisor's "
            "approval.",
        },
        "jp_fix_ok": {
            "id": "Catat sertifikatnya di SIASN/MyASN setelah selesai.",
            "en": "Record the certificates in SIASN/MyASN once finished.",
        },
    }
)


def window(ws: Workspace, today: date) -> tuple[date, date]:
    """The days `find` looks at: running trainings and deadlines from today, a year at most."""
    first = today
    last = today + timedelta(days=ws.planning.horizon_days)
    for t in ws.trainings:
        if t.end >= today:
            first = min(first, t.start)
            last = max(last, t.end + timedelta(days=21))
    last = max(last, max((_day(t.due) or today for t in ws.tasks), default=today))
    return first, min(last, today + timedelta(days=400))


def _day(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


class _Ctx(Record):
    """What every check of one `find` call shares: workspace, calendar, language."""

    ws: Workspace
    today: date
    cal: Calendar
    lang: Lang
    plan: Plan | None

    def d(self, day: date) -> str:
        return format_date(day, self.lang, "medium")

    def dates(self, days: Sequence[date]) -> str:
        one_year = len({x.year for x in days}) == 1
        shown = ", ".join(
            format_date(x, self.lang, "short") + ("" if one_year else f" {x.year}")
            for x in days[:SHOWN_DATES]
        )
        if days and one_year:
            shown += f" {days[0].year}"
        if len(days) > SHOWN_DATES:
            shown += " " + M(self.lang, "more", n=len(days) - SHOWN_DATES)
        return shown

    def span(self, a: date, b: date) -> str:
        return self.d(a) if a == b else M(self.lang, "span", a=self.d(a), b=self.d(b))

    def h(self, minutes: int) -> str:
        return format_duration(minutes, self.lang)

    def off(self, day: date) -> bool:
        return is_off(self.ws, self.cal, day)

    def remaining(self, ref: str, estimate: int) -> int:
        """Effort left: the plan's figure when it knows the task (it has the progress)."""
        if self.plan is not None:
            st = self.plan.task(ref)
            if st is not None:
                return 0 if st.done else st.estimate_minutes
        return estimate


def find(
    ws: Workspace,
    today: date,
    *,
    holidays: HolidayData,
    busy: Sequence[BusyEvent] = (),
    lang: Lang = "id",
    plan: Plan | None = None,
    calendar: Calendar | None = None,
) -> list[Conflict]:
    """Every finding about the workspace from `today` on, errors first.

    `calendar`: the user's time for these same `ws`, `holidays` and `busy`, when the caller has
    one that spans `window(ws, today)` (the CLI shares the plan's).
    """
    first, last = window(ws, today)
    if calendar is None or not (calendar.first <= first and last <= calendar.last):
        calendar = Calendar(ws, holidays, first, last, busy)
    cx = _Ctx(ws, today, calendar, lang, plan)
    active = [t for t in ws.trainings if t.end >= today]
    found: list[Conflict] = []
    for t in active:
        found += _quiet(cx, t)
        found += _meetings(cx, t)
        found += _holiday_sessions(cx, t)
        found += _due_away(cx, t)
        found += _no_deputy(cx, t)
        found += _colleagues(cx, t)
    found += _training_clashes(cx, active)
    found += _overload(cx, last)
    found += _jp(cx)
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(found, key=lambda c: order[c.severity])


# --- busy periods ------------------------------------------------------------------------------


def training_days(cx: _Ctx, t: Training) -> list[date]:
    """Days a training takes from today on: every session day; an offline training's whole run."""
    days: set[date] = set()
    for s in t.session:
        days.update(session_days(s, t.start, t.end, cx.off))
    if t.format == "offline" or not t.session:
        days.update(t.start + timedelta(days=i) for i in range((t.end - t.start).days + 1))
    return sorted(d for d in days if d >= cx.today)


def concerns(q: Quiet, roles: Iterable[str]) -> bool:
    """A busy period without roles (or for `umum`) concerns everyone."""
    return not q.roles or "umum" in q.roles or bool(set(q.roles) & set(roles))


def _quiet(cx: _Ctx, t: Training) -> list[Conflict]:
    days = training_days(cx, t)
    out = []
    for q in cx.ws.quiet:
        if not concerns(q, cx.ws.profile.roles):
            continue
        hit = [d for d in days if q.start <= d <= q.end]
        if not hit:
            continue
        roles = (
            M(cx.lang, "quiet_roles", roles=", ".join(q.roles))
            if q.roles and "umum" not in q.roles
            else ""
        )
        n_days = f"{len(hit)} {'hari' if cx.lang == 'id' else 'day' if len(hit) == 1 else 'days'}"
        out.append(
            Conflict(
                kind="quiet",
                severity="error" if q.level == "avoid" else "warning",
                message=M(
                    cx.lang,
                    "quiet",
                    training=t.title,
                    days=f"{n_days}, {cx.span(hit[0], hit[-1])}",
                    quiet=q.title,
                    period=cx.span(q.start, q.end),
                    roles=roles,
                ),
                refs=(t.id, *((q.id,) if q.id else ())),
                suggestion=M(cx.lang, f"quiet_fix_{q.level}", id=t.id),
            )
        )
    return out


# --- clashes with meetings and with other trainings ----------------------------------------------


def _spans(cx: _Ctx, t: Training, d: date) -> list[tuple[datetime, datetime, str]]:
    return [
        (b.start, b.end, b.note) for b in cx.cal.fixed(d) if b.kind == "training" and b.ref == t.id
    ]


def _meetings(cx: _Ctx, t: Training) -> list[Conflict]:
    hits: dict[str, list[date]] = {}
    for s in t.session:
        if s.mode != "online":
            continue
        for d in session_days(s, max(t.start, cx.today), t.end, cx.off):
            sessions = [x for x in _spans(cx, t, d) if x[2] == "online"]
            for b in cx.cal.fixed(d):
                if b.kind != "event" or not b.busy:  # all-day notes do not take the user away
                    continue
                if any(b.start < e and s0 < b.end for s0, e, _ in sessions):
                    hits.setdefault(b.title, [])
                    if d not in hits[b.title]:
                        hits[b.title].append(d)
    return [
        Conflict(
            kind="meeting",
            severity="warning",
            message=M(cx.lang, "meeting", training=t.title, meeting=title, dates=cx.dates(days)),
            refs=(t.id,),
            suggestion=M(cx.lang, "meeting_fix"),
        )
        for title, days in hits.items()
    ]


def _training_clashes(cx: _Ctx, active: list[Training]) -> list[Conflict]:
    out = []
    for i, a in enumerate(active):
        for b in active[i + 1 :]:
            common = sorted(set(training_days(cx, a)) & set(training_days(cx, b)))
            clash = []
            for d in common:
                sa, sb = _spans(cx, a, d), _spans(cx, b, d)
                whole_day = any(x[2] == "offline" for x in sa + sb) or not sa or not sb
                if whole_day or any(x0 < y1 and y0 < x1 for x0, x1, _ in sa for y0, y1, _ in sb):
                    clash.append(d)
            if clash:
                out.append(
                    Conflict(
                        kind="trainings",
                        severity="error",
                        message=M(
                            cx.lang, "trainings", a=a.title, b=b.title, dates=cx.dates(clash)
                        ),
                        refs=(a.id, b.id),
                        suggestion=M(cx.lang, "trainings_fix"),
                    )
                )
    return out


def _holiday_sessions(cx: _Ctx, t: Training) -> list[Conflict]:
    days = sorted(
        {
            d
            for s in t.session
            for d in session_days(s, max(t.start, cx.today), t.end, cx.off)
            if cx.cal.holiday(d) is not None
        }
    )
    if not days:
        return []
    names = sorted({h.name for d in days if (h := cx.cal.holiday(d))})
    return [
        Conflict(
            kind="holiday",
            severity="warning",
            message=M(cx.lang, "holiday", training=t.title, dates=cx.dates(days))
            + f" ({'; '.join(names)})",
            refs=(t.id,),
            suggestion=M(cx.lang, "holiday_fix"),
        )
    ]


# --- work while away ---------------------------------------------------------------------------


def _due_away(cx: _Ctx, t: Training) -> list[Conflict]:
    ab = absence(cx.ws, t, cx.cal)
    # a holiday inside a stretch away is no day at the office either
    away = {
        s.first + timedelta(days=i)
        for s in ab.stretches
        for i in range((s.last - s.first).days + 1)
        if s.first + timedelta(days=i) >= cx.today
    }
    if not away:
        return []
    # the same receiver the handover sheet names (a default receiver who is away is replaced)
    items = {it.task.id: it for it in work_items(cx.ws, t, cx.cal, Progress(), cx.lang)}
    lo, hi = min(away), max(away)
    before = next(
        (lo - timedelta(days=i) for i in range(1, 15) if not cx.off(lo - timedelta(days=i))),
        lo - timedelta(days=1),
    )
    out = []
    for task in cx.ws.tasks:
        if task.recurs and task.from_:
            days = [
                d
                for d in occurrences(task, lo, hi)
                # a routine duty falling on a holiday does not happen that day
                if d in away
                and not cx.off(d)
                and cx.remaining(str(Ref(task.id, d)), task.estimate) > 0
            ]
        else:
            due = _day(task.due)
            days = [due] if due in away and cx.remaining(task.id, task.estimate) > 0 else []
        if not days:
            continue
        it = items.get(task.id)
        receiver = it.receiver if it and it.source != "suggested" else None
        fix = M(cx.lang, "due_away_fix", before=cx.d(before))
        if it and it.receiver and it.source == "suggested":
            fix += " " + M(cx.lang, "due_away_candidate", name=it.receiver.name, why=it.reason)
        out.append(
            Conflict(
                kind="due-away",
                severity="info" if receiver else "warning",
                message=M(
                    cx.lang, "due_away", task=task.title, training=t.title, dates=cx.dates(days)
                ),
                refs=(task.id, t.id),
                suggestion=M(cx.lang, "due_away_covered", name=receiver.name, id=t.id)
                if receiver
                else fix,
            )
        )
    return out


def _no_deputy(cx: _Ctx, t: Training) -> list[Conflict]:
    ab = absence(cx.ws, t, cx.cal)
    n = max((len(s.days) for s in ab.stretches), default=0)
    if t.deputy or not cx.ws.profile.needs_plh or n <= LONG_ABSENCE or ab.last_day() < cx.today:
        return []
    return [
        Conflict(
            kind="no-deputy",
            severity="warning",
            message=M(cx.lang, "no_deputy", n=n, training=t.title),
            refs=(t.id,),
            suggestion=M(cx.lang, "no_deputy_fix"),
        )
    ]


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _colleagues(cx: _Ctx, t: Training) -> list[Conflict]:
    ab = absence(cx.ws, t, cx.cal)
    if not ab.stretches or ab.last_day() < cx.today:
        return []
    items = work_items(cx.ws, t, cx.cal, Progress(), cx.lang)
    out: list[Conflict] = []
    load: dict[tuple[str, date], list[tuple[int, str]]] = {}
    for it in items:
        c = it.receiver
        if c is None:
            continue
        need = it.need_day or ab.first_day()
        # work due after the return is done while the user is still away: count it in the last week
        week = _monday(min(need, ab.last_day()))
        load.setdefault((c.id, week), []).append((it.minutes, it.task.title))
        if c.is_away(need):
            out.append(_away(cx, c.id, need, M(cx.lang, "needed_task", task=it.task.title)))
    for (cid, week), parts in sorted(load.items()):
        c = cx.ws.colleague(cid)
        total = sum(m for m, _ in parts)
        if c is None or c.capacity is None or total <= c.capacity:
            continue
        out.append(
            Conflict(
                kind="colleague-load",
                severity="warning",
                message=M(
                    cx.lang,
                    "colleague_load",
                    name=c.name,
                    load=cx.h(total),
                    week=cx.d(week),
                    titles=", ".join(dict.fromkeys(title for _, title in parts)),
                    cap=cx.h(c.capacity),
                ),
                refs=(c.id, t.id),
                suggestion=M(cx.lang, "colleague_load_fix"),
            )
        )
    deputy = cx.ws.colleague(t.deputy)
    if deputy is not None:
        gone = [d for d in ab.offline_days if deputy.is_away(d)]
        if gone:
            out.append(_away(cx, deputy.id, gone[0], M(cx.lang, "needed_deputy", training=t.title)))
    for ev in cx.ws.events:
        who = cx.ws.colleague(ev.delegate_to)
        if who is None:
            continue
        for d in event_days(ev, max(cx.today, ab.first_day()), ab.last_day()):
            if d in ab.offline_days and who.is_away(d):
                out.append(_away(cx, who.id, d, M(cx.lang, "needed_meeting", meeting=ev.title)))
                break
    return out


def _away(cx: _Ctx, cid: str, day: date, what: str) -> Conflict:
    c = cx.ws.colleague(cid)
    assert c is not None
    spell = next(a for a in c.away if a.start <= day <= a.end)
    return Conflict(
        kind="colleague-away",
        severity="warning",
        message=M(
            cx.lang,
            "colleague_away",
            name=c.name,
            away=cx.span(spell.start, spell.end),
            what=what,
            day=cx.d(day),
        ),
        refs=(cid,),
        suggestion=M(cx.lang, "colleague_away_fix"),
    )


# --- the user's own load -----------------------------------------------------------------------


def _overload(cx: _Ctx, last: date) -> list[Conflict]:
    """Weeks where work due by their end cannot fit the free time from today (EDF feasibility)."""
    # weeks by the ordinal of their Monday: a year of 10,000 tasks passes through this loop
    by_week: dict[int, list[tuple[int, str, str]]] = {}
    remaining = cx.remaining
    first_day, last_day = cx.today.toordinal(), last.toordinal()
    for task in cx.ws.tasks:
        if task.delegate_to:
            continue  # the colleague's work, not the user's
        if task.recurs and task.from_:
            for d in occurrences(task, cx.today, last):
                ref = str(Ref(task.id, d))
                by_week.setdefault(d.toordinal() - d.weekday(), []).append(
                    (remaining(ref, task.estimate), task.id, task.title)
                )
            continue
        day = _day(task.due)
        if day is None:
            continue
        n = day.toordinal()
        if n < first_day or n > last_day:
            continue
        by_week.setdefault(n - day.weekday(), []).append(
            (remaining(task.id, task.estimate), task.id, task.title)
        )
    due = {date.fromordinal(n): parts for n, parts in by_week.items()}
    if not due:
        return []
    out = []
    need_total = free_total = 0
    deficit = 0
    week = _monday(cx.today)
    while week <= max(due):
        free = 0
        for i in range(7):
            d = week + timedelta(days=i)
            if cx.today <= d <= last:
                free += sum(int((e - s).total_seconds() // 60) for s, e in cx.cal.free(d))
        parts = due.get(week, [])
        need = sum(m for m, _, _ in parts)
        need_total += need
        free_total += free
        new_deficit = max(0, need_total - free_total)
        short = new_deficit - deficit
        if short > 0 and need > 0:
            out.append(
                Conflict(
                    kind="overload",
                    severity="warning",
                    message=M(
                        cx.lang,
                        "overload",
                        week=cx.d(week),
                        titles=_titles(cx, parts),
                        need=cx.h(need),
                        free=cx.h(max(0, need - short)),
                        short=cx.h(short),
                    ),
                    refs=tuple(dict.fromkeys(tid for _, tid, _ in parts)),
                    suggestion=M(cx.lang, "overload_fix"),
                )
            )
        deficit = new_deficit
        week += timedelta(days=7)
    return out


def _titles(cx: _Ctx, parts: list[tuple[int, str, str]]) -> str:
    """The work due in a week, each title once; a year of thousands of tasks names a few."""
    titles = list(dict.fromkeys(title for _, _, title in parts))
    shown = ", ".join(titles[:SHOWN_TITLES])
    if len(titles) > SHOWN_TITLES:
        shown += " " + M(cx.lang, "more", n=len(titles) - SHOWN_TITLES)
    return shown


def jp_year(ws: Workspace, today: date) -> tuple[float, float, float]:
    """(finished, under way so far, planned rest) JP of the year; a training counts in the year it ends.

    SIASN records a certificate when a training ends, so a training belongs to its end year. One
    under way counts pro rata by the days gone (shown as "about"); the rest of it, and every
    training still to come this year, counts as planned.
    """
    done = underway = planned = 0.0
    for t in ws.trainings:
        if t.end.year != today.year or not t.jp:
            continue
        if t.end < today:
            done += t.jp
        elif t.start <= today:
            total = (t.end - t.start).days + 1
            gone = (today - t.start).days
            underway += t.jp * gone / total
            planned += t.jp * (total - gone) / total
        else:
            planned += t.jp
    return done, underway, planned


def _jp(cx: _Ctx) -> list[Conflict]:
    target = cx.ws.planning.annual_jp_target
    pppk = cx.ws.profile.employment == "PPPK"
    if target <= 0 and not pppk:
        return []
    done, underway, planned = jp_year(cx.ws, cx.today)
    so_far = done + underway
    refs = tuple(t.id for t in cx.ws.trainings if t.end.year == cx.today.year)
    out: list[Conflict] = []
    if target > 0:
        out.append(_jp_target(cx, target, done, underway, planned, refs))
    total = round(so_far + planned)
    if pppk and total > PPPK_JP_CEILING:
        out.append(
            Conflict(
                kind="jp",
                severity="info",  # the rule may have changed (domain.md 2.2): a note, not a fault
                message=M(cx.lang, "jp_pppk", year=cx.today.year, total=total),
                refs=refs,
                suggestion=M(cx.lang, "jp_fix_pppk"),
            )
        )
    return out


def _jp_target(
    cx: _Ctx, target: int, done: float, underway: float, planned: float, refs: tuple[str, ...]
) -> Conflict:
    so_far = done + underway
    under = M(cx.lang, "jp_underway", n=round(underway)) if underway >= 0.5 else ""
    args: dict[str, object] = {
        "year": cx.today.year,
        "done": round(done),
        "underway": under,
        "planned": round(planned),
        "target": target,
    }
    sev: Severity
    if done >= target:
        key, sev, fix = "jp_met", "info", "jp_fix_ok"
    elif so_far + planned >= target:
        key, sev, fix = "jp_track", "info", "jp_fix_ok"
    else:
        # early in the year a shortfall is a reminder; from July on there is little time left
        late = (cx.today.month, cx.today.day) >= JP_WARN_FROM
        key, sev, fix = "jp_short", "warning" if late else "info", "jp_fix_short"
        args["short"] = round(target - so_far - planned + 0.49)
    return Conflict(
        kind="jp",
        severity=sev,
        message=M(cx.lang, key, **args),
        refs=refs,
        suggestion=M(cx.lang, fix),
    )


__all__ = ["AFTER_RETURN", "LONG_ABSENCE", "concerns", "find", "jp_year", "training_days", "window"]
