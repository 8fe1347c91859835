"""`diklat check` on a terminal (rich) and as JSON: findings grouped by severity, and `--suggest`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import IO, Any

from rich.console import Console
from rich.table import Table

from ..i18n import Catalog, Lang, format_date
from ..planning.plan import Conflict
from ..planning.suggest import LEAD_DAYS, Candidate, Reason, Suggestions
from ..workspace.models import Training
from .escape import json_text
from .findings import message, suggestion
from .inert import Text  # rich's Text, without the control characters users typed

M = Catalog(
    {
        "title": {"id": "Pemeriksaan per {date}", "en": "Check as of {date}"},
        "error": {"id": "Kesalahan", "en": "Errors"},
        "warning": {"id": "Peringatan", "en": "Warnings"},
        "info": {"id": "Catatan", "en": "Notes"},
        "clean": {
            "id": "Tidak ada bentrok atau masalah. Selamat belajar!",
            "en": "No clashes or problems found.",
        },
        "summary": {"id": "{errors}, {warnings}, {infos}.", "en": "{errors}, {warnings}, {infos}."},
        "n_error": {"id": "{n} kesalahan", "en": "{n} error|{n} errors"},
        "n_warning": {"id": "{n} peringatan", "en": "{n} warning|{n} warnings"},
        "n_info": {"id": "{n} catatan", "en": "{n} note|{n} notes"},
        "n_days": {"id": "{n} hari", "en": "{n} day|{n} days"},
        "items": {"id": "Terkait", "en": "Items"},
        "fix": {"id": "Saran", "en": "Suggestion"},
        "sg_title": {
            "id": "Tanggal mulai yang lebih baik untuk {training} ({days}), {first} s.d. {last}",
            "en": "Better start dates for {training} ({days}), {first} to {last}",
        },
        "sg_rank": {"id": "No", "en": "#"},
        "sg_dates": {"id": "Tanggal", "en": "Dates"},
        "sg_points": {"id": "Poin", "en": "Points"},
        "sg_why": {"id": "Alasan", "en": "Why"},
        "sg_current": {"id": "(jadwal sekarang)", "en": "(current dates)"},
        "sg_note": {
            "id": "Poin kecil = lebih sedikit benturan. Bawa ke atasan saat konsultasi.",
            "en": "Fewer points = fewer clashes. Take it to your supervisor.",
        },
        "sg_moved": {
            "id": "Usulan mulai paling awal {earliest}, {n} hari kerja dari hari ini (waktu untuk "
            "izin atasan dan surat tugas), bukan {asked}. Jadwal sekarang tetap ditampilkan "
            "sebagai pembanding.",
            "en": "Suggestions start on {earliest} at the earliest, {n} working days from today "
            "(time to ask your supervisor and get the surat tugas), not {asked}. The current "
            "dates stay shown for comparison.",
        },
        "sg_empty": {
            "id": "Tidak ada tanggal mulai yang bisa diusulkan di rentang itu.",
            "en": "No start date to suggest in that range.",
        },
        # why a candidate date costs points
        "why_quiet": {
            "id": '{n} hari di masa sibuk "{title}" ({level})',
            "en": 'days in the busy period "{title}" ({level}): {n}',
        },
        "why_avoid": {"id": "hindari", "en": "avoid"},
        "why_caution": {"id": "hati-hati", "en": "caution"},
        "why_training": {
            "id": '{n} hari bersamaan dengan "{title}"',
            "en": 'days at the same time as "{title}": {n}',
        },
        "why_deadlines": {
            "id": "{n} tenggat saat di kelas: {titles}",
            "en": "deadlines while in class: {titles}",
        },
        "why_routine": {
            "id": "{n} tugas rutin dialihkan",
            "en": "routine duties to hand over: {n}",
        },
        "why_meetings": {
            "id": "{n} rapat terlewat atau bentrok",
            "en": "meetings missed or clashing: {n}",
        },
        "why_holidays": {
            "id": "{n} sesi pada hari libur",
            "en": "sessions on a holiday: {n}",
        },
        "why_clear": {"id": "tidak mengenai apa pun", "en": "hits nothing"},
    }
)

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
MARK = {"error": "✗", "warning": "!", "info": "i"}


def console(
    file: IO[str] | None = None, width: int | None = None, *, no_color: bool = False
) -> Console:
    """The plan's console (render.terminal.make_console): NO_COLOR drops bold and dim too."""
    from .terminal import make_console

    return make_console(file, width, no_color=no_color)


def counts(findings: Sequence[Conflict]) -> dict[str, int]:
    return {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}


