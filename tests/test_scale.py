"""Linear at scale: counted operations, never timings (the machine is shared and noisy)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from kanazawa_pdca.assess import Report, _rollups
from kanazawa_pdca.trajectory import Status, Thresholds


class CountingId(str):
    """A KPI id that counts how often it is compared: a list membership test compares
    with every element, a dict or set lookup (almost) never."""

    comparisons = 0

    def __eq__(self, other):
        CountingId.comparisons += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def _strategy(n: int):
    """n KPIs in one policy, one measure each, every KPI also a numerical target, and every
    KPI printed twice (re-listed in a second policy); ids are fresh objects everywhere."""

    def ref(i):
        return SimpleNamespace(kpi=CountingId(f"kpi-{i:06d}"), relisted=False)

    measures = [SimpleNamespace(kpis=[ref(i)]) for i in range(n)]
    again = [SimpleNamespace(kpis=[ref(i)]) for i in range(n)]
    policies = [
        SimpleNamespace(number=1, title="a", title_en="a", measures=measures),
        SimpleNamespace(number=2, title="b", title_en="b", measures=again),
    ]
    goal = SimpleNamespace(
        number=1, title="g", title_en="g", targets=[ref(i) for i in range(n)], policies=policies
    )
    return SimpleNamespace(goals=[goal])


def _results(n: int) -> dict:
    return {
        CountingId(f"kpi-{i:06d}"): SimpleNamespace(
            status=Status.NO_DATA, outlook=None, stale=False
        )
        for i in range(n)
    }


@pytest.mark.parametrize("n", [1_000, 4_000])
def test_rollups_compare_each_id_a_bounded_number_of_times(n):
    strategy, results = _strategy(n), _results(n)
    CountingId.comparisons = 0
    (goal,) = _rollups(strategy, results)
    # a quadratic roll-up (membership tested in lists) compares ~n²/2 times
    assert CountingId.comparisons <= 20 * n
    assert len(goal.kpi_ids) == n
    assert [p.kpi_ids for p in goal.policies] == [goal.kpi_ids, goal.kpi_ids]
    assert goal.counts[Status.NO_DATA] == n


def test_rollups_keep_the_order_of_first_printing():
    strategy = _strategy(3)
    goal = strategy.goals[0]
    goal.targets = goal.targets[2:]  # kpi-2 is the goal's target: it comes first
    (result,) = _rollups(strategy, _results(3))
    assert result.kpi_ids == ("kpi-000002", "kpi-000000", "kpi-000001")
    assert result.target_ids == ("kpi-000002",)


class CountingList(list):
    walks = 0

    def __iter__(self):
        CountingList.walks += 1
        return super().__iter__()


def test_looking_up_results_by_id_builds_the_index_once():
    n = 2_000
    kpis = CountingList(SimpleNamespace(kpi=SimpleNamespace(id=f"k{i}")) for i in range(n))
    report = Report(2026, None, Thresholds(), False, kpis)
    CountingList.walks = 0
    for i in range(n):
        assert report.result(f"k{i}") is kpis[i]
    assert CountingList.walks == 1
    report.kpis = kpis[:10]  # a new list of results: a new index
    with pytest.raises(KeyError):
        report.result("k11")
