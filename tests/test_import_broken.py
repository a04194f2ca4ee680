"""`pdca import` on broken and hostile spreadsheets: a located one-line diagnostic, exit 2,
nothing written, no traceback, and never a hang or silently dropped rows."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from test_cli_import import figures, xlsx

from conftest import MINI
from kanazawa_pdca.entry import sheets

# these tests pin pdca's English wording (the Japanese is tested in test_diagnostic_catalogue)
pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def imp(run, tmp_path):
    def _imp(*args):
        return run("import", "2026", *args, "--strategy", MINI, "--actuals", tmp_path / "actuals")

    return _imp


def refused(result, tmp_path, first_line: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines()[0] == first_line
    assert "Traceback" not in result.output
    assert not (tmp_path / "actuals" / "2026.yaml").exists()


def _rewrite_sheet(book: Path, out: Path, change) -> Path:
    """Copy an xlsx file, passing sheet1.xml through `change` (bytes -> bytes)."""
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = change(data)
            dst.writestr(info, data)
    return out


@pytest.mark.parametrize(
    ("text", "shown"),
    [("#DIV/0!", "#DIV/0!"), ("#N/A", "#N/A"), ("#VALUE!", "#VALUE!"), ("Err:502", "Err:502")],
)
def test_an_error_value_is_named_as_such(imp, tmp_path, text, shown):
    wb = Workbook()
    wb.active.append(["id", "value"])
    wb.active.append(["app-downloads", 1])
    wb.active["B2"].value = text
    if text.startswith("#"):
        wb.active["B2"].data_type = "e"  # as Excel saves a failed formula's value
    wb.save(tmp_path / "e.xlsx")
    refused(
        imp(tmp_path / "e.xlsx"),
        tmp_path,
        f"{tmp_path / 'e.xlsx'}:Sheet!B2: app-downloads: {shown!r}: the cell shows a "
        "spreadsheet error, not a figure (correct the formula, or type the figure) [cell-error]",
    )


def test_a_value_merged_over_two_kpis_is_an_error(imp, tmp_path):
    book = tmp_path / "m.xlsx"
    wb = Workbook()
    ws = wb.active
    for row in [["id", "value"], ["share-pct", 55], ["app-downloads", None]]:
        ws.append(row)
    ws.merge_cells("B2:B3")
    wb.save(book)
    refused(
        imp(book),
        tmp_path,
        f"{book}:Sheet!B2: cells B2:B3 are merged over 2 rows: give each KPI its id and its "
        "figure in its own row (unmerge the cells) [merged-cell]",
    )


def test_a_source_merged_over_rows_is_each_rows_source(imp, tmp_path):
    book = tmp_path / "s.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["表題"])
    ws.merge_cells("A1:C1")  # a merged title above the header is fine
    for row in [
        ["id", "value", "出典"],
        ["share-pct", 55, "市民意識調査"],
        ["app-downloads", 2000],
    ]:
        ws.append(row)
    ws.merge_cells("C3:C4")
    wb.save(book)
    result = imp(book)
    assert result.exit_code == 0, result.output
    assert figures(tmp_path / "actuals") == {
        "share-pct": (55, "市民意識調査", None),
        "app-downloads": (2000, "市民意識調査", None),
    }


def test_a_stale_dimension_drops_no_row(imp, tmp_path):
    """Some writers leave <dimension ref="A1:B2"/> after adding rows: openpyxl's read-only
    mode would stop at row 2 and the third row would vanish without a word."""
    book = xlsx(tmp_path / "d0.xlsx", [["id", "value"], ["share-pct", 55], ["app-downloads", 2000]])
    stale = _rewrite_sheet(
        book, tmp_path / "d.xlsx", lambda d: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:B2"', d)
    )  # fmt: skip
    assert imp(stale).exit_code == 0
    assert set(figures(tmp_path / "actuals")) == {"share-pct", "app-downloads"}


def test_a_cell_at_xfd1048576_is_no_denial_of_service(imp, tmp_path):
    """A 5 KB file whose one stray cell sits in the last column of the last row: read as
    declared, every row is padded to 16,384 cells (gigabytes, minutes)."""
    wb = Workbook()
    wb.active.append(["id", "value"])
    wb.active.append(["share-pct", 55])
    wb.active["XFD1048576"] = "x"
    wb.save(tmp_path / "far.xlsx")
    result = imp(tmp_path / "far.xlsx")
    assert result.exit_code == 0, result.output
    assert set(figures(tmp_path / "actuals")) == {"share-pct"}


def test_too_many_cells_in_a_sheet(imp, tmp_path, monkeypatch):
    monkeypatch.setattr(sheets, "MAX_CELLS", 50)
    book = xlsx(tmp_path / "big.xlsx", [["id", "value", "x"]] + [[None, None, "filler"]] * 30)
    refused(
        imp(book),
        tmp_path,
        f"{book}:Sheet1!A17: more than 50 cells in this sheet: larger than a fill-in sheet "
        "can be (delete what is not the table, or copy the table into a new workbook) [too-large]",
    )


def test_a_zip_bomb_is_refused_before_it_is_unpacked(imp, tmp_path, monkeypatch):
    monkeypatch.setattr(sheets, "MAX_UNPACKED", 1_000_000)
    book = xlsx(tmp_path / "b0.xlsx", [["id", "value"], ["share-pct", 55]])
    bomb = _rewrite_sheet(
        book, tmp_path / "bomb.xlsx", lambda d: d.replace(b"<sheetData>", b"<!--" + b"A" * 2_000_000 + b"--><sheetData>")
    )  # fmt: skip
    assert bomb.stat().st_size < 100_000
    result = imp(bomb)
    assert result.exit_code == 2
    assert re.fullmatch(
        rf"{re.escape(str(bomb))}: unpacks to [\d,]+ bytes: larger than a fill-in sheet can "
        r"be \[too-large\]",
        result.stderr.splitlines()[0],
    )


def test_csv_with_mixed_encodings_is_refused_not_read_as_mojibake(imp, tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        "id,value,note\nshare-pct,55,速報値\n".encode()
        + "app-downloads,2000,集計中です\n".encode("cp932")
    )
    refused(
        imp(path),
        tmp_path,
        f"{path}:3:1: line 3 is not UTF-8 but line 2 is: the file mixes encodings; save it "
        "again as CSV UTF-8 [encoding]",
    )


def test_csv_with_a_nul_byte(imp, tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes(b"id,value\nshare-pct,5\x005\n")
    refused(
        imp(path),
        tmp_path,
        f"{path}:2:2: share-pct: '5\\x005' is not a figure (a number like 174,275 or 47.5; "
        "empty, －, 集計中 or 未集計 for no figure yet; remarks go in the note column) "
        "[not-a-number]",
    )


def test_template_never_replaces_a_filled_sheet_unless_forced(run, tmp_path):
    """The README names the template and the filled sheet alike (2026.xlsx): running step 1
    again must not wipe what a department typed in."""
    sheet = tmp_path / "2026.xlsx"
    assert run("template", "2026", "-o", sheet, "--strategy", MINI).exit_code == 0
    filled = sheet.read_bytes()
    again = run("template", "2026", "-o", sheet, "--strategy", MINI)
    assert again.exit_code == 2
    assert "2026.xlsx exists (a filled sheet would be lost): give another name, or --force" in (
        again.stderr
    )
    assert sheet.read_bytes() == filled
    assert run("template", "2026", "-o", sheet, "--strategy", MINI, "--force").exit_code == 0


def test_too_many_cells_in_a_csv(imp, tmp_path, monkeypatch):
    monkeypatch.setattr(sheets, "MAX_CELLS", 50)
    path = tmp_path / "big.csv"
    path.write_text("id,value\nshare-pct,55\n" + ",,filler\n" * 30, encoding="utf-8")
    refused(
        imp(path),
        tmp_path,
        f"{path}:18:1: more than 50 cells in this sheet: larger than a fill-in sheet can be "
        "(delete what is not the table, or copy the table into a new workbook) [too-large]",
    )
