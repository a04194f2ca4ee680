"""`pdca check --format xlsx` and CSV with a BOM for Japanese Excel."""

from __future__ import annotations

from openpyxl import load_workbook

from conftest import MINI

YEARS = {
    2026: (
        "share-pct: {value: 55, source: '=HYPERLINK(\"http://x\")', note: '@SUM(A1)'}\n"
        "app-downloads: 4000\n"
        "co2-emissions: 3100\n"
        "fertility: 1.31\n"
    )
}


def test_check_xlsx_summary_and_a_sheet_per_goal(run, actuals_dir, tmp_path):
    out = tmp_path / "check.xlsx"
    result = run("check", "2026", "-f", "xlsx", "-o", out, "--strategy", MINI,
                 "--actuals", actuals_dir(YEARS))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    wb = load_workbook(out)
    assert wb.sheetnames == ["集計", "基本目標1", "基本目標2"]
    summary = [list(r) for r in wb["集計"].iter_rows(min_row=4, values_only=True)]
    assert summary[0] == ["基本目標", "◎ 達成", "○ 順調", "△ やや遅れ", "× 遅れ", "▼ 後退",
                          "－ 実績なし", "… 評価対象外", "達成・順調の割合", "前年度以前の実績"]  # fmt: skip
    assert summary[1][:8] == ["G1 目標一", 1, 0, 1, 0, 0, 1, 0]
    assert summary[-1][0] == "合計" and summary[-1][1:8] == [1, 0, 1, 0, 1, 3, 1]
    assert summary[-1][9] == 0  # every figure is FY2026's: none judged on an older one
    ws = wb["基本目標1"]
    rows = [list(r) for r in ws.iter_rows(min_row=4, values_only=True)]
    assert rows[0][:4] == ["区分", "番号", "ID", "KPI"] and rows[0][14] == "状況"
    share = rows[1]
    assert share[:5] == ["数値目標", "G1, 1-1-1", "share-pct", "割合", "%"]
    assert share[5:12] == [50, 2023, 60, 2028, 56, 55, 2026]  # numbers stay numbers
    assert share[14] == "△ やや遅れ"
    # text from the data never becomes a formula
    assert share[15] == '\'=HYPERLINK("http://x")' and share[16] == "'@SUM(A1)"
    assert ws.cell(5, 13).number_format == "0.0%"
    assert isinstance(ws.cell(5, 13).value, float)
    # the colour rules are keyed on the status symbol, one per status
    rules = [rule for cf in ws.conditional_formatting for rule in cf.rules]
    formulas = {rule.formula[0] for rule in rules}
    assert {'LEFT(O5,1)="○"', 'LEFT(O5,1)="△"', 'LEFT(O5,1)="▼"'} <= formulas
    assert len(rules) == 7
    assert ws.freeze_panes == "E5" and ws.print_title_rows == "$4:$4"
    assert ws.page_setup.orientation == "landscape"


def test_check_xlsx_in_english(run, actuals_dir, tmp_path):
    out = tmp_path / "check.xlsx"
    run("check", "2026", "-f", "xlsx", "-o", out, "--lang", "en", "--strategy", MINI,
        "--actuals", actuals_dir(YEARS))  # fmt: skip
    wb = load_workbook(out)
    assert wb.sheetnames == ["Summary", "Goal 1", "Goal 2"]
    assert wb["Goal 1"].cell(5, 15).value == "△ behind"


def test_check_xlsx_needs_an_output_file(run, actuals_dir, english):
    result = run("check", "2026", "-f", "xlsx", "--strategy", MINI, "--actuals", actuals_dir(YEARS))
    assert result.exit_code == 2 and "give -o FILE.xlsx" in result.stderr


def test_csv_gets_a_bom_in_a_file_and_on_request(run, actuals_dir, tmp_path):
    folder = actuals_dir(YEARS)
    out = tmp_path / "check.csv"
    run("check", "2026", "-f", "csv", "-o", out, "--strategy", MINI, "--actuals", folder)
    assert out.read_bytes().startswith(b"\xef\xbb\xbfid,")
    run(
        "check", "2026", "-f", "csv", "-o", out, "--no-bom", "--strategy", MINI, "--actuals", folder
    )
    assert out.read_bytes().startswith(b"id,")
    piped = run("check", "2026", "-f", "csv", "--strategy", MINI, "--actuals", folder)
    assert piped.stdout.startswith("id,")
    asked = run("check", "2026", "-f", "csv", "--bom", "--strategy", MINI, "--actuals", folder)
    assert asked.stdout.startswith("\ufeffid,")
