"""Every command explains itself: `--help` with an example, and a line in the README."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diklat_cli.cli import app, main
from diklat_cli.cli.base import for_command

ROOT = Path(__file__).resolve().parent.parent

COMMANDS = ["plan", "why", "done", "check", "handover", "export", "jp", "init", "schema"]


def test_the_app_lists_every_command() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert re.search(rf"^\s*[│|]?\s*{name}\b", result.output, re.M), name


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name: str) -> None:
    result = CliRunner().invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert re.search(r"^\s*(Examples?|Contoh)\b", result.output, re.M | re.I), result.output
    assert f"diklat {name}" in result.output


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme(name: str) -> None:
    assert f"`diklat {name}" in (ROOT / "README.md").read_text("utf-8")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["plan", "--date", "2026-12-01"], ["plan"]),
        (["-w", "kantor", "--debug", "--lang=en", "handover", "pkp"], ["handover"]),
        (["--help"], COMMANDS),
        (["plann"], COMMANDS),  # a typo still gets the nearest names
        ([], COMMANDS),
    ],
)
def test_only_the_command_being_run_is_built(args: list[str], expected: list[str]) -> None:
    built = for_command(args)
    names = [c.name or c.callback.__name__ for c in built.registered_commands if c.callback]
    assert sorted(names) == sorted(expected)
    assert len(app.registered_commands) == len(COMMANDS)  # the app itself is left whole


def test_a_mistyped_command_is_answered_with_the_nearest_name(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["plann"]) == 2
    assert "Did you mean 'plan'?" in capsys.readouterr().err


def test_a_run_imports_only_its_own_command_module() -> None:
    script = (
        "import sys\n"
        "from diklat_cli.cli import main\n"
        "from diklat_cli.cli.base import for_command\n"
        "for_command(['why', 'lap-tw4'])\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('diklat_cli.cli.'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    imported = set(out.stdout.split())
    assert "diklat_cli.cli.why" in imported
    others = {f"diklat_cli.cli.{m}" for m in ("check", "done", "export", "handover", "jp", "setup")}
    assert not imported & others
