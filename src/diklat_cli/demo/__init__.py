"""The embedded demo workspace, and moving its dates so that it always shows a real week.

The TOML files in this folder are written for the week that starts on `ANCHOR`. `shift_to` moves
every date by whole weeks so that this week becomes the current one (or, on a weekend, the
coming one): weekdays keep their meaning (the Monday meeting stays on Monday), deadlines fall in
the coming days and the training starts about two weeks ahead, whenever the demo runs.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from ..workspace.models import Model, Workspace

ANCHOR = date(2026, 11, 30)  # a Monday: the demo files' "this week"

# the workspace's item tables; settings such as [ramadan] start/end are real calendar dates
_ITEMS = ("tasks", "trainings", "events", "quiet", "colleagues", "holidays")

M = TypeVar("M", bound=Model)


def offset(today: date) -> timedelta:
    """Whole weeks from the anchor week to the week `today` works in (the next one on weekends)."""
    monday = today - timedelta(days=today.weekday())
    if today.weekday() >= 5:
        monday += timedelta(days=7)
    return monday - ANCHOR


def shift_to(ws: Workspace, today: date) -> Workspace:
    """The demo with every date of its items moved by whole weeks to `today`'s week."""
    delta = offset(today)
    if not delta:
        return ws
    return dataclasses.replace(ws, **{name: _shift(getattr(ws, name), delta) for name in _ITEMS})


def _shift(value: Any, delta: timedelta) -> Any:
    if isinstance(value, date | datetime):  # datetime is a date: one addition serves both
        return value + delta
    if isinstance(value, tuple):
        return tuple(_shift(v, delta) for v in value)
    if isinstance(value, Model):
        return _shift_model(value, delta)
    return value


def _shift_model(model: M, delta: timedelta) -> M:
    update = {
        name: _shift(getattr(model, name), delta)
        for name in (f.name for f in dataclasses.fields(model))
        if _has_dates(getattr(model, name))
    }
    return dataclasses.replace(model, **update) if update else model


def _has_dates(value: Any) -> bool:
    if isinstance(value, date | datetime | Model):
        return True
    return isinstance(value, tuple) and any(_has_dates(v) for v in value)
