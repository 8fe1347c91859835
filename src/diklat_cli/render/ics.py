"""The .ics presenter: the plan's blocks and the training sessions as an iCalendar file.

Pure: the plan, the workspace, the earlier export identities and the export time come in; the
file's bytes and the updated identities go out, and the CLI writes both. The rules follow
docs/calendars.md and the client research behind it: one VTIMEZONE per zone used (sorted, without
icalendar's stray COMMENT), a TZID on every timed event, UIDs from identity (never from a time or
a title), DTSTAMP and SEQUENCE from the state, so the same plan gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Literal
from zoneinfo import ZoneInfo

from .. import __version__
from ..i18n import Catalog, Lang, format_time, zone_abbreviation
from ..planning.calendar import Calendar, event_days, session_days, session_zone, sessions
from ..planning.occurrences import task_id
from ..planning.plan import Plan
from ..workspace.models import Session, Workspace
from ..workspace.state import ExportIdentity, ExportState
from . import plan_words
from .escape import ics_text, ics_uri, one_line

if TYPE_CHECKING:
    from icalendar import Timezone

    from ..planning.handover import StandIn

# Fixed forever: every UID diklat has written is derived from it.
NAMESPACE = uuid.UUID("5d6a1f0e-3c2b-5e8a-9b61-0d1a6c0e2f47")

ItemKind = Literal["task", "study", "training", "event"]

M = Catalog(
    {
        "calname": {"id": "Diklat – {name}", "en": "Diklat – {name}"},
        "cat_task": {"id": "Tugas", "en": "Task"},
        "cat_study": {"id": "Belajar", "en": "Study"},
        "cat_training": {"id": "Pelatihan", "en": "Training"},
        "cat_event": {"id": "Rapat", "en": "Meeting"},
        "cat_online": {"id": "Daring", "en": "Online"},
        "cat_offline": {"id": "Luring", "en": "In person"},
        "offline": {
            "id": "Pelatihan luring: seharian tidak di kantor.",
            "en": "In-person training: away from the office all day.",
        },
        "online": {
            "id": "Sesi daring: ikuti dari meja kerja.",
            "en": "Online session: attend from your desk.",
        },
        "hours": {"id": "Jam: {start}–{end}", "en": "Hours: {start}–{end}"},
        "provider": {"id": "Penyelenggara: {provider}", "en": "Provider: {provider}"},
        "link": {"id": "Tautan: {link}", "en": "Link: {link}"},
        "steps": {"id": "Langkah:", "en": "Steps:"},
        "documents": {"id": "Dokumen: {documents}", "en": "Documents: {documents}"},
        "done": {
            "id": "Catat kemajuan: diklat done {ref}",
            "en": "Record progress: diklat done {ref}",
        },
        "study": {"id": "Belajar mandiri untuk {title}", "en": "Self-study for {title}"},
        "standin": {
            "id": "Dihadiri oleh {name} selama Anda mengikuti {training}.",
            "en": "Attended by {name} while you are at {training}.",
        },
        "standin_nobody": {
            "id": "Anda mengikuti {training}; belum ada yang ditunjuk hadir (diklat handover).",
            "en": "You are at {training}; nobody is named to attend yet (diklat handover).",
        },
    }
)


@dataclass(frozen=True)
class Item:
    """One calendar entry, before it becomes a VEVENT; `key` is its identity."""

    key: str  # kind/ref/date/ordinal: the same block of the same day keeps its UID
    kind: ItemKind
    summary: str
    start: date | datetime  # a date for an all-day entry (its end is exclusive)
    end: date | datetime
    description: str = ""
    location: str = ""
    url: str = ""
    busy: bool = True
    categories: tuple[str, ...] = ()
    uid: str = ""  # the organiser's UID (sessions_from): written as it is, so clients merge
    recurrence_id: date | datetime | None = None  # with `uid`: the occurrence of its series

    @property
    def ident(self) -> str:
        """The export state's key of an organiser's event: its UID and occurrence."""
        return f"{self.uid}#{self.recurrence_id.isoformat()}" if self.recurrence_id else self.uid

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    def sort_key(self) -> tuple[datetime, str]:
        s = self.start
        if not isinstance(s, datetime):
            s = datetime(s.year, s.month, s.day, tzinfo=UTC)
        return (s.astimezone(UTC), self.key)


def plan_uid(ws: Workspace) -> uuid.UUID:
    """The calendar's own UID: the person's NIP (or name), which outlives any single plan."""
    who = f"nip:{ws.profile.nip}" if ws.profile.nip else f"name:{ws.profile.name}"
    return uuid.uuid5(NAMESPACE, who)


def event_uid(ws: Workspace, key: str) -> str:
    return f"{uuid.uuid5(NAMESPACE, f'{plan_uid(ws)}/{key}')}@diklat"


def calendar_name(ws: Workspace, lang: Lang) -> str:
    # one line: icalendar writes X-WR-CALNAME as it is, and a line break would start a property
    name = ws.export.calendar_name or M(lang, "calname", name=ws.profile.name)
    return one_line(ics_text(name)).strip()


class _Keys:
    """Identity keys, kind/ref/date/ordinal: the same block of the same day keeps its UID."""

    def __init__(self) -> None:
        self._counts: dict[tuple[str, str, date], int] = {}

    def __call__(self, kind: str, ref: str, d: date) -> str:
        n = self._counts.get((kind, ref, d), 0)
        self._counts[(kind, ref, d)] = n + 1
        return f"{kind}/{ref}/{d.isoformat()}/{n}"


def items(
    plan: Plan,
    ws: Workspace,
    first: date,
    last: date,
    *,
    calendar: Calendar,
    include_events: bool = False,
    lang: Lang = "id",
) -> list[Item]:
    """What the export holds between `first` and `last`, in time order.

    Task and study blocks come from the plan (so only within its horizon); training sessions and
    events come from the workspace for any range, since they do not depend on the planner.
    `calendar` says which days are off (a run of sessions skips them).
    """
    tz = ZoneInfo(plan.timezone)
    key = _Keys()
    out = _block_items(plan, ws, first, last, key, tz, lang)
    out += _session_items(ws, first, last, calendar, key, tz, lang)
    if include_events:
        out += _event_items(ws, first, last, key, tz, lang, calendar)
    out.sort(key=Item.sort_key)
    return out


def _block_items(
    plan: Plan, ws: Workspace, first: date, last: date, key: _Keys, tz: ZoneInfo, lang: Lang
) -> list[Item]:
    """The plan's task and study blocks (sessions come from the workspace; breaks and busy time
    stay out)."""
    out: list[Item] = []
    for day in plan.days:
        if not first <= day.date <= last:
            continue
        for b in day.blocks:
            if b.kind not in ("task", "study"):
                continue
            ref = b.ref or b.title
            note = [text] if (text := plan_words.block_note(b, lang)) else []
            if b.kind == "task":
                note += _task_notes(ws, ref, lang)
            else:
                training = ws.training(ref)
                note.append(M(lang, "study", title=training.title if training else ref))
            if b.link:
                note.append(M(lang, "link", link=b.link))
            out.append(
                Item(
                    key(b.kind, ref, day.date),
                    b.kind,
                    plan_words.block_title(b, lang),
                    b.start.astimezone(tz),
                    b.end.astimezone(tz),
                    description="\n".join(note),
                    location=b.location,
                    url=b.link,
                    busy=b.busy,
                    categories=("Diklat", M(lang, f"cat_{b.kind}")),
                )
            )
    return out


def _task_notes(ws: Workspace, ref: str, lang: Lang) -> list[str]:
    """A task block's steps, documents and how to record progress."""
    task = ws.task(task_id(ref))
    if task is None:
        return []
    note = []
    if task.sop:
        note += [M(lang, "steps"), *(f"- {step}" for step in task.sop)]
    if task.documents:
        note.append(M(lang, "documents", documents="; ".join(task.documents)))
    note.append(M(lang, "done", ref=task_id(ref)))
    return note


