"""Small helpers shared by the xlsx files pdca writes (the fill-in sheet, the check export):
column widths that fit Japanese text, A4 landscape printing, safe cell values."""

from __future__ import annotations

import io
import unicodedata
from typing import Any

from ..present import escape


def text_width(text: str) -> int:
    """Width in Excel's character units: a full-width (Japanese) character counts two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def cell_value(value: Any) -> Any:
    """A value for a cell: numbers stay numbers; text can never become a formula."""
    return escape.spreadsheet(value)


def fit_columns(ws, widths: dict[int, tuple[int, int]], header_row: int) -> None:
    """Set each column's width to its longest line (min, max), from header_row down."""
    from openpyxl.utils import get_column_letter

    longest: dict[int, int] = {}
    for row in ws.iter_rows(min_row=header_row):
        for cell in row:
            if cell.value is None:
                continue
            text = cell.value if isinstance(cell.value, str) else f"{cell.value:,}"
            width = max(text_width(line) for line in str(text).split("\n"))
            longest[cell.column] = max(longest.get(cell.column, 0), width)
    for column, (low, high) in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = min(
            max(longest.get(column, 0) + 2, low), high
        )


def print_a4_landscape(ws, title_rows: str) -> None:
    """A4 landscape, all columns on one page wide, the header row repeated on every page."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = title_rows
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "&P / &N"


def to_bytes(wb) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
