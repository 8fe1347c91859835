"""Deterministic generated workspaces for the benchmark: N tasks over a year, one person's queue.

One call of `generate(n, load)` gives the same workspace every time (the seed is derived from n and
the load). It holds:

- the default work week, a planning horizon of 365 days and `min_block = "15m"`;
- meetings: a weekly coordination meeting, a fortnightly evaluation, a dozen one-off meetings;
- one blended training: a week away at an offline session, weekly online sessions, self-study;
- recurring duties (about 5-12 % of the N jobs, expanded into occurrences `ID@YYYY-MM-DD`);
- one-off tasks: estimates drawn log-uniformly from 30 minutes to 2 working days, 90 % with a due
  date (uniform over the working days of the year, 10 % of them with a time of day), 30 % important.

The load fixes the total work: all estimates are scaled by one factor so that the work with a due
date equals `load` x the free working minutes of the year (working hours minus breaks, holidays,
meetings and training sessions, measured with diklat's own `Calendar`). A year holds about 100,000
free minutes, so the scale makes a 100-task year's tasks long (about 2 days each at 130 %) and a
10,000-task year's tasks short (about 10 minutes each); the spread of sizes stays the same.

Besides the diklat workspace folder, `write` produces the same jobs for the peers: `peers.json`
(every job with its minutes, due instant and the free minutes of the working-minute line before it,
plus each day's free minutes) and `taskwarrior.json` (for `task import`).
"""

from __future__ import annotations

import json
import math
import random
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import tomli_w

from diklat_cli.planning.calendar import Calendar
from diklat_cli.workspace.holidays_id import HolidayCache, HolidayData, holiday_data
from diklat_cli.workspace.loader import validate
from diklat_cli.workspace.models import Workspace
from diklat_cli.workspace.values import expand_rrule

TODAY = date(2027, 1, 4)  # a Monday; the plan's first day
HORIZON = 365
TZ = "Asia/Jakarta"
LOADS = {"under": 0.70, "over": 1.30}
ESTIMATE_RANGE = (30, 900)  # minutes: half an hour to two 7.5-hour working days
IMPORTANT_SHARE = 0.30
NO_DUE_SHARE = 0.10
TIMED_DUE_SHARE = 0.10
MIN_ESTIMATE = 1
MIN_BLOCK = "15m"
PLANNING_EXTRA: dict[str, Any] = {}  # more [planning] keys for every workspace (run.py --planning)

TITLES = (
    "Laporan kinerja",
    "Telaah staf",
    "Nota dinas",
    "Rekap data SIPD",
    "Draf Renja",
    "Verifikasi SPJ",
    "Notulen rapat",
    "Surat undangan",
    "Bahan paparan",
    "Evaluasi program",
    "Input e-kinerja",
    "Kajian teknis",
)

# (rule, title): recurring duties on weekdays, so each occurrence is due on a possible working day
RECURRING = (
    ("FREQ=WEEKLY;BYDAY=FR", "Rekap absensi bidang"),
    ("FREQ=MONTHLY;BYDAY=-1FR", "Laporan bulanan"),
    ("FREQ=WEEKLY;BYDAY=MO", "Update dashboard kinerja"),
    ("FREQ=MONTHLY;BYDAY=2WE", "Rekonsiliasi anggaran"),
)


@dataclass(frozen=True)
class Job:
    """One unit of work with one deadline: a one-off task or one occurrence of a recurring one."""

    id: str
    title: str
    minutes: int
    due: datetime | None  # the due instant (a date's due instant is the end of its working day)
    due_date: date | None
    important: bool
    capacity: int | None  # free working minutes from the plan's start to the due instant


@dataclass
class Generated:
    n: int
    load_name: str
    seed: int
    settings: dict[str, Any]
    items: dict[str, Any]
    jobs: list[Job]
    day_free: dict[date, int]  # free working minutes per day of the horizon
    day_work: dict[date, int]  # working minutes per day (hours minus breaks; 0 when off or away)
    capacity: int = 0
    load: float = 0.0  # work with a due date / capacity, after rounding
    extra: dict[str, Any] = field(default_factory=dict)


