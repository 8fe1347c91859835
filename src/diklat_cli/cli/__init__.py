"""The Typer app: the only place that reads argv, the environment and the clock, prints and exits.

Each command lives in a module of its own in this package and registers itself on `app` when
imported; the order of the imports is the order of `diklat --help`.

The modules that define commands do without `from __future__ import annotations`: Typer reads
the annotations of the command being run on every run, and evaluating them from strings cost
about 4 ms of `diklat plan` (measured).
"""

from __future__ import annotations

from . import check, done, export, handover, plan, setup, why  # noqa: F401  (registration)
from .app import app, main

__all__ = ["app", "main"]
