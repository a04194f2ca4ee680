"""Every validation rule of the strategy, each with a broken document and its exact location."""

from __future__ import annotations

import pytest

from conftest import MINI, position
from kanazawa_pdca.diagnostics import InputError
from kanazawa_pdca.load import load_strategy


def problems(path) -> list[str]:
    with pytest.raises(InputError) as info:
        load_strategy(path)
    return [str(d) for d in info.value.diagnostics]


def at(path, needle: str, occurrence: int = 1) -> str:
    line, column = position(path.read_text(encoding="utf-8"), needle, occurrence)
    return f"{path}:{line}:{column}"


def test_mini_strategy_is_valid():
    strategy = load_strategy(MINI)
    assert strategy.counts()["kpis"] == 7
    assert strategy.printed_in()["app-downloads"] == ["1-1-1", "1-1-2"]


# (name, old text, new text, needle at the reported location, occurrence, code)
RULES = [
    (
        "duplicate KPI id",
        "id: visitors-total",
        "id: share-pct",
        "share-pct\n    name: 交流",
        1,
        "duplicate-id",
    ),
    (
        "unknown KPI reference",
        "- {kpi: visitors-total}",
        "- {kpi: visitors-totl}",
        "visitors-totl",
        1,
        "unknown-kpi",
    ),
    (
        "KPI never printed",
        "              - {kpi: fertility}\n",
        "",
        "fertility\n",
        1,
        "unreferenced-kpi",
    ),
    (
        "baseline year after target year",
        "{year: 2023, value: 50, text: 50%（R5）}",
        "{year: 2029, value: 50, text: 50%（R5）}",
        "2028, value: 60",
        1,
        "year-order",
    ),
    (
        "target outside the strategy's period",
        "{year: 2028, value: 4000,",
        "{year: 2030, value: 4000,",
        "2030, value: 4000",
        1,
        "outside-period",
    ),
    (
        "direction inconsistent",
        "direction: decrease",
        "direction: increase",
        "increase\n    kind: level\n    baseline: {year: 2013",
        1,
        "direction-mismatch",
    ),
    (
        "percentage above 100",
        "value: 60, kind: exact",
        "value: 160, kind: exact",
        "160",
        1,
        "percentage-range",
    ),
    (
        "reset target with a value",
        "{year: null, value: null, kind: reset",
        "{year: null, value: 2.0, kind: reset",
        "{year: null, value: 2.0",
        1,
        "reset-has-value",
    ),
    (
        "target without value",
        "{year: 2028, value: 250, kind: exact",
        "{year: 2028, value: null, kind: exact",
        "null, kind: exact",
        1,
        "target-missing",
    ),
    (
        "period outside the strategy",
        "period: [2024, 2028]",
        "period: [2022, 2028]",
        "[2022, 2028]",
        1,
        "outside-period",
    ),
    (
        "thresholds out of order",
        "{on_track: 1.0, behind: 0.6}",
        "{on_track: 0.5, behind: 0.6}",
        "0.6}",
        1,
        "thresholds-order",
    ),
    (
        "measures do not match the printings",
        "measures: [1-1-1, 1-1-2]",
        "measures: [1-1-2, 1-1-1]",
        "[1-1-2, 1-1-1]",
        1,
        "measures-mismatch",
    ),
    (
        "measure numbering",
        "          - number: 2\n            title: 取組二",
        "          - number: 3\n            title: 取組二",
        "3\n            title: 取組二",
        1,
        "numbering",
    ),
    ("bad KPI id", "id: co2-emissions", "id: CO2_emissions", "CO2_emissions", 1, "invalid-value"),
]


@pytest.mark.parametrize(
    ("old", "new", "needle", "occurrence", "code"),
    [r[1:] for r in RULES],
    ids=[r[0] for r in RULES],
)
def test_rule(broken, old, new, needle, occurrence, code):
    path = broken(old, new)
    found = problems(path)
    expected = at(path, needle, occurrence)
    assert any(p.startswith(expected + ": ") for p in found), (expected, found)
    if code:
        assert any(p.startswith(expected + ": ") and p.endswith(f"[{code}]") for p in found), found


def test_relisted_must_point_backwards(broken):
    # Mark the *first* printing of app-downloads as 再掲: nothing earlier prints it.
    path = broken("- {kpi: app-downloads}\n", "- {kpi: app-downloads, relisted: true}\n")
    found = problems(path)
    expected = at(path, "true}")
    assert (
        f"{expected}: KPI 'app-downloads' is marked 再掲 in 1-1-1 but is not printed earlier "
        "[relisted-first]" in found
    )


def test_period_total_needs_period(broken):
    path = broken("    period: [2024, 2028]\n", "")
    found = problems(path)
    # the KPI has no `period` node, so the problem sits at the KPI's entry
    line, col = position(path.read_text(), "- id: visitors-total")
    assert f"{path}:{line}:{col + 2}: a period_total KPI needs a period [period-missing]" in found


def test_several_problems_are_reported_at_once(broken, tmp_path, mini_text):
    text = mini_text.replace("value: 60, kind: exact", "value: 160, kind: exact").replace(
        "- {kpi: visitors-total}", "- {kpi: nope}"
    )
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    found = problems(path)
    assert len(found) >= 3  # the percentage, the unknown id, and visitors-total unprinted
    codes = {p.rsplit("[", 1)[1].rstrip("]") for p in found}
    assert {"percentage-range", "unknown-kpi", "unreferenced-kpi"} <= codes
    assert found == sorted(found, key=lambda p: int(p.split(":")[1]))  # in file order
