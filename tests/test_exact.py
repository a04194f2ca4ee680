"""Exact judgement (issue #7): a figure exactly on a threshold, on the line or at the target
gets the status the rule says, whatever binary floating point would make of it.

Every row below goes through the real path: a strategy and actuals written as YAML, loaded,
assessed. The figures are worked out by hand in the comments (E = expected value at Y,
b = baseline); each boundary is tried exactly and one unit of its last decimal either side.
Many of these rows were judged one status too low before (e.g. 451 participants, 60% of the
way: "遅れ" instead of "やや遅れ").
"""

from __future__ import annotations

import json
import tempfile
from fractions import Fraction
from pathlib import Path

import pytest

from conftest import ROOT
from kanazawa_pdca.assess import assess
from kanazawa_pdca.load import load_actuals, load_strategy
from kanazawa_pdca.trajectory import Status, Thresholds

ACH, ON, BEH, OFF, REG, NOD = (
    Status.ACHIEVED,
    Status.ON_TRACK,
    Status.BEHIND,
    Status.OFF_TRACK,
    Status.REGRESSING,
    Status.NO_DATA,
)

STRATEGY = """\
meta: {{title: 境界, title_en: Boundaries, issuer: テスト市, issued: 2024-03,
       period: {{start: 2010, end: 2035}}}}
goals:
  - number: 1
    title: 目標
    title_en: Goal
    policies:
      - number: 1
        title: 施策
        title_en: Policy
        measures:
          - number: 1
            title: 取組
            title_en: Measure
            description: 説明
            kpis: [{{kpi: k}}]
            projects: [{{text: 事業}}]
kpis:
  - id: k
    name: 指標
    name_en: Indicator
    unit: "{unit}"
    direction: {direction}
    kind: {kind}
    baseline: {{year: {by}, value: {b}, text: 基準}}
    target: {{year: {ty}, value: {t}, kind: {tkind}, text: 目標}}{period}
    measures: [1-1-1]
"""

# name: (unit, direction, kind, baseline year, baseline, target year, target, target kind, window)
KPIS = {
    # 47.5% (R5) → 59% (R10); Y = 2025: E = 47.5 + 11.5·2/5 = 52.1, E − b = 4.6
    "pct-up": ("%", "increase", "level", 2023, "47.5", 2028, "59", "exact", None),
    # 43.6 → 55; Y = 2025: E = 43.6 + 11.4·2/5 = 48.16, 0.6 of the way: 46.336
    "pct-up-3dp": ("%", "increase", "level", 2023, "43.6", 2028, "55", "exact", None),
    # 14,593 (R4, running total) → 30,000; Y = 2025: E = 14593 + 15407·3/6 = 22296.5
    "cum-up": ("件", "increase", "cumulative", 2022, "14593", 2028, "30000", "exact", None),
    # 302 → 600 以上; Y = 2027: E = 302 + 298·5/6 = 550.33…, 0.6 of the way: 302 + 149 = 451
    "atleast-up": ("名", "increase", "level", 2022, "302", 2028, "600", "at_least", None),
    # 3,537 (H25) → 2,000 (decrease); Y = 2025: E = 3537 − 1537·12/15 = 2307.4,
    # 0.6 of the way: 3537 − 737.76 = 2799.24
    "co2-down": ("千t-CO₂", "decrease", "level", 2013, "3537", 2028, "2000", "exact", None),
    # 12.5 → 10 以下 (decrease, at_least); Y = 2026: E = 12.5 − 2.5·3/5 = 11, 0.6: 11.6
    "atleast-down": ("件", "decrease", "level", 2023, "12.5", 2028, "10", "at_least", None),
    # a floor of 1,000 to keep over FY2024–2028, from 780 (R5)
    "floor": ("人", "increase", "level", 2023, "780", 2028, "1000", "maintain", (2024, 2028)),
    # the same floor from FY2026 on: before it, the line 780 (2022) → 1000 (2026);
    # Y = 2024: E = 780 + 220·2/4 = 890, 0.6 of the way: 846
    "floor-later": ("人", "increase", "level", 2022, "780", 2028, "1000", "maintain", (2026, 2028)),
    # 95%以上を維持 from a baseline of 96.2% (no window: from the baseline year on)
    "floor-pct": ("%", "increase", "level", 2023, "96.2", 2028, "95", "maintain", None),
    # at most 5 to keep (decrease), from 5.5
    "ceiling": ("件", "decrease", "level", 2023, "5.5", 2028, "5", "maintain", None),
    # period totals: the sum over the window must reach the target
    "sum-1": ("万人", "increase", "period_total", 2023, "0", 2026, "1", "exact", (2024, 2026)),
    "sum-5": ("万人", "increase", "period_total", 2023, "0", 2028, "5", "exact", (2024, 2028)),
    "sum-6000": ("人", "increase", "period_total", 2022, "0", 2028, "6000", "exact", (2024, 2028)),
}


