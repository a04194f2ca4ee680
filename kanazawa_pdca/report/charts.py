"""The report's charts: small inline SVG written directly, one per KPI and one per page.

`chart_data` decides what a KPI's chart shows (pure data, tested on its own); `kpi_svg`
and `summary_svg` turn it into SVG markup. The look lives in the page's one stylesheet
(`style.css`, classes `c-…`), so a chart is geometry only: about 1.5 KB, drawn in well
under a millisecond. (pygal, used before, inlined ~9 KB of id-prefixed CSS and a script
per chart and needed ~4.4 ms a chart even with its CSS turned off; the measurement is in
benchmarks/report.py and the README's speed section.)

What a chart shows:
- the expected line E(y) (dashed grey), the baseline and the recorded figures (solid
  blue, a dot each), the figure judged (a large dot in the status colour with the status
  symbol beside it), the target (a black diamond with 目標/target), and the outlook (見込み)
  as a dotted continuation from the figure judged to the projection at the target year;
- the unit above the y axis, years as R years on the x axis;
- colours from the Okabe–Ito palette (safe for colour-blind readers), and nothing
  that is told by colour alone: every series has its own line style and marker, every
  status its symbol.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..assess import KpiResult, Report, expected_at
from ..i18n import STATUS_STYLE, Lang, kpi_name, status_label, t
from ..i18n import unit as kpi_unit
from ..present.escape import html as esc
from ..present.numbers import number
from ..trajectory import Status
from ..years import reiwa

FONT_FAMILY = (
    '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", YuGothic, Meiryo, '
    '"Noto Sans CJK JP", "Noto Sans JP", sans-serif'
)

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common
# colour-vision deficiency. The status symbol always goes with the colour.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
STATUS_COLORS: dict[Status, str] = {
    Status.ACHIEVED: OKABE_ITO["bluish_green"],
    Status.ON_TRACK: OKABE_ITO["sky_blue"],
    Status.BEHIND: OKABE_ITO["yellow"],
    Status.OFF_TRACK: OKABE_ITO["orange"],
    Status.REGRESSING: OKABE_ITO["vermillion"],
    Status.NO_DATA: "#BBBBBB",
    Status.NOT_ASSESSABLE: "#E0E0E0",
}
ACTUAL_COLOR = OKABE_ITO["blue"]
EXPECTED_COLOR = "#6E6E6E"
TARGET_COLOR = OKABE_ITO["black"]

# the chart's box (SVG user units; the page scales it to the card's width)
WIDTH, HEIGHT = 320, 140
LEFT, RIGHT, TOP, BOTTOM = 46, 14, 22, 20  # margins: y labels, last x label, unit, x labels
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
    target: tuple[int, float] | None = None  # the target (year, value): a diamond
    outlook: tuple[int, float] | None = None  # the projection at the target year: dotted


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
    target = None
    if kpi.target.value is not None and kpi.target.year is not None:
        year = kpi.period[1] if kpi.kind == "period_total" and kpi.period else kpi.target.year
        target = (year, kpi.target.value)
    outlook = None
    if result.outlook is not None and judged is not None:
        outlook = (result.outlook.year, result.outlook.projected)
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
            expected,
            tuple(running),
            judged,
            first,
            last,
            running_sum=True,
            reset=not expected,
            target=target,
            outlook=outlook,
        )
    first = kpi.baseline.year
    last = max(kpi.target.year or 0, strategy_end, *(y for y, _ in history))
    actual = ((kpi.baseline.year, kpi.baseline.value), *history)
    expected = _expected(result, first, last)
    return ChartData(
        expected,
        actual,
        judged,
        first,
        last,
        reset=not kpi.assessable,
        target=target,
        outlook=outlook,
    )


def _expected(result: KpiResult, first: int, last: int) -> tuple[tuple[int, float], ...]:
    if not result.kpi.assessable:
        return ()
    points = []
    for y in range(first, last + 1):
        value = expected_at(result.kpi, y)
        if value is not None:
            points.append((y, value))
    return tuple(points)


# --- scales ---------------------------------------------------------------------------


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high]: steps of 1, 2 or 5 × 10^n (4–7 ticks)."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return [0.0, 1.0]
    if high < low:
        low, high = high, low
    if high == low:
        pad = abs(high) * 0.1 or 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step + 1e-9) * step
    ticks = []
    value = start
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _tick_digits(ticks: list[float]) -> int:
    if len(ticks) < 2:
        return 0
    step = ticks[1] - ticks[0]
    return max(0, -math.floor(math.log10(step) + 1e-9)) if step < 1 else 0


def year_ticks(first: int, last: int) -> list[int]:
    """At most MAX_X_LABELS whole years, the last year always among them."""
    span = last - first
    step = max(1, -(-span // (MAX_X_LABELS - 1)))
    return sorted(range(last, first - 1, -step))


class _Scale:
    def __init__(self, data: ChartData, extra: list[float]):
        values = [v for _, v in (*data.expected, *data.actual)] + extra
        if not values:
            values = [0.0, 1.0]
        low, high = min(values), max(values)
        if low >= 0 and high > 0 and low < high * 0.35:
            low = 0.0  # counts and shares read better from zero when it is near
        self.ticks = nice_ticks(low, high)
        self.low, self.high = self.ticks[0], self.ticks[-1]
        self.first, self.last = data.first_year, max(data.last_year, data.first_year + 1)
        self.plot_w = WIDTH - LEFT - RIGHT
        self.plot_h = HEIGHT - TOP - BOTTOM

    def x(self, year: float) -> float:
        return LEFT + (year - self.first) / (self.last - self.first) * self.plot_w

    def y(self, value: float) -> float:
        span = (self.high - self.low) or 1.0
        return TOP + (self.high - value) / span * self.plot_h


def _f(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _points(scale: _Scale, series) -> str:
    return " ".join(f"{_f(scale.x(y))},{_f(scale.y(v))}" for y, v in series)


# --- one KPI ----------------------------------------------------------------------------


def kpi_svg(result: KpiResult, report: Report, lang: Lang) -> str:
    """The chart of one KPI as an inline <svg> element (styled by the page's CSS)."""
    data = chart_data(result, report.year, report.strategy.meta.period.end)
    kpi = result.kpi
    extra = [v for _, v in filter(None, (data.target, data.outlook))]
    s = _Scale(data, extra)
    digits = _tick_digits(s.ticks)
    label = f"{kpi_name(kpi, lang)} — {t('chart.alt', lang)}"
    out = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{esc(label)}">',
    ]
    unit = f"{t('chart.unit', lang)}: {kpi_unit(kpi, lang) or t('chart.no_unit', lang)}"
    out.append(f'<text class="c-unit" x="2" y="11">{esc(unit)}</text>')
    # y grid and labels
    grid, labels = [], []
    for tick in s.ticks:
        y = _f(s.y(tick))
        grid.append(f"M{LEFT} {y}H{WIDTH - RIGHT}")
        labels.append(f'<text x="{LEFT - 4}" y="{y}" dy="4">{number(tick, digits)}</text>')
    out.append(f'<path class="c-grid" d="{"".join(grid)}"/>')
    out.append(f'<g class="c-ylab">{"".join(labels)}</g>')
    # x axis and labels (R years)
    bottom = HEIGHT - BOTTOM
    xl = [
        f'<text x="{_f(s.x(y))}" y="{bottom + 14}">{reiwa(y)}</text>'
        for y in year_ticks(s.first, s.last)
    ]
    out.append(f'<path class="c-axis" d="M{LEFT} {bottom}H{WIDTH - RIGHT}"/>')
    out.append(f'<g class="c-xlab">{"".join(xl)}</g>')
    if data.expected:
        out.append(f'<polyline class="c-exp" points="{_points(s, data.expected)}"/>')
    if data.target is not None:
        tx, ty = s.x(data.target[0]), s.y(data.target[1])
        out.append(
            f'<path class="c-target" d="M{_f(tx)} {_f(ty - 6)}l6 6-6 6-6-6z"/>'
            f'<text class="c-tlab" x="{_f(tx - 8)}" y="{_f(ty - 7)}">'
            f"{esc(t('chart.target', lang))}</text>"
        )
    if data.outlook is not None and data.judged is not None:
        (jy, jv), (oy, ov) = data.judged, data.outlook
        out.append(
            f'<path class="c-out" d="M{_f(s.x(jy))} {_f(s.y(jv))}L{_f(s.x(oy))} {_f(s.y(ov))}"/>'
            f'<circle class="c-outdot" cx="{_f(s.x(oy))}" cy="{_f(s.y(ov))}" r="3.5"/>'
        )
    if data.actual:
        out.append(f'<polyline class="c-act" points="{_points(s, data.actual)}"/>')
        dots = "".join(
            f'<circle cx="{_f(s.x(y))}" cy="{_f(s.y(v))}" r="2.6"/>' for y, v in data.actual
        )
        out.append(f'<g class="c-dot">{dots}</g>')
    if data.judged is not None:
        jx, jy_ = s.x(data.judged[0]), s.y(data.judged[1])
        # the status in words beside the dot (below it, or above near the axis), so the
        # symbol can never be taken for a marker
        word = status_label(result.status, lang)
        below = jy_ + 17 <= HEIGHT - BOTTOM - 2
        ty = jy_ + 17 if below else jy_ - 9
        anchor = "end" if jx > WIDTH - RIGHT - 40 else "start" if jx < LEFT + 40 else "middle"
        out.append(
            f'<circle class="c-judged st-{result.status.value}" cx="{_f(jx)}" cy="{_f(jy_)}" '
            f'r="5.5"/><text class="c-sym" x="{_f(jx)}" y="{_f(ty)}" text-anchor="{anchor}">'
            f"{esc(word)}</text>"
        )
    out.append("</svg>")
    return "".join(out)


