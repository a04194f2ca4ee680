"""A strategy's own grades in `pdca show` and `pdca diff`, and the CSV column that marks a
derived target (issue #15), on the fictional example examples/sample-city; Kanazawa's
outputs carry none of it (no grades, no derived targets there)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import DEMO, ROOT

CITY = ROOT / "examples" / "sample-city" / "data"
ARGS = ("--strategy", CITY / "strategy.yaml", "--actuals", CITY / "actuals")


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# --- show -----------------------------------------------------------------------------------


def test_show_gives_the_grade_beside_the_status(run):
    result = run("show", "household-waste", *ARGS, "--no-chart", "--width", "120")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any(
        line.startswith("2026年度 (R8)  D 遅れ  × 遅れ  実績 538g (R8) · 期待値 524g")
        for line in lines
    ), result.stdout
    head = next(line for line in lines if line.startswith("年度 "))
    assert head.split() == [
        "年度",
        "当年度実績",
        "期待値",
        "判定値",
        "達成度",
        "進捗",
        "評定",
        "状況",
    ]
    table = lines[lines.index(head) : lines.index("実績")]
    years = {line.split()[0]: line.split() for line in table if line[:2] in ("R6", "R7", "R8")}
    assert years["R6"][-3:] == ["D", "×", "遅れ"]
    assert years["R7"][-3:] == ["C", "△", "やや遅れ"]
    assert years["R8"][-3:] == ["D", "×", "遅れ"]


def test_show_in_english_gives_the_grade_label(run):
    result = run("show", "local-products-sales", *ARGS, "--no-chart", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "FY2026 (R8)  A Well above target  ◎ achieved  Actual 505 million yen" in result.stdout
    assert "Grade" in result.stdout


def test_show_json_has_the_grade_of_the_year_and_of_each_year(run):
    result = run("show", "visitors", *ARGS, "--format", "json", "--year", "2025")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    current = list(document["current"])
    assert current[current.index("status") + 1] == "grade"
    assert document["current"]["grade"] == "C"
    years = {y["year"]: y for y in document["years"]}
    assert list(years[2024])[list(years[2024]).index("status") + 1] == "grade"
    assert [years[y]["grade"] for y in (2024, 2025, 2026)] == ["C", "C", "B"]


def test_show_without_a_figure_has_no_grade(run, tmp_path):
    actuals = tmp_path / "actuals"
    actuals.mkdir()
    result = run("show", "new-businesses", "--strategy", CITY / "strategy.yaml",
                 "--actuals", actuals, "--format", "json", "--year", "2026")  # fmt: skip
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["current"]["status"] == "no_data"
    assert document["current"]["grade"] is None
    assert all(y["grade"] is None for y in document["years"])


def test_kanazawas_show_has_no_grade(run):
    document = json.loads(
        run("show", "childcare-app-downloads", "--actuals", DEMO, "--format", "json").stdout
    )
    assert "grade" not in document["current"]
    assert all("grade" not in y for y in document["years"])
    text = run("show", "childcare-app-downloads", "--actuals", DEMO, "--no-chart").stdout
    assert "評定" not in text


# --- diff -----------------------------------------------------------------------------------


def test_diff_json_gives_each_sides_grade(run):
    result = run("diff", "2025", "2026", *ARGS, "--format", "json")
    assert result.exit_code == 0, result.output
    by_id = {k["id"]: k for k in json.loads(result.stdout)["kpis"]}
    sides = {i: (k["from"]["grade"], k["to"]["grade"]) for i, k in by_id.items()}
    assert sides == {
        "visitors": ("C", "B"),
        "local-products-sales": ("B", "A"),
        "new-businesses": ("C", "C"),
        "community-activity-rate": ("C", "C"),
        "health-checkup-rate": ("C", "C"),
        "household-waste": ("C", "D"),
    }
    assert list(by_id["visitors"]["from"])[:2] == ["status", "grade"]


def test_diff_csv_has_each_sides_grade_after_its_status(run):
    rows = _rows(run("diff", "2025", "2026", *ARGS, "--format", "csv").stdout)
    header = list(rows[0])
    assert header[header.index("from_status") + 1] == "from_grade"
    assert header[header.index("to_status") + 1] == "to_grade"
    waste = next(r for r in rows if r["id"] == "household-waste")
    assert (waste["from_status"], waste["from_grade"]) == ("behind", "C")
    assert (waste["to_status"], waste["to_grade"]) == ("off_track", "D")
    assert waste["to_actual_value"] == "538"


@pytest.mark.parametrize(
    ("lang", "cells"),
    [
        ("ja", "| **C やや遅れ**<br>△ やや遅れ | 541g (R7) | **D 遅れ**<br>× 遅れ | 538g (R8) |"),
        ("en", "| **C Somewhat behind**<br>△ behind | 541g (R7) | **D Behind**<br>× off track |"),
    ],
)
def test_diff_markdown_gives_the_grade_above_the_status(run, lang, cells):
    result = run("diff", "2025", "2026", *ARGS, "--format", "markdown", "--lang", lang)
    assert result.exit_code == 0, result.output
    assert cells in result.stdout


def test_diff_table_gives_the_grade_above_the_status(run):
    result = run("diff", "2025", "2026", *ARGS, "--width", "120")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("特産品の販売額"))
    assert lines[at].split()[1:4] == ["B", "目標どおり", "A"]
    assert lines[at + 1].split()[1:] == ["○", "順調", "◎", "達成"]


def test_check_compare_csv_adds_the_compared_grade(run):
    rows = _rows(run("check", "2026", *ARGS, "--compare", "2025", "--format", "csv").stdout)
    header = list(rows[0])
    assert header[-5:] == ["compare_year", "compare_status", "compare_grade", "movement", "change"]
    assert {r["id"]: r["compare_grade"] for r in rows}["visitors"] == "C"


def test_kanazawas_diff_has_no_grade(run):
    document = json.loads(run("diff", "2025", "2026", "--actuals", DEMO, "-f", "json").stdout)
    assert all("grade" not in k["from"] and "grade" not in k["to"] for k in document["kpis"])
    header = run("diff", "2025", "2026", "--actuals", DEMO, "-f", "csv").stdout.splitlines()[0]
    assert "grade" not in header
    compared = run("check", "2026", "--actuals", DEMO, "--compare", "2025", "-f", "csv").stdout
    assert "grade" not in compared.splitlines()[0]
    markdown = run("diff", "2025", "2026", "--actuals", DEMO, "-f", "markdown").stdout
    assert "**" not in markdown.split("| KPI |")[1]


# --- the derived target in CSV ----------------------------------------------------------------


def test_check_csv_marks_a_derived_target_with_its_rule(run):
    rows = _rows(run("check", "2026", *ARGS, "--format", "csv").stdout)
    header = list(rows[0])
    assert header[header.index("target_kind") + 1] == "target_derived"
    got = {r["id"]: (r["target_value"], r["target_derived"]) for r in rows}
    assert got["local-products-sales"] == ("480", "factor=1.5")
    assert got["community-activity-rate"] == ("38.4", "points=10")
    assert got["health-checkup-rate"] == ("60", "")  # printed as a figure


def test_kpis_csv_marks_a_derived_target_with_its_rule(run):
    rows = _rows(run("kpis", "--strategy", CITY / "strategy.yaml", "--format", "csv").stdout)
    header = list(rows[0])
    assert header[header.index("target_text") + 1] == "target_derived"
    assert {r["id"]: r["target_derived"] for r in rows}["local-products-sales"] == "factor=1.5"


def test_every_relative_form_has_its_rule(run):
    """percent and annual growth too (the fictional test strategy has all four)."""
    any_ = ROOT / "tests" / "fixtures" / "any-strategy"
    text = run("kpis", "--strategy", any_ / "strategy.yaml", "--format", "csv").stdout
    got = {r["id"]: r["target_derived"] for r in _rows(text)}
    assert got["exports"] == "factor=1.5"
    assert got["volunteers"] == "points=10"
    assert got["growth-output"] == "annual_growth=2.2"
    assert got["shops"] == ""  # a value given beside percent: printed, not derived


def test_kanazawas_csv_has_no_derived_column(run):
    check = run("check", "2026", "--actuals", DEMO, "--format", "csv").stdout.splitlines()[0]
    kpis = run("kpis", "--format", "csv").stdout.splitlines()[0]
    assert "target_derived" not in check and "target_derived" not in kpis
