"""The outlook (見込み): every rule of DESIGN.md, worked out by hand."""

from __future__ import annotations

import pytest

from conftest import MINI
from kanazawa_pdca.assess import assess
from kanazawa_pdca.load import load_actuals, load_strategy
from kanazawa_pdca.outlook import Outlook, exact, line_outlook, period_outlook
from kanazawa_pdca.trajectory import Status

# (name, base_year, base, target_year, target, sign, actual_year, actual, achieved,
#  expected Outlook as (projected, pace, required_pace, reaches) or None)
LINE_CASES = [
    # increase, level: 50 (2023) -> 60 (2028), 53 in 2025: pace (53−50)/2 = 1.5,
    # projected 53 + 1.5·3 = 57.5, required (60−53)/3 = 7/3
    ("increase, short", 2023, 50, 2028, 60, +1, 2025, 53, False, (57.5, 1.5, 7 / 3, False)),
    # 56 in 2026: pace 2, projected 56 + 2·2 = 60 = t: reaches
    ("increase, exactly on", 2023, 50, 2028, 60, +1, 2026, 56, False, (60, 2, 2, True)),
    # 58 in 2026: pace 8/3, projected 58 + 16/3 = 63.33…
    ("increase, beyond", 2023, 50, 2028, 60, +1, 2026, 58, False, (190 / 3, 8 / 3, 1, True)),
    # worse than the baseline: 48 in 2025: pace −1, projected 45, required 4
    ("increase, regressing", 2023, 50, 2028, 60, +1, 2025, 48, False, (45, -1, 4, False)),
    # decrease: 3000 (2013) -> 1500 (2028), 2700 in 2023: pace −30, projected 2550,
    # required (1500 − 2700)/5 = −240
    ("decrease, short", 2013, 3000, 2028, 1500, -1, 2023, 2700, False, (2550, -30, -240, False)),
    # 2000 in 2023: pace −100, projected 2000 − 500 = 1500 = t
    (
        "decrease, exactly on",
        2013,
        3000,
        2028,
        1500,
        -1,
        2023,
        2000,
        False,
        (1500, -100, -100, True),
    ),
    # 3100 in 2023: worse than the baseline, pace +10, projected 3150
    (
        "decrease, regressing",
        2013,
        3000,
        2028,
        1500,
        -1,
        2023,
        3100,
        False,
        (3150, 10, -320, False),
    ),
    # cumulative (running totals): 1000 (2022) -> 4000 (2028), 2500 in 2025: pace 500,
    # projected 2500 + 1500 = 4000, required 500
    ("cumulative", 2022, 1000, 2028, 4000, +1, 2025, 2500, False, (4000, 500, 500, True)),
    # a start marker (baseline 0 the year before): 0 (2023) -> 250 (2028), 40 in 2024:
    # pace 40, projected 40 + 160 = 200, required 210/4 = 52.5
    ("start marker", 2023, 0, 2028, 250, +1, 2024, 40, False, (200, 40, 52.5, False)),
    # a target in R8: 10 (2022) -> 20 (2026), 14 in 2024: pace 2, projected 18, required 3
    ("target in R8", 2022, 10, 2026, 20, +1, 2024, 14, False, (18, 2, 3, False)),
    # achieved: reaches is true even when the pace alone would not get there, and nothing
    # more is needed (required_pace None)
    ("achieved", 2023, 50, 2028, 60, +1, 2025, 49, True, (47.5, -0.5, None, True)),
    # exactness: (0.7 − 0.1)/3 = 0.2, projected 0.7 + 0.2·2 = 1.1 = t (floats give 1.0999…)
    ("exact decimals", 2023, 0.1, 2028, 1.1, +1, 2026, 0.7, False, (1.1, 0.2, 0.2, True)),
    # no outlook: the figure is from the target year or later, or not after the baseline
    ("a_y = t_y", 2023, 50, 2028, 60, +1, 2028, 55, False, None),
    ("a_y > t_y", 2022, 10, 2026, 20, +1, 2027, 15, False, None),
    ("a_y = b_y", 2023, 50, 2028, 60, +1, 2023, 55, False, None),
    ("a_y < b_y", 2023, 50, 2028, 60, +1, 2022, 55, False, None),
    ("achieved at t_y", 2023, 50, 2028, 60, +1, 2028, 61, True, None),
]


