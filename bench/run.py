"""The benchmark of issue 3: speed, memory and plan quality of `diklat plan`, side by side with peers.

    uv run python bench/run.py [--sizes 100,1000,10000] [--quick] [--write-readme]

1. Start-up: `diklat plan` on the demo workspace (a fresh and a warm holiday cache) against
   `python -c "import typer"` in the same environment. Target: within 2.5x.
2. Scale: `diklat plan` on generated workspaces of N tasks over a year (horizon 365) against
   Taskwarrior's `task next` on the same N tasks. Target at 10,000: within 3x, under 150 MiB.
3. Quality: late tasks of diklat's plan, of taskdog's greedy optimiser and the least possible
   (Moore-Hodgson), under capacity (70 %) and over capacity (130 %).
4. Plan-following (issue 13, bench/measures.py): `exact` (late tasks against CP-SAT on small
   instances with release dates), `focus` (short blocks, blocks and switches against the least
   fragmented plan) and `stability` (following the plan day by day).

Peers are installed when missing (hyperfine and taskwarrior with apt-get, taskdog-core with pip
into bench/.venv-taskdog on a Python 3.12+); a peer that cannot be installed is skipped with a
note. Results go to bench/results/ (git-ignored); `--write-readme` also puts the tables into
bench/README.md between its result markers. This is a script, not a test: pytest never runs it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
TASKDOG_VENV = BENCH / ".venv-taskdog"
DEMO_DATE = "2026-12-01"
MIB = 1024 * 1024


def note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --- running and timing commands -------------------------------------------------------------


@dataclass
class Timing:
    label: str
    command: list[str]
    times: list[float] = field(default_factory=list)  # seconds
    peak_mib: float = 0.0
    tool: str = "subprocess"

    @property
    def min(self) -> float:
        return min(self.times)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    def as_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "command": self.command,
            "min_s": self.min,
            "median_s": self.median,
            "runs": len(self.times),
            "peak_mib": self.peak_mib,
            "tool": self.tool,
        }


def run_child(
    cmd: list[str], env: dict[str, str], cwd: Path, stdout: int | None = subprocess.DEVNULL
) -> tuple[float, float, int]:
    """Run once: (wall seconds, peak RSS in MiB of that child, exit code)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=stdout, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024, proc.returncode


