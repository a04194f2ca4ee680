"""`pdca report`: one self-contained HTML page for the committee's meeting.

Page 1: the title, the year, the data's date, the day it was made, the summary per goal
and the 要注意 list (linked to the KPIs). Then per goal and policy the committee's
review where one exists, and a card per KPI: its chart, the figure judged with source and
note, expected, status, movement since last year, outlook, the committee's explanation
and override. The page needs nothing but itself: inline CSS and SVG, no JavaScript, no
reference to the network; it prints on A4 portrait with page numbers. Every text from
the data goes through `escape.html`. A status is always symbol + word; colour repeats it.
"""

from __future__ import annotations

from importlib import resources

from .. import __version__
from ..assess import GoalResult, KpiResult, Report
from ..i18n import (
    KIND_WORDS,
    OVERRIDE_MARK,
    TARGET_KIND_WORDS,
    Lang,
    grade_label,
    kpi_name,
    localized,
    status_label,
    t,
    title,
    unit_suffix,
)
from ..present.escape import html as esc
from ..present.layout import Section, criteria, goal_views, kpi_count
from ..present.numbers import percent, with_unit, year_tag
from ..present.outlook_cell import outlook_cell
from ..trajectory import Status
from ..years import label
from . import charts
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
    """The whole page as a string."""
    report = view.report
    meta = report.strategy.meta
    name = title(meta, lang)
    heading = f"{_x('heading', lang)} — {label(report.year, lang)}"
    views = goal_views(report, lang)
    shown = {r.kpi.id for v in views for s in v.sections for r in s.results}
    others = [r for r in report.kpis if r.kpi.id not in shown]
    body: list[str] = []
    if report.fictional:
        body.append(f'<div class="fictional" role="note">⚠ {esc(_x("fictional", lang))}</div>')
    body += [
        '<section class="cover" id="top">',
        f'<p class="kicker">{esc(_x("meeting", lang))}</p>',
        f"<h1>{esc(name)}</h1>",
        f'<p class="subtitle">{esc(heading)}</p>',
        *_facts(view, lang),
        *_summary(report, lang, with_charts),
        *_attention(view, lang),
        "</section>",
        *_keys(report, lang, with_charts),
    ]
    for goal_view in views:
        g = goal_view.goal
        body.append(f'<section class="goal" id="goal-{g.number}">')
        body.append(f"<h2>{esc(goal_view.heading)}</h2>")
        body.append(_goal_line(g, lang))
        body += _review(report, g.code, lang)
        for i, section in enumerate(goal_view.sections):
            code = section_code(goal_view, section, lang)
            body += _section(view, section, code, f"goal-{g.number}-{i}", lang, with_charts)
        body.append("</section>")
    if others:
        body.append('<section class="goal" id="other">')
        body.append(f"<h2>{esc(_x('other', lang))}</h2>")
        other = Section(_x("other", lang), others)
        body += _section(view, other, None, "other-0", lang, with_charts)
        body.append("</section>")
    body.append(f"<footer><p>{esc(_x('generated', lang).format(version=__version__))}</p></footer>")
    classes = [
        c for c, on in (("fictional-data", report.fictional), ("no-charts", not with_charts)) if on
    ]
    page = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(name)} — {esc(heading)}</title>",
        f"<style>\n{_css(view, lang)}</style>",
        "</head>",
        f'<body class="{" ".join(classes)}">' if classes else "<body>",
        *body,
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(page)


