"""compose.py: what the commands show is built in one place, from plain values."""

from __future__ import annotations

import ast
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from diklat_cli import compose
from diklat_cli.demo import shift_to
from diklat_cli.i18n import Lang
from diklat_cli.planning.findings import NoDeputy
from diklat_cli.planning.plan import Conflict, Plan
from diklat_cli.workspace.loader import demo_path, load

CLI = Path(compose.__file__).parent / "cli"
COMMANDS = ("plan", "check", "why", "export", "handover", "done", "setup")

findings = st.builds(
    Conflict,
    st.sampled_from(["error", "warning", "info"]),
    st.builds(NoDeputy, training=st.sampled_from(["A", "B", "C"]), days=st.integers(4, 6)),
    st.tuples(st.sampled_from(["a", "b"])),
)


@given(st.lists(findings, max_size=12), st.lists(findings, max_size=12))
def test_a_finding_the_plan_holds_is_not_added_again_and_errors_come_first(
    own: list[Conflict], found: list[Conflict]
) -> None:
    plan = Plan("Asia/Jakarta", date(2027, 1, 4), (), (), conflicts=tuple(dict.fromkeys(own)))
    merged = compose.with_conflicts(plan, found).conflicts
    assert set(merged) == set(own) | set(found)
    assert len(merged) == len(set(own)) + len([c for c in found if c not in own])
    order = ["error", "warning", "info"]
    assert [order.index(c.severity) for c in merged] == sorted(
        order.index(c.severity) for c in merged
    )


def test_a_longer_view_stretches_the_horizon_and_a_shorter_one_does_not() -> None:
    today = date(2027, 1, 4)
    ws = shift_to(load(demo_path()), today)
    days = ws.planning.horizon_days
    assert compose.stretched(ws, today, today + timedelta(days=days + 9)).planning.horizon_days == (
        days + 10
    )
    assert compose.stretched(ws, today, today + timedelta(days=2)) is ws
    first, last = compose.plan_window(ws, today)
    assert first <= today and last >= today + timedelta(days=days - 1)


def test_no_command_module_imports_another() -> None:
    for name in COMMANDS:
        tree = ast.parse((CLI / f"{name}.py").read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                assert node.module not in COMMANDS, f"cli/{name}.py imports cli/{node.module}.py"


def test_every_format_says_a_finding_in_the_same_words() -> None:
    import json

    from diklat_cli.render import check, markdown
    from diklat_cli.render import json as render_json
    from diklat_cli.render.findings import message
    from diklat_cli.render.words import View
    from diklat_cli.workspace.holidays_id import HolidayData
    from diklat_cli.workspace.state import Progress

    today = date(2027, 1, 12)
    ws = shift_to(load(demo_path()), today)
    inputs = {"holidays": HolidayData(), "busy": (), "progress": Progress()}
    plan, found = compose.plan_and_findings(ws, today, **inputs)  # type: ignore[arg-type]
    plan = compose.with_conflicts(plan, found)
    assert found
    langs: tuple[Lang, ...] = ("id", "en")
    for lang in langs:
        view = View(lang=lang, dates=(today,))
        words = [message(c, lang) for c in plan.conflicts]
        in_json = [c["message"] for c in render_json.to_dict(plan, view)["conflicts"]]
        in_check = [
            f["message"] for f in json.loads(check.findings_json(found, today, lang))["findings"]
        ]
        assert in_json == words
        assert sorted(in_check) == sorted(words)
        text = markdown.render(plan, view)
        for c, w in zip(plan.conflicts, words, strict=True):
            if c.severity != "info":  # the day's view leaves the notes to `diklat check`
                assert w.replace("*", "\\*").replace("_", "\\_") in text or w in text
