"""The math of DESIGN.md, table-driven, every expected value worked out by hand in a comment."""

from __future__ import annotations

import pytest

from kanazawa_pdca.trajectory import (
    Line,
    Status,
    Thresholds,
    assess_line,
    assess_maintain,
    assess_period_total,
    period_expected,
)

TH = Thresholds(on_track=1.0, behind=0.6)
UP = Line(base_year=2020, base=0.0, target_year=2030, target=100.0, sign=+1)
DOWN = Line(base_year=2013, base=3000.0, target_year=2028, target=1500.0, sign=-1)


@pytest.mark.parametrize(
    ("line", "year", "expected"),
    [
        (UP, 2025, 50.0),  # 0 + 100·5/10
        (UP, 2020, 0.0),  # the baseline year
        (UP, 2018, 0.0),  # before the baseline: held at b
        (UP, 2030, 100.0),  # the target year
        (UP, 2033, 100.0),  # after the target year: held at t
        (DOWN, 2023, 2000.0),  # 3000 − 1500·10/15
        (DOWN, 2028, 1500.0),
        # a target year before the end of the strategy (R7): held after it
        (Line(2023, 11, 2025, 53), 2024, 32.0),  # 11 + 42·1/2
        (Line(2023, 11, 2025, 53), 2027, 53.0),
    ],
)
def test_expected_is_the_straight_line_held_at_the_ends(line, year, expected):
    assert line.expected(year) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("actual", "attainment", "progress", "status"),
    [
        # increasing, y = 2025, E = 50, b = 0, t = 100
        (100.0, 2.0, 1.0, Status.ACHIEVED),  # target met: (100−0)/(50−0) = 2
        (120.0, 2.4, 1.2, Status.ACHIEVED),
        (75.0, 1.5, 0.75, Status.ON_TRACK),
        (50.0, 1.0, 0.5, Status.ON_TRACK),  # exactly on the line: on_track boundary
        (49.0, 0.98, 0.49, Status.BEHIND),
        (30.0, 0.6, 0.3, Status.BEHIND),  # exactly the behind threshold
        (29.0, 0.58, 0.29, Status.OFF_TRACK),
        (0.0, 0.0, 0.0, Status.OFF_TRACK),  # no movement: attainment 0 is still off_track
        (-5.0, -0.1, -0.05, Status.REGRESSING),  # worse than the baseline
    ],
)
def test_increasing_kpi_statuses(actual, attainment, progress, status):
    a = assess_line(UP, actual, 2025, TH)
    assert a.expected == pytest.approx(50.0)
    assert a.attainment == pytest.approx(attainment)
    assert a.progress == pytest.approx(progress)
    assert a.status is status


@pytest.mark.parametrize(
    ("actual", "attainment", "status"),
    [
        # decreasing, y = 2023, E = 2000, b = 3000, t = 1500; attainment = (a−3000)/(2000−3000)
        (1400.0, 1.6, Status.ACHIEVED),  # below the target is better
        (1500.0, 1.5, Status.ACHIEVED),
        (1800.0, 1.2, Status.ON_TRACK),
        (2000.0, 1.0, Status.ON_TRACK),
        (2400.0, 0.6, Status.BEHIND),
        (2500.0, 0.5, Status.OFF_TRACK),
        (3000.0, 0.0, Status.OFF_TRACK),
        (3100.0, -0.1, Status.REGRESSING),  # emissions went up
    ],
)
def test_decreasing_kpi_statuses(actual, attainment, status):
    a = assess_line(DOWN, actual, 2023, TH)
    assert a.expected == pytest.approx(2000.0)
    assert a.attainment == pytest.approx(attainment)
    assert a.status is status
    # progress: (a − 3000)/(1500 − 3000)
    assert a.progress == pytest.approx((actual - 3000) / -1500)


@pytest.mark.parametrize(
    ("line", "actual", "status"),
    [
        # no time has elapsed (y ≤ b_y): E = b, attainment undefined
        (UP, 0.0, Status.ON_TRACK),  # d·(a − b) ≥ 0
        (UP, 3.0, Status.ON_TRACK),
        (UP, -1.0, Status.REGRESSING),
        (UP, 100.0, Status.ACHIEVED),  # achieved still wins
        (DOWN, 2990.0, Status.ON_TRACK),
        (DOWN, 3010.0, Status.REGRESSING),
    ],
)
def test_no_time_elapsed(line, actual, status):
    a = assess_line(line, actual, line.base_year, TH)
    assert a.expected == line.base
    assert a.attainment is None
    assert a.status is status


def test_before_the_baseline_year_is_no_time_elapsed():
    a = assess_line(UP, 5.0, 2019, TH)
    assert (a.expected, a.attainment, a.status) == (0.0, None, Status.ON_TRACK)


