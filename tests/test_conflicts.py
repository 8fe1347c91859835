"""conflicts.find: one test per kind of finding, on tiny workspaces written in the test."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from diklat_cli.i18n import Lang
from diklat_cli.planning.conflicts import find, jp_year
from diklat_cli.planning.plan import Conflict
from diklat_cli.render.check import reasons
from diklat_cli.render.findings import message, suggestion
from diklat_cli.workspace.holidays_id import HolidayData, HolidayInfo
from diklat_cli.workspace.loader import load

PROFILE = """
[profile]
name = "Rina"
roles = ["ren"]
supervisor = "kabid"

[planning]
annual_jp_target = 0
"""

TEAM = """
[[colleague]]
id = "kabid"
name = "Pak Hendra"

[[colleague]]
id = "budi"
name = "Budi"
skills = ["laporan"]
capacity = "2h"
"""

# a week in class, Monday 1 to Friday 5 February 2027, with Budi taking over and Sari as Plh
OFFLINE = """
[[training]]
id = "bimtek"
title = "Bimtek SIPD"
format = "offline"
start = 2027-02-01
end = 2027-02-05
handover_to = "budi"
deputy = "sari"

[[training.session]]
date = 2027-02-01
until = 2027-02-05
time = "08:00-16:00"

[[colleague]]
id = "sari"
name = "Sari"
"""

TODAY = date(2027, 1, 11)


def workspace(tmp_path: Path, items: str, profile: str = PROFILE) -> Path:
    (tmp_path / "diklat.toml").write_text(profile, "utf-8")
    (tmp_path / "items.toml").write_text(TEAM + items, "utf-8")
    return tmp_path


def findings(
    tmp_path: Path,
    items: str,
    *,
    profile: str = PROFILE,
    holidays: HolidayData | None = None,
    today: date = TODAY,
    lang: Lang = "id",
) -> list[Said]:
    ws = load(workspace(tmp_path, items, profile))
    return [said(c, lang) for c in find(ws, today, holidays=holidays or HolidayData())]


@dataclass(frozen=True)
class Said:
    """A finding as the user reads it."""

    kind: str
    severity: str
    refs: tuple[str, ...]
    message: str
    suggestion: str


def said(c: Conflict, lang: Lang = "id") -> Said:
    return Said(c.kind, c.severity, c.refs, message(c, lang), suggestion(c, lang))


def kinds(found: list[Said]) -> list[tuple[str, str]]:
    return [(c.kind, c.severity) for c in found]


def test_a_clean_workspace_has_no_findings(tmp_path: Path) -> None:
    assert findings(tmp_path, OFFLINE) == []


@pytest.mark.parametrize(("level", "severity"), [("avoid", "error"), ("caution", "warning")])
def test_training_in_a_busy_period_of_the_users_role(
    tmp_path: Path, level: str, severity: str
) -> None:
    quiet = f"""
[[quiet]]
title = "Musrenbang Kecamatan"
start = 2027-02-03
end = 2027-02-28
roles = ["ren"]
level = "{level}"
"""
    (c,) = findings(tmp_path, OFFLINE + quiet)
    assert (c.kind, c.severity) == ("quiet", severity)
    assert c.message == (
        'Bimtek SIPD (3 hari, 3 Feb 2027 s.d. 5 Feb 2027) jatuh dalam masa sibuk "Musrenbang '
        'Kecamatan" (3 Feb 2027 s.d. 28 Feb 2027), untuk peran ren.'
    )
    assert "diklat check --suggest bimtek" in c.suggestion


def test_busy_period_of_other_roles_does_not_concern_the_user(tmp_path: Path) -> None:
    quiet = """
[[quiet]]
title = "Pemeriksaan BPK"
start = 2027-01-01
end = 2027-03-31
roles = ["keu", "pbj"]
level = "avoid"
"""
    assert findings(tmp_path, OFFLINE + quiet) == []


def test_busy_period_without_roles_concerns_everyone(tmp_path: Path) -> None:
    quiet = """
[[quiet]]
title = "Tutup tahun"
start = 2027-02-05
end = 2027-02-05
"""
    assert kinds(findings(tmp_path, OFFLINE + quiet)) == [("quiet", "warning")]


def test_online_session_during_a_meeting(tmp_path: Path) -> None:
    items = """
[[training]]
id = "daring"
title = "E-learning SPBE"
format = "online"
start = 2027-02-01
end = 2027-02-28

