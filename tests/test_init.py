"""`diklat init`: a starter workspace that loads, explains itself, and never overwrites."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from diklat_cli.cli import main
from diklat_cli.cli.setup import starter_files
from diklat_cli.workspace.loader import load

FILES = ["diklat.toml", "tugas.toml", "tim.toml", "diklat.schema.json"]


def _write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def test_init_writes_a_workspace_that_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "kerja"
    assert main(["init", str(target)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Ruang kerja dibuat di {target}:\n")
    assert "Langkah berikutnya:" in out
    assert f"  2. Periksa berkas:        diklat -w {target} check\n" in out
    names = sorted(p.name for p in target.iterdir())
    assert [n for n in names if n.startswith("diklat-")] != []
    assert set(FILES) <= set(names)
    for toml in target.glob("*.toml"):
        assert toml.read_text("utf-8").startswith("#:schema ./diklat.schema.json\n")
    ws = load(target)
    assert ws.profile.language == "id"
    assert ws.trainings[0].start > date.today()


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(
    "today", [date(2026, 11, 29), date(2026, 12, 31), date(2027, 2, 17), date(2030, 6, 3)], ids=str
)
def test_starter_loads_on_any_day_in_both_languages(tmp_path: Path, today: date, lang: str) -> None:
    files = starter_files(today, lang)  # type: ignore[arg-type]
    _write(tmp_path, files)
    ws = load(tmp_path)
    assert ws.profile.language == lang
    assert ws.trainings[0].start > today
    assert min(t.due for t in ws.tasks if isinstance(t.due, date)) > today  # type: ignore[type-var]


def test_starter_shows_every_table(tmp_path: Path) -> None:
    text = "".join(starter_files(date(2026, 11, 29), "id").values())
    for table in [
        "[profile]",
        "[workweek]",
        "[workweek.fri]",
        "[ramadan]",
        "[study]",
        "[planning]",
        "[export]",
        "[[task]]",
        "[[training]]",
        "[[training.session]]",
        "[[event]]",
        "[[quiet]]",
        "[[colleague]]",
        "[[calendar]]",
        "[[holiday]]",
        "[[tasks_from]]",
        "sessions_from",
    ]:
        assert table in text, table


def test_starter_validates_against_the_schema_beside_it(tmp_path: Path) -> None:
    files = starter_files(date(2026, 11, 29), "id")
    schema = json.loads(files["diklat.schema.json"])
    for name, text in files.items():
        if name.endswith(".toml"):
            data = json.loads(json.dumps(tomllib.loads(text), default=str))
            jsonschema.validate(data, schema)


def test_init_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "tugas.toml").write_text("# punya saya\n")
    assert main(["init", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err == (
        "diklat: diklat init tidak menimpa berkas yang sudah ada: tugas.toml. Pilih folder lain "
        "(diklat init FOLDER) atau pindahkan berkas itu dulu.\n"
    )
    assert (tmp_path / "tugas.toml").read_text() == "# punya saya\n"
    assert not (tmp_path / "diklat.toml").exists()


def test_init_in_english_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--lang", "en", "init"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Workspace created in .:\n")
    assert "  2. Check the files:       diklat check\n" in out
    assert "DIKLAT_WORKSPACE" not in out
    assert 'language = "en"' in (tmp_path / "diklat.toml").read_text()
    assert load(tmp_path).profile.language == "en"


def test_init_writes_where_the_workspace_option_points(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`diklat -w DIR init` names the folder as the other commands do, not the current one."""
    here, there = tmp_path / "here", tmp_path / "there"
    here.mkdir()
    monkeypatch.chdir(here)
    assert main(["-w", str(there), "init"]) == 0
    assert (there / "diklat.toml").is_file()
    assert list(here.iterdir()) == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_starters_commented_sources_load_once_uncommented(tmp_path: Path, lang: str) -> None:
    """Each [[tasks_from]] example and sessions_from, uncommented beside a real export, loads."""
    import re
    import shutil

    fixtures = Path(__file__).parent / "fixtures" / "sources"
    files = starter_files(date(2026, 11, 29), lang)  # type: ignore[arg-type]
    for name, text in files.items():
        keys = r"\[\[tasks_from\]\]|path =|format =|estimate ="
        keys = keys if name == "tugas.toml" else r"sessions_from =|certificate ="
        text = re.sub(rf"^# ((?:{keys}).*)$", r"\1", text, flags=re.M)
        (tmp_path / name).write_text(text, "utf-8")
    exports = {
        "tugas-kantor.xlsx": "tugas-kantor.xlsx",
        "papan-trello.json": "trello-board.json",
        "trello-board.json": "trello-board.json",
        "asana.csv": "asana-export.csv",
        "jadwal.ics": "zoom-invite.ics",
    }
    for name, fixture in exports.items():
        shutil.copy(fixtures / fixture, tmp_path / name)
    # the invitation's dates are the fixture's: the starter's training lasts until them
    for name in files:
        path = tmp_path / name
        if "sessions_from" in path.read_text("utf-8"):
            text = path.read_text("utf-8")
            text = re.sub(r"^end = (\d{4}-\d\d-\d\d)$", "end = 2027-03-26", text, flags=re.M)
            path.write_text(text, "utf-8")
    ws = load(tmp_path)
    assert {t.id.split("-")[0] for t in ws.tasks} >= {"trello", "asana", "laporan"}
    assert any(s.uid == "ZOOM84412345678" for t in ws.trainings for s in t.session)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_date_and_time_the_starter_shows_is_toml(lang: str) -> None:
    """Issue 9: the starter showed `due = 2026-12-10T10:00`, which TOML refuses (no seconds)."""
    import re

    shown = [
        m.group(0)
        for text in starter_files(date(2026, 12, 2), lang).values()  # type: ignore[arg-type]
        for m in re.finditer(r"\d{4}-\d{2}-\d{2}(T[\d:]+)?", text)
    ]
    assert any("T" in s for s in shown)
    for literal in shown:
        assert tomllib.loads(f"v = {literal}")["v"] is not None, literal


def test_a_time_without_seconds_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "diklat.toml").write_text('[profile]\nname = "Rina"\n', "utf-8")
    (tmp_path / "a.toml").write_text(
        '[[task]]\nid = "a"\ntitle = "A"\nestimate = "1h"\ndue = 2026-12-10T10:00\n', "utf-8"
    )
    assert main(["-w", str(tmp_path), "--lang", "en", "plan"]) == 3
    assert (
        "a.toml:5: due: 2026-12-10T10:00: a time in TOML is written with its seconds; "
        "write 2026-12-10T10:00:00" in capsys.readouterr().err
    )
