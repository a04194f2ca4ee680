"""`pdca show KPI`: one KPI in full, as text (with a chart) or JSON.

Renders a history.KpiHistory; computes nothing.
"""

from __future__ import annotations

import io
import json
from typing import Any

from ..assess import expected_at
from ..i18n import (
    KIND_WORDS,
    STATUS_STYLE,
    TARGET_KIND_WORDS,
    Lang,
    grade_label,
    kpi_name,
    localized,
    override_note,
    result_label,
    t,
    unit,
    unit_suffix,
)
from ..present import escape
from ..present.numbers import (
    derived_mark,
    figure_digits,
    number,
    percent,
    span_tag,
    with_unit,
    year_tag,
)
from ..present.outlook_cell import outlook_cell, pace_text
from ..years import label
from . import RenderOptions
from .json_format import kpi_definition, kpi_result
from .json_format import outlook as outlook_json

# --- JSON -----------------------------------------------------------------------------------


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def show_document(h) -> dict[str, Any]:
    """The KPI's definition (as `pdca kpis`), where it is printed, its figures, each year's
    result and the result for the year asked about (as `pdca check`), with the outlook. On a
    strategy with grades, the current result and each year add `grade` (code or null) after
    `status`, as `check` has it."""
    return {
        **kpi_definition(h.kpi),
        "note": h.kpi.note,
        "printed_in": [
            {"code": p.code, "title": p.title, "title_en": p.title_en, "relisted": p.relisted}
            for p in h.printings
        ],
        "figures": [
            {"year": f.year, "value": _num(f.value), "source": f.source, "note": f.note}
            for f in h.figures
        ],
        "year": h.year,
        "current": kpi_result(h.current, h.graded),
        "outlook": outlook_json(h.current.outlook),
        "years": [
            _graded_year(
                h,
                r,
                {
                    "year": r.year,
                    "expected": _num(None if r.expected is None else round(r.expected, 6)),
                    "actual": (
                        None
                        if r.actual is None
                        else {"year": r.actual_year, "value": _num(r.actual)}
                    ),
                    "attainment": None if r.attainment is None else round(r.attainment, 6),
                    "progress": None if r.progress is None else round(r.progress, 6),
                    "status": r.status.value,
                    "computed_status": r.computed_status.value,
                },
            )
            for r in h.years
        ],
    }


def _graded_year(h, r, year: dict[str, Any]) -> dict[str, Any]:
    """A year's entry; on a strategy with grades `grade` after `status`."""
    if not h.graded:
        return year
    keys = list(year)
    at = keys.index("status") + 1
    grade = {"grade": r.grade.code if r.grade else None}
    return {**{k: year[k] for k in keys[:at]}, **grade, **{k: year[k] for k in keys[at:]}}


