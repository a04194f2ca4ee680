"""The summary table in Markdown: one row per goal (its KPIs by status, the share on
track, projected misses, older figures), the total, and the grades' line. One table for
the two Markdown views that show it: `check --format markdown` and the Markdown report.
"""

from __future__ import annotations

from ..assess import Report, grade_counts, share_on_track
from ..i18n import Lang, grade_label, status_label, t, title
from ..trajectory import Status
from . import escape
from .numbers import percent

# data text (goal titles, grade labels) through the one Markdown escape
_esc = escape.markdown


def summary_table(report: Report, lang: Lang) -> list[str]:
    statuses = list(Status)
    head = [t("goal", lang), *(status_label(s, lang) for s in statuses), t("share_good", lang)]
    head += [t("outlook.miss", lang), t("report.stale", lang)]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" + "---:|" * (len(head) - 1)]
    goals, totals = report.summary_scope()  # whole goals, whatever the filters
    whole = report.whole or report
    ids = {k for g in goals for k in g.kpi_ids}
    misses = sum(
        1 for r in whole.kpis if r.kpi.id in ids and r.outlook is not None and not r.outlook.reaches
    )
    for g in goals:
        cells = [_esc(f"{g.code} {title(g, lang)}")]
        cells += [str(g.counts[s]) for s in statuses]
        cells.append(percent(g.share_on_track))
        cells += [str(g.projected_to_miss), str(g.older_figures)]
        rows.append("| " + " | ".join(cells) + " |")
    total = [f"**{t('total', lang)}**", *(str(totals[s]) for s in statuses)]
    total.append(percent(share_on_track(totals)))
    total += [str(misses), str(sum(report.summary_older_figures().values()))]
    rows.append("| " + " | ".join(total) + " |")
    return rows + grades_line(report, lang)


def grades_line(report: Report, lang: Lang) -> list[str]:
    """'**評定**: A 目標を大きく上回る 2 · B 目標どおり 3 · …' (none without grades)."""
    grades = report.strategy.evaluation.grades
    if not grades:
        return []
    goals, _ = report.summary_scope()
    ids = {k for g in goals for k in g.kpi_ids}
    whole = report.whole or report
    counts = grade_counts(report.strategy, [r for r in whole.kpis if r.kpi.id in ids])
    parts = " · ".join(f"{_esc(grade_label(g, lang))} {counts[g.code]}" for g in grades)
    return ["", f"**{t('grade', lang)}**: {parts}"]
