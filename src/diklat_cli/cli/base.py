"""The app object, the global options and the one place errors become messages and exit codes."""

import copy
import importlib
import os
import sys
import traceback
from pathlib import Path
from typing import Annotated

import typer

from .. import __version__, stop
from ..errors import DiklatError, ExitCode, WorkspaceError
from ..i18n import DEFAULT_LANG, Catalog, Lang, parse_lang
from ..render.escape import terminal
from .context import Options

M = Catalog(
    {
        "internal": {
            "id": "diklat: kesalahan internal ({error}). Jalankan lagi dengan --debug untuk melihat "
            "jejaknya, lalu laporkan.",
            "en": "diklat: internal error ({error}). Run again with --debug to see the traceback, "
            "and report it.",
        },
        "invalid": {
            "id": "diklat: ruang kerja tidak dapat dipakai; {n} masalah:",
            "en": "diklat: the workspace cannot be used; 1 problem:|"
            "diklat: the workspace cannot be used; {n} problems:",
        },
    }
)

app = typer.Typer(
    name="diklat",
    help="Ikut diklat tanpa menelantarkan tugas kantor: rencana harian, bentrok jadwal, serah terima, "
    "kalender.\n\nPlan each working day around training: daily plan, clashes, handover sheet, calendar.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"diklat {__version__}")
        raise typer.Exit()


@app.callback()
def _global(
    ctx: typer.Context,
    workspace: Annotated[
        Path | None,
        typer.Option(
            "--workspace", "-w", help="Folder ruang kerja / workspace folder.", show_default=False
        ),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang",
            help="id | en (default: profile.language, or DIKLAT_LANG).",
            show_default=False,
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks of internal errors.")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    from platformdirs import user_cache_path

    from ..i18n import use_name_cache

    use_name_cache(user_cache_path("diklat", appauthor=False) / "names.json")
    ctx.obj = Options(workspace=workspace, lang=lang, debug=debug, env=dict(os.environ))


_GLOBAL_WITH_VALUE = ("--workspace", "-w", "--lang")
_GLOBAL_FLAGS = ("--debug",)


def hoist_global_options(args: list[str]) -> list[str]:
    """Move global options written after the command (`diklat plan --lang en`) before it.

    People type options where they think of them; Typer only takes the app's own options before
    the command name. Everything after a `--` is left alone.
    """
    front, rest = _split_globals(args)
    return front + rest


def _command_name(args: list[str]) -> str | None:
    """The command being run: the first argument that is not a global option or its value."""
    _, rest = _split_globals(args)
    return rest[0] if rest and not rest[0].startswith("-") else None


def _split_globals(args: list[str]) -> tuple[list[str], list[str]]:
    """The global options (with their values), and the other arguments, each in their order."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            rest.extend(args[i:])
            break
        name = a.split("=", 1)[0]
        if a in _GLOBAL_FLAGS or (name in _GLOBAL_WITH_VALUE and "=" in a):
            front.append(a)
        elif a in _GLOBAL_WITH_VALUE and i + 1 < len(args):
            front.extend(args[i : i + 2])
            i += 1
        else:
            rest.append(a)
        i += 1
    return front, rest


# which module defines each command (`diklat --help` lists them alphabetically)
COMMANDS = {
    "plan": "plan",
    "why": "why",
    "done": "done",
    "check": "check",
    "handover": "handover",
    "export": "export",
    "jp": "jp",
    "init": "setup",
    "schema": "setup",
}


def whole_app() -> typer.Typer:
    """The app with every command registered."""
    for module in dict.fromkeys(COMMANDS.values()):
        importlib.import_module(f"{__package__}.{module}")
    return app


def for_command(args: list[str]) -> typer.Typer:
    """The app with only the command being run, or the whole app when none is named.

    Only that command's module is imported, and only its parameters are built: Typer turns every
    command's parameters into options before it runs one (inspecting each signature and
    evaluating its annotations), about 9 ms of every run for eight commands, measured.
    `diklat`, `diklat --help` and a mistyped command (which gets the nearest names) see them all.
    """
    name = _command_name(args)
    if name not in COMMANDS:
        return whole_app()
    importlib.import_module(f"{__package__}.{COMMANDS[name]}")
    one = copy.copy(app)
    one.registered_commands = [
        c
        for c in app.registered_commands
        if c.callback and (c.name or c.callback.__name__.lower().replace("_", "-")) == name
    ]
    return one


# typer's own click (vendored as typer._click): its usage error and abort, reached through typer
_USAGE_ERROR: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError"
)
_ABORT: type[BaseException] = typer.Abort


def _usage_lang(args: list[str]) -> Lang:
    """The language of a usage error: --lang, DIKLAT_LANG, profile.language, else Indonesian.

    The command line could not be read, so the options are looked for by hand; the profile is
    read only on this path (a usage error), never on the way to a plan.
    """
    front, _ = _split_globals(args)
    for i, a in enumerate(front):
        if a.startswith("--lang=") and (lang := parse_lang(a.split("=", 1)[1])):
            return lang
        if a == "--lang" and i + 1 < len(front) and (lang := parse_lang(front[i + 1])):
            return lang
    if lang := parse_lang(os.environ.get("DIKLAT_LANG")):
        return lang
    from ..workspace import loader

    where = next(
        (front[i + 1] for i, a in enumerate(front[:-1]) if a in ("-w", "--workspace")), None
    )
    found = loader.find(Path(where) if where else None, os.environ, Path.cwd(), loader.user_dir())
    return loader.language_of(found.path / loader.MARKER) or DEFAULT_LANG


def main(argv: list[str] | None = None) -> int:
    """Run the app; every error ends here as a message and an exit code."""
    args = hoist_global_options(list(argv if argv is not None else sys.argv[1:]))
    debug = "--debug" in args
    try:
        # not standalone: usage errors come out as exceptions, told below in the user's language
        code = for_command(args)(args=args, prog_name="diklat", standalone_mode=False)
        return code if isinstance(code, int) else 0
    except SystemExit as exc:
        if isinstance(exc.__context__, BrokenPipeError):  # Typer's exit 1 for a closed pipe
            return _closed_pipe()
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BrokenPipeError:
        return _closed_pipe()
    except _USAGE_ERROR as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # `diklat` alone: the help, as Click shows it
            exc.show()  # type: ignore[attr-defined]
            return int(ExitCode.USAGE)
        from .usage import show

        typer.echo(show(exc, args, _usage_lang(args)), err=True)
        return int(ExitCode.USAGE)
    except _ABORT:  # Click's "Aborted!" (end of input at a prompt): exit 1, as Click would
        typer.echo("Aborted!", err=True)
        return 1
    except WorkspaceError as exc:
        lang = parse_lang(exc.lang) or Options.current_lang()
        typer.echo(M.count(lang, "invalid", len(exc.problems)), err=True)
        for p in exc.problems:
            typer.echo(f"  {terminal(str(p))}", err=True)  # values quoted from the files
        return int(exc.exit_code)
    except DiklatError as exc:
        typer.echo(f"diklat: {terminal(str(exc))}", err=True)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        from .output import STREAM_ERRORS, stream_failed

        if exc.filename is None and exc.errno in STREAM_ERRORS:  # stdout on a full disk
            return stream_failed(exc)
        return _internal(exc, debug)
    except Exception as exc:
        return _internal(exc, debug)
    return 0


def _internal(exc: BaseException, debug: bool) -> int:
    if stop.signum is not None:  # Ctrl-C, reported by a library as its own error (stop.py)
        return 128 + stop.signum
    if debug:
        traceback.print_exception(exc)
    error = terminal(f"{type(exc).__name__}: {exc}")
    typer.echo(M(Options.current_lang(), "internal", error=error), err=True)
    return int(ExitCode.INTERNAL)


def _closed_pipe() -> int:
    """The reader of stdout has gone (`| head -1`): a quiet success (Python's docs on SIGPIPE)."""
    from .output import quiet_stdout

    quiet_stdout()
    return 0
