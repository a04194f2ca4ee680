"""The terminal chart of `pdca show`: the expected line against the figures, drawn by plotext.

What is drawn (every series has its own marker, so it reads without colour):
- the expected line from the baseline to the target (period totals: the expected running
  sum), a fine braille line;
- the baseline and the recorded figures (period totals: their running sum), ● joined by
  a line;
- the target (maintain: the floor) as a horizontal rule;
- the outlook, a dotted line from the figure judged to the projection at the target year.
Years are labelled as R years (H before Reiwa).
"""

from __future__ import annotations

from ..i18n import Lang, t, unit_suffix
from ..present import escape
from ..present.numbers import number, with_unit
from ..years import reiwa

HEIGHT = 16
MAX_WIDTH = 110


def series(history) -> dict[str, list[tuple[int, float]]]:
    """The points of each series (pure, so it is testable without drawing)."""
    kpi = history.kpi
    figures = {f.year: f.value for f in history.figures}
    out: dict[str, list[tuple[int, float]]] = {"expected": history.expected_line()}
    if kpi.kind == "period_total" and kpi.period:
        start, end = kpi.period
        running, total = [], 0.0
        for y in range(start, end + 1):
            if y not in figures:
                break
            total += figures[y]
            running.append((y, total))
        out["actual"] = running
    else:
        b = kpi.baseline
        if b.year is not None and b.value is not None:
            base = [(b.year, b.value)]
            out["actual"] = base + sorted((y, v) for y, v in figures.items() if y > b.year)
        else:  # no baseline: the figures alone
            out["actual"] = sorted(figures.items())
    r = history.current
    o = r.outlook
    out["outlook"] = (
        [(r.actual_year, r.actual), (o.year, o.projected)] if o is not None and r.actual else []
    )
    return out


def y_ticks(low: float, high: float, count: int = 5) -> tuple[list[float], list[str]]:
    """Evenly spaced ticks from low to high, written as the tables write figures
    ('12,000', '47.5'), with just enough decimals to tell them apart."""
    if high == low:
        return [low], [number(low, 2)]
    step = (high - low) / (count - 1)
    positions = [low + i * step for i in range(count)]
    for digits in range(5):
        labels = [number(v, digits) for v in positions]
        if len(set(labels)) == count:
            break
    return positions, labels


def render_chart(history, lang: Lang, width: int, color: bool) -> str:
    """The chart as text, `width` columns wide (ANSI colours only with `color`)."""
    import plotext

    kpi = history.kpi
    data = series(history)
    total = kpi.kind == "period_total"
    years = sorted({y for points in data.values() for y, _ in points})
    if not years:
        return ""
    fig = plotext.figure
    fig.clear()
    fig.theme("simple" if color else "colorless")
    fig.plot_size(max(40, min(width, MAX_WIDTH)), HEIGHT)
    legend = []
    if data["expected"]:
        xs, ys = zip(*data["expected"], strict=True)
        fig.draw(fig.signal(list(xs), list(ys)).lines())
        legend.append(f"⠤⠤ {t('chart.expected_sum' if total else 'chart.expected', lang)}")
    if kpi.target.value is not None:
        fig.line(kpi.target.value)
        word = t("show.floor", lang) if kpi.target.kind == "maintain" else t("target", lang)
        legend.append(
            f"── {word} {with_unit(kpi.target.value, escape.terminal(unit_suffix(kpi, lang)))}"
        )
    if data["outlook"]:
        xs, ys = zip(*data["outlook"], strict=True)
        fig.draw(fig.signal(list(xs), list(ys), marker="·").lines())
        legend.append(f"··· {t('outlook', lang)}")
    if data["actual"]:
        xs, ys = zip(*data["actual"], strict=True)
        fig.draw(fig.signal(list(xs), list(ys), marker="•").lines())
        fig.draw(fig.signal(list(xs), list(ys), marker="●"))
        legend.insert(1, f"●•● {t('chart.actual_sum' if total else 'chart.actual', lang)}")
    first, last = years[0], years[-1]
    ticks = list(range(first, last + 1))
    step = 1
    while len(ticks[::step]) * 5 > max(40, min(width, MAX_WIDTH)) - 12:
        step += 1
    shown = ticks[::-step][::-1]  # the target year (the last) always labelled
    fig.ruler("x").ticks(shown, [reiwa(y) for y in shown])
    values = [v for points in data.values() for _, v in points]
    if kpi.target.value is not None:
        values.append(kpi.target.value)
    positions, labels = y_ticks(min(values), max(values))
    fig.ruler("y").ticks(positions, labels)
    text = fig.build().string(colorless=not color)
    fig.clear()
    lines = [line.rstrip() for line in text.splitlines()]
    return "\n".join([*lines, "   ".join(legend)]) + "\n"
