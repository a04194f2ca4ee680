"""Choosing the actual a KPI is judged on, and the roll-ups per goal and policy."""

from __future__ import annotations

import pytest

from conftest import MINI
from kanazawa_pdca.assess import assess
from kanazawa_pdca.load import load_actuals, load_strategy
from kanazawa_pdca.trajectory import Status, Thresholds


@pytest.fixture(scope="module")
def strategy():
    return load_strategy(MINI)


def report_for(strategy, actuals_dir, files, year, **kw):
    actuals, _ = load_actuals(actuals_dir(files), strategy)
    return assess(strategy, actuals, year, **kw)


def test_no_actuals_gives_the_expected_values(strategy, actuals_dir):
    r = report_for(strategy, actuals_dir, {}, 2026)
    assert all(x.status in (Status.NO_DATA, Status.NOT_ASSESSABLE) for x in r.kpis)
    assert r.result("share-pct").expected == pytest.approx(56.0)  # 50 + 10·3/5
    assert r.result("visitors-total").expected == pytest.approx(30000.0)  # 50,000·3/5
    assert r.result("satisfaction-floor").expected == 95.0  # the floor
    assert r.result("fertility").expected is None  # reset: nothing to expect
    assert r.result("fertility").status is Status.NOT_ASSESSABLE
    assert not r.has_data


def test_latest_actual_at_or_before_the_year_is_used(strategy, actuals_dir):
    files = {2024: "share-pct: 51\n", 2025: "share-pct: 53\n", 2027: "share-pct: 59\n"}
    r = report_for(strategy, actuals_dir, files, 2026)
    x = r.result("share-pct")
    # the 2025 figure, judged at 2025: E(2025) = 54, attainment = 3/4
    assert (x.actual_year, x.actual) == (2025, 53.0)
    assert x.expected == pytest.approx(54.0)
    assert x.attainment == pytest.approx(0.75)
    assert x.status is Status.BEHIND
    assert x.stale
    assert x.history == ((2024, 51.0), (2025, 53.0), (2027, 59.0))


def test_strict_uses_only_the_year(strategy, actuals_dir):
    files = {2025: "share-pct: 53\n"}
    r = report_for(strategy, actuals_dir, files, 2026, strict=True)
    assert r.result("share-pct").status is Status.NO_DATA
    assert r.result("share-pct").expected == pytest.approx(56.0)
    assert r.strict


def test_cumulative_and_start_marker(strategy, actuals_dir):
    files = {2024: "new-course-participants: 40\napp-downloads: 1500\n"}
    r = report_for(strategy, actuals_dir, files, 2024)
    x = r.result("new-course-participants")
    # baseline 0 in 2023 → 250 in 2028: E(2024) = 50, attainment 0.8
    assert x.expected == pytest.approx(50.0)
    assert x.attainment == pytest.approx(0.8)
    assert x.status is Status.BEHIND
    y = r.result("app-downloads")
    # 1000 (2022) → 4000 (2028): E(2024) = 2000; (1500−1000)/(2000−1000) = 0.5
    assert y.attainment == pytest.approx(0.5)
    assert y.status is Status.OFF_TRACK


def test_decreasing_kpi(strategy, actuals_dir):
    r = report_for(strategy, actuals_dir, {2023: "co2-emissions: 2100\n"}, 2023)
    x = r.result("co2-emissions")
    # 3000 (2013) → 1500 (2028): E(2023) = 2000; (2100−3000)/(2000−3000) = 0.9
    assert x.expected == pytest.approx(2000.0)
    assert x.attainment == pytest.approx(0.9)
    assert x.status is Status.BEHIND


def test_period_total_sums_the_window(strategy, actuals_dir):
    files = {
        2024: "visitors-total: 9000\n",
        2025: "visitors-total: 10000\n",
        2026: "visitors-total: 11000\n",
    }
    r = report_for(strategy, actuals_dir, files, 2026)
    x = r.result("visitors-total")
    assert (x.actual_year, x.actual) == (2026, 30000.0)
    assert x.expected == pytest.approx(30000.0)
    assert x.attainment == pytest.approx(1.0)
    assert x.progress == pytest.approx(0.6)
    assert x.status is Status.ON_TRACK


def test_period_total_with_a_missing_year_is_no_data(strategy, actuals_dir):
    files = {2024: "visitors-total: 9000\n", 2026: "visitors-total: 11000\n"}
    x = report_for(strategy, actuals_dir, files, 2026).result("visitors-total")
    assert x.status is Status.NO_DATA
    assert x.missing_years == (2025,)
    assert x.actual is None


