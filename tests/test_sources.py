"""[[tasks_from]]: tasks from a sheet (CSV, XLSX), a Trello board and an Asana project export.

The fixtures in tests/fixtures/sources are shaped after real exports (see their README).
"""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diklat_cli.cli import main
from diklat_cli.workspace.loader import load, load_cached
from diklat_cli.workspace.models import Workspace
from diklat_cli.workspace.sources.common import parse_when, slug
from diklat_cli.workspace.values import check_id

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
MAIN = """[profile]
name = "Rina Wulandari, S.E."

[[colleague]]
id = "budi"
name = "Budi Santoso, S.Sos."
"""


def workspace(tmp_path: Path, sources: str, *files: str) -> Path:
    root = tmp_path / "ws"
    root.mkdir(exist_ok=True)
    (root / "diklat.toml").write_text(MAIN + sources, "utf-8")
    for name in files:
        shutil.copy(FIXTURES / name, root / name)
    return root


def tasks(ws: Workspace) -> dict[str, object]:
    return {t.id: t for t in ws.tasks}


def run(root: Path, *args: str) -> int:
    return main(["-w", str(root), *args])


def test_a_trello_board_gives_its_open_cards_with_steps_labels_and_members(
    tmp_path: Path,
) -> None:
    root = workspace(tmp_path, '[[tasks_from]]\npath = "trello-board.json"\n', "trello-board.json")
    got = {t.id: t for t in load(root).tasks}
    # the card done (dueComplete), the archived card and the "Selesai" list are left out
    assert sorted(got) == ["trello-Xb3LmQ9t", "trello-sQI2wV88"]
    card = got["trello-sQI2wV88"]
    assert card.title == "Laporan realisasi anggaran TW IV"
    assert card.due == datetime.fromisoformat("2027-01-15T16:00:00+07:00")  # 09:00Z in WIB
    assert card.important and card.estimate == 120  # labels "Penting" and "2 jam"
    assert card.tags == ("laporan",)
    assert card.sop == ("Isi templat laporan", "Kirim ke Kabid untuk paraf")  # open, by pos
    assert card.delegate_to == "budi"  # the member "Budi Santoso" is the colleague
    other = got["trello-Xb3LmQ9t"]
    assert other.delegate_to is None  # a member who is no colleague is nobody's delegate
    assert other.estimate == 60  # the default of [[tasks_from]]


def test_trello_lists_can_be_chosen(tmp_path: Path) -> None:
    text = '[[tasks_from]]\npath = "trello-board.json"\nlists = ["Sedang dikerjakan"]\n'
    root = workspace(tmp_path, text, "trello-board.json")
    assert [t.id for t in load(root).tasks] == ["trello-Xb3LmQ9t"]


def test_an_asana_export_gives_open_tasks_with_subtasks_as_steps(tmp_path: Path) -> None:
    text = (
        '[[tasks_from]]\npath = "asana-export.csv"\nformat = "asana"\n'
        'columns = { estimate = "Estimasi (jam)" }\n'
    )
    root = workspace(tmp_path, text, "asana-export.csv")
    got = {t.id: t for t in load(root).tasks}
    assert sorted(got) == [
        "asana-1208765432101001",
        "asana-1208765432101005",
        "asana-1208765432101006",
    ]  # the completed task is left out; the subtasks are steps
    rka = got["asana-1208765432101001"]
    assert rka.sop == ("Kumpulkan usulan seksi", "Hitung pagu per kegiatan")
    assert (rka.due, rka.available) == (date(2026, 12, 18), date(2026, 12, 7))
    assert (rka.estimate, rka.important, rka.delegate_to) == (360, True, "budi")
    assert rka.tags == ("anggaran",)
    letter = got["asana-1208765432101005"]
    assert (letter.estimate, letter.urgent, letter.delegate_to) == (90, True, None)


def test_an_asana_section_filter(tmp_path: Path) -> None:
    text = (
        '[[tasks_from]]\npath = "asana-export.csv"\nformat = "asana"\nlists = ["Akan dikerjakan"]\n'
    )
    root = workspace(tmp_path, text, "asana-export.csv")
    assert sorted(t.id for t in load(root).tasks) == [
        "asana-1208765432101005",
        "asana-1208765432101006",
    ]


