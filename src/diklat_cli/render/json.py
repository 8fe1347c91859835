"""`diklat plan --format json`: the contract of docs/workspace-format.md, plus a few useful keys.

The contract's keys never change; the extra keys (`quadrant`, `note`, `link`, `title`, `urgency`,
`due`, `suggestion`, ...) are additions that scripts may ignore. Output is stable: the same plan
gives the same bytes. Text is written as it is, but for the control characters JSON allows raw and
a terminal would act on (a hostile title's U+009B), which are escaped (escape.json_text).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from functools import cache
from typing import Any

from ..i18n import Lang
from ..planning.plan import Block, Conflict, DayPlan, Moved, Plan, TaskStatus, Unscheduled
from . import findings as finding
from . import plan_words
from .escape import json_text
from .words import View, off_reason, shown_days
from .zones import local_times

SCHEMA_VERSION = 1
INDENT = "  "
CHUNK = 1 << 16  # characters handed to the terminal at a time


def _block(b: Block, lang: Lang) -> dict[str, Any]:
    return {
        "start": b.start.isoformat(),
        "end": b.end.isoformat(),
        "kind": b.kind,
        "ref": b.ref if b.kind in ("task", "study", "training") else None,
        "title": plan_words.block_title(b, lang),
        "minutes": b.minutes,
        "quadrant": b.quadrant,
        "note": plan_words.block_note(b, lang),
        "location": b.location,
        "link": b.link,
        "busy": b.busy,
        **local_times(b),
    }


def _day(day: DayPlan, view: View) -> dict[str, Any]:
    lang = view.lang
    if not day.working:
        note: str | None = off_reason(day, lang)
    else:
        note = plan_words.day_note(day.note, lang) if day.note else None
    blocks = sorted(day.blocks, key=lambda b: (b.start, b.end))
    return {
        "date": day.date.isoformat(),
        "working": day.working,
        "note": note,
        "blocks": [_block(b, lang) for b in blocks],
        "free_minutes": day.free_minutes,
        "work_minutes": day.work_minutes,
    }


def _hint(t: TaskStatus, lang: Lang) -> dict[str, Any] | None:
    h = t.suggest
    if h is None or t.done or t.delegated_to:
        return None
    return {
        "colleague": h.colleague,
        "name": h.name,
        "reasons": plan_words.hint_reasons(h, lang),
    }


def _delegated_by(t: TaskStatus) -> str | None:
    if not t.delegated_to:
        return None
    return "planner" if t.auto_delegated else "you"


def _task(t: TaskStatus, lang: Lang) -> dict[str, Any]:
    return {
        "id": t.id,
        "quadrant": t.quadrant,
        "scheduled_minutes": t.scheduled_minutes,
        "remaining_minutes": t.remaining_minutes,
        "late": t.late,
        "delegated_to": t.delegated_to,
        "title": t.title,
        "urgency": round(t.urgency, 3),
        "terms": [
            {
                "name": x.name,
                "value": round(x.value, 3),
                "coefficient": x.coefficient,
                "score": round(x.score, 3),
            }
            for x in t.terms
        ],
        "estimate_minutes": t.estimate_minutes,
        "due": t.due.isoformat() if t.due else None,
        "finish": t.finish.isoformat() if t.finish else None,
        "important": t.important,
        "urgent": t.urgent,
        "done": t.done,
        "skipped": t.skipped,
        "missed": t.missed,
        "delegated_by": _delegated_by(t),
        "delegate_suggestion": _hint(t, lang),
    }


def _unscheduled(u: Unscheduled, lang: Lang) -> dict[str, Any]:
    return {
        "ref": u.ref,
        "minutes": u.minutes,
        "reason": plan_words.reason(u, lang),
        "suggestion": plan_words.suggestion(u.suggestion, lang),
    }


def _conflict(c: Conflict, lang: Lang) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "severity": c.severity,
        "message": finding.message(c, lang),
        "refs": list(c.refs),
        "suggestion": finding.suggestion(c, lang),
    }


def _iso(when: datetime | None) -> str | None:
    return when.isoformat() if when is not None else None


def _moved(plan: Plan, m: Moved, lang: Lang) -> dict[str, Any]:
    return {
        "ref": m.ref,
        "title": m.title,
        "start": m.start.isoformat(),
        "end": m.end.isoformat(),
        "code": m.code,
        "reason": plan_words.move_reason(plan, m, lang),
        "cause": m.cause,
        "cause_ref": m.cause_ref,
        "cause_start": _iso(m.cause_start),
        "cause_end": _iso(m.cause_end),
        "to": _iso(m.to),
    }


def _fields(plan: Plan, view: View) -> dict[str, Any]:
    """The plan's keys in their order; the long lists stay lazy, one row made at a time."""
    return {
        "version": SCHEMA_VERSION,
        "timezone": plan.timezone,
        "today": plan.today.isoformat(),
        "language": view.lang,
        "days": (_day(day, view) for _, day in shown_days(plan, view) if day is not None),
        "tasks": (_task(t, view.lang) for t in plan.tasks),
        "unscheduled": (_unscheduled(u, view.lang) for u in plan.unscheduled),
        "conflicts": (_conflict(c, view.lang) for c in plan.conflicts),
        "warnings": (plan_words.warning(w, view.lang) for w in plan.warnings),
        "since": _iso(plan.since),
        "moved": (_moved(plan, m, view.lang) for m in plan.moved),
    }


