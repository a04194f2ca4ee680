"""The math of DESIGN.md: expected value, attainment, progress and status. Pure functions.

No I/O, no printing, no models: numbers in, numbers and a status out, so every rule
can be checked by hand in a table-driven test.

Exactness. Figures are decimals as written: a float is read back as the decimal its
`repr` shows (the figure a person typed, for up to 15 significant digits), an int, a
`Decimal` or a `Fraction` as itself. Every comparison that decides a status is done
exactly, on integers over a common denominator (cross-multiplication), so a figure
exactly on a threshold, on the line or at the target gets the higher status whatever
binary floating point would say. The numbers returned (expected, attainment, progress)
are the nearest floats of the exact values (Python's int / int is correctly rounded);
an attainment whose exact value lies below a threshold is never rounded up onto it, so
comparing the returned float with the thresholds' floats gives the same status.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from functools import lru_cache

Number = float | int | Decimal | Fraction


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


def exact(value: Number | str) -> Fraction:
    """The decimal as written, exactly: exact(0.6) == Fraction(3, 5); '90%' is not a number here."""
    return Fraction(*_parts(value))


def exact_sum(values: Sequence[Number]) -> Fraction:
    """The exact sum of decimals as written (a period total's running sum)."""
    return Fraction(*_sum_parts(values))


def _sum_parts(values: Sequence[Number]) -> tuple[int, int]:
    if not values:
        return 0, 1
    d, ns = _common(*(_float_parts(v) if type(v) is float else _parts(v) for v in values))
    return sum(ns), d


def _parts(value) -> tuple[int, int]:
    """(numerator, denominator > 0) of the decimal as written; not necessarily reduced."""
    kind = type(value)
    if kind is float:
        return _float_parts(value)
    if kind is int:
        return value, 1
    if isinstance(value, Fraction):
        return value.numerator, value.denominator
    if isinstance(value, str):
        value = Decimal(value.strip())
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"not a finite number: {value}")
        return value.as_integer_ratio()
    if isinstance(value, int):  # bool, numpy integers
        return int(value), 1
    if isinstance(value, float):
        return _float_parts(float(value))
    raise TypeError(f"not a number: {value!r}")


@lru_cache(maxsize=1 << 16)
def _float_parts(value: float) -> tuple[int, int]:
    text = repr(value)  # the shortest decimal that reads back as this float
    if "e" in text or "n" in text:  # 1e+16, 5e-05, inf, nan
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {value}")
        return Decimal(text).as_integer_ratio()
    whole, _, decimals = text.partition(".")
    return int(whole + decimals), 10 ** len(decimals)