def _strategy_text(name: str) -> str:
    unit, direction, kind, by, b, ty, t, tkind, window = KPIS[name]
    period = f"\n    period: [{window[0]}, {window[1]}]" if window else ""
    return STRATEGY.format(
        unit=unit, direction=direction, kind=kind, by=by, b=b, ty=ty, t=t, tkind=tkind,
        period=period,
    )  # fmt: skip


def judge(tmp_path: Path, name: str, figures: dict[int, str], year: int, **kw):
    """Write the one-KPI strategy and the figures as YAML, load them, assess `year`."""
    folder = Path(tempfile.mkdtemp(prefix=name, dir=tmp_path))  # a fresh folder each call
    (folder / "actuals").mkdir()
    (folder / "strategy.yaml").write_text(_strategy_text(name), encoding="utf-8")
    for y, value in figures.items():
        (folder / "actuals" / f"{y}.yaml").write_text(f"k: {value}\n", encoding="utf-8")
    strategy = load_strategy(folder / "strategy.yaml")
    actuals, _ = load_actuals(folder / "actuals", strategy)
    return assess(strategy, actuals, year, **kw).kpis[0]


def regraded(attainment: float, th: Thresholds) -> Status:
    """The status a JSON reader gets by reading `attainment` against the thresholds."""
    if attainment >= th.on_track:
        return ON
    if attainment >= th.behind:
        return BEH
    return OFF if attainment >= 0 else REG