[[training.session]]
rrule = "FREQ=WEEKLY;BYDAY=TU"
from = 2027-02-02
until = 2027-02-23
time = "13:00-15:00"
mode = "online"

[[event]]
title = "Rapat minggon"
rrule = "FREQ=WEEKLY;BYDAY=TU"
from = 2026-11-03
time = "14:00-15:00"
"""
    (c,) = findings(tmp_path, items)
    assert (c.kind, c.severity) == ("meeting", "warning")
    assert c.message == (
        'Sesi daring E-learning SPBE bentrok dengan "Rapat minggon" pada '
        "Sel 2 Feb, Sel 9 Feb, Sel 16 Feb, Sel 23 Feb 2027."
    )


def test_two_trainings_at_the_same_time(tmp_path: Path) -> None:
    other = """
[[training]]
id = "webinar"
title = "Webinar Perencanaan"
format = "online"
start = 2027-02-03
end = 2027-02-03

[[training.session]]
date = 2027-02-03
time = "09:00-11:00"
mode = "online"
"""
    (c,) = findings(tmp_path, OFFLINE + other)
    assert (c.kind, c.severity) == ("trainings", "error")
    assert c.refs == ("bimtek", "webinar")
    assert "Rab 3 Feb 2027" in c.message


def test_work_due_while_away_with_nobody_to_take_it(tmp_path: Path) -> None:
    items = (
        OFFLINE.replace('handover_to = "budi"\n', "")
        + """
[[task]]
id = "lap"
title = "Laporan bulanan"
estimate = "1h"
due = 2027-02-03
"""
    )
    (c,) = findings(tmp_path, items)
    assert (c.kind, c.severity) == ("due-away", "warning")
    assert c.message == (
        "Laporan bulanan jatuh tempo saat Anda di pelatihan luring Bimtek SIPD: Rab 3 Feb 2027."
    )
    assert c.suggestion.startswith("Selesaikan sebelum berangkat (29 Jan 2027)")
    # a colleague with room is suggested, but a suggestion is not yet a handover
    assert c.suggestion.endswith(
        "Calon penerima: Budi (disarankan: sisa kapasitas 2 jam dari 2 jam per minggu)."
    )


def test_work_due_while_away_that_is_handed_over_is_a_note(tmp_path: Path) -> None:
    items = (
        OFFLINE
        + """
[[task]]
id = "lap"
title = "Laporan bulanan"
estimate = "1h"
due = 2027-02-03
"""
    )
    (c,) = findings(tmp_path, items)
    assert (c.kind, c.severity) == ("due-away", "info")
    assert c.suggestion.startswith("Diserahkan kepada Budi")


def test_a_week_whose_work_does_not_fit(tmp_path: Path) -> None:
    # Mon 11 to Fri 15 January hold 37.5 working hours; 40 hours are due on Friday
    items = """
[[task]]
id = "besar"
title = "Dokumen RKPD"
estimate = "40h"
due = 2027-01-15
"""
    (c,) = findings(tmp_path, items)
    assert (c.kind, c.severity) == ("overload", "warning")
    assert c.message == (
        "Minggu 11 Jan 2027: pekerjaan yang jatuh tempo (Dokumen RKPD) butuh 40 jam, "
        "waktu kerja yang tersisa hanya 37 jam 30 menit; kurang 2 jam 30 menit."
    )


def test_a_colleague_over_capacity(tmp_path: Path) -> None:
    items = (
        OFFLINE
        + """
[[task]]
id = "lap"
title = "Laporan bulanan"
estimate = "3h"
due = 2027-02-03
"""
    )
    found = findings(tmp_path, items)
    load = [c for c in found if c.kind == "colleague-load"]
    assert [c.message for c in load] == [
        "Budi menerima 3 jam pekerjaan limpahan pada minggu 1 Feb 2027 (Laporan bulanan), "
        "melebihi kapasitasnya 2 jam per minggu."
    ]


def test_a_colleague_away_when_needed(tmp_path: Path) -> None:
    items = (
        OFFLINE
        + """
[[colleague]]
id = "andi"
name = "Andi"
away = [{ start = 2027-02-02, end = 2027-02-04 }]

[[task]]
id = "lap"
title = "Laporan bulanan"
estimate = "1h"
due = 2027-02-03
delegate_to = "andi"
"""
    )
    found = [c for c in findings(tmp_path, items) if c.kind == "colleague-away"]
    assert [c.message for c in found] == [
        'Andi berhalangan (2 Feb 2027 s.d. 4 Feb 2027) padahal diperlukan untuk "Laporan '
        'bulanan" pada 3 Feb 2027.'
    ]


def test_a_session_on_a_holiday(tmp_path: Path) -> None:
    items = """
