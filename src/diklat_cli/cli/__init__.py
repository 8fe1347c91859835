"""The Typer app: the only place that reads argv, the environment and the clock, prints and exits.

Each command lives in a module of its own in this package (`COMMANDS` in base.py says which) and
registers itself on the app when imported. A run imports only the module of the command it runs
(`base.for_command`); `app` here is the whole app, every command registered, for `--help` and
for tests.

The modules that define commands do without `from __future__ import annotations`: Typer reads
the annotations of the command being run on every run, and evaluating them from strings cost
about 4 ms of `diklat plan` (measured).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .base import main

if TYPE_CHECKING:
    import typer

    app: typer.Typer

__all__ = ["app", "main"]


def __getattr__(name: str) -> object:
    if name == "app":
        from .base import whole_app

        return whole_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