def test_period_total_uses_the_latest_complete_run(strategy, actuals_dir):
    files = {2024: "visitors-total: 12000\n"}
    x = report_for(strategy, actuals_dir, files, 2026).result("visitors-total")
    # only 2024 recorded: judged at 2024, E = 10,000, attainment 1.2
    assert (x.actual_year, x.actual, x.status) == (2024, 12000.0, Status.ON_TRACK)
    assert x.attainment == pytest.approx(1.2)
    strict = report_for(strategy, actuals_dir, files, 2026, strict=True).result("visitors-total")
    assert strict.status is Status.NO_DATA
    assert strict.missing_years == (2025, 2026)


def test_period_total_before_its_window(strategy, actuals_dir):
    x = report_for(strategy, actuals_dir, {}, 2023).result("visitors-total")
    assert x.status is Status.NO_DATA
    assert x.expected == 0.0


def test_reset_target_is_not_assessable_even_with_data(strategy, actuals_dir):
    x = report_for(strategy, actuals_dir, {2024: "fertility: 1.3\n"}, 2024).result("fertility")
    assert (x.status, x.actual, x.attainment) == (Status.NOT_ASSESSABLE, 1.3, None)


def test_maintain(strategy, actuals_dir):
    files = {2024: "satisfaction-floor: 95.5\n", 2025: "satisfaction-floor: 94\n"}
    assert (
        report_for(strategy, actuals_dir, files, 2024).result("satisfaction-floor").status
        is Status.ACHIEVED
    )
    assert (
        report_for(strategy, actuals_dir, files, 2025).result("satisfaction-floor").status
        is Status.REGRESSING
    )


def test_year_before_the_baseline(strategy, actuals_dir):
    x = report_for(strategy, actuals_dir, {2022: "share-pct: 49\n"}, 2022).result("share-pct")
    assert x.expected == 50.0
    assert x.attainment is None
    assert x.status is Status.REGRESSING  # below the baseline, no time elapsed


def test_thresholds_from_the_strategy_or_given(strategy, actuals_dir):
    r = report_for(strategy, actuals_dir, {2026: "share-pct: 55\n"}, 2026)
    assert r.thresholds == Thresholds(1.0, 0.6)
    assert r.result("share-pct").status is Status.BEHIND  # 5/6
    r2 = report_for(
        strategy, actuals_dir, {2026: "share-pct: 55\n"}, 2026, thresholds=Thresholds(0.8, 0.5)
    )
    assert r2.result("share-pct").status is Status.ON_TRACK


def test_rollups_count_each_kpi_once_per_group(strategy, actuals_dir):
    files = {2026: "share-pct: 60\napp-downloads: 1100\nco2-emissions: 3500\n"}
    r = report_for(strategy, actuals_dir, files, 2026)
    g1, g2 = r.goals
    # G1 prints share-pct (target and 1-1-1), app-downloads (1-1-1 and 1-1-2), visitors-total
    assert g1.kpi_ids == ("share-pct", "app-downloads", "visitors-total")
    assert g1.counts[Status.ACHIEVED] == 1
    assert g1.counts[Status.OFF_TRACK] == 1  # app-downloads: (1100−1000)/(3000−1000) = 0.05
    assert g1.counts[Status.NO_DATA] == 1
    assert g1.share_on_track == pytest.approx(0.5)  # 1 good of 2 assessed
    assert g2.counts[Status.REGRESSING] == 1
    assert g2.counts[Status.NOT_ASSESSABLE] == 1
    assert g2.share_on_track == 0.0
    (p1,) = g1.policies
    assert p1.code == "1-1" and p1.kpi_ids == g1.kpi_ids
    assert sum(r.summary.values()) == 7


def test_failing_and_filtered(strategy, actuals_dir):
    files = {2026: "share-pct: 55\napp-downloads: 1100\nco2-emissions: 3500\n"}
    r = report_for(strategy, actuals_dir, files, 2026)
    assert [x.kpi.id for x in r.failing(Status.OFF_TRACK)] == ["app-downloads", "co2-emissions"]
    assert [x.kpi.id for x in r.failing(Status.BEHIND)] == [
        "share-pct",
        "app-downloads",
        "co2-emissions",
    ]
    assert r.failing(None) == []
    only_g2 = r.filtered(goals={2})
    assert [g.number for g in only_g2.goals] == [2]
    assert {x.kpi.id for x in only_g2.kpis} == {
        "co2-emissions",
        "satisfaction-floor",
        "fertility",
        "new-course-participants",
    }
    regressing = r.filtered(statuses={Status.REGRESSING})
    assert [x.kpi.id for x in regressing.kpis] == ["co2-emissions"]
    assert [g.number for g in regressing.goals] == [2]
