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
    after `status`, one with a derived target `target_derived` after `target_kind`."""
    graded = bool(report.strategy.evaluation.grades)
    derived = any(k.target.derived for k in report.strategy.kpis)
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
        if derived:
            rows[-1].insert(CHECK_COLUMNS.index("target_kind") + 1, derived_rule(k))
    columns = list(CHECK_COLUMNS)
    if graded:
        columns.insert(columns.index("status") + 1, "grade")
    if derived:
        columns.insert(columns.index("target_kind") + 1, "target_derived")
    return _write(columns, rows)


def derived_rule(k: Kpi) -> str | None:
    """How a derived target was derived from the baseline, as `form=figure` (`factor=1.5`,
    `points=10`, `percent=20`, `annual_growth=2.2`); None for a target printed as a figure."""
    form = k.target.derived
    if form is None:
        return None
    return f"{form}={_cell(float(getattr(k.target, form)))}"


def outlook_cells(o: Outlook | None) -> list:
    """year, projected, pace, required_pace, reaches ('true'/'false'); empty without one."""
    if o is None:
        return [None] * 5
    return [o.year, o.projected, o.pace, o.required_pace, "true" if o.reaches else "false"]


def render_kpis(kpis: list[Kpi]) -> str:
    """One row per KPI; with a derived target among them `target_derived` after
    `target_text` (as in check's CSV)."""
    derived = any(k.target.derived for k in kpis)
    rows = []
    for k in kpis:
        period = k.period or (None, None)
        rows.append([
            k.id, k.name, k.name_en, k.unit, k.direction, k.kind,
            k.baseline.year, k.baseline.value, k.baseline.text,
            k.target.year, k.target.value, k.target.kind, k.target.text,
            period[0], period[1], " ".join(k.measures),
        ])  # fmt: skip
        if derived:
            rows[-1].insert(KPI_COLUMNS.index("target_text") + 1, derived_rule(k))
    columns = list(KPI_COLUMNS)
    if derived:
        columns.insert(columns.index("target_text") + 1, "target_derived")
    return _write(columns, rows)
