"""Jinja2 for templates that may come from a shared workspace: nothing in them runs.

An office's handover templates travel with the workspace a colleague copies. A template can
only fill in the sheet: it is checked before it is compiled and then runs in Jinja2's immutable
sandbox, with bounds on what it may spend.

- Before anything runs, the template's syntax tree is searched for the doors out of the
  sandbox: any attribute or key that starts with `_` (`__class__`, `__mro__`, `__subclasses__`,
  `__globals__`, `__init__` of `cycler`, `joiner` or `namespace`, `self._TemplateReference__context`),
  also through the `attr` filter. Such a template is refused with its file and line; it never
  executes. A template file that is a link out of its folder (to `~/.ssh/id_rsa`, say, whose
  text would end up in a sheet sent to a colleague) is refused too.
- What is built at run time (a key glued together from pieces) meets the sandbox itself, which
  refuses unsafe attributes and calls; the refusal is reported the same way.
- Bounds: the sandbox's own `range` cap (100,000), `**` with a small exponent, `*` and `%`
  results at most a few MB, and a whole rendering within `TIME_LIMIT` seconds and
  `MEMORY_LIMIT` bytes more than before it (on POSIX systems). Template files are regular files
  of at most `MAX_TEMPLATE_BYTES`.

Every refusal is a `WorkspaceError` (exit 3) naming the template file, the line and what was
refused.
"""

from __future__ import annotations

import contextlib
import os
import stat
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..errors import Problem, WorkspaceError
from ..i18n import Catalog, Lang

MAX_TEMPLATE_BYTES = 1_000_000
MAX_RESULT = 5_000_000  # characters (or items) of a single `*` or `%` result
MAX_EXPONENT = 1_000
TIME_LIMIT = 10.0  # seconds for one rendering
MEMORY_LIMIT = 256 * 1024 * 1024  # bytes of address space a rendering may add

M = Catalog(
    {
        "where": {"id": "templat", "en": "template"},
        "refused": {"id": "ditolak: {what}", "en": "refused: {what}"},
        "fix": {
            "id": "templat hanya boleh memakai variabel dan filter lembar serah terima (lihat "
            "docs/check-and-handover.md); hapus bagian itu",
            "en": "a template may use only the sheet's variables and filters (see "
            "docs/check-and-handover.md); remove that part",
        },
        "underscore": {
            "id": "'{name}' (nama yang diawali _ adalah bagian dalam Python)",
            "en": "'{name}' (names that start with _ are Python's insides)",
        },
        "unsafe": {"id": "{detail}", "en": "{detail}"},
        "too_long": {
            "id": "templat berjalan lebih dari {n} detik",
            "en": "the template runs for more than {n} seconds",
        },
        "too_big": {
            "id": "templat memakai terlalu banyak memori",
            "en": "the template uses too much memory",
        },
        "endless": {
            "id": "templat memanggil dirinya sendiri tanpa akhir",
            "en": "the template calls itself without end",
        },
        "big_file": {
            "id": "bukan berkas biasa, atau lebih dari {n} bita",
            "en": "not a regular file, or over {n} bytes",
        },
        "outside": {
            "id": "tautan ke berkas di luar {folder}",
            "en": "a link to a file outside {folder}",
        },
        "error": {"id": "galat templat: {detail}", "en": "template error: {detail}"},
        "fix_error": {
            "id": "perbaiki templat, atau hapus agar templat bawaan dipakai",
            "en": "fix the template, or remove it to use the built-in one",
        },
    }
)


class _Refused(Exception):
    """Why a template may not run (a message key of `M` and its values), and where."""

    def __init__(self, key: str, line: int | None = None, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.line = line
        self.params = params
        self.file: str | None = None


class _OutOfTime(Exception):
    pass


# --- the check before anything runs ---------------------------------------------------------


def check_source(env: jinja2.Environment, source: str, name: str, filename: str | None) -> None:
    """Raise `_Refused` for a template that reaches for Python's insides (read, not run)."""
    tree = env.parse(source, name, filename)
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter, nodes.Name)):
        key: object = None
        if isinstance(node, nodes.Getattr):
            key = node.attr
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            key = node.arg.value
        elif isinstance(node, nodes.Filter) and node.name == "attr" and node.args:
            arg = node.args[0]
            key = arg.value if isinstance(arg, nodes.Const) else None
        elif isinstance(node, nodes.Name):
            key = node.name
        if isinstance(key, str) and key.startswith("_"):
            raise _Refused("underscore", node.lineno, name=key)


