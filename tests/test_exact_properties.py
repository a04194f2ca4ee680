"""Property tests of exact judgement: short decimals on and around every threshold, checked
against a straightforward implementation of DESIGN.md in `fractions`, written here.

The figures are generated as a person would type them (a few decimals) and handed to the
engine as the floats YAML gives. They are built to land exactly on a threshold, on the
line, on the target, on the baseline (or a floor), and one or two units of their last
decimal either side. Profiles (tests/conftest.py): `short` by default, `long` with
PDCA_FUZZ=long.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction as F

from hypothesis import given
from hypothesis import strategies as st

from kanazawa_pdca.trajectory import (
    Line,
    Status,
    Thresholds,
    assess_line,
    assess_maintain,
    assess_period_total,
)

# --- the reference: DESIGN.md in Fractions ------------------------------------------------


def ref_grade(att: F, on: F, behind: F) -> Status:
    if att >= on:
        return Status.ON_TRACK
    if att >= behind:
        return Status.BEHIND
    return Status.OFF_TRACK if att >= 0 else Status.REGRESSING


def ref_line(b: F, t: F, by: int, ty: int, d: int, a: F, y: int, on: F, behind: F) -> Status:
    span = ty - by
    share = F(1) if span <= 0 else min(max(F(y - by, span), F(0)), F(1))
    e = b + (t - b) * share
    if d * (a - t) >= 0:
        return Status.ACHIEVED
    if e == b:
        return Status.ON_TRACK if d * (a - b) >= 0 else Status.REGRESSING
    return ref_grade((a - b) / (e - b), on, behind)


def ref_maintain(b, floor, by, start, d, a, y, on, behind) -> Status:
    if y < start:
        return ref_line(b, floor, by, start, d, a, y, on, behind)
    if d * (a - floor) >= 0:
        return Status.ACHIEVED
    return Status.REGRESSING if d * (a - b) < 0 else Status.OFF_TRACK


def ref_period(t: F, start: int, end: int, figures: list[F], y: int, on, behind) -> Status:
    total = sum(figures, F(0))
    e = t * (min(max(y, start - 1), end) - start + 1) / (end - start + 1)
    if total >= t:
        return Status.ACHIEVED
    if e == 0:
        return Status.ON_TRACK
    return ref_grade(total / e, on, behind)


def regraded(attainment: float, th: Thresholds) -> Status:
    """What a reader of the JSON gets by reading `attainment` against the thresholds."""
    return ref_grade(F(attainment), F(th.on_track), F(th.behind))


# --- generating what a person types --------------------------------------------------------


def typed(value: F) -> float:
    """The float YAML gives for the decimal as typed (value has a power-of-ten denominator)."""
    text = str(Decimal(value.numerator) / Decimal(value.denominator))
    return float(text)


@st.composite
def thresholds(draw) -> tuple[F, F]:
    """(on_track, behind): short decimals with 0 < behind < on_track ≤ 2."""
    behind = F(draw(st.integers(1, 150)), 100)
    on = behind + F(draw(st.integers(1, 50)), 100)
    return draw(st.sampled_from([(F(1), F(3, 5)), (on, behind)]))


NEAR = st.integers(-2, 2)  # units of the last decimal around an anchor


@st.composite
def line_cases(draw):
    decimals = draw(st.integers(0, 3))
    unit = F(1, 10**decimals)
    on, behind = draw(thresholds())
    anchor_kind = draw(st.sampled_from(["behind", "on_track", "line", "target", "baseline"]))
    theta = {"behind": behind, "on_track": on, "line": F(1)}.get(anchor_kind, F(1))
    n = draw(st.integers(1, 12))
    by = draw(st.integers(2010, 2026))
    ty = by + n
    y = draw(st.integers(by - 1, ty + 2))
    d = draw(st.sampled_from([1, -1]))
    m = draw(st.integers(1, 60))
    step = n * theta.denominator * m  # t − b in units: θ · (E − b) is then whole units
    base_units = draw(st.integers(0, 10**6)) + (step if d < 0 else 0)
    b = base_units * unit
    t = b + d * step * unit
    k = min(max(y - by, 0), n)
    if anchor_kind == "target":
        anchor = t
    elif anchor_kind == "baseline":
        anchor = b
    else:
        anchor = b + d * theta.numerator * m * k * unit
    a = anchor + draw(NEAR) * unit
    return b, t, by, ty, d, a, y, on, behind


@given(line_cases())
def test_line_status_is_the_exact_rule(case):
    b, t, by, ty, d, a, y, on, behind = case
    th = Thresholds(on_track=typed(on), behind=typed(behind))
    got = assess_line(Line(by, typed(b), ty, typed(t), d), typed(a), y, th)
    assert got.status is ref_line(b, t, by, ty, d, a, y, on, behind)
    if got.status is not Status.ACHIEVED and got.attainment is not None:
        assert regraded(got.attainment, th) is got.status


@st.composite
def maintain_cases(draw):
    decimals = draw(st.integers(0, 2))
    unit = F(1, 10**decimals)
    on, behind = draw(thresholds())
    d = draw(st.sampled_from([1, -1]))
    by = draw(st.integers(2015, 2026))
    start = by + draw(st.integers(0, 4))
    window = draw(st.sampled_from([None, start]))
    y = draw(st.integers(by, start + 3))
    lead = max(start - by, 1)
    m = draw(st.integers(-20, 60))
    base_units = draw(st.integers(10**4, 10**6))
    b = base_units * unit
    floor = b + d * lead * on.denominator * behind.denominator * m * unit
    k = min(max(y - by, 0), lead)
    rise = (floor - b) * k / lead  # on the approach line
    anchor = draw(st.sampled_from([floor, b, b + rise, b + behind * rise, b + on * rise]))
    a = anchor + draw(NEAR) * unit
    return b, floor, by, window, d, a, y, on, behind


@given(maintain_cases())
def test_maintain_status_is_the_exact_rule(case):
    b, floor, by, window, d, a, y, on, behind = case
    th = Thresholds(on_track=typed(on), behind=typed(behind))
    line = Line(by, typed(b), 2030, typed(floor), d)
    got = assess_maintain(line, typed(a), y, window, th)
    start = by if window is None else window
    assert got.status is ref_maintain(b, floor, by, start, d, a, y, on, behind)


@st.composite
def period_cases(draw):
    decimals = draw(st.integers(0, 3))
    unit = F(1, 10**decimals)
    on, behind = draw(thresholds())
    start = draw(st.integers(2020, 2026))
    n = draw(st.integers(1, 6))
    end = start + n - 1
    y = draw(st.integers(start, end))
    k = y - start + 1
    m = draw(st.integers(1, 200))
    t = n * on.denominator * behind.denominator * m * unit
    e = t * k / n
    anchor = draw(st.sampled_from([t, e, behind * e, on * e]))
    total = anchor + draw(NEAR) * unit
    # k yearly figures summing to `total`: k − 1 drawn, the last one makes up the rest
    units = int(total / unit)
    parts = [draw(st.integers(0, max(units, 0) // k)) for _ in range(k - 1)]
    figures = [p * unit for p in parts] + [total - sum(parts, 0) * unit]
    return t, start, end, figures, y, on, behind


@given(period_cases())
def test_period_total_status_is_the_exact_rule(case):
    t, start, end, figures, y, on, behind = case
    th = Thresholds(on_track=typed(on), behind=typed(behind))
    got = assess_period_total(typed(t), start, end, [typed(v) for v in figures], y, th)
    assert got.status is ref_period(t, start, end, figures, y, on, behind)
    assert got.figure == float(sum(figures, F(0)))
    if got.status is not Status.ACHIEVED and got.attainment is not None:
        assert regraded(got.attainment, th) is got.status