def _common(*parts: tuple[int, int]) -> tuple[int, list[int]]:
    """A common denominator D and each number's numerator over it."""
    d = parts[0][1]
    for _, other in parts:
        if other != d:
            d = math.lcm(d, other)
    return d, [n * (d // den) for n, den in parts]


def _over(x: Number, y: Number, z: Number) -> tuple[int, int, int, int]:
    """(D, X, Y, Z): three numbers as numerators over a common denominator D (the hot path)."""
    xn, xd = _float_parts(x) if type(x) is float else _parts(x)
    yn, yd = _float_parts(y) if type(y) is float else _parts(y)
    zn, zd = _float_parts(z) if type(z) is float else _parts(z)
    if xd == yd == zd:
        return xd, xn, yn, zn
    d = math.lcm(xd, yd, zd)
    return d, xn * (d // xd), yn * (d // yd), zn * (d // zd)


@dataclass(frozen=True)
class Thresholds:
    """The committee's thresholds: attainment ≥ on_track is on track, ≥ behind is behind.

    Given as floats (read as the decimals they show), ints, Decimals, Fractions or decimal
    strings; `on_track` and `behind` hold the nearest floats, `exact_on_track` and
    `exact_behind` the exact values every status is decided on.
    """

    on_track: float = 1.0
    behind: float = 0.6
    exact_on_track: Fraction = field(init=False, repr=False, compare=False)
    exact_behind: Fraction = field(init=False, repr=False, compare=False)
    _ints: tuple[int, int, int, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("on_track", "behind"):
            value = exact(getattr(self, name))
            object.__setattr__(self, "exact_" + name, value)
            object.__setattr__(self, name, float(value))
        on, behind = self.exact_on_track, self.exact_behind
        ints = (on.numerator, on.denominator, behind.numerator, behind.denominator)
        object.__setattr__(self, "_ints", ints)


@dataclass(frozen=True)
class Line:
    """A KPI's straight line from the baseline (b_y, b) to the target (t_y, t)."""

    base_year: int
    base: float
    target_year: int
    target: float
    sign: int = 1  # +1 when more is better, -1 when less is better

    def share(self, year: int) -> tuple[int, int]:
        """clamp((y − b_y) / (t_y − b_y), 0, 1) as (numerator, denominator > 0)."""
        span = self.target_year - self.base_year
        if span <= 0:
            return 1, 1
        return min(max(year - self.base_year, 0), span), span

    def expected(self, year: int) -> float:
        """E(y) = b + (t − b) · clamp((y − b_y) / (t_y − b_y), 0, 1)."""
        d, (b, t) = _common(_parts(self.base), _parts(self.target))
        k, n = self.share(year)
        return (b * n + (t - b) * k) / (d * n)

    def progress(self, actual: Number) -> float | None:
        """(a − b) / (t − b): the share of the whole way to the target."""
        _, a, b, t = _over(actual, self.base, self.target)
        return None if t == b else (a - b) / (t - b)


@dataclass(frozen=True)
class Assessment:
    expected: float | None
    attainment: float | None
    progress: float | None
    status: Status
    figure: float | None = None  # a period total's running sum (the nearest float)


def assess_line(line: Line, actual: Number, year: int, th: Thresholds) -> Assessment:
    """A level or cumulative KPI with an exact / at_least target, observed in `year`."""
    d, a, b, t = _over(actual, line.base, line.target)
    span = line.target_year - line.base_year
    k, n = (1, 1) if span <= 0 else (min(max(year - line.base_year, 0), span), span)
    rise = (t - b) * k  # (E(y) − b) · d · n
    expected = (b * n + rise) / (d * n)
    progress = None if t == b else (a - b) / (t - b)
    sign = line.sign
    if rise == 0:
        # No time has elapsed on the line: attainment is undefined.
        if sign * (a - t) >= 0:
            status = Status.ACHIEVED
        elif sign * (a - b) >= 0:
            status = Status.ON_TRACK
        else:
            status = Status.REGRESSING
        return Assessment(expected, None, progress, status)
    # attainment = (a − b) / (E(y) − b) = (a − b) · n / rise
    attainment, status = _graded((a - b) * n, rise, th)
    if sign * (a - t) >= 0:
        status = Status.ACHIEVED
    return Assessment(expected, attainment, progress, status)


def grade(attainment: Number, th: Thresholds) -> Status:
    """The status of a target not yet met, by attainment (DESIGN.md's table), exactly."""
    return _graded(*_parts(attainment), th)[1]


def _graded(num: int, den: int, th: Thresholds) -> tuple[float, Status]:
    """num / den graded exactly against the thresholds, and its float.

    The float is the nearest to num / den, except that a ratio exactly below a threshold
    whose nearest float is that threshold's float is given the float just below, so the
    float read against the thresholds' floats gives the same status.
    """
    if den < 0:
        num, den = -num, -den
    value = num / den
    on_n, on_d, behind_n, behind_d = th._ints
    if num * on_d >= on_n * den:
        return value, Status.ON_TRACK
    if num * behind_d >= behind_n * den:
        status, bound = Status.BEHIND, th.on_track
    elif num >= 0:
        status, bound = Status.OFF_TRACK, th.behind
    else:
        return (value if value < 0 else -math.ulp(0.0)), Status.REGRESSING
    return (value if value < bound else math.nextafter(bound, -math.inf)), status


def assess_maintain(
    line: Line, actual: Number, year: int, window_start: int | None, th: Thresholds
) -> Assessment:
    """A floor to keep (以上を維持), from `window_start` (or the baseline year) on.

    Inside the window: achieved when the floor is met, else regressing when worse than
    the baseline, else off_track; expected is the floor and attainment the actual's ratio
    to it (d = −1: the floor's ratio to the actual). Before the window the KPI is judged
    on the straight line from the baseline to the floor at the window's first year.
    Progress is (a − b) / (floor − b) when the floor is beyond the baseline, else None.
    """
    d, a, b, floor = _over(actual, line.base, line.target)
    sign = line.sign
    progress = (a - b) / (floor - b) if sign * (floor - b) > 0 else None
    start = line.base_year if window_start is None else window_start
    if year < start:
        approach = Line(line.base_year, line.base, start, line.target, line.sign)
        before = assess_line(approach, actual, year, th)
        return Assessment(before.expected, before.attainment, progress, before.status)
    over, under = (a, floor) if sign > 0 else (floor, a)
    attainment = None if under == 0 else over / under
    if sign * (a - floor) >= 0:
        status = Status.ACHIEVED
    elif sign * (a - b) < 0:
        status = Status.REGRESSING
    else:
        status = Status.OFF_TRACK
    return Assessment(floor / d, attainment, progress, status)


def _period_share(start: int, end: int, year: int) -> tuple[int, int]:
    """(y − start + 1) / (end − start + 1) with y held inside the window."""
    y = min(max(year, start - 1), end)
    return y - start + 1, end - start + 1


def period_expected(target: Number, start: int, end: int, year: int) -> float:
    """E(y) = t · (y − start + 1) / (end − start + 1), with y held inside the window."""
    t, d = _parts(target)
    k, n = _period_share(start, end, year)
    return t * k / (d * n)


def assess_period_total(
    target: Number,
    start: int,
    end: int,
    running_sum: Number | Sequence[Number],
    year: int,
    th: Thresholds,
) -> Assessment:
    """The sum of the yearly actuals from `start` through `year` against its share of t.

    `running_sum` is the sum, or the yearly figures themselves, summed exactly here (a
    float sum of decimals is not their decimal sum). progress = sum / t; achieved when
    the sum reaches t; `figure` is the sum's nearest float.
    """
    if isinstance(running_sum, Sequence):
        s, d = _sum_parts(running_sum)
    else:
        s, d = _float_parts(running_sum) if type(running_sum) is float else _parts(running_sum)
    t, td = _float_parts(target) if type(target) is float else _parts(target)
    if td != d:
        common = math.lcm(d, td)
        s, t, d = s * (common // d), t * (common // td), common
    k, n = _period_share(start, end, year)
    figure = s / d
    expected = t * k / (d * n)
    progress = None if t == 0 else s / t
    due = t * k  # E(y) · d · n
    if s >= t:
        attainment = None if due == 0 else s * n / due
        return Assessment(expected, attainment, progress, Status.ACHIEVED, figure)
    if due == 0:  # the window has not started: nothing was due yet
        return Assessment(expected, None, progress, Status.ON_TRACK, figure)
    attainment, status = _graded(s * n, due, th)
    return Assessment(expected, attainment, progress, status, figure)
