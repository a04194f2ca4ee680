"""`pdca template YEAR`: the fill-in sheet, one row per KPI.

Columns: id, reference code, name, unit, kind in words, baseline and target as printed,
the last recorded figure and its year, the expected value for YEAR, then the empty entry
columns value / source / note. In xlsx only the entry cells are unlocked (the sheet is
protected without a password), the value cells carry data validation with an input
message naming the unit, the header is frozen, and the sheet prints on A4 landscape with
the header on every page. `pdca import` reads it back (and checks it is for the same year).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from ..assess import expected_at
from ..i18n import KIND_WORDS, TARGET_KIND_WORDS, Lang, columns, kpi_name, t, title, unit
from ..model.actuals import ActualsSet
from ..model.strategy import Kpi, Strategy
from ..present import escape
from ..present.numbers import decimals, figure_digits
from ..years import label, reiwa
from .sheets import TEMPLATE_MARK, TEMPLATE_NAME

ENTRY = (11, 12, 13)  # value, source, note (1-based columns)
LAST, EXPECTED = 8, 10  # the last recorded figure, the expected value
HEADER_ROW = 3
# (min, max) width of each column, narrow enough that the sheet prints on A4 landscape at
# 8 pt or more (English units and kinds are whole words: wider); the text columns wrap
# (WRAPPED) and each row is as tall as its text
WIDTHS = {1: (12, 16), 2: (6, 7), 3: (16, 24), 4: (4, 6), 5: (6, 9), 6: (10, 13),
          7: (10, 13), 8: (7, 12), 9: (7, 7), 10: (7, 12), 11: (10, 10), 12: (12, 12),
          13: (12, 12)}  # fmt: skip
WRAPPED = (1, 2, 3, 4, 5, 6, 7, 9, 12, 13)


@dataclass(frozen=True)
class Row:
    kpi: Kpi
    cells: list


def kind_words(kpi: Kpi, lang: Lang) -> str:
    """累計 / 期間合計 (R6–R10) / 以上を維持 / 再設定 / 水準 …"""
    parts = []
    if kpi.kind != "level":
        part = KIND_WORDS[kpi.kind][lang]
        if kpi.kind == "period_total" and kpi.period:
            dash = t("template.dash", lang)
            part += f" ({reiwa(kpi.period[0])}{dash}{reiwa(kpi.period[1])})"
        parts.append(part)
    if TARGET_KIND_WORDS[kpi.target.kind][lang]:
        parts.append(TARGET_KIND_WORDS[kpi.target.kind][lang])
    return t("template.kind_sep", lang).join(parts) or KIND_WORDS["level"][lang]


def expected_figure(kpi: Kpi, year: int) -> float | None:
    """The value to expect in the cell: for a period total, the year's own share. Unrounded:
    `rows` gives it at the KPI's precision."""
    if kpi.kind == "period_total":
        if not kpi.assessable or not kpi.period or not (kpi.period[0] <= year <= kpi.period[1]):
            return None
        start, end = kpi.period
        return kpi.target.value / (end - start + 1)  # type: ignore[operator]
    return expected_at(kpi, year)


def rows(
    strategy: Strategy,
    actuals: ActualsSet,
    year: int,
    lang: Lang,
    goals: set[int],
    only: set[str] | None = None,
) -> list[Row]:
    """A row per KPI (of the goals asked for; with `only`, of those ids alone: `--missing`)."""
    out = []
    for kpi in strategy.kpis:
        if goals and not kpi.goal_numbers() & goals:
            continue
        if only is not None and kpi.id not in only:
            continue
        history = [(y, v) for y, v in actuals.history(kpi.id).items() if y <= year]
        last_year, last = history[-1] if history else (None, None)
        expected = expected_figure(kpi, year)
        out.append(
            Row(
                kpi,
                [
                    kpi.id,
                    ", ".join(kpi.measures),
                    kpi_name(kpi, lang),
                    unit(kpi, lang),
                    kind_words(kpi, lang),
                    kpi.baseline.text,
                    kpi.target.text,
                    last,
                    None if last_year is None else f"{last_year} ({reiwa(last_year)})",
                    None if expected is None else _at_precision(expected, kpi),
                    None,
                    None,
                    None,
                ],
            )
        )
    return out


def _at_precision(value: float, kpi: Kpi) -> float | int:
    """A computed figure at the KPI's precision, as every human format shows it
    (present.numbers.figure_digits): 27,432 件, not 27,432.17; 54.4%, not 54.43."""
    digits = figure_digits(kpi)
    return round(value) if digits == 0 else round(value, digits)


def headers(year: int, lang: Lang) -> list[str]:
    return [h.format(year=year) for h in columns("template", lang)]


