"""LineMap: the line of every table, key and array element, as a user's editor numbers them."""

from __future__ import annotations

from diklat_cli.workspace.tomlpos import LineMap

TEXT = '''# a comment [not a table]
[profile]
name = "Rina"   # trailing comment with = and [brackets]
"quoted key" = 1
roles = [
  "ren",   # one
  "keu",
]

[workweek.fri]
hours = "07:30-16:30"

[ramadan]
fri = { hours = "08:00-15:30", breaks = ["11:30-12:30"] }

[[training]]
id = "a"
notes = """
[[not.a.header]]
x = 1
"""

[[training.session]]
date = 2027-02-01

[[training.session]]
rrule = "FREQ=WEEKLY"

[[training]]
id = "b"

[[training.session]]
date = 2027-03-01

[[colleague]]
id = "budi"
away = [
  { start = 2027-03-01, end = 2027-03-05 },
  { start = 2027-03-09,
    end = 2027-03-12 },
]
contact.phone = "0812"
'literal key' = 'C:\\path'
'''


def test_tables_and_keys_map_to_their_lines() -> None:
    lm = LineMap(TEXT)
    assert lm.find(("profile",)) == 2
    assert lm.find(("profile", "name")) == 3
    assert lm.find(("profile", "quoted key")) == 4
    assert lm.find(("profile", "roles", 1)) == 7
    assert lm.find(("workweek", "fri", "hours")) == 11
    assert lm.find(("workweek", "hours")) == 10  # not written: the nearest table that is


def test_inline_tables_and_their_arrays() -> None:
    lm = LineMap(TEXT)
    assert lm.find(("ramadan", "fri", "breaks", 0)) == 14
    assert lm.find(("colleague", 0, "away", 1)) == 39
    assert lm.find(("colleague", 0, "away", 1, "end")) == 40
    assert lm.find(("colleague", 0, "away", 0, "end")) == 38


def test_nested_arrays_of_tables_count_per_parent() -> None:
    lm = LineMap(TEXT)
    assert lm.find(("training", 0, "session", 0, "date")) == 24
    assert lm.find(("training", 0, "session", 1, "rrule")) == 27
    assert lm.find(("training", 1, "id")) == 30
    assert lm.find(("training", 1, "session", 0, "date")) == 33


def test_multiline_strings_hide_what_looks_like_tables() -> None:
    lm = LineMap(TEXT)
    assert ("not",) not in lm.lines
    assert lm.find(("training", 0, "notes")) == 18


def test_dotted_and_literal_keys() -> None:
    lm = LineMap(TEXT)
    assert lm.find(("colleague", 0, "contact", "phone")) == 42
    assert lm.find(("colleague", 0, "literal key")) == 43


def test_a_key_written_twice_is_remembered() -> None:
    assert LineMap("a = 1\nb = 2\na = 3\n").repeated == [(3, "a")]


def test_text_it_cannot_follow_keeps_what_it_mapped() -> None:
    lm = LineMap('[profile]\nname = "x"\n= broken\n[later]\n')
    assert lm.find(("profile", "name")) == 2


def test_a_long_dotted_header_is_mapped_in_room_that_grows_with_the_file() -> None:
    """`[a.a.a.…]` once kept every prefix: 40 KB of header took 1.6 GB."""
    n = 20_000
    lines = LineMap("x = 1\n[" + ".".join(["a"] * n) + "]\ny = 2\n")
    assert len(lines.lines) < 40  # the first levels, the whole path and its key
    assert lines.find(("a",)) == 2
    assert lines.find(("a",) * n + ("y",)) == 3
    assert lines.find(("a",) * (n // 2)) == 2  # a prefix deeper than mapped: the nearest one
