"""What the meeting report says, decided once for the HTML and the Markdown.

`meeting(report, previous)` gathers what page 1 and every KPI need: the movement since
last year (`compare.py`), the 要注意 list (regressing, off track, projected to miss,
worse than last year), the data's date. The formats only render it.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

from ..assess import KpiResult, Report
from ..compare import Comparison, KpiMovement, Movement, compare
from ..formats.layout import GoalView, Section, goal_views, policy_heading
from ..i18n import Lang, t
from ..trajectory import Status
from ..years import reiwa

# why a KPI is on the 要注意 list, in the order the reasons are written
REASONS = ("regressing", "off_track", "miss", "worse")


@dataclass(frozen=True)
class Attention:
    result: KpiResult
    reasons: tuple[str, ...]  # of REASONS


@dataclass
class Meeting:
    report: Report
    comparison: Comparison | None
    created: dt.date
    attention: list[Attention] = field(default_factory=list)
    ordered: list[KpiResult] = field(default_factory=list)  # the reading order
    _moves: dict[str, KpiMovement] = field(default_factory=dict)

    def movement(self, kpi_id: str) -> KpiMovement | None:
        return self._moves.get(kpi_id)

    def data_as_of(self, lang: Lang) -> str:
        """'3 ファイル（R6–R8）、最新ファイルの更新日 2026-06-30'."""
        years = sorted(y for y in self.report.actuals_files if y <= self.report.year)
        if not years:
            return t("report.no_files", lang)
        span = reiwa(years[0]) if len(years) == 1 else f"{reiwa(years[0])}–{reiwa(years[-1])}"
        newest = None
        for y in years:
            try:
                stamp = os.stat(self.report.actuals_files[y]).st_mtime
            except OSError:
                continue
            newest = max(newest or stamp, stamp)
        date = dt.date.fromtimestamp(newest).isoformat() if newest else "—"
        return t("report.files", lang).format(n=len(years), years=span, date=date)


def meeting(
    report: Report, previous: Report | None = None, created: dt.date | None = None
) -> Meeting:
    """The meeting report's content; `previous` is the Report of the year before."""
    comparison = None
    if previous is not None and previous.year < report.year:
        comparison = compare(previous, report)
    view = Meeting(report, comparison, created or dt.date.today())
    if comparison is not None:
        view._moves = {m.kpi.id: m for m in comparison.kpis}
    ordered = [r for v in goal_views(report, "ja") for s in v.sections for r in s.results]
    seen = {r.kpi.id for r in ordered}
    ordered += [r for r in report.kpis if r.kpi.id not in seen]
    view.ordered = ordered
    for r in ordered:
        reasons = []
        if r.status is Status.REGRESSING:
            reasons.append("regressing")
        elif r.status is Status.OFF_TRACK:
            reasons.append("off_track")
        if r.outlook is not None and not r.outlook.reaches:
            reasons.append("miss")
        move = view.movement(r.kpi.id)
        if move is not None and move.movement is Movement.WORSENED:
            reasons.append("worse")
        if reasons:
            view.attention.append(Attention(r, tuple(reasons)))
    return view


def source_and_note(r: KpiResult) -> tuple[str | None, str | None]:
    """The source and the note recorded with the figure judged, when the result has them."""
    return getattr(r, "source", None), getattr(r, "note", None)


def section_code(goal_view: GoalView, section: Section, lang: Lang) -> str | None:
    """The policy a section of the layout shows ("1-2"), None for a goal's 数値目標."""
    for policy in goal_view.goal.policies:
        if policy_heading(policy, lang) == section.heading:
            return policy.code
    return None
