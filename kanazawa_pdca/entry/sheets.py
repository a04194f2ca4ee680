"""Spreadsheet files -> rows of cells, each cell with its location.

xlsx (openpyxl) cells are located as FILE.xlsx:SHEET!C12; CSV cells as FILE.csv:LINE:COL,
LINE the line the row starts on and COL the column's number (A = 1), as a spreadsheet
numbers it. CSV is read as UTF-8 (with or without a BOM), else as CP932 (Shift_JIS as
Japanese Excel saves it); UTF-16 with a BOM (Excel's "Unicode text") is read too.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, InputError, Location

MAX_BYTES = 50 * 1024 * 1024  # a fill-in sheet is a few hundred KB; refuse anything absurd
MAX_UNPACKED = 200 * 1024 * 1024  # an xlsx is a zip: what it unpacks to (a zip bomb)
# a part openpyxl reads whole before the first row (the shared strings; the content types
# that name them): a sheet of 10,000 KPIs saved by Excel holds about 3 MB of strings, and
# 51 MB of them took openpyxl over 12 s, 15 MB 5 s of CPU
MAX_STRINGS = 8 * 1024 * 1024
MAX_CELLS = 1_000_000  # per sheet, as read (a stray cell at XFD1048576 makes rows wide)
# a workbook made by `pdca template YEAR` carries its year three ways (LibreOffice keeps
# the custom property and the defined name, and rewrites the keywords)
TEMPLATE_MARK = "pdca-template"  # custom document property, and the keywords' prefix
TEMPLATE_NAME = "pdca_template_year"  # workbook-level defined name


@dataclass(frozen=True)
class Cell:
    value: Any  # str, int, float, datetime, bool or None
    location: Location
    percent: bool = False  # an xlsx number shown as a percentage (0.475 shown as 47.5%)
    formula: str | None = None  # an xlsx formula whose value was never computed


@dataclass
class Sheet:
    file: str  # as shown in messages
    name: str | None  # None for CSV
    rows: list[list[Cell]] = field(default_factory=list)
    template_year: int | None = None  # set when `pdca template YEAR` made the workbook
    # merged cell ranges (xlsx) as 1-based (first row, first column, last row, last column)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)

    def origin(self) -> Location:
        """The sheet as a whole: FILE.xlsx:SHEET, or FILE for a CSV (no made-up A1 / 1:1)."""
        return Location(self.file, sheet=self.name)


HEADER_ROWS = 30  # how far down the header row is looked for


def header_key(text: object) -> str:
    """'KPI id' -> 'kpiid', '実績値（R8）' -> '実績値', 'Value (FY2026)' -> 'value'."""
    if not isinstance(text, str):
        return ""
    s = unicodedata.normalize("NFKC", text).lower()
    s = re.sub(r"[(\[【].*?[)\]】]", "", s)
    return re.sub(r"[\s_\-・:：*※]", "", s)


def find_header(
    sheet: Sheet, role_of: Callable[[object], str | None], needed: Iterable[str]
) -> tuple[int, dict[str, int]] | None:
    """(index of the header row, role -> column index): the first of the first HEADER_ROWS
    rows whose cells name every needed role (`role_of` names a cell's role); or None."""
    needed = tuple(needed)
    for i, row in enumerate(sheet.rows[:HEADER_ROWS]):
        roles: dict[str, int] = {}
        for j, cell in enumerate(row):
            role = role_of(cell.value)
            if role and role not in roles:
                roles[role] = j
        if all(r in roles for r in needed):
            return i, roles
    return None


def read_sheets(path: Path, shown: str) -> list[Sheet]:
    """Every sheet of an xlsx file, or the one table of a CSV file; InputError if unreadable."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise _error(shown, "file-not-found") from None
    except OSError as exc:
        raise _error(shown, "unreadable", detail=exc.strerror) from None
    if not path.is_file():
        raise _error(shown, "not-a-file")
    if size > MAX_BYTES:
        raise _error(shown, "too-large", n=size)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, shown)
    if suffix in (".csv", ".txt", ".tsv"):
        return [_read_csv(path, shown)]
    if suffix == ".xls":
        raise _error(shown, "old-excel")
    if suffix in (".ods", ".fods"):  # LibreOffice's own format: saved as xlsx it reads
        raise _error(shown, "ods-file")
    raise _error(shown, "unknown-format")


def _error(file: str, code: str, variant: str | None = None, **values) -> InputError:
    return InputError([Diagnostic(Location(file), code, values, variant=variant)])


# --- xlsx --------------------------------------------------------------------------------


def _read_xlsx(path: Path, shown: str) -> list[Sheet]:
    """The workbook's sheets; a file the zip, deflate or XML layer cannot read is
    `not-a-workbook` (a damaged file says so), never a traceback."""
    try:
        return _read_workbook(path, shown)
    except InputError:
        raise
    except Exception as exc:
        if isinstance(exc, _unreadable_kinds()):
            raise _unreadable(shown, exc) from None
        raise


def _unreadable(shown: str, exc: BaseException) -> InputError:
    import zlib

    if isinstance(exc, zipfile.BadZipFile) and "CRC" not in str(exc):
        return _error(shown, "not-a-workbook", "zip")
    if isinstance(exc, zipfile.BadZipFile | zlib.error | EOFError):
        return _error(shown, "not-a-workbook", "damaged")  # a bad deflate stream, CRC, cut off
    detail = str(exc).strip() or type(exc).__name__
    if isinstance(exc, SyntaxError):  # xml.etree's ParseError (and lxml's) are SyntaxErrors
        return _error(shown, "not-a-workbook", "xml", detail=detail)
    return _error(shown, "not-a-workbook", detail=detail[:200])


def _unreadable_kinds() -> tuple[type[BaseException], ...]:
    import struct
    import zlib

    from openpyxl.utils.exceptions import InvalidFileException

    return (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        struct.error,
        LookupError,  # KeyError: a part the workbook names is missing; IndexError
        AttributeError,
        OSError,
        ValueError,  # UnicodeDecodeError too
        TypeError,
        RuntimeError,  # zipfile: an encrypted member
        NotImplementedError,  # zipfile: a compression method it does not know
        SyntaxError,  # malformed XML
        InvalidFileException,
    )


def _values_of_every_sheet(path: Path, shown: str):
    """The workbook (read-only, the values Excel saved), as load_workbook reads it; a sheet
    the workbook lists whose part is missing from the zip is `not-a-workbook` (openpyxl
    would skip it, and its figures would be lost without a word)."""
    from openpyxl.reader.excel import ExcelReader

    reader = ExcelReader(path, read_only=True, data_only=True)
    reader.read()
    for sheet, rel in reader.parser.find_sheets():
        if rel.target not in reader.valid_files:
            reader.wb.close()
            raise _error(shown, "not-a-workbook", "missing-sheet", sheet=sheet.name)
    return reader.wb


def _read_workbook(path: Path, shown: str) -> list[Sheet]:
    import warnings

    from openpyxl import load_workbook

    merged = _unpacked_and_merged(path, shown)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles it does not know
        values = _values_of_every_sheet(path, shown)
        # formulas are read (a second pass) only when there are any
        formulas = load_workbook(path, read_only=True) if _has_formulas(path) else None
    try:
        year = template_year(values)
        sheets = []
        formula_sheets = formulas.worksheets if formulas else [None] * len(values.worksheets)
        for ws, wf in zip(values.worksheets, formula_sheets, strict=True):
            path_in_zip = getattr(ws, "_worksheet_path", "")
            sheet = Sheet(shown, ws.title, template_year=year, merged=merged.get(path_in_zip, []))
            # the rows as they are in the file, not as its <dimension> claims: a stale
            # dimension would cut rows off silently, a far one pad every row to XFD
            for each in (ws, wf):
                if each is not None:
                    each.reset_dimensions()
            formula_rows = wf.iter_rows() if wf is not None else iter(())
            cells_read = 0
            for r, row in enumerate(ws.iter_rows(), start=1):
                frow = next(formula_rows, ())
                cells_read += len(row)
                if cells_read > MAX_CELLS:
                    raise _too_many_cells(Location(shown, r, 1, ws.title))
                cells = []
                for c, cell in enumerate(row, start=1):
                    value = getattr(cell, "value", None)
                    raw = getattr(frow[c - 1], "value", None) if c <= len(frow) else None
                    formula = raw if isinstance(raw, str) and raw.startswith("=") else None
                    if formula is not None and value is not None:
                        formula = None  # computed: use the value Excel saved
                    fmt = getattr(cell, "number_format", "") or ""
                    percent = isinstance(value, int | float) and shows_percent(fmt)
                    cells.append(Cell(value, Location(shown, r, c, ws.title), percent, formula))
                sheet.rows.append(cells)
            sheets.append(sheet)
        return sheets
    finally:
        values.close()
        if formulas is not None:
            formulas.close()


_MERGE_CELL = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*\bref=\"([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?\"")


def _unpacked_and_merged(path: Path, shown: str) -> dict[str, list[tuple[int, int, int, int]]]:
    """Refuse a workbook that unpacks to more than MAX_UNPACKED (the sizes its zip
    declares, which Python's zipfile holds each member to); return the merged ranges of
    each worksheet part ('xl/worksheets/sheet1.xml' -> ranges), which openpyxl's
    read-only mode does not give."""
    from openpyxl.utils import column_index_from_string

    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            unpacked = sum(info.file_size for info in infos)
            if unpacked > MAX_UNPACKED:
                raise _error(shown, "too-large", "unpacked", n=unpacked)
            for name in _parts_read_whole(archive):
                size = archive.getinfo(name).file_size
                if size > MAX_STRINGS:
                    raise _error(shown, "too-large", "part", part=name, n=size, max=MAX_STRINGS)
            merged: dict[str, list[tuple[int, int, int, int]]] = {}
            for info in infos:
                name = info.filename
                if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                    continue
                with archive.open(info) as handle:
                    tail = b""
                    while chunk := handle.read(1 << 20):
                        data = tail + chunk
                        for m in _MERGE_CELL.finditer(data):
                            c1, r1, c2, r2 = m.group(1), m.group(2), m.group(3), m.group(4)
                            first = (int(r1), column_index_from_string(c1.decode()))
                            last = (int(r2), column_index_from_string(c2.decode())) if c2 else first
                            merged.setdefault(name, []).append((*first, *last))
                        tail = data[-200:] if b"<" in data[-200:] else b""
                        if tail:
                            tail = tail[tail.rfind(b"<") :]
            for ranges in merged.values():
                ranges[:] = sorted(set(ranges))
            return merged
    except (zipfile.BadZipFile, OSError, ValueError):
        return {}  # load_workbook says what is wrong with the file


_FORMAT_LITERAL = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def shows_percent(number_format: str) -> bool:
    """Whether a cell's number format multiplies by 100 (`0.0%`), not one that only writes
    a percent sign after the number (`0.0"%"`, `0.0\\%`): what the cell shows is the figure.
    Quoted text, an escaped character and a [colour] or [condition] are literals."""
    return "%" in _FORMAT_LITERAL.sub("", number_format)


def _parts_read_whole(archive: zipfile.ZipFile) -> list[str]:
    """The content types part and the shared strings part it names (as openpyxl finds it):
    what is read into memory whole before the first row."""
    from xml.etree.ElementTree import fromstring

    from openpyxl.packaging.manifest import Manifest
    from openpyxl.xml.constants import ARC_CONTENT_TYPES, SHARED_STRINGS

    try:
        info = archive.getinfo(ARC_CONTENT_TYPES)
    except KeyError:
        return []  # not a workbook: load_workbook says so
    if info.file_size > MAX_STRINGS:
        return [ARC_CONTENT_TYPES]
    found = Manifest.from_tree(fromstring(archive.read(info))).find(SHARED_STRINGS)
    names = set(archive.namelist())
    part = found.PartName[1:] if found is not None else None
    return [ARC_CONTENT_TYPES, *([part] if part in names else [])]


def _too_many_cells(where: Location) -> InputError:
    return InputError([Diagnostic(where, "too-large", {"n": MAX_CELLS}, variant="cells")])


def _has_formulas(path: Path) -> bool:
    """Whether any worksheet of the xlsx file holds a formula (an <f> element)."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                with archive.open(name) as handle:
                    tail = b""
                    while chunk := handle.read(1 << 20):
                        data = tail + chunk  # a tag split between two chunks is still seen
                        if any(tag in data for tag in (b"<f>", b"<f ", b":f>", b":f ")):
                            return True
                        tail = chunk[-3:]
    return False


def template_year(wb) -> int | None:
    """The year of a workbook made by `pdca template`, None for any other workbook."""
    import re

    found = [str(p.value) for p in wb.custom_doc_props.props if p.name == TEMPLATE_MARK]
    name = wb.defined_names.get(TEMPLATE_NAME)
    if name is not None:
        found.append(str(name.attr_text))
    keywords = wb.properties.keywords or ""
    if match := re.match(rf"{TEMPLATE_MARK}\W*(\d{{4}})$", keywords):
        found.append(match[1])
    for text in found:
        if text.strip().isdigit():
            return int(text.strip())
    return None


# --- csv ---------------------------------------------------------------------------------


def decode_csv(data: bytes, shown: str) -> str:
    """UTF-8 (a BOM is dropped), UTF-16 with a BOM, else CP932; an error names the place."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8:
        _not_mixed(data, shown)
        try:
            return data.decode("cp932")
        except UnicodeDecodeError:
            at = utf8.start
            line = data[:at].count(b"\n") + 1
            column = at - (data.rfind(b"\n", 0, at) + 1) + 1
            raise InputError(
                [Diagnostic(Location(shown, line, column), "encoding", variant="csv")]
            ) from None


def _not_mixed(data: bytes, shown: str) -> None:
    """A file that is not UTF-8 as a whole but has lines of Japanese in UTF-8 mixes
    encodings (rows pasted from two files): read as CP932 those lines would be mojibake.
    (A Shift_JIS line of Japanese is almost never valid UTF-8.)"""
    utf8_line = bad_line = None
    for number, line in enumerate(data.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad_line = bad_line or number
            continue
        if utf8_line is None and re.search(rb"[\xe0-\xef][\x80-\xbf]{2}", line):
            utf8_line = number
        if utf8_line and bad_line:
            raise InputError(
                [
                    Diagnostic(
                        Location(shown, bad_line, 1),
                        "encoding",
                        {"bad": bad_line, "good": utf8_line},
                        variant="mixed",
                    )
                ]
            )


def _read_csv(path: Path, shown: str) -> Sheet:
    text = decode_csv(path.read_bytes(), shown)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = "\t" if first.count("\t") > first.count(",") else ","
    sheet = Sheet(shown, None)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    cells_read = 0
    try:
        for row in reader:
            cells_read += len(row)
            if cells_read > MAX_CELLS:
                raise _too_many_cells(Location(shown, line, 1))
            sheet.rows.append(
                [Cell(v, Location(shown, line, c)) for c, v in enumerate(row, start=1)]
            )
            line = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(
            [
                Diagnostic(
                    Location(shown, reader.line_num or 1, 1), "csv-syntax", {"detail": str(exc)}
                )
            ]
        ) from None
    return sheet
