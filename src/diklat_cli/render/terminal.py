"""The plan on a terminal (rich): a day's timeline, several days, a week grid, and `diklat why`.

This is the only module on `diklat plan`'s path that imports rich, and it imports only the parts
it draws with (console, table, text), which keeps the start-up cost of a morning command low.
Every function takes the Console to print on, so tests can give a fixed-width one without colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import IO

from rich.console import Console
from rich.table import Table

from ..i18n import Catalog, Lang, format_date, format_duration
from ..planning.plan import Block, DayPlan, Plan, Quadrant, TaskStatus
from . import findings as finding
from . import plan_words
from .escape import safe_url
from .inert import Text  # rich's Text, without the control characters users typed
from .words import (
    MOVED_LIMIT,
    M,
    View,
    block_note,
    block_title,
    capped,
    colleague,
    count,
    delegated,
    due_text,
    fill,
    heading,
    kind_label,
    late_tasks,
    late_text,
    load,
    load_line,
    moment,
    more_notes,
    more_rows,
    next_working,
    number,
    off_line,
    off_reason,
    quadrant_label,
    quadrant_long,
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
from .zones import local_span

W = Catalog(
    {
        "why.quadrant": {"id": "Kuadran", "en": "Quadrant"},
        "why.due": {"id": "Tenggat", "en": "Due"},
        "why.urgency": {"id": "Urgensi", "en": "Urgency"},
        "why.work": {"id": "Pekerjaan", "en": "Work"},
        "why.work_text": {
            "id": "{left} tersisa; {scheduled} terjadwal",
            "en": "{left} left; {scheduled} scheduled",
        },
        "why.work_rest": {
            "id": ", {rest} belum terjadwal",
            "en": ", {rest} not scheduled",
        },
        "why.when": {"id": "Jadwal", "en": "Scheduled"},
        "why.nothing": {
            "id": "belum ada blok terjadwal",
            "en": "no block scheduled",
        },
        "why.late": {"id": "Terlambat", "en": "Late"},
        "why.unscheduled": {"id": "Belum terjadwal", "en": "Unscheduled"},
        "why.delegated": {"id": "Didelegasikan", "en": "Delegated"},
        "why.done": {"id": "Status", "en": "Status"},
        "why.done_text": {"id": "selesai", "en": "done"},
        "why.missed": {
            "id": "terlewat: harinya sudah lewat tanpa catatan; tetap di rencana sampai dicatat "
            "dengan diklat done (atau --skip)",
            "en": "missed: its day passed with nothing recorded; it stays in the plan until "
            "diklat done records it (or --skip)",
        },
        "why.suggest": {"id": "Saran delegasi", "en": "Could delegate"},
        "why.finish": {"id": "Selesai", "en": "Finishes"},
        "why.moved": {"id": "Dipindah", "en": "Moved"},
        "why.on_time": {"id": "tepat waktu", "en": "on time"},
    }
)

QUADRANT_STYLE: dict[Quadrant, str] = {
    "do": "bold red",
    "plan": "green",
    "delegate": "yellow",
    "drop": "dim",
}
KIND_STYLE = {"task": "", "study": "magenta", "training": "cyan", "event": "cyan", "break": "dim"}
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "dim"}
BAR_WIDTH = 10
MIN_WHAT = 20  # the narrowest title column of a day's timeline


def make_console(
    file: IO[str] | None = None,
    width: int | None = None,
    *,
    no_color: bool = False,
    force_terminal: bool | None = None,
) -> Console:
    """The console `diklat` prints on: no guessing at emoji or numbers in users' titles.

    Rich honours NO_COLOR by dropping colours but keeps bold and underline; `no_color` (the CLI
    passes NO_COLOR's presence) turns off every escape code, which is what pipes and screen
    readers want.
    """
    return Console(
        file=file,
        width=width,
        highlight=False,
        emoji=False,
        soft_wrap=False,
        color_system=None if no_color else "auto",
        no_color=no_color or None,
        force_terminal=force_terminal,
    )


def _grid(console: Console, *, header: bool = False) -> Table:
    return Table(
        box=None,
        show_header=header,
        header_style="bold",
        padding=(0, 1),
        pad_edge=True,
        show_edge=False,
    )


def _title(text: str, ref: str | None = None, style: str = "") -> Text:
    t = Text(text, style=style)
    if ref:
        t.append(f"  {ref}", style="dim")
    return t


# --- a day ---------------------------------------------------------------------------------------


def _what(plan: Plan, b: Block, view: View, *, kindless: bool = False) -> Text:
    t = _title(
        block_title(plan, b, view.lang),
        b.ref if b.kind == "task" else None,
        "bold" if b.kind == "task" else "",
    )
    if b.kind == "break":  # the kind column names it, or (when dropped) the title does
        t = Text(block_title(plan, b, view.lang) if kindless else "", style="dim")
    extra = " · ".join(
        x for x in (local_span(plan, b, view.lang), block_note(b, view.lang), b.location) if x
    )
    if extra:
        t.append(("\n" if t.plain else "") + extra, style="dim")
    if b.link:
        # a long link folds at the column's edge; the hyperlink keeps it clickable where supported
        # (only a web, mail, phone or meeting-app link: a `javascript:` one stays text)
        link = f" link {b.link}" if safe_url(b.link) else ""
        t.append("\n" + b.link, style=f"blue underline{link}")
    return t


def _timeline(console: Console, plan: Plan, day: DayPlan, view: View) -> None:
    lang = view.lang
    # fixed widths, so that the columns line up from one day to the next; the time stays whole
    # at any width: a narrow terminal drops the kind column first, then wraps the titles
    kinds = [
        len(kind_label(plan, b, lang)) for _, x in shown_days(plan, view) if x for b in x.blocks
    ]
    kind_w = min(max(kinds, default=5), 15 if console.width < 100 else 25)
    quad_w = max(len(quadrant_label(q, lang)) for q in QUADRANT_STYLE)
    time_w = max(11, len(M(lang, "all_day")))
    room = console.width - 1 - time_w - quad_w  # each column pads one space on either side
    with_kind = room - 8 - kind_w >= MIN_WHAT
    what_w = min(60, max(MIN_WHAT, room - (8 + kind_w if with_kind else 6)))
    table = _grid(console)
    table.add_column(no_wrap=True, width=time_w, min_width=time_w)
    if with_kind:
        table.add_column(width=kind_w)
    table.add_column(overflow="fold", width=what_w)
    table.add_column(no_wrap=True, width=quad_w)
    for b in sorted(day.blocks, key=lambda b: (b.start, b.end)):
        style = KIND_STYLE.get(b.kind, "")
        quadrant = (
            Text(quadrant_label(b.quadrant, lang), style=QUADRANT_STYLE[b.quadrant])
            if b.quadrant
            else Text("")
        )
        when = Text(span(plan, b, lang), style="dim" if b.kind == "break" else "bold")
        kind = [Text(kind_label(plan, b, lang), style=style)] if with_kind else []
        table.add_row(when, *kind, _what(plan, b, view, kindless=not with_kind), quadrant)
    console.print(table)


def _day(console: Console, plan: Plan, d: date, day: DayPlan | None, view: View) -> None:
    lang = view.lang
    console.print(Text(heading(plan, d, lang), style="bold underline"))
    if day is None:
        console.print(Text(" " + M(lang, "past"), style="dim"))
        return
    if not day.working:
        console.print(Text(" " + off_line(day, lang), style="yellow"))
        hint = next_working(plan, d, lang) if len(view.dates) == 1 else None
        if hint:
            console.print(Text(" " + hint, style="dim"))
    elif day.note:
        console.print(Text(" " + plan_words.day_note(day.note, lang), style="yellow"))
    if day.blocks:
        _timeline(console, plan, day, view)
    elif day.working:
        console.print(Text(" " + M(lang, "no_blocks"), style="dim"))
    if day.working or day.blocks:
        console.print(Text(" " + load_line(day, lang), style="dim"))


# --- a week --------------------------------------------------------------------------------------


def _bar(day: DayPlan) -> Text:
    ld = load(day)
    if not ld.work:
        return Text("")
    share = max(0.0, min(1.0, 1 - ld.free / ld.work))
    full = round(share * BAR_WIDTH)
    style = "red" if share > 0.9 else ("yellow" if share > 0.7 else "green")
    bar = Text("█" * full, style=style)
    bar.append("░" * (BAR_WIDTH - full), style="dim")
    return bar


def _filling(plan: Plan, day: DayPlan, lang: Lang, width: int, limit: int = 3) -> Text:
    """A day's biggest items, the time first so the eye can run down it; a long title wraps
    under itself rather than being cut."""
    import textwrap

    top = fill(plan, day, lang)
    out = Text()
    for i, (title, minutes) in enumerate(top[:limit]):
        if i:
            out.append("\n")
        out.append(f"{format_duration(minutes, lang, compact=True):>8}  ", style="dim")
        lines = textwrap.wrap(title, max(8, width - 10), break_on_hyphens=False) or [""]
        out.append(("\n" + " " * 10).join(lines))
    if len(top) > limit:
        out.append("\n" + " " * 10 + M(lang, "load.more", n=len(top) - limit), style="dim")
    return out


def _week(console: Console, plan: Plan, view: View) -> None:
    lang = view.lang
    console.print(Text(week_heading(plan, view), style="bold underline"))
    table = _grid(console, header=True)
    # fixed widths that add up to the terminal's: the bar goes first when it is narrow
    day_w = max(len(format_date(d, lang, "short")) for d, _ in shown_days(plan, view))
    planned_w = max(8, len(M(lang, "col.planned")))
    free_w = max(8, len(M(lang, "col.free")))
    with_bar = console.width >= 80
    used = day_w + planned_w + free_w + (BAR_WIDTH if with_bar else 0)
    width = max(20, console.width - used - (5 if with_bar else 4) * 2 - 1)
    table.add_column(M(lang, "col.day"), no_wrap=True, width=day_w)
    table.add_column(M(lang, "col.planned"), no_wrap=True, justify="right", width=planned_w)
    table.add_column(M(lang, "col.free"), no_wrap=True, justify="right", width=free_w)
    if with_bar:
        table.add_column(M(lang, "col.load"), no_wrap=True, width=BAR_WIDTH)
    table.add_column(M(lang, "col.what"), overflow="fold", width=width)
    for d, day in shown_days(plan, view):
        label = Text(format_date(d, lang, "short"), style="bold" if d == plan.today else "")
        if day is None:
            bar = [""] if with_bar else []
            table.add_row(label, "—", "—", *bar, Text(M(lang, "past"), style="dim"))
            continue
        ld = load(day)
        what = _filling(plan, day, lang, width)
        if not day.working:
            reason = Text(off_reason(day, lang), style="yellow")
            what = reason + Text("\n") + what if what.plain else reason
        elif not what.plain:
            what = Text(M(lang, "load.none"), style="dim")
        planned = format_duration(ld.planned, lang, compact=True) if ld.planned else "—"
        table.add_row(
            label,
            planned,
            format_duration(ld.free, lang, compact=True) if day.working else "—",
            *([_bar(day)] if with_bar else []),
            what,
        )
    console.print(table)


# --- what did not fit, what clashes, who holds what -------------------------------------------------


def _section(console: Console, key: str, lang: Lang, n: int) -> None:
    console.print()
    console.print(Text(f"{M(lang, key)} ({count(n, lang)})", style="bold"))


def _more(console: Console, left: int, lang: Lang, key: str = "more_rows") -> None:
    """The line under a section cut short: how many more, and where to see them all."""
    if left:
        console.print(Text(" " + more_rows(left, lang, key), style="dim"))


def _moved(console: Console, plan: Plan, view: View) -> None:
    """What the last plan had and this one gave to something else: where, why, and where the
    work goes now (nothing at all when the plan kept everything)."""
    lang = view.lang
    groups = plan_words.move_groups(plan)
    if not groups:
        return
    console.print()
    heading = plan_words.moved_heading(plan, lang)
    console.print(Text(f"{heading} ({count(len(groups), lang)})", style="bold"))
    table = _grid(console)
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    shown, left = capped(groups, MOVED_LIMIT)
    narrow = console.width < 80
    for moves in shown:
        m = moves[0]
        what = _title(m.title, m.ref, "bold")
        what.append("\n" + plan_words.move_reason(plan, m, lang))
        if to := plan_words.move_to(plan, m, lang):
            what.append(" " + to, style="dim")
        # the day once, then each time the last plan gave the work that day, one under another
        # (on a narrow terminal under the day, which leaves the sentence more room)
        day, spans = plan_words.move_when(plan, moves, lang)
        pad = "\n" + ("" if narrow else " " * (len(day) + 1))
        when = Text(day + ("\n" if narrow else " "), style="bold")
        when.append(pad.join(spans), style="bold")
        table.add_row(when, what)
    console.print(table)
    _more(console, left, lang)


def _sections(console: Console, plan: Plan, view: View) -> None:
    lang = view.lang
    if plan.unscheduled:
        _section(console, "sec.unscheduled", lang, len(plan.unscheduled))
        table = _grid(console)
        table.add_column(overflow="fold")
        table.add_column(no_wrap=True, justify="right")
        table.add_column(overflow="fold")
        missing, left = capped(plan.unscheduled, view.limit)
        for u in missing:
            reason = Text(plan_words.reason(u, lang))
            if u.suggestion:
                hint = plan_words.suggestion(u.suggestion, lang)
                reason.append("\n" + M(lang, "suggestion", text=hint), style="dim")
            table.add_row(
                _title(task_title(plan, u.ref), u.ref),
                Text(format_duration(u.minutes, lang), style="bold"),
                reason,
            )
        console.print(table)
        _more(console, left, lang)
    late = late_tasks(plan)
    if late:
        _section(console, "sec.late", lang, len(late))
        table = _grid(console)
        table.add_column(overflow="fold")
        table.add_column(overflow="fold")
        late_rows, left = capped(late, view.limit)
        for t in late_rows:
            table.add_row(_title(t.title, t.id), Text(late_text(plan, t, lang), style="red"))
        console.print(table)
        _more(console, left, lang)
    _missed(console, plan, lang)
    clashes, notes = shown_conflicts(plan)
    if clashes:
        _section(console, "sec.conflicts", lang, len(clashes))
        table = _grid(console)
        table.add_column(no_wrap=True)
        table.add_column(overflow="fold")
        shown, left = capped(clashes, view.limit)
        for c in shown:
            msg = Text(finding.message(c, lang))
            # every morning, the warnings' advice would drown the day: only errors bring theirs
            if c.severity == "error" and (fix := finding.suggestion(c, lang)):
                msg.append("\n" + M(lang, "suggestion", text=fix), style="dim")
            table.add_row(
                Text(severity_label(c.severity, lang), style=SEVERITY_STYLE.get(c.severity, "")),
                msg,
            )
        console.print(table)
        _more(console, left, lang, "more_clashes")
    if clashes or notes:
        if not clashes:
            console.print()
        console.print(Text(" " + more_notes(plan, lang), style="dim"))
    dlg = delegated(plan)
    if dlg:
        _section(console, "sec.delegated", lang, len(dlg))
        table = _grid(console)
        table.add_column(overflow="fold")
        table.add_column(overflow="fold")
        table.add_column(overflow="fold")
        dlg_rows, left = capped(dlg, view.limit)
        for t in dlg_rows:
            who = Text("→ " + colleague(view, t.delegated_to or ""), style="yellow")
            if t.auto_delegated:
                who.append("\n" + plan_words.auto_delegated(lang))
            who.append("\n" + due_text(plan, t, lang), style="dim")
            table.add_row(_title(t.title, t.id), who)
        console.print(table)
        _more(console, left, lang)
    _suggested(console, plan, view)
    if view.explain:
        _explain(console, plan, view)
    if plan.warnings:
        _section(console, "sec.warnings", lang, len(plan.warnings))
        for w in plan.warnings:
            console.print(Text(" " + plan_words.warning(w, lang), style="dim"))


def _missed(console: Console, plan: Plan, lang: Lang) -> None:
    """How many occurrences of each routine task were missed (they are in the plan, overdue)."""
    groups = plan_words.missed(plan)
    if groups:
        _section(console, "sec.missed", lang, sum(map(len, groups)))
        table = _grid(console)
        table.add_column(overflow="fold")
        for ts in groups:
            table.add_row(Text(plan_words.missed_line(plan, ts, lang), style="red"))
        console.print(table)


def _suggested(console: Console, plan: Plan, view: View) -> None:
    """Work a colleague could take: a suggestion, the work keeps its time in the plan."""
    lang = view.lang
    rows = suggested(plan)
    if not rows:
        return
    _section(console, "sec.suggested", lang, sum(n for _, n in rows))
    table = _grid(console)
    table.add_column(overflow="fold")
    table.add_column(overflow="fold")
    shown, left = capped(rows, view.limit)
    for t, n in shown:
        assert t.suggest is not None
        routine = "@" in t.id
        ref = t.id.partition("@")[0] if routine else t.id
        title = _title(t.title + (f" ({count(n, lang)}×)" if routine else ""), ref)
        table.add_row(title, Text(plan_words.hint(t.suggest, lang, routine=routine)))
    console.print(table)
    _more(console, left, lang)


def _terms(t: TaskStatus, lang: Lang) -> Text:
    if not t.terms:
        return Text(M(lang, "no_terms"), style="dim")
    width = max(len(term_label(x.name, lang)) for x in t.terms)
    lines = [
        f"{term_label(x.name, lang):<{width}}  {number(x.value, lang):>5} × "
        f"{number(x.coefficient, lang, 1):>4} = {number(x.score, lang):>5}"
        for x in t.terms
    ]
    return Text("\n".join(lines))


def _explain(console: Console, plan: Plan, view: View) -> None:
    """Each task, most urgent first, with the terms its urgency adds up from."""
    lang = view.lang
    _section(console, "sec.explain", lang, len(plan.tasks))
    # the score and the quadrant first, in columns, so the eye runs down the ranking
    table = _grid(console)
    table.add_column(no_wrap=True, justify="right")
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    rows, left = capped(ranked(plan), view.explain_limit)
    for t in rows:
        detail = _title(t.title, t.id)
        detail.append("\n")
        detail.append_text(_terms(t, lang))
        table.add_row(
            Text(number(t.urgency, lang), style="bold"),
            Text(quadrant_label(t.quadrant, lang), style=QUADRANT_STYLE[t.quadrant]),
            detail,
        )
    console.print(table)
    _more(console, left, lang)


def render_plan(console: Console, plan: Plan, view: View) -> None:
    """The plan as `diklat plan` shows it: the days (or the week), then what needs attention."""
    if view.week:
        _week(console, plan, view)
    else:
        for i, (d, day) in enumerate(shown_days(plan, view)):
            if i:
                console.print()
            _day(console, plan, d, day, view)
    _moved(console, plan, view)
    _sections(console, plan, view)


# --- diklat why ----------------------------------------------------------------------------------


def _why_one(console: Console, plan: Plan, t: TaskStatus, view: View) -> None:
    lang = view.lang
    console.print(_title(t.title, t.id, "bold underline"))
    table = _grid(console)
    table.add_column(no_wrap=True, style="bold")
    table.add_column(overflow="fold")
    q = Text(quadrant_label(t.quadrant, lang), style=QUADRANT_STYLE[t.quadrant])
    q.append(" — " + quadrant_long(t.quadrant, lang))
    table.add_row(W(lang, "why.quadrant"), q)
    table.add_row(W(lang, "why.due"), moment(plan, t.due, lang) if t.due else M(lang, "no_due"))
    urgency = Text(number(t.urgency, lang), style="bold")
    urgency.append("\n")
    urgency.append_text(_terms(t, lang))
    table.add_row(W(lang, "why.urgency"), urgency)
    _why_state(table, t, view)
    work = W(
        lang,
        "why.work_text",
        left=format_duration(t.estimate_minutes, lang),
        scheduled=format_duration(t.scheduled_minutes, lang),
    )
    if t.remaining_minutes:
        work += W(lang, "why.work_rest", rest=format_duration(t.remaining_minutes, lang))
    table.add_row(W(lang, "why.work"), work)
    blocks = [
        (day, b)
        for day in plan.days
        for b in sorted(day.blocks, key=lambda b: (b.start, b.end))
        if b.ref == t.id and b.kind == "task"
    ]
    when = Text()
    labels = [format_date(day.date, lang, "short") for day, _ in blocks]
    label_w = max(map(len, labels), default=0)
    for i, ((_, b), label) in enumerate(zip(blocks, labels, strict=True)):
        if i:
            when.append("\n")
        when.append(f"{label:<{label_w}}  {span(plan, b, lang)}", style="bold")
        when.append(f"  {format_duration(b.minutes, lang)}")
    if not blocks:
        when = Text(W(lang, "why.nothing"), style="dim")
    if blocks or not t.delegated_to:
        table.add_row(W(lang, "why.when"), when)
    if t.finish and not t.delegated_to:
        table.add_row(
            W(lang, "why.finish"),
            Text(moment(plan, t.finish, lang) + ("" if t.late else f" ({W(lang, 'why.on_time')})")),
        )
    if t.late:
        table.add_row(W(lang, "why.late"), Text(late_text(plan, t, lang), style="red"))
    for u in plan.unscheduled:
        if u.ref != t.id:
            continue
        text = Text(f"{format_duration(u.minutes, lang)}: {plan_words.reason(u, lang)}")
        if u.suggestion:
            hint = plan_words.suggestion(u.suggestion, lang)
            text.append("\n" + M(lang, "suggestion", text=hint), style="dim")
        table.add_row(W(lang, "why.unscheduled"), text)
    if moved := _why_moved(plan, t, lang):
        table.add_row(W(lang, "why.moved"), moved)
    for c in plan.conflicts:
        if t.id in c.refs:
            table.add_row(
                Text(severity_label(c.severity, lang), style=SEVERITY_STYLE.get(c.severity, "")),
                Text(finding.message(c, lang)),
            )
    console.print(table)


def _why_moved(plan: Plan, t: TaskStatus, lang: Lang) -> Text | None:
    """Each time of the last plan that this one gave to something else, and why: 'Sel 8 Des
    10.00–11.00: waktunya kini terisi Rapat koordinasi 10.00–11.00 → kini Rabu, 9 Desember
    13.00' (None when nothing of the task moved)."""
    groups = [g for g in plan_words.move_groups(plan) if g[0].ref == t.id]
    if not groups:
        return None
    out = Text()
    for i, moves in enumerate(groups):
        day, spans = plan_words.move_when(plan, moves, lang)
        out.append(("\n" if i else "") + f"{day} {', '.join(spans)}", style="bold")
        out.append(": " + plan_words.move_text(plan, moves[0], lang))
    return out


def _why_state(table: Table, t: TaskStatus, view: View) -> None:
    """Done, skipped, missed, handed over (by whom), or who could take it."""
    lang = view.lang
    if t.done:
        table.add_row(W(lang, "why.done"), W(lang, "why.done_text"))
    if t.skipped:
        table.add_row(W(lang, "why.done"), plan_words.skipped(lang))
    if t.missed and not (t.done or t.skipped):
        table.add_row(W(lang, "why.done"), Text(W(lang, "why.missed"), style="red"))
    if t.delegated_to:
        who = Text(M(lang, "to", name=colleague(view, t.delegated_to)), style="yellow")
        if t.auto_delegated:
            who.append("\n" + plan_words.auto_delegated(lang))
        table.add_row(W(lang, "why.delegated"), who)
    elif t.suggest is not None and not t.done:
        hint = plan_words.hint(t.suggest, lang, routine="@" in t.id)
        table.add_row(W(lang, "why.suggest"), hint)


def render_why(console: Console, plan: Plan, tasks: Sequence[TaskStatus], view: View) -> None:
    """`diklat why TASK`: one task (or each occurrence of a routine) and why it stands where it does."""
    for i, t in enumerate(tasks):
        if i:
            console.print()
        _why_one(console, plan, t, view)
