"""`pdca report`: the committee's report, as one HTML page with charts or as Markdown.

    from kanazawa_pdca.report import render_report
    text = render_report(report, lang="ja", fmt="html")

The HTML page is self-contained (inline CSS and SVG, no JavaScript, no network); its
charts are drawn by pygal, which is imported only when the HTML is asked for. The
Markdown is `--format markdown`'s report followed by a text sparkline per KPI.
"""

from __future__ import annotations

from typing import Literal

from ..assess import KpiResult, Report
from ..formats.numbers import number
from ..i18n import Lang, kpi_name, status_label, t
from ..years import reiwa

ReportFormat = Literal["html", "md"]
FORMATS: tuple[str, ...] = ("html", "md")

SPARK = "▁▂▃▄▅▆▇█"


def render_report(report: Report, lang: Lang = "ja", fmt: ReportFormat = "html") -> str:
    """The report as text: a whole HTML page (`fmt="html"`) or Markdown (`fmt="md"`)."""
    if fmt == "html":
        from . import html

        return html.render(report, lang)
    if fmt == "md":
        return render_markdown(report, lang)
    raise ValueError(f"unknown report format: {fmt!r} (use one of: {', '.join(FORMATS)})")


def render_markdown(report: Report, lang: Lang = "ja") -> str:
    """`--format markdown`'s report plus a section with a text sparkline per KPI."""
    from ..formats import RenderOptions
    from ..formats.layout import goal_views
    from ..formats.markdown import render

    text = render(report, RenderOptions(lang=lang)).rstrip("\n")
    ordered = [r for v in goal_views(report, lang) for s in v.sections for r in s.results]
    seen = {r.kpi.id for r in ordered}
    ordered += [r for r in report.kpis if r.kpi.id not in seen]
    lines = [
        "",
        f"## {t('trend.heading', lang)}",
        "",
        f"| KPI | {t('trend.trend', lang)} | {t('trend.figures', lang)} |",
        "|---|---|---|",
    ]
    for r in ordered:
        points = trend_points(r, report.year)
        figures = " → ".join(f"{reiwa(y)} {number(v)}" for y, v in points)
        if r.kpi.kind == "period_total" and len(points) > 1:
            figures += t("trend.sums", lang)
        name = kpi_name(r.kpi, lang).replace("|", "\\|")
        lines.append(
            f"| {status_label(r.status, lang)} {name} `{r.kpi.id}` "
            f"| `{sparkline([v for _, v in points])}` | {figures} |"
        )
    return text + "\n" + "\n".join(lines) + "\n"


def trend_points(result: KpiResult, year: int) -> list[tuple[int, float]]:
    """The baseline and the actuals up to `year`; running sums for a period total."""
    from .charts import chart_data

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
