"""The plan's values are worded in one place (render/plan_words.py): every code the planner can
return has words in both languages, and the views say the same thing in the same words."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import get_args

import pytest

from diklat_cli.i18n import Lang
from diklat_cli.planning.plan import (
    Block,
    DayKind,
    DayNote,
    DueKind,
    DueNote,
    ReasonCode,
    Suggestion,
    SuggestionCode,
    TrainingMode,
    Unscheduled,
)
from diklat_cli.planning.schedule import make_plan
from diklat_cli.render import json as render_json
from diklat_cli.render import markdown, plan_words
from diklat_cli.render.words import View
from diklat_cli.workspace.holidays_id import HolidayData
from diklat_cli.workspace.loader import demo_path, load

DAY = date(2026, 12, 1)
LANGS: tuple[Lang, ...] = ("id", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_every_code_the_planner_returns_has_words(lang: Lang) -> None:
    at = Block(datetime(2026, 12, 1, 8), datetime(2026, 12, 1, 9), "task", "t", "T")
    for kind in get_args(DueKind):
        assert plan_words.block_note(at._replace(due=DueNote(kind, DAY)), lang)
    for mode in get_args(TrainingMode):
        assert plan_words.block_note(at._replace(kind="training", mode=mode), lang)
    for day in get_args(DayKind):
        assert plan_words.day_note(DayNote(day, "Natal"), lang)
    for code in get_args(ReasonCode):
        u = Unscheduled(
            ref="t", minutes=30, reason=code, last=DAY, due=DAY, start=DAY, week=DAY, per_day=60
        )
        assert plan_words.reason(u, lang)
    for s in get_args(SuggestionCode):
        assert plan_words.suggestion(Suggestion(code=s, due=DAY, name="Budi"), lang)


@pytest.mark.parametrize("lang", LANGS)
def test_json_and_markdown_say_the_same_notes_and_reasons(lang: Lang) -> None:
    ws = load(demo_path())
    ws = replace(ws, planning=replace(ws.planning, horizon_days=3))  # too short: work left over
    plan = make_plan(ws, DAY, holidays=HolidayData())
    view = View(lang=lang, dates=(DAY,), limit=1000)
    data = render_json.to_dict(plan, view)
    text = markdown.render(plan, view).replace("\\", "")
    notes = [b["note"] for d in data["days"] for b in d["blocks"] if b["kind"] == "task"]
    assert notes and all(n in text for n in notes)
    reasons = [u["reason"] for u in data["unscheduled"]]
    assert reasons and all(r in text for r in reasons)
