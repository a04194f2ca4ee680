"""The report's charts: small inline SVG written directly, one per KPI and one per page.

`chart_data` decides what a KPI's chart shows (pure data, tested on its own); `kpi_svg`
and `summary_svg` turn it into SVG markup. The look lives in the page's one stylesheet
(`style.css`, classes `c-…`), so a chart is geometry only: about 1.5 KB, drawn in well
under a millisecond. (pygal, used before, inlined ~9 KB of id-prefixed CSS and a script
per chart and needed ~4.4 ms a chart even with its CSS turned off; the measurement is in
benchmarks/report.py and the README's speed section.) The Markdown report draws its
text chart from the same data: `trend_points` and `sparkline`.

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

import itertools
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
WIDTH, HEIGHT = 320, 120
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
    b = kpi.baseline
    if b.year is not None and b.value is not None:
        first = b.year
        actual = ((b.year, b.value), *history)
    else:  # no baseline: from the first figure (or milestone, or the target)
        known = [y for y, _ in history] + [m.year for m in kpi.milestones]
        first = min(known or [kpi.target.year or strategy_end])
        actual = tuple(history)
    last = max(kpi.target.year or 0, strategy_end, *(y for y, _ in history))
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
        # the status in words beside the dot, where no line, marker or label of the chart
        # runs under it, so it is read and never taken for a marker
        word = status_label(result.status, lang)
        lx, ly, anchor = status_label_place(jx, jy_, word, _obstacles(s, data, lang))
        out.append(
            f'<circle class="c-judged st-{result.status.value}" cx="{_f(jx)}" cy="{_f(jy_)}" '
            f'r="5.5"/><text class="c-sym" x="{_f(lx)}" y="{_f(ly)}" text-anchor="{anchor}">'
            f"{esc(word)}</text>"
        )
    out.append("</svg>")
    return "".join(out)


# --- where the status label goes ------------------------------------------------------------

Box = tuple[float, float, float, float]  # left, top, right, bottom
Segment = tuple[float, float, float, float]  # x0, y0, x1, y1
LABEL_SIZE = 11.0  # .c-sym's font size in user units


def text_box(x: float, y: float, text: str, anchor: str, size: float = LABEL_SIZE) -> Box:
    """The box a line of text takes (baseline at y): a wide character (kana, kanji, the
    status symbols) is one em wide, any other about 0.6 em."""
    width = text_width(text, size)
    left = x - width if anchor == "end" else x - width / 2 if anchor == "middle" else x
    return left, y - size * 0.85, left + width, y + size * 0.25


def text_width(text: str, size: float = LABEL_SIZE) -> float:
    return sum(size if ord(c) >= 0x2000 else size * 0.6 for c in text)


def _obstacles(s: _Scale, data: ChartData, lang: Lang) -> tuple[list[Segment], list[Box]]:
    """What a label must not sit on: the lines (expected, actual, outlook) as segments;
    the target's diamond and word, the dots, as boxes."""
    segments: list[Segment] = []
    for series in (data.expected, data.actual):
        points = [(s.x(y), s.y(v)) for y, v in series]
        segments += [(*a, *b) for a, b in itertools.pairwise(points)]
    boxes: list[Box] = [(s.x(y) - 3, s.y(v) - 3, s.x(y) + 3, s.y(v) + 3) for y, v in data.actual]
    if data.outlook is not None and data.judged is not None:
        (jy, jv), (oy, ov) = data.judged, data.outlook
        segments.append((s.x(jy), s.y(jv), s.x(oy), s.y(ov)))
        boxes.append((s.x(oy) - 4, s.y(ov) - 4, s.x(oy) + 4, s.y(ov) + 4))
    if data.target is not None:
        tx, ty = s.x(data.target[0]), s.y(data.target[1])
        boxes.append((tx - 6, ty - 6, tx + 6, ty + 6))
        boxes.append(text_box(tx - 8, ty - 7, t("chart.target", lang), "end"))
    return segments, boxes


