"""A training's sessions from the organiser's calendar: `sessions_from = "jadwal.ics"`.

An LMS feed (SIMPEL, MOOC ASN), a Zoom or Teams invitation or a committee's shared Google
Calendar, saved into the workspace. It is read the way [[calendar]] files are (icsimport: the
same caps, time zones, recurrences, exceptions and cancellations), within the training's own
dates, and each occurrence becomes an ordinary [[training.session]] that keeps the organiser's
UID, so `diklat export` writes it back as the same event, not a duplicate.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

from ...errors import Problem
from ...i18n import Catalog
from .. import icsscan
from ..icsimport import CalendarReading, Unusable, broken, parse_calendars, prepare
from ..models import Session, Training
from ..values import TimeRange
from .common import Reading

M = Catalog(
    {
        "where": {"id": "sessions_from", "en": "sessions_from"},
        "event": {"id": "acara '{title}'", "en": "event '{title}'"},
        "none": {
            "id": "tidak ada acara{match} antara {start} dan {end}, tanggal pelatihan '{training}'",
            "en": "no event{match} between {start} and {end}, the dates of training '{training}'",
        },
        "none_match": {"id": " yang cocok dengan '{text}'", "en": " matching '{text}'"},
        "none_fix": {
            "id": "periksa start/end pelatihan, sessions_match, atau unduh ulang jadwalnya",
            "en": "check the training's start/end, sessions_match, or download the schedule again",
        },
    }
)

# a meeting link in URL, LOCATION or DESCRIPTION: Zoom, Teams, Google Meet, Webex, Jitsi
# what a session needs of an event besides what busy time needs: its link, place and labels
SESSION_FIELDS = frozenset(b"URL LOCATION DESCRIPTION CATEGORIES".split())
LINK = re.compile(
    r"https?://(?:[\w-]+\.)*(?:zoom\.us/(?:j|my|w)/|teams\.microsoft\.com/l/meetup-join/|"
    r"teams\.live\.com/meet/|meet\.google\.com/|[\w-]+\.webex\.com/|meet\.jit\.si/)[^\s<>\"'\\]*",
    re.I,
)
# a LOCATION that names the meeting service, not a place
_VIRTUAL = re.compile(r"^\s*(?:rapat )?(microsoft teams|zoom|google meet|webex)\b", re.I)
_SKIPPED = ("bad_event", "bad_series")  # what makes an organiser's event unusable


class _Collect(CalendarReading):
    """icsimport's reading, keeping the events it had to drop (they become problems here)."""

    dropped: list[tuple[str, dict[str, object]]]

    def warn(self, key: str, **params: object) -> None:
        if key in _SKIPPED:
            self.dropped.append((key, params))


def link_in(*texts: str) -> str:
    for text in texts:
        if m := LINK.search(text or ""):
            return m.group(0).rstrip(".,;)")
    return ""


def read_sessions(
    training: Training, reading: Reading, tz: ZoneInfo, match: str, mode: str
) -> list[Session]:
    """The sessions of `training` in the .ics file, between its start and its end."""
    raw = reading.raw()
    if raw is None:
        return []
    if raw.find(b"\x00", 0, 8192) >= 0:
        reading.add(1, "", reading.say("binary", kind="NUL"), reading.say("binary_fix"))
        return []

    def unusable(what: str, fix: str = "", line: int | None = None) -> Unusable:
        return Unusable(Problem(reading.name, line, "", what, fix))

    try:
        try:
            scanned = icsscan.scan(
                raw.removeprefix(b"\xef\xbb\xbf"), training.start, training.end, SESSION_FIELDS
            )
        except icsscan.Broken as exc:
            raise unusable(broken(exc, reading.lang), "", exc.line) from None
        cals = parse_calendars(scanned.text, unusable, reading.lang)
    except Unusable as exc:
        reading.problems.append(exc.problem)
        return []
    collect = _Collect(reading.name, tz, reading.lang)
    collect.dropped = []
    out: list[Session] = []
    for cal in cals:
        out += _sessions(cal, collect, training, match, mode)
    for _key, params in collect.dropped:
        where = M(reading.lang, "event", title=params.get("event", "?"))
        reading.add(None, where, str(params.get("error", "")), "")
    if not out and not collect.dropped:
        found = M(reading.lang, "none_match", text=match) if match else ""
        what = M(
            reading.lang,
            "none",
            match=found,
            start=training.start,
            end=training.end,
            training=training.id,
        )
        reading.add(None, M(reading.lang, "where"), what, M(reading.lang, "none_fix"))
    return out