def _session_items(
    ws: Workspace,
    first: date,
    last: date,
    calendar: Calendar,
    key: _Keys,
    tz: ZoneInfo,
    lang: Lang,
) -> list[Item]:
    """Every training session: an in-person day all day, an online one at its hours."""
    out: list[Item] = []
    for t in ws.trainings:
        for s in sessions(t):  # an offline training without sessions: its days in class
            if s.uid:  # the organiser's event, once, under its own UID
                if s.date and first <= s.date <= last:
                    out.append(_organiser_item(t.title, s, tz, lang))
                continue
            zone = session_zone(t, s)
            here = ZoneInfo(zone) if zone else tz  # the hours are on the clock of the place
            for d in session_days(s, first, last, calendar.is_off):
                location = s.location or t.location
                lines = [M(lang, s.mode)]
                if s.time is not None:
                    start_t, end_t = format_time(s.time.start, lang), format_time(s.time.end, lang)
                    end_t += f" {zone_abbreviation(zone)}" if zone and zone != tz.key else ""
                    lines.append(M(lang, "hours", start=start_t, end=end_t))
                if t.provider:
                    lines.append(M(lang, "provider", provider=t.provider))
                if s.link:
                    lines.append(M(lang, "link", link=s.link))
                if s.mode == "offline":
                    start: date | datetime = d
                    end: date | datetime = d + timedelta(days=1)
                else:
                    assert s.time is not None  # the model requires hours for online sessions
                    start, end = s.time.on(d, here)
                    # the training's campus is not where an online session happens; a phone
                    # shows the location as a tap target, so the link goes there
                    location = s.location or s.link
                out.append(
                    Item(
                        key("training", t.id, d),
                        "training",
                        s.title or t.title,
                        start,
                        end,
                        description="\n".join(lines),
                        location=location,
                        url=s.link,
                        categories=("Diklat", M(lang, "cat_training"), M(lang, f"cat_{s.mode}")),
                    )
                )
    return out