# --- the summary: a stacked bar per goal --------------------------------------------------

SUMMARY_W, SUMMARY_ROW, SUMMARY_LEFT = 640, 26, 34


def summary_svg(report: Report, lang: Lang) -> str:
    """A horizontal stacked bar per basic goal; every segment carries its status symbol
    (and its count where there is room), so it reads without colour."""
    goals = report.goals
    height = 8 + SUMMARY_ROW * len(goals)
    widest = max((sum(g.counts.values()) for g in goals), default=1) or 1
    plot = SUMMARY_W - SUMMARY_LEFT - 8
    out = [
        f'<svg class="summary-chart" viewBox="0 0 {SUMMARY_W} {height}" role="img" '
        f'aria-label="{esc(t("summary", lang))}">'
    ]
    for i, g in enumerate(goals):
        y = 4 + i * SUMMARY_ROW
        out.append(f'<text class="c-glab" x="0" y="{y + 15}">{esc(g.code)}</text>')
        x = float(SUMMARY_LEFT)
        for status in Status:
            n = g.counts.get(status, 0)
            if not n:
                continue
            w = n / widest * plot
            out.append(
                f'<rect class="st-{status.value}" x="{_f(x)}" y="{y}" width="{_f(w)}" '
                f'height="{SUMMARY_ROW - 6}"/>'
            )
            symbol = STATUS_STYLE[status][0]
            text = f"{symbol}{n}" if w >= 24 else symbol if w >= 11 else ""
            if text:
                out.append(f'<text class="c-seg" x="{_f(x + w / 2)}" y="{y + 14}">{text}</text>')
            x += w
    out.append("</svg>")
    return "".join(out)