def _css(view: Meeting, lang: Lang) -> str:
    base = resources.files(__package__).joinpath("style.css").read_text(encoding="utf-8")
    extra = [f"html {{ font-family: {charts.FONT_FAMILY}; }}", charts.chart_css()]
    # the page's running footer when printed: the title, the year and the page number
    report = view.report
    footer = _css_string(f"{title(report.strategy.meta, lang)} — {label(report.year, lang)}")
    page_word = _x("page", lang)
    banner = ""
    if report.fictional:  # on every printed page, in the top margin
        text = _css_string("⚠ " + _x("fictional", lang))
        banner = (
            f'  @top-center {{ content: "{text}"; font-size: 9pt; font-weight: bold;'
            " color: #7a2e00; background: #fff3cd; border: 2px solid #D55E00; }\n"
        )
    extra.append(
        "@page { size: A4 portrait; margin: 16mm 12mm 16mm;\n"
        + banner
        + f'  @bottom-left {{ content: "{footer}"; font-size: 8pt; color: #555; }}\n'
        f'  @bottom-right {{ content: "{page_word} " counter(page) " / " counter(pages);'
        " font-size: 8pt; color: #555; }\n}"
    )
    if report.fictional:  # page 1 has the banner in the page itself
        extra.append("@page :first { @top-center { content: none; } }")
    if report.strategy.evaluation.grades:  # the grade before a card's status
        extra.append(GRADE_CSS)
    return base + "\n".join(extra) + "\n"


GRADE_CSS = (
    ".grade { display: inline-block; font-weight: bold; border: 1px solid currentColor;\n"
    "  border-radius: 3px; padding: 0 4px; margin-right: 4px; white-space: nowrap; }"
)


def _css_string(text: str) -> str:
    """Text for a CSS string in a <style> element (escape.css_string)."""
    from ..present.escape import css_string

    return css_string(text)


def _facts(view: Meeting, lang: Lang) -> list[str]:
    report = view.report
    rule = _x("strict" if report.strict else "latest", lang)
    review = report.review_file or _x("no_review", lang).format(year=report.year)
    rows = [
        (_x("year", lang), f"{label(report.year, lang)} — {rule}"),
        (_x("as_of", lang), view.data_as_of(lang)),
        (_x("created", lang), view.created.isoformat()),
        (_x("review", lang), review),
        (t("thresholds", lang), criteria(report, lang)),
        (_x("kpis", lang), kpi_count(report, lang)),
    ]
    out = ['<dl class="facts">']
    for term, text in rows:
        out.append(f"<dt>{esc(term)}</dt><dd>{esc(text)}</dd>")
    out.append("</dl>")
    return out


def _status(status: Status, lang: Lang, override: bool = False) -> str:
    mark = f' <span class="ovr" title="{esc(t("override.by", lang))}">{OVERRIDE_MARK}</span>'
    return (
        f'<span class="status st-{status.value}">{esc(status_label(status, lang))}'
        f"{mark if override else ''}</span>"
    )


def _summary(report: Report, lang: Lang, with_charts: bool) -> list[str]:
    statuses = list(Status)
    out = [
        '<section id="summary">',
        f"<h2>{esc(t('summary', lang))}</h2>",
    ]
    if with_charts:
        out += [
            '<figure class="summary" id="summary-chart">',
            charts.summary_svg(report, lang),
            "</figure>",
        ]
    out += [
        '<table class="summary-table">',
        "<thead><tr>",
        f"<th>{esc(t('goal', lang))}</th>",
        *(f'<th class="num">{_status(s, lang)}</th>' for s in statuses),
        f'<th class="num">{esc(t("share_good", lang))}</th>',
        f'<th class="num">{esc(t("outlook.miss", lang))}</th>',
        "</tr></thead>",
        "<tbody>",
    ]
    for g in report.goals:
        cells = [f'<td><a href="#goal-{g.number}">{esc(f"{g.code} {title(g, lang)}")}</a></td>']
        cells += [f'<td class="num">{g.counts[s] or "·"}</td>' for s in statuses]
        cells.append(f'<td class="num">{percent(g.share_on_track)}</td>')
        cells.append(f'<td class="num">{g.projected_to_miss}</td>')
        out.append("<tr>" + "".join(cells) + "</tr>")
    summary = report.summary
    total = [f"<td>{esc(t('total', lang))}</td>"]
    total += [f'<td class="num">{summary[s]}</td>' for s in statuses]
    total.append(f'<td class="num">{percent(report.share_on_track)}</td>')
    total.append(f'<td class="num">{report.projected_to_miss}</td>')
    out += ["</tbody>", "<tfoot><tr>" + "".join(total) + "</tr></tfoot>", "</table>"]
    out += _grades(report, lang)
    if report.overridden:
        out.append(f'<p class="muted">{esc(t("override.legend", lang))}</p>')
    out.append("</section>")
    return out


