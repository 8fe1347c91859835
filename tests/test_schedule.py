"""make_plan on small literal workspaces: what a user would see in the day's timeline."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from diklat_cli.i18n import Lang
from diklat_cli.planning.plan import DayPlan, Plan
from diklat_cli.planning.schedule import make_plan
from diklat_cli.render import plan_words
from diklat_cli.workspace.holidays_id import HolidayData, HolidayInfo
from diklat_cli.workspace.loader import validate
from diklat_cli.workspace.models import Workspace
from diklat_cli.workspace.state import Progress, TaskProgress

MON = date(2026, 11, 30)  # a Monday with no holiday in its week


def ws(**items: Any) -> Workspace:
    data: dict[str, Any] = {"profile": {"name": "Rina"}, "planning": {"horizon_days": 5}}
    for key, value in items.items():
        if key in ("planning", "study", "workweek"):
            data[key] = {**data.get(key, {}), **value}
        else:
            data[key] = value
    return validate(Workspace, data)


def timeline(plan: Plan, day: date) -> list[str]:
    d = plan.day(day)
    assert d is not None
    return [
        f"{b.start:%H:%M}-{b.end:%H:%M} {b.kind} {b.ref or plan_words.block_title(b, 'id')}"
        for b in d.blocks
    ]


def note(day: DayPlan | None, lang: Lang = "id") -> str | None:
    """A day's note as the plan views word it."""
    assert day is not None
    return plan_words.day_note(day.note, lang) if day.note else None


def test_work_goes_around_a_meeting_and_the_break() -> None:
    w = ws(
        tasks=[{"id": "lap", "title": "Laporan", "estimate": "6h", "due": "2026-11-30"}],
        events=[{"title": "Rapat", "date": "2026-11-30", "time": "09:00-11:30"}],
    )
    plan = make_plan(w, MON, holidays=HolidayData())
    assert timeline(plan, MON) == [
        "07:30-09:00 task lap",
        "09:00-11:30 event Rapat",
        "11:30-12:00 task lap",
        "12:00-13:00 break Istirahat",
        "13:00-16:00 task lap",
    ]
    # the hour that does not fit before the deadline is still placed, first thing the next day
    assert timeline(plan, date(2026, 12, 1))[0] == "07:30-08:30 task lap"
    lap = plan.task("lap")
    assert lap is not None and lap.late and lap.remaining_minutes == 0
    assert plan.unscheduled == ()


def test_friday_keeps_the_long_break_for_jumat_prayer() -> None:
    fri = date(2026, 12, 4)
    w = ws(tasks=[{"id": "spj", "title": "SPJ", "estimate": "7h30m", "due": "2026-12-04"}])
    plan = make_plan(w, fri, holidays=HolidayData())
    assert timeline(plan, fri) == [
        "07:30-11:30 task spj",
        "11:30-13:00 break Istirahat",
        "13:00-16:30 task spj",
    ]
    assert plan.day(fri).free_minutes == 0  # type: ignore[union-attr]


def test_nothing_lands_on_a_holiday_and_the_day_says_why() -> None:
    tue = date(2026, 12, 1)
    hol = HolidayData({tue: HolidayInfo("Hari Contoh", "public")})
    cuti = HolidayData({tue: HolidayInfo("Natal", "government")})
    w = ws(tasks=[{"id": "a", "title": "A", "estimate": "9h", "due": "2026-12-02"}])
    plan = make_plan(w, MON, holidays=hol)
    day = plan.day(tue)
    assert day is not None and not day.working and day.blocks == () and note(day) == "Hari Contoh"
    assert timeline(plan, date(2026, 12, 2))[0] == "07:30-09:00 task a"
    natal = make_plan(w, MON, holidays=cuti).day(tue)
    assert note(natal, "en") == "Joint leave (cuti bersama): Natal"
    assert note(natal) == "Cuti bersama: Natal"


