"""`planning.max_switches` and `planning.focus` as a user sees them in `diklat plan`."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from diklat_cli.cli import app

MONDAY = "2026-12-07"
runner = CliRunner()


def workspace(tmp_path: Path, planning: str, tasks: str) -> Path:
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "diklat.toml").write_text(
        f'[profile]\nname = "Rina"\n\n[planning]\n{planning}\n', "utf-8"
    )
    (tmp_path / "tugas.toml").write_text(tasks, "utf-8")
    return tmp_path


def day_blocks(ws: Path, *args: str) -> list[dict[str, Any]]:
    """The task blocks of the first planned day, from the JSON plan."""
    result = runner.invoke(
        app, ["-w", str(ws), *args, "plan", "--date", MONDAY, "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    return [b for b in json.loads(result.output)["days"][0]["blocks"] if b["kind"] == "task"]


def switches(blocks: list[dict[str, Any]]) -> int:
    return sum(a["ref"] != b["ref"] for a, b in pairwise(blocks))


IMPORTANT_AND_NOT = """
[[task]]
id = "kajian"
title = "Kajian kebijakan"
estimate = "10h"
due = 2026-12-18
important = true

[[task]]
id = "arsip"
title = "Rapikan arsip"
estimate = "3h"
due = 2026-12-18
"""


def test_focus_morning_keeps_important_work_before_the_lunch_break(tmp_path: Path) -> None:
    plain = day_blocks(workspace(tmp_path / "a", "", IMPORTANT_AND_NOT))
    assert [(b["ref"], b["start"][11:16]) for b in plain] == [
        ("kajian", "07:30"),
        ("kajian", "13:00"),
    ]
    morning = day_blocks(workspace(tmp_path / "b", 'focus = "morning"', IMPORTANT_AND_NOT))
    assert [(b["ref"], b["start"][11:16], b["end"][11:16]) for b in morning] == [
        ("kajian", "07:30", "12:00"),
        ("arsip", "13:00", "16:00"),
    ]


THREE_WITHOUT_DEADLINES = "".join(
    f'[[task]]\nid = "t{i}"\ntitle = "Tugas {i}"\nestimate = "2h"\n\n' for i in range(3)
)


def test_the_switch_cap_leaves_time_free_rather_than_start_another_task(tmp_path: Path) -> None:
    plain = day_blocks(workspace(tmp_path / "a", "", THREE_WITHOUT_DEADLINES))
    assert switches(plain) == 2
    capped = day_blocks(workspace(tmp_path / "b", "max_switches = 1", THREE_WITHOUT_DEADLINES))
    assert switches(capped) == 1
    assert sum(b["minutes"] for b in capped) == 240  # two tasks; the rest of the day stays free


def test_a_switch_past_the_cap_that_a_deadline_needs_says_so(tmp_path: Path) -> None:
    ws = workspace(
        tmp_path,
        "max_switches = 0",
        IMPORTANT_AND_NOT.replace("10h", "4h").replace(
            "2026-12-18\nimportant", "2026-12-09\nimportant"
        )
        + '\n[[task]]\nid = "absensi"\ntitle = "Rekap absensi"\nestimate = "1h"\n'
        "due = 2026-12-07T16:00:00\n",
    )
    blocks = day_blocks(ws)
    # kajian done at 11.30, no switch left; the rest of the day cannot stay free: absensi is
    # due at 16.00, and the arsip task (no deadline) waits for another day
    assert [(b["ref"], b["start"][11:16]) for b in blocks] == [
        ("kajian", "07:30"),
        ("absensi", "11:30"),
        ("absensi", "13:00"),
    ]
    assert (
        blocks[1]["note"]
        == "tenggat Sen 7 Des; ganti tugas melebihi batas harian: tenggat membutuhkannya"
    )
    english = day_blocks(ws, "--lang", "en")
    assert english[1]["note"] == "due Mon 7 Dec; a switch past the daily cap: the deadline needs it"
    assert blocks[0]["note"] == "tenggat Rab 9 Des"


def test_with_both_settings_the_cap_comes_first(tmp_path: Path) -> None:
    ws = workspace(tmp_path, 'max_switches = 0\nfocus = "morning"', IMPORTANT_AND_NOT)
    assert [(b["ref"], b["start"][11:16]) for b in day_blocks(ws)] == [
        ("kajian", "07:30"),
        ("kajian", "13:00"),
    ]
