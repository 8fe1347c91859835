"""The SKP note in words: Markdown to paste into e-Kinerja, and JSON for scripts."""

from __future__ import annotations

import json
from typing import Any

from ..i18n import Catalog, Lang, format_date
from ..planning.skp import Sharing, SkpNote
from ..workspace.models import Profile
from .escape import json_text, md_inline
from .handover import knowledge_task

M = Catalog(
    {
        "heading": {
            "id": "Pengembangan kompetensi {year}: catatan untuk SKP",
            "en": "Competence development {year}: a note for the SKP",
        },
        "who": {"id": "{name}, NIP {nip}", "en": "{name}, NIP {nip}"},
        "columns": {
            "id": "| No | Pelatihan | Penyelenggara | Tanggal | JP | Sertifikat | Status |",
            "en": "| No | Training | Provider | Dates | JP | Certificate | Status |",
        },
        "done": {"id": "selesai", "en": "finished"},
        "underway": {"id": "sedang berjalan", "en": "under way"},
        "planned": {"id": "direncanakan", "en": "planned"},
        "none": {
            "id": "Belum ada pelatihan yang berakhir pada {year}.",
            "en": "No training ends in {year}.",
        },
        "total": {
            "id": "Jumlah: {done} JP selesai{underway}, {planned} JP direncanakan; target {target} JP.",
            "en": "Total: {done} JP finished{underway}, {planned} JP planned; target {target} JP.",
        },
        "underway_jp": {
            "id": ", sekitar {n} JP sedang berjalan",
            "en": ", about {n} JP under way",
        },
        "sharing": {
            "id": "Berbagi ilmu sesudah pelatihan",
            "en": "Knowledge sharing after the training",
        },
        "due": {"id": "tenggat {day}", "en": "due {day}"},
        "no_sharing": {"id": "belum ada", "en": "none yet"},
        "hint": {
            "id": "Tandai yang sudah dilakukan dengan 'diklat done ID' (salin dulu sebagai [[task]] "
            "bila belum ada); lihat 'diklat handover ID --return'.",
            "en": "Mark what is done with 'diklat done ID' (copy it as a [[task]] first if it is "
            "not one); see 'diklat handover ID --return'.",
        },
    }
)


def _cell(text: str) -> str:
    return md_inline(text) or "-"  # what users typed stays text (render/escape.py)


def _dates(start: Any, end: Any, lang: Lang) -> str:
    if start == end:
        return format_date(start, lang, "long")
    return f"{format_date(start, lang, 'long')} – {format_date(end, lang, 'long')}"


def _jp(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.1f}"


def markdown(note: SkpNote, profile: Profile, lang: Lang) -> str:
    """The note as Markdown: a table of the trainings, then the knowledge-sharing of each."""
    lines = [f"# {M(lang, 'heading', year=note.year)}", ""]
    lines += [md_inline(M(lang, "who", name=profile.name, nip=profile.nip or "-"))]
    if profile.position or profile.unit:
        lines += ["", md_inline(", ".join(p for p in (profile.position, profile.unit) if p))]
    lines.append("")
    if not note.entries:
        return "\n".join([*lines, M(lang, "none", year=note.year), ""])
    lines += [M(lang, "columns"), "|---|---|---|---|---:|---|---|"]
    for i, e in enumerate(note.entries, start=1):
        t = e.training
        cells = [
            str(i),
            _cell(t.title),
            _cell(t.provider),
            _dates(t.start, t.end, lang),
            str(t.jp),
            _cell(t.certificate),
            M(lang, e.status),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    underway = M(lang, "underway_jp", n=_jp(note.jp_underway)) if note.jp_underway else ""
    total = M(
        lang,
        "total",
        done=_jp(note.jp_done),
        underway=underway,
        planned=_jp(note.jp_planned),
        target=note.target,
    )
    lines += ["", total, "", f"## {M(lang, 'sharing')}", ""]
    for e in note.entries:
        lines.append(f"### {md_inline(e.training.title)}")
        lines.append("")
        for s in e.sharing:
            due = f" ({M(lang, 'due', day=format_date(s.due, lang, 'long'))})" if s.due else ""
            lines.append(f"- [{'x' if s.done else ' '}] {md_inline(_title(s, lang))}{due} `{s.id}`")
        if not e.sharing:
            lines.append(f"- {M(lang, 'no_sharing')}")
        lines.append("")
    lines += [f"_{M(lang, 'hint')}_", ""]
    return "\n".join(lines)


def _title(s: Sharing, lang: Lang) -> str:
    if s.task is not None:
        return s.task.title
    assert s.knowledge is not None
    return knowledge_task(s.knowledge, lang).title


def to_json(note: SkpNote, profile: Profile) -> str:
    """The note as JSON: stable keys, dates in ISO form."""
    data = {
        "year": note.year,
        "name": profile.name,
        "nip": profile.nip,
        "jp": {
            "done": note.jp_done,
            "underway": round(note.jp_underway, 1),
            "planned": round(note.jp_planned, 1),
            "target": note.target,
        },
        "trainings": [
            {
                "id": e.training.id,
                "title": e.training.title,
                "kind": e.training.kind,
                "provider": e.training.provider,
                "start": e.training.start.isoformat(),
                "end": e.training.end.isoformat(),
                "jp": e.training.jp,
                "certificate": e.training.certificate,
                "basis": e.training.basis,
                "status": e.status,
                "knowledge_sharing": [
                    {
                        "id": s.id,
                        "title": _title(s, profile.language),
                        "due": s.due.isoformat() if s.due else None,
                        "done": s.done,
                    }
                    for s in e.sharing
                ],
            }
            for e in note.entries
        ],
    }
    return json_text(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"