def test_an_overloaded_week_keeps_the_important_task_on_time() -> None:
    # by Tuesday's end there are 15 h of work time; A (important) and B need 20 h together
    w = ws(
        tasks=[
            {"id": "b", "title": "B", "estimate": "14h", "due": "2026-12-01"},
            {"id": "a", "title": "A", "estimate": "6h", "due": "2026-12-01", "important": True},
            {"id": "c", "title": "C", "estimate": "2h", "due": "2026-12-02"},
        ]
    )
    plan = make_plan(w, MON, holidays=HolidayData())
    a, b, c = plan.task("a"), plan.task("b"), plan.task("c")
    assert a is not None and b is not None and c is not None
    assert not a.late and not c.late  # B cannot make it, and does not drag them past theirs
    assert b.late and b.remaining_minutes == 0 and b.finish is not None
    assert b.finish.date() == date(2026, 12, 2)  # placed after the on-time work
    assert timeline(plan, MON)[0] == "07:30-12:00 task a"  # the important, urgent one first


def test_work_that_arrives_later_does_not_make_the_important_task_late() -> None:
    # the case: from Wednesday, the important task needs all of Wednesday to Friday
    # (22 h 30 m); the unimportant one, due Friday 11.00, would take 105 minutes of it
    w = ws(
        tasks=[
            {"id": "u", "title": "U", "estimate": "105m", "due": "2026-12-04T11:00",
             "available": "2026-12-02"},
            {"id": "i", "title": "I", "estimate": "22h30m", "due": "2026-12-04",
             "available": "2026-12-02", "important": True},
        ]
    )  # fmt: skip
    plan = make_plan(w, MON, holidays=HolidayData())
    i, u = plan.task("i"), plan.task("u")
    assert i is not None and u is not None
    assert not i.late and u.late
    assert timeline(plan, date(2026, 12, 4))[0] == "07:30-11:30 task i"


def test_a_block_under_min_block_only_where_the_deadline_needs_it_and_says_so() -> None:
    # A (due Monday 10.00) fits only in the two gaps around the meeting, each under 60 minutes;
    # on Tuesday the same gap goes to B, whose min_block is 15, never to a piece of C
    w = ws(
        planning={"min_block": "60m"},
        tasks=[
            {"id": "a", "title": "A", "estimate": "75m", "due": "2026-11-30T10:00"},
            {"id": "b", "title": "B", "estimate": "4h", "min_block": "15m"},
            {"id": "c", "title": "C", "estimate": "3h", "due": "2026-12-04"},
        ],
        events=[
            {"title": "Rapat", "date": day, "time": "08:00-09:15"}
            for day in ("2026-11-30", "2026-12-01")
        ],
    )
    plan = make_plan(w, MON, holidays=HolidayData())
    monday = timeline(plan, MON)
    assert monday[:3] == ["07:30-08:00 task a", "08:00-09:15 event Rapat", "09:15-10:00 task a"]
    notes = [
        plan_words.block_note(b, lang) for b in plan.days[0].blocks[:3:2] for lang in ("id", "en")
    ]
    assert (
        notes
        == [
            "tenggat Sen 30 Nov; blok pendek: tenggat membutuhkannya",
            "due Mon 30 Nov; short block: the deadline needs it",
        ]
        * 2
    )
    assert timeline(plan, MON + timedelta(days=1))[0] == "07:30-08:00 task b"
    c = [b for d in plan.days for b in d.blocks if b.ref == "c"]
    assert c and all(b.minutes >= 60 and not b.sliver for b in c)


def test_work_that_arrives_later_keeps_its_place_as_the_days_pass() -> None:
    # X arrives on Wednesday and is due before Y: Monday's plan gives it Wednesday morning,
    # and Wednesday's plan (Monday's and Tuesday's work on Y recorded) does the same
    w = ws(
        planning={"horizon_days": 14},
        tasks=[
            {"id": "x", "title": "X", "estimate": "6h", "due": "2026-12-10",
             "available": "2026-12-02"},
            {"id": "y", "title": "Y", "estimate": "30h", "due": "2026-12-11"},
        ],
    )  # fmt: skip
    wed = MON + timedelta(days=2)
    monday = make_plan(w, MON, holidays=HolidayData())
    spent = sum(b.minutes for d in monday.days[:2] for b in d.blocks if b.ref == "y")
    progress = Progress({"y": TaskProgress(spent_minutes=spent)})
    wednesday = make_plan(w, wed, holidays=HolidayData(), progress=progress)
    assert timeline(monday, wed)[0] == "07:30-12:00 task x"
    for day in range(2, 5):
        assert timeline(wednesday, MON + timedelta(days=day)) == timeline(
            monday, MON + timedelta(days=day)
        )


