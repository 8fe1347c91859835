"""Seeded mutation fuzzing through `main()`: every run exits 0, 1, 2 or 3, within seconds.

Four areas: calendars (.ics mutated from real-shaped seeds, tests/fixtures/ics-seeds), the
workspace's own recurrences, `.diklat/progress.toml`, and the workspace's TOML. Each test runs a
bounded number of cases (a minute at most in CI, all four together). For a longer run by hand:

    DIKLAT_FUZZ_CASES=2000 DIKLAT_FUZZ_SEED=7 uv run pytest -m slow tests/test_fuzz_inputs.py -s

prints how many cases ran per area and the exit codes seen.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import shutil
import signal
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from diklat_cli.cli import main

# read at import: conftest.py clears DIKLAT_* from the environment of each test
CASES = int(os.environ.get("DIKLAT_FUZZ_CASES", "0") or 0)
SEED = int(os.environ.get("DIKLAT_FUZZ_SEED", "2026") or 2026)
SEEDS = Path(__file__).parent / "fixtures" / "ics-seeds"
DEMO_ICS = Path(__file__).parent.parent / "src" / "diklat_cli" / "demo" / "kantor.ics"
KONTRAK = Path(__file__).parent.parent / "examples" / "kontrak"
CASE_SECONDS = 30  # one case that takes longer fails the test: "answered in seconds"

pytestmark = pytest.mark.slow


def cases(default: int) -> int:
    return CASES or default


@contextlib.contextmanager
def time_limit(label: str) -> Iterator[None]:
    """Fail (not hang) on a case that does not finish; POSIX only, elsewhere unlimited."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise AssertionError(f"{label}: no answer in {CASE_SECONDS} s")

    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(CASE_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def run(args: list[str], label: str) -> tuple[int, str]:
    """main(args), its stderr; stdout is a binary-backed stream as a terminal's is (export)."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with time_limit(label), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    err.seek(0)
    return code, err.read()


def report(area: str, codes: Counter[int]) -> None:
    print(f"\nfuzz {area}: {sum(codes.values())} cases, exit codes {dict(sorted(codes.items()))}")


# --- mutations ----------------------------------------------------------------------------------

ICS_VALUES = [
    "00010101T000000Z",
    "99991231T235959Z",
    "19000101",
    "INVALID-DATE",
    "",
    "FREQ=SECONDLY",
    "FREQ=MINUTELY;INTERVAL=1",
    "FREQ=HOURLY",
    "FREQ=DAILY;INTERVAL=0",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
    "FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=4,6",
    "FREQ=DAILY;BYSETPOS=2",
    "FREQ=WEEKLY;COUNT=999999999",
    "FREQ=DAILY;UNTIL=00010101",
    "FREQ=YEARLY;BYWEEKNO=54",
    "-P99999999W",
    "PT0S",
    "+9999",
    "9" * 400,
    "Kacau/Zona",
]
ICS_INSERTS = [
    "BEGIN:VEVENT\r\n",
    "END:VEVENT\r\n",
    "BEGIN:VTIMEZONE\r\n",
    "END:VCALENDAR\r\n",
    "BEGIN:VTODO\r\nDTSTART:20261201\r\nEND:VTODO\r\n",
    "RRULE:FREQ=SECONDLY\r\n",
    "RRULE:FREQ=DAILY;INTERVAL=0\r\n",
    "DTSTART:00010101T000000Z\r\n",
    "EXDATE:INVALID\r\n",
    "\x00",
    "\r",
    " folded\r\n",
    "\ufeff",
]
TOML_VALUES = [
    '""',
    "[]",
    "{}",
    "true",
    "-1",
    "0",
    '"FREQ=SECONDLY"',
    '"x"',
    "2026-02-30",
    "1e400",
    '"' + "9" * 400 + '"',
]
TOML_INSERTS = ["[[task]]\n", "[profile]\n", "=", '"', "[", "]", "\n[[training.session]]\n", "\x00"]


def mutate(text: str, rng: random.Random, values: list[str], inserts: list[str], sep: str) -> str:
    """One to three random edits: lines dropped, doubled, swapped or cut, values replaced,
    hostile snippets inserted."""
    for _ in range(rng.randint(1, 3)):
        lines = text.splitlines(keepends=True) or [""]
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        op = rng.randrange(6)
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[i])
        elif op == 2:
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3:
            text = text[: rng.randrange(len(text) + 1)]
            continue
        elif op == 4 and sep in lines[i]:
            head = lines[i].split(sep, 1)[0]
            end = "\r\n" if lines[i].endswith("\r\n") else "\n"
            lines[i] = f"{head}{sep}{rng.choice(values)}{end}"
        else:
            lines.insert(i, rng.choice(inserts))
        text = "".join(lines)
    return text


# --- calendars ----------------------------------------------------------------------------------


def test_mutated_calendars_are_read_or_refused(tmp_path: Path) -> None:
    seeds = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.ics"))]
    seeds.append(DEMO_ICS.read_text("utf-8"))
    assert len(seeds) == 8
    rng = random.Random(SEED)
    codes: Counter[int] = Counter()
    root = tmp_path / "ws"
    root.mkdir()
    (root / "diklat.toml").write_text(
        '[profile]\nname = "Rina"\n[[calendar]]\npath = "cal.ics"\n', encoding="utf-8"
    )
    for n in range(cases(400)):
        text = mutate(rng.choice(seeds), rng, ICS_VALUES, ICS_INSERTS, ":")
        (root / "cal.ics").write_bytes(text.encode("utf-8", "surrogatepass"))
        day = rng.choice(["2026-12-01", "1997-09-02", "2024-03-10"])
        code, err = run(["-w", str(root), "plan", "--date", day], f"calendar case {n}")
        assert code in (0, 3), f"case {n}: exit {code}\n{err}\n{text[:2000]}"
        if code == 3:
            assert "cal.ics" in err, err
        codes[code] += 1
    report("calendars", codes)


# --- the workspace's own recurrences ------------------------------------------------------------

RULE_PARTS = {
    "FREQ": ["DAILY", "WEEKLY", "MONTHLY", "YEARLY", "HOURLY", "MINUTELY", "SECONDLY", "KADANG"],
    "INTERVAL": ["0", "1", "2", "7", "999", "1000", "-1", "x", "99999999999999999999"],
    "COUNT": ["1", "3", "10000", "10001", "0", "999999999"],
    "UNTIL": ["20261231", "00010101", "99991231", "2026"],
    "BYDAY": ["MO", "MO,FR", "-1FR", "5MO", "XX", "53MO"],
    "BYMONTHDAY": ["1", "31", "-1", "30", "0", "32"],
    "BYMONTH": ["2", "4,6", "13", "0"],
    "BYSETPOS": ["1", "2", "-1", "400"],
    "BYYEARDAY": ["366", "-366", "1", "400"],
    "BYWEEKNO": ["1", "53", "54"],
    "BYHOUR": ["9", "0,12"],
    "WKST": ["MO", "SU", "XX"],
}


def random_rule(rng: random.Random) -> str:
    names = ["FREQ", *rng.sample(sorted(RULE_PARTS), rng.randint(0, 4))]
    parts = {name: rng.choice(RULE_PARTS[name]) for name in names}
    if rng.random() < 0.1:
        parts.pop("FREQ")
    return ";".join(f"{k}={v}" for k, v in parts.items())


def test_random_recurrences_are_planned_or_refused_at_their_line(tmp_path: Path) -> None:
    rng = random.Random(SEED + 1)
    codes: Counter[int] = Counter()
    root = tmp_path / "ws"
    root.mkdir()
    (root / "diklat.toml").write_text('[profile]\nname = "Rina"\n', encoding="utf-8")
    for n in range(cases(400)):
        rule = random_rule(rng)
        anchor = rng.choice(["0001-01-01", "1900-01-01", "2026-11-30", "2026-12-31", "9999-01-01"])
        task = (
            f'[[task]]\nid = "r"\ntitle = "Rekap"\nestimate = "30m"\nfrom = {anchor}\n'
            f'recurs = "{rule}"\n'
            f'[[event]]\ntitle = "Apel"\ntime = "07:30-08:00"\nfrom = {anchor}\nrrule = "{rule}"\n'
        )
        (root / "tugas.toml").write_text(task, encoding="utf-8")
        command = rng.choice([["plan"], ["check"], ["export"]])
        args = ["-w", str(root), *command, "--date", "2026-12-01"]
        code, err = run(args, f"recurrence case {n}: {rule} from {anchor}")
        assert code in (0, 1, 2, 3), f"case {n}: {rule} from {anchor}: exit {code}\n{err}"
        if code == 3 and "tugas.toml" in err:
            assert "tugas.toml:" in err, err  # with its line
        codes[code] += 1
    report("recurrences", codes)


# --- .diklat/progress.toml ----------------------------------------------------------------------

PROGRESS = """# diklat's record of 'diklat done': time spent and finished tasks, by task id.
version = 1

[task.lap]
spent_minutes = 90
done = false
updated = 2026-12-01T10:00:00+07:00

[task."rekap@2026-12-04"]
spent_minutes = 0
done = true
"""


def test_damaged_progress_files_stop_the_command_and_are_kept(tmp_path: Path) -> None:
    rng = random.Random(SEED + 2)
    codes: Counter[int] = Counter()
    root = tmp_path / "ws"
    (root / ".diklat").mkdir(parents=True)
    (root / "diklat.toml").write_text(
        '[profile]\nname = "Rina"\n[[task]]\nid = "lap"\ntitle = "Laporan"\nestimate = "6h"\n'
        'due = 2026-12-11\n[[task]]\nid = "rekap"\ntitle = "Rekap"\nestimate = "1h"\n'
        'recurs = "FREQ=WEEKLY;BYDAY=FR"\nfrom = 2026-11-06\n',
        encoding="utf-8",
    )
    values = [*TOML_VALUES, "2", "99999999999999999999", "-5", "nan"]
    for n in range(cases(300)):
        text = mutate(PROGRESS, rng, values, [*TOML_INSERTS, "version = 2\n"], " = ")
        data = text.encode("utf-8", "surrogatepass")
        (root / ".diklat" / "progress.toml").write_bytes(data)
        command = rng.choice(
            [["plan", "--date", "2026-12-01"], ["done", "lap", "--spent", "10m"], ["done", "rekap"]]
        )
        code, err = run(["-w", str(root), *command], f"state case {n}")
        assert code in (0, 1, 3), f"case {n}: exit {code}\n{err}\n{text}"
        if code == 3:
            assert "progress.toml" in err, err
            assert (root / ".diklat" / "progress.toml").read_bytes() == data  # never reset
        codes[code] += 1
    report("state", codes)


# --- .diklat/plans/ (the last plan) -------------------------------------------------------------

PLAN_RECORD = """{"version": 1,
"day": "2026-11-30",
"made": "2026-11-30T17:00:00+07:00",
"late": ["rekap@2026-12-04"],
"blocks": [["lap", "2026-12-01T07:30:00+07:00", "2026-12-01T12:00:00+07:00"],
["rekap@2026-12-04", "2026-12-01T13:00:00+07:00", "2026-12-01T14:00:00+07:00"],
["lap", "2026-12-02T07:30:00+07:00", "2026-12-02T09:00:00+07:00"]]}
"""
JSON_VALUES = ['""', "[]", "{}", "null", "true", "-1", "1e400", '"2026-13-01T00:00:00"', '"x"', "2"]
JSON_INSERTS = ["[", "]", "{", "}", ",", '"', ":", "\\u0000", "9" * 30]


def test_damaged_plan_records_are_said_and_the_plan_is_made_afresh(tmp_path: Path) -> None:
    rng = random.Random(SEED + 4)
    codes: Counter[int] = Counter()
    root = tmp_path / "ws"
    (root / ".diklat" / "plans").mkdir(parents=True)
    (root / "diklat.toml").write_text(
        '[profile]\nname = "Rina"\n[[task]]\nid = "lap"\ntitle = "Laporan"\nestimate = "6h"\n'
        'due = 2026-12-11\n[[task]]\nid = "rekap"\ntitle = "Rekap"\nestimate = "1h"\n'
        'recurs = "FREQ=WEEKLY;BYDAY=FR"\nfrom = 2026-11-06\n',
        encoding="utf-8",
    )
    record = root / ".diklat" / "plans" / "2026-11-30.json"
    refused = 0
    for n in range(cases(300)):
        text = mutate(PLAN_RECORD, rng, JSON_VALUES, JSON_INSERTS, ":")
        record.write_bytes(text.encode("utf-8", "surrogatepass"))
        command = rng.choice(
            [["plan", "--date", "2026-12-01"], ["why", "lap", "--date", "2026-12-01"]]
        )
        code, err = run(["-w", str(root), *command], f"plan record case {n}")
        assert code in (0, 1), f"case {n}: exit {code}\n{err}\n{text}"
        assert "Traceback" not in err
        codes[code] += 1
        refused += "2026-11-30.json" in err
    report("plan records", codes)
    print(f"records refused: {refused}")
    assert refused > 0
    if cases(300) >= 100:  # a long enough run tries records that still read, too
        assert refused < cases(300)


# --- the workspace's TOML -----------------------------------------------------------------------

COMMANDS: list[Callable[[str], list[str]]] = [
    lambda ws: ["-w", ws, "plan", "--date", "2026-12-01"],
    lambda ws: ["-w", ws, "check", "--date", "2026-12-01"],
    lambda ws: ["-w", ws, "plan", "--date", "2026-12-01", "--format", "json"],
    lambda ws: ["-w", ws, "why", "lap-tw4", "--date", "2026-12-01"],
    lambda ws: ["-w", ws, "export", "--date", "2026-12-01"],
]


def test_mutated_workspaces_exit_0_1_2_or_3(tmp_path: Path) -> None:
    rng = random.Random(SEED + 3)
    codes: Counter[int] = Counter()
    files = sorted(p.name for p in KONTRAK.glob("*.toml"))
    for n in range(cases(300)):
        root = tmp_path / f"ws{n}"
        shutil.copytree(KONTRAK, root)
        name = rng.choice(files)
        text = mutate((root / name).read_text("utf-8"), rng, TOML_VALUES, TOML_INSERTS, " = ")
        (root / name).write_bytes(text.encode("utf-8", "surrogatepass"))
        before = {p.name: p.read_bytes() for p in root.glob("*.toml")}
        code, err = run(rng.choice(COMMANDS)(str(root)), f"workspace case {n} ({name})")
        assert code in (0, 1, 2, 3), f"case {n} ({name}): exit {code}\n{err}"
        assert {p.name: p.read_bytes() for p in root.glob("*.toml")} == before
        codes[code] += 1
        shutil.rmtree(root)
    report("workspace TOML", codes)
