"""The reading order shared by the human formats (table, Markdown, HTML).

Each KPI appears once, under the first place it is printed: a goal's 数値目標 first,
then its policies in order. Later printings are noted by the formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..assess import GoalResult, KpiResult, Report
from ..i18n import Lang, status_label, t, title
from ..trajectory import Status
from ..years import reiwa


@dataclass(frozen=True)
class Section:
    heading: str
    results: list[KpiResult]
    # KPIs printed here again (〔再掲〕) but shown in full earlier: a reference line each
    reprints: list[KpiResult] = field(default_factory=list)


@dataclass(frozen=True)
class GoalView:
    goal: GoalResult
    heading: str
    sections: list[Section]


def criteria(report: Report, lang: Lang) -> str:
    """'○ 順調 ≥ 100% · △ やや遅れ ≥ 60%': the thresholds, in words."""
    th = report.thresholds
    return (
        f"{status_label(Status.ON_TRACK, lang)} ≥ {th.on_track:.0%} · "
        f"{status_label(Status.BEHIND, lang)} ≥ {th.behind:.0%}"
    )


def kpi_count(report: Report, lang: Lang) -> str:
    """'95 件（実績あり 86 件、うち前年度以前の実績 8 件）' / '95; 86 with a recorded figure …'."""
    total, with_data, stale = len(report.kpis), report.with_data, report.stale_count
    older = t("count.kpis_stale", lang).format(n=stale) if stale else ""
    return t("count.kpis", lang).format(total=total, with_data=with_data, stale=older)


def older_line(report: Report, lang: Lang) -> str | None:
    """'うち前年度以前の実績で判定: 86 件（R8 78 件、R7 8 件）': the KPIs of the summary (whole
    goals) judged on a figure older than the year asked about, per year; None when none is."""
    older = report.summary_older_figures()
    total = sum(older.values())
    if not total:
        return None
    year = t("older.year", lang)
    years = t("older.sep", lang).join(
        year.format(year=y, era=reiwa(y), n=n) for y, n in older.items()
    )
    return t("older.line", lang).format(n=total, s="s" * (total != 1), years=years)


def goal_views(report: Report, lang: Lang) -> list[GoalView]:
    """Every goal shown, each with its 数値目標 and every policy, in the strategy's order.

    A KPI is shown in full in the first section that prints it; a later section that prints
    it again lists it in `reprints` (再掲), so every policy heading appears even when all
    its KPIs were shown before (policy 4-(1)'s only KPI is a goal-level 数値目標).
    """
    results = {r.kpi.id: r for r in report.kpis}
    seen: set[str] = set()
    views = []

    def section(heading: str, ids) -> Section | None:
        shown = [k for k in ids if k in results]
        if not shown:
            return None
        first = [k for k in shown if k not in seen]
        seen.update(first)
        again = [k for k in shown if k not in first]
        return Section(heading, [results[k] for k in first], [results[k] for k in again])

    for goal in report.goals:
        sections = [section(t("targets", lang), goal.target_ids)]
        for policy in goal.policies:
            sections.append(section(policy_heading(policy, lang), policy.kpi_ids))
        kept = [s for s in sections if s is not None]
        if kept:
            views.append(GoalView(goal, goal_heading(goal, lang), kept))
    return views


def goal_heading(goal: GoalResult, lang: Lang) -> str:
    return t("heading.goal", lang).format(n=goal.number, title=title(goal, lang))


def policy_heading(policy, lang: Lang) -> str:
    number = policy.code.split("-")[1]
    return t("heading.policy", lang).format(n=number, title=title(policy, lang))


def first_shown(result: KpiResult) -> str:
    """Where a KPI is printed first (its reference code: 'G1', '1-2-3')."""
    return result.kpi.measures[0] if result.kpi.measures else ""


def floor_gap(result: KpiResult) -> float | None:
    """A `maintain` KPI judged on its floor: d·(actual − floor), ≥ 0 when the floor is kept.

    None for every other KPI, and before the floor's window starts (the KPI is then judged
    on its line towards the floor, and attainment means what it means elsewhere).
    """
    kpi = result.kpi
    if kpi.target.kind != "maintain" or result.actual is None or result.actual_year is None:
        return None
    start = kpi.period[0] if kpi.period else kpi.baseline.year
    if (start is not None and result.actual_year < start) or kpi.target.value is None:
        return None
    return kpi.sign * (result.actual - kpi.target.value)


def floor_text(result: KpiResult, lang: Lang) -> tuple[str, str] | None:
    """(label, text) for a maintain KPI judged on its floor: ('下限', '下限を下回る (−1人)').

    What the rule judges (the floor kept or not, the gap to it), to show instead of
    attainment and progress; None for every other KPI (see `floor_gap`).
    """
    from .numbers import decimals, figure_digits, signed

    gap = floor_gap(result)
    if gap is None:
        return None
    label, kept, below = (t(f"floor.{k}", lang) for k in ("label", "kept", "below"))
    digits = max(figure_digits(result.kpi), decimals(result.actual))
    return label, f"{kept if gap >= 0 else below} ({signed(result.kpi, gap, None, digits, lang)})"
