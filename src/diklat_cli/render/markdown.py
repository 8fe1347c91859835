"""`diklat plan --format markdown`: a day plan to paste into notes or a chat.

Plain lists with bold times read well both as rendered Markdown and as raw text in a chat window,
so the output avoids tables, which chats show as a mess of pipes.
"""

from __future__ import annotations

from ..i18n import Lang, format_date, format_duration
from ..planning.plan import Block, Plan
from . import findings as finding
from . import plan_words
from .escape import md_inline, md_link
from .words import (
    MOVED_LIMIT,
    M,
    View,
    block_note,
    block_title,
    capped,
    colleague,
    delegated,
    due_text,
    fillers,
    heading,
    kind_label,
    late_tasks,
    late_text,
    load,
    load_line,
    more_notes,
    more_rows,
    number,
    off_line,
    off_reason,
    quadrant_label,
    ranked,
    severity_label,
    shown_conflicts,
    shown_days,
    span,
    suggested,
    task_title,
    term_label,
    week_heading,
)
from .zones import beside


def _escape(text: str) -> str:
    """User text must not turn into emphasis, links, HTML or new lines (render/escape.py)."""
    return md_inline(text)


def _block(plan: Plan, b: Block, view: View) -> str:
    lang = view.lang
    line = f"- **{span(plan, b, lang)}**{beside(plan, b, lang)} {kind_label(plan, b, lang)}"
    if b.kind != "break":
        line += f": {_escape(block_title(plan, b, lang))}"
    if b.kind == "task" and b.ref:
        line += f" (`{b.ref}`)"
    if b.quadrant:
        line += f" — _{quadrant_label(b.quadrant, lang)}_"
    extra = [x for x in (block_note(b, lang), b.location) if x]
    if extra:
        line += "  \n  " + _escape(" · ".join(extra))
    if b.link:
        line += f"  \n  {md_link(b.link)}"
    return line


def _days(plan: Plan, view: View) -> list[str]:
    lang = view.lang
    out: list[str] = []
    for d, day in shown_days(plan, view):
        out.append(f"## {heading(plan, d, lang)}" if out else f"# {heading(plan, d, lang)}")
        out.append("")
        if day is None:
            out += [f"_{M(lang, 'past')}_", ""]
            continue
        if not day.working:
            out += [f"_{_escape(off_line(day, lang))}_", ""]
        elif day.note:
            out += [f"_{_escape(plan_words.day_note(day.note, lang))}_", ""]
        blocks = sorted(day.blocks, key=lambda b: (b.start, b.end))
        out += [_block(plan, b, view) for b in blocks] or [M(lang, "no_blocks")]
        out += ["", load_line(day, lang), ""]
    return out


def _week(plan: Plan, view: View) -> list[str]:
    lang = view.lang
    out = [f"# {week_heading(plan, view)}", ""]
    for d, day in shown_days(plan, view):
        label = format_date(d, lang, "short")
        if day is None:
            out.append(f"- **{label}** — _{M(lang, 'past')}_")
        elif not day.working:
            what = ", ".join(fillers(plan, day, lang))
            why = off_reason(day, lang) + (f"; {what}" if what else "")
            out.append(f"- **{label}** — _{_escape(why)}_")
        else:
            ld = load(day)
            what = _escape(", ".join(fillers(plan, day, lang))) or M(lang, "load.none")
            free = f", {M(lang, 'col.free').lower()} {format_duration(ld.free, lang)}"
            out.append(f"- **{label}** — {format_duration(ld.planned, lang)}{free}: {what}")
    out.append("")
    return out


def _more(left: int, lang: Lang, key: str = "more_rows") -> list[str]:
    """The line under a list cut short, as the terminal says it: how many more, and where."""
    return [f"- _{more_rows(left, lang, key)}_"] if left else []


def _sections(plan: Plan, view: View) -> list[str]:
    """The lists under the days, in the terminal's order. A note pasted into a chat is read like
    the terminal: the first rows of each list, then how many more (the JSON keeps them all)."""
    out: list[str] = []
    for section in (
        _moved,
        _unscheduled,
        _late,
        _missed,
        _clashes,
        _delegated,
        _suggested,
        _explain,
        _warnings,
    ):
        if lines := section(plan, view):
            out += [*lines, ""]
    return out


def _heading(key: str, lang: Lang, count: int | None = None) -> list[str]:
    title = M(lang, key) + (f" ({count})" if count is not None else "")
    return [f"## {title}", ""]


