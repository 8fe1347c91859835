"""The `diklat` command's process: signals and standard streams first, then the app.

Ctrl-C (SIGINT) and SIGTERM stop the command at any moment, the imports of the first fraction
of a second included, with exit 130 (143) and no traceback: the handler is installed before
anything else is imported, and the exception it raises is not an `Exception`, so no library's
`except Exception` (nor Typer's handling of KeyboardInterrupt) swallows it; files being written
clean up on the way out (cli/output.py, workspace/state.py), so nothing half-written is left.

A closed pipe (`diklat plan --format json | head -1`) is a quiet success, as Python's docs on
SIGPIPE recommend: stdout is pointed at /dev/null so that nothing more fails, exit 0. A standard
stream that is closed when diklat starts (`diklat plan >&-`) is opened on /dev/null, so no file
opened later takes its number and receives messages; what would have been printed is discarded,
as Python's own `print` does.

A run of `diklat` lives for a fraction of a second and makes many objects that stay alive to the
end (modules, the workspace, the plan). Python's cyclic collector, run every 700 allocations,
keeps walking them: about 20 ms of `diklat plan` on the demo, and 40 ms on a year of 10,000
tasks, went to collections that found almost nothing (measured). A higher first threshold keeps
it working for what is really garbage, without the walks; peak memory did not change. It is set
here, before the app is imported, and only for the command's own process: importing
`diklat_cli` as a library changes nothing.
"""

import gc
import os
import signal
import sys

from . import stop


class Stopped(BaseException):
    """A signal asked the command to stop; `run` turns it into 128 + the signal's number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, frame: object) -> None:
    # once: a second Ctrl-C must not break into the clean-up of the first (a temporary file
    # being removed, the final flush)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    stop.signum = signum  # for the error trap, should a library turn Stopped into its own error
    raise Stopped(signum)


signal.signal(signal.SIGINT, _stop)
signal.signal(signal.SIGTERM, _stop)
gc.set_threshold(100_000, 20, 20)


def _open_closed_streams() -> None:
    """Give a closed stdin, stdout or stderr /dev/null, before any file can take its number."""
    for fd, mode, name in ((0, "r", "stdin"), (1, "w", "stdout"), (2, "w", "stderr")):
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, os.O_RDWR)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
            setattr(sys, name, open(fd, mode, encoding="utf-8", closefd=False))  # noqa: SIM115


def run() -> int:
    try:
        _open_closed_streams()
        from .cli import main

        code = main(sys.argv[1:])
        sys.stdout.flush()  # here, not at exit, where an error would print a traceback
        return code
    except Stopped as stop:
        return _quietly(128 + stop.signum)
    except BrokenPipeError:
        return _quietly(0)
    except OSError as exc:  # the final flush: a full disk behind stdout
        from .cli.output import stream_failed

        return _quietly(stream_failed(exc))


def _quietly(code: int) -> int:
    from .cli.output import quiet_stdout

    quiet_stdout()
    return code