[[training]]
id = "daring"
title = "E-learning SPBE"
format = "online"
start = 2027-02-01
end = 2027-02-28

[[training.session]]
rrule = "FREQ=WEEKLY;BYDAY=TU"
from = 2027-02-02
until = 2027-02-09
time = "13:00-15:00"
mode = "online"
"""
    holidays = HolidayData({date(2027, 2, 9): HolidayInfo("Cuti Bersama Imlek", "government")})
    (c,) = findings(tmp_path, items, holidays=holidays)
    assert (c.kind, c.severity) == ("holiday", "warning")
    assert c.message == (
        "Sesi E-learning SPBE dijadwalkan pada hari libur: Sel 9 Feb 2027 (Cuti Bersama Imlek)."
    )


MANAGER = PROFILE.replace(
    'name = "Rina"', 'name = "Rina"\nposition = "Kepala Sub Bidang Perencanaan"'
)


def test_a_long_absence_without_a_plh(tmp_path: Path) -> None:
    items = OFFLINE.replace('deputy = "sari"\n', "")
    (c,) = findings(tmp_path, items, profile=MANAGER)
    assert (c.kind, c.severity) == ("no-deputy", "warning")
    assert c.message == (
        "Anda meninggalkan kantor 5 hari kerja untuk Bimtek SIPD tanpa Plh (deputy)."
    )


@pytest.mark.parametrize(
    ("position", "post", "warned"),
    [
        ("Analis Kebijakan Ahli Pertama", "", False),  # issue 9: a JF, handover_to is enough
        ("Pengadministrasi Umum", "", False),  # a pelaksana
        ("", "", False),
        ("Kepala Seksi Pemerintahan", "", True),
        ("Camat Tamalate", "", True),
        ("Koordinator Tim Kerja Perencanaan", 'post = "struktural"', True),  # unreadable: said
        ("Kepala Sekolah", 'post = "fungsional"', False),  # a teacher with an added duty
    ],
)
def test_only_a_managerial_post_needs_a_plh(
    tmp_path: Path, position: str, post: str, warned: bool
) -> None:
    profile = PROFILE.replace('name = "Rina"', f'name = "Rina"\nposition = "{position}"\n{post}')
    items = OFFLINE.replace('deputy = "sari"\n', "")
    assert [c.kind for c in findings(tmp_path, items, profile=profile)] == (
        ["no-deputy"] if warned else []
    )


def test_three_days_away_need_no_plh(tmp_path: Path) -> None:
    items = OFFLINE.replace('deputy = "sari"\n', "").replace(
        "until = 2027-02-05", "until = 2027-02-03"
    )
    assert findings(tmp_path, items) == []


def test_jp_short_of_the_target_is_a_note_then_a_warning_from_july(tmp_path: Path) -> None:
    profile = PROFILE.replace("annual_jp_target = 0", "annual_jp_target = 20")
    items = OFFLINE.replace("2027-02", "2027-09").replace(
        'title = "Bimtek SIPD"', 'title = "Bimtek SIPD"\njp = 12'
    )
    (c,) = findings(tmp_path, items, profile=profile)
    assert (c.kind, c.severity) == ("jp", "info")
    (c,) = findings(tmp_path, items, profile=profile, today=date(2027, 7, 1))
    assert (c.kind, c.severity) == ("jp", "warning")
    assert c.message == (
        "JP tahun 2027: 0 JP dari pelatihan yang selesai, direncanakan 12 JP; kurang 8 JP dari "
        "target 20 JP."
    )


def test_jp_met_is_a_note_in_english(tmp_path: Path) -> None:
    profile = PROFILE.replace("annual_jp_target = 0", "annual_jp_target = 20")
    items = OFFLINE.replace('title = "Bimtek SIPD"', 'title = "Bimtek SIPD"\njp = 24')
    (c,) = findings(tmp_path, items, profile=profile, today=date(2027, 3, 1), lang="en")
    assert (c.kind, c.severity) == ("jp", "info")
    assert c.message == "JP in 2027: 24 JP from finished trainings; the target of 20 JP is met."


def test_jp_of_a_training_under_way_counts_pro_rata(tmp_path: Path) -> None:
    ws = load(workspace(tmp_path, OFFLINE.replace('title = "Bimtek SIPD"', 'title = "B"\njp = 50')))
    # Wednesday 3 February: two of the five days are gone
    assert jp_year(ws, date(2027, 2, 3)) == (0.0, 20.0, 30.0)


def test_errors_come_before_warnings_and_notes(tmp_path: Path) -> None:
    profile = MANAGER.replace("annual_jp_target = 0", "annual_jp_target = 20")
    items = (
        OFFLINE.replace('deputy = "sari"\n', "").replace(
            'title = "Bimtek SIPD"', 'title = "Bimtek SIPD"\njp = 40'
        )
        + """
