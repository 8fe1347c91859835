"""`diklat check` end to end: exit codes, grouped words, JSON, and `--suggest`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diklat_cli.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "handover"


def clean(tmp_path: Path) -> Path:
    (tmp_path / "diklat.toml").write_text(
        '[profile]\nname = "Rina"\n\n[planning]\nannual_jp_target = 0\n', "utf-8"
    )
    (tmp_path / "items.toml").write_text(
        '[[task]]\nid = "lap"\ntitle = "Laporan"\nestimate = "2h"\ndue = 2027-01-15\n', "utf-8"
    )
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_clean_workspace_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "-w", str(clean(tmp_path)), "check", "--date", "2027-01-11")
    assert code == 0
    assert "Tidak ada bentrok atau masalah." in out
    assert "0 kesalahan, 0 peringatan, 0 catatan." in out


def test_findings_exit_1_grouped_by_severity(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "-w", str(FIXTURE), "check", "--date", "2027-01-29")
    assert code == 1
    lines = [line.rstrip() for line in out.splitlines()]
    assert lines[0] == "Pemeriksaan per Jumat, 29 Januari 2027"
    assert lines.index("Peringatan (3)") < lines.index("Catatan (3)")
    words = " ".join(out.split())
    assert (
        "! Sesi daring Pelatihan Kepemimpinan Pengawas (PKP) Angkatan III bentrok dengan" in words
    )
    assert "→ Bagi ke rekan lain (delegate_to di tugas)" in words
    # the work Budi takes while she is away is not her overload
    assert "Minggu 8 Feb 2027" not in words
    assert lines[-1] == "0 kesalahan, 3 peringatan, 3 catatan."


def test_notes_alone_do_not_fail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = clean(tmp_path)
    (ws / "diklat.toml").write_text('[profile]\nname = "Rina"\n', "utf-8")
    (ws / "t.toml").write_text(
        '[[training]]\nid = "b"\ntitle = "Bimtek"\nstart = 2026-12-07\nend = 2026-12-08\njp = 24\n',
        "utf-8",
    )
    code, out, _ = run(capsys, "-w", str(ws), "check", "--date", "2026-12-30")
    assert code == 0
    assert "target 20 JP sudah terpenuhi" in " ".join(out.split())
    # 2026's training counts in 2026: 2027 is short, a reminder in January, a warning in July
    code, out, _ = run(capsys, "-w", str(ws), "check", "--date", "2027-01-11")
    assert code == 0
    assert "kurang 20 JP dari target 20 JP" in " ".join(out.split())
    code, out, _ = run(capsys, "-w", str(ws), "check", "--date", "2027-07-01")
    assert code == 1


def test_json_for_scripts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "-w",
        str(FIXTURE),
        "--lang",
        "en",
        "check",
        "--date",
        "2027-01-29",
        "--format",
        "json",
    )
    assert code == 1
    data = json.loads(out)
    assert data["date"] == "2027-01-29"
    assert data["counts"] == {"error": 0, "warning": 3, "info": 3}
    kinds = {f["kind"] for f in data["findings"]}
    assert kinds == {"meeting", "holiday", "colleague-load", "due-away", "jp"}
    first = data["findings"][0]
    assert set(first) == {"kind", "severity", "message", "refs", "suggestion"}
    assert first["message"].startswith("An online session of Pelatihan Kepemimpinan Pengawas")


def test_suggest_ranks_start_dates(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "-w",
        str(FIXTURE),
        "check",
        "--suggest",
        "pkp",
        "--date",
        "2026-12-07",
        "--from",
        "2027-01-04",
        "--to",
        "2027-03-01",
    )
    assert code == 0
    words = " ".join(out.split())
    assert words.startswith(
        "Tanggal mulai yang lebih baik untuk Pelatihan Kepemimpinan Pengawas (PKP) Angkatan III"
        " (54 hari), 4 Jan 2027 s.d. 1 Mar 2027"
    )
    lines = [line.strip() for line in out.splitlines()]
    # the best: before the classes' deadlines, or after them; the offered dates come ninth
    assert "1  4 Jan 2027 – 26 Feb 2027     17  • 2 tugas rutin dialihkan" in lines
    assert "2  1 Mar 2027 – 23 Apr 2027     17  • 1 tugas rutin dialihkan" in lines
    assert "(jadwal sekarang)" in words
    # what the plan finishes in December (the e-Monev input) costs the offered dates nothing
    # (and the weekly meetings on a holiday are not held)
    assert any(line.startswith("9  1 Feb 2027 – 26 Mar 2027     36") for line in lines)


def test_suggest_json_puts_the_best_first(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "-w",
        str(FIXTURE),
        "check",
        "--suggest",
        "pkp",
        "--date",
        "2026-12-07",
        "--format",
        "json",
    )
    assert code == 0
    data = json.loads(out)
    points = [c["points"] for c in data["candidates"]]
    assert points == sorted(points)
    # every candidate keeps the training's length and its Monday start
    for c in data["candidates"]:
        assert c["start"] < c["end"]
    assert {c["start"] for c in data["candidates"] if c["current"]} == {"2027-02-01"}
    current = next(c for c in data["candidates"] if c["current"])
    assert data["candidates"][0]["points"] < current["points"]
    assert current["reasons"][0].startswith(
        "2 tenggat saat di kelas: Laporan realisasi TW IV (5 Feb 2027); "
    )


def test_suggest_an_unknown_training(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "-w", str(FIXTURE), "check", "--suggest", "pkq")
    assert code == 2
    assert "tidak ada pelatihan dengan id 'pkq'; yang ada: pkp" in err


@pytest.mark.parametrize(("position", "code"), [("Analis Kebijakan Ahli Pertama", 0), ("Kabid", 1)])
def test_a_week_away_needs_a_plh_only_for_a_managerial_post(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], position: str, code: int
) -> None:
    """Issue 9: `check` warned "no Plh" for a JF Ahli Pertama and so always exited 1."""
    clean(tmp_path)
    (tmp_path / "diklat.toml").write_text(
        f'[profile]\nname = "Rina"\nposition = "{position}"\n\n[planning]\nannual_jp_target = 0\n',
        "utf-8",
    )
    (tmp_path / "tim.toml").write_text('[[colleague]]\nid = "fajar"\nname = "Fajar"\n', "utf-8")
    (tmp_path / "pelatihan.toml").write_text(
        '[[training]]\nid = "t"\ntitle = "Pelatihan"\nstart = 2027-02-01\nend = 2027-02-05\n'
        'handover_to = "fajar"\n',
        "utf-8",
    )
    got, out, _ = run(capsys, "-w", str(tmp_path), "check", "--date", "2027-01-11")
    assert (got, "Plh" in out) == (code, code == 1), out
