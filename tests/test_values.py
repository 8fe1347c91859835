"""The value forms: what people may write, and what they are told when it is wrong."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given
from hypothesis import strategies as st

from diklat_cli.workspace.values import (
    Invalid,
    TimeRange,
    check_id,
    check_rrule,
    expand_rrule,
    parse_duration,
    parse_time,
    parse_time_range,
)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("90m", 90),
        ("1h30m", 90),
        ("1.5h", 90),
        ("1,5h", 90),
        ("2h", 120),
        ("3jp", 135),
        ("1 jam 30 menit", 90),
        ("45min", 45),
    ],
)
def test_durations(text: str, minutes: int) -> None:
    assert parse_duration(text) == minutes


def test_jp_length_is_a_setting() -> None:
    assert parse_duration("2jp", jp_minutes=60) == 120


@pytest.mark.parametrize("text", ["", "lama", "6 jam lebih", "h", "90"])
def test_not_durations(text: str) -> None:
    with pytest.raises(Invalid):
        parse_duration(text)


def test_time_ranges_with_colon_or_dot() -> None:
    assert parse_time_range("07:30-16:00") == TimeRange(time(7, 30), time(16, 0))
    assert parse_time_range("07.30 - 16.00") == TimeRange(time(7, 30), time(16, 0))
    assert parse_time_range("08.00 s.d. 12.00") == TimeRange(time(8), time(12))
    assert str(parse_time_range("7.30–9.00")) == "07:30-09:00"


def test_reversed_range_says_so_in_both_languages() -> None:
    with pytest.raises(Invalid) as caught:
        parse_time_range("16:00-07:30")
    assert caught.value.text("id") == (
        "'16:00-07:30' selesai sebelum mulai; tulis jam mulai lebih dulu, seperti "
        '"13:00-15:00" (rentang tidak boleh melewati tengah malam)'
    )
    assert str(caught.value) == (
        "'16:00-07:30' ends before it starts; write the start first, as "
        '"13:00-15:00" (a range cannot cross midnight)'
    )


def test_times() -> None:
    assert parse_time("16.15") == time(16, 15)
    with pytest.raises(Invalid) as caught:
        parse_time("25:00")
    assert caught.value.what("en") == "'25:00' is not a time of day (hours 00-23, minutes 00-59)"


def test_ids_and_rrules() -> None:
    assert check_id("lap-tw4") == "lap-tw4"
    with pytest.raises(Invalid):
        check_id("lap tw4")
    assert check_rrule("RRULE:FREQ=WEEKLY;BYDAY=MO") == "FREQ=WEEKLY;BYDAY=MO"
    with pytest.raises(Invalid) as caught:
        check_rrule("FREQ=WEEKLY;BYDAY=XX")
    assert caught.value.what("id") == "'FREQ=WEEKLY;BYDAY=XX' bukan aturan pengulangan (RRULE)"


@given(
    rule=st.sampled_from(
        [
            "FREQ=WEEKLY;BYDAY=MO,WE",
            "FREQ=MONTHLY;BYMONTHDAY=5",
            "FREQ=MONTHLY;BYDAY=-1FR",
            "FREQ=DAILY;INTERVAL=3;COUNT=40",
            "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270615",
            "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,SA;WKST=SU",
            "FREQ=WEEKLY;INTERVAL=2",
            "FREQ=DAILY;INTERVAL=9",
            "FREQ=MONTHLY;INTERVAL=5",
            "FREQ=MONTHLY;BYDAY=2WE;INTERVAL=2",
            "FREQ=MONTHLY;BYMONTHDAY=-1;BYSETPOS=1",
            "FREQ=YEARLY;INTERVAL=3",
            "FREQ=YEARLY;BYMONTH=2,8;BYDAY=-1MO",
            "FREQ=YEARLY;BYWEEKNO=1,20;BYDAY=TH",
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        ]
    ),
    anchor=st.one_of(
        st.dates(date(2025, 1, 1), date(2028, 12, 31)),
        st.dates(date(1890, 1, 1), date(2028, 12, 31)),
    ),
    first=st.dates(date(2025, 1, 1), date(2028, 12, 31)),
    length=st.integers(-3, 500),
)
def test_expand_rrule_gives_the_days_dateutil_gives_for_any_range(
    rule: str, anchor: date, first: date, length: int
) -> None:
    """Answers come from a kept expansion of whole years, started from the rule's period nearest
    the range (an anchor in 1900 is not walked from): a range must see just its days."""
    last = first + timedelta(days=length)
    rr = rrulestr(rule, dtstart=datetime.combine(anchor, time()))
    lo = datetime.combine(max(first, anchor), time())
    expected = (
        [d.date() for d in rr.between(lo, datetime.combine(last, time()), inc=True)]
        if last >= first
        else []
    )
    assert expand_rrule(rule, anchor, first, last) == expected
