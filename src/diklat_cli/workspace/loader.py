"""Finding the workspace folder and loading its TOML files into one validated `Workspace`.

Every problem in every file is collected before anything is raised: people fix their files in
one pass, not one error per run. The checks across files (ids, colleagues, calendar files) are
here; what each problem says, in the user's language, is in `problems`, and the line it is on
comes from `tomlpos`. A workspace that loaded cleanly is cached (`load_cached`).
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from zoneinfo import ZoneInfo

from ..errors import Problem, WorkspaceError
from ..i18n import DEFAULT_LANG, Catalog, Lang, parse_lang
from ..record import Record
from .files import MAX_STATE_BYTES, MAX_TOML_BYTES, NotRegular, Stamp, TooBig, read_limited, stamp
from .models import Model, Workspace
from .problems import M, describe_path, explain_errors, explain_syntax, suggest
from .tables import ITEM_TABLES, SETTINGS_TABLES, home_of
from .tomlpos import LineMap
from .values import zone_name

if TYPE_CHECKING:
    from pydantic import TypeAdapter

# pydantic (validation), tomllib (reading TOML) and difflib (suggestions) are imported where they
# are used, not here: a workspace served from the cache (load_cached) needs none of them, and
# `diklat plan` starts faster without them (tests/test_startup.py keeps it so).

MARKER = "diklat.toml"
ENV_WORKSPACE = "DIKLAT_WORKSPACE"

# what reading a file can meet in a workspace copied from someone else
R = Catalog(
    {
        "not_regular": {
            "id": "bukan berkas biasa (FIFO, perangkat atau folder)",
            "en": "is not a regular file (a FIFO, a device or a folder)",
        },
        "not_regular_fix": {
            "id": "ganti dengan berkas TOML biasa, atau hapus dari ruang kerja",
            "en": "replace it with a plain TOML file, or remove it from the workspace",
        },
        "too_big": {
            "id": "berkas terlalu besar ({mb} MB; batasnya {limit} MB per berkas)",
            "en": "the file is too big ({mb} MB; the limit is {limit} MB a file)",
        },
        "too_big_fix": {
            "id": "bagi isinya ke beberapa berkas .toml di ruang kerja",
            "en": "split it into several .toml files in the workspace",
        },
        "too_deep": {
            "id": "nama tabel atau kunci dengan lebih dari {n} bagian, atau larik bersarang terlalu dalam",
            "en": "a table or key name of more than {n} parts, or arrays nested too deep",
        },
        "too_deep_fix": {
            "id": "tabel ruang kerja hanya beberapa tingkat, seperti [[training.session]]",
            "en": "workspace tables are a few levels deep, as [[training.session]]",
        },
    }
)
MAX_KEY_PARTS = 32
# a dotted name of more than MAX_KEY_PARTS parts (tomllib reads such names in quadratic time);
# possessive, and anchored where a name starts, so that the search itself stays linear
_LONG_KEY = re.compile(r"(?<![\w.-])(?:[\w-]++[ \t]*+\.[ \t]*+){" + str(MAX_KEY_PARTS) + "}")


class Found(Record):
    """Where the workspace is, and how it was found (for the notice the CLI prints)."""

    path: Path
    how: str  # "option" | "env" | "cwd" | "user" | "demo"


def demo_path() -> Path:
    return Path(__file__).parent.parent / "demo"


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


# --- reading files ---------------------------------------------------------------------------


@dataclass
class _File:
    """One TOML file of the workspace, parsed, with its line map."""

    path: Path
    name: str  # as shown in messages
    data: dict[str, Any]
    text: str

    @cached_property
    def lines(self) -> LineMap:
        """Scanned only when a problem needs a line: a large valid workspace never pays for it."""
        return LineMap(self.text)


@dataclass
class _Loader:
    """The problems found so far while loading, and the language to write them in."""

    root: Path
    lang: Lang
    cwd: Path
    problems: list[Problem] = field(default_factory=list)

    def name(self, path: Path) -> str:
        """A path as the user can open it from where they are: relative to cwd when inside it."""
        try:
            return path.resolve().relative_to(self.cwd.resolve()).as_posix()
        except ValueError:
            return str(path)

    def add(self, file: str, line: int | None, where: str, what: str, fix: str = "") -> None:
        self.problems.append(Problem(file, line, where, what, fix))

    def say(self, message: str, /, **params: Any) -> str:
        return M(self.lang, message, **params)

    def read(self, path: Path) -> _File | None:
        name = self.name(path)
        try:
            raw = read_limited(path, MAX_TOML_BYTES)
        except NotRegular:
            self.add(name, None, "", R(self.lang, "not_regular"), R(self.lang, "not_regular_fix"))
            return None
        except TooBig as exc:
            mb, limit = round(exc.size / 2**20, 1), exc.limit // 2**20
            self.add(
                name,
                None,
                "",
                R(self.lang, "too_big", mb=mb, limit=limit),
                R(self.lang, "too_big_fix"),
            )
            return None
        except OSError as exc:
            self.add(
                name,
                None,
                "",
                self.say("unreadable", reason=exc.strerror),
                self.say("unreadable_fix"),
            )
            return None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            self.add(name, line, "", self.say("not_utf8"), self.say("not_utf8_fix"))
            return None
        import tomllib

        deep = _long_key(text)
        try:
            if deep:
                raise RecursionError
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            self.add(name, *explain_syntax(text, str(exc), self.lang))
            return None
        except RecursionError:  # arrays in arrays, hundreds deep
            line = text.count("\n", 0, deep.start()) + 1 if deep else _deepest_line(text)
            what, fix = R(self.lang, "too_deep", n=MAX_KEY_PARTS), R(self.lang, "too_deep_fix")
            self.add(name, line, "", what, fix)
            return None
        return _File(path, name, data, text)

    def validate(
        self,
        model: type[Model],
        data: Any,
        context: dict[str, Any],
        f: _File,
        prefix: tuple[Any, ...],
    ) -> Any:
        from pydantic import ValidationError

        try:
            return adapter(model).validate_python(data, context=context)
        except ValidationError as exc:
            for found in explain_errors(model, exc.errors(), prefix, f.data, f.lines, self.lang):
                self.add(f.name, *found)
            return None


def _long_key(text: str) -> re.Match[str] | None:
    """The first name of more than MAX_KEY_PARTS dotted parts outside a string ("1.2.3…" in a
    title is text, not a key: a quote before it on its line, unclosed, says so)."""
    for m in _LONG_KEY.finditer(text):
        before = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        if before.count('"') % 2 == 0 and before.count("'") % 2 == 0:
            return m
    return None


def _deepest_line(text: str) -> int:
    """The line where brackets first nest 100 deep (strings aside: a rough count is enough)."""
    depth = 0
    for no, line in enumerate(text.splitlines(), 1):
        for c in line:
            depth += 1 if c in "[{" else -1 if c in "]}" else 0
            if depth >= 100:
                return no
    return 1


# --- loading ---------------------------------------------------------------------------------


def language_of(marker: Path) -> Lang | None:
    """profile.language, when diklat.toml can be read well enough to tell."""
    import tomllib

    try:
        text = read_limited(marker, MAX_TOML_BYTES).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    try:
        profile = tomllib.loads(text).get("profile")
        value = profile.get("language") if isinstance(profile, dict) else None
        return parse_lang(value) if isinstance(value, str) else None
    except tomllib.TOMLDecodeError:
        m = re.search(r"""^\s*language\s*=\s*["']([A-Za-z_-]+)["']""", text, re.MULTILINE)
        return parse_lang(m.group(1)) if m else None


def _context(main: _File) -> dict[str, Any]:
    """The two facts from diklat.toml that validating dates and durations needs."""
    planning = main.data.get("planning")
    profile = main.data.get("profile")
    jp = planning.get("jp_minutes") if isinstance(planning, dict) else None
    tz = profile.get("timezone") if isinstance(profile, dict) else None
    if isinstance(tz, str):
        tz = zone_name(tz)  # WIB, WITA, WIT as the profile reads them
    try:
        ZoneInfo(tz) if isinstance(tz, str) and tz else None
    except (ValueError, KeyError, OSError):  # reported by the profile; read dates in WIB meanwhile
        tz = None
    return {
        "jp_minutes": jp if isinstance(jp, int) and not isinstance(jp, bool) and jp > 0 else 45,
        "timezone": tz if isinstance(tz, str) and tz else "Asia/Jakarta",
    }


def load(root: Path, lang: Lang | None = None, cwd: Path | None = None) -> Workspace:
    """Read every TOML file of the workspace at `root`; raise `WorkspaceError` with every problem.

    `lang` is the language the user asked for (--lang, DIKLAT_LANG); without it, problems are
    written in profile.language when diklat.toml says so, else in Indonesian. File names are
    shown relative to `cwd` (the current folder) when the files are inside it.
    """
    marker = root / MARKER
    language = lang or language_of(marker) or DEFAULT_LANG
    ld = _Loader(root, language, cwd or Path.cwd())
    files = _files(ld, root, marker)
    main = files[0]
    context = _context(main)
    settings, items, entries = _tables(ld, files, context)
    # the checks across files read what people wrote, so that a typo elsewhere in an item
    # does not hide its duplicate id or its unknown colleague
    _check_ids(ld, entries)
    _check_references(ld, entries)
    _check_calendars(ld, entries)
    read_files: tuple[Stamp, ...] = ()
    if items["task_sources"] or any(t.sessions_from for t in items["trainings"]):
        from .sources import import_all  # tasks_from, sessions_from: as [[task]], sessions

        found, read_files = import_all(
            root, ld.name, language, context, items, settings.get("profile")
        )
        ld.problems += found
    _check_contradictions(ld, entries, context["timezone"])
    if ld.problems:
        raise WorkspaceError(ld.problems, language)
    fields: dict[str, Any] = {**settings, **{k: tuple(v) for k, v in items.items()}}
    return Workspace(**fields, read_files=read_files)


def _files(ld: _Loader, root: Path, marker: Path) -> list[_File]:
    """diklat.toml (first) and every other TOML file of the workspace, read; a workspace with no
    folder, no diklat.toml or no [profile] stops here."""
    if not root.is_dir():
        ld.add(str(root), None, "", ld.say("no_folder"), ld.say("no_folder_fix", path=root))
        raise WorkspaceError(ld.problems, ld.lang)
    if not marker.is_file() and not marker.exists():
        ld.add(ld.name(marker), None, "", ld.say("no_marker"), ld.say("no_marker_fix"))
        raise WorkspaceError(ld.problems, ld.lang)
    paths = [
        marker,
        *sorted(
            p
            for p in root.rglob("*.toml")
            if p != marker
            and p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(root).parts)
        ),
    ]
    files = [f for p in paths if (f := ld.read(p)) is not None]
    if not files or files[0].path != marker:
        raise WorkspaceError(ld.problems, ld.lang)
    main = files[0]
    if not isinstance(main.data.get("profile"), dict):
        where = main.lines.find(("profile",)) or 1
        ld.add(main.name, where, "", ld.say("no_profile"), ld.say("no_profile_fix"))
    return files


