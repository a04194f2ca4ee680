"""`pdca diff Y0 Y1` (and `pdca check Y1 --compare Y0`): a Comparison as table, JSON, CSV or
Markdown. Each renderer only writes what compare.py decided.

JSON (DESIGN.md): {from, to, summary {movement: count}, kpis: [{id, name,
from {status, actual {year, value} | null}, to {…}, movement, change}]}; each side also has
`computed_status` and `override {status, reason} | null`, as `check` has them, so a status
(and a movement) that the committee's review set is always visibly the committee's.
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

DIFF_FORMATS = ("table", "json", "csv", "markdown")

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


def _side(m: KpiMovement, which: str) -> dict[str, Any]:
    r = m.before if which == "from" else m.after
    actual = None if r.actual is None else {"year": r.actual_year, "value": _num(r.actual)}
    override = (
        None
        if r.override is None
        else {"status": r.override.status.value, "reason": r.override.reason}
    )
    return {
        "status": r.status.value,
        "actual": actual,
        "computed_status": r.computed_status.value,
        "override": override,
    }


def diff_document(c: Comparison) -> dict[str, Any]:
    return {
        "from": c.from_year,
        "to": c.to_year,
        "summary": {m.value: n for m, n in c.summary.items()},
        "kpis": [
            {
                "id": m.kpi.id,
                "name": m.kpi.name,
                "from": _side(m, "from"),
                "to": _side(m, "to"),
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
    writer.writerow(CSV_COLUMNS)
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
            result_label(m.before, lang),
            escape.markdown(figure(m.before, unit_suffix(k, lang))),
            result_label(m.after, lang),
            escape.markdown(figure(m.after, unit_suffix(k, lang))),
            signed_change(m, lang, escape.markdown),
            movement_label(m.movement.value, lang),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", t("diff.change_note", lang), ""]
    return "\n".join(lines)


# --- the terminal table ---------------------------------------------------------------------


def render_table(c: Comparison, options: RenderOptions, *, show_all: bool = False) -> str:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    lang = options.lang
    y0, y1 = reiwa(c.from_year), reiwa(c.to_year)
    out: list = [Text(heading(c, lang), style="bold")]
    shown = [m for m in ordered(c) if show_all or m.movement is not Movement.UNCHANGED]
    if shown:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column(t("kpi", lang), overflow="fold", ratio=1, min_width=16)
        table.add_column(y0, justify="right", no_wrap=True)
        table.add_column(y1, justify="right", no_wrap=True)
        table.add_column(t("diff.change", lang), justify="right", no_wrap=True)
        table.add_column(t("diff.movement", lang), no_wrap=True)
        for m in shown:
            k = m.kpi
            name = Text(escape.terminal(kpi_name(k, lang)))
            name.append(f"\n{k.id}", style="dim")
            unit = escape.terminal(unit_suffix(k, lang))
            table.add_row(
                name,
                _status_cell(m.before, c.from_year, unit, lang),
                _status_cell(m.after, c.to_year, unit, lang),
                signed_change(m, lang),
                Text(
                    movement_label(m.movement.value, lang),
                    style=MOVEMENT_STYLE[m.movement.value][1],
                ),
            )
        out.append(table)
    elif not c.kpis:
        out.append(Text(t("diff.none", lang)))
    unchanged = c.summary[Movement.UNCHANGED]
    if not show_all and unchanged:
        out.append(Text(t("diff.unchanged_rest", lang).format(n=unchanged), style="dim"))
    out.append(Text(f"{t('summary', lang)}: {summary_line(c, lang)}", style="bold"))
    out.append(Text(t("diff.change_note", lang), style="dim"))
    return _print(options, out)


def _status_cell(r, year: int, unit: str, lang: Lang):
    """'○ 順調' over the figure; the figure's year only when older than the column's."""
    from rich.text import Text

    cell = Text(result_label(r, lang), style=STATUS_STYLE[r.status][1])
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
    more columns per KPI (compare_year, compare_status, movement, change); markdown and
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
        writer.writerow([*rows[0], "compare_year", "compare_status", "movement", "change"])
        for row in rows[1:]:
            m = moves.get(row[0])
            extra = (
                [c.from_year, m.before.status.value, m.movement.value, m.change]
                if m
                else [None] * 4
            )
            writer.writerow([*row, *(_cell(v) for v in extra)])
        return out.getvalue()
    if fmt == "markdown":
        return check_text.rstrip("\n") + "\n\n" + render_markdown(c, options.lang, level=2)
    return check_text + "\n" + render_table(c, options)
