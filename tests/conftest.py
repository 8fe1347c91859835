"""Shared fixtures: no test touches the real home folder, the clock or the user's language."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    for var in ("DIKLAT_WORKSPACE", "DIKLAT_LANG", "NO_COLOR"):
        monkeypatch.delenv(var, raising=False)
    for var in [v for v in os.environ if v.startswith("DIKLAT_")]:  # limits, and what comes next
        monkeypatch.delenv(var, raising=False)
    yield


@pytest.fixture
def contract_workspace() -> Path:
    """The examples of docs/workspace-format.md, verbatim, as one workspace."""
    return EXAMPLES / "kontrak"
