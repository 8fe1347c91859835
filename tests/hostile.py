"""Hostile inputs, generated: calendars, TOML and recurrences that once hung or exhausted diklat.

Each generator returns the file's bytes; nothing large is committed. Used by test_hostile_input.py
(one run per file through `diklat plan`) and by hand:

    uv run python tests/hostile.py OUTDIR   # writes every calendar, to try with `diklat plan`
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile//EN\r\n"
TAIL = "END:VCALENDAR\r\n"


def _cal(body: str) -> bytes:
    return (HEAD + body + TAIL).encode()


def _event(i: int, *lines: str) -> str:
    inner = "".join(f"{line}\r\n" for line in lines)
    return f"BEGIN:VEVENT\r\nUID:h{i}@hostile\r\nSUMMARY:Rapat {i}\r\n{inner}END:VEVENT\r\n"


def unclosed_vevent() -> bytes:
    """A VEVENT never closed, 400 KB of properties after it: the old pre-filter was quadratic."""
    body = "BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261201T010000Z\r\n"
    body += "".join(f"X-PAD-{i}:{'x' * 60}\r\n" for i in range(6000))
    return (HEAD + body).encode()


def unclosed_many(n: int = 8000) -> bytes:
    """Events opened and never closed: the old pre-filter searched from each to the end."""
    body = "".join(f"BEGIN:VEVENT\r\nUID:u{i}\r\nDTSTART:20261201T010000Z\r\n" for i in range(n))
    return (HEAD + body).encode()


def vtimezone_secondly() -> bytes:
    """A time zone whose daylight rule repeats every second."""
    return _cal(
        "BEGIN:VTIMEZONE\r\nTZID:Kacau\r\nBEGIN:DAYLIGHT\r\nDTSTART:19000101T000000\r\n"
        "RRULE:FREQ=SECONDLY\r\nTZOFFSETFROM:+0700\r\nTZOFFSETTO:+0800\r\nEND:DAYLIGHT\r\n"
        "BEGIN:STANDARD\r\nDTSTART:19000101T000000\r\nTZOFFSETFROM:+0800\r\n"
        "TZOFFSETTO:+0700\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
        + _event(0, "DTSTART;TZID=Kacau:20261201T090000", "DTEND;TZID=Kacau:20261201T100000")
    )


def vtimezone_from_year_one(n: int = 50) -> bytes:
    """Many zones with yearly rules from the year 1, each used by an event."""
    zones = "".join(
        f"BEGIN:VTIMEZONE\r\nTZID:Z{i}\r\n"
        "BEGIN:DAYLIGHT\r\nDTSTART:00010325T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
        "TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT\r\n"
        "BEGIN:STANDARD\r\nDTSTART:00011028T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
        "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
        for i in range(n)
    )
    events = "".join(
        _event(i, f"DTSTART;TZID=Z{i}:20261201T090000", f"DTEND;TZID=Z{i}:20261201T100000")
        for i in range(n)
    )
    return _cal(zones + events)


def yearly_never(n: int = 10_000) -> bytes:
    """Yearly rules on 30 February: dateutil searches each to the year 9999."""
    return _cal(
        "".join(
            _event(i, "DTSTART:20260101T010000Z", "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")
            for i in range(n)
        )
    )


def setpos_never(n: int = 200) -> bytes:
    """Daily rules that pick the second of one day: never, and no arithmetic says so."""
    return _cal(
        "".join(
            _event(
                i, "DTSTART:20260101T010000Z", f"RRULE:FREQ=DAILY;BYSETPOS=2;INTERVAL={1 + i % 3}"
            )
            for i in range(n)
        )
    )


def never_distinct(n: int = 2000) -> bytes:
    """Never-occurring rules, each from its own year: each costs a search of its own, so the
    time limit of a file is what ends the reading."""
    return _cal(
        "".join(
            _event(
                i,
                f"DTSTART:{1950 + i % 70:04d}0101T010000Z",
                "DURATION:PT5M",
                f"RRULE:FREQ=DAILY;BYSETPOS={2 + i % 5};INTERVAL={1 + i % 7}",
            )
            for i in range(n)
        )
    )


def todos(n: int = 50_000) -> bytes:
    """To-dos, which the event cap did not count."""
    return _cal(
        "".join(
            f"BEGIN:VTODO\r\nUID:t{i}\r\nDTSTART:20261201T010000Z\r\nSUMMARY:T\r\nEND:VTODO\r\n"
            for i in range(n)
        )
    )


def many_events(n: int = 50_000) -> bytes:
    """Events in the window, five times the cap."""
    return _cal(
        "".join(
            _event(i, f"DTSTART:202612{1 + i % 28:02d}T010000Z", "DURATION:PT1H") for i in range(n)
        )
    )


def nested(n: int = 200_000) -> bytes:
    """Components inside components, closed."""
    return _cal("BEGIN:X-A\r\n" * n + "END:X-A\r\n" * n)


def alarms(n: int = 100_000) -> bytes:
    """One event with a hundred thousand alarms (alarms are not read: left out before parsing)."""
    inner = "".join(
        "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT5M\r\nEND:VALARM\r\n" for _ in range(n)
    )
    return _cal(
        f"BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261201T010000Z\r\nDURATION:PT1H\r\n{inner}END:VEVENT\r\n"
    )


def series_from_1900(n: int = 50) -> bytes:
    """Daily series that started in 1900 (and in the year 1), still running."""
    return _cal(
        "".join(
            _event(
                i,
                f"DTSTART:{'1900' if i % 2 else '0001'}0101T0{i % 10}0000Z",
                "DURATION:PT30M",
                "RRULE:FREQ=DAILY" if i % 3 else "RRULE:FREQ=WEEKLY;BYDAY=MO,WE;INTERVAL=2",
            )
            for i in range(n)
        )
    )


def count_from_1900(n: int = 20) -> bytes:
    """Daily series from 1900 with a COUNT that never runs out before the window."""
    return _cal(
        "".join(
            _event(
                i, "DTSTART:19000101T010000Z", "DURATION:PT30M", "RRULE:FREQ=DAILY;COUNT=10000000"
            )
            for i in range(n)
        )
    )


def hourly_from_1900(n: int = 20) -> bytes:
    """Every two hours since 1900: twelve a day, under the per-day cap."""
    return _cal(
        "".join(
            _event(i, "DTSTART:19000101T010000Z", "DURATION:PT10M", "RRULE:FREQ=HOURLY;INTERVAL=2")
            for i in range(n)
        )
    )


def broken_dtstart() -> bytes:
    """icalendar's own test file (src/icalendar/tests/calendars/broken_dtstart.ics)."""
    return _cal("BEGIN:VEVENT\r\nUID:test-123\r\nDTSTART:INVALID-DATE\r\nEND:VEVENT\r\n")


