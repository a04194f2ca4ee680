"""The outlook (見込み) at the target year: DESIGN.md's projection at the current pace. Pure.

From the figure judged (a in year a_y) and the baseline (b in year b_y), with target
(t in year t_y) and d = +1 (increase) or −1 (decrease):

    pace          = (a − b) / (a_y − b_y)        the average yearly change since the baseline
    projected     = a + pace · (t_y − a_y)
    required_pace = (t − a) / (t_y − a_y)        the yearly change still needed
    reaches       = d · (projected − t) ≥ 0      (always true when the KPI is achieved)

A period total (the sum of the yearly figures over start..end must reach t) projects its
average yearly figure: projected = sum / (a_y − start + 1) · (end − start + 1). Its `pace`
is that average yearly figure and its `required_pace` the yearly figure still needed over
the remaining years, (t − sum) / (end − a_y), so projected = sum + pace · (end − a_y) as
for the other kinds.

The projection stays within the KPI's range (`low`, `high`: never below 0 for a figure that
cannot be negative, never above 100 for a percentage): a count falling at its pace is
projected to reach 0, not -2. A period total's projection is its average yearly figure times
the window's years, within range whenever its figures are. Once the KPI is achieved nothing
more is needed: `required_pace` is None.

There is no outlook (None) for a `reset` or `maintain` target, without a figure, when the
figure is from the target year or later (a_y ≥ t_y) and when it is not after the baseline
year (a_y ≤ b_y). The callers decide the first three (they know the KPI); the functions
here return None for the last two.

The arithmetic is exact: every figure is taken as the decimal it was written as (a float's
shortest repr), so a projection exactly on the target reaches it whatever binary floating
point would say. The results are floats.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

Number = int | float | Decimal | Fraction


@dataclass(frozen=True)
class Outlook:
    year: int  # the target year the projection is made for (t_y)
    projected: float  # the figure expected in t_y at the current pace
    pace: float  # the average yearly change so far (period total: the average yearly figure)
    required_pace: float | None  # the yearly change still needed (period total: the yearly
    # figure); None once achieved
    reaches: bool  # the projection meets the target (always true once achieved)

    @property
    def misses(self) -> bool:
        return not self.reaches


def exact(value: Number) -> Fraction:
    """The exact value of a figure: a float is the decimal it was written as (47.6 -> 476/10)."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):
        return Fraction(repr(value))
    return Fraction(value)


def line_outlook(
    *,
    base_year: int,
    base: Number,
    target_year: int,
    target: Number,
    sign: int,
    actual_year: int,
    actual: Number,
    achieved: bool = False,
    low: Number | None = None,
    high: Number | None = None,
    strictly: bool = False,
) -> Outlook | None:
    """The outlook of a level or cumulative KPI (target kind exact, at_least or above), its
    projection held within [low, high] (None: no limit on that side). `strictly`: the
    target is to be passed, not met (`above`: better than the baseline)."""
    if actual_year >= target_year or actual_year <= base_year:
        return None
    a, b, t = exact(actual), exact(base), exact(target)
    pace = (a - b) / (actual_year - base_year)
    projected = _within(a + pace * (target_year - actual_year), low, high)
    required = None if achieved else float((t - a) / (target_year - actual_year))
    gap = sign * (projected - t)
    reaches = achieved or (gap > 0 if strictly else gap >= 0)
    return Outlook(target_year, float(projected), float(pace), required, reaches)


def _within(value: Fraction, low: Number | None, high: Number | None) -> Fraction:
    if low is not None:
        value = max(value, exact(low))
    if high is not None:
        value = min(value, exact(high))
    return value


def period_outlook(
    *,
    start: int,
    end: int,
    target: Number,
    figures: Sequence[Number],
    base_year: int,
    target_year: int | None = None,
    achieved: bool = False,
) -> Outlook | None:
    """The outlook of a period total from its yearly `figures` of start, start + 1, …

    The figure judged is their running sum in a_y = start + len(figures) − 1. The sum
    must reach t (as for the status, more is what counts).
    """
    if not figures:
        return None
    actual_year = start + len(figures) - 1
    target_year = end if target_year is None else target_year
    if actual_year >= min(target_year, end) or actual_year <= base_year:
        return None
    total = sum((exact(v) for v in figures), Fraction(0))
    t = exact(target)
    pace = total / len(figures)
    projected = pace * (end - start + 1)
    required = None if achieved else float((t - total) / (end - actual_year))
    reaches = achieved or projected >= t
    return Outlook(target_year, float(projected), float(pace), required, reaches)
