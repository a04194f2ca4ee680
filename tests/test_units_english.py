"""Issue #10 item 11: in English every output writes a KPI's unit as `unit_en` (one helper,
`i18n.unit` / `i18n.unit_suffix`), never the printed Japanese unit."""

from __future__ import annotations

import openpyxl
import pytest

from kanazawa_pdca.load import load_strategy, resolve_strategy
from kanazawa_pdca.present.numbers import kpi_figure, signed

KPI = "children-arts-culture-event-participants"  # 人 / people; a floor of 1,000 (maintain)


@pytest.fixture
def act(actuals_dir):
    return actuals_dir({2025: f"{KPI}: 990\n", 2026: f"{KPI}: 999\n"})


def lines_with(text: str, needle: str) -> list[str]:
    return [line for line in text.splitlines() if needle in line]


def test_the_number_helpers_take_the_language():
    kpi = load_strategy(resolve_strategy(None)).kpi(KPI)
    assert signed(kpi, -1.0) == "−1人"
    assert signed(kpi, -1.0, lang="en") == "−1 people"
    assert kpi_figure(kpi, 1000.0, lang="en") == "1,000 people"


def test_the_floor_gap_in_english(run, act):
    md = run("check", "2026", "--actuals", act, "--lang", "en", "-f", "markdown").stdout
    assert "below the floor (−1 people)" in md
    ja = run("check", "2026", "--actuals", act, "-f", "markdown").stdout
    assert "(−1人)" in ja


def test_show_in_english(run, act):
    out = run("show", KPI, "--actuals", act, "--lang", "en").stdout
    assert "人" not in out.replace("780 人（R4）", "").replace("1,000 人以上を維持（R6～R10）", "")
    assert "Actual 999 people (R8) · Expected 1,000 people" in " ".join(out.split())
    assert "780 people  (printed: 780 人（R4）)" in out
    assert "── floor 1,000 people" in out and "Chart (people)" in out
    ja = run("show", KPI, "--actuals", act).stdout
    assert "実績 999人 (R8)" in ja and "780 人（R4）" in ja and "printed" not in ja


def test_diff_in_english(run, act):
    md = run("diff", "2025", "2026", "--actuals", act, "--lang", "en", "-f", "markdown").stdout
    assert "| 990 people (R7) |" in md and "| 999 people (R8) |" in md
    table = run("diff", "2025", "2026", "--actuals", act, "--lang", "en", "--all").stdout
    assert lines_with(table, "999 people")
    ja = run("diff", "2025", "2026", "--actuals", act, "-f", "markdown").stdout
    assert "| 999人 (R8) |" in ja


def test_xlsx_check_and_template_in_english(run, act, tmp_path):
    def row_of(path):
        wb = openpyxl.load_workbook(path)
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                if KPI in row:
                    return row
        raise AssertionError(KPI)

    check = tmp_path / "c.xlsx"
    run("check", "2026", "--actuals", act, "--lang", "en", "-f", "xlsx", "-o", check)
    assert "people" in row_of(check) and "人" not in row_of(check)
    template = tmp_path / "t.xlsx"
    assert run("template", "2026", "--actuals", act, "--lang", "en", "-o", template).exit_code == 0
    assert "people" in row_of(template)
    titles = {d.promptTitle for d in openpyxl.load_workbook(template).worksheets[0]
              .data_validations.dataValidation}  # fmt: skip
    assert "Unit: people" in titles and "Unit: 人" not in titles
    ja = tmp_path / "ja.xlsx"
    run("template", "2026", "--actuals", act, "-o", ja)
    assert "人" in row_of(ja)


def test_reports_in_english(run, act, tmp_path):
    html, md = tmp_path / "r.html", tmp_path / "r.md"
    run("report", "2026", "--actuals", act, "--lang", "en", "-o", html)
    run("report", "2026", "--actuals", act, "--lang", "en", "-f", "md", "-o", md)
    page = html.read_text(encoding="utf-8")
    assert "999 people" in page and "below the floor (−1 people)" in page
    assert "999人" not in page and "−1人" not in page
    text = md.read_text(encoding="utf-8")
    assert "**Floor**: below the floor (−1 people)" in text and "999 people (R8)" in text
