"""diklat's own state (.diklat/progress.toml) survives two terminals, kills, damage and full
disks, and the user's TOML files are never touched (checksums before and after)."""

from __future__ import annotations

import errno
import hashlib
import os
import random
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from diklat_cli.cli import main

WS = """[profile]
name = "Rina"

[[task]]
id = "lap"
title = "Laporan"
estimate = "100h"
due = 2027-12-11
"""


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    (tmp_path / "diklat.toml").write_text(WS, encoding="utf-8")
    return tmp_path


def checksums(root: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in root.glob("*.toml")}


def spent(root: Path) -> int:
    data = tomllib.loads((root / ".diklat" / "progress.toml").read_text("utf-8"))
    return int(data["task"]["lap"]["spent_minutes"])


def command(root: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "diklat_cli", "-w", str(root), *args]


def _done_in_a_child(root: str, start: float) -> int:
    """One `diklat done`, in a forked process: a real process, without a fresh interpreter's
    start-up (100 of those take minutes on a small CI machine)."""
    import contextlib
    import io

    time.sleep(max(0.0, start - time.time()))  # all children read the file at the same moment
    with contextlib.redirect_stdout(io.StringIO()):
        return main(["-w", root, "done", "lap", "--spent", "10m"])


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="forked processes")
def test_fifty_concurrent_pairs_lose_no_record(ws: Path) -> None:
    """100 `diklat done --spent 10m` at once, in pairs as two terminals would: 1,000 minutes."""
    import multiprocessing

    before = checksums(ws)
    main(["-w", str(ws), "plan", "--date", "2026-12-01"])  # the workspace cache, warm
    ctx = multiprocessing.get_context("fork")
    start = time.time() + 1.0
    with ctx.Pool(2 * 50) as pool:
        codes = pool.starmap(_done_in_a_child, [(str(ws), start)] * 100)
    assert codes == [0] * 100
    assert spent(ws) == 1000
    assert checksums(ws) == before


@pytest.mark.slow
def test_a_kill_at_any_moment_leaves_the_old_record_or_the_new_one(ws: Path) -> None:
    before = checksums(ws)
    assert main(["-w", str(ws), "done", "lap", "--spent", "10m"]) == 0
    rng = random.Random(12)
    for _ in range(20):
        old = spent(ws)
        proc = subprocess.Popen(
            command(ws, "done", "lap", "--spent", "10m"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=os.environ.copy(),
        )
        time.sleep(rng.uniform(0.0, 0.8))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert spent(ws) in (old, old + 10)
    leftovers = [p.name for p in (ws / ".diklat").iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) <= 20  # a kill between write and rename leaves a temp file, never half
    assert checksums(ws) == before


DAMAGED = {
    "truncated": "# diklat\nversion = 1\n[task.lap]\nspent_minutes = ",
    "cut in a string": 'version = 1\n[task."lap',
    "garbage": "\x00\x01 not toml at all ][",
    "another version": "version = 2\n[task.lap]\nminutes = 30\n",
    "a huge number": "version = 1\n[task.lap]\nspent_minutes = 1e400\ndone = false\n",
    "a wrong type": 'version = 1\n[task.lap]\nspent_minutes = "lots"\ndone = false\n',
    "not a table": "version = 1\ntask = 3\n",
}


@pytest.mark.parametrize("kind", sorted(DAMAGED))
@pytest.mark.parametrize("command_", ["done", "plan"])
def test_a_damaged_progress_file_stops_the_command_and_is_kept(
    ws: Path, kind: str, command_: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Never reset silently: that would lose the user's records."""
    state = ws / ".diklat"
    state.mkdir()
    (state / "progress.toml").write_bytes(DAMAGED[kind].encode("utf-8", "surrogatepass"))
    args = ["done", "lap"] if command_ == "done" else ["plan", "--date", "2026-12-01"]
    assert main(["-w", str(ws), *args]) == 3
    err = capsys.readouterr().err
    assert "progress.toml: tidak dapat dibaca" in err
    assert (state / "progress.toml").read_bytes() == DAMAGED[kind].encode()


def test_a_full_disk_is_a_message_and_exit_3(
    ws: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("diklat_cli.workspace.state.write_atomic", full)
    before = checksums(ws)
    assert main(["-w", str(ws), "done", "lap", "--spent", "10m"]) == 3
    err = capsys.readouterr().err
    assert "progress.toml: tidak dapat ditulis (No space left on device)" in err
    assert checksums(ws) == before


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders"
)
def test_a_read_only_state_folder_is_a_message_and_exit_3(
    ws: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state = ws / ".diklat"
    state.mkdir()
    state.chmod(0o555)
    try:
        assert main(["-w", str(ws), "done", "lap"]) == 3
    finally:
        state.chmod(0o755)
    assert "tidak dapat ditulis" in capsys.readouterr().err


def test_progress_written_by_this_version_is_read_back(ws: Path) -> None:
    assert main(["-w", str(ws), "done", "lap", "--spent", "10m"]) == 0
    text = (ws / ".diklat" / "progress.toml").read_text("utf-8")
    assert "version = 1\n" in text
    assert main(["-w", str(ws), "done", "lap", "--spent", "5m"]) == 0
    assert spent(ws) == 15


def test_a_file_without_a_version_is_read_as_version_1(ws: Path) -> None:
    """Files written before the version line was added keep working."""
    state = ws / ".diklat"
    state.mkdir()
    (state / "progress.toml").write_text("[task.lap]\nspent_minutes = 30\ndone = false\n")
    assert main(["-w", str(ws), "done", "lap", "--spent", "10m"]) == 0
    assert spent(ws) == 40


def _temp(folder: Path, name: str, age: float) -> Path:
    """A temporary file as a write killed before its rename leaves it, `age` seconds old."""
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(b"half a file")
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def test_the_next_write_removes_what_a_killed_write_left(ws: Path) -> None:
    state = ws / ".diklat"
    stale = _temp(state, ".progress.toml.k1ll3d0x.tmp", age=120)
    fresh = _temp(state, ".progress.toml.wr1t1ng0.tmp", age=5)  # maybe another process, now
    other = _temp(state, ".export.toml.k1ll3d0x.tmp", age=120)  # another file's: its own write
    mine = _temp(state, "progress.toml.k1ll3d0x.tmp", age=120)  # not a name diklat makes
    assert main(["-w", str(ws), "done", "lap", "--spent", "10m"]) == 0
    assert spent(ws) == 10
    assert not stale.exists()
    assert fresh.exists() and other.exists() and mine.exists()


def test_a_killed_export_leaves_no_temp_file_for_long(ws: Path, tmp_path: Path) -> None:
    """The same for the file named with -o: the next export tidies beside it."""
    out = tmp_path / "out"
    stale = _temp(out, ".diklat.ics.k1ll3d0x.tmp", age=3600)
    fresh = _temp(out, ".diklat.ics.wr1t1ng0.tmp", age=0)
    state = _temp(ws / ".diklat", ".export.toml.k1ll3d0x.tmp", age=61)
    args = ["-w", str(ws), "export", "--date", "2026-12-01", "-o", str(out / "diklat.ics")]
    assert main(args) == 0
    assert (out / "diklat.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert not stale.exists() and fresh.exists()
    assert not state.exists()