def test_a_routine_duty_becomes_one_occurrence_per_day_it_recurs() -> None:
    w = ws(
        tasks=[
            {
                "id": "absensi",
                "title": "Rekap absensi",
                "estimate": "45m",
                "recurs": "FREQ=WEEKLY;BYDAY=MO,TH",
                "from": "2026-11-02",
            }
        ],
        planning={"missed_weeks": 0},  # no missed occurrences kept: only the horizon's
    )
    plan = make_plan(w, MON, holidays=HolidayData())
    ids = [t.id for t in plan.tasks]
    assert ids == ["absensi@2026-11-30", "absensi@2026-12-03"]
    first = plan.task("absensi@2026-11-30")
    assert first is not None and first.due is not None
    assert f"{first.due:%Y-%m-%d %H:%M}" == "2026-11-30 16:00"  # the end of its working day
    assert first.scheduled_minutes == 45 and not first.late
    # the next one may start the day after the previous one, not before
    nxt = plan.task("absensi@2026-12-03")
    assert nxt is not None and nxt.finish is not None and nxt.finish.date() == date(2026, 12, 1)


DELEGATION_COLLEAGUES = [
    {"id": "budi", "name": "Budi", "skills": ["sipd"], "capacity": "5h"},
    {
        "id": "sari",
        "name": "Sari",
        "skills": ["sipd"],
        "capacity": "5h",
        "away": [{"start": "2026-11-30", "end": "2026-12-04"}],
    },
]
DELEGATION_TASKS = [
    {"id": "explicit", "title": "X", "estimate": "2h", "delegate_to": "sari"},
    # urgent, not important, tagged with a skill Budi has: the delegate quadrant
    {"id": "input", "title": "Input SIPD", "estimate": "3h", "due": "2026-12-01", "tags": ["sipd"]},
    {"id": "other", "title": "Arsip", "estimate": "1h", "due": "2026-12-01", "tags": ["arsip"]},
]


def test_only_the_user_delegates_the_planner_suggests() -> None:
    w = ws(tasks=DELEGATION_TASKS, colleagues=DELEGATION_COLLEAGUES)
    plan = make_plan(w, MON, holidays=HolidayData())
    explicit, given, other = plan.task("explicit"), plan.task("input"), plan.task("other")
    assert explicit is not None and given is not None and other is not None
    assert explicit.delegated_to == "sari" and not explicit.auto_delegated  # she said so
    # the delegate quadrant is a label and a suggestion: the work keeps its time in her plan
    assert given.quadrant == "delegate" and given.delegated_to is None
    assert given.scheduled_minutes == 180
    assert given.suggest is not None
    assert (given.suggest.colleague, given.suggest.skills) == ("budi", ("sipd",))
    assert given.suggest.spare == 300  # Budi's 5 hours that week; Sari is away
    assert other.suggest is None  # nobody has the skill
    refs = {b.ref for d in plan.days for b in d.blocks if b.kind == "task"}
    assert refs == {"input", "other"}


def test_auto_delegate_hands_it_over_and_says_the_planner_chose() -> None:
    w = ws(
        tasks=DELEGATION_TASKS,
        colleagues=DELEGATION_COLLEAGUES,
        planning={"auto_delegate": True},
    )
    plan = make_plan(w, MON, holidays=HolidayData())
    explicit, given = plan.task("explicit"), plan.task("input")
    assert explicit is not None and given is not None
    assert explicit.delegated_to == "sari" and not explicit.auto_delegated
    assert given.delegated_to == "budi" and given.auto_delegated
    refs = {b.ref for d in plan.days for b in d.blocks if b.kind == "task"}
    assert refs == {"other"}


def test_progress_leaves_only_what_remains_and_done_leaves_the_plan() -> None:
    w = ws(
        tasks=[
            {"id": "a", "title": "A", "estimate": "3h", "due": "2026-12-04"},
            {"id": "b", "title": "B", "estimate": "1h", "due": "2026-12-04"},
        ]
    )
    progress = Progress({"a": TaskProgress(spent_minutes=130), "b": TaskProgress(done=True)})
    plan = make_plan(w, MON, holidays=HolidayData(), progress=progress)
    a, b = plan.task("a"), plan.task("b")
    assert a is not None and a.estimate_minutes == 50 and a.scheduled_minutes == 50
    assert b is not None and b.done and b.scheduled_minutes == 0
    assert timeline(plan, MON) == ["07:30-08:20 task a", "12:00-13:00 break Istirahat"]


