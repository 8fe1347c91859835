"""The validated workspace is cached, and a change to any file is seen at once."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from diklat_cli.errors import WorkspaceError
from diklat_cli.workspace.loader import load, load_cached


def _touch_later(path: Path) -> None:
    """An editor's save a second later (file systems with coarse time stamps exist)."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


@pytest.fixture
def ws_dir(tmp_path: Path, contract_workspace: Path) -> Path:
    dest = tmp_path / "ws"
    shutil.copytree(contract_workspace, dest)
    return dest


def test_a_cached_workspace_equals_a_fresh_load(ws_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = load_cached(ws_dir, cache)
    assert list((cache / "workspaces").glob("*.pickle"))
    assert load_cached(ws_dir, cache) == first == load(ws_dir)


def test_an_edited_file_is_read_again(ws_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_cached(ws_dir, cache)
    items = ws_dir / "items.toml"
    items.write_text(
        items.read_text("utf-8").replace('estimate = "6h"', 'estimate = "7h"'), "utf-8"
    )
    ws = load_cached(ws_dir, cache)
    assert ws.task("lap-tw4") is not None and ws.task("lap-tw4").estimate == 420  # type: ignore[union-attr]


def test_a_mistake_made_after_caching_is_still_reported(ws_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_cached(ws_dir, cache)
    items = ws_dir / "items.toml"
    text = items.read_text("utf-8").replace('estimate = "6h"', 'estimte = "6h"')
    items.write_text(text, "utf-8")
    _touch_later(items)
    with pytest.raises(WorkspaceError, match="estimte"):
        load_cached(ws_dir, cache)


def test_a_calendar_file_that_went_missing_is_reported(ws_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_cached(ws_dir, cache)
    (ws_dir / "kantor.ics").unlink()
    with pytest.raises(WorkspaceError, match=r"kantor\.ics"):
        load_cached(ws_dir, cache)


def test_a_broken_cache_file_is_ignored(ws_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_cached(ws_dir, cache)
    for p in (cache / "workspaces").glob("*.pickle"):
        p.write_bytes(b"not a pickle")
    assert load_cached(ws_dir, cache) == load(ws_dir)


def test_an_edit_replaces_the_cached_copy_instead_of_adding_one(
    ws_dir: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    load_cached(ws_dir, cache)
    items = ws_dir / "items.toml"
    _touch_later(items)
    load_cached(ws_dir, cache)
    assert len(list((cache / "workspaces").glob("*.pickle"))) == 1


def test_a_workspace_cached_before_a_model_changed_is_loaded_afresh(
    ws_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from diklat_cli.workspace import loader as workspace
    from diklat_cli.workspace.models import Task

    cache = tmp_path / "cache"
    load_cached(ws_dir, cache)
    fields = dict(Task.__dataclass_fields__)
    monkeypatch.setattr(Task, "__dataclass_fields__", {**fields, "effort_left": fields["estimate"]})
    calls: list[Path] = []
    monkeypatch.setattr(workspace, "load", lambda root, *a, **k: calls.append(root) or load(root))
    load_cached(ws_dir, cache)
    assert calls == [ws_dir]


def test_an_edit_whose_time_stamp_was_put_back_is_still_seen(ws_dir: Path, tmp_path: Path) -> None:
    """`touch -r`, `cp -p` and tar restore mtime; the change time (ctime) still moves."""
    import time

    cache = tmp_path / "cache"
    load_cached(ws_dir, cache)
    items = ws_dir / "items.toml"
    st = items.stat()
    text = items.read_text("utf-8").replace('estimate = "6h"', 'estimatz = "6h"')  # same size
    time.sleep(0.01)  # so that the change time differs on file systems with coarse clocks
    items.write_text(text, "utf-8")
    os.utime(items, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert items.stat().st_mtime_ns == st.st_mtime_ns and items.stat().st_size == st.st_size
    with pytest.raises(WorkspaceError, match="estimatz"):
        load_cached(ws_dir, cache)


def test_a_calendar_under_home_is_served_from_the_cache(
    ws_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`path = "~/kantor.ics"`: the cache looks where the loader looks (it did not expand ~)."""
    import diklat_cli.workspace.loader as loader

    home = Path(os.environ["HOME"])
    shutil.move(ws_dir / "kantor.ics", home / "kantor.ics")
    for toml in ws_dir.glob("*.toml"):
        toml.write_text(toml.read_text("utf-8").replace('"kantor.ics"', '"~/kantor.ics"'), "utf-8")
    cache = tmp_path / "cache"
    first = load_cached(ws_dir, cache)
    assert [c.path for c in first.calendars] == ["~/kantor.ics"]
    loads: list[Path] = []
    real = loader.load
    monkeypatch.setattr(
        loader, "load", lambda root, *a, **k: loads.append(root) or real(root, *a, **k)
    )
    assert load_cached(ws_dir, cache) == first
    assert loads == []
