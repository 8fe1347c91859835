"""The tables a workspace file may hold, and the keys each of them accepts.

Shared by the loader (which table does a key belong to?), its problem messages (which keys are
known here?) and `diklat schema` (one JSON Schema of every table).
"""

from __future__ import annotations

import dataclasses
from typing import Any, get_args, get_type_hints

from .models import (
    CalendarSource,
    Colleague,
    Event,
    Export,
    Holiday,
    Model,
    Planning,
    Profile,
    Quiet,
    Ramadan,
    Study,
    Task,
    TaskSource,
    Training,
    Workweek,
    toml_name,
)

# the item tables any file may hold: TOML name -> (Workspace field, model)
ITEM_TABLES: dict[str, tuple[str, type[Model]]] = {
    "task": ("tasks", Task),
    "training": ("trainings", Training),
    "event": ("events", Event),
    "quiet": ("quiet", Quiet),
    "colleague": ("colleagues", Colleague),
    "calendar": ("calendars", CalendarSource),
    "holiday": ("holidays", Holiday),
    "tasks_from": ("task_sources", TaskSource),
}
# the settings tables, which only diklat.toml holds: TOML name -> model
SETTINGS_TABLES: dict[str, type[Model]] = {
    "profile": Profile,
    "workweek": Workweek,
    "ramadan": Ramadan,
    "study": Study,
    "planning": Planning,
    "export": Export,
}


def known_keys(model: type[Model], loc: tuple[Any, ...]) -> list[str]:
    """The keys a table at `loc` inside `model` accepts (by their TOML names)."""
    current: type[Model] | None = model
    for part in loc:
        if current is None:
            return []
        if isinstance(part, int):
            continue
        hints = get_type_hints(current)
        found = next((n for n in hints if toml_name(n) == part), None)
        current = _model_in(hints[found]) if found else None
    if current is None:
        return []
    return [toml_name(f.name) for f in dataclasses.fields(current)]


def _model_in(annotation: Any) -> type[Model] | None:
    """The workspace model an annotation holds: `Session` in `tuple[Session, ...]`."""
    if isinstance(annotation, type) and issubclass(annotation, Model):
        return annotation
    for arg in get_args(annotation):
        if (found := _model_in(arg)) is not None:
            return found
    return None


def home_of(key: str) -> str | None:
    """The table whose model has `key`, written as in TOML: '[planning]', '[[task]]'."""
    for name, model in SETTINGS_TABLES.items():
        if key in known_keys(model, ()):
            return f"[{name}]"
    for name, (_, model) in ITEM_TABLES.items():
        if key in known_keys(model, ()):
            return f"[[{name}]]"
    return None
