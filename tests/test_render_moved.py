"""What moved since the last plan, in every plan view: where the work was, why it gave way, and
where it goes now (issue 13). The plan's moves are written out here (the planner's own are tested
in test_stability.py), then one end-to-end case plans twice with a meeting added overnight.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import get_args

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from diklat_cli.i18n import Lang
from diklat_cli.planning.plan import MoveCode, Moved, Plan
from diklat_cli.planning.previous import record_of
from diklat_cli.planning.schedule import make_plan
from diklat_cli.render import json as render_json
from diklat_cli.render import markdown, plan_words
from diklat_cli.render.terminal import make_console, render_plan, render_why
from diklat_cli.render.words import View
from diklat_cli.workspace.holidays_id import HolidayData
from diklat_cli.workspace.loader import validate
from diklat_cli.workspace.models import Workspace
from test_properties import EXAMPLES, SETTINGS
from test_render_plan import MONDAY, WORDS, at, check_golden, sample_plan, terminal, view

SCHEMA = json.loads((Path(__file__).parent / "plan.schema.json").read_text("utf-8"))
# the moves alone: the property test below validates many documents
MOVED_VALIDATOR = jsonschema.Draft202012Validator(
    {"type": "array", "items": {"$ref": "#/$defs/moved"}, "$defs": SCHEMA["$defs"]}
)
LANGS: tuple[Lang, ...] = ("id", "en")
TUE, WED, THU, FRI = (MONDAY + timedelta(days=i) for i in range(1, 5))
PKP = "Pelatihan Kepemimpinan Pengawas (PKP) Angkatan III"


def moves(lang: Lang) -> tuple[Moved, ...]:
    """One move of every kind on the sample week, in the planner's order (by start)."""
    return (
        Moved(
            "lap-tw4",
            "Laporan realisasi TW IV",
            at(MONDAY, 8),
            at(MONDAY, 9),
            "busy",
            WORDS[lang]["rapat"],
            None,
            at(MONDAY, 8),
            at(MONDAY, 9),
            at(TUE, 7, 30),
        ),
        Moved("surat", "Agenda surat masuk", at(MONDAY, 15), at(MONDAY, 16), "start"),
        Moved("arsip", "Penataan arsip 2025", at(WED, 7, 30), at(WED, 9), "off", PKP),
        Moved(
            "arsip",
            "Penataan arsip 2025",
            at(THU, 13),
            at(THU, 14),
            "deadline",
            "Laporan realisasi TW IV",
            "lap-tw4",
        ),
        # a holiday takes the morning and the afternoon of a task: one line, two times
        *(
            Moved(
                "rka-2027", "Rancangan RKA 2027", a, b, "off", WORDS[lang]["libur"], to=at(THU, 13)
            )
            for a, b in ((at(FRI, 7, 30), at(FRI, 12)), (at(FRI, 13), at(FRI, 15)))
        ),
    )


TIMES = {"id": r"07\.30–12\.00", "en": "07:30–12:00"}
SINCE = at(MONDAY - timedelta(days=3), 16, 40)  # Friday afternoon's plan


def fresh_plan(lang: Lang) -> Plan:
    """The sample week of test_render_plan.py, planned afresh. (Its findings are left out:
    that module gives them words of its own.)"""
    return replace(sample_plan(lang), conflicts=())


def moved_plan(lang: Lang) -> Plan:
    """The sample week as planned on Monday, keeping Friday's plan but for the moves above."""
    return replace(fresh_plan(lang), since=SINCE, moved=moves(lang))


def md(plan: Plan, v: View) -> str:
    return markdown.render(plan, v)


# --- the words ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_move_code_has_words(lang: Lang) -> None:
    plan = moved_plan(lang)
    for code in get_args(MoveCode):
        for cause in ("", "Rapat"):
            m = Moved("lap-tw4", "T", at(TUE, 8), at(TUE, 9), code, cause)
            assert plan_words.move_reason(plan, m, lang)


