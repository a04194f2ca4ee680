"""`pdca report`: the report for the committee's meeting, as one HTML page or Markdown.

    from kanazawa_pdca.report import render_report
    text = render_report(report, lang="ja", fmt="html", previous=last_year_report)

Both formats carry the same content (`view.meeting`): page 1 with the title, the year,
the data's date, the day it was made, the summary per goal and the 要注意 list; then per
goal and policy the committee's review and every KPI with its figure, source and note,
expected value, status, movement since last year, outlook, explanation and override.
The HTML page is self-contained (inline CSS and SVG, no JavaScript, no network).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ..assess import Report

ReportFormat = Literal["html", "md"]
FORMATS: tuple[str, ...] = ("html", "md")
# what `pdca report -o FILE` writes, by suffix; anything else is refused
SUFFIXES: dict[str, str] = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def render_report(
    report: Report,
    lang="ja",
    fmt: ReportFormat = "html",
    *,
    previous: Report | None = None,
    created: dt.date | None = None,
    charts: bool = True,
) -> str:
    """The report as text: a whole HTML page (`fmt="html"`) or Markdown (`fmt="md"`).

    `previous`: the Report of the year before (for the movement since last year and the
    要注意 list); `created`: the date printed on page 1 (today by default); `charts`:
    False for the short version without charts.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format: {fmt!r} (use one of: {', '.join(FORMATS)})")
    from .view import meeting

    view = meeting(report, previous, created)
    if fmt == "html":
        from . import html

        return html.render(view, lang, with_charts=charts)
    from . import markdown

    return markdown.render(view, lang, with_charts=charts)