def test_a_google_sheets_csv_with_indonesian_headers_dates_and_durations(tmp_path: Path) -> None:
    root = workspace(tmp_path, '[[tasks_from]]\npath = "google-sheets.csv"\n', "google-sheets.csv")
    got = {t.id: t for t in load(root).tasks}
    assert list(got) == ["LAP-01", "SRT-02", "perbarui-data-pegawai-di-siasn"]  # done row skipped
    assert (got["LAP-01"].due, got["LAP-01"].estimate, got["LAP-01"].important) == (
        date(2026, 12, 10),
        180,
        True,
    )
    assert got["SRT-02"].due == date(2026, 12, 11)  # "Jumat, 11 Des 2026"
    assert got["SRT-02"].delegate_to == "budi"
    siasn = got["perbarui-data-pegawai-di-siasn"]
    assert siasn.due == datetime.fromisoformat("2026-12-18T14:00:00+07:00")
    assert siasn.estimate == 90  # "1 jam 30 menit"


def test_an_excel_workbook_with_a_title_above_the_header_and_a_saved_formula(
    tmp_path: Path,
) -> None:
    root = workspace(tmp_path, '[[tasks_from]]\npath = "tugas-kantor.xlsx"\n', "tugas-kantor.xlsx")
    got = {t.id: t for t in load(root).tasks}
    assert list(got) == [
        "laporan-realisasi-anggaran-tw-iv",
        "rekap-usulan-musrenbang-kecamatan",
        "verifikasi-dokumen-pengadaan",
    ]  # "Status: Selesai" is skipped
    first = got["laporan-realisasi-anggaran-tw-iv"]
    assert (first.due, first.estimate, first.important) == (date(2027, 1, 8), 240, True)
    rekap = got["rekap-usulan-musrenbang-kecamatan"]
    assert (rekap.estimate, rekap.delegate_to) == (180, "budi")  # =2*1.5 hours, saved as 3
    assert got["verifikasi-dokumen-pengadaan"].due == date(2027, 1, 22)  # "22 Januari 2027"


def test_ids_stay_when_the_sheet_is_exported_again_in_another_order(tmp_path: Path) -> None:
    root = workspace(tmp_path, '[[tasks_from]]\npath = "google-sheets.csv"\n', "google-sheets.csv")
    before = {t.id: t.title for t in load(root).tasks}
    sheet = root / "google-sheets.csv"
    header, *rows = sheet.read_text("utf-8").splitlines()
    added = ",Rapat persiapan audit,20/12/2026,1 jam,FALSE,FALSE,,,,FALSE"
    sheet.write_text("\n".join([header, added, *reversed(rows)]) + "\n", "utf-8")
    after = {t.id: t.title for t in load(root).tasks}
    assert before.items() <= after.items()
    assert after["rapat-persiapan-audit"] == "Rapat persiapan audit"