# (KPI, year Y, figure, status): each boundary, and one unit of the last decimal either side
LINE_ROWS = [
    # pct-up, Y = 2025: 0.6 → 47.5 + 0.6·4.6 = 50.26; the line 52.1; the target 59
    ("pct-up", 2025, "50.25", OFF),
    ("pct-up", 2025, "50.26", BEH),
    ("pct-up", 2025, "50.27", BEH),
    ("pct-up", 2025, "52.09", BEH),
    ("pct-up", 2025, "52.1", ON),
    ("pct-up", 2025, "52.11", ON),
    ("pct-up", 2025, "58.99", ON),
    ("pct-up", 2025, "59", ACH),
    ("pct-up", 2025, "59.01", ACH),
    ("pct-up", 2025, "47.49", REG),  # the baseline: attainment 0 is off_track, below regresses
    ("pct-up", 2025, "47.5", OFF),
    ("pct-up", 2025, "47.51", OFF),
    # pct-up-3dp, Y = 2025: 0.6 → 46.336; the line 48.16
    ("pct-up-3dp", 2025, "46.335", OFF),
    ("pct-up-3dp", 2025, "46.336", BEH),
    ("pct-up-3dp", 2025, "46.337", BEH),
    ("pct-up-3dp", 2025, "48.159", BEH),
    ("pct-up-3dp", 2025, "48.16", ON),
    ("pct-up-3dp", 2025, "48.161", ON),
    # cum-up, Y = 2025: 0.6 → 14593 + 0.6·7703.5 = 19215.1; the line 22296.5; the target 30000
    ("cum-up", 2025, "19215", OFF),
    ("cum-up", 2025, "19215.1", BEH),
    ("cum-up", 2025, "19215.2", BEH),
    ("cum-up", 2025, "22296.4", BEH),
    ("cum-up", 2025, "22296.5", ON),
    ("cum-up", 2025, "22296.6", ON),
    ("cum-up", 2025, "29999.9", ON),
    ("cum-up", 2025, "30000", ACH),
    ("cum-up", 2025, "30000.1", ACH),
    # atleast-up, Y = 2027: 0.6 → 451 (the line, 550.33…, cannot be typed); the target 600
    ("atleast-up", 2027, "450", OFF),
    ("atleast-up", 2027, "451", BEH),
    ("atleast-up", 2027, "452", BEH),
    ("atleast-up", 2027, "599", ON),
    ("atleast-up", 2027, "600", ACH),
    ("atleast-up", 2027, "601", ACH),
    # co2-down, Y = 2025 (less is better): 0.6 → 2799.24; the line 2307.4; the target 2000
    ("co2-down", 2025, "2799.25", OFF),
    ("co2-down", 2025, "2799.24", BEH),
    ("co2-down", 2025, "2799.23", BEH),
    ("co2-down", 2025, "2307.5", BEH),
    ("co2-down", 2025, "2307.4", ON),
    ("co2-down", 2025, "2307.3", ON),
    ("co2-down", 2025, "2000.1", ON),
    ("co2-down", 2025, "2000", ACH),
    ("co2-down", 2025, "1999.9", ACH),
    ("co2-down", 2025, "3537.01", REG),
    # atleast-down, Y = 2026: 0.6 → 11.6; the line 11; the target 10
    ("atleast-down", 2026, "11.61", OFF),
    ("atleast-down", 2026, "11.6", BEH),
    ("atleast-down", 2026, "11.59", BEH),
    ("atleast-down", 2026, "11.01", BEH),
    ("atleast-down", 2026, "11", ON),
    ("atleast-down", 2026, "10.99", ON),
    ("atleast-down", 2026, "10.01", ON),
    ("atleast-down", 2026, "10", ACH),
    ("atleast-down", 2026, "9.99", ACH),
]


@pytest.mark.parametrize(("name", "year", "figure", "status"), LINE_ROWS)
def test_line_kpis_at_their_boundaries(tmp_path, name, year, figure, status):
    r = judge(tmp_path, name, {year: figure}, year)
    assert r.status is status
    assert r.actual == float(figure)
    if r.status is not ACH:
        # the JSON's attainment, read against the thresholds, gives the same status
        assert regraded(r.attainment, Thresholds()) is status


def test_attainment_exactly_on_a_threshold_is_that_threshold(tmp_path):
    assert judge(tmp_path, "atleast-up", {2027: "451"}, 2027).attainment == 0.6
    assert judge(tmp_path, "co2-down", {2025: "2307.4"}, 2025).attainment == 1.0
    r = judge(tmp_path, "pct-up-3dp", {2025: "48.16"}, 2025)
    assert (r.expected, r.attainment) == (48.16, 1.0)


