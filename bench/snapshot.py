"""Everything diklat prints, for a set of workspaces and dates, written to one folder.

A restructuring that must not change what users see is checked by running this before and
after and comparing the folders:

    uv run python bench/snapshot.py /tmp/before          # on the old commit
    uv run python bench/snapshot.py /tmp/after           # on the new one
    diff -r /tmp/before /tmp/after

The cases: the embedded demo, the contract examples (examples/kontrak) and the generated
benchmark workspaces of 100 and 1,000 tasks (10,000 with --large), each on several dates, in
both languages, through every command and format (`plan` as terminal, JSON and Markdown, a day,
three days with --explain and a week; `check`; `why` for a few tasks; for every training of
the workspace `handover` as Markdown and HTML and with --return, and `check --suggest`; `export`). Each command runs as a user runs it (`python -m diklat_cli`) in an isolated
home with a fixed terminal, so nothing of the caller's shell leaks in.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

DATES = ("2026-12-01", "2026-12-07", "2027-01-04")


def _env(home: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DIKLAT_", "LC_")) and k not in {"NO_COLOR", "TERM", "COLUMNS", "LANG"}
    }
    env.update(
        HOME=str(home),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        COLUMNS="120",
        TERM="dumb",
        TZ="UTC",
        LANG="C.UTF-8",
    )
    return env


def _commands(ws: Path | None, date: str, lang: str) -> dict[str, list[str]]:
    base = (["-w", str(ws)] if ws else []) + ["--lang", lang]
    plan = [*base, "plan", "--date", date]
    return {
        "plan.txt": plan,
        "plan.json": [*plan, "--format", "json"],
        "plan.md": [*plan, "--format", "markdown"],
        "days3-explain.txt": [*plan, "--days", "3", "--explain"],
        "week.txt": [*plan, "--week"],
        "week.md": [*plan, "--week", "--format", "markdown"],
        "check.txt": [*base, "check", "--date", date],
        "check.json": [*base, "check", "--date", date, "--format", "json"],
        "export.ics": [*base, "export", "--date", date, "--include-events"],
    }


def _trainings(ws: Path | None) -> list[str]:
    """The ids of every training in the workspace (the embedded demo's when `ws` is None)."""
    from diklat_cli import demo
    from diklat_cli.workspace.loader import load

    return sorted(t.id for t in load(ws or Path(demo.__file__).parent).trainings)


def _extra(ws: Path | None, date: str, lang: str, plan_json: str) -> dict[str, list[str]]:
    """why for a few tasks (taken from the plan), handover and suggestions for every training
    of the workspace (a training need not be on the plan's days to be handed over)."""
    base = (["-w", str(ws)] if ws else []) + ["--lang", lang]
    out: dict[str, list[str]] = {}
    try:
        plan = json.loads(plan_json)
    except ValueError:
        plan = {}
    tasks = [t["id"] for t in plan.get("tasks", [])]
    for tid in tasks[:3] + tasks[-2:]:
        out[f"why-{tid}.txt"] = [*base, "why", tid, "--date", date]
    for tr in _trainings(ws):
        for fmt in ("markdown", "html"):
            out[f"handover-{tr}.{fmt}"] = [*base, "handover", tr, "--date", date, "--format", fmt]
        out[f"handover-{tr}-return.markdown"] = [*base, "handover", tr, "--date", date, "--return"]
        out[f"suggest-{tr}.txt"] = [*base, "check", "--date", date, "--suggest", tr]
    return out


def _run(args: list[str], env: dict[str, str]) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "diklat_cli", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    # the export's DTSTAMP is the moment of the run
    stdout = re.sub(r"^DTSTAMP:\S+$", "DTSTAMP:(now)", proc.stdout, flags=re.MULTILINE)
    return f"exit {proc.returncode}\n--- stdout\n{stdout}--- stderr\n{proc.stderr}"


def snapshot_case(name: str, ws: Path | None, out: Path, dates: tuple[str, ...]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = _env(home)
        if ws is not None:  # a copy: export writes its state into the workspace's .diklat/
            ws = Path(shutil.copytree(ws, home / "ws", ignore=shutil.ignore_patterns(".diklat")))
        for date in dates:
            for lang in ("id", "en"):
                folder = out / name / date / lang
                folder.mkdir(parents=True, exist_ok=True)
                cmds = _commands(ws, date, lang)
                texts = {f: _run(a, env) for f, a in cmds.items()}
                plan_json = texts["plan.json"].split("--- stdout\n", 1)[1].split("--- stderr\n")[0]
                for f, a in _extra(ws, date, lang, plan_json).items():
                    texts[f] = _run(a, env)
                for f, text in texts.items():
                    (folder / f).write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="folder to write the outputs into")
    parser.add_argument("--large", action="store_true", help="also the 10,000-task workspaces")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)

    from generate import generate, write_workspace

    work = args.out / "_workspaces"
    sizes = (100, 1000, 10000) if args.large else (100, 1000)
    cases: list[tuple[str, Path | None, tuple[str, ...]]] = [
        ("demo", None, DATES),
        ("kontrak", ROOT / "examples" / "kontrak", DATES),
    ]
    for n in sizes:
        for load in ("under", "over"):
            folder = work / f"n{n}-{load}"
            if not folder.exists():
                write_workspace(generate(n, load), folder)
            cases.append((f"n{n}-{load}", folder, ("2027-01-04",)))
    with ThreadPoolExecutor(args.jobs) as pool:
        list(pool.map(lambda c: snapshot_case(c[0], c[1], args.out, c[2]), cases))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
