"""The terminal view of `pdca check`: a rich table per basic goal and a summary."""

from __future__ import annotations

import io

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ..assess import KpiResult, Report
from ..i18n import STATUS_STYLE, kpi_name, result_label, status_label, status_word, t, title
from ..trajectory import Status
from ..years import label
from . import RenderOptions, grid
from .layout import goal_views
from .numbers import bar, figure_digits, percent, with_unit, year_tag


def render(report: Report, options: RenderOptions) -> str:
    return print_to_string(options, *renderables(report, options))


def print_to_string(options: RenderOptions, *items) -> str:
    """Render rich objects to text: ANSI colour only when options.color is set."""
    console = _console(options)
    with console.capture() as capture:
        for i, item in enumerate(items):
            if i:
                console.print()
            # lines of Text are already laid out: soft_wrap skips rich's re-wrapping
            console.print(item, soft_wrap=isinstance(item, Text))
    return capture.get()


def _console(options: RenderOptions) -> Console:
    return Console(
        file=io.StringIO(),
        force_terminal=options.color,
        no_color=not options.color,
        color_system="auto" if options.color else None,
        width=options.width or 120,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )


def renderables(report: Report, options: RenderOptions) -> list:
    lang = options.lang
    out: list = [_heading(report, options)]
    if not report.kpis:
        out.append(Text("該当する KPI はありません。" if lang == "ja" else "No KPI matches."))
        return out
    for goal_table in goal_tables(report, options):
        out.append(goal_table)
    out.append(summary_table(report, options))
    if not report.has_data:
        out.append(_no_data_hint(report, lang))
    return out


def _heading(report: Report, options: RenderOptions) -> Text:
    lang = options.lang
    s = report.strategy.meta
    name = s.title_en if lang == "en" else s.title
    th = report.thresholds
    mode = (" · strict" if lang == "en" else " · 当該年度のみ") if report.strict else ""
    text = Text()
    text.append(f"{name} — {label(report.year, lang)}", style="bold")
    crit = f"{t('thresholds', lang)}: ○ ≥ {th.on_track:.0%} · △ ≥ {th.behind:.0%} · × ≥ 0% · ▼ < 0%"
    text.append(f"\n{crit}{mode}", style="dim")
    return text


COLUMNS = (
    "kpi",
    "unit",
    "baseline",
    "target",
    "expected",
    "actual",
    "attainment",
    "progress",
    "status",
)
GAP = 2  # spaces between columns
UNIT_WIDTH = 8
NARROW = 100  # below this width the baseline and progress columns are left out


def goal_tables(report: Report, options: RenderOptions) -> list:
    """Per goal: a heading, then one table per section, all with the same column widths."""
    lang = options.lang
    width = options.width or 120
    narrow = width < NARROW
    columns = [c for c in COLUMNS if not (narrow and c in ("baseline", "progress"))]
    gap = 1 if narrow else GAP
    views = goal_views(report, lang)
    rows = {
        r.kpi.id: _kpi_cells(r, lang)
        for view in views
        for section in view.sections
        for r in section.results
    }
    widths = _widths(columns, rows.values(), lang)
    widths["unit"] = min(widths["unit"], UNIT_WIDTH)  # a long unit folds
    # the KPI column takes what is left
    used = sum(widths[c] + gap for c in columns[1:])
    widths["kpi"] = max(12, width - used - gap)
    grid_columns = [
        grid.Column(
            t(c, lang),
            widths[c],
            justify="left" if c in ("kpi", "unit", "progress", "status") else "right",
            wrap=c in ("kpi", "unit"),
        )
        for c in columns
    ]
    out: list = []
    for view in views:
        lines = [Text(view.heading, style="bold"), *grid.header(grid_columns, gap)]
        for section in view.sections:
            lines.append(Text(section.heading, style="bold cyan"))
            section_rows = [[rows[r.kpi.id][c] for c in columns] for r in section.results]
            lines += grid.render(grid_columns, section_rows, gap)
        out.append(Text("\n").join(lines))
    return out


def _widths(columns, rows, lang) -> dict[str, int]:
    widths = {c: cell_len(t(c, lang)) for c in columns}
    for cells in rows:
        for c in columns[1:]:
            text = cells[c].plain if isinstance(cells[c], Text) else str(cells[c])
            widths[c] = max(widths[c], *(cell_len(line) for line in text.split("\n")))
    return widths