def _tables(
    ld: _Loader, files: list[_File], context: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, list[Any]], list[_Entry]]:
    """Every table of every file validated: the settings (from diklat.toml only), the items by
    kind, and each item as written (for the checks across files)."""
    main = files[0]
    settings: dict[str, Any] = {}
    items: dict[str, list[Any]] = {name: [] for name, _ in ITEM_TABLES.values()}
    entries: list[_Entry] = []
    for f in files:
        for key, value in f.data.items():
            if key in ITEM_TABLES:
                name, model = ITEM_TABLES[key]
                listed = value if isinstance(value, list) else [value]
                for i, data in enumerate(listed):
                    prefix = (key, i) if isinstance(value, list) else (key,)
                    item = ld.validate(model, data, context, f, prefix)
                    entries.append(_Entry(key, data, f, prefix, item))
                    if item is not None:
                        items[name].append(item)
            elif key in SETTINGS_TABLES and f is main:
                if key == "profile" and not isinstance(value, dict):
                    continue  # reported with the files
                settings[key] = ld.validate(SETTINGS_TABLES[key], value, context, f, (key,))
            else:
                _misplaced(ld, f, key, value)
    profile = main.data.get("profile")
    if isinstance(profile, dict):
        entries.append(_Entry("profile", profile, main, ("profile",)))
    return settings, items, entries


