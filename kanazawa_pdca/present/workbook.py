"""Small helpers shared by the xlsx files pdca writes (the fill-in sheet, the check export):
column widths that fit Japanese text, rows tall enough for their wrapped text, figures at a
KPI's precision, and sheets that print legibly on A4 landscape, safe cell values.

Printing: a sheet is fitted to the page's width only (as many pages tall as it takes), its
header row repeated on every page. The columns are kept narrow enough (long texts wrap)
that the fitted scale leaves the text at 8 pt or more; a title or help line is merged over
the table's columns and wrapped, since text overflowing past the last column widens what
is printed, and so shrinks it. Neither LibreOffice nor Excel reliably grows a row for its
wrapped text when opening a file, so each row is given its height here.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from typing import Any

from . import escape

LINE_PT = 15.0  # the height of a line of 11 pt text (Excel's default row height)
WIDE_LINE_PT = 18.75  # a line with Japanese in it (the row height of 11 pt 游ゴシック)
LATIN = 1.0  # a Latin letter in column-width units (a digit is 1; most letters are less)


def text_width(text: str) -> int:
    """Width in Excel's character units: a full-width (Japanese) character counts two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def cell_value(value: Any) -> Any:
    """A value for a cell: numbers stay numbers; text can never become a formula."""
    return escape.spreadsheet(value)


def figure_format(digits: int) -> str:
    """The number format that shows a figure with `digits` decimals: '#,##0', '#,##0.0'…

    (Not '#,##0.##', which shows 14593 as '14,593.' in Excel and 27432.17 as '27,432.17'.)
    """
    return "#,##0" + ("." + "0" * digits if digits > 0 else "")


def shown_text(value: Any, number_format: str = "General") -> str:
    """The text a cell shows for `value` under the number formats pdca writes."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    if number_format.endswith("%"):
        digits = len(number_format.split(".")[1]) - 1 if "." in number_format else 0
        return f"{value * 100:,.{digits}f}%"
    if number_format.startswith("#,##0"):
        digits = len(number_format.split(".")[1]) if "." in number_format else 0
        return f"{value:,.{digits}f}"
    return f"{value:,}"


def fit_columns(
    ws, widths: dict[int, tuple[int, int]], first_row: int, header_row: int | None = None
) -> None:
    """Set each column's width to its longest shown line (min, max), from first_row down:
    the text and a margin (a number, aligned right, needs less). A header (wrapped) needs
    room for its longest word at least: 'Progress' is not broken as 'Progre' / 'ss'."""
    from openpyxl.utils import get_column_letter

    longest: dict[int, float] = {}
    header_words: dict[int, float] = {}
    if header_row is not None:
        for cell in ws[header_row]:
            if isinstance(cell.value, str) and cell.value:
                word = max(_units(piece.rstrip()) for piece in _pieces(cell.value))
                header_words[cell.column] = word + 1
    for row in ws.iter_rows(min_row=first_row):
        for cell in row:
            if cell.value is None:
                continue
            text = shown_text(cell.value, cell.number_format)
            width = max(text_width(line) for line in text.split("\n"))
            width += 1 if isinstance(cell.value, int | float) else 2
            longest[cell.column] = max(longest.get(cell.column, 0), width)
    for column, (low, high) in widths.items():
        width = min(max(longest.get(column, 0), low), high)
        ws.column_dimensions[get_column_letter(column)].width = math.ceil(
            max(width, header_words.get(column, 0))
        )


_BREAK_AFTER = re.compile(r"[^\s\-/,・、]*[\s\-/,・、]?")


def wrapped_lines(text: str, width: float) -> int:
    """How many lines `text` takes when wrapped in a column `width` units wide: a line
    breaks at spaces, hyphens, slashes and commas, and anywhere between Japanese characters;
    a word longer than the line is broken inside. Generous rather than tight."""
    usable = max(width - 1.5, 1.0)  # the cell's own padding
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for word in _pieces(paragraph):
            size = _units(word)
            if used and used + _units(word.rstrip()) > usable:
                lines += 1
                used = 0.0
            while size > usable:  # a word longer than a line
                lines += 1
                size -= usable
            used += size
    return max(lines, 1)


def _pieces(text: str) -> list[str]:
    """Text cut where a line may break: after a space or hyphen, around each wide character."""
    out: list[str] = []
    for part in _BREAK_AFTER.findall(text):
        word = ""
        for ch in part:
            if unicodedata.east_asian_width(ch) in "WF":
                if word:
                    out.append(word)
                out.append(ch)
                word = ""
            else:
                word += ch
        if word:
            out.append(word)
    return out


def _units(text: str) -> float:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else LATIN for c in text)


def _line_pt(text: str, size: float) -> float:
    wide = any(unicodedata.east_asian_width(c) in "WF" for c in text)
    return (WIDE_LINE_PT if wide else LINE_PT) * size / 11


def text_height(text: str, width: float, size: float = 11) -> float:
    """The height (pt) of `text` wrapped in a column `width` units wide, at `size` pt."""
    return wrapped_lines(text, width * 11 / size) * _line_pt(text, size) + 2


def fit_rows(ws, first_row: int) -> None:
    """Give each row from first_row the height of its tallest cell: a wrapped cell takes as
    many lines as its text needs in its column's width (nothing is cut off in print); a cell
    that does not wrap shows what fits of its lines."""
    from openpyxl.utils import get_column_letter

    widths = {}
    for row in ws.iter_rows(min_row=first_row):
        tallest = LINE_PT
        for cell in row:
            if cell.value is None:
                continue
            text = shown_text(cell.value, cell.number_format)
            size = (cell.font.sz if cell.font is not None else None) or 11
            if cell.alignment is not None and cell.alignment.wrap_text:
                letter = get_column_letter(cell.column)
                if letter not in widths:
                    widths[letter] = ws.column_dimensions[letter].width or 8.43
                height = text_height(text, widths[letter], size)
            else:
                height = text.count("\n") * _line_pt(text, size) + _line_pt(text, size) + 2
            tallest = max(tallest, height)
        ws.row_dimensions[row[0].row].height = math.ceil(tallest)


def banner(ws, row: int, text: str, last_column: int, font) -> None:
    """A line of text (a title, a help line) over columns 1..last_column: merged and
    wrapped so that it prints within the table's width, its row as tall as it needs.
    Call it after the columns have their widths."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    cell = ws.cell(row, 1, cell_value(text))
    cell.font = font
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_column)
    width = sum(
        ws.column_dimensions[get_column_letter(c)].width or 8.43 for c in range(1, last_column + 1)
    )
    ws.row_dimensions[row].height = math.ceil(text_height(text, width, font.sz or 11))


def print_a4_landscape(ws, title_rows: str) -> None:
    """A4 landscape, fitted to the page's width only (as many pages tall as it takes), narrow
    margins, the header row repeated on every page, page numbers in the footer."""
    from openpyxl.worksheet.page import PageMargins

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(
        left=0.25, right=0.25, top=0.5, bottom=0.6, header=0.3, footer=0.3
    )
    ws.print_title_rows = title_rows
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "&P / &N"


def to_bytes(wb) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
