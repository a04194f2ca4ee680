"""The terminal view of `pdca kpis`: every KPI with its baseline -> target.

The ids are what users copy into the actuals files, so an id never folds: when the
width leaves no room for an id column beside the name, each id gets a line of its own
above its KPI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text

from ..i18n import KIND_WORDS, TARGET_KIND_WORDS, kpi_name, t, unit_suffix
from ..present import grid
from ..present.numbers import derived_mark, reset_text, span_tag, with_unit, year_tag
from . import RenderOptions
from .table import DIM, HEADER_STYLE, d, print_to_string

if TYPE_CHECKING:
    from ..model.strategy import Kpi

ID_STYLE = "bold"
NAME_RANGE = (24, 60)  # the name column: at least, at most
ARROW_RANGE = (20, 40)


def _arrow(k: Kpi, lang) -> Text:
    unit = d(unit_suffix(k, lang))
    arrow = Text(f"{with_unit(k.baseline.value, unit)} {year_tag(k.baseline.year, k, lang)}")
    arrow.append(" → ")
    if k.target.kind == "reset":
        arrow.append(reset_text(k, lang, d))
        return arrow
    qualifier = TARGET_KIND_WORDS[k.target.kind][lang]
    if k.kind == "period_total" and k.period:
        qualifier = span_tag(*k.period, k, lang)
    figure = with_unit(k.target.value, unit) + derived_mark(k, lang)
    arrow.append(f"{figure} {year_tag(k.target.year, k, lang)}")
    if qualifier:
        arrow.append(f" {qualifier}", style=DIM)
    return arrow


def _name(k: Kpi, lang) -> Text:
    kind = KIND_WORDS[k.kind][lang] + (" ↓" if k.direction == "decrease" else "")
    name = Text(d(kpi_name(k, lang)))
    name.append(f"\n{kind} · {' '.join(d(m) for m in k.measures)}", style=DIM)
    return name


def render_kpi_table(kpis: list[Kpi], options: RenderOptions) -> str:
    lang, width = options.lang, options.width
    ids = [d(k.id) for k in kpis]
    names = [_name(k, lang) for k in kpis]
    arrows = [_arrow(k, lang) for k in kpis]
    id_width = max([2, *(cell_len(i) for i in ids)])
    arrow_natural = max([ARROW_RANGE[0], *(cell_len(a.plain) for a in arrows)])
    gap = 2
    name_head = f"{t('kpi', lang)} / {t('kind', lang)} · {t('measures', lang)}"
    arrow_head = f"{t('baseline', lang)} → {t('target', lang)}"
    total = width or id_width + NAME_RANGE[1] + arrow_natural + 2 * gap
    stacked = total - id_width - 2 * gap < NAME_RANGE[0] + ARROW_RANGE[0]
    room = total - (0 if stacked else id_width + gap) - gap
    arrow_width = min(arrow_natural, ARROW_RANGE[1], max(ARROW_RANGE[0], room - NAME_RANGE[1]))
    name_width = max(8, min(NAME_RANGE[1], room - arrow_width))
    columns = [
        grid.Column(name_head, name_width, wrap=True),
        grid.Column(arrow_head, arrow_width, wrap=True),
    ]
    if not stacked:
        columns.insert(0, grid.Column("id", id_width))
    lines = grid.header(columns, gap, HEADER_STYLE)
    for kid, name, arrow in zip(ids, names, arrows, strict=True):
        if stacked:
            lines.append(Text(kid, style=ID_STYLE))  # whole, on a line of its own
            lines += grid.render(columns, [[name, arrow]], gap)
        else:
            lines += grid.render(columns, [[Text(kid, style=ID_STYLE), name, arrow]], gap)
    caption = t("kpis.caption", lang).format(n=len(kpis))
    return print_to_string(options, Text("\n").join(lines), Text(caption, style=DIM))
