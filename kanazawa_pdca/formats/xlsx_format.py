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

HEADERS = {
    "ja": ["区分", "番号", "ID", "KPI", "単位", "基準値", "基準年度", "目標値", "目標年度",
           "期待値", "実績", "実績年度", "達成度", "進捗", "状況", "出典", "備考"],
    "en": ["Section", "Ref", "KPI id", "KPI", "Unit", "Baseline", "Base year", "Target",
           "Target year", "Expected", "Actual", "Actual year", "Attainment", "Progress",
           "Status", "Source", "Note"],
}  # fmt: skip
STATUS_COLUMN = 15
PERCENT_COLUMNS = (13, 14)
NUMBER_COLUMNS = (6, 8, 10, 11)
WIDTHS = {1: (10, 30), 2: (6, 14), 3: (12, 34), 4: (20, 44), 5: (4, 10), 6: (8, 14),
          7: (6, 10), 8: (8, 14), 9: (6, 10), 10: (8, 14), 11: (8, 14), 12: (6, 10),
          13: (7, 10), 14: (7, 10), 15: (10, 16), 16: (10, 30), 17: (10, 40)}  # fmt: skip


def render(report: Report, options: RenderOptions) -> bytes:
    from openpyxl import Workbook

    from ..entry.workbook import to_bytes

    lang = options.lang
    wb = Workbook()
    meta = report.strategy.meta
    wb.properties.title = escape.xml_chars(
        f"{meta.title if lang == 'ja' else meta.title_en} — {label(report.year, lang)}"
    )
    wb.properties.creator = "pdca check"
    _summary_sheet(wb.active, report, lang)
    for view in goal_views(report, lang):
        ws = wb.create_sheet(_sheet_name(view.goal.number, lang))
        _goal_sheet(ws, report, view, lang)
    return to_bytes(wb)


def _sheet_name(number: int, lang: Lang) -> str:
    return f"基本目標{number}" if lang == "ja" else f"Goal {number}"


def _v(value):
    from ..entry.workbook import cell_value

    return cell_value(value)


def _title_rows(ws, report: Report, lang: Lang, subtitle: str) -> None:
    from openpyxl.styles import Font

    meta = report.strategy.meta
    name = meta.title if lang == "ja" else meta.title_en
    ws.cell(1, 1, _v(f"{name} — {label(report.year, lang)}")).font = Font(bold=True, size=14)
    th = report.thresholds
    criteria = (
        f"{t('thresholds', lang)}: {status_label(Status.ON_TRACK, lang)} ≥ {th.on_track:.0%} · "
        f"{status_label(Status.BEHIND, lang)} ≥ {th.behind:.0%}"
    )
    ws.cell(2, 1, _v(f"{subtitle}　{criteria}")).font = Font(color="555555")


def _header(ws, row: int, headers: list[str]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    fill = PatternFill("solid", fgColor="DDEBF7")
    for column, text in enumerate(headers, start=1):
        cell = ws.cell(row, column, text)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def _status_colours(ws, ref: str, first_cell: str) -> None:
    """Colour the status cells by the symbol they start with (colour = symbol, always)."""
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill

    for status, (fill, font) in COLOURS.items():
        symbol = STATUS_STYLE[status][0]
        ws.conditional_formatting.add(
            ref,
            FormulaRule(
                formula=[f'LEFT({first_cell},1)="{symbol}"'],
                fill=PatternFill("solid", fgColor=fill, bgColor=fill),
                font=Font(color=font, bold=status in (Status.ACHIEVED, Status.REGRESSING)),
                stopIfTrue=True,
            ),
        )


def _summary_sheet(ws, report: Report, lang: Lang) -> None:
    from openpyxl.styles import Font

    from ..entry.workbook import fit_columns, print_a4_landscape

    ws.title = t("summary", lang)
    _title_rows(ws, report, lang, t("summary", lang))
    statuses = list(Status)
    headers = [t("goal", lang), *(status_label(s, lang) for s in statuses), t("share_good", lang)]
    headers.append(t("report.stale", lang))  # KPIs judged on a figure older than the year
    share_column = len(headers) - 1
    _header(ws, 4, headers)
    row = 5
    for goal in report.goals:
        ws.cell(row, 1, _v(f"{goal.code} {title(goal, lang)}"))
        for i, s in enumerate(statuses, start=2):
            ws.cell(row, i, goal.counts[s])
        share = ws.cell(row, share_column, goal.share_on_track)
        share.number_format = "0%"
        ws.cell(row, len(headers), goal.older_figures)
        row += 1
    ws.cell(row, 1, t("total", lang)).font = Font(bold=True)
    for i, s in enumerate(statuses, start=2):
        ws.cell(row, i, report.summary[s]).font = Font(bold=True)
    total = ws.cell(row, share_column, report.share_on_track)
    total.number_format = "0%"
    total.font = Font(bold=True)
    ws.cell(row, len(headers), report.stale_count).font = Font(bold=True)
    widths = {1: (20, 60), **{i: (8, 14) for i in range(2, len(headers) + 1)}}
    fit_columns(ws, widths, 4)
    ws.freeze_panes = "B5"
    print_a4_landscape(ws, "4:4")


def _goal_sheet(ws, report: Report, view, lang: Lang) -> None:
    from openpyxl.styles import Alignment

    from ..entry.workbook import fit_columns, print_a4_landscape

    _title_rows(ws, report, lang, view.heading)
    _header(ws, 4, HEADERS[lang])
    row = 5
    for section in view.sections:
        for r in section.results:
            for column, value in enumerate(_cells(r, section.heading, lang), start=1):
                cell = ws.cell(row, column, _v(value))
                cell.alignment = Alignment(wrap_text=column in (1, 4, 16, 17), vertical="top")
                if column in PERCENT_COLUMNS and value is not None:
                    cell.number_format = "0.0%"
                elif column in NUMBER_COLUMNS and value is not None:
                    cell.number_format = "#,##0.##"
            row += 1
    last = max(row - 1, 5)
    status_letter = "O"  # STATUS_COLUMN
    _status_colours(ws, f"{status_letter}5:{status_letter}{last}", f"{status_letter}5")
    fit_columns(ws, WIDTHS, 4)
    ws.freeze_panes = "E5"
    ws.auto_filter.ref = f"A4:Q{last}"
    print_a4_landscape(ws, "4:4")


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
        result_label(r, lang),
        r.source,
        # the figure's note, and the committee's status with its reason when it set one
        "\n".join(x for x in (r.note, override_note(r, lang)) if x) or None,
    ]