def seed_for(n: int, load_name: str) -> int:
    return n * 10 + (1 if load_name == "over" else 0) + 20270104


def settings(horizon: int = HORIZON, min_block: str = MIN_BLOCK) -> dict[str, Any]:
    return {
        "profile": {
            "name": "Rina Wulandari, S.E.",
            "position": "Perencana Ahli Muda",
            "unit": "Bidang Perencanaan, Bappeda Kabupaten Contoh",
            "timezone": TZ,
            "language": "id",
        },
        "planning": {"horizon_days": horizon, "min_block": min_block, **PLANNING_EXTRA},
        "study": {"max_per_day": "1h30m", "max_per_week": "6h"},
    }


def fixed_items(first: date, last: date, rng: random.Random) -> dict[str, Any]:
    """Meetings and one training: the same calendar at every size, only the tasks differ."""
    events: list[dict[str, Any]] = [
        {
            "title": "Rapat koordinasi bidang",
            "rrule": "FREQ=WEEKLY;BYDAY=MO",
            "from": first,
            "time": "08:00-09:00",
            "location": "Ruang Rapat Bappeda",
        },
        {
            "title": "Rapat evaluasi program",
            "rrule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
            "from": first,
            "time": "13:00-14:30",
        },
    ]
    span = (last - first).days
    for i in range(12):
        d = first + timedelta(days=rng.randrange(span))
        while d.weekday() >= 5:
            d += timedelta(days=1)
        hour = rng.choice((9, 10, 13, 14))
        events.append(
            {
                "title": f"Rapat pembahasan {i + 1}",
                "date": d,
                "time": f"{hour:02d}:00-{hour + 2:02d}:00",
            }
        )
    start = first + timedelta(days=63)  # a Monday, nine weeks in
    training = {
        "id": "pelatihan-pbj",
        "title": "Pelatihan Pengadaan Barang/Jasa",
        "kind": "teknis",
        "format": "blended",
        "provider": "BPSDM Provinsi",
        "start": start,
        "end": start + timedelta(days=60),
        "jp": 60,
        "study_per_week": "3h",
        "session": [
            {"date": start, "until": start + timedelta(days=4), "mode": "offline"},
            {
                "rrule": "FREQ=WEEKLY;BYDAY=WE",
                "from": start + timedelta(days=9),
                "until": start + timedelta(days=60),
                "time": "13:00-15:00",
                "mode": "online",
            },
        ],
    }
    return {"event": events, "training": [training]}