def _misplaced(ld: _Loader, f: _File, key: str, value: Any) -> None:
    """A key that is not a table diklat reads where it stands, with its fix."""
    where = f.lines.find((key,))
    if key in SETTINGS_TABLES:
        what, fix = ld.say("settings_elsewhere", key=key), ld.say("settings_elsewhere_fix")
    elif not isinstance(value, dict | list):
        # a key = value above the first [table], or a table name forgotten
        home = home_of(key)
        what = ld.say("outside", key=key)
        fix = ld.say("outside_fix", table=home) if home else ld.say("outside_any_fix")
    else:
        what = ld.say("unknown_table", key=key)
        fix = suggest(key, [*ITEM_TABLES, *SETTINGS_TABLES], "known_tables", ld.lang)
    ld.add(f.name, where, key, what, fix)


M_ = TypeVar("M_", bound=Model)


_ADAPTERS: dict[type[Model], TypeAdapter[Any]] = {}


def adapter(model: type[Model]) -> TypeAdapter[Any]:
    """Pydantic's validator of `model`, built on first use (pydantic is imported only here)."""
    if model not in _ADAPTERS:
        from pydantic import TypeAdapter

        _ADAPTERS[model] = TypeAdapter(model)
    return _ADAPTERS[model]


def validate(model: type[M_], data: Any, context: Mapping[str, Any] | None = None) -> M_:
    """`data` as people write it (a table of TOML) validated into `model`; raises ValidationError.

    `context` holds the two facts from diklat.toml that dates and durations need: jp_minutes and
    timezone (see `_context`).
    """
    result: M_ = adapter(model).validate_python(data, context=dict(context or {}))
    return result