def peak_mib(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    """The child's peak resident memory, in MiB.

    Measured by GNU time, which forks the command from its own small process: a child forked from
    this Python process would report this process's memory too (Linux keeps the high-water mark
    of the forked copy across exec).
    """
    gnu_time = Path("/usr/bin/time")
    if not gnu_time.exists():
        return run_child(cmd, env, cwd)[1]  # an upper bound: includes the forked copy
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as out:
        subprocess.run(
            [str(gnu_time), "-f", "%M", "-o", out.name, *cmd],
            env=env,
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        return int(Path(out.name).read_text().split()[-1]) / 1024


@dataclass
class Spec:
    """One command to time: what to run, where, and a folder to remove before each run."""

    label: str
    cmd: list[str]
    env: dict[str, str]
    cwd: Path
    prepare: Path | None = None  # removed before every run (a fresh cache)

    def reset(self) -> None:
        if self.prepare is not None:
            shutil.rmtree(self.prepare, ignore_errors=True)


HYPERFINE: str | None = None  # set by main() when --hyperfine is given and hyperfine is there


def measure(specs: list[Spec], *, runs: int, warmup: int = 1) -> list[Timing]:
    """Wall times (min, median) and peak memory of commands compared with each other.

    By default the commands run in turns (A B C, A B C, ...), so that the load of a shared machine
    falls on all of them alike; hyperfine (`--hyperfine`) runs each command's runs in one batch.
    """
    timings = [Timing(s.label, s.cmd) for s in specs]
    for spec in specs:
        for _ in range(warmup):
            spec.reset()
            _, _, code = run_child(spec.cmd, spec.env, spec.cwd)
            if code != 0:
                raise RuntimeError(f"{' '.join(spec.cmd)} exited with {code}")
    if HYPERFINE:
        for spec, timing in zip(specs, timings, strict=True):
            timing.times = hyperfine_times(spec, runs)
            timing.tool = "hyperfine"
    else:
        for _ in range(runs):
            for spec, timing in zip(specs, timings, strict=True):
                spec.reset()
                timing.times.append(run_child(spec.cmd, spec.env, spec.cwd)[0])
    for spec, timing in zip(specs, timings, strict=True):
        peaks = []
        for _ in range(min(3, runs)):
            spec.reset()
            peaks.append(peak_mib(spec.cmd, spec.env, spec.cwd))
        timing.peak_mib = max(peaks)
        note(
            f"  {timing.label}: min {timing.min * 1000:.0f} ms, "
            f"median {timing.median * 1000:.0f} ms, peak {timing.peak_mib:.0f} MiB"
        )
    return timings


def hyperfine_times(spec: Spec, runs: int) -> list[float]:
    assert HYPERFINE is not None
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "h.json"
        hcmd = [HYPERFINE, "-N", "--runs", str(runs), "--warmup", "0", "--export-json", str(out)]
        if spec.prepare is not None:
            hcmd += ["--prepare", f"rm -rf {spec.prepare}"]
        hcmd.append(" ".join(_quote(c) for c in spec.cmd))
        subprocess.run(hcmd, env=spec.env, cwd=spec.cwd, check=True, stdout=subprocess.DEVNULL)
        return [float(t) for t in json.loads(out.read_text())["results"][0]["times"]]


def _quote(text: str) -> str:
    import shlex

    return shlex.quote(text)


def isolated_env(home: Path) -> dict[str, str]:
    """An environment whose home, data and cache folders are empty: no user's workspace leaks in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DIKLAT_", "VIRTUAL_ENV"))}
    env.pop("NO_COLOR", None)
    # an installed diklat runs from bytecode; a shell that forbids writing it (as some sandboxes
    # do) would make every run compile the app from source: about 120 ms more on the demo
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_CONFIG_HOME=str(home / "config"),
        DIKLAT_LANG="id",
    )
    return env


# --- peers -----------------------------------------------------------------------------------


def apt_install(package: str, binary: str) -> str | None:
    found = shutil.which(binary)
    if found:
        return found
    if shutil.which("apt-get") and os.geteuid() == 0:
        note(f"installing {package} with apt-get ...")
        subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", package], check=False, capture_output=True
        )
    return shutil.which(binary)


def python312() -> str | None:
    candidates = [shutil.which(f"python3.{minor}") for minor in (13, 12)]
    candidates += sorted(
        str(p) for p in Path("/root/.pyenv/versions").glob("3.1[2-9]*/bin/python3")
    )
    if shutil.which("uv"):
        found = subprocess.run(
            ["uv", "python", "find", ">=3.12"], capture_output=True, text=True, check=False
        )
        if found.returncode == 0 and found.stdout.strip():
            candidates.append(found.stdout.strip())
    # a pyenv shim of a version that is not active exists on PATH but does not run
    return next((c for c in candidates if c and _runs(c)), None)


def _runs(python: str) -> bool:
    try:
        done = subprocess.run([python, "-c", "pass"], capture_output=True, check=False, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def taskdog_python() -> str | None:
    """The Python of bench/.venv-taskdog with taskdog-core installed, made on first use."""
    py = TASKDOG_VENV / "bin" / "python"
    check = [str(py), "-c", "import taskdog_core"]
    if py.exists() and subprocess.run(check, capture_output=True, check=False).returncode == 0:
        return str(py)
    base = python312()
    if base is None:
        note("SKIP taskdog: it needs Python 3.12+, and none was found")
        return None
    note(f"installing taskdog-core into {TASKDOG_VENV} ...")
    subprocess.run([base, "-m", "venv", str(TASKDOG_VENV)], check=False, capture_output=True)
    if not py.exists():
        note(f"SKIP taskdog: {base} could not make a virtual environment")
        return None
    subprocess.run(
        [str(py), "-m", "pip", "install", "-q", "taskdog-core"], check=False, capture_output=True
    )
    if py.exists() and subprocess.run(check, capture_output=True, check=False).returncode == 0:
        return str(py)
    note("SKIP taskdog: pip could not install taskdog-core")
    return None


def version_of(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=30)
    except OSError:
        return ""
    return (out.stdout or out.stderr).strip().splitlines()[0] if (out.stdout or out.stderr) else ""


def machine() -> dict[str, str]:
    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        cpu = next(
            (
                ln.split(":", 1)[1].strip()
                for ln in cpuinfo.read_text().splitlines()
                if ln.startswith("model name")
            ),
            "",
        )
    mem = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split()[1])
        mem = f"{kib / 1024 / 1024:.0f} GiB"
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": mem,
        "os": platform.platform(),
        "python": platform.python_version(),
        "diklat_commit": commit,
    }


# --- the diklat side, in a child process so that its peak memory is its own ------------------


def own_peak_mib() -> float:
    """This process's peak memory since its exec (VmHWM; ru_maxrss would count the fork's copy)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def diklat_case(case: Path, today: date) -> dict[str, Any]:
    """Load, plan and judge one generated case; runs in a child (`--diklat-case`)."""
    t0 = time.perf_counter()
    from diklat_cli.planning.schedule import make_plan
    from diklat_cli.workspace.holidays_id import HolidayCache, holiday_data
    from diklat_cli.workspace.loader import load

    t_import = time.perf_counter()
    ws = load(case / "workspace")
    t_load = time.perf_counter()
    cached_s = None
    try:  # the CLI's path: the validated workspace served from diklat's cache
        from diklat_cli.workspace.loader import load_cached

        cache_dir = RESULTS / "workspace-cache"
        load_cached(case / "workspace", cache_dir)
        t0_cached = time.perf_counter()
        load_cached(case / "workspace", cache_dir)
        cached_s = time.perf_counter() - t0_cached
    except ImportError:
        pass
    t_hol0 = time.perf_counter()
    last = today + timedelta(days=ws.planning.horizon_days)
    cache = HolidayCache(RESULTS / "holidays-cache.json")
    hol = holiday_data(
        range(today.year, last.year + 1), public=True, cuti_bersama=True, cache=cache
    )
    cache.save()
    t_hol = time.perf_counter()
    plan = make_plan(ws, today, holidays=hol)
    t_plan = time.perf_counter()
    jobs = json.loads((case / "peers.json").read_text("utf-8"))["jobs"]
    status = {t.id: t for t in plan.tasks}
    late, missing, flag_disagrees = [], 0, 0
    for j in jobs:
        if not j["due"]:
            continue
        st = status.get(j["id"])
        if st is None:
            missing += 1
            late.append(j["id"])
            continue
        due = datetime.fromisoformat(j["due"])
        is_late = st.remaining_minutes > 0 or (st.finish is not None and st.finish > due)
        if st.finish is None and st.estimate_minutes > 0 and not st.done:
            is_late = True
        if is_late != st.late:
            flag_disagrees += 1
        if is_late:
            late.append(j["id"])
    return {
        "import_s": t_import - t0,
        "load_s": t_load - t_import,
        "cached_load_s": cached_s,
        "holidays_s": t_hol - t_hol0,
        "plan_s": t_plan - t_hol,
        "peak_mib": own_peak_mib(),
        "late": late,
        "missing": missing,
        "late_flag_disagrees": flag_disagrees,
        "blocks": sum(len(d.blocks) for d in plan.days),
        "unscheduled": len(plan.unscheduled),
    }


# --- the parts of the benchmark --------------------------------------------------------------


def startup(py: str, diklat: str, runs: int) -> dict[str, Any]:
    """`diklat plan` on the demo (fresh and warm holiday cache) vs `python -c "import typer"`."""
    note("start-up: diklat plan on the demo vs python -c 'import typer'")
    with tempfile.TemporaryDirectory(prefix="diklat-bench-") as tmp:
        home = Path(tmp)
        cwd = home / "cwd"
        cwd.mkdir()
        env = isolated_env(home)
        plan_cmd = [diklat, "plan", "--date", DEMO_DATE]
        specs = [
            Spec("python -c 'import typer'", [py, "-c", "import typer"], env, cwd),
            Spec("python -c 'pass'", [py, "-c", "pass"], env, cwd),
            Spec(
                "python -c 'import diklat_cli.cli'", [py, "-c", "import diklat_cli.cli"], env, cwd
            ),
            Spec("diklat plan (demo, fresh cache)", plan_cmd, env, cwd, prepare=home / "cache"),
            Spec("diklat plan (demo, warm cache)", plan_cmd, env, cwd),
        ]
        rows = measure(specs, runs=runs, warmup=2)
        importtime = import_offenders(py, env, cwd)
    return {"rows": [r.as_dict() for r in rows], "importtime": importtime}


def import_offenders(
    py: str, env: dict[str, str], cwd: Path, top: int = 20
) -> list[dict[str, Any]]:
    """`python -X importtime` of `diklat plan` on the demo: the largest cumulative imports."""
    out = subprocess.run(
        [py, "-X", "importtime", "-m", "diklat_cli", "plan", "--date", DEMO_DATE],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    rows: list[dict[str, Any]] = []
    for line in out.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        self_us, cum_us, name = line[len("import time:") :].split("|", 2)
        depth = (len(name) - len(name.lstrip()) - 1) // 2
        rows.append(
            {
                "module": name.strip(),
                "self_ms": int(self_us) / 1000,
                "cumulative_ms": int(cum_us) / 1000,
                "depth": depth,
            }
        )
    # self time summed by package (diklat's own modules one by one): who to ask to import lazily
    by_package: dict[str, float] = {}
    for r in rows:
        parts = r["module"].split(".")
        key = ".".join(parts[:2]) if parts[0] == "diklat_cli" else parts[0]
        by_package[key] = by_package.get(key, 0.0) + r["self_ms"]
    packages = sorted(by_package.items(), key=lambda kv: -kv[1])
    heavy = sorted(rows, key=lambda r: -r["self_ms"])
    return [
        {"total_ms": sum(by_package.values())},
        {"by_package": packages[:top]},
        {"heaviest_self": [(r["module"], r["self_ms"]) for r in heavy[:top]]},
    ]


def taskwarrior_data(task: str, case: Path) -> tuple[Path, float]:
    """A throwaway TASKRC/TASKDATA holding the case's tasks; returns (rc, import seconds)."""
    data = case / "taskdata"
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    rc = case / "taskrc"
    rc.write_text(
        f"data.location={data}\nconfirmation=off\nverbose=nothing\ncolor=off\nhooks=off\n"
        "gc=on\nrecurrence=off\nnews.version=2.6.2\n",
        "utf-8",
    )
    env = {**os.environ, "TASKRC": str(rc)}
    t0 = time.perf_counter()
    subprocess.run(
        [task, "import", str(case / "taskwarrior.json")],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return rc, time.perf_counter() - t0


def scale(
    cases: dict[tuple[int, str], Path], diklat: str, task: str | None, runs: int, today: date
) -> list[dict[str, Any]]:
    note("scale: diklat plan (horizon 365) vs task next on the same tasks")
    rows = []
    with tempfile.TemporaryDirectory(prefix="diklat-bench-") as tmp:
        home = Path(tmp)
        env = isolated_env(home)
        for (n, load), case in sorted(cases.items()):
            n_runs = max(3, runs // 3) if n >= 10000 else runs
            row: dict[str, Any] = {"n": n, "load": load}
            cmd = [diklat, "-w", str(case / "workspace"), "plan", "--date", today.isoformat()]
            specs = [Spec(f"diklat plan n={n} {load}", cmd, env, home)]
            if task:
                rc, import_s = taskwarrior_data(task, case)
                tcmd = [task, "rc.verbose=nothing", "rc.color=off", "limit:25", "next"]
                specs.append(
                    Spec(f"task next n={n} {load}", tcmd, {**env, "TASKRC": str(rc)}, home)
                )
                row["task_import_s"] = import_s
            timings = measure(specs, runs=n_runs, warmup=2)
            row["diklat"] = timings[0].as_dict()
            if task:
                row["task_next"] = timings[1].as_dict()
            rows.append(row)
    return rows


def diklat_runs(case: Path, today: date, important: set[str], reps: int) -> dict[str, Any]:
    """Plan the case `reps` times in fresh child processes: the least time of each phase, and
    whether every run gave the same late tasks (the same input must give the same plan)."""
    runs = []
    for _ in range(reps):
        out = subprocess.run(
            [
                sys.executable,
                str(Path(__file__)),
                "--diklat-case",
                str(case),
                "--today",
                today.isoformat(),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode != 0:
            err = out.stderr.strip().splitlines()
            return {"error": err[-1] if err else "failed"}
        runs.append(json.loads(out.stdout))
    first = runs[0]
    timed = ("import_s", "load_s", "cached_load_s", "holidays_s", "plan_s")
    return {
        "late": len(first["late"]),
        "late_important": sum(1 for x in first["late"] if x in important),
        **{k: v for k, v in first.items() if k != "late" and k not in timed},
        **{k: min(r[k] for r in runs) if first.get(k) is not None else None for k in timed},
        "peak_mib": max(r["peak_mib"] for r in runs),
        "same_late_every_run": all(r["late"] == first["late"] for r in runs),
        "runs": reps,
    }


def quality(
    cases: dict[tuple[int, str], Path], taskdog_py: str | None, today: date, reps: int = 3
) -> list[dict[str, Any]]:
    from lower_bound import important_first, late_if_in_order, moore_hodgson

    note("quality: late tasks of diklat, taskdog and the least possible (Moore-Hodgson)")
    rows = []
    for (n, load), case in sorted(cases.items()):
        peers = json.loads((case / "peers.json").read_text("utf-8"))
        jobs = [j for j in peers["jobs"] if j["due"]]
        important = {j["id"] for j in jobs if j["important"]}
        line = [(j["id"], j["minutes"], j["capacity"]) for j in jobs]
        mh = moore_hodgson(line)
        mh_imp = moore_hodgson([x for x in line if x[0] in important])
        row: dict[str, Any] = {
            "n": n,
            "load": load,
            "jobs_with_due": len(jobs),
            "important_with_due": len(important),
            "offered_load": sum(j["minutes"] for j in jobs) / peers["capacity"],
            "moore_hodgson": len(mh),
            "moore_hodgson_important_alone": len(mh_imp),
            "edf_without_dropping": len(late_if_in_order(line)),
            "important_first": important_first(line, important)[1],
        }
        row["diklat"] = diklat_runs(case, today, important, reps)
        if taskdog_py:
            out = subprocess.run(
                [taskdog_py, str(BENCH / "taskdog_plan.py"), str(case / "peers.json")],
                capture_output=True,
                text=True,
                check=False,
            )
            if out.returncode == 0:
                d = json.loads(out.stdout)
                row["taskdog"] = {
                    "late": len(d["late"]),
                    "late_important": sum(1 for x in d["late"] if x in important),
                    "seconds": d["seconds"],
                }
            else:
                row["taskdog"] = {
                    "error": out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "failed"
                }
        note(
            f"  n={n} {load}: diklat {row['diklat'].get('late', '?')}, "
            f"taskdog {row.get('taskdog', {}).get('late', '-')}, least possible {len(mh)}"
        )
        rows.append(row)
    return rows


# --- report ----------------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def report(results: dict[str, Any]) -> str:
    out: list[str] = []
    m = results["machine"]
    out.append(
        f"Run of {results['date']} on {m['cpu']}, {m['cores']} cores, {m['memory']}; {m['os']}; "
        f"Python {m['python']}; diklat at commit {m['diklat_commit']}; "
        f"{results['peers'].get('taskwarrior', 'no taskwarrior')}; taskdog-core {results['peers'].get('taskdog', '-')}; "
        f"timing by {results['timing_tool']}; `min_block` {results.get('min_block', '15m')}"
        + "".join(f"; `planning.{k} = {v!r}`" for k, v in results.get("planning", {}).items())
        + "."
    )
    if "load_average" in results:
        la = results["load_average"]
        out.append("")
        out.append(
            f"The machine is shared: its 1-minute load average was {la['start'][0]:.2f} at the start "
            f"and {la['end'][0]:.2f} at the end of the run (2 cores), so medians wander; the "
            "ratios by min are the steadier ones."
        )
    out.append("")
    verdicts: list[str] = []
    if "startup" in results:
        rows = {r["label"]: r for r in results["startup"]["rows"]}
        typer = rows["python -c 'import typer'"]
        out += [
            "### Start-up: `diklat plan` on the demo",
            "",
            "| command | min | median | × import typer (min) | × import typer (median) | peak memory |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for r in results["startup"]["rows"]:
            out.append(
                f"| `{r['label']}` | {ms(r['min_s'])} | {ms(r['median_s'])} | "
                f"{r['min_s'] / typer['min_s']:.2f}× | {r['median_s'] / typer['median_s']:.2f}× | "
                f"{r['peak_mib']:.0f} MiB |"
            )
        r = rows["diklat plan (demo, warm cache)"]
        lo, mid = r["min_s"] / typer["min_s"], r["median_s"] / typer["median_s"]
        verdicts.append(
            f"start-up (warm cache, every run but the first), within 2.5× of `import typer`: "
            f"{lo:.2f}× by min, {mid:.2f}× by median ({'met' if lo <= 2.5 else 'MISSED'})"
        )
        r = rows["diklat plan (demo, fresh cache)"]
        lo, mid = r["min_s"] / typer["min_s"], r["median_s"] / typer["median_s"]
        verdicts.append(
            f"first run (no cache: the files validated, the calendar read; no target): "
            f"{lo:.2f}× by min, {mid:.2f}× by median"
        )
        out.append("")
    if results.get("scale"):
        inproc = {
            (q["n"], q["load"]): q["diklat"]
            for q in results.get("quality", [])
            if "load_s" in q.get("diklat", {})
        }
        out += [
            "### Scale: a year of N tasks (horizon 365) vs `task next`",
            "",
            "| N | load | `diklat plan` min / median | peak | in-process: validate + plan (least of runs) "
            "| `task next` min / median | peak | × task next (min) | `task import` |",
            "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for r in results["scale"]:
            d, t = r["diklat"], r.get("task_next")
            ratio = f"{d['min_s'] / t['min_s']:.1f}×" if t else "-"
            t_time = f"{ms(t['min_s'])} / {ms(t['median_s'])}" if t else "-"
            t_peak = f"{t['peak_mib']:.0f} MiB" if t else "-"
            ip = inproc.get((r["n"], r["load"]))
            split = "-"
            if ip:
                cached = f" (cached: {ms(ip['cached_load_s'])})" if ip.get("cached_load_s") else ""
                split = f"{ms(ip['load_s'])}{cached} + {ms(ip['plan_s'])}"
            out.append(
                f"| {r['n']:,} | {r['load']} | {ms(d['min_s'])} / {ms(d['median_s'])} | "
                f"{d['peak_mib']:.0f} MiB | {split} | {t_time} | {t_peak} | {ratio} | "
                f"{ms(r['task_import_s']) if t else '-'} |"
            )
            if r["n"] == 10000:
                if t:
                    x = d["min_s"] / t["min_s"]
                    verdicts.append(
                        f"10,000 tasks ({r['load']}) within 3× of `task next`: {x:.1f}× by min "
                        f"({ms(d['min_s'])} against {ms(t['min_s'])}) ({'met' if x <= 3 else 'MISSED'})"
                    )
                verdicts.append(
                    f"10,000 tasks ({r['load']}) under 150 MiB: {d['peak_mib']:.0f} MiB "
                    f"({'met' if d['peak_mib'] < 150 else 'MISSED'})"
                )
        out.append("")
    if results.get("quality"):
        out += [
            "### Quality: tasks finished after their deadline or not at all (important ones in brackets)",
            "",
            "| N | load | due tasks (important) | least possible | least, important first "
            "| diklat | taskdog greedy | diklat − least | taskdog − least | EDF, nothing dropped |",
            "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for r in results["quality"]:
            d = r["diklat"]
            t = r.get("taskdog", {})
            dl = (
                f"{d['late']} ({d['late_important']})"
                if "late" in d
                else f"error: {d.get('error')}"
            )
            if "late" in t:
                tl = f"{t['late']} ({t['late_important']})"
            else:
                tl = f"error: {t['error']}" if t else "skipped"
            least = f"{r['moore_hodgson']} ({r['moore_hodgson_important_alone']})"
            lex = f"{r['important_first']} ({r['moore_hodgson_important_alone']})"
            d_gap = d["late"] - r["moore_hodgson"] if "late" in d else "-"
            t_gap = t["late"] - r["moore_hodgson"] if "late" in t else "-"
            out.append(
                f"| {r['n']:,} | {r['load']} {r['offered_load']:.0%} | {r['jobs_with_due']:,} "
                f"({r['important_with_due']:,}) | {least} | {lex} | {dl} | {tl} | {d_gap} | {t_gap} | "
                f"{r['edf_without_dropping']:,} |"
            )
            if "late" in d and "late" in t:
                fewer = d["late"] < t["late"] or d["late"] == r["moore_hodgson"]
                imp_ok = d["late_important"] <= t["late_important"]
                verdicts.append(
                    f"n={r['n']:,} {r['load']}: fewer late than taskdog: {d['late']} against "
                    f"{t['late']} ({'met' if fewer else 'MISSED'}); late important {d['late_important']} "
                    f"against {t['late_important']} ({'met' if imp_ok else 'MISSED'})"
                    + (
                        f"; the same late tasks in each of {d['runs']} runs"
                        if d.get("runs", 1) > 1 and d.get("same_late_every_run")
                        else ""
                    )
                    + (
                        "; the late tasks DIFFERED between runs"
                        if not d.get("same_late_every_run", True)
                        else ""
                    )
                )
        out.append("")
    if verdicts:
        out += ["### Targets", ""] + [f"- {v}" for v in verdicts] + [""]
    if "startup" in results:
        it = {k: v for r in results["startup"]["importtime"] for k, v in r.items()}
        out += [
            "### Where `diklat plan`'s start-up goes (`python -X importtime`, one run)",
            "",
            f"All imports: {it['total_ms']:.0f} ms (importtime itself slows them down). "
            "Self time by package: "
            + ", ".join(f"`{name}` {t:.0f} ms" for name, t in it["by_package"][:14])
            + ".",
            "",
            "Heaviest single modules: "
            + ", ".join(f"`{name}` {t:.0f} ms" for name, t in it["heaviest_self"][:12])
            + ".",
            "",
        ]
    return "\n".join(out)


def write_readme(text: str, marker: str = "results") -> None:
    readme = BENCH / "README.md"
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    body = readme.read_text("utf-8")
    if start not in body or end not in body:
        note("README.md has no result markers; not written")
        return
    head, rest = body.split(start, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(f"{head}{start}\n{text}\n{end}{tail}", "utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--sizes",
        default=None,
        help="comma-separated N (default 100,1000,10000; --quick: 100,1000)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="fewer runs and no 10,000 unless asked"
    )
    parser.add_argument(
        "--only",
        default="startup,scale,quality,exact,focus,stability",
        help="which parts to run",
    )
    parser.add_argument(
        "--instances", type=int, default=None, help="small instances for exact/focus (300)"
    )
    parser.add_argument(
        "--months", type=int, default=None, help="generated months for stability (20)"
    )
    parser.add_argument(
        "--via",
        choices=("api", "cli"),
        default="api",
        help="exact/focus/stability: plan in process (make_plan) or through the diklat command",
    )
    parser.add_argument(
        "--time-limit",
        type=float,
        default=3.0,
        help="seconds CP-SAT may spend on each solve of exact/focus",
    )
    parser.add_argument(
        "--write-readme", action="store_true", help="put the tables into bench/README.md"
    )
    parser.add_argument(
        "--min-block", default="15m", help="planning.min_block of the generated workspaces"
    )
    parser.add_argument(
        "--hyperfine",
        action="store_true",
        help="time with hyperfine (each command in one batch) instead of interleaved runs",
    )
    parser.add_argument(
        "--planning",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="more [planning] keys for every generated workspace, a TOML value each: "
        "--planning max_switches=2 --planning 'focus=\"morning\"'",
    )
    parser.add_argument("--diklat-case", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--today", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    sys.path.insert(0, str(BENCH))
    import generate as generate_module
    import instances
    from generate import LOADS, TODAY, cached_holidays, generate, write

    extra = tomllib.loads("\n".join(args.planning))
    generate_module.PLANNING_EXTRA.update(extra)
    instances.PLANNING_EXTRA.update(extra)

    if args.diklat_case:
        today = date.fromisoformat(args.today) if args.today else TODAY
        json.dump(diklat_case(args.diklat_case, today), sys.stdout)
        return 0

    sizes = [
        int(s) for s in (args.sizes or ("100,1000" if args.quick else "100,1000,10000")).split(",")
    ]
    parts = set(args.only.split(","))
    runs = 5 if args.quick else 15
    RESULTS.mkdir(parents=True, exist_ok=True)
    bindir = Path(sys.executable).parent
    diklat = str(bindir / "diklat") if (bindir / "diklat").exists() else shutil.which("diklat")
    if diklat is None:
        note("diklat is not installed in this environment: run with `uv run python bench/run.py`")
        return 1

    global HYPERFINE
    if args.hyperfine:
        HYPERFINE = apt_install("hyperfine", "hyperfine")
        if not HYPERFINE:
            note("note: hyperfine not available; timing with interleaved subprocess runs")
    if not Path("/usr/bin/time").exists():
        apt_install("time", "time")
    task = apt_install("taskwarrior", "task") if "scale" in parts else None
    if "scale" in parts and not task:
        note("SKIP taskwarrior: `task` is not installed and apt-get could not install it")
    taskdog_py = taskdog_python() if "quality" in parts else None
    ortools_py = None
    if parts & {"exact", "focus"}:
        import measures

        ortools_py = measures.ortools_python()

    results: dict[str, Any] = {
        "date": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "machine": machine(),
        "timing_tool": "hyperfine " + version_of([HYPERFINE, "--version"]).split()[-1]
        if HYPERFINE
        else "interleaved subprocess runs (os.wait4)",
        "peers": {},
        "sizes": sizes,
        "min_block": args.min_block,
        "planning": extra,
        "time_limit": args.time_limit,
    }
    if ortools_py:
        import measures

        results["peers"]["ortools"] = measures.ortools_version(ortools_py)
    if task:
        results["peers"]["taskwarrior"] = "Taskwarrior " + version_of([task, "--version"])
    if taskdog_py:
        results["peers"]["taskdog"] = version_of(
            [taskdog_py, "-c", "import importlib.metadata as m; print(m.version('taskdog-core'))"]
        )

    load_start = list(os.getloadavg())
    cases: dict[tuple[int, str], Path] = {}
    if parts & {"scale", "quality"}:
        note("generating workspaces ...")
        hol = cached_holidays(RESULTS / "holidays-cache.json")
        for n in sizes:
            for load in LOADS:
                g = generate(n, load, holidays=hol, min_block=args.min_block)
                case = RESULTS / "work" / f"n{n}-{load}"
                write(g, case)
                cases[(n, load)] = case

    if "startup" in parts:
        results["startup"] = startup(sys.executable, diklat, runs)
    if "scale" in parts:
        results["scale"] = scale(cases, diklat, task, runs, TODAY)
    if "quality" in parts:
        results["quality"] = quality(cases, taskdog_py, TODAY, reps=1 if args.quick else 3)
    if parts & {"exact", "focus", "stability"}:
        plan_following(results, parts, args, ortools_py)

    results["load_average"] = {"start": load_start, "end": list(os.getloadavg())}
    stamp = datetime.now().strftime("%Y%m%d-%H%M")
    (RESULTS / f"run-{stamp}.json").write_text(json.dumps(results, indent=1, default=str), "utf-8")
    text = report(results) if parts & {"startup", "scale", "quality"} else ""
    following = ""
    if parts & {"exact", "focus", "stability"}:
        import following_report

        following = following_report.report(results)
    (RESULTS / f"run-{stamp}.md").write_text(f"{text}\n{following}", "utf-8")
    print(f"{text}\n{following}")
    if args.write_readme:
        if text:
            write_readme(text)
        if following:
            write_readme(following, "following")
    return 0


def plan_following(
    results: dict[str, Any], parts: set[str], args: argparse.Namespace, ortools_py: str | None
) -> None:
    """Issue 13's measures (bench/measures.py): exact, focus and stability."""
    import adapter
    import measures

    adapter.use_holiday_cache(RESULTS / "holidays-cache.json")
    adapter.use(args.via)
    results["via"] = args.via
    work = RESULTS / "work"
    if parts & {"exact", "focus"}:
        count = args.instances or (60 if args.quick else 300)
        t0 = time.perf_counter()
        rows = measures.small_runs(count, work / "small", args.time_limit, ortools_py)
        results["small"] = {"rows": rows, "seconds": time.perf_counter() - t0}
        if "exact" in parts:
            results["exact"] = measures.exact_summary(rows)
        if "focus" in parts:
            results["focus"] = measures.focus_summary(rows)
    if "stability" in parts:
        months = args.months or (6 if args.quick else 20)
        t0 = time.perf_counter()
        rows = measures.stability_runs(months, 10, work / "stability")
        results["stability"] = {
            **measures.stability_summary(rows),
            "seconds": time.perf_counter() - t0,
            "rows": rows,
        }


if __name__ == "__main__":
    sys.exit(main())
