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
    # the attainment exactly, as (numerator, denominator ≠ 0), for the grades; None where
    # it is undefined or not exact (the growth method: `fuzzy`)
    ratio: tuple[int, int] | None = None
    fuzzy: bool = False  # the attainment is a float (growth): within 1e-9 of a bound counts


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
    ratio = ((a - b) * n, rise)
    attainment, status = _graded(*ratio, th)
    if sign * (a - t) >= 0:
        status = Status.ACHIEVED
    return Assessment(expected, attainment, progress, status, None, ratio)


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
    ratio = None if under == 0 else (over, under)
    return Assessment(floor / d, attainment, progress, status, None, ratio)


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
        ratio = None if due == 0 else (s * n, due)
        return Assessment(expected, attainment, progress, Status.ACHIEVED, figure, ratio)
    if due == 0:  # the window has not started: nothing was due yet
        return Assessment(expected, None, progress, Status.ON_TRACK, figure)
    attainment, status = _graded(s * n, due, th)
    return Assessment(expected, attainment, progress, status, figure, (s * n, due))


# --- any strategy: milestones, no baseline, above, period averages, methods, grades ----------
#
# DESIGN.md "Any strategy". A KPI's course is its known points (year, value) in year order:
# the baseline (when there is one), each milestone, the target. E(y) is the piecewise
# straight line through them, held flat before the first and after the last. `linear` and
# `ratio` are exact (integers over a common denominator, as above); `growth` involves roots
# and is computed in floating point, where an attainment within GROWTH_TOLERANCE of a bound
# counts as on it.

GROWTH_TOLERANCE = 1e-9


def _segment(points: Sequence[tuple[int, Number]], year: int) -> tuple[int, int, int, int]:
    """(i, j, k, n): E(y) = v_i + (v_j − v_i) · k / n on the segment of `points` holding `year`
    (i == j, k = 0, n = 1 when it is held flat before the first point or after the last)."""
    last = len(points) - 1
    if year <= points[0][0]:
        return 0, 0, 0, 1
    if year >= points[last][0]:
        return last, last, 0, 1
    j = 1
    while points[j][0] < year:
        j += 1
    y0, y1 = points[j - 1][0], points[j][0]
    return j - 1, j, year - y0, y1 - y0


def course_expected(points: Sequence[tuple[int, Number]], year: int) -> float:
    """E(y) on the piecewise line through `points` (the nearest float of its exact value)."""
    i, j, k, n = _segment(points, year)
    d, (vi, vj) = _common(_parts(points[i][1]), _parts(points[j][1]))
    return (vi * n + (vj - vi) * k) / (d * n)


def assess_course(
    points: Sequence[tuple[int, Number]],
    actual: Number,
    year: int,
    th: Thresholds,
    *,
    sign: int = 1,
    based: bool = True,
    method: str = "linear",
) -> Assessment:
    """A level or cumulative KPI with an exact / at_least target on its course: `points` are
    the baseline (when `based`), the milestones and the target, in year order.

    `linear`: attainment = (a − b) / (E(y) − b), undefined while E(y) = b (then on_track when
    not worse than the baseline). `ratio`: a / E(y), or E(y) / a when less is better,
    undefined on a zero divisor (then on_track when a is not worse than E(y)). `growth`:
    the observed yearly growth over the required one (`assess_growth`). A KPI without a
    baseline is measured by ratio and has no progress. `achieved` when the target is met.
    """
    if method == "growth" and based:
        (by, b), (ty, t) = points[0], points[-1]
        return assess_growth(by, b, ty, t, actual, year, th, sign=sign)
    i, j, k, n = _segment(points, year)
    base = points[0][1] if based else points[i][1]
    d, (a, b, vi, vj, t) = _common(
        *(_parts(v) for v in (actual, base, points[i][1], points[j][1], points[-1][1]))
    )
    e = vi * n + (vj - vi) * k  # E(y) · d · n
    expected = e / (d * n)
    progress = None if not based or t == b else (a - b) / (t - b)
    if method == "linear" and based:
        over, under = (a - b) * n, e - b * n
        fallback = b * n  # undefined attainment: judged against the baseline
    else:
        over, under = (a * n, e) if sign > 0 else (e, a * n)
        fallback = e
    if sign * (a - t) >= 0:
        status = Status.ACHIEVED
    elif under == 0:
        status = Status.ON_TRACK if sign * (a * n - fallback) >= 0 else Status.REGRESSING
    else:
        attainment, status = _graded(over, under, th)
        return Assessment(expected, attainment, progress, status, None, (over, under))
    if under == 0:
        return Assessment(expected, None, progress, status)
    return Assessment(expected, over / under, progress, status, None, (over, under))


def growth_expected(base_year: int, base: Number, target_year: int, target: Number, year: int):
    """E(y) on the compound curve from the baseline to the target: b · (t / b)^share."""
    b, t = float(exact(base)), float(exact(target))
    span = target_year - base_year
    share = 1.0 if span <= 0 else min(max(year - base_year, 0), span) / span
    if b <= 0 or t < 0:
        return b + (t - b) * share
    return b * (t / b) ** share


def growth_rate(base: Number, value: Number, years: int) -> float | None:
    """The average yearly growth from `base` to `value` in `years`: (value / base)^(1/years) − 1."""
    b, v = float(exact(base)), float(exact(value))
    if years <= 0 or b <= 0 or v < 0:
        return None
    return (v / b) ** (1 / years) - 1


