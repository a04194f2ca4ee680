"""The reading order shared by the human formats (table, Markdown, HTML).

Each KPI appears once, under the first place it is printed: a goal's 数値目標 first,
then its policies in order. Later printings are noted by the formats.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..assess import GoalResult, KpiResult, Report
from ..i18n import Lang, t, title


@dataclass(frozen=True)
class Section:
    heading: str
    results: list[KpiResult]


@dataclass(frozen=True)
class GoalView:
    goal: GoalResult
    heading: str
    sections: list[Section]


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
