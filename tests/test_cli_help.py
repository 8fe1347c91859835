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
    assert (
        "Kesalahan: perintah 'plann' tidak dikenal (maksud Anda 'plan'?)" in capsys.readouterr().err
    )
    assert main(["--lang", "en", "plann"]) == 2
    assert "Error: no such command 'plann' (did you mean 'plan'?)" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "said"),
    [
        # an option where a value belongs (issue 9): Click took --date as the training
        (
            ["check", "--suggest", "--date", "2026-12-07"],
            "Kesalahan: opsi --suggest perlu nilai, tetapi sesudahnya tertulis opsi --date; "
            "tulis --suggest TRAINING sebelum --date",
        ),
        (
            ["--lang", "en", "check", "--suggest", "--date", "2026-12-07"],
            "Error: the option --suggest needs a value, but the option --date follows it; "
            "write --suggest TRAINING before --date",
        ),
        (["plan", "--days", "x"], "Kesalahan: nilai '--days' / '-n' tidak dapat dipakai: "),
        (["plan", "--bogus"], "Kesalahan: opsi --bogus tidak dikenal"),
        (["handover"], "Kesalahan: argumen 'TRAINING' belum diisi"),
        (["why", "a", "b", "c"], "Kesalahan: ada argumen yang tidak dikenal: b c"),
        (["--lang", "en", "why", "a", "b"], "Error: an unexpected extra argument: b"),
        (["--lang", "en", "plan", "--days"], "Error: the option --days needs a value"),
    ],
)
def test_usage_errors_speak_the_users_language(
    args: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert said in err
    english = "en" in args
    assert ("Error:" in err, "Kesalahan:" in err) == (english, not english)
    assert ("Usage:" in err) <= english and ("Cara pakai:" in err) <= (not english)


def test_a_usage_error_follows_the_profile_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "diklat.toml").write_text('[profile]\nname = "Rina"\nlanguage = "en"\n', "utf-8")
    assert main(["-w", str(tmp_path), "plan", "--bogus"]) == 2
    assert "Error: no such option: --bogus" in capsys.readouterr().err


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