def test_each_reason_in_indonesian() -> None:
    text = terminal(moved_plan("id"), view("id"), width=200)  # wide: each sentence on its line
    assert "Berubah sejak rencana Jumat, 27 November 2026 16.40 (5)" in text
    assert (
        "waktunya kini terisi Rapat koordinasi bidang 08.00–09.00 → kini Selasa, 1 Desember 07.30"
        in text
    )
    assert "tugas ini kini baru dapat dimulai kemudian\n" in text  # all of it is placed: no arrow
    assert f"hari itu kini Anda mengikuti pelatihan ({PKP}) → belum terjadwal" in text
    assert "memberi tempat bagi «Laporan realisasi TW IV» agar tenggatnya terpenuhi" in text
    assert "hari itu kini libur (HUT Kabupaten Contoh) → kini Kamis, 3 Desember 13.00" in text


def test_each_reason_in_english() -> None:
    text = terminal(moved_plan("en"), view("en"), width=200)
    assert "Changed since the plan of Friday, 27 November 2026 16:40 (5)" in text
    assert (
        "its time now holds Team coordination meeting 08:00–09:00 → now Tuesday, 1 December 07:30"
        in text
    )
    assert "this task can now only start later\n" in text
    assert f"that day you are now away at training ({PKP}) → not scheduled yet" in text
    assert "it makes room for “Laporan realisasi TW IV” to meet its deadline" in text
    assert (
        "that day is now a day off (Kabupaten Contoh anniversary) → now Thursday, 3 December 13:00"
        in text
    )


def test_the_year_is_said_only_when_it_is_not_this_one() -> None:
    plan = moved_plan("id")
    later = Moved("arsip", "A", at(THU, 8), at(THU, 9), "start", to=at(date(2027, 1, 4), 7, 30))
    assert plan_words.move_to(plan, later, "id") == "→ kini Senin, 4 Januari 2027 07.30"
    assert plan_words.move_to(plan, moves("id")[0], "id") == "→ kini Selasa, 1 Desember 07.30"
    same_day = later._replace(to=at(THU, 15, 30))
    assert plan_words.move_to(plan, same_day, "en") == "→ now 15:30"


def test_a_cause_over_whole_days_has_no_times_and_one_over_two_days_has_both() -> None:
    plan = moved_plan("en")
    base = Moved("arsip", "A", at(THU, 8), at(THU, 9), "busy", "Musrenbang")
    whole = base._replace(cause_start=at(THU, 0), cause_end=at(FRI, 0))
    assert plan_words.move_reason(plan, whole, "en") == "its time now holds Musrenbang"
    two = base._replace(cause_start=at(WED, 13), cause_end=at(THU, 11))
    assert plan_words.move_reason(plan, two, "en") == (
        "its time now holds Musrenbang Wed 2 Dec 13:00 – Thu 3 Dec 11:00"
    )
    unnamed = plan_words.move_reason(plan, base._replace(cause=""), "en")
    assert unnamed.startswith("its time is no longer free working time")


# --- the views ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_terminal_moved_matches_golden(lang: Lang) -> None:
    check_golden(f"moved.{lang}.txt", terminal(moved_plan(lang), view(lang)))


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_moved_matches_golden(lang: Lang) -> None:
    check_golden(f"moved.{lang}.md", md(moved_plan(lang), view(lang)))


def test_the_section_comes_after_the_days_and_before_what_did_not_fit() -> None:
    for text in (terminal(moved_plan("id"), view("id", 3)), md(moved_plan("id"), view("id", 3))):
        assert (
            text.index("Rabu, 2 Desember 2026")
            < text.index("Berubah sejak")
            < text.index("Belum terjadwal")
        )