def _attention(view: Meeting, lang: Lang) -> list[str]:
    out = [
        '<section id="attention">',
        f"<h2>{esc(_x('attention', lang))} <small>({len(view.attention)})</small></h2>",
        f'<p class="muted">{esc(_x("attention_note", lang))}</p>',
    ]
    if not view.attention:
        out.append(f"<p>{esc(_x('attention_none', lang))}</p>")
        out.append("</section>")
        return out
    more = attention_more(view, lang)
    if more is not None:  # said before the table, so that page 1 says it
        out.append(f'<p class="more">{esc(more)}</p>')
    out += _attention_table(view.attention_first, lang)
    if more is not None:
        out.append(f'<h3 id="attention-rest">{esc(_x("attention_rest", lang))}</h3>')
        out += _attention_table(view.attention_rest, lang)
    out.append("</section>")
    return out


def _attention_table(items: list[Attention], lang: Lang) -> list[str]:
    out = ['<table class="attention">']
    out.append(
        f"<thead><tr><th>{esc(t('status', lang))}</th><th>{esc(t('kpi', lang))}</th>"
        f"<th>{esc(_x('why', lang))}</th><th>{esc(t('outlook', lang))}</th></tr></thead><tbody>"
    )
    for item in items:
        r = item.result
        kid = esc(r.kpi.id)
        # each reason whole on its line: '× 遅れ · 見込み未達' breaks only between reasons
        why = " · ".join(f"<span>{esc(reason_text(k, lang))}</span>" for k in item.reasons)
        out.append(
            f"<tr><td>{_status(r.status, lang, r.override is not None)}</td>"
            f'<td><a href="#{kid}">{esc(kpi_name(r.kpi, lang))}</a>'
            f' <span class="ref">{esc(r.kpi.measures[0] if r.kpi.measures else "")}</span></td>'
            f'<td class="why">{why}</td><td class="num">{esc(outlook_cell(r, lang))}</td></tr>'
        )
    out.append("</tbody></table>")
    return out


def _keys(report: Report, lang: Lang, with_charts: bool) -> list[str]:
    """What the statuses mean, how to read a chart, and the review's scale."""
    th = report.thresholds
    on, behind = f"{th.on_track:.0%}", f"{th.behind:.0%}"
    out = ['<section class="keys" id="keys">', f"<h2>{esc(_x('status_meaning', lang))}</h2>"]
    out.append('<table class="legend-table"><tbody>')
    for status in Status:
        text = t(f"meaning.{status.value}", lang).format(on=on, behind=behind)
        out.append(f"<tr><td>{_status(status, lang)}</td><td>{esc(text)}</td></tr>")
    out.append("</tbody></table>")
    if with_charts:
        out.append(f"<h3>{esc(_x('legend', lang))}</h3>")
        out.append(f'<p class="legend">{charts.legend_svg(lang)}</p>')
        out.append(f'<p class="muted">{esc(_x("years_note", lang))}</p>')
    ev = report.strategy.evaluation
    if report.review is not None and (ev.ratings or ev.directions):
        out.append(f"<h3>{esc(_x('scale', lang))}</h3>")
        if ev.default_scale:
            note = _x("default_scale", lang).format(issuer=report.strategy.meta.issuer)
            out.append(f'<p class="muted">{esc(note)}</p>')
        out.append('<table class="legend-table"><tbody>')
        for kind, terms in (
            (_x("rating", lang), ev.ratings),
            (_x("direction", lang), ev.directions),
        ):
            for term in terms:
                word = localized(term, "label", lang)
                meaning = localized(term, "meaning", lang)
                shown = "" if word == term.code else f" {esc(word)}"
                out.append(
                    f"<tr><td>{esc(kind)}</td><td><b>{esc(term.code)}</b>{shown}</td>"
                    f"<td>{esc(meaning)}</td></tr>"
                )
        out.append("</tbody></table>")
    out.append("</section>")
    return out