@pytest.mark.parametrize(
    ("b_y", "b", "t_y", "t", "d", "a_y", "a", "achieved", "want"),
    [c[1:] for c in LINE_CASES],
    ids=[c[0] for c in LINE_CASES],
)
def test_line_outlook(b_y, b, t_y, t, d, a_y, a, achieved, want):
    got = line_outlook(
        base_year=b_y,
        base=b,
        target_year=t_y,
        target=t,
        sign=d,
        actual_year=a_y,
        actual=a,
        achieved=achieved,
    )
    if want is None:
        assert got is None
        return
    projected, pace, required, reaches = want
    assert got == Outlook(
        t_y,
        pytest.approx(projected, abs=1e-12),
        pytest.approx(pace, abs=1e-12),
        None if required is None else pytest.approx(required, abs=1e-12),
        reaches,
    )
    assert got.misses is not reaches


def test_the_exact_case_would_miss_in_binary_floating_point():
    """The 'exact decimals' case is a real one: naive floats project below the target."""
    pace = (0.7 - 0.1) / 3
    assert 0.7 + pace * 2 < 1.1
    got = line_outlook(
        base_year=2023, base=0.1, target_year=2028, target=1.1, sign=1, actual_year=2026, actual=0.7
    )
    assert got is not None and got.reaches and got.projected == 1.1


# (name, start, end, target, yearly figures from start, base_year, target_year, achieved,
#  expected (projected, pace, required_pace, reaches) or None)
PERIOD_CASES = [
    # 9,000 + 10,000 + 11,000 = 30,000 by 2026: 10,000 a year, projected 50,000 = t,
    # required (50,000 − 30,000)/2 = 10,000
    (
        "on pace",
        2024,
        2028,
        50000,
        [9000, 10000, 11000],
        2022,
        2028,
        False,
        (50000, 10000, 10000, True),
    ),
    # 19,000 by 2025: 9,500 a year, projected 47,500, required 31,000/3
    ("short", 2024, 2028, 50000, [9000, 10000], 2022, 2028, False, (47500, 9500, 31000 / 3, False)),
    # one year: 12,000 a year, projected 60,000, required 38,000/4 = 9,500
    ("first year", 2024, 2028, 50000, [12000], 2022, 2028, False, (60000, 12000, 9500, True)),
    # already summed to the target: achieved, nothing more needed (required None)
    ("achieved", 2024, 2028, 50000, [30000, 20000], 2022, 2028, True, (125000, 25000, None, True)),
    # achieved is reaches whatever the projection
    ("achieved flag", 2024, 2028, 50000, [1000], 2022, 2028, True, (5000, 1000, None, True)),
    # exactness: (0.7 + 0.1)/2 · 5 = 2 = t (floats: 1.9999…)
    ("exact decimals", 2024, 2028, 2, [0.7, 0.1], 2022, 2028, False, (2, 0.4, 0.4, True)),
    # no outlook: the window complete (a_y = end = t_y), no figure, a_y ≤ b_y
    ("complete window", 2024, 2028, 50000, [1, 2, 3, 4, 5], 2022, 2028, False, None),
    ("no figure", 2024, 2028, 50000, [], 2022, 2028, False, None),
    ("a_y = b_y", 2024, 2028, 50000, [9000], 2024, 2028, False, None),
]


@pytest.mark.parametrize(
    ("start", "end", "t", "figures", "b_y", "t_y", "achieved", "want"),
    [c[1:] for c in PERIOD_CASES],
    ids=[c[0] for c in PERIOD_CASES],
)
def test_period_outlook(start, end, t, figures, b_y, t_y, achieved, want):
    got = period_outlook(
        start=start,
        end=end,
        target=t,
        figures=figures,
        base_year=b_y,
        target_year=t_y,
        achieved=achieved,
    )
    if want is None:
        assert got is None
        return
    projected, pace, required, reaches = want
    assert got == Outlook(
        t_y,
        pytest.approx(projected, abs=1e-9),
        pytest.approx(pace, abs=1e-9),
        None if required is None else pytest.approx(required, abs=1e-9),
        reaches,
    )
    # the projection continues the average yearly figure: sum + pace · (end − a_y)
    a_y = start + len(figures) - 1
    assert got.projected == pytest.approx(sum(figures) + got.pace * (end - a_y))


def test_period_exact_case_would_miss_in_floats():
    assert (0.7 + 0.1) / 2 * 5 < 2


def test_exact_reads_floats_as_written():
    from fractions import Fraction

    assert exact(47.6) == Fraction(476, 10)
    assert exact(0.1) + exact(0.2) == exact(0.3)
    assert exact(3) == 3


# --- through assess: which KPIs get an outlook, the roll-ups -------------------------------


@pytest.fixture(scope="module")
def strategy():
    return load_strategy(MINI)


