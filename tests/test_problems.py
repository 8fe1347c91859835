"""problems: tomllib's and pydantic's errors, told as the user's line, place, what and fix.

Tiny units here; tests/test_workspace.py covers the same messages end to end through `load`.
"""

from __future__ import annotations

import tomllib
from typing import Any

import pytest
from pydantic import ValidationError

from diklat_cli.i18n import Lang
from diklat_cli.workspace.loader import adapter
from diklat_cli.workspace.models import Export, Task
from diklat_cli.workspace.problems import describe_path, explain_invalid, explain_syntax, suggest
from diklat_cli.workspace.tables import known_keys
from diklat_cli.workspace.tomlpos import LineMap

CONTEXT = {"jp_minutes": 45, "timezone": "Asia/Jakarta"}


def syntax(text: str, lang: Lang = "en") -> tuple[int | None, str, str, str]:
    with pytest.raises(tomllib.TOMLDecodeError) as caught:
        tomllib.loads(text)
    return explain_syntax(text, str(caught.value), lang)


def test_an_impossible_date_says_how_long_the_month_is() -> None:
    text = "[[task]]\ndue = 2027-02-30\n"
    assert syntax(text) == (
        2,
        "due",
        "the date 2027-02-30 does not exist",
        "February 2027 has only 28 days",
    )
    assert syntax(text, "id")[2:] == (
        "tanggal 2027-02-30 tidak ada",
        "Februari 2027 hanya sampai tanggal 28",
    )


def test_unquoted_text_and_a_key_written_twice() -> None:
    assert syntax("[[task]]\ntitle = Laporan TW IV\n") == (
        2,
        "title",
        "the text Laporan TW IV needs quotes",
        'write title = "Laporan TW IV"',
    )
    assert syntax('[[task]]\nid = "a"\nid = "b"\n', "id") == (
        3,
        "id",
        "kunci 'id' ditulis dua kali",
        "hapus salah satunya",
    )


def test_what_tomllib_says_is_kept_when_there_are_no_plainer_words() -> None:
    assert syntax("[[task]]\nx = {a = 1\n") == (
        2,
        "x",
        "TOML syntax error (Unclosed inline table)",
        "check the quotes, brackets and '=' on this line",
    )


def invalid(text: str, lang: Lang = "en") -> list[tuple[int | None, str, str, str]]:
    data: dict[str, Any] = tomllib.loads(text)
    lines = LineMap(text)
    with pytest.raises(ValidationError) as caught:
        adapter(Task).validate_python(data["task"][0], context=CONTEXT)
    return [explain_invalid(Task, e, ("task", 0), data, lines, lang) for e in caught.value.errors()]


def test_pydantic_errors_in_plain_words_on_their_line() -> None:
    text = (
        '[[task]]\nid = "lap"\ntitle = "Laporan"\nestimate = "2h"\nimportant = "ya"\nurgnt = true\n'
    )
    assert invalid(text) == [
        (
            5,
            "task[lap].important",
            'must be true or false, not "ya"',
            "write true or false, without quotes",
        ),
        (6, "task[lap].urgnt", "unknown key 'urgnt'", "did you mean 'urgent'?"),
    ]
    assert invalid(text, "id")[0][2:] == (
        'harus true atau false, bukan "ya"',
        "tulis true atau false, tanpa tanda kutip",
    )


def test_a_missing_key_is_placed_on_its_table_with_an_example() -> None:
    assert invalid('[[task]]\nid = "lap"\ntitle = "Laporan"\n') == [
        (1, "task[lap]", "'estimate' is missing", 'add estimate, for example estimate = "2h"'),
    ]


def test_a_place_names_items_by_their_id_or_else_their_position() -> None:
    path = ("training", 0, "session", 1, "time")
    named = {"training": [{"id": "pkp-2027", "session": [{}, {}]}]}
    unnamed = {"training": [{"id": "pkp 2027", "session": [{}, {}]}]}
    assert describe_path(path, named) == "training[pkp-2027].session[2].time"
    assert describe_path(path, unnamed) == "training[1].session[2].time"


def test_suggestions_know_indonesian_words_and_typos() -> None:
    assert suggest("judul", known_keys(Task, ()), "known_keys", "en") == "did you mean 'title'?"
    assert suggest("estimte", known_keys(Task, ()), "known_keys", "id") == "maksud Anda 'estimate'?"
    assert (
        suggest("xyz", known_keys(Export, ()), "known_keys", "en")
        == "the keys known here: reminder_minutes, calendar_name"
    )
