"""How long `diklat plan` takes on a workspace whose 2,000 tasks live in an Excel workbook.

    uv run python bench/imported_xlsx.py [--tasks 2000] [--runs 5]

Writes a workspace (diklat.toml, a colleague, one [[tasks_from]]) and an .xlsx of N tasks with
Indonesian headers, dates, durations and a few delegations, then times `diklat plan` in a fresh
process: cold (an empty cache: the workbook is read and validated) and warm (the workspace is
served from the cache), and the same N tasks written as TOML for comparison. Prints the
median of each. A script, not a test: pytest never runs it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

MAIN = '[profile]\nname = "Rina"\n[[colleague]]\nid = "budi"\nname = "Budi Santoso"\n'
TODAY = date(2026, 12, 7)


def rows(n: int) -> list[list[object]]:
    out: list[list[object]] = []
    for i in range(n):
        due = TODAY + timedelta(days=3 + i % 300)
        out.append(
            [
                f"T-{i:05d}",
                f"Tugas nomor {i}",
                due if i % 2 else f"{due.day} Des {due.year}" if due.month == 12 else due,
                f"{1 + i % 4} jam",
                "ya" if i % 7 == 0 else "",
                "Budi Santoso" if i % 25 == 0 else "",
                "laporan" if i % 3 == 0 else "",
            ]
        )
    return out


def write_xlsx(path: Path, n: int) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["ID", "Tugas", "Tenggat", "Estimasi", "Penting", "PIC", "Tag"])
    for row in rows(n):
        ws.append(row)
    wb.save(path)


def write_toml(path: Path, n: int) -> None:
    lines = []
    for r in rows(n):
        due = r[2] if isinstance(r[2], date) else TODAY + timedelta(days=3)
        lines.append(
            f'[[task]]\nid = "{r[0]}"\ntitle = "{r[1]}"\nestimate = "{str(r[3]).split()[0]}h"\n'
            f"due = {due.isoformat()}\n"
        )
    path.write_text("\n".join(lines), "utf-8")


def timed(root: Path, cache: Path, runs: int, cold: bool) -> float:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "DIKLAT_WORKSPACE": str(root)}
    # an installed diklat has its libraries' bytecode (pip and uv compile it, or the first run
    # writes it): a shell that forbids writing it would time the compiler instead
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cmd = [sys.executable, "-m", "diklat_cli", "plan", "--date", TODAY.isoformat()]
    subprocess.run(cmd, env=env, capture_output=True, check=True)  # holidays cache, bytecode
    shutil.rmtree(cache / "diklat" / "workspaces", ignore_errors=True)
    subprocess.run(cmd, env=env, capture_output=True, check=True)  # bytecode of the cold path
    times = []
    for _ in range(runs):
        if cold:
            shutil.rmtree(cache / "diklat" / "workspaces", ignore_errors=True)
        start = time.perf_counter()
        subprocess.run(cmd, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        xlsx, toml = base / "xlsx", base / "toml"
        xlsx.mkdir()
        toml.mkdir()
        (xlsx / "diklat.toml").write_text(MAIN + '[[tasks_from]]\npath = "tugas.xlsx"\n', "utf-8")
        write_xlsx(xlsx / "tugas.xlsx", args.tasks)
        (toml / "diklat.toml").write_text(MAIN, "utf-8")
        write_toml(toml / "tugas.toml", args.tasks)
        size = (xlsx / "tugas.xlsx").stat().st_size // 1024
        print(f"{args.tasks} tasks; tugas.xlsx {size} KiB; median of {args.runs} runs")
        for name, root in (("xlsx", xlsx), ("toml", toml)):
            cold = timed(root, base / f"cache-{name}", args.runs, cold=True)
            warm = timed(root, base / f"cache-{name}", args.runs, cold=False)
            print(f"  {name}: cold {cold:.2f} s, warm {warm:.2f} s (diklat plan, whole process)")


if __name__ == "__main__":
    main()
