"""`pdca report`: one self-contained HTML page with a chart for every KPI.

The page needs nothing but itself: the CSS is inline, the charts are inline SVG drawn
by pygal (see `charts`), there is no JavaScript and no reference to the network. A
status is always written as symbol + word; its colour only repeats it.
"""

from __future__ import annotations

from html import escape
from importlib import resources

from .. import __version__
from ..assess import GoalResult, KpiResult, Report
from ..formats.layout import Section, criteria, goal_views, kpi_count
from ..formats.numbers import figure_digits, percent, with_unit, year_tag
from ..i18n import KIND_WORDS, TARGET_KIND_WORDS, Lang, kpi_name, status_label, t, title
from ..trajectory import Status
from ..years import label
from . import charts


def _x(key: str, lang: Lang) -> str:
    return t(f"report.{key}", lang)


def render(report: Report, lang: Lang = "ja") -> str:
    """The whole page as a string."""
    meta = report.strategy.meta
    name = meta.title_en if lang == "en" else meta.title
    heading = f"{_x('heading', lang)} — {label(report.year, lang)}"
    views = goal_views(report, lang)
    shown = {r.kpi.id for v in views for s in v.sections for r in s.results}
    others = [r for r in report.kpis if r.kpi.id not in shown]
    body: list[str] = [
        "<header>",
        f"<h1>{escape(name)}</h1>",
        f'<p class="subtitle">{escape(heading)}</p>',
        *_facts(report, lang),
        "</header>",
        *_toc(views, bool(others), lang),
        *_summary(report, lang),
    ]
    for view in views:
        body.append(f'<section class="goal" id="goal-{view.goal.number}">')
        body.append(f"<h2>{escape(view.heading)}</h2>")
        body.append(_goal_line(view.goal, lang))
        for i, section in enumerate(view.sections):
            body += _section(report, section, f"goal-{view.goal.number}-{i}", lang)
        body.append("</section>")
    if others:
        body.append('<section class="goal" id="other">')
        body.append(f"<h2>{escape(_x('other', lang))}</h2>")
        body += _section(report, Section(_x("other", lang), others), "other-0", lang)
        body.append("</section>")
    body.append(
        f"<footer><p>{escape(_x('chart_note', lang))}</p>"
        f"<p>{escape(_x('generated', lang).format(version=__version__))}</p></footer>"
    )
    page = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(name)} — {escape(heading)}</title>",
        f"<style>\n{_css()}</style>",
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(page)


def _css() -> str:
    base = resources.files(__package__).joinpath("style.css").read_text(encoding="utf-8")
    colours = [f"html {{ font-family: {charts.FONT_FAMILY}; }}"]
    for status, colour in charts.STATUS_COLORS.items():
        colours.append(f".st-{status.value} {{ --st: {colour}; --st-bg: {colour}22; }}")
    return base + "\n".join(colours) + "\n"


def _facts(report: Report, lang: Lang) -> list[str]:
    files = ", ".join(report.actuals_files[y] for y in sorted(report.actuals_files))
    rule = _x("strict" if report.strict else "latest", lang)
    rows = [
        (_x("year", lang), f"{label(report.year, lang)} — {rule}"),
        (t("thresholds", lang), criteria(report, lang)),
        (_x("kpis", lang), kpi_count(report, lang)),
        (_x("data", lang), files or _x("none", lang)),
    ]
    out = ['<dl class="facts">']
    for term, text in rows:
        out.append(f"<dt>{escape(term)}</dt><dd>{escape(text)}</dd>")
    out.append("</dl>")
    return out


def _toc(views, others: bool, lang: Lang) -> list[str]:
    items = [f'<li><a href="#summary">{escape(t("summary", lang))}</a></li>']
    for view in views:
        items.append(f'<li><a href="#goal-{view.goal.number}">{escape(view.heading)}</a></li>')
    if others:
        items.append(f'<li><a href="#other">{escape(_x("other", lang))}</a></li>')
    return [
        '<nav class="toc">',
        f"<strong>{escape(_x('contents', lang))}</strong>",
        "<ol>",
        *items,
        "</ol>",
        "</nav>",
    ]


def _status(status: Status, lang: Lang) -> str:
    return f'<span class="status st-{status.value}">{escape(status_label(status, lang))}</span>'


