"""Filled sheets -> figures for the writer, and every problem at its cell.

A sheet is read from its header row: the first row (of the first 30) that has an id column
and a value column, named in Japanese or English (`ID` / `KPI id`, `実績値` / `実績` /
`value`, optional `出典` / `source`, `備考` / `note`). Rows above it (a title) are ignored;
below it, a row with no id and no figure is ignored (a blank line, a remark under the
table), so is a remark in the id column next to an empty value cell. What is left must be
right: a figure without an id, an unknown id, a value that is not a figure, a figure out
of range, an id given twice — each is an error at its cell.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, InputError, Location
from ..i18n.messages import Phrase
from ..model.strategy import KPI_ID_PATTERN, Strategy
from .numbers import FigureError, NoFigure, in_range, parse_figure, refuse_outlier
from .sheets import HEADER_ROWS, Cell, Sheet, find_header, header_key, read_sheets
from .writer import Figure, figure_problems

# normalised header text -> column; see sheets.header_key
HEADERS: dict[str, set[str]] = {
    "id": {"id", "kpiid", "kpi識別子", "識別子", "指標id"},
    "value": {"value", "actual", "figure", "実績値", "実績", "値", "数値", "今年度実績"},
    "source": {"source", "出典", "出所", "資料", "データ出典", "出典元"},
    "note": {"note", "notes", "remark", "remarks", "comment", "備考", "注記", "メモ", "注"},
}
_YEAR_VALUE = re.compile(r"^(?:.*年度|fy\d{4})?(?:実績値?|value|actual)$")
_ID = re.compile(KPI_ID_PATTERN)


@dataclass
class ReadResult:
    figures: list[Figure] = field(default_factory=list)
    blanks: list[tuple[str, Location]] = field(default_factory=list)  # ids with no figure yet
    pending: list[tuple[str, Location]] = field(default_factory=list)  # of those, 集計中
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def header_role(text: object) -> str | None:
    key = header_key(text)
    if not key:
        return None
    for role, names in HEADERS.items():
        if key in names:
            return role
    if _YEAR_VALUE.match(key):
        return "value"
    return None


def read_figures(
    paths: list[tuple[Path, str]], strategy: Strategy, year: int, *, accept_outliers: bool = False
) -> ReadResult:
    """Read every sheet of every file; the result holds all figures and all problems (a
    unit slip among them, unless `accept_outliers`)."""
    result = ReadResult()
    seen: dict[str, Location] = {}
    for path, shown in paths:
        try:
            sheets = read_sheets(path, shown)
        except InputError as exc:
            result.diagnostics += exc.diagnostics
            continue
        found = [s for s in sheets if _header(s) is not None]
        if not found:
            where = sheets[0].origin() if sheets else Location(shown)
            result.diagnostics.append(
                Diagnostic(
                    where,
                    "no-header",
                    {"n": HEADER_ROWS},
                    variant="any-sheet" if len(sheets) > 1 else None,
                )
            )
        for sheet in found:
            if sheet.template_year is not None and sheet.template_year != year:
                result.diagnostics.append(
                    Diagnostic(
                        sheet.origin(),
                        "template-year",
                        {"made": sheet.template_year, "year": year},
                    )
                )
                continue
            _read_sheet(sheet, strategy, year, result, seen, accept_outliers)
    return result


def _header(sheet: Sheet) -> tuple[int, dict[str, int]] | None:
    """(index of the header row, role -> column index), or None."""
    return find_header(sheet, header_role, ("id", "value"))


def _cell(row: list[Cell], index: int | None) -> Cell | None:
    if index is None or index >= len(row):
        return None
    return row[index]


def _empty(cell: Cell | None) -> bool:
    return (
        cell is None
        or cell.value is None
        or (isinstance(cell.value, str) and not cell.value.strip())
    )


def _read_sheet(
    sheet: Sheet,
    strategy: Strategy,
    year: int,
    result: ReadResult,
    seen: dict[str, Location],
    accept_outliers: bool = False,
) -> None:
    found = _header(sheet)
    assert found is not None
    header_index, roles = found
    _merged_cells(sheet, header_index, roles, result)
    ids = strategy.kpi_ids
    for row in sheet.rows[header_index + 1 :]:
        id_cell = _cell(row, roles["id"])
        value_cell = _cell(row, roles["value"])
        raw_id = (
            "" if _empty(id_cell) else unicodedata.normalize("NFKC", str(id_cell.value)).strip()
        )
        if not raw_id:
            if not _no_figure(value_cell):
                result.diagnostics.append(
                    Diagnostic(value_cell.location, "missing-id")  # type: ignore[union-attr]
                )
            continue
        assert id_cell is not None
        if raw_id not in ids:
            if not _ID.match(raw_id) and _no_figure(value_cell):
                continue  # a remark under (or beside) the table, not a KPI row
            result.diagnostics.append(_unknown(raw_id, id_cell.location, ids))
            continue
        if raw_id in seen:
            result.diagnostics.append(
                Diagnostic(
                    id_cell.location, "duplicate-kpi", {"id": raw_id, "at": str(seen[raw_id])}
                )
            )
            continue
        seen[raw_id] = id_cell.location
        figure = _figure(raw_id, value_cell, row, roles, strategy, year, result, accept_outliers)
        if figure is not None:
            result.figures.append(figure)


def _merged_cells(sheet: Sheet, header_index: int, roles: dict[str, int], result) -> None:
    """Merged cells below the header: over the id or value column they are an error (one
    figure cannot stand for several KPIs); over the source or note column the text is
    what each row of the range reads (a source merged over five rows is five sources)."""
    from openpyxl.utils import get_column_letter

    first_data_row = header_index + 2  # 1-based
    for r1, c1, r2, c2 in sheet.merged:
        if r2 <= r1 or r2 < first_data_row:
            continue
        columns = {role for role, j in roles.items() if c1 <= j + 1 <= c2}
        ref = f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"
        if columns & {"id", "value"}:
            result.diagnostics.append(
                Diagnostic(
                    Location(sheet.file, max(r1, first_data_row), c1, sheet.name),
                    "merged-cell",
                    {"ref": ref, "n": r2 - r1 + 1},
                )
            )
            continue
        for role in columns & {"source", "note"}:
            j = roles[role]
            top = _cell(sheet.rows[r1 - 1], j) if r1 - 1 < len(sheet.rows) else None
            if top is None or _empty(top):
                continue
            for r in range(max(r1 + 1, first_data_row), min(r2, len(sheet.rows)) + 1):
                row = sheet.rows[r - 1]
                while len(row) <= j:
                    row.append(Cell(None, Location(sheet.file, r, len(row) + 1, sheet.name)))
                row[j] = Cell(top.value, Location(sheet.file, r, j + 1, sheet.name))


def _no_figure(cell: Cell | None) -> bool:
    if _empty(cell):
        return True
    assert cell is not None
    return isinstance(cell.value, str) and isinstance(parse_figure_safe(cell.value), NoFigure)


def parse_figure_safe(text: str):
    try:
        return parse_figure(text)
    except FigureError:
        return None


def _unknown(raw_id: str, where: Location, ids: set[str]) -> Diagnostic:
    if not _ID.match(raw_id):
        return Diagnostic(where, "not-a-kpi-id", {"raw": raw_id})
    hints = difflib.get_close_matches(raw_id, sorted(ids), n=1, cutoff=0.75)
    hint = Phrase("did-you-mean", hint=hints[0]) if hints else ""
    return Diagnostic(where, "unknown-kpi", {"id": raw_id, "hint": hint})


def _figure(
    kpi_id: str,
    cell: Cell | None,
    row: list[Cell],
    roles: dict[str, int],
    strategy: Strategy,
    year: int,
    result: ReadResult,
    accept_outliers: bool = False,
) -> Figure | None:
    kpi = strategy.kpi(kpi_id)
    where = cell.location if cell is not None else row[roles["id"]].location
    if cell is not None and cell.formula is not None:
        result.diagnostics.append(
            Diagnostic(where, "formula-without-value", {"id": kpi_id, "formula": cell.formula})
        )
        return None
    raw = None if cell is None else cell.value
    try:
        value = parse_figure(raw, kpi.unit)
    except FigureError as exc:
        values = {**exc.values, "pre": f"{kpi_id}: "}
        result.diagnostics.append(Diagnostic(where, exc.code, values, variant=exc.variant))
        return None
    if isinstance(value, NoFigure):
        (result.pending if value.pending else result.blanks).append((kpi_id, where))
        for role in ("source", "note"):
            cell = _cell(row, roles.get(role))
            if not _empty(cell):
                result.diagnostics.append(
                    Diagnostic(
                        cell.location,  # type: ignore[union-attr]
                        "text-without-figure",
                        {"id": kpi_id},
                        "warning",
                        variant=role,
                    )
                )
        return None
    if cell is not None and cell.percent:
        if kpi.unit != "%":
            result.diagnostics.append(
                Diagnostic(
                    where, "wrong-unit", {"id": kpi_id, "unit": kpi.unit}, variant="percent-cell"
                )
            )
            return None
        try:
            value = in_range(value * 100)  # Excel keeps 47.5% as 0.475
        except FigureError as exc:
            values = {**exc.values, "pre": f"{kpi_id}: "}
            result.diagnostics.append(Diagnostic(where, exc.code, values, variant=exc.variant))
            return None
    figure = Figure(
        kpi_id,
        value,
        _text(_cell(row, roles.get("source"))),
        _text(_cell(row, roles.get("note"))),
        where,
    )
    problems = figure_problems(strategy, year, [figure])
    result.diagnostics += problems
    if any(d.is_error for d in problems):
        return None
    if not accept_outliers:
        try:
            refuse_outlier(value, kpi)
        except FigureError as exc:
            values = {**exc.values, "pre": f"{kpi_id}: "}
            result.diagnostics.append(Diagnostic(where, exc.code, values, variant=exc.variant))
            return None
    return figure


def _text(cell: Cell | None) -> str | None:
    if _empty(cell):
        return None
    assert cell is not None
    value = cell.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if hasattr(value, "isoformat"):
        value = value.isoformat().removesuffix("T00:00:00")
    return str(value).strip() or None
