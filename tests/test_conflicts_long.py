"""An overloaded week with dozens of tasks due names a few of them, not every title."""

from __future__ import annotations

from datetime import date

from diklat_cli.planning.conflicts import find
from diklat_cli.render.findings import message
from diklat_cli.workspace.holidays_id import HolidayData
from diklat_cli.workspace.loader import validate
from diklat_cli.workspace.models import Workspace

TODAY = date(2027, 1, 11)  # Monday; the week holds 37.5 working hours


def week_of(n: int, estimate: str) -> Workspace:
    return validate(
        Workspace,
        {
            "profile": {"name": "Rina"},
            "planning": {"annual_jp_target": 0},
            "tasks": [
                {
                    "id": f"t{i:02d}",
                    "title": f"Telaah staf {i}",
                    "estimate": estimate,
                    "due": date(2027, 1, 15),
                }
                for i in range(n)
            ],
        },
    )


def test_an_overloaded_week_names_five_titles_and_counts_the_rest() -> None:
    (c,) = find(week_of(40, "1h"), TODAY, holidays=HolidayData())
    assert message(c, "id") == (
        "Minggu 11 Jan 2027: pekerjaan yang jatuh tempo (Telaah staf 0, Telaah staf 1, "
        "Telaah staf 2, Telaah staf 3, Telaah staf 4 dan 35 lainnya) butuh 40 jam, "
        "waktu kerja yang tersisa hanya 37 jam 30 menit; kurang 2 jam 30 menit."
    )
    assert len(c.refs) == 40  # the JSON and `diklat check` still know every task


def test_five_titles_are_all_named() -> None:
    (c,) = find(week_of(5, "8h"), TODAY, holidays=HolidayData())
    assert message(c, "en").startswith(
        "Week of 11 Jan 2027: the work due (Telaah staf 0, Telaah staf 1, Telaah staf 2, "
        "Telaah staf 3, Telaah staf 4) needs 40 hours,"
    )
