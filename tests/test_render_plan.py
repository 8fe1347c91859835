"""The plan presenters (terminal, Markdown, JSON) on a hand-built plan, against golden files.

The plan is written out here, not computed, so these tests pin the presentation alone. Set
DIKLAT_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change, then read the diff.
"""

from __future__ import annotations

import io
import json
import os
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jsonschema
import pytest

from diklat_cli.i18n import Lang
from diklat_cli.planning.plan import (
    Block,
    Conflict,
    DayNote,
    DayPlan,
    DueNote,
    Estimated,
    Plan,
    Suggestion,
    TaskStatus,
    Unscheduled,
    UrgencyTerm,
)
from diklat_cli.record import Record
from diklat_cli.render import findings, markdown
from diklat_cli.render import json as render_json
from diklat_cli.render.terminal import make_console, render_plan, render_why
from diklat_cli.render.words import View

GOLDEN = Path(__file__).parent / "golden" / "plan"
SCHEMA = Path(__file__).parent / "plan.schema.json"
TZ = ZoneInfo("Asia/Jakarta")
MONDAY = date(2026, 11, 30)
COLLEAGUES = {"budi": "Budi Santoso, S.Sos.", "sari": "Sari Dewi, S.E."}

# The plan's own words (notes, reasons) are made by the views from the planner's values; the
# titles and the clashes' words are literals here.
WORDS: dict[Lang, dict[str, str]] = {
    "id": {
        "sesi": "PKP Angkatan III — sesi daring",
        "rapat": "Rapat koordinasi bidang",
        "libur": "HUT Kabupaten Contoh",
        "clash": "Sesi daring PKP pada Selasa, 1 Desember 13.00–15.00 bersamaan dengan Rapat evaluasi TW IV",
        "clash_fix": "minta izin tidak hadir rapat, atau utus Sari",
        "quiet": "Pelatihan luring Rabu, 2 Desember jatuh di masa sibuk Penyusunan RKA",
        "warn": "Hari Suci Nyepi",
        "quiet_fix": "konsultasikan dengan atasan: diklat check --suggest pkp-2027",
        "jp": "JP tahun 2026: 12 JP; kurang 8 JP dari target 20 JP.",
    },
    "en": {
        "sesi": "PKP Batch III — online session",
        "rapat": "Team coordination meeting",
        "libur": "Kabupaten Contoh anniversary",
        "clash": "PKP online session on Tuesday, 1 December 13:00–15:00 at the same time as the TW IV review meeting",
        "clash_fix": "ask to be excused from the meeting, or send Sari",
        "quiet": "In-class training on Wednesday, 2 December falls in the RKA busy period",
        "warn": "Day of Silence (Nyepi)",
        "quiet_fix": "talk to your supervisor: diklat check --suggest pkp-2027",
        "jp": "JP in 2026: 12 JP; 8 JP short of the target of 20 JP.",
    },
}