def _sessions(
    cal: Any, reading: _Collect, training: Training, match: str, mode: str
) -> list[Session]:
    import recurring_ical_events

    floating = prepare(cal, reading, training.start, training.end)
    recurring = {
        str(c.get("UID", ""))
        for c in cal.walk("VEVENT")
        if any(c.get(p) is not None for p in ("RRULE", "RDATE", "RECURRENCE-ID"))
    }
    start = datetime.combine(training.start, time(), reading.tz)
    stop = datetime.combine(training.end + timedelta(days=1), time(), reading.tz)
    out: list[Session] = []
    try:
        occurrences = list(recurring_ical_events.of(cal, skip_bad_series=True).between(start, stop))
    except Exception as exc:  # a series too broken even to be skipped
        reading.dropped.append(("bad_series", {"event": "VCALENDAR", "error": exc}))
        return []
    for event in occurrences:
        if str(event.get("STATUS", "")).strip().upper() == "CANCELLED":
            continue
        if match and not _matches(event, match):
            continue
        session = _session(event, reading, floating, recurring, mode)
        if session is not None:
            out.append(session)
    out.sort(key=lambda s: (s.date or date.min, s.time.start if s.time else time()))
    return out


def _matches(event: Any, match: str) -> bool:
    wanted = match.casefold()
    if wanted in str(event.get("SUMMARY", "")).casefold():
        return True
    cats = event.get("CATEGORIES")
    for c in cats if isinstance(cats, list) else [cats] if cats is not None else []:
        names = getattr(c, "cats", None) or [str(c)]
        if any(wanted in str(n).casefold() for n in names):
            return True
    return False


def _session(
    event: Any, reading: _Collect, floating: ZoneInfo, recurring: set[str], mode: str
) -> Session | None:
    title = str(event.get("SUMMARY", "")).strip()
    try:
        s, e = event.start, event.end
    except Exception as exc:  # an end before its start, a broken DURATION
        reading.dropped.append(("bad_event", {"event": title, "error": exc}))
        return None
    url = str(event.get("URL", "") or "")
    location = str(event.get("LOCATION", "") or "").strip()
    link = link_in(url, location, str(event.get("DESCRIPTION", "") or ""))
    if location and link and (link_in(location) == location or _VIRTUAL.search(location)):
        location = ""  # Zoom writes the join link as the location, Teams "Microsoft Teams Meeting"
    uid = str(event.get("UID", "") or "").strip()
    rid: date | datetime | None = None
    if uid in recurring and event.get("RECURRENCE-ID") is not None:
        rid = event["RECURRENCE-ID"].dt
    common: dict[str, Any] = {"title": title, "location": location, "link": link, "uid": uid}
    if not isinstance(s, datetime):  # all day: the whole day(s) at the training
        last = (e - timedelta(days=1)) if isinstance(e, date) and e > s else s
        until = last if last > s else None
        return Session(date=s, until=until, mode="offline", recurrence_id=rid, **common)
    tz = reading.tz
    s = (s if s.tzinfo else s.replace(tzinfo=floating)).astimezone(tz)
    e = (e if isinstance(e, datetime) else s) if e is not None else s
    e = (e if e.tzinfo else e.replace(tzinfo=floating)).astimezone(tz)
    if e <= s:
        return None  # a reminder-like point in time
    end = e.time() if e.date() == s.date() else time(23, 59)
    if isinstance(rid, datetime):
        rid = rid.astimezone(tz) if rid.tzinfo else rid.replace(tzinfo=floating).astimezone(tz)
    chosen = mode if mode in ("online", "offline") else ("online" if link else "offline")
    span = TimeRange(
        s.time().replace(second=0, microsecond=0), end.replace(second=0, microsecond=0)
    )
    if span.minutes <= 0:
        return None
    until = e.date() if e.date() > s.date() else None
    return Session(
        date=s.date(), until=until, time=span, mode=cast(Any, chosen), recurrence_id=rid, **common
    )
