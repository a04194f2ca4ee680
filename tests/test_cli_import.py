"""`pdca import` and `pdca template`: sheets in, figures out, every problem at its cell."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from conftest import DATA, MINI
from kanazawa_pdca.load import load_actuals, load_strategy


def xlsx(path: Path, rows: list[list], title: str = "Sheet1", formats: dict | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    for ref, fmt in (formats or {}).items():
        ws[ref].number_format = fmt
    wb.save(path)
    return path


def figures(folder: Path, year: int = 2026) -> dict:
    actuals, _ = load_actuals(folder, load_strategy(MINI))
    return {k: (a.value, a.source, a.note) for k, a in actuals.years.get(year, {}).items()}


@pytest.fixture
def imp(run, tmp_path):
    """pdca import 2026 FILES… into tmp_path/actuals with the mini strategy."""

    def _imp(*args):
        return run("import", "2026", *args, "--strategy", MINI, "--actuals", tmp_path / "actuals")

    return _imp


# --- a user's own sheet -------------------------------------------------------------------


def test_a_plain_sheet_with_a_title_above_and_remarks_below(imp, tmp_path):
    book = xlsx(
        tmp_path / "dept.xlsx",
        [
            ["令和8年度 KPI 実績報告（子育て支援課）"],
            [],
            ["No.", "KPI id", "指標名", "実績値（R8）", "出典", "備考"],
            [1, "share-pct", "割合", "５５％", "市民意識調査", "速報値"],
            [2, "app-downloads", "DL数", "2,500件", None, None],
            [3, "co2-emissions", "排出量", "集計中", None, None],
            [4, "fertility", "出生率", "－", None, None],
            [],
            [None, "※ 速報値を含みます", None, None, None, None],
            [None, None, "作成: 子育て支援課", None, None, None],
        ],
    )
    result = imp(book)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert figures(tmp_path / "actuals") == {
        "share-pct": (55, "市民意識調査", "速報値"),
        "app-downloads": (2500, None, None),
    }
    assert "追加 2・変更 0・変更なし 0・未記入 5 (シートで空欄 1・集計中 1)" in result.stdout


def test_summary_counts_in_progress_separately(imp, tmp_path):
    """集計中 / 未集計 in a sheet is counted as in progress, not as a blank cell: the clerk
    sees which departments are still compiling and which left the cell empty."""
    path = tmp_path / "f.csv"
    path.write_text(
        "id,value\nshare-pct,55\napp-downloads,集計中\nco2-emissions,未集計\n"
        "fertility,－\nvisitors-total,\n",
        encoding="utf-8",
    )
    result = imp(path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].endswith(
        "追加 1・変更 0・変更なし 0・未記入 6 (シートで空欄 2・集計中 2)"
    )
    only_pending = tmp_path / "g.csv"
    only_pending.write_text("id,value\nshare-pct,55\napp-downloads,集計中\n", encoding="utf-8")
    result = imp(only_pending, "--lang", "en")
    assert result.stdout.splitlines()[0].endswith(
        "added 0, changed 0, unchanged 1, missing 6 (in progress (集計中) 1)"
    )


@pytest.mark.parametrize(
    "header",
    [
        ["id", "value", "source", "note"],
        ["KPI id", "Value", "Source", "Note"],
        ["kpi_id", "実績", "出典", "備考"],
        ["ID", "令和8年度実績", "出所", "メモ"],
        ["ＩＤ", "Value (FY2026)", "資料", "注記"],
    ],
)
def test_headers_in_japanese_or_english(imp, tmp_path, header):
    book = xlsx(tmp_path / "h.xlsx", [header, ["share-pct", 55, "s", "n"]])
    assert imp(book).exit_code == 0
    assert figures(tmp_path / "actuals") == {"share-pct": (55, "s", "n")}


def test_a_percent_formatted_cell(imp, tmp_path):
    book = xlsx(
        tmp_path / "p.xlsx", [["id", "value"], ["share-pct", 0.555]], formats={"B2": "0.0%"}
    )
    assert imp(book).exit_code == 0
    assert figures(tmp_path / "actuals") == {"share-pct": (55.5, None, None)}


# --- CSV ------------------------------------------------------------------------------------

CSV = (
    'KPI id,実績値,出典,備考\r\nshare-pct,55.5%,市民意識調査,速報値\r\napp-downloads,"2,500",,\r\n'
)


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp932", b""), ("utf-16-le", b"\xff\xfe")],
)
def test_csv_encodings(imp, tmp_path, encoding, prefix):
    text = CSV.replace(",", "\t") if encoding.startswith("utf-16") else CSV
    text = text.replace('"2\t500"', "2,500")
    path = tmp_path / "figures.csv"
    path.write_bytes(prefix + text.encode(encoding))
    result = imp(path)
    assert result.exit_code == 0, result.stderr
    assert figures(tmp_path / "actuals") == {
        "share-pct": (55.5, "市民意識調査", "速報値"),
        "app-downloads": (2500, None, None),
    }


def test_csv_that_is_neither_utf8_nor_cp932(imp, tmp_path, english):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"id,value\nshare-pct,12\x81\x7f\n")
    result = imp(path)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"{path}:2:13: neither UTF-8 nor Shift_JIS (CP932) text: save the sheet as CSV UTF-8 "
        "or CSV from Excel [encoding]"
    )


# --- every error, at its cell, all at once, nothing written ---------------------------------


def test_every_error_at_its_cell_and_nothing_written(imp, tmp_path):
    book = xlsx(
        tmp_path / "bad.xlsx",
        [
            ["題名"],
            ["KPI id", "名前", "実績値", "出典"],
            ["share-pct", "割合", "abc"],  # row 3
            ["app-downloads", "DL", "1,23"],
            ["share-pct", "割合", "55"],  # given twice
            ["co2-emissions", "排出量", "12人"],
            ["satisfaction-floor", "満足度", 120],
            ["new-course-participants", "講座", "△5"],
            ["shar-pct", "?", 5],
            ["割合の合計", "?", 5],
            [None, "?", 7],
            ["fertility", "出生率", "=1/0"],
            ["visitors-total", "交流", True],
        ],
        title="R8",
    )
    result = imp(book, "--lang", "en")
    assert result.exit_code == 2
    f = str(book)
    assert result.stderr.splitlines() == [
        f"{f}:R8!C3: share-pct: 'abc' is not a figure (a number like 174,275 or 47.5; empty, －, "
        "集計中 or 未集計 for no figure yet; remarks go in the note column) [not-a-number]",
        f"{f}:R8!C4: app-downloads: '1,23': digits are grouped in threes (174,275) [bad-number]",
        f"{f}:R8!A5: share-pct is given twice (also at {f}:R8!A3) [duplicate-kpi]",
        f"{f}:R8!C6: co2-emissions: '12人': the unit '人' does not match (its unit is '千t-CO₂') "
        "[wrong-unit]",
        f"{f}:R8!C7: satisfaction-floor: a percentage must be within 0–100, got 120 "
        "[percentage-range]",
        f"{f}:R8!C8: new-course-participants: this KPI's figures cannot be negative, got -5人 "
        "[negative-value]",
        f"{f}:R8!A9: unknown KPI id 'shar-pct' (did you mean 'share-pct'?) [unknown-kpi]",
        f"{f}:R8!A10: '割合の合計' is not a KPI id (ids look like share-of-…) [not-a-kpi-id]",
        f"{f}:R8!C11: a figure without a KPI id in its row [missing-id]",
        f"{f}:R8!C12: fertility: a formula (=1/0) whose value was never computed: open and save "
        "the file in Excel or LibreOffice, or type the figure [formula-without-value]",
        f"{f}:R8!C13: visitors-total: expected a number, got TRUE [not-a-number]",
        "pdca: 11 errors in 1 file",
        f"nothing was written: {tmp_path}/actuals/2026.yaml is as it was. Correct what the "
        "lines above say and run pdca import again",
    ]
    assert not (tmp_path / "actuals").exists()


def test_csv_errors_are_located_by_line_and_column(imp, tmp_path, english):
    path = tmp_path / "f.csv"
    path.write_text('title\n\nid,note,value\nshare-pct,"two\nlines",x\napp-downloads,,1\n',
                    encoding="utf-8")  # fmt: skip
    result = imp(path)
    assert result.stderr.splitlines()[0].startswith(f"{path}:4:3: share-pct: 'x' is not a figure")


def test_ods_gets_save_as_hint(imp, tmp_path, run):
    """An .ods sheet (LibreOffice's own format) is told to be saved as xlsx, as .xls is:
    in both languages, nothing written."""
    path = tmp_path / "実績.ods"
    path.write_bytes(b"PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.spreadsheet")
    ja = imp(path)
    assert ja.exit_code == 2
    assert ja.stderr.splitlines()[0] == (
        f"{path}: OpenDocument 形式（.ods）のファイルです。.xlsx か CSV で保存し直して"
        "ください（LibreOffice: ファイル > 名前を付けて保存 > Excel 2007-365 (.xlsx)） [ods-file]"
    )
    en = imp(path, "--lang", "en")
    assert en.stderr.splitlines()[0] == (
        f"{path}: an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV "
        "(LibreOffice: File > Save As, Excel 2007-365 (.xlsx)) [ods-file]"
    )
    assert not (tmp_path / "actuals").exists()


@pytest.mark.parametrize(
    ("name", "content", "code", "message"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0", "old-excel", "an .xls file (Excel 97–2003): save it as .xlsx or CSV"),
        ("notes.txt.pdf", b"%PDF", "unknown-format", "not a spreadsheet pdca reads (.xlsx or .csv)"),
        ("broken.xlsx", b"PK\x03\x04garbage", "not-a-workbook", "cannot read the workbook (encrypted or not an xlsx file)"),
        ("none.csv", None, "file-not-found", "no such file"),
        ("nohead.csv", b"a,b\n1,2\n", "no-header",
         "no header row with an id column (ID, KPI id) and a value column (実績値, value) in the first 30 rows"),
    ],
)  # fmt: skip
def test_unreadable_files(imp, tmp_path, name, content, code, message, english):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    result = imp(path)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"{path}: {message} [{code}]"


def test_no_header_in_a_workbook_is_located_at_a1(imp, tmp_path, english):
    book = xlsx(tmp_path / "n.xlsx", [["a", "b"]], title="Data")
    assert imp(book).stderr.splitlines()[0] == (
        f"{book}:Data: no header row with an id column (ID, KPI id) and a value column "
        "(実績値, value) in the first 30 rows [no-header]"
    )


def test_a_sheet_without_a_header_beside_one_with_is_skipped(imp, tmp_path):
    wb = Workbook()
    wb.active.append(["説明: このブックは…"])
    wb.create_sheet("data").append(["id", "value"])
    wb["data"].append(["share-pct", 55])
    wb.save(tmp_path / "two.xlsx")
    assert imp(tmp_path / "two.xlsx").exit_code == 0
    assert figures(tmp_path / "actuals") == {"share-pct": (55, None, None)}


def test_an_id_given_in_two_files(imp, tmp_path, english):
    a = xlsx(tmp_path / "a.xlsx", [["id", "value"], ["share-pct", 55]])
    b = tmp_path / "b.csv"
    b.write_text("id,value\nshare-pct,55\n", encoding="utf-8")
    result = imp(a, b)
    assert result.stderr.splitlines()[0] == (
        f"{b}:2:1: share-pct is given twice (also at {a}:Sheet1!A2) [duplicate-kpi]"
    )


def test_a_conflict_is_shown_at_the_cell_with_both_values(imp, tmp_path, run):
    folder = tmp_path / "actuals"
    run("record", "2026", "share-pct", "52", "--strategy", MINI, "--actuals", folder)
    book = xlsx(tmp_path / "c.xlsx", [["id", "value"], ["app-downloads", 2500], ["share-pct", 55]])
    result = imp(book)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"{book}:Sheet1!B3: share-pct: 記録済みの値と異なります — 実績値 55（記録済み 52）"
        f"（記録箇所 {folder}/2026.yaml:2:1）。置き換えるには --overwrite を付けてください [conflict]"
    )
    english = imp(book, "--lang", "en").stderr.splitlines()[0]
    assert english == (
        f"{book}:Sheet1!B3: share-pct: value 55 differs from 52 recorded at "
        f"{folder}/2026.yaml:2:1 (use --overwrite to replace it) [conflict]"
    )
    assert figures(folder) == {"share-pct": (52, None, None)}
    result = imp(book, "--overwrite")
    assert result.exit_code == 0
    assert figures(folder) == {
        "share-pct": (55, None, None),
        "app-downloads": (2500, None, None),
    }
    again = imp(book)
    assert again.exit_code == 0 and "変更なし 2" in again.stdout


def test_import_dry_run(imp, tmp_path):
    book = xlsx(tmp_path / "d.xlsx", [["id", "value"], ["share-pct", 55]])
    result = imp(book, "--dry-run")
    assert result.exit_code == 0
    assert "+share-pct: 55" in result.stdout and "--dry-run" in result.stdout
    assert not (tmp_path / "actuals").exists()


# --- the template -------------------------------------------------------------------------


def test_template_xlsx_as_a_city_clerk_gets_it(run, tmp_path, actuals_dir):
    folder = actuals_dir({2025: "share-pct: 53\n"})
    out = tmp_path / "sheets" / "2026.xlsx"
    result = run("template", "2026", "-o", out, "--strategy", MINI, "--actuals", folder)
    assert result.exit_code == 0, result.stderr
    assert "pdca import 2026" in result.stdout
    wb = load_workbook(out)
    ws = wb.active
    assert ws.title == "2026年度" and wb.properties.keywords == "pdca-template:2026"
    assert [c.value for c in ws[3]] == ["ID", "番号", "KPI", "単位", "種類", "基準値", "目標値",
                                        "前回の実績", "その年度", "2026年度の期待値", "実績値",
                                        "出典", "備考"]  # fmt: skip
    rows = {r[0].value: [c.value for c in r] for r in ws.iter_rows(min_row=4)}
    assert list(rows) == ["share-pct", "app-downloads", "visitors-total", "co2-emissions",
                          "satisfaction-floor", "fertility", "new-course-participants"]  # fmt: skip
    assert rows["share-pct"][1:10] == ["G1, 1-1-1", "割合", "%", "水準", "50%（R5）",
                                       "60%（R10）", 53, "2025 (R7)", 56]  # fmt: skip
    assert rows["visitors-total"][4] == "期間合計 (R6～R10)"
    assert rows["visitors-total"][9] == 10000  # the year's own share of 50,000 over 5 years
    assert rows["satisfaction-floor"][4] == "以上を維持"
    assert rows["fertility"][4] == "再設定" and rows["fertility"][9] is None
    assert rows["app-downloads"][4] == "累計"
    # protection: only the entry cells are unlocked
    assert ws.protection.sheet
    for cell in ws[4]:
        assert cell.protection.locked == (cell.column not in (11, 12, 13)), cell.coordinate
    # validation on every value cell, with the unit in its input message
    by_cell = {str(ref): dv for dv in ws.data_validations.dataValidation for ref in dv.sqref.ranges}
    pct = by_cell["K4"]
    assert (pct.type, pct.operator, pct.formula1, pct.formula2) == (
        "decimal",
        "between",
        "0",
        "100",
    )
    assert pct.promptTitle == "単位: %" and pct.showInputMessage
    count = next(dv for ref, dv in by_cell.items() if ref in ("K5",) or "K5" in ref)
    assert (count.operator, count.formula1, count.promptTitle) == (
        "greaterThanOrEqual",
        "0",
        "単位: 件",
    )
    assert "この年度だけの値" in next(dv for ref, dv in by_cell.items() if "K6" in ref).prompt
    assert ws.freeze_panes == "D4"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.print_title_rows == "$3:$3"
    # a long kind wraps in its narrow column, on a row tall enough for its two lines
    # (full-width characters count two): '期間合計 (R6～R10)' is 18 wide in a column of 9
    assert ws["E6"].value == "期間合計 (R6～R10)" and ws["E6"].alignment.wrap_text
    assert ws.column_dimensions["E"].width < 18 <= 2 * ws.column_dimensions["E"].width
    assert ws.row_dimensions[6].height >= 2 * 15


def test_template_in_english_for_one_goal_then_filled_and_imported(run, tmp_path):
    out = tmp_path / "2026.xlsx"
    run("template", "2026", "-o", out, "--lang", "en", "--goal", "2", "--strategy", MINI)
    wb = load_workbook(out)
    ws = wb.active
    assert ws.title == "FY2026"
    assert [c.value for c in ws[3]][:2] == ["KPI id", "Ref"]
    ids = [r[0].value for r in ws.iter_rows(min_row=4)]
    assert ids == ["co2-emissions", "satisfaction-floor", "fertility", "new-course-participants"]
    ws["K4"], ws["L4"], ws["M4"] = "2,900千t-CO₂", "環境政策課", "速報値"
    ws["K5"], ws["K6"] = "集計中", 1.31
    wb.save(out)
    result = run(
        "import", "2026", out, "--strategy", MINI, "--actuals", tmp_path / "a", "--lang", "en"
    )
    assert result.exit_code == 0, result.stderr
    assert (
        "added 2, changed 0, unchanged 0, missing 5 (blank in the sheets 1, in progress (集計中) 1)"
        in result.stdout
    )
    assert figures(tmp_path / "a") == {
        "co2-emissions": (2900, "環境政策課", "速報値"),
        "fertility": (1.31, None, None),
    }
    wrong_year = run(
        "import", "2027", out, "--strategy", MINI, "--actuals", tmp_path / "a", "--lang", "en"
    )
    assert wrong_year.exit_code == 2
    assert wrong_year.stderr.splitlines()[0] == (
        f"{out}:FY2026: this sheet was made by `pdca template 2026`; its figures are not for "
        "2027 (import it as 2026, or fill in a template for 2027) [template-year]"
    )


def test_template_csv_has_a_bom_and_imports_back(run, tmp_path):
    out = tmp_path / "2026.csv"
    assert run("template", "2026", "-o", out, "--strategy", MINI).exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfID,")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[1][0] == "share-pct" and rows[1][10:] == ["", "", ""]
    rows[1][10] = "55"
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    # as Japanese Excel saves it: CP932, what it cannot hold (₂) replaced
    out.write_bytes(text.getvalue().encode("cp932", errors="replace"))
    result = run("import", "2026", out, "--strategy", MINI, "--actuals", tmp_path / "a")
    assert result.exit_code == 0, result.stderr
    assert figures(tmp_path / "a") == {"share-pct": (55, None, None)}


def test_template_on_the_bundled_strategy(run, tmp_path):
    out = tmp_path / "t.xlsx"
    result = run("template", "R8", "-o", out, "--strategy", DATA / "strategy.yaml")
    assert result.exit_code == 0
    ws = load_workbook(out).active
    assert ws.max_row == 3 + len(load_strategy(DATA / "strategy.yaml").kpis)


@pytest.mark.parametrize(
    ("args", "message"),
    [(["-o", "x.txt"], "the sheet is FILE.xlsx or FILE.csv"), (["-o", "x.xlsx", "--goal", "9"], "no basic goal 9")],
)  # fmt: skip
def test_template_usage_errors(run, tmp_path, args, message):
    args = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    result = run("template", "2026", *args, "--strategy", MINI, "--lang", "en")
    assert result.exit_code == 2 and message in result.stderr


def _marked(path: Path, how: str) -> Path:
    from openpyxl.packaging.custom import StringProperty
    from openpyxl.workbook.defined_name import DefinedName

    wb = Workbook()
    wb.active.append(["id", "value"])
    wb.active.append(["share-pct", 55])
    if how == "property":
        wb.custom_doc_props.append(StringProperty(name="pdca-template", value="2026"))
    elif how == "name":
        wb.defined_names["pdca_template_year"] = DefinedName("pdca_template_year", attr_text="2026")
    else:  # LibreOffice rewrites the keywords "pdca-template:2026" so
        wb.properties.keywords = how
    wb.save(path)
    return path


@pytest.mark.parametrize("how", ["property", "name", "pdca-template:2026", "pdca-template 2026"])
def test_the_template_year_survives_a_round_trip_through_another_program(run, tmp_path, how):
    book = _marked(tmp_path / "t.xlsx", how)
    result = run("import", "2025", book, "--strategy", MINI, "--actuals", tmp_path / "a")
    assert result.exit_code == 2 and "[template-year]" in result.stderr
    ok = run("import", "2026", book, "--strategy", MINI, "--actuals", tmp_path / "a")
    assert ok.exit_code == 0


def test_a_note_without_a_figure_is_a_warning(imp, tmp_path, english):
    book = xlsx(tmp_path / "w.xlsx", [["id", "value", "note"], ["share-pct", "集計中", "8月確定"],
                                      ["app-downloads", 2500, None]])  # fmt: skip
    result = imp(book)
    assert result.exit_code == 0
    assert result.stderr == (
        f"{book}:Sheet1!C2: warning: share-pct: a note without a figure is not recorded "
        "[text-without-figure]\n"
    )
    assert figures(tmp_path / "actuals") == {"app-downloads": (2500, None, None)}


def test_template_missing_only(run, tmp_path, actuals_dir):
    """`pdca template YEAR --missing`: a sheet of only the KPIs `pdca missing` lists (xlsx
    and csv), which imports back like any sheet; with nothing missing, no sheet."""
    folder = actuals_dir({2026: "share-pct: 55\napp-downloads: 2000\nfertility: 1.3\n"})
    mini = ("--strategy", MINI, "--actuals", folder)
    listed = ["visitors-total", "co2-emissions", "satisfaction-floor", "new-course-participants"]
    out = tmp_path / "未提出.xlsx"
    result = run("template", "2026", "--missing", "-o", out, *mini)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        f"{out}: 2026年度 (R8) の記入シート（未提出の KPI 4 件だけ）を作成しました。"
    )
    wb = load_workbook(out)
    ws = wb.active
    ids = [r[0].value for r in ws.iter_rows(min_row=4)]
    assert sorted(ids) == sorted(listed)
    assert ws.print_title_rows == "$3:$3"  # the page setup of every template is kept
    row = {r[0].value: r[0].row for r in ws.iter_rows(min_row=4)}["co2-emissions"]
    ws[f"K{row}"] = "2,900"
    wb.save(out)
    imported = run("import", "2026", out, *mini)
    assert imported.exit_code == 0, imported.stderr
    assert "追加 1" in imported.stdout
    assert figures(folder)["co2-emissions"] == (2900, None, None)

    sheet = tmp_path / "missing.csv"
    english = run(
        "template", "2026", "--missing", "-o", sheet, "--goal", "2", *mini, "--lang", "en"
    )
    assert english.exit_code == 0
    assert "only the 2 KPIs with no figure yet" in english.stdout
    rows = list(csv.reader(io.StringIO(sheet.read_bytes().decode("utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == ["satisfaction-floor", "new-course-participants"]

    everything = "".join(f"{k}: 1\n" for k in listed)
    (folder / "2026.yaml").write_text(everything + "share-pct: 55\napp-downloads: 2000\n"
                                      "fertility: 1.3\n", encoding="utf-8")  # fmt: skip
    none = tmp_path / "none.xlsx"
    result = run("template", "2026", "--missing", "-o", none, *mini)
    assert result.exit_code == 0
    assert result.stdout == "2026年度 (R8): 未提出の KPI はありません。シートは作成していません\n"
    assert not none.exists()