def _event_items(
    ws: Workspace, first: date, last: date, key: _Keys, tz: ZoneInfo, lang: Lang, cal: Calendar
) -> list[Item]:
    """The workspace's meetings (`--include-events`): only those she attends are busy time. A
    repeating meeting's occurrence on a holiday is left out; one given to someone while she is
    at a training is free time, with who attends (docs/calendars.md)."""
    from ..planning.handover import stand_ins

    away = stand_ins(ws, cal, first, last)
    out: list[Item] = []
    for i, ev in enumerate(ws.events):
        ref = ev.id or f"title:{ev.title}"  # without an id, the title is all that names it
        for d in event_days(ev, first, last):
            if cal.cancelled(ev, d):
                continue
            standin = away.get((i, d))
            start: date | datetime
            end: date | datetime
            if ev.time is None:
                start, end = d, d + timedelta(days=1)
            else:
                start, end = ev.time.on(d, ZoneInfo(ev.timezone) if ev.timezone else tz)
            out.append(
                Item(
                    key("event", ref, d),
                    "event",
                    ev.title,
                    start,
                    end,
                    description="\n".join(
                        x
                        for x in (
                            _stand_in(standin, lang) if standin else "",
                            M(lang, "link", link=ev.link) if ev.link else "",
                        )
                        if x
                    ),
                    location=ev.location or ev.link,
                    url=ev.link,
                    busy=standin is None,
                    categories=("Diklat", M(lang, "cat_event")),
                )
            )
    return out


def _stand_in(s: StandIn, lang: Lang) -> str:
    if s.attendee is None:
        return M(lang, "standin_nobody", training=s.training.title)
    return M(lang, "standin", name=s.attendee.name, training=s.training.title)


def _organiser_item(training: str, s: Session, tz: ZoneInfo, lang: Lang) -> Item:
    """A session read from the organiser's .ics, as the organiser wrote it: its days, its hours."""
    assert s.date is not None  # imported sessions are runs of days
    last = s.until or s.date
    start: date | datetime = s.date
    end: date | datetime = last + timedelta(days=1)
    if s.time is not None:
        start, end = s.time.on(s.date, tz)[0], s.time.on(last, tz)[1]
    return Item(
        f"training/{s.uid}/{s.date.isoformat()}",
        "training",
        s.title or training,
        start,
        end,
        description=M(lang, "link", link=s.link) if s.link else "",
        location=s.location or s.link,
        url=s.link,
        categories=("Diklat", M(lang, "cat_training"), M(lang, f"cat_{s.mode}")),
        uid=s.uid,
        recurrence_id=s.recurrence_id,
    )


