"""`-o/--output` respects what is there (cli/output.py): links, FIFOs, modes, and failures."""

from __future__ import annotations

import errno
import os
import stat
import threading
from pathlib import Path

import pytest

from diklat_cli.cli import main
from diklat_cli.cli.output import OutputError, write_output

FIXTURE = Path(__file__).parent / "fixtures" / "handover"


def test_a_symlink_writes_its_target_and_stays_a_link(tmp_path: Path) -> None:
    target = tmp_path / "real.ics"
    target.write_bytes(b"old")
    link = tmp_path / "link.ics"
    link.symlink_to(target)
    write_output(link, b"new", "id")
    assert link.is_symlink() and link.readlink() == target
    assert target.read_bytes() == b"new"


def test_a_fifo_is_written_through_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_output(fifo, b"BEGIN:VCALENDAR\r\n" * 10_000, "id")
    reader.join(timeout=30)
    assert got == [b"BEGIN:VCALENDAR\r\n" * 10_000]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "shared.ics"
    path.write_bytes(b"old")
    path.chmod(0o664)
    write_output(path, b"new", "id")
    assert stat.S_IMODE(path.stat().st_mode) == 0o664
    assert path.read_bytes() == b"new"


def test_a_new_file_gets_the_usual_mode_not_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_output(tmp_path / "new.ics", b"x", "id")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.ics").stat().st_mode) == 0o644


def test_a_missing_folder_is_a_message_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as info:
        write_output(tmp_path / "nope" / "x.ics", b"x", "en")
    assert str(info.value) == (
        f"cannot write {tmp_path / 'nope' / 'x.ics'}: the folder {tmp_path / 'nope'} does not "
        "exist; create it or choose another place"
    )
    assert info.value.exit_code == 3
    assert not (tmp_path / "nope").exists()


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.EACCES, "tidak ada izin menulis di situ"),
        (errno.EROFS, "tempat itu hanya-baca"),
        (errno.ENOSPC, "ruang disk penuh"),
    ],
)
def test_a_folder_that_refuses_is_a_message_and_the_old_file_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    path = tmp_path / "x.ics"
    path.write_bytes(b"old")

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", refuse)
    with pytest.raises(OutputError, match=words):
        write_output(path, b"new", "id")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.ics"]  # no temporary file left


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--date", "2027-01-25"],
        ["handover", "pkp", "--date", "2027-01-25"],
        ["schema"],
        ["jp", "--year", "2027"],
    ],
)
def test_every_output_option_goes_through_the_same_door(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    target = tmp_path / "real.out"
    target.write_text("old")
    target.chmod(0o664)
    link = tmp_path / "link.out"
    link.symlink_to(target)
    assert main(["-w", str(FIXTURE), *command, "-o", str(link)]) == 0
    assert link.is_symlink()
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    assert target.read_text("utf-8") != "old"
    missing = tmp_path / "no-folder" / "x.out"
    assert main(["-w", str(FIXTURE), *command, "-o", str(missing)]) == 3
    assert (
        f"tidak dapat menulis {missing}: folder {missing.parent} tidak ada"
        in capsys.readouterr().err
    )
