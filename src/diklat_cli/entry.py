"""The `diklat` command's process: its garbage collector, then the app.

A run of `diklat` lives for a fraction of a second and makes many objects that stay alive to the
end (modules, the workspace, the plan). Python's cyclic collector, run every 700 allocations,
keeps walking them: about 20 ms of `diklat plan` on the demo, and 40 ms on a year of 10,000
tasks, went to collections that found almost nothing (measured). A higher first threshold keeps
it working for what is really garbage, without the walks; peak memory did not change. It is set
here, before the app is imported, and only for the command's own process: importing
`diklat_cli` as a library changes nothing.
"""

import gc
import sys

gc.set_threshold(100_000, 20, 20)

from .cli import main  # noqa: E402  (after the collector is set: imports allocate the most)


def run() -> int:
    return main(sys.argv[1:])
