"""Finding the workspace folder and loading its TOML files into one validated `Workspace`.

TOML parsers keep no positions, so `locate` maps a validation error's location (table, index,
key) back to the line it came from by scanning the text. Every problem in every file is collected
before anything is raised: people fix their files in one pass, not one error per run.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import Problem, WorkspaceError
from .models import (
    CalendarSource,
    Colleague,
    Event,
    Holiday,
    Quiet,
    Task,
    Training,
    Workspace,
)

MARKER = "diklat.toml"
ENV_WORKSPACE = "DIKLAT_WORKSPACE"

# the item tables any file may hold: TOML name -> (Workspace field, model)
ITEM_TABLES: dict[str, tuple[str, type[BaseModel]]] = {
    "task": ("tasks", Task),
    "training": ("trainings", Training),
    "event": ("events", Event),
    "quiet": ("quiet", Quiet),
    "colleague": ("colleagues", Colleague),
    "calendar": ("calendars", CalendarSource),
    "holiday": ("holidays", Holiday),
}
SETTINGS_TABLES = ("profile", "workweek", "ramadan", "study", "planning", "export")


@dataclass(frozen=True)
class Found:
    """Where the workspace is, and how it was found (for the notice the CLI prints)."""

    path: Path
    how: str  # "option" | "env" | "cwd" | "user" | "demo"


def demo_path() -> Path:
    return Path(__file__).parent / "demo"


def find(option: Path | None, env: Mapping[str, str], cwd: Path, user_dir: Path) -> Found:
    """Discovery order of the contract: option, DIKLAT_WORKSPACE, cwd, user data folder, demo."""
    if option is not None:
        return Found(option, "option")
    if env.get(ENV_WORKSPACE):
        return Found(Path(env[ENV_WORKSPACE]).expanduser(), "env")
    if (cwd / MARKER).is_file():
        return Found(cwd, "cwd")
    if (user_dir / MARKER).is_file():
        return Found(user_dir, "user")
    return Found(demo_path(), "demo")


# --- locating lines --------------------------------------------------------------------------

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\" ]+?)\s*(\]\]?)\s*(#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-\"]+(?:\s*\.\s*[A-Za-z0-9_\-\"]+)*)\s*=")


class LineMap:
    """Maps paths such as ('task', 2, 'estimate') to 1-based line numbers of one file's text."""

    def __init__(self, text: str) -> None:
        self.lines: dict[tuple[Any, ...], int] = {}
        counters: dict[tuple[Any, ...], int] = {}
        table: tuple[Any, ...] = ()
        depth = 0  # open brackets of a multi-line array: keys inside are not top-level keys
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip()
            if depth == 0 and (m := _HEADER.match(line)):
                names = tuple(n.strip().strip('"') for n in m.group(2).split("."))
                resolved = self._resolve(names, counters)
                if m.group(1) == "[[":
                    key = resolved
                    counters[key] = counters.get(key, -1) + 1
                    table = (*resolved, counters[key])
                else:
                    table = resolved
                self.lines.setdefault(table, number)
                continue
            if depth == 0 and (m := _KEY.match(line)):
                keys = tuple(k.strip().strip('"') for k in m.group(1).split("."))
                self.lines.setdefault((*table, *keys), number)
            depth += _bracket_balance(line)
            depth = max(depth, 0)

    def _resolve(
        self, names: tuple[str, ...], counters: dict[tuple[Any, ...], int]
    ) -> tuple[Any, ...]:
        """Insert the current index of each enclosing array of tables: training.session -> training, 3, session."""
        out: tuple[Any, ...] = ()
        for name in names:
            out = (*out, name)
            if out in counters and name != names[-1]:
                out = (*out, counters[out])
        return out

    def find(self, path: tuple[Any, ...]) -> int | None:
        """The line of the longest prefix of `path` that the text names."""
        for n in range(len(path), 0, -1):
            if path[:n] in self.lines:
                return self.lines[path[:n]]
        return None


def _bracket_balance(line: str) -> int:
    code = re.sub(r'"(?:\\.|[^"\\])*"|\'[^\']*\'', "", line).split("#", 1)[0]
    return code.count("[") - code.count("]") + code.count("{") - code.count("}")


# --- loading ---------------------------------------------------------------------------------


