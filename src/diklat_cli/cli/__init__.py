"""The Typer app: the only place that reads argv, the environment and the clock, prints and exits.

Each command lives in a module of its own in this package and registers itself on `app`.
"""

from __future__ import annotations

import sys

from .app import app, main

# the command modules register themselves on `app` when imported
from . import plan as _plan  # noqa: F401  isort: skip

__all__ = ["app", "main"]

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
