"""Exit codes and the error classes that the CLI turns into them, in one place."""

from __future__ import annotations

from enum import IntEnum

from .record import Record


class ExitCode(IntEnum):
    """What `diklat` returns to the shell; each one is pinned by a test."""

    OK = 0
    FINDINGS = 1  # `check` found clashes; `plan --strict` could not fit everything
    USAGE = 2  # wrong command-line arguments (Typer's own code)
    INVALID_WORKSPACE = 3  # the workspace files cannot be used, or the output cannot be written
    INTERNAL = 70  # a bug in diklat (EX_SOFTWARE)


class Problem(Record):
    """One thing wrong with the user's input, as `FILE:LINE: where: what; fix`."""

    file: str
    line: int | None
    where: str
    what: str
    fix: str = ""

    def __str__(self) -> str:
        place = self.file if self.line is None else f"{self.file}:{self.line}"
        text = f"{place}: {self.where}: {self.what}" if self.where else f"{place}: {self.what}"
        return f"{text}; {self.fix}" if self.fix else text


class DiklatError(Exception):
    """Base of every error the user should see as a message, not a traceback."""

    exit_code: ExitCode = ExitCode.INTERNAL


class WorkspaceError(DiklatError):
    """The workspace cannot be used; carries every problem found, not only the first."""

    exit_code = ExitCode.INVALID_WORKSPACE

    def __init__(self, problems: list[Problem], lang: str | None = None) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.where, p.what))
        self.lang = lang  # the language the problems are written in, for the heading above them
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(DiklatError):
    """A command-line argument names something that does not exist or makes no sense."""

    exit_code = ExitCode.USAGE
