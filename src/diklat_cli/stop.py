"""Whether a signal asked the command to stop: set by entry.py's handler, read by the error trap.

The handler raises `entry.Stopped`, which is not an `Exception`, so that no `except Exception`
swallows it. A library may still catch it where Python code runs inside its own (pydantic-core,
building a validator, reports it as a SchemaError "Stopped: 2"): the trap in cli/base.py then
knows from here that the user pressed Ctrl-C, and exits 130 instead of reporting an internal
error. Nothing here is imported but this module, before the handler is installed.
"""

signum: int | None = None  # the signal received, once one was
