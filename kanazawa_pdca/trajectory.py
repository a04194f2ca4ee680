"""The math of DESIGN.md: expected value, attainment, progress and status. Pure functions.

No I/O, no printing, no models: numbers in, numbers and a status out, so every rule
can be checked by hand in a table-driven test.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    OFF_TRACK = "off_track"
    REGRESSING = "regressing"
    NO_DATA = "no_data"
    NOT_ASSESSABLE = "not_assessable"

    @property
    def rank(self) -> int | None:
        """Order for --fail-on: achieved 4 > on_track 3 > behind 2 > off_track 1 > regressing 0.

        None for no_data and not_assessable, which never fail a run.
        """
        return _RANK.get(self)

    def fails(self, fail_on: Status | str | None) -> bool:
        """True when this status is at or below `fail_on` (the --fail-on rule).

        no_data and not_assessable never fail; neither does anything without `fail_on`.
        """
        if not fail_on:
            return False
        floor = Status.parse(fail_on).rank if isinstance(fail_on, str) else fail_on.rank
        return self.rank is not None and floor is not None and self.rank <= floor

    @classmethod
    def parse(cls, text: str) -> Status:
        """'off-track', 'OFF_TRACK' and 'off_track' are the same status."""
        return cls(text.strip().lower().replace("-", "_"))


_RANK = {
    Status.ACHIEVED: 4,
    Status.ON_TRACK: 3,
    Status.BEHIND: 2,
    Status.OFF_TRACK: 1,
    Status.REGRESSING: 0,
}


@dataclass(frozen=True)
class Thresholds:
    on_track: float = 1.0
    behind: float = 0.6


@dataclass(frozen=True)
class Line:
    """A KPI's straight line from the baseline (b_y, b) to the target (t_y, t)."""

    base_year: int
    base: float
    target_year: int
    target: float
    sign: int = 1  # +1 when more is better, -1 when less is better

    def expected(self, year: int) -> float:
        """E(y) = b + (t − b) · clamp((y − b_y) / (t_y − b_y), 0, 1)."""
        span = self.target_year - self.base_year
        share = 1.0 if span <= 0 else min(max((year - self.base_year) / span, 0.0), 1.0)
        return self.base + (self.target - self.base) * share

    def progress(self, actual: float) -> float | None:
        """(a − b) / (t − b): the share of the whole way to the target."""
        if self.target == self.base:
            return None
        return (actual - self.base) / (self.target - self.base)


@dataclass(frozen=True)
class Assessment:
    expected: float | None
    attainment: float | None
    progress: float | None
    status: Status


def assess_line(line: Line, actual: float, year: int, th: Thresholds) -> Assessment:
    """A level or cumulative KPI with an exact / at_least target, observed in `year`."""
    expected = line.expected(year)
    progress = line.progress(actual)
    d = line.sign
    if expected == line.base:
        # No time has elapsed on the line: attainment is undefined.
        attainment = None
        if d * (actual - line.target) >= 0:
            status = Status.ACHIEVED
        elif d * (actual - line.base) >= 0:
            status = Status.ON_TRACK
        else:
            status = Status.REGRESSING
        return Assessment(expected, attainment, progress, status)
    attainment = (actual - line.base) / (expected - line.base)
    if d * (actual - line.target) >= 0:
        return Assessment(expected, attainment, progress, Status.ACHIEVED)
    return Assessment(expected, attainment, progress, grade(attainment, th))


def grade(attainment: float, th: Thresholds) -> Status:
    """The status of a target not yet met, by attainment (DESIGN.md's table)."""
    if attainment >= th.on_track:
        return Status.ON_TRACK
    if attainment >= th.behind:
        return Status.BEHIND
    if attainment >= 0:
        return Status.OFF_TRACK
    return Status.REGRESSING


def assess_maintain(
    line: Line, actual: float, year: int, window_start: int | None, th: Thresholds
) -> Assessment:
    """A floor to keep (以上を維持), from `window_start` (or the baseline year) on.

    Inside the window: achieved when the floor is met, else regressing when worse than
    the baseline, else off_track. Before the window the floor is approached along the
    line from the baseline to the window's first year. Attainment is the actual's
    ratio to the floor (d = −1: the floor's ratio to the actual).
    """
    start = line.base_year if window_start is None else window_start
    if year < start:
        approach = Line(line.base_year, line.base, start, line.target, line.sign)
        return assess_line(approach, actual, year, th)
    d = line.sign
    floor = line.target
    attainment = _ratio(actual, floor) if d > 0 else _ratio(floor, actual)
    progress = line.progress(actual) if d * (floor - line.base) > 0 else None
    if d * (actual - floor) >= 0:
        status = Status.ACHIEVED
    elif d * (actual - line.base) < 0:
        status = Status.REGRESSING
    else:
        status = Status.OFF_TRACK
    return Assessment(floor, attainment, progress, status)


def _ratio(a: float, b: float) -> float | None:
    return None if b == 0 else a / b


def period_expected(target: float, start: int, end: int, year: int) -> float:
    """E(y) = t · (y − start + 1) / (end − start + 1), with y held inside the window."""
    y = min(max(year, start - 1), end)
    return target * (y - start + 1) / (end - start + 1)


def assess_period_total(
    target: float, start: int, end: int, running_sum: float, year: int, th: Thresholds
) -> Assessment:
    """The sum of the yearly actuals from `start` through `year` against its share of t."""
    expected = period_expected(target, start, end, year)
    progress = None if target == 0 else running_sum / target
    if running_sum >= target:
        return Assessment(expected, _ratio(running_sum, expected), progress, Status.ACHIEVED)
    attainment = _ratio(running_sum, expected)
    if attainment is None:  # the window has not started: nothing was due yet
        return Assessment(expected, None, progress, Status.ON_TRACK)
    return Assessment(expected, attainment, progress, grade(attainment, th))