def test_self_study_stays_in_the_windows_and_under_the_caps() -> None:
    w = ws(
        planning={"horizon_days": 7},
        study={
            "windows": ["06:15-07:15", "19:45-21:15"],
            "max_per_day": "1h",
            "max_per_week": "4h",
        },
        trainings=[
            {
                "id": "pkp",
                "title": "PKP",
                "start": "2026-11-01",
                "end": "2027-01-31",
                "study_per_week": "5h",
            }
        ],
    )
    plan = make_plan(w, MON, holidays=HolidayData())
    per_day = {d.date: sum(b.minutes for b in d.blocks if b.kind == "study") for d in plan.days}
    assert max(per_day.values()) == 60
    assert sum(per_day.values()) == 240  # the weekly cap, spread over Monday to Thursday
    assert [m for m in per_day.values() if m] == [60, 60, 60, 60]
    assert [(u.ref, u.minutes) for u in plan.unscheduled] == [("pkp", 60)]
    assert timeline(plan, MON)[0] == "06:15-07:15 study pkp"


def test_an_offline_session_day_has_the_training_and_no_office_work() -> None:
    tue = date(2026, 12, 1)
    w = ws(
        tasks=[{"id": "a", "title": "A", "estimate": "4h"}],
        trainings=[
            {
                "id": "bimtek",
                "title": "Bimtek SIPD",
                "start": "2026-12-01",
                "end": "2026-12-01",
                "session": [{"date": "2026-12-01", "time": "08:00-16:00"}],
            }
        ],
    )
    plan = make_plan(w, tue, holidays=HolidayData())
    day = plan.day(tue)
    assert day is not None and not day.working
    assert note(day) == "Pelatihan luring: Bimtek SIPD"
    assert timeline(plan, tue) == ["08:00-16:00 training bimtek"]
    assert plan_words.block_note(day.blocks[0], "id") == "luring"
    assert timeline(plan, date(2026, 12, 2))[0] == "07:30-11:30 task a"


def test_pomodoro_cuts_work_into_25_minutes_with_5_minute_rests() -> None:
    w = ws(
        planning={"pomodoro": True},
        tasks=[{"id": "a", "title": "A", "estimate": "75m", "due": "2026-11-30"}],
    )
    plan = make_plan(w, MON, holidays=HolidayData())
    assert timeline(plan, MON)[:5] == [
        "07:30-07:55 task a",
        "07:55-08:00 break Jeda pomodoro",
        "08:00-08:25 task a",
        "08:25-08:30 break Jeda pomodoro",
        "08:30-08:55 task a",
    ]
    assert plan.day(MON).free_minutes == 450 - 75 - 10  # type: ignore[union-attr]


def test_slack_keeps_the_end_of_the_day_free_unless_a_deadline_needs_it() -> None:
    relaxed = ws(
        planning={"slack": 20},
        tasks=[{"id": "a", "title": "A", "estimate": "12h", "due": "2026-12-04"}],
    )
    plan = make_plan(relaxed, MON, holidays=HolidayData())
    assert timeline(plan, MON)[-1] == "13:00-14:30 task a"  # 20 % of 7.5 h kept: 1.5 h
    tight = ws(
        planning={"slack": 20},
        tasks=[{"id": "a", "title": "A", "estimate": "7h30m", "due": "2026-11-30"}],
    )
    plan = make_plan(tight, MON, holidays=HolidayData())
    assert timeline(plan, MON)[-1] == "13:00-16:00 task a"
    assert not plan.task("a").late  # type: ignore[union-attr]


