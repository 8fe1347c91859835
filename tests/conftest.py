"""Shared fixtures: no test touches the real home folder, the clock or the user's language.

Whatever the shell running the tests holds (NO_COLOR, TERM=dumb, a narrow COLUMNS, another TZ or
LANG, a DIKLAT_WORKSPACE of one's own), every test sees the same environment: the variables that
change what diklat or rich prints are cleared, and TERM and TZ are set to known values.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

# read by rich (colour, width, terminal detection) or by diklat itself
_CLEARED = (
    "NO_COLOR",
    "FORCE_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "COLORTERM",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "COLUMNS",
    "LINES",
    "JUPYTER_COLUMNS",
    "JUPYTER_LINES",
    "LANGUAGE",
)


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    for var in list(os.environ):
        if var == "DIKLAT_UPDATE_GOLDEN":  # the tests' own switch, not diklat's
            continue
        if var.startswith(("DIKLAT_", "LC_")) or var == "LANG" or var in _CLEARED:
            monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def contract_workspace() -> Path:
    """The contract's examples, verbatim, as one workspace (examples/kontrak)."""
    return EXAMPLES / "kontrak"
