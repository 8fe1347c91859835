"""Writing what a command makes to the file the user named with `-o/--output`, respecting it.

- A symlink is followed: its target is written (as a shell's `>` does), the link stays a link.
- A device, a FIFO or a socket is written through, never replaced: `export -o /dev/null`
  discards, `-o /dev/stdout` prints, a FIFO feeds whoever reads it.
- A regular file is replaced in one step (a temporary file in the same folder, written, synced,
  renamed over it), keeping the file's permissions; a new file gets the usual ones (0666 less the
  umask), not the temporary file's 0600. A run stopped half-way leaves the old file whole, and
  the temporary file a killed run left is removed by the next write, once it is a minute old.
- A missing folder, a read-only folder, a full disk, a path that is a folder: a message in the
  user's language and exit 3, never a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from ..errors import DiklatError, ExitCode
from ..i18n import Catalog, Lang

M = Catalog(
    {
        "cannot": {
            "id": "tidak dapat menulis {path}: {why}",
            "en": "cannot write {path}: {why}",
        },
        "no_folder": {
            "id": "folder {folder} tidak ada; buat dulu atau pilih tempat lain",
            "en": "the folder {folder} does not exist; create it or choose another place",
        },
        "denied": {
            "id": "tidak ada izin menulis di situ; pilih tempat lain",
            "en": "no permission to write there; choose another place",
        },
        "read_only": {
            "id": "tempat itu hanya-baca; pilih tempat lain",
            "en": "that place is read-only; choose another place",
        },
        "full": {
            "id": "ruang disk penuh; kosongkan ruang atau pilih tempat lain",
            "en": "the disk is full; free some space or choose another place",
        },
        "is_folder": {
            "id": "itu sebuah folder; tulis nama berkas, mis. {path}/hasil",
            "en": "that is a folder; name a file, e.g. {path}/out",
        },
        "no_reader": {
            "id": "tidak ada yang membaca di ujung lain",
            "en": "nothing reads at the other end",
        },
        "other": {"id": "{error}", "en": "{error}"},
        "stream": {
            "id": "diklat: tidak dapat menulis keluaran: {why}",
            "en": "diklat: cannot write the output: {why}",
        },
    }
)

_WHY = {
    errno.EACCES: "denied",
    errno.EPERM: "denied",
    errno.EROFS: "read_only",
    errno.ENOSPC: "full",
    errno.EDQUOT: "full",
    errno.EFBIG: "full",
    errno.EISDIR: "is_folder",
    errno.ENXIO: "no_reader",
    errno.EPIPE: "no_reader",
}


class OutputError(DiklatError):
    """The output cannot be written where the user asked: exit 3, with why and what to do."""

    exit_code = ExitCode.INVALID_WORKSPACE


def cannot_write(path: Path, exc: OSError, lang: Lang) -> OutputError:
    """The message for `exc` raised while writing `path`, in the user's words."""
    key = _WHY.get(exc.errno or 0)
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        why = M(lang, "no_folder", folder=path.parent)
    elif key is not None:
        why = M(lang, key, path=path)
    else:
        why = M(lang, "other", error=exc.strerror or exc)
    return OutputError(M(lang, "cannot", path=path, why=why))


def write_output(path: Path, data: bytes, lang: Lang) -> None:
    """Put `data` at `path` as the module's docstring says; OutputError when it cannot."""
    try:
        try:
            st = path.stat()  # through links
        except FileNotFoundError:
            st = None
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if st is not None and not stat.S_ISREG(st.st_mode):
            # opened by the name given: /dev/stdout on a pipe has no path of its own to resolve
            _write_through(path, data)
        else:
            target = Path(os.path.realpath(path))  # a symlink (even a chain) writes its target
            _replace(target, data, None if st is None else stat.S_IMODE(st.st_mode))
    except OSError as exc:
        raise cannot_write(path, exc, lang) from None


def _write_through(target: Path, data: bytes) -> None:
    """Write into a device, FIFO or socket as it is: opened for writing, never created."""
    fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _replace(target: Path, data: bytes, mode: int | None) -> None:
    """Replace (or create) a regular file in one step, with `mode` or the usual new-file mode."""
    import tempfile

    if mode is None:
        mask = os.umask(0)
        os.umask(mask)
        mode = 0o666 & ~mask
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        Path(tmp).chmod(mode)  # by name: os.fchmod does not exist on Windows
        Path(tmp).replace(target)
    except BaseException:  # a full disk, Ctrl-C: the old file stays whole, no temporary is left
        Path(tmp).unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)
    from ..workspace.state import remove_stale_temps

    remove_stale_temps(target)  # what a run killed before its rename left beside the file


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); where a folder cannot be opened, the rename stands."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- standard output -------------------------------------------------------------------------

# what writing to a stream (stdout, or a file already open) can meet that is not diklat's fault
STREAM_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF})


def quiet_stdout() -> None:
    """Point stdout at /dev/null: its reader is gone, and the flush at exit must not fail."""
    import sys

    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    finally:
        os.close(null)


def stream_failed(exc: OSError) -> int:
    """Say why the output could not be written (a full disk, an I/O error); exit 3."""
    import sys

    from .context import Options

    lang = Options.current_lang()
    key = _WHY.get(exc.errno or 0)
    why = M(lang, key, path="-") if key else M(lang, "other", error=exc.strerror or exc)
    with contextlib.suppress(OSError):  # stderr may be on the same full disk
        print(M(lang, "stream", why=why), file=sys.stderr)
    return int(ExitCode.INVALID_WORKSPACE)