def _goal_line(goal: GoalResult, lang: Lang) -> str:
    parts = [f"{_status(s, lang)} {n}" for s, n in goal.counts.items() if n]  # those present
    # the share stays whole: never its figure alone on a line
    share = f"{esc(t('share_good', lang))}: <strong>{percent(goal.share_on_track)}</strong>"
    return f'<p class="goal-summary">{" ".join(parts)} — <span class="share">{share}</span></p>'


def _review(report: Report, code: str, lang: Lang) -> list[str]:
    """The committee's rating, analysis, direction and plan for a goal or a policy."""
    review = report.review.group(code) if report.review is not None else None
    if review is None:
        return []
    rows = review_rows(report, review, lang)
    if not rows:
        return []
    out = [f'<div class="review"><p class="review-head">{esc(_x("review", lang))}</p><dl>']
    out += [f"<dt>{esc(a)}</dt><dd>{esc(b)}</dd>" for a, b in rows]
    out.append("</dl></div>")
    return out


def _measures_review(report: Report, policy_code: str, lang: Lang) -> list[str]:
    """The committee's word on the measures of a policy (one row each), where given."""
    if report.review is None or "-" not in policy_code:
        return []
    g, p = (int(x) for x in policy_code.split("-")[:2])
    policy = report.strategy.goals[g - 1].policies[p - 1]
    rows = []
    for m in policy.measures:
        code = f"{policy_code}-{m.number}"
        review = report.review.group(code)
        if review is None:
            continue
        cells = {k: v for k, v in review_rows(report, review, lang)}
        text = " ".join(
            f"<b>{esc(k)}</b> {esc(v)}"
            for k, v in cells.items()
            if k in (_x("analysis", lang), _x("plan", lang))
        )
        rows.append(
            f"<tr><td>{esc(code)} {esc(title(m, lang))}</td>"
            f"<td>{esc(cells.get(_x('rating', lang), ''))}</td>"
            f"<td>{esc(cells.get(_x('direction', lang), ''))}</td><td>{text}</td></tr>"
        )
    if not rows:
        return []
    return [
        '<table class="measures-review">',
        f"<caption>{esc(_x('review', lang))} — {esc(_x('measures_review', lang))}</caption>",
        f"<thead><tr><th>{esc(_x('measures_review', lang))}</th><th>{esc(_x('rating', lang))}"
        f"</th><th>{esc(_x('direction', lang))}</th><th></th></tr></thead><tbody>",
        *rows,
        "</tbody></table>",
    ]


def _section(
    view: Meeting,
    section: Section,
    policy_code: str | None,
    anchor: str,
    lang: Lang,
    with_charts: bool,
) -> list[str]:
    report = view.report
    results = section.results
    out = [
        f'<section class="policy" id="{anchor}">',
        f"<h3>{esc(section.heading)}</h3>",
    ]
    if policy_code:
        out += _review(report, policy_code, lang)
        out += _measures_review(report, policy_code, lang)
    if results:
        out.append('<div class="cards">')
        for r in results:
            out += _card(view, r, lang, with_charts)
        out.append("</div>")
    if section.reprints:
        links = ", ".join(
            f'<a href="#{esc(r.kpi.id)}">{_status(r.status, lang, r.override is not None)} '
            f"{esc(kpi_name(r.kpi, lang))}</a>"
            for r in section.reprints
        )
        out.append(f'<p class="reprints">{esc(t("show.relisted", lang))} {links}</p>')
    out.append("</section>")
    return out


