"""`--format markdown`: a report a committee can read (GitHub-flavoured Markdown)."""

from __future__ import annotations

from ..assess import KpiResult, Report
from ..i18n import (
    Lang,
    grade_label,
    kpi_name,
    override_note,
    result_label,
    status_label,
    t,
    title,
    unit_suffix,
)
from ..present import escape
from ..present.layout import (
    criteria,
    first_shown,
    floor_text,
    goal_views,
    kpi_count,
    older_line,
)
from ..present.notes import provenance_parts
from ..present.numbers import (
    bar,
    figure_digits,
    kpi_figure,
    percent,
    target_text,
    with_unit,
    year_tag,
)
from ..present.outlook_cell import outlook_cell
from ..present.summary import summary_table
from ..trajectory import Status
from ..years import label
from . import RenderOptions

# data text (titles, names, units, notes) through the one Markdown escape
_esc = escape.markdown


def render(report: Report, options: RenderOptions) -> str:
    lang = options.lang
    meta = report.strategy.meta
    name = title(meta, lang)
    heading = t("report.heading", lang)
    lines = [f"# {_esc(name)} — {heading} {label(report.year, lang)}", ""]
    lines += [f"{t('report.kpis', lang)}: {kpi_count(report, lang)}"]
    if report.strict:
        lines += ["", t("report.strict", lang)]
    if report.is_filtered:
        from .table import filter_line, summary_title

        lines += ["", _esc(filter_line(report, lang))]
        lines += ["", f"## {summary_title(report, lang)}", ""]
    else:
        lines += ["", f"## {t('summary', lang)}", ""]
    lines += summary_table(report, lang)
    if older := older_line(report, lang):  # the counts include figures of older years
        lines += ["", _esc(older)]
    for view in goal_views(report, lang):
        lines += ["", f"## {_esc(view.heading)}", ""]
        for section in view.sections:
            lines += [f"### {_esc(section.heading)}", ""]
            if section.results:
                lines += _kpi_table(section.results, lang)
                lines.append("")
            lines += [_reprint(r, lang) for r in section.reprints]
            if section.reprints:
                lines.append("")
    lines += ["", f"**{t('legend', lang)}**: " + " · ".join(status_label(s, lang) for s in Status)]
    if report.overridden:
        lines += ["", t("override.legend", lang)]
    lines += ["", f"{t('thresholds', lang)}: {criteria(report, lang)}", ""]
    return "\n".join(lines)


def _kpi_table(results: list[KpiResult], lang: Lang) -> list[str]:
    head = [
        t("status", lang), t("kpi", lang), t("baseline", lang), t("target", lang),
        t("expected", lang), t("actual", lang), t("attainment", lang), t("progress", lang),
        t("outlook", lang),
    ]  # fmt: skip
    rows = ["| " + " | ".join(head) + " |", "|---|---|" + "---:|" * 5 + "---|---:|"]
    for r in results:
        k = r.kpi
        name = f"{_esc(kpi_name(k, lang))}<br>`{k.id}` · {', '.join(k.measures)}"
        if r.missing_years:
            name += f"<br>{t('missing', lang)}: " + ", ".join(
                year_tag(y, k, lang).strip("()") for y in r.missing_years
            )
        if r.override is not None:
            name += f"<br>{_esc(override_note(r, lang) or '')}"
        for word, text in provenance_parts(r, lang):
            name += f"<br>{word}: {escape.markdown(text)}"
        target = target_text(k, lang)
        baseline = with_unit(k.baseline.value, unit_suffix(k, lang))
        actual = with_unit(r.actual, unit_suffix(k, lang), max(2, figure_digits(k)))
        if r.actual_year is not None:
            actual += f" {year_tag(r.actual_year, k, lang)}"
        progress = f"`{bar(r.progress)}` {percent(r.progress)}" if r.progress is not None else "—"
        attainment = percent(r.attainment)
        floor = floor_text(r, lang)
        if floor is not None:  # a floor to keep: kept or not, and the gap to the floor
            attainment, progress = floor[1], "—"
        rows.append(
            "| "
            + " | ".join(
                [
                    judged_cell(r, lang),
                    name,
                    _esc(f"{baseline} {year_tag(k.baseline.year, k, lang)}".strip()),
                    _esc(target),
                    _esc(kpi_figure(k, r.expected, unit_suffix(k, lang))),
                    _esc(actual),
                    attainment,
                    progress,
                    outlook_cell(r, lang),
                ]
            )
            + " |"
        )
    return rows


def judged_cell(r: KpiResult, lang: Lang) -> str:
    """The status; on a strategy's own scale the grade first, in bold, the status under it."""
    if r.grade is None:
        return result_label(r, lang)
    return f"**{_esc(grade_label(r.grade, lang))}**<br>{result_label(r, lang)}"


def _reprint(r: KpiResult, lang: Lang) -> str:
    """A KPI printed again here (再掲), shown in full under its first printing."""
    name = _esc(kpi_name(r.kpi, lang))
    where = _esc(first_shown(r))
    return t("md.reprint", lang).format(
        name=name, id=r.kpi.id, label=result_label(r, lang), where=where
    )