def legend_svg(lang: Lang) -> str:
    """The key to every KPI chart, drawn once per page with the charts' own classes."""
    items = [
        ('<polyline class="c-exp" points="2,9 30,9"/>', t("chart.expected", lang)),
        (
            '<polyline class="c-act" points="2,9 30,9"/><g class="c-dot">'
            '<circle cx="8" cy="9" r="2.6"/><circle cx="24" cy="9" r="2.6"/></g>',
            t("chart.actual", lang),
        ),
        (
            '<circle class="c-judged st-on_track" cx="16" cy="9" r="5.5"/>',
            t("chart.judged", lang),
        ),
        ('<path class="c-target" d="M16 3l6 6-6 6-6-6z"/>', t("chart.target", lang)),
        (
            '<path class="c-out" d="M2 9H26"/><circle class="c-outdot" cx="27" cy="9" r="3.5"/>',
            t("outlook", lang),
        ),
    ]
    out = []
    for drawing, text in items:
        out.append(
            f'<span class="key"><svg viewBox="0 0 32 18" aria-hidden="true">{drawing}</svg>'
            f"{esc(text)}</span>"
        )
    return "".join(out)


def chart_css() -> str:
    """The charts' one stylesheet: colours and line styles by class."""
    rules = [
        f".c-exp{{fill:none;stroke:{EXPECTED_COLOR};stroke-width:1.6;stroke-dasharray:5 3}}",
        f".c-act{{fill:none;stroke:{ACTUAL_COLOR};stroke-width:2}}",
        f".c-dot circle{{fill:{ACTUAL_COLOR}}}",
        f".c-out{{fill:none;stroke:{ACTUAL_COLOR};stroke-width:2;stroke-dasharray:0.1 4;"
        "stroke-linecap:round}",
        f".c-outdot{{fill:#fff;stroke:{ACTUAL_COLOR};stroke-width:1.5}}",
        f".c-target{{fill:{TARGET_COLOR}}}",
        ".c-judged{stroke:#000;stroke-width:1;fill:var(--st)}",
        ".c-grid{stroke:#e3e3e3;stroke-width:1;fill:none}",
        ".c-axis{stroke:#777;stroke-width:1;fill:none}",
        "svg.chart text,svg.summary-chart text{font-size:12px;fill:#222}",
        ".c-ylab text{text-anchor:end}",
        ".c-xlab text{text-anchor:middle}",
        ".c-unit{font-size:11px;fill:#444}",
        ".c-tlab{text-anchor:end;font-size:11px}",
        ".c-sym{font-size:11px;font-weight:bold;paint-order:stroke;stroke:#fff;stroke-width:3px;"
        "stroke-linejoin:round}",
        ".c-seg{text-anchor:middle;font-size:12px}",
        ".c-glab{font-weight:bold}",
        "svg.summary-chart rect{fill:var(--st);stroke:#fff;stroke-width:1}",
    ]
    for status, colour in STATUS_COLORS.items():
        rules.append(f".st-{status.value}{{--st:{colour}}}")
    return "\n".join(rules) + "\n"
