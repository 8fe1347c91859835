"""A day's load counts busy time once: a meeting during an online session is not two hours."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from diklat_cli.planning.plan import Block, DayPlan
from diklat_cli.render.words import load, load_line

TZ = ZoneInfo("Asia/Makassar")
DAY = date(2026, 12, 8)


def _at(minute: int) -> datetime:
    return datetime(2026, 12, 8, tzinfo=TZ) + timedelta(minutes=minute)


def _day(*blocks: Block) -> DayPlan:
    return DayPlan(date=DAY, working=True, note=None, blocks=blocks, work_minutes=450)


def test_a_meeting_during_an_online_session_counts_once() -> None:
    session = Block(_at(13 * 60), _at(16 * 60), "training", "kls", "Kelas daring")
    meeting = Block(_at(14 * 60), _at(15 * 60 + 30), "event", None, "Rapat staf")
    task = Block(_at(8 * 60), _at(10 * 60), "task", "t", "Laporan")
    day = _day(task, session, meeting)
    assert load(day).fixed == 180
    assert load(day).planned == 300
    assert "rapat/sesi 3 jam ·" in load_line(day, "id")  # not 4 jam 30 menit


spans = st.lists(
    st.tuples(st.integers(0, 24 * 60 - 2), st.integers(1, 600)).map(
        lambda p: (p[0], min(24 * 60 - 1, p[0] + p[1]))
    ),
    max_size=8,
)


@given(spans)
def test_fixed_time_is_the_union_of_the_busy_blocks(raw: list[tuple[int, int]]) -> None:
    blocks = [Block(_at(a), _at(b), "event", None, f"r{i}") for i, (a, b) in enumerate(raw)]
    covered = {m for a, b in raw for m in range(a, b)}
    assert load(_day(*blocks)).fixed == len(covered)