FILES = {
    2024: "visitors-total: 9000\nfertility: 1.3\nnew-course-participants: 40\n",
    2025: "visitors-total: 10000\nshare-pct: 53\napp-downloads: 2500\n",
    2026: "co2-emissions: 3500\nsatisfaction-floor: 96\nvisitors-total: 11000\n",
}


@pytest.fixture
def report(strategy, actuals_dir):
    actuals, _ = load_actuals(actuals_dir(FILES), strategy)
    return assess(strategy, actuals, 2026)


def test_outlook_per_kpi(report):
    o = {r.kpi.id: r.outlook for r in report.kpis}
    # share-pct: the 2025 figure (stale), from 50 (2023): pace 1.5, projected 57.5 < 60
    assert o["share-pct"] == Outlook(2028, 57.5, 1.5, pytest.approx(7 / 3), False)
    # app-downloads: cumulative 1000 (2022) -> 2500 (2025): pace 500, projected 4000 = t
    assert o["app-downloads"] == Outlook(2028, 4000, 500, 500, True)
    # visitors-total: Σ 30,000 by 2026: 10,000 a year, projected 50,000 = t
    assert o["visitors-total"] == Outlook(2028, 50000, 10000, 10000, True)
    # co2-emissions (decrease): 3000 (2013) -> 3500 (2026): pace 500/13, projected > 3000
    co2 = o["co2-emissions"]
    assert co2 is not None and not co2.reaches
    assert co2.projected == pytest.approx(3500 + 500 / 13 * 2)
    assert co2.required_pace == pytest.approx((1500 - 3500) / 2)
    # new-course-participants: 0 (2023) -> 40 (2024): pace 40, projected 200 < 250
    assert o["new-course-participants"] == Outlook(2028, 200, 40, 52.5, False)
    # none for maintain (a floor to keep) and reset (no target)
    assert o["satisfaction-floor"] is None
    assert o["fertility"] is None


def test_no_outlook_without_a_figure(strategy, actuals_dir):
    actuals, _ = load_actuals(actuals_dir({2024: "visitors-total: 9000\n"}), strategy)
    r = assess(strategy, actuals, 2026)
    assert r.result("share-pct").status is Status.NO_DATA
    assert r.result("share-pct").outlook is None
    # a period total with a missing year has no figure either
    actuals, _ = load_actuals(
        actuals_dir({2024: "visitors-total: 9000\n", 2026: "visitors-total: 11000\n"}), strategy
    )
    r = assess(strategy, actuals, 2026)
    assert r.result("visitors-total").missing_years == (2025,)
    assert r.result("visitors-total").outlook is None


def test_achieved_reaches(strategy, actuals_dir):
    # 4,100 downloads in 2025: achieved (≥ 4,000) before the target year
    actuals, _ = load_actuals(actuals_dir({2025: "app-downloads: 4100\n"}), strategy)
    r = assess(strategy, actuals, 2026).result("app-downloads")
    assert r.status is Status.ACHIEVED
    assert r.outlook is not None and r.outlook.reaches


def test_projected_to_miss_counts(report):
    # misses: share-pct (G1, 1-1), co2-emissions and new-course-participants (G2, 2-1)
    assert report.projected_to_miss == 3
    goals = {g.code: g for g in report.goals}
    assert goals["G1"].projected_to_miss == 1
    assert goals["G2"].projected_to_miss == 2
    policies = {p.code: p.projected_to_miss for g in report.goals for p in g.policies}
    assert policies == {"1-1": 1, "2-1": 2}
    # filtering keeps the counts right
    only = report.filtered(goals={2})
    assert only.projected_to_miss == 2
    assert [g.projected_to_miss for g in only.goals] == [2]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # at_least (以上) projects like exact
        (
            "target: {year: 2028, value: 60, kind: exact, text: 60%（R10）}",
            "target: {year: 2028, value: 60, kind: at_least, text: 60%以上（R10）}",
        ),
    ],
)
def test_at_least_projects_like_exact(broken, actuals_dir, old, new):
    strategy = load_strategy(broken(old, new))
    actuals, _ = load_actuals(actuals_dir({2025: "share-pct: 53\n"}), strategy)
    r = assess(strategy, actuals, 2026).result("share-pct")
    assert r.kpi.target.kind == "at_least"
    assert r.outlook == Outlook(2028, 57.5, 1.5, pytest.approx(7 / 3), False)


