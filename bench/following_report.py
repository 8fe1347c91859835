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
        out += _stability_table(results["stability"], verdicts)
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


def _stability_table(s: dict[str, Any], verdicts: list[str]) -> list[str]:
    if not s.get("mornings"):
        return []
    out = [
        "### Stability: following the plan for ten working days",
        "",
        f"{s['months']} generated months (six weeks, 15-30 tasks, load 0.6x-1.1x, the default "
        f"14-day horizon), {s['mornings']} mornings in {s['seconds']:.0f} s. Share of the next "
        "three working days' planned minutes that changed task from the evening's plan to the "
        "next morning's:",
        "",
        "| next morning | mean | median | max | mornings over 25 % | mornings unchanged "
        "| minutes of yesterday's plan moved (mean) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, key, moved in (
        ("nothing new", "nothing_new", "moved_nothing_new"),
        ("one 1-hour task added", "one_task", "moved_one_task"),
    ):
        x = s[key]
        out.append(
            f"| {label} | {pct(x['mean'])} | {pct(x['median'])} | {pct(x['max'])} | "
            f"{pct(x['over_quarter'])} | {pct(x['unchanged'])} | {s[moved]:.0f} min |"
        )
    worst = ", ".join(f"month {w['seed']} on {w['day']} ({pct(w['share'])})" for w in s["worst"])
    out += ["", f"Most moved: {worst}.", ""]
    verdicts.append(
        f"following the plan with nothing new, nothing moves: mean {pct(s['nothing_new']['mean'])}, "
        f"max {pct(s['nothing_new']['max'])} "
        f"({'met' if s['nothing_new']['max'] == 0 else 'MISSED'})"
    )
    return out
