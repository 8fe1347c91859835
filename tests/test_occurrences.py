"""The `ID@YYYY-MM-DD` reference and the days a routine task falls on."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diklat_cli.planning.occurrences import Ref, occurrences, task_id
from diklat_cli.workspace.models import Task

ids = st.from_regex(r"[A-Za-z0-9_-]{1,20}", fullmatch=True)


@given(ids, st.one_of(st.none(), st.dates()))
def test_a_reference_reads_back_as_written(tid: str, day: date | None) -> None:
    text = str(Ref(tid, day))
    assert Ref.parse(text) == Ref(tid, day)
    assert task_id(text) == tid


def test_an_occurrence_reads_as_the_user_types_it() -> None:
    assert str(Ref("lap-mingguan", date(2026, 12, 14))) == "lap-mingguan@2026-12-14"
    with pytest.raises(ValueError):
        Ref.parse("lap-mingguan@14-12-2026")


def test_a_routine_task_falls_on_its_days_within_from_and_until() -> None:
    task = Task(
        id="lap",
        title="Laporan mingguan",
        estimate=60,
        recurs="FREQ=WEEKLY;BYDAY=MO",
        from_=date(2026, 11, 2),
        until=date(2026, 12, 14),
    )
    assert occurrences(task, date(2026, 12, 1), date(2026, 12, 31)) == [
        date(2026, 12, 7),
        date(2026, 12, 14),
    ]


def test_a_one_off_task_has_no_occurrences() -> None:
    task = Task(id="x", title="X", estimate=60)
    assert occurrences(task, date(2026, 1, 1), date(2026, 12, 31)) == []
