"""The actuals: the pydantic model of one recorded figure, every year's set of them, and
their checks against the strategy.

A file `data/actuals/<year>.yaml` maps KPI id -> value, or -> {value, source, note};
each entry is an `Actual`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from ..i18n.labels import unit_words
from ..i18n.messages import Phrase
from .checks import Problem, figure_bounds
from .figures import Figure

if TYPE_CHECKING:
    from .strategy import Path, Strategy

Text = Annotated[str, StringConstraints(min_length=1)]


class Actual(BaseModel):
    """One recorded figure: the value at the end of (or over) one fiscal year, and its source."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)

    value: Figure
    source: Text | None = None
    note: Text | None = None


@dataclass
class ActualsSet:
    """Every year's actuals: year -> KPI id -> Actual, and the file each year came from."""

    years: dict[int, dict[str, Actual]] = field(default_factory=dict)
    files: dict[int, str] = field(default_factory=dict)
    fictional: set[int] = field(default_factory=set)  # years marked `fictional: true`

    def value(self, year: int, kpi_id: str) -> float | None:
        entry = self.years.get(year, {}).get(kpi_id)
        return None if entry is None else entry.value

    def history(self, kpi_id: str) -> dict[int, float]:
        """year -> value for one KPI, in year order."""
        return {
            y: self.years[y][kpi_id].value for y in sorted(self.years) if kpi_id in self.years[y]
        }


def check_year(strategy: Strategy, year: int, entries: dict[str, Actual]) -> list[Problem]:
    """Checks of one year's entries against the strategy: ids, ranges."""
    problems: list[Problem] = []
    ids = strategy.kpi_ids
    closest = _Hints(ids)
    for kpi_id, actual in entries.items():
        path: Path = (kpi_id,)
        if kpi_id not in ids:
            hint = closest(kpi_id)
            shown = Phrase("did-you-mean", hint=hint) if hint else ""
            problems.append(Problem((*path, "<key>"), "unknown-kpi", {"id": kpi_id, "hint": shown}))
            continue
        kpi = strategy.kpi(kpi_id)
        value_path = (*path, "value")  # the loader falls back to the scalar in short form
        low, high = figure_bounds(kpi)
        if high is not None and not low <= actual.value <= high:
            values = {"id": kpi_id, "value": actual.value}
            problems.append(Problem(value_path, "percentage-range", values, variant="actual"))
        elif actual.value < low:
            values = {"id": kpi_id, "value": actual.value, "unit": unit_words(kpi)}
            problems.append(Problem(value_path, "negative-value", values))
        if (
            kpi.kind == "period_total"
            and kpi.period
            and not (kpi.period[0] <= year <= kpi.period[1])
        ):
            first, last = kpi.period
            values = {"id": kpi_id, "first": first, "last": last, "year": year}
            problems.append(Problem(value_path, "outside-period", values, "warning"))
    return problems


def check_series(strategy: Strategy, actuals: ActualsSet) -> list[tuple[int, Problem]]:
    """Checks across years: a cumulative KPI's running total never falls (a warning)."""
    found = []
    for kpi in strategy.kpis:
        if kpi.kind != "cumulative":
            continue
        previous: tuple[int, float] | None = None
        for year, value in actuals.history(kpi.id).items():
            if previous is not None and value < previous[1]:
                path: Path = (kpi.id, "value")
                found.append(
                    (
                        year,
                        Problem(
                            path,
                            "cumulative-decrease",
                            {
                                "id": kpi.id,
                                "value": value,
                                "previous": previous[1],
                                "year": previous[0],
                            },
                            "warning",
                        ),
                    )
                )
            previous = (year, value)
    return found


class _Hints:
    """ "Did you mean" for unknown ids: the closest known id, for the first MAX_HINTS
    unknown ids of a file only, so a file of thousands of unknown ids stays fast."""

    MAX_HINTS = 25
    CUTOFF = 0.75

    def __init__(self, candidates: set[str]):
        self._given = candidates
        self._sorted: list[str] | None = None  # sorted when first asked: a file (or one
        self.left = self.MAX_HINTS  # recorded figure) of known ids never pays for it

    @property
    def candidates(self) -> list[str]:
        if self._sorted is None:
            self._sorted = sorted(self._given)
        return self._sorted

    def __call__(self, word: str) -> str | None:
        import difflib

        if self.left <= 0:
            return None
        self.left -= 1
        # a ratio >= CUTOFF needs lengths within this factor of each other
        low, high = len(word) * 0.6, len(word) / 0.6
        near = [c for c in self.candidates if low <= len(c) <= high]
        matches = difflib.get_close_matches(word, near, n=1, cutoff=self.CUTOFF)
        return matches[0] if matches else None
