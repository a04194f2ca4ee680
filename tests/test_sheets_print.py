"""Sheets that print (#16 item 17): the fill-in template and `check --format xlsx` on A4.

Read back with openpyxl: the page setup (fitted to the page's width only, as many pages tall
as it takes), the header repeated on every page, the widths that keep the printed text at
8 pt or more, wrapped names on rows tall enough for them, and figures at the KPI's precision.

The printed size: a sheet fitted to the width of A4 landscape (11.69 in less the margins) is
scaled to that width over the sum of its column widths. LibreOffice prints a column-width
unit as about 7.1 pt (measured: the bundled template, 144 units, printed its 11 pt text at
8.7 pt; the English one, 155 units, at 8.2 pt); Excel, with Calibri, as about 5.3 pt, so
LibreOffice is the case to hold to 8 pt.
"""

from __future__ import annotations

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from conftest import MINI, ROOT

BUNDLED = ROOT / "data" / "strategy.yaml"
DEMO = ROOT / "examples" / "demo-actuals"
UNIT_PT = 7.1  # a column-width unit as LibreOffice prints it (see above)


def printed_pt(ws, size: float = 11) -> float:
    """The size at which `size` pt text of the sheet prints, fitted to A4 landscape's width."""
    margins = ws.page_margins.left + ws.page_margins.right
    page = (11.69 - margins) * 72
    total = sum(ws.column_dimensions[c].width for c in ws.column_dimensions)
    return size * min(1.0, page / (total * UNIT_PT))


def assert_prints_fit_to_width(ws, title_rows: str) -> None:
    setup = ws.page_setup
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)  # one page wide, as tall as needed
    assert (setup.orientation, setup.paperSize) == ("landscape", 9)  # A4
    assert ws.print_title_rows == title_rows  # the header on every page
    assert printed_pt(ws) >= 8, ws.title


def template(run, tmp_path, *args: str):
    out = tmp_path / "t.xlsx"
    result = run("template", "2026", "-o", out, "--strategy", BUNDLED, *args)
    assert result.exit_code == 0, result.stderr
    return load_workbook(out).active


def test_template_prints_fit_to_width(run, tmp_path):
    for lang in ("ja", "en"):
        ws = template(run, tmp_path, "--lang", lang, "--force")
        assert_prints_fit_to_width(ws, "$3:$3")
        # the title and the help line are merged over the table and wrapped: text running on
        # past the last column would widen what is printed (the help line halved it)
        merged = {str(r) for r in ws.merged_cells.ranges}
        assert {"A1:M1", "A2:M2"} <= merged
        assert ws["A2"].alignment.wrap_text
        assert ws.row_dimensions[2].height >= 2 * 15  # two lines at least


def test_template_names_wrap_not_cut(run, tmp_path):
    """Every text column wraps, and each row is as tall as its longest text needs: the
    longest name, 子どもを産み育てやすい環境が整っていると感じる市民の割合 (28 full-width
    characters, 56 units), takes three lines in a column of 24."""
    ws = template(run, tmp_path)
    assert ws.column_dimensions["C"].width == 24
    rows = {row[0].value: row[0].row for row in ws.iter_rows(min_row=4)}
    first = rows["child-rearing-environment-satisfaction"]
    assert ws.cell(first, 3).value == "子どもを産み育てやすい環境が整っていると感じる市民の割合"
    assert ws.row_dimensions[first].height >= 3 * 15
    for column in (1, 2, 3, 4, 5, 6, 7, 9, 12, 13):  # the texts and the entry notes
        assert ws.cell(first, column).alignment.wrap_text, column
    # every row has its height: LibreOffice does not grow one for its wrapped text
    assert all(ws.row_dimensions[r].height for r in rows.values())