def status_label_place(
    jx: float, jy: float, word: str, obstacles: tuple[list[Segment], list[Box]]
) -> tuple[float, float, str]:
    """(x, y, text-anchor) of the status word beside the judged dot at (jx, jy): the first
    of below, above, right, left (then further out) where the word covers no line, dot,
    marker or label and stays inside the plot; else where it covers the least."""
    side = "end" if jx > WIDTH - RIGHT - 40 else "start" if jx < LEFT + 40 else "middle"
    candidates = [
        (jx, jy + 17, side),
        (jx, jy - 9, side),
        (jx + 9, jy + 4, "start"),
        (jx - 9, jy + 4, "end"),
        (jx + 6, jy + 17, "start"),
        (jx - 6, jy + 17, "end"),
        (jx + 6, jy - 9, "start"),
        (jx - 6, jy - 9, "end"),
        (jx, jy + 28, side),
        (jx, jy - 20, side),
    ]
    segments, boxes = obstacles
    best, best_cost = candidates[0], math.inf
    for places in (candidates, _farther(jx, jy, word)):  # the second only when needed
        for x, y, anchor in places:
            cost = label_cover(text_box(x, y, word, anchor), segments, boxes)
            if cost == 0:
                return x, y, anchor
            if cost < best_cost:
                best, best_cost = (x, y, anchor), cost
    return best


def _farther(jx: float, jy: float, word: str):
    """Where a crowded chart's label may go next: places up to about 45 units from the
    dot, nearest first (a generator: only looked at when no place beside it is free)."""
    width = text_width(word)
    places = []
    for anchor, shift in (("start", 0.0), ("end", -width), ("middle", -width / 2)):
        for dy in range(-36, 41, 4):
            for dx in range(-44, 45, 4):
                # the gap between the dot and the label's box (baseline y = jy + dy)
                left = jx + dx + shift
                gap_x = max(0.0, left - jx, jx - (left + width))
                top, bottom = jy + dy - LABEL_SIZE * 0.85, jy + dy + LABEL_SIZE * 0.25
                gap_y = max(0.0, top - jy, jy - bottom)
                gap = math.hypot(gap_x, gap_y)
                if 7 <= gap <= 45:
                    places.append((gap, jx + dx, jy + dy, anchor))
    places.sort()
    for _, x, y, anchor in places:
        yield x, y, anchor


def label_cover(box: Box, segments: list[Segment], boxes: list[Box]) -> float:
    """How much of the chart a label's box covers: the length of line under it, the area
    of markers under it, and a heavy price for leaving the plot (axis labels below it)."""
    left, top, right, bottom = box
    grown = (left - 1.5, top - 1.5, right + 1.5, bottom + 1.5)
    cost = sum(_clipped_length(seg, grown) for seg in segments)
    for b in boxes:
        w = min(right, b[2]) - max(left, b[0])
        h = min(bottom, b[3]) - max(top, b[1])
        if w > 0 and h > 0:
            cost += w * h
    outside = max(0.0, 0 - left) + max(0.0, right - WIDTH) + max(0.0, TOP - 10 - top)
    outside += max(0.0, bottom - (HEIGHT - BOTTOM))
    return cost + outside * 100


def _clipped_length(seg: Segment, box: Box) -> float:
    """The length of the segment inside the box (Liang–Barsky clipping)."""
    x0, y0, x1, y1 = seg
    dx, dy = x1 - x0, y1 - y0
    low, high = 0.0, 1.0
    for p, q in (
        (-dx, x0 - box[0]),
        (dx, box[2] - x0),
        (-dy, y0 - box[1]),
        (dy, box[3] - y0),
    ):
        if p == 0:
            if q < 0:
                return 0.0
            continue
        r = q / p
        if p < 0:
            low = max(low, r)
        else:
            high = min(high, r)
        if low > high:
            return 0.0
    return (high - low) * math.hypot(dx, dy)


# --- the summary: a stacked bar per goal --------------------------------------------------

SUMMARY_W, SUMMARY_ROW, SUMMARY_LEFT = 640, 23, 34


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
        out.append(f'<text class="c-glab" x="0" y="{y + 13}">{esc(g.code)}</text>')
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
                out.append(f'<text class="c-seg" x="{_f(x + w / 2)}" y="{y + 12.5}">{text}</text>')
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


# --- the Markdown report's text charts -------------------------------------------------------

SPARK = "▁▂▃▄▅▆▇█"


def trend_points(result: KpiResult, year: int) -> list[tuple[int, float]]:
    """The baseline and the actuals up to `year`; running sums for a period total."""
    return list(chart_data(result, year, year).actual)


def sparkline(values: list[float]) -> str:
    """'▁▄█' for [1, 2, 3]; a flat series is a row of '▄'; no values gives '·'."""
    if not values:
        return "·"
    low, high = min(values), max(values)
    if high == low:
        return SPARK[3] * len(values)
    top = len(SPARK) - 1
    return "".join(SPARK[round((v - low) / (high - low) * top)] for v in values)