class _Entry(Record):
    """One table as written: an item of `table`, or the profile."""

    table: str
    data: Any
    file: _File
    prefix: tuple[Any, ...]
    item: Any = None  # the validated model, when the table validated

    def text(self, key: str) -> str | None:
        value = self.data.get(key) if isinstance(self.data, dict) else None
        return value if isinstance(value, str) else None

    def place(self, *keys: str | int) -> tuple[str, int | None, str]:
        """FILE, LINE and 'where' of a key of the table, or of a path inside it."""
        path = (*self.prefix, *keys)
        return self.file.name, self.file.lines.find(path), describe_path(path, self.file.data)


def _check_ids(ld: _Loader, entries: list[_Entry]) -> None:
    seen: dict[tuple[str, str], _Entry] = {}
    for entry in entries:
        ident = entry.text("id")
        if ident is None or entry.table == "profile":
            continue
        first = seen.setdefault((entry.table, ident), entry)
        if first is entry:
            continue
        first_file, first_line, _ = first.place("id")
        other = f"{first_file}:{first_line}" if first_line else first_file
        kind = f"[[{entry.table}]]"
        ld.add(
            *entry.place("id"),
            ld.say("duplicate", id=ident, kind=kind, other=other),
            ld.say("duplicate_fix", kind=kind),
        )


# the keys that name a colleague, by table
REFERENCES = {
    "profile": ("supervisor",),
    "task": ("delegate_to",),
    "training": ("handover_to", "deputy"),
    "event": ("delegate_to",),
}


def _check_references(ld: _Loader, entries: list[_Entry]) -> None:
    known = sorted(
        {i for e in entries if e.table == "colleague" and (i := e.text("id")) is not None}
    )
    me = _yourself(entries)
    for entry in entries:
        for key in REFERENCES.get(entry.table, ()):
            ident = entry.text(key)
            if ident in me:
                ld.add(
                    *entry.place(key),
                    ld.say("names_you", id=ident, key=key, same=ld.say(f"same_{me[ident]}")),
                    ld.say(f"names_you_{key}_fix"),
                )
            if ident is None or ident in known:
                continue
            import difflib

            near = difflib.get_close_matches(ident, known, n=1, cutoff=0.6)
            fix = (
                ld.say("no_colleague_near_fix", near=near[0], id=ident)
                if near
                else ld.say("no_colleague_fix", id=ident)
            )
            ld.add(*entry.place(key), ld.say("no_colleague", id=ident), fix)


def _yourself(entries: list[_Entry]) -> dict[str, str]:
    """The colleague ids that are the user: the profile's NIP, or its name, written again.

    Returns id -> 'nip' | 'name', what they share with the profile. Two people of the same name
    whose NIPs are both written and differ are two people.
    """
    profile = next((e for e in entries if e.table == "profile"), None)
    if profile is None:
        return {}

    def plain(text: str | None) -> str:
        return " ".join((text or "").split()).casefold()

    nip = "".join((profile.text("nip") or "").split())
    name = plain(profile.text("name"))
    out: dict[str, str] = {}
    for e in entries:
        ident = e.text("id")
        if e.table != "colleague" or ident is None:
            continue
        theirs = "".join((e.text("nip") or "").split())
        if nip and theirs == nip:
            out[ident] = "nip"
        elif name and plain(e.text("name")) == name and not (nip and theirs):
            out[ident] = "name"
    return out


def _check_contradictions(ld: _Loader, entries: list[_Entry], zone: str) -> None:
    """What a validated item says against itself beyond one table's keys: a training's sessions,
    hours in another zone that cross midnight on the user's clock (`zone`)."""
    from .models import Event, Training, midnight_problems

    for entry in entries:
        found = midnight_problems(entry.item, zone) if isinstance(entry.item, Event) else []
        if isinstance(entry.item, Training):
            found = entry.item.contradictions() + midnight_problems(entry.item, zone)
        for problem in found:
            at = problem.at if isinstance(problem.at, tuple) else (problem.at,)
            ld.add(*entry.place(*at), problem.what(ld.lang), problem.fix(ld.lang))


