"""diklat's own state in the workspace's `.diklat/` folder: progress and export identities.

The user's TOML is never written. The state is TOML too (tomli-w), so a curious user can read it,
and every write goes to a temporary file first and is renamed into place, so a crash or a full
disk never leaves half a file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

STATE_DIR = ".diklat"


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step (same-folder temp file, fsync, rename)."""
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


from dataclasses import dataclass, field  # noqa: E402
from datetime import datetime  # noqa: E402


@dataclass(frozen=True)
class TaskProgress:
    spent_minutes: int = 0
    done: bool = False
    updated: datetime | None = None


@dataclass(frozen=True)
class Progress:
    """What the user has recorded with `diklat done`, by task id (occurrences: ID@YYYY-MM-DD)."""

    tasks: dict[str, TaskProgress] = field(default_factory=dict)

    def of(self, task_id: str) -> TaskProgress:
        return self.tasks.get(task_id, TaskProgress())


def load_progress(state_dir: Path | None) -> Progress:
    """Progress recorded so far; an absent state folder means none."""
    import tomllib

    if state_dir is None:
        return Progress()
    path = state_dir / PROGRESS_FILE
    if not path.is_file():
        return Progress()
    data = tomllib.loads(path.read_text("utf-8"))
    tasks = {
        tid: TaskProgress(
            int(v.get("spent_minutes", 0)), bool(v.get("done", False)), v.get("updated")
        )
        for tid, v in data.get("task", {}).items()
    }
    return Progress(tasks)