def _card(view: Meeting, r: KpiResult, lang: Lang, with_charts: bool) -> list[str]:
    k = r.kpi
    kid = esc(k.id)
    tags = []
    if k.kind != "level":
        tags.append(KIND_WORDS[k.kind][lang])
    if k.target.kind in ("at_least", "maintain", "reset"):
        tags.append(TARGET_KIND_WORDS[k.target.kind][lang])
    tag_html = "".join(f'<span class="tag">{esc(x)}</span>' for x in tags)
    ref = k.id + (" · " + ", ".join(k.measures) if k.measures else "")
    out = [
        f'<figure class="kpi st-{r.status.value}" id="{kid}" data-kpi="{kid}">',
        f'<p class="card-head">{_grade(r, lang)}{_status(r.status, lang, r.override is not None)}'
        f"{tag_html}"
        f' <span class="ref">{esc(ref)}</span></p>',
        f'<p class="name">{esc(kpi_name(k, lang))}</p>',
    ]
    if with_charts:
        out.append(charts.kpi_svg(r, view.report, lang))
    out.append("<figcaption>")
    out.append('<dl class="figures">')
    for term, value in _details(view, r, lang):
        out.append(f"<dt>{esc(term)}</dt><dd>{value}</dd>")
    out.append("</dl>")
    if r.explanation:
        out.append(
            f'<p class="explanation"><b>{esc(t("explanation", lang))}</b> {esc(r.explanation)}</p>'
        )
    if r.override is not None:
        computed = status_label(r.computed_status, lang)
        out.append(
            f'<p class="override"><b>{OVERRIDE_MARK} {esc(t("override.by", lang))}: '
            f"{esc(status_label(r.status, lang))}</b> — {esc(r.override.reason)} "
            f'<span class="computed">({esc(t("override.computed", lang))}: {esc(computed)})'
            "</span></p>"
        )
    out += ["</figcaption>", "</figure>"]
    return out


def _grade(r: KpiResult, lang: Lang) -> str:
    """On a strategy's own scale, the KPI's grade before its status ('' without one)."""
    if r.grade is None:
        return ""
    return f'<span class="grade">{esc(grade_label(r.grade, lang))}</span> '


def _grades(report: Report, lang: Lang) -> list[str]:
    """'評定: A … 2 · B … 3' under the summary table (nothing without grades)."""
    grades = report.strategy.evaluation.grades
    if not grades:
        return []
    counts = report.grade_summary
    parts = " · ".join(
        f'<span class="grade">{esc(grade_label(g, lang))}</span> {counts[g.code]}' for g in grades
    )
    return [f'<p class="grades"><b>{esc(t("grade", lang))}</b>: {parts}</p>']


def _details(view: Meeting, r: KpiResult, lang: Lang) -> list[tuple[str, str]]:
    """(term, HTML) rows of a KPI card: every value escaped here."""
    k = r.kpi
    actual = esc(with_unit(r.actual, unit_suffix(k, lang)))
    if r.actual_year is not None:
        stale = " stale" if r.stale else ""
        tag = year_tag(r.actual_year, k, lang)
        actual += f' <span class="year{stale}">{esc(tag)}</span>'
    if r.missing_years:
        missing = ", ".join(year_tag(y, k, lang).strip("()") for y in r.missing_years)
        actual += f' <span class="warn">{esc(t("missing", lang))}: {esc(missing)}</span>'
    rows = [
        (t("actual", lang), actual),
    ]
    for fact in card_facts(view, r, lang):
        html = esc(fact.text)
        if fact.aside is not None:
            html += f'<br><span class="muted">{esc(fact.aside)}</span>'
        rows.append((fact.term, html))
    return rows
