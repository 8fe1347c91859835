"""What every command needs from the outside world: the workspace, the language, today, state.

Commands get an `Options` from Typer's context and ask it; it reads files, the environment and
the clock lazily and once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ClassVar
from zoneinfo import ZoneInfo

import typer

from ..errors import UsageError
from ..i18n import DEFAULT_LANG, Catalog, Lang, parse_lang
from ..planning.calendar import BusyEvent
from ..render.escape import terminal
from ..workspace import loader as wsmod
from ..workspace.holidays_id import HolidayCache, HolidayData, holiday_data
from ..workspace.models import Workspace
from ..workspace.state import STATE_DIR, Progress

if TYPE_CHECKING:
    from ..planning.plan import Plan
    from ..planning.previous import PlanRecord

M = Catalog(
    {
        "demo": {
            "id": "Memakai ruang kerja contoh (demo). Buat milik Anda dengan 'diklat init'.",
            "en": "Using the demo workspace. Create your own with 'diklat init'.",
        },
        "bad_date": {
            "id": "{option} '{value}' bukan tanggal; tulis seperti 2026-12-01",
            "en": "{option} '{value}' is not a date; write it as 2026-12-01",
        },
        "far_date": {
            "id": "{shown} di luar {first} s.d. {last}; periksa tahunnya",
            "en": "{shown} is outside {first} to {last}; check the year",
        },
        "plan_unreadable": {
            "id": "Catatan rencana sebelumnya {path} tidak dapat dibaca ({reason}); rencana dibuat "
            "dari awal. Hapus berkas itu bila pesan ini muncul lagi.",
            "en": "The record of the last plan {path} cannot be read ({reason}); the plan is made "
            "afresh. Delete that file if this message comes back.",
        },
        "plan_unsaved": {
            "id": "Rencana ini tidak dapat disimpan untuk besok ({reason}); besok rencana dibuat "
            "dari awal.",
            "en": "This plan cannot be kept for tomorrow ({reason}); tomorrow's plan is made afresh.",
        },
        "no_cuti": {
            "id": "Data cuti bersama tahun {years} belum ada di paket holidays; tambahkan sebagai [[holiday]] "
            "bila SKB sudah terbit.",
            "en": "No cuti bersama data for {years} in the holidays package yet; add them as [[holiday]] "
            "once the decree is out.",
        },
    }
)


# every command that plans takes the same --date, read by Options.day
DateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        help="Seolah hari ini YYYY-MM-DD / as if today were YYYY-MM-DD.",
        show_default=False,
    ),
]


@dataclass
class Options:
    """Global options, and everything derived from them on first use."""

    workspace: Path | None = None
    lang: str | None = None
    debug: bool = False
    env: Mapping[str, str] = field(default_factory=dict)
    cwd: Path = field(default_factory=Path.cwd)
    _warned: set[str] = field(default_factory=set, init=False, repr=False)  # calendar warnings

    _current: ClassVar[Options | None] = None

    def __post_init__(self) -> None:
        Options._current = self

    @property
    def no_color(self) -> bool:
        """NO_COLOR set and not empty (no-color.org): no escape codes at all, not even bold."""
        return bool(self.env.get("NO_COLOR"))

    @classmethod
    def current_lang(cls) -> Lang:
        """The language for messages printed when the workspace itself could not be loaded."""
        opts = cls._current
        if opts is None:
            return DEFAULT_LANG
        return parse_lang(opts.lang) or parse_lang(opts.env.get("DIKLAT_LANG")) or DEFAULT_LANG

    @cached_property
    def found(self) -> wsmod.Found:
        return wsmod.find(self.workspace, self.env, self.cwd, wsmod.user_dir())

    @cached_property
    def cache_dir(self) -> Path:
        """diklat's cache folder (holidays, names, validated workspaces, imported calendars)."""
        from platformdirs import user_cache_path

        return user_cache_path("diklat", appauthor=False)

    @cached_property
    def ws(self) -> Workspace:
        explicit = parse_lang(self.lang) or parse_lang(self.env.get("DIKLAT_LANG"))
        ws = wsmod.load_cached(self.found.path, self.cache_dir, lang=explicit, cwd=self.cwd)
        if self.found.how == "demo":
            from ..demo import shift_to

            ws = shift_to(ws, self.today)
            typer.echo(M(self.resolved_lang(ws), "demo"), err=True)
        return ws

    def resolved_lang(self, ws: Workspace | None = None) -> Lang:
        explicit = parse_lang(self.lang) or parse_lang(self.env.get("DIKLAT_LANG"))
        if explicit:
            return explicit
        return (ws.profile.language if ws else None) or DEFAULT_LANG

    @property
    def language(self) -> Lang:
        return self.resolved_lang(self.ws)

    @cached_property
    def today(self) -> date:
        """Today in the profile's time zone (read before the workspace: the demo moves with it)."""
        return datetime.now(ZoneInfo("Asia/Jakarta")).date()

    def now(self) -> datetime:
        """The clock, in the profile's time zone."""
        return datetime.now(ZoneInfo(self.ws.profile.timezone))

    def day(self, value: str | None) -> date:
        """`--date` or today."""
        if not value:
            return self.now().date()
        day = parse_day(value, "--date", self.current_lang())
        # the demo moves with the day asked for, so that `--date` on it still shows a real week
        self.__dict__.setdefault("today", day)
        return day

    @property
    def state_dir(self) -> Path | None:
        """`.diklat/` in the user's workspace; None for the demo, which lives in the package."""
        return None if self.found.how == "demo" else self.found.path / STATE_DIR

    def holidays(self, first: date, last: date) -> HolidayData:
        p = self.ws.planning
        cache = HolidayCache(self.cache_dir / "holidays.json")
        data = holiday_data(
            range(first.year, last.year + 1),
            public=p.holidays,
            cuti_bersama=p.cuti_bersama,
            cache=cache,
        )
        cache.save()
        if data.years_without_cuti_bersama:
            years = ", ".join(str(y) for y in data.years_without_cuti_bersama)
            typer.echo(M(self.language, "no_cuti", years=years), err=True)
        return data

    def progress(self) -> Progress:
        from ..workspace.state import load_progress

        return load_progress(self.state_dir)

    def last_plan(self, day: date, fresh: bool = False) -> PlanRecord | None:
        """The newest plan recorded for `day` or before (None with `fresh`, for the demo, or
        when there is none); a record diklat cannot read is said on stderr and left out."""
        if fresh:
            return None
        from ..workspace.lastplan import Unreadable, load_last_plan

        try:
            return load_last_plan(self.state_dir, day)
        except Unreadable as exc:
            reason = terminal(exc.reason)
            typer.echo(M(self.language, "plan_unreadable", path=exc.path, reason=reason), err=True)
            return None

    def keep_plan(self, plan: Plan, planned_for: date) -> None:
        """Record `plan` for tomorrow's when it is today's plan (not a look at another day);
        a folder that cannot be written costs only that, with a note on stderr."""
        state_dir = self.state_dir
        now = self.now()
        if state_dir is None or planned_for != now.date():
            return
        from ..planning.previous import record_of
        from ..workspace.lastplan import save_plan

        try:
            save_plan(state_dir, record_of(plan, now.replace(second=0, microsecond=0)))
        except OSError as exc:
            reason = terminal(exc.strerror or str(exc))
            typer.echo(M(self.language, "plan_unsaved", reason=reason), err=True)

    def busy(self, first: date, last: date) -> list[BusyEvent]:
        """Busy time from the workspace's [[calendar]] files; their warnings go to stderr."""
        if not self.ws.calendars:
            return []
        from ..workspace.icsimport import (
            read_calendars,  # icalendar is slow to import: only when needed
        )

        cache = self.cache_dir / "calendars.json"
        events, warnings = read_calendars(
            self.ws, self.found.path, first, last, self.language, cache
        )
        for w in warnings:
            if w not in self._warned:  # commands read several windows: say each thing once
                self._warned.add(w)
                typer.echo(terminal(w), err=True)  # a calendar's names, inert
        return events


def parse_day(
    value: str, option: str, lang: Lang, bad: str | None = None, shown: str | None = None
) -> date:
    """A date typed on the command line (`--date`, `--from`, `ID@DATE`), within the days diklat
    plans (workspace/values.py): a far year is a typo, and would overflow the date arithmetic.
    `bad` is the message for a value that is no date at all (the default names `option`), `shown`
    what a message calls the value (default: the option and the date)."""
    from ..workspace.values import FIRST_DAY, LAST_DAY

    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(bad or M(lang, "bad_date", option=option, value=value)) from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise UsageError(
            M(lang, "far_date", shown=shown or f"{option} {day}", first=FIRST_DAY, last=LAST_DAY)
        )
    return day


def options(ctx: typer.Context) -> Options:
    obj = ctx.find_root().obj
    assert isinstance(obj, Options)
    return obj