def _kpi_cells(r: KpiResult, lang, bar_cells: int = 8) -> dict[str, Text | str]:
    kpi = r.kpi
    name = Text(kpi_name(kpi, lang))
    code = kpi.measures[0] if kpi.measures else ""
    name.append(f"\n{code}", style="dim")
    if len(kpi.measures) > 1:
        name.append(f" · {t('also_in', lang)} {', '.join(kpi.measures[1:])}", style="dim")
    if r.missing_years:
        missing = ", ".join(year_tag(y).strip("()") for y in r.missing_years)
        name.append(f"\n{t('missing', lang)}: {missing}", style="yellow")
    u = ""  # the unit has a column of its own
    digits = figure_digits(kpi)
    baseline = f"{with_unit(kpi.baseline.value, u)}\n{year_tag(kpi.baseline.year)}"
    if kpi.target.kind == "reset":
        target = kpi.target.text
    else:
        target = f"{_target_prefix(kpi, lang)}{with_unit(kpi.target.value, u)}\n"
        if kpi.period:
            target += f"{year_tag(kpi.period[0])}–{year_tag(kpi.period[1])}".replace(")–(", "–")
        else:
            target += year_tag(kpi.target.year)
    expected = with_unit(r.expected, u, digits)
    if r.expected is not None and r.stale:
        expected += f"\n{year_tag(r.actual_year)}"
    actual = Text(with_unit(r.actual, u))
    if r.actual_year is not None:
        actual.append(f"\n{year_tag(r.actual_year)}", style="yellow" if r.stale else "dim")
    status = Text(result_label(r, lang), style=STATUS_STYLE[r.status][1])  # ✎: committee's
    progress = ""
    if r.progress is not None:
        progress = f"{bar(r.progress, bar_cells)} {percent(r.progress)}"
    return {
        "kpi": name,
        "unit": kpi.unit,
        "baseline": baseline,
        "target": target,
        "expected": expected,
        "actual": actual,
        "attainment": percent(r.attainment),
        "progress": progress,
        "status": status,
    }


def _target_prefix(kpi, lang) -> str:
    if kpi.kind == "period_total":
        return "Σ " if lang == "en" else "計 "
    if kpi.target.kind in ("at_least", "maintain"):
        return "≥ "
    return ""


def summary_table(report: Report, options: RenderOptions) -> Group:
    """Counts per status for each goal and in total, and the share on track or achieved."""
    lang = options.lang
    narrow = (options.width or 120) < NARROW
    statuses = list(Status)
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        show_footer=True,
    )
    width = options.width or 120
    table.add_column(
        t("goal", lang), footer=t("total", lang), overflow="fold", min_width=min(48, width // 3)
    )
    summary = report.summary
    for s in statuses:
        symbol, style = STATUS_STYLE[s]
        header = symbol if narrow else f"{symbol}\n{status_word(s, lang)}"
        table.add_column(
            Text(header, style=style), justify="right", footer=str(summary[s]), no_wrap=True
        )
    share_header = "◎○%" if narrow else t("share_good_short", lang)
    table.add_column(
        share_header, justify="right", footer=percent(report.share_on_track), no_wrap=True
    )
    for goal in report.goals:
        table.add_row(
            f"{goal.code} {title(goal, lang)}",
            *[str(goal.counts[s]) if goal.counts[s] else "·" for s in statuses],
            percent(goal.share_on_track),
        )
    legend = Text(" · ".join(status_label(s, lang) for s in statuses), style="dim")
    return Group(Text(t("summary", lang), style="bold"), table, legend)


def _no_data_hint(report: Report, lang) -> Text:
    year = report.year
    if lang == "en":
        msg = (
            f"No actuals recorded up to FY{year}: the expected column shows what each KPI "
            f"should reach by FY{year}.\nRecord figures in data/actuals/{year}.yaml "
            f"(KPI id: value, or KPI id: {{value: …, source: …}}); list the ids with "
            f"`pdca kpis`."
        )
    else:
        msg = (
            f"{year}年度までの実績が未登録です。期待値の列は {year}年度に到達すべき値です。\n"
            f"実績は data/actuals/{year}.yaml に「KPI id: 値」または"
            f"「KPI id: {{value: …, source: …}}」の形で記録してください"
            f"（id の一覧は `pdca kpis`）。"
        )
    return Text(msg, style="yellow")
