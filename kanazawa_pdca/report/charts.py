"""The report's charts, drawn by pygal: one per KPI and one stacked bar of the goals.

`chart_data` decides what a KPI's chart shows (pure data, tested on its own); the
`*_svg` functions hand it to pygal and return inline SVG with no script, no XML
declaration and no reference to anything outside the file.

pygal always writes a `<script>` holding its configuration, even with `js=[]`, and
comments naming its web site; an XML filter removes both, so the report runs no
JavaScript. pygal is imported only by the functions that draw, so `chart_data` (used by
the Markdown report too) works without it. Each chart's id is derived from the KPI id
(not pygal's random uuid), so the same data always gives the same file.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from ..assess import KpiResult, Report, expected_at
from ..formats.numbers import figure_digits, number
from ..i18n import Lang, kpi_name, status_label, t
from ..trajectory import Status
from ..years import reiwa

FONT_FAMILY = (
    '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", YuGothic, Meiryo, '
    '"Noto Sans CJK JP", "Noto Sans JP", sans-serif'
)

# One colour per status, chosen to stay distinct in greyscale order as well; the
# status is always also written as symbol + word next to it.
STATUS_COLORS: dict[Status, str] = {
    Status.ACHIEVED: "#1b7837",
    Status.ON_TRACK: "#5aae61",
    Status.BEHIND: "#e0a100",
    Status.OFF_TRACK: "#d6604d",
    Status.REGRESSING: "#8e0152",
    Status.NO_DATA: "#969696",
    Status.NOT_ASSESSABLE: "#cccccc",
}
# the counts printed on the summary bars: white on the dark colours, black on the light
VALUE_COLORS = ("#ffffff", "#111111", "#111111", "#111111", "#ffffff", "#111111", "#111111")
EXPECTED_COLOR = "#7f7f7f"
ACTUAL_COLOR = "#2166ac"

WIDTH, HEIGHT = 360, 210
MAX_X_LABELS = 6


@dataclass(frozen=True)
class ChartData:
    """What a KPI's chart shows: every series as (fiscal year, value) points."""

    expected: tuple[tuple[int, float], ...]  # the trajectory; empty for a reset KPI
    actual: tuple[tuple[int, float], ...]  # the baseline then the actuals (or running sums)
    judged: tuple[int, float] | None  # the figure the status was decided on
    first_year: int
    last_year: int
    running_sum: bool = False  # period totals: sums from the window's first year
    reset: bool = False  # 再設定: no target, so no trajectory


def chart_data(result: KpiResult, report_year: int, strategy_end: int) -> ChartData:
    """The series of one KPI's chart, up to the year of the report.

    Level and cumulative KPIs: E(y) for every year from the baseline year to the target
    year (or the end of the strategy, whichever is later), and the baseline followed by
    the recorded actuals. Period totals: the expected running sum from zero before the
    window, and the running sum of the actuals while no year is missing. Reset KPIs:
    the baseline and the actuals only. Figures recorded after the report's year are
    left out, as the report speaks as of its year.
    """
    kpi = result.kpi
    history = [(y, v) for y, v in result.history if y <= report_year]
    judged = None
    if result.actual_year is not None and result.actual is not None:
        judged = (result.actual_year, result.actual)
    if kpi.kind == "period_total" and kpi.period:
        start, end = kpi.period
        first = start - 1
        last = max(end, strategy_end)
        by_year = dict(history)
        running: list[tuple[int, float]] = [(first, 0.0)]
        for y in range(start, min(end, report_year) + 1):
            if y not in by_year:
                break
            running.append((y, running[-1][1] + by_year[y]))
        expected = _expected(result, first, last)
        if len(running) == 1 and not history:
            running = []
        return ChartData(
            expected, tuple(running), judged, first, last, running_sum=True, reset=not expected
        )
    first = kpi.baseline.year
    last = max(kpi.target.year or 0, strategy_end, *(y for y, _ in history))
    actual = ((kpi.baseline.year, kpi.baseline.value), *history)
    expected = _expected(result, first, last)
    return ChartData(expected, actual, judged, first, last, reset=not kpi.assessable)


def _expected(result: KpiResult, first: int, last: int) -> tuple[tuple[int, float], ...]:
    if not result.kpi.assessable:
        return ()
    points = []
    for y in range(first, last + 1):
        value = expected_at(result.kpi, y)
        if value is not None:
            points.append((y, value))
    return tuple(points)