def test_done_keeps_working_on_an_imported_task(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = workspace(tmp_path, '[[tasks_from]]\npath = "google-sheets.csv"\n', "google-sheets.csv")

    def planned() -> set[str]:
        capsys.readouterr()
        assert run(root, "plan", "--date", "2026-12-07", "--format", "json") == 0
        plan = json.loads(capsys.readouterr().out)
        return {b.get("ref") for d in plan["days"] for b in d["blocks"]}

    assert "LAP-01" in planned()
    assert run(root, "done", "LAP-01") == 0
    assert "LAP-01" not in planned()


def test_an_id_taken_twice_is_reported_with_its_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = '[[task]]\nid = "LAP-01"\ntitle = "x"\nestimate = "1h"\n[[tasks_from]]\npath = "google-sheets.csv"\n'
    root = workspace(tmp_path, text, "google-sheets.csv")
    assert run(root, "plan") == 3
    assert "google-sheets.csv:2: ID: id 'LAP-01' sudah dipakai" in capsys.readouterr().err


def test_a_re_export_is_read_at_the_next_run_and_an_unchanged_one_comes_from_the_cache(
    tmp_path: Path,
) -> None:
    root = workspace(tmp_path, '[[tasks_from]]\npath = "tugas-kantor.xlsx"\n', "tugas-kantor.xlsx")
    cache = tmp_path / "cache"
    first = load_cached(root, cache)
    pickle = next((cache / "workspaces").glob("*.pickle"))
    stamp = pickle.stat().st_mtime_ns
    assert load_cached(root, cache) == first
    assert pickle.stat().st_mtime_ns == stamp  # served, not written again
    csv = root / "tugas.csv"
    csv.write_text("Tugas,Estimasi\nTugas baru,2 jam\n", "utf-8")
    (root / "diklat.toml").write_text(MAIN + '[[tasks_from]]\npath = "tugas.csv"\n', "utf-8")
    assert [t.id for t in load_cached(root, cache).tasks] == ["tugas-baru"]
    csv.write_text("Tugas,Estimasi\nTugas baru,2 jam\nTugas lain,1 jam\n", "utf-8")
    assert [t.id for t in load_cached(root, cache).tasks] == ["tugas-baru", "tugas-lain"]


# --- bad input: every problem at once, exit 3, with the file and the row --------------------------


def _errors(root: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert run(root, "plan", "--date", "2026-12-07") == 3
    return capsys.readouterr().err


def _sheet(tmp_path: Path, name: str, content: bytes | str, extra: str = "") -> Path:
    root = workspace(tmp_path, f'[[tasks_from]]\npath = "{name}"\n{extra}')
    data = content.encode("utf-8") if isinstance(content, str) else content
    (root / name).write_bytes(data)
    return root


def test_sheet_without_a_title_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _sheet(tmp_path, "t.csv", "Nama,Tenggat\nLaporan,1/12/2026\n")
    assert "t.csv:1: tidak ada kolom judul tugas" in _errors(root, capsys)


def test_sheet_with_a_mapped_column_that_is_not_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _sheet(tmp_path, "t.csv", "Tugas\nLaporan\n", 'columns = { due = "Deadline" }\n')
    assert "t.csv:1: Deadline: kolom 'Deadline' (untuk due) tidak ada" in _errors(root, capsys)


def test_sheet_with_a_mapping_of_an_unknown_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _sheet(tmp_path, "t.csv", "Tugas\nLaporan\n", 'columns = { judul = "Tugas" }\n')
    err = _errors(root, capsys)
    assert "t.csv: columns: 'judul' di columns bukan kunci [[task]]" in err
    assert "pakai salah satu dari: id, title, due" in err


def test_an_id_that_is_not_an_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _sheet(tmp_path, "t.csv", "Kode,Tugas\nLAP 01,Laporan\n")
    assert "t.csv:2: Kode: 'LAP 01' bukan id" in _errors(root, capsys)


def test_sheet_with_unreadable_cells_reports_them_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Tugas;Tenggat;Estimasi;Penting\nA;31/02/2026;2 jam;ya\nB;besok;dua jam;mungkin\n"
    err = _errors(_sheet(tmp_path, "t.csv", text), capsys)
    assert "t.csv:2: Tenggat: '31/02/2026' bukan tanggal" in err
    assert "t.csv:3: Tenggat: 'besok' bukan tanggal" in err
    assert "t.csv:3: Estimasi: 'dua jam' bukan durasi" in err
    assert "t.csv:3: Penting: 'mungkin' bukan ya/tidak" in err
    assert "4 masalah" in err


def test_a_done_row_is_skipped_not_an_error(tmp_path: Path) -> None:
    root = _sheet(tmp_path, "t.csv", "Tugas,Tenggat,Selesai\nA,kemarin,ya\nB,1/12/2026,\n")
    assert [t.id for t in load(root).tasks] == ["b"]


def test_sheet_that_is_binary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _sheet(tmp_path, "t.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "t.csv:3: bukan berkas teks (NUL)" in _errors(root, capsys)  # the line of the NUL


def test_xlsx_that_is_not_a_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _sheet(tmp_path, "t.xlsx", "Tugas,Tenggat\nA,1/12/2026\n")
    assert "t.xlsx: bukan buku kerja Excel .xlsx" in _errors(root, capsys)


def test_huge_sheet_stops_at_its_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = "".join(f"Tugas {i},1 jam\n" for i in range(10_050))
    err = _errors(_sheet(tmp_path, "t.csv", "Tugas,Estimasi\n" + rows), capsys)
    assert "t.csv:10002: lebih dari 10000 baris tugas" in err


def test_a_file_over_the_size_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _sheet(tmp_path, "t.csv", "Tugas\n" + "x" * (21 * 1024 * 1024))
    assert "t.csv: berkas terlalu besar (21.0 MB; batasnya 20 MB)" in _errors(root, capsys)


def test_xlsx_with_a_formula_whose_value_was_never_saved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Tugas", "Tenggat", "Estimasi (jam)"])
    ws.append(["Laporan", "=TODAY()+3", "=1+1"])
    root = workspace(tmp_path, '[[tasks_from]]\npath = "t.xlsx"\n')
    wb.save(root / "t.xlsx")
    err = _errors(root, capsys)
    assert "t.xlsx:2: Tenggat: rumus tanpa nilai tersimpan (=TODAY()+3)" in err
    assert "t.xlsx:2: Estimasi (jam): rumus tanpa nilai tersimpan (=1+1)" in err


def test_trello_export_that_is_not_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _sheet(tmp_path, "papan.json", '{"cards": [\n  {"name": "a",}\n]}')
    assert "papan.json:2: bukan JSON ekspor Trello" in _errors(root, capsys)


def test_trello_export_without_cards(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _sheet(tmp_path, "papan.json", '{"name": "board", "lists": []}')
    assert "papan.json: tidak berisi 'cards' dan 'lists'" in _errors(root, capsys)


def test_trello_card_with_an_unreadable_due(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    board = json.loads((FIXTURES / "trello-board.json").read_text("utf-8"))
    board["cards"][1]["due"] = "besok pagi"
    root = _sheet(tmp_path, "papan.json", json.dumps(board))
    err = _errors(root, capsys)
    assert "papan.json: kartu 'Telaah usulan kegiatan 2027': due: 'due' bukan tanggal" in err


def test_trello_binary_and_huge(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _sheet(tmp_path, "papan.json", b"PK\x03\x04\xff\xfe\x00garbage")
    assert "papan.json:1: bukan JSON ekspor Trello" in _errors(root, capsys)
    lists = [{"id": "l1", "name": "Todo", "closed": False}]
    cards = [
        {"id": f"c{i}", "shortLink": f"s{i}", "name": f"Kartu {i}", "idList": "l1"}
        for i in range(10_001)
    ]
    (root / "papan.json").write_text(json.dumps({"lists": lists, "cards": cards}), "utf-8")
    assert "papan.json: kartu 'Kartu 10000': lebih dari 10000 baris tugas" in _errors(root, capsys)


def test_asana_export_without_its_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = 'format = "asana"\n'
    root = _sheet(tmp_path, "asana.csv", "Name,Due Date\nA,2026-12-01\n", extra)
    assert "asana.csv:1: bukan ekspor CSV Asana: kolom 'Task Id' tidak ada" in _errors(root, capsys)


def test_asana_export_with_an_unreadable_date_binary_and_huge(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = "Task ID,Created At,Completed At,Name,Due Date\n"
    extra = 'format = "asana"\n'
    root = _sheet(tmp_path, "asana.csv", head + "1,2026-11-01,,A,2026-13-45\n", extra)
    assert "asana.csv:2: Due Date: '2026-13-45' bukan tanggal" in _errors(root, capsys)
    (root / "asana.csv").write_bytes(b"\x00\x01\x02binary")
    assert "asana.csv:1: bukan berkas teks" in _errors(root, capsys)
    rows = "".join(f"{i},2026-11-01,,Tugas {i},\n" for i in range(10_001))
    (root / "asana.csv").write_text(head + rows, "utf-8")
    assert "asana.csv:10002: lebih dari 10000 baris tugas" in _errors(root, capsys)


def test_problems_speak_english_with_lang_en(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _sheet(tmp_path, "t.csv", "Title,Due\nReport,someday\n")
    capsys.readouterr()
    assert run(root, "--lang", "en", "plan") == 3
    assert "t.csv:2: Due: 'someday' is not a date; write it as" in capsys.readouterr().err


# --- the value forms ---------------------------------------------------------------------------

ID_MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
LONG = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
        "Oktober", "November", "Desember")  # fmt: skip


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_every_way_a_sheet_writes_a_date_reads_back(day: date) -> None:
    forms = [
        day.isoformat(),
        f"{day.day}/{day.month}/{day.year}",
        f"{day:%d/%m/%Y}",
        f"{day:%d-%m-%Y}",
        f"{day.day} {ID_MONTHS[day.month - 1]} {day.year}",
        f"{day.day} {LONG[day.month - 1]} {day.year}",
        f"{day:%b} {day.day}, {day.year}",
    ]
    for text in forms:
        assert parse_when(text) == day, text
    assert parse_when(f"{day:%d/%m/%Y} 14.30") == datetime.combine(
        day, datetime.min.time()
    ).replace(hour=14, minute=30)


@given(st.text(max_size=60))
def test_a_slug_is_always_a_valid_id_or_empty(title: str) -> None:
    s = slug(title)
    assert s == "" or check_id(s) == s
    assert slug(s) == s


ROWS = st.lists(
    st.tuples(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=20).filter(
            lambda t: t.strip()
        ),
        st.dates(min_value=date(2026, 1, 1), max_value=date(2028, 12, 31)),
        st.integers(min_value=1, max_value=600),
        st.booleans(),
    ),
    min_size=1,
    max_size=8,
    unique_by=lambda r: slug(r[0]),
)


@settings(max_examples=10, deadline=None)
@given(ROWS)
def test_a_sheet_written_the_indonesian_way_reads_back(tmp_path_factory: Any, rows: Any) -> None:
    root = tmp_path_factory.mktemp("ws")
    lines = ["Judul;Batas Waktu;Durasi;Penting"]
    for title, due, minutes, important in rows:
        hours, rest = divmod(minutes, 60)
        words = " ".join(
            p for p in (f"{hours} jam" if hours else "", f"{rest} menit" if rest else "") if p
        )
        month = ID_MONTHS[due.month - 1]
        lines.append(
            f"{title};{due.day} {month} {due.year};{words};{'ya' if important else 'tidak'}"
        )
    (root / "diklat.toml").write_text(MAIN + '[[tasks_from]]\npath = "t.csv"\n', "utf-8")
    (root / "t.csv").write_text("\n".join(lines) + "\n", "utf-8")
    got = [(t.id, t.title, t.due, t.estimate, t.important) for t in load(root).tasks]
    assert got == [(slug(t), t.strip(), d, m, i) for t, d, m, i in rows]


def _xlsx(root: Path, name: str, rows: list[list[object]]) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Tugas")
    for row in rows:
        ws.append(row)
    wb.save(root / name)


def test_xlsx_without_a_title_column_with_a_bad_date_and_huge(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = workspace(tmp_path, '[[tasks_from]]\npath = "t.xlsx"\n')
    _xlsx(root, "t.xlsx", [["Nama", "Tenggat"], ["Laporan", "1/12/2026"]])
    assert "t.xlsx:1: tidak ada kolom judul tugas" in _errors(root, capsys)
    _xlsx(root, "t.xlsx", [["Tugas", "Tenggat"], ["Laporan", "31 Februari 2027"]])
    assert "t.xlsx:2: Tenggat: '31 Februari 2027' bukan tanggal" in _errors(root, capsys)
    _xlsx(
        root, "t.xlsx", [["Tugas", "Estimasi"], *([f"Tugas {i}", "1 jam"] for i in range(10_001))]
    )
    assert "t.xlsx:10002: lebih dari 10000 baris tugas" in _errors(root, capsys)
