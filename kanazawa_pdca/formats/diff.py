"""`pdca diff Y0 Y1` (and `pdca check Y1 --compare Y0`): a Comparison as table, JSON, CSV or
Markdown. Each renderer only writes what compare.py decided.

JSON (DESIGN.md): {from, to, summary {movement: count}, kpis: [{id, name,
from {status, actual {year, value} | null}, to {…}, movement, change}]}; each side also has
`computed_status` and `override {status, reason} | null`, as `check` has them, so a status
(and a movement) that the committee's review set is always visibly the committee's. On a
strategy with grades each side adds `grade` (code or null) after `status`, the CSV
`from_grade` / `to_grade` after each status, and the table and Markdown show the grade above
the status (a strategy without grades: none of it).
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from ..compare import Comparison, KpiMovement, Movement
from ..i18n import (
    MOVEMENT_STYLE,
    STATUS_STYLE,
    Lang,
    grade_label,
    kpi_name,
    movement_label,
    result_label,
    t,
    unit_suffix,
)
from ..present import escape
from ..present.numbers import number, with_unit, year_tag
from ..years import label, reiwa
from . import RenderOptions

# the reading order of the human formats: what needs attention first
ORDER = [Movement.WORSENED, Movement.IMPROVED, Movement.NEW, Movement.LOST, Movement.UNCHANGED]


def render(
    comparison: Comparison, fmt: str, options: RenderOptions, *, show_all: bool = False
) -> str:
    if fmt == "json":
        return escape.json_document(
            json.dumps(diff_document(comparison), ensure_ascii=False, indent=2) + "\n"
        )
    if fmt == "csv":
        return render_csv(comparison)
    if fmt == "markdown":
        return render_markdown(comparison, options.lang)
    return render_table(comparison, options, show_all=show_all)


# --- JSON -----------------------------------------------------------------------------------


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def _side(m: KpiMovement, which: str, graded: bool = False) -> dict[str, Any]:
    r = m.before if which == "from" else m.after
    actual = None if r.actual is None else {"year": r.actual_year, "value": _num(r.actual)}
    override = (
        None
        if r.override is None
        else {"status": r.override.status.value, "reason": r.override.reason}
    )
    grade = {"grade": _grade(r)} if graded else {}
    return {
        "status": r.status.value,
        **grade,
        "actual": actual,
        "computed_status": r.computed_status.value,
        "override": override,
    }


def _grade(r) -> str | None:
    return r.grade.code if r.grade is not None else None


def diff_document(c: Comparison) -> dict[str, Any]:
    return {
        "from": c.from_year,
        "to": c.to_year,
        "summary": {m.value: n for m, n in c.summary.items()},
        "kpis": [
            {
                "id": m.kpi.id,
                "name": m.kpi.name,
                "from": _side(m, "from", c.graded),
                "to": _side(m, "to", c.graded),
                "movement": m.movement.value,
                "change": _num(m.change),
            }
            for m in c.kpis
        ],
    }


# --- CSV ------------------------------------------------------------------------------------

CSV_COLUMNS = [
    "id", "name", "name_en", "unit",
    "from_year", "from_status", "from_actual_year", "from_actual_value",
    "to_year", "to_status", "to_actual_year", "to_actual_value",
    "movement", "change",
    "from_computed_status", "from_override_reason", "to_computed_status", "to_override_reason",
]  # fmt: skip


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6f}".rstrip("0").rstrip(".") if not value.is_integer() else f"{value:.0f}"
    return str(escape.spreadsheet(value))


def render_csv(c: Comparison) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = list(CSV_COLUMNS)
    if c.graded:  # each side's grade after its status
        columns.insert(columns.index("from_status") + 1, "from_grade")
        columns.insert(columns.index("to_status") + 1, "to_grade")
    writer.writerow(columns)
    for m in c.kpis:
        k, r0, r1 = m.kpi, m.before, m.after
        row = [
            k.id, k.name, k.name_en, k.unit,
            c.from_year, r0.status.value, r0.actual_year, r0.actual,
            c.to_year, r1.status.value, r1.actual_year, r1.actual,
            m.movement.value, m.change,
            r0.computed_status.value, r0.override.reason if r0.override else None,
            r1.computed_status.value, r1.override.reason if r1.override else None,
        ]  # fmt: skip
        if c.graded:
            row.insert(CSV_COLUMNS.index("from_status") + 1, _grade(r0))
            row.insert(CSV_COLUMNS.index("to_status") + 2, _grade(r1))
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


# --- shared by the human formats ------------------------------------------------------------


def ordered(c: Comparison) -> list[KpiMovement]:
    """Worsened first, then improved, new, lost, unchanged; strategy order within each."""
    return sorted(c.kpis, key=lambda m: ORDER.index(m.movement))


def figure(r, unit: str = "") -> str:
    """'53 (R7)': the figure judged and its year; '—' without one."""
    if r.actual is None:
        return "—"
    return f"{with_unit(r.actual, unit)} {year_tag(r.actual_year, r.kpi)}"


def signed_change(m: KpiMovement, lang: Lang, escape_unit=escape.terminal) -> str:
    """'+3.5ポイント' (a percentage's change is in points), '-200件', '0人'; '—' without both
    figures. In English '+3.5 pt', '-200 cases'. The unit is data: `escape_unit` escapes it
    for the output (the number is our own)."""
    if m.change is None:
        return "—"
    text = number(m.change, 4)
    text = text if text.startswith("-") or text == "0" else f"+{text}"
    if m.kpi.unit == "%":
        return text + t("diff.points", lang)
    return text + escape_unit(unit_suffix(m.kpi, lang))


def summary_line(c: Comparison, lang: Lang) -> str:
    return " · ".join(f"{movement_label(m.value, lang)} {n}" for m, n in c.summary.items())


def heading(c: Comparison, lang: Lang) -> str:
    return f"{t('diff.heading', lang)} {label(c.from_year, lang)} → {label(c.to_year, lang)}"


# --- Markdown -------------------------------------------------------------------------------


def render_markdown(c: Comparison, lang: Lang, *, level: int = 1) -> str:
    h = "#" * level
    lines = [f"{h} {heading(c, lang)}", ""]
    lines += [
        "| " + " | ".join(movement_label(m.value, lang) for m in Movement) + " |",
        "|" + "---:|" * len(Movement),
        "| " + " | ".join(str(n) for n in c.summary.values()) + " |",
        "",
    ]
    y0, y1 = reiwa(c.from_year), reiwa(c.to_year)
    head = [
        t("kpi", lang),
        f"{t('status', lang)} {y0}",
        f"{t('actual', lang)} {y0}",
        f"{t('status', lang)} {y1}",
        f"{t('actual', lang)} {y1}",
        t("diff.change", lang),
        t("diff.movement", lang),
    ]
    lines += ["| " + " | ".join(head) + " |", "|---|---|---:|---|---:|---:|---|"]
    for m in ordered(c):
        k = m.kpi
        cells = [
            f"{escape.markdown(kpi_name(k, lang))}<br>`{k.id}`",
            _md_judgement(m.before, lang),
            escape.markdown(figure(m.before, unit_suffix(k, lang))),
            _md_judgement(m.after, lang),
            escape.markdown(figure(m.after, unit_suffix(k, lang))),
            signed_change(m, lang, escape.markdown),
            movement_label(m.movement.value, lang),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", t("diff.change_note", lang), ""]
    return "\n".join(lines)


def _md_judgement(r, lang: Lang) -> str:
    """The status; on a strategy's own scale the grade first, in bold, the status under it
    (as check's Markdown)."""
    if r.grade is None:
        return result_label(r, lang)
    return f"**{escape.markdown(grade_label(r.grade, lang))}**<br>{result_label(r, lang)}"


# --- the terminal table ---------------------------------------------------------------------


GAP = 2  # between the diff table's columns
NAME_MIN = 16  # the name column's width the figures fold to leave it…
NAME_WORD = 20  # …or its longest English word up to this
NAME_LEAST = 8  # the name column folds to this at the narrowest


def render_table(c: Comparison, options: RenderOptions, *, show_all: bool = False) -> str:
    """The terminal table, laid out on present/grid: the name column takes the room left by
    the figures and folds by the grid's rules (kinsoku in Japanese, at spaces in English);
    an id never splits: beside its name when the column holds it whole, else on a line of
    its own above its row."""
    from rich.text import Text

    lang = options.lang
    out: list = [Text(heading(c, lang), style="bold")]
    shown = [m for m in ordered(c) if show_all or m.movement is not Movement.UNCHANGED]
    if shown:
        out.append(_grid(c, shown, lang, options.width or 100))
    elif not c.kpis:
        out.append(Text(t("diff.none", lang)))
    unchanged = c.summary[Movement.UNCHANGED]
    if not show_all and unchanged:
        out.append(Text(t("diff.unchanged_rest", lang).format(n=unchanged), style="dim"))
    out.append(Text(f"{t('summary', lang)}: {summary_line(c, lang)}", style="bold"))
    out.append(Text(t("diff.change_note", lang), style="dim"))
    return _print(options, out)


def _grid(c: Comparison, shown: list[KpiMovement], lang: Lang, width: int):
    from rich.cells import cell_len
    from rich.text import Text

    from ..present import grid

    rows = []
    for m in shown:
        unit = escape.terminal(unit_suffix(m.kpi, lang))
        rows.append(
            [
                _status_cell(m.before, c.from_year, unit, lang),
                _status_cell(m.after, c.to_year, unit, lang),
                Text(signed_change(m, lang)),
                Text(
                    movement_label(m.movement.value, lang),
                    style=MOVEMENT_STYLE[m.movement.value][1],
                ),
            ]
        )
    heads = [reiwa(c.from_year), reiwa(c.to_year), t("diff.change", lang)]
    heads.append(t("diff.movement", lang))
    cells = [[row[j] for row in rows] for j in range(len(heads))]
    widths = [_natural(h, column) for h, column in zip(heads, cells, strict=True)]
    least = [
        _least(h, column, whole=j != 2)
        for j, (h, column) in enumerate(zip(heads, cells, strict=True))
    ]
    # short of room, the figures fold at their spaces ('30,000\ndownloads') before the
    # name column goes below name_min: one cell at a time from the widest slack
    words = [w for m in shown for w in kpi_name(m.kpi, lang).split(" ") if w.isascii()]
    name_min = max(NAME_MIN, min(NAME_WORD, max(map(len, words), default=0)))
    while width - sum(widths) - GAP * len(widths) < name_min:
        slack = [w - m for w, m in zip(widths, least, strict=True)]
        if max(slack) <= 0:
            break
        widths[slack.index(max(slack))] -= 1
    name_width = max(NAME_LEAST, width - sum(widths) - GAP * len(widths))
    ids_apart = name_width < max(cell_len(m.kpi.id) for m in shown)
    columns = [grid.Column(t("kpi", lang), name_width, wrap=True)]
    columns += [
        grid.Column(h, w, justify="left" if j == 3 else "right", wrap=True)
        for j, (h, w) in enumerate(zip(heads, widths, strict=True))
    ]
    lines = grid.header(columns, GAP)
    for m, row in zip(shown, rows, strict=True):
        name = Text(escape.terminal(kpi_name(m.kpi, lang)))
        if ids_apart:  # whole, on a line of its own
            lines.append(Text(m.kpi.id, style="dim"))
        else:
            name.append(f"\n{m.kpi.id}", style="dim")
        lines += grid.render(columns, [[name, *row]], GAP)
    return Text("\n").join(lines)


def _natural(head: str, cells: list) -> int:
    from rich.cells import cell_len

    return max([cell_len(head), *(cell_len(x) for c in cells for x in c.plain.split("\n"))])


def _least(head: str, cells: list, whole: bool) -> int:
    """The narrowest a figure column folds to: its header, the longest word of its cells
    and, `whole`, each cell's first line (a status label or a movement: never folded)."""
    from rich.cells import cell_len

    least = cell_len(head)
    for c in cells:
        first, *rest = c.plain.split("\n")
        words = [w for line in (rest if whole else [first, *rest]) for w in line.split(" ")]
        least = max(least, cell_len(first) if whole else 0, *(cell_len(w) for w in words))
    return least


def _status_cell(r, year: int, unit: str, lang: Lang):
    """'○ 順調' over the figure; the figure's year only when older than the column's. On a
    strategy's own scale the grade ('B 目標どおり') first, above the status."""
    from rich.text import Text

    cell = Text()
    if r.grade is not None:
        cell.append(f"{escape.terminal(grade_label(r.grade, lang))}\n", style="bold")
    cell.append(result_label(r, lang), style=STATUS_STYLE[r.status][1])
    if r.actual is not None:
        cell.append(f"\n{with_unit(r.actual, unit)}")
        if r.actual_year != year:
            tag = year_tag(r.actual_year, r.kpi, lang)
            cell.append(f" {tag}", style="bold")  # an earlier year's
    return cell


def _print(options: RenderOptions, items: list) -> str:
    from rich.console import Console

    console = Console(
        file=io.StringIO(),
        force_terminal=options.color,
        no_color=not options.color,
        color_system="auto" if options.color else None,
        width=options.width or 100,  # piped without $COLUMNS
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    with console.capture() as capture:
        for item in items:
            console.print(item)
    # rich pads every line of a table to its width: no trailing spaces (before a colour's
    # reset code either)
    return TRAILING.sub(r"\1", capture.get())


TRAILING = re.compile(r" +((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


# --- `pdca check Y1 --compare Y0`: the check output with the comparison -------------------

CHECK_COMPARE_FORMATS = ("table", "json", "csv", "markdown")


def with_check(fmt: str, report, check_text: str, c: Comparison, options: RenderOptions) -> str:
    """The check output of `report` (already rendered as `check_text`) with the comparison.

    json: the check document with a `compare` key holding the diff document; csv: four
    more columns per KPI (compare_year, compare_status, movement, change; compare_grade
    after compare_status on a strategy with grades); markdown and
    table: the comparison after the check.
    """
    if fmt == "json":
        doc = json.loads(check_text)
        doc["compare"] = diff_document(c)
        return escape.json_document(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    if fmt == "csv":
        moves = {m.kpi.id: m for m in c.kpis}
        rows = list(csv.reader(io.StringIO(check_text)))
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        grade = ["compare_grade"] if c.graded else []  # on a strategy's own scale
        head = ["compare_year", "compare_status", *grade, "movement", "change"]
        writer.writerow([*rows[0], *head])
        for row in rows[1:]:
            m = moves.get(row[0])
            extra = (
                [
                    c.from_year,
                    m.before.status.value,
                    *([_grade(m.before)] if c.graded else []),
                    m.movement.value,
                    m.change,
                ]
                if m
                else [None] * len(head)
            )
            writer.writerow([*row, *(_cell(v) for v in extra)])
        return out.getvalue()
    if fmt == "markdown":
        return check_text.rstrip("\n") + "\n\n" + render_markdown(c, options.lang, level=2)
    return check_text + "\n" + render_table(c, options)