def kpi_chart_svg(result: KpiResult, report: Report, lang: Lang) -> str:
    """The chart of one KPI as an inline <svg> element."""
    import pygal  # only the HTML report needs it

    data = chart_data(result, report.year, report.strategy.meta.period.end)
    digits = figure_digits(result.kpi)
    status_color = STATUS_COLORS[result.status]
    chart = pygal.XY(
        _config(
            lang,
            colors=(*((EXPECTED_COLOR,) if data.expected else ()), ACTUAL_COLOR, status_color),
            x_labels=_year_ticks(data.first_year, data.last_year),
            x_value_formatter=lambda y: _year(int(y), lang),
            value_formatter=lambda v: number(v, digits + 2),  # ticks may fall between
            y_labels=_whole_ticks(data) if digits == 0 else None,
            xrange=(data.first_year, data.last_year),
            legend_at_bottom=True,
            # one row: pygal reserves `series // columns` legend rows, 0 when fewer series
            legend_at_bottom_columns=bool(data.expected) + 1 + (data.judged is not None),
            show_legend=True,
        )
    )
    names = ("expected_sum", "actual_sum") if data.running_sum else ("expected", "actual")
    if data.expected:  # a KPI to be reset (再設定) has no trajectory
        chart.add(
            t(f"chart.{names[0]}", lang),
            list(data.expected),
            show_dots=False,
            stroke_style={"width": 2, "dasharray": "6,4"},
        )
    chart.add(
        t(f"chart.{names[1]}", lang), list(data.actual), dots_size=3, stroke_style={"width": 2}
    )
    if data.judged is not None:
        chart.add(
            status_label(result.status, lang),
            [data.judged],
            stroke=False,
            dots_size=6,
        )
    return _render(chart, f"kpi-{result.kpi.id}", kpi_name(result.kpi, lang))


def summary_svg(report: Report, lang: Lang) -> str:
    """A horizontal stacked bar per basic goal: how many KPIs have each status."""
    import pygal

    statuses = list(Status)
    goals = list(reversed(report.goals))  # pygal draws the first row at the bottom
    chart = pygal.HorizontalStackedBar(
        _config(
            lang,
            colors=tuple(STATUS_COLORS[s] for s in statuses),
            width=760,
            height=90 + 40 * len(goals),
            x_labels=[g.code for g in goals],  # "G1": pygal under-measures CJK labels
            legend_at_bottom=True,
            # one row (see kpi_chart_svg)
            legend_at_bottom_columns=len(statuses),
            show_legend=True,
            print_values=True,
            print_zeroes=False,
            show_y_guides=False,
            value_formatter=lambda v: number(v, 0),
            style_overrides={"value_font_size": 12, "value_colors": VALUE_COLORS},
            truncate_label=-1,
        )
    )
    for status in statuses:
        chart.add(status_label(status, lang), [g.counts[status] or None for g in goals])
    return _render(chart, "summary", t("summary", lang))


def _config(lang: Lang, *, colors: tuple[str, ...], style_overrides=None, **options):
    import pygal
    from pygal.style import Style

    looks = dict(
        background="#ffffff",
        plot_background="#ffffff",
        foreground="#333333",
        foreground_strong="#111111",
        foreground_subtle="#d9d9d9",
        opacity="1",
        opacity_hover="1",
        transition="none",
        colors=colors,
        font_family=FONT_FAMILY,
        label_font_size=12,
        major_label_font_size=12,
        legend_font_size=12,
        value_font_size=11,
        no_data_font_size=14,
        guide_stroke_color="#e6e6e6",
        guide_stroke_dasharray="none",
        major_guide_stroke_color="#cccccc",
        major_guide_stroke_dasharray="none",
    )
    style = Style(**{**looks, **(style_overrides or {})})
    settings = dict(
        width=WIDTH,
        height=HEIGHT,
        style=style,
        js=[],  # no pygal-tooltips script from a CDN
        disable_xml_declaration=True,
        explicit_size=False,  # the page's CSS sizes the chart
        margin=6,
        margin_right=18,  # room for the last year's label
        spacing=6,
        legend_box_size=10,
        show_minor_x_labels=True,
        max_scale=6,
        allow_interruptions=False,
        no_data_text="—",
        pretty_print=False,
    )
    return pygal.Config(**{**settings, **options})


def _year(year: int, lang: Lang) -> str:
    return str(year) if lang == "en" else reiwa(year)


def _whole_ticks(data: ChartData) -> list[int] | None:
    """Whole-number ticks when a count's chart spans a few units (pygal would put 5.5)."""
    values = [v for _, v in (*data.expected, *data.actual)]
    if not values:
        return None
    low, high = math.floor(min(values)), math.ceil(max(values))
    if high - low > 8:
        return None
    return list(range(low, max(high, low + 1) + 1))


def _year_ticks(first: int, last: int) -> list[int]:
    """At most MAX_X_LABELS whole years, the last year always among them."""
    span = last - first
    step = max(1, -(-span // (MAX_X_LABELS - 1)))
    ticks = list(range(last, first - 1, -step))
    return sorted(ticks)


def _render(chart, chart_id: str, label: str) -> str:
    chart.uuid = chart_id  # deterministic ids: pygal scopes its CSS with them
    chart.add_xml_filter(_filter(label))
    return chart.render(is_unicode=True)


def _filter(label: str) -> Callable:
    def strip(root):
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "script" or not isinstance(child.tag, str):
                    parent.remove(child)  # pygal's config <script> and its comments
                else:
                    child.attrib.pop("id", None)  # "activate-serie-0" in every chart
        node = root.find("title")
        if node is not None:
            node.text = label  # pygal writes "Pygal" when a chart has no title
        root.set("role", "img")
        return root

    return strip
