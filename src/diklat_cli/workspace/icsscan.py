"""A first pass over an .ics file, line by line, before icalendar parses it.

icalendar parses about half a megabyte a second and keeps every component in memory, and a file
is untrusted input. This pass costs one look at each line and decides what the parser gets:

- only what diklat reads: the VEVENTs that may touch the window and the VTIMEZONEs (to-dos,
  journals, free/busy and unknown components are left out);
- at most MAX_EVENTS events and MAX_COMPONENTS components (nested ones counted), nested at most
  MAX_DEPTH deep, and no event with more than MAX_DATES EXDATE and RDATE values;
- of an event, only the properties diklat reads (no descriptions, attendees or alarms), and a
  series whose every UNTIL is before the window not at all;
- a VTIMEZONE whose rules are not yearly (a SECONDLY "time zone") or that has more than
  MAX_TRANSITIONS transitions is left out, and yearly rules that start centuries ago start in
  the years in view instead;
- a component that is never closed, or closed by the wrong END, stops the reading with the line.

The result is the text to parse (unfolded, one property a line) and what was left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

MAX_EVENTS = 2_000  # VEVENTs that may touch the window: icalendar parses ~2,000 a second
MAX_COMPONENTS = 30_000  # components kept, nested ones included: events and time zones
MAX_DEPTH = 8  # VCALENDAR > VEVENT > VALARM is three deep
MAX_TIMEZONES = 200  # VTIMEZONEs kept; a real export has a handful
MAX_TRANSITIONS = 1_000  # observances and RDATEs of one VTIMEZONE; a full history has ~300
MAX_DATES = 5_000  # EXDATE and RDATE values of one event: a daily meeting's 13 years

_FOLD = re.compile(rb"\r?\n[ \t]")
_RECURS = re.compile(rb"^(?:RRULE|RDATE|RECURRENCE-ID)[;:]", re.M | re.I)
_DTSTART = re.compile(rb"^DTSTART[^:\r\n]*:(\d{8})", re.M | re.I)
_DTEND = re.compile(rb"^DTEND[^:\r\n]*:(\d{8})", re.M | re.I)
_DURATION = re.compile(rb"^DURATION[;:]", re.M | re.I)
_TZID = re.compile(rb"^TZID[^:\r\n]*:([^\r\n]*)", re.M | re.I)


class Broken(Exception):
    """The file's structure cannot be followed: `key` names the message, `line` where."""

    def __init__(self, key: str, line: int, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.line = line
        self.params = params


@dataclass
class Scan:
    """What the parser gets, and what was left out of it."""

    text: bytes
    dropped: int = 0  # events past MAX_EVENTS
    overdated: int = 0  # events with more than MAX_DATES EXDATE and RDATE values
    bad_zones: list[str] = field(default_factory=list)  # TZIDs of VTIMEZONEs left out


@dataclass
class _Block:
    name: bytes
    lines: list[bytes]
    components: int = 1


_BLANKS = re.compile(rb"\n\n+")


def _logical_lines(raw: bytes) -> list[bytes]:
    """The content lines: folded lines joined (across blank lines too, as icalendar unfolds),
    line ends and blank lines dropped.

    Done by bytes.replace, in C: a property folded over a million lines costs a few copies of
    the file, not a million small strings.
    """
    text = _BLANKS.sub(b"\n", raw.replace(b"\r\n", b"\n"))
    text = text.replace(b"\n ", b"").replace(b"\n\t", b"")
    return [line for line in text.split(b"\n") if line]


def _physical(raw: bytes, index: int) -> int:
    """The file's own line number of content line `index` (0-based), for a message."""
    k, no = -1, 0
    for no, line in enumerate(raw.split(b"\n"), 1):
        line = line.removesuffix(b"\r")
        if not line or (line[:1] in (b" ", b"\t") and k >= 0):
            continue
        k += 1
        if k == index:
            return no
    return no


def scan(raw: bytes, first: date, last: date, also: frozenset[bytes] = frozenset()) -> Scan:
    """The parts of `raw` worth parsing for busy time between `first` and `last`; `also` names
    more event properties to keep (a training's sessions need their link and place).

    Raises `Broken` with the file's line number when its structure cannot be followed.
    """
    try:
        return _scan(raw, first, last, _READ | also)
    except Broken as exc:  # content line numbers become the file's, only on this rare path
        exc.line = _physical(raw, exc.line)
        if "begun" in exc.params:
            exc.params["begun"] = _physical(raw, int(str(exc.params["begun"])))
        raise


def _scan(raw: bytes, first: date, last: date, read: frozenset[bytes]) -> Scan:
    lines = _logical_lines(raw)
    lo = (first - timedelta(days=2)).strftime("%Y%m%d").encode()
    hi = (last + timedelta(days=2)).strftime("%Y%m%d").encode()
    result = Scan(b"")
    out: list[bytes] = []
    stack: list[tuple[bytes, int]] = []  # open components: name and the index of their BEGIN
    block: _Block | None = None  # the component directly inside VCALENDAR being gathered
    kept = {"events": 0, "components": 0, "zones": 0}
    for no, line in enumerate(lines):
        upper = line[:6].upper()
        if upper == b"BEGIN:":
            name = line[6:].strip().upper()
            stack.append((name, no))
            if len(stack) > MAX_DEPTH:
                raise Broken("too_deep", no, n=MAX_DEPTH)
            if len(stack) == 2 or (len(stack) == 1 and name != b"VCALENDAR"):
                block = _Block(name, [line])
                continue
            if block is not None:
                block.components += 1
        elif upper[:4] == b"END:":
            name = line[4:].strip().upper()
            only_calendar = len(stack) == 1 and stack[0][0] == b"VCALENDAR"
            if only_calendar and name.startswith(b"VCALENDAR"):
                name = b"VCALENDAR"  # "END:VCALENDARD": icalendar closes it all the same
            if not stack:
                raise Broken("stray_end", no, got=name.decode("ascii", "replace"))
            if stack[-1][0] != name:
                expected = stack[-1][0].decode("ascii", "replace")
                raise Broken("bad_end", no, got=name.decode("ascii", "replace"), expected=expected)
            stack.pop()
            if len(stack) <= 1 and block is not None and block.name == name:
                block.lines.append(line)
                if stack:  # components outside a VCALENDAR are not read at all
                    out.extend(_decide(block, lo, hi, kept, result, first, read))
                block = None
                continue
        (block.lines if block is not None else out).append(line)
    if stack:
        name, begun = stack[-1]
        raise Broken("unclosed", len(lines) - 1, name=name.decode("ascii", "replace"), begun=begun)
    result.text = b"\r\n".join(out) + b"\r\n"
    return result


def _decide(
    block: _Block,
    lo: bytes,
    hi: bytes,
    kept: dict[str, int],
    result: Scan,
    first: date,
    read: frozenset[bytes],
) -> list[bytes]:
    """The lines of one component to keep (none when it is left out)."""
    if block.name == b"VTIMEZONE":
        full = kept["zones"] >= MAX_TIMEZONES
        full = full or kept["components"] + block.components > MAX_COMPONENTS
        lines = None if full else _zone(block, first)
        if lines is None:
            tzid = _TZID.search(b"\n".join(block.lines))
            result.bad_zones.append(tzid.group(1).decode("utf-8", "replace") if tzid else "?")
            return []
        kept["zones"] += 1
        kept["components"] += block.components
        return lines
    if block.name != b"VEVENT":
        return []  # to-dos, journals, free/busy: not busy time
    lines = _event_lines(block.lines, read)
    text = b"\n".join(lines)
    if _outside(text, lo, hi):
        return []
    dates = sum(line.count(b",") + 1 for line in lines if _DATES.match(line))
    if dates > MAX_DATES:
        result.overdated += 1
        return []
    if kept["events"] >= MAX_EVENTS:
        result.dropped += 1
        return []
    kept["events"] += 1
    kept["components"] += 1
    return lines


# what diklat reads of an event (and recurring-ical-events needs); descriptions, attendees,
# attachments and alarms are most of an export and are not parsed at all
_READ = frozenset(
    b"DTSTART DTEND DURATION RRULE RDATE EXDATE RECURRENCE-ID SUMMARY TRANSP STATUS UID "
    b"SEQUENCE EXRULE X-MICROSOFT-CDO-BUSYSTATUS".split()
)
_NAME = re.compile(rb"[A-Za-z0-9-]+")
_DATES = re.compile(rb"(?:EXDATE|RDATE)[;:]", re.I)
_UNTIL = re.compile(rb"UNTIL=(\d{8})", re.I)


def _event_lines(lines: list[bytes], read: frozenset[bytes]) -> list[bytes]:
    """The VEVENT's own BEGIN and END and the properties diklat reads; no nested components."""
    out = [lines[0]]
    depth = 0
    for line in lines[1:-1]:
        upper = line[:6].upper()
        if upper == b"BEGIN:":
            depth += 1
        elif upper[:4] == b"END:":
            depth -= 1
        elif depth == 0:
            name = _NAME.match(line)
            if name is not None and name.group().upper() in read:
                out.append(line)
    out.append(lines[-1])
    return out


def _outside(text: bytes, lo: bytes, hi: bytes) -> bool:
    """The event surely ends before `lo` or starts after `hi` (dates as YYYYMMDD).

    A one-off event by its DTSTART and DTEND; a series by its UNTIL, when every rule has one and
    nothing else (RDATE, a moved occurrence) can bring it into view. Anything else is kept.
    """
    start = _DTSTART.search(text)
    if start is None or _DURATION.search(text):
        return False
    if not _RECURS.search(text):
        end = _DTEND.search(text)
        last_day = end.group(1) if end else start.group(1)
        return last_day < lo or start.group(1) > hi
    if start.group(1) > hi:
        return True  # a series that starts after the window
    rules = [line for line in text.split(b"\n") if line[:5].upper() == b"RRULE"]
    if len(rules) != len(_RECURS.findall(text)):
        return False  # RDATE or RECURRENCE-ID
    untils = [_UNTIL.search(rule) for rule in rules]
    return all(u is not None and u.group(1) < lo for u in untils)


_YEAR_START = re.compile(rb"^(DTSTART[^:]*:)(\d{4})(\d{4}T?)", re.I)


def _zone(block: _Block, first: date) -> list[bytes] | None:
    """A VTIMEZONE's lines, its yearly rules started near the window; None when not usable
    (rules not yearly, or more than MAX_TRANSITIONS transitions).

    icalendar turns every observance rule into a list of transitions up to 2038: a rule finer
    than yearly makes that list endless, and one from the year 1 two thousand entries long.
    """
    transitions = sum(
        line.count(b",") + 1
        for line in block.lines
        if line[:5].upper() == b"RDATE"
        or line.upper().startswith((b"BEGIN:STANDARD", b"BEGIN:DAYLIGHT"))
    )
    if transitions > MAX_TRANSITIONS:
        return None
    out: list[bytes] = []
    pending: int | None = None  # index in `out` of the DTSTART of the observance being read
    rule: dict[str, str] = {}
    for line in block.lines:
        upper = line.upper()
        if upper.startswith(b"BEGIN:") and upper[6:].strip() in (b"STANDARD", b"DAYLIGHT"):
            pending, rule = None, {}
        elif upper.startswith(b"DTSTART"):
            pending = len(out)
        elif upper.startswith(b"RRULE"):
            rule = _rule_parts(line)
            if rule.get("FREQ") != "YEARLY" or not rule.get("INTERVAL", "1").isdigit():
                return None
            if int(rule.get("INTERVAL", "1")) < 1:
                return None
        elif (
            upper.startswith(b"END:")
            and upper[4:].strip() in (b"STANDARD", b"DAYLIGHT")
            and pending is not None
            and rule
            and "COUNT" not in rule
        ):
            out[pending] = _later_start(out[pending], int(rule.get("INTERVAL", "1")), first)
        out.append(line)
    return out


def _rule_parts(line: bytes) -> dict[str, str]:
    body = line.split(b":", 1)[1] if b":" in line else b""
    parts: dict[str, str] = {}
    for item in body.decode("ascii", "replace").split(";"):
        name, _, value = item.partition("=")
        parts[name.strip().upper()] = value.strip().upper()
    return parts


def _later_start(line: bytes, interval: int, first: date) -> bytes:
    """DTSTART moved by whole intervals of years to just before `first`, when it is earlier."""
    m = _YEAR_START.match(line)
    if m is None:
        return line
    year = int(m.group(2))
    target = first.year - 2
    if year >= target or m.group(3).startswith(b"0229"):
        return line
    moved = year + (target - year) // interval * interval
    return line[: m.start(2)] + b"%04d" % moved + line[m.end(2) :]