def _minutes(spans: list[tuple[datetime, datetime]]) -> int:
    return sum(int((b - a).total_seconds() // 60) for a, b in spans)


def generate(
    n: int,
    load_name: str,
    *,
    holidays: HolidayData | None = None,
    today: date = TODAY,
    horizon: int = HORIZON,
    min_block: str = MIN_BLOCK,
) -> Generated:
    """The workspace and jobs for `n` jobs at load `load_name` ("under" or "over")."""
    load = LOADS[load_name]
    seed = seed_for(n, load_name)
    rng = random.Random(seed)
    first, last = today, today + timedelta(days=horizon - 1)
    if holidays is None:
        holidays = holiday_data(
            range(first.year, last.year + 1), public=True, cuti_bersama=True, cache=None
        )
    base = settings(horizon, min_block)
    fixed = fixed_items(first, last, rng)
    ws = validate(
        Workspace,
        {**base, "events": fixed["event"], "trainings": fixed["training"]},
        {"jp_minutes": 45, "timezone": TZ},
    )
    cal = Calendar(ws, holidays, first, last)
    tz = ZoneInfo(TZ)
    days = cal.days()
    day_free = {d: _minutes(cal.free(d)) for d in days}
    day_work = {d: _minutes(cal.work_time(d)) for d in days}
    working = [d for d in days if day_free[d] > 0]

    def due_instant(d: date, at: time | None) -> datetime:
        if at is not None:
            return datetime.combine(d, at, tz)
        info = cal.day(d)
        if info.hours is not None:
            return info.hours.on(d, tz)[1]
        return datetime.combine(d, time(23, 59), tz)

    # recurring duties: about 6 % of the jobs
    n_templates = max(1, n // 500)
    templates: list[dict[str, Any]] = []
    shapes: list[tuple[str, str, float, datetime | None, date | None, bool]] = []
    for k in range(n_templates):
        rule, title = RECURRING[k % len(RECURRING)]
        if n_templates == 1:
            rule, title = RECURRING[1]  # monthly: 12 of the 100 jobs
        tid = f"rutin-{k + 1:03d}"
        shape = rng.uniform(30, 90)
        important = rng.random() < IMPORTANT_SHARE
        templates.append(
            {
                "id": tid,
                "title": title if k < len(RECURRING) else f"{title} {k + 1}",
                "estimate": "",  # filled once the scale is known
                "recurs": rule,
                "from": first,
                "until": last,
                "important": important,
                "_shape": shape,
            }
        )
        for d in expand_rrule(rule, first, first, last):
            shapes.append(
                (f"{tid}@{d.isoformat()}", title, shape, due_instant(d, None), d, important)
            )
    one_offs: list[dict[str, Any]] = []
    lo, hi = (math.log(x) for x in ESTIMATE_RANGE)
    for i in range(max(0, n - len(shapes))):
        tid = f"t{i + 1:05d}"
        title = f"{rng.choice(TITLES)} {i + 1}"
        shape = math.exp(rng.uniform(lo, hi))
        important = rng.random() < IMPORTANT_SHARE
        task: dict[str, Any] = {"id": tid, "title": title, "important": important, "_shape": shape}
        due: datetime | None = None
        due_day: date | None = None
        if rng.random() >= NO_DUE_SHARE:
            due_day = rng.choice(working)
            if rng.random() < TIMED_DUE_SHARE:
                at = time(rng.choice((9, 10, 11, 13, 14, 15)), 0)
                due = due_instant(due_day, at)
                task["due"] = datetime.combine(due_day, at)  # TOML local date-time
            else:
                due = due_instant(due_day, None)
                task["due"] = due_day
        if rng.random() < 0.05:
            task["urgent"] = True
        one_offs.append(task)
        shapes.append((tid, title, shape, due, due_day, important))

    # capacity: free minutes of the horizon; scale the work with a due date to load x capacity
    capacity = sum(day_free.values())
    due_shape = sum(s for _, _, s, due, _, _ in shapes if due is not None)
    scale = load * capacity / due_shape if due_shape else 1.0

    def est(shape: float, scale: float) -> int:
        minutes = shape * scale
        step = 5 if minutes >= 30 else 1  # "95m" reads natural; short chores keep their minutes
        return max(MIN_ESTIMATE, round(minutes / step) * step)

    # the floor and the rounding shift the total: correct the scale until the load holds
    due_shapes = [s for _, _, s, due, _, _ in shapes if due is not None]
    for _ in range(8):
        work = sum(est(s, scale) for s in due_shapes)
        if not work or abs(work / capacity - load) < 0.002:
            break
        scale *= load * capacity / work

    for t in (*templates, *one_offs):
        t["estimate"] = f"{est(t.pop('_shape'), scale)}m"

    # free minutes before each due instant, on the working-minute line
    free_spans = {d: cal.free(d) for d in working}

    def capacity_before(due: datetime) -> int:
        total = 0
        for d in working:
            if d > due.date():
                break
            for a, b in free_spans[d]:
                if b <= due:
                    total += int((b - a).total_seconds() // 60)
                elif a < due:
                    total += int((due - a).total_seconds() // 60)
        return total

    # cumulative free minutes by day make capacity_before cheap for the 10,000-task case
    cum: dict[date, int] = {}
    running = 0
    for d in days:
        cum[d] = running  # free minutes before day d
        running += day_free[d]

    def cap(due: datetime) -> int:
        d = due.date()
        if d > last:
            return capacity
        base_minutes = cum.get(d, 0)
        spans = free_spans.get(d, [])
        return base_minutes + sum(
            int((min(b, due) - a).total_seconds() // 60) for a, b in spans if a < due
        )

    jobs = [
        Job(jid, title, est(shape, scale), due, due_day, important, cap(due) if due else None)
        for jid, title, shape, due, due_day, important in shapes
    ]
    assert all(cap(j.due) == capacity_before(j.due) for j in jobs[:50] if j.due is not None), (
        "the capacity shortcut disagrees with the direct sum"
    )
    work = sum(j.minutes for j in jobs if j.due is not None)
    items = {"task": [*templates, *one_offs], **fixed}
    return Generated(
        n=n,
        load_name=load_name,
        seed=seed,
        settings=base,
        items=items,
        jobs=jobs,
        day_free=day_free,
        day_work=day_work,
        capacity=capacity,
        load=work / capacity if capacity else 0.0,
        extra={
            "scale": scale,
            "templates": len(templates),
            "occurrences": len(shapes) - len(one_offs),
        },
    )


def write_workspace(gen: Generated, folder: Path) -> Path:
    """A diklat workspace folder: diklat.toml (settings) and tugas.toml (tasks, events, training)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "diklat.toml").write_text(tomli_w.dumps(gen.settings), "utf-8")
    (folder / "tugas.toml").write_text(tomli_w.dumps(gen.items), "utf-8")
    return folder


def peers_payload(gen: Generated, today: date = TODAY) -> dict[str, Any]:
    return {
        "n": gen.n,
        "load": gen.load_name,
        "today": today.isoformat(),
        "timezone": TZ,
        "capacity": gen.capacity,
        "day_free": {d.isoformat(): m for d, m in gen.day_free.items()},
        "day_work": {d.isoformat(): m for d, m in gen.day_work.items()},
        "jobs": [
            {
                "id": j.id,
                "title": j.title,
                "minutes": j.minutes,
                "due": j.due.isoformat() if j.due else None,
                "due_date": j.due_date.isoformat() if j.due_date else None,
                "important": j.important,
                "capacity": j.capacity,
            }
            for j in gen.jobs
        ],
    }


def taskwarrior_payload(gen: Generated, today: date = TODAY) -> list[dict[str, Any]]:
    """The same jobs as Taskwarrior's import format (occurrences as plain tasks)."""
    entry = datetime.combine(today, time(), ZoneInfo(TZ)).astimezone(ZoneInfo("UTC"))
    utc = ZoneInfo("UTC")
    out = []
    for j in gen.jobs:
        t: dict[str, Any] = {
            "uuid": str(
                uuid.uuid5(uuid.NAMESPACE_URL, f"diklat-bench/{gen.n}/{gen.load_name}/{j.id}")
            ),
            "description": j.title,
            "status": "pending",
            "entry": f"{entry:%Y%m%dT%H%M%SZ}",
            "project": "kantor",
            "tags": ["rutin"] if "@" in j.id else ["tugas"],
        }
        if j.due is not None:
            t["due"] = f"{j.due.astimezone(utc):%Y%m%dT%H%M%SZ}"
        if j.important:
            t["priority"] = "H"
        out.append(t)
    return out


def write(gen: Generated, folder: Path) -> dict[str, Path]:
    """Everything one benchmark case needs, under `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    ws = write_workspace(gen, folder / "workspace")
    peers = folder / "peers.json"
    peers.write_text(json.dumps(peers_payload(gen)), "utf-8")
    tw = folder / "taskwarrior.json"
    tw.write_text(json.dumps(taskwarrior_payload(gen)), "utf-8")
    return {"workspace": ws, "peers": peers, "taskwarrior": tw}


def cached_holidays(
    cache_file: Path | None, today: date = TODAY, horizon: int = HORIZON
) -> HolidayData:
    last = today + timedelta(days=horizon - 1)
    cache = HolidayCache(cache_file)
    data = holiday_data(
        range(today.year, last.year + 1), public=True, cuti_bersama=True, cache=cache
    )
    cache.save()
    return data


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Write the generated benchmark workspaces.")
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "work")
    args = parser.parse_args()
    hol = cached_holidays(None)
    for size in (int(s) for s in args.sizes.split(",")):
        for name in LOADS:
            g = generate(size, name, holidays=hol)
            paths = write(g, args.out / f"n{size}-{name}")
            print(f"{paths['workspace']}: {len(g.jobs)} jobs, load {g.load:.0%}")
