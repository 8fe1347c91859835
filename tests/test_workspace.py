"""What bad input gets: every problem at once, as FILE:LINE: where: what; fix, in the user's language."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from diklat_cli.cli import main
from diklat_cli.errors import WorkspaceError
from diklat_cli.workspace.loader import Found, find, load

PROFILE = '[profile]\nname = "Rina"\n'
COLLEAGUES = '[[colleague]]\nid = "budi"\nname = "Budi"\n'


def problems(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    files: dict[str, str | bytes],
    lang: str | None = "id",
) -> list[str]:
    monkeypatch.chdir(tmp_path)
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    with pytest.raises(WorkspaceError) as caught:
        load(tmp_path, lang=lang)  # type: ignore[arg-type]
    return [str(p) for p in caught.value.problems]


def test_the_contract_examples_load(contract_workspace: Path) -> None:
    ws = load(contract_workspace)
    assert [t.id for t in ws.tasks] == ["lap-tw4", "absensi"]
    assert ws.tasks[0].estimate == 360
    assert ws.trainings[0].session[1].rrule == "FREQ=WEEKLY;BYDAY=TU,TH"
    assert ws.colleagues[0].capacity == 300
    assert ws.workweek.for_day(4) is not None


def test_unknown_key_suggests_the_near_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    got = problems(
        tmp_path,
        monkeypatch,
        {
            "diklat.toml": PROFILE,
            "tugas.toml": '[[task]]\nid = "lap"\ntitle = "Laporan"\nestimte = "6h"\n',
        },
    )
    # the typo is told once: not also as a missing 'estimate' with an example nobody wrote
    assert got == [
        "tugas.toml:4: task[lap].estimte: kunci 'estimte' tidak dikenal; maksud Anda 'estimate'?",
    ]


def test_unknown_key_far_from_any_lists_the_known_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    got = problems(tmp_path, monkeypatch, {"diklat.toml": PROFILE + "[export]\nxyz = 1\n"})
    assert got == [
        "diklat.toml:4: export.xyz: kunci 'xyz' tidak dikenal; kunci yang dikenal di sini: "
        "reminder_minutes, calendar_name"
    ]


def test_unknown_table_and_indonesian_key_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    got = problems(
        tmp_path,
        monkeypatch,
        {
            "diklat.toml": PROFILE + "[planing]\nhorizon_days = 7\n",
            "tugas.toml": '[[tasks]]\nid = "a"\n\n[[task]]\nid = "b"\njudul = "B"\nestimate = "1h"\n',
        },
    )
    assert got == [
        "diklat.toml:3: planing: tabel 'planing' tidak dikenal; maksud Anda 'planning'?",
        "tugas.toml:1: tasks: tabel 'tasks' tidak dikenal; maksud Anda 'task'?",
        "tugas.toml:6: task[b].judul: kunci 'judul' tidak dikenal; maksud Anda 'title'?",
    ]


def test_wrong_types_in_plain_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    got = problems(
        tmp_path,
        monkeypatch,
        {
            "diklat.toml": PROFILE
            + 'roles = "ren"\n[planning]\nhorizon_days = "dua"\npomodoro = "ya tentu"\n'
            + "jp_minutes = 0\n",
            "tugas.toml": '[[task]]\nid = "a"\ntitle = 5\nestimate = 90\nformat = 1\n'
            '[[training]]\nid = "t"\ntitle = "T"\nstart = 2027-02-01\nend = 2027-02-02\n'
            'format = "hybrid"\n',
        },
    )
    assert got == [
        'diklat.toml:3: profile.roles: harus berupa daftar, bukan "ren"; '
        'tulis dalam kurung siku, seperti ["ren"]',
        'diklat.toml:5: planning.horizon_days: harus bilangan bulat, bukan "dua"; '
        "tulis angka tanpa tanda kutip, seperti 14",
        'diklat.toml:6: planning.pomodoro: harus true atau false, bukan "ya tentu"; '
        "tulis true atau false, tanpa tanda kutip",
        "diklat.toml:7: planning.jp_minutes: 0 terlalu kecil; paling kecil 1",
        'tugas.toml:3: task[a].title: harus berupa teks, bukan 5; tulis dalam tanda kutip, seperti "5"',
        "tugas.toml:4: task[a].estimate: durasi harus berupa teks; "
        'tulis seperti "90m", "1h30m", "1.5h" atau "3jp", dalam tanda kutip',
        "tugas.toml:5: task[a].format: kunci 'format' tidak dikenal; maksud Anda 'from'?",
        'tugas.toml:11: training[t].format: "hybrid" bukan pilihan yang dikenal; '
        'pilih salah satu: "offline", "blended" atau "online"',
    ]


def test_bad_durations_ranges_and_rrules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    got = problems(
        tmp_path,
        monkeypatch,
        {
            "diklat.toml": PROFILE
            + '[workweek]\nhours = "16:00-07:30"\nbreaks = ["12:00-13:00", "siang"]\n',
            "tugas.toml": '[[task]]\nid = "a"\ntitle = "A"\nestimate = "6 jam lebih"\n'
            'recurs = "FREQ=KADANG"\nfrom = 2026-11-02\n',
        },
    )
    assert got == [
        "diklat.toml:4: workweek.hours: '16:00-07:30' selesai sebelum mulai; tulis jam mulai lebih "
        'dulu, seperti "13:00-15:00" (rentang tidak boleh melewati tengah malam)',
        "diklat.toml:5: workweek.breaks[2]: 'siang' bukan rentang waktu; tulis jam mulai dan jam "
        'selesai, seperti "07:30-16:00" atau "07.30-16.00", dalam tanda kutip',
        "tugas.toml:4: task[a].estimate: '6 jam lebih' bukan durasi; "
        'tulis seperti "90m", "1h30m", "1.5h", "2h" atau "3jp", dalam tanda kutip',
        "tugas.toml:5: task[a].recurs: 'FREQ=KADANG' bukan aturan pengulangan (RRULE); "
        'tulis seperti "FREQ=WEEKLY;BYDAY=MO,WE" atau "FREQ=MONTHLY;BYMONTHDAY=10"',
    ]


def test_impossible_dates_and_reversed_periods(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    got = problems(
        tmp_path,
        monkeypatch,
        {
            "diklat.toml": PROFILE,
            "rapat.toml": '[[event]]\ntitle = "Rapat"\ndate = 2026-02-30\n',
            "bulan.toml": '[[event]]\ntitle = "Rapat"\ndate = 2026-13-01\n',
            "diklat-2027.toml": '[[training]]\nid = "pkp"\ntitle = "PKP"\nstart = 2027-04-30\n'
            "end = 2027-02-01\n",
        },
    )
    assert got == [
        "bulan.toml:3: date: tanggal 2026-13-01 tidak ada; periksa bulan (01-12) dan tanggalnya",
        "diklat-2027.toml:5: training[pkp].end: 'end' (2027-02-01) lebih awal daripada 'start' "
        "(2027-04-30); tukar kedua tanggal atau perbaiki salah satunya",
        "rapat.toml:3: date: tanggal 2026-02-30 tidak ada; Februari 2026 hanya sampai tanggal 28",
    ]


def test_unknown_time_zone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    got = problems(
        tmp_path, monkeypatch, {"diklat.toml": PROFILE + 'timezone = "WITB"\n'}, lang="en"
    )
    assert got == [
        "diklat.toml:3: profile.timezone: 'WITB' is not a known time zone; use \"Asia/Jakarta\" "
        '(WIB), "Asia/Pontianak" (WIB), "Asia/Makassar" (WITA) or "Asia/Jayapura" (WIT)',
    ]


@pytest.mark.parametrize(("written", "zone"), [("WITA", "Asia/Makassar"), ("wit", "Asia/Jayapura")])
def test_the_users_zone_may_be_written_as_people_say_it(
    tmp_path: Path, written: str, zone: str
) -> None:
    """As a training's or a meeting's `timezone`: WIB, WITA, WIT are their IANA zones."""
    (tmp_path / "diklat.toml").write_text(PROFILE + f'timezone = "{written}"\n', "utf-8")
    (tmp_path / "t.toml").write_text(
        '[[task]]\nid = "a"\ntitle = "A"\nestimate = "1h"\ndue = 2026-12-10T10:00:00\n', "utf-8"
    )
    ws = load(tmp_path)
    assert ws.profile.timezone == zone
    due = ws.tasks[0].due
    assert isinstance(due, datetime)  # 10.00 on the user's clock, not on Jakarta's
    assert due.utcoffset() == datetime(2026, 12, 10, tzinfo=ZoneInfo(zone)).utcoffset()


def test_duplicate_ids_name_both_places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    task = '[[task]]\nid = "lap-tw4"\ntitle = "Laporan"\nestimate = "6h"\n'
    got = problems(
        tmp_path,
        monkeypatch,
        {"diklat.toml": PROFILE, "a.toml": task, "b.toml": "\n" + task},
    )
    assert got == [
        "b.toml:3: task[lap-tw4].id: id 'lap-tw4' dipakai dua kali untuk [[task]] "
        "(juga di a.toml:2); beri setiap [[task]] id sendiri",
    ]


def test_references_to_colleagues_that_do_not_exist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    got = problems(
        tmp_path,
        monkeypatch,
        {
            "diklat.toml": PROFILE + 'supervisor = "kabid"\n',
            "tim.toml": COLLEAGUES,
            "tugas.toml": '[[task]]\nid = "a"\ntitle = "A"\nestimate = "1h"\ndelegate_to = "bdi"\n'
            '[[training]]\nid = "t"\ntitle = "T"\nstart = 2027-02-01\nend = 2027-02-02\n'
            'handover_to = "budi"\ndeputy = "sari"\n'
            '[[event]]\ntitle = "Rapat"\ndate = 2027-02-01\ndelegate_to = "andi"\n',
        },
        lang="en",
    )
    assert got == [
        "diklat.toml:3: profile.supervisor: there is no colleague with the id 'kabid'; "
        'add a [[colleague]] with id = "kabid"',
        "tugas.toml:5: task[a].delegate_to: there is no colleague with the id 'bdi'; "
        "did you mean 'budi'? Or add a [[colleague]] with id = \"bdi\"",
        "tugas.toml:12: training[t].deputy: there is no colleague with the id 'sari'; "
        'add a [[colleague]] with id = "sari"',
        "tugas.toml:16: event[1].delegate_to: there is no colleague with the id 'andi'; "
        'add a [[colleague]] with id = "andi"',
    ]


def test_syntax_errors_with_their_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    got = problems(
        tmp_path,
        monkeypatch,
        {
            "diklat.toml": PROFILE,
            "a.toml": '[[task]]\nid = "a"\nestimate = 6h\n',
            "b.toml": '[[task]]\nid = "b\ntitle = "B"\n',
            "c.toml": '[[task]]\nid = "c"\nid = "d"\n',
            "d.toml": '[[calendar]]\npath = "C:\\Users\\rina\\kantor.ics"\n',
            "e.toml": "[[task]]\ndue date = 2026-12-01\n",
        },
    )
    assert got == [
        'a.toml:3: estimate: teks 6h perlu tanda kutip; tulis estimate = "6h"',
        'b.toml:2: id: tanda kutip teks tidak ditutup; tutup teks dengan " di baris yang sama',
        "c.toml:3: id: kunci 'id' ditulis dua kali; hapus salah satunya",
        "d.toml:2: path: garis miring terbalik (\\) di dalam teks; pakai / atau tulis \\\\, "
        "atau pakai tanda kutip tunggal: 'C:\\Dokumen'",
        "e.toml:2: tidak ada '=' sesudah nama kunci; tulis kunci = nilai; nama kunci tanpa spasi "
        "(pakai _ atau -)",
    ]


def test_not_utf8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    got = problems(
        tmp_path,
        monkeypatch,
        {
            "diklat.toml": PROFILE,
            "tugas.toml": '\n[[event]]\ntitle = "R\xe9pat"\n'.encode("latin-1"),
        },
    )
    assert got == [
        "tugas.toml:3: berkas bukan teks UTF-8; simpan ulang sebagai UTF-8 "
        "(Notepad++: Encoding > UTF-8; VS Code: Save with Encoding > UTF-8)"
    ]


def test_missing_or_empty_diklat_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert problems(tmp_path, monkeypatch, {"tugas.toml": ""}) == [
        "diklat.toml: berkas ini belum ada; berkas inilah yang menandai sebuah ruang kerja; "
        "buat ruang kerja dengan 'diklat init'"
    ]
    assert problems(tmp_path, monkeypatch, {"diklat.toml": "# kosong\n"}) == [
        "diklat.toml:1: tabel [profile] belum ada; tambahkan [profile] dengan paling sedikit "
        "name = \"Nama Anda\" (atau buat contoh dengan 'diklat init')"
    ]
    assert problems(tmp_path, monkeypatch, {"diklat.toml": "[profile]\n"}) == [
        "diklat.toml:1: profile: 'name' belum diisi; tambahkan name, misalnya "
        'name = "Rina Wulandari"'
    ]


def test_workspace_folder_that_does_not_exist(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError) as caught:
        load(tmp_path / "tidak-ada", lang="en")
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path / 'tidak-ada'}: the workspace folder does not exist; create it with "
        f"'diklat init {tmp_path / 'tidak-ada'}' or point to another folder with --workspace"
    ]


def test_calendar_file_that_does_not_exist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    got = problems(
        tmp_path, monkeypatch, {"diklat.toml": PROFILE + '\n[[calendar]]\npath = "kantor.ics"\n'}
    )
    assert got == [
        "diklat.toml:5: calendar[1].path: berkas kalender 'kantor.ics' tidak ada; path dihitung "
        "dari folder ruang kerja (.); periksa nama berkasnya"
    ]


def test_settings_tables_belong_in_diklat_toml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    got = problems(
        tmp_path, monkeypatch, {"diklat.toml": PROFILE, "lain.toml": "[planning]\nslack = 10\n"}
    )
    assert got == [
        "lain.toml:1: planning: tabel [planning] hanya dibaca dari diklat.toml; "
        "pindahkan ke diklat.toml"
    ]


def test_language_follows_the_profile_unless_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files: dict[str, str | bytes] = {
        "diklat.toml": PROFILE + 'language = "en"\n[planning]\nslak = 10\n'
    }
    assert problems(tmp_path, monkeypatch, files, lang=None) == [
        "diklat.toml:5: planning.slak: unknown key 'slak'; did you mean 'slack'?"
    ]
    assert problems(tmp_path, monkeypatch, files, lang="id") == [
        "diklat.toml:5: planning.slak: kunci 'slak' tidak dikenal; maksud Anda 'slack'?"
    ]


def test_hidden_folders_are_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".diklat").mkdir()
    (tmp_path / ".diklat" / "progress.toml").write_text("[done]\nx = 1\n")
    (tmp_path / "diklat.toml").write_text(PROFILE)
    (tmp_path / "tim").mkdir()
    (tmp_path / "tim" / "tim.toml").write_text(COLLEAGUES)
    assert [c.id for c in load(tmp_path).colleagues] == ["budi"]


def test_the_cli_prints_every_problem_and_exits_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "diklat.toml").write_text(PROFILE + 'language = "en"\ntimezone = "Jakarta"\n')
    (tmp_path / "t.toml").write_text('[[task]]\nid = "a"\ntitle = "A"\nestimate = "lama"\n')
    code = main(["-w", str(tmp_path), "plan"])
    err = capsys.readouterr().err
    assert code == 3
    assert err.startswith("diklat: the workspace cannot be used; 2 problems:\n")
    assert f"  {tmp_path}/t.toml:4: task[a].estimate: 'lama' is not a duration;" in err
    assert "Traceback" not in err


def test_discovery_order(tmp_path: Path) -> None:
    cwd, user = tmp_path / "cwd", tmp_path / "user"
    cwd.mkdir()
    user.mkdir()
    assert find(None, {}, cwd, user).how == "demo"
    (user / "diklat.toml").write_text(PROFILE)
    assert find(None, {}, cwd, user) == Found(user, "user")
    (cwd / "diklat.toml").write_text(PROFILE)
    assert find(None, {}, cwd, user) == Found(cwd, "cwd")
    assert find(None, {"DIKLAT_WORKSPACE": str(user)}, cwd, user) == Found(user, "env")
    assert find(tmp_path, {"DIKLAT_WORKSPACE": str(user)}, cwd, user) == Found(tmp_path, "option")


def test_tables_written_as_values_and_empty_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "folder.toml").mkdir()  # a folder whose name ends in .toml is not a file to read
    got = problems(
        tmp_path,
        monkeypatch,
        {
            "diklat.toml": '[profile]\r\nname = ""\r\n[workweek]\r\nfri = "libur"\r\n',
            "t.toml": 'task = "x"\n',
        },
    )
    assert got == [
        "diklat.toml:2: profile.name: 'name' masih kosong; isi di antara tanda kutip: name = \"...\"",
        'diklat.toml:4: workweek.fri: harus berupa tabel, bukan "libur"; tulis sebagai tabel: '
        "[workweek.fri] dengan baris kunci = nilai di bawahnya",
        't.toml:1: task: harus berupa tabel, bukan "x"; tulis sebagai tabel: [[task]] dengan '
        "baris kunci = nilai di bawahnya",
    ]


def test_a_single_item_table_is_one_item(tmp_path: Path) -> None:
    (tmp_path / "diklat.toml").write_text(
        PROFILE + '[task]\nid = "a"\ntitle = "A"\nestimate = "1 jam 30 menit"\n'
    )
    assert [(t.id, t.estimate) for t in load(tmp_path).tasks] == [("a", 90)]


def test_common_slips_in_toml_are_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    slips = {
        "a.toml": '[[task]]\nsop = ["a" "b"]\n',
        "b.toml": "[[task]\n",
        "c.toml": "[[event]]\ndate = 12-01-2026\n",
        "d.toml": "[[task]]\nimportant = True\n",
        "e.toml": "[workweek]\nhours = 07.30-16.00\n",
        "f.toml": "slack = 10\n",
    }
    got = problems(tmp_path, monkeypatch, {"diklat.toml": PROFILE, **slips}, lang="en")
    assert got == [
        "a.toml:2: sop: the list [...] is not complete; separate its items with commas and close "
        'it with ], as ["a", "b"]',
        "b.toml:1: the table name is not closed; write [name] for settings or [[name]] for items, "
        "as [[task]]",
        "c.toml:2: date: 12-01-2026 is not a TOML date; write year-month-day with two-digit month "
        "and day, without quotes, as 2026-12-01",
        "d.toml:2: important: 'True' is not a TOML yes/no value; write true or false "
        "(lower case, without quotes)",
        'e.toml:2: hours: the text 07.30-16.00 needs quotes; write hours = "07.30-16.00"',
        "f.toml:1: slack: 'slack' stands outside any table; move it under [planning]",
    ]


FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_workspace_with_every_kind_of_slip_gets_every_problem_at_once(
    lang: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(FIXTURES)
    assert main(["--lang", lang, "-w", "rusak", "plan"]) == 3
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (FIXTURES / f"rusak.{lang}.txt").read_text("utf-8")


def test_an_unclosed_single_quote_at_the_end_is_a_problem_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "diklat.toml").write_text('[profile]\nname = "Rina"\n', "utf-8")
    (tmp_path / "tugas.toml").write_text('[[task]]\nid = "a"\ntags = [\'a', "utf-8")
    code = main(["-w", str(tmp_path), "plan"])
    err = capsys.readouterr().err
    assert code == 3, err
    assert "tugas.toml:3:" in err
