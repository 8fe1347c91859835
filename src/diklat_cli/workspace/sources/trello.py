"""Tasks from a Trello board's JSON export (Board menu > Print, export and share > Export as JSON).

The export holds the board with its `lists`, `cards`, `labels`, `checklists` and `members`. The
open cards (`closed` false, `dueComplete` false) of the chosen lists become tasks: `due` is the
deadline, labels are tags (a label named like "Penting" or "Mendesak" marks the task, one named
like a duration, "2 jam", is its estimate), checklist items are its SOP steps, and the card's
members are `delegate_to` where they match a colleague. The id is `trello-` and the card's
shortLink, which a re-export keeps.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from ...i18n import Catalog
from ..values import Invalid, parse_duration
from .common import MAX_ROWS, Draft, People, Reading, slug

M = Catalog(
    {
        "not_json": {
            "id": "bukan JSON ekspor Trello ({error})",
            "en": "is not a Trello JSON export ({error})",
        },
        "not_json_fix": {
            "id": "ekspor ulang dari Trello: menu papan > Cetak, ekspor, dan bagikan > Ekspor sebagai JSON",
            "en": "export it again from Trello: board menu > Print, export and share > Export as JSON",
        },
        "no_cards": {
            "id": "tidak berisi 'cards' dan 'lists' sebuah papan Trello",
            "en": "holds no 'cards' and 'lists' of a Trello board",
        },
        "card": {"id": "kartu '{name}'", "en": "card '{name}'"},
        "bad_due": {"id": "'due' bukan tanggal ({text})", "en": "'due' is not a date ({text})"},
        "bad_due_fix": {
            "id": "atur ulang tenggat kartu di Trello lalu ekspor lagi",
            "en": "set the card's due date again in Trello and export again",
        },
        "no_list": {
            "id": "daftar '{name}' tidak ada di papan; yang ada: {known}",
            "en": "the board has no list '{name}'; there are: {known}",
        },
        "no_list_fix": {
            "id": "perbaiki 'lists' di [[tasks_from]]",
            "en": "fix 'lists' in [[tasks_from]]",
        },
    }
)

# lists whose cards are finished, when [[tasks_from]] does not name the lists to read
DONE_LISTS = {"done", "selesai", "sudah selesai", "complete", "completed", "arsip", "archive"}
IMPORTANT = {"penting", "important", "prioritas", "priority", "high", "tinggi"}
URGENT = {"mendesak", "urgent", "segera", "asap"}


def _objects(board: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = board.get(key)
    return [o for o in value if isinstance(o, dict)] if isinstance(value, list) else []


def read_trello(
    reading: Reading, lists: tuple[str, ...], people: People, timezone: str
) -> list[Draft]:
    """Drafts from the open cards of the board's chosen lists (every list but "Done" by default)."""
    raw = reading.raw()
    if raw is None:
        return []
    try:
        board = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        what = M(reading.lang, "not_json", error="UTF-8")
        reading.add(line, "", what, M(reading.lang, "not_json_fix"))
        return []
    except json.JSONDecodeError as exc:
        what = M(reading.lang, "not_json", error=exc.msg)
        reading.add(exc.lineno, "", what, M(reading.lang, "not_json_fix"))
        return []
    if not isinstance(board, dict) or not isinstance(board.get("cards"), list):
        reading.add(None, "", M(reading.lang, "no_cards"), M(reading.lang, "not_json_fix"))
        return []
    open_lists = {
        str(li.get("id")): str(li.get("name", ""))
        for li in _objects(board, "lists")
        if not li.get("closed")
    }
    wanted = _wanted_lists(reading, open_lists, lists)
    checklists = {str(c.get("id")): c for c in _objects(board, "checklists")}
    members = {str(m.get("id")): m for m in _objects(board, "members")}
    drafts: list[Draft] = []
    for card in _objects(board, "cards"):
        if card.get("closed") or card.get("dueComplete") or str(card.get("idList")) not in wanted:
            continue
        if len(drafts) >= MAX_ROWS:
            where = M(reading.lang, "card", name=str(card.get("name", "")))
            reading.add(
                None, where, reading.say("too_many", n=MAX_ROWS), reading.say("too_many_fix")
            )
            break
        draft = _card(reading, card, checklists, members, people, timezone)
        if draft is not None:
            drafts.append(draft)
    return drafts