def findings(con: Console, found: Sequence[Conflict], today: date, lang: Lang) -> None:
    con.print(Text(M(lang, "title", date=format_date(today, lang)), style="bold"))
    if not any(f.severity != "info" for f in found):
        con.print(Text(M(lang, "clean"), style="green"))
    for sev in ("error", "warning", "info"):
        group = [f for f in found if f.severity == sev]
        if not group:
            continue
        con.print()
        con.print(Text(f"{M(lang, sev)} ({len(group)})", style=STYLE[sev] + " underline"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=1)
        grid.add_column()
        for f in group:
            body = Text(message(f, lang))
            if f.refs:
                body.append(f"\n{M(lang, 'items')}: {', '.join(f.refs)}", style="dim")
            fix = suggestion(f, lang)
            if fix:
                body.append(f"\n→ {fix}")
            grid.add_row(Text(MARK[sev], style=STYLE[sev]), body)
        con.print(grid)
    c = counts(found)
    con.print()
    n = {k: M.count(lang, f"n_{k}", c[k]) for k in ("error", "warning", "info")}
    con.print(Text(M(lang, "summary", errors=n["error"], warnings=n["warning"], infos=n["info"])))


def findings_json(found: Sequence[Conflict], today: date, lang: Lang) -> str:
    data: dict[str, Any] = {
        "date": today.isoformat(),
        "counts": counts(found),
        "findings": [
            {
                "kind": f.kind,
                "severity": f.severity,
                "message": message(f, lang),
                "refs": list(f.refs),
                "suggestion": suggestion(f, lang),
            }
            for f in found
        ],
    }
    return json_text(json.dumps(data, ensure_ascii=False, indent=2))


def reasons(c: Candidate, lang: Lang) -> list[str]:
    """Why a candidate date costs its points, term by term."""
    return [_reason(r, lang) for r in c.reasons] or [M(lang, "why_clear")]


def _reason(r: Reason, lang: Lang) -> str:
    if r.hit == "quiet":
        return M(lang, "why_quiet", n=r.n, title=r.title, level=M(lang, f"why_{r.level}"))
    if r.hit == "training":
        return M(lang, "why_training", n=r.n, title=r.title)
    if r.hit == "deadlines":
        titles = "; ".join(f"{t} ({format_date(d, lang, 'medium')})" for t, d in r.deadlines)
        return M(lang, "why_deadlines", n=r.n, titles=titles)
    return M(lang, f"why_{r.hit}", n=r.n)


def suggestions(
    con: Console,
    training: Training,
    found: Suggestions,
    lang: Lang,
    shown: int,
) -> None:
    days = (training.end - training.start).days + 1
    w, ranked, current = found.window, found.ranked, found.current
    con.print(
        Text(
            M(
                lang,
                "sg_title",
                training=training.title,
                days=M.count(lang, "n_days", days),
                first=format_date(w.first, lang, "medium"),
                last=format_date(w.last, lang, "medium"),
            ),
            style="bold",
        )
    )
    if w.moved_from is not None:
        con.print(moved_note(found, lang))
    if not ranked:
        con.print(M(lang, "sg_empty"))
    table = Table(box=None, padding=(0, 1), header_style="bold", show_edge=False)
    table.add_column(M(lang, "sg_rank"), justify="right")
    table.add_column(M(lang, "sg_dates"))
    table.add_column(M(lang, "sg_points"), justify="right")
    table.add_column(M(lang, "sg_why"))
    top = list(ranked[:shown])
    if current not in top:
        top.append(current)
    for c in top:
        dates = f"{format_date(c.start, lang, 'medium')} – {format_date(c.end, lang, 'medium')}"
        if c.current:
            dates += f"\n{M(lang, 'sg_current')}"
        table.add_row(
            str(ranked.index(c) + 1) if c in ranked else "–",
            dates,
            str(c.penalty),
            Text("\n".join(f"• {r}" for r in reasons(c, lang))),  # Text: no markup from titles
            style="bold" if ranked and c is ranked[0] else "",
        )
    con.print(table)
    con.print(Text(M(lang, "sg_note"), style="dim"))


def moved_note(found: Suggestions, lang: Lang) -> str:
    """Why the first start shown is not the one asked for: it is past or too near."""
    w = found.window
    assert w.moved_from is not None
    return M(
        lang,
        "sg_moved",
        asked=format_date(w.moved_from, lang, "medium"),
        earliest=format_date(w.earliest, lang, "medium"),
        n=LEAD_DAYS,
    )


def _candidate(c: Candidate, lang: Lang) -> dict[str, Any]:
    return {
        "start": c.start.isoformat(),
        "end": c.end.isoformat(),
        "points": c.penalty,
        "current": c.current,
        "reasons": reasons(c, lang),
    }


def suggestions_json(training: Training, found: Suggestions, lang: Lang) -> str:
    w = found.window
    data = {
        "training": training.id,
        "first": w.first.isoformat(),
        "last": w.last.isoformat(),
        "earliest": w.earliest.isoformat(),
        "moved_from": w.moved_from.isoformat() if w.moved_from else None,
        "note": moved_note(found, lang) if w.moved_from else None,
        "candidates": [_candidate(c, lang) for c in found.ranked],
        "current": _candidate(found.current, lang),
    }
    return json_text(json.dumps(data, ensure_ascii=False, indent=2))
