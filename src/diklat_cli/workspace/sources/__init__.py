"""What people already have, read live: task lists ([[tasks_from]]) and organisers' schedules.

`import_all` runs in the loader after the TOML items are validated and before the checks across
them: the tasks of every [[tasks_from]] join the [[task]] items, and the sessions of every
training's `sessions_from` join its [[training.session]] tables, as the same models. So the
planner and every command see them without knowing where they came from. Each source file is
recorded (path, time stamp, size) so that the workspace cache is served only while none changed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ...errors import Problem
from ...i18n import Lang
from ..files import Stamp, stamp
from ..models import Colleague, Profile, Task, TaskSource, Training
from .common import Draft, People, Reading, to_tasks


def resolve(root: Path, text: str) -> Path:
    path = Path(text).expanduser()
    return path if path.is_absolute() else root / path


def kind_of(source: TaskSource) -> str:
    if source.format != "auto":
        return source.format
    return "trello" if source.path.lower().endswith(".json") else "sheet"


def read_tasks(
    source: TaskSource,
    reading: Reading,
    people: People,
    context: dict[str, Any],
    known: dict[str, str],
) -> list[Task]:
    """The open tasks of one [[tasks_from]] file, validated as [[task]] items.

    `known` holds the ids taken so far (id -> where): an id taken twice is a problem of its row.
    """
    from .sheets import read_sheet, with_ids

    kind = kind_of(source)
    drafts: list[Draft]
    if kind == "trello":
        from .trello import read_trello

        drafts = read_trello(reading, source.lists, people, context["timezone"])
    elif kind == "asana":
        from .asana import read_asana

        drafts = read_asana(reading, source.lists, people, source.columns.get("estimate", ""))
    else:
        drafts = read_sheet(reading, source.columns, source.sheet, people)
    fresh: list[Draft] = []
    for d in with_ids(drafts, source.id_prefix):
        d.data.setdefault("estimate", f"{source.estimate}m")
        if source.tags:
            d.data["tags"] = (*d.data.get("tags", ()), *source.tags)
        ident = str(d.data["id"])
        if ident in known:
            where = d.where or d.columns.get("id", d.columns.get("title", ""))
            other = known[ident]
            reading.add(
                d.row,
                where,
                reading.say("duplicate", id=ident, other=other),
                reading.say("duplicate_fix"),
            )
            continue
        known[ident] = f"{reading.name}:{d.row}" if d.row else reading.name
        fresh.append(d)
    return to_tasks(fresh, reading, context)


def import_all(
    root: Path,
    name: Callable[[Path], str],
    lang: Lang,
    context: dict[str, Any],
    items: dict[str, list[Any]],
    profile: Profile | None,
) -> tuple[list[Problem], tuple[Stamp, ...]]:
    """Add the imported tasks and sessions to `items`; the problems, and the files read."""
    problems: list[Problem] = []
    stamps: list[Stamp] = []
    colleagues: tuple[Colleague, ...] = tuple(items["colleagues"])
    people = People(colleagues, profile.name if profile else "")
    known = {t.id: "[[task]]" for t in items["tasks"]}
    for source in items["task_sources"]:
        path = resolve(root, source.path)
        stamps.append(stamp(path))
        reading = Reading(name(path), path, lang)
        items["tasks"] += read_tasks(source, reading, people, context, known)
        problems += reading.problems
    trainings: list[Training] = items["trainings"]
    for i, training in enumerate(trainings):
        if not training.sessions_from:
            continue
        from .sessions import read_sessions

        path = resolve(root, training.sessions_from)
        stamps.append(stamp(path))
        reading = Reading(name(path), path, lang)
        tz = ZoneInfo(context["timezone"])
        sessions = read_sessions(
            training, reading, tz, training.sessions_match, training.sessions_mode
        )
        trainings[i] = dataclasses.replace(training, session=(*training.session, *sessions))
        problems += reading.problems
    return problems, tuple(stamps)
