"""`--format csv`: one row per KPI, for spreadsheets (UTF-8, a header row, RFC 4180).

`stale` (the last column) is `true` for a KPI judged on a figure older than the year asked
about, so a spreadsheet counts them beside the statuses (`actual_year` says which year).
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from ..assess import Report
from ..outlook import Outlook
from ..present import escape
from . import RenderOptions

if TYPE_CHECKING:
    from ..model.strategy import Kpi

CHECK_COLUMNS = [
    "id", "name", "name_en", "unit", "kind", "direction", "measures",
    "baseline_year", "baseline_value", "target_year", "target_value", "target_kind",
    "actual_year", "actual_value", "expected", "attainment", "progress", "status",
    "missing_years", "outlook_year", "outlook_projected", "outlook_pace",
    "outlook_required_pace", "outlook_reaches",
    "computed_status", "override_reason", "explanation", "stale",
]  # fmt: skip

KPI_COLUMNS = [
    "id", "name", "name_en", "unit", "direction", "kind",
    "baseline_year", "baseline_value", "baseline_text",
    "target_year", "target_value", "target_kind", "target_text",
    "period_start", "period_end", "measures",
]  # fmt: skip


def _cell(value) -> str:
    """Numbers as numbers; text through the one spreadsheet escape (no formula, no
    control character)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".") if not value.is_integer() else f"{value:.0f}"
    if isinstance(value, int):
        return str(value)
    return escape.spreadsheet(str(value))


def _write(columns: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def render(report: Report, options: RenderOptions) -> str:
    """One row per KPI; a strategy with grades adds `grade` (the code, empty for none)
    after `status`."""
    graded = bool(report.strategy.evaluation.grades)
    rows = []
    for r in report.kpis:
        k = r.kpi
        rows.append([
            k.id, k.name, k.name_en, k.unit, k.kind, k.direction, " ".join(k.measures),
            k.baseline.year, k.baseline.value, k.target.year, k.target.value, k.target.kind,
            r.actual_year, r.actual, r.expected, r.attainment, r.progress, r.status.value,
            " ".join(str(y) for y in r.missing_years), *outlook_cells(r.outlook),
            r.computed_status.value, r.override.reason if r.override else None, r.explanation,
            "true" if r.stale else "false",
        ])  # fmt: skip
        if graded:
            rows[-1].insert(CHECK_COLUMNS.index("status") + 1, r.grade.code if r.grade else None)
    columns = list(CHECK_COLUMNS)
    if graded:
        columns.insert(columns.index("status") + 1, "grade")
    return _write(columns, rows)


def outlook_cells(o: Outlook | None) -> list:
    """year, projected, pace, required_pace, reaches ('true'/'false'); empty without one."""
    if o is None:
        return [None] * 5
    return [o.year, o.projected, o.pace, o.required_pace, "true" if o.reaches else "false"]


def render_kpis(kpis: list[Kpi]) -> str:
    rows = []
    for k in kpis:
        period = k.period or (None, None)
        rows.append([
            k.id, k.name, k.name_en, k.unit, k.direction, k.kind,
            k.baseline.year, k.baseline.value, k.baseline.text,
            k.target.year, k.target.value, k.target.kind, k.target.text,
            period[0], period[1], " ".join(k.measures),
        ])  # fmt: skip
    return _write(KPI_COLUMNS, rows)
