"""The plan-following section of the benchmark's report (bench/measures.py's figures as tables).

Each table has a figure per row, so the figures of a later run sit beside these ("before" and
"after" of issue 13) in bench/README.md; the targets of the issue close the section.
"""

from __future__ import annotations

from typing import Any


def pct(x: float) -> str:
    return f"{x:.1%}"


def report(results: dict[str, Any]) -> str:
    """The plan-following section of the report: a table per measure, then the targets."""
    m = results["machine"]
    out = [
        f"Run of {results['date']} on {m['cpu']}, {m['cores']} cores; Python {m['python']}; "
        f"diklat at commit {m['diklat_commit']}"
        + (
            f"; OR-Tools {results['peers'].get('ortools', '(not installed: no exact figures)')}"
            if "small" in results
            else ""
        )
        + "; diklat "
        + ("through the `diklat` command" if results.get("via") == "cli" else "in process")
        + "".join(f"; `planning.{k} = {v!r}`" for k, v in results.get("planning", {}).items())
        + ".",
        "",
    ]
    verdicts: list[str] = []
    small = results.get("small")
    if small:
        rows = small["rows"]
        loads = [r["load"] for r in rows]
        out += [
            f"{len(rows)} small instances (seeds 1-{len(rows)}; 3-12 tasks, 1 or 2 weeks, "
            f"{sum(r['released_later'] for r in rows)} of {sum(r['tasks'] for r in rows)} tasks "
            f"available only later, load {min(loads):.2f}x-{max(loads):.2f}x), planned and solved "
            f"in {small['seconds']:.0f} s (CP-SAT: at most {results.get('time_limit', 3):g} s a solve).",
            "",
        ]
    if "exact" in results:
        out += _exact_table(results["exact"], verdicts)
    if "focus" in results:
        out += _focus_table(results["focus"], verdicts)
    if "stability" in results:
        out += _stability_table(results["stability"], verdicts, results.get("via", "api"))
    if verdicts:
        out += ["### Targets of issue 13", ""] + [f"- {v}" for v in verdicts] + [""]
    return "\n".join(out)


def _exact_table(s: dict[str, Any], verdicts: list[str]) -> list[str]:
    if not s.get("solved"):
        return ["### Against the exact optimum", "", "No instance solved (no OR-Tools).", ""]
    n = s["solved"]
    worst = ", ".join(f"#{seed}: {d} against {o}" for d, o, seed in s["worst"] if d != o)
    ratio = (
        f"{s['mean_ratio']:.3f}x / {s['worst_ratio']:.2f}x" if s["mean_ratio"] is not None else "-"
    )
    rows = [
        ("instances solved (both solves proven optimal)", f"{n} ({s['proven_optimal']})"),
        ("diklat equal to the optimum (late important, late)", f"{s['equal']} of {n}"),
        (
            "diklat above the optimum / below it (a sliver a deadline needed)",
            f"{s['worse']} / {s['better']}",
        ),
        (
            "late tasks: diklat / optimum with `min_block` / optimum with any split",
            f"{s['late_diklat']} / {s['late_optimum']} / {s['late_preemptive']}",
        ),
        (
            "late important tasks: diklat / optimum",
            f"{s['late_important_diklat']} / {s['late_important_optimum']}",
        ),
        (
            "instances with an important task late although avoidable",
            f"{len(s['important_avoidable'])}"
            + (
                f" (#{', #'.join(map(str, s['important_avoidable'][:8]))})"
                if s["important_avoidable"]
                else ""
            ),
        ),
        ("late tasks ÷ optimum where the optimum has some: mean / worst", ratio),
        (
            "instances where every deadline can be met / diklat missed one",
            f"{s['all_feasible']} / {len(s['feasible_missed'])}",
        ),
        ("furthest from the optimum (late: diklat against optimum)", worst or "-"),
    ]
    verdicts.append(
        "never an important task late when avoidable: "
        f"{len(s['important_avoidable'])} of {n} instances "
        f"({'met' if not s['important_avoidable'] else 'MISSED'})"
    )
    verdicts.append(
        f"(late important, late) no worse than the optimum: worse on {s['worse']} of {n} "
        f"instances, {s['late_diklat']} late against {s['late_optimum']} "
        f"({'met' if s['worse'] == 0 else 'MISSED'})"
    )
    return [
        "### Against the exact optimum: small instances with release dates",
        "",
        "| figure | value |",
        "| --- | ---: |",
        *(f"| {k} | {v} |" for k, v in rows),
        "",
    ]