MAINTAIN_ROWS = [
    # in the window: the floor met → achieved; below it but not below the baseline → off_track
    ("floor", 2025, "999.9", OFF),
    ("floor", 2025, "1000", ACH),
    ("floor", 2025, "1000.1", ACH),
    ("floor", 2025, "780", OFF),
    ("floor", 2025, "779.9", REG),
    # before the window (2026): the line 780 → 1000 at 2026; Y = 2024: 0.6 → 846, line 890
    ("floor-later", 2024, "845.9", OFF),
    ("floor-later", 2024, "846", BEH),
    ("floor-later", 2024, "889.9", BEH),
    ("floor-later", 2024, "890", ON),
    ("floor-later", 2024, "1000", ACH),
    ("floor-later", 2026, "999.9", OFF),  # the window has begun
    # a floor below the baseline: anything under the floor is worse than the baseline too
    ("floor-pct", 2025, "94.99", REG),
    ("floor-pct", 2025, "95", ACH),
    # a ceiling (decrease): 5 or less is kept; above the baseline 5.5 regresses
    ("ceiling", 2025, "5", ACH),
    ("ceiling", 2025, "4.99", ACH),
    ("ceiling", 2025, "5.01", OFF),
    ("ceiling", 2025, "5.5", OFF),
    ("ceiling", 2025, "5.51", REG),
]


@pytest.mark.parametrize(("name", "year", "figure", "status"), MAINTAIN_ROWS)
def test_maintain_targets_at_their_boundaries(tmp_path, name, year, figure, status):
    assert judge(tmp_path, name, {year: figure}, year).status is status


def test_maintain_expected_attainment_and_progress(tmp_path):
    r = judge(tmp_path, "floor", {2025: "999.9"}, 2025)
    assert (r.expected, r.attainment) == (1000.0, 0.9999)  # a / floor
    assert r.progress == pytest.approx(219.9 / 220)  # (a − b) / (floor − b)
    r = judge(tmp_path, "ceiling", {2025: "5.01"}, 2025)
    assert r.attainment == float(Fraction("5") / Fraction("5.01"))  # floor / a
    assert r.progress == 0.98  # (5.01 − 5.5) / (5 − 5.5): the ceiling is beyond the baseline
    r = judge(tmp_path, "floor-pct", {2025: "95"}, 2025)
    assert r.progress is None  # a floor below the baseline: no way to go
    r = judge(tmp_path, "floor-later", {2024: "846"}, 2024)
    assert (r.expected, r.attainment) == (890.0, 0.6)


PERIOD_ROWS = [
    # 0.2 + 0.7 + 0.1 is 0.9999999999999999 in floating point, exactly the target 1
    ("sum-1", {2024: "0.2", 2025: "0.7", 2026: "0.1"}, 2026, ACH),
    ("sum-1", {2024: "0.2", 2025: "0.7", 2026: "0.09"}, 2026, BEH),  # 0.99 of E = 1
    # sum-5, Y = 2026: E = 5·3/5 = 3, 0.6 of it 1.8 (0.2 + 0.7 + 0.9 is 1.7999999999999998)
    ("sum-5", {2024: "0.2", 2025: "0.7", 2026: "0.9"}, 2026, BEH),
    ("sum-5", {2024: "0.2", 2025: "0.7", 2026: "0.89"}, 2026, OFF),
    ("sum-5", {2024: "1.1", 2025: "0.7", 2026: "1.2"}, 2026, ON),  # exactly 3: on the line
    ("sum-5", {2024: "1.1", 2025: "0.7", 2026: "1.19"}, 2026, BEH),
    # five yearly figures summing exactly to 6,000 (6000 − 1e-12 in floating point)
    (
        "sum-6000",
        {2024: "1200.1", 2025: "1200.1", 2026: "1199.7", 2027: "1199.9", 2028: "1200.2"},
        2028,
        ACH,
    ),
    (
        "sum-6000",
        {2024: "1200.1", 2025: "1200.1", 2026: "1199.7", 2027: "1199.9", 2028: "1200.1"},
        2028,
        BEH,
    ),
]


@pytest.mark.parametrize(("name", "figures", "year", "status"), PERIOD_ROWS)
def test_period_totals_sum_exactly(tmp_path, name, figures, year, status):
    r = judge(tmp_path, name, figures, year)
    assert r.status is status
    total = sum(Fraction(v) for v in figures.values())
    assert r.actual == float(total)  # the exact sum's nearest float
    assert r.progress == float(total / Fraction(KPIS[name][6]))  # sum / t
    if status is not ACH:
        assert regraded(r.attainment, Thresholds()) is status


