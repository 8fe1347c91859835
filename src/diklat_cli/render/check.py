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
from ..planning.suggest import Candidate
from ..workspace.models import Training
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
        "sg_empty": {
            "id": "Tidak ada hari kerja di rentang itu.",
            "en": "No working day in that range.",
        },
    }
)

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
MARK = {"error": "✗", "warning": "!", "info": "i"}


def console(file: IO[str] | None = None, width: int | None = None) -> Console:
    return Console(file=file, width=width, highlight=False, emoji=False, soft_wrap=False)


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
            body = Text(f.message)
            if f.refs:
                body.append(f"\n{M(lang, 'items')}: {', '.join(f.refs)}", style="dim")
            if f.suggestion:
                body.append(f"\n→ {f.suggestion}")
            grid.add_row(Text(MARK[sev], style=STYLE[sev]), body)
        con.print(grid)
    c = counts(found)
    con.print()
    n = {k: M.count(lang, f"n_{k}", c[k]) for k in ("error", "warning", "info")}
    con.print(Text(M(lang, "summary", errors=n["error"], warnings=n["warning"], infos=n["info"])))


def findings_json(found: Sequence[Conflict], today: date) -> str:
    data: dict[str, Any] = {
        "date": today.isoformat(),
        "counts": counts(found),
        "findings": [
            {
                "kind": f.kind,
                "severity": f.severity,
                "message": f.message,
                "refs": list(f.refs),
                "suggestion": f.suggestion,
            }
            for f in found
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def suggestions(
    con: Console,
    training: Training,
    ranked: Sequence[Candidate],
    first: date,
    last: date,
    lang: Lang,
    shown: int,
) -> None:
    days = (training.end - training.start).days + 1
    con.print(
        Text(
            M(
                lang,
                "sg_title",
                training=training.title,
                days=M.count(lang, "n_days", days),
                first=format_date(first, lang, "medium"),
                last=format_date(last, lang, "medium"),
            ),
            style="bold",
        )
    )
    if not ranked:
        con.print(M(lang, "sg_empty"))
        return
    top = list(ranked[:shown])
    current = next((c for c in ranked if c.current), None)
    if current is not None and current not in top:
        top.append(current)
    table = Table(box=None, padding=(0, 1), header_style="bold", show_edge=False)
    table.add_column(M(lang, "sg_rank"), justify="right")
    table.add_column(M(lang, "sg_dates"))
    table.add_column(M(lang, "sg_points"), justify="right")
    table.add_column(M(lang, "sg_why"))
    for c in top:
        dates = f"{format_date(c.start, lang, 'medium')} – {format_date(c.end, lang, 'medium')}"
        if c.current:
            dates += f"\n{M(lang, 'sg_current')}"
        table.add_row(
            str(ranked.index(c) + 1),
            dates,
            str(c.penalty),
            Text("\n".join(f"• {r}" for r in c.reasons)),  # Text: no markup from titles
            style="bold" if c is ranked[0] else "",
        )
    con.print(table)
    con.print(Text(M(lang, "sg_note"), style="dim"))


def suggestions_json(training: Training, ranked: Sequence[Candidate]) -> str:
    data = {
        "training": training.id,
        "candidates": [
            {
                "start": c.start.isoformat(),
                "end": c.end.isoformat(),
                "points": c.penalty,
                "current": c.current,
                "reasons": list(c.reasons),
            }
            for c in ranked
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