def _focus_table(s: dict[str, Any], verdicts: list[str]) -> list[str]:
    rows = [
        (
            "blocks shorter than the task's `min_block` (of them 15 minutes or less)",
            f"{s['short_blocks']} ({s['slivers_15m']})",
        ),
        ("plans with such a block", f"{s['plans_with_short']} of {s['plans']}"),
        (
            "of those, a plan keeping `min_block` with no more late tasks exists",
            f"{s['short_not_needed']} of {s['judged']}",
        ),
        (
            "all plans: blocks per task / switches between tasks per working day / median block",
            f"{s['blocks_per_task']:.2f} / {s['switches_per_day']:.2f} / "
            f"{s['median_block']:.0f} min",
        ),
        (
            "share of the work placed before noon: important / other",
            f"{s.get('morning_important', 0):.0%} / {s.get('morning_other', 0):.0%}",
        ),
    ]
    if s.get("compared"):
        k = s["compared"]
        rows += [
            (
                "instances where every task fits (diklat and the solver on time)",
                f"{k} (solved to the end: {s['least_proven']})",
            ),
            (
                "blocks per task: diklat / least fragmented found",
                f"{s['blocks_diklat'] / s['tasks']:.2f} / {s['blocks_least'] / s['tasks']:.2f} "
                f"({s['blocks_diklat'] / max(1, s['blocks_least']) - 1:+.0%})",
            ),
            (
                "switches between tasks per working day: diklat / least fragmented found",
                f"{s['switches_diklat'] / s['days']:.2f} / {s['switches_least'] / s['days']:.2f}",
            ),
        ]
    verdicts.append(
        "no block under `min_block` without a deadline that needs it: "
        f"{s['short_not_needed']} plans have one needlessly "
        f"({'met' if s['short_not_needed'] == 0 else 'MISSED'})"
    )
    return [
        "### Focus: short blocks and fragments",
        "",
        "| figure | value |",
        "| --- | ---: |",
        *(f"| {k} | {v} |" for k, v in rows),
        "",
    ]


def _stability_table(s: dict[str, Any], verdicts: list[str], via: str = "api") -> list[str]:
    if not s.get("mornings"):
        return []
    modes = [(m, label) for m, label in _MODES if m in s]
    out = [
        "### Stability: following the plan for ten working days",
        "",
        f"{s['months']} generated months (six weeks, 15-30 tasks, load 0.6x-1.1x, the default "
        f"14-day horizon), {s['mornings']} mornings, "
        + ("each month followed twice" if len(modes) == 2 else "afresh only")
        + f", in {s['seconds']:.0f} s. Share of the next three working days' planned minutes "
        "that changed task from the evening's plan to the next morning's:",
        "",
        "| next morning | plan | mean | median | max | mornings over 25 % | mornings unchanged "
        "| minutes of yesterday's plan moved (mean) | mornings with `Plan.moved` |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, key, moved in (
        ("nothing new", "nothing_new", "moved_nothing_new"),
        ("one 1-hour task added", "one_task", "moved_one_task"),
    ):
        for mode, how in modes:
            m, x = s[mode], s[mode][key]
            listed = pct(m[f"plan_{moved}"]) if mode == "kept" else "-"
            out.append(
                f"| {label} | {how} | {pct(x['mean'])} | {pct(x['median'])} | {pct(x['max'])} | "
                f"{pct(x['over_quarter'])} | {pct(x['unchanged'])} | {m[moved]:.0f} min | "
                f"{listed} |"
            )
    out += ["", *_stability_notes(s, modes, via), ""]
    _stability_verdicts(s, verdicts)
    return out


