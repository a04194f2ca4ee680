"""The terminal view of `pdca kpis`: every KPI with its baseline -> target."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from ..i18n import KIND_WORDS, TARGET_KIND_WORDS, kpi_name, t
from ..model.strategy import Kpi
from . import RenderOptions
from .numbers import with_unit, year_tag
from .table import print_to_string


def render_kpi_table(kpis: list[Kpi], options: RenderOptions) -> str:
    lang = options.lang
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("id", style="cyan", overflow="fold")
    table.add_column(
        f"{t('kpi', lang)} / {t('kind', lang)} · {t('measures', lang)}",
        overflow="fold",
        min_width=20,
    )
    table.add_column(f"{t('baseline', lang)} → {t('target', lang)}", overflow="fold")
    for k in kpis:
        arrow = Text(f"{with_unit(k.baseline.value, k.unit)} {year_tag(k.baseline.year)}")
        arrow.append(" → ")
        if k.target.kind == "reset":
            arrow.append(k.target.text)
        else:
            qualifier = TARGET_KIND_WORDS[k.target.kind][lang]
            if k.kind == "period_total" and k.period:
                qualifier = f"{year_tag(k.period[0])}–{year_tag(k.period[1])}".replace(")–(", "–")
            arrow.append(f"{with_unit(k.target.value, k.unit)} {year_tag(k.target.year)}")
            if qualifier:
                arrow.append(f" {qualifier}", style="dim")
        kind = KIND_WORDS[k.kind][lang] + (" ↓" if k.direction == "decrease" else "")
        name = Text(kpi_name(k, lang))
        name.append(f"\n{kind} · {' '.join(k.measures)}", style="dim")
        table.add_row(k.id, name, arrow)
    caption = f"{len(kpis)} KPI" if lang == "en" else f"KPI {len(kpis)} 件"
    return print_to_string(options, table, Text(caption, style="dim"))