def test_after_the_target_year_the_target_is_expected():
    short = Line(2023, 11, 2025, 53)  # 11 地区 (R5) → 53 地区 (R7)
    a = assess_line(short, 40.0, 2027, TH)
    assert a.expected == 53.0
    assert a.attainment == pytest.approx((40 - 11) / (53 - 11))  # 0.690…
    assert a.status is Status.BEHIND


def test_thresholds_are_parameters():
    strict_th = Thresholds(on_track=1.1, behind=0.9)
    assert assess_line(UP, 50.0, 2025, strict_th).status is Status.BEHIND  # 1.0 < 1.1
    assert assess_line(UP, 40.0, 2025, strict_th).status is Status.OFF_TRACK  # 0.8 < 0.9


# maintain: 95%以上を維持 with a baseline of 96 (2022); no window -> from the baseline year on
FLOOR = Line(2022, 96.0, 2028, 95.0, +1)


@pytest.mark.parametrize(
    ("actual", "attainment", "status"),
    [
        (97.0, 97 / 95, Status.ACHIEVED),
        (95.0, 1.0, Status.ACHIEVED),  # the floor itself is met
        (94.0, 94 / 95, Status.REGRESSING),  # below the floor and below the baseline 96
    ],
)
def test_maintain_with_floor_below_baseline(actual, attainment, status):
    a = assess_maintain(FLOOR, actual, 2025, None, TH)
    assert a.expected == 95.0
    assert a.attainment == pytest.approx(attainment)
    assert a.progress is None  # the floor is below the baseline: no way to go
    assert a.status is status


def test_maintain_below_floor_but_above_baseline_is_off_track():
    # 780 人 (R4) → 1,000 人以上を維持 (R6～R10)
    line = Line(2022, 780.0, 2028, 1000.0, +1)
    a = assess_maintain(line, 900.0, 2025, 2024, TH)
    assert a.status is Status.OFF_TRACK
    assert a.expected == 1000.0
    assert a.attainment == pytest.approx(0.9)
    assert a.progress == pytest.approx((900 - 780) / 220)
    assert assess_maintain(line, 700.0, 2025, 2024, TH).status is Status.REGRESSING
    assert assess_maintain(line, 1000.0, 2026, 2024, TH).status is Status.ACHIEVED


def test_maintain_before_its_window_follows_the_line_to_the_floor():
    line = Line(2020, 780.0, 2028, 1000.0, +1)
    # window from 2024: the floor is approached on 780 (2020) → 1000 (2024); E(2022) = 890
    a = assess_maintain(line, 890.0, 2022, 2024, TH)
    assert a.expected == pytest.approx(890.0)
    assert a.attainment == pytest.approx(1.0)
    assert a.status is Status.ON_TRACK


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2023, 0.0), (2024, 10000.0), (2026, 30000.0), (2028, 50000.0), (2030, 50000.0)],
)
def test_period_expected(year, expected):
    # t · (y − start + 1) / (end − start + 1), t = 50,000 over 2024–2028
    assert period_expected(50000, 2024, 2028, year) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("running_sum", "attainment", "status"),
    [
        (50000.0, 50000 / 30000, Status.ACHIEVED),  # the whole target reached early
        (33000.0, 1.1, Status.ON_TRACK),
        (30000.0, 1.0, Status.ON_TRACK),
        (18000.0, 0.6, Status.BEHIND),
        (17000.0, 17 / 30, Status.OFF_TRACK),
    ],
)
def test_period_total(running_sum, attainment, status):
    a = assess_period_total(50000, 2024, 2028, running_sum, 2026, TH)
    assert a.expected == pytest.approx(30000.0)  # three of five years
    assert a.attainment == pytest.approx(attainment)
    assert a.progress == pytest.approx(running_sum / 50000)
    assert a.status is status


def test_status_words_and_order():
    assert Status.parse("off-track") is Status.OFF_TRACK
    assert Status.parse("OFF_TRACK") is Status.OFF_TRACK
    assert [s.rank for s in Status] == [4, 3, 2, 1, 0, None, None]
    with pytest.raises(ValueError):
        Status.parse("late")


@pytest.mark.parametrize(
    ("status", "fail_on", "fails"),
    [
        (Status.REGRESSING, Status.OFF_TRACK, True),
        (Status.OFF_TRACK, "off-track", True),
        (Status.BEHIND, "off_track", False),
        (Status.ACHIEVED, Status.ACHIEVED, True),
        (Status.NO_DATA, Status.ACHIEVED, False),  # never fails
        (Status.NOT_ASSESSABLE, "achieved", False),
        (Status.REGRESSING, None, False),
        (Status.REGRESSING, Status.NO_DATA, False),  # no_data has no place in the order
    ],
)
def test_fail_on_rule(status, fail_on, fails):
    assert status.fails(fail_on) is fails