def at(d: date, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(d, time(hh, mm), TZ)


def sample_plan(lang: Lang) -> Plan:
    """Monday to Sunday of a Bappeda analyst's week, with one of everything the views show."""
    w = WORDS[lang]
    mon, tue, wed, thu, fri = (MONDAY + timedelta(days=i) for i in range(5))
    sat, sun = MONDAY + timedelta(days=5), MONDAY + timedelta(days=6)
    pkp = "Pelatihan Kepemimpinan Pengawas (PKP) Angkatan III"
    days = (
        DayPlan(
            mon,
            True,
            None,
            (
                Block(at(mon, 6, 15), at(mon, 7, 15), "study", "pkp-2027", pkp),
                Block(
                    at(mon, 7, 30),
                    at(mon, 8),
                    "task",
                    "surat",
                    "Agenda surat masuk",
                    "delegate",
                    DueNote("due", mon),
                ),
                Block(
                    at(mon, 8),
                    at(mon, 9),
                    "event",
                    None,
                    w["rapat"],
                    location="Ruang Rapat Bappeda",
                    link="https://teams.microsoft.com/l/meetup-join/0",
                ),
                Block(
                    at(mon, 9),
                    at(mon, 12),
                    "task",
                    "lap-tw4",
                    "Laporan realisasi TW IV",
                    "do",
                    DueNote("due", thu),
                ),
                Block(at(mon, 12), at(mon, 13), "break", None, ""),
                Block(
                    at(mon, 13),
                    at(mon, 15),
                    "training",
                    "pkp-2027",
                    w["sesi"],
                    mode="online",
                    link="https://zoom.us/j/0000000000",
                ),
                Block(
                    at(mon, 15),
                    at(mon, 16),
                    "task",
                    "rka-2027",
                    "Rancangan RKA 2027",
                    "plan",
                    DueNote("late", thu),
                ),
            ),
            free_minutes=0,
            work_minutes=450,
        ),
        DayPlan(
            tue,
            True,
            None,
            (
                Block(
                    at(tue, 7, 30),
                    at(tue, 10),
                    "task",
                    "lap-tw4",
                    "Laporan realisasi TW IV",
                    "do",
                    DueNote("due", thu),
                ),
                Block(
                    at(tue, 10),
                    at(tue, 11, 30),
                    "task",
                    "rka-2027",
                    "Rancangan RKA 2027",
                    "plan",
                    DueNote("late", thu),
                ),
                Block(at(tue, 12), at(tue, 13), "break", None, ""),
                Block(
                    at(tue, 13),
                    at(tue, 15),
                    "training",
                    "pkp-2027",
                    w["sesi"],
                    mode="online",
                    link="https://zoom.us/j/0000000000",
                ),
                Block(at(tue, 19, 45), at(tue, 20, 45), "study", "pkp-2027", pkp),
            ),
            free_minutes=90,
            work_minutes=450,
        ),
        DayPlan(
            wed,
            False,
            None,
            (
                Block(
                    at(wed, 8),
                    at(wed, 16),
                    "training",
                    "pkp-2027",
                    pkp,
                    location="Kampus BPSDM",
                    mode="offline",
                ),
            ),
        ),
        DayPlan(
            thu,
            True,
            None,
            (
                Block(
                    at(thu, 7, 30),
                    at(thu, 12),
                    "task",
                    "rka-2027",
                    "Rancangan RKA 2027",
                    "plan",
                    DueNote("late", thu),
                ),
                Block(at(thu, 12), at(thu, 13), "break", None, ""),
            ),
            free_minutes=180,
            work_minutes=450,
        ),
        DayPlan(fri, False, DayNote("local", w["libur"])),
        DayPlan(sat, False, None),
        DayPlan(sun, False, None),
    )
    tasks = (
        TaskStatus(
            "lap-tw4",
            "Laporan realisasi TW IV",
            "do",
            15.6,
            (UrgencyTerm("due", 0.8, 12.0), UrgencyTerm("important", 1.0, 6.0)),
            330,
            330,
            0,
            at(thu, 16),
            at(tue, 10),
            False,
            None,
            True,
            True,
        ),
        TaskStatus(
            "rka-2027",
            "Rancangan RKA 2027",
            "plan",
            8.4,
            (UrgencyTerm("due", 0.2, 12.0), UrgencyTerm("important", 1.0, 6.0)),
            420,
            420,
            0,
            at(date(2026, 12, 3), 11),
            at(thu, 12),
            True,
            None,
            True,
            False,
        ),
        TaskStatus(
            "surat",
            "Agenda surat masuk",
            "delegate",
            9.0,
            (UrgencyTerm("due", 0.75, 12.0),),
            30,
            30,
            0,
            at(mon, 16),
            at(mon, 8),
            False,
            None,
            False,
            True,
        ),
        TaskStatus(
            "absensi@2026-12-04",
            "Rekap absensi bidang",
            "delegate",
            9.0,
            (UrgencyTerm("due", 0.75, 12.0),),
            45,
            0,
            0,
            at(fri, 16, 30),
            None,
            False,
            "budi",
            False,
            True,
        ),
        TaskStatus(
            "arsip",
            "Penataan arsip 2025",
            "drop",
            2.4,
            (UrgencyTerm("due", 0.2, 12.0),),
            600,
            480,
            120,
            at(date(2026, 12, 11), 16, 30),
            None,
            True,
            None,
            False,
            False,
        ),
    )
    given: dict[str, Any] = {
        "clash": Given("meeting_vs_session", w["clash"], w["clash_fix"]),
        "quiet": Given("quiet", w["quiet"], w["quiet_fix"]),
        "jp": Given("jp", w["jp"]),
    }
    return Plan(
        "Asia/Jakarta",
        MONDAY,
        days,
        tasks,
        (
            Unscheduled(
                ref="arsip",
                minutes=120,
                reason="given_up",
                suggestion=Suggestion(
                    code="colleague",
                    colleague="budi",
                    name=COLLEAGUES["budi"],
                    skill="arsip",
                    capacity=300,
                ),
                last=MONDAY + timedelta(days=13),
                due=date(2026, 12, 11),
            ),
        ),
        (  # the findings' facts are test doubles here (see Given)
            Conflict("warning", given["clash"], ("pkp-2027",)),
            Conflict("error", given["quiet"], ("pkp-2027",)),
            Conflict("info", given["jp"]),
        ),
        (Estimated(date(2027, 3, 20), w["warn"]),),
    )


class Given(Record):
    """A finding with its words given, as the planner's notes are given above."""

    kind: str
    message: str
    suggestion: str = ""


@pytest.fixture(autouse=True)
def _given_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """The presenters word a finding through render/findings.py (its sentences are tested in
    test_conflicts.py); here they get the literal words, so the goldens pin the layout alone."""
    monkeypatch.setattr(findings, "message", lambda c, lang: c.facts.message)
    monkeypatch.setattr(findings, "suggestion", lambda c, lang: c.facts.suggestion)


def view(lang: Lang, days: int = 1, *, explain: bool = False, week: bool = False) -> View:
    dates = tuple(MONDAY + timedelta(days=i) for i in range(days))
    return View(lang=lang, dates=dates, colleagues=COLLEAGUES, explain=explain, week=week)


def terminal(plan: Plan, v: View, width: int = 100) -> str:
    out = io.StringIO()
    render_plan(make_console(file=out, width=width), plan, v)
    # rich pads table cells with spaces; editors strip them from golden files, so compare without
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("DIKLAT_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    assert path.is_file(), f"{path} is missing: run with DIKLAT_UPDATE_GOLDEN=1 and read it"
    assert text == path.read_text("utf-8")


LANGS: tuple[Lang, ...] = ("id", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_terminal_day_matches_golden(lang: Lang) -> None:
    check_golden(f"day.{lang}.txt", terminal(sample_plan(lang), view(lang)))


@pytest.mark.parametrize("lang", LANGS)
def test_terminal_days_and_explain_match_golden(lang: Lang) -> None:
    check_golden(
        f"days3-explain.{lang}.txt", terminal(sample_plan(lang), view(lang, 3, explain=True))
    )


@pytest.mark.parametrize("lang", LANGS)
def test_terminal_week_matches_golden(lang: Lang) -> None:
    check_golden(f"week.{lang}.txt", terminal(sample_plan(lang), view(lang, 7, week=True)))


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_matches_golden(lang: Lang) -> None:
    check_golden(f"day.{lang}.md", markdown.render(sample_plan(lang), view(lang, 2)))


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_week_matches_golden(lang: Lang) -> None:
    check_golden(f"week.{lang}.md", markdown.render(sample_plan(lang), view(lang, 7, week=True)))


@pytest.mark.parametrize("lang", LANGS)
def test_json_matches_golden(lang: Lang) -> None:
    check_golden(f"plan.{lang}.json", render_json.render(sample_plan(lang), view(lang, 2)))


def test_day_view_says_what_a_user_needs_first() -> None:
    text = terminal(sample_plan("id"), view("id"))
    assert text.startswith(
        "Rencana hari ini — Senin, 30 November 2026 (WIB)\n"
        " 06.15–07.15  Belajar mandiri        Pelatihan Kepemimpinan Pengawas (PKP) Angkatan\n"
    )
    assert re.search(r"09\.00–12\.00 +Tugas +Laporan realisasi TW IV  lap-tw4 +kerjakan", text)
    assert re.search(r"13\.00–15\.00 +Sesi pelatihan daring +PKP Angkatan III", text)
    assert "https://zoom.us/j/0000000000" in text
    assert (
        "Beban: tugas 4 jam 30 menit · belajar 1 jam · rapat/sesi 3 jam · bebas 0 menit dari "
        "7 jam 30 menit"
    ) in text
    assert re.search(r"Penataan arsip 2025  arsip +2 jam +Tidak muat", text)
    assert re.search(r"Rekap absensi bidang  absensi@2026-12-04  → Budi Santoso, S\.Sos\.\n", text)
    assert re.search(r"masalah +Pelatihan luring Rabu", text)
    # notes such as the JP tally stay out of the morning view; `diklat check` has them
    assert "JP tahun 2026" not in text
    assert " Saran untuk tiap temuan dan 1 catatan lain: diklat check\n" in text


def test_days_off_say_why() -> None:
    text = terminal(sample_plan("en"), view("en", 7))
    assert (
        "Away from the office — At training: Pelatihan Kepemimpinan Pengawas (PKP) Angkatan III"
        in text
    )
    assert "Day off — Local holiday: Kabupaten Contoh anniversary" in text
    assert text.count("Day off — Weekend") == 2


def test_week_grid_shows_each_days_load() -> None:
    text = terminal(sample_plan("id"), view("id", 7, week=True))
    assert "Sepekan — 30 November 2026 s.d. 6 Desember 2026 (WIB)" in text
    # Monday is full (no free time), Thursday is 60 % full
    assert re.search(r"Sen 30 Nov +8,5 jam +0 menit +██████████ ", text)
    assert re.search(r"Kam 3 Des +4,5 jam +3 jam +██████░░░░ ", text)
    assert re.search(r"Jum 4 Des +— +— +HUT Kabupaten Contoh", text)


def test_explain_shows_each_term_in_words() -> None:
    text = terminal(sample_plan("id"), view("id", explain=True))
    assert (
        " 15,60  kerjakan     Laporan realisasi TW IV  lap-tw4\n"
        "                     tenggat makin dekat   0,80 × 12,0 =  9,60\n"
        "                     penting               1,00 ×  6,0 =  6,00\n"
    ) in text


@pytest.mark.parametrize("width", [80, 120])
def test_terminal_fits_the_width(width: int) -> None:
    text = terminal(sample_plan("id"), view("id", 3, explain=True), width=width)
    assert max(len(line) for line in text.splitlines()) <= width


@pytest.mark.parametrize("no_color", [False, True])
def test_no_color_means_no_escape_codes(no_color: bool) -> None:
    out = io.StringIO()
    console = make_console(file=out, width=100, no_color=no_color, force_terminal=True)
    render_plan(console, sample_plan("id"), view("id"))
    # the control case shows that a terminal would get colour, so the NO_COLOR case can fail
    assert ("\x1b" in out.getvalue()) is not no_color


@pytest.mark.parametrize("lang", LANGS)
def test_json_keeps_the_contract(lang: Lang) -> None:
    data = json.loads(render_json.render(sample_plan(lang), view(lang, 2)))
    jsonschema.validate(data, json.loads(SCHEMA.read_text("utf-8")))
    assert data["timezone"] == "Asia/Jakarta"
    assert [d["date"] for d in data["days"]] == ["2026-11-30", "2026-12-01"]
    first = data["days"][0]["blocks"][0]
    assert first["start"] == "2026-11-30T06:15:00+07:00"
    assert first["end"] == "2026-11-30T07:15:00+07:00"
    assert (first["kind"], first["ref"]) == ("study", "pkp-2027")
    meeting = data["days"][0]["blocks"][2]
    assert (meeting["kind"], meeting["ref"]) == ("event", None)
    lap = next(t for t in data["tasks"] if t["id"] == "lap-tw4")
    assert {
        k: lap[k]
        for k in ("quadrant", "scheduled_minutes", "remaining_minutes", "late", "delegated_to")
    } == {
        "quadrant": "do",
        "scheduled_minutes": 330,
        "remaining_minutes": 0,
        "late": False,
        "delegated_to": None,
    }
    assert data["unscheduled"][0]["ref"] == "arsip"
    assert data["unscheduled"][0]["minutes"] == 120
    assert data["conflicts"][0]["refs"] == ["pkp-2027"]


def test_schema_refuses_a_plan_that_breaks_the_contract() -> None:
    data = json.loads(render_json.render(sample_plan("id"), view("id")))
    data["days"][0]["blocks"][0]["kind"] = "nap"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json.loads(SCHEMA.read_text("utf-8")))


def test_markdown_escapes_what_users_typed() -> None:
    plan = sample_plan("id")
    day = plan.days[0]
    odd = Block(at(MONDAY, 16), at(MONDAY, 16, 30), "task", "x", "Cek *semua* [draft]", "drop")
    odd_plan = Plan(plan.timezone, plan.today, (DayPlan(day.date, True, None, (odd,)),), ())
    assert r"Cek \*semua\* \[draft\]" in markdown.render(odd_plan, view("id"))


def test_why_tells_when_and_why_late() -> None:
    plan = sample_plan("id")
    out = io.StringIO()
    rka = plan.task("rka-2027")
    assert rka is not None
    render_why(make_console(file=out, width=100), plan, [rka], view("id"))
    text = out.getvalue()
    assert "Rancangan RKA 2027  rka-2027" in text
    assert re.search(r"Kuadran +jadwalkan — penting, belum mendesak", text)
    assert re.search(r"Tenggat +Kamis, 3 Desember 2026 11\.00", text)
    assert re.search(r"Jadwal +Sen 30 Nov  15\.00–16\.00  1 jam", text)
    assert re.search(r"\n +Kam 3 Des   07\.30–12\.00  4 jam 30 menit", text)
    assert re.search(
        r"Terlambat +selesai Kamis, 3 Desember 2026 12\.00, tenggat Kamis, 3 Desember 2026 11\.00",
        text,
    )