def render_csv(
    strategy: Strategy,
    actuals: ActualsSet,
    year: int,
    lang: Lang,
    goals: set[int],
    only: set[str] | None = None,
) -> bytes:
    """CSV in UTF-8 with a BOM (so Japanese Excel opens it), the header first."""
    from ..present.workbook import cell_value

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers(year, lang))
    for row in rows(strategy, actuals, year, lang, goals, only):
        writer.writerow(["" if v is None else _csv_number(cell_value(v)) for v in row.cells])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_number(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def render_xlsx(
    strategy: Strategy,
    actuals: ActualsSet,
    year: int,
    lang: Lang,
    goals: set[int],
    only: set[str] | None = None,
) -> bytes:
    from openpyxl import Workbook
    from openpyxl.packaging.custom import StringProperty
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation

    from ..present.workbook import (
        banner,
        cell_value,
        figure_format,
        fit_columns,
        fit_rows,
        print_a4_landscape,
        to_bytes,
    )

    wb = Workbook()
    ws = wb.active
    ws.title = t("template.sheet", lang).format(year=year)
    meta = strategy.meta
    wb.properties.title = escape.xml_chars(
        t("template.title", lang).format(title=title(meta, lang), label=label(year, lang))
    )
    wb.properties.keywords = f"{TEMPLATE_MARK}:{year}"
    wb.custom_doc_props.append(StringProperty(name=TEMPLATE_MARK, value=str(year)))
    wb.defined_names[TEMPLATE_NAME] = DefinedName(TEMPLATE_NAME, attr_text=str(year))
    wb.properties.creator = "pdca template"

    header_fill = PatternFill("solid", fgColor="DDEBF7")
    entry_fill = PatternFill("solid", fgColor="FFF2CC")
    thin = Side(style="thin", color="BBBBBB")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for column, text in enumerate(headers(year, lang), start=1):
        cell = ws.cell(HEADER_ROW, column, text)
        cell.font = Font(bold=True)
        cell.fill = entry_fill if column in ENTRY else header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = border

    validations: dict[tuple[str, str], DataValidation] = {}
    sheet_rows = rows(strategy, actuals, year, lang, goals, only)
    for r, row in enumerate(sheet_rows, start=HEADER_ROW + 1):
        for column, value in enumerate(row.cells, start=1):
            cell = ws.cell(r, column, cell_value(value))
            cell.border = border
            cell.alignment = Alignment(wrap_text=column in WRAPPED, vertical="top")
            if column == LAST and value is not None:  # a figure as it was written
                cell.number_format = figure_format(decimals(value))
            elif column == EXPECTED and value is not None:  # at the KPI's precision
                cell.number_format = figure_format(figure_digits(row.kpi))
            if column in ENTRY:
                cell.protection = Protection(locked=False)
                cell.fill = entry_fill
        value_cell = ws.cell(r, ENTRY[0])
        value_cell.number_format = "General"
        dv = _validation(row.kpi, year, lang, validations)
        dv.add(value_cell)
    for dv in validations.values():
        ws.add_data_validation(dv)

    english = {4: (4, 11), 5: (6, 12)} if lang == "en" else {}  # layout: whole words
    fit_columns(ws, WIDTHS | english, HEADER_ROW + 1, header_row=HEADER_ROW)
    last_column = len(columns("template", lang))
    banner(ws, 1, wb.properties.title, last_column, Font(bold=True, size=14))
    banner(ws, 2, t("template.help", lang).format(year=year), last_column, Font(color="555555"))
    fit_rows(ws, HEADER_ROW)
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 4)  # the header and id / ref / name stay
    ws.auto_filter.ref = f"A{HEADER_ROW}:M{max(ws.max_row, HEADER_ROW)}"
    ws.protection.sheet = True  # no password: a protection against slips, not a lock
    ws.protection.formatColumns = False  # widths and heights may still be changed
    ws.protection.formatRows = False
    ws.protection.autoFilter = False
    ws.protection.sort = True
    print_a4_landscape(ws, f"{HEADER_ROW}:{HEADER_ROW}")
    return to_bytes(wb)


def _validation(kpi: Kpi, year: int, lang: Lang, cache: dict):
    from openpyxl.worksheet.datavalidation import DataValidation

    percent = kpi.unit == "%"
    period = kpi.kind == "period_total"
    key = (unit(kpi, lang), "period" if period else "")
    if key in cache:
        return cache[key]
    shown = escape.xml_chars(unit(kpi, lang)) or t("template.no_unit", lang)
    heading = t("template.unit", lang).format(unit=shown)
    prompt = t("template.prompt_percent" if percent else "template.prompt_number", lang)
    if period:
        prompt += t("template.prompt_period", lang)
    elif kpi.kind == "cumulative":
        prompt += t("template.prompt_cumulative", lang)
    prompt += t("template.prompt_pending", lang)
    error = t("template.error_percent" if percent else "template.error_number", lang)
    if percent:
        dv = DataValidation(type="decimal", operator="between", formula1="0", formula2="100")
    else:
        dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
    dv.allow_blank = True
    dv.promptTitle, dv.prompt = heading[:32], prompt[:255]
    dv.errorTitle, dv.error = heading[:32], error[:255]
    dv.errorStyle = "warning"  # 集計中 may still be typed; pdca import checks every cell
    dv.showInputMessage = dv.showErrorMessage = True
    cache[key] = dv
    return dv