def test_expected_at_kpi_precision(run, tmp_path):
    """The expected value of a count is a count: 27,432 件 and 6 地区 for FY2027 (R9), not
    27,432.17 and 6.25; a share printed with a decimal keeps it (47.5% -> 59%: 56.6)."""
    out = tmp_path / "t.xlsx"
    assert run("template", "2027", "-o", out, "--strategy", BUNDLED).exit_code == 0
    ws = load_workbook(out).active
    rows = {row[0].value: row for row in ws.iter_rows(min_row=4)}
    # 14,593 (R4) -> 30,000 (R10): 14,593 + 15,407 · 5/6 = 27,432.17
    downloads = rows["childcare-app-downloads"][9]
    assert (downloads.value, downloads.number_format) == (27432, "#,##0")
    # 4 (R6) -> 7 (R10): 4 + 3 · 3/4 = 6.25
    districts = rows["child-meal-delivery-districts"][9]
    assert (districts.value, districts.number_format) == (6, "#,##0")
    # 47.5% (R5) -> 59% (R10): 47.5 + 11.5 · 4/5 = 56.7
    share = rows["child-rearing-environment-satisfaction"][9]
    assert (share.value, share.number_format) == (56.7, "#,##0.0")
    # no '#,##0.##' (Excel shows 14593 as '14,593.')
    assert all(c.number_format != "#,##0.##" for row in ws.iter_rows() for c in row)
    # the CSV carries the same figures
    csv_out = tmp_path / "t.csv"
    assert run("template", "2027", "-o", csv_out, "--strategy", BUNDLED).exit_code == 0
    text = csv_out.read_text(encoding="utf-8-sig")
    assert ",27432," in text and "27432.17" not in text


def test_last_figure_as_written_in_the_template(run, tmp_path, actuals_dir):
    folder = actuals_dir({2025: "share-pct: 53.25\napp-downloads: 2500\n"})
    out = tmp_path / "t.xlsx"
    run("template", "2026", "-o", out, "--strategy", MINI, "--actuals", folder)
    rows = {row[0].value: row for row in load_workbook(out).active.iter_rows(min_row=4)}
    assert (rows["share-pct"][7].value, rows["share-pct"][7].number_format) == (53.25, "#,##0.00")
    assert rows["app-downloads"][7].number_format == "#,##0"


def check_workbook(run, folder, *args: str):
    folder.mkdir(exist_ok=True)
    out = folder / "c.xlsx"
    result = run("check", "2026", "-f", "xlsx", "-o", out, "--strategy", BUNDLED,
                 "--actuals", DEMO, *args)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return load_workbook(out)


def test_check_xlsx_prints_fit_to_width(run, tmp_path):
    for lang in ("ja", "en"):
        wb = check_workbook(run, tmp_path / lang, "--lang", lang)
        for ws in wb.worksheets:
            assert_prints_fit_to_width(ws, "$4:$4")
            last = get_column_letter(ws.max_column)
            merged = {str(r) for r in ws.merged_cells.ranges}
            assert {f"A1:{last}1", f"A2:{last}2"} <= merged  # title, subtitle: within the table
        goal = wb.worksheets[1]
        # the sections' headings in full once above the table; column 1 shows what fits
        assert goal["A3"].value.startswith("(1)")
        assert not goal["A5"].alignment.wrap_text
        # the KPI names wrap on rows tall enough for them
        names = [goal.cell(r, 4) for r in range(5, goal.max_row + 1)]
        assert all(c.alignment.wrap_text for c in names)
        assert all(goal.row_dimensions[c.row].height >= 15 for c in names)


def test_check_xlsx_expected_at_kpi_precision(run, tmp_path):
    ws = check_workbook(run, tmp_path)["基本目標1"]
    rows = {row[2].value: row for row in ws.iter_rows(min_row=5)}
    # childcare-app-downloads: E(2026) = 14,593 + 15,407 · 4/6 = 24,864.33 件: a count
    expected = rows["childcare-app-downloads"][9]
    assert expected.value == 24864.333333 and expected.number_format == "#,##0"
    # the figures as written: 47.5 with its decimal, 59 without one
    share = rows["child-rearing-environment-satisfaction"]
    assert (share[5].value, share[5].number_format) == (47.5, "#,##0.0")
    assert (share[7].value, share[7].number_format) == (59, "#,##0")
    assert share[9].number_format == "#,##0.0"  # expected: the KPI's precision
    assert all(c.number_format != "#,##0.##" for row in ws.iter_rows() for c in row)
