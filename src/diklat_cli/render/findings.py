"""The words of a finding: what `conflicts.find` reports, in the reader's language.

One place words every finding, so `diklat check`, the plan's terminal, Markdown and JSON views say
the same thing in the same words. `message` says what clashes, `suggestion` what to do; both are
made from the finding's facts (planning/findings.py) and nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..i18n import Catalog, Lang, format_date, format_duration
from ..planning.findings import (
    BusyPeriod,
    ColleagueAway,
    ColleagueLoad,
    DueAway,
    HolidaySession,
    JpCeiling,
    JpTally,
    MeetingClash,
    NoDeputy,
    NoSessions,
    Overload,
    TrainingClash,
)
from ..planning.plan import Conflict

SHOWN_DATES = 4  # dates listed in one message before "and N more"
SHOWN_TITLES = 5  # titles named in one overload message before "and N more" (refs keep them all)

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
            "id": "Sesi {training} dijadwalkan pada hari libur: {dates} ({names}).",
            "en": "A session of {training} is set on a holiday: {dates} ({names}).",
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
        "no_sessions": {
            "id": "{training} (blended) belum punya sesi: diklat tidak tahu hari-hari kelasnya, "
            "jadi {span} direncanakan sebagai hari kantor dan tidak ada yang diserahterimakan.",
            "en": "{training} (blended) has no sessions: diklat does not know its days in class, "
            "so {span} is planned as office days and nothing is handed over.",
        },
        "no_sessions_fix": {
            "id": 'Tulis hari-hari klasikal sebagai [[training.session]] (mode = "offline"), '
            "atau isi sessions_from dengan jadwal dari penyelenggara.",
            "en": 'Write the days in class as [[training.session]] (mode = "offline"), or set '
            "sessions_from to the organiser's schedule.",
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


def _d(day: date, lang: Lang) -> str:
    return format_date(day, lang, "medium")


def _dates(days: Sequence[date], lang: Lang) -> str:
    one_year = len({x.year for x in days}) == 1
    shown = ", ".join(
        format_date(x, lang, "short") + ("" if one_year else f" {x.year}")
        for x in days[:SHOWN_DATES]
    )
    if days and one_year:
        shown += f" {days[0].year}"
    if len(days) > SHOWN_DATES:
        shown += " " + M(lang, "more", n=len(days) - SHOWN_DATES)
    return shown


def _span(a: date, b: date, lang: Lang) -> str:
    return _d(a, lang) if a == b else M(lang, "span", a=_d(a, lang), b=_d(b, lang))


def _titles(titles: Sequence[str], lang: Lang) -> str:
    """The work due in a week, each title once; a year of thousands of tasks names a few."""
    shown = ", ".join(titles[:SHOWN_TITLES])
    if len(titles) > SHOWN_TITLES:
        shown += " " + M(lang, "more", n=len(titles) - SHOWN_TITLES)
    return shown


def message(c: Conflict, lang: Lang) -> str:
    """What the finding is about, in one or two sentences."""
    f = c.facts
    h = format_duration
    match f:
        case BusyPeriod():
            n = len(f.days)
            n_days = f"{n} {'hari' if lang == 'id' else 'day' if n == 1 else 'days'}"
            roles = M(lang, "quiet_roles", roles=", ".join(f.roles)) if f.roles else ""
            return M(
                lang,
                "quiet",
                training=f.training,
                days=f"{n_days}, {_span(f.days[0], f.days[-1], lang)}",
                quiet=f.period,
                period=_span(f.start, f.end, lang),
                roles=roles,
            )
        case MeetingClash():
            dates = _dates(f.dates, lang)
            return M(lang, "meeting", training=f.training, meeting=f.meeting, dates=dates)
        case TrainingClash():
            return M(lang, "trainings", a=f.a, b=f.b, dates=_dates(f.dates, lang))
        case HolidaySession():
            dates = _dates(f.dates, lang)
            names = "; ".join(f.names)
            return M(lang, "holiday", training=f.training, dates=dates, names=names)
        case DueAway():
            dates = _dates(f.dates, lang)
            return M(lang, "due_away", task=f.task, training=f.training, dates=dates)
        case NoDeputy():
            return M(lang, "no_deputy", n=f.days, training=f.training)
        case NoSessions():
            return M(lang, "no_sessions", training=f.training, span=_span(f.start, f.end, lang))
        case ColleagueLoad():
            return M(
                lang,
                "colleague_load",
                name=f.name,
                load=h(f.minutes, lang),
                week=_d(f.week, lang),
                titles=", ".join(f.titles),
                cap=h(f.capacity, lang),
            )
        case ColleagueAway():
            key, field = NEEDED[f.need]
            return M(
                lang,
                "colleague_away",
                name=f.name,
                away=_span(f.start, f.end, lang),
                what=M(lang, key, **{field: f.title}),
                day=_d(f.day, lang),
            )
        case Overload():
            return M(
                lang,
                "overload",
                week=_d(f.week, lang),
                titles=_titles(f.titles, lang),
                need=h(f.need, lang),
                free=h(f.free, lang),
                short=h(f.short, lang),
            )
        case JpTally():
            return _jp(f, lang)
        case JpCeiling():
            return M(lang, "jp_pppk", year=f.year, total=f.total)


NEEDED = {  # what a colleague away was needed for: its words and what the title names
    "task": ("needed_task", "task"),
    "deputy": ("needed_deputy", "training"),
    "meeting": ("needed_meeting", "meeting"),
}


def _jp(f: JpTally, lang: Lang) -> str:
    under = M(lang, "jp_underway", n=f.underway) if f.underway is not None else ""
    args: dict[str, object] = {
        "year": f.year,
        "done": f.done,
        "underway": under,
        "planned": f.planned,
        "target": f.target,
    }
    if f.state == "short":
        args["short"] = f.short
    return M(lang, f"jp_{f.state}", **args)


def suggestion(c: Conflict, lang: Lang) -> str:
    """What to do about the finding."""
    f = c.facts
    match f:
        case BusyPeriod():
            return M(lang, f"quiet_fix_{f.level}", id=f.training_id)
        case DueAway():
            if f.covered_by is not None:
                return M(lang, "due_away_covered", name=f.covered_by, id=f.training_id)
            fix = M(lang, "due_away_fix", before=_d(f.before, lang))
            if f.candidate is not None and f.why is not None:
                from .handover import receiver_reason

                why = receiver_reason("suggested", f.why, lang)
                fix += " " + M(lang, "due_away_candidate", name=f.candidate, why=why)
            return fix
        case JpTally():
            return M(lang, "jp_fix_short" if f.state == "short" else "jp_fix_ok")
        case JpCeiling():
            return M(lang, "jp_fix_pppk")
        case _:
            return M(lang, FIXES[f.kind])


FIXES = {
    "meeting": "meeting_fix",
    "trainings": "trainings_fix",
    "holiday": "holiday_fix",
    "no-deputy": "no_deputy_fix",
    "no-sessions": "no_sessions_fix",
    "colleague-load": "colleague_load_fix",
    "colleague-away": "colleague_away_fix",
    "overload": "overload_fix",
}
