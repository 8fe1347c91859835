"""diklat's own state in the workspace's `.diklat/` folder: progress and export identities.

The user's TOML is never written. The state is TOML too (tomli-w), so a curious user can read it,
and every write goes to a temporary file first and is renamed into place, so a crash or a full
disk never leaves half a file.
"""

from __future__ import annotations

import os
from dataclasses import field
from datetime import datetime
from pathlib import Path

from ..record import Record

STATE_DIR = ".diklat"


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step (same-folder temp file, fsync, rename)."""
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


# --- progress --------------------------------------------------------------------------------

PROGRESS_FILE = "progress.toml"


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
    if not path.is_file():
        return Progress()
    import tomllib  # only when there is a file: the demo and a fresh workspace do without

    try:
        data = tomllib.loads(path.read_text("utf-8"))
        table = data.get("task", {})
        tasks = {
            str(tid): TaskProgress(
                int(v.get("spent_minutes", 0)),
                bool(v.get("done", False)),
                v.get("updated") if isinstance(v.get("updated"), datetime) else None,
                bool(v.get("skipped", False)),
            )
            for tid, v in table.items()
        }
    except (
        OSError,
        UnicodeDecodeError,
        tomllib.TOMLDecodeError,
        AttributeError,
        TypeError,
        ValueError,
    ) as exc:
        from ..errors import Problem, WorkspaceError

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
        "task": {
            tid: {
                "spent_minutes": tp.spent_minutes,
                "done": tp.done,
                **({"updated": tp.updated.replace(microsecond=0)} if tp.updated else {}),
                **({"skipped": True} if tp.skipped else {}),
            }
            for tid, tp in sorted(progress.tasks.items())
        }
    }
    header = b"# diklat's record of 'diklat done': time spent and finished tasks, by task id.\n"
    write_atomic(state_dir / PROGRESS_FILE, header + tomli_w.dumps(data).encode("utf-8"))


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
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
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
    write_atomic(state_dir / EXPORT_FILE, header + tomli_w.dumps(data).encode("utf-8"))