def test_what_does_not_fit_says_why_and_who_could_take_it() -> None:
    w = ws(
        planning={"horizon_days": 1},
        tasks=[
            {"id": "a", "title": "A", "estimate": "9h", "due": "2026-11-30", "tags": ["sipd"]},
            {"id": "b", "title": "B", "estimate": "1h", "available": "2026-12-07"},
        ],
        colleagues=[{"id": "budi", "name": "Budi Santoso", "skills": ["sipd"], "capacity": "5h"}],
    )
    plan = make_plan(w, MON, holidays=HolidayData())
    a, b = plan.unscheduled
    assert (a.ref, a.minutes) == ("a", 90)
    assert plan_words.reason(a, "en") == (
        "The free working time before its deadline (30 Nov 2026) cannot hold all of it, and "
        "the time after it up to 30 Nov 2026 is full"
    )
    assert plan_words.suggestion(a.suggestion, "en") == (
        'Hand it to Budi Santoso (skill sipd, capacity 5 hours a week): delegate_to = "budi"'
    )
    assert (b.ref, b.minutes) == ("b", 60)
    assert plan_words.reason(b, "en") == (
        "It can only start on 7 Dec 2026, after the plan ends (30 Nov 2026)"
    )
    assert plan_words.suggestion(b.suggestion, "en") == (
        "Reduce its estimate, or lengthen planning.horizon_days"
    )


def test_ramadan_days_and_estimated_holidays_are_said() -> None:
    w = ws(planning={"horizon_days": 3})
    thu = date(2027, 2, 25)
    holidays = HolidayData(
        {date(2027, 2, 26): HolidayInfo("Hari Contoh (perkiraan)", "public")},
        ramadan=((date(2027, 2, 8), date(2027, 3, 9)),),
        estimated=frozenset({date(2027, 2, 26)}),
    )
    plan = make_plan(w, thu, holidays=holidays)
    assert [note(d) for d in plan.days] == ["Ramadan", "Hari Contoh (perkiraan)", "Akhir pekan"]
    assert plan.days[0].work_minutes == 7 * 60 - 30  # 08.00-15.00, a 30-minute break
    assert [plan_words.warning(x, "id") for x in plan.warnings] == [
        "Hari Contoh (perkiraan) (Jumat, 26 Februari 2027) masih tanggal perkiraan; "
        "pastikan dengan keputusan resmi",
    ]


def test_urgency_counts_working_days_not_calendar_days() -> None:
    fri = date(2026, 12, 4)
    w = ws(
        tasks=[
            {"id": "tue", "title": "T", "estimate": "1h", "due": "2026-12-08", "important": True},
            {"id": "wed", "title": "W", "estimate": "1h", "due": "2026-12-09", "important": True},
        ]
    )
    plan = make_plan(w, fri, holidays=HolidayData())
    assert plan.task("tue").quadrant == "do"  # type: ignore[union-attr]  # Monday, Tuesday: 2
    assert plan.task("wed").quadrant == "plan"  # type: ignore[union-attr]  # 3 working days
    # a holiday on Monday pushes Wednesday's deadline back into the urgent window
    hol = HolidayData({date(2026, 12, 7): HolidayInfo("Libur", "public")})
    plan = make_plan(w, fri, holidays=hol)
    assert plan.task("wed").quadrant == "do"  # type: ignore[union-attr]


def test_a_weekly_duty_in_a_week_of_leave_can_be_done_the_week_before() -> None:
    leave = {
        date(2026, 12, 7) + timedelta(days=i): HolidayInfo("Cuti bersama", "government")
        for i in range(5)
    }
    w = ws(
        planning={"horizon_days": 14},
        tasks=[
            {
                "id": "rekap",
                "title": "Rekap",
                "estimate": "1h",
                "recurs": "FREQ=WEEKLY;BYDAY=FR",
                "from": "2026-11-06",
            }
        ],
    )
    plan = make_plan(w, MON, holidays=HolidayData(leave))
    second = plan.task("rekap@2026-12-11")
    assert second is not None and not second.late
    assert second.finish is not None and second.finish.date() <= date(2026, 12, 4)


def test_a_plan_made_mid_morning_starts_from_now() -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    w = ws(tasks=[{"id": "a", "title": "A", "estimate": "2h", "due": "2026-11-30"}])
    now = datetime(2026, 11, 30, 10, 2, tzinfo=ZoneInfo("Asia/Jakarta"))
    plan = make_plan(w, MON, holidays=HolidayData(), now=now)
    # no orphan five minutes after the break: a whole half-hour block is left for it instead
    assert timeline(plan, MON) == [
        "10:05-11:35 task a",
        "12:00-13:00 break Istirahat",
        "13:00-13:30 task a",
    ]
    assert plan.day(MON).free_minutes == 115 + 180 - 120  # type: ignore[union-attr]