def test_a_day_with_two_blocks_moved_for_one_reason_is_one_line() -> None:
    text = terminal(moved_plan("id"), view("id"))
    assert re.search(
        r" Jum 4 Des 07\.30–12\.00 +Rancangan RKA 2027  rka-2027\n +13\.00–15\.00 ", text
    )
    assert text.count("hari itu kini libur (HUT Kabupaten Contoh)") == 1
    assert "- **Jum 4 Des 07.30–12.00, 13.00–15.00** Rancangan RKA 2027 (`rka-2027`)" in md(
        moved_plan("id"), view("id")
    )


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_is_said_when_nothing_moved(lang: Lang) -> None:
    kept = replace(moved_plan(lang), moved=())
    heading = plan_words.moved_heading(kept, lang)
    for render in (terminal, md):
        assert heading in render(moved_plan(lang), view(lang))  # the control case
        assert heading not in render(kept, view(lang))
        assert heading.split()[0] not in render(fresh_plan(lang), view(lang))


@pytest.mark.parametrize(("lang", "more"), [("id", "dan 3 lainnya"), ("en", "and 3 more")])
def test_at_most_six_lines_then_how_many_more(lang: Lang, more: str) -> None:
    nine = tuple(
        Moved(
            "lap-tw4", "Laporan realisasi TW IV", at(TUE, h), at(TUE, h, 30), "start", to=at(FRI, h)
        )
        for h in range(7, 16)  # each goes elsewhere: nine lines
    )
    plan = replace(moved_plan(lang), moved=nine)
    text = terminal(plan, view(lang))
    section = text[text.index(plan_words.moved_heading(plan, lang)) :]
    assert section.startswith(f"{plan_words.moved_heading(plan, lang)} (9)\n")
    assert len(re.findall(r"lap-tw4\n", section)) == 6
    assert f" {more} — " in section
    page = md(plan, view(lang))
    assert page.count("(`lap-tw4`): ") == 6
    assert f"- _{more} — " in page


@pytest.mark.parametrize("lang", LANGS)
def test_week_grid_has_one_section_under_it(lang: Lang) -> None:
    text = terminal(moved_plan(lang), view(lang, 7, week=True))
    heading = plan_words.moved_heading(moved_plan(lang), lang)
    assert text.count(heading) == 1
    assert text.index(heading) > text.index("Jum 4 Des" if lang == "id" else "Fri 4 Dec")
    assert md(moved_plan(lang), view(lang, 7, week=True)).count(heading) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_sixty_columns_without_colour(lang: Lang) -> None:
    out = io.StringIO()
    console = make_console(file=out, width=60, no_color=True, force_terminal=True)
    render_plan(console, moved_plan(lang), view(lang))
    text = "\n".join(line.rstrip() for line in out.getvalue().splitlines())
    assert "\x1b" not in text
    assert max(cell_len(line) for line in text.splitlines()) <= 60
    # narrow: the times go under the day, so the sentence keeps its room
    friday = "Jum 4 Des" if lang == "id" else "Fri 4 Dec"
    assert re.search(rf" {friday} +Rancangan RKA 2027  rka-2027\n {TIMES[lang]} ", text)


def test_colour_is_there_when_the_terminal_has_it() -> None:
    out = io.StringIO()
    render_plan(make_console(file=out, width=60, force_terminal=True), moved_plan("id"), view("id"))
    assert "\x1b" in out.getvalue()  # so the NO_COLOR case above can fail


def test_hostile_titles_stay_inert() -> None:
    evil = Moved(
        "lap-tw4",
        "Laporan \x1b]0;pwned\x07*TW*",
        at(TUE, 8),
        at(TUE, 9),
        "busy",
        "Rapat \x1b[2J[klik](javascript:alert(1))\n# judul",
        None,
        at(TUE, 8),
        at(TUE, 9),
    )
    plan = replace(moved_plan("id"), moved=(evil,))
    out = io.StringIO()
    render_plan(make_console(file=out, width=100, no_color=True), plan, view("id"))
    text = out.getvalue()
    assert "\x1b" not in text and "pwned" not in text and "\x07" not in text
    assert "Laporan *TW*" in text
    page = md(plan, view("id"))
    assert r"Laporan \*TW\*" in page
    assert r"Rapat \[klik\](javascript:alert(1)) # judul" in page
    assert "\n# judul" not in page and "\x1b" not in page