def _check_calendars(ld: _Loader, entries: list[_Entry]) -> None:
    for entry in entries:
        text = entry.text("path") if entry.table == "calendar" else None
        if not text:
            continue
        if _calendar_path(ld.root, text).is_file():
            continue
        root = "." if ld.root.resolve() == ld.cwd.resolve() else ld.name(ld.root)
        ld.add(
            *entry.place("path"),
            ld.say("no_calendar", path=text),
            ld.say("no_calendar_fix", root=root),
        )


def _calendar_path(root: Path, text: str) -> Path:
    """Where a [[calendar]] path points: `~` expanded, relative to the workspace."""
    path = Path(text).expanduser()
    return path if path.is_absolute() else root / path


def user_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path("diklat", appauthor=False)


def environ() -> Mapping[str, str]:
    return os.environ


# --- the validated workspace, cached -----------------------------------------------------------

_CACHE_FORMAT = 7  # 7: keyed on ctime too (6: sources read, stricter validation; 4: models moved)


def _model_shape() -> str:
    """Every model's fields: a cached workspace pickled before a field was added is not served.

    Unpickling restores an object's attributes as they were saved, so a model that gained a
    field would come back without it, and fail only when the field is read.
    """
    return ";".join(
        f"{m.__name__}:{','.join(m.__dataclass_fields__)}"
        for m in sorted(Model.__subclasses__(), key=lambda m: m.__name__)
    )


def _fingerprint(root: Path) -> str:
    """What a validated workspace depends on: diklat's version and every TOML file's identity.

    Kept as text in the cache file and compared whole, not hashed: importing hashlib loads
    OpenSSL, a few milliseconds of every run for nothing.
    """
    from .. import __version__

    parts = [f"{_CACHE_FORMAT}\0{__version__}\0{root.resolve()}", _model_shape()]
    for p in sorted(root.rglob("*.toml")):
        rel = p.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        st = p.stat()
        # ctime too: an edit whose mtime was put back (touch -r, cp -p, tar) still changes it
        parts.append(f"{rel.as_posix()}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_size}")
    return "\n".join(parts)


def _unchanged(read_files: tuple[Stamp, ...]) -> bool:
    """Every file besides the TOML ([[tasks_from]], sessions_from) as it was when it was read
    (the source readers themselves are not imported on a cache hit)."""
    return all(stamp(Path(s[0])) == s for s in read_files)


def load_cached(
    root: Path, cache_dir: Path | None, lang: Lang | None = None, cwd: Path | None = None
) -> Workspace:
    """`load`, served from a pickle in `cache_dir` while no file of the workspace has changed.

    Validating the files costs more than planning the day (pydantic builds its validators on
    first use), and the files change far less often than `diklat plan` runs. Only a workspace that
    loaded cleanly is cached; a change to any TOML file (time stamp or size) loads it afresh, and so
    do a `[[calendar]]` file that has gone missing and a changed [[tasks_from]] or sessions_from
    file (a re-export), so every problem is still reported. One
    file per workspace folder: a new version replaces the old one.
    """
    import pickle
    import zlib

    if cache_dir is None or not root.is_dir() or not (root / MARKER).is_file():
        return load(root, lang, cwd)
    try:
        key = _fingerprint(root)
    except OSError:
        return load(root, lang, cwd)
    name = zlib.crc32(str(root.resolve()).encode("utf-8", "surrogateescape"))
    path = cache_dir / "workspaces" / f"{name:08x}.pickle"
    with contextlib.suppress(Exception):  # a damaged cache file of any kind is rebuilt below
        # our own file, in the user's cache; a damaged one is rebuilt below
        seen, cached = pickle.loads(read_limited(path, 4 * MAX_STATE_BYTES))
        if (
            seen == key
            and isinstance(cached, Workspace)
            and all(_calendar_path(root, c.path).is_file() for c in cached.calendars)
            and _unchanged(cached.read_files)
        ):
            return cached
    ws = load(root, lang, cwd)
    from .state import write_atomic

    with contextlib.suppress(OSError, pickle.PicklingError):
        write_atomic(path, pickle.dumps((key, ws), protocol=pickle.HIGHEST_PROTOCOL))
    return ws