def _summary(report: Report, lang: Lang) -> list[str]:
    statuses = list(Status)
    out = [
        '<section id="summary">',
        f"<h2>{escape(t('summary', lang))}</h2>",
        '<figure class="summary" id="summary-chart">',
        charts.summary_svg(report, lang),
        f"<figcaption>{escape(t('summary', lang))}: "
        f"{escape(t('goal', lang))} × {escape(t('status', lang))}</figcaption>",
        "</figure>",
        "<table>",
        "<thead><tr>",
        f"<th>{escape(t('goal', lang))}</th>",
        *(f'<th class="num">{_status(s, lang)}</th>' for s in statuses),
        f'<th class="num">{escape(t("share_good", lang))}</th>',
        "</tr></thead>",
        "<tbody>",
    ]
    for g in report.goals:
        cells = [f'<td><a href="#goal-{g.number}">{escape(f"{g.code} {title(g, lang)}")}</a></td>']
        cells += [f'<td class="num">{g.counts[s]}</td>' for s in statuses]
        cells.append(f'<td class="num">{percent(g.share_on_track)}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    summary = report.summary
    total = [f"<td>{escape(t('total', lang))}</td>"]
    total += [f'<td class="num">{summary[s]}</td>' for s in statuses]
    total.append(f'<td class="num">{percent(report.share_on_track)}</td>')
    out += ["</tbody>", "<tfoot><tr>" + "".join(total) + "</tr></tfoot>", "</table>"]
    out += _meaning(report, lang)
    out.append("</section>")
    return out


def _meaning(report: Report, lang: Lang) -> list[str]:
    th = report.thresholds
    on, behind = f"{th.on_track:.0%}", f"{th.behind:.0%}"
    out = [
        f"<h3>{escape(_x('status_meaning', lang))}</h3>",
        '<table class="legend-table"><tbody>',
    ]
    for status in Status:
        text = t(f"meaning.{status.value}", lang).format(on=on, behind=behind)
        out.append(f"<tr><td>{_status(status, lang)}</td><td>{escape(text)}</td></tr>")
    out.append("</tbody></table>")
    out.append(f'<p class="muted">{escape(_x("chart_note", lang))}</p>')
    return out


def _goal_line(goal: GoalResult, lang: Lang) -> str:
    parts = [f"{_status(s, lang)} {n}" for s, n in goal.counts.items() if n]  # those present
    share = f"{escape(t('share_good', lang))}: <strong>{percent(goal.share_on_track)}</strong>"
    return f'<p class="goal-summary">{" ".join(parts)} — {share}</p>'


def _section(report: Report, section: Section, anchor: str, lang: Lang) -> list[str]:
    out = [
        f'<section class="policy" id="{anchor}">',
        f"<h3>{escape(section.heading)}</h3>",
        *_kpi_table(section.results, lang),
        f'<div class="charts" aria-label="{escape(_x("charts", lang))}">',
    ]
    for r in section.results:
        out += _figure(report, r, lang)
    out += ["</div>", "</section>"]
    return out


def _kpi_table(results: list[KpiResult], lang: Lang) -> list[str]:
    heads = ["status", "kpi", "baseline", "target", "expected", "actual", "attainment", "progress"]
    numeric = {"baseline", "target", "expected", "actual", "attainment", "progress"}
    out = ["<table>", "<thead><tr>"]
    for key in heads:
        cls = ' class="num"' if key in numeric else ""
        out.append(f"<th{cls}>{escape(t(key, lang))}</th>")
    out += ["</tr></thead>", "<tbody>"]
    for r in results:
        out.append(_row(r, lang))
    out += ["</tbody>", "</table>"]
    return out


def _row(r: KpiResult, lang: Lang) -> str:
    k = r.kpi
    digits = figure_digits(k)
    ref = k.id
    if k.measures:
        ref += " · " + k.measures[0]
        if len(k.measures) > 1:
            ref += f" ({t('also_in', lang)} {', '.join(k.measures[1:])})"
    name = (
        f'<a href="#{escape(k.id)}">{escape(kpi_name(k, lang))}</a>'
        f'<span class="ref">{escape(ref)}</span>'
    )
    if r.missing_years:
        missing = ", ".join(year_tag(y).strip("()") for y in r.missing_years)
        name += f'<span class="warn">{escape(t("missing", lang))}: {escape(missing)}</span>'
    baseline = _with_year(with_unit(k.baseline.value, k.unit), year_tag(k.baseline.year))
    if k.target.kind == "reset":
        target = escape(k.target.text)
    else:
        prefix = "≥ " if k.target.kind in ("at_least", "maintain") else ""
        when = year_tag(k.target.year)
        if k.period:
            span = f"{year_tag(k.period[0])}–{year_tag(k.period[1])}".replace(")–(", "–")
            when = f"{span} {_x('period_sum', lang)}"
        target = _with_year(prefix + with_unit(k.target.value, k.unit), when)
    expected = escape(with_unit(r.expected, k.unit, digits))
    actual = escape(with_unit(r.actual, k.unit))
    if r.actual_year is not None:
        stale = " stale" if r.stale else ""
        hint = f' title="{escape(_x("stale", lang))}"' if r.stale else ""
        actual += f'<span class="year{stale}"{hint}>{escape(year_tag(r.actual_year))}</span>'
    progress = "—"
    if r.progress is not None:
        width = round(min(max(r.progress, 0.0), 1.0) * 100)
        progress = (
            f'<span class="progress" aria-hidden="true"><span style="width:{width}%"></span>'
            f"</span>{percent(r.progress)}"
        )
    cells = [
        f"<td>{_status(r.status, lang)}</td>",
        f'<td class="kpi">{name}</td>',
        f'<td class="num">{baseline}</td>',
        f'<td class="num">{target}</td>',
        f'<td class="num">{expected}</td>',
        f'<td class="num">{actual}</td>',
        f'<td class="num">{percent(r.attainment)}</td>',
        f'<td class="num">{progress}</td>',
    ]
    return f'<tr id="row-{escape(k.id)}">' + "".join(cells) + "</tr>"


def _with_year(value: str, year: str) -> str:
    return f'{escape(value)}<span class="year">{escape(year)}</span>'


def _figure(report: Report, r: KpiResult, lang: Lang) -> list[str]:
    k = r.kpi
    tags = []
    if k.kind != "level":
        tags.append(KIND_WORDS[k.kind][lang])
    if k.target.kind in ("at_least", "maintain", "reset"):
        tags.append(TARGET_KIND_WORDS[k.target.kind][lang])
    tag_html = "".join(f'<span class="tag">{escape(x)}</span>' for x in tags)
    unit = f" · {_x('unit', lang)}: {k.unit}" if k.unit else ""
    kid = escape(k.id)
    return [
        f'<figure class="kpi st-{r.status.value}" id="{kid}" data-kpi="{kid}">',
        charts.kpi_chart_svg(r, report, lang),
        "<figcaption>",
        f"{_status(r.status, lang)}{tag_html}",
        f'<a class="name" href="#row-{kid}">{escape(kpi_name(k, lang))}</a>',
        f'<span class="ref">{kid}{escape(unit)}</span>',
        "</figcaption>",
        "</figure>",
    ]
