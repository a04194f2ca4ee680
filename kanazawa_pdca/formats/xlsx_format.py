"""`--format xlsx -o FILE.xlsx`: the check as an Excel workbook (bytes, not text).

A summary sheet (counts per status for each goal, the share on track, the KPIs judged on an
older year's figure) and one sheet per basic goal (one row per KPI, as the table shows them:
数値目標 first, then each policy).
Headers in Japanese (English with --lang en). A status is written as symbol + word
(`○ 順調`) and coloured by conditional formatting keyed on that symbol, so colour and
symbol always agree and the meaning never rests on colour alone. Figures are numbers
(attainment and progress as percentages); text from the data goes through
`escape.spreadsheet`, so no cell becomes a formula.
"""

from __future__ import annotations

from ..assess import KpiResult, Report
from ..i18n import (
    STATUS_STYLE,
    Lang,
    columns,
    grade_label,
    kpi_name,
    override_note,
    result_label,
    status_label,
    t,
    title,
    unit,
)
from ..present import escape
from ..present.layout import goal_views
from ..trajectory import Status
from ..years import label
from . import RenderOptions

# status -> (fill, font) colours: light fills that print well and read in grey
COLOURS: dict[Status, tuple[str, str]] = {
    Status.ACHIEVED: ("C6EFCE", "006100"),
    Status.ON_TRACK: ("E2F0D9", "375623"),
    Status.BEHIND: ("FFEB9C", "7F6000"),
    Status.OFF_TRACK: ("FFC7CE", "9C0006"),
    Status.REGRESSING: ("FF9999", "7B0000"),
    Status.NO_DATA: ("EDEDED", "595959"),
    Status.NOT_ASSESSABLE: ("EDEDED", "595959"),
}

STATUS_COLUMN = 15
PERCENT_COLUMNS = (13, 14)
EXPECTED_COLUMN = 10  # computed: at the KPI's precision; the other figures as written
NUMBER_COLUMNS = (6, 8, 11)
# (min, max) widths, narrow enough that a sheet prints on A4 landscape at 8 pt or more
# (present.workbook); the text columns wrap (WRAPPED) and each row is as tall as its text.
# The section (column 1: its heading on every row, for filtering) shows what fits, '(1)妊娠
# から'; the headings are written in full once, above the table
WIDTHS = {1: (8, 8), 2: (6, 7), 3: (12, 13), 4: (16, 21), 5: (4, 6), 6: (6, 12),
          7: (6, 6), 8: (6, 12), 9: (6, 6), 10: (6, 12), 11: (6, 12), 12: (6, 6),
          13: (7, 7), 14: (7, 7), 15: (8, 8), 16: (8, 8), 17: (8, 8)}  # fmt: skip
WRAPPED = (2, 3, 4, 5, 8, 15, 16, 17)


def render(report: Report, options: RenderOptions) -> bytes:
    from openpyxl import Workbook

    from ..present.workbook import to_bytes

    lang = options.lang
    wb = Workbook()
    meta = report.strategy.meta
    wb.properties.title = escape.xml_chars(f"{title(meta, lang)} — {label(report.year, lang)}")
    wb.properties.creator = "pdca check"
    _summary_sheet(wb.active, report, lang)
    for view in goal_views(report, lang):
        ws = wb.create_sheet(_sheet_name(view.goal.number, lang))
        _goal_sheet(ws, report, view, lang)
    return to_bytes(wb)


def _sheet_name(number: int, lang: Lang) -> str:
    return t("xlsx.sheet", lang).format(n=number)


def _v(value):
    from ..present.workbook import cell_value

    return cell_value(value)


def _title_rows(ws, report: Report, lang: Lang, subtitle: str, columns: int) -> None:
    """The title and the subtitle with the criteria, over the table's `columns` (call it
    once the columns have their widths)."""
    from openpyxl.styles import Font

    from ..present.workbook import banner

    meta = report.strategy.meta
    name = title(meta, lang)
    banner(ws, 1, f"{name} — {label(report.year, lang)}", columns, Font(bold=True, size=14))
    th = report.thresholds
    criteria = (
        f"{t('thresholds', lang)}: {status_label(Status.ON_TRACK, lang)} ≥ {th.on_track:.0%} · "
        f"{status_label(Status.BEHIND, lang)} ≥ {th.behind:.0%}"
    )
    banner(ws, 2, f"{subtitle}　{criteria}", columns, Font(color="555555"))


