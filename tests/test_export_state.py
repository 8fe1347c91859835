"""`diklat export` and its memory of identities (`.diklat/export.toml`): kept under the same lock
as `diklat done`, and never worth failing the export for when it cannot be saved."""

from __future__ import annotations

import errno
import os
import tomllib
from pathlib import Path

import icalendar
import pytest

from diklat_cli.workspace import state as statemod
from test_export_cli import make_ws, run


def held_by_another(lock: Path) -> bool:
    """True when someone holds `lock`: a second open file cannot take it without waiting."""
    import fcntl

    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # releases what this test took, if it took it
    return False


@pytest.mark.skipif(os.name != "posix", reason="Windows has no lock")
def test_export_reads_and_writes_its_identities_under_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two exports at once: the second waits for the first, so neither drops the other's UIDs."""
    ws = make_ws(tmp_path / "ws")
    lock = ws / ".diklat" / statemod.LOCK_FILE
    seen: list[tuple[str, bool]] = []
    load, save = statemod.load_export_state, statemod.save_export_state

    def watched_load(state_dir: Path | None) -> statemod.ExportState:
        seen.append(("load", held_by_another(lock)))
        return load(state_dir)

    def watched_save(state_dir: Path, state: statemod.ExportState) -> None:
        seen.append(("save", held_by_another(lock)))
        save(state_dir, state)

    monkeypatch.setattr("diklat_cli.cli.export.load_export_state", watched_load)
    monkeypatch.setattr("diklat_cli.cli.export.save_export_state", watched_save)
    code, _, _ = run(ws)
    assert code == 0
    assert seen == [("load", True), ("save", True)]
    assert not held_by_another(lock)  # released at the end


def test_two_ranges_exported_one_after_the_other_keep_both(tmp_path: Path) -> None:
    ws = make_ws(tmp_path / "ws")
    assert run(ws, "--from", "2026-12-01", "--to", "2026-12-01")[0] == 0
    assert run(ws, "--from", "2026-12-02", "--to", "2026-12-03")[0] == 0
    events = tomllib.loads((ws / ".diklat" / "export.toml").read_text("utf-8"))["event"]
    assert len(events) == 3  # the online session of the 1st and the two offline days


def ics_events(out: bytes) -> list[str]:
    return sorted(str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(out).walk("VEVENT"))


def test_a_state_folder_that_cannot_be_made_still_prints_the_file(tmp_path: Path) -> None:
    """`.diklat` is a file here: nothing can be saved, even by root; the .ics comes anyway."""
    ws = make_ws(tmp_path / "ws")
    (ws / ".diklat").write_text("not a folder\n")
    code, out, err = run(ws)
    assert code == 0
    assert ics_events(out) == ["PKP Angkatan III"] * 3
    assert "Peringatan: identitas ekspor tidak dapat disimpan di" in err
    assert "bisa muncul dua kali" in err
    assert (ws / ".diklat").read_text() == "not a folder\n"


def test_a_full_disk_while_saving_identities_is_a_warning_in_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    ws = make_ws(tmp_path / "ws", lang="en")
    monkeypatch.setattr("diklat_cli.workspace.state.write_atomic", full)
    target = tmp_path / "diklat.ics"
    code, out, err = run(ws, "-o", str(target))
    assert code == 0
    assert ics_events(target.read_bytes()) == ["PKP Angkatan III"] * 3
    assert b"3 events" in out
    assert "could not be saved in" in err and "export.toml (No space left on device)" in err
    assert "may duplicate events" in err


def test_nothing_to_save_is_no_warning(tmp_path: Path) -> None:
    """The identities are already saved: a state folder that cannot be locked loses nothing."""
    ws = make_ws(tmp_path / "ws")
    first = run(ws)
    lock = ws / ".diklat" / statemod.LOCK_FILE
    lock.unlink()
    lock.mkdir()  # the lock cannot be opened as a file
    again = run(ws)
    assert again == (0, first[1], "")


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root writes into read-only folders"
)
def test_a_read_only_workspace_still_exports_to_stdout(tmp_path: Path) -> None:
    ws = make_ws(tmp_path / "ws")
    ws.chmod(0o555)
    try:
        code, out, err = run(ws)
    finally:
        ws.chmod(0o755)
    assert code == 0
    assert ics_events(out) == ["PKP Angkatan III"] * 3
    assert "Peringatan: identitas ekspor tidak dapat disimpan di" in err
    assert "Permission denied" in err
    assert not (ws / ".diklat").exists()
