"""The embedded demo workspace. PLACEHOLDER: shift_to will move its dates to today."""

from __future__ import annotations

from datetime import date

from ..models import Workspace


def shift_to(ws: Workspace, today: date) -> Workspace:
    return ws