# --- JSON ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_json_lists_every_move_with_its_reason(lang: Lang) -> None:
    plan = moved_plan(lang)
    data = json.loads(render_json.render(plan, view(lang)))
    jsonschema.validate(data, SCHEMA)
    assert data["since"] == "2026-11-27T16:40:00+07:00"
    assert len(data["moved"]) == len(plan.moved) == 6  # every move, not the lines of the view
    first = data["moved"][0]
    assert first == {
        "ref": "lap-tw4",
        "title": "Laporan realisasi TW IV",
        "start": "2026-11-30T08:00:00+07:00",
        "end": "2026-11-30T09:00:00+07:00",
        "code": "busy",
        "reason": plan_words.move_reason(plan, plan.moved[0], lang),
        "cause": WORDS[lang]["rapat"],
        "cause_ref": None,
        "cause_start": "2026-11-30T08:00:00+07:00",
        "cause_end": "2026-11-30T09:00:00+07:00",
        "to": "2026-12-01T07:30:00+07:00",
    }
    assert first["reason"].startswith("waktunya kini" if lang == "id" else "its time now")
    deadline = data["moved"][3]
    assert (deadline["code"], deadline["cause_ref"], deadline["to"]) == (
        "deadline",
        "lap-tw4",
        None,
    )


def test_json_of_a_fresh_plan_says_so() -> None:
    data = json.loads(render_json.render(fresh_plan("id"), view("id")))
    assert (data["since"], data["moved"]) == (None, [])


def test_schema_refuses_a_move_without_its_reason() -> None:
    data = json.loads(render_json.render(moved_plan("id"), view("id")))
    del data["moved"][0]["reason"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


# --- diklat why ----------------------------------------------------------------------------------


def why(plan: Plan, ref: str, lang: Lang) -> str:
    out = io.StringIO()
    task = plan.task(ref)
    assert task is not None
    render_why(make_console(file=out, width=200), plan, [task], view(lang))
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines())


def test_why_says_what_of_the_task_moved_and_why() -> None:
    text = why(moved_plan("id"), "arsip", "id")
    assert re.search(
        r"Dipindah +Rab 2 Des 07\.30–09\.00: hari itu kini Anda mengikuti pelatihan \(Pelatihan "
        r"Kepemimpinan Pengawas \(PKP\) Angkatan III\) → belum terjadwal\n +Kam 3 Des 13\.00–14\.00: "
        r"memberi tempat bagi «Laporan realisasi TW IV» agar tenggatnya terpenuhi → belum terjadwal",
        text,
    )
    en = why(moved_plan("en"), "rka-2027", "en")
    assert re.search(
        r"Moved +Fri 4 Dec 07:30–12:00, 13:00–15:00: that day is now a day off \(Kabupaten "
        r"Contoh anniversary\) → now Thursday, 3 December 13:00",
        en,
    )
    assert "Dipindah" not in why(moved_plan("id"), "absensi@2026-12-04", "id")  # nothing moved


# --- properties ----------------------------------------------------------------------------------

_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)


@st.composite
def some_moves(draw: st.DrawFn) -> tuple[Moved, ...]:
    out = []
    for _ in range(draw(st.integers(0, 12))):
        day = MONDAY + timedelta(days=draw(st.integers(0, 6)))
        start = at(day, draw(st.integers(6, 20)), draw(st.sampled_from([0, 15, 30])))
        end = start + timedelta(minutes=draw(st.integers(15, 180)))
        with_cause = draw(st.booleans())
        out.append(
            Moved(
                draw(st.sampled_from(["lap-tw4", "rka-2027", "arsip", "gone"])),
                draw(_text),
                start,
                end,
                draw(st.sampled_from(get_args(MoveCode))),
                draw(_text),
                draw(st.none() | st.just("lap-tw4")),
                start if with_cause else None,
                end if with_cause else None,
                draw(st.none() | st.just(at(FRI, 9))),
            )
        )
    return tuple(sorted(out, key=lambda m: (m.start, m.ref)))


