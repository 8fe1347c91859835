"""The calendar gets only what the user attends (issue 9, point 8): in the .ics and in the plan,
a meeting on a day in class or handed to a colleague is not her busy time, and an occurrence of a
repeating meeting on a holiday is not held."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest

from diklat_cli.cli import main

WS = """[profile]
name = "Nurul Hidayah, S.E."
position = "Analis Kebijakan Ahli Pertama"
timezone = "Asia/Makassar"

[planning]
annual_jp_target = 0
"""

ITEMS = """
[[training]]
id = "renstra"
title = "Penyusunan Renstra"
format = "blended"
start = 2026-12-01
end = 2027-01-08
handover_to = "fajar"

[[training.session]]
rrule = "FREQ=WEEKLY;BYDAY=TU,TH"
from = 2026-12-01
until = 2026-12-17
time = "14:00-17:00"
mode = "online"

[[training.session]]
date = 2027-01-04
until = 2027-01-08
weekends = true
time = "08:00-16:00"
mode = "offline"
location = "Jakarta"

[[colleague]]
id = "fajar"
name = "Fajar Nugroho"

[[event]]
id = "rapat-staf"
title = "Rapat staf"
rrule = "FREQ=WEEKLY;BYDAY=TU"
from = 2026-11-03
time = "09:00-10:00"

[[event]]
id = "musrenbang"
title = "Musrenbang Kecamatan"
date = 2027-01-06
time = "09:00-12:00"
delegate_to = "fajar"

[[event]]
id = "piket"
title = "Piket hari raya"
date = 2026-12-25
time = "08:00-12:00"

[[holiday]]
date = 2027-01-05
title = "Isra Mikraj"
"""


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    (tmp_path / "diklat.toml").write_text(WS, "utf-8")
    (tmp_path / "items.toml").write_text(ITEMS, "utf-8")
    return tmp_path


def _events(path: Path) -> dict[tuple[str, str], icalendar.Event]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    out = {}
    for e in cal.walk("VEVENT"):
        start = e.decoded("DTSTART")
        day = start.date() if hasattr(start, "date") and callable(start.date) else start
        out[(str(e["SUMMARY"]), day.isoformat())] = e
    return out


def test_the_export_holds_only_the_meetings_she_attends(ws: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.ics"
    args = ["-w", str(ws), "export", "--date", "2026-12-07", "--from", "2026-12-07"]
    code = main([*args, "--to", "2027-01-10", "--include-events", "-o", str(target)])
    assert code == 0
    got = _events(target)
    # an ordinary Tuesday: her busy time, with its reminder
    staf = got[("Rapat staf", "2026-12-08")]
    assert staf["TRANSP"] == "OPAQUE" and staf.walk("VALARM")
    # Isra Mikraj: the weekly meeting is not held
    assert ("Rapat staf", "2027-01-05") not in got
    # in class in Jakarta; Fajar goes to the Musrenbang for her: free time, no reminder
    musren = got[("Musrenbang Kecamatan", "2027-01-06")]
    assert musren["TRANSP"] == "TRANSPARENT" and not musren.walk("VALARM")
    assert "Dihadiri oleh Fajar Nugroho selama Anda mengikuti Penyusunan Renstra." in str(
        musren["DESCRIPTION"]
    )
    # a meeting she dated on a holiday herself is real
    assert got[("Piket hari raya", "2026-12-25")]["TRANSP"] == "OPAQUE"


@pytest.mark.parametrize(
    ("day", "title", "shown"),
    [
        ("2027-01-05", "Rapat staf", False),  # Isra Mikraj, and a day in class
        ("2027-01-06", "Musrenbang Kecamatan", False),  # in class; Fajar attends
        ("2027-01-12", "Rapat staf", True),  # back at the office
    ],
)
def test_the_plan_holds_them_the_same_way(
    ws: Path, capsys: pytest.CaptureFixture[str], day: str, title: str, shown: bool
) -> None:
    capsys.readouterr()
    assert main(["-w", str(ws), "plan", "--date", day, "--format", "json"]) == 0
    (got,) = [d for d in json.loads(capsys.readouterr().out)["days"] if d["date"] == day]
    assert (title in [b["title"] for b in got["blocks"]]) is shown