def long_line() -> bytes:
    """One property of 5 MB, folded."""
    return _cal(
        _event(
            0, "DTSTART:20261201T010000Z", "DURATION:PT1H", "DESCRIPTION:" + "ab\r\n " * 1_500_000
        )
    )


def exdates_many(n: int = 100_000) -> bytes:
    """A daily series with a hundred thousand exceptions."""
    dates = [
        f"EXDATE:{2020 + i // 336:04d}{1 + i // 28 % 12:02d}{1 + i % 28:02d}T010000Z"
        for i in range(n)
    ]
    return _cal(_event(0, "DTSTART:20200101T010000Z", "DURATION:PT1H", "RRULE:FREQ=DAILY", *dates))


def rdates_many(n: int = 200_000) -> bytes:
    """One event on two hundred thousand dates."""
    dates = ",".join(f"{1900 + i % 8000:04d}0101T010000Z" for i in range(n))
    return _cal(_event(0, "DTSTART:19000101T010000Z", "DURATION:PT1H", "RDATE:" + dates))


def zone_transitions(zones: int = 10, observances: int = 100, dates: int = 200) -> bytes:
    """Time zones of twenty thousand transitions each (icalendar's own sort of them is slow)."""
    rdate = ",".join(f"{1900 + j:04d}0101T000000" for j in range(dates))
    body = "".join(
        f"BEGIN:VTIMEZONE\r\nTZID:Z{z}\r\n"
        + "".join(
            f"BEGIN:STANDARD\r\nDTSTART:{1900 + k:04d}0101T000000\r\nRDATE:{rdate}\r\n"
            "TZOFFSETFROM:+0700\r\nTZOFFSETTO:+0700\r\nEND:STANDARD\r\n"
            for k in range(observances)
        )
        + "END:VTIMEZONE\r\n"
        for z in range(zones)
    )
    return _cal(body + _event(0, "DTSTART;TZID=Z1:20261201T090000", "DURATION:PT1H"))


def series_many(n: int = 6000) -> bytes:
    """Daily series, more than the event cap, each with a long description."""
    return _cal(
        "".join(
            _event(
                i,
                f"DTSTART:20260101T0{i % 10}0000Z",
                "DURATION:PT5M",
                "RRULE:FREQ=DAILY",
                "DESCRIPTION:" + "Agenda rapat " * 50,
            )
            for i in range(n)
        )
    )


CALENDARS: dict[str, Callable[[], bytes]] = {
    f.__name__: f
    for f in (
        unclosed_vevent,
        unclosed_many,
        vtimezone_secondly,
        vtimezone_from_year_one,
        yearly_never,
        setpos_never,
        never_distinct,
        todos,
        many_events,
        nested,
        alarms,
        series_from_1900,
        count_from_1900,
        hourly_from_1900,
        broken_dtstart,
        exdates_many,
        rdates_many,
        zone_transitions,
        series_many,
        long_line,
    )
}


if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name, make in CALENDARS.items():
        (out / f"{name}.ics").write_bytes(make())
        print(out / f"{name}.ics")
