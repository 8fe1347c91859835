"""A template in a shared workspace fills in the sheet and does nothing else (render/sandbox.py).

Each known way out of Jinja2 is tried as a workspace template that would leave a file behind if
it ran; every one is refused with exit 3, the template's file and line, and the file never
appears.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from diklat_cli.cli import main
from diklat_cli.render import sandbox

FIXTURE = Path(__file__).parent / "fixtures" / "handover"
BEFORE = "2027-01-25"

RUN = "os.system('touch CANARY')"
ESCAPES = [
    "{{ cycler.__init__.__globals__.os.system('touch CANARY') }}",
    "{{ joiner.__init__.__globals__.os.system('touch CANARY') }}",
    "{{ namespace.__init__.__globals__.os.system('touch CANARY') }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ ().__class__.__base__.__subclasses__() }}",
    "{{ self._TemplateReference__context.cycler.__init__.__globals__.os }}",
    "{{ self.__init__.__globals__ }}",
    "{{ range.__self__ }}",
    "{{ ''.format.__globals__ }}",
    "{{ cycler['__init__']['__globals__'] }}",
    "{{ (cycler | attr('__init__') | attr('__globals__')).os.system('touch CANARY') }}",
    "{{ lipsum.__globals__.os.system('touch CANARY') }}",
    "{{ __builtins__ }}",
]
# built at run time, so no check of the text can see it: the sandbox itself refuses
DYNAMIC = [
    "{% set c = '__cla' ~ 'ss__' %}{{ ''[c] }}",
    "{% set g = '__glo' ~ 'bals__' %}{% set i = '__in' ~ 'it__' %}{{ cycler[i][g] }}",
    "{{ items.append(1) }}",  # the immutable sandbox: the sheet's lists stay as they are
    "{{ 'a'.ljust }}{{ ('x' ~ '') * 100000000 }}",
    "{% for i in range(10**9) %}{% endfor %}",
    "{{ 2 ** 100000000 }}",
    "{{ '%s' * 3000000 % (1,) }}",
]


def _workspace(tmp_path: Path, template: str, name: str = "handover.md.j2") -> Path:
    ws = tmp_path / "ws"
    shutil.copytree(FIXTURE, ws)
    (ws / "templates").mkdir()
    (ws / "templates" / name).write_text("Serah terima\n" + template + "\n", "utf-8")
    return ws


def _handover(ws: Path, *more: str) -> int:
    return main(["-w", str(ws), "handover", "pkp", "--date", BEFORE, *more])


@pytest.mark.parametrize("template", ESCAPES)
def test_an_escape_is_refused_before_it_runs(
    template: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ws = _workspace(tmp_path, template)
    monkeypatch.chdir(tmp_path)
    assert _handover(ws) == 3
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{ws / 'templates' / 'handover.md.j2'}:2: templat: ditolak: '_" in captured.err
    assert "Traceback" not in captured.err
    assert not (tmp_path / "CANARY").exists()


@pytest.mark.parametrize("template", DYNAMIC)
def test_what_is_built_at_run_time_meets_the_sandbox(
    template: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = _workspace(tmp_path, template)
    assert _handover(ws) == 3
    err = capsys.readouterr().err
    assert f"{ws / 'templates' / 'handover.md.j2'}" in err
    assert "templat: ditolak: " in err
    assert "Traceback" not in err


def test_an_escape_in_an_html_base_template_is_refused_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = _workspace(
        tmp_path, "{{ cycler.__init__ }}{% block content %}{% endblock %}", "base.html.j2"
    )
    assert _handover(ws, "--format", "html", "--lang", "en") == 3
    err = capsys.readouterr().err
    assert f"{ws / 'templates' / 'base.html.j2'}:2: template: refused: '__init__'" in err
    assert "a template may use only the sheet's variables and filters" in err


def test_a_mistake_in_a_template_is_exit_3_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = _workspace(tmp_path, "{{ training.title }}\n{{ tanggal_lahir }}")
    assert _handover(ws) == 3
    err = capsys.readouterr().err
    assert f"{ws / 'templates' / 'handover.md.j2'}:3: templat: galat templat: " in err
    assert "'tanggal_lahir' is undefined" in err


def test_a_template_that_never_ends_is_stopped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    if sys.platform == "win32":
        pytest.skip("the time limit uses SIGALRM")
    monkeypatch.setattr(sandbox, "TIME_LIMIT", 0.2)
    loops = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    ws = _workspace(tmp_path, loops)
    assert _handover(ws) == 3
    assert "templat berjalan lebih dari" in capsys.readouterr().err


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="the memory cap reads /proc")
def test_a_template_that_eats_memory_is_stopped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = _workspace(tmp_path, "{{ 'x' | center(2000000000) }}")
    assert _handover(ws) == 3
    assert "templat memakai terlalu banyak memori" in capsys.readouterr().err


def test_a_template_that_is_not_a_regular_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = _workspace(tmp_path, "")
    path = ws / "templates" / "handover.md.j2"
    path.unlink()
    os.mkfifo(path)  # reading it would wait for a writer for ever
    assert _handover(ws) == 3
    assert f"{path}: templat: ditolak: bukan berkas biasa" in capsys.readouterr().err


def test_an_ordinary_office_template_still_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = (
        "{% set n = namespace(k=0) %}{% for i in items %}{% set n.k = n.k + 1 %}{% endfor %}"
        "{{ training.title | upper }}: {{ n.k }} {{ loop_word | default('tugas') }}"
        "{% for i in items %}{{ loop.cycle('', '') }}{% endfor %}{{ range(3) | join(',') }}"
    )
    ws = _workspace(tmp_path, template)
    assert _handover(ws) == 0
    out = capsys.readouterr().out
    assert out.startswith("Serah terima\nPELATIHAN KEPEMIMPINAN PENGAWAS")
    assert ": 4 tugas0,1,2\n" in out


def test_a_template_linking_out_of_its_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A shared workspace must not turn a private file into a sheet sent to a colleague."""
    secret = tmp_path / "id_rsa"
    secret.write_text("-----BEGIN OPENSSH PRIVATE KEY-----\n", "utf-8")
    ws = _workspace(tmp_path, "")
    path = ws / "templates" / "handover.md.j2"
    path.unlink()
    path.symlink_to(secret)
    assert _handover(ws) == 3
    captured = capsys.readouterr()
    assert "PRIVATE KEY" not in captured.out + captured.err
    assert f"{path}: templat: ditolak: tautan ke berkas di luar {ws / 'templates'}" in captured.err


@pytest.mark.parametrize(
    "template",
    ["{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "{% extends 'handover.md.j2' %}"],
)
def test_a_template_calling_itself_is_stopped(
    template: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = _workspace(tmp_path, template)
    assert _handover(ws) == 3
    assert "templat memanggil dirinya sendiri tanpa akhir" in capsys.readouterr().err
