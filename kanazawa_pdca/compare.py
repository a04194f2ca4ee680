"""Comparing two years: how each KPI moved from Y0 to Y1 (DESIGN.md, "History, comparison").

Both Reports are computed exactly as `pdca check` computes them; this module only
compares their results. Per KPI:

- movement `improved` / `worsened`: the status rank went up / down
  (achieved > on_track > behind > off_track > regressing);
- `unchanged`: the same rank, or no assessable status in either year;
- `new`: no assessable status at Y0 (no_data, not_assessable), one at Y1; `lost`: the reverse;
- change = d · (a1 − a0) where both figures exist (positive = better), exact on the
  decimals as written.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from .assess import KpiResult, Report
from .outlook import exact
from .trajectory import Status

if TYPE_CHECKING:
    from .model.strategy import Kpi


class Movement(StrEnum):
    IMPROVED = "improved"
    WORSENED = "worsened"
    UNCHANGED = "unchanged"
    NEW = "new"
    LOST = "lost"


def movement(before: Status, after: Status) -> Movement:
    """The movement between two statuses of one KPI."""
    r0, r1 = before.rank, after.rank
    if r0 is None and r1 is None:
        return Movement.UNCHANGED
    if r0 is None:
        return Movement.NEW
    if r1 is None:
        return Movement.LOST
    if r1 > r0:
        return Movement.IMPROVED
    if r1 < r0:
        return Movement.WORSENED
    return Movement.UNCHANGED


def change(sign: int, before: float | None, after: float | None) -> float | None:
    """d · (a1 − a0): positive when the figure moved the desired way; None without both."""
    if before is None or after is None:
        return None
    return float(sign * (exact(after) - exact(before)))


@dataclass(frozen=True)
class KpiMovement:
    before: KpiResult  # at Y0
    after: KpiResult  # at Y1
    movement: Movement
    change: float | None

    @property
    def kpi(self) -> Kpi:
        return self.after.kpi


@dataclass(frozen=True)
class Comparison:
    before: Report
    after: Report
    kpis: list[KpiMovement]

    @property
    def from_year(self) -> int:
        return self.before.year

    @property
    def to_year(self) -> int:
        return self.after.year

    @property
    def graded(self) -> bool:
        """The strategy has its own scale: each side of each KPI carries its grade."""
        return bool(self.after.strategy.evaluation.grades)

    @property
    def summary(self) -> dict[Movement, int]:
        counts = Counter(m.movement for m in self.kpis)
        return {m: counts.get(m, 0) for m in Movement}

    @property
    def worsened(self) -> list[KpiMovement]:
        return [m for m in self.kpis if m.movement is Movement.WORSENED]

    def result(self, kpi_id: str) -> KpiMovement:
        return next(m for m in self.kpis if m.kpi.id == kpi_id)

    def only(self, kpi_ids: set[str]) -> Comparison:
        """The same comparison restricted to some KPIs (e.g. those of a filtered Report)."""
        return Comparison(self.before, self.after, [m for m in self.kpis if m.kpi.id in kpi_ids])


def compare(before: Report, after: Report) -> Comparison:
    """Compare the Report of Y0 (`before`) with the Report of Y1 (`after`), KPI by KPI."""
    if before.year >= after.year:
        raise ValueError(f"compare needs Y0 < Y1, got {before.year} and {after.year}")
    old = {r.kpi.id: r for r in before.kpis}
    moves = []
    for r1 in after.kpis:
        r0 = old.get(r1.kpi.id)
        if r0 is None:
            continue
        moves.append(
            KpiMovement(
                r0, r1, movement(r0.status, r1.status), change(r1.kpi.sign, r0.actual, r1.actual)
            )
        )
    return Comparison(before, after, moves)
