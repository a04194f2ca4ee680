"""The reading order shared by the human formats (table, Markdown, HTML).

Each KPI appears once, under the first place it is printed: a goal's 数値目標 first,
then its policies in order. Later printings are noted by the formats.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..assess import GoalResult, KpiResult, Report
from ..i18n import Lang, status_label, t, title
from ..trajectory import Status


@dataclass(frozen=True)
class Section:
    heading: str
    results: list[KpiResult]


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
    if lang == "en":
        text = f"{total}; {with_data} with a recorded figure"
        return text + (f" ({stale} from an earlier year)" if stale else "")
    text = f"{total} 件（実績あり {with_data} 件"
    return text + (f"、うち前年度以前の実績 {stale} 件）" if stale else "）")


def goal_views(report: Report, lang: Lang) -> list[GoalView]:
    first = {k.id: k.measures[0] for k in report.strategy.kpis if k.measures}
    results = {r.kpi.id: r for r in report.kpis}
    views = []
    for goal in report.goals:
        sections = []
        targets = [k for k in goal.target_ids if first.get(k) == goal.code]
        if targets:
            sections.append(Section(t("targets", lang), [results[k] for k in targets]))
        for policy in goal.policies:
            ids = [k for k in policy.kpi_ids if first.get(k, "").startswith(policy.code + "-")]
            if ids:
                number = policy.code.split("-")[1]
                heading = (
                    f"({number}){title(policy, lang)}"
                    if lang == "ja"
                    else f"({number}) {title(policy, lang)}"
                )
                sections.append(Section(heading, [results[k] for k in ids]))
        if sections:
            heading = f"{t('goal', lang)}{goal.number}  {title(goal, lang)}"
            if lang == "en":
                heading = f"{t('goal', lang)} {goal.number}: {title(goal, lang)}"
            views.append(GoalView(goal, heading, sections))
    return views
