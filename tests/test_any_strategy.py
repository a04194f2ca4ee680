"""Any strategy (issue #15) end to end: the fictional strategy of tests/fixtures/any-strategy
(every form, method and grade) judged by `pdca check` exactly as DESIGN's rules give (the
reference of test_any_strategy_properties, in fractions), and the grade, the derived targets
and the calendar years in every output; Kanazawa's outputs carry none of it."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from fractions import Fraction as F

import pytest
from test_any_strategy_properties import ref_band, ref_course, ref_expected, ref_growth
from test_exact_properties import ref_grade

from conftest import DEMO, FIXTURES
from kanazawa_pdca.load import load_strategy

ANY = FIXTURES / "any-strategy"
ARGS = ("--strategy", ANY / "strategy.yaml", "--actuals", ANY / "actuals")
ON, BEHIND = F(1), F(3, 5)
BANDS = [("A", F(6, 5)), ("B", F(1)), ("C", F(7, 10)), ("D", None)]


def x(value) -> F:
    """A figure as the decimal it is written as."""
    return F(repr(value)) if isinstance(value, float) else F(value)


def reference(kpi, figures: dict[int, F], year: int):
    """(status, attainment, grade, expected) by DESIGN "Any strategy", for the figure of
    the latest year ≤ `year` (a period average: the mean of the window's figures so far)."""
    d = kpi.sign
    b, t = kpi.baseline, kpi.target
    tv = x(t.value)
    if kpi.kind == "period_average":
        start, end = kpi.period
        upto = max(y for y in figures if y <= min(year, end))
        mean = sum((figures[y] for y in range(start, upto + 1)), F(0)) / (upto - start + 1)
        if upto == end and mean >= tv:
            status = "achieved"
        else:
            status = ref_grade(mean / tv, ON, BEHIND).value
        return status, mean / tv, ref_band(mean / tv, _s(status), BANDS), tv
    y = max(y for y in figures if y <= year)
    a = figures[y]
    if t.kind == "above":
        diff = d * (a - x(b.value))
        status = "achieved" if diff > 0 else "off_track" if diff == 0 else "regressing"
        return status, None, "A" if status == "achieved" else None, x(b.value)
    if t.kind == "maintain":  # without a baseline: the floor alone
        status = "achieved" if d * (a - tv) >= 0 else "off_track"
        return status, a / tv, ref_band(a / tv, _s(status), BANDS), tv
    if kpi.how == "growth":
        att = ref_growth(x(b.value), tv, b.year, t.year, a, y)
        status = "achieved" if d * (a - tv) >= 0 else ref_grade(F(att), ON, BEHIND).value
        return status, att, ref_band(F(att), _s(status), BANDS), None
    points = [(b.year, x(b.value))] if b.known else []
    points += [(m.year, x(m.value)) for m in kpi.milestones] + [(t.year, tv)]
    status = ref_course(points, b.known, kpi.how, d, a, y, ON, BEHIND)
    e = ref_expected(points, y)
    if kpi.how == "linear" and b.known:
        att = None if e == points[0][1] else (a - points[0][1]) / (e - points[0][1])
    else:
        att = a / e if d > 0 else e / a
    return status.value, att, ref_band(att, status, BANDS), e


def _s(value: str):
    from kanazawa_pdca.trajectory import Status

    return Status(value)


def figures_of(kpi_id: str) -> dict[int, F]:
    from ruamel.yaml import YAML

    out = {}
    for path in sorted((ANY / "actuals").glob("*.yaml")):
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        if kpi_id in data:
            out[int(path.stem)] = x(data[kpi_id])
    return out


@pytest.fixture(scope="module")
def strategy():
    return load_strategy(ANY / "strategy.yaml")


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_every_kpi_is_judged_as_design_says(run, strategy, year):
    result = run("check", year, *ARGS, "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    by_id = {k["id"]: k for k in document["kpis"]}
    assert set(by_id) == {k.id for k in strategy.kpis}
    for kpi in strategy.kpis:
        got = by_id[kpi.id]
        status, att, grade, expected = reference(kpi, figures_of(kpi.id), year)
        assert (kpi.id, got["status"]) == (kpi.id, status)
        assert (kpi.id, got["grade"]) == (kpi.id, grade)
        if att is None:
            assert got["attainment"] is None, kpi.id
        elif isinstance(att, Decimal):  # growth: within 1e-9
            assert abs(got["attainment"] - float(att)) <= 1e-9, kpi.id
        else:
            assert got["attainment"] == float(att), kpi.id
        if expected is not None:
            assert got["expected"] == float(expected), kpi.id
    counts = {code: 0 for code, _ in BANDS}
    for k in document["kpis"]:
        if k["grade"]:
            counts[k["grade"]] += 1
    assert document["grades"] == counts
    for goal in document["goals"]:
        assert sum(goal["grades"].values()) == sum(
            1 for k in goal["kpis"] if by_id[k]["grade"] is not None
        )


def test_the_forms_in_json(run):
    document = json.loads(run("check", 2025, *ARGS, "--format", "json").stdout)
    by_id = {k["id"]: k for k in document["kpis"]}
    assert by_id["exports"]["target"]["value"] == 60.3
    assert by_id["exports"]["derived"] == {"factor": 1.5}
    assert by_id["calendar-guests"]["year_basis"] == "calendar"
    assert by_id["calendar-guests"]["method"] == "ratio"
    assert by_id["growth-output"]["method"] == "growth"
    assert by_id["new-residents"]["baseline"] == {"year": None, "value": None}
    assert by_id["new-residents"]["progress"] is None
    assert by_id["new-residents"]["outlook"] is None
    assert by_id["visitors"]["milestones"] == [
        {"year": 2024, "value": 130},
        {"year": 2026, "value": 150},
    ]
    assert by_id["event-average"]["outlook"] is None
    kpis = json.loads(run("kpis", "--strategy", ANY / "strategy.yaml", "--format", "json").stdout)
    assert {k["id"]: k.get("derived") for k in kpis}["volunteers"] == {"points": 10}


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "ja",
            [
                "評定",
                "A 目標を大きく上回る",
                "基準値×1.5",
                "(2019年)",
                "(2028年)",
                "年平均2.2%成長",
            ],
        ),
        ("en", ["Grade", "A Well above target", "baseline × 1.5", "(2019)", "2.2% a year"]),
    ],
)
def test_the_table_shows_the_grade_the_derived_targets_and_calendar_years(run, lang, words):
    result = run("check", 2025, *ARGS, "--lang", lang, "--width", "200")
    assert result.exit_code == 0
    for word in words:
        assert word in result.stdout, word
    counts = "評定: A 目標を大きく上回る 2 · B 目標どおり 2 · C やや遅れ 8 · D 遅れ 1"
    if lang == "ja":
        assert counts in result.stdout


