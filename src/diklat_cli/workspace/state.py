"""diklat's own state in the workspace's `.diklat/` folder: progress and export identities.

The user's TOML is never written. The state is TOML too (tomli-w), so a curious user can read it,
and every write goes to a temporary file first and is renamed into place, so a crash or a full
disk never leaves half a file.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import field
from datetime import datetime
from pathlib import Path

from ..errors import Problem, WorkspaceError
from ..record import Record
from .files import MAX_STATE_BYTES, read_limited

STATE_DIR = ".diklat"
LOCK_FILE = "lock"


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step (same-folder temp file, fsync, rename, fsync the
    folder): a crash at any moment leaves the old file or the new one, never half of one."""
    import tempfile  # not needed on the way to a plan

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)
    remove_stale_temps(path)


STALE_TEMP_SECONDS = 60  # a temp file younger than this may be another process's write in flight


def remove_stale_temps(path: Path) -> None:
    """Remove the `.NAME.*.tmp` files beside `path` that a write killed before its rename left.

    Only regular files older than a minute go: a younger one may be another process writing the
    same file right now. Whatever cannot be removed stays; the write itself has succeeded.
    """
    import glob
    import stat
    import time

    cutoff = time.time() - STALE_TEMP_SECONDS
    try:
        temps = list(path.parent.glob(f".{glob.escape(path.name)}.*.tmp"))
    except OSError:  # a folder that cannot be listed: nothing to tidy
        return
    for tmp in temps:
        try:
            st = tmp.lstat()
            if stat.S_ISREG(st.st_mode) and st.st_mtime < cutoff:
                tmp.unlink()
        except OSError:  # gone already (another process cleaned it), or not ours to remove
            pass


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows cannot open a folder, and needs not."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some file systems refuse fsync on a folder; the rename is done anyway
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def locked(state_dir: Path) -> Iterator[None]:
    """Hold `.diklat/lock` while reading, changing and writing the state.

    Two terminals running `diklat done` at once would otherwise both read the old records and
    the second write would drop the first one's. fcntl.flock waits for the other process; on
    Windows (no fcntl) the state is written without the lock.
    """
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    try:
        state_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(state_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise state_error(state_dir, exc) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


_STATE_M = {
    "unwritable": (
        "tidak dapat ditulis ({reason})",
        "cannot be written ({reason})",
    ),
    "unwritable_fix": (
        "periksa hak akses folder dan sisa ruang disk; catatan ini belum tersimpan",
        "check the folder's permissions and the free disk space; this record is not saved",
    ),
}


class StateUnwritable(WorkspaceError):
    """A state file or folder that cannot be written (read-only, disk full): exit 3, unless the
    command can do without saving (`diklat export` still prints its file)."""

    def __init__(self, path: Path, reason: str) -> None:
        what, fix = _STATE_M["unwritable"], _STATE_M["unwritable_fix"]
        problem = Problem(
            str(path),
            None,
            "",
            f"{what[0].format(reason=reason)} / {what[1].format(reason=reason)}",
            f"{fix[0]} / {fix[1]}",
        )
        super().__init__([problem])
        self.path, self.reason = path, reason


def state_error(path: Path, exc: OSError) -> StateUnwritable:
    """A state file or folder that cannot be written (read-only, disk full), as exit 3."""
    return StateUnwritable(path, exc.strerror or str(exc))


def save_state(path: Path, data: bytes) -> None:
    """`write_atomic`, with a read-only folder or a full disk reported as a problem."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise state_error(path, exc) from None


# --- progress --------------------------------------------------------------------------------

PROGRESS_FILE = "progress.toml"
PROGRESS_VERSION = 1  # written into the file; another version stops the command, not resets it


class TaskProgress(Record):
    """What `diklat done` recorded for one task."""

    spent_minutes: int = 0
    done: bool = False
    updated: datetime | None = None
    skipped: bool = False  # "not needed this time" (diklat done ID@DATE --skip)


class Progress(Record):
    """What the user has recorded with `diklat done`, by task id (occurrences: ID@YYYY-MM-DD)."""

    tasks: dict[str, TaskProgress] = field(default_factory=dict)

    def of(self, task_id: str) -> TaskProgress:
        return self.tasks.get(task_id, _NOTHING)


_NOTHING = TaskProgress()  # shared: the planner asks for every one of thousands of tasks


def load_progress(state_dir: Path | None) -> Progress:
    """Progress recorded so far; an absent state folder means none.

    A damaged file stops the command with the file named: silently forgetting what was done
    would put finished work back into the plan.
    """
    if state_dir is None:
        return Progress()
    path = state_dir / PROGRESS_FILE
    if not os.path.lexists(path):
        return Progress()
    import tomllib  # only when there is a file: the demo and a fresh workspace do without

    try:
        data = tomllib.loads(read_limited(path, MAX_STATE_BYTES).decode("utf-8"))
        tasks = _tasks(data)
    except (
        OSError,
        UnicodeDecodeError,
        tomllib.TOMLDecodeError,
        AttributeError,
        TypeError,
        ValueError,
        OverflowError,
        RecursionError,
    ) as exc:
        raise WorkspaceError(
            [
                Problem(
                    str(path),
                    None,
                    "",
                    f"tidak dapat dibaca / cannot be read ({exc})",
                    "perbaiki atau hapus berkas ini (catatan 'diklat done' akan hilang) / "
                    "fix or delete this file (the 'diklat done' records go with it)",
                )
            ]
        ) from None
    return Progress(tasks)


def _tasks(data: dict[str, object]) -> dict[str, TaskProgress]:
    """The records of a progress file; ValueError or TypeError when it is not one diklat wrote."""
    version = data.get("version", PROGRESS_VERSION)
    if version != PROGRESS_VERSION:
        raise ValueError(f"version {version!r}; this diklat reads version {PROGRESS_VERSION}")
    table = data.get("task", {})
    if not isinstance(table, dict):
        raise TypeError("[task] is not a table")
    tasks: dict[str, TaskProgress] = {}
    for tid, v in table.items():
        spent, done = v.get("spent_minutes", 0), v.get("done", False)
        skipped = v.get("skipped", False)
        if type(spent) is not int or not 0 <= spent < 10**9 or type(done) is not bool:
            raise ValueError(f"task {tid!r}: spent_minutes = {spent!r}, done = {done!r}")
        if type(skipped) is not bool:
            raise ValueError(f"task {tid!r}: skipped = {skipped!r}")
        updated = v.get("updated")
        tasks[str(tid)] = TaskProgress(
            spent, done, updated if isinstance(updated, datetime) else None, skipped
        )
    return tasks


def record_progress(
    progress: Progress,
    task_id: str,
    *,
    now: datetime,
    spent: int = 0,
    done: bool = False,
    undo: bool = False,
    skip: bool = False,
) -> Progress:
    """`progress` with one more record for `task_id`: time spent added, done set, or (undo) forgotten."""
    tasks = dict(progress.tasks)
    if undo:
        tasks.pop(task_id, None)
        return Progress(tasks)
    old = progress.of(task_id)
    tasks[task_id] = TaskProgress(
        old.spent_minutes + spent, old.done or done, now, old.skipped or skip
    )
    return Progress(tasks)


def save_progress(state_dir: Path, progress: Progress) -> None:
    """Write `.diklat/progress.toml` in one step (never the user's own files)."""
    import tomli_w

    data = {
        "version": PROGRESS_VERSION,
        "task": {
            tid: {
                "spent_minutes": tp.spent_minutes,
                "done": tp.done,
                **({"updated": tp.updated.replace(microsecond=0)} if tp.updated else {}),
                **({"skipped": True} if tp.skipped else {}),
            }
            for tid, tp in sorted(progress.tasks.items())
        },
    }
    header = b"# diklat's record of 'diklat done': time spent and finished tasks, by task id.\n"
    save_state(state_dir / PROGRESS_FILE, header + tomli_w.dumps(data).encode("utf-8"))


# --- export identities -----------------------------------------------------------------------

EXPORT_FILE = "export.toml"


class ExportIdentity(Record):
    """What diklat last exported under one UID: a hash of the content, its revision and time."""

    hash: str
    sequence: int
    stamp: datetime  # UTC; the DTSTAMP of that revision


class ExportState(Record):
    """Export identities by UID, so a re-export keeps DTSTAMP and raises SEQUENCE only on change."""

    events: dict[str, ExportIdentity] = field(default_factory=dict)


def load_export_state(state_dir: Path | None) -> ExportState:
    """Identities of earlier exports; none for the demo or a first export.

    A damaged file only costs the revision numbers (every event starts again at SEQUENCE 0), so it
    is read leniently rather than stopping the export.
    """
    import tomllib
    from datetime import UTC

    if state_dir is None:
        return ExportState()
    path = state_dir / EXPORT_FILE
    try:
        data = tomllib.loads(read_limited(path, MAX_STATE_BYTES).decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return ExportState()
    events: dict[str, ExportIdentity] = {}
    table = data.get("event", {})
    for uid, v in table.items() if isinstance(table, dict) else ():
        if not isinstance(v, dict):
            continue
        stamp, digest, seq = v.get("stamp"), v.get("hash"), v.get("sequence")
        if not isinstance(stamp, datetime) or not isinstance(digest, str) or type(seq) is not int:
            continue
        stamp = stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)
        events[uid] = ExportIdentity(digest, seq, stamp)
    return ExportState(events)


def save_export_state(state_dir: Path, state: ExportState) -> None:
    import tomli_w

    data = {
        "event": {
            uid: {"hash": e.hash, "sequence": e.sequence, "stamp": e.stamp}
            for uid, e in sorted(state.events.items())
        }
    }
    header = b"# diklat's memory of what 'diklat export' wrote (UID -> revision); safe to delete.\n"
    save_state(state_dir / EXPORT_FILE, header + tomli_w.dumps(data).encode("utf-8"))
