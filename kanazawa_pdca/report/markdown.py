"""`pdca report -o FILE.md`: the meeting report as GitHub-flavoured Markdown.

The same content as the HTML page (`view.meeting`), in reading order; a text sparkline
stands in for each chart. Every text from the data goes through `escape.markdown`.
"""

from __future__ import annotations

from ..assess import KpiResult
from ..i18n import (
    KIND_WORDS,
    OVERRIDE_MARK,
    TARGET_KIND_WORDS,
    Lang,
    grade_label,
    kpi_name,
    result_label,
    status_label,
    t,
    title,
    unit_suffix,
)
from ..present.escape import markdown as md
from ..present.layout import Section, criteria, goal_views, kpi_count
from ..present.numbers import number, with_unit, year_tag
from ..present.outlook_cell import outlook_cell
from ..present.summary import summary_table
from ..trajectory import Status
from ..years import label, reiwa
from .view import (
    Attention,
    Meeting,
    attention_more,
    card_facts,
    reason_text,
    review_rows,
    section_code,
)
from .view import report_text as _x  # one wording of report.KEY for every format


def render(view: Meeting, lang: Lang = "ja", *, with_charts: bool = True) -> str:
    report = view.report
    meta = report.strategy.meta
    name = title(meta, lang)
    lines: list[str] = []
    banner = f"> **⚠ {_x('fictional', lang)}**"
    if report.fictional:
        lines += [banner, ""]
    lines += [
        f"# {md(name)} — {_x('heading', lang)} {label(report.year, lang)}",
        "",
        f"*{_x('meeting', lang)}*",
        "",
    ]
    rule = _x("strict" if report.strict else "latest", lang)
    review = report.review_file or _x("no_review", lang).format(year=report.year)
    for term, text in (
        (_x("year", lang), f"{label(report.year, lang)} — {rule}"),
        (_x("as_of", lang), view.data_as_of(lang)),
        (_x("created", lang), view.created.isoformat()),
        (_x("review", lang), review),
        (t("thresholds", lang), criteria(report, lang)),
        (_x("kpis", lang), kpi_count(report, lang)),
    ):
        lines.append(f"- **{term}**: {md(text)}")
    lines += ["", f"## {t('summary', lang)}", ""]
    lines += summary_table(report, lang)
    if report.overridden:
        lines += ["", t("override.legend", lang)]
    lines += ["", f"## {_x('attention', lang)} ({len(view.attention)})", ""]
    lines += [_x("attention_note", lang), ""]
    if view.attention:
        more = attention_more(view, lang)
        if more is not None:
            lines += [more, ""]
        lines += _attention_table(view.attention_first, lang)
        if more is not None:
            lines += ["", f"### {_x('attention_rest', lang)}", ""]
            lines += _attention_table(view.attention_rest, lang)
    else:
        lines.append(_x("attention_none", lang))
    for goal_view in goal_views(report, lang):
        lines += ["", f"## {md(goal_view.heading)}", ""]
        lines += _review(view, goal_view.goal.code, lang)
        for section in goal_view.sections:
            code = section_code(goal_view, section, lang)
            lines += _section(view, section, code, lang, with_charts)
    shown = {r.kpi.id for v in goal_views(report, lang) for s in v.sections for r in s.results}
    others = [r for r in report.kpis if r.kpi.id not in shown]
    if others:
        lines += ["", f"## {_x('other', lang)}", ""]
        lines += _section(view, Section(_x("other", lang), others), None, lang, with_charts)
    lines += [
        "",
        "---",
        "",
        f"**{t('legend', lang)}**: " + " · ".join(status_label(s, lang) for s in Status),
        "",
    ]
    if report.fictional:
        lines += [banner, ""]
    lines.append(_x("generated", lang).format(version=_version()))
    return "\n".join(lines) + "\n"


