"""Urgency term by term, and the quadrant, as `diklat why` shows them."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from diklat_cli.planning.prioritise import Ranking, due_value, quadrant, rank
from diklat_cli.render.words import quadrant_label, term_label

NOW = datetime(2026, 11, 30, tzinfo=ZoneInfo("Asia/Jakarta"))


def test_due_term_is_taskwarriors_line() -> None:
    assert due_value(-30) == 0.2
    assert due_value(-14) == 0.2
    assert round(due_value(0), 4) == round(14 * 0.8 / 21 + 0.2, 4)
    assert due_value(7) == 1.0


def test_an_important_task_due_soon_is_do_with_its_terms() -> None:
    r = rank(
        now=NOW,
        due=NOW + timedelta(days=2, hours=16),
        available=NOW - timedelta(days=15),
        important=True,
        forced=None,
        working_days_to_due=2,
        urgent_within_days=2,
    )
    assert [(t.name, t.value, t.coefficient) for t in r.terms] == [
        ("due", 0.6317, 12.0),
        ("important", 1.0, 6.0),
        ("age", 0.5, 2.0),
    ]
    assert r.urgency == round(0.6317 * 12 + 6 + 1, 4)
    assert (r.urgent, r.quadrant) == (True, "do")


def test_working_days_decide_urgency_and_the_file_can_force_it() -> None:
    def r(important: bool, forced: bool | None, days: int) -> Ranking:
        return rank(
            now=NOW,
            due=NOW + timedelta(days=4),
            available=None,
            important=important,
            forced=forced,
            working_days_to_due=days,
            urgent_within_days=2,
        )

    # four calendar days away but three working days (a holiday in between): not urgent
    assert r(False, None, 3).quadrant == "drop"
    forced = r(False, True, 3)
    assert forced.quadrant == "delegate" and forced.terms[-1].name == "forced"
    calm = r(True, False, 0)
    assert calm.quadrant == "plan" and calm.terms[-1].coefficient == -4.0


def test_overdue_and_waiting_terms() -> None:
    r = rank(
        now=NOW,
        due=NOW - timedelta(days=1),
        available=NOW + timedelta(days=1),
        important=False,
        forced=None,
        working_days_to_due=0,
        urgent_within_days=2,
    )
    assert [t.name for t in r.terms] == ["due", "overdue", "waiting"]
    assert r.quadrant == "delegate"


def test_quadrants_and_words() -> None:
    assert [quadrant(u, i) for u, i in ((1, 1), (0, 1), (1, 0), (0, 0))] == [
        "do",
        "plan",
        "delegate",
        "drop",
    ]
    # the one label every view shows (the core's own "tunda atau hapus" was never printed)
    assert quadrant_label("drop", "id") == "tunda"
    assert term_label("due", "en") == "due date approaching"
    assert term_label("mystery", "en") == "mystery"  # a term the views do not know: its name