def _moved(plan: Plan, view: View) -> list[str]:
    """What moved since the last plan, as the terminal says it: where the work was, why it
    gave way, where it goes now."""
    groups = plan_words.move_groups(plan)
    if not groups:
        return []
    lang = view.lang
    out = [f"## {plan_words.moved_heading(plan, lang)} ({len(groups)})", ""]
    shown, left = capped(groups, MOVED_LIMIT)
    for moves in shown:
        m = moves[0]
        day, spans = plan_words.move_when(plan, moves, lang)
        text = plan_words.move_text(plan, m, lang)
        out.append(
            f"- **{day} {', '.join(spans)}** {_escape(m.title)} (`{m.ref}`): {_escape(text)}"
        )
    return out + _more(left, lang)


def _unscheduled(plan: Plan, view: View) -> list[str]:
    if not plan.unscheduled:
        return []
    lang = view.lang
    out = _heading("sec.unscheduled", lang)
    missing, left = capped(plan.unscheduled, view.limit)
    for u in missing:
        reason = plan_words.reason(u, lang)
        line = f"- {_escape(task_title(plan, u.ref))} (`{u.ref}`), {format_duration(u.minutes, lang)}: {_escape(reason)}"
        if u.suggestion:
            hint = plan_words.suggestion(u.suggestion, lang)
            line += f"  \n  {_escape(M(lang, 'suggestion', text=hint))}"
        out.append(line)
    return out + _more(left, lang)


def _late(plan: Plan, view: View) -> list[str]:
    late = late_tasks(plan)
    if not late:
        return []
    lang = view.lang
    rows, left = capped(late, view.limit)
    out = _heading("sec.late", lang)
    out += [f"- {_escape(t.title)} (`{t.id}`): {_escape(late_text(plan, t, lang))}" for t in rows]
    return out + _more(left, lang)


def _missed(plan: Plan, view: View) -> list[str]:
    groups = plan_words.missed(plan)
    if not groups:
        return []
    out = _heading("sec.missed", view.lang, sum(map(len, groups)))
    return out + [f"- {_escape(plan_words.missed_line(plan, ts, view.lang))}" for ts in groups]


def _clashes(plan: Plan, view: View) -> list[str]:
    clashes, notes = shown_conflicts(plan)
    if not (clashes or notes):
        return []
    lang = view.lang
    out = _heading("sec.conflicts", lang)
    shown, left = capped(clashes, view.limit)
    for c in shown:
        line = f"- **{severity_label(c.severity, lang)}**: {_escape(finding.message(c, lang))}"
        if c.severity == "error" and (fix := finding.suggestion(c, lang)):
            line += f"  \n  {_escape(M(lang, 'suggestion', text=fix))}"
        out.append(line)
    return [*out, *_more(left, lang, "more_clashes"), f"- _{more_notes(plan, lang)}_"]


def _delegated(plan: Plan, view: View) -> list[str]:
    dlg = delegated(plan)
    if not dlg:
        return []
    lang = view.lang
    out = _heading("sec.delegated", lang)
    rows, left = capped(dlg, view.limit)
    for t in rows:
        who = colleague(view, t.delegated_to or "")
        if t.auto_delegated:
            who += f" ({plan_words.auto_delegated(lang)})"
        out.append(
            f"- {_escape(t.title)} (`{t.id}`) → {_escape(who)}, {_escape(due_text(plan, t, lang))}"
        )
    return out + _more(left, lang)


def _suggested(plan: Plan, view: View) -> list[str]:
    hints = suggested(plan)
    if not hints:
        return []
    lang = view.lang
    out = _heading("sec.suggested", lang, sum(n for _, n in hints))
    rows, left = capped(hints, view.limit)
    for t, n in rows:
        assert t.suggest is not None
        routine = "@" in t.id
        text = plan_words.hint(t.suggest, lang, routine=routine)
        ref, times = (t.id.partition("@")[0], f" ({n}×)") if routine else (t.id, "")
        out.append(f"- {_escape(t.title)}{times} (`{ref}`): {_escape(text)}")
    return out + _more(left, lang)


def _explain(plan: Plan, view: View) -> list[str]:
    if not view.explain:
        return []
    lang = view.lang
    out = _heading("sec.explain", lang)
    rows, left = capped(ranked(plan), view.explain_limit)
    for t in rows:
        out.append(
            f"- {_escape(t.title)} (`{t.id}`): _{quadrant_label(t.quadrant, lang)}_, "
            f"{M(lang, 'urgency', n=number(t.urgency, lang))}"
        )
        out += [
            f"  - {term_label(x.name, lang)}: {number(x.value, lang)} × "
            f"{number(x.coefficient, lang, 1)} = {number(x.score, lang)}"
            for x in t.terms
        ]
    return out + _more(left, lang)


def _warnings(plan: Plan, view: View) -> list[str]:
    if not plan.warnings:
        return []
    out = _heading("sec.warnings", view.lang)
    return out + [f"- {_escape(plan_words.warning(w, view.lang))}" for w in plan.warnings]


def render(plan: Plan, view: View) -> str:
    lines = _week(plan, view) if view.week else _days(plan, view)
    lines += _sections(plan, view)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"