def render_json(h) -> str:
    text = json.dumps(show_document(h), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    return escape.json_document(text)


# --- text -----------------------------------------------------------------------------------


def _year(k, year: int, lang: Lang) -> str:
    """A row's year: 'R8', or '2019年' / '2019' for a KPI counted in calendar years."""
    return year_tag(year, k, lang).strip("()")


def _printed(text: str | None, value: float | None, k, lang: Lang) -> str:
    """The text as printed, and the value read from it when the text does not show it
    ('R6年度開始  → 0 (R5)'); in English a figure printed with a Japanese unit is given in
    English first ('780 people  (printed: 780 人（R4）)')."""
    if text is None:  # no baseline printed
        return "—" if value is None else with_unit(value, escape.terminal(unit_suffix(k, lang)))
    shown = escape.terminal(text)
    if value is None:
        return shown
    english = escape.terminal(unit_suffix(k, lang))
    if k.unit and k.unit in text and english != k.unit:
        return f"{with_unit(value, english)}  ({t('show.printed_as', lang)}: {shown})"
    plain = shown.replace(",", "").replace("，", "")
    if number(value).replace(",", "") in plain:
        return shown
    return f"{shown}  → {with_unit(value, escape.terminal(unit_suffix(k, lang)))}"


def render_text(h, options: RenderOptions, *, chart: bool = True) -> str:
    """The KPI as a terminal page: what it is, the year asked about, every year, every
    figure, then the chart (plotext) unless `chart` is False."""
    from rich.text import Text

    lang = options.lang
    width = options.width or 80  # piped without $COLUMNS: a width any terminal shows
    blocks = [
        ("", _head(h.kpi, lang)),
        ("", _definition(h, lang)),
        ("", _current(h, lang)),
        (t("show.years", lang), _years(h, lang)),
        (t("show.figures", lang), _figures(h, lang)),
    ]
    text = _printed_blocks([(Text(title, style="bold"), body) for title, body in blocks], options)
    if chart:
        text += _chart(h, lang, width, options.color)
    return text


def _head(k, lang: Lang):
    """The KPI's name in the language asked for; its id and its other name, dimmed."""
    from rich.text import Text

    head = Text(escape.terminal(kpi_name(k, lang)), style="bold")
    other = k.name if lang == "en" else k.name_en
    head.append(f"\n{k.id} · {escape.terminal(other)}", style="dim")
    return head


def _facts_grid():
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    return grid


def _definition(h, lang: Lang):
    """What the KPI is: unit, kind and direction, baseline, target, period, where it is
    printed in the strategy, and its note."""
    from rich.text import Text

    k = h.kpi
    facts = _facts_grid()
    kind = KIND_WORDS[k.kind][lang] + " · " + t(f"show.direction.{k.direction}", lang)
    facts.add_row(t("unit", lang), Text(escape.terminal(unit(k, lang)) or "—"))
    facts.add_row(t("kind", lang), kind)
    facts.add_row(t("baseline", lang), Text(_printed(k.baseline.text, k.baseline.value, k, lang)))
    target = _printed(k.target.text, k.target.value, k, lang)
    if k.target.derived:  # the figure is derived from the baseline, not printed
        target += escape.terminal(derived_mark(k, lang))
    qualifier = TARGET_KIND_WORDS[k.target.kind][lang]
    if qualifier and qualifier not in target:
        target += f"  [{qualifier}]"
    facts.add_row(t("target", lang), Text(target))  # data: never read as markup
    if k.period:
        word = t("show.period" if k.kind == "period_total" else "show.window", lang)
        facts.add_row(word, span_tag(*k.period, k, lang).strip("()"))
    facts.add_row(t("show.printed", lang), _printings(h.printings, lang))
    if k.note:
        facts.add_row(t("show.kpi_note", lang), Text(escape.terminal(k.note), style="dim"))
    return facts


def _printings(printings, lang: Lang):
    """Where the strategy prints the KPI: a goal's targets or a policy, one a line."""
    from rich.text import Text

    places = Text()
    for i, p in enumerate(printings):
        if i:
            places.append("\n")
        places.append(p.code, style="cyan")
        goal = p.code.startswith("G")
        what = localized(p, "goal_title" if goal else "title", lang)
        places.append(f"  {escape.terminal(what)}")
        if goal:
            places.append(f" — {t('show.targets', lang)}", style="dim")
        if p.relisted:
            places.append(f" {t('show.relisted', lang)}", style="dim")
    return places


def _current(h, lang: Lang):
    """The year asked about, as pdca check gives it: status and figures, the committee's
    override, the explanation, the outlook and its pace."""
    from rich.text import Text

    k, r = h.kpi, h.current
    now = _facts_grid()
    now.add_row(label(h.year, lang), _status_line(k, r, lang))
    note = override_note(r, lang)
    if note:
        now.add_row("", Text(escape.terminal(note), style="magenta"))
    if r.explanation:
        now.add_row("", Text(escape.terminal(r.explanation), style="dim"))
    outlook = Text(escape.terminal(outlook_cell(r, lang, unit=True)))
    if r.outlook is not None:
        outlook.append(f"  {pace_text(r, lang)}", style="dim")
    now.add_row(t("outlook", lang), outlook)
    return now


def _status_line(k, r, lang: Lang):
    """'△ やや遅れ  実績 … · 期待値 … · 達成率 … · 進捗率 …' (the figures there are); on a
    strategy with grades the grade first: 'C やや遅れ  △ やや遅れ  実績 …'."""
    from rich.text import Text

    suffix = escape.terminal(unit_suffix(k, lang))
    digits = figure_digits(k)
    status = Text()
    if r.grade is not None:  # the strategy's own scale: the grade, the status beside it
        status.append(escape.terminal(grade_label(r.grade, lang)), style="bold")
        status.append("  ")
    status.append(result_label(r, lang), style=STATUS_STYLE[r.status][1])
    if r.actual is not None:
        status.append(
            f"  {t('chart.actual_sum' if k.kind == 'period_total' else 'actual', lang)} "
            f"{with_unit(r.actual, suffix)} {year_tag(r.actual_year, k, lang)}"
            f" · {t('expected', lang)} {with_unit(r.expected, suffix, digits)}"
            f" · {t('attainment', lang)} {percent(r.attainment)}"
            f" · {t('progress', lang)} {percent(r.progress)}"
        )
    elif r.expected is not None:
        status.append(f"  {t('expected', lang)} {with_unit(r.expected, suffix, digits)}")
    return status


def _years(h, lang: Lang):
    """Every year of the KPI as pdca check judges it; a year still to come (after the year
    asked about and the last figure) shows only what is expected of it."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    k = h.kpi
    digits = figure_digits(k)
    figures = {f.year: f for f in h.figures}
    years = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    years.add_column(t("show.year", lang), no_wrap=True)
    for key in ("show.recorded", "expected", "show.judged", "attainment", "progress"):
        years.add_column(t(key, lang), justify="right", no_wrap=True)
    if h.graded:
        years.add_column(t("grade", lang), no_wrap=True)
    years.add_column(t("status", lang), no_wrap=True)
    blank = [""] * (7 if h.graded else 6)
    last_figure = max((f.year for f in h.figures), default=None)
    for y in h.years:
        recorded = figures.get(y.year)
        expected = with_unit(expected_at(k, y.year), "", digits)
        if y.year > h.year and (last_figure is None or y.year > last_figure):
            years.add_row(_year(k, y.year, lang), "—", expected, *blank[3:])
            continue
        judged = with_unit(y.actual, "")
        if y.actual is not None and y.actual_year != y.year:
            judged += f" {year_tag(y.actual_year, k, lang)}"
        years.add_row(
            _year(k, y.year, lang),
            with_unit(recorded.value if recorded else None, ""),
            expected,
            judged,
            percent(y.attainment),
            percent(y.progress),
            *_grade_cell(h, y, lang),
            Text(result_label(y, lang), style=STATUS_STYLE[y.status][1]),
        )
    return years


def _grade_cell(h, r, lang: Lang) -> list:
    """The year's grade by its code ('C'; blank without one), on a strategy with grades:
    the line of the year asked about above gives its label."""
    from rich.text import Text

    if not h.graded:
        return []
    return [Text("" if r.grade is None else escape.terminal(r.grade.code), style="bold")]


def _figures(h, lang: Lang):
    """Every recorded figure with its source and note (or that there is none yet)."""
    from rich.text import Text

    suffix = escape.terminal(unit_suffix(h.kpi, lang))
    notes = Text()
    if not h.figures:
        notes.append(t("show.no_figures", lang), style="yellow")
    for i, f in enumerate(h.figures):
        if i:
            notes.append("\n")
        notes.append(f"{_year(h.kpi, f.year, lang)}  {with_unit(f.value, suffix)}")
        if f.source:
            notes.append(f"  {t('show.source', lang)}: {escape.terminal(f.source)}", style="dim")
        if f.note:
            notes.append(f"  {t('show.note', lang)}: {escape.terminal(f.note)}", style="dim")
    return notes


def _printed_blocks(blocks, options: RenderOptions) -> str:
    """The blocks through rich at the width asked for: each (title, body) as the title's
    line (when there is a title) right above its body, a blank line between blocks."""
    from rich.console import Console

    console = Console(
        file=io.StringIO(),
        force_terminal=options.color,
        no_color=not options.color,
        color_system="auto" if options.color else None,
        width=options.width or 80,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    with console.capture() as capture:
        for i, (title, body) in enumerate(blocks):
            if i:
                console.print()
            if title.plain:
                console.print(title)
            console.print(body)
    text = capture.get()
    if not options.color:  # rich pads grid cells to the width
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text


def _chart(h, lang: Lang, width: int, color: bool) -> str:
    """The chart under its title and unit, or nothing when there is nothing to draw."""
    from .chart import render_chart

    drawn = render_chart(h, lang, width, color)
    if not drawn:
        return ""
    shown = f" ({escape.terminal(unit(h.kpi, lang))})" if h.kpi.unit else ""
    return f"\n{t('show.chart', lang)}{shown}\n{drawn}"