def content_hash(item: Item, reminder_minutes: int) -> str:
    """What a change of the entry means: anything a user would see, never its identity fields."""
    data = asdict(item)
    data.pop("key")
    data["reminder"] = reminder_minutes if not item.all_day else 0
    text = json.dumps(data, default=str, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def revise(
    entries: list[tuple[str, str]], state: ExportState, now: datetime
) -> tuple[dict[str, ExportIdentity], ExportState]:
    """Identity of each (uid, hash): kept when unchanged, SEQUENCE+1 and DTSTAMP `now` when not.

    UIDs not in this export stay in the state, so exporting another range later does not reset
    their revisions.
    """
    now = now.astimezone(UTC).replace(microsecond=0)
    current: dict[str, ExportIdentity] = {}
    for uid, digest in entries:
        old = state.events.get(uid)
        if old is None:
            current[uid] = ExportIdentity(digest, 0, now)
        elif old.hash == digest:
            current[uid] = old
        else:
            current[uid] = ExportIdentity(digest, old.sequence + 1, now)
    return current, ExportState({**state.events, **current})


def _shifts(zone: ZoneInfo, year: int) -> bool:
    """Whether `zone` keeps summer time in `year` (Indonesia's zones do not)."""
    jan, jul = datetime(year, 1, 1, tzinfo=zone), datetime(year, 7, 1, tzinfo=zone)
    return jan.utcoffset() != jul.utcoffset()


@lru_cache(maxsize=16)
def _vtimezone(tzid: str) -> Timezone:
    from icalendar import Timezone

    tz = Timezone.from_tzid(tzid)  # slow: generated from the zone's transitions, hence the cache
    tz.pop("COMMENT", None)  # RFC 5545 allows COMMENT only inside STANDARD/DAYLIGHT
    return tz


def to_ical(
    plan: Plan,
    ws: Workspace,
    first: date,
    last: date,
    *,
    calendar: Calendar,
    state: ExportState,
    now: datetime,
    include_events: bool = False,
    lang: Lang = "id",
) -> tuple[bytes, ExportState]:
    """The .ics file's bytes, and the export identities to remember for next time."""
    entries = items(
        plan, ws, first, last, calendar=calendar, include_events=include_events, lang=lang
    )
    return render(entries, ws, plan.timezone, state=state, now=now, lang=lang)


def render(
    entries: list[Item],
    ws: Workspace,
    timezone: str,
    *,
    state: ExportState,
    now: datetime,
    lang: Lang = "id",
    uid: Callable[[Workspace, str], str] = event_uid,
) -> tuple[bytes, ExportState]:
    from icalendar import TRANSP, Alarm, Calendar, Event

    reminder = ws.export.reminder_minutes
    uids = [it.ident or uid(ws, it.key) for it in entries]
    current, new_state = revise(
        [(u, content_hash(it, reminder)) for u, it in zip(uids, entries, strict=True)], state, now
    )
    major_minor = ".".join(__version__.split(".")[:2])
    cal = Calendar.new(
        prodid=f"-//diklat//diklat {major_minor}//{lang.upper()}",
        name=calendar_name(ws, lang),
        uid=plan_uid(ws),
    )
    cal.add("X-WR-TIMEZONE", timezone)
    tz = ZoneInfo(timezone)
    # the profile's zone is always there: it is X-WR-TIMEZONE's, and RFC 5545 wants at least
    # one component even when the range holds no event
    zones: set[str] = {timezone}
    for u, it in zip(uids, entries, strict=True):
        start, end = it.start, it.end
        if isinstance(start, datetime) and isinstance(end, datetime):
            # an item written on another clock (`timezone`) keeps its own zone: WIB stays visible
            own = start.tzinfo if isinstance(start.tzinfo, ZoneInfo) else tz
            if own is not tz and _shifts(
                own, start.year
            ):  # Outlook misreads a generated DST VTIMEZONE
                start, end = start.astimezone(UTC), end.astimezone(UTC)
            else:
                start, end = start.astimezone(own), end.astimezone(own)
                zones.add(own.key)
        ident = current[u]
        ev = Event.new(
            uid=it.uid or u,
            summary=ics_text(it.summary),
            start=start,
            end=end,
            stamp=ident.stamp,
            sequence=ident.sequence,
            transparency=TRANSP.OPAQUE if it.busy else TRANSP.TRANSPARENT,
            categories=[one_line(ics_text(c)) for c in it.categories],
            description=ics_text(it.description) or None,
            location=ics_text(it.location) or None,
            url=ics_uri(it.url),  # TEXT is escaped by icalendar; a URI is not: only a safe one
        )
        if it.recurrence_id is not None:
            ev.add("RECURRENCE-ID", it.recurrence_id)
        if reminder and not it.all_day and it.busy:
            # an all-day entry would ring at 23.50 the night before: no help to anyone
            ev.add_component(
                Alarm.new_display(
                    description=ics_text(it.summary) or "Diklat",
                    trigger=timedelta(minutes=-reminder),
                )
            )
        cal.add_component(ev)
    for i, tzid in enumerate(sorted(zones)):
        cal.subcomponents.insert(i, _vtimezone(tzid))
    return cal.to_ical(), new_state