def test_overdue_work_comes_first_but_never_costs_another_deadline() -> None:
    w = ws(
        tasks=[
            {"id": "old", "title": "Old", "estimate": "2h", "due": "2026-11-27", "important": True},
            {
                "id": "next",
                "title": "Next",
                "estimate": "3h",
                "due": "2026-12-04",
                "important": True,
            },
            {"id": "today", "title": "Today", "estimate": "7h", "due": "2026-11-30"},
        ]
    )
    plan = make_plan(w, MON, holidays=HolidayData())
    # today's 7 h leave half an hour of Monday: the overdue report gets it, then Tuesday morning
    assert timeline(plan, MON)[0] == "07:30-08:00 task old"
    assert timeline(plan, date(2026, 12, 1))[0] == "07:30-09:00 task old"
    assert not plan.task("today").late  # type: ignore[union-attr]
    assert plan.task("old").late  # type: ignore[union-attr]


def test_a_decision_only_the_user_may_take_is_not_handed_over() -> None:
    w = ws(
        tasks=[
            {
                "id": "sk",
                "title": "Tanda tangan SK",
                "estimate": "1h",
                "due": "2026-12-01",
                "tags": ["sipd"],
                "hold_until_return": True,
            }
        ],
        colleagues=[{"id": "budi", "name": "Budi", "skills": ["sipd"], "capacity": "5h"}],
    )
    plan = make_plan(w, MON, holidays=HolidayData())
    sk = plan.task("sk")
    assert sk is not None and sk.quadrant == "delegate" and sk.delegated_to is None
    assert sk.scheduled_minutes == 60


def test_the_reason_says_whether_it_was_given_up_or_is_overdue() -> None:
    w = ws(
        planning={"horizon_days": 1},
        tasks=[
            {"id": "a", "title": "A", "estimate": "6h", "due": "2026-11-30", "important": True},
            {"id": "b", "title": "B", "estimate": "5h", "due": "2026-11-30"},
            {"id": "c", "title": "C", "estimate": "1h", "due": "2026-11-27"},
        ],
    )
    plan = make_plan(w, MON, holidays=HolidayData())
    reasons = {u.ref: (u.minutes, plan_words.reason(u, "en")) for u in plan.unscheduled}
    assert reasons["b"] == (
        300 - 90 + 60,  # the 1.5 h A leaves goes to the overdue C first
        "It does not fit before its deadline (30 Nov 2026) without making other tasks late, "
        "and the free working time after it up to 30 Nov 2026 is full",
    )
    assert plan.task("a").late is False  # type: ignore[union-attr]
    assert plan.task("c").scheduled_minutes == 60  # type: ignore[union-attr]


def test_a_zone_that_changes_its_offset_keeps_local_hours() -> None:
    w = validate(
        Workspace,
        {
            "profile": {"name": "Rina", "timezone": "Europe/Amsterdam"},
            "planning": {"horizon_days": 10},
            "tasks": [{"id": "a", "title": "A", "estimate": "40h", "due": "2027-04-01"}],
        },
    )
    plan = make_plan(w, date(2027, 3, 25), holidays=HolidayData())  # summer time from 28 March
    assert timeline(plan, date(2027, 3, 29))[0] == "07:30-12:00 task a"
    assert timeline(plan, date(2027, 3, 26))[0] == "07:30-11:30 task a"


def test_a_task_with_a_shorter_min_block_uses_the_gaps_others_cannot() -> None:
    w = ws(
        planning={"min_block": "2h"},
        tasks=[
            {"id": "a", "title": "A", "estimate": "30m", "due": "2026-11-30", "min_block": "30m"}
        ],
        events=[
            {"title": "Rapat", "date": "2026-11-30", "time": "08:00-12:00"},
            {"title": "Rapat", "date": "2026-11-30", "time": "13:00-16:00"},
        ],
    )
    plan = make_plan(w, MON, holidays=HolidayData())
    assert timeline(plan, MON)[0] == "07:30-08:00 task a"
