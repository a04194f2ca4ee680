"""Comparing two years: every movement rule and the change of the figure, by hand."""

from __future__ import annotations

import pytest

from conftest import MINI
from kanazawa_pdca.assess import assess
from kanazawa_pdca.compare import Movement, change, compare, movement
from kanazawa_pdca.load import load_actuals, load_strategy
from kanazawa_pdca.trajectory import Status

A, O, B, X, R, N, Z = (  # noqa: E741
    Status.ACHIEVED,
    Status.ON_TRACK,
    Status.BEHIND,
    Status.OFF_TRACK,
    Status.REGRESSING,
    Status.NO_DATA,
    Status.NOT_ASSESSABLE,
)
I, W, U, NEW, L = (  # noqa: E741
    Movement.IMPROVED,
    Movement.WORSENED,
    Movement.UNCHANGED,
    Movement.NEW,
    Movement.LOST,
)

# rows: the status at Y0; columns: the status at Y1 (A O B X R N Z)
MATRIX = {
    A: [U, W, W, W, W, L, L],
    O: [I, U, W, W, W, L, L],
    B: [I, I, U, W, W, L, L],
    X: [I, I, I, U, W, L, L],
    R: [I, I, I, I, U, L, L],
    N: [NEW, NEW, NEW, NEW, NEW, U, U],
    Z: [NEW, NEW, NEW, NEW, NEW, U, U],
}
COLUMNS = [A, O, B, X, R, N, Z]


@pytest.mark.parametrize(
    ("before", "after", "want"),
    [(s0, s1, MATRIX[s0][i]) for s0 in MATRIX for i, s1 in enumerate(COLUMNS)],
    ids=lambda v: v.value if hasattr(v, "value") else str(v),
)
def test_movement(before, after, want):
    assert movement(before, after) is want


@pytest.mark.parametrize(
    ("sign", "a0", "a1", "want"),
    [
        (+1, 50, 53, 3),  # increase, up: better
        (+1, 53, 50, -3),  # increase, down: worse
        (-1, 3000, 2700, 300),  # decrease, down: better
        (-1, 2700, 3000, -300),  # decrease, up: worse
        (+1, 47.5, 47.6, 0.1),  # exact on the decimals (floats: 0.10000000000000142)
        (+1, 5, 5, 0),
        (+1, None, 5, None),
        (+1, 5, None, None),
        (-1, None, None, None),
    ],
)
def test_change(sign, a0, a1, want):
    assert change(sign, a0, a1) == want


@pytest.fixture(scope="module")
def strategy():
    return load_strategy(MINI)


FILES = {
    2024: "visitors-total: 9000\nnew-course-participants: 40\n",
    2025: (
        "visitors-total: 10000\n"  # Σ 19,000 / E 20,000 = 0.95: behind
        "share-pct: 53\n"  # E(2025) = 54: 3/4 behind
        "app-downloads: 2000\n"  # E(2025) = 2500: 1000/1500 behind
        "co2-emissions: 1800\n"  # decrease, E(2025) = 3000 − 1200 = 1800: on_track
        "satisfaction-floor: 96\n"  # achieved
    ),
    2026: (
        "visitors-total: 11000\n"  # Σ 30,000 = E(2026): on_track
        "share-pct: 56.5\n"  # E(2026) = 56: on_track (improved)
        "app-downloads: 2100\n"  # E(2026) = 3000: 1100/2000 off_track (worsened)
        "co2-emissions: 2000\n"  # E(2026) = 1700: 1000/1300 behind (worsened)
        "fertility: 1.3\n"  # reset
    ),
}


@pytest.fixture
def comparison(strategy, actuals_dir):
    actuals, _ = load_actuals(actuals_dir(FILES), strategy)
    return compare(assess(strategy, actuals, 2025), assess(strategy, actuals, 2026))


def test_compare_reports(comparison):
    c = comparison
    assert (c.from_year, c.to_year) == (2025, 2026)
    got = {m.kpi.id: (m.before.status, m.after.status, m.movement, m.change) for m in c.kpis}
    assert got == {
        "share-pct": (B, O, I, 3.5),
        "app-downloads": (B, X, W, 100),
        "visitors-total": (B, O, I, 11000),  # running sums 19,000 -> 30,000
        "co2-emissions": (O, B, W, -200),
        # the 2025 figure, still the latest in 2026: the same status, no change
        "satisfaction-floor": (A, A, U, 0),
        "fertility": (Z, Z, U, None),
        # the 2024 figure judged at 2024 in both years
        "new-course-participants": (B, B, U, 0),
    }
    assert c.summary == {I: 2, W: 2, U: 3, NEW: 0, L: 0}
    assert [m.kpi.id for m in c.worsened] == ["app-downloads", "co2-emissions"]


def test_new_and_lost_with_strict(strategy, actuals_dir):
    actuals, _ = load_actuals(actuals_dir(FILES), strategy)
    c = compare(
        assess(strategy, actuals, 2025, strict=True), assess(strategy, actuals, 2026, strict=True)
    )
    # satisfaction-floor: a 2025 figure only -> no_data in 2026 with --strict: lost
    assert c.result("satisfaction-floor").movement is L
    assert c.result("satisfaction-floor").change is None
    c = compare(
        assess(strategy, actuals, 2024, strict=True), assess(strategy, actuals, 2025, strict=True)
    )
    assert c.result("share-pct").movement is NEW
    assert c.result("new-course-participants").movement is L


def test_years_must_increase(strategy, actuals_dir):
    actuals, _ = load_actuals(actuals_dir(FILES), strategy)
    with pytest.raises(ValueError, match="Y0 < Y1"):
        compare(assess(strategy, actuals, 2026), assess(strategy, actuals, 2026))


def test_only(comparison):
    assert [m.kpi.id for m in comparison.only({"share-pct"}).kpis] == ["share-pct"]
