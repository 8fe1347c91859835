"""A year of thousands of tasks on the terminal and in Markdown: each list shows its first rows.

Nobody reads 10,000 lines; the terminal shows the first ten of what did not fit, what is late and
what is handed over (in the plan's own order), then says how many more and where to see them all.
The JSON keeps every one.
"""

from __future__ import annotations

import io
import json
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from diklat_cli.i18n import Lang
from diklat_cli.planning.findings import NoDeputy
from diklat_cli.planning.plan import Conflict, DayPlan, Plan, TaskStatus, Unscheduled
from diklat_cli.render import json as render_json
from diklat_cli.render import markdown
from diklat_cli.render.terminal import make_console, render_plan
from diklat_cli.render.words import View

TZ = ZoneInfo("Asia/Jakarta")
MONDAY = date(2027, 1, 4)


def status(i: int, **kw: object) -> TaskStatus:
    due = datetime.combine(MONDAY + timedelta(days=1), time(16), TZ)
    fields: dict[str, object] = {
        "id": f"t{i:05d}",
        "title": f"Tugas {i}",
        "quadrant": "plan",
        "urgency": 20.0 - i / 1000,
        "terms": (),
        "estimate_minutes": 60,
        "scheduled_minutes": 0,
        "remaining_minutes": 0,
        "due": due,
        "finish": None,
        "late": False,
        "delegated_to": None,
        "important": True,
        "urgent": False,
    }
    fields.update(kw)
    return TaskStatus(**fields)  # type: ignore[arg-type]


def big_plan(unscheduled: int, late: int, delegated: int, clashes: int = 0) -> Plan:
    finish = datetime.combine(MONDAY + timedelta(days=3), time(9), TZ)
    tasks = (
        [status(i, remaining_minutes=30, late=True) for i in range(unscheduled)]
        + [
            status(i, late=True, scheduled_minutes=60, finish=finish)
            for i in range(unscheduled, unscheduled + late)
        ]
        + [
            status(i, delegated_to="budi")
            for i in range(unscheduled + late, unscheduled + late + delegated)
        ]
    )
    return Plan(
        timezone="Asia/Jakarta",
        today=MONDAY,
        days=(DayPlan(MONDAY, True, None, (), 450, 450),),
        tasks=tuple(tasks),
        unscheduled=tuple(Unscheduled(f"t{i:05d}", 30, f"alasan {i}") for i in range(unscheduled)),
        conflicts=tuple(
            Conflict("warning", NoDeputy(training=f"Diklat {i}", days=5)) for i in range(clashes)
        ),
    )


def terminal(plan: Plan, lang: Lang = "id") -> str:
    out = io.StringIO()
    view = View(lang=lang, dates=(MONDAY,), colleagues={"budi": "Budi Santoso"})
    render_plan(make_console(file=out, width=100, no_color=True), plan, view)
    return "\n".join(line.rstrip() for line in out.getvalue().splitlines()) + "\n"


def test_unscheduled_shows_the_first_ten_and_says_how_many_more() -> None:
    text = terminal(big_plan(unscheduled=1_234, late=0, delegated=0))
    assert "Belum terjadwal (1.234)" in text
    for i in range(10):
        assert f"Tugas {i}  t{i:05d}" in text
    assert "t00010" not in text
    assert " dan 1.224 lainnya — diklat plan --format json untuk semuanya\n" in text
    assert len(text.splitlines()) < 40


def test_late_and_delegated_are_cut_short_in_english_too() -> None:
    text = terminal(big_plan(unscheduled=0, late=12, delegated=1_500), lang="en")
    assert "Past the deadline (12)" in text
    assert " and 2 more — diklat plan --format json for all of them\n" in text
    assert "Delegated (1,500)" in text
    assert " and 1,490 more — diklat plan --format json for all of them\n" in text
    assert "t00011" not in text  # the 12th late task
    assert "t00021" in text and "t00022" not in text  # the 10th delegated one, not the 11th


def test_clashes_are_cut_short_with_diklat_check_for_the_rest() -> None:
    text = terminal(big_plan(unscheduled=0, late=0, delegated=0, clashes=51))
    assert "Bentrok dan risiko (51)" in text
    assert "untuk Diklat 9 tanpa Plh" in text and "Diklat 10 " not in text
    assert " dan 41 lainnya — diklat check untuk semuanya\n" in text