def _attention_table(items: list[Attention], lang: Lang) -> list[str]:
    lines = [
        f"| {t('status', lang)} | {t('kpi', lang)} | {_x('why', lang)} | {t('outlook', lang)} |",
        "|---|---|---|---|",
    ]
    for item in items:
        r = item.result
        why = " · ".join(reason_text(k, lang) for k in item.reasons)
        lines.append(
            f"| {result_label(r, lang)} | [{md(kpi_name(r.kpi, lang))}](#{r.kpi.id}) "
            f"| {why} | {outlook_cell(r, lang)} |"
        )
    return lines


def _grade(r: KpiResult, lang: Lang) -> str:
    """On a strategy's own scale, the KPI's grade in bold before its status."""
    return "" if r.grade is None else f"**{md(grade_label(r.grade, lang))}** "


def _version() -> str:
    from .. import __version__

    return __version__


def _review(view: Meeting, code: str, lang: Lang) -> list[str]:
    review = view.report.review.group(code) if view.report.review is not None else None
    if review is None:
        return []
    rows = [f"- **{a}**: {md(b)}" for a, b in review_rows(view.report, review, lang)]
    return [f"**{_x('review', lang)}** ({code})", "", *rows, ""] if rows else []


def _section(
    view: Meeting, section: Section, policy: str | None, lang: Lang, with_charts: bool
) -> list[str]:
    lines = [f"### {md(section.heading)}", ""]
    if policy is not None:
        lines += _review(view, policy, lang)
        g, p = (int(x) for x in policy.split("-"))
        for m in view.report.strategy.goals[g - 1].policies[p - 1].measures:
            code = f"{policy}-{m.number}"
            lines += _review(view, code, lang)
    for r in section.results:
        lines += _kpi(view, r, lang, with_charts)
    if section.reprints:
        links = ", ".join(
            f"{result_label(r, lang)} [{md(kpi_name(r.kpi, lang))}](#{r.kpi.id})"
            for r in section.reprints
        )
        lines += [f"{t('show.relisted', lang)} {links}", ""]
    return lines


def _kpi(view: Meeting, r: KpiResult, lang: Lang, with_charts: bool) -> list[str]:
    k = r.kpi
    tags = []
    if k.kind != "level":
        tags.append(KIND_WORDS[k.kind][lang])
    if k.target.kind in ("at_least", "maintain", "reset"):
        tags.append(TARGET_KIND_WORDS[k.target.kind][lang])
    ref = " · ".join([f"`{k.id}`", ", ".join(k.measures), *tags])
    lines = [
        f'<a id="{k.id}"></a>',
        "",
        f"#### {_grade(r, lang)}{result_label(r, lang)} {md(kpi_name(k, lang))}",
        "",
        ref,
        "",
    ]
    actual = with_unit(r.actual, unit_suffix(k, lang))
    if r.actual_year is not None:
        actual += f" {year_tag(r.actual_year, k, lang)}"
    if r.missing_years:
        actual += f" — {t('missing', lang)}: " + ", ".join(reiwa(y) for y in r.missing_years)
    rows = [(t("actual", lang), md(actual))]
    for fact in card_facts(view, r, lang):
        aside = "" if fact.aside is None else f" ({fact.aside})"
        rows.append((fact.term, md(fact.text + aside)))
    if with_charts:
        from .charts import sparkline, trend_points

        points = trend_points(r, view.report.year)
        if points:
            figures = " → ".join(f"{reiwa(y)} {number(v)}" for y, v in points)
            if k.kind == "period_total" and len(points) > 1:
                figures += t("trend.sums", lang)
            rows.append(
                (t("trend.trend", lang), f"`{sparkline([v for _, v in points])}` {figures}")
            )
    if r.explanation:
        rows.append((t("explanation", lang), md(r.explanation)))
    if r.override is not None:
        computed = status_label(r.computed_status, lang)
        rows.append(
            (
                f"{OVERRIDE_MARK} {t('override.by', lang)}",
                f"{status_label(r.status, lang)} — {md(r.override.reason)} "
                f"({t('override.computed', lang)}: {computed})",
            )
        )
    lines += [f"- **{term}**: {value}" for term, value in rows]
    lines.append("")
    return lines