class CheckedLoader(jinja2.BaseLoader):
    """Templates from folders (the workspace's first, then diklat's own), checked as they load."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = folders

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = jinja2.loaders.split_template_path(template)  # refuses '..'
        for folder in self.folders:
            path = folder.joinpath(*pieces)
            try:
                st = path.stat()
            except OSError:
                continue
            try:
                if not path.resolve().is_relative_to(folder.resolve()):
                    raise _Refused("outside", folder=folder)
                if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_TEMPLATE_BYTES:
                    raise _Refused("big_file", n=MAX_TEMPLATE_BYTES)
                with path.open("rb") as fh:  # a regular file: no endless read
                    source = fh.read(MAX_TEMPLATE_BYTES + 1).decode("utf-8")
                check_source(environment, source, template, str(path))
            except _Refused as exc:
                exc.file = str(path)
                raise
            return source, str(path), lambda: False
        raise jinja2.TemplateNotFound(template)


# --- the environment and its bounds ------------------------------------------------------------


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja2's immutable sandbox with bounded arithmetic (see the module's docstring)."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, int) and abs(right) > MAX_EXPONENT:
            raise SecurityError(f"{left!r} ** {right!r} is too big")
        if operator == "*":
            for a, b in ((left, right), (right, left)):
                if (
                    isinstance(a, str | list | tuple)
                    and isinstance(b, int)
                    and len(a) * b > MAX_RESULT
                ):
                    raise SecurityError("a repeated text or list is too long")
        result = super().call_binop(context, operator, left, right)
        if operator == "%" and isinstance(result, str) and len(result) > MAX_RESULT:
            raise SecurityError("a formatted text is too long")
        return result


def environment(folders: list[Path], **options: Any) -> Sandbox:
    """The sandbox reading templates from `folders`, in order."""
    env = Sandbox(loader=CheckedLoader(folders), **options)
    env.globals.pop("lipsum", None)  # nonsense text, and a way to spend memory
    return env


@contextlib.contextmanager
def _bounded() -> Iterator[None]:
    """Run the block within TIME_LIMIT seconds and MEMORY_LIMIT more bytes (POSIX, main thread)."""
    import signal
    import threading

    limits: list[Callable[[], None]] = []
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():

        def out_of_time(signum: int, frame: object) -> None:
            raise _OutOfTime

        old = signal.signal(signal.SIGALRM, out_of_time)
        signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT)

        def restore_timer() -> None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)

        limits.append(restore_timer)
    with contextlib.suppress(ImportError, OSError, ValueError):
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        with Path("/proc/self/statm").open() as fh:
            used = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        cap = used + MEMORY_LIMIT
        if soft == resource.RLIM_INFINITY or cap < soft:
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
            limits.append(lambda: resource.setrlimit(resource.RLIMIT_AS, (soft, hard)))
    try:
        yield
    finally:
        for undo in reversed(limits):
            undo()


# --- rendering, and what a refusal says --------------------------------------------------------


def render(env: Sandbox, name: str, context: dict[str, Any], lang: Lang) -> str:
    """The template `name` filled with `context`; every failure of the template is exit 3."""
    filename = name
    try:
        with _bounded():
            template = env.get_template(name)
            filename = template.filename or name
            return "".join(template.generate(**context))
    except _Refused as exc:
        raise _problem(exc, filename, lang) from None
    except jinja2.TemplateSyntaxError as exc:
        detail = M(lang, "error", detail=exc.message)
        raise _error(exc.filename or filename, exc.lineno, detail, "fix_error", lang) from None
    except (SecurityError, OverflowError) as exc:  # OverflowError: the sandbox's range cap
        what = M(lang, "refused", what=M(lang, "unsafe", detail=str(exc)))
        raise _error(filename, _line(exc, filename), what, "fix", lang) from None
    except _OutOfTime:
        what = M(lang, "refused", what=M(lang, "too_long", n=int(TIME_LIMIT)))
        raise _error(filename, None, what, "fix", lang) from None
    except RecursionError:  # a macro calling itself, a template extending itself
        what = M(lang, "refused", what=M(lang, "endless"))
        raise _error(filename, None, what, "fix", lang) from None
    except MemoryError:
        what = M(lang, "refused", what=M(lang, "too_big"))
        raise _error(filename, None, what, "fix", lang) from None
    except (jinja2.TemplateError, UnicodeDecodeError, TypeError, ValueError) as exc:
        detail = M(lang, "error", detail=str(exc) or type(exc).__name__)
        raise _error(filename, _line(exc, filename), detail, "fix_error", lang) from None


def _problem(exc: _Refused, filename: str, lang: Lang) -> WorkspaceError:
    what = M(lang, "refused", what=M(lang, exc.key, **exc.params))
    fix = "fix_error" if exc.key in ("big_file", "outside") else "fix"
    return _error(exc.file or filename, exc.line, what, fix, lang)


def _line(exc: BaseException, filename: str) -> int | None:
    """The template's line where `exc` arose: Jinja2 puts template lines into the traceback."""
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == filename:
            line = frame.lineno
    return line


def _error(file: str, line: int | None, what: str, fix: str, lang: Lang) -> WorkspaceError:
    return WorkspaceError([Problem(file, line, M(lang, "where"), what, M(lang, fix))], lang=lang)
