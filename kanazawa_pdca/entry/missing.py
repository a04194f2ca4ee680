"""`pdca missing YEAR`: the KPIs with no figure for the year, grouped by goal and policy.

Each KPI is listed once, where it is first printed (a goal's 数値目標, or a policy), so the
planning office can chase each department for its figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..i18n import Lang, kpi_name, title
from ..i18n import unit as kpi_unit
from ..model.actuals import ActualsSet
from ..model.strategy import Kpi, Strategy
from ..present import escape
from ..years import label


@dataclass
class MissingGroup:
    goal: int
    heading: str  # "G1 …" or "1-2 …"
    policy: str | None  # the policy code, None for the goal's numerical targets
    kpis: list[Kpi] = field(default_factory=list)


def expects_figure(kpi: Kpi, year: int) -> bool:
    """A period total asks for a yearly figure only inside its window."""
    if kpi.kind == "period_total" and kpi.period:
        return kpi.period[0] <= year <= kpi.period[1]
    return True


def missing_groups(
    strategy: Strategy,
    actuals: ActualsSet,
    year: int,
    lang: Lang = "ja",
    goals: set[int] | None = None,
) -> list[MissingGroup]:
    recorded = actuals.years.get(year, {})
    seen: set[str] = set()
    groups: dict[tuple[int, str | None], MissingGroup] = {}
    for p in strategy.printings():
        kpi_id = p.ref.kpi
        if kpi_id in seen:
            continue
        seen.add(kpi_id)
        kpi = strategy.kpi(kpi_id)
        if kpi_id in recorded or not expects_figure(kpi, year):
            continue
        if goals and p.goal.number not in goals:
            continue
        if p.policy is None:
            key = (p.goal.number, None)
            heading = f"G{p.goal.number} " + ("数値目標" if lang == "ja" else "numerical targets")
        else:
            code = f"{p.goal.number}-{p.policy.number}"
            key = (p.goal.number, code)
            heading = f"{code} {escape.terminal(title(p.policy, lang))}"
        group = groups.setdefault(key, MissingGroup(p.goal.number, heading, key[1]))
        group.kpis.append(kpi)
    return list(groups.values())


def render_missing(
    strategy: Strategy, groups: list[MissingGroup], year: int, lang: Lang = "ja"
) -> str:
    total = sum(len(g.kpis) for g in groups)
    expected = sum(1 for k in strategy.kpis if expects_figure(k, year))
    if lang == "ja":
        head = f"{label(year, lang)}: 実績が未記入の KPI {total} 件（全 {expected} 件中）"
    else:
        head = f"{label(year, lang)}: {total} of {expected} KPIs have no figure yet"
    lines = [head]
    goal_titles = {g.number: escape.terminal(title(g, lang)) for g in strategy.goals}
    current_goal = None
    width = max((len(k.id) for g in groups for k in g.kpis), default=0)
    for group in groups:
        if group.goal != current_goal:
            current_goal = group.goal
            goal_word = "基本目標" if lang == "ja" else "Basic goal "
            lines += ["", f"{goal_word}{group.goal}  {goal_titles[group.goal]}"]
        lines.append(f"  {group.heading}")
        for kpi in group.kpis:
            unit = f" [{escape.terminal(kpi_unit(kpi, lang))}]" if kpi.unit else ""
            name = escape.terminal(kpi_name(kpi, lang))
            lines.append(f"    {kpi.id.ljust(width)}  {name}{unit}")
    return "\n".join(lines) + "\n"