def _header(ws, row: int, headers: list[str]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    fill = PatternFill("solid", fgColor="DDEBF7")
    for column, text in enumerate(headers, start=1):
        cell = ws.cell(row, column, text)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def _status_colours(ws, ref: str, first_cell: str, graded: bool = False) -> None:
    """Colour the status cells by the symbol they start with (colour = symbol, always);
    `graded`: the cells start with the grade, the status symbol follows on the next line."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill

    for status, (fill, font) in COLOURS.items():
        symbol = STATUS_STYLE[status][0]
        ws.conditional_formatting.add(
            ref,
            FormulaRule(
                formula=[
                    f'ISNUMBER(FIND(CHAR(10)&"{symbol}",{first_cell}))'
                    if graded
                    else f'LEFT({first_cell},1)="{symbol}"'
                ],
                fill=PatternFill("solid", fgColor=fill, bgColor=fill),
                font=Font(color=font, bold=status in (Status.ACHIEVED, Status.REGRESSING)),
                stopIfTrue=True,
            ),
        )


def _summary_sheet(ws, report: Report, lang: Lang) -> None:
    from openpyxl.styles import Alignment, Font

    from ..present.workbook import fit_columns, fit_rows, print_a4_landscape

    ws.title = t("summary", lang)
    statuses = list(Status)
    headers = [t("goal", lang), *(status_label(s, lang) for s in statuses), t("share_good", lang)]
    headers.append(t("report.stale", lang))  # KPIs judged on a figure older than the year
    share_column = len(headers) - 1
    _header(ws, 4, headers)
    row = 5
    for goal in report.goals:
        name = ws.cell(row, 1, _v(f"{goal.code} {title(goal, lang)}"))
        name.alignment = Alignment(wrap_text=True, vertical="top")
        for i, s in enumerate(statuses, start=2):
            ws.cell(row, i, goal.counts[s]).alignment = Alignment(vertical="top")
        share = ws.cell(row, share_column, goal.share_on_track)
        share.number_format = "0%"
        share.alignment = Alignment(vertical="top")
        ws.cell(row, len(headers), goal.older_figures).alignment = Alignment(vertical="top")
        row += 1
    ws.cell(row, 1, t("total", lang)).font = Font(bold=True)
    for i, s in enumerate(statuses, start=2):
        ws.cell(row, i, report.summary[s]).font = Font(bold=True)
    total = ws.cell(row, share_column, report.share_on_track)
    total.number_format = "0%"
    total.font = Font(bold=True)
    ws.cell(row, len(headers), report.stale_count).font = Font(bold=True)
    if report.strategy.evaluation.grades:  # the strategy's own scale, counted
        counts = report.grade_summary
        row += 2
        ws.cell(row, 1, t("grade", lang)).font = Font(bold=True)
        for i, grade in enumerate(report.strategy.evaluation.grades, start=2):
            ws.cell(row, i, _v(grade_label(grade, lang))).alignment = Alignment(wrap_text=True)
            ws.cell(row + 1, i, counts[grade.code])
    widths = {1: (20, 44), **{i: (10, 12) for i in range(2, len(headers) + 1)}}
    fit_columns(ws, widths, 5, header_row=4)
    _title_rows(ws, report, lang, t("summary", lang), len(headers))
    fit_rows(ws, 4)
    ws.freeze_panes = "B5"
    print_a4_landscape(ws, "4:4")


def _goal_sheet(ws, report: Report, view, lang: Lang) -> None:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from ..present.numbers import decimals, figure_digits
    from ..present.workbook import (
        banner,
        figure_format,
        fit_columns,
        fit_rows,
        print_a4_landscape,
    )

    _header(ws, 4, columns("check", lang))
    row = 5
    for section in view.sections:
        for r in section.results:
            for column, value in enumerate(_cells(r, section.heading, lang), start=1):
                cell = ws.cell(row, column, _v(value))
                cell.alignment = Alignment(wrap_text=column in WRAPPED, vertical="top")
                if not isinstance(value, int | float):
                    continue
                if column in PERCENT_COLUMNS:
                    cell.number_format = "0.0%"
                elif column == EXPECTED_COLUMN:
                    cell.number_format = figure_format(figure_digits(r.kpi))
                elif column in NUMBER_COLUMNS:
                    cell.number_format = figure_format(decimals(value))
            row += 1
    last = max(row - 1, 5)
    status_letter = get_column_letter(STATUS_COLUMN)  # O
    graded = bool(report.strategy.evaluation.grades)
    ref = f"{status_letter}5:{status_letter}{last}"
    _status_colours(ws, ref, f"{status_letter}5", graded)
    english = {3: (13, 13), 4: (16, 18), 5: (4, 10), 15: (11, 11), 16: (7, 7), 17: (7, 7)}
    fit_columns(ws, WIDTHS | (english if lang == "en" else {}), 5, header_row=4)  # layout
    _title_rows(ws, report, lang, view.heading, len(columns("check", lang)))
    # the sections' headings in full, once, above the table (column 1 shows what fits)
    headings = [s.heading for s in view.sections if s.heading != t("targets", lang)]
    if headings:
        banner(ws, 3, t("xlsx.heading_sep", lang).join(headings), len(columns("check", lang)),
               Font(color="555555"))  # fmt: skip
    fit_rows(ws, 4)
    ws.freeze_panes = "E5"
    ws.auto_filter.ref = f"A4:Q{last}"
    print_a4_landscape(ws, "4:4")


def judged(r: KpiResult, lang: Lang) -> str:
    """The status cell: '○ 順調'; on a strategy's own scale the grade, then the status on
    a line of its own ('B 目標どおり\n○ 順調')."""
    if r.grade is None:
        return result_label(r, lang)
    return f"{grade_label(r.grade, lang)}\n{result_label(r, lang)}"


def _derived(k, lang: Lang) -> str | None:
    """'目標値は基準値×1.5から算出' / 'target derived: baseline × 1.5' (None: as printed)."""
    from ..present.numbers import derived_note

    note = derived_note(k, lang)
    if not note:
        return None
    return t("xlsx.derived", lang).format(note=note)


def _cells(r: KpiResult, section: str, lang: Lang) -> list:
    k = r.kpi
    target = k.target.value if k.target.kind != "reset" else k.target.text
    return [
        section,
        ", ".join(k.measures),
        k.id,
        kpi_name(k, lang),
        unit(k, lang),
        k.baseline.value,
        k.baseline.year,
        target,
        k.target.year,
        None if r.expected is None else round(r.expected, 6),
        r.actual,
        r.actual_year,
        r.attainment,
        r.progress,
        judged(r, lang),
        r.source,
        # the figure's note, the committee's status with its reason when it set one, and
        # how a target derived from the baseline was derived
        "\n".join(x for x in (r.note, override_note(r, lang), _derived(k, lang)) if x) or None,
    ]