SUM_6000 = {2024: "1200.1", 2025: "1200.1", 2026: "1199.7", 2027: "1199.9", 2028: "1200.2"}


def test_a_period_total_past_its_window_is_its_complete_sum_at_the_last_year(tmp_path):
    r = judge(tmp_path, "sum-6000", {**SUM_6000, 2029: "5000"}, 2031)
    assert (r.status, r.actual_year, r.actual, r.expected) == (ACH, 2028, 6000.0, 6000.0)
    assert r.stale  # judged at 2028, asked about 2031


def test_a_period_total_past_its_window_without_its_last_year_has_no_data(tmp_path):
    figures = {y: v for y, v in SUM_6000.items() if y != 2028}
    r = judge(tmp_path, "sum-6000", figures, 2030)
    assert (r.status, r.missing_years, r.expected) == (NOD, (2028,), 6000.0)
    # inside the window the latest figure is judged: 2027's running sum
    r = judge(tmp_path, "sum-6000", figures, 2028)
    assert (r.status, r.actual_year) == (BEH, 2027)  # 4799.8 of E(2027) = 4800


def test_a_gap_in_a_period_total_names_the_years_and_expects_E_of_Y(tmp_path):
    r = judge(tmp_path, "sum-6000", {2024: "1200", 2026: "1200"}, 2027)
    assert (r.status, r.missing_years) == (NOD, (2025,))
    assert r.expected == 4800.0  # E(2027) = 6000·4/5, the year asked about
    assert r.actual is None and r.attainment is None


def test_strict_asks_for_the_figure_of_min_Y_end(tmp_path):
    r = judge(tmp_path, "sum-6000", SUM_6000, 2030, strict=True)
    assert (r.status, r.actual_year) == (ACH, 2028)
    figures = {y: v for y, v in SUM_6000.items() if y != 2028}
    r = judge(tmp_path, "sum-6000", figures, 2028, strict=True)
    assert (r.status, r.missing_years) == (NOD, (2028,))


# --on-track 0.9 --behind 0.5 on pct-up, Y = 2025 (E − b = 4.6):
# 0.9 → 47.5 + 4.14 = 51.64; 0.5 → 47.5 + 2.3 = 49.8
OVERRIDE_ROWS = [
    ("51.65", ON),
    ("51.64", ON),
    ("51.63", BEH),
    ("49.81", BEH),
    ("49.8", BEH),
    ("49.79", OFF),
]


@pytest.mark.parametrize(("figure", "status"), OVERRIDE_ROWS)
def test_overridden_thresholds_at_their_own_boundaries(tmp_path, figure, status):
    th = Thresholds(on_track=0.9, behind=0.5)
    r = judge(tmp_path, "pct-up", {2025: figure}, 2025, thresholds=th)
    assert r.status is status
    assert regraded(r.attainment, th) is status


@pytest.mark.parametrize("spelling", [("0.9", "0.5"), ("90%", "50%")], ids=["ratio", "percent"])
@pytest.mark.parametrize(("figure", "status"), OVERRIDE_ROWS)
def test_overridden_thresholds_on_the_command_line(tmp_path, run, figure, status, spelling):
    strategy = tmp_path / "strategy.yaml"
    strategy.write_text(_strategy_text("pct-up"), encoding="utf-8")
    (tmp_path / "actuals").mkdir()
    (tmp_path / "actuals" / "2025.yaml").write_text(f"k: {figure}\n", encoding="utf-8")
    args = ["--strategy", strategy, "--actuals", tmp_path / "actuals", "-f", "json"]
    on_track, behind = spelling
    result = run("check", "2025", *args, "--on-track", on_track, "--behind", behind)
    doc = json.loads(result.stdout)
    (kpi,) = doc["kpis"]
    assert kpi["status"] == status.value
    th = doc["thresholds"]
    assert regraded(kpi["attainment"], Thresholds(th["on_track"], th["behind"])) is status


