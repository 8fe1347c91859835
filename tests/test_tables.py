"""tables: which table a key belongs to, and the keys a table accepts, by their TOML names."""

from __future__ import annotations

from diklat_cli.workspace.models import Training
from diklat_cli.workspace.tables import home_of, known_keys


def test_a_stray_key_is_sent_home_to_its_table() -> None:
    assert home_of("slack") == "[planning]"
    assert home_of("estimate") == "[[task]]"
    assert home_of("nothing") is None


def test_the_keys_of_a_nested_array_of_tables() -> None:
    assert known_keys(Training, ("session", 0)) == [
        "title",
        "date",
        "until",
        "rrule",
        "from",
        "time",
        "timezone",
        "mode",
        "location",
        "link",
        "weekends",
        "uid",
        "recurrence_id",
    ]