def test_csv_adds_the_grade_after_the_status(run):
    rows = list(csv.DictReader(io.StringIO(run("check", 2025, *ARGS, "--format", "csv").stdout)))
    header = list(rows[0])
    assert header[header.index("status") + 1] == "grade"
    assert {r["id"]: r["grade"] for r in rows}["exports"] == "A"


def test_markdown_junit_github_xlsx_and_the_report_carry_the_grade(run, tmp_path):
    md = run("check", 2025, *ARGS, "--format", "markdown").stdout
    assert "**A 目標を大きく上回る**<br>○ 順調" in md
    assert "**評定**: A 目標を大きく上回る 2" in md
    junit = run("check", 2025, *ARGS, "--format", "junit", "--lang", "en", "--fail-on", "D").stdout
    assert "Grade: D Behind" in junit
    github = run("check", 2025, *ARGS, "--format", "github", "--fail-on", "C").stdout
    assert "転入者数 (new-residents): D 遅れ（やや遅れ）" in github
    assert github.count("::error ") == 9  # the KPIs graded C or D
    out = tmp_path / "check.xlsx"
    assert run("check", 2025, *ARGS, "--format", "xlsx", "-o", out).exit_code == 0
    from openpyxl import load_workbook

    sheet = load_workbook(out)["基本目標1"]
    cells = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert "A 目標を大きく上回る\n○ 順調" in cells
    assert "目標値は基準値×1.5から算出" in cells  # a derived target says so
    html = tmp_path / "report.html"
    assert run("report", 2025, *ARGS, "-o", html).exit_code == 0
    text = html.read_text(encoding="utf-8")
    assert '<span class="grade">A 目標を大きく上回る</span>' in text
    assert '<p class="grades"><b>評定</b>' in text


@pytest.mark.parametrize(
    ("fail_on", "code", "ids"),
    [
        ("D", 1, "new-residents"),
        ("C", 1, "visitors, new-residents, growth-output"),
        ("A", 1, None),
        ("behind", 1, None),  # a status name comes first
        ("regressing", 0, None),
    ],
)
def test_fail_on_takes_a_grade_code(run, fail_on, code, ids):
    result = run("check", 2025, *ARGS, "--format", "json", "--fail-on", fail_on, "--lang", "en")
    assert result.exit_code == code, result.stderr
    if ids:
        assert ids in result.stderr


def test_fail_on_neither_a_status_nor_a_grade_is_a_usage_error(run):
    result = run("check", 2025, *ARGS, "--fail-on", "E")
    assert result.exit_code == 2
    assert "[unknown-status]" in result.stderr


def test_kanazawa_outputs_carry_nothing_of_the_new_forms(run):
    """Without grades no grade key, column or line; without derived targets, calendar KPIs,
    milestones or methods none of their keys (the byte-for-byte snapshots hold the rest)."""
    document = json.loads(run("check", 2026, "--actuals", DEMO, "--format", "json").stdout)
    assert "grades" not in document
    assert all("grade" not in g for g in document["goals"])
    for k in document["kpis"]:
        assert not {"grade", "derived", "year_basis", "method", "milestones"} & set(k)
    rows = run("check", 2026, "--actuals", DEMO, "--format", "csv").stdout.splitlines()
    assert "grade" not in rows[0].split(",")
    table = run("check", 2026, "--actuals", DEMO, "--width", "200").stdout
    assert "評定" not in table
