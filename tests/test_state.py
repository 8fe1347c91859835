"""The progress state: written atomically as TOML, read back the same, damage reported."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from diklat_cli.errors import WorkspaceError
from diklat_cli.workspace.state import (
    PROGRESS_FILE,
    Progress,
    TaskProgress,
    load_progress,
    record_progress,
    save_progress,
)

NOW = datetime(2026, 12, 1, 16, 5, tzinfo=ZoneInfo("Asia/Jakarta"))


def test_progress_round_trips(tmp_path: Path) -> None:
    p = record_progress(Progress(), "lap", now=NOW, spent=90)
    p = record_progress(p, "lap", now=NOW, spent=30)
    p = record_progress(p, "absensi@2026-12-04", now=NOW, done=True)
    save_progress(tmp_path, p)
    back = load_progress(tmp_path)
    assert back.of("lap") == TaskProgress(120, False, NOW)
    assert back.of("absensi@2026-12-04").done
    assert back.of("other") == TaskProgress()
    assert [f.name for f in tmp_path.iterdir()] == [PROGRESS_FILE]  # no temporary file left


def test_undo_forgets_the_record() -> None:
    p = record_progress(Progress(), "lap", now=NOW, done=True)
    assert record_progress(p, "lap", now=NOW, undo=True) == Progress()


def test_no_state_folder_means_no_progress(tmp_path: Path) -> None:
    assert load_progress(None) == Progress()
    assert load_progress(tmp_path / ".diklat") == Progress()


def test_a_damaged_file_is_named(tmp_path: Path) -> None:
    (tmp_path / PROGRESS_FILE).write_text("[task\n", encoding="utf-8")
    with pytest.raises(WorkspaceError) as err:
        load_progress(tmp_path)
    assert str(err.value).startswith(f"{tmp_path / PROGRESS_FILE}: tidak dapat dibaca")
