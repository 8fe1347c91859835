"""The `diklat` process with real pipes, signals and full disks (entry.py, cli/output.py).

Each test runs the installed command in a subprocess, as a shell would.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

DIKLAT = shutil.which("diklat", path=str(Path(sys.executable).parent)) or "diklat"
FIXTURE = Path(__file__).parent / "fixtures" / "handover"
linux = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DIKLAT_")}
    env.update(HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache"), NO_COLOR="1")
    return env


def test_a_closed_pipe_is_a_quiet_success(tmp_path: Path) -> None:
    """`diklat plan --format json | head -1`: the reader goes after one line of 100 KB."""
    args = [DIKLAT, "plan", "--date", "2026-12-01", "--days", "120", "--format", "json"]
    p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(tmp_path))
    assert p.stdout is not None and p.stderr is not None
    p.stdout.readline()
    p.stdout.close()
    err = p.stderr.read().decode()
    assert p.wait(timeout=60) == 0
    assert "Traceback" not in err and "Broken" not in err and "Exception" not in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("command", [["plan"], ["plan", "--format", "json"], ["schema"]])
def test_output_to_a_full_disk_is_exit_3_with_a_message(tmp_path: Path, command: list[str]) -> None:
    with Path("/dev/full").open("w") as full:
        done = subprocess.run(
            [DIKLAT, *command], stdout=full, stderr=subprocess.PIPE, env=_env(tmp_path)
        )
    err = done.stderr.decode()
    assert done.returncode == 3
    assert "diklat: tidak dapat menulis keluaran: ruang disk penuh" in err
    assert "Traceback" not in err


def test_a_closed_stdout_discards_the_output(tmp_path: Path) -> None:
    code = "import os, subprocess, sys; os.close(1); sys.exit(subprocess.call(sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", code, DIKLAT, "export", "--date", "2026-12-01"],
        stderr=subprocess.PIPE,
        env=_env(tmp_path),
    )
    assert done.returncode == 0
    assert "Traceback" not in done.stderr.decode()


def _handlers_installed(pid: int) -> bool:
    """Whether diklat's entry has run: it is the one that catches SIGTERM."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = int(
        next(line for line in status.splitlines() if line.startswith("SigCgt:")).split()[1], 16
    )
    return bool(caught & (1 << (signal.SIGTERM - 1)))


@linux
@pytest.mark.parametrize("seed", range(5))
def test_ctrl_c_at_any_moment_exits_130_and_leaves_nothing_half_written(
    tmp_path: Path, seed: int
) -> None:
    """SIGINT during the imports, the planning, or the write into a FIFO nobody reads (which
    blocks for ever, so the signal always finds the command still running)."""
    ws = tmp_path / "ws"
    shutil.copytree(FIXTURE, ws)
    fifo = tmp_path / "out.ics"
    os.mkfifo(fifo)
    delay = random.Random(seed).uniform(0, 0.4)
    p = subprocess.Popen(
        [DIKLAT, "-w", str(ws), "export", "--date", "2027-01-25", "-o", str(fifo)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(tmp_path),
    )
    for _ in range(2000):  # until the process runs diklat's code, not Python's own start-up
        if _handlers_installed(p.pid) or p.poll() is not None:
            break
        time.sleep(0.005)
    time.sleep(delay)
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=60)
    assert p.returncode == 130, err.decode()
    assert b"Traceback" not in err and b"KeyboardInterrupt" not in err
    leftovers = [f.name for f in tmp_path.rglob("*.tmp")]
    assert leftovers == []


@linux
def test_ctrl_c_while_replacing_a_file_keeps_the_old_one_whole(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(FIXTURE, ws)
    out = tmp_path / "diklat.ics"
    out.write_text("old\n")
    rng = random.Random(12)
    for _ in range(4):
        p = subprocess.Popen(
            [DIKLAT, "-w", str(ws), "export", "--date", "2027-01-25", "-o", str(out)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=_env(tmp_path),
        )
        while not _handlers_installed(p.pid) and p.poll() is None:
            time.sleep(0.002)
        time.sleep(rng.uniform(0, 0.6))
        p.send_signal(signal.SIGINT)
        _, err = p.communicate(timeout=60)
        # 0: finished first; 130: stopped; killed by SIGINT (what a shell also shows as 130):
        # the signal came during Python's own shutdown, after diklat had finished
        assert p.returncode in (0, 130, -signal.SIGINT)
        assert b"Traceback" not in err
        text = out.read_bytes()
        assert text == b"old\n" or (
            text.startswith(b"BEGIN:VCALENDAR\r\n") and text.endswith(b"END:VCALENDAR\r\n")
        )
        assert [f.name for f in tmp_path.rglob("*.tmp")] == []


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="no /dev/stdout")
def test_output_to_dev_stdout_on_a_pipe_is_written_through(tmp_path: Path) -> None:
    done = subprocess.run(
        [DIKLAT, "schema", "-o", "/dev/stdout"], capture_output=True, env=_env(tmp_path)
    )
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.startswith(b"{")


def test_ctrl_c_that_a_library_reports_as_its_own_error_still_exits_130(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """pydantic-core, building a validator when Ctrl-C comes, raises SchemaError("Stopped: 2")
    instead of the handler's exception (seen in CI: exit 70 and "kesalahan internal")."""
    from diklat_cli import compose, stop
    from diklat_cli.cli import main

    def interrupted(*args: object, **kwargs: object) -> None:
        stop.signum = signal.SIGINT  # what entry.py's handler records before it raises
        raise RuntimeError("Error building validator: Stopped: 2")

    monkeypatch.setattr(stop, "signum", None)
    monkeypatch.setattr(compose, "plan_with_findings", interrupted)
    assert main(["-w", str(FIXTURE), "plan", "--date", "2027-01-25"]) == 130
    assert "internal" not in capsys.readouterr().err.lower()
