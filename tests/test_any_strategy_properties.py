"""Any strategy (issue #15): the rules of DESIGN "Any strategy" checked against a plain
implementation of them written here in `fractions` (and, for the growth method, in 50-digit
decimals), with hypothesis: the piecewise line through milestones, a KPI without a
baseline, the ratio method, period averages, above, the growth method and the grades.

`linear` and `ratio` must be exact: the figures are built (as in test_exact_properties) to
land exactly on a threshold, on the line (a milestone's year included), on the target or the
baseline, and a unit or two of their last decimal either side. `growth` must be within 1e-9:
its figures are built to land within 1e-11 of a threshold, where the higher status is due.
Profiles (tests/conftest.py): `short` by default, `long` with PDCA_FUZZ=long.
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction as F
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st
from test_exact_properties import NEAR, ref_grade, regraded, thresholds, typed

from kanazawa_pdca.trajectory import (
    Scale,
    Status,
    Thresholds,
    assess_above,
    assess_course,
    assess_growth,
    assess_period_average,
)

# --- the reference: DESIGN "Any strategy" in Fractions ------------------------------------


def ref_expected(points: list[tuple[int, F]], y: int) -> F:
    """The piecewise straight line through the points, held flat before and after."""
    if y <= points[0][0]:
        return points[0][1]
    if y >= points[-1][0]:
        return points[-1][1]
    for (y0, v0), (y1, v1) in pairwise(points):
        if y0 <= y <= y1:
            return v0 + (v1 - v0) * F(y - y0, y1 - y0)
    raise AssertionError("unreachable")


def ref_attainment(points, based: bool, method: str, d: int, a: F, y: int) -> F | None:
    e = ref_expected(points, y)
    if method == "linear" and based:
        b = points[0][1]
        return None if e == b else (a - b) / (e - b)
    over, under = (a, e) if d > 0 else (e, a)
    return None if under == 0 else over / under


def ref_course(points, based, method, d, a, y, on, behind) -> Status:
    t = points[-1][1]
    if d * (a - t) >= 0:
        return Status.ACHIEVED
    att = ref_attainment(points, based, method, d, a, y)
    if att is None:  # undefined: judged against the baseline (linear) or the line (ratio)
        anchor = points[0][1] if method == "linear" and based else ref_expected(points, y)
        return Status.ON_TRACK if d * (a - anchor) >= 0 else Status.REGRESSING
    return ref_grade(att, on, behind)


def ref_band(att: F | None, status: Status, bands: list[tuple[str, F | None]]) -> str | None:
    """The first band whose min ≤ attainment; achieved without attainment: the best; else none."""
    if att is None:
        return bands[0][0] if status is Status.ACHIEVED else None
    return next(code for code, low in bands if low is None or low <= att)


def scale_for(on: F, behind: F) -> list[tuple[str, F | None]]:
    """A scale with bands on the thresholds themselves and one above 100%."""
    return [("A", on + F(1, 5)), ("B", on), ("C", behind), ("D", None)]


# --- the piecewise line, with or without a baseline, linear or ratio -----------------------


@st.composite
def course_cases(draw):
    decimals = draw(st.integers(0, 3))
    unit = F(1, 10**decimals)
    on, behind = draw(thresholds())
    # every value a multiple of M units: θ·E, E/θ and b + θ·(E − b) are then whole units
    big = on.numerator * on.denominator * behind.numerator * behind.denominator
    d = draw(st.sampled_from([1, -1]))
    based = draw(st.booleans())
    method = draw(st.sampled_from(["linear", "ratio"])) if based else "ratio"
    spans = draw(st.lists(st.integers(1, 4), min_size=1, max_size=4))
    year = draw(st.integers(2015, 2022))
    steps = [draw(st.integers(0, 20)) for _ in spans]
    total = sum(n * m for n, m in zip(spans, steps, strict=True)) * big
    value = draw(st.integers(1, 10**4)) * big + (total if d < 0 else 0)
    points = [(year, value * unit)]
    for n, m in zip(spans, steps, strict=True):
        year, value = year + n, value + d * n * m * big
        points.append((year, value * unit))
    if points[-1][1] == points[0][1]:  # the target differs from the baseline
        points[-1] = (points[-1][0], points[-1][1] + d * big * unit)
    if not based:
        points = points[1:]
    y = draw(st.integers(points[0][0] - 1, points[-1][0] + 2))
    e = ref_expected(points, y)
    theta = draw(st.sampled_from([on, behind, F(1)]))
    anchors = [points[-1][1], e]
    if method == "linear":
        anchors.append(points[0][1] + theta * (e - points[0][1]))
        anchors.append(points[0][1])
    else:
        anchors.append(theta * e if d > 0 else e / theta)
    a = draw(st.sampled_from(anchors)) + draw(NEAR) * unit
    return points, based, method, d, max(a, F(0)), y, on, behind


@given(course_cases())
def test_the_line_through_milestones_is_judged_exactly(case):
    """Milestones, no baseline, linear and ratio: the status, the expected value and the
    grade are DESIGN's, exactly, on the thresholds, the line, the target and the bands."""
    points, based, method, d, a, y, on, behind = case
    th = Thresholds(on_track=typed(on), behind=typed(behind))
    floats = [(year, typed(v)) for year, v in points]
    got = assess_course(floats, typed(a), y, th, sign=d, based=based, method=method)
    want = ref_course(points, based, method, d, a, y, on, behind)
    assert got.status is want
    assert got.expected == float(ref_expected(points, y))
    if not based:
        assert got.progress is None
    att = ref_attainment(points, based, method, d, a, y)
    bands = scale_for(on, behind)
    scale = Scale.of([(code, None if low is None else typed(low)) for code, low in bands])
    assert scale.band(got, got.status) == ref_band(att, want, bands)
    if want is not Status.ACHIEVED and att is not None:
        assert regraded(got.attainment, th) is want  # the JSON re-read: the same status