def test_target_year_passed(broken, actuals_dir):
    """A target in R7 (2025): a figure from 2025 on has no outlook (a_y ≥ t_y)."""
    strategy = load_strategy(
        broken(
            "target: {year: 2028, value: 60, kind: exact, text: 60%（R10）}",
            "target: {year: 2025, value: 60, kind: exact, text: 60%（R7）}",
        )
    )
    actuals, _ = load_actuals(
        actuals_dir({2024: "share-pct: 52\n", 2025: "share-pct: 55\n"}), strategy
    )
    # 2024: 50 (2023) -> 52: pace 2, projected 52 + 2 = 54 < 60 by 2025
    assert assess(strategy, actuals, 2024).result("share-pct").outlook == Outlook(
        2025, 54, 2, 8, False
    )
    assert assess(strategy, actuals, 2026).result("share-pct").outlook is None


# --- the projection within the KPI's range; nothing required once achieved (#16 item 15) ---


def test_outlook_never_below_zero():
    """A count falling at its pace is projected to 0, never below (出会いイベント参加者数
    'R10 見込 -2 / 100'): 55 (2024) -> 100 (2028), 20 in 2026: pace −17.5, 20 − 35 = −15."""
    got = line_outlook(
        base_year=2024, base=55, target_year=2028, target=100, sign=1,
        actual_year=2026, actual=20, low=0,
    )  # fmt: skip
    assert got == Outlook(2028, 0, -17.5, 40, False)
    # a decrease KPI racing past its target: 3000 (2013) -> 1500 (2028), 500 in 2023:
    # pace −250, 500 − 1250 = −750 -> 0 (achieved: nothing more is needed)
    fast = line_outlook(
        base_year=2013, base=3000, target_year=2028, target=1500, sign=-1,
        actual_year=2023, actual=500, achieved=True, low=0,
    )  # fmt: skip
    assert fast == Outlook(2028, 0, -250, None, True)
    # without a range the straight line is kept (the caller decides the range)
    free = line_outlook(
        base_year=2024, base=55, target_year=2028, target=100, sign=1,
        actual_year=2026, actual=20,
    )  # fmt: skip
    assert free is not None and free.projected == -15


def test_outlook_never_above_100_for_a_percentage():
    """A share rising at its pace stops at 100: 50 (2023) -> 60 (2028), 90 in 2024: pace 40,
    90 + 160 = 250 -> 100; a share that should fall but rises: 50 -> 30, 90 in 2024 -> 100."""
    up = line_outlook(
        base_year=2023, base=50, target_year=2028, target=60, sign=1,
        actual_year=2024, actual=90, achieved=True, low=0, high=100,
    )  # fmt: skip
    assert up == Outlook(2028, 100, 40, None, True)
    down = line_outlook(
        base_year=2023, base=50, target_year=2028, target=30, sign=-1,
        actual_year=2024, actual=90, low=0, high=100,
    )  # fmt: skip
    assert down == Outlook(2028, 100, 40, -15, False)


def test_outlook_range_through_assess(strategy, actuals_dir):
    """assess holds each KPI's projection to its range: 0–100 for a percentage, 0 and up
    for a count."""
    files = {
        2024: "share-pct: 90\n",
        2025: "app-downloads: 400\n",  # 1000 (2022) -> 400: pace −200, 400 − 600 < 0
    }
    actuals, _ = load_actuals(actuals_dir(files), strategy)
    r = assess(strategy, actuals, 2026)
    share = r.result("share-pct")
    assert share.status is Status.ACHIEVED
    # 50 (2023) -> 90 (2024): pace 40, 90 + 160 = 250, held at 100; nothing more needed
    assert share.outlook == Outlook(2028, 100, 40, None, True)
    # app-downloads: pace −200, 400 − 200·3 = −200, held at 0; still 3,600 to go
    assert r.result("app-downloads").outlook == Outlook(2028, 0, -200, 1200, False)


def test_required_pace_null_once_achieved():
    """Once achieved nothing more is needed: required_pace is None, never negative
    ('必要な年平均 -1,300/年'). 14,593 (2022) -> 30,000 (2028), 33,900 in 2026 (achieved)."""
    got = line_outlook(
        base_year=2022, base=14593, target_year=2028, target=30000, sign=1,
        actual_year=2026, actual=33900, achieved=True, low=0,
    )  # fmt: skip
    assert got is not None and got.reaches and got.required_pace is None
    assert got.pace == 4826.75
    # not achieved: the yearly change still needed
    short = line_outlook(
        base_year=2022, base=14593, target_year=2028, target=30000, sign=1,
        actual_year=2026, actual=24000, low=0,
    )  # fmt: skip
    assert short is not None and short.required_pace == 3000
    total = period_outlook(
        start=2024, end=2028, target=50000, figures=[30000, 20000], base_year=2022,
        achieved=True,
    )  # fmt: skip
    assert total is not None and total.required_pace is None