_MODES = (("kept", "with yesterday's plan"), ("afresh", "afresh"))


def _stability_notes(s: dict[str, Any], modes: list[tuple[str, str]], via: str) -> list[str]:
    out = []
    if len(modes) < 2:
        why = (
            "`diklat plan --date` does not record its plan, so through the command every plan "
            "is made afresh"
            if via == "cli"
            else "this planner takes no previous plan"
        )
        out += [f"Not measured with yesterday's plan: {why}.", ""]
    for mode, how in modes:
        m = s[mode]
        ratio = _ratio(m["moved_per_needed"])
        worst = ", ".join(
            f"month {w['seed']} on {w['day']} ({pct(w['share'])})" for w in m["worst"]
        )
        out += [
            f"- {how}: one 1-hour task added moves {m['moved_one_task']:.0f} minutes of "
            f"yesterday's plan where the task takes {m['need_one_task']:.0f} of the next three "
            f"working days (mean; {ratio} minutes moved per minute it takes); "
            f"{m['moved_more_than_needed']} of {m['mornings']} mornings move more than it takes. "
            f"Late tasks of the month (the ten days followed and the plan after them): "
            f"{m['late']} in {m['months']} months, {m['late'] / m['months']:.2f} a month "
            f"({m['late_important']} important). Most moved with nothing new: {worst}.",
        ]
        if mode == "kept":
            k = m["kept_one_task"]
            out.append(
                f"- {how}, what moved: of the {m['listed_nothing_new']} mornings whose plan "
                f"lists moves with nothing new, {m['fell_back_nothing_new']} are the plan made "
                f"afresh (every kept block dropped) and {m['entering_when_listed']} had a deadline "
                "come into the horizon that morning (beyond the last day of yesterday's plan); "
                f"with one task added, {m['fell_back_one_task']} of {m['listed_one_task']} are "
                "the plan made afresh. Those plans made afresh hold "
                f"{m['moved_fell_back_nothing_new']} of the {m['moved_total_nothing_new']} minutes "
                f"moved with nothing new and {m['moved_fell_back_one_task']} of the "
                f"{m['moved_total_one_task']} with one task added; on the other "
                f"{k['mornings']} mornings one task added moves {k['moved']} minutes where it "
                f"takes {k['need']} ({_ratio(k['moved_per_needed'])} per minute), "
                f"{k['moved_more_than_needed']} of them more than it takes."
            )
    return out


def _ratio(x: float | None) -> str:
    return f"{x:.2f}" if x is not None else "-"


def _stability_verdicts(s: dict[str, Any], verdicts: list[str]) -> None:
    m = s.get("kept") or s["afresh"]
    how = "with yesterday's plan" if "kept" in s else "afresh"
    x = m["nothing_new"]
    verdicts.append(
        f"following the plan with nothing new, nothing moves ({how}): mean {pct(x['mean'])}, "
        f"max {pct(x['max'])} ({'met' if x['max'] == 0 else 'MISSED'})"
    )
    verdicts.append(
        f"one small task added moves at most the minutes it takes ({how}): "
        f"{m['moved_more_than_needed']} of {m['mornings']} mornings move more "
        f"({'met' if m['moved_more_than_needed'] == 0 else 'MISSED'})"
    )
    if "kept" in s and "afresh" in s:
        k, a = s["kept"], s["afresh"]
        fewer = k["late"] <= a["late"] and k["late_important"] <= a["late_important"]
        verdicts.append(
            f"keeping yesterday's plan makes no more tasks late: {k['late']} late "
            f"({k['late_important']} important) against {a['late']} ({a['late_important']}) "
            f"afresh ({'met' if fewer else 'MISSED'})"
        )