def to_dict(plan: Plan, view: View) -> dict[str, Any]:
    """The plan as plain JSON values: the days in `view`, every task, all that did not fit."""
    return {k: list(v) if isinstance(v, Iterator) else v for k, v in _fields(plan, view).items()}


# --- writing it ----------------------------------------------------------------------------------
# json.dumps(indent=2) runs Python's pure-Python encoder (the C one knows no indent): on a year of
# 10,000 tasks that is most of the command's time and a million string pieces in memory. Below,
# the C encoder writes every dict or list that holds no other one, with the newline and indent of
# its level as its item separator, which gives the very bytes json.dumps(indent=2) would.

_NESTED = (dict, list, tuple)
_encoder = json.JSONEncoder(ensure_ascii=False)
_make_c_encoder: Callable[..., Callable[[Any, int], list[str]]] | None = getattr(
    json.encoder, "c_make_encoder", None
)


@cache
def _flat(level: int) -> Callable[[Any], str]:
    """Encodes a dict or list of plain values whose items sit at nesting `level`."""
    sep = ",\n" + INDENT * level
    if _make_c_encoder is None:  # a Python without the C accelerator: slower, the same bytes
        return json.JSONEncoder(ensure_ascii=False, separators=(sep, ": ")).encode
    # made once per level: json.JSONEncoder.encode would make one on every call
    c = _make_c_encoder(
        None, _encoder.default, json.encoder.encode_basestring, None, ": ", sep, False, False, True
    )
    return lambda value: "".join(c(value, 0))


_KEYWORDS = {None: "null", True: "true", False: "false"}


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return json.encoder.encode_basestring(value)
    if value is None or value is True or value is False:
        return _KEYWORDS[value]
    if type(value) is int:
        return int.__repr__(value)
    return _flat(0)(value)  # floats (NaN and infinities are spelt as Python's json spells them)


def _encode(value: Any, level: int) -> str:
    """`value` as json.dumps(value, ensure_ascii=False, indent=2) writes it at nesting `level`."""
    if not isinstance(value, dict | list | tuple):
        return _scalar(value)
    if not value:
        return "{}" if isinstance(value, dict) else "[]"
    inner = "\n" + INDENT * (level + 1)
    closing = "\n" + INDENT * level + ("}" if isinstance(value, dict) else "]")
    if isinstance(value, dict):
        nested = {k: v for k, v in value.items() if isinstance(v, _NESTED) and v}
        if nested:  # written flat with null in their place, then put in at their own depth
            value = {k: None if k in nested else v for k, v in value.items()}
        text = _flat(level + 1)(value)
        text = f"{text[0]}{inner}{text[1:-1]}{closing}"
        for k, v in nested.items():
            # a newline, this level's indent and a quote start a key of this dict and nothing
            # else: strings spell their newlines "\n", deeper lines are indented further
            key = inner + _scalar(k) + ": "
            text = text.replace(key + "null", key + _encode(v, level + 1), 1)
        return text
    if all(type(x) is dict and x for x in value) and not any(
        isinstance(v, _NESTED) for x in value for v in x.values()
    ):
        # a list of flat dicts (a task's terms, a day's blocks) in one go, written at the dicts'
        # depth: a newline is a separator, so "},<newline>{" is where one dict ends and one starts
        deeper = inner + INDENT
        text = _flat(level + 2)(value)[2:-2].replace(
            "}," + deeper + "{", f"{inner}}},{inner}{{{deeper}"
        )
        return f"[{inner}{{{deeper}{text}{inner}}}{closing}"
    if any(isinstance(x, _NESTED) for x in value):
        body = ("," + inner).join(_encode(x, level + 1) for x in value)
        return f"[{inner}{body}{closing}"
    text = _flat(level + 1)(value)
    return f"[{inner}{text[1:-1]}{closing}"


def _pieces(plan: Plan, view: View) -> Iterator[str]:
    """The document in pieces: a row of a long list at a time, never all of them at once."""
    fields = list(_fields(plan, view).items())
    yield "{"
    for n, (key, value) in enumerate(fields):
        yield f"\n{INDENT}{_scalar(key)}: "
        if isinstance(value, Iterator):
            empty = True
            for row in value:
                yield ("[\n" if empty else ",\n") + INDENT * 2 + _encode(row, 2)
                empty = False
            yield "[]" if empty else f"\n{INDENT}]"
        else:
            yield _encode(value, 1)
        if n < len(fields) - 1:
            yield ","
    yield "\n}\n"


def chunks(plan: Plan, view: View) -> Iterator[str]:
    """The JSON plan in pieces of about CHUNK characters, to write out one after the other.

    Together they are exactly `render(plan, view)`; the CLI writes them as they come, so a year of
    tasks never sits in memory as one string next to the plan.
    """
    buf: list[str] = []
    size = 0
    for piece in _pieces(plan, view):
        buf.append(piece)
        size += len(piece)
        if size >= CHUNK:
            yield json_text("".join(buf))
            buf, size = [], 0
    if buf:
        yield json_text("".join(buf))


def render(plan: Plan, view: View) -> str:
    """The same bytes as json.dumps(to_dict(plan, view), ensure_ascii=False, indent=2) + newline,
    but for the characters a terminal acts on (C1, DEL, bidi overrides), escaped (`json_text`)."""
    return json_text("".join(_pieces(plan, view)))
