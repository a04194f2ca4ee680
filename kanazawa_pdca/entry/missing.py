"""`pdca missing YEAR`: the KPIs with no figure for the year, grouped by goal and policy.

Each KPI is listed once, where it is first printed (a goal's 数値目標, or a policy), so the
planning office can chase each department for its figures. Three views of the same groups:
the terminal list (ending with the next step), JSON and CSV.

JSON (`--format json`), a contract like check's:
    {"year": 2027, "missing": 9, "expected": 93,
     "goals": [{"number": 1, "title": …, "title_en": …,
                "groups": [{"policy": "1-2" | null, "title": … | null, "title_en": … | null,
                            "kpis": [{"id", "name", "name_en", "unit", "measures": [...]}]}]}]}
`policy` null is the goal's 数値目標; `expected` counts the KPIs that take a figure for the
year (a period total only inside its window); `missing` those listed.
CSV (`--format csv`): one row per KPI: goal, policy, id, name, name_en, unit, measures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..i18n import Lang, kpi_name, t, text, title
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
    titles: tuple[str, str] | None = None  # the policy's title (ja, en), as data


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
        titles = None
        if p.policy is None:
            key = (p.goal.number, None)
            heading = t("missing.targets", lang).format(goal=p.goal.number)
        else:
            code = f"{p.goal.number}-{p.policy.number}"
            key = (p.goal.number, code)
            heading = f"{code} {escape.terminal(title(p.policy, lang))}"
            titles = (p.policy.title, p.policy.title_en)
        group = groups.setdefault(key, MissingGroup(p.goal.number, heading, key[1], [], titles))
        group.kpis.append(kpi)
    return list(groups.values())


def expected_count(strategy: Strategy, year: int) -> int:
    """The KPIs that take a figure for `year`."""
    return sum(1 for k in strategy.kpis if expects_figure(k, year))


def missing_ids(strategy: Strategy, actuals: ActualsSet, year: int) -> set[str]:
    """The ids of the KPIs with no figure for `year` that take one (`pdca template
    --missing`)."""
    recorded = actuals.years.get(year, {})
    return {k.id for k in strategy.kpis if k.id not in recorded and expects_figure(k, year)}


def render_missing(
    strategy: Strategy, groups: list[MissingGroup], year: int, lang: Lang = "ja"
) -> str:
    total = sum(len(g.kpis) for g in groups)
    expected = expected_count(strategy, year)
    head = t("missing.head", lang).format(label=label(year, lang), total=total, expected=expected)
    lines = [head]
    goal_titles = {g.number: escape.terminal(title(g, lang)) for g in strategy.goals}
    current_goal = None
    width = max((len(k.id) for g in groups for k in g.kpis), default=0)
    for group in groups:
        if group.goal != current_goal:
            current_goal = group.goal
            goal = t("missing.goal", lang).format(n=group.goal)
            lines += ["", f"{goal}  {goal_titles[group.goal]}"]
        lines.append(f"  {group.heading}")
        for kpi in group.kpis:
            unit = f" [{escape.terminal(kpi_unit(kpi, lang))}]" if kpi.unit else ""
            name = escape.terminal(kpi_name(kpi, lang))
            lines.append(f"    {kpi.id.ljust(width)}  {name}{unit}")
    if total:  # what to do next: a sheet of only these KPIs for the departments
        lines += ["", text("missing-next", lang, year=year, file=text("missing-file", lang))]
    return "\n".join(lines) + "\n"


def render_json(strategy: Strategy, groups: list[MissingGroup], year: int) -> str:
    """The groups as JSON (the shape in the module's docstring); data as it is."""
    import json

    goals: dict[int, dict] = {}
    for group in groups:
        g = strategy.goals[group.goal - 1]
        entry = goals.setdefault(
            group.goal,
            {"number": g.number, "title": g.title, "title_en": g.title_en, "groups": []},
        )
        ja, en = group.titles or (None, None)
        entry["groups"].append(
            {
                "policy": group.policy,
                "title": ja,
                "title_en": en,
                "kpis": [
                    {
                        "id": k.id,
                        "name": k.name,
                        "name_en": k.name_en,
                        "unit": k.unit,
                        "measures": list(k.measures),
                    }
                    for k in group.kpis
                ],
            }
        )
    doc = {
        "year": year,
        "missing": sum(len(g.kpis) for g in groups),
        "expected": expected_count(strategy, year),
        "goals": list(goals.values()),
    }
    return escape.json_document(json.dumps(doc, ensure_ascii=False, indent=2)) + "\n"


CSV_COLUMNS = ["goal", "policy", "id", "name", "name_en", "unit", "measures"]


def render_csv(groups: list[MissingGroup]) -> str:
    """One row per KPI (RFC 4180, a header row); text through the spreadsheet escape."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for group in groups:
        for k in group.kpis:
            cells = [k.id, k.name, k.name_en, k.unit, " ".join(k.measures)]
            writer.writerow([group.goal, group.policy or "", *map(escape.spreadsheet, cells)])
    return out.getvalue()
