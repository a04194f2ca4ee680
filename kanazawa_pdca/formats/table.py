"""The terminal view of `pdca check`: a table per basic goal, then the summary.

Laid out by the light `grid` renderer (rich's Table costs ~1 ms a row). The layout
fits the width asked for (the terminal's, `--width N`, or, when the output is piped,
the table's own natural width):

- the name column is capped (`NAME_CAP`; from 140 columns on `NAME_WIDE`, so that at 200
  columns most names fit on one line, and the outlook too when it fits); when short of
  room it shrinks to `NAME_MIN`, then the optional columns are left out in `drop` order
  (progress first, then the baseline), and the status words fold;
- text folds by display cells (a Japanese character is 2), English at spaces, Japanese
  between characters under the kinsoku rules (`grid.fold`); a reference code never splits.

Columns are `KpiColumn`s: a key (also its header's i18n key), a cell function and a drop
rank. An optional column (e.g. the outlook) is one more entry in `kpi_columns`, with a
`drop` rank that leaves it out first when the width is short.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from ..assess import KpiResult, Report, grade_counts, share_on_track
from ..i18n import (
    STATUS_STYLE,
    Lang,
    grade_label,
    kpi_name,
    override_note,
    result_label,
    status_label,
    status_word,
    t,
    title,
)
from ..i18n import unit as kpi_unit
from ..present import grid
from ..present.escape import terminal
from ..present.layout import first_shown, floor_gap, goal_views, older_line
from ..present.notes import note_mark, notes_text, overrides_text
from ..present.numbers import (
    bar,
    decimals,
    derived_note,
    figure_digits,
    kpi_figure,
    percent,
    reset_text,
    signed,
    span_tag,
    with_unit,
    year_tag,
)
from ..present.outlook_cell import outlook_cell
from ..trajectory import Status
from ..years import label
from . import RenderOptions

# styles readable on light and dark backgrounds alike (no plain yellow or cyan text)
GOAL_STYLE = "bold underline"
SECTION_STYLE = "bold"
HEADER_STYLE = "bold"
NOTE_STYLE = "bold"  # stale years, missing years, hints: the default colour, bold
DIM = "dim"

# layout numbers per language (widths, not words: they stay here)
NAME_MIN = {"ja": 26, "en": 24}  # the name column's width when short of room
NAME_FLOOR = 16  # narrower than this, names go on lines of their own above the figures
NAME_CAP = {"ja": 40, "en": 56}  # …and at most (20 Japanese characters)…
NAME_WIDE = {"ja": 60, "en": 80}  # …unless the terminal is wide enough for more (200 columns)
WIDE_GAP = 140  # from this width on, two spaces between columns
UNIT_WIDTH = 8  # a longer unit folds
EN_WORD = 10  # in English the unit column widens to a whole word up to this
NATURAL = 10_000  # the console width when the output has no width (piped)


def d(text: str) -> str:
    """Data text (names, titles, units) made safe for a terminal."""
    return terminal(text)


# --- the KPI columns ----------------------------------------------------------------------


@dataclass(frozen=True)
class KpiColumn:
    key: str  # the i18n key of the header
    cell: Callable[[KpiResult, Lang], Text | str]
    justify: str = "right"
    drop: int = 0  # 0: always shown; otherwise left out when short, highest first
    wrap: bool = False  # fold to `min_width` when short of room
    max_width: int | None = None
    min_width: Callable[[Lang], int] = lambda lang: 0  # folded, at least this wide


def _unit(r: KpiResult, lang: Lang) -> str:
    unit = kpi_unit(r.kpi, lang)  # in English one word a line: 'school\ndistricts'
    # escape first: the newlines placed here are layout, not data
    return d(unit).replace(" ", "\n") if lang == "en" else d(unit)


def _baseline(r: KpiResult, lang: Lang) -> str:
    kpi = r.kpi
    return f"{with_unit(kpi.baseline.value, '')}\n{year_tag(kpi.baseline.year, kpi, lang)}"


def _target(r: KpiResult, lang: Lang) -> str:
    kpi = r.kpi
    if kpi.target.kind == "reset":
        return reset_text(kpi, lang, d)
    if kpi.kind == "period_total":
        prefix = t("table.sum", lang)
    elif kpi.kind == "period_average":
        prefix = t("table.avg", lang)
    elif kpi.target.kind in ("at_least", "maintain"):
        prefix = "≥\u00a0"  # a no-break space: the sign never folds away from its figure
    elif kpi.target.kind == "above":
        prefix = ">\u00a0"
    else:
        prefix = ""
    period, year = kpi.period, kpi.target.year
    when = span_tag(*period, kpi, lang) if period else year_tag(year, kpi, lang)
    derived = derived_note(kpi, lang)  # a figure derived from the baseline says how
    how = f"\n{derived}" if derived else ""
    return f"{prefix}{with_unit(kpi.target.value, '')}\n{when}{how}"


def _expected(r: KpiResult, lang: Lang) -> str:
    text = kpi_figure(r.kpi, r.expected, "")
    if r.expected is not None and r.stale:
        text += f"\n{year_tag(r.actual_year, r.kpi, lang)}"
    return text


def _actual(r: KpiResult, lang: Lang) -> Text:
    actual = Text(with_unit(r.actual, "", max(2, figure_digits(r.kpi))))
    if r.actual_year is not None:
        tag = year_tag(r.actual_year, r.kpi, lang)
        actual.append(f"\n{tag}", style=NOTE_STYLE if r.stale else DIM)
    return actual


def _attainment(r: KpiResult, lang: Lang) -> Text | str:
    gap = floor_gap(r)
    if gap is None:
        return percent(r.attainment)
    # a floor to keep: kept or not, and by how much (a ratio means nothing here)
    text = Text(t("table.floor_kept" if gap >= 0 else "table.floor_below", lang))
    digits = max(figure_digits(r.kpi), decimals(r.actual))
    text.append(f"\n{signed(r.kpi, gap, '', digits)}", style=DIM)
    return text


def _progress(r: KpiResult, lang: Lang) -> str:
    if r.progress is None or floor_gap(r) is not None:
        return ""
    return f"{bar(r.progress)} {percent(r.progress)}"


def _status_least(lang: Lang) -> int:
    """Folded, the status column still holds every label whole (but 'not assessable')."""
    fold = Status.NOT_ASSESSABLE if lang == "en" else None
    return max(cell_len(status_label(s, lang)) for s in Status if s is not fold)


def _status(r: KpiResult, lang: Lang) -> Text:
    return Text(result_label(r, lang), style=STATUS_STYLE[r.status][1])  # ✎: committee's


KPI_COLUMNS: tuple[KpiColumn, ...] = (
    KpiColumn("unit", _unit, "left", wrap=True, max_width=UNIT_WIDTH),
    KpiColumn("baseline", _baseline, drop=2),
    KpiColumn("target", _target, wrap=True),
    KpiColumn("expected", _expected),
    KpiColumn("actual", _actual),
    KpiColumn("attainment", _attainment),
    KpiColumn("progress", _progress, "left", drop=3),
    KpiColumn("status", _status, "left", wrap=True, min_width=lambda lang: _status_least(lang)),
)


OUTLOOK_WIDTH = 140  # from this width on the 見込み column is shown without --outlook


def _outlook(r: KpiResult, lang: Lang) -> Text | str:
    """'R10 見込' over '58.1 / 59 ✗' (outlook_cell's words, on two lines)."""
    cell = _outlook_line(r, lang)
    if isinstance(cell, Text):
        when, figures = cell.plain.split(" ", 2)[:2], cell.plain.split(" ", 2)[2]
        return Text(f"{' '.join(when)}\n{figures}", style=cell.style)
    return cell


def _outlook_line(r: KpiResult, lang: Lang) -> Text | str:
    """'R10 見込 58.1 / 59 ✗' on one line, where the terminal is wide enough for it."""
    if r.outlook is None:
        return ""
    return Text(outlook_cell(r, lang), style="" if r.outlook.reaches else NOTE_STYLE)


def show_outlook(options: RenderOptions) -> bool:
    """--outlook / --no-outlook, else when the width is known and wide enough."""
    if options.outlook is not None:
        return options.outlook
    return options.width is not None and options.width >= OUTLOOK_WIDTH


def grade_column(strategy) -> KpiColumn:
    """The grade of a strategy's own scale ('B 目標どおり'): the judgement, before the status."""

    def cell(r: KpiResult, lang: Lang) -> Text:
        return Text(d(grade_label(r.grade, lang)), style="bold")

    return KpiColumn("grade", cell, "left", wrap=True)


def kpi_columns(options: RenderOptions, strategy=None) -> list[KpiColumn]:
    """The columns after the name, in order (an optional column is added here); with a
    strategy that has grades, the grade before the status."""
    columns = list(KPI_COLUMNS)
    if strategy is not None and strategy.evaluation.grades:
        columns.insert(len(columns) - 1, grade_column(strategy))
    if show_outlook(options):
        # before the status; asked for with --outlook it stays, else it goes first when short
        drop = 0 if options.outlook else 4
        columns.insert(len(columns) - 1, KpiColumn("outlook", _outlook, "right", drop=drop))
    return columns


def _name(r: KpiResult, lang: Lang) -> Text:
    kpi = r.kpi
    name = Text(d(kpi_name(kpi, lang)) + note_mark(r))  # ※: its figure has a note (below)
    code = d(first_shown(r))
    if len(kpi.measures) > 1:
        code += f" · {t('also_in', lang)} {', '.join(d(m) for m in kpi.measures[1:])}"
    name.append(f"\n{code}", style=DIM)
    if r.missing_years:
        missing = ", ".join(year_tag(y, kpi, lang).strip("()") for y in r.missing_years)
        name.append(f"\n{t('missing', lang)}: {missing}", style=NOTE_STYLE)
    note = override_note(r, lang)
    if note:  # the committee's status: always with its reason
        name.append(f"\n{d(note)}", style=NOTE_STYLE)
    return name


def _reprint_name(r: KpiResult, lang: Lang) -> Text:
    name = Text(t("table.reprint", lang) + d(kpi_name(r.kpi, lang)), style=DIM)
    name.append("\n" + t("table.shown_at", lang).format(code=d(first_shown(r))), style=DIM)
    return name


# --- layout -------------------------------------------------------------------------------


def _longest_word(text: str) -> int:
    """The widest piece `grid.fold` cannot break (a word, or one Japanese character)."""
    return max((cell_len(w) for line in text.split("\n") for w in line.split(" ")), default=0)


def _natural(cells: Sequence[Text | str]) -> int:
    return max(
        (
            cell_len(line)
            for c in cells
            for line in (c.plain if isinstance(c, Text) else c).split("\n")
        ),
        default=0,
    )


@dataclass(frozen=True)
class Layout:
    columns: list[grid.Column]
    keys: list[str]
    gap: int
    stacked: bool = False  # no name column: names on lines of their own above the figures

    @property
    def width(self) -> int:
        return sum(c.width for c in self.columns) + self.gap * (len(self.columns) - 1)


def fit(
    specs: Sequence[KpiColumn],
    cells: dict[str, list[Text | str]],
    width: int | None,
    lang: Lang,
) -> Layout:
    """Column widths for `width` cells (None: the natural width, names at their cap)."""
    gap = 2 if width is None or width >= WIDE_GAP else 1
    natural = {}
    least = {}
    for spec in specs:
        w = max(cell_len(t(spec.key, lang)), _natural(cells[spec.key]))
        words = [c.plain if isinstance(c, Text) else c for c in cells[spec.key]]
        shortest = max([cell_len(t(spec.key, lang)), *(_longest_word(x) for x in words)])
        if spec.max_width:
            # English words (units: 'registrations') are never split by the cap
            cap = max(spec.max_width, min(shortest, EN_WORD)) if lang == "en" else spec.max_width
            w = min(w, cap)
        natural[spec.key] = w
        least[spec.key] = min(w, max(shortest, spec.min_width(lang))) if spec.wrap else w
    name = NAME_CAP[lang]
    shown, widths = _choose(specs, natural, least, width, gap, NAME_MIN[lang])
    if width is not None:
        room = width - sum(widths[s.key] + gap for s in shown)
        if room < NAME_FLOOR:
            # too narrow for a name column: each name gets the whole width on lines of its
            # own above its figures
            shown, widths = _choose(specs, natural, least, width + gap, gap, 0)
            columns = [
                grid.Column(t(s.key, lang), widths[s.key], s.justify, wrap=s.wrap) for s in shown
            ]
            return Layout(columns, [s.key for s in shown], gap, stacked=True)
        # the spare width of a wide terminal goes to the names (fewer of them fold)
        cap = NAME_WIDE[lang] if width >= WIDE_GAP else NAME_CAP[lang]
        name = max(4, min(cap, room))
    columns = [grid.Column(t("kpi", lang), name, "left", wrap=True)]
    columns += [grid.Column(t(s.key, lang), widths[s.key], s.justify, wrap=s.wrap) for s in shown]
    return Layout(columns, ["kpi", *(s.key for s in shown)], gap)


def _choose(specs, natural, least, width, gap, keep) -> tuple[list[KpiColumn], dict[str, int]]:
    """The columns shown and their widths, leaving `keep` cells (the name column's)."""
    shown = list(specs)
    widths = dict(natural)
    if width is None:
        return shown, widths

    def room() -> int:
        return width - sum(widths[s.key] + gap for s in shown)

    for spec in sorted((s for s in shown if s.drop), key=lambda s: -s.drop):
        if room() >= keep:
            break
        shown.remove(spec)
    if room() < keep:  # fold what folds, then give back what is left
        widths = {k: least[k] for k in widths}
        for spec in shown:
            spare = room() - keep
            if spare > 0:
                widths[spec.key] += min(spare, natural[spec.key] - widths[spec.key])
    return shown, widths


# --- rendering ----------------------------------------------------------------------------


def render(report: Report, options: RenderOptions) -> str:
    return print_to_string(options, *renderables(report, options))


def print_to_string(options: RenderOptions, *items: Text) -> str:
    """Lines of Text, laid out already, to a string: ANSI colour only when options.color.

    Without colour the plain text is the output (what rich would print, without its cost).
    """
    if not options.color and all(isinstance(item, Text) for item in items):
        return "\n\n".join(item.plain for item in items) + "\n"
    console = Console(
        file=io.StringIO(),
        force_terminal=options.color,
        no_color=not options.color,
        color_system="auto" if options.color else None,
        width=options.width or NATURAL,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    with console.capture() as capture:
        for i, item in enumerate(items):
            if i:
                console.print()
            console.print(item, soft_wrap=True)  # no re-wrapping by rich
    return capture.get()


def paragraph(text: Text, width: int | None) -> Text:
    """Fold every line of `text` to `width` cells (Japanese with kinsoku)."""
    if width is None:
        return text
    lines = [piece for line in text.split("\n") for piece in grid.fold(line, width)]
    return Text("\n").join(lines)


def renderables(report: Report, options: RenderOptions) -> list[Text]:
    lang, width = options.lang, options.width
    out: list[Text] = [paragraph(heading(report, options), width)]
    if options.summary_only:
        return [*out, summary(report, options)]
    if not report.kpis:
        out.append(Text(t("check.none", lang)))
    else:
        out += goal_tables(report, options)
    out.append(summary(report, options))
    if show_outlook(options):
        out.append(paragraph(outlook_summary(report, lang), width))
    if notes := notes_text(report, lang):  # the notes recorded with the figures (※)
        out.append(paragraph(notes, width))
    if overrides := overrides_text(report, lang):  # the committee's statuses (✎), with reasons
        out.append(paragraph(overrides, width))
    if not report.has_data:
        out.append(paragraph(_no_data_hint(report, lang), width))
    return out


def heading(report: Report, options: RenderOptions) -> Text:
    """The title, the thresholds and, when filtered, the filters in force."""
    lang = options.lang
    meta = report.strategy.meta
    name = d(title(meta, lang))
    th = report.thresholds
    text = Text(f"{name} — {label(report.year, lang)}", style="bold")
    crit = f"{t('thresholds', lang)}: ○ ≥ {th.on_track:.0%} · △ ≥ {th.behind:.0%} · × ≥ 0% · ▼ < 0%"
    if report.strict:
        crit += t("check.strict", lang)
    text.append(f"\n{crit}", style=DIM)
    if report.is_filtered:
        text.append("\n" + filter_line(report, lang), style=NOTE_STYLE)
    return text


def filter_line(report: Report, lang: Lang) -> str:
    """'絞り込み: 基本目標3 · × 遅れ, ▼ 後退（集計は基本目標全体）'."""
    parts = []
    if report.goal_filter:
        goals = ", ".join(str(g) for g in report.goal_filter)
        parts.append(t("filter.goal", lang).format(goals=goals))
    if report.status_filter:
        parts.append(", ".join(status_label(s, lang) for s in report.status_filter))
    shown = len(report.kpis)
    return t("filter.line", lang).format(parts=" · ".join(parts), n=shown, s="s" * (shown != 1))


def goal_tables(report: Report, options: RenderOptions) -> list[Text]:
    """Per goal: its heading, the column header, then each section (数値目標, policies)."""
    lang, width = options.lang, options.width
    views = goal_views(report, lang)
    specs = kpi_columns(options, report.strategy)
    results = [r for v in views for s in v.sections for r in s.results]
    results_by_id = {r.kpi.id: r for r in results}
    cells = {r.kpi.id: {s.key: s.cell(r, lang) for s in specs} for r in results}
    fitted = fit(specs, {s.key: [c[s.key] for c in cells.values()] for s in specs}, width, lang)
    if width is not None and "outlook" in fitted.keys and not fitted.stacked:
        # a wide terminal: the outlook on one line, when the names keep their room
        flat = {
            k: {**c, "outlook": _outlook_line(results_by_id[k], lang)} for k, c in cells.items()
        }
        wide = fit(specs, {s.key: [c[s.key] for c in flat.values()] for s in specs}, width, lang)
        if (
            wide.keys == fitted.keys
            and not wide.stacked
            and wide.columns[0].width >= NAME_CAP[lang]
        ):
            cells, fitted = flat, wide
    rule_width = fitted.width
    header = grid.header(fitted.columns, fitted.gap, HEADER_STYLE)
    out = []
    for view in views:
        lines = [*paragraph(Text(d(view.heading), style=GOAL_STYLE), width).split("\n"), *header]
        for section in view.sections:
            lines += paragraph(Text(d(section.heading), style=SECTION_STYLE), rule_width).split(
                "\n"
            )
            if fitted.stacked:
                lines += _stacked(section, cells, fitted, width, lang)
                continue
            rows = [
                [_name(r, lang), *(cells[r.kpi.id][k] for k in fitted.keys[1:])]
                for r in section.results
            ]
            rows += [
                [_reprint_name(r, lang), *("" for _ in fitted.keys[1:-1]), _status(r, lang)]
                if fitted.keys[-1] == "status"
                else [_reprint_name(r, lang), *("" for _ in fitted.keys[1:])]
                for r in section.reprints
            ]
            lines += grid.render(fitted.columns, rows, fitted.gap)
        out.append(Text("\n").join(lines))
    return out


def _stacked(section, cells, fitted: Layout, width: int | None, lang: Lang) -> list[Text]:
    """A section on a narrow terminal: per KPI its name lines, then its figures."""
    lines: list[Text] = []
    for r in section.results:
        lines += paragraph(_name(r, lang), width).split("\n")
        lines += grid.render(
            fitted.columns, [[cells[r.kpi.id][k] for k in fitted.keys]], fitted.gap
        )
    for r in section.reprints:
        lines += paragraph(_reprint_name(r, lang), width).split("\n")
        if fitted.keys[-1] == "status":
            blanks = ["" for _ in fitted.keys[:-1]]
            lines += grid.render(fitted.columns, [[*blanks, _status(r, lang)]], fitted.gap)
    return lines


# --- the summary --------------------------------------------------------------------------

SUMMARY_NAME = (20, 64)  # the goal column: at least, at most


def summary(report: Report, options: RenderOptions) -> Text:
    """Counts per status for each goal (whole goals, whatever the filters) and in total."""
    lang, width = options.lang, options.width
    goals, totals = report.summary_scope()
    statuses = list(Status)
    share_head = t("share_good_short", lang)
    count_width = max(len(str(n)) for n in (*totals.values(), 100))

    def widths(mode: str) -> list[int]:
        if mode == "symbols":
            return [max(count_width, 2) for _ in statuses] + [4]
        split = (lambda w: _longest_word(w)) if mode == "folded" else cell_len
        out = [max(count_width, split(status_word(s, lang))) for s in statuses]
        return [*out, max(cell_len(line) for line in share_head.split("\n"))]

    mode = "words"
    for mode in ("words", "folded", "symbols"):
        gap = 2 if mode == "words" and (width is None or width >= WIDE_GAP) else 1
        room = (width or NATURAL) - sum(w + gap for w in widths(mode))
        if room >= SUMMARY_NAME[0] + 8 or mode == "symbols":
            break
    sized = widths(mode)
    name = max(8, min(SUMMARY_NAME[1], room))
    columns = [grid.Column(t("goal", lang), name, "left", wrap=True)]
    columns += [grid.Column("", w, "right", wrap=True) for w in sized]
    head = [Text(t("goal", lang), style=HEADER_STYLE)]
    for s in statuses:
        symbol, style = STATUS_STYLE[s]
        word = "" if mode == "symbols" else "\n" + status_word(s, lang)
        head.append(Text(symbol + word, style=f"{HEADER_STYLE} {style}"))
    head.append(Text("%" if mode == "symbols" else share_head, style=HEADER_STYLE))
    rows: list[list[Text | str]] = []
    for g in goals:
        rows.append(
            [
                Text(f"{g.code} {d(title(g, lang))}"),
                *(str(g.counts[s]) if g.counts[s] else "·" for s in statuses),
                percent(g.share_on_track),
            ]
        )
    total = [
        Text(t("total", lang), style="bold"),
        *(str(totals[s]) for s in statuses),
        Text(percent(share_on_track(totals)), style="bold"),
    ]
    body = grid.render(columns, rows, gap)
    rule = Text("─" * (sum(c.width for c in columns) + gap * (len(columns) - 1)), style=DIM)
    lines = [
        Text(summary_title(report, lang), style="bold"),
        *grid.render(columns, [head], gap),  # however many lines the header folds to
        rule,
        *body,
        rule,
        *grid.render(columns, [total], gap),
    ]
    if older := older_line(report, lang):  # the counts above include figures of older years
        lines.append(paragraph(Text(older, style=NOTE_STYLE), width))
    if report.strategy.evaluation.grades:  # the strategy's own scale, counted
        lines.append(paragraph(Text(grades_line(report, lang), style="bold"), width))
    # a symbol never folds away from its word (no-break spaces inside each label)
    legend = " · ".join(status_label(s, lang).replace(" ", "\u00a0") for s in statuses)
    if mode == "symbols":
        legend += f" · %\u00a0=\u00a0{t('share_good', lang)}"
    lines.append(paragraph(Text(legend, style=DIM), width))
    if any(floor_gap(r) is not None for r in report.kpis) and not getattr(
        options, "summary_only", False
    ):
        lines.append(paragraph(Text(t("summary.floor_note", lang), style=DIM), width))
    return Text("\n").join(lines)


def grades_line(report: Report, lang: Lang) -> str:
    """'評定: A 目標を大きく上回る 2 · B 目標どおり 3 · … · なし 1' over the summary's KPIs."""
    goals, _ = report.summary_scope()
    ids = {k for g in goals for k in g.kpi_ids}
    whole = report.whole or report
    results = [r for r in whole.kpis if r.kpi.id in ids]
    counts = grade_counts(report.strategy, results)
    grades = report.strategy.evaluation.grades
    parts = [f"{d(grade_label(g, lang))} {counts[g.code]}" for g in grades]
    none = sum(1 for r in results if r.grade is None)
    if none:
        parts.append(f"{t('grade.none', lang)} {none}")
    return f"{t('grade', lang)}: {' · '.join(parts)}"


def outlook_summary(report: Report, lang: Lang) -> Text:
    """'見込み未達 51 件（…）— G1 12 · G2 10 …': KPIs projected to miss, per goal (whole goals)."""
    goals, _ = report.summary_scope()
    ids = {k for g in goals for k in g.kpi_ids}  # a KPI printed in two goals counts once
    whole = report.whole or report
    total = sum(1 for r in whole.kpis if r.kpi.id in ids and r.outlook and not r.outlook.reaches)
    per_goal = " · ".join(f"{g.code} {g.projected_to_miss}" for g in goals)
    text = t("summary.outlook_miss", lang)
    return Text(text.format(n=total, s="s" * (total != 1), per_goal=per_goal), style="bold")


def summary_title(report: Report, lang: Lang) -> str:
    if not report.is_filtered:
        return t("summary", lang)
    return t("summary.whole", lang)


def _no_data_hint(report: Report, lang: Lang) -> Text:
    year = report.year
    folder = report.actuals_path or "data/actuals"
    where = f"{folder.rstrip('/')}/{year}.yaml"
    msg = t("check.no_data", lang).format(year=year, where=where)
    return Text(msg, style=NOTE_STYLE)