@settings(SETTINGS, max_examples=min(EXAMPLES, 80))  # each example draws a whole day
@given(some_moves(), st.sampled_from(LANGS), st.sampled_from([60, 80, 120]))
def test_any_moves_render_inert_within_the_width_and_all_in_json(
    moved: tuple[Moved, ...], lang: Lang, width: int
) -> None:
    plan = replace(fresh_plan(lang), since=SINCE, moved=moved, unscheduled=(), warnings=())
    out = io.StringIO()
    render_plan(make_console(file=out, width=width, no_color=True), plan, view(lang))
    text = out.getvalue()
    assert "\x1b" not in text
    assert max(cell_len(line.rstrip()) for line in text.splitlines()) <= width
    heading = plan_words.moved_heading(plan, lang)
    groups = plan_words.move_groups(plan)
    assert (heading in text) is bool(moved)
    if moved:  # the heading may wrap at 60 columns
        assert f"{heading} ({len(groups)})" in " ".join(text.split())
    assert sum(map(len, groups)) == len(moved)
    data = json.loads(render_json.render(plan, view(lang)))
    MOVED_VALIDATOR.validate(data["moved"])
    assert data["since"] == SINCE.isoformat()
    assert [(m["ref"], m["start"]) for m in data["moved"]] == [
        (m.ref, m.start.isoformat()) for m in moved
    ]


# --- end to end -----------------------------------------------------------------------------------

WORKSPACE = {
    "profile": {"name": "Rina", "timezone": "Asia/Jakarta"},
    "tasks": [
        {
            "id": "spj",
            "title": "Laporan SPJ",
            "estimate": "14h",
            "due": (MONDAY + timedelta(days=4)).isoformat(),
            "important": True,
        }
    ],
}


def test_a_meeting_over_yesterdays_block_is_said_in_every_view() -> None:
    """Monday's plan is kept on Tuesday but for the hour a new meeting took."""
    ws = validate(Workspace, WORKSPACE)
    monday = make_plan(ws, MONDAY, holidays=HolidayData())
    tue = [b for b in monday.day(TUE).blocks if b.kind == "task"] if monday.day(TUE) else []
    assert tue, "Monday's plan puts the report on Tuesday too"
    start = tue[0].start
    meeting = {
        "title": "Rapat baru",
        "date": TUE.isoformat(),
        "time": f"{start:%H:%M}-{start + timedelta(hours=1):%H:%M}",
    }
    changed = replace(ws, events=validate(Workspace, {**WORKSPACE, "events": [meeting]}).events)
    record = record_of(monday, at(MONDAY, 7, 5))
    plan = make_plan(changed, MONDAY, holidays=HolidayData(), previous=record)
    assert [m.code for m in plan.moved] == ["busy"]
    hour = f"{start:%H}.{start:%M}–{start + timedelta(hours=1):%H}.{start:%M}"
    v = View(lang="id", dates=(MONDAY,))
    text = terminal(plan, v)
    assert "Berubah sejak rencana Senin, 30 November 2026 07.05 (1)" in text
    assert f"waktunya kini terisi Rapat baru {hour} → kini" in text
    assert f"waktunya kini terisi Rapat baru {hour} → kini" in md(plan, v)
    data = json.loads(render_json.render(plan, View(lang="en", dates=(MONDAY,))))
    jsonschema.validate(data, SCHEMA)
    assert data["moved"][0]["reason"] == (f"its time now holds Rapat baru {hour.replace('.', ':')}")
    assert data["moved"][0]["to"] is not None
    assert "Dipindah" in why(plan, "spj", "id")
