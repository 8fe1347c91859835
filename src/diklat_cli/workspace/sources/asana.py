"""Tasks from an Asana project's CSV export (the project's menu > Export/Print > CSV).

Asana writes one row per task and subtask with fixed English columns: Task ID, Created At,
Completed At, Last Modified, Name, Section/Column, Assignee, Assignee Email, Start Date, Due
Date, Tags, Notes, Projects, Parent task (then any custom fields). A row with a Completed At is
finished; a subtask (Parent task) becomes an SOP step of its parent when the parent is read,
else a task of its own. The id is `asana-` and the Task ID, which a re-export keeps.
"""

from __future__ import annotations

from typing import Any

from ...i18n import Catalog
from ..values import Invalid
from .common import MAX_ROWS, Draft, People, Reading, duration_text, parse_when, split_list, text_of
from .sheets import ALIASES, normal, read_csv
from .trello import IMPORTANT, URGENT

M = Catalog(
    {
        "no_columns": {
            "id": "bukan ekspor CSV Asana: kolom {missing} tidak ada",
            "en": "is not an Asana CSV export: there is no {missing} column",
        },
        "no_columns_fix": {
            "id": "ekspor ulang dari Asana: menu proyek > Ekspor/Cetak > CSV",
            "en": "export it again from Asana: the project's menu > Export/Print > CSV",
        },
    }
)

REQUIRED = ("task id", "name")
COLUMNS = {
    "task id": "id",
    "name": "title",
    "due date": "due",
    "start date": "available",
    "notes": "notes",
    "tags": "tags",
    "assignee": "delegate_to",
    "assignee email": "delegate_to",
    "completed at": "done",
    "section/column": "section",
    "parent task": "parent",
}


def read_asana(
    reading: Reading, sections: tuple[str, ...], people: People, estimate_column: str
) -> list[Draft]:
    """Drafts from the open tasks of the export (of the chosen sections, when named)."""
    raw = reading.raw()
    if raw is None:
        return []
    rows = read_csv(reading, raw)
    if rows is None:
        return []
    header = [text_of(c) for c in rows[0][1]] if rows else []
    names = [normal(h) for h in header]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        text = ", ".join(f"'{c.title()}'" for c in missing)
        reading.add(
            1, "", M(reading.lang, "no_columns", missing=text), M(reading.lang, "no_columns_fix")
        )
        return []
    cols: dict[str, int] = {}
    for i, name in enumerate(names):
        key = COLUMNS.get(name)
        if key and (key not in cols or name == "assignee"):
            cols.setdefault(key, i)
    extra = {"assignee email": names.index("assignee email")} if "assignee email" in names else {}
    if estimate_column and normal(estimate_column) in names:
        cols["estimate"] = names.index(normal(estimate_column))
    elif not estimate_column:  # a custom field named like an estimate ("Estimasi (jam)")
        found = [i for i, n in enumerate(names) if n in ALIASES["estimate"]]
        if found:
            cols["estimate"] = found[0]
    wanted = {s.strip().casefold() for s in sections}
    drafts: dict[str, Draft] = {}
    children: list[tuple[str, str]] = []  # (parent's name, step)
    for number, cells in rows[1:]:
        if number > MAX_ROWS + 1:
            reading.add(
                number, "", reading.say("too_many", n=MAX_ROWS), reading.say("too_many_fix")
            )
            break
        row = {key: (cells[i] if i < len(cells) else "") for key, i in cols.items()}
        email = (
            cells[extra["assignee email"]] if extra and extra["assignee email"] < len(cells) else ""
        )
        if not any(text_of(c) for c in cells) or text_of(row.get("done")):
            continue
        if wanted and text_of(row.get("section")).casefold() not in wanted:
            continue
        if text_of(row.get("parent")):
            children.append((text_of(row["parent"]), text_of(row.get("title"))))
            continue
        draft = _row(reading, number, row, str(email), header, cols, people)
        if draft is not None:
            drafts[draft.data["title"]] = draft
    for parent, step in children:
        if parent in drafts and step:
            sop = drafts[parent].data.setdefault("sop", [])
            sop.append(step)
    return list(drafts.values())


def _row(
    reading: Reading,
    number: int,
    row: dict[str, Any],
    email: str,
    header: list[str],
    cols: dict[str, int],
    people: People,
) -> Draft | None:
    columns = {key: header[i] for key, i in cols.items()}
    title = text_of(row.get("title"))
    if not title:
        reading.add(number, columns["title"], reading.say("no_title"), reading.say("no_title_fix"))
        return None
    data: dict[str, Any] = {"title": title}
    if ident := text_of(row.get("id")):
        data["id"] = f"asana-{ident}"
    for key in ("due", "available"):
        try:
            value = parse_when(row.get(key))
        except Invalid as exc:
            reading.invalid(number, columns[key], exc)
            continue
        if value is not None:
            data[key] = value
    if "estimate" in row:
        try:
            if (estimate := duration_text(row["estimate"], columns["estimate"])) is not None:
                data["estimate"] = estimate
        except Invalid as exc:
            reading.invalid(number, columns["estimate"], exc)
    if notes := text_of(row.get("notes")):
        data["notes"] = notes
    tags: tuple[str, ...] = ()
    for tag in split_list(row.get("tags")):
        if tag.casefold() in IMPORTANT:
            data["important"] = True
        elif tag.casefold() in URGENT:
            data["urgent"] = True
        else:
            tags += (tag,)
    if tags:
        data["tags"] = tags
    who = text_of(row.get("delegate_to"))
    found = people.find(who, email) if not people.is_me(who) else None
    if found:
        data["delegate_to"] = found
    return Draft(number, data, columns)
