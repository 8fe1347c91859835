"""`diklat handover` end to end: golden sheets in both formats and languages, files, overrides.

Set DIKLAT_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change, then read the
diff before committing it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from diklat_cli.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "handover"
GOLDEN = Path(__file__).parent / "golden" / "handover"
BEFORE = "2027-01-29"  # the last working day before the classes start
BACK = "2027-02-15"  # the first day back at the office


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["-w", str(FIXTURE), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("DIKLAT_UPDATE_GOLDEN"):
        path.write_text(text, "utf-8")
    assert text == path.read_text("utf-8")


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize(("fmt", "ext"), [("markdown", "md"), ("html", "html")])
@pytest.mark.parametrize(
    ("flags", "kind", "day"), [((), "handover", BEFORE), (("--return",), "return", BACK)]
)
def test_sheet_matches_golden(
    capsys: pytest.CaptureFixture[str],
    lang: str,
    fmt: str,
    ext: str,
    flags: tuple[str, ...],
    kind: str,
    day: str,
) -> None:
    code, out, _ = run(
        capsys, "--lang", lang, "handover", "pkp", "--date", day, "--format", fmt, *flags
    )
    assert code == 0
    golden(f"{kind}.{lang}.{ext}", out)


def test_markdown_is_the_default_on_the_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "handover", "pkp", "--date", BEFORE)
    assert code == 0
    assert out.startswith("# LEMBAR SERAH TERIMA TUGAS\n## SELAMA MENGIKUTI PELATIHAN\n")
    assert "- Waktu: Senin, 1 Februari 2027 s.d. Jumat, 26 Maret 2027\n" in out


def test_html_escapes_what_users_typed(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "handover", "pkp", "--date", BEFORE, "--format", "html")
    assert "Bahan Musrenbang Kecamatan &lt;Timur&gt; &amp; Barat" in out
    assert "<Timur>" not in out
    assert "@page { size: A4;" in out
    assert "<link" not in out and "<script" not in out  # one self-contained file


def test_output_file_is_written_and_announced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "serah-terima.html"
    code, out, err = run(
        capsys, "handover", "pkp", "--date", BEFORE, "--format", "html", "--output", str(target)
    )
    assert code == 0
    assert out == ""
    assert err.strip() == f"Ditulis: {target}"
    assert target.read_text("utf-8") == (GOLDEN / "handover.id.html").read_text("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["serah-terima.html"]  # no temp file left


def test_one_sheet_per_colleague(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "st.md"
    code, _, err = run(
        capsys, "handover", "pkp", "--date", BEFORE, "--per-colleague", "--output", str(target)
    )
    assert code == 0
    assert err.count("Ditulis: ") == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["st-budi.md", "st-dewi.md", "st-sari.md"]
    dewi = (tmp_path / "st-dewi.md").read_text("utf-8")
    assert "*Lembar untuk Dewi Lestari, S.T.*" in dewi
    # the plan finishes the e-Monev input before she leaves: only what is left is handed over
    assert "e-Monev" not in dewi
    assert r"| 1 | Bahan Musrenbang Kecamatan \<Timur\> & Barat |" in dewi
    assert "Laporan realisasi TW IV" not in dewi
    assert "| Rakor Musrenbang | Rab 10 Feb 2027, 09.00–12.00 WIB | Dewi Lestari, S.T. |" in dewi
    assert "Tidak ada Plh yang ditunjuk" in dewi  # the Plh section is Sari's
    sari = (tmp_path / "st-sari.md").read_text("utf-8")
    assert "- Nama: Sari Dewi, S.E." in sari
    assert "Plh tidak berwenang mengambil keputusan" in sari


def test_per_colleague_to_the_terminal_prints_each_sheet(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "handover", "pkp", "--date", BEFORE, "--per-colleague")
    assert code == 0
    assert out.count("# LEMBAR SERAH TERIMA TUGAS") == 3


def test_return_suggests_knowledge_sharing_tasks(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "handover", "pkp", "--date", BACK, "--return")
    assert "### Dikerjakan oleh Budi Santoso, S.Sos." in out
    assert "*Terima kasih, Budi Santoso, S.Sos., atas bantuan Anda" in out
    assert '[[task]]\nid = "pkp-ringkasan"\n' in out
    assert "available = 2027-02-15\ndue = 2027-02-17\n" in out


def test_an_office_template_replaces_the_built_in_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(FIXTURE, ws)
    (ws / "templates").mkdir()
    (ws / "templates" / "base.html.j2").write_text(
        "<html><body><div class='kop'>PEMERINTAH KABUPATEN CONTOH</div>"
        "{% block content %}{% endblock %}</body></html>",
        "utf-8",
    )
    code = main(["-w", str(ws), "handover", "pkp", "--date", BEFORE, "--format", "html"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("<html><body><div class='kop'>PEMERINTAH KABUPATEN CONTOH</div>")
    assert "<h1>LEMBAR SERAH TERIMA TUGAS</h1>" in out  # the sheet itself is still the built-in


def test_an_unknown_training(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "handover", "pkq")
    assert code == 2
    assert "tidak ada pelatihan dengan id 'pkq'; yang ada: pkp" in err


def test_nobody_named_yet_leaves_a_pihak_kedua_to_fill_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "diklat.toml").write_text('[profile]\nname = "Andi"\n', "utf-8")
    (tmp_path / "items.toml").write_text(
        '[[training]]\nid = "b"\ntitle = "Bimtek SPJ"\nstart = 2027-01-11\nend = 2027-01-13\n\n'
        '[[task]]\nid = "spj"\ntitle = "SPJ"\nestimate = "1h"\navailable = 2027-01-11\n'
        "due = 2027-01-12\n",
        "utf-8",
    )
    code = main(["-w", str(tmp_path), "handover", "b", "--date", "2027-01-04"])
    out = capsys.readouterr().out
    assert code == 0
    assert "**PIHAK KEDUA**\n\n- Nama: ........................\n" in out
    assert (
        "| 1 | SPJ | Belum dimulai · sisa 1 jam; tenggat: Selasa, 12 Januari 2027 | "
        "(belum ditentukan) (belum ada rekan yang cocok; tentukan bersama atasan) |"
    ) in out
    assert "Tidak ada Plh yang ditunjuk" in out


def test_a_bendahara_hands_over_cash_counted_on_the_day(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(FIXTURE, ws)
    profile = ws / "diklat.toml"
    text = profile.read_text("utf-8").replace('roles = ["ren"]', 'roles = ["keu", "bendahara"]')
    profile.write_text(text, "utf-8")
    code = main(["-w", str(ws), "handover", "pkp", "--date", BEFORE])
    out = capsys.readouterr().out
    assert code == 0
    section = out[out.index("## 6. Barang, kas dan akses") : out.index("## 7.")]
    assert "- Kunci lemari arsip Bidang Perencanaan\n" in section
    assert (
        "Kas bendahara per Jumat, 29 Januari 2027, dihitung bersama oleh PIHAK PERTAMA dan "
        "PIHAK KEDUA:\n\n- Saldo Buku Kas Umum (BKU): Rp ........................\n"
        "- Kas tunai (hasil penghitungan kas): Rp ........................\n"
        "- Saldo rekening bank: Rp ........................\n"
    ) in section


def test_no_goods_and_no_cash_means_no_such_section(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(FIXTURE, ws)
    items = ws / "items.toml"
    text = items.read_text("utf-8")
    start = text.index("handover_items = [")
    items.write_text(text[:start] + text[text.index("]\n", start) + 2 :], "utf-8")
    code = main(["-w", str(ws), "handover", "pkp", "--date", BEFORE])
    out = capsys.readouterr().out
    assert code == 0
    assert "Barang, kas dan akses" not in out
    assert "## 6. Menunggu PIHAK PERTAMA kembali" in out


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_markdown_sheet_names_every_party_as_the_html_does(lang: str) -> None:
    """Issue 9: the Markdown sheet left out PIHAK KEDUA's Pangkat/Gol. that the HTML shows."""
    rank = {"id": "Pangkat/Gol.", "en": "Rank/grade"}[lang]
    html = (GOLDEN / f"handover.{lang}.html").read_text("utf-8")
    md = (GOLDEN / f"handover.{lang}.md").read_text("utf-8")
    assert md.count(f"- {rank}:") == html.count(f">{rank}<") > 1