[[quiet]]
title = "Musrenbang"
start = 2027-02-01
end = 2027-02-28
level = "avoid"
"""
    )
    assert kinds(findings(tmp_path, items, profile=profile)) == [
        ("quiet", "error"),
        ("no-deputy", "warning"),
        ("jp", "info"),
    ]


def test_suggest_moves_the_training_out_of_a_busy_period(tmp_path: Path) -> None:
    from diklat_cli.planning.suggest import rank

    quiet = """
[[quiet]]
title = "Musrenbang"
start = 2027-01-25
end = 2027-02-12
level = "avoid"

[[task]]
id = "lap"
title = "Laporan"
estimate = "1h"
due = 2027-02-17
"""
    ws = load(workspace(tmp_path, OFFLINE + quiet))
    bimtek = ws.training("bimtek")
    assert bimtek is not None
    ranked = rank(ws, bimtek, holidays=HolidayData())
    # Mondays only, four weeks either side; among the clear ones the nearest come first
    assert [c.start for c in ranked[:5]] == [
        date(2027, 1, 18),
        date(2027, 1, 11),
        date(2027, 2, 22),
        date(2027, 1, 4),
        date(2027, 3, 1),
    ]
    assert reasons(ranked[0], "id") == ["tidak mengenai apa pun"]
    current = next(c for c in ranked if c.current)
    assert (current.penalty, reasons(current, "id")) == (
        50,
        ['5 hari di masa sibuk "Musrenbang" (hindari)'],
    )
    assert all(c.start.weekday() == 0 for c in ranked)
    feb15 = next(c for c in ranked if c.start == date(2027, 2, 15))
    assert reasons(feb15, "id") == ["1 tenggat saat di kelas: Laporan (17 Feb 2027)"]


def test_a_pppk_year_above_24_jp_gets_a_note_on_pp_49_2018(tmp_path: Path) -> None:
    profile = PROFILE.replace('name = "Rina"', 'name = "Rina"\nemployment = "PPPK"')
    items = OFFLINE.replace('title = "Bimtek SIPD"', 'title = "Bimtek SIPD"\njp = 30')
    (c,) = findings(tmp_path, items, profile=profile, today=date(2027, 3, 1))
    assert (c.kind, c.severity, c.refs) == ("jp", "info", ("bimtek",))
    assert c.message == (
        "JP tahun 2027 (30 JP) melebihi 24 JP: bagi PPPK, PP 49/2018 Pasal 40 membatasi "
        "pengembangan kompetensi paling lama 24 JP dalam 1 tahun masa perjanjian kerja."
    )
    assert "BKPSDM" in c.suggestion


def test_a_pppk_year_within_24_jp_and_a_pns_year_above_it_get_no_such_note(
    tmp_path: Path,
) -> None:
    pppk = PROFILE.replace('name = "Rina"', 'name = "Rina"\nemployment = "PPPK"')
    within = OFFLINE.replace('title = "Bimtek SIPD"', 'title = "Bimtek SIPD"\njp = 24')
    assert findings(tmp_path, within, profile=pppk, today=date(2027, 3, 1)) == []
    above = OFFLINE.replace('title = "Bimtek SIPD"', 'title = "Bimtek SIPD"\njp = 30')
    assert findings(tmp_path, above, today=date(2027, 3, 1)) == []


@pytest.mark.parametrize("today", [date(2026, 12, 1), date(2027, 1, 12), date(2027, 2, 15)])
def test_every_finding_of_the_demo_is_worded_in_both_languages(today: date) -> None:
    from diklat_cli.demo import shift_to
    from diklat_cli.workspace.loader import demo_path

    ws = shift_to(load(demo_path()), today)
    found = find(ws, today, holidays=HolidayData())
    assert found  # the demo is made to show findings
    langs: tuple[Lang, ...] = ("id", "en")
    for c in found:
        for lang in langs:
            words = said(c, lang)
            assert words.message and "{" not in words.message + words.suggestion
    # a finding is a value: the same facts are the same finding, whatever the language
    assert len(set(found)) == len(found)