@dataclass
class _File:
    path: Path
    name: str  # as shown in messages: relative to the workspace
    data: dict[str, Any]
    lines: LineMap


def _read(path: Path, root: Path, problems: list[Problem]) -> _File | None:
    name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(name, None, "", f"cannot be read ({exc.strerror})"))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(
            Problem(name, line, "", "is not UTF-8 text", "save the file as UTF-8 in your editor")
        )
        return None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        problems.append(
            Problem(
                name,
                int(m.group(1)) if m else None,
                "",
                f"TOML syntax error: {msg}",
                "check quotes, brackets and '=' on this line",
            )
        )
        return None
    return _File(path, name, data, LineMap(text))


def _validate(
    model: type[BaseModel],
    data: Any,
    context: dict[str, Any],
    f: _File,
    prefix: tuple[Any, ...],
    problems: list[Problem],
) -> Any:
    try:
        return model.model_validate(data, context=context)
    except ValidationError as exc:
        for err in exc.errors():
            loc = (*prefix, *err["loc"])
            where = _where(loc)
            problems.append(Problem(f.name, f.lines.find(tuple(loc)), where, _message(err), ""))
        return None


def _where(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _message(err: Any) -> str:
    msg = str(err.get("msg", ""))
    return msg.removeprefix("Value error, ")


def load(root: Path) -> Workspace:
    """Read every TOML file of the workspace at `root`; raise `WorkspaceError` with every problem."""
    problems: list[Problem] = []
    if not root.is_dir():
        raise WorkspaceError(
            [
                Problem(
                    str(root),
                    None,
                    "",
                    "the workspace folder does not exist",
                    "create it with 'diklat init DIR' or give another folder with --workspace",
                )
            ]
        )
    marker = root / MARKER
    if not marker.is_file():
        raise WorkspaceError(
            [
                Problem(
                    str(marker),
                    None,
                    "",
                    "missing: this file marks a workspace",
                    "create one with 'diklat init'",
                )
            ]
        )
    paths = [
        marker,
        *sorted(
            p
            for p in root.rglob("*.toml")
            if p != marker and not any(part.startswith(".") for part in p.relative_to(root).parts)
        ),
    ]
    files = [f for p in paths if (f := _read(p, root, problems)) is not None]
    if problems:
        raise WorkspaceError(problems)
    main = files[0]
    if "profile" not in main.data:
        problems.append(
            Problem(
                main.name,
                None,
                "profile",
                "the [profile] table is missing",
                'add [profile] with at least name = "Your Name"',
            )
        )
        raise WorkspaceError(problems)
    planning = main.data.get("planning", {})
    profile = main.data.get("profile", {})
    context = {
        "jp_minutes": planning.get("jp_minutes", 45) if isinstance(planning, dict) else 45,
        "timezone": profile.get("timezone", "Asia/Jakarta")
        if isinstance(profile, dict)
        else "Asia/Jakarta",
    }
    settings: dict[str, Any] = {}
    items: dict[str, list[Any]] = {field: [] for field, _ in ITEM_TABLES.values()}
    for f in files:
        for key, value in f.data.items():
            if key in ITEM_TABLES:
                field, model = ITEM_TABLES[key]
                for i, entry in enumerate(value if isinstance(value, list) else [value]):
                    item = _validate(model, entry, context, f, (key, i), problems)
                    if item is not None:
                        items[field].append(item)
            elif key in SETTINGS_TABLES and f is main:
                settings[key] = value
            else:
                problems.append(
                    Problem(f.name, f.lines.find((key,)), key, "unknown table or key", "")
                )
    from .models import Export, Planning, Profile, Ramadan, Study, Workweek

    models: dict[str, type[BaseModel]] = {
        "profile": Profile,
        "workweek": Workweek,
        "ramadan": Ramadan,
        "study": Study,
        "planning": Planning,
        "export": Export,
    }
    validated = {
        k: _validate(models[k], v, context, main, (k,), problems) for k, v in settings.items()
    }
    if problems:
        raise WorkspaceError(problems)
    fields: dict[str, Any] = {**validated, **{k: tuple(v) for k, v in items.items()}}
    return Workspace(**fields)


def user_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path("diklat", appauthor=False)


def environ() -> Mapping[str, str]:
    return os.environ