def assess_growth(
    base_year: int,
    base: Number,
    target_year: int,
    target: Number,
    actual: Number,
    year: int,
    th: Thresholds,
    *,
    sign: int = 1,
) -> Assessment:
    """The growth method (Open SDG's): the observed average yearly growth since the baseline
    over the one required from the baseline to the target,

        ((a / b)^(1/(y − b_y)) − 1) / ((t / b)^(1/(t_y − b_y)) − 1),

    in floating point: an attainment within 1e-9 of a threshold gets the higher status.
    Undefined (no time elapsed, a zero baseline, no growth required) it is judged as the
    linear method does: on_track when not worse than the baseline. `achieved` (the target
    met) is exact.
    """
    _, a, b, t = _over(actual, base, target)
    expected = growth_expected(base_year, base, target_year, target, year)
    progress = None if t == b else (a - b) / (t - b)
    if sign * (a - t) >= 0:
        status = Status.ACHIEVED
    else:
        status = Status.ON_TRACK if sign * (a - b) >= 0 else Status.REGRESSING
    observed = growth_rate(base, actual, year - base_year)
    required = growth_rate(base, target, target_year - base_year)
    if observed is None or not required:
        return Assessment(expected, None, progress, status, None, None, True)
    attainment = observed / required
    if status is not Status.ACHIEVED:
        status = fuzzy_status(attainment, th)
    return Assessment(expected, attainment, progress, status, None, None, True)


def fuzzy_status(attainment: float, th: Thresholds) -> Status:
    """The status of a floating-point attainment: within 1e-9 of a threshold is on it."""
    if attainment >= th.on_track - GROWTH_TOLERANCE:
        return Status.ON_TRACK
    if attainment >= th.behind - GROWTH_TOLERANCE:
        return Status.BEHIND
    return Status.OFF_TRACK if attainment >= -GROWTH_TOLERANCE else Status.REGRESSING


def assess_above(base: Number, actual: Number, *, sign: int = 1) -> Assessment:
    """Target kind `above` (基準値を上回る): achieved when strictly better than the baseline,
    off_track when equal to it, regressing when worse. Expected is the baseline; there is
    no attainment (an achieved KPI gets the best grade) and no progress."""
    _, a, b, _ = _over(actual, base, 0)
    diff = sign * (a - b)
    if diff > 0:
        status = Status.ACHIEVED
    elif diff == 0:
        status = Status.OFF_TRACK
    else:
        status = Status.REGRESSING
    return Assessment(float(exact(base)), None, None, status)


def assess_floor(floor: Number, actual: Number, *, sign: int = 1) -> Assessment:
    """A floor to keep (maintain) without a baseline: achieved when it is met, else
    off_track (there is no baseline to be worse than); expected is the floor, attainment
    a / floor (floor / a when less is better)."""
    d, a, f, _ = _over(actual, floor, 0)
    over, under = (a, f) if sign > 0 else (f, a)
    status = Status.ACHIEVED if sign * (a - f) >= 0 else Status.OFF_TRACK
    if under == 0:
        return Assessment(f / d, None, None, status)
    return Assessment(f / d, over / under, None, status, None, (over, under))


def assess_period_average(
    target: Number,
    start: int,
    end: int,
    figures: Sequence[Number],
    th: Thresholds,
    *,
    sign: int = 1,
) -> Assessment:
    """A period average: the yearly `figures` of start, start + 1, … (every year present).

    a = their mean; attainment = a / t (t / a when less is better); E(y) = t; `achieved`
    only when the whole window is in and its mean reaches t. `figure` is the mean.
    """
    count = len(figures)
    s, d = _sum_parts(figures)
    tn, td = _parts(target)
    # a = s / (d · count), t = tn / td, compared over d · count · td
    an, tt = s * td, tn * d * count
    figure = an / (d * count * td)
    over, under = (an, tt) if sign > 0 else (tt, an)
    complete = start + count - 1 >= end
    expected = float(exact(target))
    if complete and sign * (an - tt) >= 0:
        ratio = None if under == 0 else (over, under)
        attainment = None if under == 0 else over / under
        return Assessment(expected, attainment, None, Status.ACHIEVED, figure, ratio)
    if under == 0:
        status = Status.ON_TRACK if sign * (an - tt) >= 0 else Status.REGRESSING
        return Assessment(expected, None, None, status, figure)
    attainment, status = _graded(over, under, th)
    return Assessment(expected, attainment, None, status, figure, (over, under))


@dataclass(frozen=True)
class Scale:
    """A strategy's grades, best first: each band's code and the exact attainment from
    which it applies (the last band: from anywhere, None)."""

    codes: tuple[str, ...]
    mins: tuple[Fraction | None, ...]

    @classmethod
    def of(cls, bands: Sequence[tuple[str, Number | None]]) -> Scale:
        return cls(
            tuple(code for code, _ in bands),
            tuple(None if m is None else exact(m) for _, m in bands),
        )

    def band(self, a: Assessment, status: Status) -> str | None:
        """The first band whose min ≤ the attainment (exactly; growth within 1e-9); an
        achieved KPI with no attainment gets the best band, any other none."""
        if a.attainment is None:
            return self.codes[0] if status is Status.ACHIEVED and self.codes else None
        for code, low in zip(self.codes, self.mins, strict=True):
            if low is None:
                return code
            if a.ratio is not None and not a.fuzzy:
                num, den = a.ratio
                if den < 0:
                    num, den = -num, -den
                if num * low.denominator >= low.numerator * den:
                    return code
            elif a.attainment >= float(low) - GROWTH_TOLERANCE:
                return code
        return None

    def rank(self, code: str) -> int:
        """0 for the best band, 1 for the next, …"""
        return self.codes.index(code)
