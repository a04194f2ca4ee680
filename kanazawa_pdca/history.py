"""One KPI in full, for `pdca show`: where it is printed, every figure, every year's status.

`find_kpi` resolves what a user typed (an id, or a unique fragment of the Japanese or
English name); `kpi_history` gathers the KPI's printings with their titles, every
recorded figure with its source and note, and its result for each year exactly as
`pdca check YEAR` gives it (so the outlook is the one `check` shows).
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .assess import (
    KpiResult,
    apply_review,
    assess_kpi,
    banded,
    expected_at,
    scale_of,
    with_provenance,
)
from .model.actuals import ActualsSet
from .trajectory import Thresholds

if TYPE_CHECKING:
    from .model.strategy import Kpi, Strategy


class KpiLookupError(LookupError):
    """No KPI, or more than one, matches what was typed."""

    def __init__(self, query: str, candidates: list[Kpi], suggestions: list[Kpi]):
        self.query = query
        self.candidates = candidates  # several matches: the ambiguous ones
        self.suggestions = suggestions  # no match: the closest ones
        super().__init__(query)


def _fold(text: str) -> str:
    """Case, width and spacing folded: 'ＫＰＩ　Ａ' and 'kpi a' compare equal."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def find_kpi(strategy: Strategy, query: str) -> Kpi:
    """The KPI with this id, else the only one whose id or name contains `query`."""
    if query in strategy.kpi_ids:
        return strategy.kpi(query)
    needle = _fold(query)
    if not needle:
        raise KpiLookupError(query, [], [])
    matches = [
        k for k in strategy.kpis if any(needle in _fold(s) for s in (k.id, k.name, k.name_en))
    ]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise KpiLookupError(query, matches, [])
    raise KpiLookupError(query, [], _closest(strategy, query))


def _closest(strategy: Strategy, query: str, n: int = 3) -> list[Kpi]:
    """Did-you-mean: the KPIs whose id or name is closest to what was typed."""
    by_text: dict[str, Kpi] = {}
    for k in strategy.kpis:
        for text in (k.id, k.name, k.name_en):
            by_text.setdefault(_fold(text), k)
    found: list[Kpi] = []
    for text in difflib.get_close_matches(_fold(query), list(by_text), n=n * 3, cutoff=0.6):
        if by_text[text] not in found:
            found.append(by_text[text])
    return found[:n]


@dataclass(frozen=True)
class Printing:
    """A place where the KPI is printed: `G1` (数値目標) or a measure `1-2-3`."""

    code: str
    title: str  # the measure's title, or the goal's for a 数値目標
    title_en: str
    goal_title: str
    goal_title_en: str
    relisted: bool  # printed with 〔再掲〕


@dataclass(frozen=True)
class Figure:
    year: int
    value: float
    source: str | None
    note: str | None


@dataclass(frozen=True)
class KpiHistory:
    kpi: Kpi
    year: int  # the year asked about: `current` is the result `pdca check year` gives
    printings: list[Printing]
    figures: list[Figure]
    years: list[KpiResult]  # one result per year, as `pdca check` gives it
    current: KpiResult
    thresholds: Thresholds
    graded: bool = False  # the strategy has grades: each result carries its band

    def expected_line(self) -> list[tuple[int, float]]:
        """(year, E(year)) from the baseline year through the target year (or the window)."""
        k = self.kpi
        if not k.assessable:
            return []
        if k.kind == "period_total" and k.period:
            first, last = k.period[0] - 1, k.period[1]
        else:
            start = k.baseline.year
            if start is None:  # no baseline: from the first milestone (or the target)
                start = min([m.year for m in k.milestones] + [k.target.year or 0])
            first, last = start, max(k.target.year or 0, start)
        return [(y, v) for y in range(first, last + 1) if (v := expected_at(k, y)) is not None]


def printings(strategy: Strategy, kpi_id: str) -> list[Printing]:
    found = []
    for p in strategy.printings():
        if p.ref.kpi != kpi_id:
            continue
        goal = p.goal
        if p.policy is None:
            title, title_en = goal.title, goal.title_en
        else:
            mi = p.path[5]
            assert isinstance(mi, int)
            measure = p.policy.measures[mi]
            title, title_en = measure.title, measure.title_en
        found.append(Printing(p.code, title, title_en, goal.title, goal.title_en, p.ref.relisted))
    return found


def kpi_history(
    strategy: Strategy,
    actuals: ActualsSet,
    kpi: Kpi,
    year: int,
    thresholds: Thresholds,
    *,
    strict: bool = False,
    reviews=None,
) -> KpiHistory:
    """Everything about one KPI; `year` is the year asked about (the current result).

    With `reviews` (a ReviewSet), each year's status is the committee's where its review
    of that year overrides it, as `pdca check` shows it.
    """

    scale = scale_of(strategy)

    def judged(y: int) -> KpiResult:  # with its grade, and the source and note of the figure
        result = assess_kpi(kpi, actuals, y, thresholds, strict=strict, scale=scale)
        if scale is not None:
            (result,) = banded(strategy, [result])
        result = with_provenance(result, actuals)
        review = reviews.get(y) if reviews is not None else None
        return apply_review(result, review) if review is not None else result

    figures = [
        Figure(y, entry.value, entry.source, entry.note)
        for y in sorted(actuals.years)
        if (entry := actuals.years[y].get(kpi.id)) is not None
    ]
    period = strategy.meta.period
    last = max(period.end, kpi.target.year or period.end, year, *(f.year for f in figures))
    first = min(period.start, *(f.year for f in figures)) if figures else period.start
    years = [judged(y) for y in range(first, last + 1)]
    current = judged(year)
    return KpiHistory(
        kpi,
        year,
        printings(strategy, kpi.id),
        figures,
        years,
        current,
        thresholds,
        graded=scale is not None,
    )
