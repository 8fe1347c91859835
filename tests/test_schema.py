"""`diklat schema`: what editors check TOML with, as people type."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from diklat_cli.cli import main
from diklat_cli.workspace.loader import demo_path
from diklat_cli.workspace.schema import workspace_schema

ROOT = Path(__file__).resolve().parent.parent


def _json(text: str) -> Any:
    """TOML as an editor's schema check sees it: dates become strings."""
    return json.loads(json.dumps(tomllib.loads(text), default=lambda v: v.isoformat()))


def _errors(data: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(workspace_schema())
    return sorted(e.message for e in validator.iter_errors(data))


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(workspace_schema())


@pytest.mark.parametrize(
    "path",
    [*sorted((ROOT / "examples" / "kontrak").glob("*.toml")), *sorted(demo_path().glob("*.toml"))],
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_contract_and_demo_files_validate(path: Path) -> None:
    assert _errors(_json(path.read_text("utf-8"))) == []


def test_typos_and_bad_values_fail() -> None:
    data = _json(
        '[[task]]\nid = "a"\ntitle = "A"\nestimte = "6h"\n'
        '[[training]]\nid = "t"\ntitle = "T"\nstart = 2027-02-01\nend = 2027-02-02\n'
        'format = "hybrid"\n[[training.session]]\ndate = 2027-02-01\ntime = "9-10"\n'
        "[planing]\nslack = 1\n"
    )
    assert _errors(data) == [
        "'9-10' does not match '^\\\\s*\\\\d{1,2}[:.]\\\\d{2}\\\\s*(-|–|—|s\\\\.d\\\\.?)\\\\s*\\\\d{1,2}[:.]\\\\d{2}\\\\s*$'",
        "'estimate' is a required property",
        "'hybrid' is not one of ['offline', 'blended', 'online']",
        "Additional properties are not allowed ('estimte' was unexpected)",
        "Additional properties are not allowed ('planing' was unexpected)",
    ]


def test_durations_and_ranges_as_people_write_them() -> None:
    ok = _json('[study]\nmax_per_day = "1 jam 30 menit"\nwindows = ["06.15-07.15"]\n')
    assert _errors(ok) == []
    assert _errors(_json('[study]\nmax_per_day = "lama"\n')) != []


def test_descriptions_and_defaults_are_for_people() -> None:
    schema = workspace_schema()
    estimate = schema["$defs"]["Task"]["properties"]["estimate"]
    assert estimate["description"] == "Sisa waktu kerja, mis. 6h, 90m, 3jp / Effort still to do"
    study = schema["$defs"]["Study"]["properties"]
    assert study["max_per_day"]["default"] == "1h30m"
    assert study["windows"]["default"][0] == "06:15-07:15"
    assert "default" not in schema["$defs"]["Task"]["properties"]["due"]
    assert schema["$defs"]["Training"]["properties"]["start"] == {
        "type": "string",
        "format": "date",
        "description": "Tanggal mulai / Start date",
    }


def test_the_command_prints_or_writes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == workspace_schema()
    target = tmp_path / "diklat.schema.json"
    assert main(["schema", "--output", str(target)]) == 0
    assert json.loads(target.read_text("utf-8")) == printed
    assert capsys.readouterr().err == (
        f"Skema ditulis ke {target}. Tambahkan baris ini di awal setiap berkas TOML: "
        "#:schema ./diklat.schema.json\n"
    )