def test_thresholds_are_exact_decimals():
    th = Thresholds(on_track=0.9, behind=0.6)
    assert (th.exact_on_track, th.exact_behind) == (Fraction(9, 10), Fraction(3, 5))
    assert (th.on_track, th.behind) == (0.9, 0.6)
    assert Thresholds(on_track="1.05", behind="0.55").exact_on_track == Fraction(21, 20)


# --- every format and --fail-on, end to end, on the bundled strategy ----------------------
# 育児リフレッシュ教室の参加者数: 302名 (R4) → 600名以上 (R10). In FY2027 (R9) E = 550.33…, and
# 451 is exactly 60% of the way to it: やや遅れ (behind). 450 is one below: 遅れ (off_track).

KPI = "parenting-refresh-class-participants"


@pytest.fixture
def on_threshold(tmp_path):
    def _write(value: str) -> list[str]:
        folder = tmp_path / f"actuals-{value}"
        folder.mkdir()
        (folder / "2027.yaml").write_text(f"{KPI}: {value}\n", encoding="utf-8")
        return ["--strategy", str(ROOT / "data" / "strategy.yaml"), "--actuals", str(folder)]

    return _write


@pytest.mark.parametrize(("value", "status"), [("451", "behind"), ("450", "off_track")])
def test_every_format_shows_the_status_of_an_on_threshold_figure(
    run, on_threshold, tmp_path, value, status
):
    import csv
    import io
    import re
    import xml.etree.ElementTree as ET

    args = on_threshold(value)
    word = {"behind": "△ やや遅れ", "off_track": "× 遅れ"}[status]

    doc = json.loads(run("check", "2027", *args, "-f", "json").stdout)
    (kpi,) = [k for k in doc["kpis"] if k["id"] == KPI]
    assert kpi["status"] == status
    assert (kpi["attainment"] >= doc["thresholds"]["behind"]) == (status == "behind")

    rows = csv.DictReader(io.StringIO(run("check", "2027", *args, "-f", "csv").stdout))
    assert {r["id"]: r["status"] for r in rows}[KPI] == status

    table = run("check", "2027", *args, "--status", status).stdout
    assert word in table and f"{value}" in table

    markdown = run("check", "2027", *args, "-f", "markdown").stdout
    (row,) = [line for line in markdown.splitlines() if f"`{KPI}`" in line]
    assert row.startswith(f"| {word} |")

    github = run("check", "2027", *args, "-f", "github").stdout
    (line,) = [x for x in github.splitlines() if f"KPI {KPI}" in x]
    assert line.startswith("::warning " if status == "behind" else "::error ")

    junit = ET.fromstring(run("check", "2027", *args, "-f", "junit").stdout)
    (case,) = [c for c in junit.iter("testcase") if c.get("name", "").startswith(KPI + " ")]
    assert (case.find("failure") is not None) == (status == "off_track")

    html_path = tmp_path / f"report-{value}.html"
    run("report", "2027", *args, "-o", html_path)
    html = html_path.read_text(encoding="utf-8")
    card = re.search(rf'<figure class="kpi st-{status}" id="{KPI}".*?</figure>', html, re.S)
    assert card is not None
    assert set(re.findall(r'class="status st-(\w+)">([^<]*)<', card[0])) == {(status, word)}


@pytest.mark.parametrize(
    ("value", "fail_on", "code"),
    [
        ("451", "off-track", 0),  # behind is above off_track
        ("451", "behind", 1),
        ("450", "off-track", 1),
        ("450", "regressing", 0),
    ],
)
def test_fail_on_agrees_with_the_exact_status(run, on_threshold, value, fail_on, code):
    args = on_threshold(value)
    for fmt in ("table", "json", "github", "junit"):
        result = run("check", "2027", *args, "-f", fmt, "--fail-on", fail_on)
        assert result.exit_code == code, fmt
