"""`diklat jp`: the SKP note of a year, as Markdown and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diklat_cli.cli import main

WS = """[profile]
name = "Rina Wulandari, S.E."
nip = "199001012015032001"

[[training]]
id = "pkp-2026"
title = "Pelatihan Kepemimpinan Pengawas"
provider = "BPSDM Provinsi"
start = 2026-09-01
end = 2026-10-30
jp = 830
certificate = "800/PKP-II/2026/017"
[[training.session]]
date = 2026-09-01
until = 2026-09-11

[[training]]
id = "excel-2026"
title = "Analisis data dengan spreadsheet"
start = 2026-11-16
end = 2026-11-18
jp = 24
[[training.session]]
date = 2026-11-16
until = 2026-11-18

[[training]]
id = "latsar-2027"
title = "Pelatihan tahun depan"
start = 2027-02-01
end = 2027-02-10
jp = 40

[[task]]
id = "excel-berbagi"
title = "Kelas singkat rumus spreadsheet untuk bidang"
estimate = "1h"
due = 2026-11-27
tags = ["berbagi-ilmu", "excel-2026"]
"""


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    (tmp_path / "diklat.toml").write_text(WS, "utf-8")
    capsys.readouterr()
    assert main(["-w", str(tmp_path), *args]) == 0
    return capsys.readouterr().out


def test_the_markdown_note_lists_the_years_trainings_and_their_sharing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-w", str(tmp_path), "done", "excel-berbagi"]) != 0  # no workspace yet
    (tmp_path / "diklat.toml").write_text(WS, "utf-8")
    assert main(["-w", str(tmp_path), "done", "excel-berbagi"]) == 0
    out = _run(tmp_path, capsys, "jp", "--year", "2026", "--date", "2026-12-07")
    assert out.startswith("# Pengembangan kompetensi 2026: catatan untuk SKP\n")
    assert (
        "| 1 | Pelatihan Kepemimpinan Pengawas | BPSDM Provinsi | 1 September 2026 – "
        "30 Oktober 2026 | 830 | 800/PKP-II/2026/017 | selesai |" in out
    )
    assert "| 2 | Analisis data dengan spreadsheet | - |" in out
    assert "Pelatihan tahun depan" not in out  # it ends in 2027
    assert "Jumlah: 854 JP selesai, 0 JP direncanakan; target 20 JP." in out
    assert "- [x] Kelas singkat rumus spreadsheet untuk bidang (tenggat 27 November 2026)" in out
    assert "- [ ] Ringkasan materi Pelatihan Kepemimpinan Pengawas untuk tim" in out


def test_the_json_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(tmp_path, capsys, "jp", "--year", "2027", "--date", "2026-12-07", "--format", "json")
    note = json.loads(out)
    assert note["jp"] == {"done": 0.0, "underway": 0.0, "planned": 40.0, "target": 20}
    [only] = note["trainings"]
    assert (only["id"], only["status"], only["certificate"]) == ("latsar-2027", "planned", "")
    assert [s["id"] for s in only["knowledge_sharing"]] == [
        "latsar-2027-ringkasan",
        "latsar-2027-templat",
        "latsar-2027-berbagi",
    ]


def test_english_and_an_empty_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(tmp_path, capsys, "--lang", "en", "jp", "--year", "2025", "--date", "2026-12-07")
    assert "Competence development 2025: a note for the SKP" in out
    assert "No training ends in 2025." in out


def test_written_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "skp.md"
    _run(tmp_path, capsys, "jp", "--year", "2026", "--date", "2026-12-07", "-o", str(target))
    assert "800/PKP-II/2026/017" in target.read_text("utf-8")


@pytest.mark.parametrize("args", [(), ("--format", "json"), ("--year", "2025"), ("--lang", "en")])
def test_the_note_ends_with_a_newline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    # the shell prompt must not land on the note's last line
    out = _run(tmp_path, capsys, "jp", "--date", "2026-12-07", *args)
    assert out.endswith("\n") and not out.endswith("\n\n\n")