@pytest.mark.parametrize("n", [1, 10])
def test_a_short_list_has_no_more_line(n: int) -> None:
    text = terminal(big_plan(unscheduled=n, late=n, delegated=n, clashes=n))
    assert "lainnya" not in text
    assert f"Tugas {n - 1}  t{n - 1:05d}" in text


def test_json_keeps_every_row() -> None:
    plan = big_plan(unscheduled=1_234, late=12, delegated=30)
    view = View(lang="id", dates=(MONDAY,))
    data = json.loads(render_json.render(plan, view))
    assert len(data["unscheduled"]) == 1_234
    assert len(data["tasks"]) == 1_276


def test_json_of_a_long_plan_is_exactly_what_json_dumps_writes() -> None:
    plan = big_plan(unscheduled=300, late=20, delegated=30, clashes=5)
    view = View(lang="id", dates=(MONDAY,))
    expected = json.dumps(render_json.to_dict(plan, view), ensure_ascii=False, indent=2) + "\n"
    assert render_json.render(plan, view) == expected
    # the CLI writes it in pieces: together they are the same bytes
    assert "".join(render_json.chunks(plan, view)) == expected
    assert len(list(render_json.chunks(plan, view))) > 1


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        {"a": [], "b": {}, "c": [[]], "d": [{}]},
        {"title": 'rapat "bidang"\n  "note": null', "note": None, "x": [1, 2.5, -0.0]},
        {"note": '\n  "note": null', "refs": ["a", "b"], "terms": [{"k": True}, {"k": False}]},
        {"t": "Lap. TW IV — Bappeda ✓", "f": [1e-7, 1e21, float("nan"), float("inf")]},
        [[1, [2, [3, {"deep": [{"deeper": "}\n]"}]}]]], "end"],
        [{"k": "},\n    {", "n": 1}, {"k": "}, {"}, {"k": '"},\n    {"'}],
        "alone",
        12,
        None,
    ],
)
def test_the_fast_json_writer_spells_every_value_as_json_dumps(value: object) -> None:
    """Strings that look like the writer's own keys and nulls must not fool it."""
    expected = json.dumps({"v": value, "w": [value]}, ensure_ascii=False, indent=2)
    assert render_json._encode({"v": value, "w": [value]}, 0) == expected


def test_markdown_cuts_long_lists_short_like_the_terminal() -> None:
    plan = big_plan(unscheduled=1_234, late=12, delegated=30, clashes=51)
    view = View(lang="id", dates=(MONDAY,), colleagues={"budi": "Budi Santoso"})
    text = markdown.render(plan, view)
    assert "- Tugas 9 (`t00009`), 30 menit: alasan 9\n" in text
    assert "t00010`), 30 m" not in text
    assert "- _dan 1.224 lainnya — diklat plan --format json untuk semuanya_\n" in text
    assert "- Tugas 1243 (`t01243`): " in text and "t01244" not in text  # the 10th late one
    assert "- _dan 2 lainnya — diklat plan --format json untuk semuanya_\n" in text
    assert "- **peringatan**: Anda meninggalkan kantor 5 hari kerja untuk Diklat 9 tanpa" in text
    assert "Diklat 10 " not in text
    assert "- _dan 41 lainnya — diklat check untuk semuanya_\n" in text
    assert "- Tugas 1255 (`t01255`) → Budi Santoso" in text and "t01256" not in text
    assert "- _dan 20 lainnya — diklat plan --format json untuk semuanya_\n" in text
    assert len(text.splitlines()) < 80


def test_markdown_says_more_in_english_and_not_when_all_fit() -> None:
    en = View(lang="en", dates=(MONDAY,))
    text = markdown.render(big_plan(unscheduled=0, late=0, delegated=1_500), en)
    assert "- _and 1,490 more — diklat plan --format json for all of them_\n" in text
    short = markdown.render(big_plan(unscheduled=10, late=10, delegated=10, clashes=10), en)
    assert "more —" not in short
    assert "t00009" in short and "t00029" in short


def test_markdown_explain_shows_the_fifty_most_urgent() -> None:
    view = View(lang="id", dates=(MONDAY,), explain=True)
    text = markdown.render(big_plan(unscheduled=100, late=0, delegated=0), view)
    assert "- Tugas 49 (`t00049`): _" in text  # ranked by urgency: t00000 first
    assert "(`t00050`): _" not in text
    assert "- _dan 50 lainnya — diklat plan --format json untuk semuanya_\n" in text