# --- period averages ---------------------------------------------------------------------


@st.composite
def average_cases(draw):
    decimals = draw(st.integers(0, 3))
    unit = F(1, 10**decimals)
    on, behind = draw(thresholds())
    start = draw(st.integers(2020, 2026))
    n = draw(st.integers(1, 6))
    k = draw(st.integers(1, n))  # the years in so far
    big = on.numerator * on.denominator * behind.numerator * behind.denominator
    t = draw(st.integers(1, 200)) * big * unit
    theta = draw(st.sampled_from([on, behind, F(1)]))
    total = theta * t * k + draw(NEAR) * unit  # the sum of the figures so far
    units = int(max(total, F(0)) / unit)
    parts = [draw(st.integers(0, units // k)) for _ in range(k - 1)]
    figures = [p * unit for p in parts] + [units * unit - sum(parts, 0) * unit]
    return t, start, start + n - 1, figures, on, behind


@given(average_cases())
def test_a_period_average_is_judged_exactly(case):
    """a = the mean of the figures so far; attainment a / t; achieved only with the whole
    window in and its mean reaching t; E(y) = t."""
    t, start, end, figures, on, behind = case
    th = Thresholds(on_track=typed(on), behind=typed(behind))
    got = assess_period_average(typed(t), start, end, [typed(v) for v in figures], th)
    mean = sum(figures, F(0)) / len(figures)
    complete = start + len(figures) - 1 == end
    want = Status.ACHIEVED if complete and mean >= t else ref_grade(mean / t, on, behind)
    assert got.status is want
    assert got.expected == float(t)
    assert got.figure == float(mean)
    bands = scale_for(on, behind)
    scale = Scale.of([(code, None if low is None else typed(low)) for code, low in bands])
    assert scale.band(got, got.status) == ref_band(mean / t, want, bands)


# --- above the baseline ------------------------------------------------------------------


@given(st.integers(0, 10**6), st.integers(-3, 3), st.sampled_from([1, -1]), st.integers(0, 3))
def test_above_the_baseline(base_units, delta, d, decimals):
    """Achieved when strictly better than the baseline, off_track on it, regressing when
    worse; no attainment, so an achieved KPI gets the best band and the others none."""
    unit = F(1, 10**decimals)
    b, a = base_units * unit, max(base_units + delta, 0) * unit
    got = assess_above(typed(b), typed(a), sign=d)
    diff = d * (a - b)
    want = Status.ACHIEVED if diff > 0 else Status.OFF_TRACK if diff == 0 else Status.REGRESSING
    assert got.status is want and got.attainment is None
    scale = Scale.of([("A", 1.2), ("B", 1.0), ("C", None)])
    assert scale.band(got, got.status) == ("A" if want is Status.ACHIEVED else None)


# --- the growth method (floating point, within 1e-9) --------------------------------------


def ref_growth(b: F, t: F, by: int, ty: int, a: F, y: int) -> Decimal | None:
    """((a/b)^(1/(y − b_y)) − 1) / ((t/b)^(1/(t_y − b_y)) − 1) in 50-digit decimals."""
    with localcontext() as ctx:
        ctx.prec = 50

        def rate(value: F, years: int) -> Decimal:
            ratio = (
                Decimal(value.numerator)
                / Decimal(value.denominator)
                / (Decimal(b.numerator) / Decimal(b.denominator))
            )
            return (ratio.ln() / years).exp() - 1

        if y <= by or a <= 0:
            return None
        required = rate(t, ty - by)
        return rate(a, y - by) / required


@st.composite
def growth_cases(draw):
    on, behind = draw(thresholds())
    d = draw(st.sampled_from([1, -1]))
    by = draw(st.integers(2015, 2022))
    ty = by + draw(st.integers(2, 10))
    y = draw(st.integers(by + 1, ty + 2))
    b = F(draw(st.integers(100, 10**6)))
    g = F(draw(st.integers(1, 300)), 10)  # the yearly growth required, in %
    t = b * (1 + d * g / 100) ** (ty - by)
    theta = draw(st.sampled_from([on, behind, F(1)]))
    # the figure whose observed growth is θ times the required one, to 12 digits
    with localcontext() as ctx:
        ctx.prec = 50
        required = ((Decimal(t.numerator) / t.denominator / b.numerator).ln() / (ty - by)).exp()
        observed = (required - 1) * Decimal(theta.numerator) / theta.denominator + 1
        exact_a = Decimal(b.numerator) * observed ** (y - by)
        a = F(exact_a.quantize(Decimal(10) ** (exact_a.adjusted() - 11)))
    return b, t, by, ty, d, a, y, on, behind, theta


@given(growth_cases())
def test_growth_is_within_1e_9_and_a_threshold_within_it_counts(case):
    """The attainment is the reference's within 1e-9; a figure whose attainment is within
    1e-9 of a threshold gets the higher status; the grade likewise."""
    b, t, by, ty, d, a, y, on, behind, theta = case
    th = Thresholds(on_track=typed(on), behind=typed(behind))
    t_float = float(t)
    written = F(repr(t_float))  # the target as the decimal its float shows
    got = assess_growth(by, typed(b), ty, t_float, float(a), y, th, sign=d)
    ref = ref_growth(b, written, by, ty, a, y)
    if d * (a - written) >= 0:
        assert got.status is Status.ACHIEVED
        return
    assert got.attainment is not None and ref is not None
    assert abs(got.attainment - float(ref)) <= 1e-9
    near = abs(ref - Decimal(theta.numerator) / theta.denominator) < Decimal("1e-9")
    if near and theta in (on, behind):  # on a threshold: the status from it
        assert got.status is ref_grade(theta, on, behind)
    bands = scale_for(on, behind)
    scale = Scale.of([(code, None if low is None else typed(low)) for code, low in bands])
    if near and theta in (on, behind):
        assert scale.band(got, got.status) == ref_band(theta, got.status, bands)
