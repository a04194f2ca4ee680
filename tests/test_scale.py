"""Linear at scale, through the public route: real strategies of synthetic KPIs assessed by
`assess`, and the Report they give.

The machine is shared and noisy, so no test asserts a time. The linear test asserts a ratio
instead: the CPU time of the same work at two sizes, in this process, each the least of
two runs with the collector paused. Ten times the KPIs must cost about ten times the
work; the bound (15) sits between linear (10-11 here) and a roll-up that tests membership
in lists (its n²/2 comparisons make the ratio 25 or more at these sizes).
"""

from __future__ import annotations

import gc
import time

import pytest

from kanazawa_pdca.assess import assess
from kanazawa_pdca.model.actuals import Actual, ActualsSet
from kanazawa_pdca.model.strategy import Strategy

KINDS = ("level", "cumulative", "period_total")


def _ids(n: int) -> list[str]:
    return [f"kpi-{i:06d}" for i in range(n)]


def synthetic_strategy(n: int, first_target: int = 0) -> Strategy:
    """n KPIs of every kind in one goal: each printed under a measure of policy 1 and
    again (再掲) in policy 2; KPIs `first_target` onwards are the goal's numerical targets."""
    ids = _ids(n)

    def measures(relisted: bool) -> list[dict]:
        return [
            {
                "number": i + 1,
                "title": "取組",
                "title_en": "Measure",
                "kpis": [{"kpi": kpi_id, "relisted": relisted}],
            }
            for i, kpi_id in enumerate(ids)
        ]

    kpis = []
    for i, kpi_id in enumerate(ids):
        kind = KINDS[i % 3]
        kpi = {
            "id": kpi_id,
            "name": f"指標{i}",
            "name_en": f"Indicator {i}",
            "unit": "件",
            "direction": "increase",
            "kind": kind,
            "baseline": {"year": 2022, "value": 100, "text": "100件（R4）"},
            "target": {"year": 2028, "value": 700, "kind": "exact", "text": "700件（R10）"},
            "measures": ["G1"] * (i >= first_target) + [f"1-1-{i + 1}", f"1-2-{i + 1}"],
        }
        if kind == "period_total":
            kpi["period"] = [2024, 2028]
        kpis.append(kpi)
    targets = ids[first_target:]
    first = set(targets)
    kpis.sort(key=lambda kpi: kpi["id"] not in first)  # listed in order of first printing
    return Strategy.model_validate(
        {
            "meta": {
                "title": "合成",
                "title_en": "Synthetic",
                "issuer": "テスト",
                "issued": "2024-03",
                "period": {"start": 2024, "end": 2028},
            },
            "goals": [
                {
                    "number": 1,
                    "title": "目標",
                    "title_en": "Goal",
                    "targets": [{"kpi": k} for k in targets],
                    "policies": [
                        {
                            "number": 1,
                            "title": "施策",
                            "title_en": "Policy",
                            "measures": measures(False),
                        },
                        {
                            "number": 2,
                            "title": "再掲",
                            "title_en": "Again",
                            "measures": measures(True),
                        },
                    ],
                }
            ],
            "kpis": kpis,
        }
    )


def synthetic_actuals(n: int) -> ActualsSet:
    """Figures for 2024-2026, but none for every fifth KPI in 2026 (judged on an older one)."""
    actuals = ActualsSet()
    for year in (2024, 2025, 2026):
        actuals.years[year] = {
            kpi_id: Actual(value=140 if i % 3 == 2 else 100 + (year - 2022) * (80 + i % 50))
            for i, kpi_id in enumerate(_ids(n))
            if not (year == 2026 and i % 5 == 0)
        }
        actuals.files[year] = f"actuals/{year}.yaml"
    return actuals


def _cpu_seconds(work) -> float:
    """The least CPU time of two runs of `work`, the collector paused."""
    best = float("inf")
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(2):
            start = time.process_time()
            work()
            best = min(best, time.process_time() - start)
    finally:
        if enabled:
            gc.enable()
    return best


def test_assessing_ten_times_the_kpis_costs_about_ten_times_the_work():
    small, large = 1_000, 10_000
    inputs = {n: (synthetic_strategy(n), synthetic_actuals(n)) for n in (small, large)}
    reports = {}

    def run(n):
        return lambda: reports.__setitem__(n, assess(*inputs[n], 2026))

    ratio = _cpu_seconds(run(large)) / _cpu_seconds(run(small))
    assert ratio <= 15, f"{large:,} KPIs cost {ratio:.1f}x the work of {small:,}"
    for n, report in reports.items():
        (goal,) = report.goals
        assert len(report.kpis) == n and len(goal.kpi_ids) == n  # each KPI counted once
        assert [p.kpi_ids for p in goal.policies] == [goal.kpi_ids, goal.kpi_ids]
        assert sum(goal.counts.values()) == n
        assert goal.older_figures == n // 5


def test_rollups_keep_the_order_of_first_printing():
    # KPI 2 is the goal's first numerical target: it is printed first, then 0 and 1
    report = assess(synthetic_strategy(3, first_target=2), synthetic_actuals(3), 2026)
    (goal,) = report.goals
    assert goal.kpi_ids == ("kpi-000002", "kpi-000000", "kpi-000001")
    assert goal.target_ids == ("kpi-000002",)
    assert [p.kpi_ids for p in goal.policies] == [_tuple(3), _tuple(3)]


def _tuple(n: int) -> tuple[str, ...]:
    return tuple(_ids(n))


class CountingList(list):
    """A list of results that counts how often it is walked from the start."""

    walks = 0

    def __iter__(self):
        CountingList.walks += 1
        return super().__iter__()


def test_looking_up_results_by_id_walks_the_results_once():
    n = 2_000
    report = assess(synthetic_strategy(n), synthetic_actuals(n), 2026)
    results = CountingList(report.kpis)
    report.kpis = results
    CountingList.walks = 0
    for i, kpi_id in enumerate(_ids(n)):
        assert report.result(kpi_id) is results[i]
    assert CountingList.walks == 1  # the index is built once, not a search per lookup
    report.kpis = results[:10]  # a new list of results: a new index
    with pytest.raises(KeyError):
        report.result("kpi-000011")
    assert report.result("kpi-000009") is results[9]