def _wanted_lists(reading: Reading, open_lists: dict[str, str], lists: tuple[str, ...]) -> set[str]:
    if not lists:
        return {i for i, name in open_lists.items() if name.strip().casefold() not in DONE_LISTS}
    by_name = {name.strip().casefold(): i for i, name in open_lists.items()}
    for name in lists:
        if name.strip().casefold() not in by_name:
            known = ", ".join(open_lists.values())
            reading.add(
                None,
                "lists",
                M(reading.lang, "no_list", name=name, known=known),
                M(reading.lang, "no_list_fix"),
            )
    return {by_name[n.strip().casefold()] for n in lists if n.strip().casefold() in by_name}


def _card(
    reading: Reading,
    card: dict[str, Any],
    checklists: dict[str, dict[str, Any]],
    members: dict[str, dict[str, Any]],
    people: People,
    timezone: str,
) -> Draft | None:
    name = str(card.get("name", "")).strip()
    where = M(reading.lang, "card", name=name or card.get("shortLink", "?"))
    if not name:
        reading.add(None, where, reading.say("no_title"), reading.say("no_title_fix"))
        return None
    ident = str(card.get("shortLink") or card.get("id") or slug(name))
    data: dict[str, Any] = {
        "id": f"trello-{slug(ident, 60) if not ident.isalnum() else ident}",
        "title": name,
    }
    due = card.get("due")
    if isinstance(due, str) and due:
        try:  # Trello writes UTC with milliseconds: 2026-12-04T09:00:00.000Z
            moment = datetime.fromisoformat(due.replace("Z", "+00:00"))
            data["due"] = moment.astimezone(ZoneInfo(timezone))
        except ValueError:
            reading.add(
                None,
                f"{where}: due",
                M(reading.lang, "bad_due", text=due),
                M(reading.lang, "bad_due_fix"),
            )
    tags: list[str] = []
    for label in card.get("labels") or []:
        text = str(label.get("name", "")).strip() if isinstance(label, dict) else ""
        key = text.casefold()
        if not text:
            continue
        if key in IMPORTANT:
            data["important"] = True
        elif key in URGENT:
            data["urgent"] = True
        elif (minutes := _duration(text)) is not None:
            data["estimate"] = f"{minutes}m"
        else:
            tags.append(text)
    if tags:
        data["tags"] = tuple(tags)
    if desc := str(card.get("desc") or "").strip():
        data["notes"] = desc
    steps = _steps(card, checklists)
    if steps:
        data["sop"] = steps
    for mid in card.get("idMembers") or []:
        m = members.get(str(mid), {})
        found = people.find(str(m.get("username", "")), str(m.get("fullName", "")))
        if found:
            data["delegate_to"] = found
            break
    return Draft(None, data, {"due": "due", "estimate": "labels"}, where)


def _duration(text: str) -> int | None:
    try:
        return parse_duration(text)
    except Invalid:
        return None


def _steps(card: dict[str, Any], checklists: dict[str, dict[str, Any]]) -> tuple[str, ...]:
    """The open items of the card's checklists, in their order on the card."""
    steps: list[str] = []
    for cid in card.get("idChecklists") or []:
        items = checklists.get(str(cid), {}).get("checkItems") or []
        ordered = sorted((i for i in items if isinstance(i, dict)), key=lambda i: i.get("pos") or 0)
        steps += [
            str(i.get("name", "")).strip()
            for i in ordered
            if i.get("state") != "complete" and str(i.get("name", "")).strip()
        ]
    return tuple(steps)
